/* schema.h - numbered schema migrations (PRAGMA user_version). No curses here. */
#ifndef SK_SCHEMA_H
#define SK_SCHEMA_H

#include "db.h"

/* Bring the database up to SK_SCHEMA_VERSION, each migration in its own IMMEDIATE transaction;
 * on a fresh database also store this database's own UUID (setting "perangkat").
 * Refuses (SK_DBERR) a database whose user_version is newer than this program knows. */
int schema_migrate(sk_db *db, sk_err *e);

#endif
