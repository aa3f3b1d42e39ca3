/* test_region.c - the shipped region list: counts, lookups, village search. */
#include "fixture.h"

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	CHECK(region_count(db) == 91599, "every region row loaded");
	CHECK(db_int(db, "SELECT count(*) FROM wilayah WHERE tingkat=4", 0) == 83762, "83,762 villages");
	CHECK(db_int(db, "SELECT count(*) FROM wilayah WHERE tingkat=1", 0) == 38, "38 provinces");
	CHECK(region_level("31.71.08.1003") == REGION_DESA, "village level");
	CHECK(region_level("35.77") == REGION_KABUPATEN, "kota level");
	CHECK(region_level("31.71.8.1003") == 0, "bad shape");
	CHECK(region_is_village(db, "31.71.08.1003", NULL) == 1, "Galur is a village");
	CHECK(region_is_village(db, "31.71.08", NULL) == 0, "kecamatan is not");
	CHECK(region_province_exists(db, "31", NULL) == 1 &&
	      region_province_exists(db, "99", NULL) == 0, "provinces");
	sk_region r;
	CHECK(region_get(db, "31.71.08.1003", &r, &e) == SK_OK, "get Galur");
	CHECK_STR(r.nama, "Galur", "village name");
	CHECK_STR(r.kecamatan, "Johar Baru", "kecamatan name");
	CHECK(strstr(r.kabupaten, "Jakarta Pusat") != NULL, "kota name");
	sk_region rows[20];
	int n;
	CHECK(region_search(db, "galur", 0, 20, rows, &n, &e) == SK_OK && n >= 1, "search galur");
	int found = 0;
	for (int i = 0; i < n; i++)
		found |= strcmp(rows[i].kode, "31.71.08.1003") == 0;
	CHECK(found, "Galur found by name, any case");
	CHECK(region_search(db, "31.71.08.", 0, 20, rows, &n, &e) == SK_OK && n >= 1,
	      "search by code prefix");
	CHECK(region_search(db, "", 100, 20, rows, &n, &e) == SK_OK && n == 20, "page through all");
	CHECK(region_search(db, "100%_", 0, 20, rows, &n, &e) == SK_OK && n == 0,
	      "LIKE wildcards typed are literal");
	CHECK(region_search_count(db, "") == 83762, "all 83,762 desa/kelurahan counted");
	CHECK(region_search(db, "31.71.08.", 0, 20, rows, &n, &e) == SK_OK &&
	      region_search_count(db, "31.71.08.") == n, "count matches the listed rows");
	CHECK(region_search_count(db, "100%_") == 0, "count takes wildcards literally too");
	CHECK(region_search_count(db, "_") == 0 && region_search_count(db, "%") == 0 &&
	      region_search(db, "_", 0, 20, rows, &n, &e) == SK_OK && n == 0,
	      "_ and % alone match no village (no name has them), not every one");
	/* Digits without dots are a code: 357901 is kecamatan 35.79.01 (Batu), eight villages. */
	CHECK(region_search(db, "357901", 0, 20, rows, &n, &e) == SK_OK && n == 8 &&
	      strncmp(rows[0].kode, "35.79.01.", 9) == 0, "digits without dots find the code");
	CHECK(region_search_count(db, "357901") == 8, "and count the same");
	CHECK(region_search(db, "3579011001", 0, 20, rows, &n, &e) == SK_OK && n == 1 &&
	      strcmp(rows[0].nama, "Temas") == 0, "a whole village code without dots");
	/* An exact name first, before longer names that contain it. */
	/* Two villages are called Temas (Batu, and one in NTT), then Katemas ... Temas Mumanang. */
	CHECK(region_search(db, "temas", 0, 20, rows, &n, &e) == SK_OK && n == 6 &&
	      strcmp(rows[0].nama, "Temas") == 0 && strcmp(rows[1].nama, "Temas") == 0 &&
	      strcmp(rows[2].nama, "Katemas") == 0 && strcmp(rows[5].nama, "Temas Mumanang") == 0,
	      "the villages named exactly as typed come first");
	CHECK(region_search(db, "temas", 1, 2, rows, &n, &e) == SK_OK && n == 2 &&
	      strcmp(rows[0].nama, "Temas") == 0 && strcmp(rows[1].nama, "Katemas") == 0,
	      "a page across the two parts");
	/* Words after the village narrow by kecamatan or kabupaten/kota. */
	CHECK(region_search(db, "temas batu", 0, 20, rows, &n, &e) == SK_OK && n == 1 &&
	      strcmp(rows[0].kode, "35.79.01.1001") == 0, "temas batu: Temas in Kota Batu");
	CHECK(region_search_count(db, "temas batu") == 1, "counted alike");
	CHECK(region_search_count(db, "galur johar") == 1 && region_search_count(db, "galur") > 1,
	      "a kecamatan word narrows");
	CHECK(region_search_count(db, "galur  johar  baru") == 1, "extra spaces are fine");
	CHECK(region_search_count(db, "galur nowhere") == 0, "a word nothing has: none");
	CHECK(region_exists(db, "35.79.01", &e) == 1 && region_exists(db, "31.71.99", &e) == 0,
	      "kecamatan lookup");
	db_close(db);
	return testlib_summary();
}
