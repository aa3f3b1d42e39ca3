/* import_priv.h - what import.c (sources, passes, problems) and import_rows.c (one row of each
 * table: parse, check, merge) share. Not for other modules. */
#ifndef SK_IMPORT_PRIV_H
#define SK_IMPORT_PRIV_H

#include <limits.h>
#include <stdint.h>
#include "import.h"
#include "manifest.h"
#include "util.h"

/* A set of rows (source, table, line) refused in an earlier pass. */
typedef struct imp_rowset {
	uint64_t *slots;   /* 0 = empty; keys are never 0 (line >= 2) */
	size_t cap, n;
} imp_rowset;

struct imp_source {
	char path[PATH_MAX];     /* as given, without a trailing '/' */
	int is_bundle;
	int table;               /* single table file: its table */
	sk_manifest man;
};

/* Page cache of an import, KiB: the whole import stays within about twice this. */
#define IMPORT_CACHE_KIB 16384

/* Indexes dropped for a bulk load in this pass (import_bulk.c): their CREATE statements. */
#define IMP_BULK_MAX 16
struct imp_bulk {
	long long inserts[BT_COUNT];  /* rows inserted per table in this pass */
	int decided[BT_COUNT];        /* 1: dropping was considered for the table */
	char *sql[IMP_BULK_MAX];      /* owned */
	int n;
};

struct imp {
	sk_db *db;
	const import_opts *o;
	struct imp_source *src;
	int nsrc;
	import_result *r;
	imp_rowset skip;         /* refused in earlier passes: left out */
	imp_rowset bad;          /* refused in this pass */
	long long seq;
	int fatal;               /* a whole-file problem: refuse everything */
	int dberr;               /* a database error: stop (message in e) */
	int threshold;           /* poverty threshold for derived kategori */
	char now[SK_TS_LEN + 1];
	struct imp_bulk bulk;
	sk_err *e;
};

/* The CSV file being read. */
struct imp_file {
	struct imp *im;
	int src, table;
	char label[PATH_MAX + 64];   /* berkas in problems */
	int idx[64];                 /* column i of the table -> position in the record, or -1 */
	int nf;
	char **f;
	long long line;
	long long rows;              /* data records seen */
	long long total;             /* expected rows for progress, -1 unknown */
	int row_bad;                 /* the current row has a problem */
};

uint64_t imp_row_key(int src, int table, long long line);
int imp_rowset_has(const imp_rowset *s, uint64_t key);
void imp_rowset_add(imp_rowset *s, uint64_t key);
void imp_rowset_free(imp_rowset *s);

/* Record a problem of row line of the source/table (line 0: the whole file); marks the row
 * refused. kolom nik and no_kk get their value masked, and so does any run of 14 or more
 * digits in another column's value (a NIK in the wrong column); stray bytes and control
 * characters in the value and the reason become '?'. */
void imp_problem(struct imp *im, int src, int table, const char *berkas, long long line,
		 const char *kolom, const char *nilai, const char *alasan);

/* berkas of table t of source src: the file itself, or "<folder>/<file>" for a bundle. */
void imp_label(const struct imp *im, int src, int t, char *out, size_t n);

/* Handle one data record of fl (fl->f, fl->nf, fl->line): parse, check, merge. */
void imp_row(struct imp_file *fl);
/* After table t was read from every source: the cross-row rules on the rows merged by this
 * pass (anggota: officers, NIK, group; kas: group, meeting, reversed row). */
void imp_check_links(struct imp *im, int t);
/* A row of fl was inserted: after enough inserts into a table that the rest of the file
 * would make a big share of, drop the table's secondary indexes for this pass. */
void imp_bulk_inserted(struct imp_file *fl);
/* Build the dropped indexes again (inside the pass's transaction, before it commits).
 * SK_OK or a database error in im->e. */
int imp_bulk_rebuild(struct imp *im);
/* Forget the dropped indexes (after the pass ended either way). */
void imp_bulk_reset(struct imp *im);
/* The current row of fl was refused: remember its id, so that rows referring to it are told
 * their parent was refused (and where) rather than that it does not exist. */
void imp_row_refused(struct imp_file *fl);
/* 1 when id is a row refused in this pass, with its berkas and line. */
int imp_refused_parent(struct imp *im, const char *id, char *berkas, size_t n, long long *line);
/* Create (or empty) the pass's temporary tables of merged and refused rows. */
int imp_rows_begin(struct imp *im);
/* Drop the temporary table (after the transaction ended). */
void imp_rows_end(struct imp *im);

#endif
