/* dialog.c - confirmation and message boxes. */
#include <curses.h>
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
		if (kc == ERR)
			continue;
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

/* Yes (1), no (2) or undecided (0). */
static int decide_yes_no(wint_t ch, int kc)
{
	if (kc == KEY_CODE_YES)
		return 0;
	if (ch == 'y' || ch == 'Y')
		return 1;
	if (ch == 't' || ch == 'T' || ch == 'n' || ch == 'N' || ch == 27)
		return 2;
	return 0;
}

static int decide_any_close(wint_t ch, int kc)
{
	enum action a = keys_action(ch, kc);
	return a == ACT_ENTER || a == ACT_BACK || (kc != KEY_CODE_YES && ch == ' ');
}

int dlg_confirm(const char *question)
{
	return dlg_run(question, _("y = ya, t = tidak"), decide_yes_no) == 1;
}

void dlg_message(const char *text)
{
	dlg_run(text, _("Enter: tutup"), decide_any_close);
}
