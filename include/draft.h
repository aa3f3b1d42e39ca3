/* draft.h - what a form held when SIKUBE was ended from outside (the window closed, the PC
 * shut down): its typed values, kept in the local table draf (never exported) until the form
 * opens again and offers them back. No curses here. */
#ifndef SK_DRAFT_H
#define SK_DRAFT_H

#include <stddef.h>
#include "db.h"

/* Keep text as the draft of screen (a screen's name) for key (what the form edits: a row's
 * id, or "baru:" and the group for a new row), replacing an older one. SK_OK or the error. */
int draft_put(sk_db *db, const char *screen, const char *key, const char *text, sk_err *e);
/* The draft of screen and key: *text malloc'ed (caller frees), when (UTC timestamp) into
 * out of size n. SK_NOTFOUND (no message) when there is none. */
int draft_get(sk_db *db, const char *screen, const char *key, char **text, char *when,
	      size_t n, sk_err *e);
/* Forget the draft of screen and key (none is fine). */
int draft_drop(sk_db *db, const char *screen, const char *key, sk_err *e);

#endif
