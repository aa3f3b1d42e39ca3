/* signing.h - signed bundles (issue 16, docs/signing.md): this office's Ed25519 key pair
 * (libsodium; the private key stays in the database, never exported), the signature of a
 * bundle's manifest, and the district's list of trusted office keys. No curses here. */
#ifndef SK_SIGNING_H
#define SK_SIGNING_H

#include <stddef.h>
#include "db.h"
#include "util.h"

#define SIGNING_KEY_HEX 64    /* hex digits of a public key (32 bytes) */
#define SIGNING_SIG_HEX 128   /* hex digits of a signature (64 bytes) */
/* The manifest keys of a signed bundle (format 2; importers that do not know them ignore
 * them): the signer's public key, the office's name, and the signature, which is the last
 * line of manifest.csv and covers every byte before that line. */
#define SIGNING_KEY_PUBLIC "kunci_publik"
#define SIGNING_KEY_OFFICE "nama_kantor"
#define SIGNING_KEY_SIGNATURE "tanda_tangan"

/* This office's public key (lower-case hex, 65 bytes). The pair is made (the program's
 * bookkeeping, noted in the trail) when create is 1 and there is none: by `sikube init`, the
 * first admin of an upgraded database, `sikube keys generate` and the admin screen; an export
 * only signs when the office has its pair. SK_OK, SK_NOTFOUND (no pair and create 0) or the
 * error in e. */
int signing_own_key(sk_db *db, int create, char pk_hex[SIGNING_KEY_HEX + 1], sk_err *e);
/* Sign msg (n bytes) with this office's private key: the signature into sig_hex. */
int signing_sign(sk_db *db, const void *msg, size_t n, char sig_hex[SIGNING_SIG_HEX + 1],
		 sk_err *e);
/* 1 when sig_hex is a valid signature of msg by pk_hex, else 0 (a malformed key or signature
 * included). */
int signing_verify(const void *msg, size_t n, const char *pk_hex, const char *sig_hex);
/* The signed part of a manifest file's bytes: when its last line is "tanda_tangan" then ','
 * or ';' and 128 hex digits (then CRLF, LF or nothing), *signed_len is the length of the
 * bytes before that line, the signature goes to sig_hex, and 1 is returned; else 0. */
int signing_split(const char *bytes, size_t n, size_t *signed_len,
		  char sig_hex[SIGNING_SIG_HEX + 1]);
/* A short form of a key for people to compare ("ab12 cd34 ef56 7890", 20 bytes). */
void signing_fingerprint(const char *pk_hex, char out[20]);
/* 1 when s is SIGNING_KEY_HEX lower-case hex digits. */
int signing_key_valid(const char *s);

/* One trusted office key (table kunci_tepercaya). */
typedef struct sk_trusted {
	char kunci_publik[SIGNING_KEY_HEX + 1];
	char nama_kantor[SK_NAME_BYTES];
	char kode_wilayah[32];
	char perangkat[64];
	int dicabut;                       /* revoked: its bundles are refused */
	char dipercaya_pada[SK_TS_LEN + 1];
} sk_trusted;

/* The trust list's entry of key pk_hex. SK_NOTFOUND when the key is unknown. */
int signing_trusted_get(sk_db *db, const char *pk_hex, sk_trusted *out, sk_err *e);
/* Trust t's key (needs the permission "kunci": an admin); trusting a revoked key again
 * takes the revocation back. */
int signing_trust(sk_db *db, const sk_trusted *t, sk_err *e);
/* Revoke the trusted key whose hex starts with prefix (at least 8 digits, one key only). */
int signing_revoke(sk_db *db, const char *prefix, sk_err *e);
/* The trust list by office name, up to max into out; *n written. */
int signing_trusted_list(sk_db *db, sk_trusted *out, int max, int *n, sk_err *e);

#endif
