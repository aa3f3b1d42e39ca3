#!/bin/sh
# cli_import_walk.sh - a merge into a database that already holds the tables reads the stored
# rows in key order alongside each file (src/import_walk.c). Every case a walk could get
# wrong gives exactly the rows, counts and problem lines the lookup per row gave: rows newer
# and older in the bundle, ties with other text (the savepoint of tie()), deleted attendance
# rows, rows missing from the database between stored keys and above the last one, a bundle
# whose keys do not rise (the careful pass), two bundles of the same tables in one command, a
# small bundle into a bigger database (merged, and refused with its problem lines), an
# integer written otherwise than SQLite writes it. cli_import_walk.expected is what main said
# at 1f1642b, before the walk: the script passes with that binary too (WALK_SHOW=FILE keeps
# what a run said).
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
A="$WORK/a.db"
T="$WORK/t.db"

# 1 group, 2 years: 1,560 attendance rows, 1,112 cash rows (the generator is seeded).
check "generate 1 group with 2 years of meetings" "$GEN" --db "$A" --groups 1 --years 2 --seed 7
expect_status 0 "export its bundle" "$SIKUBE_BIN" --db "$A" export "$WORK/b"

# The database the bundles go into: the same rows, changed. By each table's key order (n):
# attendance 1 in 10 older here (the bundle's is newer), 1 in 10 newer here, 1 in 10 the
# same stamp with another status (a tie), 1 in 20 deleted with the same stamp, 1 in 20
# deleted and older, 1 in 10 missing, the last 30 missing; cash 1 in 7 older, 1 in 7 newer,
# ties with a greater and with a smaller description, 1 in 7 missing, the last 20 missing,
# and a tie on an amount stored as text.
cp "$A" "$T"
sqlite3 "$T" "
CREATE TEMP TABLE r AS SELECT pertemuan_id p, anggota_id a,
  row_number() OVER (ORDER BY pertemuan_id, anggota_id) n FROM kehadiran;
CREATE TEMP TABLE k AS SELECT id, row_number() OVER (ORDER BY id) n FROM kas;
UPDATE kehadiran SET status=CASE status WHEN 'S' THEN 'I' ELSE 'S' END,
  diubah_pada='2020-01-01T00:00:00Z' WHERE (pertemuan_id, anggota_id) IN (SELECT p, a FROM r WHERE n%10=1);
UPDATE kehadiran SET status=CASE status WHEN 'S' THEN 'I' ELSE 'S' END,
  diubah_pada='2023-06-01T00:00:00Z' WHERE (pertemuan_id, anggota_id) IN (SELECT p, a FROM r WHERE n%10=2);
UPDATE kehadiran SET status=CASE status WHEN 'S' THEN 'I' ELSE 'S' END, diubah_pada='x'||diubah_pada
  WHERE (pertemuan_id, anggota_id) IN (SELECT p, a FROM r WHERE n%10=3);
UPDATE kehadiran SET dihapus=1, diubah_pada='x'||diubah_pada
  WHERE (pertemuan_id, anggota_id) IN (SELECT p, a FROM r WHERE n%20=4);
UPDATE kehadiran SET diubah_pada=substr(diubah_pada, 2) WHERE diubah_pada LIKE 'x%';
UPDATE kehadiran SET dihapus=1, diubah_pada='2020-01-01T00:00:00Z'
  WHERE (pertemuan_id, anggota_id) IN (SELECT p, a FROM r WHERE n%20=14);
DELETE FROM kehadiran WHERE (pertemuan_id, anggota_id) IN
  (SELECT p, a FROM r WHERE n%10=6 OR n > (SELECT max(n) FROM r) - 30);
UPDATE kas SET uraian=uraian||' (lama)', diubah_pada='2020-01-01T00:00:00Z' WHERE id IN (SELECT id FROM k WHERE n%7=1);
UPDATE kas SET uraian=uraian||' (baru)', diubah_pada='2023-06-01T00:00:00Z' WHERE id IN (SELECT id FROM k WHERE n%7=2);
UPDATE kas SET uraian='~'||uraian, diubah_pada='x'||diubah_pada WHERE id IN (SELECT id FROM k WHERE n%14=3);
UPDATE kas SET uraian=' '||uraian, diubah_pada='x'||diubah_pada WHERE id IN (SELECT id FROM k WHERE n%14=10);
UPDATE kas SET masuk=CAST(masuk AS TEXT)||' ', diubah_pada='x'||diubah_pada
  WHERE id IN (SELECT id FROM k WHERE n%28=5) AND masuk>0;
UPDATE kas SET diubah_pada=substr(diubah_pada, 2) WHERE diubah_pada LIKE 'x%';
DELETE FROM kas WHERE id IN (SELECT id FROM k WHERE n%7=4 OR n > (SELECT max(n) FROM k) - 20);
" || nok "change the database"

# A bundle's manifest after its file $2 changed.
remanifest() {
	n=$(($(wc -l <"$1/$2") - 1))
	sum=$(sha256sum "$1/$2" | cut -d' ' -f1)
	sed -i "s/^baris\.$2,.*/baris.$2,$n/; s/^sha256\.$2,.*/sha256.$2,$sum/" "$1/manifest.csv"
}
# The rows of file $2 of bundle $1 kept when awk's condition $3 holds (on NR, the line).
keep_rows() {
	awk "NR == 1 || ($3)" "$1/$2" >"$1/$2.new" && mv "$1/$2.new" "$1/$2" && remanifest "$1" "$2"
}
# import CASE DB BUNDLE...: into a copy of DB; what it said (folders as W), its status, the
# digest of its rows and what check says, into $WORK/got.
import_case() {
	name=$1
	cp "$2" "$WORK/$name.db"
	shift 2
	"$SIKUBE_BIN" --db "$WORK/$name.db" import "$@" >"$WORK/out" 2>"$WORK/err"
	st=$?
	"$SIKUBE_BIN" --db "$WORK/$name.db" check >/dev/null 2>&1
	{
		echo "== $name: exit $st, check $?"
		cat "$WORK/out" "$WORK/err" | sed "s#$WORK#W#g" | grep -v "tidak bertanda tangan" >"$WORK/said"
		# A table's line when the bundle changed something in it (the sum checks the rest);
		# the first problem lines, and all of them by their digest.
		grep -v "^W/" "$WORK/said" | grep -v "ditambah 0, diperbarui 0, tidak berubah [0-9]*, ditolak 0$"
		grep "^W/" "$WORK/said" | head -3
		echo "problem lines $(grep -c "^W/" "$WORK/said") $(grep "^W/" "$WORK/said" | sha256sum | cut -c1-16)"
		echo "rows $(exchanged_rows "$WORK/$name.db" | sha256sum | cut -c1-16)"
	} >>"$WORK/got"
	[ -z "$WALK_KEEP" ] && rm -f "$WORK/$name.db" "$WORK/$name.db-wal" "$WORK/$name.db-shm" || cp "$WORK/$name.db" "$WALK_KEEP-$name.db"
}
: >"$WORK/got"

# 1. The whole bundle into the changed database.
import_case mixed "$T" "$WORK/b"

# 2. Keys that do not rise: two attendance rows and two cash rows swapped, and the cash
# rows' last line first.
cp -r "$WORK/b" "$WORK/b2"
awk 'NR == 101 { held = $0; next } NR == 102 { print; print held; next } { print }' \
	"$WORK/b/kehadiran.csv" >"$WORK/b2/kehadiran.csv"
remanifest "$WORK/b2" kehadiran.csv
{ head -1 "$WORK/b/kas.csv"; tail -1 "$WORK/b/kas.csv"; sed '1d;$d' "$WORK/b/kas.csv"; } >"$WORK/b2/kas.csv"
remanifest "$WORK/b2" kas.csv
import_case falling "$T" "$WORK/b2"

# 3. Two bundles of the same tables in one command: the first, then one from a database
# where some rows are later still.
cp "$A" "$WORK/u.db"
sqlite3 "$WORK/u.db" "
UPDATE kehadiran SET status='A', diubah_pada='2024-01-01T00:00:00Z' WHERE (pertemuan_id, anggota_id) IN
  (SELECT pertemuan_id, anggota_id FROM kehadiran ORDER BY pertemuan_id DESC, anggota_id LIMIT 40);
UPDATE kehadiran SET status='I', diubah_pada='2024-02-01T00:00:00Z' WHERE (pertemuan_id, anggota_id) IN
  (SELECT pertemuan_id, anggota_id FROM kehadiran WHERE iuran_kas=0 ORDER BY anggota_id, pertemuan_id LIMIT 25);
UPDATE kas SET uraian='Koreksi', diubah_pada='2024-01-01T00:00:00Z' WHERE id IN
  (SELECT id FROM kas ORDER BY id DESC LIMIT 300) AND rowid%3=0;" || nok "change the second database"
expect_status 0 "export the second bundle" "$SIKUBE_BIN" --db "$WORK/u.db" export "$WORK/b3"
import_case two "$T" "$WORK/b" "$WORK/b3"

# 4. A small bundle into a bigger database: 1 attendance row in 25 and 1 cash row in 19 of
# the second bundle (the walk steps a few rows, then seeks), into the first database without
# some attendance rows of no dues (1 in 3 of them, and the last ones: new keys between the
# stored ones and above the last).
cp -r "$WORK/b3" "$WORK/b4"
keep_rows "$WORK/b4" kehadiran.csv "NR % 25 == 7"
keep_rows "$WORK/b4" kas.csv "NR % 19 == 4"
cp "$A" "$WORK/s.db"
sqlite3 "$WORK/s.db" "
CREATE TEMP TABLE r AS SELECT pertemuan_id p, anggota_id a,
  row_number() OVER (ORDER BY pertemuan_id, anggota_id) n FROM kehadiran;
DELETE FROM kehadiran WHERE iuran_kas=0 AND iuran_iks=0 AND (pertemuan_id, anggota_id) IN
  (SELECT p, a FROM r WHERE n%3=0 OR n > (SELECT max(n) FROM r) - 80);" || nok "change the third database"
import_case small "$WORK/s.db" "$WORK/b4"

# 5. The same small selection of the first bundle into the changed database: refused (dues
# that no longer add up); the problem lines name the rows the merge met.
cp -r "$WORK/b" "$WORK/b6"
keep_rows "$WORK/b6" kehadiran.csv "NR % 25 == 7"
keep_rows "$WORK/b6" kas.csv "NR % 19 == 4"
import_case refused "$T" "$WORK/b6"

# 6. Amounts written with a leading zero (read as the same number), on rows whose stamp is
# the stored one: a tie, kept.
cp -r "$WORK/b" "$WORK/b5"
awk -F, 'BEGIN { OFS = "," } NR == 5 || NR == 9 || NR == 14 { $8 = "0" $8; $9 = "00" $9 } { print }' \
	"$WORK/b/kas.csv" >"$WORK/b5/kas.csv"
remanifest "$WORK/b5" kas.csv
import_case integers "$A" "$WORK/b5"

# What main said at 1f1642b, before the walk (a lookup per row).
WANT="$(dirname "$0")/cli_import_walk.expected"
if cmp -s "$WANT" "$WORK/got"; then
	ok "every case: the same rows, counts and problem lines as the lookup per row"
else
	nok "every case: the same rows, counts and problem lines as the lookup per row"
	diff "$WANT" "$WORK/got" | sed 's/^/    /' | head -60
fi
[ -z "$WALK_SHOW" ] || cp "$WORK/got" "$WALK_SHOW"
finish
