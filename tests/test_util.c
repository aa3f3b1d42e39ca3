/* test_util.c - UUIDs, time stamps, strings and rupiah formatting. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "testlib.h"
#include "util.h"

/* Fitting text to terminal columns, as the reports and the screens do. */
static void test_fit(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		CHECK(0, "C.UTF-8 locale for the width tests");
		return;
	}
	char f[64];
	CHECK(sk_width("Ñandú") == 5 && sk_width("日本") == 4 && sk_width("") == 0 &&
	      sk_width(NULL) == 0, "width: accented letters 1 column, CJK 2");
	CHECK_STR(sk_fit(f, sizeof f, "Siti", 6), "Siti  ", "fit pads to the width");
	CHECK_STR(sk_fit(f, sizeof f, "Sumarni Ijah", 7), "Sumarni", "fit cuts to the width");
	CHECK_STR(sk_fit(f, sizeof f, "Ñandú Ñandú", 7), "Ñandú Ñ", "fit counts columns, not bytes");
	CHECK_STR(sk_fit(f, sizeof f, "日本語", 5), "日本 ", "a wide character that does not fit is "
		  "left out and the column padded");
	CHECK_STR(sk_fit(f, sizeof f, "Jos\xe9\x1b!", 6), "Jos\?\?!", "bad byte and control as '?'");
	CHECK_STR(sk_fit(f, 5, "abcdefgh", 10), "abcd", "fit never writes past out");
	CHECK_STR(sk_fit(f, 4, "\xc3\x91\xc3\x91", 4), "\xc3\x91 ",
		  "fit cuts on a character boundary, pads in what is left");
	CHECK_STR(sk_fit(f, sizeof f, NULL, 2), "  ", "fit of NULL is blank");
	setlocale(LC_CTYPE, "C");
}

int main(void)
{
	test_fit();
	char u[SK_UUID_LEN + 1], v[SK_UUID_LEN + 1];
	sk_uuid_new(u);
	sk_uuid_new(v);
	CHECK(sk_uuid_valid(u) && strcmp(u, v) != 0, "new UUIDs valid and distinct");
	CHECK(!sk_uuid_valid("ABCDEF00-0000-4000-8000-000000000000"), "upper case refused");
	CHECK(!sk_uuid_valid("abc"), "short refused");
	CHECK(sk_uuid_valid("0123abcd-ef01-4567-89ab-cdef01234567"), "every lower hex digit accepted");
	CHECK(!sk_uuid_valid(NULL), "NULL refused");
	CHECK(!sk_uuid_valid(""), "empty refused");
	CHECK(!sk_uuid_valid("0123abcd-ef01-4567-89ab-cdef0123456"), "one short refused");
	CHECK(!sk_uuid_valid("0123abcd-ef01-4567-89ab-cdef012345678"), "one long refused");
	CHECK(!sk_uuid_valid("0123abcd-ef01-4567-89ab-cdef0123456g"), "g refused");
	CHECK(!sk_uuid_valid("0123abcdef01-4567-89ab-cdef-01234567"), "dashes misplaced refused");
	CHECK(!sk_uuid_valid("0123abcd_ef01-4567-89ab-cdef01234567"), "another separator refused");
	CHECK(!sk_uuid_valid("0123abcd0ef01-4567-89ab-cdef01234567") &&
	      !sk_uuid_valid("0123abcd-ef01-4567-89ab0cdef01234567"), "a digit where a dash stands refused");
	CHECK(!sk_uuid_valid("0123abcd-ef01-4567-89ab-cdef0123456-") &&
	      !sk_uuid_valid("-123abcd-ef01-4567-89ab-cdef01234567"), "a dash where a digit stands refused");
	CHECK(!sk_uuid_valid("0123abcd-ef01-4567-89ab-cdef0123456\xc3"), "a byte above 127 refused");
	/* Read no further than the NUL of a short text (AddressSanitizer sees an overrun). */
	char *shortid = malloc(10);
	memcpy(shortid, "0123abcd-", 10);
	CHECK(!sk_uuid_valid(shortid), "a short text read no further than its end");
	free(shortid);
	char ts[SK_TS_LEN + 1];
	sk_now_utc(ts);
	CHECK(sk_ts_valid(ts), "now is a valid timestamp");
	CHECK(!sk_ts_valid("2026-02-30T10:00:00Z"), "impossible date in timestamp");
	CHECK(!sk_ts_valid("2026-02-10 10:00:00"), "space form refused");
	CHECK(sk_ts_valid("1900-01-01T00:00:00Z") && sk_ts_valid("2199-12-31T23:59:60Z") &&
	      sk_ts_valid("2024-02-29T12:30:45Z"), "stamps at the ends, a leap second, a leap day");
	CHECK(!sk_ts_valid("1899-12-31T23:59:59Z") && !sk_ts_valid("2200-01-01T00:00:00Z") &&
	      !sk_ts_valid("2025-02-29T00:00:00Z") && !sk_ts_valid("2026-10-01T24:00:00Z") &&
	      !sk_ts_valid("2026-10-01T10:60:00Z") && !sk_ts_valid("2026-10-01T10:00:61Z"),
	      "stamps: years, a day, hours, minutes and seconds out of range");
	CHECK(!sk_ts_valid("2026-10-01T10:00:00Zx") && !sk_ts_valid("2026-10-01T10:00:00") &&
	      !sk_ts_valid("2026-10-01") && !sk_ts_valid("") && !sk_ts_valid(NULL) &&
	      !sk_ts_valid("2026-10-01t10:00:00Z") && !sk_ts_valid("2026-10-01T10.00:00Z") &&
	      !sk_ts_valid("2026-1a-01T10:00:00Z") && !sk_ts_valid("2026/10/01T10:00:00Z") &&
	      !sk_ts_valid("2026-10-01T1:00:00ZZ"), "stamps: too long, cut, wrong separators, a letter");
	CHECK(sk_date_valid("2026-10-01") && !sk_date_valid("2026-10-01T") && !sk_date_valid("2026-10-0") &&
	      !sk_date_valid("2026-10-32") && !sk_date_valid("2026-13-01") && !sk_date_valid("") &&
	      !sk_date_valid(NULL) && !sk_date_valid("2026-10-0\xd9") && !sk_date_valid("+026-10-01"),
	      "dates: too long, cut, day and month out of range, a byte above 127, a sign");
	{
		/* Short texts in allocations of their size: AddressSanitizer sees a read past. */
		static const char *const SHORT[] = { "2026-10-01T10:00", "2026-10-01T", "2026-1", "" };
		int fine = 1;
		for (size_t i = 0; i < sizeof SHORT / sizeof SHORT[0]; i++) {
			char *p = malloc(strlen(SHORT[i]) + 1);
			memcpy(p, SHORT[i], strlen(SHORT[i]) + 1);
			fine = fine && !sk_ts_valid(p) && !sk_date_valid(p);
			free(p);
		}
		CHECK(fine, "short stamps and dates are not read past their NUL");
	}
	char buf[8];
	CHECK(sk_strlcpy(buf, "abcdefghij", sizeof buf) == 1 && strcmp(buf, "abcdefg") == 0,
	      "strlcpy truncates");
	CHECK(sk_strlcpy(buf, "ab\xc3\xa9\xc3\xa9\xc3\xa9", 6) == 1 && strcmp(buf, "ab\xc3\xa9") == 0,
	      "strlcpy keeps UTF-8 whole");
	char t[] = "  Siti  ";
	CHECK_STR(sk_trim(t), "Siti", "trim");
	CHECK(sk_utf8_len("Ñandú") == 5, "utf8 length");
	CHECK(sk_utf8_valid("Ñandú €𝄞") && sk_utf8_valid(""), "well-formed UTF-8");
	CHECK(!sk_utf8_valid("Jos\xe9") && !sk_utf8_valid("\xc0\xaf") && !sk_utf8_valid("\xed\xa0\x80") &&
	      !sk_utf8_valid("\xf4\x90\x80\x80") && !sk_utf8_valid("\xe2\x82"),
	      "Latin-1, overlong, surrogate, past U+10FFFF and cut sequences are not UTF-8");
	CHECK(sk_utf8_span("") == 0 && sk_utf8_span("abc") == 3 && sk_utf8_span("\x7f") == 1 &&
	      sk_utf8_span("Ñandú €𝄞") == strlen("Ñandú €𝄞") && sk_utf8_span("a\xc3\x91" "b") == 4,
	      "utf8 span: the length of well-formed UTF-8, ASCII or not");
	CHECK(sk_utf8_span("Jos\xe9") == SK_UTF8_BAD && sk_utf8_span("\xc0\xaf") == SK_UTF8_BAD &&
	      sk_utf8_span("\xed\xa0\x80") == SK_UTF8_BAD && sk_utf8_span("ab\xe2\x82") == SK_UTF8_BAD &&
	      sk_utf8_span("\xf4\x90\x80\x80") == SK_UTF8_BAD && sk_utf8_span("abc\x80") == SK_UTF8_BAD &&
	      sk_utf8_span("\xc3\x91\xc3") == SK_UTF8_BAD,
	      "utf8 span: Latin-1, overlong, surrogate, cut, past U+10FFFF, a stray byte at the end");
	{
		/* A long field, and an allocation of exactly its bytes (AddressSanitizer sees a read
		 * past the NUL). */
		char *big = malloc(5001);
		if (!big)
			abort();
		memset(big, 'x', 5000);
		big[5000] = '\0';
		CHECK(sk_utf8_span(big) == 5000, "utf8 span of 5000 ASCII bytes");
		big[4999] = (char)0xc3;
		CHECK(sk_utf8_span(big) == SK_UTF8_BAD, "utf8 span: a sequence cut by the NUL");
		free(big);
	}
	char sc[16];
	CHECK_STR(sk_utf8_scrub(sc, sizeof sc, "Jos\xe9 \x1b[2J"), "Jos? ?[2J", "scrub stray bytes and controls");
	CHECK_STR(sk_utf8_scrub(sc, 6, "ab\xc3\x91\xc3\x91"), "ab\xc3\x91", "scrub cuts on a character boundary");
	CHECK_STR(sk_utf8_scrub(sc, sizeof sc, NULL), "", "scrub of NULL");
	int64_t r;
	CHECK(sk_parse_rupiah("1250000", &r) == 0 && r == 1250000, "plain digits");
	CHECK(sk_parse_rupiah("1.250.000", &r) == 0 && r == 1250000, "dotted digits");
	CHECK(sk_parse_rupiah("-5", &r) != 0, "negative refused");
	CHECK(sk_parse_rupiah("12a", &r) != 0, "letters refused");
	CHECK(sk_parse_rupiah("", &r) != 0, "empty refused");
	CHECK(sk_parse_rupiah("99999999999999999999", &r) != 0, "overflow refused");
	char money[32];
	CHECK_STR(sk_format_rupiah(1250000, money, sizeof money), "1.250.000", "format millions");
	CHECK_STR(sk_format_rupiah(0, money, sizeof money), "0", "format zero");
	CHECK_STR(sk_format_rupiah(999, money, sizeof money), "999", "format hundreds");
	CHECK_STR(sk_format_rupiah(-5000, money, sizeof money), "-5.000", "format negative");
	CHECK(sk_all_digits("1234", 4) && !sk_all_digits("12a4", 4) && !sk_all_digits("123", 4),
	      "all digits");
	return testlib_summary();
}
