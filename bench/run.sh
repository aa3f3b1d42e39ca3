#!/bin/sh
# bench/run.sh - `make bench`: generate a kabupaten, then time SIKUBE's work against baselines
# measured in the same run on the same files, and print each figure beside its goal
# (docs/performance.md explains every line and how to read it).
#
# Sizes (groups of 15 members, 5 years of weekly meetings; 2,000 groups = 7.8 million
# attendance rows):
#   BENCH_GROUPS=2000         export, screens and reports
#   BENCH_IMPORT_GROUPS=500   import, re-import, incremental import (and their baselines)
#   BENCH_SMALL_GROUPS=250    a second import size: peak memory must not grow with the data
#   BENCH_SEED=20261122       generator seed;  BENCH_DIR=build/bench  work and cache folder
#   BENCH_RUNS=2              runs of each export/import (the fastest counts: the machine is
#                             shared, slow runs are other load)
#   BENCH_PROV_KAB=10, BENCH_PROV_GROUPS=BENCH_IMPORT_GROUPS   the hub's province (bench/hub.sh)
#   BENCH_BUSY=0              1: a busy clerk's PC. The script starts CPU-bound processes
#                             (one per core but one: an antivirus scan, a browser) for the
#                             whole run and stops them at the end; the screens and reports
#                             then have 100 ms instead of 50 (the ratios keep their goals:
#                             the baselines run under the same load)
#   BENCH_FULL_IMPORT=0       1: also import the BENCH_GROUPS bundle, with both baselines
#   BENCH_BUSY_LOAD           the shell command of each load process (default a busy loop;
#                             tests/cli_bench_smoke.sh checks the mechanism with a sleep)
#   BENCH_ONLY=all            import: only the import section (import, re-import, one week,
#                             memory; with BENCH_FULL_IMPORT=1 also the full size, its bundle
#                             exported once into BENCH_DIR/bundle-BENCH_GROUPS when missing);
#                             hub: only the hub section (bench/hub.sh, its kabupaten and its
#                             province); hub-province: only the hub's province (generated,
#                             loaded, its reports timed), no 2,000- or 500-group kabupaten
# The generated databases are kept in BENCH_DIR, keyed by seed, size and the generator's
# source, so a second run starts at once. Exits 0 even when a goal is missed (MISSED).
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$PWD
SIKUBE=${SIKUBE:-$ROOT/sikube}
GEN=${GEN:-$ROOT/build/release/bench-gen}
FULL=${BENCH_GROUPS:-2000}
IMP=${BENCH_IMPORT_GROUPS:-500}
SMALL=${BENCH_SMALL_GROUPS:-250}
SEED=${BENCH_SEED:-20261122}
RUNS=${BENCH_RUNS:-2}
BUSY=${BENCH_BUSY:-0}
# Goal of every screen action and report, ms: 50 on a quiet machine, 100 on a busy one.
if [ "$BUSY" = 1 ]; then KEY_MS=100; else KEY_MS=50; fi
W=${BENCH_DIR:-$ROOT/build/bench}
MONTH=2025-06
export SIKUBE_DATA_DIR="$ROOT" LC_ALL=C.UTF-8 TERM=xterm
unset SIKUBE_DB SIKUBE_EXIT_AFTER_DRAW SIKUBE_BENCH_KEYS SIKUBE_BENCH_OUT

for tool in /usr/bin/time sqlite3 script; do
	command -v "$tool" >/dev/null || { echo "bench: $tool missing (sh .ci/install-deps bench)"; exit 2; }
done
[ -x "$SIKUBE" ] && [ -x "$GEN" ] || { echo "bench: build first (make bench)"; exit 2; }
mkdir -p "$W/tmp" || exit 2
# SIKUBE asks who works (issue 16): the benchmarks run as the test operator
# (tests/testauth.sh), the first admin of each generated database.
# (Sourced without set -u: the helpers test variables that may be unset.)
set +u
. "$ROOT/tests/testauth.sh"
[ -n "$SIKUBE_USER" ] && [ -n "$SIKUBE_PASSWORD_FD" ] || testauth_setup "$W/tmp"
set -u
RESULTS=$W/results.txt
: >"$RESULTS"
START=$(date +%s)

# ---- a busy machine (BENCH_BUSY=1) -----------------------------------------------------------
LOAD_PIDS=""
stop_load() {
	for p in $LOAD_PIDS; do kill "$p" 2>/dev/null; done
	for p in $LOAD_PIDS; do wait "$p" 2>/dev/null; done
	LOAD_PIDS=""
}
trap 'stop_load' EXIT
trap 'stop_load; exit 130' INT TERM
if [ "$BUSY" = 1 ]; then
	n=$(($(nproc) - 1))
	[ "$n" -ge 1 ] || n=1
	for i in $(seq "$n"); do
		sh -c "${BENCH_BUSY_LOAD:-while :; do :; done}" &
		LOAD_PIDS="$LOAD_PIDS $!"
	done
	echo "$LOAD_PIDS" >"$W/load.pids"
fi

# ---- output ------------------------------------------------------------------------------
say() { echo "$*" | tee -a "$RESULTS"; }
# verdict OK: "ok" or "MISSED" (counted at the end from the results file).
verdict() { if [ "$1" = 1 ]; then echo ok; else echo MISSED; fi; }
# le A B: 1 when A <= B (decimals).
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? 1 : 0 }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? 1 : 0 }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }
# line_ratio NAME OURS_MS BASE_MS BASE_NAME GOAL
line_ratio() {
	if [ "$3" -le 0 ] || [ "$3" -ge 999999999 ]; then
		printf '%-20s ours %8s  %-7s   failed  goal <= %-4s MISSED (no baseline time)\n' "$1" \
			"$(secs "$2")" "$4" "$5" | tee -a "$RESULTS"
		return
	fi
	r=$(ratio "$2" "$3")
	printf '%-20s ours %8s  %-7s %8s  ratio %5s  goal <= %-4s %s\n' "$1" "$(secs "$2")" "$4" \
		"$(secs "$3")" "$r" "$5" "$(verdict "$(le "$r" "$5")")" | tee -a "$RESULTS"
}
# line_mem NAME KB GOAL_MB [NOTE]
line_mem() {
	printf '%-20s peak %8s                                goal < %s MB  %s%s\n' "$1" \
		"$(mb "$2")" "$3" "$(verdict "$(lt "$2" $(($3 * 1024)))")" "${4:+  ($4)}" |
		tee -a "$RESULTS"
}
# line_ms NAME MS GOAL_MS [NOTE]
line_ms() {
	printf '%-20s %8s ms                                  goal < %s ms  %s%s\n' "$1" "$2" "$3" \
		"$(verdict "$(lt "$2" "$3")")" "${4:+  ($4)}" | tee -a "$RESULTS"
}
# line_info NAME TEXT
line_info() { printf '%-20s %s\n' "$1" "$2" | tee -a "$RESULTS"; }

# ---- running and timing --------------------------------------------------------------------
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# timed CMD...: T_MS wall time (ms), T_KB peak RSS (KiB) of CMD, T_RC its exit status.
timed() {
	t0=$(now_ms)
	/usr/bin/time -f "%M" -o "$W/tmp/rss" "$@" >"$W/tmp/out" 2>"$W/tmp/err"
	T_RC=$?
	T_MS=$(($(now_ms) - t0))
	T_KB=$(tail -n 1 "$W/tmp/rss")
	if [ "$T_RC" -gt 1 ]; then
		echo "bench: failed ($T_RC): $*" >&2
		tail -n 5 "$W/tmp/err" >&2
	fi
}
min() { [ "$1" -le "$2" ] && echo "$1" || echo "$2"; }
max() { [ "$1" -ge "$2" ] && echo "$1" || echo "$2"; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# ---- data ----------------------------------------------------------------------------------
KEY=$(cat bench/gen.c src/schema.c | cksum | cut -d' ' -f1)
# kab N: path of the generated database of N groups (made once, then reused).
kab() {
	db=$W/kab-$SEED-$1-$KEY.db
	if [ ! -f "$db" ]; then
		echo "bench: generating $1 groups (seed $SEED) into $db" >&2
		rm -f "$W"/kab-*-"$1"-*.db "$W"/kab-*-"$1"-*.db-* "$db.tmp"*
		t0=$(now_ms)
		"$GEN" --db "$db.tmp" --groups "$1" --seed "$SEED" 2>/dev/null || { echo "bench: bench-gen failed" >&2; exit 2; }
		mv "$db.tmp" "$db"
		echo "bench: generated in $(secs $(($(now_ms) - t0)))" >&2
	fi
	cheap_login "$db"
	echo "$db"
}
# cheap_login DB: the run's operator as DB's admin with the tests' cheap password hash. A
# real one is Argon2id over 64 MiB (libsodium's moderate limits): about 100 ms and 64 MiB
# more for every command that logs in, which would hide what the screens and reports
# themselves take (docs/performance.md gives the login's own cost).
cheap_login() {
	sqlite3 "$1" "INSERT OR IGNORE INTO operator(nama, nama_lengkap, peran, sandi, dibuat_pada, diubah_pada)
		VALUES ('$SIKUBE_USER', 'Operator bench', 'admin', '$SIKUBE_TEST_PASSWORD_HASH', $DB_NOW, $DB_NOW);
		UPDATE operator SET sandi='$SIKUBE_TEST_PASSWORD_HASH' WHERE nama='$SIKUBE_USER'" ||
		{ echo "bench: cannot set the operator of $1" >&2; exit 2; }
}
DB_NOW="strftime('%Y-%m-%dT%H:%M:%SZ','now')"
rows() { sqlite3 "$1" "SELECT count(*) FROM $2"; }

# An empty database (schema and region list), copied for each import.
TEMPLATE=$W/tmp/empty.db
rm -f "$TEMPLATE"*
"$SIKUBE" --db "$TEMPLATE" init >/dev/null 2>&1 || { echo "bench: init failed" >&2; exit 2; }
cheap_login "$TEMPLATE"
fresh() { rm -f "$1" "$1-wal" "$1-shm"; cp "$TEMPLATE" "$1"; }

ONLY=${BENCH_ONLY:-all}
case $ONLY in all | import | hub | hub-province) ;; *) echo "bench: BENCH_ONLY=$ONLY: all, import, hub or hub-province"; exit 2 ;; esac
# only SECTION: 0 when the section runs in this run (BENCH_ONLY).
only() { [ "$ONLY" = all ] || [ "$ONLY" = "$1" ]; }
# bench_end: the closing line (goals missed, where the figures are), then exit 0.
bench_end() {
	MISSED=$(grep -c ' MISSED' "$RESULTS")
	say ""
	say "bench: $(($(date +%s) - START)) s, $MISSED goal(s) missed; figures in $RESULTS"
	exit 0
}
if only all || { only import && [ "${BENCH_FULL_IMPORT:-0}" = 1 ]; }; then FULL_DB=$(kab "$FULL"); fi
if only import || only hub; then IMP_DB=$(kab "$IMP"); fi
if only import; then SMALL_DB=$(kab "$SMALL"); fi
say "SIKUBE benchmarks $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
only all || say "BENCH_ONLY=$ONLY: only that section"
if [ "$BUSY" = 1 ]; then
	say "BENCH_BUSY=1: $(echo $LOAD_PIDS | wc -w) CPU-bound process(es) started by this run for its whole length; screens and reports < $KEY_MS ms"
else
	say "quiet run (BENCH_BUSY=1 adds a CPU-bound load); screens and reports < $KEY_MS ms"
fi
if only all; then
say "savings and loans: $(rows "$FULL_DB" simpanan) savings, $(rows "$FULL_DB" pinjaman) loans," \
	"$(rows "$FULL_DB" angsuran) repayments, $(rows "$FULL_DB" kas) ledger rows in all"
say "sizes: $FULL groups = $(rows "$FULL_DB" kehadiran) attendance rows ($(du -m "$FULL_DB" | cut -f1) MB);" \
	"imports: $IMP groups = $(rows "$IMP_DB" kehadiran) attendance rows; memory also at $SMALL groups"
say ""

# ---- export (full size) ----------------------------------------------------------------------
say "== export: $FULL groups, every table, into an empty folder; baseline sqlite3 -csv (same queries)"
best=999999999 base=999999999 kb=0
for i in $(seq "$RUNS"); do
	rm -rf "$W/bundle-$FULL" "$W/tmp/sqlite-export"
	timed "$SIKUBE" --db "$FULL_DB" export "$W/bundle-$FULL"
	best=$(min "$best" "$T_MS")
	kb=$(max "$kb" "$T_KB")
	timed sh bench/baseline_export.sh "$FULL_DB" "$W/tmp/sqlite-export"
	base=$(min "$base" "$T_MS")
done
rm -rf "$W/tmp/sqlite-export"
line_ratio "export" "$best" "$base" sqlite3 1.3
line_mem "export memory" "$kb" 64 "$FULL groups"
fi

# ---- import (IMP groups) ---------------------------------------------------------------------
if only import; then
say ""
say "== import: $IMP groups into an empty database; baselines: the same files by sqlite3 into"
say "   SIKUBE's tables and indexes without triggers (schema), and into schema-less tables (.import)"
SRC=$W/tmp/source.db
rm -f "$SRC"*
cp "$IMP_DB" "$SRC"
rm -rf "$W/tmp/bundle"
timed "$SIKUBE" --db "$SRC" export "$W/tmp/bundle"
line_mem "export memory" "$T_KB" 64 "$IMP groups"
# base_ok: the baseline just timed succeeded; else says why (a failed baseline is not a time).
base_ok() {
	[ "$T_RC" -eq 0 ] && return 0
	echo "bench: a baseline failed ($T_RC), its time not counted:" >&2
	tail -n 3 "$W/tmp/err" >&2
	return 1
}
# import_vs BUNDLE: IMP_MS (fastest of RUNS), IMP_KB, and both baselines measured beside it:
# BASE_SCHEMA_MS (.import, then INSERT ... SELECT into SIKUBE's tables, indexes and
# constraints, no triggers) and BASE_PLAIN_MS (.import into schema-less tables). The import
# stays in $W/tmp/ours.db.
import_vs() {
	IMP_MS=999999999 BASE_SCHEMA_MS=999999999 BASE_PLAIN_MS=999999999 IMP_KB=0
	for i in $(seq "$RUNS"); do
		fresh "$W/tmp/ours.db"
		timed "$SIKUBE" --db "$W/tmp/ours.db" import "$1"
		[ "$T_RC" -eq 0 ] || echo "bench: import refused the bundle" >&2
		IMP_MS=$(min "$IMP_MS" "$T_MS")
		IMP_KB=$(max "$IMP_KB" "$T_KB")
		fresh "$W/tmp/base.db"
		timed sh bench/baseline_import.sh "$1" "$W/tmp/base.db" 16384 schema
		base_ok && BASE_SCHEMA_MS=$(min "$BASE_SCHEMA_MS" "$T_MS")
		rm -f "$W/tmp/base.db"*
		timed sh bench/baseline_import.sh "$1" "$W/tmp/base.db" 16384 plain
		base_ok && BASE_PLAIN_MS=$(min "$BASE_PLAIN_MS" "$T_MS")
		rm -f "$W/tmp/base.db"*
	done
}
import_vs "$W/tmp/bundle"
best=$IMP_MS kb=$IMP_KB
FIRST=$best
line_ratio "import" "$best" "$BASE_SCHEMA_MS" schema 1.5
line_ratio "import" "$best" "$BASE_PLAIN_MS" .import 5
# The same bundle again, fastest of RUNS like the import it is measured against (an unchanged
# bundle changes no row and writes no audit entry, so each run finds the same database).
reimport_ms=999999999 reimport_kb=0
for i in $(seq "$RUNS"); do
	timed "$SIKUBE" --db "$W/tmp/ours.db" import "$W/tmp/bundle"
	reimport_ms=$(min "$reimport_ms" "$T_MS")
	reimport_kb=$(max "$reimport_kb" "$T_KB")
done
line_ratio "re-import unchanged" "$reimport_ms" "$FIRST" import 0.5
"$GEN" --db "$SRC" --add-week --seed "$SEED" || echo "bench: --add-week failed" >&2
rm -rf "$W/tmp/week"
"$SIKUBE" --db "$SRC" export --since-last "$W/tmp/week" >/dev/null 2>&1
timed "$SIKUBE" --db "$W/tmp/ours.db" import "$W/tmp/week"
line_ratio "import one week" "$T_MS" "$FIRST" import 0.5
line_info "" "(the --since-last bundle: $(($(wc -l <"$W/tmp/week/pertemuan.csv") - 1)) meetings,\
 $(($(wc -l <"$W/tmp/week/kehadiran.csv") - 1)) attendance and $(($(wc -l <"$W/tmp/week/kas.csv") - 1)) cash rows)"
line_mem "import memory" "$kb" 64 "$IMP groups"
line_mem "re-import memory" "$reimport_kb" 64 "$IMP groups"
rm -f "$SRC"* "$W/tmp/ours.db"*

rm -rf "$W/tmp/bundle"
"$SIKUBE" --db "$SMALL_DB" export "$W/tmp/bundle" >/dev/null 2>&1
fresh "$W/tmp/ours.db"
timed "$SIKUBE" --db "$W/tmp/ours.db" import "$W/tmp/bundle"
line_mem "import memory" "$T_KB" 64 "$SMALL groups, $(secs "$T_MS")"
rm -rf "$W/tmp/bundle" "$W/tmp/ours.db"*
if [ "${BENCH_FULL_IMPORT:-0}" = 1 ]; then
	say ""
	say "== import: $FULL groups into an empty database; the same baselines"
	if [ ! -f "$W/bundle-$FULL/manifest.csv" ]; then
		rm -rf "$W/bundle-$FULL"
		"$SIKUBE" --db "$FULL_DB" export "$W/bundle-$FULL" >/dev/null 2>&1 ||
			echo "bench: export of $FULL groups failed" >&2
	fi
	import_vs "$W/bundle-$FULL"
	line_ratio "import" "$IMP_MS" "$BASE_SCHEMA_MS" schema 1.5
	line_ratio "import" "$IMP_MS" "$BASE_PLAIN_MS" .import 5
	line_mem "import memory" "$IMP_KB" 64 "$FULL groups"
	rm -f "$W/tmp/ours.db"*
fi
fi

# ---- the hub alone (BENCH_ONLY=hub or hub-province) --------------------------------------------
if ! only all; then
	if only hub || only hub-province; then . bench/hub.sh; fi
	bench_end
fi
# ---- screens (full size) ---------------------------------------------------------------------
say ""
say "== screens: $FULL groups, 80x24 terminal (script(1) pty); each key handled and drawn"
FULL_DIR=$(dirname "$FULL_DB")
# draw: open the application and exit after the first draw (SIKUBE_EXIT_AFTER_DRAW); prints
# the ms from the start of the command to the first draw (SIKUBE_BENCH_DRAW, measured inside
# sikube); the ms until the process ended go to draw.ms.exit.
cat >"$W/tmp/draw.sh" <<EOF
stty rows 24 cols 80
t0=\$(date +%s%N)
SIKUBE_EXIT_AFTER_DRAW=1 SIKUBE_BENCH_DRAW="\$1" "$SIKUBE" --db "$FULL_DB" 2>/dev/null
echo \$(( (\$(date +%s%N) - t0) / 1000000 )) >"\$1.exit"
EOF
draw() { script -qec "sh $W/tmp/draw.sh $W/tmp/draw.ms" /dev/null >/dev/null </dev/null; cat "$W/tmp/draw.ms"; }
# A first open of the day: no copy of today yet (sync: deleting the last one must not be
# what is timed). Three of them, as each then makes the whole copy before it exits.
day="" day_exit=0
for i in 1 2 3; do
	rm -rf "$FULL_DIR/cadangan"
	sync
	day="$day $(draw)"
	day_exit=$(max "$day_exit" "$(cat "$W/tmp/draw.ms.exit")")
done
ms=""
for i in 1 2 3 4 5; do ms="$ms $(draw)"; done
line_ms "first draw" "$(echo "$ms" | median)" "$KEY_MS" "median of 5; the day's backup already made"
line_ms "first open of a day" "$(echo "$day" | median)" "$KEY_MS" \
	"median of 3; the day's copy then made before exit, up to $(secs $((day_exit)))"
cat >"$W/tmp/keys.sh" <<EOF
stty rows 24 cols 80
SIKUBE_BENCH_KEYS="$ROOT/bench/screens.keys" SIKUBE_BENCH_OUT="\$1" \
	/usr/bin/time -f "%M" -o "\$1.rss" "$SIKUBE" --db "$FULL_DB"
EOF
kb=0
for i in 1 2 3; do
	script -qec "sh $W/tmp/keys.sh $W/tmp/keys.$i" /dev/null >/dev/null </dev/null
	kb=$(max "$kb" "$(tail -n 1 "$W/tmp/keys.$i.rss")")
done
cp "$W/tmp/keys.1.screens" "$W/screens.txt"
# Per action: the median over the 3 sessions of its slowest key.
awk -F'\t' '$1 !~ /^_/ { print $1 "\t" $4 "\t" $2 "\t" $5 }' "$W/tmp/keys.1" | while IFS='	' read -r name _ keys screen; do
	m=$(for i in 1 2 3; do awk -F'\t' -v n="$name" '$1 == n { print $4 }' "$W/tmp/keys.$i"; done | tr '\n' ' ' | median)
	line_ms "$name" "$m" "$KEY_MS" "$screen, slowest of $keys key(s)"
done
rm -rf "$FULL_DIR/cadangan"
line_mem "screens memory" "$kb" 16 "the whole scripted session"

# ---- reports (full size) ---------------------------------------------------------------------
say ""
say "== reports: $FULL groups, command line"
G=$(sqlite3 "$FULL_DB" "SELECT id FROM kelompok WHERE dihapus=0 ORDER BY nama, id LIMIT 1")
ms="" kb=0
for i in 1 2 3; do timed "$SIKUBE" --db "$FULL_DB" report groups; ms="$ms $T_MS"; kb=$(max "$kb" "$T_KB"); done
line_ms "report groups" "$(echo "$ms" | median)" "$KEY_MS" "median of 3, all $FULL groups"
ms=""
for i in 1 2 3; do timed "$SIKUBE" --db "$FULL_DB" report monthly --group "$G" --month "$MONTH"; ms="$ms $T_MS"; kb=$(max "$kb" "$T_KB"); done
line_ms "report monthly" "$(echo "$ms" | median)" "$KEY_MS" "median of 3, one group, $MONTH"
ms=""
for i in 1 2 3; do timed "$SIKUBE" --db "$FULL_DB" report loans --format csv; ms="$ms $T_MS"; kb=$(max "$kb" "$T_KB"); done
line_ms "report loans" "$(echo "$ms" | median)" 200 "median of 3, every loan of all $FULL groups ($(rows "$FULL_DB" pinjaman) loans)"
ms=""
for i in 1 2 3; do timed "$SIKUBE" --db "$FULL_DB" report loans; ms="$ms $T_MS"; kb=$(max "$kb" "$T_KB"); done
line_ms "report loans (text)" "$(echo "$ms" | median)" 200 "median of 3, all $FULL groups"
line_mem "reports memory" "$kb" 16

# ---- the hub (PostgreSQL) ----------------------------------------------------------------------
. bench/hub.sh
# ---- check --quick (full size) ---------------------------------------------------------------
say ""
say "== check --quick: $FULL groups; reference sqlite3 PRAGMA quick_check of the same file"
timed "$SIKUBE" --db "$FULL_DB" check --quick
[ "$T_RC" -eq 0 ] || echo "bench: check --quick found problems in the generated data" >&2
ours=$T_MS kb=$T_KB
timed sqlite3 "$FULL_DB" "PRAGMA quick_check"
line_info "check --quick" "ours $(secs "$ours")  quick_check $(secs "$T_MS")  ratio $(ratio "$ours" "$T_MS")  peak $(mb "$kb")  (no goal: every rule reads its table once; the full check adds the index and reference scans)"

bench_end
