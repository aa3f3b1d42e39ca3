/* report.h - reports for the command line and the Laporan screen. No curses here. */
#ifndef SK_REPORT_H
#define SK_REPORT_H

#include <stdio.h>
#include "db.h"
#include "util.h"

/* text for people, CSV (spec/cli.md's columns, through libcsv) or an xlsx workbook. */
typedef enum { REPORT_TEXT = 0, REPORT_CSV = 1, REPORT_XLSX = 2 } report_format;

struct sk_xlsx;

/* Options shared by the reports of spec/cli.md. */
typedef struct report_opts {
	const char *group_id;   /* --group (a group's id), NULL = all groups (where allowed) */
	const char *month;      /* --month YYYY-MM, NULL = all time */
	report_format fmt;
	struct sk_xlsx *book;   /* REPORT_XLSX: the workbook (xlsx.h) the report adds its sheets
				 * to (the FILE argument is then unused); the caller closes it */
	const char *operator;   /* report audit: --operator NAME, NULL = everyone */
	const char *member_id;  /* report audit: --member (a member's id), NULL = every one */
	const char *from, *to;  /* report audit: --from / --to YYYY-MM-DD (local dates of UTC
				 * stamps are not used: the trail's times are UTC), NULL = open */
	const char *nik;        /* report person: --nik */
	const char *anggota_id; /* report_passbook: the member */
	const char *pinjaman_id;/* report_loan_card: the loan */
} report_opts;

/* A report of this module: writes o's report to out (or o->book). */
typedef int (*report_fn)(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report groups` per spec/cli.md, one row per active group, written to out (CSV via libcsv
 * for REPORT_CSV). group_id NULL = all groups. Returns SK_OK or an error in e. */
int report_groups(sk_db *db, const char *group_id, report_format fmt, FILE *out, sk_err *e);
/* The same with report_opts (any format; month unused). */
int report_groups_run(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* The group that key names for --group: the group with that id, else the one whose kode is
 * key (as on screen, e.g. BTU-01), else the one whose kode is key ignoring case; deleted
 * groups are not looked at. Writes its id into id (37 bytes). SK_NOTFOUND when none,
 * SK_REFUSED when the code belongs to more than one group (the message says to use the id),
 * or the database error; message in e. */
int report_find_group(sk_db *db, const char *key, char id[37], sk_err *e);

/* 1 when s is a month YYYY-MM with a real year and month. */
int report_month_valid(const char *s);
/* Poverty threshold in use (setting "ambang_miskin", default 9). */
int report_threshold(sk_db *db);

/* `report eligibility`: latest assessment (by tanggal, then diubah_pada) of each active member
 * of each active group, score and category recomputed from k01-k14 and the threshold; empty
 * tanggal/skor/kategori when never assessed. Text masks NIKs; CSV holds them whole. */
int report_eligibility(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report cashbook --group ID [--month]`: rows in date order with the running balance per book
 * (opening balance before the month included). Deleted rows excluded, reversals included.
 * CSV is one table with a buku column; text has one table per book (umum, iks, then any
 * other) with whole descriptions, wrapped in their column, and the book's totals; xlsx has one
 * sheet per book. */
int report_cashbook(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report attendance --group ID [--month]`: per member the meetings, H/I/S/A counts,
 * percent present and dues paid. */
int report_attendance(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report monthly [--group ID] --month YYYY-MM`: the pendamping's monthly report per group
 * (text fits 80 columns); CSV gives one row per group and book with the month's figures;
 * xlsx gives those rows on one sheet and the receipts and expenses per category on another. */
int report_monthly(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* `report audit` (issue 16): the audit trail, oldest first, filtered by o->operator (either
 * of the two names of a four-eyes entry), o->group_id, o->member_id, o->month or o->from /
 * o->to (dates of the UTC stamps). Columns: no, waktu, operator, operator2, peran, aksi,
 * tabel, baris_id, kelompok_id, anggota_id, lama, baru, keterangan (NIK masked as stored). */
int report_audit(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
/* The trail's entries report_audit would list, into *n (for the screen); -1 on error. */
int report_audit_count(sk_db *db, const report_opts *o);
/* One entry of the trail for the screen. */
typedef struct sk_audit_row {
	int64_t no;
	char waktu[24], operator[68], operator2[68], aksi[32], tabel[32], baris_id[80];
	char ringkas[256];    /* the change in one line: "kolom: lama -> baru; ..." or the note */
} sk_audit_row;
/* The entries from offset (oldest first), up to limit, into out; *n written. */
int report_audit_list(sk_db *db, const report_opts *o, int offset, int limit, sk_audit_row *out,
		      int *n, sk_err *e);
/* `report person --nik NIK` (UU 27/2022 Pasal 32): every member row with that NIK (any group,
 * left or deleted), every row of any table that names one of them (anggota_id), and the
 * trail's entries about them. Text (sections) or CSV (tabel, baris_id, kolom, nilai). The
 * read of a whole NIK is noted in the trail. SK_NOTFOUND when no member has that NIK. */
int report_person(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
/* The id (37 bytes) of a member with NIK nik (the latest stored), for the trail's filter.
 * SK_NOTFOUND when none. */
int report_member_by_nik(sk_db *db, const char *nik, char id[37], sk_err *e);
/* --- Savings and loans (src/report_simpin.c, src/report_passbook.c; docs/simpin.md). --- */

/* `report savings --group ID [--month]`: per member of the group's open cycle (with --month:
 * the cycle open at the month's end, savings up to that day): anggota_id, nama, pokok, wajib,
 * sukarela, jumlah. Members active then or with savings in the cycle. SK_NOTFOUND when the
 * group has no cycle. */
int report_savings(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
/* `report loans [--group ID] [--month]`: every live loan made by the month's last day (or
 * today) with its position then: pinjaman_id, anggota_id, nama, tanggal, pokok, sumber,
 * sisa_pokok, jasa_dibayar, tunggakan, hari_terlambat, status. Without --group: every group
 * (the district's view). Text adds each group's outstanding, arrears and portfolio at risk. */
int report_loans(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
/* `report shareout --group ID`: the open cycle's share-out as it would be today, or the last
 * closed cycle's: anggota_id, nama, simpanan, bagian_hasil, potongan, dibayar. Text is the
 * page to sign (one line per member) with the totals. */
int report_shareout(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
/* A member's passbook (o->anggota_id): savings of the cycle open today (else the last) by
 * date with running balances, and each loan of the cycle with its schedule, what is paid,
 * arrears and days late. Text fits 80 columns; xlsx has sheets simpanan and pinjaman; CSV is
 * the savings table. */
int report_passbook(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
/* A loan card (o->pinjaman_id): the terms, the schedule with each instalment's state, the
 * repayments and the position today. Text fits 80 columns; xlsx sheets jadwal and angsuran;
 * CSV the schedule. */
int report_loan_card(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
/* The share-out page of plan p (simpin.h) as text: heading with the group's name and code,
 * the totals (unless stored: the page of a closed cycle), one line per member to sign. */
struct sk_share_plan;
void report_share_text(FILE *out, const char *nama, const char *kode,
		       const struct sk_share_plan *p, int stored);
/* Run fn with o into path: text or CSV into a private file (0600, replaced, never through a
 * symlink), xlsx a workbook. SK_IOERR with the reason when it cannot be written. */
int report_save_as(sk_db *db, report_fn fn, const report_opts *o, const char *path, sk_err *e);
/* `report levels [--group ID]`: the latest development assessment of each live group that
 * has one, ordered by kode_wilayah and name, with its quartile (1-4) among the groups listed
 * (docs/evaluasi.md section 2). Text names the quartile boundaries and the groups never
 * assessed. */
int report_levels(sk_db *db, const report_opts *o, FILE *out, sk_err *e);

/* Groups per level of their latest assessment, for the Laporan screen (src/report_levels.c):
 * out[0] is the total, out[1..] one row per kecamatan (PP.KK.CC) in code order. */
typedef struct report_level_count {
	char kode[16];      /* kecamatan code, "" in the total */
	char nama[128];     /* kecamatan name */
	int n[4];           /* tumbuh, berkembang, maju, mandiri */
	int belum;          /* never assessed */
	int due;            /* assessment due on today: never, or the latest over 6 months old */
} report_level_count;
/* Counts of the live groups on today (YYYY-MM-DD): at most max rows into out (the total
 * counts every kecamatan even when rows are left out), *n written. SK_OK or the error. */
int report_level_counts(sk_db *db, const char *today, report_level_count *out, int max, int *n,
			sk_err *e);
/* One group whose assessment is due. */
typedef struct report_due_row {
	char id[40], nama[SK_NAME_BYTES], kode[40], kode_wilayah[16];
	char dinilai[16];   /* the latest assessment's date, "" = never assessed */
} report_due_row;
/* The live groups whose assessment is due on today, never assessed first, then the oldest
 * assessment first: from offset, up to limit rows; *n written. */
int report_levels_due(sk_db *db, const char *today, int offset, int limit, report_due_row *out,
		      int *n, sk_err *e);
/* Their number, or -1 on a database error. */
int report_levels_due_count(sk_db *db, const char *today);

/* --- For the Laporan screen: a group's trend (src/report_trend.c) and the saved monthly page
 * (src/report_save.c). --- */

/* One month of a group's 12-month chart. */
typedef struct report_trend_month {
	char bulan[8];            /* YYYY-MM */
	int64_t saldo_umum;       /* closing balance of book umum at the month's end */
	int64_t saldo_iks;        /* closing balance of book iks */
	int pertemuan;            /* meetings held in the month */
	int persen_hadir;         /* hadir per attendance row, percent rounded; -1 = no meeting */
} report_trend_month;

/* The 12 months of group_id ending with month (YYYY-MM), oldest first, into out. */
int report_trend(sk_db *db, const char *group_id, const char *month, report_trend_month out[12],
		 sk_err *e);
/* The month n months after (n < 0: before) month (YYYY-MM) into out (8 bytes). */
void report_month_add(const char *month, int n, char out[8]);
/* Default file for a saved monthly report: $HOME/laporan-<kode>-<month>.txt (the group's code
 * with anything but letters, digits, '-' and '_' made '-'; "kelompok" when it has none). */
void report_default_path(const char *kode, const char *month, char *out, size_t n);
/* Write report_monthly's text page of one group and month to path (created or replaced, left
 * readable by its owner only: 0600). SK_IOERR with the reason when it cannot be written. */
int report_monthly_save(sk_db *db, const char *group_id, const char *month, const char *path,
			sk_err *e);
/* The same as fmt: REPORT_TEXT the page, REPORT_XLSX the workbook (replaced whole, 0600,
 * never written through a symlink). */
int report_monthly_save_as(sk_db *db, const char *group_id, const char *month,
			   const char *path, report_format fmt, sk_err *e);

#endif
