/* cli_progress.c - long work's progress on one stderr line, for the commands that show it
 * when stderr is a terminal (hub load; import and export may share it). */
#include <limits.h>
#include <stdio.h>
#include "cli_cmds.h"

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
