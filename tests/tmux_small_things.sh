#!/bin/sh
# tmux_small_things.sh - field trial item 15: Enter answers a y/t question with its default;
# money going out is refused under an income category (iuran kas as an expense); a name longer
# than the limit is refused with the limit, not cut; `sikube --db TYPO` asks before creating
# a new empty database.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G1,MWR,KUBE Mawar,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
CSV

app
wait_for "Pertemuan"
# Enter on a question: its default, named in the box.
keys 1
wait_for "KUBE Mawar"
keys F8
expect "the delete question names Enter's answer" "Enter = tidak"
keys Enter
wait_gone "Hapus kelompok" 3
expect "Enter gives the default (no): the group stays" "KUBE Mawar"
# A name over 100 letters (103) is refused with the limit, never cut.
keys F3
wait_for "Kelompok baru"
LONG="KUBE Sejahtera Bersama Makmur Sentosa Abadi Jaya Raya Mandiri Berdikari Kelurahan Galur Johar Baru"
type_text "$LONG Tiga"
keys Tab
expect "too long: refused with the limit" "paling panjang 100 huruf (sekarang 103)"
keys Up
keys End
keys BSpace BSpace BSpace BSpace BSpace
keys Tab
wait_gone "paling panjang" 3
expect_not "98 letters are fine" "paling panjang"
keys Escape
wait_for "Buang perubahan" 3
keys y
wait_for "Daftar kelompok" 3
# An expense under an income category.
esc
wait_for "Pilih dengan panah lalu Enter" 3
keys 5
wait_for "Kas - pilih kelompok"
keys Enter
wait_for "Kas umum - kelompok KUBE Mawar"
keys F3
wait_for "Catat kas"
keys Tab Tab
keys Space
expect "money going out" "Uang keluar"
keys Tab
keys Space
expect "income category chosen" "Kategori          Iuran kas"
keys Tab Tab Tab
type_text "5000"
keys F2
expect "refused: dues are money coming in" "Iuran kas adalah uang masuk"
if [ "$(sql "SELECT count(*) FROM kas")" = 0 ]; then ok "nothing booked"; else nok "nothing booked"; fi
# The refusal put the cursor on Kategori: P twice is Pembelian (after Penjualan).
keys p p
expect "another category" "Kategori          Pembelian"
keys F2
expect "an expense under Pembelian is refused only for the balance" "tidak cukup untuk Rp 5.000"
keys Escape
wait_for "Buang perubahan" 3
keys y
wait_for "Kas umum" 3
# F10 and Enter: nothing typed would be lost, so Enter quits.
keys F10
expect "quit question names Enter's answer" "Enter = ya"
keys Enter
if [ "$(wait_exit)" = 0 ]; then ok "Enter answered yes: SIKUBE ended"; else nok "Enter answered yes: SIKUBE ended"; fi

# --db with a name that does not exist: asked first (default no), nothing created.
start "\"$SIKUBE_BIN\" --db \"$WORK/sikbe.db\""
expect "a mistyped database is asked about" "Basis data $WORK/sikbe.db belum ada"
keys Enter
st=$(wait_exit)
if [ "$st" = 2 ] && [ ! -e "$WORK/sikbe.db" ]; then ok "Enter (no): nothing created, exit 2"
else nok "Enter (no): nothing created, exit 2 (exit $st)"; ls "$WORK" | sed 's/^/    # /'; fi
start "\"$SIKUBE_BIN\" --db \"$WORK/baru.db\""
expect "asked again for another name" "belum ada"
keys y
expect "y: the new database opens" "Pertemuan"
if [ -f "$WORK/baru.db" ]; then ok "y: created"; else nok "y: created"; fi
quit_app
finish
