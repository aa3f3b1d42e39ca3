/* test_loan_calc.c - loan schedules (flat and declining, weekly and monthly, the spec's
 * Rp 300.000 example), due dates, arrears and days late on a date, status, late instalments,
 * the limit and cash checks, and hostile values (loan_calc.h). */
#include <stdint.h>
#include "fixmath.h"
#include "loan_calc.h"
#include "testlib.h"

static sk_loan_schedule S; /* 25 KB: static, reused */

static sk_loan_terms terms(const char *tanggal, int64_t pokok, int rate, int metode, int jumlah,
			   int jarak)
{
	sk_loan_terms t;
	memset(&t, 0, sizeof t);
	snprintf(t.tanggal, sizeof t.tanggal, "%s", tanggal);
	t.pokok = pokok;
	t.rate = rate;
	t.metode = metode;
	t.jumlah = jumlah;
	t.jarak = jarak;
	return t;
}

static int sched(const char *tanggal, int64_t pokok, int rate, int metode, int jumlah, int jarak)
{
	sk_loan_terms t = terms(tanggal, pokok, rate, metode, jumlah, jarak);
	return loan_schedule(&t, &S);
}

/* Sums of the schedule's instalments agree with its totals, and the balance runs down. */
static int consistent(void)
{
	int64_t p = 0, j = 0, sisa = S.pokok;
	for (int k = 0; k < S.n; k++) {
		p += S.at[k].pokok;
		j += S.at[k].jasa;
		sisa -= S.at[k].pokok;
		if (S.at[k].sisa_pokok != sisa || S.at[k].jumlah != S.at[k].pokok + S.at[k].jasa ||
		    S.at[k].pokok < 0 || S.at[k].jasa < 0)
			return 0;
	}
	return p == S.pokok && j == S.jasa && S.jumlah == S.pokok + S.jasa && sisa == 0;
}

static void test_words(void)
{
	char b[16];
	int h = -5;
	CHECK(loan_method_parse("flat") == LOAN_FLAT && loan_method_parse("menurun") == LOAN_MENURUN &&
	      loan_method_parse("FLAT") == -1 && loan_method_parse(NULL) == -1, "metode_jasa words");
	CHECK(loan_interval_parse("minggu") == LOAN_MINGGU && loan_interval_parse("bulan") == LOAN_BULAN &&
	      loan_interval_parse("hari") == -1, "jarak_angsuran words");
	CHECK_STR(loan_method_name(LOAN_MENURUN), "menurun", "method name");
	CHECK_STR(loan_interval_name(LOAN_BULAN), "bulan", "interval name");
	CHECK_STR(loan_status_name(LOAN_DIHAPUSBUKUKAN), "dihapusbukukan", "status name");
	CHECK_STR(loan_status_name(LOAN_BERJALAN), "berjalan", "status berjalan");
	CHECK(*loan_method_name(9) == '\0' && *loan_status_name(-1) == '\0', "unknown values: empty");

	CHECK(loan_rate_parse("2", &h) == FX_OK && h == 200, "rate 2 %");
	CHECK(loan_rate_parse("0", &h) == FX_OK && h == 0, "interest-free (Banjarmasin)");
	CHECK(loan_rate_parse("10", &h) == FX_OK && h == 1000, "rate 10 % is the maximum");
	CHECK(loan_rate_parse("0.01", &h) == FX_OK && h == 1, "smallest step 0.01 %");
	CHECK(loan_rate_parse("10.01", &h) == FX_RANGE, "above 10 % refused");
	CHECK(loan_rate_parse("", &h) == FX_SYNTAX, "the rate is required");
	CHECK(loan_rate_parse("1,5", &h) == FX_SYNTAX, "the bundle uses '.'");
	CHECK(loan_rate_parse_typed(" 1,5 ", &h) == FX_OK && h == 150, "a clerk may type 1,5");
	CHECK(loan_rate_parse("2.125", &h) == FX_SYNTAX, "three decimals refused");
	CHECK_STR(loan_rate_format(150, b, sizeof b), "1.5", "rate written back exactly");
	CHECK_STR(loan_rate_format(1000, b, sizeof b), "10", "10 written back");
	int all = 1;
	for (int v = 0; v <= LOAN_RATE_MAX; v++) {
		int back = -1;
		if (loan_rate_parse(loan_rate_format(v, b, sizeof b), &back) != FX_OK || back != v)
			all = 0;
	}
	CHECK(all, "every rate 0.00 .. 10.00 round-trips");

	CHECK(loan_limit_parse("", &h) == FX_OK && h == -1, "empty limit = none");
	CHECK(loan_limit_parse(NULL, &h) == FX_OK && h == -1, "NULL limit = none");
	CHECK(loan_limit_parse("2", &h) == FX_OK && h == 200, "limit 2 times");
	CHECK(loan_limit_parse("1.5", &h) == FX_OK && h == 150, "limit 1.5 times");
	CHECK(loan_limit_parse("0", &h) == FX_OK && h == 0, "limit 0 accepted as written");
	CHECK(loan_limit_parse("1000", &h) == FX_OK && h == 100000, "limit 1000 times");
	CHECK(loan_limit_parse("1000.01", &h) == FX_RANGE, "limit above 1000 refused");
	CHECK(loan_limit_parse(" ", &h) == FX_SYNTAX, "a space is not empty in the bundle");
	CHECK(loan_limit_parse_typed("  ", &h) == FX_OK && h == -1, "typed blank = none");
	CHECK(loan_limit_parse_typed("2,5", &h) == FX_OK && h == 250, "typed 2,5");
	CHECK(loan_limit_parse("-1", &h) == FX_SYNTAX, "negative limit refused");
	CHECK_STR(loan_limit_format(-1, b, sizeof b), "", "no limit written empty");
	CHECK_STR(loan_limit_format(250, b, sizeof b), "2.5", "limit written back");
}

static void test_dates(void)
{
	char d[11];
	CHECK(loan_due_date("2025-01-06", LOAN_MINGGU, 1, d) == 0 && !strcmp(d, "2025-01-13"), "a week on");
	CHECK(loan_due_date("2024-12-30", LOAN_MINGGU, 1, d) == 0 && !strcmp(d, "2025-01-06"),
	      "weekly across the new year");
	CHECK(loan_due_date("2024-02-22", LOAN_MINGGU, 1, d) == 0 && !strcmp(d, "2024-02-29"),
	      "weekly onto a leap day");
	CHECK(loan_due_date("2025-01-06", LOAN_MINGGU, 0, d) == 0 && !strcmp(d, "2025-01-06"), "k 0");
	CHECK(loan_due_date("2024-01-31", LOAN_BULAN, 1, d) == 0 && !strcmp(d, "2024-02-29"),
	      "31 January + 1 month = 29 February in a leap year");
	CHECK(loan_due_date("2025-01-31", LOAN_BULAN, 1, d) == 0 && !strcmp(d, "2025-02-28"),
	      "... 28 February otherwise");
	CHECK(loan_due_date("2024-01-31", LOAN_BULAN, 2, d) == 0 && !strcmp(d, "2024-03-31"),
	      "the day does not drift: 31 March after February");
	CHECK(loan_due_date("2024-01-31", LOAN_BULAN, 3, d) == 0 && !strcmp(d, "2024-04-30"), "30 April");
	CHECK(loan_due_date("2025-11-15", LOAN_BULAN, 2, d) == 0 && !strcmp(d, "2026-01-15"),
	      "monthly across the new year");
	CHECK(loan_due_date("2199-12-25", LOAN_MINGGU, 1, d) == -1, "after 2199 refused");
	CHECK(loan_due_date("2199-12-25", LOAN_BULAN, 1, d) == -1, "after 2199 refused (monthly)");
	CHECK(loan_due_date("2025-02-30", LOAN_MINGGU, 1, d) == -1, "not a real date");
	CHECK(loan_due_date("2025-01-06", 7, 1, d) == -1, "unknown interval");
	CHECK(loan_due_date("2025-01-06", LOAN_MINGGU, -1, d) == -1, "negative k");
	CHECK(loan_due_date("2025-01-06", LOAN_BULAN, 2000000000, d) == -1, "huge k refused");
	CHECK(loan_days_between("2024-02-28", "2024-03-01") == 2, "days across a leap day");
	CHECK(loan_days_between("2025-03-01", "2025-02-28") == -1, "negative span");
	CHECK(loan_days_between("1900-01-01", "2199-12-31") == 109572, "the whole range");
	CHECK(loan_days_between("2025-13-01", "2025-01-01") == 0, "a bad date gives 0");
}

static void test_schedule_flat(void)
{
	/* The spec's example: 300.000 at 2 % a month flat, 12 weekly instalments (3 months). */
	CHECK(sched("2025-01-06", 300000, 200, LOAN_FLAT, 12, LOAN_MINGGU) == LOAN_OK, "example schedule");
	int each = 1;
	for (int k = 0; k < S.n; k++)
		if (S.at[k].pokok != 25000 || S.at[k].jasa != 1500 || S.at[k].jumlah != 26500)
			each = 0;
	CHECK(S.n == 12 && each, "each instalment Rp 26.500 = 25.000 + 1.500");
	CHECK(S.jasa == 18000 && S.jumlah == 318000, "service Rp 18.000 in all");
	CHECK(!strcmp(S.at[0].jatuh_tempo, "2025-01-13") && !strcmp(S.at[11].jatuh_tempo, "2025-03-31"),
	      "first due one week after the loan, the twelfth 12 weeks after");
	CHECK(S.at[0].sisa_pokok == 275000 && S.at[11].sisa_pokok == 0, "balance after each");
	CHECK(consistent(), "example consistent");

	/* Monthly flat: 1.000.000 at 1.5 % for 10 months. */
	CHECK(sched("2025-01-15", 1000000, 150, LOAN_FLAT, 10, LOAN_BULAN) == LOAN_OK &&
	      S.at[0].pokok == 100000 && S.at[0].jasa == 15000 && S.jasa == 150000 &&
	      !strcmp(S.at[9].jatuh_tempo, "2025-11-15") && consistent(),
	      "monthly flat: 100.000 + 15.000 a month, due the 15th");

	/* Rounding: principal and service rounded down, the last instalment takes the rest. */
	CHECK(sched("2025-01-06", 250000, 125, LOAN_FLAT, 7, LOAN_MINGGU) == LOAN_OK, "rounding case");
	CHECK(S.jasa == 5468, "service in all = floor(250.000 x 1.25 % x 7/4) = 5.468");
	CHECK(S.at[0].pokok == 35714 && S.at[5].pokok == 35714 && S.at[6].pokok == 35716,
	      "principal 35.714, the last 35.716");
	CHECK(S.at[0].jasa == 781 && S.at[5].jasa == 781 && S.at[6].jasa == 782,
	      "service 781, the last 782");
	CHECK(consistent(), "rounding case consistent");

	CHECK(sched("2025-01-06", 500000, 0, LOAN_FLAT, 10, LOAN_MINGGU) == LOAN_OK && S.jasa == 0 &&
	      S.at[9].jasa == 0 && S.jumlah == 500000, "interest-free: no service at all");
	CHECK(sched("2025-01-06", 1, 1000, LOAN_FLAT, 1, LOAN_MINGGU) == LOAN_OK && S.n == 1 &&
	      S.at[0].pokok == 1 && S.at[0].jasa == 0, "Rp 1 for one week: service rounds to 0");
	CHECK(sched("2025-01-06", 7, 0, LOAN_FLAT, 10, LOAN_MINGGU) == LOAN_OK &&
	      S.at[0].pokok == 0 && S.at[9].pokok == 7 && consistent(),
	      "fewer rupiah than instalments: the last takes them all");
	CHECK(sched("2025-01-06", 1000000, 1000, LOAN_FLAT, LOAN_MAX_INSTALMENTS, LOAN_MINGGU) == LOAN_OK &&
	      S.n == LOAN_MAX_INSTALMENTS && consistent(), "the longest loan");
}

static void test_schedule_menurun(void)
{
	CHECK(sched("2025-01-10", 1200000, 200, LOAN_MENURUN, 12, LOAN_BULAN) == LOAN_OK, "declining monthly");
	int ok = 1;
	for (int k = 0; k < 12; k++)
		if (S.at[k].pokok != 100000 || S.at[k].jasa != 24000 - 2000 * k)
			ok = 0;
	CHECK(ok && S.jasa == 156000 && consistent(),
	      "2 % on the balance: 24.000, 22.000, ... 2.000; 156.000 in all");

	CHECK(sched("2025-01-06", 1000000, 200, LOAN_MENURUN, 4, LOAN_MINGGU) == LOAN_OK &&
	      S.at[0].jasa == 5000 && S.at[1].jasa == 3750 && S.at[2].jasa == 2500 &&
	      S.at[3].jasa == 1250 && S.jasa == 12500 && consistent(),
	      "declining weekly: a quarter of the monthly rate on the balance");

	/* The fractions of the rounded-down instalments go to the last one. */
	CHECK(sched("2025-01-06", 1000, 30, LOAN_MENURUN, 3, LOAN_MINGGU) == LOAN_OK &&
	      S.at[0].pokok == 333 && S.at[2].pokok == 334 && S.at[0].jasa == 0 && S.at[1].jasa == 0 &&
	      S.at[2].jasa == 1 && S.jasa == 1 && consistent(),
	      "declining rounding: 0 + 0 + 1 (total 1,50075 rounded down once)");

	CHECK(sched("2025-01-06", 300000, 200, LOAN_MENURUN, 12, LOAN_MINGGU) == LOAN_OK &&
	      S.at[0].jasa == 1500 && S.at[11].jasa == 125 && S.jasa == 9750 && consistent(),
	      "the spec's loan declining: 1.500 down to 125, 9.750 in all");
	CHECK(sched("2025-01-06", 300000, 0, LOAN_MENURUN, 12, LOAN_MINGGU) == LOAN_OK && S.jasa == 0,
	      "declining and interest-free");
}

static void test_schedule_refused(void)
{
	CHECK(sched("2025-01-06", 0, 200, LOAN_FLAT, 12, LOAN_MINGGU) == LOAN_E_POKOK && S.n == 0,
	      "pokok 0 refused");
	CHECK(sched("2025-01-06", -5, 200, LOAN_FLAT, 12, LOAN_MINGGU) == LOAN_E_POKOK, "negative pokok");
	CHECK(sched("2025-01-06", 1000, 1001, LOAN_FLAT, 12, LOAN_MINGGU) == LOAN_E_RATE, "rate above 10 %");
	CHECK(sched("2025-01-06", 1000, -1, LOAN_FLAT, 12, LOAN_MINGGU) == LOAN_E_RATE, "negative rate");
	CHECK(sched("2025-01-06", 1000, 200, 2, 12, LOAN_MINGGU) == LOAN_E_METHOD, "unknown method");
	CHECK(sched("2025-01-06", 1000, 200, LOAN_FLAT, 0, LOAN_MINGGU) == LOAN_E_COUNT, "0 instalments");
	CHECK(sched("2025-01-06", 1000, 200, LOAN_FLAT, LOAN_MAX_INSTALMENTS + 1, LOAN_MINGGU) ==
	      LOAN_E_COUNT, "521 instalments");
	CHECK(sched("2025-01-06", 1000, 200, LOAN_FLAT, 12, 3) == LOAN_E_INTERVAL, "unknown interval");
	CHECK(sched("2025-02-29", 1000, 200, LOAN_FLAT, 12, LOAN_MINGGU) == LOAN_E_DATE, "not a date");
	CHECK(sched("", 1000, 200, LOAN_FLAT, 12, LOAN_MINGGU) == LOAN_E_DATE, "no date");
	CHECK(sched("2199-11-01", 1000, 200, LOAN_FLAT, 12, LOAN_BULAN) == LOAN_E_FAR,
	      "last instalment after 2199 refused");
	/* Huge values refuse, never wrap. */
	CHECK(sched("2025-01-06", INT64_MAX, 1000, LOAN_FLAT, 520, LOAN_MINGGU) == LOAN_E_OVERFLOW && S.n == 0,
	      "flat service above int64 refused");
	CHECK(sched("2025-01-06", INT64_MAX / 2, 100, LOAN_MENURUN, 4, LOAN_MINGGU) == LOAN_E_OVERFLOW,
	      "declining sum of balances above int64 refused");
	CHECK(sched("2025-01-06", INT64_MAX, 1, LOAN_FLAT, 1, LOAN_BULAN) == LOAN_E_OVERFLOW,
	      "principal + service above int64 refused");
	CHECK(sched("2025-01-06", INT64_MAX, 0, LOAN_FLAT, 1, LOAN_BULAN) == LOAN_OK &&
	      S.jumlah == INT64_MAX, "the largest interest-free loan still fits");
	CHECK(sched("2025-01-06", INT64_MAX / 1000, 1000, LOAN_MENURUN, 520, LOAN_BULAN) == LOAN_E_OVERFLOW ||
	      consistent(), "a huge declining loan either refuses or adds up");
}

static sk_repayment pay(const char *d, int64_t pokok, int64_t jasa)
{
	sk_repayment r;
	snprintf(r.tanggal, sizeof r.tanggal, "%s", d);
	r.pokok = pokok;
	r.jasa = jasa;
	return r;
}

static void test_due_and_arrears(void)
{
	sched("2025-01-06", 300000, 200, LOAN_FLAT, 12, LOAN_MINGGU);
	sk_loan_due due;
	loan_due_by(&S, "2025-01-12", &due);
	CHECK(due.count == 0 && due.pokok == 0 && due.jasa == 0, "nothing due before the first week");
	loan_due_by(&S, "2025-01-13", &due);
	CHECK(due.count == 1 && due.pokok == 25000 && due.jasa == 1500, "due on the due date itself");
	loan_due_by(&S, "2025-02-05", &due);
	CHECK(due.count == 4 && due.pokok == 100000 && due.jasa == 6000,
	      "four due by 5 February (the fifth falls on the 10th)");
	loan_due_by(&S, "2030-01-01", &due);
	CHECK(due.count == 12 && due.pokok == 300000 && due.jasa == 18000, "all due later");

	sk_repayment r[8];
	int n = 0;
	r[n++] = pay("2025-01-13", 25000, 1500);
	r[n++] = pay("2025-01-20", 25000, 1500);
	r[n++] = pay("2025-02-10", 50000, 3000); /* late: after it, the loan catches up to 4 of 5 */
	sk_loan_position p;
	CHECK(loan_position(&S, r, n, "2025-01-26", NULL, &p) == LOAN_OK && p.tunggakan == 0 &&
	      p.status == LOAN_BERJALAN && p.hari_terlambat == 0 && p.sisa_pokok == 250000 &&
	      p.due_count == 2, "paid on time: running, no arrears");
	CHECK(loan_position(&S, r, n, "2025-01-27", NULL, &p) == LOAN_OK && p.tunggakan == 26500 &&
	      p.status == LOAN_MENUNGGAK && p.hari_terlambat == 0 && !strcmp(p.tertua, "2025-01-27"),
	      "on its due date, unpaid: in arrears, 0 days late");
	CHECK(loan_position(&S, r, n, "2025-02-03", "", &p) == LOAN_OK && p.tunggakan_pokok == 50000 &&
	      p.tunggakan_jasa == 3000 && p.tunggakan == 53000 && p.hari_terlambat == 7 &&
	      p.due_pokok == 100000 && p.paid_pokok == 50000 && p.status == LOAN_MENUNGGAK,
	      "arrears on 3 February: 2 instalments (50.000 + 3.000), 7 days late");
	CHECK(loan_position(&S, r, n, "2025-02-10", NULL, &p) == LOAN_OK && p.tunggakan == 26500 &&
	      p.hari_terlambat == 0 && !strcmp(p.tertua, "2025-02-10") && p.sisa_pokok == 200000,
	      "after the late repayment: only the instalment due that day is open");

	/* A reversed repayment counts until the reversal's date. */
	sk_repayment rv[2] = { pay("2025-01-13", 25000, 1500), pay("2025-01-15", -25000, -1500) };
	CHECK(loan_position(&S, rv, 2, "2025-01-14", NULL, &p) == LOAN_OK && p.tunggakan == 0,
	      "before its reversal the repayment counts");
	CHECK(loan_position(&S, rv, 2, "2025-01-15", NULL, &p) == LOAN_OK && p.tunggakan == 26500 &&
	      p.hari_terlambat == 2, "from the reversal on it does not: 2 days late");

	/* Principal ahead, service behind: each part on its own. */
	sk_repayment split[1] = { pay("2025-01-13", 50000, 0) };
	CHECK(loan_position(&S, split, 1, "2025-01-20", NULL, &p) == LOAN_OK && p.tunggakan_pokok == 0 &&
	      p.tunggakan_jasa == 3000 && p.hari_terlambat == 7 && p.status == LOAN_MENUNGGAK,
	      "principal paid ahead does not cover the service");

	CHECK(loan_position(&S, r, n, "2025-02-31", NULL, &p) == LOAN_E_DATE, "a bad date refused");
}

static void test_status(void)
{
	sched("2025-01-06", 300000, 200, LOAN_FLAT, 12, LOAN_MINGGU);
	sk_repayment r[12];
	for (int k = 0; k < 12; k++)
		r[k] = pay(S.at[k].jatuh_tempo, 25000, 1500);
	sk_loan_position p;
	CHECK(loan_position(&S, r, 12, "2025-03-31", NULL, &p) == LOAN_OK && p.status == LOAN_LUNAS &&
	      p.sisa_pokok == 0 && p.paid_jasa == 18000, "every instalment paid: lunas");
	CHECK(loan_position(&S, r, 12, "2025-03-30", NULL, &p) == LOAN_OK && p.status == LOAN_BERJALAN,
	      "the day before the last instalment: running");

	/* Early payoff: the service still to come is not owed. */
	sk_repayment early[2] = { pay("2025-01-13", 25000, 1500), pay("2025-01-20", 275000, 1500) };
	CHECK(loan_position(&S, early, 2, "2025-01-20", NULL, &p) == LOAN_OK && p.status == LOAN_LUNAS &&
	      p.due_jasa == 3000 && p.tunggakan == 0, "paid off in week 2: lunas, service of 2 weeks");
	CHECK(loan_position(&S, early, 2, "2025-06-30", NULL, &p) == LOAN_OK && p.status == LOAN_LUNAS &&
	      p.tunggakan == 0 && p.due_pokok == 300000, "and stays lunas after the last due date");
	sk_repayment at_once[1] = { pay("2025-01-08", 300000, 0) };
	CHECK(loan_position(&S, at_once, 1, "2025-04-01", NULL, &p) == LOAN_OK && p.status == LOAN_LUNAS &&
	      p.due_jasa == 0, "returned before the first due date: no service");
	sk_repayment no_service[1] = { pay("2025-01-20", 300000, 0) };
	CHECK(loan_position(&S, no_service, 1, "2025-02-01", NULL, &p) == LOAN_OK &&
	      p.status == LOAN_MENUNGGAK && p.tunggakan_jasa == 3000 && p.sisa_pokok == 0 &&
	      p.hari_terlambat == 19, "principal back but service of 2 weeks unpaid: in arrears");

	/* Written off. */
	sk_repayment one[1] = { pay("2025-01-13", 25000, 1500) };
	CHECK(loan_position(&S, one, 1, "2025-03-10", "2025-03-01", &p) == LOAN_OK &&
	      p.status == LOAN_DIHAPUSBUKUKAN && p.sisa_pokok == 275000 && p.tunggakan > 0,
	      "written off: dihapusbukukan, the figures kept");
	CHECK(loan_position(&S, one, 1, "2025-02-20", "2025-03-01", &p) == LOAN_OK &&
	      p.status == LOAN_MENUNGGAK, "before its write-off it was in arrears");
	CHECK(loan_position(&S, NULL, 0, "2025-01-06", NULL, &p) == LOAN_OK && p.status == LOAN_BERJALAN &&
	      p.sisa_pokok == 300000, "new loan, no repayment: running");

	/* Hostile repayments refuse rather than wrap. */
	sk_repayment big[2] = { pay("2025-01-13", INT64_MAX, 0), pay("2025-01-14", 1, 0) };
	CHECK(loan_position(&S, big, 2, "2025-02-01", NULL, &p) == LOAN_E_OVERFLOW, "sum above int64");
	sk_repayment neg[1] = { pay("2025-01-13", INT64_MIN + 1, 0) };
	CHECK(loan_position(&S, neg, 1, "2025-02-01", NULL, &p) == LOAN_E_OVERFLOW,
	      "a huge negative net: what is owed would overflow");
	sk_repayment negj[1] = { pay("2025-01-13", 0, INT64_MIN + 1) };
	CHECK(loan_position(&S, negj, 1, "2025-02-01", NULL, &p) == LOAN_E_OVERFLOW,
	      "a huge negative service net refused");
}

static void test_late(void)
{
	sched("2025-01-06", 300000, 200, LOAN_FLAT, 12, LOAN_MINGGU);
	sk_repayment r = pay("2025-01-13", 25000, 1500);
	CHECK(loan_late_instalments(&S, 0, 0, &r) == 0, "paid on its due date: not late");
	r = pay("2025-01-14", 25000, 1500);
	CHECK(loan_late_instalments(&S, 0, 0, &r) == 1, "a day after: one late instalment");
	r = pay("2025-02-05", 53000 - 3000, 3000);
	CHECK(loan_late_instalments(&S, 50000, 3000, &r) == 2,
	      "two overdue instalments paid together: two fines");
	r = pay("2025-02-05", 20000, 1000);
	CHECK(loan_late_instalments(&S, 50000, 3000, &r) == 0, "a part that completes none: no fine yet");
	r = pay("2025-02-05", 5000, 500);
	CHECK(loan_late_instalments(&S, 70000, 4000, &r) == 1, "the part that completes it: one fine");
	r = pay("2025-02-05", 25000, 1500);
	CHECK(loan_late_instalments(&S, 75000, 4500, &r) == 1,
	      "the next overdue one completed the same day: one more");
	r = pay("2025-02-03", 25000, 1500);
	CHECK(loan_late_instalments(&S, 75000, 4500, &r) == 0,
	      "the instalment due today is not late (the earlier ones were already paid)");
	r = pay("2025-01-20", 50000, 0);
	CHECK(loan_late_instalments(&S, 0, 0, &r) == 0, "principal without the service completes nothing");
	r = pay("2025-01-20", INT64_MAX, 0);
	CHECK(loan_late_instalments(&S, 1, 0, &r) == 0, "an overflowing amount fines nobody");
}

static void test_checks(void)
{
	sk_loan_limit l;
	CHECK(loan_limit_check(600000, 300000, 200, &l) == 1 && l.batas == 600000 && l.lebih == 0,
	      "exactly 2 x savings is allowed");
	CHECK(loan_limit_check(600001, 300000, 200, &l) == 0 && l.batas == 600000 && l.lebih == 1 &&
	      l.simpanan == 300000 && l.kali == 200 && l.pokok == 600001, "one rupiah over: refused, numbers said");
	CHECK(loan_limit_check(500000, 333333, 150, &l) == 0 && l.batas == 499999 && l.lebih == 1,
	      "1.5 x 333.333 = 499.999,5: the limit rounds down");
	CHECK(loan_limit_check(INT64_MAX, 0, -1, &l) == 1 && l.kali == -1 && l.batas == INT64_MAX,
	      "no limit");
	CHECK(loan_limit_check(1, 1000000, 0, &l) == 0 && l.batas == 0, "limit 0: no loan possible");
	CHECK(loan_limit_check(100, -500, 200, &l) == 0 && l.simpanan == 0 && l.batas == 0,
	      "negative savings count as none");
	CHECK(loan_limit_check(INT64_MAX, INT64_MAX, LOAN_LIMIT_MAX, &l) == 1 && l.batas == INT64_MAX,
	      "a limit beyond int64 saturates");
	int64_t kurang = -1;
	CHECK(loan_cash_check(500000, 500000, &kurang) == 1 && kurang == 0, "the whole fund may be lent");
	CHECK(loan_cash_check(500000, 400000, &kurang) == 0 && kurang == 100000, "short by 100.000");
	CHECK(loan_cash_check(500000, -100, &kurang) == 0 && kurang == 500100, "a negative book");
	CHECK(loan_cash_check(INT64_MAX, INT64_MIN, &kurang) == 0 && kurang == INT64_MAX,
	      "a shortfall beyond int64 saturates");

	CHECK(loan_par_permille(300, 1000) == 300, "PAR 30,0 %");
	CHECK(loan_par_permille(1, 3) == 333 && loan_par_permille(2, 3) == 667, "rounded half up");
	CHECK(loan_par_permille(1, 2000) == 1 && loan_par_permille(1, 2001) == 0, "a half rounds up");
	CHECK(loan_par_permille(0, 1000) == 0 && loan_par_permille(5, 5) == 1000, "none and all");
	CHECK(loan_par_permille(6, 5) == 1000, "more at risk than outstanding: all");
	CHECK(loan_par_permille(0, 0) == -1 && loan_par_permille(-1, 5) == -1, "nothing outstanding");
	CHECK(loan_par_permille(INT64_MAX - 1, INT64_MAX) == 1000, "huge amounts");
}

int main(void)
{
	test_words();
	test_dates();
	test_schedule_flat();
	test_schedule_menurun();
	test_schedule_refused();
	test_due_and_arrears();
	test_status();
	test_late();
	test_checks();
	return testlib_summary();
}
