/* region.c - the official region list: loading, lookup, village search. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "csvio.h"
#include "i18n.h"
#include "region.h"
#include "util.h"

#define REGION_FILE "data/wilayah_kepmendagri_2025.csv"

int region_level(const char *kode)
{
	/* PP, PP.KK, PP.KK.CC, PP.KK.CC.DDDD */
	static const char *const shapes[] = { "99", "99.99", "99.99.99", "99.99.99.9999" };
	size_t len = kode ? strlen(kode) : 0;
	for (int lvl = 0; lvl < 4; lvl++) {
		const char *sh = shapes[lvl];
		if (len != strlen(sh))
			continue;
		size_t i;
		for (i = 0; i < len; i++)
			if (sh[i] == '.' ? kode[i] != '.' : !isdigit((unsigned char)kode[i]))
				break;
		if (i == len)
			return lvl + 1;
	}
	return 0;
}

struct load_ctx {
	sk_db *db;
	sqlite3_stmt *ins;
	sk_err *e;
	int rc;
	int rows;
};

static int load_row(void *ctx, int line, int nf, char **f)
{
	struct load_ctx *c = ctx;
	if (line == 1) {
		if (nf < 2 || strcmp(f[0], "kode") != 0 || strcmp(f[1], "nama") != 0) {
			c->rc = sk_err_set(c->e, SK_REFUSED, "%s",
					   _("Daftar wilayah tidak sah: kepala kolom harus kode,nama."));
			return 1;
		}
		return 0;
	}
	int lvl = nf >= 2 ? region_level(f[0]) : 0;
	if (!lvl || !*f[1]) {
		c->rc = sk_err_set(c->e, SK_REFUSED, _("Daftar wilayah tidak sah di baris %d."), line);
		return 1;
	}
	db_reset(c->ins);
	db_bind_text(c->ins, ":kode", f[0]);
	db_bind_text(c->ins, ":nama", f[1]);
	db_bind_int64(c->ins, ":tingkat", lvl);
	if (db_step(c->db, c->ins, c->e) != SQLITE_DONE) {
		c->rc = c->e ? c->e->status : SK_DBERR;
		return 1;
	}
	c->rows++;
	return 0;
}

int region_load_csv(sk_db *db, const char *path, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	struct load_ctx c = { .db = db, .e = e, .rc = SK_OK };
	rc = db_exec(db, "DELETE FROM wilayah", e);
	if (rc == SK_OK)
		c.ins = db_prepare(db, "INSERT OR REPLACE INTO wilayah(kode, nama, tingkat) "
				       "VALUES(:kode, :nama, :tingkat)", e);
	if (rc == SK_OK && !c.ins)
		rc = SK_DBERR;
	if (rc == SK_OK)
		rc = csv_read_file(path, load_row, &c, e);
	if (rc == SK_OK)
		rc = c.rc;
	if (rc == SK_OK && c.rows == 0)
		rc = sk_err_set(e, SK_REFUSED, _("Daftar wilayah %s kosong."), path);
	db_reset(c.ins);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

/* Rows in the region table into *n. SK_OK or the database error in e. */
static int count_regions(sk_db *db, int64_t *n, sk_err *e)
{
	return db_count(db, db_prepare(db, "SELECT count(*) FROM wilayah", e), n, e);
}

int region_count(sk_db *db)
{
	int64_t n;
	return count_regions(db, &n, NULL) == SK_OK ? (int)n : -1;
}

int region_ensure_loaded(sk_db *db, sk_err *e)
{
	int64_t n;
	int rc = count_regions(db, &n, e);
	if (rc != SK_OK || n > 0)
		return rc;
	char path[PATH_MAX];
	if (sk_find_data(REGION_FILE, path, sizeof path) != 0)
		return sk_err_set(e, SK_IOERR, _("Daftar wilayah %s tidak ditemukan. Pasang ulang SIKUBE "
						 "atau setel SIKUBE_DATA_DIR."), REGION_FILE);
	return region_load_csv(db, path, e);
}

/* 1 when kode is in the list at level lvl, 0 when not, -1 on a database error (in e). */
static int listed_at_level(sk_db *db, const char *kode, int lvl, sk_err *e)
{
	if (region_level(kode) != lvl)
		return 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM wilayah WHERE kode=:kode AND tingkat=:l", e);
	if (st) {
		db_bind_text(st, ":kode", kode);
		db_bind_int64(st, ":l", lvl);
	}
	return db_exists(db, st, e);
}

int region_is_village(sk_db *db, const char *kode, sk_err *e)
{
	return listed_at_level(db, kode, REGION_DESA, e);
}

int region_province_exists(sk_db *db, const char *pp, sk_err *e)
{
	return listed_at_level(db, pp, REGION_PROVINSI, e);
}

#define REGION_COLS \
	"SELECT d.kode, d.nama, coalesce(c.nama,''), coalesce(k.nama,''), coalesce(p.nama,'') " \
	"FROM wilayah d " \
	"LEFT JOIN wilayah c ON c.kode=substr(d.kode,1,8) " \
	"LEFT JOIN wilayah k ON k.kode=substr(d.kode,1,5) " \
	"LEFT JOIN wilayah p ON p.kode=substr(d.kode,1,2) "

static void read_region(sqlite3_stmt *st, sk_region *r)
{
	db_col_text(st, 0, r->kode, sizeof r->kode);
	db_col_text(st, 1, r->nama, sizeof r->nama);
	db_col_text(st, 2, r->kecamatan, sizeof r->kecamatan);
	db_col_text(st, 3, r->kabupaten, sizeof r->kabupaten);
	db_col_text(st, 4, r->provinsi, sizeof r->provinsi);
}

int region_get(sk_db *db, const char *kode, sk_region *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, REGION_COLS "WHERE d.kode=:kode AND d.tingkat=4", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":kode", kode);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW)
		read_region(st, out);
	db_reset(st);
	if (rc == SQLITE_ROW)
		return SK_OK;
	if (rc == SQLITE_DONE)
		return sk_err_set(e, SK_NOTFOUND, _("Kode wilayah %s bukan desa/kelurahan dalam daftar "
						    "resmi."), kode);
	return e ? e->status : SK_DBERR;
}

/* The villages a search matches: by part of the name or by the start of the code. */
#define VILLAGE_MATCH \
	"WHERE d.tingkat=4 AND (:t IS NULL OR d.nama LIKE '%' || :t || '%'" DB_LIKE_ESCAPE " OR " \
	"d.kode LIKE :t || '%'" DB_LIKE_ESCAPE ") "

int region_search_count(sk_db *db, const char *text)
{
	return db_count_like(db, "SELECT count(*) FROM wilayah d " VILLAGE_MATCH, ":t", text);
}

int region_search(sk_db *db, const char *text, int offset, int limit, sk_region *out, int *n,
		  sk_err *e)
{
	/* Walks the (tingkat, nama) index in name order and stops at the page's end. A code typed
	 * in ("31.71.08") matches by prefix. */
	sqlite3_stmt *st = db_prepare(db, REGION_COLS
		VILLAGE_MATCH "ORDER BY d.nama, d.kode LIMIT :lim OFFSET :off", e);
	*n = 0;
	if (!st)
		return SK_DBERR;
	db_bind_like(st, ":t", text);
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && *n < limit)
		read_region(st, &out[(*n)++]);
	db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}
