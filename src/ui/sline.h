/* sline.h - a one-line text input for searching (wide characters, edits at the end). */
#ifndef SK_SLINE_H
#define SK_SLINE_H

#include <stddef.h>
#include <wchar.h>

#define SLINE_MAX 60

struct sline {
	wchar_t buf[SLINE_MAX + 1];
	int len;
};

/* Empty the line. */
void sline_clear(struct sline *l);
/* Set the line from UTF-8 text (cut at SLINE_MAX characters). */
void sline_set(struct sline *l, const char *utf8);
/* Append one character; returns 1 when the text changed. */
int sline_add(struct sline *l, wchar_t ch);
/* Remove the last character; returns 1 when the text changed. */
int sline_backspace(struct sline *l);
/* The text as UTF-8 into out (size n). */
void sline_text(const struct sline *l, char *out, size_t n);
/* Draw "label text" on row y of stdscr over width columns and leave the cursor after the
 * text when focused. */
void sline_draw(const struct sline *l, int y, int x, int width, const char *label, int focused);

#endif
