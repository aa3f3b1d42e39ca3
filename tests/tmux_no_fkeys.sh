#!/bin/sh
# tmux_no_fkeys.sh - field trial item 16: on terminals without F keys (a vt100 has F1-F4,
# GNOME Terminal takes F1 and F10) Esc 1 ... Esc 0 work as F1 ... F10 everywhere, as in
# Midnight Commander, and F1 help says so; the hint line comes from the key table.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

# escn N: Esc, then the digit N, as a person types them (a little apart).
escn() { t send-keys -t =s: Escape; sleep 0.2; t send-keys -t =s: "$1"; sleep 0.15; }

app
wait_for "Pertemuan"
escn 1
expect "Esc 1 opens help (F1)" "Bantuan: Menu utama"
keys End
expect "help names Esc 1 ... Esc 0" "Esc 1 = F1"
expect "help names Esc 0 for F10" "Esc 0 = F10" 1
expect "help names Ctrl-U" "Ctrl-U mengosongkan isian" 1
esc
wait_for "Pilih dengan panah lalu Enter" 3
keys 1
wait_for "Daftar kelompok"
escn 3
expect "Esc 3 opens a new group (F3)" "Kelompok baru"
type_text "Mawar Tanpa F"
escn 2
expect "Esc 2 saves (F2): refused with the village missing" "Belum disimpan"
escn 0
expect "Esc 0 asks to quit (F10)" "Ada isian yang belum disimpan"
keys t
wait_gone "Buang perubahan dan keluar" 3
expect "answering t stays in the form" "Mawar Tanpa F"
# Esc alone still goes back (once no digit follows).
esc
expect "Esc alone still asks before discarding" "Buang perubahan? (y/t)"
keys y
wait_for "Daftar kelompok" 3
# A plain vt100: no F keys in its terminfo beyond F4.
quit_app
start "TERM=vt100 \"$SIKUBE_BIN\" --db \"$DB\""
wait_for "Pertemuan"
escn 1
expect "vt100: Esc 1 is help" "Bantuan: Menu utama"
esc
wait_for "Pilih dengan panah lalu Enter" 3
escn 0
expect "vt100: Esc 0 asks to quit" "Keluar dari SIKUBE? (y/t)"
keys y
if [ "$(wait_exit)" = 0 ]; then ok "vt100: quit with Esc 0"; else nok "vt100: quit with Esc 0"; fi
finish
