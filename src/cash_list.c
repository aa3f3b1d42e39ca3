/* cash_list.c - a cash book as the Kas screen pages through it: rows in the paper book's order
 * with the running balance, filtered by month and category. */
#include "cash_priv.h"

#define LIST_FROM \
	"FROM (SELECT k.*, sum(masuk-keluar) OVER w saldo, row_number() OVER w nr FROM kas k " \
	"WHERE kelompok_id=:g AND buku=:b AND dihapus=0 WINDOW w AS (ORDER BY " \
	CASH_BOOK_ORDER("k.") " ROWS UNBOUNDED PRECEDING)) x " \
	"WHERE (:m IS NULL OR substr(tanggal,1,7)=:m) AND (:k IS NULL OR kategori=:k) "

/* The columns of a book line beyond the row's own (read by name, as KAS_TABLE reads those). */
TABLE_VIEW(LINE, SK_CASH_LINE);

/* One line: the kas row, then its balance and reversal mark. */
static void read_line(const void *arg, sqlite3_stmt *st, void *row)
{
	sk_cash_line *l = row;
	(void)arg;
	table_read(&KAS_TABLE, st, &l->r);
	table_read(&LINE, st, l);
}

static void bind_filter(sqlite3_stmt *st, const sk_cash_filter *f)
{
	db_bind_texts(st, ":g", f->kelompok_id, ":b", f->buku, ":m", f->bulan, ":k", f->kategori);
}

int cash_list(sk_db *db, const sk_cash_filter *f, int offset, int limit, sk_cash_line *out,
	      int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT x.*, EXISTS(SELECT 1 FROM kas r WHERE "
				      "r.membalik_id=x.id AND r.dihapus=0) dibalik " LIST_FROM
				      "ORDER BY nr LIMIT :lim OFFSET :off", e);
	if (st) {
		bind_filter(st, f);
		db_bind_int64(st, ":lim", limit);
		db_bind_int64(st, ":off", offset);
	}
	return db_rows(db, st, out, sizeof *out, limit, n, read_line, NULL, e);
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
