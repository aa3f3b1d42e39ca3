/* frame.h - what every screen has around it: the title bar (row 0), the message area (row
 * LINES-2, and the row above it when a message needs two lines; a longer one opens in a box
 * above the hint line, so that no message is ever cut) and the key-hint line (row LINES-1).
 * Screens use rows 1..LINES-3. */
#ifndef SK_FRAME_H
#define SK_FRAME_H

#include "keys.h"

/* Kinds of message-line text. */
enum msg_kind { MSG_INFO, MSG_WARN, MSG_ERROR };

/* First and last body rows for screens. */
#define FRAME_TOP 1
int frame_bottom(void);

/* Show a printf-style message in the message area until the next key is handled. */
void frame_msg(enum msg_kind k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Clear the message area (the main loop does this before each key). */
void frame_msg_clear(void);
/* The message shown now ("" when none). */
const char *frame_msg_text(void);
/* A text a screen had to cut where it drew it (a long finding under a form field): shown in
 * full in the message area when no message was set for this key. Call while drawing. */
void frame_overflow(enum msg_kind k, const char *text);
/* Draw the title bar with title and the hint line of hints (see keys.h) on stdscr. */
void frame_draw(const char *title, const struct key_hint *hints);
/* Put the message area on the terminal (after the screen and its own windows, so that a
 * two-line message or its box is on top). */
void frame_msg_show(void);

/* How the message area lays out text at cols columns and lines rows: the rows of the text
 * (1 or 2 in the area, more in the box) and the width of each. For tests too. */
struct msg_layout {
	int rows;       /* rows of text */
	int in_box;     /* 1: in a box (more than two rows) */
	int width;      /* columns each row may use */
	int fits;       /* 1: every character is shown */
};
void frame_msg_layout(const char *text, int cols, int lines, struct msg_layout *out);

#endif
