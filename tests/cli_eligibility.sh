#!/bin/sh
# cli_eligibility.sh - `report eligibility` and the eligibility columns of `report groups` after
# importing a crafted bundle whose penilaian.csv carries wrong skor and kategori: the latest
# assessment (by date, then diubah_pada) of every active member, recomputed from k01-k14;
# empty fields for members never assessed; members who left or were deleted not listed.
. "$(dirname "$0")/clilib.sh"
command -v sha256sum >/dev/null || { echo "sha256sum missing"; echo "0 passed, 1 failed"; exit 1; }

T0=2025-01-01T00:00:00Z
T1=2025-07-01T00:00:00Z
G1=11111111-1111-4111-8111-111111111111
G2=22222222-2222-4222-8222-222222222222
M1=aaaaaaaa-0000-4000-8000-000000000001
M2=aaaaaaaa-0000-4000-8000-000000000002
M3=aaaaaaaa-0000-4000-8000-000000000003
M4=aaaaaaaa-0000-4000-8000-000000000004
M5=aaaaaaaa-0000-4000-8000-000000000005
M6=aaaaaaaa-0000-4000-8000-000000000006
M7=aaaaaaaa-0000-4000-8000-000000000007
P=bbbbbbbb-0000-4000-8000-00000000000

B="$WORK/bundle"
mkdir -p "$B"
cat >"$B/kelompok.csv" <<EOF
id,kode,nama,kode_wilayah,alamat,jenis_usaha,bidang_usaha,tanggal_berdiri,tingkat,pendamping,telepon_pendamping,iuran_kas,iuran_iks,bantuan_uep,tahun_bantuan,catatan,diubah_pada,dihapus
$G1,K-01,KUBE Anggrek,31.71.08.1003,,produksi,,,tumbuh,,,5000,1000,0,,,$T0,0
$G2,K-02,KUBE Bougenvil,31.71.08.1003,,jasa,,,tumbuh,,,5000,1000,0,,,$T0,0
EOF
cat >"$B/anggota.csv" <<EOF
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tempat_lahir,tanggal_lahir,alamat,rt,rw,telepon,jabatan,tanggal_masuk,tanggal_keluar,terdaftar_dtsen,desil_dtsen,peserta_pkh,catatan,diubah_pada,dihapus
$M1,$G1,3171081208800001,3171081503100001,Ani,L,,,,,,,ketua,2024-01-01,,1,2,0,,$T0,0
$M2,$G1,3171081208800002,3171081503100002,Budi,L,,,,,,,anggota,2024-01-01,,0,,0,,$T0,0
$M3,$G1,3171081208800003,3171081503100003,Citra,L,,,,,,,anggota,2024-01-01,,0,,0,,$T0,0
$M4,$G1,3171081208800004,3171081503100004,Dedi,L,,,,,,,anggota,2024-01-01,2025-03-01,0,,0,,$T0,0
$M5,$G1,3171081208800005,3171081503100005,Eka,L,,,,,,,anggota,2024-01-01,,0,,0,,$T0,0
$M6,$G1,3171081208800006,3171081503100006,Fajar,L,,,,,,,anggota,2024-01-01,,0,,0,,$T0,0
$M7,$G2,3171081208800007,3171081503100007,Gita,L,,,,,,,ketua,2024-01-01,,0,,0,,$T0,0
EOF
# Rows: id, member, date, criteria (14 values), figures, note, WRONG skor and kategori, stamp,
# deleted.
{
echo "id,anggota_id,tanggal,penilai,k01,k02,k03,k04,k05,k06,k07,k08,k09,k10,k11,k12,k13,k14,luas_lantai_m2,jumlah_jiwa,penghasilan_bulanan,catatan,skor,kategori,diubah_pada,dihapus"
# Ani: poor in January (12 met), not poor in June (5 met): the June one counts.
echo "${P}1,$M1,2025-01-10,Bu Rina,1,1,1,1,1,1,1,1,1,1,1,1,0,0,18.5,4,400000,pertama,3,tidak_miskin,$T0,0"
echo "${P}2,$M1,2025-06-01,Bu Rina,1,1,1,1,1,0,0,0,0,0,0,0,0,0,40,4,900000,,14,miskin,$T0,0"
# Budi: two on one date; the one changed later (9 met) counts.
echo "${P}3,$M2,2025-05-05,Bu Rina,1,1,1,1,1,1,1,1,1,0,0,0,0,0,,,,,0,tidak_miskin,$T1,0"
echo "${P}4,$M2,2025-05-05,Bu Rina,1,1,0,0,0,0,0,0,0,0,0,0,0,0,,,,,13,miskin,$T0,0"
# Dedi left the group; Eka's only assessment is deleted.
echo "${P}5,$M4,2025-02-01,Bu Rina,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,,,14,miskin,$T0,0"
echo "${P}6,$M5,2025-02-01,Bu Rina,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,,,14,miskin,$T0,1"
# Fajar: all 14 met, nonsense in the derived columns.
echo "${P}7,$M6,2025-02-02,Bu Rina,1,1,1,1,1,1,1,1,1,1,1,1,1,1,,,,,99,kaya,$T0,0"
# Gita: exactly 9 met.
echo "${P}8,$M7,2025-03-03,Pak Joko,0,0,0,0,0,1,1,1,1,1,1,1,1,1,,,,,1,tidak_miskin,$T0,0"
} >"$B/penilaian.csv"
{
echo "kunci,nilai"
echo "format,sikube-bundle"
echo "format_version,1"
echo "app_version,0.1.0"
echo "perangkat,cccccccc-0000-4000-8000-000000000001"
echo "kode_wilayah_kantor,"
echo "dibuat_pada,$T1"
echo "sejak,"
echo "nik_disamarkan,0"
for f in kelompok anggota penilaian; do
	echo "baris.$f.csv,$(($(grep -c '' "$B/$f.csv") - 1))"
	echo "sha256.$f.csv,$(sha256sum "$B/$f.csv" | cut -d' ' -f1)"
done
} >"$B/manifest.csv"

DB="$WORK/e.db"
expect_status 0 "import the crafted bundle" "$SIKUBE_BIN" --db "$DB" import "$B"
expect_status 0 "report eligibility --format csv" "$SIKUBE_BIN" --db "$DB" report eligibility --format csv
cp "$WORK/out" "$WORK/elig.csv"
has() { grep -qx -- "$1" "$WORK/elig.csv"; }
check "header per spec/cli.md" test "$(head -n 1 "$WORK/elig.csv")" = "kelompok_id,anggota_id,nik,nama,tanggal,skor,kategori"
check "latest by date, score recomputed (file said 14 miskin)" has "$G1,$M1,3171081208800001,Ani,2025-06-01,5,tidak_miskin"
check "same date: the later diubah_pada counts, recomputed (file said 0)" has "$G1,$M2,3171081208800002,Budi,2025-05-05,9,miskin"
check "never assessed: empty date, score and category" has "$G1,$M3,3171081208800003,Citra,,,"
check "only a deleted assessment: empty fields" has "$G1,$M5,3171081208800005,Eka,,,"
check "nonsense skor and kategori ignored" has "$G1,$M6,3171081208800006,Fajar,2025-02-02,14,miskin"
check "9 met is miskin at the default threshold" has "$G2,$M7,3171081208800007,Gita,2025-03-03,9,miskin"
check "a member who left is not listed" sh -c "! grep -q '$M4' '$WORK/elig.csv'"
check "one row per active member" test "$(grep -c '' "$WORK/elig.csv")" -eq 7

expect_status 0 "report eligibility --group" "$SIKUBE_BIN" --db "$DB" report eligibility --group "$G2" --format csv
check "--group lists that group only" test "$(grep -c '' "$WORK/out")" -eq 2

expect_status 0 "report groups --format csv" "$SIKUBE_BIN" --db "$DB" report groups --format csv
check "report groups: 5 active, 3 assessed, 2 poor, 67%" grep -qx "$G1,KUBE Anggrek,31.71.08.1003,tumbuh,5,3,2,67,,0,0" "$WORK/out"
check "report groups: the other group" grep -qx "$G2,KUBE Bougenvil,31.71.08.1003,tumbuh,1,1,1,100,,0,0" "$WORK/out"

expect_status 0 "report eligibility as text" "$SIKUBE_BIN" --db "$DB" report eligibility
check "text masks NIKs" sh -c "! grep -q 3171081208800001 '$WORK/out' && grep -q '317108\*\*\*\*\*\*\*\*\*\*' '$WORK/out'"
check "text says never assessed" grep -q "Citra.*belum dinilai" "$WORK/out"

# Export writes the recomputed values.
expect_status 0 "export" "$SIKUBE_BIN" --db "$DB" export "$WORK/out_bundle"
check "export writes the recomputed skor and kategori" grep -q "^${P}2,.*,5,tidak_miskin,$T0,0\$" "$WORK/out_bundle/penilaian.csv"
check "export writes Fajar's 14" grep -q "^${P}7,.*,14,miskin,$T0,0\$" "$WORK/out_bundle/penilaian.csv"
finish
