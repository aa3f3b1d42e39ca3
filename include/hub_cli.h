/* hub_cli.h - the hub's command line, in the program sikube-hub: the hub links libpq and
 * what it pulls in (TLS, Kerberos, LDAP), which an office's `sikube` should not load on every
 * start, so `sikube hub ...` runs sikube-hub (src/cli_hub_exec.c). No curses here. */
#ifndef SK_HUB_CLI_H
#define SK_HUB_CLI_H

/* `hub load|report|export|--help` with the arguments after the word hub (argv[0] is the
 * subcommand). Closes stdout at the end (outfile_close_stdout: output not written whole is an
 * error). Returns the exit status (0, 1 or 2 as spec/cli.md says). */
int hub_cli_main(int argc, char **argv);

#endif
