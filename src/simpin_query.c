/* simpin_query.c - figures read from the savings-and-loans rows: a group's cycle, a member's
 * savings, loans with their position on a date, a group's portfolio at risk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "i18n.h"
#include "simpin.h"

/* ---- cycles ------------------------------------------------------------------------------- */

/* The first cycle sql (binding :g and, when it has it, :d) gives, into out. */
static int cycle_query(sk_db *db, const char *sql, const char *g, const char *date,
		       sk_cycle *out, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, sql, e, ":g", g);
	if (!st)
		return SK_DBERR;
	db_bind_texts_present(st, ":d", date);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		table_read(&CYCLE_TABLE, st, out);
	}
	return db_row_end(st, rc, _("Kelompok ini belum punya siklus simpan pinjam."), e);
}

#define CYCLE_SELECT(where) \
	"SELECT id, kelompok_id, nomor, mulai, coalesce(selesai,'') selesai, simpanan_pokok, " \
	"simpanan_wajib, jasa_persen_bulan, metode_jasa, batas_pinjaman_kali, denda_alpa, " \
	"denda_terlambat, metode_bagi, coalesce(catatan,'') catatan, diubah_pada, dihapus " \
	"FROM siklus WHERE kelompok_id=:g AND dihapus=0 " where " ORDER BY nomor DESC, id LIMIT 1"

int simpin_cycle_open(sk_db *db, const char *kelompok_id, sk_cycle *out, sk_err *e)
{
	return cycle_query(db, CYCLE_SELECT("AND selesai IS NULL"), kelompok_id, NULL, out, e);
}

int simpin_cycle_at(sk_db *db, const char *kelompok_id, const char *date, sk_cycle *out,
		    sk_err *e)
{
	return cycle_query(db, CYCLE_SELECT("AND mulai<=:d AND (selesai IS NULL OR selesai>=:d)"),
			   kelompok_id, date, out, e);
}

int simpin_cycle_last(sk_db *db, const char *kelompok_id, sk_cycle *out, sk_err *e)
{
	return cycle_query(db, CYCLE_SELECT(""), kelompok_id, NULL, out, e);
}

/* ---- savings ------------------------------------------------------------------------------ */

int simpin_savings(sk_db *db, const char *siklus_id, const char *anggota_id, const char *upto,
		   int64_t kind[SIMPIN_KINDS], sk_err *e)
{
	for (int k = 0; k < SIMPIN_KINDS; k++)
		kind[k] = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT jenis, sum(setor-tarik) FROM simpanan WHERE "
				      "siklus_id=:s AND anggota_id=:a AND dihapus=0 AND (:d IS NULL "
				      "OR tanggal<=:d) GROUP BY jenis", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":s", siklus_id, ":a", anggota_id, ":d", upto);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		int k = simpin_kind_parse((const char *)sqlite3_column_text(st, 0));
		if (k >= 0)
			kind[k] = sqlite3_column_int64(st, 1);
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

/* ---- loans and their positions ------------------------------------------------------------ */

/* The loan columns as LOAN_TABLE reads them, from alias p. */
#define LOAN_COLS_P \
	"p.id id, p.siklus_id siklus_id, p.anggota_id anggota_id, p.tanggal tanggal, p.pokok " \
	"pokok, p.jasa_persen_bulan jasa_persen_bulan, p.metode_jasa metode_jasa, " \
	"p.jumlah_angsuran jumlah_angsuran, p.jarak_angsuran jarak_angsuran, p.sumber sumber, " \
	"coalesce(p.tujuan,'') tujuan, coalesce(p.dihapusbukukan_pada,'') dihapusbukukan_pada, " \
	"coalesce(p.pertemuan_id,'') pertemuan_id, p.diubah_pada diubah_pada, p.dihapus dihapus"
/* A loan's position on a date needs only the sums repaid by then and the date of the last
 * repayment (loan_position): from the loan's row (what all its repayments add up to,
 * pinjaman.bayar_*, kept by triggers) when its last repayment is not after the date,
 * else from one look at its repayments in the covering index angsuran_pinjaman. */
#define REPAID_BY_DATE \
	"CASE WHEN p.bayar_terakhir IS NULL OR p.bayar_terakhir<=:d THEN p.bayar_pokok ELSE (SELECT " \
	"sum(CASE WHEN r.membalik_id IS NULL THEN r.pokok ELSE -r.pokok END) FROM angsuran r WHERE " \
	"r.pinjaman_id=p.id AND r.dihapus=0 AND r.tanggal<=:d) END repaid_pokok, CASE WHEN " \
	"p.bayar_terakhir IS NULL OR p.bayar_terakhir<=:d THEN p.bayar_jasa ELSE (SELECT " \
	"sum(CASE WHEN r.membalik_id IS NULL THEN r.jasa ELSE -r.jasa END) FROM angsuran r WHERE " \
	"r.pinjaman_id=p.id AND r.dihapus=0 AND r.tanggal<=:d) END repaid_jasa, CASE WHEN " \
	"p.bayar_terakhir IS NULL OR p.bayar_terakhir<=:d THEN p.bayar_terakhir ELSE (SELECT " \
	"max(r.tanggal) FROM angsuran r WHERE r.pinjaman_id=p.id AND r.dihapus=0 AND " \
	"r.tanggal<=:d) END repaid_last"
#define LOANS_SQL(where) \
	"SELECT " LOAN_COLS_P ", a.nama nama_anggota, c.kelompok_id kelompok, " REPAID_BY_DATE \
	" FROM pinjaman p CROSS JOIN siklus c ON c.id=p.siklus_id JOIN anggota a ON " \
	"a.id=p.anggota_id WHERE " where \
	" AND p.dihapus=0 AND (:g IS NULL OR c.kelompok_id=:g) AND (:s IS NULL OR " \
	"p.siklus_id=:s) AND (:a IS NULL OR p.anggota_id=:a) AND (:p IS NULL OR p.id=:p) AND " \
	"(:u IS NULL OR p.tanggal<=:u) ORDER BY c.kelompok_id, a.nama, p.tanggal, p.id"

/* Every loan in storage order: no sort (a kabupaten's 30,000 loans would spill it to disk);
 * the member's group stands for the loan's (rule L1 makes them one). */
#define ALL_LOANS_SQL \
	"SELECT " LOAN_COLS_P ", a.nama nama_anggota, a.kelompok_id kelompok, " REPAID_BY_DATE \
	" FROM pinjaman p JOIN anggota a ON a.id=p.anggota_id WHERE p.dihapus=0 AND (:g IS NULL " \
	"OR a.kelompok_id=:g) AND (:s IS " \
	"NULL OR p.siklus_id=:s) AND (:a IS NULL OR p.anggota_id=:a) AND (:p IS NULL OR p.id=:p) " \
	"AND (:u IS NULL OR p.tanggal<=:u)"

/* The loans of group :g's members, by member name, date and id (sk_loan_filter's
 * by_member_group). */
#define MEMBER_GROUP_LOANS_SQL \
	"SELECT " LOAN_COLS_P ", a.nama nama_anggota, a.kelompok_id kelompok, " REPAID_BY_DATE \
	" FROM anggota a JOIN pinjaman p ON p.anggota_id=a.id WHERE a.kelompok_id=:g AND " \
	"p.dihapus=0 AND (:s IS NULL OR p.siklus_id=:s) AND (:a IS NULL OR p.anggota_id=:a) AND " \
	"(:p IS NULL OR p.id=:p) AND (:u IS NULL OR p.tanggal<=:u) ORDER BY a.nama, p.tanggal, p.id"

/* The statement for filter f: led by its most selective key, so that an index answers. */
static const char *loans_sql(const sk_loan_filter *f)
{
	if (f->pinjaman_id)
		return LOANS_SQL("p.id=:p");
	if (f->anggota_id)
		return LOANS_SQL("p.anggota_id=:a");
	if (f->siklus_id)
		return LOANS_SQL("p.siklus_id=:s");
	if (f->kelompok_id && f->by_member_group)
		return MEMBER_GROUP_LOANS_SQL;
	if (f->kelompok_id)
		return LOANS_SQL("p.siklus_id IN (SELECT id FROM siklus WHERE kelompok_id=:g)");
	return ALL_LOANS_SQL;
}

/* Repayments of one loan, grown as they come. */
struct repays {
	sk_repayment *r;
	int n, cap;
};

static void repays_add(struct repays *rs, const char *tanggal, int64_t pokok, int64_t jasa,
		       int reversal)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 32;
		rs->r = realloc(rs->r, sizeof *rs->r * (size_t)rs->cap);
		if (!rs->r)
			abort();
	}
	sk_repayment *x = &rs->r[rs->n++];
	sk_strlcpy(x->tanggal, tanggal, sizeof x->tanggal);
	x->pokok = reversal ? -pokok : pokok;
	x->jasa = reversal ? -jasa : jasa;
}

/* Schedule and position of v->l on date from rs. */
static void position(sk_loan_view *v, sk_loan_schedule *s, const struct repays *rs,
		     const char *date)
{
	sk_loan_terms t;
	loan_terms_of(&v->l, &t);
	memset(&v->pos, 0, sizeof v->pos);
	v->s = s;
	v->calc = loan_schedule(&t, s);
	if (v->calc == LOAN_OK)
		v->calc = loan_position(s, rs->r, rs->n, date, v->l.dihapusbukukan_pada, &v->pos);
}

int simpin_loans_each(sk_db *db, const sk_loan_filter *f, const char *date,
		      int (*fn)(void *ctx, const sk_loan_view *v), void *ctx, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, loans_sql(f), e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":g", f->kelompok_id, ":s", f->siklus_id, ":a", f->anggota_id,
		      ":p", f->pinjaman_id, ":u", f->upto, ":d", date);
	sk_loan_schedule *s = malloc(sizeof *s);
	sk_loan_view *v = malloc(sizeof *v);
	if (!s || !v)
		abort();
	struct repays rs = { 0 };
	int rc, stop = 0, c_nama = -1, c_repaid = -1, c_g = -1, map[32];
	while (!stop && (rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (c_nama < 0) {
			table_map(&LOAN_TABLE, st, map);
			for (int i = 0; i < sqlite3_column_count(st); i++) {
				if (strcmp(sqlite3_column_name(st, i), "nama_anggota") == 0)
					c_nama = i;
				if (strcmp(sqlite3_column_name(st, i), "repaid_pokok") == 0)
					c_repaid = i;
				if (strcmp(sqlite3_column_name(st, i), "kelompok") == 0)
					c_g = i;
			}
		}
		memset(&v->l, 0, sizeof v->l);
		table_read_mapped(&LOAN_TABLE, st, map, &v->l);
		db_col_text(st, c_nama, v->nama, sizeof v->nama);
		db_col_text(st, c_g, v->kelompok_id, sizeof v->kelompok_id);
		rs.n = 0;
		if (sqlite3_column_type(st, c_repaid + 2) != SQLITE_NULL)
			repays_add(&rs, (const char *)sqlite3_column_text(st, c_repaid + 2),
				   sqlite3_column_int64(st, c_repaid), sqlite3_column_int64(st, c_repaid + 1),
				   0);
		position(v, s, &rs, date);
		stop = fn(ctx, v);
	}
	if (stop)
		rc = SQLITE_DONE;
	db_reset(st);
	free(rs.r);
	free(s);
	free(v);
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

int simpin_loan_view(sk_db *db, const char *pinjaman_id, const char *date, sk_loan_view *v,
		     sk_loan_schedule *s, sk_err *e)
{
	memset(v, 0, sizeof *v);
	int rc = loan_get(db, pinjaman_id, &v->l, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT nama FROM anggota WHERE id=:a), "
				      "tanggal, pokok, jasa, membalik_id IS NOT NULL FROM angsuran "
				      "WHERE pinjaman_id=:p AND dihapus=0 ORDER BY tanggal, id", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":a", v->l.anggota_id, ":p", pinjaman_id);
	struct repays rs = { 0 };
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		db_col_text(st, 0, v->nama, sizeof v->nama);
		repays_add(&rs, (const char *)sqlite3_column_text(st, 1), sqlite3_column_int64(st, 2),
			   sqlite3_column_int64(st, 3), sqlite3_column_int(st, 4));
	}
	db_reset(st);
	if (rc == SQLITE_DONE) {
		if (!*v->nama) {
			sqlite3_stmt *q = db_prepare(db, "SELECT nama FROM anggota WHERE id=:a", e);
			if (q) {
				db_bind_text(q, ":a", v->l.anggota_id);
				if (db_step(db, q, NULL) == SQLITE_ROW)
					db_col_text(q, 0, v->nama, sizeof v->nama);
				db_reset(q);
			}
		}
		position(v, s, &rs, date);
	}
	free(rs.r);
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

/* ---- portfolio ---------------------------------------------------------------------------- */

static int add_to_portfolio(void *ctx, const sk_loan_view *v)
{
	sk_portfolio *p = ctx;
	if (v->calc != LOAN_OK || v->pos.status == LOAN_LUNAS || v->pos.status == LOAN_DIHAPUSBUKUKAN)
		return 0;
	p->pinjaman++;
	p->beredar += v->pos.sisa_pokok;
	p->tunggakan += v->pos.tunggakan;
	if (v->pos.tunggakan > 0)
		p->menunggak++;
	if (v->pos.hari_terlambat > LOAN_PAR_DAYS)
		p->berisiko += v->pos.sisa_pokok;
	return 0;
}

int simpin_portfolio(sk_db *db, const char *kelompok_id, const char *date, sk_portfolio *out,
		     sk_err *e)
{
	memset(out, 0, sizeof *out);
	sk_loan_filter f = { .kelompok_id = kelompok_id, .upto = date };
	int rc = simpin_loans_each(db, &f, date, add_to_portfolio, out, e);
	out->par_permille = loan_par_permille(out->berisiko, out->beredar);
	return rc;
}

char *simpin_par_text(int par_permille, char *out, size_t n)
{
	if (par_permille < 0)
		snprintf(out, n, "-");
	else if (par_permille % 10 == 0)
		snprintf(out, n, "%d%%", par_permille / 10);
	else
		snprintf(out, n, "%d,%d%%", par_permille / 10, par_permille % 10);
	return out;
}

/* ---- lists for the screens ---------------------------------------------------------------- */

struct members_ctx {
	sk_simpin_member *m;
	int n;
};

static int add_member_loan(void *ctx, const sk_loan_view *v)
{
	struct members_ctx *x = ctx;
	if (v->calc != LOAN_OK || v->pos.status == LOAN_LUNAS || v->pos.status == LOAN_DIHAPUSBUKUKAN)
		return 0;
	for (int i = 0; i < x->n; i++) {
		sk_simpin_member *m = &x->m[i];
		if (strcmp(m->anggota_id, v->l.anggota_id) != 0)
			continue;
		m->pinjaman++;
		m->sisa_pokok += v->pos.sisa_pokok;
		m->tunggakan += v->pos.tunggakan;
		if (v->pos.hari_terlambat > m->hari_terlambat)
			m->hari_terlambat = v->pos.hari_terlambat;
	}
	return 0;
}

int simpin_members(sk_db *db, const sk_cycle *c, const char *date, sk_simpin_member **out,
		   int *n, sk_err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.id, a.nama, (SELECT coalesce(sum(setor-tarik),0) FROM simpanan s WHERE "
		"s.siklus_id=:s AND s.anggota_id=a.id AND s.dihapus=0 AND s.tanggal<=:d) FROM anggota a "
		"WHERE a.kelompok_id=:g AND a.dihapus=0 AND (((a.tanggal_keluar IS NULL OR "
		"a.tanggal_keluar>:d) AND (a.tanggal_masuk IS NULL OR a.tanggal_masuk<=:d)) OR EXISTS "
		"(SELECT 1 FROM simpanan s WHERE s.siklus_id=:s AND s.anggota_id=a.id AND s.dihapus=0) "
		"OR EXISTS (SELECT 1 FROM pinjaman l WHERE l.siklus_id=:s AND l.anggota_id=a.id AND "
		"l.dihapus=0)) ORDER BY a.nama, a.id", e);
	if (!st)
		return SK_DBERR;
	db_bind_texts(st, ":s", c->id, ":g", c->kelompok_id, ":d", date);
	struct members_ctx x = { NULL, 0 };
	int cap = 0, rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (x.n == cap) {
			cap = cap ? cap * 2 : 32;
			x.m = realloc(x.m, sizeof *x.m * (size_t)cap);
			if (!x.m)
				abort();
		}
		sk_simpin_member *m = &x.m[x.n++];
		memset(m, 0, sizeof *m);
		db_col_text(st, 0, m->anggota_id, sizeof m->anggota_id);
		db_col_text(st, 1, m->nama, sizeof m->nama);
		m->simpanan = sqlite3_column_int64(st, 2);
	}
	db_reset(st);
	rc = rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
	sk_loan_filter f = { .siklus_id = c->id, .upto = date };
	if (rc == SK_OK)
		rc = simpin_loans_each(db, &f, date, add_member_loan, &x, e);
	if (rc != SK_OK) {
		free(x.m);
		return rc;
	}
	*out = x.m;
	*n = x.n;
	return SK_OK;
}

/* Rows of table t read with sql (binding :a and :b) into a growing array of size-byte rows. */
static int read_rows(sk_db *db, const table_def *t, const char *sql, const char *a,
		     const char *b, size_t size, void **out, int *n, sk_err *e)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_query(db, sql, e, ":a", a);
	db_bind_texts_present(st, ":b", b);
	return table_all(db, t, st, size, out, n, e);
}

int simpin_savings_rows(sk_db *db, const char *siklus_id, const char *anggota_id, sk_saving **out,
			int *n, sk_err *e)
{
	return read_rows(db, &SAVING_TABLE, "SELECT * FROM simpanan WHERE siklus_id=:a AND "
			 "anggota_id=:b AND dihapus=0 ORDER BY tanggal, setor=0, id", siklus_id,
			 anggota_id, sizeof **out, (void **)out, n, e);
}

int simpin_loan_rows(sk_db *db, const char *siklus_id, const char *anggota_id, sk_loan **out,
		     int *n, sk_err *e)
{
	return read_rows(db, &LOAN_TABLE, "SELECT * FROM pinjaman WHERE siklus_id=:a AND "
			 "anggota_id=:b AND dihapus=0 ORDER BY tanggal, id", siklus_id, anggota_id,
			 sizeof **out, (void **)out, n, e);
}

int simpin_repay_rows(sk_db *db, const char *pinjaman_id, sk_repay **out, int *n, sk_err *e)
{
	return read_rows(db, &REPAY_TABLE, "SELECT * FROM angsuran WHERE pinjaman_id=:a AND "
			 "dihapus=0 ORDER BY tanggal, membalik_id IS NULL, id", pinjaman_id, NULL,
			 sizeof **out, (void **)out, n, e);
}
