#!/bin/sh
# tmux_privacy.sh - the screens show a NIK or No. KK in full only in the member form: member
# lists, the member search, Kelayakan lists and history, meetings and reports show at most the
# first 6 digits.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db --sample || { nok "init database"; finish; exit 1; }

# no_full_id NAME: nothing on the screen looks like a whole NIK or No. KK (16 digits).
no_full_id() {
	if screen | grep -qE '[0-9]{16}'; then nok "$1: no full NIK or No. KK"; screen | sed 's/^/    | /'
	else ok "$1: no full NIK or No. KK"; fi
}
# masked NAME: a masked NIK (6 digits, then stars) is on the screen.
masked() {
	i=0
	while [ $i -lt $((TMUX_TIMEOUT * 10)) ] && ! screen | grep -qE '[0-9]{6}\*{10}'; do sleep 0.1; i=$((i + 1)); done
	if screen | grep -qE '[0-9]{6}\*{10}'; then ok "$1: NIK shown masked"; else nok "$1: NIK shown masked"; screen | sed 's/^/    | /'; fi
}

app
expect "main menu" "Pertemuan"
no_full_id "main menu"

keys 1
expect "group list" "Daftar kelompok"
no_full_id "group list"
keys Enter
expect "member list" "Anggota kelompok"
masked "member list"
no_full_id "member list"
keys Enter
expect "member form" "NIK"
i=0
while [ $i -lt 50 ] && ! screen | grep -qE '[0-9]{16}'; do sleep 0.1; i=$((i + 1)); done
if [ "$(screen | grep -cE '[0-9]{16}')" -ge 2 ]; then ok "member form: NIK and No. KK in full"
else nok "member form: NIK and No. KK in full"; screen | sed 's/^/    | /'; fi
back_to_menu

keys 2
expect "member search" "Cari anggota"
masked "member search"
no_full_id "member search"
back_to_menu

keys 3
expect "Kelayakan groups" "Kelayakan - kepatuhan kelompok"
keys Enter
expect "Kelayakan members" "Kelayakan - "
no_full_id "Kelayakan members"
keys F4
expect "assessment history" "Riwayat penilaian"
masked "assessment history"
no_full_id "assessment history"
back_to_menu

keys 4
expect "Pertemuan groups" "Pertemuan - pilih kelompok"
type_text "Melati"
keys Enter
expect "meetings of a group" "Pertemuan kelompok KUBE Melati 3"
no_full_id "meetings of a group"
keys F3
expect "attendance of a new meeting" "Nama anggota"
no_full_id "attendance list"
back_to_menu

keys 6
expect "Laporan groups" "Laporan - pilih kelompok"
keys Enter
expect "monthly report" "LAPORAN BULANAN"
no_full_id "monthly report"
back_to_menu
quit_app
finish
