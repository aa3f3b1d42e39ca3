/* simpin_view.c - what is handed to a member or signed by the group, as it prints (80
 * columns): a member's passbook (savings with balances, loans with their schedules; F8
 * reverses a savings row, K opens a loan card), a loan card (schedule, repayments; F8 reverses
 * a repayment), and the share-out of a cycle being closed (T the date, F2 closes after one
 * question and offers the next cycle). F6 saves the page as a private file (text, or a
 * workbook when the name ends in .xlsx). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "report.h"
#include "screens.h"
#include "simpin_book.h"
#include "text.h"
#include "tpager.h"
#include "validate.h"

struct simpin_view {
	enum simpin_view_kind kind;
	char id[SK_UUID_LEN + 1];
	char name[SK_NAME_BYTES];   /* the member's or the group's name, for file names */
	char date[16];              /* SV_CLOSE: the day of the close */
	int closed;                 /* SV_CLOSE: done */
	struct tpager pg;           /* the page */
};

/* The close page: the plan on v->date and whether it may close. */
static int close_text(struct screen *s, FILE *f, sk_err *e)
{
	struct simpin_view *v = s->data;
	sk_share_plan p;
	sk_cycle c;
	sk_group g;
	int rc = cycle_get(s->db, v->id, &c, e);
	if (rc == SK_OK)
		rc = group_get(s->db, c.kelompok_id, &g, e);
	if (rc != SK_OK)
		return rc;
	if (v->closed || *c.selesai) {
		report_opts o = { .group_id = c.kelompok_id, .fmt = REPORT_TEXT };
		return report_shareout(s->db, &o, f, e);
	}
	rc = simpin_share_plan(s->db, v->id, v->date, &p, e);
	if (rc != SK_OK)
		return rc;
	report_share_text(f, g.nama, g.kode, &p, 0);
	sk_err why;
	sk_err_clear(&why);
	fputc('\n', f);
	if (simpin_close_allowed(s->db, &p, v->date, &why) == SK_OK)
		fprintf(f, _("Siap ditutup pada %s: F2 menutup siklus dan membukukan bagi hasil.\n"),
			v->date);
	else
		fprintf(f, _("Belum dapat ditutup: %s\n"), why.msg);
	simpin_share_plan_free(&p);
	return SK_OK;
}

/* The passbook, the loan card or the share-out of the cycle into f (tpager_fill). */
static int sv_write(FILE *f, void *ctx, sk_err *e)
{
	struct screen *s = ctx;
	struct simpin_view *v = s->data;
	report_opts o = { .fmt = REPORT_TEXT };
	if (v->kind == SV_PASSBOOK) {
		o.anggota_id = v->id;
		return report_passbook(s->db, &o, f, e);
	}
	if (v->kind == SV_LOAN_CARD) {
		o.pinjaman_id = v->id;
		return report_loan_card(s->db, &o, f, e);
	}
	return close_text(s, f, e);
}

static void sv_load(struct screen *s)
{
	struct simpin_view *v = s->data;
	tpager_fill(&v->pg, sv_write, s, N_("Halaman tidak dapat dibuat."));
}

/* The name for titles and file names. */
static void sv_name(struct screen *s)
{
	struct simpin_view *v = s->data;
	sqlite3_stmt *st;
	const char *sql = v->kind == SV_PASSBOOK ? "SELECT nama FROM anggota WHERE id=:id"
			  : v->kind == SV_LOAN_CARD ? "SELECT a.nama FROM pinjaman p JOIN anggota a ON "
						      "a.id=p.anggota_id WHERE p.id=:id"
			  : "SELECT g.nama FROM siklus c JOIN kelompok g ON g.id=c.kelompok_id WHERE c.id=:id";
	v->name[0] = '\0';
	st = db_prepare(s->db, sql, NULL);
	if (!st)
		return;
	db_bind_text(st, ":id", v->id);
	if (db_step(s->db, st, NULL) == SQLITE_ROW)
		db_col_text(st, 0, v->name, sizeof v->name);
	db_reset(st);
}

static const struct screen_ops CARD_OPS, CLOSE_OPS;

static int sv_init(struct screen *s, void *arg)
{
	const struct simpin_view_arg *a = arg;
	struct simpin_view *v = ui_data_new(s, sizeof *v);
	if (!v)
		return -1;
	v->kind = a->kind;
	snprintf(v->id, sizeof v->id, "%s", a->id);
	sk_today(v->date);
	sv_name(s);
	/* The same screen with the hint line of its kind. */
	if (v->kind == SV_LOAN_CARD)
		s->ops = &CARD_OPS;
	else if (v->kind == SV_CLOSE)
		s->ops = &CLOSE_OPS;
	if (v->kind == SV_PASSBOOK)
		snprintf(s->title, sizeof s->title, _("Buku simpanan dan pinjaman - %s"), v->name);
	else if (v->kind == SV_LOAN_CARD)
		snprintf(s->title, sizeof s->title, _("Kartu pinjaman - %s"), v->name);
	else
		snprintf(s->title, sizeof s->title, _("Tutup siklus dan bagi hasil - kelompok %s"),
			 v->name);
	sv_load(s);
	return 0;
}

static void sv_draw(struct screen *s)
{
	tpager_draw(&((struct simpin_view *)s->data)->pg);
}

/* F6: save the page as a private file. */
static void sv_save(struct screen *s)
{
	struct simpin_view *v = s->data;
	const char *home = getenv("HOME");
	char path[1024], safe[64];
	size_t j = 0;
	for (const char *p = v->name; *p && j + 1 < sizeof safe; p++) {
		unsigned char c = (unsigned char)*p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		safe[j++] = ok ? (char)c : '-';
	}
	safe[j] = '\0';
	static const char *const STEM[] = { "buku-simpanan", "kartu-pinjaman", "bagi-hasil" };
	snprintf(path, sizeof path, "%s/%s-%s.txt", home && *home ? home : ".", STEM[v->kind],
		 j ? safe : "anggota");
	if (!dlg_input(_("Simpan halaman ini sebagai berkas (akhiran .xlsx: buku kerja Excel):"),
		       path, sizeof path))
		return;
	size_t len = strlen(path);
	report_opts o = { .fmt = len > 5 && strcasecmp(path + len - 5, ".xlsx") == 0 ? REPORT_XLSX
										      : REPORT_TEXT };
	report_fn fn = report_passbook;
	if (v->kind == SV_PASSBOOK) {
		o.anggota_id = v->id;
	} else if (v->kind == SV_LOAN_CARD) {
		o.pinjaman_id = v->id;
		fn = report_loan_card;
	} else {
		sk_cycle c;
		if (cycle_get(s->db, v->id, &c, NULL) != SK_OK)
			return;
		static char gid[SK_UUID_LEN + 1];
		snprintf(gid, sizeof gid, "%s", c.kelompok_id);
		o.group_id = gid;
		fn = report_shareout;
	}
	sk_err e;
	sk_err_clear(&e);
	if (report_save_as(s->db, fn, &o, path, &e) != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg);
	else
		frame_msg(MSG_INFO, _("Tersimpan: %s"), path);
}

/* The n-th (1-based) row number typed into a dialog; -1 when cancelled or not a number. */
static int ask_number(const char *prompt, int max)
{
	char buf[16] = "";
	if (!dlg_input(prompt, buf, sizeof buf))
		return -1;
	int n = atoi(buf);
	if (n < 1 || n > max) {
		frame_msg(MSG_ERROR, _("Tidak ada nomor %s."), buf);
		return -1;
	}
	return n - 1;
}

/* The cycle a passbook shows: the member's group's open cycle, else its last. */
static int passbook_cycle(struct screen *s, sk_cycle *c)
{
	struct simpin_view *v = s->data;
	char g[SK_UUID_LEN + 1] = "";
	sqlite3_stmt *st = db_prepare(s->db, "SELECT kelompok_id FROM anggota WHERE id=:id", NULL);
	if (st) {
		db_bind_text(st, ":id", v->id);
		if (db_step(s->db, st, NULL) == SQLITE_ROW)
			db_col_text(st, 0, g, sizeof g);
		db_reset(st);
	}
	int rc = simpin_cycle_open(s->db, g, c, NULL);
	return rc == SK_NOTFOUND ? simpin_cycle_last(s->db, g, c, NULL) : rc;
}

/* The id of row i of the rows shown (savings rows on a passbook, else repayments), and the
 * question before reversing it into q (n bytes). */
static const char *sv_reversal_row(const struct simpin_view *v, const void *rows, int i, char *q,
				   size_t n)
{
	char a[32];
	if (v->kind == SV_PASSBOOK) {
		const sk_saving *r = (const sk_saving *)rows + i;
		snprintf(q, n, _("Balik simpanan %s %s Rp %s? (y/t)"), r->tanggal, r->jenis,
			 sk_format_rupiah(r->setor + r->tarik, a, sizeof a));
		return r->id;
	}
	const sk_repay *r = (const sk_repay *)rows + i;
	snprintf(q, n, _("Balik angsuran %s Rp %s? (y/t)"), r->tanggal,
		 sk_format_rupiah(r->pokok + r->jasa, a, sizeof a));
	return r->id;
}

/* Ask which of the n rows (taken: freed here) to reverse, confirm, reverse; read again. */
static void sv_reverse(struct screen *s, void *rows, int n)
{
	const struct simpin_view *v = s->data;
	int saving = v->kind == SV_PASSBOOK;
	int i = n ? ask_number(saving ? _("Nomor baris simpanan yang dibalik (kolom No):")
				      : _("Nomor angsuran yang dibalik (kolom No):"), n) : -1;
	if (n == 0)
		frame_msg(MSG_WARN, "%s", saving ? _("Belum ada simpanan di siklus ini.")
						 : _("Belum ada angsuran."));
	char q[300];
	sk_err e;
	sk_err_clear(&e);
	const char *id = i >= 0 ? sv_reversal_row(v, rows, i, q, sizeof q) : NULL;
	if (id && dlg_confirm(q)) {
		int rc = saving ? simpin_saving_reverse(s->db, id, NULL, &e)
				: simpin_repay_reverse(s->db, id, NULL, &e);
		if (rc != SK_OK)
			frame_msg(MSG_ERROR, "%s", e.msg);
		else
			frame_msg(MSG_INFO, "%s", saving ? _("Simpanan dibalik dan dibukukan hari ini.")
							 : _("Angsuran dibalik dan dibukukan hari ini."));
	}
	free(rows);
	sv_load(s);
}

/* F8 on a passbook or a loan card: reverse one of its savings rows or repayments. */
static void sv_reverse_row(struct screen *s)
{
	struct simpin_view *v = s->data;
	sk_cycle c;
	sk_saving *saved;
	sk_repay *repaid;
	int n;
	if (v->kind == SV_LOAN_CARD) {
		if (simpin_repay_rows(s->db, v->id, &repaid, &n, NULL) == SK_OK)
			sv_reverse(s, repaid, n);
	} else if (passbook_cycle(s, &c) == SK_OK &&
		   simpin_savings_rows(s->db, c.id, v->id, &saved, &n, NULL) == SK_OK) {
		sv_reverse(s, saved, n);
	}
}

static void open_card(struct screen *s)
{
	struct simpin_view *v = s->data;
	sk_cycle c;
	sk_loan *rows;
	int n;
	sk_err e;
	if (passbook_cycle(s, &c) != SK_OK ||
	    simpin_loan_rows(s->db, c.id, v->id, &rows, &n, &e) != SK_OK)
		return;
	int i = n == 1 ? 0 : n ? ask_number(_("Kartu pinjaman ke berapa?"), n) : -1;
	if (n == 0)
		frame_msg(MSG_WARN, "%s", _("Belum ada pinjaman di siklus ini."));
	if (i >= 0) {
		struct simpin_view_arg a = { SV_LOAN_CARD, rows[i].id };
		ui_push(&SIMPIN_VIEW_OPS, &a);
	}
	free(rows);
}

/* F2 on the close page: close after one question, then offer the next cycle. */
static void do_close(struct screen *s)
{
	struct simpin_view *v = s->data;
	sk_cycle c;
	sk_err e;
	sk_err_clear(&e);
	if (v->closed || cycle_get(s->db, v->id, &c, &e) != SK_OK)
		return;
	char q[300];
	snprintf(q, sizeof q, _("Tutup siklus %d pada %s dan bukukan bagi hasilnya? (y/t)"), c.nomor,
		 v->date);
	if (!dlg_confirm(q))
		return;
	sk_share_plan p;
	int rc = simpin_cycle_close(s->db, v->id, v->date, &p, &e);
	/* The share-out needs a second operator (issue 16): asked, then closed again. */
	if (rc == SK_DENIED && dlg_four_eyes(s->db)) {
		sk_err_clear(&e);
		rc = simpin_cycle_close(s->db, v->id, v->date, &p, &e);
	}
	if (rc != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	simpin_share_plan_free(&p);
	v->closed = 1;
	sv_load(s);
	if (dlg_confirm(_("Buka siklus berikutnya dengan aturan yang sama? (y/t)"))) {
		sk_cycle next = c;
		sk_issues is;
		next.id[0] = '\0';
		next.selesai[0] = '\0';
		/* The day after the close. */
		int y = 0, m = 0, d = 0;
		if (sscanf(v->date, "%d-%d-%d", &y, &m, &d) == 3) {
			if (!sk_ymd_valid(y, m, ++d)) {
				d = 1;
				if (++m > 12) {
					m = 1;
					y++;
				}
			}
			snprintf(next.mulai, sizeof next.mulai, "%04d-%02d-%02d", y % 10000, m % 100,
				 d % 100);
		}
		if (simpin_cycle_start(s->db, &next, &is, &e) != SK_OK)
			frame_msg(MSG_ERROR, "%s", e.msg);
		else
			frame_msg(MSG_INFO, _("Siklus %d ditutup; siklus %d dibuka mulai %s."), c.nomor,
				  next.nomor, next.mulai);
		return;
	}
	frame_msg(MSG_INFO, _("Siklus %d ditutup dan bagi hasilnya dibukukan."), c.nomor);
}

static int sv_key(struct screen *s, wint_t ch, int kc)
{
	struct simpin_view *v = s->data;
	if (tpager_key(&v->pg, keys_action(ch, kc)))
		return SCR_HANDLED;
	switch (keys_action(ch, kc)) {
	case ACT_OPTION: sv_save(s); return SCR_HANDLED;
	case ACT_SAVE:
		if (v->kind == SV_CLOSE)
			do_close(s);
		return SCR_HANDLED;
	case ACT_DELETE:
		if (v->kind != SV_CLOSE)
			sv_reverse_row(s);
		return SCR_HANDLED;
	default:
		if (kc == KEY_CODE_YES)
			return SCR_UNHANDLED;
		if (keys_local(KS_SIMPIN, ch, kc) == ACT_CARD && v->kind == SV_PASSBOOK) {
			open_card(s);
			return SCR_HANDLED;
		}
		if (keys_local(KS_SIMPIN, ch, kc) == ACT_DATE && v->kind == SV_CLOSE && !v->closed) {
			char date[16];
			snprintf(date, sizeof date, "%s", v->date);
			if (dlg_input(_("Tanggal tutup siklus (TTTT-BB-HH):"), date, sizeof date)) {
				if (!valid_date(date))
					frame_msg(MSG_ERROR, "%s", _("Tanggal ditulis TTTT-BB-HH, misalnya "
								     "2026-12-31."));
				else
					snprintf(v->date, sizeof v->date, "%s", date);
				sv_load(s);
			}
			return SCR_HANDLED;
		}
		return SCR_UNHANDLED;
	}
}

static void sv_free(struct screen *s)
{
	struct simpin_view *v = s->data;
	if (v)
		tpager_free(&v->pg);
	free(v);
}

static void sv_resume(struct screen *s)
{
	sv_load(s);
}

static const struct key_hint PASSBOOK_HINTS[] = {
	HINT_HELP, HINT(ACT_OPTION, NC_("hint", "Simpan")), HINT(ACT_DELETE, NC_("hint", "Balik")),
	HINT(ACT_CARD, NC_("hint", "Kartu")), HINTS_BACK_QUIT
};
static const struct key_hint CARD_HINTS[] = {
	HINT_HELP, HINT(ACT_OPTION, NC_("hint", "Simpan")), HINT(ACT_DELETE, NC_("hint", "Balik")),
	HINTS_BACK_QUIT
};
static const struct key_hint CLOSE_HINTS[] = {
	HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Tutup siklus")),
	HINT(ACT_DATE, NC_("hint", "Tanggal")), HINT(ACT_OPTION, NC_("hint", "Simpan")),
	HINTS_BACK_QUIT
};

#define VIEW_OPS(hint_text) \
	{ .name = "simpin-view", .init = sv_init, .draw = sv_draw, .key = sv_key, .free = sv_free, \
	  .help_text = HELP_SIMPIN_VIEW, .hints = hint_text, .resume = sv_resume }
const struct screen_ops SIMPIN_VIEW_OPS =
	VIEW_OPS(PASSBOOK_HINTS);
static const struct screen_ops CARD_OPS =
	VIEW_OPS(CARD_HINTS);
static const struct screen_ops CLOSE_OPS =
	VIEW_OPS(CLOSE_HINTS);
