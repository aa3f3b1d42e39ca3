#!/bin/sh
# tmux_first_match.sh - field trial item 8: typing in a list puts the cursor on the first match,
# in every list: in Kelayakan's group list the row "(Semua kelompok)" stays on top, yet Enter
# after typing a group's name opens that group, not all groups.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
G2=22222222-2222-4222-8222-222222222222
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G1,ANG,KUBE Anggrek,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
$G2,MWR,KUBE Mawar,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
CSV

app
wait_for "Pertemuan"
keys 3
expect "Kelayakan groups" "Kelayakan - kepatuhan kelompok"
expect "all groups on top" "(Semua kelompok)" 1
type_text "Mawar"
wait_for "Cari: Mawar" 3
keys Enter
expect "Enter after typing opens the group found" "Kelayakan - kelompok KUBE Mawar"
expect_not "not all groups" "Kelayakan - semua kelompok"
esc
wait_for "Kelayakan - kepatuhan kelompok" 3
# Typing and Enter in one go, as a fast typist does.
keys C-u
t send-keys -t =s: -l "Anggrek"
t send-keys -t =s: Enter
expect "a fast typist's Enter opens the group found" "Kelayakan - kelompok KUBE Anggrek"
esc
wait_for "Kelayakan - kepatuhan kelompok" 3
# Group list: the first match of a search is selected (position 1 of the matches).
esc
wait_gone "Cari: Anggrek" 3
esc
wait_for "Pilih dengan panah lalu Enter" 3
keys 1
wait_for "Daftar kelompok"
keys Down
type_text "Mawar"
expect "group list: cursor on the first match" "Kelompok 1 dari 1"
keys Enter
expect "Enter opens the match" "Anggota kelompok KUBE Mawar"
quit_app
finish
