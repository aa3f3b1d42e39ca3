#!/bin/sh
# tmux_messages.sh - field trial item 2: no message is cut at 80 columns. The four that were cut
# in Indonesian are shown whole: a finding longer than its row under a form field goes whole to
# the message area, which wraps to two lines, or opens in a box for more.
# (tests/test_ui_msgarea.c walks every message of the catalog, both languages, through it.)
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db --sample || { nok "init database"; finish; exit 1; }
G9=99999999-9999-4999-8999-999999999999
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G9,BRU,KUBE Baru Berdiri,31.71.08.1003,2026-01-01,2026-01-01T00:00:00Z,0
CSV

# whole NAME TEXT: TEXT is on the screen, its words possibly wrapped over lines.
whole() {
	i=0
	want=$(echo "$2" | tr -s ' ')
	while [ $i -lt $((TMUX_TIMEOUT * 10)) ]; do
		got=$(screen | sed 's/[│┌┐└┘─]/ /g' | tr '\n' ' ' | tr -s ' ')
		case "$got" in *"$want"*) ok "$1"; return ;; esac
		sleep 0.1
		i=$((i + 1))
	done
	nok "$1 (not whole on screen: $2)"; screen | sed 's/^/    | /'
}

app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
type_text "Baru Berdiri"
wait_for "Kelompok 1 dari 1" 3
keys Enter
wait_for "Anggota kelompok KUBE Baru Berdiri"
keys F3
wait_for "Anggota baru"
# 1. Sumarni's NIK, active in KUBE Melati 3.
type_text "3171084703712348"
keys Tab
whole "NIK active elsewhere: the whole error" \
	"Salah: NIK sudah aktif atas nama Sumarni di KUBE Melati 3 (satu NIK, satu kelompok)."
# 2. A man's NIK with the sex set to P.
keys Up
keys C-u
type_text "3171080101800009"
keys Tab Tab Tab
keys p
keys Tab
whole "NIK says male: the whole warning" \
	"Perhatian: Periksa: NIK menunjukkan laki-laki, jenis kelamin yang diisi perempuan."
# 4. Saved into a group of one: the warning after the save, whole. (The cursor is on Tempat
# lahir: up to Nama, then to the NIK, a woman's this time, and the No. KK.)
keys Up Up
type_text "Siti Aminah"
keys Up Up
keys C-u
type_text "3171084703710009"
keys Tab
type_text "3171080101080009"
keys Tab
keys F2
whole "saved with the group-size warning: the whole message" \
	"Anggota Siti Aminah tersimpan. Perhatian: Kelompok jadi 1 anggota aktif; aturan KUBE 5-20 kepala keluarga."
esc
wait_for "Daftar kelompok" 3
# 3. Money typed with a letter in the group form.
keys F3
wait_for "Kelompok baru"
keys PageDown
keys Tab Tab
type_text "12x"
keys Tab
whole "bad money: the whole error" \
	"Salah: Tulis jumlah rupiah dengan angka saja, misalnya 1250000 atau 1.250.000."
keys Escape
wait_for "Buang perubahan" 3
keys y
quit_app
# The same in English.
app --lang en
wait_for "Meetings"
keys 1
wait_for "Groups"
keys F3
wait_for "New group"
keys PageDown
keys Tab Tab
type_text "12x"
keys Tab
whole "English: the whole error" "Error: Write the amount in digits only, e.g. 1250000 or 1.250.000."
keys Escape
wait_for "(y/n)" 3
keys y
quit_app
finish
