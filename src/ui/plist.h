/* plist.h - a paged list over the database: it asks for the row count and fetches only the
 * rows on screen (offset/limit), never a whole table. Optional type-to-search line. */
#ifndef SK_PLIST_H
#define SK_PLIST_H

#include <stddef.h>
#include <wchar.h>
#include "sk_err.h"
#include "sline.h"

struct plist;

/* Callbacks of a list, all given the list's ctx. search is the search text ("" = all). */
struct plist_src {
	/* Number of rows matching search (-1 when unknown/failed). */
	int (*count)(void *ctx, const char *search);
	/* Fill up to limit rows from offset into rows (array of row_size items); *n rows written.
	 * SK_OK or a status with e filled (e.g. SK_BUSY). */
	int (*fetch)(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		     sk_err *e);
	/* Draw one row at screen row y from x over width columns. */
	void (*draw_row)(void *ctx, const void *row, int y, int x, int width, int selected);
	size_t row_size;
};

struct plist {
	const struct plist_src *src;
	void *ctx;
	int total;           /* matching rows */
	int top;             /* absolute index of the first visible row */
	int sel;             /* absolute index of the selected row */
	int y, x, h, w;      /* area of the rows on stdscr */
	void *rows;          /* the visible page */
	int nrows;           /* rows fetched into rows */
	int cap;             /* capacity of rows */
	int searchable;      /* 1: printable keys go to the search line */
	struct sline search;
	int search_focus;    /* '/' was pressed: the cursor shows in the search line */
	char search_utf8[SLINE_MAX * 4 + 1];
	int stale;           /* the search changed: count and fetch before the rows are used */
	int pinned;          /* rows on top that are not search matches ("all groups"): after a
			      * search the cursor goes to the first match below them */
};

/* Set up an empty list. searchable: type-to-search on. */
void plist_init(struct plist *pl, const struct plist_src *src, void *ctx, int searchable);
/* Release the page buffer. */
void plist_free(struct plist *pl);
/* Place the list's rows at (y, x), h rows by w columns; reloads the page. */
void plist_place(struct plist *pl, int y, int x, int h, int w);
/* Count again and fetch the visible page (after a change or a new search). Keeps the
 * selection when possible. Returns SK_OK or the fetch status (message in the message line). */
int plist_reload(struct plist *pl);
/* Draw the visible rows (and "(tidak ada data)" when empty). A search typed since the last
 * draw is run here, so fast typing costs one query, not one per key. */
void plist_draw(struct plist *pl);
/* Navigation (arrows, PgUp/PgDn, Home/End) and search typing ('/', printable keys,
 * Backspace, Ctrl-U, Esc clears a non-empty search). Returns 1 when the key was used. */
int plist_key(struct plist *pl, wint_t ch, int kc);
/* Select the row at absolute index i (clamped), scrolling it into view. */
void plist_select(struct plist *pl, int i);
/* The selected row, or NULL when the list is empty (reads the page first after a search
 * change that was not drawn yet). */
const void *plist_current(struct plist *pl);
/* The current search text (UTF-8). */
const char *plist_search(const struct plist *pl);
/* Draw the search line on row y with label and leave the cursor at its end. */
void plist_draw_search(struct plist *pl, int y, const char *label);

#endif
