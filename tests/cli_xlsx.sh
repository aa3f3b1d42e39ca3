#!/bin/sh
# cli_xlsx.sh - spreadsheets that keep NIKs: `report cashbook --group KODE --format xlsx
# --output k.xlsx` and `export --xlsx o.xlsx` read back with Debian's python3-openpyxl: every
# NIK, No. KK, phone, RT and RW a text cell exactly as stored, dates as dates, amounts as
# numbers with thousands separators, a bold frozen header row, widths set; every report as
# xlsx; the files private, created exclusively, never through a symlink, nothing left beside.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
PY=""
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import openpyxl, sqlite3' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
	echo "not ok - python3-openpyxl is not installed (make test-deps)"
	echo "0 passed, 1 failed"
	exit 1
fi
DB="$WORK/s.db"
"$SIKUBE_BIN" --db "$DB" init --sample >/dev/null 2>&1 || { nok "init --sample"; finish; exit 1; }
G=$(sqlite3 "$DB" "SELECT id FROM kelompok WHERE kode='GLR-01'")
# The issue's NIK (LibreOffice made it ...780), a No. KK ending in a digit spreadsheets drop,
# a phone and an RT with leading zeros, a name that looks like a formula.
sqlite3 "$DB" "INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tanggal_lahir,rt,rw,telepon,jabatan,tanggal_masuk,diubah_pada)
	VALUES ('aaaaaaaa-0000-4000-8000-00000000beef','$G','3171080611807777','3171081502100009','=HYPERLINK(\"x\")','L','1980-11-06','009','003','081200000009','anggota','2026-01-05','2026-01-05T00:00:00Z')"

# The acceptance checks, in Python with openpyxl; each prints ok/not ok lines.
cat >"$WORK/check.py" <<'EOF'
import datetime, sqlite3, sys
import openpyxl
from openpyxl.utils import get_column_letter

fails = 0
def check(name, cond):
    global fails
    print(("ok - " if cond else "not ok - ") + name)
    if not cond:
        fails += 1

def header(ws):
    return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]

def look(ws, name):
    h = header(ws)
    check(name + ": header row bold", all(c.font.b for c in next(ws.iter_rows(min_row=1, max_row=1))))
    check(name + ": header row frozen", ws.freeze_panes == "A2")
    widths = [ws.column_dimensions[get_column_letter(i + 1)].width for i in range(len(h))]
    check(name + ": every column as wide as its header",
          all(w is not None and w >= len(n) for w, n in zip(widths, h)))
    return h

def rows(ws):
    h = header(ws)
    for r in ws.iter_rows(min_row=2):
        yield dict(zip(h, r))

def is_date(cell, text):
    if not text:
        return cell.value is None
    return (cell.is_date and isinstance(cell.value, datetime.datetime)
            and cell.value.date().isoformat() == text)

def is_money(cell, v):
    return (cell.data_type == "n" and isinstance(cell.value, int) and cell.value == v
            and "#,##0" in cell.number_format)

def is_text(cell, v):
    if v in (None, ""):
        return cell.value is None
    return cell.data_type == "s" and cell.value == v

what, path, db = sys.argv[1], sys.argv[2], sys.argv[3]
con = sqlite3.connect(db)
wb = openpyxl.load_workbook(path)

if what == "cashbook":
    gid, csvpath = sys.argv[4], sys.argv[5]
    check("cashbook: one sheet per book (Melati 3 runs a savings-and-loans cycle)",
          wb.sheetnames == ["kas umum", "kas iks", "kas simpin"])
    want = {}
    import csv
    with open(csvpath, newline="") as f:
        for r in csv.DictReader(f):
            want.setdefault(r["buku"], []).append(r)
    for buku in ("umum", "iks", "simpin"):
        ws = wb["kas " + buku]
        look(ws, "kas " + buku)
        got = list(rows(ws))
        check("kas %s: the CSV's rows (%d)" % (buku, len(want[buku])), len(got) == len(want[buku]))
        bad = 0
        for g, w in zip(got, want[buku]):
            if not (is_date(g["tanggal"], w["tanggal"]) and is_text(g["no_bukti"], w["no_bukti"])
                    and is_money(g["masuk"], int(w["masuk"])) and is_money(g["keluar"], int(w["keluar"]))
                    and is_money(g["saldo"], int(w["saldo"])) and g["buku"].value == buku
                    and is_text(g["uraian"], w["uraian"])):
                bad += 1
        check("kas %s: dates are dates, amounts numbers, text whole (%d bad)" % (buku, bad), bad == 0)

elif what == "office":
    masked = len(sys.argv) > 4
    check("export: a sheet per table", wb.sheetnames ==
          ["kelompok", "anggota", "penilaian", "pertemuan", "kehadiran", "kas", "tutup_kas",
           "evaluasi"])
    for ws in wb:
        look(ws, ws.title)
    groups = {r[0]: (r[1], r[2]) for r in con.execute("SELECT id, kode, nama FROM kelompok")}
    members = con.execute("SELECT id, nik, no_kk, telepon, rt, rw, tanggal_lahir, nama, kelompok_id "
                          "FROM anggota WHERE dihapus=0").fetchall()
    got = {r["id"].value: r for r in rows(wb["anggota"])}
    check("anggota: every member (%d)" % len(members), len(got) == len(members))
    bad = []
    for m in members:
        r = got.get(m[0])
        nik = m[1][:6] + "*" * (len(m[1]) - 6) if masked else m[1]
        kk = m[2][:6] + "*" * (len(m[2]) - 6) if masked else m[2]
        if r is None or not (is_text(r["nik"], nik) and is_text(r["no_kk"], kk)
                             and is_text(r["telepon"], m[3]) and is_text(r["rt"], m[4])
                             and is_text(r["rw"], m[5]) and is_date(r["tanggal_lahir"], m[6])
                             and is_text(r["nama"], m[7])
                             and r["kelompok_kode"].value == groups[m[8]][0]
                             and r["kelompok_nama"].value == groups[m[8]][1]):
            bad.append(m[0])
    check("anggota: NIK, No. KK, phone, RT, RW text cells as stored, birth dates dates, "
          "group code and name beside the id (%d bad)" % len(bad), not bad)
    beef = got.get("aaaaaaaa-0000-4000-8000-00000000beef")
    if not masked:
        check("the issue's NIK keeps its 16 digits", beef is not None and beef["nik"].value == "3171080611807777")
        check("RT 009 keeps its zeros", beef is not None and beef["rt"].value == "009")
        check("a formula-like name stays text", beef is not None and beef["nama"].data_type == "s")
    else:
        check("NIKs masked", beef is not None and beef["nik"].value == "317108**********")
    kas = con.execute("SELECT id, tanggal, masuk, keluar, kelompok_id FROM kas WHERE dihapus=0").fetchall()
    got = {r["id"].value: r for r in rows(wb["kas"])}
    check("kas: every row (%d)" % len(kas), len(got) == len(kas))
    bad = [k[0] for k in kas if k[0] not in got or not (
        is_date(got[k[0]]["tanggal"], k[1]) and is_money(got[k[0]]["masuk"], k[2])
        and is_money(got[k[0]]["keluar"], k[3]) and got[k[0]]["kelompok_kode"].value == groups[k[4]][0])]
    check("kas: dates as dates, amounts as numbers, group code beside the id (%d bad)" % len(bad), not bad)
    g = {r["id"].value: r for r in rows(wb["kelompok"])}
    tel = con.execute("SELECT id, telepon_pendamping, iuran_kas, tanggal_berdiri FROM kelompok WHERE dihapus=0").fetchall()
    bad = [t[0] for t in tel if t[0] not in g or not (is_text(g[t[0]]["telepon_pendamping"], t[1])
           and is_money(g[t[0]]["iuran_kas"], t[2]) and is_date(g[t[0]]["tanggal_berdiri"], t[3]))]
    check("kelompok: phone as text, dues as numbers, founding date as a date (%d bad)" % len(bad), not bad)
    n = con.execute("SELECT count(*) FROM kehadiran h JOIN pertemuan m ON m.id=h.pertemuan_id "
                    "WHERE h.dihapus=0 AND m.dihapus=0").fetchone()[0]
    check("kehadiran: every row (%d)" % n, wb["kehadiran"].max_row - 1 == n)
    pen = list(rows(wb["penilaian"]))
    check("penilaian: NIK text, date a date, score a number",
          pen and all(r["nik"].data_type == "s" and r["tanggal"].is_date and r["skor"].data_type == "n" for r in pen))

elif what == "split":
    n = con.execute("SELECT count(*) FROM kehadiran h JOIN pertemuan m ON m.id=h.pertemuan_id "
                    "WHERE h.dihapus=0 AND m.dihapus=0").fetchone()[0]
    parts = [s for s in wb.sheetnames if s == "kehadiran" or s.startswith("kehadiran (")]
    check("kehadiran goes on in numbered sheets (%s)" % parts,
          len(parts) >= 3 and parts[1] == "kehadiran (2)" and parts[2] == "kehadiran (3)")
    check("each part has the header", all(header(wb[s])[0] == "pertemuan_id" for s in parts))
    check("no row lost or doubled", sum(wb[s].max_row - 1 for s in parts) == n)
    check("no part over the limit", all(wb[s].max_row <= 100 for s in parts))

elif what == "report":
    kind = sys.argv[4]
    for ws in wb:
        look(ws, kind + " " + ws.title)
    if kind == "eligibility":
        r = list(rows(wb["kelayakan"]))
        check("eligibility: NIKs text cells of 16 digits", r and all(x["nik"].data_type == "s" and len(x["nik"].value) == 16 for x in r))
        check("eligibility: group code beside the id", all(x["kode"].value for x in r))
    elif kind == "groups":
        r = list(rows(wb["kelompok"]))
        check("groups: balances numbers, last meeting a date",
              r and all(is_money(x["saldo_umum"], x["saldo_umum"].value) and x["pertemuan_terakhir"].is_date for x in r))
    elif kind == "attendance":
        r = list(rows(wb["kehadiran"]))
        check("attendance: counts and dues numbers",
              r and all(x["hadir"].data_type == "n" and is_money(x["iuran_kas"], x["iuran_kas"].value) for x in r))
    elif kind == "monthly":
        r = list(rows(wb["bulanan"]))
        check("monthly: three books per group (umum, iks, simpin), balances numbers", len(r) == 3 and all(is_money(x["saldo_akhir"], x["saldo_akhir"].value) for x in r))
        c = list(rows(wb["kategori"]))
        check("monthly: receipts and expenses per category", c and all(is_money(x["penerimaan"], x["penerimaan"].value) for x in c))
sys.exit(1 if fails else 0)
EOF

run_py() {
	"$PY" "$WORK/check.py" "$@" >"$WORK/py.out" 2>&1
	cat "$WORK/py.out"
	PASS=$((PASS + $(grep -c '^ok - ' "$WORK/py.out")))
	FAIL=$((FAIL + $(grep -c '^not ok - ' "$WORK/py.out")))
	grep -q '^Traceback' "$WORK/py.out" && nok "the checks ran to the end"
}

# The acceptance: report cashbook by code as xlsx.
expect_status 0 "report cashbook --group GLR-01 --format xlsx --output k.xlsx" \
	"$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01 --format xlsx --output "$WORK/k.xlsx"
check "says where it saved" grep -q 'k.xlsx' "$WORK/err"
check "k.xlsx private (0600)" test "$(stat -c %a "$WORK/k.xlsx")" = 600
"$SIKUBE_BIN" --db "$DB" report cashbook --group GLR-01 --format csv >"$WORK/cash.csv"
run_py cashbook "$WORK/k.xlsx" "$DB" "$G" "$WORK/cash.csv"

# The acceptance: export --xlsx.
expect_status 0 "export --xlsx o.xlsx" "$SIKUBE_BIN" --db "$DB" export --xlsx "$WORK/o.xlsx"
check "names the sheets and rows" grep -q 'anggota 51' "$WORK/err"
check "o.xlsx private (0600)" test "$(stat -c %a "$WORK/o.xlsx")" = 600
run_py office "$WORK/o.xlsx" "$DB"
expect_status 0 "export --xlsx --mask-nik" "$SIKUBE_BIN" --db "$DB" export --mask-nik --xlsx="$WORK/m.xlsx"
run_py office "$WORK/m.xlsx" "$DB" masked

# A table longer than a sheet goes on in the next one (limit lowered for the test).
expect_status 0 "export with 100 rows per sheet" env SIKUBE_XLSX_SHEET_ROWS=100 "$SIKUBE_BIN" --db "$DB" export --xlsx "$WORK/split.xlsx"
run_py split "$WORK/split.xlsx" "$DB"

# Every report as xlsx.
for args in "groups" "eligibility" "attendance --group GLR-01" "monthly --group GLR-01 --month 2026-11"; do
	kind=${args%% *}
	# shellcheck disable=SC2086
	expect_status 0 "report $kind as xlsx" "$SIKUBE_BIN" --db "$DB" report $args --format xlsx --output "$WORK/r-$kind.xlsx"
	run_py report "$WORK/r-$kind.xlsx" "$DB" "$kind"
done

# Never over a file or through a symlink; nothing left beside on failure.
echo keep >"$WORK/old.xlsx"
expect_status 1 "an existing workbook is not replaced" "$SIKUBE_BIN" --db "$DB" export --xlsx "$WORK/old.xlsx"
check "it keeps its content" test "$(cat "$WORK/old.xlsx")" = keep
check "the message says it exists" grep -q 'sudah ada' "$WORK/err"
ln -s "$WORK/target.xlsx" "$WORK/link.xlsx"
expect_status 1 "a dangling symlink is refused" "$SIKUBE_BIN" --db "$DB" report groups --format xlsx --output "$WORK/link.xlsx"
check "nothing made through it" test ! -e "$WORK/target.xlsx"
ln -s "$WORK/old.xlsx" "$WORK/link2.xlsx"
expect_status 1 "a symlink to a file is refused" "$SIKUBE_BIN" --db "$DB" export --xlsx "$WORK/link2.xlsx"
check "its target untouched" test "$(cat "$WORK/old.xlsx")" = keep
expect_status 1 "a folder that does not exist" "$SIKUBE_BIN" --db "$DB" export --xlsx "$WORK/none/o.xlsx"
expect_status 1 "an unknown group writes no workbook" "$SIKUBE_BIN" --db "$DB" report cashbook --group NOPE --format xlsx --output "$WORK/nope.xlsx"
check "no workbook left" test ! -e "$WORK/nope.xlsx"
check "no temporary folder left beside" sh -c "! ls -a '$WORK' | grep -q '^.sikube-xlsx'"
finish
