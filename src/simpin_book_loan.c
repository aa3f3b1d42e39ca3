/* simpin_book_loan.c - loans and repayments with their postings (book simpin, or umum for a
 * loan from UEP capital). */
#include <stdio.h>
#include <string.h>
#include "cash_priv.h"
#include "fixmath.h"
#include "i18n.h"
#include "simpin_book_priv.h"
#include "validate.h"

/* The loan's stored texts. */
static void loan_text(const sk_loan *l, const char *nama, char *out, size_t n)
{
	simpin_book_text(out, n, "Pinjaman %s%s", nama, strcmp(l->sumber, "uep") == 0 ? " (modal UEP)" : "");
}

static void repay_text(const char *nama, char *out, size_t n)
{
	simpin_book_text(out, n, "Angsuran %s", nama);
}

/* L2 and L3 of a new loan l of cycle c on its date: findings on pokok with the numbers. */
static int loan_limits(sk_db *db, const sk_loan *l, const sk_cycle *c, sk_issues *is, sk_err *e)
{
	int64_t kind[SIMPIN_KINDS], saved = 0;
	int rc = simpin_savings(db, c->id, l->anggota_id, l->tanggal, kind, e);
	if (rc != SK_OK)
		return rc;
	for (int k = 0; k < SIMPIN_KINDS; k++)
		saved += kind[k];
	sk_loan_limit lim;
	char a[32], b[32];
	if (!loan_limit_check(l->pokok, saved, c->has_batas ? c->batas_pinjaman_kali : -1, &lim)) {
		char x[16], s[32];
		sk_issues_add(is, "pokok", SK_SEV_ERROR,
			      _("Pinjaman Rp %s melebihi batas Rp %s (%s × simpanan Rp %s)."),
			      sk_format_rupiah(lim.pokok, a, sizeof a),
			      sk_format_rupiah(lim.batas, b, sizeof b),
			      fx_format2(lim.kali, ',', x, sizeof x),
			      sk_format_rupiah(lim.simpanan, s, sizeof s));
	}
	int64_t avail = 0, kurang = 0;
	rc = cash_available(db, c->kelompok_id, loan_book(l), l->tanggal, &avail, e);
	if (rc != SK_OK)
		return rc;
	if (!loan_cash_check(l->pokok, avail, &kurang))
		sk_issues_add(is, "pokok", SK_SEV_ERROR,
			      _("Saldo %s hanya Rp %s, kurang Rp %s untuk pinjaman ini."),
			      cash_book_label(loan_book(l)), sk_format_rupiah(avail < 0 ? 0 : avail, a,
									       sizeof a),
			      sk_format_rupiah(kurang, b, sizeof b));
	return SK_OK;
}

static int post_loan(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	const sk_loan *l = row;
	char text[SK_NAME_BYTES];
	loan_text(l, mv->nama, text, sizeof text);
	int rc = simpin_book_post(db, mv->c.kelompok_id, loan_book(l), "pinjaman", -l->pokok,
				  l->tanggal, l->id, text, e);
	if (rc == SK_OK)
		rc = cash_guard(db, mv->c.kelompok_id, loan_book(l), l->tanggal, e);
	return rc;
}

int simpin_loan_add(sk_db *db, sk_loan *l, sk_issues *is, sk_err *e)
{
	simpin_move mv;
	sk_issues_clear(is);
	int rc = simpin_book_cycle(db, l->siklus_id, &mv.c, e);
	if (rc != SK_OK)
		return rc;
	l->jasa_persen_bulan = mv.c.jasa_persen_bulan;
	sk_strlcpy(l->metode_jasa, mv.c.metode_jasa, sizeof l->metode_jasa);
	l->dihapusbukukan_pada[0] = '\0';
	loan_validate_fields(l, is);
	simpin_book_date_ok(&mv.c, l->tanggal, "tanggal", is);
	rc = simpin_book_who(db, &mv, l->anggota_id, l->pertemuan_id, l->tanggal, is, e);
	if (rc != SK_OK)
		return rc;
	if (!sk_issues_errors(is)) {
		rc = loan_limits(db, l, &mv.c, is, e);
		if (rc != SK_OK)
			return rc;
	}
	return simpin_book_insert(db, &LOAN_TABLE, l, sizeof *l, post_loan, &mv, is, e);
}

/* A live loan and its cycle. */
static int load_loan(sk_db *db, const char *id, sk_loan *l, sk_cycle *c, sk_err *e)
{
	return simpin_book_load(db, &LOAN_TABLE, id, l, sizeof *l, _("Pinjaman tidak ditemukan."), c,
				e);
}

int simpin_loan_delete(sk_db *db, const char *id, sk_err *e)
{
	sk_loan l;
	sk_cycle c;
	int rc = load_loan(db, id, &l, &c, e);
	if (rc != SK_OK)
		return rc;
	rc = db_refuse_if_row(db, "SELECT 1 FROM angsuran WHERE pinjaman_id=:p AND dihapus=0", ":p",
			      id, _("Pinjaman ini sudah diangsur: balik dulu angsurannya, atau hapus "
				    "bukukan."), e);
	if (rc != SK_OK)
		return rc;
	if (*c.selesai)
		return sk_err_set(e, SK_REFUSED, _("Siklus %d sudah ditutup dan dibagi; pinjamannya tidak "
						   "dapat dihapus lagi."), c.nomor);
	l.dihapus = 1;
	return simpin_book_withdraw(db, &LOAN_TABLE, &l, l.diubah_pada, l.id, c.kelompok_id,
				    loan_book(&l), N_("Pinjaman tidak ditemukan."), e);
}

int simpin_loan_write_off(sk_db *db, const char *id, const char *date, sk_err *e)
{
	sk_loan l;
	sk_cycle c;
	int rc = load_loan(db, id, &l, &c, e);
	if (rc != SK_OK)
		return rc;
	if (*l.dihapusbukukan_pada)
		return sk_err_set(e, SK_REFUSED, _("Pinjaman ini sudah dihapusbukukan pada %s."),
				  l.dihapusbukukan_pada);
	sk_strlcpy(l.dihapusbukukan_pada, date, sizeof l.dihapusbukukan_pada);
	sk_issues is;
	sk_issues_clear(&is);
	loan_validate_fields(&l, &is);
	if (sk_issues_errors(&is))
		return simpin_book_refused(&is, e);
	return simpin_book_update(db, &LOAN_TABLE, &l, N_("Pinjaman tidak ditemukan."), NULL, NULL,
				  e);
}

/* A1 over the loan of a repayment's move. */
static int guard_repay(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	(void)row;
	return simpin_book_guard_repay(db, &mv->l, e);
}

static int post_repay(sk_db *db, const void *row, const simpin_move *mv, sk_err *e)
{
	const sk_repay *r = row;
	char text[SK_NAME_BYTES];
	repay_text(mv->nama, text, sizeof text);
	int rc = simpin_book_post(db, mv->c.kelompok_id, loan_book(&mv->l), "angsuran",
				  r->pokok + r->jasa, r->tanggal, r->id, text, e);
	if (rc == SK_OK)
		rc = guard_repay(db, row, mv, e);
	return rc;
}

int simpin_repay_add(sk_db *db, sk_repay *r, sk_issues *is, sk_err *e)
{
	simpin_move mv = { .nama = "" };
	sk_issues_clear(is);
	repay_validate_fields(r, is);
	simpin_book_not_reversal(r->membalik_id, is);
	int rc = load_loan(db, r->pinjaman_id, &mv.l, &mv.c, e);
	if (rc != SK_OK)
		return rc;
	if (valid_date(r->tanggal) && strcmp(r->tanggal, mv.l.tanggal) < 0)
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, _("Pinjaman ini baru diberikan %s."),
			      mv.l.tanggal);
	if (valid_date(r->tanggal) && sk_date_after_today(r->tanggal))
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s",
			      _("Tanggal itu belum tiba: catat pada hari terjadinya."));
	sk_err q;
	sk_err_clear(&q);
	rc = simpin_book_member(db, mv.l.anggota_id, mv.c.kelompok_id, mv.nama, sizeof mv.nama,
				mv.keluar, &q);
	if (rc != SK_OK && rc != SK_REFUSED)
		return sk_err_set(e, rc, "%s", q.msg);
	rc = simpin_book_meeting_ok(db, r->pertemuan_id, mv.c.kelompok_id, r->tanggal, is, e);
	if (rc != SK_OK)
		return rc;
	int64_t paid = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(sum(CASE WHEN membalik_id IS NULL THEN "
				      "pokok ELSE -pokok END),0) FROM angsuran WHERE pinjaman_id=:p "
				      "AND dihapus=0", e);
	if (st)
		db_bind_text(st, ":p", mv.l.id);
	rc = db_count(db, st, &paid, e);
	if (rc != SK_OK)
		return rc;
	if (r->pokok > mv.l.pokok - paid) {
		char a[32], b[32];
		sk_issues_add(is, "pokok", SK_SEV_ERROR,
			      _("Sisa pokok pinjaman %s hanya Rp %s; angsuran pokok Rp %s terlalu besar."),
			      mv.nama, sk_format_rupiah(mv.l.pokok - paid, a, sizeof a),
			      sk_format_rupiah(r->pokok, b, sizeof b));
	}
	if (sk_issues_errors(is))
		return simpin_book_refused(is, e);
	rc = simpin_book_insert(db, &REPAY_TABLE, r, sizeof *r, post_repay, &mv, NULL, e);
	if (rc == SK_REFUSED)
		sk_issues_add(is, "pokok", SK_SEV_ERROR, "%s", e ? e->msg : "");
	return rc;
}

int simpin_repay_reverse(sk_db *db, const char *id, sk_repay *out, sk_err *e)
{
	sk_repay o;
	simpin_move mv;
	int rc = table_get_live(db, &REPAY_TABLE, id, &o, sizeof o, _("Angsuran tidak ditemukan."), e);
	if (rc == SK_OK)
		rc = load_loan(db, o.pinjaman_id, &mv.l, &mv.c, e);
	if (rc != SK_OK)
		return rc;
	rc = simpin_book_reversible(db, "SELECT 1 FROM angsuran WHERE membalik_id=:id AND dihapus=0",
				    o.membalik_id, id, e);
	if (rc != SK_OK)
		return rc;
	return simpin_book_reverse(db, &REPAY_TABLE, &o, sizeof o, guard_repay, &mv,
				   loan_book(&mv.l), out, e);
}
