/* tpager.c - the text pager of tpager.h. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "text.h"
#include "tpager.h"

/* Rows of lines shown: 2 .. frame_bottom(). */
static int rows_shown(void)
{
	return frame_bottom() - 1;
}

/* top within 0 .. the last page's first line. */
static void clamp(struct tpager *p)
{
	int max = p->nlines > rows_shown() ? p->nlines - rows_shown() : 0;
	if (p->top > max)
		p->top = max;
	if (p->top < 0)
		p->top = 0;
}

int tpager_fill(struct tpager *p, int (*write)(FILE *f, void *ctx, sk_err *e), void *ctx,
		const char *fail)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	sk_err e;
	sk_err_clear(&e);
	int rc = f ? write(f, ctx, &e) : SK_IOERR;
	if (f)
		fclose(f);
	if (rc != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg[0] ? e.msg : _(fail));
	tpager_set(p, text);
	return rc;
}

void tpager_free(struct tpager *p)
{
	free(p->text);
	free(p->lines);
	p->text = NULL;
	p->lines = NULL;
	p->nlines = 0;
}

void tpager_set(struct tpager *p, char *text)
{
	int top = p->top, cap = 0;
	tpager_free(p);
	p->text = text;
	for (char *s = text; s && *s;) {
		char *nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		if (p->nlines == cap) {
			cap = cap ? cap * 2 : 64;
			char **l = realloc(p->lines, sizeof *l * (size_t)cap);
			if (!l)
				break;
			p->lines = l;
		}
		p->lines[p->nlines++] = *s == '\f' ? s + 1 : s;
		s = nl ? nl + 1 : s + strlen(s);
	}
	p->top = top;
	clamp(p);
}

void tpager_draw(const struct tpager *p)
{
	int rows = rows_shown();
	for (int i = 0; i < rows && p->top + i < p->nlines; i++)
		text_put(stdscr, 2 + i, 0, p->lines[p->top + i], COLS, A_NORMAL);
	if (p->nlines > rows) {
		char pos[64];
		int last = p->top + rows < p->nlines ? p->top + rows : p->nlines;
		snprintf(pos, sizeof pos, _("baris %d-%d dari %d"), p->top + 1, last, p->nlines);
		text_put(stdscr, 1, COLS - 1 - text_width(pos), pos, text_width(pos), ui_attr(R_DIM));
	}
}

int tpager_key(struct tpager *p, enum action a)
{
	int rows = rows_shown();
	switch (a) {
	case ACT_UP: p->top--; break;
	case ACT_DOWN: p->top++; break;
	case ACT_PGUP: p->top -= rows; break;
	case ACT_PGDN: p->top += rows; break;
	case ACT_HOME: p->top = 0; break;
	case ACT_END: p->top = p->nlines; break;
	default: return 0;
	}
	clamp(p);
	return 1;
}
