#!/bin/sh
# tmux_levels.sh - the development assessment through the screens (issue 14), keys only: from
# the group list (F9) a group's development, a new assessment dated 2026-11-30 (the sample's
# records then propose s1 3, s2 2, s4 4, e1 3; e4 has no data), the proposals accepted with
# Enter for s1 and s2, s4 and e1 overridden (marked *), the others typed, the score and level
# changing as typed, F1 the rubric, F2 saves; the group list shows the new level; the
# Laporan's level counts and assessments due; a group without meetings proposed as failed and
# declared so (who and when kept); then `report levels --format csv` with the spec's columns.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
command -v sqlite3 >/dev/null || { nok "sqlite3 shell missing (make test-deps)"; finish; exit 1; }
init_db --sample || { nok "init --sample"; finish; exit 1; }
q() { sqlite3 "$DB" "$1"; }
KENANGA=$(q "SELECT id FROM kelompok WHERE kode='KRW-01'")
# Kenanga's meetings deleted: no meeting at all, founded 2025-08-18: a failure candidate.
q "UPDATE pertemuan SET dihapus=1 WHERE kelompok_id='$KENANGA'"

app
wait_for "Menu utama"
keys 1
expect "the group list" "Daftar kelompok"
expect "the level column" "GLR-01   KUBE Melati 3      Galur      maju" 3
expect "a group without meetings for 12 weeks is proposed as failed" "KUBE Kenanga       Kampung Ra tumbuh          11 CALON GAGAL" 3
expect "F9 named in the hint line" "F9 Tingkat" 1
type_text "Melati"
wait_for "Kelompok 1 dari 1" 3
keys F9
expect "F9: the group's development" "Perkembangan kelompok - KUBE Melati 3"
expect "its level and latest assessment" "Tingkat maju   Dinilai 2026-11-20" 1
expect "its history" "2026-11-20 Sri Wahyuni                 4333 3333 25/32 maju" 1
keys F3
expect "F3: a new assessment" "Penilaian perkembangan baru - KUBE Melati 3"
expect "nothing scored yet" "Skor 0 sejauh ini; 8 indikator belum dinilai." 1
keys Home
type_text "2026-11-30"
keys Tab Tab
expect "the proposals for 2026-11-30: s1 from the meetings" "Usulan 3: 8 pertemuan dalam 12 minggu, hadir 92%" 3
expect "s2 from the IKS book" "Usulan 2: 6 bln: IKS masuk Rp 75.000 (2 bulan), disalurkan Rp 150.000" 1
expect "e1 from sales" "Usulan 3: penjualan 6 bln Rp 2.220.000, 6 bln sebelumnya Rp 0" 1
expect "s4 from the savings-and-loans cycle" "Usulan 4: siklus berjalan: 10 dari 10 anggota menabung, 2 pinjaman" 1
expect "e4 without data: no UEP aid" "tidak ada data: kelompok tidak menerima bantuan UEP" 1
expect "s3 is the pendamping's" "Tanpa usulan: dinilai pendamping." 1
expect "the note names the proposal of the current row" "Enter untuk menerima usulan 3" 1
keys F1
expect "F1: the rubric" "Arti setiap nilai:" 3
# The help is longer than a screen: PgDn to the proposals.
page_to "s2: IKS 6 bulan terakhir: 4 = dipungut dalam 5 bulan" 5
expect "F1: how s2 is proposed" "s2: IKS 6 bulan terakhir: 4 = dipungut dalam 5 bulan" 1
keys Escape
wait_gone "Arti setiap nilai:" 3

keys Enter
expect "Enter accepts s1's proposal" "s1 Pertemuan rutin           3    bertemu 2 mingguan, kehadiran cukup" 3
expect "the score as typed" "Skor 3 sejauh ini; 7 indikator belum dinilai." 1
keys Enter
expect "Enter accepts s2's proposal" "s2 IKS dipungut dan dipakai  2    IKS dipungut, belum disalurkan" 3
keys 3 2
expect "s4 typed against its proposal: marked *" "s4 Embrio koperasi           2  * simpan pinjam berjalan, sedikit penabung" 3
keys 4
expect "e1 typed against its proposal: marked *" "e1 Usaha berkembang          4  * omzet naik jelas" 3
expect_not "accepted proposals are not marked" "3  * bertemu"
keys 3 3 2
expect "every indicator scored: score and level" "Skor 22 dari 32: berkembang" 3
keys F2
expect "saved" "Penilaian perkembangan KUBE Melati 3 tersimpan: skor 22, berkembang." 5
expect "back in the history, the override listed" "2026-11-30 Sri Wahyuni                 3232 4332 22/32 berkembang  s4,e1" 3
expect "the group's level follows" "Tingkat berkembang   Dinilai 2026-11-30" 1
keys Escape
expect "the group list shows the new level" "GLR-01   KUBE Melati 3      Galur      berkembang" 5
# The group form keeps the level the assessment gave: another one is refused, saying why.
keys F4
expect "the group form" "Ubah kelompok KUBE Melati 3" 5
keys Tab Tab Tab Tab Tab Tab Tab
keys Space
keys F2
expect "another level typed in the group form is refused" "Salah: Tingkat mengikuti penilaian perkembangan terakhir (2026-11-30:" 5
expect "saying where the level comes from" "berkembang). Ubah lewat penilaian baru: F9 di daftar kelompok." 1
keys Escape
wait_for "(y/t)" 3
keys y
expect "back in the group list" "Daftar kelompok" 5

# The failure candidate: the pendamping declares it failed; the record keeps who and when.
keys Escape
type_text "Kenanga"
wait_for "Kelompok 1 dari 1" 3
keys F9
expect "the candidate's development" "CALON GAGAL: belum pernah ada pertemuan tercatat. F6: putuskan." 5
keys F6
expect "asked to declare it failed" "Nyatakan kelompok KUBE Kenanga GAGAL" 3
keys y
expect "asked who decides, the pendamping proposed" "Dedi Kurniawan" 3
keys Enter
expect "asked why" "Alasan (boleh kosong):" 3
type_text "Usaha berhenti"
keys Enter
expect "recorded" "Dinyatakan GAGAL $(date +%F) oleh Dedi Kurniawan: Usaha berhenti." 5
keys Escape
expect "the group list shows it failed" "KUBE Kenanga       Kampung Ra GAGAL" 5

# Laporan: levels per kecamatan and the assessments due.
# Esc clears the list's search (Kenanga), a second Esc goes back to the menu; the menu item
# is typed only once the menu is there (a digit read with that Esc would make it F6).
keys Escape
esc
wait_for "Menu utama" 5
keys 6
expect "Laporan names F6" "F6: tingkat perkembangan semua kelompok" 5
keys F6
expect "levels per kecamatan" "31.71.08 Johar Baru" 5
expect "the total: 1 tumbuh, 2 berkembang, 1 mandiri, 1 never assessed, 2 due" "Semua kecamatan                         1          2     0       1     1     2" 1
expect "the groups due, never assessed first" "KRW-01       KUBE Kenanga" 1
expect "then the oldest" "31.71.08.1003 2026-04-20" 1
if screen | grep -n "KUBE Kenanga\|KUBE Bersih Jaya" | cut -d: -f2 | tr -d '\n' | grep -q "KRW-01.*GLR-03"; then ok "never assessed above the oldest"; else nok "never assessed above the oldest"; fi
quit_app

# The window closed mid-form (SIGTERM): the typed scores come back as a draft.
start "sh -c 'echo \$\$ >$WORK/pid; exec $SIKUBE_BIN --db $DB'"
wait_for "Menu utama"
keys 1
wait_for "Daftar kelompok" 5
type_text "Mawar"
wait_for "Kelompok 1 dari 1" 3
keys F9
wait_for "Perkembangan kelompok - KUBE Mawar" 5
keys F3
wait_for "Penilaian perkembangan baru - KUBE Mawar" 5
keys 4 3 2
expect "scores typed" "Skor 9 sejauh ini; 5 indikator belum dinilai." 3
kill -TERM "$(cat "$WORK/pid")"
wait_exit >/dev/null
if [ "$(q "SELECT count(*) FROM draf WHERE layar='evaluation-form'")" = 1 ]; then ok "SIGTERM kept the form as a draft"; else nok "SIGTERM kept the form as a draft"; fi
app
wait_for "Menu utama"
keys 1
wait_for "Daftar kelompok" 5
type_text "Mawar"
wait_for "Kelompok 1 dari 1" 3
keys F9
wait_for "Perkembangan kelompok - KUBE Mawar" 5
keys F3
expect "the draft is offered back" "Ada isian penilaian perkembangan yang belum disimpan" 5
keys Enter
expect "with its scores" "Skor 9 sejauh ini; 5 indikator belum dinilai." 3
keys Escape
wait_for "(y/t)" 3
keys y
quit_app

check_db() { if [ "$(q "$2")" = "$3" ]; then ok "$1"; else nok "$1 (got '$(q "$2")', want '$3')"; fi; }
check_db "stored with the proposals and the override" \
	"SELECT usulan || ' ' || ditimpa || ' ' || skor || ' ' || tingkat FROM evaluasi WHERE tanggal='2026-11-30'" \
	"s1=3,s2=2,s4=4,e1=3,e4=- s4,e1 22 berkembang"
check_db "the decision keeps who and when" \
	"SELECT keputusan || ' ' || oleh || ' ' || tanggal || ' ' || (dicatat_pada <> '') FROM kelompok_gagal WHERE kelompok_id='$KENANGA'" \
	"gagal Dedi Kurniawan $(date +%F) 1"
"$SIKUBE_BIN" --db "$DB" report levels --format csv >"$WORK/levels.csv" 2>"$WORK/levels.err"
check_db_file() { if grep -qx -- "$2" "$WORK/levels.csv"; then ok "$1"; else nok "$1"; sed 's/^/    # /' "$WORK/levels.csv"; fi; }
if [ "$(head -n 1 "$WORK/levels.csv")" = "kelompok_id,nama,kode_wilayah,tanggal,s1,s2,s3,s4,e1,e2,e3,e4,skor,tingkat,kuartil" ]; then
	ok "report levels --format csv: the spec's columns"
else
	nok "report levels --format csv: the spec's columns"; head -n 1 "$WORK/levels.csv" | sed 's/^/    # /'
fi
MELATI=$(q "SELECT id FROM kelompok WHERE kode='GLR-01'")
check_db_file "the new assessment in the report" "$MELATI,KUBE Melati 3,31.71.08.1003,2026-11-30,3,2,3,2,4,3,3,2,22,berkembang,[1-4]"
finish
