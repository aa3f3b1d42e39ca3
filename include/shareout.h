/* shareout.h - the share-out (bagi_hasil.csv, spec/bundle.md format 2) when a savings-and-loans
 * cycle closes: the profit of the simpin fund, each member's part by the cycle's metode_bagi,
 * debts settled from the payout. Pure: no database, no curses, no floating point, no messages.
 * Rupiah are int64; every sum is checked and refused rather than wrapped.
 *
 * Profit (laba) = the simpin book's balance at the close + loans still owed - savings. It is
 * shared rounded down (toward minus infinity) per member; what rounding leaves stays in the
 * book for the next cycle. A loss (laba < 0) is always shared in proportion to savings,
 * whatever metode_bagi says: the savings are what was lost, and no member then loses more
 * than they saved (the book cannot hold less than nothing). docs/simpin.md gives the reasons. */
#ifndef SK_SHAREOUT_H
#define SK_SHAREOUT_H

#include <stdint.h>

enum bagi_method { BAGI_SIMPANAN = 0, BAGI_SAMA_RATA = 1, BAGI_JASA = 2 }; /* metode_bagi */

enum shareout_status {
	SHAREOUT_OK = 0,
	SHAREOUT_E_INPUT,     /* no member, or a negative balance, saving, service or debt */
	SHAREOUT_E_METHOD,    /* metode not a bagi_method */
	SHAREOUT_E_NO_WEIGHT, /* a profit to share by savings or by service, but that total is 0 */
	SHAREOUT_E_OVERFLOW   /* amounts too large for int64 */
};

/* "simpanan" / "sama_rata" / "jasa" -> the enum, else -1. */
int shareout_method_parse(const char *s);
/* The bundle word of a method, "" when unknown. Static string. */
const char *shareout_method_name(int m);

/* One member of the cycle, as the caller finds them at the close. */
typedef struct sk_share_member {
	int64_t simpanan;     /* savings of every kind at the close, >= 0 */
	int64_t jasa_dibayar; /* service charge paid on the member's loans in the cycle, >= 0 */
	int64_t utang;        /* still owed on the member's simpin loans at the close (principal
			       * still owed + service in arrears; written-off loans not), >= 0 */
} sk_share_member;

/* One bagi_hasil row (and what stays owed). */
typedef struct sk_share_row {
	int64_t simpanan;     /* = the member's simpanan */
	int64_t bagian_hasil; /* the member's part of the profit (negative: part of a loss) */
	int64_t potongan;     /* debt settled from the payout: min(utang, simpanan + bagian_hasil) */
	int64_t dibayar;      /* simpanan + bagian_hasil - potongan, >= 0 */
	int64_t sisa_utang;   /* utang - potongan: stays a loan (not a bagi_hasil column) */
} sk_share_row;

/* The totals of a share-out. */
typedef struct sk_shareout {
	int metode;              /* the method the profit was shared by (BAGI_SIMPANAN for a loss) */
	int64_t saldo_buku;      /* the simpin book's balance at the close */
	int64_t piutang;         /* loans still owed: sum of utang */
	int64_t simpanan;        /* sum of savings */
	int64_t laba;            /* saldo_buku + piutang - simpanan (negative: a loss) */
	int64_t dibagi;          /* sum of bagian_hasil (<= laba) */
	int64_t sisa_pembulatan; /* laba - dibagi: rupiah left by rounding, stay in the book */
	int64_t potongan;        /* sum of potongan */
	int64_t dibayar;         /* sum of dibayar: cash paid out */
	int64_t sisa_utang;      /* sum of sisa_utang: debts larger than their payout */
	int64_t saldo_akhir;     /* saldo_buku - dibayar: the book after the payouts */
	int64_t kurang_kas;      /* max(0, -saldo_akhir): the cash the book lacks for the payouts */
} sk_shareout;

/* Share out the profit among members m[0..n) by metode into rows[0..n) and *sum. By method:
 * simpanan, bagian = floor(laba x simpanan / sum of simpanan); sama_rata, floor(laba / n);
 * jasa, floor(laba x jasa_dibayar / sum of jasa_dibayar). A loss: by simpanan. When a debt is
 * larger than the payout, dibayar is 0 and the rest stays a loan (sisa_utang); the book then
 * lacks that cash unless the rounding left enough, which kurang_kas says. SIKUBE's close
 * refuses while any sisa_utang > 0 (docs/simpin.md, decision 13): the group collects or
 * writes the debt off first.
 * saldo_buku < 0 is refused as SHAREOUT_E_INPUT. Returns an enum shareout_status; on an error
 * rows and *sum are zeroed. Spec example: savings 600/480/360/300/260 thousand, book 2.200.000,
 * nothing owed: parts 60/48/36/30/26 thousand, payouts 660/528/396/330/286 thousand. */
int shareout_compute(int metode, int64_t saldo_buku, const sk_share_member *m, int n,
		     sk_share_row *rows, sk_shareout *sum);

#endif
