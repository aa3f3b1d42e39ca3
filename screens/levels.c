/* levels.c - Laporan, the district picture of development: the groups per level of their
 * latest assessment, in all and per kecamatan, and the groups whose assessment is due (never
 * assessed, or over 6 months ago), Enter opening a group's development to assess it. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "evaluation.h"
#include "frame.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "report.h"
#include "screens.h"
#include "tlist.h"

/* Kecamatan rows shown under the total (the rest: report levels). */
#define LV_KEC_ROWS 6
#define LV_MAX_KEC 256
/* Screen row of the due list's heading line. */
#define LV_DUE_ROW (5 + LV_KEC_ROWS)

#define COUNT_COLS LIST_LEVEL_COUNTS   /* lists.tsv: level_counts */
#define NCOUNT LIST_LEVEL_COUNTS_N

#define DUE_COLS LIST_LEVELS_DUE   /* lists.tsv: levels_due */
#define NDUE LIST_LEVELS_DUE_N

struct levels {
	struct tlist tl;         /* the groups due an assessment */
	int wc[NCOUNT];
	char today[11];
	report_level_count c[LV_MAX_KEC];
	int n;                   /* rows read (the total first) */
};

TLIST_KEYED(lv, struct levels, today, report_levels_due_count, report_levels_due)

static void lv_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	(void)buf;
	const report_due_row *r = row;
	TLIST_CELLS(cells, r->kode, r->nama, r->kode_wilayah,
		    *r->dinilai ? r->dinilai : _("belum pernah"));
}

static void lv_load(struct screen *s)
{
	struct levels *l = s->data;
	sk_err e;
	sk_err_clear(&e);
	sk_today(l->today);
	if (report_level_counts(s->db, l->today, l->c, LV_MAX_KEC, &l->n, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		l->n = 0;
	}
}

static const struct tlist_def LV_LIST;

static int lv_init(struct screen *s, void *arg)
{
	(void)arg;
	if (!tlist_open(s, sizeof(struct levels), &LV_LIST,
			N_("Laporan - tingkat perkembangan kelompok")))
		return -1;
	lv_load(s);
	return 0;
}

static void count_row(const struct levels *l, const report_level_count *c, int y, int bold)
{
	char num[6][16], name[200];
	int v[6] = { c->n[0], c->n[1], c->n[2], c->n[3], c->belum, c->due };
	for (int i = 0; i < 6; i++)
		snprintf(num[i], sizeof num[i], "%*d", l->wc[i + 1], v[i]);
	if (bold)
		snprintf(name, sizeof name, "%s", _("Semua kecamatan"));
	else
		snprintf(name, sizeof name, "%s %s", c->kode, c->nama);
	const char *cells[NCOUNT] = { name, num[0], num[1], num[2], num[3], num[4], num[5] };
	text_row(y, 1, cells, NCOUNT, l->wc, COLS - 2, 0);
	if (bold)
		mvchgat(y, 1, COLS - 2, A_BOLD, 0, NULL);
}

/* The column heads on row y: the counts' heads right-aligned over their numbers. */
static void count_heads(const struct levels *l, int y)
{
	text_heads(y, 1, COUNT_COLS, 1, l->wc);
	int x = 1 + l->wc[0] + 1;
	for (int i = 1; i < NCOUNT; i++) {
		const char *h = _(COUNT_COLS[i].head);
		int pad = l->wc[i] - text_width(h);
		text_put(stdscr, y, x, "", l->wc[i], ui_attr(R_HEADER));
		text_put(stdscr, y, x + (pad > 0 ? pad : 0), h, pad > 0 ? l->wc[i] - pad : l->wc[i],
			 ui_attr(R_HEADER));
		x += l->wc[i] + 1;
	}
}

/* Rows: 1 heading, 2 column heads, 3 total, 4..9 kecamatan, 10 more, 11 due heading,
 * 12 due column heads, 13.. the due groups. */
static void lv_draw(struct screen *s)
{
	struct levels *l = s->data;
	char line[300];
	text_cols(COUNT_COLS, NCOUNT, COLS - 2, l->wc);
	snprintf(line, sizeof line, _("Kelompok per tingkat, menurut penilaian terakhir (per %s)"),
		 l->today);
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_HEADER));
	count_heads(l, 2);
	if (l->n > 0)
		count_row(l, &l->c[0], 3, 1);
	for (int i = 1; i < l->n && i <= LV_KEC_ROWS; i++)
		count_row(l, &l->c[i], 3 + i, 0);
	if (l->n - 1 > LV_KEC_ROWS) {
		snprintf(line, sizeof line, _("... dan %d kecamatan lain (semuanya: sikube report "
					      "levels)"), l->n - 1 - LV_KEC_ROWS);
		text_put(stdscr, 4 + LV_KEC_ROWS, 1, line, COLS - 2, ui_attr(R_DIM));
	}
	snprintf(line, sizeof line, _("Perlu dinilai (belum pernah, atau lebih dari %d bulan lalu): "
				      "%d kelompok"), EVAL_DUE_MONTHS, l->tl.pl.total);
	text_put(stdscr, LV_DUE_ROW, 1, line, COLS - 2, ui_attr(R_HEADER));
}

/* Enter: the development of the group selected. */
static int lv_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	(void)s;
	const report_due_row *r = row;
	if (keys_action(ch, kc) != ACT_ENTER)
		return SCR_UNHANDLED;
	if (r) {
		char id[sizeof r->id];
		snprintf(id, sizeof id, "%s", r->id);
		ui_push(&EVALUATION_HISTORY_OPS, id);
	}
	return SCR_HANDLED;
}

/* Back from a group: the counts and the due list again. */
static void lv_resume(struct screen *s)
{
	lv_load(s);
	tlist_reload(s);
}

static const struct tlist_def LV_LIST = {
	.cols = DUE_COLS, .ncols = NDUE, .row_size = sizeof(report_due_row), .count = lv_count,
	.fetch = lv_fetch, .cells = lv_cells, .key = lv_key, .resume = lv_resume, .draw = lv_draw,
	.head_row = LV_DUE_ROW + 1,
};

const struct screen_ops LEVELS_OPS = TLIST_SCREEN("levels", lv_init, HELP_LEVELS,
		HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Buka kelompok")), HINTS_BACK_QUIT);
