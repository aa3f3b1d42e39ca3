/* check_rules.h - the consistency rules of the data (spec/bundle.md, "Import refuses what
 * check would report"): one list, each rule one SQL query. `sikube check` runs every rule
 * over the whole database; import runs the same rules over the rows it merged (temp.imp_row)
 * and refuses the rows they name. No curses here. */
#ifndef SK_CHECK_RULES_H
#define SK_CHECK_RULES_H

#include "db.h"

/* Values a rule's reason is made of. */
#define RULE_ARGS 4

typedef struct rule_hit {
	const char *rule;             /* the rule's short name (rules_names) */
	const char *reason;           /* the translated reason, NIK-like digit runs masked */
	/* import only (rules_check_merged): the merged row the hit is blamed on */
	int src;                      /* temp.imp_row.sumber */
	long long line;               /* temp.imp_row.baris */
	int table;                    /* BT_* */
	const char *column;           /* the column of that row the reason is about */
	const char *value;            /* its value ("" when none) */
} rule_hit;

/* Called once per hit; return 0 to go on, non-zero to stop. */
typedef int (*rule_hit_fn)(void *ctx, const rule_hit *h);

/* Run every rule over the whole database; a reason repeated by one rule is given once.
 * Returns SK_OK (hits or not) or the database error in e; a damaged file met on the way is
 * SK_DBERR with the message of db_damaged and *damaged = 1 (damaged may be NULL). */
int rules_check_all(sk_db *db, rule_hit_fn fn, void *ctx, int *damaged, sk_err *e);

/* The temporary table import fills with the rows a pass merged (inserted or replaced): the
 * table (BT_*), the key (k2 '' for one-column keys), where the row came from. */
#define RULES_MERGED_SQL \
	"CREATE TEMP TABLE IF NOT EXISTS imp_row(tabel INTEGER NOT NULL, k1 TEXT NOT NULL, " \
	"k2 TEXT NOT NULL, sumber INTEGER NOT NULL, baris INTEGER NOT NULL, " \
	"PRIMARY KEY(tabel, k1, k2)) WITHOUT ROWID"

/* Run every rule over the rows in temp.imp_row and the rows they touch: a hit is blamed on
 * each merged row that brings it into view (the row itself, or, for instance, the meeting
 * whose attendance dues no longer match its postings). Same returns as rules_check_all.
 * partial (may be NULL): partial[t] non-zero when rows merged into table t (BT_*) are
 * missing from temp.imp_row (a bulk load does not write them down). A rule driven by such a
 * table is run over the whole database instead, up to its first row: none means no merged
 * row breaks it; one sets *incomplete (the caller must merge again writing every row down
 * to learn which rows to blame) and ends the run. */
int rules_check_merged(sk_db *db, const int *partial, rule_hit_fn fn, void *ctx,
		       int *incomplete, sk_err *e);

/* Number of rules, and the short name of rule i (for the documentation and tests). */
int rules_count(void);
const char *rules_name(int i);

#endif
