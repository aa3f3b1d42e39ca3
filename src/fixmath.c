/* fixmath.c - two-place decimals as integer hundredths, and int64 arithmetic that refuses
 * instead of wrapping. The 128-bit product of fx_muldiv is built from 64-bit halves, so it
 * also works where the compiler has no 128-bit integer type (32-bit PCs). */
#include <stdio.h>
#include <string.h>
#include "fixmath.h"
#include "util.h"

/* Parse the len bytes at s; marks holds the accepted decimal marks. */
static int parse_range(const char *s, size_t len, const char *marks, int64_t max, int64_t *out)
{
	size_t i = 0;
	int64_t whole = 0;
	int range = max < 0;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		if (range)
			continue; /* keep reading: a syntax error is reported before range */
		whole = whole * 10 + (s[i] - '0');
		if (whole > max / 100)
			range = 1; /* whole * 100 > max already; never multiplied again */
	}
	if (i == 0)
		return FX_SYNTAX;
	int64_t frac = 0;
	if (i < len && s[i] && strchr(marks, s[i])) {
		i++;
		if (!(i < len && s[i] >= '0' && s[i] <= '9'))
			return FX_SYNTAX;
		frac = (s[i++] - '0') * 10;
		if (i < len && s[i] >= '0' && s[i] <= '9')
			frac += s[i++] - '0';
	}
	if (i != len)
		return FX_SYNTAX;
	/* whole <= max / 100 here, so whole * 100 <= max and max - whole * 100 cannot overflow. */
	if (range || frac > max - whole * 100)
		return FX_RANGE;
	*out = whole * 100 + frac;
	return FX_OK;
}

int fx_parse2(const char *s, int64_t max_hundredths, int64_t *out)
{
	if (!s)
		return FX_SYNTAX;
	return parse_range(s, strlen(s), ".", max_hundredths, out);
}

int fx_parse2_typed(const char *s, int64_t max_hundredths, int64_t *out)
{
	if (!s)
		return FX_SYNTAX;
	size_t a = 0, b = strlen(s);
	while (a < b && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
		b--;
	return parse_range(s + a, b - a, ".,", max_hundredths, out);
}

char *fx_format2(int64_t v, char mark, char *out, size_t n)
{
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	unsigned frac = (unsigned)(u % 100);
	char buf[40];
	int len = snprintf(buf, sizeof buf, "%s%llu", v < 0 ? "-" : "", (unsigned long long)(u / 100));
	if (frac && len > 0) {
		if (frac % 10)
			snprintf(buf + len, sizeof buf - (size_t)len, "%c%02u", mark, frac);
		else
			snprintf(buf + len, sizeof buf - (size_t)len, "%c%u", mark, frac / 10);
	}
	sk_strlcpy(out, buf, n);
	return out;
}

int fx_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return -1;
	*out = r;
	return 0;
}

int fx_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;
	if (__builtin_sub_overflow(a, b, &r))
		return -1;
	*out = r;
	return 0;
}

int fx_mul(int64_t a, int64_t b, int64_t *out)
{
	int64_t r;
	if (__builtin_mul_overflow(a, b, &r))
		return -1;
	*out = r;
	return 0;
}

/* The full 128-bit product of a and b as hi:lo. */
static void mul_u64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t a0 = a & 0xffffffffu, a1 = a >> 32, b0 = b & 0xffffffffu, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffu) + (p10 & 0xffffffffu);
	*lo = (mid << 32) | (p00 & 0xffffffffu);
	*hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* hi:lo / d into *q and *r, d > 0. Returns -1 when the quotient needs more than 64 bits. */
static int div_u128(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *q, uint64_t *r)
{
	if (hi >= d)
		return -1;
	uint64_t rem = hi, quo = 0;
	for (int i = 0; i < 64; i++) {
		uint64_t carry = rem >> 63;
		rem = (rem << 1) | (lo >> 63);
		lo <<= 1;
		quo <<= 1;
		/* rem < d before the shift, so the true remainder (carry:rem) is below 2d. */
		if (carry || rem >= d) {
			rem -= d;
			quo |= 1;
		}
	}
	*q = quo;
	*r = rem;
	return 0;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

int fx_muldiv(int64_t a, int64_t b, int64_t c, int64_t *out)
{
	if (c <= 0)
		return -1;
	uint64_t hi, lo, q, r;
	mul_u64(magnitude(a), magnitude(b), &hi, &lo);
	if (div_u128(hi, lo, (uint64_t)c, &q, &r) != 0)
		return -1;
	int neg = (a < 0) != (b < 0) && (q || r);
	if (!neg) {
		if (q > (uint64_t)INT64_MAX)
			return -1;
		*out = (int64_t)q;
		return 0;
	}
	/* floor of a negative quotient: one further down when something is left over. */
	if (r) {
		if (q == UINT64_MAX)
			return -1;
		q++;
	}
	if (q > (uint64_t)INT64_MAX + 1)
		return -1;
	*out = q == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)q;
	return 0;
}

/* a x b as a sign (-1, 0, 1) and a 128-bit magnitude. */
static int product(int64_t a, int64_t b, uint64_t *hi, uint64_t *lo)
{
	mul_u64(magnitude(a), magnitude(b), hi, lo);
	if (!*hi && !*lo)
		return 0;
	return (a < 0) != (b < 0) ? -1 : 1;
}

int fx_cmp_products(int64_t a, int64_t b, int64_t c, int64_t d)
{
	uint64_t h1, l1, h2, l2;
	int s1 = product(a, b, &h1, &l1), s2 = product(c, d, &h2, &l2);
	if (s1 != s2)
		return s1 < s2 ? -1 : 1;
	if (s1 == 0)
		return 0;
	int mag = h1 != h2 ? (h1 < h2 ? -1 : 1) : l1 != l2 ? (l1 < l2 ? -1 : 1) : 0;
	return s1 > 0 ? mag : -mag;
}
