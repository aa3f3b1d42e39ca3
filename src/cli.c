/* cli.c - the command line of spec/cli.md: global options (getopt_long), the commands by
 * name, the helpers every command uses to read its options, exit codes. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app.h"
#include "backup.h"
#include "db_access.h"
#include "cli_cmds.h"
#include "collate.h"
#include "i18n.h"
#include "outfile.h"
#include "region.h"
#include "sample.h"
#include "version.h"

/* Daily copies kept beside the database (folder "cadangan"). */
#define ROLLING_BACKUPS 7

int cli_report(const struct cli_ctx *ctx, int argc, char **argv);

struct cli {
	const char *db_opt;   /* --db */
	const char *lang;     /* --lang */
	int help, version, print_path;
	char db_path[PATH_MAX];
	int db_is_default;
	struct cli_ctx ctx;
};

static const char USAGE[] = N_(
	"Pemakaian: sikube [PILIHAN] [PERINTAH [ARGUMEN...]]\n"
	"  sikube [--db PATH] [--lang id|en]      buka aplikasi (layar)\n"
	"  sikube [--db PATH] init [--sample]     buat basis data; --sample memuat contoh\n"
	"  sikube [--db PATH] import PATH...      gabungkan bundel atau berkas CSV\n"
	"  sikube [--db PATH] export DIR          tulis bundel ke folder DIR\n"
	"  sikube [--db PATH] export --xlsx FILE  tulis buku kerja Excel data kantor\n"
	"  sikube [--db PATH] report KIND         laporan; KIND: groups, eligibility,\n"
	"                                         cashbook, attendance, monthly,\n"
	"                                         levels\n"
	"  sikube [--db PATH] check [--quick]     periksa keutuhan dan kecocokan data\n"
	"  sikube [--db PATH] backup FILE         salinan basis data, aman saat dipakai\n"
	"  sikube hub load|report|export ...      hub PostgreSQL (sikube hub --help)\n"
	"  sikube [--db PATH] user add|passwd|pin|disable|enable|list   operator\n"
	"  sikube [--db PATH] keys trust|list|revoke   kunci tanda tangan kantor\n"
	"  sikube [--db PATH] retention [--months N] [--apply]   masa simpan data\n"
	"  sikube PERINTAH --help                 pilihan satu perintah\n"
	"\n"
	"Pilihan umum (ditulis sebelum perintah, berlaku untuk semua perintah):\n"
	"  --db PATH          berkas basis data; bawaan $SIKUBE_DB, atau\n"
	"                     $XDG_DATA_HOME/sikube/sikube.db (~/.local/share/sikube/)\n"
	"  --lang id|en       bahasa layar dan pesan (bawaan: menurut lingkungan)\n"
	"  --user NAMA        operator yang menjalankan (bawaan $SIKUBE_USER, atau\n"
	"                     ditanyakan di terminal)\n"
	"  --password-fd N    baca kata sandi dari deskriptor berkas N (bawaan\n"
	"                     $SIKUBE_PASSWORD_FD, atau diketik di terminal); kata sandi\n"
	"                     tidak pernah ditulis di baris perintah\n"
	"  --print-db-path    cetak lokasi basis data yang akan dipakai, lalu keluar\n"
	"  --version          cetak versi, lalu keluar\n"
	"  -h, --help         cetak bantuan ini, lalu keluar\n"
	"Pilihan ditulis --nama NILAI atau --nama=NILAI; -- mengakhiri pilihan.\n"
	"\n"
	"Status keluar: 0 berhasil, 1 ditolak atau ada masalah, 2 salah pemakaian atau\n"
	"basis data tidak dapat dibuka. Pesan ke stderr, data ke stdout.\n");

static const char USAGE_INIT[] = N_(
	"Pemakaian: sikube [--db PATH] init [--sample]\n"
	"\n"
	"Membuat basis data (beserta foldernya) bila belum ada, dengan daftar wilayah\n"
	"resmi. Menjalankannya lagi tidak menambah apa yang sudah ada.\n"
	"  --sample     muat juga kelurahan contoh dari sample-data/\n"
	"  -h, --help   cetak bantuan ini\n");

static void vmessage(const char *fmt, va_list ap)
{
	fputs("sikube: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

/* A usage error of the global options: message and where help is; returns 2. */
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s\n", _("Lihat: sikube --help"));
	return EXIT_USAGE;
}

/* Open c's database as cli_open_db does, without logging in. */
static int open_db(const struct cli_ctx *c, int must_exist, sk_db **db)
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
	/* The region list is reference data loaded by the program, not an operator's write. */
	db_system_begin(*db);
	rc = region_ensure_loaded(*db, &e);
	db_system_end(*db);
	if (rc != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		db_close(*db);
		*db = NULL;
		return rc == SK_BUSY ? EXIT_REFUSED : EXIT_USAGE;
	}
	/* Sort keys of names written by other programs (collate.h); a busy database keeps them
	 * for the next open (those rows only sort first meanwhile). Derived by the program from
	 * names the trail holds: no operator's write. */
	db_system_begin(*db);
	sk_sort_keys_refresh(*db, NULL);
	db_system_end(*db);
	return EXIT_OK;
}

int cli_open_db(const struct cli_ctx *c, int must_exist, sk_db **db)
{
	int rc = open_db(c, must_exist, db);
	if (rc == EXIT_OK && (rc = cli_login(c, *db)) != EXIT_OK) {
		db_close(*db);
		*db = NULL;
	}
	return rc;
}

int cli_open_usable(const struct cli_ctx *ctx, int must_exist, struct sk_db **db, sk_err *e)
{
	sk_err_clear(e);
	int rc = cli_db_usable(ctx);
	return rc != 0 ? rc : cli_open_db(ctx, must_exist, db);
}

int cli_with_db(const struct cli_ctx *ctx, int must_exist, cli_work_fn work, void *arg, int *st,
		sk_err *e)
{
	sk_db *db;
	int rc = cli_open_usable(ctx, must_exist, &db, e);
	if (rc != EXIT_OK)
		return rc;
	*st = work(db, isatty(STDERR_FILENO), arg, e);
	db_close(db);
	return EXIT_OK;
}

static int cmd_init(const struct cli_ctx *c, int argc, char **argv)
{
	int sample = 0;
	const struct cli_opt opts[] = { { "sample", .flag = &sample }, { .name = NULL } };
	int rc = cli_read_opts_only(argc, argv, opts, _(USAGE_INIT), "init",
				    _("init tidak menerima %s"));
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	sk_db *db;
	struct stat before;
	int fresh = stat(c->db_path, &before) != 0 || before.st_size == 0;
	rc = open_db(c, 0, &db);
	if (rc == EXIT_OK)
		rc = sample ? cli_sample_admin(c, db) : cli_login(c, db);
	/* A new office database gets its signing key pair at once (an older one by `sikube keys
	 * generate`). */
	if (rc == EXIT_OK && fresh)
		rc = cli_office_key(db);
	if (rc != EXIT_OK) {
		db_close(db);
		return rc;
	}
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
	struct stat st;
	if (!c->db_is_default && stat(c->db_path, &st) != 0 && !ui_ask_create_db(c->db_path)) {
		fprintf(stderr, _("sikube: basis data %s tidak dibuat.\n"), c->db_path);
		return EXIT_USAGE;
	}
	sk_db *db;
	int rc = open_db(c, 0, &db);
	/* A password given by descriptor logs in here; else the screens ask (name and password,
	 * or a PIN after the day's first login). */
	if (rc == EXIT_OK && cli_login_given(c) && (rc = cli_login(c, db)) != EXIT_OK)
		db_close(db);
	if (rc != EXIT_OK)
		return rc;
	/* The day's copy is made between keys, so that the first screen does not wait for a big
	 * database to be copied; what is left at the end is finished before SIKUBE exits. */
	struct daily d = { .rc = 0 };
	sk_err_clear(&d.e);
	if (backup_rolling_start(db, ROLLING_BACKUPS, &d.job, &d.e) != SK_OK)
		d.rc = -1;
	rc = screens_run(db, d.job ? daily_step : NULL, &d);
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
	{ "report", cli_report },
	{ "import", cli_import },
	{ "export", cli_export },
	{ "check", cli_check },
	{ "backup", cli_backup },
	{ "hub", cli_hub },
	{ "user", cli_user_cmd },
	{ "keys", cli_keys },
	{ "retention", cli_retention },
};

/* The global options, up to the command word (getopt_long stops there). --lang takes effect
 * at once, so that later errors are in that language. Returns 0, or the exit status. */
static int parse_global(struct cli *c, int argc, char **argv)
{
	static const struct option OPTS[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "lang", required_argument, NULL, 'l' },
		{ "print-db-path", no_argument, NULL, 'p' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ "user", required_argument, NULL, 'u' },
		{ "password-fd", required_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	opterr = 0;
	optind = 0;
	while ((opt = getopt_long(argc, argv, "+:h", OPTS, NULL)) != -1) {
		const char *arg = argv[optind - 1];
		switch (opt) {
		case 'd': c->db_opt = optarg; break;
		case 'l':
			if (i18n_init(optarg) != 0) {
				i18n_init(c->lang);
				return usage_error(_("bahasa harus id atau en, bukan %s"), optarg);
			}
			c->lang = optarg;
			break;
		case 'p': c->print_path = 1; break;
		case 'u': c->ctx.user = optarg; break;
		case 'P': {
			char *end;
			long fd = strtol(optarg, &end, 10);
			if (!*optarg || *end || fd < 0 || fd > 1024)
				return usage_error("%s", _("--password-fd perlu nomor deskriptor "
							   "berkas (kata sandi tidak pernah ditulis di "
							   "baris perintah)."));
			c->ctx.password_fd = (int)fd;
			break;
		}
		case 'V': c->version = 1; break;
		case 'h': c->help = 1; break;
		case ':': return usage_error(_("%s perlu nilai"), arg);
		default:
			if (optopt && optopt != '-')
				return usage_error(_("pilihan tidak dikenal: -%c"), optopt);
			return usage_error(_("pilihan tidak dikenal: %s (pilihan sebuah perintah "
					     "ditulis sesudah perintahnya)"), arg);
		}
	}
	if (c->db_opt && !*c->db_opt)
		return usage_error("%s", _("--db perlu nama berkas"));
	return EXIT_OK;
}

/* Run the command line once the global options are read. */
static int run(struct cli *c, int argc, char **argv)
{
	int rc = parse_global(c, argc, argv);
	if (rc != EXIT_OK)
		return rc;
	int cmd = optind;
	const char *word = cmd < argc ? argv[cmd] : NULL;
	if (c->help && !word)
		return cli_help(_(USAGE));
	if (c->version && !c->help) {
		printf("sikube %s\n", SIKUBE_VERSION);
		return EXIT_OK;
	}
	if (db_default_path(c->db_opt, c->db_path, sizeof c->db_path, &c->db_is_default) != 0) {
		fprintf(stderr, "%s\n", _("sikube: lokasi basis data tidak diketahui; pakai --db PATH."));
		return EXIT_USAGE;
	}
	if (c->print_path && !c->help) {
		printf("%s\n", c->db_path);
		return EXIT_OK;
	}
	c->ctx.db_path = c->db_path;
	c->ctx.db_is_default = c->db_is_default;
	if (!word)
		return cmd_ui(&c->ctx);
	for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++) {
		if (strcmp(word, COMMANDS[i].name) != 0)
			continue;
		optind = 0; /* getopt_long starts over: the command's options follow its word */
		if (c->help) {
			/* `sikube --help report` is `sikube report --help`. */
			char *help_argv[] = { argv[cmd], (char *)"--help", NULL };
			return COMMANDS[i].run(&c->ctx, 2, help_argv);
		}
		return COMMANDS[i].run(&c->ctx, argc - cmd, argv + cmd);
	}
	return usage_error(_("perintah tidak dikenal: %s"), word);
}

int cli_main(int argc, char **argv)
{
	struct cli c;
	memset(&c, 0, sizeof c);
	c.ctx.password_fd = -1;
	/* Every write of this program is an operator's: a handle nobody logged in to saves
	 * nothing (db_access.h). */
	db_require_operator();
	/* The environment's language until --lang is read, so option errors are translated too. */
	i18n_init(NULL);
	return outfile_close_stdout(run(&c, argc, argv));
}
