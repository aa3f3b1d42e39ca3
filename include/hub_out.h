/* hub_out.h - the output formats of hub reports: text for people (a block per row, 80
 * columns) and, through the report table writer (report_priv.h), CSV and an xlsx sheet over
 * the same typed columns. Not for other modules. */
#ifndef SK_HUB_OUT_H
#define SK_HUB_OUT_H

#include <stdio.h>
#include "hub_report.h"
#include "report_priv.h"

typedef struct hub_out hub_out;

typedef struct hub_out_ops {
	int (*begin)(hub_out *o, sk_err *e);       /* heading or sheet; SK_OK or SK_IOERR */
	int (*row)(hub_out *o, char *const *v);   /* one row, v[i] NULL for no value */
	int (*end)(hub_out *o, long long rows);   /* SK_OK or SK_IOERR (e.g. a full disk) */
} hub_out_ops;

struct hub_out {
	const hub_out_ops *ops;
	FILE *f;                 /* text and CSV */
	const report_opts *ro;   /* the format; the workbook of REPORT_XLSX */
	const char *title;       /* translated */
	const char *sheet;       /* xlsx: the sheet's name */
	const hub_col *cols;
	int ncols;
	xlsx_col *xcols;         /* CSV and xlsx: room for ncols columns, valid until the
				  * workbook is closed (xlsx_add_sheet keeps them) */
	report_table tab;
	long long rows;          /* rows written */
	void *priv;              /* a format's own state */
};

/* The writer of fmt (text, or the table writer for CSV and xlsx). */
const hub_out_ops *hub_out_ops_for(report_format fmt);

#endif
