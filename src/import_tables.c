/* import_tables.c - one row of each bundle table: read its fields into the table's struct,
 * check them with the table's own field rules (the code the screens use) and the rows it
 * names, merge it by key. The rules between rows (officers, NIKs, reversals, dues and
 * postings, month closes...) run after the pass: check_rules.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "cashbook.h"
#include "evaluation.h"
#include "group.h"
#include "i18n.h"
#include "fixmath.h"
#include "import_priv.h"
#include "loan_calc.h"
#include "meeting.h"
#include "member.h"
#include "simpin.h"
#include "validate.h"

/* ---- kelompok ---------------------------------------------------------------------------- */

static int store_group(sk_db *db, const void *row, int insert, sk_err *e)
{
	return group_store_raw(db, row, insert, e);
}

static void row_kelompok(struct imp_file *fl)
{
	sk_group g;
	sk_issues is;
	group_init(&g);
	imp_own_id(fl, g.id);
	imp_text(fl, "kode", g.kode, sizeof g.kode);
	imp_text(fl, "nama", g.nama, sizeof g.nama);
	imp_text(fl, "kode_wilayah", g.kode_wilayah, sizeof g.kode_wilayah);
	imp_text(fl, "alamat", g.alamat, sizeof g.alamat);
	imp_text_or_default(fl, "jenis_usaha", g.jenis_usaha, sizeof g.jenis_usaha);
	imp_text(fl, "bidang_usaha", g.bidang_usaha, sizeof g.bidang_usaha);
	imp_text(fl, "tanggal_berdiri", g.tanggal_berdiri, sizeof g.tanggal_berdiri);
	imp_text_or_default(fl, "tingkat", g.tingkat, sizeof g.tingkat);
	imp_text(fl, "pendamping", g.pendamping, sizeof g.pendamping);
	imp_text(fl, "telepon_pendamping", g.telepon_pendamping, sizeof g.telepon_pendamping);
	g.iuran_kas = imp_num(fl, "iuran_kas", 0, NULL);
	g.iuran_iks = imp_num(fl, "iuran_iks", 0, NULL);
	g.bantuan_uep = imp_num(fl, "bantuan_uep", 0, NULL);
	g.tahun_bantuan = imp_optional_nonzero(fl, "tahun_bantuan");
	imp_text(fl, "catatan", g.catatan, sizeof g.catatan);
	imp_stamp(fl, g.diubah_pada);
	g.dihapus = imp_deleted_flag(fl);
	group_validate(fl->im->db, &g, &is);
	imp_report_issues(fl, &is);
	imp_merge(fl, g.id, NULL, g.diubah_pada, store_group, &g);
}

/* ---- anggota ----------------------------------------------------------------------------- */

static int store_member(sk_db *db, const void *row, int insert, sk_err *e)
{
	return member_store_raw(db, row, insert, e);
}

static void row_anggota(struct imp_file *fl)
{
	sk_member m;
	sk_issues is;
	memset(&m, 0, sizeof m);
	strcpy(m.jabatan, "anggota");
	imp_own_id(fl, m.id);
	imp_text(fl, "kelompok_id", m.kelompok_id, sizeof m.kelompok_id);
	imp_text(fl, "nik", m.nik, sizeof m.nik);
	imp_text(fl, "no_kk", m.no_kk, sizeof m.no_kk);
	imp_text(fl, "nama", m.nama, sizeof m.nama);
	imp_text(fl, "jenis_kelamin", m.jenis_kelamin, sizeof m.jenis_kelamin);
	imp_text(fl, "tempat_lahir", m.tempat_lahir, sizeof m.tempat_lahir);
	imp_text(fl, "tanggal_lahir", m.tanggal_lahir, sizeof m.tanggal_lahir);
	imp_text(fl, "alamat", m.alamat, sizeof m.alamat);
	imp_text(fl, "rt", m.rt, sizeof m.rt);
	imp_text(fl, "rw", m.rw, sizeof m.rw);
	imp_text(fl, "telepon", m.telepon, sizeof m.telepon);
	imp_text_or_default(fl, "jabatan", m.jabatan, sizeof m.jabatan);
	imp_text(fl, "tanggal_masuk", m.tanggal_masuk, sizeof m.tanggal_masuk);
	imp_text(fl, "tanggal_keluar", m.tanggal_keluar, sizeof m.tanggal_keluar);
	m.terdaftar_dtsen = imp_flag(fl, "terdaftar_dtsen");
	m.desil_dtsen = imp_optional_nonzero(fl, "desil_dtsen");
	m.peserta_pkh = imp_flag(fl, "peserta_pkh");
	imp_text(fl, "catatan", m.catatan, sizeof m.catatan);
	imp_stamp(fl, m.diubah_pada);
	m.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	member_validate_fields(fl->im->db, &m, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "kelompok_id", "kelompok", 0, N_("Kelompok anggota tidak ditemukan."));
	imp_merge(fl, m.id, NULL, m.diubah_pada, store_member, &m);
}

/* ---- penilaian --------------------------------------------------------------------------- */

/* nilai_tabungan and ditimpa do not travel: an update keeps the stored ones. */
static int store_assessment(sk_db *db, const void *row, int insert, sk_err *e)
{
	sk_assessment a = *(const sk_assessment *)row, old;
	if (!insert) {
		int rc = assessment_get(db, a.id, &old, e);
		if (rc != SK_OK)
			return rc;
		a.nilai_tabungan = old.nilai_tabungan;
		a.has_tabungan = old.has_tabungan;
		memcpy(a.ditimpa, old.ditimpa, sizeof a.ditimpa);
	}
	return assessment_store_raw(db, &a, insert, e);
}

static void row_penilaian(struct imp_file *fl)
{
	sk_assessment a;
	sk_issues is;
	char msg[240];
	memset(&a, 0, sizeof a);
	imp_own_id(fl, a.id);
	imp_text(fl, "anggota_id", a.anggota_id, sizeof a.anggota_id);
	imp_text(fl, "tanggal", a.tanggal, sizeof a.tanggal);
	imp_text(fl, "penilai", a.penilai, sizeof a.penilai);
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		char name[16];
		snprintf(name, sizeof name, "k%02d", (i + 1) % 100);
		a.k[i] = imp_required_flag(fl, name);
	}
	const char *luas = imp_val(fl, "luas_lantai_m2");
	a.has_luas = *luas != '\0';
	if (a.has_luas && assessment_parse_luas(luas, 0, &a.luas_lantai_m2, msg, sizeof msg) != 0) {
		imp_bad(fl, "luas_lantai_m2", luas, msg);
		a.has_luas = 0; /* said once: not again by the field rules */
	}
	a.jumlah_jiwa = imp_small(fl, "jumlah_jiwa", 0, &a.has_jiwa);
	a.penghasilan_bulanan = imp_num(fl, "penghasilan_bulanan", 0, &a.has_penghasilan);
	imp_text(fl, "catatan", a.catatan, sizeof a.catatan);
	imp_stamp(fl, a.diubah_pada);
	a.dihapus = imp_deleted_flag(fl);
	assessment_score(&a, fl->im->threshold);
	sk_issues_clear(&is);
	assessment_validate_fields(&a, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "anggota_id", "anggota", 0, N_("Anggota yang dinilai tidak ditemukan."));
	imp_merge(fl, a.id, NULL, a.diubah_pada, store_assessment, &a);
}

/* ---- pertemuan, kehadiran ---------------------------------------------------------------- */

static int store_meeting(sk_db *db, const void *row, int insert, sk_err *e)
{
	return meeting_store_raw(db, row, insert, e);
}

static void row_pertemuan(struct imp_file *fl)
{
	sk_meeting m;
	sk_issues is;
	memset(&m, 0, sizeof m);
	imp_own_id(fl, m.id);
	imp_text(fl, "kelompok_id", m.kelompok_id, sizeof m.kelompok_id);
	imp_text(fl, "tanggal", m.tanggal, sizeof m.tanggal);
	imp_text(fl, "tempat", m.tempat, sizeof m.tempat);
	m.pendamping_hadir = imp_flag(fl, "pendamping_hadir");
	imp_text(fl, "agenda", m.agenda, sizeof m.agenda);
	imp_text(fl, "keputusan", m.keputusan, sizeof m.keputusan);
	imp_text(fl, "catatan", m.catatan, sizeof m.catatan);
	imp_stamp(fl, m.diubah_pada);
	m.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	meeting_validate_fields(&m, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "kelompok_id", "kelompok", 0, N_("Kelompok pertemuan tidak ditemukan."));
	imp_merge(fl, m.id, NULL, m.diubah_pada, store_meeting, &m);
}

static int store_attendance(sk_db *db, const void *row, int insert, sk_err *e)
{
	return attendance_store_raw(db, row, insert, e);
}

static void row_kehadiran(struct imp_file *fl)
{
	sk_attendance a;
	sk_issues is;
	memset(&a, 0, sizeof a);
	imp_key_id(fl, "pertemuan_id", a.pertemuan_id);
	imp_key_id(fl, "anggota_id", a.anggota_id);
	imp_text(fl, "status", a.status, sizeof a.status);
	a.iuran_kas = imp_num(fl, "iuran_kas", 0, NULL);
	a.iuran_iks = imp_num(fl, "iuran_iks", 0, NULL);
	imp_stamp(fl, a.diubah_pada);
	sk_issues_clear(&is);
	attendance_validate_fields(&a, &is);
	imp_report_issues(fl, &is);
	if (*a.pertemuan_id)
		imp_ref(fl, "pertemuan_id", "pertemuan", 0, N_("Pertemuan tidak ditemukan."));
	if (*a.anggota_id)
		imp_ref(fl, "anggota_id", "anggota", 0, N_("Anggota tidak ditemukan."));
	imp_merge(fl, a.pertemuan_id, a.anggota_id, a.diubah_pada, store_attendance, &a);
}

/* ---- kas --------------------------------------------------------------------------------- */

static int store_cash(sk_db *db, const void *row, int insert, sk_err *e)
{
	return cash_store_raw(db, row, insert, e);
}

/* An optional column naming a row by its UUID. */
static void optional_uuid(struct imp_file *fl, const char *name, char *dst, size_t n)
{
	imp_text(fl, name, dst, n);
	if (*dst && !sk_uuid_valid(dst))
		imp_bad(fl, name, dst, _("Harus UUID huruf kecil 36 karakter, atau kosong."));
}

static void row_kas(struct imp_file *fl)
{
	sk_cash_row c;
	sk_issues is;
	memset(&c, 0, sizeof c);
	imp_own_id(fl, c.id);
	imp_text(fl, "kelompok_id", c.kelompok_id, sizeof c.kelompok_id);
	imp_text(fl, "tanggal", c.tanggal, sizeof c.tanggal);
	imp_text(fl, "no_bukti", c.no_bukti, sizeof c.no_bukti);
	imp_text(fl, "buku", c.buku, sizeof c.buku);
	imp_text(fl, "kategori", c.kategori, sizeof c.kategori);
	imp_text(fl, "uraian", c.uraian, sizeof c.uraian);
	c.masuk = imp_num(fl, "masuk", 0, NULL);
	c.keluar = imp_num(fl, "keluar", 0, NULL);
	optional_uuid(fl, "pertemuan_id", c.pertemuan_id, sizeof c.pertemuan_id);
	optional_uuid(fl, "membalik_id", c.membalik_id, sizeof c.membalik_id);
	imp_stamp(fl, c.diubah_pada);
	c.dihapus = imp_deleted_flag(fl);
	optional_uuid(fl, "sumber_id", c.sumber_id, sizeof c.sumber_id);
	sk_issues_clear(&is);
	cash_validate_fields(&c, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "kelompok_id", "kelompok", 0, N_("Kelompok tidak ditemukan."));
	if (*c.pertemuan_id && sk_uuid_valid(c.pertemuan_id))
		imp_ref(fl, "pertemuan_id", "pertemuan", 1, N_("Pertemuan tidak ditemukan."));
	imp_merge(fl, c.id, NULL, c.diubah_pada, store_cash, &c);
}

/* ---- tutup_buku (table tutup_kas) -------------------------------------------------------- */

struct close_row {
	char id[SK_UUID_LEN + 1];
	char kelompok_id[SK_UUID_LEN + 1];
	char buku[8];
	char bulan[8];
	char tanggal[16];
	int64_t saldo_buku, saldo_hitung;
	char catatan[1024];
	char diubah_pada[SK_TS_LEN + 1];
	int dihapus;
};

/* selisih is derived; ditutup_oleh does not travel (an update keeps it). */
static int store_close(sk_db *db, const void *row, int insert, sk_err *e)
{
	static const char ins[] =
		"INSERT INTO tutup_kas(id, kelompok_id, buku, bulan, tanggal, saldo_buku, "
		"saldo_hitung, selisih, catatan, diubah_pada, dihapus, disimpan_pada) VALUES(:id, "
		":g, :b, :m, :tgl, :sb, :sh, :sh - :sb, :cat, :t, :d, " DB_STORED_SQL ")";
	static const char upd[] =
		"UPDATE tutup_kas SET kelompok_id=:g, buku=:b, bulan=:m, tanggal=:tgl, saldo_buku=:sb, "
		"saldo_hitung=:sh, selisih=:sh - :sb, catatan=:cat, diubah_pada=:t, dihapus=:d, "
		"disimpan_pada=" DB_STORED_SQL " WHERE id=:id";
	const struct close_row *c = row;
	sqlite3_stmt *st = db_prepare(db, insert ? ins : upd, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", c->id);
	db_bind_text(st, ":g", c->kelompok_id);
	db_bind_text(st, ":b", c->buku);
	db_bind_text(st, ":m", c->bulan);
	db_bind_text(st, ":tgl", c->tanggal);
	db_bind_int64(st, ":sb", c->saldo_buku);
	db_bind_int64(st, ":sh", c->saldo_hitung);
	db_bind_text(st, ":cat", c->catatan);
	db_bind_text(st, ":t", c->diubah_pada);
	db_bind_int64(st, ":d", c->dihapus);
	int rc = db_step_write(db, st, N_("Tutup buku tidak ditemukan."), e);
	if (rc != SK_OK || insert)
		return rc;
	return db_restamp(db, "UPDATE tutup_kas SET diubah_pada=:t WHERE id=:k1 AND "
			  "diubah_pada IS NOT :t", c->id, NULL, c->diubah_pada, e);
}

/* 1 when s is YYYY-MM of a real month. */
static int valid_month(const char *s)
{
	char day[16];
	if (strlen(s) != 7)
		return 0;
	snprintf(day, sizeof day, "%s-01", s);
	return valid_date(day);
}

static void row_tutup_buku(struct imp_file *fl)
{
	struct close_row c;
	memset(&c, 0, sizeof c);
	imp_own_id(fl, c.id);
	imp_text(fl, "kelompok_id", c.kelompok_id, sizeof c.kelompok_id);
	imp_text(fl, "buku", c.buku, sizeof c.buku);
	imp_text(fl, "bulan", c.bulan, sizeof c.bulan);
	imp_text(fl, "tanggal", c.tanggal, sizeof c.tanggal);
	c.saldo_buku = imp_num(fl, "saldo_buku", -1, NULL);
	c.saldo_hitung = imp_num(fl, "saldo_hitung", -1, NULL);
	imp_text(fl, "catatan", c.catatan, sizeof c.catatan);
	imp_stamp(fl, c.diubah_pada);
	c.dihapus = imp_deleted_flag(fl);
	if (!valid_cash_buku(c.buku))
		imp_bad(fl, "buku", c.buku, _("Buku kas harus umum, iks atau simpin."));
	if (!valid_month(c.bulan))
		imp_bad(fl, "bulan", c.bulan, _("Bulan ditulis TTTT-BB, misalnya 2026-11."));
	if (!valid_date(c.tanggal))
		imp_bad(fl, "tanggal", c.tanggal, _("Tanggal wajib, tulis TTTT-BB-HH, misalnya "
						    "2025-03-15."));
	if (c.saldo_buku < 0)
		imp_bad(fl, "saldo_buku", imp_val(fl, "saldo_buku"),
			_("Saldo buku diisi rupiah 0 atau lebih."));
	if (c.saldo_hitung < 0)
		imp_bad(fl, "saldo_hitung", imp_val(fl, "saldo_hitung"),
			_("Uang yang dihitung diisi rupiah 0 atau lebih."));
	imp_ref(fl, "kelompok_id", "kelompok", 0, N_("Kelompok tidak ditemukan."));
	imp_merge(fl, c.id, NULL, c.diubah_pada, store_close, &c);
}

/* ---- savings and loans (format 2, docs/simpin.md) ---------------------------------------- */

/* A rate column (jasa_persen_bulan) into *out (hundredths); a problem when it is not one. */
static void rate_field(struct imp_file *fl, int *out)
{
	const char *v = imp_val(fl, "jasa_persen_bulan");
	int rc = loan_rate_parse(v, out);
	if (rc == FX_SYNTAX)
		imp_bad(fl, "jasa_persen_bulan", v, _("Jasa ditulis angka dengan paling banyak dua "
						      "desimal, misalnya 1.5."));
	else if (rc == FX_RANGE)
		/* xgettext:no-c-format */
		imp_bad(fl, "jasa_persen_bulan", v, _("Jasa paling tinggi 10% sebulan."));
}

static int store_cycle(sk_db *db, const void *row, int insert, sk_err *e)
{
	return cycle_store_raw(db, row, insert, e);
}

static void row_siklus(struct imp_file *fl)
{
	sk_cycle c;
	sk_issues is;
	cycle_init(&c, "");
	c.mulai[0] = '\0';
	imp_own_id(fl, c.id);
	imp_text(fl, "kelompok_id", c.kelompok_id, sizeof c.kelompok_id);
	c.nomor = imp_small(fl, "nomor", 0, NULL);
	imp_text(fl, "mulai", c.mulai, sizeof c.mulai);
	imp_text(fl, "selesai", c.selesai, sizeof c.selesai);
	c.simpanan_pokok = imp_num(fl, "simpanan_pokok", 0, NULL);
	c.simpanan_wajib = imp_num(fl, "simpanan_wajib", 0, NULL);
	rate_field(fl, &c.jasa_persen_bulan);
	imp_text(fl, "metode_jasa", c.metode_jasa, sizeof c.metode_jasa);
	const char *v = imp_val(fl, "batas_pinjaman_kali");
	int kali = -1, rc = loan_limit_parse(v, &kali);
	if (rc == FX_SYNTAX)
		imp_bad(fl, "batas_pinjaman_kali", v, _("Batas pinjaman ditulis angka dengan paling "
							"banyak dua desimal, misalnya 2 atau 1.5, atau "
							"kosong (tanpa batas)."));
	else if (rc == FX_RANGE)
		imp_bad(fl, "batas_pinjaman_kali", v, _("Batas pinjaman paling banyak 1000 kali "
							"simpanan."));
	c.has_batas = rc == FX_OK && kali >= 0;
	c.batas_pinjaman_kali = c.has_batas ? kali : 0;
	c.denda_alpa = imp_num(fl, "denda_alpa", 0, NULL);
	c.denda_terlambat = imp_num(fl, "denda_terlambat", 0, NULL);
	imp_text(fl, "metode_bagi", c.metode_bagi, sizeof c.metode_bagi);
	imp_text(fl, "catatan", c.catatan, sizeof c.catatan);
	imp_stamp(fl, c.diubah_pada);
	c.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	cycle_validate_fields(&c, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "kelompok_id", "kelompok", 0, N_("Kelompok siklus tidak ditemukan."));
	imp_merge(fl, c.id, NULL, c.diubah_pada, store_cycle, &c);
}

static int store_saving(sk_db *db, const void *row, int insert, sk_err *e)
{
	return saving_store_raw(db, row, insert, e);
}

static void row_simpanan(struct imp_file *fl)
{
	sk_saving s;
	sk_issues is;
	memset(&s, 0, sizeof s);
	imp_own_id(fl, s.id);
	imp_text(fl, "siklus_id", s.siklus_id, sizeof s.siklus_id);
	imp_text(fl, "anggota_id", s.anggota_id, sizeof s.anggota_id);
	imp_text(fl, "tanggal", s.tanggal, sizeof s.tanggal);
	imp_text(fl, "jenis", s.jenis, sizeof s.jenis);
	s.setor = imp_num(fl, "setor", 0, NULL);
	s.tarik = imp_num(fl, "tarik", 0, NULL);
	optional_uuid(fl, "pertemuan_id", s.pertemuan_id, sizeof s.pertemuan_id);
	optional_uuid(fl, "membalik_id", s.membalik_id, sizeof s.membalik_id);
	imp_stamp(fl, s.diubah_pada);
	s.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	saving_validate_fields(&s, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "siklus_id", "siklus", 0, N_("Siklus simpan pinjam tidak ditemukan."));
	imp_ref(fl, "anggota_id", "anggota", 0, N_("Anggota tidak ditemukan."));
	if (*s.pertemuan_id && sk_uuid_valid(s.pertemuan_id))
		imp_ref(fl, "pertemuan_id", "pertemuan", 1, N_("Pertemuan tidak ditemukan."));
	imp_merge(fl, s.id, NULL, s.diubah_pada, store_saving, &s);
}

static int store_loan(sk_db *db, const void *row, int insert, sk_err *e)
{
	return loan_store_raw(db, row, insert, e);
}

static void row_pinjaman(struct imp_file *fl)
{
	sk_loan l;
	sk_issues is;
	memset(&l, 0, sizeof l);
	imp_own_id(fl, l.id);
	imp_text(fl, "siklus_id", l.siklus_id, sizeof l.siklus_id);
	imp_text(fl, "anggota_id", l.anggota_id, sizeof l.anggota_id);
	imp_text(fl, "tanggal", l.tanggal, sizeof l.tanggal);
	l.pokok = imp_num(fl, "pokok", 0, NULL);
	rate_field(fl, &l.jasa_persen_bulan);
	imp_text(fl, "metode_jasa", l.metode_jasa, sizeof l.metode_jasa);
	l.jumlah_angsuran = imp_small(fl, "jumlah_angsuran", 0, NULL);
	imp_text(fl, "jarak_angsuran", l.jarak_angsuran, sizeof l.jarak_angsuran);
	imp_text(fl, "sumber", l.sumber, sizeof l.sumber);
	if (!*l.sumber)
		strcpy(l.sumber, "simpin");
	imp_text(fl, "tujuan", l.tujuan, sizeof l.tujuan);
	imp_text(fl, "dihapusbukukan_pada", l.dihapusbukukan_pada, sizeof l.dihapusbukukan_pada);
	optional_uuid(fl, "pertemuan_id", l.pertemuan_id, sizeof l.pertemuan_id);
	imp_stamp(fl, l.diubah_pada);
	l.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	loan_validate_fields(&l, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "siklus_id", "siklus", 0, N_("Siklus simpan pinjam tidak ditemukan."));
	imp_ref(fl, "anggota_id", "anggota", 0, N_("Anggota tidak ditemukan."));
	if (*l.pertemuan_id && sk_uuid_valid(l.pertemuan_id))
		imp_ref(fl, "pertemuan_id", "pertemuan", 1, N_("Pertemuan tidak ditemukan."));
	imp_merge(fl, l.id, NULL, l.diubah_pada, store_loan, &l);
}

static int store_repay(sk_db *db, const void *row, int insert, sk_err *e)
{
	return repay_store_raw(db, row, insert, e);
}

static void row_angsuran(struct imp_file *fl)
{
	sk_repay r;
	sk_issues is;
	memset(&r, 0, sizeof r);
	imp_own_id(fl, r.id);
	imp_text(fl, "pinjaman_id", r.pinjaman_id, sizeof r.pinjaman_id);
	imp_text(fl, "tanggal", r.tanggal, sizeof r.tanggal);
	r.pokok = imp_num(fl, "pokok", 0, NULL);
	r.jasa = imp_num(fl, "jasa", 0, NULL);
	optional_uuid(fl, "pertemuan_id", r.pertemuan_id, sizeof r.pertemuan_id);
	optional_uuid(fl, "membalik_id", r.membalik_id, sizeof r.membalik_id);
	imp_stamp(fl, r.diubah_pada);
	r.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	repay_validate_fields(&r, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "pinjaman_id", "pinjaman", 0, N_("Pinjaman tidak ditemukan."));
	if (*r.pertemuan_id && sk_uuid_valid(r.pertemuan_id))
		imp_ref(fl, "pertemuan_id", "pertemuan", 1, N_("Pertemuan tidak ditemukan."));
	imp_merge(fl, r.id, NULL, r.diubah_pada, store_repay, &r);
}

static int store_fine(sk_db *db, const void *row, int insert, sk_err *e)
{
	return fine_store_raw(db, row, insert, e);
}

static void row_denda(struct imp_file *fl)
{
	sk_fine f;
	sk_issues is;
	memset(&f, 0, sizeof f);
	imp_own_id(fl, f.id);
	imp_text(fl, "siklus_id", f.siklus_id, sizeof f.siklus_id);
	imp_text(fl, "anggota_id", f.anggota_id, sizeof f.anggota_id);
	imp_text(fl, "tanggal", f.tanggal, sizeof f.tanggal);
	imp_text(fl, "jenis", f.jenis, sizeof f.jenis);
	f.jumlah = imp_num(fl, "jumlah", 0, NULL);
	imp_text(fl, "dibayar_pada", f.dibayar_pada, sizeof f.dibayar_pada);
	f.dibebaskan = imp_flag(fl, "dibebaskan");
	optional_uuid(fl, "pertemuan_id", f.pertemuan_id, sizeof f.pertemuan_id);
	imp_text(fl, "catatan", f.catatan, sizeof f.catatan);
	imp_stamp(fl, f.diubah_pada);
	f.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	fine_validate_fields(&f, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "siklus_id", "siklus", 0, N_("Siklus simpan pinjam tidak ditemukan."));
	imp_ref(fl, "anggota_id", "anggota", 0, N_("Anggota tidak ditemukan."));
	if (*f.pertemuan_id && sk_uuid_valid(f.pertemuan_id))
		imp_ref(fl, "pertemuan_id", "pertemuan", 1, N_("Pertemuan tidak ditemukan."));
	imp_merge(fl, f.id, NULL, f.diubah_pada, store_fine, &f);
}

static int store_share(sk_db *db, const void *row, int insert, sk_err *e)
{
	return share_store_raw(db, row, insert, e);
}

static void row_bagi_hasil(struct imp_file *fl)
{
	sk_share b;
	sk_issues is;
	share_init(&b);
	imp_own_id(fl, b.id);
	imp_text(fl, "siklus_id", b.siklus_id, sizeof b.siklus_id);
	imp_text(fl, "anggota_id", b.anggota_id, sizeof b.anggota_id);
	b.simpanan = imp_num(fl, "simpanan", 0, NULL);
	b.bagian_hasil = imp_num(fl, "bagian_hasil", 0, NULL);
	b.potongan = imp_num(fl, "potongan", 0, NULL);
	b.dibayar = imp_num(fl, "dibayar", 0, NULL);
	imp_stamp(fl, b.diubah_pada);
	b.dihapus = imp_deleted_flag(fl);
	sk_issues_clear(&is);
	share_validate_fields(&b, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "siklus_id", "siklus", 0, N_("Siklus simpan pinjam tidak ditemukan."));
	imp_ref(fl, "anggota_id", "anggota", 0, N_("Anggota tidak ditemukan."));
	imp_merge(fl, b.id, NULL, b.diubah_pada, store_share, &b);
}

/* ---- evaluasi ---------------------------------------------------------------------------- */

/* usulan and ditimpa do not travel: an update keeps the stored proposals and marks the
 * overrides of the scores it brings against them. */
static int store_evaluation(sk_db *db, const void *row, int insert, sk_err *e)
{
	sk_evaluation ev = *(const sk_evaluation *)row, old;
	if (!insert) {
		int rc = evaluation_get(db, ev.id, &old, e);
		if (rc != SK_OK)
			return rc;
		memcpy(ev.usulan, old.usulan, sizeof ev.usulan);
		evaluation_mark_overrides(&ev);
	}
	return evaluation_store_raw(db, &ev, insert, e);
}

/* skor and tingkat are derived: recomputed from the indicators, never read. */
static void row_evaluasi(struct imp_file *fl)
{
	sk_evaluation ev;
	sk_issues is;
	memset(&ev, 0, sizeof ev);
	imp_own_id(fl, ev.id);
	imp_text(fl, "kelompok_id", ev.kelompok_id, sizeof ev.kelompok_id);
	imp_text(fl, "tanggal", ev.tanggal, sizeof ev.tanggal);
	imp_text(fl, "penilai", ev.penilai, sizeof ev.penilai);
	for (int i = 0; i < EVAL_INDICATORS; i++)
		ev.v[i] = imp_small(fl, EVAL_FIELDS[i], 0, NULL);
	imp_text(fl, "catatan", ev.catatan, sizeof ev.catatan);
	imp_stamp(fl, ev.diubah_pada);
	ev.dihapus = imp_deleted_flag(fl);
	evaluation_derive(&ev);
	sk_issues_clear(&is);
	evaluation_validate_fields(&ev, &is);
	imp_report_issues(fl, &is);
	imp_ref(fl, "kelompok_id", "kelompok", 0, N_("Kelompok yang dinilai tidak ditemukan."));
	imp_merge(fl, ev.id, NULL, ev.diubah_pada, store_evaluation, &ev);
}

/* ---- the tables, in enum bundle_table order ---------------------------------------------- */

static void (*const IMP_ROWS[BT_COUNT])(struct imp_file *) = {
	[BT_KELOMPOK] = row_kelompok,
	[BT_ANGGOTA] = row_anggota,
	[BT_PENILAIAN] = row_penilaian,
	[BT_PERTEMUAN] = row_pertemuan,
	[BT_KEHADIRAN] = row_kehadiran,
	[BT_KAS] = row_kas,
	[BT_TUTUP_BUKU] = row_tutup_buku,
	[BT_SIKLUS] = row_siklus,
	[BT_SIMPANAN] = row_simpanan,
	[BT_PINJAMAN] = row_pinjaman,
	[BT_ANGSURAN] = row_angsuran,
	[BT_DENDA] = row_denda,
	[BT_BAGI_HASIL] = row_bagi_hasil,
	[BT_EVALUASI] = row_evaluasi,
};

void imp_row(struct imp_file *fl)
{
	if (!IMP_ROWS[fl->table])
		abort(); /* a table without its row function (src/bundle.c says how to add one) */
	IMP_ROWS[fl->table](fl);
}
