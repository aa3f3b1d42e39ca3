#!/bin/sh
# robust_privacy.sh - what SIKUBE writes is private to the user, even under umask 000: the
# database and its folder, its -wal and -shm files, backups, exports, problem reports; and no
# full NIK or No. KK in any message: import problems (any column), check, errors on stderr.
. "$(dirname "$0")/clilib.sh"
umask 000
export HOME="$WORK/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME SIKUBE_DB
mode() { stat -c %a "$1" 2>/dev/null; }
# no_full_id FILE...: no 16-digit number (a whole NIK or No. KK) in the files. Digits inside a
# longer hexadecimal word (a manifest's SHA-256, a UUID) are not a NIK: a checksum holds a run
# of 16 decimal digits by chance in about one bundle in twenty.
no_full_id() { ! grep -qE '(^|[^0-9a-fA-F])[0-9]{16}($|[^0-9a-fA-F])' "$@"; }

# The default database: folder 0700, file 0600.
expect_status 0 "init on the default path" "$SIKUBE_BIN" init --sample
DB="$HOME/.local/share/sikube/sikube.db"
check "database folder is 0700" test "$(mode "$HOME/.local/share/sikube")" = 700
check "database file is 0600" test "$(mode "$DB")" = 600
# While a copy has it open: the write-ahead log and shared memory files are private too.
bindir=$(dirname "$SIKUBE_BIN")
saver="$bindir/tests/kill_saver"
[ -x "$saver" ] || saver="$bindir/build/release/tests/kill_saver"
check "tests/kill_saver is built (make tests)" test -x "$saver"
"$saver" --db "$DB" >/dev/null 2>"$WORK/saver.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! { [ -s "$DB-wal" ] && [ -s "$DB-shm" ]; }; do sleep 0.1; i=$((i + 1)); done
wal=$(mode "$DB-wal") shm=$(mode "$DB-shm")
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
check "the -wal file is 0600 ($wal)" test "$wal" = 600
check "the -shm file is 0600 ($shm)" test "$shm" = 600
[ "$wal$shm" = 600600 ] || sed 's/^/    # saver: /' "$WORK/saver.err" | head -n 5

# Backups and exports.
expect_status 0 "backup" "$SIKUBE_BIN" backup "$WORK/copy.db"
check "backup is 0600" test "$(mode "$WORK/copy.db")" = 600
expect_status 0 "export" "$SIKUBE_BIN" export "$WORK/bundle"
check "export folder is 0700" test "$(mode "$WORK/bundle")" = 700
bad=0
for f in "$WORK"/bundle/*; do [ "$(mode "$f")" = 600 ] || { bad=1; echo "    # $f $(mode "$f")"; }; done
check "every exported file is 0600" test "$bad" -eq 0
expect_status 0 "export for Excel" "$SIKUBE_BIN" export "$WORK/xl" --excel
check "Excel export files are 0600" test "$(mode "$WORK/xl/anggota.csv")" = 600
expect_status 0 "export with NIKs masked" "$SIKUBE_BIN" export "$WORK/masked" --mask-nik
check "a masked bundle holds no full NIK or No. KK" no_full_id "$WORK"/masked/*.csv
check "an unmasked bundle does hold them (the check above means something)" \
	grep -qE '[0-9]{16}' "$WORK/bundle/anggota.csv"

# Import problems: reported without a full NIK or No. KK, whichever column they are in.
G=$(sqlite3 "$DB" "SELECT id FROM kelompok ORDER BY id LIMIT 1")
N1=$(sqlite3 "$DB" "SELECT nik FROM anggota WHERE dihapus=0 AND tanggal_keluar IS NULL LIMIT 1")
mkdir -p "$WORK/in"
{
	echo "id,kelompok_id,nik,no_kk,nama,jenis_kelamin"
	echo ",$G,$N1,3171081503109999,Dobel NIK,L"              # NIK of another active member
	echo ",$G,3171089999990001,3171081503109999,Tanggal Salah,L" # impossible birth date
	echo ",$G,31710812088000011,3171081503109999,Terlalu Panjang,L"
	echo "3171084508850009,$G,3171084508850009,3171081503109999,P,L" # columns shifted
	echo ",$G,3171084508850019,3171081503109999,$N1,L"        # a NIK typed as the name
} >"$WORK/in/anggota.csv"
: >"$WORK/old-report.csv"
chmod 644 "$WORK/old-report.csv"
expect_status 1 "an import with NIK problems is refused" \
	"$SIKUBE_BIN" import "$WORK/in/anggota.csv" --report "$WORK/old-report.csv"
check "the problem report is 0600 (even over an older 0644 file)" test "$(mode "$WORK/old-report.csv")" = 600
check "the problem report lists the problems" test "$(wc -l <"$WORK/old-report.csv")" -ge 5
check "no full NIK or No. KK in the problem report" no_full_id "$WORK/old-report.csv"
check "nor in the messages" no_full_id "$WORK/err"
expect_status 1 "the same import, problems on stderr" "$SIKUBE_BIN" import "$WORK/in/anggota.csv"
check "no full NIK or No. KK on stderr" no_full_id "$WORK/err" "$WORK/out"
check "the NIKs are shown masked" grep -q "317108\*\*\*\*\*\*\*\*\*\*" "$WORK/err"

# check: two active members with one NIK (made behind SIKUBE's back) are named masked.
sqlite3 "$DB" "UPDATE anggota SET nik='$N1' WHERE id=(SELECT id FROM anggota WHERE nik<>'$N1' AND dihapus=0 AND tanggal_keluar IS NULL LIMIT 1)"
expect_status 1 "check finds the doubled NIK" "$SIKUBE_BIN" check
check "check names it masked, never in full" no_full_id "$WORK/out" "$WORK/err"
check "check does report it" grep -q "NIK" "$WORK/out"
finish
