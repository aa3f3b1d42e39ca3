/* frame.c - title bar, message line, key-hint line. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "text.h"

static char msg_text[512];
static enum msg_kind msg_kind;

int frame_bottom(void)
{
	return LINES - 3;
}

void frame_msg(enum msg_kind k, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg_text, sizeof msg_text, fmt, ap);
	va_end(ap);
	for (char *p = msg_text; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	msg_kind = k;
}

void frame_msg_clear(void)
{
	msg_text[0] = '\0';
}

/* Hint line: key names in one look, their meanings in another. */
static void draw_hints(const char *hints)
{
	int y = LINES - 1, x = 0;
	text_put(stdscr, y, 0, "", COLS, ui_attr(R_HINT_TEXT));
	const char *p = hints ? _(hints) : "";
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

void frame_draw(const char *title, const char *hints)
{
	char t[300];
	snprintf(t, sizeof t, " SIKUBE | %s", title ? title : "");
	text_put(stdscr, 0, 0, t, COLS, ui_attr(R_TITLE));
	if (msg_text[0]) {
		enum ui_role r = msg_kind == MSG_ERROR ? R_ERROR : msg_kind == MSG_WARN ? R_WARN : R_INFO;
		text_put(stdscr, LINES - 2, 0, msg_text, COLS, ui_attr(r));
	}
	draw_hints(hints);
}
