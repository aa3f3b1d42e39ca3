/* bundle.h - the tables of the exchange bundle (spec/bundle.md, format version 1): file names,
 * columns in the spec's order and how each column is written. Shared by export and import.
 * No curses here. */
#ifndef SK_BUNDLE_H
#define SK_BUNDLE_H

#include "db.h"

#define BUNDLE_FORMAT "sikube-bundle"
#define BUNDLE_FORMAT_VERSION 1
#define BUNDLE_MANIFEST "manifest.csv"

/* Data files in dependency order: import reads them in this order. */
enum bundle_table { BT_KELOMPOK, BT_ANGGOTA, BT_PENILAIAN, BT_PERTEMUAN, BT_KEHADIRAN, BT_KAS,
		    BT_COUNT };

/* How a column is written and read. */
enum bundle_kind {
	BC_RAW = 0,   /* codes, dates, numbers, ids: written as they are */
	BC_TEXT,      /* free text: formula guard on export, one leading ' removed on import */
	BC_IDNUM,     /* NIK and No. KK: masked by export --mask-nik */
	BC_DERIVED    /* written on export, recomputed (never read) on import */
};

typedef struct bundle_col {
	const char *name;
	enum bundle_kind kind;
	int required;   /* 1: a single-table file must have this column too (bundles need all
			 * non-derived columns) */
} bundle_col;

typedef struct bundle_table_def {
	const char *name;          /* table and file stem: "anggota" */
	const char *file;          /* "anggota.csv" */
	const bundle_col *cols;    /* in the spec's order */
	int ncols;
	const char *select_all;    /* export: every column in order, ordered by key */
	const char *select_since;  /* the same for rows changed since :sejak or stored since
				    * :disimpan (export.c binds both) */
	const char *count_all;     /* number of rows select_all gives */
	const char *count_since;   /* ... and select_since gives (the same parameters) */
} bundle_table_def;

extern const bundle_table_def BUNDLE_TABLES[BT_COUNT];

/* Progress of a long exchange: file being written or read, rows done, rows expected (-1 when
 * unknown). Called at the start and end of each file and every few thousand rows. */
typedef void (*exchange_progress_fn)(void *ctx, const char *file, long long done,
				     long long total);

/* The table whose file name is name ("anggota.csv", in any case; a path's last component is
 * used), or -1. */
int bundle_table_by_file(const char *name);
/* Index of column name in table t, or -1. */
int bundle_col_index(int t, const char *name);

/* Lower-case hex SHA-256 (65 bytes with NUL) of the bytes of the file at path.
 * Returns SK_OK or SK_IOERR with a message in e. */
int bundle_sha256_file(const char *path, char hex[65], sk_err *e);
/* Lower-case hex SHA-256 of n bytes. */
void bundle_sha256_hex(const void *data, size_t n, char hex[65]);

#endif
