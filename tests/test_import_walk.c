/* test_import_walk.c - the walk over the stored rows (src/import_walk.c): every table's
 * statement reads through the key's own index (no sort), finds exactly what a lookup by key
 * finds for keys that rise, jump, repeat or fall, with writes between two steps; and what
 * SQLite 3.40 does to a pending read statement (why the walk stops before a savepoint's
 * rollback and before a DROP). */
#include "fixture.h"
#include "import_priv.h"

static sk_db *tdb;
static sk_err terr;

static int exec(const char *sql)
{
	return sqlite3_exec(db_handle(tdb), sql, NULL, NULL, NULL);
}

/* Every table's walk: a search through the key's index, never a scan or a temporary b-tree,
 * with select_one's columns and then the export filter. */
static void test_plans(void)
{
	for (int t = 0; t < BT_COUNT; t++) {
		const char *sql = BUNDLE_TABLES[t].select_walk;
		char eqp[3000], label[160];
		sqlite3_stmt *st = NULL, *one = NULL;
		snprintf(label, sizeof label, "%s: the walk prepares", BUNDLE_TABLES[t].name);
		CHECK(sqlite3_prepare_v2(db_handle(tdb), sql, -1, &st, NULL) == SQLITE_OK, label);
		CHECK(sqlite3_prepare_v2(db_handle(tdb), BUNDLE_TABLES[t].select_one, -1, &one, NULL) ==
		      SQLITE_OK, label);
		snprintf(label, sizeof label, "%s: select_one's columns and the filter",
			 BUNDLE_TABLES[t].name);
		int same = st && one && sqlite3_column_count(st) == sqlite3_column_count(one) + 1 &&
			   sqlite3_column_count(one) == BUNDLE_TABLES[t].ncols;
		for (int i = 0; same && i < sqlite3_column_count(one); i++)
			same = strcmp(sqlite3_column_name(st, i), sqlite3_column_name(one, i)) == 0;
		CHECK(same, label);
		snprintf(label, sizeof label, "%s: parameters :k1 (and :k2) first",
			 BUNDLE_TABLES[t].name);
		CHECK(st && sqlite3_bind_parameter_count(st) == BUNDLE_TABLES[t].nkeys &&
		      strcmp(sqlite3_bind_parameter_name(st, 1), ":k1") == 0 &&
		      (BUNDLE_TABLES[t].nkeys == 1 ||
		       strcmp(sqlite3_bind_parameter_name(st, 2), ":k2") == 0), label);
		sqlite3_finalize(st);
		sqlite3_finalize(one);
		snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sql);
		int search = 0, bad = 0;
		if (sqlite3_prepare_v2(db_handle(tdb), eqp, -1, &st, NULL) == SQLITE_OK) {
			while (sqlite3_step(st) == SQLITE_ROW) {
				const char *d = (const char *)sqlite3_column_text(st, 3);
				char using[96], range[96];
				snprintf(using, sizeof using, "SEARCH %s USING ", BUNDLE_TABLES[t].db_table);
				if (BUNDLE_TABLES[t].nkeys == 1)
					snprintf(range, sizeof range, "(%s>?)", BUNDLE_TABLES[t].cols[0].name);
				else
					snprintf(range, sizeof range, "((%s,%s)>(?,?))",
						 BUNDLE_TABLES[t].cols[0].name, BUNDLE_TABLES[t].cols[1].name);
				/* A search from the key up, through an index that begins with it (the
				 * key's own, or anggota's (id, kelompok_id)): in key order, no sort. */
				if (strstr(d, "TEMP B-TREE") || strstr(d, "SCAN"))
					bad = 1;
				else if (strncmp(d, using, strlen(using)) == 0 && strstr(d, range))
					search = 1;
				if (bad || !search)
					printf("#   %s: %s\n", BUNDLE_TABLES[t].name, d);
			}
			sqlite3_finalize(st);
		}
		snprintf(label, sizeof label, "%s: read through the key's index, no sort",
			 BUNDLE_TABLES[t].name);
		CHECK(search && !bad, label);
	}
}

/* Attendance rows p000..p199 x a0..a4 with holes, some deleted, and kelompok rows g000..g399
 * with holes (the test's own texts: the walk compares texts as SQLite does). */
static void fill(void)
{
	CHECK(exec("PRAGMA foreign_keys=OFF") == SQLITE_OK, "foreign keys off");
	CHECK(FIXTURE_WRITE(tdb, db_exec(tdb, "WITH RECURSIVE p(i) AS (SELECT 0 UNION ALL SELECT i+1 "
			    "FROM p WHERE i<199), a(j) AS (SELECT 0 UNION ALL SELECT j+1 FROM a WHERE j<4) "
			    "INSERT INTO kehadiran(pertemuan_id, anggota_id, status, diubah_pada, dihapus) "
			    "SELECT printf('p%03d', i), printf('a%d', j), 'H', printf('2025-01-01T00:%02d:00Z', "
			    "(i*5+j)%60), ((i+j)%11=0) FROM p, a WHERE (i*7+j)%3<>0 AND i%17<>5; "
			    "WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM g WHERE i<399) "
			    "INSERT INTO kelompok(id, nama, kode_wilayah, diubah_pada) SELECT "
			    "printf('g%03d', i), 'K', '31.71.08.1003', '2025-02-02T00:00:00Z' FROM g "
			    "WHERE i%4<>1 AND NOT i BETWEEN 200 AND 260", &terr)) == SK_OK, "rows in");
}

/* What a lookup by key gives: 1 (stamp and export filter into out), 0 none. */
static int lookup(int t, const char *k1, const char *k2, char *stamp, int *live)
{
	sqlite3_stmt *st;
	const char *sql = t == BT_KEHADIRAN ? "SELECT diubah_pada, dihapus=0 FROM kehadiran WHERE "
					      "pertemuan_id=?1 AND anggota_id=?2"
					    : "SELECT diubah_pada, 1 FROM kelompok WHERE id=?1";
	if (sqlite3_prepare_v2(db_handle(tdb), sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, k1, -1, SQLITE_STATIC);
	if (k2)
		sqlite3_bind_text(st, 2, k2, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		snprintf(stamp, 32, "%s", (const char *)sqlite3_column_text(st, 0));
		*live = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return found;
}

/* imp_walk_find against lookup for one key; 1 when they agree. */
static int agrees(struct imp_file *fl, const char *k1, const char *k2)
{
	char want[32] = "", got[32] = "";
	int live = -1;
	sqlite3_stmt *row;
	int w = lookup(fl->table, k1, k2, want, &live);
	int g = imp_walk_find(fl, k1, k2, &row);
	if (g == 1) {
		int stamp = bundle_col_index(fl->table, "diubah_pada");
		snprintf(got, sizeof got, "%s", (const char *)sqlite3_column_text(row, stamp));
		int k = strcmp((const char *)sqlite3_column_text(row, 0), k1) == 0 &&
			(!k2 || strcmp((const char *)sqlite3_column_text(row, 1), k2) == 0);
		int glive = sqlite3_column_int(row, BUNDLE_TABLES[fl->table].ncols);
		if (!k || glive != live)
			g = -2;
	}
	if (g != w || strcmp(want, got) != 0) {
		printf("#   %s %s: walk %d (%s), lookup %d (%s)\n", k1, k2 ? k2 : "", g, got, w, want);
		return 0;
	}
	return 1;
}

/* Keys i (p%03d, a%d for attendance; g%03d for groups) in the order of the list. */
static int walk_keys(struct imp_file *fl, const int *keys, int n)
{
	int ok = 1;
	for (int x = 0; x < n; x++) {
		char k1[16], k2[8];
		if (fl->table == BT_KEHADIRAN) {
			snprintf(k1, sizeof k1, "p%03d", keys[x] / 7 % 1000);
			snprintf(k2, sizeof k2, "a%d", keys[x] % 7);
		} else {
			snprintf(k1, sizeof k1, "g%03d", keys[x] % 1000);
		}
		ok &= agrees(fl, k1, fl->table == BT_KEHADIRAN ? k2 : NULL);
	}
	return ok;
}

static void test_orders(struct imp *im)
{
	static int keys[3000];
	for (int pass = 0; pass < 2; pass++) {
		struct imp_file fl = { .im = im, .src = 0,
				       .table = pass ? BT_KELOMPOK : BT_KEHADIRAN };
		int top = pass ? 420 : 201 * 7, n;
		const char *name = BUNDLE_TABLES[fl.table].name;
		char label[160];
		for (n = 0; n < top; n++)
			keys[n] = n;
		snprintf(label, sizeof label, "%s: every key rising (holes, deleted rows, past the last)", name);
		CHECK(walk_keys(&fl, keys, n), label);
		for (n = 0; n * 37 < top; n++)
			keys[n] = n * 37;
		snprintf(label, sizeof label, "%s: sparse rising keys (a seek after a few steps)", name);
		CHECK(walk_keys(&fl, keys, n), label);
		for (n = 0; n < top; n++)
			keys[n] = top - 1 - n;
		snprintf(label, sizeof label, "%s: falling keys", name);
		CHECK(walk_keys(&fl, keys, n), label);
		for (n = 0; n < 600; n++)
			keys[n] = (n * 131 + n / 3 * 7) % top;
		snprintf(label, sizeof label, "%s: keys out of order and repeated", name);
		CHECK(walk_keys(&fl, keys, n), label);
		imp_walk_stop(im);
		CHECK(im->walk.st == NULL, "stopped");
	}
}

/* Writes between two steps, as a merge makes them: the current row updated, a new key below
 * the walk's row inserted, a batch of held-back rows below the key inserted. */
static void test_writes(struct imp *im)
{
	struct imp_file fl = { .im = im, .src = 1, .table = BT_KEHADIRAN };
	int ok = 1, n = 0;
	CHECK(db_begin_write(tdb, &terr) == SK_OK, "write transaction");
	for (int i = 0; i < 120 * 7; i++) {
		char k1[16], k2[8], sql[300];
		sqlite3_stmt *row;
		snprintf(k1, sizeof k1, "p%03d", i / 7);
		snprintf(k2, sizeof k2, "a%d", i % 7);
		ok &= agrees(&fl, k1, k2);
		int found = imp_walk_find(&fl, k1, k2, &row); /* the same key again: a seek */
		if (found == 1)
			snprintf(sql, sizeof sql, "UPDATE kehadiran SET status='I', diubah_pada="
				 "'2026-01-01T00:00:00Z' WHERE pertemuan_id='%s' AND anggota_id='%s'", k1, k2);
		else
			snprintf(sql, sizeof sql, "INSERT INTO kehadiran(pertemuan_id, anggota_id, status, "
				 "diubah_pada) VALUES('%s', '%s', 'S', '2026-01-02T00:00:00Z')", k1, k2);
		ok &= found >= 0 && exec(sql) == SQLITE_OK;
		if (i % 50 == 49) {
			/* A batch of held-back new rows goes in below the key. */
			snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO kehadiran(pertemuan_id, anggota_id, "
				 "status, diubah_pada) VALUES('p%03d', 'a8', 'A', 'x'), ('p%03d', 'a9', "
				 "'A', 'y')", i / 7 - 1, i / 7 - 1);
			ok &= exec(sql) == SQLITE_OK;
		}
		n++;
	}
	CHECK(ok && n == 840, "writes between the steps: the walk still agrees with a lookup");
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db_handle(tdb), "SELECT count(*) FROM kehadiran WHERE diubah_pada "
				 "LIKE '2026-01-0%' AND pertemuan_id < 'p120'", -1, &st, NULL) ==
	      SQLITE_OK && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 840,
	      "every key updated or inserted");
	sqlite3_finalize(st);
	imp_walk_stop(im);
	CHECK(db_end(tdb, 0, &terr) == SK_OK, "rolled back");
}

/* SQLite 3.40 with a read statement pending on a row: a savepoint rolled back keeps its
 * place while the schema is unchanged, trips it (SQLITE_ABORT_ROLLBACK) after a schema
 * change in the transaction (a pass drops the trail's triggers first: tie() stops the
 * walk); a DROP INDEX fails while it reads (imp_bulk_inserted stops the walk first). And a
 * walk whose statement was tripped answers with a database error, never "none". */
static void test_sqlite(struct imp *im)
{
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db_handle(tdb), BUNDLE_TABLES[BT_KELOMPOK].select_walk, -1, &st, NULL) ==
	      SQLITE_OK, "walk prepared");
	for (int schema = 0; schema < 2; schema++) {
		CHECK(db_begin_write(tdb, &terr) == SK_OK, "write transaction");
		if (schema)
			CHECK(exec("CREATE TEMP TABLE walk_x(a)") == SQLITE_OK, "schema changed");
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, "g100", -1, SQLITE_STATIC);
		CHECK(sqlite3_step(st) == SQLITE_ROW, "on a row");
		CHECK(exec("SAVEPOINT s; UPDATE kelompok SET nama='L', diubah_pada='z' WHERE id="
			   "'g100'; INSERT INTO kelompok(id, nama, kode_wilayah, diubah_pada) VALUES"
			   "('g101', 'K', '31.71.08.1003', 'z'); ROLLBACK TO s; RELEASE s") == SQLITE_OK,
		      "savepoint rolled back");
		int rc = sqlite3_step(st);
		if (!schema)
			CHECK(rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0),
							  "g102") == 0,
			      "schema unchanged: the read goes on where it was (g101 undone)");
		else
			CHECK(rc == SQLITE_ABORT_ROLLBACK, "schema changed: the read is tripped");
		sqlite3_reset(st);
		CHECK(db_end(tdb, 0, &terr) == SK_OK, "rolled back");
	}
	CHECK(db_begin_write(tdb, &terr) == SK_OK, "write transaction");
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, "g100", -1, SQLITE_STATIC);
	CHECK(sqlite3_step(st) == SQLITE_ROW, "on a row");
	CHECK(exec("DROP INDEX kelompok_diubah") == SQLITE_LOCKED, "no DROP INDEX while reading");
	sqlite3_reset(st);
	CHECK(exec("DROP INDEX kelompok_diubah") == SQLITE_OK, "DROP INDEX once reset");
	/* The walk itself, tripped: a database error. */
	struct imp_file fl = { .im = im, .src = 2, .table = BT_KELOMPOK };
	sqlite3_stmt *row;
	CHECK(imp_walk_find(&fl, "g102", NULL, &row) == 1, "walk on g102");
	CHECK(exec("CREATE TEMP TABLE walk_y(a); SAVEPOINT s; UPDATE kelompok SET nama='L', "
		   "diubah_pada='z' WHERE id='g102'; ROLLBACK TO s; RELEASE s") == SQLITE_OK,
	      "savepoint rolled back after a schema change");
	sk_err_clear(&terr);
	CHECK(imp_walk_find(&fl, "g104", NULL, &row) == -1 && terr.status == SK_DBERR,
	      "a tripped walk is a database error");
	imp_walk_stop(im);
	CHECK(db_end(tdb, 0, &terr) == SK_OK, "rolled back");
	sqlite3_finalize(st);
}

int main(void)
{
	tdb = fixture_db();
	sk_err_clear(&terr);
	struct imp im = { .db = tdb, .e = &terr };
	test_plans();
	fill();
	test_orders(&im);
	test_writes(&im);
	test_sqlite(&im);
	db_close(tdb);
	return testlib_summary();
}
