#!/bin/sh
# tmux_resize.sh - terminal sizes: below 80x24 only a centred message, bigger sizes redraw,
# nothing typed is lost, SIKUBE never crashes.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }

alive() { if running; then ok "$1"; else nok "$1 (SIKUBE ended)"; cat "$WORK/exit" 2>/dev/null; fi; }

app
wait_for "Pertemuan"
t resize-window -t s -x 60 -y 20
expect "60x20 shows the too-small message" "Layar terlalu kecil (min. 80x24)"
expect_not "60x20 hides the menu" "Pertemuan"
alive "60x20 does not crash"
t resize-window -t s -x 120 -y 40
expect "120x40 redraws the menu" "Pertemuan"
expect_not "120x40 drops the too-small message" "Layar terlalu kecil"
alive "120x40 does not crash"
if screen | sed -n 40p | grep -qF "F10 Keluar"; then ok "120x40 hints on the last row"; else nok "120x40 hints on the last row"; fi
t resize-window -t s -x 80 -y 24
expect "back to 80x24" "Pertemuan"
t resize-window -t s -x 79 -y 24
expect "79 columns is too small" "Layar terlalu kecil"
t resize-window -t s -x 80 -y 23
expect "23 rows is too small" "Layar terlalu kecil"
t resize-window -t s -x 80 -y 24
expect "80x24 is enough" "Pertemuan"

# Typed input survives a resize, also through the too-small state.
keys Enter
wait_for "Daftar kelompok"
keys F3
wait_for "Nama kelompok"
type_text "Kenanga Đặng"
t resize-window -t s -x 60 -y 20
expect "form: too-small message" "Layar terlalu kecil"
t resize-window -t s -x 100 -y 30
expect "form redrawn after resize" "Nama kelompok"
expect "typed name kept after resize" "Kenanga Đặng"
type_text " X"
expect "typing continues after resize" "Kenanga Đặng X"
keys F1
expect "help at 100x30" "Bantuan: Kelompok baru"
t resize-window -t s -x 80 -y 24
expect "help redrawn at 80x24" "Bantuan: Kelompok baru"
keys Escape
expect "form back after help and resize" "Kenanga Đặng X"

# A dialog survives a resize.
keys F10
wait_for "(y/t)"
t resize-window -t s -x 120 -y 40
expect "dialog redrawn after resize" "(y/t)"
keys t
wait_gone "(y/t)" 3
alive "answering t after resize keeps SIKUBE open"

# The group list at a big size.
keys Escape
wait_for "Buang perubahan? (y/t)"
keys y
expect "list at 120x40" "Daftar kelompok"
alive "still running"

quit_app
st=$(cat "$WORK/exit" 2>/dev/null)
if [ "$st" = "EXIT=0" ]; then ok "quits with status 0 after resizing"; else nok "quit status ($st)"; fi

# Starting in a terminal that is too small.
app 70 20
expect "starting at 70x20 shows the too-small message" "Layar terlalu kecil"
t resize-window -t s -x 80 -y 24
expect "enlarging shows the menu" "Pertemuan"
quit_app
finish
