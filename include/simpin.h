/* simpin.h - savings and loans (simpan pinjam): the rows of spec/bundle.md format 2 (siklus,
 * simpanan, pinjaman, angsuran, denda, bagi_hasil) with their field rules and raw storage
 * (import), and the figures read from them: a group's cycle, a member's savings, a loan's
 * schedule and position on a date, a group's arrears and portfolio at risk, the share-out a
 * cycle would give. Writes with their ledger postings are simpin_book.h's; the meeting with
 * its savings and loans is simpin_meeting.h's. docs/simpin.md is the design. No curses here. */
#ifndef SK_SIMPIN_H
#define SK_SIMPIN_H

#include <stdint.h>
#include "db.h"
#include "loan_calc.h"
#include "shareout.h"
#include "table.h"
#include "tables_gen.h"
#include "util.h"

/* ---- the rows (their fields and columns: src/tables.tsv) ---------------------------------- */

/* A group's savings-and-loans cycle and its rules (siklus.csv). */
SK_CYCLE_TYPEDEF;

/* Kinds of savings, in the order of the arrays below. */
enum simpin_kind { SIMPIN_POKOK = 0, SIMPIN_WAJIB = 1, SIMPIN_SUKARELA = 2, SIMPIN_KINDS = 3 };
/* "pokok", "wajib", "sukarela". */
extern const char *const SIMPIN_KIND_NAMES[SIMPIN_KINDS + 1];
/* The kind of a bundle word, or -1. */
int simpin_kind_parse(const char *s);

/* One savings movement (simpanan.csv): a deposit (setor) or a withdrawal (tarik). */
SK_SAVING_TYPEDEF;

/* A loan to a member (pinjaman.csv). */
SK_LOAN_TYPEDEF;

/* A repayment (angsuran.csv). */
SK_REPAY_TYPEDEF;

/* A fine (denda.csv). */
SK_FINE_TYPEDEF;

/* One member's share-out row (bagi_hasil.csv). */
SK_SHARE_TYPEDEF;

/* The column descriptors (table.h) of the six tables. */
extern const table_def CYCLE_TABLE, SAVING_TABLE, LOAN_TABLE, REPAY_TABLE, FINE_TABLE,
	SHARE_TABLE;

/* Defaults: a new cycle of group kelompok_id starting today (nomor 1, no charges, no limit,
 * flat, shared by savings); a deposit, loan, repayment or fine dated today. */
void cycle_init(sk_cycle *c, const char *kelompok_id);
void saving_init(sk_saving *s);
void loan_init(sk_loan *l);
void repay_init(sk_repay *r);
void fine_init(sk_fine *f);
void share_init(sk_share *b);

/* Checks that need only the row (dates real, words known, amounts within SK_MONEY_MAX, the
 * bounds of docs/simpin.md section 1, a loan's schedule computable (L4), a fine not both
 * waived and paid (D2), a share-out row adding up (B2)). Findings appended to is, under the
 * bundle's column names. */
void cycle_validate_fields(const sk_cycle *c, sk_issues *is);
void saving_validate_fields(const sk_saving *s, sk_issues *is);
void loan_validate_fields(const sk_loan *l, sk_issues *is);
void repay_validate_fields(const sk_repay *r, sk_issues *is);
void fine_validate_fields(const sk_fine *f, sk_issues *is);
void share_validate_fields(const sk_share *b, sk_issues *is);

/* Read one row by id (deleted ones too): SK_OK, SK_NOTFOUND or the database error in e. */
int cycle_get(sk_db *db, const char *id, sk_cycle *out, sk_err *e);
int saving_get(sk_db *db, const char *id, sk_saving *out, sk_err *e);
int loan_get(sk_db *db, const char *id, sk_loan *out, sk_err *e);
int repay_get(sk_db *db, const char *id, sk_repay *out, sk_err *e);
int fine_get(sk_db *db, const char *id, sk_fine *out, sk_err *e);
int share_get(sk_db *db, const char *id, sk_share *out, sk_err *e);
/* Write a row exactly as given (stamps kept), without validation or postings: insert=1
 * inserts, 0 replaces the stored row (SK_NOTFOUND when none). The caller holds the
 * transaction. For import and the writes of simpin_book.c. */
int cycle_store_raw(sk_db *db, const sk_cycle *c, int insert, sk_err *e);
int saving_store_raw(sk_db *db, const sk_saving *s, int insert, sk_err *e);
int loan_store_raw(sk_db *db, const sk_loan *l, int insert, sk_err *e);
int repay_store_raw(sk_db *db, const sk_repay *r, int insert, sk_err *e);
int fine_store_raw(sk_db *db, const sk_fine *f, int insert, sk_err *e);
int share_store_raw(sk_db *db, const sk_share *b, int insert, sk_err *e);

/* The loan's terms for loan_calc (-1 in metode or jarak for an unknown word). */
void loan_terms_of(const sk_loan *l, sk_loan_terms *t);
/* The book a loan is paid from and repaid into: "umum" for a UEP loan, else "simpin". */
const char *loan_book(const sk_loan *l);

/* ---- figures ------------------------------------------------------------------------------ */

/* The group's open cycle (selesai empty, not deleted; the newest by nomor when a merge left
 * two). SK_NOTFOUND (message in e) when none. */
int simpin_cycle_open(sk_db *db, const char *kelompok_id, sk_cycle *out, sk_err *e);
/* The group's cycle that holds date (mulai <= date, selesai empty or >= date). */
int simpin_cycle_at(sk_db *db, const char *kelompok_id, const char *date, sk_cycle *out,
		    sk_err *e);
/* The group's newest cycle (highest nomor, open or closed). */
int simpin_cycle_last(sk_db *db, const char *kelompok_id, sk_cycle *out, sk_err *e);

/* A member's savings in the cycle by kind (enum simpin_kind), deposits less withdrawals of
 * the rows (not deleted) dated on or before upto (NULL or "" = all). SK_OK or the error. */
int simpin_savings(sk_db *db, const char *siklus_id, const char *anggota_id, const char *upto,
		   int64_t kind[SIMPIN_KINDS], sk_err *e);

/* A loan with its member's name, schedule and position on a date. */
typedef struct sk_loan_view {
	sk_loan l;
	char nama[SK_NAME_BYTES];
	char kelompok_id[SK_UUID_LEN + 1];  /* the group (simpin_loans_each only) */
	int calc;                      /* LOAN_OK, or the loan_calc error of its terms */
	const sk_loan_schedule *s;     /* the schedule (valid during the callback) */
	sk_loan_position pos;          /* on the date asked for (zero when calc != LOAN_OK) */
} sk_loan_view;

/* Which loans simpin_loans_each visits (NULL fields: any). */
typedef struct sk_loan_filter {
	const char *kelompok_id;
	const char *siklus_id;
	const char *anggota_id;
	const char *pinjaman_id;
	const char *upto;              /* only loans made on or before this date (NULL: any) */
	int by_member_group;           /* with kelompok_id alone: the loans of the group's members
					* (rule L1 makes that the loan's group), read through the
					* members: cheaper for a report walking every group */
} sk_loan_filter;

/* Call fn for each live loan matching f, with its position on date (YYYY-MM-DD) from its live
 * repayments (a reversal counting negated from its date). Ordered by group, member name, date
 * and id when f names a group, cycle, member or loan; without any of them (every loan of the
 * database: a district's tens of thousands) in storage order, the caller sorting what it
 * keeps. One query for all. fn returns 0 to go on. SK_OK or the database error. */
int simpin_loans_each(sk_db *db, const sk_loan_filter *f, const char *date,
		      int (*fn)(void *ctx, const sk_loan_view *v), void *ctx, sk_err *e);
/* The position of one loan (deleted or not) on date into *v. SK_NOTFOUND when no such loan. */
int simpin_loan_view(sk_db *db, const char *pinjaman_id, const char *date, sk_loan_view *v,
		     sk_loan_schedule *s, sk_err *e);

/* A group's loans on a date (docs/simpin.md section 5): loans not written off and not paid off. */
typedef struct sk_portfolio {
	int pinjaman;                  /* live loans still owed (not lunas, not written off) */
	int menunggak;                 /* of them in arrears */
	int64_t beredar;               /* principal still owed */
	int64_t berisiko;              /* principal still owed on loans > LOAN_PAR_DAYS days late */
	int64_t tunggakan;             /* arrears (principal and service) */
	int par_permille;              /* loan_par_permille(berisiko, beredar): -1 none owed */
} sk_portfolio;
/* The portfolio of group kelompok_id (NULL: every group) on date. SK_OK or the error. */
int simpin_portfolio(sk_db *db, const char *kelompok_id, const char *date, sk_portfolio *out,
		     sk_err *e);
/* Portfolio at risk as the screens show it ("12,5%", "-" when nothing is owed) into out. */
char *simpin_par_text(int par_permille, char *out, size_t n);

/* One member of a group's cycle as the Simpan pinjam screen lists it. */
typedef struct sk_simpin_member {
	char anggota_id[SK_UUID_LEN + 1];
	char nama[SK_NAME_BYTES];
	int64_t simpanan;              /* all kinds, up to the date */
	int pinjaman;                  /* loans still owed (not paid off, not written off) */
	int64_t sisa_pokok;            /* their principal still owed */
	int64_t tunggakan;             /* their arrears */
	int hari_terlambat;            /* the most days late of them */
} sk_simpin_member;
/* Members of cycle c on date (active then, or with savings or a loan in the cycle), by name,
 * into *out (malloc'ed: the caller frees) and *n. SK_OK or the database error. */
int simpin_members(sk_db *db, const sk_cycle *c, const char *date, sk_simpin_member **out,
		   int *n, sk_err *e);
/* The member's savings rows of the cycle (live, reversals too) in the passbook's order (date,
 * deposits first, id); the loans of the cycle by date; a loan's repayments in the loan card's
 * order (date, reversals first, id). Each *out malloc'ed (the caller frees), *n rows. */
int simpin_savings_rows(sk_db *db, const char *siklus_id, const char *anggota_id, sk_saving **out,
			int *n, sk_err *e);
int simpin_loan_rows(sk_db *db, const char *siklus_id, const char *anggota_id, sk_loan **out,
		     int *n, sk_err *e);
int simpin_repay_rows(sk_db *db, const char *pinjaman_id, sk_repay **out, int *n, sk_err *e);

/* ---- the share-out ----------------------------------------------------------------------- */

/* One member of a share-out. */
typedef struct sk_share_line {
	char anggota_id[SK_UUID_LEN + 1];
	char nama[SK_NAME_BYTES];
	sk_share_member m;             /* savings, service paid (with arrears), debt at the date */
	sk_share_row r;                /* what shareout_compute gives */
	int64_t denda_belum;           /* the member's fines not paid and not waived */
} sk_share_line;

/* A cycle's share-out as it would be on a date (docs/simpin.md sections 5, 8). */
typedef struct sk_share_plan {
	sk_cycle c;
	char tanggal[16];
	int status;                    /* enum shareout_status of the computation */
	sk_shareout sum;
	int n;
	sk_share_line *rows;           /* n rows, by name; owned: simpin_share_plan_free */
	int64_t denda_belum;           /* fines not paid and not waived, all members */
	int64_t utang_uep;             /* still owed on the cycle's UEP loans (never shared) */
} sk_share_plan;

/* The share-out of cycle siklus_id on date (the simpin book's balance at the end of date):
 * participants (decision 14: members active on date, and any member with savings or a debt
 * in the cycle), their savings, service paid plus arrears, debts, and shareout_compute's
 * result (plan->status says whether it could share). SK_OK (whatever status), SK_NOTFOUND
 * for no such cycle, or the database error in e. The caller frees with
 * simpin_share_plan_free. */
int simpin_share_plan(sk_db *db, const char *siklus_id, const char *date, sk_share_plan *plan,
		      sk_err *e);
/* The stored share-out of a closed cycle (its bagi_hasil rows, by name) in the same form:
 * r filled from the rows, m.simpanan = simpanan; sum's totals from the rows. */
int simpin_share_stored(sk_db *db, const char *siklus_id, sk_share_plan *plan, sk_err *e);
void simpin_share_plan_free(sk_share_plan *plan);

/* ---- the rules' SQL functions -------------------------------------------------------------- */

/* Register on the connection the functions the rules of check_rules.c use (once; again is a
 * no-op): sikube_jadwal_ok(tanggal, pokok, rate, metode, jumlah, jarak) 1 when loan_schedule
 * accepts the terms (L4); sikube_bagian(siklus_id, anggota_id) the member's bagian_hasil as
 * B4 recomputes it for a closed cycle, NULL when it cannot be computed. SK_OK or the error. */
int simpin_sql_functions(sk_db *db, sk_err *e);

#endif
