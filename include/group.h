/* group.h - KUBE groups (table kelompok): rules and storage. No curses here. */
#ifndef SK_GROUP_H
#define SK_GROUP_H

#include <stdint.h>
#include "db.h"
#include "table.h"
#include "util.h"
#include "tables_gen.h"

/* Minimum and maximum active members per group (Permensos 2/2019 Pasal 3). */
#define GROUP_MIN_MEMBERS 5
#define GROUP_MAX_MEMBERS 20

/* A KUBE group (table kelompok); its fields, like every row struct's, are in
 * src/tables.tsv. */
SK_GROUP_TYPEDEF;

/* One line of the group list. */
SK_GROUP_ROW_TYPEDEF;

/* A group with no meeting in this many days (4 weeks) is shown as inactive. */
#define GROUP_INACTIVE_DAYS 28

/* The kelompok table's columns (table.h), in the bundle's order: for the store and import. */
extern const table_def KELOMPOK_TABLE;

/* Fill g with defaults for a new group (tumbuh, lainnya, zero money, empty id). */
void group_init(sk_group *g);
/* Check every field; findings go to is (cleared first). */
void group_validate(sk_db *db, const sk_group *g, sk_issues *is);
/* Validate and insert. Assigns g->id when empty, sets diubah_pada. Returns SK_REFUSED when is
 * holds errors, SK_OK on success (warnings may remain in is), or a db error in e. */
int group_insert(sk_db *db, sk_group *g, sk_issues *is, sk_err *e);
/* Validate and update the stored row with g->id; sets diubah_pada. Same returns as insert,
 * SK_NOTFOUND when no such active group. */
int group_update(sk_db *db, sk_group *g, sk_issues *is, sk_err *e);
/* Write g exactly as given (id, diubah_pada and dihapus kept), without validation: insert=1
 * inserts a new row, 0 replaces the stored row g->id whether deleted or not (SK_NOTFOUND when
 * none). For import, which validates first; the caller holds the transaction. */
int group_store_raw(sk_db *db, const sk_group *g, int insert, sk_err *e);
/* Soft-delete the group and its active members (dihapus=1), in one transaction. */
int group_delete(sk_db *db, const char *id, sk_err *e);
/* Read one group (deleted ones too) by id. SK_NOTFOUND when none. */
int group_get(sk_db *db, const char *id, sk_group *out, sk_err *e);
/* Active groups whose name, code or village contains text ("" = all), ordered by name;
 * up to limit rows from offset into out; *n rows written. */
int group_list(sk_db *db, const char *text, int offset, int limit, sk_group_row *out, int *n,
	       sk_err *e);
/* Number of active groups matching text (same filter as group_list). */
int group_count(sk_db *db, const char *text);
/* Deleted groups matching text, by name, for restoring (same filter and rows). */
int group_list_deleted(sk_db *db, const char *text, int offset, int limit, sk_group_row *out,
		       int *n, sk_err *e);
int group_count_deleted(sk_db *db, const char *text);
/* Index of the active group id in group_list's order for text, or -1 (a database error; a
 * group not in the list gets the index it would have). */
int group_position(sk_db *db, const char *text, const char *id);
/* Number of active groups founded more than GROUP_INACTIVE_DAYS days ago (or on a date not
 * known) with no meeting in the last GROUP_INACTIVE_DAYS days. */
int group_count_inactive(sk_db *db);

/* What a group holds, for the question before deleting it. */
SK_GROUP_LINKS_TYPEDEF;
/* Fill out for group id. SK_OK, SK_NOTFOUND or a db error. */
int group_links(sk_db *db, const char *id, sk_group_links *out, sk_err *e);
/* Bring back a deleted group (dihapus=0, new stamp) with the members deleted together with it
 * (marked when it was or later), except those whose NIK is now active in another member or
 * whose office (ketua, sekretaris, bendahara) another active member holds: *members gets how
 * many came back. SK_REFUSED when the group is not deleted, SK_NOTFOUND, or a db error. */
int group_restore(sk_db *db, const char *id, int *members, sk_err *e);
/* Number of active members of a group (not deleted, no tanggal_keluar). */
int group_active_members(sk_db *db, const char *id);

#endif
