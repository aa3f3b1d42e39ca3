/* region.h - the official Kepmendagri region list (wilayah). No curses here. */
#ifndef SK_REGION_H
#define SK_REGION_H

#include "db.h"

/* Region levels, from the code's shape. */
enum { REGION_PROVINSI = 1, REGION_KABUPATEN = 2, REGION_KECAMATAN = 3, REGION_DESA = 4 };

typedef struct sk_region {
	char kode[16];       /* PP.KK.CC.DDDD for a desa/kelurahan */
	char nama[128];      /* village name */
	char kecamatan[128];
	char kabupaten[128];
	char provinsi[128];
} sk_region;

/* Level (1-4) of a well-formed code, or 0 when the code's shape is wrong. */
int region_level(const char *kode);
/* Load the region CSV (kode,nama) read with libcsv, replacing the table, in one transaction.
 * Errors: SK_IOERR (file), SK_REFUSED (malformed file), SK_DBERR. */
int region_load_csv(sk_db *db, const char *path, sk_err *e);
/* Load the shipped list (data/wilayah_kepmendagri_2025.csv) when the table is empty. */
int region_ensure_loaded(sk_db *db, sk_err *e);
/* Number of rows in the region table, or -1 on a database error. */
int region_count(sk_db *db);
/* 1 when kode is a desa/kelurahan in the list, 0 when not, -1 when the database cannot tell
 * (its message in e: busy, disk). */
int region_is_village(sk_db *db, const char *kode, sk_err *e);
/* 1 when the 2-digit province code pp exists, 0 when not, -1 on a database error (in e). */
int region_province_exists(sk_db *db, const char *pp, sk_err *e);
/* 1 when kode (any level, e.g. a kecamatan PP.KK.CC) is in the list, 0 when not, -1 on a
 * database error (in e). */
int region_exists(sk_db *db, const char *kode, sk_err *e);
/* Fill out with a village and its parents' names. SK_NOTFOUND when not a listed village. */
int region_get(sk_db *db, const char *kode, sk_region *out, sk_err *e);
/* Villages whose name contains text (case-insensitive; "" lists all), ordered by name.
 * Writes up to limit rows from offset into out, *n rows written. */
int region_search(sk_db *db, const char *text, int offset, int limit, sk_region *out, int *n,
		  sk_err *e);
/* Number of villages region_search(db, text, ...) would list (same filter), or -1 on a
 * database error. */
int region_search_count(sk_db *db, const char *text);

#endif
