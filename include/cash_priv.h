/* cash_priv.h - what the ledger (cash_ledger.c) gives the meeting postings (meeting_post.c):
 * the steps of cash_add/cash_reverse without their refusals of meeting rows and without their
 * own transaction. Not for other modules. */
#ifndef SK_CASH_PRIV_H
#define SK_CASH_PRIV_H

#include "cashbook.h"

/* The columns cash_read_row reads, for SELECTs on kas. */
#define CASH_ROW_COLS "id, kelompok_id, tanggal, coalesce(no_bukti,''), buku, kategori, " \
	"coalesce(uraian,''), masuk, keluar, coalesce(pertemuan_id,''), coalesce(membalik_id,''), " \
	"diubah_pada, dihapus, coalesce(sumber_id,'')"

/* Read the columns id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, keluar,
 * pertemuan_id, membalik_id, diubah_pada, dihapus, sumber_id (columns 0-13, in that order)
 * into out. */
void cash_read_row(sqlite3_stmt *st, sk_cash_row *out);
/* Insert c (assigns id, diubah_pada, and no_bukti when empty); no checks. The caller holds
 * the transaction. */
int cash_insert_row(sk_db *db, sk_cash_row *c, sk_err *e);
/* Insert the reversal of row o (see cash_reverse), carrying o's pertemuan_id; refused only
 * when the date it gets lies in a closed month. Result to out (may be NULL). The caller holds
 * the transaction. */
int cash_insert_reversal(sk_db *db, const sk_cash_row *o, sk_cash_row *out, sk_err *e);
/* SK_REFUSED with a message naming the day and the balance when some day from date from on
 * ends below zero in the book; SK_OK otherwise. */
int cash_guard(sk_db *db, const char *kelompok_id, const char *buku, const char *from, sk_err *e);
/* SK_OK when the month of date (YYYY-MM-DD) is open in the book (see cash_month_closed);
 * SK_REFUSED ("Bulan YYYY-MM kas ... sudah ditutup") when it is closed; the database error
 * when it cannot tell. Messages in e. */
int cash_check_open(sk_db *db, const char *kelompok_id, const char *buku, const char *date,
		    sk_err *e);

#endif
