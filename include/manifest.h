/* manifest.h - manifest.csv of an exchange bundle (spec/bundle.md): what it holds, writing it
 * and reading it back. No curses here. */
#ifndef SK_MANIFEST_H
#define SK_MANIFEST_H

#include <stdio.h>
#include "bundle.h"
#include "sk_err.h"

typedef struct sk_manifest {
	char format[32];               /* "sikube-bundle" */
	char format_version[16];       /* as written: "1", "2" */
	int version;                   /* read: the version when known (1..BUNDLE_FORMAT_VERSION),
					* else 0 */
	char app_version[32];
	char perangkat[64];            /* the exporting database's UUID */
	char kode_wilayah_kantor[32];  /* may be empty */
	char dibuat_pada[32];          /* UTC timestamp */
	char sejak[32];                /* previous export for an incremental bundle, else "" */
	int nik_disamarkan;            /* 1: NIKs masked, for reading only */
	int has[BT_COUNT];             /* 1 when baris.F or sha256.F is listed */
	long long baris[BT_COUNT];     /* data rows of F (-1 when not listed) */
	char sha256[BT_COUNT][65];     /* lower-case hex of F's bytes ("" when not listed) */
	int line_baris[BT_COUNT];      /* manifest line of baris.F / sha256.F (for reports) */
	int line_sha[BT_COUNT];
	/* A signed bundle (docs/signing.md): the office's name and public key (written when
	 * kunci_publik is set), and the signature read back (the last line, written apart by
	 * manifest_write_pair). */
	char nama_kantor[404];
	char kunci_publik[72];
	char tanda_tangan[136];
} sk_manifest;

/* Empty manifest of this format and version (format, format_version filled, nothing listed). */
void manifest_init(sk_manifest *m);
/* Write m to f (the keys of spec/bundle.md, then baris.F and sha256.F of every listed file)
 * and flush it; excel: BOM, ';' and CRLF like the data files. label names the file in
 * messages. Returns SK_OK or SK_IOERR. */
int manifest_write(FILE *f, const char *label, const sk_manifest *m, int excel, sk_err *e);

/* One more "key,value" line at the end of a manifest written by manifest_write (the
 * signature), in the same form (excel). Returns SK_OK or SK_IOERR. */
int manifest_write_pair(FILE *f, const char *label, const char *key, const char *value,
			int excel, sk_err *e);

/* One problem found while reading: line in manifest.csv, the key, its value and the reason. */
typedef void (*manifest_problem_fn)(void *ctx, int line, const char *key, const char *value,
				    const char *reason);
/* Read path (a regular file: csv_open_file) into m and check it: header kunci,nilai; format
 * sikube-bundle; format_version a whole number from BUNDLE_FORMAT_OLDEST to
 * BUNDLE_FORMAT_VERSION (a newer one is refused naming it, with a hint to update);
 * nik_disamarkan 0/1 and not 1 (masked bundles are for reading only); baris.F a count and
 * sha256.F 64 hex digits for known F. Every problem goes to fn. Returns SK_OK (even with
 * problems; *problems counts them), SK_IOERR when unreadable, SK_REFUSED when not CSV at all
 * or not a regular file. */
int manifest_read(const char *path, sk_manifest *m, manifest_problem_fn fn, void *ctx,
		  int *problems, sk_err *e);
/* The same from an open descriptor (read from its offset; not closed); label names it. */
int manifest_read_fd(int fd, const char *label, sk_manifest *m, manifest_problem_fn fn,
		     void *ctx, int *problems, sk_err *e);

#endif
