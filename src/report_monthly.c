/* report_monthly.c - the pendamping's monthly report to Dinas Sosial: one 80-column page per
 * group (form feed between groups, for A4), or rows per group and book as CSV or xlsx. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "eligibility.h"
#include "evaluation.h"
#include "i18n.h"
#include "region.h"
#include "report_priv.h"
#include "util.h"

/* The spec's categories, then the reversals (any category) on a line of their own: a
 * corrected purchase is not a receipt of "Pembelian". */
#define N_CATS 12
static const char *const CATS[N_CATS] = { "iuran_kas", "iuran_iks", "bantuan", "penjualan",
	"pembelian", "operasional", "santunan", "pinjaman", "angsuran", "bagi_hasil", "lainnya",
	"(pembalikan)" };
/* "Bantuan" (aid) has a context: on its own it is the help viewer's title. */
static const char *const CAT_LABELS[N_CATS] = { N_("Iuran kas"), N_("Iuran IKS"),
	NC_("cash category", "Bantuan"), N_("Penjualan"), N_("Pembelian"), N_("Operasional"),
	N_("Santunan"), N_("Pinjaman"), N_("Angsuran"), N_("Bagi hasil"), N_("Lain-lain"),
	N_("Koreksi (pembalikan)") };

struct book_fig {
	int64_t awal, masuk, keluar;
	int64_t in_cat[N_CATS], out_cat[N_CATS];
	int closed;                 /* the month was closed: the counted cash and difference */
	int64_t dihitung, selisih;
};

struct monthly {
	char id[40], nama[SK_NAME_BYTES], kode[40], tingkat[16], wilayah[16], pendamping[SK_NAME_BYTES];
	char from[11], to[11];               /* first and last day of the month */
	int aktif, laki, perempuan, masuk, keluar;
	int pertemuan, pendamping_hadir, h, i, s, a;
	int64_t iuran_kas, iuran_iks;
	struct book_fig umum, iks;
	int dinilai, miskin, tidak_miskin, ulang;
	report_simpin_fig simpin;          /* savings and loans (section 6) */
	char evaluasi[16];                   /* latest development assessment by the month's end */
	int evaluasi_skor;
};

/* Prepare sql, bind :g, :from and :to (those it has) from m and step it: SK_OK with *st on
 * its row (the caller reads it, then db_reset), or the database error in e. */
static int month_row(sk_db *db, const char *sql, const struct monthly *m, sqlite3_stmt **st,
		     sk_err *e)
{
	*st = db_prepare(db, sql, e);
	if (!*st)
		return SK_DBERR;
	db_bind_texts_present(*st, ":g", m->id, ":from", m->from, ":to", m->to);
	if (db_step(db, *st, e) == SQLITE_ROW)
		return SK_OK;
	db_reset(*st);
	return e && e->status ? e->status : SK_DBERR;
}

/* A one-row query of month_row: its columns, as many as spec has letters, into the pointers
 * that follow: i an int *, I an int64_t *. */
static int month_read(sk_db *db, const char *sql, const struct monthly *m, sk_err *e,
		      const char *spec, ...)
{
	sqlite3_stmt *st;
	int rc = month_row(db, sql, m, &st, e);
	if (rc != SK_OK)
		return rc;
	va_list ap;
	va_start(ap, spec);
	for (int i = 0; spec[i]; i++) {
		if (spec[i] == 'I')
			*va_arg(ap, int64_t *) = sqlite3_column_int64(st, i);
		else
			*va_arg(ap, int *) = sqlite3_column_int(st, i);
	}
	va_end(ap);
	db_reset(st);
	return SK_OK;
}

static int members(sk_db *db, struct monthly *m, sk_err *e)
{
	int rc = month_read(db, "SELECT count(*), coalesce(sum(jenis_kelamin='L'),0), "
		"coalesce(sum(jenis_kelamin='P'),0) FROM anggota WHERE kelompok_id=:g AND dihapus=0 "
		"AND (tanggal_masuk IS NULL OR tanggal_masuk<=:to) AND (tanggal_keluar IS NULL OR "
		"tanggal_keluar>:to)", m, e, "iii", &m->aktif, &m->laki, &m->perempuan);
	if (rc == SK_OK)
		rc = month_read(db, "SELECT count(*) FROM anggota WHERE kelompok_id=:g AND dihapus=0 "
			"AND tanggal_masuk BETWEEN :from AND :to", m, e, "i", &m->masuk);
	return rc != SK_OK ? rc : month_read(db, "SELECT count(*) FROM anggota WHERE "
		"kelompok_id=:g AND dihapus=0 AND tanggal_keluar BETWEEN :from AND :to", m, e, "i",
		&m->keluar);
}

static int meetings(sk_db *db, struct monthly *m, sk_err *e)
{
	int rc = month_read(db, "SELECT count(*), coalesce(sum(pendamping_hadir),0) FROM "
		"pertemuan WHERE kelompok_id=:g AND dihapus=0 AND tanggal BETWEEN :from AND :to",
		m, e, "ii", &m->pertemuan, &m->pendamping_hadir);
	return rc != SK_OK ? rc : month_read(db, "SELECT coalesce(sum(h.status='H'),0), "
		"coalesce(sum(h.status='I'),0), coalesce(sum(h.status='S'),0), "
		"coalesce(sum(h.status='A'),0), coalesce(sum(h.iuran_kas),0), "
		"coalesce(sum(h.iuran_iks),0) FROM kehadiran h JOIN pertemuan p ON "
		"p.id=h.pertemuan_id WHERE p.kelompok_id=:g AND p.dihapus=0 AND h.dihapus=0 AND "
		"p.tanggal BETWEEN :from AND :to", m, e, "iiiiII", &m->h, &m->i, &m->s, &m->a,
		&m->iuran_kas, &m->iuran_iks);
}

static int books(sk_db *db, struct monthly *m, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT buku, CASE WHEN membalik_id IS NULL THEN "
		"kategori ELSE '(pembalikan)' END, "
		"coalesce(sum(CASE WHEN tanggal<:from THEN masuk-keluar END),0), "
		"coalesce(sum(CASE WHEN tanggal>=:from THEN masuk END),0), "
		"coalesce(sum(CASE WHEN tanggal>=:from THEN keluar END),0) FROM kas "
		"WHERE kelompok_id=:g AND dihapus=0 AND tanggal<=:to GROUP BY 1, 2", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":g", m->id, ":from", m->from, ":to", m->to);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		const char *buku = (const char *)sqlite3_column_text(st, 0);
		const char *kat = (const char *)sqlite3_column_text(st, 1);
		if (strcmp(buku, "simpin") == 0)
			continue; /* section 6 */
		struct book_fig *b = strcmp(buku, "iks") == 0 ? &m->iks : &m->umum;
		b->awal += sqlite3_column_int64(st, 2);
		for (int c = 0; c < N_CATS; c++) {
			if (strcmp(kat, CATS[c]) != 0)
				continue;
			b->in_cat[c] += sqlite3_column_int64(st, 3);
			b->out_cat[c] += sqlite3_column_int64(st, 4);
		}
		b->masuk += sqlite3_column_int64(st, 3);
		b->keluar += sqlite3_column_int64(st, 4);
	}
	return db_rows_end(st, rc, e);
}

/* The month's close of each book, when the treasurer counted the cash. */
static int closes(sk_db *db, struct monthly *m, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT buku, saldo_hitung, selisih FROM tutup_kas "
				      "WHERE kelompok_id=:g AND bulan=:b ORDER BY diubah_pada", e);
	if (!st)
		return SK_DBERR;
	char bulan[8];
	snprintf(bulan, sizeof bulan, "%.7s", m->from);
	db_bind_text(st, ":g", m->id);
	db_bind_text(st, ":b", bulan);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		const char *buku = (const char *)sqlite3_column_text(st, 0);
		if (buku && strcmp(buku, "simpin") == 0)
			continue;
		struct book_fig *b = buku && strcmp(buku, "iks") == 0 ? &m->iks : &m->umum;
		b->closed = 1;
		b->dihitung = sqlite3_column_int64(st, 1);
		b->selisih = sqlite3_column_int64(st, 2);
	}
	return db_rows_end(st, rc, e);
}

static int eligibility(sk_db *db, struct monthly *m, sk_err *e)
{
	/* The assessment that counted at the end of the month; due as of that day. */
	sqlite3_stmt *st = db_prepare(db, "SELECT count(p.id), coalesce(sum("
		ASSESSMENT_SCORE_SQL("p") " >= :t),0), coalesce(sum(" ASSESSMENT_SCORE_SQL("p")
		" < :t),0), coalesce(sum(" ELIGIBILITY_DUE_SQL("p", ":to") "),0) FROM anggota a "
		"LEFT JOIN penilaian p ON p.id=" ASSESSMENT_LATEST_ID_SQL("a.id", " AND q_.tanggal<=:to")
		" WHERE a.kelompok_id=:g AND a.dihapus=0 AND "
		"(a.tanggal_masuk IS NULL OR a.tanggal_masuk<=:to) AND "
		"(a.tanggal_keluar IS NULL OR a.tanggal_keluar>:to)", e);
	if (!st)
		return SK_DBERR;
	db_bind_int64(st, ":t", report_threshold(db));
	db_bind_text(st, ":to", m->to);
	db_bind_text(st, ":g", m->id);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		db_read_cols(st, 0, "iiii", &m->dinilai, &m->miskin, &m->tidak_miskin, &m->ulang);
	}
	db_reset(st);
	return rc == SQLITE_ROW ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

/* The latest development assessment dated by the month's end: its date and score. */
static int development(sk_db *db, struct monthly *m, sk_err *e)
{
	sqlite3_stmt *st;
	int rc = month_row(db, "SELECT coalesce(" EVALUATION_LATEST_SQL(":g", "q_.tanggal",
		" AND q_.tanggal<=:to") ",''), coalesce(" EVALUATION_LATEST_SQL(":g",
		EVALUATION_SCORE_SQL("q_"), " AND q_.tanggal<=:to") ",0)", m, &st, e);
	if (rc != SK_OK)
		return rc;
	db_col_text(st, 0, m->evaluasi, sizeof m->evaluasi);
	m->evaluasi_skor = sqlite3_column_int(st, 1);
	db_reset(st);
	return SK_OK;
}

/* The line under the level: when the group was last assessed. */
static void print_development(FILE *out, const struct monthly *m)
{
	const char *t = evaluation_level_name(m->evaluasi_skor);
	if (*m->evaluasi && t)
		fprintf(out, _("Dinilai    : %s, skor %d dari 32 (%s)\n"), m->evaluasi,
			m->evaluasi_skor, evaluation_level_label(t));
	else
		fprintf(out, "%s\n", _("Dinilai    : belum pernah dinilai perkembangannya"));
}

/* Every figure of one group's month. SK_OK or the database error in e. */
static int figures(sk_db *db, struct monthly *m, sk_err *e)
{
	int rc = members(db, m, e);
	if (rc == SK_OK)
		rc = meetings(db, m, e);
	if (rc == SK_OK)
		rc = books(db, m, e);
	if (rc == SK_OK)
		rc = closes(db, m, e);
	if (rc == SK_OK)
		rc = report_simpin_month(db, m->id, m->from, m->to, &m->simpin, e);
	if (rc == SK_OK)
		rc = eligibility(db, m, e);
	return rc == SK_OK ? development(db, m, e) : rc;
}

static const char *const MONTHS[] = { N_("Januari"), N_("Februari"), N_("Maret"), N_("April"),
	N_("Mei"), N_("Juni"), N_("Juli"), N_("Agustus"), N_("September"), N_("Oktober"),
	N_("November"), N_("Desember") };

static void money(char *out, size_t n, int64_t v)
{
	char buf[32];
	snprintf(out, n, "%s", v ? sk_format_rupiah(v, buf, sizeof buf) : "-");
}

static void print_book_lines(FILE *out, const struct monthly *m, int receipts)
{
	for (int c = 0; c < N_CATS; c++) {
		int64_t u = receipts ? m->umum.in_cat[c] : m->umum.out_cat[c];
		int64_t k = receipts ? m->iks.in_cat[c] : m->iks.out_cat[c];
		if (!u && !k)
			continue;
		char a[32], b[32], label[64];
		money(a, sizeof a, u);
		money(b, sizeof b, k);
		fprintf(out, "     %s %15s %15s\n",
			sk_fit(label, sizeof label, sk_pgettext(CAT_LABELS[c]), 26), a, b);
	}
}

/* An amount of a book's month close, "-" when the book was not closed that month. */
static void closed_amount(char *out, size_t n, const struct book_fig *b, int64_t v)
{
	char buf[32];
	snprintf(out, n, "%s", b->closed ? sk_format_rupiah(v, buf, sizeof buf) : "-");
}

static void print_books(FILE *out, const struct monthly *m)
{
	char a[32], b[32], label[64];
	fprintf(out, "4. %s %15s %15s\n", sk_fit(label, sizeof label, _("Buku kas"), 28),
		_("Umum"), _("IKS"));
	fprintf(out, "   %s %15s %15s\n", sk_fit(label, sizeof label, _("Saldo awal"), 28),
		sk_format_rupiah(m->umum.awal, a, sizeof a), sk_format_rupiah(m->iks.awal, b, sizeof b));
	fprintf(out, "   %s\n", _("Penerimaan"));
	print_book_lines(out, m, 1);
	fprintf(out, "   %s\n", _("Pengeluaran"));
	print_book_lines(out, m, 0);
	fprintf(out, "   %s %15s %15s\n", sk_fit(label, sizeof label, _("Saldo akhir"), 28),
		sk_format_rupiah(m->umum.awal + m->umum.masuk - m->umum.keluar, a, sizeof a),
		sk_format_rupiah(m->iks.awal + m->iks.masuk - m->iks.keluar, b, sizeof b));
	if (!m->umum.closed && !m->iks.closed)
		return;
	closed_amount(a, sizeof a, &m->umum, m->umum.dihitung);
	closed_amount(b, sizeof b, &m->iks, m->iks.dihitung);
	fprintf(out, "   %s %15s %15s\n", sk_fit(label, sizeof label, _("Uang dihitung (tutup bulan)"),
						 28), a, b);
	closed_amount(a, sizeof a, &m->umum, m->umum.selisih);
	closed_amount(b, sizeof b, &m->iks, m->iks.selisih);
	fprintf(out, "   %s %15s %15s\n", sk_fit(label, sizeof label, _("Selisih"), 28), a, b);
}

static void print_text(sk_db *db, FILE *out, const struct monthly *m, int month)
{
	sk_region r;
	char kas[32], iks[32];
	memset(&r, 0, sizeof r);
	region_get(db, m->wilayah, &r, NULL);
	fprintf(out, "%s\n", _("LAPORAN BULANAN PENDAMPING KUBE"));
	fprintf(out, _("Bulan      : %s %.4s\n"), _(MONTHS[month - 1]), m->from);
	fprintf(out, _("Kelompok   : %s%s%s%s\n"), m->nama, *m->kode ? " (" : "", m->kode,
		*m->kode ? ")" : "");
	fprintf(out, _("Wilayah    : %s, %s, %s (%s)\n"), r.nama, r.kecamatan, r.kabupaten, m->wilayah);
	fprintf(out, _("Tingkat    : %s    Pendamping: %s\n"), _(m->tingkat), *m->pendamping ? m->pendamping : "-");
	print_development(out, m);
	fprintf(out, "--------------------------------------------------------------------------------\n");
	fprintf(out, _("1. Anggota aktif %d (L %d, P %d); masuk bulan ini %d, keluar %d\n"), m->aktif,
		m->laki, m->perempuan, m->masuk, m->keluar);
	int total = m->h + m->i + m->s + m->a;
	fprintf(out, _("2. Pertemuan %d kali, pendamping hadir %d kali\n"), m->pertemuan, m->pendamping_hadir);
	if (total)
		fprintf(out, _("   Kehadiran %d%% (hadir %d, izin %d, sakit %d, alpa %d)\n"),
			(m->h * 200 + total) / (2 * total), m->h, m->i, m->s, m->a);
	else
		fprintf(out, "   %s\n", _("Kehadiran - (tidak ada daftar hadir bulan ini)"));
	fprintf(out, _("3. Iuran terkumpul: kas Rp %s, IKS Rp %s\n"),
		sk_format_rupiah(m->iuran_kas, kas, sizeof kas), sk_format_rupiah(m->iuran_iks, iks, sizeof iks));
	print_books(out, m);
	int pct = m->dinilai ? (m->tidak_miskin * 200 + m->dinilai) / (2 * m->dinilai) : 0;
	fprintf(out, _("5. Kelayakan (14 kriteria BPS): dinilai %d dari %d anggota\n"), m->dinilai, m->aktif);
	fprintf(out, _("   Miskin %d, tidak miskin %d (%d%%), perlu dinilai (ulang) %d\n"), m->miskin,
		m->tidak_miskin, pct, m->ulang);
	if (eligibility_over_limit(m->tidak_miskin, m->dinilai))
		/* xgettext:no-c-format (printed with %s) */
		fprintf(out, "   %s\n", _("PERHATIAN: lebih dari 20% anggota tidak miskin."));
	report_simpin_month_text(out, &m->simpin);
	fprintf(out, "\n%s\n\n\n%s\n", _("Mengetahui,"), _("(..............................)   Pendamping"));
}

static const xlsx_col MONTHLY_COLS[] = {
	{ "kelompok_id", XC_CODE, 0 }, { "kode", XC_CODE, 1 }, { "nama", XC_TEXT, 0 },
	{ "bulan", XC_CODE, 0 }, { "buku", XC_CODE, 0 }, { "saldo_awal", XC_MONEY, 0 },
	{ "penerimaan", XC_MONEY, 0 }, { "pengeluaran", XC_MONEY, 0 },
	{ "saldo_akhir", XC_MONEY, 0 }, { "pertemuan", XC_INT, 0 }, { "persen_hadir", XC_INT, 0 },
	{ "anggota_aktif", XC_INT, 0 }, { "anggota_dinilai", XC_INT, 0 },
	{ "anggota_miskin", XC_INT, 0 }, { "tingkat", XC_CODE, 0 },
	{ "tanggal_evaluasi", XC_DATE, 0 },
};
/* The workbook's second sheet: receipts and expenses per book and category. */
static const xlsx_col CATEGORY_COLS[] = {
	{ "kelompok_id", XC_CODE, 0 }, { "kode", XC_CODE, 0 }, { "nama", XC_TEXT, 0 },
	{ "bulan", XC_CODE, 0 }, { "buku", XC_CODE, 0 }, { "kategori", XC_CODE, 0 },
	{ "penerimaan", XC_MONEY, 0 }, { "pengeluaran", XC_MONEY, 0 },
};

/* The cells naming the group, month and book (the code goes to the workbook only). */
static void group_cells(report_table *t, const struct monthly *m, const char *month,
			const char *buku)
{
	report_table_str(t, m->id);
	report_table_str(t, m->kode);
	report_table_str(t, m->nama);
	report_table_str(t, month);
	report_table_str(t, buku);
}

/* One row of the table: the group's book buku with its opening balance, the month's flows
 * and its closing balance, then the group's figures of the month. */
static void book_row(report_table *t, const struct monthly *m, const char *month,
		     const char *buku, int64_t awal, int64_t masuk, int64_t keluar, int64_t akhir)
{
	int total = m->h + m->i + m->s + m->a;
	char pct[16] = "";
	if (total)
		snprintf(pct, sizeof pct, "%d", (m->h * 200 + total) / (2 * total));
	group_cells(t, m, month, buku);
	report_table_row(t, "iiiiisiiiss", (int64_t)awal, (int64_t)masuk, (int64_t)keluar,
			 (int64_t)akhir, (int64_t)m->pertemuan, pct, (int64_t)m->aktif,
			 (int64_t)m->dinilai, (int64_t)m->miskin, m->tingkat, m->evaluasi);
}

static void print_table(report_table *t, const struct monthly *m, const char *month)
{
	const struct book_fig *b[2] = { &m->umum, &m->iks };
	const char *names[2] = { "umum", "iks" };
	for (int i = 0; i < 2; i++)
		book_row(t, m, month, names[i], b[i]->awal, b[i]->masuk, b[i]->keluar,
			 b[i]->awal + b[i]->masuk - b[i]->keluar);
}

/* The simpin book's row of a group with a cycle: its balances and the month's flows. */
static void print_simpin_row(report_table *t, const struct monthly *m, const char *month)
{
	const report_simpin_fig *f = &m->simpin;
	if (f->has)
		book_row(t, m, month, "simpin", f->kas_awal, f->kas_masuk, f->kas_keluar,
			 f->kas_akhir);
}

static void print_categories(report_table *t, const struct monthly *m, const char *month)
{
	const struct book_fig *b[2] = { &m->umum, &m->iks };
	const char *names[2] = { "umum", "iks" };
	for (int i = 0; i < 2; i++)
		for (int c = 0; c < N_CATS; c++) {
			if (!b[i]->in_cat[c] && !b[i]->out_cat[c])
				continue;
			group_cells(t, m, month, names[i]);
			report_table_row(t, "sii", c == N_CATS - 1 ? "pembalikan" : CATS[c],
					 (int64_t)b[i]->in_cat[c], (int64_t)b[i]->out_cat[c]);
		}
}

static void month_range(const char *month, char from[11], char to[11])
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y = atoi(month), mo = atoi(month + 5);
	int last = dm[mo - 1] + (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	snprintf(from, 11, "%.7s-01", month);
	snprintf(to, 11, "%.7s-%02d", month, last);
}

/* report_monthly inside its read transaction. */
static int write_monthly(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, "SELECT id, nama, coalesce(kode,''), tingkat, kode_wilayah, "
		"coalesce(pendamping,'') FROM kelompok WHERE dihapus=0 AND (:g IS NULL OR id=:g) "
		"ORDER BY urut_nama, id", e, ":g", o->group_id);
	if (!st)
		return SK_DBERR;
	/* Read the group list first: the figure queries reuse the statement cache. */
	struct monthly *list = NULL;
	int n = 0, cap = 0, rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			list = realloc(list, sizeof *list * (size_t)cap);
			if (!list)
				abort();
		}
		struct monthly *m = &list[n++];
		memset(m, 0, sizeof *m);
		db_read_cols(st, 0, "ssssss", DB_OUT(m->id), DB_OUT(m->nama), DB_OUT(m->kode),
				    DB_OUT(m->tingkat), DB_OUT(m->wilayah), DB_OUT(m->pendamping));
		month_range(o->month, m->from, m->to);
	}
	db_reset(st);
	if (rc != SQLITE_DONE) {
		free(list);
		return e ? e->status : SK_DBERR;
	}
	report_table t, cats;
	rc = report_table_begin(&t, o, out, "bulanan", REPORT_COLS(MONTHLY_COLS), 1, e);
	if (rc == SK_OK && o->fmt == REPORT_XLSX)
		rc = report_table_begin(&cats, o, out, "kategori", REPORT_COLS(CATEGORY_COLS), 1, e);
	if (rc != SK_OK) {
		free(list);
		return rc;
	}
	for (int i = 0; i < n; i++) {
		rc = figures(db, &list[i], e);
		if (rc != SK_OK)
			break;
		if (o->fmt != REPORT_TEXT) {
			print_table(&t, &list[i], o->month);
			print_simpin_row(&t, &list[i], o->month);
			if (o->fmt == REPORT_XLSX)
				print_categories(&cats, &list[i], o->month);
		} else {
			if (i > 0)
				fputc('\f', out);
			print_text(db, out, &list[i], atoi(o->month + 5));
		}
	}
	free(list);
	if (rc != SK_OK)
		return rc;
	if (o->group_id && n == 0)
		return sk_err_set(e, SK_NOTFOUND, _("Kelompok %s tidak ditemukan."), o->group_id);
	return SK_OK;
}

int report_monthly(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	if (!report_month_valid(o->month))
		return sk_err_set(e, SK_REFUSED, "%s", _("Laporan bulanan perlu --month TTTT-BB."));
	/* One snapshot: every figure of the page as of the same moment, though another copy
	 * saves meanwhile. */
	return report_read(db, write_monthly, o, out, e);
}
