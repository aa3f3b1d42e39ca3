/* hub_schedule.c - a loan's terms as the hub holds them (text from PostgreSQL) turned into the
 * core's loan arithmetic (loan_calc.h), and each loan's schedule totals kept beside its summed
 * repayments (sikube.bayar.jasa_jadwal, hub migration 3), so that a province's regions report
 * passes over a loan paid off in SQL, without working out its schedule (docs/hub.md). */
#include <stdlib.h>
#include <string.h>
#include "hub_priv.h"

int hub_loan_terms(const char *tanggal, const char *pokok, const char *rate, const char *metode,
		   const char *jumlah, const char *jarak, sk_loan_terms *t)
{
	memset(t, 0, sizeof *t);
	sk_strlcpy(t->tanggal, tanggal ? tanggal : "", sizeof t->tanggal);
	t->pokok = pokok ? atoll(pokok) : 0;
	if (!rate || loan_rate_parse(rate, &t->rate) != 0)
		return LOAN_E_RATE;
	t->metode = metode ? loan_method_parse(metode) : -1;
	t->jumlah = jumlah ? atoi(jumlah) : 0;
	t->jarak = jarak ? loan_interval_parse(jarak) : -1;
	return LOAN_OK;
}

/* The schedule totals of the loans of one FETCH into pg_temp.jadwal_baru. */
static int batch_totals(hub *h, PGresult *r, sk_loan_schedule *s, sk_err *e)
{
	hub_copy cp;
	if (hub_copy_begin(h, &cp, "COPY pg_temp.jadwal_baru FROM STDIN", e) != SK_OK)
		return SK_DBERR;
	for (int i = 0; i < PQntuples(r); i++) {
		const char *v[8];
		for (int c = 0; c < 8; c++)
			v[c] = PQgetisnull(r, i, c) ? NULL : PQgetvalue(r, i, c);
		sk_loan_terms t;
		char jasa[24] = "";
		if (hub_loan_terms(v[2], v[3], v[4], v[5], v[6], v[7], &t) == LOAN_OK &&
		    loan_schedule(&t, s) == LOAN_OK)
			snprintf(jasa, sizeof jasa, "%lld", (long long)s->jasa);
		hub_copy_field(&cp, v[0]);
		hub_copy_field(&cp, v[1]);
		hub_copy_field(&cp, jasa); /* "" is NULL: the terms give no schedule */
		hub_copy_eol(&cp);
	}
	return hub_copy_end(&cp, 1);
}

int hub_loan_schedules(hub *h, const char *cond, sk_err *e)
{
	hub_sql q = { 0 };
	hub_sql_add(&q, "CREATE TEMP TABLE jadwal_baru (prov smallint, pinjaman_id uuid, jasa bigint);\n"
		    "DECLARE jadwal NO SCROLL CURSOR FOR SELECT b.prov, b.pinjaman_id, p.tanggal, "
		    "p.pokok, p.jasa_persen_bulan, p.metode_jasa, p.jumlah_angsuran, "
		    "p.jarak_angsuran FROM " HUB_SCHEMA ".bayar b JOIN " HUB_SCHEMA ".pinjaman p ON "
		    "p.id = b.pinjaman_id AND p.prov = b.prov WHERE %s", cond);
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	sk_loan_schedule *s = malloc(sizeof *s);
	if (!s)
		abort();
	while (rc == SK_OK) {
		/* 5,000 loans at a time: their terms in memory, their totals in one COPY */
		PGresult *r = hub_query(h, "FETCH 5000 FROM jadwal", 0, NULL, e);
		if (!r) {
			rc = SK_DBERR;
			break;
		}
		int n = PQntuples(r);
		if (n > 0)
			rc = batch_totals(h, r, s, e);
		PQclear(r);
		if (n == 0)
			break;
	}
	free(s);
	if (rc == SK_OK)
		rc = hub_exec(h, "CLOSE jadwal;\n"
			      "UPDATE " HUB_SCHEMA ".bayar b SET jasa_jadwal = j.jasa FROM "
			      "pg_temp.jadwal_baru j WHERE b.pinjaman_id = j.pinjaman_id AND "
			      "b.prov = j.prov;\n"
			      "DROP TABLE pg_temp.jadwal_baru", e);
	return rc;
}
