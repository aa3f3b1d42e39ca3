/* sample.h - load the shipped sample kelurahan (sample-data/, a bundle in the spec's format).
 * A small loader until full import exists. No curses here. */
#ifndef SK_SAMPLE_H
#define SK_SAMPLE_H

#include "db.h"

/* Load kelompok.csv and anggota.csv from dir (NULL = the shipped sample-data folder) through
 * the normal validation rules, in one transaction. Rows whose id already exists are left alone.
 * *groups and *members receive the numbers of rows added (may be NULL). */
int sample_load(sk_db *db, const char *dir, int *groups, int *members, sk_err *e);

#endif
