/* test_member.c - every member rule: identity, uniqueness, officers, group size, storage. */
#include "fixture.h"
#include "group.h"
#include "member.h"

static char group_a[SK_UUID_LEN + 1], group_b[SK_UUID_LEN + 1];

static void make_group(sk_db *db, const char *name, char *id_out)
{
	sk_group g;
	sk_issues is;
	sk_err e;
	group_init(&g);
	strcpy(g.nama, name);
	strcpy(g.kode_wilayah, "31.71.08.1003");
	if (group_insert(db, &g, &is, &e) != SK_OK) {
		fprintf(stderr, "make_group: %s\n", e.msg);
		exit(2);
	}
	strcpy(id_out, g.id);
}

/* A valid member of group gid; serial makes the NIK unique. Man born 12-08-1980. */
static void person(sk_member *m, const char *gid, int serial)
{
	member_init(m, gid);
	snprintf(m->nik, sizeof m->nik, "317108120880%04d", serial);
	strcpy(m->no_kk, "3171081503100007");
	snprintf(m->nama, sizeof m->nama, "Anggota %d", serial);
	strcpy(m->jenis_kelamin, "L");
	strcpy(m->tanggal_lahir, "1980-08-12");
}

static const sk_issue *issue(sk_db *db, const sk_member *m, const char *field, sk_issues *is)
{
	member_validate(db, m, is);
	return sk_issues_for(is, field);
}

static void test_identity(sk_db *db)
{
	sk_member m;
	sk_issues is;
	person(&m, group_a, 1);
	member_validate(db, &m, &is);
	CHECK(sk_issues_errors(&is) == 0, "valid member has no errors");
	strcpy(m.nik, "317108120880001");
	const sk_issue *it = issue(db, &m, "nik", &is);
	CHECK(it && it->sev == SK_SEV_ERROR, "15-digit NIK refused");
	strcpy(m.nik, "3171081208800000");
	it = issue(db, &m, "nik", &is);
	CHECK(it && it->sev == SK_SEV_ERROR, "serial 0000 refused");
	strcpy(m.nik, "9971081208800001");
	it = issue(db, &m, "nik", &is);
	CHECK(it && it->sev == SK_SEV_ERROR, "unknown province refused");
	person(&m, group_a, 1);
	strcpy(m.jenis_kelamin, "P");
	it = issue(db, &m, "nik", &is);
	CHECK(it && it->sev == SK_SEV_WARNING, "sex mismatch is a warning");
	CHECK(sk_issues_errors(&is) == 0, "sex mismatch does not refuse");
	person(&m, group_a, 1);
	strcpy(m.tanggal_lahir, "1980-08-13");
	it = issue(db, &m, "nik", &is);
	CHECK(it && it->sev == SK_SEV_WARNING, "birth date mismatch is a warning");
	person(&m, group_a, 1);
	strcpy(m.no_kk, "12345");
	it = issue(db, &m, "no_kk", &is);
	CHECK(it && it->sev == SK_SEV_ERROR, "short No. KK refused");
}

static void test_fields(sk_db *db)
{
	sk_member m;
	sk_issues is;
	person(&m, group_a, 1);
	strcpy(m.tanggal_lahir, "1980-02-30");
	CHECK(issue(db, &m, "tanggal_lahir", &is) != NULL, "impossible birth date refused");
	person(&m, group_a, 1);
	strcpy(m.rt, "1234");
	CHECK(issue(db, &m, "rt", &is) != NULL, "RT of 4 digits refused");
	person(&m, group_a, 1);
	strcpy(m.rw, "x");
	CHECK(issue(db, &m, "rw", &is) != NULL, "RW with a letter refused");
	person(&m, group_a, 1);
	strcpy(m.jenis_kelamin, "X");
	CHECK(issue(db, &m, "jenis_kelamin", &is) != NULL, "sex X refused");
	person(&m, group_a, 1);
	m.nama[0] = '\0';
	CHECK(issue(db, &m, "nama", &is) != NULL, "empty name refused");
	person(&m, group_a, 1);
	strcpy(m.jabatan, "wakil");
	CHECK(issue(db, &m, "jabatan", &is) != NULL, "unknown role refused");
	person(&m, group_a, 1);
	m.desil_dtsen = 11;
	CHECK(issue(db, &m, "desil_dtsen", &is) != NULL, "decile 11 refused");
	person(&m, group_a, 1);
	strcpy(m.tanggal_masuk, "2026-01-10");
	strcpy(m.tanggal_keluar, "2025-01-10");
	CHECK(issue(db, &m, "tanggal_keluar", &is) != NULL, "leaving before joining refused");
	person(&m, "00000000-0000-4000-8000-000000000000", 1);
	CHECK(issue(db, &m, "kelompok_id", &is) != NULL, "unknown group refused");
}

static void test_storage_and_uniqueness(sk_db *db)
{
	sk_member m, got;
	sk_issues is;
	sk_err e;
	person(&m, group_a, 1);
	strcpy(m.nama, "Siti Nur'aini");
	strcpy(m.jabatan, "ketua");
	CHECK(member_insert(db, &m, &is, &e) == SK_OK, "insert ketua");
	CHECK(sk_uuid_valid(m.id), "insert assigns a UUID");
	CHECK(sk_ts_valid(m.diubah_pada), "insert stamps diubah_pada");
	CHECK(sk_issues_for(&is, "kelompok_id") != NULL, "group of 1 warns about 5-20");
	CHECK(member_get(db, m.id, &got, &e) == SK_OK && strcmp(got.nama, "Siti Nur'aini") == 0,
	      "member reads back");
	char ketua_id[SK_UUID_LEN + 1];
	strcpy(ketua_id, m.id);

	sk_member dup;
	person(&dup, group_b, 1);
	CHECK(member_insert(db, &dup, &is, &e) == SK_REFUSED, "same NIK active in another group refused");
	CHECK(sk_issues_for(&is, "nik") != NULL, "NIK uniqueness names the nik field");
	CHECK(strstr(sk_issues_for(&is, "nik")->msg, "3171081208800001") == NULL,
	      "message does not show the full NIK");

	sk_member k2;
	person(&k2, group_a, 2);
	strcpy(k2.jabatan, "ketua");
	CHECK(member_insert(db, &k2, &is, &e) == SK_REFUSED, "second active ketua refused");
	strcpy(k2.jabatan, "sekretaris");
	CHECK(member_insert(db, &k2, &is, &e) == SK_OK, "sekretaris accepted");
	sk_member s2;
	person(&s2, group_a, 3);
	strcpy(s2.jabatan, "sekretaris");
	CHECK(member_insert(db, &s2, &is, &e) == SK_REFUSED, "second sekretaris refused");
	strcpy(s2.jabatan, "bendahara");
	CHECK(member_insert(db, &s2, &is, &e) == SK_OK, "bendahara accepted");
	sk_member b2;
	person(&b2, group_a, 4);
	strcpy(b2.jabatan, "bendahara");
	CHECK(member_insert(db, &b2, &is, &e) == SK_REFUSED, "second bendahara refused");
	sk_member k3;
	person(&k3, group_b, 5);
	strcpy(k3.jabatan, "ketua");
	CHECK(member_insert(db, &k3, &is, &e) == SK_OK, "ketua of another group accepted");

	/* The ketua leaves: the NIK and the role are free again. */
	CHECK(member_get(db, ketua_id, &got, &e) == SK_OK, "reload ketua");
	strcpy(got.tanggal_masuk, "2026-01-05");
	strcpy(got.tanggal_keluar, "2026-11-01");
	CHECK(member_update(db, &got, &is, &e) == SK_OK, "ketua leaves");
	person(&dup, group_b, 1);
	CHECK(member_insert(db, &dup, &is, &e) == SK_OK, "NIK of a member who left may join again");
	sk_member k4;
	person(&k4, group_a, 6);
	strcpy(k4.jabatan, "ketua");
	CHECK(member_insert(db, &k4, &is, &e) == SK_OK, "new ketua after the old one left");

	/* Updating a member keeps its own NIK and role without conflicting with itself. */
	CHECK(member_update(db, &k4, &is, &e) == SK_OK, "update keeps own NIK and role");
	CHECK(member_delete(db, k4.id, &e) == SK_OK, "soft delete");
	CHECK(member_get(db, k4.id, &got, &e) == SK_OK && got.dihapus == 1, "deleted row kept, marked");
	CHECK(member_update(db, &k4, &is, &e) == SK_NOTFOUND, "deleted member cannot be updated");
	CHECK(member_delete(db, k4.id, &e) == SK_NOTFOUND, "double delete reports not found");
}

static void test_group_size(sk_db *db)
{
	sk_member m;
	sk_issues is;
	sk_err e;
	char gid[SK_UUID_LEN + 1];
	make_group(db, "KUBE Ukuran", gid);
	int warned_at_5 = 0, warned_at_20 = 0, warned_at_21 = 0;
	for (int i = 1; i <= 21; i++) {
		person(&m, gid, 100 + i);
		CHECK(member_insert(db, &m, &is, &e) == SK_OK, "size test insert");
		int w = sk_issues_for(&is, "kelompok_id") != NULL;
		if (i == 5)
			warned_at_5 = w;
		if (i == 20)
			warned_at_20 = w;
		if (i == 21)
			warned_at_21 = w;
	}
	CHECK(!warned_at_5, "no warning at 5 members");
	CHECK(!warned_at_20, "no warning at 20 members");
	CHECK(warned_at_21, "warning (not refusal) at 21 members");
	CHECK(group_active_members(db, gid) == 21, "21 active members stored");
}

static void test_lists(sk_db *db)
{
	sk_member_row rows[50];
	int n = 0;
	sk_err e;
	CHECK(member_search(db, "Nur'aini", 0, 50, rows, &n, &e) == SK_OK && n == 1, "search by name");
	CHECK(member_search(db, "317108120880010", 0, 50, rows, &n, &e) == SK_OK && n >= 1,
	      "search by NIK prefix");
	CHECK(member_search_count(db, "") > 20, "count all members");
	CHECK(member_search_count(db, "%") == 0 && member_search_count(db, "_") == 0 &&
	      member_search(db, "%", 0, 50, rows, &n, &e) == SK_OK && n == 0,
	      "LIKE wildcards typed are searched as typed");
	CHECK(member_list_group(db, group_a, 0, 2, rows, &n, &e) == SK_OK && n == 2, "page of 2");
	/* Pages in the second half are read from the end: the same rows in the same order. */
	int total = member_search_count(db, "");
	int all = 0, same = 1;
	CHECK(member_search(db, "", 0, 50, rows, &all, &e) == SK_OK && all == total,
	      "every member in one page");
	for (int off = total / 2; off < total; off += 3) {
		sk_member_row page[4];
		int k = 0;
		if (member_search_page(db, "", off, 4, total, page, &k, &e) != SK_OK ||
		    k != (total - off < 4 ? total - off : 4))
			same = 0;
		for (int i = 0; i < k; i++)
			same &= strcmp(page[i].id, rows[off + i].id) == 0;
	}
	CHECK(same, "pages from the end match the pages from the start");
	char masked[24];
	member_mask_nik("3171081208800001", masked, sizeof masked);
	CHECK_STR(masked, "317108**********", "mask keeps 6 digits");
}

/* Numbers typed in groups, the NIK's kecamatan, what a member holds, restoring. */
static void test_clean_links_restore(sk_db *db)
{
	sk_member m, got;
	sk_issues is;
	sk_err e;
	person(&m, group_b, 40);
	strcpy(m.nik, "3171 0812 0880 0040");
	strcpy(m.no_kk, "3171.0815.0310.0007");
	CHECK(member_insert(db, &m, &is, &e) == SK_OK, "NIK and No. KK with spaces and dots accepted");
	CHECK(member_get(db, m.id, &got, &e) == SK_OK && strcmp(got.nik, "3171081208800040") == 0 &&
	      strcmp(got.no_kk, "3171081503100007") == 0, "stored without them");
	sk_member x;
	person(&x, group_b, 41);
	strcpy(x.nik, "3171x81208800041");
	member_clean_numbers(&x);
	CHECK_STR(x.nik, "3171x81208800041", "a letter is left for the checks to refuse");
	person(&x, group_b, 42);
	memcpy(x.nik, "317199", 6);
	member_validate(db, &x, &is);
	const sk_issue *w = sk_issues_for(&is, "nik");
	CHECK(w && w->sev == SK_SEV_WARNING && strstr(w->msg, "31.71.99"),
	      "an unknown kecamatan in the NIK is a warning");
	CHECK(sk_issues_errors(&is) == 0, "not an error");
	sk_member_links l;
	CHECK(member_links(db, m.id, &l, &e) == SK_OK && l.pertemuan == 0 && l.penilaian == 0 &&
	      l.iuran == 0, "links of a new member: none");
	/* Deleted by mistake, brought back; not while its NIK is active in someone else. */
	CHECK(member_delete(db, m.id, &e) == SK_OK, "deleted");
	CHECK(member_count_group_deleted(db, group_b) >= 1, "listed among the deleted");
	sk_member_row rows[10];
	int n = 0;
	CHECK(member_list_group_deleted(db, group_b, 0, 10, rows, &n, &e) == SK_OK && n >= 1,
	      "the deleted list");
	sk_member other;
	person(&other, group_a, 40);
	CHECK(member_insert(db, &other, &is, &e) == SK_OK, "its NIK taken by a new member meanwhile");
	CHECK(member_restore(db, m.id, &is, &e) == SK_REFUSED && sk_issues_for(&is, "nik"),
	      "restore refused while the NIK is active elsewhere");
	CHECK(member_delete(db, other.id, &e) == SK_OK, "the other goes");
	CHECK(member_restore(db, m.id, &is, &e) == SK_OK, "restored");
	CHECK(member_get(db, m.id, &got, &e) == SK_OK && got.dihapus == 0, "stored as not deleted");
	CHECK(member_restore(db, m.id, &is, &e) == SK_REFUSED, "a member not deleted: refused");
	CHECK(member_position(db, m.id) >= 0, "its place in its group's list");
}

int main(void)
{
	sk_db *db = fixture_db();
	make_group(db, "KUBE Melati 3", group_a);
	make_group(db, "KUBE Mawar", group_b);
	test_identity(db);
	test_fields(db);
	test_storage_and_uniqueness(db);
	test_group_size(db);
	test_lists(db);
	test_clean_links_restore(db);
	db_close(db);
	return testlib_summary();
}
