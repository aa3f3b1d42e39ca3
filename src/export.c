/* export.c - write an exchange bundle: stream each table from one read snapshot into its CSV
 * file through csvio, then the manifest with row counts and SHA-256 sums. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "csvio.h"
#include "export.h"
#include "i18n.h"
#include "manifest.h"
#include "member.h"
#include "version.h"

#define SETTING_LAST "ekspor_terakhir"
/* The same moment to the millisecond, compared with disimpan_pada. */
#define SETTING_LAST_STORED "ekspor_terakhir_disimpan"
#define STORED_LEN 24 /* YYYY-MM-DDTHH:MM:SS.sssZ */
#define PROGRESS_EVERY 4096

struct exporter {
	sk_db *db;
	const char *dir;
	const export_opts *o;
	const char *sejak;            /* NULL: full bundle */
	char disimpan[STORED_LEN + 1];/* with sejak: the previous export to the millisecond */
	exchange_progress_fn fn;
	void *ctx;
	sk_err *e;
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
		if (!st)
			continue;
		if (since)
			bind_since(st, last, stored);
		if (sqlite3_step(st) == SQLITE_ROW)
			n += sqlite3_column_int64(st, 0);
		db_reset(st);
	}
	return n;
}

static void join(char *out, size_t n, const char *dir, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
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

/* Flush, sync and close f; SK_IOERR naming path when anything failed. */
static int finish_file(FILE *f, const char *path, sk_err *e)
{
	int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
	int err = errno;
	if (fclose(f) != 0 && !bad)
		bad = 1, err = errno;
	if (bad)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				  strerror(err));
	return SK_OK;
}

static long long count_rows(struct exporter *x, const bundle_table_def *d)
{
	sqlite3_stmt *st = db_prepare(x->db, x->sejak ? d->count_since : d->count_all, NULL);
	long long n = -1;
	if (!st)
		return n;
	if (x->sejak)
		bind_since(st, x->sejak, x->disimpan);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	db_reset(st);
	return n;
}

static void write_row(struct exporter *x, const bundle_table_def *d, sqlite3_stmt *st, csv_out *w)
{
	for (int i = 0; i < d->ncols; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);
		char masked[24];
		switch (d->cols[i].kind) {
		case BC_TEXT:
			csv_out_text(w, v);
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

/* Stream one table into dir/.F.tmp, then rename it to dir/F. */
static int export_table(struct exporter *x, int t, long long *rows)
{
	const bundle_table_def *d = &BUNDLE_TABLES[t];
	char tmp[PATH_MAX], path[PATH_MAX], name[64];
	snprintf(name, sizeof name, ".%s.tmp", d->file);
	join(tmp, sizeof tmp, x->dir, name);
	join(path, sizeof path, x->dir, d->file);
	long long total = x->fn ? count_rows(x, d) : -1;
	if (x->fn)
		x->fn(x->ctx, d->file, 0, total);
	FILE *f = fopen(tmp, "wb");
	if (!f)
		return sk_err_set(x->e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), tmp,
				  strerror(errno));
	csv_out w;
	csv_out_init(&w, f, x->o->excel);
	for (int i = 0; i < d->ncols; i++)
		csv_out_raw(&w, d->cols[i].name);
	csv_out_eol(&w);
	sqlite3_stmt *st = db_prepare(x->db, x->sejak ? d->select_since : d->select_all, x->e);
	if (!st) {
		fclose(f);
		unlink(tmp);
		return SK_DBERR;
	}
	if (x->sejak)
		bind_since(st, x->sejak, x->disimpan);
	int rc;
	*rows = 0;
	while ((rc = db_step(x->db, st, x->e)) == SQLITE_ROW) {
		write_row(x, d, st, &w);
		if (++*rows % PROGRESS_EVERY == 0 && x->fn)
			x->fn(x->ctx, d->file, *rows, total);
	}
	db_reset(st);
	int status = rc == SQLITE_DONE ? SK_OK : (x->e->status ? x->e->status : SK_DBERR);
	if (status != SK_OK) {
		fclose(f);
	} else {
		status = finish_file(f, tmp, x->e);
		if (status == SK_OK && rename(tmp, path) != 0)
			status = sk_err_set(x->e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
					    strerror(errno));
	}
	if (status != SK_OK)
		unlink(tmp);
	else if (x->fn)
		x->fn(x->ctx, d->file, *rows, *rows);
	return status;
}

static int write_manifest(struct exporter *x, sk_manifest *m)
{
	char tmp[PATH_MAX], path[PATH_MAX];
	join(tmp, sizeof tmp, x->dir, ".manifest.csv.tmp");
	join(path, sizeof path, x->dir, BUNDLE_MANIFEST);
	for (int t = 0; t < BT_COUNT; t++) {
		char file[PATH_MAX];
		join(file, sizeof file, x->dir, BUNDLE_TABLES[t].file);
		int rc = bundle_sha256_file(file, m->sha256[t], x->e);
		if (rc != SK_OK)
			return rc;
		m->has[t] = 1;
	}
	int rc = manifest_write(tmp, m, x->o->excel, x->e);
	if (rc == SK_OK && rename(tmp, path) != 0)
		rc = sk_err_set(x->e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				strerror(errno));
	if (rc != SK_OK)
		unlink(tmp);
	return rc;
}

/* The folder: created 0700 when missing; an old manifest goes first so that an interrupted
 * export never leaves a manifest beside files it does not describe. */
static int prepare_dir(const char *dir, sk_err *e)
{
	struct stat st;
	if (sk_mkdir_private(dir) != 0 || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return sk_err_set(e, SK_IOERR, _("Folder %s tidak dapat dibuat: %s"), dir,
				  strerror(errno ? errno : ENOTDIR));
	char path[PATH_MAX];
	join(path, sizeof path, dir, BUNDLE_MANIFEST);
	if (unlink(path) != 0 && errno != ENOENT)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				  strerror(errno));
	return SK_OK;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Run every table and the manifest inside one read transaction (a consistent snapshot). */
static int export_snapshot(struct exporter *x, sk_manifest *m, export_result *r)
{
	int own_tx = sqlite3_get_autocommit(db_handle(x->db));
	int rc = own_tx ? db_exec(x->db, "BEGIN", x->e) : SK_OK;
	if (rc != SK_OK)
		return rc;
	for (int t = 0; rc == SK_OK && t < BT_COUNT; t++) {
		rc = export_table(x, t, &r->rows[t]);
		m->baris[t] = r->rows[t];
	}
	if (own_tx)
		db_exec(x->db, "COMMIT", NULL);
	if (rc == SK_OK)
		rc = write_manifest(x, m);
	return rc;
}

/* The current millisecond by SQLite's clock (the one disimpan_pada is stamped by). */
static void clock_ms(sk_db *db, char out[STORED_LEN + 1])
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " DB_STORED_SQL, NULL);
	*out = '\0';
	if (st && sqlite3_step(st) == SQLITE_ROW)
		db_col_text(st, 0, out, STORED_LEN + 1);
	db_reset(st);
}

/* Let the write transactions of other copies that are under way commit first: they hold
 * the write lock, so taking it and letting it go at once waits for them (up to the busy
 * timeout). 0 when one outlasted the wait (a long import). */
static int writers_done(sk_db *db)
{
	if (!sqlite3_get_autocommit(db_handle(db)))
		return 1; /* the caller's own transaction: no other writer is under way */
	if (db_exec(db, "BEGIN IMMEDIATE", NULL) != SK_OK)
		return 0;
	db_exec(db, "COMMIT", NULL);
	return 1;
}

/* The millisecond this export begins in, into out, once the clock has passed it and the
 * writes under way have committed: every row stored in or before it is then in the export's
 * snapshot, every row stored later has a later disimpan_pada, so the next --since-last
 * bundle takes exactly the rows stored after it. Falls back to the stamp's bare second
 * should the clock not be readable, and to prev (more rows, never fewer) when a write
 * outlasted the wait. */
static void begin_ms(sk_db *db, const char *dibuat, const char *prev, char out[STORED_LEN + 1])
{
	char now[STORED_LEN + 1];
	clock_ms(db, out);
	if (strlen(out) != STORED_LEN || strncmp(out, dibuat, 19) < 0)
		snprintf(out, STORED_LEN + 1, "%.19s", dibuat);
	for (int i = 0; i < 100; i++) {
		clock_ms(db, now);
		if (strcmp(now, out) > 0)
			break;
		struct timespec ts = { 0, 200000 };
		nanosleep(&ts, NULL);
	}
	if (!writers_done(db))
		snprintf(out, STORED_LEN + 1, "%s", prev);
}

int export_bundle(sk_db *db, const char *dir, const export_opts *o, exchange_progress_fn fn,
		  void *ctx, export_result *r, sk_err *e)
{
	char sejak[SK_TS_LEN + 1] = "";
	memset(r, 0, sizeof *r);
	if (o->since_last)
		export_last_time(db, sejak);
	struct exporter x = { .db = db, .dir = dir, .o = o, .sejak = *sejak ? sejak : NULL,
			      .fn = fn, .ctx = ctx, .e = e };
	if (x.sejak)
		last_stored_time(db, sejak, x.disimpan);
	sk_manifest m;
	manifest_init(&m);
	sk_strlcpy(m.app_version, SIKUBE_VERSION, sizeof m.app_version);
	db_setting_get(db, "perangkat", "", m.perangkat, sizeof m.perangkat);
	db_setting_get(db, "kode_wilayah_kantor", "", m.kode_wilayah_kantor,
		       sizeof m.kode_wilayah_kantor);
	/* Stamped before the snapshot starts: a row changed while the export runs has a stamp at
	 * or after this one and goes into the next --since-last bundle too (never lost; a row
	 * sent twice merges to the same result). */
	sk_now_utc(m.dibuat_pada);
	char stored_now[STORED_LEN + 1];
	/* "0" sorts before every stamp: without a previous export, everything stored so far. */
	begin_ms(db, m.dibuat_pada, x.sejak ? x.disimpan : "0", stored_now);
	sk_strlcpy(m.sejak, sejak, sizeof m.sejak);
	m.nik_disamarkan = o->mask_nik != 0;
	sk_strlcpy(r->dibuat_pada, m.dibuat_pada, sizeof r->dibuat_pada);
	sk_strlcpy(r->sejak, sejak, sizeof r->sejak);

	mode_t old = umask(077);
	int rc = prepare_dir(dir, e);
	if (rc == SK_OK)
		rc = export_snapshot(&x, &m, r);
	umask(old);
	if (rc != SK_OK)
		return rc;
	sync_dir(dir);
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
