/* privacy.h - identity numbers (NIK, No. KK: 16 digits) kept out of text that leaves the
 * program: bundles exported with --mask-nik, problem reports and messages (UU 27/2022).
 * No curses here. */
#ifndef SK_PRIVACY_H
#define SK_PRIVACY_H

/* Digits in a row from this many on may be a NIK or No. KK, typed whole or nearly so:
 * longer than any phone number or amount SIKUBE holds. */
#define PRIVACY_ID_DIGITS 14

/* Mask, in place, every run of PRIVACY_ID_DIGITS or more digits in s: its first 6 digits
 * stay, each later digit becomes '*'. One space or dot between two digits keeps the run
 * going ("3171 0845 0885 0009", "3171.0845.0885.0009"). A run inside a token of exactly 64
 * hexadecimal characters (a SHA-256 checksum) is left as it is. NULL is fine. Returns the
 * number of digits masked. */
int privacy_mask_ids(char *s);

#endif
