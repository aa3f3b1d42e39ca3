/* keys.c - the key binding table: what each key does, and the names hint lines and help show
 * for it (one table, so a hint never names a key that does something else). */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>
#include "keys.h"

#define CTRL(c) ((c) & 0x1f)

/* One binding of every screen: a character (is_key 0) or a curses key code (is_key 1) doing act;
 * name (a msgid, NULL: not named) is what hints and help call the key. */
static const struct binding {
	wint_t ch;
	int is_key;
	enum action act;
	const char *name;
} BINDINGS[] = {
	{ KEY_F(1), 1, ACT_HELP, "F1" },
	{ KEY_F(2), 1, ACT_SAVE, "F2" },
	{ KEY_F(3), 1, ACT_NEW, "F3" },
	{ KEY_IC, 1, ACT_NEW, NULL },
	{ KEY_F(4), 1, ACT_EDIT, "F4" },
	{ KEY_F(5), 1, ACT_PICK, "F5" },
	{ KEY_F(6), 1, ACT_OPTION, "F6" },
	{ KEY_F(7), 1, ACT_LOANS, "F7" },
	{ KEY_F(9), 1, ACT_LEVEL, "F9" },
	{ KEY_F(8), 1, ACT_DELETE, "F8" },
	{ KEY_DC, 1, ACT_DELETE, NULL },
	{ KEY_F(10), 1, ACT_QUIT, "F10" },
	{ 27, 0, ACT_BACK, N_("Esc") },
	{ '/', 0, ACT_SEARCH, "/" },
	{ KEY_UP, 1, ACT_UP, "\u2191" },
	{ KEY_DOWN, 1, ACT_DOWN, "\u2193" },
	{ KEY_LEFT, 1, ACT_LEFT, "\u2190" },
	{ KEY_RIGHT, 1, ACT_RIGHT, "\u2192" },
	{ KEY_PPAGE, 1, ACT_PGUP, N_("PgUp") },
	{ KEY_NPAGE, 1, ACT_PGDN, N_("PgDn") },
	{ KEY_HOME, 1, ACT_HOME, N_("Home") },
	{ KEY_END, 1, ACT_END, N_("End") },
	{ KEY_ENTER, 1, ACT_ENTER, NULL },
	{ '\n', 0, ACT_ENTER, N_("Enter") },
	{ '\r', 0, ACT_ENTER, NULL },
	{ '\t', 0, ACT_NEXT, N_("Tab") },
	{ KEY_BTAB, 1, ACT_PREV, N_("Shift-Tab") },
	{ KEY_BACKSPACE, 1, ACT_BACKSPACE, N_("Backspace") },
	{ 127, 0, ACT_BACKSPACE, NULL },
	{ CTRL('h'), 0, ACT_BACKSPACE, NULL },
	{ CTRL('u'), 0, ACT_CLEAR, N_("Ctrl-U") },
	{ CTRL('l'), 0, ACT_REDRAW, N_("Ctrl-L") },
	{ CTRL('c'), 0, ACT_INTERRUPT, N_("Ctrl-C") },
};
#define NBINDINGS (sizeof BINDINGS / sizeof BINDINGS[0])

/* The letters (and Space) of each kind of screen, by scope: every character of chars does act
 * there (both cases of a letter, y and 1 alike); name (a msgid) is what hints call them. */
#define LOCAL_MAX 5
struct letter {
	const char *chars;
	enum action act;
	const char *name;
};
#define SPACE_TOGGLE { " ", ACT_TOGGLE, N_("Spasi") }
static const struct letter LOCAL[][LOCAL_MAX] = {
	/* Cash book: switch book, category filter, close a month. */
	[KS_CASHBOOK] = { { "bB", ACT_BOOK, "B" }, { "kK", ACT_CATEGORY, "K" },
			  { "tT", ACT_CLOSE, "T" } },
	/* Attendance grid: the letter is the status. */
	[KS_GRID] = { { "hH", ACT_STATUS, "H" }, { "iI", ACT_STATUS, "I" }, { "sS", ACT_STATUS, "S" },
		      { "aA", ACT_STATUS, "A" }, SPACE_TOGGLE },
	/* Assessment criteria: yes (y, 1) or no (n, t, 0). */
	[KS_ASSESS] = { { "yY1", ACT_ANSWER, "y" }, { "nNtT0", ACT_ANSWER, "n" }, SPACE_TOGGLE },
	/* Development assessment: the score of an indicator. */
	[KS_LEVEL] = { { "1234", ACT_SCORE, "1-4" } },
	/* y/t questions. */
	[KS_QUESTION] = { { "yY", ACT_YES, "y" }, { "tTnN", ACT_NO, "t" } },
	/* Savings and loans: loan card, closing date, waive a fine, lent from the UEP capital. */
	[KS_SIMPIN] = { { "kK", ACT_CARD, "K" }, { "tT", ACT_DATE, "T" }, { "bB", ACT_WAIVE, "B" },
			{ "uU", ACT_UEP, "U" }, SPACE_TOGGLE },
};
#define NLETTERS (sizeof LOCAL / sizeof LOCAL[0] * LOCAL_MAX)
/* The k-th entry of LOCAL, row after row (chars NULL in the unused ones). */
#define LETTER(k) (&LOCAL[(k) / LOCAL_MAX][(k) % LOCAL_MAX])

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
	if (scope == KS_GLOBAL) {
		for (size_t i = 0; i < NBINDINGS; i++)
			if (BINDINGS[i].ch == ch && BINDINGS[i].is_key == is_key)
				return BINDINGS[i].act;
		return ACT_NONE;
	}
	for (size_t i = 0; i < LOCAL_MAX && !is_key && ch > 0 && ch < 128; i++)
		if (LOCAL[scope][i].chars && strchr(LOCAL[scope][i].chars, (int)ch))
			return LOCAL[scope][i].act;
	return ACT_NONE;
}

enum action keys_action(wint_t ch, int is_keycode)
{
	return lookup(KS_GLOBAL, ch, is_keycode);
}

enum action keys_local(enum key_scope scope, wint_t ch, int is_keycode)
{
	enum action a = lookup(scope, ch, is_keycode);
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

/* The name of the k-th binding with a name (BINDINGS, then LOCAL) when it does act, else NULL;
 * *end set when there is no k-th binding. */
static const char *binding_name(size_t k, enum action act, int *end)
{
	*end = k >= NBINDINGS + NLETTERS;
	if (*end)
		return NULL;
	if (k < NBINDINGS)
		return BINDINGS[k].act == act ? BINDINGS[k].name : NULL;
	const struct letter *l = LETTER(k - NBINDINGS);
	return l->chars && l->act == act ? l->name : NULL;
}

char *keys_name(enum action act, char *out, size_t n)
{
	size_t used = 0;
	int end = 0;
	out[0] = '\0';
	for (size_t i = 0; !end && act != ACT_NONE; i++) {
		const char *name = binding_name(i, act, &end);
		if (!name)
			continue;
		/* A key bound in several scopes (Space) is named once. */
		int seen = 0, stop = 0;
		for (size_t j = 0; j < i && !seen; j++) {
			const char *other = binding_name(j, act, &stop);
			seen = other && strcmp(other, name) == 0;
		}
		if (seen)
			continue;
		int w = snprintf(out + used, n - used, "%s%s", used ? "/" : "", _(name));
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
