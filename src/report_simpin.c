/* report_simpin.c - `report savings`, `report loans` and `report shareout` (spec/cli.md), and
 * the savings-and-loans section of the monthly report. */
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "i18n.h"
#include "report_priv.h"
#include "simpin.h"
#include "util.h"

/* The day a report is "as of": the month's last day, or today. */
static void report_day(const char *month, char out[16])
{
	if (month && report_month_valid(month)) {
		static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
		int y = atoi(month), m = atoi(month + 5);
		int last = dm[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
		snprintf(out, 16, "%.7s-%02d", month, last % 100);
		return;
	}
	sk_today(out);
}

/* Name, code of a group for headings. */
static int group_names(sk_db *db, const char *g, char *nama, size_t n, char *kode, size_t k,
		       sk_err *e)
{
	return db_row_text(db, "SELECT nama, coalesce(kode,'') FROM kelompok WHERE id=:g", ":g", g,
			   _("Kelompok tidak ditemukan."), e, 2, nama, n, kode, k);
}

static void group_heading(FILE *out, const char *nama, const char *kode)
{
	fprintf(out, _("Kelompok : %s%s%s%s\n"), nama, *kode ? " (" : "", kode, *kode ? ")" : "");
}

static const char *money(int64_t v, char *buf, size_t n)
{
	if (v == 0)
		return "-";
	return sk_format_rupiah(v, buf, n);
}

/* The cycle a savings or share-out report is about: open at day (or, without a month, the
 * open cycle, else the last one). */
static int report_cycle(sk_db *db, const char *g, const char *month, const char *day,
			sk_cycle *c, sk_err *e)
{
	int rc = month ? simpin_cycle_at(db, g, day, c, e) : simpin_cycle_open(db, g, c, e);
	if (rc == SK_NOTFOUND && !month)
		rc = simpin_cycle_last(db, g, c, e);
	return rc;
}

static void cycle_line(FILE *out, const sk_cycle *c)
{
	if (*c->selesai)
		fprintf(out, _("Siklus   : %d, %s sampai %s\n"), c->nomor, c->mulai, c->selesai);
	else
		fprintf(out, _("Siklus   : %d, mulai %s (berjalan)\n"), c->nomor, c->mulai);
}

/* ---- savings -------------------------------------------------------------------------------- */

static const xlsx_col SAVINGS_COLS[] = {
	{ "anggota_id", XC_CODE, 0 }, { "nama", XC_TEXT, 0 }, { "pokok", XC_MONEY, 0 },
	{ "wajib", XC_MONEY, 0 }, { "sukarela", XC_MONEY, 0 }, { "jumlah", XC_MONEY, 0 },
};

static const char SAVINGS_SQL[] =
	"SELECT a.id, a.nama, "
	"coalesce(sum(CASE WHEN s.jenis='pokok' THEN s.setor-s.tarik END),0), "
	"coalesce(sum(CASE WHEN s.jenis='wajib' THEN s.setor-s.tarik END),0), "
	"coalesce(sum(CASE WHEN s.jenis='sukarela' THEN s.setor-s.tarik END),0), "
	"count(s.id) FROM anggota a LEFT JOIN simpanan s ON s.anggota_id=a.id AND s.siklus_id=:s AND "
	"s.dihapus=0 AND s.tanggal<=:d WHERE a.kelompok_id=:g AND a.dihapus=0 GROUP BY a.id "
	"HAVING count(s.id) > 0 OR ((a.tanggal_masuk IS NULL OR a.tanggal_masuk<=:d) AND "
	"(a.tanggal_keluar IS NULL OR a.tanggal_keluar>:d)) ORDER BY a.nama, a.id";
static const report_query SAVINGS_QUERY = REPORT_QUERY("simpanan", SAVINGS_COLS, SAVINGS_SQL);

static int write_savings(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	char day[16], nama[SK_NAME_BYTES], kode[64];
	sk_cycle c;
	report_day(o->month, day);
	int rc = group_names(db, o->group_id, nama, sizeof nama, kode, sizeof kode, e);
	if (rc == SK_OK)
		rc = report_cycle(db, o->group_id, o->month, day, &c, e);
	if (rc != SK_OK)
		return rc;
	if (!o->month && *c.selesai)
		sk_strlcpy(day, c.selesai, sizeof day);
	report_table t;
	rc = report_query_begin(&t, o, out, db, &SAVINGS_QUERY, e);
	if (rc != SK_OK)
		return rc;
	db_bind_texts(t.st, ":s", c.id, ":d", day);
	char a[4][32], name[160];
	int64_t sum[4] = { 0, 0, 0, 0 };
	if (o->fmt == REPORT_TEXT) {
		fprintf(out, "%s\n", _("SIMPANAN ANGGOTA"));
		group_heading(out, nama, kode);
		cycle_line(out, &c);
		fprintf(out, _("Per      : %s\n\n"), day);
		fprintf(out, "%-3s%s %12s %12s %12s %12s\n", _("No"), sk_fit(name, sizeof name, _("Nama"), 24),
			_("Pokok"), _("Wajib"), _("Sukarela"), _("Jumlah"));
	}
	int no = 0;
	while ((rc = db_step(db, t.st, e)) == SQLITE_ROW) {
		int64_t v[4];
		v[0] = sqlite3_column_int64(t.st, 2);
		v[1] = sqlite3_column_int64(t.st, 3);
		v[2] = sqlite3_column_int64(t.st, 4);
		v[3] = v[0] + v[1] + v[2];
		for (int k = 0; k < 4; k++)
			sum[k] += v[k];
		if (o->fmt == REPORT_TEXT) {
			fprintf(out, "%2d %s %12s %12s %12s %12s\n", ++no,
				sk_fit(name, sizeof name, (const char *)sqlite3_column_text(t.st, 1), 24),
				money(v[0], a[0], 32), money(v[1], a[1], 32), money(v[2], a[2], 32),
				money(v[3], a[3], 32));
			continue;
		}
		report_table_str(&t, (const char *)sqlite3_column_text(t.st, 0));
		report_table_str(&t, (const char *)sqlite3_column_text(t.st, 1));
		for (int k = 0; k < 4; k++)
			report_table_int(&t, v[k]);
		report_table_eol(&t);
	}
	db_reset(t.st);
	if (rc != SQLITE_DONE)
		return e && e->status ? e->status : SK_DBERR;
	if (o->fmt == REPORT_TEXT)
		fprintf(out, "   %s %12s %12s %12s %12s\n", sk_fit(name, sizeof name, _("Jumlah"), 24),
			money(sum[0], a[0], 32), money(sum[1], a[1], 32), money(sum[2], a[2], 32),
			money(sum[3], a[3], 32));
	return SK_OK;
}

REPORT_GIVEN(savings, write_savings, group_id, N_("Laporan simpanan perlu --group."))

/* ---- loans ------------------------------------------------------------------------------------ */

static const xlsx_col LOANS_COLS[] = {
	{ "pinjaman_id", XC_CODE, 0 }, { "anggota_id", XC_CODE, 0 }, { "nama", XC_TEXT, 0 },
	{ "tanggal", XC_DATE, 0 }, { "pokok", XC_MONEY, 0 }, { "sumber", XC_CODE, 0 },
	{ "sisa_pokok", XC_MONEY, 0 }, { "jasa_dibayar", XC_MONEY, 0 },
	{ "tunggakan", XC_MONEY, 0 }, { "hari_terlambat", XC_INT, 0 }, { "status", XC_CODE, 0 },
};

/* A loan's status as the text report shows it. */
static const char *status_label(int s)
{
	switch (s) {
	case LOAN_LUNAS: return _("lunas");
	case LOAN_MENUNGGAK: return _("menunggak");
	case LOAN_DIHAPUSBUKUKAN: return _("hapus buku");
	default: return _("berjalan");
	}
}

/* The report streams: groups in name order (then id), each group's loans as
 * simpin_loans_each orders them (member name, date, id), so that nothing of a kabupaten's
 * tens of thousands of loans is held in memory. */
struct loans_run {
	const report_opts *o;
	FILE *out;
	report_table *t;
	char nama[SK_NAME_BYTES], kode[64]; /* the group being written */
	int n, total;                  /* its loans written, and all groups' */
	int64_t pokok;                 /* its loans' principal */
	sk_portfolio p;                /* its portfolio (text) */
};

/* The text report's totals of one group's loans (after its last one). */
static void loans_group_end(const struct loans_run *r)
{
	char a[32], b[32], c[32], par[16];
	fprintf(r->out, _("   %d pinjaman, pokok Rp %s; beredar Rp %s, tunggakan Rp %s\n"), r->n,
		sk_format_rupiah(r->pokok, a, sizeof a), sk_format_rupiah(r->p.beredar, b, sizeof b),
		sk_format_rupiah(r->p.tunggakan, c, sizeof c));
	fprintf(r->out, _("   Menunggak %d pinjaman; portofolio berisiko (lebih dari %d hari) %s\n\n"),
		r->p.menunggak, LOAN_PAR_DAYS,
		simpin_par_text(loan_par_permille(r->p.berisiko, r->p.beredar), par, sizeof par));
}

/* One loan as a line of the text report, its group's heading first. */
static void loan_text(struct loans_run *r, const sk_loan_view *v)
{
	char name[160], a[32], b[32], c[32];
	int ok = v->calc == LOAN_OK;
	const sk_loan_position *pos = &v->pos;
	if (r->n == 0) {
		group_heading(r->out, r->nama, r->kode);
		fprintf(r->out, "%s %-10s %11s %11s %11s %4s %s\n", sk_fit(name, sizeof name,
			_("Nama"), 17), _("Tanggal"), _("Pokok"), _("Sisa pokok"), _("Tunggakan"),
			_("Hari"), _("Status"));
	}
	fprintf(r->out, "%s %-10s %11s %11s %11s %4d %s\n", sk_fit(name, sizeof name, v->nama, 17),
		v->l.tanggal, sk_format_rupiah(v->l.pokok, a, sizeof a),
		money(pos->sisa_pokok, b, sizeof b), money(pos->tunggakan, c, sizeof c),
		pos->hari_terlambat, ok ? status_label(pos->status) : "?");
	r->pokok += v->l.pokok;
	if (!ok || pos->status == LOAN_LUNAS || pos->status == LOAN_DIHAPUSBUKUKAN)
		return;
	r->p.beredar += pos->sisa_pokok;
	r->p.tunggakan += pos->tunggakan;
	r->p.menunggak += pos->tunggakan > 0;
	if (pos->hari_terlambat > LOAN_PAR_DAYS)
		r->p.berisiko += pos->sisa_pokok;
}

static int put_loan(void *ctx, const sk_loan_view *v)
{
	struct loans_run *r = ctx;
	if (r->o->fmt == REPORT_TEXT) {
		loan_text(r, v);
	} else {
		report_table *t = r->t;
		report_table_row(t, "ssssisiiiis", v->l.id, v->l.anggota_id, v->nama, v->l.tanggal,
				 (int64_t)v->l.pokok, v->l.sumber, (int64_t)v->pos.sisa_pokok,
				 (int64_t)v->pos.paid_jasa, (int64_t)v->pos.tunggakan,
				 (int64_t)v->pos.hari_terlambat,
				 v->calc == LOAN_OK ? loan_status_name(v->pos.status) : "");
	}
	r->n++;
	r->total++;
	return 0;
}

/* Every group (deleted ones too: their loans stay; o->group_id: that one) in name order,
 * each with its loans made by day. */
static int loans_each_group(sk_db *db, struct loans_run *r, const char *day, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, "SELECT id, nama, coalesce(kode,'') FROM kelompok "
				    "WHERE :g IS NULL OR id=:g ORDER BY nama, id", e,
					":g", r->o->group_id);
	if (!st)
		return SK_DBERR;
	int rc, src = SK_OK;
	while (src == SK_OK && (rc = db_step(db, st, e)) == SQLITE_ROW) {
		char g[SK_UUID_LEN + 1];
		db_col_text(st, 0, g, sizeof g);
		db_col_text(st, 1, r->nama, sizeof r->nama);
		db_col_text(st, 2, r->kode, sizeof r->kode);
		r->n = 0;
		r->pokok = 0;
		memset(&r->p, 0, sizeof r->p);
		/* Every group: each one's members' loans, as the district's list always had them
		 * (rule L1); one group asked for: the loans of its cycles. */
		sk_loan_filter f = { .kelompok_id = g, .upto = day,
				     .by_member_group = r->o->group_id == NULL };
		src = simpin_loans_each(db, &f, day, put_loan, r, e);
		if (src == SK_OK && r->n && r->o->fmt == REPORT_TEXT)
			loans_group_end(r);
	}
	db_reset(st);
	if (src != SK_OK)
		return src;
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

static int write_loans(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	char day[16];
	report_day(o->month, day);
	report_table t;
	int rc = report_table_begin(&t, o, out, "pinjaman", REPORT_COLS(LOANS_COLS), 1, e);
	if (rc != SK_OK)
		return rc;
	struct loans_run r = { .o = o, .out = out, .t = &t };
	if (o->fmt == REPORT_TEXT)
		fprintf(out, _("PINJAMAN ANGGOTA per %s\n\n"), day);
	rc = loans_each_group(db, &r, day, e);
	if (rc == SK_OK && o->fmt == REPORT_TEXT && r.total == 0)
		fprintf(out, "%s\n", _("Belum ada pinjaman."));
	return rc;
}

int report_loans(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	return report_read(db, write_loans, o, out, e);
}

/* ---- share-out ---------------------------------------------------------------------------- */

static const xlsx_col SHARE_COLS[] = {
	{ "anggota_id", XC_CODE, 0 }, { "nama", XC_TEXT, 0 }, { "simpanan", XC_MONEY, 0 },
	{ "bagian_hasil", XC_MONEY, 0 }, { "potongan", XC_MONEY, 0 }, { "dibayar", XC_MONEY, 0 },
};

static const char *method_label(const char *m)
{
	if (strcmp(m, "sama_rata") == 0)
		return _("dibagi sama rata");
	if (strcmp(m, "jasa") == 0)
		return _("menurut jasa pinjaman yang dibayar");
	return _("menurut simpanan");
}

void report_share_text(FILE *out, const char *nama, const char *kode, const sk_share_plan *p,
		       int stored)
{
	char a[32], b[32], c[32], d[32], name[160];
	fprintf(out, _("BAGI HASIL SIMPAN PINJAM SIKLUS %d\n"), p->c.nomor);
	group_heading(out, nama, kode);
	if (stored)
		fprintf(out, _("Ditutup  : %s, %s\n"), p->c.selesai, method_label(p->c.metode_bagi));
	else
		fprintf(out, _("Perkiraan bila ditutup %s, %s\n"), p->tanggal,
			method_label(p->c.metode_bagi));
	if (!stored) {
		fprintf(out, _("Kas Rp %s, pinjaman belum lunas Rp %s, simpanan Rp %s\n"),
			sk_format_rupiah(p->sum.saldo_buku, a, sizeof a),
			sk_format_rupiah(p->sum.piutang, b, sizeof b),
			sk_format_rupiah(p->sum.simpanan, c, sizeof c));
		fprintf(out, _("Laba Rp %s, dibagi Rp %s, sisa pembulatan Rp %s (tetap di kas)\n"),
			sk_format_rupiah(p->sum.laba, a, sizeof a),
			sk_format_rupiah(p->sum.dibagi, b, sizeof b),
			sk_format_rupiah(p->sum.sisa_pembulatan, c, sizeof c));
		if (p->status == SHAREOUT_E_NO_WEIGHT)
			fprintf(out, "%s\n", _("Belum dapat dibagi: tidak ada dasar pembagian untuk cara "
					       "bagi ini."));
	}
	fputc('\n', out);
	fprintf(out, "%-3s%s %11s %10s %10s %11s %s\n", _("No"), sk_fit(name, sizeof name, _("Nama"), 18),
		_("Simpanan"), _("Bagian"), _("Potongan"), _("Dibayar"), _("Tanda tangan"));
	for (int i = 0; i < p->n; i++) {
		const sk_share_row *r = &p->rows[i].r;
		fprintf(out, "%2d %s %11s %10s %10s %11s ............\n", i + 1,
			sk_fit(name, sizeof name, p->rows[i].nama, 18), money(r->simpanan, a, sizeof a),
			money(r->bagian_hasil, b, sizeof b), money(r->potongan, c, sizeof c),
			money(r->dibayar, d, sizeof d));
	}
	fprintf(out, "   %s %11s %10s %10s %11s\n", sk_fit(name, sizeof name, _("Jumlah"), 18),
		money(p->sum.simpanan, a, sizeof a), money(p->sum.dibagi, b, sizeof b),
		money(p->sum.potongan, c, sizeof c), money(p->sum.dibayar, d, sizeof d));
	if (p->denda_belum > 0)
		fprintf(out, _("\nDenda belum dibayar Rp %s: catat bayarnya atau bebaskan dulu.\n"),
			sk_format_rupiah(p->denda_belum, a, sizeof a));
}

static int write_shareout(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	char nama[SK_NAME_BYTES], kode[64], today[11];
	sk_cycle c;
	sk_share_plan p;
	sk_today(today);
	int rc = group_names(db, o->group_id, nama, sizeof nama, kode, sizeof kode, e);
	if (rc == SK_OK)
		rc = report_cycle(db, o->group_id, NULL, today, &c, e);
	if (rc != SK_OK)
		return rc;
	int stored = *c.selesai != '\0';
	rc = stored ? simpin_share_stored(db, c.id, &p, e) : simpin_share_plan(db, c.id, today, &p, e);
	if (rc != SK_OK)
		return rc;
	if (o->fmt == REPORT_TEXT) {
		report_share_text(out, nama, kode, &p, stored);
		simpin_share_plan_free(&p);
		return SK_OK;
	}
	report_table t;
	rc = report_table_begin(&t, o, out, "bagi_hasil", REPORT_COLS(SHARE_COLS), 1, e);
	for (int i = 0; rc == SK_OK && i < p.n; i++) {
		const sk_share_row *r = &p.rows[i].r;
		report_table_row(&t, "ssiiii", p.rows[i].anggota_id, p.rows[i].nama,
				 (int64_t)r->simpanan, (int64_t)r->bagian_hasil,
				 (int64_t)r->potongan, (int64_t)r->dibayar);
	}
	simpin_share_plan_free(&p);
	return rc;
}

REPORT_GIVEN(shareout, write_shareout, group_id, N_("Laporan bagi hasil perlu --group."))

/* ---- the monthly report's section -------------------------------------------------------- */

int report_simpin_month(sk_db *db, const char *g, const char *from, const char *to,
			report_simpin_fig *f, sk_err *e)
{
	memset(f, 0, sizeof *f);
	sk_err q;
	sk_err_clear(&q);
	sk_cycle c;
	int rc = simpin_cycle_at(db, g, to, &c, &q);
	if (rc == SK_NOTFOUND)
		rc = simpin_cycle_last(db, g, &c, &q);
	if (rc == SK_NOTFOUND)
		return SK_OK;
	if (rc != SK_OK)
		return sk_err_set(e, rc, "%s", q.msg);
	f->has = 1;
	f->nomor = c.nomor;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT (SELECT coalesce(sum(s.setor),0) FROM simpanan s JOIN siklus c ON "
		"c.id=s.siklus_id WHERE c.kelompok_id=:g AND s.dihapus=0 AND s.tanggal BETWEEN :from "
		"AND :to), (SELECT coalesce(sum(s.tarik),0) FROM simpanan s JOIN siklus c ON "
		"c.id=s.siklus_id WHERE c.kelompok_id=:g AND s.dihapus=0 AND s.tanggal BETWEEN :from "
		"AND :to), (SELECT coalesce(sum(s.setor-s.tarik),0) FROM simpanan s WHERE "
		"s.siklus_id=:s AND s.dihapus=0 AND s.tanggal<=:to), "
		"(SELECT count(*) FROM pinjaman p JOIN siklus c ON c.id=p.siklus_id WHERE "
		"c.kelompok_id=:g AND p.dihapus=0 AND p.tanggal BETWEEN :from AND :to), "
		"(SELECT coalesce(sum(p.pokok),0) FROM pinjaman p JOIN siklus c ON c.id=p.siklus_id "
		"WHERE c.kelompok_id=:g AND p.dihapus=0 AND p.tanggal BETWEEN :from AND :to), "
		"(SELECT coalesce(sum(CASE WHEN a.membalik_id IS NULL THEN a.pokok ELSE -a.pokok END),0) "
		"FROM angsuran a JOIN pinjaman p ON p.id=a.pinjaman_id JOIN siklus c ON "
		"c.id=p.siklus_id WHERE c.kelompok_id=:g AND a.dihapus=0 AND a.tanggal BETWEEN :from "
		"AND :to), (SELECT coalesce(sum(CASE WHEN a.membalik_id IS NULL THEN a.jasa ELSE "
		"-a.jasa END),0) FROM angsuran a JOIN pinjaman p ON p.id=a.pinjaman_id JOIN siklus c ON "
		"c.id=p.siklus_id WHERE c.kelompok_id=:g AND a.dihapus=0 AND a.tanggal BETWEEN :from "
		"AND :to), (SELECT coalesce(sum(f.jumlah),0) FROM denda f JOIN siklus c ON "
		"c.id=f.siklus_id WHERE c.kelompok_id=:g AND f.dihapus=0 AND f.tanggal BETWEEN :from "
		"AND :to), (SELECT coalesce(sum(f.jumlah),0) FROM denda f JOIN siklus c ON "
		"c.id=f.siklus_id WHERE c.kelompok_id=:g AND f.dihapus=0 AND f.dibebaskan=0 AND "
		"f.dibayar_pada BETWEEN :from AND :to), "
		"(SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id=:g AND buku='simpin' "
		"AND dihapus=0 AND tanggal<:from), (SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE "
		"kelompok_id=:g AND buku='simpin' AND dihapus=0 AND tanggal<=:to), (SELECT "
		"coalesce(sum(masuk),0) FROM kas WHERE kelompok_id=:g AND buku='simpin' AND dihapus=0 "
		"AND tanggal BETWEEN :from AND :to), (SELECT coalesce(sum(keluar),0) FROM kas WHERE "
		"kelompok_id=:g AND buku='simpin' AND dihapus=0 AND tanggal BETWEEN :from AND :to)", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":g", g, ":s", c.id, ":from", from, ":to", to);
	rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		db_read_cols(st, 0, "IIIiIIIIIIIII", &f->setor, &f->tarik, &f->simpanan,
				    &f->pinjaman_baru, &f->pinjaman_pokok, &f->angsuran_pokok,
				    &f->angsuran_jasa, &f->denda, &f->denda_dibayar, &f->kas_awal,
				    &f->kas_akhir, &f->kas_masuk, &f->kas_keluar);
	}
	db_reset(st);
	if (rc != SQLITE_ROW)
		return e && e->status ? e->status : SK_DBERR;
	return simpin_portfolio(db, g, to, &f->p, e);
}

void report_simpin_month_text(FILE *out, const report_simpin_fig *f)
{
	char a[32], b[32], c[32], par[16];
	if (!f->has)
		return;
	fprintf(out, _("6. Simpan pinjam (siklus %d): kas awal Rp %s, akhir Rp %s\n"),
		f->nomor, sk_format_rupiah(f->kas_awal, a, sizeof a),
		sk_format_rupiah(f->kas_akhir, b, sizeof b));
	fprintf(out, _("   Simpanan: setor Rp %s, tarik Rp %s, saldo simpanan Rp %s\n"),
		sk_format_rupiah(f->setor, a, sizeof a), sk_format_rupiah(f->tarik, b, sizeof b),
		sk_format_rupiah(f->simpanan, c, sizeof c));
	fprintf(out, _("   Pinjaman baru %d, Rp %s; angsuran pokok Rp %s, jasa Rp %s\n"),
		f->pinjaman_baru, sk_format_rupiah(f->pinjaman_pokok, a, sizeof a),
		sk_format_rupiah(f->angsuran_pokok, b, sizeof b),
		sk_format_rupiah(f->angsuran_jasa, c, sizeof c));
	fprintf(out, _("   Beredar Rp %s; tunggakan Rp %s (%d pinjaman); berisiko %s\n"),
		sk_format_rupiah(f->p.beredar, a, sizeof a), sk_format_rupiah(f->p.tunggakan, b, sizeof b),
		f->p.menunggak, simpin_par_text(f->p.par_permille, par, sizeof par));
	fprintf(out, _("   Denda dikenakan Rp %s, dibayar Rp %s\n"),
		sk_format_rupiah(f->denda, a, sizeof a), sk_format_rupiah(f->denda_dibayar, b, sizeof b));
}
