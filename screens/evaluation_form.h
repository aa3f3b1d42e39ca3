/* evaluation_form.h - shared by the development assessment form's own files only
 * (evaluation_form.c keys and saving, evaluation_form_draw.c drawing). */
#ifndef SK_EVALUATION_FORM_H
#define SK_EVALUATION_FORM_H

#include "evaluation.h"
#include "form_util.h"
#include "tfield.h"

/* Fields in the order the cursor visits them. */
enum { EF_TANGGAL, EF_PENILAI, EF_V1, EF_V8 = EF_V1 + EVAL_INDICATORS - 1, EF_CATATAN,
       EF_COUNT };
#define EF_IS_V(f) ((f) >= EF_V1 && (f) <= EF_V8)

/* Screen rows of the parts of the form: rows 1-21 (an 80x24 terminal); each indicator takes
 * two rows (its score and meaning, then SIKUBE's proposal and figures). */
enum { EF_ROW_DATE = 1, EF_ROW_NOTE, EF_ROW_HEAD, EF_ROW_V,
       EF_ROW_CATATAN = EF_ROW_V + 2 * EVAL_INDICATORS, EF_ROW_SCORE };

struct eform {
	struct fu_own o;             /* cursor, typed input pending, findings, draft key (first) */
	sk_evaluation ev;            /* scores, ids, stamps, proposals as last read */
	sk_eval_evidence evd;        /* the records' figures for the date evd_date */
	char evd_date[16];           /* "" when no proposal could be read (date not valid) */
	char group_name[404];
	int is_new;
	struct tfield tf[EF_COUNT];  /* tanggal, penilai, catatan (indicators unused) */
};

/* Spec column name of field i (as in sk_issue.field). */
const char *ef_name(int i);
/* Number of indicators not scored yet. */
int ef_unscored(const struct eform *f);
/* screen_ops draw: the whole form, the cursor in the current field. */
void ef_draw(struct screen *s);

struct screen;
/* SIKUBE is being ended: keep the typed values as the form's draft (evaluation_draft.c). */
void ef_draft_save(struct screen *s);
/* When the form opens: offer back a draft of it; taken values go into f. */
void ef_draft_offer(struct screen *s, struct eform *f);

#endif
