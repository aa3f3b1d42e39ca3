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
	sqlite3_reset(c->ins);
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

int region_count(sk_db *db)
{
	return (int)db_int(db, "SELECT count(*) FROM wilayah", 0);
}

int region_ensure_loaded(sk_db *db, sk_err *e)
{
	if (region_count(db) > 0)
		return SK_OK;
	char path[PATH_MAX];
	if (sk_find_data(REGION_FILE, path, sizeof path) != 0)
		return sk_err_set(e, SK_IOERR, _("Daftar wilayah %s tidak ditemukan. Pasang ulang SIKUBE "
						 "atau setel SIKUBE_DATA_DIR."), REGION_FILE);
	return region_load_csv(db, path, e);
}

static int exists(sk_db *db, const char *sql, const char *kode)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return 0;
	db_bind_text(st, ":kode", kode);
	int found = sqlite3_step(st) == SQLITE_ROW;
	db_reset(st);
	return found;
}

int region_is_village(sk_db *db, const char *kode)
{
	return region_level(kode) == REGION_DESA &&
	       exists(db, "SELECT 1 FROM wilayah WHERE kode=:kode AND tingkat=4", kode);
}

int region_province_exists(sk_db *db, const char *pp)
{
	return region_level(pp) == REGION_PROVINSI &&
	       exists(db, "SELECT 1 FROM wilayah WHERE kode=:kode AND tingkat=1", pp);
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

/* Bind text to :t with LIKE's wildcards escaped (ESCAPE '\\'), so "10%" is looked up as typed. */
static void bind_like(sqlite3_stmt *st, const char *text)
{
	char esc[256];
	size_t j = 0;
	for (const char *p = text ? text : ""; *p && j + 2 < sizeof esc; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			esc[j++] = '\\';
		esc[j++] = *p;
	}
	esc[j] = '\0';
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":t"), esc, -1, SQLITE_TRANSIENT);
}

/* The villages a search matches: by part of the name or by the start of the code. */
#define VILLAGE_MATCH \
	"WHERE d.tingkat=4 AND (d.nama LIKE '%' || :t || '%' ESCAPE '\\' OR d.kode LIKE :t || '%' ESCAPE '\\') "

int region_search_count(sk_db *db, const char *text)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM wilayah d " VILLAGE_MATCH, NULL);
	if (!st)
		return -1;
	bind_like(st, text);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	db_reset(st);
	return n;
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
	bind_like(st, text);
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && *n < limit)
		read_region(st, &out[(*n)++]);
	db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}
