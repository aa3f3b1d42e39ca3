/* assessment_form.h - shared by the assessment form's own files only (assessment_form.c keys
 * and saving, assessment_form_draw.c drawing). */
#ifndef SK_ASSESSMENT_FORM_H
#define SK_ASSESSMENT_FORM_H

#include "assessment.h"
#include "member.h"
#include "form_util.h"
#include "tfield.h"

/* Fields in the order the cursor visits them. */
enum {
	AF_TANGGAL, AF_PENILAI, AF_LUAS, AF_JIWA, AF_PENGHASILAN, AF_TABUNGAN,
	AF_K01, AF_K14 = AF_K01 + ASSESSMENT_CRITERIA - 1, AF_CATATAN, AF_COUNT
};
#define AF_IS_K(f) ((f) >= AF_K01 && (f) <= AF_K14)

/* Screen rows (stdscr) of the parts of the form; it needs rows 1-21 (an 80x24 terminal). */
enum { AF_ROW_DATE = 1, AF_ROW_LUAS, AF_ROW_MONEY, AF_ROW_NOTE, AF_ROW_HEAD, AF_ROW_K,
       AF_ROW_CATATAN = AF_ROW_K + ASSESSMENT_CRITERIA, AF_ROW_SCORE };

struct aform {
	struct fu_own o;           /* cursor, typed input pending, findings, draft key (first) */
	sk_assessment a;           /* answers, overrides, figures as last parsed, ids, stamps */
	sk_member m;               /* the member assessed */
	char group_name[SK_NAME_BYTES];
	int is_new;
	int threshold;
	struct tfield tf[AF_COUNT]; /* text of the text fields (criteria unused) */
	sk_issues conv;            /* figures that cannot be read */
	int answered[ASSESSMENT_CRITERIA]; /* 1: the clerk answered (a new visit starts with none:
				    * unanswered is not "no"); criteria with figures count too */
	int has_offer;             /* the household's latest assessment can be copied (F6) */
	sk_assessment offer;
	char offer_who[SK_NAME_BYTES];
};

/* Spec column name of field i (as in sk_issue.field). */
const char *af_name(int i);
/* 1 when field i is a criterion whose answer follows from the figures (not overridden). */
int af_auto(const struct aform *f, int i);
/* 1 when criterion k (0-13) has an answer: the clerk's, or one from the figures. */
int af_answered(const struct aform *f, int k);
/* Number of criteria without an answer. */
int af_unanswered(const struct aform *f);
/* Read the figures into f->a, derive the answers that follow from them, score. */
void af_sync(struct aform *f);
/* screen_ops draw: the whole form, the cursor in the current field. */
void af_draw(struct screen *s);

struct screen;
/* SIKUBE is being ended: keep the typed values as the form's draft (assessment_draft.c). */
void af_draft_save(struct screen *s);
/* When the form opens: offer back a draft of it (Enter = take it); taken values go into f. */
void af_draft_offer(struct screen *s, struct aform *f);

#endif
