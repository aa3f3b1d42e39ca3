/* eligibility_groups.c - Kelayakan: the office's figures and each group's compliance with the
 * poverty criteria (assessed, poor, percent not poor, due again); groups with more than 20% of
 * their assessed members not poor are marked "!". Enter opens the members of the group, or
 * of every group from the first row. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "elig_figures.h"
#include "eligibility.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "screens.h"
#include "tlist.h"

struct elig_groups {
	struct tlist tl;
	sk_elig_stats office;
};

/* The list is "all groups" (index 0) followed by the groups matching the search. */
static int eg_count(struct screen *s, const char *search)
{
	return group_count(s->db, search) + 1;
}

static int eg_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	struct elig_groups *g = s->data;
	sk_elig_group *out = rows;
	int first = 0;
	*n = 0;
	if (offset == 0 && limit > 0) {
		memset(out, 0, sizeof *out);
		snprintf(out->nama, sizeof out->nama, "%s", _("(Semua kelompok)"));
		out->st = g->office;
		first = 1;
	}
	int got = 0;
	int rc = eligibility_groups(s->db, search, NULL, offset ? offset - 1 : 0, limit - first,
				    out + first, &got, e);
	*n = first + got;
	return rc;
}

static void eg_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_elig_group *r = row;
	const sk_elig_stats *st = &r->st;
	snprintf(buf[3], TLIST_CELL, "%6d", st->aktif);
	snprintf(buf[4], TLIST_CELL, "%8d", st->dinilai);
	snprintf(buf[5], TLIST_CELL, "%6d", st->miskin);
	if (st->persen_tidak_miskin >= 0)
		snprintf(buf[6], TLIST_CELL, "%4d %3d%%", st->tidak_miskin, st->persen_tidak_miskin);
	else
		snprintf(buf[6], TLIST_CELL, "%4d    -", st->tidak_miskin);
	snprintf(buf[7], TLIST_CELL, "%11d", st->perlu_dinilai);
	TLIST_CELLS(cells, st->lewat_batas ? "!" : "", r->nama, r->desa, buf[3], buf[4], buf[5],
		    buf[6], buf[7]);
}

/* Enter: the members of the group selected, or of every group from the first row. */
static int eg_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	(void)s;
	const sk_elig_group *r = row;
	if (keys_action(ch, kc) != ACT_ENTER)
		return SCR_UNHANDLED;
	char id[SK_UUID_LEN + 1];
	sk_strlcpy(id, r ? r->id : "", sizeof id);
	if (r)
		ui_push(&ELIG_LIST_OPS, *id ? id : NULL);
	return SCR_HANDLED;
}

/* Back from the members: the office's figures (the first row) and the list again. */
static void eg_resume(struct screen *s)
{
	struct elig_groups *g = s->data;
	eligibility_stats(s->db, NULL, NULL, &g->office, NULL);
	tlist_reload(s);
}

/* Rows: 1 search, 2 office figures, 3 headings, 4.. list, bottom row: the position among the
 * groups (not on "all groups"). */
static void eg_draw(struct screen *s)
{
	struct elig_groups *g = s->data;
	const sk_elig_stats *st = &g->office;
	char line[400];
	elig_figures_line(st, _("Kantor: "), COLS - 2, line, sizeof line);
	text_put(stdscr, 2, 1, line, COLS - 2, ui_attr(st->lewat_batas ? R_WARN : R_DIM));
	snprintf(line, sizeof line, _("Kelompok %d dari %d"), g->tl.pl.sel, g->tl.pl.total - 1);
	if (g->tl.pl.sel > 0)
		tlist_put_right(frame_bottom(), line);
}

static const struct tlist_def EG_LIST = {
	TLIST_COLS(LIST_ELIG_GROUPS),
	.row_size = sizeof(sk_elig_group), .count = eg_count, .fetch = eg_fetch, .cells = eg_cells,
	.key = eg_key, .resume = eg_resume, .draw = eg_draw, .head_row = 3, .searchable = 1,
	.search_label = N_("Cari:"),
};

static int eg_init(struct screen *s, void *arg)
{
	(void)arg;
	struct elig_groups *g = tlist_open(s, sizeof *g, &EG_LIST,
					   N_("Kelayakan - kepatuhan kelompok"));
	if (!g)
		return -1;
	eligibility_stats(s->db, NULL, NULL, &g->office, NULL);
	g->tl.pl.pinned = 1; /* "(Semua kelompok)" */
	return 0;
}

const struct screen_ops ELIG_GROUPS_OPS =
	TLIST_SCREEN("eligibility-groups", eg_init, HELP_ELIGIBILITY_GROUPS,
		HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Anggota")), HINTS_BACK_QUIT);
