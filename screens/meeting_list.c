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
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "meeting.h"
#include "screens.h"
#include "tlist.h"

struct meeting_list {
	struct tlist tl;
	char group_id[SK_UUID_LEN + 1];
	sk_group g;
};

TLIST_KEYED(mlist, struct meeting_list, group_id, meeting_count, meeting_list)

static void mlist_cells(struct screen *s, const void *row, const char **cells,
			char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_meeting_row *r = row;
	char num[32];
	snprintf(buf[2], TLIST_CELL, "%3d/%-3d", r->hadir, r->total);
	snprintf(buf[3], TLIST_CELL, "%12s", sk_format_rupiah(r->iuran_kas, num, sizeof num));
	snprintf(buf[4], TLIST_CELL, "%11s", sk_format_rupiah(r->iuran_iks, num, sizeof num));
	TLIST_CELLS(cells, r->tanggal, r->tempat, buf[2], buf[3], buf[4]);
}

/* F3: a new meeting (row NULL); Enter, F4: the one selected. */
static void mlist_open(struct screen *s, const void *row)
{
	struct meeting_list *m = s->data;
	char id[SK_UUID_LEN + 1];
	snprintf(id, sizeof id, "%s", row ? ((const sk_meeting_row *)row)->id : "");
	struct meeting_form_arg a = { m->group_id, row ? id : NULL };
	ui_push(&MEETING_FORM_OPS, &a);
}

static void mlist_delete(struct screen *s, const void *row)
{
	const sk_meeting_row *r = row;
	char q[300], done[300];
	snprintf(q, sizeof q, _("Hapus pertemuan %s? Iurannya dibalik di buku kas. (y/t)"),
		 r->tanggal);
	snprintf(done, sizeof done, _("Pertemuan %s sudah dihapus; iurannya dibalik di buku kas."),
		 r->tanggal);
	tlist_delete(s, q, r->id, meeting_delete, done);
}

static void mlist_load(struct screen *s)
{
	struct meeting_list *m = s->data;
	/* xgettext:c-format */
	screen_group_title(s, m->group_id, &m->g, N_("Pertemuan kelompok %s"));
}

static const struct tlist_def MLIST_LIST;

static int mlist_init(struct screen *s, void *arg)
{
	struct meeting_list *m = tlist_new(s, sizeof *m, &MLIST_LIST);
	if (!m)
		return -1;
	snprintf(m->group_id, sizeof m->group_id, "%s", (const char *)arg);
	mlist_load(s);
	return 0;
}

/* Rows: 1 the group's dues and activity, 2 headings, 3.. list, bottom row: position. */
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
}

/* Back from the form: the group (its dues) and the list again. */
static void mlist_resume(struct screen *s)
{
	mlist_load(s);
	tlist_reload(s);
}

static const struct tlist_def MLIST_LIST = {
	TLIST_COLS(LIST_MEETINGS),
	.row_size = sizeof(sk_meeting_row), .count = mlist_count, .fetch = mlist_fetch,
	.cells = mlist_cells, .open = mlist_open, .del = mlist_delete, .resume = mlist_resume,
	.draw = mlist_draw, .head_row = 2, .position = N_("Pertemuan %d dari %d"),
};

const struct screen_ops MEETING_LIST_OPS =
	TLIST_SCREEN("meetings", mlist_init, HELP_MEETING_LIST,
		HINT_HELP, HINT(ACT_NEW, NC_("hint", "Baru")), HINT(ACT_ENTER, NC_("hint", "Buka")),
		HINT(ACT_DELETE, NC_("hint", "Hapus")), HINTS_BACK_QUIT);
