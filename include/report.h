/* report.h - reports for the command line and the Laporan screen. No curses here. */
#ifndef SK_REPORT_H
#define SK_REPORT_H

#include <stdio.h>
#include "db.h"

typedef enum { REPORT_TEXT = 0, REPORT_CSV = 1 } report_format;

/* `report groups` per spec/cli.md, one row per active group, written to out (CSV via libcsv
 * for REPORT_CSV). group_id NULL = all groups. Returns SK_OK or an error in e. */
int report_groups(sk_db *db, const char *group_id, report_format fmt, FILE *out, sk_err *e);

#endif
