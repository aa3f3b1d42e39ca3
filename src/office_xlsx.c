/* office_xlsx.c - the office's data as one workbook: a sheet per table, names beside ids. */
#include <string.h>
#include "assessment.h"
#include "i18n.h"
#include "member.h"
#include "office_xlsx.h"
#include "tables_gen.h"
#include "xlsx.h"

/* Rows between progress reports. */
#define PROGRESS_ROWS 5000

/* A live group (or none: a row whose group is missing still shows): @GROUP_LIVE in the
 * sheets' queries. */
#define GROUP_LIVE "coalesce(g.dihapus,0)=0"
/* The development assessment's score, the sum of its indicators (@EV_SCORE). */
#define EV_SCORE "(e.s1+e.s2+e.s3+e.s4+e.e1+e.e2+e.e3+e.e4)"

/* The sheets: their columns, each with its value in the query, are src/tables.tsv's. */
static const struct office_sheet {
	const char *name;
	const xlsx_col *cols;
	int ncols;
	const char *sql;
} SHEETS[OX_COUNT] = OFFICE_SHEETS;
_Static_assert(OFFICE_SHEETS_N == OX_COUNT, "a sheet of src/tables.tsv per OX_ value");

/* 1 for a column --mask-nik masks. */
static int masked(const xlsx_col *c)
{
	return strcmp(c->name, "nik") == 0 || strcmp(c->name, "no_kk") == 0;
}

static int write_sheet(sk_db *db, sk_xlsx *x, const struct office_sheet *def, int mask_nik,
		       office_progress_fn fn, void *ctx, long long *rows, sk_err *e)
{
	xlsx_sheet *s = xlsx_add_sheet(x, def->name, def->cols, def->ncols);
	if (!s)
		return sk_err_set(e, SK_IOERR, "%s", _("Lembar kerja tidak dapat dibuat."));
	sqlite3_stmt *st = db_prepare(db, def->sql, e);
	if (!st)
		return SK_DBERR;
	if (sqlite3_bind_parameter_index(st, ":t"))
		db_bind_int64(st, ":t", assessment_threshold(db));
	if (fn)
		fn(ctx, def->name, 0);
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		for (int i = 0; i < def->ncols; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			char hidden[24];
			if (mask_nik && v && masked(&def->cols[i])) {
				member_mask_nik(v, hidden, sizeof hidden);
				v = hidden;
			}
			xlsx_str(s, v);
		}
		xlsx_end_row(s);
		if (fn && xlsx_rows(s) % PROGRESS_ROWS == 0)
			fn(ctx, def->name, xlsx_rows(s));
	}
	db_reset(st);
	*rows = xlsx_rows(s);
	if (fn)
		fn(ctx, def->name, *rows);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int office_xlsx_write(sk_db *db, const char *path, int mask_nik, office_progress_fn fn,
		      void *ctx, office_xlsx_result *r, sk_err *e)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < OX_COUNT; i++)
		r->sheet[i] = SHEETS[i].name;
	sk_xlsx *x;
	int rc = xlsx_open(path, 0, &x, e);
	if (rc != SK_OK)
		return rc;
	/* One snapshot: a merge committing meanwhile is in every sheet or in none. */
	rc = db_begin_read(db, e);
	if (rc == SK_OK) {
		for (int i = 0; i < OX_COUNT && rc == SK_OK; i++)
			rc = write_sheet(db, x, &SHEETS[i], mask_nik, fn, ctx, &r->rows[i], e);
		db_end(db, rc == SK_OK, NULL);
	}
	if (rc != SK_OK) {
		xlsx_abandon(x);
		return rc;
	}
	return xlsx_close(x, e);
}
