/* assessment.h - eligibility assessments against the 14 BPS criteria (table penilaian): rules
 * (score, verdict, answers derived from figures, overrides), storage, latest and history.
 * Used by import, the Kelayakan screens and the reports. No curses here. */
#ifndef SK_ASSESSMENT_H
#define SK_ASSESSMENT_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"
#include "table.h"
#include "util.h"
#include "tables_gen.h"

#define ASSESSMENT_CRITERIA 14
/* Default number of criteria met from which a household counts as poor (setting
 * "ambang_miskin"). */
#define ASSESSMENT_DEFAULT_THRESHOLD 9

/* A household's assessment against the 14 BPS criteria (table penilaian); its fields, like
 * every row struct's, are in src/tables.tsv. */
SK_ASSESSMENT_TYPEDEF;

/* Floor area of a dwelling, m²: from 1 to 10,000, at most two decimals. */
#define ASSESSMENT_LUAS_MIN 1
#define ASSESSMENT_LUAS_MAX 10000
/* Read a floor area written as digits with at most two decimals after a '.' (or a ',' when
 * comma is 1, as the clerk types it), exactly: the value is a whole number of hundredths of
 * m² and *out the double nearest to it, so that export writes back the same number
 * ("21.50" comes back as "21.5"). Refused: anything else, and areas outside
 * ASSESSMENT_LUAS_MIN..ASSESSMENT_LUAS_MAX. Returns 0, or -1 with the reason (translated)
 * in msg. */
int assessment_parse_luas(const char *s, int comma, double *out, char *msg, size_t n);
/* 1 when v is a floor area assessment_parse_luas can give. */
int assessment_luas_valid(double v);
/* The penilaian table's column descriptor (table.h): its statements, binds and reads. */
extern const table_def ASSESSMENT_TABLE;

/* Fill a with defaults for a new assessment of member anggota_id dated today. */
void assessment_init(sk_assessment *a, const char *anggota_id);
/* Poverty threshold in use: setting "ambang_miskin" (1-14), else 9. */
int assessment_threshold(sk_db *db);
/* Set a->skor (criteria met) and a->kategori (miskin when skor >= threshold). */
void assessment_score(sk_assessment *a, int threshold);
/* Checks that need only this row: tanggal a real date, every criterion 0 or 1, money >= 0,
 * jumlah_jiwa > 0 and the floor area assessment_luas_valid when given. Errors are appended
 * to is (not cleared). */
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

/* ---- Answers that follow from the figures (criteria 1, 12 and 14) ------------------------
 * k01: floor area per person under 8 m² (luas_lantai_m2 < 8 x jumlah_jiwa; exactly 8 is not
 *      under); needs both figures.
 * k12: the head's income under Rp 600.000 a month. Criterion 12 also covers kinds of work
 *      (farmer with <= 500 m², farm, construction or plantation labourer, fisher) that no
 *      figure shows: income under the limit gives 1; income at or above it gives 0, and the
 *      clerk who knows the head does such work answers Ya, which is kept as an override.
 * k14: savings or easily sold goods worth under Rp 500.000.
 * An answer the clerk sets against its figures is an override, listed in ditimpa ("k01,k14")
 * and kept until the clerk answers as the figures say again. */
#define ASSESSMENT_LUAS_PER_JIWA 8           /* m² per person */
#define ASSESSMENT_BATAS_PENGHASILAN 600000  /* rupiah a month */
#define ASSESSMENT_BATAS_TABUNGAN 500000     /* rupiah */

/* Short Indonesian wording of criterion i (0-13), translated, for screens and reports. */
const char *assessment_criterion_label(int i);
/* The answer criterion i (0-based) gets from a's figures: 1 or 0, or -1 when it has no figure
 * behind it or its figures are not (all) entered. */
int assessment_derived(const sk_assessment *a, int i);
/* 1 when criterion i is listed in a->ditimpa. */
int assessment_overridden(const sk_assessment *a, int i);
/* Apply the figures: every criterion with its figures entered and not overridden takes the
 * derived answer; overrides of criteria whose figures are gone are dropped from ditimpa. */
void assessment_derive(sk_assessment *a);
/* List as overridden every criterion whose answer differs from its figures: for a stored row
 * whose ditimpa did not travel with it (ditimpa is not in the bundle), before it is edited,
 * so that opening and saving it keeps the answers. */
void assessment_keep_answers(sk_assessment *a);
/* The clerk answers criterion i with v (0/1). For a criterion with figures an answer that
 * differs from them is listed in ditimpa, an equal one is taken off the list. */
void assessment_answer(sk_assessment *a, int i, int v);

/* ---- Storage for the screens --------------------------------------------------------------
 * assessment_insert and assessment_update derive (above), score with the threshold in use,
 * validate (assessment_validate, plus: the member is not deleted, the date is not after
 * today) and write with a fresh diubah_pada, all under one write transaction. Insert assigns
 * a->id when empty. They return SK_REFUSED with the findings in is, SK_NOTFOUND for an update
 * of a missing or deleted row, or a db error in e. */
int assessment_insert(sk_db *db, sk_assessment *a, sk_issues *is, sk_err *e);
int assessment_update(sk_db *db, sk_assessment *a, sk_issues *is, sk_err *e);
/* Soft-delete one assessment (dihapus=1, new diubah_pada). SK_NOTFOUND when none. */
int assessment_delete(sk_db *db, const char *id, sk_err *e);

/* The assessment that counts for a member: the latest not deleted one by tanggal, then
 * diubah_pada, then id; skor and kategori recomputed with the threshold in use.
 * SK_NOTFOUND (no message) when the member was never assessed. */
int assessment_latest(sk_db *db, const char *anggota_id, sk_assessment *out, sk_err *e);
/* The household's latest assessment: the latest (as above) over the members (not deleted)
 * with No. KK no_kk, leaving out member exclude (may be NULL). SK_NOTFOUND when none. */
int assessment_latest_for_kk(sk_db *db, const char *no_kk, const char *exclude,
			     sk_assessment *out, sk_err *e);
/* A new assessment for member anggota_id that repeats the visit src (date, assessor, answers,
 * figures, overrides, note): for offering a household's assessment to another member. */
void assessment_copy_for(const sk_assessment *src, const char *anggota_id, sk_assessment *out);
/* Name of the assessor of the most recently saved assessment into out ("" when none, or
 * when the database cannot tell: it only prefills a field). */
void assessment_last_assessor(sk_db *db, char *out, size_t n);

/* One line of a member's history. */
SK_ASSESSMENT_ROW_TYPEDEF;

/* A member's assessments (not deleted), latest first (the order of assessment_latest), from
 * offset, up to limit rows into out; *n rows written. */
int assessment_history(sk_db *db, const char *anggota_id, int offset, int limit,
		       sk_assessment_row *out, int *n, sk_err *e);
/* Number of a member's assessments (not deleted), or -1 on a database error. */
int assessment_count(sk_db *db, const char *anggota_id);

/* ---- SQL shared by lists and reports (string literals, for db_prepare) -------------------- */
/* Criteria met by the penilaian row with alias p. */
#define ASSESSMENT_SCORE_SQL(p) \
	"(" p ".k01+" p ".k02+" p ".k03+" p ".k04+" p ".k05+" p ".k06+" p ".k07+" p ".k08+" \
	p ".k09+" p ".k10+" p ".k11+" p ".k12+" p ".k13+" p ".k14)"
/* The SQL expression expr (over alias q_) of the assessment that counts for the member whose
 * id is the SQL expression m; cond is more SQL ANDed to the choice (e.g. " AND q_.tanggal <=
 * :to"), "" for none. The index penilaian_terbaru answers it in one entry, without reading
 * the table, when expr uses only the criteria, tanggal and id. */
#define ASSESSMENT_LATEST_SQL(m, expr, cond) \
	"(SELECT " expr " FROM penilaian q_ WHERE q_.anggota_id=" m " AND q_.dihapus=0" cond \
	" ORDER BY q_.tanggal DESC, q_.diubah_pada DESC, q_.id DESC LIMIT 1)"
/* id of that assessment. */
#define ASSESSMENT_LATEST_ID_SQL(m, cond) ASSESSMENT_LATEST_SQL(m, "q_.id", cond)

#endif
