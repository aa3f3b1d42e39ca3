/* assessment.c - eligibility assessments (14 BPS criteria): rules, score and storage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "i18n.h"
#include "validate.h"

void assessment_init(sk_assessment *a, const char *anggota_id)
{
	memset(a, 0, sizeof *a);
	sk_strlcpy(a->anggota_id, anggota_id, sizeof a->anggota_id);
	sk_today(a->tanggal);
	strcpy(a->kategori, "tidak_miskin");
}

int assessment_threshold(sk_db *db)
{
	char v[16];
	db_setting_get(db, "ambang_miskin", "", v, sizeof v);
	int t = atoi(v);
	return t >= 1 && t <= ASSESSMENT_CRITERIA ? t : ASSESSMENT_DEFAULT_THRESHOLD;
}

void assessment_score(sk_assessment *a, int threshold)
{
	a->skor = 0;
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++)
		a->skor += a->k[i] == 1;
	strcpy(a->kategori, a->skor >= threshold ? "miskin" : "tidak_miskin");
}

void assessment_validate_fields(const sk_assessment *a, sk_issues *is)
{
	validate_date_required(is, "tanggal", a->tanggal,
			       _("Tanggal penilaian wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		char field[16];
		snprintf(field, sizeof field, "k%02d", (i + 1) % 100);
		if (a->k[i] != 0 && a->k[i] != 1)
			sk_issues_add(is, field, SK_SEV_ERROR, "%s",
				      _("Kriteria diisi 1 (terpenuhi) atau 0 (tidak)."));
	}
	if (a->has_luas && !(a->luas_lantai_m2 >= 0))
		sk_issues_add(is, "luas_lantai_m2", SK_SEV_ERROR, "%s",
			      _("Luas lantai tidak boleh negatif."));
	if (a->has_jiwa && a->jumlah_jiwa <= 0)
		sk_issues_add(is, "jumlah_jiwa", SK_SEV_ERROR, "%s",
			      _("Jumlah jiwa paling sedikit 1, atau kosong."));
	if (a->has_penghasilan && a->penghasilan_bulanan < 0)
		sk_issues_add(is, "penghasilan_bulanan", SK_SEV_ERROR, "%s",
			      _("Jumlah uang tidak boleh negatif."));
	if (a->has_tabungan && a->nilai_tabungan < 0)
		sk_issues_add(is, "nilai_tabungan", SK_SEV_ERROR, "%s",
			      _("Jumlah uang tidak boleh negatif."));
}

void assessment_validate_links(sk_db *db, const sk_assessment *a, sk_issues *is)
{
	validate_ref(db, is, "anggota_id", "SELECT 1 FROM anggota WHERE id=:id", a->anggota_id,
		     _("Anggota yang dinilai tidak ditemukan."));
}

void assessment_validate(sk_db *db, const sk_assessment *a, sk_issues *is)
{
	sk_issues_clear(is);
	assessment_validate_fields(a, is);
	assessment_validate_links(db, a, is);
}

#define ASSESSMENT_COLS \
	"id, anggota_id, tanggal, penilai, k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, " \
	"k12, k13, k14, luas_lantai_m2, jumlah_jiwa, penghasilan_bulanan, nilai_tabungan, ditimpa, " \
	"catatan, skor, kategori, diubah_pada, dihapus"

int assessment_get(sk_db *db, const char *id, sk_assessment *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " ASSESSMENT_COLS " FROM penilaian WHERE id=:id", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", id);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		db_col_text(st, 0, out->id, sizeof out->id);
		db_col_text(st, 1, out->anggota_id, sizeof out->anggota_id);
		db_col_text(st, 2, out->tanggal, sizeof out->tanggal);
		db_col_text(st, 3, out->penilai, sizeof out->penilai);
		for (int i = 0; i < ASSESSMENT_CRITERIA; i++)
			out->k[i] = sqlite3_column_int(st, 4 + i);
		out->has_luas = sqlite3_column_type(st, 18) != SQLITE_NULL;
		out->luas_lantai_m2 = sqlite3_column_double(st, 18);
		out->has_jiwa = sqlite3_column_type(st, 19) != SQLITE_NULL;
		out->jumlah_jiwa = sqlite3_column_int(st, 19);
		out->has_penghasilan = sqlite3_column_type(st, 20) != SQLITE_NULL;
		out->penghasilan_bulanan = sqlite3_column_int64(st, 20);
		out->has_tabungan = sqlite3_column_type(st, 21) != SQLITE_NULL;
		out->nilai_tabungan = sqlite3_column_int64(st, 21);
		db_col_text(st, 22, out->ditimpa, sizeof out->ditimpa);
		db_col_text(st, 23, out->catatan, sizeof out->catatan);
		out->skor = sqlite3_column_int(st, 24);
		db_col_text(st, 25, out->kategori, sizeof out->kategori);
		db_col_text(st, 26, out->diubah_pada, sizeof out->diubah_pada);
		out->dihapus = sqlite3_column_int(st, 27);
	}
	return db_row_end(st, rc, _("Penilaian tidak ditemukan."), e);
}

static void bind_assessment(sqlite3_stmt *st, const sk_assessment *a)
{
	db_bind_text(st, ":id", a->id);
	db_bind_text(st, ":anggota_id", a->anggota_id);
	db_bind_text(st, ":tanggal", a->tanggal);
	db_bind_text(st, ":penilai", a->penilai);
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		char name[16];
		snprintf(name, sizeof name, ":k%02d", (i + 1) % 100);
		db_bind_int64(st, name, a->k[i]);
	}
	if (a->has_luas)
		db_bind_double(st, ":luas_lantai_m2", a->luas_lantai_m2);
	else
		db_bind_null(st, ":luas_lantai_m2");
	db_bind_int64_or_null(st, ":jumlah_jiwa", a->jumlah_jiwa, !a->has_jiwa);
	db_bind_int64_or_null(st, ":penghasilan_bulanan", a->penghasilan_bulanan, !a->has_penghasilan);
	db_bind_int64_or_null(st, ":nilai_tabungan", a->nilai_tabungan, !a->has_tabungan);
	db_bind_text(st, ":ditimpa", a->ditimpa);
	db_bind_text(st, ":catatan", a->catatan);
	db_bind_int64(st, ":skor", a->skor);
	db_bind_text(st, ":kategori", a->kategori);
	db_bind_text(st, ":diubah_pada", a->diubah_pada);
	db_bind_int64(st, ":dihapus", a->dihapus);
}

int assessment_store_raw(sk_db *db, const sk_assessment *a, int insert, sk_err *e)
{
	static const char ins[] =
		"INSERT INTO penilaian(" ASSESSMENT_COLS ", disimpan_pada) VALUES(:id, :anggota_id, "
		":tanggal, "
		":penilai, :k01, :k02, :k03, :k04, :k05, :k06, :k07, :k08, :k09, :k10, :k11, :k12, "
		":k13, :k14, :luas_lantai_m2, :jumlah_jiwa, :penghasilan_bulanan, :nilai_tabungan, "
		":ditimpa, :catatan, :skor, :kategori, :diubah_pada, :dihapus, " DB_STORED_SQL ")";
	static const char upd[] =
		"UPDATE penilaian SET anggota_id=:anggota_id, tanggal=:tanggal, penilai=:penilai, "
		"k01=:k01, k02=:k02, k03=:k03, k04=:k04, k05=:k05, k06=:k06, k07=:k07, k08=:k08, "
		"k09=:k09, k10=:k10, k11=:k11, k12=:k12, k13=:k13, k14=:k14, "
		"luas_lantai_m2=:luas_lantai_m2, jumlah_jiwa=:jumlah_jiwa, "
		"penghasilan_bulanan=:penghasilan_bulanan, nilai_tabungan=:nilai_tabungan, "
		"ditimpa=:ditimpa, catatan=:catatan, skor=:skor, kategori=:kategori, "
		"diubah_pada=:diubah_pada, dihapus=:dihapus, disimpan_pada=" DB_STORED_SQL " WHERE id=:id";
	sqlite3_stmt *st = db_prepare(db, insert ? ins : upd, e);
	if (!st)
		return SK_DBERR;
	bind_assessment(st, a);
	int rc = db_step_write(db, st, _("Penilaian tidak ditemukan."), e);
	if (rc != SK_OK || insert)
		return rc;
	return db_restamp(db, "UPDATE penilaian SET diubah_pada=:t WHERE id=:k1 AND "
			  "diubah_pada IS NOT :t", a->id, NULL, a->diubah_pada, e);
}

/* ---- Criteria wording and answers that follow from the figures ---------------------------- */

static const char *const LABELS[ASSESSMENT_CRITERIA] = {
	N_("Luas lantai kurang dari 8 m² per orang"),
	N_("Lantai tanah, bambu atau kayu murahan"),
	N_("Dinding bambu/rumbia/kayu murahan/tanpa plester"),
	N_("Tidak punya jamban, atau jamban bersama"),
	N_("Penerangan bukan listrik"),
	N_("Air minum: sumur/mata air terbuka, sungai, hujan"),
	N_("Masak pakai kayu bakar, arang atau minyak tanah"),
	N_("Makan daging/susu/ayam hanya sekali seminggu"),
	N_("Beli pakaian baru hanya satu stel setahun"),
	N_("Makan hanya sekali atau dua kali sehari"),
	N_("Tidak mampu bayar berobat di puskesmas/klinik"),
	N_("Kerja KRT: buruh/petani kecil/nelayan, < Rp600rb"),
	N_("Pendidikan KRT: tidak sekolah/tidak tamat/SD"),
	N_("Tak punya tabungan/barang senilai Rp 500.000"),
};

const char *assessment_criterion_label(int i)
{
	return i >= 0 && i < ASSESSMENT_CRITERIA ? _(LABELS[i]) : "";
}

int assessment_derived(const sk_assessment *a, int i)
{
	switch (i) {
	case 0:
		if (!a->has_luas || !a->has_jiwa || a->jumlah_jiwa <= 0)
			return -1;
		/* Compare areas, not a quotient: exactly 8 m² per person is not under 8. */
		return a->luas_lantai_m2 < (double)ASSESSMENT_LUAS_PER_JIWA * a->jumlah_jiwa;
	case 11:
		return a->has_penghasilan ? a->penghasilan_bulanan < ASSESSMENT_BATAS_PENGHASILAN : -1;
	case 13:
		return a->has_tabungan ? a->nilai_tabungan < ASSESSMENT_BATAS_TABUNGAN : -1;
	default:
		return -1;
	}
}

/* 1 when "kNN" (i 0-based) is one of the comma-separated names in list. */
static int listed(const char *list, int i)
{
	char name[16];
	snprintf(name, sizeof name, "k%02d", (i + 1) % 100);
	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, ",");
		if (len == 3 && strncmp(p, name, 3) == 0)
			return 1;
		p += len;
		p += *p == ',';
	}
	return 0;
}

int assessment_overridden(const sk_assessment *a, int i)
{
	return listed(a->ditimpa, i);
}

/* Rewrite a->ditimpa from flags, in criterion order. */
static void set_overrides(sk_assessment *a, const int *on)
{
	char out[sizeof a->ditimpa] = "";
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		if (!on[i])
			continue;
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%sk%02d", len ? "," : "", i + 1);
	}
	memcpy(a->ditimpa, out, sizeof out);
}

void assessment_derive(sk_assessment *a)
{
	int on[ASSESSMENT_CRITERIA];
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		int d = assessment_derived(a, i);
		on[i] = d >= 0 && listed(a->ditimpa, i);
		if (d >= 0 && !on[i])
			a->k[i] = d;
	}
	set_overrides(a, on);
}

void assessment_answer(sk_assessment *a, int i, int v)
{
	if (i < 0 || i >= ASSESSMENT_CRITERIA)
		return;
	int on[ASSESSMENT_CRITERIA];
	for (int j = 0; j < ASSESSMENT_CRITERIA; j++)
		on[j] = listed(a->ditimpa, j);
	a->k[i] = v ? 1 : 0;
	int d = assessment_derived(a, i);
	on[i] = d >= 0 && d != a->k[i];
	set_overrides(a, on);
}

void assessment_keep_answers(sk_assessment *a)
{
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		int d = assessment_derived(a, i);
		if (d >= 0 && d != a->k[i] && !assessment_overridden(a, i))
			assessment_answer(a, i, a->k[i]);
	}
}
