/* import.c - import and merge: reading passes in one transaction, the problem list and its
 * report. Sources and reading: import_read.c; rows: import_rows.c, import_tables.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "csvio.h"
#include "evaluation.h"
#include "i18n.h"
#include "import_priv.h"
#include "db_access.h"
#include "signing.h"
#include "member.h"
#include "outfile.h"
#include "privacy.h"

/* ---- row sets -------------------------------------------------------------------------- */

uint64_t imp_row_key(int src, int table, long long line)
{
	return ((uint64_t)(src + 1) << 44) | ((uint64_t)table << 40) | ((uint64_t)line & 0xffffffffffULL);
}

static size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)(key & (cap - 1));
}

int imp_rowset_has(const imp_rowset *s, uint64_t key)
{
	if (!s->cap)
		return 0;
	for (size_t i = slot_of(key, s->cap);; i = (i + 1) & (s->cap - 1)) {
		if (s->slots[i] == key)
			return 1;
		if (s->slots[i] == 0)
			return 0;
	}
}

void imp_rowset_add(imp_rowset *s, uint64_t key)
{
	if (imp_rowset_has(s, key))
		return;
	if ((s->n + 1) * 2 > s->cap) {
		imp_rowset old = *s;
		s->cap = old.cap ? old.cap * 2 : 64;
		s->slots = calloc(s->cap, sizeof *s->slots);
		if (!s->slots)
			abort();
		s->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i])
				imp_rowset_add(s, old.slots[i]);
		free(old.slots);
	}
	size_t i = slot_of(key, s->cap);
	while (s->slots[i])
		i = (i + 1) & (s->cap - 1);
	s->slots[i] = key;
	s->n++;
}

void imp_rowset_free(imp_rowset *s)
{
	free(s->slots);
	memset(s, 0, sizeof *s);
}

/* ---- problems -------------------------------------------------------------------------- */

/* A column naming a row of another file (or of this one: membalik_id). */
static int is_reference(const char *kolom)
{
	return strcmp(kolom, "kelompok_id") == 0 || strcmp(kolom, "anggota_id") == 0 ||
	       strcmp(kolom, "pertemuan_id") == 0 || strcmp(kolom, "membalik_id") == 0;
}

/* Copy s into out safe to print, identity numbers masked (privacy.h). */
static void printable(char *out, size_t n, const char *s)
{
	sk_utf8_scrub(out, n, s ? s : "");
	privacy_mask_ids(out);
}

import_problem *import_problem_add(import_result *r, const char *berkas, long long baris,
				  const char *kolom, const char *nilai, const char *alasan)
{
	if (r->nproblems >= IMPORT_MAX_PROBLEMS) {
		r->more_problems++;
		return NULL;
	}
	if (r->nproblems % 256 == 0) {
		r->problems = realloc(r->problems, (size_t)(r->nproblems + 256) * sizeof *r->problems);
		if (!r->problems)
			abort();
	}
	import_problem *p = &r->problems[r->nproblems++];
	memset(p, 0, sizeof *p);
	printable(p->berkas, sizeof p->berkas, berkas);
	p->baris = baris;
	sk_strlcpy(p->kolom, kolom, sizeof p->kolom);
	/* Privacy (UU 27/2022): never a full NIK or No. KK in a report, whatever column it was
	 * typed into. Values come from the file: stray bytes and control characters become '?'
	 * so the report is clean UTF-8 and cannot move the cursor or change colours when it goes
	 * to a terminal. */
	char masked[24];
	if (strcmp(kolom, "nik") == 0 || strcmp(kolom, "no_kk") == 0) {
		member_mask_nik(nilai ? nilai : "", masked, sizeof masked);
		nilai = masked;
	}
	printable(p->nilai, sizeof p->nilai, nilai);
	printable(p->alasan, sizeof p->alasan, alasan);
	return p;
}

void imp_problem(struct imp *im, int src, int table, const char *berkas, long long line,
		 const char *kolom, const char *nilai, const char *alasan)
{
	char why[PATH_MAX + 200], parent[PATH_MAX];
	long long pline;
	if (nilai && *nilai && is_reference(kolom) &&
	    imp_refused_parent(im, nilai, parent, sizeof parent, &pline)) {
		/* The row it names is in the bundle but was refused: say where, not "not found". */
		snprintf(why, sizeof why, _("Baris yang dirujuk ditolak (%s baris %lld); perbaiki "
					    "baris itu dulu."), parent, pline);
		alasan = why;
	}
	if (line >= 2 && table >= 0)
		imp_rowset_add(&im->bad, imp_row_key(src, table, line));
	import_problem *p = import_problem_add(im->r, berkas, line, kolom, nilai, alasan);
	if (!p)
		return;
	p->src = src;
	p->table = table;
	p->seq = im->seq++;
}

void imp_fatal(struct imp *im, int src, const char *berkas, long long line, const char *kolom,
	       const char *nilai, const char *alasan)
{
	im->fatal = 1;
	imp_problem(im, src, -1, berkas, line, kolom, nilai, alasan);
}

static int cmp_problem(const void *a, const void *b)
{
	const import_problem *x = a, *y = b;
	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if (x->baris != y->baris)
		return x->baris < y->baris ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void import_result_free(import_result *r)
{
	free(r->signers);
	r->signers = NULL;
	r->nsigners = 0;
	free(r->problems);
	r->problems = NULL;
	r->nproblems = 0;
}

long long import_total(const import_result *r, int which)
{
	long long n = 0;
	for (int t = 0; t < BT_COUNT; t++) {
		const import_counts *c = &r->t[t];
		n += which == 0 ? c->added : which == 1 ? c->updated : which == 2 ? c->unchanged
										 : c->refused;
	}
	return n;
}

int import_write_report(const import_result *r, FILE *out)
{
	static const char *const cols[] = { "berkas", "baris", "kolom", "nilai", "alasan" };
	csv_out w;
	csv_out_init(&w, out, 0);
	for (int i = 0; i < 5; i++)
		csv_out_raw(&w, cols[i]);
	csv_out_eol(&w);
	for (int i = 0; i < r->nproblems; i++) {
		const import_problem *p = &r->problems[i];
		csv_out_text(&w, p->berkas);
		csv_out_int(&w, p->baris);
		csv_out_raw(&w, p->kolom);
		csv_out_text(&w, p->nilai);
		csv_out_text(&w, p->alasan);
		csv_out_eol(&w);
	}
	if (r->more_problems) {
		char msg[160];
		snprintf(msg, sizeof msg, _("... dan %lld masalah lain tidak dicantumkan."),
			 r->more_problems);
		for (int i = 0; i < 4; i++)
			csv_out_raw(&w, "");
		csv_out_text(&w, msg);
		csv_out_eol(&w);
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

int import_report_save(const import_result *r, const char *file, sk_err *e)
{
	if (!file) {
		if ((r->nproblems || r->more_problems) && import_write_report(r, stderr) != 0)
			return sk_err_set(e, SK_IOERR, "%s", _("Daftar masalah tidak dapat ditulis."));
		return SK_OK;
	}
	sk_outfile o;
	int rc = outfile_open_path(&o, file, 1, e);
	if (rc == SK_OK && import_write_report(r, o.f) != 0) {
		outfile_abort(&o);
		rc = sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis."), file);
	} else if (rc == SK_OK) {
		rc = outfile_commit(&o, e);
	}
	return rc;
}

/* ---- passes ---------------------------------------------------------------------------- */

static int source_has(const struct imp *im, int src, int t)
{
	const struct imp_source *s = &im->src[src];
	return s->fd[t] >= 0;
}

void imp_label(const struct imp *im, int src, int t, char *out, size_t n)
{
	const struct imp_source *s = &im->src[src];
	if (s->is_bundle)
		snprintf(out, n, "%s/%s", s->path, t >= 0 ? BUNDLE_TABLES[t].file : BUNDLE_MANIFEST);
	else
		snprintf(out, n, "%s", s->path);
}

/* The groups whose tingkat must follow their latest assessment after the merge: those of
 * the merged assessments and the merged groups (docs/evaluasi.md, section 1). */
static void sync_levels(struct imp *im)
{
	char groups[512];
	snprintf(groups, sizeof groups,
		 "SELECT e.kelompok_id FROM temp.imp_row s JOIN evaluasi e ON e.id=s.k1 WHERE "
		 "s.tabel=%d UNION SELECT s.k1 FROM temp.imp_row s WHERE s.tabel=%d",
		 BT_EVALUASI, BT_KELOMPOK);
	if (evaluation_sync_levels(im->db, groups, im->e) != SK_OK)
		im->dberr = 1;
}

/* One pass over every source in table order, inside the caller's transaction; then the
 * dropped indexes come back, the groups' levels follow their assessments and the rules run
 * over what was merged. */
static void read_all(struct imp *im)
{
	memset(im->r->t, 0, sizeof im->r->t);
#define GOING (!im->fatal && !im->dberr && !im->redo)
	for (int t = 0; t < BT_COUNT && GOING; t++)
		for (int s = 0; s < im->nsrc && GOING; s++)
			if (source_has(im, s, t))
				imp_read_file(im, s, t);
	if (GOING && imp_bulk_rebuild(im) != SK_OK)
		im->dberr = 1;
	if (GOING)
		sync_levels(im);
	if (GOING)
		imp_check_rules(im);
#undef GOING
}

/* The trail's note of an import: each source with the SHA-256 of its manifest and its signer,
 * and what was merged. */
static int audit_note(struct imp *im)
{
	char note[4096];
	size_t len = 0;
	note[0] = '\0';
	for (int i = 0; i < im->r->nsigners && len + 1 < sizeof note; i++) {
		const import_signer *g = &im->r->signers[i];
		len += (size_t)snprintf(note + len, sizeof note - len, "%s%s%s%s; ", g->path,
					*g->manifest_sha ? " sha256 manifest " : "", g->manifest_sha,
					g->status == IMPORT_TRUSTED ? " (bertanda tangan tepercaya)"
					: g->status == IMPORT_UNKNOWN_KEY ? " (kunci tidak dikenal)" : "");
	}
	if (len + 1 < sizeof note)
		snprintf(note + len, sizeof note - len, "ditambah %lld, diperbarui %lld, ditolak %lld",
			 import_total(im->r, 0), import_total(im->r, 1), import_total(im->r, 3));
	return db_audit_note(im->db, "impor", "bundel", NULL, NULL, NULL, note, im->e);
}

/* Who signed each source, and what the trust list says: a revoked key refuses its bundle,
 * and so, with require_signed, does an unsigned source or a key not in the list. */
static void check_signers(struct imp *im)
{
	im->r->signers = calloc((size_t)(im->nsrc > 0 ? im->nsrc : 1), sizeof *im->r->signers);
	if (!im->r->signers)
		abort();
	im->r->nsigners = im->nsrc;
	for (int i = 0; i < im->nsrc; i++) {
		struct imp_source *s = &im->src[i];
		import_signer *g = &im->r->signers[i];
		char label[PATH_MAX + 64];
		imp_label(im, i, -1, label, sizeof label);
		sk_strlcpy(g->path, s->path, sizeof g->path);
		sk_strlcpy(g->manifest_sha, s->manifest_sha, sizeof g->manifest_sha);
		if (s->signed_ok) {
			sk_trusted t;
			sk_strlcpy(g->kunci_publik, s->man.kunci_publik, sizeof g->kunci_publik);
			sk_strlcpy(g->nama_kantor, s->man.nama_kantor, sizeof g->nama_kantor);
			sk_strlcpy(g->kode_wilayah, s->man.kode_wilayah_kantor, sizeof g->kode_wilayah);
			g->status = IMPORT_UNKNOWN_KEY;
			int rc = signing_trusted_get(im->db, s->man.kunci_publik, &t, NULL);
			if (rc == SK_OK && t.dicabut) {
				imp_fatal(im, i, label, 0, "kunci_publik", "",
					  _("Kunci tanda tangan bundel ini sudah dicabut dari daftar "
					    "kunci tepercaya: bundel ditolak."));
			} else if (rc == SK_OK) {
				g->status = IMPORT_TRUSTED;
				sk_strlcpy(g->nama_kantor, t.nama_kantor, sizeof g->nama_kantor);
				sk_strlcpy(g->kode_wilayah, t.kode_wilayah, sizeof g->kode_wilayah);
			}
		}
		if (!im->o->require_signed || im->fatal)
			continue;
		if (!s->signed_ok)
			imp_fatal(im, i, label, 0, "tanda_tangan", "",
				  _("Bundel ini tidak bertanda tangan; --require-signed hanya menerima "
				    "bundel yang ditandatangani kantor tepercaya."));
		else if (g->status != IMPORT_TRUSTED)
			imp_fatal(im, i, label, 0, "kunci_publik", "",
				  _("Bundel ini ditandatangani kunci yang tidak ada dalam daftar kunci "
				    "tepercaya (sikube keys trust); --require-signed menolaknya."));
	}
}

/* Rows the bundles must bring, at least, before an import leaves the write-ahead log. */
#define JOURNAL_MIN_ROWS 5000

/* 1 when the bundles bring at least JOURNAL_MIN_ROWS rows and more than the tables they fill
 * hold now (an import into an empty or nearly empty database), else 0. */
static int mostly_new(struct imp *im)
{
	long long in = 0, have = 0;
	for (int s = 0; s < im->nsrc; s++)
		for (int t = 0; t < BT_COUNT; t++)
			if (im->src[s].is_bundle && source_has(im, s, t) && im->src[s].man.baris[t] > 0)
				in += im->src[s].man.baris[t];
	if (in < JOURNAL_MIN_ROWS)
		return 0;
	for (int t = 0; t < BT_COUNT && have < in; t++) {
		long long n = imp_rows_upto(im, t, in - have);
		if (n < 0)
			return 0;
		have += n;
	}
	return have < in;
}

/* The write-ahead log costs a big import into an empty database twice: every page is written
 * to the log and then again into the file at the checkpoint, and while the log is large every
 * page read looks through its index first. A rollback journal keeps only the pages the import
 * changes of what was there before (pages added past the end of the file need none), so
 * each new page is written once; a power cut or a kill still rolls the whole import back
 * (the journal is hot on the next open). SQLite leaves WAL only when no other connection has
 * the file open: with a second copy of SIKUBE running the import stays in WAL, and a copy
 * started during the import is told the database is in use (db_open's switch to WAL waits for
 * the lock). 1 when the switch was made (the caller goes back to WAL after the passes), else
 * 0: also when the database is not in WAL (a hub's staging file keeps its own mode). */
static int rollback_journal(struct imp *im)
{
	char mode[16] = "";
	sqlite3_stmt *st = db_prepare(im->db, "PRAGMA journal_mode", NULL);
	if (db_text(im->db, st, mode, sizeof mode, NULL) != 1 || strcmp(mode, "wal") != 0 ||
	    !mostly_new(im))
		return 0;
	return db_journal_mode(im->db, "DELETE", NULL) == SK_OK;
}

/* SQLite's foreign keys on or off for the next pass (outside a transaction: the pragma
 * changes nothing inside one); im->fk_off says what holds. */
static void set_foreign_keys(struct imp *im, int on)
{
	db_exec(im->db, on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF", NULL);
	im->fk_off = db_int(im->db, "PRAGMA foreign_keys", 1) == 0;
}

/* What orphans() asks of one table: each of its references in turn. */
struct refs_of {
	struct imp *im;
	const char *table;
	int found;  /* 1: a row names a parent that is missing; -1: a database error */
	int whole;  /* a reference of another shape: the table is checked by the pragma */
	long long rows; /* rows of the table this pass brought (it holds at least as many) */
};

int imp_orphan_sql(char *out, size_t n, const char *child, const char *col, const char *parent,
		   const char *key, int skip)
{
	if (!db_plain_name(child) || !db_plain_name(col) || !db_plain_name(parent) ||
	    !db_plain_name(key))
		return 0;
	int len = skip ?
		snprintf(out, n, "WITH RECURSIVE d(k) AS (SELECT min(\"%s\") FROM \"%s\" WHERE \"%s\" "
			 "IS NOT NULL UNION ALL SELECT (SELECT min(\"%s\") FROM \"%s\" WHERE \"%s\">k) "
			 "FROM d WHERE k IS NOT NULL) SELECT 1 FROM d WHERE k IS NOT NULL AND NOT "
			 "EXISTS (SELECT 1 FROM \"%s\" WHERE \"%s\"=k) LIMIT 1", col, child, col, col,
			 child, col, parent, key) :
		snprintf(out, n, "SELECT 1 FROM (SELECT DISTINCT \"%s\" k FROM \"%s\" WHERE \"%s\" "
			 "IS NOT NULL) WHERE NOT EXISTS (SELECT 1 FROM \"%s\" WHERE \"%s\"=k) LIMIT 1",
			 col, child, col, parent, key);
	return len > 0 && (size_t)len < n;
}

/* Reading every entry of the child's index costs about a sixteenth of seeking the next
 * distinct value: seek from value to value when the parent has fewer rows than that. */
#define SKIP_RATIO 16

/* 1 when table parent (a name from the schema) holds fewer than cap rows, else 0 (also on
 * a database error, or a name imp_orphan_sql refuses: the scan is right either way). */
static int fewer_rows(struct imp *im, const char *parent, long long cap)
{
	char sql[160];
	int len = !db_plain_name(parent) ? -1 :
		snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM \"%s\" LIMIT %lld)",
			 parent, cap);
	if (len < 0 || (size_t)len >= sizeof sql)
		return 0;
	sqlite3_stmt *st = db_prepare_once(im->db, sql, NULL);
	int64_t have = cap;
	if (st && db_count(im->db, st, &have, NULL) != SK_OK)
		have = cap;
	db_finalize(st);
	return have < cap;
}

/* One reference of the table (a row of its FK list: column, parent table, parent column,
 * columns of the key) by imp_orphan_sql. Returns 1 to stop (found or whole). */
static int check_ref(void *ctx, sqlite3_stmt *fk)
{
	struct refs_of *c = ctx;
	char sql[768];
	const char *parent = (const char *)sqlite3_column_text(fk, 1);
	if (sqlite3_column_int(fk, 3) != 1 ||
	    !imp_orphan_sql(sql, sizeof sql, c->table, (const char *)sqlite3_column_text(fk, 0),
			    parent, (const char *)sqlite3_column_text(fk, 2),
			    fewer_rows(c->im, parent, c->rows / SKIP_RATIO)))
		return c->whole = 1;
	sqlite3_stmt *st = db_prepare_once(c->im->db, sql, c->im->e);
	c->found = st ? db_exists(c->im->db, st, c->im->e) : -1;
	db_finalize(st);
	return c->found != 0;
}

/* 1 when table t holds a row whose parent is missing, 0 when not, -1 on a database error. */
static int orphans_in(struct imp *im, int t)
{
	const import_counts *n = &im->r->t[t];
	struct refs_of c = { .im = im, .table = BUNDLE_TABLES[t].db_table,
			     .rows = n->added + n->updated + n->unchanged };
	sqlite3_stmt *st = db_prepare(im->db, "SELECT f.\"from\", f.\"table\", f.\"to\", (SELECT "
				      "count(*) FROM pragma_foreign_key_list(:t) g WHERE g.id=f.id) "
				      "FROM pragma_foreign_key_list(:t) f", im->e);
	if (st)
		db_bind_text(st, ":t", c.table);
	int rc = db_each(im->db, st, check_ref, &c, im->e);
	if (c.found || (!c.whole && rc != SK_OK))
		return c.found ? c.found : -1;
	if (!c.whole)
		return 0;
	/* A key of several columns, or one without its parent's column named: SQLite's own
	 * check, over the whole table. */
	st = db_prepare(im->db, "SELECT 1 FROM pragma_foreign_key_check(:t) LIMIT 1", im->e);
	if (!st)
		return -1;
	db_bind_text(st, ":t", c.table);
	return db_exists(im->db, st, im->e);
}

/* 1 when a table this pass wrote holds a row whose parent is missing (set-wise, each
 * reference of the table by itself: orphans_in; run after the dropped indexes are built
 * again, which the references' distinct values are read through), else 0 (also on a
 * database error: im->dberr). */
static int orphans(struct imp *im)
{
	for (int t = 0; t < BT_COUNT; t++) {
		if (!im->r->t[t].added && !im->r->t[t].updated)
			continue;
		int found = orphans_in(im, t);
		if (found < 0)
			im->dberr = 1;
		if (found)
			return found > 0;
	}
	return 0;
}

/* Not a status: run_pass wants another pass without the rows refused in this one. */
#define PASS_AGAIN 101

/* One pass in its own write transaction. Returns SK_OK (committed), SK_REFUSED (rolled
 * back), PASS_AGAIN (valid_only: rolled back, the refused rows added to the skip set; or a
 * lean pass that must be made again carefully), or a database error. */
static int run_pass(struct imp *im)
{
	imp_rowset_free(&im->bad);
	/* What this pass reports, to forget when it must be made again carefully. */
	int nproblems = im->r->nproblems;
	long long more = im->r->more_problems, seq = im->seq;
	int rc = db_begin_write(im->db, im->e);
	if (rc != SK_OK)
		return rc;
	/* One note per import in the trail, not one per row (docs/audit.md). */
	db_audit_rows(im->db, 0);
	if (imp_rows_begin(im) != SK_OK || imp_trail_quiet(im) != SK_OK)
		im->dberr = 1;
	else
		read_all(im);
	im->r->passes++;
	/* A lean pass did not look references up: SQLite counted the missing ones, or, with
	 * its foreign keys off, they are looked for now. */
	if (!im->careful && !im->dberr && !im->fatal &&
	    (im->fk_off ? orphans(im) : db_foreign_keys_pending(im->db)))
		im->redo = 1;
	int clean = !im->dberr && !im->fatal && !im->redo && im->bad.n == 0;
	if (clean && (import_total(im->r, 0) || import_total(im->r, 1)) && audit_note(im) != SK_OK)
		clean = 0, im->dberr = 1;
	rc = db_end(im->db, clean, clean ? im->e : NULL);
	imp_bulk_reset(im);
	imp_rows_end(im);
	if (im->redo && !im->dberr && !im->fatal) {
		/* The lean pass met what only a careful one can tell (struct imp): again, keeping
		 * every row's bookkeeping, with only the problems of the passes before. */
		im->r->nproblems = nproblems;
		im->r->more_problems = more;
		im->seq = seq;
		im->redo = 0;
		im->careful = 1;
		return PASS_AGAIN;
	}
	if (im->dberr)
		return im->e->status ? im->e->status : SK_DBERR;
	if (im->fatal)
		return SK_REFUSED;
	if (clean) {
		if (rc == SK_OK)
			im->r->committed = 1;
		return rc;
	}
	if (!im->o->valid_only)
		return SK_REFUSED;
	for (size_t i = 0; i < im->bad.cap; i++)
		if (im->bad.slots[i])
			imp_rowset_add(&im->skip, im->bad.slots[i]);
	return PASS_AGAIN;
}

int import_paths(sk_db *db, int npaths, const char *const *paths, const import_opts *o,
		 import_result *r, sk_err *e)
{
	memset(r, 0, sizeof *r);
	int rc = db_permit(db, SK_ACT_IMPORT, e);
	if (rc != SK_OK)
		return rc;
	/* Nothing is written into a damaged file: the clerk is told to restore a copy. */
	rc = o->db_checked ? SK_OK : db_quick_check(db, NULL, NULL, e);
	if (rc != SK_OK)
		return rc;
	struct imp im = { .db = db, .o = o, .r = r, .e = e };
	im.src = calloc((size_t)(npaths > 0 ? npaths : 1), sizeof *im.src);
	if (!im.src)
		abort();
	sk_now_utc(im.now);
	im.threshold = assessment_threshold(db);
	/* Lean passes leave missing parents to SQLite's foreign-key count: never without it. */
	im.careful = db_int(db, "PRAGMA foreign_keys", 0) != 1;
	for (int i = 0; i < npaths; i++)
		imp_open_source(&im, paths[i]);
	check_signers(&im);
	rc = im.fatal ? SK_REFUSED : PASS_AGAIN;
	/* A bigger page cache while merging (bounded: memory stays flat however large the
	 * bundle; SQLite's sorter, which builds indexes again after a bulk load, may use as
	 * much again); the connection's own setting comes back afterwards. */
	int64_t cache = db_cache_set(db, IMPORT_CACHE_KIB);
	int journal = rc == PASS_AGAIN && rollback_journal(&im);
	while (rc == PASS_AGAIN) {
		/* Into a nearly empty database every table a pass writes is about as big as what
		 * it brings: its references are checked set-wise at the end (orphans). */
		set_foreign_keys(&im, !(journal && !im.careful));
		rc = run_pass(&im);
	}
	set_foreign_keys(&im, 1);
	if (journal)
		db_journal_mode(db, "WAL", NULL); /* else the next db_open does */
	db_cache_restore(db, cache);
	imp_close_sources(&im);
	if (rc == SK_OK && (r->nproblems || r->more_problems))
		rc = SK_REFUSED;
	for (int t = 0; t < BT_COUNT && !r->committed; t++)
		r->t[t].added = r->t[t].updated = r->t[t].unchanged = 0; /* rolled back */
	if (r->nproblems > 1)
		qsort(r->problems, (size_t)r->nproblems, sizeof *r->problems, cmp_problem);
	imp_rowset_free(&im.skip);
	imp_rowset_free(&im.bad);
	free(im.src);
	return rc;
}
