/* form_util.c - shared form behaviour. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "draft.h"
#include "dialog.h"
#include "frame.h"
#include "i18n.h"
#include "keys.h"
#include "util.h"
#include "form_util.h"

void fu_merge(sk_issues *dst, const sk_issues *src)
{
	for (int i = 0; i < src->n; i++)
		sk_issues_add(dst, src->items[i].field, src->items[i].sev, "%s", src->items[i].msg);
}

void fu_money(const char *text, const char *field, int64_t *out, sk_issues *is)
{
	*out = 0;
	if (!*text)
		return;
	if (sk_parse_rupiah(text, out) != 0) {
		*out = 0;
		sk_issues_add(is, field, SK_SEV_ERROR, "%s",
			      _("Tulis jumlah rupiah dengan angka saja, misalnya 1250000 atau "
				"1.250.000."));
	}
}

void fu_money_note(struct uform *uf, const char *field, const char *text, int required)
{
	int64_t v;
	if (*text && sk_parse_rupiah(text, &v) == 0) {
		char num[48], note[96];
		snprintf(note, sizeof note, "Rp %s", sk_format_rupiah(v, num, sizeof num));
		uform_note(uf, field, note);
	} else {
		uform_note(uf, field, required ? _("Angka saja, misalnya 25000.")
					       : _("Angka saja, misalnya 5000; kosong berarti 0."));
	}
}

int fu_may_close(struct uform *uf)
{
	return !uform_dirty(uf) || dlg_confirm(_("Buang perubahan? (y/t)"));
}

void fu_refused(struct uform *uf, const sk_issues *is)
{
	uform_touch_all(uf);
	uform_set_issues(uf, is);
	int first = uform_first_error(uf);
	uform_focus(uf, first);
	const sk_issue *it = first >= 0 ? sk_issues_for(is, uf->defs[first].name) : NULL;
	for (int i = 0; !it && i < is->n; i++)
		if (is->items[i].sev == SK_SEV_ERROR)
			it = &is->items[i];
	if (it)
		frame_msg(MSG_ERROR, _("Belum disimpan: %s"), it->msg);
	else
		frame_msg(MSG_ERROR, "%s", _("Belum disimpan: perbaiki isian yang ditandai Salah."));
}

void fu_saved(const char *what, const sk_issues *is)
{
	for (int i = 0; i < is->n; i++) {
		if (is->items[i].sev == SK_SEV_WARNING) {
			frame_msg(MSG_WARN, _("%s tersimpan. Perhatian: %s"), what, is->items[i].msg);
			return;
		}
	}
	frame_msg(MSG_INFO, _("%s tersimpan."), what);
}

int fu_form_action(struct screen *s, struct uform *uf, wint_t ch, int kc,
		   void (*save)(struct screen *s))
{
	switch (keys_action(ch, kc)) {
	case ACT_SAVE:
		save(s);
		return SCR_HANDLED;
	case ACT_BACK:
		if (fu_may_close(uf))
			ui_pop();
		return SCR_HANDLED;
	default:
		return SCR_UNHANDLED;
	}
}

int fu_stored(struct uform *uf, int rc, const sk_issues *is, const sk_err *e)
{
	if (rc == SK_REFUSED)
		fu_refused(uf, is);
	else if (rc != SK_OK)
		frame_msg(MSG_ERROR, "%s", e->msg);
	return rc == SK_OK;
}

void fu_draft_save(struct screen *s, struct uform *uf, const char *key, const char *extra)
{
	char *text = uform_dump(uf);
	if (!text)
		return;
	size_t n = strlen(text) + (extra ? strlen(extra) : 0) + 1;
	char *all = malloc(n);
	if (all) {
		snprintf(all, n, "%s%s", text, extra ? extra : "");
		draft_put(s->db, s->ops->name, key, all, NULL);
	}
	free(all);
	free(text);
}

/* A UTC stamp (YYYY-MM-DDTHH:MM:SSZ) as local "YYYY-MM-DD HH:MM" into out. */
static void local_time(const char *utc, char *out, size_t n)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (sscanf(utc, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
		   &tm.tm_min, &tm.tm_sec) != 6) {
		snprintf(out, n, "%s", utc);
		return;
	}
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm);
	struct tm lt;
	localtime_r(&t, &lt);
	strftime(out, n, "%Y-%m-%d %H:%M", &lt);
}

int fu_draft_offer(struct screen *s, struct uform *uf, const char *key, char **text)
{
	char *draft, when[32], local[32], q[400];
	if (text)
		*text = NULL;
	if (draft_get(s->db, s->ops->name, key, &draft, when, sizeof when, NULL) != SK_OK)
		return 0;
	local_time(when, local, sizeof local);
	snprintf(q, sizeof q, _("Ada isian formulir ini yang belum disimpan ketika SIKUBE ditutup "
				"(%s). Pakai isian itu? (y/t)"), local);
	int take = dlg_ask(q, 1);
	draft_drop(s->db, s->ops->name, key, NULL);
	if (take) {
		uform_load(uf, draft);
		frame_msg(MSG_INFO, "%s", _("Isian yang belum disimpan dipakai lagi. Periksa, lalu F2 "
					    "untuk menyimpan."));
	}
	if (take && text)
		*text = draft;
	else
		free(draft);
	return take;
}

void fu_resize(struct screen *s)
{
	uform_layout(s->data);
}

void fu_draw(struct screen *s)
{
	uform_draw(s->data);
	s->cursor = 1;
}

void fu_show(struct screen *s)
{
	uform_refresh(s->data);
}

int fu_unsaved(struct screen *s)
{
	return uform_dirty(s->data);
}

void fu_free(struct screen *s)
{
	if (s->data)
		uform_close(s->data);
	free(s->data);
}
