/* test_validate.c - NIK, No. KK, date, RT/RW and enumeration checks. */
#include "fixture.h"
#include "validate.h"

static void test_dates(void)
{
	CHECK(valid_date("2026-02-28"), "plain date");
	CHECK(valid_date("2024-02-29"), "leap day");
	CHECK(!valid_date("2026-02-29"), "no leap day in 2026");
	CHECK(!valid_date("2026-02-30"), "Feb 30");
	CHECK(valid_date("2000-02-29"), "2000 is leap");
	CHECK(!valid_date("1900-02-29"), "1900 is not leap");
	CHECK(!valid_date("2026-13-01"), "month 13");
	CHECK(!valid_date("2026-04-31"), "April 31");
	CHECK(!valid_date("2026-4-1"), "unpadded");
	CHECK(!valid_date("26-04-01"), "two-digit year");
	CHECK(!valid_date("2026/04/01"), "slashes");
	CHECK(!valid_date(""), "empty");
	CHECK(!valid_date("2026-00-10"), "month 0");
	CHECK(!valid_date("2026-01-00"), "day 0");
	CHECK(!valid_date("abcd-ef-gh"), "letters");
}

static void test_rt_rw(void)
{
	CHECK(valid_rt_rw(""), "empty rt ok");
	CHECK(valid_rt_rw("5"), "1 digit");
	CHECK(valid_rt_rw("005"), "3 digits");
	CHECK(!valid_rt_rw("0005"), "4 digits refused");
	CHECK(!valid_rt_rw("5a"), "letter refused");
}

static void test_nik_shape(void)
{
	char msg[240];
	CHECK(nik_check_shape("3171084703750002", msg, sizeof msg), "woman born 07-03-75");
	CHECK(nik_check_shape("3171081208800001", msg, sizeof msg), "man born 12-08-80");
	CHECK(!nik_check_shape("317108120880001", msg, sizeof msg), "15 digits refused");
	CHECK(strstr(msg, "16") != NULL, "15 digits message names 16");
	CHECK(!nik_check_shape("31710812088000011", msg, sizeof msg), "17 digits refused");
	CHECK(!nik_check_shape("31710812O8800001", msg, sizeof msg), "letter O refused");
	CHECK(strstr(msg, "angka 0-9") != NULL, "16 characters with a letter: told digits only");
	CHECK(!nik_check_shape("3171081208800000", msg, sizeof msg), "serial 0000 refused");
	CHECK(!nik_check_shape("3171083208800001", msg, sizeof msg), "day 32 refused");
	CHECK(!nik_check_shape("3171087208800001", msg, sizeof msg), "day 72 refused");
	CHECK(!nik_check_shape("3171080008800001", msg, sizeof msg), "day 00 refused");
	CHECK(!nik_check_shape("3171084008800001", msg, sizeof msg), "day 40 refused");
	CHECK(nik_check_shape("3171087112800001", msg, sizeof msg), "day 71 (woman, 31st) ok");
	CHECK(!nik_check_shape("3171081213800001", msg, sizeof msg), "month 13 refused");
	CHECK(!nik_check_shape("3171083002800001", msg, sizeof msg), "30 Feb refused");
	CHECK(nik_check_shape("3171082902000001", msg, sizeof msg), "29 Feb 2000 ok");
	CHECK(!nik_check_shape("3171082902010001", msg, sizeof msg), "29 Feb 01 refused");
	CHECK(!nik_check_shape("", msg, sizeof msg), "empty refused");
}

static void test_nik_region(sk_db *db)
{
	char msg[240];
	CHECK(nik_check(db, "3171084703750002", msg, sizeof msg), "DKI province ok");
	CHECK(!nik_check(db, "9971084703750002", msg, sizeof msg), "province 99 refused");
	CHECK(strstr(msg, "99") != NULL, "message names the province");
	CHECK(!nik_check(db, "0071084703750002", msg, sizeof msg), "province 00 refused");
}

static void test_nik_person(void)
{
	char msg[240], dmy[9], sex;
	nik_birth("3171084703750002", dmy, &sex);
	CHECK_STR(dmy, "07-03-75", "birth date from woman's NIK");
	CHECK(sex == 'P', "woman's NIK gives P");
	nik_birth("3171081208800001", dmy, &sex);
	CHECK_STR(dmy, "12-08-80", "birth date from man's NIK");
	CHECK(sex == 'L', "man's NIK gives L");
	CHECK(nik_matches_person("3171084703750002", "1975-03-07", 'P', msg, sizeof msg), "agrees");
	CHECK(!nik_matches_person("3171084703750002", "1975-03-07", 'L', msg, sizeof msg),
	      "sex mismatch warned");
	CHECK(!nik_matches_person("3171084703750002", "1975-03-08", 'P', msg, sizeof msg),
	      "date mismatch warned");
	CHECK(nik_matches_person("3171084703750002", "", 0, msg, sizeof msg), "nothing to compare");
	CHECK(nik_matches_person("3171084703750002", "2075-03-07", 'P', msg, sizeof msg),
	      "century not encoded");
	char birth[16];
	CHECK(nik_person("3171084703750002", birth, &sex) && sex == 'P' &&
	      strcmp(birth, "1975-03-07") == 0, "the person in a woman's NIK");
	CHECK(nik_person("3171080201050003", birth, &sex) && sex == 'L' &&
	      strcmp(birth, "2005-01-02") == 0, "born this century");
	CHECK(!nik_person("31710802010500", birth, &sex), "a short NIK gives nothing");
}

static void test_nik_kecamatan(sk_db *db)
{
	char msg[240];
	CHECK(nik_kecamatan_known(db, "3171084703750002", msg, sizeof msg), "Johar Baru known");
	CHECK(!nik_kecamatan_known(db, "3171994703750002", msg, sizeof msg), "31.71.99 unknown");
	CHECK(strstr(msg, "31.71.99") != NULL, "the warning names it");
	CHECK(nik_kecamatan_known(db, "31719947", msg, sizeof msg), "a bad NIK is said elsewhere");
}

static void test_kk(sk_db *db)
{
	char msg[240];
	CHECK(kk_check(db, "3171081503100007", msg, sizeof msg), "KK ok");
	CHECK(!kk_check(db, "317108150310007", msg, sizeof msg), "KK 15 digits refused");
	CHECK(!kk_check(db, "31710815031000A7", msg, sizeof msg), "KK letter refused");
	CHECK(!kk_check(db, "9971081503100007", msg, sizeof msg), "KK unknown province refused");
	CHECK(!kk_check(db, "", msg, sizeof msg), "KK empty refused");
}

static void test_enums(void)
{
	CHECK(valid_jenis_usaha("produksi") && valid_jenis_usaha("lainnya"), "jenis usaha");
	CHECK(!valid_jenis_usaha("Produksi"), "jenis usaha case-sensitive");
	CHECK(valid_tingkat("mandiri") && !valid_tingkat("besar"), "tingkat");
	CHECK(valid_jabatan("bendahara") && !valid_jabatan("wakil"), "jabatan");
	CHECK(valid_jenis_kelamin("L") && valid_jenis_kelamin("P") && !valid_jenis_kelamin("X"),
	      "jenis kelamin");
}

/* Amounts: never negative; one amount at most Rp 999.999.999, dues at most Rp 9.999.999. */
static void test_money(void)
{
	sk_issues is;
	sk_issues_clear(&is);
	validate_money(&is, "a", 0);
	validate_money(&is, "b", SK_MONEY_MAX);
	validate_dues(&is, "c", SK_DUES_MAX);
	CHECK(sk_issues_errors(&is) == 0, "0 and the largest amounts are fine");
	validate_money(&is, "d", -1);
	validate_money(&is, "e", SK_MONEY_MAX + 1);
	validate_dues(&is, "f", SK_DUES_MAX + 1);
	CHECK(sk_issues_errors(&is) == 3 && sk_issues_for(&is, "d") && sk_issues_for(&is, "e") &&
	      sk_issues_for(&is, "f"), "negative and too large refused, each on its field");
	const char *msg = sk_issues_for(&is, "f") ? sk_issues_for(&is, "f")->msg : "";
	CHECK(strstr(msg, "Rp 9.999.999") != NULL, "the refusal names the largest allowed");
}

int main(void)
{
	sk_db *db = fixture_db();
	test_dates();
	test_rt_rw();
	test_nik_shape();
	test_nik_region(db);
	test_nik_kecamatan(db);
	test_nik_person();
	test_kk(db);
	test_enums();
	test_money();
	db_close(db);
	return testlib_summary();
}
