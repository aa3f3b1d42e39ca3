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
	if (!valid_date(a->tanggal))
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s",
			      _("Tanggal penilaian wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		char field[8];
		snprintf(field, sizeof field, "k%02d", i + 1);
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
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM anggota WHERE id=:id", NULL);
	int found = 0;
	if (st) {
		db_bind_text(st, ":id", a->anggota_id);
		found = sqlite3_step(st) == SQLITE_ROW;
		db_reset(st);
	}
	if (!found)
		sk_issues_add(is, "anggota_id", SK_SEV_ERROR, "%s",
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
	db_reset(st);
	if (rc == SQLITE_ROW)
		return SK_OK;
	if (rc == SQLITE_DONE)
		return sk_err_set(e, SK_NOTFOUND, "%s", _("Penilaian tidak ditemukan."));
	return e ? e->status : SK_DBERR;
}

static void bind_assessment(sqlite3_stmt *st, const sk_assessment *a)
{
	db_bind_text(st, ":id", a->id);
	db_bind_text(st, ":anggota_id", a->anggota_id);
	db_bind_text(st, ":tanggal", a->tanggal);
	db_bind_text(st, ":penilai", a->penilai);
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		char name[8];
		snprintf(name, sizeof name, ":k%02d", i + 1);
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
		"INSERT INTO penilaian(" ASSESSMENT_COLS ") VALUES(:id, :anggota_id, :tanggal, "
		":penilai, :k01, :k02, :k03, :k04, :k05, :k06, :k07, :k08, :k09, :k10, :k11, :k12, "
		":k13, :k14, :luas_lantai_m2, :jumlah_jiwa, :penghasilan_bulanan, :nilai_tabungan, "
		":ditimpa, :catatan, :skor, :kategori, :diubah_pada, :dihapus)";
	static const char upd[] =
		"UPDATE penilaian SET anggota_id=:anggota_id, tanggal=:tanggal, penilai=:penilai, "
		"k01=:k01, k02=:k02, k03=:k03, k04=:k04, k05=:k05, k06=:k06, k07=:k07, k08=:k08, "
		"k09=:k09, k10=:k10, k11=:k11, k12=:k12, k13=:k13, k14=:k14, "
		"luas_lantai_m2=:luas_lantai_m2, jumlah_jiwa=:jumlah_jiwa, "
		"penghasilan_bulanan=:penghasilan_bulanan, nilai_tabungan=:nilai_tabungan, "
		"ditimpa=:ditimpa, catatan=:catatan, skor=:skor, kategori=:kategori, "
		"diubah_pada=:diubah_pada, dihapus=:dihapus WHERE id=:id";
	sqlite3_stmt *st = db_prepare(db, insert ? ins : upd, e);
	if (!st)
		return SK_DBERR;
	bind_assessment(st, a);
	int rc = db_step(db, st, e);
	int changed = sqlite3_changes(db_handle(db));
	db_reset(st);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	if (!changed)
		return sk_err_set(e, SK_NOTFOUND, "%s", _("Penilaian tidak ditemukan."));
	if (insert)
		return SK_OK;
	/* The touch trigger renews diubah_pada when an UPDATE keeps it; put the given one back. */
	st = db_prepare(db, "UPDATE penilaian SET diubah_pada=:t WHERE id=:id AND "
			    "diubah_pada IS NOT :t", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", a->id);
	db_bind_text(st, ":t", a->diubah_pada);
	rc = db_step(db, st, e);
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}
