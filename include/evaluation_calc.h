/* evaluation_calc.h - the arithmetic of a group's development assessment (evaluasi.csv,
 * spec/bundle.md format 2; report levels, spec/cli.md): the score and level, the quartiles
 * Qk = k(n+1)/4 of the P2FM-KUBE evaluation, and the scores SIKUBE proposes for s1, s2, s4, e1
 * and e4 from its own records. Pure: callers query the figures (docs/evaluasi.md gives each
 * query) and word the messages. Every threshold is defined here, in one place, and explained
 * in docs/evaluasi.md (the F1 text). */
#ifndef SK_EVALUATION_CALC_H
#define SK_EVALUATION_CALC_H

#include <stdint.h>

#define EVAL_INDICATORS 8   /* s1 s2 s3 s4 e1 e2 e3 e4, each 1-4 */
#define EVAL_SCORE_MIN 8
#define EVAL_SCORE_MAX 32
#define EVAL_NO_DATA 0      /* a proposal with nothing to go by: the indicator stays unproposed */

/* ---- Thresholds of the proposals (docs/evaluasi.md, "Proposals") ------------------------- */
/* s1, members meet of their own accord: meetings in the last 12 weeks and attendance (H). */
#define EVAL_WINDOW_WEEKS 12
#define EVAL_S1_MEET_4 10    /* 4: at least 10 meetings ...             */
#define EVAL_S1_HADIR_4 80   /*    ... and at least 80 % present          */
#define EVAL_S1_MEET_3 6     /* 3: at least 6 meetings (fortnightly) ...  */
#define EVAL_S1_HADIR_3 60   /*    ... and at least 60 % present          */
#define EVAL_S1_MEET_2 3     /* 2: at least 3 meetings (monthly); 1 below */
/* s2, IKS collected and used, in the last 6 months. */
#define EVAL_WINDOW_MONTHS 6
#define EVAL_S2_MONTHS_4 5   /* 4: collected in at least 5 of the 6 months, and paid out */
#define EVAL_S2_MONTHS_3 3   /* 3: collected in at least 3 of the 6 months, and paid out */
			     /* 2: collected, but less often or never paid out; 1: nothing */
/* s4, embryo cooperative: a running cycle and the share of members saving (12 weeks). */
#define EVAL_S4_SAVERS_4 80  /* 4: open cycle, >= 80 % of active members saving, a loan made */
#define EVAL_S4_SAVERS_3 50  /* 3: open cycle, >= 50 % saving; 2: open cycle; 1: none open */
/* e1, the business grows: sales of the last 6 months against the 6 months before, percent. */
#define EVAL_E1_GROWTH_4 120 /* 4: >= 120 % of before */
#define EVAL_E1_GROWTH_3 105 /* 3: >= 105 % (or sales where there were none before) */
#define EVAL_E1_GROWTH_2 90  /* 2: >= 90 %; 1: below 90 % or no sales now */
/* e4, capital revolved: general book balance + UEP loans still owed against the UEP aid. */
#define EVAL_E4_CAPITAL_3 100 /* 3: capital >= 100 % of the aid; 4: and a UEP loan in 12 months */
#define EVAL_E4_CAPITAL_2 50  /* 2: >= 50 %; 1: below */
#define EVAL_E4_LOAN_MONTHS 12

/* ---- Score, level, quartiles ---------------------------------------------------------- */
/* The bundle names of the indicators in column order: "s1" ... "e4". */
extern const char *const EVAL_FIELDS[EVAL_INDICATORS];

/* Sum of v[0..8) (s1..e4), 8-32; -1 when any is outside 1-4. */
int evaluation_score(const int v[EVAL_INDICATORS]);
/* Level of a score: 8-15 tumbuh (0), 16-22 berkembang (1), 23-28 maju (2), 29-32 mandiri
 * (3), the order of TINGKAT_VALUES; -1 outside 8-32. */
int evaluation_level(int skor);
/* The level's bundle word ("tumbuh" ...), NULL outside 8-32. Static string. */
const char *evaluation_level_name(int skor);

/* The three quartile boundaries of a set of scores, each times 4 (exact: a boundary is a
 * score or lies a quarter, half or three quarters between two). */
typedef struct sk_quartiles {
	int n;      /* scores in the set */
	int q4[3];  /* 4 x Q1, 4 x Q2, 4 x Q3 */
} sk_quartiles;
/* Boundaries of skor[0..n) (any order, each 8-32, n >= 1): Qk is the value at position
 * k(n+1)/4 of the sorted scores (1-based), interpolated linearly between the two scores
 * around a fractional position; a position below 1 takes the lowest score, one above n the
 * highest (so with n < 4 the boundaries fall on the scores themselves). Returns 0, or -1
 * when n < 1 or a score is outside 8-32 (out->n is 0 then). */
int evaluation_quartiles(const int *skor, int n, sk_quartiles *out);
/* The quartile 1-4 of skor in q: 1 when skor <= Q1, 2 when <= Q2, 3 when <= Q3, else 4. A
 * score equal to a boundary is placed in the lower quartile, and equal scores always share a
 * quartile (it depends on the score alone). 0 when q is empty. */
int evaluation_quartile(const sk_quartiles *q, int skor);

/* ---- Proposals: each returns 1-4, or EVAL_NO_DATA ------------------------------------- */
/* s1 from the meetings of the 12 weeks up to the assessment date. */
typedef struct sk_eval_s1 {
	int ada_pertemuan;   /* the group has any meeting recorded, ever (0: no data) */
	int pertemuan;       /* meetings in the 12 weeks */
	int64_t hadir;       /* attendance rows with status H in those meetings */
	int64_t tercatat;    /* attendance rows of those meetings (H, I, S, A); 0 = unknown */
} sk_eval_s1;
/* No data without any meeting ever. With the attendance unknown, at most 2. */
int evaluation_propose_s1(const sk_eval_s1 *in);

/* s2 from the IKS book of the 6 months up to the assessment date. */
typedef struct sk_eval_s2 {
	int pertemuan;       /* meetings in the 6 months */
	int64_t terkumpul;   /* IKS dues received (book iks, kategori iuran_iks), net of reversals */
	int64_t tersalur;    /* paid out of the IKS book, net of reversals */
	int bulan;           /* calendar months in the window with IKS dues received (counted as
			      * at most 6) */
} sk_eval_s2;
/* No data when there were no meetings and no IKS movement in the window. */
int evaluation_propose_s2(const sk_eval_s2 *in);

/* s4 from the savings-and-loans records. */
typedef struct sk_eval_s4 {
	int ada_siklus;       /* the group ever had a cycle (0: no data) */
	int siklus_berjalan;  /* a cycle is open on the assessment date */
	int anggota_aktif;    /* active members on the date */
	int menabung;         /* of them, with a deposit in the open cycle in the last 12 weeks */
	int pinjaman;         /* loans made in the open cycle (not deleted) */
} sk_eval_s4;
int evaluation_propose_s4(const sk_eval_s4 *in);

/* e1 from sales (book umum, kategori penjualan, net of reversals). */
typedef struct sk_eval_e1 {
	int64_t penjualan;    /* the 6 months up to the assessment date */
	int64_t sebelumnya;   /* the 6 months before those */
} sk_eval_e1;
/* No data when neither period had sales. Sales where there were none before: 3. */
int evaluation_propose_e1(const sk_eval_e1 *in);

/* e4 from the general book and UEP loans. */
typedef struct sk_eval_e4 {
	int64_t bantuan_uep;     /* kelompok.bantuan_uep (0: no aid, no data) */
	int64_t saldo_umum;      /* the general book's balance on the assessment date */
	int64_t pinjaman_uep;    /* principal still owed on loans from UEP capital (not written off) */
	int pinjaman_uep_baru;   /* loans from UEP capital made in the 12 months up to the date */
} sk_eval_e4;
/* Capital = saldo_umum + pinjaman_uep, compared with bantuan_uep. */
int evaluation_propose_e4(const sk_eval_e4 *in);

#endif
