/* report_table.c - a report's rows as CSV or as an xlsx sheet (report_priv.h). */
#include <stdarg.h>
#include "db_row.h"
#include "i18n.h"
#include "report_priv.h"

int report_table_begin(report_table *t, const report_opts *o, FILE *out, const char *sheet,
		       const xlsx_col *cols, int n, int header, sk_err *e)
{
	t->fmt = o->fmt;
	t->cols = cols;
	t->ncols = n;
	t->col = 0;
	t->sheet = NULL;
	t->st = NULL;
	csv_out_init(&t->csv, out, 0);
	if (t->fmt == REPORT_XLSX) {
		t->sheet = o->book ? xlsx_add_sheet(o->book, sheet, cols, n) : NULL;
		if (!t->sheet)
			return sk_err_set(e, SK_IOERR, "%s", _("Lembar kerja tidak dapat dibuat."));
	} else if (t->fmt == REPORT_CSV && header) {
		for (int i = 0; i < n; i++)
			if (!cols[i].xlsx_only)
				csv_out_raw(&t->csv, cols[i].name);
		csv_out_eol(&t->csv);
	}
	return SK_OK;
}

int report_read(sk_db *db, report_fn fn, const report_opts *o, FILE *out, sk_err *e)
{
	int rc = db_begin_read(db, e);
	if (rc != SK_OK)
		return rc;
	rc = fn(db, o, out, e);
	db_end(db, 1, NULL);
	return rc;
}

int report_rows(sk_db *db, sqlite3_stmt *st, const report_row_ops *ops, report_table *t,
		FILE *out, void *row, void *ctx, int *rows, sk_err *e)
{
	int rc;
	*rows = 0;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		ops->read(st, row);
		if (t->fmt == REPORT_TEXT)
			ops->text(out, row, ctx);
		else
			ops->table(t, row, ctx);
		++*rows;
	}
	rc = db_rows_end(st, rc, e);
	if (rc == SK_OK && t->fmt == REPORT_TEXT && *rows == 0 && ops->none)
		fprintf(out, "%s\n", _(ops->none));
	return rc;
}

int report_read_given(sk_db *db, report_fn fn, const report_opts *o, FILE *out,
		      const char *given, const char *refusal, sk_err *e)
{
	if (!given)
		return sk_err_set(e, SK_REFUSED, "%s", refusal);
	return report_read(db, fn, o, out, e);
}

int report_query_begin(report_table *t, const report_opts *o, FILE *out, sk_db *db,
		       const report_query *q, sk_err *e)
{
	int rc = report_table_begin(t, o, out, q->sheet, q->cols, q->ncols, 1, e);
	if (rc != SK_OK)
		return rc;
	t->st = db_prepare(db, q->sql, e);
	if (!t->st)
		return SK_DBERR;
	db_bind_texts_present(t->st, ":g", o->group_id);
	return SK_OK;
}

/* The column the next cell goes to, or -1 when CSV leaves it out (or past the last). */
static int csv_col(report_table *t)
{
	int c = t->col++;
	return c < t->ncols && !t->cols[c].xlsx_only ? c : -1;
}

void report_table_str(report_table *t, const char *v)
{
	if (t->fmt == REPORT_XLSX) {
		xlsx_str(t->sheet, v);
		return;
	}
	int c = csv_col(t);
	if (t->fmt != REPORT_CSV || c < 0)
		return;
	if (t->cols[c].kind == XC_TEXT)
		csv_out_text(&t->csv, v);
	else
		csv_out_raw(&t->csv, v);
}

void report_table_int(report_table *t, int64_t v)
{
	if (t->fmt == REPORT_XLSX) {
		xlsx_int(t->sheet, v);
		return;
	}
	if (csv_col(t) >= 0 && t->fmt == REPORT_CSV)
		csv_out_int(&t->csv, v);
}

void report_table_eol(report_table *t)
{
	if (t->fmt == REPORT_XLSX)
		xlsx_end_row(t->sheet);
	else if (t->fmt == REPORT_CSV)
		csv_out_eol(&t->csv);
	t->col = 0;
}

void report_table_row(report_table *t, const char *spec, ...)
{
	va_list ap;
	va_start(ap, spec);
	for (const char *c = spec; *c; c++) {
		if (*c == 's')
			report_table_str(t, va_arg(ap, const char *));
		else
			report_table_int(t, va_arg(ap, int64_t));
	}
	va_end(ap);
	report_table_eol(t);
}
