/* evaluation_history.c - a group's development: its level and whether an assessment is due,
 * a group without meetings for 12 weeks proposed as failed with the pendamping's decision on
 * it (F6), and every assessment, latest first, to add (F3), open (Enter) or delete (F8). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "dialog.h"
#include "evaluation.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "lists_gen.h"
#include "screens.h"
#include "tlist.h"

struct ehist {
	struct tlist tl;
	sk_group g;
	sk_group_level lv;          /* as of today, read on opening and on every return */
	sk_gagal_decision dec;      /* the latest live decision, when has_dec */
	int has_dec;
};

TLIST_KEYED(eh, struct ehist, g.id, evaluation_count, evaluation_history)

static void eh_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_evaluation_row *r = row;
	snprintf(buf[2], TLIST_CELL, "%d%d%d%d %d%d%d%d", r->v[0] % 10, r->v[1] % 10, r->v[2] % 10,
		 r->v[3] % 10, r->v[4] % 10, r->v[5] % 10, r->v[6] % 10, r->v[7] % 10);
	snprintf(buf[3], TLIST_CELL, "%2d/32", r->skor < 0 ? 0 : r->skor % 100);
	TLIST_CELLS(cells, r->tanggal, r->penilai, buf[2], buf[3],
		    evaluation_level_label(evaluation_level_name(r->skor)),
		    r->ditimpa);
}

/* F3: a new assessment (row NULL); Enter, F4: the one selected. */
static void eh_open(struct screen *s, const void *row)
{
	struct ehist *h = s->data;
	struct evaluation_form_arg a = { h->g.id, row ? ((const sk_evaluation_row *)row)->id : NULL };
	ui_push(&EVALUATION_FORM_OPS, &a);
}

/* Read the group's level, status and decision again. */
static void eh_status(struct screen *s)
{
	struct ehist *h = s->data;
	char today[11];
	sk_err e;
	sk_err_clear(&e);
	sk_today(today);
	if (evaluation_group_level(s->db, h->g.id, today, &h->lv, &e) != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg);
	h->has_dec = evaluation_gagal_latest(s->db, h->g.id, &h->dec, NULL) == SK_OK;
}

static const struct tlist_def EH_LIST;

static int eh_init(struct screen *s, void *arg)
{
	struct ehist *h = tlist_new(s, sizeof *h, &EH_LIST);
	if (!h)
		return -1;
	if (screen_group_read(s, arg, NULL, 0, &h->g) != 0)
		return -1;
	snprintf(s->title, sizeof s->title, _("Perkembangan kelompok - %s"), h->g.nama);
	eh_status(s);
	return 0;
}

static void draw_status(const struct ehist *h)
{
	char line[700];
	enum ui_role role = R_DIM;
	if (h->lv.gagal == EVAL_GAGAL_DECLARED && h->has_dec) {
		snprintf(line, sizeof line, _("Dinyatakan GAGAL %s oleh %s%s%s. F6: batalkan."),
			 h->dec.tanggal, h->dec.oleh, *h->dec.alasan ? ": " : "", h->dec.alasan);
		role = R_ERROR;
	} else if (h->lv.gagal == EVAL_GAGAL_CANDIDATE) {
		if (*h->lv.terakhir)
			snprintf(line, sizeof line, _("CALON GAGAL: tidak ada pertemuan sejak %s (%d "
						      "minggu atau lebih). F6: putuskan."),
				 h->lv.terakhir, EVAL_WINDOW_WEEKS);
		else
			snprintf(line, sizeof line, _("CALON GAGAL: belum pernah ada pertemuan tercatat. "
						      "F6: putuskan."));
		role = R_WARN;
	} else if (!*h->lv.dinilai) {
		snprintf(line, sizeof line, "%s", _("Belum pernah dinilai: perlu dinilai. F3: penilaian "
						    "baru."));
		role = R_WARN;
	} else if (h->lv.due) {
		snprintf(line, sizeof line, _("Perlu dinilai: penilaian terakhir lebih dari %d bulan "
					      "lalu. F3: penilaian baru."), EVAL_DUE_MONTHS);
		role = R_WARN;
	} else {
		snprintf(line, sizeof line, "%s", _("Penilaian masih berlaku (kurang dari 6 bulan)."));
	}
	text_put(stdscr, 2, 1, line, COLS - 2, ui_attr(role));
}

static void eh_draw(struct screen *s)
{
	struct ehist *h = s->data;
	char line[400];
	snprintf(line, sizeof line, _("Tingkat %s   Dinilai %s   Pertemuan terakhir %s"),
		 evaluation_level_label(h->lv.tingkat), *h->lv.dinilai ? h->lv.dinilai : "-",
		 *h->lv.terakhir ? h->lv.terakhir : "-");
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_HEADER));
	draw_status(h);
}

/* F6: the pendamping's decision on a group proposed as failed, or taking it back. */
static void eh_decide(struct screen *s)
{
	struct ehist *h = s->data;
	char q[700];
	sk_err e;
	sk_err_clear(&e);
	if (h->lv.gagal == EVAL_GAGAL_DECLARED) {
		snprintf(q, sizeof q, _("Batalkan keputusan bahwa kelompok %s gagal? (y/t)"), h->g.nama);
		if (!dlg_confirm(q))
			return;
		if (evaluation_gagal_cancel(s->db, h->g.id, &e) != SK_OK)
			frame_msg(MSG_ERROR, "%s", e.msg);
		else
			frame_msg(MSG_INFO, "%s", _("Keputusan gagal dibatalkan."));
		eh_status(s);
		return;
	}
	sk_gagal_decision d;
	memset(&d, 0, sizeof d);
	snprintf(q, sizeof q, _("Nyatakan kelompok %s GAGAL (tidak berjalan lagi)? (y/t)"), h->g.nama);
	if (dlg_confirm(q))
		strcpy(d.keputusan, "gagal");
	else if (h->lv.gagal == EVAL_GAGAL_CANDIDATE &&
		 dlg_confirm(_("Catat bahwa kelompok ini masih aktif? Tidak diusulkan gagal lagi "
			       "selama 12 minggu. (y/t)")))
		strcpy(d.keputusan, "aktif");
	else
		return;
	sk_strlcpy(d.oleh, h->g.pendamping, sizeof d.oleh);
	if (!dlg_input(_("Diputuskan oleh (nama pendamping):"), d.oleh, sizeof d.oleh))
		return;
	if (!dlg_input(_("Alasan (boleh kosong):"), d.alasan, sizeof d.alasan))
		return;
	sk_strlcpy(d.kelompok_id, h->g.id, sizeof d.kelompok_id);
	sk_today(d.tanggal);
	sk_issues is;
	if (evaluation_gagal_decide(s->db, &d, &is, &e) != SK_OK) {
		frame_msg(MSG_ERROR, _("Belum disimpan: %s"), e.msg);
		return;
	}
	eh_status(s);
	frame_msg(MSG_INFO, strcmp(d.keputusan, "gagal") == 0
		  ? _("Tercatat: kelompok %s dinyatakan gagal oleh %s.")
		  : _("Tercatat: kelompok %s masih aktif, menurut %s."), h->g.nama, d.oleh);
}

/* Back from the form: the list and the group's level and status again. */
static void eh_resume(struct screen *s)
{
	tlist_reload(s);
	eh_status(s);
}

static void eh_delete(struct screen *s, const void *row)
{
	const sk_evaluation_row *r = row;
	char q[200];
	snprintf(q, sizeof q, _("Hapus penilaian perkembangan tanggal %s (skor %d)? (y/t)"), r->tanggal,
		 r->skor);
	if (tlist_delete(s, q, r->id, evaluation_delete, _("Penilaian sudah dihapus; tingkat kelompok "
							   "mengikuti penilaian terbaru yang tersisa.")))
		eh_status(s);
}

static const struct tlist_def EH_LIST = {
	TLIST_COLS(LIST_EVALUATIONS),
	.row_size = sizeof(sk_evaluation_row), .count = eh_count, .fetch = eh_fetch,
	.cells = eh_cells, .open = eh_open, .del = eh_delete, .option = eh_decide, .draw = eh_draw,
	.resume = eh_resume, .head_row = 3, .position = N_("Penilaian %d dari %d"),
};

const struct screen_ops EVALUATION_HISTORY_OPS =
	TLIST_SCREEN("evaluation-history", eh_init, HELP_EVALUATION_HISTORY,
		HINT_HELP, HINT(ACT_NEW, NC_("hint", "Baru")), HINT(ACT_ENTER, NC_("hint", "Buka")),
		HINT(ACT_DELETE, NC_("hint", "Hapus")), HINT(ACT_OPTION, NC_("hint", "Gagal?")),
		HINTS_BACK_QUIT);
