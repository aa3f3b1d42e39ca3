/* cli_later.c - commands of spec/cli.md whose work arrives in later versions; each says so
 * plainly. Replaced one by one as the features land. */
#include <stdio.h>
#include "cli_cmds.h"
#include "i18n.h"

static int not_yet(const char *cmd, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, _("sikube: perintah %s belum tersedia di versi ini.\n"), cmd);
	return 2;
}

int cli_import(const struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	return not_yet("import", argc, argv);
}

int cli_export(const struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	return not_yet("export", argc, argv);
}
