/* cash_ledger.c - the treasurer's operations on a cash book: balances, receipt numbers, adding,
 * changing, deleting and reversing rows, each guarded so that no day ends below zero. */
#include <stdio.h>
#include <string.h>
#include "cash_priv.h"
#include "db_access.h"
#include "db_row.h"
#include "i18n.h"
#include "validate.h"

/* The book as the clerk reads it in messages. */
static const char *book_label(const char *buku)
{
	return cash_book_label(buku);
}

/* A one-value query over one book into *out: binds :g, :b and (when present) :d. SK_OK or the
 * database error in e. */
static int book_int(sk_db *db, const char *sql, const char *g, const char *buku,
		    const char *date, int64_t *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	db_bind_texts(st, ":g", g, ":b", buku);
	db_bind_texts_present(st, ":d", date);
	return db_count(db, st, out, e);
}

int cash_balance_get(sk_db *db, const char *kelompok_id, const char *buku, const char *upto,
		     int64_t *out, sk_err *e)
{
	return book_int(db, "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id=:g AND "
			"buku=:b AND dihapus=0 AND (:d IS NULL OR tanggal<=:d)", kelompok_id, buku,
			upto, out, e);
}

int64_t cash_balance(sk_db *db, const char *kelompok_id, const char *buku, const char *upto)
{
	int64_t v;
	return cash_balance_get(db, kelompok_id, buku, upto, &v, NULL) == SK_OK ? v : 0;
}

int cash_available(sk_db *db, const char *kelompok_id, const char *buku, const char *from,
		   int64_t *out, sk_err *e)
{
	/* End-of-day balances: the window's default frame takes in every row of the same date. */
	return book_int(db, "SELECT min(s) FROM (SELECT coalesce(sum(masuk-keluar),0) s FROM kas "
			"WHERE kelompok_id=:g AND buku=:b AND dihapus=0 AND tanggal<=:d UNION ALL "
			"SELECT s FROM (SELECT tanggal, sum(masuk-keluar) OVER (ORDER BY tanggal) s "
			"FROM kas WHERE kelompok_id=:g AND buku=:b AND dihapus=0) WHERE tanggal>:d)",
			kelompok_id, buku, from, out, e);
}

void cash_next_receipt(sk_db *db, const char *kelompok_id, const char *buku, int masuk,
		       char *out, size_t n)
{
	const char *prefix = masuk ? "BKM" : "BKK";
	/* The highest number so far and how many digits the book writes it with. */
	sqlite3_stmt *st = db_prepare(db, "SELECT CAST(substr(no_bukti, 5) AS INTEGER) v, "
				      "length(substr(no_bukti, 5)) FROM kas WHERE kelompok_id=:g AND "
				      "buku=:b AND substr(no_bukti, 1, 4)=:p ORDER BY v DESC LIMIT 1",
				      NULL);
	int64_t last = 0;
	int width = 4;
	if (st) {
		char p[8];
		snprintf(p, sizeof p, "%s-", prefix);
		db_bind_texts(st, ":g", kelompok_id, ":b", buku, ":p", p);
		if (db_step(db, st, NULL) == SQLITE_ROW) {
			last = sqlite3_column_int64(st, 0);
			width = sqlite3_column_int(st, 1);
		}
		db_reset(st);
	}
	if (width < 1 || width > 9)
		width = 4;
	snprintf(out, n, "%s-%0*lld", prefix, width, (long long)(last + 1));
}

int cash_guard(sk_db *db, const char *kelompok_id, const char *buku, const char *from, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, "SELECT tanggal, s FROM (SELECT tanggal, sum(masuk-keluar) "
				      "OVER (ORDER BY tanggal) s FROM kas WHERE kelompok_id=:g AND "
				      "buku=:b AND dihapus=0) WHERE tanggal>=:d AND s<0 ORDER BY tanggal "
				      "LIMIT 1", e, ":g", kelompok_id, ":b", buku, ":d", from);
	if (!st)
		return SK_DBERR;
	int rc = db_step(db, st, e);
	char date[16] = "", num[32] = "";
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, date, sizeof date);
		sk_format_rupiah(sqlite3_column_int64(st, 1), num, sizeof num);
	}
	db_reset(st);
	if (rc == SQLITE_DONE)
		return SK_OK;
	if (rc != SQLITE_ROW)
		return e ? e->status : SK_DBERR;
	return sk_err_set(e, SK_REFUSED, _("Saldo %s jadi Rp %s pada %s; kas tidak boleh minus."),
			  book_label(buku), num, date);
}

int cash_insert_row(sk_db *db, sk_cash_row *c, sk_err *e)
{
	if (!*c->id)
		sk_uuid_new(c->id);
	if (!*c->no_bukti)
		cash_next_receipt(db, c->kelompok_id, c->buku, c->masuk > 0, c->no_bukti,
				  sizeof c->no_bukti);
	sk_now_utc(c->diubah_pada);
	c->dihapus = 0;
	return cash_store_raw(db, c, 1, e);
}

int cash_insert_reversal(sk_db *db, const sk_cash_row *o, sk_cash_row *out, sk_err *e)
{
	sk_cash_row r = *o;
	char today[11];
	sk_today(today);
	r.id[0] = r.no_bukti[0] = '\0';
	if (strcmp(today, o->tanggal) > 0)
		sk_strlcpy(r.tanggal, today, sizeof r.tanggal);
	r.masuk = o->keluar;
	r.keluar = o->masuk;
	sk_strlcpy(r.membalik_id, o->id, sizeof r.membalik_id);
	/* Stored data, not a message: the same in every language (it travels in bundles). A long
	 * description is cut on a character boundary. */
	char desc[sizeof r.uraian + sizeof r.no_bukti + 16];
	snprintf(desc, sizeof desc, "Pembalikan %s: %s", *o->no_bukti ? o->no_bukti : "-", o->uraian);
	sk_strlcpy(r.uraian, desc, sizeof r.uraian);
	int rc = cash_check_open(db, r.kelompok_id, r.buku, r.tanggal, e);
	if (rc == SK_OK)
		rc = cash_insert_row(db, &r, e);
	if (rc == SK_OK && out)
		*out = r;
	return rc;
}

/* Rows posted from savings, loans, repayments, fines and the share-out (sumber_id) change
 * only through their source row (simpin_book.h). */
#define SOURCE_ROW_MSG _("Baris ini dibukukan dari simpan pinjam: koreksi pada buku tabungan, " \
			 "kartu pinjaman atau denda anggotanya (pembalikan).")

/* SK_OK when no row (not deleted) reverses row id; else the refusal refused, or the database
 * error, in e. */
static int not_reversed(sk_db *db, const char *id, const char *refused, sk_err *e)
{
	return db_refuse_if_row(db, "SELECT 1 FROM kas WHERE membalik_id=:id AND dihapus=0", ":id", id,
				refused, e);
}

/* Findings of a row typed by the clerk beyond cash_validate: active group, open month, no
 * receipt number given twice (warning). */
static void check_entry(sk_db *db, const sk_cash_row *c, sk_issues *is)
{
	sk_err e;
	sk_err_clear(&e);
	sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT dihapus FROM kelompok WHERE id=:g), "
				      "(SELECT count(*) FROM kas WHERE kelompok_id=:g AND buku=:b AND "
				      "no_bukti=:n AND id IS NOT :id AND dihapus=0)", &e);
	if (st) {
		db_bind_texts(st, ":g", c->kelompok_id, ":b", c->buku, ":n", c->no_bukti,
			      ":id", c->id);
		int rc = db_step(db, st, &e);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s", e.msg);
		if (rc == SQLITE_ROW) {
			if (sqlite3_column_int(st, 0) == 1)
				sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s",
					      _("Kelompok ini sudah dihapus."));
			if (*c->no_bukti && sqlite3_column_int(st, 1) > 0)
				sk_issues_add(is, "no_bukti", SK_SEV_WARNING,
					      _("No. bukti %s sudah dipakai di buku ini."), c->no_bukti);
		}
		db_reset(st);
	}
	if (sk_date_after_today(c->tanggal))
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s",
			      _("Tanggal itu belum tiba: catat uang masuk atau keluar pada hari terjadinya."));
	cash_validate_direction(c, is);
	if (valid_date(c->tanggal) && valid_cash_buku(c->buku) &&
	    cash_check_open(db, c->kelompok_id, c->buku, c->tanggal, &e) != SK_OK)
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s", e.msg);
}

int cash_add(sk_db *db, sk_cash_row *c, sk_issues *is, sk_err *e)
{
	cash_validate(db, c, is);
	if (*c->pertemuan_id)
		sk_issues_add(is, "pertemuan_id", SK_SEV_ERROR, "%s",
			      _("Iuran pertemuan dibukukan dari layar Pertemuan, bukan dicatat sendiri."));
	if (*c->membalik_id)
		sk_issues_add(is, "membalik_id", SK_SEV_ERROR, "%s",
			      _("Pembalikan dibuat dengan perintah Balik pada baris yang salah."));
	if (*c->sumber_id)
		sk_issues_add(is, "sumber_id", SK_SEV_ERROR, "%s", SOURCE_ROW_MSG);
	check_entry(db, c, is);
	int64_t avail = 0;
	if (!sk_issues_errors(is) && c->keluar > 0) {
		int rc = cash_available(db, c->kelompok_id, c->buku, c->tanggal, &avail, e);
		if (rc != SK_OK)
			return rc;
		if (c->keluar > avail) {
			char a[32], k[32];
			sk_issues_add(is, "keluar", SK_SEV_ERROR,
				      _("Saldo %s hanya Rp %s, tidak cukup untuk Rp %s."),
				      book_label(c->buku), sk_format_rupiah(avail, a, sizeof a),
				      sk_format_rupiah(c->keluar, k, sizeof k));
		}
	}
	if (sk_issues_errors(is))
		return validate_refusal(is, _("Data kas belum benar."), e);
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = cash_insert_row(db, c, e);
	if (rc == SK_OK)
		rc = cash_guard(db, c->kelompok_id, c->buku, c->tanggal, e);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

/* Stored row old is one the clerk wrote (a change or a reversal): SK_REFUSED for the rows of
 * a meeting's dues and of other records (simpan pinjam), which change only with their
 * source. */
static int own_row(const sk_cash_row *old, sk_err *e)
{
	if (*old->pertemuan_id)
		return sk_err_set(e, SK_REFUSED, "%s", _("Iuran pertemuan: ubah atau hapus "
							 "pertemuannya di layar Pertemuan."));
	if (*old->sumber_id)
		return sk_err_set(e, SK_REFUSED, "%s", SOURCE_ROW_MSG);
	return SK_OK;
}

/* Load live row id that the clerk wrote: SK_NOTFOUND, or own_row's refusals. */
static int load_own(sk_db *db, const char *id, sk_cash_row *old, sk_err *e)
{
	int rc = table_get_live(db, &KAS_TABLE, id, old, sizeof *old, _("Baris kas tidak ditemukan."),
				e);
	return rc == SK_OK ? own_row(old, e) : rc;
}

/* A change by the clerk of stored row old (table_editable_fn): as own_row, and SK_REFUSED for
 * reversals, reversed rows and closed months. */
static int editable(sk_db *db, const void *row, sk_err *e)
{
	const sk_cash_row *old = row;
	int rc = own_row(old, e);
	if (rc != SK_OK)
		return rc;
	if (*old->membalik_id)
		return sk_err_set(e, SK_REFUSED, "%s", _("Baris ini pembalikan baris lain dan tidak "
							 "dapat diubah. Catat baris baru bila perlu."));
	rc = not_reversed(db, old->id, _("Baris ini sudah dibalik dan tidak dapat diubah lagi."), e);
	return rc == SK_OK ? cash_check_open(db, old->kelompok_id, old->buku, old->tanggal, e) : rc;
}

/* Load row id for a change by the clerk (is, may be NULL, cleared): SK_NOTFOUND, or the
 * refusals of editable. */
static int load_editable(sk_db *db, const char *id, sk_cash_row *old, sk_issues *is, sk_err *e)
{
	return table_get_editable(db, &KAS_TABLE, id, old, sizeof *old,
				  _("Baris kas tidak ditemukan."), editable, is, e);
}

/* The earlier of two dates. */
static const char *earlier(const char *a, const char *b)
{
	return strcmp(a, b) <= 0 ? a : b;
}

int cash_update(sk_db *db, sk_cash_row *c, sk_issues *is, sk_err *e)
{
	sk_cash_row old;
	int rc = load_editable(db, c->id, &old, is, e);
	if (rc != SK_OK)
		return rc;
	sk_strlcpy(c->kelompok_id, old.kelompok_id, sizeof c->kelompok_id);
	c->pertemuan_id[0] = c->membalik_id[0] = c->sumber_id[0] = '\0';
	if (!*c->no_bukti)
		sk_strlcpy(c->no_bukti, old.no_bukti, sizeof c->no_bukti);
	cash_validate(db, c, is);
	check_entry(db, c, is);
	if (sk_issues_errors(is))
		return validate_refusal(is, _("Data kas belum benar."), e);
	rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	sk_now_utc(c->diubah_pada);
	c->dihapus = 0;
	rc = cash_store_raw(db, c, 0, e);
	if (rc == SK_OK)
		rc = cash_guard(db, old.kelompok_id, old.buku, earlier(old.tanggal, c->tanggal), e);
	if (rc == SK_OK && strcmp(old.buku, c->buku) != 0)
		rc = cash_guard(db, c->kelompok_id, c->buku, c->tanggal, e);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

/* cash_delete's writes: the row (marked deleted), the book checked from its date. */
static int delete_in(sk_db *db, void *row, sk_err *e)
{
	const sk_cash_row *old = row;
	int rc = cash_store_raw(db, old, 0, e);
	return rc == SK_OK ? cash_guard(db, old->kelompok_id, old->buku, old->tanggal, e) : rc;
}

int cash_delete(sk_db *db, const char *id, sk_err *e)
{
	sk_cash_row old;
	int rc = load_editable(db, id, &old, NULL, e);
	if (rc != SK_OK)
		return rc;
	old.dihapus = 1;
	sk_now_utc(old.diubah_pada);
	return db_write(db, delete_in, &old, e);
}

int cash_reverse(sk_db *db, const char *id, sk_cash_row *out, sk_err *e)
{
	sk_cash_row old;
	int rc = load_own(db, id, &old, e);
	if (rc != SK_OK)
		return rc;
	if (*old.membalik_id)
		return sk_err_set(e, SK_REFUSED, "%s", _("Baris ini sendiri pembalikan; catat baris yang "
							 "benar sebagai baris baru."));
	rc = not_reversed(db, old.id, _("Baris ini sudah pernah dibalik."), e);
	if (rc != SK_OK)
		return rc;
	rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	/* Money of a month already counted and closed: a second operator confirms (four eyes). */
	char month[8];
	snprintf(month, sizeof month, "%.7s", old.tanggal);
	int closed = cash_month_closed(db, old.kelompok_id, old.buku, month);
	if (closed < 0)
		rc = sk_err_set(e, SK_DBERR, "%s", _("Basis data tidak menjawab: bulan tutup buku tidak "
						     "dapat diperiksa."));
	else if (closed)
		rc = db_four_eyes_require(db, "pembalikan_bulan_tutup", _("pembalikan baris kas dari "
									  "bulan yang sudah ditutup"), e);
	if (rc != SK_OK) {
		db_end(db, 0, NULL);
		return rc;
	}
	sk_cash_row r;
	rc = cash_insert_reversal(db, &old, &r, e);
	if (rc == SK_OK)
		rc = cash_guard(db, r.kelompok_id, r.buku, r.tanggal, e);
	int erc = db_end(db, rc == SK_OK, e);
	if (rc == SK_OK && erc == SK_OK && out)
		*out = r;
	return rc == SK_OK ? erc : rc;
}
