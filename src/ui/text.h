/* text.h - UTF-8 text on the terminal by display width (wcwidth): fitting, padding, wrapping. */
#ifndef SK_TEXT_H
#define SK_TEXT_H

#include <curses.h>
#include <stddef.h>
#include <wchar.h>

/* Terminal columns that UTF-8 string s takes (control characters count as 1). */
int text_width(const char *s);
/* Fit s into exactly width columns (cut on a character boundary, pad with spaces), with
 * control characters and bad bytes shown as '?'. out of size n. Returns out. */
char *text_fit(char *out, size_t n, const char *s, int width);
/* The end of s that takes at most width columns (starting on a character boundary): how a
 * one-line input shows a text longer than its field. */
const char *text_tail(const char *s, int width);
/* Remove the last UTF-8 character of s (nothing when s is ""). */
void text_chop(char *s);
/* Append wide character ch to s (size bytes with the NUL) as UTF-8. Returns 1, or 0 when it
 * does not fit or is no character (s unchanged). */
int text_append(char *s, size_t size, wint_t ch);
/* Draw s at (y, x) of w fitted to width columns with attribute a. */
void text_put(WINDOW *w, int y, int x, const char *s, int width, attr_t a);
/* Draw s centred on row y of w (cut to the window's width). */
void text_center(WINDOW *w, int y, const char *s, attr_t a);

/* One wrapped line: a slice of the source text. */
struct text_line {
	const char *p;
	int len;      /* bytes */
};
/* Word-wrap s ('\n' ends a paragraph) into lines of at most width columns. Writes up to max
 * lines into out (out may be NULL to count). Returns the total number of lines. */
int text_wrap(const char *s, int width, struct text_line *out, int max);

/* A list column: heading msgid, minimum width, and share of the spare width (0 = fixed). */
struct text_col {
	const char *head;
	int min;
	int grow;
};
/* Widths of n columns separated by one space that fill total columns. */
void text_cols(const struct text_col *c, int n, int total, int *w);
/* Draw the translated column headings on row y of stdscr from x, widths w. */
void text_heads(int y, int x, const struct text_col *c, int n, const int *w);
/* Draw one list row: n UTF-8 cells fitted to widths w, selected rows highlighted over total
 * columns. */
void text_row(int y, int x, const char *const *cells, int n, const int *w, int total, int selected);

#endif
