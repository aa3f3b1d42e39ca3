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

/* Write the data files of every table (BUNDLE_TABLES, format BUNDLE_FORMAT_VERSION) and
 * manifest.csv (last) into dir, created 0700 when missing. One export per folder at a time:
 * a lock file in it (.sikube-ekspor.lock) is held while writing; another export finding it
 * held fails with SK_BUSY and leaves the folder as it was. Each file is written under a
 * private temporary name created exclusively (never through a symlink planted in the
 * folder), 0600, synced, hashed from its own bytes and renamed into place; the old manifest
 * goes first, so a folder with a manifest always holds a whole bundle, and an export that
 * fails after that says the bundle is not whole. Rows stream from one read snapshot of the
 * database straight into the files (memory stays flat); a damaged page met while reading
 * refuses the export with the advice to restore from cadangan/. Deleted rows travel
 * (dihapus=1); kehadiran.csv, which has no dihapus column, holds live attendance rows only.
 * mask_nik masks NIK and No. KK and any identity number typed into a text column
 * (privacy.h). since_last: rows changed or stored here since the previous export; the
 * manifest's sejak says from when. After success the export time is remembered (settings
 * "ekspor_terakhir" and "ekspor_terakhir_disimpan"), except for a masked bundle, which
 * cannot be imported and so does not count as sent; after a failure it stays, so the next
 * --since-last bundle holds these rows again. When another copy holds the database longer
 * than the busy wait (a long import), the bundle still counts as written: SK_OK with
 * r->not_stamped = 1, and the next --since-last bundle sends those rows again (merging them
 * twice changes nothing). fn (may be NULL) reports progress. Returns SK_OK, SK_IOERR (folder
 * or file), SK_BUSY (the folder or the database in use) or SK_DBERR. */
int export_bundle(sk_db *db, const char *dir, const export_opts *o, exchange_progress_fn fn,
		  void *ctx, export_result *r, sk_err *e);

/* Time of this database's previous (unmasked) export into out; returns 1, or 0 and "" when
 * it never exported. */
int export_last_time(sk_db *db, char out[SK_TS_LEN + 1]);
/* Rows an export --since-last would write now (every row when never exported); -1 when the
 * database cannot be read. */
long long export_pending_rows(sk_db *db);

/* Where export and import look first: a sikube-export folder on the first mounted, writable
 * USB stick (a mount point under /media/$USER, /run/media/$USER or /media), else in the home
 * folder. Writes the path into out; returns 1 when it is on a stick. */
int export_default_dir(char *out, size_t n);

#endif
