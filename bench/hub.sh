# bench/hub.sh - the hub's part of `make bench`, sourced by bench/run.sh (its functions and
# sizes): a private PostgreSQL cluster in a new temporary folder (initdb, a Unix socket there,
# no TCP port, as an unprivileged user when run as root; stopped and removed at the end), then
#   - `sikube hub load` of the BENCH_IMPORT_GROUPS kabupaten bundle into an empty hub, against
#     psql \copy of the same CSV files into unindexed tables (bench/baseline_hub.sh), same run;
#     its peak memory; a reload of the same bundle; the one-week incremental bundle;
#   - a province of BENCH_PROV_KAB generated kabupaten (33.01, 33.02, ...) of
#     BENCH_PROV_GROUPS groups each (1 year, 10 members; the generated databases are kept like
#     the others): `hub report regions --wilayah 33` and `hub report groups --wilayah 33`;
#   - the ministry's size, from the bytes per row the kabupaten takes in the hub.
# (a toy run, tests/cli_bench_smoke.sh, makes a province of 2). BENCH_ONLY=hub runs this
# section alone (without the import section, whose time of the same bundle the load's line
# then lacks); BENCH_ONLY=hub-province only its province. Each province figure gives the
# machine's load average when it was taken (other work inflates every time).
PROV_KAB=${BENCH_PROV_KAB:-$([ "$IMP" -ge 100 ] && echo 10 || echo 2)}
PROV_GROUPS=${BENCH_PROV_GROUPS:-$IMP}
MIN_GROUPS=${BENCH_MINISTRY_GROUPS:-40000}
MIN_YEARS=${BENCH_MINISTRY_YEARS:-10}

HPG=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
	[ -x "$d/initdb" ] && HPG=$d && break
done
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
hub_bench_stop() {
	[ -n "${HPD:-}" ] && [ -f "$HPD/data/postmaster.pid" ] &&
		as_pg "$HPG/pg_ctl" -D "$HPD/data" -m fast -w stop >/dev/null 2>&1
	[ -n "${HPD:-}" ] && rm -rf "$HPD"
}

say ""
if only hub; then
	say "== hub: PostgreSQL, a private cluster; $IMP groups, then a province of $PROV_KAB kabupaten of $PROV_GROUPS groups"
else
	say "== hub: PostgreSQL, a private cluster; a province of $PROV_KAB kabupaten of $PROV_GROUPS groups"
fi
if [ -z "$HPG" ] || ! command -v psql >/dev/null; then
	say "hub                  PostgreSQL server missing (sh .ci/install-deps bench): MISSED"
	return 0 2>/dev/null || exit 0
fi
HPD=$(mktemp -d "${TMPDIR:-/tmp}/sikube-bench-pg-XXXXXX")
# Sourced by bench/run.sh: its own EXIT trap (stop_load, the BENCH_BUSY load) must run too.
trap 'hub_bench_stop; stop_load' EXIT
mkdir -p "$HPD/data" "$HPD/sock"
if [ "$(id -u)" = 0 ]; then
	chmod 711 "$HPD"
	chown nobody "$HPD/data" "$HPD/sock"
fi
as_pg "$HPG/initdb" -D "$HPD/data" -U hub --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1
as_pg "$HPG/pg_ctl" -D "$HPD/data" -l "$HPD/data/server.log" -w -t 120 \
	-o "-c listen_addresses='' -k $HPD/sock -c shared_buffers=256MB -c max_wal_size=4GB" \
	start >/dev/null 2>&1 || { say "hub                  the cluster did not start: MISSED"; return 0 2>/dev/null || exit 0; }
PGC="host=$HPD/sock user=hub"
pgq() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -A -t -d "$PGC dbname=$1" -c "$2"; }
fresh_hub() { pgq postgres "DROP DATABASE IF EXISTS $1" && pgq postgres "CREATE DATABASE $1"; }
export SIKUBE_HUB_CACHE="$W/tmp/hubcache"

# ---- the kabupaten bundle -------------------------------------------------------------------
if only hub; then
HSRC=$W/tmp/hubsource.db
rm -f "$HSRC"* && cp "$IMP_DB" "$HSRC"
rm -rf "$W/tmp/hubbundle" && "$SIKUBE" --db "$HSRC" export "$W/tmp/hubbundle" >/dev/null 2>&1
best=999999999 base=999999999 kb=0
for i in $(seq "$RUNS"); do
	fresh_hub hub
	timed "$SIKUBE" hub load --pg "$PGC dbname=hub" "$W/tmp/hubbundle"
	[ "$T_RC" -eq 0 ] || echo "bench: hub load refused the bundle" >&2
	best=$(min "$best" "$T_MS")
	kb=$(max "$kb" "$T_KB")
	timed sh bench/baseline_hub.sh "$W/tmp/hubbundle" "$PGC dbname=hub"
	[ "$T_RC" -eq 0 ] || echo "bench: the \\copy baseline failed" >&2
	base=$(min "$base" "$T_MS")
done
HFIRST=$best
line_ratio "hub load" "$best" "$base" "\\copy" 2
# The load validates every row with the core's importer first: its share, from the import
# of the same bundle into an empty database timed above.
if [ -n "${FIRST:-}" ]; then
	line_info "" "(of which sikube import of the same bundle $(secs "$FIRST"): $(ratio "$FIRST" "$base") x \\copy; the hub's own work $(ratio "$((best - FIRST))" "$base") x)"
else
	line_info "" "(sikube import of the same bundle not timed: BENCH_ONLY=$ONLY)"
fi
line_mem "hub load memory" "$kb" 64 "$IMP groups"
pgq hub "DROP SCHEMA base CASCADE"
timed "$SIKUBE" hub load --pg "$PGC dbname=hub" "$W/tmp/hubbundle"
line_ratio "hub re-load" "$T_MS" "$HFIRST" load 1
line_mem "hub re-load memory" "$T_KB" 64 "$IMP groups"
"$GEN" --db "$HSRC" --add-week --seed "$SEED" 2>/dev/null || echo "bench: --add-week failed" >&2
rm -rf "$W/tmp/hubweek" && "$SIKUBE" --db "$HSRC" export --since-last "$W/tmp/hubweek" >/dev/null 2>&1
timed "$SIKUBE" hub load --pg "$PGC dbname=hub" "$W/tmp/hubweek"
line_ratio "hub load one week" "$T_MS" "$HFIRST" load 0.5

# ---- what a kabupaten takes in the hub, and the ministry ------------------------------------
# bytes per row of each table (data and indexes) as loaded, times the rows per group-year of
# the generated kabupaten (5 years), for MIN_GROUPS groups over MIN_YEARS years.
for t in kelompok anggota penilaian pertemuan kehadiran kas; do
	echo "$t $(pgq hub "SELECT count(*) FROM sikube.$t") $(pgq hub "SELECT coalesce(sum(
		pg_total_relation_size(inhrelid)), 0) FROM pg_inherits WHERE inhparent = 'sikube.$t'::regclass")"
done >"$W/tmp/hubsizes"
awk -v g="$IMP" -v mg="$MIN_GROUPS" -v my="$MIN_YEARS" '
	{ rows = $2; bytes = $3; bpr = rows ? bytes / rows : 0;
	  per = ($1 == "kelompok" || $1 == "anggota") ? rows / g : rows / g / 5;
	  yrs = ($1 == "kelompok" || $1 == "anggota") ? 1 : my;
	  r = per * mg * yrs; tr += r; tb += r * bpr; kb += bytes; kr += rows;
	  printf "%-20s %6.0f bytes/row  ministry %12.0f rows  %6.1f GB\n", "  " $1, bpr, r, r * bpr / 1e9 }
	END { printf "%-20s %6.0f MB for %d rows here; ministry %d groups x %d years: %.0f million rows, %.0f GB\n",
		"hub size", kb / 1e6, kr, mg, my, tr / 1e6, tb / 1e9 }' "$W/tmp/hubsizes" | tee -a "$RESULTS"
fi

# ---- a province of PROV_KAB kabupaten --------------------------------------------------------
# kabupaten K of the province: generated once and kept (like kab()).
prov_kab() {
	db=$W/prov-$SEED-$PROV_GROUPS-$1-$KEY.db
	if [ ! -f "$db" ]; then
		rm -f "$W"/prov-*-"$PROV_GROUPS"-"$1"-*.db "$db.tmp"*
		"$GEN" --db "$db.tmp" --groups "$PROV_GROUPS" --members 10 --years 1 \
			--seed $((SEED + $1)) --kabupaten "33.$(printf %02d "$1")" 2>/dev/null || {
			echo "bench: bench-gen failed" >&2
			exit 2
		}
		mv "$db.tmp" "$db"
	fi
	echo "$db"
}
set --
for k in $(seq "$PROV_KAB"); do
	db=$(prov_kab "$k")
	rm -rf "$W/tmp/prov-$k" && cp "$db" "$W/tmp/prov.db" &&
		"$SIKUBE" --db "$W/tmp/prov.db" export "$W/tmp/prov-$k" >/dev/null 2>&1
	set -- "$@" "$W/tmp/prov-$k"
done
rm -f "$W/tmp/prov.db"*
fresh_hub prov
timed "$SIKUBE" hub load --pg "$PGC dbname=prov" "$@"
[ "$T_RC" -eq 0 ] || echo "bench: hub load of the province refused a bundle" >&2
line_info "hub load province" "$(secs "$T_MS"), $(pgq prov "SELECT count(*) FROM sikube.kelompok") groups, $(pgq prov "SELECT count(*) FROM sikube.kehadiran") attendance rows, $(pgq prov "SELECT count(*) FROM sikube.pinjaman") loans, peak $(mb "$T_KB"), load $(cut -d' ' -f1-3 /proc/loadavg)"
# prov_report KIND NOTE: hub report KIND of province 33 three times; its line (the median,
# each run's ms and the load average when it ended). KB: the peak RSS so far.
kb=0
prov_report() {
	ms=""
	for i in 1 2 3; do
		timed "$SIKUBE" hub report "$1" --pg "$PGC dbname=prov" --wilayah 33 --format csv
		[ "$T_RC" -eq 0 ] || echo "bench: hub report $1 failed" >&2
		ms="$ms $T_MS"
		kb=$(max "$kb" "$T_KB")
	done
	line_ms "hub report $1" "$(echo "$ms" | median)" 1000 "median of 3:$ms ms, $2; load $(cut -d' ' -f1-3 /proc/loadavg)"
}
prov_report regions "province 33: $PROV_KAB kabupaten"
prov_report groups "every group of province 33"
line_mem "hub reports memory" "$kb" 16
rm -rf "$W/tmp/hubbundle" "$W/tmp/hubweek" "$W/tmp"/prov-* "$W/tmp/hubsource.db"*
hub_bench_stop
trap 'stop_load' EXIT
