/* fixmath.h - exact arithmetic for money and rates: decimals with at most two places kept as
 * integer hundredths (a loan's 1.5 % a month is 150, a limit of 2.5 times savings is 250),
 * and int64 operations that refuse instead of wrapping. No floating point anywhere, no
 * database, no curses. Used by loan_calc, shareout and evaluation_calc. */
#ifndef SK_FIXMATH_H
#define SK_FIXMATH_H

#include <stddef.h>
#include <stdint.h>

/* What a parse returns. */
enum fx_status {
	FX_OK = 0,
	FX_SYNTAX = -1, /* not a decimal of the accepted form (empty, sign, letters, 3 decimals) */
	FX_RANGE = -2   /* a decimal, but above the maximum asked for */
};

/* Parse s exactly as the bundle writes a decimal: one or more ASCII digits, optionally '.'
 * and one or two digits ("0", "2", "1.5", "0.25", "10.00"; leading zeros allowed). Nothing
 * else: no sign, no spaces, no ',' and no exponent. On FX_OK *out = the value in hundredths
 * (1.5 -> 150). FX_RANGE when the value exceeds max_hundredths (checked while reading, so a
 * thousand digits never overflow). *out is untouched unless FX_OK. */
int fx_parse2(const char *s, int64_t max_hundredths, int64_t *out);

/* The same for what a clerk types: surrounding spaces ignored and ',' accepted as the decimal
 * mark ("1,5" as in Indonesian). */
int fx_parse2_typed(const char *s, int64_t max_hundredths, int64_t *out);

/* Write hundredths v as the shortest exact decimal with mark as decimal point ('.' for the
 * bundle, ',' for Indonesian screens): 200 -> "2", 150 -> "1.5", 25 -> "0.25", -150 ->
 * "-1.5". fx_parse2 reads the '.' form back to the same v. Returns out (truncated to n). */
char *fx_format2(int64_t v, char mark, char *out, size_t n);

/* *out = a + b, a - b, a * b. Return 0, or -1 (and *out untouched) when the result does not
 * fit in int64. */
int fx_add(int64_t a, int64_t b, int64_t *out);
int fx_sub(int64_t a, int64_t b, int64_t *out);
int fx_mul(int64_t a, int64_t b, int64_t *out);

/* *out = floor(a * b / c), exact for every int64 a and b (the product is formed in 128
 * bits, so no intermediate overflow): rounded toward minus infinity, so -7/2 gives -4.
 * Returns 0, or -1 (*out untouched) when c <= 0 or the result does not fit in int64. */
int fx_muldiv(int64_t a, int64_t b, int64_t c, int64_t *out);

/* The sign of a x b - c x d, exact for every int64 operand (products in 128 bits): -1, 0
 * or 1. Compares ratios and percentages without overflow: a / b >= pct % is
 * fx_cmp_products(a, 100, b, pct) >= 0 for b > 0. */
int fx_cmp_products(int64_t a, int64_t b, int64_t c, int64_t d);

#endif
