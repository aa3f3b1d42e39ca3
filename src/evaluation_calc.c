/* evaluation_calc.c - score, level and quartiles of the development assessment, and the
 * scores proposed from the records. Thresholds: evaluation_calc.h. */
#include <string.h>
#include "evaluation_calc.h"
#include "fixmath.h"

const char *const EVAL_FIELDS[EVAL_INDICATORS] = { "s1", "s2", "s3", "s4", "e1", "e2", "e3", "e4" };

static const char *const LEVELS[] = { "tumbuh", "berkembang", "maju", "mandiri" };

int evaluation_score(const int v[EVAL_INDICATORS])
{
	int sum = 0;
	for (int i = 0; i < EVAL_INDICATORS; i++) {
		if (v[i] < 1 || v[i] > 4)
			return -1;
		sum += v[i];
	}
	return sum;
}

int evaluation_level(int skor)
{
	if (skor < EVAL_SCORE_MIN || skor > EVAL_SCORE_MAX)
		return -1;
	return skor <= 15 ? 0 : skor <= 22 ? 1 : skor <= 28 ? 2 : 3;
}

const char *evaluation_level_name(int skor)
{
	int l = evaluation_level(skor);
	return l < 0 ? NULL : LEVELS[l];
}

/* ---- Quartiles ------------------------------------------------------------------------------ */

/* The i-th smallest score (1-based, 1 <= i <= n) from the counts per score. */
static int nth(const int64_t *count, int64_t i)
{
	int64_t seen = 0;
	for (int s = EVAL_SCORE_MIN; s <= EVAL_SCORE_MAX; s++) {
		seen += count[s];
		if (seen >= i)
			return s;
	}
	return EVAL_SCORE_MAX;
}

int evaluation_quartiles(const int *skor, int n, sk_quartiles *out)
{
	int64_t count[EVAL_SCORE_MAX + 1] = { 0 };
	memset(out, 0, sizeof *out);
	if (n < 1)
		return -1;
	for (int i = 0; i < n; i++) {
		if (skor[i] < EVAL_SCORE_MIN || skor[i] > EVAL_SCORE_MAX)
			return -1;
		count[skor[i]]++;
	}
	for (int k = 1; k <= 3; k++) {
		int64_t pos4 = (int64_t)k * ((int64_t)n + 1); /* 4 x position, 1-based */
		int64_t i = pos4 / 4, quarter = pos4 % 4;
		int q4;
		if (i < 1)
			q4 = 4 * nth(count, 1);
		else if (i >= n)
			q4 = 4 * nth(count, n);
		else {
			int lo = nth(count, i), hi = nth(count, i + 1);
			q4 = 4 * lo + (int)quarter * (hi - lo);
		}
		out->q4[k - 1] = q4;
	}
	out->n = n;
	return 0;
}

int evaluation_quartile(const sk_quartiles *q, int skor)
{
	if (q->n < 1)
		return 0;
	int64_t v4 = 4 * (int64_t)skor;
	for (int k = 0; k < 3; k++)
		if (v4 <= q->q4[k])
			return k + 1;
	return 4;
}

/* ---- Proposals ------------------------------------------------------------------------------ */

/* 1 when part is at least pct percent of whole (whole > 0), exactly. */
static int at_least_pct(int64_t part, int64_t whole, int pct)
{
	return fx_cmp_products(part, 100, whole, pct) >= 0;
}

int evaluation_propose_s1(const sk_eval_s1 *in)
{
	if (!in->ada_pertemuan)
		return EVAL_NO_DATA;
	int known = in->tercatat > 0 && in->hadir >= 0;
	if (known && in->pertemuan >= EVAL_S1_MEET_4 &&
	    at_least_pct(in->hadir, in->tercatat, EVAL_S1_HADIR_4))
		return 4;
	if (known && in->pertemuan >= EVAL_S1_MEET_3 &&
	    at_least_pct(in->hadir, in->tercatat, EVAL_S1_HADIR_3))
		return 3;
	return in->pertemuan >= EVAL_S1_MEET_2 ? 2 : 1;
}

int evaluation_propose_s2(const sk_eval_s2 *in)
{
	if (in->pertemuan <= 0 && in->terkumpul == 0 && in->tersalur == 0)
		return EVAL_NO_DATA;
	if (in->terkumpul <= 0)
		return 1;
	int bulan = in->bulan > EVAL_WINDOW_MONTHS ? EVAL_WINDOW_MONTHS : in->bulan;
	if (in->tersalur > 0 && bulan >= EVAL_S2_MONTHS_4)
		return 4;
	if (in->tersalur > 0 && bulan >= EVAL_S2_MONTHS_3)
		return 3;
	return 2;
}

int evaluation_propose_s4(const sk_eval_s4 *in)
{
	if (!in->ada_siklus)
		return EVAL_NO_DATA;
	if (!in->siklus_berjalan)
		return 1;
	if (in->anggota_aktif <= 0 || in->menabung < 0)
		return 2;
	if (in->pinjaman > 0 && at_least_pct(in->menabung, in->anggota_aktif, EVAL_S4_SAVERS_4))
		return 4;
	if (at_least_pct(in->menabung, in->anggota_aktif, EVAL_S4_SAVERS_3))
		return 3;
	return 2;
}

int evaluation_propose_e1(const sk_eval_e1 *in)
{
	if (in->penjualan <= 0 && in->sebelumnya <= 0)
		return EVAL_NO_DATA;
	if (in->penjualan <= 0)
		return 1;
	if (in->sebelumnya <= 0)
		return 3;
	if (at_least_pct(in->penjualan, in->sebelumnya, EVAL_E1_GROWTH_4))
		return 4;
	if (at_least_pct(in->penjualan, in->sebelumnya, EVAL_E1_GROWTH_3))
		return 3;
	return at_least_pct(in->penjualan, in->sebelumnya, EVAL_E1_GROWTH_2) ? 2 : 1;
}

int evaluation_propose_e4(const sk_eval_e4 *in)
{
	if (in->bantuan_uep <= 0)
		return EVAL_NO_DATA;
	int64_t modal;
	if (fx_add(in->saldo_umum, in->pinjaman_uep > 0 ? in->pinjaman_uep : 0, &modal) != 0)
		modal = INT64_MAX; /* only a positive balance this large overflows */
	if (!at_least_pct(modal, in->bantuan_uep, EVAL_E4_CAPITAL_2))
		return 1;
	if (!at_least_pct(modal, in->bantuan_uep, EVAL_E4_CAPITAL_3))
		return 2;
	return in->pinjaman_uep_baru > 0 ? 4 : 3;
}
