/* assessment_draft.c - the assessment form's draft: what was typed when SIKUBE was ended
 * with the form open (the window closed), kept in the draft table and offered back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment_form.h"
#include "dialog.h"
#include "draft.h"
#include "frame.h"
#include "i18n.h"
#include "ui.h"

/* The draft: the text fields, then per criterion its answer, and whether it was answered
 * or overridden. */
void af_draft_save(struct screen *s)
{
	struct aform *f = s->data;
	char buf[8192];
	size_t used = 0;
	for (int i = 0; i < AF_COUNT; i++) {
		if (AF_IS_K(i))
			continue;
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s=", af_name(i));
		for (const char *p = f->tf[i].buf; *p && used + 3 < sizeof buf; p++) {
			if (*p == '\n' || *p == '\\')
				buf[used++] = '\\';
			buf[used++] = *p == '\n' ? 'n' : *p;
		}
		used += (size_t)snprintf(buf + used, sizeof buf - used, "\n");
	}
	for (int k = 0; k < ASSESSMENT_CRITERIA && used < sizeof buf; k++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "k%02d=%d,%d\n", k + 1, f->a.k[k],
					 f->answered[k]);
	if (used < sizeof buf)
		snprintf(buf + used, sizeof buf - used, "ditimpa=%s\n", f->a.ditimpa);
	draft_put(s->db, s->ops->name, f->key, buf, NULL);
}

/* Offer back a draft kept when SIKUBE was ended with this form open. */
void af_draft_offer(struct screen *s, struct aform *f)
{
	char *text, when[32], q[300];
	if (draft_get(s->db, s->ops->name, f->key, &text, when, sizeof when, NULL) != SK_OK)
		return;
	snprintf(q, sizeof q, _("Ada isian penilaian yang belum disimpan ketika SIKUBE ditutup "
				"(%.10s). Pakai isian itu? (y/t)"), when);
	int take = dlg_ask(q, 1);
	draft_drop(s->db, s->ops->name, f->key, NULL);
	for (const char *p = take ? text : ""; *p;) {
		const char *nl = strchr(p, '\n'), *eq = strchr(p, '=');
		if (!nl)
			nl = p + strlen(p);
		char name[32];
		if (eq && eq < nl && eq - p < (long)sizeof name) {
			char val[TFIELD_BYTES];
			size_t j = 0;
			snprintf(name, sizeof name, "%.*s", (int)(eq - p), p);
			for (const char *q2 = eq + 1; q2 < nl && j + 1 < sizeof val; q2++) {
				if (*q2 == '\\' && q2 + 1 < nl) {
					q2++;
					val[j++] = *q2 == 'n' ? '\n' : *q2;
				} else {
					val[j++] = *q2;
				}
			}
			val[j] = '\0';
			int k, v, a;
			if (sscanf(name, "k%d", &k) == 1 && k >= 1 && k <= ASSESSMENT_CRITERIA &&
			    sscanf(val, "%d,%d", &v, &a) == 2) {
				f->a.k[k - 1] = v != 0;
				f->answered[k - 1] = a != 0;
			} else if (strcmp(name, "ditimpa") == 0) {
				sk_strlcpy(f->a.ditimpa, val, sizeof f->a.ditimpa);
			} else {
				for (int i = 0; i < AF_COUNT; i++)
					if (!AF_IS_K(i) && strcmp(af_name(i), name) == 0)
						tfield_set(&f->tf[i], val, f->tf[i].max);
			}
		}
		p = *nl ? nl + 1 : nl;
	}
	if (take) {
		f->changed = 1;
		frame_msg(MSG_INFO, "%s", _("Isian yang belum disimpan dipakai lagi. Periksa, lalu F2 "
					    "untuk menyimpan."));
	}
	free(text);
}
