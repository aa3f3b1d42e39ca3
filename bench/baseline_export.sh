#!/bin/sh
# baseline_export.sh DB DIR - the export baseline: the sqlite3 shell writes the tables and
# columns of a full bundle, with the same queries (and order) as `sikube export`, as CSV
# files with a header row into DIR. No manifest, checksums, formula guard or fsync.
db=$1
out=$2
mkdir -p "$out" || exit 2
# A rate or limit (hundredths) as export writes it: the shortest exact decimal.
dec() {
	echo "CASE WHEN $1 IS NULL THEN NULL WHEN $1 % 100 = 0 THEN CAST($1 / 100 AS TEXT) WHEN $1 % 10 = 0 THEN printf('%d.%d', $1 / 100, ($1 % 100) / 10) ELSE printf('%d.%02d', $1 / 100, $1 % 100) END AS $1"
}
exec sqlite3 -bail -csv -header "$db" \
	".once $out/kelompok.csv" \
	"SELECT id, kode, nama, kode_wilayah, alamat, jenis_usaha, bidang_usaha, tanggal_berdiri,
	 tingkat, pendamping, telepon_pendamping, iuran_kas, iuran_iks, bantuan_uep, tahun_bantuan,
	 catatan, diubah_pada, dihapus FROM kelompok ORDER BY id" \
	".once $out/anggota.csv" \
	"SELECT id, kelompok_id, nik, no_kk, nama, jenis_kelamin, tempat_lahir, tanggal_lahir,
	 alamat, rt, rw, telepon, jabatan, tanggal_masuk, tanggal_keluar, terdaftar_dtsen,
	 desil_dtsen, peserta_pkh, catatan, diubah_pada, dihapus FROM anggota ORDER BY id" \
	".once $out/penilaian.csv" \
	"SELECT id, anggota_id, tanggal, penilai, k01, k02, k03, k04, k05, k06, k07, k08, k09, k10,
	 k11, k12, k13, k14, luas_lantai_m2, jumlah_jiwa, penghasilan_bulanan, catatan, skor,
	 kategori, diubah_pada, dihapus FROM penilaian ORDER BY id" \
	".once $out/pertemuan.csv" \
	"SELECT id, kelompok_id, tanggal, tempat, pendamping_hadir, agenda, keputusan, catatan,
	 diubah_pada, dihapus FROM pertemuan ORDER BY id" \
	".once $out/kehadiran.csv" \
	"SELECT pertemuan_id, anggota_id, status, iuran_kas, iuran_iks, diubah_pada FROM kehadiran
	 WHERE dihapus=0 ORDER BY pertemuan_id, anggota_id" \
	".once $out/kas.csv" \
	"SELECT id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, keluar,
	 pertemuan_id, membalik_id, diubah_pada, dihapus, sumber_id FROM kas ORDER BY id" \
	".once $out/siklus.csv" \
	"SELECT id, kelompok_id, nomor, mulai, selesai, simpanan_pokok, simpanan_wajib,
	 $(dec jasa_persen_bulan), metode_jasa, $(dec batas_pinjaman_kali), denda_alpa,
	 denda_terlambat, metode_bagi, catatan, diubah_pada, dihapus FROM siklus ORDER BY id" \
	".once $out/simpanan.csv" \
	"SELECT id, siklus_id, anggota_id, tanggal, jenis, setor, tarik, pertemuan_id, membalik_id,
	 diubah_pada, dihapus FROM simpanan ORDER BY id" \
	".once $out/pinjaman.csv" \
	"SELECT id, siklus_id, anggota_id, tanggal, pokok, $(dec jasa_persen_bulan), metode_jasa,
	 jumlah_angsuran, jarak_angsuran, sumber, tujuan, dihapusbukukan_pada, pertemuan_id,
	 diubah_pada, dihapus FROM pinjaman ORDER BY id" \
	".once $out/angsuran.csv" \
	"SELECT id, pinjaman_id, tanggal, pokok, jasa, pertemuan_id, membalik_id, diubah_pada,
	 dihapus FROM angsuran ORDER BY id" \
	".once $out/denda.csv" \
	"SELECT id, siklus_id, anggota_id, tanggal, jenis, jumlah, dibayar_pada, dibebaskan,
	 pertemuan_id, catatan, diubah_pada, dihapus FROM denda ORDER BY id" \
	".once $out/bagi_hasil.csv" \
	"SELECT id, siklus_id, anggota_id, simpanan, bagian_hasil, potongan, dibayar, diubah_pada,
	 dihapus FROM bagi_hasil ORDER BY id"
