/* signing.c - Ed25519 key pair, bundle signatures and the trusted keys (signing.h). */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include "db_row.h"
#include "db_access.h"
#include "i18n.h"
#include "signing.h"

static int is_hex(const char *s, size_t n)
{
	if (!s || strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdef", s[i]))
			return 0;
	return 1;
}

int signing_key_valid(const char *s)
{
	return is_hex(s, SIGNING_KEY_HEX);
}

static int from_hex(const char *hex, unsigned char *out, size_t n)
{
	size_t len;
	return is_hex(hex, 2 * n) &&
	       sodium_hex2bin(out, n, hex, 2 * n, NULL, &len, NULL) == 0 && len == n;
}

void signing_fingerprint(const char *pk_hex, char out[20])
{
	snprintf(out, 20, "%.4s %.4s %.4s %.4s", pk_hex, pk_hex + (strlen(pk_hex) >= 8 ? 4 : 0),
		 pk_hex + (strlen(pk_hex) >= 12 ? 8 : 0), pk_hex + (strlen(pk_hex) >= 16 ? 12 : 0));
}

/* The stored pair: the public key in hex, the secret key in bytes (sk may be NULL). */
static int read_pair(sk_db *db, char pk_hex[SIGNING_KEY_HEX + 1],
		     unsigned char sk[crypto_sign_SECRETKEYBYTES], sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT kunci_publik, kunci_rahasia FROM kunci_kantor "
				      "WHERE satu=1", e);
	if (!st)
		return SK_DBERR;
	char skhex[2 * crypto_sign_SECRETKEYBYTES + 1] = "";
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, pk_hex, SIGNING_KEY_HEX + 1);
		db_col_text(st, 1, skhex, sizeof skhex);
	}
	rc = db_row_end(st, rc, "", e);
	if (rc == SK_OK && sk && !from_hex(skhex, sk, crypto_sign_SECRETKEYBYTES))
		rc = sk_err_set(e, SK_DBERR, "%s", _("Kunci tanda tangan kantor ini rusak."));
	sodium_memzero(skhex, sizeof skhex);
	return rc;
}

static int make_pair(sk_db *db, sk_err *e)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	char pkhex[2 * sizeof pk + 1], skhex[2 * sizeof sk + 1], now[SK_TS_LEN + 1];
	if (sodium_init() < 0)
		return sk_err_set(e, SK_REFUSED, "%s", _("Pustaka kriptografi (libsodium) tidak dapat "
							 "dipakai."));
	crypto_sign_keypair(pk, sk);
	sodium_bin2hex(pkhex, sizeof pkhex, pk, sizeof pk);
	sodium_bin2hex(skhex, sizeof skhex, sk, sizeof sk);
	sodium_memzero(sk, sizeof sk);
	sk_now_utc(now);
	/* The office's own bookkeeping, whoever exports first (noted in the trail). */
	db_system_begin(db);
	int rc = db_begin_write(db, e);
	if (rc == SK_OK) {
		sqlite3_stmt *st = db_prepare(db, "INSERT OR IGNORE INTO kunci_kantor(satu, kunci_publik, "
					      "kunci_rahasia, dibuat_pada) VALUES(1, :p, :s, :t)", e);
		int ok = st != NULL;
		if (ok) {
			db_bind_texts(st, ":p", pkhex, ":s", skhex, ":t", now);
			ok = db_step(db, st, e) == SQLITE_DONE;
			db_reset(st);
		}
		if (ok)
			ok = db_audit_note(db, "kunci_dibuat", "kunci_kantor", pkhex, NULL, NULL,
					   NULL, e) == SK_OK;
		rc = db_end(db, ok, e);
		if (!ok)
			rc = e && e->status ? e->status : SK_DBERR;
	}
	db_system_end(db);
	sodium_memzero(skhex, sizeof skhex);
	return rc;
}

int signing_own_key(sk_db *db, int create, char pk_hex[SIGNING_KEY_HEX + 1], sk_err *e)
{
	int rc = read_pair(db, pk_hex, NULL, create ? NULL : e);
	if (rc == SK_NOTFOUND && !create)
		return sk_err_set(e, SK_NOTFOUND, "%s", _("Kantor ini belum punya kunci tanda tangan "
							  "(sikube keys generate)."));
	if (rc == SK_NOTFOUND) {
		rc = make_pair(db, e);
		if (rc == SK_OK)
			rc = read_pair(db, pk_hex, NULL, e);
	}
	return rc;
}

int signing_sign(sk_db *db, const void *msg, size_t n, char sig_hex[SIGNING_SIG_HEX + 1],
		 sk_err *e)
{
	char pk[SIGNING_KEY_HEX + 1];
	unsigned char sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
	int rc = read_pair(db, pk, sk, e);
	if (rc != SK_OK)
		return rc;
	crypto_sign_detached(sig, NULL, msg, n, sk);
	sodium_memzero(sk, sizeof sk);
	sodium_bin2hex(sig_hex, SIGNING_SIG_HEX + 1, sig, sizeof sig);
	return SK_OK;
}

int signing_verify(const void *msg, size_t n, const char *pk_hex, const char *sig_hex)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
	if (sodium_init() < 0 || !from_hex(pk_hex, pk, sizeof pk) ||
	    !from_hex(sig_hex, sig, sizeof sig))
		return 0;
	return crypto_sign_verify_detached(sig, msg, n, pk) == 0;
}

int signing_split(const char *bytes, size_t n, size_t *signed_len,
		  char sig_hex[SIGNING_SIG_HEX + 1])
{
	size_t end = n;
	if (end && bytes[end - 1] == '\n')
		end--;
	if (end && bytes[end - 1] == '\r')
		end--;
	size_t start = end;
	while (start && bytes[start - 1] != '\n')
		start--;
	size_t klen = strlen(SIGNING_KEY_SIGNATURE);
	if (end - start != klen + 1 + SIGNING_SIG_HEX ||
	    memcmp(bytes + start, SIGNING_KEY_SIGNATURE, klen) != 0 ||
	    (bytes[start + klen] != ',' && bytes[start + klen] != ';'))
		return 0;
	memcpy(sig_hex, bytes + start + klen + 1, SIGNING_SIG_HEX);
	sig_hex[SIGNING_SIG_HEX] = '\0';
	if (!is_hex(sig_hex, SIGNING_SIG_HEX))
		return 0;
	*signed_len = start;
	return 1;
}

#define TRUST_COLS "kunci_publik, coalesce(nama_kantor,''), coalesce(kode_wilayah,''), " \
	"coalesce(perangkat,''), dicabut, dipercaya_pada"

static void read_trusted(const void *arg, sqlite3_stmt *st, void *row)
{
	(void)arg;
	sk_trusted *t = row;
	memset(t, 0, sizeof *t);
	db_read_cols(st, 0, "ssssis", DB_OUT(t->kunci_publik), DB_OUT(t->nama_kantor),
			    DB_OUT(t->kode_wilayah), DB_OUT(t->perangkat), &t->dicabut,
			    DB_OUT(t->dipercaya_pada));
}

int signing_trusted_get(sk_db *db, const char *pk_hex, sk_trusted *out, sk_err *e)
{
	return db_one(db, db_query(db, "SELECT " TRUST_COLS " FROM kunci_tepercaya WHERE "
				       "kunci_publik=:k", e, ":k", pk_hex), read_trusted, NULL, out,
		      sizeof *out, _("Kunci itu tidak ada dalam daftar kunci tepercaya."), e);
}

/* A change of the trusted keys: the operator may (SK_ACT_KEYS), then the write begins. */
static int begin_keys_write(sk_db *db, sk_err *e)
{
	int rc = db_permit(db, SK_ACT_KEYS, e);
	return rc == SK_OK ? db_begin_write(db, e) : rc;
}

int signing_trust(sk_db *db, const sk_trusted *t, sk_err *e)
{
	if (!signing_key_valid(t->kunci_publik))
		return sk_err_set(e, SK_REFUSED, _("Kunci publik harus %d angka heksadesimal huruf "
						   "kecil."), SIGNING_KEY_HEX);
	int rc = begin_keys_write(db, e);
	if (rc != SK_OK)
		return rc;
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO kunci_tepercaya(kunci_publik, nama_kantor, "
				      "kode_wilayah, perangkat, dicabut, dipercaya_pada, diubah_pada) "
				      "VALUES(:k, :n, :w, :p, 0, :t, :t) ON CONFLICT(kunci_publik) DO "
				      "UPDATE SET nama_kantor=excluded.nama_kantor, kode_wilayah="
				      "excluded.kode_wilayah, perangkat=excluded.perangkat, dicabut=0, "
				      "diubah_pada=excluded.diubah_pada", e);
	if (!st) {
		rc = SK_DBERR;
	} else {
		db_bind_texts(st, ":k", t->kunci_publik, ":n", t->nama_kantor,
				  ":w", t->kode_wilayah, ":p", t->perangkat, ":t", now);
		rc = db_step_write(db, st, "", e);
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

int signing_revoke(sk_db *db, const char *prefix, sk_err *e)
{
	size_t n = prefix ? strlen(prefix) : 0;
	if (n < 8 || n > SIGNING_KEY_HEX || strspn(prefix, "0123456789abcdef") != n)
		return sk_err_set(e, SK_REFUSED, "%s", _("Sebutkan kunci dengan sedikitnya 8 angka "
							 "heksadesimal pertamanya."));
	int rc = begin_keys_write(db, e);
	if (rc != SK_OK)
		return rc;
	int64_t hits = 0;
	sqlite3_stmt *q = db_prepare(db, "SELECT count(*) FROM kunci_tepercaya WHERE "
				     "substr(kunci_publik, 1, length(:p)) = :p", e);
	if (q)
		db_bind_text(q, ":p", prefix);
	rc = db_count(db, q, &hits, e);
	if (rc == SK_OK && hits == 0)
		rc = sk_err_set(e, SK_NOTFOUND, "%s", _("Kunci itu tidak ada dalam daftar kunci "
							"tepercaya."));
	else if (rc == SK_OK && hits > 1)
		rc = sk_err_set(e, SK_REFUSED, "%s", _("Lebih dari satu kunci berawal begitu: tulis "
						       "lebih banyak angkanya."));
	if (rc == SK_OK) {
		char now[SK_TS_LEN + 1];
		sk_now_utc(now);
		sqlite3_stmt *st = db_query(db, "UPDATE kunci_tepercaya SET dicabut=1, diubah_pada=:t "
					    "WHERE substr(kunci_publik, 1, length(:p)) = :p", e,
					    ":t", now, ":p", prefix);
		rc = st ? db_step_write(db, st, "", e) : SK_DBERR;
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

int signing_trusted_list(sk_db *db, sk_trusted *out, int max, int *n, sk_err *e)
{
	return db_rows(db, db_prepare(db, "SELECT " TRUST_COLS " FROM kunci_tepercaya ORDER BY "
					   "nama_kantor, kunci_publik", e), out, sizeof *out,
		       max, n, read_trusted, NULL, e);
}
