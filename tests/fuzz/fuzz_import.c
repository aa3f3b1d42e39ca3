/* fuzz_import.c - libFuzzer target over the code that reads files from outside: the CSV reader
 * (csvio.c), manifest.csv (manifest.c) and the importer (import.c, import_rows.c) exactly as
 * `sikube import` runs them, on a database holding the region list and the sample kelurahan.
 *
 * The first byte of an input picks what the rest is ('0'..'9', or any byte modulo 10):
 *   0-5  a single table file named kelompok.csv, anggota.csv, penilaian.csv, pertemuan.csv,
 *        kehadiran.csv or kas.csv, imported as such
 *   6    manifest.csv, read and checked
 *   7    a bundle folder (format 2): the second byte picks the table (0-5 as above, 6
 *        tutup_buku.csv, 7-9 siklus, simpanan, pinjaman, a-c angsuran, denda, bagi_hasil,
 *        e evaluasi),
 *        the rest is that file; the manifest beside it gets the right
 *        checksum and row count, so the rows are read (once, hashed as they are parsed),
 *        merged like those of a real bundle and put through the rules of check_rules.c
 *   8    any CSV, read record by record through one descriptor (csv_read_fd)
 *   9    a single tutup_buku.csv (month closes), imported as such
 * Every import runs inside an outer transaction that is rolled back, so each input meets the
 * same database. Besides crashes, leaks and sanitizer reports, an import aborts the run when
 * it breaks a promise: refused without a reason, a value in the problem list not safe to print,
 * or a NIK or No. KK shown with more than its first 6 digits (14 digits in a row, anywhere). Build and run: tests/robust_fuzz.sh (make VARIANT=fuzz fuzz). */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csvio.h"
#include "db.h"
#include "i18n.h"
#include "import.h"
#include "manifest.h"
#include "region.h"
#include "sample.h"
#include "testlib.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sk_db *db;
static char dir[PATH_MAX];
static FILE *devnull;   /* the problem report is written too, to nowhere */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char path[PATH_MAX + 16];
	sk_err e;
	i18n_init("id");
	testlib_tmpdir(dir, sizeof dir);
	snprintf(path, sizeof path, "%s/fuzz.db", dir);
	if (db_open(path, 0, &db, &e) != SK_OK || region_ensure_loaded(db, &e) != SK_OK ||
	    sample_load(db, NULL, NULL, NULL, &e) != SK_OK) {
		fprintf(stderr, "fuzz_import: %s (set SIKUBE_DATA_DIR to the source tree)\n", e.msg);
		exit(2);
	}
	if (db_quick_check(db, NULL, NULL, &e) != SK_OK) {
		fprintf(stderr, "fuzz_import: %s\n", e.msg);
		exit(2);
	}
	db_exec(db, "PRAGMA synchronous=OFF", &e);
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	snprintf(path, sizeof path, "%s/bundle", dir);
	mkdir(path, 0700);
	return 0;
}

static void put(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

static int touch_fields(void *ctx, int line, int nf, char **f)
{
	size_t *sum = ctx;
	(void)line;
	for (int i = 0; i < nf; i++)
		*sum += strlen(f[i]);
	return 0;
}

static void count_bytes(void *ctx, const void *data, size_t n)
{
	(void)data;
	*(size_t *)ctx += n;
}

static int count_rows(void *ctx, int line, int nf, char **f)
{
	long long *rows = ctx;
	int blank = 1;
	for (int i = 0; i < nf && blank; i++)
		blank = !*f[i];
	if (line > 1 && !blank)
		(*rows)++;
	return 0;
}

/* 1 when s holds a control character or is not UTF-8: unsafe to print. */
static int unprintable(const char *s)
{
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 1;
	return !sk_utf8_valid(s);
}

/* 1 when s holds more than max digits in a row. */
static int long_digits(const char *s, int max)
{
	int run = 0;
	for (const char *p = s; *p; p++)
		if ((run = *p >= '0' && *p <= '9' ? run + 1 : 0) > max)
			return 1;
	return 0;
}

/* What every import promises, whatever the input: a refusal lists why, every listed value
 * and reason is safe to print, no NIK or No. KK shows more than its first 6 digits. */
static void check_result(int rc, const import_result *r, const sk_err *e)
{
	if (rc == SK_REFUSED && r->nproblems == 0 && r->more_problems == 0)
		abort(); /* refused without a reason */
	if (rc != SK_OK && rc != SK_REFUSED && !*e->msg)
		abort(); /* failed without a message */
	if (rc == SK_OK && (r->nproblems || r->committed != 1))
		abort();
	for (int i = 0; i < r->nproblems; i++) {
		const import_problem *p = &r->problems[i];
		if (unprintable(p->nilai) || unprintable(p->alasan) || !*p->alasan)
			abort();
		int id_col = strcmp(p->kolom, "nik") == 0 || strcmp(p->kolom, "no_kk") == 0;
		if (long_digits(p->nilai, id_col ? 6 : 13))
			abort(); /* more of a NIK than a report may show */
	}
}

/* Import one source inside a transaction that is rolled back afterwards. */
static void import_rolled_back(const char *path)
{
	import_opts o = { .db_checked = 1 }; /* checked once at start: every input meets it */
	import_result r;
	sk_err e;
	sk_err_clear(&e);
	if (db_begin_write(db, &e) != SK_OK)
		abort();
	int rc = import_paths(db, 1, &path, &o, &r, &e);
	check_result(rc, &r, &e);
	import_write_report(&r, devnull);
	import_result_free(&r);
	db_end(db, 0, &e);
}

/* A bundle of table t holding data, with a manifest that matches it. */
static void import_bundle(int t, const uint8_t *data, size_t size)
{
	char path[PATH_MAX + 64], hex[65];
	snprintf(path, sizeof path, "%s/bundle/%s", dir, BUNDLE_TABLES[t].file);
	put(path, data, size);
	long long rows = 0;
	sk_err e;
	if (csv_read_file(path, count_rows, &rows, &e) != SK_OK)
		rows = 0;
	bundle_sha256_hex(data, size, hex);
	snprintf(path, sizeof path, "%s/bundle/manifest.csv", dir);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fprintf(f, "kunci,nilai\nformat,sikube-bundle\nformat_version,2\nnik_disamarkan,0\n"
		"baris.%s,%lld\nsha256.%s,%s\n", BUNDLE_TABLES[t].file, rows, BUNDLE_TABLES[t].file, hex);
	fclose(f);
	snprintf(path, sizeof path, "%s/bundle", dir);
	import_rolled_back(path);
	snprintf(path, sizeof path, "%s/bundle/%s", dir, BUNDLE_TABLES[t].file);
	remove(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[PATH_MAX + 64];
	if (size < 1)
		return 0;
	int mode = data[0] >= '0' && data[0] <= '9' ? data[0] - '0' : data[0] % 10;
	data++, size--;
	if (mode < 6 || mode == 9) {
		int t = mode == 9 ? BT_TUTUP_BUKU : mode;
		snprintf(path, sizeof path, "%s/%s", dir, BUNDLE_TABLES[t].file);
		put(path, data, size);
		import_rolled_back(path);
	} else if (mode == 6) {
		snprintf(path, sizeof path, "%s/manifest.csv", dir);
		put(path, data, size);
		sk_manifest m;
		sk_err e;
		int problems = 0;
		manifest_read(path, &m, NULL, NULL, &problems, &e);
	} else if (mode == 7) {
		if (size < 1)
			return 0;
		int t = data[0] >= '0' && data[0] <= '9' ? data[0] - '0'
			: data[0] >= 'a' && data[0] <= 'c' ? data[0] - 'a' + 10
			: data[0] == 'e' ? BT_EVALUASI : data[0] % BT_COUNT;
		import_bundle(t, data + 1, size - 1);
	} else {
		snprintf(path, sizeof path, "%s/any.csv", dir);
		put(path, data, size);
		size_t sum = 0, bytes = 0;
		sk_err e;
		int fd = csv_open_file(AT_FDCWD, path, path, &e);
		if (fd >= 0) {
			csv_read_fd(fd, path, touch_fields, &sum, count_bytes, &bytes, &e);
			close(fd);
		}
	}
	return 0;
}
