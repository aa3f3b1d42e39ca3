/* group_pick.c - choose the group whose meetings, cash books or reports to open: the groups
 * list (type to search), Enter opens the part for the chosen group; Esc comes back here. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "screens.h"
#include "tlist.h"

/* What the picker opens: title msgid and the screen taking the group id; F6 opens option
 * (when not NULL), which note (a msgid) names. */
struct pick_kind {
	const char *title;
	const struct screen_ops *next;
	const struct screen_ops *option;
	const char *note;
};

struct group_pick {
	/* The list's part, which the toolkit reaches through s->data. */
	/* cppcheck-suppress unusedStructMember */
	struct tlist tl;
	const struct pick_kind *kind;
};

static int gp_count(struct screen *s, const char *search)
{
	return group_count(s->db, search);
}

static int gp_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	return group_list(s->db, search, offset, limit, rows, n, e);
}

static void gp_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_group_row *r = row;
	snprintf(buf[3], TLIST_CELL, "%7d", r->anggota_aktif);
	TLIST_CELLS(cells, r->kode, r->nama, r->desa, buf[3],
		    r->tidak_aktif ? _("TIDAK AKTIF") : r->pertemuan_terakhir);
}

/* Enter opens the screen of the kind for the group selected; F6 the kind's option. */
static int gp_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	struct group_pick *g = s->data;
	const sk_group_row *r = row;
	if (keys_action(ch, kc) == ACT_OPTION && g->kind->option) {
		ui_push(g->kind->option, NULL);
		return SCR_HANDLED;
	}
	if (keys_action(ch, kc) != ACT_ENTER)
		return SCR_UNHANDLED;
	if (r) {
		char id[SK_UUID_LEN + 1];
		snprintf(id, sizeof id, "%s", r->id);
		ui_push(g->kind->next, id);
	}
	return SCR_HANDLED;
}

/* Rows: 1 search, 2 what Enter does, 3 headings, 4.. list, bottom row: position. */
static void gp_draw(struct screen *s)
{
	struct group_pick *g = s->data;
	text_put(stdscr, 2, 1, g->kind->note ? _(g->kind->note)
		 : _("Pilih kelompok dengan panah lalu Enter."), COLS - 2, ui_attr(R_DIM));
}

static const struct tlist_def GP_LIST = {
	TLIST_COLS(LIST_GROUP_PICK),
	.row_size = sizeof(sk_group_row), .count = gp_count, .fetch = gp_fetch, .cells = gp_cells,
	.key = gp_key, .draw = gp_draw, TLIST_SEARCH(N_("Cari:"), N_("Kelompok %d dari %d")),
};

static int gp_init_kind(struct screen *s, const struct pick_kind *kind)
{
	struct group_pick *g = tlist_open(s, sizeof *g, &GP_LIST, kind->title);
	if (!g)
		return -1;
	g->kind = kind;
	return 0;
}

static const struct pick_kind MEETINGS = { N_("Pertemuan - pilih kelompok"), &MEETING_LIST_OPS,
	NULL, NULL };
static const struct pick_kind CASH = { N_("Kas - pilih kelompok"), &CASH_BOOK_OPS, NULL, NULL };
static const struct pick_kind REPORTS = { N_("Laporan - pilih kelompok"), &REPORT_OPS,
	&LEVELS_OPS, N_("Pilih kelompok lalu Enter. F6: tingkat perkembangan semua kelompok.") };

static int gp_init_meetings(struct screen *s, void *arg)
{
	(void)arg;
	return gp_init_kind(s, &MEETINGS);
}

static int gp_init_cash(struct screen *s, void *arg)
{
	(void)arg;
	return gp_init_kind(s, &CASH);
}

static int gp_init_reports(struct screen *s, void *arg)
{
	(void)arg;
	return gp_init_kind(s, &REPORTS);
}

/* The hint lines of the pickers; Laporan's choice of group also opens the development levels
 * of all groups (F6). */
#define GROUP_PICK_HINTS HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Buka")), HINTS_BACK_QUIT
#define REPORT_PICK_HINTS HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Buka")), \
	HINT(ACT_OPTION, NC_("hint", "Tingkat")), HINTS_BACK_QUIT

const struct screen_ops MEETING_GROUPS_OPS =
	TLIST_SCREEN("meeting-groups", gp_init_meetings, HELP_GROUP_PICK, GROUP_PICK_HINTS);
const struct screen_ops CASH_GROUPS_OPS =
	TLIST_SCREEN("cash-groups", gp_init_cash, HELP_GROUP_PICK, GROUP_PICK_HINTS);
const struct screen_ops REPORT_GROUPS_OPS =
	TLIST_SCREEN("report-groups", gp_init_reports, HELP_GROUP_PICK, REPORT_PICK_HINTS);
