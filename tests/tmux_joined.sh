#!/bin/sh
# tmux_joined.sh - field trial item 7: a meeting's attendance list, and every figure, counts only
# the members active on the meeting's date: a back-dated meeting does not list a member who
# joined later (nor one who had left), and the monthly report agrees with it; a new member's
# date joined is asked on the form's first page, today proposed.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,iuran_kas,diubah_pada,dihapus
$G1,MWR,KUBE Mawar,31.71.08.1003,2020-01-01,5000,2026-01-01T00:00:00Z,0
CSV
# Five members since 2020, one who left in 2025, and one who joins today.
seed anggota <<CSV || { nok "seed members"; finish; exit 1; }
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,tanggal_masuk,tanggal_keluar,diubah_pada,dihapus
a1111111-1111-4111-8111-111111111111,$G1,3171084703710001,3171080101080001,Ani,P,ketua,2020-01-01,,2026-01-01T00:00:00Z,0
a2222222-2222-4222-8222-222222222222,$G1,3171084703710002,3171080101080002,Badriah,P,anggota,2020-01-01,,2026-01-01T00:00:00Z,0
a3333333-3333-4333-8333-333333333333,$G1,3171084703710003,3171080101080003,Cucu,P,anggota,2020-01-01,,2026-01-01T00:00:00Z,0
a4444444-4444-4444-8444-444444444444,$G1,3171084703710004,3171080101080004,Dedeh,P,anggota,2020-01-01,,2026-01-01T00:00:00Z,0
a5555555-5555-4555-8555-555555555555,$G1,3171084703710005,3171080101080005,Euis,P,anggota,2020-01-01,,2026-01-01T00:00:00Z,0
a6666666-6666-4666-8666-666666666666,$G1,3171084703710006,3171080101080006,Fatimah,P,anggota,2020-01-01,2025-06-30,2026-01-01T00:00:00Z,0
a7777777-7777-4777-8777-777777777777,$G1,3171084703710007,3171080101080007,Neneng Baru,P,anggota,$(day 0),,2026-01-01T00:00:00Z,0
CSV
MEET=$(day -30)
MONTH=$(echo "$MEET" | cut -c1-7)

app
wait_for "Pertemuan"
keys 4
wait_for "Pertemuan - pilih kelompok"
keys Enter
wait_for "Pertemuan kelompok KUBE Mawar"
keys F3
wait_for "Pertemuan baru"
expect "today: the members of today, the newcomer too" "Neneng Baru" 3
expect_not "not the one who left" "Fatimah"
type_text "$MEET"
keys Tab
expect "the list follows the date" "Daftar hadir disesuaikan dengan anggota pada $MEET: 5 anggota."
expect_not "the newcomer is not on a meeting before she joined" "Neneng Baru"
expect "the totals count five" "dari 5" 1
keys F2
expect "saved" "Pertemuan $MEET tersimpan"
expect "the meeting list: 5 of 5 present" "5/5" 1
if [ "$(sql "SELECT count(*) FROM kehadiran")" = 5 ]; then ok "five attendance rows stored"; else nok "five attendance rows stored"; fi
esc
wait_for "Pertemuan - pilih kelompok" 3
quit_app
"$SIKUBE_BIN" --db "$DB" report monthly --group "$G1" --month "$MONTH" >"$WORK/monthly.txt" 2>&1
if grep -q "Anggota aktif 5 " "$WORK/monthly.txt" && grep -q "hadir 5, izin 0, sakit 0, alpa 0" "$WORK/monthly.txt" &&
   grep -q "Kehadiran 100%" "$WORK/monthly.txt"; then
	ok "the monthly report: five active, five present, 100%"
else
	nok "the monthly report: five active, five present, 100%"; sed 's/^/    # /' "$WORK/monthly.txt"
fi
# A member added now: the date joined is on the first page, today proposed.
app
wait_for "Pertemuan"
keys 1
wait_for "KUBE Mawar"
keys Enter
wait_for "Anggota kelompok KUBE Mawar"
keys F3
wait_for "Anggota baru"
expect "date joined asked on the first page, today proposed" "Tanggal masuk   $(day 0)"
keys Escape
quit_app
finish
