#!/bin/sh
# lint_cppcheck.sh - the tree stays clean under cppcheck (`make cppcheck`).
cd "$(dirname "$0")/.." || exit 2
if ! command -v cppcheck >/dev/null 2>&1; then
	echo "cppcheck not installed"
	echo "0 passed, 1 failed"
	exit 1
fi
if make -s cppcheck; then
	echo "ok - cppcheck clean"
	echo "1 passed, 0 failed"
else
	echo "not ok - cppcheck found problems"
	echo "0 passed, 1 failed"
	exit 1
fi
