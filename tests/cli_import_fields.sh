#!/bin/sh
# cli_import_fields.sh - how an import reads each field, exactly: the problem lines (column,
# value, reason) of text that is not UTF-8, too long (cut on a character boundary), ids in
# capitals or not UTF-8, numbers with a dot, a lone sign, 21 digits or a plus sign, flags
# that are 2 or x, the ends of int64 and one past them, leading zeros past 18 digits, a flag
# past 10^9, impossible or malformed stamps and dates, a formula guard on a column that
# is not free text, a row a field short; then a file whose columns come in another order with
# columns the table lacks (read by name, the extra ones ignored, the guard taken off free
# text), a file without a required column, and the message of a missing date in English.
# The readers find each field by its column's position in the file, once per file, and check
# text in one pass (issue 17, wave 8); the lines are the ones main gave before.
. "$(dirname "$0")/clilib.sh"
D="$WORK/s.db"
new_db "$D" --sample || { nok "a sample database"; finish; exit 1; }
cp "$D" "$WORK/s0.db"
G=38134cee-e7a6-4c18-9be7-28f31451d49b
M=672de38b-554e-4d47-b8d0-17f84bee07ce
A1=24308445-eb46-4a3b-ab6a-11207daa1ad5
A2=33bef4a1-0295-45ab-9df1-db3728e87476
A3=39064e21-d231-40e9-bb7c-d4dfbaf7628f
H='id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,pertemuan_id,membalik_id,diubah_pada,dihapus,sumber_id'
Z64=$(printf '%064d' 0)
Z63=$(printf '%063d' 0)
TS=2026-10-01T05:00:00Z
# row N FIELDS...: a kas row with id ...0N whose fields after the id are printf'd as given.
row() { n=$1; shift; printf "aaaaaaaa-0000-4000-8000-0000000000%s,$G," "$n"; printf "$@"; printf '\n'; }
mkdir "$WORK/bad" "$WORK/ok" "$WORK/nocol" "$WORK/en" "$WORK/att"
{
	echo "$H"
	row 01 '2026-10-01,X-1,umum,lainnya,caf\351,1000,0,,,%s,0,' $TS
	row 02 '2026-10-01,%s1,umum,lainnya,dua,1000,0,,,%s,0,' "$Z64" $TS
	row 03 '2026-10-01,%s\303\251,umum,lainnya,tiga,1000,0,,,%s,0,' "$Z63" $TS
	row 04 '2026-10-01,X-4,umum,lainnya,empat,1000,0,\377%s,,%s,0,' "${M#6}" $TS
	row 05 '2026-10-01,X-5,umum,lainnya,lima,1000,0,,672DE38B-554E-4D47-B8D0-17F84BEE07CE,%s,0,' $TS
	row 06 '2026-10-01,X-6,umum,lainnya,enam,5.000,0,,,%s,0,' $TS
	row 07 '2026-10-01,X-7,umum,lainnya,tujuh,-,0,,,%s,0,' $TS
	row 08 '2026-10-01,X-8,umum,lainnya,delapan,99999999999999999999,0,,,%s,0,' $TS
	row 09 '2026-10-01,X-9,umum,lainnya,sembilan,1000,+5,,,%s,0,' $TS
	row 0a '2026-10-01,X-10,umum,lainnya,sepuluh,1000,0,,,%s,2,' $TS
	row 0b '2026-10-01,X-11,umum,lainnya,sebelas,1000,0,,,%s,x,' $TS
	row 0c '2026-10-01,X-12,umum,lainnya,dua belas,1000,0,,,2026-02-30T10:00:00Z,0,'
	row 0d '2026-10-01,X-13,umum,lainnya,tiga belas,1000,0,,,2026-10-01T24:00:00Z,0,'
	row 0e '2026-10-01,X-14,umum,lainnya,empat belas,1000,0,,,2026-10-01T10:00:00Zx,0,'
	row 0f '2026-10-01,X-15,umum,lainnya,lima belas,1000,0,,,2026-10-01,0,'
	row 10 ',X-16,umum,lainnya,enam belas,1000,0,,,%s,0,' $TS
	row 11 '2026-02-30,X-17,umum,lainnya,tujuh belas,1000,0,,,%s,0,' $TS
	row 12 "2026-10-01,X-18,umum,'=lainnya,delapan belas,1000,0,,,%s,0," $TS
	row 13 '2026-10-01,X-19,umum,lainnya,sembilan belas,1000,0,,,%s,0' $TS
	row 14 '2026-10-01,X-20,umum,lain\303,dua puluh,1000,0,,,%s,0,' $TS
	printf 'AAAAAAAA-0000-4000-8000-000000000015,%s,2026-10-01,X-21,umum,lainnya,dua puluh satu,1000,0,,,%s,0,\n' $G $TS
	row 16 '2026-10-01,X-22,umum,lainnya,dua puluh dua,9223372036854775807,0,,,%s,0,' $TS
	row 17 '2026-10-01,X-23,umum,lainnya,dua puluh tiga,-9223372036854775808,0,,,%s,0,' $TS
	row 18 '2026-10-01,X-24,umum,lainnya,dua puluh empat,9223372036854775808,0,,,%s,0,' $TS
	row 19 '2026-10-01,X-25,umum,lainnya,dua puluh lima,0000000000000000000001000,0,,,%s,-0,' $TS
	row 1a '2026-10-01,X-26,umum,lainnya,dua puluh enam,1000,0,,,%s,00000000000000000000001,' $TS
	row 1b '2026-10-01,X-27,umum,lainnya,dua puluh tujuh,1000,-9223372036854775809,,,%s,1000000001,' $TS
} >"$WORK/bad/kas.csv"
K='"Kategori kas tidak dikenal: pilih iuran_kas, iuran_iks, bantuan, penjualan, pembelian, operasional, santunan, pinjaman, angsuran, bagi_hasil, simpanan, penarikan, denda atau lainnya."'
U='"Teks bukan UTF-8. Di Excel simpan sebagai ""CSV UTF-8""."'
N='"Harus bilangan bulat tanpa titik atau koma, misalnya 5000."'
S='"Harus waktu UTC TTTT-BB-HHTjj:mm:ddZ, misalnya 2025-03-15T08:30:00Z."'
O='"Isi tepat salah satu: masuk atau keluar lebih dari 0, yang lain 0."'
ID='"Harus UUID huruf kecil 36 karakter, atau kosong."'
LONG='Isian terlalu panjang (paling banyak 64 byte).'
# Digits of a value that could be an identity number are masked (privacy.h).
STARS59=$(printf '%059d' 0 | tr 0 '*')
STARS57=$(printf '%057d' 0 | tr 0 '*')
{
	echo "berkas,baris,kolom,nilai,alasan"
	echo "bad/kas.csv,2,uraian,,$U"
	echo "bad/kas.csv,3,no_bukti,000000$STARS59,$LONG"
	printf 'bad/kas.csv,4,no_bukti,000000%s\303\251,%s\n' "$STARS57" "$LONG"
	echo "bad/kas.csv,5,pertemuan_id,,$U"
	echo "bad/kas.csv,5,pertemuan_id,?${M#6},$ID"
	echo "bad/kas.csv,6,membalik_id,672DE38B-554E-4D47-B8D0-17F84BEE07CE,$ID"
	echo "bad/kas.csv,7,masuk,5.000,$N"
	echo "bad/kas.csv,7,masuk,5.000,$O"
	echo "bad/kas.csv,8,masuk,'-,$N"
	echo "bad/kas.csv,8,masuk,'-,$O"
	echo "bad/kas.csv,9,masuk,999999**************,$N"
	echo "bad/kas.csv,9,masuk,999999**************,$O"
	echo "bad/kas.csv,10,keluar,'+5,$N"
	echo "bad/kas.csv,11,dihapus,2,Isi 0 (tidak) atau 1 (ya)."
	echo "bad/kas.csv,12,dihapus,x,Isi 0 (tidak) atau 1 (ya)."
	echo "bad/kas.csv,13,diubah_pada,2026-02-30T10:00:00Z,$S"
	echo "bad/kas.csv,14,diubah_pada,2026-10-01T24:00:00Z,$S"
	echo "bad/kas.csv,15,diubah_pada,2026-10-01T10:00:00Zx,$S"
	echo "bad/kas.csv,16,diubah_pada,2026-10-01,$S"
	echo 'bad/kas.csv,17,tanggal,,"Tanggal wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."'
	echo 'bad/kas.csv,18,tanggal,2026-02-30,"Tanggal 2026-02-30 tidak ada: tulis TTTT-BB-HH, misalnya 2025-03-15."'
	echo "bad/kas.csv,19,kategori,''=lainnya,$K"
	echo 'bad/kas.csv,20,,,"Baris ini berisi 13 isian, padahal baris judul 14: ada isian yang hilang atau berlebih."'
	echo "bad/kas.csv,21,kategori,,$U"
	echo "bad/kas.csv,21,kategori,lain?,$K"
	echo "bad/kas.csv,22,id,AAAAAAAA-0000-4000-8000-000000000015,id harus UUID huruf kecil 36 karakter."
	echo "bad/kas.csv,23,masuk,922337*************,Jumlah terlalu besar: paling banyak Rp 999.999.999."
	echo "bad/kas.csv,24,masuk,'-922337*************,Jumlah uang tidak boleh negatif."
	echo "bad/kas.csv,25,masuk,922337*************,$N"
	echo "bad/kas.csv,25,masuk,922337*************,$O"
	echo "bad/kas.csv,28,keluar,'-922337*************,$N"
	echo "bad/kas.csv,28,dihapus,1000000001,Angka terlalu besar."
	echo "Impor ditolak: tidak ada data yang diubah."
	echo "32 masalah ditemukan."
} >"$WORK/bad.want"

# Another order, columns the table lacks (one holding a quoted comma), formula guards on the
# free-text columns, leading zeros, an empty dihapus.
cat >"$WORK/ok/kas.csv" <<CSV
catatan_kantor,uraian,dihapus,masuk,keluar,kategori,buku,no_bukti,tanggal,kelompok_id,id,diubah_pada,pertemuan_id,membalik_id,sumber_id,kolom_lain
abaikan,'=SUM(A1),,007,0,lainnya,umum,'+62,2026-10-01,$G,bbbbbbbb-0000-4000-8000-000000000001,2026-10-01T05:00:00Z,,,,x
"a,b",'@nama,0,0,2500,lainnya,umum,X-2,2026-10-02,$G,bbbbbbbb-0000-4000-8000-000000000002,2026-10-02T05:00:00Z,,,,
CSV
cat >"$WORK/ok.want" <<OUT
bbbbbbbb-0000-4000-8000-000000000001|$G|2026-10-01|+62|umum|lainnya|=SUM(A1)|7|0||||0
bbbbbbbb-0000-4000-8000-000000000002|$G|2026-10-02|X-2|umum|lainnya|@nama|0|2500||||0
OUT
printf 'id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,diubah_pada\nbbbbbbbb-0000-4000-8000-000000000003,2026-10-01,X-3,umum,lainnya,tiga,1000,0,%s\n' $TS >"$WORK/nocol/kas.csv"
cat >"$WORK/nocol.want" <<OUT
berkas,baris,kolom,nilai,alasan
nocol/kas.csv,1,kelompok_id,,Kolom wajib kelompok_id tidak ada di baris judul.
Impor ditolak: tidak ada data yang diubah.
1 masalah ditemukan.
OUT
{ echo "$H"; printf 'bbbbbbbb-0000-4000-8000-000000000004,%s,,X-4,umum,lainnya,empat,1000,0,,,%s,0,\n' $G $TS; } >"$WORK/en/kas.csv"
cat >"$WORK/en.want" <<OUT
berkas,baris,kolom,nilai,alasan
en/kas.csv,2,tanggal,,"The date is required, write YYYY-MM-DD, e.g. 2025-03-15."
Import refused: no data was changed.
1 problems found.
OUT
# Attendance (a two-column key) in another order with a column it lacks: a status that is
# not UTF-8, dues of 21 digits, and one good row (not stored: the file is refused).
{
	echo 'status,diubah_pada,tambahan,anggota_id,iuran_iks,pertemuan_id,iuran_kas'
	printf 'H,2026-11-01T00:00:00Z,z,%s,1000,%s,5000\n' $A1 $M
	printf '\303,2026-11-01T00:00:00Z,z,%s,1000,%s,5000\n' $A2 $M
	printf 'I,2026-11-01T00:00:00Z,z,%s,1000,%s,123456789012345678901\n' $A3 $M
} >"$WORK/att/kehadiran.csv"
cat >"$WORK/att.want" <<OUT
berkas,baris,kolom,nilai,alasan
att/kehadiran.csv,3,status,,$U
att/kehadiran.csv,3,status,?,"Status kehadiran harus H (hadir), I (izin), S (sakit) atau A (alpa)."
att/kehadiran.csv,4,iuran_kas,123456***************,$N
Impor ditolak: tidak ada data yang diubah.
3 masalah ditemukan.
OUT

# got NAME: the import's output without the signature line and the work folder.
got() { cat "$WORK/out" "$WORK/err" | grep -v "tidak bertanda tangan\|not signed" | sed "s|$WORK/||" >"$WORK/$1.got"; }
same() {
	if cmp -s "$WORK/$1.want" "$WORK/$1.got"; then ok "$2"
	else nok "$2"; diff "$WORK/$1.want" "$WORK/$1.got" | head -20; fi
}
count_kas() { sqlite3 "$D" "SELECT count(*) FROM kas"; }
before=$(count_kas)
expect_status 1 "bad fields: refused" "$SIKUBE_BIN" --db "$D" import "$WORK/bad/kas.csv"
got bad
same bad "bad fields: every problem line as before"
check "bad fields: nothing imported" test "$(count_kas)" = "$before"

expect_status 0 "columns in another order, extra columns: imported" "$SIKUBE_BIN" --db "$D" import "$WORK/ok/kas.csv"
check "2 rows added" grep -q "kas *ditambah 2, diperbarui 0, tidak berubah 0, ditolak 0" "$WORK/err"
sqlite3 "$D" "SELECT id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, keluar,
	coalesce(pertemuan_id, ''), coalesce(membalik_id, ''), coalesce(sumber_id, ''), dihapus
	FROM kas WHERE id LIKE 'bbbbbbbb-%' ORDER BY id" >"$WORK/ok.got"
same ok "each field stored from its column by name, the guard taken off free text only"
expect_status 0 "the same file again" "$SIKUBE_BIN" --db "$D" import "$WORK/ok/kas.csv"
check "again: 2 unchanged" grep -q "kas *ditambah 0, diperbarui 0, tidak berubah 2, ditolak 0" "$WORK/err"

expect_status 1 "a required column missing: refused" "$SIKUBE_BIN" --db "$D" import "$WORK/nocol/kas.csv"
got nocol
same nocol "a required column missing: the problem line"

expect_status 1 "a missing date, in English: refused" "$SIKUBE_BIN" --db "$D" --lang en import "$WORK/en/kas.csv"
got en
same en "a missing date: the message in English"

cp "$WORK/s0.db" "$D"
expect_status 1 "attendance in another order: refused" "$SIKUBE_BIN" --db "$D" import "$WORK/att/kehadiran.csv"
got att
same att "attendance: every problem line as before"
check "attendance: nothing imported" test "$(sqlite3 "$D" "SELECT count(*) FROM kehadiran WHERE diubah_pada LIKE '2026-11-01%'")" = 0
finish
