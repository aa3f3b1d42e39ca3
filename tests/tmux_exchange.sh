#!/bin/sh
# tmux_exchange.sh - the Ekspor/Impor screen: last export and changes since, export with F2
# (summary per file), import with F3 of a refused bundle (summary, problem list, one problem in
# full), --valid-only from the screen.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
command -v sha256sum >/dev/null || { nok "sha256sum missing"; finish; exit 1; }
init_db || { nok "init database"; finish; exit 1; }

G=11111111-1111-4111-8111-111111111111
T0=2025-01-01T00:00:00Z
mkdir -p "$WORK/in"
cat >"$WORK/in/kelompok.csv" <<EOF
id,nama,kode_wilayah,diubah_pada,dihapus
$G,KUBE Melati 3,31.71.08.1003,$T0,0
EOF
{
	echo "id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,diubah_pada,dihapus"
	for i in 1 2 3 4 5; do
		echo "aaaaaaaa-0000-4000-8000-00000000000$i,$G,317108120880000$i,317108150310000$i,Anggota $i,L,anggota,$T0,0"
	done
} >"$WORK/in/anggota.csv"
"$SIKUBE_BIN" --db "$DB" import "$WORK/in/kelompok.csv" "$WORK/in/anggota.csv" >"$WORK/imp.out" 2>&1 \
	&& ok "test data imported" || { nok "test data imported"; cat "$WORK/imp.out"; }

# expect_re NAME REGEX: the screen shows a line matching REGEX (extended).
expect_re() {
	i=0
	while [ $i -lt $((TMUX_TIMEOUT * 10)) ] && ! screen | grep -qE -- "$2"; do sleep 0.1; i=$((i + 1)); done
	if screen | grep -qE -- "$2"; then ok "$1"; else nok "$1 (no /$2/ on screen)"; screen | sed 's/^/    | /'; fi
}

export HOME="$WORK"
app
expect "main menu" "Ekspor/Impor"
keys 7
expect "Ekspor/Impor opens" "SIKUBE | Ekspor/Impor"
expect "never exported" "Ekspor terakhir: belum pernah" 1
expect "changes pending" "Perubahan sejak itu: 6 baris" 1
expect "folder field" "Folder" 1
expect "hints name F2 and F3" "F2 Ekspor  F3 Impor" 1

keys C-u
type_text "$WORK/out"
keys F2
expect "export summary" "Ekspor selesai ke $WORK/out"
expect_re "rows per file" "anggota.csv +5 *$"
if [ -f "$WORK/out/manifest.csv" ] && grep -qx 'baris.anggota.csv,5' "$WORK/out/manifest.csv"; then
	ok "bundle written"
else
	nok "bundle written"
fi
keys Escape
expect "last export time shown" "Ekspor terakhir: 20"
expect "no changes since" "Perubahan sejak itu: 0 baris" 1

# A bundle with sex X: refused whole, the problem listed.
cp -r "$WORK/out" "$WORK/bad"
sed -i '/^aaaaaaaa-0000-4000-8000-000000000003,/s/,L,/,X,/' "$WORK/bad/anggota.csv"
sed -i "s/^sha256\.anggota\.csv,.*/sha256.anggota.csv,$(sha256sum "$WORK/bad/anggota.csv" | cut -d' ' -f1)/" "$WORK/bad/manifest.csv"
keys C-u
type_text "$WORK/bad"
keys F3
expect "import refused" "Impor ditolak: tidak ada data yang diubah."
expect "problem count" "Masalah: 1." 1
expect_re "problem row names file, line, column, value, reason" "anggota.csv +4 +jenis_kelamin +X +Jenis kelamin"
keys Enter
expect "Enter shows the problem in full" "Nilai: X"
keys Enter
wait_gone "Nilai: X" 3
keys Escape
expect "back on Ekspor/Impor" "SIKUBE | Ekspor/Impor"

# The valid rows only.
keys Tab Tab Tab Space
expect "valid-only chosen" "impor baris yang benar saja"
keys BTab BTab BTab
keys F3
expect "valid rows imported" "Impor selesai: ditambah 0, diperbarui 0, tidak berubah 5, ditolak 1."
keys Escape
quit_app
finish
