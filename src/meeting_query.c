/* meeting_query.c - reading meetings for the Pertemuan screen: the proposal for a new meeting,
 * a stored meeting with its attendance, the group's meeting list. */
#include <stdio.h>
#include <string.h>
#include "group.h"
#include "i18n.h"
#include "meeting.h"

void meeting_last_date(sk_db *db, const char *kelompok_id, char *out, size_t n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT max(tanggal) FROM pertemuan WHERE kelompok_id=:g "
				      "AND dihapus=0", NULL);
	out[0] = '\0';
	if (!st)
		return;
	db_bind_text(st, ":g", kelompok_id);
	if (db_step(db, st, NULL) == SQLITE_ROW)
		db_col_text(st, 0, out, n);
	db_reset(st);
}

int meeting_same_day(sk_db *db, const char *kelompok_id, const char *tanggal,
		     const char *except_id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM pertemuan WHERE kelompok_id=:g AND "
				      "tanggal=:t AND dihapus=0 AND id IS NOT :id", NULL);
	if (st) {
		db_bind_text(st, ":g", kelompok_id);
		db_bind_text(st, ":t", tanggal);
		db_bind_text(st, ":id", except_id && *except_id ? except_id : NULL);
	}
	return db_exists(db, st, NULL);
}

/* Date and place of the group's last meeting plus 7 days, or "" when none. */
static void next_after_last(sk_db *db, const char *g, sk_meeting *m)
{
	/* A week after the last meeting, but never a day still to come (a meeting is recorded
	 * once it has been held). */
	sqlite3_stmt *st = db_prepare(db, "SELECT min(date(tanggal, '+7 days'), :today), "
				      "coalesce(tempat,'') FROM pertemuan WHERE kelompok_id=:g AND "
				      "dihapus=0 ORDER BY tanggal DESC, diubah_pada DESC LIMIT 1", NULL);
	if (!st)
		return;
	char today[11];
	sk_today(today);
	db_bind_text(st, ":g", g);
	db_bind_text(st, ":today", today);
	if (db_step(db, st, NULL) == SQLITE_ROW) {
		db_col_text(st, 0, m->tanggal, sizeof m->tanggal);
		db_col_text(st, 1, m->tempat, sizeof m->tempat);
	}
	db_reset(st);
}

/* Run st (bound already) whose rows are anggota_id, nama, jabatan, status, iuran_kas,
 * iuran_iks into rows/names. */
static int read_attendance(sk_db *db, sqlite3_stmt *st, const char *pertemuan_id,
			   sk_attendance *rows, sk_attendee *names, int max, int *n, sk_err *e)
{
	int rc;
	*n = 0;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (*n >= max) {
			db_reset(st);
			return sk_err_set(e, SK_REFUSED, _("Kelompok ini punya lebih dari %d anggota; "
							   "daftar hadirnya tidak muat."), max);
		}
		sk_attendance *a = &rows[*n];
		memset(a, 0, sizeof *a);
		sk_strlcpy(a->pertemuan_id, pertemuan_id, sizeof a->pertemuan_id);
		db_col_text(st, 0, a->anggota_id, sizeof a->anggota_id);
		db_col_text(st, 3, a->status, sizeof a->status);
		a->iuran_kas = sqlite3_column_int64(st, 4);
		a->iuran_iks = sqlite3_column_int64(st, 5);
		if (names) {
			db_col_text(st, 1, names[*n].nama, sizeof names[*n].nama);
			db_col_text(st, 2, names[*n].jabatan, sizeof names[*n].jabatan);
		}
		(*n)++;
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int meeting_propose(sk_db *db, const char *kelompok_id, sk_meeting *m, sk_attendance *rows,
		    sk_attendee *names, int max, int *n, sk_err *e)
{
	sk_group g;
	*n = 0;
	int rc = group_get(db, kelompok_id, &g, e);
	if (rc != SK_OK)
		return rc;
	if (g.dihapus)
		return sk_err_set(e, SK_NOTFOUND, "%s", _("Kelompok tidak ditemukan."));
	meeting_init(m, kelompok_id);
	next_after_last(db, kelompok_id, m);
	return meeting_roster(db, kelompok_id, m->tanggal, rows, names, max, n, e);
}

int meeting_roster(sk_db *db, const char *kelompok_id, const char *tanggal, sk_attendance *rows,
		   sk_attendee *names, int max, int *n, sk_err *e)
{
	sk_group g;
	*n = 0;
	int rc = group_get(db, kelompok_id, &g, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, "SELECT id, nama, jabatan, 'H', :kas, :iks FROM anggota "
				      "WHERE kelompok_id=:g AND dihapus=0 AND " MEETING_MEMBER_ON(":d")
				      " ORDER BY urut_nama, id", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", kelompok_id);
	db_bind_text(st, ":d", tanggal);
	db_bind_int64(st, ":kas", g.iuran_kas);
	db_bind_int64(st, ":iks", g.iuran_iks);
	return read_attendance(db, st, "", rows, names, max, n, e);
}

int meeting_member_on(sk_db *db, const char *anggota_id, const char *tanggal)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM anggota WHERE id=:id AND NOT ("
				      MEETING_MEMBER_ON(":d") ")", NULL);
	if (!st)
		return 1;
	db_bind_text(st, ":id", anggota_id);
	db_bind_text(st, ":d", tanggal);
	return db_exists(db, st, NULL) != 1;
}

int meeting_load(sk_db *db, const char *id, sk_meeting *m, sk_attendance *rows,
		 sk_attendee *names, int max, int *n, sk_err *e)
{
	*n = 0;
	int rc = meeting_get(db, id, m, e);
	if (rc != SK_OK)
		return rc;
	if (m->dihapus)
		return sk_err_set(e, SK_NOTFOUND, "%s", _("Pertemuan tidak ditemukan."));
	sqlite3_stmt *st = db_prepare(db, "SELECT h.anggota_id, coalesce(a.nama,'?'), "
				      "coalesce(a.jabatan,''), h.status, h.iuran_kas, h.iuran_iks FROM "
				      "kehadiran h LEFT JOIN anggota a ON a.id=h.anggota_id WHERE "
				      "h.pertemuan_id=:p AND h.dihapus=0 ORDER BY a.urut_nama, h.anggota_id", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":p", id);
	return read_attendance(db, st, id, rows, names, max, n, e);
}

int meeting_list(sk_db *db, const char *kelompok_id, int offset, int limit, sk_meeting_row *out,
		 int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT p.id, p.tanggal, coalesce(p.tempat,''), "
		"(SELECT count(*) FROM kehadiran h WHERE h.pertemuan_id=p.id AND h.dihapus=0 AND "
		"h.status='H'), (SELECT count(*) FROM kehadiran h WHERE h.pertemuan_id=p.id AND "
		"h.dihapus=0), (SELECT coalesce(sum(iuran_kas),0) FROM kehadiran h WHERE "
		"h.pertemuan_id=p.id AND h.dihapus=0), (SELECT coalesce(sum(iuran_iks),0) FROM "
		"kehadiran h WHERE h.pertemuan_id=p.id AND h.dihapus=0) FROM pertemuan p WHERE "
		"p.kelompok_id=:g AND p.dihapus=0 ORDER BY p.tanggal DESC, p.diubah_pada DESC, p.id "
		"LIMIT :lim OFFSET :off", e);
	*n = 0;
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", kelompok_id);
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && *n < limit) {
		sk_meeting_row *r = &out[(*n)++];
		db_col_text(st, 0, r->id, sizeof r->id);
		db_col_text(st, 1, r->tanggal, sizeof r->tanggal);
		db_col_text(st, 2, r->tempat, sizeof r->tempat);
		r->hadir = sqlite3_column_int(st, 3);
		r->total = sqlite3_column_int(st, 4);
		r->iuran_kas = sqlite3_column_int64(st, 5);
		r->iuran_iks = sqlite3_column_int64(st, 6);
	}
	db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int meeting_count(sk_db *db, const char *kelompok_id)
{
	return db_count_text(db, "SELECT count(*) FROM pertemuan WHERE kelompok_id=:g AND dihapus=0",
			     ":g", kelompok_id);
}
