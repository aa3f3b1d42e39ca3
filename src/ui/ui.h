/* ui.h - screens as tables of functions (tmux window_mode / htop Panel style) and the screen
 * stack that the main loop (app.c) runs. Only the top screen is drawn and gets keys. */
#ifndef SK_UI_H
#define SK_UI_H

#include <curses.h>
#include <wchar.h>
#include "db.h"
#include "keys.h"

struct screen;

/* What a key handler did with a key: the main loop handles unhandled global actions
 * (F1 help, F10 quit, Esc back). */
enum { SCR_UNHANDLED = 0, SCR_HANDLED = 1 };

struct screen_ops {
	const char *name;                   /* short id, for tests and debugging */
	/* Set up s->data from arg; no windows yet. Returns 0, or -1 (screen not pushed;
	 * put the reason in the message line). */
	int (*init)(struct screen *s, void *arg);
	/* Draw into stdscr rows 1..LINES-3 (the frame owns the rest). */
	void (*draw)(struct screen *s);
	/* One key from get_wch; is_keycode as KEY_CODE_YES. SCR_HANDLED or SCR_UNHANDLED. */
	int (*key)(struct screen *s, wint_t ch, int is_keycode);
	/* (Re)create windows for the current LINES/COLS; called before the first draw and
	 * after each size change (only when the terminal is at least 80x24). May be NULL. */
	void (*resize)(struct screen *s);
	/* Release s->data and windows. May be NULL. */
	void (*free)(struct screen *s);
	/* The msgid of the help F1 shows under the title "Bantuan" (a HELP_<SECTION> of
	 * help_gen.h, from screens/help.txt: docs/HACKING.md), translated when shown. */
	const char *help_text;
	/* Optional, instead of help_text: the translated help made when F1 is pressed (for a
	 * text with figures in it). */
	const char *(*help)(void);
	/* The key-hint line: actions of the key table with their labels (keys.h), ended by
	 * HINTS_END; the key names come from the table. */
	const struct key_hint *hints;
	/* Optional: wnoutrefresh the screen's own windows after stdscr, leave the cursor. */
	void (*show)(struct screen *s);
	/* Optional: the screen is on top again after the one above it closed. */
	void (*resume)(struct screen *s);
	/* Optional: 1 when typed input would be lost by closing the screen. */
	int (*unsaved)(struct screen *s);
	/* Optional: the window is closing (SIGTERM, SIGHUP): keep the typed values as a draft
	 * that the screen offers back when it opens next time (called only when unsaved). No
	 * drawing: the terminal may be gone. */
	void (*draft)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	sk_db *db;
	void *data;          /* the screen's own state */
	char title[240];     /* title bar text, already translated */
	int cursor;          /* 1: show the terminal cursor where draw/refresh left it */
	int lines, cols;     /* terminal size the screen last laid out for (0 = never) */
};

/* Create a screen from ops/arg and put it on top. Returns 0, or -1 when init refused. */
int ui_push(const struct screen_ops *ops, void *arg);
/* For a screen's init: s->data set to size zeroed bytes (calloc), owned by the screen (its
 * free function releases them). Returns s->data, or NULL when out of memory. */
void *ui_data_new(struct screen *s, size_t size);
/* Close the top screen (freed once the current key has been handled). */
void ui_pop(void);
/* The top screen, or NULL. */
struct screen *ui_top(void);
/* The database the screens work on. */
sk_db *ui_db(void);
/* 1 when the terminal is below 80x24 (only the "too small" message is drawn). */
int ui_too_small(void);
/* Draw everything (frame, top screen) and update the terminal; dialogs call this on resize. */
void ui_redraw(void);
/* Wait for one key from win (stdscr when NULL), as wget_wch: OK or KEY_CODE_YES, the key in
 * *ch; ERR only when the terminal is gone or SIKUBE is being ended by a signal (ui_terminated).
 * A resize is returned as KEY_RESIZE also when it
 * came while SIKUBE was drawing or working rather than waiting (which ncurses alone notices
 * only at the next key press). Every loop that waits for keys uses this. */
int ui_get_key(WINDOW *win, wint_t *ch);
/* Ask to quit (with the confirmation, and the unsaved-input question when a form has some);
 * the main loop ends after the current key when the user agrees. */
void ui_quit(void);

/* 1 once SIGTERM, SIGHUP or SIGINT arrived: dialogs waiting for a key give up (answer no,
 * cancel), and the main loop keeps the forms' drafts and ends. */
int ui_terminated(void);
/* What a form saved, for the list it returns to (e.g. the id of a new row, so the list puts
 * its cursor there): set by the form, taken (and cleared) by the list on resume. */
void ui_result_set(const char *s);
int ui_result_take(char *out, size_t n);

/* Minimum terminal size. */
#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

#endif
