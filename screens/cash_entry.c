/* cash_entry.c - record a receipt or an expense in a cash book, or change one while its month
 * is open: date, book, in or out, category, receipt number (proposed), description, amount. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cashbook.h"
#include "form_util.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "screens.h"
#include "uform.h"

#define UF_LCOL 2
#define UF_FCOL 20

static const char *const PAGES[] = { N_("Uang masuk atau keluar") };
static const char *const BUKU_LABELS[] = { N_("kas umum"), N_("kas IKS"), N_("simpan pinjam"),
					   NULL };
static const char *const JENIS_VALUES[] = { "masuk", "keluar", NULL };
static const char *const JENIS_LABELS[] = { N_("Uang masuk"), N_("Uang keluar"), NULL };

static const struct uf_def FIELDS[] = {
	UF_TEXT_COL("tanggal", N_("Tanggal"), 0, 1, 11, 11),
	UF_CHOICE_COL("buku", N_("Buku"), 0, 3, 14, CASH_BUKU_VALUES, BUKU_LABELS),
	UF_CHOICE_COL("jenis", N_("Masuk/keluar"), 0, 5, 12, JENIS_VALUES, JENIS_LABELS),
	UF_CHOICE_COL("kategori", N_("Kategori"),
		0, 7, 12, CASH_KATEGORI_VALUES, CASH_KATEGORI_LABELS),
	UF_TEXT_COL("no_bukti", N_("No. bukti"), 0, 9, 14, 64),
	UF_TEXT_COL("uraian", N_("Uraian"), 0, 11, 56, 200),
	UF_TEXT_COL("jumlah", N_("Jumlah (Rp)"), 0, 13, 15, 20),
};

/* The fields that hold a text of the cash row as it is typed. */
static const struct fu_text TEXTS[] = {
	FU_TEXT(sk_cash_row, tanggal), FU_TEXT(sk_cash_row, buku), FU_TEXT(sk_cash_row, kategori),
	FU_TEXT(sk_cash_row, no_bukti), FU_TEXT(sk_cash_row, uraian),
};

struct cash_entry {
	struct fu_form fu;      /* the form and its draft key (first) */
	sk_cash_row c;          /* stored row, or the defaults of a new one */
	int is_new;
	char proposed[16];      /* receipt number last proposed (replaced while unchanged) */
};

/* Propose a receipt number for the chosen book and direction unless the clerk typed one. */
static void ce_propose(struct screen *s)
{
	struct cash_entry *f = s->data;
	char buku[8], jenis[8], cur[80], next[16];
	uform_get(&f->fu.uf, "buku", buku, sizeof buku);
	uform_get(&f->fu.uf, "jenis", jenis, sizeof jenis);
	uform_get(&f->fu.uf, "no_bukti", cur, sizeof cur);
	if (!f->is_new || (*cur && strcmp(cur, f->proposed) != 0))
		return;
	cash_next_receipt(s->db, f->c.kelompok_id, buku, strcmp(jenis, "masuk") == 0, next,
			  sizeof next);
	if (strcmp(next, cur) != 0)
		uform_set(&f->fu.uf, "no_bukti", next);
	snprintf(f->proposed, sizeof f->proposed, "%s", next);
}

/* Remarks: the book's balance up to the date, the amount in rupiah. */
static void ce_notes(struct screen *s)
{
	struct cash_entry *f = s->data;
	char buku[8], date[16], amount[32], bal[32], note[160];
	uform_get(&f->fu.uf, "buku", buku, sizeof buku);
	uform_get(&f->fu.uf, "tanggal", date, sizeof date);
	snprintf(note, sizeof note, _("Saldo %s sampai tanggal ini: Rp %s"),
		 cash_book_label(buku),
		 sk_format_rupiah(cash_balance(s->db, f->c.kelompok_id, buku, date), bal, sizeof bal));
	uform_note(&f->fu.uf, "tanggal", note);
	uform_get(&f->fu.uf, "jumlah", amount, sizeof amount);
	fu_money_note(&f->fu.uf, "jumlah", amount, 1);
}

/* The form's values as a row; conversion problems go to is. */
static void ce_collect(struct cash_entry *f, sk_cash_row *c, sk_issues *is)
{
	char jenis[8], amount[32];
	int64_t v;
	*c = f->c;
	sk_issues_clear(is);
	fu_get_texts(&f->fu.uf, c, TEXTS, FU_COUNT(TEXTS));
	uform_get(&f->fu.uf, "jenis", jenis, sizeof jenis);
	uform_get(&f->fu.uf, "jumlah", amount, sizeof amount);
	fu_money(amount, "jumlah", &v, is);
	uform_check_lengths(&f->fu.uf, is);
	if (!*amount || (v == 0 && !sk_issues_for(is, "jumlah")))
		sk_issues_add(is, "jumlah", SK_SEV_ERROR, "%s",
			      _("Tulis jumlah uang lebih dari 0, misalnya 25000."));
	c->masuk = strcmp(jenis, "masuk") == 0 ? v : 0;
	c->keluar = strcmp(jenis, "masuk") == 0 ? 0 : v;
}

/* Findings about masuk/keluar are about the amount field of this form. */
static void ce_map(sk_issues *is)
{
	for (int i = 0; i < is->n; i++)
		if (strcmp(is->items[i].field, "masuk") == 0 || strcmp(is->items[i].field, "keluar") == 0)
			snprintf(is->items[i].field, sizeof is->items[i].field, "jumlah");
}

static void ce_validate(struct screen *s)
{
	struct cash_entry *f = s->data;
	sk_cash_row c;
	sk_issues is, conv;
	ce_collect(f, &c, &conv);
	cash_validate(s->db, &c, &is);
	cash_validate_direction(&c, &is);
	for (int i = 0; i < conv.n; i++)
		sk_issues_add(&is, conv.items[i].field, conv.items[i].sev, "%s", conv.items[i].msg);
	ce_map(&is);
	uform_set_issues(&f->fu.uf, &is);
	ce_notes(s);
}

static void ce_fill(struct cash_entry *f)
{
	char buf[32];
	fu_set_texts(&f->fu.uf, &f->c, TEXTS, FU_COUNT(TEXTS));
	uform_set(&f->fu.uf, "jenis", f->c.keluar > 0 ? "keluar" : "masuk");
	snprintf(buf, sizeof buf, "%lld", (long long)(f->c.masuk ? f->c.masuk : f->c.keluar));
	uform_set(&f->fu.uf, "jumlah", f->is_new ? "" : buf);
}

static int ce_init(struct screen *s, void *arg)
{
	const struct cash_entry_arg *a = arg;
	struct cash_entry *f = fu_form_open(s, sizeof *f, FIELDS, FU_COUNT(FIELDS), 1, PAGES);
	if (!f)
		return -1;
	f->is_new = a->row_id == NULL;
	cash_init(&f->c, a->group_id);
	snprintf(f->c.buku, sizeof f->c.buku, "%s", a->buku ? a->buku : "umum");
	sk_err e;
	sk_err_clear(&e);
	if (a->row_id && cash_get(s->db, a->row_id, &f->c, &e) != SK_OK)
		return fu_fail(&e);
	sk_group g;
	if (group_get(s->db, f->c.kelompok_id, &g, &e) != SK_OK)
		return fu_fail(&e);
	ce_fill(f);
	ce_propose(s);
	ce_notes(s);
	uform_snapshot(&f->fu.uf);
	if (f->is_new)
		snprintf(f->fu.key, sizeof f->fu.key, "baru:%s:%s", f->c.kelompok_id, f->c.buku);
	else
		snprintf(f->fu.key, sizeof f->fu.key, "%s", f->c.id);
	if (fu_draft_offer(s, &f->fu.uf, f->fu.key, NULL)) {
		uform_touch_all(&f->fu.uf);
		ce_validate(s);
	}
	snprintf(s->title, sizeof s->title, f->is_new ? _("Catat kas - kelompok %s")
						      : _("Ubah baris kas - kelompok %s"), g.nama);
	return 0;
}

static void ce_save(struct screen *s)
{
	struct cash_entry *f = s->data;
	sk_cash_row c;
	sk_issues is, conv;
	sk_err e;
	sk_err_clear(&e);
	ce_collect(f, &c, &conv);
	int rc = SK_REFUSED;
	if (sk_issues_errors(&conv))
		is = conv;
	else
		rc = f->is_new ? cash_add(s->db, &c, &is, &e) : cash_update(s->db, &c, &is, &e);
	if (rc == SK_REFUSED) {
		ce_map(&is);
		if (!is.n && *e.msg)
			sk_issues_add(&is, "kas", SK_SEV_ERROR, "%s", e.msg);
		fu_refused(&f->fu.uf, &is);
		return;
	}
	if (rc != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	char what[300], num[32];
	snprintf(what, sizeof what, "%s Rp %s (%s)", c.masuk ? _("Uang masuk") : _("Uang keluar"),
		 sk_format_rupiah(c.masuk ? c.masuk : c.keluar, num, sizeof num), c.no_bukti);
	if (is.n) {
		fu_saved(what, &is);
	} else {
		char bal[32];
		frame_msg(MSG_INFO, _("%s tersimpan. Saldo %s sekarang Rp %s."), what,
			  cash_book_label(c.buku),
			  sk_format_rupiah(cash_balance(s->db, c.kelompok_id, c.buku, NULL), bal,
					   sizeof bal));
	}
	ui_pop();
}

/* A key the form used: the receipt number follows the book and the direction; findings. */
static void ce_after(struct screen *s, enum uf_result r, int left)
{
	struct cash_entry *f = s->data;
	if (r == UF_IGNORED)
		return;
	const char *cur = f->fu.uf.defs[left >= 0 ? left : f->fu.uf.cur].name;
	if (strcmp(cur, "buku") == 0 || strcmp(cur, "jenis") == 0)
		ce_propose(s);
	if (left >= 0)
		uform_touch(&f->fu.uf, left);
	ce_validate(s);
}

static int ce_key(struct screen *s, wint_t ch, int kc)
{
	return fu_form_key(s, ch, kc, ce_after, NULL, ce_save);
}

const struct screen_ops CASH_ENTRY_OPS = FU_SCREEN("cash-entry", ce_init, ce_key, HELP_CASH_ENTRY,
		HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")),
		HINT(ACT_NEXT, NC_("hint", "Isian berikutnya")), HINTS_BACK_QUIT);
