#!/bin/sh
# tmux_unanswered.sh - field trial item 14: an assessment whose criteria were not all answered
# does not save as skor 0, TIDAK MISKIN: unanswered is a third state, F2 names the missing
# criteria and goes to the first; criteria answered from the figures count as answered. The
# form's window closed mid-way comes back as a draft.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G1,MWR,KUBE Mawar,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
CSV
seed anggota <<CSV || { nok "seed members"; finish; exit 1; }
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,tanggal_masuk,diubah_pada,dihapus
a1111111-1111-4111-8111-111111111111,$G1,3171084703710001,3171080101080001,Citra Lestari,P,anggota,2020-01-01,2026-01-01T00:00:00Z,0
CSV

# open_form: from the main menu to the assessment form of the group's member (Kelayakan).
open_form() {
	wait_for "Pertemuan"
	keys 3
	wait_for "Kelayakan - kepatuhan kelompok"
	keys Down Enter
	wait_for "Kelayakan - kelompok KUBE Mawar"
	keys Enter
}

app
open_form
wait_for "Penilaian baru - Citra Lestari"
expect "nothing answered yet: no verdict" "14 kriteria belum dijawab" 3
expect_not "not TIDAK MISKIN before any answer" "TIDAK MISKIN"
keys F2
expect "F2 refuses and names the missing criteria" "kriteria 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14"
expect_not "not saved" "tersimpan"
if [ "$(sql "SELECT count(*) FROM penilaian")" = 0 ]; then ok "no assessment stored"; else nok "no assessment stored"; fi
# Figures answer criteria 1, 12 and 14; answer 2 to 9; 10, 11 and 13 stay open.
keys Home Tab Tab
type_text "40"
keys Tab
type_text "4"
keys Tab
type_text "450000"
keys Tab
type_text "300000"
keys Tab
type_text "yyyyyyyy"
expect "answered so far" "3 kriteria belum dijawab"
# The window closed with the form open: the figures and answers are kept as a draft and
# offered back with the open criteria still open.
t kill-session -t =s
i=0
while [ -z "$(sql "SELECT 1 FROM draf WHERE layar='assessment-form'" 2>/dev/null)" ] &&
	[ $i -lt $((TMUX_TIMEOUT * 10)) ]; do sleep 0.1; i=$((i + 1)); done
if [ "$(sql "SELECT count(*) FROM draf WHERE layar='assessment-form' AND isi LIKE '%luas_lantai_m2=40%'
	AND isi LIKE '%k02=1,1%' AND isi LIKE '%k10=0,0%'")" = 1 ]; then ok "window closed: the assessment kept as a draft"
else nok "window closed: the assessment kept as a draft"; sql "SELECT isi FROM draf" | sed 's/^/    # /'; fi
app
open_form
expect "the draft is offered back" "Ada isian penilaian yang belum disimpan" 5
keys Enter
expect "with its figures and answers" "3 kriteria belum dijawab" 3
keys F2
expect "F2 names only the open ones" "kriteria 10, 11, 13 belum dijawab"
if screen | grep -E "^ +10\. " | grep -q "belum dijawab"; then ok "the open criterion is marked"
else nok "the open criterion is marked"; screen | sed 's/^/    | /'; fi
# The cursor went to criterion 10: answer it and the rest.
type_text "nny"
expect "all answered: the verdict" "Skor 11 dari 14: MISKIN"
keys F2
expect "saved once all are answered" "Penilaian Citra Lestari tersimpan: skor 11, miskin."
if [ "$(sql "SELECT skor||kategori FROM penilaian")" = "11miskin" ]; then ok "stored with its score"; else nok "stored with its score"; fi
quit_app
finish
