/* region_pick.c - choose a desa/kelurahan from the official list (83,762 villages): type part
 * of the name, the matches show at once, one page at a time. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "region.h"
#include "screens.h"
#include "tlist.h"

struct region_pick {
	struct tlist tl;
	struct region_pick_arg arg;
};

static int region_pick_count(struct screen *s, const char *search)
{
	return region_search_count(s->db, search);
}

static int region_pick_fetch(struct screen *s, const char *search, int offset, int limit,
			     void *rows, int *n, sk_err *e)
{
	return region_search(s->db, search, offset, limit, rows, n, e);
}

static void region_pick_cells(struct screen *s, const void *row, const char **cells,
			      char (*buf)[TLIST_CELL])
{
	(void)s;
	(void)buf;
	const sk_region *r = row;
	TLIST_CELLS(cells, r->nama, r->kecamatan, r->kabupaten, r->kode);
}

/* Enter: the village chosen goes to the caller; Esc: back without one. */
static int region_pick_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	struct region_pick *p = s->data;
	switch (keys_action(ch, kc)) {
	case ACT_ENTER:
		if (row) {
			sk_region chosen = *(const sk_region *)row;
			ui_pop();
			if (p->arg.done)
				p->arg.done(p->arg.ctx, &chosen);
		}
		return SCR_HANDLED;
	case ACT_BACK:
		ui_pop();
		return SCR_HANDLED;
	default:
		return SCR_UNHANDLED;
	}
}

/* The hint above the headings; the search line keeps the cursor. */
static void region_pick_draw(struct screen *s)
{
	struct region_pick *p = s->data;
	text_put(stdscr, 2, 1, _("Ketik sebagian nama atau awal kode, pilih dengan panah, lalu "
				 "Enter."), COLS - 2, ui_attr(R_DIM));
	p->tl.pl.search_focus = 1;
}

static const struct tlist_def RP_LIST = {
	TLIST_COLS(LIST_REGIONS), .row_size = sizeof(sk_region),
	.count = region_pick_count, .fetch = region_pick_fetch, .cells = region_pick_cells,
	.key = region_pick_key, .draw = region_pick_draw,
	TLIST_SEARCH(N_("Cari desa/kelurahan:"), N_("Desa %d dari %d")),
};

static int region_pick_init(struct screen *s, void *arg)
{
	struct region_pick *p = tlist_open(s, sizeof *p, &RP_LIST, N_("Pilih desa/kelurahan"));
	if (!p)
		return -1;
	p->arg = *(const struct region_pick_arg *)arg;
	sline_set(&p->tl.pl.search, p->arg.initial);
	p->tl.pl.search_focus = 1;
	p->arg.initial = NULL;
	return 0;
}

const struct screen_ops REGION_PICK_OPS =
	TLIST_SCREEN("region-pick", region_pick_init, HELP_REGION_PICK,
		HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Pilih")), HINT(ACT_BACK, NC_("hint", "Batal")),
		HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END);
