/* test_eligibility.c - who qualifies: the member list with each latest assessment (members
 * who left, deleted members and deleted groups are not listed), due for re-assessment at the
 * 12-month edge, filters and search, group and office compliance, the 20% mark, and the
 * `report groups` columns following the threshold setting. */
#include "eligibility.h"
#include "fixture.h"
#include "report.h"

#define TODAY "2026-06-15"
#define G1 "11111111-1111-4111-8111-111111111111"
#define G2 "22222222-2222-4222-8222-222222222222"
#define G3 "33333333-3333-4333-8333-333333333333"

static void sql(sk_db *db, const char *s)
{
	sk_err e;
	if (db_exec_write(db, s, &e) != SK_OK) {
		printf("# %s\n", e.msg);
		CHECK(0, "fixture SQL");
	}
}

/* Member id m of group g, named n; left: tanggal_keluar set; deleted: dihapus=1. */
static void member(sk_db *db, const char *m, const char *g, const char *n, int nik, int left,
		   int deleted)
{
	char q[600];
	snprintf(q, sizeof q,
		 "INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tanggal_keluar,"
		 "diubah_pada,dihapus) VALUES('%s','%s','31710812088%05d','3171081503100007','%s','L',"
		 "%s,'2025-01-01T00:00:00Z',%d)", m, g, nik, n, left ? "'2026-01-01'" : "NULL", deleted);
	sql(db, q);
}

/* An assessment of member m dated d meeting the first met criteria. */
static void assessed(sk_db *db, const char *m, const char *d, int met)
{
	sk_assessment a;
	sk_err e;
	assessment_init(&a, m);
	sk_uuid_new(a.id);
	snprintf(a.tanggal, sizeof a.tanggal, "%s", d);
	snprintf(a.diubah_pada, sizeof a.diubah_pada, "%sT00:00:00Z", d);
	for (int i = 0; i < met; i++)
		a.k[i] = 1;
	assessment_score(&a, 9);
	CHECK(FIXTURE_WRITE(db, assessment_store_raw(db, &a, 1, &e)) == SK_OK, "store assessment");
}

static void fixture_rows(sk_db *db)
{
	sql(db, "INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada,dihapus) VALUES"
		" ('" G1 "','Anggrek','31.71.08.1003','2025-01-01T00:00:00Z',0),"
		" ('" G2 "','Bougenvil','31.71.08.1003','2025-01-01T00:00:00Z',0),"
		" ('" G3 "','Cempaka','31.71.08.1003','2025-01-01T00:00:00Z',1)");
	member(db, "m1", G1, "Ani", 1, 0, 0);
	member(db, "m2", G1, "Budi", 2, 0, 0);
	member(db, "m3", G1, "Citra", 3, 0, 0);
	member(db, "m4", G1, "Dedi", 4, 0, 0);
	member(db, "m5", G1, "Eka", 5, 1, 0);   /* left the group */
	member(db, "m6", G1, "Fajar", 6, 0, 1); /* deleted */
	member(db, "m7", G1, "Gita", 7, 0, 0);
	sql(db, "UPDATE anggota SET terdaftar_dtsen=1, desil_dtsen=2 WHERE id='m1'");
	assessed(db, "m1", "2026-01-10", 10);
	assessed(db, "m2", "2025-06-15", 5);  /* exactly 12 months before TODAY */
	assessed(db, "m3", "2025-06-14", 9);  /* one day more */
	assessed(db, "m5", "2026-01-01", 2);
	assessed(db, "m6", "2026-01-01", 2);
	assessed(db, "m7", "2026-02-01", 14);
	/* Bougenvil: 5 assessed, 1 not poor = exactly 20%. */
	const char *names[] = { "Hadi", "Indah", "Joko", "Kartini", "Lukman" };
	for (int i = 0; i < 5; i++) {
		char id[8];
		snprintf(id, sizeof id, "n%d", i);
		member(db, id, G2, names[i], 10 + i, 0, 0);
		assessed(db, id, "2026-03-01", i == 0 ? 3 : 12);
	}
	member(db, "x1", G3, "Zaenal", 20, 0, 0); /* active member of a deleted group */
	assessed(db, "x1", "2026-03-01", 1);
}

static void test_figures(void)
{
	CHECK(!eligibility_over_limit(0, 0), "nobody assessed: not over");
	CHECK(!eligibility_over_limit(1, 5), "exactly 20% not poor: not over");
	CHECK(eligibility_over_limit(1, 4), "25% not poor: over");
	CHECK(eligibility_over_limit(2, 9), "22% not poor: over");
	CHECK(!eligibility_over_limit(20, 100), "20 of 100: not over");
	CHECK(eligibility_over_limit(21, 100), "21 of 100: over");
	CHECK(eligibility_percent(1, 8) == 13 && eligibility_percent(1, 3) == 33 &&
	      eligibility_percent(2, 3) == 67 && eligibility_percent(0, 0) == -1, "percent rounding");
}

static void test_stats(sk_db *db)
{
	sk_elig_stats s;
	sk_err e;
	CHECK(eligibility_stats(db, G1, TODAY, &s, &e) == SK_OK, "group stats");
	CHECK(s.aktif == 5, "active members: the one who left and the deleted one not counted");
	CHECK(s.dinilai == 4 && s.miskin == 3 && s.tidak_miskin == 1, "assessed, poor, not poor");
	CHECK(s.perlu_dinilai == 2, "due: never assessed, and last assessed over 12 months ago");
	CHECK(s.persen_tidak_miskin == 25 && s.lewat_batas, "25% not poor: marked");
	CHECK(eligibility_stats(db, G2, TODAY, &s, &e) == SK_OK && s.aktif == 5 && s.dinilai == 5 &&
	      s.tidak_miskin == 1 && s.persen_tidak_miskin == 20 && !s.lewat_batas &&
	      s.perlu_dinilai == 0, "20% not poor: not marked");
	CHECK(eligibility_stats(db, NULL, TODAY, &s, &e) == SK_OK && s.aktif == 10 &&
	      s.dinilai == 9 && s.miskin == 7 && s.tidak_miskin == 2 && s.perlu_dinilai == 2 &&
	      s.persen_tidak_miskin == 22 && s.lewat_batas,
	      "office totals over live groups only");
	CHECK(eligibility_stats(db, G1, "2026-06-16", &s, &e) == SK_OK && s.perlu_dinilai == 3,
	      "a day later the exactly-12-months one is due too");
	CHECK(eligibility_stats(db, G3, TODAY, &s, &e) == SK_OK && s.aktif == 0,
	      "a deleted group has no active members");
	CHECK(eligibility_stats(db, "none", TODAY, &s, &e) == SK_OK && s.aktif == 0 &&
	      s.persen_tidak_miskin == -1 && !s.lewat_batas, "unknown group: zeros");

	sk_elig_group gr[4];
	int n;
	CHECK(eligibility_groups(db, "", TODAY, 0, 4, gr, &n, &e) == SK_OK && n == 2,
	      "groups with figures: live ones");
	CHECK(n == 2 && strcmp(gr[0].nama, "Anggrek") == 0 && gr[0].st.lewat_batas &&
	      strcmp(gr[1].nama, "Bougenvil") == 0 && !gr[1].st.lewat_batas, "groups marked");
	CHECK(eligibility_groups(db, "boug", TODAY, 0, 4, gr, &n, &e) == SK_OK && n == 1 &&
	      gr[0].st.aktif == 5, "groups searched");
}

static const sk_elig_row *find(const sk_elig_row *r, int n, const char *nama)
{
	for (int i = 0; i < n; i++)
		if (strcmp(r[i].nama, nama) == 0)
			return &r[i];
	return NULL;
}

static void test_list(sk_db *db)
{
	sk_elig_row r[16];
	int n;
	sk_err e;
	sk_elig_query q = { .group_id = G1, .filter = ELIG_ALL, .today = TODAY };
	CHECK(eligibility_count(db, &q) == 5, "count of a group's active members");
	CHECK(eligibility_list(db, &q, 0, 16, r, &n, &e) == SK_OK && n == 5, "list of a group");
	CHECK(!find(r, n, "Eka"), "a member who left the group is not listed");
	CHECK(!find(r, n, "Fajar"), "a deleted member is not listed");
	CHECK(n == 5 && strcmp(r[0].nama, "Ani") == 0 && strcmp(r[4].nama, "Gita") == 0,
	      "ordered by name");
	const sk_elig_row *a = find(r, n, "Ani"), *b = find(r, n, "Budi"), *c = find(r, n, "Citra"),
			  *d = find(r, n, "Dedi");
	CHECK(a && a->dinilai && strcmp(a->tanggal, "2026-01-10") == 0 && a->skor == 10 &&
	      a->miskin && !a->perlu_dinilai, "latest date, score, verdict");
	CHECK(a && a->terdaftar_dtsen == 1 && a->desil_dtsen == 2, "DTSEN registration and decile");
	CHECK(b && b->skor == 5 && !b->miskin && !b->perlu_dinilai,
	      "not poor; exactly 12 months ago is not yet due");
	CHECK(c && c->perlu_dinilai && c->miskin, "over 12 months ago: due");
	CHECK(d && !d->dinilai && d->tanggal[0] == '\0' && d->perlu_dinilai && d->desil_dtsen == 0,
	      "never assessed: empty and due");

	q.filter = ELIG_DUE;
	CHECK(eligibility_count(db, &q) == 2 && eligibility_list(db, &q, 0, 16, r, &n, &e) == SK_OK &&
	      n == 2 && strcmp(r[0].nama, "Citra") == 0 && strcmp(r[1].nama, "Dedi") == 0,
	      "filter: due");
	q.filter = ELIG_NOT_POOR;
	CHECK(eligibility_list(db, &q, 0, 16, r, &n, &e) == SK_OK && n == 1 &&
	      strcmp(r[0].nama, "Budi") == 0, "filter: not poor");
	q.filter = ELIG_ALL;
	q.search = "itr";
	CHECK(eligibility_list(db, &q, 0, 16, r, &n, &e) == SK_OK && n == 1 &&
	      strcmp(r[0].nama, "Citra") == 0, "search by name");
	q.search = "3171081208800004";
	CHECK(eligibility_count(db, &q) == 1, "search by NIK");
	q.search = "_";
	CHECK(eligibility_count(db, &q) == 0, "an underscore typed is an underscore");
	q.search = NULL;
	q.group_id = NULL;
	CHECK(eligibility_count(db, &q) == 10, "all groups: members of live groups");
	CHECK(eligibility_list(db, &q, 4, 2, r, &n, &e) == SK_OK && n == 2 &&
	      strcmp(r[0].nama, "Gita") == 0 && strcmp(r[1].nama, "Hadi") == 0 &&
	      strcmp(r[1].kelompok_nama, "Bougenvil") == 0, "all groups: by group, then name; paged");
	/* A page in the second half is counted from the end of the list: the same rows. */
	sk_elig_row all[16], page[16];
	int na, ok = eligibility_list(db, &q, 0, 16, all, &na, &e) == SK_OK && na == 10;
	for (int off = 4; ok && off <= 11; off++) {
		int np;
		ok = eligibility_list(db, &q, off, 3, page, &np, &e) == SK_OK &&
		     np == (off + 3 <= 10 ? 3 : off < 10 ? 10 - off : 0);
		for (int i = 0; ok && i < np; i++)
			ok = strcmp(page[i].anggota_id, all[off + i].anggota_id) == 0 &&
			     strcmp(page[i].tanggal, all[off + i].tanggal) == 0;
	}
	CHECK(ok, "all groups: pages near the end, counted from it, are the same rows");
	q.group_id = G1;
	ok = eligibility_list(db, &q, 0, 16, all, &na, &e) == SK_OK && na == 5;
	for (int off = 2; ok && off <= 5; off++) {
		int np;
		ok = eligibility_list(db, &q, off, 2, page, &np, &e) == SK_OK &&
		     np == (off + 2 <= 5 ? 2 : 5 - off);
		for (int i = 0; ok && i < np; i++)
			ok = strcmp(page[i].anggota_id, all[off + i].anggota_id) == 0;
	}
	CHECK(ok, "one group: pages near the end are the same rows");
	q.group_id = NULL;

	/* The threshold setting moves the verdicts everywhere. */
	db_setting_set(db, "ambang_miskin", "10", &e);
	q.group_id = G1;
	q.filter = ELIG_NOT_POOR;
	CHECK(eligibility_count(db, &q) == 2, "threshold 10: 9 met is not poor");
	sk_elig_stats s;
	eligibility_stats(db, G1, TODAY, &s, &e);
	CHECK(s.miskin == 2 && s.tidak_miskin == 2, "threshold 10: group figures");
	char buf[4096];
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	report_groups(db, G1, REPORT_CSV, f, &e);
	fclose(f);
	CHECK(strstr(buf, G1 ",Anggrek,31.71.08.1003,tumbuh,5,4,2,50,,0,0\n") != NULL,
	      "report groups: active, assessed, poor recomputed with the threshold");
	db_setting_set(db, "ambang_miskin", "9", &e);
	f = fmemopen(buf, sizeof buf - 1, "w");
	report_groups(db, G1, REPORT_CSV, f, &e);
	fclose(f);
	CHECK(strstr(buf, G1 ",Anggrek,31.71.08.1003,tumbuh,5,4,3,75,,0,0\n") != NULL,
	      "report groups agrees with the Kelayakan figures");
}

int main(void)
{
	sk_db *db = fixture_db();
	fixture_rows(db);
	test_figures();
	test_stats(db);
	test_list(db);
	db_close(db);
	return testlib_summary();
}
