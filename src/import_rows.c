/* import_rows.c - what every row of every table goes through: reading its fields, the merge
 * by key (new, later, or on a tie the greater row), the pass's temporary tables and the rules
 * of check_rules.c over what was merged. The rows of each table: import_tables.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_rules.h"
#include "csvio.h"
#include "i18n.h"
#include "import_priv.h"

/* ---- fields ---------------------------------------------------------------------------- */

/* Column index of name in fl's table: the row functions read the columns in the table's
 * order, so the one after the last is tried first (the same pointer, or the same name),
 * then the column whose name is the same pointer (the plan of import_tables.c passes the
 * bundle's own names), then the same name. */
static int col_of(const struct imp_file *fl, const char *name)
{
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	int *hint = (int *)&fl->hint;
	int c = *hint + 1 < d->ncols ? *hint + 1 : 0;
	if (d->cols[c].name != name && strcmp(d->cols[c].name, name) != 0) {
		for (c = 0; c < d->ncols && d->cols[c].name != name; c++)
			;
		if (c == d->ncols)
			c = bundle_col_index(fl->table, name);
	}
	if (c >= 0)
		*hint = c;
	return c;
}

const char *imp_field(const struct imp_file *fl, int c)
{
	return bundle_field(&BUNDLE_TABLES[fl->table], fl->idx, c, fl->nf, fl->f);
}

const char *imp_val(const struct imp_file *fl, const char *name)
{
	return imp_field(fl, col_of(fl, name));
}

/* The name of column c of fl's table (the bundle's own pointer). */
static const char *col_name(const struct imp_file *fl, int c)
{
	return BUNDLE_TABLES[fl->table].cols[c].name;
}

void imp_bad(struct imp_file *fl, const char *name, const char *value, const char *reason)
{
	fl->row_bad = 1;
	imp_problem(fl->im, fl->src, fl->table, fl->label, fl->line, name, value, reason);
}

void imp_text(struct imp_file *fl, int c, char *dst, size_t n)
{
	const char *v = imp_field(fl, c);
	size_t len = sk_utf8_span(v); /* the check and the length in one pass */
	if (len == SK_UTF8_BAD) {
		/* The value itself would not print: say where, not what. The field keeps a printable
		 * copy so the row's other rules do not also call it empty. */
		sk_utf8_scrub(dst, n, v);
		imp_bad(fl, col_name(fl, c), "", _("Teks bukan UTF-8. Di Excel simpan sebagai \"CSV UTF-8\"."));
		return;
	}
	if (len < n) {
		memcpy(dst, v, len + 1);
		return;
	}
	if (sk_strlcpy(dst, v, n)) { /* cut on a character boundary */
		char msg[160];
		snprintf(msg, sizeof msg, _("Isian terlalu panjang (paling banyak %zu byte)."), n - 1);
		imp_bad(fl, col_name(fl, c), v, msg);
	}
}

void imp_text_or_default(struct imp_file *fl, int c, char *dst, size_t n)
{
	if (*imp_field(fl, c))
		imp_text(fl, c, dst, n);
}

/* Optional minus sign and digits only (spec: money is rupiah without separators), within
 * int64; -1 otherwise. One pass without strtoll (every number of every row comes here): up
 * to 18 digits cannot overflow, a longer number is checked digit by digit. */
static int parse_int(const char *s, int64_t *out)
{
	int neg = *s == '-';
	const char *p = s + neg;
	uint64_t v = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (!*p)
		return -1;
	for (int n = 0; *p; p++, n++) {
		unsigned d = (unsigned)((unsigned char)*p - '0');
		if (d > 9 || (n >= 18 && v > (lim - d) / 10))
			return -1;
		v = v * 10 + d;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

int64_t imp_num(struct imp_file *fl, int c, int64_t dflt, int *given)
{
	const char *v = imp_field(fl, c);
	int64_t x;
	if (given)
		*given = 0;
	if (!*v)
		return dflt;
	if (parse_int(v, &x) != 0) {
		imp_bad(fl, col_name(fl, c), v,
			_("Harus bilangan bulat tanpa titik atau koma, misalnya 5000."));
		return dflt;
	}
	if (given)
		*given = 1;
	return x;
}

/* x when it is within an int's range for a count (|x| <= 10^9), else a problem and dflt. */
static int small_or(struct imp_file *fl, int c, int64_t x, int dflt)
{
	if (x < -1000000000 || x > 1000000000) {
		imp_bad(fl, col_name(fl, c), imp_field(fl, c), _("Angka terlalu besar."));
		return dflt;
	}
	return (int)x;
}

int imp_small(struct imp_file *fl, int c, int dflt, int *given)
{
	return small_or(fl, c, imp_num(fl, c, dflt, given), dflt);
}

int imp_optional_nonzero(struct imp_file *fl, int c)
{
	int given;
	int x = imp_small(fl, c, 0, &given);
	return given && x == 0 ? -1 : x;
}

void imp_id_ok(struct imp_file *fl, int c, char id[SK_UUID_LEN + 1], const char *v)
{
	memcpy(id, v, SK_UUID_LEN + 1);
	fl->ids_ok |= (uint64_t)1 << c;
}

void imp_own_id(struct imp_file *fl, int c, char id[SK_UUID_LEN + 1])
{
	const char *v = imp_field(fl, c);
	if (!*v && !fl->im->src[fl->src].is_bundle)
		sk_uuid_new(id);
	else if (!*v)
		imp_bad(fl, "id", v, _("id wajib diisi di bundel."));
	else if (!sk_uuid_valid(v))
		imp_bad(fl, "id", v, _("id harus UUID huruf kecil 36 karakter."));
	else
		imp_id_ok(fl, c, id, v);
}

void imp_key_id(struct imp_file *fl, int c, char id[SK_UUID_LEN + 1])
{
	const char *v = imp_field(fl, c);
	if (!sk_uuid_valid(v))
		imp_bad(fl, col_name(fl, c), v, _("Harus UUID huruf kecil 36 karakter."));
	else
		imp_id_ok(fl, c, id, v);
}

void imp_stamp(struct imp_file *fl, int c, char ts[SK_TS_LEN + 1])
{
	const char *v = imp_field(fl, c);
	if (!*v && !fl->im->src[fl->src].is_bundle)
		memcpy(ts, fl->im->now, SK_TS_LEN + 1);
	else if (!sk_ts_valid(v))
		imp_bad(fl, "diubah_pada", v, _("Harus waktu UTC TTTT-BB-HHTjj:mm:ddZ, misalnya "
						"2025-03-15T08:30:00Z."));
	else
		memcpy(ts, v, SK_TS_LEN + 1);
}

int imp_flag(struct imp_file *fl, int c)
{
	const char *v = imp_field(fl, c);
	int64_t x;
	if (!*v)
		return 0;
	if (parse_int(v, &x) != 0) {
		imp_bad(fl, col_name(fl, c), v, _("Isi 0 (tidak) atau 1 (ya)."));
		return 0;
	}
	return small_or(fl, c, x, 0); /* read once (it was read again as a number) */
}

int imp_required_flag(struct imp_file *fl, int c)
{
	if (!*imp_field(fl, c)) {
		imp_bad(fl, col_name(fl, c), "",
			_("Wajib diisi: 0 (tidak) atau 1 (ya); kosong tidak dianggap 0."));
		return 0;
	}
	return imp_flag(fl, c);
}

int imp_deleted_flag(struct imp_file *fl, int c)
{
	int x = imp_flag(fl, c);
	if (x != 0 && x != 1) {
		imp_bad(fl, "dihapus", imp_field(fl, c), _("Isi 0 (tidak) atau 1 (ya)."));
		return 0;
	}
	return x;
}

/* 1 when column c of table t is a foreign key to table parent in the schema (SQLite then
 * counts a missing parent itself, SQLITE_DBSTATUS_DEFERRED_FKS), 0 when not, -1 on a
 * database error. Asked once per pass and column. */
static int fk_backed(struct imp_file *fl, int c, const char *parent)
{
	struct imp *im = fl->im;
	if (c < 0 || c >= IMP_MAX_COLS)
		return 0;
	signed char *known = &im->fk[fl->table][c];
	if (*known)
		return *known > 0;
	sqlite3_stmt *st = db_prepare(im->db, "SELECT 1 FROM pragma_foreign_key_list(:t) WHERE "
				      "\"from\"=:c AND \"table\"=:p", im->e);
	int found = -1;
	if (st) {
		db_bind_text(st, ":t", BUNDLE_TABLES[fl->table].db_table);
		db_bind_text(st, ":c", col_name(fl, c));
		db_bind_text(st, ":p", parent);
		found = db_exists(im->db, st, im->e);
	}
	if (found >= 0)
		*known = found ? 1 : -1;
	return found;
}

void imp_ref(struct imp_file *fl, int c, const char *table, int optional, int well_formed,
	     const char *reason)
{
	static const char *const SQL[] = {
		"SELECT 1 FROM kelompok WHERE id=:id", "SELECT 1 FROM anggota WHERE id=:id",
		"SELECT 1 FROM pertemuan WHERE id=:id", "SELECT 1 FROM kas WHERE id=:id",
		"SELECT 1 FROM siklus WHERE id=:id", "SELECT 1 FROM pinjaman WHERE id=:id",
	};
	static const char *const TABLES[] = { "kelompok", "anggota", "pertemuan", "kas", "siklus",
					      "pinjaman" };
	const char *name = col_name(fl, c), *v = imp_field(fl, c);
	if (optional && !*v)
		return;
	if (!well_formed && !sk_uuid_valid(v)) {
		imp_bad(fl, name, v, _("Harus UUID huruf kecil 36 karakter."));
		return;
	}
	/* A lean pass leaves a reference the schema declares to SQLite, which counts the rows
	 * whose parent is missing: a count above zero at the end makes the pass be made again
	 * carefully (struct imp), and that pass names the row. */
	if (!fl->im->careful) {
		int fk = fk_backed(fl, c, table);
		if (fk < 0)
			fl->im->dberr = 1;
		if (fk != 0)
			return;
	}
	for (size_t i = 0; i < sizeof SQL / sizeof SQL[0]; i++) {
		if (strcmp(table, TABLES[i]) != 0)
			continue;
		sqlite3_stmt *st = db_prepare(fl->im->db, SQL[i], fl->im->e);
		int found = -1;
		if (st) {
			db_bind_text(st, ":id", v);
			found = db_exists(fl->im->db, st, fl->im->e);
		}
		if (found < 0)
			fl->im->dberr = 1;
		else if (!found)
			imp_bad(fl, name, v, _(reason));
		return;
	}
	abort(); /* a table without a lookup: programmer error */
}

void imp_report_issues(struct imp_file *fl, const sk_issues *is)
{
	for (int i = 0; i < is->n; i++)
		if (is->items[i].sev == SK_SEV_ERROR)
			imp_bad(fl, is->items[i].field, imp_val(fl, is->items[i].field), is->items[i].msg);
}

/* ---- a row as text (ties) -------------------------------------------------------------- */

struct text {
	char *s;
	size_t len, cap;
};

static void text_add(struct text *t, const char *v, int comma)
{
	size_t n = strlen(v) + 1;
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->s = realloc(t->s, t->cap);
		if (!t->s)
			abort();
	}
	if (comma)
		t->s[t->len++] = ',';
	memcpy(t->s + t->len, v, n);
	t->len += n - 1;
}

/* The current row's fields in the file's column order, without the formula guard, joined
 * by ',' (derived columns, recomputed on import, left out). */
static void incoming_text(const struct imp_file *fl, struct text *out)
{
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	out->len = 0;
	text_add(out, "", 0);
	for (int i = 0, n = 0; i < d->ncols; i++)
		if (d->cols[i].kind != BC_DERIVED)
			text_add(out, imp_val(fl, d->cols[i].name), n++ > 0);
}

/* The same of the stored row with the key, as export would write it ("" when export would
 * not write it). SK_OK or a database error. */
static int stored_text(struct imp_file *fl, const char *k1, const char *k2, struct text *out)
{
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	sqlite3_stmt *st = db_prepare(fl->im->db, d->select_one, fl->im->e);
	out->len = 0;
	text_add(out, "", 0);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":k1", k1);
	if (k2)
		db_bind_text(st, ":k2", k2);
	int rc = db_step(fl->im->db, st, fl->im->e);
	for (int i = 0, n = 0; rc == SQLITE_ROW && i < d->ncols; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		if (d->cols[i].kind != BC_DERIVED)
			text_add(out, v ? v : "", n++ > 0);
	}
	return db_row_end(st, rc, "", NULL) == SK_DBERR ? SK_DBERR : SK_OK;
}

/* ---- merging --------------------------------------------------------------------------- */

enum { M_INSERT, M_UPDATE, M_UPDATED, M_KEEP, M_ERROR };

static int db_failed(struct imp *im)
{
	im->dberr = 1;
	return M_ERROR;
}

/* 1 when text is exactly what SQLite writes for the integer n (sqlite3_column_text: the
 * decimal digits, '-' before a negative one; no '+', no leading zero, no space). Told
 * without asking SQLite for the text, which would convert the stored value in place (a
 * malloc, a print and a free for every integer of every row). */
static int int_text_is(const char *text, sqlite3_int64 n)
{
	char buf[24], *p = buf + sizeof buf - 1;
	uint64_t m = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
	*p = '\0';
	do
		*--p = (char)('0' + m % 10);
	while ((m /= 10) != 0);
	if (n < 0)
		*--p = '-';
	return strcmp(p, text) == 0;
}

/* 1 when the row st holds (select_one's columns: as export writes it) has the current row's
 * text in every column the file brings: the tie of an unchanged row, told without building
 * either row's text. 0 also when the texts may still join to the same line (a comma inside
 * a value): tie() then compares them whole. A stored integer is compared as the text SQLite
 * would give for it (int_text_is), NULL as "", anything else by its text. */
static int same_as_stored(const struct imp_file *fl, sqlite3_stmt *st)
{
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	for (int i = 0; i < d->ncols; i++) {
		if (d->cols[i].kind == BC_DERIVED)
			continue;
		const char *in = imp_field(fl, i), *v;
		switch (sqlite3_column_type(st, i)) {
		case SQLITE_INTEGER:
			if (!int_text_is(in, sqlite3_column_int64(st, i)))
				return 0;
			break;
		case SQLITE_NULL:
			if (*in)
				return 0;
			break;
		default:
			v = (const char *)sqlite3_column_text(st, i);
			if (strcmp(v ? v : "", in) != 0)
				return 0;
		}
	}
	return 1;
}

/* The stored row with the key, in one lookup (the walk): its stamp into out and *same (the
 * row export writes has the incoming row's stamp and text: same_as_stored). 1, 0 when there
 * is no stored row, -1 on an error. */
static int stored_row(struct imp_file *fl, const char *k1, const char *k2, const char *ts,
		      char *out, size_t n, int *same)
{
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	sqlite3_stmt *st;
	*same = 0;
	int found = imp_walk_find(fl, k1, k2, &st);
	if (found != 1)
		return found;
	db_col_text(st, d->stamp_col, out, n);
	*same = sqlite3_column_int(st, d->ncols) == 1 && strcmp(ts, out) == 0 &&
		same_as_stored(fl, st);
	return 1;
}

/* A tie: the greater row wins. The stored row as export writes it against the incoming one;
 * when the file's text differs, the incoming row is stored inside a savepoint and read back
 * the same way (so that "21.50" and "21.5" are the same row), and kept only when greater.
 * M_UPDATED (stored), M_KEEP or M_ERROR. */
static int tie(struct imp_file *fl, const char *k1, const char *k2, imp_store_fn store,
	       const void *row)
{
	struct imp *im = fl->im;
	struct text old = { 0 }, in = { 0 };
	int act = M_KEEP;
	incoming_text(fl, &in);
	if (stored_text(fl, k1, k2, &old) != SK_OK)
		act = db_failed(im);
	else if (strcmp(in.s, old.s) != 0) {
		int keep = 0;
		/* ROLLBACK TO trips every cursor of a transaction that changed the schema (the
		 * pass drops the trail's triggers): the walk seeks again after it. */
		imp_walk_stop(im);
		if (db_savepoint(im->db, "imp_tie", im->e) != SK_OK)
			act = db_failed(im);
		else if (store(im->db, row, 0, im->e) != SK_OK || stored_text(fl, k1, k2, &in) != SK_OK)
			act = db_failed(im);
		else
			keep = strcmp(in.s, old.s) > 0;
		if (act != M_ERROR && db_savepoint_end(im->db, "imp_tie", keep, im->e) != SK_OK)
			act = db_failed(im);
		if (act != M_ERROR && keep)
			act = M_UPDATED;
	}
	free(old.s);
	free(in.s);
	return act;
}

/* The spec's rule: insert when new, replace when the incoming stamp is later, keep when it
 * is earlier; a tie goes to the greater row. The stored row is read as export writes it,
 * once: an unchanged row (a bundle imported again) is then kept without a second lookup;
 * only a row export would not write (none, or deleted attendance) has its stamp looked up. */
static int decide(struct imp_file *fl, const char *k1, const char *k2, const char *ts,
		  imp_store_fn store, const void *row)
{
	char old[64];
	int same;
	if (fl->im->fresh[fl->table] && imp_key_cmp(fl->im->maxkey[fl->table], k1, k2) < 0)
		return M_INSERT; /* above every key this pass stored in a table it found empty */
	if (table_batch_flush(fl->im->db, &fl->batch, fl->im->e) != SK_OK)
		return db_failed(fl->im); /* the rows held back go in before the table is read */
	int found = stored_row(fl, k1, k2, ts, old, sizeof old, &same);
	if (found < 0)
		return db_failed(fl->im);
	if (!found)
		return M_INSERT;
	int cmp = strcmp(ts, old);
	if (cmp != 0)
		return cmp > 0 ? M_UPDATE : M_KEEP;
	return same ? M_KEEP : tie(fl, k1, k2, store, row);
}

/* Bind the current row's table, source and key (k2 '' for one-column keys). */
static void bind_key(sqlite3_stmt *st, const struct imp_file *fl, const char *k1, const char *k2)
{
	db_bind_int64(st, ":t", fl->table);
	db_bind_int64(st, ":s", fl->src);
	db_bind_text(st, ":k1", k1);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":k2"), k2 ? k2 : "", -1,
			  SQLITE_STATIC);
}

/* Remember a merged row for the rules (temp.imp_row); a table being bulk-loaded does not
 * (struct imp: lean bookkeeping). */
static int remember(struct imp_file *fl, const char *k1, const char *k2)
{
	struct imp *im = fl->im;
	if (im->bulk.on[fl->table] && !im->careful) {
		im->partial[fl->table] = 1;
		return SK_OK;
	}
	sqlite3_stmt *st = db_prepare(fl->im->db, "INSERT OR REPLACE INTO imp_row(tabel, k1, k2, "
				      "sumber, baris) VALUES(:t, :k1, :k2, :s, :b)", fl->im->e);
	if (!st)
		return db_failed(fl->im);
	bind_key(st, fl, k1, k2);
	db_bind_int64(st, ":b", fl->line);
	return db_step_write(fl->im->db, st, "", fl->im->e) == SK_OK ? SK_OK : db_failed(fl->im);
}

/* 0 when the key is new in this file (now remembered); else the line that holds it first
 * (or -1 on a database error). */
static long long seen_before(struct imp_file *fl, const char *k1, const char *k2)
{
	struct imp *im = fl->im;
	sqlite3_stmt *st = db_prepare(im->db, "INSERT INTO imp_seen(tabel, sumber, k1, k2, baris) "
				      "VALUES(:t, :s, :k1, :k2, :b) ON CONFLICT DO NOTHING", im->e);
	if (!st)
		return -1;
	bind_key(st, fl, k1, k2);
	db_bind_int64(st, ":b", fl->line);
	int rc = db_step_write(im->db, st, "", im->e);
	if (rc != SK_NOTFOUND)
		return rc == SK_OK ? 0 : -1;
	st = db_prepare(im->db, "SELECT baris FROM imp_seen WHERE tabel=:t AND sumber=:s AND "
			"k1=:k1 AND k2=:k2", im->e);
	if (!st)
		return -1;
	bind_key(st, fl, k1, k2);
	int64_t line = -1;
	return db_count(im->db, st, &line, im->e) == SK_OK ? line : -1;
}

/* One file holds a key once: a repeated key refuses both rows. 1 when it repeats. While the
 * file's keys rise, none can repeat and none is written down; the first key out of order
 * then asks for a careful pass (struct imp), which writes every key down. */
static int repeated_key(struct imp_file *fl, const char *k1, const char *k2)
{
	if (!fl->im->careful) {
		if (fl->keys++ == 0 || imp_key_cmp(fl->prev, k1, k2) < 0) {
			imp_key_set(fl->prev, k1, k2);
			return 0;
		}
		fl->im->redo = 1;
		return 1;
	}
	long long first = seen_before(fl, k1, k2);
	if (first < 0) {
		fl->im->dberr = 1;
		return 1;
	}
	if (first == 0)
		return 0;
	const char *col = k2 ? "pertemuan_id" : "id";
	char why[200];
	snprintf(why, sizeof why, _("Kunci baris ini sudah ada di baris %lld berkas yang sama: satu "
				    "berkas memuat satu baris per kunci."), first);
	imp_bad(fl, col, k1, why);
	snprintf(why, sizeof why, _("Kunci baris ini muncul lagi di baris %lld berkas yang sama: "
				    "satu berkas memuat satu baris per kunci."), fl->line);
	imp_problem(fl->im, fl->src, fl->table, fl->label, first, col, k1, why);
	return 1;
}

void imp_merge(struct imp_file *fl, const char *k1, const char *k2, const char *ts,
	       imp_store_fn store, const void *row)
{
	if (!*k1 || (k2 && !*k2) || repeated_key(fl, k1, k2) || fl->row_bad)
		return;
	import_counts *c = &fl->im->r->t[fl->table];
	int act = decide(fl, k1, k2, ts, store, row);
	if (act == M_ERROR)
		return;
	if (act == M_KEEP) {
		c->unchanged++;
		return;
	}
	int rc = act == M_UPDATED ? SK_OK
		 : act == M_INSERT && fl->batch.t && !fl->im->careful && fl->im->bulk.on[fl->table]
		 ? table_batch_add(fl->im->db, &fl->batch, row, fl->im->e)
		 : store(fl->im->db, row, act == M_INSERT, fl->im->e);
	if (rc != SK_OK) {
		db_failed(fl->im);
		return;
	}
	if (remember(fl, k1, k2) != SK_OK)
		return;
	if (act == M_INSERT) {
		c->added++;
		if (imp_key_cmp(fl->im->maxkey[fl->table], k1, k2) < 0)
			imp_key_set(fl->im->maxkey[fl->table], k1, k2);
		imp_bulk_inserted(fl);
	} else {
		c->updated++;
	}
}

/* ---- the pass's temporary tables -------------------------------------------------------- */

/* 1 when table t holds no row, 0 when it does, -1 on a database error (in im->e). */
static int table_empty(struct imp *im, int t)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1", BUNDLE_TABLES[t].db_table);
	sqlite3_stmt *st = db_prepare_once(im->db, sql, im->e);
	int found = st ? db_exists(im->db, st, im->e) : -1;
	db_finalize(st);
	return found < 0 ? -1 : !found;
}

int imp_rows_begin(struct imp *im)
{
	memset(im->partial, 0, sizeof im->partial);
	memset(im->maxkey, 0, sizeof im->maxkey);
	memset(im->fk, 0, sizeof im->fk);
	for (int t = 0; t < BT_COUNT; t++)
		if ((im->fresh[t] = table_empty(im, t)) < 0)
			return SK_DBERR;
	return db_exec(im->db, RULES_MERGED_SQL "; DELETE FROM temp.imp_row; "
		       "CREATE TEMP TABLE IF NOT EXISTS imp_seen(tabel INTEGER NOT NULL, "
		       "sumber INTEGER NOT NULL, k1 TEXT NOT NULL, k2 TEXT NOT NULL, "
		       "baris INTEGER NOT NULL, PRIMARY KEY(tabel, sumber, k1, k2)) WITHOUT ROWID; "
		       "DELETE FROM temp.imp_seen; "
		       "CREATE TEMP TABLE IF NOT EXISTS imp_tolak(kunci TEXT PRIMARY KEY, "
		       "berkas TEXT NOT NULL, baris INTEGER NOT NULL) WITHOUT ROWID; "
		       "DELETE FROM temp.imp_tolak;", im->e);
}

void imp_rows_end(struct imp *im)
{
	db_exec(im->db, "DROP TABLE IF EXISTS temp.imp_row; DROP TABLE IF EXISTS temp.imp_seen; "
		"DROP TABLE IF EXISTS temp.imp_tolak", NULL);
}

void imp_row_refused(struct imp_file *fl)
{
	const char *id = BUNDLE_TABLES[fl->table].nkeys == 1 ? imp_val(fl, "id") : "";
	if (!*id)
		return;
	sqlite3_stmt *st = db_prepare(fl->im->db, "INSERT OR IGNORE INTO imp_tolak(kunci, berkas, "
				      "baris) VALUES(:k, :f, :b)", fl->im->e);
	if (!st) {
		fl->im->dberr = 1;
		return;
	}
	db_bind_text(st, ":k", id);
	db_bind_text(st, ":f", fl->label);
	db_bind_int64(st, ":b", fl->line);
	int rc = db_step_write(fl->im->db, st, "", fl->im->e);
	if (rc != SK_OK && rc != SK_NOTFOUND)
		fl->im->dberr = 1;
}

int imp_refused_parent(struct imp *im, const char *id, char *berkas, size_t n, long long *line)
{
	sqlite3_stmt *st = db_prepare(im->db, "SELECT berkas, baris FROM imp_tolak WHERE kunci=:k",
				      im->e);
	if (!st) {
		im->dberr = 1;
		return 0;
	}
	db_bind_text(st, ":k", id);
	int rc = db_step(im->db, st, im->e);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, berkas, n);
		*line = sqlite3_column_int64(st, 1);
	}
	int end = db_row_end(st, rc, "", NULL);
	if (end != SK_OK && end != SK_NOTFOUND)
		im->dberr = 1;
	return end == SK_OK;
}

/* ---- the rules over what was merged ---------------------------------------------------- */

static int on_rule_hit(void *ctx, const rule_hit *h)
{
	struct imp *im = ctx;
	char label[PATH_MAX + 64];
	imp_label(im, h->src, h->table, label, sizeof label);
	imp_problem(im, h->src, h->table, label, h->line, h->column, h->value, h->reason);
	return 0;
}

void imp_check_rules(struct imp *im)
{
	int incomplete = 0;
	if (rules_check_merged(im->db, im->partial, on_rule_hit, im, &incomplete, im->e) != SK_OK)
		im->dberr = 1;
	else if (incomplete)
		im->redo = 1;
}
