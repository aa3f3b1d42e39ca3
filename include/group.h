/* group.h - KUBE groups (table kelompok): rules and storage. No curses here. */
#ifndef SK_GROUP_H
#define SK_GROUP_H

#include <stdint.h>
#include "db.h"
#include "table.h"
#include "util.h"

/* Minimum and maximum active members per group (Permensos 2/2019 Pasal 3). */
#define GROUP_MIN_MEMBERS 5
#define GROUP_MAX_MEMBERS 20

typedef struct sk_group {
	char id[SK_UUID_LEN + 1];
	char kode[33];               /* office's own short code, optional */
	char nama[SK_NAME_BYTES];              /* 1-100 characters, required */
	char kode_wilayah[16];       /* desa/kelurahan PP.KK.CC.DDDD, required */
	char alamat[SK_NAME_BYTES];
	char jenis_usaha[16];        /* produksi|jasa|perdagangan|lainnya */
	char bidang_usaha[SK_NAME_BYTES];
	char tanggal_berdiri[16];    /* YYYY-MM-DD or "" */
	char tingkat[16];            /* tumbuh|berkembang|maju|mandiri */
	char pendamping[SK_NAME_BYTES];
	char telepon_pendamping[33];
	int64_t iuran_kas;           /* default dues per member per meeting, rupiah >= 0 */
	int64_t iuran_iks;
	int64_t bantuan_uep;         /* UEP aid received, rupiah >= 0 */
	int tahun_bantuan;           /* YYYY, 0 = none */
	char catatan[1024];
	char diubah_pada[SK_TS_LEN + 1];
	int dihapus;
} sk_group;

/* One line of the group list. */
typedef struct sk_group_row {
	char id[SK_UUID_LEN + 1];
	char kode[33];
	char nama[SK_NAME_BYTES];
	char kode_wilayah[16];
	char desa[128];              /* village name from the region list */
	char tingkat[16];
	int anggota_aktif;
	char pertemuan_terakhir[16]; /* date of the last meeting (not deleted), "" = none */
	int tidak_aktif;             /* 1: founded more than GROUP_INACTIVE_DAYS days ago (or
				      * founding date unknown) and no meeting in those days */
} sk_group_row;

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
typedef struct sk_group_links {
	int anggota;        /* members, not deleted */
	int pertemuan;      /* meetings, not deleted */
	int baris_kas;      /* cash-book rows, not deleted */
	int64_t saldo;      /* the books' balance, umum and iks together */
} sk_group_links;
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
