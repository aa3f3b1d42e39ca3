/* help.h - the help viewer: a scrollable text titled "Bantuan" over the current screen. */
#ifndef SK_HELP_H
#define SK_HELP_H

#include "ui.h"

/* Screen ops of the viewer; push with arg = struct help_arg *. */
extern const struct screen_ops HELP_OPS;

struct help_arg {
	const char *text;    /* translated help text ('\n' separates paragraphs) */
	const char *about;   /* title of the screen the help is for */
};

/* Open help for screen s (its ops->help or ops->help_text). */
void help_open(struct screen *s);

#endif
