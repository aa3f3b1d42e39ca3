/* text.c - display-width aware text helpers. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "colors.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

int text_width(const char *s)
{
	return sk_width(s);
}

char *text_fit(char *out, size_t n, const char *s, int width)
{
	return sk_fit(out, n, s, width);
}

void text_put(WINDOW *w, int y, int x, const char *s, int width, attr_t a)
{
	if (width <= 0)
		return;
	size_t n = (size_t)width * 4 + 1;
	char *buf = malloc(n);
	if (!buf)
		return;
	text_fit(buf, n, s, width);
	wattr_set(w, a, PAIR_NUMBER(a), NULL);
	mvwaddstr(w, y, x, buf);
	wattr_set(w, A_NORMAL, 0, NULL);
	free(buf);
}

void text_center(WINDOW *w, int y, const char *s, attr_t a)
{
	int cols = getmaxx(w);
	int tw = text_width(s);
	if (tw > cols)
		tw = cols;
	text_put(w, y, (cols - tw) / 2, s, tw, a);
}

/* Bytes of the longest prefix of line [p, end) that fits width, broken after a space when
 * possible. */
static int wrap_cut(const char *p, const char *end, int width)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	const char *q = p, *space = NULL;
	int w = 0;
	while (q < end) {
		wchar_t wc;
		size_t len = sk_char_next(q, &wc, &ps);
		w += sk_char_width(wc);
		if (w > width)
			break;
		q += len;
		if (wc == L' ')
			space = q;
	}
	if (q >= end)
		return (int)(end - p);
	if (space)
		return (int)(space - p);
	if (q > p)
		return (int)(q - p);
	wchar_t wc;
	memset(&ps, 0, sizeof ps);
	return (int)sk_char_next(p, &wc, &ps);
}

int text_wrap(const char *s, int width, struct text_line *out, int max)
{
	int n = 0;
	if (width < 1)
		width = 1;
	while (s && *s) {
		const char *nl = strchr(s, '\n');
		const char *end = nl ? nl : s + strlen(s);
		do {
			int cut = wrap_cut(s, end, width);
			int len = cut;
			while (len > 0 && s[len - 1] == ' ')
				len--;
			if (out && n < max) {
				out[n].p = s;
				out[n].len = len;
			}
			n++;
			s += cut;
		} while (s < end);
		s = nl ? nl + 1 : end;
		if (nl && !*s) {
			if (out && n < max) {
				out[n].p = s;
				out[n].len = 0;
			}
			n++;
		}
	}
	return n;
}

void text_cols(const struct text_col *c, int n, int total, int *w)
{
	int used = n > 0 ? n - 1 : 0, grow = 0;
	for (int i = 0; i < n; i++) {
		w[i] = c[i].min;
		used += c[i].min;
		grow += c[i].grow;
	}
	int spare = total - used;
	if (spare <= 0 || grow == 0)
		return;
	int given = 0, last = -1;
	for (int i = 0; i < n; i++) {
		if (!c[i].grow)
			continue;
		int add = spare * c[i].grow / grow;
		w[i] += add;
		given += add;
		last = i;
	}
	if (last >= 0)
		w[last] += spare - given;
}

void text_heads(int y, int x, const struct text_col *c, int n, const int *w)
{
	for (int i = 0; i < n; i++) {
		/* gettext("") would return the catalog's header, not an empty heading. */
		text_put(stdscr, y, x, *c[i].head ? _(c[i].head) : "", w[i], ui_attr(R_HEADER));
		x += w[i] + 1;
	}
}

void text_row(int y, int x, const char *const *cells, int n, const int *w, int total, int selected)
{
	attr_t a = selected ? ui_attr(R_SELECTED) : A_NORMAL;
	text_put(stdscr, y, x, "", total, a);
	int cx = x;
	for (int i = 0; i < n; i++) {
		text_put(stdscr, y, cx, cells[i], w[i], a);
		cx += w[i] + (i + 1 < n);
	}
}

const char *text_tail(const char *s, int width)
{
	while (text_width(s) > width && *s) {
		s++;
		while ((*s & 0xC0) == 0x80)
			s++;
	}
	return s;
}

void text_chop(char *s)
{
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	s[len] = '\0';
}

int text_append(char *s, size_t size, wint_t ch)
{
	char mb[MB_LEN_MAX];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t len = wcrtomb(mb, (wchar_t)ch, &ps), used = strlen(s);
	if (len == (size_t)-1 || used + len >= size)
		return 0;
	memcpy(s + used, mb, len);
	s[used + len] = '\0';
	return 1;
}
