/* meeting_query.c - reading meetings for the Pertemuan screen: the proposal for a new meeting,
 * a stored meeting with its attendance, the group's meeting list. */
#include <stdio.h>
#include <string.h>
#include "db_row.h"
#include "group.h"
#include "i18n.h"
#include "meeting.h"

void meeting_last_date(sk_db *db, const char *kelompok_id, char *out, size_t n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT max(tanggal) FROM pertemuan WHERE kelompok_id=:g "
				      "AND dihapus=0", NULL);
	if (st)
		db_bind_text(st, ":g", kelompok_id);
	db_text(db, st, out, n, NULL);
}

int meeting_same_day(sk_db *db, const char *kelompok_id, const char *tanggal,
		     const char *except_id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM pertemuan WHERE kelompok_id=:g AND "
				      "tanggal=:t AND dihapus=0 AND id IS NOT :id", NULL);
	db_bind_texts(st, ":g", kelompok_id, ":t", tanggal,
		      ":id", except_id && *except_id ? except_id : NULL);
	return db_exists(db, st, NULL);
}

/* A row of st into the meeting ctx, by column name. */
static int read_meeting(void *ctx, sqlite3_stmt *st)
{
	table_read(&PERTEMUAN_TABLE, st, ctx);
	return 0;
}

/* Date and place of the group's last meeting plus 7 days, or "" when none. */
static void next_after_last(sk_db *db, const char *g, sk_meeting *m)
{
	/* A week after the last meeting, but never a day still to come (a meeting is recorded
	 * once it has been held). */
	sqlite3_stmt *st = db_prepare(db, "SELECT min(date(tanggal, '+7 days'), :today) tanggal, "
				      "tempat FROM pertemuan WHERE kelompok_id=:g AND dihapus=0 "
				      "ORDER BY tanggal DESC, diubah_pada DESC LIMIT 1", NULL);
	char today[11];
	sk_today(today);
	db_bind_texts(st, ":g", g, ":today", today);
	db_each(db, st, read_meeting, m, NULL);
}

TABLE_VIEW(ATTENDEE, SK_ATTENDEE);

struct roster {
	const char *pertemuan_id;
	sk_attendance *rows;
	sk_attendee *names;
	int max, *n;
};

/* One attendance row (and its member's name) by column name; -1 (stop) past max rows. */
static int read_attendee(void *ctx, sqlite3_stmt *st)
{
	struct roster *r = ctx;
	if (*r->n >= r->max)
		return -1;
	sk_attendance *a = &r->rows[*r->n];
	memset(a, 0, sizeof *a);
	table_read(&KEHADIRAN_TABLE, st, a);
	sk_strlcpy(a->pertemuan_id, r->pertemuan_id, sizeof a->pertemuan_id);
	if (r->names)
		table_read(&ATTENDEE, st, &r->names[*r->n]);
	(*r->n)++;
	return 0;
}

/* Run st (bound already) whose rows are anggota_id, nama, jabatan, status, iuran_kas,
 * iuran_iks into rows/names. */
static int read_attendance(sk_db *db, sqlite3_stmt *st, const char *pertemuan_id,
			   sk_attendance *rows, sk_attendee *names, int max, int *n, sk_err *e)
{
	struct roster r = { pertemuan_id, rows, names, max, n };
	*n = 0;
	int rc = db_each(db, st, read_attendee, &r, e);
	if (rc == -1)
		return sk_err_set(e, SK_REFUSED, _("Kelompok ini punya lebih dari %d anggota; daftar "
						   "hadirnya tidak muat."), max);
	return rc;
}

int meeting_propose(sk_db *db, const char *kelompok_id, sk_meeting *m, sk_attendance *rows,
		    sk_attendee *names, int max, int *n, sk_err *e)
{
	sk_group g;
	*n = 0;
	int rc = table_get_live(db, &KELOMPOK_TABLE, kelompok_id, &g, sizeof g,
				_("Kelompok tidak ditemukan."), e);
	if (rc != SK_OK)
		return rc;
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
	sqlite3_stmt *st = db_prepare(db, "SELECT id anggota_id, nama, jabatan, 'H' status, :kas "
				      "iuran_kas, :iks iuran_iks FROM anggota "
				      "WHERE kelompok_id=:g AND dihapus=0 AND " MEETING_MEMBER_ON(":d")
				      " ORDER BY urut_nama, id", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":g", kelompok_id, ":d", tanggal);
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
	db_bind_texts(st, ":id", anggota_id, ":d", tanggal);
	return db_exists(db, st, NULL) != 1;
}

int meeting_load(sk_db *db, const char *id, sk_meeting *m, sk_attendance *rows,
		 sk_attendee *names, int max, int *n, sk_err *e)
{
	*n = 0;
	int rc = table_get_live(db, &PERTEMUAN_TABLE, id, m, sizeof *m,
				_("Pertemuan tidak ditemukan."), e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_query(db, "SELECT h.anggota_id, coalesce(a.nama,'?') nama, "
				    "a.jabatan, h.status, h.iuran_kas, h.iuran_iks FROM "
				    "kehadiran h LEFT JOIN anggota a ON a.id=h.anggota_id WHERE "
				    "h.pertemuan_id=:p AND h.dihapus=0 ORDER BY a.urut_nama, h.anggota_id",
				    e, ":p", id);
	return read_attendance(db, st, id, rows, names, max, n, e); /* st NULL: SK_DBERR */
}

TABLE_VIEW(MEETING_ROW, SK_MEETING_ROW);

int meeting_list(sk_db *db, const char *kelompok_id, int offset, int limit, sk_meeting_row *out,
		 int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT p.id, p.tanggal, p.tempat, "
		"(SELECT count(*) FROM kehadiran h WHERE h.pertemuan_id=p.id AND h.dihapus=0 AND "
		"h.status='H') hadir, (SELECT count(*) FROM kehadiran h WHERE h.pertemuan_id=p.id AND "
		"h.dihapus=0) total, (SELECT coalesce(sum(iuran_kas),0) FROM kehadiran h WHERE "
		"h.pertemuan_id=p.id AND h.dihapus=0) iuran_kas, (SELECT coalesce(sum(iuran_iks),0) "
		"FROM kehadiran h WHERE h.pertemuan_id=p.id AND h.dihapus=0) iuran_iks FROM pertemuan p "
		"WHERE p.kelompok_id=:g AND p.dihapus=0 ORDER BY p.tanggal DESC, p.diubah_pada DESC, "
		"p.id LIMIT :lim OFFSET :off", e);
	if (st) {
		db_bind_text(st, ":g", kelompok_id);
		db_bind_int64(st, ":lim", limit);
		db_bind_int64(st, ":off", offset);
	}
	return table_list(db, &MEETING_ROW, st, out, sizeof *out, limit, n, e);
}

int meeting_count(sk_db *db, const char *kelompok_id)
{
	return db_count_text(db, "SELECT count(*) FROM pertemuan WHERE kelompok_id=:g AND dihapus=0",
			     ":g", kelompok_id);
}
