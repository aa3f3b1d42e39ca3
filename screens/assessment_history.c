/* assessment_history.c - every assessment of one member, latest first: leaving poverty is
 * the programme's goal, so older verdicts stay visible. Add, change or delete from here. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "group.h"
#include "i18n.h"
#include "keys.h"
#include "member.h"
#include "plist.h"
#include "screens.h"
#include "text.h"

static const struct text_col COLS_DEF[] = {
	{ N_("Tanggal"), 10, 0 },
	{ N_("Skor"), 5, 0 },
	{ N_("Kategori"), 12, 0 },
	{ N_("Penilai"), 14, 1 },
	{ N_("Ditimpa"), 11, 0 },
	{ N_("Catatan"), 12, 2 },
};
#define NCOLS 6

struct history {
	struct plist pl;
	int w[NCOLS];
	sk_member m;
	char group_name[SK_NAME_BYTES];
};

static int hi_count(void *ctx, const char *search)
{
	(void)search;
	struct screen *s = ctx;
	struct history *h = s->data;
	return assessment_count(s->db, h->m.id);
}

static int hi_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	(void)search;
	struct screen *s = ctx;
	struct history *h = s->data;
	return assessment_history(s->db, h->m.id, offset, limit, rows, n, e);
}

static void hi_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct history *h = ((struct screen *)ctx)->data;
	const sk_assessment_row *r = row;
	char skor[16];
	snprintf(skor, sizeof skor, "%2d/14", r->skor % 100);
	const char *cells[NCOLS] = { r->tanggal, skor, r->miskin ? _("miskin") : _("tidak miskin"),
				     r->penilai, r->ditimpa, r->catatan };
	text_row(y, x, cells, NCOLS, h->w, width, selected);
}

static const struct plist_src HI_SRC = { hi_count, hi_fetch, hi_row, sizeof(sk_assessment_row) };

static const char *hi_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Riwayat penilaian satu anggota menurut 14 kriteria kemiskinan BPS, yang terbaru "
		 "di atas. Penilaian terbaru (tanggal paling akhir; bila tanggalnya sama, yang "
		 "terakhir disimpan) yang menentukan apakah anggota dihitung miskin. Penilaian lama "
		 "tetap tersimpan supaya kemajuan keluarga terlihat: keluar dari kemiskinan adalah "
		 "tujuan program.\n\n"
		 "Kolom: Skor = jumlah kriteria terpenuhi dari 14; Kategori = miskin atau tidak "
		 "miskin menurut ambang yang berlaku; Ditimpa = kriteria yang jawabannya diisi "
		 "petugas berbeda dari angka (luas lantai, penghasilan, tabungan).\n\n"
		 "F3 atau Insert: penilaian baru.\n"
		 "Enter atau F4: buka penilaian yang dipilih untuk dilihat atau diperbaiki.\n"
		 "F8 atau Delete: hapus penilaian yang dipilih (ditanya dulu), misalnya yang "
		 "salah ketik.");
}

static int hi_init(struct screen *s, void *arg)
{
	struct history *h = calloc(1, sizeof *h);
	if (!h)
		return -1;
	s->data = h;
	sk_err e;
	sk_err_clear(&e);
	sk_group g;
	if (member_get(s->db, arg, &h->m, &e) != SK_OK ||
	    group_get(s->db, h->m.kelompok_id, &g, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return -1;
	}
	sk_strlcpy(h->group_name, g.nama, sizeof h->group_name);
	snprintf(s->title, sizeof s->title, _("Riwayat penilaian - %s (%s)"), h->m.nama, g.nama);
	plist_init(&h->pl, &HI_SRC, s, 0);
	return 0;
}

/* Rows: 1 member, 2 DTSEN, 3 headings, 4.. list, bottom row: position. */
static void hi_resize(struct screen *s)
{
	struct history *h = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, h->w);
	plist_place(&h->pl, 4, 1, frame_bottom() - 4, COLS - 2);
}

static void hi_draw(struct screen *s)
{
	struct history *h = s->data;
	char nik[24], kk[24], line[600], desil[16] = "-";
	/* Full numbers only in the member form. */
	member_mask_nik(h->m.nik, nik, sizeof nik);
	member_mask_nik(h->m.no_kk, kk, sizeof kk);
	snprintf(line, sizeof line, _("NIK %s   No. KK %s   Kelompok %s"), nik, kk, h->group_name);
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_DIM));
	if (h->m.desil_dtsen)
		snprintf(desil, sizeof desil, "%d", h->m.desil_dtsen % 100);
	snprintf(line, sizeof line, _("DTSEN: %s, desil %s   Penilaian: %d kali"),
		 h->m.terdaftar_dtsen ? _("terdaftar") : _("tidak terdaftar"), desil, h->pl.total);
	text_put(stdscr, 2, 1, line, COLS - 2, ui_attr(R_DIM));
	text_heads(3, 1, COLS_DEF, NCOLS, h->w);
	plist_draw(&h->pl);
	if (h->pl.total) {
		snprintf(line, sizeof line, _("Penilaian %d dari %d"), h->pl.sel + 1, h->pl.total);
		text_put(stdscr, frame_bottom(), COLS - 1 - text_width(line), line, text_width(line),
			 ui_attr(R_DIM));
	}
}

static void hi_delete(struct screen *s, const sk_assessment_row *r)
{
	struct history *h = s->data;
	char q[200], id[SK_UUID_LEN + 1];
	snprintf(q, sizeof q, _("Hapus penilaian tanggal %s (skor %d)? (y/t)"), r->tanggal, r->skor);
	sk_strlcpy(id, r->id, sizeof id);
	if (!dlg_confirm(q))
		return;
	sk_err e;
	sk_err_clear(&e);
	if (assessment_delete(s->db, id, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	plist_reload(&h->pl);
	frame_msg(MSG_INFO, "%s", _("Penilaian sudah dihapus."));
}

static int hi_key(struct screen *s, wint_t ch, int kc)
{
	struct history *h = s->data;
	const sk_assessment_row *r = plist_current(&h->pl);
	struct assessment_form_arg a = { h->m.id, r ? r->id : NULL };
	switch (keys_action(ch, kc)) {
	case ACT_NEW:
		a.assessment_id = NULL;
		ui_push(&ASSESSMENT_FORM_OPS, &a);
		return SCR_HANDLED;
	case ACT_ENTER:
	case ACT_EDIT:
		if (r)
			ui_push(&ASSESSMENT_FORM_OPS, &a);
		return SCR_HANDLED;
	case ACT_DELETE:
		if (r)
			hi_delete(s, r);
		return SCR_HANDLED;
	default:
		return plist_key(&h->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void hi_resume(struct screen *s)
{
	struct history *h = s->data;
	plist_reload(&h->pl);
}

static void hi_free(struct screen *s)
{
	struct history *h = s->data;
	if (h)
		plist_free(&h->pl);
	free(h);
}

static const struct key_hint ASSESSMENT_HISTORY_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_NEW, NC_("hint", "Baru")),
	HINT(ACT_ENTER, NC_("hint", "Buka")), HINT(ACT_DELETE, NC_("hint", "Hapus")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops ASSESSMENT_HISTORY_OPS = {
	.name = "assessment-history",
	.init = hi_init,
	.draw = hi_draw,
	.key = hi_key,
	.resize = hi_resize,
	.free = hi_free,
	.help = hi_help,
	.hints = ASSESSMENT_HISTORY_OPS_HINTS,
	.resume = hi_resume,
};
