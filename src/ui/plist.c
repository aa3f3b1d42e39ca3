/* plist.c - paged list widget. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "keys.h"
#include "plist.h"
#include "text.h"

void plist_init(struct plist *pl, const struct plist_src *src, void *ctx, int searchable)
{
	memset(pl, 0, sizeof *pl);
	pl->src = src;
	pl->ctx = ctx;
	pl->searchable = searchable;
	sline_clear(&pl->search);
}

void plist_free(struct plist *pl)
{
	free(pl->rows);
	pl->rows = NULL;
	pl->cap = pl->nrows = 0;
}

/* Fetch the page starting at pl->top. */
static int fetch_page(struct plist *pl)
{
	sk_err e;
	sk_err_clear(&e);
	if (pl->h <= 0 || !pl->rows)
		return SK_OK;
	int n = 0;
	int rc = pl->src->fetch(pl->ctx, pl->search_utf8, pl->top, pl->h, pl->rows, &n, &e);
	if (rc != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg[0] ? e.msg : _("Data tidak dapat dibaca."));
		return rc;
	}
	pl->nrows = n;
	return SK_OK;
}

/* Keep sel inside the rows and visible. */
static void clamp(struct plist *pl)
{
	if (pl->sel >= pl->total)
		pl->sel = pl->total - 1;
	if (pl->sel < 0)
		pl->sel = 0;
	if (pl->sel < pl->top)
		pl->top = pl->sel;
	if (pl->h > 0 && pl->sel >= pl->top + pl->h)
		pl->top = pl->sel - pl->h + 1;
	if (pl->h > 0 && pl->top > pl->total - pl->h)
		pl->top = pl->total - pl->h;
	if (pl->top < 0)
		pl->top = 0;
}

void plist_place(struct plist *pl, int y, int x, int h, int w)
{
	pl->y = y;
	pl->x = x;
	pl->w = w;
	if (h < 1)
		h = 1;
	if (h > pl->cap) {
		void *r = realloc(pl->rows, (size_t)h * pl->src->row_size);
		if (!r)
			return;
		pl->rows = r;
		pl->cap = h;
	}
	pl->h = h;
	plist_reload(pl);
}

int plist_reload(struct plist *pl)
{
	int searched = pl->stale;
	pl->stale = 0;
	sline_text(&pl->search, pl->search_utf8, sizeof pl->search_utf8);
	int n = pl->src->count(pl->ctx, pl->search_utf8);
	if (n >= 0)
		pl->total = n;
	/* After typing, the cursor is on the first match (not on a pinned row above them). */
	if (searched && pl->search_utf8[0] && pl->total > pl->pinned)
		pl->sel = pl->pinned;
	clamp(pl);
	return fetch_page(pl);
}

void plist_draw(struct plist *pl)
{
	if (pl->stale)
		plist_reload(pl);
	if (pl->total == 0) {
		text_put(stdscr, pl->y, pl->x, _("(tidak ada data)"), pl->w, ui_attr(R_DIM));
		return;
	}
	for (int i = 0; i < pl->h && i < pl->nrows; i++) {
		const char *row = (const char *)pl->rows + (size_t)i * pl->src->row_size;
		pl->src->draw_row(pl->ctx, row, pl->y + i, pl->x, pl->w, pl->top + i == pl->sel);
	}
}

/* Move the selection to index to and fetch a new page when it scrolled. */
static void move_to(struct plist *pl, int to)
{
	int old_top = pl->top;
	pl->sel = to;
	clamp(pl);
	if (pl->top != old_top)
		fetch_page(pl);
}

static int search_key(struct plist *pl, wint_t ch, int kc, enum action a)
{
	int changed = 0;
	if (a == ACT_SEARCH && !pl->search_focus) {
		pl->search_focus = 1;
		return 1;
	}
	if (keys_printable(ch, kc)) {
		changed = sline_add(&pl->search, (wchar_t)ch);
		pl->search_focus = 1;
	} else if (a == ACT_BACKSPACE) {
		changed = sline_backspace(&pl->search);
	} else if (a == ACT_CLEAR || (a == ACT_BACK && (pl->search.len || pl->search_focus))) {
		changed = pl->search.len > 0;
		sline_clear(&pl->search);
		pl->search_focus = 0;
	} else {
		return 0;
	}
	if (changed) {
		pl->sel = pl->top = 0;
		pl->stale = 1;
	}
	return 1;
}

int plist_key(struct plist *pl, wint_t ch, int kc)
{
	enum action a = keys_action(ch, kc);
	if (pl->searchable && search_key(pl, ch, kc, a))
		return 1;
	if (pl->stale)
		plist_reload(pl);
	switch (a) {
	case ACT_UP: move_to(pl, pl->sel - 1); return 1;
	case ACT_DOWN: move_to(pl, pl->sel + 1); return 1;
	case ACT_PGUP:
		pl->top -= pl->h;
		move_to(pl, pl->sel - pl->h);
		fetch_page(pl);
		return 1;
	case ACT_PGDN:
		pl->top += pl->h;
		move_to(pl, pl->sel + pl->h);
		fetch_page(pl);
		return 1;
	case ACT_HOME: move_to(pl, 0); return 1;
	case ACT_END: move_to(pl, pl->total - 1); return 1;
	default: return 0;
	}
}

void plist_select(struct plist *pl, int i)
{
	if (pl->stale)
		plist_reload(pl);
	move_to(pl, i);
}

const void *plist_current(struct plist *pl)
{
	if (pl->stale)
		plist_reload(pl);
	int i = pl->sel - pl->top;
	if (pl->total == 0 || i < 0 || i >= pl->nrows)
		return NULL;
	return (const char *)pl->rows + (size_t)i * pl->src->row_size;
}

const char *plist_search(const struct plist *pl)
{
	return pl->search_utf8;
}

void plist_draw_search(struct plist *pl, int y, const char *label)
{
	/* Typing always goes to the search, so the cursor always waits there. */
	sline_draw(&pl->search, y, 0, COLS, label, 1);
}
