/* check.c - `sikube check`: the file itself (SQLite's integrity and foreign-key checks, the
 * kept summaries against a recomputation), then every consistency rule of check_rules.c, the same
 * rules import applies to what it merges. */
#include <stdio.h>
#include <string.h>
#include "db_row.h"
#include "check.h"
#include "check_rules.h"
#include "db_access.h"
#include "i18n.h"
#include "privacy.h"
#include "schema.h"

struct run {
	check_problem_fn fn;
	void *ctx;
	int *problems;
};

static void report(struct run *r, const char *fmt, const char *a, const char *b, const char *c,
		   const char *d)
{
	char line[1024];
	snprintf(line, sizeof line, fmt, a, b, c, d);
	privacy_mask_ids(line);
	if (r->fn)
		r->fn(r->ctx, line);
	(*r->problems)++;
}

static const char FK_SQL[] =
	"SELECT \"table\", printf('%d', rowid), parent, '' FROM pragma_foreign_key_check";

/* Run a query of four text columns, each row one problem in fmt. */
static int four_columns(sk_db *db, struct run *r, const char *sql, const char *fmt, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (!st)
		return SK_DBERR;
	char col[4][512];
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		for (int i = 0; i < 4; i++)
			db_col_text(st, i, col[i], sizeof col[i]);
		report(r, fmt, col[0], col[1], col[2], col[3]);
	}
	return db_rows_end(st, rc, e);
}

/* PRAGMA integrity_check (quick: quick_check); *damaged = 1 when the file is damaged (then nothing else is
 * checked: its rows cannot be trusted). */
static int integrity(sk_db *db, struct run *r, int quick, int *damaged, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check", e);
	*damaged = 0;
	if (!st) {
		*damaged = 1;
		report(r, _("SQLite: %s%s%s%s"), e ? e->msg : "", "", "", "");
		return SK_OK;
	}
	char msg[512];
	int rc;
	while ((rc = db_step(db, st, NULL)) == SQLITE_ROW) {
		db_col_text(st, 0, msg, sizeof msg);
		if (strcmp(msg, "ok") != 0) {
			*damaged = 1;
			report(r, _("SQLite: %s%s%s%s"), msg, "", "", "");
		}
	}
	db_reset(st);
	int prim = rc & 0xff;
	if (rc != SQLITE_DONE && prim != SQLITE_CORRUPT && prim != SQLITE_NOTADB)
		return db_error(db, rc, e);
	if (rc != SQLITE_DONE) {
		*damaged = 1;
		report(r, _("SQLite: %s%s%s%s"), sqlite3_errstr(rc), "", "", "");
	}
	return SK_OK;
}

static int on_hit(void *ctx, const rule_hit *h)
{
	report(ctx, "%s%s%s%s", h->reason, "", "", "");
	return 0;
}

/* Page cache while checking, KiB: the checks read the big tables and their indexes in turn. */
#define CHECK_CACHE_KIB 32768

static void stage(const check_opts *o, const char *name, int n, int of)
{
	if (o && o->progress)
		o->progress(o->progress_ctx, name, n, of);
}

/* The audit trail (db_access.h): its chain whole, its append-only triggers in place. */
static int audit_chain(sk_db *db, struct run *r, sk_err *e)
{
	sk_audit_finding f;
	int rc = db_audit_verify(db, &f, e);
	if (rc != SK_OK)
		return rc;
	char no[32];
	snprintf(no, sizeof no, "%lld", (long long)f.no);
	if (f.no)
		report(r, _("Jejak audit: mata rantai pertama yang putus adalah baris no %s (%s). "
			    "Jejak sejak baris itu tidak dapat dipercaya.%s%s"), no, f.why, "", "");
	if (!f.guards)
		report(r, _("Jejak audit: pemicu yang menjaganya dari perubahan dan penghapusan hilang "
			    "(jejak_tetap_ubah, jejak_tetap_hapus).%s%s%s%s"), "", "", "", "");
	return SK_OK;
}

int check_run(sk_db *db, check_problem_fn fn, void *ctx, int *problems, sk_err *e)
{
	return check_run_opts(db, NULL, fn, ctx, problems, e);
}

int check_run_opts(sk_db *db, const check_opts *o, check_problem_fn fn, void *ctx, int *problems,
		   sk_err *e)
{
	struct run r = { fn, ctx, problems };
	int damaged, quick = o && o->quick;
	int of = quick ? 3 : 4, n = 0;
	*problems = 0;
	int64_t cache = db_cache_set(db, CHECK_CACHE_KIB);
	stage(o, _("keutuhan berkas"), ++n, of);
	int rc = integrity(db, &r, quick, &damaged, e);
	if (!quick && rc == SK_OK && !damaged) {
		stage(o, _("rujukan antartabel"), ++n, of);
		rc = four_columns(db, &r, FK_SQL, _("Tabel %s baris %s merujuk ke %s yang tidak ada.%s"), e);
	}
	/* The kept summaries (balances, each member's latest assessment, the group figures, the
	 * last meetings: kept by triggers, derived and local) against a recomputation. */
	if (rc == SK_OK && !damaged)
		stage(o, _("ringkasan tersimpan"), ++n, of);
	for (const schema_summary *k = SCHEMA_SUMMARIES; rc == SK_OK && !damaged && k->table; k++)
		rc = four_columns(db, &r, k->verify, _(k->message), e);
	if (rc == SK_OK && !damaged)
		rc = audit_chain(db, &r, e);
	int met = 0;
	if (rc == SK_OK && !damaged) {
		stage(o, _("aturan data"), ++n, of);
		rc = rules_check_all(db, on_hit, &r, &met, e);
	}
	db_cache_restore(db, cache);
	if (met) {
		damaged = 1; /* a damaged page met while checking the rules */
		report(&r, "%s%s%s%s", e ? e->msg : "", "", "", "");
		rc = SK_OK;
	}
	if (damaged && !met) {
		sk_err hint;
		db_damaged(db, _("lihat di atas"), &hint);
		report(&r, "%s%s%s%s", hint.msg, "", "", "");
	}
	return rc;
}
