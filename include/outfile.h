/* outfile.h - files SIKUBE writes for the user (bundle files, problem reports, backups): made
 * under a temporary name of their own in the target folder and renamed into place only when
 * complete. The temporary file is created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW, 0600) under
 * an unpredictable name, so a symlink planted beside the target is never written through,
 * and the rename replaces whatever sits at the final name (a symlink included) without
 * following it. No curses here. */
#ifndef SK_OUTFILE_H
#define SK_OUTFILE_H

#include <limits.h>
#include <stdio.h>
#include "sk_err.h"

typedef struct sk_outfile {
	int dirfd;              /* the folder */
	int own_dir;            /* 1: dirfd was opened here (closed at the end) */
	char dir[PATH_MAX];     /* the folder as named, for messages and for temp_path */
	char name[256];         /* the final name in the folder */
	char tmp[256];          /* the temporary name: [.]NAME.tmp-PID-RANDOM */
	FILE *f;                /* open for writing and reading back ("w+"); NULL once closed */
} sk_outfile;

/* Create the temporary file for name in the folder dirfd (named dir in messages); hidden: the
 * temporary name starts with a dot. On success o->f is open. SK_IOERR with a message. */
int outfile_open(sk_outfile *o, int dirfd, const char *dir, const char *name, int hidden,
		 sk_err *e);
/* The same for a path (its folder is opened here; a path without '/' is in the current
 * folder). A path too long or ending in '/' is refused. */
int outfile_open_path(sk_outfile *o, const char *path, int hidden, sk_err *e);
/* Full path of the temporary file (for a library that opens files by name, as SQLite).
 * Returns 0, or -1 when it does not fit in n. */
int outfile_temp_path(const sk_outfile *o, char *out, size_t n);
/* Close the stream, keeping the temporary file (it is then written by name). */
int outfile_close_stream(sk_outfile *o, sk_err *e);
/* Flush and sync the stream (when still open), close it and rename the temporary file to the
 * final name. On failure the temporary file is removed. SK_OK or SK_IOERR. */
int outfile_commit(sk_outfile *o, sk_err *e);
/* Remove the temporary file (and what SQLite keeps beside it) and close everything. */
void outfile_abort(sk_outfile *o);
/* Remove the temporary files of name left in the folder dirfd by a copy of SIKUBE that was
 * killed or lost power ([.]NAME.tmp-PID-..., and the older NAME.tmp-PID): those of a process
 * no longer running, or every one when any_pid (the caller holds the folder's lock). */
void outfile_clean_stale(int dirfd, const char *name, int any_pid);
/* 1 when entry is such a temporary file of name whose process is no longer running. */
int outfile_stale_temp(const char *entry, const char *name);

/* Flush and close stdout at the end of a program (sikube, sikube-hub): data that could not
 * be written (a full disk, /dev/full) is an error the caller must hear of, whatever the
 * command. Returns status, or 1 in place of 0 after saying why on stderr. */
int outfile_close_stdout(int status);

#endif
