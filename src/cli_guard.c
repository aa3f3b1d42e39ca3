/* cli_guard.c - what the exchange, check and backup commands share: refusing a database file
 * that is not one, and messages with identity numbers masked. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cli_cmds.h"
#include "i18n.h"
#include "privacy.h"

int cli_db_usable(const struct cli_ctx *ctx)
{
	if (!db_file_empty(ctx->db_path))
		return 0;
	cli_error(_("Basis data %s kosong (0 byte), jadi bukan basis data SIKUBE dan tidak dipakai. "
		    "Pulihkan salinan terbaru dari folder cadangan/ di sampingnya, atau buat basis "
		    "data baru dengan: sikube init"), ctx->db_path);
	return 2;
}

void cli_error(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	privacy_mask_ids(msg);
	fprintf(stderr, "sikube: %s\n", msg);
}

const char *cli_masked(const char *s, char *buf, size_t n)
{
	snprintf(buf, n, "%s", s ? s : "");
	privacy_mask_ids(buf);
	return buf;
}
