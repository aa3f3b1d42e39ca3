/* cli_hub_exec.c - `sikube hub ...`: runs the program sikube-hub beside this one (or on the
 * PATH) with the same arguments. The hub links libpq and its TLS, Kerberos and LDAP
 * libraries; keeping them out of sikube keeps an office's every start as small as it was. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli_cmds.h"
#include "i18n.h"
#include "util.h"

#define HUB_PROGRAM "sikube-hub"

int cli_hub(const struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	char dir[PATH_MAX], path[PATH_MAX + 32];
	char **args = calloc((size_t)argc + 2, sizeof *args);
	if (!args)
		abort();
	/* argv[0] is the word hub: sikube-hub takes what follows it */
	args[0] = HUB_PROGRAM;
	for (int i = 1; i < argc; i++)
		args[i] = argv[i];
	sk_exe_dir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/%s", dir, HUB_PROGRAM);
	fflush(stdout);
	fflush(stderr);
	/* i18n_init left the language in LANGUAGE: the hub speaks the same one. */
	if (access(path, X_OK) == 0)
		execv(path, args);
	else
		execvp(HUB_PROGRAM, args);
	fprintf(stderr, _("sikube: program %s tidak dapat dijalankan (%s); pasang SIKUBE lengkap "
			  "dengan make install.\n"), HUB_PROGRAM, strerror(errno));
	free(args);
	return 2;
}
