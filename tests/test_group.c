/* test_group.c - group rules, storage, soft delete and the group list. */
#include "fixture.h"
#include "group.h"
#include "member.h"

static void valid_group(sk_group *g, const char *name)
{
	group_init(g);
	sk_strlcpy(g->nama, name, sizeof g->nama);
	strcpy(g->kode_wilayah, "31.71.08.1003");
}

static void test_rules(sk_db *db)
{
	sk_group g;
	sk_issues is;
	valid_group(&g, "KUBE Melati 3");
	group_validate(db, &g, &is);
	CHECK(sk_issues_errors(&is) == 0, "valid group");
	g.nama[0] = '\0';
	group_validate(db, &g, &is);
	CHECK(sk_issues_for(&is, "nama") != NULL, "name required");
	valid_group(&g, "x");
	memset(g.nama, 'a', 101);
	g.nama[101] = '\0';
	group_validate(db, &g, &is);
	CHECK(sk_issues_for(&is, "nama") != NULL, "name over 100 characters refused");
	valid_group(&g, "Kelompok Ñandú — ünïcode");
	group_validate(db, &g, &is);
	CHECK(sk_issues_errors(&is) == 0, "UTF-8 name counts characters, not bytes");
	valid_group(&g, "KUBE");
	strcpy(g.kode_wilayah, "31.71.08");
	group_validate(db, &g, &is);
	CHECK(sk_issues_for(&is, "kode_wilayah") != NULL, "kecamatan code is not a village");
	strcpy(g.kode_wilayah, "31.71.08.9999");
	group_validate(db, &g, &is);
	CHECK(sk_issues_for(&is, "kode_wilayah") != NULL, "unknown village refused");
	valid_group(&g, "KUBE");
	strcpy(g.tingkat, "besar");
	strcpy(g.jenis_usaha, "tani");
	strcpy(g.tanggal_berdiri, "2026-02-30");
	g.iuran_kas = -1;
	g.tahun_bantuan = 20;
	group_validate(db, &g, &is);
	CHECK(sk_issues_for(&is, "tingkat") != NULL, "bad tingkat");
	CHECK(sk_issues_for(&is, "jenis_usaha") != NULL, "bad jenis usaha");
	CHECK(sk_issues_for(&is, "tanggal_berdiri") != NULL, "bad founding date");
	CHECK(sk_issues_for(&is, "iuran_kas") != NULL, "negative dues");
	CHECK(sk_issues_for(&is, "tahun_bantuan") != NULL, "bad aid year");
}

static void test_storage(sk_db *db)
{
	sk_group g, got;
	sk_issues is;
	sk_err e;
	valid_group(&g, "KUBE Melati 3");
	g.iuran_kas = 5000;
	g.bantuan_uep = 20000000;
	g.tahun_bantuan = 2023;
	strcpy(g.tingkat, "berkembang");
	CHECK(group_insert(db, &g, &is, &e) == SK_OK, "insert group");
	CHECK(group_get(db, g.id, &got, &e) == SK_OK, "read group");
	CHECK(got.iuran_kas == 5000 && got.bantuan_uep == 20000000 && got.tahun_bantuan == 2023,
	      "money and year round trip");
	CHECK_STR(got.tingkat, "berkembang", "tingkat round trip");
	strcpy(got.nama, "KUBE Melati Tiga");
	CHECK(group_update(db, &got, &is, &e) == SK_OK, "update group");
	sk_group bad = got;
	bad.nama[0] = '\0';
	CHECK(group_update(db, &bad, &is, &e) == SK_REFUSED, "invalid update refused");
	CHECK(group_get(db, g.id, &got, &e) == SK_OK && strcmp(got.nama, "KUBE Melati Tiga") == 0,
	      "refused update left the row alone");

	sk_member m;
	member_init(&m, g.id);
	strcpy(m.nik, "3171081208800001");
	strcpy(m.no_kk, "3171081503100007");
	strcpy(m.nama, "Budi");
	strcpy(m.jenis_kelamin, "L");
	CHECK(member_insert(db, &m, &is, &e) == SK_OK, "member for delete test");
	CHECK(group_active_members(db, g.id) == 1, "one active member");
	CHECK(group_delete(db, g.id, &e) == SK_OK, "soft delete group");
	CHECK(group_get(db, g.id, &got, &e) == SK_OK && got.dihapus == 1, "group kept, marked deleted");
	sk_member mm;
	CHECK(member_get(db, m.id, &mm, &e) == SK_OK && mm.dihapus == 1, "its members marked deleted");
	CHECK(group_count(db, "Melati") == 0, "deleted group not listed");
	CHECK(group_update(db, &got, &is, &e) == SK_NOTFOUND, "deleted group cannot be edited");
}

static void test_list(sk_db *db)
{
	sk_group g;
	sk_issues is;
	sk_err e;
	char name[64];
	for (int i = 0; i < 30; i++) {
		snprintf(name, sizeof name, "KUBE %02d", i);
		valid_group(&g, name);
		group_insert(db, &g, &is, &e);
	}
	sk_group_row rows[10];
	int n;
	CHECK(group_count(db, "") == 30, "30 groups counted");
	CHECK(group_list(db, "", 25, 10, rows, &n, &e) == SK_OK && n == 5, "last page has 5");
	CHECK(strcmp(rows[0].nama, "KUBE 25") == 0, "ordered by name");
	CHECK_STR(rows[0].desa, "Galur", "village name joined");
	CHECK(group_count(db, "KUBE 1") == 10, "search by name part");
	CHECK(group_count(db, "galur") == 30, "search by village name, any case");
	CHECK(group_count(db, "31.71.08") == 30, "search by region code prefix");
	/* LIKE's wildcards and its escape character typed by the clerk are taken as typed. */
	const char *odd[] = { "KUBE 10% Mandiri", "Tani_Makmur", "Usaha A\\B" };
	for (int i = 0; i < 3; i++) {
		valid_group(&g, odd[i]);
		group_insert(db, &g, &is, &e);
	}
	CHECK(group_count(db, "10%") == 1, "10% finds the group named so, not KUBE 10");
	CHECK(group_count(db, "_") == 1, "_ is an underscore, not any character");
	CHECK(group_count(db, "%") == 1, "% alone is a percent sign, not everything");
	CHECK(group_count(db, "A\\B") == 1 && group_count(db, "\\") == 1, "a backslash is a backslash");
	CHECK(group_list(db, "_", 0, 10, rows, &n, &e) == SK_OK && n == 1 &&
	      strcmp(rows[0].nama, "Tani_Makmur") == 0, "the list agrees with the count");
}

/* Restoring a group with the members deleted with it; the list position of a row; a new
 * group (founded today) is not inactive. */
static void test_restore(sk_db *db)
{
	sk_group g;
	sk_issues is;
	sk_err e;
	valid_group(&g, "KUBE Zaitun Pulih");
	CHECK(group_insert(db, &g, &is, &e) == SK_OK, "group");
	sk_member m[3];
	for (int i = 0; i < 3; i++) {
		member_init(&m[i], g.id);
		snprintf(m[i].nik, sizeof m[i].nik, "317108120880%04d", 900 + i);
		strcpy(m[i].no_kk, "3171081503100007");
		snprintf(m[i].nama, sizeof m[i].nama, "Anggota Pulih %d", i);
		strcpy(m[i].jenis_kelamin, "L");
		CHECK(member_insert(db, &m[i], &is, &e) == SK_OK, "member");
	}
	/* One member deleted on its own before: it stays deleted when the group comes back. */
	CHECK(member_delete(db, m[0].id, &e) == SK_OK, "one member deleted first");
	db_exec_write(db, "UPDATE anggota SET diubah_pada='2020-01-01T00:00:00Z' WHERE nama='Anggota Pulih 0'",
		&e);
	sk_group_links l;
	CHECK(group_links(db, g.id, &l, &e) == SK_OK && l.anggota == 2 && l.pertemuan == 0,
	      "what the group holds");
	CHECK(group_delete(db, g.id, &e) == SK_OK, "group deleted");
	CHECK(group_count_deleted(db, "Zaitun") == 1, "among the deleted groups");
	int back = -1;
	CHECK(group_restore(db, g.id, &back, &e) == SK_OK && back == 2,
	      "restored with the two members deleted with it");
	CHECK(group_count(db, "Zaitun") == 1 && group_count_deleted(db, "Zaitun") == 0, "listed again");
	sk_member got;
	CHECK(member_get(db, m[0].id, &got, &e) == SK_OK && got.dihapus == 1,
	      "the member deleted before stays deleted");
	CHECK(group_restore(db, g.id, &back, &e) == SK_REFUSED, "a group not deleted: refused");
	int at = group_position(db, "", g.id);
	sk_group_row rows[64];
	int n = 0;
	CHECK(group_list(db, "", 0, 64, rows, &n, &e) == SK_OK && at >= 0 && at < n &&
	      strcmp(rows[at].id, g.id) == 0, "its position is where the list has it");
	sk_today(g.tanggal_berdiri);
	CHECK(group_update(db, &g, &is, &e) == SK_OK, "founded today");
	CHECK(group_list(db, "Zaitun", 0, 1, rows, &n, &e) == SK_OK && n == 1 && !rows[0].tidak_aktif,
	      "a group founded today is not inactive for want of meetings");
}

int main(void)
{
	sk_db *db = fixture_db();
	test_rules(db);
	test_storage(db);
	test_list(db);
	test_restore(db);
	db_close(db);
	return testlib_summary();
}
