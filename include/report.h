/* report.h - reports for the command line and the Laporan screen. No curses here. */
#ifndef SK_REPORT_H
#define SK_REPORT_H

#include <stdio.h>
#include "db.h"

typedef enum { REPORT_TEXT = 0, REPORT_CSV = 1 } report_format;

/* `report groups` per spec/cli.md, one row per active group, written to out (CSV via libcsv
 * for REPORT_CSV). group_id NULL = all groups. Returns SK_OK or an error in e. */
int report_groups(sk_db *db, const char *group_id, report_format fmt, FILE *out, sk_err *e);

/* Options shared by the reports of spec/cli.md. */
typedef struct report_opts {
	const char *group_id;   /* --group, NULL = all groups (where allowed) */
	const char *month;      /* --month YYYY-MM, NULL = all time */
	report_format fmt;
} report_opts;

/* 1 when s is a month YYYY-MM with a real year and month. */
int report_month_valid(const char *s);
/* Poverty threshold in use (setting "ambang_miskin", default 9). */
int report_threshold(sk_db *db);

/* `report eligibility`: latest assessment (by tanggal, then diubah_pada) of each active member
 * of each active group, score and category recomputed from k01-k14 and the threshold; empty
 * tanggal/skor/kategori when never assessed. Text masks NIKs; CSV holds them whole. */
int report_eligibility(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report cashbook --group ID [--month]`: rows in date order with the running balance per book
 * (opening balance before the month included). Deleted rows excluded, reversals included. */
int report_cashbook(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report attendance --group ID [--month]`: per member the meetings, H/I/S/A counts,
 * percent present and dues paid. */
int report_attendance(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report monthly [--group ID] --month YYYY-MM`: the pendamping's monthly report per group
 * (text fits 80 columns); CSV gives one row per group and book with the month's figures. */
int report_monthly(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

#endif
