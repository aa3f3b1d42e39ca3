/* simpin_meeting.c - the savings-and-loans pages of a meeting: the prefill, the fines the roll
 * call and late repayments raise, the cash per book, the checks of a new loan, and saving or
 * deleting the meeting with all of it in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cashbook.h"
#include "db_row.h"
#include "i18n.h"
#include "simpin_book.h"
#include "simpin_meeting.h"
#include "validate.h"

/* SK_OK when anggota_id is a member (not deleted) of group g, its name in nama; SK_REFUSED
 * with the message otherwise. */
static int member_of(sk_db *db, const char *anggota_id, const char *g, char *nama, size_t n,
		     sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT nama FROM anggota WHERE id=:a AND kelompok_id=:g "
				      "AND dihapus=0", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":a", anggota_id, ":g", g);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, nama, n);
	rc = db_row_end(st, rc, "", e);
	return rc == SK_NOTFOUND ? sk_err_set(e, SK_REFUSED, "%s", _("Anggota itu bukan anggota "
								    "kelompok ini.")) : rc;
}

/* SK_REFUSED when book buku of group g ends some day from date from on below zero. */
static int book_not_below_zero(sk_db *db, const char *g, const char *buku, const char *from,
			       sk_err *e)
{
	int64_t v;
	int rc = cash_available(db, g, buku, from, &v, e);
	if (rc != SK_OK || v >= 0)
		return rc;
	char a[32];
	return sk_err_set(e, SK_REFUSED, _("Saldo %s jadi Rp %s; kas tidak boleh minus."),
			  cash_book_label(buku), sk_format_rupiah(v, a, sizeof a));
}

/* ---- the prefill ------------------------------------------------------------------------- */

int simpin_meeting_prefill_saving(sk_db *db, const sk_meeting_money *mm, const char *status,
				  sk_meeting_saving *s, sk_err *e)
{
	for (int k = 0; k < SIMPIN_KINDS; k++)
		s->setor[k] = 0;
	if (!mm->has_cycle || strcmp(status, "H") != 0)
		return SK_OK;
	s->setor[SIMPIN_WAJIB] = mm->c.simpanan_wajib;
	if (mm->c.simpanan_pokok <= 0)
		return SK_OK;
	int64_t kind[SIMPIN_KINDS];
	int rc = simpin_savings(db, mm->c.id, s->anggota_id, NULL, kind, e);
	if (rc == SK_OK && kind[SIMPIN_POKOK] <= 0)
		s->setor[SIMPIN_POKOK] = mm->c.simpanan_pokok;
	return rc;
}

struct due_ctx {
	sk_meeting_money *mm;
};

static int add_due(void *ctx, const sk_loan_view *v)
{
	sk_meeting_money *mm = ((struct due_ctx *)ctx)->mm;
	if (v->calc != LOAN_OK || v->pos.status == LOAN_LUNAS ||
	    v->pos.status == LOAN_DIHAPUSBUKUKAN || v->pos.tunggakan <= 0 ||
	    mm->nrep >= SM_MAX_REPAYS)
		return 0;
	sk_meeting_repay *r = &mm->rep[mm->nrep++];
	memset(r, 0, sizeof *r);
	sk_strlcpy(r->pinjaman_id, v->l.id, sizeof r->pinjaman_id);
	sk_strlcpy(r->anggota_id, v->l.anggota_id, sizeof r->anggota_id);
	sk_strlcpy(r->nama, v->nama, sizeof r->nama);
	sk_strlcpy(r->sumber, v->l.sumber, sizeof r->sumber);
	r->due_pokok = v->pos.tunggakan_pokok;
	r->due_jasa = v->pos.tunggakan_jasa;
	r->sisa_pokok = v->pos.sisa_pokok;
	r->pokok = r->due_pokok < r->sisa_pokok ? r->due_pokok : r->sisa_pokok;
	r->jasa = r->due_jasa;
	return 0;
}

TABLE_VIEW(OLD_FINE, SK_MEETING_FINE);

/* The cycle's fines not paid and not waived, raised before the meeting, after those raised at
 * it (up to SM_MAX_FINES). */
static int older_fines(sk_db *db, sk_meeting_money *mm, const char *date, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT f.id, f.anggota_id, a.nama, f.jenis, f.tanggal, "
				      "f.jumlah FROM denda f JOIN anggota a ON a.id=f.anggota_id WHERE "
				      "f.siklus_id=:s AND f.dihapus=0 AND f.dibayar_pada IS NULL AND "
				      "f.dibebaskan=0 AND f.tanggal<=:d ORDER BY a.nama, f.tanggal, f.id",
				      e);
	db_bind_texts(st, ":s", mm->c.id, ":d", date);
	int got = 0;
	int rc = db_rows(db, st, &mm->fine[mm->nfine], sizeof mm->fine[0],
			 SM_MAX_FINES - mm->nfine, &got, table_read_row, &OLD_FINE, e);
	mm->nfine += got;
	return rc;
}

int simpin_meeting_prepare(sk_db *db, const sk_meeting *m, const sk_attendance *rows,
			   const sk_attendee *names, int n, sk_meeting_money *mm, sk_err *e)
{
	memset(mm, 0, sizeof *mm);
	sk_err q;
	sk_err_clear(&q);
	int rc = simpin_cycle_at(db, m->kelompok_id, m->tanggal, &mm->c, &q);
	if (rc == SK_NOTFOUND)
		return SK_OK;
	if (rc != SK_OK)
		return sk_err_set(e, rc, "%s", q.msg);
	if (*mm->c.selesai)
		return SK_OK;
	mm->has_cycle = 1;
	for (int i = 0; rc == SK_OK && i < n && i < MEETING_MAX_ROWS; i++) {
		sk_meeting_saving *s = &mm->sav[mm->nsav++];
		sk_strlcpy(s->anggota_id, rows[i].anggota_id, sizeof s->anggota_id);
		sk_strlcpy(s->nama, names ? names[i].nama : "", sizeof s->nama);
		rc = simpin_meeting_prefill_saving(db, mm, rows[i].status, s, e);
	}
	struct due_ctx x = { mm };
	sk_loan_filter f = { .siklus_id = mm->c.id, .upto = m->tanggal };
	if (rc == SK_OK)
		rc = simpin_loans_each(db, &f, m->tanggal, add_due, &x, e);
	if (rc == SK_OK)
		rc = simpin_meeting_fines(db, mm, m->tanggal, rows, names, n, e);
	if (rc == SK_OK)
		rc = older_fines(db, mm, m->tanggal, e);
	return rc;
}

/* ---- fines raised -------------------------------------------------------------------------- */

/* Late instalments repayment r completes on date. */
static int late_count(sk_db *db, const sk_meeting_repay *r, const char *date, int *late,
		      sk_err *e)
{
	*late = 0;
	if (r->pokok + r->jasa <= 0)
		return SK_OK;
	sk_loan_view v;
	sk_loan_schedule *s = malloc(sizeof *s);
	if (!s)
		abort();
	int rc = simpin_loan_view(db, r->pinjaman_id, date, &v, s, e);
	if (rc == SK_OK && v.calc == LOAN_OK) {
		sk_repayment now;
		sk_strlcpy(now.tanggal, date, sizeof now.tanggal);
		now.pokok = r->pokok;
		now.jasa = r->jasa;
		*late = loan_late_instalments(s, v.pos.paid_pokok, v.pos.paid_jasa, &now);
	}
	free(s);
	return rc;
}

/* Add raised fine (anggota, jenis, jumlah) keeping the marks of the same fine in old[]. */
static void raise_fine(sk_meeting_money *mm, const sk_meeting_fine *old, int nold, int *used,
		       const char *anggota_id, const char *nama, const char *jenis, int64_t jumlah,
		       const char *date)
{
	if (mm->nfine >= SM_MAX_FINES || jumlah <= 0)
		return;
	sk_meeting_fine *f = &mm->fine[mm->nfine++];
	memset(f, 0, sizeof *f);
	sk_strlcpy(f->anggota_id, anggota_id, sizeof f->anggota_id);
	sk_strlcpy(f->nama, nama, sizeof f->nama);
	sk_strlcpy(f->jenis, jenis, sizeof f->jenis);
	sk_strlcpy(f->tanggal, date, sizeof f->tanggal);
	f->jumlah = jumlah;
	f->raised = 1;
	for (int j = 0; j < nold; j++)
		if (!used[j] && strcmp(old[j].anggota_id, anggota_id) == 0 &&
		    strcmp(old[j].jenis, jenis) == 0) {
			used[j] = 1;
			f->bayar = old[j].bayar;
			f->bebas = old[j].bebas;
			f->jumlah = old[j].jumlah;
			break;
		}
}

int simpin_meeting_fines(sk_db *db, sk_meeting_money *mm, const char *date,
			 const sk_attendance *rows, const sk_attendee *names, int n, sk_err *e)
{
	if (!mm->has_cycle)
		return SK_OK;
	int nold = mm->nfine;
	sk_meeting_fine *old = malloc(sizeof *old * (size_t)(nold ? nold : 1));
	int *used = calloc((size_t)(nold ? nold : 1), sizeof *used);
	if (!old || !used)
		abort();
	memcpy(old, mm->fine, sizeof *old * (size_t)nold);
	mm->nfine = 0;
	int rc = SK_OK;
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].status, "A") == 0)
			raise_fine(mm, old, nold, used, rows[i].anggota_id, names ? names[i].nama : "",
				   "alpa", mm->c.denda_alpa, date);
	for (int i = 0; rc == SK_OK && i < mm->nrep; i++) {
		sk_meeting_repay *r = &mm->rep[i];
		rc = late_count(db, r, date, &r->late, e);
		for (int k = 0; rc == SK_OK && k < r->late; k++)
			raise_fine(mm, old, nold, used, r->anggota_id, r->nama, "terlambat",
				   mm->c.denda_terlambat, date);
	}
	/* Fines added by hand and older unpaid fines stay as they were. */
	for (int j = 0; j < nold; j++)
		if (!old[j].raised && mm->nfine < SM_MAX_FINES)
			mm->fine[mm->nfine++] = old[j];
	free(old);
	free(used);
	return rc;
}

/* ---- cash -------------------------------------------------------------------------------- */

/* What the meeting brings into (masuk) and pays out of (keluar) book b; loans before loan
 * index upto only (all: mm->nloan). */
static void meeting_flows(const sk_attendance *rows, int n, const sk_meeting_money *mm,
			  const char *b, int upto, int64_t *masuk, int64_t *keluar)
{
	*masuk = *keluar = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(b, "umum") == 0)
			*masuk += rows[i].iuran_kas;
		if (strcmp(b, "iks") == 0)
			*masuk += rows[i].iuran_iks;
	}
	if (!mm || !mm->has_cycle)
		return;
	int simpin = strcmp(b, "simpin") == 0;
	for (int i = 0; simpin && i < mm->nsav; i++)
		for (int k = 0; k < SIMPIN_KINDS; k++)
			*masuk += mm->sav[i].setor[k];
	for (int i = 0; i < mm->nrep; i++)
		if (strcmp(strcmp(mm->rep[i].sumber, "uep") == 0 ? "umum" : "simpin", b) == 0)
			*masuk += mm->rep[i].pokok + mm->rep[i].jasa;
	for (int i = 0; simpin && i < mm->nfine; i++)
		if (mm->fine[i].bayar && !mm->fine[i].bebas)
			*masuk += mm->fine[i].jumlah;
	for (int i = 0; i < upto && i < mm->nloan; i++)
		if (strcmp(strcmp(mm->loan[i].sumber, "uep") == 0 ? "umum" : "simpin", b) == 0)
			*keluar += mm->loan[i].pokok;
}

int simpin_meeting_cash(sk_db *db, const char *kelompok_id, const char *date,
			const sk_attendance *rows, int n, const sk_meeting_money *mm,
			sk_meeting_cash out[3], sk_err *e)
{
	static const char *const BOOKS[3] = { "umum", "iks", "simpin" };
	for (int b = 0; b < 3; b++) {
		out[b].buku = BOOKS[b];
		int rc = cash_balance_get(db, kelompok_id, BOOKS[b], date, &out[b].awal, e);
		if (rc != SK_OK)
			return rc;
		meeting_flows(rows, n, mm, BOOKS[b], mm ? mm->nloan : 0, &out[b].masuk, &out[b].keluar);
		out[b].akhir = out[b].awal + out[b].masuk - out[b].keluar;
	}
	return SK_OK;
}

int simpin_meeting_check_loan(sk_db *db, const char *kelompok_id, const char *date,
			      const sk_attendance *rows, int n, const sk_meeting_money *mm, int i,
			      sk_err *e)
{
	const sk_meeting_loan *ml = &mm->loan[i];
	if (!mm->has_cycle)
		return sk_err_set(e, SK_REFUSED, "%s", _("Kelompok ini belum punya siklus simpan pinjam "
							 "yang berjalan."));
	if (!*ml->anggota_id)
		return sk_err_set(e, SK_REFUSED, "%s", _("Pilih anggota peminjam."));
	char nama[SK_NAME_BYTES];
	int rc = member_of(db, ml->anggota_id, kelompok_id, nama, sizeof nama, e);
	if (rc != SK_OK)
		return rc;
	sk_loan l;
	loan_init(&l);
	sk_strlcpy(l.siklus_id, mm->c.id, sizeof l.siklus_id);
	sk_strlcpy(l.anggota_id, ml->anggota_id, sizeof l.anggota_id);
	sk_strlcpy(l.tanggal, date, sizeof l.tanggal);
	l.pokok = ml->pokok;
	l.jasa_persen_bulan = mm->c.jasa_persen_bulan;
	sk_strlcpy(l.metode_jasa, mm->c.metode_jasa, sizeof l.metode_jasa);
	l.jumlah_angsuran = ml->jumlah_angsuran;
	sk_strlcpy(l.jarak_angsuran, ml->jarak, sizeof l.jarak_angsuran);
	sk_strlcpy(l.sumber, ml->sumber, sizeof l.sumber);
	sk_issues is;
	sk_issues_clear(&is);
	loan_validate_fields(&l, &is);
	if (sk_issues_errors(&is))
		return validate_refusal(&is, _("Data pinjaman belum benar."), e);
	/* The limit: stored savings and this meeting's. */
	int64_t kind[SIMPIN_KINDS], saved = 0;
	rc = simpin_savings(db, mm->c.id, ml->anggota_id, date, kind, e);
	if (rc != SK_OK)
		return rc;
	for (int k = 0; k < SIMPIN_KINDS; k++)
		saved += kind[k];
	for (int j = 0; j < mm->nsav; j++)
		if (strcmp(mm->sav[j].anggota_id, ml->anggota_id) == 0)
			for (int k = 0; k < SIMPIN_KINDS; k++)
				saved += mm->sav[j].setor[k];
	sk_loan_limit lim;
	char a[32], b[32];
	if (!loan_limit_check(l.pokok, saved, mm->c.has_batas ? mm->c.batas_pinjaman_kali : -1,
			      &lim)) {
		char x[16], s[32];
		return sk_err_set(e, SK_REFUSED,
				  _("Pinjaman Rp %s melebihi batas Rp %s (%s × simpanan Rp %s)."),
				  sk_format_rupiah(lim.pokok, a, sizeof a),
				  sk_format_rupiah(lim.batas, b, sizeof b),
				  loan_limit_format(lim.kali, x, sizeof x),
				  sk_format_rupiah(lim.simpanan, s, sizeof s));
	}
	/* The cash: what the book can spend from the date on, with the meeting's movements. */
	int64_t avail, masuk, out, kurang;
	rc = cash_available(db, kelompok_id, loan_book(&l), date, &avail, e);
	if (rc != SK_OK)
		return rc;
	meeting_flows(rows, n, mm, loan_book(&l), i, &masuk, &out);
	avail += masuk - out;
	if (!loan_cash_check(l.pokok, avail, &kurang))
		return sk_err_set(e, SK_REFUSED, _("Saldo %s hanya Rp %s, kurang Rp %s untuk pinjaman ini."),
				  cash_book_label(loan_book(&l)),
				  sk_format_rupiah(avail < 0 ? 0 : avail, a, sizeof a),
				  sk_format_rupiah(kurang, b, sizeof b));
	return SK_OK;
}

/* ---- saving it ----------------------------------------------------------------------------- */

/* A refusal of one movement: where it points and its message (into the caller's is too). */
static int refused_at(int rc, int pg, int r, int *page, int *row, sk_issues *is, const sk_err *q,
		      sk_err *e)
{
	if (page)
		*page = pg;
	if (row)
		*row = r;
	sk_issues_add(is, "simpin", SK_SEV_ERROR, "%s", q->msg);
	return sk_err_set(e, rc, "%s", q->msg);
}

/* The columns every movement of member anggota_id at meeting m shares (row of table t): its
 * cycle, member, date and meeting, of those t has (a repayment: date and meeting). */
static void at_meeting(const table_def *t, void *row, const char *siklus_id,
		       const char *anggota_id, const sk_meeting *m)
{
	static const char *const cols[] = { "siklus_id", "anggota_id", "tanggal", "pertemuan_id" };
	const char *vals[] = { siklus_id, anggota_id, m->tanggal, m->id };
	for (int k = 0; k < 4; k++) {
		int i = table_col_index(t, cols[k]);
		if (i >= 0)
			table_set_text(t, i, row, vals[k]);
	}
}

/* The movements of mm for meeting m (its id and date), inside the transaction. */
static int save_money(sk_db *db, const sk_meeting *m, const sk_meeting_money *mm, sk_issues *is,
		      int *page, int *row, sk_err *e)
{
	sk_issues one;
	sk_err q;
	sk_err_clear(&q);
	int rc = SK_OK;
	for (int i = 0; rc == SK_OK && i < mm->nsav; i++)
		for (int k = 0; rc == SK_OK && k < SIMPIN_KINDS; k++) {
			if (mm->sav[i].setor[k] <= 0)
				continue;
			sk_saving s;
			saving_init(&s);
			at_meeting(&SAVING_TABLE, &s, mm->c.id, mm->sav[i].anggota_id, m);
			sk_strlcpy(s.jenis, SIMPIN_KIND_NAMES[k], sizeof s.jenis);
			s.setor = mm->sav[i].setor[k];
			rc = simpin_saving_add(db, &s, &one, &q);
			if (rc != SK_OK)
				return refused_at(rc, SM_PAGE_SAVINGS, i, page, row, is, &q, e);
		}
	for (int i = 0; i < mm->nrep; i++) {
		if (mm->rep[i].pokok + mm->rep[i].jasa <= 0)
			continue;
		sk_repay r;
		repay_init(&r);
		at_meeting(&REPAY_TABLE, &r, NULL, NULL, m);
		sk_strlcpy(r.pinjaman_id, mm->rep[i].pinjaman_id, sizeof r.pinjaman_id);
		r.pokok = mm->rep[i].pokok;
		r.jasa = mm->rep[i].jasa;
		rc = simpin_repay_add(db, &r, &one, &q);
		if (rc != SK_OK)
			return refused_at(rc, SM_PAGE_REPAY, i, page, row, is, &q, e);
	}
	for (int i = 0; i < mm->nfine; i++) {
		const sk_meeting_fine *mf = &mm->fine[i];
		if (*mf->id && mf->bebas)
			rc = simpin_fine_waive(db, mf->id, &q);
		else if (*mf->id && mf->bayar)
			rc = simpin_fine_pay(db, mf->id, m->tanggal, &q);
		else if (!*mf->id) {
			sk_fine f;
			fine_init(&f);
			at_meeting(&FINE_TABLE, &f, mm->c.id, mf->anggota_id, m);
			sk_strlcpy(f.jenis, mf->jenis, sizeof f.jenis);
			f.jumlah = mf->jumlah;
			f.dibebaskan = mf->bebas;
			if (mf->bayar && !mf->bebas)
				sk_strlcpy(f.dibayar_pada, m->tanggal, sizeof f.dibayar_pada);
			rc = simpin_fine_add(db, &f, &one, &q);
		}
		if (rc != SK_OK)
			return refused_at(rc, SM_PAGE_FINES, i, page, row, is, &q, e);
	}
	for (int i = 0; i < mm->nloan; i++) {
		const sk_meeting_loan *ml = &mm->loan[i];
		sk_loan l;
		loan_init(&l);
		at_meeting(&LOAN_TABLE, &l, mm->c.id, ml->anggota_id, m);
		l.pokok = ml->pokok;
		l.jumlah_angsuran = ml->jumlah_angsuran;
		sk_strlcpy(l.jarak_angsuran, ml->jarak, sizeof l.jarak_angsuran);
		sk_strlcpy(l.sumber, ml->sumber, sizeof l.sumber);
		sk_strlcpy(l.tujuan, ml->tujuan, sizeof l.tujuan);
		rc = simpin_loan_add(db, &l, &one, &q);
		if (rc != SK_OK)
			return refused_at(rc, SM_PAGE_LOANS, i, page, row, is, &q, e);
	}
	return SK_OK;
}

int simpin_meeting_rows(sk_db *db, const char *id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT count(*) FROM simpanan WHERE pertemuan_id=:p "
				      "AND dihapus=0) + (SELECT count(*) FROM pinjaman WHERE "
				      "pertemuan_id=:p AND dihapus=0) + (SELECT count(*) FROM angsuran "
				      "WHERE pertemuan_id=:p AND dihapus=0) + (SELECT count(*) FROM denda "
				      "WHERE pertemuan_id=:p AND dihapus=0)", NULL);
	if (!st)
		return -1;
	db_bind_text(st, ":p", id);
	int64_t n;
	return db_count(db, st, &n, NULL) == SK_OK ? (int)n : -1;
}

int simpin_meeting_save(sk_db *db, sk_meeting *m, sk_attendance *rows, int n,
			const sk_meeting_money *mm, sk_issues *is, int *page, int *row, sk_err *e)
{
	if (page)
		*page = 0;
	if (row)
		*row = -1;
	if (*m->id) {
		sk_meeting old;
		int rc = meeting_get(db, m->id, &old, e);
		if (rc != SK_OK)
			return rc;
		int recorded = strcmp(old.tanggal, m->tanggal) != 0 ? simpin_meeting_rows(db, m->id) : 0;
		if (recorded < 0)
			return sk_err_set(e, SK_DBERR, "%s", _("Basis data tidak menjawab."));
		if (recorded > 0) {
			sk_issues_clear(is);
			sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s",
				      _("Pertemuan ini punya simpanan, angsuran, denda atau pinjaman: "
					"tanggalnya tidak dapat diganti."));
			if (page)
				*page = SM_PAGE_MEETING;
			return validate_refusal(is, "", e);
		}
		return meeting_save(db, m, rows, n, is, e);
	}
	sk_meeting keep = *m;
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = meeting_save(db, m, rows, n, is, e);
	if (rc != SK_OK && page)
		*page = SM_PAGE_ROLL;
	if (rc == SK_OK && mm && mm->has_cycle)
		rc = save_money(db, m, mm, is, page, row, e);
	int erc = db_end(db, rc == SK_OK, rc == SK_OK ? e : NULL);
	rc = rc == SK_OK ? erc : rc;
	if (rc != SK_OK)
		*m = keep;
	return rc;
}

/* ---- deleting -------------------------------------------------------------------------------- */

int simpin_meeting_delete(sk_db *db, const char *id, sk_err *e)
{
	char nama[SK_NAME_BYTES] = "";
	int rc = db_row_text(db, "SELECT a.nama FROM pinjaman p JOIN anggota a ON a.id=p.anggota_id "
			     "WHERE p.pertemuan_id=:p AND p.dihapus=0 AND EXISTS (SELECT 1 FROM "
			     "angsuran r WHERE r.pinjaman_id=p.id AND r.dihapus=0 AND r.pertemuan_id "
			     "IS NOT :p) LIMIT 1", ":p", id, "", e, 1, DB_OUT(nama));
	if (rc == SK_OK)
		return sk_err_set(e, SK_REFUSED, _("Pinjaman %s dari pertemuan ini sudah diangsur: balik "
						   "dulu angsurannya, baru pertemuan dapat dihapus."),
				  nama);
	if (rc != SK_NOTFOUND)
		return rc;
	sk_err_clear(e);
	sk_meeting m;
	rc = meeting_get(db, id, &m, e);
	if (rc != SK_OK)
		return rc;
	rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = simpin_drop_meeting_rows(db, id, e);
	if (rc == SK_OK)
		rc = meeting_delete(db, id, e);
	if (rc == SK_OK)
		rc = book_not_below_zero(db, m.kelompok_id, "simpin", m.tanggal, e);
	if (rc == SK_OK)
		rc = book_not_below_zero(db, m.kelompok_id, "umum", m.tanggal, e);
	int erc = db_end(db, rc == SK_OK, rc == SK_OK ? e : NULL);
	return rc == SK_OK ? erc : rc;
}
