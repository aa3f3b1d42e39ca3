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
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "member.h"
#include "screens.h"
#include "tlist.h"

struct history {
	struct tlist tl;
	sk_member m;
	char group_name[SK_NAME_BYTES];
};

TLIST_KEYED(hi, struct history, m.id, assessment_count, assessment_history)

static void hi_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_assessment_row *r = row;
	snprintf(buf[1], TLIST_CELL, "%2d/14", r->skor % 100);
	TLIST_CELLS(cells, r->tanggal, buf[1], r->miskin ? _("miskin") : _("tidak miskin"),
		    r->penilai, r->ditimpa, r->catatan);
}

/* F3: a new assessment (row NULL); Enter, F4: the one selected. */
static void hi_open(struct screen *s, const void *row)
{
	struct history *h = s->data;
	struct assessment_form_arg a = { h->m.id, row ? ((const sk_assessment_row *)row)->id : NULL };
	ui_push(&ASSESSMENT_FORM_OPS, &a);
}

static void hi_delete(struct screen *s, const void *row)
{
	const sk_assessment_row *r = row;
	char q[200];
	snprintf(q, sizeof q, _("Hapus penilaian tanggal %s (skor %d)? (y/t)"), r->tanggal, r->skor);
	tlist_delete(s, q, r->id, assessment_delete, _("Penilaian sudah dihapus."));
}

static const struct tlist_def HI_LIST;

static int hi_init(struct screen *s, void *arg)
{
	struct history *h = tlist_new(s, sizeof *h, &HI_LIST);
	if (!h)
		return -1;
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
	return 0;
}

/* Rows: 1 member, 2 DTSEN, 3 headings, 4.. list, bottom row: position. */
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
		 h->m.terdaftar_dtsen ? _("terdaftar") : _("tidak terdaftar"), desil, h->tl.pl.total);
	text_put(stdscr, 2, 1, line, COLS - 2, ui_attr(R_DIM));
}

static const struct tlist_def HI_LIST = {
	TLIST_COLS(LIST_ASSESSMENTS),
	.row_size = sizeof(sk_assessment_row), .count = hi_count, .fetch = hi_fetch,
	.cells = hi_cells, .open = hi_open, .del = hi_delete, .draw = hi_draw,
	.head_row = 3, .position = N_("Penilaian %d dari %d"),
};

const struct screen_ops ASSESSMENT_HISTORY_OPS =
	TLIST_SCREEN("assessment-history", hi_init, HELP_ASSESSMENT_HISTORY,
		HINT_HELP, HINT(ACT_NEW, NC_("hint", "Baru")), HINT(ACT_ENTER, NC_("hint", "Buka")),
		HINT(ACT_DELETE, NC_("hint", "Hapus")), HINTS_BACK_QUIT);
