/* report_trend.c - a group's 12-month trend (closing balances of both books, meetings held,
 * attendance) and month arithmetic. Drawn by the Laporan screen, but core code: no curses,
 * tested without a terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "cashbook.h"
#include "i18n.h"
#include "report.h"
#include "util.h"

void report_month_add(const char *month, int n, char out[8])
{
	int y = atoi(month), m = atoi(month + 5) - 1 + n;
	y += m >= 0 ? m / 12 : -((11 - m) / 12);
	m = ((m % 12) + 12) % 12;
	char buf[32];
	snprintf(buf, sizeof buf, "%04d-%02d", y, m + 1);
	sk_strlcpy(out, buf, 8);
}

/* Meetings and attendance of one month. */
static int month_attendance(sk_db *db, const char *g, report_trend_month *t, sk_err *e)
{
	sqlite3_stmt *st = db_query(db, "SELECT (SELECT count(*) FROM pertemuan WHERE kelompok_id=:g "
		"AND dihapus=0 AND substr(tanggal,1,7)=:m), coalesce(sum(h.status='H'),0), count(h.status) "
		"FROM pertemuan p JOIN kehadiran h ON h.pertemuan_id=p.id AND h.dihapus=0 WHERE "
		"p.kelompok_id=:g AND p.dihapus=0 AND substr(p.tanggal,1,7)=:m", e, ":g", g,
					":m", t->bulan);
	if (!st)
		return SK_DBERR;
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		int h = sqlite3_column_int(st, 1), total = sqlite3_column_int(st, 2);
		t->pertemuan = sqlite3_column_int(st, 0);
		t->persen_hadir = total ? (h * 200 + total) / (2 * total) : -1;
	}
	db_reset(st);
	return rc == SQLITE_ROW ? SK_OK : (e ? e->status : SK_DBERR);
}

int report_trend(sk_db *db, const char *group_id, const char *month, report_trend_month out[12],
		 sk_err *e)
{
	if (!report_month_valid(month))
		return sk_err_set(e, SK_REFUSED, "%s", _("Bulan ditulis TTTT-BB, misalnya 2026-11."));
	for (int i = 0; i < 12; i++) {
		report_trend_month *t = &out[i];
		char last[16];
		memset(t, 0, sizeof *t);
		report_month_add(month, i - 11, t->bulan);
		/* Every date of the month sorts at or before day 31. */
		snprintf(last, sizeof last, "%s-31", t->bulan);
		int rc = cash_balance_get(db, group_id, "umum", last, &t->saldo_umum, e);
		if (rc == SK_OK)
			rc = cash_balance_get(db, group_id, "iks", last, &t->saldo_iks, e);
		if (rc == SK_OK)
			rc = month_attendance(db, group_id, t, e);
		if (rc != SK_OK)
			return rc;
	}
	return SK_OK;
}
