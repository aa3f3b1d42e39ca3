#!/bin/sh
# hub_report.sh - `sikube hub report` against a private PostgreSQL cluster (tests/hublib.sh):
# groups and eligibility give what `sikube report` gives on the office's own database,
# regions sums one level below the code asked for, a province's report reads that province's
# partitions only (EXPLAIN), xlsx holds the CSV report's cells, the reports not yet possible
# say why, and a Dinas Sosial's two roles (README): one that loads and owns only the hub's
# schema, one that only reads.
. "$(dirname "$0")/clilib.sh"
. "$(dirname "$0")/hublib.sh"
hub_test_start

new_db "$WORK/a.db" --sample
S --db "$WORK/a.db" export "$WORK/A1" >/dev/null 2>&1
new_db "$WORK/b.db"
"$GEN" --db "$WORK/b.db" --groups 4 --members 6 --years 1 --seed 11 2>/dev/null
S --db "$WORK/b.db" export "$WORK/B1" >/dev/null 2>&1
H=$(hub_db h)
expect_status 1 "a report of a hub never loaded: refused" S hub report groups --pg "$H"
check "... saying nothing was loaded yet" grep -q "Hub masih kosong" "$WORK/err"
expect_status 0 "two offices loaded" S hub load --pg "$H" "$WORK/A1" "$WORK/B1"

# ---- the office's own reports, from the hub ---------------------------------------------------
for kind in groups eligibility; do
	S --db "$WORK/a.db" report $kind --format csv >"$WORK/a.$kind" 2>/dev/null
	S --db "$WORK/b.db" report $kind --format csv >"$WORK/b.$kind" 2>/dev/null
	expect_status 0 "hub report $kind --wilayah 31.71" S hub report $kind --pg "$H" --wilayah 31.71 --format csv
	check "$kind of 31.71 is office A's own report" cmp -s "$WORK/a.$kind" "$WORK/out"
	expect_status 0 "hub report $kind --wilayah 33" S hub report $kind --pg "$H" --wilayah 33 --format=csv
	check "$kind of province 33 is office B's own report" cmp -s "$WORK/b.$kind" "$WORK/out"
	expect_status 0 "hub report $kind, whole country" S hub report $kind --pg "$H" --format csv
	check "$kind of the country holds both offices" test "$(grep -c '' "$WORK/out")" = \
		"$(($(grep -c '' "$WORK/a.$kind") + $(grep -c '' "$WORK/b.$kind") - 1))"
done
# levels and loans as the office gives them (the same day: a loan's position is today's)
for kind in levels loans; do
	S --db "$WORK/a.db" report $kind --format csv >"$WORK/a.$kind" 2>/dev/null
	S --db "$WORK/b.db" report $kind --format csv >"$WORK/b.$kind" 2>/dev/null
	check "$kind: office A's report has rows" test "$(grep -c '' "$WORK/a.$kind")" -gt 2
	expect_status 0 "hub report $kind --wilayah 31.71" S hub report $kind --pg "$H" --wilayah 31.71 --format csv
	check "$kind of 31.71 is office A's own report" cmp -s "$WORK/a.$kind" "$WORK/out"
	expect_status 0 "hub report $kind --wilayah 33.01" S hub report $kind --pg "$H" --wilayah 33.01 --format csv
	check "$kind of kabupaten 33.01 is office B's own report" cmp -s "$WORK/b.$kind" "$WORK/out"
	expect_status 0 "hub report $kind, whole country" S hub report $kind --pg "$H" --format csv
	check "$kind of the country holds both offices" test "$(grep -c '' "$WORK/out")" = \
		"$(($(grep -c '' "$WORK/a.$kind") + $(grep -c '' "$WORK/b.$kind") - 1))"
done
check "loans: office B's generated groups have loans" test "$(grep -c '' "$WORK/b.loans")" -gt 2
S --db "$WORK/a.db" report levels --format xlsx --output "$WORK/a-levels.xlsx" >/dev/null 2>&1
expect_status 0 "hub report levels as xlsx" S hub report levels --pg "$H" --wilayah 31.71 --format xlsx --output "$WORK/levels.xlsx"
expect_status 0 "hub report levels as text" S hub report levels --pg "$H" --wilayah 31.71.08
check "levels text: a group's level and quartile" grep -Eq "tingkat (tumbuh|berkembang|maju|mandiri), kuartil [1-4]" "$WORK/out"
expect_status 0 "hub report loans as text" S hub report loans --pg "$H" --wilayah 31.71
check "loans text: a heading per group" grep -q "^KUBE " "$WORK/out"
check "loans text: money with thousands separators" grep -Eq "pokok Rp [0-9]+\.[0-9]{3}" "$WORK/out"

expect_status 0 "hub report groups of one village" S hub report groups --pg "$H" --wilayah 31.71.08.1002 --format csv
check "one village: its one group" test "$(grep -c '' "$WORK/out")" = 2

# ---- regions ----------------------------------------------------------------------------------
expect_status 0 "hub report regions, whole country" S hub report regions --pg "$H" --format csv
check "regions: the spec's columns" test "$(head -n 1 "$WORK/out")" = \
	"kode_wilayah,nama,kelompok,kelompok_aktif,anggota,anggota_miskin,persen_miskin,desil_1_4,iks_terkumpul,simpanan,pinjaman_beredar,tunggakan,tumbuh,berkembang,maju,mandiri"
check "regions of the country: a row per province" test "$(grep -c '' "$WORK/out")" = \
	"$(($(grep -Ec '^[0-9]{2},' "$SIKUBE_DATA_DIR/data/wilayah_kepmendagri_2025.csv") + 1))"
# the office's savings and loans figures: report savings of each group summed; report loans'
# outstanding principal and arrears of the loans neither paid off nor written off
SIMP=$(for g in $(sqlite3 "$WORK/a.db" "SELECT id FROM kelompok WHERE dihapus=0"); do
	S --db "$WORK/a.db" report savings --group "$g" --format csv 2>/dev/null; done |
	awk -F, '$1 != "anggota_id" { s += $NF } END { print s + 0 }')
BER=$(awk -F, '$NF == "berjalan" || $NF == "menunggak" { s += $(NF-4) } END { print s + 0 }' "$WORK/a.loans")
TUNG=$(awk -F, '$NF == "berjalan" || $NF == "menunggak" { s += $(NF-2) } END { print s + 0 }' "$WORK/a.loans")
check "the sample office has savings, loans outstanding and arrears" test "$SIMP" -gt 0 -a "$BER" -gt 0 -a "$TUNG" -gt 0
check "regions: Jakarta's figures (5 groups, 50 members, 10 poor of 12 assessed = 83%, IKS dues, savings, loans)" \
	grep -q "^31,Daerah Khusus Ibukota Jakarta,5,[0-9]*,50,10,83,47,352500,$SIMP,$BER,$TUNG,2,1,1,1\$" "$WORK/out"
check "regions: Jawa Tengah has office B's 4 groups" grep -q '^33,Jawa Tengah,4,' "$WORK/out"
# Office B's loans: some paid off, which the regions report passes over in SQL (their sums
# and schedule totals in sikube.bayar, hub migration 3) without changing a figure.
BER=$(awk -F, '$NF == "berjalan" || $NF == "menunggak" { s += $(NF-4) } END { print s + 0 }' "$WORK/b.loans")
TUNG=$(awk -F, '$NF == "berjalan" || $NF == "menunggak" { s += $(NF-2) } END { print s + 0 }' "$WORK/b.loans")
PAID=$(hub_psql "$H" "SELECT count(*) FROM sikube.bayar b JOIN sikube.pinjaman p ON p.id = b.pinjaman_id AND p.prov = b.prov WHERE b.pokok >= p.pokok AND b.jasa >= b.jasa_jadwal AND b.terakhir <= current_date")
check "office B has loans paid off ($PAID): the regions report passes them over in SQL" test "$PAID" -gt 0
check "every loan with repayments has its schedule totals" test "$(hub_psql "$H" "SELECT count(*) FROM sikube.bayar WHERE jasa_jadwal IS NULL")" = 0
check "regions: Jawa Tengah's loans outstanding and arrears are office B's" grep -q "^33,Jawa Tengah,4,.*,$BER,$TUNG,[0-9]*,[0-9]*,[0-9]*,[0-9]*\$" "$WORK/out"
check "regions: a province without KUBE shows zeros" grep -q '^11,Aceh,0,0,0,0,,0,0,0,0,0,0,0,0,0$' "$WORK/out"
# a hub made before the savings figures (schema 1): its next load adds and fills them (and
# the rows' fingerprints of migration 4, NULL on the rows loaded before)
cp "$WORK/out" "$WORK/regions.csv"
hub_psql "$H" "DROP TABLE sikube.bayar; ALTER TABLE sikube.ringkas DROP COLUMN simpanan;
	$(for t in kelompok anggota penilaian pertemuan kehadiran kas tutup_buku siklus simpanan \
		pinjaman angsuran denda bagi_hasil evaluasi; do printf 'ALTER TABLE sikube.%s DROP COLUMN sidik; ' $t; done)
	DELETE FROM sikube.versi_skema WHERE versi >= 2"
expect_status 2 "a hub of schema 1: the report asks for one load" S hub report regions --pg "$H" --format csv
check "... saying so" grep -q "hub load" "$WORK/err"
expect_status 0 "the same bundle again: migrations 2 to 4 run" S hub load --pg "$H" "$WORK/A1"
check "... to version 4" test "$(hub_psql "$H" 'SELECT max(versi) FROM sikube.versi_skema')" = 4
check "... the rows loaded before have no fingerprint: judged again, none passed over" test \
	"$(hub_psql "$H" "SELECT count(*) FROM sikube.anggota WHERE sidik IS NOT NULL")" = 0
check "... the schedule totals of every loan with repayments, office B's too" test \
	"$(hub_psql "$H" "SELECT count(*) FROM sikube.bayar WHERE jasa_jadwal IS NULL") $(hub_psql "$H" "SELECT count(*) FROM sikube.bayar WHERE prov = 33")" = "0 $(sqlite3 "$WORK/b.db" "SELECT count(DISTINCT pinjaman_id) FROM angsuran WHERE dihapus = 0")"
expect_status 0 "hub report regions after migrations 2 to 4" S hub report regions --pg "$H" --format csv
check "... the same figures as loaded with them" cmp -s "$WORK/regions.csv" "$WORK/out"
expect_status 0 "hub report regions of a kecamatan" S hub report regions --pg "$H" --wilayah 31.71.08 --format csv
check "regions of a kecamatan: its villages" grep -q '^31.71.08.1003,Galur,4,' "$WORK/out"
check "regions of a kecamatan: the village level only" sh -c "! grep -Eq '^31\.71\.08,' '$WORK/out'"
G=$(sqlite3 "$WORK/a.db" "SELECT count(*) FROM kelompok WHERE kode_wilayah LIKE '31.71.08.%' AND dihapus=0")
check "regions: the villages add up to the kecamatan" test "$(awk -F, 'NR > 1 { s += $3 } END { print s }' "$WORK/out")" = "$G"
expect_status 0 "hub report regions of a village" S hub report regions --pg "$H" --wilayah 31.71.08.1003 --format csv
check "regions of a village: the village itself" test "$(tail -n +2 "$WORK/out" | cut -d, -f1-3)" = "31.71.08.1003,Galur,4"

# ---- text, for people -------------------------------------------------------------------------
expect_status 0 "hub report eligibility as text" S hub report eligibility --pg "$H" --wilayah 31.71
check "text: a heading per group" grep -q "^KUBE Melati 3$" "$WORK/out"
full=0
for n in $(sqlite3 "$WORK/a.db" "SELECT nik FROM anggota"); do grep -q "$n" "$WORK/out" && full=1; done
check "text: no full NIK" test $full -eq 0
check "text: NIKs masked after 6 digits" grep -Eq '^  [0-9]{6}\*{10}  ' "$WORK/out"
expect_status 0 "hub report groups as text" S hub report groups --pg "$H" --wilayah 31.71
check "text: money with thousands separators" grep -q "Rp 2.975.000" "$WORK/out"
check "text: lines fit 80 columns" test "$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$WORK/out")" -le 80
expect_status 0 "hub report regions in English" S --lang en hub report regions --pg "$H" --wilayah 31.71
check "English labels" grep -q "groups 5" "$WORK/out"
expect_status 0 "--output FILE" S hub report groups --pg "$H" --format csv --output "$WORK/g.csv"
check "--output: the report in the file, private" sh -c "cmp -s '$WORK/g.csv' '$WORK/a.groups' || test \"\$(grep -c '' '$WORK/g.csv')\" -gt 5; test \"\$(stat -c %a '$WORK/g.csv')\" = 600"

# ---- a province's report reads its partitions only ----------------------------------------------
for kind in groups eligibility levels loans regions; do
	expect_status 0 "EXPLAIN of $kind for kabupaten 33.01" env SIKUBE_HUB_EXPLAIN=1 "$SIKUBE_BIN" hub report $kind --pg "$H" --wilayah 33.01
	check "$kind of 33.01 reads province 33's partitions" grep -q '_p33' "$WORK/out"
	check "$kind of 33.01 reads no other province's partition" sh -c "! grep -q '_p31' '$WORK/out'"
done
cp "$WORK/out" "$WORK/explain.txt"

expect_status 2 "xlsx without --output" S hub report groups --pg "$H" --format xlsx

# ---- xlsx: the CSV's cells, dates as dates and numbers as numbers (read with openpyxl) -----------
cat >"$WORK/xlsx.py" <<'EOF'
import csv, datetime, sys
import openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
def text(c):
    v = c.value
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    return str(v)
got = [[text(c) for c in r] for r in ws.iter_rows()]
want = list(csv.reader(open(sys.argv[2], newline="")))
typed = (all(isinstance(c.value, int) for c in ws["J"][1:])
         and all(c.is_date for c in ws["I"][1:] if c.value is not None))
print("same" if got == want and typed and ws.freeze_panes == "A2" else "differ: %r / %r" % (got[:2], want[:2]))
EOF
PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
check "python3-openpyxl installed (make test-deps)" test -n "$PY"
expect_status 0 "hub report groups as xlsx" S hub report groups --pg "$H" --wilayah 31.71 --format xlsx --output "$WORK/g.xlsx"
check "xlsx: the saved file is named" grep -q "g.xlsx" "$WORK/err"
check "xlsx: private" test "$(stat -c %a "$WORK/g.xlsx")" = 600
check "xlsx: the CSV report's cells, a date and a money column typed, header frozen" \
	test "$(${PY:-false} "$WORK/xlsx.py" "$WORK/g.xlsx" "$WORK/a.groups" 2>&1)" = same
cat >"$WORK/same.py" <<'EOF'
import sys
import openpyxl
a, b = (openpyxl.load_workbook(p).active for p in sys.argv[1:3])
print("same" if [[c.value for c in r] for r in a.iter_rows()] ==
      [[c.value for c in r] for r in b.iter_rows()] and a.max_row > 2 else "differ")
EOF
check "xlsx: levels the same cells as the office's workbook (code column too)" \
	test "$(${PY:-false} "$WORK/same.py" "$WORK/levels.xlsx" "$WORK/a-levels.xlsx" 2>&1)" = same
expect_status 1 "xlsx: an existing file is not overwritten" S hub report groups --pg "$H" --format xlsx --output "$WORK/g.xlsx"
expect_status 2 "an unknown report" S hub report people --pg "$H"
expect_status 2 "an unknown format" S hub report groups --pg "$H" --format pdf
expect_status 2 "a malformed region code" S hub report groups --pg "$H" --wilayah 33-01
expect_status 1 "a region code not in the list" S hub report groups --pg "$H" --wilayah 33.99
expect_status 2 "report needs a kind" S hub report --pg "$H"

# ---- a Dinas Sosial's roles (README "The hub") ------------------------------------------------
hub_psql "$PG_ADMIN" "CREATE ROLE kantor LOGIN; CREATE ROLE pembaca LOGIN"
hub_psql "$PG_ADMIN" "CREATE DATABASE dinsos"
D="host=$PG_SOCK dbname=dinsos"
# the README's commands, word for word but for the names
hub_psql "$D user=hub" "CREATE SCHEMA sikube AUTHORIZATION kantor;
	REVOKE ALL ON DATABASE dinsos FROM PUBLIC;
	GRANT CONNECT, TEMPORARY ON DATABASE dinsos TO kantor;
	GRANT CONNECT ON DATABASE dinsos TO pembaca;
	GRANT USAGE ON SCHEMA sikube TO pembaca;
	ALTER DEFAULT PRIVILEGES FOR ROLE kantor IN SCHEMA sikube GRANT SELECT ON TABLES TO pembaca"
expect_status 0 "the loading role (owns the schema only) loads" S hub load --pg "$D user=kantor" "$WORK/A1"
check "it is no superuser and cannot create databases" test "$(hub_psql "$PG_ADMIN" "SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = 'kantor'")" = f
expect_status 0 "the reading role reports" S hub report groups --pg "$D user=pembaca" --format csv
check "... the same report" cmp -s "$WORK/a.groups" "$WORK/out"
expect_status 0 "the reading role exports a region" S hub export --pg "$D user=pembaca" --wilayah 31.71 "$WORK/R"
expect_status 1 "the reading role cannot load" S hub load --pg "$D user=pembaca" "$WORK/B1"
check "... PostgreSQL says why" grep -q "permission denied" "$WORK/err"
check "... and nothing of B came in" test "$(hub_psql "$D user=hub" 'SELECT count(*) FROM sikube.kelompok')" = 5
finish
