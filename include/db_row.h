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
/* The end of the (name, text) pairs of db_bind_texts and db_query: a NULL of the pairs' type
 * (a bare NULL may be an int in a variadic call). */
#define DB_END ((const char *)NULL)
/* Bind each pair (const char *name, const char *text) after st with db_bind_text (NULL or ""
 * binds SQL NULL), up to DB_END. */
void db_bind_texts(sqlite3_stmt *st, ...);
/* db_prepare, then db_bind_texts with the pairs after e (up to DB_END): the statement,
 * or NULL with the error in e. */
sqlite3_stmt *db_query(sk_db *db, const char *sql, sk_err *e, ...);
/* Columns first, first + 1, ... of st's current row into the places that follow, one per
 * letter of spec: s a text (char *out, size_t size: DB_OUT(array); NULL read as ""), i an
 * int *, I an int64_t *. */
void db_read_cols(sqlite3_stmt *st, int first, const char *spec, ...);
/* Rows read by the caller's read function into the caller's struct: the first row of st
 * (prepared and bound; NULL gives SK_DBERR, db_prepare's error already in e) into out:
 * SK_OK, SK_NOTFOUND with the message notfound in e, or the database error. */
int db_row_read(sk_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row),
		void *out, const char *notfound, sk_err *e);
/* Up to max rows of st into the array out (elements of size bytes), *n the number read:
 * SK_OK or the database error. st is reset. */
int db_rows_read(sk_db *db, sqlite3_stmt *st, void (*read)(sqlite3_stmt *st, void *row),
		 void *out, size_t size, int max, int *n, sk_err *e);
/* End a loop over st's rows: rc is what its last db_step returned (SQLITE_ROW when the loop
 * stopped early, e.g. at a limit). Resets st; SK_OK, or the database error (already in e). */
int db_rows_end(sqlite3_stmt *st, int rc, sk_err *e);

#endif
