/* keys.c - the key binding table. */
#include <curses.h>
#include <wctype.h>
#include "keys.h"

#define CTRL(c) ((c) & 0x1f)

/* One binding: a character (is_key 0) or a curses key code (is_key 1). */
static const struct binding {
	wint_t ch;
	int is_key;
	enum action act;
} BINDINGS[] = {
	{ KEY_F(1), 1, ACT_HELP },
	{ KEY_F(2), 1, ACT_SAVE },
	{ KEY_F(3), 1, ACT_NEW },
	{ KEY_IC, 1, ACT_NEW },
	{ KEY_F(4), 1, ACT_EDIT },
	{ KEY_F(5), 1, ACT_PICK },
	{ KEY_F(6), 1, ACT_OPTION },
	{ KEY_F(7), 1, ACT_LEVEL },
	{ KEY_F(8), 1, ACT_DELETE },
	{ KEY_DC, 1, ACT_DELETE },
	{ KEY_F(10), 1, ACT_QUIT },
	{ 27, 0, ACT_BACK },
	{ '/', 0, ACT_SEARCH },
	{ KEY_UP, 1, ACT_UP },
	{ KEY_DOWN, 1, ACT_DOWN },
	{ KEY_LEFT, 1, ACT_LEFT },
	{ KEY_RIGHT, 1, ACT_RIGHT },
	{ KEY_PPAGE, 1, ACT_PGUP },
	{ KEY_NPAGE, 1, ACT_PGDN },
	{ KEY_HOME, 1, ACT_HOME },
	{ KEY_END, 1, ACT_END },
	{ KEY_ENTER, 1, ACT_ENTER },
	{ '\n', 0, ACT_ENTER },
	{ '\r', 0, ACT_ENTER },
	{ '\t', 0, ACT_NEXT },
	{ KEY_BTAB, 1, ACT_PREV },
	{ KEY_BACKSPACE, 1, ACT_BACKSPACE },
	{ 127, 0, ACT_BACKSPACE },
	{ CTRL('h'), 0, ACT_BACKSPACE },
	{ CTRL('u'), 0, ACT_CLEAR },
	{ CTRL('l'), 0, ACT_REDRAW },
};

/* Sequences sent by xterm-like terminals (and tmux) that a plain terminfo entry may miss. */
static const struct {
	const char *seq;
	int key;
} EXTRA_SEQ[] = {
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) },
	{ "\033OS", KEY_F(4) }, { "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) }, { "\033[15~", KEY_F(5) },
	{ "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
	{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) }, { "\033[23~", KEY_F(11) },
	{ "\033[24~", KEY_F(12) }, { "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) }, { "\033[[E", KEY_F(5) },
	{ "\033[2~", KEY_IC }, { "\033[3~", KEY_DC }, { "\033[1~", KEY_HOME },
	{ "\033[4~", KEY_END }, { "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	{ "\033[H", KEY_HOME }, { "\033[F", KEY_END }, { "\033OH", KEY_HOME },
	{ "\033OF", KEY_END }, { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
	{ "\033[Z", KEY_BTAB }, { "\033[A", KEY_UP }, { "\033[B", KEY_DOWN },
	{ "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT }, { "\033OA", KEY_UP },
	{ "\033OB", KEY_DOWN }, { "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
};

void keys_init(void)
{
	for (size_t i = 0; i < sizeof EXTRA_SEQ / sizeof EXTRA_SEQ[0]; i++)
		if (key_defined(EXTRA_SEQ[i].seq) == 0)
			define_key(EXTRA_SEQ[i].seq, EXTRA_SEQ[i].key);
}

enum action keys_action(wint_t ch, int is_keycode)
{
	int is_key = is_keycode == KEY_CODE_YES;
	for (size_t i = 0; i < sizeof BINDINGS / sizeof BINDINGS[0]; i++)
		if (BINDINGS[i].ch == ch && BINDINGS[i].is_key == is_key)
			return BINDINGS[i].act;
	return ACT_NONE;
}

int keys_printable(wint_t ch, int is_keycode)
{
	return is_keycode != KEY_CODE_YES && ch >= 32 && ch != 127 && iswprint(ch);
}
