/* evaluation_draft.c - the development assessment form's draft: what was typed when SIKUBE was
 * ended with the form open (the window closed, Ctrl-C), kept in the draft table (draft.h)
 * and offered back when the form opens again for the same group and assessment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dialog.h"
#include "draft.h"
#include "evaluation_form.h"
#include "frame.h"
#include "i18n.h"
#include "ui.h"

/* One line "name=value" per text field (a line end in the value kept as a space), then the
 * scores "v=" s1..e4, 0 for not scored. */
void ef_draft_save(struct screen *s)
{
	struct eform *f = s->data;
	char buf[4096];
	size_t used = 0;
	static const int TEXT[] = { EF_TANGGAL, EF_PENILAI, EF_CATATAN };
	for (size_t t = 0; t < sizeof TEXT / sizeof TEXT[0] && used < sizeof buf; t++) {
		size_t start = used;
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s=%s\n", ef_name(TEXT[t]),
					 f->tf[TEXT[t]].buf);
		if (used >= sizeof buf)
			used = sizeof buf - 1;
		for (size_t i = start; i + 1 < used; i++)
			if (buf[i] == '\n' || buf[i] == '\r')
				buf[i] = ' ';
	}
	if (used < sizeof buf) {
		used += (size_t)snprintf(buf + used, sizeof buf - used, "v=");
		for (int i = 0; i < EVAL_INDICATORS && used + 2 < sizeof buf; i++)
			buf[used++] = (char)('0' + (f->ev.v[i] >= 1 && f->ev.v[i] <= 4 ? f->ev.v[i] : 0));
		buf[used < sizeof buf ? used : sizeof buf - 1] = '\0';
	}
	draft_put(s->db, s->ops->name, f->key, buf, NULL);
}

/* The value of line name= in text into out ("" when none). */
static void line_value(const char *text, const char *name, char *out, size_t n)
{
	size_t len = strlen(name);
	out[0] = '\0';
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) : strlen(p);
		if (l > len && strncmp(p, name, len) == 0 && p[len] == '=') {
			snprintf(out, n, "%.*s", (int)(l - len - 1), p + len + 1);
			return;
		}
		p = nl ? nl + 1 : NULL;
	}
}

void ef_draft_offer(struct screen *s, struct eform *f)
{
	char *text, when[32], q[300];
	if (draft_get(s->db, s->ops->name, f->key, &text, when, sizeof when, NULL) != SK_OK)
		return;
	snprintf(q, sizeof q, _("Ada isian penilaian perkembangan yang belum disimpan ketika SIKUBE "
				"ditutup (%.10s). Pakai isian itu? (y/t)"), when);
	int take = dlg_ask(q, 1);
	draft_drop(s->db, s->ops->name, f->key, NULL);
	if (take) {
		char val[TFIELD_BYTES];
		static const int TEXT[] = { EF_TANGGAL, EF_PENILAI, EF_CATATAN };
		for (size_t t = 0; t < sizeof TEXT / sizeof TEXT[0]; t++) {
			line_value(text, ef_name(TEXT[t]), val, sizeof val);
			tfield_set(&f->tf[TEXT[t]], val, f->tf[TEXT[t]].max);
		}
		line_value(text, "v", val, sizeof val);
		for (int i = 0; i < EVAL_INDICATORS && val[i]; i++)
			f->ev.v[i] = val[i] >= '1' && val[i] <= '4' ? val[i] - '0' : 0;
		f->changed = 1;
		frame_msg(MSG_INFO, "%s", _("Isian yang belum disimpan dipakai lagi. Periksa, lalu F2 "
					    "untuk menyimpan."));
	}
	free(text);
}
