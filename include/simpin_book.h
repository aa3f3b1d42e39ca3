/* simpin_book.h - every savings-and-loans movement as the treasurer records it, each written
 * with its ledger rows in one transaction (docs/simpin.md section 3): book simpin, or umum for
 * a loan from UEP capital and its repayments; the ledger rows carry sumber_id = the source
 * row and no pertemuan_id. Corrections by reversal (savings, repayments) or by deletion with
 * the ledger rows reversed (loans without repayments, fines); the close of a cycle with its
 * share-out. Each function validates (field rules of simpin.h and the rules between rows of
 * docs/simpin.md section 4), refuses with SK_REFUSED and a message (findings in is where it
 * takes one), and may run inside a caller's transaction (the meeting's): db_begin_write
 * nests. No curses here. */
#ifndef SK_SIMPIN_BOOK_H
#define SK_SIMPIN_BOOK_H

#include "simpin.h"

/* Open a new cycle for c->kelompok_id with c's rules (mulai, charges, limit, fines, method;
 * nomor is set to the group's last + 1, id and stamps assigned). Refused when the group has
 * an open cycle, is deleted, a field is wrong, or mulai is not after the last cycle's
 * selesai. A limit of 0 is accepted with a warning in is. */
int simpin_cycle_start(sk_db *db, sk_cycle *c, sk_issues *is, sk_err *e);
/* Change the rules of the open cycle c->id (the fields of c; kelompok_id, nomor, mulai and
 * selesai stay). Refused when the cycle is closed, and when a lower limit would put a loan
 * already made above it (C5). Loans keep the rate they were made with. */
int simpin_cycle_update(sk_db *db, sk_cycle *c, sk_issues *is, sk_err *e);

/* Record a deposit or withdrawal (s->setor or s->tarik) of member s->anggota_id in the open
 * cycle s->siklus_id on s->tanggal (membalik_id empty). Refused: a field wrong, the member
 * not of the group (S1), a date outside the cycle or after today (S4), a closed month of the
 * simpin book, a balance going below zero (S2), pokok/wajib withdrawn on a day other than
 * the member's leaving (S3), a withdrawal the book's cash cannot pay. */
int simpin_saving_add(sk_db *db, sk_saving *s, sk_issues *is, sk_err *e);
/* Reverse savings row id: a mirror row of the same cycle, member and kind dated today (within
 * the cycle: refused once it is closed), posting the reversing ledger row. Refused for a
 * reversal, a row reversed before, or a balance going below zero. */
int simpin_saving_reverse(sk_db *db, const char *id, sk_saving *out, sk_err *e);

/* Make a loan: rate and method copied from the cycle; refused when a field is wrong, the
 * cycle is closed or the date outside it, the member is not of the group (L1), the loan is
 * above the limit on its date (L2: "Pinjaman Rp ... melebihi batas Rp ... (...)"), or the
 * book (simpin, or umum for sumber uep) lacks the cash (L3: "Kas ... hanya Rp ..."). */
int simpin_loan_add(sk_db *db, sk_loan *l, sk_issues *is, sk_err *e);
/* Delete a loan made by mistake (dihapus=1, its payout reversed). Refused while it has live
 * repayments (reverse them first). */
int simpin_loan_delete(sk_db *db, const char *id, sk_err *e);
/* Write a loan off on date (the group's decision): it stays in the reports, no longer counts
 * as owed. Refused for a deleted or written-off loan, a date before the loan or after today. */
int simpin_loan_write_off(sk_db *db, const char *id, const char *date, sk_err *e);

/* Record a repayment of loan r->pinjaman_id on r->tanggal. Refused when a field is wrong, the
 * loan is deleted, the date is before the loan (A2) or after today, or the principal would
 * exceed what is owed (A1: the message names what is still owed). */
int simpin_repay_add(sk_db *db, sk_repay *r, sk_issues *is, sk_err *e);
/* Reverse repayment id (a mirror row dated today, its ledger row reversed). */
int simpin_repay_reverse(sk_db *db, const char *id, sk_repay *out, sk_err *e);

/* Record a fine (f->jenis, f->jumlah) of a member in the open cycle; paid at once when
 * f->dibayar_pada is set (then posted). */
int simpin_fine_add(sk_db *db, sk_fine *f, sk_issues *is, sk_err *e);
/* Pay fine id on date (posted to the simpin book). Refused for a paid, waived or deleted
 * fine. */
int simpin_fine_pay(sk_db *db, const char *id, const char *date, sk_err *e);
/* Waive fine id (dibebaskan=1); a payment already posted is reversed. */
int simpin_fine_waive(sk_db *db, const char *id, sk_err *e);
/* Delete a fine recorded by mistake; a payment already posted is reversed. */
int simpin_fine_delete(sk_db *db, const char *id, sk_err *e);

/* Delete every savings, repayment, loan and fine row recorded at meeting pertemuan_id (and
 * the reversals of its savings and repayments), reversing their ledger rows; for deleting
 * the meeting (simpin_meeting_delete, which checks first that no loan made there has other
 * repayments and guards the balances after). */
int simpin_drop_meeting_rows(sk_db *db, const char *pertemuan_id, sk_err *e);

/* Close cycle siklus_id on date with its share-out (docs/simpin.md section 8): the plan of
 * simpin_share_plan on that date is recomputed and, unless refused, written in one
 * transaction: the potongan repayments (oldest loan first, service in arrears before
 * principal), the bagi_hasil rows with their payouts, then the cycle's selesai. Refused when
 * the cycle is closed or deleted, the date is before its start, after today, before its last
 * simpin movement or in a closed month, when there is nothing to share by (the method's
 * weights are all 0) or a debt is larger than its payout (decision 13: the member named).
 * The plan written goes to plan (may be NULL; the caller frees it). */
int simpin_cycle_close(sk_db *db, const char *siklus_id, const char *date, sk_share_plan *plan,
		       sk_err *e);
/* Why cycle p->c may not be closed on date with plan p (simpin_share_plan of that date):
 * SK_REFUSED with the reason in e (as simpin_cycle_close gives it), or SK_OK. For the review
 * screen before the close. */
int simpin_close_allowed(sk_db *db, const sk_share_plan *p, const char *date, sk_err *e);

#endif
