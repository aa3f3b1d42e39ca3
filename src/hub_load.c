/* hub_load.c - `sikube hub load`: each unit (a bundle folder, or the single table files
 * together) in its own PostgreSQL transaction, one unit at a time across every hub load (an
 * advisory lock): read its ids, seed a private SQLite staging database with the hub rows it
 * refers to, let the core importer judge it there, copy what the importer stored, check
 * NIKs across offices, merge, commit. Nothing row by row between the two databases. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "hub_unit.h"
#include "i18n.h"
#include "manifest.h"
#include "region.h"

/* pg_advisory_xact_lock key of loads ("SIKUBE-L"). */
#define LOCK_LOAD "5355424b45000002"

struct load {
	hub *h;
	const hub_load_opts *o;
	hub_load_result *r;
	char dir[PATH_MAX];        /* private temporary folder */
	char tmpl[PATH_MAX + 128]; /* staging template: schema and region list */
	int tmpl_cached;           /* the template is kept in $SIKUBE_HUB_CACHE */
	char stage[PATH_MAX + 32];
};

/* ---- problems and labels ------------------------------------------------------------------- */

void hub_unit_label(const struct hub_unit *u, int src, int t, char *out, size_t n)
{
	char path[PATH_MAX];
	struct stat st;
	sk_strlcpy(path, u->paths[src], sizeof path);
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(out, n, "%s/%s", path, t >= 0 ? BUNDLE_TABLES[t].file : BUNDLE_MANIFEST);
	else
		snprintf(out, n, "%s", path);
}

/* The importer's problems of a refused unit onto the load's list. */
static void take_problems(import_result *all, const import_result *ir)
{
	for (int i = 0; i < ir->nproblems; i++) {
		const import_problem *p = &ir->problems[i];
		import_problem_add(all, p->berkas, p->baris, p->kolom, p->nilai, p->alasan);
	}
	all->more_problems += ir->more_problems;
}

/* ---- the staging database ------------------------------------------------------------------ */

static int copy_file(const char *from, const char *to, sk_err *e)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	char buf[65536];
	ssize_t n = 0;
	int bad = in < 0 || out < 0;
	while (!bad && (n = read(in, buf, sizeof buf)) > 0)
		bad = write(out, buf, (size_t)n) != n;
	bad |= n < 0;
	int err = errno;
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		bad = 1;
	if (bad)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), to, strerror(err));
	return SK_OK;
}

static void remove_db(const char *path)
{
	char side[PATH_MAX + 256];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* Build the staging template at path: the SQLite schema and the region list. */
static int make_template(const char *path, sk_err *e)
{
	sk_db *db;
	int rc = db_open(path, 0, &db, e);
	if (rc != SK_OK)
		return rc;
	rc = db_exec(db, "PRAGMA synchronous=OFF", e); /* a scratch file: no waiting for the disk */
	if (rc == SK_OK)
		rc = region_ensure_loaded(db, e);
	db_close(db);
	return rc;
}

/* The cache folder when $SIKUBE_HUB_CACHE is not set: $XDG_CACHE_HOME/sikube, else
 * ~/.cache/sikube (cached_template makes it, private). 0 when there is no home to put it in. */
static int default_cache(char *out, size_t n)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char base[PATH_MAX];
	if (xdg && *xdg == '/')
		snprintf(base, sizeof base, "%s", xdg);
	else if (home && *home == '/')
		snprintf(base, sizeof base, "%s/.cache", home);
	else
		return 0;
	return snprintf(out, n, "%s/sikube", base) < (int)n;
}

/* $SIKUBE_HUB_CACHE (a folder; empty: no cache; unset: default_cache): the template is kept there between runs, named by
 * what it is made of (this program, its schema, the region list), so loads that follow one
 * another (a folder of bundles fed one by one, the test scripts) do not build it each time.
 * Writes the template's path into out; 0 when there is no usable cache. */
static int cached_template(char *out, size_t n, sk_err *e)
{
	const char *dir = getenv("SIKUBE_HUB_CACHE");
	char data[PATH_MAX], tmp[PATH_MAX + 160], home[PATH_MAX];
	struct stat xs, ds;
	if (!dir && default_cache(home, sizeof home))
		dir = home;
	if (!dir || !*dir || sk_mkdir_private(dir) != 0 || stat("/proc/self/exe", &xs) != 0 ||
	    sk_find_data("data/wilayah_kepmendagri_2025.csv", data, sizeof data) != 0 || stat(data, &ds) != 0)
		return 0;
	snprintf(out, n, "%s/hub-stage-%d-%lld-%lld-%lld-%lld.db", dir, SK_SCHEMA_VERSION,
		 (long long)xs.st_size, (long long)xs.st_mtime, (long long)ds.st_size,
		 (long long)ds.st_mtime);
	if (access(out, R_OK) == 0)
		return 1;
	snprintf(tmp, sizeof tmp, "%s.%d.tmp", out, (int)getpid());
	remove_db(tmp);
	int rc = make_template(tmp, e);
	if (rc == SK_OK && rename(tmp, out) == 0)
		return 1;
	remove_db(tmp);
	sk_err_clear(e);
	return 0;
}

/* A private folder for the staging database, and the template it is copied from. */
static int prepare(struct load *l, sk_err *e)
{
	const char *base = getenv("TMPDIR");
	snprintf(l->dir, sizeof l->dir, "%s/sikube-hub-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(l->dir)) {
		*l->dir = '\0';
		return sk_err_set(e, SK_IOERR, _("Folder sementara tidak dapat dibuat: %s"),
				  strerror(errno));
	}
	snprintf(l->stage, sizeof l->stage, "%s/stage.db", l->dir);
	if (cached_template(l->tmpl, sizeof l->tmpl, e)) {
		l->tmpl_cached = 1;
		return SK_OK;
	}
	snprintf(l->tmpl, sizeof l->tmpl, "%s/template.db", l->dir);
	return make_template(l->tmpl, e);
}

/* The staging files hold people's NIKs: a load stopped by Ctrl-C, a closed terminal, kill or
 * a closed pipe (`hub load ... | head`) removes them on its way out (only unlink and rmdir
 * here: both are safe in a handler). */
#define N_SCRATCH 7
static char scratch[N_SCRATCH][PATH_MAX + 256];
static struct sigaction old_int, old_term, old_hup, old_pipe;

static void on_stop_signal(int sig)
{
	for (int i = 0; i < N_SCRATCH - 1; i++)
		if (scratch[i][0])
			unlink(scratch[i]);
	if (scratch[N_SCRATCH - 1][0])
		rmdir(scratch[N_SCRATCH - 1]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void guard_scratch(const struct load *l)
{
	static const char *const side[] = { "", "-wal", "-shm" };
	memset(scratch, 0, sizeof scratch);
	for (int i = 0; i < 3; i++) {
		snprintf(scratch[i], sizeof scratch[i], "%s%s", l->stage, side[i]);
		if (!l->tmpl_cached)
			snprintf(scratch[3 + i], sizeof scratch[3 + i], "%s%s", l->tmpl, side[i]);
	}
	snprintf(scratch[N_SCRATCH - 1], sizeof scratch[N_SCRATCH - 1], "%s", l->dir);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	sigaction(SIGPIPE, &sa, &old_pipe);
}

static void unguard_scratch(void)
{
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
}

static void cleanup(struct load *l)
{
	if (!*l->dir)
		return;
	if (!l->tmpl_cached)
		remove_db(l->tmpl);
	remove_db(l->stage);
	rmdir(l->dir);
}

/* A fresh staging database for one unit. */
static int open_stage(struct load *l, struct hub_unit *u, sk_err *e)
{
	remove_db(l->stage);
	int rc = copy_file(l->tmpl, l->stage, e);
	if (rc == SK_OK)
		rc = db_open(l->stage, 0, &u->stage, e);
	/* A scratch file thrown away after the unit: no waiting for the disk, and a rollback
	 * journal in memory instead of the WAL, so each page the importer writes is written
	 * once, not to the WAL and again at the checkpoint (the journal holds only the template's
	 * pages the import changes; new pages need none). */
	if (rc == SK_OK)
		rc = db_exec(u->stage, "PRAGMA synchronous=OFF", e);
	if (rc == SK_OK)
		rc = db_journal_mode(u->stage, "MEMORY", e);
	return rc;
}

/* ---- one unit ------------------------------------------------------------------------------ */

/* Which office sent the unit: its manifest (a bundle folder), into the load log. */
static int log_unit(hub *h, struct hub_unit *u, sk_err *e)
{
	sk_manifest m;
	char path[PATH_MAX + 64], n[3][24];
	manifest_init(&m);
	hub_unit_label(u, 0, -1, path, sizeof path);
	struct stat st;
	if (stat(u->paths[0], &st) == 0 && S_ISDIR(st.st_mode)) {
		int problems;
		sk_err me;
		manifest_read(path, &m, NULL, NULL, &problems, &me);
	}
	long long c[3] = { 0, 0, 0 };
	for (int t = 0; t < BT_COUNT; t++) {
		c[0] += u->res->t[t].added;
		c[1] += u->res->t[t].updated;
		c[2] += u->res->t[t].unchanged;
	}
	for (int i = 0; i < 3; i++)
		snprintf(n[i], sizeof n[i], "%lld", c[i]);
	const char *p[] = { u->res->label, m.perangkat, m.kode_wilayah_kantor, m.dibuat_pada,
			    m.sejak, n[0], n[1], n[2] };
	PGresult *r = hub_query(h, "INSERT INTO " HUB_SCHEMA ".muatan (berkas, perangkat, "
				"kode_wilayah_kantor, dibuat_pada, sejak, ditambah, diperbarui, "
				"tidak_berubah) VALUES ($1, nullif($2, ''), nullif($3, ''), "
				"nullif($4, ''), nullif($5, ''), $6, $7, $8)", 8, p, e);
	PQclear(r);
	return r ? SK_OK : SK_DBERR;
}

static void progress(struct load *l, const char *what, long long done, long long total)
{
	if (l->o && l->o->progress)
		l->o->progress(l->o->ctx, what, done, total);
}

/* Judge the unit in the staging database; SK_REFUSED with its problems taken. */
static int judge(struct load *l, struct hub_unit *u, sk_err *e)
{
	import_opts io = { 0 };
	if (l->o) {
		io.progress = l->o->progress;
		io.ctx = l->o->ctx;
	}
	io.all_known_same = u->nsame > 0;
	import_result ir;
	int rc = import_paths(u->stage, u->npaths, u->paths, &io, &ir, e);
	if (rc == SK_REFUSED)
		take_problems(&l->r->problems, &ir);
	if (rc == SK_OK)
		memcpy(u->res->t, ir.t, sizeof u->res->t);
	import_result_free(&ir);
	return rc;
}

/* The steps of a unit inside its transaction, in order; SK_OK from all means commit. */
static const struct unit_step {
	const char *name;       /* for $SIKUBE_HUB_TIMES */
	const char *progress;   /* msgid shown while it runs, or NULL */
	int (*on_hub)(hub *h, struct hub_unit *u, sk_err *e);          /* one of the two */
	int (*on_load)(struct load *l, struct hub_unit *u, sk_err *e);
} UNIT_STEPS[] = {
	{ "ids", N_("hub: membaca id"), hub_seed_refs, NULL },
	{ "seed", N_("hub: menyiapkan data pembanding"), hub_seed_stage, NULL },
	{ "judge", NULL, NULL, judge },
	{ "copy", N_("hub: menyalin ke PostgreSQL"), hub_stage_copy, NULL },
	{ "nik", NULL, hub_check_nik, NULL },
	{ "merge", N_("hub: menggabungkan"), hub_merge, NULL },
	{ "log", NULL, log_unit, NULL },
};

static int unit_steps(struct load *l, struct hub_unit *u, sk_err *e)
{
	int rc = SK_OK;
	hub_step_time(NULL);
	for (size_t i = 0; rc == SK_OK && i < sizeof UNIT_STEPS / sizeof UNIT_STEPS[0]; i++) {
		if (UNIT_STEPS[i].progress)
			progress(l, _(UNIT_STEPS[i].progress), 0, -1);
		const struct unit_step *st = &UNIT_STEPS[i];
		rc = st->on_hub ? st->on_hub(l->h, u, e) : st->on_load(l, u, e);
		hub_step_time(UNIT_STEPS[i].name);
	}
	return rc;
}

/* The unit's steps in one transaction on a fresh staging database. */
static int try_unit(struct load *l, struct hub_unit *u, sk_err *e)
{
	int rc = open_stage(l, u, e);
	if (rc == SK_OK)
		rc = hub_exec(l->h, "BEGIN; SELECT pg_advisory_xact_lock(x'" LOCK_LOAD "'::bigint)", e);
	if (rc == SK_OK) {
		rc = unit_steps(l, u, e);
		if (rc == SK_OK) {
			rc = hub_exec(l->h, "COMMIT", e);
			hub_step_time("commit");
		}
		else
			hub_exec(l->h, "ROLLBACK", NULL);
	}
	db_close(u->stage);
	u->stage = NULL;
	remove_db(l->stage);
	return rc;
}

static int load_unit(struct load *l, struct hub_unit *u)
{
	sk_err e;
	sk_err_clear(&e);
	int nproblems = u->problems->nproblems;
	long long more = u->problems->more_problems;
	int rc = try_unit(l, u, &e);
	if (rc == SK_REFUSED && u->nsame) {
		/* Every row was the hub's exactly and passed over, and the importer refused the
		 * unit all the same (a manifest's checksum or count, a signature): the unit is
		 * judged again whole, so that its problem report is import's own whatever the
		 * passed-over rows would add (no such case is known: a guard, not a path the tests
		 * can tell apart). */
		u->problems->nproblems = nproblems;
		u->problems->more_problems = more;
		u->nsame = 0;
		memset(u->seeded, 0, sizeof u->seeded);
		memset(u->staged, 0, sizeof u->staged);
		u->judge_all = 1;
		sk_err_clear(&e);
		rc = try_unit(l, u, &e);
	}
	u->res->status = rc;
	if (rc != SK_OK) {
		memset(u->res->t, 0, sizeof u->res->t);
		if (rc != SK_REFUSED)
			sk_strlcpy(u->res->msg, e.msg, sizeof u->res->msg);
	}
	return rc;
}

/* ---- units --------------------------------------------------------------------------------- */

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct unit_spec {
	int npaths;
	const char *const *paths;
};

/* Folders one unit each, in the order given; the single files together, where the first of
 * them stands (the importer reads them in table order, as import does). files receives the
 * single files (owned by the caller). Returns the number of units. */
static int make_units(int npaths, const char *const *paths, struct unit_spec *units,
		      const char **files)
{
	int n = 0, nfiles = 0, file_unit = -1;
	for (int i = 0; i < npaths; i++) {
		if (is_dir(paths[i])) {
			units[n].npaths = 1;
			units[n++].paths = paths + i;
			continue;
		}
		if (file_unit < 0) {
			file_unit = n++;
			units[file_unit].paths = files;
		}
		files[nfiles++] = paths[i];
		units[file_unit].npaths = nfiles;
	}
	return n;
}

int hub_load(hub *h, int npaths, const char *const *paths, const hub_load_opts *o,
	     hub_load_result *r, sk_err *e)
{
	memset(r, 0, sizeof *r);
	int rc = hub_schema_ensure(h, e);
	if (rc != SK_OK)
		return rc;
	size_t n = (size_t)(npaths > 0 ? npaths : 1);
	struct unit_spec *specs = calloc(n, sizeof *specs);
	const char **files = calloc(n, sizeof *files);
	r->units = calloc(n, sizeof *r->units);
	if (!specs || !files || !r->units)
		abort();
	int nunits = make_units(npaths, paths, specs, files);
	/* The load's temporary tables (ids, seeds, staged rows) in the session's memory rather
	 * than in files: settable only before the session's first temporary table. */
	hub_exec(h, "SET temp_buffers = '128MB'", NULL); /* refused: only slower */
	struct load l = { .h = h, .o = o, .r = r };
	rc = prepare(&l, e);
	if (*l.dir)
		guard_scratch(&l);
	int worst = SK_OK;
	for (int i = 0; rc == SK_OK && i < nunits; i++) {
		struct hub_unit unit = { .o = o, .problems = &r->problems,
					 .npaths = specs[i].npaths, .paths = specs[i].paths };
		unit.res = &r->units[i];
		r->nunits = i + 1;
		if (is_dir(unit.paths[0]))
			hub_unit_label(&unit, 0, -1, unit.res->label, sizeof unit.res->label);
		else
			sk_strlcpy(unit.res->label, unit.paths[0], sizeof unit.res->label);
		char *slash = is_dir(unit.paths[0]) ? strrchr(unit.res->label, '/') : NULL;
		if (slash)
			*slash = '\0'; /* the folder, not its manifest */
		int st = load_unit(&l, &unit);
		if (st == SK_REFUSED)
			worst = SK_REFUSED;
		else if (st != SK_OK)
			rc = sk_err_set(e, st, "%s", unit.res->msg);
	}
	cleanup(&l);
	if (*l.dir)
		unguard_scratch();
	free(specs);
	free(files);
	return rc != SK_OK ? rc : worst;
}

void hub_load_result_free(hub_load_result *r)
{
	free(r->units);
	r->units = NULL;
	r->nunits = 0;
	import_result_free(&r->problems);
}
