#!/bin/sh
# cli_options.sh - options as the tools around SIKUBE take them (spec/cli.md version 2):
# --name value and --name=value, -- ends the options, global options before the command,
# per-command --help (report lists its kinds), help lines within 80 columns in both languages,
# --print-db-path in --help and the man page, write errors on stdout are errors, exit codes.
. "$(dirname "$0")/clilib.sh"
DB="$WORK/s.db"
"$SIKUBE_BIN" --db "$DB" init --sample >/dev/null 2>&1 || { nok "init --sample"; finish; exit 1; }

# --name value and --name=value, before and after the other arguments.
"$SIKUBE_BIN" --db "$DB" report groups --format csv >"$WORK/want" 2>/dev/null
expect_status 0 "--db=PATH" "$SIKUBE_BIN" --db="$DB" report groups --format csv
check "--db=PATH reads the same database" cmp -s "$WORK/out" "$WORK/want"
expect_status 0 "--format=csv" "$SIKUBE_BIN" --db "$DB" report groups --format=csv
check "--format=csv gives the CSV" cmp -s "$WORK/out" "$WORK/want"
expect_status 0 "options before the report kind" "$SIKUBE_BIN" --db "$DB" report --format=csv groups
check "same CSV with the option first" cmp -s "$WORK/out" "$WORK/want"
expect_status 0 "--lang=en" "$SIKUBE_BIN" --lang=en --help
check "--lang=en gives English" grep -q '^Usage:' "$WORK/out"

# -- ends the options: before the command, and before a file name that starts with '-'.
expect_status 0 "-- before the command" "$SIKUBE_BIN" --db "$DB" -- report groups --format csv
check "-- before the command: same CSV" cmp -s "$WORK/out" "$WORK/want"
expect_status 0 "-- before the report kind" "$SIKUBE_BIN" --db "$DB" report --format csv -- groups
check "-- before the kind: same CSV" cmp -s "$WORK/out" "$WORK/want"
"$SIKUBE_BIN" --db "$DB" export "$WORK/b" >/dev/null 2>&1
cp -r "$WORK/b" "$WORK/-bundel"
expect_status 0 "import -- -DIR reads a bundle named with a leading dash" sh -c "cd '$WORK' && '$SIKUBE_BIN' --db '$WORK/i.db' import -- -bundel"
check "its groups arrived" sh -c "'$SIKUBE_BIN' --db '$WORK/i.db' report groups --format csv | grep -q 'KUBE Melati 3'"
expect_status 2 "without -- a leading dash is an option" sh -c "cd '$WORK' && '$SIKUBE_BIN' --db '$WORK/i.db' import -bundel"
expect_status 0 "backup -- FILE" sh -c "cd '$WORK' && '$SIKUBE_BIN' --db '$DB' backup -- -copy.db"
check "the copy named with a dash exists" test -s "$WORK/-copy.db"

# Per-command --help on stdout, exit 0; report lists its kinds.
for cmd in init import export report check backup; do
	expect_status 0 "$cmd --help" "$SIKUBE_BIN" "$cmd" --help
	check "$cmd --help is its usage" grep -q "^Pemakaian: sikube .*$cmd" "$WORK/out"
	check "$cmd --help prints nothing on stderr" test ! -s "$WORK/err"
done
expect_status 0 "report --help" "$SIKUBE_BIN" report --help
for kind in groups eligibility cashbook attendance monthly; do
	check "report --help lists $kind" grep -q "^  $kind " "$WORK/out"
done
check "report --help names --group KODE|ID" grep -q -- '--group KODE|ID' "$WORK/out"
check "report --help names xlsx and --output" grep -q -- '--output FILE' "$WORK/out"
expect_status 0 "report -h" "$SIKUBE_BIN" report -h
expect_status 0 "sikube --help report is report's help" "$SIKUBE_BIN" --help report
check "sikube --help report lists the kinds" grep -q '^  cashbook ' "$WORK/out"
expect_status 0 "export --help" "$SIKUBE_BIN" export --help
check "export --help names --xlsx FILE" grep -q -- '--xlsx FILE' "$WORK/out"

# Every help line fits 80 columns, in both languages.
wide=""
for lang in id en; do
	for cmd in "" init import export report check backup; do
		# shellcheck disable=SC2086
		w=$("$SIKUBE_BIN" --lang "$lang" $cmd --help 2>/dev/null | wc -L)
		[ "$w" -le 80 ] || wide="$wide $lang:${cmd:-sikube}=$w"
	done
done
check "every --help line within 80 columns (wider:${wide:- none})" test -z "$wide"
expect_status 0 "English report --help" "$SIKUBE_BIN" --lang en report --help
check "English report --help is English" grep -q '^Usage: sikube .*report KIND' "$WORK/out"

# --print-db-path: in --help and the man page, and it works.
expect_status 0 "--help" "$SIKUBE_BIN" --help
check "--help names --print-db-path" grep -q -- '--print-db-path' "$WORK/out"
check "--help lists the report kinds" grep -q 'groups, eligibility' "$WORK/out"
check "man page names --print-db-path" grep -q 'print\\-db\\-path' docs/sikube.1
check "man page names export --xlsx" grep -q '\\-\\-xlsx' docs/sikube.1
check "man page names --format xlsx and --output" sh -c "grep -q 'xlsx' docs/sikube.1 && grep -q '\\\\-\\\\-output' docs/sikube.1"
expect_status 0 "--print-db-path" "$SIKUBE_BIN" --db "$WORK/x/y.db" --print-db-path
check "--print-db-path prints the path" test "$(cat "$WORK/out")" = "$WORK/x/y.db"
check "--print-db-path creates nothing" test ! -e "$WORK/x"

# Write errors on stdout are errors, with a message, for every command that prints.
if [ -w /dev/full ]; then
	for args in "--help" "--version" "report --help" "--print-db-path" \
		"--db $DB report groups" "--db $DB report groups --format csv" \
		"--db $DB report cashbook --group GLR-01"; do
		# shellcheck disable=SC2086
		"$SIKUBE_BIN" $args >/dev/full 2>"$WORK/err"
		rc=$?
		if [ "$rc" -ne 0 ] && grep -q 'tidak dapat ditulis' "$WORK/err"; then
			ok "$args >/dev/full fails with a message"
		else
			nok "$args >/dev/full fails with a message (exit $rc)"
		fi
	done
else
	nok "/dev/full is missing: write errors cannot be checked"
fi

# Wrong usage: 2, with a message that names the option and where help is.
expect_status 2 "unknown option of a command" "$SIKUBE_BIN" --db "$DB" report groups --frob
check "the unknown option is named" grep -q -- '--frob' "$WORK/err"
check "where help is" grep -q 'sikube report --help' "$WORK/err"
expect_status 2 "an option lacking its value" "$SIKUBE_BIN" --db "$DB" report cashbook --group
check "the option lacking its value is named" grep -q -- '--group perlu nilai' "$WORK/err"
expect_status 2 "a value given to a flag" "$SIKUBE_BIN" --db "$DB" init --sample=yes
check "the flag is named" grep -q -- '--sample tidak menerima nilai' "$WORK/err"
expect_status 2 "a global option after the command" "$SIKUBE_BIN" report groups --db "$DB"
check "says global options go before the command" grep -q 'sebelum perintah' "$WORK/err"
expect_status 2 "a command's option before the command" "$SIKUBE_BIN" --group GLR-01 report cashbook
check "says a command's options go after it" grep -q 'sesudah perintahnya' "$WORK/err"
expect_status 2 "unknown report kind" "$SIKUBE_BIN" --db "$DB" report nothing
expect_status 2 "two report kinds" "$SIKUBE_BIN" --db "$DB" report groups eligibility
expect_status 2 "bad month" "$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01 --month 2026-13
expect_status 2 "unknown format" "$SIKUBE_BIN" --db "$DB" report groups --format pdf
expect_status 2 "xlsx needs --output" "$SIKUBE_BIN" --db "$DB" report groups --format xlsx
expect_status 2 "cashbook needs --group" "$SIKUBE_BIN" --db "$DB" report cashbook
expect_status 2 "groups takes no --month (its figures are today's)" "$SIKUBE_BIN" --db "$DB" report groups --month 2026-11
check "says so" grep -q 'tidak memakai --month' "$WORK/err"
expect_status 2 "check takes no argument" "$SIKUBE_BIN" --db "$DB" check extra
expect_status 2 "backup needs its file" "$SIKUBE_BIN" --db "$DB" backup
expect_status 2 "export needs a folder or --xlsx" "$SIKUBE_BIN" --db "$DB" export
expect_status 2 "export --xlsx with a folder too" "$SIKUBE_BIN" --db "$DB" export "$WORK/b2" --xlsx "$WORK/o.xlsx"
expect_status 2 "a missing --db file" "$SIKUBE_BIN" --db "$WORK/missing.db" report groups
expect_status 2 "--db with an empty name" "$SIKUBE_BIN" --db= report groups
expect_status 2 "English option error" "$SIKUBE_BIN" --lang en --db "$DB" report groups --frob
check "English option error names the option" grep -q 'unknown option for report: --frob' "$WORK/err"

# Refused or not found: 1.
expect_status 1 "unknown group code" "$SIKUBE_BIN" --db "$DB" report cashbook --group NOPE-99
check "says the group was not found" grep -q 'Kelompok NOPE-99 tidak ditemukan' "$WORK/err"
: >"$WORK/exists.csv"
expect_status 1 "an existing --output file is refused" "$SIKUBE_BIN" --db "$DB" report groups --format csv --output "$WORK/exists.csv"
check "and left empty" test ! -s "$WORK/exists.csv"
finish
