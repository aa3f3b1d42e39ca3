/* import_walk.c - the stored rows of the table a file merges into, read in key order
 * alongside the file: while the file's keys rise, one statement stays open and steps from
 * one stored row to the next instead of one seek (and one reset) per incoming row. A
 * re-import of an unchanged bundle meets every stored row in turn. */
#include <limits.h>
#include <string.h>
#include "import_priv.h"

/* Stored rows stepped over for one incoming key before seeking it instead: a small bundle
 * into a big database seeks each key rather than reading the rows between. */
#define WALK_STEPS 8
#define WALK_PROBE 8

enum { WALK_NONE, WALK_ROW, WALK_END };

void imp_walk_stop(struct imp *im)
{
	struct imp_walk *w = &im->walk;
	if (w->st)
		db_reset(w->st);
	w->st = NULL;
	w->at = WALK_NONE;
}

/* The stored row's key column c against the incoming key text k, in SQLite's order of the
 * column (BINARY: bytes, then length; any number or NULL below every text, a blob above). */
static int col_cmp(sqlite3_stmt *st, int c, const char *k)
{
	switch (sqlite3_column_type(st, c)) {
	case SQLITE_TEXT:
		break;
	case SQLITE_BLOB:
		return 1;
	default:
		return -1;
	}
	const char *s = (const char *)sqlite3_column_text(st, c);
	size_t ns = (size_t)sqlite3_column_bytes(st, c), nk = strlen(k);
	int r = memcmp(s, k, ns < nk ? ns : nk);
	return r ? r : ns < nk ? -1 : ns > nk;
}

/* The walk's row against the incoming key (k2 NULL for a one-column key). */
static int row_cmp(sqlite3_stmt *st, const char *k1, const char *k2)
{
	int c = col_cmp(st, 0, k1);
	return c || !k2 ? c : col_cmp(st, 1, k2);
}

/* Step the walk once: SK_OK (on a row or past the last), or a database error. A step of a
 * statement whose cursors a rollback tripped (SQLITE_ABORT_ROLLBACK) is one too. */
static int step(struct imp *im, struct imp_walk *w)
{
	int rc = db_step(im->db, w->st, im->e);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		imp_walk_stop(im);
		return SK_DBERR;
	}
	w->at = rc == SQLITE_ROW ? WALK_ROW : WALK_END;
	return SK_OK;
}

/* Start the walk of fl's table at the key. */
static int seek(struct imp_file *fl, const char *k1, const char *k2)
{
	struct imp *im = fl->im;
	struct imp_walk *w = &im->walk;
	imp_walk_stop(im);
	w->st = db_prepare(im->db, BUNDLE_TABLES[fl->table].select_walk, im->e);
	if (!w->st)
		return SK_DBERR;
	w->src = fl->src;
	w->table = fl->table;
	sqlite3_bind_text(w->st, 1, k1, -1, SQLITE_TRANSIENT);
	if (k2)
		sqlite3_bind_text(w->st, 2, k2, -1, SQLITE_TRANSIENT);
	return step(im, w);
}

int imp_walk_find(struct imp_file *fl, const char *k1, const char *k2, sqlite3_stmt **row)
{
	struct imp *im = fl->im;
	struct imp_walk *w = &im->walk;
	*row = NULL;
	/* The walk stands on the first stored row not below the key looked up last (or past
	 * the last row): it may go on only for a greater key of the same file. */
	int same_file = w->st && w->src == fl->src && w->table == fl->table;
	int go_on = same_file && imp_key_cmp(w->prev, k1, k2) < 0;
	if (!same_file)
		w->sparse = 0;
	imp_key_set(w->prev, k1, k2);
	if (!go_on && seek(fl, k1, k2) != SK_OK)
		return -1;
	/* Sparse keys (a small bundle into a big database, a week's new rows): after a lookup
	 * that stepped WALK_STEPS rows in vain, each key is sought, and every WALK_PROBE-th
	 * lookup tries one step first: when that is enough, the walk goes on again. Right
	 * after a seek the row is not below the key (SQLite's order is col_cmp's): should it
	 * be, the walk steps on rather than seeking again. */
	int budget = !go_on ? INT_MAX : !w->sparse ? WALK_STEPS : w->sparse++ % WALK_PROBE ? 0 : 1;
	for (int steps = 0;;) {
		int c = w->at == WALK_END ? 1 : row_cmp(w->st, k1, k2);
		if (c >= 0) {
			if (budget == 1 && steps == 1)
				w->sparse = 0;
			if (c == 0)
				*row = w->st;
			return c == 0;
		}
		if (steps++ < budget) {
			if (step(im, w) != SK_OK)
				return -1;
			continue;
		}
		if (!w->sparse)
			w->sparse = 1;
		budget = INT_MAX;
		if (seek(fl, k1, k2) != SK_OK)
			return -1;
	}
}

int imp_key_cmp(const char k[2][SK_UUID_LEN + 1], const char *k1, const char *k2)
{
	int c = strcmp(k[0], k1);
	return c ? c : strcmp(k[1], k2 ? k2 : "");
}

void imp_key_set(char k[2][SK_UUID_LEN + 1], const char *k1, const char *k2)
{
	sk_strlcpy(k[0], k1, SK_UUID_LEN + 1);
	sk_strlcpy(k[1], k2 ? k2 : "", SK_UUID_LEN + 1);
}
