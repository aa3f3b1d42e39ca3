/* simpin_book_priv.h - what the files of the simpin_book module share: the postings of a
 * source row, the checks every movement makes. Not for other modules. */
#ifndef SK_SIMPIN_BOOK_PRIV_H
#define SK_SIMPIN_BOOK_PRIV_H

#include "simpin_book.h"

/* Post amount (> 0 receipt, < 0 expense, 0 nothing) of source row sumber_id into book buku of
 * group g on tanggal, category kategori, description uraian (stored text, untranslated).
 * Refused when the month is closed in that book. The caller holds the transaction. */
int simpin_book_post(sk_db *db, const char *g, const char *buku, const char *kategori,
		     int64_t amount, const char *tanggal, const char *sumber_id, const char *uraian,
		     sk_err *e);
/* Reverse every standing ledger row of source sumber_id (not deleted, not a reversal, not
 * reversed): a mirror row dated today (or its own date when later), keeping the sumber_id.
 * *from gets the earliest date written (for cash_guard; untouched when nothing). */
int simpin_book_unpost(sk_db *db, const char *sumber_id, char from[16], sk_err *e);
/* Post the reversal of source row orig_id's standing ledger row for the reversal row
 * rev_id: the mirror of orig_id's row, carrying sumber_id rev_id. *date gets its date. */
int simpin_book_post_reversal(sk_db *db, const char *orig_id, const char *rev_id,
			      char date[16], sk_err *e);

/* A reversal of row id may be recorded: the row is no reversal itself (its membalik_id is
 * membalik, "" when none) and no live row of its table reverses it yet. reversed_sql selects
 * such a row by :id (the table cannot be bound; NULL: the first check only). SK_OK,
 * SK_REFUSED with the reason, or the database error. The caller holds the transaction. */
int simpin_book_reversible(sk_db *db, const char *reversed_sql, const char *membalik,
			   const char *id, sk_err *e);
/* The date of the reversal of a row dated tanggal into out: today, or tanggal when later. */
void simpin_book_reversal_date(const char *tanggal, char out[16]);

/* The live row id of table t (a movement with a siklus_id column; size bytes) into row and its
 * live cycle into c: SK_NOTFOUND with notfound (translated) when the row is missing or
 * deleted, as simpin_book_cycle for the cycle. */
int simpin_book_load(sk_db *db, const table_def *t, const char *id, void *row, size_t size,
		     const char *notfound, sk_cycle *c, sk_err *e);
/* The live cycle siklus_id into c: SK_NOTFOUND (message) when none or deleted. */
int simpin_book_cycle(sk_db *db, const char *siklus_id, sk_cycle *c, sk_err *e);
/* Refusals every new movement of a cycle shares: the cycle closed (a date in it: the cycle's
 * number and end in the message), the date outside the cycle or after today. field names the
 * date's column for is. Returns 1 when fine. */
int simpin_book_date_ok(const sk_cycle *c, const char *date, const char *field, sk_issues *is);
/* Member anggota_id of group g (not deleted): its name into nama and its leaving date (or "")
 * into keluar. SK_REFUSED (message in e) when not a member of g, or the database error. */
int simpin_book_member(sk_db *db, const char *anggota_id, const char *g, char *nama, size_t n,
		       char keluar[16], sk_err *e);
/* S6: pertemuan_id, when set, names a live meeting of group g on date; a finding on
 * pertemuan_id otherwise. SK_OK, or the database error. */
int simpin_book_meeting_ok(sk_db *db, const char *pertemuan_id, const char *g, const char *date,
			   sk_issues *is, sk_err *e);
/* S2 over one member's kind in a cycle: SK_REFUSED naming the date when the balance goes
 * below zero on some day, SK_OK otherwise. */
int simpin_book_guard_saving(sk_db *db, const char *siklus_id, const char *anggota_id,
			     const char *jenis, sk_err *e);
/* A1 over one loan: SK_REFUSED when the principal repaid goes above the loan or below zero. */
int simpin_book_guard_repay(sk_db *db, const sk_loan *l, sk_err *e);
/* A posting's description (stored text, untranslated) from fmt into out (n bytes): cut on a
 * character boundary when too long, as the ledger keeps it. */
void simpin_book_text(char *out, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A new row's id (assigned when empty) and stamps. */
void simpin_book_stamp(char *id, char *diubah_pada, int *dihapus);
/* End of a write: db_end(rc == SK_OK), returning the first failure. */
int simpin_book_end(sk_db *db, int rc, sk_err *e);
/* A refused save: the findings' first error in e (SK_REFUSED). */
int simpin_book_refused(const sk_issues *is, sk_err *e);

/* What a new movement's checks find and its posting needs besides its row. */
typedef struct simpin_move {
	sk_cycle c;                 /* the movement's cycle */
	sk_loan l;                  /* its loan (a repayment) */
	char nama[SK_NAME_BYTES];   /* the member's name */
	char keluar[16];            /* the member's leaving date, or "" */
} simpin_move;
/* The member and meeting checks of a new movement of member anggota_id in cycle mv->c on
 * date at meeting pertemuan_id (S6): the member's name and leaving date into mv (a member
 * not of the group is a finding on anggota_id), the meeting. SK_OK (findings in is), or the
 * database error in e. */
int simpin_book_who(sk_db *db, simpin_move *mv, const char *anggota_id, const char *pertemuan_id,
		    const char *date, sk_issues *is, sk_err *e);
/* A new movement is no reversal (the command Balik makes those): a finding on membalik_id
 * when it names one. */
void simpin_book_not_reversal(const char *membalik_id, sk_issues *is);
/* Withdraw a stored movement (row of table t, already changed by the caller: deleted or
 * waived; diubah_pada is its field, stamped now here): in one write transaction store it,
 * reverse its standing postings and check book buku of group g from the earliest date
 * written. SK_OK, SK_NOTFOUND with notfound (a msgid), or the refusal or error in e. */
int simpin_book_withdraw(sk_db *db, const table_def *t, const void *row, char *diubah_pada,
			 const char *id, const char *g, const char *buku, const char *notfound,
			 sk_err *e);
/* The checks every new movement of a member shares: no reversal (simpin_book_not_reversal of
 * membalik_id; NULL for a kind without that column), its live cycle siklus_id into mv->c
 * (simpin_book_cycle), its date tanggal (simpin_book_date_ok on "tanggal"), the member and
 * the meeting (simpin_book_who). SK_OK (findings in is), or the error in e. */
int simpin_book_move_checks(sk_db *db, simpin_move *mv, const char *membalik_id,
			    const char *siklus_id, const char *anggota_id, const char *pertemuan_id,
			    const char *tanggal, sk_issues *is, sk_err *e);
/* How a movement posts once its row is stored (inside the transaction). */
typedef int (*simpin_post_fn)(sk_db *db, const void *row, const simpin_move *mv, sk_err *e);
/* Store the new row of table t (size bytes; its id, diubah_pada and dihapus given here:
 * simpin_book_stamp) and post(db, row, mv, e), in one write transaction. When is (may be
 * NULL) holds errors nothing is stored: SK_REFUSED with the first (simpin_book_refused). On
 * any failure row is put back as it was. SK_OK, or the refusal or error in e. */
int simpin_book_insert(sk_db *db, const table_def *t, void *row, size_t size,
		       simpin_post_fn post, const simpin_move *mv, const sk_issues *is, sk_err *e);
/* Record row as the reversal of the stored movement it copies (a live row of table t, size
 * bytes, with id, tanggal, pertemuan_id and membalik_id columns; amounts whose sign the row
 * carries already mirrored by the caller): membalik_id becomes its id, then a new id, the
 * reversal's date (simpin_book_reversal_date of its tanggal) and no meeting. In one write
 * transaction (simpin_book_insert): the row, the mirror of the original's standing postings,
 * guard(db, row, mv, e) (the balance the kind keeps) and book buku of mv->c's group from the
 * reversal's date. SK_OK with the reversal in row and in out (may be NULL), or the refusal
 * or error in e. */
int simpin_book_reverse(sk_db *db, const table_def *t, void *row, size_t size,
			simpin_post_fn guard, const simpin_move *mv, const char *buku, void *out,
			sk_err *e);
/* Store the change of stored movement row of table t (its diubah_pada stamped now; SK_NOTFOUND
 * with notfound, a msgid, when it is gone) and then post(db, row, mv, e) when post is not
 * NULL, in one write transaction. SK_OK, or the refusal or error in e. */
int simpin_book_update(sk_db *db, const table_def *t, void *row, const char *notfound,
		       simpin_post_fn post, const simpin_move *mv, sk_err *e);

#endif
