#!/bin/sh
# cli_check.sh - `sikube check` passes on consistent data and names each kind of corruption.
. "$(dirname "$0")/clilib.sh"
GEN=${SIKUBE_GEN:-$(dirname "$SIKUBE_BIN")/bench-gen}
[ -x "$GEN" ] || GEN=build/release/bench-gen
DB="$WORK/t.db"
check "generate a small kabupaten" "$GEN" --db "$DB" --groups 3 --years 1
expect_status 0 "check passes on consistent data" "$SIKUBE_BIN" --db "$DB" check
check "no problem printed" test ! -s "$WORK/out"

cp "$DB" "$WORK/c.db"
sqlite3 "$WORK/c.db" "UPDATE kas SET masuk=masuk+500 WHERE rowid=(SELECT min(rowid) FROM kas WHERE pertemuan_id IS NOT NULL AND buku='umum')"
expect_status 1 "a corrupted dues posting fails the check" "$SIKUBE_BIN" --db "$WORK/c.db" check
check "the meeting is named" grep -q "^Pertemuan .*kas umum" "$WORK/out"

cp "$DB" "$WORK/c2.db"
sqlite3 "$WORK/c2.db" "UPDATE kas SET keluar=keluar+999999999 WHERE rowid=(SELECT min(rowid) FROM kas WHERE kategori='pembelian')"
expect_status 1 "a book below zero fails the check" "$SIKUBE_BIN" --db "$WORK/c2.db" check
check "below zero reported once per book" test "$(grep -c 'di bawah nol' "$WORK/out")" -eq 1

cp "$DB" "$WORK/c3.db"
sqlite3 "$WORK/c3.db" "UPDATE anggota SET jabatan='ketua' WHERE rowid=(SELECT max(rowid) FROM anggota WHERE jabatan='anggota'); UPDATE anggota SET nik=(SELECT nik FROM anggota WHERE rowid=1) WHERE rowid=(SELECT max(rowid) FROM anggota)"
expect_status 1 "officer and NIK duplicates fail the check" "$SIKUBE_BIN" --db "$WORK/c3.db" check
check "two ketua named" grep -q "lebih dari satu ketua" "$WORK/out"
check "duplicate NIK named, masked" grep -q "NIK [0-9]\{6\}\*\{10\} aktif pada 2" "$WORK/out"

cp "$DB" "$WORK/c4.db"
sqlite3 "$WORK/c4.db" "PRAGMA foreign_keys=OFF; INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,membalik_id,diubah_pada) SELECT 'r1', kelompok_id, tanggal, buku, kategori, 0, masuk+1, id, diubah_pada FROM kas WHERE kategori='iuran_kas' LIMIT 1"
expect_status 1 "a reversal with wrong amounts fails the check" "$SIKUBE_BIN" --db "$WORK/c4.db" check
check "the reversal is named" grep -q "^Baris kas r1 membalik" "$WORK/out"
cp "$DB" "$WORK/c5.db"

sqlite3 "$WORK/c5.db" "UPDATE saldo_kas SET saldo=saldo+1 WHERE kelompok_id=(SELECT min(kelompok_id) FROM saldo_kas) AND buku='umum'"
expect_status 1 "a kept balance that differs from the ledger fails the check" "$SIKUBE_BIN" --db "$WORK/c5.db" check
check "the book and both balances are named" grep -q "buku umum: saldo menurut baris kas Rp [0-9]*, tetapi saldo tersimpan" "$WORK/out"

# The summaries of migration 10, kept by triggers (plain SQL: the sqlite3 shell keeps them as
# well), each corrupted by hand: the full check and the quick one find it and exit 1.
expect_status 0 "check --quick passes on consistent data" "$SIKUBE_BIN" --db "$DB" check --quick
check "check --quick prints no problem" test ! -s "$WORK/out"
cp "$DB" "$WORK/k.db"
sqlite3 "$WORK/k.db" "UPDATE anggota SET tanggal_keluar='2024-01-01' WHERE rowid=(SELECT max(rowid) FROM anggota WHERE jabatan='anggota'); UPDATE penilaian SET dihapus=1 WHERE rowid=1; INSERT INTO pertemuan(id,kelompok_id,tanggal,diubah_pada) SELECT '00000000-0000-4000-8000-000000000001', id, '2025-12-31', diubah_pada FROM kelompok ORDER BY id LIMIT 1"
check "the shell's new meeting is its group's last" test "$(sqlite3 "$WORK/k.db" "SELECT tanggal FROM pertemuan_terakhir WHERE kelompok_id=(SELECT min(id) FROM kelompok)")" = 2025-12-31
expect_status 0 "changes made in the sqlite3 shell keep the summaries" "$SIKUBE_BIN" --db "$WORK/k.db" check
for bad in \
	"nilai_anggota|UPDATE nilai_anggota SET skor=coalesce(skor,0)+1 WHERE anggota_id=(SELECT min(anggota_id) FROM nilai_anggota WHERE aktif AND skor IS NOT NULL)|penilaian terakhir menurut data" \
	"ringkasan_skor|UPDATE ringkasan_skor SET jumlah=jumlah+1 WHERE (kelompok_id, skor)=(SELECT kelompok_id, skor FROM ringkasan_skor LIMIT 1)|anggota aktif menurut data" \
	"ringkasan_tanggal|DELETE FROM ringkasan_tanggal WHERE kelompok_id=(SELECT min(kelompok_id) FROM ringkasan_tanggal)|anggota aktif menurut data" \
	"pertemuan_terakhir|UPDATE pertemuan_terakhir SET tanggal='2000-01-01' WHERE kelompok_id=(SELECT min(kelompok_id) FROM pertemuan_terakhir)|pertemuan terakhir menurut data"; do
	table=${bad%%|*}
	rest=${bad#*|}
	sql=${rest%%|*}
	text=${rest#*|}
	cp "$DB" "$WORK/s.db"
	check "$table: the shell changed a row" test "$(sqlite3 "$WORK/s.db" "$sql; SELECT changes();")" -ge 1
	expect_status 1 "$table corrupted: check fails" "$SIKUBE_BIN" --db "$WORK/s.db" check
	check "$table corrupted: named" grep -q "$text" "$WORK/out"
	expect_status 1 "$table corrupted: check --quick fails" "$SIKUBE_BIN" --db "$WORK/s.db" check --quick
	check "$table corrupted: named by --quick" grep -q "$text" "$WORK/out"
done
# Rules written once for a family (check_rules.c: DELETED_PARENT_RULE, NOT_YET): each
# member of the family still fires and names its own case.
rule_case() {
	cp "$DB" "$WORK/r.db"
	check "$1: the shell changed a row" test "$(sqlite3 "$WORK/r.db" "$2; SELECT total_changes();")" -ge 1
	expect_status 1 "$1: check fails" "$SIKUBE_BIN" --db "$WORK/r.db" check
	check "$1: named" grep -q "$3" "$WORK/out"
}
rule_case "members of a deleted group" "UPDATE kelompok SET dihapus=1 WHERE rowid=1" \
	"masih aktif di kelompok"
rule_case "a running cycle of a deleted group" "UPDATE kelompok SET dihapus=1 WHERE id=(SELECT kelompok_id FROM siklus WHERE selesai IS NULL AND dihapus=0 LIMIT 1)" \
	"masih berjalan: tutup dulu siklusnya"
rule_case "a repayment of a deleted loan" "UPDATE pinjaman SET dihapus=1 WHERE id=(SELECT pinjaman_id FROM angsuran WHERE dihapus=0 LIMIT 1)" \
	"yang sudah dihapus: pinjaman yang sudah diangsur"
rule_case "an assessment changed after its member was deleted" "UPDATE anggota SET dihapus=1, diubah_pada='2000-01-01T00:00:00Z' WHERE id=(SELECT anggota_id FROM penilaian WHERE dihapus=0 LIMIT 1)" \
	"sesudah anggota itu dihapus"
rule_case "a meeting after today" "UPDATE pertemuan SET tanggal='2099-01-01' WHERE rowid=1" \
	"sesudah hari ini: pertemuan dicatat"
rule_case "a cash row after today" "UPDATE kas SET tanggal='2099-01-02' WHERE rowid=1" \
	"sesudah hari ini: uang masuk"
expect_status 2 "check --quick takes no value" "$SIKUBE_BIN" --db "$DB" check --quick=1
expect_status 2 "check of a missing database" "$SIKUBE_BIN" --db "$WORK/none.db" check
finish
