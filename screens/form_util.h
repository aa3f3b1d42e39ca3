/* form_util.h - what the group and member forms do alike: merging findings, money fields,
 * leaving with unsaved input, the messages after a save. */
#ifndef SK_FORM_UTIL_H
#define SK_FORM_UTIL_H

#include <stdint.h>
#include "sk_err.h"
#include "screens.h"
#include "uform.h"

/* Append every finding of src to dst. */
void fu_merge(sk_issues *dst, const sk_issues *src);
/* Parse a rupiah field: "" is 0. On bad text adds an error for field to is and sets 0. */
void fu_money(const char *text, const char *field, int64_t *out, sk_issues *is);
/* Remark for a money field: "Rp 1.250.000" for a valid amount, else how to type it (for a
 * field that is not required, that empty means 0). */
void fu_money_note(struct uform *uf, const char *field, const char *text, int required);
/* Esc on a form: 1 when it may close (nothing typed, or the user agreed to discard). */
int fu_may_close(struct uform *uf);
/* The keys every form screen handles alike once its fields passed on a key: F2 calls save(s),
 * Esc closes the screen when fu_may_close agrees. Returns SCR_HANDLED or SCR_UNHANDLED. */
int fu_form_action(struct screen *s, struct uform *uf, wint_t ch, int kc,
		   void (*save)(struct screen *s));
/* Saving was refused: show every finding, put the cursor on the first error, say so. */
void fu_refused(struct uform *uf, const sk_issues *is);
/* After a store call returned rc: SK_REFUSED shows the findings as fu_refused does, another
 * error its message in e; returns 1 only when rc is SK_OK (the caller then says fu_saved). */
int fu_stored(struct uform *uf, int rc, const sk_issues *is, const sk_err *e);
/* Message line after a save: what was saved, plus the first warning when there is one. */
void fu_saved(const char *what, const sk_issues *is);

/* SIKUBE is being ended with the form open: keep its values (uform_dump, then extra lines
 * when not NULL) as the draft of screen s for key. */
void fu_draft_save(struct screen *s, struct uform *uf, const char *key, const char *extra);
/* When the form opens: a draft of screen s for key is offered back ("pakai isian itu?",
 * Enter = yes). Yes: the fields take its values and *text (may be NULL) gets the whole
 * draft (caller frees) for the lines that are not fields. The draft is dropped either way.
 * Returns 1 when it was taken. */
int fu_draft_offer(struct screen *s, struct uform *uf, const char *key, char **text);

/* screen_ops functions of a form screen whose s->data (calloc'ed) starts with its struct uform:
 * lay the form out, draw it (the cursor shown), put its window on the terminal, 1 when a
 * value differs from the snapshot, close and free. FU_OPS names the first four and free. */
void fu_resize(struct screen *s);
void fu_draw(struct screen *s);
void fu_show(struct screen *s);
int fu_unsaved(struct screen *s);
void fu_free(struct screen *s);
#define FU_OPS .draw = fu_draw, .resize = fu_resize, .show = fu_show, .free = fu_free

#endif
