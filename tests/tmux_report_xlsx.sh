#!/bin/sh
# tmux_report_xlsx.sh - the Laporan screen saves the monthly report as an Excel workbook when
# the file name ends .xlsx (the prompt says so), private, with rupiah as numbers (read back
# with openpyxl), and replaces it after asking; a .txt name still gives the text page. The page
# scrolls (PgDn, Home).
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || { echo "not ok - python3-openpyxl is not installed (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
init_db --sample || { nok "init database"; finish; exit 1; }
export HOME="$WORK/home"
mkdir -p "$HOME"
F="$HOME/laporan.xlsx"

app
expect "main menu" "Pilih dengan panah lalu Enter"
keys 6
expect "Laporan asks for the group" "Laporan - pilih kelompok"
keys Enter
expect "monthly report shown" "LAPORAN BULANAN PENDAMPING KUBE"
# The page scrolls: its position on the top row follows PgDn and Home.
expect "the report's first lines" "baris 1-"
keys PageDown
if wait_gone "baris 1-" 3; then ok "PgDn shows the next lines"; else nok "PgDn shows the next lines"; fi
keys Home
expect "Home goes back to the start" "baris 1-"
keys F2
expect "the prompt names .xlsx" "akhiran .xlsx"
type_text "$F"
keys Enter
expect "workbook saved" "Laporan disimpan: $F"
if [ -f "$F" ] && [ "$(stat -c %a "$F")" = 600 ]; then ok "the workbook is private (0600)"; else nok "the workbook is private (0600)"; fi
if "$PY" - "$F" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["bulanan"]
h = [c.value for c in ws[1]]
rows = list(ws.iter_rows(min_row=2))
i = h.index("saldo_akhir")
assert wb.sheetnames == ["bulanan", "kategori"], wb.sheetnames
assert len(rows) == 2 and all(r[i].data_type == "n" and isinstance(r[i].value, int) for r in rows)
assert [r[h.index("buku")].value for r in rows] == ["umum", "iks"]
EOF
then ok "the workbook holds the month's figures as numbers"; else nok "the workbook holds the month's figures as numbers"; fi

# Saving again asks before replacing.
keys F2
wait_for "akhiran .xlsx" >/dev/null
type_text "$F"
keys Enter
expect "asks before replacing" "Timpa? (y/t)"
keys y
expect "saved again" "Laporan disimpan: $F"
if "$PY" -c "import openpyxl, sys; openpyxl.load_workbook(sys.argv[1])" "$F" 2>/dev/null; then ok "the replaced workbook opens"; else nok "the replaced workbook opens"; fi

# A .txt name: the text page.
keys F2
wait_for "akhiran .xlsx" >/dev/null
type_text "$HOME/laporan.txt"
keys Enter
expect "text saved" "Laporan disimpan: $HOME/laporan.txt"
if grep -q "LAPORAN BULANAN PENDAMPING KUBE" "$HOME/laporan.txt" 2>/dev/null; then ok "a .txt name saves the text page"; else nok "a .txt name saves the text page"; fi
if ls -a "$HOME" | grep -q '^.sikube-xlsx'; then nok "no temporary folder left"; else ok "no temporary folder left"; fi
quit_app
finish
