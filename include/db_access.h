/* db_access.h - who works on a database handle and what is recorded of it (part of the db
 * module, src/db_access.c and src/db_audit.c; issue 16, docs/audit.md):
 *
 * - the handle carries its operator (name and role), set after a login (operator.h);
 * - a permission table maps named actions to the roles that may do them; db_begin_write
 *   refuses every write of a `pemeriksa` (read-only auditor) and, in the program (cli_main
 *   calls db_require_operator), every write of a handle nobody logged in to;
 * - every write is captured centrally: temporary triggers that db_open creates on each table
 *   with a diubah_pada column record the table, the row's key, the columns changed (old and
 *   new, NIK and No. KK masked, secrets hidden) and the action the change needs; at the one
 *   commit point (db_end) each captured change is checked against the role and appended to
 *   the table jejak, hash-chained. A store function needs to do nothing for this.
 * Library use without an operator (the unit tests, bench-gen) may do everything and is
 * recorded as operator "sistem". No curses here. */
#ifndef SK_DB_ACCESS_H
#define SK_DB_ACCESS_H

#include <stdint.h>
#include "db.h"

typedef enum sk_role {
	SK_ROLE_NONE = 0,     /* nobody logged in */
	SK_ROLE_ADMIN,        /* operators and settings, and everything else */
	SK_ROLE_OPERATOR,     /* the kelurahan clerk: registers, meetings, books */
	SK_ROLE_PENDAMPING,   /* as operator plus assessments and group levels */
	SK_ROLE_PEMERIKSA     /* auditor: reads everything, saves nothing */
} sk_role;

/* The named actions of the permission table (docs/audit.md has the table). */
typedef enum sk_action {
	SK_ACT_WRITE = 0,     /* tulis: registers, members, meetings, cash books, savings, loans */
	SK_ACT_ASSESS,        /* nilai: eligibility and development assessments */
	SK_ACT_LEVEL,         /* tingkat: a group's development level */
	SK_ACT_OPERATORS,     /* operator: add, disable, reset another operator's password */
	SK_ACT_SETTINGS,      /* pengaturan: the office's settings (threshold, retention ...) */
	SK_ACT_KEYS,          /* kunci: trust or revoke an office's signing key */
	SK_ACT_IMPORT,        /* impor: merge bundles */
	SK_ACT_EXPORT,        /* ekspor: write bundles (records the export) */
	SK_ACT_CONFIRM,       /* empat_mata: be the second operator of a four-eyes operation */
	SK_ACT_COUNT
} sk_action;

/* "admin", "operator", "pendamping", "pemeriksa" ("" for SK_ROLE_NONE): stored data. */
const char *sk_role_name(sk_role r);
/* The role named s, or SK_ROLE_NONE when s names none. */
sk_role sk_role_parse(const char *s);
/* The action's name in the trail and in the table ("tulis", "nilai" ...), and what it does in
 * a clerk's words (translated). */
const char *sk_action_name(sk_action a);
const char *sk_action_label(sk_action a);
/* The action named s, or -1. */
int sk_action_parse(const char *s);
/* 1 when role r may do a (the permission table). */
int sk_role_may(sk_role r, sk_action a);

/* From now on in this process, a handle without an operator refuses writes (cli_main calls
 * it: the program always logs in; library use and unit tests do not). */
void db_require_operator(void);
/* The operator of db after a login (name up to 64 bytes; role not NONE), or nobody (NULL,
 * SK_ROLE_NONE). */
void db_set_operator(sk_db *db, const char *name, sk_role role);
/* The operator's name ("" when nobody logged in) and role. */
const char *db_operator(sk_db *db);
sk_role db_role(sk_db *db);
/* SK_OK when db's operator may do a, else SK_REFUSED with a message naming the operator, the
 * role and the action. Nobody logged in: SK_OK in library use, refused in the program. */
int db_permit(sk_db *db, sk_action a, sk_err *e);
/* A write that is bookkeeping of the program, not the operator's (the login's counters, the
 * region list, the trail's own notes): between db_system_begin and db_system_end the role is
 * not checked and the triggers record nothing. Nests. Only for the operators module, the
 * command line's start and db_access itself. */
void db_system_begin(sk_db *db);
void db_system_end(sk_db *db);

/* ---- Four eyes (operator.h's four_eyes_confirm checks the second operator's password) ---- */
/* Record that second (another operator than db's, already verified) confirmed action (a
 * name from code, e.g. "pembalikan_bulan_tutup"): the next write transaction that calls
 * db_four_eyes_require for it may commit; it keeps both names. Valid for 5 minutes. */
void db_four_eyes_grant(sk_db *db, const char *action, const char *second);
/* In a store function, before its write: SK_OK when action was confirmed by a second
 * operator (the trail of this transaction then names both, and a note records the action
 * with label, a short description without identity numbers), else SK_REFUSED ("needs a second
 * operator") and db_four_eyes_asked tells the screens which action to ask for. Library use
 * without an operator: SK_OK. */
int db_four_eyes_require(sk_db *db, const char *action, const char *label, sk_err *e);
/* The action the last refusal of db_four_eyes_require asked a confirmation for (its label
 * into label, size n), then forgotten; 0 when none. */
int db_four_eyes_asked(sk_db *db, char *action, size_t an, char *label, size_t ln);

/* ---- The audit trail (table jejak) ---- */
/* Append a note (aksi: "baca_nik", "masuk", "impor", "anonimisasi" ...; the others may be
 * NULL) to the trail by db's operator: inside the caller's transaction when there is one, else
 * in its own. Allowed for every role (a pemeriksa's read of a NIK is recorded too). keterangan
 * must not hold an identity number or a secret. SK_OK or the error in e. */
int db_audit_note(sk_db *db, const char *aksi, const char *tabel, const char *baris_id,
		  const char *kelompok_id, const char *anggota_id, const char *keterangan,
		  sk_err *e);
/* Turn the per-row capture off (on = 0) or on again for db, inside a write transaction: an
 * import records one note per bundle instead (docs/audit.md says why). */
void db_audit_rows(sk_db *db, int on);

/* One problem of the chain, for check: the first broken link. */
typedef struct sk_audit_finding {
	int64_t no;            /* row number (jejak.no) of the first broken link, 0 when none */
	char why[256];         /* what is wrong with it */
	int64_t rows;          /* rows verified */
	int64_t blanked;       /* rows whose content was blanked (retention) */
	int guards;            /* 1 when the append-only triggers are in place */
} sk_audit_finding;
/* Verify the whole chain of jejak: each row's hash_sebelum is the hash of the row before
 * (64 zeros for the first), its hash matches its fields, its isi_hash its content (unless
 * blanked), and its number follows the one before. SK_OK (f->no tells whether a link is
 * broken) or the database error in e. */
int db_audit_verify(sk_db *db, sk_audit_finding *f, sk_err *e);
/* The hash a row of jejak carries (lower-case hex, 65 bytes), from its fields: exposed for the
 * tests and docs/audit.md. */
void db_audit_row_hash(int64_t no, const char *waktu, const char *op, const char *op2,
		       const char *peran, const char *aksi, const char *tabel,
		       const char *baris_id, const char *kelompok_id, const char *anggota_id,
		       const char *keterangan, const char *isi_hash, const char *prev,
		       char out[65]);

#endif
