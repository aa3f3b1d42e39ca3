/* assessment.h - eligibility assessments against the 14 BPS criteria (table penilaian): rules
 * and storage. Import uses these now; the assessment screen (a later issue) extends them.
 * No curses here. */
#ifndef SK_ASSESSMENT_H
#define SK_ASSESSMENT_H

#include <stdint.h>
#include "db.h"
#include "util.h"

#define ASSESSMENT_CRITERIA 14
/* Default number of criteria met from which a household counts as poor (setting
 * "ambang_miskin"). */
#define ASSESSMENT_DEFAULT_THRESHOLD 9

typedef struct sk_assessment {
	char id[SK_UUID_LEN + 1];
	char anggota_id[SK_UUID_LEN + 1];
	char tanggal[16];              /* YYYY-MM-DD, required */
	char penilai[404];             /* who assessed, optional */
	int k[ASSESSMENT_CRITERIA];    /* k[0] is k01 ... k[13] is k14; each 0 or 1 */
	double luas_lantai_m2;         /* floor area, >= 0, when has_luas */
	int has_luas;
	int jumlah_jiwa;               /* people in the household, > 0, when has_jiwa */
	int has_jiwa;
	int64_t penghasilan_bulanan;   /* rupiah >= 0, when has_penghasilan */
	int has_penghasilan;
	int64_t nilai_tabungan;        /* rupiah >= 0, when has_tabungan (not exchanged) */
	int has_tabungan;
	char ditimpa[64];              /* criteria whose derived answer was overridden, e.g. "k01,k14" */
	char catatan[1024];
	int skor;                      /* derived: number of criteria met */
	char kategori[16];             /* derived: miskin | tidak_miskin */
	char diubah_pada[SK_TS_LEN + 1];
	int dihapus;
} sk_assessment;

/* Fill a with defaults for a new assessment of member anggota_id dated today. */
void assessment_init(sk_assessment *a, const char *anggota_id);
/* Poverty threshold in use: setting "ambang_miskin" (1-14), else 9. */
int assessment_threshold(sk_db *db);
/* Set a->skor (criteria met) and a->kategori (miskin when skor >= threshold). */
void assessment_score(sk_assessment *a, int threshold);
/* Checks that need only this row: tanggal a real date, every criterion 0 or 1, figures >= 0,
 * jumlah_jiwa > 0 when given. Errors are appended to is (not cleared). */
void assessment_validate_fields(const sk_assessment *a, sk_issues *is);
/* Checks against other rows: the member exists (deleted or not). Appended to is. */
void assessment_validate_links(sk_db *db, const sk_assessment *a, sk_issues *is);
/* Both of the above; is is cleared first. */
void assessment_validate(sk_db *db, const sk_assessment *a, sk_issues *is);
/* Read one assessment by id (deleted ones too). SK_NOTFOUND when none. */
int assessment_get(sk_db *db, const char *id, sk_assessment *out, sk_err *e);
/* Write a exactly as given (id, skor, kategori, diubah_pada, dihapus kept), without
 * validation: insert=1 inserts, 0 replaces the stored row a->id (SK_NOTFOUND when none).
 * The caller holds the transaction. */
int assessment_store_raw(sk_db *db, const sk_assessment *a, int insert, sk_err *e);

#endif
