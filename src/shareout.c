/* shareout.c - the profit of a cycle shared by savings, equally or by service paid, rounded
 * down per member, debts settled from the payouts. */
#include <string.h>
#include "fixmath.h"
#include "shareout.h"

static const char *const METHODS[] = { "simpanan", "sama_rata", "jasa" };

int shareout_method_parse(const char *s)
{
	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, METHODS[i]) == 0)
			return i;
	return -1;
}

const char *shareout_method_name(int m)
{
	return m >= 0 && m < 3 ? METHODS[m] : "";
}

/* The totals of the members: savings, service, debt. */
static int member_totals(const sk_share_member *m, int n, sk_shareout *sum, int64_t *jasa)
{
	*jasa = 0;
	for (int i = 0; i < n; i++) {
		if (m[i].simpanan < 0 || m[i].jasa_dibayar < 0 || m[i].utang < 0)
			return SHAREOUT_E_INPUT;
		if (fx_add(sum->simpanan, m[i].simpanan, &sum->simpanan) != 0 ||
		    fx_add(*jasa, m[i].jasa_dibayar, jasa) != 0 ||
		    fx_add(sum->piutang, m[i].utang, &sum->piutang) != 0)
			return SHAREOUT_E_OVERFLOW;
	}
	return SHAREOUT_OK;
}

/* Member i's part of laba: floor(laba x weight / total), or floor(laba / n). */
static int part(const sk_shareout *sum, const sk_share_member *mi, int n, int64_t jasa,
		int64_t *out)
{
	switch (sum->metode) {
	case BAGI_SIMPANAN:
		return fx_muldiv(sum->laba, mi->simpanan, sum->simpanan, out);
	case BAGI_JASA:
		return fx_muldiv(sum->laba, mi->jasa_dibayar, jasa, out);
	default:
		return fx_muldiv(sum->laba, 1, n, out);
	}
}

/* The bagi_hasil row of one member from its part; adds to the totals. */
static int settle(const sk_share_member *mi, int64_t bagian, sk_share_row *r, sk_shareout *sum)
{
	int64_t gross;
	r->simpanan = mi->simpanan;
	r->bagian_hasil = bagian;
	/* A loss part is at most the member's savings (laba >= -simpanan), so gross >= 0. */
	if (fx_add(mi->simpanan, bagian, &gross) != 0 || gross < 0)
		return SHAREOUT_E_OVERFLOW;
	r->potongan = mi->utang < gross ? mi->utang : gross;
	r->dibayar = gross - r->potongan;
	r->sisa_utang = mi->utang - r->potongan;
	if (fx_add(sum->dibagi, bagian, &sum->dibagi) != 0 ||
	    fx_add(sum->potongan, r->potongan, &sum->potongan) != 0 ||
	    fx_add(sum->dibayar, r->dibayar, &sum->dibayar) != 0 ||
	    fx_add(sum->sisa_utang, r->sisa_utang, &sum->sisa_utang) != 0)
		return SHAREOUT_E_OVERFLOW;
	return SHAREOUT_OK;
}

static int share(int metode, int64_t saldo_buku, const sk_share_member *m, int n,
		 sk_share_row *rows, sk_shareout *sum)
{
	if (metode < BAGI_SIMPANAN || metode > BAGI_JASA)
		return SHAREOUT_E_METHOD;
	if (n < 1 || saldo_buku < 0)
		return SHAREOUT_E_INPUT;
	int64_t jasa, laba;
	int rc = member_totals(m, n, sum, &jasa);
	if (rc != SHAREOUT_OK)
		return rc;
	sum->saldo_buku = saldo_buku;
	if (fx_add(saldo_buku, sum->piutang, &laba) != 0 || fx_sub(laba, sum->simpanan, &laba) != 0)
		return SHAREOUT_E_OVERFLOW;
	sum->laba = laba;
	/* A loss is borne by the savings: saldo_buku and piutang are >= 0, so -laba <= simpanan
	 * and the sum of savings is > 0. */
	sum->metode = laba < 0 ? BAGI_SIMPANAN : metode;
	if (laba > 0 && ((sum->metode == BAGI_SIMPANAN && sum->simpanan == 0) ||
			 (sum->metode == BAGI_JASA && jasa == 0)))
		return SHAREOUT_E_NO_WEIGHT;
	for (int i = 0; i < n; i++) {
		int64_t bagian = 0;
		if (laba != 0 && part(sum, &m[i], n, jasa, &bagian) != 0)
			return SHAREOUT_E_OVERFLOW;
		rc = settle(&m[i], bagian, &rows[i], sum);
		if (rc != SHAREOUT_OK)
			return rc;
	}
	/* Rounded down each: dibagi <= laba, so both differences are defined. */
	if (fx_sub(laba, sum->dibagi, &sum->sisa_pembulatan) != 0 ||
	    fx_sub(saldo_buku, sum->dibayar, &sum->saldo_akhir) != 0)
		return SHAREOUT_E_OVERFLOW;
	sum->kurang_kas = sum->saldo_akhir < 0 ? -sum->saldo_akhir : 0;
	return SHAREOUT_OK;
}

int shareout_compute(int metode, int64_t saldo_buku, const sk_share_member *m, int n,
		     sk_share_row *rows, sk_shareout *sum)
{
	memset(sum, 0, sizeof *sum);
	int rc = share(metode, saldo_buku, m, n, rows, sum);
	if (rc != SHAREOUT_OK) {
		memset(sum, 0, sizeof *sum);
		if (rows && n > 0)
			memset(rows, 0, sizeof *rows * (size_t)n);
	}
	return rc;
}
