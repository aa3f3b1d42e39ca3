/* tlist.h - a list screen: a paged list (plist.h) of rows from the database under column
 * headings, the position ("Anggota 3 dari 40") in the bottom row, and a search line when the
 * list is searchable. A screen describes its list with a table (struct tlist_def: columns,
 * query, cells of a row, its own keys) and points its screen_ops at the functions below
 * (TLIST_OPS); it keeps its own state in a struct that starts with a struct tlist. */
#ifndef SK_TLIST_H
#define SK_TLIST_H

#include <stddef.h>
#include <string.h>
#include <wchar.h>
#include "plist.h"
#include "db.h"
#include "sk_err.h"
#include "text.h"
#include "ui.h"

#define TLIST_MAX_COLS 10
#define TLIST_CELL 160

struct tlist_def {
	const struct text_col *cols;
	int ncols;
	size_t row_size;
	/* Rows matching search ("" = all), -1 when unknown. */
	int (*count)(struct screen *s, const char *search);
	/* Up to limit rows from offset into rows; *n written. SK_OK or a status with e filled. */
	int (*fetch)(struct screen *s, const char *search, int offset, int limit, void *rows,
		     int *n, sk_err *e);
	/* The cells of row into cells[0..ncols-1]; buf[i] (TLIST_CELL bytes) may hold the text
	 * of cell i when it is formatted. */
	void (*cells)(struct screen *s, const void *row, const char **cells,
		      char (*buf)[TLIST_CELL]);
	int head_row;             /* row of the headings; the rows start under it */
	int foot;                 /* rows left free above the bottom row */
	int searchable;           /* 1: typing searches */
	const char *search_label; /* msgid: the search line with this label, or NULL */
	int search_row;           /* its row (0: row 1) */
	const char *position;     /* msgid with two %d (row, rows) for the bottom row, or NULL */
	int position_empty;       /* 1: the position shows "0 dari 0" on an empty list */
	/* Optional: the screen's own keys, before the list's; row is the selected one (NULL on
	 * an empty list). SCR_HANDLED, or SCR_UNHANDLED to let the list have the key. */
	int (*key)(struct screen *s, wint_t ch, int kc, const void *row);
	/* Optional: the row actions: F3/Insert new (row NULL), Enter/F4 open the selected row,
	 * F8/Delete delete it (tlist_delete does the asking); row is never NULL for these two. */
	void (*open)(struct screen *s, const void *row);
	void (*del)(struct screen *s, const void *row);
	/* Optional, each given the screen: option is F6, the screen's own extra action (a
	 * filter, a decision); resume runs on return from a screen above it instead of just
	 * reading the list again (tlist_reload), which it must do itself; draw draws what the screen shows besides the list (the rows above
	 * the headings), after the rows (a search typed meanwhile has been run). */
	void (*option)(struct screen *s);
	void (*resume)(struct screen *s);
	void (*draw)(struct screen *s);
	/* Optional: free what the screen holds besides the list (tlist_free calls it before
	 * s->data goes). */
	void (*free)(struct screen *s);
	int start_at_end;         /* 1: the list opens on its last row (a book, newest last) */
};

/* The columns of a tlist_def: the array cols (struct text_col[]) and its length. */
#define TLIST_COLS(c) .cols = c, .ncols = sizeof c / sizeof c[0]
/* A list searched by typing: the search line (label, a msgid) in row 1, the headings in row 3,
 * the position (a msgid with two %d) at the bottom, "0 dari 0" when nothing matches. */
#define TLIST_SEARCH(label, pos) \
	.head_row = 3, .searchable = 1, .search_label = label, .position = pos, .position_empty = 1

/* In a tlist_def's cells function: the texts given, in column order, into cells. */
#define TLIST_CELLS(cells, ...) \
	do { \
		const char *tlist_cells_[] = { __VA_ARGS__ }; \
		memcpy(cells, tlist_cells_, sizeof tlist_cells_); \
	} while (0)

/* The count and fetch functions (tag_count, tag_fetch) of a list of the rows of one key, not
 * searched: a group's meetings, a member's assessments. They call the store's countf(db, key)
 * and listf(db, key, offset, limit, rows, n, e), key being the member field (a path: g.id)
 * of the screen's data, of type T. C has no other way to make a typed store call generic. */
#define TLIST_KEYED(tag, T, field, countf, listf) \
	static int tag##_count(struct screen *s, const char *search) \
	{ \
		(void)search; \
		return countf(s->db, ((T *)s->data)->field); \
	} \
	static int tag##_fetch(struct screen *s, const char *search, int offset, int limit, \
			       void *rows, int *n, sk_err *e) \
	{ \
		(void)search; \
		return listf(s->db, ((T *)s->data)->field, offset, limit, rows, n, e); \
	}

/* The start of a list screen's s->data. */
struct tlist {
	const struct tlist_def *def;
	struct plist_src src;
	struct plist pl;
	int w[TLIST_MAX_COLS];
	int placed;               /* 1 once laid out (start_at_end has moved to the end) */
};

/* Allocate s->data (size bytes, zeroed, starting with a struct tlist) and set up its list
 * from def. Returns s->data, or NULL when out of memory. */
void *tlist_new(struct screen *s, size_t size, const struct tlist_def *def);
/* tlist_new, then the screen's title: title (a msgid), translated. */
void *tlist_open(struct screen *s, size_t size, const struct tlist_def *def, const char *title);
/* Count and read the visible rows again (after a change), keeping the selection. */
void tlist_reload(struct screen *s);
/* The selected row, or NULL when the list is empty. */
const void *tlist_current(struct screen *s);
/* screen_ops functions of a list screen. */
void tlist_resize(struct screen *s);
void tlist_draw(struct screen *s);
int tlist_key(struct screen *s, wint_t ch, int kc);
void tlist_resume(struct screen *s);
void tlist_free(struct screen *s);
#define TLIST_OPS .draw = tlist_draw, .key = tlist_key, .resize = tlist_resize, \
	.resume = tlist_resume, .free = tlist_free
/* The whole screen_ops of a list screen: its name, init, help (a HELP_ msgid of help_gen.h)
 * and hint line (the entries of a struct key_hint array, HINTS_END last), then the list's. */
#define TLIST_SCREEN(id, initf, helptext, ...) \
	{ .name = id, .init = initf, .help_text = helptext, \
	  .hints = HINTS(__VA_ARGS__), TLIST_OPS }

/* Delete a row after asking q (y/t): del(db, id, e); then the list is read again and done
 * is said, or del's error. Returns 1 when deleted. */
int tlist_delete(struct screen *s, const char *q, const char *id,
		 int (*del)(sk_db *db, const char *id, sk_err *e), const char *done);

/* Draw s right-aligned in row y of stdscr, dim (a list's position, a count). */
void tlist_put_right(int y, const char *s);

#endif
