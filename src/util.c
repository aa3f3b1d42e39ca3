/* util.c - UUIDs, time stamps, strings, paths. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <uuid.h>
#include <wchar.h>
#include "util.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/sikube"
#endif

void sk_uuid_new(char out[SK_UUID_LEN + 1])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

/* 1 for the characters of a UUID's hex groups (lower case only), else 0: NUL is 0. */
static const unsigned char UUID_HEX[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
};

int sk_uuid_valid(const char *s)
{
	/* Called for every id of every row an import reads (a re-import: 6% of its CPU when each
	 * character was classified by comparisons): the hex groups by table, the dashes where
	 * they stand. Each character is read only after the ones before it passed, so a short
	 * text is never read past its NUL. */
	static const int GROUP[] = { 8, 4, 4, 4, 12 };
	if (!s)
		return 0;
	const unsigned char *u = (const unsigned char *)s;
	for (int g = 0; g < 5; g++) {
		if (g && *u++ != '-')
			return 0;
		for (int i = 0; i < GROUP[g]; i++)
			if (!UUID_HEX[*u++])
				return 0;
	}
	return *u == '\0';
}

void sk_now_utc(char out[SK_TS_LEN + 1])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, SK_TS_LEN + 1, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void sk_today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

int sk_date_after_today(const char *date)
{
	char today[11];
	sk_today(today);
	return date && strcmp(date, today) > 0;
}

static int two_digits(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int sk_ymd_valid(int y, int m, int d)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= dm[m - 1] + (m == 2 && leap);
}

/* 1 when s begins with a real date YYYY-MM-DD of 1900-2199. Each byte is read only after
 * the ones before it passed, so a short text is never read past its NUL; no strlen, no copy
 * (every date and stamp of every row an import reads comes here). */
static int date_at(const char *s)
{
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (unsigned)(s[i] - '0') > 9)
			return 0;
	int y = two_digits(s) * 100 + two_digits(s + 2);
	return y >= 1900 && y <= 2199 && sk_ymd_valid(y, two_digits(s + 5), two_digits(s + 8));
}

int sk_date_valid(const char *s)
{
	return s && date_at(s) && s[10] == '\0';
}

int sk_ts_valid(const char *s)
{
	if (!s || !date_at(s) || s[10] != 'T')
		return 0;
	for (int i = 11; i < 19; i++)
		if (i == 13 || i == 16 ? s[i] != ':' : (unsigned)(s[i] - '0') > 9)
			return 0;
	return s[19] == 'Z' && s[20] == '\0' && two_digits(s + 11) < 24 &&
	       two_digits(s + 14) < 60 && two_digits(s + 17) < 61;
}

int sk_strlcpy(char *dst, const char *src, size_t n)
{
	if (n == 0)
		return 1;
	if (!src)
		src = "";
	size_t len = strlen(src);
	if (len < n) {
		memcpy(dst, src, len + 1);
		return 0;
	}
	size_t cut = n - 1;
	while (cut > 0 && ((unsigned char)src[cut] & 0xC0) == 0x80)
		cut--; /* do not split a UTF-8 sequence */
	memcpy(dst, src, cut);
	dst[cut] = '\0';
	return 1;
}

char *sk_trim(char *s)
{
	size_t len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
			   s[len - 1] == '\n'))
		s[--len] = '\0';
	size_t start = 0;
	while (s[start] == ' ' || s[start] == '\t')
		start++;
	if (start)
		memmove(s, s + start, len - start + 1);
	return s;
}

int sk_all_digits(const char *s, size_t n)
{
	if (!s || strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

size_t sk_utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

size_t sk_utf8_seq(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = *p == 0 ? 0 : *p < 0x80 ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3
		     : (*p & 0xf8) == 0xf0 ? 4 : 0;
	if (!len || (len == 2 && *p < 0xc2) || (len == 4 && *p > 0xf4))
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((len == 3 && *p == 0xe0 && p[1] < 0xa0) || (len == 3 && *p == 0xed && p[1] >= 0xa0) ||
	    (len == 4 && *p == 0xf0 && p[1] < 0x90) || (len == 4 && *p == 0xf4 && p[1] >= 0x90))
		return 0;
	return len;
}

size_t sk_utf8_span(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	for (;;) {
		while (p[i] - 1u < 0x7fu)
			i++; /* ASCII but NUL: most of what is read */
		if (!p[i])
			return i;
		size_t len = sk_utf8_seq(s + i);
		if (!len)
			return SK_UTF8_BAD;
		i += len;
	}
}

int sk_utf8_valid(const char *s)
{
	return sk_utf8_span(s) != SK_UTF8_BAD;
}

char *sk_utf8_scrub(char *out, size_t n, const char *s)
{
	size_t j = 0;
	if (!n)
		return out;
	for (const char *p = s ? s : ""; *p;) {
		size_t len = sk_utf8_seq(p);
		unsigned char c = (unsigned char)*p;
		if (!len || c < 0x20 || c == 0x7f) {
			if (j + 1 >= n)
				break;
			out[j++] = '?';
			p++;
			continue;
		}
		if (j + len >= n)
			break;
		memcpy(out + j, p, len);
		j += len;
		p += len;
	}
	out[j] = '\0';
	return out;
}

size_t sk_char_next(const char *p, wchar_t *wc, mbstate_t *ps)
{
	size_t len = mbrtowc(wc, p, MB_CUR_MAX, ps);
	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		memset(ps, 0, sizeof *ps);
		*wc = L'?';
		return 1;
	}
	return len;
}

int sk_char_width(wchar_t wc)
{
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int sk_width(const char *s)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	int w = 0;
	while (s && *s) {
		wchar_t wc;
		s += sk_char_next(s, &wc, &ps);
		w += sk_char_width(wc);
	}
	return w;
}

char *sk_fit(char *out, size_t n, const char *s, int width)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t j = 0;
	int used = 0;
	const char *p = s ? s : "";
	while (*p && j + 1 < n) {
		wchar_t wc;
		size_t len = sk_char_next(p, &wc, &ps);
		int w = wcwidth(wc);
		int bad = (wc == L'?' && *p != '?') || w < 0; /* shown as one '?' */
		if (bad)
			w = 1;
		size_t need = bad ? 1 : len;
		if (used + w > width || j + need >= n)
			break;
		if (bad)
			out[j] = '?';
		else
			memcpy(out + j, p, len);
		j += need;
		used += w;
		p += len;
	}
	while (used < width && j + 1 < n) {
		out[j++] = ' ';
		used++;
	}
	out[j] = '\0';
	return out;
}

int sk_parse_rupiah(const char *s, int64_t *out)
{
	int64_t v = 0;
	int digits = 0;
	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	for (; *s && *s != ' '; s++) {
		if (*s == '.' && digits > 0)
			continue;
		if (!isdigit((unsigned char)*s))
			return -1;
		int d = *s - '0';
		if (v > (INT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
		digits++;
	}
	while (*s == ' ')
		s++;
	if (*s || digits == 0)
		return -1;
	*out = v;
	return 0;
}

char *sk_format_rupiah(int64_t v, char *out, size_t n)
{
	char tmp[32];
	char buf[48];
	int neg = v < 0;
	uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)u);
	size_t len = strlen(tmp), j = 0;
	if (neg)
		buf[j++] = '-';
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[j++] = '.';
		buf[j++] = tmp[i];
	}
	buf[j] = '\0';
	sk_strlcpy(out, buf, n);
	return out;
}

void sk_exe_dir(char *out, size_t n)
{
	char buf[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (len <= 0) {
		sk_strlcpy(out, ".", n);
		return;
	}
	buf[len] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	sk_strlcpy(out, buf, n);
}

static int try_path(char *out, size_t n, const char *dir, const char *mid, const char *rel)
{
	if (!dir || !*dir)
		return -1;
	snprintf(out, n, "%s%s/%s", dir, mid, rel);
	return access(out, R_OK) == 0 ? 0 : -1;
}

int sk_find_data(const char *rel, char *out, size_t n)
{
	char exe[PATH_MAX];
	sk_exe_dir(exe, sizeof exe);
	if (try_path(out, n, getenv("SIKUBE_DATA_DIR"), "", rel) == 0 ||
	    try_path(out, n, exe, "", rel) == 0 ||
	    try_path(out, n, exe, "/../..", rel) == 0 || /* build/<variant>/sikube */
	    try_path(out, n, exe, "/../share/sikube", rel) == 0 ||
	    try_path(out, n, DATADIR, "", rel) == 0)
		return 0;
	return -1;
}

int sk_mkdir_private(const char *path)
{
	char buf[PATH_MAX];
	if (sk_strlcpy(buf, path, sizeof buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (char *p = buf + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(buf, 0700) != 0 && errno != EEXIST)
				return -1;
			*p = c;
			if (c == '\0')
				break;
		}
	}
	return 0;
}
