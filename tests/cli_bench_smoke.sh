#!/bin/sh
# cli_bench_smoke.sh - bench/run.sh at toy size (seconds), so `make bench` cannot rot between
# runs: it finishes, prints every figure with its goal, and keeps its promise to exit 0. The
# times mean nothing here (tiny data, a loaded machine); only the shape is checked.
. "$(dirname "$0")/clilib.sh"
# A missing tool is a failure, not a skip: `make check` installs them (sh .ci/install-deps check).
for tool in /usr/bin/time sqlite3 script; do
	command -v "$tool" >/dev/null || { nok "$tool is installed (sh .ci/install-deps check)"; finish; exit 1; }
done
# The release build, as `make bench` runs it: the sanitizers would add nothing here (the same
# code paths run under them in the other tests) but minutes of CPU.
root=$(cd "$(dirname "$0")/.." && pwd)
GEN=${SIKUBE_GEN:-$root/build/release/bench-gen}
BIN=$root/sikube
[ -x "$BIN" ] || BIN=$(cd "$(dirname "$SIKUBE_BIN")" && pwd)/$(basename "$SIKUBE_BIN")
[ -x "$GEN" ] || GEN=$(dirname "$SIKUBE_BIN")/bench-gen
# The busy mode and the full-size import too: every line is printed.
expect_status 0 "bench/run.sh at toy size exits 0" env -u SIKUBE_USER -u SIKUBE_PASSWORD_FD \
	-u SIKUBE_TEST_PASSWORD_FILE SIKUBE="$BIN" GEN="$GEN" BENCH_GROUPS=3 \
	BENCH_IMPORT_GROUPS=2 BENCH_SMALL_GROUPS=1 BENCH_RUNS=1 BENCH_DIR="$WORK/bench" \
	BENCH_BUSY=1 BENCH_BUSY_LOAD="exec sleep 600" BENCH_FULL_IMPORT=1 \
	ASAN_OPTIONS=detect_leaks=0 sh bench/run.sh
for name in "export " "export memory" "import " "re-import unchanged" "import one week" \
	"import memory" "first draw" "first open of a day" "open_kelompok" "anggota_search" \
	"kelayakan_all_end" "kas_group" "screens memory" "report groups" "report monthly" \
	"hub load " "hub load memory" "hub load one week" "hub report regions"; do
	check "prints $name with a goal" grep -q "^$name.*goal" "$WORK/out"
done
check "both import baselines, at both sizes" \
	test "$(grep -c '^import .* schema .*goal <= 1.5' "$WORK/out")" -eq 2 -a \
	"$(grep -c '^import .* \.import .*goal <= 5' "$WORK/out")" -eq 2
check "export goal 1.3" grep -q "^export .*goal <= 1.3" "$WORK/out"
check "busy mode said, 100 ms goals" grep -q "^BENCH_BUSY=1: 1 CPU-bound" "$WORK/out"
check "screen goals of the busy mode" grep -q "^open_kelompok .*goal < 100 ms" "$WORK/out"
check "check --quick timed" grep -q "^check --quick .*ours .*quick_check" "$WORK/out"
pids=$(cat "$WORK/bench/load.pids")
check "the load was started" test -n "$pids"
alive=0
# (a process of the load still running; reaped or a zombie is ended)
for p in $pids; do
	st=$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null)
	case "$st" in "" | Z*) ;; *) alive=1 ;; esac
done
check "the load ended with the run" test "$alive" = 0
check "every scripted action reached its screen" \
	test "$(grep -c 'groups\|member-search\|eligibility\|meetings\|cash-book\|main' "$WORK/out")" -ge 20
check "the summary line" grep -q "goal(s) missed" "$WORK/out"
check "results file written" test -s "$WORK/bench/results.txt"
finish
