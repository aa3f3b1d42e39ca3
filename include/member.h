/* member.h - KUBE members (table anggota): rules and storage. No curses here. */
#ifndef SK_MEMBER_H
#define SK_MEMBER_H

#include "db.h"
#include "table.h"
#include "util.h"
#include "tables_gen.h"

/* A member of a group (table anggota); its fields, like every row struct's, are in
 * src/tables.tsv. */
SK_MEMBER_TYPEDEF;

/* One line of a member list. */
SK_MEMBER_ROW_TYPEDEF;

/* The anggota table's columns (table.h), in the bundle's order: for the store and import. */
extern const table_def ANGGOTA_TABLE;

/* NIK and No. KK as typed with spaces, dots or dashes between the digits ("3171 0806 1180
 * 7777", "3171.0806.1180.7777"): those are removed when only digits are left; anything else is
 * left as typed (and refused by the checks). */
void member_clean_numbers(sk_member *m);
/* Fill m with defaults for a new member of group kelompok_id (anggota, joined today). */
void member_init(sk_member *m, const char *kelompok_id);
/* Check every field and the rules that need the database: group exists, NIK active in at most
 * one group, one active ketua/sekretaris/bendahara per group, group size 5-20 (warning), NIK
 * birth date/sex agreement (warning), NIK kecamatan in the region list (warning). Findings go
 * to is (cleared first). member_insert and member_update clean the numbers first
 * (member_clean_numbers). */
void member_validate(sk_db *db, const sk_member *m, sk_issues *is);
/* The checks of member_validate that need only this row and the region list: NIK and No. KK
 * structure, name, sex, dates, RT/RW, role name, DTSEN and PKH values. Errors are appended to
 * is (not cleared first). Import runs this on every row as it reads it. */
void member_validate_fields(sk_db *db, const sk_member *m, sk_issues *is);
/* The checks of member_validate against other rows: the group exists (and is not deleted
 * unless the member is deleted too), the NIK is active in no other member, no other active
 * holder of the same officer role in the group. Errors are appended to is (not cleared).
 * Import runs this on the merged rows after the whole member table is read. */
void member_validate_links(sk_db *db, const sk_member *m, sk_issues *is);
/* Validate and insert; assigns m->id when empty, sets diubah_pada. Returns SK_REFUSED when is
 * holds errors, SK_OK on success (warnings may remain in is), or a db error in e. */
int member_insert(sk_db *db, sk_member *m, sk_issues *is, sk_err *e);
/* Validate and update the stored member m->id. SK_NOTFOUND when no such row. */
int member_update(sk_db *db, sk_member *m, sk_issues *is, sk_err *e);
/* Write m exactly as given (id, diubah_pada and dihapus kept), without validation: insert=1
 * inserts, 0 replaces the stored row m->id whether deleted or not (SK_NOTFOUND when none).
 * For import, which validates first; the caller holds the transaction. */
int member_store_raw(sk_db *db, const sk_member *m, int insert, sk_err *e);
/* Soft-delete one member. */
int member_delete(sk_db *db, const char *id, sk_err *e);
/* Read one member by id (deleted ones too). SK_NOTFOUND when none. */
int member_get(sk_db *db, const char *id, sk_member *out, sk_err *e);
/* Members (not deleted) of one group, active first then by name, from offset, up to limit. */
int member_list_group(sk_db *db, const char *kelompok_id, int offset, int limit,
		      sk_member_row *out, int *n, sk_err *e);
/* Members (not deleted) of one group. */
int member_count_group(sk_db *db, const char *kelompok_id);
/* The deleted members of one group, in the same order, for restoring. */
int member_list_group_deleted(sk_db *db, const char *kelompok_id, int offset, int limit,
			      sk_member_row *out, int *n, sk_err *e);
int member_count_group_deleted(sk_db *db, const char *kelompok_id);
/* Index of member id in member_list_group's order of its group, or -1 on a db error. */
int member_position(sk_db *db, const char *id);

/* What is recorded about a member, for the question before deleting it. */
SK_MEMBER_LINKS_TYPEDEF;
/* Fill out for member id. SK_OK or a db error. */
int member_links(sk_db *db, const char *id, sk_member_links *out, sk_err *e);
/* Bring back a deleted member (dihapus=0, new stamp) when its group is not deleted, its NIK is
 * active in no other member and its office is not held by another: else SK_REFUSED with the
 * reason in is and e. SK_NOTFOUND, or a db error. */
int member_restore(sk_db *db, const char *id, sk_issues *is, sk_err *e);
/* Members (not deleted) of any active group whose name contains text or whose NIK starts with
 * text; "" lists all. Ordered by name. */
int member_search(sk_db *db, const char *text, int offset, int limit, sk_member_row *out,
		  int *n, sk_err *e);
/* The same page of a search known to have total rows (from member_search_count): a page in
 * the second half is read backwards from the end, so the last page of 30,000 members costs
 * what the first does. */
int member_search_page(sk_db *db, const char *text, int offset, int limit, int total,
		       sk_member_row *out, int *n, sk_err *e);
int member_search_count(sk_db *db, const char *text);
/* Mask a NIK for lists: first 6 digits kept, the rest '*'. out needs 24 bytes. */
void member_mask_nik(const char *nik, char *out, size_t n);

#endif
