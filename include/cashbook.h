/* cashbook.h - the group's cash-book ledger (table kas) and its month closes (table tutup_kas):
 * rules and storage for import, the ledger operations for the Kas screen. No curses here. */
#ifndef SK_CASHBOOK_H
#define SK_CASHBOOK_H

#include <stdint.h>
#include "db.h"
#include "table.h"
#include "util.h"
#include "tables_gen.h"

/* A row of a cash book (table kas); its fields, like every row struct's, are in
 * src/tables.tsv. */
SK_CASH_ROW_TYPEDEF;

/* The kas table's columns (table.h), in the bundle's order: for the store and import. */
extern const table_def KAS_TABLE;

/* NULL-terminated lists of the books and categories the screens offer (the books umum, iks and
 * simpin: savings and loans, whose own costs are typed there); format 2 also has the
 * categories simpanan, penarikan and denda, valid in storage and bundles, posted only from
 * their source rows (simpin_book.h). */
extern const char *const CASH_BUKU_VALUES[];
extern const char *const CASH_KATEGORI_VALUES[];
/* What the screens show for each of CASH_KATEGORI_VALUES, in the same order (msgids). */
extern const char *const CASH_KATEGORI_LABELS[];
/* 1 when v is umum, iks or simpin. */
int valid_cash_buku(const char *v);
/* 1 when v is one of CASH_KATEGORI_VALUES or a category of format 2. */
int valid_cash_kategori(const char *v);

/* The book as a clerk reads it in messages: "kas umum", "kas IKS", "kas simpan pinjam"
 * (translated; the word itself for an unknown book). */
const char *cash_book_label(const char *buku);

/* 1 when kategori is money coming in only (iuran_kas, iuran_iks, bantuan, penjualan,
 * angsuran): never an expense the clerk records. */
int cash_kategori_income_only(const char *kategori);
/* An error on kategori when c pays money out under such a category. For rows the clerk types
 * (cash_add, cash_update): reversals mirror their row and keep its category. Appended to is. */
void cash_validate_direction(const sk_cash_row *c, sk_issues *is);
/* Fill c with defaults for a new row of group kelompok_id dated today (buku umum). */
void cash_init(sk_cash_row *c, const char *kelompok_id);
/* Checks that need only this row: tanggal a real date, buku and kategori known, amounts >= 0
 * and exactly one of masuk and keluar > 0. Appended to is. */
void cash_validate_fields(const sk_cash_row *c, sk_issues *is);
/* Checks against other rows: the group exists, pertemuan_id and membalik_id (when given) name
 * existing rows (deleted or not). Appended to is. */
void cash_validate_links(sk_db *db, const sk_cash_row *c, sk_issues *is);
/* Both; is cleared first. */
void cash_validate(sk_db *db, const sk_cash_row *c, sk_issues *is);
/* Read one row by id (deleted ones too). SK_NOTFOUND when none. */
int cash_get(sk_db *db, const char *id, sk_cash_row *out, sk_err *e);
/* Write c exactly as given (stamps kept), without validation: insert=1 inserts, 0 replaces the
 * stored row c->id (SK_NOTFOUND when none). The caller holds the transaction. */
int cash_store_raw(sk_db *db, const sk_cash_row *c, int insert, sk_err *e);

/* --- The ledger as the treasurer keeps it (src/cash_ledger.c, src/cash_close.c). ---
 * Rules: a book's balance at the end of every day stays >= 0; rows of a closed month (see
 * cash_month_closed) are never changed, deleted or added to: a correction is a reversing row
 * (membalik_id) plus the right row; rows posted from a meeting (pertemuan_id) change only
 * through the meeting (meeting_save, meeting_delete). */

/* Balance of book buku of the group over the rows (not deleted) dated on or before upto
 * (YYYY-MM-DD; NULL or "" = every row) into *out. SK_OK or the database error in e. */
int cash_balance_get(sk_db *db, const char *kelompok_id, const char *buku, const char *upto,
		     int64_t *out, sk_err *e);
/* The same for showing: the balance, or 0 when the database cannot tell. Code that stores or
 * decides on a balance uses cash_balance_get. */
int64_t cash_balance(sk_db *db, const char *kelompok_id, const char *buku, const char *upto);
/* What may still be spent from the book on date from without any day from then on ending
 * below zero: the smallest end-of-day balance on from and every later date, into *out.
 * SK_OK or the database error in e. */
int cash_available(sk_db *db, const char *kelompok_id, const char *buku, const char *from,
		   int64_t *out, sk_err *e);
/* Next receipt number of the group's book: BKM-0001, BKM-0002, ... for receipts (masuk=1),
 * BKK-0001, ... for expenses; one past the highest number of that kind ever used in the book
 * (deleted rows included, so a number is never given twice), written with as many digits as
 * that highest number (a book imported with BKM-019 goes on with BKM-020). out needs 16 bytes. */
void cash_next_receipt(sk_db *db, const char *kelompok_id, const char *buku, int masuk,
		       char *out, size_t n);
/* 1 when month (YYYY-MM) of the book is closed: that month or a later one has a month close
 * (closing a month settles every month before it too); 0 when open; -1 when the database
 * cannot tell. */
int cash_month_closed(sk_db *db, const char *kelompok_id, const char *buku, const char *month);
/* 1 when month (YYYY-MM) has ended by today (YYYY-MM-DD): an earlier month, or today's month
 * on its last day. Only such a month may be closed. */
int cash_month_over(const char *month, const char *today);

/* Validate and add a receipt or expense typed by the clerk (pertemuan_id and membalik_id must
 * be empty: see meeting_save and cash_reverse). Assigns id, diubah_pada and, when empty,
 * no_bukti. Refused (SK_REFUSED, findings in is, first one in e) when a field is wrong, the
 * month is closed, or an expense exceeds cash_available (the message shows the balance).
 * Warnings (a receipt number used before) leave SK_OK. */
int cash_add(sk_db *db, sk_cash_row *c, sk_issues *is, sk_err *e);
/* Change the stored row c->id to c's date, book, category, description, amounts and receipt
 * number while both its old and new month are open; sets diubah_pada. Refused for meeting
 * postings, reversals, reversed rows, closed months and when a book would go below zero. */
int cash_update(sk_db *db, sk_cash_row *c, sk_issues *is, sk_err *e);
/* Soft-delete a row (dihapus=1) while its month is open; same refusals as cash_update. */
int cash_delete(sk_db *db, const char *id, sk_err *e);
/* Reverse row id: a mirror row (masuk and keluar swapped, membalik_id = id, same book and
 * category) dated today (or the row's own date when that is later), with its own receipt
 * number. Refused for a deleted row, a meeting posting, a reversal, a row reversed before,
 * a closed month, or when the book would go below zero. The new row goes to out (may be NULL). */
int cash_reverse(sk_db *db, const char *id, sk_cash_row *out, sk_err *e);

/* One month close of a book (table tutup_kas). */
SK_CASH_CLOSE_TYPEDEF;

/* The tutup_kas table's columns (table.h), in the bundle's (tutup_buku.csv) order; selisih
 * (derived) and ditutup_oleh stay in this database. */
extern const table_def TUTUP_KAS_TABLE;

/* Close month (YYYY-MM, not after the current month, not closed yet) of the book: records the
 * book balance at the month's end, the counted amount (>= 0) and the difference. oleh and
 * catatan may be NULL. The record goes to out (may be NULL). SK_REFUSED with a message when
 * not allowed. */
int cash_close_month(sk_db *db, const char *kelompok_id, const char *buku, const char *month,
		     int64_t counted, const char *oleh, const char *catatan, sk_cash_close *out,
		     sk_err *e);
/* The latest month close of the book. SK_NOTFOUND when the book was never closed. */
int cash_last_close(sk_db *db, const char *kelompok_id, const char *buku, sk_cash_close *out,
		    sk_err *e);

/* Which rows a book view shows. */
typedef struct sk_cash_filter {
	const char *kelompok_id;
	const char *buku;             /* umum | iks */
	const char *bulan;            /* YYYY-MM, NULL or "" = every month */
	const char *kategori;         /* NULL or "" = every category */
} sk_cash_filter;

/* One line of a book view: the row, the book's running balance after it (over every row of
 * the book, whatever the filter) and whether it was reversed (by a row not deleted). */
SK_CASH_LINE_TYPEDEF;

/* SQL (a list for ORDER BY over kas with alias t, e.g. "k."): the order of a book as the
 * treasurer writes it, by date, then in the order the rows were entered (stored in this
 * database); a reversal comes right after the row it reverses when both are on one day, even
 * when they were merged from another office in another order. The running balance follows
 * it, so it only shows amounts the cash box really held. Shared by the Kas screen and the
 * reports. */
#define CASH_BOOK_ORDER(t) \
	t "tanggal, coalesce((SELECT o_.rowid FROM kas o_ WHERE o_.id=" t "membalik_id AND " \
	"o_.tanggal=" t "tanggal), " t "rowid), " t "membalik_id IS NOT NULL, " t "rowid"

/* Rows (not deleted) of a book matching f in the order of the paper book (CASH_BOOK_ORDER),
 * up to limit from offset; *n rows written. */
int cash_list(sk_db *db, const sk_cash_filter *f, int offset, int limit, sk_cash_line *out,
	      int *n, sk_err *e);
/* Number of rows cash_list would give without offset and limit, or -1 on a database error. */
int cash_count(sk_db *db, const sk_cash_filter *f);

#endif
