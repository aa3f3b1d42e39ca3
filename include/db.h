/* db.h - thin storage layer over SQLite in the spirit of fossil's db.c: statements are prepared
 * once and cached, bound by name, stepped and reset; one place begins and commits transactions.
 * No curses here. */
#ifndef SK_DB_H
#define SK_DB_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include "sk_err.h"

typedef struct sk_db sk_db;

/* Newest schema version this program knows (PRAGMA user_version). */
#define SK_SCHEMA_VERSION 10

/* The current time as an SQL expression giving a UTC timestamp (YYYY-MM-DDTHH:MM:SSZ). */
#define DB_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
/* The same to the millisecond (YYYY-MM-DDTHH:MM:SS.sssZ), for disimpan_pada: when this
 * database stored a row (local, never exported; see schema.c, migration 4). A function of
 * every connection db_open makes (the text of strftime(...,'now'), made once a millisecond
 * instead of for every row an import stores); not known to other programs such as the
 * sqlite3 shell. */
#define DB_STORED_SQL "sikube_disimpan()"

/* Resolve the database path: explicit (if not NULL), else $SIKUBE_DB, else
 * $XDG_DATA_HOME/sikube/sikube.db (when that is an absolute path, as the XDG spec says), else
 * ~/.local/share/sikube/sikube.db.
 * *is_default is set to 1 when no explicit path was given. Returns 0, or -1 when no home. */
int db_default_path(const char *explicit_path, char *out, size_t n, int *is_default);

/* Open (creating when missing) the database at path; WAL, synchronous=FULL, foreign keys on,
 * busy timeout; new files are 0600. make_dir: create the parent folder (0700) when missing.
 * Runs pending migrations, each in one transaction. Refuses a database made by a newer version.
 * On success *out owns the connection (free with db_close), to be used by one thread at a
 * time (opened without SQLite's per-connection mutex). Errors: SK_DBERR, SK_BUSY. */
int db_open(const char *path, int make_dir, sk_db **out, sk_err *e);
/* Finalize cached statements and close. NULL is fine. */
void db_close(sk_db *db);
/* The raw handle, for code that needs the SQLite API directly. */
sqlite3 *db_handle(sk_db *db);
/* Path the database was opened from. */
const char *db_path(sk_db *db);

/* Return a cached prepared statement for sql (prepared on first use), reset and with bindings
 * cleared. The statement is owned by db: do not finalize it. Call db_reset after use.
 * Returns NULL and fills e on a prepare error (a programmer error in practice). */
sqlite3_stmt *db_prepare(sk_db *db, const char *sql, sk_err *e);
/* Reset a statement from db_prepare so it releases locks; returns stmt's last error code. */
int db_reset(sqlite3_stmt *st);

/* Bind by parameter name (":name"). Text "" or NULL binds SQL NULL. Unknown names abort()
 * (programmer error). */
void db_bind_text(sqlite3_stmt *st, const char *name, const char *v);
void db_bind_int64(sqlite3_stmt *st, const char *name, int64_t v);
void db_bind_null(sqlite3_stmt *st, const char *name);
/* Bind several texts by name: db_bind_texts(st, ":a", a, ":b", b, ...), pairs of a parameter
 * name and its value (as db_bind_text). st NULL (a failed db_prepare) binds nothing.
 * db_bind_text_pairs is the function behind it: the pairs end with a (const char *)NULL. */
void db_bind_text_pairs(sqlite3_stmt *st, ...);
#define db_bind_texts(st, ...) db_bind_text_pairs(st, __VA_ARGS__, (const char *)NULL)
/* As db_bind_texts, but a pair whose parameter st does not have is skipped instead of being a
 * programmer error: for a helper that binds the same values to several queries, each using
 * some of them. st NULL binds nothing. db_bind_text_pairs_present is the function behind it. */
void db_bind_text_pairs_present(sqlite3_stmt *st, ...);
#define db_bind_texts_present(st, ...) \
	db_bind_text_pairs_present(st, __VA_ARGS__, (const char *)NULL)
/* The pairs of a va_list (up to the NULL name), as db_bind_text_pairs. */
void db_bind_text_va(sqlite3_stmt *st, va_list ap);
/* Bind an int64 or NULL when is_null. */
void db_bind_int64_or_null(sqlite3_stmt *st, const char *name, int64_t v, int is_null);
/* Bind a double (for decimal figures such as floor area; never money). */
void db_bind_double(sqlite3_stmt *st, const char *name, double v);
/* Bind text typed by the user for a LIKE search: its wildcards % and _ and the escape
 * character \ are escaped, so "10%" or "a_b" is looked up as typed. The SQL adds its own
 * wildcards around the parameter ('%' || :t || '%') and ends the LIKE with DB_LIKE_ESCAPE.
 * NULL or "" binds SQL NULL (as db_bind_text). */
void db_bind_like(sqlite3_stmt *st, const char *name, const char *text);
/* The escape clause of every LIKE whose pattern holds a db_bind_like parameter. */
#define DB_LIKE_ESCAPE " ESCAPE '\\'"
/* The same escaping into out (size n; cut on a character boundary when too small). */
void db_like_escape(const char *text, char *out, size_t n);

/* Step; returns SQLITE_ROW, SQLITE_DONE, or another code after filling e with a user message
 * (SK_BUSY when the database is in use by another copy, else SK_DBERR). */
int db_step(sk_db *db, sqlite3_stmt *st, sk_err *e);
/* Copy column i as text into out (NULL -> ""). */
void db_col_text(sqlite3_stmt *st, int i, char *out, size_t n);

/* End a one-row read: rc is what db_step returned for st. Resets st; SK_OK for a row,
 * SK_NOTFOUND with the message notfound in e for none, the database error (already in e)
 * otherwise. The caller has copied the row's columns before calling. */
int db_row_end(sqlite3_stmt *st, int rc, const char *notfound, sk_err *e);
/* Step an INSERT or UPDATE of one row and reset it: SK_OK when a row changed, SK_NOTFOUND
 * with the message notfound in e when none did, the database error in e otherwise.
 * notfound is translated here, when needed: pass N_("...") (a store function runs for every
 * row of an import; a text already translated is left as it is). */
int db_step_write(sk_db *db, sqlite3_stmt *st, const char *notfound, sk_err *e);
/* db_step_write of st (prepared and bound by the caller; NULL gives SK_DBERR, db_prepare's
 * error already in e) in its own write transaction (nested in the caller's when there is
 * one). notfound NULL: a statement that changes no row is fine (SK_OK). SK_OK, or the
 * refusal or error in e; nothing is stored on failure. */
int db_write_stmt(sk_db *db, sqlite3_stmt *st, const char *notfound, sk_err *e);
/* Run step(db, ctx, e) in its own write transaction (nested in the caller's when there is
 * one): committed when it returns SK_OK, rolled back otherwise. step's status, or the error
 * of the begin or the commit in e. */
int db_write(sk_db *db, int (*step)(sk_db *db, void *ctx, sk_err *e), void *ctx, sk_err *e);
/* Put a stored row's own diubah_pada back after an UPDATE (the touch trigger renews it when
 * an UPDATE keeps it, but a merged or raw-stored row must keep the stamp it came with).
 * sql is an UPDATE from code with :t (the stamp) and :k1 (and :k2 when k2 is not NULL) as
 * the row's key. Returns SK_OK or the error in e. */
int db_restamp(sk_db *db, const char *sql, const char *k1, const char *k2, const char *t,
	       sk_err *e);

/* Switch the journal mode (PRAGMA journal_mode=mode: "WAL", "DELETE", "OFF"; mode is code,
 * not input) outside any transaction. The switch rewrites the file header, the one commit
 * besides db_end's that the guard lets through. SK_OK, or SK_DBERR when SQLite keeps another
 * mode (e.g. inside a transaction). db_open puts every database in WAL mode. */
int db_journal_mode(sk_db *db, const char *mode, sk_err *e);

/* Run SQL without results (may hold several statements). Returns SK_OK or fills e. A write
 * must be inside db_begin_write/db_end (or use db_exec_write): outside, its commit fails. */
int db_exec(sk_db *db, const char *sql, sk_err *e);
/* db_exec in its own write transaction (nested in the caller's when there is one): all of sql
 * or none of it is stored. Returns SK_OK or the error in e. */
int db_exec_write(sk_db *db, const char *sql, sk_err *e);
/* Run a one-value query with no parameters; returns the first column as int64, or dflt. */
int64_t db_int(sk_db *db, const char *sql, int64_t dflt);

/* Transactions. db_begin_write starts BEGIN IMMEDIATE at nesting depth 0 and just counts
 * deeper. db_end commits when ok and the outermost level ends with no inner failure;
 * otherwise it rolls back (at the outermost level). Returns SK_OK, or the commit error in e.
 * db_end is the only place that commits: a guard (SQLite's commit hook, as fossil's
 * db_verify_at_commit) fails any other commit that wrote the database (a raw COMMIT, a write
 * outside a transaction), which then stores nothing and fails with SK_DBERR. Writes to the
 * connection's temp schema alone are not guarded. */
int db_begin_write(sk_db *db, sk_err *e);
int db_end(sk_db *db, int ok, sk_err *e);
/* A read transaction (plain BEGIN) at depth 0, so that several queries see one snapshot; a
 * nested db_begin_write inside it only counts (its writes then upgrade the lock and may meet
 * SK_BUSY). Ended by db_end like a write (ok=0 or 1: nothing to commit either way). */
int db_begin_read(sk_db *db, sk_err *e);

/* Step st (prepared by db_prepare and bound) once and reset it: 1 when it gave a row, 0 when
 * none, -1 on a database error (message in e; a busy database is SK_BUSY, never "none").
 * st NULL (db_prepare failed, its error already in e) gives -1. */
int db_exists(sk_db *db, sqlite3_stmt *st, sk_err *e);
/* A refusal when the query sql (its one text parameter param bound to value) gives a row:
 * SK_OK when it gives none, SK_REFUSED with the message refused in e when it gives one, or
 * the database error in e. */
int db_refuse_if_row(sk_db *db, const char *sql, const char *param, const char *value,
		     const char *refused, sk_err *e);
/* Step st once and reset it; *out = the first column of the first row as int64 (0 when there
 * is no row, or the column is NULL). Returns SK_OK or the database error in e; st NULL gives
 * SK_DBERR (db_prepare's error already in e). */
int db_count(sk_db *db, sqlite3_stmt *st, int64_t *out, sk_err *e);

/* Step st (prepared by db_prepare and bound; NULL gives SK_DBERR, db_prepare's error already
 * in e) through its rows, calling fn(ctx, st) on each to read its columns: a nonzero return
 * stops there and is returned. Resets st. SK_OK, fn's value, or the database error in e. */
int db_each(sk_db *db, sqlite3_stmt *st, int (*fn)(void *ctx, sqlite3_stmt *st), void *ctx,
	    sk_err *e);
/* Step st (bound; NULL gives -1) once and reset it: the first column of its row as text into
 * out (n bytes; "" when no row or NULL). 1 for a row, 0 for none, -1 on a database error (in
 * e when e is not NULL). */
int db_text(sk_db *db, sqlite3_stmt *st, char *out, size_t n, sk_err *e);
/* How a row struct is read from the current row of a statement: arg is the reader's own
 * (a table descriptor, or NULL). */
typedef void (*db_read_fn)(const void *arg, sqlite3_stmt *st, void *row);
/* Read up to limit rows of st into out, an array of size-byte structs: each zeroed, then
 * filled by read(arg, st, row). *n = rows read. Resets st. SK_OK or the database error in
 * e; st NULL gives SK_DBERR. */
int db_rows(sk_db *db, sqlite3_stmt *st, void *out, size_t size, int limit, int *n,
	    db_read_fn read, const void *arg, sk_err *e);
/* Step st for one row: when it gives one, out (size bytes) is zeroed and read(arg, st, out)
 * fills it; then as db_row_end (SK_OK, SK_NOTFOUND with notfound, or the error); st NULL
 * gives SK_DBERR. */
int db_one(sk_db *db, sqlite3_stmt *st, db_read_fn read, const void *arg, void *out,
	   size_t size, const char *notfound, sk_err *e);

/* The count sql (a one-value query with the one text parameter param) gives for value, or
 * -1 on a database error: for lists and menus, which show an unknown count as such. The
 * _like form binds value with db_bind_like (a search typed by the user). */
int db_count_text(sk_db *db, const char *sql, const char *param, const char *value);
int db_count_like(sk_db *db, const char *sql, const char *param, const char *text);
/* The same (like 1: db_count_like, 0: db_count_text) for a list of live or deleted rows: sql
 * also has the parameter :del, bound to deleted (0 or 1). */
int db_count_del(sk_db *db, const char *sql, const char *param, const char *value, int like,
		 int deleted);

/* Page cache of the connection: db_cache_set sets it to kib kibibytes (bounded memory for a
 * big job: an import, an office-wide report) and returns the setting it replaced, which
 * db_cache_restore puts back. */
int64_t db_cache_set(sk_db *db, int kib);
void db_cache_restore(sk_db *db, int64_t old);
/* db_cache_set to a smaller cache, and the unused pages freed now (SQLite's sorter takes up
 * to the cache's size: a sort or index build that must stay small). Returns the old size for
 * db_cache_restore. */
int64_t db_cache_shrink(sk_db *db, int kib);
/* 1 when s is a plain SQL name ([a-z0-9_], not empty: every name of SIKUBE's schema), which
 * can be written into SQL as it stands (identifiers cannot be bound parameters); 0 otherwise
 * (also NULL). */
int db_plain_name(const char *s);
/* Inside a long write transaction: write the pages it changed so far (to the WAL) so that
 * they can leave the page cache. A bulk load fills the cache with pages it will never touch
 * again; without this, SQLite writes them only when the cache is full, and the pages it keeps
 * reading (the rows other rows refer to) are the ones pushed out. SK_OK or the error in e. */
int db_cache_flush(sk_db *db, sk_err *e);
/* 1 when the current transaction holds rows whose deferred foreign key has no parent (its
 * commit would fail), else 0. */
int db_foreign_keys_pending(sk_db *db);

/* Soft delete: run sql, an UPDATE setting dihapus=1 and diubah_pada=:t (now, UTC) for the rows
 * matching :id, in its own write transaction (nested in the caller's when there is one).
 * When notfound is not NULL and no row changed, fails with SK_NOTFOUND and that message.
 * Returns SK_OK or the error in e. */
int db_soft_delete(sk_db *db, const char *sql, const char *id, const char *notfound, sk_err *e);
/* db_soft_delete of the live row id (dihapus=0) of table tbl, a string literal. */
#define DB_SOFT_DELETE_LIVE(db, tbl, id, notfound, e) \
	db_soft_delete(db, "UPDATE " tbl " SET dihapus=1, diubah_pada=:t WHERE id=:id AND " \
		       "dihapus=0", id, notfound, e)

/* Settings table (pengaturan). db_setting_get copies the value or dflt into out; returns 1 when
 * the key exists. db_setting_set writes (own transaction level). */
int db_setting_get(sk_db *db, const char *key, const char *dflt, char *out, size_t n);
int db_setting_set(sk_db *db, const char *key, const char *value, sk_err *e);

/* Turn an SQLite result code into a user message in e (SK_BUSY for locked/busy, else SK_DBERR). */
int db_error(sk_db *db, int rc, sk_err *e);

/* A statement for SQL built at run time, which the cache of db_prepare must not keep (it keeps
 * the pointer): prepared anew, owned by the caller, released with db_finalize (NULL is fine).
 * NULL with the error in e on a prepare error. */
sqlite3_stmt *db_prepare_once(sk_db *db, const char *sql, sk_err *e);
void db_finalize(sqlite3_stmt *st);

/* A savepoint inside the current transaction (name: an SQL identifier from code).
 * db_savepoint_end keeps its changes (keep = 1) or undoes them (keep = 0), and ends it.
 * Both return SK_OK or the error in e. */
int db_savepoint(sk_db *db, const char *name, sk_err *e);
int db_savepoint_end(sk_db *db, const char *name, int keep, sk_err *e);

/* PRAGMA quick_check: SK_OK when the file's structure is sound. A damaged file gives
 * SK_DBERR with a message naming the first finding and telling the clerk to restore the
 * newest copy from the folder cadangan/ beside the database; fn (may be NULL) receives every
 * finding. Another error (busy) is returned as such. */
int db_quick_check(sk_db *db, void (*fn)(void *ctx, const char *finding), void *ctx, sk_err *e);
/* The message db_quick_check gives, for a damage found otherwise (SQLITE_CORRUPT while
 * working): SK_DBERR. */
int db_damaged(sk_db *db, const char *finding, sk_err *e);
/* 1 when path names an existing file of 0 bytes: not a database (a file that lost its
 * content, or one created by hand); only `sikube init` may make a database of it. */
int db_file_empty(const char *path);

#endif
