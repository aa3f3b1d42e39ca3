/* manifest.c - manifest.csv: writing and checked reading. */
#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "csvio.h"
#include "i18n.h"
#include "manifest.h"
#include "util.h"

void manifest_init(sk_manifest *m)
{
	memset(m, 0, sizeof *m);
	strcpy(m->format, BUNDLE_FORMAT);
	snprintf(m->format_version, sizeof m->format_version, "%d", BUNDLE_FORMAT_VERSION);
	for (int t = 0; t < BT_COUNT; t++)
		m->baris[t] = -1;
}

static void pair(csv_out *w, const char *key, const char *value)
{
	csv_out_raw(w, key);
	csv_out_raw(w, value);
	csv_out_eol(w);
}

int manifest_write(FILE *f, const char *label, const sk_manifest *m, int excel, sk_err *e)
{
	csv_out w;
	csv_out_init(&w, f, excel);
	pair(&w, "kunci", "nilai");
	pair(&w, "format", m->format);
	pair(&w, "format_version", m->format_version);
	pair(&w, "app_version", m->app_version);
	pair(&w, "perangkat", m->perangkat);
	pair(&w, "kode_wilayah_kantor", m->kode_wilayah_kantor);
	pair(&w, "dibuat_pada", m->dibuat_pada);
	pair(&w, "sejak", m->sejak);
	pair(&w, "nik_disamarkan", m->nik_disamarkan ? "1" : "0");
	for (int t = 0; t < BT_COUNT; t++) {
		char key[64], n[32];
		if (!m->has[t])
			continue;
		snprintf(key, sizeof key, "baris.%s", BUNDLE_TABLES[t].file);
		snprintf(n, sizeof n, "%lld", m->baris[t]);
		pair(&w, key, n);
		snprintf(key, sizeof key, "sha256.%s", BUNDLE_TABLES[t].file);
		pair(&w, key, m->sha256[t]);
	}
	if (*m->kunci_publik) {
		pair(&w, "nama_kantor", m->nama_kantor);
		pair(&w, "kunci_publik", m->kunci_publik);
	}
	if (fflush(f) != 0 || ferror(f))
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), label,
				  strerror(errno));
	return SK_OK;
}

int manifest_write_pair(FILE *f, const char *label, const char *key, const char *value,
			int excel, sk_err *e)
{
	/* As csv_out_init, without a second byte-order mark. */
	csv_out w = { .f = f, .delim = excel ? ';' : ',', .eol = excel ? "\r\n" : "\n",
		      .formula_guard = 1 };
	pair(&w, key, value);
	if (fflush(f) != 0 || ferror(f))
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), label,
				  strerror(errno));
	return SK_OK;
}

struct reading {
	sk_manifest *m;
	manifest_problem_fn fn;
	void *ctx;
	int problems;
	int seen_format, seen_version, seen_masked;
};

static void problem(struct reading *r, int line, const char *key, const char *value,
		    const char *reason)
{
	r->problems++;
	if (r->fn)
		r->fn(r->ctx, line, key, value, reason);
}

static int is_hex64(const char *s)
{
	if (strlen(s) != 64)
		return 0;
	for (int i = 0; i < 64; i++)
		if (!strchr("0123456789abcdef", s[i]))
			return 0;
	return 1;
}

/* baris.F or sha256.F; returns 1 when key is one of them. */
static int file_key(struct reading *r, int line, const char *key, const char *value)
{
	int is_count = strncmp(key, "baris.", 6) == 0;
	int is_sha = strncmp(key, "sha256.", 7) == 0;
	if (!is_count && !is_sha)
		return 0;
	int t = bundle_table_by_file(key + (is_count ? 6 : 7));
	if (t < 0)
		return 1; /* a file of a later format version: not ours to check */
	r->m->has[t] = 1;
	if (is_count) {
		char *end;
		errno = 0;
		long long n = strtoll(value, &end, 10);
		if (!*value || *end || n < 0 || errno)
			problem(r, line, key, value, _("Jumlah baris harus bilangan bulat 0 atau lebih."));
		r->m->baris[t] = n;
		r->m->line_baris[t] = line;
	} else {
		if (!is_hex64(value))
			problem(r, line, key, value, _("Checksum SHA-256 harus 64 angka heksadesimal."));
		sk_strlcpy(r->m->sha256[t], value, sizeof r->m->sha256[t]);
		r->m->line_sha[t] = line;
	}
	return 1;
}

/* format_version: a whole number, BUNDLE_FORMAT_OLDEST up to BUNDLE_FORMAT_VERSION. */
static void format_version(struct reading *r, int line, const char *key, const char *value)
{
	char why[240];
	size_t len = strlen(value);
	int digits = len > 0 && len <= 6 && strspn(value, "0123456789") == len && value[0] != '0';
	long v = digits ? strtol(value, NULL, 10) : 0;
	r->m->version = digits && v >= BUNDLE_FORMAT_OLDEST && v <= BUNDLE_FORMAT_VERSION ? (int)v : 0;
	if (digits && v > BUNDLE_FORMAT_VERSION) {
		snprintf(why, sizeof why, _("Bundel berformat versi %ld, dibuat oleh SIKUBE yang lebih "
					    "baru; versi ini membaca format %d sampai %d. Perbarui "
					    "SIKUBE untuk mengimpornya."), v, BUNDLE_FORMAT_OLDEST,
			 BUNDLE_FORMAT_VERSION);
		problem(r, line, key, value, why);
	} else if (!r->m->version) {
		snprintf(why, sizeof why, _("Versi format bundel tidak dikenal: harus bilangan %d "
					    "sampai %d."), BUNDLE_FORMAT_OLDEST, BUNDLE_FORMAT_VERSION);
		problem(r, line, key, value, why);
	}
}

/* The keys whose value is kept as it is, and where. */
#define MF_TEXT(k) { #k, offsetof(sk_manifest, k), sizeof(((sk_manifest *)0)->k) }
static const struct {
	const char *key;
	size_t off, size;
} PLAIN_KEYS[] = {
	MF_TEXT(app_version), MF_TEXT(perangkat), MF_TEXT(kode_wilayah_kantor),
	MF_TEXT(dibuat_pada), MF_TEXT(sejak), MF_TEXT(nama_kantor), MF_TEXT(kunci_publik),
	MF_TEXT(tanda_tangan),
};

/* A key of PLAIN_KEYS: its value into its field (other keys belong to later format versions
 * and are ignored). */
static void plain_key(sk_manifest *m, const char *key, const char *value)
{
	for (size_t i = 0; i < sizeof PLAIN_KEYS / sizeof PLAIN_KEYS[0]; i++)
		if (strcmp(key, PLAIN_KEYS[i].key) == 0)
			sk_strlcpy((char *)m + PLAIN_KEYS[i].off, value, PLAIN_KEYS[i].size);
}

static void known_key(struct reading *r, int line, const char *key, const char *value)
{
	sk_manifest *m = r->m;
	if (strcmp(key, "format") == 0) {
		r->seen_format = 1;
		sk_strlcpy(m->format, value, sizeof m->format);
		if (strcmp(value, BUNDLE_FORMAT) != 0)
			problem(r, line, key, value, _("Bukan bundel SIKUBE (format harus sikube-bundle)."));
	} else if (strcmp(key, "format_version") == 0) {
		r->seen_version = 1;
		sk_strlcpy(m->format_version, value, sizeof m->format_version);
		format_version(r, line, key, value);
	} else if (strcmp(key, "nik_disamarkan") == 0) {
		r->seen_masked = 1;
		m->nik_disamarkan = strcmp(value, "0") != 0;
		if (strcmp(value, "1") == 0)
			problem(r, line, key, value, _("Bundel dengan NIK disamarkan hanya untuk "
							  "dibaca dan tidak dapat diimpor."));
		else if (strcmp(value, "0") != 0)
			problem(r, line, key, value, _("Isi 0 (tidak) atau 1 (ya)."));
	} else {
		plain_key(m, key, value);
	}
}

static int on_row(void *ctx, int line, int nf, char **f)
{
	struct reading *r = ctx;
	if (line == 1) {
		if (nf < 2 || strcmp(f[0], "kunci") != 0 || strcmp(f[1], "nilai") != 0) {
			problem(r, 1, "kunci", nf > 0 ? f[0] : "",
				_("Baris judul manifest harus kunci,nilai."));
			return 1;
		}
		return 0;
	}
	const char *key = csv_field(nf, f, 0), *value = csv_field(nf, f, 1);
	if (!file_key(r, line, key, value))
		known_key(r, line, key, value);
	return 0;
}

int manifest_read_fd(int fd, const char *label, sk_manifest *m, manifest_problem_fn fn,
		     void *ctx, int *problems, sk_err *e)
{
	memset(m, 0, sizeof *m);
	for (int t = 0; t < BT_COUNT; t++)
		m->baris[t] = -1;
	struct reading r = { .m = m, .fn = fn, .ctx = ctx };
	int rc = csv_read_fd(fd, label, on_row, &r, NULL, NULL, e);
	if (rc == SK_OK && !r.problems) {
		if (!r.seen_format)
			problem(&r, 0, "format", "", _("Manifest tanpa kunci format: bukan bundel SIKUBE."));
		if (!r.seen_version)
			problem(&r, 0, "format_version", "", _("Manifest tanpa kunci format_version."));
		if (!r.seen_masked)
			problem(&r, 0, "nik_disamarkan", "", _("Manifest tanpa kunci nik_disamarkan."));
	}
	*problems = r.problems;
	return rc;
}

int manifest_read(const char *path, sk_manifest *m, manifest_problem_fn fn, void *ctx,
		  int *problems, sk_err *e)
{
	*problems = 0;
	int fd = csv_open_file(AT_FDCWD, path, path, e);
	if (fd < 0) {
		memset(m, 0, sizeof *m);
		return e ? e->status : SK_IOERR;
	}
	int rc = manifest_read_fd(fd, path, m, fn, ctx, problems, e);
	close(fd);
	return rc;
}
