/* meeting_list.c - Pertemuan: one group's meetings, newest first (date, place, present of
 * total, dues); add, open and delete a meeting. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "group.h"
#include "i18n.h"
#include "keys.h"
#include "meeting.h"
#include "plist.h"
#include "screens.h"
#include "text.h"

static const struct text_col COLS_DEF[] = {
	{ N_("Tanggal"), 10, 0 },
	{ N_("Tempat"), 20, 1 },
	{ N_("Hadir"), 7, 0 },
	{ N_("Iuran kas"), 12, 0 },
	{ N_("Iuran IKS"), 11, 0 },
};
#define NCOLS 5

struct meeting_list {
	struct plist pl;
	int w[NCOLS];
	char group_id[SK_UUID_LEN + 1];
	sk_group g;
};

static int mlist_count(void *ctx, const char *search)
{
	(void)search;
	struct screen *s = ctx;
	return meeting_count(s->db, ((struct meeting_list *)s->data)->group_id);
}

static int mlist_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		       sk_err *e)
{
	(void)search;
	struct screen *s = ctx;
	return meeting_list(s->db, ((struct meeting_list *)s->data)->group_id, offset, limit, rows,
			    n, e);
}

static void mlist_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct meeting_list *m = ((struct screen *)ctx)->data;
	const sk_meeting_row *r = row;
	char hadir[24], kas[32], iks[32], num[32];
	snprintf(hadir, sizeof hadir, "%3d/%-3d", r->hadir, r->total);
	snprintf(kas, sizeof kas, "%12s", sk_format_rupiah(r->iuran_kas, num, sizeof num));
	snprintf(iks, sizeof iks, "%11s", sk_format_rupiah(r->iuran_iks, num, sizeof num));
	const char *cells[NCOLS] = { r->tanggal, r->tempat, hadir, kas, iks };
	text_row(y, x, cells, NCOLS, m->w, width, selected);
}

static const struct plist_src MLIST_SRC = { mlist_count, mlist_fetch, mlist_row,
					    sizeof(sk_meeting_row) };

static const char *mlist_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Daftar pertemuan satu kelompok, yang terbaru di atas.\n\n"
		 "Kolom: Tanggal pertemuan; Tempat; Hadir = anggota yang hadir dari seluruh anggota "
		 "dalam daftar hadir; Iuran kas dan Iuran IKS = jumlah iuran yang dibayar pada "
		 "pertemuan itu.\n\n"
		 "F3 atau Insert: catat pertemuan baru. Tanggalnya diusulkan satu minggu sesudah "
		 "pertemuan terakhir, semua anggota aktif diisi hadir dan membayar iuran kelompok; "
		 "Anda cukup mengubah yang berbeda.\n"
		 "Enter atau F4: buka pertemuan yang dipilih untuk dilihat atau diubah.\n"
		 "F8 atau Delete: hapus pertemuan yang dipilih (ditanya dulu). Iurannya dibalik di "
		 "buku kas, jadi saldo kas kembali seperti sebelum pertemuan itu.\n\n"
		 "Setiap pertemuan yang disimpan langsung membukukan iuran kas ke buku kas umum dan "
		 "iuran IKS ke buku kas IKS kelompok (lihat menu Kas).\n\n"
		 "Pindah baris dengan panah atas/bawah, PgUp/PgDn, Home/End. Esc kembali.");
}

static void mlist_load(struct screen *s)
{
	struct meeting_list *m = s->data;
	if (group_get(s->db, m->group_id, &m->g, NULL) == SK_OK)
		snprintf(s->title, sizeof s->title, _("Pertemuan kelompok %s"), m->g.nama);
}

static int mlist_init(struct screen *s, void *arg)
{
	struct meeting_list *m = calloc(1, sizeof *m);
	if (!m)
		return -1;
	s->data = m;
	snprintf(m->group_id, sizeof m->group_id, "%s", (const char *)arg);
	mlist_load(s);
	plist_init(&m->pl, &MLIST_SRC, s, 0);
	return 0;
}

/* Rows: 1 the group's dues and activity, 2 headings, 3.. list, bottom row: position. */
static void mlist_resize(struct screen *s)
{
	struct meeting_list *m = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, m->w);
	plist_place(&m->pl, 3, 1, frame_bottom() - 3, COLS - 2);
}

static void mlist_draw(struct screen *s)
{
	struct meeting_list *m = s->data;
	char line[400], kas[32], iks[32], last[16];
	meeting_last_date(s->db, m->group_id, last, sizeof last);
	sk_format_rupiah(m->g.iuran_kas, kas, sizeof kas);
	sk_format_rupiah(m->g.iuran_iks, iks, sizeof iks);
	const char *when = *last ? last : _("belum ada");
	snprintf(line, sizeof line, _("Iuran per anggota: kas Rp %s, IKS Rp %s.  Pertemuan terakhir: %s"),
		 kas, iks, when);
	if (text_width(line) > COLS - 2) /* the short form, never a cut date */
		snprintf(line, sizeof line, _("Iuran: kas Rp %s, IKS Rp %s   Terakhir: %s"), kas, iks,
			 when);
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_DIM));
	text_heads(2, 1, COLS_DEF, NCOLS, m->w);
	plist_draw(&m->pl);
	if (m->pl.total) {
		snprintf(line, sizeof line, _("Pertemuan %d dari %d"), m->pl.sel + 1, m->pl.total);
		text_put(stdscr, frame_bottom(), COLS - 1 - text_width(line), line, text_width(line),
			 ui_attr(R_DIM));
	}
}

static void mlist_delete(struct screen *s, const sk_meeting_row *r)
{
	struct meeting_list *m = s->data;
	char q[300], id[SK_UUID_LEN + 1], tanggal[16];
	snprintf(id, sizeof id, "%s", r->id);
	snprintf(tanggal, sizeof tanggal, "%s", r->tanggal);
	snprintf(q, sizeof q, _("Hapus pertemuan %s? Iurannya dibalik di buku kas. (y/t)"), tanggal);
	if (!dlg_confirm(q))
		return;
	sk_err e;
	sk_err_clear(&e);
	if (meeting_delete(s->db, id, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	plist_reload(&m->pl);
	frame_msg(MSG_INFO, _("Pertemuan %s sudah dihapus; iurannya dibalik di buku kas."), tanggal);
}

static int mlist_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_list *m = s->data;
	const sk_meeting_row *r = plist_current(&m->pl);
	char id[SK_UUID_LEN + 1];
	snprintf(id, sizeof id, "%s", r ? r->id : "");
	struct meeting_form_arg a = { m->group_id, id };
	switch (keys_action(ch, kc)) {
	case ACT_NEW:
		a.meeting_id = NULL;
		ui_push(&MEETING_FORM_OPS, &a);
		return SCR_HANDLED;
	case ACT_EDIT:
	case ACT_ENTER:
		if (r)
			ui_push(&MEETING_FORM_OPS, &a);
		return SCR_HANDLED;
	case ACT_DELETE:
		if (r)
			mlist_delete(s, r);
		return SCR_HANDLED;
	default:
		return plist_key(&m->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void mlist_resume(struct screen *s)
{
	struct meeting_list *m = s->data;
	mlist_load(s);
	plist_reload(&m->pl);
}

static void mlist_free(struct screen *s)
{
	struct meeting_list *m = s->data;
	if (m)
		plist_free(&m->pl);
	free(m);
}

static const struct key_hint MEETING_LIST_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_NEW, NC_("hint", "Baru")),
	HINT(ACT_ENTER, NC_("hint", "Buka")), HINT(ACT_DELETE, NC_("hint", "Hapus")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops MEETING_LIST_OPS = {
	.name = "meetings",
	.init = mlist_init,
	.draw = mlist_draw,
	.key = mlist_key,
	.resize = mlist_resize,
	.free = mlist_free,
	.help = mlist_help,
	.hints = MEETING_LIST_OPS_HINTS,
	.resume = mlist_resume,
};
