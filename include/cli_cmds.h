/* cli_cmds.h - command handlers behind cli.c's dispatch table. Each gets its command word as
 * argv[0] and its arguments after it, and the resolved database path; returns the exit status
 * (0, 1, 2). Options are read with getopt_long through cli_next_opt. */
#ifndef SK_CLI_CMDS_H
#define SK_CLI_CMDS_H

#include <getopt.h>

/* The exit status of every command (spec/cli.md): done, refused (try again or otherwise),
 * wrong use or failure. */
enum { EXIT_OK = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2 };

struct cli_ctx {
	const char *db_path;   /* resolved path */
	int db_is_default;     /* 1: create the folder when missing */
	const char *user;      /* --user (NULL: $SIKUBE_USER, else asked) */
	int password_fd;       /* --password-fd (-1: $SIKUBE_PASSWORD_FD, else the terminal) */
};

/* Open ctx's database, load the region list when missing. must_exist refuses a missing file
 * given with --db or $SIKUBE_DB (a typing error should not make an empty database) with a
 * hint to run init; the default database is created with its folder on first use by any
 * command (spec/cli.md). Prints the reason and returns 0 on success, 1 when another copy
 * kept the database busy past the wait (try again later), 2 on any other failure. */
#include "db.h"
int cli_open_db(const struct cli_ctx *ctx, int must_exist, struct sk_db **db);

/* Who runs the command (src/cli_auth.c, issue 16). cli_open_db logs in with cli_login: the
 * name from --user / $SIKUBE_USER (or asked on a terminal), the password from the descriptor
 * of --password-fd / $SIKUBE_PASSWORD_FD (a regular file is read from its start each time)
 * or typed on the terminal without echo; never from the command line. A database without
 * operators gets its first admin so (a new one from init, an upgraded one at its first
 * open). Each returns the exit status (0, or 1 refused, 2 no way to ask) after saying why. */
int cli_login(const struct cli_ctx *ctx, sk_db *db);
/* The operator's name given (--user, $SIKUBE_USER), NULL when none. */
const char *cli_user(const struct cli_ctx *ctx);
/* The password descriptor given: >= 0, -1 none, -2 a $SIKUBE_PASSWORD_FD that is no number. */
int cli_password_fd(const struct cli_ctx *ctx);
/* 1 when a password descriptor was given (the screens then log in without asking). */
int cli_login_given(const struct cli_ctx *ctx);
/* The login password into out (n bytes): the descriptor, else the terminal with prompt. */
int cli_read_password(const struct cli_ctx *ctx, const char *prompt, char *out, size_t n);
/* A new password for who: a line of descriptor fd (>= 0), else typed twice on the terminal. */
int cli_read_new_password(int fd, const char *who, char *out, size_t n);
/* init --sample of a database without operators and without --user / $SIKUBE_USER: the
 * sample admin (README); otherwise cli_login. */
int cli_sample_admin(const struct cli_ctx *ctx, sk_db *db);
/* The office's signing key pair (docs/signing.md), made by `init` of a new database file and
 * by `keys generate`: 0, or 1 after saying why. */
int cli_office_key(sk_db *db);
#define CLI_SAMPLE_ADMIN "admin"
#define CLI_SAMPLE_PASSWORD "contoh-kube-2025"

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
/* One option of a command for cli_read_opts: --name alone sets *flag to 1; --name VALUE
 * stores VALUE in *value and/or hands it to parse(VALUE, out) when it is seen, which returns
 * 0 or the exit status of a usage error it has printed (a value that is no number ...). */
struct cli_opt {
	const char *name;
	int *flag;
	const char **value;
	int (*parse)(const char *v, void *out);
	void *out;
};
#define CLI_MAX_OPTS 16
#define CLI_OPT_BASE 0x100
/* Read a command's options (opts ends with an entry whose name is NULL) and -h/--help with
 * cli_next_opt. Returns 0 when all are read (the other arguments are argv[optind..argc-1]),
 * -1 after printing usage for --help, or the exit status of a wrong use (said why). */
int cli_read_opts(int argc, char **argv, const struct cli_opt *opts, const char *usage);
/* cli_read_opts of a command that takes options only: another argument is a wrong use of
 * cmd, said with extra (a translated format with one %s, the argument). */
int cli_read_opts_only(int argc, char **argv, const struct cli_opt *opts, const char *usage,
		       const char *cmd, const char *extra);
/* A command's --help: usage (translated) on stdout. Returns 0. */
int cli_help(const char *usage);
/* Wrong use of command cmd: "sikube: " and the message on stderr, then where help is.
 * Returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* cli_db_usable, then cli_open_db (must_exist as there): the exit status, 0 with *db open;
 * e is cleared for the command's own work. */
int cli_open_usable(const struct cli_ctx *ctx, int must_exist, struct sk_db **db, sk_err *e);
/* A command's work on its database (cli_with_db): tty is 1 when stderr is a terminal (the
 * work shows its progress there and clears it when done). SK_OK, or the failure with its
 * message in e. */
typedef int (*cli_work_fn)(struct sk_db *db, int tty, void *arg, sk_err *e);
/* Open ctx's database (cli_open_usable, must_exist as there), run work(db, tty, arg, e) on it,
 * close it. Returns the exit status of the opening: 0 when the work ran, with its status in
 * *st and its message in e. */
int cli_with_db(const struct cli_ctx *ctx, int must_exist, cli_work_fn work, void *arg, int *st,
		sk_err *e);
/* A command's failure rc (SK_*) with e's message on stderr: the exit status, 1 when the
 * command was refused (busy, refused, not found, denied), else 2. */
int cli_fail(int rc, const sk_err *e);
/* Progress of long work on one stderr line (the caller passes it only when stderr is a
 * terminal): what (identity numbers masked), done of total (total <= 0: unknown). */
void cli_progress(void *ctx, const char *what, long long done, long long total);
/* Clear that line when tty. */
void cli_progress_end(int tty);

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
int cli_user_cmd(const struct cli_ctx *ctx, int argc, char **argv);
int cli_keys(const struct cli_ctx *ctx, int argc, char **argv);
int cli_retention(const struct cli_ctx *ctx, int argc, char **argv);
/* `export --xlsx path [--mask-nik]` once its options are read (src/cli_xlsx.c). */
int cli_export_xlsx(const struct cli_ctx *ctx, const char *path, int mask_nik);
/* `sikube hub load|report|export` (cli_hub.c): the PostgreSQL hub; ignores ctx's database. */
int cli_hub(const struct cli_ctx *ctx, int argc, char **argv);

#endif
