/* loan_calc.h - the arithmetic of a KUBE loan (pinjaman.csv, spec/bundle.md format 2): the
 * rate and limit as exact decimals, the schedule (flat or declining, weekly or monthly), what
 * is due and in arrears on a date, days late, the status, the late instalments that raise the
 * fine, and the checks a new loan must pass (limit on savings, cash in the fund), each giving
 * the numbers a clerk's message needs. Pure: no database, no curses, no floating point, no
 * messages (callers word them; docs/simpin.md lists them). Money is int64 rupiah; a rate is
 * an int in hundredths of a percent a month (2 % = 200); a multiple is an int in hundredths
 * (1.5 times = 150). Dates are YYYY-MM-DD, 1900-01-01 .. 2199-12-31 (valid_date). */
#ifndef SK_LOAN_CALC_H
#define SK_LOAN_CALC_H

#include <stddef.h>
#include <stdint.h>

/* jasa_persen_bulan: 0 .. 10 % a month, at most two decimals (hundredths: 0 .. 1000). */
#define LOAN_RATE_MAX 1000
/* batas_pinjaman_kali: at most 1000 times savings (hundredths: 100000). The spec sets no upper
 * bound; this one only keeps the arithmetic finite (docs/simpin.md). */
#define LOAN_LIMIT_MAX 100000
/* jumlah_angsuran: 1 .. 520 (ten years of weekly instalments). The spec says >= 1. */
#define LOAN_MAX_INSTALMENTS 520
/* Portfolio at risk counts principal more than this many days late. */
#define LOAN_PAR_DAYS 30

enum loan_method { LOAN_FLAT = 0, LOAN_MENURUN = 1 };     /* metode_jasa */
enum loan_interval { LOAN_MINGGU = 0, LOAN_BULAN = 1 };   /* jarak_angsuran */
enum loan_status {                                         /* the loans report's status */
	LOAN_BERJALAN = 0, LOAN_LUNAS = 1, LOAN_MENUNGGAK = 2, LOAN_DIHAPUSBUKUKAN = 3
};

/* What the schedule and position functions return. */
enum loan_calc_status {
	LOAN_OK = 0,
	LOAN_E_POKOK,     /* pokok <= 0 */
	LOAN_E_RATE,      /* rate outside 0 .. LOAN_RATE_MAX */
	LOAN_E_METHOD,    /* metode not LOAN_FLAT / LOAN_MENURUN */
	LOAN_E_COUNT,     /* jumlah outside 1 .. LOAN_MAX_INSTALMENTS */
	LOAN_E_INTERVAL,  /* jarak not LOAN_MINGGU / LOAN_BULAN */
	LOAN_E_DATE,      /* tanggal not a real date */
	LOAN_E_FAR,       /* the last due date would fall after 2199-12-31 */
	LOAN_E_OVERFLOW   /* amounts too large for int64 (refused, never wrapped) */
};

/* ---- Words of the bundle ------------------------------------------------------------------ */
/* "flat" -> LOAN_FLAT, "menurun" -> LOAN_MENURUN, else -1. */
int loan_method_parse(const char *s);
/* "minggu" -> LOAN_MINGGU, "bulan" -> LOAN_BULAN, else -1. */
int loan_interval_parse(const char *s);
/* The bundle word of a method, interval or status ("flat", "minggu", "menunggak"); "" for
 * an unknown value. Static strings. */
const char *loan_method_name(int m);
const char *loan_interval_name(int j);
const char *loan_status_name(int s);

/* jasa_persen_bulan as the bundle writes it ("0", "2", "1.5", "0.25", "10"): FX_OK and
 * *hundredths, FX_SYNTAX (empty included: the rate is required) or FX_RANGE (above 10). */
int loan_rate_parse(const char *s, int *hundredths);
/* The same for a typed rate: spaces around and ',' as decimal mark accepted ("1,5"). */
int loan_rate_parse_typed(const char *s, int *hundredths);
/* The rate back in the bundle's form, exact and shortest (150 -> "1.5"). Returns out. */
char *loan_rate_format(int hundredths, char *out, size_t n);

/* batas_pinjaman_kali: empty = no limit (*hundredths = -1, FX_OK); else as loan_rate_parse
 * with the bound LOAN_LIMIT_MAX. 0 is accepted as written (no loan is then possible; the
 * cycle form warns). */
int loan_limit_parse(const char *s, int *hundredths);
/* The same for a typed multiple (spaces, ',' as decimal mark; blank = no limit). */
int loan_limit_parse_typed(const char *s, int *hundredths);
/* The multiple back in the bundle's form; "" for no limit (< 0). Returns out. */
char *loan_limit_format(int hundredths, char *out, size_t n);

/* ---- Dates ------------------------------------------------------------------------------- */
/* Due date of instalment k (k >= 0; 0 gives tanggal itself) into out: weekly, tanggal + 7k
 * days; monthly, the same day k months later, or that month's last day when it is shorter
 * (a loan of 31 January is due 28/29 February, 31 March, 30 April, ...: always counted from
 * tanggal, so the day never drifts). Returns 0, or -1 when tanggal is not a real date, jarak
 * is unknown, k < 0, or the result falls after 2199-12-31. */
int loan_due_date(const char *tanggal, int jarak, int k, char out[11]);
/* Days from date a to date b (b - a; negative when b is earlier). Both must be real dates
 * (valid_date); otherwise 0. */
int loan_days_between(const char *a, const char *b);

/* ---- The schedule ------------------------------------------------------------------------ */
/* The terms of a loan, as pinjaman.csv holds them. */
typedef struct sk_loan_terms {
	char tanggal[11];   /* the day the loan was paid out */
	int64_t pokok;      /* principal, > 0 */
	int rate;           /* jasa_persen_bulan in hundredths of a percent, 0 .. LOAN_RATE_MAX */
	int metode;         /* enum loan_method */
	int jumlah;         /* jumlah_angsuran, 1 .. LOAN_MAX_INSTALMENTS */
	int jarak;          /* enum loan_interval */
} sk_loan_terms;

/* One instalment of the schedule. */
typedef struct sk_instalment {
	char jatuh_tempo[11];  /* due date */
	int64_t pokok;         /* principal of this instalment */
	int64_t jasa;          /* service charge of this instalment */
	int64_t jumlah;        /* pokok + jasa */
	int64_t sisa_pokok;    /* principal still owed after it is paid */
} sk_instalment;

/* A whole schedule (about 25 KB: callers keep one and reuse it). */
typedef struct sk_loan_schedule {
	int n;                 /* instalments (= terms.jumlah) */
	int64_t pokok;         /* the loan's principal (sum of the instalments' pokok) */
	int64_t jasa;          /* service charge in all */
	int64_t jumlah;        /* pokok + jasa */
	sk_instalment at[LOAN_MAX_INSTALMENTS]; /* at[0] is instalment 1 */
} sk_loan_schedule;

/* The schedule of t into out, by spec/bundle.md. A month is 4 weeks, so an interval is 1/4
 * month (weekly) or 1 month (monthly). Principal per instalment = floor(pokok / jumlah), the
 * last takes what is left. Service: flat, in all floor(pokok x rate x months), months =
 * jumlah x interval; declining (menurun), instalment k's = balance still owed before it (by
 * the schedule) x rate x interval; in both, every instalment but the last is rounded down and
 * the last takes the rest of the total rounded down once. First due date one interval after
 * tanggal (loan_due_date). Returns LOAN_OK or the first enum loan_calc_status that applies
 * (out->n is 0 then). Example: 300.000 at 2 % flat, 12 weekly: 12 x (25.000 + 1.500). */
int loan_schedule(const sk_loan_terms *t, sk_loan_schedule *out);

/* What the schedule makes due on or before a date. */
typedef struct sk_loan_due {
	int count;           /* instalments due on or before the date */
	int64_t pokok, jasa; /* their principal and service */
} sk_loan_due;
/* Sum the instalments of s due on or before date (YYYY-MM-DD, compared as text). */
void loan_due_by(const sk_loan_schedule *s, const char *date, sk_loan_due *out);

/* ---- Repayments, arrears, status ----------------------------------------------------------- */
/* One repayment (angsuran.csv) as it counts: a reversal row (membalik_id set) is passed with
 * negated amounts, so the pair nets to zero from the reversal's date on. */
typedef struct sk_repayment {
	char tanggal[11];
	int64_t pokok, jasa;
} sk_repayment;

/* A loan on a date. */
typedef struct sk_loan_position {
	int due_count;                 /* instalments due on or before the date */
	int64_t due_pokok, due_jasa;   /* owed by then (see loan_position for the service) */
	int64_t paid_pokok, paid_jasa; /* repaid on or before the date */
	int64_t sisa_pokok;            /* pokok - paid_pokok, never below 0 */
	int64_t tunggakan_pokok;       /* max(0, due_pokok - paid_pokok) */
	int64_t tunggakan_jasa;        /* max(0, due_jasa - paid_jasa) */
	int64_t tunggakan;             /* the two together: the loans report's tunggakan */
	char tertua[11];               /* due date of the oldest instalment not fully paid, "" */
	int hari_terlambat;            /* date - tertua in days; 0 when nothing is in arrears */
	int status;                    /* enum loan_status */
} sk_loan_position;

/* Position of the loan with schedule s on date, from its repayments r[0..n) (any order; those
 * dated after date are ignored). An instalment is fully paid when the principal and the
 * service repaid cover the schedule up to and including it. Service owed: that of the
 * instalments due by date, except that once the principal is repaid in full the service of
 * instalments falling due after the last repayment (on or before date) is not owed: paying
 * early saves the service still to come. written_off is the loan's dihapusbukukan_pada (NULL
 * or "" = not written off). Status: dihapusbukukan when written off on or before date (the
 * figures are still filled in); else lunas when sisa_pokok and tunggakan_jasa are 0; else
 * menunggak when tunggakan > 0; else berjalan. Returns LOAN_OK, LOAN_E_DATE (date not a
 * real date) or LOAN_E_OVERFLOW (sums of hostile repayments). */
int loan_position(const sk_loan_schedule *s, const sk_repayment *r, int n, const char *date,
		  const char *written_off, sk_loan_position *out);

/* Instalments of s that repayment r completes after their due date: those due before
 * r->tanggal that were not fully paid by the repayments before r (paid_pokok, paid_jasa: their
 * net sums) and are fully paid with r. Each raises one late fine (denda_terlambat); an
 * instalment paid in parts is fined once, by the part that completes it. */
int loan_late_instalments(const sk_loan_schedule *s, int64_t paid_pokok, int64_t paid_jasa,
			  const sk_repayment *r);

/* ---- Checks of a new loan ------------------------------------------------------------------ */
/* The limit check's numbers. */
typedef struct sk_loan_limit {
	int64_t pokok;     /* the loan asked for */
	int64_t simpanan;  /* the borrower's savings on the loan's date (all kinds, this cycle) */
	int kali;          /* batas_pinjaman_kali in hundredths; -1 = no limit */
	int64_t batas;     /* floor(kali x simpanan), INT64_MAX when no limit */
	int64_t lebih;     /* pokok - batas when above, else 0 */
} sk_loan_limit;
/* 1 when pokok is within kali (hundredths, < 0 = no limit) times simpanan, 0 when above; out
 * gets the numbers either way ("Pinjaman Rp 700.000 melebihi batas Rp 600.000 (2 x simpanan
 * Rp 300.000)"). A negative simpanan counts as 0. */
int loan_limit_check(int64_t pokok, int64_t simpanan, int kali, sk_loan_limit *out);

/* 1 when the book's balance saldo (on the loan's date) covers pokok; else 0 and *kurang =
 * the shortfall (pokok - saldo, INT64_MAX when that overflows). *kurang is 0 when covered. */
int loan_cash_check(int64_t pokok, int64_t saldo, int64_t *kurang);

/* Portfolio at risk in tenths of a percent (0 .. 1000, rounded half up): at_risk (principal
 * still owed on loans more than LOAN_PAR_DAYS days late) of outstanding (all principal still
 * owed). -1 when outstanding <= 0 or at_risk < 0; 1000 when at_risk exceeds it. */
int loan_par_permille(int64_t at_risk, int64_t outstanding);

#endif
