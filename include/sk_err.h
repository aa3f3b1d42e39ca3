/* sk_err.h - errors as values, and validation issue lists. No curses here. */
#ifndef SK_ERR_H
#define SK_ERR_H

#include <stddef.h>

/* Status codes returned by core functions. */
enum sk_status {
	SK_OK = 0,        /* success */
	SK_REFUSED = 1,   /* input invalid or rule broken; message says why */
	SK_NOTFOUND = 2,  /* the row asked for does not exist (or is deleted) */
	SK_BUSY = 3,      /* the database is locked by another running copy */
	SK_DBERR = 4,     /* the database could not be opened, read or written */
	SK_IOERR = 5,     /* a file could not be read or written */
	SK_DENIED = 6     /* the operator's role may not do it, or a second operator must confirm
			   * it (db_access.h); the message says which */
};

/* An error: status plus a message for the user (already translated). */
typedef struct sk_err {
	int status;
	char msg[512];
} sk_err;

/* Clear e (status SK_OK, empty message). e may be NULL. */
void sk_err_clear(sk_err *e);
/* Set status and printf-style message; returns status. e may be NULL. */
int sk_err_set(sk_err *e, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

typedef enum { SK_SEV_ERROR = 0, SK_SEV_WARNING = 1 } sk_severity;

#define SK_MAX_ISSUES 32

/* One validation finding about one field (field = spec column name). */
typedef struct sk_issue {
	char field[32];
	sk_severity sev;
	char msg[240];
} sk_issue;

/* A list of findings; errors refuse a save, warnings allow it. */
typedef struct sk_issues {
	int n;
	sk_issue items[SK_MAX_ISSUES];
} sk_issues;

void sk_issues_clear(sk_issues *is);
/* Append a finding (silently dropped when the list is full). */
void sk_issues_add(sk_issues *is, const char *field, sk_severity sev,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Number of errors (not warnings) in the list. */
int sk_issues_errors(const sk_issues *is);
/* First finding for field, errors before warnings; NULL when none. */
const sk_issue *sk_issues_for(const sk_issues *is, const char *field);

#endif
