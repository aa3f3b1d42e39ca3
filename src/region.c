/* region.c - the official region list: loading, lookup, village search. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "db_row.h"
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

int region_exists(sk_db *db, const char *kode, sk_err *e)
{
	if (region_level(kode) == 0)
		return 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM wilayah WHERE kode=:kode", e);
	if (st)
		db_bind_text(st, ":kode", kode);
	return db_exists(db, st, e);
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
	db_read_cols(st, 0, "sssss", DB_OUT(r->kode), DB_OUT(r->nama), DB_OUT(r->kecamatan),
			    DB_OUT(r->kabupaten), DB_OUT(r->provinsi));
}

int region_get(sk_db *db, const char *kode, sk_region *out, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, REGION_COLS "WHERE d.kode=:kode AND d.tingkat=4", e,
					":kode", kode);
	if (!st)
		return SK_DBERR;
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

/* Bind text to parameter name with LIKE's wildcards escaped (ESCAPE '\\'), so "10%" is looked
 * up as typed; NULL binds NULL, "" an empty text (which any name contains: db_bind_like binds
 * it as NULL). */
static void bind_word(sqlite3_stmt *st, const char *name, const char *text)
{
	int i = sqlite3_bind_parameter_index(st, name);
	if (!i)
		return;
	if (!text) {
		sqlite3_bind_null(st, i);
		return;
	}
	char esc[256];
	size_t j = 0;
	for (const char *p = text; *p && j + 2 < sizeof esc; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			esc[j++] = '\\';
		esc[j++] = *p;
	}
	esc[j] = '\0';
	sqlite3_bind_text(st, i, esc, -1, SQLITE_TRANSIENT);
}

/* A search as typed: the first word is part of the village's name or the start of its code
 * (digits without dots are read as a code: 357901 is 35.79.01); each further word is part of
 * the name of the village, its kecamatan or its kabupaten/kota ("temas batu"). */
#define SEARCH_WORDS 4
struct search {
	char words[SEARCH_WORDS][64];
	int n;
	char code[80];          /* the first word as a code prefix */
};

static void parse_search(const char *text, struct search *q)
{
	memset(q, 0, sizeof *q);
	for (const char *p = text ? text : ""; *p && q->n < SEARCH_WORDS;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		snprintf(q->words[q->n++], sizeof q->words[0], "%.*s", (int)len, p);
		p += len;
	}
	const char *w = q->words[0];
	size_t len = strlen(w);
	if (len && strspn(w, "0123456789") == len) {
		size_t j = 0;
		for (size_t i = 0; i < len && j + 2 < sizeof q->code; i++) {
			if (i == 2 || i == 4 || i == 6)
				q->code[j++] = '.';
			q->code[j++] = w[i];
		}
		q->code[j] = '\0';
	} else {
		snprintf(q->code, sizeof q->code, "%s", w);
	}
}

/* The villages a search matches; one word needs no join, more words look at the kecamatan
 * (c) and kabupaten (k) names too. :x 1 keeps the exact name matches, 0 the others, NULL all. */
#define MATCH_FIRST \
	"d.tingkat=4 AND (d.nama LIKE '%' || :w1 || '%' ESCAPE '\\' OR d.kode LIKE :c || '%' ESCAPE '\\') " \
	"AND (:x IS NULL OR (d.nama = :e COLLATE NOCASE) = :x) "
#define MATCH_MORE(w) \
	"AND (" w " IS NULL OR d.nama LIKE '%' || " w " || '%' ESCAPE '\\' OR c.nama LIKE '%' || " w \
	" || '%' ESCAPE '\\' OR k.nama LIKE '%' || " w " || '%' ESCAPE '\\') "
#define PARENTS \
	"LEFT JOIN wilayah c ON c.kode=substr(d.kode,1,8) LEFT JOIN wilayah k ON k.kode=substr(d.kode,1,5) "
#define MATCH_ALL MATCH_FIRST MATCH_MORE(":w2") MATCH_MORE(":w3") MATCH_MORE(":w4")

static void bind_search(sqlite3_stmt *st, const struct search *q, int exact)
{
	static const char *const names[SEARCH_WORDS] = { ":w1", ":w2", ":w3", ":w4" };
	for (int i = 0; i < SEARCH_WORDS; i++)
		bind_word(st, names[i], i < q->n ? q->words[i] : i == 0 ? "" : NULL);
	bind_word(st, ":c", q->code);
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":e"), q->words[0], -1,
			  SQLITE_TRANSIENT);
	if (exact < 0)
		sqlite3_bind_null(st, sqlite3_bind_parameter_index(st, ":x"));
	else
		sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":x"), exact);
}

/* Matches of q; exact 1: only villages named exactly as the first word, 0: the others, -1:
 * all. -1 on a database error. */
static int count_matches(sk_db *db, const struct search *q, int exact)
{
	sqlite3_stmt *st = db_prepare(db, q->n > 1 ? "SELECT count(*) FROM wilayah d " PARENTS
				      "WHERE " MATCH_ALL : "SELECT count(*) FROM wilayah d WHERE "
				      MATCH_FIRST, NULL);
	int64_t n = 0;
	if (!st)
		return -1;
	bind_search(st, q, exact);
	return db_count(db, st, &n, NULL) == SK_OK ? (int)n : -1;
}

int region_search_count(sk_db *db, const char *text)
{
	struct search q;
	parse_search(text, &q);
	return count_matches(db, &q, -1);
}

/* Rows of q (exact as in count_matches) from offset, up to limit, appended to out[*n..]. */
static int fetch_matches(sk_db *db, const struct search *q, int exact, int offset, int limit,
			 sk_region *out, int *n, sk_err *e)
{
	/* Walks the (tingkat, nama) index in name order and stops at the page's end. */
	sqlite3_stmt *st = db_prepare(db, q->n > 1 ?
		REGION_COLS "WHERE " MATCH_ALL "ORDER BY d.nama, d.kode LIMIT :lim OFFSET :off" :
		REGION_COLS "WHERE " MATCH_FIRST "ORDER BY d.nama, d.kode LIMIT :lim OFFSET :off", e);
	if (!st)
		return SK_DBERR;
	bind_search(st, q, exact);
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && limit-- > 0)
		read_region(st, &out[(*n)++]);
	return db_rows_end(st, rc, e);
}

int region_search(sk_db *db, const char *text, int offset, int limit, sk_region *out, int *n,
		  sk_err *e)
{
	struct search q;
	parse_search(text, &q);
	*n = 0;
	/* A village named exactly as typed comes first ("Temas" before "Ketemasdungus"). */
	int exact = q.n ? count_matches(db, &q, 1) : 0;
	if (exact < 0)
		return sk_err_set(e, SK_DBERR, "%s", _("Daftar wilayah tidak dapat dibaca."));
	int rc = SK_OK;
	if (offset < exact)
		rc = fetch_matches(db, &q, 1, offset, limit, out, n, e);
	if (rc == SK_OK && *n < limit)
		rc = fetch_matches(db, &q, q.n ? 0 : -1, offset + *n - exact, limit - *n, out, n, e);
	return rc;
}
