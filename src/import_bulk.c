/* import_bulk.c - bulk loading for import: when one pass inserts many rows into a big table,
 * that table's secondary indexes are dropped and built again (one sort each) just before the
 * pass commits, instead of being updated row by row in random order; the triggers that keep
 * summaries of the table (schema.h: SCHEMA_SUMMARIES, e.g. saldo_kas) are dropped too and
 * the summaries rebuilt set-wise after the indexes (a trigger also makes every insert keep a
 * statement journal, which on a big transaction spills to a file, a dozen writes per row).
 * Everything happens inside the pass's transaction, so a rollback (refusal, power cut)
 * brings the indexes and triggers back untouched. Only indexes that no query of the import
 * itself uses are dropped. A table being bulk-loaded also keeps lean bookkeeping (struct imp
 * in import_priv.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "import_priv.h"
#include "schema.h"

/* Inserts into one table before dropping its indexes is considered at all: a small merge
 * (one week's meetings, a few corrections) never pays for a rebuild. */
#define BULK_MIN_INSERTS 5000
/* Drop when the rows still to come in the file are at least 1/BULK_RATIO of the table. */
#define BULK_RATIO 8
/* Rows inserted between two writes of the changed pages during a bulk load. */
#define BULK_FLUSH_ROWS 8192
/* Page cache while the indexes are built, KiB. SQLite's sorter sorts runs of as many bytes
 * in memory (at least 250 pages) and merges them from a temporary file: a run that fits the
 * processor's cache sorts faster than the extra merge level of more runs costs (the 200-group
 * bundle's indexes: 3.0 s of CPU at 2 MiB, 3.6 s at 8 MiB; docs/performance.md "Indexes and
 * foreign keys"), and the import's peak memory is 7 MB lower. */
#define BULK_BUILD_CACHE_KIB 2048

/* Secondary indexes of each table that may be dropped during a bulk pass: the ones whose
 * keys arrive in random order. Not listed: kelompok and anggota (small; anggota's indexes
 * serve the NIK and officer checks), kas_membalik and the other reversal indexes (SQLite's
 * deferred foreign-key check looks reversals up through them) and the *_disimpan indexes
 * (every row stored gets the time it was stored: their keys arrive in order, each insert an
 * append, cheaper than a scan and a sort afterwards). The savings-and-loans tables are
 * listed too: a table with nothing to drop is never bulk-loaded, and every row of it then
 * keeps the careful bookkeeping (331,400 savings rows of 500 groups: 38 s instead of 10). */
static const char *const DROPPABLE[BT_COUNT][5] = {
	[BT_PERTEMUAN] = { "pertemuan_kelompok", "pertemuan_diubah" },
	[BT_KEHADIRAN] = { "kehadiran_anggota", "kehadiran_diubah" },
	[BT_KAS] = { "kas_saldo", "kas_pertemuan", "kas_diubah", "kas_sumber" },
	[BT_SIMPANAN] = { "simpanan_anggota", "simpanan_pemilik", "simpanan_pertemuan" },
	[BT_PINJAMAN] = { "pinjaman_siklus", "pinjaman_anggota", "pinjaman_pertemuan" },
	[BT_ANGSURAN] = { "angsuran_pinjaman", "angsuran_pertemuan" },
	[BT_DENDA] = { "denda_siklus", "denda_anggota", "denda_pertemuan" },
	[BT_BAGI_HASIL] = { "bagi_hasil_siklus", "bagi_hasil_anggota" },
};

long long imp_rows_upto(struct imp *im, int t, long long cap)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (SELECT 1 FROM %s LIMIT %lld)",
		 BUNDLE_TABLES[t].db_table, cap);
	sqlite3_stmt *st = db_prepare_once(im->db, sql, im->e);
	int64_t n = cap;
	int rc = st ? db_count(im->db, st, &n, im->e) : SK_DBERR;
	db_finalize(st);
	return rc != SK_OK ? -1 : n;
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

/* 1 when summary k follows writes to table t. */
static int summary_of(const schema_summary *k, int t)
{
	for (int b = 0; b < 3 && k->bases[b]; b++)
		if (strcmp(k->bases[b], BUNDLE_TABLES[t].db_table) == 0)
			return 1;
	return 0;
}

/* Drop the triggers of every summary of table t (kept up to date by imp_bulk_rebuild). */
static int suspend_summaries(struct imp *im, int t)
{
	for (int i = 0; i < IMP_SUMMARIES_MAX && SCHEMA_SUMMARIES[i].table; i++) {
		const schema_summary *k = &SCHEMA_SUMMARIES[i];
		if (im->bulk.suspended[i] || !summary_of(k, t))
			continue;
		for (int j = 0; j < SCHEMA_SUMMARY_TRIGGERS && k->triggers[j]; j++) {
			char drop[128];
			snprintf(drop, sizeof drop, "DROP TRIGGER IF EXISTS \"%s\"", k->triggers[j]);
			if (db_exec(im->db, drop, im->e) != SK_OK)
				return SK_DBERR;
		}
		im->bulk.suspended[i] = 1;
	}
	return SK_OK;
}

/* 1 when a bulk load of table t has something to spare: indexes or summaries. */
static int bulk_helps(int t)
{
	if (DROPPABLE[t][0])
		return 1;
	for (int i = 0; i < IMP_SUMMARIES_MAX && SCHEMA_SUMMARIES[i].table; i++)
		if (summary_of(&SCHEMA_SUMMARIES[i], t))
			return 1;
	return 0;
}

void imp_bulk_inserted(struct imp_file *fl)
{
	struct imp *im = fl->im;
	int t = fl->table;
	/* A table being bulk-loaded: the pages written so far leave the cache every so many
	 * rows, so that the pages of the rows others refer to stay (db_cache_flush). */
	if (im->bulk.on[t] && ++im->bulk.since_flush >= BULK_FLUSH_ROWS) {
		im->bulk.since_flush = 0;
		if (db_cache_flush(im->db, im->e) != SK_OK)
			im->dberr = 1;
	}
	/* A table that was empty: every row of a big file will be inserted, from the first. */
	long long enough = im->fresh[t] && fl->total >= BULK_MIN_INSERTS ? 1 : BULK_MIN_INSERTS;
	if (im->bulk.decided[t] || ++im->bulk.inserts[t] < enough || !bulk_helps(t))
		return;
	im->bulk.decided[t] = 1;
	long long left = fl->total - fl->rows;
	if (fl->total < 0 || left < BULK_MIN_INSERTS)
		return;
	long long have = imp_rows_upto(im, t, left * BULK_RATIO);
	if (have < 0)
		im->dberr = 1;
	if (have < 0 || have >= left * BULK_RATIO)
		return;
	im->bulk.on[t] = 1;
	imp_walk_stop(im); /* DROP INDEX fails while a statement reads */
	for (int i = 0; i < 5 && DROPPABLE[t][i]; i++)
		if (drop_one(im, DROPPABLE[t][i]) != SK_OK)
			im->dberr = 1;
	if (suspend_summaries(im, t) != SK_OK)
		im->dberr = 1;
}

/* Fill again every summary whose triggers were dropped, and make its triggers again. */
static int rebuild_summaries(struct imp *im)
{
	int rc = SK_OK;
	for (int i = 0; rc == SK_OK && i < IMP_SUMMARIES_MAX && SCHEMA_SUMMARIES[i].table; i++)
		if (im->bulk.suspended[i]) {
			rc = db_exec(im->db, SCHEMA_SUMMARIES[i].rebuild, im->e);
			if (rc == SK_OK)
				rc = db_exec(im->db, SCHEMA_SUMMARIES[i].create, im->e);
		}
	return rc;
}

/* Append the statement of one dropped trigger to im->bulk.trail. */
static void keep_trigger(struct imp *im, size_t *len, size_t *cap, const char *sql)
{
	/* The schema keeps a temporary trigger's statement without TEMP: put it back. */
	size_t n = strlen(sql) + 16;
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		im->bulk.trail = realloc(im->bulk.trail, *cap);
		if (!im->bulk.trail)
			abort();
	}
	*len += (size_t)sprintf(im->bulk.trail + *len, "CREATE TEMP %s;\n", sql + strlen("CREATE "));
}

int imp_trail_quiet(struct imp *im)
{
	sqlite3_stmt *st = db_prepare(im->db, "SELECT name, sql FROM temp.sqlite_schema WHERE "
				      "type='trigger' AND name LIKE 'jejak\\_%' ESCAPE '\\' AND "
				      "sql LIKE 'CREATE TRIGGER %'", im->e);
	if (!st)
		return SK_DBERR;
	size_t len = 0, cap = 0;
	char names[256][64];
	int n = 0, rc;
	while (n < 256 && (rc = db_step(im->db, st, im->e)) == SQLITE_ROW) {
		db_col_text(st, 0, names[n++], sizeof names[0]);
		keep_trigger(im, &len, &cap, (const char *)sqlite3_column_text(st, 1));
	}
	db_reset(st);
	if (n < 256 && rc != SQLITE_DONE)
		return SK_DBERR;
	/* Dropped once the reading statement is done (the schema changes under it). */
	for (int i = 0; i < n; i++) {
		char drop[160];
		snprintf(drop, sizeof drop, "DROP TRIGGER temp.\"%.64s\"", names[i]);
		if (db_exec(im->db, drop, im->e) != SK_OK)
			return SK_DBERR;
	}
	return SK_OK;
}

/* Make the trail's triggers again (imp_trail_quiet). */
static int trail_back(struct imp *im)
{
	int rc = im->bulk.trail ? db_exec(im->db, im->bulk.trail, im->e) : SK_OK;
	free(im->bulk.trail);
	im->bulk.trail = NULL;
	return rc;
}

int imp_bulk_rebuild(struct imp *im)
{
	imp_walk_stop(im); /* the last file's walk: the schema changes now */
	if (!im->bulk.n)
		return rebuild_summaries(im) == SK_OK ? trail_back(im) : SK_DBERR;
	/* SQLite's sorter takes up to the page cache's size (and, growing its buffer, half as
	 * much again): a small cache while building sorts in short runs (BULK_BUILD_CACHE_KIB)
	 * and keeps the import's peak memory flat. */
	int64_t cache = db_cache_shrink(im->db, BULK_BUILD_CACHE_KIB);
	int rc = SK_OK;
	for (int i = 0; i < im->bulk.n && rc == SK_OK; i++) {
		if (im->o->progress)
			im->o->progress(im->o->ctx, _("indeks"), i, im->bulk.n);
		rc = db_exec(im->db, im->bulk.sql[i], im->e);
	}
	if (rc == SK_OK)
		rc = rebuild_summaries(im);
	db_cache_restore(im->db, cache);
	return rc == SK_OK ? trail_back(im) : rc;
}

void imp_bulk_reset(struct imp *im)
{
	imp_walk_stop(im);
	for (int i = 0; i < im->bulk.n; i++)
		free(im->bulk.sql[i]);
	free(im->bulk.trail);
	memset(&im->bulk, 0, sizeof im->bulk);
}
