/* uiq_region.h - region queries the screens need beyond region.h. No curses here. */
#ifndef SK_UIQ_REGION_H
#define SK_UIQ_REGION_H

#include "db.h"

/* Number of villages region_search(db, text, ...) would list (same filter), or -1 on a
 * database error. */
int region_search_count(sk_db *db, const char *text);

#endif
