#!/bin/sh
# cli_cash.sh - after importing a bundle: `report cashbook` ends each book on the balance its
# rows add up to (deleted rows excluded, reversals included), `report attendance` gives per
# member the H/I/S/A counts and the dues paid, `check` passes, importing again posts nothing
# twice; after corrupting one posting with the sqlite3 shell, `check` names it and exits 1.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
GEN=${SIKUBE_GEN:-$(dirname "$SIKUBE_BIN")/bench-gen}
[ -x "$GEN" ] || GEN=build/release/bench-gen
A="$WORK/a.db"
B="$WORK/b.db"
check "generate 3 groups with a year of meetings" "$GEN" --db "$A" --groups 3 --years 1

# A deleted row and a reversal travel in the bundle too.
sqlite3 "$A" "UPDATE kas SET dihapus=1, diubah_pada='2026-11-01T00:00:00Z' WHERE rowid=(SELECT min(rowid) FROM kas WHERE kategori='pembelian');
INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,membalik_id,diubah_pada)
  SELECT 'eeeeeeee-0000-4000-8000-000000000001', kelompok_id, tanggal, 'BKM-99999', buku, kategori,
  'Pembalikan', keluar, 0, id, diubah_pada FROM kas WHERE kategori='pembelian' AND dihapus=0
  ORDER BY rowid DESC LIMIT 1;"
check "the changed source still passes check" "$SIKUBE_BIN" --db "$A" check
expect_status 0 "export the bundle" "$SIKUBE_BIN" --db "$A" export "$WORK/bundle"
expect_status 0 "import it into a new database" "$SIKUBE_BIN" --db "$B" import "$WORK/bundle"

groups=$(sqlite3 "$B" "SELECT id FROM kelompok ORDER BY id")
bad=0
attbad=0
for g in $groups; do
	"$SIKUBE_BIN" --db "$B" report cashbook --group "$g" --format csv >"$WORK/cb.csv" 2>"$WORK/err" || bad=$((bad + 1))
	for buku in umum iks; do
		# Last running balance of the book in the report (the CSV's last column).
		last=$(awk -F, -v b="$buku" 'NR > 1 && $3 == b { s = $NF } END { print s + 0 }' "$WORK/cb.csv")
		want=$(sqlite3 "$B" "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id='$g' AND buku='$buku' AND dihapus=0")
		[ "$last" = "$want" ] || { bad=$((bad + 1)); echo "# $g $buku: report ends on $last, rows add up to $want"; }
	done
	rows=$(($(wc -l <"$WORK/cb.csv") - 1))
	want=$(sqlite3 "$B" "SELECT count(*) FROM kas WHERE kelompok_id='$g' AND dihapus=0")
	[ "$rows" = "$want" ] || { bad=$((bad + 1)); echo "# $g: $rows rows listed, $want not deleted"; }

	"$SIKUBE_BIN" --db "$B" report attendance --group "$g" --format csv >"$WORK/att.csv" 2>"$WORK/err" || attbad=$((attbad + 1))
	awk -F, 'NR > 1 { print $1 "," $4 "," $5 "," $6 "," $7 "," $(NF-1) "," $NF }' "$WORK/att.csv" | sort >"$WORK/att.got"
	sqlite3 -csv "$B" "SELECT a.id, coalesce(sum(h.status='H'),0), coalesce(sum(h.status='I'),0),
		coalesce(sum(h.status='S'),0), coalesce(sum(h.status='A'),0), coalesce(sum(h.iuran_kas),0),
		coalesce(sum(h.iuran_iks),0) FROM anggota a LEFT JOIN (SELECT k.* FROM kehadiran k JOIN
		pertemuan p ON p.id=k.pertemuan_id WHERE p.dihapus=0 AND k.dihapus=0) h ON h.anggota_id=a.id
		WHERE a.kelompok_id='$g' AND a.dihapus=0 GROUP BY a.id" | tr -d '\r' | sort >"$WORK/att.want"
	cmp -s "$WORK/att.got" "$WORK/att.want" || { attbad=$((attbad + 1)); diff "$WORK/att.got" "$WORK/att.want" | head -5 | sed 's/^/# /'; }
done
check "cashbook ends each book on the balance its rows add up to" test "$bad" -eq 0
check "the deleted row is not listed, the reversal is" test "$(sqlite3 "$B" "SELECT count(*) FROM kas WHERE dihapus=1") $(sqlite3 "$B" "SELECT count(*) FROM kas WHERE membalik_id IS NOT NULL")" = "1 1"
check "attendance gives per member H/I/S/A and dues paid" test "$attbad" -eq 0
expect_status 0 "check passes after the import" "$SIKUBE_BIN" --db "$B" check

n1=$(sqlite3 "$B" "SELECT count(*) FROM kas")
expect_status 0 "importing the same bundle again" "$SIKUBE_BIN" --db "$B" import "$WORK/bundle"
check "no posting made twice" test "$(sqlite3 "$B" "SELECT count(*) FROM kas")" = "$n1"
expect_status 0 "check still passes" "$SIKUBE_BIN" --db "$B" check

id=$(sqlite3 "$B" "SELECT pertemuan_id FROM kas WHERE pertemuan_id IS NOT NULL AND buku='iks' ORDER BY rowid LIMIT 1")
sqlite3 "$B" "UPDATE kas SET masuk=masuk+1000 WHERE pertemuan_id='$id' AND buku='iks'"
expect_status 1 "a corrupted posting fails the check" "$SIKUBE_BIN" --db "$B" check
check "the meeting of the corrupted posting is named" grep -q "^Pertemuan $id .*kas IKS" "$WORK/out"
finish
