/* table.h - one column descriptor per table. Each column is named once, with its C type and
 * where it lives in the table's row struct, in src/tables.tsv (which generates the struct and
 * the descriptor's column list); from that one list come the SELECT, INSERT and
 * UPDATE statements, the binds by name, the reads by name (no column numbers in the stores)
 * and the parse of an import row's text, and the bundle's column list can be checked against
 * it (tests/test_table.c). docs/HACKING.md, "Adding a table", says how a store uses it.
 * No curses here. */
#ifndef SK_TABLE_H
#define SK_TABLE_H

#include <stddef.h>
#include "db.h"

/* The C type of a column's field in the row struct. */
enum table_type {
	TC_TEXT,    /* char array: "" stored as NULL, NULL read as "" */
	TC_INT,     /* int */
	TC_INT64,   /* int64_t (money: rupiah) */
	TC_DOUBLE   /* double (figures such as floor area; never money) */
};

/* What else a column is. */
enum table_flag {
	TC_KEY = 1,      /* the row's key: the WHERE of get and update, never SET */
	TC_LOCAL = 2,    /* kept in this database only: not a column of the bundle */
	TC_DERIVED = 4,  /* computed from other columns: exported, never read from a bundle */
	TC_FREE = 8,     /* free text typed by a person (the bundle's formula guard) */
	TC_ZERO_NULL = 16 /* a number whose 0 means "none": stored as NULL, NULL read as 0 */
};

typedef struct table_col {
	const char *name;      /* SQL column, bind parameter (":name") and bundle column */
	enum table_type type;
	size_t off;            /* offsetof the field in the row struct */
	size_t size;           /* TC_TEXT: sizeof the char array */
	ptrdiff_t has;         /* a number that may be NULL: offsetof its int "has_..." flag
				* (0 = NULL); -1 when the column is never NULL */
	unsigned flags;        /* enum table_flag */
} table_col;

/* Column descriptors: S the row struct, F its field (may be an array element: k[3]), N the
 * column name, H the has_ flag field, FL the flags. */
#define TABLE_TEXT(S, F, FL) { #F, TC_TEXT, offsetof(S, F), sizeof(((S *)0)->F), -1, FL }
#define TABLE_INT(S, F, FL) { #F, TC_INT, offsetof(S, F), sizeof(int), -1, FL }
#define TABLE_INT64(S, F, FL) { #F, TC_INT64, offsetof(S, F), sizeof(int64_t), -1, FL }
#define TABLE_INT_AS(S, F, N, FL) { N, TC_INT, offsetof(S, F), sizeof(int), -1, FL }
#define TABLE_INT_OPT(S, F, H, FL) { #F, TC_INT, offsetof(S, F), sizeof(int), \
	(ptrdiff_t)offsetof(S, H), FL }
#define TABLE_INT64_OPT(S, F, H, FL) { #F, TC_INT64, offsetof(S, F), sizeof(int64_t), \
	(ptrdiff_t)offsetof(S, H), FL }
#define TABLE_DOUBLE_OPT(S, F, H, FL) { #F, TC_DOUBLE, offsetof(S, F), sizeof(double), \
	(ptrdiff_t)offsetof(S, H), FL }
/* The two columns every stored row ends with: its stamp and its soft-delete flag. */
#define TABLE_STAMPS(S) TABLE_TEXT(S, diubah_pada, 0), TABLE_INT(S, dihapus, 0)
/* The number of columns of a descriptor array. */
#define TABLE_NCOLS(a) ((int)(sizeof a / sizeof a[0]))

/* Longest statement the descriptor builds. */
#define TABLE_SQL_MAX 2048
/* Rows one multi-row insert of a table_batch writes, and the longest such statement. */
#define TABLE_BATCH_ROWS 64
#define TABLE_BATCH_SQL_MAX 16384

/* Define the descriptor NAME of the table G of src/tables.tsv (G: its struct's name in
 * capitals, SK_LOAN): its columns G_COLUMNS, its SQL name G_TABLE, whether inserts and
 * updates stamp disimpan_pada (G_STAMPED), and its statements' static. The _EXTRA form adds
 * the insert-only column extra_col that bind binds, and the hook upd after an update
 * (table_def). */
#define TABLE_DEFINE_EXTRA(NAME, G, extra_col, bind, upd) \
	static const table_col NAME##_cols[] = G##_COLUMNS; \
	static table_sql NAME##_sql; \
	const table_def NAME = { .name = G##_TABLE, .cols = NAME##_cols, \
				 .ncols = TABLE_NCOLS(NAME##_cols), .stamped = G##_STAMPED, \
				 .sql = &NAME##_sql, .extra = extra_col, .bind_extra = bind, \
				 .updated = upd, .defaults = G##_DEFAULTS }
#define TABLE_DEFINE(NAME, G) TABLE_DEFINE_EXTRA(NAME, G, NULL, NULL, NULL)

/* A descriptor NAME for reading rows of a query into the struct of the view G of
 * src/tables.tsv by column name (a list's computed columns: counts, names from other tables)
 * with table_read, table_list, table_one; it builds no statements. */
#define TABLE_VIEW(NAME, G) \
	static const table_col NAME##_cols[] = G##_COLUMNS; \
	static const table_def NAME = { .name = "", .cols = NAME##_cols, \
					.ncols = TABLE_NCOLS(NAME##_cols) }

/* Append printf-style text to the statement in buf (size bytes, NUL-terminated); a statement
 * that does not fit is a programmer error (abort). */
void table_sql_add(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Statements built from a descriptor on first use (stable strings: db_prepare caches them). */
typedef struct table_sql {
	char get[TABLE_SQL_MAX];      /* SELECT every column FROM t WHERE key=:key */
	char insert[TABLE_SQL_MAX];   /* INSERT INTO t(every column[, disimpan_pada][, extra])
				       * VALUES(?1, ?2, ...[, :extra]): column i is ?i+1 */
	char update[TABLE_SQL_MAX];   /* UPDATE t SET every other column[, disimpan_pada] WHERE key,
				       * column i as ?i+1 wherever it stands */
	char update_live[TABLE_SQL_MAX]; /* the same for a row not deleted: AND dihapus=0 */
	char columns[TABLE_SQL_MAX];  /* "c1, c2, ...": for a store's own SELECTs */
	char restamp[TABLE_SQL_MAX];  /* puts a row's own diubah_pada back (db_restamp) */
	char live[TABLE_SQL_MAX];     /* SELECT 1 FROM t WHERE key=:key AND dihapus=0 */
	/* insert of TABLE_BATCH_ROWS rows: VALUES(?1, ...),(?n+1, ...),...; column i of row j is
	 * ?j*n+i+1 (n columns). Built on first use by a table_batch. */
	char insert_many[TABLE_BATCH_SQL_MAX];
} table_sql;

typedef struct table_def {
	const char *name;          /* SQL table ("penilaian") */
	const table_col *cols;
	int ncols;
	int stamped;               /* 1: insert and update set disimpan_pada (DB_STORED_SQL) */
	table_sql *sql;            /* the built statements: a static the definer provides */
	/* A local column the row struct does not hold, which only an insert sets, from the
	 * parameter ":<extra>" that bind_extra(st, row) binds (the sort key of a name, urut_nama);
	 * NULL for none. */
	const char *extra;
	void (*bind_extra)(sqlite3_stmt *st, const void *row);
	/* Called after every update of a row (table_store, table_update_live) that changed it,
	 * before the restamp: to renew what the update's triggers cleared (the sort key).
	 * SK_OK or the error in e; NULL for none. */
	int (*updated)(sk_db *db, const void *row, sk_err *e);
	/* A new row's values other than zero and "" (table_init): "column=value ..." as an
	 * import field gives them, "today" for today's date; NULL or "" for none. */
	const char *defaults;
} table_def;

/* The statements of t (built the first time; a statement longer than TABLE_SQL_MAX, or a
 * table with no TC_KEY column, is a programmer error: abort). A table may have two TC_KEY
 * columns (kehadiran: pertemuan_id, anggota_id): get and update then match both. Get names
 * its parameters (":id"); insert and update number them in column order (column i of the
 * descriptor is ?i+1), so that a row binds without looking a name up. */
const char *table_get_sql(const table_def *t);
const char *table_insert_sql(const table_def *t);
const char *table_update_sql(const table_def *t);
const char *table_columns(const table_def *t);

/* Bind every column of row (a struct t describes) to its parameter ":name" of st: text ""
 * and numbers whose has_ flag is 0 as NULL. Parameters st does not have are skipped; st may
 * have others, bound by the caller. */
void table_bind(const table_def *t, sqlite3_stmt *st, const void *row);
/* For reading many rows of one statement: map[j] = the column of t that result column j of st
 * fills, or -1 (map holds sqlite3_column_count(st) ints). table_read_mapped then reads without
 * looking the names up again. */
void table_map(const table_def *t, sqlite3_stmt *st, int *map);
void table_read_mapped(const table_def *t, sqlite3_stmt *st, const int *map, void *row);
/* Read the current row of st into row, by column name: every result column named like a
 * column of t fills its field (and its has_ flag); other result columns are left alone. */
void table_read(const table_def *t, sqlite3_stmt *st, void *row);
/* table_read as a db_read_fn (db.h) for db_rows and db_one: arg is the descriptor. */
void table_read_row(const void *arg, sqlite3_stmt *st, void *row);

/* Read the row of t whose key is key into out (zeroed first; size bytes): SK_OK, SK_NOTFOUND
 * with the message notfound in e, or the database error in e. */
int table_get(sk_db *db, const table_def *t, const char *key, void *out, size_t size,
	      const char *notfound, sk_err *e);
/* The same by every key column (for a table with two): their values are taken from key_row,
 * a row struct of t (may be out itself). */
int table_get_by(sk_db *db, const table_def *t, const void *key_row, void *out, size_t size,
		 const char *notfound, sk_err *e);
/* Write row exactly as given (key and stamps too): insert=1 inserts, 0 replaces the stored
 * row with row's key (SK_NOTFOUND with notfound when none), keeping row's diubah_pada even
 * when the touch trigger renews it (db_restamp). The caller holds the transaction. */
int table_store(sk_db *db, const table_def *t, const void *row, int insert,
		const char *notfound, sk_err *e);
/* Rows of one table waiting to be inserted TABLE_BATCH_ROWS at a time by one multi-row
 * INSERT (a bulk import: one statement's start, cursor and end for many rows instead of one
 * each). The rows are copied in; nothing is stored until the batch is full or flushed, so
 * the caller flushes before it reads the table, and before its transaction ends. */
typedef struct table_batch {
	const table_def *t;        /* NULL: not started */
	size_t size;               /* bytes of a row struct */
	const char *notfound;      /* msgid for table_store's write (never shown for an insert) */
	int n;                     /* rows waiting */
	char *rows;                /* TABLE_BATCH_ROWS rows of size bytes (owned) */
} table_batch;
/* Start b for rows of t (a struct of size bytes). A table with an extra column (table_def)
 * inserts each row at once, as table_store does. */
void table_batch_init(table_batch *b, const table_def *t, size_t size, const char *notfound);
/* Insert row (copied) as table_store(db, t, row, 1, ...) would, now or with the batch's
 * other rows when it is full. SK_OK, or the database error in e (the rows waiting are
 * dropped: the caller's transaction must not commit). The caller holds the transaction.
 * A multi-row insert into a table with a secondary index keeps a statement journal (the
 * pages it changes, to undo its first rows if a later one fails): the more rows a batch,
 * the fewer such writes per row. */
int table_batch_add(sk_db *db, table_batch *b, const void *row, sk_err *e);
/* Insert every row waiting (a full batch in one statement, fewer one by one). SK_OK, or the
 * database error in e; b is empty either way. */
int table_batch_flush(sk_db *db, table_batch *b, sk_err *e);
/* Drop the rows waiting and free b's memory (b may be one never started). */
void table_batch_free(table_batch *b);

/* Update the stored row with row's key when it is not deleted (dihapus=0), every column as
 * given (a save from the screens, which has just stamped row): SK_OK, SK_NOTFOUND with
 * notfound, or the error in e. The caller holds the transaction. */
int table_update_live(sk_db *db, const table_def *t, const void *row, const char *notfound,
		      sk_err *e);
/* Step st (bound by the caller) through up to limit rows into out, an array of size-byte
 * row structs of t: each zeroed, then read by column name (table_read). *n = rows read.
 * Resets st. SK_OK or the database error in e; st NULL gives SK_DBERR. */
int table_list(sk_db *db, const table_def *t, sqlite3_stmt *st, void *out, size_t size,
	       int limit, int *n, sk_err *e);
/* Step st (bound by the caller) through every row into a malloc'ed array of size-byte row
 * structs of t (the caller frees *out, also when *n is 0), each zeroed then read by name.
 * Resets st. SK_OK, or the database error in e with *out NULL and *n 0; st NULL gives
 * SK_DBERR. */
int table_all(sk_db *db, const table_def *t, sqlite3_stmt *st, size_t size, void **out, int *n,
	      sk_err *e);
/* Step st for one row of t into out (zeroed first, read by name): then as db_row_end. */
int table_one(sk_db *db, const table_def *t, sqlite3_stmt *st, void *out, size_t size,
	      const char *notfound, sk_err *e);

/* One row of t from the query sql whose one text parameter param is key (bound as db_bind_text
 * does) into out (size bytes), zeroed first, also when there is no row: SK_OK, SK_NOTFOUND with
 * the message notfound in e, or the database error in e. */
int table_one_by(sk_db *db, const table_def *t, const char *sql, const char *param,
		 const char *key, void *out, size_t size, const char *notfound, sk_err *e);

/* How the screens save a row of a table (table_save). */
typedef struct table_save_ops {
	const char *refused;   /* msgid when the checks find errors ("Data ... belum benar") */
	const char *notfound;  /* msgid when an update finds no live row */
	/* Before the transaction: may this operator save at all? SK_OK or the refusal in e.
	 * NULL: any operator the write guard lets through. */
	int (*permit)(sk_db *db, sk_err *e);
	/* The checks of row (is cleared first), inside the save's transaction; may also derive
	 * fields of row. */
	void (*check)(sk_db *db, void *row, sk_issues *is);
	/* After the checks passed, a further refusal (a second operator): SK_OK or the refusal
	 * in e. NULL for none. */
	int (*allow)(sk_db *db, const void *row, int insert, sk_err *e);
	/* After the row is stored, what follows from it (the group's level): SK_OK or the error
	 * in e. NULL for none. */
	int (*after)(sk_db *db, const void *row, sk_err *e);
} table_save_ops;
/* Save row (a struct of t with id, diubah_pada and dihapus columns) from the screens:
 * ops->permit, then in one write transaction: dihapus 0, the checks (SK_REFUSED with ops->refused when is holds
 * errors), on update a live stored row (SK_NOTFOUND with ops->notfound), ops->allow, a new id
 * when inserting with none, diubah_pada now, the write (an update only of a live row), then
 * ops->after. Nothing is stored on any failure. SK_OK, or the refusal or error in e. */
int table_save(sk_db *db, const table_def *t, const table_save_ops *ops, void *row, int insert,
	       sk_issues *is, sk_err *e);
/* Checks of a dated save from the screens: date (YYYY-MM-DD or "") not after today, else a
 * finding on tanggal with the message future; the parent row parent_id that sql ("SELECT
 * dihapus FROM <parent> WHERE id=:id") reads not deleted, else a finding on field with the
 * message deleted (or the database's message). Appended to is. */
void table_check_dated(sk_db *db, const char *date, const char *future, const char *sql,
		       const char *parent_id, const char *field, const char *deleted,
		       sk_issues *is);
/* Define int PREFIX_insert(sk_db *, T *row, sk_issues *, sk_err *) and PREFIX_update(...):
 * table_save of a new row and of a stored one with the save ops OPS. */
#define TABLE_INSERT_UPDATE(PREFIX, T, TABLE, OPS) \
	int PREFIX##_insert(sk_db *db, T *row, sk_issues *is, sk_err *e) \
	{ \
		return table_save(db, &TABLE, &OPS, row, 1, is, e); \
	} \
	int PREFIX##_update(sk_db *db, T *row, sk_issues *is, sk_err *e) \
	{ \
		return table_save(db, &TABLE, &OPS, row, 0, is, e); \
	}
/* 1 when t holds a live (dihapus=0) row with key id, 0 when not, -1 on a database error. */
int table_live(sk_db *db, const table_def *t, const char *id, sk_err *e);

/* A live row: table_get, then SK_NOTFOUND with notfound also when its dihapus is 1. */
int table_get_live(sk_db *db, const table_def *t, const char *key, void *out, size_t size,
		   const char *notfound, sk_err *e);
/* May stored row old be changed: SK_OK, or SK_REFUSED (the reason in e) or the database error. */
typedef int (*table_editable_fn)(sk_db *db, const void *old, sk_err *e);
/* The stored row of an update or a deletion: is (may be NULL) cleared for its checks, the live
 * row key of t into old (table_get_live: SK_NOTFOUND with notfound), then editable(db, old,
 * e). SK_OK, or the refusal or error in e. */
int table_get_editable(sk_db *db, const table_def *t, const char *key, void *old, size_t size,
		       const char *notfound, table_editable_fn editable, sk_issues *is, sk_err *e);
/* The field of column name in row (a struct t describes), or NULL when t has no such column. */
void *table_field(const table_def *t, void *row, const char *name);

/* A store's get and raw write over its descriptor: defines
 * int PREFIX_get(sk_db *, const char *id, T *out, sk_err *) (table_get) and
 * int PREFIX_store_raw(sk_db *, const T *row, int insert, sk_err *) (table_store), both
 * failing with the message msg (a msgid) when there is no such row. Needs i18n.h. */
#define TABLE_GET_STORE(PREFIX, T, TABLE, msg) \
	int PREFIX##_get(sk_db *db, const char *id, T *out, sk_err *e) \
	{ \
		return table_get(db, &TABLE, id, out, sizeof *out, _(msg), e); \
	} \
	int PREFIX##_store_raw(sk_db *db, const T *row, int insert, sk_err *e) \
	{ \
		return table_store(db, &TABLE, row, insert, msg, e); \
	}

/* A new row of t in row (size bytes): zeroed, then t's defaults set (src/tables.tsv's =VALUE
 * flags). A default t cannot hold is a programmer error (abort). */
void table_init(const table_def *t, void *row, size_t size);
/* Define void FN(T *row): table_init of row by the descriptor TABLE (a store's X_init). */
#define TABLE_INIT_FN(FN, T, TABLE) \
	void FN(T *row) \
	{ \
		table_init(&TABLE, row, sizeof *row); \
	}

/* Index of the column called name in t, or -1. */
int table_col_index(const table_def *t, const char *name);
/* Set column i of row from text as an import row gives it: text as is (cut on a character
 * boundary to fit); numbers in decimal (a double with a '.' point), "" is NULL for a column
 * with a has_ flag and 0 otherwise. Returns 0, or -1 (field unchanged) when text is not such
 * a number. */
int table_set_text(const table_def *t, int i, void *row, const char *text);

#endif
