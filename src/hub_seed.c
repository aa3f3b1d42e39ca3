/* hub_seed.c - what a unit refers to, and the hub rows the staging database must hold so the
 * core importer sees what the hub sees.
 *
 * The unit's files are read once for ids (temporary table ref: the ids of its own rows with
 * their lines, and every id its rows name). The hub rows seeded into the staging database:
 *   - the rows with the unit's keys (so the importer makes the hub's newer-or-keep choice),
 *   - the rows the importer's cross-row rules look at (SEED_RULES: the attendance and ledger
 *     rows of a meeting the unit touches, the reversals of a row it touches, every member of
 *     a group it touches),
 *   - and every parent of those (groups, members, meetings, reversed rows), so the staging
 *     database's foreign keys hold.
 * Lookups stay inside the provinces of the groups and members the unit names (partition
 * pruning); an id named but found in neither the unit nor those provinces is looked up in
 * every province. All of it is set-wise SQL on the server. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "csvio.h"
#include "db_access.h"
#include "hub_unit.h"
#include "i18n.h"
#include "schema.h"

/* Recently sent reference ids (exact: id and table), so that the 7.8 million attendance rows
 * of a kabupaten send their 30,000 members once, not once per row. */
#define REF_SLOTS 65536

/* Reading the unit's files for ids: each row's key (one-column keys, with the row's line;
 * with fingerprints on, every key with its fingerprint) and every id the rows name. */
struct pre {
	hub_copy cp;                 /* the COPY into pg_temp.ref in progress */
	int src, t;
	int header_fields;
	int idx[HUB_MAX_COLS];       /* column of the table -> field of the record, -1 */
	char (*cache)[SK_UUID_LEN + 4];
	long long refs;
	int fingerprints;            /* 1: send every own row with its fingerprint */
	long long nkeyed[BT_COUNT];  /* rows with a well-formed key, per table */
	long long file_keyed;        /* ... in the file being read */
	char prev[2][SK_UUID_LEN + 1]; /* the file's last key */
	int repeats;                 /* a file's keys did not rise, or a table came in two
				      * files: a key may be there twice */
	int unkeyed;                 /* a row without a well-formed key (a new row of a single
				      * table file, or a bad one) */
	int own_col[3];              /* the table's kelompok_id, diubah_pada and REF_VALUE
				      * columns, -1 */
};

static unsigned slot_of(const char *id, int t)
{
	unsigned h = 2166136261u ^ (unsigned)t;
	for (const char *p = id; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return h & (REF_SLOTS - 1);
}

/* Of an own row, besides its group and stamp, the value of this column goes to pg_temp.ref
 * (nilai), for SEED_RULES: a ledger row that takes money out can take a book below zero. */
static const struct {
	const char *table, *col;
} REF_VALUE[] = {
	{ "kas", "keluar" },
	{ "anggota", "nik" },
};

/* One row of pg_temp.ref: t, own, id, id2, src, baris, sidik (NULL for NULL), and of an own
 * row its group, stamp and value (grp, ubah, nilai: what SEED_RULES read of the unit's rows). */
static void ref_line(struct pre *p, int t, int own, const char *id, const char *id2, long long line,
		     const char *sidik, const char *const own_cols[3])
{
	char num[32], src[16];
	snprintf(num, sizeof num, "%d", t);
	hub_copy_field(&p->cp, num);
	hub_copy_field(&p->cp, own ? "t" : "f");
	hub_copy_field(&p->cp, id);
	hub_copy_field(&p->cp, id2);
	snprintf(src, sizeof src, "%d", p->src);
	snprintf(num, sizeof num, "%lld", line);
	hub_copy_field(&p->cp, own ? src : NULL);
	hub_copy_field(&p->cp, own ? num : NULL);
	hub_copy_field(&p->cp, sidik);
	hub_copy_field(&p->cp, own && sk_uuid_valid(own_cols[0]) ? own_cols[0] : NULL);
	hub_copy_field(&p->cp, own ? own_cols[1] : NULL);
	hub_copy_field(&p->cp, own ? own_cols[2] : NULL);
	hub_copy_eol(&p->cp);
	p->refs++;
}

/* An id the row names (of table t, -1 any table), once per recent id. */
static void send_ref(struct pre *p, int t, const char *id)
{
	if (!sk_uuid_valid(id))
		return; /* the importer reports it */
	char *slot = p->cache[slot_of(id, t)];
	if ((unsigned char)slot[0] == (unsigned char)(t + 3) && strcmp(slot + 1, id) == 0)
		return;
	slot[0] = (char)(t + 3);
	memcpy(slot + 1, id, SK_UUID_LEN + 1);
	ref_line(p, t, 0, id, NULL, 0, NULL, NULL);
}

/* Field c of the table in the record, as the importer reads it (bundle_field). */
static const char *field(const struct pre *p, const hub_table *t, int c, int nf, char **f)
{
	return bundle_field(t->def, p->idx, c, nf, f);
}

/* The row's own key: a one-column key with its line; with fingerprints on, every key with
 * its line and fingerprint (none for a row of the wrong width, which the importer refuses). */
static void send_own(struct pre *p, const hub_table *t, int line, int nf, char **f)
{
	const char *k[2] = { NULL, NULL }, *v[HUB_MAX_COLS];
	char sidik[HUB_SIDIK_LEN + 1];
	/* the row's group, stamp and value, for SEED_RULES */
	const char *own_cols[3];
	for (int i = 0; i < 3; i++)
		own_cols[i] = p->own_col[i] >= 0 ? field(p, t, p->own_col[i], nf, f) : "";
	for (int i = 0; i < t->nkey; i++)
		if (!sk_uuid_valid(k[i] = field(p, t, t->key[i], nf, f))) {
			p->unkeyed = 1;
			/* the importer reports it, or gives it a new id: what SEED_RULES read of
			 * it (a new expense's group) goes under the nil id, which names no row */
			if (t->nkey == 1)
				ref_line(p, p->t, 1, "00000000-0000-0000-0000-000000000000", NULL, line,
					 NULL, own_cols);
			return;
		}
	if (!p->fingerprints) {
		if (t->nkey == 1)
			ref_line(p, p->t, 1, k[0], NULL, line, NULL, own_cols);
		return;
	}
	int c = p->file_keyed++ ? strcmp(p->prev[0], k[0]) : -1;
	if (c > 0 || (c == 0 && strcmp(p->prev[1], k[1] ? k[1] : "") >= 0))
		p->repeats = 1;
	sk_strlcpy(p->prev[0], k[0], sizeof p->prev[0]);
	sk_strlcpy(p->prev[1], k[1] ? k[1] : "", sizeof p->prev[1]);
	p->nkeyed[p->t]++;
	int whole = nf == p->header_fields;
	for (int i = 0; whole && i < t->def->ncols; i++)
		v[i] = field(p, t, i, nf, f);
	if (whole)
		hub_row_sidik(t, v, sidik);
	ref_line(p, p->t, 1, k[0], k[1], line, whole ? sidik : NULL, own_cols);
}

static int pre_record(void *ctx, int line, int nf, char **f)
{
	struct pre *p = ctx;
	const hub_table *t = &hub_tables()[p->t];
	if (line == 1) {
		p->header_fields = nf;
		for (int c = 0; c < t->def->ncols && c < HUB_MAX_COLS; c++) {
			p->idx[c] = -1;
			for (int j = 0; j < nf; j++)
				if (strcmp(f[j], t->def->cols[c].name) == 0) {
					p->idx[c] = j;
					break;
				}
		}
		if (p->nkeyed[p->t])
			p->repeats = 1; /* the table's second file in the unit */
		p->file_keyed = 0;
		p->own_col[0] = bundle_col_index(p->t, "kelompok_id");
		p->own_col[1] = bundle_col_index(p->t, "diubah_pada");
		p->own_col[2] = -1;
		for (size_t i = 0; i < sizeof REF_VALUE / sizeof REF_VALUE[0]; i++)
			if (strcmp(REF_VALUE[i].table, t->def->name) == 0)
				p->own_col[2] = bundle_col_index(p->t, REF_VALUE[i].col);
		return 0;
	}
	int blank = 1;
	for (int i = 0; blank && i < nf; i++)
		blank = !*f[i];
	if (blank)
		return 0; /* an empty spreadsheet row: the importer passes it by */
	send_own(p, t, line, nf, f);
	for (int c = 0; c < t->def->ncols && c < HUB_MAX_COLS; c++) {
		if (p->idx[c] < 0 || p->idx[c] >= nf || !*f[p->idx[c]])
			continue;
		if (t->ref[c] != -1 && !(t->nkey == 1 && c == t->key[0]))
			send_ref(p, t->ref[c] >= 0 ? t->ref[c] : -1, f[p->idx[c]]);
	}
	return p->cp.failed;
}

/* Read one table file if it is a regular file (anything else the importer refuses). */
static void pre_read(struct pre *p, const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	sk_err e;
	csv_read_file(path, pre_record, p, &e); /* a broken file: the importer says so */
}

/* Tables from..to-1 of every source of the unit into pg_temp.ref, in one COPY. */
static int read_ids(hub *h, struct hub_unit *u, struct pre *p, int from, int to, sk_err *e)
{
	if (hub_copy_begin(h, &p->cp, "COPY pg_temp.ref (t, own, id, id2, src, baris, sidik, grp, ubah, nilai) FROM "
			   "STDIN", e) != SK_OK)
		return SK_DBERR;
	for (int s = 0; s < u->npaths && !p->cp.failed; s++) {
		struct stat st;
		p->src = s;
		int dir = stat(u->paths[s], &st) == 0 && S_ISDIR(st.st_mode);
		int single = dir ? -1 : bundle_table_by_file(u->paths[s]);
		for (int t = from; t < to; t++) {
			if (!dir && t != single)
				continue;
			char path[PATH_MAX + 64];
			hub_unit_label(u, s, t, path, sizeof path);
			p->t = t;
			pre_read(p, dir ? path : u->paths[s]);
		}
	}
	return hub_copy_end(&p->cp, 1);
}

/* ---- a unit the hub has exactly ----------------------------------------------------------- */

/* 1 when every row of table t sent with a fingerprint has the fingerprint of the hub's row
 * with its key (in the unit's provinces, u->prov), 0 when one has not, -1 on an error. */
static int table_same(hub *h, const struct hub_unit *u, const struct pre *p, int t, sk_err *e)
{
	const hub_table *tab = &hub_tables()[t];
	hub_sql q = { 0 };
	hub_sql_add(&q, "SELECT count(*) FROM pg_temp.ref r WHERE r.own AND r.t = %d AND EXISTS "
		    "(SELECT 1 FROM " HUB_SCHEMA ".%s x WHERE x.%s = r.id", t, tab->def->name,
		    tab->def->cols[tab->key[0]].name);
	if (tab->nkey == 2)
		hub_sql_add(&q, " AND x.%s = r.id2", tab->def->cols[tab->key[1]].name);
	hub_sql_add(&q, " AND x.prov = ANY('%s'::smallint[]) AND x.sidik = r.sidik)", u->prov);
	int ok;
	long long n = hub_query_ll(h, q.s, 0, NULL, 0, &ok, e);
	hub_sql_free(&q);
	hub_step_time(tab->def->name);
	return !ok ? -1 : n == p->nkeyed[t];
}

/* table_same for tables from..to-1: 1 when all are the hub's, 0, or -1. The tables with
 * fewer rows are asked first: a change found there spares counting the bigger ones. */
static int all_same(hub *h, struct hub_unit *u, const struct pre *p, int from, int to, sk_err *e)
{
	int order[BT_COUNT] = { 0 }, n = 0, same = 1;
	for (int t = from; t < to; t++) {
		int i = n++;
		for (; i > 0 && p->nkeyed[order[i - 1]] > p->nkeyed[t]; i--)
			order[i] = order[i - 1];
		order[i] = t;
	}
	for (int k = 0; same == 1 && k < n; k++)
		if (p->nkeyed[order[k]])
			same = table_same(h, u, p, order[k], e);
	return same;
}

static int find_provinces(hub *h, struct hub_unit *u, int seeds, sk_err *e);

/* 1 when the rows of a unit the hub has exactly may be passed over (not SIKUBE_HUB_SKIP=0,
 * nor a unit being judged whole again). */
static int may_pass_over(const struct hub_unit *u)
{
	const char *off = getenv("SIKUBE_HUB_SKIP");
	return !u->judge_all && !(off && strcmp(off, "0") == 0);
}

/* Read the unit's files into pg_temp.ref in three steps, each table with fingerprints while
 * the steps before found the hub's rows: the groups and members; the assessments and
 * meetings (a bundle with a new week differs there); the rest, with attendance, the most
 * rows. *same: 1 when every keyed row is the hub's exactly. SK_OK or an error. */
static int read_steps(hub *h, struct hub_unit *u, struct pre *p, int *same, sk_err *e)
{
	int step[4] = { 0, hub_member_table() + 1, BT_COUNT, BT_COUNT }, rc = SK_OK;
	for (int t = step[1]; t < BT_COUNT; t++)
		if (hub_tables()[t].nkey != 1) {
			step[2] = t;
			break;
		}
	*same = p->fingerprints;
	sk_strlcpy(u->prov, "{}", sizeof u->prov);
	for (int k = 0; rc == SK_OK && k < 3; k++) {
		p->fingerprints = *same;
		rc = read_ids(h, u, p, step[k], step[k + 1], e);
		if (rc == SK_OK && k == 2)
			rc = hub_exec(h, "CREATE INDEX ON pg_temp.ref (t, id)", e);
		if (rc == SK_OK && *same && k == 0)
			rc = find_provinces(h, u, 0, e);
		if (p->repeats || p->unkeyed || strcmp(u->prov, "{}") == 0)
			*same = 0;
		if (rc == SK_OK && *same && (*same = all_same(h, u, p, step[k], step[k + 1], e)) < 0)
			rc = SK_DBERR;
	}
	hub_step_time("ids read");
	return rc;
}

/* After the reading: a unit the hub has exactly needs no seeds (pg_temp.ref emptied; its rows
 * counted in u->nsame); another keeps its ids without the two-column keys (attendance: the
 * seeds find those through their meetings). */
static int ids_done(hub *h, struct hub_unit *u, struct pre *p, int same, sk_err *e)
{
	if (same) {
		long long n = 0;
		for (int t = 0; t < BT_COUNT; t++)
			n += p->nkeyed[t];
		u->nsame = n;
		if (getenv("SIKUBE_HUB_TIMES"))
			fprintf(stderr, "hub rows passed over: %lld (the hub has them exactly)\n", n);
		return hub_exec(h, "TRUNCATE pg_temp.ref", e);
	}
	hub_sql q = { 0 };
	hub_sql_add(&q, "DELETE FROM pg_temp.ref WHERE own AND t IN (-1");
	for (int t = 0; t < BT_COUNT; t++)
		if (hub_tables()[t].nkey != 1)
			hub_sql_add(&q, ", %d", t);
	hub_sql_add(&q, "); SET LOCAL default_statistics_target = 10; ANALYZE pg_temp.ref; "
		    "RESET default_statistics_target");
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	return rc;
}

int hub_seed_refs(hub *h, struct hub_unit *u, sk_err *e)
{
	if (hub_exec(h, "CREATE TEMP TABLE ref (t smallint NOT NULL, own boolean NOT NULL, "
		     "id uuid NOT NULL, id2 uuid, src integer, baris bigint, sidik uuid, grp uuid, "
		     "ubah text COLLATE \"C\", nilai text) ON COMMIT DROP",
		     e) != SK_OK)
		return SK_DBERR;
	/* A hub without a group holds nothing to seed (its first load): no need to read the ids. */
	int ok;
	long long any = hub_query_ll(h, "SELECT EXISTS (SELECT 1 FROM " HUB_SCHEMA ".kelompok)::int",
				     0, NULL, 0, &ok, e);
	if (!ok)
		return SK_DBERR;
	if (!any)
		return hub_exec(h, "CREATE INDEX ON pg_temp.ref (t, id)", e);
	/* A unit the hub has exactly (a bundle sent again) is counted unchanged without being
	 * judged. Rows are passed over only all together: a unit that changes anything is judged
	 * whole as before, so each of its rows meets every row the import's rules read. */
	struct pre p = { .fingerprints = may_pass_over(u) };
	p.cache = calloc(REF_SLOTS, sizeof *p.cache);
	if (!p.cache)
		abort();
	int same;
	int rc = read_steps(h, u, &p, &same, e);
	free(p.cache);
	u->refs = p.refs;
	if (rc == SK_OK)
		rc = ids_done(h, u, &p, same == 1 && !p.repeats && !p.unkeyed, e);
	hub_step_time("same");
	return rc;
}

/* ---- the seed sets ------------------------------------------------------------------------- */

/* Rows the importer's cross-row rules read, beyond the unit's keys and their parents. {x}
 * is the number of table x; a rule whose tables or columns are not in the bundle is left
 * out. after = 1: run once the parents are in (it reads another table's seed). */
static const struct seed_rule {
	const char *table;
	const char *needs;      /* "table" or "table.column", comma-separated */
	int after;
	const char *where;      /* over the hub table's alias x */
} SEED_RULES[] = {
	/* a meeting's dues must equal its posted ledger rows; its attendance names its members */
	{ "kehadiran", "pertemuan", 0, "x.pertemuan_id IN (SELECT id FROM pg_temp.ref WHERE t = {pertemuan})" },
	{ "kas", "kas.pertemuan_id,pertemuan", 0,
	  "x.pertemuan_id IN (SELECT id FROM pg_temp.ref WHERE t = {pertemuan})" },
	/* a row is reversed at most once */
	{ "kas", "kas.membalik_id", 0, "x.membalik_id IN (SELECT id FROM pg_temp.ref WHERE t = {kas})" },
	/* a savings, loan, repayment, fine or share-out row is posted once (format 2) */
	{ "kas", "kas.sumber_id", 0, "x.sumber_id IN (SELECT id FROM pg_temp.ref)" },
	/* officers, the NIK within the office, a group deleted with members left */
	{ "anggota", "kelompok", 1, "x.kelompok_id IN (SELECT id FROM pg_temp.seed_kelompok)" },
	/* format 2: a group's month closes, cycles and the money of its cycles */
	{ "tutup_buku", "kelompok", 1, "x.kelompok_id IN (SELECT id FROM pg_temp.seed_kelompok)" },
	{ "siklus", "kelompok", 1, "x.kelompok_id IN (SELECT id FROM pg_temp.seed_kelompok)" },
	{ "simpanan", "siklus", 1, "x.siklus_id IN (SELECT id FROM pg_temp.seed_siklus)" },
	{ "pinjaman", "siklus", 1, "x.siklus_id IN (SELECT id FROM pg_temp.seed_siklus)" },
	{ "denda", "siklus", 1, "x.siklus_id IN (SELECT id FROM pg_temp.seed_siklus)" },
	{ "bagi_hasil", "siklus", 1, "x.siklus_id IN (SELECT id FROM pg_temp.seed_siklus)" },
	{ "angsuran", "pinjaman", 1, "x.pinjaman_id IN (SELECT id FROM pg_temp.seed_pinjaman)" },
	/* Rules driven by a row whose rule reads rows an incremental bundle does not bring
	 * (docs/hub.md, "What the seeds hold"); grp, ubah, nilai: an own row's group, stamp and
	 * REF_VALUE.
	 * A month close: the ledger rows of its group changed after it (kas_diubah_sesudah_tutup). */
	{ "kas", "tutup_buku.kelompok_id", 0, "x.kelompok_id IN (SELECT grp FROM pg_temp.ref WHERE "
	  "t = {tutup_buku} AND own) AND x.diubah_pada > (SELECT min(c.ubah) FROM pg_temp.ref c WHERE "
	  "c.t = {tutup_buku} AND c.own AND c.grp = x.kelompok_id)" },
	/* a cycle, or a row of a closed cycle: its group's savings-and-loans book
	 * (kas_diubah_sesudah_siklus; the book's balance at the cycle's end, bagi_hasil_bagian) */
	{ "kas", "siklus.kelompok_id", 0, "x.buku = 'simpin' AND x.kelompok_id IN (SELECT grp FROM "
	  "pg_temp.ref WHERE t = {siklus} AND own UNION SELECT c.kelompok_id FROM " HUB_SCHEMA
	  ".siklus c WHERE c.selesai IS NOT NULL AND c.id IN (SELECT id FROM pg_temp.ref WHERE "
	  "t = {siklus}))" },
	/* a ledger row that can take a book below zero (money out, or a change of a row the hub
	 * holds): every row of its group's books (saldo_minus: a book's running balance) */
	{ "kas", "kas.kelompok_id", 0, "x.kelompok_id IN (SELECT r.grp FROM pg_temp.ref r WHERE "
	  "r.t = {kas} AND r.own AND (r.nilai IS DISTINCT FROM '0' OR EXISTS (SELECT 1 FROM "
	  HUB_SCHEMA ".kas k WHERE k.id = r.id)))" },
	/* a member moved to another group: her attendance (hadir_kelompok_lain) */
	{ "kehadiran", "anggota.kelompok_id", 0, "x.anggota_id IN (SELECT r.id FROM pg_temp.ref r "
	  "JOIN " HUB_SCHEMA ".anggota a ON a.id = r.id WHERE r.t = {anggota} AND r.own AND "
	  "a.kelompok_id IS DISTINCT FROM r.grp)" },
	/* a member: her assessments (penilaian_anggota_dihapus) */
	{ "penilaian", "anggota", 0, "x.anggota_id IN (SELECT id FROM pg_temp.ref WHERE t = {anggota} "
	  "AND own)" },
	/* a member's NIK: the hub's active member with it in a group of the kabupaten of a seeded
	 * group (nik_ganda within an office: an office holds its kabupaten; another office's
	 * member is the hub's NIK check's, hub_merge.c) */
	{ "anggota", "anggota.nik", 1, "x.id IN (SELECT n.anggota_id FROM " HUB_SCHEMA ".nik_aktif n "
	  "WHERE n.nik IN (SELECT nilai FROM pg_temp.ref WHERE t = {anggota} AND own)) AND EXISTS "
	  "(SELECT 1 FROM " HUB_SCHEMA ".kelompok g JOIN " HUB_SCHEMA ".kelompok k ON "
	  "substr(k.kode_wilayah, 1, 5) = substr(g.kode_wilayah, 1, 5) JOIN pg_temp.seed_kelompok s "
	  "ON s.id = k.id AND s.prov = k.prov WHERE g.id = x.kelompok_id AND g.prov = x.prov)" },
	/* a group: its development assessments (tingkat_kelompok, evaluasi_kelompok_dihapus) */
	{ "evaluasi", "kelompok", 1, "x.kelompok_id IN (SELECT id FROM pg_temp.seed_kelompok)" },
};

/* 1 when every table and column a rule needs is in the bundle. */
static int rule_usable(const struct seed_rule *r)
{
	char need[200];
	if (hub_table_by_name(r->table) < 0)
		return 0;
	sk_strlcpy(need, r->needs, sizeof need);
	for (char *tok = strtok(need, ","); tok; tok = strtok(NULL, ",")) {
		char *dot = strchr(tok, '.');
		if (dot)
			*dot = '\0';
		int t = hub_table_by_name(tok);
		if (t < 0 || (dot && bundle_col_index(t, dot + 1) < 0))
			return 0;
	}
	return 1;
}

/* where with {table} replaced by the table's number. */
static void expand(hub_sql *q, const char *where)
{
	for (const char *p = where; *p; p++) {
		const char *end = *p == '{' ? strchr(p, '}') : NULL;
		if (!end) {
			hub_sql_add(q, "%c", *p);
			continue;
		}
		char name[64];
		snprintf(name, sizeof name, "%.*s", (int)(end - p - 1), p + 1);
		hub_sql_add(q, "%d", hub_table_by_name(name));
		p = end;
	}
}

/* INSERT into seed_<t> the hub rows of t matching where (inside the unit's provinces). */
static long long seed_where(hub *h, struct hub_unit *u, const hub_table *t, const char *where,
			    sk_err *e)
{
	hub_sql q = { 0 };
	hub_sql_add(&q, "INSERT INTO pg_temp.seed_%s SELECT ", t->def->name);
	hub_key_list(&q, t, "x");
	hub_sql_add(&q, ", x.prov FROM " HUB_SCHEMA ".%s x WHERE x.prov = ANY('%s'::smallint[]) AND (",
		    t->def->name, u->prov);
	expand(&q, where);
	hub_sql_add(&q, ") ON CONFLICT DO NOTHING");
	long long n = hub_exec_count(h, q.s, e);
	hub_sql_free(&q);
	return n;
}

static int create_seed_tables(hub *h, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	for (int t = 0; t < BT_COUNT; t++) {
		hub_sql q = { 0 };
		hub_sql_add(&q, "CREATE TEMP TABLE seed_%s (", tabs[t].def->name);
		for (int k = 0; k < tabs[t].nkey; k++)
			hub_sql_add(&q, "%s uuid, ", tabs[t].def->cols[tabs[t].key[k]].name);
		hub_sql_add(&q, "prov smallint, PRIMARY KEY (");
		hub_key_list(&q, &tabs[t], "");
		hub_sql_add(&q, ", prov)) ON COMMIT DROP");
		int rc = hub_exec(h, q.s, e);
		hub_sql_free(&q);
		if (rc != SK_OK)
			return rc;
	}
	return SK_OK;
}

/* The provinces of the hub's groups and members the unit names, and (seeds) of everything
 * seeded so far, into u->prov. */
static int find_provinces(hub *h, struct hub_unit *u, int seeds, sk_err *e)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "SELECT coalesce(array_agg(DISTINCT p ORDER BY p), '{}') FROM ("
		 "SELECT prov p FROM " HUB_SCHEMA ".kelompok WHERE id IN (SELECT id FROM pg_temp.ref "
		 "WHERE t = %d) UNION SELECT prov FROM " HUB_SCHEMA ".anggota WHERE id IN (SELECT id "
		 "FROM pg_temp.ref WHERE t = %d)%s UNION SELECT unnest('%s'::smallint[])) x",
		 hub_group_table(), hub_member_table(),
		 seeds ? " UNION SELECT prov FROM pg_temp.seed_kelompok" : "",
		 *u->prov ? u->prov : "{}");
	PGresult *r = hub_query(h, sql, 0, NULL, e);
	if (!r)
		return SK_DBERR;
	sk_strlcpy(u->prov, PQntuples(r) ? PQgetvalue(r, 0, 0) : "{}", sizeof u->prov);
	PQclear(r);
	return SK_OK;
}

/* Ids the unit names that are neither its own rows nor found in its provinces: looked up in
 * every province (a member of a group in a province the unit does not otherwise name). */
static int seed_unresolved(hub *h, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	if (hub_exec(h, "CREATE TEMP TABLE belum (t smallint, id uuid) ON COMMIT DROP", e) != SK_OK)
		return SK_DBERR;
	for (int t = 0; t < BT_COUNT; t++) {
		if (tabs[t].nkey != 1)
			continue;
		if (hub_execf(h, e, "INSERT INTO pg_temp.belum SELECT DISTINCT %d, r.id FROM pg_temp.ref r "
			      "WHERE r.t = %d AND NOT r.own AND NOT EXISTS (SELECT 1 FROM pg_temp.seed_%s s "
			      "WHERE s.id = r.id) AND NOT EXISTS (SELECT 1 FROM pg_temp.ref o WHERE "
			      "o.t = %d AND o.own AND o.id = r.id)", t, t, tabs[t].def->name, t) != SK_OK)
			return SK_DBERR;
	}
	int ok;
	long long n = hub_query_ll(h, "SELECT count(*) FROM pg_temp.belum", 0, NULL, 0, &ok, e);
	if (!ok)
		return SK_DBERR;
	if (n == 0)
		return SK_OK;
	if (hub_exec(h, "ANALYZE pg_temp.belum", e) != SK_OK)
		return SK_DBERR;
	for (int t = 0; t < BT_COUNT; t++) {
		if (tabs[t].nkey != 1)
			continue;
		if (hub_execf(h, e, "INSERT INTO pg_temp.seed_%s SELECT x.id, x.prov FROM " HUB_SCHEMA
			      ".%s x WHERE x.id IN (SELECT id FROM pg_temp.belum WHERE t = %d) "
			      "ON CONFLICT DO NOTHING", tabs[t].def->name, tabs[t].def->name, t) != SK_OK)
			return SK_DBERR;
	}
	return SK_OK;
}

/* The parents of seed_<t> through column c into seed_<parent>; rows added or -1. */
static long long seed_parents(hub *h, const hub_table *t, int c, sk_err *e)
{
	const hub_table *p = &hub_tables()[t->ref[c]];
	const char *col = t->def->cols[c].name;
	int in_key = 0;
	for (int k = 0; k < t->nkey; k++)
		in_key |= t->key[k] == c;
	hub_sql q = { 0 };
	hub_sql_add(&q, "INSERT INTO pg_temp.seed_%s SELECT y.id, y.prov FROM " HUB_SCHEMA ".%s y "
		    "JOIN (SELECT DISTINCT ", p->def->name, p->def->name);
	if (in_key) {
		hub_sql_add(&q, "s.%s AS id, s.prov FROM pg_temp.seed_%s s", col, t->def->name);
	} else {
		hub_sql_add(&q, "x.%s AS id, x.prov FROM " HUB_SCHEMA ".%s x JOIN pg_temp.seed_%s s ON ",
			    col, t->def->name, t->def->name);
		hub_key_match(&q, t, "x", "s");
	}
	hub_sql_add(&q, ") v ON y.id = v.id AND y.prov = v.prov ON CONFLICT DO NOTHING");
	long long n = hub_exec_count(h, q.s, e);
	hub_sql_free(&q);
	return n;
}

/* Close the seed sets under the parent links, children before parents; a link to the same
 * table (a reversal of a reversal) is followed until nothing new comes. Only the tables in
 * from[] (all when NULL) start it, and the parent tables that gain rows on the way. */
static int seed_closure(hub *h, int *from, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	for (int t = BT_COUNT - 1; t >= 0; t--) {
		if (from && !from[t])
			continue;
		for (int c = 0; c < tabs[t].def->ncols && c < HUB_MAX_COLS; c++) {
			int p = tabs[t].ref[c];
			if (p < 0 || tabs[p].nkey != 1)
				continue;
			long long n, added = 0;
			do {
				n = seed_parents(h, &tabs[t], c, e);
				added += n > 0 ? n : 0;
			} while (n > 0 && p == t);
			if (n < 0)
				return SK_DBERR;
			if (from && added)
				from[p] = 1;
		}
	}
	return SK_OK;
}

static int seed_rules(hub *h, struct hub_unit *u, int after, int *grew, sk_err *e)
{
	for (size_t i = 0; i < sizeof SEED_RULES / sizeof SEED_RULES[0]; i++) {
		const struct seed_rule *r = &SEED_RULES[i];
		if (r->after != after || !rule_usable(r))
			continue;
		int t = hub_table_by_name(r->table);
		long long n = seed_where(h, u, &hub_tables()[t], r->where, e);
		if (n < 0)
			return SK_DBERR;
		if (grew && n > 0)
			grew[t] = 1;
	}
	return SK_OK;
}

static int seed_keys(hub *h, struct hub_unit *u, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	for (int t = 0; t < BT_COUNT; t++) {
		if (tabs[t].nkey != 1)
			continue;
		char where[128];
		snprintf(where, sizeof where, "x.id IN (SELECT id FROM pg_temp.ref WHERE t = %d)", t);
		if (seed_where(h, u, &tabs[t], where, e) < 0)
			return SK_DBERR;
	}
	return SK_OK;
}

/* ---- into the staging database ------------------------------------------------------------ */

struct stage_ins {
	struct hub_unit *u;
	const hub_table *t;
	sqlite3_stmt *st;
	sk_err *e;
	long long rows;
};

static int stage_row(void *ctx, int nf, char **f)
{
	struct stage_ins *s = ctx;
	const bundle_table_def *d = s->t->def;
	if (nf != d->ncols)
		return sk_err_set(s->e, SK_DBERR, "%s", _("Hub mengirim baris yang tidak lengkap.")), SK_DBERR;
	for (int c = 0; c < d->ncols; c++) {
		char name[64];
		snprintf(name, sizeof name, ":%s", d->cols[c].name);
		db_bind_text(s->st, name, f[c]);
	}
	s->rows++;
	return db_step_write(s->u->stage, s->st, NULL, s->e) == SK_OK ? 0 : SK_DBERR;
}

/* Staging columns whose value is not the bundle's as written, by the importer's own
 * conversion (as its store functions in src/import_tables.c do): a column the bundle does not
 * carry, derived from the row, or a bundle column stored in another form. By file stem, so
 * that a table still to come needs no code here. */
#define HUNDREDTHS(p) "CASE WHEN " p " IS NULL THEN NULL ELSE CAST(round(" p " * 100) AS INTEGER) END"
static const struct stage_col {
	const char *table, *col;
	const char *expr;   /* over the row's :column parameters */
} STAGE_COLS[] = {
	{ "tutup_buku", "selisih", ":saldo_hitung - :saldo_buku" },
	/* savings and loans: rates and loan limits travel as decimals ("1.5"), are stored in
	 * hundredths */
	{ "siklus", "jasa_persen_bulan", HUNDREDTHS(":jasa_persen_bulan") },
	{ "siklus", "batas_pinjaman_kali", HUNDREDTHS(":batas_pinjaman_kali") },
	{ "pinjaman", "jasa_persen_bulan", HUNDREDTHS(":jasa_persen_bulan") },
};

/* The STAGE_COLS entry of table t's column col, or NULL. */
static const struct stage_col *stage_col(const hub_table *t, const char *col)
{
	for (size_t i = 0; i < sizeof STAGE_COLS / sizeof STAGE_COLS[0]; i++)
		if (strcmp(STAGE_COLS[i].table, t->def->name) == 0 && strcmp(STAGE_COLS[i].col, col) == 0)
			return &STAGE_COLS[i];
	return NULL;
}

/* The staging database's INSERT of a row of t. Built once and kept for the life of the
 * process: db_prepare caches statements by their text's address. */
static const char *insert_sql(const hub_table *t)
{
	static char *sql[BT_COUNT];
	if (!sql[t->bt]) {
		hub_sql ins = { 0 }, vals = { 0 };
		hub_sql_add(&ins, "INSERT INTO %s (", t->def->db_table);
		hub_cols(&ins, t, "");
		for (int c = 0; c < t->def->ncols; c++) {
			const struct stage_col *sc = stage_col(t, t->def->cols[c].name);
			if (sc)
				hub_sql_add(&vals, "%s%s", c ? ", " : "", sc->expr);
			else
				hub_sql_add(&vals, "%s:%s", c ? ", " : "", t->def->cols[c].name);
		}
		for (size_t i = 0; i < sizeof STAGE_COLS / sizeof STAGE_COLS[0]; i++)
			if (strcmp(STAGE_COLS[i].table, t->def->name) == 0 &&
			    bundle_col_index(t->bt, STAGE_COLS[i].col) < 0) {
				hub_sql_add(&ins, ", %s", STAGE_COLS[i].col);
				hub_sql_add(&vals, ", %s", STAGE_COLS[i].expr);
			}
		hub_sql_add(&ins, ") VALUES (%s)", vals.s);
		hub_sql_free(&vals);
		sql[t->bt] = ins.s;
	}
	return sql[t->bt];
}

/* Seeds of a table from this many rows on go in without its secondary indexes, which are
 * built again (one sort each) afterwards, as import does with a bulk load; $SIKUBE_HUB_BULK_SEED
 * (a number) sets another size, so the tests take that path with small bundles. */
#define BULK_SEED 20000

static long long bulk_seed(void)
{
	const char *v = getenv("SIKUBE_HUB_BULK_SEED");
	long long n = v && *v ? atoll(v) : 0;
	return n > 0 ? n : BULK_SEED;
}

/* The secondary indexes of table name: dropped, their CREATE statements kept in sql (n). */
static int drop_indexes(sk_db *db, const char *name, char **sql, int max, int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
				      "AND tbl_name = :t AND sql IS NOT NULL", e);
	if (!st)
		return SK_DBERR;
	char names[16][128];
	int rc, k = 0;
	*n = 0;
	db_bind_text(st, ":t", name);
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && k < max && k < 16) {
		db_col_text(st, 0, names[k], sizeof names[k]);
		sql[k] = strdup((const char *)sqlite3_column_text(st, 1));
		if (!sql[k++])
			abort();
	}
	db_reset(st);
	*n = k;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return SK_DBERR;
	for (int i = 0; i < k; i++) {
		char drop[160];
		snprintf(drop, sizeof drop, "DROP INDEX \"%.127s\"", names[i]);
		if (db_exec(db, drop, e) != SK_OK)
			return SK_DBERR;
	}
	return SK_OK;
}

static int rebuild_indexes(sk_db *db, char **sql, int n, sk_err *e)
{
	int rc = SK_OK;
	for (int i = 0; i < n; i++) {
		if (rc == SK_OK)
			rc = db_exec(db, sql[i], e);
		free(sql[i]);
	}
	return rc;
}

/* Summaries (schema.h) whose triggers a bulk seed dropped: filled set-wise at the end, as a
 * bulk import does (a trigger per row also makes every insert keep a statement journal). */
struct suspended {
	int on[32];
};

/* Drop the triggers of every summary that follows table name. */
static int suspend_summaries(sk_db *db, const char *name, struct suspended *x, sk_err *e)
{
	for (int i = 0; i < 32 && SCHEMA_SUMMARIES[i].table; i++) {
		const schema_summary *k = &SCHEMA_SUMMARIES[i];
		int follows = 0;
		for (int b = 0; b < 3 && k->bases[b]; b++)
			follows |= strcmp(k->bases[b], name) == 0;
		if (!follows || x->on[i])
			continue;
		for (int j = 0; j < SCHEMA_SUMMARY_TRIGGERS && k->triggers[j]; j++) {
			char drop[128];
			snprintf(drop, sizeof drop, "DROP TRIGGER IF EXISTS \"%s\"", k->triggers[j]);
			if (db_exec(db, drop, e) != SK_OK)
				return SK_DBERR;
		}
		x->on[i] = 1;
	}
	return SK_OK;
}

/* Fill each suspended summary again and make its triggers again. */
static int resume_summaries(sk_db *db, const struct suspended *x, sk_err *e)
{
	int rc = SK_OK;
	for (int i = 0; rc == SK_OK && i < 32 && SCHEMA_SUMMARIES[i].table; i++)
		if (x->on[i]) {
			if (SCHEMA_SUMMARIES[i].rebuild)
				rc = db_exec(db, SCHEMA_SUMMARIES[i].rebuild, e);
			if (rc == SK_OK && SCHEMA_SUMMARIES[i].create)
				rc = db_exec(db, SCHEMA_SUMMARIES[i].create, e);
		}
	return rc;
}

/* The hub rows of seed_<t> into the staging database's table t. */
static int stage_table(hub *h, struct hub_unit *u, const hub_table *t, struct suspended *x,
		       sk_err *e)
{
	char count[128], *idx[16];
	int ok, nidx = 0;
	snprintf(count, sizeof count, "SELECT count(*) FROM pg_temp.seed_%s", t->def->name);
	long long rows = hub_query_ll(h, count, 0, NULL, 0, &ok, e);
	if (!ok)
		return SK_DBERR;
	if (rows == 0)
		return SK_OK;
	long long bulk = bulk_seed();
	if (rows >= bulk && drop_indexes(u->stage, t->def->db_table, idx, 16, &nidx, e) != SK_OK)
		return rebuild_indexes(u->stage, idx, nidx, NULL), SK_DBERR;
	if (rows >= bulk && suspend_summaries(u->stage, t->def->db_table, x, e) != SK_OK)
		return rebuild_indexes(u->stage, idx, nidx, NULL), SK_DBERR;
	hub_sql sel = { 0 };
	struct stage_ins s = { .u = u, .t = t, .e = e };
	s.st = db_prepare(u->stage, insert_sql(t), e);
	int rc = SK_DBERR;
	if (s.st) {
		hub_sql_add(&sel, "COPY (SELECT ");
		hub_cols(&sel, t, "x");
		hub_sql_add(&sel, " FROM " HUB_SCHEMA ".%s x JOIN pg_temp.seed_%s s ON ", t->def->name,
			    t->def->name);
		hub_key_match(&sel, t, "x", "s");
		/* in key order: the staging table's key index grows at its end */
		hub_sql_add(&sel, " ORDER BY ");
		hub_key_list(&sel, t, "x");
		hub_sql_add(&sel, ") TO STDOUT");
		rc = hub_copy_out(h, sel.s, stage_row, &s, e);
	}
	u->seeded[t->bt] = s.rows;
	hub_sql_free(&sel);
	int brc = rebuild_indexes(u->stage, idx, nidx, e);
	return rc != SK_OK ? rc : brc;
}

int hub_seed_stage(hub *h, struct hub_unit *u, sk_err *e)
{
	int grew[BT_COUNT] = { 0 };
	sk_strlcpy(u->prov, "{}", sizeof u->prov);
	int rc = create_seed_tables(h, e);
	if (rc == SK_OK)
		rc = find_provinces(h, u, 1, e);
	if (rc == SK_OK && strcmp(u->prov, "{}") != 0)
		rc = seed_keys(h, u, e);
	if (rc == SK_OK && strcmp(u->prov, "{}") != 0)
		rc = seed_rules(h, u, 0, NULL, e);
	if (rc == SK_OK)
		rc = seed_unresolved(h, e);
	if (rc == SK_OK)
		rc = seed_closure(h, NULL, e);
	if (rc == SK_OK)
		rc = find_provinces(h, u, 1, e);
	if (rc == SK_OK && strcmp(u->prov, "{}") != 0)
		rc = seed_rules(h, u, 1, grew, e);
	if (rc == SK_OK)
		rc = seed_closure(h, grew, e);
	if (rc != SK_OK)
		return rc;
	const hub_table *tabs = hub_tables();
	/* the importer's page cache while the seeds go in: bounded, and enough to keep the
	 * indexes' working set */
	int64_t cache = db_cache_set(u->stage, 16384);
	/* The seeds are the hub's own rows with their parents (closed above): foreign keys are
	 * not checked row by row while they go in, and are on again for the importer. */
	rc = db_exec(u->stage, "PRAGMA foreign_keys=OFF", e);
	if (rc == SK_OK)
		rc = db_begin_write(u->stage, e);
	/* The seeds are copies of the hub's rows in a scratch file, not anyone's writes: no
	 * audit row each (capturing them took half the re-load: every seeded row went through
	 * the trail's triggers and its hash chain at the commit). */
	if (rc == SK_OK)
		db_audit_rows(u->stage, 0);
	hub_step_time("seed sets");
	struct suspended x = { { 0 } };
	for (int t = 0; rc == SK_OK && t < BT_COUNT; t++) {
		rc = stage_table(h, u, &tabs[t], &x, e);
		if (u->seeded[t])
			hub_step_time(tabs[t].def->name);
	}
	if (rc == SK_OK)
		rc = resume_summaries(u->stage, &x, e);
	int erc = db_end(u->stage, rc == SK_OK, e);
	db_audit_rows(u->stage, 1);
	hub_step_time("stage commit");
	db_cache_restore(u->stage, cache);
	int frc = db_exec(u->stage, "PRAGMA foreign_keys=ON", e);
	if (erc == SK_OK)
		erc = frc;
	return rc != SK_OK ? rc : erc;
}
