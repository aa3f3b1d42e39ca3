/* simpin_group.c - Simpan pinjam of one group (from the Kelompok screen, F7): the running
 * cycle and its rules, the fund's figures (savings, cash, loans outstanding, arrears, portfolio
 * at risk) and every member with savings, loans still owed, arrears and days late. F3 opens a
 * cycle (one per group), F4 changes its rules, Enter opens a member's passbook, K the loan
 * card of the member's last loan, F6 closes the cycle with its share-out. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cashbook.h"
#include "colors.h"
#include "fixmath.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "screens.h"
#include "simpin.h"
#include "text.h"

#define COLS_DEF LIST_SIMPIN_MEMBERS   /* lists.tsv: simpin_members */
#define NCOLS LIST_SIMPIN_MEMBERS_N

struct simpin_group {
	struct screen_group grp;    /* first: screen_group_new */
	int has_cycle;              /* 1: a cycle (open, else the last one) is shown */
	sk_cycle c;
	sk_simpin_member *m;
	int n, sel, top;
	int64_t saldo;              /* the simpin book */
	sk_portfolio p;
	int w[NCOLS];
};

static void sg_load(struct screen *s)
{
	struct simpin_group *x = s->data;
	sk_err e;
	sk_err_clear(&e);
	free(x->m);
	x->m = NULL;
	x->n = 0;
	char today[11];
	sk_today(today);
	group_get(s->db, x->grp.id, &x->grp.g, NULL);
	int rc = simpin_cycle_open(s->db, x->grp.id, &x->c, &e);
	if (rc == SK_NOTFOUND)
		rc = simpin_cycle_last(s->db, x->grp.id, &x->c, &e);
	x->has_cycle = rc == SK_OK;
	if (rc != SK_OK && rc != SK_NOTFOUND)
		frame_msg(MSG_ERROR, "%s", e.msg);
	if (!x->has_cycle)
		return;
	const char *day = *x->c.selesai ? x->c.selesai : today;
	if (simpin_members(s->db, &x->c, day, &x->m, &x->n, &e) != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg);
	x->saldo = cash_balance(s->db, x->grp.id, "simpin", NULL);
	if (simpin_portfolio(s->db, x->grp.id, today, &x->p, &e) != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg);
	if (x->sel >= x->n)
		x->sel = x->n > 0 ? x->n - 1 : 0;
}

static int sg_init(struct screen *s, void *arg)
{
	struct simpin_group *x = screen_group_new(s, sizeof *x, arg);
	if (!x)
		return -1;
	snprintf(s->title, sizeof s->title, _("Simpan pinjam - kelompok %s"), x->grp.g.nama);
	sg_load(s);
	return 0;
}

static void sg_resize(struct screen *s)
{
	struct simpin_group *x = s->data;
	text_cols(COLS_DEF, NCOLS, COLS - 2, x->w);
}

static const char *bagi_label(const char *m)
{
	if (strcmp(m, "sama_rata") == 0)
		return _("sama rata");
	if (strcmp(m, "jasa") == 0)
		return _("menurut jasa");
	return _("menurut simpanan");
}

static void sg_draw_head(struct simpin_group *x)
{
	char line[400], a[32], b[32], r[16], k[16];
	const sk_cycle *c = &x->c;
	if (*c->selesai)
		snprintf(line, sizeof line, _("Siklus %d ditutup %s (mulai %s). F3: buka siklus baru."),
			 c->nomor, c->selesai, c->mulai);
	else
		snprintf(line, sizeof line, _("Siklus %d berjalan sejak %s; pokok Rp %s, wajib Rp %s"),
			 c->nomor, c->mulai, sk_format_rupiah(c->simpanan_pokok, a, sizeof a),
			 sk_format_rupiah(c->simpanan_wajib, b, sizeof b));
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_HEADER));
	fx_format2(c->jasa_persen_bulan, ',', r, sizeof r);
	if (c->has_batas)
		fx_format2(c->batas_pinjaman_kali, ',', k, sizeof k);
	char batas[64];
	if (c->has_batas)
		snprintf(batas, sizeof batas, _("batas %s x simpanan"), k);
	else
		snprintf(batas, sizeof batas, "%s", _("tanpa batas"));
	snprintf(line, sizeof line, _("Jasa %s%% %s, %s; denda alpa %s, terlambat %s; bagi %s"),
		 r, _(c->metode_jasa), batas, sk_format_rupiah(c->denda_alpa, a, sizeof a),
		 sk_format_rupiah(c->denda_terlambat, b, sizeof b), bagi_label(c->metode_bagi));
	text_put(stdscr, 2, 1, line, COLS - 2, A_NORMAL);
	int64_t saved = 0;
	for (int i = 0; i < x->n; i++)
		saved += x->m[i].simpanan;
	char c1[32], d1[32], e1[32], f1[32], par[16];
	snprintf(line, sizeof line, _("Simpanan Rp %s; kas simpan pinjam Rp %s"),
		 sk_format_rupiah(saved, c1, sizeof c1), sk_format_rupiah(x->saldo, d1, sizeof d1));
	text_put(stdscr, 3, 1, line, COLS - 2, A_NORMAL);
	snprintf(line, sizeof line, _("Pinjaman beredar Rp %s; tunggakan Rp %s (%d pinjaman); "
				      "berisiko %s"), sk_format_rupiah(x->p.beredar, e1, sizeof e1),
		 sk_format_rupiah(x->p.tunggakan, f1, sizeof f1), x->p.menunggak,
		 simpin_par_text(x->p.par_permille, par, sizeof par));
	text_put(stdscr, 4, 1, line, COLS - 2, x->p.menunggak ? ui_attr(R_WARN) : A_NORMAL);
}

static void sg_draw(struct screen *s)
{
	struct simpin_group *x = s->data;
	if (!x->has_cycle) {
		text_put(stdscr, 2, 1, _("Kelompok ini belum punya siklus simpan pinjam."), COLS - 2,
			 ui_attr(R_HEADER));
		text_put(stdscr, 4, 1, _("F3: buka siklus pertama dengan aturannya (simpanan pokok dan "
					 "wajib, jasa, batas pinjaman, denda, cara bagi hasil)."),
			 COLS - 2, A_NORMAL);
		return;
	}
	sg_draw_head(x);
	text_heads(5, 1, COLS_DEF, NCOLS, x->w);
	int h = frame_bottom() - 6;
	if (x->sel < x->top)
		x->top = x->sel;
	if (x->sel >= x->top + h)
		x->top = x->sel - h + 1;
	for (int r = 0; r < h && x->top + r < x->n; r++) {
		int i = x->top + r;
		const sk_simpin_member *m = &x->m[i];
		char no[16], sv[32], sp[32], tg[32], hr[16], num[32];
		snprintf(no, sizeof no, "%3d", i + 1);
		snprintf(sv, sizeof sv, "%11s", sk_format_rupiah(m->simpanan, num, sizeof num));
		snprintf(sp, sizeof sp, "%13s", m->pinjaman ? sk_format_rupiah(m->sisa_pokok, num, sizeof num)
							    : "-");
		snprintf(tg, sizeof tg, "%11s", m->tunggakan ? sk_format_rupiah(m->tunggakan, num, sizeof num)
							     : "-");
		snprintf(hr, sizeof hr, "%4s", "");
		if (m->hari_terlambat)
			snprintf(hr, sizeof hr, "%4d", m->hari_terlambat);
		const char *cells[NCOLS] = { no, m->nama, sv, sp, tg, hr };
		text_row(6 + r, 1, cells, NCOLS, x->w, COLS - 2, i == x->sel);
	}
	if (x->n == 0)
		text_put(stdscr, 6, 1, _("(tidak ada data)"), COLS - 2, ui_attr(R_DIM));
	char pos[64];
	snprintf(pos, sizeof pos, _("Anggota %d dari %d"), x->n ? x->sel + 1 : 0, x->n);
	text_put(stdscr, frame_bottom(), COLS - 1 - text_width(pos), pos, text_width(pos),
		 ui_attr(R_DIM));
}

static void sg_open_card(struct screen *s, const sk_simpin_member *m)
{
	struct simpin_group *x = s->data;
	sk_loan *rows;
	int n;
	sk_err e;
	if (simpin_loan_rows(s->db, x->c.id, m->anggota_id, &rows, &n, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	if (n == 0) {
		frame_msg(MSG_WARN, _("%s belum punya pinjaman di siklus ini."), m->nama);
		free(rows);
		return;
	}
	struct simpin_view_arg a = { SV_LOAN_CARD, rows[n - 1].id };
	free(rows);
	ui_push(&SIMPIN_VIEW_OPS, &a);
}

/* Open ops with arg when a cycle is running, else say refusal (a msgid). */
static int sg_push_in_cycle(struct screen *s, const struct screen_ops *ops, void *arg,
			    const char *refusal)
{
	struct simpin_group *x = s->data;
	if (x->has_cycle && !*x->c.selesai)
		ui_push(ops, arg);
	else
		frame_msg(MSG_WARN, "%s", _(refusal));
	return SCR_HANDLED;
}

static int sg_key(struct screen *s, wint_t ch, int kc)
{
	struct simpin_group *x = s->data;
	enum action a = keys_action(ch, kc);
	int open = x->has_cycle && !*x->c.selesai;
	const sk_simpin_member *m = x->sel < x->n ? &x->m[x->sel] : NULL;
	switch (a) {
	case ACT_NEW:
		if (open) {
			frame_msg(MSG_WARN, _("Siklus %d masih berjalan: tutup dulu (F6) dengan bagi "
					      "hasilnya."), x->c.nomor);
			return SCR_HANDLED;
		}
		{
			struct simpin_cycle_arg ca = { x->grp.id, NULL };
			ui_push(&SIMPIN_CYCLE_FORM_OPS, &ca);
		}
		return SCR_HANDLED;
	case ACT_EDIT: {
		struct simpin_cycle_arg ca = { x->grp.id, x->c.id };
		return sg_push_in_cycle(s, &SIMPIN_CYCLE_FORM_OPS, &ca,
					N_("Tidak ada siklus yang berjalan: F3 membuka siklus."));
	}
	case ACT_OPTION: {
		struct simpin_view_arg va = { SV_CLOSE, x->c.id };
		return sg_push_in_cycle(s, &SIMPIN_VIEW_OPS, &va,
					N_("Tidak ada siklus yang berjalan untuk ditutup."));
	}
	case ACT_ENTER:
		if (m) {
			struct simpin_view_arg va = { SV_PASSBOOK, m->anggota_id };
			ui_push(&SIMPIN_VIEW_OPS, &va);
		}
		return SCR_HANDLED;
	case ACT_UP: if (x->sel > 0) x->sel--; return SCR_HANDLED;
	case ACT_DOWN: if (x->sel + 1 < x->n) x->sel++; return SCR_HANDLED;
	case ACT_HOME: x->sel = 0; return SCR_HANDLED;
	case ACT_END: x->sel = x->n > 0 ? x->n - 1 : 0; return SCR_HANDLED;
	case ACT_PGUP: x->sel = x->sel > 10 ? x->sel - 10 : 0; return SCR_HANDLED;
	case ACT_PGDN: x->sel = x->sel + 10 < x->n ? x->sel + 10 : (x->n ? x->n - 1 : 0); return SCR_HANDLED;
	default:
		break;
	}
	if (keys_local(KS_SIMPIN, ch, kc) == ACT_CARD && m && x->has_cycle) {
		sg_open_card(s, m);
		return SCR_HANDLED;
	}
	return SCR_UNHANDLED;
}

static void sg_resume(struct screen *s)
{
	sg_load(s);
}

static void sg_free(struct screen *s)
{
	struct simpin_group *x = s->data;
	if (x)
		free(x->m);
	free(x);
}

/* At 80 columns in Indonesian Esc and F10 do not fit (the line drops what does not fit); F1
 * names them. */
const struct screen_ops SIMPIN_GROUP_OPS = SCREEN_OPS("simpin", sg, HELP_SIMPIN_GROUP,
	.resize = sg_resize, .free = sg_free, .resume = sg_resume,
	.hints = HINTS(HINT_HELP, HINT(ACT_NEW, NC_("hint", "Siklus")),
		       HINT(ACT_EDIT, NC_("hint", "Aturan")), HINT(ACT_OPTION, NC_("hint", "Tutup")),
		       HINT(ACT_ENTER, NC_("hint", "Buku")), HINT(ACT_CARD, NC_("hint", "Kartu")),
		       HINTS_BACK_QUIT));
