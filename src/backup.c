/* backup.c - online backup of the database and the daily rolling copies. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "backup.h"
#include "i18n.h"
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
	int own_tx = sqlite3_get_autocommit(db_handle(db));
	int rc = own_tx ? db_exec(db, "BEGIN; SELECT count(*) FROM sqlite_schema", e) : SK_OK;
	if (rc != SK_OK)
		return rc;
	rc = copy_steps(db, to, fn, ctx, e);
	if (own_tx)
		db_exec(db, "COMMIT", NULL);
	return rc;
}

/* Remove a failed copy and whatever SQLite kept beside it. */
static void remove_copy(const char *tmp)
{
	static const char *const SUFFIX[] = { "", "-journal", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof SUFFIX / sizeof SUFFIX[0]; i++) {
		char path[PATH_MAX + 16];
		snprintf(path, sizeof path, "%s%s", tmp, SUFFIX[i]);
		unlink(path);
	}
}

int backup_to_file(sk_db *db, const char *dest, backup_progress_fn fn, void *ctx, sk_err *e)
{
	char tmp[PATH_MAX];
	if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld", dest, (long)getpid()) >= (int)sizeof tmp)
		return sk_err_set(e, SK_IOERR, "%s", _("Nama berkas cadangan terlalu panjang."));
	mode_t old = umask(077);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	umask(old);
	if (fd < 0)
		return sk_err_set(e, SK_IOERR, _("Berkas cadangan %s tidak dapat dibuat: %s"), dest,
				  strerror(errno));
	close(fd);
	sqlite3 *to = NULL;
	int rc = SK_OK;
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		rc = sk_err_set(e, SK_IOERR, _("Berkas cadangan %s tidak dapat dibuat: %s"), dest,
				sqlite3_errmsg(to));
	if (rc == SK_OK)
		rc = copy_pages(db, to, fn, ctx, e);
	/* The copy keeps the rollback journal: one self-contained file. */
	if (rc == SK_OK && sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = sk_err_set(e, SK_IOERR, _("Cadangan gagal: %s"), sqlite3_errmsg(to));
	if (sqlite3_close(to) != SQLITE_OK && rc == SK_OK)
		rc = sk_err_set(e, SK_IOERR, "%s", _("Cadangan gagal ditutup."));
	if (rc == SK_OK && rename(tmp, dest) != 0)
		rc = sk_err_set(e, SK_IOERR, _("Berkas cadangan %s tidak dapat ditulis: %s"), dest,
				strerror(errno));
	if (rc != SK_OK)
		remove_copy(tmp);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 for a half copy left by a copy of SIKUBE that was killed or lost power while writing
 * it (NAME-DATE.db.tmp-PID, or its -journal): no process PID is running any more. */
static int stale_copy(const char *name, const char *prefix)
{
	const char *t = strstr(name, ".db.tmp-");
	if (strncmp(name, prefix, strlen(prefix)) != 0 || !t)
		return 0;
	char *end;
	long pid = strtol(t + 8, &end, 10);
	if (pid <= 0 || (*end && strcmp(end, "-journal") != 0))
		return 0;
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
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
	sk_strlcpy(dir, db_path(db), dn);
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
	snprintf(path, pn, "%s/%s%s.db", dir, prefix, today);
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
 * screens' connection stays free to save between the steps. */
struct backup_job {
	sk_db *db;
	sqlite3 *src, *to;
	sqlite3_backup *b;
	char dir[PATH_MAX], dest[PATH_MAX + 320], tmp[PATH_MAX + 352], prefix[256];
	int keep, tries;
};

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
	if (sqlite3_open_v2(db_path(db), &j->src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(j->src, 5000) != SQLITE_OK ||
	    sqlite3_exec(j->src, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL) !=
		    SQLITE_OK) {
		rc = db_error(db, sqlite3_errcode(j->src), e);
		backup_job_free(j);
		return rc;
	}
	snprintf(j->tmp, sizeof j->tmp, "%s.tmp-%ld", j->dest, (long)getpid());
	mode_t old = umask(077);
	int fd = open(j->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	umask(old);
	if (fd >= 0)
		close(fd);
	if (fd < 0 || sqlite3_open_v2(j->tmp, &j->to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    !(j->b = sqlite3_backup_init(j->to, "main", j->src, "main"))) {
		rc = sk_err_set(e, SK_IOERR, _("Berkas cadangan %s tidak dapat dibuat: %s"), j->dest,
				fd < 0 ? strerror(errno) : sqlite3_errmsg(j->to));
		backup_job_free(j);
		return rc;
	}
	*out = j;
	return SK_OK;
}

int backup_job_step(backup_job *j, int pages, sk_err *e)
{
	int rc = sqlite3_backup_step(j->b, pages);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++j->tries <= 100)
		return 0;
	int sys = errno;
	sqlite3_backup_finish(j->b);
	j->b = NULL;
	sqlite3_close(j->src); /* its read transaction ends: checkpoints may go on */
	j->src = NULL;
	if (rc != SQLITE_DONE) {
		step_error(j->db, rc, sys, e);
		return -1;
	}
	/* As backup_to_file: one self-contained file, renamed into place only when complete. */
	int bad = sqlite3_exec(j->to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK;
	bad |= sqlite3_close(j->to) != SQLITE_OK;
	j->to = NULL;
	if (bad || rename(j->tmp, j->dest) != 0) {
		sk_err_set(e, SK_IOERR, _("Berkas cadangan %s tidak dapat ditulis: %s"), j->dest,
			   bad ? _("cadangan gagal ditutup") : strerror(errno));
		return -1;
	}
	j->tmp[0] = '\0';
	prune(j->dir, j->prefix, j->keep);
	return 1;
}

void backup_job_free(backup_job *j)
{
	if (!j)
		return;
	if (j->b)
		sqlite3_backup_finish(j->b);
	if (j->to)
		sqlite3_close(j->to);
	if (j->src)
		sqlite3_close(j->src); /* ends its read transaction */
	if (j->tmp[0])
		remove_copy(j->tmp);
	free(j);
}
