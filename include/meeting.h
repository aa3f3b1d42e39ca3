/* meeting.h - group meetings (table pertemuan) and attendance with dues (table kehadiran):
 * rules and raw storage for import; proposing, saving and deleting a meeting with its dues
 * postings in the cash books for the Pertemuan screen (src/meeting_post.c, meeting_query.c).
 * No curses here. */
#ifndef SK_MEETING_H
#define SK_MEETING_H

#include <stdint.h>
#include "db.h"
#include "table.h"
#include "util.h"
#include "tables_gen.h"

/* A group's meeting (table pertemuan); its fields, like every row struct's, are in
 * src/tables.tsv. */
SK_MEETING_TYPEDEF;

/* One member's attendance at one meeting, keyed by the pair. */
SK_ATTENDANCE_TYPEDEF;

/* The column descriptors (table.h) of pertemuan and kehadiran (keyed by the pair), in the
 * bundle's order: for the stores and import. */
extern const table_def PERTEMUAN_TABLE, KEHADIRAN_TABLE;

/* 1 when v is one of H, I, S, A. */
int valid_attendance_status(const char *v);

/* Fill m with defaults for a new meeting of group kelompok_id today. */
void meeting_init(sk_meeting *m, const char *kelompok_id);
/* Checks that need only this row: tanggal a real date, pendamping_hadir 0/1. Appended to is. */
void meeting_validate_fields(const sk_meeting *m, sk_issues *is);
/* Checks against other rows: the group exists (deleted or not). Appended to is. */
void meeting_validate_links(sk_db *db, const sk_meeting *m, sk_issues *is);
/* Both; is cleared first. */
void meeting_validate(sk_db *db, const sk_meeting *m, sk_issues *is);
/* Read one meeting by id (deleted ones too). SK_NOTFOUND when none. */
int meeting_get(sk_db *db, const char *id, sk_meeting *out, sk_err *e);
/* Write m exactly as given (stamps kept), without validation: insert=1 inserts, 0 replaces the
 * stored row m->id (SK_NOTFOUND when none). The caller holds the transaction. */
int meeting_store_raw(sk_db *db, const sk_meeting *m, int insert, sk_err *e);

/* Checks that need only this row: status H|I|S|A, dues >= 0. Appended to is. */
void attendance_validate_fields(const sk_attendance *a, sk_issues *is);
/* Checks against other rows: the meeting and the member exist. Appended to is. */
void attendance_validate_links(sk_db *db, const sk_attendance *a, sk_issues *is);
/* Both; is cleared first. */
void attendance_validate(sk_db *db, const sk_attendance *a, sk_issues *is);
/* Read the attendance of member anggota_id at meeting pertemuan_id. SK_NOTFOUND when none. */
int attendance_get(sk_db *db, const char *pertemuan_id, const char *anggota_id,
		   sk_attendance *out, sk_err *e);
/* Write a exactly as given (stamps kept), without validation: insert=1 inserts, 0 replaces the
 * stored pair (SK_NOTFOUND when none). The caller holds the transaction. */
int attendance_store_raw(sk_db *db, const sk_attendance *a, int insert, sk_err *e);

/* --- Meetings as the Pertemuan screen records them. --- */

/* Most attendance rows one meeting may have. */
#define MEETING_MAX_ROWS 100

/* Who an attendance row is about, for showing it. */
SK_ATTENDEE_TYPEDEF;

/* One line of a group's meeting list. */
SK_MEETING_ROW_TYPEDEF;

/* SQL: the member (columns of anggota, unqualified) was a member on date d (an SQL
 * expression): joined on or before it (or date unknown), not left on or before it. */
#define MEETING_MEMBER_ON(d) \
	"(tanggal_masuk IS NULL OR tanggal_masuk<=" d ") AND (tanggal_keluar IS NULL OR " \
	"tanggal_keluar>" d ")"

/* A new meeting of group kelompok_id (active): dated one week after the group's last meeting
 * (today when it has none), at the last meeting's place, and the roster of that date
 * (meeting_roster). SK_NOTFOUND for an unknown or deleted group, SK_REFUSED when the group has
 * more than max members that day. */
int meeting_propose(sk_db *db, const char *kelompok_id, sk_meeting *m, sk_attendance *rows,
		    sk_attendee *names, int max, int *n, sk_err *e);
/* The attendance list of a meeting of group kelompok_id on date tanggal: one row per member
 * who was a member that day (MEETING_MEMBER_ON), by name: hadir, paying the group's default
 * iuran_kas and iuran_iks. Up to max rows into rows (and names when not NULL); *n written.
 * SK_REFUSED when there are more than max. */
int meeting_roster(sk_db *db, const char *kelompok_id, const char *tanggal, sk_attendance *rows,
		   sk_attendee *names, int max, int *n, sk_err *e);
/* 0 when member anggota_id had not joined yet or had left by date tanggal (its dates say so);
 * 1 otherwise (deleted or unknown members included: nothing to say against them). */
int meeting_member_on(sk_db *db, const char *anggota_id, const char *tanggal);
/* A stored meeting (not deleted) with its attendance rows (not deleted), by name. Same
 * outputs as meeting_propose. */
int meeting_load(sk_db *db, const char *id, sk_meeting *m, sk_attendance *rows,
		 sk_attendee *names, int max, int *n, sk_err *e);
/* Validate and save a meeting with its n attendance rows in one transaction: new when m->id is
 * empty (assigned here), else the stored meeting m->id changes (a row missing from rows is
 * marked deleted). Posts the dues: per book one row (iuran_kas total in book umum, category
 * iuran_kas; iuran_iks total in book iks, category iuran_iks) with pertemuan_id set, dated the
 * meeting (today when the meeting's month is closed in that book), with a receipt number.
 * An edit replaces the postings: rows in open months are updated or deleted, rows in closed
 * months are reversed; so per meeting and book the postings always add up to the attendance
 * dues. Refused (SK_REFUSED, findings in is, the first in e) on a wrong field, a member not of
 * the group, not a member on the meeting's date, or listed twice, or a book that would go below
 * zero. */
int meeting_save(sk_db *db, sk_meeting *m, sk_attendance *rows, int n, sk_issues *is, sk_err *e);
/* Soft-delete a meeting and reverse its dues postings (mirror rows dated today), in one
 * transaction. SK_NOTFOUND when no such meeting (or deleted already); SK_REFUSED when a book
 * would go below zero or today's month is closed. */
int meeting_delete(sk_db *db, const char *id, sk_err *e);
/* Date of the group's last meeting (not deleted) into out (16 bytes); "" when none (or when
 * the database cannot tell: it only proposes a date). */
void meeting_last_date(sk_db *db, const char *kelompok_id, char *out, size_t n);
/* 1 when the group has another meeting (not deleted, id not except_id) on date tanggal, 0 when
 * not, -1 when the database cannot tell. */
int meeting_same_day(sk_db *db, const char *kelompok_id, const char *tanggal,
		     const char *except_id);
/* The group's meetings (not deleted), newest first, up to limit from offset. */
int meeting_list(sk_db *db, const char *kelompok_id, int offset, int limit, sk_meeting_row *out,
		 int *n, sk_err *e);
/* Number of the group's meetings (not deleted), or -1 on a database error. */
int meeting_count(sk_db *db, const char *kelompok_id);

#endif
