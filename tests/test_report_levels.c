/* test_report_levels.c - `report levels`: the spec's columns, the latest assessment per group
 * with skor and tingkat recomputed, the quartiles among the groups listed (n < 4, ties, one
 * group with --group), groups never assessed or deleted left out; the counts per level and
 * kecamatan and the assessments due of the Laporan screen; the monthly report's line. */
#include "fixture.h"
#include "kube_fixture.h"
#include "report.h"

static char *run(sk_db *db, int (*fn)(sk_db *, const report_opts *, FILE *, sk_err *),
		 const char *gid, const char *month, report_format fmt)
{
	static char buf[16384];
	sk_err e;
	report_opts o = { .group_id = gid, .month = month, .fmt = fmt };
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	int rc = fn(db, &o, f, &e);
	fclose(f);
	if (rc != SK_OK)
		printf("# report: %s\n", e.msg);
	return rc == SK_OK ? buf : NULL;
}

static void run_sql(sk_db *db, const char *s)
{
	sk_err e;
	if (db_exec_write(db, s, &e) != SK_OK) {
		fprintf(stderr, "sql: %s\n", e.msg);
		exit(2);
	}
}

/* An assessment of group g on d with every indicator v but s1 = v1 (skor 7v + v1); stored
 * skor and tingkat deliberately wrong: the report recomputes them. */
static void assess(sk_db *db, const char *id, const char *g, const char *d, int v, int v1)
{
	char s[512];
	snprintf(s, sizeof s, "INSERT INTO evaluasi(id,kelompok_id,tanggal,s1,s2,s3,s4,e1,e2,e3,e4,"
		 "skor,tingkat,diubah_pada) VALUES('%s','%s','%s',%d,%d,%d,%d,%d,%d,%d,%d,8,'tumbuh',"
		 "'2026-01-01T00:00:00Z')", id, g, d, v1, v, v, v, v, v, v, v);
	run_sql(db, s);
}

static void test_levels(sk_db *db)
{
	char *s = run(db, report_levels, NULL, NULL, REPORT_CSV);
	CHECK(s && strcmp(s, "kelompok_id,nama,kode_wilayah,tanggal,s1,s2,s3,s4,e1,e2,e3,e4,skor,"
			  "tingkat,kuartil\n") == 0, "no assessment yet: the header only");
	s = run(db, report_levels, NULL, NULL, REPORT_TEXT);
	CHECK(s && strstr(s, "Belum pernah dinilai: 4 kelompok"), "text: groups never assessed");

	assess(db, "e1", "ga", "2026-03-01", 2, 2);    /* 16, superseded below */
	assess(db, "e2", "ga", "2026-05-01", 3, 3);    /* 24 maju, the latest */
	s = run(db, report_levels, NULL, NULL, REPORT_CSV);
	CHECK(s && strstr(s, "\nga,Kelompok ga,31.71.08.1003,2026-05-01,3,3,3,3,3,3,3,3,24,maju,1\n"),
	      "n = 1: the latest assessment, skor and tingkat recomputed, quartile 1");
	assess(db, "e3", "gb", "2026-04-01", 1, 1);    /* 8 tumbuh */
	s = run(db, report_levels, NULL, NULL, REPORT_CSV);
	CHECK(s && strstr(s, ",24,maju,3\n") && strstr(s, ",8,tumbuh,1\n"), "n = 2: quartiles 1 and 3");
	assess(db, "e4", "gc", "2026-04-01", 4, 4);    /* 32 mandiri */
	s = run(db, report_levels, NULL, NULL, REPORT_CSV);
	CHECK(s && strstr(s, ",8,tumbuh,1\n") && strstr(s, ",24,maju,2\n") &&
	      strstr(s, ",32,mandiri,3\n"), "n = 3: quartiles 1, 2, 3");
	assess(db, "e5", "gd", "2026-04-01", 1, 1);    /* 8 again: a tie at the bottom */
	s = run(db, report_levels, NULL, NULL, REPORT_CSV);
	/* 8 8 24 32: Q1 at 1.25 = 8, Q2 at 2.5 = 16, Q3 at 3.75 = 30. */
	CHECK(s && strstr(s, "\ngb,") && strstr(s, "\ngd,") &&
	      strstr(strstr(s, "\ngb,"), ",8,tumbuh,1\n") && strstr(strstr(s, "\ngd,"), ",8,tumbuh,1\n"),
	      "ties: both groups scoring 8 in quartile 1");
	CHECK(s && strstr(s, ",24,maju,3\n") && strstr(s, ",32,mandiri,4\n"), "n = 4: 3 and 4");
	s = run(db, report_levels, NULL, NULL, REPORT_TEXT);
	CHECK(s && strstr(s, "Kuartil dari 4 kelompok: Q1 = 8, Q2 = 16, Q3 = 30\n"),
	      "text: n and the boundaries");
	CHECK(s && !strstr(s, "Belum pernah dinilai"), "text: every group assessed");
	s = run(db, report_levels, "ga", NULL, REPORT_CSV);
	CHECK(s && strstr(s, "\nga,") && !strstr(s, "\ngb,") && strstr(s, ",24,maju,1\n"),
	      "--group: one row, quartile 1");
	run_sql(db, "UPDATE kelompok SET dihapus=1 WHERE id='gd'");
	run_sql(db, "UPDATE evaluasi SET dihapus=1 WHERE id='e4'");
	s = run(db, report_levels, NULL, NULL, REPORT_CSV);
	CHECK(s && !strstr(s, "\ngd,") && !strstr(s, "\ngc,") && strstr(s, ",24,maju,3\n"),
	      "deleted groups and assessments are left out (n = 2 again)");
	run_sql(db, "UPDATE kelompok SET dihapus=0 WHERE id='gd'");
	run_sql(db, "UPDATE evaluasi SET dihapus=0 WHERE id='e4'");
}

static void test_counts(sk_db *db)
{
	report_level_count c[8];
	int n;
	sk_err e;
	/* ge in another kecamatan, never assessed. */
	run_sql(db, "UPDATE kelompok SET kode_wilayah='31.71.01.1001' WHERE id='ge'");
	CHECK(report_level_counts(db, "2026-09-30", c, 8, &n, &e) == SK_OK && n == 3,
	      "the total and two kecamatan");
	CHECK(c[0].n[0] == 2 && c[0].n[1] == 0 && c[0].n[2] == 1 && c[0].n[3] == 1 && c[0].belum == 1,
	      "total: 2 tumbuh, 1 maju, 1 mandiri, 1 never assessed");
	CHECK(strcmp(c[1].kode, "31.71.01") == 0 && c[1].belum == 1 && c[1].due == 1 && *c[1].nama,
	      "a kecamatan named, by code order");
	CHECK(strcmp(c[2].kode, "31.71.08") == 0 && c[2].n[0] == 2 && c[2].due == 0,
	      "the other: assessed in the 6 months, none due");
	CHECK(report_level_counts(db, "2026-10-15", c, 8, &n, &e) == SK_OK && c[0].due == 4,
	      "on 2026-10-15 the assessments of 2026-04-01 (and ge) are due");
	CHECK(report_level_counts(db, "2026-10-15", c, 2, &n, &e) == SK_OK && n == 2 && c[0].due == 4,
	      "rows left out still count in the total");
	CHECK(report_levels_due_count(db, "2026-10-15") == 4, "four due");
	report_due_row r[8];
	CHECK(report_levels_due(db, "2026-10-15", 0, 8, r, &n, &e) == SK_OK && n == 4 &&
	      strcmp(r[0].id, "ge") == 0 && !*r[0].dinilai && strcmp(r[1].dinilai, "2026-04-01") == 0,
	      "never assessed first, then the oldest");
	CHECK(report_levels_due(db, "2026-10-15", 1, 2, r, &n, &e) == SK_OK && n == 2,
	      "paged");
}

static void test_monthly(sk_db *db)
{
	char *s = run(db, report_monthly, "ga", "2026-04", REPORT_TEXT);
	CHECK(s && strstr(s, "Dinilai    : 2026-03-01, skor 16 dari 32 (berkembang)\n"),
	      "monthly: the assessment by the month's end");
	s = run(db, report_monthly, "ga", "2026-05", REPORT_TEXT);
	CHECK(s && strstr(s, "Dinilai    : 2026-05-01, skor 24 dari 32 (maju)\n"),
	      "monthly: a later month, the later assessment");
	s = run(db, report_monthly, "ge", "2026-05", REPORT_TEXT);
	CHECK(s && strstr(s, "Dinilai    : belum pernah dinilai perkembangannya\n"),
	      "monthly: never assessed");
	s = run(db, report_monthly, "ga", "2026-05", REPORT_CSV);
	CHECK(s && strstr(s, ",anggota_miskin,tingkat,tanggal_evaluasi\n") &&
	      strstr(s, ",tumbuh,2026-05-01\n"), "monthly CSV: the level and the assessment's date");
}

int main(void)
{
	sk_db *db = fixture_db();
	kube_group(db, "ga", 5);
	kube_group(db, "gb", 5);
	kube_group(db, "gc", 5);
	kube_group(db, "gd", 5);
	test_levels(db);
	kube_group(db, "ge", 5);
	test_counts(db);
	test_monthly(db);
	db_close(db);
	return testlib_summary();
}
