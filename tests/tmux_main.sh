#!/bin/sh
# tmux_main.sh - the main screen at 80x24: menu items, help, every item opening its screen,
# quitting with status 0, TERM=vt100, English (--lang en, LANGUAGE, LANG).
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

app
expect "main menu shows Kelompok" "Kelompok"
for item in Anggota Kelayakan Pertemuan Kas Laporan "Ekspor/Impor" Keluar; do
	expect "main menu shows $item" "$item" 1
done
expect "title bar" "SIKUBE | Menu utama" 1
expect "key hints at the bottom" "F1 Bantuan" 1
expect "database path shown" "Basis data: $DB" 1
expect "counts shown" "Kelompok aktif: 0" 1

keys F1
expect "F1 opens help titled Bantuan" "Bantuan: Menu utama"
expect "help explains the menu" "Pilih bagian dengan tombol panah"
keys Escape
expect "Esc closes help" "Pilih dengan panah lalu Enter"
expect_not "help gone" "Bantuan: Menu utama"

# Every part of the menu opens its own screen, chosen by its number or with the arrows; none
# shows the old "not yet available" note any more.
n=1
for title in "Daftar kelompok" "Cari anggota" "Kelayakan - kepatuhan kelompok" \
	"Pertemuan - pilih kelompok" "Kas - pilih kelompok" "Laporan - pilih kelompok" "Ekspor/Impor"; do
	keys "$n"
	expect "menu item $n opens $title" "SIKUBE | $title"
	expect_not "menu item $n is there (no 'belum tersedia')" "belum tersedia"
	keys Escape
	expect "Esc from $title back to the menu" "SIKUBE | Menu utama"
	n=$((n + 1))
done
keys Home
keys Down Down Down
keys Enter
expect "the arrows and Enter open item 4" "SIKUBE | Pertemuan - pilih kelompok"
keys Escape
expect "back on the menu" "Pilih dengan panah lalu Enter"

keys F10
expect "F10 asks before quitting" "Keluar dari SIKUBE? (y/t)"
keys t
wait_gone "Keluar dari SIKUBE?" 3
if running; then ok "answering t keeps SIKUBE open"; else nok "answering t keeps SIKUBE open"; fi
keys F10
wait_for "Keluar dari SIKUBE?" 3
keys y
st=$(wait_exit)
if [ "$st" = 0 ]; then ok "F10 then y quits with status 0"; else nok "F10 then y quits with status 0 (status $st)"; fi

app
wait_for "Kelompok"
keys End Enter
expect "menu item Keluar asks too" "Keluar dari SIKUBE? (y/t)"
keys Y
st=$(wait_exit)
if [ "$st" = 0 ]; then ok "Keluar then Y quits with status 0"; else nok "Keluar then Y quits (status $st)"; fi

# A terminal without colours or many function-key definitions.
start "TERM=vt100 \"$SIKUBE_BIN\" --db \"$DB\""
expect "TERM=vt100 shows the menu" "Pertemuan"
keys Enter
expect "TERM=vt100 opens the group list" "Daftar kelompok"
keys F1
expect "TERM=vt100 F1 help" "Bantuan: Daftar kelompok"
keys Escape
wait_gone "Bantuan:" 3
keys F10
expect "TERM=vt100 F10 asks" "Keluar dari SIKUBE? (y/t)"
keys y
st=$(wait_exit)
if [ "$st" = 0 ]; then ok "TERM=vt100 quits with status 0"; else nok "TERM=vt100 quits (status $st)"; fi

start "TERM=linux \"$SIKUBE_BIN\" --db \"$DB\""
expect "TERM=linux shows the menu" "Pertemuan"
quit_app

# English (po/en.po): --lang en, LANGUAGE=en or an English locale; --lang wins over both.
app --lang en
expect "--lang en shows Groups" "Groups"
for item in Members Eligibility Meetings Cash Reports "Export/Import" Quit; do
	expect "--lang en shows $item" "$item" 1
done
expect_not "--lang en: no Indonesian menu" "Kelayakan"
expect "--lang en title bar" "SIKUBE | Main menu" 1
expect "--lang en key hints" "F1 Help  Enter Open  F10 Quit" 1
keys F1
expect "F1 under --lang en opens help titled Help" "Help: Main menu"
expect "English help text" "Choose a part with the up/down arrow keys"
keys Escape
wait_gone "Help: Main menu" 3
keys 1
expect "--lang en group list headings" "Group name"
keys Escape
wait_for "Choose with the arrows, then Enter:" 3 >/dev/null
keys F10
expect "--lang en asks before quitting in English" "Quit SIKUBE? (y/n)"
keys n
wait_gone "Quit SIKUBE?" 3
if running; then ok "answering n keeps SIKUBE open"; else nok "answering n keeps SIKUBE open"; fi
quit_app

start "LANGUAGE=en \"$SIKUBE_BIN\" --db \"$DB\""
expect "LANGUAGE=en gives English" "Eligibility"
quit_app
start "LANG=en_US.UTF-8 \"$SIKUBE_BIN\" --db \"$DB\""
expect "LANG=en_US.UTF-8 gives English" "Eligibility"
expect "LANG=en_US.UTF-8 key hints in English" "F1 Help" 1
quit_app
start "LANG=en_US.UTF-8 \"$SIKUBE_BIN\" --lang id --db \"$DB\""
expect "--lang id wins over an English locale" "Kelayakan"
quit_app

# The command line speaks English too.
if "$SIKUBE_BIN" --lang en --help 2>&1 | grep -q '^Usage:'; then ok "--lang en --help in English"; else nok "--lang en --help in English"; fi
if LANG=en_US.UTF-8 "$SIKUBE_BIN" --db "$DB" frobnicate 2>&1 | grep -q 'unknown command: frobnicate'; then
	ok "LANG=en_US.UTF-8 error message in English"
else
	nok "LANG=en_US.UTF-8 error message in English"
fi

# Benchmarks: draw the first screen and leave.
start "SIKUBE_EXIT_AFTER_DRAW=1 \"$SIKUBE_BIN\" --db \"$DB\""
st=$(wait_exit)
if [ "$st" = 0 ]; then ok "SIKUBE_EXIT_AFTER_DRAW=1 exits 0"; else nok "SIKUBE_EXIT_AFTER_DRAW=1 (status $st)"; fi

finish
