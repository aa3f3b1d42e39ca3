/* cli_hub.c - `sikube hub load|report|export` (spec/cli.md, "The hub"), run by the program
 * sikube-hub (src/hub_main.c) that `sikube hub` starts: options read as every command reads
 * them (cli_next_opt), the connection from --pg or $SIKUBE_PG, exit status 0, 1 (refused,
 * problems) or 2 (wrong usage, the hub cannot be reached). */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli_cmds.h"
#include "outfile.h"
#include "hub.h"
#include "hub_cli.h"
#include "hub_report.h"
#include "i18n.h"
#include "region.h"

static const char USAGE_HUB[] = N_(
	"Pemakaian: sikube hub load --pg URL PATH... [--report FILE]\n"
	"           sikube hub report KIND --pg URL [--wilayah KODE]\n"
	"                             [--format text|csv|xlsx] [--output FILE]\n"
	"           sikube hub export --pg URL --wilayah KODE DIR\n"
	"\n"
	"Hub PostgreSQL untuk Dinas Sosial, provinsi dan kementerian: bundel kantor\n"
	"digabung (load), dilaporkan (report) dan dikeluarkan per wilayah (export).\n"
	"URL: alamat libpq (postgresql://user@host/db atau host=... dbname=...);\n"
	"tanpa --pg dipakai $SIKUBE_PG. KODE: kode provinsi, kabupaten, kecamatan\n"
	"atau desa/kelurahan (mis. 33.01).\n"
	"  sikube hub PERINTAH --help   pilihan satu perintah\n");

static const char USAGE_LOAD[] = N_(
	"Pemakaian: sikube hub load --pg URL PATH... [--report FILE]\n"
	"\n"
	"Menggabungkan bundel (folder) atau berkas CSV satu tabel ke hub dengan aturan\n"
	"yang sama dengan import. Tiap bundel masuk seluruhnya atau tidak sama sekali.\n"
	"  --pg URL        alamat hub (bawaan $SIKUBE_PG)\n"
	"  --report FILE   tulis daftar masalah ke FILE sebagai CSV\n"
	"                  (berkas,baris,kolom,nilai,alasan); tanpa ini ke stderr\n"
	"  -h, --help      cetak bantuan ini\n");

static const char USAGE_REPORT[] = N_(
	"Pemakaian: sikube hub report KIND --pg URL [--wilayah KODE]\n"
	"                             [--format text|csv|xlsx] [--output FILE]\n"
	"\n"
	"KIND, jenis laporan:\n"
	"  groups       semua kelompok: anggota, kelayakan, pertemuan terakhir, saldo\n"
	"  eligibility  penilaian terakhir tiap anggota aktif (14 kriteria BPS)\n"
	"  levels       penilaian perkembangan terakhir tiap kelompok dan kuartilnya\n"
	"  loans        pinjaman anggota: sisa pokok, tunggakan, status\n"
	"  regions      rekap per wilayah satu tingkat di bawah --wilayah\n"
	"\n"
	"Pilihan:\n"
	"  --pg URL            alamat hub (bawaan $SIKUBE_PG)\n"
	"  --wilayah KODE      hanya kelompok di wilayah itu; tanpa ini seluruh Indonesia\n"
	"  --format FORMAT     text (bawaan), csv atau xlsx (buku kerja Excel; perlu\n"
	"                      --output)\n"
	"  --output FILE       tulis ke berkas baru FILE (hanya pemiliknya yang dapat\n"
	"                      membaca; berkas yang sudah ada tidak ditimpa)\n"
	"  -h, --help          cetak bantuan ini\n");

static const char USAGE_EXPORT[] = N_(
	"Pemakaian: sikube hub export --pg URL --wilayah KODE DIR\n"
	"\n"
	"Menulis bundel (format 2) berisi semua kelompok di wilayah KODE dan seluruh\n"
	"datanya ke folder DIR, untuk diimpor kantor (mis. komputer pendamping baru).\n"
	"  --pg URL        alamat hub (bawaan $SIKUBE_PG)\n"
	"  --wilayah KODE  provinsi, kabupaten, kecamatan atau desa/kelurahan\n"
	"  -h, --help      cetak bantuan ini\n");

static int connect_hub(const char *pg, hub **h)
{
	sk_err e;
	sk_err_clear(&e);
	if (hub_connect(pg, h, &e) != SK_OK) {
		cli_error("%s", e.msg);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* A region code of any level, or usage error 2 naming cmd. */
static int check_wilayah(const char *cmd, const char *w)
{
	if (w && !region_level(w))
		return cli_usage_error(cmd, _("kode wilayah harus PP, PP.KK, PP.KK.CC atau "
					      "PP.KK.CC.DDDD, bukan %s"), w);
	return EXIT_OK;
}

/* The options of a hub command. */
struct hub_args {
	const char *pg, *report, *wilayah, *output;
	report_opts ro;
};

/* Read the options of opts (a subset of --pg, --report, --wilayah, --format, --output,
 * --help) into a. -1 when the command goes on (optind at its operands), else the exit
 * status (help printed, or a usage error). */
static int read_opts(int argc, char **argv, const struct option *opts, const char *usage,
		     struct hub_args *a)
{
	int opt;
	memset(a, 0, sizeof *a);
	a->ro.fmt = REPORT_TEXT;
	while ((opt = cli_next_opt(argc, argv, opts)) != -1) {
		switch (opt) {
		case 'p': a->pg = optarg; break;
		case 'r': a->report = optarg; break;
		case 'w': a->wilayah = optarg; break;
		case 'o': a->output = optarg; break;
		case 'f':
			if (cli_format_parse(optarg, &a->ro.fmt) != 0)
				return cli_usage_error(argv[0], _("format harus text, csv atau xlsx, "
								  "bukan %s"), optarg);
			break;
		case 'h': return cli_help(_(usage));
		default: return EXIT_USAGE;
		}
	}
	return -1;
}

#define OPT_PG { "pg", required_argument, NULL, 'p' }
#define OPT_WILAYAH { "wilayah", required_argument, NULL, 'w' }
#define OPT_END CLI_HELP_OPTION, { NULL, 0, NULL, 0 }

/* A reader's work (report, export): the region code checked, the hub reached and its schema
 * current, then fn(h, ctx, e). The exit status: 0, or that of the first failure. */
static int with_reader(const char *cmd, const struct hub_args *a,
		       int (*fn)(hub *h, void *ctx, sk_err *e), void *ctx)
{
	hub *h;
	int rc = check_wilayah(cmd, a->wilayah);
	if (rc != EXIT_OK || (rc = connect_hub(a->pg, &h)) != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	int st = hub_schema_check(h, &e);
	if (st == SK_OK)
		st = fn(h, ctx, &e);
	hub_close(h);
	if (st == SK_OK)
		return EXIT_OK;
	cli_error("%s", e.msg);
	return st == SK_DBERR ? EXIT_USAGE : EXIT_REFUSED;
}

/* ---- hub load ------------------------------------------------------------------------------ */

static void print_unit(const hub_unit_result *u)
{
	char label[sizeof u->label + 32];
	cli_masked(u->label, label, sizeof label);
	if (u->status == SK_OK) {
		long long c[3] = { 0, 0, 0 };
		for (int t = 0; t < BT_COUNT; t++) {
			c[0] += u->t[t].added;
			c[1] += u->t[t].updated;
			c[2] += u->t[t].unchanged;
		}
		fprintf(stderr, _("%s: dimuat ke hub: ditambah %lld, diperbarui %lld, tidak berubah "
				  "%lld.\n"), label, c[0], c[1], c[2]);
	} else if (u->status == SK_REFUSED) {
		fprintf(stderr, _("%s: ditolak: tidak ada data hub yang diubah.\n"), label);
	} else {
		fprintf(stderr, _("%s: gagal: %s\n"), label, u->msg);
	}
}

static int hub_cmd_load(int argc, char **argv)
{
	static const struct option OPTS[] = {
		OPT_PG, { "report", required_argument, NULL, 'r' }, OPT_END,
	};
	struct hub_args a;
	int done = read_opts(argc, argv, OPTS, USAGE_LOAD, &a);
	if (done >= 0)
		return done;
	const char *pg = a.pg, *report = a.report;
	if (optind >= argc)
		return cli_usage_error(argv[0], "%s", _("hub load perlu bundel (folder) atau berkas CSV"));
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			cli_error(_("%s tidak ada."), argv[i]);
			return EXIT_USAGE;
		}
	}
	hub *h;
	int rc = connect_hub(pg, &h);
	if (rc != EXIT_OK)
		return rc;
	hub_load_opts o = { 0 };
	int tty = isatty(STDERR_FILENO);
	o.progress = tty ? cli_progress : NULL;
	hub_load_result r;
	sk_err e;
	sk_err_clear(&e);
	int st = hub_load(h, argc - optind, (const char *const *)argv + optind, &o, &r, &e);
	cli_progress_end(tty);
	hub_close(h);
	sk_err we;
	sk_err_clear(&we);
	int werr = import_report_save(&r.problems, report, &we);
	if (werr != SK_OK)
		cli_error("%s", we.msg);
	for (int i = 0; i < r.nunits; i++)
		print_unit(&r.units[i]);
	if (st != SK_OK && st != SK_REFUSED)
		cli_error("%s", e.msg);
	long long problems = r.problems.nproblems + r.problems.more_problems;
	if (problems) {
		char where[PATH_MAX];
		fprintf(stderr, _("%lld masalah ditemukan%s%s.\n"), problems,
			report ? _("; daftar di ") : "", report ? cli_masked(report, where, sizeof where) : "");
	}
	hub_load_result_free(&r);
	return st == SK_OK && werr == SK_OK ? EXIT_OK : EXIT_REFUSED;
}

/* ---- hub report ---------------------------------------------------------------------------- */

struct report_job {
	const char *kind, *wilayah, *output;
	report_opts ro;
};

static int run_report(hub *h, void *ctx, sk_err *e)
{
	struct report_job *j = ctx;
	struct cli_sink s = { 0 };
	int st = cli_sink_open(j->output, j->ro.fmt, &s, &j->ro, e);
	if (st == SK_OK) {
		st = hub_report(h, j->kind, j->wilayah, &j->ro, s.f, e);
		int cst = cli_sink_close(&s, &j->ro, st == SK_OK, st == SK_OK ? e : NULL);
		if (st == SK_OK)
			st = cst;
	}
	return st;
}

static int hub_cmd_report(int argc, char **argv)
{
	static const struct option OPTS[] = {
		OPT_PG, OPT_WILAYAH, { "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' }, OPT_END,
	};
	struct hub_args a;
	int done = read_opts(argc, argv, OPTS, USAGE_REPORT, &a);
	if (done >= 0)
		return done;
	const char *output = a.output;
	report_opts ro = a.ro;
	if (optind + 1 != argc)
		return cli_usage_error(argv[0], _("hub report perlu satu jenis laporan: %s"),
				       hub_report_kinds());
	const char *kind = argv[optind];
	if (!hub_report_known(kind))
		return cli_usage_error(argv[0], _("jenis laporan hub tidak dikenal: %s"), kind);
	if (ro.fmt == REPORT_XLSX && !output)
		return cli_usage_error(argv[0], "%s", _("--format xlsx perlu --output FILE"));
	if (output && !*output)
		return cli_usage_error(argv[0], "%s", _("--output perlu nama berkas"));
	struct report_job j = { .kind = kind, .wilayah = a.wilayah, .output = output, .ro = ro };
	int rc = with_reader(argv[0], &a, run_report, &j);
	if (rc != EXIT_OK)
		return rc;
	if (output)
		fprintf(stderr, _("Laporan tersimpan: %s\n"), output);
	return EXIT_OK;
}

/* ---- hub export ---------------------------------------------------------------------------- */

struct export_job {
	const char *wilayah, *dir;
	long long rows[BT_COUNT];
};

static int run_export(hub *h, void *ctx, sk_err *e)
{
	struct export_job *j = ctx;
	return hub_export(h, j->wilayah, j->dir, j->rows, e);
}

static int hub_cmd_export(int argc, char **argv)
{
	static const struct option OPTS[] = { OPT_PG, OPT_WILAYAH, OPT_END };
	struct hub_args a;
	int done = read_opts(argc, argv, OPTS, USAGE_EXPORT, &a);
	if (done >= 0)
		return done;
	const char *wilayah = a.wilayah;
	if (optind + 1 != argc || !wilayah)
		return cli_usage_error(argv[0], "%s", _("hub export perlu --wilayah KODE dan satu folder DIR"));
	const char *dir = argv[optind];
	struct export_job j = { .wilayah = wilayah, .dir = dir };
	int rc = with_reader(argv[0], &a, run_export, &j);
	if (rc != EXIT_OK)
		return rc;
	const long long *rows = j.rows;
	char where[PATH_MAX];
	fprintf(stderr, _("Bundel wilayah %s tersimpan di %s:"), wilayah,
		cli_masked(dir, where, sizeof where));
	for (int t = 0; t < BT_COUNT; t++)
		fprintf(stderr, "%s %s %lld", t ? "," : "", BUNDLE_TABLES[t].name, rows[t]);
	fputc('\n', stderr);
	return EXIT_OK;
}

static int run_hub(int argc, char **argv)
{
	static const struct {
		const char *name;    /* the word after hub */
		const char *cmd;     /* as messages name it ("Lihat: sikube hub load --help") */
		int (*run)(int argc, char **argv);
	} CMDS[] = { { "load", "hub load", hub_cmd_load },
		     { "report", "hub report", hub_cmd_report },
		     { "export", "hub export", hub_cmd_export } };
	if (argc < 1)
		return cli_usage_error("hub", "%s", _("hub perlu perintah: load, report atau export"));
	if (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)
		return cli_help(_(USAGE_HUB));
	for (size_t i = 0; i < sizeof CMDS / sizeof CMDS[0]; i++) {
		if (strcmp(argv[0], CMDS[i].name) != 0)
			continue;
		char *args[argc + 1];
		args[0] = (char *)CMDS[i].cmd;
		for (int j = 1; j <= argc; j++)
			args[j] = argv[j];
		optind = 0; /* getopt_long starts over for the command's options */
		return CMDS[i].run(argc, args);
	}
	return cli_usage_error("hub", _("perintah hub tidak dikenal: %s"), argv[0]);
}

int hub_cli_main(int argc, char **argv)
{
	return outfile_close_stdout(run_hub(argc, argv));
}
