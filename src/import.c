/* import.c - import and merge: sources (bundle folders, single table files), the manifest
 * checks, reading passes in one transaction, the problem list and its report. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "assessment.h"
#include "csvio.h"
#include "i18n.h"
#include "import_priv.h"
#include "member.h"

#define PROGRESS_EVERY 4096

/* ---- row sets -------------------------------------------------------------------------- */

uint64_t imp_row_key(int src, int table, long long line)
{
	return ((uint64_t)(src + 1) << 44) | ((uint64_t)table << 40) | ((uint64_t)line & 0xffffffffffULL);
}

static size_t slot_of(uint64_t key, size_t cap)
{
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	return (size_t)(key & (cap - 1));
}

int imp_rowset_has(const imp_rowset *s, uint64_t key)
{
	if (!s->cap)
		return 0;
	for (size_t i = slot_of(key, s->cap);; i = (i + 1) & (s->cap - 1)) {
		if (s->slots[i] == key)
			return 1;
		if (s->slots[i] == 0)
			return 0;
	}
}

void imp_rowset_add(imp_rowset *s, uint64_t key)
{
	if (imp_rowset_has(s, key))
		return;
	if ((s->n + 1) * 2 > s->cap) {
		imp_rowset old = *s;
		s->cap = old.cap ? old.cap * 2 : 64;
		s->slots = calloc(s->cap, sizeof *s->slots);
		if (!s->slots)
			abort();
		s->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i])
				imp_rowset_add(s, old.slots[i]);
		free(old.slots);
	}
	size_t i = slot_of(key, s->cap);
	while (s->slots[i])
		i = (i + 1) & (s->cap - 1);
	s->slots[i] = key;
	s->n++;
}

void imp_rowset_free(imp_rowset *s)
{
	free(s->slots);
	memset(s, 0, sizeof *s);
}

/* ---- problems -------------------------------------------------------------------------- */

/* Digits in a row from this many on may be a NIK or No. KK (16 digits) in the wrong column:
 * longer than any phone number or amount in a bundle. */
#define ID_DIGITS 14

/* Mask every run of ID_DIGITS or more digits in s after its first 6, like member_mask_nik. */
static void mask_digit_runs(char *s)
{
	for (char *p = s; *p;) {
		size_t run = strspn(p, "0123456789");
		if (run >= ID_DIGITS)
			memset(p + 6, '*', run - 6);
		p += run ? run : 1;
	}
}

/* A column naming a row of another file (or of this one: membalik_id). */
static int is_reference(const char *kolom)
{
	return strcmp(kolom, "kelompok_id") == 0 || strcmp(kolom, "anggota_id") == 0 ||
	       strcmp(kolom, "pertemuan_id") == 0 || strcmp(kolom, "membalik_id") == 0;
}

void imp_problem(struct imp *im, int src, int table, const char *berkas, long long line,
		 const char *kolom, const char *nilai, const char *alasan)
{
	import_result *r = im->r;
	char why[PATH_MAX + 200], parent[PATH_MAX];
	long long pline;
	if (nilai && *nilai && is_reference(kolom) &&
	    imp_refused_parent(im, nilai, parent, sizeof parent, &pline)) {
		/* The row it names is in the bundle but was refused: say where, not "not found". */
		snprintf(why, sizeof why, _("Baris yang dirujuk ditolak (%s baris %lld); perbaiki "
					    "baris itu dulu."), parent, pline);
		alasan = why;
	}
	if (line >= 2 && table >= 0)
		imp_rowset_add(&im->bad, imp_row_key(src, table, line));
	if (r->nproblems >= IMPORT_MAX_PROBLEMS) {
		r->more_problems++;
		return;
	}
	if (r->nproblems % 256 == 0) {
		r->problems = realloc(r->problems, (size_t)(r->nproblems + 256) * sizeof *r->problems);
		if (!r->problems)
			abort();
	}
	import_problem *p = &r->problems[r->nproblems++];
	memset(p, 0, sizeof *p);
	sk_strlcpy(p->berkas, berkas, sizeof p->berkas);
	p->baris = line;
	sk_strlcpy(p->kolom, kolom, sizeof p->kolom);
	/* Privacy (UU 27/2022): never a full NIK or No. KK in a report. Values come from the
	 * file: stray bytes and control characters become '?' so the report is clean UTF-8 and
	 * cannot move the cursor or change colours when it goes to a terminal. */
	char masked[24];
	if (strcmp(kolom, "nik") == 0 || strcmp(kolom, "no_kk") == 0) {
		member_mask_nik(nilai ? nilai : "", masked, sizeof masked);
		nilai = masked;
	}
	sk_utf8_scrub(p->nilai, sizeof p->nilai, nilai);
	mask_digit_runs(p->nilai); /* a NIK typed into another column stays private too */
	sk_utf8_scrub(p->alasan, sizeof p->alasan, alasan);
	p->src = src;
	p->table = table;
	p->seq = im->seq++;
}

/* A problem with a whole file or the manifest: refuses everything. */
static void fatal(struct imp *im, int src, const char *berkas, long long line, const char *kolom,
		  const char *nilai, const char *alasan)
{
	im->fatal = 1;
	imp_problem(im, src, -1, berkas, line, kolom, nilai, alasan);
}

static int cmp_problem(const void *a, const void *b)
{
	const import_problem *x = a, *y = b;
	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if (x->baris != y->baris)
		return x->baris < y->baris ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void import_result_free(import_result *r)
{
	free(r->problems);
	r->problems = NULL;
	r->nproblems = 0;
}

long long import_total(const import_result *r, int which)
{
	long long n = 0;
	for (int t = 0; t < BT_COUNT; t++) {
		const import_counts *c = &r->t[t];
		n += which == 0 ? c->added : which == 1 ? c->updated : which == 2 ? c->unchanged
										 : c->refused;
	}
	return n;
}

int import_write_report(const import_result *r, FILE *out)
{
	static const char *const cols[] = { "berkas", "baris", "kolom", "nilai", "alasan" };
	csv_out w;
	csv_out_init(&w, out, 0);
	for (int i = 0; i < 5; i++)
		csv_out_raw(&w, cols[i]);
	csv_out_eol(&w);
	for (int i = 0; i < r->nproblems; i++) {
		const import_problem *p = &r->problems[i];
		csv_out_text(&w, p->berkas);
		csv_out_int(&w, p->baris);
		csv_out_raw(&w, p->kolom);
		csv_out_text(&w, p->nilai);
		csv_out_text(&w, p->alasan);
		csv_out_eol(&w);
	}
	if (r->more_problems) {
		char msg[160];
		snprintf(msg, sizeof msg, _("... dan %lld masalah lain tidak dicantumkan."),
			 r->more_problems);
		for (int i = 0; i < 4; i++)
			csv_out_raw(&w, "");
		csv_out_text(&w, msg);
		csv_out_eol(&w);
	}
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

/* ---- sources --------------------------------------------------------------------------- */

void imp_label(const struct imp *im, int src, int t, char *out, size_t n)
{
	const struct imp_source *s = &im->src[src];
	if (s->is_bundle)
		snprintf(out, n, "%s/%s", s->path, t >= 0 ? BUNDLE_TABLES[t].file : BUNDLE_MANIFEST);
	else
		snprintf(out, n, "%s", s->path);
}

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
	fatal(m->im, m->src, m->label, line, line >= 2 ? "nilai" : "kunci", value, why);
}

/* Every data file present is listed, every listed file is present with its checksum. */
static void check_bundle_files(struct imp *im, int src, const char *mlabel)
{
	struct imp_source *s = &im->src[src];
	for (int t = 0; t < BT_COUNT; t++) {
		char path[PATH_MAX + 64], why[320], hex[65];
		const char *file = BUNDLE_TABLES[t].file;
		imp_label(im, src, t, path, sizeof path);
		int exists = access(path, F_OK) == 0;
		if (!s->man.has[t]) {
			if (exists)
				fatal(im, src, path, 0, "", "", _("Berkas ada di folder tetapi tidak tercantum "
								    "di manifest.csv, jadi tidak dapat diperiksa."));
			continue;
		}
		if (s->man.baris[t] < 0 || !*s->man.sha256[t]) {
			snprintf(why, sizeof why, _("Manifest tidak mencantumkan baris.%s dan sha256.%s."),
				 file, file);
			fatal(im, src, mlabel, s->man.line_baris[t] ? s->man.line_baris[t]
							      : s->man.line_sha[t], "kunci", "", why);
			continue;
		}
		if (!exists) {
			snprintf(why, sizeof why, _("%s tercantum di manifest tetapi tidak ada di folder."),
				 file);
			fatal(im, src, mlabel, s->man.line_sha[t], "nilai", s->man.sha256[t], why);
			continue;
		}
		sk_err e;
		if (bundle_sha256_file(path, hex, &e) != SK_OK) {
			fatal(im, src, path, 0, "", "", e.msg);
		} else if (strcmp(hex, s->man.sha256[t]) != 0) {
			snprintf(why, sizeof why, _("sha256.%s: isi %s tidak cocok dengan checksum di "
						    "manifest (berkas rusak atau diubah sesudah ekspor; "
						    "SHA-256 sekarang %s)."), file, file, hex);
			fatal(im, src, mlabel, s->man.line_sha[t], "nilai", s->man.sha256[t], why);
		}
	}
}

static void open_bundle(struct imp *im, int src)
{
	struct manifest_ctx mc = { .im = im, .src = src };
	char path[PATH_MAX + 64];
	imp_label(im, src, -1, mc.label, sizeof mc.label);
	sk_strlcpy(path, mc.label, sizeof path);
	if (access(path, F_OK) != 0) {
		fatal(im, src, mc.label, 0, "", "", _("Folder ini tidak punya manifest.csv: bukan bundel "
						       "SIKUBE, atau ekspornya belum selesai."));
		return;
	}
	sk_err e;
	int problems = 0;
	if (manifest_read(path, &im->src[src].man, on_manifest_problem, &mc, &problems, &e) != SK_OK) {
		fatal(im, src, mc.label, 0, "", "", e.msg);
		return;
	}
	if (!problems)
		check_bundle_files(im, src, mc.label);
}

static void add_source(struct imp *im, const char *path)
{
	int src = im->nsrc++;
	struct imp_source *s = &im->src[src];
	struct stat st;
	memset(s, 0, sizeof *s);
	sk_strlcpy(s->path, path, sizeof s->path);
	size_t len = strlen(s->path);
	while (len > 1 && s->path[len - 1] == '/')
		s->path[--len] = '\0';
	if (stat(s->path, &st) != 0) {
		char why[320];
		snprintf(why, sizeof why, _("Tidak dapat dibuka: %s"), strerror(errno));
		fatal(im, src, s->path, 0, "", "", why);
	} else if (S_ISDIR(st.st_mode)) {
		s->is_bundle = 1;
		open_bundle(im, src);
	} else if ((s->table = bundle_table_by_file(s->path)) < 0) {
		fatal(im, src, s->path, 0, "", "", _("Nama berkas harus nama tabel bundel (kelompok.csv, "
						      "anggota.csv, penilaian.csv, pertemuan.csv, "
						      "kehadiran.csv, kas.csv), atau impor folder bundelnya."));
	}
}

static int source_has(const struct imp *im, int src, int t)
{
	const struct imp_source *s = &im->src[src];
	return s->is_bundle ? s->man.has[t] : s->table == t;
}

/* ---- reading --------------------------------------------------------------------------- */

static int header(struct imp_file *fl, int nf, char **f)
{
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	int bundle = fl->im->src[fl->src].is_bundle, missing = 0;
	for (int i = 0; i < d->ncols; i++) {
		fl->idx[i] = -1;
		for (int j = 0; j < nf; j++)
			if (strcmp(f[j], d->cols[i].name) == 0) {
				fl->idx[i] = j;
				break;
			}
		int needed = bundle ? d->cols[i].kind != BC_DERIVED : d->cols[i].required;
		if (fl->idx[i] < 0 && needed) {
			char why[160];
			snprintf(why, sizeof why, _("Kolom wajib %s tidak ada di baris judul."),
				 d->cols[i].name);
			fatal(fl->im, fl->src, fl->label, 1, d->cols[i].name, "", why);
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
	if (imp_rowset_has(&im->skip, imp_row_key(fl->src, fl->table, line))) {
		im->r->t[fl->table].refused++;
		imp_row_refused(fl);
	} else {
		fl->row_bad = 0;
		imp_row(fl);
		if (fl->row_bad) {
			im->r->t[fl->table].refused++;
			imp_row_refused(fl);
		}
	}
	if (im->o->progress && fl->rows % PROGRESS_EVERY == 0)
		im->o->progress(im->o->ctx, fl->label, fl->rows, fl->total);
	return im->dberr || im->fatal;
}

static void read_file(struct imp *im, int src, int t)
{
	struct imp_source *s = &im->src[src];
	struct imp_file fl = { .im = im, .src = src, .table = t,
			       .total = s->is_bundle ? s->man.baris[t] : -1 };
	imp_label(im, src, t, fl.label, sizeof fl.label);
	if (im->o->progress)
		im->o->progress(im->o->ctx, fl.label, 0, fl.total);
	sk_err e;
	sk_err_clear(&e);
	int rc = csv_read_file(fl.label, on_record, &fl, &e);
	if (im->dberr || im->fatal)
		return;
	if (rc != SK_OK) {
		fatal(im, src, fl.label, fl.line + 1, "", "", e.msg);
		return;
	}
	if (fl.line == 0)
		fatal(im, src, fl.label, 1, "", "", _("Berkas kosong: baris judul tidak ada."));
	else if (!s->is_bundle && fl.rows == 0)
		/* A bundle's empty table is normal; a single file with nothing to import is the
		 * wrong file, or one cut off after its first line. */
		fatal(im, src, fl.label, 1, "", "", _("Berkas hanya berisi baris judul: tidak ada "
						       "baris data untuk diimpor."));
	if (s->is_bundle && fl.rows != s->man.baris[t]) {
		char mlabel[PATH_MAX + 64], why[320], n[32];
		imp_label(im, src, -1, mlabel, sizeof mlabel);
		snprintf(n, sizeof n, "%lld", s->man.baris[t]);
		snprintf(why, sizeof why, _("baris.%s: manifest mencatat %lld baris, berkas berisi %lld."),
			 BUNDLE_TABLES[t].file, s->man.baris[t], fl.rows);
		fatal(im, src, mlabel, s->man.line_baris[t], "nilai", n, why);
	}
	if (im->o->progress)
		im->o->progress(im->o->ctx, fl.label, fl.rows, fl.rows);
}

/* One pass over every source in table order, inside the caller's transaction. */
static void read_all(struct imp *im)
{
	memset(im->r->t, 0, sizeof im->r->t);
	for (int t = 0; t < BT_COUNT && !im->fatal && !im->dberr; t++) {
		for (int s = 0; s < im->nsrc && !im->fatal && !im->dberr; s++)
			if (source_has(im, s, t))
				read_file(im, s, t);
		if (!im->fatal && !im->dberr)
			imp_check_links(im, t);
	}
}

/* Not a status: run_pass wants another pass without the rows refused in this one. */
#define PASS_AGAIN 101

/* One pass in its own write transaction. Returns SK_OK (committed), SK_REFUSED (rolled
 * back), PASS_AGAIN (valid_only: rolled back, the refused rows added to the skip set), or a
 * database error. */
static int run_pass(struct imp *im)
{
	imp_rowset_free(&im->bad);
	int rc = db_begin_write(im->db, im->e);
	if (rc != SK_OK)
		return rc;
	if (imp_rows_begin(im) != SK_OK)
		im->dberr = 1;
	else
		read_all(im);
	im->r->passes++;
	int clean = !im->dberr && !im->fatal && im->bad.n == 0;
	if (clean && imp_bulk_rebuild(im) != SK_OK)
		im->dberr = 1, clean = 0;
	rc = db_end(im->db, clean, im->e);
	imp_bulk_reset(im);
	imp_rows_end(im);
	if (im->dberr)
		return im->e->status ? im->e->status : SK_DBERR;
	if (im->fatal)
		return SK_REFUSED;
	if (clean) {
		if (rc == SK_OK)
			im->r->committed = 1;
		return rc;
	}
	if (!im->o->valid_only)
		return SK_REFUSED;
	for (size_t i = 0; i < im->bad.cap; i++)
		if (im->bad.slots[i])
			imp_rowset_add(&im->skip, im->bad.slots[i]);
	return PASS_AGAIN;
}

int import_paths(sk_db *db, int npaths, const char *const *paths, const import_opts *o,
		 import_result *r, sk_err *e)
{
	memset(r, 0, sizeof *r);
	struct imp im = { .db = db, .o = o, .r = r, .e = e };
	im.src = calloc((size_t)(npaths > 0 ? npaths : 1), sizeof *im.src);
	if (!im.src)
		abort();
	sk_now_utc(im.now);
	im.threshold = assessment_threshold(db);
	for (int i = 0; i < npaths; i++)
		add_source(&im, paths[i]);
	int rc = im.fatal ? SK_REFUSED : PASS_AGAIN;
	/* A bigger page cache while merging (bounded: memory stays flat however large the
	 * bundle; SQLite's sorter, which builds indexes again after a bulk load, may use as
	 * much again); the connection's own setting comes back afterwards. */
	int64_t cache = db_cache_set(db, IMPORT_CACHE_KIB);
	while (rc == PASS_AGAIN)
		rc = run_pass(&im);
	db_cache_restore(db, cache);
	if (rc == SK_OK && (r->nproblems || r->more_problems))
		rc = SK_REFUSED;
	for (int t = 0; t < BT_COUNT && !r->committed; t++)
		r->t[t].added = r->t[t].updated = r->t[t].unchanged = 0; /* rolled back */
	if (r->nproblems > 1)
		qsort(r->problems, (size_t)r->nproblems, sizeof *r->problems, cmp_problem);
	imp_rowset_free(&im.skip);
	imp_rowset_free(&im.bad);
	free(im.src);
	return rc;
}
