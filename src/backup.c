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
#define BACKUP_PREFIX "sikube-"

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
	if (rc == SQLITE_DONE)
		return SK_OK;
	int prim = rc & 0xff;
	if (prim == SQLITE_FULL ||
	    (prim == SQLITE_IOERR && (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)))
		return sk_err_set(e, SK_IOERR, "%s", _("Disk penuh: cadangan tidak tersimpan. Kosongkan "
						       "ruang disk lalu coba lagi."));
	return db_error(db, rc, e);
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
 * it (sikube-DATE.db.tmp-PID, or its -journal): no process PID is running any more. */
static int stale_copy(const char *name)
{
	const char *t = strstr(name, ".db.tmp-");
	if (strncmp(name, BACKUP_PREFIX, strlen(BACKUP_PREFIX)) != 0 || !t)
		return 0;
	char *end;
	long pid = strtol(t + 8, &end, 10);
	if (pid <= 0 || (*end && strcmp(end, "-journal") != 0))
		return 0;
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/* Remove all but the newest keep backups (names sort by date), and stale half copies. */
static void prune(const char *dir, int keep)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char *names[512] = { 0 };
	int n = 0;
	struct dirent *ent;
	while ((ent = readdir(d)) && n < 512) {
		size_t len = strlen(ent->d_name);
		if (stale_copy(ent->d_name)) {
			char path[PATH_MAX + 256];
			snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
			unlink(path);
		} else if (strncmp(ent->d_name, BACKUP_PREFIX, strlen(BACKUP_PREFIX)) == 0 && len > 3 &&
			   strcmp(ent->d_name + len - 3, ".db") == 0 && (names[n] = strdup(ent->d_name))) {
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

int backup_rolling(sk_db *db, int keep, int *made, sk_err *e)
{
	char dir[PATH_MAX], path[PATH_MAX + 64], today[11];
	if (made)
		*made = 0;
	sk_strlcpy(dir, db_path(db), sizeof dir);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	size_t len = strlen(dir);
	if (len + sizeof BACKUP_DIR + 1 >= sizeof dir)
		return sk_err_set(e, SK_IOERR, "%s", _("Nama folder cadangan terlalu panjang."));
	snprintf(dir + len, sizeof dir - len, "/%s", BACKUP_DIR);
	if (sk_mkdir_private(dir) != 0)
		return sk_err_set(e, SK_IOERR, _("Folder cadangan %s tidak dapat dibuat: %s"), dir,
				  strerror(errno));
	sk_today(today);
	snprintf(path, sizeof path, "%s/%s%s.db", dir, BACKUP_PREFIX, today);
	if (access(path, F_OK) == 0)
		return SK_OK;
	int rc = backup_to_file(db, path, NULL, NULL, e);
	if (rc == SK_OK) {
		if (made)
			*made = 1;
		prune(dir, keep);
	}
	return rc;
}
