/* test_ui_msgarea.c - every message of the catalog, in Indonesian (msgid) and English
 * (msgstr), goes through the message area of an 80x24 screen (frame.c, drawn by ncurses on a
 * terminal that writes to /dev/null) and is read back from the screen: no message may be cut.
 * Printf formats get long, realistic values (a name of 30 letters, six-digit numbers). F1 help
 * texts are left out: the help viewer shows them, scrolling (they are marked "TRANSLATORS: F1
 * help" in the catalog); so are the texts only the command line uses (src/cli*.c: printed on
 * the terminal, never in the screens). */
#include <curses.h>
#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <wchar.h>
#include "frame.h"
#include "testlib.h"

#define TEXT_MAX 8192

struct entry {
	char id[TEXT_MAX], str[TEXT_MAX];
	int help, fuzzy;
	int refs, cli_refs;   /* source references, and those in the command line (src/cli*.c) */
};

/* Append the C string literal starting at p (after the opening quote) to out, unescaped. */
static void add_literal(const char *p, char *out)
{
	size_t j = strlen(out);
	for (; *p && *p != '"' && j + 1 < TEXT_MAX; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			out[j++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p;
		} else {
			out[j++] = *p;
		}
	}
	out[j] = '\0';
}

/* Read the next entry of the po file; 0 at its end. */
static int next_entry(FILE *f, struct entry *e)
{
	char line[4096];
	char *target = NULL;
	int any = 0;
	memset(e, 0, sizeof *e);
	long pos = ftell(f);
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '\n' && any)
			return 1;
		if (strncmp(line, "#.", 2) == 0 && strstr(line, "TRANSLATORS: F1 help"))
			e->help = 1;
		if (strncmp(line, "#,", 2) == 0 && strstr(line, "fuzzy"))
			e->fuzzy = 1;
		if (strncmp(line, "#:", 2) == 0)
			for (char *r = strtok(line + 2, " \n"); r; r = strtok(NULL, " \n")) {
				e->refs++;
				e->cli_refs += strncmp(r, "src/cli", 7) == 0;
			}
		if (strncmp(line, "msgctxt ", 8) == 0) {
			target = NULL;
			any = 1;
		} else if (strncmp(line, "msgid ", 6) == 0) {
			target = e->id;
			add_literal(line + 7, target);
			any = 1;
		} else if (strncmp(line, "msgstr ", 7) == 0) {
			target = e->str;
			add_literal(line + 8, target);
		} else if (line[0] == '"' && target) {
			add_literal(line + 1, target);
		}
		pos = ftell(f);
	}
	(void)pos;
	return any;
}

/* fmt with every conversion replaced by a long realistic value. */
static void fill_format(const char *fmt, char *out, size_t n)
{
	static const char name[] = "Sumarni Wulandari Kusumawardani";
	size_t j = 0;
	for (const char *p = fmt; *p && j + 40 < n; p++) {
		if (*p != '%') {
			out[j++] = *p;
			continue;
		}
		p++;
		if (*p == '%') {
			out[j++] = '%';
			continue;
		}
		int prec = -1;
		while (*p && strchr("-+ #0123456789", *p))
			p++;
		if (*p == '.') {
			p++;
			if (*p == '*') {
				prec = 7;
				p++;
			} else {
				prec = atoi(p);
				while (isdigit((unsigned char)*p))
					p++;
			}
		}
		while (*p && strchr("hlLqjzt", *p))
			p++;
		const char *v = *p == 's' ? name : *p == 'c' ? "x" : "123456";
		size_t len = strlen(v);
		if (*p == 's' && prec >= 0 && (size_t)prec < len)
			len = (size_t)prec;
		memcpy(out + j, v, len);
		j += len;
		if (!*p)
			break;
	}
	out[j] = '\0';
}

/* Text made of the words of s, one space between them. */
static void words(const char *s, char *out, size_t n)
{
	size_t j = 0;
	int space = 0;
	for (; *s && j + 2 < n; s++) {
		if (isspace((unsigned char)*s)) {
			space = j > 0;
			continue;
		}
		if (space)
			out[j++] = ' ';
		space = 0;
		out[j++] = *s;
	}
	out[j] = '\0';
}

/* The text on rows 1..LINES-2 of the terminal (box lines left out), words joined. */
static void screen_text(char *out, size_t n)
{
	char raw[TEXT_MAX * 2] = "";
	size_t j = 0;
	for (int y = 1; y <= LINES - 2; y++) {
		for (int x = 0; x < COLS && j + 8 < sizeof raw; x++) {
			cchar_t c;
			wchar_t wc[CCHARW_MAX + 1];
			attr_t a;
			short pair;
			if (mvwin_wch(curscr, y, x, &c) == ERR || getcchar(&c, wc, &a, &pair, NULL) == ERR)
				continue;
			if (a & A_ALTCHARSET || !wc[0])
				wc[0] = L' ';
			char mb[MB_LEN_MAX];
			mbstate_t ps;
			memset(&ps, 0, sizeof ps);
			size_t len = wcrtomb(mb, wc[0], &ps);
			if (len != (size_t)-1) {
				memcpy(raw + j, mb, len);
				j += len;
			}
		}
		raw[j++] = ' ';
	}
	raw[j] = '\0';
	words(raw, out, n);
}

/* Show text in the message area and check that all of it is on the screen. */
static int shows_whole(const char *text)
{
	static char want[TEXT_MAX * 2], got[TEXT_MAX * 2];
	frame_msg_clear();
	frame_msg(MSG_INFO, "%s", text);
	erase();
	wnoutrefresh(stdscr);
	frame_msg_show();
	doupdate();
	words(frame_msg_text(), want, sizeof want);
	screen_text(got, sizeof got);
	return strstr(got, want) != NULL;
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	FILE *po = fopen("po/en.po", "r");
	if (!po) {
		char path[4096];
		snprintf(path, sizeof path, "%s/po/en.po", getenv("SIKUBE_DATA_DIR") ? getenv("SIKUBE_DATA_DIR") : ".");
		po = fopen(path, "r");
	}
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/zero", "r");
	CHECK(po && out && in, "po/en.po, /dev/null and /dev/zero open");
	if (!po || !out || !in)
		return testlib_summary();
	SCREEN *scr = newterm("xterm", out, in);
	CHECK(scr != NULL, "curses starts on a terminal of type xterm");
	if (!scr)
		return testlib_summary();
	resizeterm(24, 80);
	static struct entry e;
	static char text[TEXT_MAX * 2];
	int walked = 0, help = 0, cli = 0, cut = 0;
	while (next_entry(po, &e)) {
		if (!e.id[0])
			continue;
		if (e.help) {
			help++;
			continue;
		}
		/* The command line's own texts (--help, its errors) go to the terminal, never to the
		 * screens' message area. */
		if (e.refs && e.refs == e.cli_refs) {
			cli++;
			continue;
		}
		const char *both[2] = { e.id, e.str };
		for (int k = 0; k < 2; k++) {
			if (!*both[k])
				continue;
			fill_format(both[k], text, sizeof text);
			walked++;
			if (!shows_whole(text)) {
				cut++;
				printf("not ok - message cut at 80x24: %.120s\n", text);
			}
		}
	}
	endwin();
	delscreen(scr);
	fclose(po);
	fclose(out);
	fclose(in);
	printf("# %d messages walked (Indonesian and English), %d help texts left to the viewer, %d "
	       "texts of the command line only\n", walked, help, cli);
	CHECK(walked > 1000, "the catalog's messages were walked in both languages");
	CHECK(cut == 0, "no message is cut in the message area at 80 columns");
	return testlib_summary();
}
