/* report_screen.c - what the Laporan screen needs from the reports: the 12-month figures of
 * its chart and saving the monthly report as a private file (text or xlsx). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cashbook.h"
#include "i18n.h"
#include "report.h"
#include "util.h"
#include "xlsx.h"

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
	sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT count(*) FROM pertemuan WHERE kelompok_id=:g "
		"AND dihapus=0 AND substr(tanggal,1,7)=:m), coalesce(sum(h.status='H'),0), count(h.status) "
		"FROM pertemuan p JOIN kehadiran h ON h.pertemuan_id=p.id AND h.dihapus=0 WHERE "
		"p.kelompok_id=:g AND p.dihapus=0 AND substr(p.tanggal,1,7)=:m", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":g", g);
	db_bind_text(st, ":m", t->bulan);
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
		t->saldo_umum = cash_balance(db, group_id, "umum", last);
		t->saldo_iks = cash_balance(db, group_id, "iks", last);
		int rc = month_attendance(db, group_id, t, e);
		if (rc != SK_OK)
			return rc;
	}
	return SK_OK;
}

void report_default_path(const char *kode, const char *month, char *out, size_t n)
{
	char safe[40];
	size_t j = 0;
	for (const char *p = kode ? kode : ""; *p && j + 1 < sizeof safe; p++) {
		unsigned char c = (unsigned char)*p;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			 c == '-' || c == '_';
		safe[j++] = ok ? (char)c : '-';
	}
	safe[j] = '\0';
	const char *home = getenv("HOME");
	snprintf(out, n, "%s/laporan-%s-%s.txt", home && *home ? home : ".", j ? safe : "kelompok",
		 month);
}

/* The text page into a private file (replaced when it exists, never through a symlink). */
static int save_text(sk_db *db, const report_opts *o, const char *path, sk_err *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				  strerror(errno));
	if (fchmod(fd, 0600) != 0) {
		int err = errno;
		close(fd);
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				  strerror(err));
	}
	FILE *f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				  strerror(errno));
	}
	int rc = report_monthly(db, o, f, e);
	int werr = ferror(f);
	if (fclose(f) != 0 || werr) {
		if (rc == SK_OK)
			rc = sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
					strerror(errno));
	}
	return rc;
}

int report_monthly_save(sk_db *db, const char *group_id, const char *month, const char *path,
			sk_err *e)
{
	return report_monthly_save_as(db, group_id, month, path, REPORT_TEXT, e);
}

int report_monthly_save_as(sk_db *db, const char *group_id, const char *month,
			   const char *path, report_format fmt, sk_err *e)
{
	report_opts o = { .group_id = group_id, .month = month, .fmt = fmt };
	if (fmt != REPORT_XLSX)
		return save_text(db, &o, path, e);
	int rc = xlsx_open(path, 1, &o.book, e);
	if (rc != SK_OK)
		return rc;
	rc = report_monthly(db, &o, NULL, e);
	if (rc != SK_OK) {
		xlsx_abandon(o.book);
		return rc;
	}
	return xlsx_close(o.book, e);
}
