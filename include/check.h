/* check.h - integrity and consistency check of a database (`sikube check`). No curses here. */
#ifndef SK_CHECK_H
#define SK_CHECK_H

#include "db.h"

/* Called once per problem found with a one-line description (translated; NIK-like digit runs
 * masked). */
typedef void (*check_problem_fn)(void *ctx, const char *problem);

/* Run every check: SQLite's integrity check (a damaged file is reported, with the advice to
 * restore from cadangan/, and nothing further is checked), its foreign-key check, the kept
 * balances against the ledger, then every rule of check_rules.c over the whole database (the
 * rules import applies to what it merges: meeting dues against their postings, books never
 * below zero, reversals, month closes, officers, NIKs, members of deleted groups, assessments
 * of deleted members, floor areas, dates and stamps not in the future).
 * *problems receives the number found. Returns SK_OK (even with problems) or a db error
 * (busy). */
int check_run(sk_db *db, check_problem_fn fn, void *ctx, int *problems, sk_err *e);

/* Called as each stage of a check begins: its name (translated), its number from 1, and
 * the number of stages. */
typedef void (*check_progress_fn)(void *ctx, const char *stage, int n, int of);

typedef struct check_opts {
	/* 1: SQLite's quick_check (every page, record and constraint, not the indexes against
	 * their tables) in place of integrity_check, and no foreign-key scan (SQLite enforces the
	 * keys on every write SIKUBE makes): the full check reads a big file several times over
	 * with random lookups, the quick one about once. The kept summaries and every rule are
	 * checked as in the full check. */
	int quick;
	check_progress_fn progress; /* may be NULL */
	void *progress_ctx;
} check_opts;

/* check_run with options (o may be NULL: the full check, no progress). */
int check_run_opts(sk_db *db, const check_opts *o, check_problem_fn fn, void *ctx, int *problems,
		   sk_err *e);

#endif
