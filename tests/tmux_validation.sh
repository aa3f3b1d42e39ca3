#!/bin/sh
# tmux_validation.sh - checks as the clerk leaves a field, saving refused while errors exist
# (typed values stay), warnings allowed, unsaved input guarded on Esc and F10, UTF-8 names
# aligned in lists.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

app
wait_for "Pertemuan"
keys Enter
wait_for "Daftar kelompok"

# Group form: an empty name is an error once the field is left; nothing before.
keys F3
wait_for "Nama kelompok"
expect_not "no error before the field is left" "Salah:"
keys Tab
expect "leaving an empty name shows the error" "Salah: Nama kelompok wajib diisi."
keys F2
expect "save refused with a message" "Belum disimpan:"
expect "village error shown after F2" "Salah: Desa/kelurahan wajib dipilih" 1
type_text "Mawar"
keys Tab
wait_gone "Nama kelompok wajib" 3
expect_not "error gone once fixed" "Nama kelompok wajib diisi."
keys PageDown
keys Tab Tab
type_text "12x"
keys Tab
expect "bad money refused" "Salah: Tulis jumlah rupiah dengan angka saja"
keys Up
keys C-u
type_text "5000"
keys Tab
expect "money fixed" "Rp 5.000"
keys Tab Tab
type_text "1800"
keys Tab
expect "year before 1983 refused" "Salah: Tahun bantuan"
keys Escape
expect "Esc with typed input asks" "Buang perubahan? (y/t)"
keys t
wait_gone "Buang perubahan?" 3
expect "t keeps the form and its values" "1800"
keys F10
expect "F10 with typed input asks about it" "Ada isian yang belum disimpan."
keys t
wait_gone "belum disimpan. Buang" 3
keys Escape
wait_for "Buang perubahan? (y/t)"
keys y
expect "y discards and goes back" "Daftar kelompok"
expect "nothing saved" "(tidak ada data)"

# Esc on an untouched form goes straight back.
keys F3
wait_for "Nama kelompok"
keys Escape
expect "Esc on an untouched form" "Daftar kelompok"
expect_not "no question" "Buang perubahan?"

add_group "Melati 3" "Galur"
wait_for "Melati 3"
keys Enter
wait_for "Anggota kelompok Melati 3"

# A 15-digit NIK cannot be saved; everything typed stays.
keys F3
wait_for "Anggota baru"
type_text "317108450380000"
keys Tab
expect "15-digit NIK shown as error on leaving" "Salah: NIK harus 16 angka"
type_text "3171080101080001"
keys Tab
type_text "Đặng Ñuñez"
keys Tab
type_text "P"
keys F2
expect "save refused for the NIK" "Belum disimpan: NIK harus 16 angka"
expect "typed NIK still there" "317108450380000" 1
expect "typed KK still there" "3171080101080001" 1
expect "typed UTF-8 name still there" "Đặng Ñuñez" 1
expect "typed sex still there" "P (perempuan)" 1
keys Escape
wait_for "Buang perubahan? (y/t)"
keys y
expect "back in the member list" "Anggota kelompok Melati 3"
expect "no member saved" "(tidak ada data)"

# Warning only: the NIK says 1980-03-05 but another birth date is entered; saving works.
keys F3
wait_for "Anggota baru"
type_text "3171084503800001"
keys Tab
type_text "3171080101080001"
keys Tab
type_text "Đặng Ñuñez"
keys Tab
type_text "P"
keys Tab Tab
type_text "1981-01-01"
keys Tab
expect "birth date mismatch is a warning" "Perhatian:"
keys F2
expect "saved despite the warning" "Anggota Đặng Ñuñez tersimpan. Perhatian:"

keys F3
wait_for "Anggota baru"
type_text "3171080507850002"
keys Tab
type_text "3171080101080002"
keys Tab
type_text "Budi"
keys Tab
type_text "L"
keys F2
expect "second member saved" "Anggota Budi tersimpan"

# Columns line up with accented names (display width, not bytes).
c1=$(screen | grep "^ Đặng Ñuñez " | sed 's/317108.*//' | wc -m)
c2=$(screen | grep "^ Budi " | sed 's/317108.*//' | wc -m)
if [ "$c1" -gt 1 ] && [ "$c1" = "$c2" ]; then ok "NIK column aligned for UTF-8 names"; else nok "NIK column aligned ($c1 vs $c2)"; screen | sed 's/^/    | /'; fi

# Two ketua in one group: the second is refused on the role field.
keys F3
wait_for "Anggota baru"
type_text "3171080507850003"
keys Tab
type_text "3171080101080003"
keys Tab
type_text "Ani"
keys Tab
type_text "P"
keys PageDown
type_text "k"
expect "role chosen by its first letter" "ketua"
keys F2
wait_for "tersimpan"
keys F3
wait_for "Anggota baru"
type_text "3171080507850004"
keys Tab
type_text "3171080101080004"
keys Tab
type_text "Dedi"
keys Tab
type_text "L"
keys PageDown
keys Space
expect "Space cycles the role" "ketua"
keys F2
expect "second ketua refused" "Belum disimpan: Sudah ada ketua aktif"
expect "cursor goes to the role page" "Halaman 2 dari 2" 1
keys Escape
wait_for "Buang perubahan?"
keys y
wait_for "Anggota kelompok Melati 3"
quit_app
finish
