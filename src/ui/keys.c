/* keys.c - the key binding table: what each key does, and the names hint lines and help show
 * for it (one table, so a hint never names a key that does something else). */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>
#include "keys.h"

#define CTRL(c) ((c) & 0x1f)

/* One binding: a character (is_key 0) or a curses key code (is_key 1) doing act in scope;
 * name (a msgid, NULL: not named) is what hints and help call the key. */
static const struct binding {
	wint_t ch;
	int is_key;
	enum action act;
	enum key_scope scope;
	const char *name;
} BINDINGS[] = {
	{ KEY_F(1), 1, ACT_HELP, KS_GLOBAL, "F1" },
	{ KEY_F(2), 1, ACT_SAVE, KS_GLOBAL, "F2" },
	{ KEY_F(3), 1, ACT_NEW, KS_GLOBAL, "F3" },
	{ KEY_IC, 1, ACT_NEW, KS_GLOBAL, NULL },
	{ KEY_F(4), 1, ACT_EDIT, KS_GLOBAL, "F4" },
	{ KEY_F(5), 1, ACT_PICK, KS_GLOBAL, "F5" },
	{ KEY_F(6), 1, ACT_OPTION, KS_GLOBAL, "F6" },
	{ KEY_F(7), 1, ACT_LOANS, KS_GLOBAL, "F7" },
	{ KEY_F(9), 1, ACT_LEVEL, KS_GLOBAL, "F9" },
	{ KEY_F(8), 1, ACT_DELETE, KS_GLOBAL, "F8" },
	{ KEY_DC, 1, ACT_DELETE, KS_GLOBAL, NULL },
	{ KEY_F(10), 1, ACT_QUIT, KS_GLOBAL, "F10" },
	{ 27, 0, ACT_BACK, KS_GLOBAL, N_("Esc") },
	{ '/', 0, ACT_SEARCH, KS_GLOBAL, "/" },
	{ KEY_UP, 1, ACT_UP, KS_GLOBAL, "\u2191" },
	{ KEY_DOWN, 1, ACT_DOWN, KS_GLOBAL, "\u2193" },
	{ KEY_LEFT, 1, ACT_LEFT, KS_GLOBAL, "\u2190" },
	{ KEY_RIGHT, 1, ACT_RIGHT, KS_GLOBAL, "\u2192" },
	{ KEY_PPAGE, 1, ACT_PGUP, KS_GLOBAL, N_("PgUp") },
	{ KEY_NPAGE, 1, ACT_PGDN, KS_GLOBAL, N_("PgDn") },
	{ KEY_HOME, 1, ACT_HOME, KS_GLOBAL, N_("Home") },
	{ KEY_END, 1, ACT_END, KS_GLOBAL, N_("End") },
	{ KEY_ENTER, 1, ACT_ENTER, KS_GLOBAL, NULL },
	{ '\n', 0, ACT_ENTER, KS_GLOBAL, N_("Enter") },
	{ '\r', 0, ACT_ENTER, KS_GLOBAL, NULL },
	{ '\t', 0, ACT_NEXT, KS_GLOBAL, N_("Tab") },
	{ KEY_BTAB, 1, ACT_PREV, KS_GLOBAL, N_("Shift-Tab") },
	{ KEY_BACKSPACE, 1, ACT_BACKSPACE, KS_GLOBAL, N_("Backspace") },
	{ 127, 0, ACT_BACKSPACE, KS_GLOBAL, NULL },
	{ CTRL('h'), 0, ACT_BACKSPACE, KS_GLOBAL, NULL },
	{ CTRL('u'), 0, ACT_CLEAR, KS_GLOBAL, N_("Ctrl-U") },
	{ CTRL('l'), 0, ACT_REDRAW, KS_GLOBAL, N_("Ctrl-L") },
	{ CTRL('c'), 0, ACT_INTERRUPT, KS_GLOBAL, N_("Ctrl-C") },
	/* Cash book. */
	{ 'b', 0, ACT_BOOK, KS_CASHBOOK, NULL },
	{ 'B', 0, ACT_BOOK, KS_CASHBOOK, "B" },
	{ 'k', 0, ACT_CATEGORY, KS_CASHBOOK, NULL },
	{ 'K', 0, ACT_CATEGORY, KS_CASHBOOK, "K" },
	{ 't', 0, ACT_CLOSE, KS_CASHBOOK, NULL },
	{ 'T', 0, ACT_CLOSE, KS_CASHBOOK, "T" },
	/* Attendance grid: the letter is the status. */
	{ 'h', 0, ACT_STATUS, KS_GRID, NULL },
	{ 'H', 0, ACT_STATUS, KS_GRID, "H" },
	{ 'i', 0, ACT_STATUS, KS_GRID, NULL },
	{ 'I', 0, ACT_STATUS, KS_GRID, "I" },
	{ 's', 0, ACT_STATUS, KS_GRID, NULL },
	{ 'S', 0, ACT_STATUS, KS_GRID, "S" },
	{ 'a', 0, ACT_STATUS, KS_GRID, NULL },
	{ 'A', 0, ACT_STATUS, KS_GRID, "A" },
	{ ' ', 0, ACT_TOGGLE, KS_GRID, N_("Spasi") },
	/* Assessment criteria: yes (y, 1) or no (n, t, 0). */
	{ 'y', 0, ACT_ANSWER, KS_ASSESS, "y" },
	{ 'Y', 0, ACT_ANSWER, KS_ASSESS, NULL },
	{ '1', 0, ACT_ANSWER, KS_ASSESS, NULL },
	{ 'n', 0, ACT_ANSWER, KS_ASSESS, "n" },
	{ 'N', 0, ACT_ANSWER, KS_ASSESS, NULL },
	{ 't', 0, ACT_ANSWER, KS_ASSESS, NULL },
	{ 'T', 0, ACT_ANSWER, KS_ASSESS, NULL },
	{ '0', 0, ACT_ANSWER, KS_ASSESS, NULL },
	{ ' ', 0, ACT_TOGGLE, KS_ASSESS, N_("Spasi") },
	/* Development assessment: the score of an indicator. */
	{ '1', 0, ACT_SCORE, KS_LEVEL, "1-4" },
	{ '2', 0, ACT_SCORE, KS_LEVEL, NULL },
	{ '3', 0, ACT_SCORE, KS_LEVEL, NULL },
	{ '4', 0, ACT_SCORE, KS_LEVEL, NULL },
	/* y/t questions. */
	{ 'y', 0, ACT_YES, KS_QUESTION, "y" },
	{ 'Y', 0, ACT_YES, KS_QUESTION, NULL },
	{ 't', 0, ACT_NO, KS_QUESTION, "t" },
	{ 'T', 0, ACT_NO, KS_QUESTION, NULL },
	{ 'n', 0, ACT_NO, KS_QUESTION, NULL },
	{ 'N', 0, ACT_NO, KS_QUESTION, NULL },
	/* Savings and loans. */
	{ 'k', 0, ACT_CARD, KS_SIMPIN, NULL },
	{ 'K', 0, ACT_CARD, KS_SIMPIN, "K" },
	{ 't', 0, ACT_DATE, KS_SIMPIN, NULL },
	{ 'T', 0, ACT_DATE, KS_SIMPIN, "T" },
	{ 'b', 0, ACT_WAIVE, KS_SIMPIN, NULL },
	{ 'B', 0, ACT_WAIVE, KS_SIMPIN, "B" },
	{ 'u', 0, ACT_UEP, KS_SIMPIN, NULL },
	{ 'U', 0, ACT_UEP, KS_SIMPIN, "U" },
	{ ' ', 0, ACT_TOGGLE, KS_SIMPIN, N_("Spasi") },
};
#define NBINDINGS (sizeof BINDINGS / sizeof BINDINGS[0])

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

static enum action lookup(enum key_scope scope, wint_t ch, int is_keycode)
{
	int is_key = is_keycode == KEY_CODE_YES;
	for (size_t i = 0; i < NBINDINGS; i++)
		if (BINDINGS[i].scope == scope && BINDINGS[i].ch == ch && BINDINGS[i].is_key == is_key)
			return BINDINGS[i].act;
	return ACT_NONE;
}

enum action keys_action(wint_t ch, int is_keycode)
{
	return lookup(KS_GLOBAL, ch, is_keycode);
}

enum action keys_local(enum key_scope scope, wint_t ch, int is_keycode)
{
	enum action a = scope != KS_GLOBAL ? lookup(scope, ch, is_keycode) : ACT_NONE;
	return a != ACT_NONE ? a : lookup(KS_GLOBAL, ch, is_keycode);
}

int keys_printable(wint_t ch, int is_keycode)
{
	return is_keycode != KEY_CODE_YES && ch >= 32 && ch != 127 && iswprint(ch);
}

int keys_esc_digit(wint_t ch, int is_keycode)
{
	if (is_keycode == KEY_CODE_YES || ch < '0' || ch > '9')
		return 0;
	return KEY_F(ch == '0' ? 10 : (int)(ch - '0'));
}

char *keys_name(enum action act, char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < NBINDINGS && act != ACT_NONE; i++) {
		if (BINDINGS[i].act != act || !BINDINGS[i].name)
			continue;
		/* A key bound in several scopes (Space) is named once. */
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = BINDINGS[j].act == act && BINDINGS[j].name &&
			       strcmp(BINDINGS[j].name, BINDINGS[i].name) == 0;
		if (seen)
			continue;
		int w = snprintf(out + used, n - used, "%s%s", used ? "/" : "", _(BINDINGS[i].name));
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
	return out;
}

char *keys_hint_line(const struct key_hint *hints, char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (const struct key_hint *h = hints; h && h->label; h++) {
		char k1[64], k2[64];
		keys_name(h->act, k1, sizeof k1);
		keys_name(h->act2, k2, sizeof k2);
		int w = snprintf(out + used, n - used, "%s%s%s %s", used ? "  " : "", k1, k2,
				 sk_pgettext(h->label));
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
	return out;
}

const char *keys_help_common(void)
{
	static char buf[1400];
	char f1[16], esc[16], f10[16], clr[16], intr[16], f2[16];
	keys_name(ACT_HELP, f1, sizeof f1);
	keys_name(ACT_BACK, esc, sizeof esc);
	keys_name(ACT_QUIT, f10, sizeof f10);
	keys_name(ACT_CLEAR, clr, sizeof clr);
	keys_name(ACT_INTERRUPT, intr, sizeof intr);
	keys_name(ACT_SAVE, f2, sizeof f2);
	snprintf(buf, sizeof buf,
		 /* TRANSLATORS: F1 help text (the keys of every screen, after each screen's help). */
		 _("Tombol di semua layar: %s bantuan, %s kembali, %s keluar dari SIKUBE (ditanya "
		   "dulu), %s di formulir menyimpan. %s mengosongkan isian atau pencarian. %s bukan "
		   "\"salin\" di SIKUBE: sekali tidak berbuat apa-apa, dua kali dalam satu detik "
		   "bertanya seperti %s.\n"
		   "Terminal tanpa tombol F (atau yang memakai F1 dan F10 untuk dirinya sendiri): "
		   "tekan %s lalu angka: %s 1 = F1, %s 2 = F2, ... %s 9 = F9, %s 0 = F10."),
		 f1, esc, f10, f2, clr, intr, f10, esc, esc, esc, esc, esc);
	return buf;
}
