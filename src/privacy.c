/* privacy.c - masking identity numbers in free text. */
#include <ctype.h>
#include <string.h>
#include "privacy.h"

/* Hexadecimal characters in a row that make a checksum (SHA-256), not a number. */
#define HEX_TOKEN 64

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* End of the run of digits starting at s[i] (separators between digits included); its digit
 * count into *digits. */
static size_t run_end(const char *s, size_t i, int *digits)
{
	*digits = 0;
	for (;;) {
		if (is_digit(s[i])) {
			(*digits)++;
			i++;
		} else if ((s[i] == ' ' || s[i] == '.') && is_digit(s[i + 1]) && i > 0 &&
			   is_digit(s[i - 1])) {
			i++;
		} else {
			return i;
		}
	}
}

/* 1 when s[i] lies in a token of exactly HEX_TOKEN hexadecimal characters. */
static int in_hex_token(const char *s, size_t i)
{
	size_t a = i, b = i;
	while (a > 0 && isxdigit((unsigned char)s[a - 1]))
		a--;
	while (isxdigit((unsigned char)s[b]))
		b++;
	return b - a == HEX_TOKEN;
}

int privacy_mask_ids(char *s)
{
	int masked = 0;
	if (!s)
		return 0;
	for (size_t i = 0; s[i];) {
		if (!is_digit(s[i])) {
			i++;
			continue;
		}
		int digits;
		size_t end = run_end(s, i, &digits);
		if (digits >= PRIVACY_ID_DIGITS && !in_hex_token(s, i)) {
			int kept = 0;
			for (size_t k = i; k < end; k++) {
				if (!is_digit(s[k]) || kept++ < 6)
					continue;
				s[k] = '*';
				masked++;
			}
		}
		i = end;
	}
	return masked;
}
