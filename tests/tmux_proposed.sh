#!/bin/sh
# tmux_proposed.sh - field trial item 6: a field holding a proposed value (a meeting's date, a
# new group's founding date, a new member's date joined) takes what is typed in its place
# instead of appending to it (2026-12-052); Ctrl-U empties a field and F1 says so.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,iuran_kas,diubah_pada,dihapus
$G1,MWR,KUBE Mawar,31.71.08.1003,2020-01-01,5000,2026-01-01T00:00:00Z,0
CSV
seed anggota <<CSV || { nok "seed members"; finish; exit 1; }
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,tanggal_masuk,diubah_pada,dihapus
a1111111-1111-4111-8111-111111111111,$G1,3171084703710001,3171080101080001,Citra Lestari,P,ketua,2020-01-01,2026-01-01T00:00:00Z,0
CSV
D=$(day -3)

app
wait_for "Pertemuan"
keys 4
wait_for "Pertemuan - pilih kelompok"
keys Enter
wait_for "Pertemuan kelompok KUBE Mawar"
keys F3
wait_for "Pertemuan baru"
expect "today's date proposed" "Tanggal $(day 0)"
type_text "$D"
expect "the typed date replaces the proposed one" "Tanggal $D "
expect_not "nothing appended" "$(day 0)$(echo "$D" | cut -c1)"
keys Tab
expect_not "the date is valid" "Salah: Tanggal"
type_text "Balai RW"
keys Tab Tab
type_text "Rencana usaha"
keys C-u
expect_not "Ctrl-U empties the field" "Rencana usaha"
keys F1
wait_for "Bantuan:" 3
keys End
expect "F1 help names Ctrl-U" "Ctrl-U mengosongkan"
keys Escape
wait_for "Pertemuan baru" 3
keys F2
expect "saved with the typed date" "Pertemuan $D tersimpan"
if [ "$(sql "SELECT tanggal FROM pertemuan")" = "$D" ]; then ok "stored with the typed date"; else nok "stored with the typed date"; fi
esc
wait_for "Pertemuan - pilih kelompok" 3
esc
wait_for "Pilih dengan panah lalu Enter" 3
# A new group: its founding date is proposed (today); a typed one replaces it.
keys 1
wait_for "Daftar kelompok"
keys F3
wait_for "Kelompok baru"
keys Tab Tab Tab Tab Tab Tab
expect "founding date proposed" "Tanggal berdiri       $(day 0)"
type_text "2019-05-01"
keys Tab
expect "a typed founding date replaces it" "Tanggal berdiri       2019-05-01"
expect_not "and is valid" "Salah: Tanggal"
# Editing instead of replacing: End (or an arrow) first, then Backspace.
keys Up End BSpace
type_text "2"
keys Tab
expect "End first edits the value" "Tanggal berdiri       2019-05-02"
keys Escape
wait_for "Buang perubahan" 3
keys y
wait_for "Daftar kelompok" 3
keys Enter
wait_for "Anggota kelompok KUBE Mawar"
keys F3
wait_for "Anggota baru"
keys Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab
expect "date joined proposed on the first page" "Tanggal masuk   $(day 0)"
type_text "2025-01-15"
keys Tab BTab
expect "a typed date joined replaces it" "Tanggal masuk   2025-01-15"
keys Escape
wait_for "Buang perubahan" 3
keys y
quit_app
finish
