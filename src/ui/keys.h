/* keys.h - named actions and the table binding keys to them (in the spirit of calcurse's
 * keys.c). Screens ask keys_action() what a key means instead of testing key codes. */
#ifndef SK_KEYS_H
#define SK_KEYS_H

#include <wchar.h>

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
	ACT_LEVEL,     /* F7: a group's development (assessments, level, failed or not) */
	ACT_COUNT
};

/* Teach ncurses the escape sequences of common terminals that $TERM's terminfo may lack
 * (F5-F12, Insert, Delete, Home, End under TERM=vt100 in tmux or xterm). Call after keypad(). */
void keys_init(void);
/* The action bound to a key from get_wch (is_keycode: the call returned KEY_CODE_YES), or
 * ACT_NONE. */
enum action keys_action(wint_t ch, int is_keycode);
/* 1 when ch (not a key code) is a printable character that may be typed into text. */
int keys_printable(wint_t ch, int is_keycode);

#endif
