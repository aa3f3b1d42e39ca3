/* util.h - small helpers shared by the core: UUIDs, time stamps, strings, paths. */
#ifndef SK_UTIL_H
#define SK_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#define SK_UUID_LEN 36
#define SK_TS_LEN 20 /* YYYY-MM-DDTHH:MM:SSZ */
/* The longest name or short text a clerk types (nama, tempat, alamat, uraian, pendamping,
 * penilai ...), in characters; and the bytes that hold one in UTF-8 (up to 4 bytes a
 * character) with its NUL. */
#define SK_NAME_MAX 100
#define SK_NAME_BYTES (4 * SK_NAME_MAX + 4)

/* Write a new random lower-case UUID (37 bytes with NUL) into out. */
void sk_uuid_new(char out[SK_UUID_LEN + 1]);
/* 1 when s is a lower-case 36-character UUID, else 0. */
int sk_uuid_valid(const char *s);
/* Current UTC time as YYYY-MM-DDTHH:MM:SSZ into out (21 bytes). */
void sk_now_utc(char out[SK_TS_LEN + 1]);
/* Today's local date as YYYY-MM-DD into out (11 bytes). */
void sk_today(char out[11]);
/* 1 when date (YYYY-MM-DD) is later than today's local date. */
int sk_date_after_today(const char *date);
/* 1 when y-m-d is a day of the Gregorian calendar (month 1-12, day within the month). */
int sk_ymd_valid(int y, int m, int d);
/* 1 when s is a real date YYYY-MM-DD (1900-01-01 .. 2199-12-31). */
int sk_date_valid(const char *s);
/* 1 when s is a UTC timestamp YYYY-MM-DDTHH:MM:SSZ with a real date and time. */
int sk_ts_valid(const char *s);

/* Copy src into dst of size n, always NUL-terminated (truncates on a UTF-8 boundary).
 * src NULL copies "". Returns 1 when truncated, 0 otherwise. */
int sk_strlcpy(char *dst, const char *src, size_t n);
/* Strip leading and trailing spaces in place; returns s. */
char *sk_trim(char *s);
/* 1 when s is n ASCII digits exactly. */
int sk_all_digits(const char *s, size_t n);
/* Number of characters (code points) in a UTF-8 string. */
size_t sk_utf8_len(const char *s);
/* Length (1-4) of the well-formed UTF-8 character at p, or 0 when p does not start one (a
 * stray byte, an overlong form, a surrogate, past U+10FFFF, or p at its NUL). */
size_t sk_utf8_seq(const char *p);
/* 1 when s is well-formed UTF-8 throughout. */
int sk_utf8_valid(const char *s);
/* The length in bytes of s (as strlen) when s is well-formed UTF-8 throughout, else
 * SK_UTF8_BAD: the check and the length in one pass over s (an import reads every text
 * field so). */
#define SK_UTF8_BAD ((size_t)-1)
size_t sk_utf8_span(const char *s);
/* Copy s into out (size n) safe to print: each byte that does not start a well-formed UTF-8
 * character and each control character (below 0x20 and DEL) becomes '?'; cut on a character
 * boundary when out is too small. Returns out. */
char *sk_utf8_scrub(char *out, size_t n, const char *s);
/* Decode the UTF-8 character at p (not at its end) into *wc with state *ps; returns the bytes
 * it takes, or 1 with *wc '?' (and *ps reset) for a byte that does not start one. */
size_t sk_char_next(const char *p, wchar_t *wc, mbstate_t *ps);
/* Terminal columns of wc: wcwidth, or 1 for a character wcwidth does not know. */
int sk_char_width(wchar_t wc);
/* Terminal columns (wcwidth) that UTF-8 string s takes; a bad byte or a control character
 * counts as 1. */
int sk_width(const char *s);
/* Fit a UTF-8 string into exactly width terminal columns (wcwidth): cut on a character
 * boundary when too wide, pad with spaces when narrower; control characters and bytes that
 * are not UTF-8 are shown as '?'. Writes into out (size n). Returns out. */
char *sk_fit(char *out, size_t n, const char *s, int width);
/* Parse a non-negative rupiah amount: digits, optionally grouped with '.' (e.g. 1.250.000).
 * Returns 0 and sets *out, or -1 when s is not such a number or overflows int64. */
int sk_parse_rupiah(const char *s, int64_t *out);
/* Format v as "1.250.000" (no "Rp") into out of size n. Returns out. */
char *sk_format_rupiah(int64_t v, char *out, size_t n);

/* Directory of the running executable (from /proc/self/exe) into out; "." if unknown. */
void sk_exe_dir(char *out, size_t n);
/* Find a shipped data file: tries $SIKUBE_DATA_DIR/rel, <exe dir>/rel, <exe dir>/../share/sikube/rel
 * and DATADIR/rel. Writes the first existing path into out; returns 0, or -1 when none exists. */
int sk_find_data(const char *rel, char *out, size_t n);
/* mkdir -p with mode 0700 for each created component. Returns 0 or -1 (errno set). */
int sk_mkdir_private(const char *path);

#endif
