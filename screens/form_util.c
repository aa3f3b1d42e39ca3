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

int fu_save_or_back(struct screen *s, enum action a, int changed, void (*save)(struct screen *s))
{
	switch (a) {
	case ACT_SAVE:
		save(s);
		return SCR_HANDLED;
	case ACT_BACK:
		if (!changed || dlg_confirm(_("Buang perubahan? (y/t)")))
			ui_pop();
		return SCR_HANDLED;
	default:
		return SCR_UNHANDLED;
	}
}

int fu_form_action(struct screen *s, struct uform *uf, wint_t ch, int kc,
		   void (*save)(struct screen *s))
{
	enum action a = keys_action(ch, kc);
	return fu_save_or_back(s, a, a == ACT_BACK && uform_dirty(uf), save);
}

int fu_first_error(const sk_issues *is, int n, const char *(*name)(int i))
{
	for (int i = 0; i < n; i++) {
		const sk_issue *it = sk_issues_for(is, name(i));
		if (it && it->sev == SK_SEV_ERROR) {
			frame_msg(MSG_ERROR, _("Belum disimpan: %s"), it->msg);
			return i;
		}
	}
	for (int i = 0; i < is->n; i++)
		if (is->items[i].sev == SK_SEV_ERROR) {
			frame_msg(MSG_ERROR, _("Belum disimpan: %s"), is->items[i].msg);
			break;
		}
	return -1;
}

int fu_refuse_open(int n, int (*open)(const void *ctx, int i), const void *ctx,
		   void (*label)(int i, char *out, size_t size), const char *msg)
{
	char list[200] = "", one[32];
	int first = -1;
	for (int i = 0; i < n; i++) {
		if (!open(ctx, i))
			continue;
		if (first < 0)
			first = i;
		label(i, one, sizeof one);
		snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", *list ? ", " : "",
			 one);
	}
	if (first >= 0)
		frame_msg(MSG_ERROR, msg, list);
	return first;
}

int fu_name_too_long(const char *field, const char *value, sk_issues *is)
{
	if (sk_utf8_len(value) <= SK_NAME_MAX)
		return 0;
	sk_issues_add(is, field, SK_SEV_ERROR, _("Paling panjang %d huruf (sekarang %zu); singkatkan."),
		      SK_NAME_MAX, sk_utf8_len(value));
	return 1;
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

char *fu_draft_take(struct screen *s, const char *key, const char *question)
{
	char *draft, when[32], local[32], q[400];
	if (draft_get(s->db, s->ops->name, key, &draft, when, sizeof when, NULL) != SK_OK)
		return NULL;
	local_time(when, local, sizeof local);
	snprintf(q, sizeof q, question, local);
	int take = dlg_ask(q, 1);
	draft_drop(s->db, s->ops->name, key, NULL);
	if (!take) {
		free(draft);
		return NULL;
	}
	frame_msg(MSG_INFO, "%s", _("Isian yang belum disimpan dipakai lagi. Periksa, lalu F2 "
				    "untuk menyimpan."));
	return draft;
}

int fu_draft_offer(struct screen *s, struct uform *uf, const char *key, char **text)
{
	char *draft = fu_draft_take(s, key, _("Ada isian formulir ini yang belum disimpan ketika "
					      "SIKUBE ditutup (%s). Pakai isian itu? (y/t)"));
	if (text)
		*text = NULL;
	if (!draft)
		return 0;
	uform_load(uf, draft);
	if (text)
		*text = draft;
	else
		free(draft);
	return 1;
}

size_t fu_draft_fields(char *buf, size_t size, const struct tfield *tf, const int *fields, int n,
		       const char *(*name)(int i))
{
	size_t used = 0;
	buf[0] = '\0';
	for (int k = 0; k < n; k++)
		uform_line_put(buf, size, &used, name(fields[k]), tf[fields[k]].buf);
	return used;
}

void fu_draft_fill(const char *text, struct tfield *tf, const int *fields, int n,
		   const char *(*name)(int i))
{
	char val[TFIELD_BYTES];
	for (int k = 0; k < n; k++)
		if (uform_line_value(text, name(fields[k]), val, sizeof val))
			tfield_set(&tf[fields[k]], val, tf[fields[k]].max);
}

int fu_digits_key(struct fu_digits *d, wint_t ch, enum action a, int64_t v)
{
	size_t len = strlen(d->buf);
	if (ch >= '0' && ch <= '9') {
		if (!d->editing) {
			d->editing = 1;
			len = 0;
		}
		if (len < 12) {
			d->buf[len] = (char)ch;
			d->buf[len + 1] = '\0';
		}
		return 1;
	}
	if (ch == '.')
		return 1;
	if (a != ACT_BACKSPACE && a != ACT_CLEAR)
		return 0;
	if (!d->editing) {
		d->editing = 1;
		snprintf(d->buf, sizeof d->buf, "%lld", (long long)v);
	}
	len = strlen(d->buf);
	if (a == ACT_CLEAR)
		len = 0;
	else if (len > 0)
		len--;
	d->buf[len] = '\0';
	return 1;
}

int fu_digits_end(struct fu_digits *d, int64_t *v)
{
	if (!d->editing)
		return 0;
	if (sk_parse_rupiah(d->buf, v) != 0)
		*v = 0;
	d->editing = 0;
	d->buf[0] = '\0';
	return 1;
}

void fu_get_texts(struct uform *uf, void *rec, const struct fu_text *t, int n)
{
	for (int i = 0; i < n; i++)
		uform_get(uf, t[i].name, (char *)rec + t[i].at, t[i].size);
}

void fu_set_texts(struct uform *uf, const void *rec, const struct fu_text *t, int n)
{
	for (int i = 0; i < n; i++)
		uform_set(uf, t[i].name, (const char *)rec + t[i].at);
}

int fu_fail(const sk_err *e)
{
	frame_msg(MSG_ERROR, "%s", e->msg);
	return -1;
}

void *fu_form_open(struct screen *s, size_t size, const struct uf_def *defs, int n, int pages,
		   const char *const *titles)
{
	struct uform *uf = ui_data_new(s, size);
	if (!uf || uform_open(uf, defs, n, pages, titles) != 0)
		return NULL;
	return uf;
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

void *fu_own_new(struct screen *s, size_t size, const struct fu_own_def *def)
{
	struct fu_own *o = ui_data_new(s, size);
	if (o)
		o->def = def;
	return o;
}

static struct tfield *own_tf(const struct fu_own *o)
{
	return (struct tfield *)((char *)o + o->def->tf_at);
}

static int own_is_item(const struct fu_own *o, int i)
{
	return i >= o->def->item0 && i < o->def->item0 + o->def->items;
}

int fu_own_item(struct fu_own *o, int i, int y, int x, const char *label, int w)
{
	return tfield_item(&own_tf(o)[i], y, x, label, w, o->cur == i, &o->cy, &o->cx);
}

void fu_own_note(struct fu_own *o, int i, int y)
{
	int w = COLS - 12;
	fu_own_item(o, i, y, 1, _("Catatan"), w > 68 ? 68 : w);
}

void fu_own_go(struct fu_own *o, int to)
{
	if (to < 0 || to >= o->def->count)
		return;
	o->cur = to;
	if (!own_is_item(o, to))
		own_tf(o)[to].fresh = 1;
}

void fu_own_focus(struct fu_own *o)
{
	fu_own_go(o, fu_first_error(&o->found, o->def->count, o->def->name));
}

void fu_own_cursor(const struct fu_own *o, int y, int x)
{
	if (own_is_item(o, o->cur))
		move(y, x);
	else
		move(o->cy, o->cx);
}

int fu_own_key(struct screen *s, wint_t ch, int kc)
{
	struct fu_own *o = s->data;
	enum action a = keys_action(ch, kc);
	int used = 0;
	if (own_is_item(o, o->cur))
		used = o->def->item_key(o, ch, kc);
	else if (tfield_key(&own_tf(o)[o->cur], ch, kc))
		used = o->changed = 1;
	if (used)
		sk_issues_clear(&o->found); /* shown again by the next F2 when still wrong */
	if (!used)
		used = o->def->move_key(o, a);
	if (!used && fu_save_or_back(s, a, o->changed, o->def->save) == SCR_HANDLED)
		return -1;
	return used;
}

int fu_own_unsaved(struct screen *s)
{
	return ((const struct fu_own *)s->data)->changed;
}

void fu_own_free(struct screen *s)
{
	free(s->data);
}

int fu_form_key(struct screen *s, wint_t ch, int kc,
		void (*after)(struct screen *s, enum uf_result r, int left),
		void (*pick)(struct screen *s), void (*save)(struct screen *s))
{
	struct uform *uf = s->data;
	int left;
	enum uf_result r = uform_key(uf, ch, kc, &left);
	if (after)
		after(s, r, left);
	if (r == UF_WANT_PICK && pick) {
		pick(s);
		return SCR_HANDLED;
	}
	if (r != UF_IGNORED)
		return SCR_HANDLED;
	return fu_form_action(s, uf, ch, kc, save);
}

void fu_form_draft(struct screen *s)
{
	struct fu_form *f = s->data;
	fu_draft_save(s, &f->uf, f->key, NULL);
}

static void form_check(struct screen *s, const struct fu_store *how, void *rec, sk_issues *is)
{
	if (how->check) {
		how->check(s, rec, is);
		return;
	}
	sk_issues conv;
	how->collect(s, rec, &conv);
	how->rules(s, rec, is);
	fu_merge(is, &conv);
	uform_check_lengths(s->data, is);
	uform_set_issues(s->data, is);
	if (how->notes)
		how->notes(s);
}

int fu_form_store(struct screen *s, const struct fu_store *how, void *rec, sk_issues *is)
{
	struct uform *uf = s->data;
	uform_touch_all(uf);
	form_check(s, how, rec, is);
	if (sk_issues_errors(is)) {
		fu_refused(uf, is);
		return 0;
	}
	sk_err e;
	sk_err_clear(&e);
	return fu_stored(uf, how->store(s, rec, is, &e), is, &e);
}

static void form_left(struct screen *s, const struct fu_store *how, void *rec, int left)
{
	sk_issues is;
	if (left < 0)
		return;
	uform_touch(s->data, left);
	form_check(s, how, rec, &is);
}

static void *form_rec(struct screen *s)
{
	struct fu_form *f = s->data;
	return (char *)f + f->how->rec_at;
}

void fu_form_check(struct screen *s)
{
	sk_issues is;
	form_check(s, ((struct fu_form *)s->data)->how, form_rec(s), &is);
}

static void form_save(struct screen *s)
{
	const struct fu_store *how = ((struct fu_form *)s->data)->how;
	void *rec = form_rec(s);
	if (!fu_form_save(s, how, rec))
		return;
	if (how->saved)
		how->saved(s, rec);
	ui_pop();
}

int fu_key(struct screen *s, wint_t ch, int kc)
{
	struct fu_form *f = s->data;
	const struct fu_store *how = f->how;
	int left;
	enum uf_result r = uform_key(&f->uf, ch, kc, &left);
	if (how->after)
		how->after(s, r, left);
	form_left(s, how, form_rec(s), left);
	if (r == UF_WANT_PICK && how->pick) {
		how->pick(s);
		return SCR_HANDLED;
	}
	if (r != UF_IGNORED)
		return SCR_HANDLED;
	return fu_form_action(s, &f->uf, ch, kc, form_save);
}

int fu_form_save(struct screen *s, const struct fu_store *how, void *rec)
{
	sk_issues is;
	if (!fu_form_store(s, how, rec, &is))
		return 0;
	char what[500];
	how->what(rec, what, sizeof what);
	fu_saved(what, &is);
	return 1;
}


int fu_own_store(struct screen *s, const char *who)
{
	struct fu_own *o = s->data;
	const struct fu_own_def *d = o->def;
	if (fu_name_too_long("penilai", who, &o->found)) {
		fu_own_focus(o);
		return 0;
	}
	int first = fu_refuse_open(d->items, d->open, o, d->label, _(d->missing));
	if (first >= 0) {
		fu_own_go(o, d->item0 + first);
		return 0;
	}
	sk_err e;
	sk_err_clear(&e);
	int rc = d->store(s, &e);
	if (rc == SK_REFUSED)
		fu_own_focus(o);
	else if (rc != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg);
	return rc == SK_OK;
}
