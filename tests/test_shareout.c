/* test_shareout.c - the share-out of a cycle (shareout.h): the spec's five-member example by
 * savings, with and without D's debt, equal shares, shares by service paid, the rounding
 * remainder kept, a loss, a debt larger than the payout, and hostile values. */
#include <stdint.h>
#include "shareout.h"
#include "testlib.h"

/* The spec's members A-E: savings 600/480/360/300/260 thousand. */
static void spec_members(sk_share_member m[5])
{
	static const int64_t sv[5] = { 600000, 480000, 360000, 300000, 260000 };
	memset(m, 0, 5 * sizeof *m);
	for (int i = 0; i < 5; i++)
		m[i].simpanan = sv[i];
}

/* Each row's own arithmetic: dibayar = simpanan + bagian - potongan >= 0, debt split. */
static int rows_consistent(const sk_share_member *m, const sk_share_row *r, int n)
{
	for (int i = 0; i < n; i++)
		if (r[i].simpanan != m[i].simpanan || r[i].dibayar < 0 || r[i].potongan < 0 ||
		    r[i].dibayar != r[i].simpanan + r[i].bagian_hasil - r[i].potongan ||
		    r[i].potongan + r[i].sisa_utang != m[i].utang)
			return 0;
	return 1;
}

static void test_spec_example(void)
{
	sk_share_member m[5];
	sk_share_row r[5];
	sk_shareout s;
	spec_members(m);
	CHECK(shareout_compute(BAGI_SIMPANAN, 2200000, m, 5, r, &s) == SHAREOUT_OK, "spec example computes");
	CHECK(s.laba == 200000 && s.simpanan == 2000000 && s.piutang == 0, "profit 200.000 on 2.000.000");
	CHECK(r[0].bagian_hasil == 60000 && r[1].bagian_hasil == 48000 && r[2].bagian_hasil == 36000 &&
	      r[3].bagian_hasil == 30000 && r[4].bagian_hasil == 26000, "parts 60/48/36/30/26 thousand");
	CHECK(r[0].dibayar == 660000 && r[1].dibayar == 528000 && r[2].dibayar == 396000 &&
	      r[3].dibayar == 330000 && r[4].dibayar == 286000,
	      "payouts 660.000 / 528.000 / 396.000 / 330.000 / 286.000");
	CHECK(s.sisa_pembulatan == 0 && s.saldo_akhir == 0 && s.kurang_kas == 0 && s.dibayar == 2200000,
	      "the book is emptied exactly");
	CHECK(rows_consistent(m, r, 5), "spec rows consistent");

	/* D still owes 50.000: book 2.150.000. */
	m[3].utang = 50000;
	CHECK(shareout_compute(BAGI_SIMPANAN, 2150000, m, 5, r, &s) == SHAREOUT_OK && s.laba == 200000 &&
	      s.piutang == 50000, "with D's debt the profit is the same");
	CHECK(r[3].potongan == 50000 && r[3].dibayar == 280000 && r[3].bagian_hasil == 30000 &&
	      r[3].sisa_utang == 0, "D: potongan 50.000, dibayar 280.000");
	CHECK(r[0].dibayar == 660000 && r[1].dibayar == 528000 && r[2].dibayar == 396000 &&
	      r[4].dibayar == 286000 && r[0].potongan == 0, "the others unchanged");
	CHECK(s.dibayar == 2150000 && s.saldo_akhir == 0 && s.kurang_kas == 0 && s.potongan == 50000,
	      "payouts equal the book");
	CHECK(rows_consistent(m, r, 5), "debt rows consistent");
}

static void test_methods(void)
{
	sk_share_member m[5];
	sk_share_row r[5];
	sk_shareout s;
	spec_members(m);
	CHECK(shareout_compute(BAGI_SAMA_RATA, 2200000, m, 5, r, &s) == SHAREOUT_OK &&
	      s.metode == BAGI_SAMA_RATA, "equal shares compute");
	int eq = 1;
	for (int i = 0; i < 5; i++)
		if (r[i].bagian_hasil != 40000 || r[i].dibayar != m[i].simpanan + 40000)
			eq = 0;
	CHECK(eq && s.sisa_pembulatan == 0, "sama_rata: 40.000 each");

	/* By service paid: A 90.000, C and D 45.000, B and E none (180.000 in all). */
	m[0].jasa_dibayar = 90000;
	m[2].jasa_dibayar = 45000;
	m[3].jasa_dibayar = 45000;
	CHECK(shareout_compute(BAGI_JASA, 2200000, m, 5, r, &s) == SHAREOUT_OK && s.metode == BAGI_JASA &&
	      r[0].bagian_hasil == 100000 && r[1].bagian_hasil == 0 && r[2].bagian_hasil == 50000 &&
	      r[3].bagian_hasil == 50000 && r[4].bagian_hasil == 0 && r[0].dibayar == 700000 &&
	      r[1].dibayar == 480000, "jasa: in proportion to the service each paid");
	CHECK(rows_consistent(m, r, 5), "jasa rows consistent");

	CHECK(shareout_method_parse("simpanan") == BAGI_SIMPANAN &&
	      shareout_method_parse("sama_rata") == BAGI_SAMA_RATA &&
	      shareout_method_parse("jasa") == BAGI_JASA && shareout_method_parse("Jasa") == -1 &&
	      shareout_method_parse(NULL) == -1, "metode_bagi words");
	CHECK_STR(shareout_method_name(BAGI_SAMA_RATA), "sama_rata", "method name");
	CHECK(*shareout_method_name(3) == '\0', "unknown method name empty");
}

static void test_rounding(void)
{
	sk_share_member m[3] = { { 100000, 1, 0 }, { 100000, 1, 0 }, { 100000, 1, 0 } };
	sk_share_row r[3];
	sk_shareout s;
	for (int meth = BAGI_SIMPANAN; meth <= BAGI_JASA; meth++) {
		CHECK(shareout_compute(meth, 400000, m, 3, r, &s) == SHAREOUT_OK && s.laba == 100000 &&
		      r[0].bagian_hasil == 33333 && r[2].bagian_hasil == 33333 && s.dibagi == 99999 &&
		      s.sisa_pembulatan == 1 && s.saldo_akhir == 1,
		      "100.000 among 3: 33.333 each, Rp 1 stays in the book");
	}
	/* Many uneven members: every part rounded down, the remainder below the member count. */
	sk_share_member big[20];
	sk_share_row br[20];
	uint64_t x = 12345;
	for (int i = 0; i < 20; i++) {
		x = x * 6364136223846793005u + 1442695040888963407u;
		big[i].simpanan = (int64_t)(x >> 44);
		big[i].jasa_dibayar = (int64_t)(x >> 50);
		big[i].utang = i % 4 == 0 ? (int64_t)(x >> 46) : 0;
	}
	int ok = 1;
	for (int meth = BAGI_SIMPANAN; meth <= BAGI_JASA; meth++) {
		int64_t saldo = 987654321;
		if (shareout_compute(meth, saldo, big, 20, br, &s) != SHAREOUT_OK)
			ok = 0;
		if (s.sisa_pembulatan < 0 || s.sisa_pembulatan >= 20 || !rows_consistent(big, br, 20) ||
		    s.saldo_akhir != saldo - s.dibayar)
			ok = 0;
	}
	CHECK(ok, "20 uneven members: remainder 0..19 kept, rows consistent, by every method");
}

static void test_loss_and_debt(void)
{
	sk_share_member m[5];
	sk_share_row r[5];
	sk_shareout s;
	spec_members(m);
	/* A loan of Rp 100.000 written off: the book holds 1.900.000, nothing owed. */
	CHECK(shareout_compute(BAGI_SAMA_RATA, 1900000, m, 5, r, &s) == SHAREOUT_OK && s.laba == -100000 &&
	      s.metode == BAGI_SIMPANAN, "a loss is shared by savings whatever the method");
	CHECK(r[0].bagian_hasil == -30000 && r[1].bagian_hasil == -24000 && r[2].bagian_hasil == -18000 &&
	      r[3].bagian_hasil == -15000 && r[4].bagian_hasil == -13000 && r[0].dibayar == 570000,
	      "each loses 5 % of savings");
	CHECK(s.saldo_akhir == 0 && s.kurang_kas == 0, "the loss empties the book exactly");
	sk_share_member three[3] = { { 1, 0, 0 }, { 1, 0, 0 }, { 1, 0, 0 } };
	CHECK(shareout_compute(BAGI_JASA, 2, three, 3, r, &s) == SHAREOUT_OK && s.laba == -1 &&
	      r[0].bagian_hasil == -1 && r[0].dibayar == 0 && s.dibagi == -3 && s.sisa_pembulatan == 2 &&
	      s.saldo_akhir == 2 && s.kurang_kas == 0,
	      "a loss rounds down too: payouts never exceed the book");
	sk_share_member all_lost[2] = { { 500, 0, 0 }, { 300, 0, 0 } };
	CHECK(shareout_compute(BAGI_SIMPANAN, 0, all_lost, 2, r, &s) == SHAREOUT_OK && s.laba == -800 &&
	      r[0].dibayar == 0 && r[1].dibayar == 0 && s.saldo_akhir == 0,
	      "everything lost: nobody is paid, nobody owes");

	/* A debt larger than the payout stays a loan; the book then lacks the cash. */
	sk_share_member d[2] = { { 100, 0, 0 }, { 100, 0, 150 } };
	CHECK(shareout_compute(BAGI_SIMPANAN, 50, d, 2, r, &s) == SHAREOUT_OK && s.laba == 0 &&
	      r[1].potongan == 100 && r[1].dibayar == 0 && r[1].sisa_utang == 50 && r[0].dibayar == 100 &&
	      s.sisa_utang == 50 && s.saldo_akhir == -50 && s.kurang_kas == 50,
	      "debt 150 against 100: 50 stays a loan, the book is 50 short");
	CHECK(rows_consistent(d, r, 2), "debt rows consistent");
}

static void test_refused(void)
{
	sk_share_member m[5];
	sk_share_row r[5];
	sk_shareout s;
	spec_members(m);
	CHECK(shareout_compute(BAGI_JASA, 2200000, m, 5, r, &s) == SHAREOUT_E_NO_WEIGHT && s.laba == 0 &&
	      r[0].dibayar == 0, "a profit by service where nobody paid service: refused, zeroed");
	sk_share_member none[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
	CHECK(shareout_compute(BAGI_SIMPANAN, 1000, none, 2, r, &s) == SHAREOUT_E_NO_WEIGHT,
	      "a profit by savings where nobody saved: refused");
	CHECK(shareout_compute(BAGI_SAMA_RATA, 1000, none, 2, r, &s) == SHAREOUT_OK && r[0].bagian_hasil == 500,
	      "equal shares need no weight");
	CHECK(shareout_compute(BAGI_JASA, 0, none, 2, r, &s) == SHAREOUT_OK && s.laba == 0,
	      "nothing to share, nothing refused");
	CHECK(shareout_compute(BAGI_SIMPANAN, 100, m, 0, r, &s) == SHAREOUT_E_INPUT, "no member");
	CHECK(shareout_compute(BAGI_SIMPANAN, -1, m, 5, r, &s) == SHAREOUT_E_INPUT, "negative book");
	CHECK(shareout_compute(7, 100, m, 5, r, &s) == SHAREOUT_E_METHOD, "unknown method");
	m[2].simpanan = -5;
	CHECK(shareout_compute(BAGI_SIMPANAN, 100, m, 5, r, &s) == SHAREOUT_E_INPUT, "negative savings");
	spec_members(m);
	m[1].utang = -1;
	CHECK(shareout_compute(BAGI_SIMPANAN, 100, m, 5, r, &s) == SHAREOUT_E_INPUT, "negative debt");
	spec_members(m);
	m[1].jasa_dibayar = -1;
	CHECK(shareout_compute(BAGI_JASA, 100, m, 5, r, &s) == SHAREOUT_E_INPUT, "negative service");

	sk_share_member huge[2] = { { INT64_MAX, 0, 0 }, { 1, 0, 0 } };
	CHECK(shareout_compute(BAGI_SIMPANAN, 0, huge, 2, r, &s) == SHAREOUT_E_OVERFLOW,
	      "savings above int64 in all refused");
	sk_share_member owed[1] = { { 0, 0, INT64_MAX } };
	CHECK(shareout_compute(BAGI_SIMPANAN, INT64_MAX, owed, 1, r, &s) == SHAREOUT_E_OVERFLOW,
	      "book + debts above int64 refused");
	sk_share_member rich[2] = { { INT64_MAX / 2, 0, 0 }, { INT64_MAX / 2, 0, 0 } };
	CHECK(shareout_compute(BAGI_SIMPANAN, INT64_MAX, rich, 2, r, &s) == SHAREOUT_OK && s.laba == 1 &&
	      r[0].bagian_hasil == 0 && s.sisa_pembulatan == 1 && rows_consistent(rich, r, 2),
	      "the largest books share exactly (128-bit products)");
	sk_share_member one[1] = { { 0, 0, 0 } };
	CHECK(shareout_compute(BAGI_SAMA_RATA, INT64_MAX, one, 1, r, &s) == SHAREOUT_OK &&
	      r[0].dibayar == INT64_MAX, "one member takes a book of INT64_MAX");
}

int main(void)
{
	test_spec_example();
	test_methods();
	test_rounding();
	test_loss_and_debt();
	test_refused();
	return testlib_summary();
}
