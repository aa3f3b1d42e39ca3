#!/bin/sh
# tmux_village.sh - field trial item 13: the village picker finds a code typed as digits without
# dots (357901), puts a village named exactly as typed first, and narrows the list by a city
# or kecamatan word typed after the village ("temas batu").
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

# row N: the Nth list row of the picker (screen line 5 is the first).
row() { screen | sed -n "$((4 + $1))p"; }

app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
keys F3
wait_for "Nama kelompok"
keys Tab Tab
keys Enter
expect "picker opens" "Cari desa/kelurahan:"
type_text "357901"
expect "digits without dots find the code" "35.79.01.1001"
expect "the village of that code" "Temas" 1
expect "the kecamatan's eight villages" "Desa 1 dari 8" 1
keys C-u
type_text "Temas"
wait_for "Cari desa/kelurahan: Temas" 3
wait_for "Desa 1 dari" 3
if row 1 | grep -qE "^ +Temas +Batu"; then ok "an exact name match comes first"
else nok "an exact name match comes first"; screen | sed 's/^/    | /'; fi
keys C-u
type_text "temas batu"
expect "a city word after the village narrows the list" "Desa 1 dari 1"
if row 1 | grep -qE "^ +Temas +Batu +Kota Batu +35\.79\.01\.1001"; then ok "Temas in Kota Batu found"
else nok "Temas in Kota Batu found"; screen | sed 's/^/    | /'; fi
keys C-u
type_text "galur johar"
expect "a kecamatan word narrows too" "Galur"
expect "one village left" "Desa 1 dari 1" 1
keys Enter
expect "picked" "31.71.08.1003"
keys Escape
wait_for "Buang perubahan" 3
keys y
quit_app
finish
