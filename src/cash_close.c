/* cash_close.c - month close of a cash book: the treasurer counts the cash at the month's end;
 * SIKUBE records the book balance, the counted amount and the difference, and from then on the
 * month (and every month before it) is settled: corrections go in as reversing rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cash_priv.h"
#include "i18n.h"
#include "validate.h"

/* 1 when month of the book is closed, 0 when not, -1 on a database error (in e). */
static int month_closed(sk_db *db, const char *kelompok_id, const char *buku, const char *month,
			sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM tutup_kas WHERE kelompok_id=:g AND buku=:b "
				      "AND dihapus=0 AND bulan>=:m LIMIT 1", e);
	db_bind_texts(st, ":g", kelompok_id, ":b", buku, ":m", month);
	return db_exists(db, st, e);
}

int cash_month_closed(sk_db *db, const char *kelompok_id, const char *buku, const char *month)
{
	return month_closed(db, kelompok_id, buku, month, NULL);
}

int cash_check_open(sk_db *db, const char *kelompok_id, const char *buku, const char *date,
		    sk_err *e)
{
	char month[8];
	snprintf(month, sizeof month, "%.7s", date);
	int closed = month_closed(db, kelompok_id, buku, month, e);
	if (closed < 0)
		return e && e->status ? e->status : SK_DBERR;
	if (!closed)
		return SK_OK;
	return sk_err_set(e, SK_REFUSED, _("Bulan %.7s %s sudah ditutup; koreksi dengan pembalikan."),
			  date, cash_book_label(buku));
}

/* 1 when month is YYYY-MM of a real month. */
static int month_valid(const char *month)
{
	char day[16];
	if (!month || strlen(month) != 7)
		return 0;
	snprintf(day, sizeof day, "%s-01", month);
	return valid_date(day);
}

int cash_month_over(const char *month, const char *today)
{
	if (strncmp(month, today, 7) < 0)
		return 1;
	if (strncmp(month, today, 7) > 0)
		return 0;
	/* The month of today: over on its last day, when tomorrow is not a date of it. */
	char tomorrow[24];
	int d = atoi(today + 8) + 1;
	snprintf(tomorrow, sizeof tomorrow, "%.8s%02d", today, d % 100);
	return !valid_date(tomorrow);
}

/* Why month may not be closed (a message in e), or SK_OK. */
static int close_allowed(sk_db *db, const char *g, const char *buku, const char *month,
			 int64_t counted, sk_err *e)
{
	char today[11];
	sk_today(today);
	if (!month_valid(month))
		return sk_err_set(e, SK_REFUSED, "%s", _("Bulan ditulis TTTT-BB, misalnya 2026-11."));
	if (!valid_cash_buku(buku))
		return sk_err_set(e, SK_REFUSED, "%s", _("Buku kas harus umum, iks atau simpin."));
	if (strncmp(month, today, 7) > 0)
		return sk_err_set(e, SK_REFUSED, _("Bulan %s belum tiba dan belum dapat ditutup."), month);
	if (!cash_month_over(month, today))
		return sk_err_set(e, SK_REFUSED, _("Bulan %s belum berakhir: tutup pada hari terakhirnya "
						    "atau sesudahnya, supaya iuran dan belanja sisa "
						    "bulan ini masih dapat dicatat."), month);
	if (counted < 0)
		return sk_err_set(e, SK_REFUSED, "%s", _("Jumlah uang tidak boleh negatif."));
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM kelompok WHERE id=:g AND dihapus=0", e);
	if (st)
		db_bind_text(st, ":g", g);
	int live = db_exists(db, st, e);
	int closed = live == 1 ? month_closed(db, g, buku, month, e) : 0;
	if (live < 0 || closed < 0)
		return e && e->status ? e->status : SK_DBERR;
	if (!live)
		return sk_err_set(e, SK_REFUSED, "%s", _("Kelompok tidak ditemukan."));
	if (closed)
		return sk_err_set(e, SK_REFUSED, _("Bulan %s buku %s sudah ditutup."), month,
				  cash_book_label(buku));
	return SK_OK;
}

/* The tutup_kas table: every column once, in the bundle's order. */
TABLE_DEFINE(TUTUP_KAS_TABLE, SK_CASH_CLOSE);

int cash_close_month(sk_db *db, const char *kelompok_id, const char *buku, const char *month,
		     int64_t counted, const char *oleh, const char *catatan, sk_cash_close *out,
		     sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = close_allowed(db, kelompok_id, buku, month, counted, e);
	sk_cash_close c;
	memset(&c, 0, sizeof c);
	if (rc == SK_OK) {
		char last[16];
		/* Every date of the month sorts at or before day 31, and before the next month. */
		snprintf(last, sizeof last, "%s-31", month);
		sk_uuid_new(c.id);
		sk_strlcpy(c.kelompok_id, kelompok_id, sizeof c.kelompok_id);
		sk_strlcpy(c.buku, buku, sizeof c.buku);
		sk_strlcpy(c.bulan, month, sizeof c.bulan);
		sk_today(c.tanggal);
		rc = cash_balance_get(db, kelompok_id, buku, last, &c.saldo_buku, e);
		c.saldo_hitung = counted;
		c.selisih = counted - c.saldo_buku;
		sk_strlcpy(c.ditutup_oleh, oleh, sizeof c.ditutup_oleh);
		sk_strlcpy(c.catatan, catatan, sizeof c.catatan);
		sk_now_utc(c.diubah_pada);
		if (rc == SK_OK)
			rc = table_store(db, &TUTUP_KAS_TABLE, &c, 1, N_("Tutup buku tidak ditemukan."),
					 e);
	}
	int erc = db_end(db, rc == SK_OK, e);
	if (rc == SK_OK && erc == SK_OK && out)
		*out = c;
	return rc == SK_OK ? erc : rc;
}

int cash_last_close(sk_db *db, const char *kelompok_id, const char *buku, sk_cash_close *out,
		    sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT * FROM tutup_kas WHERE kelompok_id=:g AND buku=:b "
				      "AND dihapus=0 ORDER BY bulan DESC LIMIT 1", e);
	db_bind_texts(st, ":g", kelompok_id, ":b", buku);
	return table_one(db, &TUTUP_KAS_TABLE, st, out, sizeof *out,
			 _("Buku ini belum pernah ditutup."), e);
}
