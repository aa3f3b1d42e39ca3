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

/* backup's work on the database (cli_work_fn): the copy into file arg. */
static int backup_work(sk_db *db, int tty, void *arg, sk_err *e)
{
	int st = backup_to_file(db, arg, tty ? show_progress : NULL, NULL, e);
	if (tty)
		fputc('\n', stderr);
	return st;
}

static const char USAGE_BACKUP[] = N_(
	"Pemakaian: sikube [--db PATH] backup FILE\n"
	"\n"
	"Menulis salinan basis data yang utuh ke FILE, aman saat aplikasi dipakai.\n"
	"Salinan itu satu berkas yang hanya dapat dibaca pemiliknya.\n"
	"  -h, --help   cetak bantuan ini\n");

int cli_backup(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_opt OPTS[] = { { .name = NULL } };
	int rc = cli_read_opts(argc, argv, OPTS, _(USAGE_BACKUP));
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (optind != argc - 1)
		return cli_usage_error("backup", "%s", _("backup perlu satu berkas tujuan FILE"));
	argv += optind;
	sk_err e;
	int st;
	rc = cli_with_db(ctx, 1, backup_work, argv[0], &st, &e);
	if (rc != 0)
		return rc;
	if (st != SK_OK) {
		cli_error("%s", e.msg);
		return 1; /* opened fine, the copy itself failed: refused, not wrong usage */
	}
	fprintf(stderr, _("Cadangan tersimpan: %s\n"), argv[0]);
	return 0;
}
