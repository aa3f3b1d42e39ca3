/* validate.c - field checks shared by screens, command line and import. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "region.h"
#include "util.h"
#include "validate.h"

/* too_big: a msgid (N_), translated only when v is too big: this runs for every row of an
 * import. */
static void check_amount(sk_issues *is, const char *field, int64_t v, int64_t cap,
			 const char *too_big)
{
	char max[32];
	if (v < 0)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", _("Jumlah uang tidak boleh negatif."));
	else if (v > cap)
		sk_issues_add(is, field, SK_SEV_ERROR, _(too_big),
			      sk_format_rupiah(cap, max, sizeof max));
}

void validate_money(sk_issues *is, const char *field, int64_t v)
{
	check_amount(is, field, v, SK_MONEY_MAX, N_("Jumlah terlalu besar: paling banyak Rp %s."));
}

void validate_date_required(sk_issues *is, const char *field, const char *v, const char *missing)
{
	if (!v || !*v)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", _(missing));
	else if (!valid_date(v))
		sk_issues_add(is, field, SK_SEV_ERROR,
			      _("Tanggal %s tidak ada: tulis TTTT-BB-HH, misalnya 2025-03-15."), v);
}

void validate_dues(sk_issues *is, const char *field, int64_t v)
{
	check_amount(is, field, v, SK_DUES_MAX,
		     N_("Iuran terlalu besar: paling banyak Rp %s per anggota per pertemuan."));
}

/* The values are stored and exchanged as written; N_ marks them for translation on screen. */
const char *const JENIS_USAHA_VALUES[] = { N_("produksi"), N_("jasa"), N_("perdagangan"),
					   N_("lainnya"), NULL };
const char *const TINGKAT_VALUES[] = { N_("tumbuh"), N_("berkembang"), N_("maju"), N_("mandiri"),
				       NULL };
const char *const JABATAN_VALUES[] = { N_("ketua"), N_("sekretaris"), N_("bendahara"),
				       N_("anggota"), NULL };
static const char *const JK_VALUES[] = { "L", "P", NULL };

int valid_in(const char *v, const char *const *list)
{
	if (!v)
		return 0;
	for (; *list; list++)
		if (strcmp(v, *list) == 0)
			return 1;
	return 0;
}

int valid_jenis_usaha(const char *v) { return valid_in(v, JENIS_USAHA_VALUES); }
int valid_tingkat(const char *v) { return valid_in(v, TINGKAT_VALUES); }
int valid_jabatan(const char *v) { return valid_in(v, JABATAN_VALUES); }
int valid_jenis_kelamin(const char *v) { return valid_in(v, JK_VALUES); }

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int valid_date(const char *s)
{
	return sk_date_valid(s);
}

int valid_rt_rw(const char *s)
{
	size_t n = strlen(s);
	if (n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The length is right but a character is not a digit. */
static int sixteen_chars(const char *s)
{
	return s && sk_utf8_len(s) == 16;
}

int nik_check_shape(const char *nik, char *msg, size_t n)
{
	if (!sk_all_digits(nik, 16)) {
		if (sixteen_chars(nik))
			snprintf(msg, n, "%s", _("NIK hanya berisi angka 0-9 (ada huruf atau tanda lain)."));
		else
			snprintf(msg, n, _("NIK harus 16 angka (sekarang %zu karakter)."),
				 nik ? sk_utf8_len(nik) : 0);
		return 0;
	}
	int d = two(nik + 6), m = two(nik + 8), yy = two(nik + 10);
	if (d > 40)
		d -= 40;
	if (!(d >= 1 && d <= 31 && two(nik + 6) <= 71) || m < 1 || m > 12 ||
	    !(sk_ymd_valid(1900 + yy, m, d) || sk_ymd_valid(2000 + yy, m, d))) {
		snprintf(msg, n, "%s", _("NIK tidak sah: angka ke-7 s.d. 12 bukan tanggal lahir "
					 "yang mungkin."));
		return 0;
	}
	if (strcmp(nik + 12, "0000") == 0) {
		snprintf(msg, n, "%s", _("NIK tidak sah: nomor urut (4 angka terakhir) tidak boleh 0000."));
		return 0;
	}
	return 1;
}

/* 1 when province code pp is in the region list; else 0 with unknown (a format naming pp) in
 * msg, or the database's message when it cannot tell. */
static int province_known(sk_db *db, const char *pp, const char *unknown, char *msg, size_t n)
{
	sk_err e;
	sk_err_clear(&e);
	int known = region_province_exists(db, pp, &e);
	if (known < 0)
		snprintf(msg, n, "%s", e.msg);
	else if (!known)
		snprintf(msg, n, unknown, pp);
	return known == 1;
}

int nik_check(sk_db *db, const char *nik, char *msg, size_t n)
{
	if (!nik_check_shape(nik, msg, n))
		return 0;
	char pp[3] = { nik[0], nik[1], '\0' };
	return province_known(db, pp, _("NIK tidak sah: kode provinsi %s tidak dikenal."), msg, n);
}

void nik_birth(const char *nik, char dd_mm_yy[9], char *sex)
{
	int d = two(nik + 6);
	*sex = d > 40 ? 'P' : 'L';
	if (d > 40)
		d -= 40;
	dd_mm_yy[0] = (char)('0' + d / 10 % 10);
	dd_mm_yy[1] = (char)('0' + d % 10);
	dd_mm_yy[2] = '-';
	memcpy(dd_mm_yy + 3, nik + 8, 2);
	dd_mm_yy[5] = '-';
	memcpy(dd_mm_yy + 6, nik + 10, 2);
	dd_mm_yy[8] = '\0';
}

int nik_matches_person(const char *nik, const char *birth_date, char sex, char *msg, size_t n)
{
	char dmy[9], nsex;
	char tmp[8];
	if (!nik_check_shape(nik, tmp, sizeof tmp))
		return 1;
	nik_birth(nik, dmy, &nsex);
	if (sex && sex != nsex) {
		snprintf(msg, n, "%s", nsex == 'P' ? _("Periksa: NIK menunjukkan perempuan, jenis kelamin "
						  "yang diisi laki-laki.")
					      : _("Periksa: NIK menunjukkan laki-laki, jenis kelamin "
						  "yang diisi perempuan."));
		return 0;
	}
	if (birth_date && valid_date(birth_date)) {
		char want[9];
		snprintf(want, sizeof want, "%.2s-%.2s-%.2s", birth_date + 8, birth_date + 5,
			 birth_date + 2);
		if (strcmp(want, dmy) != 0) {
			snprintf(msg, n, _("Tanggal lahir di NIK (%s) beda dengan yang diisi."),
				 dmy);
			return 0;
		}
	}
	return 1;
}

int kk_check(sk_db *db, const char *kk, char *msg, size_t n)
{
	if (!sk_all_digits(kk, 16)) {
		if (sixteen_chars(kk))
			snprintf(msg, n, "%s",
				 _("No. KK hanya berisi angka 0-9 (ada huruf atau tanda lain)."));
		else
			snprintf(msg, n, _("No. KK harus 16 angka (sekarang %zu karakter)."),
				 kk ? sk_utf8_len(kk) : 0);
		return 0;
	}
	char pp[3] = { kk[0], kk[1], '\0' };
	return province_known(db, pp, _("No. KK tidak sah: kode provinsi %s tidak dikenal."), msg, n);
}

int validate_ref(sk_db *db, sk_issues *is, const char *field, const char *sql, const char *id,
		 const char *notfound)
{
	sk_err e;
	sk_err_clear(&e);
	sqlite3_stmt *st = db_prepare(db, sql, &e);
	if (st)
		db_bind_text(st, ":id", id);
	int found = db_exists(db, st, &e);
	if (found < 0)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", e.msg);
	else if (!found)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", notfound);
	return found == 1;
}

int validate_refusal(const sk_issues *is, const char *fallback, sk_err *e)
{
	for (int i = 0; i < is->n; i++)
		if (is->items[i].sev == SK_SEV_ERROR)
			return sk_err_set(e, SK_REFUSED, "%s", is->items[i].msg);
	return sk_err_set(e, SK_REFUSED, "%s", fallback);
}

int nik_person(const char *nik, char birth[16], char *sex)
{
	char tmp[200], dmy[9], today[11];
	if (!nik_check_shape(nik, tmp, sizeof tmp))
		return 0;
	nik_birth(nik, dmy, sex);
	sk_today(today);
	int yy = two(dmy + 6), year = 2000 + yy;
	if (year > atoi(today))
		year -= 100;
	snprintf(birth, 16, "%04d-%.2s-%.2s", year % 10000, dmy + 3, dmy);
	return 1;
}

int nik_kecamatan_known(sk_db *db, const char *nik, char *msg, size_t n)
{
	char tmp[200], kode[16];
	if (!nik_check_shape(nik, tmp, sizeof tmp))
		return 1;
	snprintf(kode, sizeof kode, "%.2s.%.2s.%.2s", nik, nik + 2, nik + 4);
	if (region_level(kode) == REGION_KECAMATAN && region_exists(db, kode, NULL) != 0)
		return 1;
	snprintf(msg, n, _("Periksa: kecamatan %s di NIK tidak ada dalam daftar wilayah (bisa jadi "
			   "wilayah lama yang sudah dimekarkan)."), kode);
	return 0;
}
