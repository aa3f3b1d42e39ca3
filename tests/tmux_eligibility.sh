#!/bin/sh
# tmux_eligibility.sh - Kelayakan through the screens, keys only: pick a group and a member,
# enter an assessment (figures, then y/n per criterion) in no more than 40 keystrokes while
# the score changes on screen, override a derived answer, save, and find the result in the
# list, in the member's history, on the group marks and on the member form.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
# A second operator, for the override's four eyes (issue 16).
(umask 077; printf 'operator-dua-2\n' >"$WORK/pw2")
"$SIKUBE_BIN" --db "$DB" user add kedua --role operator --new-password-fd 4 4<"$WORK/pw2" 2>/dev/null ||
	nok "add a second operator"

T0=2025-01-01T00:00:00Z
G1=11111111-1111-4111-8111-111111111111
G2=22222222-2222-4222-8222-222222222222
IN="$WORK/in"
mkdir -p "$IN"
cat >"$IN/kelompok.csv" <<EOF
id,nama,kode_wilayah,diubah_pada
$G1,KUBE Anggrek,31.71.08.1003,$T0
$G2,KUBE Bougenvil,31.71.08.1003,$T0
EOF
cat >"$IN/anggota.csv" <<EOF
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,terdaftar_dtsen,desil_dtsen,diubah_pada
aaaaaaaa-0000-4000-8000-000000000001,$G1,3171081208800001,3171081503100001,Ani,L,ketua,1,3,$T0
aaaaaaaa-0000-4000-8000-000000000002,$G1,3171081208800002,3171081503100002,Budi,L,anggota,0,,$T0
aaaaaaaa-0000-4000-8000-000000000003,$G1,3171081208800003,3171081503100003,Citra,L,anggota,1,2,$T0
aaaaaaaa-0000-4000-8000-000000000004,$G1,3171081208800004,3171081503100004,Dedi,L,anggota,0,,$T0
aaaaaaaa-0000-4000-8000-000000000005,$G1,3171081208800005,3171081503100005,Eka,L,anggota,0,,$T0
aaaaaaaa-0000-4000-8000-000000000006,$G2,3171081208800006,3171081503100006,Fajar,L,ketua,0,,$T0
EOF
# Ani: assessed and not poor (2 of 14).
cat >"$IN/penilaian.csv" <<EOF
id,anggota_id,tanggal,k01,k02,k03,k04,k05,k06,k07,k08,k09,k10,k11,k12,k13,k14,diubah_pada
bbbbbbbb-0000-4000-8000-000000000001,aaaaaaaa-0000-4000-8000-000000000001,2025-02-01,1,1,0,0,0,0,0,0,0,0,0,0,0,0,$T0
EOF
if "$SIKUBE_BIN" --db "$DB" import "$IN/kelompok.csv" "$IN/anggota.csv" "$IN/penilaian.csv" >"$WORK/imp.out" 2>&1; then
	ok "groups and members typed in"
else
	nok "groups and members typed in"; sed 's/^/#   /' "$WORK/imp.out"
fi
TODAY=$(date +%F)

# score TEXT NAME: the score line reads TEXT.
score() { expect "$2" "$1" 3; }
# Keystrokes typed into the assessment form.
N=0
k() { N=$((N + $#)); keys "$@"; }
kt() { N=$((N + ${#1})); type_text "$1"; }

app
wait_for "Pertemuan"
keys 3
expect "menu 3 opens Kelayakan" "Kelayakan - kepatuhan kelompok"
expect "office figures" "Kantor: aktif 6, dinilai 1"
expect "first row is all groups" "(Semua kelompok)" 1
expect "hint line" "Enter Anggota" 1
keys F1
expect "F1 help on Kelayakan" "Bantuan: Kelayakan - kepatuhan kelompok"
keys Escape
wait_gone "Bantuan:" 3
keys Down Enter
expect "group's members" "Kelayakan - kelompok KUBE Anggrek"
expect "never assessed shown" "belum dinilai" 1
expect "DTSEN decile shown" "ya d2" 1
expect "group figures line" "Anggota aktif 5, dinilai 1, miskin 0, tidak miskin 1 (100%)" 1
type_text "Citra"
wait_for "Anggota 1 dari 1" 3
k Enter
expect "assessment form opens" "Penilaian baru - Citra (KUBE Anggrek)"
expect "dated today" "Tanggal $TODAY" 1
expect "all 14 criteria on one screen" "14. Tak punya tabungan" 1
score "Skor 0 dari 14 sejauh ini; 14 kriteria belum dijawab" "score starts at 0, nothing answered yet"

# Figures: 24 m² for 3 people is exactly 8 m² each (not under 8), income and savings low.
k Tab Tab
kt 24
k Tab
kt 3
k Tab
kt 450000
k Tab
kt 300000
k Tab
expect "floor area per person" "= 8,00 m² per orang"
if screen | grep -E "^ +1\. .*Tidak +dari angka" >/dev/null; then ok "exactly 8 m² per person: criterion 1 Tidak, from the figures"; else nok "exactly 8 m² per person: criterion 1 Tidak, from the figures"; screen | sed 's/^/    | /'; fi
if screen | grep -E "^ +12\. .*Ya +dari angka" >/dev/null; then ok "income under Rp 600.000: criterion 12 Ya"; else nok "income under Rp 600.000: criterion 12 Ya"; fi
score "Skor 2 dari 14" "score follows the figures"
k y
score "Skor 3 dari 14" "y: the score goes up at once"
k y
score "Skor 4 dari 14" "y again"
k n
score "Skor 4 dari 14" "n leaves it"
k y y y y y
score "Skor 9 dari 14 sejauh ini; 3 kriteria belum dijawab" "9 criteria met, 3 still open"
# (Toggling back and forth is not part of the count of a plain entry.)
keys Space
score "Skor 10 dari 14 sejauh ini; 2 kriteria" "Space answers in place"
keys Space
score "Skor 9 dari 14 sejauh ini; 2 kriteria" "Space toggles back"
k n
score "Skor 9 dari 14 sejauh ini; 2 kriteria" "criterion 10 Tidak"
k y y
score "Skor 11 dari 14: MISKIN" "criteria 11 and 13 (12 skipped: from the figures)"
if [ $((N + 1)) -le 40 ]; then ok "open, figures, 14 answers and F2: $((N + 1)) keystrokes (at most 40)"; else nok "open, figures, 14 answers and F2: $((N + 1)) keystrokes (at most 40)"; fi
# Override criterion 1 (the clerk measured badly): arrows stop on derived rows.
keys Up Up Up Up Up Up Up Up Up Up Up Up Up Up
keys y
expect "override marked on screen" "ditimpa"
score "Skor 12 dari 14: MISKIN" "override counts"
keys F2
# An override is saved only with a second operator's password (four eyes).
expect "an override asks for a second operator" "Perlu persetujuan operator kedua"
type_text "kedua"
keys Enter
wait_for "Kata sandi kedua" >/dev/null
type_text "operator-dua-2"
keys Enter
expect "saved" "Penilaian Citra tersimpan: skor 12, miskin."
expect "back in the list with the result" "$TODAY 12/14 miskin"
expect "group figures updated" "Anggota aktif 5, dinilai 2, miskin 1, tidak miskin 1 (50%)" 1

keys F4
expect "F4 opens the history" "Riwayat penilaian - Citra (KUBE Anggrek)"
expect "history row" "$TODAY 12/14 miskin" 1
expect "history shows the override" "k01" 1
keys Enter
expect "stored assessment opens" "Ubah penilaian - Citra"
expect "override survives save and reload" "ditimpa" 1
expect "figures kept" "450000" 1
keys Escape
wait_for "Riwayat penilaian" 3
keys Escape
wait_for "Kelayakan - kelompok KUBE Anggrek" 3
keys Escape
wait_gone "Cari: Citra" 3
keys F6
expect "F6 shows who is due" "Tampil: perlu dinilai"
expect_not "Citra is not due" "Citra"
keys Escape
wait_for "Kelayakan - kepatuhan kelompok" 3
expect "group over 20% not poor marked" "! KUBE Anggrek"
expect_not "other group not marked" "! KUBE Bougenvil"
keys Escape
wait_for "Pertemuan" 3
keys 1
expect "group list marks it too" "! "
keys Enter
wait_for "Anggota kelompok KUBE Anggrek" 3
keys Down Down
keys Enter
expect "member form shows the latest verdict" "Penilaian terakhir $TODAY: skor 12 dari 14, miskin."
keys Escape
wait_for "Anggota kelompok" 3
quit_app
st=$(cat "$WORK/exit")
if [ "$st" = "EXIT=0" ]; then ok "quit"; else nok "quit ($st)"; fi
finish
