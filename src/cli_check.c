/* cli_check.c - `sikube check`: lists every problem on stdout, exit 1 when any (a damaged
 * file included). */
#include <stdio.h>
#include "check.h"
#include "cli_cmds.h"
#include "i18n.h"

static void print_problem(void *ctx, const char *problem)
{
	(void)ctx;
	printf("%s\n", problem);
}

int cli_check(const struct cli_ctx *ctx, int argc, char **argv)
{
	(void)argv;
	if (argc != 0) {
		fprintf(stderr, "%s\n", _("Pemakaian: sikube [--db PATH] check"));
		return 2;
	}
	sk_db *db;
	int rc = cli_db_usable(ctx);
	if (rc == 0)
		rc = cli_open_db(ctx, 1, &db);
	if (rc != 0)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	int problems = 0;
	int st = check_run(db, print_problem, NULL, &problems, &e);
	db_close(db);
	fflush(stdout);
	if (st != SK_OK) {
		cli_error("%s", e.msg);
		return st == SK_BUSY ? 1 : 2;
	}
	if (problems) {
		fprintf(stderr, _("Pemeriksaan menemukan %d masalah.\n"), problems);
		return 1;
	}
	fprintf(stderr, "%s\n", _("Pemeriksaan selesai: tidak ada masalah."));
	return 0;
}
