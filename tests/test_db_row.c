/* test_db_row.c - one row read by one key into text buffers (db_row.h). */
#include "db_row.h"
#include "fixture.h"

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	sk_err_clear(&e);
	CHECK(db_exec(db, "CREATE TEMP TABLE t(k TEXT, a TEXT, b TEXT)", &e) == SK_OK, "table");
	CHECK(db_exec(db, "INSERT INTO temp.t VALUES('x', 'satu', NULL), ('y', 'panjang sekali', "
			  "'dua')", &e) == SK_OK, "rows");
	char a[8] = "?", b[8] = "?";
	CHECK(db_row_text(db, "SELECT a, b FROM temp.t WHERE k=:k", ":k", "x", "tidak ada", &e, 2,
			  DB_OUT(a), DB_OUT(b)) == SK_OK, "a row is read");
	CHECK_STR(a, "satu", "first column");
	CHECK_STR(b, "", "NULL as empty text");
	CHECK(db_row_text(db, "SELECT a, b FROM temp.t WHERE k=:k", ":k", "y", "tidak ada", &e, 2,
			  DB_OUT(a), DB_OUT(b)) == SK_OK, "another row");
	CHECK_STR(a, "panjang", "cut to the buffer");
	CHECK_STR(b, "dua", "second column");
	strcpy(a, "tetap");
	CHECK(db_row_text(db, "SELECT a FROM temp.t WHERE k=:k", ":k", "z", "tidak ada", &e, 1,
			  DB_OUT(a)) == SK_NOTFOUND, "no row: SK_NOTFOUND");
	CHECK_STR(e.msg, "tidak ada", "with the message given");
	CHECK_STR(a, "tetap", "buffers untouched without a row");
	sk_err_clear(&e);
	CHECK(db_row_text(db, "SELECT nope FROM temp.t WHERE k=:k", ":k", "x", "tidak ada", &e, 1,
			  DB_OUT(a)) == SK_DBERR && e.msg[0], "bad SQL: the database error");
	db_close(db);
	return testlib_summary();
}
