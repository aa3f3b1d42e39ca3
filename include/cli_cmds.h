/* cli_cmds.h - command handlers behind cli.c's dispatch table. Each gets its command word as
 * argv[0] and its arguments after it, and the resolved database path; returns the exit status
 * (0, 1, 2). Options are read with getopt_long through cli_next_opt. */
#ifndef SK_CLI_CMDS_H
#define SK_CLI_CMDS_H

#include <getopt.h>

struct cli_ctx {
	const char *db_path;   /* resolved path */
	int db_is_default;     /* 1: create the folder when missing */
};

/* Open ctx's database, load the region list when missing. must_exist refuses a missing file
 * given with --db or $SIKUBE_DB (a typing error should not make an empty database) with a
 * hint to run init; the default database is created with its folder on first use by any
 * command (spec/cli.md). Prints the reason and returns 0 on success, 1 when another copy
 * kept the database busy past the wait (try again later), 2 on any other failure. */
#include "db.h"
int cli_open_db(const struct cli_ctx *ctx, int must_exist, struct sk_db **db);

/* 0 when ctx's database file may be opened by a command other than init; 2 (the exit
 * status) after saying why when it is a file of 0 bytes (not a database: only init makes a
 * database of it). cli_guard.c. */
int cli_db_usable(const struct cli_ctx *ctx);
/* Print "sikube: MESSAGE" on stderr, identity numbers masked (privacy.h). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* s copied into buf (size n) with identity numbers masked; returns buf. */
const char *cli_masked(const char *s, char *buf, size_t n);
/* -h and --help, which every command takes (cli_next_opt returns 'h'). */
#define CLI_HELP_OPTION { "help", no_argument, NULL, 'h' }

/* The next option of a command's arguments (argc, argv as the handler got them), by
 * getopt_long: options anywhere among the other arguments, `--name value` or `--name=value`,
 * `--` ends the options; the other arguments are then argv[optind..argc-1]. The first call
 * for a command starts from argv[1]. Returns the option's val, -1 after the last one, or '?'
 * after printing why an option is unknown or lacks its value (the caller returns 2). */
int cli_next_opt(int argc, char **argv, const struct option *opts);
/* A command's --help: usage (translated) on stdout. Returns 0. */
int cli_help(const char *usage);
/* Wrong use of command cmd: "sikube: " and the message on stderr, then where help is.
 * Returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* --format's word ("text", "csv", "xlsx") into *fmt: 0, or -1 for another word. */
#include "report.h"
int cli_format_parse(const char *v, report_format *fmt);
/* Where a report goes (cli_sink.c). */
struct cli_sink {
	FILE *f;            /* stdout or the --output file; NULL for a workbook */
	const char *path;   /* --output, NULL for stdout */
};
/* Open the report's destination: output NULL is stdout; a file is created exclusively (0600,
 * never through a symlink; an existing file is refused with SK_REFUSED, never overwritten);
 * REPORT_XLSX starts the workbook o->book that cli_sink_close writes to output. SK_OK, or
 * SK_REFUSED/SK_IOERR with a message. */
int cli_sink_open(const char *output, report_format fmt, struct cli_sink *s, report_opts *o,
		  sk_err *e);
/* Finish it: when ok the file or workbook is completed (SK_IOERR with a message when that
 * fails, and nothing is left), else it is removed. stdout is left to the caller. */
int cli_sink_close(struct cli_sink *s, report_opts *o, int ok, sk_err *e);

int cli_import(const struct cli_ctx *ctx, int argc, char **argv);
int cli_export(const struct cli_ctx *ctx, int argc, char **argv);
int cli_check(const struct cli_ctx *ctx, int argc, char **argv);
int cli_backup(const struct cli_ctx *ctx, int argc, char **argv);
/* `export --xlsx path [--mask-nik]` once its options are read (src/cli_xlsx.c). */
int cli_export_xlsx(const struct cli_ctx *ctx, const char *path, int mask_nik);
/* `sikube hub load|report|export` (cli_hub.c): the PostgreSQL hub; ignores ctx's database. */
int cli_hub(const struct cli_ctx *ctx, int argc, char **argv);

#endif
