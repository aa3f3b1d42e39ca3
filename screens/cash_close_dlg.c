/* cash_close_dlg.c - month close of a cash book from the Kas screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cash_close_dlg.h"
#include "cashbook.h"
#include "dialog.h"
#include "frame.h"
#include "i18n.h"
#include "input_dlg.h"
#include "report.h"

static const char *const MONTHS[] = { N_("Januari"), N_("Februari"), N_("Maret"), N_("April"),
	N_("Mei"), N_("Juni"), N_("Juli"), N_("Agustus"), N_("September"), N_("Oktober"),
	N_("November"), N_("Desember") };

static void month_name(const char *bulan, char *out, size_t n)
{
	int m = atoi(bulan + 5);
	snprintf(out, n, "%s %.4s", m >= 1 && m <= 12 ? _(MONTHS[m - 1]) : "?", bulan);
}

static const char *book_label(const char *buku)
{
	return strcmp(buku, "iks") == 0 ? _("IKS")
	       : strcmp(buku, "simpin") == 0 ? _("simpan pinjam") : _("umum");
}

/* Book the difference of a close as a row today (stored text, the same in every language, as
 * the ledger's own descriptions): in when more was counted, out when less. */
static int book_difference(sk_db *db, const char *group_id, const char *buku, const char *month,
			   int64_t diff, const char *note, sk_cash_row *row, sk_err *e)
{
	sk_issues is;
	cash_init(row, group_id);
	snprintf(row->buku, sizeof row->buku, "%s", buku);
	snprintf(row->kategori, sizeof row->kategori, "lainnya");
	char desc[sizeof row->uraian];
	snprintf(desc, sizeof desc, "Selisih kas tutup bulan %s%s%s", month, *note ? ": " : "", note);
	sk_strlcpy(row->uraian, desc, sizeof row->uraian);
	if (diff > 0)
		row->masuk = diff;
	else
		row->keluar = -diff;
	return cash_add(db, row, &is, e);
}

void cash_close_ask(sk_db *db, const char *group_id, const char *buku, const char *bulan)
{
	char now[11], month[8], last[16], mon[64], bal[32], q[900], typed[40], note[300] = "";
	sk_today(now);
	/* The month shown, or this one; while that has not ended, the month before it (on the
	 * 1st the treasurer closes the month just past). */
	snprintf(month, sizeof month, "%.7s", bulan && *bulan ? bulan : now);
	if (!cash_month_over(month, now) && strncmp(month, now, 7) == 0)
		report_month_add(month, -1, month);
	month_name(month, mon, sizeof mon);
	if (cash_month_closed(db, group_id, buku, month)) { /* at once, before any question */
		sk_cash_close cl;
		if (cash_last_close(db, group_id, buku, &cl, NULL) == SK_OK)
			frame_msg(MSG_WARN, _("Bulan %s buku kas %s sudah ditutup (penutupan terakhir: "
					      "%s). Koreksi dengan pembalikan di bulan yang terbuka."),
				  mon, book_label(buku), cl.bulan);
		else
			frame_msg(MSG_WARN, _("Bulan %s buku kas %s sudah ditutup."), mon,
				  book_label(buku));
		return;
	}
	snprintf(last, sizeof last, "%s-31", month);
	int64_t saldo = cash_balance(db, group_id, buku, last), counted;
	snprintf(q, sizeof q, _("Tutup bulan %s, buku kas %s. Saldo buku akhir bulan: Rp %s. Tulis "
				"jumlah uang yang dihitung bendahara:"), mon, book_label(buku),
		 sk_format_rupiah(saldo, bal, sizeof bal));
	/* Empty: the treasurer types what was counted, not the book's figure. */
	typed[0] = '\0';
	if (!dlg_input(q, typed, sizeof typed))
		return;
	if (sk_parse_rupiah(typed, &counted) != 0) {
		frame_msg(MSG_ERROR, "%s", _("Tulis jumlah rupiah dengan angka saja, misalnya 1250000."));
		return;
	}
	char cnt[32], diff[32];
	int64_t d = counted - saldo;
	sk_format_rupiah(counted, cnt, sizeof cnt);
	snprintf(diff, sizeof diff, "%s%s", d < 0 ? "-" : "", sk_format_rupiah(d < 0 ? -d : d, bal,
									 sizeof bal));
	sk_format_rupiah(saldo, bal, sizeof bal);
	snprintf(q, sizeof q, _("Saldo buku Rp %s, dihitung Rp %s, selisih Rp %s. Tutup bulan %s? Sesudah "
				"ditutup, baris bulan itu tidak dapat diubah lagi. (y/t)"), bal, cnt,
		 diff, mon);
	if (!dlg_confirm(q))
		return;
	int book = 0;
	if (d != 0) {
		snprintf(q, sizeof q, _("Selisih Rp %s. Catatan bendahara tentang selisih itu (boleh "
					"kosong):"), diff);
		if (!dlg_input(q, note, sizeof note))
			note[0] = '\0';
		snprintf(q, sizeof q, _("Bukukan selisih Rp %s sebagai baris kas \"selisih kas\" hari ini, "
					"supaya saldo buku sama dengan uang yang ada? y = bukukan, t = "
					"biarkan tercatat di tutup bulan saja. (y/t)"), diff);
		book = dlg_ask(q, 1);
	}
	sk_err e;
	sk_err_clear(&e);
	if (cash_close_month(db, group_id, buku, month, counted, NULL, note, NULL, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	if (d == 0) {
		frame_msg(MSG_INFO, _("%s ditutup. Dihitung Rp %s, tidak ada selisih."), mon, cnt);
		return;
	}
	sk_cash_row row;
	if (!book) {
		frame_msg(MSG_WARN, _("%s ditutup. Selisih Rp %s tidak dibukukan: tercatat di tutup bulan "
				      "saja, saldo buku tetap."), mon, diff);
		return;
	}
	if (book_difference(db, group_id, buku, month, d, note, &row, &e) != SK_OK) {
		frame_msg(MSG_ERROR, _("%s ditutup, tetapi selisih Rp %s tidak dapat dibukukan: %s"), mon,
			  diff, e.msg);
		return;
	}
	frame_msg(MSG_INFO, _("%s ditutup. Selisih Rp %s dibukukan hari ini: %s (lain-lain)."), mon,
		  diff, row.no_bukti);
}
