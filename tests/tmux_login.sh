#!/bin/sh
# tmux_login.sh - who works at the screens (issue 16): the login at start (a wrong password
# refused without showing it, the right one opens the menu naming the operator), the day's
# PIN, a pemeriksa whose save is refused on a form, the Operator and Jejak audit screens, and
# the first admin of a database without operators.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db --sample || { nok "init database"; finish; exit 1; }
PW="$WORK/pw-periksa"
(umask 077; printf 'periksa-saja-1\n' >"$PW")
"$SIKUBE_BIN" --db "$DB" user add periksa --role pemeriksa --new-password-fd 4 4<"$PW" 2>/dev/null ||
	nok "add a pemeriksa"

# The login: no password descriptor, so the screens ask.
start "env -u SIKUBE_PASSWORD_FD \"$SIKUBE_BIN\" --db \"$DB\""
expect "the login asks for the operator's name" "Nama operator:"
expect "the name is proposed from SIKUBE_USER" "uji"
keys Enter
expect "then the password" "Kata sandi uji"
type_text "salah-sandi-9"
if screen | grep -q "salah-sandi-9"; then nok "the password is not shown as typed"; else ok "the password is not shown as typed"; fi
expect "stars instead" "*************"
keys Enter
expect "a wrong password is refused" "Nama operator atau kata sandi salah."
keys Enter
wait_for "Nama operator:" >/dev/null
keys Enter
wait_for "Kata sandi uji" >/dev/null
type_text "$SIKUBE_TEST_PASSWORD"
keys Enter
expect "the right one opens the main menu" "Pilih dengan panah lalu Enter"
expect "naming the operator and role" "Operator: uji (admin)"
keys 8
expect "the Operator screen" "Operator dan jejak audit"
expect "lists the pemeriksa" "pemeriksa"
expect "says the office has no signing key yet" "belum punya kunci tanda tangan"
keys F6
expect "F6 sets the PIN: the password first" "Kata sandi Anda:"
type_text "$SIKUBE_TEST_PASSWORD"
keys Enter
expect "then the PIN" "PIN baru"
type_text "2468"
keys Enter
expect "the PIN is saved" "PIN disimpan."
keys F5
expect "F5 opens the audit trail" "Jejak audit"
expect "with the PIN's note by uji" "atur_pin"
keys F6
expect "F6 filters: operator" "Operator (kosong: semua):"
type_text "periksa"
keys Enter Enter Enter Enter Enter
expect "the filter is shown" "Saring: operator periksa"
quit_app

# The PIN works after the day's password login.
start "env -u SIKUBE_PASSWORD_FD \"$SIKUBE_BIN\" --db \"$DB\""
wait_for "Nama operator:" >/dev/null
keys Enter
wait_for "Kata sandi uji" >/dev/null
type_text "2468"
keys Enter
expect "the PIN logs in after today's password login" "Operator: uji (admin)"
quit_app
grep -q 'salah-sandi-9\|2468' "$WORK/stderr" && nok "no password or PIN in the messages" || ok "no password or PIN in the messages"

# A pemeriksa reads, and a save is refused with the reason.
start "env SIKUBE_USER=periksa SIKUBE_PASSWORD_FD=8 \"$SIKUBE_BIN\" --db \"$DB\" 8<'$PW'"
expect "the pemeriksa's menu" "Operator: periksa (pemeriksa)"
keys Enter
expect "reads the groups" "KUBE Melati 3"
keys F4
expect "opens a group's form" "Nama kelompok"
keys End
type_text " X"
keys F2
expect "a save is refused, naming the role" "pemeriksa"
quit_app
check_db() { sqlite3 "$DB" "SELECT count(*) FROM kelompok WHERE nama LIKE '% X'"; }
if [ "$(check_db)" = 0 ]; then ok "nothing was saved"; else nok "nothing was saved"; fi

# A database without operators: the screens make the first admin.
rm -f "$DB" "$DB-wal" "$DB-shm"
"$SIKUBE_BIN" --db "$DB" --user uji init >/dev/null 2>&1
sqlite3 "$DB" "DELETE FROM operator"
start "env -u SIKUBE_PASSWORD_FD -u SIKUBE_USER \"$SIKUBE_BIN\" --db \"$DB\""
expect "no operator yet: the first admin is made" "belum punya operator"
keys Enter
expect "its name" "Nama admin"
keys Enter
expect "its password" "Kata sandi admin"
type_text "admin-baru-123"
keys Enter
expect "typed twice" "sekali lagi"
type_text "admin-baru-123"
keys Enter
expect "then the menu, as that admin" "Operator: admin (admin)" 20
quit_app
finish
