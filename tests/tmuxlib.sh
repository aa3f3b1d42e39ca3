# tmuxlib.sh - helpers for the tmux screen tests (sourced). Each test runs SIKUBE inside a
# private tmux server, sends keys and reads the screen back with capture-pane.
# Each check prints `ok - NAME` or `not ok - NAME`; finish prints `N passed, N failed` last.
SIKUBE_BIN=${SIKUBE_BIN:-./sikube}
case "$SIKUBE_BIN" in /*) ;; *) SIKUBE_BIN="$PWD/$SIKUBE_BIN" ;; esac
export SIKUBE_DATA_DIR="${SIKUBE_DATA_DIR:-$PWD}"
unset SIKUBE_DB LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
PASS=0
FAIL=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sikube-tmux-XXXXXX")
SOCK="sikube-test-$$"
TMUX_TIMEOUT=${TMUX_TIMEOUT:-10}
DB="$WORK/sikube.db"
# Every sikube of the script runs as the test operator (tests/testauth.sh); inside tmux the
# password's descriptor is opened again (tmux passes no descriptors on), see start.
. "$(dirname "$0")/testauth.sh"
testauth_setup "$WORK"
# SIKUBE_BIN becomes a wrapper that opens the password's descriptor and execs SIKUBE (the same
# process): a tmux session a test starts itself (t new-session "$SIKUBE_BIN ...") logs in too.
SIKUBE_REAL_BIN=$SIKUBE_BIN
SIKUBE_BIN="$WORK/sikube-bin"
printf '#!/bin/sh\nexec 9<"%s"\nexec "%s" "$@"\n' "$SIKUBE_TEST_PASSWORD_FILE" "$SIKUBE_REAL_BIN" >"$SIKUBE_BIN"
chmod 700 "$SIKUBE_BIN"

cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $1"; }
# finish: check that no sanitizer spoke up, then print the summary line.
finish() {
	if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$WORK/stderr" 2>/dev/null; then
		nok "no sanitizer reports"; sed 's/^/    # /' "$WORK/stderr" | head -40
	else
		ok "no sanitizer reports"
	fi
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}

# t CMD...: tmux on the private server.
t() { tmux -L "$SOCK" "$@"; }

# start [WIDTH HEIGHT] CMD: run CMD (a shell command line) in a new detached session "s".
# Its exit status goes to $WORK/exit.
start() {
	w=80; h=24
	if [ $# -ge 3 ]; then w=$1; h=$2; shift 2; fi
	rm -f "$WORK/exit"
	# A spare session keeps the server up between runs.
	t has-session -t keep 2>/dev/null || t -f /dev/null new-session -d -s keep -x 80 -y 24 "sleep 600"
	t kill-session -t =s 2>/dev/null
	t new-session -d -s s -x "$w" -y "$h" "exec 9<'$SIKUBE_TEST_PASSWORD_FILE'; $1 2>>'$WORK/stderr'; echo EXIT=\$? > '$WORK/exit'; sleep 600"
	t set-option -t =s status off >/dev/null 2>&1
}

# app [WIDTH HEIGHT] [ARGS]: start SIKUBE on the test database.
app() {
	if [ $# -ge 2 ] && [ "$1" -eq "$1" ] 2>/dev/null; then
		w=$1; h=$2; shift 2
		start "$w" "$h" "\"$SIKUBE_BIN\" --db \"$DB\" $*"
	else
		start "\"$SIKUBE_BIN\" --db \"$DB\" $*"
	fi
}

# app_pid: the process id of the program the pane runs (SIKUBE: the child of the pane's
# shell, see start), empty when there is none.
app_pid() {
	ap_pane=$(t display-message -p -t =s: '#{pane_pid}' 2>/dev/null)
	[ -n "$ap_pane" ] && awk '{ print $1 }' "/proc/$ap_pane/task/$ap_pane/children" 2>/dev/null
}

# screen: the pane's text now.
screen() { t capture-pane -p -t =s: 2>/dev/null; }

# keys KEY...: send tmux key names (Enter, Escape, F10, ...) or text, then pause a little.
keys() { t send-keys -t =s: "$@"; sleep 0.15; }
# esc: Esc on its own. A digit within 0.6 s of Esc makes Esc n, SIKUBE's F1..F10 for terminals
# without F keys (as a person would type it), so Esc then a digit waits out that window first.
esc() { t send-keys -t =s: Escape; sleep 0.7; }
# type TEXT: send literal text.
type_text() { t send-keys -t =s: -l "$1"; sleep 0.15; }

# wait_for TEXT [TIMEOUT]: poll the screen every 0.1s until it shows TEXT (a fixed string).
wait_for() {
	limit=$(( ${2:-$TMUX_TIMEOUT} * 10 ))
	i=0
	while [ $i -lt $limit ]; do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# wait_gone TEXT [TIMEOUT]: poll until the screen no longer shows TEXT.
wait_gone() {
	limit=$(( ${2:-$TMUX_TIMEOUT} * 10 ))
	i=0
	while [ $i -lt $limit ]; do
		if ! screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# page_to TEXT [MAX]: PgDn until the screen shows TEXT, at most MAX (6) pages; after each PgDn
# the screen is polled until it has changed (bounded: the end of the text does not change it),
# so that a slow redraw is never taken for a page without TEXT and paged past.
page_to() {
	n=0
	while [ $n -lt "${2:-6}" ] && ! screen | grep -qF -- "$1"; do
		before=$(screen)
		t send-keys -t =s: NPage
		i=0
		while [ $i -lt $((TMUX_TIMEOUT * 10)) ] && [ "$(screen)" = "$before" ]; do
			sleep 0.1
			i=$((i + 1))
		done
		n=$((n + 1))
	done
}

# wait_exit [TIMEOUT]: wait until the program has ended; prints its status.
wait_exit() {
	limit=$(( ${1:-$TMUX_TIMEOUT} * 10 ))
	i=0
	while [ $i -lt $limit ]; do
		if [ -f "$WORK/exit" ]; then sed -n 's/^EXIT=//p' "$WORK/exit"; return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "none"
	return 1
}

# running: 1 while the program has not ended.
running() { [ ! -f "$WORK/exit" ]; }

# expect NAME TEXT [TIMEOUT]: check that TEXT shows up on the screen.
expect() {
	if wait_for "$2" "$3"; then ok "$1"; else nok "$1 (no \"$2\" on screen)"; screen | sed 's/^/    | /'; fi
}
# expect_not NAME TEXT: check that TEXT is not on the screen (now).
expect_not() {
	if screen | grep -qF -- "$2"; then nok "$1 (\"$2\" on screen)"; screen | sed 's/^/    | /'; else ok "$1"; fi
}

# init_db [--sample]: create the test database, as `sikube init [--sample]` does: from a copy of
# $SIKUBE_TEST_TEMPLATE (the region list loaded once per run by tests/run_all.sh) with a device
# id of its own when there is one.
init_db() {
	if [ -n "$SIKUBE_TEST_TEMPLATE" ] && [ ! -e "$DB" ]; then
		cp "$SIKUBE_TEST_TEMPLATE" "$DB" && chmod 600 "$DB" &&
			sqlite3 "$DB" "UPDATE pengaturan SET nilai='$(cat /proc/sys/kernel/random/uuid)' WHERE kunci='perangkat'"
	fi
	if "$SIKUBE_BIN" --db "$DB" init "$@" >"$WORK/init.out" 2>&1; then return 0; fi
	echo "# init failed:"; sed 's/^/#   /' "$WORK/init.out"
	return 1
}

# seed TABLE: import the CSV on stdin into the test database as TABLE.csv (a bundle table read
# on its own), e.g. seed kelompok <<EOF ... EOF.
seed() {
	mkdir -p "$WORK/seed"
	cat >"$WORK/seed/$1.csv"
	if "$SIKUBE_BIN" --db "$DB" import "$WORK/seed/$1.csv" >"$WORK/seed.out" 2>&1; then return 0; fi
	echo "# seed $1 failed:"; sed 's/^/#   /' "$WORK/seed.out"
	return 1
}
# day N: the date N days from today (negative: before), YYYY-MM-DD.
day() { date -d "$1 days" +%Y-%m-%d; }
# sql QUERY: run QUERY on the test database with the sqlite3 shell.
sql() { sqlite3 "$DB" "$1"; }

# quit_app: F10 and confirm, wait for the end.
quit_app() {
	keys F10
	wait_for "(y/" 5 >/dev/null
	keys y
	wait_exit >/dev/null
}

# group_simpin SEARCH: from the main menu, the group list searched for SEARCH, then F7 on the
# group found: its Simpan pinjam screen (the caller waits for it).
group_simpin() {
	keys 1
	wait_for "Daftar kelompok"
	type_text "$1"
	keys F7
}

# back_to_menu: Esc, one screen at a time, until the main menu shows (a form that asks
# before discarding is answered y). Each Esc acts only once it is clear that no digit follows
# (Esc n is F n): the next Esc, or the caller's next key, waits until the title has changed, so
# that no Esc is still pending when a menu digit is typed.
back_to_menu() {
	i=0
	while [ $i -lt 8 ] && ! screen | grep -qE "SIKUBE \| (Menu utama|Main menu)"; do
		title=$(screen | head -n 1)
		esc
		j=0
		while [ $j -lt 50 ] && [ "$(screen | head -n 1)" = "$title" ] && ! screen | grep -qE "\((y/t|y/n)\)"; do
			sleep 0.1
			j=$((j + 1))
		done
		screen | grep -qE "\((y/t|y/n)\)" && keys y
		i=$((i + 1))
	done
}

# add_group NAME VILLAGE_SEARCH: from the group list, add a group in the first village the
# picker lists for VILLAGE_SEARCH (typed and picked at once); waits for the saved message.
add_group() {
	keys F3
	wait_for "Nama kelompok" >/dev/null
	type_text "$1"
	keys Tab Tab
	keys Enter
	wait_for "Cari desa/kelurahan:" >/dev/null
	# Text and Enter in one go, as a fast typist would: the pick must still be a match.
	t send-keys -t =s: -l "$2"
	t send-keys -t =s: Enter
	wait_for "Kec." >/dev/null
	keys F2
	wait_for "tersimpan" >/dev/null
}
