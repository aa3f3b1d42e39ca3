#!/bin/sh
# cli_exchange.sh - `sikube export` and `sikube import` (spec/bundle.md, spec/cli.md): round
# trip, Excel form, re-import, masked export, --since-last, every refusal of issue 3 as a
# crafted bundle (exit 1, database unchanged, report names file, line, column and reason),
# --valid-only, and `report groups` on imported data.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
command -v sha256sum >/dev/null || { echo "sha256sum missing"; echo "0 passed, 1 failed"; exit 1; }

T0=2025-01-01T00:00:00Z
T1=2025-06-01T00:00:00Z
G1=11111111-1111-4111-8111-111111111111
G2=22222222-2222-4222-8222-222222222222
M1=aaaaaaaa-0000-4000-8000-000000000001
M2=aaaaaaaa-0000-4000-8000-000000000002
M3=aaaaaaaa-0000-4000-8000-000000000003
M4=aaaaaaaa-0000-4000-8000-000000000004
M5=aaaaaaaa-0000-4000-8000-000000000005
M6=aaaaaaaa-0000-4000-8000-000000000006
M7=aaaaaaaa-0000-4000-8000-000000000007
P1=bbbbbbbb-0000-4000-8000-000000000001
A1=cccccccc-0000-4000-8000-000000000001
K1=dddddddd-0000-4000-8000-000000000001
K2=dddddddd-0000-4000-8000-000000000002
NIKS="3171081208800001 3171081208800002 3171085208800003 3171081208800004 3171081208800005 3171084208800006 3171081208800007"

# The known database, typed as single table files (as an office would in a spreadsheet).
IN="$WORK/in"
mkdir -p "$IN"
cat >"$IN/kelompok.csv" <<EOF
id,kode,nama,kode_wilayah,alamat,jenis_usaha,tingkat,telepon_pendamping,iuran_kas,iuran_iks,catatan,diubah_pada,dihapus
$G1,K-01,KUBE Melati 3,31.71.08.1003,"Jl. Galur, RT 3",produksi,berkembang,'+6281234567,5000,1000,"baris satu
baris dua",$T0,0
$G2,K-02,KUBE Mawar,31.71.08.1003,,jasa,tumbuh,,2000,1000,,$T0,0
EOF
cat >"$IN/anggota.csv" <<EOF
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tanggal_lahir,rt,jabatan,terdaftar_dtsen,desil_dtsen,diubah_pada,dihapus
$M1,$G1,3171081208800001,3171081503100001,'=1+1,L,1980-08-12,003,ketua,1,2,$T0,0
$M2,$G1,3171081208800002,3171081503100002,'Ali,L,1980-08-12,003,anggota,1,,$T0,0
$M3,$G1,3171085208800003,3171081503100003,Nur'aini,P,1980-08-12,003,sekretaris,0,,$T0,0
$M4,$G1,3171081208800004,3171081503100004,"Sumarni ""Ijah""",L,1980-08-12,003,bendahara,0,,$T0,0
$M5,$G1,3171081208800005,3171081503100005,"Endang, S.",L,1980-08-12,003,anggota,0,,$T0,0
$M6,$G1,3171084208800006,3171081503100006,Ñoño Đặng 王小明,P,1980-08-02,003,anggota,0,,$T0,0
$M7,$G2,3171081208800007,3171081503100007,Budi,L,1980-08-12,004,ketua,0,,$T0,0
EOF
{
printf 'id,anggota_id,tanggal,penilai,k01,k02,k03,k04,k05,k06,k07,k08,k09,k10,k11,k12,k13,k14,luas_lantai_m2,jumlah_jiwa,penghasilan_bulanan,diubah_pada,dihapus\n'
printf '%s,%s,2025-02-01,Pendamping,1,1,1,1,1,1,1,1,1,1,0,0,0,0,21.5,4,450000,%s,0\n' "$A1" "$M2" "$T0"
} >"$IN/penilaian.csv"
cat >"$IN/pertemuan.csv" <<EOF
id,kelompok_id,tanggal,tempat,pendamping_hadir,agenda,diubah_pada,dihapus
$P1,$G1,2025-02-03,Rumah ketua,1,Iuran; laporan usaha,$T0,0
EOF
cat >"$IN/kehadiran.csv" <<EOF
pertemuan_id,anggota_id,status,iuran_kas,iuran_iks,diubah_pada
$P1,$M1,H,5000,1000,$T0
$P1,$M2,S,0,0,$T0
EOF
cat >"$IN/kas.csv" <<EOF
id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,pertemuan_id,membalik_id,diubah_pada,dihapus
$K1,$G1,2025-02-03,BKM-001,umum,iuran_kas,Iuran kas pertemuan,5000,0,$P1,,$T0,0
$K2,$G1,2025-02-03,BKM-002,iks,iuran_iks,Iuran IKS pertemuan,1000,0,$P1,,$T0,0
EOF

A="$WORK/a.db"
expect_status 0 "import typed table files" "$SIKUBE_BIN" --db "$A" import "$IN/kas.csv" "$IN/kelompok.csv" "$IN/anggota.csv" "$IN/penilaian.csv" "$IN/pertemuan.csv" "$IN/kehadiran.csv"
check "typed files: 7 members" test "$(sqlite3 "$A" 'SELECT count(*) FROM anggota')" = 7
check "a typed 'Ali is kept as written" test "$(sqlite3 "$A" "SELECT nama FROM anggota WHERE id='$M2'")" = "'Ali"

# Export, and the bundle's shape.
B="$WORK/b1"
expect_status 0 "export" "$SIKUBE_BIN" --db "$A" export "$B"
for f in manifest kelompok anggota penilaian pertemuan kehadiran kas; do
	check "bundle has $f.csv" test -f "$B/$f.csv"
done
check "bundle folder is private" test "$(stat -c %a "$B")" = 700
check "bundle files are private" test "$(stat -c %a "$B/anggota.csv")" = 600
check "manifest format" grep -qx 'format,sikube-bundle' "$B/manifest.csv"
check "manifest version" grep -qx 'format_version,2' "$B/manifest.csv"
check "manifest count" grep -qx 'baris.anggota.csv,7' "$B/manifest.csv"
check "manifest checksum" grep -qx "sha256.kas.csv,$(sha256sum "$B/kas.csv" | cut -d' ' -f1)" "$B/manifest.csv"
check "manifest names the database" grep -qx "perangkat,$(sqlite3 "$A" "SELECT nilai FROM pengaturan WHERE kunci='perangkat'")" "$B/manifest.csv"
check "manifest time" grep -Eqx 'dibuat_pada,[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z' "$B/manifest.csv"
check "=1+1 exported as '=1+1" grep -q ",'=1+1," "$B/anggota.csv"
check "'Ali exported as written (no guard)" grep -q ",'Ali," "$B/anggota.csv"
check "phone +62 guarded" grep -q ",'+6281234567," "$B/kelompok.csv"
check "LF line ends" sh -c "! grep -q \"$(printf '\r')\" '$B/anggota.csv'"
check "header first" test "$(head -n 1 "$B/kehadiran.csv")" = "pertemuan_id,anggota_id,status,iuran_kas,iuran_iks,diubah_pada"

# Round trip into an empty database (import creates it).
E="$WORK/e.db"
expect_status 0 "import into an empty database" "$SIKUBE_BIN" --db "$E" import "$B"
check "summary says what was added" grep -q 'ditambah 15' "$WORK/err"
expect_status 0 "export again" "$SIKUBE_BIN" --db "$E" export "$WORK/b2"
for f in kelompok anggota penilaian pertemuan kehadiran kas; do
	check "round trip: same $f rows" cmp -s "$B/$f.csv" "$WORK/b2/$f.csv"
done
for n in "=1+1" "'Ali" "Nur'aini" 'Sumarni "Ijah"' "Endang, S." "Ñoño Đặng 王小明"; do
	q=$(printf '%s' "$n" | sed "s/'/''/g")
	check "name survives: $n" test "$(sqlite3 "$E" "SELECT count(*) FROM anggota WHERE nama='$q'")" = 1
done

# report groups on the imported data equals the original's.
"$SIKUBE_BIN" --db "$A" report groups --format csv >"$WORK/ga.csv" 2>/dev/null
expect_status 0 "report groups on imported data" "$SIKUBE_BIN" --db "$E" report groups --format csv
check "report groups identical after the round trip" cmp -s "$WORK/ga.csv" "$WORK/out"
check "report groups figures (active, assessed, poor, last meeting, balances)" grep -qx "$G1,KUBE Melati 3,31.71.08.1003,berkembang,6,1,1,100,2025-02-03,5000,1000" "$WORK/out"
check "report groups: group without activity" grep -qx "$G2,KUBE Mawar,31.71.08.1003,tumbuh,1,0,0,,,0,0" "$WORK/out"

# The same bundle twice changes nothing.
sqlite3 "$E" .dump >"$WORK/e1.dump"
expect_status 0 "import the same bundle again" "$SIKUBE_BIN" --db "$E" import "$B"
check "second import: nothing added or updated" grep -q 'ditambah 0, diperbarui 0, tidak berubah 15' "$WORK/err"
sqlite3 "$E" .dump >"$WORK/e2.dump"
check "second import leaves the database as it was" cmp -s "$WORK/e1.dump" "$WORK/e2.dump"

# The Excel form.
expect_status 0 "export --excel" "$SIKUBE_BIN" --db "$A" export "$WORK/bx" --excel
check "Excel: BOM and ;" sh -c "head -c 20 '$WORK/bx/anggota.csv' | grep -q \"$(printf '\357\273\277')id;kelompok_id;\""
check "Excel: CRLF" grep -q "$(printf '\r')\$" "$WORK/bx/anggota.csv"
X="$WORK/x.db"
expect_status 0 "import the Excel form" "$SIKUBE_BIN" --db "$X" import "$WORK/bx"
expect_status 0 "export it plain" "$SIKUBE_BIN" --db "$X" export "$WORK/bx2"
for f in kelompok anggota penilaian pertemuan kehadiran kas; do
	check "Excel form imports like the plain one: $f" cmp -s "$B/$f.csv" "$WORK/bx2/$f.csv"
done
sqlite3 "$E" .dump >"$WORK/e1.dump"
expect_status 0 "Excel bundle over the plain import" "$SIKUBE_BIN" --db "$E" import "$WORK/bx"
sqlite3 "$E" .dump >"$WORK/e2.dump"
check "Excel bundle changes nothing after the plain one" cmp -s "$WORK/e1.dump" "$WORK/e2.dump"

# Masked export.
expect_status 0 "export --mask-nik" "$SIKUBE_BIN" --db "$A" export "$WORK/bm" --mask-nik
check "masked bundle is marked" grep -qx 'nik_disamarkan,1' "$WORK/bm/manifest.csv"
check "first 6 digits kept" grep -q ',317108\*\*\*\*\*\*\*\*\*\*,317108\*\*\*\*\*\*\*\*\*\*,' "$WORK/bm/anggota.csv"
full=0
for n in $NIKS; do grep -rq "$n" "$WORK/bm" && full=1; done
check "a masked export contains no full NIK" test $full -eq 0
check "a masked export contains no full No. KK" sh -c "! grep -rq '31710815031000' '$WORK/bm'"

# --since-last: exactly the rows changed since the previous export.
expect_status 0 "full export before changes" "$SIKUBE_BIN" --db "$A" export "$WORK/s0"
sqlite3 "$A" "UPDATE anggota SET telepon='0812' WHERE id='$M5'"
expect_status 0 "export --since-last" "$SIKUBE_BIN" --db "$A" export "$WORK/s1" --since-last
check "since-last: the changed member only" test "$(grep -c '' "$WORK/s1/anggota.csv")" -eq 2 -a "$(sed -n 2p "$WORK/s1/anggota.csv" | cut -d, -f1)" = "$M5"
for f in kelompok penilaian pertemuan kehadiran kas; do
	check "since-last: no $f rows" test "$(grep -c '' "$WORK/s1/$f.csv")" -eq 1
done
check "since-last: manifest sejak" grep -Eq '^sejak,[0-9]{4}-' "$WORK/s1/manifest.csv"
check "since-last: counts in manifest" grep -qx 'baris.anggota.csv,1' "$WORK/s1/manifest.csv"
expect_status 0 "import the incremental bundle" "$SIKUBE_BIN" --db "$E" import "$WORK/s1"
check "incremental bundle updates one row" grep -q 'diperbarui 1' "$WORK/err"

# Refusals. craft NAME FILE ID SEDEXPR: copy the bundle, edit the row starting with ID (its
# diubah_pada made later so it would win), fix the manifest's checksum; LINE is its line.
craft() {
	c_name=$1; c_file=$2; c_id=$3; c_expr=$4
	rm -rf "$WORK/$c_name"
	cp -r "$B" "$WORK/$c_name"
	sed -i "/^$c_id,/{$c_expr;s/$T0/$T1/}" "$WORK/$c_name/$c_file"
	c_sum=$(sha256sum "$WORK/$c_name/$c_file" | cut -d' ' -f1)
	sed -i "s/^sha256\.$c_file,.*/sha256.$c_file,$c_sum/" "$WORK/$c_name/manifest.csv"
	LINE=$(grep -n "^$c_id," "$WORK/$c_name/$c_file" | cut -d: -f1)
}
# refused NAME FILE LINE COLUMN WHAT: import into a copy of the round-trip database.
refused() {
	r_name=$1; r_file=$2; r_line=$3; r_col=$4; r_what=$5
	cp "$E" "$WORK/r.db"
	sqlite3 "$WORK/r.db" .dump >"$WORK/r1.dump"
	expect_status 1 "$r_what: refused" "$SIKUBE_BIN" --db "$WORK/r.db" import "$WORK/$r_name" --report "$WORK/$r_name.report"
	sqlite3 "$WORK/r.db" .dump >"$WORK/r2.dump"
	check "$r_what: database unchanged" cmp -s "$WORK/r1.dump" "$WORK/r2.dump"
	check "$r_what: report names $r_file line $r_line column $r_col and a reason" grep -Eq "^[^,]*/$r_file,$r_line,$r_col,[^,]*,.+" "$WORK/$r_name.report"
}
craft r_nik15 anggota.csv "$M2" 's/,3171081208800002,/,317108120880002,/'
refused r_nik15 anggota.csv "$LINE" nik "a 15-digit NIK"
check "15-digit NIK: reported value is masked" sh -c "! grep -q 317108120880002 '$WORK/r_nik15.report'"
craft r_nikA anggota.csv "$M2" 's/,3171081208800002,/,31710812088000A2,/'
refused r_nikA anggota.csv "$LINE" nik "letters in a NIK"
craft r_nikdup anggota.csv "$M7" 's/,3171081208800007,/,3171081208800001,/'
refused r_nikdup anggota.csv "$LINE" nik "one NIK active in two groups"
craft r_date pertemuan.csv "$P1" 's/,2025-02-03,/,2026-02-30,/'
refused r_date pertemuan.csv "$LINE" tanggal "date 2026-02-30"
craft r_sex anggota.csv "$M3" 's/,P,/,X,/'
refused r_sex anggota.csv "$LINE" jenis_kelamin "sex X"
craft r_both kas.csv "$K1" 's/,5000,0,/,5000,5000,/'
refused r_both kas.csv "$LINE" keluar "a kas row with both sides > 0"
craft r_neg kas.csv "$K1" 's/,5000,0,/,-5000,0,/'
refused r_neg kas.csv "$LINE" masuk "a negative amount"
craft r_region kelompok.csv "$G2" 's/,31.71.08.1003,/,31.71.08.9999,/'
# G1's note spans two lines of the file: a spreadsheet shows G2 on row 3.
refused r_region kelompok.csv 3 kode_wilayah "an unknown region code"
craft r_group anggota.csv "$M4" "s/,$G1,/,99999999-9999-4999-8999-999999999999,/"
refused r_group anggota.csv "$LINE" kelompok_id "a member of a group that exists nowhere"
craft r_ketua anggota.csv "$M6" 's/,anggota,/,ketua,/'
refused r_ketua anggota.csv "$LINE" jabatan "two ketua in one group"
rm -rf "$WORK/r_status"; cp -r "$B" "$WORK/r_status"
sed -i "/^$P1,$M2,/s/,S,0,0,$T0/,Z,0,0,$T1/" "$WORK/r_status/kehadiran.csv"
sed -i "s/^sha256\.kehadiran\.csv,.*/sha256.kehadiran.csv,$(sha256sum "$WORK/r_status/kehadiran.csv" | cut -d' ' -f1)/" "$WORK/r_status/manifest.csv"
refused r_status kehadiran.csv "$(grep -n ",Z," "$WORK/r_status/kehadiran.csv" | cut -d: -f1)" status "attendance status Z"
craft r_k2 penilaian.csv "$A1" 's/,2025-02-01,Pendamping,1,1,1,/,2025-02-01,Pendamping,1,1,2,/'
refused r_k2 penilaian.csv "$LINE" k03 "a criterion value 2"

# A checksum that does not match (file edited, manifest not fixed).
rm -rf "$WORK/r_sum"; cp -r "$B" "$WORK/r_sum"
sed -i "s/Endang, S./Endang, T./" "$WORK/r_sum/anggota.csv"
cp "$E" "$WORK/r.db"; sqlite3 "$WORK/r.db" .dump >"$WORK/r1.dump"
expect_status 1 "a checksum that does not match: refused" "$SIKUBE_BIN" --db "$WORK/r.db" import "$WORK/r_sum" --report "$WORK/r_sum.report"
sqlite3 "$WORK/r.db" .dump >"$WORK/r2.dump"
check "checksum: database unchanged" cmp -s "$WORK/r1.dump" "$WORK/r2.dump"
check "checksum: report names the manifest line, column and the file" grep -Eq "^[^,]*/manifest.csv,$(grep -n '^sha256.anggota.csv' "$B/manifest.csv" | cut -d: -f1),nilai,[0-9a-f]{64},.*anggota.csv" "$WORK/r_sum.report"
# A masked bundle.
expect_status 1 "a masked bundle: refused" "$SIKUBE_BIN" --db "$WORK/r.db" import "$WORK/bm" --report "$WORK/bm.report"
sqlite3 "$WORK/r.db" .dump >"$WORK/r2.dump"
check "masked: database unchanged" cmp -s "$WORK/r1.dump" "$WORK/r2.dump"
check "masked: report names manifest, line, column, reason" grep -Eq "^[^,]*/manifest.csv,$(grep -n '^nik_disamarkan' "$WORK/bm/manifest.csv" | cut -d: -f1),nilai,1,nik_disamarkan: .+" "$WORK/bm.report"
# A count that does not match.
rm -rf "$WORK/r_cnt"; cp -r "$B" "$WORK/r_cnt"
sed -i 's/^baris.anggota.csv,7$/baris.anggota.csv,8/' "$WORK/r_cnt/manifest.csv"
expect_status 1 "a row count that does not match: refused" "$SIKUBE_BIN" --db "$WORK/r.db" import "$WORK/r_cnt"
check "count problem on stderr without --report" grep -q "manifest.csv,.*baris.anggota.csv" "$WORK/err"

# The report lists every problem, not only the first.
rm -rf "$WORK/r_many"; cp -r "$WORK/r_sex" "$WORK/r_many"
sed -i "/^$M2,/s/,3171081208800002,/,317108120880002,/" "$WORK/r_many/anggota.csv"
sed -i "s/^sha256\.anggota\.csv,.*/sha256.anggota.csv,$(sha256sum "$WORK/r_many/anggota.csv" | cut -d' ' -f1)/" "$WORK/r_many/manifest.csv"
expect_status 1 "two bad rows" "$SIKUBE_BIN" --db "$WORK/r.db" import "$WORK/r_many" --report "$WORK/r_many.report"
check "both problems listed" test "$(grep -c 'anggota.csv,[0-9]*,\(nik\|jenis_kelamin\),' "$WORK/r_many.report")" -eq 2

# --valid-only: the valid rows go in, the refused ones are reported.
V="$WORK/v.db"
expect_status 1 "--valid-only with a duplicate NIK" "$SIKUBE_BIN" --db "$V" import "$WORK/r_nikdup" --valid-only --report "$WORK/v.report"
check "--valid-only imported the valid rows" test "$(sqlite3 "$V" 'SELECT count(*) FROM anggota')" -eq 5
check "--valid-only left both holders of the NIK out" test "$(sqlite3 "$V" "SELECT count(*) FROM anggota WHERE id IN ('$M1','$M7')")" -eq 0
check "--valid-only reports them" test "$(grep -c ',nik,' "$WORK/v.report")" -eq 2
check "--valid-only refuses the rows that depend on them" grep -q "kehadiran.csv,2,anggota_id," "$WORK/v.report"

# Usage.
expect_status 2 "import without a path" "$SIKUBE_BIN" --db "$E" import
expect_status 2 "import of a missing path" "$SIKUBE_BIN" --db "$E" import "$WORK/none"
expect_status 2 "export without a folder" "$SIKUBE_BIN" --db "$E" export
expect_status 2 "export of a missing database" "$SIKUBE_BIN" --db "$WORK/none.db" export "$WORK/z"
printf 'a,b\n' >"$WORK/data.csv"
expect_status 1 "a file not named like a table" "$SIKUBE_BIN" --db "$E" import "$WORK/data.csv"
finish
