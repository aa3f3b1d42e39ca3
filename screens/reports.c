/* reports.c - Laporan: the pendamping's monthly report of one group as it prints (80 columns,
 * one A4 page), scrollable, saved as a private file in the home folder (text, or an xlsx
 * workbook when the name ends .xlsx); and a chart of the last 12 months (closing balance and
 * attendance rate) drawn with characters. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "meeting.h"
#include "report.h"
#include "screens.h"
#include "text.h"
#include "tpager.h"

static const char *const MONTHS[] = { N_("Januari"), N_("Februari"), N_("Maret"), N_("April"),
	N_("Mei"), N_("Juni"), N_("Juli"), N_("Agustus"), N_("September"), N_("Oktober"),
	N_("November"), N_("Desember") };
static const char *const MON3[] = { N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("Mei"),
	N_("Jun"), N_("Jul"), N_("Agu"), N_("Sep"), N_("Okt"), N_("Nov"), N_("Des") };

#define BAR_SALDO 29
#define BAR_HADIR 20

struct reports {
	struct screen_group grp;    /* first: screen_group_new */
	char month[8];
	int chart;                 /* 1: the chart, 0: the report text */
	struct tpager pg;          /* the report text */
	report_trend_month trend[12];
	int trend_ok;
};

static void month_label(const char *month, char *out, size_t n)
{
	int m = atoi(month + 5);
	snprintf(out, n, "%s %.4s", m >= 1 && m <= 12 ? _(MONTHS[m - 1]) : "?", month);
}

/* The monthly report of the chosen month into f (tpager_fill). */
static int rp_write(FILE *f, void *ctx, sk_err *e)
{
	struct screen *s = ctx;
	struct reports *r = s->data;
	report_opts o = { .group_id = r->grp.id, .month = r->month, .fmt = REPORT_TEXT };
	return report_monthly(s->db, &o, f, e);
}

/* Make the report text and the chart figures of the chosen month. */
static void rp_load(struct screen *s)
{
	struct reports *r = s->data;
	tpager_fill(&r->pg, rp_write, s, N_("Laporan tidak dapat dibuat."));
	sk_err e;
	r->trend_ok = report_trend(s->db, r->grp.id, r->month, r->trend, &e) == SK_OK;
}

static int rp_init(struct screen *s, void *arg)
{
	struct reports *r = screen_group_new(s, sizeof *r, arg);
	if (!r)
		return -1;
	/* The month being reported is usually the one just ended: this month only once it has
	 * a meeting. */
	char today[11], last[16];
	sk_today(today);
	snprintf(r->month, sizeof r->month, "%.7s", today);
	meeting_last_date(s->db, r->grp.id, last, sizeof last);
	if (strncmp(last, r->month, 7) != 0)
		report_month_add(r->month, -1, r->month);
	snprintf(s->title, sizeof s->title, _("Laporan kelompok %s"), r->grp.g.nama);
	rp_load(s);
	return 0;
}

/* n characters c into out (size > n). */
static char *bar(char *out, int n, char c)
{
	memset(out, c, (size_t)n);
	out[n] = '\0';
	return out;
}

static void draw_chart_row(const report_trend_month *t, int y, int64_t max)
{
	char label[32], b1[BAR_SALDO + 1], b2[BAR_HADIR + 1], num[32], line[160], pct[8];
	int m = atoi(t->bulan + 5);
	snprintf(label, sizeof label, "%s %.4s", m >= 1 && m <= 12 ? _(MON3[m - 1]) : "?", t->bulan);
	int n1 = max > 0 && t->saldo_umum > 0 ? (int)((t->saldo_umum * BAR_SALDO + max - 1) / max) : 0;
	int n2 = t->persen_hadir > 0 ? (t->persen_hadir * BAR_HADIR + 99) / 100 : 0;
	if (t->persen_hadir >= 0)
		snprintf(pct, sizeof pct, "%3d%%", t->persen_hadir);
	else
		snprintf(pct, sizeof pct, "   -");
	snprintf(line, sizeof line, "%-8.8s %-*s %12s  %-*s %s", label, BAR_SALDO, bar(b1, n1, '#'),
		 sk_format_rupiah(t->saldo_umum, num, sizeof num), BAR_HADIR, bar(b2, n2, '='), pct);
	text_put(stdscr, y, 1, line, COLS - 2, A_NORMAL);
}

static void draw_chart(struct reports *r)
{
	if (!r->trend_ok)
		return;
	char head[200], num[32], line[300];
	snprintf(head, sizeof head, "%-8s %-*s %12s  %-*s %s", _("Bulan"), BAR_SALDO,
		 _("Saldo akhir kas umum"), "Rp", BAR_HADIR, _("Kehadiran"), "%");
	text_put(stdscr, 3, 1, head, COLS - 2, ui_attr(R_HEADER));
	int64_t max = 0;
	for (int i = 0; i < 12; i++)
		if (r->trend[i].saldo_umum > max)
			max = r->trend[i].saldo_umum;
	for (int i = 0; i < 12; i++)
		draw_chart_row(&r->trend[i], 4 + i, max);
	snprintf(line, sizeof line, _("# = saldo akhir kas umum (terpanjang Rp %s)"),
		 sk_format_rupiah(max, num, sizeof num));
	text_put(stdscr, 17, 1, line, COLS - 2, ui_attr(R_DIM));
	text_put(stdscr, 18, 1, _("= = persen hadir (20 tanda = 100%)   - = tidak ada pertemuan"),
		 COLS - 2, ui_attr(R_DIM));
	const report_trend_month *t = &r->trend[11];
	snprintf(line, sizeof line, _("Bulan ini: %d pertemuan, saldo akhir kas IKS Rp %s"),
		 t->pertemuan, sk_format_rupiah(t->saldo_iks, num, sizeof num));
	text_put(stdscr, 19, 1, line, COLS - 2, ui_attr(R_DIM));
}

static void rp_draw(struct screen *s)
{
	struct reports *r = s->data;
	char mon[64], line[300];
	month_label(r->month, mon, sizeof mon);
	char key[16], what[120];
	keys_name(ACT_NEXT, key, sizeof key);
	snprintf(what, sizeof what, r->chart ? _("Grafik 12 bulan (%s: laporan)")
					     : _("Laporan bulanan (%s: grafik)"), key);
	snprintf(line, sizeof line, _("Bulan: %s   %s"), mon, what);
	text_put(stdscr, 1, 0, line, COLS, ui_attr(R_HEADER));
	if (r->chart)
		draw_chart(r);
	else
		tpager_draw(&r->pg);
}

/* Ask for the file name (default in the home folder) and save the report there. */
/* Ask for a file name and save the monthly report there; when it cannot be written, ask
 * again with the reason and the name as typed (nothing typed is lost). */
static void rp_save(struct screen *s)
{
	struct reports *r = s->data;
	char path[1024], q[1400], why[600] = "";
	const sk_group *g = &r->grp.g;
	report_default_path(*g->kode ? g->kode : g->nama, r->month, path, sizeof path);
	for (;;) {
		snprintf(q, sizeof q, "%s%s%s", why, *why ? "\n\n" : "",
			 _("Simpan laporan bulanan. Nama berkas (akhiran .xlsx: buku kerja Excel; "
			   "lainnya: berkas teks):"));
		if (!dlg_input(q, path, sizeof path) || !*path)
			return;
		struct stat st;
		if (stat(path, &st) == 0) {
			snprintf(q, sizeof q, _("Berkas %s sudah ada. Timpa? (y/t)"), path);
			if (!dlg_confirm(q))
				return;
		}
		sk_err e;
		sk_err_clear(&e);
		size_t len = strlen(path);
		report_format fmt = len > 5 && strcasecmp(path + len - 5, ".xlsx") == 0 ? REPORT_XLSX
										     : REPORT_TEXT;
		if (report_monthly_save_as(s->db, r->grp.id, r->month, path, fmt, &e) == SK_OK)
			break;
		snprintf(why, sizeof why, "%s", e.msg);
	}
	frame_msg(MSG_INFO, _("Laporan disimpan: %s"), path);
}

static int rp_key(struct screen *s, wint_t ch, int kc)
{
	struct reports *r = s->data;
	switch (keys_action(ch, kc)) {
	case ACT_LEFT:
	case ACT_RIGHT:
		report_month_add(r->month, keys_action(ch, kc) == ACT_LEFT ? -1 : 1, r->month);
		r->pg.top = 0; /* another month's report from its start */
		rp_load(s);
		return SCR_HANDLED;
	case ACT_NEXT:
	case ACT_PREV: r->chart = !r->chart; return SCR_HANDLED;
	case ACT_SAVE: rp_save(s); return SCR_HANDLED;
	default: return tpager_key(&r->pg, keys_action(ch, kc)) ? SCR_HANDLED : SCR_UNHANDLED;
	}
}

static void rp_resume(struct screen *s)
{
	rp_load(s); /* the text again, the same lines shown */
}

static void rp_free(struct screen *s)
{
	struct reports *r = s->data;
	if (r)
		tpager_free(&r->pg);
	free(r);
}

const struct screen_ops REPORT_OPS = SCREEN_OPS("reports", rp, HELP_REPORTS,
	.free = rp_free, .resume = rp_resume,
	.hints = HINTS(HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")),
		       HINT2(ACT_LEFT, ACT_RIGHT, NC_("hint", "Bulan")),
		       HINT(ACT_NEXT, NC_("hint", "Grafik")), HINT(ACT_PGDN, NC_("hint", "Gulir")),
		       HINTS_BACK_QUIT));
