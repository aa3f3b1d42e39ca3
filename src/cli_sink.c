/* cli_sink.c - where a report goes (`sikube report` and `sikube hub report`): stdout, a new
 * private file (--output), or an xlsx workbook; and the --format words. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli_cmds.h"
#include "i18n.h"
#include "xlsx.h"

int cli_format_parse(const char *v, report_format *fmt)
{
	static const char *const NAMES[] = { "text", "csv", "xlsx" };
	static const report_format FMTS[] = { REPORT_TEXT, REPORT_CSV, REPORT_XLSX };
	for (int i = 0; i < 3; i++)
		if (strcmp(v, NAMES[i]) == 0) {
			*fmt = FMTS[i];
			return 0;
		}
	return -1;
}

int cli_sink_open(const char *output, report_format fmt, struct cli_sink *s, report_opts *o,
		  sk_err *e)
{
	s->f = stdout;
	s->path = output;
	if (fmt == REPORT_XLSX) {
		s->f = NULL;
		return xlsx_open(output, 0, &o->book, e);
	}
	if (!output)
		return SK_OK;
	int fd = open(output, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)
		return sk_err_set(e, SK_REFUSED, _("Berkas %s sudah ada; SIKUBE tidak menimpanya. "
						   "Pakai nama lain."), output);
	if (fd >= 0)
		s->f = fdopen(fd, "w");
	if (fd < 0 || !s->f) {
		int err = errno;
		if (fd >= 0) {
			close(fd);
			unlink(output);
		}
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), output,
				  strerror(err));
	}
	return SK_OK;
}

int cli_sink_close(struct cli_sink *s, report_opts *o, int ok, sk_err *e)
{
	if (o->book) {
		struct sk_xlsx *book = o->book;
		o->book = NULL;
		if (ok)
			return xlsx_close(book, e);
		xlsx_abandon(book);
		return SK_OK;
	}
	if (!s->path)
		return SK_OK; /* stdout: checked once at exit */
	int bad = ferror(s->f) != 0;
	errno = 0;
	if (fclose(s->f) != 0)
		bad = 1;
	int err = errno ? errno : EIO;
	if (ok && !bad)
		return SK_OK;
	unlink(s->path);
	return ok ? sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), s->path,
			       strerror(err)) : SK_OK;
}
