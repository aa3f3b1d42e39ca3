#!/bin/sh
# baseline_hub.sh BUNDLE CONNINFO - the hub load baseline: psql's \copy of each table file of
# the bundle (format 1 and 2: every file the load loads) into an unindexed table of the hub's
# own column types (schema base, made from the sikube schema, which must exist in that
# database), in one session. No validation, no merge, no keys or indexes, no staging: what
# `sikube hub load` does on top is its own cost.
bundle=$1
conn=$2
{
	printf '%s\n' '\set ON_ERROR_STOP 1'
	echo "DROP SCHEMA IF EXISTS base CASCADE; CREATE SCHEMA base;"
	for f in "$bundle"/*.csv; do
		t=$(basename "$f" .csv)
		[ "$t" = manifest ] && continue
		cols=$(head -n 1 "$bundle/$t.csv" | tr -d '\r')
		echo "CREATE TABLE base.$t AS SELECT $cols FROM sikube.$t WITH NO DATA;"
		# printf, not echo: dash's echo reads \c as "stop here"
		printf '%s\n' "\\copy base.$t ($cols) FROM '$bundle/$t.csv' WITH (FORMAT csv, HEADER true)"
	done
} | PGOPTIONS='-c client_min_messages=warning' psql -X -q -d "$conn" >/dev/null
