/* import_bulk.c - bulk loading for import: when one pass inserts many rows into a big table,
 * that table's secondary indexes are dropped and built again (one sort each) just before the
 * pass commits, instead of being updated row by row in random order. Everything happens
 * inside the pass's transaction, so a rollback (refusal, power cut) brings the indexes back
 * untouched. Only indexes that no query of the import itself uses are dropped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "import_priv.h"

/* Inserts into one table before dropping its indexes is considered at all: a small merge
 * (one week's meetings, a few corrections) never pays for a rebuild. */
#define BULK_MIN_INSERTS 5000
/* Drop when the rows still to come in the file are at least 1/BULK_RATIO of the table. */
#define BULK_RATIO 8
/* Page cache while the indexes are built, KiB. */
#define BULK_BUILD_CACHE_KIB 8192

/* Secondary indexes of each table that may be dropped during a bulk pass. Not listed:
 * kelompok and anggota (small; anggota's indexes serve the NIK and officer checks) and
 * kas_membalik (SQLite's deferred foreign-key check looks reversals up through it). */
static const char *const DROPPABLE[BT_COUNT][5] = {
	[BT_PERTEMUAN] = { "pertemuan_kelompok", "pertemuan_diubah", "pertemuan_disimpan" },
	[BT_KEHADIRAN] = { "kehadiran_anggota", "kehadiran_diubah", "kehadiran_disimpan" },
	[BT_KAS] = { "kas_saldo", "kas_pertemuan", "kas_diubah", "kas_disimpan" },
};

/* 1 when the table holds fewer than cap rows (counts at most cap rows), 0 when not, -1 on
 * a database error (in im->e). */
static int fewer_rows_than(struct imp *im, int t, long long cap)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM %s LIMIT %lld)",
		 BUNDLE_TABLES[t].db_table, cap);
	sqlite3_stmt *st = db_prepare_once(im->db, sql, im->e);
	int64_t n = cap;
	int rc = st ? db_count(im->db, st, &n, im->e) : SK_DBERR;
	db_finalize(st);
	return rc != SK_OK ? -1 : n < cap;
}

/* Keep the CREATE statement of index name, then drop it. SK_OK also when the index is not
 * in this schema (nothing to do); a database error otherwise. */
static int drop_one(struct imp *im, const char *name)
{
	sqlite3_stmt *st = db_prepare(im->db, "SELECT sql FROM sqlite_schema WHERE type='index' AND "
				      "name=:n AND sql IS NOT NULL", im->e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":n", name);
	int rc = db_step(im->db, st, im->e);
	if (rc != SQLITE_ROW)
		return db_row_end(st, rc, "", NULL) == SK_NOTFOUND ? SK_OK : SK_DBERR;
	char *sql = strdup((const char *)sqlite3_column_text(st, 0));
	db_reset(st);
	if (!sql)
		abort();
	char drop[128];
	snprintf(drop, sizeof drop, "DROP INDEX \"%s\"", name);
	if (im->bulk.n >= IMP_BULK_MAX || db_exec(im->db, drop, im->e) != SK_OK) {
		free(sql);
		return im->bulk.n >= IMP_BULK_MAX ? SK_OK : SK_DBERR;
	}
	im->bulk.sql[im->bulk.n++] = sql;
	return SK_OK;
}

void imp_bulk_inserted(struct imp_file *fl)
{
	struct imp *im = fl->im;
	int t = fl->table;
	if (!DROPPABLE[t][0] || im->bulk.decided[t] || ++im->bulk.inserts[t] < BULK_MIN_INSERTS)
		return;
	im->bulk.decided[t] = 1;
	long long left = fl->total - fl->rows;
	if (fl->total < 0 || left < BULK_MIN_INSERTS)
		return;
	int fewer = fewer_rows_than(im, t, left * BULK_RATIO);
	if (fewer < 0)
		im->dberr = 1;
	for (int i = 0; fewer > 0 && i < 5 && DROPPABLE[t][i]; i++)
		if (drop_one(im, DROPPABLE[t][i]) != SK_OK)
			im->dberr = 1;
}

int imp_bulk_rebuild(struct imp *im)
{
	if (!im->bulk.n)
		return SK_OK;
	/* SQLite's sorter takes up to the page cache's size (and, growing its buffer, half as
	 * much again): a smaller cache while building keeps the import's peak memory flat. */
	int64_t cache = db_cache_set(im->db, BULK_BUILD_CACHE_KIB);
	sqlite3_db_release_memory(db_handle(im->db)); /* frees cache pages: not a statement */
	int rc = SK_OK;
	for (int i = 0; i < im->bulk.n && rc == SK_OK; i++) {
		if (im->o->progress)
			im->o->progress(im->o->ctx, _("indeks"), i, im->bulk.n);
		rc = db_exec(im->db, im->bulk.sql[i], im->e);
	}
	db_cache_restore(im->db, cache);
	return rc;
}

void imp_bulk_reset(struct imp *im)
{
	for (int i = 0; i < im->bulk.n; i++)
		free(im->bulk.sql[i]);
	memset(&im->bulk, 0, sizeof im->bulk);
}
