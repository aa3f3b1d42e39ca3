/* test_cash_ledger.c - the cash books: receipt numbers, refusal below zero (on later days too),
 * reversals, changes only while the month is open, month close, the book view, and the
 * monthly figures (opening + receipts - expenses = closing for every book and month). */
#include "cashbook.h"
#include "check.h"
#include "kube_fixture.h"
#include "report.h"
#include <sys/stat.h>

static sk_cash_row row(const char *g, const char *date, const char *buku, const char *kat,
		       int64_t masuk, int64_t keluar)
{
	sk_cash_row c;
	cash_init(&c, g);
	snprintf(c.tanggal, sizeof c.tanggal, "%s", date);
	snprintf(c.buku, sizeof c.buku, "%s", buku);
	snprintf(c.kategori, sizeof c.kategori, "%s", kat);
	snprintf(c.uraian, sizeof c.uraian, "%s %s", kat, date);
	c.masuk = masuk;
	c.keluar = keluar;
	return c;
}

/* cash_add; returns its status, the new row in *out when given. */
static int add(sk_db *db, const char *g, const char *date, const char *buku, const char *kat,
	       int64_t masuk, int64_t keluar, sk_cash_row *out, sk_err *e)
{
	sk_cash_row c = row(g, date, buku, kat, masuk, keluar);
	sk_issues is;
	sk_err_clear(e);
	int rc = cash_add(db, &c, &is, e);
	if (out)
		*out = c;
	return rc;
}

static void test_receipts(sk_db *db)
{
	char no[16];
	sk_cash_row c;
	sk_err e;
	cash_next_receipt(db, "g1", "umum", 1, no, sizeof no);
	CHECK_STR(no, "BKM-0001", "first receipt number");
	cash_next_receipt(db, "g1", "umum", 0, no, sizeof no);
	CHECK_STR(no, "BKK-0001", "first expense number");
	CHECK(add(db, "g1", "2026-08-03", "umum", "bantuan", 1000000, 0, &c, &e) == SK_OK, "add receipt");
	CHECK_STR(c.no_bukti, "BKM-0001", "receipt number given when empty");
	CHECK(add(db, "g1", "2026-08-04", "umum", "penjualan", 50000, 0, &c, &e) == SK_OK, "add receipt 2");
	CHECK_STR(c.no_bukti, "BKM-0002", "receipt numbers count up");
	CHECK(add(db, "g1", "2026-08-05", "umum", "pembelian", 0, 200000, &c, &e) == SK_OK, "add expense");
	CHECK_STR(c.no_bukti, "BKK-0001", "expenses numbered apart");
	CHECK(add(db, "g1", "2026-08-05", "iks", "iuran_iks", 30000, 0, &c, &e) == SK_OK, "add iks");
	CHECK_STR(c.no_bukti, "BKM-0001", "each book numbered apart");
	CHECK(add(db, "g2", "2026-08-05", "umum", "bantuan", 10000, 0, &c, &e) == SK_OK, "other group");
	CHECK_STR(c.no_bukti, "BKM-0001", "each group numbered apart");
	CHECK(cash_delete(db, c.id, &e) == SK_OK, "delete in an open month");
	cash_next_receipt(db, "g2", "umum", 1, no, sizeof no);
	CHECK_STR(no, "BKM-0002", "a deleted row's number is not given again");
	db_exec_write(db, "INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,masuk,diubah_pada) "
		    "VALUES('imp1','g2','2026-08-01','BKM-00012','umum','bantuan',5,'2026-08-01T00:00:00Z')", &e);
	cash_next_receipt(db, "g2", "umum", 1, no, sizeof no);
	CHECK_STR(no, "BKM-00013", "numbering continues after imported numbers, in their width");
	db_exec_write(db, "INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,masuk,diubah_pada) "
		    "VALUES('imp2','g2','2026-08-01','BKK-019','umum','pembelian',5,'2026-08-01T00:00:00Z')", &e);
	cash_next_receipt(db, "g2", "umum", 0, no, sizeof no);
	CHECK_STR(no, "BKK-020", "a paper book's 3-digit numbers go on as 3 digits");
	sk_issues is;
	c = row("g1", "2026-08-06", "umum", "penjualan", 1000, 0);
	snprintf(c.no_bukti, sizeof c.no_bukti, "BKM-0002");
	CHECK(cash_add(db, &c, &is, &e) == SK_OK, "a typed receipt number is kept");
	CHECK(sk_issues_for(&is, "no_bukti") && sk_issues_for(&is, "no_bukti")->sev == SK_SEV_WARNING,
	      "a receipt number used twice is a warning");
	CHECK(cash_balance(db, "g1", "umum", NULL) == 851000, "balance umum");
	CHECK(cash_balance(db, "g1", "umum", "2026-08-04") == 1050000, "balance up to a date");
	CHECK(cash_balance(db, "g1", "iks", NULL) == 30000, "balance iks");
}

static void test_below_zero(sk_db *db)
{
	sk_err e;
	sk_cash_row c;
	sk_issues is;
	/* g3: 100.000 in on 09-01, 80.000 out on 09-10. */
	CHECK(add(db, "g3", "2026-09-01", "umum", "bantuan", 100000, 0, NULL, &e) == SK_OK, "g3 receipt");
	CHECK(add(db, "g3", "2026-09-10", "umum", "pembelian", 0, 80000, NULL, &e) == SK_OK, "g3 expense");
	CHECK(add(db, "g3", "2026-09-11", "umum", "pembelian", 0, 20001, NULL, &e) == SK_REFUSED,
	      "expense above the balance refused");
	CHECK(strstr(e.msg, "Rp 20.000") && strstr(e.msg, "Rp 20.001"), "refusal shows the balance");
	CHECK(add(db, "g3", "2026-09-05", "umum", "pembelian", 0, 30000, NULL, &e) == SK_REFUSED,
	      "expense that makes a later day negative refused");
	CHECK(strstr(e.msg, "Rp 20.000") != NULL, "the available amount accounts for later days");
	int64_t avail = -1;
	CHECK(cash_available(db, "g3", "umum", "2026-09-05", &avail, &e) == SK_OK && avail == 20000,
	      "available from a date");
	CHECK(cash_available(db, "g3", "umum", "2026-08-01", &avail, &e) == SK_OK && avail == 0,
	      "available before any row");
	c = row("g3", "2026-09-11", "umum", "pembelian", 0, 20000);
	CHECK(cash_add(db, &c, &is, &e) == SK_OK, "spending exactly the balance is fine");
	CHECK(cash_balance(db, "g3", "umum", NULL) == 0, "balance zero");
	CHECK(add(db, "g3", "2026-09-11", "iks", "santunan", 0, 1, NULL, &e) == SK_REFUSED,
	      "empty book refuses an expense");
	/* Changes are guarded too: removing the receipt would leave the book below zero. */
	sqlite3_stmt *st;
	char id[64] = "";
	sqlite3_prepare_v2(db_handle(db), "SELECT id FROM kas WHERE kelompok_id='g3' AND masuk=100000",
			   -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(id, sizeof id, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	CHECK(cash_delete(db, id, &e) == SK_REFUSED && strstr(e.msg, "tidak boleh minus"),
	      "deleting a receipt that was spent is refused");
	sk_cash_row r;
	cash_get(db, id, &r, &e);
	r.masuk = 99999;
	CHECK(cash_update(db, &r, &is, &e) == SK_REFUSED, "lowering a spent receipt is refused");
	CHECK(cash_balance(db, "g3", "umum", NULL) == 0, "nothing changed by the refusals");
	CHECK(cash_reverse(db, id, NULL, &e) == SK_REFUSED, "reversing a spent receipt is refused");
	c = row("g3", "2026-09-11", "umum", "pembelian", 0, 0);
	CHECK(cash_add(db, &c, &is, &e) == SK_REFUSED && sk_issues_for(&is, "masuk"),
	      "one of masuk and keluar must be above zero");
}

static void test_reverse_and_edit(sk_db *db)
{
	sk_err e;
	sk_issues is;
	sk_cash_row buy, rev, rev2;
	char today[11];
	sk_today(today);
	CHECK(add(db, "g4", "2026-10-01", "umum", "bantuan", 500000, 0, NULL, &e) == SK_OK, "g4 receipt");
	CHECK(add(db, "g4", "2026-10-02", "umum", "pembelian", 0, 120000, &buy, &e) == SK_OK, "g4 buy");
	CHECK(cash_reverse(db, buy.id, &rev, &e) == SK_OK, "reverse an expense");
	CHECK(rev.masuk == 120000 && rev.keluar == 0, "reversal mirrors the amounts");
	CHECK_STR(rev.membalik_id, buy.id, "reversal names the row");
	CHECK_STR(rev.tanggal, today, "reversal dated today");
	CHECK_STR(rev.buku, "umum", "reversal in the same book");
	CHECK_STR(rev.no_bukti, "BKM-0002", "reversal of an expense gets a receipt number");
	CHECK(strstr(rev.uraian, "BKK-0001") != NULL, "reversal's description names the receipt");
	CHECK(cash_balance(db, "g4", "umum", NULL) == 500000, "balance back after the reversal");
	CHECK(cash_reverse(db, buy.id, &rev2, &e) == SK_REFUSED, "reversing twice refused");
	CHECK(cash_reverse(db, rev.id, &rev2, &e) == SK_REFUSED, "reversing a reversal refused");
	CHECK(cash_update(db, &buy, &is, &e) == SK_REFUSED, "a reversed row cannot be changed");
	CHECK(cash_delete(db, rev.id, &e) == SK_REFUSED, "a reversal cannot be deleted");

	sk_cash_row ops;
	CHECK(add(db, "g4", "2026-10-05", "umum", "operasional", 0, 10000, &ops, &e) == SK_OK, "g4 ops");
	char before[SK_TS_LEN + 1];
	snprintf(before, sizeof before, "%s", ops.diubah_pada);
	db_exec_write(db, "UPDATE kas SET diubah_pada='2026-10-05T00:00:00Z' WHERE kategori='operasional'", &e);
	ops.keluar = 15000;
	snprintf(ops.uraian, sizeof ops.uraian, "Fotokopi dan ATK");
	CHECK(cash_update(db, &ops, &is, &e) == SK_OK, "change a row in an open month");
	sk_cash_row got;
	cash_get(db, ops.id, &got, &e);
	CHECK(got.keluar == 15000 && strcmp(got.uraian, "Fotokopi dan ATK") == 0, "change stored");
	CHECK(strcmp(got.diubah_pada, "2026-10-05T00:00:00Z") > 0, "change recorded by diubah_pada");
	CHECK_STR(got.no_bukti, "BKK-0002", "receipt number kept when left empty");

	sk_cash_close cl;
	CHECK(cash_month_closed(db, "g4", "umum", "2026-10") == 0, "October open");
	CHECK(cash_close_month(db, "g4", "umum", "2026-10", 360000, "Bendahara", NULL, &cl, &e) == SK_OK,
	      "close October");
	CHECK(cl.saldo_buku == 365000 && cl.saldo_hitung == 360000 && cl.selisih == -5000,
	      "close records book balance, count and difference");
	CHECK(kube_int(db, "SELECT selisih FROM tutup_kas WHERE kelompok_id='g4' AND bulan='2026-10'") ==
	      -5000, "close stored in tutup_kas");
	CHECK(cash_month_closed(db, "g4", "umum", "2026-10") == 1, "October closed");
	CHECK(cash_month_closed(db, "g4", "umum", "2026-09") == 1, "earlier months settled too");
	CHECK(cash_month_closed(db, "g4", "iks", "2026-10") == 0, "the other book stays open");
	CHECK(cash_close_month(db, "g4", "umum", "2026-10", 1, NULL, NULL, NULL, &e) == SK_REFUSED,
	      "closing twice refused");
	CHECK(cash_close_month(db, "g4", "umum", "2026-09", 1, NULL, NULL, NULL, &e) == SK_REFUSED,
	      "closing an earlier month refused");
	CHECK(cash_close_month(db, "g4", "iks", "2199-01", 0, NULL, NULL, NULL, &e) == SK_REFUSED,
	      "a month to come cannot be closed");
	CHECK(cash_close_month(db, "g4", "iks", "2026-13", 0, NULL, NULL, NULL, &e) == SK_REFUSED,
	      "a bad month refused");
	char now[11], month[8];
	sk_today(now);
	snprintf(month, sizeof month, "%.7s", now);
	/* (On the month's last day there is nothing to refuse, and closing it would close the
	 * book for the tests below.) */
	CHECK(cash_month_over(month, now) ||
	      cash_close_month(db, "g4", "iks", month, 0, NULL, NULL, NULL, &e) == SK_REFUSED,
	      "this month cannot be closed before its last day");
	CHECK(cash_month_over("2026-10", "2026-11-01") && !cash_month_over("2026-11", "2026-11-01") &&
	      !cash_month_over("2026-11", "2026-11-29") && cash_month_over("2026-11", "2026-11-30") &&
	      !cash_month_over("2028-02", "2028-02-28") && cash_month_over("2028-02", "2028-02-29") &&
	      cash_month_over("2026-12", "2026-12-31") && !cash_month_over("2026-12", "2026-11-30"),
	      "a month is over from its last day (leap years, December)");
	ops.keluar = 16000;
	CHECK(cash_update(db, &ops, &is, &e) == SK_REFUSED && strstr(e.msg, "ditutup"),
	      "no change once the month is closed");
	CHECK(cash_delete(db, ops.id, &e) == SK_REFUSED, "no delete once the month is closed");
	CHECK(add(db, "g4", "2026-10-20", "umum", "penjualan", 1000, 0, NULL, &e) == SK_REFUSED,
	      "no new row dated in a closed month");
	CHECK(cash_reverse(db, ops.id, &rev2, &e) == SK_OK, "a closed month's row is reversed");
	CHECK_STR(rev2.tanggal, today, "its reversal dated today, in an open month");
	CHECK(cash_last_close(db, "g4", "umum", &cl, &e) == SK_OK && strcmp(cl.bulan, "2026-10") == 0,
	      "last close");
	CHECK(cash_last_close(db, "g4", "iks", &cl, &e) == SK_NOTFOUND, "never closed");

	/* The book view: running balance over the whole book, filters, reversed flag. */
	sk_cash_filter f = { "g4", "umum", NULL, NULL };
	sk_cash_line lines[10];
	int n;
	CHECK(cash_count(db, &f) == 5, "book row count");
	CHECK(cash_list(db, &f, 0, 10, lines, &n, &e) == SK_OK && n == 5, "book rows");
	CHECK(n == 5 && lines[0].saldo == 500000 && lines[1].saldo == 380000 && lines[2].saldo == 370000 - 5000,
	      "running balance row by row");
	CHECK(n == 5 && lines[1].dibalik == 1 && lines[0].dibalik == 0, "reversed rows flagged");
	CHECK(n == 5 && lines[4].saldo == cash_balance(db, "g4", "umum", NULL), "last balance is the book's");
	f.bulan = "2026-10";
	CHECK(cash_count(db, &f) == 3, "month filter");
	f.kategori = "pembelian";
	CHECK(cash_list(db, &f, 0, 10, lines, &n, &e) == SK_OK && n == 1 && lines[0].saldo == 380000,
	      "category filter keeps the book's running balance");
}

/* Opening + receipts - expenses = closing, and closing = next opening = cash_balance. */
static void test_monthly_figures(sk_db *db)
{
	static const char *const months[] = { "2026-07", "2026-08", "2026-09", "2026-10", "2026-11" };
	static char buf[8192];
	int bad = 0, rows = 0;
	for (int g = 1; g <= 4; g++) {
		char gid[16];
		snprintf(gid, sizeof gid, "g%d", g);
		int64_t prev[2] = { 0, 0 };
		for (int m = 0; m < 5; m++) {
			report_opts o = { .group_id = gid, .month = months[m], .fmt = REPORT_CSV };
			sk_err e;
			FILE *f = fmemopen(buf, sizeof buf - 1, "w");
			int rc = report_monthly(db, &o, f, &e);
			fclose(f);
			if (rc != SK_OK) {
				bad++;
				continue;
			}
			for (char *line = strchr(buf, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
				char buku[8];
				long long awal, masuk, keluar, akhir;
				const char *p = line + 1;
				for (int c = 0; c < 3 && p; c++)
					p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL;
				if (!p || sscanf(p, "%7[^,],%lld,%lld,%lld,%lld", buku, &awal, &masuk, &keluar,
						 &akhir) != 5) {
					bad++;
					continue;
				}
				int b = strcmp(buku, "iks") == 0;
				char last[16];
				snprintf(last, sizeof last, "%s-31", months[m]);
				if (awal + masuk - keluar != akhir || awal != prev[b] ||
				    akhir != cash_balance(db, gid, b ? "iks" : "umum", last))
					bad++;
				prev[b] = akhir;
				rows++;
			}
		}
	}
	CHECK(rows == 40, "monthly figures for 4 groups, 5 months, 2 books");
	CHECK(bad == 0, "opening + receipts - expenses = closing = next opening, every book and month");
}

/* The Laporan screen's chart figures and saved file. */
static void test_trend_and_file(sk_db *db)
{
	char m[8];
	report_month_add("2026-11", -11, m);
	CHECK_STR(m, "2025-12", "month arithmetic backwards over a year");
	report_month_add("2026-01", -1, m);
	CHECK_STR(m, "2025-12", "one month back in January");
	report_month_add("2026-12", 1, m);
	CHECK_STR(m, "2027-01", "one month on in December");
	report_trend_month t[12];
	sk_err e;
	CHECK(report_trend(db, "g4", "2026-11", t, &e) == SK_OK, "12-month figures");
	CHECK(strcmp(t[0].bulan, "2025-12") == 0 && strcmp(t[11].bulan, "2026-11") == 0,
	      "oldest month first");
	CHECK(t[10].saldo_umum == 365000 && t[9].saldo_umum == 0, "closing balance per month");
	CHECK(t[11].saldo_umum == cash_balance(db, "g4", "umum", "2026-11-30"),
	      "the last month's closing balance is the book's balance at its end");
	CHECK(t[10].persen_hadir == -1 && t[10].pertemuan == 0, "no meeting: no attendance rate");
	CHECK(report_trend(db, "g4", "2026-13", t, &e) == SK_REFUSED, "bad month refused");

	char path[PATH_MAX], dir[PATH_MAX];
	testlib_tmpdir(dir, sizeof dir);
	setenv("HOME", dir, 1);
	report_default_path("K/g4 x", "2026-10", path, sizeof path);
	char want[PATH_MAX + 40];
	snprintf(want, sizeof want, "%s/laporan-K-g4-x-2026-10.txt", dir);
	CHECK_STR(path, want, "default file in the home folder, code made safe");
	CHECK(report_monthly_save(db, "g4", "2026-10", path, &e) == SK_OK, "monthly report saved");
	struct stat sb;
	CHECK(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "saved report is private (0600)");
	FILE *f = fopen(path, "r");
	char buf[4096] = "";
	if (f) {
		buf[fread(buf, 1, sizeof buf - 1, f)] = '\0';
		fclose(f);
	}
	CHECK(strstr(buf, "LAPORAN BULANAN") && strstr(buf, "Oktober 2026") && strstr(buf, "365.000"),
	      "saved file holds the monthly page");
	CHECK(strstr(buf, "Uang dihitung (tutup bulan)          360.000               -") &&
	      strstr(buf, "Selisih                               -5.000               -"),
	      "the month's close: counted cash and difference");
	/* The reversals made today (of October's rows) are corrections, not receipts of their
	 * category. */
	char now[11], month[8];
	sk_today(now);
	snprintf(month, sizeof month, "%.7s", now);
	CHECK(report_monthly_save(db, "g4", month, path, &e) == SK_OK, "this month's report saved");
	f = fopen(path, "r");
	buf[0] = '\0';
	if (f) {
		buf[fread(buf, 1, sizeof buf - 1, f)] = '\0';
		fclose(f);
	}
	CHECK(strstr(buf, "Koreksi (pembalikan)") != NULL && strstr(buf, "     Pembelian") == NULL,
	      "reversals on a line of their own");
	snprintf(want, sizeof want, "%s/none/x.txt", dir);
	CHECK(report_monthly_save(db, "g4", "2026-10", want, &e) == SK_IOERR && strstr(e.msg, want),
	      "unwritable file reported");
	unlink(path);
	rmdir(dir);
}

/* Money is recorded when it moves: a date still to come is refused, today is fine. */
static void test_future(sk_db *db)
{
	char tomorrow[11], today[11];
	kube_day(1, tomorrow);
	kube_day(0, today);
	sk_cash_row c = row("g3", tomorrow, "umum", "penjualan", 1000, 0);
	sk_issues is;
	sk_err e;
	CHECK(cash_add(db, &c, &is, &e) == SK_REFUSED && sk_issues_for(&is, "tanggal"),
	      "an entry dated tomorrow is refused, on the date field");
	c = row("g3", today, "umum", "penjualan", 1000, 0);
	CHECK(cash_add(db, &c, &is, &e) == SK_OK, "an entry dated today is fine");
	sk_strlcpy(c.tanggal, tomorrow, sizeof c.tanggal);
	CHECK(cash_update(db, &c, &is, &e) == SK_REFUSED, "moving it to tomorrow is refused");
}

/* Order of the book: by date, then as entered; a reversal after its row even when merged in
 * another order. Money out is refused under an income category. */
static void test_order_and_direction(sk_db *db)
{
	char today[11];
	sk_err e;
	sk_cash_row in, out, rev;
	sk_today(today);
	CHECK(add(db, "g5", today, "umum", "lainnya", 100000, 0, &in, &e) == SK_OK, "receipt today");
	CHECK(add(db, "g5", today, "umum", "pembelian", 0, 5000, &out, &e) == SK_OK, "expense today");
	CHECK(cash_reverse(db, out.id, &rev, &e) == SK_OK, "reversed today");
	sk_cash_filter f = { "g5", "umum", NULL, NULL };
	sk_cash_line l[8];
	int n = 0;
	CHECK(cash_list(db, &f, 0, 8, l, &n, &e) == SK_OK && n == 3, "three rows");
	CHECK(n == 3 && strcmp(l[0].r.id, in.id) == 0 && strcmp(l[1].r.id, out.id) == 0 &&
	      strcmp(l[2].r.id, rev.id) == 0, "as entered: the reversal after the row it reverses");
	CHECK(n == 3 && l[0].saldo == 100000 && l[1].saldo == 95000 && l[2].saldo == 100000,
	      "running balances the box held (never 105.000)");
	/* Merged from another office: the reversal stored before its row. */
	db_exec_write(db, "INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,masuk,keluar,"
		    "membalik_id,diubah_pada) VALUES('m-rev','g5','2026-09-10','BKM-0901','iks','pembelian',"
		    "2000,0,'m-out','2026-09-10T00:00:00Z'), ('m-in','g5','2026-09-10','BKM-0900','iks',"
		    "'lainnya',10000,0,NULL,'2026-09-10T00:00:00Z'), ('m-out','g5','2026-09-10','BKK-0900',"
		    "'iks','pembelian',0,2000,NULL,'2026-09-10T00:00:00Z')", &e);
	sk_cash_filter fi = { "g5", "iks", NULL, NULL };
	CHECK(cash_list(db, &fi, 0, 8, l, &n, &e) == SK_OK && n == 3 &&
	      strcmp(l[0].r.id, "m-in") == 0 && strcmp(l[1].r.id, "m-out") == 0 &&
	      strcmp(l[2].r.id, "m-rev") == 0 && l[1].saldo == 8000 && l[2].saldo == 10000,
	      "a merged reversal comes after the row it reverses");
	sk_cash_row c = row("g5", today, "umum", "iuran_kas", 0, 1000);
	sk_issues is;
	CHECK(cash_add(db, &c, &is, &e) == SK_REFUSED && sk_issues_for(&is, "kategori"),
	      "iuran kas as money going out refused");
	c = row("g5", today, "umum", "penjualan", 0, 1000);
	CHECK(cash_add(db, &c, &is, &e) == SK_REFUSED, "sales as money going out refused");
	c = row("g5", today, "umum", "pembelian", 0, 1000);
	CHECK(cash_add(db, &c, &is, &e) == SK_OK, "purchases going out are fine");
	CHECK(cash_kategori_income_only("bantuan") && !cash_kategori_income_only("lainnya"),
	      "income-only categories");
}

int main(void)
{
	sk_db *db = fixture_db();
	kube_group(db, "g1", 5);
	kube_group(db, "g2", 5);
	kube_group(db, "g3", 5);
	kube_group(db, "g4", 5);
	kube_group(db, "g5", 5);
	test_receipts(db);
	test_below_zero(db);
	test_reverse_and_edit(db);
	test_monthly_figures(db);
	test_trend_and_file(db);
	test_future(db);
	test_order_and_direction(db);
	int problems = -1;
	sk_err e;
	CHECK(check_run(db, kube_count_problem, NULL, &problems, &e) == SK_OK && problems == 0,
	      "sikube check finds nothing after the ledger work");
	db_close(db);
	return testlib_summary();
}
