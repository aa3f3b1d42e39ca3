#!/bin/sh
# cli_basic.sh - the command line of spec/cli.md: init, report groups, exit codes, paths.
. "$(dirname "$0")/clilib.sh"
DB="$WORK/t.db"

expect_status 0 "--version" "$SIKUBE_BIN" --version
check "--version prints the version" grep -q '^sikube [0-9]' "$WORK/out"
expect_status 0 "--help" "$SIKUBE_BIN" --help
check "--help lists the commands" grep -q 'report KIND' "$WORK/out"
expect_status 2 "unknown command is a usage error" "$SIKUBE_BIN" --db "$DB" frobnicate
expect_status 2 "unknown language is a usage error" "$SIKUBE_BIN" --lang xx --version

expect_status 0 "init" "$SIKUBE_BIN" --db "$DB" init
check "database file is private (0600)" test "$(stat -c %a "$DB")" = 600
expect_status 0 "report groups on an empty database" "$SIKUBE_BIN" --db "$DB" report groups --format csv
check "csv header per spec" test "$(head -n 1 "$WORK/out")" = "kelompok_id,nama,kode_wilayah,tingkat,anggota_aktif,anggota_dinilai,anggota_miskin,persen_miskin,pertemuan_terakhir,saldo_umum,saldo_iks"

if [ -f sample-data/kelompok.csv ]; then
	SDB="$WORK/sample.db"
	expect_status 0 "init --sample" "$SIKUBE_BIN" --db "$SDB" init --sample
	expect_status 0 "report groups csv" "$SIKUBE_BIN" --db "$SDB" report groups --format csv
	groups=$(($(wc -l <sample-data/kelompok.csv) - 1))
	check "every sample group listed" test "$(($(wc -l <"$WORK/out") - 1))" -eq "$groups"
	check "sample groups have active members" awk -F, 'NR>1 && $5<5 {bad=1} END {exit bad}' "$WORK/out"
	check "sample groups have meetings, assessments and cash" awk -F, \
		'NR>1 && ($9=="" || $6==0 || $10==0) {bad=1} END {exit bad}' "$WORK/out"
	expect_status 0 "the sample passes check" "$SIKUBE_BIN" --db "$SDB" check
	expect_status 0 "init --sample twice adds nothing" "$SIKUBE_BIN" --db "$SDB" init --sample
	check "second load reports 0 new groups" grep -q ' 0 kelompok' "$WORK/err"
	expect_status 0 "report groups text" "$SIKUBE_BIN" --db "$SDB" report groups
	check "text report names a group" grep -q "$(sed -n '2p' sample-data/kelompok.csv | cut -d, -f3 | tr -d '"')" "$WORK/out"
	gid=$(sed -n '2p' sample-data/kelompok.csv | cut -d, -f1)
	expect_status 0 "report groups --group" "$SIKUBE_BIN" --db "$SDB" report groups --group "$gid" --format csv
	check "one group reported" test "$(wc -l <"$WORK/out")" -eq 2
fi
expect_status 1 "report for an unknown group" "$SIKUBE_BIN" --db "$DB" report groups --group nope --format csv

expect_status 2 "database in a missing folder" "$SIKUBE_BIN" --db "$WORK/none/x.db" init
check "clear message for an unopenable database" grep -q 'x.db' "$WORK/err"
expect_status 2 "report on a missing database" "$SIKUBE_BIN" --db "$WORK/missing.db" report groups
echo "not a database, only text that is long enough to look like a file" >"$WORK/text.db"
expect_status 2 "a text file is not a database" "$SIKUBE_BIN" --db "$WORK/text.db" report groups
check "message says it is not a database" grep -q 'bukan basis data' "$WORK/err"
expect_status 2 "a folder is not a database" "$SIKUBE_BIN" --db "$WORK" init

sqlite3 "$DB" 'PRAGMA user_version=42' 2>/dev/null
expect_status 2 "newer schema refused" "$SIKUBE_BIN" --db "$DB" report groups
check "message says a newer version made it" grep -q 'lebih baru' "$WORK/err"

# Default path: $SIKUBE_DB, else XDG_DATA_HOME, created private with its folder.
expect_status 0 "SIKUBE_DB honoured" env SIKUBE_DB="$WORK/env.db" "$SIKUBE_BIN" init
check "SIKUBE_DB file created" test -f "$WORK/env.db"
expect_status 0 "XDG default path" env -u SIKUBE_DB XDG_DATA_HOME="$WORK/xdg" "$SIKUBE_BIN" init
check "default database created under XDG_DATA_HOME" test -f "$WORK/xdg/sikube/sikube.db"
check "default folder is private (0700)" test "$(stat -c %a "$WORK/xdg/sikube")" = 700
expect_status 0 "HOME default path" env -u SIKUBE_DB -u XDG_DATA_HOME HOME="$WORK/home" "$SIKUBE_BIN" init
check "default database under ~/.local/share" test -f "$WORK/home/.local/share/sikube/sikube.db"
# The default database is made on first use by any command, not only init (spec/cli.md).
expect_status 0 "report on a default database not made yet" env -u SIKUBE_DB XDG_DATA_HOME="$WORK/xdg2" "$SIKUBE_BIN" report groups --format csv
check "it was created, private" test "$(stat -c %a "$WORK/xdg2/sikube/sikube.db")" = 600
check "and reports the header only" test "$(wc -l <"$WORK/out")" -eq 1

expect_status 2 "screens need a terminal" "$SIKUBE_BIN" --db "$DB" </dev/null
expect_status 0 "English help" "$SIKUBE_BIN" --lang en --help
check "English help is English" grep -q '^Usage:' "$WORK/out"
expect_status 0 "Indonesian help by default" "$SIKUBE_BIN" --help
check "default help is Indonesian" grep -q '^Pemakaian:' "$WORK/out"
expect_status 0 "help under an English locale" env LANG=en_US.UTF-8 "$SIKUBE_BIN" --help
check "LANG=en_US.UTF-8 gives English" grep -q '^Usage:' "$WORK/out"
expect_status 0 "help under LANGUAGE=en" env LANGUAGE=en "$SIKUBE_BIN" --help
check "LANGUAGE=en gives English" grep -q '^Usage:' "$WORK/out"
expect_status 0 "--lang id under an English locale" env LANG=en_US.UTF-8 "$SIKUBE_BIN" --lang id --help
check "--lang id wins over the locale" grep -q '^Pemakaian:' "$WORK/out"
expect_status 2 "English usage error" "$SIKUBE_BIN" --lang en --db "$DB" frobnicate
check "usage error in English" grep -q 'unknown command: frobnicate' "$WORK/err"
expect_status 2 "option error under an English locale" env LANG=en_US.UTF-8 "$SIKUBE_BIN" --db
check "option error in English" grep -q -- '--db needs a value' "$WORK/err"
expect_status 0 "init under --lang en" "$SIKUBE_BIN" --lang en --db "$WORK/en.db" init
check "init message in English" grep -q '^Database ready' "$WORK/err"
expect_status 1 "English error for an unknown group" "$SIKUBE_BIN" --lang en --db "$WORK/en.db" report groups --group nope
check "not-found error in English" grep -q 'Group nope not found' "$WORK/err"
if [ -f sample-data/kelompok.csv ]; then
	expect_status 0 "report groups text in English" "$SIKUBE_BIN" --lang en --db "$SDB" report groups --format text
	check "English text report headings" grep -q '^  Active members [0-9]*, assessed' "$WORK/out"
	check "English text report: region and level" grep -q '^  Region .*, level: ' "$WORK/out"
	check "English text report: balances" grep -q '^  General cash balance Rp' "$WORK/out"
	expect_status 0 "report groups csv in English" "$SIKUBE_BIN" --lang en --db "$SDB" report groups --format csv
	check "csv header stays the contract under --lang en" test "$(head -n 1 "$WORK/out")" = "kelompok_id,nama,kode_wilayah,tingkat,anggota_aktif,anggota_dinilai,anggota_miskin,persen_miskin,pertemuan_terakhir,saldo_umum,saldo_iks"
	check "csv values stay the stored ones under --lang en" awk -F, 'NR>1 && $4 !~ /^(tumbuh|berkembang|maju|mandiri)$/ {bad=1} END {exit bad}' "$WORK/out"
fi

# The core never includes curses headers (it must stay testable without a terminal).
check "core has no curses includes" sh -c '! grep -lE "#include *<(n?cursesw?|ncursesw/[a-z]+|form|menu|panel)\.h>" src/*.c include/*.h'
finish
