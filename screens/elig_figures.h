/* elig_figures.h - the one-line compliance figures the Kelayakan screens show above a list. */
#ifndef SK_ELIG_FIGURES_H
#define SK_ELIG_FIGURES_H

#include <stddef.h>
#include "eligibility.h"

/* Write prefix followed by st's figures (active, assessed, poor, not poor with percent, due)
 * into out; when that is wider than width columns, the poor count (assessed minus not poor)
 * is left out so no figure is cut off at 80 columns even for a whole kabupaten. */
void elig_figures_line(const sk_elig_stats *st, const char *prefix, int width, char *out,
		       size_t n);

#endif
