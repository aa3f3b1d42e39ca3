/* report.c - command-line and screen reports. */
#include <stdio.h>
#include <string.h>
#include "assessment.h"
#include "i18n.h"
#include "report_priv.h"
#include "util.h"

/* Page cache while `report groups` runs, in KiB. */
#define REPORT_CACHE_KIB 6144

/* One row of `report groups`. */
struct group_fig {
	char id[40], nama[SK_NAME_BYTES], kode_wilayah[16], desa[128], tingkat[16], terakhir[16], kode[40];
	int aktif, dinilai, miskin;
	int64_t umum, iks;
};

static const char GROUPS_SQL[] =
	/* skor of each active member's latest assessment (NULL: never assessed), recomputed
	 * from the criteria: the stored skor/kategori may predate a change of threshold.
	 * Members are read from the covering index anggota_urut (the unary + keeps SQLite
	 * from choosing anggota_cari and a table lookup per member). */
	"WITH aktif AS MATERIALIZED (SELECT a.kelompok_id, "
	ASSESSMENT_LATEST_SQL("a.id", ASSESSMENT_SCORE_SQL("q_"), "") " AS skor FROM anggota a "
	"  WHERE +a.dihapus=0 AND a.tanggal_keluar IS NULL), "
	"lat AS (SELECT kelompok_id, count(*) n, count(skor) dinilai, "
	"  coalesce(sum(skor >= :t),0) miskin FROM aktif GROUP BY kelompok_id), "
	/* Balances as the triggers keep them in saldo_kas (checked against the ledger by
	 * `sikube check`). */
	"ks AS (SELECT kelompok_id, sum(CASE WHEN buku='umum' THEN saldo ELSE 0 END) umum, "
	"  sum(CASE WHEN buku='iks' THEN saldo ELSE 0 END) iks FROM saldo_kas "
	"  GROUP BY kelompok_id) "
	"SELECT g.id, g.nama, g.kode_wilayah, coalesce(w.nama,''), g.tingkat, coalesce(lat.n,0), "
	"coalesce(lat.dinilai,0), coalesce(lat.miskin,0), "
	/* The last meeting: one index entry per group (pertemuan_kelompok). */
	"coalesce((SELECT max(p.tanggal) FROM pertemuan p WHERE p.kelompok_id=g.id AND "
	"p.dihapus=0),''), coalesce(ks.umum,0), "
	"coalesce(ks.iks,0), coalesce(g.kode,'') FROM kelompok g LEFT JOIN wilayah w ON w.kode=g.kode_wilayah "
	"LEFT JOIN lat ON lat.kelompok_id=g.id LEFT JOIN ks ON ks.kelompok_id=g.id "
	"WHERE g.dihapus=0 AND (:g IS NULL OR g.id=:g) ORDER BY g.urut_nama, g.id";

static void read_fig(sqlite3_stmt *st, struct group_fig *f)
{
	db_col_text(st, 0, f->id, sizeof f->id);
	db_col_text(st, 1, f->nama, sizeof f->nama);
	db_col_text(st, 2, f->kode_wilayah, sizeof f->kode_wilayah);
	db_col_text(st, 3, f->desa, sizeof f->desa);
	db_col_text(st, 4, f->tingkat, sizeof f->tingkat);
	f->aktif = sqlite3_column_int(st, 5);
	f->dinilai = sqlite3_column_int(st, 6);
	f->miskin = sqlite3_column_int(st, 7);
	db_col_text(st, 8, f->terakhir, sizeof f->terakhir);
	f->umum = sqlite3_column_int64(st, 9);
	f->iks = sqlite3_column_int64(st, 10);
	db_col_text(st, 11, f->kode, sizeof f->kode);
}

/* Percent of assessed members who are poor, rounded; "" when none assessed. */
static void percent(int part, int whole, char *out, size_t n)
{
	if (whole <= 0)
		out[0] = '\0';
	else
		snprintf(out, n, "%d", (part * 200 + whole) / (2 * whole));
}

/* spec/cli.md's columns; the workbook also has the group's code beside its id. */
static const xlsx_col GROUP_COLS[] = {
	{ "kelompok_id", XC_CODE, 0 }, { "kode", XC_CODE, 1 }, { "nama", XC_TEXT, 0 },
	{ "kode_wilayah", XC_CODE, 0 }, { "tingkat", XC_CODE, 0 }, { "anggota_aktif", XC_INT, 0 },
	{ "anggota_dinilai", XC_INT, 0 }, { "anggota_miskin", XC_INT, 0 },
	{ "persen_miskin", XC_INT, 0 }, { "pertemuan_terakhir", XC_DATE, 0 },
	{ "saldo_umum", XC_MONEY, 0 }, { "saldo_iks", XC_MONEY, 0 },
};

static void groups_table_row(report_table *t, const struct group_fig *f)
{
	char pct[16];
	percent(f->miskin, f->dinilai, pct, sizeof pct);
	report_table_str(t, f->id);
	report_table_str(t, f->kode);
	report_table_str(t, f->nama);
	report_table_str(t, f->kode_wilayah);
	report_table_str(t, f->tingkat);
	report_table_int(t, f->aktif);
	report_table_int(t, f->dinilai);
	report_table_int(t, f->miskin);
	report_table_str(t, pct);
	report_table_str(t, f->terakhir);
	report_table_int(t, f->umum);
	report_table_int(t, f->iks);
	report_table_eol(t);
}

static void groups_text_row(FILE *out, const struct group_fig *f)
{
	char pct[16], umum[32], iks[32];
	percent(f->miskin, f->dinilai, pct, sizeof pct);
	sk_format_rupiah(f->umum, umum, sizeof umum);
	sk_format_rupiah(f->iks, iks, sizeof iks);
	fprintf(out, "%s\n", f->nama);
	fprintf(out, "  %s %s (%s), %s: %s\n", _("Wilayah"), f->kode_wilayah, f->desa, _("tingkat"),
		_(f->tingkat));
	fprintf(out, _("  Anggota aktif %d, dinilai %d, miskin %d%s%s%s\n"), f->aktif, f->dinilai,
		f->miskin, *pct ? " (" : "", pct, *pct ? "%)" : "");
	fprintf(out, _("  Pertemuan terakhir: %s\n"), *f->terakhir ? f->terakhir : "-");
	fprintf(out, _("  Saldo kas umum Rp %s, saldo IKS Rp %s\n\n"), umum, iks);
}

int report_groups(sk_db *db, const char *group_id, report_format fmt, FILE *out, sk_err *e)
{
	report_opts o = { .group_id = group_id, .fmt = fmt };
	return report_groups_run(db, &o, out, e);
}

int report_groups_run(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	const char *group_id = o->group_id;
	report_table t;
	int rc = report_table_begin(&t, o, out, "kelompok", GROUP_COLS,
				    (int)(sizeof GROUP_COLS / sizeof GROUP_COLS[0]), 1, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, GROUPS_SQL, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", group_id);
	db_bind_int64(st, ":t", assessment_threshold(db));
	int rows = 0;
	struct group_fig f;
	/* Room for the assessment and member indexes read whole (about 2,500 pages for a
	 * kabupaten of 30,000 members) instead of reading pages again and again. */
	int64_t cache = db_cache_set(db, REPORT_CACHE_KIB);
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		read_fig(st, &f);
		if (o->fmt == REPORT_TEXT)
			groups_text_row(out, &f);
		else
			groups_table_row(&t, &f);
		rows++;
	}
	db_reset(st);
	db_cache_restore(db, cache);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	if (o->fmt == REPORT_TEXT && rows == 0)
		fprintf(out, "%s\n", _("Belum ada kelompok."));
	if (group_id && rows == 0)
		return sk_err_set(e, SK_NOTFOUND, _("Kelompok %s tidak ditemukan."), group_id);
	return SK_OK;
}

int report_find_group(sk_db *db, const char *key, char id[37], sk_err *e)
{
	/* An id first, then the code as typed, then the code in any case. */
	static const char *const SQL[] = {
		"SELECT id FROM kelompok WHERE dihapus=0 AND id=:k",
		"SELECT id FROM kelompok WHERE dihapus=0 AND kode=:k ORDER BY id LIMIT 2",
		"SELECT id FROM kelompok WHERE dihapus=0 AND kode=:k COLLATE NOCASE ORDER BY id LIMIT 2",
	};
	id[0] = '\0';
	for (int i = 0; i < 3 && key && *key; i++) {
		sqlite3_stmt *st = db_prepare(db, SQL[i], e);
		if (!st)
			return SK_DBERR;
		db_bind_text(st, ":k", key);
		int rc, n = 0;
		while ((rc = db_step(db, st, e)) == SQLITE_ROW)
			if (n++ == 0)
				db_col_text(st, 0, id, 37);
		db_reset(st);
		if (rc != SQLITE_DONE)
			return e ? e->status : SK_DBERR;
		if (n == 1)
			return SK_OK;
		if (n > 1)
			return sk_err_set(e, SK_REFUSED, _("Kode %s dipakai lebih dari satu kelompok; "
							   "pakai id kelompok (report groups --format "
							   "csv)."), key);
	}
	id[0] = '\0';
	return sk_err_set(e, SK_NOTFOUND, _("Kelompok %s tidak ditemukan."), key ? key : "");
}
