/* evaluation_propose.c - the figures behind the proposed scores of s1, s2, s4, e1 and e4,
 * read from the group's records with the queries of docs/evaluasi.md (section 3), and the
 * words that show them on the form. The thresholds are in evaluation_calc.h. */
#include <stdio.h>
#include <string.h>
#include "evaluation.h"
#include "fixmath.h"
#include "i18n.h"

/* The bound values of the queries: :g the group, :d the assessment date, :c the open cycle. */
struct q {
	sk_db *db;
	const char *g, *d;
	char c[SK_UUID_LEN + 1];
	sk_err *e;
};

/* Prepare sql and bind those of :g, :d and :c it has. NULL on a prepare error. */
static sqlite3_stmt *prep(struct q *q, const char *sql)
{
	sqlite3_stmt *st = db_prepare(q->db, sql, q->e);
	db_bind_texts_present(st, ":g", q->g, ":d", q->d, ":c", q->c);
	return st;
}

/* The first one or two columns of sql's one row into a (and b when not NULL); 0 for no row
 * or NULL. SK_OK or the database error. */
static int two(struct q *q, const char *sql, int64_t *a, int64_t *b)
{
	sqlite3_stmt *st = prep(q, sql);
	*a = 0;
	if (b)
		*b = 0;
	if (!st)
		return SK_DBERR;
	int rc = db_step(q->db, st, q->e);
	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(st, 0);
		if (b)
			*b = sqlite3_column_int64(st, 1);
	}
	db_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SK_OK
						      : (q->e && q->e->status ? q->e->status : SK_DBERR);
}

static int one(struct q *q, const char *sql, int64_t *a)
{
	return two(q, sql, a, NULL);
}

static int clamp_int(int64_t v)
{
	return v > 1000000000 ? 1000000000 : v < 0 ? 0 : (int)v;
}

/* The date windows, ending on :d (inclusive). */
#define IN_WEEKS(col) col " > date(:d,'-84 days') AND " col " <= :d"
#define IN_MONTHS(col) col " > date(:d,'-6 months') AND " col " <= :d"
#define BEFORE_MONTHS(col) col " > date(:d,'-12 months') AND " col " <= date(:d,'-6 months')"

static int figures_s1(struct q *q, sk_eval_s1 *s)
{
	int64_t any, n, h, all;
	int rc = one(q, "SELECT EXISTS (SELECT 1 FROM pertemuan WHERE kelompok_id=:g AND dihapus=0 "
		     "AND tanggal <= :d)", &any);
	if (rc == SK_OK)
		rc = one(q, "SELECT count(*) FROM pertemuan WHERE kelompok_id=:g AND dihapus=0 AND "
			 IN_WEEKS("tanggal"), &n);
	if (rc == SK_OK)
		rc = two(q, "SELECT coalesce(sum(k.status='H'),0), count(*) FROM pertemuan m JOIN "
			 "kehadiran k ON k.pertemuan_id=m.id WHERE m.kelompok_id=:g AND m.dihapus=0 "
			 "AND k.dihapus=0 AND " IN_WEEKS("m.tanggal"), &h, &all);
	if (rc != SK_OK)
		return rc;
	s->ada_pertemuan = any != 0;
	s->pertemuan = clamp_int(n);
	s->hadir = h;
	s->tercatat = all;
	return SK_OK;
}

static int figures_s2(struct q *q, sk_eval_s2 *s)
{
	int64_t n, in, out, months;
	int rc = one(q, "SELECT count(*) FROM pertemuan WHERE kelompok_id=:g AND dihapus=0 AND "
		     IN_MONTHS("tanggal"), &n);
	if (rc == SK_OK)
		rc = one(q, "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id=:g AND "
			 "buku='iks' AND kategori='iuran_iks' AND dihapus=0 AND " IN_MONTHS("tanggal"),
			 &in);
	if (rc == SK_OK)
		rc = one(q, "SELECT coalesce(sum(keluar-masuk),0) FROM kas WHERE kelompok_id=:g AND "
			 "buku='iks' AND kategori='santunan' AND dihapus=0 AND " IN_MONTHS("tanggal"),
			 &out);
	if (rc == SK_OK)
		rc = one(q, "SELECT count(*) FROM (SELECT substr(tanggal,1,7) FROM kas WHERE "
			 "kelompok_id=:g AND buku='iks' AND kategori='iuran_iks' AND dihapus=0 AND "
			 IN_MONTHS("tanggal") " GROUP BY 1 HAVING sum(masuk-keluar) > 0)", &months);
	if (rc != SK_OK)
		return rc;
	s->pertemuan = clamp_int(n);
	s->terkumpul = in;
	s->tersalur = out;
	s->bulan = clamp_int(months);
	return SK_OK;
}

static int figures_s4(struct q *q, sk_eval_s4 *s)
{
	int64_t any, active, savers = 0, loans = 0;
	int rc = one(q, "SELECT EXISTS (SELECT 1 FROM siklus WHERE kelompok_id=:g AND dihapus=0 AND "
		     "mulai <= :d)", &any);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = prep(q, "SELECT id FROM siklus WHERE kelompok_id=:g AND dihapus=0 AND "
				"mulai <= :d AND (selesai IS NULL OR selesai > :d) ORDER BY mulai DESC, "
				"id LIMIT 1");
	if (!st)
		return SK_DBERR;
	q->c[0] = '\0';
	int src = db_step(q->db, st, q->e);
	if (src == SQLITE_ROW)
		db_col_text(st, 0, q->c, sizeof q->c);
	db_reset(st);
	if (src != SQLITE_ROW && src != SQLITE_DONE)
		return q->e && q->e->status ? q->e->status : SK_DBERR;
	rc = one(q, "SELECT count(*) FROM anggota WHERE kelompok_id=:g AND dihapus=0 AND "
		 "(tanggal_masuk IS NULL OR tanggal_masuk <= :d) AND "
		 "(tanggal_keluar IS NULL OR tanggal_keluar > :d)", &active);
	if (rc == SK_OK && *q->c)
		rc = one(q, "SELECT count(DISTINCT s.anggota_id) FROM simpanan s JOIN anggota a ON "
			 "a.id=s.anggota_id WHERE s.siklus_id=:c AND s.dihapus=0 AND s.setor > 0 AND "
			 "s.membalik_id IS NULL AND NOT EXISTS (SELECT 1 FROM simpanan r WHERE "
			 "r.membalik_id=s.id AND r.dihapus=0) AND " IN_WEEKS("s.tanggal") " AND "
			 "a.dihapus=0 AND a.kelompok_id=:g AND (a.tanggal_keluar IS NULL OR "
			 "a.tanggal_keluar > :d)", &savers);
	if (rc == SK_OK && *q->c)
		rc = one(q, "SELECT count(*) FROM pinjaman WHERE siklus_id=:c AND dihapus=0 AND "
			 "tanggal <= :d", &loans);
	if (rc != SK_OK)
		return rc;
	s->ada_siklus = any != 0;
	s->siklus_berjalan = *q->c != '\0';
	s->anggota_aktif = clamp_int(active);
	s->menabung = clamp_int(savers);
	s->pinjaman = clamp_int(loans);
	return SK_OK;
}

static int figures_e1(struct q *q, sk_eval_e1 *s)
{
	int rc = one(q, "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id=:g AND "
		     "buku='umum' AND kategori='penjualan' AND dihapus=0 AND " IN_MONTHS("tanggal"),
		     &s->penjualan);
	return rc != SK_OK ? rc : one(q, "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE "
		"kelompok_id=:g AND buku='umum' AND kategori='penjualan' AND dihapus=0 AND "
		BEFORE_MONTHS("tanggal"), &s->sebelumnya);
}

static int figures_e4(struct q *q, sk_eval_e4 *s)
{
	int64_t baru = 0;
	int rc = one(q, "SELECT bantuan_uep FROM kelompok WHERE id=:g", &s->bantuan_uep);
	if (rc == SK_OK)
		rc = one(q, "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id=:g AND "
			 "buku='umum' AND dihapus=0 AND tanggal <= :d", &s->saldo_umum);
	/* Principal still owed on loans from UEP capital, net of reversed repayments. */
	if (rc == SK_OK)
		rc = one(q, "SELECT coalesce(sum(p.pokok - coalesce((SELECT sum(CASE WHEN a.membalik_id "
			 "IS NULL THEN a.pokok ELSE -a.pokok END) FROM angsuran a WHERE "
			 "a.pinjaman_id=p.id AND a.dihapus=0 AND a.tanggal <= :d),0)),0) FROM pinjaman p "
			 "JOIN siklus c ON c.id=p.siklus_id WHERE c.kelompok_id=:g AND p.sumber='uep' AND "
			 "p.dihapus=0 AND p.tanggal <= :d AND (p.dihapusbukukan_pada IS NULL OR "
			 "p.dihapusbukukan_pada > :d)", &s->pinjaman_uep);
	if (rc == SK_OK)
		rc = one(q, "SELECT count(*) FROM pinjaman p JOIN siklus c ON c.id=p.siklus_id WHERE "
			 "c.kelompok_id=:g AND p.sumber='uep' AND p.dihapus=0 AND "
			 "p.tanggal > date(:d,'-12 months') AND p.tanggal <= :d", &baru);
	s->pinjaman_uep_baru = clamp_int(baru);
	return rc;
}

static int propose(struct q *q, sk_eval_evidence *out)
{
	int rc = figures_s1(q, &out->s1);
	if (rc == SK_OK)
		rc = figures_s2(q, &out->s2);
	if (rc == SK_OK)
		rc = figures_s4(q, &out->s4);
	if (rc == SK_OK)
		rc = figures_e1(q, &out->e1);
	if (rc == SK_OK)
		rc = figures_e4(q, &out->e4);
	if (rc != SK_OK)
		return rc;
	out->usul[0] = evaluation_propose_s1(&out->s1);
	out->usul[1] = evaluation_propose_s2(&out->s2);
	out->usul[3] = evaluation_propose_s4(&out->s4);
	out->usul[4] = evaluation_propose_e1(&out->e1);
	out->usul[7] = evaluation_propose_e4(&out->e4);
	return SK_OK;
}

int evaluation_propose(sk_db *db, const char *kelompok_id, const char *tanggal,
		       sk_eval_evidence *out, sk_err *e)
{
	memset(out, 0, sizeof *out);
	struct q q = { .db = db, .g = kelompok_id, .d = tanggal, .e = e };
	int rc = db_begin_read(db, e);
	if (rc != SK_OK)
		return rc;
	rc = propose(&q, out);
	db_end(db, 1, NULL);
	if (rc != SK_OK)
		memset(out, 0, sizeof *out);
	return rc;
}

/* ---- The figures in words ------------------------------------------------------------------ */

/* part as a whole percent of whole (rounded down), or -1 when whole <= 0. */
static int64_t pct(int64_t part, int64_t whole)
{
	int64_t v;
	if (whole <= 0 || fx_muldiv(part, 100, whole, &v) != 0)
		return -1;
	return v;
}

static void text_s1(const sk_eval_s1 *s, char *out, size_t n)
{
	if (!s->ada_pertemuan)
		snprintf(out, n, "%s", _("tidak ada data: belum ada pertemuan tercatat"));
	else if (s->tercatat > 0)
		snprintf(out, n, _("%d pertemuan dalam %d minggu, hadir %lld%%"), s->pertemuan,
			 EVAL_WINDOW_WEEKS, (long long)pct(s->hadir, s->tercatat));
	else
		snprintf(out, n, _("%d pertemuan dalam %d minggu, kehadiran tidak dicatat"),
			 s->pertemuan, EVAL_WINDOW_WEEKS);
}

static void text_s2(const sk_eval_s2 *s, char *out, size_t n)
{
	char a[32], b[32];
	if (evaluation_propose_s2(s) == EVAL_NO_DATA) {
		snprintf(out, n, "%s", _("tidak ada data: tak ada pertemuan atau IKS 6 bulan ini"));
		return;
	}
	snprintf(out, n, _("%d bln: IKS masuk Rp %s (%d bulan), disalurkan Rp %s"),
		 EVAL_WINDOW_MONTHS, sk_format_rupiah(s->terkumpul, a, sizeof a),
		 s->bulan > EVAL_WINDOW_MONTHS ? EVAL_WINDOW_MONTHS : s->bulan,
		 sk_format_rupiah(s->tersalur, b, sizeof b));
}

static void text_s4(const sk_eval_evidence *ev, char *out, size_t n)
{
	const sk_eval_s4 *s = &ev->s4;
	if (!s->ada_siklus)
		snprintf(out, n, "%s", _("tidak ada data: belum pernah ada siklus simpan pinjam"));
	else if (!s->siklus_berjalan)
		snprintf(out, n, "%s", _("tidak ada siklus simpan pinjam yang berjalan"));
	else
		snprintf(out, n, _("siklus berjalan: %d dari %d anggota menabung, %d pinjaman"),
			 s->menabung, s->anggota_aktif, s->pinjaman);
}

static void text_e1(const sk_eval_e1 *s, char *out, size_t n)
{
	char a[32], b[32];
	if (s->penjualan <= 0 && s->sebelumnya <= 0) {
		snprintf(out, n, "%s", _("tidak ada data: tak ada penjualan 12 bulan ini"));
		return;
	}
	sk_format_rupiah(s->penjualan, a, sizeof a);
	sk_format_rupiah(s->sebelumnya, b, sizeof b);
	int64_t p = pct(s->penjualan, s->sebelumnya);
	if (p >= 0)
		snprintf(out, n, _("penjualan 6 bln Rp %s, 6 bln sebelumnya Rp %s (%lld%%)"), a, b,
			 (long long)p);
	else
		snprintf(out, n, _("penjualan 6 bln Rp %s, 6 bln sebelumnya Rp %s"), a, b);
}

static void text_e4(const sk_eval_evidence *ev, char *out, size_t n)
{
	const sk_eval_e4 *s = &ev->e4;
	char a[32], b[32];
	if (s->bantuan_uep <= 0) {
		snprintf(out, n, "%s", _("tidak ada data: kelompok tidak menerima bantuan UEP"));
		return;
	}
	int64_t modal;
	if (fx_add(s->saldo_umum, s->pinjaman_uep > 0 ? s->pinjaman_uep : 0, &modal) != 0)
		modal = INT64_MAX;
	int64_t p = pct(modal, s->bantuan_uep);
	snprintf(out, n, _("modal Rp %s = %lld%% bantuan Rp %s, pinjaman UEP baru %d"),
		 sk_format_rupiah(modal, a, sizeof a), (long long)p,
		 sk_format_rupiah(s->bantuan_uep, b, sizeof b), s->pinjaman_uep_baru);
}

void evaluation_evidence_text(const sk_eval_evidence *ev, int i, char *out, size_t n)
{
	if (!n)
		return;
	out[0] = '\0';
	switch (i) {
	case 0: text_s1(&ev->s1, out, n); break;
	case 1: text_s2(&ev->s2, out, n); break;
	case 3: text_s4(ev, out, n); break;
	case 4: text_e1(&ev->e1, out, n); break;
	case 7: text_e4(ev, out, n); break;
	default: break;
	}
}
