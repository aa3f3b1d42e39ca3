/* cli_opts.c - the helpers every command uses to read its options (getopt_long), to print its
 * --help and to report a wrong use. Apart from cli.c so that sikube-hub, which has no screens,
 * reads its options the same way. */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_cmds.h"
#include "i18n.h"

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

int cli_read_opts(int argc, char **argv, const struct cli_opt *opts, const char *usage)
{
	struct option o[CLI_MAX_OPTS + 2];
	int n = 0;
	for (; opts[n].name; n++) {
		if (n == CLI_MAX_OPTS)
			abort(); /* programmer error: raise CLI_MAX_OPTS */
		int has_value = opts[n].value || opts[n].parse;
		o[n] = (struct option){ opts[n].name, has_value ? required_argument : no_argument,
					NULL, CLI_OPT_BASE + n };
	}
	o[n] = (struct option)CLI_HELP_OPTION;
	o[n + 1] = (struct option){ NULL, 0, NULL, 0 };
	int c;
	while ((c = cli_next_opt(argc, argv, o)) != -1) {
		if (c == 'h') {
			cli_help(usage);
			return -1;
		}
		if (c < CLI_OPT_BASE || c >= CLI_OPT_BASE + n)
			return EXIT_USAGE;
		const struct cli_opt *p = &opts[c - CLI_OPT_BASE];
		if (p->flag)
			*p->flag = 1;
		if (p->value)
			*p->value = optarg;
		int rc = p->parse ? p->parse(optarg, p->out) : EXIT_OK;
		if (rc != EXIT_OK)
			return rc;
	}
	return EXIT_OK;
}

int cli_read_opts_only(int argc, char **argv, const struct cli_opt *opts, const char *usage,
		       const char *cmd, const char *extra)
{
	int rc = cli_read_opts(argc, argv, opts, usage);
	if (rc == EXIT_OK && optind < argc)
		rc = cli_usage_error(cmd, extra, argv[optind]);
	return rc;
}
