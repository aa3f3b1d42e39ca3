/* evaluation.h - a group's development assessment (table evaluasi, spec/bundle.md format 2;
 * docs/evaluasi.md): the eight indicators s1-e4, the derived score and level, the scores
 * SIKUBE proposes from its own records and the overrides of them, storage, the latest
 * assessment and the history of a group, the group's tingkat following its latest assessment,
 * and the groups proposed as failed (kelompok_gagal, local). The arithmetic is
 * evaluation_calc.h. No curses here. */
#ifndef SK_EVALUATION_H
#define SK_EVALUATION_H

#include <stddef.h>
#include <stdint.h>
#include "db.h"
#include "evaluation_calc.h"
#include "table.h"
#include "util.h"
#include "tables_gen.h"

/* A group's development assessment (table evaluasi); its fields, like every row struct's,
 * are in src/tables.tsv. */
SK_EVALUATION_TYPEDEF;

/* The evaluasi table's column descriptor (table.h), in the bundle's order. */
extern const table_def EVALUATION_TABLE;

/* Indicator i's bundle name ("s1" ... "e4") and its short Indonesian title, translated
 * ("" outside 0-7). */
const char *evaluation_indicator_title(int i);
/* The one-line meaning of score v (1-4) of indicator i, translated (docs/evaluasi.md, the
 * rubric); "" outside the ranges. */
const char *evaluation_rubric(int i, int v);
/* The level's word as shown (translated), for a bundle word ("maju"); "" for NULL. */
const char *evaluation_level_label(const char *tingkat);

/* Fill e for a new assessment of group kelompok_id dated today, nothing scored. */
void evaluation_init(sk_evaluation *e, const char *kelompok_id);
/* Set e->skor and e->tingkat from the indicators (skor 0 and tingkat "" while one is
 * outside 1-4). */
void evaluation_derive(sk_evaluation *e);
/* Checks that need only this row: tanggal a real date, every indicator 1-4. Errors are
 * appended to is (field names tanggal, s1 ... e4). */
void evaluation_validate_fields(const sk_evaluation *e, sk_issues *is);
/* Checks against other rows: the group exists (deleted or not). Appended to is. */
void evaluation_validate_links(sk_db *db, const sk_evaluation *e, sk_issues *is);
/* Read one assessment by id (deleted ones too). SK_NOTFOUND when none. */
int evaluation_get(sk_db *db, const char *id, sk_evaluation *out, sk_err *e);
/* Write ev exactly as given (id, skor, tingkat, stamps kept), without validation: insert=1
 * inserts, 0 replaces the stored row ev->id (SK_NOTFOUND when none). The caller holds the
 * transaction. */
int evaluation_store_raw(sk_db *db, const sk_evaluation *ev, int insert, sk_err *e);

/* ---- Proposals and overrides ---------------------------------------------------------------
 * usulan lists the proposals of s1, s2, s4, e1 and e4 ("-" for no data); ditimpa the
 * indicators whose score differs from a proposal. */
/* Write the proposals p[0..8) (EVAL_NO_DATA, or 1-4; s3, e2, e3 are never proposed and
 * ignored) into e->usulan. */
void evaluation_set_proposals(sk_evaluation *e, const int p[EVAL_INDICATORS]);
/* The proposal of indicator i stored in e->usulan: 1-4, or EVAL_NO_DATA. */
int evaluation_proposal(const sk_evaluation *e, int i);
/* Rewrite e->ditimpa from e->usulan and the scores. */
void evaluation_mark_overrides(sk_evaluation *e);
/* 1 when indicator i is listed in e->ditimpa. */
int evaluation_overridden(const sk_evaluation *e, int i);

/* What the records say for the proposals, on an assessment date (docs/evaluasi.md, section
 * 3, gives each query). */
typedef struct sk_eval_evidence {
	int usul[EVAL_INDICATORS];  /* proposal per indicator: 1-4 or EVAL_NO_DATA */
	sk_eval_s1 s1;
	sk_eval_s2 s2;
	sk_eval_s4 s4;
	sk_eval_e1 e1;
	sk_eval_e4 e4;
} sk_eval_evidence;
/* The figures and proposals for group kelompok_id on date tanggal (YYYY-MM-DD), all read in
 * one snapshot. SK_OK or the database error in e. */
int evaluation_propose(sk_db *db, const char *kelompok_id, const char *tanggal,
		       sk_eval_evidence *out, sk_err *e);
/* The figures behind indicator i's proposal in words, translated, into out ("tidak ada data"
 * when none; "" for s3, e2, e3, which SIKUBE never proposes). */
void evaluation_evidence_text(const sk_eval_evidence *ev, int i, char *out, size_t n);

/* ---- Storage for the screens ---------------------------------------------------------------
 * evaluation_insert and evaluation_update derive skor and tingkat, mark the overrides,
 * validate (fields, links, plus: the group is not deleted, the date is not after today) and
 * write with a fresh diubah_pada, and make the group's tingkat follow its latest assessment,
 * all in one write transaction. Insert assigns ev->id when empty. SK_REFUSED with the
 * findings in is, SK_NOTFOUND for an update of a missing or deleted row, or a db error. */
int evaluation_insert(sk_db *db, sk_evaluation *ev, sk_issues *is, sk_err *e);
int evaluation_update(sk_db *db, sk_evaluation *ev, sk_issues *is, sk_err *e);
/* Soft-delete one assessment (the group's tingkat follows the one that is latest now).
 * SK_NOTFOUND when none. */
int evaluation_delete(sk_db *db, const char *id, sk_err *e);

/* The latest live assessment of a group (greatest tanggal, diubah_pada, id). SK_NOTFOUND
 * (no message) when the group was never assessed. */
int evaluation_latest(sk_db *db, const char *kelompok_id, sk_evaluation *out, sk_err *e);
/* Make kelompok.tingkat of group kelompok_id its latest assessment's, when it has one and
 * they differ (the touch trigger renews the group's diubah_pada). The caller holds the
 * transaction. SK_OK or the error in e. */
int evaluation_sync_level(sk_db *db, const char *kelompok_id, sk_err *e);
/* The same for every live group named by the SQL query groups (one column of group ids,
 * from code; e.g. the groups of the rows an import merged). */
int evaluation_sync_levels(sk_db *db, const char *groups, sk_err *e);

/* One line of a group's history. */
SK_EVALUATION_ROW_TYPEDEF;
/* A group's assessments (not deleted), latest first, from offset, up to limit rows into
 * out; *n rows written. SK_OK or the error in e. */
int evaluation_history(sk_db *db, const char *kelompok_id, int offset, int limit,
		       sk_evaluation_row *out, int *n, sk_err *e);
/* Number of a group's assessments (not deleted), or -1 on a database error. */
int evaluation_count(sk_db *db, const char *kelompok_id);
/* Name of the assessor of the most recently saved assessment into out ("" when none). */
void evaluation_last_assessor(sk_db *db, char *out, size_t n);

/* ---- SQL shared by lists and reports (string literals, for db_prepare) -------------------- */
/* The SQL expression expr (over alias q_) of the latest live assessment of the group whose
 * id is the SQL expression g; cond is more SQL ANDed ("" none). evaluasi_terbaru answers it
 * in one entry when expr uses only tanggal, id and skor. */
#define EVALUATION_LATEST_SQL(g, expr, cond) \
	"(SELECT " expr " FROM evaluasi q_ WHERE q_.kelompok_id=" g " AND q_.dihapus=0" cond \
	" ORDER BY q_.tanggal DESC, q_.diubah_pada DESC, q_.id DESC LIMIT 1)"
/* The sum of the indicators of the evaluasi row with alias e. */
#define EVALUATION_SCORE_SQL(e) \
	"(" e ".s1+" e ".s2+" e ".s3+" e ".s4+" e ".e1+" e ".e2+" e ".e3+" e ".e4)"
/* The level word of the SQL score expression s. */
#define EVALUATION_LEVEL_SQL(s) \
	"(CASE WHEN " s " <= 15 THEN 'tumbuh' WHEN " s " <= 22 THEN 'berkembang' WHEN " s \
	" <= 28 THEN 'maju' ELSE 'mandiri' END)"

/* ---- Assessment due and failed groups (docs/evaluasi.md, section 5) ----------------------- */
/* An assessment is due when the latest is more than this many months old (or none). */
#define EVAL_DUE_MONTHS 6
/* A group with no meeting for this many days (12 weeks) is proposed as failed. */
#define EVAL_GAGAL_DAYS (7 * EVAL_WINDOW_WEEKS)

/* Where a group stands (for the group list). */
enum eval_gagal { EVAL_GAGAL_NO = 0, EVAL_GAGAL_CANDIDATE = 1, EVAL_GAGAL_DECLARED = 2 };
typedef struct sk_group_level {
	char tingkat[16];           /* kelompok.tingkat */
	char dinilai[16];           /* date of the latest assessment, "" = never */
	int due;                    /* 1: never assessed, or the latest is over 6 months old */
	int gagal;                  /* enum eval_gagal */
	char terakhir[16];          /* last meeting, "" = none */
} sk_group_level;
/* The level, latest assessment and failure status of group kelompok_id on date today
 * (YYYY-MM-DD). A candidate for failure: a live group not declared failed whose last
 * meeting, founding date and last judgement "still active", whichever is latest, lie
 * EVAL_GAGAL_DAYS or more before today (the 12 weeks s1 looks at hold no meeting); a group
 * with none of the three is not. SK_OK or the error in e (SK_NOTFOUND when no such group). */
int evaluation_group_level(sk_db *db, const char *kelompok_id, const char *today,
			   sk_group_level *out, sk_err *e);

/* The pendamping's decision on a group proposed as failed. */
SK_GAGAL_DECISION_TYPEDEF;
/* The local table kelompok_gagal's columns (table.h). */
extern const table_def GAGAL_TABLE;
/* Record a decision (d->id and dicatat_pada set here); earlier decisions stay as history.
 * SK_REFUSED with the findings in is (fields keputusan, tanggal, oleh), or a db error. */
int evaluation_gagal_decide(sk_db *db, sk_gagal_decision *d, sk_issues *is, sk_err *e);
/* Take back the group's live decisions (dibatalkan=1): a group declared failed is a group
 * again. SK_NOTFOUND when it has none. */
int evaluation_gagal_cancel(sk_db *db, const char *kelompok_id, sk_err *e);
/* The group's latest live decision. SK_NOTFOUND (no message) when none. */
int evaluation_gagal_latest(sk_db *db, const char *kelompok_id, sk_gagal_decision *out,
			    sk_err *e);

#endif
