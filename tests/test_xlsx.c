/* test_xlsx.c - the workbook writer: files private and whole, never over a file or through a
 * symlink (also when one appears while the workbook is written), nothing left beside, names
 * and cells Excel would refuse made acceptable. The cells' types are read back by
 * tests/cli_xlsx.sh with openpyxl. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <sys/stat.h>
#include "testlib.h"
#include "i18n.h"
#include "xlsx.h"

static char dir[PATH_MAX];

static const xlsx_col COLS[] = {
	{ "nik", XC_CODE, 0 }, { "nama", XC_TEXT, 0 }, { "tanggal", XC_DATE, 0 },
	{ "jumlah", XC_MONEY, 0 }, { "n", XC_INT, 0 }, { "luas", XC_DECIMAL, 0 },
};
#define NCOLS ((int)(sizeof COLS / sizeof COLS[0]))

/* dir/name; four buffers in turn, so that two can be arguments of one call. */
static char *path_of(const char *name)
{
	static char p[4][PATH_MAX + 64];
	static int next;
	char *out = p[next++ % 4];
	snprintf(out, sizeof p[0], "%s/%s", dir, name);
	return out;
}

/* 1 when the folder holds no temporary folder of the writer. */
static int nothing_left(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int clean = 1;
	while (d && (de = readdir(d)))
		if (strncmp(de->d_name, ".sikube-xlsx", 12) == 0)
			clean = 0;
	if (d)
		closedir(d);
	return clean;
}

/* A small workbook with every kind of cell into path; returns xlsx_close's status. */
static int write_book(const char *path, int replace, sk_err *e)
{
	sk_xlsx *x;
	int rc = xlsx_open(path, replace, &x, e);
	if (rc != SK_OK)
		return rc;
	xlsx_sheet *s = xlsx_add_sheet(x, "anggota", COLS, NCOLS);
	xlsx_str(s, "3171080611807777");
	xlsx_str(s, "=HYPERLINK(\"x\")");
	xlsx_str(s, "2026-11-02");
	xlsx_int(s, 1250000);
	xlsx_str(s, "7");
	xlsx_str(s, "36.5");
	xlsx_str(s, "beyond the last column");
	xlsx_end_row(s);
	xlsx_str(s, "");
	xlsx_str(s, "bad \xff byte");
	xlsx_str(s, "2026-02-30");
	xlsx_str(s, "not a number");
	xlsx_str(s, NULL);
	xlsx_end_row(s);
	CHECK(xlsx_rows(s) == 2, "rows counted");
	return xlsx_close(x, e);
}

static int file_mode(const char *p)
{
	struct stat st;
	return lstat(p, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static int is_zip(const char *p)
{
	char magic[2] = { 0 };
	FILE *f = fopen(p, "rb");
	if (!f)
		return 0;
	size_t n = fread(magic, 1, 2, f);
	fclose(f);
	return n == 2 && magic[0] == 'P' && magic[1] == 'K';
}

static void test_new_file(void)
{
	sk_err e;
	CHECK(write_book(path_of("a.xlsx"), 0, &e) == SK_OK, "a new workbook is written");
	CHECK(is_zip(path_of("a.xlsx")), "it is a zip (xlsx) file");
	CHECK(file_mode(path_of("a.xlsx")) == 0600, "it is private (0600)");
	CHECK(nothing_left(), "no temporary folder left");
}

static void test_never_over(void)
{
	sk_err e;
	FILE *f = fopen(path_of("old.xlsx"), "w");
	fputs("keep", f);
	fclose(f);
	CHECK(write_book(path_of("old.xlsx"), 0, &e) == SK_REFUSED, "an existing file is refused");
	CHECK(strstr(e.msg, "old.xlsx") != NULL, "the message names it");
	char buf[8] = "";
	f = fopen(path_of("old.xlsx"), "r");
	CHECK(f && fgets(buf, sizeof buf, f) && strcmp(buf, "keep") == 0, "and it is untouched");
	if (f)
		fclose(f);
	CHECK(symlink(path_of("target.xlsx"), path_of("link.xlsx")) == 0, "symlink made");
	CHECK(write_book(path_of("link.xlsx"), 0, &e) == SK_REFUSED, "a dangling symlink is refused");
	CHECK(access(path_of("target.xlsx"), F_OK) != 0, "nothing made through it");

	/* A file that appears while the workbook is written is not replaced either. */
	sk_xlsx *x;
	CHECK(xlsx_open(path_of("race.xlsx"), 0, &x, &e) == SK_OK, "open before the file exists");
	xlsx_sheet *s = xlsx_add_sheet(x, "s", COLS, NCOLS);
	xlsx_str(s, "1");
	xlsx_end_row(s);
	f = fopen(path_of("race.xlsx"), "w");
	fputs("theirs", f);
	fclose(f);
	CHECK(xlsx_close(x, &e) == SK_REFUSED, "a file made meanwhile is refused at the end");
	f = fopen(path_of("race.xlsx"), "r");
	CHECK(f && fgets(buf, sizeof buf, f) && strcmp(buf, "theirs") == 0, "and kept as it was");
	if (f)
		fclose(f);
	CHECK(nothing_left(), "no temporary folder left after a refusal");
}

static void test_replace(void)
{
	sk_err e;
	FILE *f = fopen(path_of("kept.txt"), "w");
	fputs("kept", f);
	fclose(f);
	CHECK(symlink(path_of("kept.txt"), path_of("r.xlsx")) == 0, "symlink made");
	CHECK(write_book(path_of("r.xlsx"), 1, &e) == SK_OK, "replace: written over a symlink");
	struct stat st;
	CHECK(lstat(path_of("r.xlsx"), &st) == 0 && S_ISREG(st.st_mode), "the symlink itself is replaced");
	char buf[8] = "";
	f = fopen(path_of("kept.txt"), "r");
	CHECK(f && fgets(buf, sizeof buf, f) && strcmp(buf, "kept") == 0, "its target untouched");
	if (f)
		fclose(f);
	CHECK(file_mode(path_of("r.xlsx")) == 0600, "the replacement is private");
	CHECK(write_book(path_of("r.xlsx"), 1, &e) == SK_OK, "replace an earlier workbook");
}

static void test_failures(void)
{
	sk_err e;
	CHECK(write_book(path_of("none/x.xlsx"), 0, &e) == SK_IOERR, "a missing folder is an I/O error");
	CHECK(strstr(e.msg, "none/x.xlsx") != NULL, "naming the file");
	sk_xlsx *x;
	CHECK(xlsx_open(path_of("gone.xlsx"), 0, &x, &e) == SK_OK, "open");
	xlsx_sheet *s = xlsx_add_sheet(x, "s", COLS, NCOLS);
	xlsx_str(s, "1");
	xlsx_end_row(s);
	xlsx_abandon(x);
	CHECK(access(path_of("gone.xlsx"), F_OK) != 0, "an abandoned workbook leaves no file");
	CHECK(nothing_left(), "nor a temporary folder");
}

static void test_names_and_cells(void)
{
	sk_err e;
	sk_xlsx *x;
	CHECK(xlsx_open(path_of("names.xlsx"), 0, &x, &e) == SK_OK, "open");
	/* Excel refuses []:*?/\ in a name, more than 31 characters and a name twice. */
	const char *names[] = { "kas umum", "KAS UMUM", "a[b]:c*d?e/f\\g", "'quoted'",
		"a name much longer than thirty-one characters", "a name much longer than thirty-one chars too",
		"", "Ṡiti Ṡiti Ṡiti Ṡiti Ṡiti Ṡiti Ṡiti" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		xlsx_sheet *s = xlsx_add_sheet(x, names[i], COLS, NCOLS);
		CHECK(s != NULL, "sheet added");
		xlsx_str(s, names[i]);
		xlsx_end_row(s);
	}
	/* A cell longer than Excel's 32,767 characters is cut to them, not refused. */
	size_t n = 40000;
	char *big = malloc(n + 1);
	memset(big, 'x', n);
	big[n] = '\0';
	xlsx_sheet *s = xlsx_add_sheet(x, "big", COLS, NCOLS);
	xlsx_str(s, "1");
	xlsx_str(s, big);
	xlsx_end_row(s);
	free(big);
	CHECK(xlsx_close(x, &e) == SK_OK, "odd names and a huge cell still make a workbook");
}

int main(void)
{
	i18n_init("id");
	testlib_tmpdir(dir, sizeof dir);
	test_new_file();
	test_never_over();
	test_replace();
	test_failures();
	test_names_and_cells();
	return testlib_summary();
}
