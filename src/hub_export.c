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
#include "csvio.h"
#include "hub_priv.h"
#include "i18n.h"
#include "manifest.h"
#include "outfile.h"
#include "region.h"
#include "version.h"

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

/* One table's file: the header, the region's rows in key order (COPY out of the snapshot),
 * hashed, synced and renamed into place (outfile.h: a private temporary file, never
 * written through a planted link). */
static int export_table(hub *h, const hub_table *t, int dirfd, const char *dir, int prov,
			const char *kode, sk_manifest *m, sk_err *e)
{
	sk_outfile out;
	int rc = outfile_open(&out, dirfd, dir, t->def->file, 1, e);
	if (rc != SK_OK)
		return rc;
	struct writer x = { .t = t };
	csv_out_init(&x.w, out.f, 0);
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
	rc = hub_copy_out(h, q.s, write_row, &x, e);
	hub_sql_free(&q);
	if (rc == SK_IOERR)
		sk_err_set(e, rc, _("Berkas %s/%s tidak dapat ditulis: %s"), dir, t->def->file,
			   strerror(errno));
	if (rc == SK_OK)
		rc = bundle_hash_written(out.f, t->def->file, m->sha256[t->bt], e);
	if (rc == SK_OK)
		rc = outfile_commit(&out, e);
	else
		outfile_abort(&out);
	m->baris[t->bt] = x.rows;
	m->has[t->bt] = rc == SK_OK;
	return rc;
}

static int write_manifest(hub *h, int dirfd, const char *dir, const char *kode, sk_manifest *m,
			  sk_err *e)
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
	sk_outfile out;
	int rc = outfile_open(&out, dirfd, dir, BUNDLE_MANIFEST, 1, e);
	if (rc != SK_OK)
		return rc;
	rc = manifest_write(out.f, BUNDLE_MANIFEST, m, 0, e);
	if (rc == SK_OK)
		return outfile_commit(&out, e);
	outfile_abort(&out);
	return rc;
}

/* The folder: created 0700 when missing and opened once; temporary files of killed exports
 * go, and an old manifest goes first, so an interrupted export never leaves a manifest beside
 * files it does not describe. Returns the folder's descriptor, or -1 with e filled. */
static int prepare_dir(const char *dir, sk_err *e)
{
	struct stat st;
	if (sk_mkdir_private(dir) != 0) {
		sk_err_set(e, SK_IOERR, _("Folder %s tidak dapat dibuat: %s"), dir, strerror(errno));
		return -1;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		sk_err_set(e, SK_IOERR, _("Folder %s tidak dapat dibuka: %s"), dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	for (int t = 0; t < BT_COUNT; t++)
		outfile_clean_stale(fd, BUNDLE_TABLES[t].file, 0);
	outfile_clean_stale(fd, BUNDLE_MANIFEST, 0);
	if (unlinkat(fd, BUNDLE_MANIFEST, 0) != 0 && errno != ENOENT) {
		sk_err_set(e, SK_IOERR, _("Berkas %s/%s tidak dapat ditulis: %s"), dir,
			   BUNDLE_MANIFEST, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
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
	int dirfd = prepare_dir(dir, e);
	int rc = dirfd >= 0 ? SK_OK : SK_IOERR;
	/* One snapshot for every file: a load committing meanwhile is wholly in or out. */
	if (rc == SK_OK)
		rc = hub_exec(h, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", e);
	const hub_table *tabs = hub_tables();
	for (int t = 0; rc == SK_OK && t < BT_COUNT; t++) {
		rc = export_table(h, &tabs[t], dirfd, dir, prov, wilayah, &m, e);
		rows[t] = m.baris[t];
	}
	if (dirfd >= 0)
		hub_exec(h, rc == SK_OK ? "COMMIT" : "ROLLBACK", NULL);
	if (rc == SK_OK)
		rc = write_manifest(h, dirfd, dir, wilayah, &m, e);
	if (rc == SK_OK && fsync(dirfd) != 0)
		rc = sk_err_set(e, SK_IOERR, _("Folder %s tidak dapat ditulis: %s"), dir,
				strerror(errno));
	if (dirfd >= 0)
		close(dirfd);
	umask(old);
	return rc;
}
