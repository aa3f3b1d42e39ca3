/* db_row.h - one row read by one key into text buffers: the prepare, bind, step, copy and end
 * that stores and reports spelled out each time. No curses here. */
#ifndef SK_DB_ROW_H
#define SK_DB_ROW_H

#include <stddef.h>
#include "db.h"

/* Run sql (a query from code with the one text parameter param, bound to key) and copy the
 * first n columns of its first row as text (NULL -> "") into the n buffers given after n as
 * pairs (char *out, size_t size); DB_OUT(array) spells such a pair. Buffers are left as they
 * are when there is no row. Returns SK_OK, SK_NOTFOUND with the message notfound in e when
 * there is no row, or the database error in e. */
int db_row_text(sk_db *db, const char *sql, const char *param, const char *key,
		const char *notfound, sk_err *e, int n, ...);
#define DB_OUT(array) (array), sizeof (array)
/* db_prepare, then db_bind_texts with the (name, text) pairs after e: the statement, or NULL
 * with the error in e. db_query_pairs is the function behind it (pairs end with a NULL). */
sqlite3_stmt *db_query_pairs(sk_db *db, const char *sql, sk_err *e, ...);
#define db_query(db, sql, e, ...) db_query_pairs(db, sql, e, __VA_ARGS__, (const char *)NULL)
/* Columns first, first + 1, ... of st's current row into the places that follow, one per
 * letter of spec: s a text (char *out, size_t size: DB_OUT(array); NULL read as ""), i an
 * int *, I an int64_t *. */
void db_read_cols(sqlite3_stmt *st, int first, const char *spec, ...);
/* End a loop over st's rows: rc is what its last db_step returned (SQLITE_ROW when the loop
 * stopped early, e.g. at a limit). Resets st; SK_OK, or the database error (already in e). */
int db_rows_end(sqlite3_stmt *st, int rc, sk_err *e);

#endif
