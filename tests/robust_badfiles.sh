#!/bin/sh
# robust_badfiles.sh - bad input and a full disk. Each malformed file (truncated, binary
# garbage, a 10 MB field, 100,000 columns, invalid UTF-8, a NUL byte, empty, header only) is
# imported as a bundle's table and as a single table file: exit 1, a clear Indonesian message
# naming the file, no sanitizer report, the database unchanged, memory bounded. Then a disk
# that fills up (a file size limit) during an import, a backup and a burst of saves: a clear
# message, nothing half written, `sikube check` still passes.
. "$(dirname "$0")/clilib.sh"
DB="$WORK/t.db"
new_db "$DB" --sample
"$SIKUBE_BIN" --db "$DB" export "$WORK/full" >/dev/null 2>&1
check "sample database and its bundle" test -f "$WORK/full/manifest.csv"
G=$(sqlite3 "$DB" "SELECT id FROM kelompok ORDER BY id LIMIT 1")
H="id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,alamat,rt,rw,telepon,jabatan,tanggal_masuk,tanggal_keluar,terdaftar_dtsen,desil_dtsen,peserta_pkh,catatan,diubah_pada,dihapus"
ROW=",$G,3171084508850009,3171081503109999,Siti Uji,P,,,,,,,anggota,2025-01-01,,0,,0,,2025-01-01T00:00:00Z,0"
bindir=$(dirname "$SIKUBE_BIN")
# The plain build (make all) at the top of the tree, for the memory bound.
RELEASE="${SIKUBE_DATA_DIR:-.}/sikube"
[ -x "$RELEASE" ] && ! nm "$RELEASE" 2>/dev/null | grep -q __asan_init || RELEASE=""

# check_db DB: `sikube check` finds no problem.
check_db() { "$SIKUBE_BIN" --db "$1" check >/dev/null 2>&1; }
dump() { sqlite3 "$DB" .dump | sha256sum; }
# make_case NAME: write the malformed anggota.csv for NAME into $WORK/case/NAME.csv; prints
# the words its message must hold (an extended regular expression).
make_case() {
	f="$WORK/case/$1.csv"
	case $1 in
	truncated) printf '%s\n%s\n%s' "$H" "$ROW" "$(echo "$ROW" | cut -c1-60)" >"$f"; echo "terpotong" ;;
	garbage) head -c 8192 "$SIKUBE_BIN" >"$f"; echo "NUL|rusak|Kolom wajib" ;;
	garbage-text) head -c 8192 "$SIKUBE_BIN" | tr -d '\000' | tr '\n' ',' >"$f"; echo "rusak|kolom|Kolom wajib|UTF-8" ;;
	bigfield) { echo "$H"; printf ',%s,3171084508850009,3171081503109999,' "$G"
		head -c 10485760 /dev/zero | tr '\000' 'a'; echo ",P"; } >"$f"; echo "1 MB" ;;
	columns) awk 'BEGIN { for (i = 0; i < 100000; i++) printf "%sc%d", (i ? "," : ""), i; print "" }' >"$f"
		echo "4096 kolom" ;;
	utf8) { echo "$H"; echo "$ROW" | sed 's/Siti Uji/Siti \xe9\xff Uji/'; } >"$f"; echo "UTF-8" ;;
	nul) { echo "$H"; echo "$ROW" | sed 's/Siti Uji/Siti@@Uji/' | tr '@' '\000'; } >"$f"; echo "NUL" ;;
	empty) : >"$f"; echo "kosong" ;;
	header) echo "$H" >"$f"; echo "hanya berisi baris judul|manifest mencatat" ;;
	esac
}
# A bundle like full/ whose anggota.csv is the bad file; the manifest's checksum is fixed so
# the file is really read (a wrong checksum alone is refused before reading).
make_bundle() {
	rm -rf "$WORK/b"
	cp -r "$WORK/full" "$WORK/b"
	cp "$1" "$WORK/b/anggota.csv"
	sum=$(sha256sum "$1" | cut -d' ' -f1)
	sed -i "s/^sha256.anggota.csv,.*/sha256.anggota.csv,$sum/" "$WORK/b/manifest.csv"
}
# refused NAME WORDS SOURCE...: the import of SOURCE is refused cleanly.
refused() {
	name=$1; words=$2; shift 2
	before=$(dump)
	timeout 120 "$SIKUBE_BIN" --db "$DB" import "$@" >"$WORK/out" 2>"$WORK/err"
	st=$?
	if [ "$st" -eq 1 ]; then ok "$name: exit 1"; else nok "$name: exit 1 (got $st)"; tail -n 5 "$WORK/err"; fi
	check "$name: the message names anggota.csv" grep -q "anggota.csv" "$WORK/err"
	if grep -qE "$words" "$WORK/err"; then ok "$name: says why ($words)"; else nok "$name: says why ($words)"; head -n 4 "$WORK/err" | cut -c1-200; fi
	check "$name: says nothing was imported" grep -q "tidak ada data yang diubah" "$WORK/err"
	check "$name: no sanitizer report" sh -c "! grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' '$WORK/err'"
	check "$name: database unchanged" test "$(dump)" = "$before"
}

mkdir -p "$WORK/case" "$WORK/single"
for c in truncated garbage garbage-text bigfield columns utf8 nul empty header; do
	words=$(make_case "$c")
	refused "$c as a single file" "$words" "$(cp "$WORK/case/$c.csv" "$WORK/single/anggota.csv"; echo "$WORK/single/anggota.csv")"
	make_bundle "$WORK/case/$c.csv"
	refused "$c in a bundle" "$words" "$WORK/b"
done
check "the database passes check after every refusal" check_db "$DB"

# Memory stays bounded: the release build reads the 10 MB field and the 100,000 columns
# within a 64 MB address space (the sanitizer build cannot run under a limit).
if [ -n "$RELEASE" ]; then
	for c in bigfield columns; do
		cp "$WORK/case/$c.csv" "$WORK/single/anggota.csv"
		sh -c "ulimit -v 65536; '$RELEASE' --db '$DB' import '$WORK/single/anggota.csv'" >/dev/null 2>"$WORK/err"
		st=$?
		check "$c: refused within 64 MB of memory (exit $st)" test "$st" -eq 1
	done
else
	echo "# no release build next to $SIKUBE_BIN: memory bound not measured"
fi

# A full disk during an import: a file size limit (ulimit -f, 512-byte blocks).
GEN="$bindir/bench-gen"
[ -x "$GEN" ] || GEN="$bindir/build/release/bench-gen"
check "bench-gen is built (make tests)" test -x "$GEN"
new_db "$WORK/d.db"
"$GEN" --db "$WORK/gen.db" --groups 40 --years 1 >/dev/null 2>&1
"$SIKUBE_BIN" --db "$WORK/gen.db" export "$WORK/big" >/dev/null 2>&1
check "a bundle of 40 groups to import" test -f "$WORK/big/manifest.csv"
# Each file may grow to the database's size and 64 kB: the log the import needs is larger.
blocks=$(( $(stat -c %s "$WORK/d.db") / 512 + 128 ))
sqlite3 "$WORK/d.db" .dump | sha256sum >"$WORK/d.before"
sh -c "trap '' XFSZ; ulimit -f $blocks; exec '$SIKUBE_BIN' --db '$WORK/d.db' import '$WORK/big'" >"$WORK/out" 2>"$WORK/err"
st=$?
check "import on a full disk: exit 1 (got $st)" test "$st" -eq 1
check "import on a full disk: says the disk is full" grep -q "Disk penuh" "$WORK/err"
check "import on a full disk: says nothing was imported" grep -q "tidak ada data yang diubah" "$WORK/err"
check "import on a full disk: database unchanged" test "$(sqlite3 "$WORK/d.db" .dump | sha256sum)" = "$(cat "$WORK/d.before")"
check "import on a full disk: check passes" check_db "$WORK/d.db"
expect_status 0 "with room again the same import goes through" "$SIKUBE_BIN" --db "$WORK/d.db" import "$WORK/big"

# A full disk during a backup: a clear message and no half copy left behind.
sh -c "trap '' XFSZ; ulimit -f 2048; exec '$SIKUBE_BIN' --db '$WORK/d.db' backup '$WORK/bk.db'" >"$WORK/out" 2>"$WORK/err"
st=$?
check "backup on a full disk: exit 1 (got $st)" test "$st" -eq 1
check "backup on a full disk: says the disk is full" grep -q "Disk penuh" "$WORK/err"
check "backup on a full disk: no copy and no temporary file left" test -z "$(ls "$WORK"/bk.db* 2>/dev/null)"

# A full disk during a burst of saves (the database may grow by 20 pages only): saves go on
# until one fails with a clear message; that one left nothing behind, every earlier one stayed.
saver="$bindir/tests/kill_saver"
[ -x "$saver" ] || saver="$bindir/build/release/tests/kill_saver"
check "tests/kill_saver is built (make tests)" test -x "$saver"
new_db "$WORK/s.db"
"$saver" --db "$WORK/s.db" --room 20 >"$WORK/saves" 2>"$WORK/err"
st=$?
check "saves on a full disk: the save that does not fit fails (exit $st)" test "$st" -eq 1
check "saves on a full disk: says the disk is full" grep -q "Disk penuh" "$WORK/err"
check "saves on a full disk: some saves went in first" test "$(grep -c '^pertemuan ' "$WORK/saves")" -gt 0
for tb in kelompok anggota pertemuan; do
	check "saves on a full disk: $tb holds exactly the saves reported" \
		test "$(sqlite3 "$WORK/s.db" "SELECT count(*) FROM $tb")" = "$(grep -c "^$tb " "$WORK/saves")"
done
check "saves on a full disk: the cash book holds exactly the receipts reported" \
	test "$(sqlite3 "$WORK/s.db" "SELECT count(*) FROM kas WHERE pertemuan_id IS NULL")" = "$(grep -c "^kas " "$WORK/saves")"
check "saves on a full disk: check passes" check_db "$WORK/s.db"
finish
