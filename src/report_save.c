/* report_save.c - the monthly page of one group saved as a file only its owner can read
 * (the Laporan screen's "save"), as text or an xlsx workbook, and the file name it proposes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "i18n.h"
#include "report.h"
#include "xlsx.h"

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
static int save_text(sk_db *db, report_fn fn, const report_opts *o, const char *path, sk_err *e)
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
	int rc = fn(db, o, f, e);
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
	return report_save_as(db, report_monthly, &o, path, e);
}

int report_save_as(sk_db *db, report_fn fn, const report_opts *in, const char *path, sk_err *e)
{
	report_opts o = *in;
	if (o.fmt != REPORT_XLSX)
		return save_text(db, fn, &o, path, e);
	int rc = xlsx_open(path, 1, &o.book, e);
	if (rc != SK_OK)
		return rc;
	rc = fn(db, &o, NULL, e);
	if (rc != SK_OK) {
		xlsx_abandon(o.book);
		return rc;
	}
	return xlsx_close(o.book, e);
}
