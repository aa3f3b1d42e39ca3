/* report_cash.c - `report cashbook` and `report attendance` for one group. */
#include <string.h>
#include "csvio.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

/* Rows of one group's books with the running balance per book; the window runs over every row
 * so that a month's first balance carries the opening balance. Same-day receipts come before
 * expenses, as on the paper book. */
static const char CASHBOOK_SQL[] =
	"SELECT tanggal, coalesce(no_bukti,''), buku, kategori, coalesce(uraian,''), masuk, keluar, "
	"saldo FROM (SELECT *, sum(masuk-keluar) OVER (PARTITION BY buku ORDER BY tanggal, masuk=0, "
	"no_bukti, id ROWS UNBOUNDED PRECEDING) saldo FROM kas WHERE kelompok_id=:g AND dihapus=0) "
	"WHERE (:m IS NULL OR substr(tanggal,1,7)=:m) ORDER BY tanggal, buku, masuk=0, no_bukti, id";

static void cash_text_header(FILE *out)
{
	fprintf(out, "%-10s %-9s %-4s %-18s %11s %11s %11s\n", _("Tanggal"), _("No.Bukti"),
		_("Buku"), _("Uraian"), _("Masuk"), _("Keluar"), _("Saldo"));
}

static void cash_text_row(FILE *out, sqlite3_stmt *st)
{
	char bukti[64], uraian[128], in[32], outm[32], bal[32];
	int64_t masuk = sqlite3_column_int64(st, 5), keluar = sqlite3_column_int64(st, 6);
	const char *desc = (const char *)sqlite3_column_text(st, 4);
	if (!desc || !*desc)
		desc = (const char *)sqlite3_column_text(st, 3);
	fprintf(out, "%-10s %s %-4s %s %11s %11s %11s\n", sqlite3_column_text(st, 0),
		sk_fit(bukti, sizeof bukti, (const char *)sqlite3_column_text(st, 1), 9),
		sqlite3_column_text(st, 2), sk_fit(uraian, sizeof uraian, desc, 18),
		masuk ? sk_format_rupiah(masuk, in, sizeof in) : "",
		keluar ? sk_format_rupiah(keluar, outm, sizeof outm) : "",
		sk_format_rupiah(sqlite3_column_int64(st, 7), bal, sizeof bal));
}

static void cash_csv_row(csv_out *w, sqlite3_stmt *st)
{
	for (int i = 0; i < 5; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		if (i == 1 || i == 4)
			csv_out_text(w, v);
		else
			csv_out_raw(w, v);
	}
	for (int i = 5; i < 8; i++)
		csv_out_int(w, sqlite3_column_int64(st, i));
	csv_out_eol(w);
}

int report_cashbook(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, CASHBOOK_SQL, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", o->group_id);
	db_bind_text(st, ":m", o->month);
	csv_out w;
	csv_out_init(&w, out, 0);
	if (o->fmt == REPORT_CSV)
		fputs("tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,saldo\n", out);
	else
		cash_text_header(out);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (o->fmt == REPORT_CSV)
			cash_csv_row(&w, st);
		else
			cash_text_row(out, st);
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

static const char ATTENDANCE_SQL[] =
	"SELECT a.id, a.nama, count(x.anggota_id), coalesce(sum(x.status='H'),0), "
	"coalesce(sum(x.status='I'),0), coalesce(sum(x.status='S'),0), coalesce(sum(x.status='A'),0), "
	"coalesce(sum(x.iuran_kas),0), coalesce(sum(x.iuran_iks),0) FROM anggota a "
	"LEFT JOIN (SELECT h.anggota_id, h.status, h.iuran_kas, h.iuran_iks FROM kehadiran h "
	"  JOIN pertemuan m ON m.id=h.pertemuan_id WHERE m.kelompok_id=:g AND m.dihapus=0 AND "
	"  h.dihapus=0 AND (:m IS NULL OR substr(m.tanggal,1,7)=:m)) x ON x.anggota_id=a.id "
	"WHERE a.kelompok_id=:g AND a.dihapus=0 GROUP BY a.id "
	"HAVING a.tanggal_keluar IS NULL OR count(x.anggota_id) > 0 ORDER BY a.nama, a.id";

struct att_row {
	char id[40], nama[SK_NAME_BYTES], pct[16];
	int n, h, i, s, a;
	int64_t kas, iks;
};

static void att_read(sqlite3_stmt *st, struct att_row *r)
{
	db_col_text(st, 0, r->id, sizeof r->id);
	db_col_text(st, 1, r->nama, sizeof r->nama);
	r->n = sqlite3_column_int(st, 2);
	r->h = sqlite3_column_int(st, 3);
	r->i = sqlite3_column_int(st, 4);
	r->s = sqlite3_column_int(st, 5);
	r->a = sqlite3_column_int(st, 6);
	r->kas = sqlite3_column_int64(st, 7);
	r->iks = sqlite3_column_int64(st, 8);
	if (r->n > 0)
		snprintf(r->pct, sizeof r->pct, "%d", (r->h * 200 + r->n) / (2 * r->n));
	else
		r->pct[0] = '\0';
}

static void att_csv(csv_out *w, const struct att_row *r)
{
	csv_out_raw(w, r->id);
	csv_out_text(w, r->nama);
	csv_out_int(w, r->n);
	csv_out_int(w, r->h);
	csv_out_int(w, r->i);
	csv_out_int(w, r->s);
	csv_out_int(w, r->a);
	csv_out_raw(w, r->pct);
	csv_out_int(w, r->kas);
	csv_out_int(w, r->iks);
	csv_out_eol(w);
}

static void att_text(FILE *out, const struct att_row *r)
{
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
	sqlite3_stmt *st = db_prepare(db, ATTENDANCE_SQL, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", o->group_id);
	db_bind_text(st, ":m", o->month);
	csv_out w;
	csv_out_init(&w, out, 0);
	if (o->fmt == REPORT_CSV)
		fputs("anggota_id,nama,pertemuan,hadir,izin,sakit,alpa,persen_hadir,iuran_kas,iuran_iks\n",
		      out);
	else {
		char hdr[160];
		fprintf(out, "%s %4s %3s %3s %3s %3s %5s %10s %8s\n",
			sk_fit(hdr, sizeof hdr, _("Nama"), 24), _("Pert"), "H", "I", "S", "A",
			_("%Hdr"), _("Iuran kas"), _("IKS"));
	}
	int rc;
	struct att_row r;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		att_read(st, &r);
		if (o->fmt == REPORT_CSV)
			att_csv(&w, &r);
		else
			att_text(out, &r);
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}
