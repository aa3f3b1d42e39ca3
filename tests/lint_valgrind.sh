#!/bin/sh
# lint_valgrind.sh - valgrind's memcheck over the plain (release) build: no invalid access, no
# use of an uninitialised value (which the sanitizers of the other tests do not see), no leak.
# In `make check`: the unit tests of the lowest layers and of the CSV reader (VALGRIND_TESTS),
# and `sikube init --sample`, which loads the region list and imports the sample bundle
# through the readers for real. test_exchange (about 50 s of CPU under memcheck, a sixth of
# the whole check) and test_region (15 s: SQLite searching 83,762 villages under memcheck, little
# of it SIKUBE's own code) run with the rest in `make valgrind`. Every other unit test runs under the sanitizers in `make check`, and under
# valgrind too with VALGRIND_ALL=1 (`make valgrind`). Two at a time to use both cores.
cd "$(dirname "$0")/.." || exit 2
VALGRIND_TESTS=${VALGRIND_TESTS:-"test_csvio test_db test_util test_validate"}
if ! command -v valgrind >/dev/null 2>&1; then
	echo "not ok - valgrind is installed (sh .ci/install-deps check)"
	echo "0 passed, 1 failed"
	exit 1
fi
export SIKUBE_DATA_DIR="$PWD"
out=$(mktemp -d "${TMPDIR:-/tmp}/sikube-valgrind-XXXXXX")
trap 'rm -rf "$out"' EXIT
# The unit tests copy a template database instead of loading the region list (tests/fixture.h).
if [ -z "$SIKUBE_TEST_TEMPLATE" ] && ./sikube --db "$out/template.db" init >/dev/null 2>&1; then
	export SIKUBE_TEST_TEMPLATE="$out/template.db"
fi
# The release build of what runs (in `make check` only the chosen unit tests are built).
if [ "$VALGRIND_ALL" = 1 ]; then
	make -s all tests >/dev/null 2>&1 || { echo "not ok - build"; echo "0 passed, 1 failed"; exit 1; }
	list=$(find build/release/tests -name 'test_*' -type f ! -name '*.d' | sort)
else
	list=""
	for t in $VALGRIND_TESTS; do list="$list build/release/tests/$t"; done
	# shellcheck disable=SC2086 # the list is words
	make -s all $list >/dev/null 2>&1 || { echo "not ok - build"; echo "0 passed, 1 failed"; exit 1; }
fi
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9"
# The unit tests leave their folders (a database each) in TMPDIR: inside $out, removed below.
# shellcheck disable=SC2086 # the list is words
printf '%s\n' $list | xargs -P 2 -I{} sh -c \
	'if [ -x {} ]; then TMPDIR="$0" '"$VG"' {} >"$0/$(basename {}).log" 2>&1; echo $? >"$0/$(basename {}).rc";
	 else echo "missing {}" >"$0/$(basename {}).log"; echo 127 >"$0/$(basename {}).rc"; fi' "$out"
# The database of the run's operator (tests/testauth.sh) without its region list: init loads
# the list through the CSV reader under valgrind, and the login checks the test hash (a
# database made from nothing would hash its first admin's password at full strength, 64 MiB
# of Argon2id, which memcheck makes ten seconds or more).
if [ -n "$SIKUBE_TEST_TEMPLATE" ] && cp "$SIKUBE_TEST_TEMPLATE" "$out/v.db" && chmod 600 "$out/v.db"; then
	sqlite3 "$out/v.db" "DELETE FROM wilayah" || rm -f "$out/v.db"
fi
$VG ./sikube --db "$out/v.db" init --sample >"$out/cli.log" 2>&1
echo $? >"$out/cli.rc"
pass=0
fail=0
for rc in "$out"/*.rc; do
	name=$(basename "$rc" .rc)
	if [ "$(cat "$rc")" = 0 ]; then
		pass=$((pass + 1)); echo "ok - valgrind $name"
	else
		fail=$((fail + 1)); echo "not ok - valgrind $name"; head -n 30 "$out/$name.log" | sed 's/^/    # /'
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
