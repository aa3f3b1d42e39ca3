#!/bin/sh
# tmux_passbook_reverse.sh - F8 on a passbook reverses one of the member's savings rows and F8
# on a loan card one of the loan's repayments (screens/simpin_view.c), on the shipped sample:
# the row's number is asked, a number that is not a row is refused, the question names the row,
# "t" changes nothing, "y" books the mirror row today.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
init_db --sample || { nok "init database"; finish; exit 1; }
export HOME="$WORK/home"
mkdir -p "$HOME"
SITI=$(sql "SELECT id FROM anggota WHERE nama='Siti Rohmah' AND dihapus=0")
saved() { sql "SELECT count(*) FROM simpanan WHERE anggota_id='$SITI' AND dihapus=0"; }
EUIS=$(sql "SELECT id FROM anggota WHERE nama='Euis Kurniasih' AND dihapus=0")
repaid_euis() { sql "SELECT count(*) FROM angsuran a JOIN pinjaman p ON p.id=a.pinjaman_id WHERE p.anggota_id='$EUIS' AND a.dihapus=0"; }
check_n() { if [ "$2" = "$3" ]; then ok "$1"; else nok "$1 ($2, want $3)"; fi; }
S0=$(saved)
E0=$(repaid_euis)
[ "$S0" -gt 0 ] && ok "the sample has savings of Siti Rohmah" || nok "no savings of Siti Rohmah in the sample ($S0)"

app
wait_for "Pertemuan"
group_simpin "Melati"
expect "Simpan pinjam of the group" "Simpan pinjam - kelompok KUBE Melati 3"
keys Down Down Down Down Down Down Enter
expect "the passbook" "BUKU SIMPANAN DAN PINJAMAN ANGGOTA"
keys F8
expect "the savings row's number is asked" "Nomor baris simpanan yang dibalik (kolom No):"
type_text "999"
keys Enter
expect "a number that is no row is refused" "Tidak ada nomor 999."
check_n "nothing reversed" "$(saved)" "$S0"
keys F8
expect "asked again" "Nomor baris simpanan yang dibalik (kolom No):"
type_text "1"
keys Enter
expect "the question names the row" "Balik simpanan"
keys t
wait_gone "Balik simpanan" || nok "the question closes on t"
check_n "no: nothing reversed" "$(saved)" "$S0"
keys F8
wait_for "Nomor baris simpanan yang dibalik" >/dev/null
type_text "1"
keys Enter
wait_for "Balik simpanan" >/dev/null
keys y
expect "yes: reversed and said" "Simpanan dibalik dan dibukukan hari ini."
check_n "the mirror row stored" "$(saved)" "$((S0 + 1))"
esc
wait_for "Simpan pinjam - kelompok KUBE Melati 3" >/dev/null
keys Home Enter
expect "Euis Kurniasih's passbook" "Euis Kurniasih"
keys k
expect "her loan card" "KARTU PINJAMAN ANGGOTA"
keys F8
expect "the repayment's number is asked" "Nomor angsuran yang dibalik (kolom No):"
type_text "1"
keys Enter
expect "the question names the repayment" "Balik angsuran"
keys y
expect "reversed and said" "Angsuran dibalik dan dibukukan hari ini."
check_n "the mirror repayment stored" "$(repaid_euis)" "$((E0 + 1))"
finish
