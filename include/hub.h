/* hub.h - the hub: district, province and ministry on PostgreSQL (spec/cli.md "The hub").
 * Bundles are merged with the core importer's rules (validated in a temporary SQLite staging
 * database, then moved with COPY and merged set-wise); reports and a regional bundle come
 * back out. docs/hub.md describes the design. No curses here. */
#ifndef SK_HUB_H
#define SK_HUB_H

#include <stdio.h>
#include "bundle.h"
#include "import.h"
#include "sk_err.h"

typedef struct hub hub;

/* Newest hub schema version this program knows (table sikube.versi_skema). */
#define HUB_SCHEMA_VERSION 4

/* Connect to the PostgreSQL database named by conninfo (a libpq URL or key=value string;
 * NULL or "" uses $SIKUBE_PG). The session runs in UTC with ISO dates. On success *out
 * owns the connection (free with hub_close). SK_DBERR with libpq's reason when it fails
 * (the password of conninfo is never repeated). */
int hub_connect(const char *conninfo, hub **out, sk_err *e);
void hub_close(hub *h);

/* Create the hub schema on first use and run the migrations it lacks, each in one
 * transaction (loads the region list and makes a partition per province the first time).
 * Refuses a schema made by a newer SIKUBE. SK_OK or SK_DBERR. */
int hub_schema_ensure(hub *h, sk_err *e);
/* For readers (report, export): SK_OK when the schema exists at HUB_SCHEMA_VERSION;
 * SK_NOTFOUND (nothing loaded yet) or SK_DBERR (older: run hub load; newer: update SIKUBE)
 * with a message otherwise. Never writes. */
int hub_schema_check(hub *h, sk_err *e);

/* The outcome of one unit (a bundle folder, or the single table files together). */
typedef struct hub_unit_result {
	char label[512];          /* the folder, or the first single file */
	int status;               /* SK_OK loaded, SK_REFUSED (problems), or an error */
	import_counts t[BT_COUNT];/* as import counts them (0 when not loaded) */
	char msg[512];            /* the error, for status other than SK_OK/SK_REFUSED */
} hub_unit_result;

typedef struct hub_load_result {
	hub_unit_result *units;   /* owned */
	int nunits;
	import_result problems;   /* every refused unit's problems, in unit order */
} hub_load_result;

typedef struct hub_load_opts {
	exchange_progress_fn progress;  /* may be NULL */
	void *ctx;
} hub_load_opts;

/* Merge the sources in paths into the hub, with exactly the rules of import_paths: each
 * bundle folder is one unit, the single table files together are another; a unit is
 * validated by the core importer in a private SQLite staging database seeded with the hub
 * rows it refers to, then copied and merged set-wise in one PostgreSQL transaction (all or
 * nothing per unit; one unit at a time across all hub loads). A NIK active in a group of
 * another office refuses the unit, naming that group and its region. Migrates the schema
 * first. Returns SK_OK when every unit was merged, SK_REFUSED when one was refused (its
 * problems in r->problems), or the first error (SK_DBERR, SK_IOERR) with a message in e.
 * Free r with hub_load_result_free. */
int hub_load(hub *h, int npaths, const char *const *paths, const hub_load_opts *o,
	     hub_load_result *r, sk_err *e);
void hub_load_result_free(hub_load_result *r);

/* A bundle (spec/bundle.md, the format export writes) of every group under region code
 * wilayah (province, kabupaten, kecamatan or village) and all their rows, into dir (created
 * 0700; files 0600, written under temporary names and renamed, manifest last). rows[t]
 * receives the rows written per file. SK_OK, SK_REFUSED (unknown code, message in e),
 * SK_IOERR or SK_DBERR. */
int hub_export(hub *h, const char *wilayah, const char *dir, long long rows[BT_COUNT],
	       sk_err *e);

/* 1 when kode is a region code of any level present in the hub's region list. */
int hub_region_known(hub *h, const char *kode);

#endif
