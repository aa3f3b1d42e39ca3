/* keys.h - named actions and the table binding keys to them (in the spirit of calcurse's
 * keys.c). Screens ask keys_action() what a key means instead of testing key codes, and every
 * key-hint line and the key names in help are made from the same table (keys_hint_line). */
#ifndef SK_KEYS_H
#define SK_KEYS_H

#include <stddef.h>
#include <wchar.h>
#include "i18n.h"

enum action {
	ACT_NONE = 0,
	ACT_HELP,      /* F1 */
	ACT_SAVE,      /* F2 */
	ACT_NEW,       /* F3, Insert */
	ACT_EDIT,      /* F4 */
	ACT_PICK,      /* F5: open a picker for the current field */
	ACT_DELETE,    /* F8, Delete */
	ACT_QUIT,      /* F10 */
	ACT_BACK,      /* Esc */
	ACT_SEARCH,    /* '/' */
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HOME,
	ACT_END,
	ACT_ENTER,
	ACT_NEXT,      /* Tab */
	ACT_PREV,      /* Shift-Tab */
	ACT_BACKSPACE,
	ACT_CLEAR,     /* Ctrl-U: clear the field or search text */
	ACT_REDRAW,    /* Ctrl-L */
	ACT_OPTION,    /* F6: the screen's own extra action (a filter, a copy), named in its hints */
	ACT_LEVEL,     /* F9: a group's development (assessments, level, failed or not) */
	ACT_INTERRUPT, /* Ctrl-C (terminal input is raw: a key, not a signal) */
	ACT_LOANS,     /* F7: a group's savings and loans (from the Kelompok screen) */
	/* Keys of one kind of screen only (keys_local with the scope named): letters that are
	 * typed text elsewhere. */
	ACT_BOOK,      /* cash book: switch book (B) */
	ACT_CATEGORY,  /* cash book: category filter (K) */
	ACT_CLOSE,     /* cash book: close a month (T) */
	ACT_STATUS,    /* attendance grid: H/I/S/A */
	ACT_ANSWER,    /* assessment: y/n */
	ACT_TOGGLE,    /* Space: change a choice or an answer in place */
	ACT_SCORE,     /* development assessment: a score 1-4 */
	ACT_YES,       /* y/t questions */
	ACT_NO,
	ACT_CARD,      /* savings and loans: a member's loan card (K) */
	ACT_DATE,      /* savings and loans: the cycle's closing date (T) */
	ACT_WAIVE,     /* meeting, fines page: waive a fine (B) */
	ACT_UEP,       /* meeting, new loan: lent from the UEP capital (U) */
	ACT_COUNT
};

/* Where a local binding applies. */
enum key_scope {
	KS_GLOBAL = 0, /* every screen (keys_action) */
	KS_CASHBOOK,
	KS_GRID,
	KS_ASSESS,
	KS_QUESTION,
	KS_SIMPIN,     /* the savings-and-loans screens and the meeting's money pages */
	KS_LEVEL       /* the development assessment form (evaluation_form.c) */
};

/* One entry of a hint line: the key(s) of act (and of act2 right after them, e.g. the arrows
 * Left and Right as one key), then the label: a msgid marked NC_("hint", "...") (the same
 * word means other things elsewhere: "Keluar" is Quit here, money out in the cash book). */
struct key_hint {
	enum action act, act2;
	const char *label;
};
#define HINT(a, label) { a, ACT_NONE, label }
#define HINT2(a, b, label) { a, b, label }
#define HINTS_END { ACT_NONE, ACT_NONE, NULL }
/* A hint line given in place: HINTS(HINT_HELP, HINT(...), ..., HINTS_BACK_QUIT). */
#define HINTS(...) ((const struct key_hint[]){ __VA_ARGS__ })
/* The entries most hint lines share: F1 help first, Esc back and F10 quit last (with the end). */
#define HINT_HELP HINT(ACT_HELP, NC_("hint", "Bantuan"))
#define HINTS_BACK_QUIT HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), \
	HINTS_END

/* Teach ncurses the escape sequences of common terminals that $TERM's terminfo may lack
 * (F5-F12, Insert, Delete, Home, End under TERM=vt100 in tmux or xterm). Call after keypad(). */
void keys_init(void);
/* The action bound to a key from get_wch (is_keycode: the call returned KEY_CODE_YES), or
 * ACT_NONE. Global bindings only. */
enum action keys_action(wint_t ch, int is_keycode);
/* The action of a key in scope (its local bindings, then the global ones). */
enum action keys_local(enum key_scope scope, wint_t ch, int is_keycode);
/* 1 when ch (not a key code) is a printable character that may be typed into text. */
int keys_printable(wint_t ch, int is_keycode);
/* The key code of F(n) for "Esc n" (Midnight Commander's way to reach F1-F10 on terminals
 * without them): ch '1'..'9' gives F1..F9, '0' gives F10; 0 for any other key. */
int keys_esc_digit(wint_t ch, int is_keycode);
/* The translated name(s) of the keys bound to act, as hints show them ("F3", "H/I/S/A"),
 * into out (size n). Returns out; "" when act has no named key. */
char *keys_name(enum action act, char *out, size_t n);
/* The hint line of hints (HINTS_END-terminated) as "KEY label  KEY label ...", translated,
 * into out (size n): two spaces between entries, the key first in each. Returns out. */
char *keys_hint_line(const struct key_hint *hints, char *out, size_t n);
/* A translated paragraph for F1 help naming the keys that work on every screen: F1, Esc,
 * F10, Ctrl-U, Ctrl-C and Esc 1 ... Esc 0 for F1 ... F10. Static storage. */
const char *keys_help_common(void);

#endif
