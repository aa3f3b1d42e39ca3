#!/bin/sh
# lint_valgrind.sh - the plain build's unit tests and one command run clean under valgrind
# (no invalid access, no leak). Two at a time to use both cores.
cd "$(dirname "$0")/.." || exit 2
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind not installed"
	echo "0 passed, 1 failed"
	exit 1
fi
make -s all tests >/dev/null 2>&1 || { echo "not ok - build"; echo "0 passed, 1 failed"; exit 1; }
export SIKUBE_DATA_DIR="$PWD"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
find build/release/tests -name 'test_*' -type f ! -name '*.d' | xargs -P 2 -I{} sh -c \
	'valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 {} >"$0/$(basename {}).log" 2>&1; echo $? >"$0/$(basename {}).rc"' "$out"
valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=9 \
	./sikube --db "$out/v.db" init --sample >"$out/cli.log" 2>&1
echo $? >"$out/cli.rc"
pass=0
fail=0
for rc in "$out"/*.rc; do
	name=$(basename "$rc" .rc)
	if [ "$(cat "$rc")" = 0 ]; then
		pass=$((pass + 1)); echo "ok - valgrind $name"
	else
		fail=$((fail + 1)); echo "not ok - valgrind $name"; head -n 30 "$out/$name.log"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
