/* meeting.c - meetings and attendance: rules and storage. */
#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "meeting.h"
#include "validate.h"

static const char *const STATUS_VALUES[] = { "H", "I", "S", "A", NULL };

int valid_attendance_status(const char *v)
{
	for (int i = 0; v && STATUS_VALUES[i]; i++)
		if (strcmp(v, STATUS_VALUES[i]) == 0)
			return 1;
	return 0;
}

void meeting_init(sk_meeting *m, const char *kelompok_id)
{
	memset(m, 0, sizeof *m);
	sk_strlcpy(m->kelompok_id, kelompok_id, sizeof m->kelompok_id);
	sk_today(m->tanggal);
}

void meeting_validate_fields(const sk_meeting *m, sk_issues *is)
{
	validate_date_required(is, "tanggal", m->tanggal,
			       N_("Tanggal pertemuan wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	if (m->pendamping_hadir != 0 && m->pendamping_hadir != 1)
		sk_issues_add(is, "pendamping_hadir", SK_SEV_ERROR, "%s", _("Isi 0 (tidak) atau 1 (ya)."));
}

void meeting_validate_links(sk_db *db, const sk_meeting *m, sk_issues *is)
{
	validate_ref(db, is, "kelompok_id", "SELECT 1 FROM kelompok WHERE id=:id", m->kelompok_id,
		     _("Kelompok pertemuan tidak ditemukan."));
}

VALIDATE_ROW(meeting, sk_meeting)

/* The pertemuan table: every column once, in the bundle's order. */
TABLE_DEFINE(PERTEMUAN_TABLE, SK_MEETING);

/* The kehadiran table, keyed by the pair (pertemuan_id, anggota_id); dihapus stays in this
 * database (the bundle carries live rows only). */
TABLE_DEFINE(KEHADIRAN_TABLE, SK_ATTENDANCE);

TABLE_GET_STORE(meeting, sk_meeting, PERTEMUAN_TABLE, N_("Pertemuan tidak ditemukan."))

void attendance_validate_fields(const sk_attendance *a, sk_issues *is)
{
	if (!valid_attendance_status(a->status))
		sk_issues_add(is, "status", SK_SEV_ERROR, "%s",
			      _("Status kehadiran harus H (hadir), I (izin), S (sakit) atau A (alpa)."));
	validate_dues(is, "iuran_kas", a->iuran_kas);
	validate_dues(is, "iuran_iks", a->iuran_iks);
}

void attendance_validate_links(sk_db *db, const sk_attendance *a, sk_issues *is)
{
	validate_ref(db, is, "pertemuan_id", "SELECT 1 FROM pertemuan WHERE id=:id", a->pertemuan_id,
		     _("Pertemuan tidak ditemukan."));
	validate_ref(db, is, "anggota_id", "SELECT 1 FROM anggota WHERE id=:id", a->anggota_id,
		     _("Anggota tidak ditemukan."));
}

VALIDATE_ROW(attendance, sk_attendance)

int attendance_get(sk_db *db, const char *pertemuan_id, const char *anggota_id,
		   sk_attendance *out, sk_err *e)
{
	sk_attendance key;
	memset(&key, 0, sizeof key);
	sk_strlcpy(key.pertemuan_id, pertemuan_id, sizeof key.pertemuan_id);
	sk_strlcpy(key.anggota_id, anggota_id, sizeof key.anggota_id);
	return table_get_by(db, &KEHADIRAN_TABLE, &key, out, sizeof *out,
			    _("Data kehadiran tidak ditemukan."), e);
}

int attendance_store_raw(sk_db *db, const sk_attendance *a, int insert, sk_err *e)
{
	return table_store(db, &KEHADIRAN_TABLE, a, insert, N_("Data kehadiran tidak ditemukan."), e);
}
