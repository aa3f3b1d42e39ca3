/* export.c - write an exchange bundle: one export per folder at a time (a lock file in it),
 * each table streamed from one read snapshot into a private temporary file (created
 * exclusively: never through a planted symlink), hashed from those bytes as they are written
 * (not read back afterwards: a second pass over every file) and renamed into place; the
 * manifest with row counts and SHA-256 sums last. */
#define _GNU_SOURCE /* fopencookie */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <nettle/sha2.h>
#include "csvio.h"
#include "db_access.h"
#include "export.h"
#include "i18n.h"
#include "manifest.h"
#include "member.h"
#include "outfile.h"
#include "privacy.h"
#include "signing.h"
#include "version.h"

#define SETTING_LAST "ekspor_terakhir"
/* The same moment to the millisecond, compared with disimpan_pada. */
#define SETTING_LAST_STORED "ekspor_terakhir_disimpan"
#define STORED_LEN 24 /* YYYY-MM-DDTHH:MM:SS.sssZ */
#define PROGRESS_EVERY 4096
/* The lock file of a bundle folder: held (flock) by the export writing into it. */
#define LOCK_FILE ".sikube-ekspor.lock"

struct exporter {
	sk_db *db;
	const char *dir;
	int dirfd;                    /* the folder, opened once */
	const export_opts *o;
	const char *sejak;            /* NULL: full bundle */
	char disimpan[STORED_LEN + 1];/* with sejak: the previous export to the millisecond */
	exchange_progress_fn fn;
	void *ctx;
	sk_err *e;
	char sha[65];                 /* SHA-256 of the manifest written (for the trail) */
};

int export_last_time(sk_db *db, char out[SK_TS_LEN + 1])
{
	return db_setting_get(db, SETTING_LAST, "", out, SK_TS_LEN + 1) && *out;
}

/* The previous export's millisecond into out; from its stamp sejak when it was made before
 * SIKUBE kept that: the bare second, which sorts before every millisecond of that second, so
 * nothing stored in it is missed. */
static void last_stored_time(sk_db *db, const char *sejak, char out[STORED_LEN + 1])
{
	if (db_setting_get(db, SETTING_LAST_STORED, "", out, STORED_LEN + 1) && *out)
		return;
	snprintf(out, STORED_LEN + 1, "%.19s", sejak);
}

/* Bind the --since-last parameters of a select_since or count_since statement. */
static void bind_since(sqlite3_stmt *st, const char *sejak, const char *disimpan)
{
	db_bind_text(st, ":sejak", sejak);
	db_bind_text(st, ":disimpan", disimpan);
}

/* Number of rows the count statement st (bound) gives into *n. */
static int count_rows_of(sk_db *db, sqlite3_stmt *st, long long *n, sk_err *e)
{
	int64_t v = 0;
	int rc = db_count(db, st, &v, e);
	*n = v;
	return rc;
}

long long export_pending_rows(sk_db *db)
{
	char last[SK_TS_LEN + 1], stored[STORED_LEN + 1];
	int since = export_last_time(db, last);
	if (since)
		last_stored_time(db, last, stored);
	long long n = 0;
	for (int t = 0; t < BT_COUNT; t++) {
		const bundle_table_def *d = &BUNDLE_TABLES[t];
		sqlite3_stmt *st = db_prepare(db, since ? d->count_since : d->count_all, NULL);
		long long rows;
		if (!st)
			return -1;
		if (since)
			bind_since(st, last, stored);
		if (count_rows_of(db, st, &rows, NULL) != SK_OK)
			return -1;
		n += rows;
	}
	return n;
}

/* The first writable folder under base that is a mount point (another device than base). */
static int find_stick(const char *base, char *out, size_t n)
{
	struct stat bst, st;
	DIR *d = opendir(base);
	if (!d)
		return 0;
	int found = 0;
	if (stat(base, &bst) == 0) {
		const struct dirent *de;
		while (!found && (de = readdir(d)) != NULL) {
			char path[PATH_MAX + 256];
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", base, de->d_name);
			if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_dev != bst.st_dev &&
			    access(path, W_OK) == 0) {
				sk_strlcpy(out, path, n);
				found = 1;
			}
		}
	}
	closedir(d);
	return found;
}

int export_default_dir(char *out, size_t n)
{
	const char *user = getenv("USER");
	const struct passwd *pw = (!user || !*user) ? getpwuid(getuid()) : NULL;
	if (pw)
		user = pw->pw_name;
	char base[PATH_MAX], where[PATH_MAX];
	const char *const roots[] = { "/media/", "/run/media/", "/media" };
	for (size_t i = 0; i < sizeof roots / sizeof roots[0]; i++) {
		int per_user = roots[i][strlen(roots[i]) - 1] == '/';
		snprintf(base, sizeof base, "%s%s", roots[i], per_user && user ? user : "");
		if (find_stick(base, where, sizeof where)) {
			snprintf(out, n, "%s/sikube-export", where);
			return 1;
		}
	}
	const char *home = getenv("HOME");
	snprintf(out, n, "%s/sikube-export", home && *home ? home : ".");
	return 0;
}

static int count_rows(struct exporter *x, const bundle_table_def *d, long long *n)
{
	sqlite3_stmt *st = db_prepare(x->db, x->sejak ? d->count_since : d->count_all, x->e);
	if (!st)
		return SK_DBERR;
	if (x->sejak)
		bind_since(st, x->sejak, x->disimpan);
	return count_rows_of(x->db, st, n, x->e);
}

static void write_row(struct exporter *x, const bundle_table_def *d, sqlite3_stmt *st, csv_out *w)
{
	for (int i = 0; i < d->ncols; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		char masked[24];
		switch (d->cols[i].kind) {
		case BC_TEXT:
			if (x->o->mask_nik && v) {
				/* A NIK typed into a name, an address or a note is masked too. */
				char *copy = strdup(v);
				if (!copy)
					abort();
				privacy_mask_ids(copy);
				csv_out_text(w, copy);
				free(copy);
			} else {
				csv_out_text(w, v);
			}
			break;
		case BC_IDNUM:
			if (x->o->mask_nik && v) {
				member_mask_nik(v, masked, sizeof masked);
				v = masked;
			}
			csv_out_raw(w, v);
			break;
		default:
			csv_out_raw(w, v);
		}
	}
	csv_out_eol(w);
}

/* A stream that hashes every byte written through it on its way to the file (fopencookie). */
struct hashing {
	FILE *to;
	bundle_hash h;
	off_t written, synced; /* bytes passed to the file; of them, handed to the disk */
};

/* Bytes written between two starts of the disk's writing (sync_file_range): the fsync when
 * the file is complete then waits for the last few MiB, not for all of a big file. */
#define WRITEBACK_EVERY (8 << 20)

static ssize_t hashing_write(void *cookie, const char *buf, size_t n)
{
	struct hashing *hs = cookie;
	bundle_hash_update(&hs->h, buf, n);
	size_t w = fwrite(buf, 1, n, hs->to);
	if (w != n)
		return -1;
	hs->written += (off_t)n;
	if (hs->written - hs->synced >= WRITEBACK_EVERY && fflush(hs->to) == 0) {
		/* Only a hint: an error here shows again at the fsync of outfile_commit. */
		(void)sync_file_range(fileno(hs->to), hs->synced, hs->written - hs->synced,
				      SYNC_FILE_RANGE_WRITE);
		hs->synced = hs->written;
	}
	return (ssize_t)n;
}

/* fin: the stream the CSV writer writes into, passing every byte to out and hashing it; NULL
 * with errno when it cannot be made. */
static FILE *hashing_open(struct hashing *hs, FILE *out)
{
	static const cookie_io_functions_t IO = { .write = hashing_write };
	hs->to = out;
	hs->written = hs->synced = 0;
	bundle_hash_init(&hs->h);
	FILE *f = fopencookie(hs, "w", IO);
	if (!f)
		return NULL;
	setvbuf(f, NULL, _IOFBF, 65536);
	/* One thread writes each stream: no lock taken for each of the CSV writer's many small
	 * writes (several per field, tens of millions in a big export). */
	__fsetlocking(f, FSETLOCKING_BYCALLER);
	__fsetlocking(out, FSETLOCKING_BYCALLER);
	return f;
}

/* Close the hashing stream f (its last bytes go to the file) and give the SHA-256 of all. */
static int hashing_close(struct hashing *hs, FILE *f, const char *label, char hex[65], sk_err *e)
{
	int bad = ferror(f);
	if (fclose(f) != 0 || bad || ferror(hs->to))
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), label,
				  strerror(errno));
	bundle_hash_hex(&hs->h, hex);
	return SK_OK;
}

/* Every row of one table into its file. */
static int write_rows(struct exporter *x, const bundle_table_def *d, csv_out *w, long long total,
		      long long *rows)
{
	sqlite3_stmt *st = db_prepare(x->db, x->sejak ? d->select_since : d->select_all, x->e);
	if (!st)
		return SK_DBERR;
	if (x->sejak)
		bind_since(st, x->sejak, x->disimpan);
	int rc;
	*rows = 0;
	while ((rc = db_step(x->db, st, x->e)) == SQLITE_ROW) {
		write_row(x, d, st, w);
		if (++*rows % PROGRESS_EVERY == 0 && x->fn)
			x->fn(x->ctx, d->file, *rows, total);
	}
	db_reset(st);
	if (rc == SQLITE_DONE)
		return SK_OK;
	int prim = rc & 0xff;
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB)
		return db_damaged(x->db, sqlite3_errstr(rc), x->e); /* restore, never spread it */
	return x->e->status ? x->e->status : SK_DBERR;
}

/* Stream one table into a private temporary file, hashing it, then rename it to its name. */
static int export_table(struct exporter *x, int t, sk_manifest *m)
{
	const bundle_table_def *d = &BUNDLE_TABLES[t];
	long long total = -1;
	int rc = x->fn ? count_rows(x, d, &total) : SK_OK;
	if (rc != SK_OK)
		return rc;
	if (x->fn)
		x->fn(x->ctx, d->file, 0, total);
	sk_outfile out;
	rc = outfile_open(&out, x->dirfd, x->dir, d->file, 1, x->e);
	if (rc != SK_OK)
		return rc;
	struct hashing hs;
	FILE *hf = hashing_open(&hs, out.f);
	if (!hf) {
		rc = sk_err_set(x->e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), d->file,
				strerror(errno));
		outfile_abort(&out);
		return rc;
	}
	csv_out w;
	csv_out_init(&w, hf, x->o->excel);
	for (int i = 0; i < d->ncols; i++)
		csv_out_raw(&w, d->cols[i].name);
	csv_out_eol(&w);
	rc = write_rows(x, d, &w, total, &m->baris[t]);
	int hrc = hashing_close(&hs, hf, d->file, m->sha256[t], x->e);
	if (rc == SK_OK)
		rc = hrc;
	if (rc == SK_OK)
		rc = outfile_commit(&out, x->e);
	else
		outfile_abort(&out);
	if (rc == SK_OK) {
		m->has[t] = 1;
		if (x->fn)
			x->fn(x->ctx, d->file, m->baris[t], m->baris[t]);
	}
	return rc;
}

/* The manifest, signed with this office's key (docs/signing.md): its bytes are written to
 * memory first, the signature of exactly those bytes is its last line. The SHA-256 of the
 * whole file goes to sha (for the trail). */
static int write_manifest(struct exporter *x, sk_manifest *m, char sha[65])
{
	/* Signed when the office has its key pair (`sikube init` makes it). */
	int rc = signing_own_key(x->db, 0, m->kunci_publik, NULL);
	int sign = rc == SK_OK;
	if (!sign)
		m->kunci_publik[0] = '\0';
	else
		db_setting_get(x->db, "nama_kantor", "", m->nama_kantor, sizeof m->nama_kantor);
	char *buf = NULL, sig[SIGNING_SIG_HEX + 1];
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return sk_err_set(x->e, SK_IOERR, "%s", _("Memori tidak cukup."));
	rc = manifest_write(mem, BUNDLE_MANIFEST, m, x->o->excel, x->e);
	if (fclose(mem) != 0 && rc == SK_OK)
		rc = sk_err_set(x->e, SK_IOERR, "%s", _("Memori tidak cukup."));
	if (rc == SK_OK && sign)
		rc = signing_sign(x->db, buf, len, sig, x->e);
	sk_outfile out;
	if (rc == SK_OK)
		rc = outfile_open(&out, x->dirfd, x->dir, BUNDLE_MANIFEST, 1, x->e);
	if (rc != SK_OK) {
		free(buf);
		return rc;
	}
	if (fwrite(buf, 1, len, out.f) != len)
		rc = sk_err_set(x->e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"),
				BUNDLE_MANIFEST, strerror(errno));
	if (rc == SK_OK && sign)
		rc = manifest_write_pair(out.f, BUNDLE_MANIFEST, SIGNING_KEY_SIGNATURE, sig,
					 x->o->excel, x->e);
	if (rc == SK_OK) {
		struct sha256_ctx c;
		uint8_t d[SHA256_DIGEST_SIZE];
		char line[SIGNING_SIG_HEX + 32];
		if (sign)
			snprintf(line, sizeof line, "%s%c%s%s", SIGNING_KEY_SIGNATURE,
				 x->o->excel ? ';' : ',', sig, x->o->excel ? "\r\n" : "\n");
		else
			line[0] = '\0';
		sha256_init(&c);
		sha256_update(&c, len, (const uint8_t *)buf);
		sha256_update(&c, strlen(line), (const uint8_t *)line);
		sha256_digest(&c, sizeof d, d);
		for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
			snprintf(sha + 2 * i, 3, "%02x", d[i]);
	}
	free(buf);
	if (rc == SK_OK)
		return outfile_commit(&out, x->e);
	outfile_abort(&out);
	return rc;
}

/* The folder: created 0700 when missing and opened once. */
static int open_dir(struct exporter *x)
{
	struct stat st;
	if (sk_mkdir_private(x->dir) != 0)
		return sk_err_set(x->e, SK_IOERR, _("Folder %s tidak dapat dibuat: %s"), x->dir,
				  strerror(errno));
	x->dirfd = open(x->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (x->dirfd < 0 || fstat(x->dirfd, &st) != 0)
		return sk_err_set(x->e, SK_IOERR, _("Folder %s tidak dapat dibuka: %s"), x->dir,
				  strerror(errno));
	return SK_OK;
}

/* One export per folder: the lock file held until the export ends (released by the system
 * when the process dies). Returns its descriptor, or -1 (SK_BUSY: another export holds it). */
static int lock_dir(struct exporter *x)
{
	int fd = openat(x->dirfd, LOCK_FILE, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		sk_err_set(x->e, SK_IOERR, _("Folder %s tidak dapat dikunci: %s"), x->dir,
			   strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int err = errno;
		close(fd);
		if (err == EWOULDBLOCK)
			sk_err_set(x->e, SK_BUSY, _("Ekspor lain sedang menulis ke folder %s. Tunggu "
						    "sampai selesai, lalu coba lagi."), x->dir);
		else
			sk_err_set(x->e, SK_IOERR, _("Folder %s tidak dapat dikunci: %s"), x->dir,
				   strerror(err));
		return -1;
	}
	return fd;
}

/* Under the lock: temporary files of killed exports go, and the old manifest before any
 * file changes, so that an interrupted export never leaves a manifest beside files it does
 * not describe. */
static int clear_dir(struct exporter *x)
{
	for (int t = 0; t < BT_COUNT; t++)
		outfile_clean_stale(x->dirfd, BUNDLE_TABLES[t].file, 1);
	outfile_clean_stale(x->dirfd, BUNDLE_MANIFEST, 1);
	if (unlinkat(x->dirfd, BUNDLE_MANIFEST, 0) != 0 && errno != ENOENT)
		return sk_err_set(x->e, SK_IOERR, _("Berkas %s/%s tidak dapat ditulis: %s"), x->dir,
				  BUNDLE_MANIFEST, strerror(errno));
	return SK_OK;
}

/* Every table inside one read transaction (a consistent snapshot), then the manifest. */
static int export_snapshot(struct exporter *x, sk_manifest *m, export_result *r)
{
	int rc = db_begin_read(x->db, x->e);
	if (rc != SK_OK)
		return rc;
	for (int t = 0; rc == SK_OK && t < BT_COUNT; t++) {
		rc = export_table(x, t, m);
		r->rows[t] = m->baris[t];
	}
	int erc = db_end(x->db, rc == SK_OK, rc == SK_OK ? x->e : NULL);
	if (rc == SK_OK)
		rc = erc;
	if (rc == SK_OK)
		rc = write_manifest(x, m, x->sha);
	if (rc == SK_OK && fsync(x->dirfd) != 0)
		rc = sk_err_set(x->e, SK_IOERR, _("Folder %s tidak dapat ditulis: %s"), x->dir,
				strerror(errno));
	return rc;
}

/* The current millisecond by SQLite's clock (the one disimpan_pada is stamped by). */
static int clock_ms(sk_db *db, char out[STORED_LEN + 1], sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " DB_STORED_SQL, e);
	*out = '\0';
	if (!st)
		return SK_DBERR;
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, out, STORED_LEN + 1);
	return db_row_end(st, rc, "", e);
}

/* Let the write transactions of other copies that are under way commit first: they hold
 * the write lock, so taking it and letting it go at once waits for them (up to the busy
 * timeout). 0 when one outlasted the wait (a long import). */
static int writers_done(sk_db *db)
{
	if (db_begin_write(db, NULL) != SK_OK)
		return 0;
	return db_end(db, 1, NULL) == SK_OK;
}

/* The millisecond this export begins in, into out, once the clock has passed it and the
 * writes under way have committed: every row stored in or before it is then in the export's
 * snapshot, every row stored later has a later disimpan_pada, so the next --since-last
 * bundle takes exactly the rows stored after it. Falls back to the stamp's bare second
 * should the clock not be readable, and to prev (more rows, never fewer) when a write
 * outlasted the wait. */
static int begin_ms(sk_db *db, const char *dibuat, const char *prev, char out[STORED_LEN + 1],
		    sk_err *e)
{
	char now[STORED_LEN + 1];
	int rc = clock_ms(db, out, e);
	if (rc != SK_OK)
		return rc;
	if (strlen(out) != STORED_LEN || strncmp(out, dibuat, 19) < 0)
		snprintf(out, STORED_LEN + 1, "%.19s", dibuat);
	for (int i = 0; i < 100 && rc == SK_OK; i++) {
		rc = clock_ms(db, now, e);
		if (strcmp(now, out) > 0)
			break;
		struct timespec ts = { 0, 200000 };
		nanosleep(&ts, NULL);
	}
	if (rc == SK_OK && !writers_done(db))
		snprintf(out, STORED_LEN + 1, "%s", prev);
	return rc;
}

/* The export's manifest, stamped before the snapshot starts. */
static void start_manifest(struct exporter *x, sk_manifest *m, const char *sejak)
{
	manifest_init(m);
	sk_strlcpy(m->app_version, SIKUBE_VERSION, sizeof m->app_version);
	db_setting_get(x->db, "perangkat", "", m->perangkat, sizeof m->perangkat);
	db_setting_get(x->db, "kode_wilayah_kantor", "", m->kode_wilayah_kantor,
		       sizeof m->kode_wilayah_kantor);
	/* A row changed while the export runs has a stamp at or after this one and goes into
	 * the next --since-last bundle too (never lost; a row sent twice merges to the same
	 * result). */
	sk_now_utc(m->dibuat_pada);
	sk_strlcpy(m->sejak, sejak, sizeof m->sejak);
	m->nik_disamarkan = x->o->mask_nik != 0;
}

/* Open, lock and clear the folder, then write the bundle. *lockfd: the lock (or -1). */
static int write_bundle(struct exporter *x, sk_manifest *m, export_result *r, int *lockfd)
{
	mode_t old = umask(077);
	int rc = open_dir(x);
	if (rc == SK_OK && (*lockfd = lock_dir(x)) < 0)
		rc = x->e->status;
	if (rc == SK_OK)
		rc = clear_dir(x);
	if (rc == SK_OK)
		rc = export_snapshot(x, m, r);
	umask(old);
	return rc;
}

/* The message of an export that did not leave a whole bundle. */
static void not_whole(struct exporter *x)
{
	char why[sizeof x->e->msg];
	sk_strlcpy(why, x->e->msg, sizeof why);
	sk_err_set(x->e, x->e->status, _("%s Bundel di %s tidak utuh (tanpa manifest.csv) dan tidak "
					  "dapat diimpor; ekspor berikutnya memuat lagi perubahan "
					  "ini."), why, x->dir);
}

int export_bundle(sk_db *db, const char *dir, const export_opts *o, exchange_progress_fn fn,
		  void *ctx, export_result *r, sk_err *e)
{
	char sejak[SK_TS_LEN + 1] = "";
	memset(r, 0, sizeof *r);
	int rc = db_permit(db, SK_ACT_EXPORT, e);
	if (rc != SK_OK)
		return rc;
	if (o->since_last)
		export_last_time(db, sejak);
	struct exporter x = { .db = db, .dir = dir, .dirfd = -1, .o = o,
			      .sejak = *sejak ? sejak : NULL, .fn = fn, .ctx = ctx, .e = e };
	if (x.sejak)
		last_stored_time(db, sejak, x.disimpan);
	sk_manifest m;
	start_manifest(&x, &m, sejak);
	char stored_now[STORED_LEN + 1];
	/* "0" sorts before every stamp: without a previous export, everything stored so far. */
	rc = begin_ms(db, m.dibuat_pada, x.sejak ? x.disimpan : "0", stored_now, e);
	sk_strlcpy(r->dibuat_pada, m.dibuat_pada, sizeof r->dibuat_pada);
	sk_strlcpy(r->sejak, sejak, sizeof r->sejak);
	int lockfd = -1;
	if (rc == SK_OK)
		rc = write_bundle(&x, &m, r, &lockfd);
	if (rc != SK_OK && lockfd >= 0)
		not_whole(&x);
	if (lockfd >= 0)
		close(lockfd);
	if (x.dirfd >= 0)
		close(x.dirfd);
	if (rc != SK_OK)
		return rc;
	/* The trail: a bundle with whole NIKs is a read of every NIK in it. */
	char note[PATH_MAX + 160];
	snprintf(note, sizeof note, "%s; sha256 manifest %s", dir, x.sha);
	rc = db_audit_note(db, o->mask_nik ? "ekspor" : "baca_nik", "bundel", NULL, NULL, NULL,
			   note, e);
	if (rc == SK_BUSY) {
		/* Another copy kept the database past the wait: the bundle stands, as when its
		 * time cannot be recorded below (the caller says so). */
		r->not_stamped = 1;
		sk_err_clear(e);
		return SK_OK;
	}
	if (rc != SK_OK)
		return rc;
	/* The millisecond moment first: should the second setting fail, the next bundle starts
	 * at an older moment and holds more rows, never fewer. */
	if (!o->mask_nik)
		rc = db_setting_set(db, SETTING_LAST_STORED, stored_now, e);
	if (!o->mask_nik && rc == SK_OK)
		rc = db_setting_set(db, SETTING_LAST, m.dibuat_pada, e);
	if (rc == SK_BUSY) {
		r->not_stamped = 1;
		sk_err_clear(e);
		rc = SK_OK;
	}
	return rc;
}
