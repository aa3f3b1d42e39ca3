/* cli_hub.c - `sikube hub load|report|export` (spec/cli.md, "The hub"), run by the program
 * sikube-hub (src/hub_main.c) that `sikube hub` starts: options by getopt_long, the
 * connection from --pg or $SIKUBE_PG, exit status 0, 1 (refused, problems) or 2 (wrong usage,
 * the hub cannot be reached). */
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hub.h"
#include "hub_cli.h"
#include "hub_report.h"
#include "i18n.h"
#include "region.h"

enum { EXIT_OK = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2 };

static void hub_usage(FILE *out)
{
	fprintf(out, "%s", _("Pemakaian:\n"
			     "  sikube hub load --pg URL PATH... [--report FILE]\n"
			     "  sikube hub report KIND --pg URL [--wilayah KODE] [--format text|csv|xlsx]\n"
			     "                    [--output FILE]\n"
			     "  sikube hub export --pg URL --wilayah KODE DIR\n"
			     "KIND: groups, eligibility, levels, loans, regions.\n"
			     "URL: alamat libpq (postgresql://user@host/db atau host=... dbname=...);\n"
			     "tanpa --pg dipakai $SIKUBE_PG. KODE: kode provinsi, kabupaten, kecamatan\n"
			     "atau desa/kelurahan (mis. 33.01).\n"));
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "sikube: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%s\n", _("Lihat: sikube hub --help"));
	return EXIT_USAGE;
}

struct hub_args {
	const char *pg, *report, *wilayah, *format, *output;
	int help;
};

/* Options of a hub command; the words that are not options stay in argv[optind..]. */
static int parse(int argc, char **argv, const char *cmd, struct hub_args *a)
{
	static const struct option opts[] = {
		{ "pg", required_argument, NULL, 'p' },
		{ "report", required_argument, NULL, 'r' },
		{ "wilayah", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	memset(a, 0, sizeof *a);
	optind = 0;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
		switch (c) {
		case 'p': a->pg = optarg; break;
		case 'r': a->report = optarg; break;
		case 'w': a->wilayah = optarg; break;
		case 'f': a->format = optarg; break;
		case 'o': a->output = optarg; break;
		case 'h': a->help = 1; break;
		case ':':
			return usage_error(_("%s perlu nilai"), argv[optind - 1]);
		default:
			fprintf(stderr, _("sikube: pilihan tidak dikenal untuk hub %s: %s\n"), cmd,
				argv[optind - 1]);
			return usage_error("%s", _("periksa pilihannya"));
		}
	}
	return EXIT_OK;
}

/* Options after the first word too ("hub load DIR --pg URL"): parse again from there. */
static int parse_all(int argc, char **argv, const char *cmd, struct hub_args *a, char **words,
		     int *nwords)
{
	*nwords = 0;
	struct hub_args sum = { 0 };
	int i = 0;
	while (i < argc) {
		int rc = parse(argc - i, argv + i, cmd, a);
		if (rc != EXIT_OK)
			return rc;
#define KEEP(f) if (a->f) sum.f = a->f
		KEEP(pg); KEEP(report); KEEP(wilayah); KEEP(format); KEEP(output);
		sum.help |= a->help;
		int at = i + optind;
		if (at >= argc)
			break;
		if (strcmp(argv[at - 1], "--") == 0 && at - 1 >= i + 1) {
			for (int j = at; j < argc; j++)
				words[(*nwords)++] = argv[j];
			break;
		}
		words[(*nwords)++] = argv[at];
		i = at; /* the word stands where getopt expects the program name */
	}
	*a = sum;
	return EXIT_OK;
}

static int connect_hub(const struct hub_args *a, hub **h)
{
	sk_err e;
	sk_err_clear(&e);
	if (hub_connect(a->pg, h, &e) != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* ---- hub load ------------------------------------------------------------------------------ */

static void show_progress(void *ctx, const char *what, long long done, long long total)
{
	(void)ctx;
	if (total > 0)
		fprintf(stderr, "\r\033[K%s %lld/%lld", what, done, total);
	else
		fprintf(stderr, "\r\033[K%s %lld", what, done);
	fflush(stderr);
}

/* The problem list: into file (private: it names people; never through a planted link) or
 * onto stderr. */
static int write_problems(const import_result *r, const char *file)
{
	if (!file)
		return r->nproblems || r->more_problems ? import_write_report(r, stderr) : 0;
	int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0 && fchmod(fd, 0600) != 0) {
		close(fd);
		fd = -1;
	}
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		perror(file);
		return -1;
	}
	int bad = import_write_report(r, f) != 0;
	if (fclose(f) != 0 || bad) {
		perror(file);
		return -1;
	}
	return 0;
}

static void print_unit(const hub_unit_result *u)
{
	if (u->status == SK_OK) {
		long long c[3] = { 0, 0, 0 };
		for (int t = 0; t < BT_COUNT; t++) {
			c[0] += u->t[t].added;
			c[1] += u->t[t].updated;
			c[2] += u->t[t].unchanged;
		}
		fprintf(stderr, _("%s: dimuat ke hub: ditambah %lld, diperbarui %lld, tidak berubah "
				  "%lld.\n"), u->label, c[0], c[1], c[2]);
	} else if (u->status == SK_REFUSED) {
		fprintf(stderr, _("%s: ditolak: tidak ada data hub yang diubah.\n"), u->label);
	} else {
		fprintf(stderr, _("%s: gagal: %s\n"), u->label, u->msg);
	}
}

static int hub_cmd_load(int argc, char **argv)
{
	struct hub_args a;
	char *words[argc > 0 ? argc : 1];
	int n;
	int rc = parse_all(argc, argv, "load", &a, words, &n);
	if (rc != EXIT_OK)
		return rc;
	if (a.help || n == 0) {
		hub_usage(a.help ? stdout : stderr);
		return a.help ? EXIT_OK : EXIT_USAGE;
	}
	if (a.wilayah || a.format || a.output)
		return usage_error("%s", _("hub load hanya menerima --pg dan --report"));
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (stat(words[i], &st) != 0) {
			fprintf(stderr, _("sikube: %s tidak ada.\n"), words[i]);
			return EXIT_USAGE;
		}
	}
	hub *h;
	if ((rc = connect_hub(&a, &h)) != EXIT_OK)
		return rc;
	hub_load_opts o = { 0 };
	int tty = isatty(STDERR_FILENO);
	o.progress = tty ? show_progress : NULL;
	hub_load_result r;
	sk_err e;
	sk_err_clear(&e);
	int st = hub_load(h, n, (const char *const *)words, &o, &r, &e);
	if (tty)
		fputs("\r\033[K", stderr);
	hub_close(h);
	int werr = write_problems(&r.problems, a.report);
	for (int i = 0; i < r.nunits; i++)
		print_unit(&r.units[i]);
	if (st != SK_OK && st != SK_REFUSED)
		fprintf(stderr, "sikube: %s\n", e.msg);
	long long problems = r.problems.nproblems + r.problems.more_problems;
	if (problems)
		fprintf(stderr, _("%lld masalah ditemukan%s%s.\n"), problems,
			a.report ? _("; daftar di ") : "", a.report ? a.report : "");
	hub_load_result_free(&r);
	return st == SK_OK && werr == 0 ? EXIT_OK : EXIT_REFUSED;
}

/* ---- hub report ---------------------------------------------------------------------------- */

static int open_output(const char *path, FILE **f)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	*f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!*f) {
		if (fd >= 0)
			close(fd);
		perror(path);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

static int check_wilayah(const char *w)
{
	if (w && !region_level(w))
		return usage_error(_("kode wilayah harus PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD, bukan %s"),
				   w);
	return EXIT_OK;
}

static int hub_cmd_report(int argc, char **argv)
{
	struct hub_args a;
	char *words[argc > 0 ? argc : 1];
	int n;
	int rc = parse_all(argc, argv, "report", &a, words, &n);
	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		hub_usage(stdout);
		return EXIT_OK;
	}
	if (n != 1)
		return usage_error(_("hub report perlu satu jenis laporan: %s"), hub_report_kinds());
	if (!hub_report_known(words[0]))
		return usage_error(_("jenis laporan hub tidak dikenal: %s"), words[0]);
	hub_format fmt = HUB_FMT_TEXT;
	if (a.format && strcmp(a.format, "csv") == 0)
		fmt = HUB_FMT_CSV;
	else if (a.format && strcmp(a.format, "xlsx") == 0)
		fmt = HUB_FMT_XLSX;
	else if (a.format && strcmp(a.format, "text") != 0)
		return usage_error(_("format harus text, csv atau xlsx, bukan %s"), a.format);
	if (fmt == HUB_FMT_XLSX && !a.output)
		return usage_error("%s", _("--format xlsx perlu --output FILE"));
	if ((rc = check_wilayah(a.wilayah)) != EXIT_OK || a.report)
		return rc != EXIT_OK ? rc : usage_error("%s", _("--report hanya untuk hub load"));
	hub *h;
	if ((rc = connect_hub(&a, &h)) != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	int st = hub_schema_check(h, &e);
	FILE *out = stdout;
	if (st == SK_OK && a.output && open_output(a.output, &out) != EXIT_OK)
		st = SK_IOERR, sk_err_set(&e, SK_IOERR, "%s", _("Laporan tidak dapat ditulis."));
	if (st == SK_OK)
		st = hub_report(h, words[0], a.wilayah, fmt, out, &e);
	if (out != stdout && fclose(out) != 0 && st == SK_OK)
		st = sk_err_set(&e, SK_IOERR, "%s", _("Laporan tidak dapat ditulis."));
	hub_close(h);
	if (st != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		return st == SK_DBERR ? EXIT_USAGE : EXIT_REFUSED;
	}
	return EXIT_OK;
}

/* ---- hub export ---------------------------------------------------------------------------- */

static int hub_cmd_export(int argc, char **argv)
{
	struct hub_args a;
	char *words[argc > 0 ? argc : 1];
	int n;
	int rc = parse_all(argc, argv, "export", &a, words, &n);
	if (rc != EXIT_OK)
		return rc;
	if (a.help) {
		hub_usage(stdout);
		return EXIT_OK;
	}
	if (n != 1 || !a.wilayah)
		return usage_error("%s", _("hub export perlu --wilayah KODE dan satu folder DIR"));
	if (a.report || a.format || a.output)
		return usage_error("%s", _("hub export hanya menerima --pg dan --wilayah"));
	if ((rc = check_wilayah(a.wilayah)) != EXIT_OK)
		return rc;
	hub *h;
	if ((rc = connect_hub(&a, &h)) != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	long long rows[BT_COUNT];
	int st = hub_schema_check(h, &e);
	if (st == SK_OK)
		st = hub_export(h, a.wilayah, words[0], rows, &e);
	hub_close(h);
	if (st != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		return st == SK_DBERR ? EXIT_USAGE : EXIT_REFUSED;
	}
	fprintf(stderr, _("Bundel wilayah %s tersimpan di %s:"), a.wilayah, words[0]);
	for (int t = 0; t < BT_COUNT; t++)
		fprintf(stderr, "%s %s %lld", t ? "," : "", BUNDLE_TABLES[t].name, rows[t]);
	fputc('\n', stderr);
	return EXIT_OK;
}

int hub_cli_main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int argc, char **argv);
	} CMDS[] = { { "load", hub_cmd_load }, { "report", hub_cmd_report },
		     { "export", hub_cmd_export } };
	if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
		hub_usage(argc < 1 ? stderr : stdout);
		return argc < 1 ? EXIT_USAGE : EXIT_OK;
	}
	for (size_t i = 0; i < sizeof CMDS / sizeof CMDS[0]; i++)
		if (strcmp(argv[0], CMDS[i].name) == 0)
			return CMDS[i].run(argc, argv);
	return usage_error(_("perintah hub tidak dikenal: %s"), argv[0]);
}
