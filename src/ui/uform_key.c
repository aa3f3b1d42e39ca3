/* uform_key.c - form widget: keys. */
#include <stdlib.h>
#include <wctype.h>
#include "keys.h"
#include "uform_int.h"

/* Number of values of a choice field. */
static int choice_count(const struct uf_def *d)
{
	int n = 0;
	while (d->values[n])
		n++;
	return n;
}

static void choice_set(struct uform *uf, int i, int k)
{
	int n = choice_count(&uf->defs[i]);
	k = (k % n + n) % n;
	uf->choice[i] = k;
	set_field_buffer(uf->fields[i], 0, uform_choice_label(&uf->defs[i], k));
}

/* Jump to the next choice whose label starts with ch. */
static void choice_letter(struct uform *uf, int i, wint_t ch)
{
	const struct uf_def *d = &uf->defs[i];
	int n = choice_count(d);
	for (int step = 1; step <= n; step++) {
		int k = (uf->choice[i] + step) % n;
		const char *lab = uform_choice_label(d, k);
		wchar_t first;
		if (*lab && mbtowc(&first, lab, MB_CUR_MAX) > 0 &&
		    towlower((wint_t)first) == towlower(ch)) {
			choice_set(uf, i, k);
			return;
		}
	}
}

/* A typed character; fresh: the cursor just arrived, the character replaces the value. */
static enum uf_result typed(struct uform *uf, int i, wint_t ch, int fresh)
{
	switch (uf->defs[i].kind) {
	case UF_TEXT:
		if (fresh)
			form_driver(uf->form, REQ_CLR_FIELD);
		form_driver_w(uf->form, OK, (wchar_t)ch);
		return UF_DONE;
	case UF_CHOICE:
		if (ch == ' ')
			choice_set(uf, i, uf->choice[i] + 1);
		else
			choice_letter(uf, i, ch);
		return UF_DONE;
	case UF_PICK:
		uf->pick_char = ch;
		return UF_WANT_PICK;
	}
	return UF_IGNORED;
}

static enum uf_result request(struct uform *uf, int req)
{
	form_driver_w(uf->form, KEY_CODE_YES, (wchar_t)req);
	return UF_DONE;
}

/* Go to the field step places away in form order, across pages (the form library's own
 * next/previous field requests stay on the page). */
static enum uf_result step_field(struct uform *uf, int i, int step)
{
	set_current_field(uf->form, uf->fields[((i + step) % uf->n + uf->n) % uf->n]);
	return UF_DONE;
}

/* Editing keys of text fields; clearing a picked value. */
static enum uf_result edit_key(struct uform *uf, int i, enum action a, wint_t ch, int kc)
{
	enum uf_kind k = uf->defs[i].kind;
	int del = kc == KEY_CODE_YES && ch == KEY_DC;
	if (k == UF_PICK && (a == ACT_BACKSPACE || a == ACT_CLEAR || del)) {
		set_field_buffer(uf->fields[i], 0, "");
		return UF_DONE;
	}
	if (k != UF_TEXT)
		return UF_IGNORED;
	if (a == ACT_BACKSPACE)
		return request(uf, REQ_DEL_PREV);
	if (del)
		return request(uf, REQ_DEL_CHAR);
	if (a == ACT_CLEAR)
		return request(uf, REQ_CLR_FIELD);
	if (a == ACT_HOME)
		return request(uf, REQ_BEG_FIELD);
	if (a == ACT_END)
		return request(uf, REQ_END_FIELD);
	return UF_IGNORED;
}

/* Moving between fields and pages, cycling choices. */
static enum uf_result move_key(struct uform *uf, int i, enum action a)
{
	enum uf_kind k = uf->defs[i].kind;
	switch (a) {
	case ACT_ENTER:
		if (k == UF_PICK) {
			uf->pick_char = 0;
			return UF_WANT_PICK;
		}
		return step_field(uf, i, 1);
	case ACT_PICK:
		if (k != UF_PICK)
			return UF_DONE;
		uf->pick_char = 0;
		return UF_WANT_PICK;
	case ACT_NEXT:
	case ACT_DOWN: return step_field(uf, i, 1);
	case ACT_PREV:
	case ACT_UP: return step_field(uf, i, -1);
	case ACT_PGDN: return request(uf, REQ_NEXT_PAGE);
	case ACT_PGUP: return request(uf, REQ_PREV_PAGE);
	case ACT_LEFT:
		if (k == UF_CHOICE) {
			choice_set(uf, i, uf->choice[i] - 1);
			return UF_DONE;
		}
		return request(uf, REQ_PREV_CHAR);
	case ACT_RIGHT:
		if (k == UF_CHOICE) {
			choice_set(uf, i, uf->choice[i] + 1);
			return UF_DONE;
		}
		return request(uf, REQ_NEXT_CHAR);
	default:
		return UF_IGNORED;
	}
}

enum uf_result uform_key(struct uform *uf, wint_t ch, int kc, int *left)
{
	*left = -1;
	if (!uf->posted)
		return UF_IGNORED;
	int i = uf->cur;
	int fresh = uf->fresh;
	enum uf_result r;
	uf->fresh = 0;
	if (keys_printable(ch, kc)) {
		r = typed(uf, i, ch, fresh);
	} else {
		enum action a = keys_action(ch, kc);
		r = edit_key(uf, i, a, ch, kc);
		if (r == UF_IGNORED)
			r = move_key(uf, i, a);
	}
	/* Keep the field's buffer in step with its window, so nothing typed is lost when the
	 * window is rebuilt (resize) or shrunk by the terminal. */
	form_driver(uf->form, REQ_VALIDATION);
	uform_mark_current(uf);
	if (uf->cur != i) {
		*left = i;
		uf->left = i;
		/* Arriving in a field: the cursor at the end of its text, and the first typed
		 * character replaces a value there (a proposed date, say). */
		uf->fresh = 1;
		if (uf->defs[uf->cur].kind == UF_TEXT)
			form_driver(uf->form, REQ_END_FIELD);
	} else if (r == UF_IGNORED) {
		uf->fresh = fresh;
	}
	return r;
}
