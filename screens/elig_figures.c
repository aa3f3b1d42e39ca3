/* elig_figures.c - the one-line compliance figures of the Kelayakan screens. */
#include <stdio.h>
#include "elig_figures.h"
#include "i18n.h"
#include "text.h"

void elig_figures_line(const sk_elig_stats *st, const char *prefix, int width, char *out,
		       size_t n)
{
	char pct[16] = "-";
	if (st->persen_tidak_miskin >= 0)
		snprintf(pct, sizeof pct, "%d%%", st->persen_tidak_miskin);
	snprintf(out, n, _("%saktif %d, dinilai %d, miskin %d, tidak miskin %d (%s), perlu dinilai %d"),
		 prefix, st->aktif, st->dinilai, st->miskin, st->tidak_miskin, pct, st->perlu_dinilai);
	if (text_width(out) > width)
		snprintf(out, n, _("%saktif %d, dinilai %d, tidak miskin %d (%s), perlu dinilai %d"),
			 prefix, st->aktif, st->dinilai, st->tidak_miskin, pct, st->perlu_dinilai);
}
