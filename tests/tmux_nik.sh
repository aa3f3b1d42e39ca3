#!/bin/sh
# tmux_nik.sh - field trial item 12: a typed NIK fills in the sex and birth date it holds (still
# editable); a NIK typed with spaces or dots is cleaned, not refused; a kecamatan code that is
# not in the region list is a warning, not an error.
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
keys 1
wait_for "KUBE Mawar"
keys Enter
wait_for "Anggota kelompok KUBE Mawar"
keys F3
wait_for "Anggota baru"
# A woman born 7 March 1971 (day 47 = 7 + 40), typed as on the card: in groups of four.
type_text "3171 0847 0371 0001"
keys Tab
expect "the NIK is cleaned of its spaces" "3171084703710001"
expect_not "not refused" "NIK harus 16 angka"
expect "sex filled in from the NIK" "P (perempuan)"
expect "birth date filled in from the NIK" "1971-03-07"
type_text "3171.0808.1280.0002"
keys Tab
expect "dots are cleaned too (No. KK)" "3171080812800002"
# Still editable: change the birth date; a later NIK leaves what the clerk typed.
keys Tab Tab Tab
type_text "1971-03-08"
keys Tab
expect "a birth date that differs from the NIK is a warning" "Perhatian:"
keys Up Up Up Up Up Up
wait_for "16 angka, seperti di KTP." 3
# A man born 2 January 1985, in a kecamatan (31.71.99) that is not in the region list.
keys C-u
type_text "3171990201850003"
keys Tab
expect "sex follows the new NIK (it was filled in from the old one)" "L (laki-laki)"
expect "a typed birth date stays" "1971-03-08"
expect "unknown kecamatan: a warning" "kecamatan 31.71.99 di NIK tidak ada dalam daftar"
expect_not "not an error" "Salah: NIK"
keys Tab
type_text "Budi Santoso"
keys F2
expect "saved despite the warnings" "Anggota Budi Santoso tersimpan"
if [ "$(sql "SELECT nik||' '||jenis_kelamin||' '||tanggal_lahir FROM anggota")" = "3171990201850003 L 1971-03-08" ]; then
	ok "stored cleaned, with the sex from the NIK and the typed date"
else
	nok "stored cleaned, with the sex from the NIK and the typed date"; sql "SELECT nik, jenis_kelamin, tanggal_lahir FROM anggota" | sed 's/^/    # /'
fi
quit_app
finish
