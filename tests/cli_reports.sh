#!/bin/sh
# cli_reports.sh - `report --group` by the code shown on screen or by id; `report cashbook` as
# text: one table per book with whole descriptions, the running balance per book, the month's
# opening balance, lines within 80 columns; `--output FILE` created private and exclusively,
# never through a symlink.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
DB="$WORK/s.db"
"$SIKUBE_BIN" --db "$DB" init --sample >/dev/null 2>&1 || { nok "init --sample"; finish; exit 1; }
G=$(sqlite3 "$DB" "SELECT id FROM kelompok WHERE kode='GLR-01'")
check "the sample has group GLR-01" test -n "$G"

# --group by code, in any case, or by id: the same report.
expect_status 0 "cashbook by id" "$SIKUBE_BIN" --db "$DB" report cashbook --group "$G" --format csv
cp "$WORK/out" "$WORK/by-id.csv"
expect_status 0 "cashbook by code" "$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01 --format csv
check "by code = by id" cmp -s "$WORK/out" "$WORK/by-id.csv"
expect_status 0 "cashbook by code in lower case" "$SIKUBE_BIN" --db "$DB" report cashbook --group glr-01 --format csv
check "lower case code = by id" cmp -s "$WORK/out" "$WORK/by-id.csv"
check "the report has rows" test "$(wc -l <"$WORK/by-id.csv")" -gt 5
expect_status 0 "groups --group by code" "$SIKUBE_BIN" --db "$DB" report groups --group GLR-01 --format csv
check "one group, the right one" sh -c "test \$(wc -l <'$WORK/out') -eq 2 && grep -q '^$G,' '$WORK/out'"
for kind in eligibility attendance; do
	expect_status 0 "$kind --group by code" "$SIKUBE_BIN" --db "$DB" report "$kind" --group GLR-01 --format csv
	check "$kind by code has rows" test "$(wc -l <"$WORK/out")" -gt 1
done
expect_status 0 "monthly --group by code" "$SIKUBE_BIN" --db "$DB" report monthly --group GLR-01 --month 2026-11
check "monthly names the group's code" grep -q '(GLR-01)' "$WORK/out"
expect_status 1 "an unknown code" "$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-99
check "not found, named" grep -q 'Kelompok GLR-99 tidak ditemukan' "$WORK/err"

# Whole descriptions, one table per book.
LONG="Pembelian bahan baku sabun cair untuk pesanan koperasi kelurahan bulan depan beserta ongkos angkut dari pasar induk Kramat Jati"
sqlite3 "$DB" "INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,diubah_pada)
	VALUES ('eeeeeeee-0000-4000-8000-000000000001','$G','2026-11-25','BKM-099','umum','lainnya','$LONG',12345,0,'2026-11-25T00:00:00Z')"
expect_status 0 "cashbook as text" "$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01
cp "$WORK/out" "$WORK/cash.txt"
check "a table for book umum" grep -q '^Buku kas umum$' "$WORK/cash.txt"
check "a table for book IKS" grep -q '^Buku kas IKS' "$WORK/cash.txt"
check "umum first, then IKS" sh -c "test \$(grep -n '^Buku kas umum' '$WORK/cash.txt' | cut -d: -f1) -lt \$(grep -n '^Buku kas IKS' '$WORK/cash.txt' | cut -d: -f1)"
check "a table for book simpan pinjam (Melati 3 runs a cycle)" sh -c "test \$(grep -n '^Buku kas IKS' '$WORK/cash.txt' | cut -d: -f1) -lt \$(grep -n '^Buku kas simpan pinjam' '$WORK/cash.txt' | cut -d: -f1)"
check "a heading row per table" test "$(grep -c '^Tanggal ' "$WORK/cash.txt")" -eq 3
check "every line within 80 columns" test "$(wc -L <"$WORK/cash.txt")" -le 80
missing=""
for word in $LONG; do
	grep -q -- "$word" "$WORK/cash.txt" || missing="$missing $word"
done
check "the long description whole (missing:${missing:- none})" test -z "$missing"
check "its last words are there" grep -q 'Kramat Jati' "$WORK/cash.txt"

# The running balance of each book is its own: the text table's balances are, row by row,
# the CSV's rows of that book; the totals line ends on the book's balance.
"$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01 --format csv >"$WORK/cash.csv"
for buku in umum iks simpin; do
	awk -F, -v b="$buku" 'NR > 1 && $3 == b { print $NF }' "$WORK/cash.csv" >"$WORK/want-$buku"
	awk -v b="$buku" '/^Buku kas / { cur = ($3 == "umum") ? "umum" : ($3 == "IKS") ? "iks" : "simpin" }
		cur == b && /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { s = $NF; gsub(/\./, "", s); print s }' \
		"$WORK/cash.txt" >"$WORK/got-$buku"
	check "book $buku: text rows and balances are the CSV's" cmp -s "$WORK/got-$buku" "$WORK/want-$buku"
	check "book $buku has rows" test -s "$WORK/want-$buku"
	sum=$(sqlite3 "$DB" "SELECT sum(masuk-keluar) FROM kas WHERE kelompok_id='$G' AND buku='$buku' AND dihapus=0")
	tot=$(awk -v b="$buku" '/^Buku kas / { cur = ($3 == "umum") ? "umum" : ($3 == "IKS") ? "iks" : "simpin" }
		cur == b && $1 == "Jumlah" { s = $NF; gsub(/\./, "", s); print s }' "$WORK/cash.txt")
	check "book $buku: totals line ends on its balance ($tot = $sum)" test "$tot" = "$sum"
done

# A month: the opening balance first, per book.
expect_status 0 "cashbook of a month" "$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01 --month 2026-11
for buku in umum iks simpin; do
	want=$(sqlite3 "$DB" "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE kelompok_id='$G' AND buku='$buku' AND dihapus=0 AND tanggal < '2026-11-01'")
	got=$(awk -v b="$buku" '/^Buku kas / { cur = ($3 == "umum") ? "umum" : ($3 == "IKS") ? "iks" : "simpin" }
		cur == b && $1 == "Saldo" && $2 == "awal" { s = $NF; gsub(/\./, "", s); print s }' "$WORK/out")
	check "book $buku: opening balance of the month ($got = $want)" test "$got" = "$want"
done
expect_status 0 "English cashbook" "$SIKUBE_BIN" --lang en --db "$DB" report cashbook --group GLR-01
check "English book headings" sh -c "grep -q '^General cash book' '$WORK/out' && grep -q '^IKS cash book' '$WORK/out'"

# A code used by two groups is refused (the message says to use the id); the id still works.
sqlite3 "$DB" "UPDATE kelompok SET kode='GLR-01' WHERE kode='GLR-02'"
expect_status 1 "a code of two groups" "$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01
check "says to use the id" grep -q 'lebih dari satu kelompok; pakai id' "$WORK/err"
expect_status 0 "the id still works" "$SIKUBE_BIN" --db "$DB" report cashbook --group "$G" --format csv
sqlite3 "$DB" "UPDATE kelompok SET kode='GLR-02' WHERE kode='GLR-01' AND id<>'$G'"
# A deleted group is not found by its code.
sqlite3 "$DB" "UPDATE kelompok SET dihapus=1 WHERE kode='GLR-04'"
expect_status 1 "a deleted group's code" "$SIKUBE_BIN" --db "$DB" report attendance --group GLR-04

# --output: a new private file with what stdout would get; never over a file or a symlink.
expect_status 0 "--output FILE" "$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01 --format csv --output "$WORK/k.csv"
check "nothing on stdout" test ! -s "$WORK/out"
check "the file holds the report" cmp -s "$WORK/k.csv" "$WORK/cash.csv"
check "the file is private (0600)" test "$(stat -c %a "$WORK/k.csv")" = 600
echo keep >"$WORK/old.csv"
expect_status 1 "an existing file is not replaced" "$SIKUBE_BIN" --db "$DB" report groups --format csv --output "$WORK/old.csv"
check "and keeps its content" test "$(cat "$WORK/old.csv")" = keep
ln -s "$WORK/target.csv" "$WORK/link.csv"
expect_status 1 "a dangling symlink is refused" "$SIKUBE_BIN" --db "$DB" report groups --format csv --output "$WORK/link.csv"
check "nothing made through it" test ! -e "$WORK/target.csv"
ln -s "$WORK/old.csv" "$WORK/link2.csv"
expect_status 1 "a symlink to a file is refused" "$SIKUBE_BIN" --db "$DB" report groups --output "$WORK/link2.csv"
check "its target untouched" test "$(cat "$WORK/old.csv")" = keep
expect_status 1 "--output in a missing folder" "$SIKUBE_BIN" --db "$DB" report groups --output "$WORK/none/r.txt"
check "the reason names the file" grep -q 'none/r.txt' "$WORK/err"
expect_status 1 "an unknown group leaves no file" "$SIKUBE_BIN" --db "$DB" report cashbook --group NOPE --output "$WORK/nope.txt"
check "no file left" test ! -e "$WORK/nope.txt"
# An empty database: the text form says there is nothing (once, on its own line), the CSV
# form writes its header only.
new_db "$WORK/empty.db"
expect_status 0 "groups report of an empty database" "$SIKUBE_BIN" --db "$WORK/empty.db" report groups
check "it says there is no group yet" test "$(cat "$WORK/out")" = "Belum ada kelompok."
expect_status 0 "eligibility report of an empty database" "$SIKUBE_BIN" --db "$WORK/empty.db" report eligibility
check "it says there is no active member" test "$(tail -n 1 "$WORK/out")" = "Belum ada anggota aktif."
expect_status 0 "groups CSV of an empty database" "$SIKUBE_BIN" --db "$WORK/empty.db" report groups --format csv
check "the CSV is its header alone" test "$(wc -l <"$WORK/out")" -eq 1
finish
