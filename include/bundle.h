/* bundle.h - the tables of the exchange bundle (spec/bundle.md, format versions 1 and 2): file
 * names, columns in the spec's order and how each column is written. Shared by export and
 * import. How to add a table: the comment at the top of src/bundle.c. No curses here. */
#ifndef SK_BUNDLE_H
#define SK_BUNDLE_H

#include <nettle/sha2.h>
#include <stdio.h>
#include "csvio.h"
#include "db.h"

#define BUNDLE_FORMAT "sikube-bundle"
/* The version export writes; import reads every version from BUNDLE_FORMAT_OLDEST to it. */
#define BUNDLE_FORMAT_VERSION 2
#define BUNDLE_FORMAT_OLDEST 1
#define BUNDLE_MANIFEST "manifest.csv"

/* Data files in dependency order: import reads them in this order (a table after the tables
 * its rows refer to). */
enum bundle_table { BT_KELOMPOK, BT_ANGGOTA, BT_PENILAIAN, BT_PERTEMUAN, BT_KEHADIRAN, BT_KAS,
		    BT_TUTUP_BUKU, BT_SIKLUS, BT_SIMPANAN, BT_PINJAMAN, BT_ANGSURAN, BT_DENDA,
		    BT_BAGI_HASIL, BT_EVALUASI, BT_COUNT };

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
			 * non-derived columns of their format version) */
	int since;      /* format version that added the column (1: there from the start) */
} bundle_col;

typedef struct bundle_table_def {
	const char *name;          /* file stem: "anggota", "tutup_buku" */
	const char *file;          /* "anggota.csv" */
	const char *db_table;      /* the table holding the rows: "anggota", "tutup_kas" */
	const bundle_col *cols;    /* in the spec's order; the first nkeys are the row's key */
	int ncols;
	int nkeys;                 /* 1 (id) or 2 (kehadiran: pertemuan_id, anggota_id) */
	int since;                 /* format version that added the file */
	int stamp_col;             /* index of diubah_pada in cols (every file has one) */
	const char *select_all;    /* export: every column in order, ordered by key */
	const char *select_since;  /* the same for rows changed since :sejak or stored since
				    * :disimpan (export.c binds both) */
	const char *count_all;     /* number of rows select_all gives */
	const char *count_since;   /* ... and select_since gives (the same parameters) */
	const char *select_one;    /* the columns of the stored row with key :k1 (, :k2) as export
				    * writes them (no row: not exported, e.g. deleted attendance) */
	const char *select_walk;   /* select_one's columns, then 1 when export writes the row (else
				    * 0), of every stored row from the key :k1 (, :k2) up, in key
				    * order through the key's index (import_walk.c) */
} bundle_table_def;

/* Built from the stores' column descriptors when the program starts (src/bundle.c); read
 * only. */
extern bundle_table_def BUNDLE_TABLES[BT_COUNT];

/* Column c of table d in a record of nf fields f, idx[c] its field (-1: the file has no such
 * column), as import reads it: "" when the column or the field is missing, free text without
 * its formula guard. The importer's value and the hub's fingerprint of a row (hub_seed.c)
 * both come from here. The returned text is f's. */
static inline const char *bundle_field(const bundle_table_def *d, const int *idx, int c, int nf,
				       char **f)
{
	if (c < 0 || idx[c] < 0 || idx[c] >= nf)
		return "";
	return d->cols[c].kind == BC_TEXT ? csv_unguard(f[idx[c]]) : f[idx[c]];
}

/* Progress of a long exchange: file being written or read, rows done, rows expected (-1 when
 * unknown). Called at the start and end of each file and every few thousand rows. */
typedef void (*exchange_progress_fn)(void *ctx, const char *file, long long done,
				     long long total);

/* The table whose file name is name ("anggota.csv", in any case; a path's last component is
 * used), or -1. */
int bundle_table_by_file(const char *name);
/* Index of column name in table t, or -1. */
int bundle_col_index(int t, const char *name);

/* SHA-256 of bytes as they go by (a file being read or written). */
typedef struct bundle_hash {
	struct sha256_ctx c;
} bundle_hash;
void bundle_hash_init(bundle_hash *h);
void bundle_hash_update(bundle_hash *h, const void *data, size_t n);
/* The lower-case hex digest (65 bytes with NUL) of everything given so far; h starts over. */
void bundle_hash_hex(bundle_hash *h, char hex[65]);
/* Lower-case hex SHA-256 of n bytes. */
void bundle_sha256_hex(const void *data, size_t n, char hex[65]);
/* SHA-256 of what the file f (open for reading and writing, e.g. an outfile) holds, read back
 * from its start after a flush; label names it in messages. SK_OK or SK_IOERR. */
int bundle_hash_written(FILE *f, const char *label, char hex[65], sk_err *e);

#endif
