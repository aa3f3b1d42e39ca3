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
 * after the database file: NAME-YYYY-MM-DD.db for NAME.db (0600); keeps the newest `keep` copies
 * of that database and removes its older ones, and half copies left by a copy of SIKUBE killed
 * while making one. Copies of other databases in the folder are not touched.
 * *made is set to 1 when a new backup was written today (may be NULL). */
int backup_rolling(sk_db *db, int keep, int *made, sk_err *e);

/* The same rolling copy made a little at a time (the screens copy between keys, so that the
 * first screen does not wait for a large database to be copied). */
typedef struct backup_job backup_job;
/* Start today's copy: *out is the job (free with backup_job_free), or NULL when today's copy
 * exists already. Errors: SK_IOERR (folder or file), with *out NULL. */
int backup_rolling_start(sk_db *db, int keep, backup_job **out, sk_err *e);
/* Copy up to pages more pages. Returns 0 when there is more to do, 1 when the copy is complete
 * (renamed into place, older copies pruned), -1 on failure (message in e; nothing renamed). */
int backup_job_step(backup_job *j, int pages, sk_err *e);
/* Release the job; an unfinished copy is abandoned and its temporary file removed. NULL ok. */
void backup_job_free(backup_job *j);

#endif
