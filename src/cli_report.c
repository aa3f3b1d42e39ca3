/* cli_report.c - `sikube report KIND` (spec/cli.md): its options, the group by code or id, the
 * report to stdout or into a new private file as text, CSV or an xlsx workbook. */
#include <stdio.h>
#include <string.h>
#include "cli_cmds.h"
#include "i18n.h"
#include "report.h"
#include "util.h"
#include "xlsx.h"

static const char USAGE_REPORT[] = N_(
	"Pemakaian: sikube [--db PATH] report KIND [--group KODE|ID] [--month YYYY-MM]\n"
	"                  [--format text|csv|xlsx] [--output FILE]\n"
	"\n"
	"KIND, jenis laporan:\n"
	"  groups       semua kelompok: anggota, kelayakan, pertemuan terakhir, saldo\n"
	"  eligibility  penilaian terakhir tiap anggota aktif (14 kriteria BPS)\n"
	"  cashbook     buku kas satu kelompok, satu tabel per buku (perlu --group)\n"
	"  attendance   kehadiran dan iuran per anggota satu kelompok (perlu --group)\n"
	"  monthly      laporan bulanan pendamping (perlu --month)\n"
	"  audit        jejak audit: siapa mengubah apa, kapan (saring dengan\n"
	"               --operator, --group, --member, --month, --from, --to)\n"
	"  person       semua data satu orang dan jejaknya (perlu --nik; UU 27/2022)\n"
	"  savings      simpanan tiap anggota di siklus simpan pinjam (perlu --group)\n"
	"  loans        pinjaman anggota: sisa, tunggakan, hari terlambat (semua\n"
	"               kelompok, atau --group)\n"
	"  shareout     bagi hasil siklus berjalan (bila ditutup hari ini) atau yang\n"
	"               terakhir ditutup (perlu --group)\n"
	"  levels       tingkat perkembangan tiap kelompok: penilaian terakhir\n"
	"               dan kuartilnya\n"
	"\n"
	"Pilihan:\n"
	"  --group KODE|ID     satu kelompok: kodenya seperti di layar (mis. BTU-01)\n"
	"                      atau id-nya\n"
	"  --month YYYY-MM     hanya bulan itu, mis. 2026-11\n"
	"  --format FORMAT     text (bawaan, untuk dibaca), csv (satu baris judul lalu\n"
	"                      data, dipisah koma) atau xlsx (buku kerja Excel: NIK\n"
	"                      sebagai teks, tanggal sebagai tanggal; perlu --output)\n"
	"  --output FILE       tulis ke berkas baru FILE (hanya pemiliknya yang dapat\n"
	"                      membaca; berkas yang sudah ada tidak ditimpa)\n"
	"  --operator NAMA     (audit) hanya catatan operator itu\n"
	"  --member ID         (audit) hanya catatan tentang anggota itu\n"
	"  --from, --to TGL    (audit) dari / sampai tanggal TTTT-BB-HH (UTC)\n"
	"  --nik NIK           (person) NIK orang yang datanya diminta\n"
	"  -h, --help          cetak bantuan ini\n");

/* needs_month: 1 required, 0 optional, -1 not taken (the figures are today's). */
static const struct report_kind {
	const char *name;
	int needs_group, needs_month;
	report_fn run;
} KINDS[] = {
	{ "groups", 0, -1, report_groups_run },
	{ "eligibility", 0, -1, report_eligibility },
	{ "cashbook", 1, 0, report_cashbook },
	{ "attendance", 1, 0, report_attendance },
	{ "monthly", 0, 1, report_monthly },
	{ "audit", 0, 0, report_audit },
	{ "person", 0, -1, report_person },
	{ "savings", 1, 0, report_savings },
	{ "loans", 0, 0, report_loans },
	{ "shareout", 1, -1, report_shareout },
	{ "levels", 0, -1, report_levels },
};

struct report_args {
	const struct report_kind *kind;
	const char *group;     /* as typed: a code or an id */
	const char *month;
	const char *output;
	report_format fmt;
	const char *operator, *member, *from, *to, *nik;
};

static const struct report_kind *find_kind(const char *name)
{
	for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
		if (strcmp(name, KINDS[i].name) == 0)
			return &KINDS[i];
	return NULL;
}

/* --format's value into *(report_format *)out, or a usage error. */
static int parse_format(const char *v, void *out)
{
	if (cli_format_parse(v, out) != 0)
		return cli_usage_error("report", _("format harus text, csv atau xlsx, bukan %s"), v);
	return 0;
}

/* Options and KIND into a; returns 0, -1 after --help, or the exit status of a usage error. */
static int parse(int argc, char **argv, struct report_args *a)
{
	memset(a, 0, sizeof *a);
	const struct cli_opt opts[] = {
		{ "group", .value = &a->group }, { "month", .value = &a->month },
		{ "format", .parse = parse_format, .out = &a->fmt }, { "output", .value = &a->output },
		{ "operator", .value = &a->operator }, { "member", .value = &a->member },
		{ "from", .value = &a->from }, { "to", .value = &a->to }, { "nik", .value = &a->nik },
		{ .name = NULL },
	};
	int rc = cli_read_opts(argc, argv, opts, _(USAGE_REPORT));
	if (rc != 0)
		return rc;
	if (optind >= argc)
		return cli_usage_error("report", "%s", _("report perlu jenis laporan: groups, "
							 "eligibility, cashbook, attendance, monthly, "
							 "savings, loans, shareout, levels, audit atau person"));
	if (optind + 1 < argc)
		return cli_usage_error("report", _("report membuat satu laporan saja, bukan juga %s"),
				       argv[optind + 1]);
	a->kind = find_kind(argv[optind]);
	if (!a->kind)
		return cli_usage_error("report", _("jenis laporan tidak dikenal: %s"), argv[optind]);
	if (a->month && !report_month_valid(a->month))
		return cli_usage_error("report", _("bulan harus TTTT-BB, bukan %s"), a->month);
	if (a->group && !*a->group)
		return cli_usage_error("report", "%s", _("--group perlu kode atau id kelompok"));
	if (a->kind->needs_group && !a->group)
		return cli_usage_error("report", _("laporan %s perlu --group KODE atau ID"),
				       a->kind->name);
	if (a->kind->needs_month < 0 && a->month)
		return cli_usage_error("report", _("laporan %s tidak memakai --month: isinya keadaan "
						   "hari ini"), a->kind->name);
	if (a->kind->needs_month > 0 && !a->month)
		return cli_usage_error("report", _("laporan %s perlu --month TTTT-BB"), a->kind->name);
	if ((a->from && !sk_date_valid(a->from)) || (a->to && !sk_date_valid(a->to)))
		return cli_usage_error("report", "%s", _("--from dan --to perlu tanggal TTTT-BB-HH"));
	if (strcmp(a->kind->name, "person") == 0 && !a->nik)
		return cli_usage_error("report", "%s", _("laporan person perlu --nik NIK"));
	if (a->fmt == REPORT_XLSX && !a->output)
		return cli_usage_error("report", "%s", _("--format xlsx perlu --output FILE"));
	if (a->output && !*a->output)
		return cli_usage_error("report", "%s", _("--output perlu nama berkas"));
	return EXIT_OK;
}

/* Exit status of a core status: refused, missing, busy or unwritable is 1; a database that
 * cannot be read is 2. */
static int exit_of(int st)
{
	return st == SK_OK ? EXIT_OK : st == SK_DBERR ? EXIT_USAGE : EXIT_REFUSED;
}

int cli_report(const struct cli_ctx *c, int argc, char **argv)
{
	struct report_args a;
	int rc = parse(argc, argv, &a);
	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	sk_db *db;
	rc = cli_open_db(c, 1, &db);
	if (rc != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	char gid[37] = "";
	report_opts o = { .month = a.month, .fmt = a.fmt, .operator = a.operator,
			  .member_id = a.member, .from = a.from, .to = a.to, .nik = a.nik };
	struct cli_sink s = { 0 };
	int st = a.group ? report_find_group(db, a.group, gid, &e) : SK_OK;
	if (a.group)
		o.group_id = gid;
	if (st == SK_OK)
		st = cli_sink_open(a.output, a.fmt, &s, &o, &e);
	if (st == SK_OK) {
		st = a.kind->run(db, &o, s.f, &e);
		int cst = cli_sink_close(&s, &o, st == SK_OK, st == SK_OK ? &e : NULL);
		if (st == SK_OK)
			st = cst;
	}
	db_close(db);
	if (st != SK_OK) {
		fprintf(stderr, "sikube: %s\n", e.msg);
		return exit_of(st);
	}
	if (a.output)
		fprintf(stderr, _("Laporan tersimpan: %s\n"), a.output);
	return EXIT_OK;
}
