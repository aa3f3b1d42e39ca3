/* test_assessment.c - the 14 BPS criteria: score and verdict at 8, 9 and 14 criteria met, the
 * threshold setting, answers derived from the figures at their edges, overrides kept through
 * save and reload, the latest assessment (ties on the date), history, the household offer. */
#include "assessment.h"
#include "fixture.h"

#define G1 "11111111-1111-4111-8111-111111111111"
#define M1 "aaaaaaaa-0000-4000-8000-000000000001"
#define M2 "aaaaaaaa-0000-4000-8000-000000000002"
#define M3 "aaaaaaaa-0000-4000-8000-000000000003"
#define M4 "aaaaaaaa-0000-4000-8000-000000000004"

static void fixture_rows(sk_db *db)
{
	sk_err e;
	CHECK(db_exec_write(db,
		"INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada) VALUES"
		" ('" G1 "','Melati','31.71.08.1003','2025-01-01T00:00:00Z');"
		"INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,diubah_pada,dihapus) VALUES"
		" ('" M1 "','" G1 "','3171081208800001','3171081503100007','Ani','P','2025-01-01T00:00:00Z',0),"
		" ('" M2 "','" G1 "','3171081208800002','3171081503100007','Budi','L','2025-01-01T00:00:00Z',0),"
		" ('" M3 "','" G1 "','3171081208800003','3171081503100008','Citra','P','2025-01-01T00:00:00Z',0),"
		" ('" M4 "','" G1 "','3171081208800004','3171081503100008','Dedi','L','2025-01-01T00:00:00Z',1);",
		&e) == SK_OK, "fixture rows");
}

/* An assessment of member m dated d with the first met criteria answered 1. */
static void make(sk_assessment *a, const char *m, const char *d, int met)
{
	assessment_init(a, m);
	snprintf(a->tanggal, sizeof a->tanggal, "%s", d);
	for (int i = 0; i < met && i < ASSESSMENT_CRITERIA; i++)
		a->k[i] = 1;
}

static void test_score(sk_db *db)
{
	sk_assessment a;
	make(&a, M1, "2025-01-01", 8);
	assessment_score(&a, 9);
	CHECK(a.skor == 8 && strcmp(a.kategori, "tidak_miskin") == 0, "8 met: tidak_miskin");
	make(&a, M1, "2025-01-01", 9);
	assessment_score(&a, 9);
	CHECK(a.skor == 9 && strcmp(a.kategori, "miskin") == 0, "9 met: miskin");
	make(&a, M1, "2025-01-01", 14);
	assessment_score(&a, 9);
	CHECK(a.skor == 14 && strcmp(a.kategori, "miskin") == 0, "14 met: miskin");
	make(&a, M1, "2025-01-01", 0);
	assessment_score(&a, 9);
	CHECK(a.skor == 0 && strcmp(a.kategori, "tidak_miskin") == 0, "0 met: tidak_miskin");

	sk_err e;
	CHECK(assessment_threshold(db) == 9, "default threshold 9");
	db_setting_set(db, "ambang_miskin", "10", &e);
	CHECK(assessment_threshold(db) == 10, "threshold setting read");
	sk_issues is;
	make(&a, M1, "2025-01-01", 9);
	CHECK(assessment_insert(db, &a, &is, &e) == SK_OK, "insert with 9 met");
	CHECK(a.skor == 9 && strcmp(a.kategori, "tidak_miskin") == 0,
	      "threshold 10: 9 met is tidak_miskin on save");
	sk_assessment l;
	db_setting_set(db, "ambang_miskin", "9", &e);
	CHECK(assessment_latest(db, M1, &l, &e) == SK_OK && strcmp(l.kategori, "miskin") == 0,
	      "latest recomputes the verdict with the threshold in use");
	db_setting_set(db, "ambang_miskin", "15", &e);
	CHECK(assessment_threshold(db) == 9, "threshold out of range: 9");
	db_setting_set(db, "ambang_miskin", "abc", &e);
	CHECK(assessment_threshold(db) == 9, "threshold not a number: 9");
	db_setting_set(db, "ambang_miskin", "9", &e);
	assessment_delete(db, a.id, &e);
}

static void test_derived(void)
{
	sk_assessment a;
	assessment_init(&a, M1);
	CHECK(assessment_derived(&a, 0) == -1 && assessment_derived(&a, 11) == -1 &&
	      assessment_derived(&a, 13) == -1, "no figures: nothing derived");
	a.has_luas = 1;
	a.luas_lantai_m2 = 32;
	CHECK(assessment_derived(&a, 0) == -1, "floor area without people: not derived");
	a.has_jiwa = 1;
	a.jumlah_jiwa = 4;
	CHECK(assessment_derived(&a, 0) == 0, "exactly 8 m² per person is not under 8");
	a.luas_lantai_m2 = 31.9;
	CHECK(assessment_derived(&a, 0) == 1, "31.9 m² for 4 people is under 8");
	a.luas_lantai_m2 = 0;
	CHECK(assessment_derived(&a, 0) == 1, "no floor area at all is under 8");
	a.has_penghasilan = 1;
	a.penghasilan_bulanan = 599999;
	CHECK(assessment_derived(&a, 11) == 1, "income Rp 599.999: k12 met");
	a.penghasilan_bulanan = 600000;
	CHECK(assessment_derived(&a, 11) == 0, "income Rp 600.000: k12 not met");
	a.has_tabungan = 1;
	a.nilai_tabungan = 499999;
	CHECK(assessment_derived(&a, 13) == 1, "savings Rp 499.999: k14 met");
	a.nilai_tabungan = 500000;
	CHECK(assessment_derived(&a, 13) == 0, "savings Rp 500.000: k14 not met");
	for (int i = 1; i < 11; i++)
		CHECK(assessment_derived(&a, i) == -1, "criteria 2-11 have no figures");
	CHECK(assessment_derived(&a, 12) == -1, "criterion 13 has no figures");

	a.luas_lantai_m2 = 20; /* 5 m² per person */
	a.k[0] = 0;
	a.k[11] = 1;
	a.k[13] = 1;
	assessment_derive(&a);
	CHECK(a.k[0] == 1 && a.k[11] == 0 && a.k[13] == 0 && a.ditimpa[0] == '\0',
	      "derive: the answers follow the figures");
	assessment_answer(&a, 11, 1);
	CHECK(a.k[11] == 1 && strcmp(a.ditimpa, "k12") == 0, "answer against the figures: override");
	assessment_answer(&a, 0, 0);
	CHECK(strcmp(a.ditimpa, "k01,k12") == 0, "overrides listed in criterion order");
	assessment_derive(&a);
	CHECK(a.k[0] == 0 && a.k[11] == 1, "derive keeps overridden answers");
	assessment_answer(&a, 0, 1);
	CHECK(a.k[0] == 1 && strcmp(a.ditimpa, "k12") == 0,
	      "answering as the figures say takes the override off");
	assessment_answer(&a, 4, 1);
	CHECK(a.k[4] == 1 && strcmp(a.ditimpa, "k12") == 0, "criteria without figures: no override");
	a.has_penghasilan = 0;
	assessment_derive(&a);
	CHECK(a.k[11] == 1 && a.ditimpa[0] == '\0', "figure cleared: the answer stays, the override goes");
	assessment_answer(&a, 11, 0);
	CHECK(a.k[11] == 0 && a.ditimpa[0] == '\0', "no figure: a plain answer");

	/* An imported row: answers against the figures, no ditimpa (it does not travel). */
	assessment_init(&a, M1);
	a.has_luas = a.has_jiwa = a.has_tabungan = 1;
	a.luas_lantai_m2 = 100;
	a.jumlah_jiwa = 2;        /* 50 m² each: k01 would be 0 */
	a.nilai_tabungan = 0;     /* k14 would be 1 */
	a.k[0] = 1;
	a.k[13] = 1;
	assessment_keep_answers(&a);
	assessment_derive(&a);
	CHECK(a.k[0] == 1 && a.k[13] == 1 && strcmp(a.ditimpa, "k01") == 0,
	      "stored answers against the figures are kept as overrides");
}

static void test_override_saved(sk_db *db)
{
	sk_assessment a, b;
	sk_issues is;
	sk_err e;
	make(&a, M3, "2024-05-01", 0);
	snprintf(a.penilai, sizeof a.penilai, "Bu Rina");
	a.has_luas = a.has_jiwa = a.has_penghasilan = a.has_tabungan = 1;
	a.luas_lantai_m2 = 60;
	a.jumlah_jiwa = 5;          /* 12 m² per person: k01 0 */
	a.penghasilan_bulanan = 750000;
	a.nilai_tabungan = 100000;  /* k14 1 */
	assessment_answer(&a, 11, 1); /* farm labourer: k12 met despite the income */
	a.k[1] = a.k[2] = 1;
	CHECK(assessment_insert(db, &a, &is, &e) == SK_OK, "insert with an override");
	CHECK(a.k[0] == 0 && a.k[11] == 1 && a.k[13] == 1 && a.skor == 4,
	      "save derives the other answers and scores");
	CHECK(assessment_get(db, a.id, &b, &e) == SK_OK, "reload");
	CHECK(b.k[11] == 1 && strcmp(b.ditimpa, "k12") == 0, "override survives save and reload");
	CHECK(b.has_tabungan && b.nilai_tabungan == 100000 && b.has_luas && b.luas_lantai_m2 == 60,
	      "figures survive save and reload");
	CHECK(b.skor == 4 && strcmp(b.kategori, "tidak_miskin") == 0, "stored score and verdict");
	b.penghasilan_bulanan = 800000;
	CHECK(assessment_update(db, &b, &is, &e) == SK_OK, "update");
	CHECK(assessment_get(db, a.id, &b, &e) == SK_OK && b.k[11] == 1 &&
	      strcmp(b.ditimpa, "k12") == 0, "override survives an update");
	CHECK(strcmp(b.penilai, "Bu Rina") == 0, "assessor stored");
	char who[64];
	assessment_last_assessor(db, who, sizeof who);
	CHECK(strcmp(who, "Bu Rina") == 0, "last assessor offered for the next form");
}

static void test_refusals(sk_db *db)
{
	sk_assessment a;
	sk_issues is;
	sk_err e;
	make(&a, M1, "2999-01-01", 9);
	CHECK(assessment_insert(db, &a, &is, &e) == SK_REFUSED && sk_issues_for(&is, "tanggal"),
	      "a date after today is refused");
	make(&a, M1, "2025-02-30", 9);
	CHECK(assessment_insert(db, &a, &is, &e) == SK_REFUSED && sk_issues_for(&is, "tanggal"),
	      "a date that does not exist is refused");
	make(&a, M1, "2025-01-01", 9);
	a.has_jiwa = 1;
	a.jumlah_jiwa = 0;
	CHECK(assessment_insert(db, &a, &is, &e) == SK_REFUSED && sk_issues_for(&is, "jumlah_jiwa"),
	      "0 people is refused");
	make(&a, M4, "2025-01-01", 9);
	CHECK(assessment_insert(db, &a, &is, &e) == SK_REFUSED && sk_issues_for(&is, "anggota_id"),
	      "a deleted member is not assessed");
	make(&a, "nobody", "2025-01-01", 9);
	CHECK(assessment_insert(db, &a, &is, &e) == SK_REFUSED, "an unknown member is refused");
	make(&a, M1, "2025-01-01", 9);
	snprintf(a.id, sizeof a.id, "%s", "bbbbbbbb-0000-4000-8000-00000000dead");
	CHECK(assessment_update(db, &a, &is, &e) == SK_NOTFOUND, "update of a missing row");
	CHECK(assessment_count(db, M1) == 0, "nothing stored by refusals");
}

/* Store an assessment with a given stamp (as import would). */
static void raw(sk_db *db, const char *id, const char *m, const char *d, const char *ts, int met)
{
	sk_assessment a;
	sk_err e;
	make(&a, m, d, met);
	snprintf(a.id, sizeof a.id, "%s", id);
	snprintf(a.diubah_pada, sizeof a.diubah_pada, "%s", ts);
	assessment_score(&a, 9);
	CHECK(FIXTURE_WRITE(db, assessment_store_raw(db, &a, 1, &e)) == SK_OK, "raw store");
}

static void test_latest(sk_db *db)
{
	sk_assessment l;
	sk_err e;
	CHECK(assessment_latest(db, M2, &l, &e) == SK_NOTFOUND, "never assessed: not found");
	raw(db, "p-old", M2, "2023-01-01", "2025-06-01T00:00:00Z", 12);
	raw(db, "p-a", M2, "2024-03-01", "2024-03-01T10:00:00Z", 10);
	raw(db, "p-b", M2, "2024-03-01", "2024-03-02T08:00:00Z", 5);
	CHECK(assessment_latest(db, M2, &l, &e) == SK_OK && strcmp(l.id, "p-b") == 0,
	      "same date: the later diubah_pada counts");
	CHECK(l.skor == 5 && strcmp(l.kategori, "tidak_miskin") == 0, "latest score and verdict");
	sk_issues is;
	CHECK(assessment_get(db, "p-a", &l, &e) == SK_OK, "get p-a");
	CHECK(assessment_update(db, &l, &is, &e) == SK_OK, "edit the earlier one of the day");
	CHECK(assessment_latest(db, M2, &l, &e) == SK_OK && strcmp(l.id, "p-a") == 0,
	      "an edit makes it the later of the day");
	CHECK(assessment_count(db, M2) == 3, "three assessments");
	sk_assessment_row rows[5];
	int n;
	CHECK(assessment_history(db, M2, 0, 5, rows, &n, &e) == SK_OK && n == 3, "history rows");
	CHECK(n == 3 && strcmp(rows[0].id, "p-a") == 0 && strcmp(rows[1].id, "p-b") == 0 &&
	      strcmp(rows[2].id, "p-old") == 0, "history newest first, as latest chooses");
	CHECK(n == 3 && rows[0].skor == 10 && rows[0].miskin && rows[2].skor == 12,
	      "history scores and verdicts");
	CHECK(assessment_history(db, M2, 1, 1, rows, &n, &e) == SK_OK && n == 1 &&
	      strcmp(rows[0].id, "p-b") == 0, "history pages");
	CHECK(assessment_delete(db, "p-a", &e) == SK_OK, "delete");
	CHECK(assessment_delete(db, "p-a", &e) == SK_NOTFOUND, "delete twice: not found");
	CHECK(assessment_latest(db, M2, &l, &e) == SK_OK && strcmp(l.id, "p-b") == 0,
	      "deleted assessments do not count");
	CHECK(assessment_count(db, M2) == 2, "deleted ones leave the history");
}

static void test_household(sk_db *db)
{
	sk_assessment l, c;
	sk_err e;
	CHECK(assessment_latest_for_kk(db, "3171081503100007", M1, &l, &e) == SK_OK &&
	      strcmp(l.anggota_id, M2) == 0 && strcmp(l.id, "p-b") == 0,
	      "household offer: the other member's latest");
	CHECK(assessment_latest_for_kk(db, "3171081503100007", M2, &l, &e) == SK_NOTFOUND,
	      "no other member of the household assessed");
	raw(db, "p-dead", M4, "2025-01-01", "2025-01-01T00:00:00Z", 14);
	CHECK(assessment_latest_for_kk(db, "3171081503100008", M3, &l, &e) == SK_NOTFOUND,
	      "a deleted member's assessment is not offered");
	CHECK(assessment_latest_for_kk(db, "", NULL, &l, &e) == SK_NOTFOUND, "no KK: nothing");
	assessment_latest_for_kk(db, "3171081503100007", M1, &l, &e);
	assessment_copy_for(&l, M1, &c);
	CHECK(c.id[0] == '\0' && strcmp(c.anggota_id, M1) == 0 && strcmp(c.tanggal, l.tanggal) == 0 &&
	      c.skor == l.skor, "copy for another member of the household");
	sk_issues is;
	CHECK(assessment_insert(db, &c, &is, &e) == SK_OK && assessment_count(db, M1) == 1,
	      "the copy is saved as the member's own");
}

/* SQLite's progress callback: nonzero interrupts the statement under way. */
static int interrupt(void *ctx)
{
	(void)ctx;
	return 1;
}

/* A database that does not answer (busy, disk, here interrupted) is an error with the
 * database's message, never "the member does not exist". */
static void test_no_answer_is_not_missing(sk_db *db)
{
	sk_issues is;
	sk_assessment a;
	make(&a, M1, "2025-01-01", 9);
	sk_issues_clear(&is);
	assessment_validate_links(db, &a, &is);
	CHECK(is.n == 0, "the member is found while the database answers");
	sqlite3_progress_handler(db_handle(db), 1, interrupt, NULL);
	sk_issues_clear(&is);
	assessment_validate_links(db, &a, &is);
	sqlite3_progress_handler(db_handle(db), 0, NULL, NULL);
	const sk_issue *it = sk_issues_for(&is, "anggota_id");
	CHECK(it && strstr(it->msg, "Kesalahan basis data") != NULL, "no answer: said so");
	CHECK(it && strstr(it->msg, "tidak ditemukan") == NULL, "not 'member not found'");
	CHECK(assessment_count(db, M1) >= 0, "and the database answers again");
}

int main(void)
{
	sk_db *db = fixture_db();
	fixture_rows(db);
	test_score(db);
	test_derived();
	test_override_saved(db);
	test_refusals(db);
	test_latest(db);
	test_household(db);
	test_no_answer_is_not_missing(db);
	db_close(db);
	return testlib_summary();
}
