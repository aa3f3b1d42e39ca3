#!/bin/sh
# tmux_new_group.sh - field trial item 11: a new group is not TIDAK AKTIF at once (inactive means
# founded more than 4 weeks ago with no meeting in 4 weeks); after saving, the list's cursor is
# on the new row.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
11111111-1111-4111-8111-111111111111,A,KUBE Anggrek,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
22222222-2222-4222-8222-222222222222,C,KUBE Cempaka,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
33333333-3333-4333-8333-333333333333,D,KUBE Dahlia,31.71.08.1003,$(day -10),2026-01-01T00:00:00Z,0
CSV

app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
expect "old groups without meetings are inactive" "2 kelompok TIDAK AKTIF"
if screen | grep -F "KUBE Dahlia" | grep -qF "TIDAK AKTIF"; then nok "a group founded 10 days ago is not inactive"
else ok "a group founded 10 days ago is not inactive"; fi
keys End
add_group "KUBE Bougenville" "Galur"
expect "saved" "Kelompok KUBE Bougenville tersimpan"
expect "the cursor is on the new row (second by name)" "Kelompok 2 dari 4" 1
if screen | grep -F "KUBE Bougenville" | grep -qF "TIDAK AKTIF"; then nok "the new group is not TIDAK AKTIF"
else ok "the new group is not TIDAK AKTIF"; fi
expect "still two inactive" "2 kelompok TIDAK AKTIF" 1
keys Enter
expect "Enter opens the new group" "Anggota kelompok KUBE Bougenville"
if [ "$(sql "SELECT tanggal_berdiri FROM kelompok WHERE nama='KUBE Bougenville'")" = "$(day 0)" ]; then
	ok "founded today unless the clerk says otherwise"
else
	nok "founded today unless the clerk says otherwise"
fi
quit_app
finish
