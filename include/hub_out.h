/* hub_out.h - the output formats of hub reports: a writer over typed columns (text for
 * people, CSV, and an xlsx writer to plug in). Not for other modules. */
#ifndef SK_HUB_OUT_H
#define SK_HUB_OUT_H

#include <stdio.h>
#include "csvio.h"
#include "hub_report.h"

typedef struct hub_out hub_out;

typedef struct hub_out_ops {
	int (*begin)(hub_out *o);                 /* heading; SK_OK or SK_IOERR */
	int (*row)(hub_out *o, char *const *v);   /* one row, v[i] NULL for no value */
	int (*end)(hub_out *o, long long rows);   /* SK_OK or SK_IOERR (e.g. a full disk) */
} hub_out_ops;

struct hub_out {
	const hub_out_ops *ops;
	FILE *f;
	const char *title;       /* translated */
	const hub_col *cols;
	int ncols;
	csv_out w;
	long long rows;          /* rows written */
	void *priv;              /* a format's own state */
};

/* The writer of fmt, or NULL when this version has none (xlsx until its writer lands:
 * begin/row/end over the same hub_col kinds, see docs/hub.md). */
const hub_out_ops *hub_out_ops_for(hub_format fmt);

#endif
