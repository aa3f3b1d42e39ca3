/* hub_unit.h - one unit of a hub load (a bundle folder, or the single table files together)
 * as the load steps share it. Not for other modules. */
#ifndef SK_HUB_UNIT_H
#define SK_HUB_UNIT_H

#include <limits.h>
#include "db.h"
#include "hub_priv.h"
#include "import.h"

struct hub_unit {
	int npaths;
	const char *const *paths;     /* the unit's sources, as given */
	sk_db *stage;                 /* the staging database */
	const hub_load_opts *o;
	hub_unit_result *res;
	import_result *problems;      /* the load's problem list: hub-made problems go here */
	char prov[256];               /* provinces the unit's hub rows are in: "{33,34}" */
	long long refs;               /* ids read from the files */
	long long seeded[BT_COUNT];   /* hub rows put in the staging database */
	long long staged[BT_COUNT];   /* rows the importer stored, copied to stg_<table> */
	int judge_all;                /* 1: every row is judged (nsame stays 0) */
	long long nsame;              /* every row of the unit is the hub's row exactly
				       * (hub_seed_refs): how many; the importer counts them
				       * unchanged without judging them. 0: judged */
};

/* berkas of table t of source src as the importer names it: "<folder>/<file>" or the file. */
void hub_unit_label(const struct hub_unit *u, int src, int t, char *out, size_t n);
#endif
