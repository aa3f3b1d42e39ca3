/* hub_export.c - `sikube hub export --wilayah CODE DIR`: every group under one region code
 * with all its rows, as the bundle `sikube export` writes (the tables, columns and column
 * kinds of BUNDLE_TABLES, csvio's writer, the manifest module), from one snapshot of the hub.
 * Rows come in key order, as export writes them, so an office that imports the bundle and
 * exports again writes the same bytes. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app.h"
#include "csvio.h"
#include "hub_priv.h"
#include "i18n.h"
#include "manifest.h"
#include "region.h"

struct writer {
	const hub_table *t;
	csv_out w;
	long long rows;
};

static int write_row(void *ctx, int nf, char **f)
{
	struct writer *x = ctx;
	const bundle_table_def *d = x->t->def;
	for (int c = 0; c < d->ncols; c++) {
		const char *v = c < nf ? f[c] : NULL;
		if (d->cols[c].kind == BC_TEXT)
			csv_out_text(&x->w, v);
		else
			csv_out_raw(&x->w, v);
	}
	csv_out_eol(&x->w);
	x->rows++;
	return ferror(x->w.f) ? SK_IOERR : 0;
}

/* "alias.<parent column> IN (SELECT ... )" down to the groups under the region (depth names
 * the nested aliases). */
static void in_region(hub_sql *q, const hub_table *t, const char *alias, int prov,
		      const char *kode, int depth)
{
	if (t->parent < 0) {
		if (region_level(kode) > 1)
			hub_sql_add(q, "%s.kode_wilayah LIKE '%s%%'", alias, kode);
		else
			hub_sql_add(q, "true");
		return;
	}
	const hub_table *p = &hub_tables()[t->parent];
	char inner[16];
	snprintf(inner, sizeof inner, "y%d", depth);
	hub_sql_add(q, "%s.%s IN (SELECT %s.id FROM " HUB_SCHEMA ".%s %s WHERE %s.prov = %d AND ",
		    alias, t->def->cols[t->parent_col].name, inner, p->def->name, inner, inner, prov);
	in_region(q, p, inner, prov, kode, depth + 1);
	hub_sql_add(q, ")");
}

static int finish(FILE *f, const char *path, sk_err *e)
{
	int bad = fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0;
	int err = errno;
	if (fclose(f) != 0 && !bad)
		bad = 1, err = errno;
	return bad ? sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				strerror(err)) : SK_OK;
}

/* A new private file dir/.NAME.XXXXXX, created exclusively (never through a planted link). */
static FILE *temp_file(const char *dir, const char *name, char *path, size_t n, sk_err *e)
{
	snprintf(path, n, "%s/.%s.XXXXXX", dir, name);
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
	}
	return f;
}

static int export_table(hub *h, const hub_table *t, const char *dir, int prov,
			const char *kode, long long *rows, sk_err *e)
{
	char tmp[PATH_MAX], path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, t->def->file);
	FILE *f = temp_file(dir, t->def->file, tmp, sizeof tmp, e);
	if (!f)
		return SK_IOERR;
	struct writer x = { .t = t };
	csv_out_init(&x.w, f, 0);
	for (int c = 0; c < t->def->ncols; c++)
		csv_out_raw(&x.w, t->def->cols[c].name);
	csv_out_eol(&x.w);
	hub_sql q = { 0 };
	hub_sql_add(&q, "COPY (SELECT ");
	hub_cols(&q, t, "x");
	hub_sql_add(&q, " FROM " HUB_SCHEMA ".%s x WHERE x.prov = %d AND ", t->def->name, prov);
	in_region(&q, t, "x", prov, kode, 1);
	hub_sql_add(&q, " ORDER BY ");
	hub_key_list(&q, t, "x");
	hub_sql_add(&q, ") TO STDOUT");
	int rc = hub_copy_out(h, q.s, write_row, &x, e);
	hub_sql_free(&q);
	if (rc == SK_IOERR)
		sk_err_set(e, rc, _("Berkas %s tidak dapat ditulis: %s"), tmp, strerror(errno));
	if (rc == SK_OK)
		rc = finish(f, tmp, e);
	else
		fclose(f);
	if (rc == SK_OK && rename(tmp, path) != 0)
		rc = sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path, strerror(errno));
	if (rc != SK_OK)
		unlink(tmp);
	*rows = x.rows;
	return rc;
}

static int write_manifest(hub *h, const char *dir, const char *kode, sk_manifest *m, sk_err *e)
{
	PGresult *r = hub_query(h, "SELECT nilai FROM " HUB_SCHEMA ".pengaturan WHERE kunci = "
				"'perangkat'", 0, NULL, e);
	if (!r)
		return SK_DBERR;
	if (PQntuples(r))
		sk_strlcpy(m->perangkat, PQgetvalue(r, 0, 0), sizeof m->perangkat);
	PQclear(r);
	sk_strlcpy(m->app_version, SIKUBE_VERSION, sizeof m->app_version);
	sk_strlcpy(m->kode_wilayah_kantor, kode, sizeof m->kode_wilayah_kantor);
	for (int t = 0; t < BT_COUNT; t++) {
		char file[PATH_MAX];
		snprintf(file, sizeof file, "%s/%s", dir, BUNDLE_TABLES[t].file);
		int rc = bundle_sha256_file(file, m->sha256[t], e);
		if (rc != SK_OK)
			return rc;
		m->has[t] = 1;
	}
	char tmp[PATH_MAX], path[PATH_MAX];
	FILE *f = temp_file(dir, BUNDLE_MANIFEST, tmp, sizeof tmp, e);
	if (!f)
		return SK_IOERR;
	fclose(f);
	int rc = manifest_write(tmp, m, 0, e);
	snprintf(path, sizeof path, "%s/%s", dir, BUNDLE_MANIFEST);
	if (rc == SK_OK && rename(tmp, path) != 0)
		rc = sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path, strerror(errno));
	if (rc != SK_OK)
		unlink(tmp);
	return rc;
}

/* The folder: created 0700 when missing; an old manifest goes first, so an interrupted
 * export never leaves a manifest beside files it does not describe. */
static int prepare_dir(const char *dir, sk_err *e)
{
	struct stat st;
	char path[PATH_MAX];
	if (sk_mkdir_private(dir) != 0 || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return sk_err_set(e, SK_IOERR, _("Folder %s tidak dapat dibuat: %s"), dir,
				  strerror(errno ? errno : ENOTDIR));
	snprintf(path, sizeof path, "%s/%s", dir, BUNDLE_MANIFEST);
	if (unlink(path) != 0 && errno != ENOENT)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path,
				  strerror(errno));
	return SK_OK;
}

int hub_export(hub *h, const char *wilayah, const char *dir, long long rows[BT_COUNT],
	       sk_err *e)
{
	memset(rows, 0, sizeof(long long) * BT_COUNT);
	if (!region_level(wilayah) || !hub_region_known(h, wilayah))
		return sk_err_set(e, SK_REFUSED, _("Kode wilayah %s tidak ada di daftar wilayah."),
				  wilayah);
	int prov = atoi(wilayah);
	sk_manifest m;
	manifest_init(&m);
	sk_now_utc(m.dibuat_pada);
	mode_t old = umask(077);
	int rc = prepare_dir(dir, e);
	/* One snapshot for every file: a load committing meanwhile is wholly in or out. */
	if (rc == SK_OK)
		rc = hub_exec(h, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", e);
	const hub_table *tabs = hub_tables();
	for (int t = 0; rc == SK_OK && t < BT_COUNT; t++) {
		rc = export_table(h, &tabs[t], dir, prov, wilayah, &rows[t], e);
		m.baris[t] = rows[t];
	}
	hub_exec(h, rc == SK_OK ? "COMMIT" : "ROLLBACK", NULL);
	if (rc == SK_OK)
		rc = write_manifest(h, dir, wilayah, &m, e);
	umask(old);
	return rc;
}
