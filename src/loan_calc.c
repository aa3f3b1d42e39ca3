/* loan_calc.c - a loan's schedule, position on a date and the checks of a new loan, in
 * integers (rupiah, hundredths of a percent), refusing values that would overflow. */
#include <string.h>
#include "fixmath.h"
#include "loan_calc.h"
#include "util.h"
#include "validate.h"

/* ---- Words ---------------------------------------------------------------------------------- */

static const char *const METHODS[] = { "flat", "menurun" };
static const char *const INTERVALS[] = { "minggu", "bulan" };
static const char *const STATUSES[] = { "berjalan", "lunas", "menunggak", "dihapusbukukan" };

static int word_index(const char *s, const char *const *list, int n)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

int loan_method_parse(const char *s) { return word_index(s, METHODS, 2); }
int loan_interval_parse(const char *s) { return word_index(s, INTERVALS, 2); }
const char *loan_method_name(int m) { return m >= 0 && m < 2 ? METHODS[m] : ""; }
const char *loan_interval_name(int j) { return j >= 0 && j < 2 ? INTERVALS[j] : ""; }
const char *loan_status_name(int s) { return s >= 0 && s < 4 ? STATUSES[s] : ""; }

/* A two-place decimal up to max into an int. */
static int parse_small(int typed, const char *s, int max, int *out)
{
	int64_t v;
	int rc = typed ? fx_parse2_typed(s, max, &v) : fx_parse2(s, max, &v);
	if (rc == FX_OK)
		*out = (int)v;
	return rc;
}

int loan_rate_parse(const char *s, int *hundredths)
{
	return parse_small(0, s, LOAN_RATE_MAX, hundredths);
}

int loan_rate_parse_typed(const char *s, int *hundredths)
{
	return parse_small(1, s, LOAN_RATE_MAX, hundredths);
}

char *loan_rate_format(int hundredths, char *out, size_t n)
{
	return fx_format2(hundredths, '.', out, n);
}

/* Blank (after trimming, when typed) is no limit. */
static int limit_parse(int typed, const char *s, int *hundredths)
{
	const char *p = s ? s : "";
	while (typed && (*p == ' ' || *p == '\t'))
		p++;
	if (!*p) {
		*hundredths = -1;
		return FX_OK;
	}
	return parse_small(typed, s, LOAN_LIMIT_MAX, hundredths);
}

int loan_limit_parse(const char *s, int *hundredths) { return limit_parse(0, s, hundredths); }
int loan_limit_parse_typed(const char *s, int *hundredths) { return limit_parse(1, s, hundredths); }

char *loan_limit_format(int hundredths, char *out, size_t n)
{
	if (hundredths < 0) {
		if (n)
			*out = '\0';
		return out;
	}
	return fx_format2(hundredths, '.', out, n);
}

/* ---- Dates ---------------------------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Year, month, day of a real date; 0 when s is not one. Digits by hand: a report computes
 * tens of thousands of schedules, and sscanf would be most of their cost. */
static int split_date(const char *s, int *y, int *m, int *d)
{
	if (!valid_date(s))
		return 0;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	*d = (s[8] - '0') * 10 + (s[9] - '0');
	return 1;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

/* Write y-m-d; 0 when after 2199-12-31 (or before 1900: never, dates only move forward). */
static int put_date(int y, int m, int d, char out[11])
{
	if (y > 2199 || y < 1900)
		return 0;
	const int v[] = { y / 1000, y / 100 % 10, y / 10 % 10, y % 10, -1, m / 10, m % 10, -1,
			  d / 10, d % 10 };
	for (int i = 0; i < 10; i++)
		out[i] = v[i] < 0 ? '-' : (char)('0' + v[i]);
	out[10] = '\0';
	return 1;
}

/* Due date k intervals after y-m-d (a real date) into out; 0, or -1 after 2199. */
static int due_from(int y, int m, int d, int jarak, int k, char out[11])
{
	if (jarak == LOAN_MINGGU) {
		civil_from_days(days_from_civil(y, m, d) + 7L * k, &y, &m, &d);
		return put_date(y, m, d, out) ? 0 : -1;
	}
	long months = (long)y * 12 + (m - 1) + k;
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	int last = days_in_month(y, m);
	return put_date(y, m, d > last ? last : d, out) ? 0 : -1;
}

int loan_due_date(const char *tanggal, int jarak, int k, char out[11])
{
	int y, m, d;
	if (k < 0 || k > 100000 || (jarak != LOAN_MINGGU && jarak != LOAN_BULAN) ||
	    !split_date(tanggal, &y, &m, &d))
		return -1;
	return due_from(y, m, d, jarak, k, out);
}

int loan_days_between(const char *a, const char *b)
{
	int ya, ma, da, yb, mb, db;
	if (!split_date(a, &ya, &ma, &da) || !split_date(b, &yb, &mb, &db))
		return 0;
	return (int)(days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da));
}

/* ---- Schedule ------------------------------------------------------------------------------- */

static int check_terms(const sk_loan_terms *t)
{
	if (t->pokok <= 0)
		return LOAN_E_POKOK;
	if (t->rate < 0 || t->rate > LOAN_RATE_MAX)
		return LOAN_E_RATE;
	if (t->metode != LOAN_FLAT && t->metode != LOAN_MENURUN)
		return LOAN_E_METHOD;
	if (t->jumlah < 1 || t->jumlah > LOAN_MAX_INSTALMENTS)
		return LOAN_E_COUNT;
	if (t->jarak != LOAN_MINGGU && t->jarak != LOAN_BULAN)
		return LOAN_E_INTERVAL;
	if (!valid_date(t->tanggal))
		return LOAN_E_DATE;
	return LOAN_OK;
}

/* Service charges into out->at[].jasa and out->jasa. rate x interval in months is
 * rate / per: per = 10000 (hundredths of a percent a month, monthly) or 40000 (weekly: a
 * month is 4 weeks). */
static int service(const sk_loan_terms *t, int64_t pp, sk_loan_schedule *out)
{
	int64_t per = t->jarak == LOAN_MINGGU ? 40000 : 10000, total, sum = 0;
	int n = t->jumlah;
	if (t->metode == LOAN_FLAT) {
		/* pokok x rate x (n intervals) / per: n x rate <= 520000, no overflow before muldiv. */
		if (fx_muldiv(t->pokok, (int64_t)t->rate * n, per, &total) != 0)
			return LOAN_E_OVERFLOW;
		for (int k = 0; k < n - 1; k++)
			out->at[k].jasa = total / n;
	} else {
		int64_t balances = 0;
		for (int k = 0; k < n; k++) {
			int64_t bal = t->pokok - pp * k; /* >= pokok - pp x (n - 1) > 0 */
			if (fx_add(balances, bal, &balances) != 0)
				return LOAN_E_OVERFLOW;
			if (k < n - 1 && fx_muldiv(bal, t->rate, per, &out->at[k].jasa) != 0)
				return LOAN_E_OVERFLOW;
		}
		if (fx_muldiv(balances, t->rate, per, &total) != 0)
			return LOAN_E_OVERFLOW;
	}
	for (int k = 0; k < n - 1; k++)
		sum += out->at[k].jasa; /* a sum of rounded-down parts of total: <= total */
	out->at[n - 1].jasa = total - sum;
	out->jasa = total;
	return LOAN_OK;
}

int loan_schedule(const sk_loan_terms *t, sk_loan_schedule *out)
{
	out->n = 0;
	out->pokok = out->jasa = out->jumlah = 0;
	int rc = check_terms(t);
	if (rc != LOAN_OK)
		return rc;
	int n = t->jumlah, y, m, d;
	char last[11];
	split_date(t->tanggal, &y, &m, &d); /* a real date: check_terms */
	if (due_from(y, m, d, t->jarak, n, last) != 0)
		return LOAN_E_FAR;
	int64_t pp = t->pokok / n, sisa = t->pokok;
	rc = service(t, pp, out);
	if (rc != LOAN_OK)
		return rc;
	if (fx_add(t->pokok, out->jasa, &out->jumlah) != 0)
		return LOAN_E_OVERFLOW;
	for (int k = 0; k < n; k++) {
		sk_instalment *a = &out->at[k];
		a->pokok = k < n - 1 ? pp : sisa;
		sisa -= a->pokok;
		a->sisa_pokok = sisa;
		a->jumlah = a->pokok + a->jasa; /* both <= their totals, whose sum fits */
		due_from(y, m, d, t->jarak, k + 1, a->jatuh_tempo); /* <= the last: in range */
	}
	out->pokok = t->pokok;
	out->n = n;
	return LOAN_OK;
}

void loan_due_by(const sk_loan_schedule *s, const char *date, sk_loan_due *out)
{
	memset(out, 0, sizeof *out);
	for (int k = 0; k < s->n && date && strcmp(s->at[k].jatuh_tempo, date) <= 0; k++) {
		out->count++;
		out->pokok += s->at[k].pokok;
		out->jasa += s->at[k].jasa;
	}
}

/* ---- Position ------------------------------------------------------------------------------- */

/* Net sums of the repayments dated on or before date, and the latest such date into last. */
static int paid_by(const sk_repayment *r, int n, const char *date, int64_t *pokok, int64_t *jasa,
		   char last[11])
{
	*pokok = *jasa = 0;
	last[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (strcmp(r[i].tanggal, date) > 0)
			continue;
		if (fx_add(*pokok, r[i].pokok, pokok) != 0 || fx_add(*jasa, r[i].jasa, jasa) != 0)
			return LOAN_E_OVERFLOW;
		if (strcmp(r[i].tanggal, last) > 0)
			sk_strlcpy(last, r[i].tanggal, 11);
	}
	return LOAN_OK;
}

int loan_position(const sk_loan_schedule *s, const sk_repayment *r, int n, const char *date,
		  const char *written_off, sk_loan_position *out)
{
	memset(out, 0, sizeof *out);
	char last[11];
	if (!valid_date(date))
		return LOAN_E_DATE;
	if (paid_by(r, n, date, &out->paid_pokok, &out->paid_jasa, last) != LOAN_OK)
		return LOAN_E_OVERFLOW;
	/* Service stops at the last repayment once the principal is repaid in full. */
	const char *service_until = out->paid_pokok >= s->pokok && *last ? last : date;
	for (int k = 0; k < s->n && strcmp(s->at[k].jatuh_tempo, date) <= 0; k++) {
		const sk_instalment *a = &s->at[k];
		out->due_count++;
		out->due_pokok += a->pokok;
		if (strcmp(a->jatuh_tempo, service_until) <= 0)
			out->due_jasa += a->jasa;
		if (!*out->tertua && (out->due_pokok > out->paid_pokok || out->due_jasa > out->paid_jasa))
			sk_strlcpy(out->tertua, a->jatuh_tempo, sizeof out->tertua);
	}
	/* Hostile reversals can make the paid sums hugely negative: subtract with care. */
	if (out->paid_pokok < s->pokok && fx_sub(s->pokok, out->paid_pokok, &out->sisa_pokok) != 0)
		return LOAN_E_OVERFLOW;
	if (out->paid_pokok < out->due_pokok &&
	    fx_sub(out->due_pokok, out->paid_pokok, &out->tunggakan_pokok) != 0)
		return LOAN_E_OVERFLOW;
	if (out->paid_jasa < out->due_jasa &&
	    fx_sub(out->due_jasa, out->paid_jasa, &out->tunggakan_jasa) != 0)
		return LOAN_E_OVERFLOW;
	if (fx_add(out->tunggakan_pokok, out->tunggakan_jasa, &out->tunggakan) != 0)
		return LOAN_E_OVERFLOW;
	if (*out->tertua)
		out->hari_terlambat = loan_days_between(out->tertua, date);
	if (written_off && *written_off && strcmp(written_off, date) <= 0)
		out->status = LOAN_DIHAPUSBUKUKAN;
	else if (out->sisa_pokok == 0 && out->tunggakan_jasa == 0)
		out->status = LOAN_LUNAS;
	else if (out->tunggakan > 0)
		out->status = LOAN_MENUNGGAK;
	else
		out->status = LOAN_BERJALAN;
	return LOAN_OK;
}

int loan_late_instalments(const sk_loan_schedule *s, int64_t paid_pokok, int64_t paid_jasa,
			  const sk_repayment *r)
{
	int64_t after_pokok, after_jasa, cum_pokok = 0, cum_jasa = 0;
	if (fx_add(paid_pokok, r->pokok, &after_pokok) != 0 ||
	    fx_add(paid_jasa, r->jasa, &after_jasa) != 0)
		return 0;
	int late = 0;
	for (int k = 0; k < s->n && strcmp(s->at[k].jatuh_tempo, r->tanggal) < 0; k++) {
		cum_pokok += s->at[k].pokok;
		cum_jasa += s->at[k].jasa;
		int paid_before = cum_pokok <= paid_pokok && cum_jasa <= paid_jasa;
		int paid_now = cum_pokok <= after_pokok && cum_jasa <= after_jasa;
		late += !paid_before && paid_now;
	}
	return late;
}

/* ---- Checks --------------------------------------------------------------------------------- */

int loan_limit_check(int64_t pokok, int64_t simpanan, int kali, sk_loan_limit *out)
{
	out->pokok = pokok;
	out->simpanan = simpanan > 0 ? simpanan : 0;
	out->kali = kali < 0 ? -1 : kali;
	out->lebih = 0;
	if (kali < 0) {
		out->batas = INT64_MAX;
		return 1;
	}
	/* kali <= INT_MAX, simpanan <= INT64_MAX: the quotient may exceed int64 (any pokok fits). */
	if (fx_muldiv(out->simpanan, kali, 100, &out->batas) != 0)
		out->batas = INT64_MAX;
	if (pokok <= out->batas)
		return 1;
	out->lebih = pokok - out->batas; /* batas >= 0, so no overflow */
	return 0;
}

int loan_cash_check(int64_t pokok, int64_t saldo, int64_t *kurang)
{
	*kurang = 0;
	if (pokok <= saldo)
		return 1;
	if (fx_sub(pokok, saldo, kurang) != 0)
		*kurang = INT64_MAX;
	return 0;
}

int loan_par_permille(int64_t at_risk, int64_t outstanding)
{
	if (outstanding <= 0 || at_risk < 0)
		return -1;
	if (at_risk >= outstanding)
		return 1000;
	/* floor(1000 a / o), one more when its fraction is a half or more: exactly when
	 * floor(2000 a / o) - 2 floor(1000 a / o) is 1 (it is 0 or 1). */
	int64_t v, twice;
	if (fx_muldiv(at_risk, 1000, outstanding, &v) != 0 ||
	    fx_muldiv(at_risk, 2000, outstanding, &twice) != 0)
		return -1;
	return (int)(v + (twice - 2 * v));
}
