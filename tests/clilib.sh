# clilib.sh - helpers for the command-line test scripts (sourced).
# Each check prints `ok - NAME` or `not ok - NAME`; finish prints `N passed, N failed`.
SIKUBE_BIN=${SIKUBE_BIN:-./sikube}
# Messages are checked in Bahasa Indonesia, the default: an English locale in the caller's
# environment must not switch them (tests ask for English with --lang en or LANG=...).
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
PASS=0
FAIL=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sikube-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# Every sikube of the script runs as the test operator (tests/testauth.sh).
. "$(dirname "$0")/testauth.sh"
testauth_setup "$WORK"

ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $1"; }
# check NAME CMD...: passes when CMD succeeds.
check() { name=$1; shift; if "$@"; then ok "$name"; else nok "$name"; fi; }
# expect_status N NAME CMD...: passes when CMD exits with N (output kept in $WORK/out, $WORK/err).
expect_status() {
	want=$1; name=$2; shift 2
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else nok "$name (exit $got, want $want)"; sed 's/^/    /' "$WORK/err" | head -5; fi
}
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }
# new_db PATH [--sample]: a new database at PATH as `sikube init [--sample]` makes it, without
# loading the region list again: a copy of $SIKUBE_TEST_TEMPLATE (tests/run_all.sh makes one per
# run) with a device id of its own, then init. Without a template, init alone. Status of init;
# its output in $WORK/init.out. (Tests of init itself call `sikube init`.)
new_db() {
	_db=$1
	shift
	if [ -n "$SIKUBE_TEST_TEMPLATE" ] && [ ! -e "$_db" ]; then
		cp "$SIKUBE_TEST_TEMPLATE" "$_db" && chmod 600 "$_db" &&
			sqlite3 "$_db" "UPDATE pengaturan SET nilai='$(cat /proc/sys/kernel/random/uuid)' WHERE kunci='perangkat'" ||
			return 1
	fi
	"$SIKUBE_BIN" --db "$_db" init "$@" >"$WORK/init.out" 2>&1
}
# The generator of big databases (tools/bench-gen): the one beside the binary under test, else
# the release build's; SIKUBE_GEN overrides.
GEN=${SIKUBE_GEN:-$(dirname "$SIKUBE_BIN")/bench-gen}
[ -x "$GEN" ] || GEN=build/release/bench-gen
# exchanged_rows DB: every row of the exchanged tables, every column but disimpan_pada (when
# this database stored the row: local, differs by design), as CSV in key order.
exchanged_rows() {
	for t in kelompok anggota penilaian pertemuan kehadiran kas siklus simpanan pinjaman angsuran \
		denda bagi_hasil; do
		cols=$(sqlite3 "$1" "SELECT group_concat(name) FROM pragma_table_info('$t') WHERE name<>'disimpan_pada'")
		sqlite3 -csv "$1" "SELECT $cols FROM $t ORDER BY 1, 2"
	done
}
