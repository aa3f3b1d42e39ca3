/* member_search.c - members of every group, found by part of the name or the start of the NIK;
 * Enter opens the member form. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "frame.h"
#include "i18n.h"
#include "keys.h"
#include "member.h"
#include "plist.h"
#include "screens.h"
#include "text.h"

static const struct text_col COLS_DEF[] = {
	{ N_("Nama"), 22, 3 },
	{ N_("NIK"), 16, 0 },
	{ N_("Kelompok"), 18, 2 },
	{ N_("Jabatan"), 11, 0 },
	{ N_("Status"), 6, 0 },
};
#define NCOLS 5

struct member_search {
	struct plist pl;
	int w[NCOLS];
};

static int ms_count(void *ctx, const char *search)
{
	struct screen *s = ctx;
	return member_search_count(s->db, search);
}

static int ms_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	struct screen *s = ctx;
	const struct member_search *m = s->data;
	return member_search_page(s->db, search, offset, limit, m->pl.total, rows, n, e);
}

static void ms_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct member_search *m = ((struct screen *)ctx)->data;
	const sk_member_row *r = row;
	char nik[24];
	member_mask_nik(r->nik, nik, sizeof nik);
	const char *cells[NCOLS] = { r->nama, nik, r->kelompok_nama, _(r->jabatan),
				     r->aktif ? _("aktif") : _("keluar") };
	text_row(y, x, cells, NCOLS, m->w, width, selected);
}

static const struct plist_src MS_SRC = { ms_count, ms_fetch, ms_row, sizeof(sk_member_row) };

static const char *ms_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Mencari anggota dari semua kelompok.\n\n"
		 "Ketik sebagian nama anggota, atau angka-angka awal NIK-nya; daftar langsung "
		 "menyaring. Backspace menghapus huruf terakhir, Esc mengosongkan pencarian "
		 "(Esc sekali lagi kembali ke menu).\n\n"
		 "Pindah baris dengan panah atas/bawah, halaman dengan PgUp/PgDn, Home/End ke "
		 "awal/akhir daftar.\n\n"
		 "Enter atau F4: buka formulir anggota yang dipilih untuk dilihat atau diubah.\n\n"
		 "NIK di daftar disamarkan (hanya 6 angka pertama) untuk melindungi data pribadi; "
		 "NIK lengkap terlihat di formulir anggota. Kolom Kelompok menunjukkan kelompok "
		 "tempat anggota terdaftar. Untuk menambah anggota, buka kelompoknya dari menu "
		 "Kelompok.");
}

static int ms_init(struct screen *s, void *arg)
{
	(void)arg;
	struct member_search *m = calloc(1, sizeof *m);
	if (!m)
		return -1;
	s->data = m;
	snprintf(s->title, sizeof s->title, "%s", _("Cari anggota"));
	plist_init(&m->pl, &MS_SRC, s, 1);
	return 0;
}

static void ms_resize(struct screen *s)
{
	struct member_search *m = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, m->w);
	plist_place(&m->pl, 4, 1, frame_bottom() - 4, COLS - 2);
}

static void ms_draw(struct screen *s)
{
	struct member_search *m = s->data;
	text_heads(3, 1, COLS_DEF, NCOLS, m->w);
	plist_draw(&m->pl);
	char pos[128];
	snprintf(pos, sizeof pos, _("Anggota %d dari %d"), m->pl.total ? m->pl.sel + 1 : 0,
		 m->pl.total);
	text_put(stdscr, frame_bottom(), COLS - 1 - text_width(pos), pos, text_width(pos),
		 ui_attr(R_DIM));
	plist_draw_search(&m->pl, 1, _("Cari nama atau NIK:"));
	s->cursor = 1;
}

static int ms_key(struct screen *s, wint_t ch, int kc)
{
	struct member_search *m = s->data;
	const sk_member_row *r;
	switch (keys_action(ch, kc)) {
	case ACT_EDIT:
	case ACT_ENTER:
		r = plist_current(&m->pl);
		if (r) {
			struct member_form_arg a = { r->kelompok_id, r->id };
			ui_push(&MEMBER_FORM_OPS, &a);
		}
		return SCR_HANDLED;
	default:
		return plist_key(&m->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void ms_resume(struct screen *s)
{
	struct member_search *m = s->data;
	plist_reload(&m->pl);
}

static void ms_free(struct screen *s)
{
	struct member_search *m = s->data;
	if (m)
		plist_free(&m->pl);
	free(m);
}

static const struct key_hint MEMBER_SEARCH_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_ENTER, NC_("hint", "Buka")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops MEMBER_SEARCH_OPS = {
	.name = "member-search",
	.init = ms_init,
	.draw = ms_draw,
	.key = ms_key,
	.resize = ms_resize,
	.free = ms_free,
	.help = ms_help,
	.hints = MEMBER_SEARCH_OPS_HINTS,
	.resume = ms_resume,
};
