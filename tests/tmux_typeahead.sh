#!/bin/sh
# tmux_typeahead.sh - keys typed before a screen has appeared reach it: a clerk who presses F3
# and types the name at once (or pastes it) on a slow PC, where the keys arrive together.
# SIKUBE is stopped while the keys are sent, so that they all wait in the terminal together
# (as on a busy PC) and are read in one go when it runs again.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

# burst KEYS...: send tmux keys (-l TEXT for literal text) while SIKUBE is stopped.
burst() {
	pid=$(app_pid)
	[ -n "$pid" ] || { nok "SIKUBE's process found"; return 1; }
	kill -STOP "$pid"
	while [ $# -gt 0 ]; do
		if [ "$1" = -l ]; then t send-keys -t =s: -l "$2"; shift 2
		else t send-keys -t =s: "$1"; shift; fi
	done
	kill -CONT "$pid"
}

# in_name CHECK TEXT: the form's name field shows TEXT (on the line of its label).
in_name() {
	wait_for "$2" 5
	if screen | grep -qE "Nama kelompok +$2"; then ok "$1"; else nok "$1"; screen | sed 's/^/    | /'; fi
}

app
wait_for "Pertemuan"
keys Enter
wait_for "Daftar kelompok"
burst F3 -l "Cempaka"
expect "the new-group form opened" "Kelompok baru" 15
in_name "the name typed with F3 is in the form's first field" "Cempaka"
keys Escape
wait_for "Buang" 5 && keys y
wait_for "Daftar kelompok"

# Two screens deep in one go: back to the menu, then Enter, F3 and the name together.
keys Escape
wait_for "Pertemuan"
burst Enter F3 -l "Melati"
expect "the form opened two screens on" "Kelompok baru" 15
in_name "the name typed with them is in the form" "Melati"
quit_app
finish
