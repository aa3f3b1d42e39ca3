#!/bin/sh
# cli_levels.sh - the development assessment on the command line (issue 14): `report levels`
# as CSV with the spec's columns (the sample has a group at each level and one never
# assessed), --group, text, xlsx; the bundle's evaluasi.csv round-trips through an empty
# database byte for byte; a wrong skor (and tingkat) in an imported row is recomputed; a group
# typed at another level follows its assessment; `check` finds a group's level changed behind
# SIKUBE's back.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
S=$SIKUBE_BIN
DB="$WORK/s.db"
new_db "$DB" --sample || { nok "init --sample"; cat "$WORK/init.out"; finish; exit 1; }
check "the sample database checks clean" sh -c "'$S' --db '$DB' check >/dev/null 2>&1"

HEAD="kelompok_id,nama,kode_wilayah,tanggal,s1,s2,s3,s4,e1,e2,e3,e4,skor,tingkat,kuartil"
expect_status 0 "report levels --format csv" "$S" --db "$DB" report levels --format csv
check "the spec's columns" test "$(head -n 1 "$WORK/out")" = "$HEAD"
check "one row per group assessed (4 of the 5)" test "$(wc -l <"$WORK/out")" -eq 5
for lvl in tumbuh berkembang maju mandiri; do
	check "a group at level $lvl" grep -q ",$lvl,[1-4]\$" "$WORK/out"
done
check "the latest of GLR-01's two assessments" grep -q ',KUBE Melati 3,31.71.08.1003,2026-11-20,4,3,3,3,3,3,3,3,25,maju,3$' "$WORK/out"
check "quartiles 1 to 4 over 4 groups" test "$(cut -d, -f15 "$WORK/out" | sed 1d | sort | tr -d '\n')" = "1234"
cp "$WORK/out" "$WORK/levels.csv"

expect_status 0 "--group by code" "$S" --db "$DB" report levels --group GLR-02 --format csv
check "one group, quartile 1" sh -c "test \$(wc -l <'$WORK/out') -eq 2 && grep -q ',31,mandiri,1\$' '$WORK/out'"
expect_status 0 "levels as text" "$S" --db "$DB" report levels
check "text: n and the boundaries" grep -q '^Kuartil dari 4 kelompok: Q1 = ' "$WORK/out"
check "text: the group never assessed is counted" grep -q 'Belum pernah dinilai: 1 kelompok' "$WORK/out"
check "text: within 80 columns" test "$(wc -L <"$WORK/out")" -le 80
expect_status 0 "levels --lang en" "$S" --db "$DB" --lang en report levels --format csv
check "csv header stays the contract in English" test "$(head -n 1 "$WORK/out")" = "$HEAD"
expect_status 0 "levels as xlsx" "$S" --db "$DB" report levels --format xlsx --output "$WORK/levels.xlsx"
check "the workbook is written" test -s "$WORK/levels.xlsx"
expect_status 2 "levels takes no --month" "$S" --db "$DB" report levels --month 2026-11
expect_status 0 "monthly names the level and the last assessment" "$S" --db "$DB" report monthly --group GLR-01 --month 2026-11
check "monthly: Dinilai line" grep -q '^Dinilai    : 2026-11-20, skor 25 dari 32 (maju)$' "$WORK/out"

# Round trip: sample -> bundle -> empty database -> bundle: the same evaluasi.csv.
expect_status 0 "export" "$S" --db "$DB" export "$WORK/b1"
check "evaluasi.csv in the bundle" grep -q '^baris.evaluasi.csv,5$' "$WORK/b1/manifest.csv"
new_db "$WORK/e.db"
expect_status 0 "import into an empty database" "$S" --db "$WORK/e.db" import "$WORK/b1"
expect_status 0 "export again" "$S" --db "$WORK/e.db" export "$WORK/b2"
check "evaluasi.csv round-trips byte for byte" cmp -s "$WORK/b1/evaluasi.csv" "$WORK/b2/evaluasi.csv"
check "kelompok.csv too (levels unchanged by the import)" cmp -s "$WORK/b1/kelompok.csv" "$WORK/b2/kelompok.csv"
expect_status 0 "the same report there" "$S" --db "$WORK/e.db" report levels --format csv
check "report levels is the same" cmp -s "$WORK/out" "$WORK/levels.csv"

# A wrong skor and tingkat in an imported row: recomputed, not refused; the group follows.
cp -r "$WORK/b1" "$WORK/b3"
sed -i 's/,4,3,3,3,3,3,3,3,25,maju,/,4,3,3,3,3,3,3,3,9,tumbuh,/' "$WORK/b3/evaluasi.csv"
check "crafted: a wrong skor" grep -q ',9,tumbuh,' "$WORK/b3/evaluasi.csv"
sed -i "s/^sha256.evaluasi.csv,.*/sha256.evaluasi.csv,$(sha256sum "$WORK/b3/evaluasi.csv" | cut -d' ' -f1)/" "$WORK/b3/manifest.csv"
new_db "$WORK/w.db"
expect_status 0 "a wrong skor imports" "$S" --db "$WORK/w.db" import "$WORK/b3"
check "skor recomputed to 25 maju" test "$(sqlite3 "$WORK/w.db" "SELECT skor || ' ' || tingkat FROM evaluasi WHERE tanggal='2026-11-20'")" = "25 maju"
check "the group follows: maju" test "$(sqlite3 "$WORK/w.db" "SELECT tingkat FROM kelompok WHERE kode='GLR-01'")" = "maju"
check "nothing for check to find" sh -c "'$S' --db '$WORK/w.db' check >/dev/null 2>&1"

# A level typed behind SIKUBE's back: check names it.
sqlite3 "$DB" "UPDATE kelompok SET tingkat='mandiri' WHERE kode='GLR-03'"
expect_status 1 "check finds the group's level against its assessment" "$S" --db "$DB" check
check "named with both levels" grep -q 'KUBE Bersih Jaya bertingkat mandiri, tetapi penilaian perkembangan terakhirnya (2026-04-20) memberi tingkat tumbuh' "$WORK/out" "$WORK/err"
finish
