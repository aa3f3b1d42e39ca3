/* uform.c - form widget: building, layout, values. Keys in uform_key.c, drawing in
 * uform_draw.c. */
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "uform_int.h"
#include "util.h"

const char *const UF_YN_VALUES[] = { "0", "1", NULL };
const char *const UF_YN_LABELS[] = { N_("Tidak"), N_("Ya"), NULL };

const char *uform_choice_label(const struct uf_def *d, int i)
{
	const char *v = d->labels ? d->labels[i] : d->values[i];
	return *v ? _(v) : "";
}

static FIELD *make_field(const struct uf_def *d, int first_of_page)
{
	FIELD *f = new_field(1, d->width, d->row, d->fcol, 0, 0);
	if (!f)
		return NULL;
	field_opts_off(f, O_AUTOSKIP | O_BLANK);
	if (d->kind == UF_TEXT) {
		/* No limit while typing: text over the field's max is refused with the limit
		 * (uform_check_lengths), not cut off unseen. */
		field_opts_off(f, O_STATIC);
		set_max_field(f, 0);
	} else {
		field_opts_off(f, O_EDIT);
	}
	set_field_back(f, ui_attr(R_FIELD));
	set_field_fore(f, ui_attr(R_FIELD));
	set_field_pad(f, ' ');
	if (first_of_page)
		set_new_page(f, TRUE);
	return f;
}

int uform_open(struct uform *uf, const struct uf_def *defs, int n, int pages,
	       const char *const *page_titles)
{
	memset(uf, 0, sizeof *uf);
	uf->defs = defs;
	uf->n = n;
	uf->pages = pages;
	uf->page_titles = page_titles;
	uf->fields = calloc((size_t)n + 1, sizeof *uf->fields);
	uf->choice = calloc((size_t)n, sizeof *uf->choice);
	uf->orig = calloc((size_t)n, sizeof *uf->orig);
	uf->notes = calloc((size_t)n, sizeof *uf->notes);
	uf->touched = calloc((size_t)n, 1);
	uf->left = -1;
	uf->fresh = 1;
	if (!uf->fields || !uf->choice || !uf->orig || !uf->notes || !uf->touched)
		return -1;
	for (int i = 0; i < n; i++) {
		uf->fields[i] = make_field(&defs[i], i > 0 && defs[i].page != defs[i - 1].page);
		if (!uf->fields[i])
			return -1;
		if (defs[i].kind == UF_CHOICE)
			set_field_buffer(uf->fields[i], 0, uform_choice_label(&defs[i], 0));
	}
	uf->form = new_form(uf->fields);
	if (!uf->form)
		return -1;
	form_opts_off(uf->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	return 0;
}

void uform_close(struct uform *uf)
{
	if (uf->form) {
		if (uf->posted)
			unpost_form(uf->form);
		free_form(uf->form);
	}
	for (int i = 0; uf->fields && i < uf->n; i++) {
		if (uf->fields[i])
			free_field(uf->fields[i]);
		if (uf->orig)
			free(uf->orig[i]);
		if (uf->notes)
			free(uf->notes[i]);
	}
	if (uf->sub)
		delwin(uf->sub);
	if (uf->win)
		delwin(uf->win);
	free(uf->fields);
	free(uf->choice);
	free(uf->orig);
	free(uf->notes);
	free(uf->touched);
	memset(uf, 0, sizeof *uf);
}

void uform_mark_current(struct uform *uf)
{
	FIELD *c = current_field(uf->form);
	for (int i = 0; i < uf->n; i++) {
		attr_t a = ui_attr(uf->fields[i] == c ? R_FIELD_CUR : R_FIELD);
		if (field_back(uf->fields[i]) != a) {
			set_field_back(uf->fields[i], a);
			set_field_fore(uf->fields[i], a);
		}
		if (uf->fields[i] == c)
			uf->cur = i;
	}
}

void uform_layout(struct uform *uf)
{
	int cur = uf->cur;
	if (uf->posted) {
		unpost_form(uf->form);
		uf->posted = 0;
	}
	if (uf->sub)
		delwin(uf->sub);
	if (uf->win)
		delwin(uf->win);
	uf->sub = NULL;
	int h = frame_bottom() - FRAME_TOP + 1;
	uf->win = newwin(h, COLS, FRAME_TOP, 0);
	if (!uf->win)
		return;
	uf->sub = derwin(uf->win, h, COLS, 0, 0);
	if (!uf->sub)
		return;
	set_form_win(uf->form, uf->win);
	set_form_sub(uf->form, uf->sub);
	if (post_form(uf->form) == E_OK)
		uf->posted = 1;
	set_current_field(uf->form, uf->fields[cur]);
	/* Posting puts the cursor at the field's start; the end of the text is where the
	 * typing most likely was. */
	if (uf->defs[cur].kind == UF_TEXT)
		form_driver(uf->form, REQ_END_FIELD);
	uform_mark_current(uf);
}

int uform_index(const struct uform *uf, const char *name)
{
	for (int i = 0; i < uf->n; i++)
		if (strcmp(uf->defs[i].name, name) == 0)
			return i;
	return -1;
}

void uform_set(struct uform *uf, const char *name, const char *value)
{
	int i = uform_index(uf, name);
	if (i < 0)
		return;
	const struct uf_def *d = &uf->defs[i];
	if (d->kind == UF_CHOICE) {
		int k = 0;
		for (int j = 0; d->values[j]; j++)
			if (strcmp(d->values[j], value ? value : "") == 0)
				k = j;
		uf->choice[i] = k;
		set_field_buffer(uf->fields[i], 0, uform_choice_label(d, k));
		return;
	}
	set_field_buffer(uf->fields[i], 0, value ? value : "");
}

void uform_get(struct uform *uf, const char *name, char *out, size_t n)
{
	int i = uform_index(uf, name);
	out[0] = '\0';
	if (i < 0)
		return;
	if (uf->defs[i].kind == UF_CHOICE) {
		sk_strlcpy(out, uf->defs[i].values[uf->choice[i]], n);
		return;
	}
	if (uf->posted && current_field(uf->form) == uf->fields[i])
		form_driver(uf->form, REQ_VALIDATION);
	sk_strlcpy(out, field_buffer(uf->fields[i], 0), n);
	sk_trim(out);
}

void uform_snapshot(struct uform *uf)
{
	char buf[4096];
	for (int i = 0; i < uf->n; i++) {
		uform_get(uf, uf->defs[i].name, buf, sizeof buf);
		free(uf->orig[i]);
		uf->orig[i] = strdup(buf);
	}
}

int uform_dirty(struct uform *uf)
{
	char buf[4096];
	for (int i = 0; i < uf->n; i++) {
		uform_get(uf, uf->defs[i].name, buf, sizeof buf);
		if (!uf->orig[i] || strcmp(buf, uf->orig[i]) != 0)
			return 1;
	}
	return 0;
}

void uform_note(struct uform *uf, const char *name, const char *text)
{
	int i = uform_index(uf, name);
	if (i < 0)
		return;
	free(uf->notes[i]);
	uf->notes[i] = text && *text ? strdup(text) : NULL;
}

void uform_set_issues(struct uform *uf, const sk_issues *is)
{
	uf->issues = *is;
}

void uform_touch(struct uform *uf, int idx)
{
	if (idx >= 0 && idx < uf->n)
		uf->touched[idx] = 1;
}

void uform_touch_all(struct uform *uf)
{
	memset(uf->touched, 1, (size_t)uf->n);
}

int uform_first_error(const struct uform *uf)
{
	for (int i = 0; i < uf->n; i++) {
		const sk_issue *it = sk_issues_for(&uf->issues, uf->defs[i].name);
		if (it && it->sev == SK_SEV_ERROR)
			return i;
	}
	return -1;
}

void uform_focus(struct uform *uf, int idx)
{
	if (idx < 0 || idx >= uf->n)
		return;
	uf->cur = idx;
	uf->fresh = 1;
	if (uf->posted) {
		set_current_field(uf->form, uf->fields[idx]);
		if (uf->defs[idx].kind == UF_TEXT)
			form_driver(uf->form, REQ_END_FIELD);
		uform_mark_current(uf);
	}
}

void uform_check_lengths(struct uform *uf, sk_issues *is)
{
	for (int i = 0; i < uf->n; i++) {
		const struct uf_def *d = &uf->defs[i];
		if (d->kind != UF_TEXT || d->max <= 0)
			continue;
		if (uf->posted && current_field(uf->form) == uf->fields[i])
			form_driver(uf->form, REQ_VALIDATION);
		char *buf = strdup(field_buffer(uf->fields[i], 0));
		if (!buf)
			continue;
		size_t len = sk_utf8_len(sk_trim(buf));
		free(buf);
		if ((int)len > d->max && !sk_issues_for(is, d->name))
			sk_issues_add(is, d->name, SK_SEV_ERROR,
				      _("Paling panjang %d huruf (sekarang %zu); singkatkan."), d->max, len);
	}
}

/* Append s to the growing string *buf (size *cap, used *len); 0 or -1. */
static int put(char **buf, size_t *cap, size_t *len, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		size_t c = (*cap + n + 1) * 2;
		char *b = realloc(*buf, c);
		if (!b)
			return -1;
		*buf = b;
		*cap = c;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
	return 0;
}

int uform_line_put(char *buf, size_t n, size_t *used, const char *name, const char *value)
{
	size_t u = *used;
	int w = snprintf(buf + u, n - u, "%s=", name);
	if (w < 0 || (size_t)w >= n - u)
		return -1;
	u += (size_t)w;
	for (const char *p = value; *p; p++) {
		int esc = *p == '\n' || *p == '\\';
		if (u + 2 + (size_t)esc >= n)
			return -1;
		if (esc)
			buf[u++] = '\\';
		buf[u++] = *p == '\n' ? 'n' : *p;
	}
	if (u + 2 > n)
		return -1;
	buf[u++] = '\n';
	buf[u] = '\0';
	*used = u;
	return 0;
}

int uform_line_value(const char *text, const char *name, char *out, size_t n)
{
	size_t len = strlen(name);
	out[0] = '\0';
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if ((size_t)(nl - p) > len && strncmp(p, name, len) == 0 && p[len] == '=') {
			size_t j = 0;
			for (const char *q = p + len + 1; q < nl && j + 1 < n; q++) {
				if (*q == '\\' && q + 1 < nl)
					q++, out[j++] = *q == 'n' ? '\n' : *q;
				else
					out[j++] = *q;
			}
			out[j] = '\0';
			return 1;
		}
		p = *nl ? nl + 1 : NULL;
	}
	return 0;
}

char *uform_dump(struct uform *uf)
{
	char *buf = NULL, val[4096], line[2 * sizeof val + 80];
	size_t cap = 0, len = 0;
	if (put(&buf, &cap, &len, "", 0) != 0)
		return NULL;
	for (int i = 0; i < uf->n; i++) {
		size_t used = 0;
		uform_get(uf, uf->defs[i].name, val, sizeof val);
		if (uform_line_put(line, sizeof line, &used, uf->defs[i].name, val) != 0 ||
		    put(&buf, &cap, &len, line, used) != 0) {
			free(buf);
			return NULL;
		}
	}
	return buf;
}

void uform_load(struct uform *uf, const char *text)
{
	char val[4096];
	for (int i = 0; i < uf->n; i++)
		if (uform_line_value(text, uf->defs[i].name, val, sizeof val))
			uform_set(uf, uf->defs[i].name, val);
}

const char *uform_current(const struct uform *uf)
{
	return uf->defs[uf->cur].name;
}
