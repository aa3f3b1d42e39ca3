/* member_list.c - the members of one group: page through, add, edit, delete. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "member.h"
#include "screens.h"
#include "tlist.h"

struct member_list {
	struct tlist tl;
	char group_id[SK_UUID_LEN + 1];
	int active;
	int trash;           /* 1: the group's deleted members, to restore (F8) */
};

TLIST_KEYED(ml, struct member_list, group_id, member_count_group, member_list_group)
TLIST_KEYED(ml_trash, struct member_list, group_id, member_count_group_deleted,
	    member_list_group_deleted)

void member_row_cells(const sk_member_row *r, const char *third, const char **cells,
		      char (*buf)[TLIST_CELL])
{
	member_mask_nik(r->nik, buf[1], TLIST_CELL);
	TLIST_CELLS(cells, r->nama, buf[1], third, _(r->jabatan),
		    r->aktif ? _("aktif") : _("keluar"));
}

static void ml_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_member_row *r = row;
	member_row_cells(r, r->jenis_kelamin, cells, buf);
}

static void load_group(struct screen *s)
{
	struct member_list *m = s->data;
	/* xgettext:c-format */
	screen_group_title(s, m->group_id, NULL, m->trash ? N_("Anggota terhapus - kelompok %s")
							 /* xgettext:c-format */
							 : N_("Anggota kelompok %s"));
	m->active = group_active_members(s->db, m->group_id);
}

static const struct tlist_def ML_LIST, ML_TRASH_LIST;

static int ml_open(struct screen *s, const char *group_id, int trash)
{
	struct member_list *m = tlist_new(s, sizeof *m, trash ? &ML_TRASH_LIST : &ML_LIST);
	if (!m)
		return -1;
	m->trash = trash;
	snprintf(m->group_id, sizeof m->group_id, "%s", group_id);
	load_group(s);
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

static void ml_draw(struct screen *s)
{
	struct member_list *m = s->data;
	char line[256];
	snprintf(line, sizeof line, _("Anggota aktif: %d (aturan KUBE: %d sampai %d)"), m->active,
		 GROUP_MIN_MEMBERS, GROUP_MAX_MEMBERS);
	int bad = m->active < GROUP_MIN_MEMBERS || m->active > GROUP_MAX_MEMBERS;
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(bad ? R_WARN : R_DIM));
}

static void ml_delete(struct screen *s, const void *row)
{
	const sk_member_row *r = row;
	char q[900], done[400], nama[SK_NAME_BYTES], iuran[32];
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
	snprintf(done, sizeof done, _("Anggota %s sudah dihapus (F6: yang terhapus, untuk "
				      "memulihkan)."), nama);
	if (tlist_delete(s, q, r->id, member_delete, done))
		load_group(s);
}

/* F8 among the deleted members: restore the one selected. */
static void ml_restore(struct screen *s, const void *row)
{
	struct member_list *m = s->data;
	const sk_member_row *r = row;
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
	plist_reload(&m->tl.pl);
	frame_msg(MSG_INFO, _("Anggota %s dipulihkan."), nama);
}

/* F3: a new member (row NULL); Enter, F4: the one selected. */
static void ml_edit(struct screen *s, const void *row)
{
	struct member_list *m = s->data;
	struct member_form_arg a = { m->group_id, row ? ((const sk_member_row *)row)->id : NULL };
	ui_push(&MEMBER_FORM_OPS, &a);
}

/* F6: the group's deleted members. */
static void ml_show_trash(struct screen *s)
{
	ui_push(&MEMBER_TRASH_OPS, ((struct member_list *)s->data)->group_id);
}

/* Back from the form: the cursor goes to the member just saved. */
static void ml_resume(struct screen *s)
{
	struct member_list *m = s->data;
	char id[SK_UUID_LEN + 1];
	int saved = !m->trash && ui_result_take(id, sizeof id);
	load_group(s);
	tlist_reload(s);
	if (saved)
		plist_select(&m->tl.pl, member_position(s->db, id));
}

static const struct tlist_def ML_LIST = {
	TLIST_COLS(LIST_MEMBERS),
	.row_size = sizeof(sk_member_row), .count = ml_count, .fetch = ml_fetch, .cells = ml_cells,
	.open = ml_edit, .del = ml_delete, .option = ml_show_trash, .resume = ml_resume,
	.draw = ml_draw, .head_row = 2, .position = N_("Anggota %d dari %d"),
};

static const struct tlist_def ML_TRASH_LIST = {
	TLIST_COLS(LIST_MEMBERS),
	.row_size = sizeof(sk_member_row), .count = ml_trash_count, .fetch = ml_trash_fetch,
	.cells = ml_cells,
	.del = ml_restore, .resume = ml_resume, .draw = ml_draw, .head_row = 2,
	.position = N_("Anggota %d dari %d"),
};

const struct screen_ops MEMBER_TRASH_OPS =
	TLIST_SCREEN("members-deleted", ml_trash_init, HELP_MEMBER_LIST_TRASH,
		HINT_HELP, HINT(ACT_DELETE, NC_("hint", "Pulihkan")), HINTS_BACK_QUIT);

const struct screen_ops MEMBER_LIST_OPS =
	TLIST_SCREEN("members", ml_init, HELP_MEMBER_LIST,
		HINT_HELP, HINT(ACT_NEW, NC_("hint", "Baru")), HINT(ACT_ENTER, NC_("hint", "Buka")),
		HINT(ACT_DELETE, NC_("hint", "Hapus")), HINT(ACT_OPTION, NC_("hint", "Terhapus")),
		HINTS_BACK_QUIT);
