/* cli_backup.c - `sikube backup FILE`: a consistent copy while the screens may be open. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "backup.h"
#include "cli_cmds.h"
#include "i18n.h"

static void show_progress(void *ctx, int done, int total)
{
	(void)ctx;
	if (total > 0)
		fprintf(stderr, "\r%s %3d%%", _("Mencadangkan"), done * 100 / total);
}

int cli_backup(const struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc != 1 || argv[0][0] == '-') {
		fprintf(stderr, "%s\n", _("Pemakaian: sikube [--db PATH] backup FILE"));
		return 2;
	}
	struct sk_db *db;
	int rc = cli_db_usable(ctx);
	if (rc == 0)
		rc = cli_open_db(ctx, 1, &db);
	if (rc != 0)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	int tty = isatty(STDERR_FILENO);
	int st = backup_to_file(db, argv[0], tty ? show_progress : NULL, NULL, &e);
	if (tty)
		fputc('\n', stderr);
	db_close(db);
	if (st != SK_OK) {
		cli_error("%s", e.msg);
		return 1; /* opened fine, the copy itself failed: refused, not wrong usage */
	}
	fprintf(stderr, _("Cadangan tersimpan: %s\n"), argv[0]);
	return 0;
}
