/* report_cash.c - `report cashbook` (one table per book) and `report attendance` for one group. */
#include <string.h>
#include "db_row.h"
#include "cashbook.h"
#include "i18n.h"
#include "report_priv.h"
#include "util.h"

/* Rows of one group's books with the running balance per book; the window runs over every row
 * so that a month's first balance carries the opening balance. Rows in the book's order
 * (CASH_BOOK_ORDER: by date, then as entered), the books side by side on each day. */
static const char CASHBOOK_SQL[] =
	"SELECT tanggal, coalesce(no_bukti,''), buku, kategori, coalesce(uraian,''), masuk, keluar, "
	"saldo FROM (SELECT k.*, sum(masuk-keluar) OVER (PARTITION BY buku ORDER BY "
	CASH_BOOK_ORDER("k.") " ROWS UNBOUNDED PRECEDING) saldo, row_number() OVER (PARTITION BY "
	"buku ORDER BY " CASH_BOOK_ORDER("k.") ") nr FROM kas k WHERE kelompok_id=:g AND "
	"dihapus=0) WHERE (:m IS NULL OR substr(tanggal,1,7)=:m) ORDER BY tanggal, buku, nr";

/* Books a report keeps apart: umum and iks always, then any other the rows name. */
#define MAX_BOOKS 8

static const xlsx_col CASH_COLS[] = {
	{ "tanggal", XC_DATE, 0 }, { "no_bukti", XC_TEXT, 0 }, { "buku", XC_CODE, 0 },
	{ "kategori", XC_CODE, 0 }, { "uraian", XC_TEXT, 0 }, { "masuk", XC_MONEY, 0 },
	{ "keluar", XC_MONEY, 0 }, { "saldo", XC_MONEY, 0 },
};
#define N_CASH_COLS ((int)(sizeof CASH_COLS / sizeof CASH_COLS[0]))

/* One book of a text or xlsx report: its table for people, or its sheet. */
struct book_out {
	char buku[16];
	cash_text *text;
	report_table sheet;
};

struct cash_report {
	sk_db *db;
	const report_opts *o;
	struct book_out b[MAX_BOOKS];
	int n;
	int failed;                 /* a table or sheet could not be made, or too many books */
};

/* The book named buku, started on first use (with the opening balance before the month);
 * NULL when there are more books than MAX_BOOKS. */
static struct book_out *book_for(struct cash_report *r, const char *buku, sk_err *e)
{
	for (int i = 0; i < r->n; i++)
		if (strcmp(r->b[i].buku, buku) == 0)
			return &r->b[i];
	if (r->n == MAX_BOOKS)
		return NULL;
	struct book_out *b = &r->b[r->n++];
	memset(b, 0, sizeof *b);
	sk_strlcpy(b->buku, buku, sizeof b->buku);
	if (r->o->fmt == REPORT_XLSX) {
		char sheet[64];
		snprintf(sheet, sizeof sheet, "kas %s", buku);
		if (report_table_begin(&b->sheet, r->o, NULL, sheet, CASH_COLS, N_CASH_COLS, 1, e) !=
		    SK_OK)
			r->failed = 1;
		return b;
	}
	int64_t awal = 0;
	if (r->o->month) {
		char upto[16];
		/* Every date of the month sorts after its day 00. */
		snprintf(upto, sizeof upto, "%.7s-00", r->o->month);
		awal = cash_balance(r->db, r->o->group_id, buku, upto);
	}
	b->text = cash_text_new(buku, r->o->month != NULL, awal);
	if (!b->text)
		r->failed = 1;
	return b;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	return v ? v : "";
}

/* A row of the query: into its book's table or sheet. */
static void book_row(struct cash_report *r, sqlite3_stmt *st, sk_err *e)
{
	struct book_out *b = book_for(r, col_text(st, 2), e);
	if (!b) {
		r->failed = 1; /* more books than MAX_BOOKS: refuse rather than leave rows out */
		return;
	}
	if (r->o->fmt == REPORT_XLSX) {
		for (int i = 0; i < 5; i++)
			report_table_str(&b->sheet, col_text(st, i));
		for (int i = 5; i < 8; i++)
			report_table_int(&b->sheet, sqlite3_column_int64(st, i));
		report_table_eol(&b->sheet);
		return;
	}
	const char *desc = col_text(st, 4);
	cash_text_add(b->text, col_text(st, 0), col_text(st, 1), *desc ? desc : col_text(st, 3),
		      sqlite3_column_int64(st, 5), sqlite3_column_int64(st, 6),
		      sqlite3_column_int64(st, 7));
}

/* Each book's table in turn (text), then free them. */
static void books_end(struct cash_report *r, FILE *out, int print)
{
	for (int i = 0; i < r->n; i++) {
		if (!r->b[i].text)
			continue;
		if (cash_text_failed(r->b[i].text))
			r->failed = 1;
		else if (print) {
			if (i > 0)
				fputc('\n', out);
			cash_text_print(r->b[i].text, out);
		}
		cash_text_free(r->b[i].text);
	}
}

int report_cashbook(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	struct cash_report r = { .db = db, .o = o };
	report_table csv;
	if (o->fmt == REPORT_CSV) {
		report_table_begin(&csv, o, out, NULL, CASH_COLS, N_CASH_COLS, 1, e);
	} else {
		/* umum and iks come first, rows or not. */
		book_for(&r, "umum", e);
		book_for(&r, "iks", e);
	}
	sqlite3_stmt *st = db_prepare(db, CASHBOOK_SQL, e);
	int rc = SQLITE_ERROR;
	if (st) {
		db_bind_text(st, ":g", o->group_id);
		db_bind_text(st, ":m", o->month);
		while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
			if (o->fmt != REPORT_CSV) {
				book_row(&r, st, e);
				continue;
			}
			for (int i = 0; i < 5; i++)
				report_table_str(&csv, col_text(st, i));
			for (int i = 5; i < 8; i++)
				report_table_int(&csv, sqlite3_column_int64(st, i));
			report_table_eol(&csv);
		}
		db_reset(st);
	}
	books_end(&r, out, rc == SQLITE_DONE && !r.failed);
	if (!st)
		return SK_DBERR;
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	if (r.failed)
		return sk_err_set(e, SK_IOERR, "%s", _("Laporan tidak dapat dibuat."));
	return SK_OK;
}

static const char ATTENDANCE_SQL[] =
	"SELECT a.id, a.nama, count(x.anggota_id), coalesce(sum(x.status='H'),0), "
	"coalesce(sum(x.status='I'),0), coalesce(sum(x.status='S'),0), coalesce(sum(x.status='A'),0), "
	"coalesce(sum(x.iuran_kas),0), coalesce(sum(x.iuran_iks),0) FROM anggota a "
	"LEFT JOIN (SELECT h.anggota_id, h.status, h.iuran_kas, h.iuran_iks FROM kehadiran h "
	"  JOIN pertemuan m ON m.id=h.pertemuan_id WHERE m.kelompok_id=:g AND m.dihapus=0 AND "
	"  h.dihapus=0 AND (:m IS NULL OR substr(m.tanggal,1,7)=:m)) x ON x.anggota_id=a.id "
	"WHERE a.kelompok_id=:g AND a.dihapus=0 GROUP BY a.id "
	"HAVING a.tanggal_keluar IS NULL OR count(x.anggota_id) > 0 ORDER BY a.urut_nama, a.id";

struct att_row {
	char id[40], nama[SK_NAME_BYTES], pct[16];
	int n, h, i, s, a;
	int64_t kas, iks;
};

static void att_read(sqlite3_stmt *st, void *row)
{
	struct att_row *r = row;
	db_read_cols(st, 0, "ssiiiiiII", DB_OUT(r->id), DB_OUT(r->nama), &r->n, &r->h, &r->i, &r->s,
			    &r->a, &r->kas, &r->iks);
	if (r->n > 0)
		snprintf(r->pct, sizeof r->pct, "%d", (r->h * 200 + r->n) / (2 * r->n));
	else
		r->pct[0] = '\0';
}

static const xlsx_col ATT_COLS[] = {
	{ "anggota_id", XC_CODE, 0 }, { "nama", XC_TEXT, 0 }, { "pertemuan", XC_INT, 0 },
	{ "hadir", XC_INT, 0 }, { "izin", XC_INT, 0 }, { "sakit", XC_INT, 0 },
	{ "alpa", XC_INT, 0 }, { "persen_hadir", XC_INT, 0 }, { "iuran_kas", XC_MONEY, 0 },
	{ "iuran_iks", XC_MONEY, 0 },
};
static const report_query ATT_QUERY = REPORT_QUERY("kehadiran", ATT_COLS, ATTENDANCE_SQL);

static void att_table(report_table *t, const void *row, void *ctx)
{
	const struct att_row *r = row;
	(void)ctx;
	report_table_row(t, "ssiiiiisii", r->id, r->nama, (int64_t)r->n, (int64_t)r->h,
			 (int64_t)r->i, (int64_t)r->s, (int64_t)r->a, r->pct, (int64_t)r->kas,
			 (int64_t)r->iks);
}

static void att_text(FILE *out, const void *row, void *ctx)
{
	const struct att_row *r = row;
	(void)ctx;
	char name[160], kas[32], iks[32];
	char pct[sizeof r->pct + 2];
	if (*r->pct)
		snprintf(pct, sizeof pct, "%s%%", r->pct);
	else
		snprintf(pct, sizeof pct, "-"); /* no meeting: no rate */
	fprintf(out, "%s %4d %3d %3d %3d %3d %5s %10s %8s\n", sk_fit(name, sizeof name, r->nama, 24),
		r->n, r->h, r->i, r->s, r->a, pct, sk_format_rupiah(r->kas, kas, sizeof kas),
		sk_format_rupiah(r->iks, iks, sizeof iks));
}

int report_attendance(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	report_table t;
	int rc = report_query_begin(&t, o, out, db, &ATT_QUERY, e);
	if (rc != SK_OK)
		return rc;
	db_bind_text(t.st, ":m", o->month);
	if (o->fmt == REPORT_TEXT) {
		char hdr[160];
		fprintf(out, "%s %4s %3s %3s %3s %3s %5s %10s %8s\n",
			sk_fit(hdr, sizeof hdr, _("Nama"), 24), _("Pert"), "H", "I", "S", "A",
			_("%Hdr"), _("Iuran kas"), _("IKS"));
	}
	static const report_row_ops OPS = { att_read, att_text, att_table, NULL };
	struct att_row r;
	int rows;
	return report_rows(db, t.st, &OPS, &t, out, &r, NULL, &rows, e);
}
