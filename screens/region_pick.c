/* region_pick.c - choose a desa/kelurahan from the official list (83,762 villages): type part
 * of the name, the matches show at once, one page at a time. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "keys.h"
#include "plist.h"
#include "region.h"
#include "screens.h"
#include "text.h"

static const struct text_col COLS_DEF[] = {
	{ N_("Desa/kelurahan"), 20, 2 },
	{ N_("Kecamatan"), 16, 1 },
	{ N_("Kabupaten/kota"), 18, 1 },
	{ N_("Kode"), 13, 0 },
};
#define NCOLS 4

struct region_pick {
	struct plist pl;
	int w[NCOLS];
	struct region_pick_arg arg;
};

static int region_pick_count(void *ctx, const char *search)
{
	struct screen *s = ctx;
	return region_search_count(s->db, search);
}

static int region_pick_fetch(void *ctx, const char *search, int offset, int limit, void *rows,
			     int *n, sk_err *e)
{
	struct screen *s = ctx;
	return region_search(s->db, search, offset, limit, rows, n, e);
}

static void region_pick_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct region_pick *p = ((struct screen *)ctx)->data;
	const sk_region *r = row;
	const char *cells[NCOLS] = { r->nama, r->kecamatan, r->kabupaten, r->kode };
	text_row(y, x, cells, NCOLS, p->w, width, selected);
}

static const struct plist_src RP_SRC = {
	region_pick_count, region_pick_fetch, region_pick_row, sizeof(sk_region)
};

static const char *region_pick_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Memilih desa/kelurahan tempat kelompok dari daftar wilayah resmi Kemendagri.\n\n"
		 "Ketik sebagian nama desa atau kelurahan, misalnya \"Galur\"; daftar langsung "
		 "menampilkan yang cocok beserta kecamatan dan kabupaten/kotanya. Desa yang namanya "
		 "persis sama dengan yang diketik tampil paling atas. Kata berikutnya mempersempit "
		 "menurut nama kecamatan atau kabupaten/kota, misalnya \"temas batu\". Bisa juga "
		 "mengetik awal kode wilayah, dengan atau tanpa titik: 31.71.08 atau 317108. "
		 "Backspace menghapus huruf terakhir.\n\n"
		 "Pilih baris dengan panah atas/bawah (PgUp/PgDn untuk halaman), lalu tekan Enter. "
		 "Nama desa yang sama bisa ada di banyak kecamatan: perhatikan kolom Kecamatan "
		 "dan Kabupaten/kota.\n\n"
		 "Esc: batal, kembali ke formulir tanpa mengubah pilihan.");
}

static int region_pick_init(struct screen *s, void *arg)
{
	struct region_pick *p = calloc(1, sizeof *p);
	if (!p)
		return -1;
	s->data = p;
	p->arg = *(const struct region_pick_arg *)arg;
	snprintf(s->title, sizeof s->title, "%s", _("Pilih desa/kelurahan"));
	plist_init(&p->pl, &RP_SRC, s, 1);
	sline_set(&p->pl.search, p->arg.initial);
	p->pl.search_focus = 1;
	p->arg.initial = NULL;
	return 0;
}

static void region_pick_resize(struct screen *s)
{
	struct region_pick *p = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, p->w);
	plist_place(&p->pl, 4, 1, frame_bottom() - 4, COLS - 2);
}

static void region_pick_draw(struct screen *s)
{
	struct region_pick *p = s->data;
	text_put(stdscr, 2, 1, _("Ketik sebagian nama atau awal kode, pilih dengan panah, lalu "
				 "Enter."), COLS - 2, ui_attr(R_DIM));
	text_heads(3, 1, COLS_DEF, NCOLS, p->w);
	plist_draw(&p->pl);
	char pos[128];
	snprintf(pos, sizeof pos, _("Desa %d dari %d"), p->pl.total ? p->pl.sel + 1 : 0,
		 p->pl.total);
	text_put(stdscr, frame_bottom(), COLS - 1 - text_width(pos), pos, text_width(pos),
		 ui_attr(R_DIM));
	p->pl.search_focus = 1;
	plist_draw_search(&p->pl, 1, _("Cari desa/kelurahan:"));
	s->cursor = 1;
}

static int region_pick_key(struct screen *s, wint_t ch, int kc)
{
	struct region_pick *p = s->data;
	const sk_region *r;
	switch (keys_action(ch, kc)) {
	case ACT_ENTER:
		r = plist_current(&p->pl);
		if (r) {
			sk_region chosen = *r;
			ui_pop();
			if (p->arg.done)
				p->arg.done(p->arg.ctx, &chosen);
		}
		return SCR_HANDLED;
	case ACT_BACK:
		ui_pop();
		return SCR_HANDLED;
	default:
		return plist_key(&p->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void region_pick_free(struct screen *s)
{
	struct region_pick *p = s->data;
	if (p)
		plist_free(&p->pl);
	free(p);
}

static const struct key_hint REGION_PICK_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_ENTER, NC_("hint", "Pilih")),
	HINT(ACT_BACK, NC_("hint", "Batal")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops REGION_PICK_OPS = {
	.name = "region-pick",
	.init = region_pick_init,
	.draw = region_pick_draw,
	.key = region_pick_key,
	.resize = region_pick_resize,
	.free = region_pick_free,
	.help = region_pick_help,
	.hints = REGION_PICK_OPS_HINTS,
};
