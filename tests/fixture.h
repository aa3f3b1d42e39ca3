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

#endif
