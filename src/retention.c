/* retention.c - anonymising members who left, after the retention setting (retention.h). */
#include <stdio.h>
#include <stdlib.h>
#include "db_access.h"
#include "i18n.h"
#include "retention.h"
#include "util.h"

#define SETTING "retensi_bulan"

int retention_months(sk_db *db)
{
	char v[16];
	db_setting_get(db, SETTING, "0", v, sizeof v);
	int m = atoi(v);
	return m > 0 ? m : 0;
}

int retention_set(sk_db *db, int months, sk_err *e)
{
	if (months < 0 || months > 1200)
		return sk_err_set(e, SK_REFUSED, "%s", _("Masa simpan harus 0 sampai 1200 bulan."));
	int rc = db_permit(db, SK_ACT_SETTINGS, e);
	if (rc != SK_OK)
		return rc;
	char v[16];
	snprintf(v, sizeof v, "%d", months);
	return db_setting_set(db, SETTING, v, e);
}

/* The members to anonymise: left before the cut-off date, not anonymised yet. */
#define DUE "tanggal_keluar IS NOT NULL AND tanggal_keluar < :cut AND nama IS NOT 'Anonim'"

int retention_apply(sk_db *db, int *count, sk_err *e)
{
	*count = 0;
	int months = retention_months(db);
	if (!months)
		return SK_OK;
	char cut[11];
	sqlite3_stmt *c = db_prepare(db, "SELECT date('now', 'localtime', '-' || :m || ' months')", e);
	if (!c)
		return SK_DBERR;
	db_bind_int64(c, ":m", months);
	int rc = db_step(db, c, e);
	if (rc == SQLITE_ROW)
		db_col_text(c, 0, cut, sizeof cut);
	db_reset(c);
	if (rc != SQLITE_ROW)
		return e ? e->status : SK_DBERR;
	rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	/* One note instead of the personal data going into the trail once more. */
	db_audit_rows(db, 0);
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	static const char *const SQL[] = {
		"CREATE TEMP TABLE IF NOT EXISTS anonim_id(id TEXT PRIMARY KEY); DELETE FROM temp.anonim_id",
		"INSERT INTO temp.anonim_id SELECT id FROM anggota WHERE " DUE,
		"UPDATE penilaian SET catatan=NULL, diubah_pada=:t WHERE catatan IS NOT NULL AND "
		"anggota_id IN (SELECT id FROM temp.anonim_id)",
		"UPDATE anggota SET nama='Anonim', nik=substr(nik,1,6) || '0101009999', "
		"no_kk=substr(no_kk,1,6) || '0101009999', tempat_lahir=NULL, tanggal_lahir=NULL, "
		"alamat=NULL, rt=NULL, rw=NULL, telepon=NULL, catatan=NULL, dihapus=1, diubah_pada=:t "
		"WHERE id IN (SELECT id FROM temp.anonim_id)",
		"UPDATE jejak SET lama=NULL, baru=NULL WHERE (lama IS NOT NULL OR baru IS NOT NULL) AND "
		"anggota_id IN (SELECT id FROM temp.anonim_id)",
	};
	for (size_t i = 0; rc == SK_OK && i < sizeof SQL / sizeof SQL[0]; i++) {
		if (i == 0) {
			rc = db_exec(db, SQL[0], e);
			continue;
		}
		sqlite3_stmt *st = db_prepare(db, SQL[i], e);
		if (!st) {
			rc = SK_DBERR;
			break;
		}
		db_bind_texts_present(st, ":cut", cut, ":t", now);
		if (db_step(db, st, e) != SQLITE_DONE)
			rc = e ? e->status : SK_DBERR;
		db_reset(st);
		if (i == 1)
			*count = (int)db_int(db, "SELECT count(*) FROM temp.anonim_id", 0);
	}
	if (rc == SK_OK && *count > 0) {
		char note[160];
		snprintf(note, sizeof note, "%d anggota yang keluar sebelum %s dianonimkan (masa simpan "
			 "%d bulan)", *count, cut, months);
		rc = db_audit_note(db, "anonimisasi", "anggota", NULL, NULL, NULL, note, e);
	}
	int erc = db_end(db, rc == SK_OK, e);
	if (rc != SK_OK)
		*count = 0;
	return rc == SK_OK ? erc : rc;
}
