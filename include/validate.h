/* validate.h - field checks shared by the screens, the command line and import (one code path).
 * Messages are translated; no curses here. */
#ifndef SK_VALIDATE_H
#define SK_VALIDATE_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"
#include "sk_err.h"

/* The largest amount of one field (Rp 999.999.999): far above any KUBE's dues, aid or
 * sale, and what the screens' amount columns show in full. */
#define SK_MONEY_MAX INT64_C(999999999)
/* The largest dues of one member at one meeting, and a group's default dues (Rp 9.999.999):
 * a meeting of 20 members then adds up to what the meeting list shows in full. */
#define SK_DUES_MAX INT64_C(9999999)
/* Add an error on field to is when rupiah amount v is negative or above SK_MONEY_MAX. */
void validate_money(sk_issues *is, const char *field, int64_t v);
/* The same for dues: negative or above SK_DUES_MAX. */
void validate_dues(sk_issues *is, const char *field, int64_t v);

/* A required date: when v is not a real date, an error on field, missing (said when v is
 * empty; a msgid, N_("..."), translated only then: an import checks every row's date, and
 * gettext was most of what a good row's field rules cost) or else that such a date does not
 * exist. */
void validate_date_required(sk_issues *is, const char *field, const char *v, const char *missing);

/* 1 when s is a real date YYYY-MM-DD (1900-01-01 .. 2199-12-31): sk_date_valid (util.h),
 * under the name the field checks use. */
int valid_date(const char *s);
/* 1 when s is empty or 1-3 ASCII digits (RT/RW). */
int valid_rt_rw(const char *s);

/* NIK structure without the region list: 16 digits, day 01-31 or 41-71, month 01-12, a real
 * date in 19YY or 20YY, serial not 0000. Returns 1 when fine, else 0 with a message in msg. */
int nik_check_shape(const char *nik, char *msg, size_t n);
/* Full NIK check: shape plus a known province code. */
int nik_check(sk_db *db, const char *nik, char *msg, size_t n);
/* Birth date and sex encoded in a (shape-valid) NIK: *sex = 'L' or 'P'; dd_mm_yy gets
 * "DD-MM-YY" (day with 40 removed). */
void nik_birth(const char *nik, char dd_mm_yy[9], char *sex);
/* Compare a NIK with an entered birth date (YYYY-MM-DD, may be empty) and sex ('L','P' or 0).
 * Returns 1 when they agree or nothing to compare, 0 with a warning in msg otherwise. */
int nik_matches_person(const char *nik, const char *birth_date, char sex, char *msg, size_t n);
/* The birth date (YYYY-MM-DD: 20YY unless that is after this year, then 19YY) and sex ('L',
 * 'P') a NIK holds. Returns 1, or 0 when the NIK's shape is wrong (nothing written). */
int nik_person(const char *nik, char birth[16], char *sex);
/* 1 when the kecamatan of a (shape-valid) NIK, PP.KK.CC from its first six digits, is in the
 * region list; else 0 with a warning in msg (regions are split and renumbered over time, so
 * this is never a refusal). A NIK of the wrong shape gives 1 (that is said elsewhere). */
int nik_kecamatan_known(sk_db *db, const char *nik, char *msg, size_t n);
/* No. KK: 16 digits and a known province prefix. Returns 1 or 0 with msg. */
int kk_check(sk_db *db, const char *kk, char *msg, size_t n);

/* A reference to another row: sql (a SELECT bound to :id) must find id. Adds an error on
 * field with notfound when it finds none, or with the database's message when it cannot tell
 * (busy, disk): never "not found" for a database that did not answer. Returns 1 when found. */
int validate_ref(sk_db *db, sk_issues *is, const char *field, const char *sql, const char *id,
		 const char *notfound);

/* Define void PREFIX_validate(sk_db *db, const T *row, sk_issues *is), the checks of a row
 * before it is stored: is cleared, then PREFIX_validate_fields(row, is) (the row alone) and
 * PREFIX_validate_links(db, row, is) (the rows it refers to) add their findings. */
#define VALIDATE_ROW(PREFIX, T) \
	void PREFIX##_validate(sk_db *db, const T *row, sk_issues *is) \
	{ \
		sk_issues_clear(is); \
		PREFIX##_validate_fields(row, is); \
		PREFIX##_validate_links(db, row, is); \
	}

/* Enumerations of the bundle spec. Each returns 1 when v is one of the allowed values. */
int valid_jenis_usaha(const char *v);  /* produksi|jasa|perdagangan|lainnya */
int valid_tingkat(const char *v);      /* tumbuh|berkembang|maju|mandiri */
int valid_jabatan(const char *v);      /* ketua|sekretaris|bendahara|anggota */
int valid_jenis_kelamin(const char *v);/* L|P */

/* 1 when v is one of the NULL-terminated list of values (v NULL: 0). */
int valid_in(const char *v, const char *const *list);

/* A refused save: SK_REFUSED with the first error of is in e (fallback when is holds no
 * error); returns SK_REFUSED. */
int validate_refusal(const sk_issues *is, const char *fallback, sk_err *e);

/* NULL-terminated lists of the enumeration values, in display order. */
extern const char *const JENIS_USAHA_VALUES[];
extern const char *const TINGKAT_VALUES[];
extern const char *const JABATAN_VALUES[];

#endif
