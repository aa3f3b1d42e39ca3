/* schema.c - the data model of spec/bundle.md as numbered migrations.
 * Every exchanged row has a UUID `id`, `diubah_pada` (UTC, kept current by the code and, as a
 * safety net, by triggers when a row is changed without touching it) and `dihapus` (soft delete).
 * kehadiran is keyed by (pertemuan_id, anggota_id) as the spec says. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "schema.h"
#include "util.h"

#define TS_NOW DB_NOW_SQL

/* Trigger keeping diubah_pada current when an UPDATE leaves it unchanged. */
#define TOUCH(t, key) \
	"CREATE TRIGGER " t "_diubah AFTER UPDATE ON " t " FOR EACH ROW " \
	"WHEN NEW.diubah_pada IS OLD.diubah_pada BEGIN " \
	"UPDATE " t " SET diubah_pada=" TS_NOW " WHERE " key "; END;\n"

static const char MIGRATION_1[] =
	"CREATE TABLE pengaturan (\n"
	"  kunci TEXT PRIMARY KEY, nilai TEXT NOT NULL, diubah_pada TEXT NOT NULL);\n"
	"CREATE TABLE wilayah (\n"
	"  kode TEXT PRIMARY KEY, nama TEXT NOT NULL,\n"
	"  tingkat INTEGER NOT NULL CHECK (tingkat BETWEEN 1 AND 4)) WITHOUT ROWID;\n"
	"CREATE INDEX wilayah_tingkat_nama ON wilayah(tingkat, nama);\n"
	"CREATE TABLE kelompok (\n"
	"  id TEXT PRIMARY KEY NOT NULL, kode TEXT, nama TEXT NOT NULL,\n"
	"  kode_wilayah TEXT NOT NULL, alamat TEXT,\n"
	"  jenis_usaha TEXT NOT NULL DEFAULT 'lainnya'\n"
	"    CHECK (jenis_usaha IN ('produksi','jasa','perdagangan','lainnya')),\n"
	"  bidang_usaha TEXT, tanggal_berdiri TEXT,\n"
	"  tingkat TEXT NOT NULL DEFAULT 'tumbuh'\n"
	"    CHECK (tingkat IN ('tumbuh','berkembang','maju','mandiri')),\n"
	"  pendamping TEXT, telepon_pendamping TEXT,\n"
	"  iuran_kas INTEGER NOT NULL DEFAULT 0 CHECK (iuran_kas >= 0),\n"
	"  iuran_iks INTEGER NOT NULL DEFAULT 0 CHECK (iuran_iks >= 0),\n"
	"  bantuan_uep INTEGER NOT NULL DEFAULT 0 CHECK (bantuan_uep >= 0),\n"
	"  tahun_bantuan INTEGER, catatan TEXT,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)));\n"
	"CREATE INDEX kelompok_nama ON kelompok(dihapus, nama);\n"
	"CREATE INDEX kelompok_wilayah ON kelompok(kode_wilayah);\n"
	"CREATE INDEX kelompok_diubah ON kelompok(diubah_pada);\n"
	"CREATE TABLE anggota (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  nik TEXT NOT NULL, no_kk TEXT NOT NULL, nama TEXT NOT NULL,\n"
	"  jenis_kelamin TEXT NOT NULL CHECK (jenis_kelamin IN ('L','P')),\n"
	"  tempat_lahir TEXT, tanggal_lahir TEXT, alamat TEXT, rt TEXT, rw TEXT, telepon TEXT,\n"
	"  jabatan TEXT NOT NULL DEFAULT 'anggota'\n"
	"    CHECK (jabatan IN ('ketua','sekretaris','bendahara','anggota')),\n"
	"  tanggal_masuk TEXT, tanggal_keluar TEXT,\n"
	"  terdaftar_dtsen INTEGER NOT NULL DEFAULT 0 CHECK (terdaftar_dtsen IN (0,1)),\n"
	"  desil_dtsen INTEGER CHECK (desil_dtsen BETWEEN 1 AND 10),\n"
	"  peserta_pkh INTEGER NOT NULL DEFAULT 0 CHECK (peserta_pkh IN (0,1)),\n"
	"  catatan TEXT,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)));\n"
	"CREATE INDEX anggota_kelompok ON anggota(kelompok_id, dihapus, nama);\n"
	"CREATE INDEX anggota_nik ON anggota(nik);\n"
	"CREATE INDEX anggota_no_kk ON anggota(no_kk);\n"
	"CREATE INDEX anggota_nama ON anggota(dihapus, nama);\n"
	"CREATE INDEX anggota_diubah ON anggota(diubah_pada);\n"
	/* Eligibility assessments. Beyond the bundle columns: nilai_tabungan (savings figure behind
	 * criterion 14) and ditimpa (criteria whose derived answer the clerk overrode, e.g. "k01,k14").
	 * skor and kategori are derived and stored for fast lists. */
	"CREATE TABLE penilaian (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  anggota_id TEXT NOT NULL REFERENCES anggota(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  tanggal TEXT NOT NULL, penilai TEXT,\n"
	"  k01 INTEGER NOT NULL DEFAULT 0 CHECK (k01 IN (0,1)), k02 INTEGER NOT NULL DEFAULT 0 CHECK (k02 IN (0,1)),\n"
	"  k03 INTEGER NOT NULL DEFAULT 0 CHECK (k03 IN (0,1)), k04 INTEGER NOT NULL DEFAULT 0 CHECK (k04 IN (0,1)),\n"
	"  k05 INTEGER NOT NULL DEFAULT 0 CHECK (k05 IN (0,1)), k06 INTEGER NOT NULL DEFAULT 0 CHECK (k06 IN (0,1)),\n"
	"  k07 INTEGER NOT NULL DEFAULT 0 CHECK (k07 IN (0,1)), k08 INTEGER NOT NULL DEFAULT 0 CHECK (k08 IN (0,1)),\n"
	"  k09 INTEGER NOT NULL DEFAULT 0 CHECK (k09 IN (0,1)), k10 INTEGER NOT NULL DEFAULT 0 CHECK (k10 IN (0,1)),\n"
	"  k11 INTEGER NOT NULL DEFAULT 0 CHECK (k11 IN (0,1)), k12 INTEGER NOT NULL DEFAULT 0 CHECK (k12 IN (0,1)),\n"
	"  k13 INTEGER NOT NULL DEFAULT 0 CHECK (k13 IN (0,1)), k14 INTEGER NOT NULL DEFAULT 0 CHECK (k14 IN (0,1)),\n"
	"  luas_lantai_m2 REAL CHECK (luas_lantai_m2 >= 0),\n"
	"  jumlah_jiwa INTEGER CHECK (jumlah_jiwa > 0),\n"
	"  penghasilan_bulanan INTEGER CHECK (penghasilan_bulanan >= 0),\n"
	"  nilai_tabungan INTEGER CHECK (nilai_tabungan >= 0),\n"
	"  ditimpa TEXT, catatan TEXT,\n"
	"  skor INTEGER NOT NULL DEFAULT 0 CHECK (skor BETWEEN 0 AND 14),\n"
	"  kategori TEXT NOT NULL DEFAULT 'tidak_miskin' CHECK (kategori IN ('miskin','tidak_miskin')),\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)));\n"
	"CREATE INDEX penilaian_anggota ON penilaian(anggota_id, dihapus, tanggal, diubah_pada);\n"
	"CREATE INDEX penilaian_diubah ON penilaian(diubah_pada);\n"
	"CREATE TABLE pertemuan (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  tanggal TEXT NOT NULL, tempat TEXT,\n"
	"  pendamping_hadir INTEGER NOT NULL DEFAULT 0 CHECK (pendamping_hadir IN (0,1)),\n"
	"  agenda TEXT, keputusan TEXT, catatan TEXT,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)));\n"
	"CREATE INDEX pertemuan_kelompok ON pertemuan(kelompok_id, dihapus, tanggal);\n"
	"CREATE INDEX pertemuan_diubah ON pertemuan(diubah_pada);\n"
	/* Attendance: keyed by the pair, as the spec says; dihapus kept for symmetry with the
	 * other tables (a row dropped from an edited meeting). */
	"CREATE TABLE kehadiran (\n"
	"  pertemuan_id TEXT NOT NULL REFERENCES pertemuan(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  anggota_id TEXT NOT NULL REFERENCES anggota(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  status TEXT NOT NULL CHECK (status IN ('H','I','S','A')),\n"
	"  iuran_kas INTEGER NOT NULL DEFAULT 0 CHECK (iuran_kas >= 0),\n"
	"  iuran_iks INTEGER NOT NULL DEFAULT 0 CHECK (iuran_iks >= 0),\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)),\n"
	"  PRIMARY KEY (pertemuan_id, anggota_id)) WITHOUT ROWID;\n"
	"CREATE INDEX kehadiran_anggota ON kehadiran(anggota_id);\n"
	"CREATE INDEX kehadiran_diubah ON kehadiran(diubah_pada);\n"
	"CREATE TABLE kas (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  tanggal TEXT NOT NULL, no_bukti TEXT,\n"
	"  buku TEXT NOT NULL CHECK (buku IN ('umum','iks')),\n"
	"  kategori TEXT NOT NULL CHECK (kategori IN ('iuran_kas','iuran_iks','bantuan','penjualan',\n"
	"    'pembelian','operasional','santunan','pinjaman','angsuran','bagi_hasil','lainnya')),\n"
	"  uraian TEXT,\n"
	"  masuk INTEGER NOT NULL DEFAULT 0 CHECK (masuk >= 0),\n"
	"  keluar INTEGER NOT NULL DEFAULT 0 CHECK (keluar >= 0),\n"
	"  pertemuan_id TEXT REFERENCES pertemuan(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  membalik_id TEXT REFERENCES kas(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)),\n"
	"  CHECK ((masuk > 0 AND keluar = 0) OR (keluar > 0 AND masuk = 0)));\n"
	"CREATE INDEX kas_buku ON kas(kelompok_id, buku, dihapus, tanggal);\n"
	"CREATE INDEX kas_pertemuan ON kas(pertemuan_id);\n"
	"CREATE INDEX kas_membalik ON kas(membalik_id);\n"
	"CREATE INDEX kas_diubah ON kas(diubah_pada);\n"
	/* Month close of a cash book: the counted cash and the difference to the book. */
	"CREATE TABLE tutup_kas (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  buku TEXT NOT NULL CHECK (buku IN ('umum','iks')),\n"
	"  bulan TEXT NOT NULL, saldo_buku INTEGER NOT NULL, saldo_hitung INTEGER NOT NULL,\n"
	"  selisih INTEGER NOT NULL, ditutup_oleh TEXT, catatan TEXT,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)));\n"
	"CREATE INDEX tutup_kas_buku ON tutup_kas(kelompok_id, buku, bulan);\n"
	TOUCH("kelompok", "id=NEW.id")
	TOUCH("anggota", "id=NEW.id")
	TOUCH("penilaian", "id=NEW.id")
	TOUCH("pertemuan", "id=NEW.id")
	TOUCH("kas", "id=NEW.id")
	TOUCH("tutup_kas", "id=NEW.id")
	TOUCH("kehadiran", "pertemuan_id=NEW.pertemuan_id AND anggota_id=NEW.anggota_id");

/* Lists over every member stay quick at 30,000 members (the office's eligibility figures,
 * Kelayakan for all groups, paging to the end): a member's latest assessment and its criteria
 * come from one entry of penilaian_terbaru, a group's members and the groups come in name
 * order straight from an index, and a search of every member by name or NIK reads a table
 * row only for the members it finds (NIK and group in the indexes); balances and running
 * balances of the cash books come from kas_saldo without reading the rows. Each replaces the
 * index it extends. */
static const char MIGRATION_2[] =
	"CREATE INDEX penilaian_terbaru ON penilaian(anggota_id, dihapus, tanggal DESC,\n"
	"  diubah_pada DESC, id DESC, k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12,\n"
	"  k13, k14);\n"
	"DROP INDEX penilaian_anggota;\n"
	"CREATE INDEX anggota_urut ON anggota(kelompok_id, dihapus, nama, id, tanggal_keluar,\n"
	"  nik);\n"
	"DROP INDEX anggota_kelompok;\n"
	"CREATE INDEX anggota_cari ON anggota(dihapus, nama, id, nik, kelompok_id);\n"
	"DROP INDEX anggota_nama;\n"
	"CREATE INDEX kelompok_urut ON kelompok(dihapus, nama, id);\n"
	"DROP INDEX kelompok_nama;\n"
	"CREATE INDEX kas_saldo ON kas(kelompok_id, buku, dihapus, tanggal, masuk, keluar);\n"
	"DROP INDEX kas_buku;\n";

/* The triggers keeping saldo_kas (migration 3; made again by migration 5 with the table). */
#define KAS_SALDO_TRIGGERS \
	"CREATE TRIGGER kas_saldo_tambah AFTER INSERT ON kas WHEN NEW.dihapus=0 BEGIN\n" \
	"  INSERT INTO saldo_kas VALUES (NEW.kelompok_id, NEW.buku, NEW.masuk-NEW.keluar)\n" \
	"  ON CONFLICT (kelompok_id, buku) DO UPDATE SET saldo=saldo+excluded.saldo; END;\n" \
	"CREATE TRIGGER kas_saldo_hapus AFTER DELETE ON kas WHEN OLD.dihapus=0 BEGIN\n" \
	"  UPDATE saldo_kas SET saldo=saldo-(OLD.masuk-OLD.keluar)\n" \
	"  WHERE kelompok_id=OLD.kelompok_id AND buku=OLD.buku; END;\n" \
	"CREATE TRIGGER kas_saldo_ubah AFTER UPDATE OF kelompok_id, buku, masuk, keluar, dihapus\n" \
	"  ON kas BEGIN\n" \
	"  UPDATE saldo_kas SET saldo=saldo-(OLD.masuk-OLD.keluar)\n" \
	"  WHERE OLD.dihapus=0 AND kelompok_id=OLD.kelompok_id AND buku=OLD.buku;\n" \
	"  INSERT INTO saldo_kas VALUES (NEW.kelompok_id, NEW.buku,\n" \
	"    CASE WHEN NEW.dihapus=0 THEN NEW.masuk-NEW.keluar ELSE 0 END)\n" \
	"  ON CONFLICT (kelompok_id, buku) DO UPDATE SET saldo=saldo+excluded.saldo; END;\n"

/* Each book's balance kept up to date by triggers (local and derived: never exported), so
 * an office-wide report does not sum 1.2 million ledger rows. `sikube check` compares it with
 * the ledger. */
static const char MIGRATION_3[] =
	"CREATE TABLE saldo_kas (\n"
	"  kelompok_id TEXT NOT NULL, buku TEXT NOT NULL, saldo INTEGER NOT NULL,\n"
	"  PRIMARY KEY (kelompok_id, buku)) WITHOUT ROWID;\n"
	"INSERT INTO saldo_kas SELECT kelompok_id, buku, sum(masuk-keluar) FROM kas\n"
	"  WHERE dihapus=0 GROUP BY kelompok_id, buku;\n"
	KAS_SALDO_TRIGGERS;

/* When this database stored each row's current version (local, never exported): a row merged
 * from another office keeps that office's diubah_pada, which may be older than this
 * database's last export, yet it is new here and belongs in the next --since-last bundle
 * (a kecamatan passing its kelurahan's data on to the district). Set by every store of the
 * code; NULL for rows stored before this migration, whose diubah_pada tells the same. The
 * partial indexes stay empty for those rows, so the migration is quick on a big database. */
#define STORED(t) \
	"ALTER TABLE " t " ADD COLUMN disimpan_pada TEXT;\n" \
	"CREATE INDEX " t "_disimpan ON " t "(disimpan_pada) WHERE disimpan_pada IS NOT NULL;\n"
static const char MIGRATION_4[] =
	STORED("kelompok") STORED("anggota") STORED("penilaian") STORED("pertemuan")
	STORED("kehadiran") STORED("kas");

/* Format 2 of the bundle (spec/bundle.md): the ledger gains sumber_id (the savings, loan,
 * repayment, fine or share-out row a ledger row posts), the book simpin and the categories
 * simpanan, penarikan and denda; a month close (tutup_kas, exchanged as tutup_buku.csv) gains
 * tanggal, the day of the count (old closes: the day they were saved, never before the
 * month's last day), and disimpan_pada. SQLite cannot widen a CHECK in place: both tables are
 * built anew. kas is copied in id order (its key index then grows at its end: quick on a
 * million rows) and its indexes and triggers are made after the copy. Floor areas that no
 * house has (outside 1-10,000 m²: the 0.0000001 or 1e15 older versions accepted, which
 * poisoned every later export) are emptied and the others rounded to two decimals, without
 * touching diubah_pada. Runs with foreign keys off (schema_migrate). */
static const char MIGRATION_5[] =
	"CREATE TABLE kas_baru (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  tanggal TEXT NOT NULL, no_bukti TEXT,\n"
	"  buku TEXT NOT NULL CHECK (buku IN ('umum','iks','simpin')),\n"
	"  kategori TEXT NOT NULL CHECK (kategori IN ('iuran_kas','iuran_iks','bantuan','penjualan',\n"
	"    'pembelian','operasional','santunan','pinjaman','angsuran','bagi_hasil','simpanan',\n"
	"    'penarikan','denda','lainnya')),\n"
	"  uraian TEXT,\n"
	"  masuk INTEGER NOT NULL DEFAULT 0 CHECK (masuk >= 0),\n"
	"  keluar INTEGER NOT NULL DEFAULT 0 CHECK (keluar >= 0),\n"
	"  pertemuan_id TEXT REFERENCES pertemuan(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  membalik_id TEXT REFERENCES kas_baru(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)),\n"
	"  disimpan_pada TEXT, sumber_id TEXT,\n"
	"  CHECK ((masuk > 0 AND keluar = 0) OR (keluar > 0 AND masuk = 0)));\n"
	"INSERT INTO kas_baru(rowid, id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian,\n"
	"  masuk, keluar, pertemuan_id, membalik_id, diubah_pada, dihapus, disimpan_pada)\n"
	"  SELECT rowid, id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, keluar,\n"
	"  pertemuan_id, membalik_id, diubah_pada, dihapus, disimpan_pada FROM kas ORDER BY rowid;\n"
	"DROP TABLE kas;\n"
	"ALTER TABLE kas_baru RENAME TO kas;\n"
	"CREATE INDEX kas_saldo ON kas(kelompok_id, buku, dihapus, tanggal, masuk, keluar);\n"
	"CREATE INDEX kas_pertemuan ON kas(pertemuan_id);\n"
	"CREATE INDEX kas_membalik ON kas(membalik_id);\n"
	"CREATE INDEX kas_diubah ON kas(diubah_pada);\n"
	"CREATE INDEX kas_disimpan ON kas(disimpan_pada) WHERE disimpan_pada IS NOT NULL;\n"
	"CREATE INDEX kas_sumber ON kas(sumber_id) WHERE sumber_id IS NOT NULL;\n"
	TOUCH("kas", "id=NEW.id")
	KAS_SALDO_TRIGGERS
	"CREATE TABLE tutup_kas_baru (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  buku TEXT NOT NULL CHECK (buku IN ('umum','iks','simpin')),\n"
	"  bulan TEXT NOT NULL, tanggal TEXT NOT NULL DEFAULT (date('now','localtime')),\n"
	"  saldo_buku INTEGER NOT NULL, saldo_hitung INTEGER NOT NULL,\n"
	"  selisih INTEGER NOT NULL, ditutup_oleh TEXT, catatan TEXT,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)),\n"
	"  disimpan_pada TEXT);\n"
	"INSERT INTO tutup_kas_baru(id, kelompok_id, buku, bulan, tanggal, saldo_buku, saldo_hitung,\n"
	"  selisih, ditutup_oleh, catatan, diubah_pada, dihapus)\n"
	"  SELECT id, kelompok_id, buku, bulan, max(date(diubah_pada),\n"
	"  date(bulan || '-01', '+1 month', '-1 day')), saldo_buku, saldo_hitung, selisih,\n"
	"  ditutup_oleh, catatan, diubah_pada, dihapus FROM tutup_kas ORDER BY id;\n"
	"DROP TABLE tutup_kas;\n"
	"ALTER TABLE tutup_kas_baru RENAME TO tutup_kas;\n"
	"CREATE INDEX tutup_kas_buku ON tutup_kas(kelompok_id, buku, bulan);\n"
	"CREATE INDEX tutup_kas_disimpan ON tutup_kas(disimpan_pada) WHERE disimpan_pada IS NOT NULL;\n"
	TOUCH("tutup_kas", "id=NEW.id")
	"DROP TRIGGER penilaian_diubah;\n"
	"UPDATE penilaian SET luas_lantai_m2 = CASE WHEN luas_lantai_m2 BETWEEN 1 AND 10000 THEN\n"
	"  round(luas_lantai_m2, 2) END WHERE luas_lantai_m2 IS NOT NULL AND (luas_lantai_m2 NOT\n"
	"  BETWEEN 1 AND 10000 OR luas_lantai_m2 <> round(luas_lantai_m2, 2));\n"
	TOUCH("penilaian", "id=NEW.id");

/* ---- kept summaries (migration 10) ------------------------------------------------------
 * What the screens and reports need of every member and group, kept up to date by triggers as
 * the data changes (plain SQL: the sqlite3 shell keeps them too), so that Kelayakan, the group
 * list and `report groups` read a few rows per group instead of every member's assessments.
 * Local and derived: never exported; `sikube check` compares each with a recomputation; an
 * import that bulk-loads a table drops the triggers that follow it and rebuilds the summary
 * set-wise before it commits (schema_summaries, import_bulk.c).
 *   nilai_anggota      each member: group, active (not deleted, not left), latest live
 *                      assessment (id, date, criteria met), as ASSESSMENT_LATEST_SQL orders
 *   ringkasan_skor     active members per group and latest score (-1: never assessed)
 *   ringkasan_tanggal  active assessed members per group and date of their latest assessment
 *   pertemuan_terakhir each group's last live meeting */

/* The latest live assessment of member m (its id, date, criteria met) as a subquery. */
#define LATEST_OF(m) \
	"(SELECT q.id AS id, q.tanggal AS tanggal, q.k01+q.k02+q.k03+q.k04+q.k05+q.k06+q.k07+" \
	"q.k08+q.k09+q.k10+q.k11+q.k12+q.k13+q.k14 AS skor FROM penilaian q WHERE q.anggota_id=" \
	m " AND q.dihapus=0 ORDER BY q.tanggal DESC, q.diubah_pada DESC, q.id DESC LIMIT 1)"
/* Member row a as a row of nilai_anggota (upsert). */
#define NILAI_UPSERT(a) \
	"  INSERT INTO nilai_anggota SELECT " a ".id, " a ".kelompok_id, " a ".dihapus=0 AND " a \
	".tanggal_keluar IS NULL, p.id, p.tanggal, p.skor FROM (SELECT 1) LEFT JOIN " \
	LATEST_OF(a ".id") " p WHERE true ON CONFLICT (anggota_id) DO UPDATE SET " \
	"kelompok_id=excluded.kelompok_id, aktif=excluded.aktif, penilaian_id=excluded.penilaian_id, " \
	"tanggal=excluded.tanggal, skor=excluded.skor;\n"
/* Member m's latest assessment again. */
#define NILAI_REFRESH(m) \
	"  UPDATE nilai_anggota SET (penilaian_id, tanggal, skor) = (SELECT id, tanggal, skor FROM " \
	LATEST_OF(m) ") WHERE anggota_id=" m ";\n"
/* A row r of nilai_anggota counted in (sign +) or out of (sign -) the group figures. */
#define RINGKAS_ADD(r) \
	"  INSERT INTO ringkasan_skor SELECT " r ".kelompok_id, coalesce(" r ".skor,-1), 1 WHERE " r \
	".aktif ON CONFLICT (kelompok_id, skor) DO UPDATE SET jumlah=jumlah+1;\n" \
	"  INSERT INTO ringkasan_tanggal SELECT " r ".kelompok_id, " r ".tanggal, 1 WHERE " r \
	".aktif AND " r ".tanggal IS NOT NULL ON CONFLICT (kelompok_id, tanggal) DO UPDATE SET " \
	"jumlah=jumlah+1;\n"
#define RINGKAS_SUB(r) \
	"  UPDATE ringkasan_skor SET jumlah=jumlah-1 WHERE " r ".aktif AND kelompok_id=" r \
	".kelompok_id AND skor=coalesce(" r ".skor,-1);\n" \
	"  DELETE FROM ringkasan_skor WHERE " r ".aktif AND kelompok_id=" r ".kelompok_id AND " \
	"skor=coalesce(" r ".skor,-1) AND jumlah<=0;\n" \
	"  UPDATE ringkasan_tanggal SET jumlah=jumlah-1 WHERE " r ".aktif AND kelompok_id=" r \
	".kelompok_id AND tanggal=" r ".tanggal;\n" \
	"  DELETE FROM ringkasan_tanggal WHERE " r ".aktif AND kelompok_id=" r ".kelompok_id AND " \
	"tanggal=" r ".tanggal AND jumlah<=0;\n"
/* Group g's last meeting again. */
#define LAST_MEETING_REFRESH(g) \
	"  DELETE FROM pertemuan_terakhir WHERE kelompok_id=" g ";\n" \
	"  INSERT INTO pertemuan_terakhir SELECT " g ", t FROM (SELECT max(tanggal) t FROM pertemuan " \
	"WHERE kelompok_id=" g " AND dihapus=0) WHERE t IS NOT NULL;\n"

#define NILAI_TRIGGERS \
	"CREATE TRIGGER anggota_nilai_tambah AFTER INSERT ON anggota BEGIN\n" NILAI_UPSERT("NEW") \
	"\nEND;\n" \
	"CREATE TRIGGER anggota_nilai_ubah AFTER UPDATE OF id, kelompok_id, dihapus, tanggal_keluar\n" \
	"  ON anggota BEGIN\n" \
	"  DELETE FROM nilai_anggota WHERE anggota_id=OLD.id AND OLD.id IS NOT NEW.id;\n" \
	NILAI_UPSERT("NEW") "\nEND;\n" \
	"CREATE TRIGGER anggota_nilai_hapus AFTER DELETE ON anggota BEGIN\n" \
	"  DELETE FROM nilai_anggota WHERE anggota_id=OLD.id; END;\n" \
	"CREATE TRIGGER penilaian_nilai_tambah AFTER INSERT ON penilaian WHEN NEW.dihapus=0 BEGIN\n" \
	NILAI_REFRESH("NEW.anggota_id") "\nEND;\n" \
	"CREATE TRIGGER penilaian_nilai_ubah AFTER UPDATE OF id, anggota_id, tanggal, diubah_pada,\n" \
	"  dihapus, k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12, k13, k14\n" \
	"  ON penilaian BEGIN\n" NILAI_REFRESH("OLD.anggota_id") \
	"  UPDATE nilai_anggota SET (penilaian_id, tanggal, skor) = (SELECT id, tanggal, skor FROM " \
	LATEST_OF("NEW.anggota_id") ") WHERE anggota_id=NEW.anggota_id AND NEW.anggota_id IS NOT\n" \
	"  OLD.anggota_id; END;\n" \
	"CREATE TRIGGER penilaian_nilai_hapus AFTER DELETE ON penilaian WHEN OLD.dihapus=0 BEGIN\n" \
	NILAI_REFRESH("OLD.anggota_id") "\nEND;\n" \
	"CREATE TRIGGER nilai_anggota_tambah AFTER INSERT ON nilai_anggota WHEN NEW.aktif BEGIN\n" \
	RINGKAS_ADD("NEW") "\nEND;\n" \
	"CREATE TRIGGER nilai_anggota_ubah AFTER UPDATE ON nilai_anggota WHEN (OLD.aktif OR\n" \
	"  NEW.aktif) AND (OLD.aktif IS NOT NEW.aktif OR OLD.kelompok_id IS NOT NEW.kelompok_id OR\n" \
	"  OLD.skor IS NOT NEW.skor OR OLD.tanggal IS NOT NEW.tanggal) BEGIN\n" \
	RINGKAS_SUB("OLD") RINGKAS_ADD("NEW") "\nEND;\n" \
	"CREATE TRIGGER nilai_anggota_hapus AFTER DELETE ON nilai_anggota WHEN OLD.aktif BEGIN\n" \
	RINGKAS_SUB("OLD") "\nEND;\n"
#define NILAI_REBUILD \
	"DELETE FROM nilai_anggota;\n" \
	"INSERT INTO nilai_anggota SELECT a.id, a.kelompok_id, a.dihapus=0 AND a.tanggal_keluar IS\n" \
	"  NULL, p.id, p.tanggal, p.k01+p.k02+p.k03+p.k04+p.k05+p.k06+p.k07+p.k08+p.k09+p.k10+\n" \
	"  p.k11+p.k12+p.k13+p.k14 FROM anggota a LEFT JOIN penilaian p ON p.id=(SELECT id FROM\n" \
	"  " LATEST_OF("a.id") ");\n" \
	"DELETE FROM ringkasan_skor;\n" \
	"INSERT INTO ringkasan_skor SELECT kelompok_id, coalesce(skor,-1), count(*) FROM\n" \
	"  nilai_anggota WHERE aktif GROUP BY 1, 2;\n" \
	"DELETE FROM ringkasan_tanggal;\n" \
	"INSERT INTO ringkasan_tanggal SELECT kelompok_id, tanggal, count(*) FROM nilai_anggota\n" \
	"  WHERE aktif AND tanggal IS NOT NULL GROUP BY 1, 2;\n"

#define LAST_MEETING_TRIGGERS \
	"CREATE TRIGGER pertemuan_terakhir_tambah AFTER INSERT ON pertemuan WHEN NEW.dihapus=0 BEGIN\n" \
	"  INSERT INTO pertemuan_terakhir VALUES (NEW.kelompok_id, NEW.tanggal)\n" \
	"  ON CONFLICT (kelompok_id) DO UPDATE SET tanggal=max(tanggal, excluded.tanggal); END;\n" \
	"CREATE TRIGGER pertemuan_terakhir_ubah AFTER UPDATE OF kelompok_id, tanggal, dihapus\n" \
	"  ON pertemuan BEGIN\n" LAST_MEETING_REFRESH("OLD.kelompok_id") \
	LAST_MEETING_REFRESH("NEW.kelompok_id") "\nEND;\n" \
	"CREATE TRIGGER pertemuan_terakhir_hapus AFTER DELETE ON pertemuan WHEN OLD.dihapus=0 BEGIN\n" \
	LAST_MEETING_REFRESH("OLD.kelompok_id") "\nEND;\n"
#define LAST_MEETING_REBUILD \
	"DELETE FROM pertemuan_terakhir;\n" \
	"INSERT INTO pertemuan_terakhir SELECT kelompok_id, max(tanggal) FROM pertemuan WHERE\n" \
	"  dihapus=0 GROUP BY kelompok_id;\n"

#define SALDO_REBUILD \
	"DELETE FROM saldo_kas;\n" \
	"INSERT INTO saldo_kas SELECT kelompok_id, buku, sum(masuk-keluar) FROM kas WHERE dihapus=0\n" \
	"  GROUP BY kelompok_id, buku;\n"

/* Kept summaries: the tables with their triggers (migration 10). */
static const char MIGRATION_10[] =
	"CREATE TABLE nilai_anggota (\n"
	"  anggota_id TEXT PRIMARY KEY NOT NULL, kelompok_id TEXT NOT NULL,\n"
	"  aktif INTEGER NOT NULL, penilaian_id TEXT, tanggal TEXT, skor INTEGER) WITHOUT ROWID;\n"
	"CREATE TABLE ringkasan_skor (\n"
	"  kelompok_id TEXT NOT NULL, skor INTEGER NOT NULL, jumlah INTEGER NOT NULL,\n"
	"  PRIMARY KEY (kelompok_id, skor)) WITHOUT ROWID;\n"
	"CREATE TABLE ringkasan_tanggal (\n"
	"  kelompok_id TEXT NOT NULL, tanggal TEXT NOT NULL, jumlah INTEGER NOT NULL,\n"
	"  PRIMARY KEY (kelompok_id, tanggal)) WITHOUT ROWID;\n"
	"CREATE TABLE pertemuan_terakhir (\n"
	"  kelompok_id TEXT PRIMARY KEY NOT NULL, tanggal TEXT NOT NULL) WITHOUT ROWID;\n"
	NILAI_REBUILD LAST_MEETING_REBUILD NILAI_TRIGGERS LAST_MEETING_TRIGGERS
	/* The rules of check_rules.c over every row (`sikube check`, a bulk import): a meeting's
	 * postings and their groups from one index, read in meeting order (was the table, row
	 * by row); each member's group from an index entry. */
	"DROP INDEX kas_pertemuan;\n"
	"CREATE INDEX kas_pertemuan ON kas(pertemuan_id, buku, dihapus, masuk, keluar, kelompok_id);\n"
	"CREATE INDEX anggota_id_kelompok ON anggota(id, kelompok_id);\n";

/* The verifications of `sikube check`: four text columns per difference. */
#define SALDO_VERIFY \
	"SELECT g.nama, l.buku, printf('%d', l.saldo), printf('%d', coalesce(s.saldo, 0)) FROM " \
	"(SELECT kelompok_id, buku, sum(masuk-keluar) saldo FROM kas WHERE dihapus=0 GROUP BY " \
	"kelompok_id, buku) l JOIN kelompok g ON g.id=l.kelompok_id LEFT JOIN saldo_kas s ON " \
	"s.kelompok_id=l.kelompok_id AND s.buku=l.buku WHERE coalesce(s.saldo, 0) <> l.saldo " \
	"UNION ALL SELECT coalesce(g.nama, s.kelompok_id), s.buku, '0', printf('%d', s.saldo) " \
	"FROM saldo_kas s LEFT JOIN kelompok g ON g.id=s.kelompok_id WHERE s.saldo <> 0 AND NOT " \
	"EXISTS (SELECT 1 FROM kas k WHERE k.kelompok_id=s.kelompok_id AND k.buku=s.buku AND " \
	"k.dihapus=0)"
/* A member's kept row against the member and its assessments: the member's name and id, what
 * the data says, what is kept. */
#define NILAI_NOW \
	"SELECT a.id AS anggota_id, a.kelompok_id AS kelompok_id, a.dihapus=0 AND " \
	"a.tanggal_keluar IS NULL AS aktif, p.id AS penilaian_id, p.tanggal AS tanggal, " \
	"p.k01+p.k02+p.k03+p.k04+p.k05+p.k06+p.k07+p.k08+p.k09+p.k10+p.k11+p.k12+p.k13+p.k14 " \
	"AS skor FROM anggota a LEFT JOIN penilaian p ON p.id=(SELECT id FROM " LATEST_OF("a.id") ")"
#define NILAI_TEXT(r) \
	"printf('%s/%d/%s/%s', " r ".kelompok_id, " r ".aktif, coalesce(" r ".tanggal,'-'), " \
	"coalesce(" r ".skor,'-'))"
#define NILAI_VERIFY \
	"SELECT coalesce(a.nama, d.anggota_id), d.anggota_id, coalesce((SELECT " NILAI_TEXT("n") \
	" FROM (" NILAI_NOW ") n WHERE n.anggota_id=d.anggota_id), '-'), coalesce((SELECT " \
	NILAI_TEXT("k") " FROM nilai_anggota k WHERE k.anggota_id=d.anggota_id), '-') FROM " \
	"(SELECT anggota_id FROM (SELECT * FROM (" NILAI_NOW ") EXCEPT SELECT * FROM nilai_anggota) " \
	"UNION SELECT anggota_id FROM (SELECT * FROM nilai_anggota EXCEPT SELECT * FROM (" NILAI_NOW \
	"))) d LEFT JOIN anggota a ON a.id=d.anggota_id"
/* Group figures against the kept members: group, what is counted, its number, kept number. */
#define COUNT_VERIFY(table, col, src) \
	"SELECT coalesce(g.nama, d.kelompok_id), d.k, printf('%d', coalesce(d.n, 0)), " \
	"printf('%d', coalesce(d.kept, 0)) FROM (SELECT kelompok_id, k, sum(n) n, sum(kept) kept " \
	"FROM (SELECT kelompok_id, " src " k, count(*) n, 0 kept FROM nilai_anggota WHERE aktif " \
	"AND " src " IS NOT NULL GROUP BY 1, 2 UNION ALL SELECT kelompok_id, " col ", 0, jumlah " \
	"FROM " table ") GROUP BY 1, 2 HAVING sum(n) <> sum(kept)) d LEFT JOIN kelompok g ON " \
	"g.id=d.kelompok_id"
#define LAST_MEETING_VERIFY \
	"SELECT coalesce(g.nama, d.kelompok_id), '', coalesce(d.t, '-'), coalesce(d.kept, '-') " \
	"FROM (SELECT kelompok_id, max(t) t, max(kept) kept FROM (SELECT kelompok_id, " \
	"max(tanggal) t, NULL kept FROM pertemuan WHERE dihapus=0 GROUP BY kelompok_id UNION ALL " \
	"SELECT kelompok_id, NULL, tanggal FROM pertemuan_terakhir) GROUP BY kelompok_id HAVING " \
	"max(t) IS NOT max(kept)) d LEFT JOIN kelompok g ON g.id=d.kelompok_id"


/* Names sorted case- and accent-insensitively (collate.h): a sort key stored beside each group
 * and member name, given by the code on every store (sk_sort_keys_refresh, when the command
 * line opens the database, fills the rows other programs wrote), and the lists' indexes on it in place of those on the name (the name stays
 * in them for searches that read no table row). A name changed by another program (the sqlite3
 * shell) loses its key, given again when SIKUBE next opens the database. The touch triggers
 * leave diubah_pada alone when only the key changes (a key is no change to exchange). draf: the
 * typed values of a form that was open when the window closed, offered back when it opens
 * again (local, never exported). */
#define TOUCH_NAMED(t) \
	"DROP TRIGGER " t "_diubah;\n" \
	"CREATE TRIGGER " t "_diubah AFTER UPDATE ON " t " FOR EACH ROW " \
	"WHEN NEW.diubah_pada IS OLD.diubah_pada AND NEW.urut_nama IS OLD.urut_nama BEGIN " \
	"UPDATE " t " SET diubah_pada=" TS_NOW " WHERE id=NEW.id; END;\n" \
	"CREATE TRIGGER " t "_nama_diubah AFTER UPDATE OF nama ON " t " FOR EACH ROW " \
	"WHEN NEW.nama IS NOT OLD.nama BEGIN UPDATE " t " SET urut_nama=NULL WHERE id=NEW.id; END;\n"
static const char MIGRATION_6[] =
	"ALTER TABLE kelompok ADD COLUMN urut_nama BLOB;\n"
	"ALTER TABLE anggota ADD COLUMN urut_nama BLOB;\n"
	TOUCH_NAMED("kelompok") TOUCH_NAMED("anggota")
	"CREATE INDEX kelompok_urut_nama ON kelompok(dihapus, urut_nama, id);\n"
	"DROP INDEX kelompok_urut;\n"
	"CREATE INDEX anggota_urut_nama ON anggota(kelompok_id, dihapus, urut_nama, id,\n"
	"  tanggal_keluar, nik, nama);\n"
	"DROP INDEX anggota_urut;\n"
	"CREATE INDEX anggota_cari_nama ON anggota(dihapus, urut_nama, id, nama, nik, kelompok_id);\n"
	"DROP INDEX anggota_cari;\n"
	"CREATE INDEX kelompok_tanpa_urut ON kelompok(id) WHERE urut_nama IS NULL;\n"
	"CREATE INDEX anggota_tanpa_urut ON anggota(id) WHERE urut_nama IS NULL;\n"
	"CREATE TABLE draf (\n"
	"  layar TEXT NOT NULL, kunci TEXT NOT NULL, isi TEXT NOT NULL, disimpan_pada TEXT NOT NULL,\n"
	"  PRIMARY KEY (layar, kunci)) WITHOUT ROWID;\n";

/* Savings and loans (spec/bundle.md format 2, docs/simpin.md section 2): a group's cycle and
 * its rules, member savings, loans, repayments, fines and the share-out. Each exchanged row
 * has id, diubah_pada, dihapus and disimpan_pada (local) with the touch trigger. No UNIQUE
 * constraint across rows: merges from two offices must not fail inside SQLite; the rules
 * between rows (one open cycle, balances, limits, postings) are check_rules.c's, shared by
 * import and check. jasa_persen_bulan and batas_pinjaman_kali are hundredths (2 % = 200,
 * 1.5 times = 150; NULL = no limit). */
#define SIMPIN_ROW \
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)),\n" \
	"  disimpan_pada TEXT"
#define REF(col, t) "  " col " TEXT REFERENCES " t "(id) DEFERRABLE INITIALLY DEFERRED,\n"
#define REF_NN(col, t) "  " col " TEXT NOT NULL REFERENCES " t "(id) DEFERRABLE INITIALLY DEFERRED,\n"
/* A repayment's amount as it counts: a reversal negated (docs/simpin.md, NET). */
#define SIGNED(row, col) \
	"(" row "." col " * CASE WHEN " row ".membalik_id IS NULL THEN 1 ELSE -1 END)"
/* A loan's repayment sums counted again from its repayments (id: an SQL expression); the
 * _LAST form ends the trigger. */
#define BAYAR_SUMS \
	"  UPDATE pinjaman SET (bayar_pokok, bayar_jasa, bayar_n, bayar_terakhir) = (SELECT " \
	"coalesce(sum(" SIGNED("a", "pokok") "), 0), coalesce(sum(" SIGNED("a", "jasa") "), 0), " \
	"count(*), max(a.tanggal) FROM angsuran a WHERE a.pinjaman_id=pinjaman.id AND " \
	"a.dihapus=0) WHERE id="
#define BAYAR_RECOUNT(id) BAYAR_SUMS id ";\n"
#define BAYAR_RECOUNT_LAST(id) BAYAR_SUMS id "; END;\n"
/* The triggers keeping each loan's repayment sums (kept in schema.h's SCHEMA_SUMMARIES as
 * "pinjaman"). */
#define LOAN_SUM_TRIGGERS \
	"CREATE TRIGGER angsuran_bayar_tambah AFTER INSERT ON angsuran WHEN NEW.dihapus=0 BEGIN\n" \
	"  UPDATE pinjaman SET bayar_pokok=bayar_pokok+" SIGNED("NEW", "pokok") ",\n" \
	"  bayar_jasa=bayar_jasa+" SIGNED("NEW", "jasa") ", bayar_n=bayar_n+1,\n" \
	"  bayar_terakhir=max(coalesce(bayar_terakhir, ''), NEW.tanggal) WHERE id=NEW.pinjaman_id; END;\n" \
	"CREATE TRIGGER angsuran_bayar_hapus AFTER DELETE ON angsuran WHEN OLD.dihapus=0 BEGIN\n" \
	BAYAR_RECOUNT_LAST("OLD.pinjaman_id") \
	"CREATE TRIGGER angsuran_bayar_ubah AFTER UPDATE OF pinjaman_id, tanggal, pokok, jasa,\n" \
	"  membalik_id, dihapus ON angsuran BEGIN\n" \
	BAYAR_RECOUNT("OLD.pinjaman_id") BAYAR_RECOUNT_LAST("NEW.pinjaman_id") \
	"CREATE TRIGGER pinjaman_bayar_awal AFTER INSERT ON pinjaman BEGIN\n" \
	BAYAR_RECOUNT_LAST("NEW.id")
/* Every loan's sums counted again (a bulk import, the triggers dropped meanwhile). */
#define LOAN_SUM_REBUILD \
	"UPDATE pinjaman SET (bayar_pokok, bayar_jasa, bayar_n, bayar_terakhir) = (SELECT " \
	"coalesce(sum(" SIGNED("a", "pokok") "), 0), coalesce(sum(" SIGNED("a", "jasa") "), 0), " \
	"count(*), max(a.tanggal) FROM angsuran a WHERE a.pinjaman_id=pinjaman.id AND " \
	"a.dihapus=0);\n"
/* What each loan's repayments add up to as kept in its row against the repayments. */
#define LOAN_SUM_VERIFY \
	"SELECT p.id, printf('%d/%d (%d)', coalesce(r.pokok,0), coalesce(r.jasa,0), " \
	"coalesce(r.n,0)), printf('%d/%d (%d)', p.bayar_pokok, p.bayar_jasa, p.bayar_n), '' FROM " \
	"pinjaman p LEFT JOIN (SELECT pinjaman_id, sum(CASE WHEN membalik_id IS NULL THEN pokok " \
	"ELSE -pokok END) pokok, sum(CASE WHEN membalik_id IS NULL THEN jasa ELSE -jasa END) jasa, " \
	"max(tanggal) terakhir, count(*) n FROM angsuran WHERE dihapus=0 GROUP BY pinjaman_id) r ON " \
	"r.pinjaman_id=p.id WHERE coalesce(r.pokok,0) <> p.bayar_pokok OR coalesce(r.jasa,0) <> " \
	"p.bayar_jasa OR coalesce(r.n,0) <> p.bayar_n OR r.terakhir IS NOT p.bayar_terakhir"
#define SIMPIN_STAMPS(t) \
	TOUCH(t, "id=NEW.id") \
	"CREATE INDEX " t "_disimpan ON " t "(disimpan_pada) WHERE disimpan_pada IS NOT NULL;\n"
static const char MIGRATION_7[] =
	"CREATE TABLE siklus (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	REF_NN("kelompok_id", "kelompok")
	"  nomor INTEGER NOT NULL CHECK (nomor >= 1),\n"
	"  mulai TEXT NOT NULL, selesai TEXT,\n"
	"  simpanan_pokok INTEGER NOT NULL DEFAULT 0 CHECK (simpanan_pokok >= 0),\n"
	"  simpanan_wajib INTEGER NOT NULL DEFAULT 0 CHECK (simpanan_wajib >= 0),\n"
	"  jasa_persen_bulan INTEGER NOT NULL DEFAULT 0 CHECK (jasa_persen_bulan BETWEEN 0 AND 1000),\n"
	"  metode_jasa TEXT NOT NULL DEFAULT 'flat' CHECK (metode_jasa IN ('flat','menurun')),\n"
	"  batas_pinjaman_kali INTEGER CHECK (batas_pinjaman_kali BETWEEN 0 AND 100000),\n"
	"  denda_alpa INTEGER NOT NULL DEFAULT 0 CHECK (denda_alpa >= 0),\n"
	"  denda_terlambat INTEGER NOT NULL DEFAULT 0 CHECK (denda_terlambat >= 0),\n"
	"  metode_bagi TEXT NOT NULL DEFAULT 'simpanan'\n"
	"    CHECK (metode_bagi IN ('simpanan','sama_rata','jasa')),\n"
	"  catatan TEXT,\n"
	SIMPIN_ROW ");\n"
	"CREATE INDEX siklus_kelompok ON siklus(kelompok_id, dihapus, nomor);\n"
	SIMPIN_STAMPS("siklus")
	"CREATE TABLE simpanan (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	REF_NN("siklus_id", "siklus") REF_NN("anggota_id", "anggota")
	"  tanggal TEXT NOT NULL,\n"
	"  jenis TEXT NOT NULL CHECK (jenis IN ('pokok','wajib','sukarela')),\n"
	"  setor INTEGER NOT NULL DEFAULT 0 CHECK (setor >= 0),\n"
	"  tarik INTEGER NOT NULL DEFAULT 0 CHECK (tarik >= 0),\n"
	REF("pertemuan_id", "pertemuan") REF("membalik_id", "simpanan")
	SIMPIN_ROW ",\n"
	"  CHECK ((setor > 0 AND tarik = 0) OR (tarik > 0 AND setor = 0)));\n"
	"CREATE INDEX simpanan_anggota ON simpanan(siklus_id, anggota_id, jenis, dihapus, tanggal,\n"
	"  setor, tarik);\n"
	"CREATE INDEX simpanan_pemilik ON simpanan(anggota_id);\n"
	"CREATE INDEX simpanan_pertemuan ON simpanan(pertemuan_id) WHERE pertemuan_id IS NOT NULL;\n"
	"CREATE INDEX simpanan_membalik ON simpanan(membalik_id) WHERE membalik_id IS NOT NULL;\n"
	SIMPIN_STAMPS("simpanan")
	"CREATE TABLE pinjaman (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	REF_NN("siklus_id", "siklus") REF_NN("anggota_id", "anggota")
	"  tanggal TEXT NOT NULL,\n"
	"  pokok INTEGER NOT NULL CHECK (pokok > 0),\n"
	"  jasa_persen_bulan INTEGER NOT NULL CHECK (jasa_persen_bulan BETWEEN 0 AND 1000),\n"
	"  metode_jasa TEXT NOT NULL CHECK (metode_jasa IN ('flat','menurun')),\n"
	"  jumlah_angsuran INTEGER NOT NULL CHECK (jumlah_angsuran BETWEEN 1 AND 520),\n"
	"  jarak_angsuran TEXT NOT NULL CHECK (jarak_angsuran IN ('minggu','bulan')),\n"
	"  sumber TEXT NOT NULL DEFAULT 'simpin' CHECK (sumber IN ('simpin','uep')),\n"
	"  tujuan TEXT, dihapusbukukan_pada TEXT,\n"
	REF("pertemuan_id", "pertemuan")
	SIMPIN_ROW ",\n"
	"  bayar_pokok INTEGER NOT NULL DEFAULT 0, bayar_jasa INTEGER NOT NULL DEFAULT 0,\n"
	"  bayar_n INTEGER NOT NULL DEFAULT 0, bayar_terakhir TEXT);\n"
	"CREATE INDEX pinjaman_siklus ON pinjaman(siklus_id, dihapus, anggota_id, tanggal);\n"
	"CREATE INDEX pinjaman_anggota ON pinjaman(anggota_id);\n"
	"CREATE INDEX pinjaman_pertemuan ON pinjaman(pertemuan_id) WHERE pertemuan_id IS NOT NULL;\n"
	/* Its repayment sums (bayar_*) change without changing the loan. */
	"CREATE TRIGGER pinjaman_diubah AFTER UPDATE OF siklus_id, anggota_id, tanggal, pokok,\n"
	"  jasa_persen_bulan, metode_jasa, jumlah_angsuran, jarak_angsuran, sumber, tujuan,\n"
	"  dihapusbukukan_pada, pertemuan_id, dihapus ON pinjaman FOR EACH ROW WHEN\n"
	"  NEW.diubah_pada IS OLD.diubah_pada BEGIN UPDATE pinjaman SET diubah_pada=" TS_NOW
	" WHERE id=NEW.id; END;\n"
	"CREATE INDEX pinjaman_disimpan ON pinjaman(disimpan_pada) WHERE disimpan_pada IS NOT NULL;\n"
	"CREATE TABLE angsuran (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	REF_NN("pinjaman_id", "pinjaman")
	"  tanggal TEXT NOT NULL,\n"
	"  pokok INTEGER NOT NULL DEFAULT 0 CHECK (pokok >= 0),\n"
	"  jasa INTEGER NOT NULL DEFAULT 0 CHECK (jasa >= 0),\n"
	REF("pertemuan_id", "pertemuan") REF("membalik_id", "angsuran")
	SIMPIN_ROW ",\n"
	"  CHECK (pokok + jasa > 0));\n"
	"CREATE INDEX angsuran_pinjaman ON angsuran(pinjaman_id, dihapus, tanggal, pokok, jasa,\n"
	"  membalik_id);\n"
	"CREATE INDEX angsuran_pertemuan ON angsuran(pertemuan_id) WHERE pertemuan_id IS NOT NULL;\n"
	"CREATE INDEX angsuran_membalik ON angsuran(membalik_id) WHERE membalik_id IS NOT NULL;\n"
	SIMPIN_STAMPS("angsuran")
	"CREATE TABLE denda (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	REF_NN("siklus_id", "siklus") REF_NN("anggota_id", "anggota")
	"  tanggal TEXT NOT NULL,\n"
	"  jenis TEXT NOT NULL CHECK (jenis IN ('alpa','terlambat','lainnya')),\n"
	"  jumlah INTEGER NOT NULL CHECK (jumlah > 0),\n"
	"  dibayar_pada TEXT,\n"
	"  dibebaskan INTEGER NOT NULL DEFAULT 0 CHECK (dibebaskan IN (0,1)),\n"
	REF("pertemuan_id", "pertemuan")
	"  catatan TEXT,\n"
	SIMPIN_ROW ");\n"
	"CREATE INDEX denda_siklus ON denda(siklus_id, dihapus, anggota_id);\n"
	"CREATE INDEX denda_anggota ON denda(anggota_id);\n"
	"CREATE INDEX denda_pertemuan ON denda(pertemuan_id) WHERE pertemuan_id IS NOT NULL;\n"
	SIMPIN_STAMPS("denda")
	"CREATE TABLE bagi_hasil (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	REF_NN("siklus_id", "siklus") REF_NN("anggota_id", "anggota")
	"  simpanan INTEGER NOT NULL CHECK (simpanan >= 0),\n"
	"  bagian_hasil INTEGER NOT NULL,\n"
	"  potongan INTEGER NOT NULL DEFAULT 0 CHECK (potongan >= 0),\n"
	"  dibayar INTEGER NOT NULL CHECK (dibayar >= 0),\n"
	SIMPIN_ROW ");\n"
	"CREATE INDEX bagi_hasil_siklus ON bagi_hasil(siklus_id, dihapus, anggota_id);\n"
	"CREATE INDEX bagi_hasil_anggota ON bagi_hasil(anggota_id);\n"
	SIMPIN_STAMPS("bagi_hasil")
	/* What each loan's live repayments add up to, their number and the date of the last, kept
	 * in the loan's row by triggers (local and derived, never exported; `sikube check`
	 * compares them with the repayments): a loan's position on any date from the last
	 * repayment on needs no look at its repayments, so the loans report of a kabupaten reads
	 * one row per loan (docs/simpin.md section 10). A loan stored after its repayments (an
	 * import in another order) counts them at once. */
	LOAN_SUM_TRIGGERS;

/* The group's development assessment (issue 14, docs/evaluasi.md): evaluasi as bundle.md
 * format 2 gives it (skor and tingkat derived), plus usulan and ditimpa, local: the scores
 * SIKUBE proposed when it was saved and the indicators scored against them. evaluasi_terbaru
 * answers "the latest assessment of a group" (and its skor) in one index entry.
 * kelompok_gagal (local, not in format 2) keeps the pendamping's decisions on groups proposed
 * as failed (no meeting for 12 weeks): gagal, or still aktif; who, when and why; a decision
 * taken back is dibatalkan. */
#define INDICATOR(c) "  " c " INTEGER NOT NULL CHECK (" c " BETWEEN 1 AND 4),\n"
static const char MIGRATION_8[] =
	"CREATE TABLE evaluasi (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  tanggal TEXT NOT NULL, penilai TEXT,\n"
	INDICATOR("s1") INDICATOR("s2") INDICATOR("s3") INDICATOR("s4")
	INDICATOR("e1") INDICATOR("e2") INDICATOR("e3") INDICATOR("e4")
	"  skor INTEGER NOT NULL CHECK (skor BETWEEN 8 AND 32),\n"
	"  tingkat TEXT NOT NULL CHECK (tingkat IN ('tumbuh','berkembang','maju','mandiri')),\n"
	"  catatan TEXT,\n"
	"  diubah_pada TEXT NOT NULL, dihapus INTEGER NOT NULL DEFAULT 0 CHECK (dihapus IN (0,1)),\n"
	"  usulan TEXT, ditimpa TEXT, disimpan_pada TEXT);\n"
	"CREATE INDEX evaluasi_terbaru ON evaluasi(kelompok_id, dihapus, tanggal DESC,\n"
	"  diubah_pada DESC, id DESC, skor);\n"
	"CREATE INDEX evaluasi_disimpan ON evaluasi(disimpan_pada) WHERE disimpan_pada IS NOT NULL;\n"
	TOUCH("evaluasi", "id=NEW.id")
	"CREATE TABLE kelompok_gagal (\n"
	"  id TEXT PRIMARY KEY NOT NULL,\n"
	"  kelompok_id TEXT NOT NULL REFERENCES kelompok(id) DEFERRABLE INITIALLY DEFERRED,\n"
	"  keputusan TEXT NOT NULL CHECK (keputusan IN ('gagal','aktif')),\n"
	"  tanggal TEXT NOT NULL, oleh TEXT NOT NULL, alasan TEXT,\n"
	"  dibatalkan INTEGER NOT NULL DEFAULT 0 CHECK (dibatalkan IN (0,1)),\n"
	"  dicatat_pada TEXT NOT NULL);\n"
	"CREATE INDEX kelompok_gagal_kelompok ON kelompok_gagal(kelompok_id, dibatalkan, tanggal);\n";
#undef INDICATOR

/* Operators and the audit trail (issue 16; docs/audit.md). operator: who may work on this
 * database, with a role (admin, operator, pendamping, pemeriksa) and Argon2id hashes of the
 * password and the PIN (libsodium's encoded strings, parameters inside); the failed attempts
 * and the lock are local bookkeeping. jejak: the audit trail, append-only, each row carrying
 * the hash of the one before (hash_sebelum) and its own (hash, over its fields and isi_hash,
 * the hash of lama and baru): the content of a row may later be blanked (retention, UU
 * 27/2022) without breaking the chain, nothing else may change and no row may go (the
 * triggers below; the sqlite3 shell can still drop them, which `sikube check` then finds).
 * kunci_kantor: this office's Ed25519 key pair (one row, never exported); kunci_tepercaya:
 * the office keys the district trusts. Nothing here calls a function of the program. */
static const char MIGRATION_9[] =
	"CREATE TABLE operator (\n"
	"  nama TEXT PRIMARY KEY NOT NULL, nama_lengkap TEXT,\n"
	"  peran TEXT NOT NULL CHECK (peran IN ('admin','operator','pendamping','pemeriksa')),\n"
	"  sandi TEXT NOT NULL, pin TEXT, aktif INTEGER NOT NULL DEFAULT 1 CHECK (aktif IN (0,1)),\n"
	"  gagal INTEGER NOT NULL DEFAULT 0, gagal_pin INTEGER NOT NULL DEFAULT 0,\n"
	"  terkunci_sampai TEXT, masuk_sandi_tanggal TEXT, dibuat_pada TEXT NOT NULL,\n"
	"  diubah_pada TEXT NOT NULL);\n"
	"CREATE TABLE jejak (\n"
	"  no INTEGER PRIMARY KEY, waktu TEXT NOT NULL, operator TEXT NOT NULL, operator2 TEXT,\n"
	"  peran TEXT, aksi TEXT NOT NULL, tabel TEXT, baris_id TEXT, kelompok_id TEXT,\n"
	"  anggota_id TEXT, lama TEXT, baru TEXT, keterangan TEXT, isi_hash TEXT NOT NULL,\n"
	"  hash_sebelum TEXT NOT NULL, hash TEXT NOT NULL);\n"
	"CREATE INDEX jejak_waktu ON jejak(waktu);\n"
	"CREATE INDEX jejak_operator ON jejak(operator, waktu);\n"
	"CREATE INDEX jejak_kelompok ON jejak(kelompok_id) WHERE kelompok_id IS NOT NULL;\n"
	"CREATE INDEX jejak_anggota ON jejak(anggota_id) WHERE anggota_id IS NOT NULL;\n"
	"CREATE TRIGGER jejak_tetap_hapus BEFORE DELETE ON jejak BEGIN\n"
	"  SELECT RAISE(ABORT, 'jejak audit tidak boleh dihapus'); END;\n"
	"CREATE TRIGGER jejak_tetap_ubah BEFORE UPDATE ON jejak WHEN NOT (\n"
	"  NEW.lama IS NULL AND NEW.baru IS NULL AND NEW.no IS OLD.no AND NEW.waktu IS OLD.waktu\n"
	"  AND NEW.operator IS OLD.operator AND NEW.operator2 IS OLD.operator2\n"
	"  AND NEW.peran IS OLD.peran AND NEW.aksi IS OLD.aksi AND NEW.tabel IS OLD.tabel\n"
	"  AND NEW.baris_id IS OLD.baris_id AND NEW.kelompok_id IS OLD.kelompok_id\n"
	"  AND NEW.anggota_id IS OLD.anggota_id AND NEW.keterangan IS OLD.keterangan\n"
	"  AND NEW.isi_hash IS OLD.isi_hash AND NEW.hash_sebelum IS OLD.hash_sebelum\n"
	"  AND NEW.hash IS OLD.hash) BEGIN\n"
	"  SELECT RAISE(ABORT, 'jejak audit tidak boleh diubah'); END;\n"
	"CREATE TABLE kunci_kantor (\n"
	"  satu INTEGER PRIMARY KEY CHECK (satu = 1), kunci_publik TEXT NOT NULL,\n"
	"  kunci_rahasia TEXT NOT NULL, dibuat_pada TEXT NOT NULL);\n"
	"CREATE TABLE kunci_tepercaya (\n"
	"  kunci_publik TEXT PRIMARY KEY NOT NULL, nama_kantor TEXT, kode_wilayah TEXT,\n"
	"  perangkat TEXT, dicabut INTEGER NOT NULL DEFAULT 0 CHECK (dicabut IN (0,1)),\n"
	"  dipercaya_pada TEXT NOT NULL, diubah_pada TEXT NOT NULL);\n";

/* The kept summaries (schema.h): migrations 3, 7 and 10. */
const schema_summary SCHEMA_SUMMARIES[] = {
	{ "saldo_kas", { "kas" },
	  { "kas_saldo_tambah", "kas_saldo_hapus", "kas_saldo_ubah" }, KAS_SALDO_TRIGGERS,
	  SALDO_REBUILD, SALDO_VERIFY,
	  N_("Kelompok %s, buku %s: saldo menurut baris kas Rp %s, tetapi saldo tersimpan Rp %s.") },
	{ "nilai_anggota", { "anggota", "penilaian" },
	  { "anggota_nilai_tambah", "anggota_nilai_ubah", "anggota_nilai_hapus",
	    "penilaian_nilai_tambah", "penilaian_nilai_ubah", "penilaian_nilai_hapus",
	    "nilai_anggota_tambah", "nilai_anggota_ubah", "nilai_anggota_hapus" },
	  NILAI_TRIGGERS, NILAI_REBUILD, NILAI_VERIFY,
	  N_("Anggota %s (%s): penilaian terakhir menurut data %s, tetapi ringkasan tersimpan %s "
	     "(kelompok/aktif/tanggal/skor).") },
	{ "ringkasan_skor", { NULL }, { NULL }, NULL, NULL,
	  COUNT_VERIFY("ringkasan_skor", "skor", "coalesce(skor,-1)"),
	  N_("Kelompok %s, skor %s (-1: belum dinilai): %s anggota aktif menurut data, tetapi "
	     "ringkasan tersimpan %s.") },
	{ "ringkasan_tanggal", { NULL }, { NULL }, NULL, NULL,
	  COUNT_VERIFY("ringkasan_tanggal", "tanggal", "tanggal"),
	  N_("Kelompok %s, penilaian terakhir tanggal %s: %s anggota aktif menurut data, tetapi "
	     "ringkasan tersimpan %s.") },
	{ "pertemuan_terakhir", { "pertemuan" },
	  { "pertemuan_terakhir_tambah", "pertemuan_terakhir_ubah", "pertemuan_terakhir_hapus" },
	  LAST_MEETING_TRIGGERS, LAST_MEETING_REBUILD, LAST_MEETING_VERIFY,
	  N_("Kelompok %s%s: pertemuan terakhir menurut data %s, tetapi tersimpan %s.") },
	{ "pinjaman", { "angsuran", "pinjaman" },
	  { "angsuran_bayar_tambah", "angsuran_bayar_hapus", "angsuran_bayar_ubah",
	    "pinjaman_bayar_awal" },
	  LOAN_SUM_TRIGGERS, LOAN_SUM_REBUILD, LOAN_SUM_VERIFY,
	  N_("Pinjaman %s: angsurannya berjumlah %s (pokok/jasa, banyaknya), tetapi jumlah "
	     "tersimpan %s.%s") },
	{ NULL, { NULL }, { NULL }, NULL, NULL, NULL, NULL },
};

/* Migration n (1-based) is MIGRATIONS[n-1]; append, never edit a released one. */
static const char *const MIGRATIONS[] = { MIGRATION_1, MIGRATION_2, MIGRATION_3, MIGRATION_4,
					  MIGRATION_5, MIGRATION_6, MIGRATION_7, MIGRATION_8,
					  MIGRATION_9, MIGRATION_10 };
#define N_MIGRATIONS ((int)(sizeof MIGRATIONS / sizeof MIGRATIONS[0]))

/* ---- CHECK constraints without IN lists (part of migration 10) -----------------------------
 * SQLite checks "CHECK (buku IN ('umum','iks','simpin'))" through a small temporary table
 * that it builds anew for every row written when the list has three values or more: a third
 * of the time of an insert into kehadiran, half of one into kas. The same check written as
 * "buku='umum' OR buku='iks' OR buku='simpin'" costs a few comparisons and accepts exactly
 * the same values (NULL too). A CHECK constraint is not part of what is stored on disk, so
 * SQLite's documented way to change one in place is used: the table's CREATE statement in
 * sqlite_schema is rewritten (PRAGMA writable_schema) and the schema version raised, inside
 * the migration's transaction. Only the exact form CHECK (<name> IN ('a','b',...)) of plain
 * quoted values is rewritten; anything else is left as it is. */

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

/* At p (just after "CHECK ("): "<name> IN ('a', 'b', ...))" with three values or more, then
 * appended to out as "<name>='a' OR <name>='b' ... )" and the end returned; else NULL. */
static const char *in_list_check(const char *p, char *out, size_t n)
{
	const char *name = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
	       (p > name && *p >= '0' && *p <= '9'))
		p++;
	int name_len = (int)(p - name);
	p = skip_space(p);
	if (name_len == 0 || strncmp(p, "IN", 2) != 0)
		return NULL;
	p = skip_space(p + 2);
	if (*p != '(')
		return NULL;
	char alts[2048] = "";
	size_t len = 0;
	int values = 0;
	for (p = skip_space(p + 1);; p = skip_space(p + 1)) {
		if (*p != '\'')
			return NULL;
		const char *v = ++p;
		while (*p && *p != '\'')
			p++;
		if (*p != '\'' || p[1] == '\'')
			return NULL; /* unterminated, or a quote inside: not rewritten */
		int w = snprintf(alts + len, sizeof alts - len, "%s%.*s='%.*s'", values ? " OR " : "",
				 name_len, name, (int)(p - v), v);
		if (w < 0 || (size_t)w >= sizeof alts - len)
			return NULL;
		len += (size_t)w;
		values++;
		p = skip_space(p + 1);
		if (*p == ')')
			break;
		if (*p != ',')
			return NULL;
	}
	p = skip_space(p + 1);
	if (*p != ')' || values < 3)
		return NULL;
	size_t have = strlen(out);
	if (have + len + 2 > n)
		return NULL;
	snprintf(out + have, n - have, "%s)", alts);
	return p + 1;
}

/* sql with every CHECK (<name> IN (three or more values)) written as comparisons, into out;
 * 1 when something was rewritten, 0 when not (or out too small). */
static int checks_without_in_lists(const char *sql, char *out, size_t n)
{
	int changed = 0;
	out[0] = '\0';
	for (const char *p = sql; *p;) {
		const char *c = strstr(p, "CHECK (");
		size_t have = strlen(out);
		size_t head = c ? (size_t)(c - p) + 7 : strlen(p);
		if (have + head + 1 > n)
			return 0;
		memcpy(out + have, p, head);
		out[have + head] = '\0';
		if (!c)
			break;
		const char *end = in_list_check(c + 7, out, n);
		if (end) {
			changed = 1;
			p = end;
		} else {
			p = c + 7;
		}
	}
	return changed;
}

static int rewrite_in_checks(sk_db *db, sk_err *e)
{
	static const char list[] = "SELECT name, sql FROM sqlite_schema WHERE type='table' AND "
				   "sql LIKE '%CHECK (%IN (%'";
	static const char upd[] = "UPDATE sqlite_schema SET sql=:sql WHERE type='table' AND name=:n";
	sqlite3_stmt *st = db_prepare_once(db, list, e);
	if (!st)
		return SK_DBERR;
	char *sql = malloc(65536);
	if (!sql)
		abort();
	int rc, changed = 0, writable = 0, err = SK_OK;
	while (err == SK_OK && (rc = db_step(db, st, e)) == SQLITE_ROW) {
		const char *old = (const char *)sqlite3_column_text(st, 1);
		if (!old || !checks_without_in_lists(old, sql, 65536))
			continue;
		if (!writable++)
			err = db_exec(db, "PRAGMA writable_schema=ON", e);
		sqlite3_stmt *u = err == SK_OK ? db_prepare_once(db, upd, e) : NULL;
		if (u) {
			db_bind_text(u, ":sql", sql);
			db_bind_text(u, ":n", (const char *)sqlite3_column_text(st, 0));
			err = db_step(db, u, e) == SQLITE_DONE ? SK_OK : SK_DBERR;
			changed++;
		} else {
			err = SK_DBERR;
		}
		db_finalize(u);
	}
	db_finalize(st);
	free(sql);
	if (err == SK_OK && changed) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA schema_version=%lld",
			 (long long)db_int(db, "PRAGMA schema_version", 0) + 1);
		err = db_exec(db, pragma, e);
	}
	if (writable)
		db_exec(db, "PRAGMA writable_schema=OFF", NULL);
	/* Read the schema again now: a rewritten statement SQLite could not read would fail the
	 * migration here, its transaction rolled back and the file left as it was. */
	if (err == SK_OK && changed)
		err = db_exec(db, "SELECT count(*) FROM sqlite_schema; SELECT * FROM kas LIMIT 0", e);
	return err;
}

static int run_migration(sk_db *db, int n, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	/* Another copy may have migrated while we waited for the write lock. */
	int ok = db_int(db, "PRAGMA user_version", 0) >= n;
	if (!ok) {
		char pragma[48];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", n);
		ok = db_exec(db, MIGRATIONS[n - 1], e) == SK_OK && db_exec(db, pragma, e) == SK_OK;
		if (ok && n == 1) {
			char uuid[SK_UUID_LEN + 1];
			sk_uuid_new(uuid);
			ok = db_setting_set(db, "perangkat", uuid, e) == SK_OK;
		}
		if (ok && n == 10)
			ok = rewrite_in_checks(db, e) == SK_OK;
	}
	int erc = db_end(db, ok, e);
	return ok ? erc : (e && e->status ? e->status : SK_DBERR);
}

int schema_migrate(sk_db *db, sk_err *e)
{
	int64_t v;
	int rc = db_count(db, db_prepare(db, "PRAGMA user_version", e), &v, e);
	if (rc != SK_OK)
		return rc;
	if (v > SK_SCHEMA_VERSION)
		return sk_err_set(e, SK_DBERR,
			_("Basis data %s dibuat oleh versi SIKUBE yang lebih baru (skema %d, versi ini "
			  "mengenal sampai %d). Perbarui SIKUBE; data tidak diubah."),
			db_path(db), (int)v, SK_SCHEMA_VERSION);
	/* Foreign keys off while migrating (a table built anew is dropped and renamed: SQLite's
	 * own procedure); they cannot change inside a transaction, so around all of them. */
	rc = v < N_MIGRATIONS ? db_exec(db, "PRAGMA foreign_keys=OFF", e) : SK_OK;
	for (int n = (int)v + 1; rc == SK_OK && n <= N_MIGRATIONS; n++)
		rc = run_migration(db, n, e);
	int frc = v < N_MIGRATIONS ? db_exec(db, "PRAGMA foreign_keys=ON", rc == SK_OK ? e : NULL)
				   : SK_OK;
	return rc != SK_OK ? rc : frc;
}
