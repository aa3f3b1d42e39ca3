/* evaluation_draft.c - the development assessment form's draft: what was typed when SIKUBE was
 * ended with the form open (the window closed, Ctrl-C), kept in the draft table (draft.h)
 * and offered back when the form opens again for the same group and assessment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draft.h"
#include "evaluation_form.h"
#include "form_util.h"
#include "i18n.h"
#include "ui.h"

/* The text fields of the form, in order. */
static const int TEXT[] = { EF_TANGGAL, EF_PENILAI, EF_CATATAN };
#define NTEXT ((int)(sizeof TEXT / sizeof TEXT[0]))

/* One line "name=value" per text field, then the scores "v=" s1..e4, 0 for not scored. */
void ef_draft_save(struct screen *s)
{
	struct eform *f = s->data;
	char buf[4096];
	size_t used = fu_draft_fields(buf, sizeof buf, f->tf, TEXT, NTEXT, ef_name);
	if (used + 3 + EVAL_INDICATORS < sizeof buf) {
		used += (size_t)snprintf(buf + used, sizeof buf - used, "v=");
		for (int i = 0; i < EVAL_INDICATORS; i++)
			buf[used++] = (char)('0' + (f->ev.v[i] >= 1 && f->ev.v[i] <= 4 ? f->ev.v[i] : 0));
		buf[used] = '\0';
	}
	draft_put(s->db, s->ops->name, f->o.key, buf, NULL);
}

void ef_draft_offer(struct screen *s, struct eform *f)
{
	char *text = fu_draft_take(s, f->o.key, _("Ada isian penilaian perkembangan yang belum disimpan "
						"ketika SIKUBE ditutup (%.10s). Pakai isian itu? "
						"(y/t)"));
	if (!text)
		return;
	char val[32];
	fu_draft_fill(text, f->tf, TEXT, NTEXT, ef_name);
	uform_line_value(text, "v", val, sizeof val);
	for (int i = 0; i < EVAL_INDICATORS && val[i]; i++)
		f->ev.v[i] = val[i] >= '1' && val[i] <= '4' ? val[i] - '0' : 0;
	f->o.changed = 1;
	free(text);
}
