/* eligibility_list.c - the active members of one group (or of all groups) with their latest
 * assessment, DTSEN registration and decile, and who is due for (re-)assessment. Enter opens
 * a new assessment, F4 the member's history, F6 changes which members are shown. */
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

enum { C_NAMA, C_KELOMPOK, C_TANGGAL, C_SKOR, C_KATEGORI, C_DTSEN, C_STATUS, NCOLS };
/* The cells follow these columns (lists.tsv); one group's list has no group column. */
_Static_assert(LIST_ELIG_ALL_N == NCOLS && LIST_ELIG_GROUP_N == NCOLS - 1,
	       "lists.tsv: elig_all has the columns of the enum, elig_group all but C_KELOMPOK");

static const char *const FILTER_LABELS[ELIG_FILTERS] = {
	N_("semua anggota aktif"), N_("perlu dinilai"), N_("tidak miskin")
};

struct elig_list {
	struct tlist tl;
	char group_id[SK_UUID_LEN + 1];   /* "" = all groups */
	enum elig_filter filter;
	sk_elig_stats st;
};

static void query(const struct screen *s, const char *search, sk_elig_query *q)
{
	const struct elig_list *l = s->data;
	memset(q, 0, sizeof *q);
	q->group_id = *l->group_id ? l->group_id : NULL;
	q->search = search;
	q->filter = l->filter;
}

static int el_count(struct screen *s, const char *search)
{
	sk_elig_query q;
	query(s, search, &q);
	return eligibility_count(s->db, &q);
}

static int el_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	sk_elig_query q;
	query(s, search, &q);
	return eligibility_list(s->db, &q, offset, limit, rows, n, e);
}

static void el_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	const struct elig_list *l = s->data;
	const sk_elig_row *r = row;
	buf[C_SKOR][0] = '\0';
	if (r->dinilai)
		snprintf(buf[C_SKOR], TLIST_CELL, "%2d/14", r->skor % 100);
	if (r->terdaftar_dtsen && r->desil_dtsen)
		snprintf(buf[C_DTSEN], TLIST_CELL, _("ya d%d"), r->desil_dtsen % 100);
	else
		snprintf(buf[C_DTSEN], TLIST_CELL, "%s", r->terdaftar_dtsen ? _("ya") : _("tidak"));
	const char *all[NCOLS] = {
		r->nama, r->kelompok_nama, r->dinilai ? r->tanggal : "-", buf[C_SKOR],
		!r->dinilai ? "" : r->miskin ? _("miskin") : _("tidak miskin"), buf[C_DTSEN],
		!r->dinilai ? _("belum dinilai") : r->perlu_dinilai ? _("nilai ulang") : ""
	};
	/* One group's list has no group column: the cells after the name move left. */
	for (int i = 0, j = 0; i < NCOLS; i++)
		if (i != C_KELOMPOK || !*l->group_id)
			cells[j++] = all[i];
}

/* Enter: a new assessment of the member selected; F4: the member's assessments; F6: the next
 * filter. */
static int el_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	struct elig_list *l = s->data;
	const sk_elig_row *r = row;
	struct assessment_form_arg a = { r ? r->anggota_id : NULL, NULL };
	switch (keys_action(ch, kc)) {
	case ACT_ENTER:
		if (r)
			ui_push(&ASSESSMENT_FORM_OPS, &a);
		return SCR_HANDLED;
	case ACT_EDIT:
		if (r)
			ui_push(&ASSESSMENT_HISTORY_OPS, (void *)r->anggota_id);
		return SCR_HANDLED;
	case ACT_OPTION:
		l->filter = (l->filter + 1) % ELIG_FILTERS;
		l->tl.pl.sel = l->tl.pl.top = 0;
		tlist_reload(s);
		return SCR_HANDLED;
	default:
		return SCR_UNHANDLED;
	}
}

static void load_title(struct screen *s)
{
	struct elig_list *l = s->data;
	eligibility_stats(s->db, *l->group_id ? l->group_id : NULL, NULL, &l->st, NULL);
	if (!*l->group_id)
		snprintf(s->title, sizeof s->title, "%s", _("Kelayakan - semua kelompok"));
	else /* xgettext:c-format */
		screen_group_title(s, l->group_id, NULL, N_("Kelayakan - kelompok %s"));
}

static const struct tlist_def EL_GROUP_LIST, EL_ALL_LIST;

static int el_init(struct screen *s, void *arg)
{
	struct elig_list *l = tlist_new(s, sizeof *l, arg ? &EL_GROUP_LIST : &EL_ALL_LIST);
	if (!l)
		return -1;
	if (arg)
		sk_strlcpy(l->group_id, arg, sizeof l->group_id);
	load_title(s);
	return 0;
}

static void draw_figures(struct elig_list *l)
{
	char line[400];
	const sk_elig_stats *st = &l->st;
	elig_figures_line(st, st->lewat_batas ? _("! Anggota ") : _("Anggota "), COLS - 2, line, sizeof line);
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(st->lewat_batas ? R_WARN : R_DIM));
}

static void el_draw(struct screen *s)
{
	struct elig_list *l = s->data;
	draw_figures(l);
	char line[160];
	char key[16];
	snprintf(line, sizeof line, _("Tampil: %s (%s ganti)"), _(FILTER_LABELS[l->filter]),
		 keys_name(ACT_OPTION, key, sizeof key));
	text_put(stdscr, frame_bottom(), 1, line, COLS / 2, ui_attr(R_DIM));
}

/* Back from the form: the figures and the list again. */
static void el_resume(struct screen *s)
{
	load_title(s);
	tlist_reload(s);
}

/* Rows: 1 figures, 2 search, 3 headings, 4.. list, bottom row: filter and position. */
static const struct tlist_def EL_GROUP_LIST = {
	.cols = LIST_ELIG_GROUP, .ncols = LIST_ELIG_GROUP_N, .row_size = sizeof(sk_elig_row),
	.count = el_count, .fetch = el_fetch, .cells = el_cells, .key = el_key,
	.resume = el_resume, .draw = el_draw, .head_row = 3, .searchable = 1,
	.search_label = N_("Cari:"), .search_row = 2, .position = N_("Anggota %d dari %d"),
};
static const struct tlist_def EL_ALL_LIST = {
	.cols = LIST_ELIG_ALL, .ncols = LIST_ELIG_ALL_N, .row_size = sizeof(sk_elig_row),
	.count = el_count, .fetch = el_fetch, .cells = el_cells, .key = el_key,
	.resume = el_resume, .draw = el_draw, .head_row = 3, .searchable = 1,
	.search_label = N_("Cari:"), .search_row = 2, .position = N_("Anggota %d dari %d"),
};

const struct screen_ops ELIG_LIST_OPS =
	TLIST_SCREEN("eligibility", el_init, HELP_ELIGIBILITY_LIST,
		HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Nilai")), HINT(ACT_EDIT, NC_("hint", "Riwayat")),
		HINT(ACT_OPTION, NC_("hint", "Saring")), HINTS_BACK_QUIT);
