#!/bin/sh
# tmux_backup_names.sh - field trial item 3: the daily copy made when the screens open is named
# after the database file, so two databases in one folder each get theirs
# (cadangan/NAME-YYYY-MM-DD.db), and each keeps its own 7.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
T=$(day 0)
for n in kantor arsip; do
	"$SIKUBE_BIN" --db "$WORK/$n.db" init >"$WORK/init.out" 2>&1 || { nok "init $n.db"; cat "$WORK/init.out"; }
done
mkdir -m 700 "$WORK/cadangan"
for d in 01 02 03 04 05 06 07 08; do : >"$WORK/cadangan/kantor-2020-01-$d.db"; done
for d in 01 02 03; do : >"$WORK/cadangan/arsip-2020-01-$d.db"; done
chmod 600 "$WORK"/cadangan/*.db

# open_quit NAME: open the screens on NAME.db and quit (the day's copy is finished first).
open_quit() {
	start "\"$SIKUBE_BIN\" --db \"$WORK/$1.db\""
	wait_for "Pertemuan"
	quit_app
}

open_quit kantor
if [ -s "$WORK/cadangan/kantor-$T.db" ]; then ok "kantor.db: copy kantor-$T.db"; else nok "kantor.db: copy kantor-$T.db"; ls "$WORK/cadangan" | sed 's/^/    # /'; fi
open_quit arsip
if [ -s "$WORK/cadangan/arsip-$T.db" ]; then ok "arsip.db in the same folder gets its own copy"
else nok "arsip.db in the same folder gets its own copy"; ls "$WORK/cadangan" | sed 's/^/    # /'; fi
n=$(ls "$WORK/cadangan" | grep -c '^kantor-.*\.db$')
if [ "$n" = 7 ]; then ok "kantor keeps its 7 newest"; else nok "kantor keeps its 7 newest ($n)"; fi
if [ -e "$WORK/cadangan/kantor-2020-01-03.db" ] && [ ! -e "$WORK/cadangan/kantor-2020-01-02.db" ] &&
   [ ! -e "$WORK/cadangan/kantor-2020-01-01.db" ]; then
	ok "the two oldest kantor copies went"
else
	nok "the two oldest kantor copies went"
fi
n=$(ls "$WORK/cadangan" | grep -c '^arsip-.*\.db$')
if [ "$n" = 4 ]; then ok "arsip's copies are its own: 3 old and today's"; else nok "arsip's copies are its own ($n)"; fi
if sqlite3 "$WORK/cadangan/arsip-$T.db" "SELECT count(*) FROM wilayah" | grep -q '^[1-9]'; then
	ok "arsip's copy is a whole database"
else
	nok "arsip's copy is a whole database"
fi
finish
