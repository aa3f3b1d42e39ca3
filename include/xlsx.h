/* xlsx.h - spreadsheet workbooks (.xlsx) through libxlsxwriter: typed columns (NIKs stay text,
 * dates are dates, rupiah are numbers), a frozen bold header row, widths from the content, the
 * file created private (0600) and never through a symlink. No curses here. */
#ifndef SK_XLSX_H
#define SK_XLSX_H

#include <stdint.h>
#include "sk_err.h"

/* What a column holds, which decides the cell written for a value. */
typedef enum xlsx_kind {
	XC_TEXT = 0, /* free text: a text cell (never run as a formula) */
	XC_CODE,     /* ids, codes and digits that are not numbers (NIK, No. KK, phone, RT/RW):
		      * a text cell formatted as text, so every digit and leading zero stays */
	XC_DATE,     /* YYYY-MM-DD: a date cell shown yyyy-mm-dd (other text as text) */
	XC_INT,      /* a count, score or flag: a number */
	XC_MONEY,    /* rupiah: a number shown with thousands separators */
	XC_DECIMAL   /* a decimal figure (floor area): a number */
} xlsx_kind;

/* One column: its header (a bundle or report column name) and kind. */
typedef struct xlsx_col {
	const char *name;
	xlsx_kind kind;
	int xlsx_only;   /* not used here: a report's CSV of the same table leaves it out */
} xlsx_col;

typedef struct sk_xlsx sk_xlsx;
typedef struct xlsx_sheet xlsx_sheet;

/* Start a workbook that xlsx_close writes to path. Nothing appears at path before then: the
 * file is assembled in a private folder beside it (libxlsxwriter's temporary files too) and
 * moved into place whole. replace 0: path must not exist (SK_REFUSED at once when it does,
 * and the final move never replaces a file or follows a symlink made meanwhile); 1: an
 * existing file (or symlink, not its target) is replaced. SK_IOERR when the folder cannot be
 * written. On success *out owns the workbook (xlsx_close or xlsx_abandon frees it). */
int xlsx_open(const char *path, int replace, sk_xlsx **out, sk_err *e);

/* Add a sheet named name (characters Excel refuses become '-', cut to 31 characters, made
 * unique with " (2)", ...) whose first row holds the names of cols in bold, frozen. cols (n
 * columns) must stay valid until xlsx_close. A sheet that reaches Excel's 1,048,576 rows goes
 * on in a new sheet "name (2)" with the same header ($SIKUBE_XLSX_SHEET_ROWS, for tests, sets
 * a smaller number of rows per sheet, header included). Returns the sheet, owned by x, or
 * NULL when memory runs out (the workbook then fails at xlsx_close). */
xlsx_sheet *xlsx_add_sheet(sk_xlsx *x, const char *name, const xlsx_col *cols, int n);

/* Write the next cell of the current row. xlsx_str converts by the column's kind: "" or NULL
 * leaves the cell empty; a number column given text that is not a number gets it as text;
 * a date column given anything but a real YYYY-MM-DD gets it as text; text that is not UTF-8
 * has its bad bytes written as '?'. Cells past the last column are ignored. */
void xlsx_str(xlsx_sheet *s, const char *v);
void xlsx_int(xlsx_sheet *s, int64_t v);
/* End the current row (the next cell goes to column 1 of the next row). */
void xlsx_end_row(xlsx_sheet *s);
/* Data rows written into s so far (over all its parts). */
long long xlsx_rows(const xlsx_sheet *s);

/* Write the workbook to its path (mode 0600, synced) and free x. SK_OK, SK_REFUSED when path
 * came to exist meanwhile (replace 0), SK_IOERR with the reason otherwise; nothing is left at
 * path or beside it on failure. */
int xlsx_close(sk_xlsx *x, sk_err *e);
/* Free x and its temporary files without writing anything (after an error elsewhere). */
void xlsx_abandon(sk_xlsx *x);

#endif
