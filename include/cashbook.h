/* cashbook.h - the group's cash-book ledger (table kas): rules and storage. Import uses these
 * now; the cash-book screens (a later issue) extend them. No curses here. */
#ifndef SK_CASHBOOK_H
#define SK_CASHBOOK_H

#include <stdint.h>
#include "db.h"
#include "util.h"

typedef struct sk_cash_row {
	char id[SK_UUID_LEN + 1];
	char kelompok_id[SK_UUID_LEN + 1];
	char tanggal[16];             /* YYYY-MM-DD, required */
	char no_bukti[65];            /* receipt number, optional */
	char buku[8];                 /* umum | iks */
	char kategori[16];            /* one of CASH_KATEGORI_VALUES */
	char uraian[404];             /* description */
	int64_t masuk;                /* receipt, rupiah */
	int64_t keluar;               /* expense; exactly one of masuk and keluar is > 0 */
	char pertemuan_id[SK_UUID_LEN + 1]; /* meeting it was posted from, or "" */
	char membalik_id[SK_UUID_LEN + 1];  /* row this one reverses, or "" */
	char diubah_pada[SK_TS_LEN + 1];
	int dihapus;
} sk_cash_row;

/* NULL-terminated lists of the enumerations of spec/bundle.md. */
extern const char *const CASH_BUKU_VALUES[];
extern const char *const CASH_KATEGORI_VALUES[];
/* 1 when v is umum or iks. */
int valid_cash_buku(const char *v);
/* 1 when v is one of CASH_KATEGORI_VALUES. */
int valid_cash_kategori(const char *v);

/* Fill c with defaults for a new row of group kelompok_id dated today (buku umum). */
void cash_init(sk_cash_row *c, const char *kelompok_id);
/* Checks that need only this row: tanggal a real date, buku and kategori known, amounts >= 0
 * and exactly one of masuk and keluar > 0. Appended to is. */
void cash_validate_fields(const sk_cash_row *c, sk_issues *is);
/* Checks against other rows: the group exists, pertemuan_id and membalik_id (when given) name
 * existing rows (deleted or not). Appended to is. */
void cash_validate_links(sk_db *db, const sk_cash_row *c, sk_issues *is);
/* Both; is cleared first. */
void cash_validate(sk_db *db, const sk_cash_row *c, sk_issues *is);
/* Read one row by id (deleted ones too). SK_NOTFOUND when none. */
int cash_get(sk_db *db, const char *id, sk_cash_row *out, sk_err *e);
/* Write c exactly as given (stamps kept), without validation: insert=1 inserts, 0 replaces the
 * stored row c->id (SK_NOTFOUND when none). The caller holds the transaction. */
int cash_store_raw(sk_db *db, const sk_cash_row *c, int insert, sk_err *e);

#endif
