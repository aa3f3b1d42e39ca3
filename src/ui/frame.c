/* frame.c - title bar, message area, key-hint line. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "text.h"

#define MSG_MAX 2048

static char msg_text[MSG_MAX];
static enum msg_kind msg_kind;
static char over_text[MSG_MAX];
static enum msg_kind over_kind;

int frame_bottom(void)
{
	return LINES - 3;
}

static void set_text(char *dst, const char *src)
{
	snprintf(dst, MSG_MAX, "%s", src);
	for (char *p = dst; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
}

void frame_msg(enum msg_kind k, const char *fmt, ...)
{
	char buf[MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	set_text(msg_text, buf);
	msg_kind = k;
}

void frame_msg_clear(void)
{
	msg_text[0] = '\0';
	over_text[0] = '\0';
}

const char *frame_msg_text(void)
{
	return msg_text;
}

void frame_overflow(enum msg_kind k, const char *text)
{
	if (over_text[0] || !text || !*text)
		return;
	set_text(over_text, text);
	over_kind = k;
}

/* Hint line: key names in one look, their meanings in another. */
static void draw_hints(const struct key_hint *hints)
{
	int y = LINES - 1, x = 0;
	char line[1024];
	text_put(stdscr, y, 0, "", COLS, ui_attr(R_HINT_TEXT));
	const char *p = keys_hint_line(hints, line, sizeof line);
	while (*p && x < COLS) {
		const char *end = strstr(p, "  ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char chunk[160];
		snprintf(chunk, sizeof chunk, "%.*s", (int)len, p);
		char *label = strchr(chunk, ' ');
		if (label)
			*label++ = '\0';
		int kw = text_width(chunk);
		int lw = label ? text_width(label) + 1 : 0;
		if (x + kw + lw > COLS)
			break;
		text_put(stdscr, y, x, chunk, kw, ui_attr(R_HINT_KEY));
		x += kw + 1;
		if (label)
			text_put(stdscr, y, x, label, lw - 1, ui_attr(R_HINT_TEXT));
		x += lw + 1;
		p += len;
		while (*p == ' ')
			p++;
	}
}

void frame_draw(const char *title, const struct key_hint *hints)
{
	char t[300];
	snprintf(t, sizeof t, " SIKUBE | %s", title ? title : "");
	text_put(stdscr, 0, 0, t, COLS, ui_attr(R_TITLE));
	draw_hints(hints);
}

void frame_msg_layout(const char *text, int cols, int lines, struct msg_layout *out)
{
	memset(out, 0, sizeof *out);
	out->width = cols;
	out->rows = text_wrap(text, cols, NULL, 0);
	out->fits = 1;
	if (out->rows <= 2)
		return;
	/* A box with a border and a margin, above the hint line and under the title. */
	out->in_box = 1;
	out->width = cols - 4;
	out->rows = text_wrap(text, out->width, NULL, 0);
	out->fits = out->rows <= lines - 4;
}

void frame_msg_show(void)
{
	const char *text = msg_text[0] ? msg_text : over_text;
	enum msg_kind k = msg_text[0] ? msg_kind : over_kind;
	if (!*text)
		return;
	enum ui_role r = k == MSG_ERROR ? R_ERROR : k == MSG_WARN ? R_WARN : R_INFO;
	struct msg_layout lay;
	frame_msg_layout(text, COLS, LINES, &lay);
	int rows = lay.rows, h = lay.in_box ? rows + 2 : rows;
	if (h > LINES - 2)
		h = LINES - 2;
	if (h < 1)
		return;
	WINDOW *w = newwin(h, COLS, LINES - 1 - h, 0);
	if (!w)
		return;
	struct text_line tl[64];
	int n = text_wrap(text, lay.width, tl, 64);
	int x = lay.in_box ? 2 : 0, y0 = lay.in_box ? 1 : 0;
	wbkgd(w, ui_attr(r) | ' ');
	werase(w);
	if (lay.in_box)
		box(w, 0, 0);
	for (int i = 0; i < n && i < 64 && y0 + i < h - (lay.in_box ? 1 : 0); i++) {
		char buf[1024];
		snprintf(buf, sizeof buf, "%.*s", tl[i].len, tl[i].p);
		text_put(w, y0 + i, x, buf, lay.width, ui_attr(r));
	}
	wnoutrefresh(w);
	delwin(w);
}
