/* backup.h - consistent copies of the database (SQLite online backup), safe while the screens
 * or another copy are using it. No curses here. */
#ifndef SK_BACKUP_H
#define SK_BACKUP_H

#include "db.h"

/* Called during a backup with pages done and total; may be NULL. */
typedef void (*backup_progress_fn)(void *ctx, int done, int total);

/* Copy db into a new file at dest (created 0600; an existing file is replaced only after the
 * copy succeeded, through a temporary file beside it). Readers and writers of db may go on
 * meanwhile. A failed copy leaves nothing behind. Errors: SK_IOERR (dest, a full disk
 * included), SK_BUSY, SK_DBERR. */
int backup_to_file(sk_db *db, const char *dest, backup_progress_fn fn, void *ctx, sk_err *e);

/* Rolling backup: at most one a day, in the folder "cadangan" beside the database (0700), named
 * sikube-YYYY-MM-DD.db (0600); keeps the newest `keep` files and removes older ones, and half
 * copies left by a copy of SIKUBE killed while making one.
 * *made is set to 1 when a new backup was written today (may be NULL). */
int backup_rolling(sk_db *db, int keep, int *made, sk_err *e);

#endif
