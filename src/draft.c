/* draft.c - drafts of forms left open when SIKUBE was ended from outside. */
#include <stdlib.h>
#include <string.h>
#include "draft.h"
#include "util.h"

int draft_put(sk_db *db, const char *screen, const char *key, const char *text, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO draf(layar, kunci, isi, "
				      "disimpan_pada) VALUES(:l, :k, :i, " DB_NOW_SQL ")", e);
	if (st) {
		db_bind_text(st, ":l", screen);
		db_bind_text(st, ":k", key);
		/* "" would bind NULL (db_bind_text), which the column refuses. */
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":i"), text ? text : "", -1,
				  SQLITE_TRANSIENT);
		rc = db_step_write(db, st, "", e);
	} else {
		rc = SK_DBERR;
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
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
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM draf WHERE layar=:l AND kunci=:k", e);
	if (st) {
		db_bind_text(st, ":l", screen);
		db_bind_text(st, ":k", key);
		rc = db_step_write(db, st, "", e);
		if (rc == SK_NOTFOUND)
			rc = SK_OK;
	} else {
		rc = SK_DBERR;
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}
