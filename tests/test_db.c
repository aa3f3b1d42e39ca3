/* test_db.c - opening, pragmas, privacy, migrations, newer schema refused, a second copy. */
#include <sys/stat.h>
#include "db_access.h"
#include "db_row.h"
#include "fixture.h"
#include "schema.h"
#include "util.h"

static char dir[PATH_MAX];

/* A new database file name in the test's folder, opened (NULL when it cannot be). */
static sk_db *open_new(const char *name, sk_err *e)
{
	char path[PATH_MAX + 32];
	sk_db *db = NULL;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return db_open(path, 0, &db, e) == SK_OK ? db : NULL;
}

static void test_open(void)
{
	char path[PATH_MAX + 32];
	sk_db *db;
	sk_err e;
	snprintf(path, sizeof path, "%s/sub/dir/a.db", dir);
	CHECK(db_open(path, 0, &db, &e) == SK_DBERR, "missing folder refused without make_dir");
	CHECK(e.msg[0] != '\0', "refusal has a message");
	CHECK(db_open(path, 1, &db, &e) == SK_OK, "make_dir creates the folder");
	struct stat st;
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "database file is 0600");
	char sub[PATH_MAX + 16];
	snprintf(sub, sizeof sub, "%s/sub/dir", dir);
	CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0700, "database folder is 0700");
	CHECK(db_int(db, "PRAGMA user_version", -1) == SK_SCHEMA_VERSION, "migrated to current");
	CHECK(db_int(db, "PRAGMA foreign_keys", 0) == 1, "foreign keys on");
	CHECK(db_int(db, "PRAGMA synchronous", 0) == 2, "synchronous FULL");
	char mode[16];
	sqlite3_stmt *s;
	sqlite3_prepare_v2(db_handle(db), "PRAGMA journal_mode", -1, &s, NULL);
	sqlite3_step(s);
	sk_strlcpy(mode, (const char *)sqlite3_column_text(s, 0), sizeof mode);
	sqlite3_finalize(s);
	CHECK_STR(mode, "wal", "WAL journal");
	char uuid[64];
	CHECK(db_setting_get(db, "perangkat", "", uuid, sizeof uuid) && sk_uuid_valid(uuid),
	      "database has its own UUID");
	db_close(db);
	CHECK(db_open(path, 0, &db, &e) == SK_OK, "reopen");
	char uuid2[64];
	db_setting_get(db, "perangkat", "", uuid2, sizeof uuid2);
	CHECK_STR(uuid, uuid2, "UUID stable across opens");
	db_close(db);
}

static void test_newer_schema(void)
{
	char path[PATH_MAX + 32];
	sk_db *db;
	sk_err e;
	snprintf(path, sizeof path, "%s/new.db", dir);
	CHECK(db_open(path, 0, &db, &e) == SK_OK, "create");
	db_exec_write(db, "PRAGMA user_version=99", &e);
	db_close(db);
	CHECK(db_open(path, 0, &db, &e) == SK_DBERR, "newer schema refused");
	CHECK(strstr(e.msg, "lebih baru") != NULL, "message says newer version");
}

static void test_not_a_db(void)
{
	char path[PATH_MAX + 32];
	sk_db *db;
	sk_err e;
	snprintf(path, sizeof path, "%s/text.db", dir);
	FILE *f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough to be read...\n", f);
	fclose(f);
	CHECK(db_open(path, 0, &db, &e) == SK_DBERR, "text file refused");
	CHECK(strstr(e.msg, "bukan basis data") != NULL, "message says not a database");
	CHECK(db_open(dir, 0, &db, &e) == SK_DBERR, "folder refused");
}

static void test_diubah_trigger(void)
{
	sk_err e;
	sk_db *db = open_new("trig.db", &e);
	db_exec_write(db, "INSERT INTO wilayah VALUES('31.71.08.1003','Galur',4);"
		    "INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada) VALUES"
		    "('a','K','31.71.08.1003','2000-01-01T00:00:00Z');"
		    "UPDATE kelompok SET nama='L' WHERE id='a';", &e);
	CHECK(db_int(db, "SELECT diubah_pada > '2020' FROM kelompok WHERE id='a'", 0) == 1,
	      "an update that forgets diubah_pada still refreshes it");
	db_close(db);
}

static void test_second_copy(void)
{
	char path[PATH_MAX + 32];
	sk_db *a, *b;
	sk_err e;
	snprintf(path, sizeof path, "%s/busy.db", dir);
	CHECK(db_open(path, 0, &a, &e) == SK_OK, "first copy opens");
	CHECK(db_open(path, 0, &b, &e) == SK_OK, "second copy opens");
	sqlite3_busy_timeout(db_handle(b), 50); /* keep the test quick */
	CHECK(db_begin_write(a, &e) == SK_OK, "first copy writes");
	int rc = db_begin_write(b, &e);
	CHECK(rc == SK_BUSY, "second copy told the database is busy");
	CHECK(strstr(e.msg, "dipakai") != NULL, "busy message in plain words");
	db_end(a, 1, &e);
	CHECK(db_begin_write(b, &e) == SK_OK, "second copy writes after the first is done");
	db_end(b, 1, &e);
	db_close(a);
	db_close(b);
}

static void test_nesting(void)
{
	sk_err e;
	sk_db *db = open_new("nest.db", &e);
	db_begin_write(db, &e);
	db_setting_set(db, "x", "1", &e);
	db_begin_write(db, &e);
	db_setting_set(db, "y", "2", &e);
	db_end(db, 0, &e); /* inner failure */
	db_end(db, 1, &e);
	char v[8];
	CHECK(!db_setting_get(db, "x", "", v, sizeof v), "inner failure rolls back the whole");
	db_setting_set(db, "z", "3", &e);
	CHECK(db_setting_get(db, "z", "", v, sizeof v) && strcmp(v, "3") == 0, "settings round trip");
	db_close(db);
}

/* db_begin_read, db_exists, db_count: one snapshot, row or none, count. */
static void test_read_helpers(void)
{
	sk_err e;
	sk_db *db = open_new("read.db", &e);
	db_setting_set(db, "a", "1", &e);
	CHECK(db_begin_read(db, &e) == SK_OK, "read transaction begins");
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM pengaturan WHERE kunci=:k", &e);
	db_bind_text(st, ":k", "a");
	CHECK(db_exists(db, st, &e) == 1, "db_exists finds a row");
	db_bind_text(st, ":k", "nope");
	CHECK(db_exists(db, st, &e) == 0, "db_exists says none");
	int64_t n = -1;
	st = db_prepare(db, "SELECT count(*) FROM pengaturan WHERE kunci=:k", &e);
	db_bind_text(st, ":k", "a");
	CHECK(db_count(db, st, &n, &e) == SK_OK && n == 1, "db_count counts");
	CHECK(db_count_text(db, "SELECT count(*) FROM pengaturan WHERE kunci=:k", ":k", "a") == 1 &&
	      db_count_like(db, "SELECT count(*) FROM pengaturan WHERE kunci LIKE :k" DB_LIKE_ESCAPE,
			    ":k", "_") == 0, "db_count_text, db_count_like");
	CHECK(db_count_text(db, "SELECT count(*) FROM no_such_table WHERE x=:k", ":k", "a") == -1,
	      "a count the database cannot give is -1, not 0");
	CHECK(db_end(db, 1, &e) == SK_OK, "read transaction ends");
	CHECK(sqlite3_get_autocommit(db_handle(db)), "no transaction left open");
	db_close(db);
}

/* The commit guard: only db_end commits a write to the database. */
static void test_commit_guard(void)
{
	char path[PATH_MAX + 32];
	sk_db *db;
	sk_err e;
	snprintf(path, sizeof path, "%s/guard.db", dir);
	CHECK(db_open(path, 0, &db, &e) == SK_OK, "open");
	const char *count = "SELECT count(*) FROM pengaturan WHERE kunci LIKE 'g%'";
	sk_err_clear(&e);
	CHECK(db_exec(db, "INSERT INTO pengaturan VALUES('g1','1','t')", &e) == SK_DBERR &&
	      strstr(e.msg, "di luar transaksi") != NULL, "a write outside a transaction fails");
	CHECK(db_int(db, count, -1) == 0, "and stores nothing");
	CHECK(db_exec(db, "BEGIN; INSERT INTO pengaturan VALUES('g2','1','t'); COMMIT", &e) ==
	      SK_DBERR, "a raw BEGIN ... COMMIT fails");
	CHECK(sqlite3_get_autocommit(db_handle(db)) && db_int(db, count, -1) == 0,
	      "rolled back, no transaction left open");
	CHECK(db_begin_write(db, &e) == SK_OK, "a write transaction");
	db_setting_set(db, "g3", "1", &e);
	CHECK(db_exec(db, "COMMIT", &e) == SK_DBERR, "a raw COMMIT inside it fails");
	sk_err_clear(&e);
	CHECK(db_end(db, 1, &e) != SK_OK && e.msg[0], "db_end then reports the unit lost");
	CHECK(db_int(db, count, -1) == 0, "nothing of the unit stored");
	CHECK(db_exec_write(db, "INSERT INTO pengaturan VALUES('g4','1','t');"
			    "INSERT INTO pengaturan VALUES('g5','1','t')", &e) == SK_OK &&
	      db_int(db, count, -1) == 2, "db_exec_write stores all");
	CHECK(db_exec_write(db, "INSERT INTO pengaturan VALUES('g6','1','t');"
			    "INSERT INTO pengaturan VALUES('g4','1','t')", &e) == SK_DBERR &&
	      db_int(db, count, -1) == 2, "or nothing");
	CHECK(db_exec(db, "CREATE TEMP TABLE scratch(x); INSERT INTO scratch VALUES(1); "
		      "DROP TABLE scratch", &e) == SK_OK, "the connection's temp tables are free");
	CHECK(db_journal_mode(db, "DELETE", &e) == SK_OK && db_journal_mode(db, "WAL", &e) == SK_OK,
	      "the journal mode switches (its header write passes the guard)");
	CHECK(db_begin_write(db, &e) == SK_OK && db_journal_mode(db, "DELETE", &e) == SK_DBERR,
	      "but not inside a transaction");
	db_end(db, 0, NULL);
	db_close(db);
}

/* The audit trail's capture triggers are made at the first captured write, not at open: a
 * handle that only reads parses and keeps none. Every write is captured all the same, also
 * the one after a rollback took triggers made inside its transaction away again. */
static void test_capture_lazy(void)
{
	sk_err e;
	sk_db *db = open_new("capture.db", &e);
	const char *trig = "SELECT count(*) FROM temp.sqlite_schema WHERE type='trigger' AND "
			   "name LIKE 'jejak%'";
	CHECK(db && db_int(db, trig, -1) == 0, "no capture trigger after open");
	db_system_begin(db);
	db_setting_set(db, "s1", "1", &e);
	db_system_end(db);
	CHECK(db_int(db, trig, -1) == 0, "nor after the program's own bookkeeping");
	CHECK(db_setting_set(db, "c1", "1", &e) == SK_OK && db_int(db, trig, -1) > 0 &&
	      db_int(db, "SELECT count(*) FROM jejak WHERE tabel='pengaturan' AND baris_id='c1'",
		     -1) == 1, "the first captured write makes them, and is captured");
	int64_t n = db_int(db, trig, -1);
	db_close(db);
	db = open_new("capture.db", &e);
	CHECK(db_begin_read(db, &e) == SK_OK && db_begin_write(db, &e) == SK_OK &&
	      db_int(db, trig, -1) == n, "made inside a transaction");
	db_setting_set(db, "c2", "1", &e);
	db_end(db, 0, &e);
	db_end(db, 1, &e);
	CHECK(db_int(db, trig, -1) == 0 &&
	      db_int(db, "SELECT count(*) FROM jejak WHERE baris_id='c2'", -1) == 0,
	      "its rollback takes them away with the write");
	CHECK(db_setting_set(db, "c3", "1", &e) == SK_OK && db_int(db, trig, -1) == n &&
	      db_int(db, "SELECT count(*) FROM jejak WHERE tabel='pengaturan' AND baris_id='c3'",
		     -1) == 1, "the next write makes them again, and is captured");
	db_close(db);
}

/* db_like_escape: the clerk's %, _ and \\ match themselves; a short buffer cuts whole
 * characters. */
static void test_like_escape(void)
{
	char out[64];
	db_like_escape("10%_a\\b", out, sizeof out);
	CHECK_STR(out, "10\\%\\_a\\\\b", "wildcards and the escape character escaped");
	db_like_escape("Galur", out, sizeof out);
	CHECK_STR(out, "Galur", "plain text unchanged");
	db_like_escape("ab%", out, 4);
	CHECK_STR(out, "ab", "an escape pair is never cut in half");
	db_like_escape("a\xc3\xa9", out, 3);
	CHECK_STR(out, "a", "nor a UTF-8 character");
	db_like_escape(NULL, out, sizeof out);
	CHECK_STR(out, "", "NULL gives \"\"");
}

/* db_soft_delete: marks, refreshes diubah_pada, says when nothing matched. */
static void test_soft_delete(void)
{
	sk_err e;
	sk_db *db = open_new("del.db", &e);
	db_exec_write(db, "INSERT INTO wilayah VALUES('31.71.08.1003','Galur',4);"
		    "INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada) VALUES"
		    "('a','K','31.71.08.1003','2000-01-01T00:00:00Z');", &e);
	const char *sql = "UPDATE kelompok SET dihapus=1, diubah_pada=:t WHERE id=:id AND dihapus=0";
	CHECK(db_soft_delete(db, sql, "a", "tidak ada", &e) == SK_OK, "soft delete succeeds");
	CHECK(db_int(db, "SELECT dihapus=1 AND diubah_pada > '2020' FROM kelompok WHERE id='a'", 0) == 1,
	      "row marked deleted with a fresh diubah_pada");
	CHECK(db_soft_delete(db, sql, "a", "tidak ada", &e) == SK_NOTFOUND && strcmp(e.msg, "tidak ada") == 0,
	      "nothing left to delete: SK_NOTFOUND with the caller's message");
	CHECK(db_soft_delete(db, sql, "a", NULL, &e) == SK_OK, "no message: zero rows is fine");
	CHECK(db_int(db, "SELECT count(*) FROM kelompok", -1) == 1, "the row itself stays");
	db_close(db);
}

static int write_then(sk_db *db, void *ctx, sk_err *e)
{
	int rc = db_setting_set(db, "w", "1", e);
	return rc == SK_OK ? *(int *)ctx : rc;
}

/* The write helpers: db_write, db_write_stmt, db_bind_texts_present, db_count_del. */
static void test_write_helpers(void)
{
	sk_err e;
	sk_db *db = open_new("write.db", &e);
	int status = SK_REFUSED;
	CHECK(db_write(db, write_then, &status, &e) == SK_REFUSED, "db_write gives the step's status");
	CHECK(db_int(db, "SELECT count(*) FROM pengaturan WHERE kunci='w'", -1) == 0,
	      "a failed step stores nothing");
	status = SK_OK;
	CHECK(db_write(db, write_then, &status, &e) == SK_OK &&
	      db_int(db, "SELECT count(*) FROM pengaturan WHERE kunci='w'", -1) == 1,
	      "a step that succeeds is committed");
	const char *del = "DELETE FROM pengaturan WHERE kunci=:k";
	CHECK(db_write_stmt(db, db_query(db, del, &e, ":k", "nope"), NULL, &e) == SK_OK,
	      "db_write_stmt: no row changed is fine without a message");
	CHECK(db_write_stmt(db, db_query(db, del, &e, ":k", "nope"), "tidak ada", &e) ==
	      SK_NOTFOUND && strcmp(e.msg, "tidak ada") == 0, "and SK_NOTFOUND with one");
	CHECK(db_write_stmt(db, db_query(db, del, &e, ":k", "w"), "tidak ada", &e) == SK_OK &&
	      db_int(db, "SELECT count(*) FROM pengaturan WHERE kunci='w'", -1) == 0,
	      "db_write_stmt writes");
	CHECK(db_write_stmt(db, NULL, NULL, &e) == SK_DBERR, "no statement: SK_DBERR");
	db_setting_set(db, "b", "2", &e);
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM pengaturan WHERE kunci=:k", &e);
	db_bind_texts_present(st, ":k", "b", ":nope", "x");
	int64_t n = -1;
	CHECK(db_count(db, st, &n, &e) == SK_OK && n == 1,
	      "db_bind_texts_present binds the parameters the query has, skips the others");
	db_exec_write(db, "INSERT INTO wilayah VALUES('31.71.08.1003','Galur',4);"
		      "INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada,dihapus) VALUES"
		      "('a','K','31.71.08.1003','2000-01-01T00:00:00Z',0),"
		      "('b','L','31.71.08.1003','2000-01-01T00:00:00Z',1);", &e);
	const char *cnt = "SELECT count(*) FROM kelompok WHERE dihapus=:del AND nama LIKE :t"
			  DB_LIKE_ESCAPE;
	CHECK(db_count_del(db, cnt, ":t", "K", 1, 0) == 1 &&
	      db_count_del(db, cnt, ":t", "L", 1, 0) == 0 &&
	      db_count_del(db, cnt, ":t", "L", 1, 1) == 1, "db_count_del counts live or deleted rows");
	db_close(db);
}

/* saldo_kas follows every insert, edit, soft delete, undelete and delete of a kas row. */
static void test_kept_balance(void)
{
	sk_err e;
	sk_db *db = open_new("saldo.db", &e);
	db_exec_write(db, "INSERT INTO wilayah VALUES('31.71.08.1003','Galur',4);"
		    "INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada) VALUES"
		    "('g','K','31.71.08.1003','2000-01-01T00:00:00Z'),"
		    "('h','L','31.71.08.1003','2000-01-01T00:00:00Z');"
		    "INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,diubah_pada) VALUES"
		    "('a','g','2026-01-01','umum','bantuan',1000,0,'t'),"
		    "('b','g','2026-01-02','umum','pembelian',0,300,'t'),"
		    "('c','g','2026-01-02','iks','iuran_iks',50,0,'t'),"
		    "('d','g','2026-01-03','umum','penjualan',70,0,'t');", &e);
	const char *umum = "SELECT saldo FROM saldo_kas WHERE kelompok_id='g' AND buku='umum'";
	CHECK(db_int(db, umum, -1) == 770, "inserts kept: 1000 - 300 + 70");
	CHECK(db_int(db, "SELECT saldo FROM saldo_kas WHERE kelompok_id='g' AND buku='iks'", -1) == 50,
	      "each book apart");
	db_exec_write(db, "UPDATE kas SET dihapus=1 WHERE id='d'", &e);
	CHECK(db_int(db, umum, -1) == 700, "a soft-deleted row leaves the balance");
	db_exec_write(db, "UPDATE kas SET dihapus=0 WHERE id='d'", &e);
	CHECK(db_int(db, umum, -1) == 770, "an undeleted row counts again");
	db_exec_write(db, "UPDATE kas SET keluar=400 WHERE id='b'", &e);
	CHECK(db_int(db, umum, -1) == 670, "an edited amount");
	db_exec_write(db, "UPDATE kas SET buku='iks' WHERE id='d'", &e);
	CHECK(db_int(db, umum, -1) == 600 &&
	      db_int(db, "SELECT saldo FROM saldo_kas WHERE kelompok_id='g' AND buku='iks'", -1) == 120,
	      "a row moved to the other book");
	db_exec_write(db, "UPDATE kas SET kelompok_id='h' WHERE id='a'", &e);
	CHECK(db_int(db, umum, -1) == -400 &&
	      db_int(db, "SELECT saldo FROM saldo_kas WHERE kelompok_id='h' AND buku='umum'", -1) == 1000,
	      "a row moved to another group");
	db_exec_write(db, "DELETE FROM kas WHERE id='b'", &e);
	CHECK(db_int(db, umum, -1) == 0, "a deleted row");
	CHECK(db_int(db, "SELECT count(*) FROM (SELECT kelompok_id, buku, sum(masuk-keluar) s FROM kas "
			 "WHERE dihapus=0 GROUP BY 1,2) l JOIN saldo_kas k USING (kelompok_id, buku) "
			 "WHERE k.saldo<>l.s", -1) == 0, "kept balances equal the ledger's sums");
	db_close(db);
}

/* The default path: SIKUBE_DB, else an absolute XDG_DATA_HOME, else HOME; a relative
 * XDG_DATA_HOME is ignored as the XDG spec says. */
static void test_default_path(void)
{
	char p[PATH_MAX];
	int is_default;
	unsetenv("SIKUBE_DB");
	setenv("HOME", "/home/pendamping", 1);
	setenv("XDG_DATA_HOME", "/data/xdg", 1);
	CHECK(db_default_path(NULL, p, sizeof p, &is_default) == 0 && is_default, "default path");
	CHECK_STR(p, "/data/xdg/sikube/sikube.db", "absolute XDG_DATA_HOME is used");
	setenv("XDG_DATA_HOME", "data/xdg", 1);
	CHECK(db_default_path(NULL, p, sizeof p, &is_default) == 0, "relative XDG_DATA_HOME");
	CHECK_STR(p, "/home/pendamping/.local/share/sikube/sikube.db", "relative XDG_DATA_HOME is ignored");
	setenv("XDG_DATA_HOME", "", 1);
	CHECK(db_default_path(NULL, p, sizeof p, &is_default) == 0, "empty XDG_DATA_HOME");
	CHECK_STR(p, "/home/pendamping/.local/share/sikube/sikube.db", "empty XDG_DATA_HOME is ignored");
	setenv("SIKUBE_DB", "rel/k.db", 1);
	CHECK(db_default_path(NULL, p, sizeof p, &is_default) == 0 && !is_default, "SIKUBE_DB");
	CHECK_STR(p, "rel/k.db", "SIKUBE_DB is used as given");
	CHECK(db_default_path("x.db", p, sizeof p, &is_default) == 0 && !is_default, "--db");
	CHECK_STR(p, "x.db", "--db wins");
	unsetenv("SIKUBE_DB");
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	CHECK(db_default_path(NULL, p, sizeof p, &is_default) == -1, "no home: -1");
}

int main(void)
{
	i18n_init("id");
	testlib_tmpdir(dir, sizeof dir);
	test_open();
	test_newer_schema();
	test_not_a_db();
	test_diubah_trigger();
	test_second_copy();
	test_nesting();
	test_read_helpers();
	test_commit_guard();
	test_capture_lazy();
	test_like_escape();
	test_soft_delete();
	test_write_helpers();
	test_kept_balance();
	test_default_path();
	return testlib_summary();
}
