/* test_simpin_report.c - the savings-and-loans reports on the shipped sample (spec/cli.md
 * savings, loans, shareout; the monthly section; the passbook and loan card): the spec's
 * columns, the figures the sample's rows give, text within 80 columns. */
#include "fixture.h"
#include "report.h"
#include "sample.h"
#include "simpin.h"

#define GLR01 "38134cee-e7a6-4c18-9be7-28f31451d49b"
#define GLR02 "e81de838-b52d-4e4f-a091-0b09d9aee801"

static char *report_out;
static size_t len;

/* Run fn with o into report_out (malloc'ed, NUL-terminated). */
static int run(sk_db *db, report_fn fn, const report_opts *o)
{
	sk_err e;
	free(report_out);
	report_out = NULL;
	FILE *f = open_memstream(&report_out, &len);
	int rc = fn(db, o, f, &e);
	fclose(f);
	if (rc != SK_OK)
		printf("# report: %s\n", e.msg);
	return rc;
}

/* The group headings of a text loans report in order ("Kelompok : ..." lines): 1 when there
 * are at least two and each names a group not after the one before (by name, as kelompok's
 * nama sorts), and the loans under each heading come by member name. */
static int groups_in_name_order(void)
{
	char *copy = strdup(report_out), *save = NULL;
	char last_group[256] = "", last_name[256] = "";
	int groups = 0, ok = 1, in_rows = 0;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (strncmp(l, "Kelompok : ", 11) == 0) {
			ok &= strcmp(last_group, l + 11) <= 0;
			sk_strlcpy(last_group, l + 11, sizeof last_group);
			groups++;
			in_rows = -1; /* the column heading follows */
			*last_name = '\0';
		} else if (in_rows == -1) {
			in_rows = 1;
		} else if (in_rows == 1 && strncmp(l, "   ", 3) != 0) {
			char name[18];
			snprintf(name, sizeof name, "%.17s", l);
			ok &= strcmp(last_name, name) <= 0;
			sk_strlcpy(last_name, name, sizeof last_name);
		} else {
			in_rows = 0;
		}
	}
	free(copy);
	return ok && groups >= 2;
}

/* 1 when every line of report_out fits 80 terminal columns. */
static int fits80(void)
{
	char *copy = strdup(report_out), *save = NULL;
	int ok = 1;
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		if (sk_width(l) > 80) {
			printf("# too wide (%d): %s\n", sk_width(l), l);
			ok = 0;
		}
	free(copy);
	return ok;
}

static int64_t q(sk_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static void qtext(sk_db *db, const char *sql, char *report_out, size_t n)
{
	sqlite3_stmt *st;
	report_out[0] = '\0';
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(report_out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
}

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	int g, m;
	CHECK(sample_load(db, NULL, &g, &m, &e) == SK_OK, "the sample loads");
	report_opts o = { .group_id = GLR01, .fmt = REPORT_CSV };

	CHECK(run(db, report_savings, &o) == SK_OK, "savings as CSV");
	CHECK(strncmp(report_out, "anggota_id,nama,pokok,wajib,sukarela,jumlah\n", 44) == 0,
	      "the spec's savings columns");
	CHECK(strstr(report_out, ",Rosmawati,50000,80000,25000,155000\n") != NULL,
	      "a member's savings by kind with the total");
	o.month = "2026-10";
	CHECK(run(db, report_savings, &o) == SK_OK &&
	      strstr(report_out, ",Rosmawati,50000,50000,25000,125000\n") != NULL,
	      "--month: the savings at the month's end");
	o.fmt = REPORT_TEXT;
	o.month = NULL;
	CHECK(run(db, report_savings, &o) == SK_OK && fits80() && strstr(report_out, "1.265.000"),
	      "savings as text: totals, 80 columns");

	o.fmt = REPORT_CSV;
	o.month = "2026-11";
	CHECK(run(db, report_loans, &o) == SK_OK, "loans as CSV");
	CHECK(strncmp(report_out, "pinjaman_id,anggota_id,nama,tanggal,pokok,sumber,sisa_pokok,"
		      "jasa_dibayar,tunggakan,hari_terlambat,status\n", 105) == 0,
	      "the spec's loans columns");
	CHECK(strstr(report_out, ",Euis Kurniasih,2026-10-16,240000,simpin,140000,4500,20900,3,menunggak\n"),
	      "arrears at the month's end: the instalment of 27 November not paid by the 30th");
	/* Tuminah: instalments of 30 Oct .. 27 Nov due (5), 3 paid: the one of 20 Nov and 27 Nov
	 * in arrears on 30 November. */
	CHECK(strstr(report_out, ",Tuminah,2026-10-23,150000,simpin,93750,1686,38624,10,menunggak\n"),
	      "the loan in arrears: arrears and days late at the month's end");
	o.month = "2026-10";
	CHECK(run(db, report_loans, &o) == SK_OK &&
	      strstr(report_out, ",Euis Kurniasih,2026-10-16,240000,simpin,200000,1800,0,0,berjalan\n"),
	      "a loan repaid on time: running, no arrears at October's end");
	o.group_id = NULL;
	CHECK(run(db, report_loans, &o) == SK_OK && strstr(report_out, ",Mulyadi,2026-06-05,200000,simpin,"
							 "0,12000,0,0,lunas\n"),
	      "without --group: every group's loans (the share-report_out settled Mulyadi's)");
	o.fmt = REPORT_TEXT;
	CHECK(run(db, report_loans, &o) == SK_OK && fits80() && strstr(report_out, "KUBE Melati 3") &&
	      strstr(report_out, "portofolio berisiko"), "loans as text per group with the portfolio");
	CHECK(groups_in_name_order(), "every group's loans, groups by name and each group's loans by "
	      "member name (streamed, not sorted in memory: issue 17)");

	o.group_id = GLR02;
	o.month = NULL;
	o.fmt = REPORT_CSV;
	CHECK(run(db, report_shareout, &o) == SK_OK &&
	      strncmp(report_out, "anggota_id,nama,simpanan,bagian_hasil,potongan,dibayar\n", 54) == 0,
	      "the spec's share-report_out columns");
	o.group_id = GLR01;
	o.fmt = REPORT_TEXT;
	CHECK(run(db, report_shareout, &o) == SK_OK && fits80() && strstr(report_out, "Tanda tangan") &&
	      strstr(report_out, "Denda belum dibayar"), "the share-report_out page to sign, with the unpaid fine");
	/* The closed cycle's stored share-report_out, once the running one is set aside. */
	char c2[64];
	qtext(db, "SELECT id FROM siklus WHERE kelompok_id='" GLR02 "' AND nomor=2", c2, sizeof c2);
	db_exec_write(db, "UPDATE siklus SET dihapus=1 WHERE kelompok_id='" GLR02 "' AND nomor=2", &e);
	o.group_id = GLR02;
	o.fmt = REPORT_CSV;
	CHECK(run(db, report_shareout, &o) == SK_OK && strstr(report_out, ",Mulyadi,220000,1416,70668,"
							     "150748\n"),
	      "the last closed cycle's share-report_out: Mulyadi's debt settled from his payout");
	db_exec_write(db, "UPDATE siklus SET dihapus=0 WHERE kelompok_id='" GLR02 "' AND nomor=2", &e);

	/* The monthly report's section 6. */
	o = (report_opts){ .group_id = GLR01, .month = "2026-11", .fmt = REPORT_TEXT };
	CHECK(run(db, report_monthly, &o) == SK_OK && fits80() &&
	      strstr(report_out, "6. Simpan pinjam (siklus 1)") && strstr(report_out, "Denda dikenakan Rp 2.000"),
	      "the monthly page has the savings-and-loans section");
	CHECK(strstr(report_out, "Buku kas") && !strstr(report_out, "simpanan wajib"),
	      "the simpin book is not mixed into the general cash book");
	o.fmt = REPORT_CSV;
	CHECK(run(db, report_monthly, &o) == SK_OK && strstr(report_out, ",2026-11,simpin,"),
	      "the monthly CSV has the simpin book's row");

	/* The passbook and the loan card. */
	char id[64];
	qtext(db, "SELECT id FROM anggota WHERE nama='Tuminah'", id, sizeof id);
	o = (report_opts){ .anggota_id = id, .fmt = REPORT_TEXT };
	CHECK(run(db, report_passbook, &o) == SK_OK && fits80() && strstr(report_out, "Tuminah") &&
	      strstr(report_out, "Saldo: pokok Rp 50.000, wajib Rp 50.000") && strstr(report_out, "Tunggakan Rp"),
	      "the passbook: savings with balances, the loan with its schedule and arrears");
	qtext(db, "SELECT id FROM pinjaman WHERE tujuan='Gerobak nasi uduk'", id, sizeof id);
	o = (report_opts){ .pinjaman_id = id, .fmt = REPORT_TEXT };
	CHECK(run(db, report_loan_card, &o) == SK_OK && fits80() &&
	      strstr(report_out, "KARTU PINJAMAN") && strstr(report_out, "Angsuran dibayar") &&
	      strstr(report_out, "18.750"), "the loan card: schedule and repayments");
	char dir[PATH_MAX], path[PATH_MAX + 16];
	testlib_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/kartu.xlsx", dir);
	o.fmt = REPORT_XLSX;
	CHECK(report_save_as(db, report_loan_card, &o, path, &e) == SK_OK && access(path, R_OK) == 0,
	      "the loan card as a workbook");
	snprintf(path, sizeof path, "%s/kartu.txt", dir);
	o.fmt = REPORT_TEXT;
	CHECK(report_save_as(db, report_loan_card, &o, path, &e) == SK_OK, "the loan card as text");
	(void)q;
	free(report_out);
	db_close(db);
	return testlib_summary();
}
