/* test_evaluation_calc.c - score and level of the development assessment at every edge, the
 * quartiles Qk = k(n+1)/4 (n < 4, ties, boundaries), and each proposal at its thresholds
 * (evaluation_calc.h). */
#include <stdint.h>
#include "evaluation_calc.h"
#include "testlib.h"

static void test_score_level(void)
{
	int v[EVAL_INDICATORS] = { 1, 1, 1, 1, 1, 1, 1, 1 };
	CHECK(evaluation_score(v) == 8, "all 1: 8");
	for (int i = 0; i < EVAL_INDICATORS; i++)
		v[i] = 4;
	CHECK(evaluation_score(v) == 32, "all 4: 32");
	v[3] = 0;
	CHECK(evaluation_score(v) == -1, "an indicator 0 refused");
	v[3] = 5;
	CHECK(evaluation_score(v) == -1, "an indicator 5 refused");
	v[3] = -4;
	CHECK(evaluation_score(v) == -1, "a negative indicator refused");

	static const struct { int skor, level; const char *name; } edge[] = {
		{ 7, -1, NULL }, { 8, 0, "tumbuh" }, { 15, 0, "tumbuh" }, { 16, 1, "berkembang" },
		{ 22, 1, "berkembang" }, { 23, 2, "maju" }, { 28, 2, "maju" }, { 29, 3, "mandiri" },
		{ 32, 3, "mandiri" }, { 33, -1, NULL }, { -2147483647 - 1, -1, NULL },
	};
	for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++) {
		const char *n = evaluation_level_name(edge[i].skor);
		char name[64];
		snprintf(name, sizeof name, "level of score %d", edge[i].skor);
		CHECK(evaluation_level(edge[i].skor) == edge[i].level &&
		      (edge[i].name ? n && !strcmp(n, edge[i].name) : n == NULL), name);
	}
	CHECK_STR(EVAL_FIELDS[0], "s1", "first field s1");
	CHECK_STR(EVAL_FIELDS[7], "e4", "last field e4");
}

/* Quartile of each of skor[0..n) into out. */
static void place(const int *skor, int n, int *out)
{
	sk_quartiles q;
	evaluation_quartiles(skor, n, &q);
	for (int i = 0; i < n; i++)
		out[i] = evaluation_quartile(&q, skor[i]);
}

static void test_quartiles(void)
{
	sk_quartiles q;
	int k[16];
	CHECK(evaluation_quartiles(NULL, 0, &q) == -1 && q.n == 0, "no scores");
	CHECK(evaluation_quartile(&q, 20) == 0, "an empty set places nobody");
	int bad[2] = { 20, 7 };
	CHECK(evaluation_quartiles(bad, 2, &q) == -1 && q.n == 0, "a score below 8 refused");
	bad[1] = 33;
	CHECK(evaluation_quartiles(bad, 2, &q) == -1, "a score above 32 refused");

	int one[1] = { 20 };
	CHECK(evaluation_quartiles(one, 1, &q) == 0 && q.q4[0] == 80 && q.q4[1] == 80 && q.q4[2] == 80,
	      "n=1: every boundary is the score");
	place(one, 1, k);
	CHECK(k[0] == 1, "n=1: the group is in quartile 1 (equal to every boundary)");

	int two[2] = { 30, 10 };
	CHECK(evaluation_quartiles(two, 2, &q) == 0 && q.q4[0] == 40 && q.q4[1] == 80 && q.q4[2] == 120,
	      "n=2: Q1 at position 0.75 -> lowest, Q2 halfway (20), Q3 at 2.25 -> highest");
	place(two, 2, k);
	CHECK(k[0] == 3 && k[1] == 1, "n=2: places 1 and 3");

	int three[3] = { 20, 10, 30 };
	CHECK(evaluation_quartiles(three, 3, &q) == 0 && q.q4[0] == 40 && q.q4[1] == 80 && q.q4[2] == 120,
	      "n=3: positions 1, 2, 3 fall on the scores");
	place(three, 3, k);
	CHECK(k[0] == 2 && k[1] == 1 && k[2] == 3, "n=3: places 1, 2, 3");

	int four[4] = { 8, 12, 20, 32 };
	CHECK(evaluation_quartiles(four, 4, &q) == 0 && q.q4[0] == 36 && q.q4[1] == 64 && q.q4[2] == 116,
	      "n=4: Q1 = 8 + 1/4 x 4 = 9, Q2 = 16, Q3 = 20 + 3/4 x 12 = 29");
	place(four, 4, k);
	CHECK(k[0] == 1 && k[1] == 2 && k[2] == 3 && k[3] == 4, "n=4: one group per quartile");

	int seven[7] = { 24, 8, 16, 30, 10, 20, 12 };
	CHECK(evaluation_quartiles(seven, 7, &q) == 0 && q.q4[0] == 40 && q.q4[1] == 64 && q.q4[2] == 96,
	      "n=7: Q1, Q2, Q3 are the 2nd, 4th and 6th scores (10, 16, 24)");
	CHECK(evaluation_quartile(&q, 10) == 1 && evaluation_quartile(&q, 11) == 2,
	      "a score equal to Q1 is in quartile 1, one above in 2");
	CHECK(evaluation_quartile(&q, 16) == 2 && evaluation_quartile(&q, 17) == 3, "Q2 edge");
	CHECK(evaluation_quartile(&q, 24) == 3 && evaluation_quartile(&q, 25) == 4, "Q3 edge");
	CHECK(evaluation_quartile(&q, 8) == 1 && evaluation_quartile(&q, 32) == 4, "the ends");

	int ties[8] = { 8, 8, 28, 8, 20, 8, 24, 8 };
	CHECK(evaluation_quartiles(ties, 8, &q) == 0 && q.q4[0] == 32 && q.q4[1] == 32 && q.q4[2] == 92,
	      "ties: Q1 = Q2 = 8, Q3 = 20 + 3/4 x 4 = 23");
	place(ties, 8, k);
	CHECK(k[0] == 1 && k[1] == 1 && k[3] == 1 && k[5] == 1 && k[7] == 1 && k[4] == 3 && k[6] == 4 &&
	      k[2] == 4, "five failed groups tied at 8 all in quartile 1; 20 in 3; 24 and 28 in 4");

	int same[5] = { 16, 16, 16, 16, 16 };
	place(same, 5, k);
	CHECK(k[0] == 1 && k[4] == 1, "all equal: all in one quartile (1)");

	int frac[5] = { 8, 9, 10, 11, 13 };
	/* positions 1.5, 3, 4.5: Q1 = 8.5, Q2 = 10, Q3 = 12 */
	CHECK(evaluation_quartiles(frac, 5, &q) == 0 && q.q4[0] == 34 && q.q4[1] == 40 && q.q4[2] == 48,
	      "n=5: halfway boundaries kept exactly (x4)");
	place(frac, 5, k);
	CHECK(k[0] == 1 && k[1] == 2 && k[2] == 2 && k[3] == 3 && k[4] == 4, "n=5 places");

	int rev[5] = { 13, 11, 10, 9, 8 };
	sk_quartiles q2;
	evaluation_quartiles(frac, 5, &q);
	evaluation_quartiles(rev, 5, &q2);
	CHECK(q.q4[0] == q2.q4[0] && q.q4[1] == q2.q4[1] && q.q4[2] == q2.q4[2],
	      "the order of the input does not matter");

	static int many[100001];
	for (int i = 0; i < 100001; i++)
		many[i] = 8 + i % 25;
	CHECK(evaluation_quartiles(many, 100001, &q) == 0 && q.n == 100001 && q.q4[0] <= q.q4[1] &&
	      q.q4[1] <= q.q4[2] && q.q4[1] == 4 * 20, "100.001 groups: boundaries in order, median 20");
}

static void test_s1(void)
{
	sk_eval_s1 in = { 0, 0, 0, 0 };
	CHECK(evaluation_propose_s1(&in) == EVAL_NO_DATA, "s1: no meeting ever recorded: no data");
	in = (sk_eval_s1){ 1, 10, 80, 100 };
	CHECK(evaluation_propose_s1(&in) == 4, "s1: 10 meetings, 80 % present: 4");
	in = (sk_eval_s1){ 1, 12, 79, 100 };
	CHECK(evaluation_propose_s1(&in) == 3, "s1: 79 % present: 3");
	in = (sk_eval_s1){ 1, 9, 100, 100 };
	CHECK(evaluation_propose_s1(&in) == 3, "s1: 9 meetings: 3");
	in = (sk_eval_s1){ 1, 6, 60, 100 };
	CHECK(evaluation_propose_s1(&in) == 3, "s1: 6 meetings, 60 %: 3");
	in = (sk_eval_s1){ 1, 6, 59, 100 };
	CHECK(evaluation_propose_s1(&in) == 2, "s1: 6 meetings, 59 %: 2");
	in = (sk_eval_s1){ 1, 5, 50, 50 };
	CHECK(evaluation_propose_s1(&in) == 2, "s1: 5 meetings, all present: 2");
	in = (sk_eval_s1){ 1, 3, 0, 30 };
	CHECK(evaluation_propose_s1(&in) == 2, "s1: 3 meetings: 2");
	in = (sk_eval_s1){ 1, 2, 20, 20 };
	CHECK(evaluation_propose_s1(&in) == 1, "s1: 2 meetings: 1");
	in = (sk_eval_s1){ 1, 0, 0, 0 };
	CHECK(evaluation_propose_s1(&in) == 1, "s1: none in 12 weeks: 1 (a gagal candidate)");
	in = (sk_eval_s1){ 1, 12, 0, 0 };
	CHECK(evaluation_propose_s1(&in) == 2, "s1: attendance unknown: at most 2");
	in = (sk_eval_s1){ 1, 12, INT64_MAX, INT64_MAX };
	CHECK(evaluation_propose_s1(&in) == 4, "s1: huge counts compared exactly");
	in = (sk_eval_s1){ 1, 12, -5, 100 };
	CHECK(evaluation_propose_s1(&in) == 2, "s1: a negative count is not attendance");
}

static void test_s2(void)
{
	sk_eval_s2 in = { 0, 0, 0, 0 };
	CHECK(evaluation_propose_s2(&in) == EVAL_NO_DATA, "s2: no meetings, no IKS: no data");
	in = (sk_eval_s2){ 20, 0, 0, 0 };
	CHECK(evaluation_propose_s2(&in) == 1, "s2: meetings but no IKS collected: 1");
	in = (sk_eval_s2){ 20, 0, 50000, 0 };
	CHECK(evaluation_propose_s2(&in) == 1, "s2: paid out but nothing collected: 1");
	in = (sk_eval_s2){ 20, 60000, 0, 6 };
	CHECK(evaluation_propose_s2(&in) == 2, "s2: collected every month, never used: 2");
	in = (sk_eval_s2){ 20, 60000, 25000, 5 };
	CHECK(evaluation_propose_s2(&in) == 4, "s2: 5 of 6 months and used: 4");
	in = (sk_eval_s2){ 20, 60000, 25000, 4 };
	CHECK(evaluation_propose_s2(&in) == 3, "s2: 4 months and used: 3");
	in = (sk_eval_s2){ 20, 60000, 25000, 3 };
	CHECK(evaluation_propose_s2(&in) == 3, "s2: 3 months and used: 3");
	in = (sk_eval_s2){ 20, 60000, 25000, 2 };
	CHECK(evaluation_propose_s2(&in) == 2, "s2: 2 months: 2");
	in = (sk_eval_s2){ 20, 60000, 25000, 7 };
	CHECK(evaluation_propose_s2(&in) == 4, "s2: 7 calendar months touched count as 6");
	in = (sk_eval_s2){ 0, 6000, 1000, 6 };
	CHECK(evaluation_propose_s2(&in) == 4, "s2: IKS rows without meetings are data");
}

static void test_s4(void)
{
	sk_eval_s4 in = { 0, 0, 10, 0, 0 };
	CHECK(evaluation_propose_s4(&in) == EVAL_NO_DATA, "s4: never a cycle: no data");
	in = (sk_eval_s4){ 1, 0, 10, 10, 5 };
	CHECK(evaluation_propose_s4(&in) == 1, "s4: no cycle open now: 1");
	in = (sk_eval_s4){ 1, 1, 10, 8, 1 };
	CHECK(evaluation_propose_s4(&in) == 4, "s4: 80 % saving and a loan: 4");
	in = (sk_eval_s4){ 1, 1, 10, 8, 0 };
	CHECK(evaluation_propose_s4(&in) == 3, "s4: 80 % saving, no loan: 3");
	in = (sk_eval_s4){ 1, 1, 10, 7, 3 };
	CHECK(evaluation_propose_s4(&in) == 3, "s4: 70 % and loans: 3");
	in = (sk_eval_s4){ 1, 1, 10, 5, 0 };
	CHECK(evaluation_propose_s4(&in) == 3, "s4: 50 %: 3");
	in = (sk_eval_s4){ 1, 1, 10, 4, 2 };
	CHECK(evaluation_propose_s4(&in) == 2, "s4: 40 %: 2");
	in = (sk_eval_s4){ 1, 1, 0, 0, 0 };
	CHECK(evaluation_propose_s4(&in) == 2, "s4: open cycle, no active member: 2");
	in = (sk_eval_s4){ 1, 1, 3, 2, 1 };
	CHECK(evaluation_propose_s4(&in) == 3, "s4: 2 of 3 (66,7 %): 3");
}

static void test_e1(void)
{
	sk_eval_e1 in = { 0, 0 };
	CHECK(evaluation_propose_e1(&in) == EVAL_NO_DATA, "e1: no sales either period: no data");
	in = (sk_eval_e1){ 0, 100000 };
	CHECK(evaluation_propose_e1(&in) == 1, "e1: sales stopped: 1");
	in = (sk_eval_e1){ 100000, 0 };
	CHECK(evaluation_propose_e1(&in) == 3, "e1: sales where there were none: 3");
	in = (sk_eval_e1){ 1200000, 1000000 };
	CHECK(evaluation_propose_e1(&in) == 4, "e1: 120 %: 4");
	in = (sk_eval_e1){ 1199999, 1000000 };
	CHECK(evaluation_propose_e1(&in) == 3, "e1: just under 120 %: 3");
	in = (sk_eval_e1){ 1050000, 1000000 };
	CHECK(evaluation_propose_e1(&in) == 3, "e1: 105 %: 3");
	in = (sk_eval_e1){ 1049999, 1000000 };
	CHECK(evaluation_propose_e1(&in) == 2, "e1: just under 105 %: 2");
	in = (sk_eval_e1){ 900000, 1000000 };
	CHECK(evaluation_propose_e1(&in) == 2, "e1: 90 %: 2");
	in = (sk_eval_e1){ 899999, 1000000 };
	CHECK(evaluation_propose_e1(&in) == 1, "e1: under 90 %: 1");
	in = (sk_eval_e1){ INT64_MAX, INT64_MAX / 2 };
	CHECK(evaluation_propose_e1(&in) == 4, "e1: huge sales compared without overflow");
	in = (sk_eval_e1){ -500, -100 };
	CHECK(evaluation_propose_e1(&in) == EVAL_NO_DATA, "e1: net negative sales (reversals) = none");
}

static void test_e4(void)
{
	sk_eval_e4 in = { 0, 5000000, 0, 0 };
	CHECK(evaluation_propose_e4(&in) == EVAL_NO_DATA, "e4: no UEP aid: no data");
	in = (sk_eval_e4){ 20000000, 9999999, 0, 3 };
	CHECK(evaluation_propose_e4(&in) == 1, "e4: under half the aid left: 1");
	in = (sk_eval_e4){ 20000000, 10000000, 0, 0 };
	CHECK(evaluation_propose_e4(&in) == 2, "e4: half the aid: 2");
	in = (sk_eval_e4){ 20000000, 19999999, 0, 2 };
	CHECK(evaluation_propose_e4(&in) == 2, "e4: just under the aid: 2");
	in = (sk_eval_e4){ 20000000, 20000000, 0, 0 };
	CHECK(evaluation_propose_e4(&in) == 3, "e4: the aid kept, not lent: 3");
	in = (sk_eval_e4){ 20000000, 20000000, 0, 1 };
	CHECK(evaluation_propose_e4(&in) == 4, "e4: the aid kept and rolled on: 4");
	in = (sk_eval_e4){ 20000000, 5000000, 15000000, 4 };
	CHECK(evaluation_propose_e4(&in) == 4, "e4: capital lent out still counts: 4");
	in = (sk_eval_e4){ 20000000, -100, 0, 0 };
	CHECK(evaluation_propose_e4(&in) == 1, "e4: a negative book: 1");
	in = (sk_eval_e4){ 1, INT64_MAX, INT64_MAX, 1 };
	CHECK(evaluation_propose_e4(&in) == 4, "e4: huge capital saturates, no overflow");
	in = (sk_eval_e4){ INT64_MAX, INT64_MAX, 0, 0 };
	CHECK(evaluation_propose_e4(&in) == 3, "e4: huge aid compared exactly");
}

int main(void)
{
	test_score_level();
	test_quartiles();
	test_s1();
	test_s2();
	test_s4();
	test_e1();
	test_e4();
	return testlib_summary();
}
