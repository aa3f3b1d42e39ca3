/* cli.c - the command line of spec/cli.md: global options, commands, exit codes. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app.h"
#include "backup.h"
#include "cli_cmds.h"
#include "i18n.h"
#include "region.h"
#include "report.h"
#include "sample.h"
#include "version.h"

enum { EXIT_OK = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2 };

/* Daily copies kept beside the database (folder "cadangan"). */
#define ROLLING_BACKUPS 7

struct cli {
	const char *db_opt;   /* --db */
	const char *lang;     /* --lang */
	char db_path[PATH_MAX];
	int db_is_default;
	struct cli_ctx ctx;
};

static void usage(FILE *out)
{
	fprintf(out, "%s",
		_("Pemakaian:\n"
		  "  sikube [--db PATH] [--lang id|en]            buka aplikasi (layar)\n"
		  "  sikube [--db PATH] init [--sample]           buat basis data; --sample memuat contoh\n"
		  "  sikube [--db PATH] import PATH... [--valid-only] [--report FILE]\n"
		  "  sikube [--db PATH] export DIR [--since-last] [--mask-nik] [--excel]\n"
		  "  sikube [--db PATH] report KIND [--group ID] [--month YYYY-MM] [--format text|csv]\n"
		  "  sikube [--db PATH] check\n"
		  "  sikube [--db PATH] backup FILE\n"
		  "  sikube --version | --help\n"
		  "\n"
		  "Basis data bawaan: $SIKUBE_DB, atau $XDG_DATA_HOME/sikube/sikube.db\n"
		  "(~/.local/share/sikube/sikube.db).\n"
		  "Status keluar: 0 berhasil, 1 ditolak atau ada masalah, 2 salah pemakaian atau basis\n"
		  "data tidak dapat dibuka.\n"));
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "sikube: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s\n", _("Lihat: sikube --help"));
	return EXIT_USAGE;
}

int cli_open_db(const struct cli_ctx *c, int must_exist, sk_db **db)
{
	sk_err e;
	sk_err_clear(&e);
	struct stat st;
	*db = NULL;
	if (must_exist && !c->db_is_default && stat(c->db_path, &st) != 0) {
		fprintf(stderr, _("sikube: basis data %s belum ada. Buat dulu dengan: sikube init\n"),
			c->db_path);
		return EXIT_USAGE;
	}
	/* Busy (another copy migrating or loading the region list) is worth trying again: 1,
	 * like any work refused for now; a database that cannot be opened at all is 2. */
	int rc = db_open(c->db_path, c->db_is_default, db, &e);
	if (rc != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		return rc == SK_BUSY ? EXIT_REFUSED : EXIT_USAGE;
	}
	rc = region_ensure_loaded(*db, &e);
	if (rc != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		db_close(*db);
		*db = NULL;
		return rc == SK_BUSY ? EXIT_REFUSED : EXIT_USAGE;
	}
	return EXIT_OK;
}

static int cmd_init(const struct cli_ctx *c, int argc, char **argv)
{
	int sample = 0;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--sample") == 0)
			sample = 1;
		else
			return usage_error(_("pilihan tidak dikenal untuk init: %s"), argv[i]);
	}
	sk_db *db;
	int rc = cli_open_db(c, 0, &db);
	if (rc != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	int g = 0, m = 0;
	if (sample && sample_load(db, NULL, &g, &m, &e) != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		db_close(db);
		return EXIT_REFUSED;
	}
	fprintf(stderr, _("Basis data siap: %s (%d wilayah)\n"), c->db_path, region_count(db));
	if (sample)
		fprintf(stderr, _("Data contoh dimuat: %d kelompok, %d anggota baru.\n"), g, m);
	db_close(db);
	return EXIT_OK;
}

/* Reports by name; needs: 1 = --group required, 2 = --month required. */
static const struct {
	const char *kind;
	int needs;
	int (*run)(sk_db *db, const report_opts *o, FILE *out, sk_err *e);
} REPORTS[] = {
	{ "groups", 0, NULL },
	{ "eligibility", 0, report_eligibility },
	{ "cashbook", 1, report_cashbook },
	{ "attendance", 1, report_attendance },
	{ "monthly", 2, report_monthly },
};

static int parse_report(int argc, char **argv, const char **kind, report_opts *r)
{
	memset(r, 0, sizeof *r);
	*kind = NULL;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if ((strcmp(a, "--group") == 0 || strcmp(a, "--month") == 0 ||
		     strcmp(a, "--format") == 0) && !next)
			return usage_error(_("%s perlu nilai"), a);
		if (strcmp(a, "--group") == 0)
			r->group_id = argv[++i];
		else if (strcmp(a, "--month") == 0)
			r->month = argv[++i];
		else if (strcmp(a, "--format") == 0) {
			i++;
			if (strcmp(next, "csv") == 0)
				r->fmt = REPORT_CSV;
			else if (strcmp(next, "text") == 0)
				r->fmt = REPORT_TEXT;
			else
				return usage_error(_("format harus text atau csv, bukan %s"), next);
		} else if (!*kind && a[0] != '-')
			*kind = a;
		else
			return usage_error(_("pilihan tidak dikenal untuk report: %s"), a);
	}
	if (!*kind)
		return usage_error("%s", _("report perlu jenis laporan: groups, eligibility, cashbook, "
					   "attendance atau monthly"));
	if (r->month && !report_month_valid(r->month))
		return usage_error(_("bulan harus TTTT-BB, bukan %s"), r->month);
	return EXIT_OK;
}

static int find_report(const char *kind, const report_opts *r)
{
	for (size_t i = 0; i < sizeof REPORTS / sizeof REPORTS[0]; i++) {
		if (strcmp(kind, REPORTS[i].kind) != 0)
			continue;
		if (REPORTS[i].needs == 1 && !r->group_id)
			return usage_error(_("laporan %s perlu --group ID"), kind), -1;
		if (REPORTS[i].needs == 2 && !r->month)
			return usage_error(_("laporan %s perlu --month TTTT-BB"), kind), -1;
		return (int)i;
	}
	usage_error(_("jenis laporan tidak dikenal: %s"), kind);
	return -1;
}

/* 1 when the group exists and is not deleted, 0 when not, -1 on a database error (in e). */
static int live_group(sk_db *db, const char *id, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM kelompok WHERE id=:id AND dihapus=0", e);
	if (st)
		db_bind_text(st, ":id", id);
	return db_exists(db, st, e);
}

static int cmd_report(const struct cli_ctx *c, int argc, char **argv)
{
	report_opts r;
	const char *kind;
	int rc = parse_report(argc, argv, &kind, &r);
	if (rc != EXIT_OK)
		return rc;
	int which = find_report(kind, &r);
	if (which < 0)
		return EXIT_USAGE;
	sk_db *db;
	rc = cli_open_db(c, 1, &db);
	if (rc != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	int st, found = r.group_id ? live_group(db, r.group_id, &e) : 1;
	if (found < 0)
		st = e.status ? e.status : SK_DBERR;
	else if (!found)
		st = sk_err_set(&e, SK_NOTFOUND, _("Kelompok %s tidak ditemukan."), r.group_id);
	else if (REPORTS[which].run)
		st = REPORTS[which].run(db, &r, stdout, &e);
	else
		st = report_groups(db, r.group_id, r.fmt, stdout, &e);
	db_close(db);
	if (fflush(stdout) != 0) {
		perror("sikube");
		return EXIT_REFUSED;
	}
	if (st != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		return st == SK_NOTFOUND || st == SK_REFUSED ? EXIT_REFUSED : EXIT_USAGE;
	}
	return EXIT_OK;
}

/* The daily rolling backup while the screens are open. */
struct daily {
	backup_job *job;
	int rc;           /* 0 going on, 1 done, -1 failed (message in e) */
	sk_err e;
};

/* A step of 64 pages (256 KiB) between keys: short enough not to be felt. */
static int daily_step(void *ctx)
{
	struct daily *d = ctx;
	d->rc = backup_job_step(d->job, 64, &d->e);
	return d->rc != 0;
}

static int cmd_ui(const struct cli_ctx *c)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("sikube: layar aplikasi perlu terminal. Untuk skrip pakai "
					  "perintah, lihat sikube --help."));
		return EXIT_USAGE;
	}
	ui_bench_clock();
	sk_db *db;
	int rc = cli_open_db(c, 0, &db);
	if (rc != EXIT_OK)
		return rc;
	/* The day's copy is made between keys, so that the first screen does not wait for a big
	 * database to be copied; what is left at the end is finished before SIKUBE exits. */
	struct daily d = { .rc = 0 };
	sk_err_clear(&d.e);
	if (backup_rolling_start(db, ROLLING_BACKUPS, &d.job, &d.e) != SK_OK)
		d.rc = -1;
	rc = ui_run(db, d.job ? daily_step : NULL, &d);
	if (d.job && d.rc == 0) {
		fprintf(stderr, "%s\n", _("sikube: menyelesaikan cadangan harian..."));
		while ((d.rc = backup_job_step(d.job, 1024, &d.e)) == 0)
			;
	}
	if (d.rc < 0)
		fprintf(stderr, _("sikube: cadangan harian gagal: %s\n"), d.e.msg);
	backup_job_free(d.job);
	db_close(db);
	return rc;
}

/* Commands by name (the screens open when none is given). */
static const struct {
	const char *name;
	int (*run)(const struct cli_ctx *ctx, int argc, char **argv);
} COMMANDS[] = {
	{ "init", cmd_init },
	{ "report", cmd_report },
	{ "import", cli_import },
	{ "export", cli_export },
	{ "check", cli_check },
	{ "backup", cli_backup },
};

/* Global options; returns the index of the command word, or -1 after handling --help etc. */
static int parse_global(struct cli *c, int argc, char **argv, int *status)
{
	int i;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if ((strcmp(a, "--db") == 0 || strcmp(a, "--lang") == 0) && i + 1 >= argc) {
			*status = usage_error(_("%s perlu nilai"), a);
			return -1;
		}
		if (strcmp(a, "--db") == 0)
			c->db_opt = argv[++i];
		else if (strncmp(a, "--db=", 5) == 0)
			c->db_opt = a + 5;
		else if (strcmp(a, "--lang") == 0)
			c->lang = argv[++i];
		else if (strncmp(a, "--lang=", 7) == 0)
			c->lang = a + 7;
		else
			break;
	}
	return i;
}

int cli_main(int argc, char **argv)
{
	struct cli c = { 0 };
	int status = EXIT_OK;
	/* The environment's language until --lang is read, so option errors are translated too. */
	i18n_init(NULL);
	int cmd = parse_global(&c, argc, argv, &status);
	if (cmd < 0)
		return status;
	if (i18n_init(c.lang) != 0) {
		i18n_init(NULL);
		return usage_error(_("bahasa harus id atau en, bukan %s"), c.lang);
	}
	const char *word = cmd < argc ? argv[cmd] : NULL;
	if (word && (strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0)) {
		usage(stdout);
		return EXIT_OK;
	}
	if (word && strcmp(word, "--version") == 0) {
		printf("sikube %s\n", SIKUBE_VERSION);
		return EXIT_OK;
	}
	if (db_default_path(c.db_opt, c.db_path, sizeof c.db_path, &c.db_is_default) != 0) {
		fprintf(stderr, "%s\n", _("sikube: lokasi basis data tidak diketahui; pakai --db PATH."));
		return EXIT_USAGE;
	}
	if (word && strcmp(word, "--print-db-path") == 0) {
		printf("%s\n", c.db_path);
		return EXIT_OK;
	}
	c.ctx.db_path = c.db_path;
	c.ctx.db_is_default = c.db_is_default;
	if (!word)
		return cmd_ui(&c.ctx);
	for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
		if (strcmp(word, COMMANDS[i].name) == 0)
			return COMMANDS[i].run(&c.ctx, argc - cmd - 1, argv + cmd + 1);
	return usage_error(_("perintah tidak dikenal: %s"), word);
}
