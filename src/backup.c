/* backup.c - online backup of the database and the daily rolling copies. A copy is written
 * under a private temporary name beside its target (outfile.c: created exclusively, never
 * through a planted symlink), checked with PRAGMA quick_check and renamed into place only
 * when sound: a damaged database is never copied over a good backup. Temporary files left by
 * a copy that was killed are removed by the next one. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "backup.h"
#include "i18n.h"
#include "outfile.h"
#include "util.h"

#define BACKUP_STEP_PAGES 256
#define BACKUP_DIR "cadangan"

/* The message of a failed backup step (sys: errno right after it). */
static int step_error(sk_db *db, int rc, int sys, sk_err *e)
{
	int prim = rc & 0xff;
	if (prim == SQLITE_FULL ||
	    (prim == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)))
		return sk_err_set(e, SK_IOERR, "%s", _("Disk penuh: cadangan tidak tersimpan. Kosongkan "
						       "ruang disk lalu coba lagi."));
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return db_damaged(db, sqlite3_errstr(rc), e);
	return db_error(db, rc, e);
}

static int copy_steps(sk_db *db, sqlite3 *to, backup_progress_fn fn, void *ctx, sk_err *e)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", db_handle(db), "main");
	if (!b)
		return sk_err_set(e, SK_IOERR, _("Cadangan gagal: %s"), sqlite3_errmsg(to));
	int rc, tries = 0;
	do {
		rc = sqlite3_backup_step(b, BACKUP_STEP_PAGES);
		if (fn)
			fn(ctx, sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b),
			   sqlite3_backup_pagecount(b));
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
			if (++tries > 100)
				break;
			sqlite3_sleep(50);
		}
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	int sys = errno;
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SK_OK : step_error(db, rc, sys, e);
}

/* Copy every page inside one read transaction on db: the copy is the snapshot taken when it
 * began. Without it each step reads the newest data, and a commit by another program between
 * two steps starts the copy over, so a steady stream of saves could keep it from ending. */
static int copy_pages(sk_db *db, sqlite3 *to, backup_progress_fn fn, void *ctx, sk_err *e)
{
	int rc = db_begin_read(db, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM sqlite_schema", e);
	int64_t n;
	rc = st ? db_count(db, st, &n, e) : SK_DBERR; /* the snapshot starts with a read */
	if (rc == SK_OK)
		rc = copy_steps(db, to, fn, ctx, e);
	db_end(db, rc == SK_OK, NULL);
	return rc;
}

static int first_finding(void *ctx, int n, char **vals, char **cols)
{
	char *out = ctx;
	(void)cols;
	if (n > 0 && vals[0] && strcmp(vals[0], "ok") != 0 && !*out)
		sk_strlcpy(out, vals[0], 256);
	return 0;
}

/* The finished copy: one self-contained file (rollback journal), checked with quick_check.
 * A damaged copy is a damaged database (db's message tells the clerk to restore). */
static int finish_copy(sk_db *db, sqlite3 *to, sk_err *e)
{
	char finding[256] = "";
	if (sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		return sk_err_set(e, SK_IOERR, _("Cadangan gagal: %s"), sqlite3_errmsg(to));
	int rc = sqlite3_exec(to, "PRAGMA quick_check", first_finding, finding, NULL);
	if (rc != SQLITE_OK && !*finding)
		sk_strlcpy(finding, sqlite3_errstr(rc), sizeof finding);
	return *finding ? db_damaged(db, finding, e) : SK_OK;
}

/* The database file of the temporary copy o, opened by SQLite (never through a symlink). */
static int open_copy(sk_outfile *o, sqlite3 **to, sk_err *e)
{
	char path[PATH_MAX + 300];
	*to = NULL;
	int rc = outfile_close_stream(o, e);
	if (rc == SK_OK && outfile_temp_path(o, path, sizeof path) != 0)
		rc = sk_err_set(e, SK_IOERR, "%s", _("Nama berkas cadangan terlalu panjang."));
	if (rc == SK_OK && sqlite3_open_v2(path, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
					   NULL) != SQLITE_OK)
		rc = sk_err_set(e, SK_IOERR, _("Berkas cadangan %s tidak dapat dibuat: %s"), o->name,
				*to ? sqlite3_errmsg(*to) : strerror(ENOMEM));
	return rc;
}

int backup_to_file(sk_db *db, const char *dest, backup_progress_fn fn, void *ctx, sk_err *e)
{
	sk_outfile o;
	mode_t old = umask(077);
	int rc = outfile_open_path(&o, dest, 0, e);
	umask(old);
	if (rc != SK_OK)
		return rc;
	outfile_clean_stale(o.dirfd, o.name, 0);
	sqlite3 *to;
	rc = open_copy(&o, &to, e);
	if (rc == SK_OK)
		rc = copy_pages(db, to, fn, ctx, e);
	if (rc == SK_OK)
		rc = finish_copy(db, to, e);
	if (sqlite3_close(to) != SQLITE_OK && rc == SK_OK)
		rc = sk_err_set(e, SK_IOERR, "%s", _("Cadangan gagal ditutup."));
	if (rc == SK_OK)
		return outfile_commit(&o, e);
	outfile_abort(&o);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 for a half copy of the database whose copies start with prefix, left by a copy of SIKUBE
 * that was killed or lost power while writing it (NAME-DATE.db.tmp-PID-..., or what SQLite
 * kept beside it): its process is gone. */
static int stale_copy(const char *entry, const char *prefix)
{
	char name[256];
	const char *t = strstr(entry, ".db.tmp");
	if (strncmp(entry, prefix, strlen(prefix)) != 0 || !t ||
	    (size_t)(t - entry) + 3 >= sizeof name)
		return 0;
	snprintf(name, sizeof name, "%.*s", (int)(t - entry) + 3, entry);
	return outfile_stale_temp(entry, name);
}

/* 1 when name is one of the daily copies of prefix: prefix, YYYY-MM-DD, ".db". */
static int daily_copy(const char *name, const char *prefix)
{
	size_t p = strlen(prefix);
	const char *d = name + p;
	return strncmp(name, prefix, p) == 0 && strlen(d) == 13 && strcmp(d + 10, ".db") == 0 &&
	       strspn(d, "0123456789-") == 10 && d[4] == '-' && d[7] == '-';
}

/* Remove all but the newest keep copies of one database (prefix: its name; names sort by
 * date), and its stale half copies; other databases' copies in the folder are left alone. */
static void prune(const char *dir, const char *prefix, int keep)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char *names[512] = { 0 };
	int n = 0;
	struct dirent *ent;
	while ((ent = readdir(d)) && n < 512) {
		if (stale_copy(ent->d_name, prefix)) {
			char path[PATH_MAX + 256];
			snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
			unlink(path);
		} else if (daily_copy(ent->d_name, prefix) && (names[n] = strdup(ent->d_name))) {
			n++;
		}
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], by_name);
	for (int i = 0; i < n; i++) {
		if (i < n - keep) {
			char path[PATH_MAX + 256];
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			unlink(path);
		}
		free(names[i]);
	}
}

/* The name of the database's copies: its file name without ".db", then "-" (sikube.db:
 * "sikube-", so two databases in one folder each keep their own copies). */
static void copy_prefix(sk_db *db, char *out, size_t n)
{
	const char *path = db_path(db), *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t len = strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".db") == 0)
		len -= 3;
	snprintf(out, n, "%.*s-", (int)len, base);
}

/* The folder of the rolling copies (created 0700), today's copy in it and the copies' name
 * prefix (prefix of size 256). */
static int today_target(sk_db *db, char *dir, size_t dn, char *path, size_t pn, char *prefix,
			sk_err *e)
{
	char today[11];
	copy_prefix(db, prefix, 256);
	if (sk_strlcpy(dir, db_path(db), dn))
		return sk_err_set(e, SK_IOERR, "%s", _("Nama folder cadangan terlalu panjang."));
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	size_t len = strlen(dir);
	if (len + sizeof BACKUP_DIR + 1 >= dn)
		return sk_err_set(e, SK_IOERR, "%s", _("Nama folder cadangan terlalu panjang."));
	snprintf(dir + len, dn - len, "/%s", BACKUP_DIR);
	if (sk_mkdir_private(dir) != 0)
		return sk_err_set(e, SK_IOERR, _("Folder cadangan %s tidak dapat dibuat: %s"), dir,
				  strerror(errno));
	sk_today(today);
	int n = snprintf(path, pn, "%s/%s%s.db", dir, prefix, today);
	if (n < 0 || (size_t)n >= pn)
		return sk_err_set(e, SK_IOERR, "%s", _("Nama folder cadangan terlalu panjang."));
	return SK_OK;
}

int backup_rolling(sk_db *db, int keep, int *made, sk_err *e)
{
	char dir[PATH_MAX], path[PATH_MAX + 320], prefix[256];
	if (made)
		*made = 0;
	int rc = today_target(db, dir, sizeof dir, path, sizeof path, prefix, e);
	if (rc != SK_OK || access(path, F_OK) == 0)
		return rc;
	prune(dir, prefix, INT_MAX); /* stale half copies now; the old copies once today's is made */
	rc = backup_to_file(db, path, NULL, NULL, e);
	if (rc == SK_OK) {
		if (made)
			*made = 1;
		prune(dir, prefix, keep);
	}
	return rc;
}

/* ---- the same copy made a little at a time ------------------------------------------------ */

/* The copy reads through a connection of its own that holds one read transaction from start
 * to end: the copy is the database as it was when it began (as backup_to_file), and the
 * screens' connection stays free to save between the steps. The finished copy is checked
 * (quick_check reads all of it: seconds on a district's database) by a thread of its own on
 * the copy's own connection, so that no key waits for it. */
struct backup_job {
	sk_db *db;
	sk_db *src;               /* the reading connection */
	sqlite3 *to;
	sqlite3_backup *b;
	sk_outfile out;           /* the temporary file of the copy */
	int has_out;
	char dir[PATH_MAX], dest[PATH_MAX + 320], prefix[256];
	int keep, tries;
	pthread_t checker;        /* checking the finished copy (when checking) */
	int checking;
	atomic_int checked;       /* set by the checker when done */
	int check_rc;
	sk_err check_e;
};

/* The reading connection, its snapshot begun. */
static int open_reader(backup_job *j, sk_err *e)
{
	int rc = db_open(db_path(j->db), 0, &j->src, e);
	if (rc == SK_OK)
		rc = db_begin_read(j->src, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(j->src, "SELECT count(*) FROM sqlite_schema", e);
	int64_t n;
	return st ? db_count(j->src, st, &n, e) : SK_DBERR;
}

int backup_rolling_start(sk_db *db, int keep, backup_job **out, sk_err *e)
{
	*out = NULL;
	backup_job *j = calloc(1, sizeof *j);
	if (!j)
		abort();
	j->db = db;
	j->keep = keep;
	int rc = today_target(db, j->dir, sizeof j->dir, j->dest, sizeof j->dest, j->prefix, e);
	if (rc != SK_OK || access(j->dest, F_OK) == 0) {
		free(j);
		return rc;
	}
	prune(j->dir, j->prefix, INT_MAX);
	rc = open_reader(j, e);
	mode_t old = umask(077);
	if (rc == SK_OK && (rc = outfile_open_path(&j->out, j->dest, 0, e)) == SK_OK)
		j->has_out = 1;
	umask(old);
	if (rc == SK_OK)
		rc = open_copy(&j->out, &j->to, e);
	if (rc == SK_OK && !(j->b = sqlite3_backup_init(j->to, "main", db_handle(j->src), "main")))
		rc = sk_err_set(e, SK_IOERR, _("Berkas cadangan %s tidak dapat dibuat: %s"), j->dest,
				sqlite3_errmsg(j->to));
	if (rc != SK_OK) {
		backup_job_free(j);
		return rc;
	}
	*out = j;
	return SK_OK;
}

/* The reading connection is done: its read transaction ends, checkpoints may go on. */
static void close_reader(backup_job *j)
{
	if (j->src) {
		db_end(j->src, 1, NULL);
		db_close(j->src);
	}
	j->src = NULL;
}

static void *check_copy(void *arg)
{
	backup_job *j = arg;
	j->check_rc = finish_copy(j->db, j->to, &j->check_e);
	atomic_store(&j->checked, 1);
	return NULL;
}

/* The checked copy: closed and renamed into place when sound. 1, or -1 (message in e). */
static int complete(backup_job *j, sk_err *e)
{
	int st = j->check_rc;
	if (st != SK_OK)
		sk_err_set(e, st, "%s", j->check_e.msg);
	if (sqlite3_close(j->to) != SQLITE_OK && st == SK_OK)
		st = sk_err_set(e, SK_IOERR, "%s", _("Cadangan gagal ditutup."));
	j->to = NULL;
	if (st == SK_OK) {
		st = outfile_commit(&j->out, e); /* removes the temporary file when it fails */
		j->has_out = 0;
	}
	if (st != SK_OK)
		return -1;
	prune(j->dir, j->prefix, j->keep);
	return 1;
}

int backup_job_step(backup_job *j, int pages, sk_err *e)
{
	if (j->checking) {
		if (!atomic_load(&j->checked)) {
			struct timespec ts = { 0, 5000000 }; /* the caller may loop: do not spin */
			nanosleep(&ts, NULL);
			return 0;
		}
		pthread_join(j->checker, NULL);
		j->checking = 0;
		return complete(j, e);
	}
	int rc = sqlite3_backup_step(j->b, pages);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++j->tries <= 100)
		return 0;
	int sys = errno;
	sqlite3_backup_finish(j->b);
	j->b = NULL;
	close_reader(j);
	if (rc != SQLITE_DONE) {
		step_error(j->db, rc, sys, e);
		return -1;
	}
	/* As backup_to_file: one self-contained file, checked, renamed into place when sound. */
	sk_err_clear(&j->check_e);
	if (pthread_create(&j->checker, NULL, check_copy, j) == 0) {
		j->checking = 1;
		return 0;
	}
	check_copy(j); /* no thread to be had: check it now */
	return complete(j, e);
}

void backup_job_free(backup_job *j)
{
	if (!j)
		return;
	if (j->checking)
		pthread_join(j->checker, NULL);
	if (j->b)
		sqlite3_backup_finish(j->b);
	if (j->to)
		sqlite3_close(j->to);
	close_reader(j);
	if (j->has_out)
		outfile_abort(&j->out); /* an unfinished copy is abandoned */
	free(j);
}
