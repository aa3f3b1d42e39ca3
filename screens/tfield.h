/* tfield.h - a one-line text input for screens that lay out their own fields (the assessment
 * form): UTF-8 text edited at its end, shown by its tail when longer than the field, and
 * "fresh" after the cursor arrives so the first typed character replaces the old value. */
#ifndef SK_TFIELD_H
#define SK_TFIELD_H

#include <wchar.h>

#define TFIELD_BYTES 1024

struct tfield {
	char buf[TFIELD_BYTES];  /* UTF-8 */
	int max;                 /* most characters */
	int fresh;               /* 1: the next typed character replaces the text */
};

/* Set the text (cut to max characters). */
void tfield_set(struct tfield *f, const char *utf8, int max);
/* Typing: a printable character (replacing the text when fresh), Backspace, Ctrl-U.
 * Returns 1 when the key was used, else 0. Any other key makes the field not fresh. */
int tfield_key(struct tfield *f, wint_t ch, int kc);
/* Draw at (y, x) of stdscr over width columns in the field look (current: focused); a
 * focused field leaves the terminal cursor after its text. */
void tfield_draw(const struct tfield *f, int y, int x, int width, int focused);
/* A labelled field: label at (y, x), then the field of width w after it (focused: the
 * terminal cursor's place goes to *cy, *cx). Returns the column after it and a gap. */
int tfield_item(const struct tfield *f, int y, int x, const char *label, int w, int focused,
		int *cy, int *cx);

#endif
