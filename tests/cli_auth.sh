#!/bin/sh
# cli_auth.sh - who did what (issue 16) on the command line: logging in (descriptor, never the
# command line), a pemeriksa changes nothing through any command, the audit trail and its
# check, signed bundles (one byte altered refused, unknown and revoked keys, --require-signed),
# the data subject's report and retention, an upgraded database and the sample admin, and no
# password or whole NIK in any message.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
S="$SIKUBE_BIN"
ALL="$WORK/all-output"     # every message and every output of this script, searched at the end
: >"$ALL"
ERRS="$WORK/all-messages" # every message (stderr) of this script
: >"$ERRS"
run() { "$@" >"$WORK/out" 2>"$WORK/err"; st=$?; cat "$WORK/out" "$WORK/err" >>"$ALL"; cat "$WORK/err" >>"$ERRS"; return $st; }
# st_is N NAME CMD...: CMD exits with N (its output kept as run does).
st_is() { want=$1; name=$2; shift 2; run "$@"; got=$?; if [ "$got" -eq "$want" ]; then ok "$name"; else nok "$name (exit $got, want $want)"; sed 's/^/    /' "$WORK/err" | head -5; fi; }
pwfile() { (umask 077; printf '%s\n' "$2" >"$WORK/$1"); }
# As another operator: as NAME PASSWORD_FILE CMD...
as() { u=$1; f=$2; shift 2; "$S" --user "$u" --password-fd 3 "$@" 3<"$WORK/$f"; }

A="$WORK/a.db"
new_db "$A" --sample || nok "sample database"
check "the test admin's template hash is the cheap one" sh -c "sqlite3 '$A' \"SELECT sandi FROM operator WHERE nama='uji'\" | grep -q 'm=8,t=1'"

# ---- logging in ------------------------------------------------------------------------------
st_is 0 "a command logs in with the descriptor's password" "$S" --db "$A" report groups
pwfile bad "bukan-sandinya"
st_is 1 "a wrong password is refused (exit 1)" "$S" --db "$A" --password-fd 3 report groups 3<"$WORK/bad"
check "the refusal names neither password" sh -c "! grep -q 'bukan-sandinya\|$SIKUBE_TEST_PASSWORD' '$WORK/err'"
st_is 2 "a password on the command line is not taken" "$S" --db "$A" --password-fd bukan-sandinya report groups
check "and is not repeated" sh -c "! grep -q bukan-sandinya '$WORK/err'"
st_is 2 "no password and no terminal: refused" env -u SIKUBE_PASSWORD_FD "$S" --db "$A" report groups </dev/null
check "says how to give it" grep -q -- '--password-fd' "$WORK/err"
st_is 2 "no name: refused" env -u SIKUBE_USER "$S" --db "$A" report groups </dev/null
st_is 1 "an unknown operator: refused" "$S" --db "$A" --user siapa report groups

# ---- operators ------------------------------------------------------------------------------
pwfile periksa "periksa-saja-1"
pwfile kedua "operator-dua-2"
st_is 0 "admin adds a pemeriksa" "$S" --db "$A" user add periksa --role pemeriksa --new-password-fd 4 4<"$WORK/periksa"
st_is 0 "admin adds an operator" "$S" --db "$A" user add kedua --role operator --full-name "Operator Dua" --new-password-fd 4 4<"$WORK/kedua"
st_is 0 "user list" "$S" --db "$A" user list
check "lists the roles" grep -q 'periksa .*pemeriksa' "$WORK/out"
st_is 1 "an operator may not add operators" as kedua kedua --db "$A" user add lagi --role operator --new-password-fd 4 4<"$WORK/kedua"
st_is 0 "the pemeriksa logs in" as periksa periksa --db "$A" report groups

# ---- a pemeriksa changes nothing, through any command ------------------------------------------
"$S" --db "$A" export "$WORK/bundle" >/dev/null 2>&1
data() { sqlite3 "$A" .dump | grep -v '^INSERT INTO jejak' | grep -v '^INSERT INTO operator'; sqlite3 "$A" "SELECT nama, peran, aktif, sandi, coalesce(pin,'') FROM operator ORDER BY nama"; }
data >"$WORK/before.dump"
for c in "init" "init --sample" "import $WORK/bundle" "import $SIKUBE_DATA_DIR/sample-data" \
	"export $WORK/px" "export --mask-nik $WORK/pm" "user add x --role admin --new-password-fd 3" \
	"user passwd uji --new-password-fd 3" "user disable uji" "user enable periksa" \
	"keys generate" "keys trust --key $(printf '%064d' 7) --name X" "keys revoke 00000000" \
	"retention --months 1" "retention --apply" "backup $WORK/p.backup" "check" \
	"report groups" "report audit" "report eligibility --format csv"; do
	# shellcheck disable=SC2086 # the command's words
	run as periksa periksa --db "$A" $c
done
# Every command of --help too, with no arguments (a command added later is walked as well).
for c in $("$S" --help | sed -n 's/^  sikube \[--db PATH\] \([a-z]*\).*/\1/p' | sort -u); do
	run as periksa periksa --db "$A" "$c"
done
data >"$WORK/after.dump"
check "a pemeriksa changed nothing through any command" cmp -s "$WORK/before.dump" "$WORK/after.dump"
st_is 1 "a pemeriksa's import is refused with the reason" as periksa periksa --db "$A" import "$WORK/bundle"
check "the reason names the role" grep -q 'pemeriksa\|tidak berwenang' "$WORK/err"

# ---- the trail ------------------------------------------------------------------------------
st_is 0 "report audit" "$S" --db "$A" report audit --format csv
check "the trail holds the new operators, by uji" grep -q '^[0-9]*,[^,]*,uji,,admin,tambah,operator,kedua' "$WORK/out"
check "the trail holds the pemeriksa's read of whole NIKs" grep -q ',periksa,,pemeriksa,baca_nik,' "$WORK/out"
st_is 0 "report audit --operator periksa" "$S" --db "$A" report audit --operator periksa --format csv
check "only the pemeriksa's entries" sh -c "tail -n +2 '$WORK/out' | cut -d, -f3 | sort -u | grep -vx periksa | grep -q . && exit 1 || exit 0"
st_is 0 "check passes" "$S" --db "$A" check
sqlite3 "$A" "DROP TRIGGER jejak_tetap_ubah; UPDATE jejak SET operator='orang-lain' WHERE no=2"
st_is 1 "check finds the tampered row" "$S" --db "$A" check
check "and names the first broken link" grep -q 'baris no 2' "$WORK/out"
check "and the missing guard" grep -q 'jejak_tetap_ubah' "$WORK/out"

# ---- signed bundles -------------------------------------------------------------------------
O="$WORK/office.db"
D="$WORK/district.db"
new_db "$O" --sample
new_db "$D"
sqlite3 "$O" "INSERT INTO pengaturan VALUES('nama_kantor','Kelurahan Galur','2026-01-01T00:00:00Z'); INSERT INTO pengaturan VALUES('kode_wilayah_kantor','31.71.08.1003','2026-01-01T00:00:00Z')"
st_is 0 "the office makes its key pair" "$S" --db "$O" keys generate
st_is 0 "and exports a signed bundle" "$S" --db "$O" export "$WORK/signed"
check "the manifest carries kunci_publik" grep -q '^kunci_publik,[0-9a-f]\{64\}$' "$WORK/signed/manifest.csv"
check "and ends with tanda_tangan" sh -c "tail -n 1 '$WORK/signed/manifest.csv' | grep -q '^tanda_tangan,[0-9a-f]\{128\}$'"
check "the private key is in no file of the bundle" sh -c "! grep -rq \"\$(sqlite3 '$O' 'SELECT kunci_rahasia FROM kunci_kantor')\" '$WORK/signed'"
check "the office database is private (0600)" test "$(stat -c %a "$O")" = 600
cp "$D" "$WORK/d0.db"
st_is 1 "an unknown key is refused under --require-signed" "$S" --db "$D" import --require-signed "$WORK/signed"
check "saying the key is not trusted" grep -q 'tidak ada dalam daftar kunci' "$WORK/err"
st_is 0 "without it the bundle imports, with a warning" "$S" --db "$WORK/d0.db" import "$WORK/signed"
check "which names the office and its region" grep -q 'ditandatangani Kelurahan Galur (.*Galur.*TIDAK DIKENAL' "$WORK/err"
st_is 0 "the district trusts the office's key from its bundle" "$S" --db "$D" keys trust "$WORK/signed"
st_is 0 "then --require-signed imports it" "$S" --db "$D" import --require-signed "$WORK/signed"
check "naming the trusted office" grep -q 'ditandatangani Kelurahan Galur.*tepercaya' "$WORK/err"
# One byte altered: in the manifest (the signed part), or in a data file.
cp -r "$WORK/signed" "$WORK/alt1"
sed -i 's/^dibuat_pada,\(.*\)Z$/dibuat_pada,\1z/' "$WORK/alt1/manifest.csv"
cp "$D" "$WORK/d1.db"; sqlite3 "$WORK/d1.db" .dump >"$WORK/d1.before"
st_is 1 "a signed manifest altered by one byte is refused" "$S" --db "$WORK/d1.db" import "$WORK/alt1"
check "as a bad signature" grep -q 'Tanda tangan bundel tidak sah' "$WORK/err"
cp -r "$WORK/signed" "$WORK/alt2"
sed -i '2s/KUBE/KUBF/' "$WORK/alt2/kelompok.csv"
st_is 1 "a data file altered by one byte is refused" "$S" --db "$WORK/d1.db" import "$WORK/alt2"
cp -r "$WORK/signed" "$WORK/alt3"
f="$WORK/alt3/kelompok.csv"; sum=$(sha256sum "$f" | cut -d' ' -f1)
sed -i '2s/KUBE/KUBF/' "$f"; sum=$(sha256sum "$f" | cut -d' ' -f1)
sed -i "s/^sha256.kelompok.csv,.*/sha256.kelompok.csv,$sum/" "$WORK/alt3/manifest.csv"
st_is 1 "a data file altered with its checksum fixed is refused too" "$S" --db "$WORK/d1.db" import "$WORK/alt3"
sqlite3 "$WORK/d1.db" .dump >"$WORK/d1.after"
check "nothing was imported from the altered bundles" cmp -s "$WORK/d1.before" "$WORK/d1.after"
st_is 0 "an unsigned bundle (no key pair) exports" "$S" --db "$A" export "$WORK/unsigned"
st_is 1 "and is refused under --require-signed" "$S" --db "$D" import --require-signed "$WORK/unsigned"
k=$(sed -n 's/^kunci_publik,//p' "$WORK/signed/manifest.csv" | cut -c1-12)
st_is 0 "the district revokes the key" "$S" --db "$D" keys revoke "$k"
st_is 1 "a revoked key's bundle is refused even without --require-signed" "$S" --db "$D" import "$WORK/signed"
st_is 0 "keys list" "$S" --db "$D" keys list
check "shows the revoked key" grep -q 'DICABUT' "$WORK/out"

# ---- the data subject, retention ------------------------------------------------------------
NIK=$(sqlite3 "$O" "SELECT nik FROM anggota ORDER BY nama LIMIT 1")
MID=$(sqlite3 "$O" "SELECT id FROM anggota ORDER BY nama LIMIT 1")
st_is 0 "report person --nik" "$S" --db "$O" report person --nik "$NIK"
check "holds the member's row" grep -q "nik .*$NIK" "$WORK/out"
check "holds its assessments or attendance" grep -q '^\[kehadiran\]\|^\[penilaian\]' "$WORK/out"
check "and the trail about the person" grep -q 'Jejak audit tentang orang ini' "$WORK/out"
check "the read is in the trail" test "$(sqlite3 "$O" "SELECT count(*) FROM jejak WHERE aksi='baca_nik' AND anggota_id='$MID'")" -ge 1
sqlite3 "$O" "UPDATE anggota SET tanggal_keluar='2015-01-31' WHERE id='$MID'"
st_is 0 "the admin sets a retention of 60 months and applies it" "$S" --db "$O" retention --months 60 --apply
check "one member anonymised" grep -q '^1 anggota dianonimkan' "$WORK/out"
check "the name, NIK and address are gone" test "$(sqlite3 "$O" "SELECT nama || '|' || nik || '|' || coalesce(alamat,'') FROM anggota WHERE id='$MID'")" = "Anonim|$(echo "$NIK" | cut -c1-6)0101009999|"
check "the anonymisation is in the trail" test "$(sqlite3 "$O" "SELECT count(*) FROM jejak WHERE aksi='anonimisasi'")" = 1
check "the trail's content about the person is blanked" test "$(sqlite3 "$O" "SELECT count(*) FROM jejak WHERE anggota_id='$MID' AND (lama IS NOT NULL OR baru IS NOT NULL)")" = 0
st_is 0 "the chain still verifies" "$S" --db "$O" check
st_is 1 "an operator may not set the retention" sh -c "'$S' --db '$O' user add op2 --role operator --new-password-fd 4 4<'$WORK/kedua' && '$S' --db '$O' --user op2 --password-fd 3 retention --months 1 3<'$WORK/kedua'"

# ---- an upgraded database, the sample admin ----------------------------------------------------
U="$WORK/upgraded.db"
# A database from before operators: the sample as schema 4 stored it (as cli_migrate.sh);
# every migration from 5 on runs at its first open. (Dropping migration 9's tables from a
# new database no longer makes an older one: later migrations' tables stay behind.)
{ zcat tests/data/schema4-sample.sql.gz; echo "PRAGMA user_version=4;"; } | sqlite3 "$U"
chmod 600 "$U"
NEWEST=$(sqlite3 "$SIKUBE_TEST_TEMPLATE" 'PRAGMA user_version')
counts() { sqlite3 "$U" "SELECT (SELECT count(*) FROM kelompok), (SELECT count(*) FROM anggota), (SELECT count(*) FROM kas), (SELECT count(*) FROM kehadiran), (SELECT sum(masuk-keluar) FROM kas)"; }
before=$(counts)
st_is 2 "an upgraded database without an admin and no way to ask: refused" env -u SIKUBE_USER -u SIKUBE_PASSWORD_FD "$S" --db "$U" report groups </dev/null
check "saying the first admin must be made" grep -q 'belum punya operator' "$WORK/err"
st_is 0 "the first open with a name and password makes the first admin" "$S" --db "$U" report groups
check "it says so" grep -q 'Admin pertama dibuat: uji' "$WORK/err"
check "migrated to the newest version ($NEWEST) with nothing lost" test "$(sqlite3 "$U" 'PRAGMA user_version')|$(counts)" = "$NEWEST|$before"
check "the newest version is 9 or later" test "$NEWEST" -ge 9
SD="$WORK/sample.db"
st_is 0 "init --sample without a name makes the sample admin" env -u SIKUBE_USER -u SIKUBE_PASSWORD_FD "$S" --db "$SD" init --sample </dev/null
pwfile sample "contoh-kube-2025"
st_is 0 "the sample admin logs in with the README's password" as admin sample --db "$SD" report groups
check "the README states it" grep -q 'contoh-kube-2025' "$SIKUBE_DATA_DIR/README.md"

# ---- no password, no whole NIK in any message ---------------------------------------------------
for p in "$SIKUBE_TEST_PASSWORD" periksa-saja-1 operator-dua-2 bukan-sandinya contoh-kube-2025; do
	check "no password ($p) in any output" sh -c "! grep -qF -- '$p' '$ALL'"
done
# Whole NIKs go to stdout only as data asked for (report eligibility --format csv, person);
# never into a message.
sqlite3 "$A" "SELECT nik FROM anggota" >"$WORK/niks"
sqlite3 "$O" "SELECT nik FROM anggota" >>"$WORK/niks"
check "no whole NIK in any message" sh -c "! grep -qFf '$WORK/niks' '$ERRS'"
check "no whole NIK in the trail" sh -c "! sqlite3 '$A' 'SELECT lama, baru, keterangan FROM jejak' | grep -qFf '$WORK/niks'"
check "no password in any database file" sh -c "! grep -qaF -- '$SIKUBE_TEST_PASSWORD' '$A' '$O' '$D'"
finish
