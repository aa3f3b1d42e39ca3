/* test_collate.c - the order of names (ICU sort keys stored beside them): case, accents and
 * numbers; keys given on store, refreshed for rows written by other programs, kept right when
 * a name changes outside SIKUBE; the rows' stamps left alone. */
#include "collate.h"
#include "fixture.h"
#include "group.h"
#include "member.h"

static void test_order(void)
{
	CHECK(sk_name_cmp("budi", "Yanti") < 0, "lower case before a later upper-case name");
	CHECK(sk_name_cmp("Ṡiti", "Yanti") < 0, "an accented S sorts with S, before Y");
	CHECK(sk_name_cmp("siti", "Siti") == 0 && sk_name_cmp("Ṡiti", "SITI") == 0,
	      "case and accents ignored");
	CHECK(sk_name_cmp("Melati 3", "Melati 10") < 0, "numbers by value");
	CHECK(sk_name_cmp("Agus", "Agustina") < 0, "a prefix first");
	CHECK(sk_name_cmp("Đặng", "Dedi") < 0, "Đ as D");
	unsigned char k[SK_SORT_KEY_MAX];
	CHECK(sk_sort_key("", k, sizeof k) == 0, "an empty name has an empty key");
	CHECK(sk_sort_key("Siti", k, sizeof k) > 0, "a name has a key");
	CHECK(sk_sort_key("\xff\xfe bad", k, sizeof k) > 0, "bad UTF-8 still gets a key");
}

static void add_group(sk_db *db, const char *name, char *id)
{
	sk_group g;
	sk_issues is;
	sk_err e;
	group_init(&g);
	snprintf(g.nama, sizeof g.nama, "%s", name);
	strcpy(g.kode_wilayah, "31.71.08.1003");
	if (group_insert(db, &g, &is, &e) != SK_OK) {
		fprintf(stderr, "add_group: %s\n", e.msg);
		exit(2);
	}
	strcpy(id, g.id);
}

static int names_in_order(sk_db *db, const char *const *want, int n)
{
	sk_group_row rows[8];
	int got = 0;
	if (group_list(db, "", 0, 8, rows, &got, NULL) != SK_OK || got != n)
		return 0;
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].nama, want[i]) != 0)
			return 0;
	return 1;
}

static void test_store_and_refresh(sk_db *db)
{
	char a[40], b[40], c[40];
	add_group(db, "Yasmin", a);
	add_group(db, "kenanga", b);
	add_group(db, "Ánggrek", c);
	const char *const order1[] = { "Ánggrek", "kenanga", "Yasmin" };
	CHECK(names_in_order(db, order1, 3), "groups listed by the collation");
	/* Another program renames a group (the sqlite3 shell): the key goes, the stamp is
	 * touched as before; the next open gives the new name its key. */
	sk_err e;
	char before[32];
	sk_group g;
	group_get(db, b, &g, &e);
	snprintf(before, sizeof before, "%s", g.diubah_pada);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE kelompok SET nama='Zaitun', diubah_pada='2020-01-01T00:00:00Z' "
		 "WHERE id='%s'", b);
	CHECK(db_exec_write(db, sql, &e) == SK_OK, "a name changed as the shell would");
	CHECK(db_int(db, "SELECT count(*) FROM kelompok WHERE urut_nama IS NULL", -1) == 1,
	      "its key is gone");
	CHECK(sk_sort_keys_refresh(db, &e) == SK_OK, "refresh");
	const char *const order2[] = { "Ánggrek", "Yasmin", "Zaitun" };
	CHECK(names_in_order(db, order2, 3), "the renamed group sorts by its new name");
	group_get(db, b, &g, &e);
	CHECK_STR(g.diubah_pada, "2020-01-01T00:00:00Z", "refreshing a key leaves the row's stamp");
	/* The refresh marks the keys' version with ICU's library version: the next open with
	 * the same library and no key missing opens no collator (the mark is checked; the raw
	 * insert and the changed version below still give keys). */
	char versi[80], mark[200], want[200];
	db_setting_get(db, "urut_nama_versi", "", versi, sizeof versi);
	db_setting_get(db, "urut_nama_pustaka", "", mark, sizeof mark);
	snprintf(want, sizeof want, " %s", versi);
	CHECK(*versi && strlen(mark) > strlen(want) &&
	      strcmp(mark + strlen(mark) - strlen(want), want) == 0,
	      "the library's mark names the keys' version");
	/* Rows inserted by another program (a benchmark generator) get keys on open. */
	CHECK(db_exec_write(db, "INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada) VALUES("
		      "'00000000-0000-4000-8000-000000000001','Bakung','31.71.08.1003',"
		      "'2020-01-01T00:00:00Z')", &e) == SK_OK, "a raw insert");
	CHECK(sk_sort_keys_refresh(db, &e) == SK_OK, "refresh");
	const char *const order3[] = { "Ánggrek", "Bakung", "Yasmin", "Zaitun" };
	CHECK(names_in_order(db, order3, 4), "the raw row in its place");
	CHECK(db_int(db, "SELECT diubah_pada FROM kelompok WHERE nama='Bakung'", 0) == 2020,
	      "its stamp kept too");
	/* A changed ICU (version setting differs): every key is made again. */
	CHECK(db_setting_set(db, "urut_nama_versi", "icu-0.0.0.0-old", &e) == SK_OK, "old version");
	CHECK(db_exec_write(db, "UPDATE kelompok SET urut_nama=x'00'", &e) == SK_OK, "keys of another ICU");
	CHECK(sk_sort_keys_refresh(db, &e) == SK_OK, "refresh after an ICU change");
	CHECK(names_in_order(db, order3, 4), "all keys made again");
	/* Code renaming a member: its key follows at once (no refresh). */
	sk_member m;
	sk_issues is;
	member_init(&m, a);
	strcpy(m.nik, "3171081208800001");
	strcpy(m.no_kk, "3171081503100007");
	strcpy(m.nama, "Zulkifli");
	strcpy(m.jenis_kelamin, "L");
	CHECK(member_insert(db, &m, &is, &e) == SK_OK, "member");
	member_init(&m, a);
	strcpy(m.nik, "3171081208800002");
	strcpy(m.no_kk, "3171081503100007");
	strcpy(m.nama, "Budi");
	strcpy(m.jenis_kelamin, "L");
	CHECK(member_insert(db, &m, &is, &e) == SK_OK, "member");
	strcpy(m.nama, "aaron");
	CHECK(member_update(db, &m, &is, &e) == SK_OK, "renamed by the form");
	sk_member_row r[4];
	int n = 0;
	CHECK(member_list_group(db, a, 0, 4, r, &n, &e) == SK_OK && n == 2 &&
	      strcmp(r[0].nama, "aaron") == 0, "the new name sorts first at once");
	CHECK(db_int(db, "SELECT count(*) FROM anggota WHERE urut_nama IS NULL", -1) == 0,
	      "no key missing");
}

int main(void)
{
	sk_db *db = fixture_db();
	test_order();
	test_store_and_refresh(db);
	db_close(db);
	return testlib_summary();
}
