/* report_passbook.c - what a member takes home: the passbook (savings by date with running
 * balances, loans with their schedules) and the loan card, on 80 columns or as a workbook. */
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "fixmath.h"
#include "i18n.h"
#include "report_priv.h"
#include "simpin.h"
#include "util.h"

static const char *amount(int64_t v, char *buf, size_t n)
{
	return v ? sk_format_rupiah(v, buf, n) : "-";
}

/* The member's name, group id, group name and code. */
struct who {
	char nama[SK_NAME_BYTES], g[SK_UUID_LEN + 1], gnama[SK_NAME_BYTES], kode[64];
};

static int member_who(sk_db *db, const char *anggota_id, struct who *w, sk_err *e)
{
	return db_row_text(db, "SELECT a.nama, g.id, g.nama, coalesce(g.kode,'') FROM anggota a JOIN "
			   "kelompok g ON g.id=a.kelompok_id WHERE a.id=:a", ":a", anggota_id,
			   _("Anggota tidak ditemukan."), e, 4, DB_OUT(w->nama), DB_OUT(w->g),
			   DB_OUT(w->gnama), DB_OUT(w->kode));
}

static void who_heading(FILE *out, const struct who *w)
{
	fprintf(out, _("Nama     : %s\n"), w->nama);
	fprintf(out, _("Kelompok : %s%s%s%s\n"), w->gnama, *w->kode ? " (" : "", w->kode,
		*w->kode ? ")" : "");
}

/* The loan's terms on one line: "Rp 240.000, 12 angsuran per minggu, jasa 1,5% flat". */
static void terms_line(FILE *out, const sk_loan *l)
{
	char a[32], r[16];
	fx_format2(l->jasa_persen_bulan, ',', r, sizeof r);
	fprintf(out, _("Pinjaman %s Rp %s: %d x per %s, jasa %s%%/bulan %s%s\n"),
		l->tanggal, sk_format_rupiah(l->pokok, a, sizeof a), l->jumlah_angsuran,
		strcmp(l->jarak_angsuran, "bulan") == 0 ? _("bulan") : _("minggu"), r,
		strcmp(l->metode_jasa, "menurun") == 0 ? _("menurun") : _("flat"),
		strcmp(l->sumber, "uep") == 0 ? _(" (modal UEP)") : "");
}

static const xlsx_col SCHEDULE_COLS[] = {
	{ "pinjaman_id", XC_CODE, 0 }, { "ke", XC_INT, 0 }, { "jatuh_tempo", XC_DATE, 0 },
	{ "pokok", XC_MONEY, 0 }, { "jasa", XC_MONEY, 0 }, { "jumlah", XC_MONEY, 0 },
	{ "sisa_pokok", XC_MONEY, 0 }, { "keterangan", XC_TEXT, 0 },
};

/* The state of instalment k (0-based) given what was paid in p: "lunas", "terlambat", "". */
static const char *instalment_state(const sk_loan_schedule *s, int k, const sk_loan_position *p,
				    const char *day)
{
	int64_t cum_p = 0, cum_j = 0;
	for (int i = 0; i <= k; i++) {
		cum_p += s->at[i].pokok;
		cum_j += s->at[i].jasa;
	}
	if (p->paid_pokok >= cum_p && p->paid_jasa >= cum_j)
		return _("lunas");
	if (p->sisa_pokok == 0)
		return _("lunas");
	return strcmp(s->at[k].jatuh_tempo, day) <= 0 ? _("terlambat") : "";
}

/* One loan: terms, schedule, position (text), or its schedule rows (table). */
static void loan_part(FILE *out, report_table *t, const report_opts *o, const sk_loan_view *v,
		      const char *day)
{
	const sk_loan_schedule *s = v->s;
	char a[32], b[32], c[32], d[32];
	if (v->calc != LOAN_OK) {
		if (o->fmt == REPORT_TEXT)
			fprintf(out, "%s\n", _("Jadwal pinjaman ini tidak dapat dihitung."));
		return;
	}
	for (int k = 0; o->fmt != REPORT_TEXT && k < s->n; k++) {
		report_table_row(t, "sisiiiis", v->l.id, (int64_t)(k + 1), s->at[k].jatuh_tempo,
				 (int64_t)s->at[k].pokok, (int64_t)s->at[k].jasa,
				 (int64_t)s->at[k].jumlah, (int64_t)s->at[k].sisa_pokok,
				 instalment_state(s, k, &v->pos, day));
	}
	if (o->fmt != REPORT_TEXT)
		return;
	terms_line(out, &v->l);
	fprintf(out, "%4s %-11s %11s %9s %11s %11s  %s\n", _("Ke"), _("Jatuh tempo"), _("Pokok"),
		_("Jasa"), _("Jumlah"), _("Sisa pokok"), _("Keterangan"));
	for (int k = 0; k < s->n; k++)
		fprintf(out, "%4d %-11s %11s %9s %11s %11s  %s\n", k + 1, s->at[k].jatuh_tempo,
			sk_format_rupiah(s->at[k].pokok, a, sizeof a),
			sk_format_rupiah(s->at[k].jasa, b, sizeof b),
			sk_format_rupiah(s->at[k].jumlah, c, sizeof c),
			sk_format_rupiah(s->at[k].sisa_pokok, d, sizeof d),
			instalment_state(s, k, &v->pos, day));
	fprintf(out, _("Dibayar per %s: pokok Rp %s, jasa Rp %s; sisa pokok Rp %s\n"), day,
		sk_format_rupiah(v->pos.paid_pokok, a, sizeof a),
		sk_format_rupiah(v->pos.paid_jasa, b, sizeof b),
		sk_format_rupiah(v->pos.sisa_pokok, c, sizeof c));
	if (v->pos.tunggakan > 0)
		fprintf(out, _("Tunggakan Rp %s, terlambat %d hari sejak %s\n"),
			sk_format_rupiah(v->pos.tunggakan, a, sizeof a), v->pos.hari_terlambat,
			v->pos.tertua);
	else if (v->pos.status == LOAN_LUNAS)
		fprintf(out, "%s\n", _("Lunas."));
	else if (v->pos.status == LOAN_DIHAPUSBUKUKAN)
		fprintf(out, _("Dihapusbukukan pada %s.\n"), v->l.dihapusbukukan_pada);
	else
		fprintf(out, "%s\n", _("Tidak ada tunggakan."));
}

/* ---- the passbook ------------------------------------------------------------------------ */

static const xlsx_col PASSBOOK_COLS[] = {
	{ "tanggal", XC_DATE, 0 }, { "jenis", XC_CODE, 0 }, { "setor", XC_MONEY, 0 },
	{ "tarik", XC_MONEY, 0 }, { "saldo_jenis", XC_MONEY, 0 }, { "saldo", XC_MONEY, 0 },
};

struct passbook {
	FILE *out;
	const report_opts *o;
	report_table t;
	const char *day;
	int loans;
};

static int passbook_loan(void *ctx, const sk_loan_view *v)
{
	struct passbook *p = ctx;
	if (p->o->fmt == REPORT_TEXT)
		fprintf(p->out, _("\nPinjaman ke-%d\n"), p->loans + 1);
	loan_part(p->out, &p->t, p->o, v, p->day);
	p->loans++;
	return 0;
}

static int write_passbook(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	struct who w;
	sk_cycle c;
	char day[11];
	sk_today(day);
	int rc = member_who(db, o->anggota_id, &w, e);
	if (rc != SK_OK)
		return rc;
	rc = simpin_cycle_open(db, w.g, &c, e);
	if (rc == SK_NOTFOUND)
		rc = simpin_cycle_last(db, w.g, &c, e);
	if (rc != SK_OK)
		return rc;
	struct passbook p = { out, o, { 0 }, day, 0 };
	rc = report_table_begin(&p.t, o, out, "simpanan", REPORT_COLS(PASSBOOK_COLS), 1, e);
	if (rc != SK_OK)
		return rc;
	if (o->fmt == REPORT_TEXT) {
		fprintf(out, "%s\n", _("BUKU SIMPANAN DAN PINJAMAN ANGGOTA"));
		who_heading(out, &w);
		if (*c.selesai)
			fprintf(out, _("Siklus   : %d, %s sampai %s\n"), c.nomor, c.mulai, c.selesai);
		else
			fprintf(out, _("Siklus   : %d, mulai %s (berjalan)\n"), c.nomor, c.mulai);
		fprintf(out, _("Dicetak  : %s\n\n"), day);
		fprintf(out, "%s\n", _("Simpanan"));
		fprintf(out, "%3s %-10s %-9s %11s %11s %12s %12s\n", _("No"), _("Tanggal"), _("Jenis"),
			_("Setor"), _("Tarik"), _("Saldo jenis"), _("Saldo"));
	}
	sqlite3_stmt *st = db_query(db, "SELECT tanggal, jenis, setor, tarik FROM simpanan WHERE "
				    "siklus_id=:s AND anggota_id=:a AND dihapus=0 ORDER BY tanggal, "
				    "setor=0, id", e, ":s", c.id, ":a", o->anggota_id);
	if (!st)
		return SK_DBERR;
	int64_t kind[SIMPIN_KINDS] = { 0, 0, 0 }, total = 0;
	char a[32], b[32], cc[32], d[32];
	int no = 0;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		const char *tgl = (const char *)sqlite3_column_text(st, 0);
		const char *jenis = (const char *)sqlite3_column_text(st, 1);
		int64_t setor = sqlite3_column_int64(st, 2), tarik = sqlite3_column_int64(st, 3);
		int k = simpin_kind_parse(jenis);
		if (k >= 0)
			kind[k] += setor - tarik;
		total += setor - tarik;
		if (o->fmt == REPORT_TEXT) {
			fprintf(out, "%3d %-10s %-9s %11s %11s %12s %12s\n", ++no, tgl, jenis,
				amount(setor, a, sizeof a), amount(tarik, b, sizeof b),
				sk_format_rupiah(k >= 0 ? kind[k] : 0, cc, sizeof cc),
				sk_format_rupiah(total, d, sizeof d));
			continue;
		}
		report_table_row(&p.t, "ssiiii", tgl, jenis, (int64_t)setor, (int64_t)tarik,
				 (int64_t)(k >= 0 ? kind[k] : 0), (int64_t)total);
	}
	db_reset(st);
	if (rc != SQLITE_DONE)
		return e && e->status ? e->status : SK_DBERR;
	if (o->fmt == REPORT_TEXT)
		fprintf(out, _("Saldo: pokok Rp %s, wajib Rp %s, sukarela Rp %s; jumlah Rp %s\n"),
			sk_format_rupiah(kind[0], a, sizeof a), sk_format_rupiah(kind[1], b, sizeof b),
			sk_format_rupiah(kind[2], cc, sizeof cc), sk_format_rupiah(total, d, sizeof d));
	if (o->fmt == REPORT_CSV)
		return SK_OK;
	if (o->fmt == REPORT_XLSX) {
		rc = report_table_begin(&p.t, o, out, "pinjaman", REPORT_COLS(SCHEDULE_COLS), 1, e);
		if (rc != SK_OK)
			return rc;
	}
	sk_loan_filter f = { .siklus_id = c.id, .anggota_id = o->anggota_id };
	rc = simpin_loans_each(db, &f, day, passbook_loan, &p, e);
	if (rc == SK_OK && o->fmt == REPORT_TEXT && p.loans == 0)
		fprintf(out, "\n%s\n", _("Belum ada pinjaman di siklus ini."));
	return rc;
}

REPORT_GIVEN(passbook, write_passbook, anggota_id, N_("Anggota tidak ditemukan."))

/* ---- the loan card ------------------------------------------------------------------------ */

static const xlsx_col REPAY_COLS[] = {
	{ "tanggal", XC_DATE, 0 }, { "pokok", XC_MONEY, 0 }, { "jasa", XC_MONEY, 0 },
	{ "keterangan", XC_TEXT, 0 },
};

static int write_card(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	char day[11];
	sk_today(day);
	sk_loan_view v;
	sk_loan_schedule *s = malloc(sizeof *s);
	if (!s)
		abort();
	struct who w;
	int rc = simpin_loan_view(db, o->pinjaman_id, day, &v, s, e);
	if (rc == SK_OK)
		rc = member_who(db, v.l.anggota_id, &w, e);
	report_table t;
	if (rc == SK_OK)
		rc = report_table_begin(&t, o, out, "jadwal", REPORT_COLS(SCHEDULE_COLS), 1, e);
	if (rc != SK_OK) {
		free(s);
		return rc;
	}
	if (o->fmt == REPORT_TEXT) {
		fprintf(out, "%s\n", _("KARTU PINJAMAN ANGGOTA"));
		who_heading(out, &w);
		if (*v.l.tujuan)
			fprintf(out, _("Untuk    : %s\n"), v.l.tujuan);
		fprintf(out, _("Dicetak  : %s\n\n"), day);
	}
	loan_part(out, &t, o, &v, day);
	free(s);
	if (o->fmt == REPORT_CSV)
		return SK_OK;
	if (o->fmt == REPORT_XLSX) {
		rc = report_table_begin(&t, o, out, "angsuran", REPORT_COLS(REPAY_COLS), 1, e);
		if (rc != SK_OK)
			return rc;
	} else {
		fprintf(out, "\n%s\n%3s %-10s %11s %9s  %s\n", _("Angsuran dibayar"), _("No"),
			_("Tanggal"), _("Pokok"), _("Jasa"), _("Keterangan"));
	}
	sqlite3_stmt *st = db_query(db, "SELECT tanggal, pokok, jasa, membalik_id IS NOT NULL FROM "
				    "angsuran WHERE pinjaman_id=:p AND dihapus=0 ORDER BY tanggal, "
				    "membalik_id IS NULL, id", e, ":p", o->pinjaman_id);
	if (!st)
		return SK_DBERR;
	char a[32], b[32];
	int n = 0;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		const char *note = sqlite3_column_int(st, 3) ? _("pembalikan") : "";
		n++;
		if (o->fmt == REPORT_TEXT) {
			fprintf(out, "%3d %-10s %11s %9s  %s\n", n, (const char *)sqlite3_column_text(st, 0),
				sk_format_rupiah(sqlite3_column_int64(st, 1), a, sizeof a),
				sk_format_rupiah(sqlite3_column_int64(st, 2), b, sizeof b), note);
			continue;
		}
		report_table_row(&t, "siis", (const char *)sqlite3_column_text(st, 0),
				 (int64_t)sqlite3_column_int64(st, 1),
				 (int64_t)sqlite3_column_int64(st, 2), note);
	}
	db_reset(st);
	if (rc == SQLITE_DONE && n == 0 && o->fmt == REPORT_TEXT)
		fprintf(out, "%s\n", _("Belum ada angsuran."));
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

REPORT_GIVEN(loan_card, write_card, pinjaman_id, N_("Pinjaman tidak ditemukan."))
