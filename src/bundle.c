/* bundle.c - the bundle's tables (spec/bundle.md, format versions 1 and 2) and SHA-256 helpers.
 *
 * How to add a table (siklus, simpanan, pinjaman, angsuran, denda, bagi_hasil, evaluasi):
 *  1. Schema: a numbered migration in src/schema.c creating the table with id, its columns,
 *     diubah_pada, dihapus and disimpan_pada (migration 4's STORED()), the TOUCH trigger and an
 *     index on disimpan_pada.
 *  2. include/bundle.h: a BT_ value in enum bundle_table, after the tables its rows refer to
 *     (import reads tables in this order), before BT_COUNT.
 *  3. Here: COLS_X (name, kind, required in a single-table file, format version of the
 *     column), SEL_X (the columns in the same order; a decimal column formatted as export
 *     writes it), WHERE_SINCE_X, ORDER_X and ONE_X (the row by its key :k1), then one
 *     TABLE() line in BUNDLE_TABLES at the enum's position, with the file's format version
 *     (2: a version-1 bundle never has it; any bundle may leave it out).
 *  4. src/import_tables.c: a row_x() that reads the fields with the helpers of
 *     import_priv.h (imp_own_id, imp_text, imp_num, imp_flag, imp_required_flag, imp_stamp,
 *     imp_deleted_flag), checks them with the module's field rules (imp_report_issues), names
 *     the rows it refers to with imp_ref() (so a parent refused in the same bundle is reported
 *     as such; a table others refer to gets a line in imp_ref's lookup list in
 *     src/import_rows.c) and ends with imp_merge() and a store function; then its entry in
 *     IMP_ROWS[] at the enum's position. A big table may list its secondary indexes in
 *     DROPPABLE (src/import_bulk.c).
 *  5. src/check_rules.c: the table's cross-row rules, each one SQL query shared by `sikube
 *     check` (whole database) and import (the drives: which merged rows bring a row into
 *     view), appended to RULES; at least its FUTURE_STAMP line and, for dated rows, a
 *     "not after today" rule like pertemuan_belum_terjadi. Drives name tables by number:
 *     extend the _Static_assert below RULES.
 *  6. Tests: the round trip in tests/test_exchange.c (FILES[]), a hostile case per rule in
 *     tests/robust_hostile.sh and tests/test_check.c, a corpus file for
 *     tests/fuzz/fuzz_import.c (bundle mode: second byte = the table's number).
 * Export, the manifest, the since-last marker, bulk loading, ties and the problem report
 * then cover the table without further code. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "bundle.h"
#include "i18n.h"

/* A row belongs in a --since-last bundle when it was changed at or after the previous
 * export's stamp (:sejak), or stored here after the millisecond that export began
 * (:disimpan; a row merged from another office keeps its older stamp; schema.c, migration 4,
 * and export.c for why "after" loses nothing). */
#define STORED_SINCE "(diubah_pada >= :sejak OR disimpan_pada > :disimpan)"

static const bundle_col COLS_KELOMPOK[] = {
	{ "id", BC_RAW, 0, 1 },
	{ "kode", BC_TEXT, 0, 1 },
	{ "nama", BC_TEXT, 1, 1 },
	{ "kode_wilayah", BC_RAW, 1, 1 },
	{ "alamat", BC_TEXT, 0, 1 },
	{ "jenis_usaha", BC_RAW, 0, 1 },
	{ "bidang_usaha", BC_TEXT, 0, 1 },
	{ "tanggal_berdiri", BC_RAW, 0, 1 },
	{ "tingkat", BC_RAW, 0, 1 },
	{ "pendamping", BC_TEXT, 0, 1 },
	{ "telepon_pendamping", BC_TEXT, 0, 1 },
	{ "iuran_kas", BC_RAW, 0, 1 },
	{ "iuran_iks", BC_RAW, 0, 1 },
	{ "bantuan_uep", BC_RAW, 0, 1 },
	{ "tahun_bantuan", BC_RAW, 0, 1 },
	{ "catatan", BC_TEXT, 0, 1 },
	{ "diubah_pada", BC_RAW, 0, 1 },
	{ "dihapus", BC_RAW, 0, 1 },
};
#define SEL_KELOMPOK \
	"SELECT id, kode, nama, kode_wilayah, alamat, jenis_usaha, bidang_usaha, " \
	"tanggal_berdiri, tingkat, pendamping, telepon_pendamping, iuran_kas, iuran_iks, " \
	"bantuan_uep, tahun_bantuan, catatan, diubah_pada, dihapus FROM kelompok"
#define WHERE_SINCE_KELOMPOK " WHERE " STORED_SINCE
#define ORDER_KELOMPOK " ORDER BY id"
#define ONE_KELOMPOK " WHERE id=:k1"

static const bundle_col COLS_ANGGOTA[] = {
	{ "id", BC_RAW, 0, 1 },
	{ "kelompok_id", BC_RAW, 1, 1 },
	{ "nik", BC_IDNUM, 1, 1 },
	{ "no_kk", BC_IDNUM, 1, 1 },
	{ "nama", BC_TEXT, 1, 1 },
	{ "jenis_kelamin", BC_RAW, 1, 1 },
	{ "tempat_lahir", BC_TEXT, 0, 1 },
	{ "tanggal_lahir", BC_RAW, 0, 1 },
	{ "alamat", BC_TEXT, 0, 1 },
	{ "rt", BC_TEXT, 0, 1 },
	{ "rw", BC_TEXT, 0, 1 },
	{ "telepon", BC_TEXT, 0, 1 },
	{ "jabatan", BC_RAW, 0, 1 },
	{ "tanggal_masuk", BC_RAW, 0, 1 },
	{ "tanggal_keluar", BC_RAW, 0, 1 },
	{ "terdaftar_dtsen", BC_RAW, 0, 1 },
	{ "desil_dtsen", BC_RAW, 0, 1 },
	{ "peserta_pkh", BC_RAW, 0, 1 },
	{ "catatan", BC_TEXT, 0, 1 },
	{ "diubah_pada", BC_RAW, 0, 1 },
	{ "dihapus", BC_RAW, 0, 1 },
};
#define SEL_ANGGOTA \
	"SELECT id, kelompok_id, nik, no_kk, nama, jenis_kelamin, tempat_lahir, " \
	"tanggal_lahir, alamat, rt, rw, telepon, jabatan, tanggal_masuk, tanggal_keluar, " \
	"terdaftar_dtsen, desil_dtsen, peserta_pkh, catatan, diubah_pada, dihapus FROM " \
	"anggota"
#define WHERE_SINCE_ANGGOTA " WHERE " STORED_SINCE
#define ORDER_ANGGOTA " ORDER BY id"
#define ONE_ANGGOTA " WHERE id=:k1"

/* The floor area as export writes it: at most two decimals, no trailing zeros ("21.5", "36"):
 * the stored value has at most two (assessment_parse_luas), so this is the text it was read
 * from, made canonical. */
#define LUAS_TEXT \
	"CASE WHEN luas_lantai_m2 IS NULL THEN NULL ELSE " \
	"rtrim(rtrim(printf('%.2f', luas_lantai_m2), '0'), '.') END"

static const bundle_col COLS_PENILAIAN[] = {
	{ "id", BC_RAW, 0, 1 },
	{ "anggota_id", BC_RAW, 1, 1 },
	{ "tanggal", BC_RAW, 1, 1 },
	{ "penilai", BC_TEXT, 0, 1 },
	{ "k01", BC_RAW, 1, 1 },
	{ "k02", BC_RAW, 1, 1 },
	{ "k03", BC_RAW, 1, 1 },
	{ "k04", BC_RAW, 1, 1 },
	{ "k05", BC_RAW, 1, 1 },
	{ "k06", BC_RAW, 1, 1 },
	{ "k07", BC_RAW, 1, 1 },
	{ "k08", BC_RAW, 1, 1 },
	{ "k09", BC_RAW, 1, 1 },
	{ "k10", BC_RAW, 1, 1 },
	{ "k11", BC_RAW, 1, 1 },
	{ "k12", BC_RAW, 1, 1 },
	{ "k13", BC_RAW, 1, 1 },
	{ "k14", BC_RAW, 1, 1 },
	{ "luas_lantai_m2", BC_RAW, 0, 1 },
	{ "jumlah_jiwa", BC_RAW, 0, 1 },
	{ "penghasilan_bulanan", BC_RAW, 0, 1 },
	{ "catatan", BC_TEXT, 0, 1 },
	{ "skor", BC_DERIVED, 0, 1 },
	{ "kategori", BC_DERIVED, 0, 1 },
	{ "diubah_pada", BC_RAW, 0, 1 },
	{ "dihapus", BC_RAW, 0, 1 },
};
#define SEL_PENILAIAN \
	"SELECT id, anggota_id, tanggal, penilai, k01, k02, k03, k04, k05, k06, k07, k08, " \
	"k09, k10, k11, k12, k13, k14, " LUAS_TEXT ", jumlah_jiwa, penghasilan_bulanan, " \
	"catatan, skor, kategori, diubah_pada, dihapus FROM penilaian"
#define WHERE_SINCE_PENILAIAN " WHERE " STORED_SINCE
#define ORDER_PENILAIAN " ORDER BY id"
#define ONE_PENILAIAN " WHERE id=:k1"

static const bundle_col COLS_PERTEMUAN[] = {
	{ "id", BC_RAW, 0, 1 },
	{ "kelompok_id", BC_RAW, 1, 1 },
	{ "tanggal", BC_RAW, 1, 1 },
	{ "tempat", BC_TEXT, 0, 1 },
	{ "pendamping_hadir", BC_RAW, 0, 1 },
	{ "agenda", BC_TEXT, 0, 1 },
	{ "keputusan", BC_TEXT, 0, 1 },
	{ "catatan", BC_TEXT, 0, 1 },
	{ "diubah_pada", BC_RAW, 0, 1 },
	{ "dihapus", BC_RAW, 0, 1 },
};
#define SEL_PERTEMUAN \
	"SELECT id, kelompok_id, tanggal, tempat, pendamping_hadir, agenda, keputusan, " \
	"catatan, diubah_pada, dihapus FROM pertemuan"
#define WHERE_SINCE_PERTEMUAN " WHERE " STORED_SINCE
#define ORDER_PERTEMUAN " ORDER BY id"
#define ONE_PERTEMUAN " WHERE id=:k1"

static const bundle_col COLS_KEHADIRAN[] = {
	{ "pertemuan_id", BC_RAW, 1, 1 },
	{ "anggota_id", BC_RAW, 1, 1 },
	{ "status", BC_RAW, 1, 1 },
	{ "iuran_kas", BC_RAW, 0, 1 },
	{ "iuran_iks", BC_RAW, 0, 1 },
	{ "diubah_pada", BC_RAW, 0, 1 },
};
#define SEL_KEHADIRAN \
	"SELECT pertemuan_id, anggota_id, status, iuran_kas, iuran_iks, diubah_pada FROM " \
	"kehadiran WHERE dihapus=0"
#define WHERE_SINCE_KEHADIRAN " AND " STORED_SINCE
#define ORDER_KEHADIRAN " ORDER BY pertemuan_id, anggota_id"
#define ONE_KEHADIRAN " AND pertemuan_id=:k1 AND anggota_id=:k2"

static const bundle_col COLS_KAS[] = {
	{ "id", BC_RAW, 0, 1 },
	{ "kelompok_id", BC_RAW, 1, 1 },
	{ "tanggal", BC_RAW, 1, 1 },
	{ "no_bukti", BC_TEXT, 0, 1 },
	{ "buku", BC_RAW, 1, 1 },
	{ "kategori", BC_RAW, 1, 1 },
	{ "uraian", BC_TEXT, 0, 1 },
	{ "masuk", BC_RAW, 1, 1 },
	{ "keluar", BC_RAW, 1, 1 },
	{ "pertemuan_id", BC_RAW, 0, 1 },
	{ "membalik_id", BC_RAW, 0, 1 },
	{ "diubah_pada", BC_RAW, 0, 1 },
	{ "dihapus", BC_RAW, 0, 1 },
	{ "sumber_id", BC_RAW, 0, 2 },
};
#define SEL_KAS \
	"SELECT id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, keluar, " \
	"pertemuan_id, membalik_id, diubah_pada, dihapus, sumber_id FROM kas"
#define WHERE_SINCE_KAS " WHERE " STORED_SINCE
#define ORDER_KAS " ORDER BY id"
#define ONE_KAS " WHERE id=:k1"

/* Month closes (format 2): table tutup_kas, whose selisih (derived) and ditutup_oleh (local)
 * do not travel. */
static const bundle_col COLS_TUTUP_BUKU[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "kelompok_id", BC_RAW, 1, 2 },
	{ "buku", BC_RAW, 1, 2 },
	{ "bulan", BC_RAW, 1, 2 },
	{ "tanggal", BC_RAW, 1, 2 },
	{ "saldo_buku", BC_RAW, 1, 2 },
	{ "saldo_hitung", BC_RAW, 1, 2 },
	{ "catatan", BC_TEXT, 0, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_TUTUP_BUKU \
	"SELECT id, kelompok_id, buku, bulan, tanggal, saldo_buku, saldo_hitung, catatan, " \
	"diubah_pada, dihapus FROM tutup_kas"
#define WHERE_SINCE_TUTUP_BUKU " WHERE " STORED_SINCE
#define ORDER_TUTUP_BUKU " ORDER BY id"
#define ONE_TUTUP_BUKU " WHERE id=:k1"

/* Savings and loans (format 2, docs/simpin.md): siklus, simpanan, pinjaman, angsuran, denda,
 * bagi_hasil. The rate and the limit are stored in hundredths and written as the shortest
 * exact decimal ("2", "1.5"; an empty limit is no limit), as loan_rate_format writes it. */
#define SIMPIN_DECIMAL_SQL(c) \
	"CASE WHEN " c " IS NULL THEN NULL WHEN " c " % 100 = 0 THEN CAST(" c " / 100 AS TEXT) " \
	"WHEN " c " % 10 = 0 THEN printf('%d.%d', " c " / 100, (" c " % 100) / 10) " \
	"ELSE printf('%d.%02d', " c " / 100, " c " % 100) END"
#define SIMPIN_STAMPED " WHERE " STORED_SINCE
static const bundle_col COLS_SIKLUS[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "kelompok_id", BC_RAW, 1, 2 },
	{ "nomor", BC_RAW, 1, 2 },
	{ "mulai", BC_RAW, 1, 2 },
	{ "selesai", BC_RAW, 0, 2 },
	{ "simpanan_pokok", BC_RAW, 0, 2 },
	{ "simpanan_wajib", BC_RAW, 0, 2 },
	{ "jasa_persen_bulan", BC_RAW, 1, 2 },
	{ "metode_jasa", BC_RAW, 1, 2 },
	{ "batas_pinjaman_kali", BC_RAW, 0, 2 },
	{ "denda_alpa", BC_RAW, 0, 2 },
	{ "denda_terlambat", BC_RAW, 0, 2 },
	{ "metode_bagi", BC_RAW, 1, 2 },
	{ "catatan", BC_TEXT, 0, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_SIKLUS \
	"SELECT id, kelompok_id, nomor, mulai, selesai, simpanan_pokok, simpanan_wajib, " \
	SIMPIN_DECIMAL_SQL("jasa_persen_bulan") ", metode_jasa, " \
	SIMPIN_DECIMAL_SQL("batas_pinjaman_kali") ", denda_alpa, denda_terlambat, metode_bagi, " \
	"catatan, diubah_pada, dihapus FROM siklus"
#define WHERE_SINCE_SIKLUS SIMPIN_STAMPED
#define ORDER_SIKLUS " ORDER BY id"
#define ONE_SIKLUS " WHERE id=:k1"

static const bundle_col COLS_SIMPANAN[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "siklus_id", BC_RAW, 1, 2 },
	{ "anggota_id", BC_RAW, 1, 2 },
	{ "tanggal", BC_RAW, 1, 2 },
	{ "jenis", BC_RAW, 1, 2 },
	{ "setor", BC_RAW, 1, 2 },
	{ "tarik", BC_RAW, 1, 2 },
	{ "pertemuan_id", BC_RAW, 0, 2 },
	{ "membalik_id", BC_RAW, 0, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_SIMPANAN \
	"SELECT id, siklus_id, anggota_id, tanggal, jenis, setor, tarik, pertemuan_id, " \
	"membalik_id, diubah_pada, dihapus FROM simpanan"
#define WHERE_SINCE_SIMPANAN SIMPIN_STAMPED
#define ORDER_SIMPANAN " ORDER BY id"
#define ONE_SIMPANAN " WHERE id=:k1"

static const bundle_col COLS_PINJAMAN[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "siklus_id", BC_RAW, 1, 2 },
	{ "anggota_id", BC_RAW, 1, 2 },
	{ "tanggal", BC_RAW, 1, 2 },
	{ "pokok", BC_RAW, 1, 2 },
	{ "jasa_persen_bulan", BC_RAW, 1, 2 },
	{ "metode_jasa", BC_RAW, 1, 2 },
	{ "jumlah_angsuran", BC_RAW, 1, 2 },
	{ "jarak_angsuran", BC_RAW, 1, 2 },
	{ "sumber", BC_RAW, 1, 2 },
	{ "tujuan", BC_TEXT, 0, 2 },
	{ "dihapusbukukan_pada", BC_RAW, 0, 2 },
	{ "pertemuan_id", BC_RAW, 0, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_PINJAMAN \
	"SELECT id, siklus_id, anggota_id, tanggal, pokok, " SIMPIN_DECIMAL_SQL("jasa_persen_bulan") \
	", metode_jasa, jumlah_angsuran, jarak_angsuran, sumber, tujuan, dihapusbukukan_pada, " \
	"pertemuan_id, diubah_pada, dihapus FROM pinjaman"
#define WHERE_SINCE_PINJAMAN SIMPIN_STAMPED
#define ORDER_PINJAMAN " ORDER BY id"
#define ONE_PINJAMAN " WHERE id=:k1"

static const bundle_col COLS_ANGSURAN[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "pinjaman_id", BC_RAW, 1, 2 },
	{ "tanggal", BC_RAW, 1, 2 },
	{ "pokok", BC_RAW, 1, 2 },
	{ "jasa", BC_RAW, 1, 2 },
	{ "pertemuan_id", BC_RAW, 0, 2 },
	{ "membalik_id", BC_RAW, 0, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_ANGSURAN \
	"SELECT id, pinjaman_id, tanggal, pokok, jasa, pertemuan_id, membalik_id, diubah_pada, " \
	"dihapus FROM angsuran"
#define WHERE_SINCE_ANGSURAN SIMPIN_STAMPED
#define ORDER_ANGSURAN " ORDER BY id"
#define ONE_ANGSURAN " WHERE id=:k1"

static const bundle_col COLS_DENDA[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "siklus_id", BC_RAW, 1, 2 },
	{ "anggota_id", BC_RAW, 1, 2 },
	{ "tanggal", BC_RAW, 1, 2 },
	{ "jenis", BC_RAW, 1, 2 },
	{ "jumlah", BC_RAW, 1, 2 },
	{ "dibayar_pada", BC_RAW, 0, 2 },
	{ "dibebaskan", BC_RAW, 0, 2 },
	{ "pertemuan_id", BC_RAW, 0, 2 },
	{ "catatan", BC_TEXT, 0, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_DENDA \
	"SELECT id, siklus_id, anggota_id, tanggal, jenis, jumlah, dibayar_pada, dibebaskan, " \
	"pertemuan_id, catatan, diubah_pada, dihapus FROM denda"
#define WHERE_SINCE_DENDA SIMPIN_STAMPED
#define ORDER_DENDA " ORDER BY id"
#define ONE_DENDA " WHERE id=:k1"

static const bundle_col COLS_BAGI_HASIL[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "siklus_id", BC_RAW, 1, 2 },
	{ "anggota_id", BC_RAW, 1, 2 },
	{ "simpanan", BC_RAW, 1, 2 },
	{ "bagian_hasil", BC_RAW, 1, 2 },
	{ "potongan", BC_RAW, 1, 2 },
	{ "dibayar", BC_RAW, 1, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_BAGI_HASIL \
	"SELECT id, siklus_id, anggota_id, simpanan, bagian_hasil, potongan, dibayar, " \
	"diubah_pada, dihapus FROM bagi_hasil"
#define WHERE_SINCE_BAGI_HASIL SIMPIN_STAMPED
#define ORDER_BAGI_HASIL " ORDER BY id"
#define ONE_BAGI_HASIL " WHERE id=:k1"

/* The group's development assessment (format 2); usulan and ditimpa stay in this database. */
static const bundle_col COLS_EVALUASI[] = {
	{ "id", BC_RAW, 0, 2 },
	{ "kelompok_id", BC_RAW, 1, 2 },
	{ "tanggal", BC_RAW, 1, 2 },
	{ "penilai", BC_TEXT, 0, 2 },
	{ "s1", BC_RAW, 1, 2 },
	{ "s2", BC_RAW, 1, 2 },
	{ "s3", BC_RAW, 1, 2 },
	{ "s4", BC_RAW, 1, 2 },
	{ "e1", BC_RAW, 1, 2 },
	{ "e2", BC_RAW, 1, 2 },
	{ "e3", BC_RAW, 1, 2 },
	{ "e4", BC_RAW, 1, 2 },
	{ "skor", BC_DERIVED, 0, 2 },
	{ "tingkat", BC_DERIVED, 0, 2 },
	{ "catatan", BC_TEXT, 0, 2 },
	{ "diubah_pada", BC_RAW, 0, 2 },
	{ "dihapus", BC_RAW, 0, 2 },
};
#define SEL_EVALUASI \
	"SELECT id, kelompok_id, tanggal, penilai, s1, s2, s3, s4, e1, e2, e3, e4, skor, " \
	"tingkat, catatan, diubah_pada, dihapus FROM evaluasi"
#define WHERE_SINCE_EVALUASI " WHERE " STORED_SINCE
#define ORDER_EVALUASI " ORDER BY id"
#define ONE_EVALUASI " WHERE id=:k1"

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))
/* The stored row's stamp by its key. */
#define STAMP_1(t) "SELECT diubah_pada FROM " t " WHERE id=:k1"
#define STAMP_2(t) "SELECT diubah_pada FROM " t " WHERE pertemuan_id=:k1 AND anggota_id=:k2"
#define TABLE(stem, dbt, U, nkeys, since) \
	{ stem, stem ".csv", dbt, COLS_##U, NCOLS(COLS_##U), nkeys, since, SEL_##U ORDER_##U, \
	  SEL_##U WHERE_SINCE_##U ORDER_##U, "SELECT count(*) FROM (" SEL_##U ")", \
	  "SELECT count(*) FROM (" SEL_##U WHERE_SINCE_##U ")", SEL_##U ONE_##U, \
	  STAMP_##nkeys(dbt) }

/* kehadiran.csv has no dihapus column: only live attendance rows are exported. */
const bundle_table_def BUNDLE_TABLES[BT_COUNT] = {
	[BT_KELOMPOK] = TABLE("kelompok", "kelompok", KELOMPOK, 1, 1),
	[BT_ANGGOTA] = TABLE("anggota", "anggota", ANGGOTA, 1, 1),
	[BT_PENILAIAN] = TABLE("penilaian", "penilaian", PENILAIAN, 1, 1),
	[BT_PERTEMUAN] = TABLE("pertemuan", "pertemuan", PERTEMUAN, 1, 1),
	[BT_KEHADIRAN] = TABLE("kehadiran", "kehadiran", KEHADIRAN, 2, 1),
	[BT_KAS] = TABLE("kas", "kas", KAS, 1, 1),
	[BT_TUTUP_BUKU] = TABLE("tutup_buku", "tutup_kas", TUTUP_BUKU, 1, 2),
	[BT_SIKLUS] = TABLE("siklus", "siklus", SIKLUS, 1, 2),
	[BT_SIMPANAN] = TABLE("simpanan", "simpanan", SIMPANAN, 1, 2),
	[BT_PINJAMAN] = TABLE("pinjaman", "pinjaman", PINJAMAN, 1, 2),
	[BT_ANGSURAN] = TABLE("angsuran", "angsuran", ANGSURAN, 1, 2),
	[BT_DENDA] = TABLE("denda", "denda", DENDA, 1, 2),
	[BT_BAGI_HASIL] = TABLE("bagi_hasil", "bagi_hasil", BAGI_HASIL, 1, 2),
	[BT_EVALUASI] = TABLE("evaluasi", "evaluasi", EVALUASI, 1, 2),
};

int bundle_table_by_file(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	/* Any case: a list saved on Windows may be called Anggota.csv. */
	for (int t = 0; t < BT_COUNT; t++)
		if (strcasecmp(base, BUNDLE_TABLES[t].file) == 0)
			return t;
	return -1;
}

int bundle_col_index(int t, const char *name)
{
	for (int i = 0; i < BUNDLE_TABLES[t].ncols; i++)
		if (strcmp(BUNDLE_TABLES[t].cols[i].name, name) == 0)
			return i;
	return -1;
}

static void to_hex(const uint8_t *d, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}

void bundle_hash_init(bundle_hash *h)
{
	sha256_init(&h->c);
}

void bundle_hash_update(bundle_hash *h, const void *data, size_t n)
{
	sha256_update(&h->c, n, data);
}

void bundle_hash_hex(bundle_hash *h, char hex[65])
{
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(&h->c, sizeof d, d);
	to_hex(d, hex);
}

void bundle_sha256_hex(const void *data, size_t n, char hex[65])
{
	bundle_hash h;
	bundle_hash_init(&h);
	bundle_hash_update(&h, data, n);
	bundle_hash_hex(&h, hex);
}
