#!/bin/sh
# tmux_meeting.sh - issue 5 through the screens, keys only: a 10-member group (imported from
# typed table files) records a meeting with two members absent in under 30 keystrokes beyond
# the agenda, the Kas screen gains the dues rows and the new balance, an expense is refused
# below zero and then recorded, an entry is reversed, Laporan shows and saves the monthly
# report and its 12-month chart, the group list shows the group active again, check passes.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
init_db || { nok "init database"; finish; exit 1; }
export HOME="$WORK/home"
mkdir -p "$HOME"
TODAY=$(date +%Y-%m-%d)
MONTH=$(date +%Y-%m)

G=11111111-1111-4111-8111-111111111111
T0=2026-01-01T00:00:00Z
cat >"$WORK/kelompok.csv" <<EOF
id,kode,nama,kode_wilayah,jenis_usaha,tingkat,iuran_kas,iuran_iks,diubah_pada,dihapus
$G,MLT-03,KUBE Melati 3,31.71.08.1003,produksi,berkembang,5000,1000,$T0,0
EOF
{
	echo "id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tanggal_lahir,jabatan,diubah_pada,dihapus"
	i=1
	for n in "Siti Aminah" "Budi Santoso" "Dewi Lestari" "Agus Salim" "Endang Rahayu" \
		 "Joko Susilo" "Rina Wati" "Slamet Riyadi" "Tuti Hasanah" "Wahyu Nugroho"; do
		role=anggota
		[ $i -eq 1 ] && role=ketua
		printf 'aaaaaaaa-0000-4000-8000-%012d,%s,31710812088000%02d,31710815031000%02d,%s,L,1980-08-12,%s,%s,0\n' \
			"$i" "$G" "$i" "$i" "$n" "$role" "$T0"
		i=$((i + 1))
	done
} >"$WORK/anggota.csv"
if "$SIKUBE_BIN" --db "$DB" import "$WORK/kelompok.csv" "$WORK/anggota.csv" >"$WORK/imp.out" 2>&1; then
	ok "10-member group imported"
else
	nok "10-member group imported"; sed 's/^/    # /' "$WORK/imp.out"
fi

# Every key from the main menu to the saved meeting is counted (the agenda text is not).
N=0
k() { for key in "$@"; do N=$((N + 1)); keys "$key"; done; }

app
wait_for "Pertemuan"
k 4
expect "Pertemuan asks for the group" "Pertemuan - pilih kelompok"
expect "a group without meetings is inactive" "TIDAK AKTIF" 1
k Enter
expect "the group's meeting list" "Pertemuan kelompok KUBE Melati 3"
expect "no meetings yet" "(tidak ada data)" 1
k F3
expect "new meeting form" "Pertemuan baru - kelompok KUBE Melati 3"
expect "date proposed today (no meeting before)" "Tanggal $TODAY" 1
expect "every active member listed" "10 Wahyu Nugroho" 1
expect "everyone present paying the dues" "Hadir 10, izin 0, sakit 0, alpa 0 dari 10   Iuran kas Rp 50.000, IKS Rp 10.000" 1
keys F1
expect "F1 explains the meeting form" "Bantuan: Pertemuan baru"
expect "help names the one-key statuses" "H hadir, I izin, S sakit, A alpa" 1
keys Escape
wait_for "Pendamping hadir"
k Tab Tab Tab
type_text "Iuran mingguan; rencana produksi keripik"
k PageDown Down Down
k a
expect "A marks alpa and zeroes the dues" "Hadir 9, izin 0, sakit 0, alpa 1 dari 10   Iuran kas Rp 45.000, IKS Rp 9.000"
t resize-window -t s -x 60 -y 20
expect "too small while recording" "Layar terlalu kecil"
t resize-window -t s -x 100 -y 30
expect "bigger terminal keeps the grid" "Hadir 9, izin 0, sakit 0, alpa 1 dari 10"
t resize-window -t s -x 80 -y 24
expect "back to 80x24, nothing lost" "Iuran mingguan; rencana produksi keripik"
k Down Down
k s
expect "S marks sakit, totals live" "Hadir 8, izin 0, sakit 1, alpa 1 dari 10   Iuran kas Rp 40.000, IKS Rp 8.000"
expect "the alpa row" "3 Dewi Lestari                           A alpa" 1
k F2
expect "meeting saved, dues posted" "tersimpan; iuran kas Rp 40.000 dan IKS Rp 8.000 dibukukan"
expect "meeting in the list with present/total" "8/10" 1
if [ "$N" -lt 30 ]; then ok "meeting recorded in $N keystrokes beyond the agenda (< 30)"; else nok "meeting took $N keystrokes"; fi

keys Enter
expect "the saved meeting opens again" "Pertemuan $TODAY - kelompok KUBE Melati 3"
expect "stored agenda" "Iuran mingguan; rencana produksi keripik" 1
expect "stored attendance" "Hadir 8, izin 0, sakit 1, alpa 1 dari 10" 1
keys Escape
wait_for "Pertemuan 1 dari 1"
keys Escape
wait_for "Pertemuan - pilih kelompok"
keys Escape
wait_for "Pilih dengan panah lalu Enter"

# Kas: the dues rows and the balances.
keys 5
expect "Kas asks for the group" "Kas - pilih kelompok"
keys Enter
expect "cash book of the group" "Kas umum - kelompok KUBE Melati 3"
expect "dues row in the general book" "$TODAY BKM-0001    Iuran kas pertemuan" 1
expect "receipt number given" "BKM-0001" 1
expect "new balance of the general book" "Saldo kas umum sekarang: Rp 40.000" 1
keys b
expect "B shows the IKS book" "Saldo kas IKS sekarang: Rp 8.000"
expect "IKS dues row" "$TODAY BKM-0001    Iuran IKS pertemuan" 1
keys b
expect "a second B the savings-and-loans book" "Saldo kas simpan pinjam sekarang"
keys b
expect "a third B the general book again" "Saldo kas umum sekarang"

# An expense above the balance is refused with the balance; then a right one.
keys F3
expect "entry form" "Catat kas - kelompok KUBE Melati 3"
keys Tab Tab Space Tab p p Tab
expect "expense numbered BKK" "BKK-0001" 1
expect "category by letter, shown in words" "Kategori          Pembelian" 1
keys Tab
type_text "Beli pisang 20 kg"
keys Tab
type_text "999000"
keys F2
expect "expense above the balance refused with the balance" "Saldo kas umum hanya Rp 40.000, tidak cukup untuk Rp 999.000"
keys C-u
type_text "15000"
keys F2
expect "expense recorded, balance shown" "Saldo kas umum sekarang Rp 25.000"
expect "expense row in the book" "Beli pisang 20 kg" 1

# Reverse the expense (the selected, last row).
keys F8
expect "reversal asks first" "Balik baris BKK-0001 (Beli pisang 20 kg, Rp 15.000)?"
keys y
expect "reversal recorded" "Dibalik dengan BKM-0002"
expect "reversed row marked x" "BKK-0001  x Beli pisang" 1
expect "balance back after the reversal" "Saldo kas umum sekarang: Rp 40.000" 1
keys Escape
wait_for "Kas - pilih kelompok"
keys Escape
wait_for "Pilih dengan panah lalu Enter"

# Laporan: the monthly report, saved as a private file, and the chart.
keys 6
expect "Laporan asks for the group" "Laporan - pilih kelompok"
keys Enter
expect "monthly report shown" "LAPORAN BULANAN PENDAMPING KUBE"
expect "attendance in the report" "Kehadiran 80% (hadir 8, izin 0, sakit 1, alpa 1)" 1
expect "dues in the report" "Iuran terkumpul: kas Rp 40.000, IKS Rp 8.000" 1
keys F2
expect "file name proposed in the home folder" "$HOME/laporan-MLT-03-$MONTH.txt"
keys Enter
expect "report saved" "Laporan disimpan: $HOME/laporan-MLT-03-$MONTH.txt"
F="$HOME/laporan-MLT-03-$MONTH.txt"
if [ -f "$F" ] && [ "$(stat -c %a "$F")" = 600 ]; then ok "saved report is private (0600)"; else nok "saved report is private (0600)"; fi
if grep -q "Saldo akhir" "$F" && [ "$(awk '{ if (length($0) > w) w = length($0) } END { print w }' "$F")" -le 80 ]; then
	ok "saved report is the 80-column page"
else
	nok "saved report is the 80-column page"
fi
keys Tab
expect "chart of 12 months" "Grafik 12 bulan"
expect "attendance bar this month" "================      80%" 1
expect "balance bar" "#############################" 1
keys Escape
wait_for "Laporan - pilih kelompok"
keys Escape
wait_for "Pilih dengan panah lalu Enter"

# The group list: active again, with the meeting date.
keys 1
expect "group list shows the last meeting" "$TODAY"
expect_not "no longer inactive" "TIDAK AKTIF"
quit_app

if "$SIKUBE_BIN" --db "$DB" check >"$WORK/check.out" 2>&1; then ok "check passes after the screens' work"; else nok "check passes"; sed 's/^/    # /' "$WORK/check.out"; fi
n=$(sqlite3 "$DB" "SELECT count(*) FROM kas WHERE pertemuan_id IS NOT NULL AND dihapus=0")
if [ "$n" = 2 ]; then ok "two dues postings linked to the meeting"; else nok "two dues postings linked to the meeting ($n)"; fi

# Deleting the meeting reverses its dues.
app
wait_for "Pertemuan"
keys 4
wait_for "Pertemuan - pilih kelompok"
keys Enter
wait_for "8/10"
keys F8
expect "delete asks first" "Hapus pertemuan $TODAY? Iurannya dibalik di buku kas."
keys y
expect "meeting deleted" "sudah dihapus; iurannya dibalik"
quit_app
b=$(sqlite3 "$DB" "SELECT sum(masuk-keluar) FROM kas WHERE dihapus=0 AND buku='umum'")
if [ "$b" = 0 ]; then ok "the general book back to zero after the delete"; else nok "general book after delete ($b)"; fi
if "$SIKUBE_BIN" --db "$DB" check >"$WORK/check.out" 2>&1; then ok "check passes after the delete"; else nok "check passes after the delete"; sed 's/^/    # /' "$WORK/check.out"; fi
finish
