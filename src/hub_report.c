/* hub_report.c - the hub's reports (spec/cli.md, "The hub"): which columns, from which SQL.
 * Group figures come from sikube.ringkas (kept by hub load), so a province or the whole
 * country is one row per group; every query names the province of --wilayah, so only that
 * province's partitions are read. */
#include <stdlib.h>
#include <string.h>
#include "evaluation_calc.h"
#include "hub_out.h"
#include "hub_priv.h"
#include "i18n.h"
#include "loan_calc.h"
#include "region.h"

/* Filter on groups g under kode (whole country when kode is NULL). */
static void group_filter(hub_sql *q, const char *kode)
{
	if (!kode)
		hub_sql_add(q, "true");
	else if (region_level(kode) == REGION_PROVINSI)
		hub_sql_add(q, "g.prov = %d", atoi(kode));
	else
		hub_sql_add(q, "g.prov = %d AND g.kode_wilayah LIKE '%s%%'", atoi(kode), kode);
}

/* ---- the columns ------------------------------------------------------------------------ */

/* Every column of the hub's reports, once: a column that several reports give (a group's
 * name, its region, the poor members, the arrears, ...) is one entry, so it is named, typed
 * and labelled alike wherever it shows. A report lists its columns by these ids. */
enum hub_col_id {
	C_KELOMPOK_ID, C_KELOMPOK, C_ANGGOTA_ID, C_PINJAMAN_ID, C_KODE, C_NAMA, C_NIK, C_WILAYAH,
	C_DESA, C_TINGKAT, C_ANGGOTA_AKTIF, C_DINILAI, C_MISKIN, C_PERSEN_MISKIN,
	C_PERTEMUAN_TERAKHIR, C_SALDO_UMUM, C_SALDO_IKS, C_DINILAI_PADA, C_SKOR, C_KATEGORI,
	C_S1, C_S2, C_S3, C_S4, C_E1, C_E2, C_E3, C_E4, C_KUARTIL, C_TANGGAL, C_POKOK, C_SUMBER,
	C_SISA_POKOK, C_JASA_DIBAYAR, C_TUNGGAKAN, C_HARI_TERLAMBAT, C_STATUS, C_REGION,
	C_KELOMPOK_N, C_KELOMPOK_AKTIF, C_ANGGOTA_N, C_DESIL, C_IKS, C_SIMPANAN, C_BEREDAR,
	C_TUMBUH, C_BERKEMBANG, C_MAJU, C_MANDIRI
};

static const hub_col COLUMNS[] = {
	/* ids, names and headings: each shows where its flags say */
	[C_KELOMPOK_ID] = { "kelompok_id", HC_ID, N_("kelompok"), HC_DATA_ONLY },
	[C_KELOMPOK] = { "kelompok", HC_TEXT, N_("kelompok"), HC_TEXT_ONLY | HC_HEADING },
	[C_ANGGOTA_ID] = { "anggota_id", HC_ID, N_("anggota"), HC_DATA_ONLY },
	[C_PINJAMAN_ID] = { "pinjaman_id", HC_ID, N_("pinjaman"), HC_DATA_ONLY },
	[C_KODE] = { "kode", HC_CODE, N_("kode"), HC_XLSX_ONLY },
	[C_NAMA] = { "nama", HC_TEXT, N_("nama"), HC_TITLE },
	[C_NIK] = { "nik", HC_NIK, N_("NIK"), HC_TITLE },
	[C_DESA] = { "desa", HC_TEXT, N_("desa/kelurahan"), HC_TEXT_ONLY },
	[C_REGION] = { "kode_wilayah", HC_CODE, N_("kode"), HC_TITLE },
	/* the codes and figures: in every format */
	[C_WILAYAH] = { "kode_wilayah", HC_CODE, N_("wilayah"), 0 },
	[C_TINGKAT] = { "tingkat", HC_CODE, N_("tingkat"), 0 },
	[C_ANGGOTA_AKTIF] = { "anggota_aktif", HC_INT, N_("anggota aktif"), 0 },
	[C_DINILAI] = { "anggota_dinilai", HC_INT, N_("dinilai"), 0 },
	[C_MISKIN] = { "anggota_miskin", HC_INT, N_("miskin"), 0 },
	[C_PERSEN_MISKIN] = { "persen_miskin", HC_PERCENT, N_("persen miskin"), 0 },
	[C_PERTEMUAN_TERAKHIR] = { "pertemuan_terakhir", HC_DATE, N_("pertemuan terakhir"), 0 },
	[C_SALDO_UMUM] = { "saldo_umum", HC_RUPIAH, N_("saldo kas umum"), 0 },
	[C_SALDO_IKS] = { "saldo_iks", HC_RUPIAH, N_("saldo IKS"), 0 },
	[C_DINILAI_PADA] = { "tanggal", HC_DATE, N_("dinilai"), 0 },
	[C_SKOR] = { "skor", HC_INT, N_("skor"), 0 },
	[C_KATEGORI] = { "kategori", HC_CODE, N_("kategori"), 0 },
	[C_S1] = { "s1", HC_INT, "s1", 0 }, [C_S2] = { "s2", HC_INT, "s2", 0 },
	[C_S3] = { "s3", HC_INT, "s3", 0 }, [C_S4] = { "s4", HC_INT, "s4", 0 },
	[C_E1] = { "e1", HC_INT, "e1", 0 }, [C_E2] = { "e2", HC_INT, "e2", 0 },
	[C_E3] = { "e3", HC_INT, "e3", 0 }, [C_E4] = { "e4", HC_INT, "e4", 0 },
	[C_KUARTIL] = { "kuartil", HC_INT, N_("kuartil"), 0 },
	[C_TANGGAL] = { "tanggal", HC_DATE, N_("tanggal"), 0 },
	[C_POKOK] = { "pokok", HC_RUPIAH, N_("pokok"), 0 },
	[C_SUMBER] = { "sumber", HC_CODE, N_("sumber"), 0 },
	[C_SISA_POKOK] = { "sisa_pokok", HC_RUPIAH, N_("sisa pokok"), 0 },
	[C_JASA_DIBAYAR] = { "jasa_dibayar", HC_RUPIAH, N_("jasa dibayar"), 0 },
	[C_TUNGGAKAN] = { "tunggakan", HC_RUPIAH, N_("tunggakan"), 0 },
	[C_HARI_TERLAMBAT] = { "hari_terlambat", HC_INT, N_("hari terlambat"), 0 },
	[C_STATUS] = { "status", HC_CODE, N_("status"), 0 },
	[C_KELOMPOK_N] = { "kelompok", HC_INT, N_("kelompok"), 0 },
	[C_KELOMPOK_AKTIF] = { "kelompok_aktif", HC_INT, N_("bertemu 90 hari terakhir"), 0 },
	[C_ANGGOTA_N] = { "anggota", HC_INT, N_("anggota aktif"), 0 },
	[C_DESIL] = { "desil_1_4", HC_INT, N_("desil DTSEN 1-4"), 0 },
	[C_IKS] = { "iks_terkumpul", HC_RUPIAH, N_("iuran IKS terkumpul"), 0 },
	[C_SIMPANAN] = { "simpanan", HC_RUPIAH, N_("simpanan"), 0 },
	[C_BEREDAR] = { "pinjaman_beredar", HC_RUPIAH, N_("pinjaman beredar"), 0 },
	[C_TUMBUH] = { "tumbuh", HC_INT, N_("tumbuh"), 0 },
	[C_BERKEMBANG] = { "berkembang", HC_INT, N_("berkembang"), 0 },
	[C_MAJU] = { "maju", HC_INT, N_("maju"), 0 },
	[C_MANDIRI] = { "mandiri", HC_INT, N_("mandiri"), 0 },
};

/* A report's columns: ids of COLUMNS, in the spec's order. */
typedef unsigned char col_list[];

/* ---- groups -------------------------------------------------------------------------------- */

static const col_list GROUP_COLS = {
	C_KELOMPOK_ID, C_NAMA, C_WILAYAH, C_DESA, C_TINGKAT, C_ANGGOTA_AKTIF, C_DINILAI, C_MISKIN,
	C_PERSEN_MISKIN, C_PERTEMUAN_TERAKHIR, C_SALDO_UMUM, C_SALDO_IKS,
};

/* Percent of assessed members who are poor, rounded as `report groups` rounds it. */
#define PERSEN(miskin, dinilai) \
	"CASE WHEN " dinilai " > 0 THEN (" miskin " * 200 + " dinilai ") / (2 * " dinilai ") END"

static void groups_sql(hub_sql *q, const char *kode, int threshold)
{
	(void)threshold;
	hub_sql_add(q, "SELECT g.id, g.nama, g.kode_wilayah, w.nama, g.tingkat, "
		    "coalesce(r.anggota_aktif, 0), coalesce(r.anggota_dinilai, 0), "
		    "coalesce(r.anggota_miskin, 0), "
		    PERSEN("r.anggota_miskin", "r.anggota_dinilai") ", r.pertemuan_terakhir, "
		    "coalesce(r.saldo_umum, 0), coalesce(r.saldo_iks, 0) FROM " HUB_SCHEMA ".kelompok g "
		    "LEFT JOIN " HUB_SCHEMA ".ringkas r ON r.kelompok_id = g.id AND r.prov = g.prov "
		    "LEFT JOIN " HUB_SCHEMA ".wilayah w ON w.kode = g.kode_wilayah "
		    "WHERE g.dihapus = 0 AND ");
	group_filter(q, kode);
	hub_sql_add(q, " ORDER BY g.nama COLLATE sikube.nama, g.id");
}

/* ---- eligibility --------------------------------------------------------------------------- */

static const col_list ELIG_COLS = {
	C_KELOMPOK, C_KELOMPOK_ID, C_ANGGOTA_ID, C_NIK, C_NAMA, C_DINILAI_PADA, C_SKOR, C_KATEGORI,
};

static void elig_sql(hub_sql *q, const char *kode, int threshold)
{
	/* The province as a constant where there is one, so the plan names its partitions
	 * (a.prov alone is pruned only while the query runs). */
	char prov[32] = "a.prov";
	if (kode)
		snprintf(prov, sizeof prov, "%d", atoi(kode));
	hub_sql_add(q, "SELECT g.nama, g.id, a.id, a.nik, a.nama, p.tanggal, p.skor, "
		    "CASE WHEN p.skor >= %d THEN 'miskin' WHEN p.skor IS NOT NULL THEN "
		    "'tidak_miskin' END FROM " HUB_SCHEMA ".kelompok g JOIN " HUB_SCHEMA ".anggota a "
		    "ON a.kelompok_id = g.id AND a.prov = g.prov LEFT JOIN LATERAL (SELECT q.tanggal, "
		    "q.k01 + q.k02 + q.k03 + q.k04 + q.k05 + q.k06 + q.k07 + q.k08 + q.k09 + q.k10 + "
		    "q.k11 + q.k12 + q.k13 + q.k14 AS skor FROM " HUB_SCHEMA ".penilaian q WHERE "
		    "q.prov = %s AND q.anggota_id = a.id AND q.dihapus = 0 ORDER BY q.tanggal DESC, "
		    "q.diubah_pada DESC, q.id DESC LIMIT 1) p ON true WHERE a.dihapus = 0 AND "
		    "a.tanggal_keluar IS NULL AND g.dihapus = 0 AND ", threshold, prov);
	group_filter(q, kode);
	hub_sql_add(q, " ORDER BY g.nama COLLATE sikube.nama, g.id, a.nama COLLATE sikube.nama, a.id");
}

/* The province of kode as SQL (a constant, so the plan names its partitions), or col. */
static const char *prov_of(const char *kode, const char *col, char *out, size_t n)
{
	if (kode)
		snprintf(out, n, "%d", atoi(kode));
	else
		snprintf(out, n, "%s", col);
	return out;
}

/* items (n used of *cap, each size bytes) with room for one more: doubled when full (first
 * 64); aborts when memory runs out. */
static void *grow(void *items, int n, int *cap, size_t size)
{
	if (n < *cap)
		return items;
	*cap = *cap ? *cap * 2 : 64;
	void *p = realloc(items, size * (size_t)*cap);
	if (!p)
		abort();
	return p;
}

/* Write row v (ncols values) through o. */
static int put_row(hub_out *o, char *const *v)
{
	o->rows++;
	return o->ops->row(o, v) == SK_OK ? SK_OK : SK_IOERR;
}

/* ---- levels -------------------------------------------------------------------------------- */

/* As report levels (src/report_levels.c): the latest development assessment of each live
 * group that has one, skor and tingkat from the indicators, kuartil among the groups
 * listed. */
static const col_list LEVEL_COLS = {
	C_KELOMPOK_ID, C_KODE, C_NAMA, C_WILAYAH, C_DINILAI_PADA, C_S1, C_S2, C_S3, C_S4, C_E1, C_E2,
	C_E3, C_E4, C_SKOR, C_TINGKAT, C_KUARTIL,
};
#define LEVEL_SQL_COLS 13   /* kelompok_id .. e4; skor, tingkat, kuartil are worked out */

static void levels_sql(hub_sql *q, const char *kode, int threshold)
{
	(void)threshold;
	char prov[32];
	hub_sql_add(q, "SELECT g.id, g.kode, g.nama, g.kode_wilayah, l.tanggal, l.s1, l.s2, l.s3, "
		    "l.s4, l.e1, l.e2, l.e3, l.e4 FROM " HUB_SCHEMA ".kelompok g CROSS JOIN LATERAL "
		    "(SELECT e.tanggal, e.s1, e.s2, e.s3, e.s4, e.e1, e.e2, e.e3, e.e4 FROM "
		    HUB_SCHEMA ".evaluasi e WHERE e.prov = %s AND e.kelompok_id = g.id AND "
		    "e.dihapus = 0 ORDER BY e.tanggal DESC, e.diubah_pada DESC, e.id DESC LIMIT 1) l "
		    "WHERE g.dihapus = 0 AND ", prov_of(kode, "g.prov", prov, sizeof prov));
	group_filter(q, kode);
	hub_sql_add(q, " ORDER BY g.kode_wilayah, g.nama COLLATE \"C\", g.id");
}

/* The rows of levels_sql, kept to place each among all (the quartiles need every score). */
struct level_rows {
	char **v;        /* n rows of NCOLS(LEVEL_COLS) values */
	int *skor;
	int n, cap;
};

static int level_keep(void *ctx, int nf, char **f)
{
	struct level_rows *x = ctx;
	enum { W = (int)(sizeof LEVEL_COLS / sizeof LEVEL_COLS[0]) };
	if (nf != LEVEL_SQL_COLS)
		return SK_DBERR;
	int cap = x->cap;
	x->v = grow(x->v, x->n, &cap, sizeof *x->v * W);
	x->skor = grow(x->skor, x->n, &x->cap, sizeof *x->skor);
	char **r = &x->v[(size_t)x->n * W];
	int v[EVAL_INDICATORS];
	for (int i = 0; i < W; i++)
		{
		r[i] = i < nf && f[i] ? strdup(f[i]) : NULL;
		if (i < nf && f[i] && !r[i])
			abort();
	}
	for (int i = 0; i < EVAL_INDICATORS; i++)
		v[i] = f[5 + i] ? atoi(f[5 + i]) : 0;
	x->skor[x->n++] = evaluation_score(v);
	return 0;
}

static int levels_run(hub *h, const char *kode, hub_out *o, const char *sql, sk_err *e)
{
	(void)kode;
	enum { W = (int)(sizeof LEVEL_COLS / sizeof LEVEL_COLS[0]) };
	struct level_rows x = { 0 };
	sk_quartiles q;
	memset(&q, 0, sizeof q);
	int rc = hub_copy_out(h, sql, level_keep, &x, e);
	if (rc == SK_OK && x.n > 0 && evaluation_quartiles(x.skor, x.n, &q) != 0)
		rc = sk_err_set(e, SK_DBERR, "%s", _("Nilai penilaian perkembangan rusak: jalankan "
						     "sikube check."));
	for (int i = 0; rc == SK_OK && i < x.n; i++) {
		char **r = x.v + (size_t)i * W;
		const char *t = evaluation_level_name(x.skor[i]);
		char skor[16], kuartil[16];
		snprintf(skor, sizeof skor, "%d", x.skor[i]);
		snprintf(kuartil, sizeof kuartil, "%d", evaluation_quartile(&q, x.skor[i]));
		r[W - 3] = skor;
		r[W - 2] = (char *)(t ? t : "");
		r[W - 1] = kuartil;
		rc = put_row(o, r);
		r[W - 3] = r[W - 2] = r[W - 1] = NULL;
	}
	for (size_t i = 0; i < (size_t)x.n * W; i++)
		free(x.v[i]);
	free(x.v);
	free(x.skor);
	return rc;
}

/* ---- loans --------------------------------------------------------------------------------- */

/* As report loans (src/report_simpin.c): every live loan made by today with its position
 * today, worked out by the core's loan arithmetic (loan_calc.h) from the loan's terms and
 * its repayments summed (sikube.bayar; summed again up to today when one is dated later),
 * ordered by group name, member name, date and id (byte order, as the office sorts). */
static const col_list LOAN_COLS = {
	C_KELOMPOK, C_PINJAMAN_ID, C_ANGGOTA_ID, C_NAMA, C_TANGGAL, C_POKOK, C_SUMBER, C_SISA_POKOK,
	C_JASA_DIBAYAR, C_TUNGGAKAN, C_HARI_TERLAMBAT, C_STATUS,
};
/* The columns of loans_sql. */
enum { LQ_GROUP, LQ_ID, LQ_MEMBER, LQ_NAME, LQ_DATE, LQ_POKOK, LQ_SUMBER, LQ_RATE, LQ_METODE,
       LQ_JUMLAH, LQ_JARAK, LQ_WRITTEN_OFF, LQ_PAID_POKOK, LQ_PAID_JASA, LQ_PAID_LAST,
       LQ_WILAYAH, LQ_COLS };

/* The loans of the portfolio (loans_query): of live groups, not written off by today, and
 * not paid off by the sums and schedule totals in sikube.bayar (repaid in full, the last
 * repayment by today, all the schedule's service paid: loan_position calls such a loan lunas
 * on any later date, so it is passed over here without its schedule). */
#define PORTFOLIO \
	"(p.dihapusbukukan_pada IS NULL OR p.dihapusbukukan_pada > '%s') AND " \
	"NOT coalesce(b.terakhir <= '%s' AND b.pokok >= p.pokok AND b.jasa >= b.jasa_jadwal, false)"

/* Every live loan of the groups under kode made by today, deleted groups' too (as the
 * office's report: their loans stay); only those of the PORTFOLIO when portfolio. */
static void loans_query(hub_sql *q, const char *kode, int portfolio)
{
	char today[11], prov[32];
	sk_today(today);
	prov_of(kode, "p.prov", prov, sizeof prov);
#define PAID(expr, dflt) \
	"CASE WHEN b.terakhir IS NULL OR b.terakhir <= '%s' THEN " dflt " ELSE (SELECT " expr \
	" FROM " HUB_SCHEMA ".angsuran r WHERE r.prov = %s AND r.pinjaman_id = p.id AND " \
	"r.dihapus = 0 AND r.tanggal <= '%s') END"
	/* the portfolio needs no names, ids or source (LQ_GROUP .. LQ_NAME, LQ_SUMBER) */
	hub_sql_add(q, "SELECT %s, p.tanggal, p.pokok, %s, "
		    "p.jasa_persen_bulan, p.metode_jasa, p.jumlah_angsuran, p.jarak_angsuran, "
		    "p.dihapusbukukan_pada, "
		    PAID("sum(CASE WHEN r.membalik_id IS NULL THEN r.pokok ELSE -r.pokok END)", "b.pokok")
		    ", " PAID("sum(CASE WHEN r.membalik_id IS NULL THEN r.jasa ELSE -r.jasa END)", "b.jasa")
		    ", " PAID("max(r.tanggal)", "b.terakhir") ", g.kode_wilayah FROM ",
		    portfolio ? "NULL, NULL, NULL, NULL" : "g.nama, p.id, p.anggota_id, a.nama",
		    portfolio ? "NULL" : "p.sumber", today, prov, today, today, prov, today, today,
		    prov, today);
#undef PAID
	/* The portfolio's loans picked from the loans and their sums alone, before the joins to
	 * members and groups (OFFSET 0 keeps the planner from joining first): most of a
	 * province's loans are paid off, and none of them need their group looked up. */
	if (portfolio)
		hub_sql_add(q, "(SELECT p.* FROM " HUB_SCHEMA ".pinjaman p LEFT JOIN " HUB_SCHEMA
			    ".bayar b ON b.pinjaman_id = p.id AND b.prov = p.prov WHERE p.prov = %s "
			    "AND " PORTFOLIO " OFFSET 0) p", prov, today, today);
	else
		hub_sql_add(q, HUB_SCHEMA ".pinjaman p");
	hub_sql_add(q, " JOIN " HUB_SCHEMA ".anggota a ON a.id = p.anggota_id AND a.prov = p.prov "
		    "JOIN " HUB_SCHEMA ".kelompok g ON g.id = a.kelompok_id AND g.prov = a.prov "
		    "LEFT JOIN " HUB_SCHEMA ".bayar b ON b.pinjaman_id = p.id AND b.prov = p.prov "
		    "WHERE p.dihapus = 0 AND p.tanggal <= '%s' AND %s", today,
		    portfolio ? "g.dihapus = 0 AND " : "");
	group_filter(q, kode);
}

static void loans_sql(hub_sql *q, const char *kode, int threshold)
{
	(void)threshold;
	loans_query(q, kode, 0);
	hub_sql_add(q, " ORDER BY g.nama COLLATE \"C\", g.id, a.nama COLLATE \"C\", p.tanggal, p.id");
}

/* A loan of loans_query placed on today: the loan_calc status (LOAN_OK or why its terms
 * cannot be computed; *pos zero then). s is scratch room for the schedule. */
static int loan_place(char *const *f, sk_loan_schedule *s, sk_loan_position *pos)
{
	sk_loan_terms t;
	char today[11];
	memset(pos, 0, sizeof *pos);
	sk_today(today);
	int rc = hub_loan_terms(f[LQ_DATE], f[LQ_POKOK], f[LQ_RATE], f[LQ_METODE], f[LQ_JUMLAH],
				f[LQ_JARAK], &t);
	if (rc == LOAN_OK)
		rc = loan_schedule(&t, s);
	if (rc != LOAN_OK)
		return rc;
	sk_repayment r;
	memset(&r, 0, sizeof r);
	int n = 0;
	if (f[LQ_PAID_LAST]) {
		sk_strlcpy(r.tanggal, f[LQ_PAID_LAST], sizeof r.tanggal);
		r.pokok = f[LQ_PAID_POKOK] ? atoll(f[LQ_PAID_POKOK]) : 0;
		r.jasa = f[LQ_PAID_JASA] ? atoll(f[LQ_PAID_JASA]) : 0;
		n = 1;
	}
	rc = loan_position(s, &r, n, today, f[LQ_WRITTEN_OFF], pos);
	if (rc != LOAN_OK)
		memset(pos, 0, sizeof *pos);
	return rc;
}

struct loan_ctx {
	hub_out *o;
	sk_loan_schedule *s;
};

static int loan_row(void *ctx, int nf, char **f)
{
	struct loan_ctx *x = ctx;
	if (nf != LQ_COLS)
		return SK_DBERR;
	sk_loan_position pos;
	int ok = loan_place(f, x->s, &pos) == LOAN_OK;
	char sisa[24], jasa[24], tunggakan[24], hari[16];
	snprintf(sisa, sizeof sisa, "%lld", (long long)pos.sisa_pokok);
	snprintf(jasa, sizeof jasa, "%lld", (long long)pos.paid_jasa);
	snprintf(tunggakan, sizeof tunggakan, "%lld", (long long)pos.tunggakan);
	snprintf(hari, sizeof hari, "%d", pos.hari_terlambat);
	char *v[] = { f[LQ_GROUP], f[LQ_ID], f[LQ_MEMBER], f[LQ_NAME], f[LQ_DATE], f[LQ_POKOK],
		      f[LQ_SUMBER], sisa, jasa, tunggakan, hari,
		      (char *)(ok ? loan_status_name(pos.status) : "") };
	_Static_assert(sizeof v / sizeof v[0] == sizeof LOAN_COLS / sizeof LOAN_COLS[0],
		       "a value per column");
	return put_row(x->o, v);
}

static int loans_run(hub *h, const char *kode, hub_out *o, const char *sql, sk_err *e)
{
	(void)kode;
	struct loan_ctx x = { .o = o, .s = malloc(sizeof *x.s) };
	if (!x.s)
		abort();
	int rc = hub_copy_out(h, sql, loan_row, &x, e);
	free(x.s);
	return rc;
}

/* ---- regions ------------------------------------------------------------------------------- */

static const col_list REGION_COLS = {
	C_REGION, C_NAMA, C_KELOMPOK_N, C_KELOMPOK_AKTIF, C_ANGGOTA_N, C_MISKIN, C_PERSEN_MISKIN,
	C_DESIL, C_IKS, C_SIMPANAN, C_BEREDAR, C_TUNGGAKAN, C_TUMBUH, C_BERKEMBANG, C_MAJU,
	C_MANDIRI,
};

/* Length of a region code of level lvl (1-4). */
static int code_len(int lvl)
{
	static const int len[] = { 2, 5, 8, 13 };
	return len[lvl - 1];
}

/* The level of the rows of regions under kode: one below it (a village gives itself). */
static int sub_level(const char *kode)
{
	int lvl = kode ? region_level(kode) : 0;
	return lvl < REGION_DESA ? lvl + 1 : REGION_DESA;
}

/* Per region one level below kode (the provinces for the whole country; a village itself). */
static void regions_sql(hub_sql *q, const char *kode, int threshold)
{
	(void)threshold;
	int lvl = kode ? region_level(kode) : 0;
	int sub = sub_level(kode);
	hub_sql_add(q, "WITH sub AS (SELECT kode, nama FROM " HUB_SCHEMA ".wilayah WHERE ");
	if (!kode)
		hub_sql_add(q, "tingkat = 1");
	else if (lvl == REGION_DESA)
		hub_sql_add(q, "kode = '%s'", kode);
	else
		hub_sql_add(q, "tingkat = %d AND kode LIKE '%s.%%'", sub, kode);
	/* The groups summed per region first (one pass over the province's groups), then
	 * set beside every region of the level, those without a group too. kelompok_aktif: a
	 * meeting in the 90 days up to today. pinjaman_beredar and tunggakan are filled in by
	 * regions_run (a loan's position today is the core's arithmetic). */
	hub_sql_add(q, "), agg AS MATERIALIZED (SELECT substr(g.kode_wilayah, 1, %d) AS k, count(*) AS kelompok, "
		    "count(*) FILTER (WHERE r.pertemuan_terakhir > current_date - 90) AS aktif, "
		    "sum(r.anggota_aktif) AS anggota, sum(r.anggota_miskin) AS miskin, "
		    "sum(r.anggota_dinilai) AS dinilai, sum(r.desil_1_4) AS desil, "
		    "sum(r.iks_terkumpul) AS iks, sum(r.simpanan) AS simpanan, "
		    "count(*) FILTER (WHERE g.tingkat = 'tumbuh') AS t1, "
		    "count(*) FILTER (WHERE g.tingkat = 'berkembang') AS t2, "
		    "count(*) FILTER (WHERE g.tingkat = 'maju') AS t3, "
		    "count(*) FILTER (WHERE g.tingkat = 'mandiri') AS t4 FROM "
		    HUB_SCHEMA ".kelompok g LEFT JOIN " HUB_SCHEMA ".ringkas r ON r.kelompok_id = g.id "
		    "AND r.prov = g.prov WHERE g.dihapus = 0 AND ", code_len(sub));
	group_filter(q, kode);
	hub_sql_add(q, " GROUP BY 1) SELECT sub.kode, sub.nama, coalesce(a.kelompok, 0), "
		    "coalesce(a.aktif, 0), coalesce(a.anggota, 0), coalesce(a.miskin, 0), "
		    PERSEN("a.miskin", "a.dinilai") ", coalesce(a.desil, 0), coalesce(a.iks, 0), "
		    "coalesce(a.simpanan, 0), NULL, NULL, coalesce(a.t1, 0), coalesce(a.t2, 0), coalesce(a.t3, 0), "
		    "coalesce(a.t4, 0) FROM sub LEFT JOIN agg a ON a.k = sub.kode ORDER BY sub.kode");
}

/* The loans of the regions' rows, summed per region as the office's portfolio
 * (simpin_portfolio): loans neither paid off nor written off, their principal still owed
 * and their arrears today. */
struct region_loans {
	int len;                 /* length of the regions' codes */
	struct region_sum {
		char kode[16];
		long long beredar, tunggakan;
	} *r;
	int n, cap;
	sk_loan_schedule *s;
	hub_out *o;
};

static struct region_sum *region_sum_of(struct region_loans *x, const char *kode)
{
	for (int i = x->n - 1; i >= 0; i--)
		if (strcmp(x->r[i].kode, kode) == 0)
			return &x->r[i];
	x->r = grow(x->r, x->n, &x->cap, sizeof *x->r);
	struct region_sum *r = &x->r[x->n++];
	memset(r, 0, sizeof *r);
	sk_strlcpy(r->kode, kode, sizeof r->kode);
	return r;
}

static int region_loan(void *ctx, int nf, char **f)
{
	struct region_loans *x = ctx;
	if (nf != LQ_COLS || !f[LQ_WILAYAH])
		return SK_DBERR;
	sk_loan_position pos;
	if (loan_place(f, x->s, &pos) != LOAN_OK || pos.status == LOAN_LUNAS ||
	    pos.status == LOAN_DIHAPUSBUKUKAN)
		return 0;
	char kode[16];
	snprintf(kode, sizeof kode, "%.*s", x->len, f[LQ_WILAYAH]);
	struct region_sum *r = region_sum_of(x, kode);
	r->beredar += pos.sisa_pokok;
	r->tunggakan += pos.tunggakan;
	return 0;
}

static int region_row(void *ctx, int nf, char **f)
{
	struct region_loans *x = ctx;
	enum { BEREDAR = 10, TUNGGAKAN = 11 };
	if (nf != x->o->ncols || !f[0])
		return SK_DBERR;
	struct region_sum none = { .beredar = 0 }, *r = &none;
	for (int i = 0; i < x->n; i++)
		if (strcmp(x->r[i].kode, f[0]) == 0)
			r = &x->r[i];
	char beredar[24], tunggakan[24];
	snprintf(beredar, sizeof beredar, "%lld", r->beredar);
	snprintf(tunggakan, sizeof tunggakan, "%lld", r->tunggakan);
	f[BEREDAR] = beredar;
	f[TUNGGAKAN] = tunggakan;
	return put_row(x->o, f);
}

static int regions_run(hub *h, const char *kode, hub_out *o, const char *sql, sk_err *e)
{
	struct region_loans x = { .len = code_len(sub_level(kode)), .o = o,
				  .s = malloc(sizeof *x.s) };
	if (!x.s)
		abort();
	hub_sql q = { 0 };
	hub_sql_add(&q, "COPY (");
	loans_query(&q, kode, 1);
	hub_sql_add(&q, ") TO STDOUT");
	int rc = hub_copy_out(h, q.s, region_loan, &x, e);
	hub_sql_free(&q);
	if (rc == SK_OK)
		rc = hub_copy_out(h, sql, region_row, &x, e);
	free(x.r);
	free(x.s);
	return rc;
}

/* ---- the table of reports ------------------------------------------------------------------ */

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))

static const struct hub_report_def {
	const char *kind;
	const char *title;            /* msgid */
	const unsigned char *cols;    /* ids of COLUMNS */
	int ncols;
	void (*sql)(hub_sql *q, const char *kode, int threshold);
	/* the rows of the COPY statement sql to o; NULL: each as it comes */
	int (*run)(hub *h, const char *kode, hub_out *o, const char *sql, sk_err *e);
} REPORTS[] = {
	{ "groups", N_("Kelompok KUBE"), GROUP_COLS, NCOLS(GROUP_COLS), groups_sql, NULL },
	{ "eligibility", N_("Kelayakan anggota (penilaian terakhir, 14 kriteria BPS)"), ELIG_COLS,
	  NCOLS(ELIG_COLS), elig_sql, NULL },
	{ "levels", N_("Tingkat perkembangan kelompok"), LEVEL_COLS, NCOLS(LEVEL_COLS), levels_sql,
	  levels_run },
	{ "loans", N_("Pinjaman anggota"), LOAN_COLS, NCOLS(LOAN_COLS), loans_sql, loans_run },
	{ "regions", N_("Rekap per wilayah"), REGION_COLS, NCOLS(REGION_COLS), regions_sql,
	  regions_run },
};
#define N_REPORTS ((int)(sizeof REPORTS / sizeof REPORTS[0]))

static int find(const char *kind)
{
	for (int i = 0; i < N_REPORTS; i++)
		if (strcmp(REPORTS[i].kind, kind) == 0)
			return i;
	return -1;
}

int hub_report_known(const char *kind)
{
	return kind && find(kind) >= 0;
}

const char *hub_report_kinds(void)
{
	return "groups, eligibility, levels, loans, regions";
}

static int out_row(void *ctx, int nf, char **f)
{
	hub_out *o = ctx;
	if (nf != o->ncols)
		return SK_DBERR;
	o->rows++;
	return o->ops->row(o, f) == SK_OK ? 0 : SK_IOERR;
}

/* $SIKUBE_HUB_EXPLAIN set: the plan of the report's query instead of its rows (docs/hub.md:
 * which partitions a report reads). */
static int explain(hub *h, const struct hub_report_def *d, const char *wilayah, FILE *out,
		   sk_err *e)
{
	hub_sql q = { 0 };
	hub_sql_add(&q, "EXPLAIN (COSTS OFF) ");
	d->sql(&q, wilayah, h->threshold);
	PGresult *r = hub_query(h, q.s, 0, NULL, e);
	hub_sql_free(&q);
	if (!r)
		return SK_DBERR;
	for (int i = 0; i < PQntuples(r); i++)
		fprintf(out, "%s\n", PQgetvalue(r, i, 0));
	PQclear(r);
	return fflush(out) == 0 ? SK_OK : SK_IOERR;
}

int hub_report(hub *h, const char *kind, const char *wilayah, const report_opts *ro, FILE *out,
	       sk_err *e)
{
	/* the sheet's columns stay until the workbook is closed (xlsx_add_sheet) */
	static xlsx_col xcols[HUB_MAX_COLS];
	int i = find(kind);
	if (i < 0)
		return sk_err_set(e, SK_REFUSED, _("Jenis laporan hub tidak dikenal: %s (pilih %s)."),
				  kind, hub_report_kinds());
	const struct hub_report_def *d = &REPORTS[i];
	if (wilayah && (!region_level(wilayah) || !hub_region_known(h, wilayah)))
		return sk_err_set(e, SK_REFUSED, _("Kode wilayah %s tidak ada di daftar wilayah."),
				  wilayah);
	/* A report's queries are short: compiling them (PostgreSQL's JIT, which the loans'
	 * subplans price high enough to trigger) took 1.2 s of a province's regions report that
	 * runs in 0.2 s without it. */
	if (hub_exec(h, "SET jit = off", e) != SK_OK)
		return SK_DBERR;
	if (getenv("SIKUBE_HUB_EXPLAIN"))
		return explain(h, d, wilayah, out, e);
	char title[400];
	snprintf(title, sizeof title, "%s: %s", _(d->title), wilayah ? wilayah : _("seluruh Indonesia"));
	hub_col cols[HUB_MAX_COLS];
	for (int c = 0; c < d->ncols; c++)
		cols[c] = COLUMNS[d->cols[c]];
	hub_out o = { .ops = hub_out_ops_for(ro->fmt), .f = out, .ro = ro, .title = title,
		      .sheet = d->kind, .cols = cols, .ncols = d->ncols, .xcols = xcols };
	hub_sql q = { 0 };
	hub_sql_add(&q, "COPY (");
	d->sql(&q, wilayah, h->threshold);
	hub_sql_add(&q, ") TO STDOUT");
	int rc = o.ops->begin(&o, e);
	if (rc == SK_OK)
		rc = d->run ? d->run(h, wilayah, &o, q.s, e) : hub_copy_out(h, q.s, out_row, &o, e);
	hub_sql_free(&q);
	int erc = rc == SK_OK ? o.ops->end(&o, o.rows) : SK_OK;
	if (rc == SK_OK)
		rc = erc;
	if (rc == SK_IOERR)
		sk_err_set(e, rc, "%s", _("Laporan tidak dapat ditulis."));
	return rc;
}
