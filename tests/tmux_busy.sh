#!/bin/sh
# tmux_busy.sh - another program holds the database's write lock: saving says so plainly in
# the message line, the form and its values stay, and saving works once the lock is gone.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

app
wait_for "Pertemuan"
keys Enter
wait_for "Daftar kelompok"
keys F3
wait_for "Kelompok baru"
type_text "Cempaka"
expect "name typed" "Cempaka" 5
keys Tab Tab Enter
wait_for "Cari desa/kelurahan:"
type_text "Galur"
sleep 0.3
keys Enter
wait_for "Kec. Johar Baru"

# Hold the write lock from a second program (the sqlite3 shell).
t new-session -d -s lock -x 80 -y 24 "sqlite3 '$DB'"
sleep 0.3
t send-keys -t =lock: -l "BEGIN IMMEDIATE; SELECT 'locked-' || 'now'\;"
t send-keys -t =lock: Enter
i=0
while [ $i -lt 50 ] && ! t capture-pane -p -t =lock: | grep -q "locked-now"; do sleep 0.1; i=$((i + 1)); done

keys F2
expect "busy database reported in the message line" "dipakai" 15
expect "form still open" "Kelompok baru" 1
expect "typed name kept" "Cempaka" 1
if running; then ok "no crash while busy"; else nok "no crash while busy"; fi

t send-keys -t =lock: -l "ROLLBACK\;"
t send-keys -t =lock: Enter
sleep 0.3
keys F2
expect "saved once the lock is gone" "Kelompok Cempaka tersimpan" 15
t kill-session -t =lock 2>/dev/null
quit_app
finish
