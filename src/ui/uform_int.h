/* uform_int.h - shared between the form widget's own files only. */
#ifndef SK_UFORM_INT_H
#define SK_UFORM_INT_H

#include "uform.h"

/* Translated label of choice value i of field d. */
const char *uform_choice_label(const struct uf_def *d, int i);
/* Give the current field its own look and the others the plain one; updates uf->cur. */
void uform_mark_current(struct uform *uf);

#endif
