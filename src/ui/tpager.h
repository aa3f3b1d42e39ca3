/* tpager.h - a text shown a page at a time (a report, a passbook, a loan card): its lines from
 * row 2 down to the frame's bottom, "baris 1-20 dari 64" at the right of row 1 when they do
 * not all fit, and the keys that scroll it. */
#ifndef SK_TPAGER_H
#define SK_TPAGER_H

#include <stdio.h>
#include "keys.h"
#include "sk_err.h"

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
/* Show the text that write(f, ctx, e) prints (written to memory, then tpager_set). When write
 * fails, the message line says e's message, or fail (a msgid) when e has none; what it wrote
 * before is still shown. Returns write's status, SK_IOERR when there is no memory for the
 * text. */
int tpager_fill(struct tpager *p, int (*write)(FILE *f, void *ctx, sk_err *e), void *ctx,
		const char *fail);
/* Draw the lines shown and the position. */
void tpager_draw(const struct tpager *p);
/* Up/Down, PgUp/PgDn, Home/End: scroll; 1 when a was one of them. */
int tpager_key(struct tpager *p, enum action a);
/* Release the text and its lines (the struct may be used again). */
void tpager_free(struct tpager *p);

#endif
