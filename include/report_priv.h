/* report_priv.h - what the report modules share: a table of rows that goes out as CSV (through
 * libcsv, spec/cli.md's columns) or as a sheet of an xlsx workbook. No curses here. */
#ifndef SK_REPORT_PRIV_H
#define SK_REPORT_PRIV_H

#include <stdint.h>
#include <stdio.h>
#include "csvio.h"
#include "report.h"
#include "simpin.h"
#include "xlsx.h"

typedef struct report_table {
	report_format fmt;
	csv_out csv;              /* REPORT_CSV */
	xlsx_sheet *sheet;        /* REPORT_XLSX */
	const xlsx_col *cols;
	int ncols;
	int col;                  /* next column of the row */
	sqlite3_stmt *st;         /* report_query_begin: the report's query */
} report_table;

/* Start a table of n columns cols (static). REPORT_CSV: rows go to out, and the header row
 * (the names of the columns not marked xlsx_only) is written now when header is 1.
 * REPORT_XLSX: a sheet named sheet is added to o->book. REPORT_TEXT: nothing is written.
 * Returns SK_OK, or SK_IOERR when the sheet cannot be added. */
int report_table_begin(report_table *t, const report_opts *o, FILE *out, const char *sheet,
		       const xlsx_col *cols, int n, int header, sk_err *e);
/* Run fn(db, o, out, e) inside one read transaction: every figure of the report from one
 * snapshot, though another copy saves meanwhile. Returns fn's status (or the begin's). */
int report_read(sk_db *db, report_fn fn, const report_opts *o, FILE *out, sk_err *e);
/* report_read of a report that needs an option: refused (SK_REFUSED, the message refusal)
 * when given is NULL. */
int report_read_given(sk_db *db, report_fn fn, const report_opts *o, FILE *out,
		      const char *given, const char *refusal, sk_err *e);
/* Define int report_NAME(sk_db *, const report_opts *o, FILE *, sk_err *) (report.h): the
 * report written by fn, which needs the option o->field (refused with the msgid msg when it
 * is NULL), read through report_read_given. */
#define REPORT_GIVEN(NAME, fn, field, msg) \
	int report_##NAME(sk_db *db, const report_opts *o, FILE *out, sk_err *e) \
	{ \
		return report_read_given(db, fn, o, out, o->field, _(msg), e); \
	}
/* How a report writes each row of its query (report_rows): read the statement's row into
 * row, then write it for people (text) or as a table row (CSV, xlsx); ctx is the report's.
 * none: the msgid the text form prints on a line of its own when there is no row (NULL:
 * nothing). */
typedef struct report_row_ops {
	void (*read)(sqlite3_stmt *st, void *row);
	void (*text)(FILE *out, const void *row, void *ctx);
	void (*table)(report_table *t, const void *row, void *ctx);
	const char *none;
} report_row_ops;
/* Each row of st by ops (text when t->fmt is REPORT_TEXT), row the caller's buffer; *rows
 * the number written (and ops->none printed in text when it is 0). Resets st; SK_OK or the
 * database error in e. */
int report_rows(sk_db *db, sqlite3_stmt *st, const report_row_ops *ops, report_table *t,
		FILE *out, void *row, void *ctx, int *rows, sk_err *e);
/* An array of columns as report_table_begin takes them: the array and its length. */
#define REPORT_COLS(a) (a), (int)(sizeof (a) / sizeof (a)[0])
/* A report of one query: its sheet, columns and statement. */
typedef struct report_query {
	const char *sheet;
	const xlsx_col *cols;
	int ncols;
	const char *sql;
} report_query;
#define REPORT_QUERY(sheet, cols, sql) { sheet, REPORT_COLS(cols), sql }
/* report_table_begin (header written) for q, then q's statement prepared into t->st with its
 * :g bound to o->group_id when it has one (every report's --group). Returns SK_OK, or the
 * error in e (t->st is then NULL). */
int report_query_begin(report_table *t, const report_opts *o, FILE *out, sk_db *db,
		       const report_query *q, sk_err *e);
/* The next cell of the row: a value as text ("" or NULL = empty), or a number. CSV writes
 * text columns (XC_TEXT) with the formula guard and the others as they are. */
void report_table_str(report_table *t, const char *v);
void report_table_int(report_table *t, int64_t v);
/* End the row. */
void report_table_eol(report_table *t);
/* A whole row: for each letter of spec the next argument as a cell, s a text (const char *),
 * i a number (int64_t: cast an int), then the end of the row. */
void report_table_row(report_table *t, const char *spec, ...);

/* One cash book as a table for people (src/report_cashtext.c): rows collected, then printed
 * with amounts as wide as the book needs and whole descriptions wrapped in the room left on
 * an 80-column line. cash_text_new returns NULL when memory runs out; has_awal prints the
 * opening balance awal first (a month's report). */
typedef struct cash_text cash_text;
cash_text *cash_text_new(const char *buku, int has_awal, int64_t awal);
/* Add a row: saldo is the running balance after it. Text is copied. */
void cash_text_add(cash_text *t, const char *tanggal, const char *bukti, const char *desc,
		   int64_t masuk, int64_t keluar, int64_t saldo);
/* 1 when a row could not be kept (memory) or t is NULL. */
int cash_text_failed(const cash_text *t);
/* The heading, the rows and the totals (receipts, expenses, last balance). */
void cash_text_print(const cash_text *t, FILE *f);
void cash_text_free(cash_text *t);

/* The savings-and-loans figures of one group's month (src/report_simpin.c), for the monthly
 * report: has = 0 when the group has no cycle. */
typedef struct report_simpin_fig {
	int has, nomor;                /* the cycle open at the month's end (else the last) */
	int64_t kas_awal, kas_akhir;   /* the simpin book before and at the end of the month */
	int64_t kas_masuk, kas_keluar; /* its receipts and expenses in the month */
	int64_t setor, tarik;          /* savings deposited and withdrawn in the month */
	int64_t simpanan;              /* the cycle's savings at the month's end */
	int pinjaman_baru;             /* loans made in the month */
	int64_t pinjaman_pokok;
	int64_t angsuran_pokok, angsuran_jasa; /* repaid in the month (net of reversals) */
	int64_t denda, denda_dibayar;  /* fines raised and paid in the month */
	sk_portfolio p;                /* loans at the month's end */
} report_simpin_fig;
/* Figures of group g for the month from..to (YYYY-MM-DD). SK_OK or the database error. */
int report_simpin_month(sk_db *db, const char *g, const char *from, const char *to,
			report_simpin_fig *f, sk_err *e);
/* Section 6 of the monthly page (nothing when f->has is 0). */
void report_simpin_month_text(FILE *out, const report_simpin_fig *f);

#endif
