/* assessment_draft.c - the assessment form's draft: what was typed when SIKUBE was ended
 * with the form open (the window closed), kept in the draft table and offered back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment_form.h"
#include "draft.h"
#include "form_util.h"
#include "i18n.h"
#include "ui.h"

/* The text fields of the form, in order. */
static const int TEXT[] = { AF_TANGGAL, AF_PENILAI, AF_LUAS, AF_JIWA, AF_PENGHASILAN,
			    AF_TABUNGAN, AF_CATATAN };
#define NTEXT ((int)(sizeof TEXT / sizeof TEXT[0]))

/* The draft: the text fields, then per criterion its answer, and whether it was answered
 * or overridden. */
void af_draft_save(struct screen *s)
{
	struct aform *f = s->data;
	char buf[8192];
	size_t used = fu_draft_fields(buf, sizeof buf, f->tf, TEXT, NTEXT, af_name);
	for (int k = 0; k < ASSESSMENT_CRITERIA && used < sizeof buf; k++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "k%02d=%d,%d\n", k + 1, f->a.k[k],
					 f->answered[k]);
	if (used < sizeof buf)
		snprintf(buf + used, sizeof buf - used, "ditimpa=%s\n", f->a.ditimpa);
	draft_put(s->db, s->ops->name, f->o.key, buf, NULL);
}

/* Offer back a draft kept when SIKUBE was ended with this form open. */
void af_draft_offer(struct screen *s, struct aform *f)
{
	char *text = fu_draft_take(s, f->o.key, _("Ada isian penilaian yang belum disimpan ketika "
						"SIKUBE ditutup (%.10s). Pakai isian itu? (y/t)"));
	if (!text)
		return;
	fu_draft_fill(text, f->tf, TEXT, NTEXT, af_name);
	char name[16], val[32];
	for (int k = 0; k < ASSESSMENT_CRITERIA; k++) {
		int v, a;
		snprintf(name, sizeof name, "k%02d", k + 1);
		if (uform_line_value(text, name, val, sizeof val) && sscanf(val, "%d,%d", &v, &a) == 2) {
			f->a.k[k] = v != 0;
			f->answered[k] = a != 0;
		}
	}
	uform_line_value(text, "ditimpa", f->a.ditimpa, sizeof f->a.ditimpa);
	f->o.changed = 1;
	free(text);
}
