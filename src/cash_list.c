/* cash_list.c - a cash book as the Kas screen pages through it: rows in the paper book's order
 * with the running balance, filtered by month and category. */
#include "cash_priv.h"

#define LIST_FROM \
	"FROM (SELECT k.*, sum(masuk-keluar) OVER w saldo, row_number() OVER w nr FROM kas k " \
	"WHERE kelompok_id=:g AND buku=:b AND dihapus=0 WINDOW w AS (ORDER BY " \
	CASH_BOOK_ORDER("k.") " ROWS UNBOUNDED PRECEDING)) x " \
	"WHERE (:m IS NULL OR substr(tanggal,1,7)=:m) AND (:k IS NULL OR kategori=:k) "

static void bind_filter(sqlite3_stmt *st, const sk_cash_filter *f)
{
	db_bind_text(st, ":g", f->kelompok_id);
	db_bind_text(st, ":b", f->buku);
	db_bind_text(st, ":m", f->bulan);
	db_bind_text(st, ":k", f->kategori);
}

int cash_list(sk_db *db, const sk_cash_filter *f, int offset, int limit, sk_cash_line *out,
	      int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " CASH_ROW_COLS ", saldo, EXISTS(SELECT 1 FROM kas r "
				      "WHERE r.membalik_id=x.id AND r.dihapus=0) " LIST_FROM
				      "ORDER BY nr LIMIT :lim OFFSET :off", e);
	*n = 0;
	if (!st)
		return SK_DBERR;
	bind_filter(st, f);
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW && *n < limit) {
		sk_cash_line *l = &out[(*n)++];
		cash_read_row(st, &l->r);
		l->saldo = sqlite3_column_int64(st, 14);
		l->dibalik = sqlite3_column_int(st, 15);
	}
	db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int cash_count(sk_db *db, const sk_cash_filter *f)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM kas WHERE kelompok_id=:g AND buku=:b "
				      "AND dihapus=0 AND (:m IS NULL OR substr(tanggal,1,7)=:m) AND "
				      "(:k IS NULL OR kategori=:k)", NULL);
	int64_t n;
	if (st)
		bind_filter(st, f);
	return db_count(db, st, &n, NULL) == SK_OK ? (int)n : -1;
}
