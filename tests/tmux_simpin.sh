#!/bin/sh
# tmux_simpin.sh - savings and loans through the screens (issue 13), keys only, on the shipped
# sample: KUBE Melati 3 records a meeting with savings (one sukarela typed), the two
# borrowers' repayments prefilled (Tuminah's a week late: fined), the absence and late fines
# paid and a new loan, under 45 keystrokes beyond typed text; a loan above the limit is refused
# with the numbers; then the group's Simpan pinjam screen, the passbook and the loan card
# (saved as an 80-column file), the simpin book in Kas, and the monthly report follow; and
# KUBE e-Warong closes its cycle with the share-out and opens the next. check passes. Then the
# drafts: a meeting's savings and new loan, and a cycle's rules, kept when the window closes and
# offered back.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
# close_window: the window closes (SIGHUP), and the test goes on once SIKUBE has ended
# (it keeps its drafts before it ends; at most 3 x TMUX_TIMEOUT on a loaded machine). SIKUBE
# is the child of the pane's shell, which the signal ends at once.
close_window() {
	cw_pid=$(app_pid)
	[ -n "$cw_pid" ] || echo "# close_window: SIKUBE's process not found"
	t kill-session -t =s
	i=0
	while [ -n "$cw_pid" ] && kill -0 "$cw_pid" 2>/dev/null && [ $i -lt $((TMUX_TIMEOUT * 30)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
init_db --sample || { nok "init database"; finish; exit 1; }
export HOME="$WORK/home"
mkdir -p "$HOME"
q() { sqlite3 "$DB" "$1"; }

# to_menu: Esc until the main menu shows (a list's first Esc clears its search).
to_menu() {
	back_to_menu
	wait_for "Pilih dengan panah lalu Enter"
}

# Every key from the main menu to the saved meeting is counted (typed text is not).
N=0
k() { for key in "$@"; do N=$((N + 1)); keys "$key"; done; }

app
wait_for "Pertemuan"
k 4
expect "Pertemuan asks for the group" "Pertemuan - pilih kelompok"
type_text "Melati"
k Enter
expect "the group's meetings" "Pertemuan kelompok KUBE Melati 3"
k F3
expect "new meeting a week after the last" "Tanggal 2026-11-27"
k PageDown
k Down Down a
expect "one member absent" "Hadir 9, izin 0, sakit 0, alpa 1 dari 10"
k PageDown
expect "page 3: savings" "Halaman 3 dari 7: Simpanan"
expect "wajib prefilled for the present" "Euis Kurniasih                      H            -      10.000" 1
expect "the absent member gets no prefill" "Komariah                            A            -           -" 1
k Down Down Down Tab Tab
type_text "15000"
expect "a sukarela amount typed" "15000"
k PageDown
expect "page 4: repayments" "Halaman 4 dari 7: Angsuran"
expect "Euis's instalment prefilled, on time" "Euis Kurniasih                           20.900      20.000         900" 1
expect "Tuminah's two instalments, one late" "Tuminah                                  38.624      37.500       1.124     1" 1
k PageDown
expect "page 5: fines" "Halaman 5 dari 7: Denda"
expect "the absence fined" "Komariah                          alpa       2026-11-27       5.000 -" 1
expect "the late instalment fined" "Tuminah                           terlambat  2026-11-27       2.000 -" 1
expect "the older unpaid fine listed" "Tuminah                           terlambat  2026-11-13       2.000 -" 1
k Space Space
expect "both paid now" "Denda dibayar sekarang Rp 7.000; belum dibayar Rp 2.000"
k PageDown
expect "page 6: new loans" "Halaman 6 dari 7: Pinjaman baru"
k F3 7 Enter
type_text "900000"
k Enter
expect "a loan above the limit refused with the numbers" "Pinjaman Rp 900.000 melebihi batas Rp 420.000 (3 × simpanan Rp 140.000)."
keys C-u
type_text "100000"
k Enter
expect "the schedule shown before it is accepted (terms of the group's last loan)" "Jadwal: 8 x Rp 12.875, 2026-12-04 s.d. 2027-01-22; jumlah Rp 103.000"
k Enter
expect "the loan listed" "Siti Rohmah                                     100.000 8 x minggu"
k PageDown
expect "page 7: cash on hand" "Halaman 7 dari 7: Kas di tangan"
expect "the simpin book before, in, out, after" "kas simpan pinjam      1.042.436    171.524    100.000    1.113.960" 1
k F2
expect "the meeting saved with its savings and loans" "Pertemuan 2026-11-27 tersimpan: 10 simpanan, 2 angsuran, 2 denda, 1 pinjaman"
if [ "$N" -lt 45 ]; then ok "the meeting took $N keystrokes beyond typed text (< 45)"; else nok "the meeting took $N keystrokes"; fi
M=$(q "SELECT id FROM pertemuan WHERE tanggal='2026-11-27'")
check_n() { if [ "$2" = "$3" ]; then ok "$1"; else nok "$1 ($2, want $3)"; fi; }
check_n "savings of the meeting stored" "$(q "SELECT count(*) FROM simpanan WHERE pertemuan_id='$M'")" 10
check_n "two repayments stored" "$(q "SELECT count(*) FROM angsuran WHERE pertemuan_id='$M'")" 2
check_n "the late fine stored, paid" "$(q "SELECT count(*) FROM denda WHERE pertemuan_id='$M' AND jenis='terlambat' AND dibayar_pada='2026-11-27'")" 1
check_n "the loan stored" "$(q "SELECT pokok FROM pinjaman WHERE pertemuan_id='$M'")" 100000
check_n "every movement posted in book simpin" "$(q "SELECT count(*) FROM kas WHERE buku='simpin' AND tanggal='2026-11-27' AND sumber_id IS NOT NULL")" 15
to_menu

# The group's Simpan pinjam screen, the passbook, the loan card.
keys 1
wait_for "Daftar kelompok"
type_text "Melati"
expect "portfolio at risk on the group list" "Risiko"
keys F7
expect "Simpan pinjam of the group" "Simpan pinjam - kelompok KUBE Melati 3"
expect "the cycle and its rules" "Siklus 1 berjalan sejak 2026-10-02" 1
expect "the new loan on the member's row" "7 Siti Rohmah                         140.000       100.000" 1
keys Down Down Down Down Down Down Enter
expect "the passbook" "BUKU SIMPANAN DAN PINJAMAN ANGGOTA"
expect "the passbook's savings with balances" "Siti Rohmah" 1
keys k
expect "the loan card" "KARTU PINJAMAN ANGGOTA"
expect "the loan card's schedule" "   1 2026-12-04       12.500       375      12.875      87.500" 1
keys F6
expect "the card saved as a file" "Simpan halaman ini sebagai berkas"
keys Enter
expect "saved" "Tersimpan:"
F="$HOME/kartu-pinjaman-Siti-Rohmah.txt"
if [ -f "$F" ] && [ "$(stat -c %a "$F")" = 600 ] && ! awk 'length > 80' "$F" | grep -q .; then
	ok "the printed loan card: private, 80 columns"
else
	nok "the printed loan card: private, 80 columns"
fi
keys Escape
wait_for "BUKU SIMPANAN DAN PINJAMAN"
keys Escape
wait_for "Simpan pinjam - kelompok"
to_menu

# The simpin book in Kas.
keys 5
wait_for "Kas - pilih kelompok"
type_text "Melati"
keys Enter
wait_for "Kas umum - kelompok KUBE Melati 3"
keys b b
expect "the simpin book" "Kas simpan pinjam - kelompok KUBE Melati 3"
keys End
expect "the new loan's payout in it" "Pinjaman Siti Roh"
expect "the fines paid in it" "Denda terlambat Tu" 1
to_menu

# The monthly report of November 2026 has the savings-and-loans section.
keys 6
wait_for "Laporan - pilih kelompok"
type_text "Melati"
keys Enter
wait_for "LAPORAN BULANAN PENDAMPING KUBE"
back=$(( ($(date +%Y) - 2026) * 12 + $(date +%-m) - 11 ))
i=0
# The report opens at last month (or this month once the group met in it): step to November.
while ! screen | grep -q "Bulan      : November 2026" && [ $i -le $((back + 1)) ]; do keys Left; i=$((i + 1)); done
expect "the report of November 2026" "Bulan      : November 2026"
keys End
expect "section 6: savings and loans" "6. Simpan pinjam (siklus 1)"
expect "loans made in the month" "Pinjaman baru 1, Rp 100.000; angsuran pokok Rp 155.000" 1
to_menu

# e-Warong closes its running cycle with the share-out, and opens the next.
keys 1
wait_for "Daftar kelompok"
type_text "Warong"
keys F7
expect "e-Warong's Simpan pinjam" "Siklus 2 berjalan sejak 2026-10-01"
keys F6
expect "the share-out to review" "BAGI HASIL SIMPAN PINJAM SIKLUS 2"
keys End
expect "ready to close" "Siap ditutup pada"
keys F2
expect "asked once" "Tutup siklus 2 pada"
keys y
# The share-out needs a second operator (issue 16): the test's second operator confirms.
expect "a second operator asked for the share-out" "Nama operator kedua"
type_text "$SIKUBE_TEST_SECOND"
keys Enter
expect "and that operator's password" "Kata sandi $SIKUBE_TEST_SECOND"
type_text "$SIKUBE_TEST_PASSWORD"
keys Enter
expect "the next cycle offered" "Buka siklus berikutnya dengan aturan yang sama?"
keys y
expect "closed, the next opened" "Siklus 2 ditutup; siklus 3 dibuka mulai"
quit_app
check_n "a share-out row per member" "$(q "SELECT count(*) FROM bagi_hasil b JOIN siklus c ON c.id=b.siklus_id WHERE c.nomor=2 AND c.selesai IS NOT NULL")" 12
check_n "cycle 3 open" "$(q "SELECT count(*) FROM siklus WHERE nomor=3 AND selesai IS NULL")" 1
if "$SIKUBE_BIN" --db "$DB" check >"$WORK/check.out" 2>&1; then ok "check passes after the screens' work"; else nok "check passes"; sed 's/^/    # /' "$WORK/check.out"; fi

# Drafts: the window closed while a meeting's savings page and a cycle's rules were being
# typed; both forms offer them back. A running cycle's start date cannot be typed over.
app
wait_for "Pertemuan"
keys 4
wait_for "Pertemuan - pilih kelompok"
type_text "Melati"
keys Enter
wait_for "Pertemuan kelompok KUBE Melati 3"
keys F3
wait_for "Pertemuan baru"
keys PageDown
wait_for "Hadir 10"
keys PageDown
expect "the savings page of the next meeting" "Halaman 3 dari 7: Simpanan"
keys Tab Tab
type_text "4321"
keys Down
expect "a sukarela amount typed" "4.321"
keys PageDown PageDown PageDown
expect "page 6 of the next meeting" "Halaman 6 dari 7: Pinjaman baru"
keys F3 2 Enter
type_text "20000"
keys Enter
wait_for "Jadwal: 8 x"
keys Enter
expect "a new loan typed" "20.000 8 x minggu"
close_window
case "$(q "SELECT isi FROM draf WHERE layar='meeting-form'")" in
*mm.sav.*,4321*mm.loan.*=20000,8,minggu,simpin,*) ok "window closed: the meeting's savings and new loan kept in its draft" ;;
*) nok "window closed: the meeting's savings and new loan kept in its draft" ;;
esac
app
wait_for "Pertemuan"
keys 4
wait_for "Pertemuan - pilih kelompok"
type_text "Melati"
keys Enter
wait_for "Pertemuan kelompok KUBE Melati 3"
keys F3
expect "the meeting offers its draft" "Ada isian formulir ini yang belum disimpan"
keys Enter
wait_gone "Ada isian formulir ini" 3
keys PageDown
wait_for "Hadir 10"
keys PageDown
expect "the typed sukarela is back on the savings page" "4.321"
keys PageDown PageDown PageDown
expect "the new loan is back on page 6" "20.000 8 x minggu"
keys Escape
expect "leaving asks first" "Buang pertemuan yang belum disimpan"
keys y
wait_for "Pertemuan kelompok KUBE Melati 3"
to_menu
group_simpin "Melati"
wait_for "Simpan pinjam - kelompok KUBE Melati 3"
keys F4
expect "the running cycle's rules" "Aturan siklus 1 - kelompok KUBE Melati 3"
keys Up
type_text "2"
expect "its start date cannot be typed over" "Tanggal mulai siklus yang berjalan tidak dapat diubah."
expect "and stays" "Tanggal mulai               2026-10-02" 1
keys Down
type_text "60000"
# The window closes only once the app has the typed value (on a loaded machine the keys
# may still be on their way).
expect "the new rule is typed" "Simpanan pokok (Rp)         60000"
close_window
check_n "window closed: the cycle's rules kept as a draft" "$(q "SELECT count(*) FROM draf WHERE layar='simpin-cycle' AND isi LIKE '%simpanan_pokok=60000%'")" 1
app
wait_for "Pertemuan"
group_simpin "Melati"
wait_for "Simpan pinjam - kelompok KUBE Melati 3"
keys F4
expect "the cycle form offers its draft" "Ada isian formulir ini yang belum disimpan"
keys Enter
expect "the typed rule is back" "Simpanan pokok (Rp)         60000"
keys Escape
wait_for "Buang perubahan" 3
keys y
wait_for "Simpan pinjam - kelompok KUBE Melati 3"
check_n "the drafts used up" "$(q "SELECT count(*) FROM draf")" 0
check_n "nothing saved from them" "$(q "SELECT simpanan_pokok FROM siklus s JOIN kelompok k ON k.id=s.kelompok_id WHERE k.nama='KUBE Melati 3' AND s.nomor=1")" 50000
quit_app
finish
