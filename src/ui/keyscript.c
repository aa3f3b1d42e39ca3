/* keyscript.c - timed key replay for the benchmarks (see keyscript.h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app.h"
#include "keyscript.h"

struct skey {
	wint_t ch;
	int kc;
};

static struct {
	FILE *in, *out, *screens;
	char label[128];
	struct skey *keys;       /* keys of the current action */
	int nkeys, cap, pos;
	double t0, total, max;   /* ms */
	int done;                /* keys of the current action handled so far */
} ks;

static const struct {
	const char *name;
	int code;
} NAMED[] = {
	{ "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "Space", ' ' }, { "BS", 127 },
	{ "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Left", KEY_LEFT }, { "Right", KEY_RIGHT },
	{ "Menu", KEYSCRIPT_MENU }, { "PgUp", KEY_PPAGE }, { "PgDn", KEY_NPAGE }, { "Home", KEY_HOME }, { "End", KEY_END },
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void add_key(wint_t ch, int kc)
{
	if (ks.nkeys == ks.cap) {
		ks.cap = ks.cap ? ks.cap * 2 : 64;
		ks.keys = realloc(ks.keys, (size_t)ks.cap * sizeof *ks.keys);
		if (!ks.keys)
			abort();
	}
	ks.keys[ks.nkeys++] = (struct skey){ ch, kc };
}

/* <Name>: a named key; F1..F12 too. 0 when unknown. */
static int named_key(const char *name, size_t len, struct skey *k)
{
	if ((name[0] == 'F') && len >= 2 && len <= 3) {
		int n = atoi(name + 1);
		if (n >= 1 && n <= 12) {
			*k = (struct skey){ (wint_t)KEY_F(n), KEY_CODE_YES };
			return 1;
		}
	}
	for (size_t i = 0; i < sizeof NAMED / sizeof NAMED[0]; i++)
		if (strlen(NAMED[i].name) == len && strncmp(NAMED[i].name, name, len) == 0) {
			int code = NAMED[i].code;
			*k = (struct skey){ (wint_t)code, code == KEYSCRIPT_MENU ? KEYSCRIPT_MENU
							  : code >= KEY_MIN ? KEY_CODE_YES : OK };
			return 1;
		}
	return 0;
}

/* One token (with an optional *N) into keys; -1 when it cannot be read. */
static int add_token(char *tok)
{
	int times = 1;
	char *star = strrchr(tok, '*');
	if (star && star != tok && star[1]) {
		times = atoi(star + 1);
		*star = '\0';
	}
	struct skey one[64];
	int n = 0;
	size_t len = strlen(tok);
	if (tok[0] == '<' && len > 2 && tok[len - 1] == '>') {
		if (!named_key(tok + 1, len - 2, &one[0]))
			return -1;
		n = 1;
	} else {
		mbstate_t mb;
		memset(&mb, 0, sizeof mb);
		for (const char *p = tok; *p && n < 64;) {
			wchar_t wc;
			size_t used = mbrtowc(&wc, p, strlen(p), &mb);
			if (used == (size_t)-1 || used == (size_t)-2 || used == 0)
				return -1;
			one[n++] = (struct skey){ (wint_t)wc, OK };
			p += used;
		}
	}
	for (int r = 0; r < times; r++)
		for (int i = 0; i < n; i++)
			add_key(one[i].ch, one[i].kc);
	return 0;
}

/* Read the next action line into label and keys; 0 at the end of the script. */
static int read_action(void)
{
	char line[4096];
	while (fgets(line, sizeof line, ks.in)) {
		char *hash = strchr(line, '#');
		if (hash)
			*hash = '\0';
		char *colon = strchr(line, ':');
		if (!colon)
			continue;
		*colon = '\0';
		snprintf(ks.label, sizeof ks.label, "%.127s", line);
		ks.nkeys = ks.pos = ks.done = 0;
		ks.total = ks.max = 0;
		for (char *tok = strtok(colon + 1, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n"))
			if (add_token(tok) != 0)
				fprintf(stderr, "sikube: keyscript: unknown key %s in %s\n", tok, ks.label);
		if (ks.nkeys)
			return 1;
	}
	return 0;
}

int keyscript_open(void)
{
	const char *path = getenv("SIKUBE_BENCH_KEYS");
	const char *out = getenv("SIKUBE_BENCH_OUT");
	if (!path || !*path)
		return 0;
	char spath[4096];
	snprintf(spath, sizeof spath, "%s.screens", out && *out ? out : "/dev/null");
	ks.in = fopen(path, "r");
	ks.out = fopen(out && *out ? out : "/dev/stderr", "w");
	ks.screens = fopen(spath, "w");
	if (!ks.in || !ks.out || !ks.screens) {
		fprintf(stderr, "sikube: keyscript: cannot open %s or %s\n", path, out ? out : "");
		keyscript_close();
		return -1;
	}
	return read_action() ? 1 : 0;
}

/* The screen's text after an action (not timed). */
static void dump_screen(void)
{
	fprintf(ks.screens, "== %s\n", ks.label);
	for (int y = 0; y < LINES; y++) {
		char row[1024];
		if (mvinnstr(y, 0, row, (int)sizeof row - 1) == ERR)
			row[0] = '\0';
		size_t n = strlen(row);
		while (n && row[n - 1] == ' ')
			row[--n] = '\0';
		fprintf(ks.screens, "%s\n", row);
	}
}

static void end_action(const char *screen)
{
	fprintf(ks.out, "%s\t%d\t%.1f\t%.1f\t%s\n", ks.label, ks.nkeys, ks.total, ks.max, screen);
	fflush(ks.out);
	dump_screen();
}

int keyscript_next(wint_t *ch, int *kc)
{
	if (!ks.in || ks.pos >= ks.nkeys)
		return 0;
	*ch = ks.keys[ks.pos].ch;
	*kc = ks.keys[ks.pos].kc;
	ks.pos++;
	ks.t0 = now_ms();
	return 1;
}

void keyscript_key_done(const char *screen)
{
	double ms = now_ms() - ks.t0;
	ks.total += ms;
	if (ms > ks.max)
		ks.max = ms;
	if (++ks.done < ks.nkeys)
		return;
	end_action(screen);
	if (!read_action())
		ks.nkeys = ks.pos = 0;
}

void keyscript_close(void)
{
	if (ks.in)
		fclose(ks.in);
	if (ks.out)
		fclose(ks.out);
	if (ks.screens)
		fclose(ks.screens);
	free(ks.keys);
	memset(&ks, 0, sizeof ks);
}

static double clock_start = -1;

void ui_bench_clock(void)
{
	clock_start = now_ms();
}

void keyscript_first_draw(void)
{
	const char *path = getenv("SIKUBE_BENCH_DRAW");
	if (!path || !*path || clock_start < 0)
		return;
	FILE *f = fopen(path, "w");
	if (f) {
		fprintf(f, "%.1f\n", now_ms() - clock_start);
		fclose(f);
	}
}
