/* group_pick.c - choose the group whose meetings, cash books or reports to open: the groups
 * list (type to search), Enter opens the part for the chosen group; Esc comes back here. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "group.h"
#include "i18n.h"
#include "keys.h"
#include "plist.h"
#include "screens.h"
#include "text.h"

static const struct text_col COLS_DEF[] = {
	{ N_("Kode"), 8, 1 },
	{ N_("Nama kelompok"), 20, 4 },
	{ N_("Desa/kelurahan"), 14, 3 },
	{ N_("Anggota"), 7, 0 },
	{ N_("Pertemuan"), 11, 0 },
};
#define NCOLS 5

/* What the picker opens: title msgid and the screen taking the group id; F6 opens option
 * (when not NULL), which note (a msgid) names. */
struct pick_kind {
	const char *title;
	const struct screen_ops *next;
	const struct screen_ops *option;
	const char *note;
};

struct group_pick {
	struct plist pl;
	int w[NCOLS];
	const struct pick_kind *kind;
};

static int gp_count(void *ctx, const char *search)
{
	return group_count(((struct screen *)ctx)->db, search);
}

static int gp_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	return group_list(((struct screen *)ctx)->db, search, offset, limit, rows, n, e);
}

static void gp_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct group_pick *g = ((struct screen *)ctx)->data;
	const sk_group_row *r = row;
	char aktif[16];
	snprintf(aktif, sizeof aktif, "%7d", r->anggota_aktif);
	const char *last = r->tidak_aktif ? _("TIDAK AKTIF") : r->pertemuan_terakhir;
	const char *cells[NCOLS] = { r->kode, r->nama, r->desa, aktif, last };
	text_row(y, x, cells, NCOLS, g->w, width, selected);
}

static const struct plist_src GP_SRC = { gp_count, gp_fetch, gp_row, sizeof(sk_group_row) };

static const char *gp_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Pilih kelompok yang akan dibuka.\n\n"
		 "Ketik sebagian nama kelompok, kodenya atau nama desa untuk mencari; Backspace "
		 "menghapus huruf terakhir, Esc mengosongkan pencarian (Esc sekali lagi kembali ke "
		 "menu). Pindah baris dengan panah atas/bawah, PgUp/PgDn, Home/End.\n\n"
		 "Enter: buka kelompok yang dipilih.\n\n"
		 "Kolom Anggota: jumlah anggota aktif. Kolom Pertemuan: tanggal pertemuan terakhir; "
		 "TIDAK AKTIF berarti kelompok itu tidak mengadakan pertemuan selama 4 minggu "
		 "terakhir.");
}

static int gp_init_kind(struct screen *s, const struct pick_kind *kind)
{
	struct group_pick *g = calloc(1, sizeof *g);
	if (!g)
		return -1;
	s->data = g;
	g->kind = kind;
	snprintf(s->title, sizeof s->title, "%s", _(kind->title));
	plist_init(&g->pl, &GP_SRC, s, 1);
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

/* Rows: 1 search, 2 what Enter does, 3 headings, 4.. list, bottom row: position. */
static void gp_resize(struct screen *s)
{
	struct group_pick *g = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, g->w);
	plist_place(&g->pl, 4, 1, frame_bottom() - 4, COLS - 2);
}

static void gp_draw(struct screen *s)
{
	struct group_pick *g = s->data;
	char line[160];
	text_put(stdscr, 2, 1, g->kind->note ? _(g->kind->note)
		 : _("Pilih kelompok dengan panah lalu Enter."), COLS - 2, ui_attr(R_DIM));
	text_heads(3, 1, COLS_DEF, NCOLS, g->w);
	plist_draw(&g->pl);
	snprintf(line, sizeof line, _("Kelompok %d dari %d"), g->pl.total ? g->pl.sel + 1 : 0,
		 g->pl.total);
	text_put(stdscr, frame_bottom(), COLS - 1 - text_width(line), line, text_width(line),
		 ui_attr(R_DIM));
	plist_draw_search(&g->pl, 1, _("Cari:"));
	s->cursor = 1;
}

static int gp_key(struct screen *s, wint_t ch, int kc)
{
	struct group_pick *g = s->data;
	const sk_group_row *r = plist_current(&g->pl);
	if (keys_action(ch, kc) == ACT_OPTION && g->kind->option) {
		ui_push(g->kind->option, NULL);
		return SCR_HANDLED;
	}
	if (keys_action(ch, kc) == ACT_ENTER) {
		if (r) {
			char id[SK_UUID_LEN + 1];
			snprintf(id, sizeof id, "%s", r->id);
			ui_push(g->kind->next, id);
		}
		return SCR_HANDLED;
	}
	return plist_key(&g->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
}

static void gp_resume(struct screen *s)
{
	plist_reload(&((struct group_pick *)s->data)->pl);
}

static void gp_free(struct screen *s)
{
	struct group_pick *g = s->data;
	if (g)
		plist_free(&g->pl);
	free(g);
}

static const struct key_hint GROUP_PICK_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_ENTER, NC_("hint", "Buka")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};
/* Laporan's choice of group also opens the development levels of all groups (F6). */
static const struct key_hint REPORT_PICK_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_ENTER, NC_("hint", "Buka")),
	HINT(ACT_OPTION, NC_("hint", "Tingkat")), HINT(ACT_BACK, NC_("hint", "Kembali")),
	HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

#define GROUP_PICK_OPS(ident, id_name, initf, hint_line) \
	const struct screen_ops ident = { \
		.name = id_name, \
		.init = initf, \
		.draw = gp_draw, \
		.key = gp_key, \
		.resize = gp_resize, \
		.free = gp_free, \
		.help = gp_help, \
		.hints = hint_line, \
		.resume = gp_resume, \
	}

GROUP_PICK_OPS(MEETING_GROUPS_OPS, "meeting-groups", gp_init_meetings, GROUP_PICK_HINTS);
GROUP_PICK_OPS(CASH_GROUPS_OPS, "cash-groups", gp_init_cash, GROUP_PICK_HINTS);
GROUP_PICK_OPS(REPORT_GROUPS_OPS, "report-groups", gp_init_reports, REPORT_PICK_HINTS);
