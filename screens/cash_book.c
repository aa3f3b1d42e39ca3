/* cash_book.c - Kas: a group's cash book like the paper one (tanggal, no. bukti, uraian, masuk,
 * keluar, saldo), one book at a time, filtered by month and category; add or change an entry,
 * reverse one, close a month. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cash_close_dlg.h"
#include "cashbook.h"
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "lists_gen.h"
#include "report.h"
#include "screens.h"
#include "tlist.h"

#define COLS_DEF LIST_CASH_BOOK   /* lists.tsv: cash_book */
#define NCOLS LIST_CASH_BOOK_N

static const char *const MONTHS[] = { N_("Januari"), N_("Februari"), N_("Maret"), N_("April"),
	N_("Mei"), N_("Juni"), N_("Juli"), N_("Agustus"), N_("September"), N_("Oktober"),
	N_("November"), N_("Desember") };

struct cash_book {
	struct tlist tl;
	char group_id[SK_UUID_LEN + 1];
	sk_group g;
	char buku[8];            /* umum | iks | simpin */
	char bulan[8];           /* YYYY-MM, "" = every month */
	int kat;                 /* index into CASH_KATEGORI_VALUES, -1 = every category */
};

static void book_filter(const struct cash_book *c, sk_cash_filter *f)
{
	f->kelompok_id = c->group_id;
	f->buku = c->buku;
	f->bulan = c->bulan;
	f->kategori = c->kat >= 0 ? CASH_KATEGORI_VALUES[c->kat] : NULL;
}

static int cb_count(struct screen *s, const char *search)
{
	(void)search;
	sk_cash_filter f;
	book_filter(s->data, &f);
	return cash_count(s->db, &f);
}

static int cb_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	(void)search;
	sk_cash_filter f;
	book_filter(s->data, &f);
	return cash_list(s->db, &f, offset, limit, rows, n, e);
}

static void cb_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_cash_line *l = row;
	char num[32];
	snprintf(buf[4], TLIST_CELL, "%10s",
		 l->r.masuk ? sk_format_rupiah(l->r.masuk, num, sizeof num) : "");
	snprintf(buf[5], TLIST_CELL, "%10s",
		 l->r.keluar ? sk_format_rupiah(l->r.keluar, num, sizeof num) : "");
	snprintf(buf[6], TLIST_CELL, "%11s", sk_format_rupiah(l->saldo, num, sizeof num));
	TLIST_CELLS(cells, l->r.tanggal, l->r.no_bukti, l->dibalik ? "x" : "",
		    *l->r.uraian ? l->r.uraian : _(l->r.kategori), buf[4], buf[5],
		    buf[6]);
}

/* The book in the title and messages: "umum", "IKS", "simpan pinjam". */
static const char *cb_book_word(const char *buku)
{
	if (strcmp(buku, "iks") == 0)
		return _("IKS");
	return strcmp(buku, "simpin") == 0 ? _("simpan pinjam") : _("umum");
}

static void cb_title(struct screen *s)
{
	struct cash_book *c = s->data;
	snprintf(s->title, sizeof s->title, _("Kas %s - kelompok %s"),
		 cb_book_word(c->buku), c->g.nama);
}

static const struct tlist_def CB_LIST;

static int cb_init(struct screen *s, void *arg)
{
	struct cash_book *c = tlist_new(s, sizeof *c, &CB_LIST);
	if (!c)
		return -1;
	if (screen_group_read(s, arg, c->group_id, sizeof c->group_id, &c->g) != 0)
		return -1;
	strcpy(c->buku, "umum");
	c->kat = -1;
	cb_title(s);
	return 0;
}

/* Rows: 1 book, month and category, 2 balance and last close, 3 headings, 4.. rows. */
static void month_name(const char *bulan, char *out, size_t n)
{
	int m = atoi(bulan + 5);
	if (!*bulan || m < 1 || m > 12)
		snprintf(out, n, "%s", _("semua bulan"));
	else
		snprintf(out, n, "%s %.4s", _(MONTHS[m - 1]), bulan);
}

static void cb_draw(struct screen *s)
{
	struct cash_book *c = s->data;
	char line[600], mon[64], bal[32], last[80] = "";
	month_name(c->bulan, mon, sizeof mon);
	snprintf(line, sizeof line, _("Buku: kas %s   Bulan: %s   Kategori: %s"),
		 cb_book_word(c->buku), mon,
		 c->kat >= 0 ? _(CASH_KATEGORI_LABELS[c->kat]) : _("semua"));
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_HEADER));
	sk_cash_close cl;
	if (cash_last_close(s->db, c->group_id, c->buku, &cl, NULL) == SK_OK)
		snprintf(last, sizeof last, _("   Ditutup sampai bulan %s"), cl.bulan);
	snprintf(line, sizeof line, _("Saldo kas %s sekarang: Rp %s%s"),
		 cb_book_word(c->buku),
		 sk_format_rupiah(cash_balance(s->db, c->group_id, c->buku, NULL), bal, sizeof bal), last);
	text_put(stdscr, 2, 1, line, COLS - 2, ui_attr(R_DIM));
	int x = 1;
	for (int i = 0; i < NCOLS; i++) {
		if (i >= 4) {  /* amounts: headings right-aligned over the numbers */
			int tw = text_width(_(COLS_DEF[i].head));
			text_put(stdscr, 3, x, "", c->tl.w[i], ui_attr(R_HEADER));
			text_put(stdscr, 3, x + c->tl.w[i] - tw, _(COLS_DEF[i].head), tw, ui_attr(R_HEADER));
		}
		x += c->tl.w[i] + 1;
	}
}

/* After a change of book or filter: reload and show the end of the book. */
static void cb_refilter(struct screen *s)
{
	struct cash_book *c = s->data;
	c->tl.pl.sel = c->tl.pl.top = 0;
	tlist_reload(s);
	plist_key(&c->tl.pl, KEY_END, KEY_CODE_YES);
	cb_title(s);
}

static void cb_month(struct screen *s, int step)
{
	struct cash_book *c = s->data;
	char now[11], cur[8];
	sk_today(now);
	snprintf(cur, sizeof cur, "%.7s", now);
	if (!*c->bulan) {
		if (step < 0)
			snprintf(c->bulan, sizeof c->bulan, "%s", cur);
	} else {
		report_month_add(c->bulan, step, c->bulan);
		if (strcmp(c->bulan, cur) > 0)
			c->bulan[0] = '\0';
	}
	cb_refilter(s);
}

/* A row posted from a meeting changes with its meeting only. */
static void say_meeting_row(void)
{
	frame_msg(MSG_WARN, "%s", _("Iuran pertemuan: ubah atau hapus pertemuannya di layar "
				    "Pertemuan."));
}

/* A row posted from savings, a loan, a repayment, a fine or a share-out. */
static void say_source_row(void)
{
	frame_msg(MSG_WARN, "%s", _("Dibukukan dari simpan pinjam: koreksi lewat buku simpanan atau "
				    "kartu pinjaman anggotanya (Kelompok, F7)."));
}

/* F8: reverse the row selected. */
static void cb_reverse(struct screen *s, const void *row)
{
	const sk_cash_line *l = row;
	char q[700], num[32], id[SK_UUID_LEN + 1];
	if (*l->r.pertemuan_id) { /* say so before asking, not after */
		say_meeting_row();
		return;
	}
	if (*l->r.sumber_id) {
		say_source_row();
		return;
	}
	snprintf(id, sizeof id, "%s", l->r.id);
	snprintf(q, sizeof q, _("Balik baris %s (%s, Rp %s)? Baris pembalik dicatat hari ini. (y/t)"),
		 *l->r.no_bukti ? l->r.no_bukti : l->r.tanggal, *l->r.uraian ? l->r.uraian : l->r.kategori,
		 sk_format_rupiah(l->r.masuk ? l->r.masuk : l->r.keluar, num, sizeof num));
	if (!dlg_confirm(q))
		return;
	sk_err e;
	sk_cash_row r;
	sk_err_clear(&e);
	int rc = cash_reverse(s->db, id, &r, &e);
	if (rc == SK_DENIED && dlg_four_eyes(s->db)) {
		sk_err_clear(&e);
		rc = cash_reverse(s->db, id, &r, &e);
	}
	if (rc != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	cb_refilter(s);
	frame_msg(MSG_INFO, _("Dibalik dengan %s (%s). Catat baris yang benar bila perlu."),
		  r.no_bukti, r.tanggal);
}

/* F3: a new row (row NULL); Enter, F4: open the entry form for the selected row, or say why
 * it cannot change. */
static void cb_edit(struct screen *s, const void *row)
{
	struct cash_book *c = s->data;
	const sk_cash_line *l = row;
	if (!l) {
		struct cash_entry_arg a = { c->group_id, c->buku, NULL };
		ui_push(&CASH_ENTRY_OPS, &a);
		return;
	}
	if (*l->r.pertemuan_id) {
		say_meeting_row();
		return;
	}
	if (*l->r.sumber_id) {
		say_source_row();
		return;
	}
	if (*l->r.membalik_id || l->dibalik) {
		frame_msg(MSG_WARN, "%s", _("Baris pembalikan dan baris yang sudah dibalik tidak dapat "
					    "diubah."));
		return;
	}
	char month[8];
	snprintf(month, sizeof month, "%.7s", l->r.tanggal);
	if (cash_month_closed(s->db, c->group_id, c->buku, month)) { /* say so now, not at F2 */
		frame_msg(MSG_WARN, _("Bulan %s sudah ditutup. Koreksi: F8 (balik), lalu F3 catat "
				      "yang benar."), month);
		return;
	}
	char id[SK_UUID_LEN + 1];
	snprintf(id, sizeof id, "%s", l->r.id);
	struct cash_entry_arg a = { c->group_id, c->buku, id };
	ui_push(&CASH_ENTRY_OPS, &a);
}

/* The cash book's own letter keys (B, K, T in the key table). */
static int cb_letter(struct screen *s, wint_t ch, int kc)
{
	struct cash_book *c = s->data;
	switch (keys_local(KS_CASHBOOK, ch, kc)) {
	case ACT_BOOK:
		strcpy(c->buku, strcmp(c->buku, "umum") == 0 ? "iks"
				: strcmp(c->buku, "iks") == 0 ? "simpin" : "umum");
		cb_refilter(s);
		return 1;
	case ACT_CATEGORY:
		c->kat = CASH_KATEGORI_VALUES[c->kat + 1] ? c->kat + 1 : -1;
		cb_refilter(s);
		return 1;
	case ACT_CLOSE:
		cash_close_ask(s->db, c->group_id, c->buku, c->bulan);
		cb_refilter(s);
		return 1;
	default:
		return 0;
	}
}

/* The book's letters, Tab (the next book) and Left/Right (the month). */
static int cb_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	(void)row;
	if (cb_letter(s, ch, kc))
		return SCR_HANDLED;
	switch (keys_action(ch, kc)) {
	case ACT_NEXT: return cb_letter(s, 'B', OK) ? SCR_HANDLED : SCR_UNHANDLED;
	case ACT_LEFT: cb_month(s, -1); return SCR_HANDLED;
	case ACT_RIGHT: cb_month(s, 1); return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

/* Back from the entry form: the list again, at its end when it was there. */
static void cb_resume(struct screen *s)
{
	struct cash_book *c = s->data;
	group_get(s->db, c->group_id, &c->g, NULL);
	int at_end = c->tl.pl.sel >= c->tl.pl.total - 1;
	tlist_reload(s);
	if (at_end)
		plist_key(&c->tl.pl, KEY_END, KEY_CODE_YES);
}

static const struct tlist_def CB_LIST = {
	.cols = COLS_DEF, .ncols = NCOLS, .row_size = sizeof(sk_cash_line), .count = cb_count,
	.fetch = cb_fetch, .cells = cb_cells, .key = cb_key, .open = cb_edit, .del = cb_reverse,
	.resume = cb_resume, .draw = cb_draw, .head_row = 3, .position = N_("Baris %d dari %d"),
	.start_at_end = 1,
};

const struct screen_ops CASH_BOOK_OPS = TLIST_SCREEN("cash-book", cb_init, HELP_CASH_BOOK,
	/* Esc and F10 show on terminals wider than 80 columns (the line drops what does not fit). */
	HINT_HELP, HINT(ACT_NEW, NC_("hint", "Baru")), HINT(ACT_EDIT, NC_("hint", "Ubah")),
	HINT(ACT_DELETE, NC_("hint", "Balik")), HINT(ACT_BOOK, NC_("hint", "Buku")),
	HINT2(ACT_LEFT, ACT_RIGHT, NC_("hint", "Bulan")),
	HINT(ACT_CATEGORY, NC_("hint", "Kategori")), HINT(ACT_CLOSE, NC_("hint", "Tutup")),
	HINTS_BACK_QUIT);
