/* db_audit.c - the audit trail (db_access.h, docs/audit.md): temporary triggers capture every
 * write into temp.jejak_tunda; db_end checks each captured change against the role and
 * appends it to jejak with the hash chain. */
#include <nettle/sha2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "db_priv.h"
#include "i18n.h"
#include "privacy.h"
#include "util.h"

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* ---- Hashes ---- */

/* One field into the hash: "N;" for NULL, else its length, ':', its bytes and ';' (no two
 * different lists of fields give the same bytes). */
static void put_field(struct sha256_ctx *c, const char *v)
{
	char head[32];
	if (!v) {
		sha256_update(c, 2, (const uint8_t *)"N;");
		return;
	}
	size_t n = strlen(v);
	int k = snprintf(head, sizeof head, "%zu:", n);
	sha256_update(c, (size_t)k, (const uint8_t *)head);
	sha256_update(c, n, (const uint8_t *)v);
	sha256_update(c, 1, (const uint8_t *)";");
}

static void hex_digest(struct sha256_ctx *c, char out[65])
{
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(c, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* isi_hash: the hash of a row's content (lama, baru). */
static void content_hash(const char *lama, const char *baru, char out[65])
{
	struct sha256_ctx c;
	sha256_init(&c);
	put_field(&c, lama);
	put_field(&c, baru);
	hex_digest(&c, out);
}

void db_audit_row_hash(int64_t no, const char *waktu, const char *op, const char *op2,
		       const char *peran, const char *aksi, const char *tabel,
		       const char *baris_id, const char *kelompok_id, const char *anggota_id,
		       const char *keterangan, const char *isi_hash, const char *prev,
		       char out[65])
{
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)no);
	const char *f[] = { num, waktu, op, op2, peran, aksi, tabel, baris_id, kelompok_id,
			    anggota_id, keterangan, isi_hash, prev };
	struct sha256_ctx c;
	sha256_init(&c);
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		put_field(&c, f[i]);
	hex_digest(&c, out);
}

/* ---- Capture: the temporary table and triggers ---- */

/* A growing SQL text. */
struct buf {
	char *p;
	size_t len, cap;
};

static void add(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct buf *b, const char *fmt, ...)
{
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0)
			abort();
		if (b->p && b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		if (!b->p)
			abort();
	}
}

/* Columns whose value never goes into the trail as it is. */
static int is_id_number(const char *col)
{
	return strcmp(col, "nik") == 0 || strcmp(col, "no_kk") == 0;
}

static int is_secret(const char *col)
{
	return strcmp(col, "sandi") == 0 || strcmp(col, "pin") == 0 ||
	       strcmp(col, "kunci_rahasia") == 0;
}

/* Columns left out: the stamps change with every write; urut_nama is the name's sort key
 * (collate.h), a BLOB derived from the name the trail already holds. */
static int is_stamp(const char *col)
{
	return strcmp(col, "diubah_pada") == 0 || strcmp(col, "disimpan_pada") == 0 ||
	       strcmp(col, "urut_nama") == 0;
}

/* The value of column col of row r (NEW or OLD) as it goes into the trail. */
static void value(struct buf *b, const char *r, const char *col)
{
	if (is_id_number(col))
		add(b, "CASE WHEN %s.\"%s\" IS NULL THEN NULL ELSE substr(%s.\"%s\",1,6) || "
		    "substr('************************',1,max(length(%s.\"%s\")-6,0)) END",
		    r, col, r, col, r, col);
	else if (is_secret(col))
		add(b, "CASE WHEN %s.\"%s\" IS NULL THEN NULL ELSE '***' END", r, col);
	else
		add(b, "%s.\"%s\"", r, col);
}

struct cols {
	char (*name)[64];
	int *pk;
	int n;
	int has_kelompok, has_anggota, has_pertemuan;
};

static int has_col(const struct cols *c, const char *name)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->name[i], name) == 0)
			return 1;
	return 0;
}

/* Four eyes by what is written (docs/audit.md), whatever code path writes it: a fine waived
 * (denda.dibebaskan set), a loan written off (pinjaman.dihapusbukukan_pada set) and a
 * share-out row (bagi_hasil inserted) need "4:" and the action's name, checked at the commit
 * point (a second operator's confirmation, then the permission "tulis"). Only for the
 * columns the schema has (the savings-and-loans tables of issue 13). 1 when written. */
static int four_eyes_permission(struct buf *b, const char *t, const struct cols *c,
				const char *event)
{
	int ins = strcmp(event, "INSERT") == 0, upd = strcmp(event, "UPDATE") == 0;
	if (strcmp(t, "denda") == 0 && has_col(c, "dibebaskan") && (ins || upd))
		add(b, "CASE WHEN NEW.dibebaskan=1 AND %s THEN '4:pembebasan_denda' ELSE 'tulis' END",
		    ins ? "1" : "OLD.dibebaskan IS NOT 1");
	else if (strcmp(t, "pinjaman") == 0 && has_col(c, "dihapusbukukan_pada") && (ins || upd))
		add(b, "CASE WHEN NEW.dihapusbukukan_pada IS NOT NULL AND %s THEN "
		    "'4:hapus_buku_pinjaman' ELSE 'tulis' END",
		    ins ? "1" : "OLD.dihapusbukukan_pada IS NULL");
	else if (strcmp(t, "bagi_hasil") == 0 && ins)
		add(b, "'4:bagi_hasil'");
	else
		return 0;
	return 1;
}

/* The permission a change of a table needs (the SQL of an sk_action name over row r): the
 * permission table of db_access.c applied to what is written. Tables not listed need
 * "tulis". */
static void permission(struct buf *b, const char *t, const struct cols *c, const char *r,
		       const char *event)
{
	if (four_eyes_permission(b, t, c, event))
		return;
	if (strcmp(t, "penilaian") == 0 || strcmp(t, "evaluasi") == 0)
		add(b, "'nilai'");
	else if (strcmp(t, "kelompok_gagal") == 0)
		add(b, "'tingkat'"); /* a group declared failed (issue 14): its standing, as a level */
	else if (strcmp(t, "operator") == 0)
		add(b, "'operator'");
	else if (strcmp(t, "kunci_tepercaya") == 0)
		add(b, "'kunci'");
	else if (strcmp(t, "pengaturan") == 0)
		add(b, "CASE WHEN %s.kunci IN ('ambang_miskin','kode_wilayah_kantor','nama_kantor',"
		    "'retensi_bulan') THEN 'pengaturan' ELSE 'tulis' END", r);
	else if (strcmp(t, "kelompok") == 0 && strcmp(event, "UPDATE") == 0)
		add(b, "CASE WHEN NEW.tingkat IS NOT OLD.tingkat THEN 'tingkat' ELSE 'tulis' END");
	else if (strcmp(t, "kelompok") == 0 && strcmp(event, "INSERT") == 0)
		add(b, "CASE WHEN NEW.tingkat IS NOT 'tumbuh' THEN 'tingkat' ELSE 'tulis' END");
	else
		add(b, "'tulis'");
}

/* Row r's own id when table t is own (a group is its own group), else its column ref when
 * the table has it (has_ref). 1 when added, 0 when neither (nothing added). */
static int own_or_ref(struct buf *b, const char *t, const char *own, int has_ref, const char *ref,
		      const char *r)
{
	if (strcmp(t, own) == 0)
		add(b, "%s.id", r);
	else if (has_ref)
		add(b, "%s.%s", r, ref);
	else
		return 0;
	return 1;
}

/* The group of row r: its own id for kelompok, its kelompok_id, or its member's or meeting's
 * group. */
static void group_of(struct buf *b, const char *t, const struct cols *c, const char *r)
{
	if (own_or_ref(b, t, "kelompok", c->has_kelompok, "kelompok_id", r))
		return;
	if (c->has_anggota)
		add(b, "(SELECT kelompok_id FROM main.anggota WHERE id=%s.anggota_id)", r);
	else if (c->has_pertemuan)
		add(b, "(SELECT kelompok_id FROM main.pertemuan WHERE id=%s.pertemuan_id)", r);
	else
		add(b, "NULL");
}

static void member_of(struct buf *b, const char *t, const struct cols *c, const char *r)
{
	if (!own_or_ref(b, t, "anggota", c->has_anggota, "anggota_id", r))
		add(b, "NULL");
}

/* The row's key: its primary key columns joined by '/'. */
static void key_of(struct buf *b, const struct cols *c, const char *r)
{
	int first = 1;
	for (int k = 1; k <= c->n; k++)
		for (int i = 0; i < c->n; i++)
			if (c->pk[i] == k) {
				add(b, "%s%s.\"%s\"", first ? "" : " || '/' || ", r, c->name[i]);
				first = 0;
			}
	if (first)
		add(b, "%s.rowid", r);
}

/* For every column of c but the stamps, in order: sep before all but the first, then
 * part(b, r, column). */
static void data_cols(struct buf *b, const struct cols *c, const char *sep,
		      void (*part)(struct buf *b, const char *r, const char *col), const char *r)
{
	int first = 1;
	for (int i = 0; i < c->n; i++) {
		if (is_stamp(c->name[i]))
			continue;
		add(b, "%s", first ? "" : sep);
		part(b, r, c->name[i]);
		first = 0;
	}
}

/* A column's name and value of row r, as json_object takes them. */
static void json_pair(struct buf *b, const char *r, const char *col)
{
	add(b, "'%s',", col);
	value(b, r, col);
}

/* A column's name, old and new value and whether it changed, as a row of the UPDATE
 * trigger's list (r unused: OLD and NEW). */
static void changed_col(struct buf *b, const char *r, const char *col)
{
	(void)r;
	add(b, "SELECT '%s' AS k, ", col);
	value(b, "OLD", col);
	add(b, " AS o, ");
	value(b, "NEW", col);
	add(b, " AS n, OLD.\"%s\" IS NOT NEW.\"%s\" AS d", col, col);
}

/* json_object of every column of row r (stamps left out). */
static void whole_row(struct buf *b, const struct cols *c, const char *r)
{
	add(b, "json_object(");
	data_cols(b, c, ",", json_pair, r);
	add(b, ")");
}

static void insert_head(struct buf *b)
{
	add(b, "INSERT INTO jejak_tunda(aksi, tabel, baris_id, kelompok_id, anggota_id, lama, baru, "
	    "izin) ");
}

/* The start of trigger jejak_<t>_<x> after ev (INSERT, UPDATE, DELETE) on table t: its trail
 * row's action aksi, the table, and the key, group and member of row (NEW or OLD), after
 * verb ("VALUES(" or "SELECT "), up to the comma after them. */
static void trigger_start(struct buf *b, const char *t, const struct cols *c, char x,
			  const char *ev, const char *verb, const char *aksi, const char *row)
{
	add(b, "CREATE TEMP TRIGGER \"jejak_%s_%c\" AFTER %s ON main.\"%s\" WHEN "
	    "sk_jejak_aktif() BEGIN ", t, x, ev, t);
	insert_head(b);
	add(b, "%s'%s', '%s', ", verb, aksi, t);
	key_of(b, c, row);
	add(b, ", ");
	group_of(b, t, c, row);
	add(b, ", ");
	member_of(b, t, c, row);
	add(b, ", ");
}

/* The three triggers of table t. */
static void triggers_for(struct buf *b, const char *t, const struct cols *c)
{
	/* INSERT: the new row whole. */
	trigger_start(b, t, c, 'i', "INSERT", "VALUES(", "tambah", "NEW");
	add(b, "NULL, ");
	whole_row(b, c, "NEW");
	add(b, ", ");
	permission(b, t, c, "NEW", "INSERT");
	add(b, "); END;\n");
	/* UPDATE: the columns that changed, old and new; nothing when only the stamps did. */
	trigger_start(b, t, c, 'u', "UPDATE", "SELECT ", "ubah", "NEW");
	add(b, "json_group_object(k, o), json_group_object(k, n), ");
	permission(b, t, c, "NEW", "UPDATE");
	add(b, " FROM (");
	data_cols(b, c, " UNION ALL ", changed_col, NULL);
	add(b, ") WHERE d HAVING count(*) > 0; END;\n");
	/* DELETE: the old row whole. */
	trigger_start(b, t, c, 'd', "DELETE", "VALUES(", "hapus", "OLD");
	whole_row(b, c, "OLD");
	add(b, ", NULL, ");
	permission(b, t, c, "OLD", "DELETE");
	add(b, "); END;\n");
}


/* The columns of table t into c (the caller frees c->name and c->pk). */
static int read_cols(sk_db *db, const char *t, struct cols *c, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name, pk FROM pragma_table_info(:t) ORDER BY cid",
				      e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":t", t);
	memset(c, 0, sizeof *c);
	int rc, cap = 0;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (c->n == cap) {
			cap = cap ? 2 * cap : 32;
			c->name = realloc(c->name, (size_t)cap * sizeof *c->name);
			c->pk = realloc(c->pk, (size_t)cap * sizeof *c->pk);
			if (!c->name || !c->pk)
				abort();
		}
		db_col_text(st, 0, c->name[c->n], sizeof c->name[c->n]);
		c->pk[c->n] = sqlite3_column_int(st, 1);
		if (!db_plain_name(c->name[c->n]))
			continue;
		c->has_kelompok |= strcmp(c->name[c->n], "kelompok_id") == 0;
		c->has_anggota |= strcmp(c->name[c->n], "anggota_id") == 0;
		c->has_pertemuan |= strcmp(c->name[c->n], "pertemuan_id") == 0;
		c->n++;
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

/* sk_jejak_aktif(): 1 while the triggers should capture (not the program's own bookkeeping,
 * not an import that records one note); marks the transaction as holding something. */
static void fn_aktif(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct db_acc *a = db_acc(sqlite3_user_data(ctx));
	int on = !a->system && !a->rows_off;
	if (on)
		a->pending = 1;
	sqlite3_result_int(ctx, on);
}

int db_audit_attach(sk_db *db, sk_err *e)
{
	struct db_acc *a = db_acc(db);
	if (a->attached)
		return SK_OK;
	if (sqlite3_create_function_v2(db_handle(db), "sk_jejak_aktif", 0, SQLITE_UTF8, db,
				       fn_aktif, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(db, sqlite3_errcode(db_handle(db)), e);
	int rc = db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS jejak_tunda(no INTEGER PRIMARY KEY, "
			 "aksi TEXT, tabel TEXT, baris_id TEXT, kelompok_id TEXT, anggota_id TEXT, "
			 "lama TEXT, baru TEXT, izin TEXT, keterangan TEXT)", e);
	if (rc == SK_OK)
		a->attached = 1;
	return rc;
}

char *db_audit_trigger_sql(sk_db *db, sk_err *e)
{
	/* Every table that carries diubah_pada: the data (exchanged or local), settings and
	 * operators; not the region list, the derived balances or the trail itself. And the
	 * local records of decisions that carry no diubah_pada (kelompok_gagal, issue 14). */
	sqlite3_stmt *st = db_prepare_once(db, "SELECT m.name FROM main.sqlite_schema m WHERE "
					   "m.type='table' AND m.name <> 'jejak' AND (EXISTS (SELECT 1 "
					   "FROM pragma_table_info(m.name) WHERE name='diubah_pada') OR "
					   "m.name IN ('kelompok_gagal')) ORDER BY m.name", e);
	if (!st)
		return NULL;
	char names[64][64];
	int n = 0, src;
	while ((src = db_step(db, st, e)) == SQLITE_ROW && n < 64)
		db_col_text(st, 0, names[n++], sizeof names[0]);
	db_finalize(st);
	if (src != SQLITE_DONE && src != SQLITE_ROW)
		return NULL;
	struct buf b = { 0 };
	add(&b, "%s", "");
	int rc = SK_OK;
	for (int i = 0; i < n && rc == SK_OK; i++) {
		if (!db_plain_name(names[i]))
			continue;
		struct cols c = { 0 };
		rc = read_cols(db, names[i], &c, e);
		if (rc == SK_OK)
			triggers_for(&b, names[i], &c);
		free(c.name);
		free(c.pk);
	}
	if (rc != SK_OK) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

void db_audit_rows(sk_db *db, int on)
{
	db_acc(db)->rows_off = !on;
}

/* ---- Notes ---- */

int db_audit_note(sk_db *db, const char *aksi, const char *tabel, const char *baris_id,
		  const char *kelompok_id, const char *anggota_id, const char *keterangan,
		  sk_err *e)
{
	struct db_acc *a = db_acc(db);
	if (!a->attached)
		return SK_OK;
	db_system_begin(db);
	int rc = db_begin_write(db, e);
	if (rc != SK_OK) {
		db_system_end(db);
		return rc;
	}
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO jejak_tunda(aksi, tabel, baris_id, "
				      "kelompok_id, anggota_id, keterangan) VALUES(:a, :t, :b, :k, :g, "
				      ":ket)", e);
	int ok = st != NULL;
	if (ok) {
		db_bind_texts(st, ":a", aksi, ":t", tabel, ":b", baris_id, ":k", kelompok_id,
				  ":g", anggota_id);
		/* Never an identity number in the trail's notes (a path, a file name ...). */
		char ket[1024];
		sk_strlcpy(ket, keterangan, sizeof ket);
		privacy_mask_ids(ket);
		db_bind_text(st, ":ket", ket);
		ok = db_step(db, st, e) == SQLITE_DONE;
		db_reset(st);
		a->pending = 1;
	}
	rc = db_end(db, ok, e);
	db_system_end(db);
	return ok ? rc : (e && e->status ? e->status : SK_DBERR);
}

/* ---- The commit point ---- */

static const char *col(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* The role's refusal of a captured change needing action named izin on table t. */
static int refuse(sk_db *db, const char *izin, const char *t, sk_err *e)
{
	struct db_acc *a = db_acc(db);
	int act = sk_action_parse(izin);
	if (a->role == SK_ROLE_NONE)
		return sk_err_set(e, SK_DENIED, "%s", _("Belum masuk sebagai operator: data tidak "
							 "dapat disimpan."));
	return sk_err_set(e, SK_DENIED, _("Operator %s (peran %s) tidak berwenang %s (tabel %s); "
					   "tidak ada yang disimpan."), a->op,
			  sk_role_name(a->role), act >= 0 ? sk_action_label(act) : izin, t);
}

/* What a four-eyes action of the trail's "4:" permissions is, in a clerk's words. */
static const char *four_eyes_label(const char *action)
{
	if (strcmp(action, "pembebasan_denda") == 0)
		return _("pembebasan denda anggota");
	if (strcmp(action, "hapus_buku_pinjaman") == 0)
		return _("penghapusbukuan pinjaman");
	if (strcmp(action, "bagi_hasil") == 0)
		return _("pembagian hasil (bagi hasil) akhir siklus");
	return action;
}

/* The captured changes that need four eyes ("4:" permissions): each action confirmed by a
 * second operator (then one note empat_mata for it joins the captured rows), else SK_DENIED
 * and nothing is saved. */
static int four_eyes_flush(sk_db *db, sk_err *e)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT DISTINCT substr(izin, 3) FROM temp.jejak_tunda "
				     "WHERE izin LIKE '4:%' ORDER BY 1", e);
	sqlite3_stmt *note = db_prepare(db, "INSERT INTO temp.jejak_tunda(aksi, keterangan) "
					"VALUES('empat_mata', :ket)", e);
	if (!q || !note)
		return SK_DBERR;
	char actions[4][64];
	int n = 0, rc, status = SK_OK;
	while ((rc = db_step(db, q, e)) == SQLITE_ROW)
		if (n < 4)
			db_col_text(q, 0, actions[n++], sizeof actions[0]);
	db_reset(q);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	for (int i = 0; i < n && status == SK_OK; i++) {
		status = db_four_eyes_granted(db, actions[i], four_eyes_label(actions[i]), e);
		if (status != SK_OK || !db_acc(db)->fe_used)
			continue;
		/* The trail keeps the action's name (stored data, the same in every language). */
		db_bind_text(note, ":ket", actions[i]);
		if (db_step(db, note, e) != SQLITE_DONE)
			status = e ? e->status : SK_DBERR;
		db_reset(note);
	}
	return status;
}

int db_audit_flush(sk_db *db, sk_err *e)
{
	struct db_acc *a = db_acc(db);
	if (!a->attached || !a->pending)
		return SK_OK;
	int frc = four_eyes_flush(db, e);
	if (frc != SK_OK)
		return frc;
	sqlite3_stmt *last = db_prepare(db, "SELECT no, hash FROM main.jejak ORDER BY no DESC LIMIT 1",
					e);
	if (!last)
		return SK_DBERR;
	int64_t no = 0;
	char prev[65] = ZERO_HASH;
	int rc = db_step(db, last, e);
	if (rc == SQLITE_ROW) {
		no = sqlite3_column_int64(last, 0);
		sk_strlcpy(prev, col(last, 1), sizeof prev);
	}
	db_reset(last);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	sqlite3_stmt *q = db_prepare(db, "SELECT aksi, tabel, baris_id, kelompok_id, anggota_id, "
				     "lama, baru, izin, keterangan FROM temp.jejak_tunda ORDER BY no", e);
	sqlite3_stmt *ins = db_prepare(db, "INSERT INTO main.jejak(no, waktu, operator, operator2, "
				       "peran, aksi, tabel, baris_id, kelompok_id, anggota_id, lama, baru, "
				       "keterangan, isi_hash, hash_sebelum, hash) VALUES(:no, :w, :op, "
				       ":op2, :p, :a, :t, :b, :k, :g, :l, :n, :ket, :ih, :hs, :h)", e);
	if (!q || !ins)
		return SK_DBERR;
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	const char *op = *a->op ? a->op : "sistem";
	const char *op2 = a->fe_used ? a->fe_second : NULL;
	const char *peran = a->role != SK_ROLE_NONE ? sk_role_name(a->role) : NULL;
	int status = SK_OK;
	while (status == SK_OK && (rc = db_step(db, q, e)) == SQLITE_ROW) {
		const char *izin = col(q, 7);
		if (izin && strncmp(izin, "4:", 2) == 0)
			izin = "tulis"; /* confirmed by four_eyes_flush; the role still writes */
		if (izin && a->role != SK_ROLE_NONE) {
			int act = sk_action_parse(izin);
			if (act < 0 || !sk_role_may(a->role, act)) {
				status = refuse(db, izin, col(q, 1) ? col(q, 1) : "", e);
				break;
			}
		}
		char ih[65], h[65];
		content_hash(col(q, 5), col(q, 6), ih);
		no++;
		db_audit_row_hash(no, now, op, op2, peran, col(q, 0), col(q, 1), col(q, 2), col(q, 3),
				  col(q, 4), col(q, 8), ih, prev, h);
		db_bind_int64(ins, ":no", no);
		db_bind_texts(ins, ":w", now, ":op", op, ":op2", op2, ":p", peran);
		const char *names[] = { ":a", ":t", ":b", ":k", ":g", ":l", ":n" };
		for (int i = 0; i < 7; i++)
			if (sqlite3_column_type(q, i) == SQLITE_NULL)
				db_bind_null(ins, names[i]);
			else
				sqlite3_bind_text(ins, sqlite3_bind_parameter_index(ins, names[i]),
						  col(q, i), -1, SQLITE_TRANSIENT);
		db_bind_texts(ins, ":ket", col(q, 8), ":ih", ih, ":hs", prev, ":h", h);
		if (db_step(db, ins, e) != SQLITE_DONE)
			status = e ? e->status : SK_DBERR;
		db_reset(ins);
		memcpy(prev, h, sizeof prev);
	}
	db_reset(q);
	if (status == SK_OK && rc != SQLITE_DONE)
		status = e ? e->status : SK_DBERR;
	if (status == SK_OK)
		status = db_exec(db, "DELETE FROM temp.jejak_tunda", e);
	return status;
}

void db_audit_txn_end(sk_db *db, int committed)
{
	struct db_acc *a = db_acc(db);
	if (committed && a->fe_used)
		a->fe_action[0] = a->fe_second[0] = '\0';
	a->fe_used = 0;
	a->pending = 0;
	a->rows_off = 0;
	if (!committed && a->capture_txn)
		a->capturing = 0; /* the rollback took the capture triggers away */
	a->capture_txn = 0;
}

/* ---- Verification (check) ---- */

int db_audit_verify(sk_db *db, sk_audit_finding *f, sk_err *e)
{
	memset(f, 0, sizeof *f);
	f->guards = db_int(db, "SELECT count(*) FROM sqlite_schema WHERE type='trigger' AND name IN "
			   "('jejak_tetap_hapus','jejak_tetap_ubah')", 0) == 2;
	sqlite3_stmt *st = db_prepare(db, "SELECT no, waktu, operator, operator2, peran, aksi, tabel, "
				      "baris_id, kelompok_id, anggota_id, keterangan, isi_hash, "
				      "hash_sebelum, hash, lama, baru FROM jejak ORDER BY no", e);
	if (!st)
		return SK_DBERR;
	char prev[65] = ZERO_HASH;
	int64_t want_no = 1;
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		int64_t no = sqlite3_column_int64(st, 0);
		char h[65], ih[65];
		f->rows++;
		const char *lama = col(st, 14), *baru = col(st, 15);
		content_hash(lama, baru, ih);
		db_audit_row_hash(no, col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5),
				  col(st, 6), col(st, 7), col(st, 8), col(st, 9), col(st, 10),
				  col(st, 11), col(st, 12), h);
		const char *why = NULL;
		if (no != want_no)
			why = _("nomor baris tidak berurutan: ada baris yang hilang");
		else if (!col(st, 12) || strcmp(col(st, 12), prev) != 0)
			why = _("hash_sebelum tidak sama dengan hash baris sebelumnya");
		else if (!col(st, 13) || strcmp(col(st, 13), h) != 0)
			why = _("isi baris tidak cocok dengan hash-nya (baris diubah)");
		else if (!col(st, 11) || strcmp(col(st, 11), ih) != 0) {
			if (!lama && !baru)
				f->blanked++;
			else
				why = _("isi lama/baru tidak cocok dengan isi_hash (isi diubah)");
		}
		if (why) {
			f->no = no;
			sk_strlcpy(f->why, why, sizeof f->why);
			break;
		}
		sk_strlcpy(prev, col(st, 13), sizeof prev);
		want_no = no + 1;
	}
	db_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? SK_OK : (e ? e->status : SK_DBERR);
}
