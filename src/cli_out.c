/* cli_out.c - the command line's output shared by sikube and sikube-hub: long work's
 * progress on one stderr line (hub load; import and export may share it) and stdout closed
 * with its errors heard. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "cli_cmds.h"
#include "i18n.h"

void cli_progress(void *ctx, const char *what, long long done, long long total)
{
	char name[PATH_MAX + 64];
	(void)ctx;
	cli_masked(what, name, sizeof name);
	if (total > 0)
		fprintf(stderr, "\r\033[K%s %lld/%lld", name, done, total);
	else
		fprintf(stderr, "\r\033[K%s %lld", name, done);
	fflush(stderr);
}

void cli_progress_end(int tty)
{
	if (tty)
		fputs("\r\033[K", stderr);
}

/* Data that could not be written (a full disk, /dev/full) is an error the caller must hear
 * of, whatever the command. */
int cli_close_stdout(int status)
{
	int bad = ferror(stdout);
	errno = 0;
	if (fclose(stdout) != 0)
		bad = 1;
	if (!bad)
		return status;
	int err = errno ? errno : EIO;
	fprintf(stderr, _("sikube: keluaran tidak dapat ditulis: %s\n"), strerror(err));
	return status == 0 ? 1 : status;
}
