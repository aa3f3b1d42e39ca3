/* report_audit.c - `report audit` (the trail, filtered) and `report person --nik` (what is held
 * on one person, UU 27/2022 Pasal 32); issue 16. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "db_access.h"
#include "i18n.h"
#include "report_priv.h"
#include "util.h"
#include "validate.h"

#define AUDIT_WHERE \
	" WHERE (:op IS NULL OR operator=:op OR operator2=:op) AND (:g IS NULL OR kelompok_id=:g)" \
	" AND (:m IS NULL OR anggota_id=:m) AND (:mo IS NULL OR substr(waktu,1,7)=:mo)" \
	" AND (:f IS NULL OR substr(waktu,1,10)>=:f) AND (:t IS NULL OR substr(waktu,1,10)<=:t)"

static const char AUDIT_SQL[] =
	"SELECT no, waktu, operator, coalesce(operator2,''), coalesce(peran,''), aksi, "
	"coalesce(tabel,''), coalesce(baris_id,''), coalesce(kelompok_id,''), "
	"coalesce(anggota_id,''), coalesce(lama,''), coalesce(baru,''), coalesce(keterangan,'') "
	"FROM jejak" AUDIT_WHERE " ORDER BY no LIMIT :lim OFFSET :off";
static const char AUDIT_COUNT_SQL[] = "SELECT count(*) FROM jejak" AUDIT_WHERE;

static void bind_filter(sqlite3_stmt *st, const report_opts *o)
{
	db_bind_texts(st, ":op", o->operator, ":g", o->group_id, ":m", o->member_id,
			  ":mo", o->month, ":f", o->from, ":t", o->to);
}

static const xlsx_col AUDIT_COLS[] = {
	{ "no", XC_INT, 0 }, { "waktu", XC_CODE, 0 }, { "operator", XC_CODE, 0 },
	{ "operator2", XC_CODE, 0 }, { "peran", XC_CODE, 0 }, { "aksi", XC_CODE, 0 },
	{ "tabel", XC_CODE, 0 }, { "baris_id", XC_CODE, 0 }, { "kelompok_id", XC_CODE, 0 },
	{ "anggota_id", XC_CODE, 0 }, { "lama", XC_TEXT, 0 }, { "baru", XC_TEXT, 0 },
	{ "keterangan", XC_TEXT, 0 },
};
static const report_query AUDIT_QUERY = REPORT_QUERY("jejak", AUDIT_COLS, AUDIT_SQL);

/* "kolom: lama -> baru; ..." of a change from its JSON (lama and baru objects), or the note,
 * into out. Uses SQLite's JSON functions. */
static void summary(sk_db *db, const char *lama, const char *baru, const char *ket, char *out,
		    size_t n)
{
	*out = '\0';
	if (!*lama && !*baru) {
		sk_strlcpy(out, ket, n);
		return;
	}
	sqlite3_stmt *st = db_prepare(db, "SELECT j.key, coalesce(json_extract(:l, '$.\"' || j.key "
				      "|| '\"'),''), coalesce(j.value,'') FROM json_each(CASE WHEN :b = '' "
				      "THEN :l ELSE :b END) j", NULL);
	if (!st)
		return;
	db_bind_text(st, ":l", *lama ? lama : "{}");
	db_bind_text(st, ":b", baru);
	size_t len = 0;
	while (db_step(db, st, NULL) == SQLITE_ROW && len + 1 < n) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *o = (const char *)sqlite3_column_text(st, 1);
		const char *v = (const char *)sqlite3_column_text(st, 2);
		if (*baru && *lama)
			len += (size_t)snprintf(out + len, n - len, "%s%s: %s -> %s", len ? "; " : "", k,
						o, v);
		else
			len += (size_t)snprintf(out + len, n - len, "%s%s=%s", len ? "; " : "", k,
						*baru ? v : o);
	}
	db_reset(st);
	if (len >= n && n > 4)
		strcpy(out + n - 4, "...");
}

int report_audit_count(sk_db *db, const report_opts *o)
{
	sqlite3_stmt *st = db_prepare(db, AUDIT_COUNT_SQL, NULL);
	int64_t n;
	if (st)
		bind_filter(st, o);
	return db_count(db, st, &n, NULL) == SK_OK ? (int)n : -1;
}

int report_audit_list(sk_db *db, const report_opts *o, int offset, int limit, sk_audit_row *out,
		      int *n, sk_err *e)
{
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, AUDIT_SQL, e);
	if (!st)
		return SK_DBERR;
	bind_filter(st, o);
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc;
	char lama[4096], baru[4096], ket[512];
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && *n < limit) {
		sk_audit_row *r = &out[(*n)++];
		db_read_cols(st, 0, "Isss", &r->no, DB_OUT(r->waktu), DB_OUT(r->operator),
				    DB_OUT(r->operator2));
		db_col_text(st, 5, r->aksi, sizeof r->aksi);
		db_col_text(st, 6, r->tabel, sizeof r->tabel);
		db_col_text(st, 7, r->baris_id, sizeof r->baris_id);
		db_col_text(st, 10, lama, sizeof lama);
		db_col_text(st, 11, baru, sizeof baru);
		db_col_text(st, 12, ket, sizeof ket);
		summary(db, lama, baru, ket, r->ringkas, sizeof r->ringkas);
	}
	return db_rows_end(st, rc, e);
}

int report_audit(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	report_table t;
	int rc = report_query_begin(&t, o, out, db, &AUDIT_QUERY, e);
	if (rc != SK_OK)
		return rc;
	bind_filter(t.st, o);
	db_bind_int64(t.st, ":lim", -1);
	db_bind_int64(t.st, ":off", 0);
	if (o->fmt == REPORT_TEXT)
		fprintf(out, "%s\n", _("Jejak audit (waktu UTC)"));
	int rows = 0;
	while ((rc = db_step(db, t.st, e)) == SQLITE_ROW) {
		const char *c[13];
		for (int i = 0; i < 13; i++)
			c[i] = (const char *)sqlite3_column_text(t.st, i);
		rows++;
		if (o->fmt != REPORT_TEXT) {
			report_table_int(&t, sqlite3_column_int64(t.st, 0));
			for (int i = 1; i < 13; i++)
				report_table_str(&t, c[i]);
			report_table_eol(&t);
			continue;
		}
		char sum[1024];
		summary(db, c[10], c[11], c[12], sum, sizeof sum);
		fprintf(out, "%5s %s %s%s%s %s %s %s\n", c[0], c[1], c[2], *c[3] ? "+" : "", c[3], c[5],
			c[6], c[7]);
		if (*sum)
			fprintf(out, "      %s\n", sum);
	}
	db_reset(t.st);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	if (o->fmt == REPORT_TEXT && rows == 0)
		fprintf(out, "%s\n", _("Tidak ada catatan jejak yang cocok."));
	return SK_OK;
}

int report_member_by_nik(sk_db *db, const char *nik, char id[37], sk_err *e)
{
	return db_row_text(db, "SELECT id FROM anggota WHERE nik=:n ORDER BY dihapus, diubah_pada DESC "
			   "LIMIT 1", ":n", nik, _("Tidak ada anggota dengan NIK itu."), e, 1, id,
			   (size_t)37);
}

/* ---- report person ---- */

static const xlsx_col PERSON_COLS[] = {
	{ "tabel", XC_CODE, 0 }, { "baris_id", XC_CODE, 0 }, { "kolom", XC_CODE, 0 },
	{ "nilai", XC_TEXT, 0 },
};

/* Every row of table tab whose column col is one of the member ids (the temporary table
 * temp.orang_id): text as sections, CSV as long rows. */
static int person_rows(sk_db *db, const char *tab, const char *col, const report_opts *o,
		       report_table *t, FILE *out, int *rows, sk_err *e)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT * FROM main.\"%s\" WHERE \"%s\" IN (SELECT id FROM "
		 "temp.orang_id) ORDER BY 1", tab, col);
	sqlite3_stmt *st = db_prepare_once(db, sql, e);
	if (!st)
		return SK_DBERR;
	int rc, nc = sqlite3_column_count(st);
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		(*rows)++;
		const char *key = (const char *)sqlite3_column_text(st, 0);
		if (o->fmt == REPORT_TEXT)
			fprintf(out, "\n[%s]\n", tab);
		for (int i = 0; i < nc; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			const char *name = sqlite3_column_name(st, i);
			if (o->fmt == REPORT_TEXT) {
				fprintf(out, "  %-22s %s\n", name, v ? v : "");
			} else {
				report_table_row(t, "ssss", tab, key, name, v);
			}
		}
	}
	db_finalize(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int report_person(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	if (!o->nik || !sk_all_digits(o->nik, 16))
		return sk_err_set(e, SK_REFUSED, "%s", _("--nik perlu NIK 16 angka."));
	report_table t;
	int rc = report_table_begin(&t, o, out, "orang", PERSON_COLS, 4, 1, e);
	if (rc != SK_OK)
		return rc;
	/* The member ids with that NIK, kept for the queries below (the temp schema is the
	 * connection's own scratch, not the database). */
	rc = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS orang_id(id TEXT PRIMARY KEY); "
		     "DELETE FROM temp.orang_id", e);
	sqlite3_stmt *st = rc == SK_OK ? db_prepare(db, "INSERT OR IGNORE INTO temp.orang_id "
						    "SELECT id FROM anggota WHERE nik=:n", e) : NULL;
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":n", o->nik);
	if (db_step(db, st, e) != SQLITE_DONE) {
		db_reset(st);
		return e ? e->status : SK_DBERR;
	}
	db_reset(st);
	int64_t people = db_int(db, "SELECT count(*) FROM temp.orang_id", 0);
	if (!people)
		return sk_err_set(e, SK_NOTFOUND, "%s", _("Tidak ada anggota dengan NIK itu."));
	if (o->fmt == REPORT_TEXT)
		fprintf(out, _("Data yang disimpan tentang satu orang (UU 27/2022 Pasal 32): %lld "
			       "catatan anggota\n"), (long long)people);
	int rows = 0;
	rc = person_rows(db, "anggota", "id", o, &t, out, &rows, e);
	/* Every table that names a member: assessments, attendance, savings, loans ... */
	sqlite3_stmt *tabs = rc == SK_OK ? db_prepare_once(db, "SELECT m.name FROM sqlite_schema m "
		"WHERE m.type='table' AND m.name NOT IN ('anggota','jejak') AND EXISTS (SELECT 1 FROM "
		"pragma_table_info(m.name) WHERE name='anggota_id') ORDER BY m.name", e) : NULL;
	if (rc == SK_OK && !tabs)
		rc = SK_DBERR;
	char names[32][64];
	int nt = 0;
	while (rc == SK_OK && db_step(db, tabs, e) == SQLITE_ROW && nt < 32)
		db_col_text(tabs, 0, names[nt++], sizeof names[0]);
	db_finalize(tabs);
	for (int i = 0; rc == SK_OK && i < nt; i++)
		if (strspn(names[i], "abcdefghijklmnopqrstuvwxyz_0123456789") == strlen(names[i]))
			rc = person_rows(db, names[i], "anggota_id", o, &t, out, &rows, e);
	/* The trail about them. */
	if (rc == SK_OK) {
		if (o->fmt == REPORT_TEXT)
			fprintf(out, "\n%s\n", _("Jejak audit tentang orang ini:"));
		sqlite3_stmt *j = db_prepare(db, "SELECT no, waktu, operator, aksi, coalesce(tabel,''), "
					     "coalesce(lama,''), coalesce(baru,''), coalesce(keterangan,'') "
					     "FROM jejak WHERE anggota_id IN (SELECT id FROM temp.orang_id) "
					     "ORDER BY no", e);
		if (!j)
			rc = SK_DBERR;
		while (rc == SK_OK && db_step(db, j, e) == SQLITE_ROW) {
			char sum[1024], key[32];
			const char *c[8];
			for (int i = 0; i < 8; i++)
				c[i] = (const char *)sqlite3_column_text(j, i);
			summary(db, c[5], c[6], c[7], sum, sizeof sum);
			snprintf(key, sizeof key, "%s", c[0]);
			if (o->fmt == REPORT_TEXT) {
				fprintf(out, "  %s %s %s %s %s\n", c[0], c[1], c[2], c[3], c[4]);
				if (*sum)
					fprintf(out, "      %s\n", sum);
			} else {
				report_table_row(&t, "ssss", "jejak", key, c[3], sum);
			}
		}
		if (j)
			db_reset(j);
	}
	char first[SK_UUID_LEN + 1] = "";
	sqlite3_stmt *f = db_prepare(db, "SELECT id FROM temp.orang_id ORDER BY id LIMIT 1", NULL);
	if (f && db_step(db, f, NULL) == SQLITE_ROW)
		db_col_text(f, 0, first, sizeof first);
	db_reset(f);
	db_exec(db, "DELETE FROM temp.orang_id", NULL);
	if (rc != SK_OK)
		return rc;
	/* A whole NIK read (and everything on the person). */
	return db_audit_note(db, "baca_nik", "anggota", first, NULL, first,
			     "laporan person: semua data satu orang", e);
}
