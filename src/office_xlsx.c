/* office_xlsx.c - the office's data as one workbook: a sheet per table, names beside ids. */
#include <string.h>
#include "assessment.h"
#include "i18n.h"
#include "member.h"
#include "office_xlsx.h"
#include "xlsx.h"

/* Rows between progress reports. */
#define PROGRESS_ROWS 5000

/* The group of a row, beside its id: kode and nama (alias g). */
#define GROUP_COLS { "kelompok_kode", XC_CODE, 0 }, { "kelompok_nama", XC_TEXT, 0 }
#define GROUP_SQL "coalesce(g.kode,''), coalesce(g.nama,'')"
/* A live group (or none: a row whose group is missing still shows). */
#define GROUP_LIVE "coalesce(g.dihapus,0)=0"

static const xlsx_col KELOMPOK[] = {
	{ "id", XC_CODE, 0 }, { "kode", XC_CODE, 0 }, { "nama", XC_TEXT, 0 },
	{ "kode_wilayah", XC_CODE, 0 }, { "desa_kelurahan", XC_TEXT, 0 }, { "alamat", XC_TEXT, 0 },
	{ "jenis_usaha", XC_CODE, 0 }, { "bidang_usaha", XC_TEXT, 0 },
	{ "tanggal_berdiri", XC_DATE, 0 }, { "tingkat", XC_CODE, 0 }, { "pendamping", XC_TEXT, 0 },
	{ "telepon_pendamping", XC_CODE, 0 }, { "iuran_kas", XC_MONEY, 0 },
	{ "iuran_iks", XC_MONEY, 0 }, { "bantuan_uep", XC_MONEY, 0 },
	{ "tahun_bantuan", XC_INT, 0 }, { "catatan", XC_TEXT, 0 },
};
static const char KELOMPOK_SQL[] =
	"SELECT g.id, g.kode, g.nama, g.kode_wilayah, w.nama, g.alamat, g.jenis_usaha, "
	"g.bidang_usaha, g.tanggal_berdiri, g.tingkat, g.pendamping, g.telepon_pendamping, "
	"g.iuran_kas, g.iuran_iks, g.bantuan_uep, g.tahun_bantuan, g.catatan FROM kelompok g "
	"LEFT JOIN wilayah w ON w.kode=g.kode_wilayah WHERE g.dihapus=0 ORDER BY g.nama, g.id";

static const xlsx_col ANGGOTA[] = {
	{ "id", XC_CODE, 0 }, { "kelompok_id", XC_CODE, 0 }, GROUP_COLS,
	{ "nik", XC_CODE, 0 }, { "no_kk", XC_CODE, 0 }, { "nama", XC_TEXT, 0 },
	{ "jenis_kelamin", XC_CODE, 0 }, { "tempat_lahir", XC_TEXT, 0 },
	{ "tanggal_lahir", XC_DATE, 0 }, { "alamat", XC_TEXT, 0 }, { "rt", XC_CODE, 0 },
	{ "rw", XC_CODE, 0 }, { "telepon", XC_CODE, 0 }, { "jabatan", XC_CODE, 0 },
	{ "tanggal_masuk", XC_DATE, 0 }, { "tanggal_keluar", XC_DATE, 0 },
	{ "terdaftar_dtsen", XC_INT, 0 }, { "desil_dtsen", XC_INT, 0 },
	{ "peserta_pkh", XC_INT, 0 }, { "catatan", XC_TEXT, 0 },
};
static const char ANGGOTA_SQL[] =
	"SELECT a.id, a.kelompok_id, " GROUP_SQL ", a.nik, a.no_kk, a.nama, a.jenis_kelamin, "
	"a.tempat_lahir, a.tanggal_lahir, a.alamat, a.rt, a.rw, a.telepon, a.jabatan, "
	"a.tanggal_masuk, a.tanggal_keluar, a.terdaftar_dtsen, a.desil_dtsen, a.peserta_pkh, "
	"a.catatan FROM anggota a LEFT JOIN kelompok g ON g.id=a.kelompok_id "
	"WHERE a.dihapus=0 AND " GROUP_LIVE " ORDER BY g.nama, g.id, a.nama, a.id";

static const xlsx_col PENILAIAN[] = {
	{ "id", XC_CODE, 0 }, { "anggota_id", XC_CODE, 0 }, { "nik", XC_CODE, 0 },
	{ "nama", XC_TEXT, 0 }, { "kelompok_id", XC_CODE, 0 }, GROUP_COLS,
	{ "tanggal", XC_DATE, 0 }, { "penilai", XC_TEXT, 0 },
	{ "k01", XC_INT, 0 }, { "k02", XC_INT, 0 }, { "k03", XC_INT, 0 }, { "k04", XC_INT, 0 },
	{ "k05", XC_INT, 0 }, { "k06", XC_INT, 0 }, { "k07", XC_INT, 0 }, { "k08", XC_INT, 0 },
	{ "k09", XC_INT, 0 }, { "k10", XC_INT, 0 }, { "k11", XC_INT, 0 }, { "k12", XC_INT, 0 },
	{ "k13", XC_INT, 0 }, { "k14", XC_INT, 0 }, { "luas_lantai_m2", XC_DECIMAL, 0 },
	{ "jumlah_jiwa", XC_INT, 0 }, { "penghasilan_bulanan", XC_MONEY, 0 },
	{ "catatan", XC_TEXT, 0 }, { "skor", XC_INT, 0 }, { "kategori", XC_CODE, 0 },
};
/* skor and kategori recomputed, as the reports do: the stored ones may predate a change of
 * the threshold (:t). */
static const char PENILAIAN_SQL[] =
	"SELECT p.id, p.anggota_id, a.nik, a.nama, a.kelompok_id, " GROUP_SQL ", p.tanggal, "
	"p.penilai, p.k01, p.k02, p.k03, p.k04, p.k05, p.k06, p.k07, p.k08, p.k09, p.k10, p.k11, "
	"p.k12, p.k13, p.k14, p.luas_lantai_m2, p.jumlah_jiwa, p.penghasilan_bulanan, p.catatan, "
	ASSESSMENT_SCORE_SQL("p") ", CASE WHEN " ASSESSMENT_SCORE_SQL("p") " >= :t THEN 'miskin' "
	"ELSE 'tidak_miskin' END FROM penilaian p LEFT JOIN anggota a ON a.id=p.anggota_id "
	"LEFT JOIN kelompok g ON g.id=a.kelompok_id WHERE p.dihapus=0 AND coalesce(a.dihapus,0)=0 "
	"AND " GROUP_LIVE " ORDER BY g.nama, g.id, a.nama, a.id, p.tanggal, p.id";

static const xlsx_col PERTEMUAN[] = {
	{ "id", XC_CODE, 0 }, { "kelompok_id", XC_CODE, 0 }, GROUP_COLS,
	{ "tanggal", XC_DATE, 0 }, { "tempat", XC_TEXT, 0 }, { "pendamping_hadir", XC_INT, 0 },
	{ "agenda", XC_TEXT, 0 }, { "keputusan", XC_TEXT, 0 }, { "catatan", XC_TEXT, 0 },
};
static const char PERTEMUAN_SQL[] =
	"SELECT m.id, m.kelompok_id, " GROUP_SQL ", m.tanggal, m.tempat, m.pendamping_hadir, "
	"m.agenda, m.keputusan, m.catatan FROM pertemuan m LEFT JOIN kelompok g ON "
	"g.id=m.kelompok_id WHERE m.dihapus=0 AND " GROUP_LIVE " ORDER BY g.nama, g.id, m.tanggal, "
	"m.id";

/* The biggest tables follow their indexes (a kabupaten has millions of attendance rows):
 * by group id and date, not by name; the meetings lead (CROSS JOIN), so that only the rows of
 * one date are sorted at a time. */
static const xlsx_col KEHADIRAN[] = {
	{ "pertemuan_id", XC_CODE, 0 }, { "tanggal", XC_DATE, 0 }, { "kelompok_id", XC_CODE, 0 },
	GROUP_COLS, { "anggota_id", XC_CODE, 0 }, { "nik", XC_CODE, 0 }, { "nama", XC_TEXT, 0 },
	{ "status", XC_CODE, 0 }, { "iuran_kas", XC_MONEY, 0 }, { "iuran_iks", XC_MONEY, 0 },
};
static const char KEHADIRAN_SQL[] =
	"SELECT h.pertemuan_id, m.tanggal, m.kelompok_id, " GROUP_SQL ", h.anggota_id, a.nik, "
	"a.nama, h.status, h.iuran_kas, h.iuran_iks FROM pertemuan m CROSS JOIN kehadiran h ON "
	"h.pertemuan_id=m.id LEFT JOIN kelompok g ON g.id=m.kelompok_id LEFT JOIN anggota a ON "
	"a.id=h.anggota_id WHERE m.dihapus=0 AND h.dihapus=0 AND " GROUP_LIVE " ORDER BY "
	"m.kelompok_id, m.tanggal, m.id, h.anggota_id";

static const xlsx_col KAS[] = {
	{ "id", XC_CODE, 0 }, { "kelompok_id", XC_CODE, 0 }, GROUP_COLS,
	{ "tanggal", XC_DATE, 0 }, { "no_bukti", XC_TEXT, 0 }, { "buku", XC_CODE, 0 },
	{ "kategori", XC_CODE, 0 }, { "uraian", XC_TEXT, 0 }, { "masuk", XC_MONEY, 0 },
	{ "keluar", XC_MONEY, 0 }, { "pertemuan_id", XC_CODE, 0 }, { "membalik_id", XC_CODE, 0 },
};
static const char KAS_SQL[] =
	"SELECT k.id, k.kelompok_id, " GROUP_SQL ", k.tanggal, k.no_bukti, k.buku, k.kategori, "
	"k.uraian, k.masuk, k.keluar, k.pertemuan_id, k.membalik_id FROM kas k LEFT JOIN kelompok "
	"g ON g.id=k.kelompok_id WHERE k.dihapus=0 AND " GROUP_LIVE " ORDER BY k.kelompok_id, "
	"k.buku, k.tanggal, k.rowid";

static const xlsx_col TUTUP_KAS[] = {
	{ "id", XC_CODE, 0 }, { "kelompok_id", XC_CODE, 0 }, GROUP_COLS, { "buku", XC_CODE, 0 },
	{ "bulan", XC_CODE, 0 }, { "saldo_buku", XC_MONEY, 0 }, { "saldo_hitung", XC_MONEY, 0 },
	{ "selisih", XC_MONEY, 0 }, { "ditutup_oleh", XC_TEXT, 0 }, { "catatan", XC_TEXT, 0 },
};
static const char TUTUP_KAS_SQL[] =
	"SELECT t.id, t.kelompok_id, " GROUP_SQL ", t.buku, t.bulan, t.saldo_buku, t.saldo_hitung, "
	"t.selisih, t.ditutup_oleh, t.catatan FROM tutup_kas t LEFT JOIN kelompok g ON "
	"g.id=t.kelompok_id WHERE t.dihapus=0 AND " GROUP_LIVE " ORDER BY g.nama, g.id, t.bulan, "
	"t.buku";

/* Development assessments, skor and tingkat recomputed from the indicators as the reports
 * do. */
#define EV_SCORE "(e.s1+e.s2+e.s3+e.s4+e.e1+e.e2+e.e3+e.e4)"
static const xlsx_col EVALUASI[] = {
	{ "id", XC_CODE, 0 }, { "kelompok_id", XC_CODE, 0 }, GROUP_COLS,
	{ "tanggal", XC_DATE, 0 }, { "penilai", XC_TEXT, 0 }, { "s1", XC_INT, 0 },
	{ "s2", XC_INT, 0 }, { "s3", XC_INT, 0 }, { "s4", XC_INT, 0 }, { "e1", XC_INT, 0 },
	{ "e2", XC_INT, 0 }, { "e3", XC_INT, 0 }, { "e4", XC_INT, 0 }, { "skor", XC_INT, 0 },
	{ "tingkat", XC_CODE, 0 }, { "catatan", XC_TEXT, 0 },
};
static const char EVALUASI_SQL[] =
	"SELECT e.id, e.kelompok_id, " GROUP_SQL ", e.tanggal, e.penilai, e.s1, e.s2, e.s3, e.s4, "
	"e.e1, e.e2, e.e3, e.e4, " EV_SCORE ", CASE WHEN " EV_SCORE " <= 15 THEN 'tumbuh' WHEN "
	EV_SCORE " <= 22 THEN 'berkembang' WHEN " EV_SCORE " <= 28 THEN 'maju' ELSE 'mandiri' END, "
	"e.catatan FROM evaluasi e LEFT JOIN kelompok g ON g.id=e.kelompok_id WHERE e.dihapus=0 "
	"AND " GROUP_LIVE " ORDER BY g.nama, g.id, e.tanggal, e.id";

#define SHEET(name, cols, sql) { name, cols, (int)(sizeof cols / sizeof cols[0]), sql }
static const struct office_sheet {
	const char *name;
	const xlsx_col *cols;
	int ncols;
	const char *sql;
} SHEETS[OX_COUNT] = {
	SHEET("kelompok", KELOMPOK, KELOMPOK_SQL),
	SHEET("anggota", ANGGOTA, ANGGOTA_SQL),
	SHEET("penilaian", PENILAIAN, PENILAIAN_SQL),
	SHEET("pertemuan", PERTEMUAN, PERTEMUAN_SQL),
	SHEET("kehadiran", KEHADIRAN, KEHADIRAN_SQL),
	SHEET("kas", KAS, KAS_SQL),
	SHEET("tutup_kas", TUTUP_KAS, TUTUP_KAS_SQL),
	SHEET("evaluasi", EVALUASI, EVALUASI_SQL),
};

/* 1 for a column --mask-nik masks. */
static int masked(const xlsx_col *c)
{
	return strcmp(c->name, "nik") == 0 || strcmp(c->name, "no_kk") == 0;
}

static int write_sheet(sk_db *db, sk_xlsx *x, const struct office_sheet *def, int mask_nik,
		       office_progress_fn fn, void *ctx, long long *rows, sk_err *e)
{
	xlsx_sheet *s = xlsx_add_sheet(x, def->name, def->cols, def->ncols);
	if (!s)
		return sk_err_set(e, SK_IOERR, "%s", _("Lembar kerja tidak dapat dibuat."));
	sqlite3_stmt *st = db_prepare(db, def->sql, e);
	if (!st)
		return SK_DBERR;
	if (sqlite3_bind_parameter_index(st, ":t"))
		db_bind_int64(st, ":t", assessment_threshold(db));
	if (fn)
		fn(ctx, def->name, 0);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		for (int i = 0; i < def->ncols; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			char hidden[24];
			if (mask_nik && v && masked(&def->cols[i])) {
				member_mask_nik(v, hidden, sizeof hidden);
				v = hidden;
			}
			xlsx_str(s, v);
		}
		xlsx_end_row(s);
		if (fn && xlsx_rows(s) % PROGRESS_ROWS == 0)
			fn(ctx, def->name, xlsx_rows(s));
	}
	db_reset(st);
	*rows = xlsx_rows(s);
	if (fn)
		fn(ctx, def->name, *rows);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int office_xlsx_write(sk_db *db, const char *path, int mask_nik, office_progress_fn fn,
		      void *ctx, office_xlsx_result *r, sk_err *e)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < OX_COUNT; i++)
		r->sheet[i] = SHEETS[i].name;
	sk_xlsx *x;
	int rc = xlsx_open(path, 0, &x, e);
	if (rc != SK_OK)
		return rc;
	/* One snapshot: a merge committing meanwhile is in every sheet or in none. */
	rc = db_begin_read(db, e);
	if (rc == SK_OK) {
		for (int i = 0; i < OX_COUNT && rc == SK_OK; i++)
			rc = write_sheet(db, x, &SHEETS[i], mask_nik, fn, ctx, &r->rows[i], e);
		db_end(db, rc == SK_OK, NULL);
	}
	if (rc != SK_OK) {
		xlsx_abandon(x);
		return rc;
	}
	return xlsx_close(x, e);
}
