/* cli_check.c - `sikube check`: lists every problem on stdout, exit 1 when any (a damaged
 * file included). */
#include <stdio.h>
#include <unistd.h>
#include "check.h"
#include "cli_cmds.h"
#include "i18n.h"

static void print_problem(void *ctx, const char *problem)
{
	(void)ctx;
	printf("%s\n", problem);
}

/* The stage on one stderr line (only when stderr is a terminal). */
static void show_stage(void *ctx, const char *stage, int n, int of)
{
	(void)ctx;
	fputs("\r\033[K", stderr);
	fprintf(stderr, _("Memeriksa %d/%d: %s ..."), n, of, stage);
	fflush(stderr);
}

static const char USAGE_CHECK[] = N_(
	"Pemakaian: sikube [--db PATH] check [--quick]\n"
	"\n"
	"Memeriksa basis data: keutuhan SQLite dan rujukan, iuran pertemuan terhadap\n"
	"buku kas, saldo di bawah nol, pembalikan, pengurus ganda dan NIK yang aktif\n"
	"di lebih dari satu anggota. Tiap masalah dicetak satu baris di stdout;\n"
	"status keluar 1 bila ada masalah.\n"
	"  --quick      pemeriksaan cepat: keutuhan SQLite tanpa mencocokkan indeks\n"
	"               dan tanpa memindai rujukan (yang dijaga SQLite tiap kali SIKUBE\n"
	"               menulis); ringkasan dan semua aturan tetap diperiksa\n"
	"  -h, --help   cetak bantuan ini\n");

/* check's work on the database (cli_work_fn): every problem printed as found. */
struct check_work {
	check_opts o;
	int problems;
};

static int check_work(sk_db *db, int tty, void *arg, sk_err *e)
{
	struct check_work *w = arg;
	w->o.progress = tty ? show_stage : NULL;
	int st = check_run_opts(db, &w->o, print_problem, NULL, &w->problems, e);
	cli_progress_end(tty);
	return st;
}

int cli_check(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct check_work w = { .problems = 0 };
	const struct cli_opt opts[] = { { "quick", .flag = &w.o.quick }, { .name = NULL } };
	int rc = cli_read_opts_only(argc, argv, opts, _(USAGE_CHECK), "check",
				    _("check tidak menerima %s"));
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	sk_err e;
	int st;
	rc = cli_with_db(ctx, 1, check_work, &w, &st, &e);
	if (rc != 0)
		return rc;
	fflush(stdout);
	if (st != SK_OK) {
		cli_error("%s", e.msg);
		return st == SK_BUSY ? 1 : 2;
	}
	if (w.problems) {
		fprintf(stderr, _("Pemeriksaan menemukan %d masalah.\n"), w.problems);
		return 1;
	}
	fprintf(stderr, "%s\n", _("Pemeriksaan selesai: tidak ada masalah."));
	return 0;
}
