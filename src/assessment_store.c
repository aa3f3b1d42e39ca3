/* assessment_store.c - eligibility assessments for the screens: save, delete, the latest one
 * of a member or a household, a member's history. Rules and raw storage are in assessment.c. */
#include <stdio.h>
#include <string.h>
#include "assessment.h"
#include "db_access.h"
#include "i18n.h"

/* Checks of a save from the screens beyond assessment_validate: a live member, no future
 * date. Appended to is. */
static void check_save(sk_db *db, const sk_assessment *a, sk_issues *is)
{
	table_check_dated(db, a->tanggal, _("Tanggal penilaian tidak boleh sesudah hari ini."),
			  "SELECT dihapus FROM anggota WHERE id=:id", a->anggota_id, "anggota_id",
			  _("Anggota ini sudah dihapus; penilaiannya tidak bisa disimpan."), is);
}

/* 1 when a sets an answer against its figures (an override) that the stored row (none for a
 * new one) does not already hold: an eligibility override, which needs a second operator
 * (four eyes, db_access.h). */
static int new_override(sk_db *db, const sk_assessment *a, int insert)
{
	sk_assessment old;
	int have_old = !insert && assessment_get(db, a->id, &old, NULL) == SK_OK;
	for (int i = 0; i < 14; i++)
		if (assessment_overridden(a, i) && (!have_old || old.k[i] != a->k[i]))
			return 1;
	return 0;
}

static void check(sk_db *db, void *row, sk_issues *is)
{
	sk_assessment *a = row;
	assessment_derive(a);
	assessment_score(a, assessment_threshold(db));
	assessment_validate(db, a, is);
	check_save(db, a, is);
}

/* An override needs a second operator. */
static int allow(sk_db *db, const void *row, int insert, sk_err *e)
{
	if (!new_override(db, row, insert))
		return SK_OK;
	return db_four_eyes_require(db, "penimpaan_kelayakan", _("jawaban kriteria yang menimpa "
								 "angkanya (penimpaan kelayakan)"), e);
}

static int permit(sk_db *db, sk_err *e)
{
	return db_permit(db, SK_ACT_ASSESS, e);
}

static const table_save_ops SAVE = {
	.refused = N_("Penilaian belum benar; perbaiki isian yang ditandai."),
	.notfound = N_("Penilaian tidak ditemukan."),
	.permit = permit,
	.check = check,
	.allow = allow,
};

TABLE_INSERT_UPDATE(assessment, sk_assessment, ASSESSMENT_TABLE, SAVE)

int assessment_delete(sk_db *db, const char *id, sk_err *e)
{
	return DB_SOFT_DELETE_LIVE(db, "penilaian", id, _("Penilaian tidak ditemukan."), e);
}

/* Run a one-text-column query bound to :k into out; 1 when a row came back. */
static int one_text(sk_db *db, const char *sql, const char *k, const char *x, char *out,
		    size_t n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (st)
		db_bind_text(st, ":k", k);
	if (st && sqlite3_bind_parameter_index(st, ":x"))
		db_bind_text(st, ":x", x);
	return db_text(db, st, out, n, e);
}

/* Read the assessment id found by sql into out, scored with the threshold in use. */
static int read_found(sk_db *db, const char *sql, const char *k, const char *x,
		      sk_assessment *out, sk_err *e)
{
	char id[SK_UUID_LEN + 1];
	int found = one_text(db, sql, k, x, id, sizeof id, e);
	if (found < 0)
		return e ? e->status : SK_DBERR;
	if (!found || !*id)
		return SK_NOTFOUND;
	int rc = assessment_get(db, id, out, e);
	if (rc == SK_OK)
		assessment_score(out, assessment_threshold(db));
	return rc;
}

int assessment_latest(sk_db *db, const char *anggota_id, sk_assessment *out, sk_err *e)
{
	static const char sql[] = "SELECT " ASSESSMENT_LATEST_ID_SQL(":k", "");
	return read_found(db, sql, anggota_id, NULL, out, e);
}

int assessment_latest_for_kk(sk_db *db, const char *no_kk, const char *exclude,
			     sk_assessment *out, sk_err *e)
{
	static const char sql[] =
		"SELECT p.id FROM penilaian p JOIN anggota a ON a.id=p.anggota_id "
		"WHERE a.no_kk=:k AND a.dihapus=0 AND a.id IS NOT :x AND p.dihapus=0 "
		"ORDER BY p.tanggal DESC, p.diubah_pada DESC, p.id DESC LIMIT 1";
	if (!no_kk || !*no_kk)
		return SK_NOTFOUND;
	return read_found(db, sql, no_kk, exclude, out, e);
}

void assessment_copy_for(const sk_assessment *src, const char *anggota_id, sk_assessment *out)
{
	*out = *src;
	out->id[0] = '\0';
	out->diubah_pada[0] = '\0';
	out->dihapus = 0;
	sk_strlcpy(out->anggota_id, anggota_id, sizeof out->anggota_id);
}

void assessment_last_assessor(sk_db *db, char *out, size_t n)
{
	db_text(db, db_prepare(db, "SELECT penilai FROM penilaian WHERE dihapus=0 AND "
			       "coalesce(penilai,'')<>'' ORDER BY diubah_pada DESC LIMIT 1", NULL),
		out, n, NULL);
}

/* A line of the history, by column name. */
TABLE_VIEW(HISTORY_ROW, SK_ASSESSMENT_ROW);

/* A line, poor or not by the threshold *arg. */
static void read_history(const void *arg, sqlite3_stmt *st, void *row)
{
	sk_assessment_row *r = row;
	table_read(&HISTORY_ROW, st, r);
	r->miskin = r->skor >= *(const int *)arg;
}

int assessment_history(sk_db *db, const char *anggota_id, int offset, int limit,
		       sk_assessment_row *out, int *n, sk_err *e)
{
	static const char sql[] =
		"SELECT p.id, p.tanggal, p.penilai, " ASSESSMENT_SCORE_SQL("p") " skor, p.ditimpa, "
		"p.catatan FROM penilaian p WHERE p.anggota_id=:a AND p.dihapus=0 "
		"ORDER BY p.tanggal DESC, p.diubah_pada DESC, p.id DESC LIMIT :lim OFFSET :off";
	sqlite3_stmt *st = db_prepare(db, sql, e);
	int threshold = assessment_threshold(db);
	if (st) {
		db_bind_text(st, ":a", anggota_id);
		db_bind_int64(st, ":lim", limit);
		db_bind_int64(st, ":off", offset);
	}
	return db_rows(db, st, out, sizeof *out, limit, n, read_history, &threshold, e);
}

int assessment_count(sk_db *db, const char *anggota_id)
{
	return db_count_text(db, "SELECT count(*) FROM penilaian WHERE anggota_id=:a AND dihapus=0",
			     ":a", anggota_id);
}
