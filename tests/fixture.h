/* fixture.h - shared set-up for core tests: a fresh database with the region list. */
#ifndef SK_FIXTURE_H
#define SK_FIXTURE_H

#include <limits.h>
#include "db.h"
#include "i18n.h"
#include "region.h"
#include "testlib.h"

/* Open a new database in a temporary folder and load the shipped region list.
 * Exits the test program (status 2) when that fails. */
static inline sk_db *fixture_db(void)
{
	static char fixture_dir[PATH_MAX];
	char path[PATH_MAX + 16];
	sk_db *db;
	sk_err e;
	i18n_init("id");
	testlib_tmpdir(fixture_dir, sizeof fixture_dir);
	snprintf(path, sizeof path, "%s/t.db", fixture_dir);
	if (db_open(path, 0, &db, &e) != SK_OK || region_ensure_loaded(db, &e) != SK_OK) {
		fprintf(stderr, "fixture: %s\n", e.msg);
		exit(2);
	}
	return db;
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
