/* report.c - command-line and screen reports. */
#include <stdio.h>
#include <string.h>
#include "assessment.h"
#include "csvio.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

/* Page cache while `report groups` runs, in KiB. */
#define REPORT_CACHE_KIB 6144

/* One row of `report groups`. */
struct group_fig {
	char id[40], nama[SK_NAME_BYTES], kode_wilayah[16], desa[128], tingkat[16], terakhir[16];
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
	"coalesce(ks.iks,0) FROM kelompok g LEFT JOIN wilayah w ON w.kode=g.kode_wilayah "
	"LEFT JOIN lat ON lat.kelompok_id=g.id LEFT JOIN ks ON ks.kelompok_id=g.id "
	"WHERE g.dihapus=0 AND (:g IS NULL OR g.id=:g) ORDER BY g.nama, g.id";

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
}

/* Percent of assessed members who are poor, rounded; "" when none assessed. */
static void percent(int part, int whole, char *out, size_t n)
{
	if (whole <= 0)
		out[0] = '\0';
	else
		snprintf(out, n, "%d", (part * 200 + whole) / (2 * whole));
}

static void groups_csv_header(csv_out *w)
{
	static const char *const cols[] = { "kelompok_id", "nama", "kode_wilayah", "tingkat",
		"anggota_aktif", "anggota_dinilai", "anggota_miskin", "persen_miskin",
		"pertemuan_terakhir", "saldo_umum", "saldo_iks", NULL };
	for (int i = 0; cols[i]; i++)
		csv_out_raw(w, cols[i]);
	csv_out_eol(w);
}

static void groups_csv_row(csv_out *w, const struct group_fig *f)
{
	char pct[16];
	percent(f->miskin, f->dinilai, pct, sizeof pct);
	csv_out_raw(w, f->id);
	csv_out_text(w, f->nama);
	csv_out_raw(w, f->kode_wilayah);
	csv_out_raw(w, f->tingkat);
	csv_out_int(w, f->aktif);
	csv_out_int(w, f->dinilai);
	csv_out_int(w, f->miskin);
	csv_out_raw(w, pct);
	csv_out_raw(w, f->terakhir);
	csv_out_int(w, f->umum);
	csv_out_int(w, f->iks);
	csv_out_eol(w);
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
	sqlite3_stmt *st = db_prepare(db, GROUPS_SQL, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", group_id);
	db_bind_int64(st, ":t", assessment_threshold(db));
	csv_out w;
	csv_out_init(&w, out, 0);
	if (fmt == REPORT_CSV)
		groups_csv_header(&w);
	int rc, rows = 0;
	struct group_fig f;
	/* Room for the assessment and member indexes read whole (about 2,500 pages for a
	 * kabupaten of 30,000 members) instead of reading pages again and again. */
	int64_t cache = db_cache_set(db, REPORT_CACHE_KIB);
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		read_fig(st, &f);
		if (fmt == REPORT_CSV)
			groups_csv_row(&w, &f);
		else
			groups_text_row(out, &f);
		rows++;
	}
	db_reset(st);
	db_cache_restore(db, cache);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	if (fmt == REPORT_TEXT && rows == 0)
		fprintf(out, "%s\n", _("Belum ada kelompok."));
	if (group_id && rows == 0)
		return sk_err_set(e, SK_NOTFOUND, _("Kelompok %s tidak ditemukan."), group_id);
	return SK_OK;
}
