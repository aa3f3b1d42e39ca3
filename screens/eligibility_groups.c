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
#include "i18n.h"
#include "keys.h"
#include "plist.h"
#include "screens.h"
#include "text.h"

static const struct text_col COLS_DEF[] = {
	{ "!", 1, 0 },
	{ N_("Kelompok"), 18, 3 },
	{ N_("Desa"), 10, 2 },
	{ N_("Aktif"), 6, 0 },
	{ N_("Dinilai"), 8, 0 },
	{ N_("Miskin"), 6, 0 },
	{ N_("Tdk miskin"), 10, 0 },
	{ N_("Perlu nilai"), 11, 0 },
};
#define NCOLS 8

struct elig_groups {
	struct plist pl;
	int w[NCOLS];
	sk_elig_stats office;
};

/* The list is "all groups" (index 0) followed by the groups matching the search. */
static int eg_count(void *ctx, const char *search)
{
	struct screen *s = ctx;
	return group_count(s->db, search) + 1;
}

static int eg_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	struct screen *s = ctx;
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

static void eg_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct elig_groups *g = ((struct screen *)ctx)->data;
	const sk_elig_group *r = row;
	const sk_elig_stats *st = &r->st;
	char aktif[16], dinilai[16], miskin[16], tidak[24], perlu[16];
	snprintf(aktif, sizeof aktif, "%6d", st->aktif);
	snprintf(dinilai, sizeof dinilai, "%8d", st->dinilai);
	snprintf(miskin, sizeof miskin, "%6d", st->miskin);
	if (st->persen_tidak_miskin >= 0)
		snprintf(tidak, sizeof tidak, "%4d %3d%%", st->tidak_miskin, st->persen_tidak_miskin);
	else
		snprintf(tidak, sizeof tidak, "%4d    -", st->tidak_miskin);
	snprintf(perlu, sizeof perlu, "%11d", st->perlu_dinilai);
	const char *cells[NCOLS] = { st->lewat_batas ? "!" : "", r->nama, r->desa, aktif, dinilai,
				     miskin, tidak, perlu };
	text_row(y, x, cells, NCOLS, g->w, width, selected);
}

static const struct plist_src EG_SRC = { eg_count, eg_fetch, eg_row, sizeof(sk_elig_group) };

static const char *eg_help(void)
{
	/* TRANSLATORS: F1 help text.
	 * xgettext:no-c-format (a help text with a percent sign, not a printf format) */
	return _("Kelayakan: apakah anggota KUBE memang keluarga miskin menurut 14 kriteria "
		 "kemiskinan BPS. Evaluasi menemukan sekitar seperlima anggota KUBE ternyata tidak "
		 "miskin; layar ini menunjukkan di mana hal itu terjadi.\n\n"
		 "Baris atas: angka seluruh kantor. Baris pertama daftar, (Semua kelompok), "
		 "membuka anggota dari semua kelompok; baris lain satu kelompok.\n\n"
		 "Kolom: Aktif = anggota yang masih aktif; Dinilai = yang sudah pernah dinilai; "
		 "Miskin = yang penilaian terakhirnya memenuhi kriteria (skor mencapai ambang, "
		 "biasanya 9 dari 14); Tdk miskin = yang tidak, dengan persennya dari yang dinilai; "
		 "Perlu nilai = belum pernah dinilai, atau penilaian terakhir lebih dari 12 "
		 "bulan yang lalu.\n"
		 "Tanda ! di kolom pertama: lebih dari 20% anggota yang dinilai tidak miskin.\n\n"
		 "Enter: buka daftar anggota kelompok yang dipilih beserta penilaiannya; di sana "
		 "Enter mengisi penilaian baru dan F4 membuka riwayat.\n"
		 "Ketik nama kelompok, kode atau desa untuk mencari; Esc mengosongkan pencarian.");
}

static int eg_init(struct screen *s, void *arg)
{
	(void)arg;
	struct elig_groups *g = calloc(1, sizeof *g);
	if (!g)
		return -1;
	s->data = g;
	snprintf(s->title, sizeof s->title, "%s", _("Kelayakan - kepatuhan kelompok"));
	eligibility_stats(s->db, NULL, NULL, &g->office, NULL);
	plist_init(&g->pl, &EG_SRC, s, 1);
	g->pl.pinned = 1; /* "(Semua kelompok)" */
	return 0;
}

/* Rows: 1 search, 2 office figures, 3 headings, 4.. list, bottom row: position. */
static void eg_resize(struct screen *s)
{
	struct elig_groups *g = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, g->w);
	plist_place(&g->pl, 4, 1, frame_bottom() - 4, COLS - 2);
}

static void eg_draw(struct screen *s)
{
	struct elig_groups *g = s->data;
	const sk_elig_stats *st = &g->office;
	char line[400];
	elig_figures_line(st, _("Kantor: "), COLS - 2, line, sizeof line);
	text_put(stdscr, 2, 1, line, COLS - 2, ui_attr(st->lewat_batas ? R_WARN : R_DIM));
	text_heads(3, 1, COLS_DEF, NCOLS, g->w);
	plist_draw(&g->pl);
	snprintf(line, sizeof line, _("Kelompok %d dari %d"), g->pl.sel, g->pl.total - 1);
	if (g->pl.sel > 0)
		text_put(stdscr, frame_bottom(), COLS - 1 - text_width(line), line, text_width(line),
			 ui_attr(R_DIM));
	plist_draw_search(&g->pl, 1, _("Cari:"));
	s->cursor = 1;
}

static int eg_key(struct screen *s, wint_t ch, int kc)
{
	struct elig_groups *g = s->data;
	const sk_elig_group *r = plist_current(&g->pl);
	char id[SK_UUID_LEN + 1];
	sk_strlcpy(id, r ? r->id : "", sizeof id);
	switch (keys_action(ch, kc)) {
	case ACT_ENTER:
		if (r)
			ui_push(&ELIG_LIST_OPS, *id ? id : NULL);
		return SCR_HANDLED;
	default:
		return plist_key(&g->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void eg_resume(struct screen *s)
{
	struct elig_groups *g = s->data;
	eligibility_stats(s->db, NULL, NULL, &g->office, NULL);
	plist_reload(&g->pl);
}

static void eg_free(struct screen *s)
{
	struct elig_groups *g = s->data;
	if (g)
		plist_free(&g->pl);
	free(g);
}

static const struct key_hint ELIG_GROUPS_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_ENTER, NC_("hint", "Anggota")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops ELIG_GROUPS_OPS = {
	.name = "eligibility-groups",
	.init = eg_init,
	.draw = eg_draw,
	.key = eg_key,
	.resize = eg_resize,
	.free = eg_free,
	.help = eg_help,
	.hints = ELIG_GROUPS_OPS_HINTS,
	.resume = eg_resume,
};
