/* test_csvio.c - libcsv reading (BOM, delimiter, line ends, quoting) and writing (guard). */
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include "csvio.h"
#include "i18n.h"
#include "testlib.h"

static char dir[PATH_MAX];

struct got {
	int rows;
	char cell[8][4][64];
	int nf[8];
	int lines[8];
};

static int collect(void *ctx, int line, int nf, char **f)
{
	struct got *g = ctx;
	if (g->rows < 8) {
		g->nf[g->rows] = nf;
		g->lines[g->rows] = line;
		for (int i = 0; i < nf && i < 4; i++)
			snprintf(g->cell[g->rows][i], 64, "%s", f[i]);
	}
	g->rows++;
	return 0;
}

static void write_file(const char *name, const char *text, char *path, size_t n)
{
	snprintf(path, n, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	fputs(text, f);
	fclose(f);
}

static void test_read(void)
{
	char path[PATH_MAX + 32];
	struct got g = { 0 };
	sk_err e;
	write_file("a.csv", "id,nama\n1,\"Endang, S.\"\n2,\"Sumarni \"\"Ijah\"\"\"\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_OK, "read plain");
	CHECK(g.rows == 3 && g.nf[0] == 2, "3 records of 2 fields");
	CHECK_STR(g.cell[1][1], "Endang, S.", "quoted comma");
	CHECK_STR(g.cell[2][1], "Sumarni \"Ijah\"", "doubled quotes");
	CHECK(g.lines[2] == 3, "line numbers as a spreadsheet shows them");

	memset(&g, 0, sizeof g);
	write_file("b.csv", "\xEF\xBB\xBFid;nama\r\n1;Nur'aini\r\n2;\"a;b\"\r\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_OK, "read Excel form");
	CHECK_STR(g.cell[0][0], "id", "BOM skipped");
	CHECK_STR(g.cell[1][1], "Nur'aini", "semicolon delimiter, CRLF");
	CHECK_STR(g.cell[2][1], "a;b", "quoted semicolon");

	memset(&g, 0, sizeof g);
	write_file("c.csv", "id,nama\n1,\"unterminated\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED, "unterminated quote refused");

	memset(&g, 0, sizeof g);
	write_file("d.csv", "", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_OK && g.rows == 0, "empty file has no rows");
	snprintf(path, sizeof path, "%s/missing.csv", dir);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_IOERR, "missing file is an I/O error");
}

static void test_write(void)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/out.csv", dir);
	FILE *f = fopen(path, "wb");
	csv_out w;
	csv_out_init(&w, f, 0);
	csv_out_text(&w, "=1+1");
	csv_out_text(&w, "'Ali");
	csv_out_text(&w, "Endang, S.");
	csv_out_text(&w, "Sumarni \"Ijah\"");
	csv_out_eol(&w);
	csv_out_raw(&w, "-5");
	csv_out_int(&w, 1250000);
	csv_out_text(&w, NULL);
	csv_out_text(&w, "Ñandú");
	csv_out_eol(&w);
	fclose(f);
	char buf[256] = { 0 };
	f = fopen(path, "rb");
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	CHECK_STR(buf, "'=1+1,'Ali,\"Endang, S.\",\"Sumarni \"\"Ijah\"\"\"\n-5,1250000,,Ñandú\n",
		  "writer guards formulas, quotes only when needed");

	snprintf(path, sizeof path, "%s/excel.csv", dir);
	f = fopen(path, "wb");
	csv_out_init(&w, f, 1);
	csv_out_text(&w, "a;b");
	csv_out_text(&w, "c");
	csv_out_eol(&w);
	fclose(f);
	f = fopen(path, "rb");
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	CHECK_STR(buf, "\xEF\xBB\xBF\"a;b\";c\r\n", "Excel form: BOM, semicolon, CRLF");
}

static void test_header_map(void)
{
	char *hdr[] = { "nama", "extra", "id" };
	const char *const want[] = { "id", "nama", NULL };
	const char *const want2[] = { "id", "nik", NULL };
	int idx[2];
	CHECK(csv_header_map(3, hdr, want, idx) == -1 && idx[0] == 2 && idx[1] == 0,
	      "header map ignores unknown columns");
	CHECK(csv_header_map(3, hdr, want2, idx) == 1, "missing column reported");
	CHECK_STR(csv_field(3, hdr, -1), "", "absent column reads empty");
}

/* A file of n bytes: head, then fill repeated up to n - strlen(head) - strlen(tail), then tail. */
static void write_big(const char *name, const char *head, char fill, size_t n, const char *tail,
		      char *path, size_t pn)
{
	snprintf(path, pn, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	fputs(head, f);
	for (size_t i = strlen(head) + strlen(tail); i < n; i++)
		fputc(fill, f);
	fputs(tail, f);
	fclose(f);
}

/* The reader's limits: each refusal names the file and says why, in Indonesian. */
static void test_limits(void)
{
	char path[PATH_MAX + 32];
	struct got g = { 0 };
	sk_err e;
	snprintf(path, sizeof path, "%s/nul.csv", dir);
	FILE *f = fopen(path, "wb");
	fwrite("id,nama\n1,Budi\0Santoso\n", 1, 23, f);
	fclose(f);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "NUL") &&
	      strstr(e.msg, "nul.csv"), "a NUL byte refuses the file (no silently cut field)");
	CHECK(g.rows == 1, "nothing after the NUL is delivered");
	/* The NUL is looked for in each chunk read (64 KiB), the field in it then: a NUL in the
	 * second chunk, in a field begun in the first, in a quoted field, at the file's last
	 * byte; the line named is the NUL's. */
	static const struct { size_t at; const char *tail; } NULS[] = {
		{ 65530, "x\n" }, { 65536, "\"\n" }, { 70000, "\n" }, { 70000, "" },
	};
	for (size_t k = 0; k < sizeof NULS / sizeof NULS[0]; k++) {
		memset(&g, 0, sizeof g);
		snprintf(path, sizeof path, "%s/nul2.csv", dir);
		f = fopen(path, "wb");
		fputs("id,nama\n1,Budi\n2,", f);
		for (size_t i = 18; i < NULS[k].at; i++)
			fputc(k == 1 && i == 18 ? '"' : 'a', f);
		fputc('\0', f);
		fputs(NULS[k].tail, f);
		fclose(f);
		char what[96];
		snprintf(what, sizeof what, "a NUL at byte %zu (case %zu) refuses the file at line 3",
			 NULS[k].at, k);
		CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "NUL") &&
		      strstr(e.msg, "baris 3") && g.rows == 2, what);
	}
	memset(&g, 0, sizeof g);
	write_big("nonul.csv", "id,nama\n1,", 'b', 200000, "\n2,Ani\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_OK && g.rows == 3 &&
	      strcmp(g.cell[2][1], "Ani") == 0, "a file without NUL across chunks reads whole");

	memset(&g, 0, sizeof g);
	write_file("cut.csv", "id,nama,nik\n1,Ali,3171\n2,Bu", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "terpotong") &&
	      g.rows == 2, "a last row cut short is a truncated file");
	memset(&g, 0, sizeof g);
	write_file("noeol.csv", "id,nama\n1,Ali\n2,Budi", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_OK && g.rows == 3 &&
	      strcmp(g.cell[2][1], "Budi") == 0, "a whole last row without a line end is fine");

	memset(&g, 0, sizeof g);
	write_file("quote.csv", "id,nama\n1,Bu\"di\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "tanda kutip"),
	      "broken quoting explained in Indonesian");

	memset(&g, 0, sizeof g);
	write_big("wide.csv", "a", ',', 4098, "\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "4096 kolom") &&
	      g.rows == 0, "more than 4096 columns refused");
	memset(&g, 0, sizeof g);
	write_big("fine.csv", "a", ',', 4097, "\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_OK && g.rows == 1 && g.nf[0] == 4096,
	      "4096 columns are fine");

	memset(&g, 0, sizeof g);
	write_big("long.csv", "id,nama\n1,", 'a', 10 << 20, "\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "1 MB") &&
	      g.rows == 1, "a 10 MB field refused (libcsv's buffer stops at the limit)");
	memset(&g, 0, sizeof g);
	write_big("quoted.csv", "id,nama\n1,\"", 'a', 3 << 20, "\"\n", path, sizeof path);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "1 MB"),
	      "a long quoted field too");

	/* Five fields of 900 kB: each allowed, the row of 4.5 MB not. */
	snprintf(path, sizeof path, "%s/row.csv", dir);
	f = fopen(path, "wb");
	fputs("a,b,c,d,e\n", f);
	for (int i = 0; i < 5; i++) {
		for (int j = 0; j < 900 * 1024; j++)
			fputc('x', f);
		fputc(i < 4 ? ',' : '\n', f);
	}
	fclose(f);
	memset(&g, 0, sizeof g);
	CHECK(csv_read_file(path, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "4 MB"),
	      "a row of more than 4 MB refused");
}

/* The guard is added only before what a spreadsheet would run, and removed only there. */
static void test_guard(void)
{
	CHECK(csv_needs_guard("=1+1") && csv_needs_guard("+62") && csv_needs_guard("-5") &&
	      csv_needs_guard("@x") && csv_needs_guard("\tx") && csv_needs_guard("\rx"),
	      "= + - @ TAB CR are guarded");
	CHECK(csv_needs_guard("'=x") && csv_needs_guard("''+x"),
	      "quotes before a formula character are guarded too");
	CHECK(!csv_needs_guard("'Ali") && !csv_needs_guard("'") && !csv_needs_guard("Nur'aini") &&
	      !csv_needs_guard("") && !csv_needs_guard(NULL), "other text is not guarded");
	CHECK_STR(csv_unguard("'=1+1"), "=1+1", "the added quote is removed");
	CHECK_STR(csv_unguard("''=x"), "'=x", "only the one added quote is removed");
	CHECK_STR(csv_unguard("'Ali"), "'Ali", "'Ali (typed in a spreadsheet list) kept as written");
	CHECK_STR(csv_unguard("'"), "'", "a lone quote kept");
	CHECK_STR(csv_unguard(NULL), "", "unguard of NULL");
	const char *names[] = { "=1+1", "'Ali", "'=x", "''-y", "Nur'aini", "'", "''", "@" };
	int all = 1;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char w[16];
		snprintf(w, sizeof w, "%s%s", csv_needs_guard(names[i]) ? "'" : "", names[i]);
		all &= strcmp(csv_unguard(w), names[i]) == 0;
	}
	CHECK(all, "guard then unguard gives back every text as written");
}

/* Only regular files are read, and they are refused before a byte is read: a symlink (to
 * /dev/zero, which would never end), a FIFO (which would wait for ever), a folder. */
static void test_not_regular(void)
{
	char path[PATH_MAX + 32], link[PATH_MAX + 32];
	struct got g = { 0 };
	sk_err e;
	write_file("real.csv", "id,nama\n1,a\n", path, sizeof path);
	snprintf(link, sizeof link, "%s/link.csv", dir);
	CHECK(symlink(path, link) == 0, "a symlink to a CSV file");
	CHECK(csv_read_file(link, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "tautan simbolik") &&
	      g.rows == 0, "a symlink is refused, not followed");
	snprintf(link, sizeof link, "%s/zero.csv", dir);
	CHECK(symlink("/dev/zero", link) == 0 && csv_read_file(link, collect, &g, &e) == SK_REFUSED,
	      "a symlink to /dev/zero is refused");
	snprintf(link, sizeof link, "%s/fifo.csv", dir);
	CHECK(mkfifo(link, 0600) == 0, "a FIFO");
	CHECK(csv_read_file(link, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "FIFO"),
	      "a FIFO is refused at once");
	CHECK(csv_read_file(dir, collect, &g, &e) == SK_REFUSED && strstr(e.msg, "folder"),
	      "a folder is refused");
	CHECK(csv_open_file(AT_FDCWD, "/dev/null", "/dev/null", &e) < 0 && strstr(e.msg, "perangkat"),
	      "a device is refused");
}

static void count_bytes(void *ctx, const void *data, size_t n)
{
	(void)data;
	*(size_t *)ctx += n;
}

/* The bytes parsed are the bytes handed to the hash, read through one descriptor. */
static void test_read_fd(void)
{
	char path[PATH_MAX + 32];
	struct got g = { 0 };
	sk_err e;
	const char *text = "\xEF\xBB\xBFid;nama\r\n1;a\r\n";
	write_file("fd.csv", text, path, sizeof path);
	int fd = csv_open_file(AT_FDCWD, path, path, &e);
	size_t n = 0;
	CHECK(fd >= 0 && csv_read_fd(fd, path, collect, &g, count_bytes, &n, &e) == SK_OK &&
	      n == strlen(text) && g.rows == 2, "every byte read, BOM included, goes to the hash");
	CHECK(lseek(fd, 0, SEEK_SET) == 0 && csv_read_fd(fd, path, collect, &g, NULL, NULL, &e) == SK_OK &&
	      g.rows == 4, "the same descriptor read again from its start");
	close(fd);
	char a[] = "id", b[] = "nama", c[] = "id";
	char *h1[] = { a, b }, *h2[] = { a, b, c };
	CHECK(csv_header_repeated(2, h1) == -1 && csv_header_repeated(3, h2) == 2,
	      "a repeated header column is found");
}

int main(void)
{
	i18n_init("id");
	testlib_tmpdir(dir, sizeof dir);
	test_read();
	test_write();
	test_guard();
	test_header_map();
	test_limits();
	test_not_regular();
	test_read_fd();
	return testlib_summary();
}
