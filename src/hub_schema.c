/* hub_schema.c - the hub's PostgreSQL schema as numbered migrations (table
 * sikube.versi_skema), each in one transaction under an advisory lock, so two first loads
 * at once do not both create it.
 *
 * Every data table carries prov, the province code of its row's group (the first two digits
 * of kelompok.kode_wilayah), is partitioned by it (PARTITION BY LIST, a partition per
 * province, made when the province's first rows arrive) and keyed by (id, prov): a province's
 * report and export touch only its partitions, and the same column is the distribution
 * column when the schema is spread over several servers (docs/hub.md). Columns follow
 * spec/bundle.md (format 1 and 2) in the same order; values are kept in the form the bundle
 * writes them (dates as date, which prints ISO; stamps and decimals as text, exactly as
 * written). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csvio.h"
#include "hub_priv.h"
#include "i18n.h"
#include "region.h"

/* pg_advisory_xact_lock key of schema changes ("SIKUBE-S"). */
#define LOCK_SCHEMA "5355424b45000001"

#define STAMP "diubah_pada text COLLATE \"C\" NOT NULL, dihapus smallint NOT NULL DEFAULT 0"
#define TABLE(name, cols) \
	"CREATE TABLE sikube." name " (prov smallint NOT NULL, id uuid NOT NULL, " cols ", " \
	STAMP ", PRIMARY KEY (id, prov)) PARTITION BY LIST (prov);\n"

static const char MIGRATION_1[] =
	/* the order of names, as the core's sort keys (src/collate.c): ICU root, primary
	 * strength, numbers by value; equal names are left to the next ORDER BY term (the id) */
	"CREATE COLLATION sikube.nama (provider = icu, locale = 'und-u-ks-level1-kn-true',\n"
	"  deterministic = false);\n"
	"CREATE TABLE sikube.pengaturan (kunci text PRIMARY KEY, nilai text NOT NULL);\n"
	"CREATE TABLE sikube.wilayah (kode text COLLATE \"C\" PRIMARY KEY, nama text NOT NULL,\n"
	"  tingkat smallint NOT NULL);\n"
	TABLE("kelompok", "kode text, nama text NOT NULL, kode_wilayah text COLLATE \"C\" NOT NULL, "
	      "alamat text, jenis_usaha text, bidang_usaha text, tanggal_berdiri date, "
	      "tingkat text, pendamping text, telepon_pendamping text, iuran_kas bigint, "
	      "iuran_iks bigint, bantuan_uep bigint, tahun_bantuan integer, catatan text")
	"CREATE INDEX ON sikube.kelompok (kode_wilayah);\n"
	TABLE("anggota", "kelompok_id uuid NOT NULL, nik text, no_kk text, nama text, "
	      "jenis_kelamin text, tempat_lahir text, tanggal_lahir date, alamat text, rt text, "
	      "rw text, telepon text, jabatan text, tanggal_masuk date, tanggal_keluar date, "
	      "terdaftar_dtsen smallint, desil_dtsen smallint, peserta_pkh smallint, catatan text")
	"CREATE INDEX ON sikube.anggota (kelompok_id);\n"
	TABLE("penilaian", "anggota_id uuid NOT NULL, tanggal date, penilai text, k01 smallint, "
	      "k02 smallint, k03 smallint, k04 smallint, k05 smallint, k06 smallint, k07 smallint, "
	      "k08 smallint, k09 smallint, k10 smallint, k11 smallint, k12 smallint, k13 smallint, "
	      "k14 smallint, luas_lantai_m2 text, jumlah_jiwa integer, penghasilan_bulanan bigint, "
	      "catatan text, skor smallint, kategori text")
	/* the assessment that counts: latest by tanggal, diubah_pada, id (as the core's) */
	"CREATE INDEX ON sikube.penilaian (anggota_id, tanggal DESC, diubah_pada DESC, id DESC)\n"
	"  WHERE dihapus = 0;\n"
	TABLE("pertemuan", "kelompok_id uuid NOT NULL, tanggal date, tempat text, "
	      "pendamping_hadir smallint, agenda text, keputusan text, catatan text")
	"CREATE INDEX ON sikube.pertemuan (kelompok_id, tanggal);\n"
	"CREATE TABLE sikube.kehadiran (prov smallint NOT NULL, pertemuan_id uuid NOT NULL,\n"
	"  anggota_id uuid NOT NULL, status text, iuran_kas bigint, iuran_iks bigint,\n"
	"  diubah_pada text COLLATE \"C\" NOT NULL, PRIMARY KEY (pertemuan_id, anggota_id, prov))\n"
	"  PARTITION BY LIST (prov);\n"
	TABLE("kas", "kelompok_id uuid NOT NULL, tanggal date, no_bukti text, buku text, "
	      "kategori text, uraian text, masuk bigint, keluar bigint, pertemuan_id uuid, "
	      "membalik_id uuid, sumber_id uuid")
	"CREATE INDEX ON sikube.kas (kelompok_id, buku);\n"
	"CREATE INDEX ON sikube.kas (pertemuan_id) WHERE pertemuan_id IS NOT NULL;\n"
	"CREATE INDEX ON sikube.kas (membalik_id) WHERE membalik_id IS NOT NULL;\n"
	"CREATE INDEX ON sikube.kas (sumber_id) WHERE sumber_id IS NOT NULL;\n"
	/* format 2 (spec/bundle.md): empty until the bundle brings them */
	TABLE("tutup_buku", "kelompok_id uuid NOT NULL, buku text, bulan text, tanggal date, "
	      "saldo_buku bigint, saldo_hitung bigint, catatan text")
	"CREATE INDEX ON sikube.tutup_buku (kelompok_id);\n"
	TABLE("siklus", "kelompok_id uuid NOT NULL, nomor integer, mulai date, selesai date, "
	      "simpanan_pokok bigint, simpanan_wajib bigint, jasa_persen_bulan text, "
	      "metode_jasa text, batas_pinjaman_kali text, denda_alpa bigint, "
	      "denda_terlambat bigint, metode_bagi text, catatan text")
	"CREATE INDEX ON sikube.siklus (kelompok_id);\n"
	TABLE("simpanan", "siklus_id uuid NOT NULL, anggota_id uuid, tanggal date, jenis text, "
	      "setor bigint, tarik bigint, pertemuan_id uuid, membalik_id uuid")
	"CREATE INDEX ON sikube.simpanan (siklus_id);\n"
	TABLE("pinjaman", "siklus_id uuid NOT NULL, anggota_id uuid, tanggal date, pokok bigint, "
	      "jasa_persen_bulan text, metode_jasa text, jumlah_angsuran integer, "
	      "jarak_angsuran text, sumber text, tujuan text, dihapusbukukan_pada date, "
	      "pertemuan_id uuid")
	"CREATE INDEX ON sikube.pinjaman (siklus_id);\n"
	TABLE("angsuran", "pinjaman_id uuid NOT NULL, tanggal date, pokok bigint, jasa bigint, "
	      "pertemuan_id uuid, membalik_id uuid")
	"CREATE INDEX ON sikube.angsuran (pinjaman_id);\n"
	TABLE("denda", "siklus_id uuid NOT NULL, anggota_id uuid, tanggal date, jenis text, "
	      "jumlah bigint, dibayar_pada date, dibebaskan smallint, pertemuan_id uuid, "
	      "catatan text")
	"CREATE INDEX ON sikube.denda (siklus_id);\n"
	TABLE("bagi_hasil", "siklus_id uuid NOT NULL, anggota_id uuid, simpanan bigint, "
	      "bagian_hasil bigint, potongan bigint, dibayar bigint")
	"CREATE INDEX ON sikube.bagi_hasil (siklus_id);\n"
	TABLE("evaluasi", "kelompok_id uuid NOT NULL, tanggal date, penilai text, s1 smallint, "
	      "s2 smallint, s3 smallint, s4 smallint, e1 smallint, e2 smallint, e3 smallint, "
	      "e4 smallint, skor smallint, tingkat text, catatan text")
	"CREATE INDEX ON sikube.evaluasi (kelompok_id, tanggal);\n"
	/* Each group's figures, kept by hub load for the groups a bundle touched, so that a
	 * report over a province or the country reads one row per group. */
	"CREATE TABLE sikube.ringkas (prov smallint NOT NULL, kelompok_id uuid NOT NULL,\n"
	"  anggota_aktif integer NOT NULL, anggota_dinilai integer NOT NULL,\n"
	"  anggota_miskin integer NOT NULL, desil_1_4 integer NOT NULL, pertemuan_terakhir date,\n"
	"  saldo_umum bigint NOT NULL, saldo_iks bigint NOT NULL, iks_terkumpul bigint NOT NULL,\n"
	"  PRIMARY KEY (kelompok_id, prov)) PARTITION BY LIST (prov);\n"
	/* One NIK, one active member, across every province: the hub's own unique index. */
	"CREATE TABLE sikube.nik_aktif (nik text PRIMARY KEY, anggota_id uuid NOT NULL,\n"
	"  prov smallint NOT NULL);\n"
	"CREATE INDEX ON sikube.nik_aktif (anggota_id);\n"
	/* Every bundle merged: which office sent what, when. */
	"CREATE TABLE sikube.muatan (id bigserial PRIMARY KEY, berkas text NOT NULL,\n"
	"  perangkat text, kode_wilayah_kantor text, dibuat_pada text, sejak text,\n"
	"  dimuat_pada timestamptz NOT NULL DEFAULT now(), ditambah bigint NOT NULL,\n"
	"  diperbarui bigint NOT NULL, tidak_berubah bigint NOT NULL);\n"
	/* The partitions of province p for every partitioned table of the schema, made as
	 * plain tables and attached (attaching does not lock readers out of the parent). Made
	 * when a province's first rows arrive; the ministry may make them all at once. */
	"CREATE FUNCTION sikube.buat_partisi(p smallint) RETURNS void LANGUAGE plpgsql AS $$\n"
	"DECLARE t text; n text;\n"
	"BEGIN\n"
	"  FOR t IN SELECT c.relname FROM pg_partitioned_table pt\n"
	"      JOIN pg_class c ON c.oid = pt.partrelid\n"
	"      JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'sikube' LOOP\n"
	"    n := t || '_p' || p;\n"
	"    IF to_regclass('sikube.' || n) IS NULL THEN\n"
	"      EXECUTE format('CREATE TABLE sikube.%I (LIKE sikube.%I INCLUDING DEFAULTS '\n"
	"        'INCLUDING CONSTRAINTS)', n, t);\n"
	"      EXECUTE format('ALTER TABLE sikube.%I ATTACH PARTITION sikube.%I FOR VALUES IN (%s)',\n"
	"        t, n, p);\n"
	"    END IF;\n"
	"  END LOOP;\n"
	"END $$;\n";

/* Savings and loans in the region figures (hub report regions, docs/hub.md): each group's
 * savings in its open cycle (else its last, as report savings takes it) with its figures,
 * and each loan's repayments summed (as the office keeps pinjaman.bayar_*), so that a
 * province's loans are placed on a date without reading every repayment. Both kept by hub
 * load for the groups a unit touches; filled here for what is already loaded. */
static const char MIGRATION_2[] =
	"ALTER TABLE sikube.ringkas ADD COLUMN simpanan bigint NOT NULL DEFAULT 0;\n"
	"CREATE TABLE sikube.bayar (prov smallint NOT NULL, pinjaman_id uuid NOT NULL,\n"
	"  pokok bigint NOT NULL, jasa bigint NOT NULL, terakhir date,\n"
	"  PRIMARY KEY (pinjaman_id, prov)) PARTITION BY LIST (prov);\n"
	"SELECT sikube.buat_partisi(prov) FROM (SELECT DISTINCT prov FROM sikube.kelompok) p;\n"
	"UPDATE sikube.ringkas r SET simpanan = " HUB_SAVINGS_SQL("r.prov", "r.kelompok_id") ";\n"
	"INSERT INTO sikube.bayar " HUB_REPAID_SQL("true") ";\n";

/* Each loan's schedule totals beside its repayments (docs/hub.md, "bayar"): the service its
 * schedule adds up to, worked out by the core's loan arithmetic (after_3 for what is already
 * loaded; hub load for the loans of the groups a unit touches), so that the regions report
 * passes over a loan paid off without working out its schedule. */
static const char MIGRATION_3[] =
	"ALTER TABLE sikube.bayar ADD COLUMN jasa_jadwal bigint;\n";

static int after_3(hub *h, sk_err *e)
{
	return hub_loan_schedules(h, "true", e);
}

struct region_copy {
	hub_copy *cp;
	int rows;
};

static int region_row(void *ctx, int line, int nf, char **f)
{
	struct region_copy *rc = ctx;
	if (line == 1 || nf < 2 || !region_level(f[0]))
		return 0;
	char lvl[4];
	snprintf(lvl, sizeof lvl, "%d", region_level(f[0]));
	hub_copy_field(rc->cp, f[0]);
	hub_copy_field(rc->cp, f[1]);
	hub_copy_field(rc->cp, lvl);
	hub_copy_eol(rc->cp);
	rc->rows++;
	return 0;
}

/* The shipped region list into sikube.wilayah, and the settings. */
static int after_1(hub *h, sk_err *e)
{
	char path[4096];
	if (sk_find_data("data/wilayah_kepmendagri_2025.csv", path, sizeof path) != 0)
		return sk_err_set(e, SK_IOERR, "%s", _("Daftar wilayah (data/wilayah_kepmendagri_2025.csv) "
						       "tidak ditemukan."));
	hub_copy cp;
	int rc = hub_copy_begin(h, &cp, "COPY sikube.wilayah (kode, nama, tingkat) FROM STDIN", e);
	if (rc != SK_OK)
		return rc;
	struct region_copy r = { .cp = &cp };
	sk_err ce;
	sk_err_clear(&ce);
	int read = csv_read_file(path, region_row, &r, &ce);
	rc = hub_copy_end(&cp, read == SK_OK && r.rows > 0);
	if (read != SK_OK)
		return sk_err_set(e, read, "%s", ce.msg);
	if (rc != SK_OK)
		return rc;
	char uuid[SK_UUID_LEN + 1], ambang[8];
	sk_uuid_new(uuid);
	snprintf(ambang, sizeof ambang, "%d", h->threshold);
	const char *p[] = { uuid, ambang };
	PGresult *res = hub_query(h, "INSERT INTO sikube.pengaturan VALUES ('perangkat', $1), "
			"('ambang_miskin', $2)", 2, p, e);
	if (!res)
		return SK_DBERR;
	PQclear(res);
	return SK_OK;
}

/* Each row's fingerprint (hub_row_sidik), set by every load from this version on; NULL on the
 * rows loaded before (a re-load judges those again, as before). */
static const char MIGRATION_4[] =
	"ALTER TABLE sikube.kelompok ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.anggota ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.penilaian ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.pertemuan ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.kehadiran ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.kas ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.tutup_buku ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.siklus ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.simpanan ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.pinjaman ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.angsuran ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.denda ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.bagi_hasil ADD COLUMN sidik uuid;\n"
	"ALTER TABLE sikube.evaluasi ADD COLUMN sidik uuid;\n";

static const struct {
	const char *sql;
	int (*after)(hub *h, sk_err *e);
} MIGRATIONS[] = {
	{ MIGRATION_1, after_1 },
	{ MIGRATION_2, NULL },
	{ MIGRATION_3, after_3 },
	{ MIGRATION_4, NULL },
};
#define N_MIGRATIONS ((int)(sizeof MIGRATIONS / sizeof MIGRATIONS[0]))

/* The schema's version; 0 when sikube.versi_skema does not exist. -1 on an error. */
static int schema_version(hub *h, sk_err *e)
{
	int ok;
	long long exists = hub_query_ll(h, "SELECT (to_regclass('sikube.versi_skema') IS NOT NULL)::int",
					0, NULL, 0, &ok, e);
	if (!ok)
		return -1;
	if (exists != 1)
		return 0;
	long long v = hub_query_ll(h, "SELECT max(versi) FROM sikube.versi_skema", 0, NULL, 0, &ok, e);
	return ok ? (int)v : -1;
}

static int newer_schema(int v, sk_err *e)
{
	return sk_err_set(e, SK_DBERR, _("Skema hub dibuat oleh versi SIKUBE yang lebih baru (skema "
				      "%d, versi ini mengenal sampai %d). Perbarui SIKUBE; data "
				      "tidak diubah."), v, HUB_SCHEMA_VERSION);
}

/* Migration n in one transaction; nothing when another session made it meanwhile. */
static int run_migration(hub *h, int n, sk_err *e)
{
	if (hub_exec(h, "BEGIN; SELECT pg_advisory_xact_lock(x'" LOCK_SCHEMA "'::bigint)", e) != SK_OK)
		return SK_DBERR;
	int v = schema_version(h, e);
	int rc = v < 0 ? SK_DBERR : SK_OK;
	if (rc == SK_OK && v < n) {
		if (v == 0)
			rc = hub_exec(h, "DO $$ BEGIN IF to_regnamespace('sikube') IS NULL THEN "
				      "CREATE SCHEMA sikube; END IF; END $$; "
				      "CREATE TABLE sikube.versi_skema (versi integer PRIMARY KEY, "
				      "dipasang_pada timestamptz NOT NULL DEFAULT now())", e);
		if (rc == SK_OK)
			rc = hub_exec(h, MIGRATIONS[n - 1].sql, e);
		if (rc == SK_OK && MIGRATIONS[n - 1].after)
			rc = MIGRATIONS[n - 1].after(h, e);
		if (rc == SK_OK)
			rc = hub_execf(h, e, "INSERT INTO sikube.versi_skema (versi) VALUES (%d)", n);
	}
	if (rc != SK_OK) {
		hub_exec(h, "ROLLBACK", NULL);
		return rc;
	}
	return hub_exec(h, "COMMIT", e);
}

static int read_settings(hub *h, sk_err *e)
{
	int ok;
	long long t = hub_query_ll(h, "SELECT nilai::int FROM sikube.pengaturan WHERE "
				   "kunci = 'ambang_miskin'", 0, NULL, 9, &ok, e);
	if (!ok)
		return SK_DBERR;
	h->threshold = t >= 1 && t <= 14 ? (int)t : 9;
	return SK_OK;
}

int hub_schema_ensure(hub *h, sk_err *e)
{
	int v = schema_version(h, e);
	if (v < 0)
		return SK_DBERR;
	if (v > HUB_SCHEMA_VERSION)
		return newer_schema(v, e);
	for (int n = v + 1; n <= N_MIGRATIONS; n++) {
		int rc = run_migration(h, n, e);
		if (rc != SK_OK)
			return rc;
	}
	return read_settings(h, e);
}

int hub_schema_check(hub *h, sk_err *e)
{
	int v = schema_version(h, e);
	if (v < 0)
		return SK_DBERR;
	if (v == 0)
		return sk_err_set(e, SK_NOTFOUND, "%s", _("Hub masih kosong: belum ada bundel yang "
						       "dimuat (sikube hub load)."));
	if (v > HUB_SCHEMA_VERSION)
		return newer_schema(v, e);
	if (v < HUB_SCHEMA_VERSION)
		return sk_err_set(e, SK_DBERR, _("Skema hub versi %d perlu diperbarui ke %d: jalankan "
					      "sikube hub load sekali (dengan hak menulis)."), v,
				  HUB_SCHEMA_VERSION);
	return read_settings(h, e);
}

int hub_region_known(hub *h, const char *kode)
{
	sk_err e;
	int ok;
	const char *p[] = { kode };
	return hub_query_ll(h, "SELECT count(*) FROM sikube.wilayah WHERE kode = $1", 1, p, 0, &ok,
			    &e) == 1;
}
