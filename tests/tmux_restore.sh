#!/bin/sh
# tmux_restore.sh - field trial item 10: the delete question says what is attached (meetings,
# dues, assessments; a group's members, meetings and cash), and rows deleted by mistake come
# back with Pulihkan: F6 lists the deleted rows, F8 there restores.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db --sample || { nok "init database"; finish; exit 1; }

app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
type_text "Melati 3"
wait_for "Kelompok 1 dari 1" 3
keys Enter
wait_for "Anggota kelompok KUBE Melati 3"
# Sumarni, the chair, has meetings and an assessment: eighth of ten by name.
keys Home
wait_for "Sumarni" 3
keys Down Down Down Down Down Down Down
wait_for "Anggota 8 dari 10" 3
keys F8
expect "the question names the meetings" "Hapus anggota Sumarni? Tercatat di"
expect "and the dues and assessments" "penilaian" 1
expect "and how to undo it" "Bisa dipulihkan lewat F6" 1
keys y
expect "deleted" "Anggota Sumarni sudah dihapus"
keys F6
expect "F6: the deleted members" "Anggota terhapus - kelompok KUBE Melati 3"
expect "Sumarni listed there" "Sumarni" 1
expect "F8 restores, named in the hints" "F8 Pulihkan" 1
keys F8
expect "asked first" "Pulihkan anggota Sumarni? (y/t)"
keys y
expect "restored" "Anggota Sumarni dipulihkan."
esc
wait_for "Anggota kelompok KUBE Melati 3" 3
expect "back in the member list" "Sumarni"
if [ "$(sql "SELECT dihapus FROM anggota WHERE nama='Sumarni'")" = 0 ]; then ok "stored as not deleted"
else nok "stored as not deleted"; fi
# A group with its members.
esc
wait_for "Daftar kelompok" 3
keys F8
expect "the group question names members, meetings and cash" "Ikut terhapus: 10 anggota;"
expect "and the balance" "baris kas (saldo Rp" 1
keys y
expect "group deleted" "Kelompok KUBE Melati 3 sudah dihapus"
esc
wait_gone "Cari: Melati" 3
keys F6
expect "F6: the deleted groups" "Kelompok terhapus"
expect "Melati 3 listed" "KUBE Melati 3" 1
keys F8
expect "asked first" "Pulihkan kelompok KUBE Melati 3 beserta anggota"
keys Enter
expect "Enter restores (the default): with its members" "Kelompok KUBE Melati 3 dipulihkan dengan 10 anggota."
esc
wait_for "Daftar kelompok" 3
expect "back in the group list" "KUBE Melati 3"
quit_app
finish
