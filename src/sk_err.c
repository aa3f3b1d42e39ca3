/* sk_err.c - errors as values and validation issue lists. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "sk_err.h"

void sk_err_clear(sk_err *e)
{
	if (!e)
		return;
	e->status = SK_OK;
	e->msg[0] = '\0';
}

int sk_err_set(sk_err *e, int status, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
		e->status = status;
	}
	return status;
}

void sk_issues_clear(sk_issues *is)
{
	is->n = 0;
}

void sk_issues_add(sk_issues *is, const char *field, sk_severity sev, const char *fmt, ...)
{
	if (!is || is->n >= SK_MAX_ISSUES)
		return;
	sk_issue *it = &is->items[is->n++];
	snprintf(it->field, sizeof it->field, "%s", field);
	it->sev = sev;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(it->msg, sizeof it->msg, fmt, ap);
	va_end(ap);
}

int sk_issues_errors(const sk_issues *is)
{
	int n = 0;
	for (int i = 0; i < is->n; i++)
		n += is->items[i].sev == SK_SEV_ERROR;
	return n;
}

const sk_issue *sk_issues_for(const sk_issues *is, const char *field)
{
	const sk_issue *warn = NULL;
	for (int i = 0; i < is->n; i++) {
		if (strcmp(is->items[i].field, field) != 0)
			continue;
		if (is->items[i].sev == SK_SEV_ERROR)
			return &is->items[i];
		if (!warn)
			warn = &is->items[i];
	}
	return warn;
}
