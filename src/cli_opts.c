/* cli_opts.c - the helpers every command uses to read its options (getopt_long), to print its
 * --help and to report a wrong use. Apart from cli.c so that sikube-hub, which has no screens,
 * reads its options the same way. */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cli_cmds.h"
#include "i18n.h"

enum { EXIT_OK = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2 };

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("sikube: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	fprintf(stderr, _("Lihat: sikube %s --help\n"), cmd);
	return EXIT_USAGE;
}

int cli_help(const char *usage)
{
	fputs(usage, stdout);
	return EXIT_OK;
}

/* 1 when name (up to '=' or its end) is a global option: written before the command. */
static int is_global(const char *arg)
{
	static const char *const GLOBAL[] = { "--db", "--lang", "--print-db-path", "--version",
		"--user", "--password-fd", NULL };
	size_t n = strcspn(arg, "=");
	for (int i = 0; GLOBAL[i]; i++)
		if (n > 2 && strncmp(arg, GLOBAL[i], n) == 0)
			return 1;
	return 0;
}

int cli_next_opt(int argc, char **argv, const struct option *opts)
{
	int c = getopt_long(argc, argv, ":h", opts, NULL);
	if (c != '?' && c != ':')
		return c;
	const char *arg = optind - 1 < argc && optind > 0 ? argv[optind - 1] : "";
	char shortopt[3] = { '-', (char)optopt, '\0' };
	if (strncmp(arg, "--", 2) != 0 && optopt)
		arg = shortopt;
	if (c == ':')
		cli_usage_error(argv[0], _("%s perlu nilai"), arg);
	else if (optopt && arg != shortopt && strchr(arg, '='))
		cli_usage_error(argv[0], _("%.*s tidak menerima nilai"), (int)strcspn(arg, "="), arg);
	else if (is_global(arg))
		cli_usage_error(argv[0], _("pilihan %.*s ditulis sebelum perintah, misalnya: "
					   "sikube %.*s ... %s ..."), (int)strcspn(arg, "="), arg,
				(int)strcspn(arg, "="), arg, argv[0]);
	else
		cli_usage_error(argv[0], _("pilihan tidak dikenal untuk %s: %s"), argv[0], arg);
	return '?';
}

/* ---- what the commands share once their options are read ------------------------------------ */

int cli_fail(int rc, const sk_err *e)
{
	cli_error("%s", e->msg);
	return rc == SK_BUSY || rc == SK_REFUSED || rc == SK_NOTFOUND || rc == SK_DENIED ? EXIT_REFUSED
										 : EXIT_USAGE;
}

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
