/* hub_report.h - `sikube hub report KIND`: the reports of spec/cli.md over the hub, for the
 * whole country or under one region code. Each report is a row of a table (columns with
 * their kinds, the SQL behind them); each output format is a writer over typed columns, so
 * a report or a format is added by adding an entry. No curses here. */
#ifndef SK_HUB_REPORT_H
#define SK_HUB_REPORT_H

#include <stdio.h>
#include "hub.h"
#include "report.h"

/* What a column holds: how text shows it, how CSV writes it, what cell xlsx makes of it. */
typedef enum {
	HC_ID = 0,   /* a UUID */
	HC_TEXT,     /* free text (formula guard in CSV) */
	HC_CODE,     /* a code: region code, level, category */
	HC_NIK,      /* NIK or No. KK: masked in text, a text cell in xlsx */
	HC_INT,      /* a count */
	HC_RUPIAH,   /* money: thousands separators in text, a number in xlsx */
	HC_PERCENT,  /* a whole percent */
	HC_DATE      /* YYYY-MM-DD */
} hub_col_kind;

/* Where a column shows. */
enum {
	HC_TEXT_ONLY = 1,   /* text only (a name beside a code), not in CSV or xlsx */
	HC_DATA_ONLY = 2,   /* CSV and xlsx only (ids), not in text */
	HC_TITLE = 4,       /* text: on the first line of the row's block */
	HC_HEADING = 8,     /* text: a heading line above the rows, when it changes */
	HC_XLSX_ONLY = 16   /* xlsx only (a group's code beside its id, as report levels) */
};

typedef struct hub_col {
	const char *name;    /* CSV header (spec/cli.md), in the spec's order */
	hub_col_kind kind;
	const char *label;   /* for people (msgid, translated when shown) */
	int flags;
} hub_col;

/* 1 when kind is a report hub report knows (it may still be unavailable). */
int hub_report_known(const char *kind);
/* The report kinds, for usage messages: "groups, eligibility, ...". */
const char *hub_report_kinds(void);

/* Write report kind over the groups under region code wilayah (NULL: the whole country) in
 * ro->fmt: text or CSV to out, xlsx as a sheet of the workbook ro->book (the caller opens and
 * closes it). SK_OK; SK_REFUSED with a message for an unknown region code; SK_DBERR; SK_IOERR
 * when out fails. */
int hub_report(hub *h, const char *kind, const char *wilayah, const report_opts *ro, FILE *out,
	       sk_err *e);

#endif
