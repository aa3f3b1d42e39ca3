/* check.h - integrity and consistency check of a database (`sikube check`). No curses here. */
#ifndef SK_CHECK_H
#define SK_CHECK_H

#include "db.h"

/* Called once per problem found with a one-line description (translated; NIKs masked). */
typedef void (*check_problem_fn)(void *ctx, const char *problem);

/* Run every check: SQLite integrity and foreign keys; each meeting's dues postings equal its
 * attendance dues (zero for a deleted meeting); no cash book below zero at the end of any day;
 * every reversal points at a row of the same group and book with mirrored amounts; at most one
 * active ketua/sekretaris/bendahara per group; a NIK active in at most one group.
 * *problems receives the number found. Returns SK_OK (even with problems) or a db error. */
int check_run(sk_db *db, check_problem_fn fn, void *ctx, int *problems, sk_err *e);

#endif
