/* tfield.c - one-line text input. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "keys.h"
#include "text.h"
#include "tfield.h"
#include "util.h"

void tfield_set(struct tfield *f, const char *utf8, int max)
{
	f->max = max;
	f->fresh = 0;
	f->buf[0] = '\0';
	const char *p = utf8 ? utf8 : "";
	size_t j = 0;
	for (int n = 0; *p && n < max; n++) {
		size_t len = 1;
		while ((p[len] & 0xC0) == 0x80)
			len++;
		if (j + len >= sizeof f->buf)
			break;
		memcpy(f->buf + j, p, len);
		j += len;
		p += len;
	}
	f->buf[j] = '\0';
}

static int add(struct tfield *f, wint_t ch)
{
	if ((int)sk_utf8_len(f->buf) >= f->max)
		return 0;
	return text_append(f->buf, sizeof f->buf, ch);
}

int tfield_key(struct tfield *f, wint_t ch, int kc)
{
	int fresh = f->fresh;
	f->fresh = 0;
	if (keys_printable(ch, kc)) {
		if (fresh)
			f->buf[0] = '\0';
		add(f, ch);
		return 1;
	}
	switch (keys_action(ch, kc)) {
	case ACT_BACKSPACE: text_chop(f->buf); return 1;
	case ACT_CLEAR: f->buf[0] = '\0'; return 1;
	default: return 0;
	}
}

void tfield_draw(const struct tfield *f, int y, int x, int width, int focused)
{
	if (width < 2)
		return;
	/* Show the end of a long text, with room for the cursor. */
	const char *shown = text_tail(f->buf, width - 1);
	int tw = text_width(shown);
	text_put(stdscr, y, x, shown, width, ui_attr(focused ? R_FIELD_CUR : R_FIELD));
	if (focused)
		move(y, x + tw);
}

int tfield_item(const struct tfield *f, int y, int x, const char *label, int w, int focused,
		int *cy, int *cx)
{
	int lw = text_width(label);
	text_put(stdscr, y, x, label, lw, A_NORMAL);
	tfield_draw(f, y, x + lw + 1, w, focused);
	if (focused)
		getyx(stdscr, *cy, *cx);
	return x + lw + 1 + w + 3;
}
