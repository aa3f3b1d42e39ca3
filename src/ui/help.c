/* help.c - the help viewer screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "help.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"

struct help {
	char *text;          /* the screen's help and the keys of every screen */
	int top;             /* first line shown */
	int nlines;          /* wrapped lines at the current width */
	struct text_line *lines;
	int width;
};

/* Wrap the text for the current terminal width. */
static void help_resize(struct screen *s)
{
	struct help *h = s->data;
	h->width = COLS - 6;
	h->nlines = text_wrap(h->text, h->width, NULL, 0);
	free(h->lines);
	h->lines = calloc((size_t)h->nlines + 1, sizeof *h->lines);
	if (h->lines)
		text_wrap(h->text, h->width, h->lines, h->nlines);
	else
		h->nlines = 0;
}

static int help_init(struct screen *s, void *arg)
{
	const struct help_arg *a = arg;
	struct help *h = calloc(1, sizeof *h);
	if (!h)
		return -1;
	s->data = h;
	const char *common = keys_help_common();
	size_t n = strlen(a->text) + strlen(common) + 3;
	h->text = malloc(n);
	if (!h->text)
		return -1;
	snprintf(h->text, n, "%s\n\n%s", a->text, common);
	snprintf(s->title, sizeof s->title, "%s: %s", _("Bantuan"), a->about);
	return 0;
}

static int help_rows(void)
{
	return frame_bottom() - FRAME_TOP - 1;
}

static void help_draw(struct screen *s)
{
	struct help *h = s->data;
	int top = FRAME_TOP, bottom = frame_bottom();
	WINDOW *w = stdscr;
	attr_t a = ui_attr(R_NORMAL);
	mvwhline(w, top, 1, ACS_HLINE, COLS - 2);
	mvwhline(w, bottom, 1, ACS_HLINE, COLS - 2);
	mvwvline(w, top + 1, 0, ACS_VLINE, bottom - top - 1);
	mvwvline(w, top + 1, COLS - 1, ACS_VLINE, bottom - top - 1);
	mvwaddch(w, top, 0, ACS_ULCORNER);
	mvwaddch(w, top, COLS - 1, ACS_URCORNER);
	mvwaddch(w, bottom, 0, ACS_LLCORNER);
	mvwaddch(w, bottom, COLS - 1, ACS_LRCORNER);
	char t[64];
	snprintf(t, sizeof t, " %s ", _("Bantuan"));
	text_put(w, top, 3, t, text_width(t), ui_attr(R_HEADER));
	for (int i = 0; i < help_rows() && h->top + i < h->nlines; i++) {
		const struct text_line *l = &h->lines[h->top + i];
		char buf[1024];
		snprintf(buf, sizeof buf, "%.*s", l->len, l->p);
		text_put(w, top + 1 + i, 3, buf, h->width, a);
	}
	if (h->nlines > help_rows()) {
		char pos[64];
		snprintf(pos, sizeof pos, " %d-%d / %d ", h->top + 1,
			 h->top + help_rows() < h->nlines ? h->top + help_rows() : h->nlines, h->nlines);
		text_put(w, bottom, COLS - 3 - text_width(pos), pos, text_width(pos), ui_attr(R_DIM));
	}
}

static int help_key(struct screen *s, wint_t ch, int kc)
{
	struct help *h = s->data;
	int page = help_rows(), max = h->nlines - page;
	switch (keys_action(ch, kc)) {
	case ACT_UP: h->top--; break;
	case ACT_DOWN: h->top++; break;
	case ACT_PGUP: h->top -= page; break;
	case ACT_PGDN: h->top += page; break;
	case ACT_HOME: h->top = 0; break;
	case ACT_END: h->top = max; break;
	case ACT_HELP:
	case ACT_BACK:
	case ACT_ENTER: ui_pop(); return SCR_HANDLED;
	default:
		if (kc != KEY_CODE_YES && (ch == 'q' || ch == 'Q')) {
			ui_pop();
			return SCR_HANDLED;
		}
		return SCR_UNHANDLED;
	}
	if (h->top > max)
		h->top = max;
	if (h->top < 0)
		h->top = 0;
	return SCR_HANDLED;
}

static void help_free(struct screen *s)
{
	struct help *h = s->data;
	if (h) {
		free(h->lines);
		free(h->text);
	}
	free(h);
}

static const struct key_hint HELP_HINTS[] = {
	HINT(ACT_PGDN, NC_("hint", "Gulir")), HINT(ACT_PGUP, NC_("hint", "Naik")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops HELP_OPS = {
	.name = "help",
	.init = help_init,
	.draw = help_draw,
	.key = help_key,
	.resize = help_resize,
	.free = help_free,
	.help_text = HELP_HELP,
	.hints = HELP_HINTS,
};

void help_open(struct screen *s)
{
	const struct screen_ops *o = s->ops;
	struct help_arg a = { o->help ? o->help() : o->help_text ? _(o->help_text)
				: _("Belum ada bantuan untuk layar ini."), s->title };
	ui_push(&HELP_OPS, &a);
}
