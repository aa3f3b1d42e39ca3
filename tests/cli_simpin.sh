#!/bin/sh
# cli_simpin.sh - savings and loans from the command line (spec/cli.md): `report savings`,
# `loans` and `shareout` as text, CSV and xlsx, --group by code or id, --month; `init --sample`
# then `check` clean; a bundle with the new files round-trips byte for byte through
# export/import; `check` names a corrupted repayment and exits 1; an import of a bundle whose
# repayment is above its loan is refused (exit 1) with the row named in --report.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
DB="$WORK/s.db"
new_db "$DB" --sample || { nok "init --sample"; finish; exit 1; }
expect_status 0 "check of the sample with savings and loans" "$SIKUBE_BIN" --db "$DB" check
check "check says no problem" grep -q 'tidak ada masalah' "$WORK/err"
G=$(sqlite3 "$DB" "SELECT id FROM kelompok WHERE kode='GLR-01'")

# report savings
expect_status 0 "savings by code" "$SIKUBE_BIN" --db "$DB" report savings --group GLR-01 --format csv
cp "$WORK/out" "$WORK/sav-code.csv"
check "the spec's savings header" sh -c "head -1 '$WORK/out' | grep -qx 'anggota_id,nama,pokok,wajib,sukarela,jumlah'"
check "a row per member (10)" test "$(wc -l <"$WORK/out")" -eq 11
expect_status 0 "savings by id" "$SIKUBE_BIN" --db "$DB" report savings --group "$G" --format csv
check "by id = by code" cmp -s "$WORK/out" "$WORK/sav-code.csv"
expect_status 0 "savings of a month" "$SIKUBE_BIN" --db "$DB" report savings --group GLR-01 --month 2026-10 --format csv
check "October's savings are less" sh -c "! cmp -s '$WORK/out' '$WORK/sav-code.csv'"
expect_status 2 "savings needs --group" "$SIKUBE_BIN" --db "$DB" report savings
expect_status 0 "savings as text" "$SIKUBE_BIN" --db "$DB" report savings --group GLR-01
check "text within 80 columns" sh -c "! awk 'length > 80' '$WORK/out' | grep -q ."
expect_status 0 "savings as xlsx" "$SIKUBE_BIN" --db "$DB" report savings --group GLR-01 --format xlsx --output "$WORK/sav.xlsx"
check "the workbook exists" test -s "$WORK/sav.xlsx"

# report loans
expect_status 0 "loans of every group" "$SIKUBE_BIN" --db "$DB" report loans --format csv
check "the spec's loans header" sh -c "head -1 '$WORK/out' | grep -qx 'pinjaman_id,anggota_id,nama,tanggal,pokok,sumber,sisa_pokok,jasa_dibayar,tunggakan,hari_terlambat,status'"
check "four loans in the sample" test "$(wc -l <"$WORK/out")" -eq 5
expect_status 0 "loans of one group at a month's end" "$SIKUBE_BIN" --db "$DB" report loans --group GLR-01 --month 2026-11 --format csv
check "the loan in arrears" grep -q ',Tuminah,2026-10-23,150000,simpin,93750,1686,38624,10,menunggak$' "$WORK/out"
expect_status 0 "loans as text" "$SIKUBE_BIN" --db "$DB" report loans --group GLR-01
check "loans text within 80 columns" sh -c "! awk 'length > 80' '$WORK/out' | grep -q ."
check "loans text gives the portfolio at risk" grep -q 'portofolio berisiko' "$WORK/out"
expect_status 0 "loans as xlsx" "$SIKUBE_BIN" --db "$DB" report loans --format xlsx --output "$WORK/loans.xlsx"

# report shareout
expect_status 0 "shareout of the running cycle" "$SIKUBE_BIN" --db "$DB" report shareout --group GLR-01 --format csv
check "the spec's share-out header" sh -c "head -1 '$WORK/out' | grep -qx 'anggota_id,nama,simpanan,bagian_hasil,potongan,dibayar'"
expect_status 2 "shareout takes no --month" "$SIKUBE_BIN" --db "$DB" report shareout --group GLR-01 --month 2026-11
expect_status 0 "shareout as text" "$SIKUBE_BIN" --db "$DB" report shareout --group GLR-02
check "the page to sign" grep -q 'Tanda tangan' "$WORK/out"

# A bundle with the new files round-trips byte for byte.
"$SIKUBE_BIN" --db "$DB" export "$WORK/x1" >/dev/null 2>&1
new_db "$WORK/b.db"
expect_status 0 "the bundle imports into an empty database" "$SIKUBE_BIN" --db "$WORK/b.db" import "$WORK/x1"
"$SIKUBE_BIN" --db "$WORK/b.db" export "$WORK/x2" >/dev/null 2>&1
same=1
for f in siklus simpanan pinjaman angsuran denda bagi_hasil kas; do
	cmp -s "$WORK/x1/$f.csv" "$WORK/x2/$f.csv" || { same=0; echo "# $f.csv differs"; }
done
check "siklus..bagi_hasil and kas round-trip byte for byte" test "$same" -eq 1

# check names a corrupted repayment and exits 1.
R=$(sqlite3 "$WORK/b.db" "SELECT id FROM angsuran ORDER BY tanggal DESC, id LIMIT 1")
sqlite3 "$WORK/b.db" "UPDATE angsuran SET pokok=pokok+1000 WHERE id='$R'"
expect_status 1 "check of a corrupted repayment" "$SIKUBE_BIN" --db "$WORK/b.db" check
check "check names the repayment" grep -q "Angsuran $R" "$WORK/out" "$WORK/err"

# An import refuses a repayment above its loan, naming the row.
cp -r "$WORK/x1" "$WORK/bad"
L=$(awk -F, 'NR == 2 { print $1 }' "$WORK/bad/angsuran.csv")
awk -F, 'BEGIN { OFS = "," } NR == 2 { $4 = $4 + 900000 } { print }' "$WORK/x1/angsuran.csv" >"$WORK/bad/angsuran.csv"
sum=$(sha256sum "$WORK/bad/angsuran.csv" | cut -d' ' -f1)
sed -i "s/^sha256.angsuran.csv,.*/sha256.angsuran.csv,$sum/" "$WORK/bad/manifest.csv"
new_db "$WORK/c.db"
expect_status 1 "a repayment above its loan refuses the import" "$SIKUBE_BIN" --db "$WORK/c.db" import "$WORK/bad" --report "$WORK/rep.csv"
check "the report names angsuran.csv line 2" grep -q 'angsuran.csv,2,pokok,' "$WORK/rep.csv"
check "nothing was imported" test "$(sqlite3 "$WORK/c.db" 'SELECT count(*) FROM angsuran')" -eq 0
test -n "$L" || nok "the bundle had a repayment"
finish
