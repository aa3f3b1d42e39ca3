#!/bin/sh
# tmux_groups.sh - groups and members through the screens: the region picker, adding a group
# and a member, finding both again after a restart, searching, editing, deleting.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

app
wait_for "Pertemuan"
keys Enter
expect "group list opens" "Daftar kelompok"
expect "group list is empty" "(tidak ada data)"
expect "group list hints" "F3 Baru" 1

keys F3
expect "new group form" "Kelompok baru"
expect "form shows page 1" "Halaman 1 dari 2"
type_text "Melati 3"
keys Tab
type_text "MLT-03"
keys Tab
keys Enter
expect "Enter on the village opens the picker" "Cari desa/kelurahan:"
type_text "Galur"
expect "picker lists Galur in Johar Baru" "Johar Baru"
expect "picker shows the code" "31.71.08.1003" 1
expect "picker counts matches" "Desa 1 dari" 1
keys Enter
expect "chosen village code in the form" "31.71.08.1003"
expect "kecamatan shown under the village" "Galur, Kec. Johar Baru"
keys Tab
type_text "Jl. Galur Sari No. 5"
keys Tab Right
keys Tab
type_text "Keripik pisang"
keys PageDown
expect "page 2" "Halaman 2 dari 2"
keys Tab Tab
type_text "1.250.000"
keys Tab
expect "money shown with thousands separators" "Rp 1.250.000"
keys F2
expect "group saved" "Kelompok Melati 3 tersimpan"
expect "group in the list" "Melati 3"
expect "village name in the list" "Galur" 1
expect "code in the list" "MLT-03" 1

keys Enter
expect "member list of the group" "Anggota kelompok Melati 3"
keys F3
expect "new member form" "Anggota baru - kelompok Melati 3"
type_text "3171084503800001"
keys Tab
type_text "3171080101080001"
keys Tab
type_text "Siti Nur'aini"
keys Tab
type_text "P"
expect "sex chosen with P" "P (perempuan)"
keys Tab Tab
type_text "1980-03-05"
keys Tab
keys F2
expect "member saved" "Anggota Siti Nur'aini tersimpan"
expect "warning about the group size after save" "Perhatian: Kelompok jadi 1 anggota" 1
expect "member in the list" "Siti Nur'aini"
expect "NIK masked in the list" "317108**********" 1
expect_not "full NIK not in the list" "3171084503800001"
keys Enter
expect "member form shows the full NIK" "3171084503800001"
keys Escape
wait_for "Anggota kelompok Melati 3"
keys Escape
wait_for "Daftar kelompok"
quit_app
st=$(cat "$WORK/exit")
if [ "$st" = "EXIT=0" ]; then ok "quit after adding"; else nok "quit after adding ($st)"; fi

# Reopen: both are still there.
app
wait_for "Pertemuan"
expect "counts after restart" "Kelompok aktif: 1   Anggota: 1"
keys Enter
expect "group found after restart" "Melati 3"
keys Enter
expect "member found after restart" "Siti Nur'aini"
keys Escape
wait_for "Daftar kelompok"

# A second group with UTF-8 names, then type-to-search.
add_group "Kenanga Đặng" "Bumijo"
expect "second group saved" "Kenanga Đặng"
expect "village typed and picked at once" "Bumijo" 1
type_text "ken"
expect "search text shown" "Cari: ken"
expect "search finds Kenanga" "Kenanga Đặng"
expect_not "search hides Melati" "Melati 3"
keys BSpace BSpace BSpace
expect "Backspace widens the search" "Melati 3"
type_text "zzz"
expect "no match" "(tidak ada data)"
keys Escape
expect "Esc clears the search" "Melati 3"
expect "still on the list" "Daftar kelompok" 1

# Edit: F4 opens the stored values.
keys Home
keys F4
expect "edit form" "Ubah kelompok"
keys Escape
wait_for "Daftar kelompok"

# Delete with confirmation.
keys Home
keys F8
expect "delete asks with the member count" "Ikut terhapus: 0 anggota"
keys t
wait_gone "Hapus kelompok" 3
expect "t keeps the group" "Kenanga Đặng"
keys F8
wait_for "Hapus kelompok"
keys y
expect "group deleted" "Kelompok Kenanga Đặng sudah dihapus"
wait_gone "Kenanga Đặng X" 1
if screen | sed -n '5p' | grep -qF "Melati 3"; then ok "only Melati 3 left"; else nok "only Melati 3 left"; screen | sed 's/^/    | /'; fi
esc

# Global member search by name and NIK prefix.
wait_for "Pilih dengan panah lalu Enter"
keys 2
expect "member search opens" "Cari anggota"
type_text "Nur'"
expect "search by name" "Siti Nur'aini"
expect "group name shown" "Melati 3" 1
# Digits only once the Esc has cleared the search (a digit read with the Esc makes it F n).
esc
wait_gone "Cari nama atau NIK: Nur'" 5
type_text "317108"
expect "search by NIK prefix" "Siti Nur'aini"
esc
wait_gone "Cari nama atau NIK: 317108" 5
type_text "999"
expect "no member for another NIK" "(tidak ada data)"
keys Escape
type_text "siti"
wait_for "Siti Nur'aini" 3
keys Enter
expect "Enter opens the member form" "Anggota Siti Nur'aini - kelompok Melati 3"
quit_app
finish
