/* simpin_meeting.h - a meeting with its savings and loans, in the order savings groups use
 * (count first, lend last; docs/simpin.md section 7): what the meeting form prefills
 * (simpanan wajib of present members, repayments due, fines raised and unpaid), the checks of
 * a new loan against the limit and the cash with the meeting's other movements, the cash on
 * hand per book, and saving it all (meeting, attendance, dues, savings, repayments, fines,
 * loans and every ledger row) in one transaction. No curses here. */
#ifndef SK_SIMPIN_MEETING_H
#define SK_SIMPIN_MEETING_H

#include "meeting.h"
#include "simpin.h"
#include "tables_gen.h"

#define SM_MAX_REPAYS MEETING_MAX_ROWS
#define SM_MAX_FINES (2 * MEETING_MAX_ROWS)
#define SM_MAX_LOANS 20

/* One member's savings at the meeting, per kind (0 = none). */
typedef struct sk_meeting_saving {
	char anggota_id[SK_UUID_LEN + 1];
	char nama[SK_NAME_BYTES];
	int64_t setor[SIMPIN_KINDS];
} sk_meeting_saving;

/* A loan with something due by the meeting's date. */
typedef struct sk_meeting_repay {
	char pinjaman_id[SK_UUID_LEN + 1];
	char anggota_id[SK_UUID_LEN + 1];
	char nama[SK_NAME_BYTES];
	char sumber[8];
	int64_t due_pokok, due_jasa;   /* in arrears on the date: the prefill */
	int64_t sisa_pokok;            /* principal still owed: the cap of pokok (A1) */
	int64_t pokok, jasa;           /* to record; both 0 = nothing paid */
	int late;                      /* late instalments this repayment completes */
} sk_meeting_repay;

/* A fine on the fines page: raised at this meeting (id "") or an older unpaid one. */
SK_MEETING_FINE_TYPEDEF;

/* A loan made at the meeting. */
typedef struct sk_meeting_loan {
	char anggota_id[SK_UUID_LEN + 1];
	char nama[SK_NAME_BYTES];
	int64_t pokok;
	int jumlah_angsuran;
	char jarak[8];                 /* minggu | bulan */
	char sumber[8];                /* simpin | uep */
	char tujuan[SK_NAME_BYTES];
} sk_meeting_loan;

/* The savings-and-loans part of a meeting (about 250 KB: allocate it). */
typedef struct sk_meeting_money {
	int has_cycle;                 /* 0: the group has no cycle open on the date */
	sk_cycle c;
	int nsav;
	sk_meeting_saving sav[MEETING_MAX_ROWS];
	int nrep;
	sk_meeting_repay rep[SM_MAX_REPAYS];
	int nfine;
	sk_meeting_fine fine[SM_MAX_FINES];
	int nloan;
	sk_meeting_loan loan[SM_MAX_LOANS];
} sk_meeting_money;

/* Fill mm for a new meeting m of its group with attendance rows (names[i] the member of
 * rows[i]): the cycle open on m->tanggal; per attendance row a savings row, prefilled for a
 * present member (H) with simpanan_wajib, and simpanan_pokok when the member has none yet in
 * the cycle; per loan in arrears on the date (UEP loans too) a repayment of the arrears;
 * the fines the roll call raises (simpin_meeting_fines) and the member's older unpaid fines.
 * SK_OK (mm->has_cycle 0 when there is no cycle) or the database error. */
int simpin_meeting_prepare(sk_db *db, const sk_meeting *m, const sk_attendance *rows,
			   const sk_attendee *names, int n, sk_meeting_money *mm, sk_err *e);
/* The prefill of one attendance row after its status changed: present members get wajib
 * (and pokok when due), others nothing. */
int simpin_meeting_prefill_saving(sk_db *db, const sk_meeting_money *mm, const char *status,
				  sk_meeting_saving *s, sk_err *e);
/* Recount the late instalments of each repayment row on date (loan_late_instalments) and
 * raise the fines again: one denda_alpa per attendance row with status A, one
 * denda_terlambat per late instalment. Raised fines kept from before keep their paid and
 * waived marks; older fines stay. SK_OK or the database error. */
int simpin_meeting_fines(sk_db *db, sk_meeting_money *mm, const char *date,
			 const sk_attendance *rows, const sk_attendee *names, int n, sk_err *e);

/* The cash of one book around the meeting. */
typedef struct sk_meeting_cash {
	const char *buku;              /* umum, iks, simpin */
	int64_t awal;                  /* balance at the end of the day before the meeting... */
	int64_t masuk, keluar;         /* ...what the meeting brings in and pays out */
	int64_t akhir;                 /* awal + masuk - keluar */
} sk_meeting_cash;
/* The three books (umum, iks, simpin) for a new meeting on date: awal is the balance of the
 * rows dated on or before date already stored; masuk the dues, savings, repayments and fines
 * paid; keluar the loans. SK_OK or the database error. */
int simpin_meeting_cash(sk_db *db, const char *kelompok_id, const char *date,
			const sk_attendance *rows, int n, const sk_meeting_money *mm,
			sk_meeting_cash out[3], sk_err *e);

/* Check new loan mm->loan[i] as it would be written (after the meeting's savings and the
 * loans before it): the member of the group, the limit on its savings with this meeting's,
 * the book's cash with this meeting's movements, the schedule. SK_REFUSED with the numbers in
 * e ("Pinjaman Rp 700.000 melebihi batas Rp 600.000 (2 × simpanan Rp 300.000)"), SK_OK, or
 * the database error. */
int simpin_meeting_check_loan(sk_db *db, const char *kelompok_id, const char *date,
			      const sk_attendance *rows, int n, const sk_meeting_money *mm, int i,
			      sk_err *e);

/* Where a refused save points the form (page numbers as docs/simpin.md section 7). */
enum sm_page { SM_PAGE_MEETING = 1, SM_PAGE_ROLL = 2, SM_PAGE_SAVINGS = 3, SM_PAGE_REPAY = 4,
	       SM_PAGE_FINES = 5, SM_PAGE_LOANS = 6, SM_PAGE_CASH = 7 };

/* Save meeting m with its attendance rows and, when mm is not NULL and has a cycle, its
 * savings, repayments, fines and new loans, in one transaction (meeting_save's rules, then
 * simpin_book's for each movement, in the order above). A refusal rolls everything back and
 * tells where: *page and *row (may be NULL) the form's page and row, the reason in e (and is).
 * Editing a stored meeting (m->id set) saves the meeting only (mm must be NULL): its savings
 * and loans are corrected by reversal; its date cannot change while it has any. */
int simpin_meeting_save(sk_db *db, sk_meeting *m, sk_attendance *rows, int n,
			const sk_meeting_money *mm, sk_issues *is, int *page, int *row, sk_err *e);
/* Delete meeting id with every savings, repayment, loan and fine recorded at it (deleted,
 * their ledger rows reversed), in one transaction. Refused when a loan made there has
 * repayments (reverse them first) or a balance would go below zero. */
int simpin_meeting_delete(sk_db *db, const char *id, sk_err *e);
/* Number of savings, loan, repayment and fine rows recorded at meeting id (live), or -1 when
 * the database cannot tell. */
int simpin_meeting_rows(sk_db *db, const char *id);

#endif
