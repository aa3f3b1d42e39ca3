/* colors.h - what things look like, by role, with a monochrome fallback (no colours, TERM=vt100:
 * reverse, bold and underline only). */
#ifndef SK_COLORS_H
#define SK_COLORS_H

#include <curses.h>

enum ui_role {
	R_NORMAL = 0,
	R_TITLE,       /* title bar */
	R_HINT_KEY,    /* key names in the hint line */
	R_HINT_TEXT,   /* their meanings */
	R_HEADER,      /* list column headings */
	R_SELECTED,    /* the selected list row, the current menu item */
	R_ERROR,       /* validation errors, failures */
	R_WARN,        /* warnings */
	R_INFO,        /* good news in the message line */
	R_DIM,         /* secondary text */
	R_FIELD,       /* an input field */
	R_FIELD_CUR,   /* the field being edited */
	R_DIALOG,      /* dialog boxes */
	R_COUNT
};

/* Set up colour pairs when the terminal has colours (call after initscr/newterm). */
void colors_init(void);
/* Attributes (with colour pair) for a role. */
attr_t ui_attr(enum ui_role r);
/* 1 when colours are in use. */
int colors_on(void);

#endif
