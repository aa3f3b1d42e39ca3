#!/bin/sh
# Run every test of `make check`: the unit test binaries of the sanitizer build, the
# command-line scripts, the robustness scripts (kills, bad files, fuzzing) and the tmux screen
# scripts. Each prints `N passed, N failed` last; this sums them and ends with the same line. Exit 1 when anything failed.
cd "$(dirname "$0")/.." || exit 2
B=${B:-build/asan}
export SIKUBE_BIN="${SIKUBE_BIN:-$PWD/$B/sikube}"
export SIKUBE_DATA_DIR="$PWD"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TMPDIR="${TMPDIR:-/tmp}"
unset SIKUBE_DB LANGUAGE LC_ALL LC_MESSAGES
passed=0
failed=0
broken=""
logdir=$(mktemp -d)
run_one() {
	name=$1
	shift
	log="$logdir/$(basename "$name").log"
	"$@" >"$log" 2>&1
	rc=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	if [ -z "$line" ]; then
		failed=$((failed + 1))
		broken="$broken $name"
		echo "FAIL $name (exit $rc, no summary line)"
		tail -n 20 "$log"
		return
	fi
	p=${line%% passed*}
	f=${line#*passed, }
	f=${f%% failed*}
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ] || [ $rc -ne 0 ]; then
		[ "$f" -eq 0 ] && failed=$((failed + 1))
		broken="$broken $name"
		echo "FAIL $name: $line (exit $rc)"
		grep -E '^not ok|ERROR|runtime error' "$log" | head -n 30
	else
		echo "ok   $name: $line"
	fi
}
for t in "$B"/tests/test_*; do
	[ -x "$t" ] || continue
	run_one "$t" "$t"
done
for s in tests/lint_*.sh tests/cli_*.sh tests/hub_*.sh tests/robust_*.sh tests/tmux_*.sh; do
	[ -f "$s" ] || continue
	# ncurses keeps some memory until exit; leaks are checked in the unit tests.
	case "$s" in tests/tmux_*) run_one "$s" env ASAN_OPTIONS=detect_leaks=0 sh "$s" ;;
	*) run_one "$s" sh "$s" ;; esac
done
rm -rf "$logdir"
[ -n "$broken" ] && echo "failing:$broken"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
