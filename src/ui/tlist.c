/* tlist.c - the list screen of tlist.h: a plist whose rows are cells under headings. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "i18n.h"
#include "keys.h"
#include "tlist.h"
#include "util.h"

static int tl_count(void *ctx, const char *search)
{
	struct screen *s = ctx;
	const struct tlist *tl = s->data;
	return tl->def->count(s, search);
}

static int tl_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	struct screen *s = ctx;
	const struct tlist *tl = s->data;
	return tl->def->fetch(s, search, offset, limit, rows, n, e);
}

static void tl_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct screen *s = ctx;
	const struct tlist *tl = s->data;
	const char *cells[TLIST_MAX_COLS] = { 0 };
	char buf[TLIST_MAX_COLS][TLIST_CELL];
	tl->def->cells(s, row, cells, buf);
	text_row(y, x, cells, tl->def->ncols, tl->w, width, selected);
}

void *tlist_new(struct screen *s, size_t size, const struct tlist_def *def)
{
	struct tlist *tl = ui_data_new(s, size);
	if (!tl)
		return NULL;
	tl->def = def;
	tl->src = (struct plist_src){ tl_count, tl_fetch, tl_row, def->row_size };
	plist_init(&tl->pl, &tl->src, s, def->searchable);
	return tl;
}

void *tlist_open(struct screen *s, size_t size, const struct tlist_def *def, const char *title)
{
	void *data = tlist_new(s, size, def);
	if (data)
		snprintf(s->title, sizeof s->title, "%s", _(title));
	return data;
}

const void *tlist_current(struct screen *s)
{
	struct tlist *tl = s->data;
	return plist_current(&tl->pl);
}

void tlist_resize(struct screen *s)
{
	struct tlist *tl = s->data;
	const struct tlist_def *d = tl->def;
	text_cols(d->cols, d->ncols, COLS - 2, tl->w);
	plist_place(&tl->pl, d->head_row + 1, 1, frame_bottom() - d->head_row - 1 - d->foot,
		    COLS - 2);
	if (!tl->placed && d->start_at_end)
		plist_key(&tl->pl, KEY_END, KEY_CODE_YES);
	tl->placed = 1;
}

void tlist_put_right(int y, const char *s)
{
	text_put(stdscr, y, COLS - 1 - text_width(s), s, text_width(s), ui_attr(R_DIM));
}

void tlist_draw(struct screen *s)
{
	struct tlist *tl = s->data;
	const struct tlist_def *d = tl->def;
	text_heads(d->head_row, 1, d->cols, d->ncols, tl->w);
	plist_draw(&tl->pl);
	if (d->draw)
		d->draw(s);
	if (d->position && (tl->pl.total > 0 || d->position_empty)) {
		char pos[128];
		snprintf(pos, sizeof pos, _(d->position), tl->pl.total > 0 ? tl->pl.sel + 1 : 0,
			 tl->pl.total > 0 ? tl->pl.total : 0);
		tlist_put_right(frame_bottom(), pos);
	}
	if (d->search_label) {
		plist_draw_search(&tl->pl, d->search_row ? d->search_row : 1, _(d->search_label));
		s->cursor = 1;
	}
}

int tlist_key(struct screen *s, wint_t ch, int kc)
{
	struct tlist *tl = s->data;
	const struct tlist_def *d = tl->def;
	const void *row = plist_current(&tl->pl);
	if (d->key && d->key(s, ch, kc, row) == SCR_HANDLED)
		return SCR_HANDLED;
	enum action a = keys_action(ch, kc);
	if (d->open && (a == ACT_NEW || a == ACT_ENTER || a == ACT_EDIT)) {
		if (a == ACT_NEW || row)
			d->open(s, a == ACT_NEW ? NULL : row);
		return SCR_HANDLED;
	}
	if (d->option && a == ACT_OPTION) {
		d->option(s);
		return SCR_HANDLED;
	}
	if (d->del && a == ACT_DELETE) {
		if (row)
			d->del(s, row);
		return SCR_HANDLED;
	}
	return plist_key(&tl->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
}

void tlist_reload(struct screen *s)
{
	struct tlist *tl = s->data;
	plist_reload(&tl->pl);
}

void tlist_resume(struct screen *s)
{
	struct tlist *tl = s->data;
	if (tl->def->resume)
		tl->def->resume(s);
	else
		plist_reload(&tl->pl);
}

int tlist_delete(struct screen *s, const char *q, const char *id,
		 int (*del)(sk_db *db, const char *id, sk_err *e), const char *done)
{
	struct tlist *tl = s->data;
	char keep[SK_UUID_LEN + 1];
	sk_strlcpy(keep, id, sizeof keep); /* the row goes with the page read by the question */
	if (!dlg_confirm(q))
		return 0;
	sk_err e;
	sk_err_clear(&e);
	if (del(s->db, keep, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return 0;
	}
	plist_reload(&tl->pl);
	frame_msg(MSG_INFO, "%s", done);
	return 1;
}

void tlist_free(struct screen *s)
{
	struct tlist *tl = s->data;
	if (!tl)
		return;
	if (tl->def->free)
		tl->def->free(s);
	plist_free(&tl->pl);
	free(tl);
}
