/* db_row.c - one row read by one key into text buffers (db_row.h). */
#include <stdarg.h>
#include "db_row.h"

int db_row_text(sk_db *db, const char *sql, const char *param, const char *key,
		const char *notfound, sk_err *e, int n, ...)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, param, key);
	int rc = db_step(db, st, e);
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		char *out = va_arg(ap, char *);
		size_t size = va_arg(ap, size_t);
		if (rc == SQLITE_ROW)
			db_col_text(st, i, out, size);
	}
	va_end(ap);
	return db_row_end(st, rc, notfound, e);
}

int db_rows_end(sqlite3_stmt *st, int rc, sk_err *e)
{
	db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

sqlite3_stmt *db_query_pairs(sk_db *db, const char *sql, sk_err *e, ...)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (!st)
		return NULL;
	va_list ap;
	va_start(ap, e);
	db_bind_text_va(st, ap);
	va_end(ap);
	return st;
}

void db_read_cols(sqlite3_stmt *st, int first, const char *spec, ...)
{
	va_list ap;
	va_start(ap, spec);
	for (int i = 0; spec[i]; i++) {
		int c = first + i;
		if (spec[i] == 's') {
			char *out = va_arg(ap, char *);
			size_t size = va_arg(ap, size_t);
			db_col_text(st, c, out, size);
		} else if (spec[i] == 'I') {
			*va_arg(ap, int64_t *) = sqlite3_column_int64(st, c);
		} else {
			*va_arg(ap, int *) = sqlite3_column_int(st, c);
		}
	}
	va_end(ap);
}

