/* collate.c - names in the order people expect, through ICU's collation (see collate.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include "collate.h"
#include "i18n.h"

#define NAME_UNITS 1024   /* UTF-16 units of a name taken into its key */
#define BATCH 500         /* rows given their keys per round */

static UCollator *coll;
static int coll_failed;

static void coll_close(void)
{
	if (coll)
		ucol_close(coll);
	coll = NULL;
}

/* The collator: root locale, primary strength (case and accents ignored), digits by value. */
static UCollator *collator(void)
{
	if (coll || coll_failed)
		return coll;
	UErrorCode err = U_ZERO_ERROR;
	coll = ucol_open("", &err);
	if (U_FAILURE(err) || !coll) {
		coll = NULL;
		coll_failed = 1;
		return NULL;
	}
	ucol_setStrength(coll, UCOL_PRIMARY);
	ucol_setAttribute(coll, UCOL_NUMERIC_COLLATION, UCOL_ON, &err);
	atexit(coll_close);
	return coll;
}

/* s as UTF-16 into u (NAME_UNITS); returns the units, -1 when s is not UTF-8. */
static int32_t to_utf16(const char *s, UChar *u)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t len = 0;
	u_strFromUTF8WithSub(u, NAME_UNITS, &len, s ? s : "", -1, 0xFFFD, NULL, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING)
		return NAME_UNITS;
	return U_FAILURE(err) ? -1 : len;
}

size_t sk_sort_key(const char *s, unsigned char *out, size_t n)
{
	UChar u[NAME_UNITS];
	UCollator *c = collator();
	int32_t len = c ? to_utf16(s, u) : -1;
	if (len <= 0 || n < 2)
		return 0;
	int32_t k = ucol_getSortKey(c, u, len, out, (int32_t)n);
	if (k <= 0)
		return 0;
	/* The key ends with a 0 byte, not part of the order; a key longer than n is cut. */
	return (size_t)(k > (int32_t)n ? (int32_t)n : k - 1);
}

int sk_name_cmp(const char *a, const char *b)
{
	unsigned char ka[SK_SORT_KEY_MAX], kb[SK_SORT_KEY_MAX];
	size_t la = sk_sort_key(a, ka, sizeof ka), lb = sk_sort_key(b, kb, sizeof kb);
	int r = memcmp(ka, kb, la < lb ? la : lb);
	return r ? r : (la > lb) - (la < lb);
}

void sk_bind_sort_key(sqlite3_stmt *st, const char *name, const char *s)
{
	unsigned char key[SK_SORT_KEY_MAX];
	size_t len = sk_sort_key(s, key, sizeof key);
	int i = sqlite3_bind_parameter_index(st, name);
	if (!i)
		abort(); /* programmer error: no such parameter */
	/* An empty key, not NULL, for a name without one: it is not looked at again on open. */
	sqlite3_bind_blob(st, i, len ? key : (const unsigned char *)"", (int)len, SQLITE_TRANSIENT);
}

int sk_sort_key_store(sk_db *db, int members, const char *id, const char *nama, sk_err *e)
{
	/* Only a key that changes is written (an UPDATE leaving the row as it is would let the
	 * touch trigger renew its diubah_pada). */
	sqlite3_stmt *st = db_prepare(db, members ?
		"UPDATE anggota SET urut_nama=:urut_nama WHERE id=:id AND urut_nama IS NOT :urut_nama" :
		"UPDATE kelompok SET urut_nama=:urut_nama WHERE id=:id AND urut_nama IS NOT :urut_nama", e);
	if (!st)
		return SK_DBERR;
	unsigned char key[SK_SORT_KEY_MAX];
	size_t len = sk_sort_key(nama, key, sizeof key);
	/* An empty key, not NULL: a name with none is not looked at again on every open. */
	sqlite3_bind_blob(st, sqlite3_bind_parameter_index(st, ":urut_nama"),
			  len ? key : (const unsigned char *)"", (int)len, SQLITE_TRANSIENT);
	db_bind_text(st, ":id", id);
	int rc = db_step_write(db, st, "", e);
	if (rc == SK_NOTFOUND) {
		sk_err_clear(e);
		rc = SK_OK;
	}
	return rc;
}

/* What the keys depend on: ICU's collation version and the settings above. */
static void key_version(char *out, size_t n)
{
	UVersionInfo v = { 0 };
	if (collator())
		ucol_getVersion(coll, v);
	snprintf(out, n, "icu-%u.%u.%u.%u-primary-numeric", v[0], v[1], v[2], v[3]);
}

struct pending {
	char id[40];
	char *nama;
};

/* Up to BATCH rows of table without a key into rows; *n read. */
static int read_missing(sk_db *db, const char *sql, struct pending *rows, int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	*n = 0;
	if (!st)
		return SK_DBERR;
	db_bind_int64(st, ":lim", BATCH);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && *n < BATCH) {
		db_col_text(st, 0, rows[*n].id, sizeof rows[*n].id);
		const char *nama = (const char *)sqlite3_column_text(st, 1);
		rows[*n].nama = strdup(nama ? nama : "");
		if (!rows[*n].nama)
			abort();
		(*n)++;
	}
	db_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

/* Give the rows of one table their keys, BATCH at a time. A name with no key (empty, ICU
 * missing) gets an empty one, so that it is not read again. */
static int fill(sk_db *db, int members, sk_err *e)
{
	/* Literals: db_prepare keeps the SQL text as the key of its statement cache. */
	const char *sel = members ? "SELECT id, nama FROM anggota WHERE urut_nama IS NULL LIMIT :lim"
				  : "SELECT id, nama FROM kelompok WHERE urut_nama IS NULL LIMIT :lim";
	struct pending *rows = calloc(BATCH, sizeof *rows);
	if (!rows)
		abort();
	int rc, n;
	do {
		rc = read_missing(db, sel, rows, &n, e);
		for (int i = 0; i < n; i++) {
			if (rc == SK_OK)
				rc = sk_sort_key_store(db, members, rows[i].id, rows[i].nama, e);
			free(rows[i].nama);
		}
	} while (rc == SK_OK && n == BATCH);
	free(rows);
	return rc;
}

/* The library's mark of the keys' version (setting "urut_nama_pustaka"): ICU's library
 * version, then keys, the keys' version it was checked against. The collation changes only
 * with the library, whose version ICU gives without reading collation data; opening the
 * collator reads the root collation (about 1.8 MB of memory, more than 10% of a session of
 * the screens that never sorts a name), so an open that finds the same library and keys
 * opens none. */
static void library_mark(const char *keys, char *out, size_t n)
{
	UVersionInfo v;
	char lib[U_MAX_VERSION_STRING_LENGTH];
	u_getVersion(v);
	u_versionToString(v, lib);
	snprintf(out, n, "%s %s", lib, keys);
}

int sk_sort_keys_refresh(sk_db *db, sk_err *e)
{
	/* dihapus IN (0,1): every row, looked up in the name indexes (dihapus, urut_nama, ...)
	 * instead of a scan of all of them (30,000 members: some 3 ms on every open). */
	sqlite3_stmt *st = db_prepare(db, "SELECT EXISTS(SELECT 1 FROM kelompok WHERE dihapus IN "
				      "(0,1) AND urut_nama IS NULL) OR EXISTS(SELECT 1 FROM anggota "
				      "WHERE dihapus IN (0,1) AND urut_nama IS NULL)", e);
	int64_t missing = 0;
	if (!st || db_count(db, st, &missing, e) != SK_OK)
		return e && e->status ? e->status : SK_DBERR;
	char want[80], have[80], mark[200], have_mark[200];
	db_setting_get(db, "urut_nama_versi", "", have, sizeof have);
	library_mark(have, mark, sizeof mark);
	if (!missing && db_setting_get(db, "urut_nama_pustaka", "", have_mark, sizeof have_mark) &&
	    strcmp(have_mark, mark) == 0)
		return SK_OK;
	key_version(want, sizeof want);
	int same = strcmp(have, want) == 0;
	library_mark(want, mark, sizeof mark);
	if (same && !missing)
		return db_setting_set(db, "urut_nama_pustaka", mark, e);
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	if (!same)
		/* Only keys there are (a row left as it is would get a new stamp from the touch
		 * trigger). */
		rc = db_exec(db, "UPDATE kelompok SET urut_nama=NULL WHERE urut_nama IS NOT NULL; "
			     "UPDATE anggota SET urut_nama=NULL WHERE urut_nama IS NOT NULL;", e);
	if (rc == SK_OK)
		rc = fill(db, 0, e);
	if (rc == SK_OK)
		rc = fill(db, 1, e);
	if (rc == SK_OK && !same)
		rc = db_setting_set(db, "urut_nama_versi", want, e);
	if (rc == SK_OK)
		rc = db_setting_set(db, "urut_nama_pustaka", mark, e);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}
