/* import.h - reading and merging exchange bundles and single table files (spec/bundle.md).
 * No curses here. */
#ifndef SK_IMPORT_H
#define SK_IMPORT_H

#include <stdio.h>
#include "bundle.h"
#include "db.h"

/* Problems kept in memory; more are counted (more_problems) but not listed. */
#define IMPORT_MAX_PROBLEMS 10000

/* One refused row field: as the report lists it (berkas, baris, kolom, nilai, alasan). */
typedef struct import_problem {
	char berkas[512];   /* the file as named on the command line or inside the bundle folder */
	long long baris;    /* line as a spreadsheet shows it (header = 1); 0 = the whole file */
	char kolom[40];
	char nilai[160];    /* the offending value, printable; NIK and No. KK masked after 6
			     * digits, and any identity number in any column (privacy.h) */
	char alasan[320];
	int src, table;     /* for ordering: source index, table */
	long long seq;
} import_problem;

typedef struct import_counts {
	long long added, updated, unchanged, refused;
} import_counts;

/* Who signed one source (a bundle's manifest; docs/signing.md). */
typedef struct import_signer {
	char path[512];                /* the source as given */
	int status;                    /* IMPORT_UNSIGNED, IMPORT_TRUSTED or IMPORT_UNKNOWN_KEY */
	char kunci_publik[72];
	char nama_kantor[404];         /* the trust list's name, else the manifest's */
	char kode_wilayah[32];         /* the trust list's region, else the manifest's */
	char manifest_sha[65];         /* SHA-256 of manifest.csv ("" for a single file) */
} import_signer;
enum { IMPORT_UNSIGNED = 0, IMPORT_TRUSTED = 1, IMPORT_UNKNOWN_KEY = 2 };

typedef struct import_result {
	import_counts t[BT_COUNT];     /* per table of the final pass */
	import_problem *problems;      /* sorted by source, table, line */
	int nproblems;
	long long more_problems;       /* problems beyond IMPORT_MAX_PROBLEMS */
	int committed;                 /* 1 when rows were written */
	int passes;                    /* reading passes made (--valid-only may need several) */
	import_signer *signers;        /* one per source, in order (nsigners) */
	int nsigners;
} import_result;

typedef struct import_opts {
	int valid_only;                /* import the valid rows, refuse (and report) the others */
	int db_checked;                /* 1: the caller has just run db_quick_check (a loop of
					* imports into one database): not run again */
	int require_signed;            /* refuse a source not signed by a trusted office key */
	exchange_progress_fn progress; /* may be NULL */
	void *ctx;
	/* 1: every data row of every source is known to be, byte for byte as the importer reads
	 * it, the row the database holds with its key, and the only row with that key in its
	 * file (the hub's re-load of a unit it has exactly, hub_seed.c): each is counted
	 * unchanged, as it would be, without being checked or looked up again. The files are
	 * still read (manifest, checksums, shape). */
	int all_known_same;
} import_opts;

/* Merge the sources in paths, all in one transaction, into db after db_quick_check (a
 * damaged database is refused with the advice to restore from cadangan/; SK_DBERR).
 * A folder is a bundle: its manifest.csv must say sikube-bundle, a format version from
 * BUNDLE_FORMAT_OLDEST to BUNDLE_FORMAT_VERSION (a newer one is refused, named), not masked,
 * and list every data file present with the right row count and SHA-256 (a file of a later
 * version than the bundle's is refused; any file may be absent). A file named like a bundle
 * table (anggota.csv, ...) is that table alone: no manifest, only the columns holding
 * required values need be present, rows with an empty id get a new UUID, an empty
 * diubah_pada becomes now and dihapus defaults to 0; such a file with no data row is refused
 * (a bundle's table may be empty). Only regular files are read (a symlink, FIFO, device or
 * folder in a file's place is refused before reading); each is opened once and every pass
 * hashes the bytes it parses, so a file changed during the import is refused by its checksum.
 * Shape: a repeated header column, a row with more or fewer fields than the header and a key
 * repeated in one file are refused with their lines.
 * Tables are read in dependency order across all sources; each row is checked with the
 * module's field rules and the rows it names as it is read, and merged by key: inserted when
 * new, replacing the stored row only when its diubah_pada is later; on a tie the row whose
 * fields, joined by ',' in the file's column order (as export writes them), compare greater
 * wins, so every office ends with the same row whatever the order of imports. After the
 * tables, the rules of check_rules.c (the ones `sikube check` applies) run over the rows
 * merged and the rows they touch; each hit refuses the merged row it is blamed on.
 * Any problem: everything is rolled back and SK_REFUSED returned with the problems in r; with
 * valid_only the refused rows are left out (passes repeat until no kept row depends on a
 * refused one) and the rest is committed (r->committed = 1), still SK_REFUSED. A problem with
 * a whole file (manifest, checksum, row count, missing or repeated column, broken CSV, not a
 * regular file, the reader's limits of csv_read_file) always refuses everything. Returns
 * SK_OK when all was merged, SK_REFUSED, or SK_IOERR/SK_BUSY/SK_DBERR (message in e). Free r
 * with import_result_free. */
int import_paths(sk_db *db, int npaths, const char *const *paths, const import_opts *o,
		 import_result *r, sk_err *e);
void import_result_free(import_result *r);
/* Write r's problems as CSV (berkas,baris,kolom,nilai,alasan) with libcsv; a last line tells
 * how many more were not listed. Returns 0, or -1 on a write error. */
int import_write_report(const import_result *r, FILE *out);
/* Write r's problems to file, or to stderr when file is NULL (only when there are any). The
 * file names people: it is made under a private temporary name beside file (created
 * exclusively, 0600, outfile.h) and renamed over it, so a symlink planted at that name is
 * replaced, never written through. SK_OK, or SK_IOERR with a message in e. */
int import_report_save(const import_result *r, const char *file, sk_err *e);
/* Append a problem to r as import lists it: berkas, nilai and alasan made printable, identity
 * numbers masked (the value of a nik or no_kk column as member_mask_nik masks it, any other
 * as privacy.h does). Beyond IMPORT_MAX_PROBLEMS it is only counted (more_problems) and NULL
 * returned; else the new problem (src, table and seq 0, for the caller to set). */
import_problem *import_problem_add(import_result *r, const char *berkas, long long baris,
				  const char *kolom, const char *nilai, const char *alasan);
/* Sum of one count over all tables: which 0 added, 1 updated, 2 unchanged, 3 refused. */
long long import_total(const import_result *r, int which);

#endif
