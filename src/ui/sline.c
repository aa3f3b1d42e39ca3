/* sline.c - search line. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "sline.h"
#include "text.h"

void sline_clear(struct sline *l)
{
	l->len = 0;
	l->buf[0] = L'\0';
}

void sline_set(struct sline *l, const char *utf8)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	const char *p = utf8 ? utf8 : "";
	size_t n = mbsrtowcs(l->buf, &p, SLINE_MAX, &ps);
	l->len = n == (size_t)-1 ? 0 : (int)n;
	l->buf[l->len] = L'\0';
}

int sline_add(struct sline *l, wchar_t ch)
{
	if (l->len >= SLINE_MAX)
		return 0;
	l->buf[l->len++] = ch;
	l->buf[l->len] = L'\0';
	return 1;
}

int sline_backspace(struct sline *l)
{
	if (l->len == 0)
		return 0;
	l->buf[--l->len] = L'\0';
	return 1;
}

void sline_text(const struct sline *l, char *out, size_t n)
{
	const wchar_t *p = l->buf;
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t r = wcsrtombs(out, &p, n - 1, &ps);
	if (r == (size_t)-1)
		r = 0;
	out[r < n ? r : n - 1] = '\0';
}

void sline_draw(const struct sline *l, int y, int x, int width, const char *label, int focused)
{
	char text[SLINE_MAX * 4 + 1];
	sline_text(l, text, sizeof text);
	int lw = text_width(label);
	text_put(stdscr, y, x, label, lw, ui_attr(R_HEADER));
	int fw = width - lw - 1;
	if (fw < 1)
		return;
	/* Show the end of a long text. */
	const char *shown = text_tail(text, fw - 1);
	int tw = text_width(shown);
	text_put(stdscr, y, x + lw + 1, shown, fw, ui_attr(R_FIELD));
	if (focused)
		move(y, x + lw + 1 + tw);
}
