/* cash_priv.h - what the ledger (cash_ledger.c) gives the meeting postings (meeting_post.c):
 * the steps of cash_add/cash_reverse without their refusals of meeting rows and without their
 * own transaction. Not for other modules. */
#ifndef SK_CASH_PRIV_H
#define SK_CASH_PRIV_H

#include "cashbook.h"

/* The standing rows (not deleted, not a reversal, not reversed) in the order of date and id:
 * of source sumber_id when it is not NULL, else of meeting pertemuan_id in book buku.
 * Returns a malloc'ed array (free it) and their number in *n, or NULL on a db error (in e). */
sk_cash_row *cash_standing(sk_db *db, const char *pertemuan_id, const char *buku,
			   const char *sumber_id, int *n, sk_err *e);
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
