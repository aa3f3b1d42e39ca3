/* draft.c - drafts of forms left open when SIKUBE was ended from outside. */
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "draft.h"
#include "util.h"

int draft_put(sk_db *db, const char *screen, const char *key, const char *text, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, "INSERT OR REPLACE INTO draf(layar, kunci, isi, "
				    "disimpan_pada) VALUES(:l, :k, :i, " DB_NOW_SQL ")", e, ":l", screen,
				    ":k", key);
	/* "" would bind NULL (db_bind_text), which the column refuses. */
	if (st)
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":i"), text ? text : "", -1,
				  SQLITE_TRANSIENT);
	return db_write_stmt(db, st, "", e);
}

int draft_get(sk_db *db, const char *screen, const char *key, char **text, char *when,
	      size_t n, sk_err *e)
{
	*text = NULL;
	if (n)
		when[0] = '\0';
	sqlite3_stmt *st = db_prepare(db, "SELECT isi, disimpan_pada FROM draf WHERE layar=:l AND "
				      "kunci=:k", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":l", screen);
	db_bind_text(st, ":k", key);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		const char *isi = (const char *)sqlite3_column_text(st, 0);
		*text = strdup(isi ? isi : "");
		if (!*text)
			abort();
		if (n)
			db_col_text(st, 1, when, n);
	}
	rc = db_row_end(st, rc, "", e);
	if (rc == SK_NOTFOUND && e)
		sk_err_clear(e);
	return rc;
}

int draft_drop(sk_db *db, const char *screen, const char *key, sk_err *e)
{
	return db_write_stmt(db, db_query(db, "DELETE FROM draf WHERE layar=:l AND kunci=:k", e,
					  ":l", screen, ":k", key), NULL, e);
}
