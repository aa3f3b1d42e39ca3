/* import_read.c - the sources of an import and reading their files. A source is a bundle
 * folder (its manifest, then every table file it lists) or one table file. Each file is
 * opened once, only when it is a regular file (a symlink, FIFO, device or folder in its place
 * is refused before a byte is read), and stays open for the whole import; every pass reads it
 * from the start through that descriptor and hashes exactly the bytes it parses, so the
 * checksum the manifest promises is the checksum of what was imported. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csvio.h"
#include "i18n.h"
#include "import_priv.h"
#include "signing.h"
#include <nettle/sha2.h>

#define PROGRESS_EVERY 4096

/* ---- sources --------------------------------------------------------------------------- */

struct manifest_ctx {
	struct imp *im;
	int src;
	char label[PATH_MAX + 64];
};

static void on_manifest_problem(void *ctx, int line, const char *key, const char *value,
				const char *reason)
{
	struct manifest_ctx *m = ctx;
	char why[320];
	snprintf(why, sizeof why, "%s: %s", key, reason);
	/* A value problem names the line's nilai; a missing key or a bad header the kunci. */
	imp_fatal(m->im, m->src, m->label, line, line >= 2 ? "nilai" : "kunci", value, why);
}

/* Open table t of a bundle when the manifest lists it: listed and present, or neither. */
static void open_table(struct imp *im, int src, int t, const char *mlabel)
{
	struct imp_source *s = &im->src[src];
	const char *file = BUNDLE_TABLES[t].file;
	char path[PATH_MAX + 64], why[320];
	struct stat st;
	imp_label(im, src, t, path, sizeof path);
	int exists = fstatat(s->dirfd, file, &st, AT_SYMLINK_NOFOLLOW) == 0;
	if (!s->man.has[t]) {
		if (exists)
			imp_fatal(im, src, path, 0, "", "", _("Berkas ada di folder tetapi tidak "
							    "tercantum di manifest.csv, jadi tidak "
							    "dapat diperiksa."));
		return;
	}
	if (s->man.baris[t] < 0 || !*s->man.sha256[t]) {
		snprintf(why, sizeof why, _("Manifest tidak mencantumkan baris.%s dan sha256.%s."),
			 file, file);
		imp_fatal(im, src, mlabel, s->man.line_baris[t] ? s->man.line_baris[t]
								 : s->man.line_sha[t], "kunci", "", why);
		return;
	}
	if (!exists) {
		snprintf(why, sizeof why, _("%s tercantum di manifest tetapi tidak ada di folder."), file);
		imp_fatal(im, src, mlabel, s->man.line_sha[t], "nilai", s->man.sha256[t], why);
		return;
	}
	if (BUNDLE_TABLES[t].since > s->version) {
		snprintf(why, sizeof why, _("%s baru ada sejak format versi %d, tetapi bundel ini versi "
					    "%d."), file, BUNDLE_TABLES[t].since, s->version);
		imp_fatal(im, src, path, 0, "", "", why);
		return;
	}
	sk_err e;
	sk_err_clear(&e);
	s->fd[t] = csv_open_file(s->dirfd, file, path, &e);
	if (s->fd[t] < 0)
		imp_fatal(im, src, path, 0, "", "", e.msg);
}

/* The manifest's bytes from fd into *bytes (the caller frees; at most 1 MiB) and a private
 * copy of them to parse, returned (or -1 with the message in e). */
#define MANIFEST_MAX (1024 * 1024)
static int manifest_copy(int fd, char **bytes, size_t *n, sk_err *e)
{
	*bytes = malloc(MANIFEST_MAX);
	if (!*bytes)
		abort();
	*n = 0;
	for (;;) {
		ssize_t r = pread(fd, *bytes + *n, MANIFEST_MAX - *n, (off_t)*n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return sk_err_set(e, SK_IOERR, _("manifest.csv tidak dapat dibaca: %s"),
					  strerror(errno)), -1;
		if (r == 0)
			break;
		*n += (size_t)r;
		if (*n == MANIFEST_MAX)
			return sk_err_set(e, SK_REFUSED, "%s", _("manifest.csv terlalu besar (lebih dari "
								 "1 MiB): bukan manifest SIKUBE.")), -1;
	}
	FILE *tf = tmpfile();
	if (!tf || fwrite(*bytes, 1, *n, tf) != *n || fflush(tf) != 0) {
		if (tf)
			fclose(tf);
		return sk_err_set(e, SK_IOERR, _("Berkas sementara tidak dapat ditulis: %s"),
				  strerror(errno)), -1;
	}
	int copy = dup(fileno(tf));
	fclose(tf);
	if (copy < 0 || lseek(copy, 0, SEEK_SET) != 0) {
		if (copy >= 0)
			close(copy);
		return sk_err_set(e, SK_IOERR, _("Berkas sementara tidak dapat ditulis: %s"),
				  strerror(errno)), -1;
	}
	return copy;
}

/* The manifest's checksum, and its signature when it carries one: a signature that does not
 * verify (a byte changed, another key) refuses the bundle whatever the options. */
static void check_signature(struct imp *im, int src, const char *label, const char *bytes,
			    size_t n)
{
	struct imp_source *s = &im->src[src];
	struct sha256_ctx c;
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_init(&c);
	sha256_update(&c, n, (const uint8_t *)bytes);
	sha256_digest(&c, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(s->manifest_sha + 2 * i, 3, "%02x", d[i]);
	if (!*s->man.tanda_tangan && !*s->man.kunci_publik)
		return;
	size_t signed_len;
	char sig[SIGNING_SIG_HEX + 1];
	if (!signing_key_valid(s->man.kunci_publik) || !signing_split(bytes, n, &signed_len, sig) ||
	    strcmp(sig, s->man.tanda_tangan) != 0 ||
	    !signing_verify(bytes, signed_len, s->man.kunci_publik, sig)) {
		imp_fatal(im, src, label, 0, "tanda_tangan", "",
			  _("Tanda tangan bundel tidak sah: manifest.csv diubah sesudah "
			    "ditandatangani, atau tanda tangannya bukan dari kunci_publik yang "
			    "tercantum. Bundel ditolak."));
		return;
	}
	s->signed_ok = 1;
}

static void open_bundle(struct imp *im, int src)
{
	struct imp_source *s = &im->src[src];
	struct manifest_ctx mc = { .im = im, .src = src };
	struct stat st;
	imp_label(im, src, -1, mc.label, sizeof mc.label);
	if (fstatat(s->dirfd, BUNDLE_MANIFEST, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		imp_fatal(im, src, mc.label, 0, "", "", _("Folder ini tidak punya manifest.csv: bukan "
							 "bundel SIKUBE, atau ekspornya belum "
							 "selesai."));
		return;
	}
	sk_err e;
	sk_err_clear(&e);
	int fd = csv_open_file(s->dirfd, BUNDLE_MANIFEST, mc.label, &e);
	int problems = 0;
	/* Its bytes are read once: the signature is checked on them and the parser reads them
	 * from a private copy. */
	char *bytes = NULL;
	size_t n = 0;
	int copy = fd >= 0 ? manifest_copy(fd, &bytes, &n, &e) : -1;
	if (copy < 0 || manifest_read_fd(copy, mc.label, &s->man, on_manifest_problem, &mc,
					 &problems, &e) != SK_OK) {
		imp_fatal(im, src, mc.label, 0, "", "", e.msg);
		problems = 1;
	}
	if (copy >= 0)
		close(copy);
	if (fd >= 0)
		close(fd);
	if (!problems)
		check_signature(im, src, mc.label, bytes, n);
	free(bytes);
	s->version = s->man.version;
	for (int t = 0; t < BT_COUNT && !problems; t++)
		open_table(im, src, t, mc.label);
}

/* "kelompok.csv, anggota.csv, ..." into out. */
static void table_files(char *out, size_t n)
{
	*out = '\0';
	for (int t = 0; t < BT_COUNT; t++) {
		size_t len = strlen(out);
		snprintf(out + len, n - len, "%s%s", t ? ", " : "", BUNDLE_TABLES[t].file);
	}
}

void imp_open_source(struct imp *im, const char *path)
{
	int src = im->nsrc++;
	struct imp_source *s = &im->src[src];
	char why[640];
	memset(s, 0, sizeof *s);
	s->dirfd = -1;
	for (int t = 0; t < BT_COUNT; t++)
		s->fd[t] = -1;
	if (sk_strlcpy(s->path, path, sizeof s->path)) {
		imp_fatal(im, src, s->path, 0, "", "", _("Nama berkas atau folder terlalu panjang."));
		return;
	}
	size_t len = strlen(s->path);
	while (len > 1 && s->path[len - 1] == '/')
		s->path[--len] = '\0';
	/* A folder is a bundle (O_NONBLOCK: a FIFO by that name must not stop the import). */
	s->dirfd = open(s->path, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
	if (s->dirfd >= 0) {
		s->is_bundle = 1;
		open_bundle(im, src);
		return;
	}
	if (errno != ENOTDIR) {
		snprintf(why, sizeof why, _("Tidak dapat dibuka: %s"), strerror(errno));
		imp_fatal(im, src, s->path, 0, "", "", why);
		return;
	}
	s->version = BUNDLE_FORMAT_VERSION;
	if ((s->table = bundle_table_by_file(s->path)) < 0) {
		char files[256];
		table_files(files, sizeof files);
		snprintf(why, sizeof why, _("Nama berkas harus nama tabel bundel (%s), atau impor "
					    "folder bundelnya."), files);
		imp_fatal(im, src, s->path, 0, "", "", why);
		return;
	}
	sk_err e;
	sk_err_clear(&e);
	s->fd[s->table] = csv_open_file(AT_FDCWD, s->path, s->path, &e);
	if (s->fd[s->table] < 0)
		imp_fatal(im, src, s->path, 0, "", "", e.msg);
}

void imp_close_sources(struct imp *im)
{
	for (int i = 0; i < im->nsrc; i++) {
		struct imp_source *s = &im->src[i];
		for (int t = 0; t < BT_COUNT; t++)
			if (s->fd[t] >= 0)
				close(s->fd[t]);
		if (s->dirfd >= 0)
			close(s->dirfd);
		s->dirfd = -1;
	}
}

/* ---- reading --------------------------------------------------------------------------- */

static int header(struct imp_file *fl, int nf, char **f)
{
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	const struct imp_source *s = &fl->im->src[fl->src];
	char why[200];
	int missing = 0, twice = csv_header_repeated(nf, f);
	fl->header_fields = nf;
	if (twice >= 0) {
		snprintf(why, sizeof why, _("Kolom %s muncul dua kali di baris judul."), f[twice]);
		imp_fatal(fl->im, fl->src, fl->label, 1, f[twice], "", why);
		return 1;
	}
	for (int i = 0; i < d->ncols; i++) {
		fl->idx[i] = -1;
		for (int j = 0; j < nf; j++)
			if (strcmp(f[j], d->cols[i].name) == 0) {
				fl->idx[i] = j;
				break;
			}
		int needed = s->is_bundle ? d->cols[i].kind != BC_DERIVED &&
						    d->cols[i].since <= s->version
					  : d->cols[i].required;
		if (fl->idx[i] < 0 && needed) {
			snprintf(why, sizeof why, _("Kolom wajib %s tidak ada di baris judul."),
				 d->cols[i].name);
			imp_fatal(fl->im, fl->src, fl->label, 1, d->cols[i].name, "", why);
			missing = 1;
		}
	}
	return missing;
}

static int blank_record(int nf, char **f)
{
	for (int i = 0; i < nf; i++)
		if (*f[i])
			return 0;
	return 1;
}

/* A row with more or fewer fields than the header: a field lost or added (a deletion that
 * lost its last ",1" would import as an edit), never guessed at. */
static void wrong_width(struct imp_file *fl)
{
	char why[240];
	snprintf(why, sizeof why, _("Baris ini berisi %d isian, padahal baris judul %d: ada isian "
				    "yang hilang atau berlebih."), fl->nf, fl->header_fields);
	imp_bad(fl, "", "", why);
}

static int on_record(void *ctx, int line, int nf, char **f)
{
	struct imp_file *fl = ctx;
	struct imp *im = fl->im;
	fl->line = line;
	if (line == 1)
		return header(fl, nf, f);
	if (blank_record(nf, f))
		return 0; /* an empty spreadsheet row */
	fl->rows++;
	fl->nf = nf;
	fl->f = f;
	fl->row_bad = 0;
	if (imp_rowset_has(&im->skip, imp_row_key(fl->src, fl->table, line)))
		fl->row_bad = 1;
	else if (nf != fl->header_fields)
		wrong_width(fl);
	else if (im->o->all_known_same)
		im->r->t[fl->table].unchanged++;
	else
		imp_row(fl);
	if (fl->row_bad) {
		im->r->t[fl->table].refused++;
		imp_row_refused(fl);
	}
	if (im->o->progress && fl->rows % PROGRESS_EVERY == 0)
		im->o->progress(im->o->ctx, fl->label, fl->rows, fl->total);
	return im->dberr || im->fatal || im->redo;
}

static void hash_bytes(void *ctx, const void *data, size_t n)
{
	bundle_hash_update(ctx, data, n);
}

/* A file whose bytes are not the ones the manifest describes: its rows' problems mean
 * nothing, the checksum is the one problem. */
static void drop_row_problems(struct imp *im, int src, int t)
{
	import_result *r = im->r;
	int kept = 0;
	for (int i = 0; i < r->nproblems; i++) {
		const import_problem *p = &r->problems[i];
		if (!(p->src == src && p->table == t && p->baris >= 2))
			r->problems[kept++] = *p;
	}
	r->nproblems = kept;
}

/* The bundle's promises about table t: its checksum, then its row count. */
static void check_promises(struct imp *im, struct imp_file *fl, const char *hex)
{
	const struct imp_source *s = &im->src[fl->src];
	int t = fl->table;
	char mlabel[PATH_MAX + 64], why[320], n[32];
	imp_label(im, fl->src, -1, mlabel, sizeof mlabel);
	if (strcmp(hex, s->man.sha256[t]) != 0) {
		drop_row_problems(im, fl->src, t);
		snprintf(why, sizeof why, _("sha256.%s: isi %s tidak cocok dengan checksum di manifest "
					    "(berkas rusak atau diubah sesudah ekspor; SHA-256 "
					    "sekarang %s)."), BUNDLE_TABLES[t].file,
			 BUNDLE_TABLES[t].file, hex);
		imp_fatal(im, fl->src, mlabel, s->man.line_sha[t], "nilai", s->man.sha256[t], why);
	} else if (fl->rows != s->man.baris[t]) {
		snprintf(n, sizeof n, "%lld", s->man.baris[t]);
		snprintf(why, sizeof why, _("baris.%s: manifest mencatat %lld baris, berkas berisi %lld."),
			 BUNDLE_TABLES[t].file, s->man.baris[t], fl->rows);
		imp_fatal(im, fl->src, mlabel, s->man.line_baris[t], "nilai", n, why);
	}
}

void imp_read_file(struct imp *im, int src, int t)
{
	struct imp_source *s = &im->src[src];
	struct imp_file fl = { .im = im, .src = src, .table = t,
			       .total = s->is_bundle ? s->man.baris[t] : -1 };
	imp_label(im, src, t, fl.label, sizeof fl.label);
	if (im->o->progress)
		im->o->progress(im->o->ctx, fl.label, 0, fl.total);
	sk_err e;
	sk_err_clear(&e);
	if (lseek(s->fd[t], 0, SEEK_SET) != 0) {
		snprintf(e.msg, sizeof e.msg, _("Berkas %s tidak dapat dibaca: %s"), fl.label,
			 strerror(errno));
		imp_fatal(im, src, fl.label, 0, "", "", e.msg);
		return;
	}
	bundle_hash h;
	char hex[65];
	bundle_hash_init(&h);
	int rc = csv_read_fd(s->fd[t], fl.label, on_record, &fl, hash_bytes, &h, &e);
	if (!im->dberr && table_batch_flush(im->db, &fl.batch, im->e) != SK_OK)
		im->dberr = 1;
	table_batch_free(&fl.batch);
	if (im->dberr || im->fatal || im->redo)
		return;
	if (rc != SK_OK) {
		imp_fatal(im, src, fl.label, fl.line + 1, "", "", e.msg);
		return;
	}
	bundle_hash_hex(&h, hex);
	if (fl.line == 0)
		imp_fatal(im, src, fl.label, 1, "", "", _("Berkas kosong: baris judul tidak ada."));
	else if (!s->is_bundle && fl.rows == 0)
		/* A bundle's empty table is normal; a single file with nothing to import is the
		 * wrong file, or one cut off after its first line. */
		imp_fatal(im, src, fl.label, 1, "", "", _("Berkas hanya berisi baris judul: tidak ada "
							 "baris data untuk diimpor."));
	if (s->is_bundle)
		check_promises(im, &fl, hex);
	if (im->o->progress)
		im->o->progress(im->o->ctx, fl.label, fl.rows, fl.rows);
}
