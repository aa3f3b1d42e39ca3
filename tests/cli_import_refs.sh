#!/bin/sh
# cli_import_refs.sh - the problem lines of rows naming other rows, exactly: an id that is not
# a UUID, one a character too long (cut to fit, then a UUID: still refused, and said twice
# where the file's text is both too long and no UUID), an empty one, a well-formed one that
# exists nowhere, for attendance (a two-column key read as ids) and cash rows (ids read as
# text, an optional meeting). The import reads these columns by their position in its plan
# and checks an id once (issue 17); the lines are the ones main gave before.
. "$(dirname "$0")/clilib.sh"
D="$WORK/s.db"
new_db "$D" --sample || { nok "a sample database"; finish; exit 1; }
M=672de38b-554e-4d47-b8d0-17f84bee07ce
A=24308445-eb46-4a3b-ab6a-11207daa1ad5
G=38134cee-e7a6-4c18-9be7-28f31451d49b
X=00000000-0000-4000-8000-00000000ab
cat >"$WORK/kehadiran.csv" <<CSV
pertemuan_id,anggota_id,status,iuran_kas,iuran_iks,diubah_pada
bukan-uuid,$A,H,5000,1000,2026-10-02T10:15:00Z
${M}0,$A,H,5000,1000,2026-10-02T10:15:00Z
$M,${A}x,H,5000,1000,2026-10-02T10:15:00Z
$M,${X}cd,H,5000,1000,2026-10-02T10:15:00Z
${X}ce,$A,H,5000,1000,2026-10-02T10:15:00Z
$M,,H,5000,1000,2026-10-02T10:15:00Z
CSV
cat >"$WORK/kas.csv" <<CSV
id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,pertemuan_id,membalik_id,diubah_pada,dihapus,sumber_id
aaaaaaaa-0000-4000-8000-000000000001,${G}0,2026-10-01,X-1,umum,lainnya,satu,1000,0,,,2026-10-01T05:00:00Z,0,
aaaaaaaa-0000-4000-8000-000000000002,BUKAN,2026-10-01,X-2,umum,lainnya,dua,1000,0,,,2026-10-01T05:00:00Z,0,
aaaaaaaa-0000-4000-8000-000000000003,$G,2026-10-01,X-3,umum,lainnya,tiga,1000,0,${M}0,,2026-10-01T05:00:00Z,0,
aaaaaaaa-0000-4000-8000-000000000004,$G,2026-10-01,X-4,umum,lainnya,empat,1000,0,${X}cf,,2026-10-01T05:00:00Z,0,
aaaaaaaa-0000-4000-8000-000000000005,${X}d0,2026-10-01,X-5,umum,lainnya,lima,1000,0,,,2026-10-01T05:00:00Z,0,
CSV
cat >"$WORK/kehadiran.want" <<OUT
berkas,baris,kolom,nilai,alasan
kehadiran.csv,2,pertemuan_id,bukan-uuid,Harus UUID huruf kecil 36 karakter.
kehadiran.csv,3,pertemuan_id,${M}0,Harus UUID huruf kecil 36 karakter.
kehadiran.csv,4,anggota_id,${A}x,Harus UUID huruf kecil 36 karakter.
kehadiran.csv,5,anggota_id,${X}cd,Anggota tidak ditemukan.
kehadiran.csv,6,pertemuan_id,${X}ce,Pertemuan tidak ditemukan.
kehadiran.csv,7,anggota_id,,Harus UUID huruf kecil 36 karakter.
Impor ditolak: tidak ada data yang diubah.
6 masalah ditemukan.
OUT
cat >"$WORK/kas.want" <<OUT
berkas,baris,kolom,nilai,alasan
kas.csv,2,kelompok_id,${G}0,Isian terlalu panjang (paling banyak 36 byte).
kas.csv,2,kelompok_id,${G}0,Harus UUID huruf kecil 36 karakter.
kas.csv,3,kelompok_id,BUKAN,Harus UUID huruf kecil 36 karakter.
kas.csv,4,pertemuan_id,${M}0,Isian terlalu panjang (paling banyak 36 byte).
kas.csv,4,pertemuan_id,${M}0,Harus UUID huruf kecil 36 karakter.
kas.csv,5,pertemuan_id,${X}cf,Pertemuan tidak ditemukan.
kas.csv,6,kelompok_id,${X}d0,Kelompok tidak ditemukan.
Impor ditolak: tidak ada data yang diubah.
7 masalah ditemukan.
OUT
before=$(sqlite3 "$D" "SELECT (SELECT count(*) FROM kehadiran) || '/' || (SELECT count(*) FROM kas)")
for f in kehadiran kas; do
	expect_status 1 "$f.csv refused" "$SIKUBE_BIN" --db "$D" import "$WORK/$f.csv"
	cat "$WORK/out" "$WORK/err" | grep -v "tidak bertanda tangan" | sed "s|$WORK/||" >"$WORK/$f.got"
	if cmp -s "$WORK/$f.want" "$WORK/$f.got"; then ok "$f.csv: every problem line as before"
	else nok "$f.csv: every problem line as before"; diff "$WORK/$f.want" "$WORK/$f.got" | head -20; fi
done
check "nothing imported" test "$(sqlite3 "$D" "SELECT (SELECT count(*) FROM kehadiran) || '/' || (SELECT count(*) FROM kas)")" = "$before"
finish
