/* operator.c - operators, their passwords and PINs, logging in, four eyes (operator.h). */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "db_row.h"
#include "i18n.h"
#include "operator.h"

/* A hash of a password nobody knows, with the parameters of every real hash: an unknown name
 * costs as long as a known one (the time does not tell which names exist). */
static const char DUMMY_HASH[] =
	"$argon2id$v=19$m=65536,t=2,p=1$YsmNj1qYG9CwRgfp+S3zeg$"
	"vKZSqK470FKIfdTavGJniVs5z9732MF3Q/p4Iy8kgDU";

static int crypto_ready(sk_err *e)
{
	if (sodium_init() < 0)
		return sk_err_set(e, SK_REFUSED, "%s", _("Pustaka kriptografi (libsodium) tidak dapat "
							 "dipakai."));
	return SK_OK;
}

int operator_valid_name(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 2 || n > OPERATOR_NAME_MAX || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
		      s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int operator_password_rules(const char *nama, const char *pw, sk_err *e)
{
	size_t n = pw ? strlen(pw) : 0;
	if (n > OPERATOR_PASSWORD_MAX)
		return sk_err_set(e, SK_REFUSED, _("Kata sandi terlalu panjang (paling banyak %d byte)."),
				  OPERATOR_PASSWORD_MAX);
	if (!pw || sk_utf8_len(pw) < OPERATOR_PASSWORD_MIN)
		return sk_err_set(e, SK_REFUSED, _("Kata sandi minimal %d karakter."),
				  OPERATOR_PASSWORD_MIN);
	if (all_digits(pw))
		return sk_err_set(e, SK_REFUSED, "%s", _("Kata sandi tidak boleh hanya angka (angka saja "
							 "adalah PIN)."));
	if (nama && strcmp(nama, pw) == 0)
		return sk_err_set(e, SK_REFUSED, "%s", _("Kata sandi tidak boleh sama dengan nama."));
	return SK_OK;
}

/* The Argon2id hash of secret (libsodium's encoded string, parameters inside) into out. */
static int hash_secret(const char *secret, char out[crypto_pwhash_STRBYTES], sk_err *e)
{
	int rc = crypto_ready(e);
	if (rc != SK_OK)
		return rc;
	if (crypto_pwhash_str_alg(out, secret, strlen(secret), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return sk_err_set(e, SK_REFUSED, "%s", _("Memori tidak cukup untuk menyandikan kata "
							 "sandi."));
	return SK_OK;
}

/* 1 when secret matches hash (constant time inside libsodium); 0 otherwise. */
static int secret_matches(const char *hash, const char *secret)
{
	if (crypto_ready(NULL) != SK_OK || !hash || !secret)
		return 0;
	return crypto_pwhash_str_verify(hash, secret, strlen(secret)) == 0;
}

int operator_count(sk_db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM operator", NULL);
	int64_t n;
	return db_count(db, st, &n, NULL) == SK_OK ? (int)n : -1;
}

#define OP_COLS "nama, coalesce(nama_lengkap,''), peran, aktif, pin IS NOT NULL, " \
	"coalesce(terkunci_sampai,''), coalesce(masuk_sandi_tanggal,''), dibuat_pada"

static void read_row(const void *arg, sqlite3_stmt *st, void *row)
{
	(void)arg;
	sk_operator *o = row;
	char peran[16];
	memset(o, 0, sizeof *o);
	db_col_text(st, 0, o->nama, sizeof o->nama);
	db_col_text(st, 1, o->nama_lengkap, sizeof o->nama_lengkap);
	db_col_text(st, 2, peran, sizeof peran);
	o->peran = sk_role_parse(peran);
	db_read_cols(st, 3, "iisss", &o->aktif, &o->has_pin, DB_OUT(o->terkunci_sampai),
			    DB_OUT(o->masuk_sandi_tanggal), DB_OUT(o->dibuat_pada));
}

int operator_get(sk_db *db, const char *nama, sk_operator *out, sk_err *e)
{
	return db_one(db, db_query(db, "SELECT " OP_COLS " FROM operator WHERE nama=:n", e,
				       ":n", nama), read_row, NULL, out, sizeof *out,
		      _("Operator itu tidak ada."), e);
}

int operator_list(sk_db *db, sk_operator *out, int max, int *n, sk_err *e)
{
	return db_rows(db, db_prepare(db, "SELECT " OP_COLS " FROM operator ORDER BY nama", e),
		       out, sizeof *out, max, n, read_row, NULL, e);
}

/* The stored hash of nama's password (column "sandi") or PIN ("pin") into out ("" when none). */
static int stored_hash(sk_db *db, const char *nama, int pin, char *out, size_t n, sk_err *e)
{
	*out = '\0';
	return db_row_text(db, pin ? "SELECT coalesce(pin,'') FROM operator WHERE nama=:n"
			   : "SELECT sandi FROM operator WHERE nama=:n", ":n", nama,
			   _("Operator itu tidak ada."), e, 1, out, n);
}

/* Run one UPDATE of operator nama (sql with :n, :t now and :x) as the program's bookkeeping. */
static int bookkeep(sk_db *db, const char *sql, const char *nama, const char *x, sk_err *e)
{
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	db_system_begin(db);
	int rc = db_begin_write(db, e);
	if (rc == SK_OK) {
		sqlite3_stmt *st = db_prepare(db, sql, e);
		int ok = st != NULL;
		if (ok) {
			db_bind_text(st, ":n", nama);
			if (sqlite3_bind_parameter_index(st, ":t"))
				db_bind_text(st, ":t", now);
			if (sqlite3_bind_parameter_index(st, ":x"))
				db_bind_text(st, ":x", x);
			ok = db_step(db, st, e) == SQLITE_DONE;
			db_reset(st);
		}
		rc = db_end(db, ok, e);
		if (!ok)
			rc = e && e->status ? e->status : SK_DBERR;
	}
	db_system_end(db);
	return rc;
}

/* A note in the trail as the program (nobody logged in yet) or as db's operator. */
static void note(sk_db *db, const char *aksi, const char *nama, const char *ket)
{
	db_system_begin(db);
	db_audit_note(db, aksi, "operator", nama, NULL, NULL, ket, NULL);
	db_system_end(db);
}

int operator_add(sk_db *db, const char *nama, const char *nama_lengkap, sk_role peran,
		 const char *password, sk_err *e)
{
	if (!operator_valid_name(nama))
		return sk_err_set(e, SK_REFUSED, _("Nama operator harus 2-%d huruf kecil, angka, titik, "
						   "garis bawah atau tanda minus, diawali huruf."),
				  OPERATOR_NAME_MAX);
	if (peran == SK_ROLE_NONE)
		return sk_err_set(e, SK_REFUSED, "%s", _("Peran harus admin, operator, pendamping atau "
							 "pemeriksa."));
	int rc = operator_password_rules(nama, password, e);
	if (rc != SK_OK)
		return rc;
	char hash[crypto_pwhash_STRBYTES];
	rc = hash_secret(password, hash, e);
	if (rc != SK_OK)
		return rc;
	/* The very first admin records its own creation: db's operator from the start. */
	int become = operator_count(db) == 0 && db_role(db) == SK_ROLE_NONE;
	if (become)
		db_set_operator(db, nama, peran);
	rc = db_begin_write(db, e);
	if (rc != SK_OK) {
		if (become)
			db_set_operator(db, NULL, SK_ROLE_NONE);
		return rc;
	}
	int n = operator_count(db);
	int first = n == 0;
	if (n < 0)
		rc = sk_err_set(e, SK_DBERR, "%s", _("Daftar operator tidak dapat dibaca."));
	else if (first && peran != SK_ROLE_ADMIN)
		rc = sk_err_set(e, SK_REFUSED, "%s", _("Operator pertama harus admin."));
	else if (!first)
		rc = db_permit(db, SK_ACT_OPERATORS, e);
	sk_operator old;
	if (rc == SK_OK && operator_get(db, nama, &old, NULL) == SK_OK)
		rc = sk_err_set(e, SK_REFUSED, _("Nama operator %s sudah dipakai."), nama);
	if (rc == SK_OK) {
		char now[SK_TS_LEN + 1];
		sk_now_utc(now);
		sqlite3_stmt *st = db_prepare(db, "INSERT INTO operator(nama, nama_lengkap, peran, "
					      "sandi, dibuat_pada, diubah_pada) VALUES(:n, :l, :p, :s, :t, :t)",
					      e);
		if (!st) {
			rc = SK_DBERR;
		} else {
			db_bind_texts(st, ":n", nama, ":l", nama_lengkap, ":p", sk_role_name(peran),
					  ":s", hash, ":t", now);
			rc = db_step_write(db, st, "", e);
		}
	}
	sodium_memzero(hash, sizeof hash);
	int erc = db_end(db, rc == SK_OK, e);
	if (become && (rc != SK_OK || erc != SK_OK))
		db_set_operator(db, NULL, SK_ROLE_NONE);
	return rc == SK_OK ? erc : rc;
}

/* SK_OK when nama is db's operator and password is its current one (not counted as a login
 * attempt when right; a wrong one counts). */
static int own_password(sk_db *db, const char *password, sk_err *e);

int operator_set_password(sk_db *db, const char *nama, const char *old, const char *password,
			  sk_err *e)
{
	int self = strcmp(nama, db_operator(db)) == 0;
	int rc = self ? own_password(db, old, e) : db_permit(db, SK_ACT_OPERATORS, e);
	if (rc != SK_OK)
		return rc;
	sk_operator o;
	rc = operator_get(db, nama, &o, e);
	if (rc == SK_OK)
		rc = operator_password_rules(nama, password, e);
	char hash[crypto_pwhash_STRBYTES];
	if (rc == SK_OK)
		rc = hash_secret(password, hash, e);
	if (rc != SK_OK)
		return rc;
	/* Your own password is yours to change whatever your role (a pemeriksa too): the
	 * program's bookkeeping, with a note. Another's is an admin's write, captured. */
	static const char SQL[] = "UPDATE operator SET sandi=:x, gagal=0, gagal_pin=0, "
				  "terkunci_sampai=NULL, diubah_pada=:t WHERE nama=:n";
	if (self) {
		rc = bookkeep(db, SQL, nama, hash, e);
		if (rc == SK_OK)
			note(db, "ganti_sandi", nama, NULL);
	} else {
		rc = db_begin_write(db, e);
		if (rc == SK_OK) {
			char now[SK_TS_LEN + 1];
			sk_now_utc(now);
			sqlite3_stmt *st = db_prepare(db, SQL, e);
			if (!st) {
				rc = SK_DBERR;
			} else {
				db_bind_texts(st, ":x", hash, ":t", now, ":n", nama);
				rc = db_step_write(db, st, _("Operator itu tidak ada."), e);
			}
			int erc = db_end(db, rc == SK_OK, e);
			rc = rc == SK_OK ? erc : rc;
		}
	}
	sodium_memzero(hash, sizeof hash);
	return rc;
}

int operator_set_pin(sk_db *db, const char *password, const char *pin, sk_err *e)
{
	const char *nama = db_operator(db);
	if (!*nama)
		return sk_err_set(e, SK_REFUSED, "%s", _("Belum masuk sebagai operator."));
	int rc = own_password(db, password, e);
	if (rc != SK_OK)
		return rc;
	char hash[crypto_pwhash_STRBYTES] = "";
	if (pin && *pin) {
		size_t n = strlen(pin);
		if (!all_digits(pin) || n < OPERATOR_PIN_MIN || n > OPERATOR_PIN_MAX)
			return sk_err_set(e, SK_REFUSED, _("PIN harus %d-%d angka."), OPERATOR_PIN_MIN,
					  OPERATOR_PIN_MAX);
		rc = hash_secret(pin, hash, e);
		if (rc != SK_OK)
			return rc;
	}
	rc = bookkeep(db, "UPDATE operator SET pin=:x, gagal_pin=0, diubah_pada=:t WHERE nama=:n",
		      nama, hash, e);
	sodium_memzero(hash, sizeof hash);
	if (rc == SK_OK)
		note(db, *hash || (pin && *pin) ? "atur_pin" : "hapus_pin", nama, NULL);
	return rc;
}

int operator_set_active(sk_db *db, const char *nama, int aktif, sk_err *e)
{
	int rc = db_permit(db, SK_ACT_OPERATORS, e);
	if (rc != SK_OK)
		return rc;
	if (!aktif && strcmp(nama, db_operator(db)) == 0)
		return sk_err_set(e, SK_REFUSED, "%s", _("Anda tidak dapat menonaktifkan diri sendiri."));
	rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	sk_operator o;
	rc = operator_get(db, nama, &o, e);
	if (rc == SK_OK && !aktif && o.peran == SK_ROLE_ADMIN &&
	    db_int(db, "SELECT count(*) FROM operator WHERE peran='admin' AND aktif=1", 0) <= 1)
		rc = sk_err_set(e, SK_REFUSED, "%s", _("Admin aktif terakhir tidak dapat dinonaktifkan."));
	if (rc == SK_OK) {
		char now[SK_TS_LEN + 1];
		sk_now_utc(now);
		sqlite3_stmt *st = db_query(db, "UPDATE operator SET aktif=:a, diubah_pada=:t WHERE "
					    "nama=:n", e, ":t", now, ":n", nama);
		if (!st) {
			rc = SK_DBERR;
		} else {
			db_bind_int64(st, ":a", aktif ? 1 : 0);
			rc = db_step_write(db, st, _("Operator itu tidak ada."), e);
		}
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

/* ---- Logging in ---- */

/* The lock and counters of one operator. */
struct attempt {
	int gagal, gagal_pin, aktif, found;
	char terkunci[SK_TS_LEN + 1];
	char hari[11];
	sk_role peran;
};

static int read_attempt(sk_db *db, const char *nama, struct attempt *a, sk_err *e)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st = db_query(db, "SELECT gagal, gagal_pin, aktif, "
				    "coalesce(terkunci_sampai,''), coalesce(masuk_sandi_tanggal,''), "
				    "peran FROM operator WHERE nama=:n", e, ":n", nama);
	if (!st)
		return SK_DBERR;
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		char peran[16];
		a->found = 1;
		db_read_cols(st, 0, "iiisss", &a->gagal, &a->gagal_pin, &a->aktif,
				    DB_OUT(a->terkunci), DB_OUT(a->hari), DB_OUT(peran));
		a->peran = sk_role_parse(peran);
	}
	return db_rows_end(st, rc, e);
}

static int refuse_login(sk_err *e)
{
	return sk_err_set(e, SK_REFUSED, "%s", _("Nama operator atau kata sandi salah."));
}

/* A wrong password of a known operator: count it, lock at the limit, note it. */
static int wrong_password(sk_db *db, const char *nama, const struct attempt *a, const char *why,
			  sk_err *e)
{
	if (a->gagal + 1 >= OPERATOR_MAX_FAILS) {
		char until[SK_TS_LEN + 1];
		time_t t = time(NULL) + OPERATOR_LOCK_MINUTES * 60;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(until, sizeof until, "%Y-%m-%dT%H:%M:%SZ", &tm);
		bookkeep(db, "UPDATE operator SET gagal=0, terkunci_sampai=:x WHERE nama=:n", nama,
			 until, NULL);
		note(db, "kunci_operator", nama, why);
		return sk_err_set(e, SK_REFUSED, _("Kata sandi salah %d kali: operator %s dikunci %d "
						   "menit."), OPERATOR_MAX_FAILS, nama, OPERATOR_LOCK_MINUTES);
	}
	bookkeep(db, "UPDATE operator SET gagal=gagal+1 WHERE nama=:n", nama, NULL, NULL);
	note(db, "gagal_masuk", nama, why);
	return refuse_login(e);
}

/* SK_REFUSED when a's lock still holds. */
static int locked(const char *nama, const struct attempt *a, sk_err *e)
{
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	if (*a->terkunci && strcmp(a->terkunci, now) > 0)
		return sk_err_set(e, SK_REFUSED, _("Operator %s dikunci sampai %s UTC karena terlalu "
						   "banyak kata sandi salah. Coba lagi nanti, atau minta admin "
						   "mengganti kata sandinya."), nama, a->terkunci);
	return SK_OK;
}

/* Check nama's password: SK_OK, or the refusal (counted, noted with why). */
static int check_password(sk_db *db, const char *nama, const char *password, const char *why,
			  struct attempt *a, sk_err *e)
{
	int rc = read_attempt(db, nama, a, e);
	if (rc != SK_OK)
		return rc;
	if (!a->found || !a->aktif) {
		secret_matches(DUMMY_HASH, password);
		if (a->found)
			note(db, "gagal_masuk", nama, "operator nonaktif");
		else
			note(db, "gagal_masuk", NULL, "nama tidak dikenal");
		return refuse_login(e);
	}
	rc = locked(nama, a, e);
	if (rc != SK_OK)
		return rc;
	char hash[crypto_pwhash_STRBYTES + 64];
	rc = stored_hash(db, nama, 0, hash, sizeof hash, e);
	if (rc != SK_OK)
		return rc;
	if (!secret_matches(hash, password))
		return wrong_password(db, nama, a, why, e);
	return SK_OK;
}

static int own_password(sk_db *db, const char *password, sk_err *e)
{
	struct attempt a;
	if (!password)
		return *db_operator(db) ? SK_OK : sk_err_set(e, SK_REFUSED, "%s",
							    _("Belum masuk sebagai operator."));
	const char *nama = db_operator(db);
	if (!*nama)
		return sk_err_set(e, SK_REFUSED, "%s", _("Belum masuk sebagai operator."));
	int rc = check_password(db, nama, password, "kata sandi lama", &a, e);
	if (rc == SK_OK && a.gagal)
		bookkeep(db, "UPDATE operator SET gagal=0 WHERE nama=:n", nama, NULL, NULL);
	return rc;
}

/* A PIN login: SK_OK, SK_NOTFOUND when a PIN may not be used now (the caller tries the
 * password), or the refusal of a wrong PIN. */
static int pin_login(sk_db *db, const char *nama, const char *pin, const struct attempt *a,
		     sk_err *e)
{
	char today[11], hash[crypto_pwhash_STRBYTES + 64];
	sk_today(today);
	size_t n = strlen(pin);
	if (!all_digits(pin) || n < OPERATOR_PIN_MIN || n > OPERATOR_PIN_MAX)
		return SK_NOTFOUND;
	if (stored_hash(db, nama, 1, hash, sizeof hash, e) != SK_OK || !*hash)
		return SK_NOTFOUND;
	if (strcmp(a->hari, today) != 0 || a->gagal_pin >= OPERATOR_PIN_MAX_FAILS)
		return sk_err_set(e, SK_REFUSED, "%s", _("PIN hanya berlaku setelah masuk dengan kata "
							 "sandi hari ini: masukkan kata sandi."));
	if (secret_matches(hash, pin)) {
		if (a->gagal_pin)
			bookkeep(db, "UPDATE operator SET gagal_pin=0 WHERE nama=:n", nama, NULL, NULL);
		return SK_OK;
	}
	bookkeep(db, "UPDATE operator SET gagal_pin=gagal_pin+1 WHERE nama=:n", nama, NULL, NULL);
	note(db, "gagal_masuk", nama, "PIN salah");
	if (a->gagal_pin + 1 >= OPERATOR_PIN_MAX_FAILS)
		return sk_err_set(e, SK_REFUSED, _("PIN salah %d kali: masuk dengan kata sandi."),
				  OPERATOR_PIN_MAX_FAILS);
	return sk_err_set(e, SK_REFUSED, "%s", _("PIN salah."));
}

int operator_login(sk_db *db, const char *nama, const char *secret, int allow_pin,
		   int note_success, sk_err *e)
{
	struct attempt a;
	secret = secret ? secret : "";
	int rc = read_attempt(db, nama, &a, e);
	if (rc != SK_OK)
		return rc;
	if (allow_pin && a.found && a.aktif && locked(nama, &a, NULL) == SK_OK) {
		rc = pin_login(db, nama, secret, &a, e);
		if (rc == SK_OK) {
			db_set_operator(db, nama, a.peran);
			if (note_success)
				note(db, "masuk", nama, "dengan PIN");
			return SK_OK;
		}
		if (rc != SK_NOTFOUND)
			return rc;
	}
	rc = check_password(db, nama, secret, "kata sandi salah", &a, e);
	if (rc != SK_OK)
		return rc;
	char today[11];
	sk_today(today);
	if (a.gagal || a.gagal_pin || *a.terkunci || strcmp(a.hari, today) != 0)
		bookkeep(db, "UPDATE operator SET gagal=0, gagal_pin=0, terkunci_sampai=NULL, "
			 "masuk_sandi_tanggal=:x WHERE nama=:n", nama, today, NULL);
	db_set_operator(db, nama, a.peran);
	if (note_success)
		note(db, "masuk", nama, NULL);
	return SK_OK;
}

int four_eyes_confirm(sk_db *db, const char *action, const char *second, const char *password,
		      sk_err *e)
{
	if (!*db_operator(db))
		return sk_err_set(e, SK_REFUSED, "%s", _("Belum masuk sebagai operator."));
	if (!second || strcmp(second, db_operator(db)) == 0)
		return sk_err_set(e, SK_REFUSED, "%s", _("Operator kedua harus orang lain, bukan Anda "
							 "sendiri."));
	struct attempt a;
	int rc = check_password(db, second, password ? password : "", "persetujuan empat mata",
				&a, e);
	if (rc != SK_OK)
		return rc;
	if (!sk_role_may(a.peran, SK_ACT_CONFIRM))
		return sk_err_set(e, SK_REFUSED, _("Operator %s (peran %s) tidak dapat menyetujui."),
				  second, sk_role_name(a.peran));
	if (a.gagal)
		bookkeep(db, "UPDATE operator SET gagal=0 WHERE nama=:n", second, NULL, NULL);
	db_four_eyes_grant(db, action, second);
	return SK_OK;
}
