/* collate.h - the order of names: case- and accent-insensitive ("siti", "Siti" and "Ṡiti"
 * sort together, before "Yanti"), numbers by value ("Melati 3" before "Melati 10"), by the
 * Unicode collation of ICU (root locale, primary strength). Names are sorted by a sort key
 * that the code stores beside them (column urut_nama of kelompok and anggota, indexed), so
 * lists page through an index and the sqlite3 shell can still read and change every row.
 * No curses here. */
#ifndef SK_COLLATE_H
#define SK_COLLATE_H

#include <stddef.h>
#include "db.h"

/* The longest sort key kept (a name's key is far shorter; longer keys are cut, which only
 * ties names that agree in their first hundreds of letters). */
#define SK_SORT_KEY_MAX 512

/* Sort key of UTF-8 text s into out (up to n bytes): keys compare byte by byte (memcmp, as
 * SQLite compares BLOBs) in the order of the names. Returns the key's length (0 for an
 * empty name or when ICU cannot be used: stored as an empty key, such rows sort first). */
size_t sk_sort_key(const char *s, unsigned char *out, size_t n);
/* Compare two UTF-8 names in that order (<0, 0, >0). */
int sk_name_cmp(const char *a, const char *b);
/* Bind the sort key of s to the statement's parameter name (":urut_nama"). */
void sk_bind_sort_key(sqlite3_stmt *st, const char *name, const char *s);
/* Store the sort key of nama for group (members 0) or member (members 1) id, after an UPDATE
 * (an UPDATE of the name clears it: the trigger *_nama_diubah). SK_OK or the error in e. */
int sk_sort_key_store(sk_db *db, int members, const char *id, const char *nama, sk_err *e);
/* Define the two hooks of a table whose rows (struct T, with char arrays id and nama) keep
 * the sort key of their name in urut_nama (table_def's bind_extra and updated, table.h):
 * static void bind_sort_key(sqlite3_stmt *st, const void *row) binds the key of row's nama to
 * :urut_nama (an insert), and static int renew_sort_key(sk_db *db, const void *row,
 * sk_err *e) stores it again after an update (sk_sort_key_store with members). */
#define SORT_KEY_HOOKS(T, members) \
	static void bind_sort_key(sqlite3_stmt *st, const void *row) \
	{ \
		sk_bind_sort_key(st, ":urut_nama", ((const T *)row)->nama); \
	} \
	static int renew_sort_key(sk_db *db, const void *row, sk_err *e) \
	{ \
		const T *r = row; \
		return sk_sort_key_store(db, members, r->id, r->nama, e); \
	}
/* Give every group and member without a sort key its key (rows written by another program,
 * the sqlite3 shell or a benchmark generator), and every row a new one when ICU's collation
 * changed since the keys were made (setting "urut_nama_versi"). Runs when the database is
 * opened; quick when nothing is missing, and without opening ICU's collator when ICU's
 * library is the one the keys were last checked with (setting "urut_nama_pustaka").
 * Returns SK_OK or the error in e. */
int sk_sort_keys_refresh(sk_db *db, sk_err *e);

#endif
