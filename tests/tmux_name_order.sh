#!/bin/sh
# tmux_name_order.sh - field trial item 9: names sort case- and accent-insensitively in every
# list (lower-case names and "Ṡiti" no longer after "Y"), numbers by value; the database stays
# readable and writable by the sqlite3 shell (no collation it does not know), and a name
# changed there still lists.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G1,A1,kube anggrek,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
22222222-2222-4222-8222-222222222222,B1,KUBE Ṡekar,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
33333333-3333-4333-8333-333333333333,C1,KUBE Melati 10,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
44444444-4444-4444-8444-444444444444,D1,KUBE Melati 3,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
55555555-5555-4555-8555-555555555555,E1,KUBE Yasmin,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
CSV
seed anggota <<CSV || { nok "seed members"; finish; exit 1; }
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,tanggal_masuk,diubah_pada,dihapus
a1111111-1111-4111-8111-111111111111,$G1,3171080101800001,3171080101080001,Yanti,P,anggota,2020-01-01,2026-01-01T00:00:00Z,0
a2222222-2222-4222-8222-222222222222,$G1,3171080101800002,3171080101080002,budi,L,anggota,2020-01-01,2026-01-01T00:00:00Z,0
a3333333-3333-4333-8333-333333333333,$G1,3171080101800003,3171080101080003,Ṡiti,P,anggota,2020-01-01,2026-01-01T00:00:00Z,0
a4444444-4444-4444-8444-444444444444,$G1,3171080101800004,3171080101080004,Agus,L,anggota,2020-01-01,2026-01-01T00:00:00Z,0
a5555555-5555-4555-8555-555555555555,$G1,3171080101800005,3171080101080005,citra,P,anggota,2020-01-01,2026-01-01T00:00:00Z,0
CSV

# in_order NAME A B C ...: the screen shows lines with A, B, C ... in that order.
in_order() {
	name=$1
	shift
	prev=0
	for w in "$@"; do
		n=$(screen | grep -nF -- "$w" | head -n 1 | cut -d: -f1)
		if [ -z "$n" ] || [ "$n" -le "$prev" ]; then
			nok "$name ($w out of order)"; screen | sed 's/^/    | /'; return
		fi
		prev=$n
	done
	ok "$name"
}

app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
wait_for "KUBE Yasmin" 3
in_order "groups: case and accents ignored, numbers by value" "kube anggrek" "KUBE Melati 3" \
	"KUBE Melati 10" "KUBE Ṡekar" "KUBE Yasmin"
keys Enter
wait_for "Anggota kelompok kube anggrek"
wait_for "Yanti" 3
in_order "members: case and accents ignored" "Agus" "budi" "citra" "Ṡiti" "Yanti"
esc
wait_for "Daftar kelompok" 3
esc
wait_for "Pilih dengan panah lalu Enter" 3
keys 2
wait_for "Cari anggota"
wait_for "Yanti" 3
in_order "member search in the same order" "Agus" "budi" "citra" "Ṡiti" "Yanti"
esc
wait_for "Pilih dengan panah lalu Enter" 3
keys 3
wait_for "Kelayakan - kepatuhan kelompok"
wait_for "KUBE Yasmin" 3
in_order "Kelayakan groups in the same order" "kube anggrek" "KUBE Melati 3" "KUBE Melati 10" \
	"KUBE Ṡekar" "KUBE Yasmin"
keys Home Enter
wait_for "Kelayakan - semua kelompok"
wait_for "Yanti" 3
in_order "Kelayakan members in the same order" "Agus" "budi" "citra" "Ṡiti" "Yanti"
quit_app

# The sqlite3 shell reads and changes rows (as tests that damage rows do): no unknown
# collation in the schema; a name changed there is listed again when SIKUBE opens.
if sql "UPDATE anggota SET nama='Aaron' WHERE nama='Yanti'" 2>"$WORK/sql.err"; then
	ok "the sqlite3 shell changes a member's name"
else
	nok "the sqlite3 shell changes a member's name"; sed 's/^/    # /' "$WORK/sql.err"
fi
if [ "$(sql "SELECT count(*) FROM anggota WHERE nama LIKE 'A%'")" = 2 ]; then ok "and reads it back"
else nok "and reads it back"; fi
if sql "PRAGMA integrity_check" | grep -qx ok; then ok "integrity check in the shell"; else nok "integrity check in the shell"; fi
app
wait_for "Pertemuan"
keys 2
wait_for "Cari anggota"
wait_for "Aaron" 3
in_order "a name changed in the shell sorts in its place" "Aaron" "Agus" "budi"
quit_app
finish
