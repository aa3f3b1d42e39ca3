/* test_backup.c - online backup and the daily rolling copies. */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>
#include "backup.h"
#include "fixture.h"
#include "util.h"

/* Files in dir/cadangan. */
static int count_files(const char *dir)
{
	char path[PATH_MAX + 16];
	snprintf(path, sizeof path, "%s/cadangan", dir);
	DIR *d = opendir(path);
	int n = 0;
	for (const struct dirent *de; d && (de = readdir(d)) != NULL;)
		n += de->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

/* Saves by another connection between the copy's steps: one per step. */
struct writer {
	sk_db *other;
	int steps, saved, failed;
};

static void save_between_steps(void *ctx, int done, int total)
{
	struct writer *w = ctx;
	char sql[160];
	sk_err e;
	(void)done;
	(void)total;
	if (++w->steps > 500)
		return; /* the old restarting copy would go on for ever: stop feeding it */
	snprintf(sql, sizeof sql, "INSERT INTO pengaturan VALUES('uji-%d','1','2026-01-01T00:00:00Z')",
		 w->steps);
	if (db_exec_write(w->other, sql, &e) != SK_OK)
		w->failed = 1;
	else
		w->saved++;
}

/* A steady stream of saves while the copy runs: the copy still ends, after about one step per
 * 256 pages, and holds the database as it was when the copy began. */
static void test_backup_while_saving(sk_db *db, const char *dir)
{
	char path[PATH_MAX + 64];
	struct writer w = { 0 };
	sk_err e;
	CHECK(db_open(db_path(db), 0, &w.other, &e) == SK_OK, "a second connection saves");
	int pages = (int)db_int(db, "PRAGMA page_count", 0);
	snprintf(path, sizeof path, "%s/busy.db", dir);
	CHECK(backup_to_file(db, path, save_between_steps, &w, &e) == SK_OK, "backup while saving");
	CHECK(!w.failed, "the saves went through during the copy");
	CHECK(w.steps <= pages / 256 + 2, "the copy did not start over after each save");
	CHECK(db_int(w.other, "SELECT count(*) FROM pengaturan WHERE kunci LIKE 'uji-%'", 0) == w.saved,
	      "every save landed");
	sk_db *copy;
	CHECK(db_open(path, 0, &copy, &e) == SK_OK, "the copy opens");
	CHECK(db_int(copy, "SELECT count(*) FROM pengaturan WHERE kunci LIKE 'uji-%'", -1) == 0,
	      "the copy is the database as the backup began");
	CHECK(region_count(copy) == 91599, "the copy is whole");
	db_close(copy);
	db_close(w.other);
}

/* A copy never writes through a symlink planted at its temporary name (of old FILE.tmp-PID),
 * a killed copy's temporary files go, a damaged database is not copied. */
static void test_hostile(sk_db *db, const char *dir)
{
	char dest[PATH_MAX + 64], planted[PATH_MAX + 96], victim[PATH_MAX + 64], path[PATH_MAX + 128];
	sk_err e;
	snprintf(victim, sizeof victim, "%s/victim", dir);
	FILE *f = fopen(victim, "w");
	fputs("rahasia", f);
	fclose(f);
	snprintf(dest, sizeof dest, "%s/hostile.db", dir);
	snprintf(planted, sizeof planted, "%s.tmp-%ld", dest, (long)getpid());
	CHECK(symlink(victim, planted) == 0, "a symlink planted at the old temporary name");
	snprintf(path, sizeof path, "%s.tmp-%d-x1y2z3w4", dest, INT32_MAX - 1);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s.tmp-%d-x1y2z3w4-journal", dest, INT32_MAX - 1);
	fclose(fopen(path, "w"));
	CHECK(backup_to_file(db, dest, NULL, NULL, &e) == SK_OK, "backup beside planted files");
	struct stat st;
	CHECK(stat(victim, &st) == 0 && st.st_size == 7, "the symlink's target is untouched");
	CHECK(lstat(dest, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600,
	      "the copy is a private regular file");
	CHECK(lstat(path, &st) != 0, "a killed copy's journal is removed");
	path[strlen(path) - strlen("-journal")] = '\0';
	CHECK(lstat(path, &st) != 0, "and its half copy");
	/* A damaged database: quick_check fails on the copy, nothing is put in place. */
	char bad[PATH_MAX + 64];
	snprintf(bad, sizeof bad, "%s/bad.db", dir);
	CHECK(backup_to_file(db, bad, NULL, NULL, &e) == SK_OK, "a copy to damage");
	sk_db *b;
	CHECK(db_open(bad, 0, &b, &e) == SK_OK, "it opens");
	int64_t pages = db_int(b, "PRAGMA page_count", 0);
	db_close(b);
	int fd = open(bad, O_WRONLY);
	char junk[4096];
	memset(junk, 0xff, sizeof junk);
	CHECK(fd >= 0 && pwrite(fd, junk, sizeof junk, (off_t)(pages / 2) * 4096) == 4096,
	      "4 KiB in its middle overwritten");
	close(fd);
	CHECK(db_open(bad, 0, &b, &e) == SK_OK, "the damaged file still opens");
	snprintf(path, sizeof path, "%s/bad-copy.db", dir);
	CHECK(backup_to_file(b, path, NULL, NULL, &e) == SK_DBERR && strstr(e.msg, "cadangan/"),
	      "its backup is refused, the clerk told to restore");
	CHECK(stat(path, &st) != 0, "no copy put in place");
	CHECK(db_quick_check(b, NULL, NULL, &e) == SK_DBERR, "db_quick_check finds the damage");
	db_close(b);
	CHECK(db_quick_check(db, NULL, NULL, &e) == SK_OK, "and none in a sound file");
}

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	struct stat st0;
	char dir[PATH_MAX], path[PATH_MAX + 64];
	sk_strlcpy(dir, db_path(db), sizeof dir);
	*strrchr(dir, '/') = '\0';
	/* Ten old daily copies: after today's copy only the newest seven remain. */
	snprintf(path, sizeof path, "%s/cadangan", dir);
	mkdir(path, 0700);
	for (int i = 1; i <= 10; i++) {
		snprintf(path, sizeof path, "%s/cadangan/t-2020-01-%02d.db", dir, i);
		fclose(fopen(path, "w"));
	}
	/* Half copies: one of a program that was killed (no such process), one being written
	 * right now by this process (another copy starting at the same moment). */
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-10.db.tmp-%d", dir, INT32_MAX - 1);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-10.db.tmp-%d-journal", dir, INT32_MAX - 1);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-09.db.tmp-%d-abcdefgh", dir, INT32_MAX - 1);
	fclose(fopen(path, "w"));
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-11.db.tmp-%ld", dir, (long)getpid());
	fclose(fopen(path, "w"));
	/* Another database's copies in the same folder (kantor.db beside t.db): its own. */
	snprintf(path, sizeof path, "%s/cadangan/kantor-2020-01-01.db", dir);
	fclose(fopen(path, "w"));
	int made = 0;
	CHECK(backup_rolling(db, 7, &made, &e) == SK_OK && made == 1, "first start of the day backs up");
	CHECK(stat(path, &st0) == 0, "another database's copy is left alone (copies named after their "
	      "database)");
	struct stat hs;
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-10.db.tmp-%d", dir, INT32_MAX - 1);
	CHECK(stat(path, &hs) != 0, "a killed copy's half backup is removed");
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-10.db.tmp-%d-journal", dir, INT32_MAX - 1);
	CHECK(stat(path, &hs) != 0, "and its journal");
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-09.db.tmp-%d-abcdefgh", dir, INT32_MAX - 1);
	CHECK(stat(path, &hs) != 0, "a killed copy's half backup of today's names is removed");
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-11.db.tmp-%ld", dir, (long)getpid());
	CHECK(stat(path, &hs) == 0, "a half backup still being written stays");
	unlink(path);
	CHECK(backup_rolling(db, 7, &made, &e) == SK_OK && made == 0, "second start the same day does not");
	char today[11];
	sk_today(today);
	snprintf(path, sizeof path, "%s/cadangan/t-%s.db", dir, today);
	struct stat st;
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "today's copy is private");
	snprintf(path, sizeof path, "%s/cadangan", dir);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0700, "backup folder is private");
	int kept = 0;
	for (int i = 1; i <= 10; i++) {
		snprintf(path, sizeof path, "%s/cadangan/t-2020-01-%02d.db", dir, i);
		kept += stat(path, &st) == 0;
	}
	CHECK(kept == 6, "seven newest kept (six old plus today's)");
	snprintf(path, sizeof path, "%s/cadangan/t-2020-01-05.db", dir);
	CHECK(stat(path, &st) == 0, "the oldest kept is the 5th");
	/* The same copy made a little at a time (the screens make it between keys). */
	snprintf(path, sizeof path, "%s/cadangan/t-%s.db", dir, today);
	backup_job *job = NULL;
	CHECK(backup_rolling_start(db, 7, &job, &e) == SK_OK && job == NULL,
	      "no job when today's copy exists");
	unlink(path);
	CHECK(backup_rolling_start(db, 7, &job, &e) == SK_OK && job != NULL, "a job otherwise");
	CHECK(job && backup_job_step(job, 1, &e) == 0 && stat(path, &st) != 0,
	      "one page copied, nothing in place yet");
	backup_job_free(job);
	CHECK(stat(path, &st) != 0 && count_files(dir) == 7, "an abandoned job leaves no file");
	CHECK(backup_rolling_start(db, 7, &job, &e) == SK_OK && job != NULL, "started again");
	int steps = 0, r = -1, saves_ok = 1;
	while (job && (r = backup_job_step(job, 16, &e)) == 0) {
		/* The screens save between the steps, on the connection the copy started from. */
		char sql[128];
		snprintf(sql, sizeof sql, "INSERT INTO pengaturan VALUES('langkah-%d','1',"
			 "'2026-01-01T00:00:00Z')", ++steps);
		saves_ok &= db_exec_write(db, sql, &e) == SK_OK;
	}
	backup_job_free(job);
	CHECK(r == 1 && steps > 1, "finished after several steps");
	CHECK(saves_ok, "saves between the steps go through");
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "the stepped copy is in place");
	sk_db *stepped;
	CHECK(db_open(path, 0, &stepped, &e) == SK_OK && region_count(stepped) == 91599,
	      "the stepped copy opens whole");
	CHECK(db_int(stepped, "SELECT count(*) FROM pengaturan WHERE kunci LIKE 'langkah-%'", -1) == 0,
	      "the stepped copy is the database as it began");
	db_close(stepped);
	CHECK(count_files(dir) == 8, "still the seven newest only (and the other database's copy)");
	snprintf(path, sizeof path, "%s/copy.db", dir);
	CHECK(backup_to_file(db, path, NULL, NULL, &e) == SK_OK, "backup to a file");
	sk_db *copy;
	CHECK(db_open(path, 0, &copy, &e) == SK_OK && region_count(copy) == 91599, "copy opens whole");
	db_close(copy);
	test_backup_while_saving(db, dir);
	test_hostile(db, dir);
	db_close(db);
	return testlib_summary();
}
