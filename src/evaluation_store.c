/* evaluation_store.c - development assessments for the screens: save (the group's tingkat
 * following the latest), delete, the latest one of a group, its history. */
#include <stdio.h>
#include <string.h>
#include "evaluation.h"
#include "i18n.h"

static const char *notfound(void)
{
	return _("Penilaian perkembangan tidak ditemukan.");
}

/* The level of the group's latest live assessment, when it has one. */
#define LATEST_LEVEL(g) EVALUATION_LATEST_SQL(g, "q_.tingkat", "")

int evaluation_sync_level(sk_db *db, const char *kelompok_id, sk_err *e)
{
	static const char sql[] =
		"UPDATE kelompok SET tingkat=" LATEST_LEVEL(":g") " WHERE id=:g AND "
		LATEST_LEVEL(":g") " IS NOT NULL AND tingkat IS NOT " LATEST_LEVEL(":g");
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", kelompok_id);
	int rc = db_step(db, st, e);
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e && e->status ? e->status : SK_DBERR);
}

int evaluation_sync_levels(sk_db *db, const char *groups, sk_err *e)
{
	char sql[2048];
	int n = snprintf(sql, sizeof sql,
			 "UPDATE kelompok SET tingkat=" LATEST_LEVEL("kelompok.id") " WHERE id IN (%s) "
			 "AND dihapus=0 AND " LATEST_LEVEL("kelompok.id") " IS NOT NULL AND tingkat IS NOT "
			 LATEST_LEVEL("kelompok.id"), groups);
	if (n < 0 || (size_t)n >= sizeof sql)
		return sk_err_set(e, SK_DBERR, "%s", _("Kesalahan program: perintah terlalu panjang."));
	return db_exec(db, sql, e);
}

/* Checks of a save from the screens beyond the field and link rules: a live group, no
 * future date. Appended to is. */
static void check_save(sk_db *db, const sk_evaluation *ev, sk_issues *is)
{
	table_check_dated(db, ev->tanggal, _("Tanggal penilaian tidak boleh sesudah hari ini."),
			  "SELECT dihapus FROM kelompok WHERE id=:id", ev->kelompok_id, "kelompok_id",
			  _("Kelompok ini sudah dihapus; penilaiannya tidak bisa disimpan."), is);
}

static void check(sk_db *db, void *row, sk_issues *is)
{
	sk_evaluation *ev = row;
	evaluation_derive(ev);
	evaluation_mark_overrides(ev);
	sk_issues_clear(is);
	evaluation_validate_fields(ev, is);
	evaluation_validate_links(db, ev, is);
	check_save(db, ev, is);
}

/* The group's tingkat follows its latest assessment. */
static int after(sk_db *db, const void *row, sk_err *e)
{
	return evaluation_sync_level(db, ((const sk_evaluation *)row)->kelompok_id, e);
}

static const table_save_ops SAVE = {
	.refused = N_("Penilaian belum benar; perbaiki isian yang ditandai."),
	.notfound = N_("Penilaian perkembangan tidak ditemukan."),
	.check = check,
	.after = after,
};

TABLE_INSERT_UPDATE(evaluation, sk_evaluation, EVALUATION_TABLE, SAVE)

int evaluation_delete(sk_db *db, const char *id, sk_err *e)
{
	sk_evaluation ev;
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = evaluation_get(db, id, &ev, e);
	if (rc == SK_OK)
		rc = DB_SOFT_DELETE_LIVE(db, "evaluasi", id, notfound(), e);
	if (rc == SK_OK)
		rc = evaluation_sync_level(db, ev.kelompok_id, e);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

int evaluation_latest(sk_db *db, const char *kelompok_id, sk_evaluation *out, sk_err *e)
{
	static const char sql[] = "SELECT " EVALUATION_LATEST_SQL(":g", "q_.id", "");
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (st)
		db_bind_text(st, ":g", kelompok_id);
	char id[SK_UUID_LEN + 1];
	if (db_text(db, st, id, sizeof id, e) != 1)
		return e && e->status ? e->status : SK_DBERR;
	if (!*id)
		return SK_NOTFOUND;
	return evaluation_get(db, id, out, e);
}

/* A line of the history, by column name. */
TABLE_VIEW(HISTORY_ROW, SK_EVALUATION_ROW);

/* A line with its score recomputed from the indicators. */
static void read_history(const void *arg, sqlite3_stmt *st, void *row)
{
	sk_evaluation_row *r = row;
	(void)arg;
	table_read(&HISTORY_ROW, st, r);
	r->skor = evaluation_score(r->v);
}

int evaluation_history(sk_db *db, const char *kelompok_id, int offset, int limit,
		       sk_evaluation_row *out, int *n, sk_err *e)
{
	static const char sql[] =
		"SELECT * FROM evaluasi WHERE kelompok_id=:g AND dihapus=0 "
		"ORDER BY tanggal DESC, diubah_pada DESC, id DESC LIMIT :lim OFFSET :off";
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (st) {
		db_bind_text(st, ":g", kelompok_id);
		db_bind_int64(st, ":lim", limit);
		db_bind_int64(st, ":off", offset);
	}
	return db_rows(db, st, out, sizeof *out, limit, n, read_history, NULL, e);
}

int evaluation_count(sk_db *db, const char *kelompok_id)
{
	return db_count_text(db, "SELECT count(*) FROM evaluasi WHERE kelompok_id=:g AND dihapus=0",
			     ":g", kelompok_id);
}

void evaluation_last_assessor(sk_db *db, char *out, size_t n)
{
	db_text(db, db_prepare(db, "SELECT penilai FROM evaluasi WHERE dihapus=0 AND "
			       "coalesce(penilai,'')<>'' ORDER BY diubah_pada DESC LIMIT 1", NULL),
		out, n, NULL);
}
