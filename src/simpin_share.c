/* simpin_share.c - a cycle's share-out: the plan as it would be on a date (docs/simpin.md
 * sections 5 and 8), the stored one of a closed cycle, and the SQL functions the rules use
 * (L4, B4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "fixmath.h"
#include "i18n.h"
#include "simpin.h"

/* ---- participants ------------------------------------------------------------------------- */

static sk_share_line *plan_add(sk_share_plan *p, int *cap, const char *id, const char *nama)
{
	for (int i = 0; i < p->n; i++)
		if (strcmp(p->rows[i].anggota_id, id) == 0)
			return &p->rows[i];
	if (p->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		p->rows = realloc(p->rows, sizeof *p->rows * (size_t)*cap);
		if (!p->rows)
			abort();
	}
	sk_share_line *l = &p->rows[p->n++];
	memset(l, 0, sizeof *l);
	sk_strlcpy(l->anggota_id, id, sizeof l->anggota_id);
	sk_strlcpy(l->nama, nama, sizeof l->nama);
	return l;
}

/* Members of the plan: active on the date, or with savings, a loan or a fine in the cycle;
 * with their savings (all kinds, up to the date) and unpaid fines. By name. */
static int participants(sk_db *db, sk_share_plan *p, int *cap, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.id, a.nama, "
		"(SELECT coalesce(sum(setor-tarik),0) FROM simpanan s WHERE s.siklus_id=:s AND "
		"s.anggota_id=a.id AND s.dihapus=0 AND s.tanggal<=:d), "
		"(SELECT coalesce(sum(jumlah),0) FROM denda f WHERE f.siklus_id=:s AND "
		"f.anggota_id=a.id AND f.dihapus=0 AND f.dibayar_pada IS NULL AND f.dibebaskan=0) "
		"FROM anggota a WHERE a.kelompok_id=:g AND a.dihapus=0 AND "
		"((a.tanggal_keluar IS NULL OR a.tanggal_keluar>:d) AND (a.tanggal_masuk IS NULL OR "
		"a.tanggal_masuk<=:d) OR EXISTS (SELECT 1 FROM simpanan s WHERE s.siklus_id=:s AND "
		"s.anggota_id=a.id AND s.dihapus=0) OR EXISTS (SELECT 1 FROM pinjaman l WHERE "
		"l.siklus_id=:s AND l.anggota_id=a.id AND l.dihapus=0)) ORDER BY a.nama, a.id", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":s", p->c.id, ":g", p->c.kelompok_id, ":d", p->tanggal);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		sk_share_line *l = plan_add(p, cap, (const char *)sqlite3_column_text(st, 0),
					    (const char *)sqlite3_column_text(st, 1));
		l->m.simpanan = sqlite3_column_int64(st, 2);
		l->denda_belum = sqlite3_column_int64(st, 3);
		p->denda_belum += l->denda_belum;
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

struct loan_ctx {
	sk_share_plan *p;
	int *cap;
};

/* Service paid (with the arrears the share-out settles) and debts of each member's loans. */
static int add_loan(void *ctx, const sk_loan_view *v)
{
	struct loan_ctx *x = ctx;
	if (v->calc != LOAN_OK)
		return 0;
	if (strcmp(v->l.sumber, "uep") == 0) {
		if (v->pos.status != LOAN_DIHAPUSBUKUKAN)
			x->p->utang_uep += v->pos.sisa_pokok + v->pos.tunggakan_jasa;
		return 0;
	}
	sk_share_line *l = plan_add(x->p, x->cap, v->l.anggota_id, v->nama);
	l->m.jasa_dibayar += v->pos.paid_jasa;
	if (v->pos.status != LOAN_DIHAPUSBUKUKAN) {
		l->m.jasa_dibayar += v->pos.tunggakan_jasa;
		l->m.utang += v->pos.sisa_pokok + v->pos.tunggakan_jasa;
	}
	return 0;
}

int simpin_share_plan(sk_db *db, const char *siklus_id, const char *date, sk_share_plan *plan,
		      sk_err *e)
{
	memset(plan, 0, sizeof *plan);
	int rc = table_get_live(db, &CYCLE_TABLE, siklus_id, &plan->c, sizeof plan->c,
				_("Siklus simpan pinjam tidak ditemukan."), e);
	if (rc != SK_OK)
		return rc;
	sk_strlcpy(plan->tanggal, date, sizeof plan->tanggal);
	int cap = 0;
	rc = participants(db, plan, &cap, e);
	struct loan_ctx x = { plan, &cap };
	sk_loan_filter f = { .siklus_id = siklus_id, .upto = date };
	if (rc == SK_OK)
		rc = simpin_loans_each(db, &f, date, add_loan, &x, e);
	int64_t saldo = 0;
	sqlite3_stmt *st = rc == SK_OK ? db_prepare(db, "SELECT coalesce(sum(masuk-keluar),0) FROM "
						    "kas WHERE kelompok_id=:g AND buku='simpin' AND "
						    "dihapus=0 AND tanggal<=:d", e) : NULL;
	if (st) {
		db_bind_texts(st, ":g", plan->c.kelompok_id, ":d", date);
		rc = db_count(db, st, &saldo, e);
	} else if (rc == SK_OK) {
		rc = SK_DBERR;
	}
	if (rc != SK_OK) {
		simpin_share_plan_free(plan);
		return rc;
	}
	sk_share_member *m = malloc(sizeof *m * (size_t)(plan->n ? plan->n : 1));
	sk_share_row *r = malloc(sizeof *r * (size_t)(plan->n ? plan->n : 1));
	if (!m || !r)
		abort();
	for (int i = 0; i < plan->n; i++) {
		m[i] = plan->rows[i].m;
		if (m[i].simpanan < 0)
			m[i].simpanan = 0; /* only a broken book; B3 and S2 report it */
	}
	plan->status = shareout_compute(shareout_method_parse(plan->c.metode_bagi), saldo, m,
					plan->n, r, &plan->sum);
	if (plan->status != SHAREOUT_OK)
		plan->sum.saldo_buku = saldo;
	for (int i = 0; i < plan->n; i++)
		plan->rows[i].r = r[i];
	free(m);
	free(r);
	return SK_OK;
}

int simpin_share_stored(sk_db *db, const char *siklus_id, sk_share_plan *plan, sk_err *e)
{
	memset(plan, 0, sizeof *plan);
	int rc = cycle_get(db, siklus_id, &plan->c, e);
	if (rc != SK_OK)
		return rc;
	sk_strlcpy(plan->tanggal, plan->c.selesai, sizeof plan->tanggal);
	sqlite3_stmt *st = db_query(db, "SELECT b.anggota_id, coalesce(a.nama,''), b.simpanan, "
				    "b.bagian_hasil, b.potongan, b.dibayar FROM bagi_hasil b LEFT "
				    "JOIN anggota a ON a.id=b.anggota_id WHERE b.siklus_id=:s AND "
				    "b.dihapus=0 ORDER BY a.nama, b.anggota_id", e, ":s", siklus_id);
	if (!st)
		return SK_DBERR;
	int cap = 0;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		sk_share_line *l = plan_add(plan, &cap, (const char *)sqlite3_column_text(st, 0),
					    (const char *)sqlite3_column_text(st, 1));
		l->m.simpanan = l->r.simpanan = sqlite3_column_int64(st, 2);
		l->r.bagian_hasil = sqlite3_column_int64(st, 3);
		l->r.potongan = sqlite3_column_int64(st, 4);
		l->r.dibayar = sqlite3_column_int64(st, 5);
		plan->sum.simpanan += l->r.simpanan;
		plan->sum.dibagi += l->r.bagian_hasil;
		plan->sum.potongan += l->r.potongan;
		plan->sum.dibayar += l->r.dibayar;
	}
	db_reset(st);
	plan->sum.metode = shareout_method_parse(plan->c.metode_bagi);
	if (rc != SQLITE_DONE) {
		simpin_share_plan_free(plan);
		return e && e->status ? e->status : SK_DBERR;
	}
	return SK_OK;
}

void simpin_share_plan_free(sk_share_plan *plan)
{
	free(plan->rows);
	plan->rows = NULL;
	plan->n = 0;
}

/* ---- SQL functions for the rules ---------------------------------------------------------- */

/* sikube_jadwal_ok(tanggal, pokok, rate, metode, jumlah, jarak). */
static void fn_schedule_ok(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	sk_loan_terms t;
	static sk_loan_schedule s;
	memset(&t, 0, sizeof t);
	const unsigned char *d = sqlite3_value_text(v[0]);
	sk_strlcpy(t.tanggal, d ? (const char *)d : "", sizeof t.tanggal);
	t.pokok = sqlite3_value_int64(v[1]);
	t.rate = sqlite3_value_int(v[2]);
	t.metode = loan_method_parse((const char *)sqlite3_value_text(v[3]));
	t.jumlah = sqlite3_value_int(v[4]);
	t.jarak = loan_interval_parse((const char *)sqlite3_value_text(v[5]));
	sqlite3_result_int(c, loan_schedule(&t, &s) == LOAN_OK);
}

/* B4's recomputation of one closed cycle, kept while the database does not change. */
static struct b4_cache {
	sqlite3 *h;
	sqlite3_int64 changes;
	int64_t version;
	char siklus_id[SK_UUID_LEN + 1];
	int ok;                          /* 0: could not be computed */
	int n;
	char (*ids)[SK_UUID_LEN + 1];
	int64_t *bagian;
} b4;

struct b4_loans {
	int64_t utang;                   /* L_end */
	int n;
	char (*ids)[SK_UUID_LEN + 1];
	int64_t *jasa;
};

static int b4_loan(void *ctx, const sk_loan_view *v)
{
	struct b4_loans *x = ctx;
	if (v->calc != LOAN_OK || strcmp(v->l.sumber, "simpin") != 0)
		return 0;
	if (v->pos.status != LOAN_DIHAPUSBUKUKAN)
		x->utang += v->pos.sisa_pokok + v->pos.tunggakan_jasa;
	for (int i = 0; i < x->n; i++)
		if (strcmp(x->ids[i], v->l.anggota_id) == 0)
			x->jasa[i] += v->pos.paid_jasa;
	return 0;
}

/* Recompute the share-out of closed cycle id from its stored rows into b4. */
static void b4_compute(sk_db *db, const char *id)
{
	sk_cycle c;
	b4.ok = 0;
	b4.n = 0;
	sk_strlcpy(b4.siklus_id, id, sizeof b4.siklus_id);
	if (cycle_get(db, id, &c, NULL) != SK_OK || !*c.selesai)
		return;
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM bagi_hasil WHERE siklus_id=:s AND "
				      "dihapus=0", NULL);
	int64_t n = 0;
	if (st)
		db_bind_text(st, ":s", id);
	if (db_count(db, st, &n, NULL) != SK_OK || n <= 0)
		return;
	free(b4.ids);
	free(b4.bagian);
	b4.ids = calloc((size_t)n, sizeof *b4.ids);
	b4.bagian = calloc((size_t)n, sizeof *b4.bagian);
	sk_share_member *m = calloc((size_t)n, sizeof *m);
	sk_share_row *r = calloc((size_t)n, sizeof *r);
	struct b4_loans x = { 0, 0, b4.ids, calloc((size_t)n, sizeof(int64_t)) };
	if (!b4.ids || !b4.bagian || !m || !r || !x.jasa)
		abort();
	int64_t dibagi = 0, simpanan = 0, saldo = 0;
	st = db_prepare(db, "SELECT anggota_id, simpanan, bagian_hasil FROM bagi_hasil WHERE "
			"siklus_id=:s AND dihapus=0 ORDER BY id", NULL);
	int rc = SQLITE_ERROR, good = 1;
	if (st) {
		db_bind_text(st, ":s", id);
		while ((rc = db_step(db, st, NULL)) == SQLITE_ROW && x.n < n) {
			db_col_text(st, 0, b4.ids[x.n], sizeof b4.ids[0]);
			m[x.n].simpanan = sqlite3_column_int64(st, 1);
			good &= fx_add(dibagi, sqlite3_column_int64(st, 2), &dibagi) == 0 &&
				fx_add(simpanan, m[x.n].simpanan, &simpanan) == 0;
			x.n++;
		}
		db_reset(st);
	}
	sk_loan_filter f = { .siklus_id = id, .upto = c.selesai };
	st = db_prepare(db, "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id=:g "
			"AND buku='simpin' AND dihapus=0 AND tanggal<=:d", NULL);
	db_bind_texts(st, ":g", c.kelompok_id, ":d", c.selesai);
	int64_t book;
	if (good && (rc == SQLITE_DONE || rc == SQLITE_ROW) &&
	    simpin_loans_each(db, &f, c.selesai, b4_loan, &x, NULL) == SK_OK &&
	    db_count(db, st, &saldo, NULL) == SK_OK &&
	    fx_add(saldo, x.utang, &book) == 0 && fx_add(book, dibagi, &book) == 0 &&
	    fx_add(book, simpanan, &book) == 0) {
		/* book = laba + savings: the balance shareout_compute needs for that profit with
		 * no debt left. */
		for (int i = 0; i < x.n; i++)
			m[i].jasa_dibayar = x.jasa[i] > 0 ? x.jasa[i] : 0;
		sk_shareout sum;
		if (shareout_compute(shareout_method_parse(c.metode_bagi), book, m, x.n, r, &sum) ==
		    SHAREOUT_OK) {
			for (int i = 0; i < x.n; i++)
				b4.bagian[i] = r[i].bagian_hasil;
			b4.n = x.n;
			b4.ok = 1;
		}
	}
	free(x.jasa);
	free(m);
	free(r);
}

/* sikube_bagian(siklus_id, anggota_id): the member's bagian_hasil as B4 recomputes it. */
static void fn_bagian(sqlite3_context *ctx, int argc, sqlite3_value **v)
{
	(void)argc;
	sk_db *db = sqlite3_user_data(ctx);
	const char *s = (const char *)sqlite3_value_text(v[0]);
	const char *a = (const char *)sqlite3_value_text(v[1]);
	if (!s || !a) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3 *h = db_handle(db);
	int64_t version = db_int(db, "PRAGMA data_version", -1);
	if (b4.h != h || b4.changes != sqlite3_total_changes64(h) || b4.version != version ||
	    strcmp(b4.siklus_id, s) != 0) {
		b4_compute(db, s);
		b4.h = h;
		b4.changes = sqlite3_total_changes64(h);
		b4.version = version;
	}
	for (int i = 0; b4.ok && i < b4.n; i++)
		if (strcmp(b4.ids[i], a) == 0) {
			sqlite3_result_int64(ctx, b4.bagian[i]);
			return;
		}
	sqlite3_result_null(ctx);
}

int simpin_sql_functions(sk_db *db, sk_err *e)
{
	sqlite3_stmt *st = db_prepare_once(db, "SELECT sikube_bagian(NULL, NULL)", NULL);
	if (st) {
		db_finalize(st);
		return SK_OK;
	}
	sqlite3 *h = db_handle(db);
	int rc = sqlite3_create_function(h, "sikube_jadwal_ok", 6,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fn_schedule_ok,
					 NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(h, "sikube_bagian", 2, SQLITE_UTF8, db, fn_bagian, NULL,
					     NULL);
	b4.h = NULL; /* a new connection may reuse the address of a closed one */
	return rc == SQLITE_OK ? SK_OK : db_error(db, rc, e);
}
