#!/bin/sh
# run_all.sh - run every test of `make check`, several at a time: the unit test binaries of the
# sanitizer build (tests/test_*.c) and the scripts tests/lint_*.sh, cli_*.sh, hub_*.sh, robust_*.sh and
# tmux_*.sh. Every file matching those names is picked up; nothing to register. Each test prints
# `N passed, N failed` as its last such line and exits non-zero when something failed; this
# prints one line per test as it ends, the output of each failed one, and ends with the sum
# `N passed, N failed`. Exit 1 when anything failed.
#
# What a test may rely on (the environment set here):
#   SIKUBE_BIN            the sanitizer (ASan/UBSan) binary; ./sikube is the release one
#   SIKUBE_DATA_DIR       this folder (region list, sample data)
#   SIKUBE_USER, SIKUBE_PASSWORD_FD, SIKUBE_TEST_PASSWORD_FILE  the test operator, logged in
#                         by every sikube a test starts (tests/testauth.sh); the template's
#                         first admin
#   SIKUBE_TEST_TEMPLATE  a read-only database made by `sikube init` for this run (region list
#                         loaded, no groups): copy it instead of loading the 91,600 regions
#                         again; tests/fixture.h (fixture_db, fixture_open) and new_db in
#                         tests/clilib.sh and init_db in tests/tmuxlib.sh do, and give the copy
#                         its own device id. Tests of `init` itself still run init.
#   TMPDIR                for the unit tests, a folder of this run's own removed at the end
#                         (testlib_tmpdir folders are left behind); scripts keep the caller's
#   ASAN_OPTIONS, UBSAN_OPTIONS  (tmux_* scripts run with detect_leaks=0: ncurses keeps memory)
#
# How a test must behave to run beside the others (they run in parallel, in any order):
#   - its own temporary folders: mktemp -d under $TMPDIR (clilib.sh and tmuxlib.sh make
#     $WORK), never a fixed path, and no writes into the source tree other than `make` targets;
#   - its own tmux server: tmux -L <a name with the script's name and $$> (tmuxlib.sh does);
#   - no fixed ports: a server it starts (PostgreSQL, say) listens on a socket in its own folder
#     or on a port it picked and checked free;
#   - every process it starts ends when it ends (trap ... EXIT), also when killed by the
#     per-test time limit (TEST_TIMEOUT seconds, 600 by default; it gets TERM first);
#   - poll for what it waits for with a bounded timeout, never rely on a fixed sleep being long
#     enough: the machine runs JOBS tests at once and may be loaded;
#   - a skip is not a pass: a test that cannot check (tool missing) fails and says what to install.
#
# Usage: sh tests/run_all.sh [NAME_PATTERN...]   (e.g. 'tmux_*' runs only the screen tests)
#   JOBS=N   tests at a time (default: three times the number of cores; the screen tests and
#            the scripts waiting on their programs leave a core idle at two)
#   B=DIR    the build folder of the unit tests (default build/asan)
#   CHECK_START=SECONDS  (make check) the time the build began: the wall time printed at the end
#                        counts from it
cd "$(dirname "$0")/.." || exit 2
B=${B:-build/asan}
export SIKUBE_BIN="${SIKUBE_BIN:-$PWD/$B/sikube}"
export SIKUBE_DATA_DIR="$PWD"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TEST_TIMEOUT="${TEST_TIMEOUT:-600}"
unset SIKUBE_DB LANGUAGE LC_ALL LC_MESSAGES MAKEFLAGS MFLAGS MAKELEVEL

# --one NAME: run one test into $RUN/logs (called by xargs below, several at once).
if [ "$1" = --one ]; then
	name=$2
	base=$(basename "$name")
	log="$RUN/logs/$base.log"
	start=$(date +%s)
	case "$name" in
	tests/tmux_*) timeout -k 10 "$TEST_TIMEOUT" env ASAN_OPTIONS=detect_leaks=0 sh "$name" >"$log" 2>&1 ;;
	*.sh) timeout -k 10 "$TEST_TIMEOUT" sh "$name" >"$log" 2>&1 ;;
	# The unit tests leave their folders (a database each): under $RUN, removed at the end.
	*) TMPDIR="$RUN" timeout -k 10 "$TEST_TIMEOUT" "$name" >"$log" 2>&1 ;;
	esac
	rc=$?
	secs=$(($(date +%s) - start))
	# CPU seconds of the test and every process it waited for (`times`, second line: this
	# shell's children); a tmux server's panes are not counted (it detaches).
	times >"$RUN/logs/$base.times"
	cpu=$(awk 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, a, "m");
		n += a[1] * 60 + a[2] } printf "%d", n + 0.5 }' "$RUN/logs/$base.times")
	echo "$rc" >"$RUN/logs/$base.rc"
	echo "$secs $name" >"$RUN/logs/$base.time"
	echo "$cpu $name" >"$RUN/logs/$base.cpu"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	f=${line#*passed, }
	f=${f%% failed*}
	if [ -n "$line" ] && [ "$rc" -eq 0 ] && [ "$f" -eq 0 ]; then
		echo "ok   $name: $line (${secs} s, cpu ${cpu} s)"
	elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		echo "FAIL $name: killed after $TEST_TIMEOUT s"
	else
		echo "FAIL $name: ${line:-no summary line} (exit $rc, ${secs} s, cpu ${cpu} s)"
	fi
	exit 0
fi

tests_start=$(date +%s)
ncpu=$(nproc 2>/dev/null || echo 2)
JOBS=${JOBS:-$((ncpu * 3))}
# This run's folder (logs, the template, the unit tests' TMPDIR). The scripts keep the
# caller's TMPDIR: screens show paths inside it, and they remove their own $WORK.
RUN=$(mktemp -d "${TMPDIR:-/tmp}/sikube-check-XXXXXX") || exit 2
export RUN
trap 'rm -rf "$RUN"' EXIT
trap 'exit 1' INT TERM
mkdir -p "$RUN/logs"

# The tests, in name order (the order of the report).
tests=""
for t in "$B"/tests/test_*; do
	case "$t" in *.d | *.o) continue ;; esac
	[ -f "$t" ] && [ -x "$t" ] && tests="$tests $t"
done
for s in tests/lint_*.sh tests/cli_*.sh tests/hub_*.sh tests/robust_*.sh tests/tmux_*.sh; do
	[ -f "$s" ] && tests="$tests $s"
done
if [ $# -gt 0 ]; then
	chosen=""
	for t in $tests; do
		for pat in "$@"; do
			# shellcheck disable=SC2254 # the pattern is meant to match
			case "$(basename "$t")" in $pat | $pat.sh) chosen="$chosen $t"; break ;; esac
		done
	done
	tests=$chosen
fi
[ -n "$tests" ] || { echo "no test found"; echo "0 passed, 1 failed"; exit 1; }

# The test operator (tests/testauth.sh): SIKUBE_USER, the password on descriptor 9.
. tests/testauth.sh
testauth_setup "$RUN"

# The template database: the region list loaded once, by the release binary when there is one
# (the sanitizers check init in the tests that run it); its first admin is the test operator,
# with the cheap test hash.
init_bin=$PWD/sikube
[ -x "$init_bin" ] || init_bin=$SIKUBE_BIN
if ! "$init_bin" --db "$RUN/template.db" init >"$RUN/template.log" 2>&1 ||
	! testauth_template "$RUN/template.db" >>"$RUN/template.log" 2>&1; then
	echo "FAIL the template database (sikube init):"
	cat "$RUN/template.log"
	echo "0 passed, 1 failed"
	exit 1
fi
chmod 0400 "$RUN/template.db"
export SIKUBE_TEST_TEMPLATE="$RUN/template.db"

# Longest first, by the wall seconds of the last run here (build/test-times), else of a quiet
# reference run (tests/test-times.ref, for a clean clone); a test in neither (a new one) is
# guessed from its kind: robustness, lint and hub tests take longest. Both files are lines
# "SECONDS NAME", NAME the test's file name.
times=build/test-times
[ -s "$times" ] || times=tests/test-times.ref
order=$(for t in $tests; do
	base=$(basename "$t")
	s=$(awk -v t="$base" '$2 == t { print $1; exit }' "$times" 2>/dev/null)
	if [ -z "$s" ]; then
		case "$t" in
		*/robust_* | */lint_* | */hub_*) s=40 ;;
		*/tmux_* | */cli_*) s=10 ;;
		*) s=1 ;;
		esac
	fi
	echo "$s $t"
done | sort -k1,1nr -k2 | awk '{ print $2 }')

echo "running $(echo $tests | wc -w) tests, $JOBS at a time"
echo "$order" | xargs -P "$JOBS" -n 1 sh tests/run_all.sh --one

passed=0
failed=0
broken=""
for t in $tests; do
	base=$(basename "$t")
	log="$RUN/logs/$base.log"
	rc=$(cat "$RUN/logs/$base.rc" 2>/dev/null || echo 255)
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" 2>/dev/null | tail -n 1)
	p=0
	f=0
	if [ -n "$line" ]; then
		p=${line%% passed*}
		f=${line#*passed, }
		f=${f%% failed*}
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ -z "$line" ] || [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
		[ "$f" -eq 0 ] && failed=$((failed + 1))
		broken="$broken $t"
		echo "---- $t (exit $rc): ${line:-no summary line}"
		if [ -n "$line" ] && grep -q '^not ok' "$log"; then
			# Each failed check with the lines it printed under it (indented or #).
			awk '/^not ok/ { show = 1; print; next } /^(ok|[0-9]+ passed)/ { show = 0 }
			     show && /^[ \t#|]/ { print }' "$log" | head -n 80
			grep -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' "$log" | head -n 10
		else
			tail -n 40 "$log"
		fi
	fi
done
# This run's times, for the order of the next (only a whole run: a chosen few would hide the rest).
if [ $# -eq 0 ] && mkdir -p build 2>/dev/null; then
	cat "$RUN"/logs/*.time 2>/dev/null | awk '{ n = split($2, p, "/"); print $1, p[n] }' |
		sort -k1,1nr -k2 >build/test-times.new && mv build/test-times.new build/test-times
fi
[ -n "$broken" ] && echo "failing:$broken"
end=$(date +%s)
cpu=$(cat "$RUN"/logs/*.cpu 2>/dev/null | awk '{ n += $1 } END { printf "%d", n }')
echo "tests: $cpu s of CPU in all (the busiest: $(cat "$RUN"/logs/*.cpu 2>/dev/null | sort -k1,1nr |
	head -n 5 | awk '{ n = split($2, p, "/"); printf "%s%s %d s", (NR > 1 ? ", " : ""), p[n], $1 }'))"
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
if [ -n "$CHECK_START" ]; then
	echo "make check: $((end - CHECK_START)) s wall (build $((tests_start - CHECK_START)) s, tests $((end - tests_start)) s; load average now $load)"
else
	echo "tests: $((end - tests_start)) s wall (load average now $load)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
