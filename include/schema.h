/* schema.h - numbered schema migrations (PRAGMA user_version). No curses here. */
#ifndef SK_SCHEMA_H
#define SK_SCHEMA_H

#include "db.h"

/* Bring the database up to SK_SCHEMA_VERSION, each migration in its own IMMEDIATE transaction;
 * on a fresh database also store this database's own UUID (setting "perangkat").
 * Refuses (SK_DBERR) a database whose user_version is newer than this program knows. */
int schema_migrate(sk_db *db, sk_err *e);

/* A summary kept by triggers (migrations 3, 7 and 10): derived and local, never exported. */
#define SCHEMA_SUMMARY_TRIGGERS 12
typedef struct schema_summary {
	const char *table;          /* the kept table ("saldo_kas"; "pinjaman": each loan's
				     * repayment sums, its bayar_* columns) */
	const char *bases[3];       /* the tables whose writes its triggers follow (NULL-ended;
				     * none: kept by the triggers of the summary before it) */
	const char *triggers[SCHEMA_SUMMARY_TRIGGERS];  /* their names (NULL-ended) */
	const char *create;         /* SQL: CREATE TRIGGER of each, as the newest migration made
				     * them (NULL: none) */
	const char *rebuild;        /* SQL: empty the table(s) and fill them from the data
				     * (triggers dropped meanwhile; NULL: done with the one before) */
	const char *verify;         /* SQL: four text columns per difference between the kept
				     * rows and a recomputation from the data */
	const char *message;        /* msgid with four %s: one difference */
} schema_summary;
/* Every summary, ended by one whose table is NULL. A bulk load of a base table drops the
 * triggers (DROP TRIGGER of each name), then runs rebuild and create before it commits. */
extern const schema_summary SCHEMA_SUMMARIES[];

#endif
