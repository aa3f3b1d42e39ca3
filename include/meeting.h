/* meeting.h - group meetings (table pertemuan) and attendance with dues (table kehadiran):
 * rules and storage. Import uses these now; the meeting screens (a later issue) extend them.
 * No curses here. */
#ifndef SK_MEETING_H
#define SK_MEETING_H

#include <stdint.h>
#include "db.h"
#include "util.h"

typedef struct sk_meeting {
	char id[SK_UUID_LEN + 1];
	char kelompok_id[SK_UUID_LEN + 1];
	char tanggal[16];            /* YYYY-MM-DD, required */
	char tempat[404];
	int pendamping_hadir;        /* 0/1: the pendamping attended */
	char agenda[2048];
	char keputusan[2048];
	char catatan[1024];
	char diubah_pada[SK_TS_LEN + 1];
	int dihapus;
} sk_meeting;

/* One member's attendance at one meeting, keyed by the pair. */
typedef struct sk_attendance {
	char pertemuan_id[SK_UUID_LEN + 1];
	char anggota_id[SK_UUID_LEN + 1];
	char status[4];              /* H hadir | I izin | S sakit | A alpa */
	int64_t iuran_kas;           /* dues paid at the meeting, rupiah >= 0 */
	int64_t iuran_iks;
	char diubah_pada[SK_TS_LEN + 1];
	int dihapus;
} sk_attendance;

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

#endif
