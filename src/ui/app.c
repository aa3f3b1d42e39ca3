/* app.c - ui_run: curses set-up, the screen stack and the main loop. */
#include <curses.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app.h"
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "help.h"
#include "i18n.h"
#include "keys.h"
#include "keyscript.h"
#include "text.h"
#include "ui.h"

#define STACK_MAX 16
/* How long after Esc a digit still makes it F1..F10 (Midnight Commander's Esc 1 ... Esc 0). */
#define ESC_PREFIX_MS 600
/* A second Ctrl-C within this time asks to quit. */
#define INTERRUPT_MS 1000

/* Set by SIGTERM, SIGHUP or SIGINT (the window closed, the system shutting down): the main
 * loop keeps the open forms' typed values as drafts and ends. Nothing else happens in the
 * handler. */
static volatile sig_atomic_t terminated;

static struct {
	sk_db *db;
	struct screen *stack[STACK_MAX];
	int depth;
	struct screen *closed[STACK_MAX];  /* popped, freed after the current key */
	int nclosed;
	int quit;
	ui_idle_fn idle;                   /* work between keys, NULL when none (left) */
	void *idle_ctx;
	long long last_interrupt;          /* ms of the last Ctrl-C, 0 = none */
	char result[64];                   /* what the last closed form saved (ui_result_set) */
} ui;

static void on_signal(int sig)
{
	terminated = sig;
}

int ui_terminated(void)
{
	return terminated != 0;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_result_set(const char *s)
{
	snprintf(ui.result, sizeof ui.result, "%s", s ? s : "");
}

int ui_result_take(char *out, size_t n)
{
	int had = ui.result[0] != '\0';
	snprintf(out, n, "%s", ui.result);
	ui.result[0] = '\0';
	return had;
}

sk_db *ui_db(void)
{
	return ui.db;
}

struct screen *ui_top(void)
{
	return ui.depth ? ui.stack[ui.depth - 1] : NULL;
}

int ui_too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

int ui_push(const struct screen_ops *ops, void *arg)
{
	if (ui.depth >= STACK_MAX)
		return -1;
	struct screen *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	s->ops = ops;
	s->db = ui.db;
	if (ops->init && ops->init(s, arg) != 0) {
		if (ops->free)
			ops->free(s);
		free(s);
		return -1;
	}
	ui.stack[ui.depth++] = s;
	return 0;
}

void *ui_data_new(struct screen *s, size_t size)
{
	s->data = calloc(1, size);
	return s->data;
}

void ui_pop(void)
{
	if (!ui.depth || ui.nclosed >= STACK_MAX)
		return;
	ui.closed[ui.nclosed++] = ui.stack[--ui.depth];
	struct screen *top = ui_top();
	if (top && top->ops->resume)
		top->ops->resume(top);
	ui.result[0] = '\0'; /* for the screen right below only */
}

static void screen_free(struct screen *s)
{
	if (s->ops->free)
		s->ops->free(s);
	free(s);
}

/* Free the screens closed while handling the last key. */
static void reap_closed(void)
{
	while (ui.nclosed)
		screen_free(ui.closed[--ui.nclosed]);
}

void ui_quit(void)
{
	int unsaved = 0;
	for (int i = 0; i < ui.depth; i++)
		if (ui.stack[i]->ops->unsaved && ui.stack[i]->ops->unsaved(ui.stack[i]))
			unsaved = 1;
	const char *q = unsaved ? _("Ada isian yang belum disimpan. Buang perubahan dan keluar dari "
				    "SIKUBE? (y/t)")
				: _("Keluar dari SIKUBE? (y/t)");
	/* Enter quits when nothing typed would be lost. */
	if (dlg_ask(q, !unsaved))
		ui.quit = 1;
}

/* The only thing drawn below 80x24. */
static void draw_too_small(void)
{
	erase();
	curs_set(0);
	text_center(stdscr, LINES / 2, _("Layar terlalu kecil (min. 80x24)"), A_BOLD);
	wnoutrefresh(stdscr);
}

/* Lay the top screen out for the terminal's size when it is new or the size changed (a form
 * is posted there): before it is drawn, and before keys typed ahead reach it (a screen opened
 * by a key gets the keys that came with it before any redraw: a form not yet posted would drop
 * them). Nothing when the terminal is too small. */
static void layout_top(void)
{
	struct screen *s = ui_top();
	if (!s || ui_too_small() || (s->lines == LINES && s->cols == COLS))
		return;
	if (s->ops->resize)
		s->ops->resize(s);
	s->lines = LINES;
	s->cols = COLS;
}

void ui_redraw(void)
{
	struct screen *s = ui_top();
	if (ui_too_small() || !s) {
		/* The terminal may have cut the screens' windows: lay them out again later. */
		for (int i = 0; i < ui.depth; i++)
			ui.stack[i]->lines = 0;
		draw_too_small();
		doupdate();
		return;
	}
	layout_top();
	erase();
	frame_draw(s->title, s->ops->hints);
	s->cursor = 0;
	s->ops->draw(s);
	curs_set(s->cursor ? 1 : 0);
	wnoutrefresh(stdscr);
	if (s->ops->show)
		s->ops->show(s);
	frame_msg_show();
	doupdate();
}

/* Global actions that the top screen left alone. */
static void global_key(struct screen *s, wint_t ch, int kc)
{
	switch (keys_action(ch, kc)) {
	case ACT_HELP:
		help_open(s);
		break;
	case ACT_QUIT:
		ui_quit();
		break;
	case ACT_BACK:
		if (ui.depth > 1)
			ui_pop();
		else
			ui_quit();
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_INTERRUPT: {
		/* Ctrl-C is "copy" to many: once does nothing but say so, twice asks to quit. */
		long long t = now_ms();
		if (ui.last_interrupt && t - ui.last_interrupt <= INTERRUPT_MS) {
			ui.last_interrupt = 0;
			ui_quit();
		} else {
			ui.last_interrupt = t;
			frame_msg(MSG_INFO, "%s", _("Ctrl-C: tekan sekali lagi dalam 1 detik untuk keluar "
						    "(ditanya dulu)."));
		}
		break;
	}
	default:
		break;
	}
}

/* One key: the top screen first, then the global actions. */
static void dispatch(wint_t ch, int kc)
{
	if (kc == KEY_CODE_YES && ch == KEY_RESIZE)
		return;
	if (ui_too_small()) {
		if (keys_action(ch, kc) == ACT_QUIT)
			ui_quit();
		return;
	}
	frame_msg_clear();
	if (keys_action(ch, kc) != ACT_INTERRUPT)
		ui.last_interrupt = 0;
	layout_top();
	struct screen *s = ui_top();
	if (s->ops->key(s, ch, kc) == SCR_UNHANDLED)
		global_key(s, ch, kc);
	reap_closed();
}

/* Esc just read: a digit following within ESC_PREFIX_MS makes it F1..F10; another key is
 * put back to be read next, after the Esc. */
static int esc_prefix(wint_t *ch)
{
	wint_t next;
	timeout(ESC_PREFIX_MS);
	int kc = get_wch(&next);
	timeout(-1);
	if (kc == ERR)
		return OK;
	int f = keys_esc_digit(next, kc);
	if (f) {
		*ch = (wint_t)f;
		return KEY_CODE_YES;
	}
	if (kc == KEY_CODE_YES)
		ungetch((int)next);
	else
		unget_wch((wchar_t)next);
	return OK;
}

/* 1 when the terminal is gone (nothing more will be read from it). */
static int input_closed(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* ncurses turns SIGWINCH into KEY_RESIZE when the signal interrupts its read(), or in the
 * next doupdate(). A resize that comes while SIKUBE draws or runs idle work, just before the
 * read, would wait for the next key press (the screen keeps its old size: seen as the first
 * resize after start lost, tests/tmux_resize.sh). So the wait is cut in slices and doupdate()
 * looks in between; it queues KEY_RESIZE. The wait also ends (ERR) when SIKUBE is being
 * ended by a signal or the terminal is gone. */
#define RESIZE_CHECK_MS 250

int ui_get_key(WINDOW *win, wint_t *ch)
{
	WINDOW *w = win ? win : stdscr;
	int kc;
	wtimeout(w, RESIZE_CHECK_MS);
	while ((kc = wget_wch(w, ch)) == ERR && !terminated && !input_closed())
		doupdate();
	wtimeout(w, -1);
	return kc;
}

/* A key, waiting for one or not, with Esc n as F(n). */
static int read_key(wint_t *ch, int wait)
{
	if (!wait)
		nodelay(stdscr, TRUE);
	int kc = wait ? ui_get_key(NULL, ch) : get_wch(ch);
	if (!wait)
		nodelay(stdscr, FALSE);
	if (kc == OK && *ch == 27)
		kc = esc_prefix(ch);
	return kc;
}

/* 1 and the key when one is already waiting, without blocking. */
static int key_waiting(wint_t *ch, int *kc)
{
	*kc = read_key(ch, 0);
	return *kc != ERR;
}

/* The next key; while idle work is left, a step of it runs whenever no key is waiting.
 * ERR when a signal interrupted the wait. */
static int next_key(wint_t *ch)
{
	int kc;
	while (ui.idle && !terminated) {
		if (key_waiting(ch, &kc))
			return kc;
		if (ui.idle(ui.idle_ctx) != 0)
			ui.idle = NULL;
		doupdate();  /* a resize during the step: queued as KEY_RESIZE at once */
	}
	return terminated ? ERR : read_key(ch, 1);
}

/* The window is closing: every screen with typed input keeps it as a draft for next time. */
static void keep_drafts(void)
{
	for (int i = ui.depth - 1; i >= 0; i--) {
		struct screen *s = ui.stack[i];
		if (s->ops->draft && s->ops->unsaved && s->ops->unsaved(s))
			s->ops->draft(s);
	}
}

/* SIGTERM, SIGHUP and SIGINT only set a flag; the wait for a key ends (no SA_RESTART). */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* Start curses on the terminal; returns 0 or -1 with a message on stderr. */
static int curses_start(SCREEN **scr)
{
	*scr = newterm(NULL, stdout, stdin);
	if (!*scr) {
		const char *t = getenv("TERM");
		fprintf(stderr, _("sikube: jenis terminal \"%s\" tidak dikenal.\n"), t ? t : "");
		return -1;
	}
	set_escdelay(25);
	/* Raw: Ctrl-C, Ctrl-Z and Ctrl-\\ are keys, never signals that end SIKUBE with a form
	 * half typed. */
	raw();
	noecho();
	keypad(stdscr, TRUE);
	keys_init();
	colors_init();
	curs_set(0);
	return 0;
}

int ui_ask_create_db(const char *path)
{
	SCREEN *scr;
	if (curses_start(&scr) != 0)
		return 0;
	char q[1400];
	snprintf(q, sizeof q, _("Basis data %s belum ada. Buat basis data baru yang kosong di situ? "
				"Bila namanya salah ketik, jawab t lalu buka lagi dengan nama yang benar. "
				"(y/t)"), path);
	erase();
	frame_draw(_("Basis data baru?"), NULL);
	wnoutrefresh(stdscr);
	int yes = dlg_confirm(q);
	endwin();
	delscreen(scr);
	return yes;
}

/* Benchmarks only ($SIKUBE_BENCH_KEYS, see keyscript.h): every scripted key is handled and
 * drawn on its own and timed; the session ends with the script. */
static void run_script(void)
{
	wint_t ch;
	int kc;
	while (!ui.quit && ui.depth && keyscript_next(&ch, &kc)) {
		if (kc == KEYSCRIPT_MENU) {
			while (ui.depth > 1)
				ui_pop();
			reap_closed();
		} else {
			dispatch(ch, kc);
		}
		if (!ui.quit && ui.depth)
			ui_redraw();
		keyscript_key_done(ui_top() ? ui_top()->ops->name : "");
	}
	keyscript_close();
}

int ui_run(sk_db *db, const struct screen_ops *root, ui_idle_fn idle, void *ctx)
{
	SCREEN *scr;
	memset(&ui, 0, sizeof ui);
	ui.db = db;
	ui.idle = idle;
	ui.idle_ctx = ctx;
	if (curses_start(&scr) != 0)
		return 2;
	const char *once = getenv("SIKUBE_EXIT_AFTER_DRAW");
	int script = keyscript_open();
	terminated = 0;
	catch_signals();
	if (script >= 0 && ui_push(root, NULL) == 0) {
		ui_redraw();
		keyscript_first_draw();
		if (script)
			run_script();
		while (!script && !ui.quit && ui.depth && !terminated &&
		       !(once && strcmp(once, "1") == 0)) {
			wint_t ch;
			int kc = next_key(&ch);
			if (kc == ERR && !terminated && input_closed())
				break; /* the terminal is gone without a signal: as a closed window */
			if (kc != ERR && !terminated)
				dispatch(ch, kc);
			/* Keys already waiting (fast typing, a paste) first: one redraw, one query. */
			for (int n = 0; n < 64 && !ui.quit && ui.depth && !terminated &&
			     key_waiting(&ch, &kc); n++)
				dispatch(ch, kc);
			if (!ui.quit && ui.depth && !terminated)
				ui_redraw();
		}
		if (terminated || input_closed())
			keep_drafts();
	}
	while (ui.depth)
		screen_free(ui.stack[--ui.depth]);
	reap_closed();
	endwin();
	delscreen(scr);
	return terminated ? 128 + (int)terminated : 0;
}
