/* cli_exchange.c - `sikube export DIR` and `sikube import PATH...` (spec/cli.md). */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli_cmds.h"
#include "export.h"
#include "i18n.h"
#include "import.h"
#include "outfile.h"
#include "region.h"
#include "signing.h"

static const char USAGE_EXPORT[] = N_(
	"Pemakaian: sikube [--db PATH] export DIR [--since-last] [--mask-nik] [--excel]\n"
	"           sikube [--db PATH] export --xlsx FILE [--mask-nik]\n"
	"\n"
	"Menulis bundel (CSV, untuk diimpor kantor lain) ke folder DIR, atau buku kerja\n"
	"Excel berisi data kantor ini.\n"
	"  --since-last   hanya perubahan sejak ekspor sebelumnya\n"
	"  --mask-nik     samarkan NIK dan No. KK (hanya untuk dibaca, tidak dapat\n"
	"                 diimpor)\n"
	"  --excel        CSV untuk Excel berbahasa Indonesia (BOM, titik koma, CRLF)\n"
	"  --xlsx FILE    tulis buku kerja baru FILE: satu lembar per tabel, kode dan\n"
	"                 nama kelompok di samping id, NIK sebagai teks\n"
	"  -h, --help     cetak bantuan ini\n");

static const char USAGE_IMPORT[] = N_(
	"Pemakaian: sikube [--db PATH] import PATH... [--valid-only] [--report FILE]\n"
	"                                    [--require-signed]\n"
	"\n"
	"Menggabungkan bundel (folder) atau berkas CSV satu tabel (anggota.csv, ...).\n"
	"Sebuah bundel masuk seluruhnya atau tidak sama sekali. Tanda tangan bundel\n"
	"diperiksa: yang tidak sah (manifest diubah) atau dari kunci yang dicabut\n"
	"ditolak.\n"
	"  --valid-only    impor baris yang sah saja\n"
	"  --require-signed  tolak bundel tanpa tanda tangan atau dari kunci yang\n"
	"                  tidak ada dalam daftar kunci tepercaya (sikube keys)\n"
	"  --report FILE   tulis daftar masalah ke FILE sebagai CSV\n"
	"                  (berkas,baris,kolom,nilai,alasan); tanpa ini ke stderr\n"
	"  -h, --help      cetak bantuan ini\n");

/* export's work on the database (cli_work_fn): the bundle into dir. */
struct export_work {
	const char *dir;
	const export_opts *o;
	export_result r;
};

static int export_work(sk_db *db, int tty, void *arg, sk_err *e)
{
	struct export_work *w = arg;
	int st = export_bundle(db, w->dir, w->o, tty ? cli_progress : NULL, NULL, &w->r, e);
	cli_progress_end(tty);
	return st;
}

int cli_export(const struct cli_ctx *ctx, int argc, char **argv)
{
	export_opts o = { 0 };
	const char *xlsx = NULL;
	const struct cli_opt opts[] = {
		{ "since-last", .flag = &o.since_last }, { "mask-nik", .flag = &o.mask_nik },
		{ "excel", .flag = &o.excel }, { "xlsx", .value = &xlsx }, { .name = NULL },
	};
	int rc = cli_read_opts(argc, argv, opts, _(USAGE_EXPORT));
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	/* cli_read_opts set xlsx through opts (cppcheck does not follow the pointer). */
	/* cppcheck-suppress knownConditionTrueFalse */
	if (xlsx) {
		if (optind < argc || o.since_last || o.excel)
			return cli_usage_error("export", "%s", _("export --xlsx FILE menulis buku kerja "
								 "saja (boleh dengan --mask-nik); "
								 "bundel ditulis dengan export DIR"));
		return cli_export_xlsx(ctx, xlsx, o.mask_nik);
	}
	if (optind >= argc)
		return cli_usage_error("export", "%s", _("export perlu folder tujuan DIR atau --xlsx FILE"));
	if (optind + 1 < argc)
		return cli_usage_error("export", _("export menulis ke satu folder saja, bukan juga %s"),
				       argv[optind + 1]);
	struct export_work w = { .dir = argv[optind], .o = &o };
	sk_err e;
	int st;
	rc = cli_with_db(ctx, 1, export_work, &w, &st, &e);
	if (rc != EXIT_OK)
		return rc;
	if (st != SK_OK) {
		cli_error("%s", e.msg);
		return EXIT_REFUSED;
	}
	char where[PATH_MAX];
	fprintf(stderr, _("Bundel tersimpan di %s:"), cli_masked(w.dir, where, sizeof where));
	for (int t = 0; t < BT_COUNT; t++)
		fprintf(stderr, "%s %s %lld", t ? "," : "", BUNDLE_TABLES[t].name, w.r.rows[t]);
	fputc('\n', stderr);
	if (*w.r.sejak)
		fprintf(stderr, _("Hanya perubahan sejak ekspor sebelumnya (%s).\n"), w.r.sejak);
	if (o.mask_nik)
		fprintf(stderr, "%s\n", _("NIK dan No. KK disamarkan: bundel ini hanya untuk dibaca, "
					  "tidak dapat diimpor."));
	if (w.r.not_stamped)
		fprintf(stderr, "%s\n", _("Catatan: basis data sedang dipakai program SIKUBE lain, jadi "
					  "waktu ekspor ini belum dicatat; ekspor --since-last berikutnya "
					  "memuat lagi perubahan ini."));
	return EXIT_OK;
}

/* The problem list: into file or onto stderr (import_report_save). */
static int write_problems(const import_result *r, const char *file)
{
	sk_err e;
	sk_err_clear(&e);
	if (import_report_save(r, file, &e) == SK_OK)
		return 0;
	cli_error("%s", e.msg);
	return -1;
}

static void print_summary(const import_result *r, int status, const char *report)
{
	for (int t = 0; t < BT_COUNT && r->committed; t++) {
		const import_counts *c = &r->t[t];
		if (c->added + c->updated + c->unchanged + c->refused == 0)
			continue;
		fprintf(stderr, _("  %-10s ditambah %lld, diperbarui %lld, tidak berubah %lld, "
				  "ditolak %lld\n"), BUNDLE_TABLES[t].name, c->added, c->updated,
			c->unchanged, c->refused);
	}
	long long problems = r->nproblems + r->more_problems;
	if (r->committed)
		fprintf(stderr, _("Impor selesai: ditambah %lld, diperbarui %lld, tidak berubah %lld, "
				  "ditolak %lld.\n"), import_total(r, 0), import_total(r, 1),
			import_total(r, 2), import_total(r, 3));
	else if (status != SK_OK)
		fprintf(stderr, "%s\n", _("Impor ditolak: tidak ada data yang diubah."));
	if (problems) {
		char where[PATH_MAX];
		fprintf(stderr, _("%lld masalah ditemukan%s%s.\n"), problems,
			report ? _("; daftar di ") : "", report ? cli_masked(report, where, sizeof where) : "");
	}
}

/* Who signed each bundle: the office by name and region, and whether the district trusts
 * its key. */
static void print_signers(sk_db *db, const import_result *r)
{
	for (int i = 0; i < r->nsigners; i++) {
		const import_signer *g = &r->signers[i];
		char where[PATH_MAX], fp[20], region[SK_NAME_BYTES + 40] = "";
		sk_region rg;
		cli_masked(g->path, where, sizeof where);
		if (g->status == IMPORT_UNSIGNED) {
			fprintf(stderr, _("%s: tidak bertanda tangan.\n"), where);
			continue;
		}
		if (*g->kode_wilayah && region_get(db, g->kode_wilayah, &rg, NULL) == SK_OK)
			snprintf(region, sizeof region, "%s %s", g->kode_wilayah, rg.nama);
		else
			snprintf(region, sizeof region, "%s", *g->kode_wilayah ? g->kode_wilayah : "-");
		signing_fingerprint(g->kunci_publik, fp);
		fprintf(stderr, g->status == IMPORT_TRUSTED
				? _("%s: ditandatangani %s (%s), kunci %s: tepercaya.\n")
				: _("%s: ditandatangani %s (%s), kunci %s: TIDAK DIKENAL (belum ada dalam "
				    "daftar kunci tepercaya).\n"),
			where, *g->nama_kantor ? g->nama_kantor : _("kantor tanpa nama"), region, fp);
	}
}

/* import's work on the database (cli_work_fn): the paths merged, then who signed them. */
struct import_work {
	int n;
	const char **paths;
	import_opts *o;
	import_result r;
};

static int import_work(sk_db *db, int tty, void *arg, sk_err *e)
{
	struct import_work *w = arg;
	w->o->progress = tty ? cli_progress : NULL;
	int st = import_paths(db, w->n, w->paths, w->o, &w->r, e);
	cli_progress_end(tty);
	print_signers(db, &w->r);
	return st;
}

int cli_import(const struct cli_ctx *ctx, int argc, char **argv)
{
	import_opts o = { 0 };
	const char *report = NULL;
	const struct cli_opt opts[] = {
		{ "valid-only", .flag = &o.valid_only }, { "report", .value = &report },
		{ "require-signed", .flag = &o.require_signed }, { .name = NULL },
	};
	int rc = cli_read_opts(argc, argv, opts, _(USAGE_IMPORT));
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	const char *paths[argc > optind ? argc - optind : 1];
	int npaths = 0;
	for (int i = optind; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0) {
			cli_error(_("%s tidak ada."), argv[i]);
			return EXIT_USAGE;
		}
		paths[npaths++] = argv[i];
	}
	if (npaths == 0)
		return cli_usage_error("import", "%s", _("import perlu bundel (folder) atau berkas CSV"));
	struct import_work w = { .n = npaths, .paths = paths, .o = &o };
	sk_err e;
	int st;
	rc = cli_with_db(ctx, 0, import_work, &w, &st, &e);
	if (rc != EXIT_OK)
		return rc;
	int werr = write_problems(&w.r, report);
	/* A refusal of the whole import (the operator's role) has a message and no problem. */
	if (st != SK_OK && (st != SK_REFUSED || (!w.r.nproblems && !w.r.more_problems && *e.msg)))
		cli_error("%s", e.msg);
	print_summary(&w.r, st, report);
	import_result_free(&w.r);
	return st == SK_OK && werr == 0 ? EXIT_OK : EXIT_REFUSED;
}
