/* import_priv.h - what the parts of import share: import.c (sources, passes, problems),
 * import_read.c (reading files, once per pass, hashing what is parsed), import_rows.c (field
 * helpers and the merge), import_walk.c (the stored rows in key order, for the merge),
 * import_tables.c (one row of each table). Not for other modules. */
#ifndef SK_IMPORT_PRIV_H
#define SK_IMPORT_PRIV_H

#include <limits.h>
#include <stdint.h>
#include "import.h"
#include "manifest.h"
#include "table.h"
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
	int version;             /* the bundle's format version (single files: the newest) */
	int dirfd;               /* bundle: the folder, opened once (-1: none) */
	int fd[BT_COUNT];        /* each table file, opened once (-1: none) */
	sk_manifest man;
	int signed_ok;           /* the manifest's signature verified (by man.kunci_publik) */
	char manifest_sha[65];   /* SHA-256 of manifest.csv as read */
};

/* Page cache of an import, KiB: the whole import stays within about twice this. */
#define IMPORT_CACHE_KIB 16384

/* Indexes dropped for a bulk load in this pass (import_bulk.c): their CREATE statements;
 * summaries whose triggers were dropped (rebuilt before the pass commits). */
#define IMP_BULK_MAX 32
#define IMP_SUMMARIES_MAX 16
struct imp_bulk {
	long long inserts[BT_COUNT];  /* rows inserted per table in this pass */
	int decided[BT_COUNT];        /* 1: dropping was considered for the table */
	int on[BT_COUNT];             /* 1: the table is being bulk-loaded */
	int since_flush;              /* rows inserted since the last db_cache_flush */
	char *sql[IMP_BULK_MAX];      /* owned */
	int n;
	int suspended[IMP_SUMMARIES_MAX]; /* 1: SCHEMA_SUMMARIES[i]'s triggers dropped */
	char *trail;                  /* the trail's capture triggers dropped for the pass:
				       * their CREATE statements (owned; NULL: none dropped) */
};

/* The stored rows of the table the current file merges into, read in key order alongside
 * the file (import_walk.c): one statement open at a time, on the first stored row not below
 * the key looked up last. */
struct imp_walk {
	sqlite3_stmt *st;        /* from db_prepare (select_walk); NULL: no walk */
	int src, table;          /* the file it walks */
	int at;                  /* on a row, or past the last */
	int sparse;              /* 0, or lookups since the keys were found far apart */
	char prev[2][SK_UUID_LEN + 1]; /* the key looked up last */
};

/* Columns of a table file at most (struct imp_file's idx). */
#define IMP_MAX_COLS 64

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
	/* Lean bookkeeping (spared while every row merges cleanly; a pass that would need it is
	 * made again with careful = 1, which keeps it all, as before):
	 *  - a file whose keys rise from row to row cannot repeat one: temp.imp_seen is left
	 *    empty for it (a key out of order then asks for a careful pass);
	 *  - a table being bulk-loaded stops remembering its merged rows in temp.imp_row
	 *    (partial): a rule they drive runs over the whole database instead, and a hit there
	 *    asks for a careful pass, which names the rows;
	 *  - a table empty when the pass began (fresh) holds only rows this pass inserted, none
	 *    with a key above maxkey: a greater key is new without looking it up;
	 *  - a reference the schema declares a foreign key is not looked up (imp_ref): SQLite
	 *    counts the rows whose parent is missing, and a count above zero before the commit
	 *    asks for a careful pass; into a nearly empty database SQLite's foreign keys are off
	 *    for a lean pass (fk_off), and a table it wrote holding a row whose parent is
	 *    missing (each reference set-wise before the commit: imp_orphan_sql) asks for one. */
	int careful;             /* keep every row's bookkeeping (set for the rest of the import) */
	int fk_off;              /* this pass runs with SQLite's foreign keys off (import.c) */
	int redo;                /* this pass must be made again carefully */
	int partial[BT_COUNT];
	int fresh[BT_COUNT];
	char maxkey[BT_COUNT][2][SK_UUID_LEN + 1];
	signed char fk[BT_COUNT][IMP_MAX_COLS]; /* column is a foreign key: 1 yes, -1 no, 0 ask */
	struct imp_walk walk;
};

/* The CSV file being read. */
struct imp_file {
	struct imp *im;
	int src, table;
	char label[PATH_MAX + 64];   /* berkas in problems */
	int idx[IMP_MAX_COLS];       /* column i of the table -> position in the record, or -1 */
	int header_fields;           /* fields of the header: every row has as many */
	int nf;
	char **f;
	long long line;
	long long rows;              /* data records seen */
	long long total;             /* expected rows for progress, -1 unknown */
	int row_bad;                 /* the current row has a problem */
	int hint;                    /* column read last (imp_val) */
	uint64_t ids_ok;             /* bit c: column c of the current row is a well-formed
				      * UUID, checked by its reader (imp_own_id, imp_key_id, an
				      * optional id): not checked again for the row it names */
	int shuffled;                /* a key came out of order (see struct imp: lean) */
	int keys;                    /* keys seen (prev is the last one) */
	char prev[2][SK_UUID_LEN + 1];
	/* A lean pass's new rows of a table being bulk-loaded whose store is table_store,
	 * inserted many at a time (batch.t NULL: each as it comes). Flushed before the table is looked up and at the end
	 * of the file (imp_read_file). */
	table_batch batch;
};

uint64_t imp_row_key(int src, int table, long long line);
int imp_rowset_has(const imp_rowset *s, uint64_t key);
void imp_rowset_add(imp_rowset *s, uint64_t key);
void imp_rowset_free(imp_rowset *s);

/* Record a problem of row line of the source/table (line 0: the whole file); marks the row
 * refused. kolom nik and no_kk get their value masked, and so does any run of digits that may
 * be an identity number in another value, the reason or the file name (privacy.h); stray
 * bytes and control characters become '?'. */
void imp_problem(struct imp *im, int src, int table, const char *berkas, long long line,
		 const char *kolom, const char *nilai, const char *alasan);
/* A problem with a whole file or the manifest: refuses everything. */
void imp_fatal(struct imp *im, int src, const char *berkas, long long line, const char *kolom,
	       const char *nilai, const char *alasan);

/* berkas of table t of source src: the file itself, or "<folder>/<file>" for a bundle
 * (t = -1: its manifest). */
void imp_label(const struct imp *im, int src, int t, char *out, size_t n);

/* Open every source (import.c's sources: folders and single files); problems are fatal. */
void imp_open_source(struct imp *im, const char *path);
/* Close the files of every source. */
void imp_close_sources(struct imp *im);
/* Read table t of source src once (this pass), hashing the bytes parsed; for a bundle the
 * checksum and the row count must match the manifest. */
void imp_read_file(struct imp *im, int src, int t);

/* ---- rows (import_rows.c) ---- */

/* Value of column c of the table (its index in BUNDLE_TABLES[t].cols) as written in the
 * current row ("" when the file lacks it); text columns lose the formula guard's leading '.
 * Each file's header maps the columns once (struct imp_file's idx): no name is looked up. */
const char *imp_field(const struct imp_file *fl, int c);
/* The same by the column's name ("" for a name the table lacks). */
const char *imp_val(const struct imp_file *fl, const char *name);
/* A problem of the current row in column name. */
void imp_bad(struct imp_file *fl, const char *name, const char *value, const char *reason);
/* Field readers of column c (as imp_field): each reports its own problem, naming the column,
 * and leaves a default. */
void imp_text(struct imp_file *fl, int c, char *dst, size_t n);
void imp_text_or_default(struct imp_file *fl, int c, char *dst, size_t n);
int64_t imp_num(struct imp_file *fl, int c, int64_t dflt, int *given);
int imp_small(struct imp_file *fl, int c, int dflt, int *given);
int imp_optional_nonzero(struct imp_file *fl, int c);
int imp_flag(struct imp_file *fl, int c);
int imp_required_flag(struct imp_file *fl, int c);
int imp_deleted_flag(struct imp_file *fl, int c);
/* v, a well-formed UUID its caller checked, into id; column c is marked so (ids_ok). */
void imp_id_ok(struct imp_file *fl, int c, char id[SK_UUID_LEN + 1], const char *v);
void imp_own_id(struct imp_file *fl, int c, char id[SK_UUID_LEN + 1]);
void imp_key_id(struct imp_file *fl, int c, char id[SK_UUID_LEN + 1]);
void imp_stamp(struct imp_file *fl, int c, char ts[SK_TS_LEN + 1]);
/* The row named by column c (a UUID, or "" when optional is 1) exists in table (an SQL
 * table name from code); a problem with reason otherwise (a msgid, N_("..."): translated
 * only when the row is refused, not for every row). well_formed: the caller has checked
 * the column's text is a UUID (its reader did: ids_ok), so it is not checked again. */
void imp_ref(struct imp_file *fl, int c, const char *table, int optional, int well_formed,
	     const char *reason);
/* Every error of is becomes a problem of this row. */
void imp_report_issues(struct imp_file *fl, const sk_issues *is);

/* Write a checked row exactly as given: insert = 1 inserts, 0 replaces the stored row. */
typedef int (*imp_store_fn)(sk_db *db, const void *row, int insert, sk_err *e);
/* Merge the current row, whose key is k1 (and k2 for kehadiran, else NULL) and stamp ts: a
 * key seen before in the same file refuses both rows; a row with a problem stops here;
 * else inserted when new, replacing the stored row when ts is later, and on a tie the row
 * whose fields, joined by ',' in the file's column order, compare greater wins
 * (spec/bundle.md "Ties converge"). A merged row is remembered in temp.imp_row. A new row
 * of a lean pass into a table being bulk-loaded goes into fl->batch when the file has one
 * (started by the caller), else through store. */
void imp_merge(struct imp_file *fl, const char *k1, const char *k2, const char *ts,
	       imp_store_fn store, const void *row);

/* ---- the stored rows in key order (import_walk.c) ---- */

/* The order of keys: k[0] against k1, then k[1] against k2 ("" when NULL), as SQLite's
 * BINARY order of texts. */
int imp_key_cmp(const char k[2][SK_UUID_LEN + 1], const char *k1, const char *k2);
void imp_key_set(char k[2][SK_UUID_LEN + 1], const char *k1, const char *k2);
/* The stored row of fl's table with the key k1 (, k2; NULL for a one-column key), every
 * stored row counted (deleted ones too): 1 with *row on it (bundle.h's select_walk
 * columns; valid until the next call or imp_walk_stop), 0 when there is none, -1 on a
 * database error (in fl->im->e; a statement a rollback aborted is one). While fl's keys rise the walk goes on
 * from the last row (a few steps at most, else it seeks); any other key seeks. Writes to
 * the table between two calls are fine (SQLite keeps the read cursor's place) when they
 * touch no row above the key looked up last (the walk may hold the next stored row: the
 * merge writes only the row of that key and rows held back below it); a schema change or a
 * savepoint's rollback is not: imp_walk_stop first. */
int imp_walk_find(struct imp_file *fl, const char *k1, const char *k2, sqlite3_stmt **row);
/* End the walk (reset its statement): before anything changes the schema (DROP INDEX,
 * DROP TABLE), a savepoint is rolled back, or the pass ends. */
void imp_walk_stop(struct imp *im);

/* Rows of table t (BT_*), counting at most cap: 0..cap, or -1 on a database error (in
 * im->e). */
long long imp_rows_upto(struct imp *im, int t, long long cap);
/* Handle one data record of fl (fl->f, fl->nf, fl->line): parse, check, merge
 * (import_tables.c). */
void imp_row(struct imp_file *fl);
/* A row of fl was inserted: after enough inserts into a table that the rest of the file
 * would make a big share of, drop the table's secondary indexes for this pass. */
void imp_bulk_inserted(struct imp_file *fl);
/* Drop the trail's capture triggers (db_audit.c: temporary, three per table) for this pass,
 * keeping their statements: the pass records one note instead of a row each
 * (db_audit_rows off), so they capture nothing, yet a trigger makes every INSERT and UPDATE
 * keep a statement journal, which on a big transaction spills to a file (a dozen writes per
 * row: most of a bulk import's time). Inside the pass's transaction: a rollback brings them
 * back; imp_bulk_rebuild makes them again before a commit. SK_OK or a database error. */
int imp_trail_quiet(struct imp *im);
/* Build the dropped indexes again (inside the pass's transaction, before it commits), fill
 * the suspended summaries and make their triggers and the trail's again. SK_OK or a database
 * error in im->e. */
int imp_bulk_rebuild(struct imp *im);
/* Forget the dropped indexes (after the pass ended either way). */
void imp_bulk_reset(struct imp *im);
/* The current row of fl was refused: remember its id, so that rows referring to it are told
 * their parent was refused (and where) rather than that it does not exist. */
void imp_row_refused(struct imp_file *fl);
/* 1 when id is a row refused in this pass, with its berkas and line. */
int imp_refused_parent(struct imp *im, const char *id, char *berkas, size_t n, long long *line);
/* Create (or empty) the pass's temporary tables: merged rows, keys seen, refused rows. */
int imp_rows_begin(struct imp *im);
/* Drop the temporary tables (after the transaction ended). */
void imp_rows_end(struct imp *im);
/* The query (into out, n bytes) that gives a row when a row of table child names in col a
 * row that table parent lacks in its column key: the distinct values of col, read in the
 * order of an index that begins with it (every reference of the schema has one:
 * tests/test_exchange.c), each looked up once in the parent's key, instead of SQLite's
 * foreign_key_check, which looks up every reference of every row (an attendance row names
 * one meeting of a few dozen rows and one member of thousands). skip 1: from each value to
 * the next by a seek in that index (for a parent of few rows: the thousands of attendance
 * rows of one member are not read), 0: every entry read in turn. NULL names no row, as for
 * SQLite's own check. 1, or 0 when a name is not plain (db_plain_name) or the query does not
 * fit out. */
int imp_orphan_sql(char *out, size_t n, const char *child, const char *col, const char *parent,
		   const char *key, int skip);
/* The rules of check_rules.c over the rows merged by this pass: each hit refuses the merged
 * row it is blamed on. */
void imp_check_rules(struct imp *im);

#endif
