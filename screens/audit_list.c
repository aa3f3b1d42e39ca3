/* audit_list.c - Jejak audit: who changed what and when, filtered by operator, group, member
 * and dates (issue 16). Only the visible page is read. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "help_gen.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "lists_gen.h"
#include "report.h"
#include "screens.h"
#include "tlist.h"
#include "util.h"

struct audit_list {
	struct tlist tl;
	report_opts o;
	char op[68], grp[SK_UUID_LEN + 1], grp_label[64], member[SK_UUID_LEN + 1], nik[24],
	     from[16], to[16];
};

static int al_count(struct screen *s, const char *search)
{
	(void)search;
	return report_audit_count(s->db, &((struct audit_list *)s->data)->o);
}

static int al_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	(void)search;
	return report_audit_list(s->db, &((struct audit_list *)s->data)->o, offset, limit, rows, n, e);
}

static void al_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_audit_row *r = row;
	snprintf(buf[0], TLIST_CELL, "%lld", (long long)r->no);
	snprintf(buf[2], TLIST_CELL, "%s%s%s", r->operator, *r->operator2 ? "+" : "", r->operator2);
	snprintf(buf[1], TLIST_CELL, "%.10s %.5s", r->waktu,
		 r->waktu + (strlen(r->waktu) > 11 ? 11 : 0));
	TLIST_CELLS(cells, buf[0], buf[1], buf[2], r->aksi, r->tabel, r->ringkas);
}

static const struct tlist_def AL_LIST;

static int al_init(struct screen *s, void *arg)
{
	(void)arg;
	return tlist_open(s, sizeof(struct audit_list), &AL_LIST, N_("Jejak audit")) ? 0 : -1;
}

static void al_draw(struct screen *s)
{
	struct audit_list *a = s->data;
	char line[400];
	snprintf(line, sizeof line, _("Saring: operator %s, kelompok %s, anggota %s, %s s.d. %s"),
		 *a->op ? a->op : _("semua"), *a->grp_label ? a->grp_label : _("semua"),
		 *a->nik ? a->nik : _("semua"), *a->from ? a->from : "...", *a->to ? a->to : "...");
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_HEADER));
}

/* The filter, field by field. */
static void al_filter(struct screen *s)
{
	struct audit_list *a = s->data;
	char grp[64], nik[24], from[16], to[16], op[68];
	snprintf(op, sizeof op, "%s", a->op);
	snprintf(grp, sizeof grp, "%s", a->grp_label);
	snprintf(nik, sizeof nik, "%s", a->nik);
	snprintf(from, sizeof from, "%s", a->from);
	snprintf(to, sizeof to, "%s", a->to);
	if (dlg_input(_("Operator (kosong: semua):"), op, sizeof op) != 1 ||
	    dlg_input(_("Kode kelompok (kosong: semua):"), grp, sizeof grp) != 1 ||
	    dlg_input(_("NIK anggota (kosong: semua):"), nik, sizeof nik) != 1 ||
	    dlg_input(_("Dari tanggal TTTT-BB-HH (kosong: awal):"), from, sizeof from) != 1 ||
	    dlg_input(_("Sampai tanggal TTTT-BB-HH (kosong: hari ini):"), to, sizeof to) != 1)
		return;
	sk_err e;
	sk_err_clear(&e);
	char gid[37] = "", mid[SK_UUID_LEN + 1] = "";
	if ((*from && !sk_date_valid(from)) || (*to && !sk_date_valid(to))) {
		frame_msg(MSG_ERROR, "%s", _("Tanggal harus TTTT-BB-HH."));
		return;
	}
	if (*grp && report_find_group(s->db, grp, gid, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	if (*nik && report_member_by_nik(s->db, nik, mid, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	snprintf(a->op, sizeof a->op, "%s", op);
	snprintf(a->grp, sizeof a->grp, "%s", gid);
	snprintf(a->grp_label, sizeof a->grp_label, "%s", grp);
	snprintf(a->member, sizeof a->member, "%s", mid);
	snprintf(a->nik, sizeof a->nik, "%s", nik);
	snprintf(a->from, sizeof a->from, "%s", from);
	snprintf(a->to, sizeof a->to, "%s", to);
	a->o.operator = *a->op ? a->op : NULL;
	a->o.group_id = *a->grp ? a->grp : NULL;
	a->o.member_id = *a->member ? a->member : NULL;
	a->o.from = *a->from ? a->from : NULL;
	a->o.to = *a->to ? a->to : NULL;
	plist_reload(&a->tl.pl);
}

static const struct tlist_def AL_LIST = {
	TLIST_COLS(LIST_AUDIT),
	.row_size = sizeof(sk_audit_row), .count = al_count, .fetch = al_fetch, .cells = al_cells,
	.option = al_filter, .draw = al_draw, .head_row = 3,
	.position = N_("Catatan %d dari %d"), .position_empty = 1,
};

const struct screen_ops AUDIT_LIST_OPS = TLIST_SCREEN("audit", al_init, HELP_AUDIT_LIST,
		HINT_HELP, HINT(ACT_OPTION, NC_("hint", "Saring")), HINTS_BACK_QUIT);
