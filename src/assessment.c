/* assessment.c - eligibility assessments (14 BPS criteria): rules, score and storage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "i18n.h"
#include "validate.h"

/* Hundredths of m² in a floor area of at most ASSESSMENT_LUAS_MAX m². */
#define LUAS_MAX_DIGITS 6

static const char *luas_rule(void)
{
	return _("Luas lantai ditulis angka m² dari 1 sampai 10.000, paling banyak dua angka di "
		 "belakang koma, misalnya 36 atau 21,5.");
}

int assessment_parse_luas(const char *s, int comma, double *out, char *msg, size_t n)
{
	long long whole = 0;
	int digits = 0, cents = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9' && digits < LUAS_MAX_DIGITS; p++, digits++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.' || (comma && *p == ',')) {
		int decimals = 0;
		for (p++; *p >= '0' && *p <= '9' && decimals < 2; p++, decimals++)
			cents = cents * 10 + (*p - '0');
		cents *= decimals == 1 ? 10 : 1;
		if (!decimals)
			digits = 0; /* "21." is not a number */
	}
	long long hundredths = whole * 100 + cents;
	if (*p || !digits || hundredths < ASSESSMENT_LUAS_MIN * 100 ||
	    hundredths > ASSESSMENT_LUAS_MAX * 100) {
		snprintf(msg, n, "%s", luas_rule());
		return -1;
	}
	*out = (double)hundredths / 100;
	return 0;
}

int assessment_luas_valid(double v)
{
	if (!(v >= ASSESSMENT_LUAS_MIN && v <= ASSESSMENT_LUAS_MAX))
		return 0;
	double d = v * 100 - (double)(long long)(v * 100 + 0.5);
	return d > -1e-6 && d < 1e-6;
}

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
			       N_("Tanggal penilaian wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		char field[16];
		snprintf(field, sizeof field, "k%02d", (i + 1) % 100);
		if (a->k[i] != 0 && a->k[i] != 1)
			sk_issues_add(is, field, SK_SEV_ERROR, "%s",
				      _("Kriteria diisi 1 (terpenuhi) atau 0 (tidak)."));
	}
	if (a->has_luas && !assessment_luas_valid(a->luas_lantai_m2))
		sk_issues_add(is, "luas_lantai_m2", SK_SEV_ERROR, "%s", luas_rule());
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

VALIDATE_ROW(assessment, sk_assessment)

/* The penilaian table: every column once, in the bundle's order (ditimpa and nilai_tabungan
 * stay in this database). */
TABLE_DEFINE(ASSESSMENT_TABLE, SK_ASSESSMENT);

TABLE_GET_STORE(assessment, sk_assessment, ASSESSMENT_TABLE, N_("Penilaian tidak ditemukan."))

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
