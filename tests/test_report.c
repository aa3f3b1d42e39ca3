/* test_report.c - `report groups` figures: members, eligibility, last meeting, balances; the
 * group by code or id; the cash book as one table per book with whole descriptions; every
 * report as an xlsx workbook. */
#include <sys/stat.h>
#include "fixture.h"
#include "group.h"
#include "report.h"
#include "util.h"
#include "xlsx.h"

static char *run(sk_db *db, report_format fmt, const char *gid)
{
	static char buf[8192];
	sk_err e;
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	int rc = report_groups(db, gid, fmt, f, &e);
	fclose(f);
	return rc == SK_OK ? buf : NULL;
}

static char *run_opts(sk_db *db, int (*fn)(sk_db *, const report_opts *, FILE *, sk_err *),
		      const char *gid, const char *month, report_format fmt)
{
	static char buf[16384];
	sk_err e;
	report_opts o = { .group_id = gid, .month = month, .fmt = fmt };
	FILE *f = fmemopen(buf, sizeof buf - 1, "w");
	int rc = fn(db, &o, f, &e);
	fclose(f);
	return rc == SK_OK ? buf : NULL;
}

static void test_other_reports(sk_db *db)
{
	sk_err e;
	db_exec_write(db, "INSERT INTO kehadiran(pertemuan_id,anggota_id,status,iuran_kas,iuran_iks,diubah_pada) VALUES"
		    " ('m1','a1','H',5000,1000,'2026-01-01T00:00:00Z'),"
		    " ('m1','a2','S',0,0,'2026-01-01T00:00:00Z'),"
		    " ('m2','a1','H',5000,1000,'2026-01-01T00:00:00Z');", &e);
	char *s = run_opts(db, report_eligibility, NULL, NULL, REPORT_CSV);
	CHECK(s && strstr(s, "kelompok_id,anggota_id,nik,nama,tanggal,skor,kategori\n") == s,
	      "eligibility header");
	/* Stored skor/kategori are not trusted: k01..k14 are all 0 in the fixture. */
	CHECK(s && strstr(s, "g1,a1,3171081208800001,A,2026-01-01,0,tidak_miskin\n") != NULL,
	      "latest assessment, score recomputed from the criteria");
	CHECK(s && strstr(s, "g1,a3,3171081208800003,C,,,\n") != NULL, "never assessed: empty fields");
	CHECK(s && strstr(s, ",a4,") == NULL && strstr(s, ",a5,") == NULL,
	      "members who left or were deleted are not listed");
	db_exec_write(db, "UPDATE penilaian SET k01=1,k02=1,k03=1,k04=1,k05=1,k06=1,k07=1,k08=1,k09=1,"
		    "k10=0,k11=0 WHERE id='p4'", &e);
	s = run_opts(db, report_eligibility, "g1", NULL, REPORT_CSV);
	CHECK(s && strstr(s, ",a2,3171081208800002,B,2026-01-01,9,miskin\n") != NULL,
	      "9 criteria met is miskin at the default threshold");
	db_setting_set(db, "ambang_miskin", "10", &e);
	s = run_opts(db, report_eligibility, "g1", NULL, REPORT_CSV);
	CHECK(s && strstr(s, ",a2,3171081208800002,B,2026-01-01,9,tidak_miskin\n") != NULL,
	      "threshold setting honoured");
	db_setting_set(db, "ambang_miskin", "9", &e);

	s = run_opts(db, report_cashbook, "g1", NULL, REPORT_CSV);
	CHECK(s && strstr(s, "tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,saldo\n") == s,
	      "cashbook header");
	CHECK(s && strstr(s, "2026-10-02,,umum,pembelian,,0,1250000,18750000\n") != NULL,
	      "running balance per book, deleted rows excluded");
	CHECK(s && strstr(s, "2026-10-02,,iks,iuran_iks,,5000,0,5000\n") != NULL, "iks book runs apart");
	s = run_opts(db, report_cashbook, "g1", "2026-11", REPORT_CSV);
	CHECK(s && strcmp(s, "tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,saldo\n") == 0,
	      "month filter");

	s = run_opts(db, report_attendance, "g1", NULL, REPORT_CSV);
	CHECK(s && strstr(s, "anggota_id,nama,pertemuan,hadir,izin,sakit,alpa,persen_hadir,iuran_kas,iuran_iks\n") == s,
	      "attendance header");
	CHECK(s && strstr(s, "a1,A,1,1,0,0,0,100,5000,1000\n") != NULL,
	      "attendance counts only meetings not deleted");
	CHECK(s && strstr(s, "a2,B,1,0,0,1,0,0,0,0\n") != NULL, "sick counted");
	CHECK(s && strstr(s, "a3,C,0,0,0,0,0,,0,0\n") != NULL, "active member without meetings listed");

	s = run_opts(db, report_monthly, "g1", "2026-10", REPORT_TEXT);
	CHECK(s && strstr(s, "Oktober 2026") != NULL, "monthly names the month");
	CHECK(s && strstr(s, "Saldo akhir") != NULL && strstr(s, "18.750.000") != NULL,
	      "monthly closing balance");
	int wide = 0;
	for (char *line = s; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char tmp[512];
		snprintf(tmp, sizeof tmp, "%.*s", (int)len, line);
		wide |= sk_utf8_len(tmp) > 80;
	}
	CHECK(!wide, "monthly report fits 80 columns");
	s = run_opts(db, report_monthly, "g1", "2026-11", REPORT_CSV);
	CHECK(s && strstr(s, "g1,'=Melati,2026-11,umum,18750000,0,0,18750000,") != NULL,
	      "opening balance + receipts - expenses = closing balance");
	CHECK(run_opts(db, report_monthly, "g1", NULL, REPORT_TEXT) == NULL, "monthly needs a month");
}


static void test_find_group(sk_db *db)
{
	sk_err e;
	char id[37];
	db_exec_write(db, "UPDATE kelompok SET kode='MLT-01' WHERE id='g1';"
		    "UPDATE kelompok SET kode='DEL-01' WHERE id='g3';", &e);
	CHECK(report_find_group(db, "g1", id, &e) == SK_OK && strcmp(id, "g1") == 0, "by id");
	CHECK(report_find_group(db, "MLT-01", id, &e) == SK_OK && strcmp(id, "g1") == 0, "by code");
	CHECK(report_find_group(db, "mlt-01", id, &e) == SK_OK && strcmp(id, "g1") == 0,
	      "by code in another case");
	CHECK(report_find_group(db, "DEL-01", id, &e) == SK_NOTFOUND, "a deleted group is not found");
	CHECK(report_find_group(db, "g3", id, &e) == SK_NOTFOUND, "nor by its id");
	CHECK(report_find_group(db, "nope", id, &e) == SK_NOTFOUND && strstr(e.msg, "nope"),
	      "unknown: not found, named");
	db_exec_write(db, "UPDATE kelompok SET kode='MLT-01' WHERE id='g2'", &e);
	CHECK(report_find_group(db, "MLT-01", id, &e) == SK_REFUSED, "a code of two groups is refused");
	CHECK(strstr(e.msg, "id") != NULL, "the message says to use the id");
	db_exec_write(db, "UPDATE kelompok SET kode='mlt-01' WHERE id='g2'", &e);
	CHECK(report_find_group(db, "MLT-01", id, &e) == SK_OK && strcmp(id, "g1") == 0,
	      "the code as typed wins over one in another case");
	/* A group whose code is another group's id: the id wins. */
	db_exec_write(db, "UPDATE kelompok SET kode='g1' WHERE id='g2'", &e);
	CHECK(report_find_group(db, "g1", id, &e) == SK_OK && strcmp(id, "g1") == 0, "an id first");
	db_exec_write(db, "UPDATE kelompok SET kode=NULL WHERE id IN ('g2','g3')", &e);
}

/* Widest line of s in columns. */
static int widest(const char *s)
{
	int w = 0;
	for (const char *line = s; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char tmp[1024];
		snprintf(tmp, sizeof tmp, "%.*s", (int)len, line);
		if (sk_width(tmp) > w)
			w = sk_width(tmp);
		line = end ? end + 1 : NULL;
	}
	return w;
}

static void test_cash_text(sk_db *db)
{
	sk_err e;
	/* A long description with a word wider than its column, in the month of October. */
	db_exec_write(db, "INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,"
		    "keluar,diubah_pada) VALUES ('k5','g1','2026-10-20','BKM-0005','iks','lainnya',"
		    "'Sumbangan warga untuk santunan anggota yang sakit, diterima bendahara di balai "
		    "RW 06 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxZ akhir',7000,0,"
		    "'2026-01-01T00:00:00Z')", &e);
	char *s = run_opts(db, report_cashbook, "g1", NULL, REPORT_TEXT);
	CHECK(s && strstr(s, "Buku kas umum\n") == s, "book umum first");
	char *iks = s ? strstr(s, "\nBuku kas IKS") : NULL;
	CHECK(iks != NULL, "then a table for book IKS");
	CHECK(s && widest(s) <= 80, "80 columns");
	CHECK(iks && strstr(iks, "Sumbangan warga") && strstr(iks, "diterima bendahara") &&
	      strstr(iks, "RW 06") && strstr(iks, "akhir"), "the whole description, wrapped");
	int xs = 0;
	for (const char *p = iks; p && *p; p++)
		xs += *p == 'x';
	CHECK(xs == 50 && iks && strstr(iks, "Z"), "a word wider than its column is cut, not lost");
	CHECK(s && iks && strstr(s, "18.750.000") < iks, "umum's balance in umum's table");
	CHECK(iks && strstr(iks, "12.000") != NULL, "iks runs on its own: 5.000 + 7.000");
	CHECK(s && !strstr(s, "Saldo awal"), "no opening balance line for all time");
	s = run_opts(db, report_cashbook, "g1", "2026-11", REPORT_TEXT);
	CHECK(s && strstr(s, "Saldo awal") && strstr(s, "18.750.000") && strstr(s, "Tidak ada transaksi."),
	      "a month without rows: the opening balance and no rows");
	s = run_opts(db, report_cashbook, "g1", NULL, REPORT_CSV);
	CHECK(s && strstr(s, "2026-10-20,BKM-0005,iks,lainnya,") && strstr(s, ",7000,0,12000\n"),
	      "CSV: one table, the description whole in one field");
	db_exec_write(db, "DELETE FROM kas WHERE id='k5'", &e);
}

/* Run fn as xlsx into a new workbook at path; returns its status. */
static int run_xlsx(sk_db *db, int (*fn)(sk_db *, const report_opts *, FILE *, sk_err *),
		    const char *gid, const char *month, const char *path)
{
	sk_err e;
	report_opts o = { .group_id = gid, .month = month, .fmt = REPORT_XLSX };
	int rc = xlsx_open(path, 0, &o.book, &e);
	if (rc != SK_OK)
		return rc;
	rc = fn(db, &o, NULL, &e);
	if (rc != SK_OK) {
		xlsx_abandon(o.book);
		return rc;
	}
	return xlsx_close(o.book, &e);
}

static void test_xlsx_reports(sk_db *db)
{
	char dir[PATH_MAX], p[PATH_MAX + 32];
	struct stat st;
	testlib_tmpdir(dir, sizeof dir);
	static const struct {
		const char *name;
		int (*fn)(sk_db *, const report_opts *, FILE *, sk_err *);
		const char *gid, *month;
	} R[] = {
		{ "groups", report_groups_run, NULL, NULL },
		{ "eligibility", report_eligibility, NULL, NULL },
		{ "cashbook", report_cashbook, "g1", NULL },
		{ "attendance", report_attendance, "g1", "2026-10" },
		{ "monthly", report_monthly, "g1", "2026-10" },
	};
	for (size_t i = 0; i < sizeof R / sizeof R[0]; i++) {
		snprintf(p, sizeof p, "%s/%s.xlsx", dir, R[i].name);
		CHECK(run_xlsx(db, R[i].fn, R[i].gid, R[i].month, p) == SK_OK, "report as xlsx");
		CHECK(stat(p, &st) == 0 && st.st_size > 0 && (st.st_mode & 0777) == 0600,
		      "a private workbook");
	}
	sk_err e;
	snprintf(p, sizeof p, "%s/laporan.xlsx", dir);
	CHECK(report_monthly_save_as(db, "g1", "2026-10", p, REPORT_XLSX, &e) == SK_OK,
	      "the Laporan screen saves xlsx");
	CHECK(report_monthly_save_as(db, "g1", "2026-10", p, REPORT_XLSX, &e) == SK_OK,
	      "and replaces its own file when asked again");
	CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600, "private");
	snprintf(p, sizeof p, "%s/laporan.txt", dir);
	CHECK(report_monthly_save_as(db, "g1", "2026-10", p, REPORT_TEXT, &e) == SK_OK,
	      "or the text page");
}

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	CHECK(db_exec_write(db,
		"INSERT INTO kelompok(id,nama,kode_wilayah,tingkat,diubah_pada) VALUES"
		" ('g1','=Melati','31.71.08.1003','maju','2026-01-01T00:00:00Z'),"
		" ('g2','Mawar','31.71.08.1003','tumbuh','2026-01-01T00:00:00Z'),"
		" ('g3','Dihapus','31.71.08.1003','tumbuh','2026-01-01T00:00:00Z');"
		"UPDATE kelompok SET dihapus=1 WHERE id='g3';"
		"INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,diubah_pada,tanggal_keluar,dihapus) VALUES"
		" ('a1','g1','3171081208800001','3171081503100007','A','L','2026-01-01T00:00:00Z',NULL,0),"
		" ('a2','g1','3171081208800002','3171081503100007','B','L','2026-01-01T00:00:00Z',NULL,0),"
		" ('a3','g1','3171081208800003','3171081503100007','C','L','2026-01-01T00:00:00Z',NULL,0),"
		" ('a4','g1','3171081208800004','3171081503100007','D','L','2026-01-01T00:00:00Z','2026-02-01',0),"
		" ('a5','g1','3171081208800005','3171081503100007','E','L','2026-01-01T00:00:00Z',NULL,1);"
		/* a1: poor then not poor (latest counts); a2: two on one date, later diubah_pada wins. */
		"INSERT INTO penilaian(id,anggota_id,tanggal,skor,kategori,diubah_pada) VALUES"
		" ('p1','a1','2025-01-01',10,'miskin','2025-01-01T00:00:00Z'),"
		" ('p2','a1','2026-01-01',5,'tidak_miskin','2026-01-01T00:00:00Z'),"
		" ('p3','a2','2026-01-01',5,'tidak_miskin','2026-01-01T00:00:00Z'),"
		" ('p4','a2','2026-01-01',11,'miskin','2026-01-02T00:00:00Z'),"
		" ('p5','a4','2026-01-01',12,'miskin','2026-01-01T00:00:00Z');"
		/* Reports recompute skor from the criteria: give p4 the 11 its stored skor says. */
		"UPDATE penilaian SET k01=1,k02=1,k03=1,k04=1,k05=1,k06=1,k07=1,k08=1,k09=1,k10=1,"
		"k11=1 WHERE id='p4';"
		"INSERT INTO pertemuan(id,kelompok_id,tanggal,diubah_pada,dihapus) VALUES"
		" ('m1','g1','2026-10-01','2026-01-01T00:00:00Z',0),"
		" ('m2','g1','2026-11-01','2026-01-01T00:00:00Z',1);"
		"INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,diubah_pada,dihapus) VALUES"
		" ('k1','g1','2026-10-01','umum','bantuan',20000000,0,'2026-01-01T00:00:00Z',0),"
		" ('k2','g1','2026-10-02','umum','pembelian',0,1250000,'2026-01-01T00:00:00Z',0),"
		" ('k3','g1','2026-10-02','iks','iuran_iks',5000,0,'2026-01-01T00:00:00Z',0),"
		" ('k4','g1','2026-10-03','umum','pembelian',0,999,'2026-01-01T00:00:00Z',1);", &e) == SK_OK,
	      "fixture rows");
	char *csv = run(db, REPORT_CSV, NULL);
	CHECK(csv != NULL, "csv report runs");
	if (!csv)
		return testlib_summary();
	CHECK(strstr(csv, "kelompok_id,nama,kode_wilayah,tingkat,anggota_aktif,anggota_dinilai,"
			  "anggota_miskin,persen_miskin,pertemuan_terakhir,saldo_umum,saldo_iks\n") == csv,
	      "spec header first");
	CHECK(strstr(csv, "g1,'=Melati,31.71.08.1003,maju,3,2,1,50,2026-10-01,18750000,5000\n") != NULL,
	      "g1 figures: 3 active, 2 assessed, 1 poor, 50%, last live meeting, balances");
	CHECK(strstr(csv, "g2,Mawar,31.71.08.1003,tumbuh,0,0,0,,,0,0\n") != NULL,
	      "empty group: zeros and empty fields");
	CHECK(strstr(csv, "Dihapus") == NULL, "deleted group not reported");
	CHECK(strstr(csv, "Mawar") > strstr(csv, "Melati"), "ordered by name");
	csv = run(db, REPORT_CSV, "g2");
	CHECK(csv && strstr(csv, "g1,") == NULL && strstr(csv, "g2,") != NULL, "--group filters");
	char *text = run(db, REPORT_TEXT, NULL);
	CHECK(text && strstr(text, "18.750.000") != NULL, "text report formats rupiah");
	CHECK(run(db, REPORT_CSV, "nope") == NULL, "unknown group is an error");
	test_other_reports(db);
	test_cash_text(db);
	test_xlsx_reports(db);
	test_find_group(db);
	db_close(db);
	return testlib_summary();
}
