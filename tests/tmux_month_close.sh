#!/bin/sh
# tmux_month_close.sh - field trial item 5 (the screen's part): a counted difference at a month's
# close is offered to be booked (a "selisih kas" row with the treasurer's note, category
# lainnya) or left on record in the close only, and the message says which; T on a closed month
# says so at once.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
LM=$(date -d "$(date +%Y-%m-01) -1 month" +%Y-%m)
set -- Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
shift $(($(echo "$LM" | cut -c6-7 | sed 's/^0//') - 1))
MON="$1 $(echo "$LM" | cut -c1-4)"
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G1,MWR,KUBE Mawar,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
CSV
seed kas <<CSV || { nok "seed cash rows"; finish; exit 1; }
id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,pertemuan_id,membalik_id,diubah_pada,dihapus
c1111111-1111-4111-8111-111111111111,$G1,$LM-10,BKM-0001,umum,lainnya,Saldo awal,100000,0,,,2026-01-01T00:00:00Z,0
c2222222-2222-4222-8222-222222222222,$G1,$LM-10,BKM-0001,iks,lainnya,Saldo awal IKS,20000,0,,,2026-01-01T00:00:00Z,0
CSV

app
wait_for "Pertemuan"
keys 5
wait_for "Kas - pilih kelompok"
keys Enter
wait_for "Kas umum - kelompok KUBE Mawar"
# The book umum: Rp 5.000 short; booked, with the treasurer's note.
keys T
expect "the count is asked" "Tutup bulan $MON, buku kas umum."
type_text "95000"
keys Enter
expect "the difference is shown before closing" "dihitung Rp 95.000"
keys y
expect "the treasurer's note is asked" "Catatan bendahara tentang selisih itu"
type_text "uang receh hilang"
keys Enter
expect "booking is offered" "Bukukan selisih Rp -5.000"
keys y
expect "the message says it was booked" "$MON ditutup. Selisih Rp -5.000 dibukukan hari ini: BKK-0001"
expect "the row is in the book" "Selisih kas tutup" 3
if [ "$(sql "SELECT kategori||' '||keluar||' '||tanggal FROM kas WHERE uraian LIKE 'Selisih kas%'")" = "lainnya 5000 $(day 0)" ]; then
	ok "booked as lainnya, Rp 5.000 out, today"
else
	nok "booked as lainnya, Rp 5.000 out, today"; sql "SELECT * FROM kas" | sed 's/^/    # /'
fi
if [ "$(sql "SELECT selisih||' '||catatan FROM tutup_kas WHERE buku='umum'")" = "-5000 uang receh hilang" ]; then
	ok "the close keeps the difference and the note"
else
	nok "the close keeps the difference and the note"; sql "SELECT * FROM tutup_kas" | sed 's/^/    # /'
fi
expect "the book now matches the cash" "Saldo kas umum sekarang: Rp 95.000" 1
# T again on the closed month: said at once, nothing asked.
keys T
expect "T on a closed month says so at once" "Bulan $MON buku kas umum sudah ditutup"
expect_not "no count asked" "Tulis jumlah uang"
# The book IKS: Rp 5.000 more counted; left on record only.
keys B
wait_for "Kas IKS - kelompok KUBE Mawar" 3
keys T
expect "IKS count asked" "Tutup bulan $MON, buku kas IKS."
type_text "25000"
keys Enter
wait_for "selisih Rp 5.000" 3
keys y
wait_for "Catatan bendahara" 3
keys Enter
expect "booking offered for IKS" "Bukukan selisih Rp 5.000"
keys t
expect "the message says it was left" "$MON ditutup. Selisih Rp 5.000 tidak dibukukan"
if [ "$(sql "SELECT count(*) FROM kas WHERE buku='iks'")" = 1 ] &&
   [ "$(sql "SELECT selisih FROM tutup_kas WHERE buku='iks'")" = 5000 ]; then
	ok "left: no row, the difference on record in the close"
else
	nok "left: no row, the difference on record in the close"
fi
quit_app
finish
