/* test_backup.c - online backup and the daily rolling copies. */
#include <dirent.h>
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

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	char dir[PATH_MAX], path[PATH_MAX + 64];
	sk_strlcpy(dir, db_path(db), sizeof dir);
	*strrchr(dir, '/') = '\0';
	/* Ten old daily copies: after today's copy only the newest seven remain. */
	snprintf(path, sizeof path, "%s/cadangan", dir);
	mkdir(path, 0700);
	for (int i = 1; i <= 10; i++) {
		snprintf(path, sizeof path, "%s/cadangan/sikube-2020-01-%02d.db", dir, i);
		fclose(fopen(path, "w"));
	}
	int made = 0;
	CHECK(backup_rolling(db, 7, &made, &e) == SK_OK && made == 1, "first start of the day backs up");
	CHECK(backup_rolling(db, 7, &made, &e) == SK_OK && made == 0, "second start the same day does not");
	char today[11];
	sk_today(today);
	snprintf(path, sizeof path, "%s/cadangan/sikube-%s.db", dir, today);
	struct stat st;
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "today's copy is private");
	snprintf(path, sizeof path, "%s/cadangan", dir);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0700, "backup folder is private");
	int kept = 0;
	for (int i = 1; i <= 10; i++) {
		snprintf(path, sizeof path, "%s/cadangan/sikube-2020-01-%02d.db", dir, i);
		kept += stat(path, &st) == 0;
	}
	CHECK(kept == 6, "seven newest kept (six old plus today's)");
	snprintf(path, sizeof path, "%s/cadangan/sikube-2020-01-05.db", dir);
	CHECK(stat(path, &st) == 0, "the oldest kept is the 5th");
	/* The same copy made a little at a time (the screens make it between keys). */
	snprintf(path, sizeof path, "%s/cadangan/sikube-%s.db", dir, today);
	backup_job *job = NULL;
	CHECK(backup_rolling_start(db, 7, &job, &e) == SK_OK && job == NULL,
	      "no job when today's copy exists");
	unlink(path);
	CHECK(backup_rolling_start(db, 7, &job, &e) == SK_OK && job != NULL, "a job otherwise");
	CHECK(job && backup_job_step(job, 1, &e) == 0 && stat(path, &st) != 0,
	      "one page copied, nothing in place yet");
	backup_job_free(job);
	CHECK(stat(path, &st) != 0 && count_files(dir) == 6, "an abandoned job leaves no file");
	CHECK(backup_rolling_start(db, 7, &job, &e) == SK_OK && job != NULL, "started again");
	int steps = 0, r = -1;
	while (job && (r = backup_job_step(job, 16, &e)) == 0)
		steps++;
	backup_job_free(job);
	CHECK(r == 1 && steps > 1, "finished after several steps");
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "the stepped copy is in place");
	sk_db *stepped;
	CHECK(db_open(path, 0, &stepped, &e) == SK_OK && region_count(stepped) == 91599,
	      "the stepped copy opens whole");
	db_close(stepped);
	CHECK(count_files(dir) == 7, "still the seven newest only");
	snprintf(path, sizeof path, "%s/copy.db", dir);
	CHECK(backup_to_file(db, path, NULL, NULL, &e) == SK_OK, "backup to a file");
	sk_db *copy;
	CHECK(db_open(path, 0, &copy, &e) == SK_OK && region_count(copy) == 91599, "copy opens whole");
	db_close(copy);
	db_close(db);
	return testlib_summary();
}
