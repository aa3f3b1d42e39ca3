/* colors.c - roles to attributes. */
#include "colors.h"

static int use_color;

/* Monochrome look: readable on vt100 and the Linux console without colour. */
static const attr_t MONO[R_COUNT] = {
	[R_NORMAL] = A_NORMAL,
	[R_TITLE] = A_REVERSE,
	[R_HINT_KEY] = A_BOLD,
	[R_HINT_TEXT] = A_REVERSE,
	[R_HEADER] = A_BOLD | A_UNDERLINE,
	[R_SELECTED] = A_REVERSE,
	[R_ERROR] = A_BOLD,
	[R_WARN] = A_BOLD,
	[R_INFO] = A_NORMAL,
	[R_DIM] = A_NORMAL,
	[R_FIELD] = A_UNDERLINE,
	[R_FIELD_CUR] = A_REVERSE,
	[R_DIALOG] = A_NORMAL,
};

/* Colour look: foreground, background and extra attributes per role. */
static const struct {
	short fg, bg;
	attr_t extra;
} COLOR[R_COUNT] = {
	[R_NORMAL] = { -1, -1, A_NORMAL },
	[R_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD },
	[R_HINT_KEY] = { COLOR_WHITE, COLOR_BLACK, A_BOLD },
	[R_HINT_TEXT] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[R_HEADER] = { COLOR_CYAN, -1, A_BOLD },
	[R_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
	[R_ERROR] = { COLOR_RED, -1, A_BOLD },
	[R_WARN] = { COLOR_YELLOW, -1, A_BOLD },
	[R_INFO] = { COLOR_GREEN, -1, A_NORMAL },
	[R_DIM] = { COLOR_CYAN, -1, A_NORMAL },
	[R_FIELD] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL },
	[R_FIELD_CUR] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL },
	[R_DIALOG] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL },
};

void colors_init(void)
{
	use_color = 0;
	if (!has_colors() || start_color() == ERR)
		return;
	int dflt = use_default_colors() == OK;
	for (int r = 1; r < R_COUNT; r++) {
		short fg = COLOR[r].fg, bg = COLOR[r].bg;
		if (!dflt) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		if (init_pair((short)r, fg, bg) == ERR)
			return;
	}
	use_color = 1;
}

attr_t ui_attr(enum ui_role r)
{
	if (r < 0 || r >= R_COUNT)
		return A_NORMAL;
	if (!use_color)
		return MONO[r];
	if (r == R_NORMAL)
		return A_NORMAL;
	return (attr_t)COLOR_PAIR(r) | COLOR[r].extra;
}

int colors_on(void)
{
	return use_color;
}
