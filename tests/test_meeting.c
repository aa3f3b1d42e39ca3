/* test_meeting.c - meeting and attendance rules and raw storage (used by import now, by the
 * meeting screens later). */
#include "fixture.h"
#include "group.h"
#include "meeting.h"
#include "member.h"

#define T0 "2025-01-01T00:00:00Z"

static char gid[SK_UUID_LEN + 1], mid[SK_UUID_LEN + 1];

static void setup(sk_db *db)
{
	sk_group g;
	sk_member m;
	sk_issues is;
	sk_err e;
	group_init(&g);
	strcpy(g.nama, "KUBE Melati 3");
	strcpy(g.kode_wilayah, "31.71.08.1003");
	if (group_insert(db, &g, &is, &e) != SK_OK)
		exit(2);
	strcpy(gid, g.id);
	member_init(&m, gid);
	strcpy(m.nik, "3171081208800001");
	strcpy(m.no_kk, "3171081503100007");
	strcpy(m.nama, "Budi");
	strcpy(m.jenis_kelamin, "L");
	if (member_insert(db, &m, &is, &e) != SK_OK)
		exit(2);
	strcpy(mid, m.id);
}

static void test_meeting(sk_db *db)
{
	sk_meeting m, got;
	sk_issues is;
	sk_err e;
	meeting_init(&m, gid);
	sk_uuid_new(m.id);
	strcpy(m.tanggal, "2025-02-03");
	strcpy(m.diubah_pada, T0);
	meeting_validate(db, &m, &is);
	CHECK(sk_issues_errors(&is) == 0, "valid meeting");
	strcpy(m.tanggal, "2026-02-30");
	meeting_validate(db, &m, &is);
	CHECK(sk_issues_for(&is, "tanggal") != NULL, "impossible date refused");
	strcpy(m.tanggal, "");
	meeting_validate(db, &m, &is);
	CHECK(sk_issues_for(&is, "tanggal") != NULL, "date required");
	strcpy(m.tanggal, "2025-02-03");
	m.pendamping_hadir = 2;
	meeting_validate(db, &m, &is);
	CHECK(sk_issues_for(&is, "pendamping_hadir") != NULL, "pendamping_hadir 0/1");
	m.pendamping_hadir = 1;
	strcpy(m.kelompok_id, "00000000-0000-4000-8000-000000000000");
	meeting_validate(db, &m, &is);
	CHECK(sk_issues_for(&is, "kelompok_id") != NULL, "unknown group refused");
	strcpy(m.kelompok_id, gid);
	strcpy(m.agenda, "Iuran; laporan");
	CHECK(FIXTURE_WRITE(db, meeting_store_raw(db, &m, 1, &e)) == SK_OK, "store meeting");
	CHECK(meeting_get(db, m.id, &got, &e) == SK_OK && strcmp(got.agenda, "Iuran; laporan") == 0 &&
	      strcmp(got.diubah_pada, T0) == 0 && got.pendamping_hadir == 1, "meeting reads back");
	strcpy(m.tempat, "Balai RW");
	CHECK(FIXTURE_WRITE(db, meeting_store_raw(db, &m, 0, &e)) == SK_OK, "replace with the same stamp");
	CHECK(meeting_get(db, m.id, &got, &e) == SK_OK && strcmp(got.tempat, "Balai RW") == 0 &&
	      strcmp(got.diubah_pada, T0) == 0, "raw store keeps the given stamp (touch trigger undone)");
	sk_meeting none = m;
	sk_uuid_new(none.id);
	CHECK(FIXTURE_WRITE(db, meeting_store_raw(db, &none, 0, &e)) == SK_NOTFOUND, "replacing a missing row");

	sk_attendance a = { .iuran_kas = 5000, .iuran_iks = 1000 }, ga;
	strcpy(a.pertemuan_id, m.id);
	strcpy(a.anggota_id, mid);
	strcpy(a.status, "H");
	strcpy(a.diubah_pada, T0);
	attendance_validate(db, &a, &is);
	CHECK(sk_issues_errors(&is) == 0, "valid attendance");
	strcpy(a.status, "Z");
	attendance_validate(db, &a, &is);
	CHECK(sk_issues_for(&is, "status") != NULL, "status Z refused");
	strcpy(a.status, "S");
	a.iuran_kas = -1;
	attendance_validate(db, &a, &is);
	CHECK(sk_issues_for(&is, "iuran_kas") != NULL, "negative dues refused");
	a.iuran_kas = 0;
	strcpy(a.anggota_id, "00000000-0000-4000-8000-000000000000");
	attendance_validate(db, &a, &is);
	CHECK(sk_issues_for(&is, "anggota_id") != NULL, "unknown member refused");
	strcpy(a.anggota_id, mid);
	CHECK(FIXTURE_WRITE(db, attendance_store_raw(db, &a, 1, &e)) == SK_OK, "store attendance");
	a.iuran_iks = 2000;
	CHECK(FIXTURE_WRITE(db, attendance_store_raw(db, &a, 0, &e)) == SK_OK, "replace attendance");
	CHECK(attendance_get(db, m.id, mid, &ga, &e) == SK_OK && ga.iuran_iks == 2000 &&
	      strcmp(ga.status, "S") == 0 && strcmp(ga.diubah_pada, T0) == 0, "attendance reads back");
	CHECK(valid_attendance_status("H") && valid_attendance_status("A") &&
	      !valid_attendance_status("h") && !valid_attendance_status(""), "status values");
}

int main(void)
{
	sk_db *db = fixture_db();
	setup(db);
	test_meeting(db);
	db_close(db);
	return testlib_summary();
}
