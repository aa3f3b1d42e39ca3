/* cli_xlsx.c - `sikube export --xlsx FILE`: the office's workbook (office_xlsx.h). */
#include <stdio.h>
#include <unistd.h>
#include "cli_cmds.h"
#include "db_access.h"
#include "i18n.h"
#include "office_xlsx.h"

/* Progress on one stderr line (only when stderr is a terminal). */
static void show_progress(void *ctx, const char *sheet, long long done)
{
	(void)ctx;
	fprintf(stderr, "\r\033[K%s %lld", sheet, done);
	fflush(stderr);
}

int cli_export_xlsx(const struct cli_ctx *ctx, const char *path, int mask_nik)
{
	if (!*path)
		return cli_usage_error("export", "%s", _("--xlsx perlu nama berkas"));
	sk_db *db;
	int rc = cli_open_db(ctx, 1, &db);
	if (rc != 0)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	office_xlsx_result r;
	int tty = isatty(STDERR_FILENO);
	int st = office_xlsx_write(db, path, mask_nik, tty ? show_progress : NULL, NULL, &r, &e);
	if (tty)
		fputs("\r\033[K", stderr);
	/* A workbook with whole NIKs is a read of every one of them (the trail, issue 16). */
	if (st == SK_OK && !mask_nik)
		st = db_audit_note(db, "baca_nik", "bundel", NULL, NULL, NULL, "ekspor xlsx", &e);
	db_close(db);
	if (st != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		return st == SK_DBERR ? 2 : 1;
	}
	fprintf(stderr, _("Buku kerja tersimpan di %s:"), path);
	for (int i = 0; i < OX_COUNT; i++)
		fprintf(stderr, "%s %s %lld", i ? "," : "", r.sheet[i], r.rows[i]);
	fputc('\n', stderr);
	if (mask_nik)
		fprintf(stderr, "%s\n", _("NIK dan No. KK disamarkan."));
	return 0;
}
