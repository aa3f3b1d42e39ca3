#!/bin/sh
# tmux_cash_order.sh - field trial item 4: the book is ordered by date, then by the order of
# entry, so the running balance shows only amounts the cash box held: a reversal comes after the
# row it reverses (not above it with a balance of 105.000), on the screen and in
# `report cashbook`.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
T=$(day 0)
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G1,MWR,KUBE Mawar,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
CSV
seed kas <<CSV || { nok "seed cash rows"; finish; exit 1; }
id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,pertemuan_id,membalik_id,diubah_pada,dihapus
c1111111-1111-4111-8111-111111111111,$G1,$T,BKM-0001,umum,lainnya,Saldo awal,100000,0,,,2026-01-01T00:00:00Z,0
c2222222-2222-4222-8222-222222222222,$G1,$T,BKK-0001,umum,pembelian,Beli gula (salah tulis),0,5000,,,2026-01-01T00:00:00Z,0
CSV

# in_order NAME A B C ...: the screen shows lines with A, B, C ... in that order.
in_order() {
	name=$1
	shift
	prev=0
	for w in "$@"; do
		n=$(screen | grep -nF -- "$w" | head -n 1 | cut -d: -f1)
		if [ -z "$n" ] || [ "$n" -le "$prev" ]; then
			nok "$name ($w out of order)"; screen | sed 's/^/    | /'; return
		fi
		prev=$n
	done
	ok "$name"
}

app
wait_for "Pertemuan"
keys 5
wait_for "Kas - pilih kelompok"
keys Enter
wait_for "Kas umum - kelompok KUBE Mawar"
wait_for "Baris 2 dari 2" 3
keys F8
expect "reversing BKK-0001" "Balik baris BKK-0001"
keys y
expect "reversed" "Dibalik dengan BKM-0002"
wait_for "Baris 3 dari 3" 3
in_order "the reversal is listed after the row it reverses" "BKM-0001" "BKK-0001" "BKM-0002"
if screen | grep -F "BKK-0001" | grep -qE "95\.000 *$"; then ok "balance after the expense: 95.000"
else nok "balance after the expense: 95.000"; screen | sed 's/^/    | /'; fi
if screen | grep -F "BKM-0002" | grep -qE "100\.000 *$"; then ok "balance after the reversal: 100.000"
else nok "balance after the reversal: 100.000"; fi
expect_not "no balance the box never held" "105.000"
quit_app
"$SIKUBE_BIN" --db "$DB" report cashbook --group "$G1" >"$WORK/book.txt" 2>&1
# The rows (lines that start with a date): their receipt numbers and last column, the balance.
rows=$(grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2} ' "$WORK/book.txt")
if echo "$rows" | awk '{ print $NF }' | grep -qx "105\.000"; then
	nok "report cashbook: no balance of 105.000"; sed 's/^/    # /' "$WORK/book.txt"
else
	ok "report cashbook: no balance of 105.000"
fi
if [ "$(echo "$rows" | awk '{ print $2 }' | tr '\n' ' ')" = "BKM-0001 BKK-0001 BKM-0002 " ]; then
	ok "report cashbook: the same order"
else
	nok "report cashbook: the same order"; sed 's/^/    # /' "$WORK/book.txt"
fi
"$SIKUBE_BIN" --db "$DB" report cashbook --group "$G1" --format csv >"$WORK/book.csv" 2>&1
if [ "$(cut -d, -f2,8 "$WORK/book.csv" | tail -n 3 | tr '\n' ' ')" = "BKM-0001,100000 BKK-0001,95000 BKM-0002,100000 " ]; then
	ok "report cashbook csv: running balances 100000, 95000, 100000"
else
	nok "report cashbook csv: running balances 100000, 95000, 100000"; sed 's/^/    # /' "$WORK/book.csv"
fi
finish
