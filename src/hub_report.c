/* hub_report.c - the hub's reports (spec/cli.md, "The hub"): which columns, from which SQL.
 * Group figures come from sikube.ringkas (kept by hub load), so a province or the whole
 * country is one row per group; every query names the province of --wilayah, so only that
 * province's partitions are read. */
#include <stdlib.h>
#include <string.h>
#include "hub_out.h"
#include "hub_priv.h"
#include "i18n.h"
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

/* ---- groups -------------------------------------------------------------------------------- */

static const hub_col GROUP_COLS[] = {
	{ "kelompok_id", HC_ID, N_("id"), HC_DATA_ONLY },
	{ "nama", HC_TEXT, N_("nama"), HC_TITLE },
	{ "kode_wilayah", HC_CODE, N_("wilayah"), 0 },
	{ "desa", HC_TEXT, N_("desa/kelurahan"), HC_TEXT_ONLY },
	{ "tingkat", HC_CODE, N_("tingkat"), 0 },
	{ "anggota_aktif", HC_INT, N_("anggota aktif"), 0 },
	{ "anggota_dinilai", HC_INT, N_("dinilai"), 0 },
	{ "anggota_miskin", HC_INT, N_("miskin"), 0 },
	{ "persen_miskin", HC_PERCENT, N_("persen miskin"), 0 },
	{ "pertemuan_terakhir", HC_DATE, N_("pertemuan terakhir"), 0 },
	{ "saldo_umum", HC_RUPIAH, N_("saldo kas umum"), 0 },
	{ "saldo_iks", HC_RUPIAH, N_("saldo IKS"), 0 },
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

static const hub_col ELIG_COLS[] = {
	{ "kelompok", HC_TEXT, N_("kelompok"), HC_TEXT_ONLY | HC_HEADING },
	{ "kelompok_id", HC_ID, N_("kelompok"), HC_DATA_ONLY },
	{ "anggota_id", HC_ID, N_("anggota"), HC_DATA_ONLY },
	{ "nik", HC_NIK, N_("NIK"), HC_TITLE },
	{ "nama", HC_TEXT, N_("nama"), HC_TITLE },
	{ "tanggal", HC_DATE, N_("dinilai"), 0 },
	{ "skor", HC_INT, N_("skor"), 0 },
	{ "kategori", HC_CODE, N_("kategori"), 0 },
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

/* ---- regions ------------------------------------------------------------------------------- */

static const hub_col REGION_COLS[] = {
	{ "kode_wilayah", HC_CODE, N_("kode"), HC_TITLE },
	{ "nama", HC_TEXT, N_("nama"), HC_TITLE },
	{ "kelompok", HC_INT, N_("kelompok"), 0 },
	{ "kelompok_aktif", HC_INT, N_("bertemu 90 hari terakhir"), 0 },
	{ "anggota", HC_INT, N_("anggota aktif"), 0 },
	{ "anggota_miskin", HC_INT, N_("miskin"), 0 },
	{ "persen_miskin", HC_PERCENT, N_("persen miskin"), 0 },
	{ "desil_1_4", HC_INT, N_("desil DTSEN 1-4"), 0 },
	{ "iks_terkumpul", HC_RUPIAH, N_("iuran IKS terkumpul"), 0 },
	{ "simpanan", HC_RUPIAH, N_("simpanan"), 0 },
	{ "pinjaman_beredar", HC_RUPIAH, N_("pinjaman beredar"), 0 },
	{ "tunggakan", HC_RUPIAH, N_("tunggakan"), 0 },
	{ "tumbuh", HC_INT, N_("tumbuh"), 0 },
	{ "berkembang", HC_INT, N_("berkembang"), 0 },
	{ "maju", HC_INT, N_("maju"), 0 },
	{ "mandiri", HC_INT, N_("mandiri"), 0 },
};

/* Length of a region code of level lvl (1-4). */
static int code_len(int lvl)
{
	static const int len[] = { 2, 5, 8, 13 };
	return len[lvl - 1];
}

/* Per region one level below kode (the provinces for the whole country; a village itself). */
static void regions_sql(hub_sql *q, const char *kode, int threshold)
{
	(void)threshold;
	int lvl = kode ? region_level(kode) : 0;
	int sub = lvl < REGION_DESA ? lvl + 1 : REGION_DESA;
	hub_sql_add(q, "WITH sub AS (SELECT kode, nama FROM " HUB_SCHEMA ".wilayah WHERE ");
	if (!kode)
		hub_sql_add(q, "tingkat = 1");
	else if (lvl == REGION_DESA)
		hub_sql_add(q, "kode = '%s'", kode);
	else
		hub_sql_add(q, "tingkat = %d AND kode LIKE '%s.%%'", sub, kode);
	/* The groups summed per region first (one pass over the province's groups), then
	 * set beside every region of the level, those without a group too. kelompok_aktif: a
	 * meeting in the 90 days up to today. The savings and loan figures wait for the
	 * savings-and-loans tables (format 2). */
	hub_sql_add(q, "), agg AS MATERIALIZED (SELECT substr(g.kode_wilayah, 1, %d) AS k, count(*) AS kelompok, "
		    "count(*) FILTER (WHERE r.pertemuan_terakhir > current_date - 90) AS aktif, "
		    "sum(r.anggota_aktif) AS anggota, sum(r.anggota_miskin) AS miskin, "
		    "sum(r.anggota_dinilai) AS dinilai, sum(r.desil_1_4) AS desil, "
		    "sum(r.iks_terkumpul) AS iks, "
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
		    "NULL, NULL, NULL, coalesce(a.t1, 0), coalesce(a.t2, 0), coalesce(a.t3, 0), "
		    "coalesce(a.t4, 0) FROM sub LEFT JOIN agg a ON a.k = sub.kode ORDER BY sub.kode");
}

/* ---- the table of reports ------------------------------------------------------------------ */

#define NCOLS(a) ((int)(sizeof a / sizeof a[0]))

static const struct hub_report_def {
	const char *kind;
	const char *title;            /* msgid */
	const hub_col *cols;
	int ncols;
	void (*sql)(hub_sql *q, const char *kode, int threshold);
	const char *missing;          /* msgid: why it cannot run yet, or NULL */
} REPORTS[] = {
	{ "groups", N_("Kelompok KUBE"), GROUP_COLS, NCOLS(GROUP_COLS), groups_sql, NULL },
	{ "eligibility", N_("Kelayakan anggota (penilaian terakhir, 14 kriteria BPS)"), ELIG_COLS,
	  NCOLS(ELIG_COLS), elig_sql, NULL },
	{ "levels", N_("Tingkat perkembangan kelompok"), NULL, 0, NULL,
	  N_("Laporan levels belum tersedia di hub: penilaian perkembangan kelompok (evaluasi.csv, "
	     "bundel format 2) belum dibawa bundel versi ini.") },
	{ "loans", N_("Pinjaman anggota"), NULL, 0, NULL,
	  N_("Laporan loans belum tersedia di hub: simpan pinjam (pinjaman.csv dan angsuran.csv, "
	     "bundel format 2) belum dibawa bundel versi ini.") },
	{ "regions", N_("Rekap per wilayah"), REGION_COLS, NCOLS(REGION_COLS), regions_sql, NULL },
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
	if (d->missing)
		return sk_err_set(e, SK_REFUSED, "%s", _(d->missing));
	if (wilayah && (!region_level(wilayah) || !hub_region_known(h, wilayah)))
		return sk_err_set(e, SK_REFUSED, _("Kode wilayah %s tidak ada di daftar wilayah."),
				  wilayah);
	if (getenv("SIKUBE_HUB_EXPLAIN"))
		return explain(h, d, wilayah, out, e);
	char title[400];
	snprintf(title, sizeof title, "%s: %s", _(d->title), wilayah ? wilayah : _("seluruh Indonesia"));
	hub_out o = { .ops = hub_out_ops_for(ro->fmt), .f = out, .ro = ro, .title = title,
		      .sheet = d->kind, .cols = d->cols, .ncols = d->ncols, .xcols = xcols };
	hub_sql q = { 0 };
	hub_sql_add(&q, "COPY (");
	d->sql(&q, wilayah, h->threshold);
	hub_sql_add(&q, ") TO STDOUT");
	int rc = o.ops->begin(&o, e);
	if (rc == SK_OK)
		rc = hub_copy_out(h, q.s, out_row, &o, e);
	hub_sql_free(&q);
	int erc = rc == SK_OK ? o.ops->end(&o, o.rows) : SK_OK;
	if (rc == SK_OK)
		rc = erc;
	if (rc == SK_IOERR)
		sk_err_set(e, rc, "%s", _("Laporan tidak dapat ditulis."));
	return rc;
}
