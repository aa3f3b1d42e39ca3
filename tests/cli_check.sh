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
expect_status 2 "check of a missing database" "$SIKUBE_BIN" --db "$WORK/none.db" check
finish
