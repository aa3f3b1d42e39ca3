/* hub_priv.h - what the hub's modules share: the connection, libpq helpers (commands, COPY
 * in and out in PostgreSQL's text format) and the bundle tables as the hub sees them. Not for
 * other modules. */
#ifndef SK_HUB_PRIV_H
#define SK_HUB_PRIV_H

#include <libpq-fe.h>
#include <stdarg.h>
#include <stddef.h>
#include "bundle.h"
#include "hub.h"
#include "loan_calc.h"
#include "util.h"

/* The PostgreSQL schema holding the hub's tables. */
#define HUB_SCHEMA "sikube"

struct hub {
	PGconn *c;
	int threshold;   /* poverty threshold of the hub (setting ambang_miskin) */
};

/* A group's savings (sikube.ringkas.simpanan, hub migration 2): the live savings rows of its
 * members in the cycle report savings takes (the open one, else the last), province prov
 * and group g given as SQL expressions. */
#define HUB_SAVINGS_SQL(prov, g) \
	"coalesce((SELECT sum(s.setor - s.tarik) FROM " HUB_SCHEMA ".simpanan s JOIN " HUB_SCHEMA \
	".anggota a ON a.id = s.anggota_id AND a.prov = s.prov WHERE s.prov = " prov " AND " \
	"s.dihapus = 0 AND a.dihapus = 0 AND a.kelompok_id = " g " AND s.siklus_id = (SELECT c.id " \
	"FROM " HUB_SCHEMA ".siklus c WHERE c.prov = " prov " AND c.kelompok_id = " g " AND " \
	"c.dihapus = 0 ORDER BY c.selesai IS NULL DESC, c.nomor DESC, c.id LIMIT 1)), 0)"
/* The rows of sikube.bayar for the loans whose repayments r match cond: what the live
 * repayments add up to (a reversal negated) and the last one's date, as the office keeps
 * pinjaman.bayar_*. */
#define HUB_REPAID_SQL(cond) \
	"SELECT r.prov, r.pinjaman_id, sum(CASE WHEN r.membalik_id IS NULL THEN r.pokok ELSE " \
	"-r.pokok END), sum(CASE WHEN r.membalik_id IS NULL THEN r.jasa ELSE -r.jasa END), " \
	"max(r.tanggal) FROM " HUB_SCHEMA ".angsuran r WHERE r.dihapus = 0 AND " cond \
	" GROUP BY r.prov, r.pinjaman_id"

/* ---- loans (hub_schedule.c) --------------------------------------------------------------- */

/* A loan's terms from the hub's text of its columns (NULL for SQL NULL) into t. LOAN_OK, or
 * LOAN_E_RATE when the rate is missing or malformed (loan_schedule judges the rest). */
int hub_loan_terms(const char *tanggal, const char *pokok, const char *rate, const char *metode,
		   const char *jumlah, const char *jarak, sk_loan_terms *t);
/* sikube.bayar.jasa_jadwal of the loans whose bayar row b (and loan p) match cond, an SQL
 * condition: the service their schedule adds up to (loan_schedule), NULL when their terms give
 * none. Inside the caller's transaction; a cursor, so memory does not grow with the loans.
 * SK_OK or SK_DBERR. */
int hub_loan_schedules(hub *h, const char *cond, sk_err *e);

/* ---- libpq helpers (hub_pg.c) ------------------------------------------------------------ */

/* Fill e from a failed result (or the connection's error when r is NULL): SK_DBERR. */
int hub_pg_error(hub *h, const PGresult *r, sk_err *e);
/* Run sql (one or more statements, no parameters) and check it succeeded. */
int hub_exec(hub *h, const char *sql, sk_err *e);
/* Run a printf-made statement. */
int hub_execf(hub *h, sk_err *e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Run sql with n text parameters (NULL = SQL NULL); the result (tuples or command) or NULL
 * with e filled. The caller PQclears it. */
PGresult *hub_query(hub *h, const char *sql, int n, const char *const *params, sk_err *e);
/* Rows changed by a command run with hub_exec_count (INSERT/UPDATE/DELETE), or -1. */
long long hub_exec_count(hub *h, const char *sql, sk_err *e);
/* The first column of the first row as a number (dflt when no row or NULL), or -1 with e
 * filled on an error (*ok = 0). */
long long hub_query_ll(hub *h, const char *sql, int n, const char *const *params,
		       long long dflt, int *ok, sk_err *e);

/* A row of COPY ... TO STDOUT: nf fields, f[i] NULL for SQL NULL (valid during the call).
 * Return 0 to go on; any other value stops the calls (the rest is read and dropped) and is
 * returned by hub_copy_out. */
typedef int (*hub_row_fn)(void *ctx, int nf, char **f);
/* Run sql (a COPY ... TO STDOUT in text format) and hand every row to fn. Returns SK_OK,
 * fn's non-zero value, or SK_DBERR. */
int hub_copy_out(hub *h, const char *sql, hub_row_fn fn, void *ctx, sk_err *e);

/* COPY ... FROM STDIN in text format, fed a field at a time through a 64 KiB buffer. */
typedef struct hub_copy {
	hub *h;
	char *buf;
	size_t len, cap;
	int nfield;      /* fields on the current line */
	int failed;
	sk_err *e;
} hub_copy;
/* Start the COPY of sql. SK_OK or SK_DBERR. */
int hub_copy_begin(hub *h, hub_copy *cp, const char *sql, sk_err *e);
/* One field: NULL or "" is SQL NULL; other text is escaped as the text format wants. */
void hub_copy_field(hub_copy *cp, const char *s);
/* End the line. */
void hub_copy_eol(hub_copy *cp);
/* Finish (ok = 1) or abandon (ok = 0) the COPY. SK_OK, or SK_DBERR with the reason. */
int hub_copy_end(hub_copy *cp, int ok);
/* Split one line of COPY text output (without its '\n') into at most max fields in place,
 * undoing the escapes; f[i] NULL for \N. Returns the field count. */
int hub_copy_split(char *line, char **f, int max);

/* sql text appended printf-style to a growing buffer (aborts when memory runs out). */
typedef struct hub_sql {
	char *s;
	size_t len, cap;
} hub_sql;
void hub_sql_add(hub_sql *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void hub_sql_vadd(hub_sql *q, const char *fmt, va_list ap);
void hub_sql_free(hub_sql *q);

/* $SIKUBE_HUB_TIMES set: the wall time since the last call to stderr, as "hub step <step>"
 * (step NULL: only start the clock). For measuring the load's steps (docs/performance.md). */
void hub_step_time(const char *step);

/* ---- the bundle tables as the hub sees them (hub_tables.c) ------------------------------- */

#define HUB_MAX_COLS 64

typedef struct hub_table {
	const bundle_table_def *def;
	int bt;                 /* index in BUNDLE_TABLES */
	int nkey;               /* key columns: id, or kehadiran's pertemuan_id, anggota_id */
	int key[2];
	int parent;             /* table of the group chain (first <table>_id column), -1 at the
				 * group table */
	int parent_col;
	int ref[HUB_MAX_COLS];  /* per column: the table it names (<table>_id; membalik_id its own
				 * table), -1 for a plain column, -2 for an id of any table (sumber_id) */
	int stamp_col;          /* diubah_pada */
} hub_table;

/* The tables of BUNDLE_TABLES, in its (dependency) order; built on first use. */
const hub_table *hub_tables(void);
/* The table called name, or -1. */
int hub_table_by_name(const char *name);
/* Index in BUNDLE_TABLES of the group table ("kelompok") and of the member table. */
int hub_group_table(void);
int hub_member_table(void);
/* A row's fingerprint (column sidik of every hub table, hub migration 4): the first 16 bytes
 * of the SHA-256 of the table's name and each column the importer reads (BC_DERIVED left
 * out) as export writes it, NUL after each, in hex (PostgreSQL reads it as a uuid). v[c] is
 * column c of t->def (NULL counts as ""): a stored row as the staging database's export query
 * gives it, or a file's row after the importer's own reading (csv_unguard of free text). Two
 * rows with the same fingerprint are the same row to the importer (import's same_as_stored):
 * a re-load keeps such a row without judging it again (hub_seed.c). */
#define HUB_SIDIK_LEN 32
void hub_row_sidik(const hub_table *t, const char *const *v, char out[HUB_SIDIK_LEN + 1]);
/* "a.c1, a.c2, ..." (alias a, or no alias when a is ""), the columns of t in order. */
void hub_cols(hub_sql *q, const hub_table *t, const char *alias);
/* "a.k1 = b.k1 AND ..." over the key columns and prov. */
void hub_key_match(hub_sql *q, const hub_table *t, const char *a, const char *b);
/* "k1, k2" */
void hub_key_list(hub_sql *q, const hub_table *t, const char *alias);

/* ---- load steps (hub_seed.c, hub_merge.c) ------------------------------------------------- */

struct hub_unit;   /* one unit of a load (hub_load.c) */

/* Read the unit's table files once for the ids they hold and refer to (temporary table ref:
 * t, own, id, src, baris) and copy them to the server. SK_OK or an error in e. */
int hub_seed_refs(hub *h, struct hub_unit *u, sk_err *e);
/* Work out the hub rows the unit refers to (seed_<table>: the rows with its keys, their
 * parents, and the rows the importer's cross-row rules look at) and write them into the
 * staging database. SK_OK or an error. */
int hub_seed_stage(hub *h, struct hub_unit *u, sk_err *e);
/* Copy the rows the importer stored in the staging database to stg_<table> on the server.
 * SK_OK or an error. */
int hub_stage_copy(hub *h, struct hub_unit *u, sk_err *e);
/* Refuse (SK_REFUSED, problems added to u) a unit whose active members have a NIK active in
 * a group the staging database did not hold. */
int hub_check_nik(hub *h, struct hub_unit *u, sk_err *e);
/* Merge the staged rows into the hub tables (newer, or on a tie the greater row, wins),
 * move rows whose province changed, keep the NIK index and the group figures. */
int hub_merge(hub *h, struct hub_unit *u, sk_err *e);

#endif
