/* hub_pg.c - libpq helpers for the hub: the connection, commands, and COPY in and out in
 * PostgreSQL's text format (tab between fields, \N for NULL, backslash escapes). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "hub_priv.h"
#include "i18n.h"

#define COPY_BUF 65536

int hub_pg_error(hub *h, const PGresult *r, sk_err *e)
{
	const char *m = r ? PQresultErrorMessage(r) : "";
	if (!m || !*m)
		m = h && h->c ? PQerrorMessage(h->c) : "";
	char one[400];
	sk_strlcpy(one, m, sizeof one);
	char *nl = strchr(one, '\n'); /* the first line; DETAIL and HINT follow on others */
	if (nl)
		*nl = '\0';
	return sk_err_set(e, SK_DBERR, _("PostgreSQL: %s"), *one ? one : _("kesalahan tak dikenal"));
}

int hub_connect(const char *conninfo, hub **out, sk_err *e)
{
	*out = NULL;
	if (!conninfo || !*conninfo)
		conninfo = getenv("SIKUBE_PG");
	if (!conninfo || !*conninfo)
		return sk_err_set(e, SK_DBERR, "%s", _("Alamat hub belum diberikan: pakai --pg URL atau "
						       "$SIKUBE_PG."));
	/* application_name shows the hub's sessions in pg_stat_activity; the rest of the
	 * session's settings keep dates and stamps in the form the bundles use. */
	const char *const keys[] = { "dbname", "application_name", "client_encoding", NULL };
	const char *const vals[] = { conninfo, "sikube", "UTF8", NULL };
	hub *h = calloc(1, sizeof *h);
	if (!h)
		abort();
	h->c = PQconnectdbParams(keys, vals, 1);
	if (!h->c || PQstatus(h->c) != CONNECTION_OK) {
		hub_pg_error(h, NULL, e);
		hub_close(h);
		return SK_DBERR;
	}
	if (hub_exec(h, "SET datestyle = 'ISO, YMD'; SET timezone = 'UTC'; "
		     "SET intervalstyle = 'iso_8601'", e) != SK_OK) {
		hub_close(h);
		return SK_DBERR;
	}
	h->threshold = 9;
	*out = h;
	return SK_OK;
}

void hub_close(hub *h)
{
	if (!h)
		return;
	if (h->c)
		PQfinish(h->c);
	free(h);
}

int hub_exec(hub *h, const char *sql, sk_err *e)
{
	PGresult *r = PQexec(h->c, sql);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? SK_OK : hub_pg_error(h, r, e);
	PQclear(r);
	return rc;
}

int hub_execf(hub *h, sk_err *e, const char *fmt, ...)
{
	hub_sql q = { 0 };
	va_list ap;
	va_start(ap, fmt);
	hub_sql_vadd(&q, fmt, ap);
	va_end(ap);
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	return rc;
}

PGresult *hub_query(hub *h, const char *sql, int n, const char *const *params, sk_err *e)
{
	PGresult *r = PQexecParams(h->c, sql, n, NULL, params, NULL, NULL, 0);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return r;
	hub_pg_error(h, r, e);
	PQclear(r);
	return NULL;
}

long long hub_exec_count(hub *h, const char *sql, sk_err *e)
{
	PGresult *r = hub_query(h, sql, 0, NULL, e);
	if (!r)
		return -1;
	long long n = atoll(PQcmdTuples(r));
	PQclear(r);
	return n;
}

long long hub_query_ll(hub *h, const char *sql, int n, const char *const *params,
		       long long dflt, int *ok, sk_err *e)
{
	PGresult *r = hub_query(h, sql, n, params, e);
	*ok = r != NULL;
	if (!r)
		return -1;
	long long v = dflt;
	if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
		v = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

/* ---- COPY out ------------------------------------------------------------------------------ */

static int octal(char c)
{
	return c >= '0' && c <= '7';
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Undo the text format's escapes of one field in place (the result is never longer). */
static void unescape(char *s)
{
	char *w = s;
	for (const char *p = s; *p; p++) {
		if (*p != '\\' || !p[1]) {
			*w++ = *p;
			continue;
		}
		char c = *++p;
		switch (c) {
		case 'b': *w++ = '\b'; break;
		case 'f': *w++ = '\f'; break;
		case 'n': *w++ = '\n'; break;
		case 'r': *w++ = '\r'; break;
		case 't': *w++ = '\t'; break;
		case 'v': *w++ = '\v'; break;
		case 'x':
			if (hexval(p[1]) >= 0) {
				int v = hexval(*++p);
				if (hexval(p[1]) >= 0)
					v = v * 16 + hexval(*++p);
				*w++ = (char)v;
			} else {
				*w++ = c;
			}
			break;
		default:
			if (octal(c)) {
				int v = c - '0';
				for (int i = 0; i < 2 && octal(p[1]); i++)
					v = v * 8 + (*++p - '0');
				*w++ = (char)v;
			} else {
				*w++ = c;
			}
		}
	}
	*w = '\0';
}

int hub_copy_split(char *line, char **f, int max)
{
	int n = 0;
	for (char *p = line;;) {
		char *tab = strchr(p, '\t');
		if (tab)
			*tab = '\0';
		if (n < max)
			f[n] = strcmp(p, "\\N") == 0 ? NULL : (unescape(p), p);
		n++;
		if (!tab)
			break;
		p = tab + 1;
	}
	return n < max ? n : max;
}

/* Run sql, a COPY, and see that the server is ready to copy (want: PGRES_COPY_OUT or
 * PGRES_COPY_IN). SK_OK or SK_DBERR with the server's reason. */
static int copy_start(hub *h, const char *sql, ExecStatusType want, sk_err *e)
{
	PGresult *r = PQexec(h->c, sql);
	int rc = r && PQresultStatus(r) == want ? SK_OK : hub_pg_error(h, r, e);
	PQclear(r);
	return rc;
}

int hub_copy_out(hub *h, const char *sql, hub_row_fn fn, void *ctx, sk_err *e)
{
	if (copy_start(h, sql, PGRES_COPY_OUT, e) != SK_OK)
		return SK_DBERR;
	PGresult *r;
	int stop = 0;
	char *line, *f[HUB_MAX_COLS + 8];
	int len;
	while ((len = PQgetCopyData(h->c, &line, 0)) > 0) {
		if (!stop) {
			if (line[len - 1] == '\n')
				line[len - 1] = '\0';
			int nf = hub_copy_split(line, f, HUB_MAX_COLS + 8);
			stop = fn(ctx, nf, f);
		}
		PQfreemem(line);
	}
	int rc = SK_OK;
	while ((r = PQgetResult(h->c)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == SK_OK)
			rc = hub_pg_error(h, r, e);
		PQclear(r);
	}
	if (len == -2 && rc == SK_OK)
		rc = hub_pg_error(h, NULL, e);
	return rc != SK_OK ? rc : stop;
}

/* ---- COPY in ------------------------------------------------------------------------------- */

int hub_copy_begin(hub *h, hub_copy *cp, const char *sql, sk_err *e)
{
	memset(cp, 0, sizeof *cp);
	cp->h = h;
	cp->e = e;
	if (copy_start(h, sql, PGRES_COPY_IN, e) != SK_OK)
		return SK_DBERR;
	cp->cap = COPY_BUF;
	cp->buf = malloc(cp->cap);
	if (!cp->buf)
		abort();
	return SK_OK;
}

static void flush(hub_copy *cp)
{
	if (cp->len && !cp->failed && PQputCopyData(cp->h->c, cp->buf, (int)cp->len) != 1) {
		cp->failed = 1;
		hub_pg_error(cp->h, NULL, cp->e);
	}
	cp->len = 0;
}

static void put(hub_copy *cp, const char *s, size_t n)
{
	if (cp->len + n > cp->cap) {
		flush(cp);
		while (n > cp->cap) {
			cp->cap *= 2;
			cp->buf = realloc(cp->buf, cp->cap);
			if (!cp->buf)
				abort();
		}
	}
	memcpy(cp->buf + cp->len, s, n);
	cp->len += n;
}

void hub_copy_field(hub_copy *cp, const char *s)
{
	if (cp->nfield++)
		put(cp, "\t", 1);
	if (!s || !*s) {
		put(cp, "\\N", 2);
		return;
	}
	const char *run = s;
	for (const char *p = s; *p; p++) {
		const char *esc = *p == '\\' ? "\\\\" : *p == '\t' ? "\\t" : *p == '\n' ? "\\n"
				: *p == '\r' ? "\\r" : NULL;
		if (!esc)
			continue;
		put(cp, run, (size_t)(p - run));
		put(cp, esc, 2);
		run = p + 1;
	}
	put(cp, run, strlen(run));
}

void hub_copy_eol(hub_copy *cp)
{
	put(cp, "\n", 1);
	cp->nfield = 0;
	if (cp->len > cp->cap - 4096)
		flush(cp);
}

int hub_copy_end(hub_copy *cp, int ok)
{
	if (ok)
		flush(cp);
	int failed = cp->failed;
	const char *why = ok && !failed ? NULL : "aborted";
	if (PQputCopyEnd(cp->h->c, why) != 1 && !failed) {
		failed = 1;
		hub_pg_error(cp->h, NULL, cp->e);
	}
	PGresult *r;
	while ((r = PQgetResult(cp->h->c)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && ok && !failed) {
			failed = 1;
			hub_pg_error(cp->h, r, cp->e);
		}
		PQclear(r);
	}
	free(cp->buf);
	cp->buf = NULL;
	return failed || !ok ? SK_DBERR : SK_OK;
}

/* ---- SQL text ------------------------------------------------------------------------------ */

void hub_sql_vadd(hub_sql *q, const char *fmt, va_list ap)
{
	for (;;) {
		size_t room = q->cap - q->len;
		va_list aq;
		va_copy(aq, ap);
		int n = q->s ? vsnprintf(q->s + q->len, room, fmt, aq) : -2;
		va_end(aq);
		if (n >= 0 && (size_t)n < room) {
			q->len += (size_t)n;
			return;
		}
		q->cap = q->cap ? q->cap * 2 + (n > 0 ? (size_t)n : 0) : 1024;
		q->s = realloc(q->s, q->cap);
		if (!q->s)
			abort();
		if (q->len == 0)
			q->s[0] = '\0';
	}
}

void hub_sql_add(hub_sql *q, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	hub_sql_vadd(q, fmt, ap);
	va_end(ap);
}

void hub_sql_free(hub_sql *q)
{
	free(q->s);
	memset(q, 0, sizeof *q);
}

void hub_step_time(const char *step)
{
	static struct timespec last;
	struct timespec now;
	if (!getenv("SIKUBE_HUB_TIMES"))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (step)
		fprintf(stderr, "hub step %-14s %8.3f s\n", step, (double)(now.tv_sec - last.tv_sec) +
			(double)(now.tv_nsec - last.tv_nsec) / 1e9);
	last = now;
}
