/* db_priv.h - what the files of the db module (db.c, db_access.c, db_audit.c) share about a
 * handle: who works on it and what its current transaction captured for the audit trail.
 * Not for other modules: they use db_access.h. */
#ifndef SK_DB_PRIV_H
#define SK_DB_PRIV_H

#include <time.h>
#include "db_access.h"

#define DB_OP_BYTES 65

struct db_acc {
	char op[DB_OP_BYTES];      /* operator's name, "" when nobody logged in */
	sk_role role;
	int system;                /* db_system_begin depth */
	int rows_off;              /* db_audit_rows(db, 0) in this transaction */
	int attached;              /* db_audit_attach done: the temporary table exists and every
	                            * captured write is to be recorded */
	int capturing;             /* the temporary capture triggers exist (made by db.c's
	                            * capture_on at the first captured write) */
	int capture_txn;           /* ... made inside the current transaction (a rollback
	                            * takes them away again) */
	int pending;               /* something was captured in this transaction */
	/* Four eyes: a confirmation granted, and whether this transaction used it. */
	char fe_action[64];
	char fe_second[DB_OP_BYTES];
	time_t fe_until;
	int fe_used;
	/* The action the last refusal asked a confirmation for. */
	char fe_asked[64];
	char fe_asked_label[160];
};

/* The handle's access and audit state (db.c owns it). */
struct db_acc *db_acc(sk_db *db);
/* db_begin_write: SK_OK when the handle may write now, else SK_REFUSED with the reason. */
int db_access_write_check(sk_db *db, sk_err *e);
/* db_open, after the migrations: the capture function and the temporary table of captured
 * changes (cheap). The triggers that capture are made by db.c (capture_on). */
int db_audit_attach(sk_db *db, sk_err *e);
/* The SQL of the temporary capture triggers of every captured table (malloc'd; the caller
 * frees it), or NULL with the error in e. db.c runs it (capture_on: before the first
 * write of an attached handle that is not the program's own bookkeeping), so that a
 * handle that only reads never parses and keeps them: about 0.5 MB and 10 ms of CPU on
 * every open before. */
char *db_audit_trigger_sql(sk_db *db, sk_err *e);
/* db_end, before the commit of the outermost level: check what was captured against the
 * role and append it to jejak. SK_OK, or SK_REFUSED / the database error in e (the caller
 * then rolls back). */
int db_audit_flush(sk_db *db, sk_err *e);
/* db_four_eyes_require's test without its note, for the commit point (where no transaction
 * may be begun): SK_OK when a second operator confirmed action (fe_used set: the trail names
 * both) or in library use without an operator, else SK_DENIED with the request left for
 * db_four_eyes_asked. */
int db_four_eyes_granted(sk_db *db, const char *action, const char *label, sk_err *e);
/* db_end, after the outermost level committed (committed = 1) or rolled back. */
void db_audit_txn_end(sk_db *db, int committed);

#endif
