/* input_dlg.c - one-line text input box. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "text.h"
#include "ui.h"
#include "util.h"

#define PROMPT_LINES 6

struct input {
	const char *prompt;
	char text[1024];
	size_t max;            /* bytes the caller's buffer takes, without the NUL */
	WINDOW *win;
	int fy, fx, fw;        /* the text line in the window */
	int fresh;             /* 1: the first typed character replaces the proposed text */
	int secret;            /* 1: shown as '*' (a password), never trimmed */
};

/* (Re)draw the box and the text line; the cursor is left after the text. */
static void draw(struct input *in)
{
	if (in->win)
		delwin(in->win);
	/* Screens run at 80x24 or more (app.c shows only a note below that). */
	int w = COLS - 4 < 72 ? COLS - 4 : 72;
	struct text_line lines[PROMPT_LINES];
	int n = text_wrap(in->prompt, w - 4, lines, PROMPT_LINES);
	if (n > PROMPT_LINES)
		n = PROMPT_LINES;
	int h = n + 5 <= LINES ? n + 5 : LINES;
	in->win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (!in->win)
		return;
	keypad(in->win, TRUE);
	wbkgd(in->win, ui_attr(R_DIALOG) | ' ');
	werase(in->win);
	box(in->win, 0, 0);
	for (int i = 0; i < n && 1 + i < h - 1; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, "%.*s", lines[i].len, lines[i].p);
		text_put(in->win, 1 + i, 2, buf, w - 4, ui_attr(R_DIALOG) | A_BOLD);
	}
	in->fy = h - 3;
	in->fx = 2;
	in->fw = w - 4;
	char footer[120], enter[16], esc[16];
	snprintf(footer, sizeof footer, _("%s: terima   %s: batal"),
		 keys_name(ACT_ENTER, enter, sizeof enter), keys_name(ACT_BACK, esc, sizeof esc));
	text_put(in->win, h - 2, 2, footer, w - 4, ui_attr(R_DIALOG));
}

static void draw_text(struct input *in)
{
	if (!in->win)
		return;
	char stars[sizeof in->text];
	size_t nstars = 0;
	for (const char *p = in->text; in->secret && *p && nstars + 1 < sizeof stars; p++)
		if ((*p & 0xC0) != 0x80)
			stars[nstars++] = '*';
	stars[nstars] = '\0';
	const char *shown = text_tail(in->secret ? stars : in->text, in->fw - 1);
	text_put(in->win, in->fy, in->fx, shown, in->fw, ui_attr(R_FIELD_CUR));
	wmove(in->win, in->fy, in->fx + text_width(shown));
	wnoutrefresh(in->win);
	doupdate();
}

/* Typed character ch added when the caller's buffer takes it (in->max bytes). */
static void add_char(struct input *in, wint_t ch)
{
	text_append(in->text, in->max < sizeof in->text ? in->max + 1 : sizeof in->text, ch);
}

static int run_input(const char *prompt, char *buf, size_t n, int secret)
{
	struct input in;
	memset(&in, 0, sizeof in);
	in.secret = secret;
	in.prompt = prompt;
	in.max = n > 0 ? n - 1 : 0;
	sk_strlcpy(in.text, buf, sizeof in.text);
	in.fresh = 1;
	int old_cursor = curs_set(1), result = -1;
	draw(&in);
	while (result < 0) {
		draw_text(&in);
		wint_t ch;
		int kc = ui_get_key(in.win, &ch);
		if (kc == ERR) { /* ended by a signal, or the terminal is gone: cancelled */
			result = 0;
			break;
		}
		if (kc == KEY_CODE_YES && ch == KEY_RESIZE) {
			ui_redraw();
			draw(&in);
			continue;
		}
		int fresh = in.fresh;
		in.fresh = 0;
		if (keys_printable(ch, kc)) {
			if (fresh)
				in.text[0] = '\0';
			add_char(&in, ch);
			continue;
		}
		switch (keys_action(ch, kc)) {
		case ACT_ENTER: result = 1; break;
		case ACT_BACK: result = 0; break;
		case ACT_BACKSPACE: text_chop(in.text); break;
		case ACT_CLEAR: in.text[0] = '\0'; break;
		default: break;
		}
	}
	if (in.win)
		delwin(in.win);
	touchwin(stdscr);
	if (old_cursor != ERR)
		curs_set(old_cursor);
	ui_redraw();
	if (result == 1) {
		if (!secret)
			sk_trim(in.text);
		sk_strlcpy(buf, in.text, n);
	}
	explicit_bzero(in.text, sizeof in.text);
	return result;
}

int dlg_input(const char *prompt, char *buf, size_t n)
{
	return run_input(prompt, buf, n, 0);
}

int dlg_secret(const char *prompt, char *buf, size_t n)
{
	*buf = '\0';
	return run_input(prompt, buf, n, 1);
}
