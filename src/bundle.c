/* bundle.c - the bundle's tables (spec/bundle.md, format version 1) and SHA-256 helpers. */
#include <errno.h>
#include <nettle/sha2.h>
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
	{ "id", BC_RAW, 0 },
	{ "kode", BC_TEXT, 0 },
	{ "nama", BC_TEXT, 1 },
	{ "kode_wilayah", BC_RAW, 1 },
	{ "alamat", BC_TEXT, 0 },
	{ "jenis_usaha", BC_RAW, 0 },
	{ "bidang_usaha", BC_TEXT, 0 },
	{ "tanggal_berdiri", BC_RAW, 0 },
	{ "tingkat", BC_RAW, 0 },
	{ "pendamping", BC_TEXT, 0 },
	{ "telepon_pendamping", BC_TEXT, 0 },
	{ "iuran_kas", BC_RAW, 0 },
	{ "iuran_iks", BC_RAW, 0 },
	{ "bantuan_uep", BC_RAW, 0 },
	{ "tahun_bantuan", BC_RAW, 0 },
	{ "catatan", BC_TEXT, 0 },
	{ "diubah_pada", BC_RAW, 0 },
	{ "dihapus", BC_RAW, 0 },
};
#define SEL_KELOMPOK \
	"SELECT id, kode, nama, kode_wilayah, alamat, jenis_usaha, bidang_usaha, " \
	"tanggal_berdiri, tingkat, pendamping, telepon_pendamping, iuran_kas, iuran_iks, " \
	"bantuan_uep, tahun_bantuan, catatan, diubah_pada, dihapus FROM kelompok"
#define WHERE_SINCE_KELOMPOK " WHERE " STORED_SINCE
#define ORDER_KELOMPOK " ORDER BY id"

static const bundle_col COLS_ANGGOTA[] = {
	{ "id", BC_RAW, 0 },
	{ "kelompok_id", BC_RAW, 1 },
	{ "nik", BC_IDNUM, 1 },
	{ "no_kk", BC_IDNUM, 1 },
	{ "nama", BC_TEXT, 1 },
	{ "jenis_kelamin", BC_RAW, 1 },
	{ "tempat_lahir", BC_TEXT, 0 },
	{ "tanggal_lahir", BC_RAW, 0 },
	{ "alamat", BC_TEXT, 0 },
	{ "rt", BC_TEXT, 0 },
	{ "rw", BC_TEXT, 0 },
	{ "telepon", BC_TEXT, 0 },
	{ "jabatan", BC_RAW, 0 },
	{ "tanggal_masuk", BC_RAW, 0 },
	{ "tanggal_keluar", BC_RAW, 0 },
	{ "terdaftar_dtsen", BC_RAW, 0 },
	{ "desil_dtsen", BC_RAW, 0 },
	{ "peserta_pkh", BC_RAW, 0 },
	{ "catatan", BC_TEXT, 0 },
	{ "diubah_pada", BC_RAW, 0 },
	{ "dihapus", BC_RAW, 0 },
};
#define SEL_ANGGOTA \
	"SELECT id, kelompok_id, nik, no_kk, nama, jenis_kelamin, tempat_lahir, " \
	"tanggal_lahir, alamat, rt, rw, telepon, jabatan, tanggal_masuk, tanggal_keluar, " \
	"terdaftar_dtsen, desil_dtsen, peserta_pkh, catatan, diubah_pada, dihapus FROM " \
	"anggota"
#define WHERE_SINCE_ANGGOTA " WHERE " STORED_SINCE
#define ORDER_ANGGOTA " ORDER BY id"

static const bundle_col COLS_PENILAIAN[] = {
	{ "id", BC_RAW, 0 },
	{ "anggota_id", BC_RAW, 1 },
	{ "tanggal", BC_RAW, 1 },
	{ "penilai", BC_TEXT, 0 },
	{ "k01", BC_RAW, 1 },
	{ "k02", BC_RAW, 1 },
	{ "k03", BC_RAW, 1 },
	{ "k04", BC_RAW, 1 },
	{ "k05", BC_RAW, 1 },
	{ "k06", BC_RAW, 1 },
	{ "k07", BC_RAW, 1 },
	{ "k08", BC_RAW, 1 },
	{ "k09", BC_RAW, 1 },
	{ "k10", BC_RAW, 1 },
	{ "k11", BC_RAW, 1 },
	{ "k12", BC_RAW, 1 },
	{ "k13", BC_RAW, 1 },
	{ "k14", BC_RAW, 1 },
	{ "luas_lantai_m2", BC_RAW, 0 },
	{ "jumlah_jiwa", BC_RAW, 0 },
	{ "penghasilan_bulanan", BC_RAW, 0 },
	{ "catatan", BC_TEXT, 0 },
	{ "skor", BC_DERIVED, 0 },
	{ "kategori", BC_DERIVED, 0 },
	{ "diubah_pada", BC_RAW, 0 },
	{ "dihapus", BC_RAW, 0 },
};
#define SEL_PENILAIAN \
	"SELECT id, anggota_id, tanggal, penilai, k01, k02, k03, k04, k05, k06, k07, k08, " \
	"k09, k10, k11, k12, k13, k14, luas_lantai_m2, jumlah_jiwa, penghasilan_bulanan, " \
	"catatan, skor, kategori, diubah_pada, dihapus FROM penilaian"
#define WHERE_SINCE_PENILAIAN " WHERE " STORED_SINCE
#define ORDER_PENILAIAN " ORDER BY id"

static const bundle_col COLS_PERTEMUAN[] = {
	{ "id", BC_RAW, 0 },
	{ "kelompok_id", BC_RAW, 1 },
	{ "tanggal", BC_RAW, 1 },
	{ "tempat", BC_TEXT, 0 },
	{ "pendamping_hadir", BC_RAW, 0 },
	{ "agenda", BC_TEXT, 0 },
	{ "keputusan", BC_TEXT, 0 },
	{ "catatan", BC_TEXT, 0 },
	{ "diubah_pada", BC_RAW, 0 },
	{ "dihapus", BC_RAW, 0 },
};
#define SEL_PERTEMUAN \
	"SELECT id, kelompok_id, tanggal, tempat, pendamping_hadir, agenda, keputusan, " \
	"catatan, diubah_pada, dihapus FROM pertemuan"
#define WHERE_SINCE_PERTEMUAN " WHERE " STORED_SINCE
#define ORDER_PERTEMUAN " ORDER BY id"

static const bundle_col COLS_KEHADIRAN[] = {
	{ "pertemuan_id", BC_RAW, 1 },
	{ "anggota_id", BC_RAW, 1 },
	{ "status", BC_RAW, 1 },
	{ "iuran_kas", BC_RAW, 0 },
	{ "iuran_iks", BC_RAW, 0 },
	{ "diubah_pada", BC_RAW, 0 },
};
#define SEL_KEHADIRAN \
	"SELECT pertemuan_id, anggota_id, status, iuran_kas, iuran_iks, diubah_pada FROM " \
	"kehadiran WHERE dihapus=0"
#define WHERE_SINCE_KEHADIRAN " AND " STORED_SINCE
#define ORDER_KEHADIRAN " ORDER BY pertemuan_id, anggota_id"

static const bundle_col COLS_KAS[] = {
	{ "id", BC_RAW, 0 },
	{ "kelompok_id", BC_RAW, 1 },
	{ "tanggal", BC_RAW, 1 },
	{ "no_bukti", BC_TEXT, 0 },
	{ "buku", BC_RAW, 1 },
	{ "kategori", BC_RAW, 1 },
	{ "uraian", BC_TEXT, 0 },
	{ "masuk", BC_RAW, 1 },
	{ "keluar", BC_RAW, 1 },
	{ "pertemuan_id", BC_RAW, 0 },
	{ "membalik_id", BC_RAW, 0 },
	{ "diubah_pada", BC_RAW, 0 },
	{ "dihapus", BC_RAW, 0 },
};
#define SEL_KAS \
	"SELECT id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, keluar, " \
	"pertemuan_id, membalik_id, diubah_pada, dihapus FROM kas"
#define WHERE_SINCE_KAS " WHERE " STORED_SINCE
#define ORDER_KAS " ORDER BY id"

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))
#define TABLE(name, U) \
	{ name, name ".csv", COLS_##U, NCOLS(COLS_##U), SEL_##U ORDER_##U, \
	  SEL_##U WHERE_SINCE_##U ORDER_##U, "SELECT count(*) FROM (" SEL_##U ")", \
	  "SELECT count(*) FROM (" SEL_##U WHERE_SINCE_##U ")" }

/* kehadiran.csv has no dihapus column (format 1): only live attendance rows are exported. */
const bundle_table_def BUNDLE_TABLES[BT_COUNT] = {
	TABLE("kelompok", KELOMPOK),
	TABLE("anggota", ANGGOTA),
	TABLE("penilaian", PENILAIAN),
	TABLE("pertemuan", PERTEMUAN),
	TABLE("kehadiran", KEHADIRAN),
	TABLE("kas", KAS),
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

void bundle_sha256_hex(const void *data, size_t n, char hex[65])
{
	struct sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&c);
	sha256_update(&c, n, data);
	sha256_digest(&c, sizeof d, d);
	to_hex(d, hex);
}

int bundle_sha256_file(const char *path, char hex[65], sk_err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), path, strerror(errno));
	struct sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE], buf[65536];
	size_t n;
	sha256_init(&c);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sha256_update(&c, n, buf);
	int bad = ferror(f);
	fclose(f);
	if (bad)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca."), path);
	sha256_digest(&c, sizeof d, d);
	to_hex(d, hex);
	return SK_OK;
}
