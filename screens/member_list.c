/* member_list.c - the members of one group: page through, add, edit, delete. */
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
#include "member.h"
#include "plist.h"
#include "screens.h"
#include "text.h"

static const struct text_col COLS_DEF[] = {
	{ N_("Nama"), 24, 1 },
	{ N_("NIK"), 16, 0 },
	{ N_("L/P"), 3, 0 },
	{ N_("Jabatan"), 11, 0 },
	{ N_("Status"), 7, 0 },
};
#define NCOLS 5

struct member_list {
	struct plist pl;
	int w[NCOLS];
	char group_id[SK_UUID_LEN + 1];
	char group_name[SK_NAME_BYTES];
	int active;
	int trash;           /* 1: the group's deleted members, to restore (F8) */
};

static int ml_count(void *ctx, const char *search)
{
	(void)search;
	struct screen *s = ctx;
	struct member_list *m = s->data;
	return m->trash ? member_count_group_deleted(s->db, m->group_id)
			: member_count_group(s->db, m->group_id);
}

static int ml_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	(void)search;
	struct screen *s = ctx;
	struct member_list *m = s->data;
	return m->trash ? member_list_group_deleted(s->db, m->group_id, offset, limit, rows, n, e)
			: member_list_group(s->db, m->group_id, offset, limit, rows, n, e);
}

static void ml_row(void *ctx, const void *row, int y, int x, int width, int selected)
{
	struct member_list *m = ((struct screen *)ctx)->data;
	const sk_member_row *r = row;
	char nik[24];
	member_mask_nik(r->nik, nik, sizeof nik);
	const char *cells[NCOLS] = { r->nama, nik, r->jenis_kelamin, _(r->jabatan),
				     r->aktif ? _("aktif") : _("keluar") };
	text_row(y, x, cells, NCOLS, m->w, width, selected);
}

static const struct plist_src ML_SRC = { ml_count, ml_fetch, ml_row, sizeof(sk_member_row) };

static const char *ml_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Daftar anggota satu kelompok. Anggota aktif di atas, yang sudah keluar di "
		 "bawah, masing-masing urut nama.\n\n"
		 "Pindah baris dengan panah atas/bawah, halaman dengan PgUp/PgDn, Home/End ke "
		 "awal/akhir.\n\n"
		 "F3 atau Insert: tambah anggota baru ke kelompok ini.\n"
		 "Enter atau F4: buka data anggota yang dipilih untuk dilihat atau diubah.\n"
		 "F8 atau Delete: hapus anggota yang dipilih (ditanya dulu; pertanyaannya menyebut "
		 "berapa pertemuan, iuran dan penilaian yang tercatat atas namanya). Anggota yang "
		 "berhenti sebaiknya tidak dihapus, tetapi diisi tanggal keluarnya.\n"
		 "F6: anggota kelompok ini yang terhapus; di sana F8 memulihkan yang terhapus "
		 "karena salah pilih.\n\n"
		 "Kolom NIK sengaja disamarkan (hanya 6 angka pertama) untuk melindungi data "
		 "pribadi; NIK lengkap terlihat di formulir anggota.\n"
		 "L/P = laki-laki atau perempuan. Jabatan = ketua, sekretaris, bendahara atau "
		 "anggota. Status = aktif atau keluar.\n\n"
		 "Aturan KUBE: satu kelompok berisi 5 sampai 20 kepala keluarga.");
}

static void load_group(struct screen *s)
{
	struct member_list *m = s->data;
	sk_group g;
	if (group_get(s->db, m->group_id, &g, NULL) == SK_OK)
		snprintf(m->group_name, sizeof m->group_name, "%s", g.nama);
	m->active = group_active_members(s->db, m->group_id);
	snprintf(s->title, sizeof s->title, m->trash ? _("Anggota terhapus - kelompok %s")
						     : _("Anggota kelompok %s"), m->group_name);
}

static const char *ml_trash_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Anggota kelompok ini yang terhapus. Datanya masih ada di berkas.\n\n"
		 "F8: pulihkan anggota yang dipilih (ditanya dulu). Anggota tidak dapat dipulihkan "
		 "bila NIK-nya sekarang aktif di kelompok lain, atau bila jabatannya (ketua, "
		 "sekretaris, bendahara) sudah dipegang anggota lain: alasannya ditulis di bawah.\n"
		 "Esc kembali ke daftar anggota.");
}

static int ml_open(struct screen *s, const char *group_id, int trash)
{
	struct member_list *m = calloc(1, sizeof *m);
	if (!m)
		return -1;
	s->data = m;
	m->trash = trash;
	snprintf(m->group_id, sizeof m->group_id, "%s", group_id);
	load_group(s);
	plist_init(&m->pl, &ML_SRC, s, 0);
	return 0;
}

static int ml_init(struct screen *s, void *arg)
{
	return ml_open(s, arg, 0);
}

static int ml_trash_init(struct screen *s, void *arg)
{
	return ml_open(s, arg, 1);
}

static void ml_resize(struct screen *s)
{
	struct member_list *m = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, m->w);
	plist_place(&m->pl, 3, 1, frame_bottom() - 3, COLS - 2);
}

static void ml_draw(struct screen *s)
{
	struct member_list *m = s->data;
	char line[256];
	snprintf(line, sizeof line, _("Anggota aktif: %d (aturan KUBE: %d sampai %d)"), m->active,
		 GROUP_MIN_MEMBERS, GROUP_MAX_MEMBERS);
	int bad = m->active < GROUP_MIN_MEMBERS || m->active > GROUP_MAX_MEMBERS;
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(bad ? R_WARN : R_DIM));
	text_heads(2, 1, COLS_DEF, NCOLS, m->w);
	plist_draw(&m->pl);
	if (m->pl.total) {
		snprintf(line, sizeof line, _("Anggota %d dari %d"), m->pl.sel + 1, m->pl.total);
		text_put(stdscr, frame_bottom(), COLS - 1 - text_width(line), line, text_width(line),
			 ui_attr(R_DIM));
	}
}

static void ml_delete(struct screen *s, const sk_member_row *r)
{
	struct member_list *m = s->data;
	char q[900], nama[SK_NAME_BYTES], iuran[32];
	sk_member_links l;
	sk_err e;
	sk_err_clear(&e);
	snprintf(nama, sizeof nama, "%s", r->nama);
	if (member_links(s->db, r->id, &l, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	snprintf(q, sizeof q, _("Hapus anggota %s? Tercatat di %d pertemuan (iuran Rp %s) dan %d "
				"penilaian. Anggota yang berhenti cukup diisi tanggal keluarnya. Bisa "
				"dipulihkan lewat F6. (y/t)"),
		 nama, l.pertemuan, sk_format_rupiah(l.iuran, iuran, sizeof iuran), l.penilaian);
	if (!dlg_confirm(q))
		return;
	if (member_delete(s->db, r->id, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	load_group(s);
	plist_reload(&m->pl);
	frame_msg(MSG_INFO, _("Anggota %s sudah dihapus (F6: yang terhapus, untuk memulihkan)."), nama);
}

static void ml_restore(struct screen *s, const sk_member_row *r)
{
	struct member_list *m = s->data;
	char q[600], nama[SK_NAME_BYTES], id[SK_UUID_LEN + 1];
	snprintf(nama, sizeof nama, "%s", r->nama);
	snprintf(id, sizeof id, "%s", r->id);
	snprintf(q, sizeof q, _("Pulihkan anggota %s? (y/t)"), nama);
	if (!dlg_ask(q, 1))
		return;
	sk_issues is;
	sk_err e;
	sk_err_clear(&e);
	if (member_restore(s->db, id, &is, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	load_group(s);
	plist_reload(&m->pl);
	frame_msg(MSG_INFO, _("Anggota %s dipulihkan."), nama);
}

static int ml_key(struct screen *s, wint_t ch, int kc)
{
	struct member_list *m = s->data;
	const sk_member_row *r = plist_current(&m->pl);
	struct member_form_arg a = { m->group_id, r ? r->id : NULL };
	enum action act = keys_action(ch, kc);
	if (m->trash) {
		if (act == ACT_DELETE && r)
			ml_restore(s, r);
		if (act == ACT_DELETE)
			return SCR_HANDLED;
		return plist_key(&m->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
	switch (act) {
	case ACT_NEW:
		a.member_id = NULL;
		ui_push(&MEMBER_FORM_OPS, &a);
		return SCR_HANDLED;
	case ACT_EDIT:
	case ACT_ENTER:
		if (r)
			ui_push(&MEMBER_FORM_OPS, &a);
		return SCR_HANDLED;
	case ACT_DELETE:
		if (r)
			ml_delete(s, r);
		return SCR_HANDLED;
	case ACT_OPTION:
		ui_push(&MEMBER_TRASH_OPS, m->group_id);
		return SCR_HANDLED;
	default:
		return plist_key(&m->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void ml_resume(struct screen *s)
{
	struct member_list *m = s->data;
	char id[SK_UUID_LEN + 1];
	int saved = !m->trash && ui_result_take(id, sizeof id);
	load_group(s);
	plist_reload(&m->pl);
	if (saved) /* the cursor goes to the member just saved */
		plist_select(&m->pl, member_position(s->db, id));
}

static void ml_free(struct screen *s)
{
	struct member_list *m = s->data;
	if (m)
		plist_free(&m->pl);
	free(m);
}

static const struct key_hint MEMBER_TRASH_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_DELETE, NC_("hint", "Pulihkan")),
	HINT(ACT_BACK, NC_("hint", "Kembali")), HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops MEMBER_TRASH_OPS = {
	.name = "members-deleted",
	.init = ml_trash_init,
	.draw = ml_draw,
	.key = ml_key,
	.resize = ml_resize,
	.free = ml_free,
	.help = ml_trash_help,
	.hints = MEMBER_TRASH_OPS_HINTS,
	.resume = ml_resume,
};

static const struct key_hint MEMBER_LIST_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_NEW, NC_("hint", "Baru")),
	HINT(ACT_ENTER, NC_("hint", "Buka")), HINT(ACT_DELETE, NC_("hint", "Hapus")),
	HINT(ACT_OPTION, NC_("hint", "Terhapus")), HINT(ACT_BACK, NC_("hint", "Kembali")),
	HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops MEMBER_LIST_OPS = {
	.name = "members",
	.init = ml_init,
	.draw = ml_draw,
	.key = ml_key,
	.resize = ml_resize,
	.free = ml_free,
	.help = ml_help,
	.hints = MEMBER_LIST_OPS_HINTS,
	.resume = ml_resume,
};
