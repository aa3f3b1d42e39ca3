/* fixture.h - shared set-up for core tests: a fresh database with the region list.
 *
 * Loading the 91,600-row region list takes most of a small test's time (far more under
 * valgrind), so tests/run_all.sh makes one template database per run (`sikube init`) and
 * names it in SIKUBE_TEST_TEMPLATE; fixture_open copies it and gives the copy its own device
 * id (pengaturan 'perangkat'), as `sikube init` would. Without the variable (a test binary run
 * by hand) the region list is loaded as before. */
#ifndef SK_FIXTURE_H
#define SK_FIXTURE_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include "db.h"
#include "i18n.h"
#include "region.h"
#include "testlib.h"
#include "util.h"

/* Copy the file src to the new file dst (created 0600, must not exist). 0 on success. */
static inline int fixture_copy(const char *src, const char *dst)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -1;
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		close(in);
		return -1;
	}
	char buf[65536];
	ssize_t n;
	int rc = 0;
	while ((n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				rc = -1;
				break;
			}
			off += w;
		}
		if (rc)
			break;
	}
	close(in);
	if (close(out) != 0)
		rc = -1;
	return rc;
}

/* Open the database at path with the region list loaded: a new file starts as a copy of
 * $SIKUBE_TEST_TEMPLATE when that is set (with a device id of its own); an existing file is
 * opened as it is. Exits the test program (status 2) when that fails. */
static inline sk_db *fixture_open(const char *path)
{
	const char *tmpl = getenv("SIKUBE_TEST_TEMPLATE");
	struct stat st;
	sk_db *db;
	sk_err e;
	int copied = 0;
	sk_err_clear(&e);
	if (tmpl && *tmpl && stat(path, &st) != 0) {
		if (fixture_copy(tmpl, path) != 0) {
			fprintf(stderr, "fixture: cannot copy %s to %s: %s\n", tmpl, path, strerror(errno));
			exit(2);
		}
		copied = 1;
	}
	if (db_open(path, 0, &db, &e) != SK_OK || region_ensure_loaded(db, &e) != SK_OK) {
		fprintf(stderr, "fixture: %s\n", e.msg);
		exit(2);
	}
	if (copied) {
		char uuid[SK_UUID_LEN + 1];
		sk_uuid_new(uuid);
		if (db_setting_set(db, "perangkat", uuid, &e) != SK_OK) {
			fprintf(stderr, "fixture: %s\n", e.msg);
			exit(2);
		}
	}
	return db;
}

/* Open a new database in a temporary folder with the shipped region list (fixture_open).
 * Exits the test program (status 2) when that fails. */
static inline sk_db *fixture_db(void)
{
	static char fixture_dir[PATH_MAX];
	char path[PATH_MAX + 16];
	i18n_init("id");
	testlib_tmpdir(fixture_dir, sizeof fixture_dir);
	snprintf(path, sizeof path, "%s/t.db", fixture_dir);
	return fixture_open(path);
}

/* The end of FIXTURE_WRITE: commit when the call succeeded, else roll back; the call's status
 * (or the commit's error). */
static inline int fixture_write_end(sk_db *db, int rc)
{
	int erc = db_end(db, rc == SK_OK, NULL);
	return rc == SK_OK ? erc : rc;
}

/* Run call (a store whose contract says the caller holds the transaction, e.g.
 * assessment_store_raw) in its own write transaction, as import does; gives call's status.
 * A write outside db_begin_write/db_end would fail: db.c's guard lets only db_end commit. */
#define FIXTURE_WRITE(db, call) \
	(db_begin_write((db), NULL) == SK_OK ? fixture_write_end((db), (call)) : SK_BUSY)

#endif
