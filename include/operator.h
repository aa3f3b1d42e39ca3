/* operator.h - the operators of a database (table operator, issue 16): adding them, their
 * passwords and PINs (Argon2id through libsodium, never stored in clear, compared in constant
 * time), logging in with a limit on attempts, and the second operator's confirmation of a
 * four-eyes operation. What a role may do is db_access.h's permission table. No curses here. */
#ifndef SK_OPERATOR_H
#define SK_OPERATOR_H

#include "db.h"
#include "db_access.h"
#include "util.h"

#define OPERATOR_NAME_MAX 32       /* bytes of a login name: a-z 0-9 . _ - */
#define OPERATOR_PASSWORD_MIN 8    /* characters */
#define OPERATOR_PASSWORD_MAX 128  /* bytes */
#define OPERATOR_PIN_MIN 4         /* digits */
#define OPERATOR_PIN_MAX 8
#define OPERATOR_MAX_FAILS 5       /* wrong passwords in a row before the lock */
#define OPERATOR_LOCK_MINUTES 15
#define OPERATOR_PIN_MAX_FAILS 3   /* wrong PINs before the PIN stops working for the day */

typedef struct sk_operator {
	char nama[OPERATOR_NAME_MAX + 1];
	char nama_lengkap[SK_NAME_BYTES];
	sk_role peran;
	int aktif;
	int has_pin;
	char terkunci_sampai[SK_TS_LEN + 1];  /* "" when not locked */
	char masuk_sandi_tanggal[11];          /* local date of the last login by password */
	char dibuat_pada[SK_TS_LEN + 1];
} sk_operator;

/* 1 when s is a login name: 2 to OPERATOR_NAME_MAX bytes of a-z, 0-9, '.', '_', '-',
 * starting with a letter. */
int operator_valid_name(const char *s);
/* SK_OK when pw may be a password of operator nama (OPERATOR_PASSWORD_MIN characters or more,
 * not only digits, not the name itself), else SK_REFUSED with the rule in e (never pw). */
int operator_password_rules(const char *nama, const char *pw, sk_err *e);
/* Number of operators (active or not), or -1 when the database does not answer. */
int operator_count(sk_db *db);
/* Read one operator. SK_NOTFOUND when none. */
int operator_get(sk_db *db, const char *nama, sk_operator *out, sk_err *e);
/* Operators in name order, up to max into out; *n written. */
int operator_list(sk_db *db, sk_operator *out, int max, int *n, sk_err *e);

/* Add an operator with its password (hashed here). Needs the permission "operator" (an
 * admin), except the very first operator of a database, who must be an admin and becomes
 * db's operator. Refused (SK_REFUSED) for a bad name, a name in use, a bad password. */
int operator_add(sk_db *db, const char *nama, const char *nama_lengkap, sk_role peran,
		 const char *password, sk_err *e);
/* An admin sets another operator's password (which also lifts a lock), or db's operator its
 * own after giving the current one (old; ignored for an admin setting another's; NULL when
 * the caller has just checked it, as a command that logged in with it). */
int operator_set_password(sk_db *db, const char *nama, const char *old, const char *password,
			  sk_err *e);
/* db's operator sets (pin 4-8 digits) or removes (pin NULL or "") its own PIN, after giving its
 * password (NULL as for operator_set_password). */
int operator_set_pin(sk_db *db, const char *password, const char *pin, sk_err *e);
/* An admin turns operator nama off (aktif = 0) or on again. The last active admin, and the
 * admin doing it, cannot be turned off. */
int operator_set_active(sk_db *db, const char *nama, int aktif, sk_err *e);

/* Log in: on success db's operator is nama with its role (db_set_operator). secret is the
 * password, or with allow_pin (the screens) a PIN of 4-8 digits when the operator logged in
 * by password earlier today on this database and has not typed a wrong PIN
 * OPERATOR_PIN_MAX_FAILS times since. OPERATOR_MAX_FAILS wrong passwords in a row lock the
 * operator for OPERATOR_LOCK_MINUTES. Failures are noted in the trail (never the secret, nor
 * a name that is no operator's: it may be a password typed in the wrong field); a success
 * only when note_success. Refused: SK_REFUSED with a message that names neither secret. */
int operator_login(sk_db *db, const char *nama, const char *secret, int allow_pin,
		   int note_success, sk_err *e);
/* The second operator of a four-eyes operation: second (active, not db's operator, allowed to
 * confirm) gives its password; then db_four_eyes_grant(db, action, second). Wrong passwords
 * count towards second's lock. SK_OK, or SK_REFUSED with the reason. */
int four_eyes_confirm(sk_db *db, const char *action, const char *second, const char *password,
		      sk_err *e);

#endif
