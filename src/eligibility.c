/* eligibility.c - members' latest assessments and the compliance of groups and the office. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "eligibility.h"
#include "group.h"
#include "i18n.h"

int eligibility_percent(int part, int whole)
{
	return whole > 0 ? (part * 200 + whole) / (2 * whole) : -1;
}

int eligibility_over_limit(int tidak_miskin, int dinilai)
{
	/* tidak_miskin / dinilai > 20 / 100, in integers. */
	return dinilai > 0 && tidak_miskin * 100 > ELIGIBILITY_MAX_NOT_POOR_PCT * dinilai;
}

/* Active members of live groups; G is " AND a.kelompok_id=:g" for one group (so the index on
 * kelompok_id is used) or "" for all. Groups drive the join (CROSS JOIN keeps that order):
 * kelompok_urut and anggota_urut then give the rows in the lists' order, so a page, even the
 * last of 30,000 members, is read without sorting them all. */
#define MEMBERS(G) \
	" FROM kelompok g CROSS JOIN anggota a ON g.id=a.kelompok_id " \
	"WHERE a.dihapus=0 AND a.tanggal_keluar IS NULL AND g.dihapus=0" G
#define ONE_GROUP " AND a.kelompok_id=:g"
/* The same joined to the assessment that counts for each member (alias p). */
#define WITH_LATEST(G) \
	" FROM anggota a JOIN kelompok g ON g.id=a.kelompok_id LEFT JOIN penilaian p ON p.id=" \
	ASSESSMENT_LATEST_ID_SQL("a.id", "") \
	" WHERE a.dihapus=0 AND a.tanggal_keluar IS NULL AND g.dihapus=0" G
#define SCORE ASSESSMENT_SCORE_SQL("p")
#define DUE ELIGIBILITY_DUE_SQL("p", ":today")

/* Bind the parameters a statement has: :g, :s (search), :f (filter), :t (threshold),
 * :today. */
static void bind_common(sqlite3_stmt *st, sk_db *db, const char *group_id, const char *search,
			int filter, const char *today)
{
	char buf[11];
	if (!today || !*today) {
		sk_today(buf);
		today = buf;
	}
	if (sqlite3_bind_parameter_index(st, ":g"))
		db_bind_text(st, ":g", group_id);
	if (sqlite3_bind_parameter_index(st, ":s"))
		db_bind_like(st, ":s", search);
	if (sqlite3_bind_parameter_index(st, ":f"))
		db_bind_int64(st, ":f", filter);
	if (sqlite3_bind_parameter_index(st, ":t"))
		db_bind_int64(st, ":t", assessment_threshold(db));
	if (sqlite3_bind_parameter_index(st, ":today"))
		db_bind_text(st, ":today", today);
}

/* Per member one value from its latest assessment, read from the index penilaian_terbaru
 * alone: score * 2 + (assessed before the due date), NULL when never assessed (the same
 * latest, score and due rules as WITH_LATEST, SCORE and DUE). MATERIALIZED: the
 * sums below would otherwise each run the lookup again. */
#define LATEST_V \
	ASSESSMENT_LATEST_SQL("a.id", ASSESSMENT_SCORE_SQL("q_") " * 2 + (q_.tanggal < " \
			      "date(:today,'-" ELIGIBILITY_STR(ELIGIBILITY_DUE_MONTHS) " months'))", "")
#define STATS_SQL(G) \
	"WITH m AS MATERIALIZED (SELECT " LATEST_V " AS v" MEMBERS(G) ") " \
	"SELECT count(*), count(v), coalesce(sum(v / 2 >= :t),0), coalesce(sum(v / 2 < :t),0), " \
	"coalesce(sum(v IS NULL OR v % 2 = 1),0) FROM m"

int eligibility_stats(sk_db *db, const char *group_id, const char *today, sk_elig_stats *out,
		      sk_err *e)
{
	static const char one[] = STATS_SQL(ONE_GROUP), all[] = STATS_SQL("");
	memset(out, 0, sizeof *out);
	out->persen_tidak_miskin = -1;
	sqlite3_stmt *st = db_prepare(db, group_id ? one : all, e);
	if (!st)
		return SK_DBERR;
	bind_common(st, db, group_id, NULL, 0, today);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		out->aktif = sqlite3_column_int(st, 0);
		out->dinilai = sqlite3_column_int(st, 1);
		out->miskin = sqlite3_column_int(st, 2);
		out->tidak_miskin = sqlite3_column_int(st, 3);
		out->perlu_dinilai = sqlite3_column_int(st, 4);
		out->persen_tidak_miskin = eligibility_percent(out->tidak_miskin, out->dinilai);
		out->lewat_batas = eligibility_over_limit(out->tidak_miskin, out->dinilai);
	}
	db_reset(st);
	return rc == SQLITE_ROW ? SK_OK : (e ? e->status : SK_DBERR);
}

int eligibility_groups(sk_db *db, const char *search, const char *today, int offset, int limit,
		       sk_elig_group *out, int *n, sk_err *e)
{
	*n = 0;
	if (limit <= 0)
		return SK_OK;
	sk_group_row *rows = calloc((size_t)limit, sizeof *rows);
	if (!rows)
		return sk_err_set(e, SK_DBERR, "%s", _("Memori tidak cukup."));
	int got = 0;
	int rc = group_list(db, search, offset, limit, rows, &got, e);
	for (int i = 0; rc == SK_OK && i < got; i++) {
		sk_elig_group *g = &out[i];
		memset(g, 0, sizeof *g);
		sk_strlcpy(g->id, rows[i].id, sizeof g->id);
		sk_strlcpy(g->kode, rows[i].kode, sizeof g->kode);
		sk_strlcpy(g->nama, rows[i].nama, sizeof g->nama);
		sk_strlcpy(g->desa, rows[i].desa, sizeof g->desa);
		rc = eligibility_stats(db, g->id, today, &g->st, e);
		if (rc == SK_OK)
			*n = i + 1;
	}
	free(rows);
	return rc;
}

#define SEARCH " AND (:s IS NULL OR a.nama LIKE '%'||:s||'%'" DB_LIKE_ESCAPE \
	" OR a.nik LIKE :s||'%'" DB_LIKE_ESCAPE ")"
#define FILTER " AND ((:f=1 AND " DUE ") OR (:f=2 AND " SCORE " < :t))"
#define ORDER " ORDER BY g.urut_nama, g.id, a.urut_nama, a.id"
#define ROW_COLS \
	"SELECT a.id, a.kelompok_id, g.nama, a.nik, a.no_kk, a.nama, a.terdaftar_dtsen, " \
	"coalesce(a.desil_dtsen,0), coalesce(p.id,''), coalesce(p.tanggal,''), " \
	"coalesce(" SCORE ",0), " DUE
/* Every member: the page is chosen from the members alone, then only its rows look up their
 * latest assessment (a page of 30,000 members stays quick). */
#define PAGE_SQL(G) \
	"WITH pg AS (SELECT a.id, a.kelompok_id, g.nama AS g_nama, a.nik, a.no_kk, a.nama, " \
	"a.terdaftar_dtsen, a.desil_dtsen, g.urut_nama AS g_urut, a.urut_nama AS a_urut" MEMBERS(G) SEARCH ORDER " LIMIT :lim OFFSET :off) " \
	"SELECT a.id, a.kelompok_id, a.g_nama, a.nik, a.no_kk, a.nama, a.terdaftar_dtsen, " \
	"coalesce(a.desil_dtsen,0), coalesce(p.id,''), coalesce(p.tanggal,''), " \
	"coalesce(" SCORE ",0), " DUE " FROM pg a LEFT JOIN penilaian p ON p.id=" \
	ASSESSMENT_LATEST_ID_SQL("a.id", "") " ORDER BY a.g_urut, a.kelompok_id, a.a_urut, a.id"
/* A filter needs every member's latest assessment. */
#define FILTERED_SQL(G) ROW_COLS WITH_LATEST(G) SEARCH FILTER ORDER " LIMIT :lim OFFSET :off"

/* [one group?][filtered?] */
static const char *const COUNT_SQL[2][2] = {
	{ "SELECT count(*)" MEMBERS("") SEARCH, "SELECT count(*)" WITH_LATEST("") SEARCH FILTER },
	{ "SELECT count(*)" MEMBERS(ONE_GROUP) SEARCH,
	  "SELECT count(*)" WITH_LATEST(ONE_GROUP) SEARCH FILTER },
};
static const char *const LIST_SQL[2][2] = {
	{ PAGE_SQL(""), FILTERED_SQL("") },
	{ PAGE_SQL(ONE_GROUP), FILTERED_SQL(ONE_GROUP) },
};

static sqlite3_stmt *prepare_query(sk_db *db, const char *const sql[2][2], const sk_elig_query *q,
				   sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql[q->group_id != NULL][q->filter != ELIG_ALL], e);
	if (st)
		bind_common(st, db, q->group_id, q->search, q->filter, q->today);
	return st;
}

int eligibility_count(sk_db *db, const sk_elig_query *q)
{
	int64_t n;
	return db_count(db, prepare_query(db, COUNT_SQL, q, NULL), &n, NULL) == SK_OK ? (int)n : -1;
}

static void read_row(sqlite3_stmt *st, int threshold, sk_elig_row *r)
{
	memset(r, 0, sizeof *r);
	db_col_text(st, 0, r->anggota_id, sizeof r->anggota_id);
	db_col_text(st, 1, r->kelompok_id, sizeof r->kelompok_id);
	db_col_text(st, 2, r->kelompok_nama, sizeof r->kelompok_nama);
	db_col_text(st, 3, r->nik, sizeof r->nik);
	db_col_text(st, 4, r->no_kk, sizeof r->no_kk);
	db_col_text(st, 5, r->nama, sizeof r->nama);
	r->terdaftar_dtsen = sqlite3_column_int(st, 6);
	r->desil_dtsen = sqlite3_column_int(st, 7);
	db_col_text(st, 8, r->penilaian_id, sizeof r->penilaian_id);
	r->dinilai = r->penilaian_id[0] != '\0';
	db_col_text(st, 9, r->tanggal, sizeof r->tanggal);
	r->skor = sqlite3_column_int(st, 10);
	r->miskin = r->dinilai && r->skor >= threshold;
	r->perlu_dinilai = sqlite3_column_int(st, 11);
}

int eligibility_list(sk_db *db, const sk_elig_query *q, int offset, int limit,
		     sk_elig_row *out, int *n, sk_err *e)
{
	*n = 0;
	sqlite3_stmt *st = prepare_query(db, LIST_SQL, q, e);
	if (!st)
		return SK_DBERR;
	int threshold = assessment_threshold(db);
	db_bind_int64(st, ":lim", limit);
	db_bind_int64(st, ":off", offset);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = db_step(db, st, e)) == SQLITE_ROW)
		read_row(st, threshold, &out[(*n)++]);
	if (*n == limit)
		rc = SQLITE_DONE;
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

void eligibility_verdict(sk_db *db, const char *anggota_id, char *out, size_t n)
{
	sk_assessment a;
	if (assessment_latest(db, anggota_id, &a, NULL) != SK_OK) {
		snprintf(out, n, "%s", _("Belum pernah dinilai menurut 14 kriteria BPS (menu Kelayakan)."));
		return;
	}
	snprintf(out, n, _("Penilaian terakhir %s: skor %d dari 14, %s."), a.tanggal, a.skor,
		 strcmp(a.kategori, "miskin") == 0 ? _("miskin") : _("tidak miskin"));
}
