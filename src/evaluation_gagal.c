/* evaluation_gagal.c - where a group stands for the group list: its level and latest
 * assessment, an assessment due, and a group proposed as failed (no meeting for 12 weeks)
 * with the pendamping's decision on it, kept in the local table kelompok_gagal (format 2 of
 * the bundle has no column for it: docs/evaluasi.md, section 5). */
#include <stdio.h>
#include <string.h>
#include "db_row.h"
#include "evaluation.h"
#include "i18n.h"
#include "validate.h"

/* The days and months of the rules as SQL date modifiers. */
#define GAGAL_MOD "'-84 days'"
#define DUE_MOD "'-6 months'"
_Static_assert(EVAL_GAGAL_DAYS == 84 && EVAL_DUE_MONTHS == 6, "the modifiers above");

/* The group's latest live decision: keputusan and tanggal (the same day and second: the one
 * recorded last, rowid; the table is local, never merged). */
#define DECISION(col) \
	"(SELECT " col " FROM kelompok_gagal d WHERE d.kelompok_id=g.id AND d.dibatalkan=0 " \
	"ORDER BY d.tanggal DESC, d.dicatat_pada DESC, d.rowid DESC LIMIT 1)"
/* The last meeting. */
#define LAST_MEETING \
	"(SELECT max(p.tanggal) FROM pertemuan p WHERE p.kelompok_id=g.id AND p.dihapus=0)"

int evaluation_group_level(sk_db *db, const char *kelompok_id, const char *today,
			   sk_group_level *out, sk_err *e)
{
	static const char sql[] =
		"SELECT g.tingkat, coalesce(" EVALUATION_LATEST_SQL("g.id", "q_.tanggal", "") ",''), "
		"coalesce(" LAST_MEETING ",''), coalesce(" DECISION("d.keputusan") ",''), "
		/* the day from which 12 weeks without a meeting count: the last meeting, the
		 * founding, or the last judgement "still active", whichever is latest */
		"max(coalesce(" LAST_MEETING ",''), coalesce(g.tanggal_berdiri,''), "
		"coalesce(" DECISION("CASE WHEN d.keputusan='aktif' THEN d.tanggal END") ",'')), "
		"g.dihapus, date(:today," GAGAL_MOD "), date(:today," DUE_MOD ") "
		"FROM kelompok g WHERE g.id=:g";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_query(db, sql, e, ":g", kelompok_id, ":today", today);
	if (!st)
		return SK_DBERR;
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		char decision[8], since[16], cut[16], due[16];
		db_read_cols(st, 0, "sssss", DB_OUT(out->tingkat), DB_OUT(out->dinilai),
				    DB_OUT(out->terakhir), DB_OUT(decision), DB_OUT(since));
		int deleted = sqlite3_column_int(st, 5);
		db_col_text(st, 6, cut, sizeof cut);
		db_col_text(st, 7, due, sizeof due);
		out->due = !*out->dinilai || strcmp(out->dinilai, due) < 0;
		if (strcmp(decision, "gagal") == 0)
			out->gagal = EVAL_GAGAL_DECLARED;
		else if (!deleted && *since && strcmp(since, cut) <= 0)
			out->gagal = EVAL_GAGAL_CANDIDATE;
	}
	return db_row_end(st, rc, _("Kelompok tidak ditemukan."), e);
}

int evaluation_gagal_latest(sk_db *db, const char *kelompok_id, sk_gagal_decision *out,
			    sk_err *e)
{
	return table_one_by(db, &GAGAL_TABLE, "SELECT * FROM kelompok_gagal WHERE kelompok_id=:g "
			    "AND dibatalkan=0 ORDER BY tanggal DESC, dicatat_pada DESC, rowid DESC "
			    "LIMIT 1", ":g", kelompok_id, out, sizeof *out, "", e);
}

/* The local table kelompok_gagal (never exchanged, no stamps); dibatalkan starts at 0. */
TABLE_DEFINE(GAGAL_TABLE, SK_GAGAL_DECISION);

static void validate_decision(sk_db *db, const sk_gagal_decision *d, sk_issues *is)
{
	static const char *const KEPUTUSAN[] = { "gagal", "aktif", NULL };
	char today[11];
	sk_today(today);
	if (!valid_in(d->keputusan, KEPUTUSAN))
		sk_issues_add(is, "keputusan", SK_SEV_ERROR, "%s",
			      _("Keputusan harus gagal atau aktif."));
	validate_date_required(is, "tanggal", d->tanggal,
			       N_("Tanggal keputusan wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	if (*d->tanggal && strcmp(d->tanggal, today) > 0)
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s",
			      _("Tanggal keputusan tidak boleh sesudah hari ini."));
	if (!*d->oleh)
		sk_issues_add(is, "oleh", SK_SEV_ERROR, "%s",
			      _("Tulis siapa yang memutuskan (nama pendamping)."));
	validate_ref(db, is, "kelompok_id", "SELECT 1 FROM kelompok WHERE id=:id AND dihapus=0",
		     d->kelompok_id, _("Kelompok tidak ditemukan."));
}

int evaluation_gagal_decide(sk_db *db, sk_gagal_decision *d, sk_issues *is, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	sk_issues_clear(is);
	validate_decision(db, d, is);
	if (sk_issues_errors(is)) {
		db_end(db, 0, NULL);
		return validate_refusal(is, _("Keputusan belum benar; perbaiki isian yang ditandai."),
					e);
	}
	sk_uuid_new(d->id);
	sk_now_utc(d->dicatat_pada);
	rc = table_store(db, &GAGAL_TABLE, d, 1, "", e);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

int evaluation_gagal_cancel(sk_db *db, const char *kelompok_id, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	sqlite3_stmt *st = db_prepare(db, "UPDATE kelompok_gagal SET dibatalkan=1 WHERE "
				      "kelompok_id=:g AND dibatalkan=0", e);
	rc = SK_DBERR;
	if (st) {
		db_bind_text(st, ":g", kelompok_id);
		rc = db_step_write(db, st, _("Kelompok ini tidak punya keputusan gagal."), e);
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}
