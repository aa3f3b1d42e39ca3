/* db.c - SQLite storage layer: open, pragmas, statement cache, binding, transactions. */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "db.h"
#include "db_priv.h"
#include "i18n.h"
#include "schema.h"
#include "util.h"

#define BUSY_TIMEOUT_MS 5000

struct cached_stmt {
	const char *sql;
	sqlite3_stmt *st;
	struct cached_stmt *next;
};

struct sk_db {
	sqlite3 *h;
	char path[PATH_MAX];
	struct cached_stmt *cache;
	int depth;      /* transaction nesting */
	int failed;     /* an inner level ended with ok=0 */
	int reading;    /* the outermost level is a read transaction (db_begin_read) */
	int committing; /* db_end is committing: the one commit the guard lets through */
	struct db_acc acc; /* operator, role and the audit trail's capture (db_access.h) */
};

struct db_acc *db_acc(sk_db *db)
{
	return &db->acc;
}

int db_default_path(const char *explicit_path, char *out, size_t n, int *is_default)
{
	const char *env = getenv("SIKUBE_DB");
	*is_default = 0;
	if (explicit_path && *explicit_path)
		return sk_strlcpy(out, explicit_path, n) ? -1 : 0;
	if (env && *env)
		return sk_strlcpy(out, env, n) ? -1 : 0;
	*is_default = 1;
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	/* The XDG spec: a relative path in XDG_DATA_HOME is invalid and is ignored. */
	if (xdg && *xdg == '/')
		snprintf(out, n, "%s/sikube/sikube.db", xdg);
	else if (home && *home)
		snprintf(out, n, "%s/.local/share/sikube/sikube.db", home);
	else
		return -1;
	return 0;
}

int db_error(sk_db *db, int rc, sk_err *e)
{
	int prim = rc & 0xff;
	if (rc == SQLITE_CONSTRAINT_COMMITHOOK)
		return sk_err_set(e, SK_DBERR, "%s",
			_("Kesalahan program: data ditulis di luar transaksi, tidak disimpan."));
	if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
		return sk_err_set(e, SK_BUSY, "%s",
			_("Basis data sedang dipakai oleh program SIKUBE lain. Tunggu sebentar lalu coba lagi."));
	/* A disk (or quota, or file size limit) that is full shows up as SQLITE_FULL, or as an
	 * I/O error whose system errno says so: the same plain message for both. SQLite does not
	 * always keep the errno of a failed write; then it is still errno, the call just failed. */
	int sys = db && db->h ? sqlite3_system_errno(db->h) : 0;
	if (!sys && prim == SQLITE_IOERR)
		sys = errno;
	if (prim == SQLITE_FULL ||
	    (prim == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)))
		return sk_err_set(e, SK_DBERR, "%s",
			_("Disk penuh: data tidak tersimpan. Kosongkan ruang disk lalu coba lagi."));
	if (prim == SQLITE_IOERR)
		return sk_err_set(e, SK_DBERR, _("Basis data %s tidak dapat dibaca atau ditulis di disk "
						 "(%s). Periksa disk atau flashdisk lalu coba lagi."),
				  db ? db->path : "?", sys ? strerror(sys) : sqlite3_errstr(rc));
	if (prim == SQLITE_NOTADB || prim == SQLITE_CORRUPT)
		return sk_err_set(e, SK_DBERR, _("Berkas %s bukan basis data SIKUBE atau rusak."),
				  db ? db->path : "?");
	if (prim == SQLITE_READONLY || prim == SQLITE_PERM || prim == SQLITE_CANTOPEN)
		return sk_err_set(e, SK_DBERR, _("Basis data %s tidak dapat dibuka atau ditulis (%s)."),
				  db ? db->path : "?", sqlite3_errstr(rc));
	return sk_err_set(e, SK_DBERR, _("Kesalahan basis data: %s"),
			  db && db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
}

/* Create the parent folder (0700) of path when asked. */
static int make_parent(const char *path, sk_err *e)
{
	char dir[PATH_MAX];
	sk_strlcpy(dir, path, sizeof dir);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return SK_OK;
	*slash = '\0';
	if (sk_mkdir_private(dir) != 0)
		return sk_err_set(e, SK_DBERR, _("Folder %s tidak dapat dibuat: %s"), dir,
				  strerror(errno));
	return SK_OK;
}

/* Create the database file private to the user before SQLite opens it. */
static int create_private(const char *path, sk_err *e)
{
	struct stat st;
	if (stat(path, &st) == 0)
		return S_ISDIR(st.st_mode) ? sk_err_set(e, SK_DBERR,
			_("%s adalah folder, bukan berkas basis data."), path) : SK_OK;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST)
		return sk_err_set(e, SK_DBERR, _("Basis data %s tidak dapat dibuat: %s"), path,
				  strerror(errno));
	if (fd >= 0)
		close(fd);
	return SK_OK;
}

static int apply_pragmas(sk_db *db, sk_err *e)
{
	sqlite3_busy_timeout(db->h, BUSY_TIMEOUT_MS);
	int rc = db_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;", e);
	return rc == SK_OK ? db_journal_mode(db, "WAL", e) : rc;
}

int db_journal_mode(sk_db *db, const char *mode, sk_err *e)
{
	char sql[48];
	/* main only: without a schema the pragma sets every database of the connection, TEMP too,
	 * and a TEMP journal in memory (the hub's staging, MEMORY) kept every page of the rules'
	 * sorted copy of the postings (temp.imp_pos) in memory: hub load 44 -> 57 MB at 200
	 * groups, 42 -> 85 MB at 500. */
	snprintf(sql, sizeof sql, "PRAGMA main.journal_mode=%s", mode);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(db, sqlite3_errcode(db->h), e);
	/* The switch rewrites the file header: a commit of its own, made when the statement
	 * ends (at finalize, after its one row). */
	db->committing = 1;
	int rc = sqlite3_step(st);
	int kept = rc == SQLITE_ROW && sqlite3_strnicmp((const char *)sqlite3_column_text(st, 0),
							mode, (int)strlen(mode) + 1) == 0;
	sqlite3_finalize(st);
	db->committing = 0;
	if (rc != SQLITE_ROW)
		return db_error(db, rc, e);
	return kept ? SK_OK : sk_err_set(e, SK_DBERR, _("Basis data %s tidak dapat dibuka atau "
							"ditulis (%s)."), db->path, sql);
}

/* The commit guard (fossil's db_verify_at_commit): SQLite calls it before every commit that
 * wrote something. A commit of the database file that db_end did not start fails: it is
 * turned into a rollback and the statement gets SQLITE_CONSTRAINT_COMMITHOOK. Writes only to
 * the connection's own temp schema (scratch tables) are not the database's and pass. */
static int verify_at_commit(void *arg)
{
	sk_db *db = arg;
	if (db->committing || sqlite3_txn_state(db->h, "main") != SQLITE_TXN_WRITE)
		return 0;
	return 1;
}

/* SQLite builds a small temporary table for a CHECK constraint with an IN list of three or
 * more values (kas.buku, kas.kategori, kehadiran.status, ...) every time a row is written,
 * and frees it after: some 90 KiB at the top of the heap, which glibc would hand back to the
 * system and take again on the next row (two brk calls and a page fault per page, half the
 * time of an insert in a big import). The program keeps up to this much free heap instead. */
#define DB_KEEP_FREE_HEAP (4 * 1024 * 1024)

/* sikube_disimpan(): the current UTC time to the millisecond as text, what
 * strftime('%Y-%m-%dT%H:%M:%fZ','now') gives (DB_STORED_SQL), formatted once per
 * millisecond. */
static void stored_now(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	static _Thread_local long long last_ms = -1;
	static _Thread_local char text[64];
	(void)argc;
	(void)argv;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	long long ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (ms != last_ms) {
		time_t sec = (time_t)(ms / 1000);
		struct tm tm;
		gmtime_r(&sec, &tm);
		snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
			 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
		last_ms = ms;
	}
	sqlite3_result_text(c, text, -1, SQLITE_TRANSIENT);
}

int db_open(const char *path, int make_dir, sk_db **out, sk_err *e)
{
	static int heap_set;
	if (!heap_set++) {
#ifdef M_TRIM_THRESHOLD
		mallopt(M_TRIM_THRESHOLD, DB_KEEP_FREE_HEAP);
#endif
	}
	*out = NULL;
	mode_t old = umask(077);
	int rc = make_dir ? make_parent(path, e) : SK_OK;
	if (rc == SK_OK)
		rc = create_private(path, e);
	umask(old);
	if (rc != SK_OK)
		return rc;
	sk_db *db = calloc(1, sizeof *db);
	if (!db)
		abort();
	sk_strlcpy(db->path, path, sizeof db->path);
	/* NOMUTEX: a handle is used by one thread (the backup's checker has a connection of its
	 * own), so SQLite need not lock and unlock a mutex in every call (6% of the instructions
	 * of `report loans`). */
	int src = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW |
				  SQLITE_OPEN_NOMUTEX, NULL);
	if (src != SQLITE_OK) {
		db_error(db, src, e);
		db_close(db);
		return SK_DBERR;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_commit_hook(db->h, verify_at_commit, db);
	sqlite3_create_function(db->h, "sikube_disimpan", 0, SQLITE_UTF8, NULL, stored_now, NULL,
				NULL);
	rc = apply_pragmas(db, e);
	/* The migrations are the program's own writes; then every write is captured (the
	 * triggers are made at the first such write: capture_on). */
	db_system_begin(db);
	if (rc == SK_OK)
		rc = schema_migrate(db, e);
	db_system_end(db);
	if (rc == SK_OK)
		rc = db_audit_attach(db, e);
	if (rc != SK_OK) {
		db_close(db);
		return rc;
	}
	*out = db;
	return SK_OK;
}

void db_close(sk_db *db)
{
	if (!db)
		return;
	for (struct cached_stmt *c = db->cache, *next; c; c = next) {
		next = c->next;
		sqlite3_finalize(c->st);
		free(c);
	}
	sqlite3_close(db->h);
	free(db);
}

sqlite3 *db_handle(sk_db *db)
{
	return db->h;
}

const char *db_path(sk_db *db)
{
	return db->path;
}

/* The cached entry for sql: callers pass the same static string each time, so the pointers
 * are compared first; the found entry moves to the front (hot statements stay near it). */
static struct cached_stmt *cache_find(sk_db *db, const char *sql)
{
	struct cached_stmt **pp, *c = NULL;
	for (pp = &db->cache; *pp; pp = &(*pp)->next)
		if ((*pp)->sql == sql)
			break;
	if (!*pp)
		for (pp = &db->cache; *pp; pp = &(*pp)->next)
			if (strcmp((*pp)->sql, sql) == 0)
				break;
	if (*pp) {
		c = *pp;
		*pp = c->next;
		c->next = db->cache;
		db->cache = c;
	}
	return c;
}

sqlite3_stmt *db_prepare(sk_db *db, const char *sql, sk_err *e)
{
	struct cached_stmt *found = cache_find(db, sql);
	if (found) {
		sqlite3_reset(found->st);
		sqlite3_clear_bindings(found->st);
		return found->st;
	}
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		db_error(db, rc, e);
		return NULL;
	}
	struct cached_stmt *c = malloc(sizeof *c);
	if (!c)
		abort();
	c->sql = sql;
	c->st = st;
	c->next = db->cache;
	db->cache = c;
	return st;
}

int db_reset(sqlite3_stmt *st)
{
	return st ? sqlite3_reset(st) : SQLITE_OK;
}

/* Binding by name looks the name up in the statement's list of parameters (a string compare
 * each): for the rows of an import, several times a row. The index found for a statement and
 * name (the same string literal every time) is kept in a small table and checked against the
 * parameter's name (a walk without string compares) before it is used. */
#define PARAM_SLOTS 512
struct param_slot {
	const sqlite3_stmt *st;
	const char *name;
	int i;
};
static _Thread_local struct param_slot param_slots[PARAM_SLOTS];

static int param_index(sqlite3_stmt *st, const char *name)
{
	uintptr_t h = ((uintptr_t)st >> 4) * 31 + ((uintptr_t)name >> 1);
	struct param_slot *slot = &param_slots[(h ^ (h >> 9)) & (PARAM_SLOTS - 1)];
	if (slot->st == st && slot->name == name) {
		const char *found = sqlite3_bind_parameter_name(st, slot->i);
		if (found && strcmp(found, name) == 0)
			return slot->i;
	}
	int i = sqlite3_bind_parameter_index(st, name);
	*slot = (struct param_slot){ st, name, i };
	if (i == 0) {
		fprintf(stderr, "sikube: no SQL parameter %s in: %s\n", name, sqlite3_sql(st));
		abort();
	}
	return i;
}

void db_bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
	int i = param_index(st, name);
	if (!v || !*v)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

void db_bind_text_va(sqlite3_stmt *st, va_list ap)
{
	for (const char *name; (name = va_arg(ap, const char *)) != NULL;) {
		const char *v = va_arg(ap, const char *);
		if (st)
			db_bind_text(st, name, v);
	}
}

void db_bind_text_pairs(sqlite3_stmt *st, ...)
{
	va_list ap;
	va_start(ap, st);
	db_bind_text_va(st, ap);
	va_end(ap);
}

void db_bind_text_pairs_present(sqlite3_stmt *st, ...)
{
	va_list ap;
	va_start(ap, st);
	for (const char *name; (name = va_arg(ap, const char *)) != NULL;) {
		const char *v = va_arg(ap, const char *);
		if (st && sqlite3_bind_parameter_index(st, name))
			db_bind_text(st, name, v);
	}
	va_end(ap);
}

void db_bind_int64(sqlite3_stmt *st, const char *name, int64_t v)
{
	sqlite3_bind_int64(st, param_index(st, name), v);
}

void db_bind_null(sqlite3_stmt *st, const char *name)
{
	sqlite3_bind_null(st, param_index(st, name));
}

void db_bind_int64_or_null(sqlite3_stmt *st, const char *name, int64_t v, int is_null)
{
	if (is_null)
		db_bind_null(st, name);
	else
		db_bind_int64(st, name, v);
}

void db_bind_double(sqlite3_stmt *st, const char *name, double v)
{
	sqlite3_bind_double(st, param_index(st, name), v);
}

void db_like_escape(const char *text, char *out, size_t n)
{
	size_t j = 0;
	for (const char *p = text ? text : ""; *p && j + 1 < n;) {
		size_t len = sk_utf8_seq(p);
		len = len ? len : 1;
		int esc = *p == '%' || *p == '_' || *p == '\\';
		if (j + len + (size_t)esc >= n)
			break;
		if (esc)
			out[j++] = '\\';
		memcpy(out + j, p, len);
		j += len;
		p += len;
	}
	if (n)
		out[j] = '\0';
}

void db_bind_like(sqlite3_stmt *st, const char *name, const char *text)
{
	size_t n = text ? 2 * strlen(text) + 1 : 1;
	char *esc = malloc(n);
	if (!esc)
		abort();
	db_like_escape(text, esc, n);
	db_bind_text(st, name, esc);
	free(esc);
}

int db_step(sk_db *db, sqlite3_stmt *st, sk_err *e)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		db_error(db, rc, e);
	return rc;
}

void db_col_text(sqlite3_stmt *st, int i, char *out, size_t n)
{
	sk_strlcpy(out, (const char *)sqlite3_column_text(st, i), n);
}

int db_row_end(sqlite3_stmt *st, int rc, const char *notfound, sk_err *e)
{
	db_reset(st);
	if (rc == SQLITE_ROW)
		return SK_OK;
	if (rc == SQLITE_DONE)
		return sk_err_set(e, SK_NOTFOUND, "%s", notfound);
	return e ? e->status : SK_DBERR;
}

int db_step_write(sk_db *db, sqlite3_stmt *st, const char *notfound, sk_err *e)
{
	int rc = db_step(db, st, e);
	int changed = sqlite3_changes(db->h);
	db_reset(st);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	if (!changed)
		return sk_err_set(e, SK_NOTFOUND, "%s", *notfound ? _(notfound) : "");
	return SK_OK;
}

int db_restamp(sk_db *db, const char *sql, const char *k1, const char *k2, const char *t,
	       sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":t", t);
	db_bind_text(st, ":k1", k1);
	if (k2)
		db_bind_text(st, ":k2", k2);
	int rc = db_step(db, st, e);
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int db_exec(sk_db *db, const char *sql, sk_err *e)
{
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? SK_OK : db_error(db, rc, e);
}

int db_exec_write(sk_db *db, const char *sql, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	int ok = db_exec(db, sql, e) == SK_OK;
	rc = db_end(db, ok, e);
	return ok ? rc : (e && e->status ? e->status : SK_DBERR);
}

int64_t db_int(sk_db *db, const char *sql, int64_t dflt)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	int64_t v = dflt;
	if (st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	db_reset(st);
	return v;
}

/* The audit trail's capture triggers (db_audit_trigger_sql), made before the first write of
 * an attached handle that is captured (not the program's own bookkeeping): a handle that
 * only reads never parses nor keeps them. Made in a savepoint of their own, whole or not at
 * all; made inside a transaction, its rollback takes them away (db_audit_txn_end). */
static int capture_on(sk_db *db, sk_err *e)
{
	struct db_acc *a = &db->acc;
	if (!a->attached || a->capturing || a->system)
		return SK_OK;
	char *sql = db_audit_trigger_sql(db, e);
	if (!sql)
		return e && e->status ? e->status : SK_DBERR;
	int rc = db_exec(db, "SAVEPOINT sk_jejak", e);
	if (rc == SK_OK) {
		rc = db_exec(db, sql, e);
		if (rc != SK_OK)
			sqlite3_exec(db->h, "ROLLBACK TO sk_jejak", NULL, NULL, NULL);
		int rrc = sqlite3_exec(db->h, "RELEASE sk_jejak", NULL, NULL, NULL);
		if (rc == SK_OK && rrc != SQLITE_OK)
			rc = db_error(db, rrc, e);
	}
	free(sql);
	if (rc == SK_OK) {
		a->capturing = 1;
		a->capture_txn = db->depth > 0;
	}
	return rc;
}

static int begin(sk_db *db, const char *sql, int reading, sk_err *e)
{
	if (!reading) {
		int rc = db_access_write_check(db, e);
		if (rc == SK_OK)
			rc = capture_on(db, e);
		if (rc != SK_OK)
			return rc;
	}
	if (db->depth == 0) {
		int rc = db_exec(db, sql, e);
		if (rc != SK_OK)
			return rc;
		db->failed = 0;
		db->reading = reading;
	}
	db->depth++;
	return SK_OK;
}

int db_begin_write(sk_db *db, sk_err *e)
{
	return begin(db, "BEGIN IMMEDIATE", 0, e);
}

int db_begin_read(sk_db *db, sk_err *e)
{
	return begin(db, "BEGIN", 1, e);
}

int db_exists(sk_db *db, sqlite3_stmt *st, sk_err *e)
{
	if (!st)
		return -1;
	int rc = db_step(db, st, e);
	db_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_refuse_if_row(sk_db *db, const char *sql, const char *param, const char *value,
		     const char *refused, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (st)
		db_bind_text(st, param, value);
	int found = db_exists(db, st, e);
	if (found < 0)
		return e && e->status ? e->status : SK_DBERR;
	return found ? sk_err_set(e, SK_REFUSED, "%s", refused) : SK_OK;
}

int db_count(sk_db *db, sqlite3_stmt *st, int64_t *out, sk_err *e)
{
	*out = 0;
	if (!st)
		return e && e->status ? e->status : SK_DBERR;
	int rc = db_step(db, st, e);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

int db_text(sk_db *db, sqlite3_stmt *st, char *out, size_t n, sk_err *e)
{
	out[0] = '\0';
	if (!st)
		return -1;
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, out, n);
	db_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int db_each(sk_db *db, sqlite3_stmt *st, int (*fn)(void *ctx, sqlite3_stmt *st), void *ctx,
	    sk_err *e)
{
	if (!st)
		return e && e->status ? e->status : SK_DBERR;
	int rc, stop = 0;
	while (!stop && (rc = db_step(db, st, e)) == SQLITE_ROW)
		stop = fn(ctx, st);
	db_reset(st);
	if (stop)
		return stop;
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

struct rows_ctx {
	char *out;
	size_t size;
	int limit, *n;
	db_read_fn read;
	const void *arg;
};

static int read_next(void *ctx, sqlite3_stmt *st)
{
	struct rows_ctx *c = ctx;
	if (*c->n >= c->limit)
		return -1;
	char *row = c->out + c->size * (size_t)(*c->n)++;
	memset(row, 0, c->size);
	c->read(c->arg, st, row);
	return 0;
}

int db_rows(sk_db *db, sqlite3_stmt *st, void *out, size_t size, int limit, int *n,
	    db_read_fn read, const void *arg, sk_err *e)
{
	*n = 0;
	struct rows_ctx c = { out, size, limit, n, read, arg };
	int rc = db_each(db, st, read_next, &c, e);
	return rc == -1 ? SK_OK : rc;
}

int db_one(sk_db *db, sqlite3_stmt *st, db_read_fn read, const void *arg, void *out,
	   size_t size, const char *notfound, sk_err *e)
{
	if (!st)
		return e && e->status ? e->status : SK_DBERR;
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		memset(out, 0, size);
		read(arg, st, out);
	}
	return db_row_end(st, rc, notfound, e);
}

/* The counts below; deleted < 0: sql has no :del. */
static int count_by(sk_db *db, const char *sql, const char *param, const char *value, int like,
		    int deleted)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	int64_t n;
	if (st && like)
		db_bind_like(st, param, value);
	else if (st)
		db_bind_text(st, param, value);
	if (st && deleted >= 0)
		db_bind_int64(st, ":del", deleted);
	return db_count(db, st, &n, NULL) == SK_OK ? (int)n : -1;
}

int db_count_text(sk_db *db, const char *sql, const char *param, const char *value)
{
	return count_by(db, sql, param, value, 0, -1);
}

int db_count_like(sk_db *db, const char *sql, const char *param, const char *text)
{
	return count_by(db, sql, param, text, 1, -1);
}

int db_count_del(sk_db *db, const char *sql, const char *param, const char *value, int like,
		 int deleted)
{
	return count_by(db, sql, param, value, like, deleted);
}

int db_end(sk_db *db, int ok, sk_err *e)
{
	if (db->depth <= 0) {
		fprintf(stderr, "sikube: db_end without db_begin_write or db_begin_read\n");
		abort();
	}
	if (!ok)
		db->failed = 1;
	if (--db->depth > 0)
		return SK_OK;
	if (db->failed) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db_audit_txn_end(db, 0);
		return SK_OK;
	}
	/* The trail: what this transaction wrote, checked against the role and chained. */
	int arc = db_audit_flush(db, e);
	if (arc != SK_OK) {
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db_audit_txn_end(db, 0);
		return arc;
	}
	db->committing = 1;
	int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	db->committing = 0;
	if (rc != SQLITE_OK) {
		db_error(db, rc, e);
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
		db_audit_txn_end(db, 0);
		return e ? e->status : SK_DBERR;
	}
	db_audit_txn_end(db, 1);
	return SK_OK;
}

int db_setting_get(sk_db *db, const char *key, const char *dflt, char *out, size_t n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT nilai FROM pengaturan WHERE kunci=:k", NULL);
	int found = 0;
	sk_strlcpy(out, dflt, n);
	if (!st)
		return 0;
	db_bind_text(st, ":k", key);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_col_text(st, 0, out, n);
		found = 1;
	}
	db_reset(st);
	return found;
}

int db_write(sk_db *db, int (*step)(sk_db *db, void *ctx, sk_err *e), void *ctx, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = step(db, ctx, e);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

/* db_write_stmt's statement and its message when it changes no row. */
struct one_write {
	sqlite3_stmt *st;
	const char *notfound;
};

static int write_one(sk_db *db, void *ctx, sk_err *e)
{
	const struct one_write *w = ctx;
	int rc = db_step_write(db, w->st, w->notfound ? w->notfound : "", e);
	return rc == SK_NOTFOUND && !w->notfound ? SK_OK : rc;
}

int db_write_stmt(sk_db *db, sqlite3_stmt *st, const char *notfound, sk_err *e)
{
	struct one_write w = { st, notfound };
	return st ? db_write(db, write_one, &w, e) : SK_DBERR;
}

int db_setting_set(sk_db *db, const char *key, const char *value, sk_err *e)
{
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO pengaturan(kunci, nilai, diubah_pada) VALUES(:k, :v, :t) "
		"ON CONFLICT(kunci) DO UPDATE SET nilai=excluded.nilai, diubah_pada=excluded.diubah_pada", e);
	if (st) {
		db_bind_texts(st, ":k", key, ":t", now);
		sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":v"), value ? value : "", -1,
				  SQLITE_TRANSIENT);
	}
	return db_write_stmt(db, st, NULL, e);
}

int db_soft_delete(sk_db *db, const char *sql, const char *id, const char *notfound, sk_err *e)
{
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, sql, e);
	int ok = st != NULL;
	if (ok) {
		db_bind_text(st, ":t", now);
		db_bind_text(st, ":id", id);
		ok = db_step(db, st, e) == SQLITE_DONE;
		if (ok && notfound && sqlite3_changes(db->h) == 0) {
			sk_err_set(e, SK_NOTFOUND, "%s", notfound);
			ok = 0;
		}
		db_reset(st);
	}
	rc = db_end(db, ok, e);
	return ok ? rc : (e && e->status ? e->status : SK_DBERR);
}

int64_t db_cache_set(sk_db *db, int kib)
{
	int64_t old = db_int(db, "PRAGMA cache_size", -2000);
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size=-%d", kib);
	db_exec(db, pragma, NULL);
	return old;
}

int64_t db_cache_shrink(sk_db *db, int kib)
{
	int64_t old = db_cache_set(db, kib);
	sqlite3_db_release_memory(db->h); /* frees cache pages: not a statement */
	return old;
}

int db_plain_name(const char *s)
{
	if (!s || !*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

int db_cache_flush(sk_db *db, sk_err *e)
{
	int rc = sqlite3_db_cacheflush(db->h);
	return rc == SQLITE_OK ? SK_OK : db_error(db, rc, e);
}

int db_foreign_keys_pending(sk_db *db)
{
	int cur = 0, hi = 0;
	return sqlite3_db_status(db->h, SQLITE_DBSTATUS_DEFERRED_FKS, &cur, &hi, 0) == SQLITE_OK &&
	       cur > 0;
}

void db_cache_restore(sk_db *db, int64_t old)
{
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA cache_size=%lld", (long long)old);
	db_exec(db, pragma, NULL);
}

sqlite3_stmt *db_prepare_once(sk_db *db, const char *sql, sk_err *e)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		db_error(db, rc, e);
		return NULL;
	}
	return st;
}

void db_finalize(sqlite3_stmt *st)
{
	sqlite3_finalize(st);
}

int db_savepoint(sk_db *db, const char *name, sk_err *e)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SAVEPOINT %s", name);
	return db_exec(db, sql, e);
}

int db_savepoint_end(sk_db *db, const char *name, int keep, sk_err *e)
{
	char sql[160];
	if (keep)
		snprintf(sql, sizeof sql, "RELEASE %s", name);
	else
		snprintf(sql, sizeof sql, "ROLLBACK TO %s; RELEASE %s", name, name);
	return db_exec(db, sql, e);
}

int db_damaged(sk_db *db, const char *finding, sk_err *e)
{
	return sk_err_set(e, SK_DBERR, _("Basis data %s rusak (%s). Jangan dipakai lagi: pulihkan "
					 "salinan terbaru dari folder cadangan/ di samping berkas ini."),
			  db->path, finding);
}

int db_quick_check(sk_db *db, void (*fn)(void *ctx, const char *finding), void *ctx, sk_err *e)
{
	sqlite3_stmt *st = db_prepare_once(db, "PRAGMA quick_check", e);
	if (!st)
		return db_damaged(db, e && *e->msg ? e->msg : "quick_check", e);
	char first[256] = "", msg[256];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sk_strlcpy(msg, (const char *)sqlite3_column_text(st, 0), sizeof msg);
		if (strcmp(msg, "ok") == 0)
			continue;
		/* One line per finding, without SQLite's "*** in database main ***" heading. */
		const char *head = "*** in database main ***\n";
		if (strncmp(msg, head, strlen(head)) == 0)
			memmove(msg, msg + strlen(head), strlen(msg + strlen(head)) + 1);
		for (char *p = msg; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		if (!*first)
			sk_strlcpy(first, msg, sizeof first);
		if (fn)
			fn(ctx, msg);
	}
	db_finalize(st);
	int prim = rc & 0xff;
	if (rc != SQLITE_DONE && prim != SQLITE_CORRUPT && prim != SQLITE_NOTADB)
		return db_error(db, rc, e);
	if (rc != SQLITE_DONE && !*first) {
		sk_strlcpy(first, sqlite3_errstr(rc), sizeof first);
		if (fn)
			fn(ctx, first);
	}
	return *first ? db_damaged(db, first, e) : SK_OK;
}

int db_file_empty(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0;
}
