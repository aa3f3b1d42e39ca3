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
			       _("Tanggal pertemuan wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	if (m->pendamping_hadir != 0 && m->pendamping_hadir != 1)
		sk_issues_add(is, "pendamping_hadir", SK_SEV_ERROR, "%s", _("Isi 0 (tidak) atau 1 (ya)."));
}

void meeting_validate_links(sk_db *db, const sk_meeting *m, sk_issues *is)
{
	validate_ref(db, is, "kelompok_id", "SELECT 1 FROM kelompok WHERE id=:id", m->kelompok_id,
		     _("Kelompok pertemuan tidak ditemukan."));
}

void meeting_validate(sk_db *db, const sk_meeting *m, sk_issues *is)
{
	sk_issues_clear(is);
	meeting_validate_fields(m, is);
	meeting_validate_links(db, m, is);
}

int meeting_get(sk_db *db, const char *id, sk_meeting *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, kelompok_id, tanggal, tempat, pendamping_hadir, "
				      "agenda, keputusan, catatan, diubah_pada, dihapus FROM pertemuan "
				      "WHERE id=:id", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", id);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		db_col_text(st, 0, out->id, sizeof out->id);
		db_col_text(st, 1, out->kelompok_id, sizeof out->kelompok_id);
		db_col_text(st, 2, out->tanggal, sizeof out->tanggal);
		db_col_text(st, 3, out->tempat, sizeof out->tempat);
		out->pendamping_hadir = sqlite3_column_int(st, 4);
		db_col_text(st, 5, out->agenda, sizeof out->agenda);
		db_col_text(st, 6, out->keputusan, sizeof out->keputusan);
		db_col_text(st, 7, out->catatan, sizeof out->catatan);
		db_col_text(st, 8, out->diubah_pada, sizeof out->diubah_pada);
		out->dihapus = sqlite3_column_int(st, 9);
	}
	return db_row_end(st, rc, _("Pertemuan tidak ditemukan."), e);
}

int meeting_store_raw(sk_db *db, const sk_meeting *m, int insert, sk_err *e)
{
	static const char ins[] =
		"INSERT INTO pertemuan(id, kelompok_id, tanggal, tempat, pendamping_hadir, agenda, "
		"keputusan, catatan, diubah_pada, dihapus, disimpan_pada) VALUES(:id, :kelompok_id, "
		":tanggal, :tempat, :pendamping_hadir, :agenda, :keputusan, :catatan, :diubah_pada, "
		":dihapus, " DB_STORED_SQL ")";
	static const char upd[] =
		"UPDATE pertemuan SET kelompok_id=:kelompok_id, tanggal=:tanggal, tempat=:tempat, "
		"pendamping_hadir=:pendamping_hadir, agenda=:agenda, keputusan=:keputusan, "
		"catatan=:catatan, diubah_pada=:diubah_pada, dihapus=:dihapus, disimpan_pada="
		DB_STORED_SQL " WHERE id=:id";
	sqlite3_stmt *st = db_prepare(db, insert ? ins : upd, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", m->id);
	db_bind_text(st, ":kelompok_id", m->kelompok_id);
	db_bind_text(st, ":tanggal", m->tanggal);
	db_bind_text(st, ":tempat", m->tempat);
	db_bind_int64(st, ":pendamping_hadir", m->pendamping_hadir);
	db_bind_text(st, ":agenda", m->agenda);
	db_bind_text(st, ":keputusan", m->keputusan);
	db_bind_text(st, ":catatan", m->catatan);
	db_bind_text(st, ":diubah_pada", m->diubah_pada);
	db_bind_int64(st, ":dihapus", m->dihapus);
	int rc = db_step_write(db, st, N_("Pertemuan tidak ditemukan."), e);
	if (rc != SK_OK || insert)
		return rc;
	/* The touch trigger renews diubah_pada when an UPDATE keeps it; put the given one back. */
	return db_restamp(db, "UPDATE pertemuan SET diubah_pada=:t WHERE id=:k1 AND diubah_pada IS NOT :t",
		       m->id, NULL, m->diubah_pada, e);
}

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

void attendance_validate(sk_db *db, const sk_attendance *a, sk_issues *is)
{
	sk_issues_clear(is);
	attendance_validate_fields(a, is);
	attendance_validate_links(db, a, is);
}

int attendance_get(sk_db *db, const char *pertemuan_id, const char *anggota_id,
		   sk_attendance *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT status, iuran_kas, iuran_iks, diubah_pada, dihapus "
				      "FROM kehadiran WHERE pertemuan_id=:p AND anggota_id=:a", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":p", pertemuan_id);
	db_bind_text(st, ":a", anggota_id);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		sk_strlcpy(out->pertemuan_id, pertemuan_id, sizeof out->pertemuan_id);
		sk_strlcpy(out->anggota_id, anggota_id, sizeof out->anggota_id);
		db_col_text(st, 0, out->status, sizeof out->status);
		out->iuran_kas = sqlite3_column_int64(st, 1);
		out->iuran_iks = sqlite3_column_int64(st, 2);
		db_col_text(st, 3, out->diubah_pada, sizeof out->diubah_pada);
		out->dihapus = sqlite3_column_int(st, 4);
	}
	return db_row_end(st, rc, _("Data kehadiran tidak ditemukan."), e);
}

int attendance_store_raw(sk_db *db, const sk_attendance *a, int insert, sk_err *e)
{
	static const char ins[] =
		"INSERT INTO kehadiran(pertemuan_id, anggota_id, status, iuran_kas, iuran_iks, "
		"diubah_pada, dihapus, disimpan_pada) VALUES(:p, :a, :status, :iuran_kas, :iuran_iks, "
		":diubah_pada, :dihapus, " DB_STORED_SQL ")";
	static const char upd[] =
		"UPDATE kehadiran SET status=:status, iuran_kas=:iuran_kas, iuran_iks=:iuran_iks, "
		"diubah_pada=:diubah_pada, dihapus=:dihapus, disimpan_pada=" DB_STORED_SQL " WHERE "
		"pertemuan_id=:p AND anggota_id=:a";
	sqlite3_stmt *st = db_prepare(db, insert ? ins : upd, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":p", a->pertemuan_id);
	db_bind_text(st, ":a", a->anggota_id);
	db_bind_text(st, ":status", a->status);
	db_bind_int64(st, ":iuran_kas", a->iuran_kas);
	db_bind_int64(st, ":iuran_iks", a->iuran_iks);
	db_bind_text(st, ":diubah_pada", a->diubah_pada);
	db_bind_int64(st, ":dihapus", a->dihapus);
	int rc = db_step_write(db, st, N_("Data kehadiran tidak ditemukan."), e);
	if (rc != SK_OK || insert)
		return rc;
	return db_restamp(db, "UPDATE kehadiran SET diubah_pada=:t WHERE pertemuan_id=:k1 AND "
		       "anggota_id=:k2 AND diubah_pada IS NOT :t", a->pertemuan_id, a->anggota_id,
		       a->diubah_pada, e);
}
