/* uform_draw.c - form widget: labels, page heading, findings. */
#include <stdio.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"
#include "uform_int.h"

static int cur_page(const struct uform *uf)
{
	return uf->posted ? form_page(uf->form) : 0;
}

static void draw_heading(struct uform *uf, int page)
{
	WINDOW *w = uf->win;
	int cols = getmaxx(w);
	char t[256];
	snprintf(t, sizeof t, _("Halaman %d dari %d: %s"), page + 1, uf->pages,
		 uf->page_titles ? _(uf->page_titles[page]) : "");
	text_put(w, 0, 0, "", cols, A_NORMAL);
	text_put(w, 0, 2, t, text_width(t), ui_attr(R_HEADER));
	if (uf->pages > 1) {
		char more[80], key[16];
		if (page + 1 < uf->pages)
			snprintf(more, sizeof more, _("%s: halaman berikutnya"),
				 keys_name(ACT_PGDN, key, sizeof key));
		else
			snprintf(more, sizeof more, _("%s: halaman sebelumnya"),
				 keys_name(ACT_PGUP, key, sizeof key));
		int mw = text_width(more);
		text_put(w, 0, cols - mw - 1, more, mw, ui_attr(R_DIM));
	}
}

/* Label and the remark after a field that is not plain text. */
static void draw_label(struct uform *uf, int i)
{
	const struct uf_def *d = &uf->defs[i];
	text_put(uf->win, d->row, d->lcol, _(d->label), d->fcol - d->lcol - 1, A_NORMAL);
	char after[80] = "", key[16];
	if (d->kind == UF_CHOICE)
		snprintf(after, sizeof after, _("%s: ganti"), keys_name(ACT_TOGGLE, key, sizeof key));
	else if (d->kind == UF_PICK)
		snprintf(after, sizeof after, _("%s: pilih dari daftar"),
			 keys_name(ACT_ENTER, key, sizeof key));
	if (*after) {
		int x = d->fcol + d->width + 2;
		int room = getmaxx(uf->win) - x - 1;
		if (room > 0 && uf->cur == i)
			text_put(uf->win, d->row, x, after, room, ui_attr(R_DIM));
	}
}

/* The first cut finding of a row not being worked on, during one uform_draw. */
static char other_text[1100];
static enum msg_kind other_kind;

/* 1 when the current field or the one just left is on row of page. */
static int row_holds(const struct uform *uf, int page, int row)
{
	for (int i = 0; i < uf->n; i++)
		if ((i == uf->cur || i == uf->left) && uf->defs[i].page == page &&
		    uf->defs[i].row == row)
			return 1;
	return 0;
}

/* Draw text at (y, x) over width columns; when it does not fit, it ends in "..." there and,
 * for the row being worked on (mine), goes whole to the message area. */
static void put_whole(struct uform *uf, int y, int x, const char *text, int width,
		      enum ui_role role, int mine)
{
	if (text_width(text) <= width || width < 4) {
		text_put(uf->win, y, x, text, width, ui_attr(role));
		return;
	}
	char cut[1100];
	text_fit(cut, sizeof cut, text, width - 1);
	snprintf(cut + strlen(cut), sizeof cut - strlen(cut), "\u2026");
	text_put(uf->win, y, x, cut, width, ui_attr(role));
	enum msg_kind k = role == R_ERROR ? MSG_ERROR : role == R_WARN ? MSG_WARN : MSG_INFO;
	if (mine) {
		frame_overflow(k, text);
	} else if (!other_text[0] && role != R_DIM) {
		/* Another row's finding: shown whole when no row being worked on needs the area. */
		snprintf(other_text, sizeof other_text, "%s", text);
		other_kind = k;
	}
}

/* The message row under a field row: findings of the touched fields on that row (errors
 * first), else their remarks. */
static void draw_findings(struct uform *uf, int page, int row)
{
	char line[1024] = "";
	enum ui_role role = R_DIM;
	int lcol = -1;
	for (int pass = 0; pass < 3 && !line[0]; pass++) {
		for (int i = 0; i < uf->n; i++) {
			const struct uf_def *d = &uf->defs[i];
			if (d->page != page || d->row != row)
				continue;
			if (lcol < 0)
				lcol = d->lcol;
			/* Every finding of the field of this kind (a NIK may have two warnings). */
			for (int k = 0; pass < 2 && uf->touched[i] && k < uf->issues.n; k++) {
				const sk_issue *it = &uf->issues.items[k];
				if ((int)it->sev != pass || strcmp(it->field, d->name) != 0)
					continue;
				snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s%s",
					 line[0] ? "  " : "", pass == 0 ? _("Salah: ") : _("Perhatian: "),
					 it->msg);
				role = pass == 0 ? R_ERROR : R_WARN;
			}
			if (pass == 2 && uf->notes[i])
				snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s",
					 line[0] ? "  " : "", uf->notes[i]);
		}
	}
	int x = lcol < 0 ? 2 : lcol + 2;
	int cols = getmaxx(uf->win);
	text_put(uf->win, row + 1, 0, "", cols, A_NORMAL);
	put_whole(uf, row + 1, x, line, cols - x - 1, role, row_holds(uf, page, row));
}

/* Findings about things that are not fields of the form (e.g. the group's size). */
static void draw_general(struct uform *uf)
{
	char line[1024] = "";
	enum ui_role role = R_WARN;
	for (int k = 0; k < uf->issues.n; k++) {
		const sk_issue *it = &uf->issues.items[k];
		if (uform_index(uf, it->field) >= 0)
			continue;
		if (it->sev == SK_SEV_ERROR)
			role = R_ERROR;
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s%s",
			 line[0] ? "  " : "", it->sev == SK_SEV_ERROR ? _("Salah: ") : _("Perhatian: "),
			 it->msg);
	}
	int y = getmaxy(uf->win) - 1, cols = getmaxx(uf->win);
	text_put(uf->win, y, 0, "", cols, A_NORMAL);
	put_whole(uf, y, 2, line, cols - 3, role, 1);
}

/* 1 when row holds a field on page. */
static int field_row(const struct uform *uf, int page, int row)
{
	for (int i = 0; i < uf->n; i++)
		if (uf->defs[i].page == page && uf->defs[i].row == row)
			return 1;
	return 0;
}

/* Blank the parts of a field row that no field covers (before the first label and after
 * each field up to the next label). */
static void clear_gaps(struct uform *uf, int page, int row)
{
	int cols = getmaxx(uf->win), from = 0;
	for (int i = 0; i < uf->n; i++) {
		const struct uf_def *d = &uf->defs[i];
		if (d->page != page || d->row != row)
			continue;
		if (d->lcol > from)
			text_put(uf->win, row, from, "", d->lcol - from, A_NORMAL);
		from = d->fcol + d->width;
	}
	if (from < cols)
		text_put(uf->win, row, from, "", cols - from, A_NORMAL);
}

void uform_draw(struct uform *uf)
{
	if (!uf->posted || !uf->win)
		return;
	int page = cur_page(uf);
	int h = getmaxy(uf->win);
	other_text[0] = '\0';
	draw_heading(uf, page);
	for (int row = 1; row < h - 1; row++) {
		if (field_row(uf, page, row))
			clear_gaps(uf, page, row);
		else if (!field_row(uf, page, row - 1))
			text_put(uf->win, row, 0, "", getmaxx(uf->win), A_NORMAL);
	}
	int last_row = -1;
	for (int i = 0; i < uf->n; i++) {
		const struct uf_def *d = &uf->defs[i];
		if (d->page != page)
			continue;
		draw_label(uf, i);
		if (d->row != last_row)
			draw_findings(uf, page, d->row);
		last_row = d->row;
	}
	draw_general(uf);
	if (other_text[0])
		frame_overflow(other_kind, other_text);
}

void uform_refresh(struct uform *uf)
{
	if (!uf->posted || !uf->win)
		return;
	touchwin(uf->win);
	pos_form_cursor(uf->form);
	wnoutrefresh(uf->win);
}
