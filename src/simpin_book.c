/* simpin_book.c - the postings of savings-and-loans movements, the checks they share, cycles,
 * savings and fines. Loans and repayments: simpin_book_loan.c; the close: simpin_book_close.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cash_priv.h"
#include "db_row.h"
#include "i18n.h"
#include "simpin_book_priv.h"
#include "validate.h"

/* ---- postings ------------------------------------------------------------------------------ */

int simpin_book_post(sk_db *db, const char *g, const char *buku, const char *kategori,
		     int64_t amount, const char *tanggal, const char *sumber_id, const char *uraian,
		     sk_err *e)
{
	if (amount == 0)
		return SK_OK;
	int rc = cash_check_open(db, g, buku, tanggal, e);
	if (rc != SK_OK)
		return rc;
	sk_cash_row c;
	cash_init(&c, g);
	sk_strlcpy(c.tanggal, tanggal, sizeof c.tanggal);
	sk_strlcpy(c.buku, buku, sizeof c.buku);
	sk_strlcpy(c.kategori, kategori, sizeof c.kategori);
	sk_strlcpy(c.uraian, uraian, sizeof c.uraian);
	sk_strlcpy(c.sumber_id, sumber_id, sizeof c.sumber_id);
	c.masuk = amount > 0 ? amount : 0;
	c.keluar = amount < 0 ? -amount : 0;
	return cash_insert_row(db, &c, e);
}

int simpin_book_unpost(sk_db *db, const char *sumber_id, char from[16], sk_err *e)
{
	int n, rc = SK_OK;
	sk_cash_row *rows = cash_standing(db, NULL, NULL, sumber_id, &n, e);
	if (!rows)
		return e && e->status ? e->status : SK_DBERR;
	for (int i = 0; rc == SK_OK && i < n; i++) {
		sk_cash_row r;
		rc = cash_insert_reversal(db, &rows[i], &r, e);
		if (rc == SK_OK && (!*from || strcmp(r.tanggal, from) < 0))
			sk_strlcpy(from, r.tanggal, 16);
	}
	free(rows);
	return rc;
}

int simpin_book_post_reversal(sk_db *db, const char *orig_id, const char *rev_id,
			      char date[16], sk_err *e)
{
	int n, rc = SK_OK;
	sk_cash_row *rows = cash_standing(db, NULL, NULL, orig_id, &n, e);
	if (!rows)
		return e && e->status ? e->status : SK_DBERR;
	for (int i = 0; rc == SK_OK && i < n; i++) {
		sk_cash_row o = rows[i], r;
		sk_strlcpy(o.sumber_id, rev_id, sizeof o.sumber_id);
		rc = cash_insert_reversal(db, &o, &r, e);
		if (rc == SK_OK)
			sk_strlcpy(date, r.tanggal, 16);
	}
	free(rows);
	return rc;
}

/* ---- shared checks --------------------------------------------------------------------------- */

int simpin_book_reversible(sk_db *db, const char *reversed_sql, const char *membalik,
			   const char *id, sk_err *e)
{
	if (*membalik)
		return sk_err_set(e, SK_REFUSED, "%s", _("Baris ini sendiri pembalikan; catat baris yang "
							 "benar sebagai baris baru."));
	if (!reversed_sql)
		return SK_OK;
	return db_refuse_if_row(db, reversed_sql, ":id", id, _("Baris ini sudah pernah dibalik."), e);
}

void simpin_book_reversal_date(const char *tanggal, char out[16])
{
	sk_today(out);
	if (strcmp(tanggal, out) > 0)
		sk_strlcpy(out, tanggal, 16);
}

int simpin_book_cycle(sk_db *db, const char *siklus_id, sk_cycle *c, sk_err *e)
{
	return table_get_live(db, &CYCLE_TABLE, siklus_id, c, sizeof *c,
			      _("Siklus simpan pinjam tidak ditemukan."), e);
}

int simpin_book_load(sk_db *db, const table_def *t, const char *id, void *row, size_t size,
		     const char *notfound, sk_cycle *c, sk_err *e)
{
	int rc = table_get_live(db, t, id, row, size, notfound, e);
	return rc == SK_OK ? simpin_book_cycle(db, table_field(t, row, "siklus_id"), c, e) : rc;
}

int simpin_book_date_ok(const sk_cycle *c, const char *date, const char *field, sk_issues *is)
{
	int before = sk_issues_errors(is);
	if (*c->selesai)
		sk_issues_add(is, field, SK_SEV_ERROR,
			      _("Siklus %d sudah ditutup pada %s: catat di siklus yang berjalan."),
			      c->nomor, c->selesai);
	else if (valid_date(date) && strcmp(date, c->mulai) < 0)
		sk_issues_add(is, field, SK_SEV_ERROR, _("Siklus %d baru mulai %s."), c->nomor,
			      c->mulai);
	if (valid_date(date) && sk_date_after_today(date))
		sk_issues_add(is, field, SK_SEV_ERROR, "%s",
			      _("Tanggal itu belum tiba: catat pada hari terjadinya."));
	return sk_issues_errors(is) == before;
}

int simpin_book_member(sk_db *db, const char *anggota_id, const char *g, char *nama, size_t n,
		       char keluar[16], sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT nama, kelompok_id, dihapus, "
				      "coalesce(tanggal_keluar,'') FROM anggota WHERE id=:id", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", anggota_id);
	int rc = db_step(db, st, e), mine = 0;
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, nama, n);
		const char *kg = (const char *)sqlite3_column_text(st, 1);
		mine = kg && strcmp(kg, g) == 0 && sqlite3_column_int(st, 2) == 0;
		db_col_text(st, 3, keluar, 16);
	}
	rc = db_row_end(st, rc, _("Anggota tidak ditemukan."), e);
	if (rc == SK_NOTFOUND || (rc == SK_OK && !mine))
		return sk_err_set(e, SK_REFUSED, "%s", _("Anggota itu bukan anggota kelompok ini."));
	return rc;
}

int simpin_book_meeting_ok(sk_db *db, const char *pertemuan_id, const char *g, const char *date,
			   sk_issues *is, sk_err *e)
{
	if (!*pertemuan_id)
		return SK_OK;
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM pertemuan WHERE id=:p AND kelompok_id=:g AND "
				      "tanggal=:d AND dihapus=0", e);
	db_bind_texts(st, ":p", pertemuan_id, ":g", g, ":d", date);
	int found = db_exists(db, st, e);
	if (found < 0)
		return e && e->status ? e->status : SK_DBERR;
	if (!found)
		sk_issues_add(is, "pertemuan_id", SK_SEV_ERROR, "%s",
			      _("Pertemuan itu tidak ada, milik kelompok lain, atau tidak bertanggal sama."));
	return SK_OK;
}

int simpin_book_guard_saving(sk_db *db, const char *siklus_id, const char *anggota_id,
			     const char *jenis, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT tanggal, bal FROM (SELECT tanggal, "
				      "sum(setor-tarik) OVER (ORDER BY tanggal, setor=0, id ROWS "
				      "UNBOUNDED PRECEDING) bal FROM simpanan WHERE siklus_id=:s AND "
				      "anggota_id=:a AND jenis=:j AND dihapus=0) WHERE bal<0 LIMIT 1",
				      e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":s", siklus_id, ":a", anggota_id, ":j", jenis);
	char date[16] = "", bal[32] = "";
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, date, sizeof date);
		sk_format_rupiah(-sqlite3_column_int64(st, 1), bal, sizeof bal);
	}
	db_reset(st);
	if (rc == SQLITE_DONE)
		return SK_OK;
	if (rc != SQLITE_ROW)
		return e && e->status ? e->status : SK_DBERR;
	return sk_err_set(e, SK_REFUSED, _("Simpanan %s jadi kurang Rp %s pada %s: simpanan tidak "
					   "boleh minus."), jenis, bal, date);
}

int simpin_book_guard_repay(sk_db *db, const sk_loan *l, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT paid FROM (SELECT sum(CASE WHEN membalik_id IS "
				      "NULL THEN pokok ELSE -pokok END) OVER (ORDER BY tanggal, "
				      "membalik_id IS NULL, id ROWS UNBOUNDED PRECEDING) paid FROM "
				      "angsuran WHERE pinjaman_id=:p AND dihapus=0) WHERE paid>:lim OR "
				      "paid<0 LIMIT 1", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":p", l->id);
	db_bind_int64(st, ":lim", l->pokok);
	int found = db_exists(db, st, e);
	if (found < 0)
		return e && e->status ? e->status : SK_DBERR;
	char a[32];
	return found ? sk_err_set(e, SK_REFUSED, _("Pokok yang diangsur melebihi pinjaman Rp %s."),
				  sk_format_rupiah(l->pokok, a, sizeof a)) : SK_OK;
}

void simpin_book_text(char *out, size_t n, const char *fmt, ...)
{
	char buf[2 * SK_NAME_BYTES];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	sk_strlcpy(out, buf, n);
}

void simpin_book_stamp(char *id, char *diubah_pada, int *dihapus)
{
	if (!*id)
		sk_uuid_new(id);
	sk_now_utc(diubah_pada);
	*dihapus = 0;
}

int simpin_book_end(sk_db *db, int rc, sk_err *e)
{
	int erc = db_end(db, rc == SK_OK, rc == SK_OK ? e : NULL);
	return rc == SK_OK ? erc : rc;
}

int simpin_book_refused(const sk_issues *is, sk_err *e)
{
	return validate_refusal(is, _("Data simpan pinjam belum benar."), e);
}

int simpin_book_who(sk_db *db, simpin_move *mv, const char *anggota_id, const char *pertemuan_id,
		    const char *date, sk_issues *is, sk_err *e)
{
	sk_err q;
	sk_err_clear(&q);
	int rc = simpin_book_member(db, anggota_id, mv->c.kelompok_id, mv->nama, sizeof mv->nama,
				    mv->keluar, &q);
	if (rc == SK_REFUSED)
		sk_issues_add(is, "anggota_id", SK_SEV_ERROR, "%s", q.msg);
	else if (rc != SK_OK)
		return sk_err_set(e, rc, "%s", q.msg);
	return simpin_book_meeting_ok(db, pertemuan_id, mv->c.kelompok_id, date, is, e);
}

int simpin_book_withdraw(sk_db *db, const table_def *t, const void *row, char *diubah_pada,
			 const char *id, const char *g, const char *buku, const char *notfound,
			 sk_err *e)
{
	sk_now_utc(diubah_pada);
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	char from[16] = "";
	rc = table_store(db, t, row, 0, notfound, e);
	if (rc == SK_OK)
		rc = simpin_book_unpost(db, id, from, e);
	if (rc == SK_OK && *from)
		rc = cash_guard(db, g, buku, from, e);
	return simpin_book_end(db, rc, e);
}

int simpin_book_update(sk_db *db, const table_def *t, void *row, const char *notfound,
		       simpin_post_fn post, const simpin_move *mv, sk_err *e)
{
	sk_now_utc(table_field(t, row, "diubah_pada"));
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = table_store(db, t, row, 0, notfound, e);
	if (rc == SK_OK && post)
		rc = post(db, row, mv, e);
	return simpin_book_end(db, rc, e);
}

void simpin_book_not_reversal(const char *membalik_id, sk_issues *is)
{
	if (*membalik_id)
		sk_issues_add(is, "membalik_id", SK_SEV_ERROR, "%s",
			      _("Pembalikan dibuat dengan perintah Balik pada baris yang salah."));
}

int simpin_book_move_checks(sk_db *db, simpin_move *mv, const char *membalik_id,
			    const char *siklus_id, const char *anggota_id, const char *pertemuan_id,
			    const char *tanggal, sk_issues *is, sk_err *e)
{
	if (membalik_id)
		simpin_book_not_reversal(membalik_id, is);
	int rc = simpin_book_cycle(db, siklus_id, &mv->c, e);
	if (rc != SK_OK)
		return rc;
	simpin_book_date_ok(&mv->c, tanggal, "tanggal", is);
	return simpin_book_who(db, mv, anggota_id, pertemuan_id, tanggal, is, e);
}

int simpin_book_insert(sk_db *db, const table_def *t, void *row, size_t size,
		       simpin_post_fn post, const simpin_move *mv, const sk_issues *is, sk_err *e)
{
	if (is && sk_issues_errors(is))
		return simpin_book_refused(is, e);
	void *keep = malloc(size);
	if (!keep)
		abort();
	memcpy(keep, row, size);
	simpin_book_stamp(table_field(t, row, "id"), table_field(t, row, "diubah_pada"),
			  table_field(t, row, "dihapus"));
	int rc = db_begin_write(db, e);
	if (rc == SK_OK) {
		rc = table_store(db, t, row, 1, "", e);
		if (rc == SK_OK)
			rc = post(db, row, mv, e);
		rc = simpin_book_end(db, rc, e);
	}
	if (rc != SK_OK)
		memcpy(row, keep, size);
	free(keep);
	return rc;
}

/* A reversal's posting context: its movement first (post_reversal gets that member's address
 * as its move), then what simpin_book_reverse was given. */
struct reversal {
	simpin_move mv;
	const char *orig_id, *rev_id;   /* the row reversed; the reversal (stamped by then) */
	simpin_post_fn guard;
	const char *buku;
};

/* The postings of a reversal: the mirror of the reversed row's standing postings, the balance
 * its kind keeps, and the book from the reversal's date. */
static int post_reversal(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	const struct reversal *x = (const struct reversal *)mv;
	char date[16] = "";
	int rc = simpin_book_post_reversal(db, x->orig_id, x->rev_id, date, e);
	if (rc == SK_OK)
		rc = x->guard(db, row, mv, e);
	if (rc == SK_OK && *date)
		rc = cash_guard(db, mv->c.kelompok_id, x->buku, date, e);
	return rc;
}

/* Text column name of row (a struct t describes) set to text. */
static void set_text(const table_def *t, void *row, const char *name, const char *text)
{
	table_set_text(t, table_col_index(t, name), row, text);
}

int simpin_book_reverse(sk_db *db, const table_def *t, void *row, size_t size,
			simpin_post_fn guard, const simpin_move *mv, const char *buku, void *out,
			sk_err *e)
{
	/* The fields' addresses: the original's id once copied below, the reversal's when stamped. */
	struct reversal x = { .mv = *mv, .orig_id = table_field(t, row, "membalik_id"),
			      .rev_id = table_field(t, row, "id"), .guard = guard, .buku = buku };
	char date[16];
	simpin_book_reversal_date(table_field(t, row, "tanggal"), date);
	set_text(t, row, "membalik_id", table_field(t, row, "id"));
	set_text(t, row, "id", "");
	set_text(t, row, "tanggal", date);
	set_text(t, row, "pertemuan_id", "");
	int rc = simpin_book_insert(db, t, row, size, post_reversal, &x.mv, NULL, e);
	if (rc == SK_OK && out)
		memcpy(out, row, size);
	return rc;
}

/* ---- cycles ----------------------------------------------------------------------------------- */

int simpin_cycle_start(sk_db *db, sk_cycle *c, sk_issues *is, sk_err *e)
{
	sk_issues_clear(is);
	cycle_validate_fields(c, is);
	sk_cycle last, open;
	sk_err q;
	sk_err_clear(&q);
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM kelompok WHERE id=:g AND dihapus=0", e);
	if (st)
		db_bind_text(st, ":g", c->kelompok_id);
	int live = db_exists(db, st, e);
	if (live < 0)
		return e && e->status ? e->status : SK_DBERR;
	if (!live)
		sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s", _("Kelompok tidak ditemukan."));
	int rc = simpin_cycle_open(db, c->kelompok_id, &open, &q);
	if (rc == SK_OK)
		sk_issues_add(is, "mulai", SK_SEV_ERROR,
			      _("Siklus %d masih berjalan sejak %s: tutup dulu dengan bagi hasilnya."),
			      open.nomor, open.mulai);
	else if (rc != SK_NOTFOUND)
		return sk_err_set(e, rc, "%s", q.msg);
	rc = simpin_cycle_last(db, c->kelompok_id, &last, &q);
	if (rc != SK_OK && rc != SK_NOTFOUND)
		return sk_err_set(e, rc, "%s", q.msg);
	c->nomor = rc == SK_OK ? last.nomor + 1 : 1;
	if (rc == SK_OK && *last.selesai && valid_date(c->mulai) && strcmp(c->mulai, last.selesai) <= 0)
		sk_issues_add(is, "mulai", SK_SEV_ERROR,
			      _("Siklus %d selesai %s: siklus baru mulai sesudahnya."), last.nomor,
			      last.selesai);
	if (c->has_batas && c->batas_pinjaman_kali == 0)
		sk_issues_add(is, "batas_pinjaman_kali", SK_SEV_WARNING, "%s",
			      _("Batas 0 kali simpanan: tidak ada pinjaman yang dapat diberikan."));
	if (sk_issues_errors(is))
		return simpin_book_refused(is, e);
	sk_cycle keep = *c;
	c->id[0] = '\0';
	c->selesai[0] = '\0';
	simpin_book_stamp(c->id, c->diubah_pada, &c->dihapus);
	rc = db_begin_write(db, e);
	if (rc != SK_OK) {
		*c = keep;
		return rc;
	}
	rc = cycle_store_raw(db, c, 1, e);
	rc = simpin_book_end(db, rc, e);
	if (rc != SK_OK)
		*c = keep;
	return rc;
}

/* The first live loan of cycle c above limit kali (hundredths) on its date: SK_REFUSED with
 * the numbers, SK_OK when none. */
static int loans_within(sk_db *db, const sk_cycle *c, int kali, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, "SELECT a.nama, p.pokok, (SELECT coalesce(sum(s.setor - "
				    "s.tarik), 0) FROM simpanan s WHERE s.siklus_id=p.siklus_id AND "
				    "s.anggota_id=p.anggota_id AND s.dihapus=0 AND s.tanggal <= "
				    "p.tanggal) FROM pinjaman p JOIN anggota a ON a.id=p.anggota_id "
				    "WHERE p.siklus_id=:s AND p.dihapus=0 ORDER BY p.tanggal, p.id", e,
				    ":s", c->id);
	if (!st)
		return SK_DBERR;
	int rc, bad = 0;
	char nama[SK_NAME_BYTES] = "";
	sk_loan_limit lim;
	while (!bad && (rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (!loan_limit_check(sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2), kali,
				      &lim)) {
			bad = 1;
			db_col_text(st, 0, nama, sizeof nama);
		}
	}
	db_reset(st);
	if (!bad)
		return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
	char a[32], b[32];
	return sk_err_set(e, SK_REFUSED, _("Pinjaman %s Rp %s sudah melebihi batas baru (Rp %s): "
					   "batas tidak dapat diturunkan serendah itu."), nama,
			  sk_format_rupiah(lim.pokok, a, sizeof a),
			  sk_format_rupiah(lim.batas, b, sizeof b));
}

/* The rules of stored cycle old may change (table_editable_fn): SK_REFUSED once closed. */
static int cycle_open_rules(sk_db *db, const void *row, sk_err *e)
{
	const sk_cycle *old = row;
	(void)db;
	if (*old->selesai)
		return sk_err_set(e, SK_REFUSED, _("Siklus %d sudah ditutup; aturannya tidak dapat "
						   "diubah lagi."), old->nomor);
	return SK_OK;
}

int simpin_cycle_update(sk_db *db, sk_cycle *c, sk_issues *is, sk_err *e)
{
	sk_cycle old;
	int rc = table_get_editable(db, &CYCLE_TABLE, c->id, &old, sizeof old,
				    _("Siklus simpan pinjam tidak ditemukan."), cycle_open_rules, is, e);
	if (rc != SK_OK)
		return rc;
	sk_cycle n = old;
	n.simpanan_pokok = c->simpanan_pokok;
	n.simpanan_wajib = c->simpanan_wajib;
	n.jasa_persen_bulan = c->jasa_persen_bulan;
	sk_strlcpy(n.metode_jasa, c->metode_jasa, sizeof n.metode_jasa);
	n.has_batas = c->has_batas;
	n.batas_pinjaman_kali = c->batas_pinjaman_kali;
	n.denda_alpa = c->denda_alpa;
	n.denda_terlambat = c->denda_terlambat;
	sk_strlcpy(n.metode_bagi, c->metode_bagi, sizeof n.metode_bagi);
	sk_strlcpy(n.catatan, c->catatan, sizeof n.catatan);
	cycle_validate_fields(&n, is);
	if (sk_issues_errors(is))
		return simpin_book_refused(is, e);
	if (n.has_batas) {
		sk_err q;
		sk_err_clear(&q);
		rc = loans_within(db, &n, n.batas_pinjaman_kali, &q);
		if (rc == SK_REFUSED)
			sk_issues_add(is, "batas_pinjaman_kali", SK_SEV_ERROR, "%s", q.msg);
		else if (rc != SK_OK)
			return sk_err_set(e, rc, "%s", q.msg);
		if (rc == SK_REFUSED)
			return simpin_book_refused(is, e);
		if (n.batas_pinjaman_kali == 0)
			sk_issues_add(is, "batas_pinjaman_kali", SK_SEV_WARNING, "%s",
				      _("Batas 0 kali simpanan: tidak ada pinjaman yang dapat diberikan."));
	}
	sk_now_utc(n.diubah_pada);
	rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = cycle_store_raw(db, &n, 0, e);
	rc = simpin_book_end(db, rc, e);
	if (rc == SK_OK)
		*c = n;
	return rc;
}

/* ---- savings ----------------------------------------------------------------------------- */

/* The stored text of a savings posting. */
static void saving_text(const sk_saving *s, const char *nama, char *out, size_t n)
{
	if (s->setor > 0)
		simpin_book_text(out, n, "Simpanan %s %s", s->jenis, nama);
	else
		simpin_book_text(out, n, "Penarikan simpanan %s %s", s->jenis, nama);
}

/* S2 over the member's kind of savings row s. */
static int guard_saving(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	const sk_saving *s = row;
	(void)mv;
	return simpin_book_guard_saving(db, s->siklus_id, s->anggota_id, s->jenis, e);
}

static int post_saving(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	const sk_saving *s = row;
	char text[SK_NAME_BYTES];
	saving_text(s, mv->nama, text, sizeof text);
	int rc = simpin_book_post(db, mv->c.kelompok_id, "simpin", s->setor > 0 ? "simpanan" :
				  "penarikan", s->setor - s->tarik, s->tanggal, s->id, text, e);
	if (rc == SK_OK)
		rc = guard_saving(db, row, mv, e);
	if (rc == SK_OK && s->tarik > 0)
		rc = cash_guard(db, mv->c.kelompok_id, "simpin", s->tanggal, e);
	return rc;
}

int simpin_saving_add(sk_db *db, sk_saving *s, sk_issues *is, sk_err *e)
{
	simpin_move mv = { .keluar = "" };
	sk_issues_clear(is);
	saving_validate_fields(s, is);
	int rc = simpin_book_move_checks(db, &mv, s->membalik_id, s->siklus_id, s->anggota_id,
					 s->pertemuan_id, s->tanggal, is, e);
	if (rc != SK_OK)
		return rc;
	if (s->tarik > 0 && strcmp(s->jenis, "sukarela") != 0 && strcmp(s->tanggal, mv.keluar) != 0)
		sk_issues_add(is, "tarik", SK_SEV_ERROR, "%s",
			      _("Simpanan pokok dan wajib diambil hanya saat bagi hasil atau pada hari "
				"anggota keluar."));
	return simpin_book_insert(db, &SAVING_TABLE, s, sizeof *s, post_saving, &mv, is, e);
}

int simpin_saving_reverse(sk_db *db, const char *id, sk_saving *out, sk_err *e)
{
	sk_saving o;
	simpin_move mv;
	int rc = simpin_book_load(db, &SAVING_TABLE, id, &o, sizeof o, _("Simpanan tidak ditemukan."),
				  &mv.c, e);
	if (rc != SK_OK)
		return rc;
	if (*o.membalik_id)
		return simpin_book_reversible(db, NULL, o.membalik_id, id, e);
	if (*mv.c.selesai)
		return sk_err_set(e, SK_REFUSED, _("Siklus %d sudah ditutup dan dibagi; simpanannya "
						   "tidak dapat dibalik lagi."), mv.c.nomor);
	rc = simpin_book_reversible(db, "SELECT 1 FROM simpanan WHERE membalik_id=:id AND dihapus=0",
				    o.membalik_id, id, e);
	if (rc != SK_OK)
		return rc;
	sk_saving r = o;
	r.setor = o.tarik;
	r.tarik = o.setor;
	return simpin_book_reverse(db, &SAVING_TABLE, &r, sizeof r, guard_saving, &mv, "simpin", out,
				   e);
}

/* Delete the live rows of table t (simpanan, angsuran, pinjaman, denda) recorded at meeting
 * id, and the reversals of them, reversing their postings. */
static int drop_rows(sk_db *db, const char *t, const char *id, sk_err *e)
{
	char sql[512];
	int has_rev = strcmp(t, "simpanan") == 0 || strcmp(t, "angsuran") == 0;
	if (has_rev)
		snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE dihapus=0 AND (pertemuan_id=:p OR "
			 "membalik_id IN (SELECT id FROM %s WHERE pertemuan_id=:p))", t, t);
	else
		snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE dihapus=0 AND pertemuan_id=:p", t);
	sqlite3_stmt *st = db_prepare_once(db, sql, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":p", id);
	int rc, n = 0, cap = 16;
	char (*ids)[SK_UUID_LEN + 1] = malloc(sizeof *ids * (size_t)cap);
	if (!ids)
		abort();
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (n == cap) {
			cap *= 2;
			ids = realloc(ids, sizeof *ids * (size_t)cap);
			if (!ids)
				abort();
		}
		db_col_text(st, 0, ids[n++], sizeof ids[0]);
	}
	db_finalize(st);
	rc = rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
	snprintf(sql, sizeof sql, "UPDATE %s SET dihapus=1, diubah_pada=:t, disimpan_pada=%s "
		 "WHERE id=:id", t, DB_STORED_SQL);
	char now[SK_TS_LEN + 1], from[16] = "";
	sk_now_utc(now);
	for (int i = 0; rc == SK_OK && i < n; i++) {
		st = db_prepare_once(db, sql, e);
		if (!st) {
			rc = SK_DBERR;
			break;
		}
		db_bind_texts(st, ":t", now, ":id", ids[i]);
		rc = db_step_write(db, st, "", e);
		db_finalize(st);
		if (rc == SK_OK)
			rc = simpin_book_unpost(db, ids[i], from, e);
	}
	free(ids);
	return rc;
}

int simpin_drop_meeting_rows(sk_db *db, const char *pertemuan_id, sk_err *e)
{
	static const char *const TABLES[] = { "angsuran", "pinjaman", "simpanan", "denda" };
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	for (int i = 0; rc == SK_OK && i < 4; i++)
		rc = drop_rows(db, TABLES[i], pertemuan_id, e);
	return simpin_book_end(db, rc, e);
}

/* ---- fines ------------------------------------------------------------------------------- */

static void fine_text(const sk_fine *f, const char *nama, char *out, size_t n)
{
	simpin_book_text(out, n, "Denda %s %s", f->jenis, nama);
}

/* The posting of fine row's payment on its dibayar_pada. */
static int post_payment(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	const sk_fine *f = row;
	char text[SK_NAME_BYTES];
	fine_text(f, mv->nama, text, sizeof text);
	return simpin_book_post(db, mv->c.kelompok_id, "simpin", "denda", f->jumlah, f->dibayar_pada,
				f->id, text, e);
}

/* A new fine's posting: its payment when paid at once (and not waived). */
static int post_fine(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	const sk_fine *f = row;
	if (!*f->dibayar_pada || f->dibebaskan)
		return SK_OK;
	return post_payment(db, row, mv, e);
}

int simpin_fine_add(sk_db *db, sk_fine *f, sk_issues *is, sk_err *e)
{
	simpin_move mv;
	sk_issues_clear(is);
	fine_validate_fields(f, is);
	int rc = simpin_book_move_checks(db, &mv, NULL, f->siklus_id, f->anggota_id,
					 f->pertemuan_id, f->tanggal, is, e);
	if (rc != SK_OK)
		return rc;
	return simpin_book_insert(db, &FINE_TABLE, f, sizeof *f, post_fine, &mv, is, e);
}

/* A live fine and its cycle's group. */
static int load_fine(sk_db *db, const char *id, sk_fine *f, sk_cycle *c, sk_err *e)
{
	return simpin_book_load(db, &FINE_TABLE, id, f, sizeof *f, _("Denda tidak ditemukan."), c, e);
}

int simpin_fine_pay(sk_db *db, const char *id, const char *date, sk_err *e)
{
	sk_fine f;
	simpin_move mv;
	int rc = load_fine(db, id, &f, &mv.c, e);
	if (rc != SK_OK)
		return rc;
	if (f.dibebaskan)
		return sk_err_set(e, SK_REFUSED, "%s", _("Denda ini sudah dibebaskan."));
	if (*f.dibayar_pada)
		return sk_err_set(e, SK_REFUSED, _("Denda ini sudah dibayar pada %s."), f.dibayar_pada);
	sk_issues is;
	sk_issues_clear(&is);
	sk_strlcpy(f.dibayar_pada, date, sizeof f.dibayar_pada);
	fine_validate_fields(&f, &is);
	simpin_book_date_ok(&mv.c, date, "dibayar_pada", &is);
	if (sk_issues_errors(&is))
		return simpin_book_refused(&is, e);
	rc = simpin_book_member(db, f.anggota_id, mv.c.kelompok_id, mv.nama, sizeof mv.nama,
				mv.keluar, e);
	if (rc != SK_OK)
		return rc;
	return simpin_book_update(db, &FINE_TABLE, &f, N_("Denda tidak ditemukan."), post_payment,
				  &mv, e);
}

/* Waive (waive = 1) or delete (0) fine id, reversing a payment posted. */
static int fine_drop(sk_db *db, const char *id, int waive, sk_err *e)
{
	sk_fine f;
	sk_cycle c;
	int rc = load_fine(db, id, &f, &c, e);
	if (rc != SK_OK)
		return rc;
	if (waive && f.dibebaskan)
		return sk_err_set(e, SK_REFUSED, "%s", _("Denda ini sudah dibebaskan."));
	if (*c.selesai)
		return sk_err_set(e, SK_REFUSED, _("Siklus %d sudah ditutup dan dibagi; dendanya tidak "
						   "dapat diubah lagi."), c.nomor);
	if (waive) {
		f.dibebaskan = 1;
		f.dibayar_pada[0] = '\0';
	} else {
		f.dihapus = 1;
	}
	return simpin_book_withdraw(db, &FINE_TABLE, &f, f.diubah_pada, f.id, c.kelompok_id,
				    "simpin", N_("Denda tidak ditemukan."), e);
}

int simpin_fine_waive(sk_db *db, const char *id, sk_err *e)
{
	return fine_drop(db, id, 1, e);
}

int simpin_fine_delete(sk_db *db, const char *id, sk_err *e)
{
	return fine_drop(db, id, 0, e);
}
