/* frame.h - what every screen has around it: the title bar (row 0), the message line
 * (row LINES-2) and the key-hint line (row LINES-1). Screens use rows 1..LINES-3. */
#ifndef SK_FRAME_H
#define SK_FRAME_H

/* Kinds of message-line text. */
enum msg_kind { MSG_INFO, MSG_WARN, MSG_ERROR };

/* First and last body rows for screens. */
#define FRAME_TOP 1
int frame_bottom(void);

/* Show a printf-style message in the message line until the next key is handled. */
void frame_msg(enum msg_kind k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Clear the message line (the main loop does this before each key). */
void frame_msg_clear(void);
/* Draw the title bar with title, the message line and hints (a msgid, translated here):
 * "F1 Bantuan  F2 Simpan": chunks separated by two spaces, first word of each is the key. */
void frame_draw(const char *title, const char *hints);

#endif
