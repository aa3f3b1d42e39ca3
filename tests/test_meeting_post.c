/* test_meeting_post.c - recording meetings: the proposal for a new meeting, and the dues
 * postings on save, edit (open and closed month) and delete, each leaving `sikube check`'s
 * rule true: per meeting and book the postings add up to the attendance dues. */
#include "cashbook.h"
#include "check.h"
#include "kube_fixture.h"
#include "group.h"
#include "meeting.h"
#include "report.h"

static sk_attendance rows[MEETING_MAX_ROWS];
static sk_attendee names[MEETING_MAX_ROWS];

static int problems(sk_db *db)
{
	int n = -1;
	sk_err e;
	if (check_run(db, kube_count_problem, NULL, &n, &e) != SK_OK)
		return -1;
	return n;
}

/* Postings (not deleted) of meeting id in book buku: their sum, and their number in *count. */
static int64_t posted(sk_db *db, const char *id, const char *buku, int *count)
{
	char where[160];
	snprintf(where, sizeof where, "pertemuan_id='%s' AND buku='%s'", id, buku);
	if (count) {
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM kas WHERE dihapus=0 AND %s", where);
		*count = (int)kube_int(db, sql);
	}
	return kube_kas_sum(db, where);
}

static void set_status(sk_attendance *a, const char *st)
{
	snprintf(a->status, sizeof a->status, "%s", st);
	if (strcmp(st, "H") != 0)
		a->iuran_kas = a->iuran_iks = 0;
}

static void test_propose(sk_db *db)
{
	sk_meeting m;
	sk_err e;
	int n;
	char today[11];
	sk_today(today);
	CHECK(meeting_propose(db, "g1", &m, rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK,
	      "propose a first meeting");
	CHECK_STR(m.tanggal, today, "first meeting proposed today");
	CHECK(n == 10, "one row per active member (left and deleted ones not)");
	CHECK(n == 10 && strcmp(names[0].nama, "Anggota 01") == 0, "rows by name with the names");
	int all_h = 1;
	for (int i = 0; i < n; i++)
		all_h &= strcmp(rows[i].status, "H") == 0 && rows[i].iuran_kas == 5000 &&
			 rows[i].iuran_iks == 1000;
	CHECK(all_h, "everyone hadir paying the group's default dues");
	CHECK(meeting_propose(db, "nope", &m, rows, names, MEETING_MAX_ROWS, &n, &e) == SK_NOTFOUND,
	      "unknown group");
	CHECK(meeting_propose(db, "g1", &m, rows, names, 5, &n, &e) == SK_REFUSED,
	      "more members than rows refused");
}

static void test_save(sk_db *db, char *id)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n, c;
	meeting_propose(db, "g1", &m, rows, names, MEETING_MAX_ROWS, &n, &e);
	snprintf(m.tanggal, sizeof m.tanggal, "2026-10-07");
	snprintf(m.tempat, sizeof m.tempat, "Rumah Bu Siti");
	snprintf(m.agenda, sizeof m.agenda, "Iuran mingguan");
	set_status(&rows[3], "A");
	set_status(&rows[7], "S");
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_OK, "save a new meeting");
	snprintf(id, SK_UUID_LEN + 1, "%s", m.id);
	CHECK(sk_uuid_valid(m.id), "meeting id assigned");
	CHECK(posted(db, m.id, "umum", &c) == 40000 && c == 1, "one umum posting of the kas dues");
	CHECK(posted(db, m.id, "iks", &c) == 8000 && c == 1, "one iks posting of the IKS dues");
	CHECK(kube_int(db, "SELECT count(*) FROM kas WHERE kelompok_id='g1' AND buku='umum' AND "
			   "kategori='iuran_kas' AND tanggal='2026-10-07' AND no_bukti='BKM-0001' AND "
			   "uraian='Iuran kas pertemuan 2026-10-07'") == 1,
	      "posting dated the meeting, category, receipt number, description");
	CHECK(kube_int(db, "SELECT count(*) FROM kas WHERE buku='iks' AND kategori='iuran_iks' AND "
			   "no_bukti='BKM-0001'") == 1, "iks posting numbered in its own book");
	CHECK(cash_balance(db, "g1", "umum", NULL) == 40000, "umum balance gained the dues");
	CHECK(problems(db) == 0, "check passes after a save");

	sk_meeting_row list[4];
	CHECK(meeting_list(db, "g1", 0, 4, list, &n, &e) == SK_OK && n == 1, "meeting listed");
	CHECK(n == 1 && list[0].hadir == 8 && list[0].total == 10 && list[0].iuran_kas == 40000 &&
	      list[0].iuran_iks == 8000, "list: present of total and dues");
	CHECK(meeting_count(db, "g1") == 1, "meeting count");

	sk_meeting next;
	meeting_propose(db, "g1", &next, rows, names, MEETING_MAX_ROWS, &n, &e);
	CHECK_STR(next.tanggal, "2026-10-14", "next meeting proposed a week after the last");
	CHECK_STR(next.tempat, "Rumah Bu Siti", "at the last meeting's place");
}

static void test_edit_open(sk_db *db, const char *id)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n, c;
	char bukti_id[64];
	CHECK(meeting_load(db, id, &m, rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK && n == 10,
	      "load the meeting with its rows");
	CHECK(strcmp(rows[3].status, "A") == 0 && rows[3].iuran_kas == 0, "stored statuses loaded");
	int64_t before = kube_int(db, "SELECT count(*) FROM kas");
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db_handle(db), "SELECT id FROM kas WHERE buku='umum' AND pertemuan_id IS NOT NULL",
			   -1, &st, NULL);
	bukti_id[0] = '\0';
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(bukti_id, sizeof bukti_id, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	set_status(&rows[0], "I");
	rows[1].iuran_kas = 10000;
	CHECK(meeting_save(db, &m, rows, n - 1, &is, &e) == SK_OK, "edit in an open month");
	CHECK(posted(db, id, "umum", &c) == 35000 + 0 && c == 1, "umum posting replaced (one row)");
	CHECK(posted(db, id, "iks", &c) == 6000 && c == 1, "iks posting replaced (one row)");
	CHECK(kube_int(db, "SELECT count(*) FROM kas") == before, "open month: rows updated, none added");
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT masuk FROM kas WHERE id='%s'", bukti_id);
	CHECK(kube_int(db, sql) == 35000, "the same posting row carries the new amount");
	snprintf(sql, sizeof sql, "SELECT dihapus FROM kehadiran WHERE pertemuan_id='%s' AND "
		 "anggota_id='g1-a10'", id);
	CHECK(kube_int(db, sql) == 1, "a row left out of the edit is marked deleted");
	CHECK(problems(db) == 0, "check passes after an edit");
}

static void test_edit_closed(sk_db *db, const char *id)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n, c;
	char today[11], sql[256];
	sk_today(today);
	CHECK(cash_close_month(db, "g1", "umum", "2026-10", 35000, NULL, NULL, NULL, &e) == SK_OK,
	      "close October (umum)");
	meeting_load(db, id, &m, rows, names, MEETING_MAX_ROWS, &n, &e);
	set_status(&rows[2], "A");
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_OK, "edit after the month closed");
	CHECK(posted(db, id, "umum", &c) == 30000 && c == 3,
	      "closed month: posting reversed and posted anew");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kas WHERE pertemuan_id='%s' AND buku='umum' "
		 "AND membalik_id IS NOT NULL AND keluar=35000 AND tanggal='%s'", id, today);
	CHECK(kube_int(db, sql) == 1, "reversal dated today, linked to the meeting");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM kas WHERE pertemuan_id='%s' AND buku='umum' "
		 "AND membalik_id IS NULL AND masuk=30000 AND tanggal='%s'", id, today);
	CHECK(kube_int(db, sql) == 1, "new posting dated today (October is closed)");
	CHECK(kube_int(db, "SELECT count(*) FROM kas WHERE tanggal LIKE '2026-10-%' AND dihapus=0 AND "
			   "buku='umum'") == 1, "October's rows untouched");
	CHECK(posted(db, id, "iks", &c) == 5000 && c == 1, "the open iks book is updated in place");
	CHECK(problems(db) == 0, "check passes after a closed-month edit");
	set_status(&rows[2], "H");
	rows[2].iuran_kas = 5000;
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_OK, "edit again");
	CHECK(posted(db, id, "umum", &c) == 35000 && c == 3, "the open new posting updated in place");
	CHECK(problems(db) == 0, "check still passes");
}

static void test_refusals(sk_db *db, const char *id)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n;
	meeting_load(db, id, &m, rows, names, MEETING_MAX_ROWS, &n, &e);
	char stamp[SK_TS_LEN + 1];
	snprintf(stamp, sizeof stamp, "%s", m.diubah_pada);
	sk_attendance keep = rows[0];
	snprintf(rows[0].anggota_id, sizeof rows[0].anggota_id, "g2-a01");
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_REFUSED && sk_issues_for(&is, "kehadiran"),
	      "member of another group refused");
	rows[0] = rows[1];
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_REFUSED, "member twice refused");
	rows[0] = keep;
	snprintf(rows[0].status, sizeof rows[0].status, "X");
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_REFUSED, "bad status refused");
	rows[0] = keep;
	snprintf(m.tanggal, sizeof m.tanggal, "2026-02-30");
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_REFUSED && sk_issues_for(&is, "tanggal"),
	      "bad date refused");
	meeting_get(db, id, &m, &e);
	CHECK_STR(m.diubah_pada, stamp, "refusals change nothing");

	/* Spend the iks book, then try to lower the dues already spent. */
	sk_cash_row c;
	cash_init(&c, "g1");
	snprintf(c.buku, sizeof c.buku, "iks");
	snprintf(c.kategori, sizeof c.kategori, "santunan");
	c.keluar = cash_balance(db, "g1", "iks", NULL);
	CHECK(cash_add(db, &c, &is, &e) == SK_OK, "spend the whole iks book");
	meeting_load(db, id, &m, rows, names, MEETING_MAX_ROWS, &n, &e);
	rows[1].iuran_iks = 0;
	int64_t before = kube_int(db, "SELECT count(*) FROM kas");
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_REFUSED && strstr(e.msg, "tidak boleh minus"),
	      "lowering dues already spent is refused");
	CHECK(sk_issues_for(&is, "kas") != NULL, "the refusal is a finding too");
	CHECK(kube_int(db, "SELECT count(*) FROM kas") == before && posted(db, id, "iks", NULL) == 5000,
	      "nothing written by the refused save");
	CHECK(meeting_delete(db, id, &e) == SK_REFUSED, "deleting a meeting whose dues were spent refused");
	c.keluar = 0;
	c.masuk = 100000;
	c.id[0] = c.no_bukti[0] = '\0';
	snprintf(c.kategori, sizeof c.kategori, "lainnya");
	CHECK(cash_add(db, &c, &is, &e) == SK_OK, "money back into the iks book");
}

static void test_delete(sk_db *db, const char *id)
{
	sk_err e;
	int c;
	CHECK(meeting_delete(db, id, &e) == SK_OK, "delete the meeting");
	CHECK(posted(db, id, "umum", &c) == 0 && c == 4, "umum postings reversed (sum zero)");
	CHECK(posted(db, id, "iks", &c) == 0 && c == 2, "iks posting reversed (sum zero)");
	CHECK(meeting_count(db, "g1") == 0, "deleted meeting not listed");
	CHECK(meeting_delete(db, id, &e) == SK_NOTFOUND, "deleting twice");
	CHECK(problems(db) == 0, "check passes after a delete");
}

static void test_no_dues(sk_db *db)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n, c;
	meeting_propose(db, "g2", &m, rows, names, MEETING_MAX_ROWS, &n, &e);
	for (int i = 0; i < n; i++)
		set_status(&rows[i], i % 2 ? "I" : "H");
	for (int i = 0; i < n; i++)
		rows[i].iuran_iks = 0;
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_OK, "meeting without IKS dues");
	CHECK(posted(db, m.id, "iks", &c) == 0 && c == 0, "no iks posting when no IKS was paid");
	CHECK(posted(db, m.id, "umum", &c) == 15000 && c == 1, "umum posting");
	for (int i = 0; i < n; i++)
		rows[i].iuran_kas = 0;
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_OK, "edit to no dues at all");
	CHECK(posted(db, m.id, "umum", &c) == 0 && c == 0, "open month: posting deleted");
	CHECK(problems(db) == 0, "check passes");
}

/* A meeting is recorded once held: never proposed or saved for a day still to come. */
static void test_future(sk_db *db)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n;
	char today[11], tomorrow[11], sql[256];
	kube_day(0, today);
	kube_day(1, tomorrow);
	kube_group(db, "g9", 5);
	snprintf(sql, sizeof sql, "INSERT INTO pertemuan(id,kelompok_id,tanggal,diubah_pada) VALUES"
		 "('p9','g9','%s','2026-01-01T00:00:00Z')", today);
	db_exec_write(db, sql, NULL);
	meeting_propose(db, "g9", &m, rows, names, MEETING_MAX_ROWS, &n, &e);
	CHECK_STR(m.tanggal, today, "a week after a meeting held today is still to come: today proposed");
	sk_strlcpy(m.tanggal, tomorrow, sizeof m.tanggal);
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_REFUSED && sk_issues_for(&is, "tanggal"),
	      "a meeting dated tomorrow is refused, on the date field");
}

/* Activity: the group list flags a group with no meeting in the last 4 weeks. */
static void test_activity(sk_db *db)
{
	sk_group_row g[4];
	sk_err e;
	int n;
	char today[11];
	sk_today(today);
	CHECK(group_list(db, "", 0, 4, g, &n, &e) == SK_OK && n == 3, "group list");
	int ok1 = 0, ok2 = 0, ok3 = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(g[i].id, "g1") == 0)
			ok1 = g[i].tidak_aktif && !*g[i].pertemuan_terakhir;
		if (strcmp(g[i].id, "g2") == 0)
			ok2 = !g[i].tidak_aktif && strcmp(g[i].pertemuan_terakhir, today) == 0;
		if (strcmp(g[i].id, "g3") == 0)
			ok3 = g[i].tidak_aktif && strcmp(g[i].pertemuan_terakhir, "2026-10-07") == 0;
	}
	CHECK(ok1, "group without meetings (its only one deleted) is inactive");
	CHECK(ok2, "group that met today is active, last meeting shown");
	CHECK(ok3, "group whose last meeting is over 4 weeks old is inactive");
	CHECK(group_count_inactive(db) == 2, "inactive groups counted");
	report_trend_month t[12];
	char month[8];
	snprintf(month, sizeof month, "%.7s", today);
	CHECK(report_trend(db, "g2", month, t, &e) == SK_OK && t[11].pertemuan == 1 &&
	      t[11].persen_hadir == 60, "chart: this month's meetings and attendance rate");
}

/* The attendance list of a date: only the people who were members that day. */
static void test_roster(sk_db *db)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n;
	kube_group(db, "g6", 5); /* five since 2026-01-01, one who left on 2026-06-01 */
	db_exec_write(db, "INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tanggal_masuk,"
		    "diubah_pada) VALUES('g6-new','g6','3171081208809999','3171080101080001','Baru',"
		    "'L','2026-11-20','2026-11-20T00:00:00Z')", &e);
	CHECK(meeting_roster(db, "g6", "2026-11-01", rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK &&
	      n == 5, "before the newcomer joined: five");
	CHECK(meeting_roster(db, "g6", "2026-11-20", rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK &&
	      n == 6, "on the day she joined: six");
	CHECK(meeting_roster(db, "g6", "2026-05-31", rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK &&
	      n == 6, "before the leaver left: six");
	CHECK(meeting_roster(db, "g6", "2026-06-01", rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK &&
	      n == 5, "on the day he left: five");
	/* A list with the newcomer on a meeting before she joined is refused. */
	meeting_init(&m, "g6");
	snprintf(m.tanggal, sizeof m.tanggal, "2026-11-25");
	CHECK(meeting_roster(db, "g6", m.tanggal, rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK,
	      "roster");
	snprintf(m.tanggal, sizeof m.tanggal, "2026-11-01");
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_REFUSED && strstr(e.msg, "Baru") &&
	      strstr(e.msg, "2026-11-20"), "a member who joined later is refused on the list");
	CHECK(meeting_roster(db, "g6", m.tanggal, rows, names, MEETING_MAX_ROWS, &n, &e) == SK_OK &&
	      meeting_save(db, &m, rows, n, &is, &e) == SK_OK, "the roster of the date saves");
}

int main(void)
{
	sk_db *db = fixture_db();
	char id[SK_UUID_LEN + 1];
	kube_group(db, "g1", 10);
	kube_group(db, "g2", 5);
	test_propose(db);
	test_save(db, id);
	test_edit_open(db, id);
	test_edit_closed(db, id);
	test_refusals(db, id);
	test_delete(db, id);
	test_no_dues(db);
	kube_group(db, "g3", 5);
	db_exec_write(db, "INSERT INTO pertemuan(id,kelompok_id,tanggal,diubah_pada) VALUES"
		    "('p3','g3','2026-10-07','2026-10-07T00:00:00Z')", NULL);
	test_activity(db);
	test_future(db);
	test_roster(db);
	db_close(db);
	return testlib_summary();
}
