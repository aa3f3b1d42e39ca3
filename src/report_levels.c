/* report_levels.c - `report levels` (spec/cli.md): each group's latest development assessment
 * and its quartile among the groups reported (Qk = k(n+1)/4, docs/evaluasi.md section 2); and
 * for the Laporan screen the counts per level and kecamatan and the groups whose assessment
 * is due. */
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "evaluation.h"
#include "i18n.h"
#include "report_priv.h"
#include "util.h"

struct level_row {
	char id[40], nama[SK_NAME_BYTES], kode[40], wilayah[16], tanggal[16];
	int v[EVAL_INDICATORS];
	int skor;
};

/* The latest assessment of each live group (never assessed: not listed), skor recomputed
 * from the indicators. */
static const char LEVELS_SQL[] =
	"SELECT g.id, g.nama, coalesce(g.kode,''), g.kode_wilayah, l.tanggal, l.s1, l.s2, l.s3, "
	"l.s4, l.e1, l.e2, l.e3, l.e4 FROM kelompok g CROSS JOIN evaluasi l ON l.id="
	EVALUATION_LATEST_SQL("g.id", "q_.id", "") " WHERE g.dihapus=0 AND (:g IS NULL OR g.id=:g) "
	"ORDER BY g.kode_wilayah, g.nama, g.id";

/* The rows of LEVELS_SQL into *out (the caller frees), *n of them. */
static int read_rows(sk_db *db, const char *group_id, struct level_row **out, int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, LEVELS_SQL, e);
	*out = NULL;
	*n = 0;
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", group_id);
	int cap = 0, rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = realloc(*out, sizeof **out * (size_t)cap);
			if (!*out)
				abort();
		}
		struct level_row *r = &(*out)[(*n)++];
		db_read_cols(st, 0, "sssss", DB_OUT(r->id), DB_OUT(r->nama), DB_OUT(r->kode),
				    DB_OUT(r->wilayah), DB_OUT(r->tanggal));
		for (int i = 0; i < EVAL_INDICATORS; i++)
			r->v[i] = sqlite3_column_int(st, 5 + i);
		r->skor = evaluation_score(r->v);
	}
	return db_rows_end(st, rc, e);
}

/* A quartile boundary (4 x Q) as people write it: "14", "14.25", "14.5", "14.75". */
static const char *quarter_text(int q4, char *out, size_t n)
{
	static const char *const FRAC[] = { "", ".25", ".5", ".75" };
	snprintf(out, n, "%d%s", q4 / 4, FRAC[q4 % 4]);
	return out;
}

/* spec/cli.md's columns; the workbook also has the group's code beside its id. */
static const xlsx_col LEVEL_COLS[] = {
	{ "kelompok_id", XC_CODE, 0 }, { "kode", XC_CODE, 1 }, { "nama", XC_TEXT, 0 },
	{ "kode_wilayah", XC_CODE, 0 }, { "tanggal", XC_DATE, 0 }, { "s1", XC_INT, 0 },
	{ "s2", XC_INT, 0 }, { "s3", XC_INT, 0 }, { "s4", XC_INT, 0 }, { "e1", XC_INT, 0 },
	{ "e2", XC_INT, 0 }, { "e3", XC_INT, 0 }, { "e4", XC_INT, 0 }, { "skor", XC_INT, 0 },
	{ "tingkat", XC_CODE, 0 }, { "kuartil", XC_INT, 0 },
};

static void table_row(report_table *t, const struct level_row *r, int kuartil)
{
	const char *tingkat = evaluation_level_name(r->skor);
	report_table_str(t, r->id);
	report_table_str(t, r->kode);
	report_table_str(t, r->nama);
	report_table_str(t, r->wilayah);
	report_table_str(t, r->tanggal);
	for (int i = 0; i < EVAL_INDICATORS; i++)
		report_table_int(t, r->v[i]);
	report_table_row(t, "isi", (int64_t)r->skor, tingkat ? tingkat : "", (int64_t)kuartil);
}

static void text_head(FILE *out, const sk_quartiles *q, int n, int never)
{
	char name[64];
	fprintf(out, "%s\n", _("Tingkat perkembangan kelompok (penilaian terakhir)"));
	if (n > 0) {
		char a[16], b[16], c[16];
		fprintf(out, _("Kuartil dari %d kelompok: Q1 = %s, Q2 = %s, Q3 = %s\n"), n,
			quarter_text(q->q4[0], a, sizeof a), quarter_text(q->q4[1], b, sizeof b),
			quarter_text(q->q4[2], c, sizeof c));
	}
	if (never > 0)
		fprintf(out, _("Belum pernah dinilai: %d kelompok (tidak masuk daftar ini)\n"), never);
	fprintf(out, "\n%s %-13s %-10s %-9s %4s %-10s %s\n", sk_fit(name, sizeof name,
		_("Kelompok"), 24), _("Wilayah"), _("Tanggal"), "s1-4 e1-4", _("Skor"), _("Tingkat"),
		"K");
}

static void text_row(FILE *out, const struct level_row *r, int kuartil)
{
	char name[160], lvl[64];
	const char *t = evaluation_level_name(r->skor);
	fprintf(out, "%s %-13s %-10s %d%d%d%d %d%d%d%d %4d %s %d\n",
		sk_fit(name, sizeof name, r->nama, 24), r->wilayah, r->tanggal, r->v[0], r->v[1],
		r->v[2], r->v[3], r->v[4], r->v[5], r->v[6], r->v[7], r->skor,
		sk_fit(lvl, sizeof lvl, evaluation_level_label(t), 10), kuartil);
}

/* Live groups never assessed (for the text report's note), or -1. */
static int never_assessed(sk_db *db, const char *group_id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM kelompok g WHERE g.dihapus=0 AND "
				      "(:g IS NULL OR g.id=:g) AND NOT EXISTS (SELECT 1 FROM evaluasi "
				      "e WHERE e.kelompok_id=g.id AND e.dihapus=0)", NULL);
	int64_t n = -1;
	if (st)
		db_bind_text(st, ":g", group_id);
	if (db_count(db, st, &n, NULL) != SK_OK)
		return -1;
	return (int)n;
}

/* report_levels inside its read transaction. */
static int write_levels(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	struct level_row *rows;
	int n;
	int rc = read_rows(db, o->group_id, &rows, &n, e);
	int *skor = rc == SK_OK ? malloc(sizeof *skor * (size_t)(n ? n : 1)) : NULL;
	if (rc == SK_OK && !skor)
		abort();
	sk_quartiles q;
	memset(&q, 0, sizeof q);
	for (int i = 0; rc == SK_OK && i < n; i++)
		skor[i] = rows[i].skor;
	if (rc == SK_OK && n > 0 && evaluation_quartiles(skor, n, &q) != 0)
		rc = sk_err_set(e, SK_DBERR, "%s", _("Nilai penilaian perkembangan rusak: jalankan "
						     "sikube check."));
	report_table t;
	if (rc == SK_OK)
		rc = report_table_begin(&t, o, out, "tingkat", REPORT_COLS(LEVEL_COLS), 1, e);
	if (rc == SK_OK && o->fmt == REPORT_TEXT)
		text_head(out, &q, n, never_assessed(db, o->group_id));
	for (int i = 0; rc == SK_OK && i < n; i++) {
		int k = evaluation_quartile(&q, rows[i].skor);
		if (o->fmt == REPORT_TEXT)
			text_row(out, &rows[i], k);
		else
			table_row(&t, &rows[i], k);
	}
	if (rc == SK_OK && o->fmt == REPORT_TEXT && n == 0)
		fprintf(out, "%s\n", _("Belum ada kelompok yang dinilai perkembangannya."));
	free(skor);
	free(rows);
	return rc;
}

int report_levels(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	return report_read(db, write_levels, o, out, e);
}

/* ---- For the Laporan screen ---------------------------------------------------------------- */

/* Per kecamatan of the live groups: groups per level of their latest assessment (its score
 * recomputed from the indicators, as report levels does), never assessed, and due on
 * :today. */
static const char COUNTS_SQL[] =
	"WITH g AS (SELECT substr(k.kode_wilayah,1,8) kec, "
	EVALUATION_LATEST_SQL("k.id", EVALUATION_SCORE_SQL("q_"), "") " skor, "
	EVALUATION_LATEST_SQL("k.id", "q_.tanggal", "") " tanggal FROM kelompok k WHERE "
	"k.dihapus=0) SELECT kec, coalesce((SELECT nama FROM wilayah WHERE kode=kec),''), "
	"coalesce(sum(skor BETWEEN 8 AND 15),0), coalesce(sum(skor BETWEEN 16 AND 22),0), "
	"coalesce(sum(skor BETWEEN 23 AND 28),0), coalesce(sum(skor BETWEEN 29 AND 32),0), "
	"coalesce(sum(skor IS NULL),0), coalesce(sum(tanggal IS NULL OR tanggal < "
	"date(:today,'-6 months')),0) FROM g GROUP BY kec ORDER BY kec";
_Static_assert(EVAL_DUE_MONTHS == 6, "COUNTS_SQL and DUE_SQL say 6 months");

int report_level_counts(sk_db *db, const char *today, report_level_count *out, int max, int *n,
			sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, COUNTS_SQL, e);
	*n = 0;
	if (!st || max < 1)
		return SK_DBERR;
	memset(&out[0], 0, sizeof out[0]);
	*n = 1; /* the total */
	db_bind_text(st, ":today", today);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		report_level_count c;
		memset(&c, 0, sizeof c);
		db_col_text(st, 0, c.kode, sizeof c.kode);
		db_col_text(st, 1, c.nama, sizeof c.nama);
		for (int i = 0; i < 4; i++)
			c.n[i] = sqlite3_column_int(st, 2 + i);
		c.belum = sqlite3_column_int(st, 6);
		c.due = sqlite3_column_int(st, 7);
		for (int i = 0; i < 4; i++)
			out[0].n[i] += c.n[i];
		out[0].belum += c.belum;
		out[0].due += c.due;
		if (*n < max)
			out[(*n)++] = c;
	}
	return db_rows_end(st, rc, e);
}

/* Live groups whose assessment is due on :today (never assessed first, then the oldest). */
#define DUE_FROM \
	"FROM (SELECT k.id, k.nama, coalesce(k.kode,'') kode, k.kode_wilayah, " \
	EVALUATION_LATEST_SQL("k.id", "q_.tanggal", "") " dinilai FROM kelompok k WHERE " \
	"k.dihapus=0) WHERE dinilai IS NULL OR dinilai < date(:today,'-6 months')"

int report_levels_due(sk_db *db, const char *today, int offset, int limit, report_due_row *out,
		      int *n, sk_err *e)
{
	*n = 0;
	sqlite3_stmt *st = db_query(db, "SELECT id, nama, kode, kode_wilayah, coalesce(dinilai,'') "
				    DUE_FROM " ORDER BY dinilai IS NOT NULL, dinilai, nama, id "
				    "LIMIT :lim OFFSET :off", e, ":today", today);
	if (!st)
		return SK_DBERR;
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = db_step(db, st, e)) == SQLITE_ROW) {
		report_due_row *r = &out[(*n)++];
		db_read_cols(st, 0, "sssss", DB_OUT(r->id), DB_OUT(r->nama), DB_OUT(r->kode),
				    DB_OUT(r->kode_wilayah), DB_OUT(r->dinilai));
	}
	if (*n == limit)
		rc = SQLITE_DONE;
	return db_rows_end(st, rc, e);
}

int report_levels_due_count(sk_db *db, const char *today)
{
	return db_count_text(db, "SELECT count(*) " DUE_FROM, ":today", today);
}
