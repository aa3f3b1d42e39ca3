/* test_check.c - `sikube check`'s core (check_run): consistent data passes, and each kind of
 * corruption (made behind the application's back, as a sqlite3 shell would) is reported once,
 * naming what is wrong, with NIKs masked. Each corruption is rolled back before the next. */
#include "check.h"
#include "kube_fixture.h"
#include "meeting.h"

static sk_attendance rows[MEETING_MAX_ROWS];
static sk_attendee names[MEETING_MAX_ROWS];

/* The problems of the last run, one per line. */
static char found[8192];

static void collect(void *ctx, const char *problem)
{
	(void)ctx;
	size_t used = strlen(found);
	snprintf(found + used, sizeof found - used, "%s\n", problem);
}

/* Run the check; returns the number of problems (-1 when the check itself failed). */
static int run(sk_db *db)
{
	int n = -1;
	sk_err e;
	found[0] = '\0';
	if (check_run(db, collect, NULL, &n, &e) != SK_OK)
		return -1;
	return n;
}

/* Run sql inside a savepoint, expect exactly `count` problems, one containing want, roll back. */
static void expect_n(sk_db *db, const char *sql, int count, const char *want, const char *name)
{
	sk_err e;
	if (db_exec(db, "PRAGMA foreign_keys=OFF; SAVEPOINT corrupt", &e) != SK_OK ||
	    db_exec(db, sql, &e) != SK_OK) {
		CHECK(0, name);
		fprintf(stderr, "# %s\n", e.msg);
		return;
	}
	int n = run(db);
	CHECK(n == count && strstr(found, want) != NULL, name);
	if (n != count || !strstr(found, want))
		fprintf(stderr, "# got %d: %s", n, found);
	db_exec(db, "ROLLBACK TO corrupt; RELEASE corrupt; PRAGMA foreign_keys=ON", NULL);
}

static void expect_one(sk_db *db, const char *sql, const char *want, const char *name)
{
	expect_n(db, sql, 1, want, name);
}

/* A group with a recorded meeting (8 of 10 present) and one purchase from its general book. */
static void record_meeting(sk_db *db)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n;
	meeting_propose(db, "g1", &m, rows, names, MEETING_MAX_ROWS, &n, &e);
	snprintf(m.tanggal, sizeof m.tanggal, "2026-10-07");
	snprintf(rows[2].status, sizeof rows[2].status, "A");
	rows[2].iuran_kas = rows[2].iuran_iks = 0;
	CHECK(meeting_save(db, &m, rows, n, &is, &e) == SK_OK, "a meeting is recorded");
	CHECK(db_exec_write(db, "INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,"
			  "masuk,keluar,diubah_pada) VALUES('k-buy','g1','2026-10-08','BKK-0001',"
			  "'umum','pembelian','Bahan',0,20000,'2026-10-08T00:00:00Z')", &e) == SK_OK,
	      "a purchase is entered");
}

static void test_consistent(sk_db *db)
{
	CHECK(run(db) == 0, "consistent data: no problem");
	CHECK(found[0] == '\0', "consistent data: nothing reported");
}

static void test_postings(sk_db *db)
{
	expect_one(db, "UPDATE kas SET masuk=masuk+500 WHERE pertemuan_id IS NOT NULL AND buku='umum'",
		   "dibukukan di kas umum Rp 45500", "a changed kas posting is named with both sums");
	expect_one(db, "UPDATE kas SET dihapus=1 WHERE pertemuan_id IS NOT NULL AND buku='iks'",
		   "iuran IKS hadir Rp 9000, tetapi dibukukan di kas IKS Rp 0",
		   "a lost IKS posting is named");
	expect_one(db, "UPDATE kehadiran SET iuran_kas=iuran_kas+1 WHERE anggota_id='g1-a01'", "iuran kas hadir Rp 45001",
		   "changed attendance dues are named");
	expect_n(db, "UPDATE pertemuan SET dihapus=1", 2, "dibukukan di kas umum Rp 45000",
		 "a deleted meeting whose postings stand is named, once per book");
}

static void test_balances(sk_db *db)
{
	expect_one(db, "UPDATE kas SET keluar=100000 WHERE id='k-buy'",
		   "buku umum: saldo di bawah nol sejak 2026-10-08 (Rp -55000)",
		   "a book below zero: first day and balance");
	expect_one(db, "UPDATE saldo_kas SET saldo=saldo+7 WHERE kelompok_id='g1' AND buku='iks'",
		   "buku iks: saldo menurut baris kas Rp 9000, tetapi saldo tersimpan Rp 9007",
		   "a kept balance that differs from the ledger");
}

static void test_reversals(sk_db *db)
{
	const char *rev = "INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,"
			  "membalik_id,diubah_pada) VALUES('k-rev','g1','2026-10-09','%s','pembelian',"
			  "%s,0,'%s','2026-10-09T00:00:00Z')";
	char sql[512];
	snprintf(sql, sizeof sql, rev, "umum", "20000", "k-buy");
	sk_err e;
	CHECK(db_exec(db, "SAVEPOINT ok", &e) == SK_OK && db_exec(db, sql, &e) == SK_OK &&
	      run(db) == 0, "a proper reversal passes");
	db_exec(db, "ROLLBACK TO ok; RELEASE ok", NULL);
	snprintf(sql, sizeof sql, rev, "umum", "20000", "nowhere");
	/* Named twice: by the reversal rule and by SQLite's foreign-key check. */
	expect_n(db, sql, 2, "Baris kas k-rev membalik nowhere", "a reversal of a missing row");
	CHECK(strstr(found, "Tabel kas baris") != NULL, "the dangling reference is named too");
	snprintf(sql, sizeof sql, rev, "iks", "20000", "k-buy");
	expect_one(db, sql, "Baris kas k-rev membalik k-buy", "a reversal in another book");
	snprintf(sql, sizeof sql, rev, "umum", "19000", "k-buy");
	expect_one(db, sql, "Baris kas k-rev membalik k-buy", "a reversal of another amount");
}

static void test_uniqueness(sk_db *db)
{
	expect_one(db, "UPDATE anggota SET jabatan='bendahara' WHERE id IN ('g1-a01','g1-a02')",
		   "Kelompok Kelompok g1 punya lebih dari satu bendahara aktif (2 orang)",
		   "two active treasurers in one group");
	expect_n(db, "UPDATE anggota SET jabatan='ketua' WHERE id IN ('g1-a01','g1-a11')", 0, "",
		 "a member who left may have held the office: only the active one counts");
	expect_one(db, "UPDATE anggota SET nik=(SELECT nik FROM anggota WHERE id='g1-a01') "
		       "WHERE id='g2-a01'", "aktif pada 2 anggota", "one NIK active twice");
	CHECK(strstr(found, "NIK 317108**********") != NULL, "the duplicate NIK is masked");
}

#define KAS_ROW "INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,membalik_id," \
	"pertemuan_id,diubah_pada) VALUES"
#define CLOSE_ROW "INSERT INTO tutup_kas(id,kelompok_id,buku,bulan,tanggal,saldo_buku,saldo_hitung," \
	"selisih,diubah_pada) VALUES"

/* The rules check shares with import (check_rules.c): each kind of inconsistency a hostile
 * bundle could bring is reported by check too. */
static void test_reversal_rules(sk_db *db)
{
	expect_one(db, KAS_ROW "('k-self','g1','2026-10-09','umum','lainnya',0,100,'k-self',NULL,"
		   "'2026-10-09T00:00:00Z')", "Baris kas k-self membalik dirinya sendiri",
		   "a reversal of itself");
	expect_n(db, KAS_ROW "('k-a','g1','2026-10-09','umum','lainnya',100,0,'k-b',NULL,"
		 "'2026-10-09T00:00:00Z'), ('k-b','g1','2026-10-09','umum','lainnya',0,100,'k-a',NULL,"
		 "'2026-10-09T00:00:00Z')", 2, "sendiri sebuah pembalikan",
		 "a reversal cycle: both rows named");
	expect_n(db, KAS_ROW "('k-r1','g1','2026-10-09','umum','pembelian',20000,0,'k-buy',NULL,"
		 "'2026-10-09T00:00:00Z'), ('k-r2','g1','2026-10-09','umum','pembelian',20000,0,"
		 "'k-buy',NULL,'2026-10-09T00:00:00Z')", 2, "sudah dibalik oleh baris",
		 "a row reversed twice: both reversals named");
	expect_one(db, KAS_ROW "('k-r1','g1','2026-10-09','umum','pembelian',0,20000,'k-buy',NULL,"
		   "'2026-10-09T00:00:00Z')", "di sisi yang sama", "a reversal on the same side");
	expect_one(db, "UPDATE kas SET dihapus=1 WHERE id='k-buy'; " KAS_ROW "('k-r1','g1',"
		   "'2026-10-09','umum','pembelian',20000,0,'k-buy',NULL,'2026-10-09T00:00:00Z')",
		   "tetapi baris itu sudah dihapus", "a reversal of a deleted row");
}

static void test_meeting_rules(sk_db *db)
{
	char sql[512];
	long long n = kube_int(db, "SELECT count(*) FROM pertemuan WHERE kelompok_id='g1'");
	CHECK(n == 1, "the recorded meeting");
	snprintf(sql, sizeof sql, KAS_ROW "('k-m','g2','2026-10-09','simpin','simpanan',100,0,NULL,"
		 "(SELECT id FROM pertemuan WHERE kelompok_id='g1'),'2026-10-09T00:00:00Z')");
	expect_one(db, sql, "dibukukan dari pertemuan", "a ledger row of another group's meeting");
	expect_one(db, "INSERT INTO kehadiran(pertemuan_id,anggota_id,status,iuran_kas,iuran_iks,"
		   "diubah_pada) SELECT id,'g2-a01','A',0,0,'2026-10-09T00:00:00Z' FROM pertemuan "
		   "WHERE kelompok_id='g1'", "bukan anggota kelompok pertemuan",
		   "attendance of another group's member");
}

static void test_member_rules(sk_db *db)
{
	const char *pen = "INSERT INTO penilaian(id,anggota_id,tanggal,luas_lantai_m2,diubah_pada) "
			  "VALUES('p1','g1-a12','2025-12-01',%s,'%s')";
	char sql[512];
	snprintf(sql, sizeof sql, pen, "NULL", "2026-02-01T00:00:00Z");
	expect_one(db, sql, "sesudah anggota itu dihapus", "an assessment made after its member "
		   "was deleted");
	snprintf(sql, sizeof sql, pen, "NULL", "2025-12-01T00:00:00Z");
	expect_n(db, sql, 0, "", "an assessment made before its member was deleted is fine");
	snprintf(sql, sizeof sql, "UPDATE anggota SET dihapus=0 WHERE id='g1-a12'; ");
	snprintf(sql + strlen(sql), sizeof sql - strlen(sql), pen, "0.5", "2025-12-01T00:00:00Z");
	expect_one(db, sql, "luas lantai 0.5", "a floor area no house has");
	expect_n(db, "UPDATE kelompok SET dihapus=1 WHERE id='g2'", 5, "masih aktif di kelompok "
		 "Kelompok g2", "a deleted group with active members: each member named");
}

static void test_close_rules(sk_db *db)
{
	/* Stamped after the meeting's postings (saved today), so that only the rule at hand
	 * speaks. */
	expect_n(db, CLOSE_ROW "('c1','g1','umum','2026-10','2026-10-31',25000,25000,0,"
		 "strftime('%Y-%m-%dT%H:%M:%SZ','now','+1 hour')), ('c2','g1','umum','2026-10',"
		 "'2026-11-02',25000,25000,0,strftime('%Y-%m-%dT%H:%M:%SZ','now','+1 hour'))", 2,
		 "ditutup lebih dari sekali", "a month closed twice");
	expect_one(db, CLOSE_ROW "('c1','g2','umum','2026-10','2026-10-15',0,0,0,"
		   "'2026-10-15T00:00:00Z')", "sebelum hari terakhir", "a close before the month ended");
	expect_one(db, CLOSE_ROW "('c1','g1','umum','2026-10','2026-10-31',25000,25000,0,"
		   "strftime('%Y-%m-%dT%H:%M:%SZ','now','+1 hour')); UPDATE kas SET uraian='x', "
		   "diubah_pada=strftime('%Y-%m-%dT%H:%M:%SZ','now','+2 hours') WHERE id='k-buy'",
		   "diubah sesudah tutup buku", "a row of a closed month changed after the close");
}

static void test_future_rules(sk_db *db)
{
	expect_one(db, "UPDATE kas SET tanggal='2199-12-31' WHERE id='k-buy'", "sesudah hari ini",
		   "a ledger row dated in the future");
	expect_one(db, "UPDATE kelompok SET diubah_pada='2199-01-01T00:00:00Z' WHERE id='g2'",
		   "lebih dari sehari sesudah jam komputer ini", "a row changed in the future");
}

/* Development assessments: g1 (tingkat tumbuh) assessed on 2026-10-01. */
#define EVAL_ROW "INSERT INTO evaluasi(id,kelompok_id,tanggal,s1,s2,s3,s4,e1,e2,e3,e4,skor,tingkat," \
	"diubah_pada) VALUES"
static void test_evaluation_rules(sk_db *db)
{
	expect_n(db, EVAL_ROW "('v1','g1','2026-10-01',2,2,2,2,2,2,2,2,16,'berkembang',"
		 "'2026-10-01T00:00:00Z'); UPDATE kelompok SET tingkat='berkembang' WHERE id='g1'",
		 0, "", "an assessment and its group's level agree: fine");
	expect_one(db, EVAL_ROW "('v1','g1','2026-10-01',2,2,2,2,2,2,2,2,16,'berkembang',"
		   "'2026-10-01T00:00:00Z')", "memberi tingkat berkembang",
		   "a group's tingkat other than its latest assessment's");
	expect_n(db, EVAL_ROW "('v1','g1','2026-10-01',2,2,2,2,2,2,2,2,16,'berkembang',"
		 "'2026-10-01T00:00:00Z'), ('v0','g1','2026-09-01',1,1,1,1,1,1,1,1,8,'tumbuh',"
		 "'2026-10-02T00:00:00Z'); UPDATE kelompok SET tingkat='berkembang' WHERE id='g1'",
		 0, "", "an older assessment saved later does not count as the latest");
	expect_one(db, EVAL_ROW "('v1','g1','2026-10-01',2,2,2,2,2,2,2,2,17,'berkembang',"
		   "'2026-10-01T00:00:00Z'); UPDATE kelompok SET tingkat='berkembang' WHERE id='g1'",
		   "tersimpan skor dan tingkat 17 berkembang, padahal nilai indikatornya memberi 16 "
		   "berkembang", "a stored skor other than the indicators' sum");
	expect_one(db, EVAL_ROW "('v1','g1','2026-10-01',4,4,4,4,4,4,4,4,32,'maju',"
		   "'2026-10-01T00:00:00Z'); UPDATE kelompok SET tingkat='maju' WHERE id='g1'",
		   "memberi 32 mandiri", "a stored tingkat other than the score's level");
	/* An indicator outside 1-4 breaks the table's CHECK: SQLite's integrity check names it. */
	expect_n(db, "PRAGMA ignore_check_constraints=ON; " EVAL_ROW "('v1','g1','2026-10-01',2,2,"
		 "5,2,2,2,2,2,19,'berkembang','2026-10-01T00:00:00Z'); PRAGMA "
		 "ignore_check_constraints=OFF; UPDATE kelompok SET tingkat='berkembang' WHERE "
		 "id='g1'", 2, "CHECK constraint failed in evaluasi", "an indicator outside 1-4");
	expect_one(db, "INSERT INTO kelompok(id,nama,kode_wilayah,dihapus,diubah_pada) VALUES('g9',"
		   "'Bubar','31.71.08.1003',1,'2026-10-01T00:00:00Z'); " EVAL_ROW "('v1','g9',"
		   "'2026-10-02',1,1,1,1,1,1,1,1,8,'tumbuh','2026-10-02T00:00:00Z')",
		   "sesudah kelompok itu dihapus", "an assessment made after its group was deleted");
	expect_one(db, EVAL_ROW "('v1','g1','2199-12-31',1,1,1,1,1,1,1,1,8,'tumbuh',"
		   "'2026-10-01T00:00:00Z')", "bertanggal 2199-12-31, sesudah hari ini",
		   "an assessment dated in the future");
	expect_one(db, EVAL_ROW "('v1','g1','2026-10-01',1,1,1,1,1,1,1,1,8,'tumbuh',"
		   "'2199-01-01T00:00:00Z')", "Baris evaluasi v1 diubah pada 2199",
		   "an assessment changed in the future");
}

int main(void)
{
	sk_db *db = fixture_db();
	kube_group(db, "g1", 10);
	kube_group(db, "g2", 5);
	record_meeting(db);
	test_consistent(db);
	test_postings(db);
	test_balances(db);
	test_reversals(db);
	test_uniqueness(db);
	test_reversal_rules(db);
	test_meeting_rules(db);
	test_member_rules(db);
	test_close_rules(db);
	test_future_rules(db);
	test_evaluation_rules(db);
	test_consistent(db);
	db_close(db);
	return testlib_summary();
}
