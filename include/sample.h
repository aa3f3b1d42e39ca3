/* sample.h - load the shipped sample kelurahan (sample-data/, a bundle in the spec's format).
 * No curses here. */
#ifndef SK_SAMPLE_H
#define SK_SAMPLE_H

#include "db.h"

/* Import the bundle in dir (NULL = the shipped sample-data folder) with the normal importer:
 * every table, one transaction, rows already present left alone. *groups and *members receive
 * the numbers of groups and members added (may be NULL). Returns SK_OK, SK_REFUSED with the
 * first problem in e, or SK_IOERR/SK_BUSY/SK_DBERR. */
int sample_load(sk_db *db, const char *dir, int *groups, int *members, sk_err *e);

#endif
