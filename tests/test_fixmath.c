/* test_fixmath.c - two-place decimals and checked int64 arithmetic (fixmath.h). */
#include <stdint.h>
#include "fixmath.h"
#include "testlib.h"

static void test_parse(void)
{
	int64_t v = -7;
	CHECK(fx_parse2("2", 1000, &v) == FX_OK && v == 200, "2 is 200 hundredths");
	CHECK(fx_parse2("1.5", 1000, &v) == FX_OK && v == 150, "1.5 is 150");
	CHECK(fx_parse2("0.25", 1000, &v) == FX_OK && v == 25, "0.25 is 25");
	CHECK(fx_parse2("0.05", 1000, &v) == FX_OK && v == 5, "0.05 is 5");
	CHECK(fx_parse2("0", 1000, &v) == FX_OK && v == 0, "0 is 0");
	CHECK(fx_parse2("10.00", 1000, &v) == FX_OK && v == 1000, "10.00 is the maximum itself");
	CHECK(fx_parse2("0002.50", 1000, &v) == FX_OK && v == 250, "leading zeros are harmless");
	v = -7;
	CHECK(fx_parse2("10.01", 1000, &v) == FX_RANGE && v == -7, "10.01 above 10: range, out untouched");
	CHECK(fx_parse2("11", 1000, &v) == FX_RANGE, "11 above 10");
	CHECK(fx_parse2("99999999999999999999999999999999", 1000, &v) == FX_RANGE,
	      "a thousand-digit number is out of range, not wrapped");
	CHECK(fx_parse2("92233720368547758.07", INT64_MAX, &v) == FX_OK && v == INT64_MAX,
	      "the int64 maximum in hundredths is read exactly");
	CHECK(fx_parse2("92233720368547758.08", INT64_MAX, &v) == FX_RANGE,
	      "one hundredth above int64 is range, not overflow");
	CHECK(fx_parse2("1", -1, &v) == FX_RANGE, "a negative maximum admits nothing");
	const char *bad[] = { "", "-1", "+1", "1.", ".5", "1.234", "1e2", " 2", "2 ", "1,5", "1..2",
			      "0x10", "2%", "1.5.", "\xd9\xa1", NULL };
	for (int i = 0; bad[i]; i++)
		CHECK(fx_parse2(bad[i], 1000, &v) == FX_SYNTAX, bad[i]);
	CHECK(fx_parse2(NULL, 1000, &v) == FX_SYNTAX, "NULL is not a number");
	CHECK(fx_parse2("99999999999999999999x", 1000, &v) == FX_SYNTAX,
	      "syntax is reported before range");
	CHECK(fx_parse2_typed("1,5", 1000, &v) == FX_OK && v == 150, "typed 1,5 (Indonesian mark)");
	CHECK(fx_parse2_typed("  2  ", 1000, &v) == FX_OK && v == 200, "typed with spaces");
	CHECK(fx_parse2_typed("\t0,25\t", 1000, &v) == FX_OK && v == 25, "typed with tabs");
	CHECK(fx_parse2_typed("1,5.0", 1000, &v) == FX_SYNTAX, "two marks refused");
	CHECK(fx_parse2_typed("1 5", 1000, &v) == FX_SYNTAX, "a space inside refused");
	CHECK(fx_parse2_typed("   ", 1000, &v) == FX_SYNTAX, "blank is not a number");
	CHECK(fx_parse2_typed(NULL, 1000, &v) == FX_SYNTAX, "typed NULL");
}

static void test_format(void)
{
	char b[32];
	CHECK_STR(fx_format2(200, '.', b, sizeof b), "2", "200 -> 2");
	CHECK_STR(fx_format2(150, '.', b, sizeof b), "1.5", "150 -> 1.5");
	CHECK_STR(fx_format2(25, '.', b, sizeof b), "0.25", "25 -> 0.25");
	CHECK_STR(fx_format2(5, '.', b, sizeof b), "0.05", "5 -> 0.05");
	CHECK_STR(fx_format2(0, '.', b, sizeof b), "0", "0 -> 0");
	CHECK_STR(fx_format2(150, ',', b, sizeof b), "1,5", "Indonesian mark");
	CHECK_STR(fx_format2(-150, '.', b, sizeof b), "-1.5", "negative");
	CHECK_STR(fx_format2(INT64_MIN, '.', b, sizeof b), "-92233720368547758.08", "INT64_MIN");
	CHECK_STR(fx_format2(123456, '.', b, 4), "123", "truncated to the buffer");
	int all = 1;
	for (int64_t v = 0; v <= 100000; v++) {
		int64_t back = -1;
		if (fx_parse2(fx_format2(v, '.', b, sizeof b), 100000, &back) != FX_OK || back != v)
			all = 0;
	}
	CHECK(all, "every value 0 .. 1000.00 round-trips exactly through its text");
}

#ifdef __SIZEOF_INT128__
/* floor(a * b / c) in 128 bits, the oracle for fx_muldiv where the compiler has it. */
static int oracle(int64_t a, int64_t b, int64_t c, int64_t *out)
{
	__int128 p = (__int128)a * b, q = p / c;
	if ((p % c != 0) && ((p < 0) != (c < 0)))
		q--;
	if (q > INT64_MAX || q < INT64_MIN)
		return -1;
	*out = (int64_t)q;
	return 0;
}
#endif

static uint64_t rng = 88172645463325252u;
static int64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	/* Mix magnitudes: small, medium and full-width values. */
	switch (rng % 4) {
	case 0: return (int64_t)(rng % 1000) - 500;
	case 1: return (int64_t)(rng % 2000000000u) - 1000000000;
	default: return (int64_t)rng;
	}
}

static void test_arith(void)
{
	int64_t r = 5;
	CHECK(fx_muldiv(7, 1, 2, &r) == 0 && r == 3, "7/2 floors to 3");
	CHECK(fx_muldiv(-7, 1, 2, &r) == 0 && r == -4, "-7/2 floors to -4");
	CHECK(fx_muldiv(7, -1, 2, &r) == 0 && r == -4, "7 x -1 / 2 floors to -4");
	CHECK(fx_muldiv(-6, 1, 2, &r) == 0 && r == -3, "exact negative");
	CHECK(fx_muldiv(0, INT64_MIN, 3, &r) == 0 && r == 0, "zero product");
	CHECK(fx_muldiv(INT64_MAX, INT64_MAX, INT64_MAX, &r) == 0 && r == INT64_MAX,
	      "128-bit product, no intermediate overflow");
	CHECK(fx_muldiv(INT64_MIN, 1, 1, &r) == 0 && r == INT64_MIN, "INT64_MIN itself");
	CHECK(fx_muldiv(INT64_MIN, INT64_MIN, INT64_MAX, &r) == -1, "2^126 / (2^63-1) too large");
	r = 5;
	CHECK(fx_muldiv(INT64_MIN, -1, 1, &r) == -1 && r == 5, "-INT64_MIN overflows, out untouched");
	CHECK(fx_muldiv(1, 1, 0, &r) == -1, "division by zero refused");
	CHECK(fx_muldiv(1, 1, -3, &r) == -1, "negative divisor refused");
	CHECK(fx_muldiv(INT64_MAX, 2, 1, &r) == -1, "result above int64 refused");
	CHECK(fx_muldiv(-3, 1, INT64_MAX, &r) == 0 && r == -1, "tiny negative floors to -1");
	int agree = 1, n = 0;
#ifdef __SIZEOF_INT128__
	for (int i = 0; i < 200000; i++) {
		int64_t a = rnd(), b = rnd(), c = rnd(), x = 0, y = 0;
		if (c <= 0)
			c = c == INT64_MIN ? 1 : -c + 1;
		int e1 = fx_muldiv(a, b, c, &x), e2 = oracle(a, b, c, &y);
		if (e1 != e2 || (e1 == 0 && x != y))
			agree = 0;
		n++;
	}
#else
	n = 1;
#endif
	CHECK(agree && n > 0, "fx_muldiv agrees with 128-bit arithmetic on 200000 random cases");

	CHECK(fx_add(INT64_MAX, 1, &r) == -1 && fx_add(INT64_MIN, -1, &r) == -1, "add overflows refused");
	CHECK(fx_add(2, 3, &r) == 0 && r == 5, "add");
	CHECK(fx_sub(INT64_MIN, 1, &r) == -1 && fx_sub(0, INT64_MIN, &r) == -1, "sub overflows refused");
	CHECK(fx_sub(2, 3, &r) == 0 && r == -1, "sub");
	CHECK(fx_mul(INT64_MAX, 2, &r) == -1 && fx_mul(INT64_MIN, -1, &r) == -1, "mul overflows refused");
	CHECK(fx_mul(-4, 5, &r) == 0 && r == -20, "mul");

	CHECK(fx_cmp_products(INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX - 1) == 1, "huge products");
	CHECK(fx_cmp_products(INT64_MIN, 2, INT64_MIN, 3) == 1, "-2^64 > -3 x 2^63");
	CHECK(fx_cmp_products(-1, 5, 0, 9) == -1 && fx_cmp_products(0, 9, 0, -4) == 0, "signs and zero");
	CHECK(fx_cmp_products(80, 100, 100, 80) == 0, "80 of 100 is exactly 80 %");
	CHECK(fx_cmp_products(79, 100, 100, 80) == -1, "79 of 100 is below 80 %");
	CHECK(fx_cmp_products(-3, 4, -2, 6) == 0, "equal negatives");
	CHECK(fx_cmp_products(-3, 5, -2, 6) == -1, "-15 < -12");
}

int main(void)
{
	test_parse();
	test_format();
	test_arith();
	return testlib_summary();
}
