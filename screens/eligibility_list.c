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
#include "i18n.h"
#include "keys.h"
#include "plist.h"
#include "screens.h"
#include "text.h"

enum { C_NAMA, C_KELOMPOK, C_TANGGAL, C_SKOR, C_KATEGORI, C_DTSEN, C_STATUS, NCOLS };

static const struct text_col COLS_GROUP[NCOLS] = {
	{ N_("Nama"), 20, 1 }, { "", 0, 0 }, { N_("Dinilai"), 10, 0 }, { N_("Skor"), 5, 0 },
	{ N_("Kategori"), 12, 0 }, { N_("DTSEN"), 7, 0 }, { N_("Keterangan"), 13, 0 },
};
static const struct text_col COLS_ALL[NCOLS] = {
	{ N_("Nama"), 12, 3 }, { N_("Kelompok"), 10, 2 }, { N_("Dinilai"), 10, 0 },
	{ N_("Skor"), 5, 0 }, { N_("Kategori"), 12, 0 }, { N_("DTSEN"), 7, 0 },
	{ N_("Keterangan"), 13, 0 },
};

static const char *const FILTER_LABELS[ELIG_FILTERS] = {
	N_("semua anggota aktif"), N_("perlu dinilai"), N_("tidak miskin")
};

struct elig_list {
	struct plist pl;
	int w[NCOLS];
	char group_id[SK_UUID_LEN + 1];   /* "" = all groups */
	enum elig_filter filter;
	sk_elig_stats st;
};

static const struct text_col *cols(const struct elig_list *l)
{
	return *l->group_id ? COLS_GROUP : COLS_ALL;
}

static void query(const struct screen *s, const char *search, sk_elig_query *q)
{
	const struct elig_list *l = s->data;
	memset(q, 0, sizeof *q);
	q->group_id = *l->group_id ? l->group_id : NULL;
	q->search = search;
	q->filter = l->filter;
}

static int el_count(void *ctx, const char *search)
{
	struct screen *s = ctx;
	sk_elig_query q;
	query(s, search, &q);
	return eligibility_count(s->db, &q);
}

static int el_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	struct screen *s = ctx;
	sk_elig_query q;
	query(s, search, &q);
	return eligibility_list(s->db, &q, offset, limit, rows, n, e);
}

static void el_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct elig_list *l = ((struct screen *)ctx)->data;
	const sk_elig_row *r = row;
	char skor[16] = "", dtsen[16];
	if (r->dinilai)
		snprintf(skor, sizeof skor, "%2d/14", r->skor % 100);
	if (r->terdaftar_dtsen && r->desil_dtsen)
		snprintf(dtsen, sizeof dtsen, _("ya d%d"), r->desil_dtsen % 100);
	else
		snprintf(dtsen, sizeof dtsen, "%s", r->terdaftar_dtsen ? _("ya") : _("tidak"));
	const char *cells[NCOLS] = {
		r->nama, r->kelompok_nama, r->dinilai ? r->tanggal : "-", skor,
		!r->dinilai ? "" : r->miskin ? _("miskin") : _("tidak miskin"), dtsen,
		!r->dinilai ? _("belum dinilai") : r->perlu_dinilai ? _("nilai ulang") : ""
	};
	if (*l->group_id) {
		/* No group column: shift the cells after the name left. */
		const char *c2[NCOLS - 1] = { cells[0], cells[2], cells[3], cells[4], cells[5], cells[6] };
		int w2[NCOLS - 1] = { l->w[0], l->w[2], l->w[3], l->w[4], l->w[5], l->w[6] };
		text_row(y, x, c2, NCOLS - 1, w2, width, selected);
	} else {
		text_row(y, x, cells, NCOLS, l->w, width, selected);
	}
}

static const struct plist_src EL_SRC = { el_count, el_fetch, el_row, sizeof(sk_elig_row) };

static const char *el_help(void)
{
	/* TRANSLATORS: F1 help text.
	 * xgettext:no-c-format (a help text with a percent sign, not a printf format) */
	return _("Kelayakan anggota: setiap anggota aktif dengan penilaian terakhirnya menurut 14 "
		 "kriteria kemiskinan BPS. Anggota yang sudah keluar tidak ditampilkan.\n\n"
		 "Baris atas meringkas kelompok: anggota aktif, yang sudah dinilai, yang miskin "
		 "(memenuhi kriteria), yang tidak miskin beserta persennya, dan yang perlu dinilai. "
		 "Tanda ! berarti lebih dari 20% anggota yang dinilai ternyata tidak miskin; "
		 "penerima KUBE seharusnya keluarga miskin.\n\n"
		 "Kolom: Dinilai = tanggal penilaian terakhir; Skor = jumlah kriteria yang "
		 "terpenuhi dari 14; Kategori = miskin bila skor mencapai ambang (biasanya 9); "
		 "DTSEN = terdaftar di Data Tunggal Sosial dan Ekonomi Nasional, dengan desilnya "
		 "(d1 paling miskin); Keterangan = belum dinilai, atau nilai ulang bila penilaian "
		 "terakhir lebih dari 12 bulan yang lalu.\n\n"
		 "Enter: isi penilaian baru untuk anggota yang dipilih.\n"
		 "F4: riwayat penilaian anggota itu (penilaian lama tetap tersimpan).\n"
		 "F6: ganti yang ditampilkan: semua anggota aktif, hanya yang perlu dinilai, atau "
		 "hanya yang tidak miskin.\n"
		 "Ketik nama atau awal NIK untuk mencari; Esc mengosongkan pencarian.");
}

static void load_title(struct screen *s)
{
	struct elig_list *l = s->data;
	sk_group g;
	eligibility_stats(s->db, *l->group_id ? l->group_id : NULL, NULL, &l->st, NULL);
	if (!*l->group_id)
		snprintf(s->title, sizeof s->title, "%s", _("Kelayakan - semua kelompok"));
	else if (group_get(s->db, l->group_id, &g, NULL) == SK_OK)
		snprintf(s->title, sizeof s->title, _("Kelayakan - kelompok %s"), g.nama);
}

static int el_init(struct screen *s, void *arg)
{
	struct elig_list *l = calloc(1, sizeof *l);
	if (!l)
		return -1;
	s->data = l;
	if (arg)
		sk_strlcpy(l->group_id, arg, sizeof l->group_id);
	load_title(s);
	plist_init(&l->pl, &EL_SRC, s, 1);
	return 0;
}

/* Rows: 1 figures, 2 search, 3 headings, 4.. list, bottom row: filter and position. */
static void el_resize(struct screen *s)
{
	struct elig_list *l = s->data;
	if (*l->group_id) {
		struct text_col c[NCOLS - 1];
		int w[NCOLS - 1];
		for (int i = 0, j = 0; i < NCOLS; i++)
			if (i != C_KELOMPOK)
				c[j++] = COLS_GROUP[i];
		text_cols(c, NCOLS - 1, COLS - 2, w);
		for (int i = 0, j = 0; i < NCOLS; i++)
			l->w[i] = i == C_KELOMPOK ? 0 : w[j++];
	} else {
		text_cols(COLS_ALL, NCOLS, COLS - 2, l->w);
	}
	plist_place(&l->pl, 4, 1, frame_bottom() - 4, COLS - 2);
}

static void draw_figures(struct elig_list *l)
{
	char line[400];
	const sk_elig_stats *st = &l->st;
	elig_figures_line(st, st->lewat_batas ? _("! Anggota ") : _("Anggota "), COLS - 2, line, sizeof line);
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(st->lewat_batas ? R_WARN : R_DIM));
}

static void draw_heads(struct elig_list *l)
{
	const struct text_col *c = cols(l);
	int x = 1;
	for (int i = 0; i < NCOLS; i++) {
		if (!l->w[i])
			continue;
		text_put(stdscr, 3, x, _(c[i].head), l->w[i], ui_attr(R_HEADER));
		x += l->w[i] + 1;
	}
}

static void el_draw(struct screen *s)
{
	struct elig_list *l = s->data;
	draw_figures(l);
	draw_heads(l);
	plist_draw(&l->pl);
	char line[160];
	char key[16];
	snprintf(line, sizeof line, _("Tampil: %s (%s ganti)"), _(FILTER_LABELS[l->filter]),
		 keys_name(ACT_OPTION, key, sizeof key));
	text_put(stdscr, frame_bottom(), 1, line, COLS / 2, ui_attr(R_DIM));
	if (l->pl.total) {
		snprintf(line, sizeof line, _("Anggota %d dari %d"), l->pl.sel + 1, l->pl.total);
		text_put(stdscr, frame_bottom(), COLS - 1 - text_width(line), line, text_width(line),
			 ui_attr(R_DIM));
	}
	plist_draw_search(&l->pl, 2, _("Cari:"));
	s->cursor = 1;
}

static int el_key(struct screen *s, wint_t ch, int kc)
{
	struct elig_list *l = s->data;
	const sk_elig_row *r = plist_current(&l->pl);
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
		l->pl.sel = l->pl.top = 0;
		plist_reload(&l->pl);
		return SCR_HANDLED;
	default:
		return plist_key(&l->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void el_resume(struct screen *s)
{
	struct elig_list *l = s->data;
	load_title(s);
	plist_reload(&l->pl);
}

static void el_free(struct screen *s)
{
	struct elig_list *l = s->data;
	if (l)
		plist_free(&l->pl);
	free(l);
}

static const struct key_hint ELIG_LIST_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_ENTER, NC_("hint", "Nilai")),
	HINT(ACT_EDIT, NC_("hint", "Riwayat")), HINT(ACT_OPTION, NC_("hint", "Saring")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops ELIG_LIST_OPS = {
	.name = "eligibility",
	.init = el_init,
	.draw = el_draw,
	.key = el_key,
	.resize = el_resize,
	.free = el_free,
	.help = el_help,
	.hints = ELIG_LIST_OPS_HINTS,
	.resume = el_resume,
};
