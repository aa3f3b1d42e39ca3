/* simpin_book_close.c - closing a cycle with its share-out (docs/simpin.md section 8): the
 * debts settled from the payouts, the bagi_hasil rows and their payouts, then the cycle's
 * end, in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cash_priv.h"
#include "i18n.h"
#include "simpin_book_priv.h"
#include "validate.h"

int simpin_close_allowed(sk_db *db, const sk_share_plan *p, const char *date, sk_err *e)
{
	const sk_cycle *c = &p->c;
	char a[32];
	if (*c->selesai)
		return sk_err_set(e, SK_REFUSED, _("Siklus %d sudah ditutup pada %s."), c->nomor,
				  c->selesai);
	if (!valid_date(date))
		return sk_err_set(e, SK_REFUSED, "%s", _("Tanggal wajib, tulis TTTT-BB-HH, misalnya "
							 "2025-03-15."));
	if (strcmp(date, c->mulai) < 0)
		return sk_err_set(e, SK_REFUSED, _("Siklus %d baru mulai %s."), c->nomor, c->mulai);
	if (sk_date_after_today(date))
		return sk_err_set(e, SK_REFUSED, "%s", _("Tanggal itu belum tiba: catat pada hari "
							 "terjadinya."));
	sqlite3_stmt *st = db_prepare(db, "SELECT max(tanggal) FROM kas WHERE kelompok_id=:g AND "
				      "buku='simpin' AND dihapus=0", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", c->kelompok_id);
	char last[16] = "";
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, last, sizeof last);
	db_reset(st);
	if (rc != SQLITE_ROW)
		return e && e->status ? e->status : SK_DBERR;
	if (*last && strcmp(date, last) < 0)
		return sk_err_set(e, SK_REFUSED, _("Kas simpan pinjam sudah punya catatan pada %s: "
						   "tutup siklus pada tanggal itu atau sesudahnya."), last);
	rc = cash_check_open(db, c->kelompok_id, "simpin", date, e);
	if (rc != SK_OK)
		return rc;
	if (p->status == SHAREOUT_E_NO_WEIGHT)
		return sk_err_set(e, SK_REFUSED, _("Belum ada %s untuk dasar pembagian; pilih cara bagi "
						   "lain."), strcmp(c->metode_bagi, "jasa") == 0
						   ? _("jasa yang dibayar") : _("simpanan"));
	if (p->status == SHAREOUT_E_OVERFLOW)
		return sk_err_set(e, SK_REFUSED, "%s", _("Jumlah terlalu besar untuk dihitung."));
	if (p->status != SHAREOUT_OK)
		return sk_err_set(e, SK_REFUSED, "%s", _("Bagi hasil tidak dapat dihitung: periksa "
							 "simpanan dan kas simpan pinjam."));
	for (int i = 0; i < p->n; i++)
		if (p->rows[i].r.sisa_utang > 0)
			return sk_err_set(e, SK_REFUSED, _("%s masih berutang Rp %s lebih dari bagiannya: "
							   "terima angsurannya atau hapus bukukan dulu."),
					  p->rows[i].nama, sk_format_rupiah(p->rows[i].r.sisa_utang, a,
									    sizeof a));
	if (p->sum.kurang_kas > 0)
		return sk_err_set(e, SK_REFUSED, _("Kas simpan pinjam kurang Rp %s untuk bagi hasil."),
				  sk_format_rupiah(p->sum.kurang_kas, a, sizeof a));
	return SK_OK;
}

struct settle {
	int64_t left;            /* of the potongan still to settle */
	int n;                   /* loans to settle, collected first (the callback may not write) */
	struct { char id[SK_UUID_LEN + 1]; char nama[SK_NAME_BYTES]; int64_t pokok, jasa; } *due;
};

/* Collect the member's simpin loans still owed, oldest first (the loan order is by date). */
static int collect_due(void *ctx, const sk_loan_view *v)
{
	struct settle *s = ctx;
	if (v->calc != LOAN_OK || strcmp(v->l.sumber, "simpin") != 0 ||
	    v->pos.status == LOAN_DIHAPUSBUKUKAN || s->left <= 0)
		return 0;
	int64_t jasa = v->pos.tunggakan_jasa < s->left ? v->pos.tunggakan_jasa : s->left;
	int64_t pokok = v->pos.sisa_pokok < s->left - jasa ? v->pos.sisa_pokok : s->left - jasa;
	if (pokok + jasa <= 0)
		return 0;
	s->due = realloc(s->due, sizeof *s->due * (size_t)(s->n + 1));
	if (!s->due)
		abort();
	sk_strlcpy(s->due[s->n].id, v->l.id, sizeof s->due[0].id);
	sk_strlcpy(s->due[s->n].nama, v->nama, sizeof s->due[0].nama);
	s->due[s->n].pokok = pokok;
	s->due[s->n].jasa = jasa;
	s->n++;
	s->left -= pokok + jasa;
	return 0;
}

/* Settle potongan of member line l from its loans: repayments dated the close. */
static int settle_debts(sk_db *db, const sk_cycle *c, const char *date, const sk_share_line *l,
			sk_err *e)
{
	struct settle s = { l->r.potongan, 0, NULL };
	sk_loan_filter f = { .siklus_id = c->id, .anggota_id = l->anggota_id, .upto = date };
	int rc = simpin_loans_each(db, &f, date, collect_due, &s, e);
	for (int i = 0; rc == SK_OK && i < s.n; i++) {
		sk_repay r;
		sk_issues is;
		repay_init(&r);
		sk_strlcpy(r.pinjaman_id, s.due[i].id, sizeof r.pinjaman_id);
		sk_strlcpy(r.tanggal, date, sizeof r.tanggal);
		r.pokok = s.due[i].pokok;
		r.jasa = s.due[i].jasa;
		rc = simpin_repay_add(db, &r, &is, e);
	}
	free(s.due);
	return rc;
}

/* The bagi_hasil row of line l and its payouts. */
static int write_share(sk_db *db, const sk_cycle *c, const char *date, const sk_share_line *l,
		       sk_err *e)
{
	sk_share b;
	share_init(&b);
	sk_strlcpy(b.siklus_id, c->id, sizeof b.siklus_id);
	sk_strlcpy(b.anggota_id, l->anggota_id, sizeof b.anggota_id);
	b.simpanan = l->r.simpanan;
	b.bagian_hasil = l->r.bagian_hasil;
	b.potongan = l->r.potongan;
	b.dibayar = l->r.dibayar;
	simpin_book_stamp(b.id, b.diubah_pada, &b.dihapus);
	int rc = share_store_raw(db, &b, 1, e);
	char text[SK_NAME_BYTES];
	simpin_book_text(text, sizeof text, "Pengembalian simpanan siklus %d %s", c->nomor, l->nama);
	if (rc == SK_OK)
		rc = simpin_book_post(db, c->kelompok_id, "simpin", "penarikan", -b.simpanan, date,
				      b.id, text, e);
	simpin_book_text(text, sizeof text, "Bagi hasil siklus %d %s", c->nomor, l->nama);
	if (rc == SK_OK)
		rc = simpin_book_post(db, c->kelompok_id, "simpin", "bagi_hasil", -b.bagian_hasil, date,
				      b.id, text, e);
	return rc;
}

int simpin_cycle_close(sk_db *db, const char *siklus_id, const char *date, sk_share_plan *plan,
		       sk_err *e)
{
	sk_share_plan p;
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	/* The plan read inside the write transaction: what is written is what was checked. */
	rc = simpin_share_plan(db, siklus_id, date, &p, e);
	if (rc != SK_OK)
		return simpin_book_end(db, rc, e);
	rc = simpin_close_allowed(db, &p, date, e);
	for (int i = 0; rc == SK_OK && i < p.n; i++)
		if (p.rows[i].r.potongan > 0)
			rc = settle_debts(db, &p.c, date, &p.rows[i], e);
	for (int i = 0; rc == SK_OK && i < p.n; i++)
		rc = write_share(db, &p.c, date, &p.rows[i], e);
	if (rc == SK_OK)
		rc = cash_guard(db, p.c.kelompok_id, "simpin", date, e);
	if (rc == SK_OK) {
		/* Written last: its stamp is the latest of the close (rule C6). */
		sk_strlcpy(p.c.selesai, date, sizeof p.c.selesai);
		sk_now_utc(p.c.diubah_pada);
		rc = cycle_store_raw(db, &p.c, 0, e);
	}
	rc = simpin_book_end(db, rc, e);
	if (rc == SK_OK && plan)
		*plan = p;
	else
		simpin_share_plan_free(&p);
	return rc;
}
