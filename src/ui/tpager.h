/* tpager.h - a text shown a page at a time (a report, a passbook, a loan card): its lines from
 * row 2 down to the frame's bottom, "baris 1-20 dari 64" at the right of row 1 when they do
 * not all fit, and the keys that scroll it. */
#ifndef SK_TPAGER_H
#define SK_TPAGER_H

#include "keys.h"

struct tpager {
	char *text;      /* malloc'ed, owned; split into lines in place */
	char **lines;
	int nlines;
	int top;         /* the first line shown */
};

/* Take text (malloc'ed, owned by p from now on; NULL: none) in place of the one shown and
 * split it into lines (a form feed starting a line is not shown). The first line shown stays
 * where it was as far as the new text allows. */
void tpager_set(struct tpager *p, char *text);
/* Draw the lines shown and the position. */
void tpager_draw(const struct tpager *p);
/* Up/Down, PgUp/PgDn, Home/End: scroll; 1 when a was one of them. */
int tpager_key(struct tpager *p, enum action a);
/* Release the text and its lines (the struct may be used again). */
void tpager_free(struct tpager *p);

#endif
