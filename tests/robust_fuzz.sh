#!/bin/sh
# robust_fuzz.sh - fuzzing the readers of files from outside (CSV, manifest, import) with
# libFuzzer (tests/fuzz/fuzz_import.c, built by clang: make fuzz). Replays every regression
# file in tests/fuzz/regress/ and the seed corpus, then fuzzes for a bounded time on a copy of
# tests/fuzz/corpus/ (FUZZ_SECONDS; 25 on CI, 15 otherwise; set it higher for a longer hunt). A crash, leak or an input slower
# than FUZZ_TIMEOUT seconds fails the test; its input is printed (base64) to be kept as a
# regression file once the core is fixed.
. "$(dirname "$0")/clilib.sh"
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "$FUZZ_SECONDS" ]; then
	if [ "$CI" = true ]; then FUZZ_SECONDS=25; else FUZZ_SECONDS=15; fi
fi
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
export SIKUBE_DATA_DIR="$root"
# libFuzzer itself checks for leaks at the end; the sanitizers stop at the first report.
export ASAN_OPTIONS="abort_on_error=0:detect_leaks=1"

if ! command -v clang >/dev/null 2>&1; then
	nok "clang is installed (sh .ci/install-deps check)"
	finish
	exit 1
fi
# Warnings are errors here as in the builds of `make check`.
if make -C "$root" --no-print-directory -j2 WERROR=1 fuzz >"$WORK/build.log" 2>&1; then
	ok "the fuzz target builds"
else
	nok "the fuzz target builds"
	tail -n 20 "$WORK/build.log" | sed 's/^/    # /'
	finish
	exit 1
fi
FUZZ="$root/build/fuzz/fuzz_import"
# The target makes its own folder (testlib_tmpdir: $TMPDIR) and never removes it: inside
# $WORK it goes with the test instead of staying in /tmp after every run.
export TMPDIR="$WORK"

# show_crash LOG: the sanitizer report and the input that caused it.
show_crash() {
	grep -E 'ERROR|SUMMARY|runtime error|Test unit written|timeout' "$1" | head -n 10 | sed 's/^/    # /'
	for a in "$WORK"/crash-* "$WORK"/leak-* "$WORK"/timeout-* "$WORK"/oom-*; do
		[ -f "$a" ] || continue
		echo "    # input $(basename "$a") ($(wc -c <"$a") bytes), base64:"
		head -c 4096 "$a" | base64 | sed 's/^/    #   /'
	done
}

# Every crash ever found (and each kind of bad file) replays clean, one run each.
n=$(ls "$root"/tests/fuzz/regress/* 2>/dev/null | wc -l)
if "$FUZZ" -timeout="$FUZZ_TIMEOUT" -artifact_prefix="$WORK/" "$root"/tests/fuzz/regress/* >"$WORK/regress.log" 2>&1; then
	ok "the $n regression files replay without a crash"
else
	nok "the $n regression files replay without a crash"
	show_crash "$WORK/regress.log"
fi
if "$FUZZ" -timeout="$FUZZ_TIMEOUT" -artifact_prefix="$WORK/" "$root"/tests/fuzz/corpus/* >"$WORK/seeds.log" 2>&1; then
	ok "the seed corpus replays without a crash"
else
	nok "the seed corpus replays without a crash"
	show_crash "$WORK/seeds.log"
fi

# Fuzz for a bounded time; new inputs go to the copy, never into the tree.
mkdir -p "$WORK/corpus"
cp "$root"/tests/fuzz/corpus/* "$WORK/corpus/"
if "$FUZZ" -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=2048 \
	-artifact_prefix="$WORK/" -print_final_stats=1 "$WORK/corpus" >"$WORK/fuzz.log" 2>&1; then
	ok "fuzzing for $FUZZ_SECONDS s found no crash"
else
	nok "fuzzing for $FUZZ_SECONDS s found no crash"
	show_crash "$WORK/fuzz.log"
fi
echo "# $(grep -E '^stat::number_of_executed_units' "$WORK/fuzz.log" | sed 's/.*: *//') inputs tried," \
	"$(ls "$WORK/corpus" | wc -l) in the corpus afterwards"
finish
