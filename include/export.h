/* export.h - writing an exchange bundle (spec/bundle.md) into a folder. No curses here. */
#ifndef SK_EXPORT_H
#define SK_EXPORT_H

#include "bundle.h"
#include "db.h"
#include "util.h"

typedef struct export_opts {
	int since_last;  /* only rows changed since this database's previous export */
	int mask_nik;    /* keep the first 6 digits of every NIK and No. KK, mask the rest */
	int excel;       /* BOM, ';' and CRLF */
} export_opts;

typedef struct export_result {
	long long rows[BT_COUNT];          /* data rows written per file */
	char dibuat_pada[SK_TS_LEN + 1];   /* the bundle's time stamp */
	char sejak[SK_TS_LEN + 1];         /* start of an incremental bundle, "" for a full one */
	int not_stamped;                   /* 1: the bundle is whole, but another copy held the
					    * database too long to record the export time */
} export_result;

/* Write the six data files and manifest.csv (last) into dir, created 0700 when missing; files
 * are created 0600, each written to a temporary name, synced and renamed, so a bundle with a
 * manifest is always complete. Rows stream from one read snapshot of the database straight
 * into the files (memory stays flat); the SHA-256 of each file is computed from its bytes on
 * disk. Deleted rows travel (dihapus=1); kehadiran.csv, which has no dihapus column in format
 * 1, holds live attendance rows only. since_last: rows with diubah_pada at or after the
 * previous export's time (all rows when there was none); the manifest's sejak says from when.
 * After success the export time is remembered (setting "ekspor_terakhir"), except for a
 * masked bundle, which cannot be imported and so does not count as sent. When another copy
 * holds the database longer than the busy wait (a long import), the bundle still counts as
 * written: SK_OK with r->not_stamped = 1, and the next --since-last bundle sends those rows
 * again (merging them twice changes nothing). fn (may be NULL) reports progress. Returns
 * SK_OK, SK_IOERR (folder or file), SK_BUSY or SK_DBERR. */
int export_bundle(sk_db *db, const char *dir, const export_opts *o, exchange_progress_fn fn,
		  void *ctx, export_result *r, sk_err *e);

/* Time of this database's previous (unmasked) export into out; returns 1, or 0 and "" when
 * it never exported. */
int export_last_time(sk_db *db, char out[SK_TS_LEN + 1]);
/* Rows an export --since-last would write now (every row when never exported). */
long long export_pending_rows(sk_db *db);

/* Where export and import look first: a sikube-export folder on the first mounted, writable
 * USB stick (a mount point under /media/$USER, /run/media/$USER or /media), else in the home
 * folder. Writes the path into out; returns 1 when it is on a stick. */
int export_default_dir(char *out, size_t n);

#endif
