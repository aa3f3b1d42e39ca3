/* dialog.c - confirmation and message boxes. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "dialog.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"
#include "ui.h"

#define DLG_MAX_LINES 8

/* Draw a centred box holding text (wrapped) and a footer line; returns the window or NULL. */
static WINDOW *dlg_draw(const char *text, const char *footer)
{
	int cols = getmaxx(stdscr);
	int maxw = cols - 4;
	if (maxw > 64)
		maxw = 64;
	if (maxw < 10)
		maxw = cols;
	struct text_line lines[DLG_MAX_LINES];
	int n = text_wrap(text, maxw - 4, lines, DLG_MAX_LINES);
	if (n > DLG_MAX_LINES)
		n = DLG_MAX_LINES;
	int w = text_width(footer) + 4;
	for (int i = 0; i < n; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, "%.*s", lines[i].len, lines[i].p);
		if (text_width(buf) + 4 > w)
			w = text_width(buf) + 4;
	}
	if (w > COLS)
		w = COLS;
	int h = n + 4;
	if (h > LINES)
		h = LINES;
	WINDOW *win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	if (!win)
		return NULL;
	keypad(win, TRUE);
	wbkgd(win, ui_attr(R_DIALOG) | ' ');
	werase(win);
	box(win, 0, 0);
	for (int i = 0; i < n && i + 1 < h - 1; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, "%.*s", lines[i].len, lines[i].p);
		text_put(win, 1 + i, 2, buf, w - 4, ui_attr(R_DIALOG) | A_BOLD);
	}
	if (h >= 4)
		text_put(win, h - 2, 2, footer, w - 4, ui_attr(R_DIALOG));
	wnoutrefresh(win);
	doupdate();
	return win;
}

/* Show the dialog and return the first key that decide() accepts (!= 0). */
static int dlg_run(const char *text, const char *footer, int (*decide)(wint_t ch, int kc))
{
	int old_cursor = curs_set(0);
	WINDOW *win = dlg_draw(text, footer);
	int result = 0;
	for (;;) {
		wint_t ch;
		/* Read from the dialog's window: reading from stdscr would refresh it over us. */
		int kc = ui_get_key(win, &ch);
		if (kc == ERR) { /* ended by a signal, or the terminal is gone: no */
			result = decide(0, ERR);
			break;
		}
		if (kc == KEY_CODE_YES && ch == KEY_RESIZE) {
			if (win)
				delwin(win);
			ui_redraw();
			win = dlg_draw(text, footer);
			continue;
		}
		result = decide(ch, kc);
		if (result)
			break;
	}
	if (win)
		delwin(win);
	touchwin(stdscr);
	if (old_cursor != ERR)
		curs_set(old_cursor);
	return result;
}

/* The default answer of the question being asked (for Enter). */
static int ask_default;

/* Yes (1), no (2) or undecided (0); kc ERR: SIKUBE is being ended, no. */
static int decide_yes_no(wint_t ch, int kc)
{
	if (kc == ERR)
		return 2;
	switch (keys_local(KS_QUESTION, ch, kc)) {
	case ACT_YES: return 1;
	case ACT_NO:
	case ACT_BACK: return 2;
	case ACT_ENTER: return ask_default ? 1 : 2;
	default: return 0;
	}
}

static int decide_any_close(wint_t ch, int kc)
{
	enum action a = keys_action(ch, kc);
	return kc == ERR || a == ACT_ENTER || a == ACT_BACK || (kc != KEY_CODE_YES && ch == ' ');
}

int dlg_ask(const char *question, int dflt)
{
	char footer[200], y[16], t[16], enter[16];
	keys_name(ACT_YES, y, sizeof y);
	keys_name(ACT_NO, t, sizeof t);
	keys_name(ACT_ENTER, enter, sizeof enter);
	snprintf(footer, sizeof footer, _("%s = ya, %s = tidak, %s = %s"), y, t, enter,
		 dflt ? _("ya") : _("tidak"));
	ask_default = dflt;
	return dlg_run(question, footer, decide_yes_no) == 1;
}

int dlg_confirm(const char *question)
{
	return dlg_ask(question, 0);
}

void dlg_message(const char *text)
{
	char footer[100], enter[16];
	snprintf(footer, sizeof footer, _("%s: tutup"), keys_name(ACT_ENTER, enter, sizeof enter));
	dlg_run(text, footer, decide_any_close);
}
