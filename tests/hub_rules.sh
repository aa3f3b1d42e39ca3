#!/bin/sh
# hub_rules.sh - `sikube hub load` of an INCREMENTAL bundle (export --since-last) pinned to
# `sikube import` of it, rule by rule (docs/hub.md, "What the seeds hold"). The hub judges a
# bundle in a staging database holding only the hub rows src/hub_seed.c seeds; the office
# judges it against its whole database. For each cross-row rule of src/check_rules.c that a
# row of such a bundle can drive and that reads rows the bundle does not bring, a bundle made
# by office A's own change breaks (or keeps) the rule through rows only the hub and the
# office hold; a few rules the seeds always covered are controls. Every bundle goes into the
# same start state: a hub that loaded office A's full bundle A1 and an office database that
# imported A1 (start, same: tests/hublib.sh), which must agree: exit status, counts, problem
# report byte for byte, and afterwards the hub's export equals the office's.
# Each bundle is made from a copy of office A's database taken right after A1 (its
# --since-last marker is A1's), changed with sqlite3: a row changed with an old stamp is
# marked stored now (disimpan_pada), so --since-last sends it.
. "$(dirname "$0")/clilib.sh"
. "$(dirname "$0")/hublib.sh"
hub_test_start

STORED="strftime('%Y-%m-%dT%H:%M:%fZ','now')"

# ---- office A and A1 ------------------------------------------------------------------------------
new_db "$WORK/a.db"
"$GEN" --db "$WORK/a.db" --groups 3 --members 6 --years 1 --seed 11 2>/dev/null
G1=$(q "$WORK/a.db" "SELECT id FROM kelompok WHERE kode='K-0001'")
G2=$(q "$WORK/a.db" "SELECT id FROM kelompok WHERE kode='K-0002'")
G3=$(q "$WORK/a.db" "SELECT id FROM kelompok WHERE kode='K-0003'")
# A1 also holds a development assessment of G1 that gives its level (none generated).
LEVEL1=$(q "$WORK/a.db" "SELECT tingkat FROM kelompok WHERE id='$G1'")
check "group 1 is at level tumbuh (its assessment below gives it)" test "$LEVEL1" = tumbuh
q "$WORK/a.db" "INSERT INTO evaluasi (id, kelompok_id, tanggal, penilai, s1, s2, s3, s4, e1, e2, e3,
	e4, skor, tingkat, diubah_pada) VALUES ('bbbbbbbb-0000-4000-8000-000000000001', '$G1',
	'2021-06-30', 'Pendamping', 1, 1, 1, 1, 2, 2, 2, 2, 12, 'tumbuh', '2021-06-30T10:00:00Z')"
# ... and a sale of G3 spent the next day (a deleted sale takes the book below zero).
q "$WORK/a.db" "INSERT INTO kas (id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk,
	keluar, diubah_pada) VALUES ('bbbbbbbb-0000-4000-8000-000000000008', '$G3', '2021-12-01', 'BKM-R3',
	'umum', 'penjualan', 'Jual keripik', 500000, 0, '2021-12-01T10:00:00Z'), ('bbbbbbbb-0000-4000-8000-000000000009',
	'$G3', '2021-12-02', 'BKK-R4', 'umum', 'pembelian', 'Beli bahan', 0, 500000, '2021-12-02T10:00:00Z')"
check "office A passes sikube check" quiet R --db "$WORK/a.db" check
R --db "$WORK/a.db" export "$WORK/A1" >/dev/null 2>&1
TABLES=$(sed -n 's/^baris\.\(.*\)\.csv,.*/\1/p' "$WORK/A1/manifest.csv")
check "A1 written, with an assessment" test "$(grep -c '' "$WORK/A1/evaluasi.csv")" = 2
NA1=$(awk -F, '/^baris\./ { n += $2 } END { print n + 0 }' "$WORK/A1/manifest.csv")

# bundle NAME SQL: office A's change SQL made on a copy of its database after A1, sent with
# export --since-last as bundle NAME.
bundle() {
	cp "$WORK/a.db" "$WORK/$1.db" &&
		q "$WORK/$1.db" "BEGIN; $2; COMMIT" &&
		R --db "$WORK/$1.db" export --since-last "$WORK/$1" >/dev/null 2>&1
	check "bundle $1 made (an incremental bundle)" test "$(awk -F, '/^baris\./ { n += $2 } END { print n + 0 }' "$WORK/$1/manifest.csv")" -lt 5
}

start hub A1

# ---- gaps of the seeds before this script (each failed on main) --------------------------------
# kas_diubah_sesudah_tutup, driven by a month close: G1 closes May 2021 of its general book
# with a stamp (its PC's clock) earlier than ledger rows of May changed later; those rows are
# only in the hub and the office.
MAY=$(q "$WORK/a.db" "SELECT sum(masuk-keluar) FROM kas WHERE kelompok_id='$G1' AND buku='umum' AND dihapus=0 AND tanggal <= '2021-05-31'")
bundle tutup "INSERT INTO tutup_kas (id, kelompok_id, buku, bulan, tanggal, saldo_buku, saldo_hitung,
	selisih, diubah_pada, disimpan_pada) VALUES ('bbbbbbbb-0000-4000-8000-000000000002', '$G1',
	'umum', '2021-05', '2021-05-31', $MAY, $MAY, 0, '2021-05-15T00:00:00Z', $STORED)"
same "kas_diubah_sesudah_tutup: a month close stamped before its month's ledger rows changed" tutup ditolak

# kas_diubah_sesudah_siklus (and the cycle's share-out rules), driven by a cycle: G2's cycle
# closed at the end of June 2021 with a stamp of March, before its savings-and-loans rows of
# March to June changed.
bundle siklus "UPDATE siklus SET selesai='2021-06-30', diubah_pada='2021-03-01T00:00:00Z',
	disimpan_pada=$STORED WHERE kelompok_id='$G2'"
same "kas_diubah_sesudah_siklus: a cycle closed with a stamp before its book's rows changed" siklus ditolak

# hadir_kelompok_lain, driven by a member: a member of G1 who attended its meetings moved to G2.
MOVER=$(q "$WORK/a.db" "SELECT id FROM anggota WHERE kelompok_id='$G1' AND jabatan='anggota' ORDER BY id LIMIT 1")
bundle pindah "UPDATE anggota SET kelompok_id='$G2', diubah_pada='$(now)' WHERE id='$MOVER'"
same "hadir_kelompok_lain: a member with attendance moved to another group" pindah ditolak

# saldo_minus, driven by a ledger row: an expense of G2's general book the balance covers
# (accepted), then one it does not (refused).
BAL2=$(q "$WORK/a.db" "SELECT sum(masuk-keluar) FROM kas WHERE kelompok_id='$G2' AND buku='umum' AND dihapus=0")
check "G2's general book holds more than Rp 1,000" test "$BAL2" -gt 1000
EXPENSE="INSERT INTO kas (id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, keluar,
	diubah_pada) VALUES"
bundle keluar "$EXPENSE ('bbbbbbbb-0000-4000-8000-000000000003', '$G2', '$TODAY', 'BKK-R1', 'umum',
	'pembelian', 'Beli karung', 0, 1000, '$(now)')"
bundle minus "$EXPENSE ('bbbbbbbb-0000-4000-8000-000000000004', '$G2', '$TODAY', 'BKK-R2', 'umum',
	'pembelian', 'Beli mesin', 0, $((BAL2 + 5000)), '$(now)')"
same "saldo_minus: an expense beyond the book's balance" minus ditolak
# ... and one beyond the balance in a single table file, without an id (the importer gives it
# one; the seeds read its group all the same)
mkdir -p "$WORK/tanpa"
{ sed -n 1p "$WORK/A1/kas.csv"; echo ",$G2,$TODAY,BKK-R5,umum,pembelian,Beli mesin,0,$((BAL2 + 5000)),,,$(now),0,"; } >"$WORK/tanpa/kas.csv"
same "saldo_minus: an expense beyond the balance, in a table file without an id" tanpa/kas.csv ditolak
# ... and the sale of G3 the hub holds, deleted: the book goes below zero the next day (a ledger
# row bringing no money out seeds its group's books only when the hub holds it)
bundle batal "UPDATE kas SET dihapus=1, diubah_pada='$(now)' WHERE id='bbbbbbbb-0000-4000-8000-000000000008'"
same "saldo_minus: a sale the hub holds deleted" batal ditolak

# tingkat_kelompok and the level a group takes from its latest assessment (import follows it,
# src/import.c), driven by an assessment: one of March 2021 entered late (level berkembang),
# with the group's new address; the group's latest, of June (tumbuh), is only in the hub and
# the office: the level stays.
bundle tingkat "INSERT INTO evaluasi (id, kelompok_id, tanggal, penilai, s1, s2, s3, s4, e1, e2, e3,
	e4, skor, tingkat, diubah_pada) VALUES ('bbbbbbbb-0000-4000-8000-000000000007', '$G1',
	'2021-03-31', 'Pendamping', 2, 2, 2, 2, 2, 2, 2, 2, 16, 'berkembang', '$(now)');
	UPDATE kelompok SET alamat='Jl. Kenanga 9', diubah_pada='$(now)' WHERE id='$G1'"
same "tingkat_kelompok: an assessment older than the group's latest" tingkat "ditambah 1, diperbarui 1, tidak berubah 0"
check "tingkat_kelompok: the group keeps the level of its latest assessment" grep -q "^$G1,.*,tumbuh," "$WORK/s$N.hx/kelompok.csv"

# penilaian_anggota_dihapus, driven by a member: a member deleted with a stamp before her
# latest poverty assessment was changed.
GONE=$(q "$WORK/a.db" "SELECT a.id FROM anggota a WHERE a.kelompok_id='$G3' AND a.jabatan='anggota' AND EXISTS (SELECT 1 FROM penilaian p WHERE p.anggota_id=a.id AND p.diubah_pada > '2021-06-01') ORDER BY a.id LIMIT 1")
check "a member of G3 with an assessment after June 2021" test -n "$GONE"
bundle hapus "UPDATE anggota SET dihapus=1, diubah_pada='2021-06-01T00:00:00Z', disimpan_pada=$STORED
	WHERE id='$GONE'"
same "penilaian_anggota_dihapus: a member deleted before her assessment changed" hapus ditolak

# nik_ganda within the office, driven by a member: a member of G1 given the NIK of a member of
# G3 (the hub's own NIK check named G3 "of another office", not import's report).
OTHER=$(q "$WORK/a.db" "SELECT nik FROM anggota WHERE kelompok_id='$G3' AND jabatan='anggota' ORDER BY id LIMIT 1")
bundle nik "UPDATE anggota SET nik='$OTHER', diubah_pada='$(now)' WHERE id=(SELECT id FROM anggota
	WHERE kelompok_id='$G1' AND jabatan='anggota' ORDER BY id DESC LIMIT 1)"
same "nik_ganda: a NIK active in another group of the office" nik ditolak

# ---- controls: rules the seeds always covered --------------------------------------------------
# simpanan_minus: a withdrawal beyond a member's savings (every savings row of the cycle seeded).
SAVER=$(q "$WORK/a.db" "SELECT anggota_id || ',' || siklus_id FROM simpanan WHERE jenis='wajib' ORDER BY id LIMIT 1")
bundle tarik "INSERT INTO simpanan (id, siklus_id, anggota_id, tanggal, jenis, setor, tarik, diubah_pada)
	VALUES ('bbbbbbbb-0000-4000-8000-000000000005', '${SAVER#*,}', '${SAVER%,*}', '$TODAY', 'wajib', 0,
	99999999, '$(now)')"
same "control simpanan_minus: a withdrawal beyond the savings" tarik ditolak
# angsuran_lebih: a repayment beyond the loan (every repayment of the loan seeded).
LOAN=$(q "$WORK/a.db" "SELECT id FROM pinjaman ORDER BY id LIMIT 1")
bundle lebih "INSERT INTO angsuran (id, pinjaman_id, tanggal, pokok, jasa, diubah_pada)
	VALUES ('bbbbbbbb-0000-4000-8000-000000000006', '$LOAN', '$TODAY', 99999999, 0, '$(now)')"
same "control angsuran_lebih: a repayment beyond the loan" lebih ditolak
# pengurus_ganda: a second ketua of G3 (every member of the group seeded).
bundle ketua "UPDATE anggota SET jabatan='ketua', diubah_pada='$(now)' WHERE id=(SELECT id FROM anggota
	WHERE kelompok_id='$G3' AND jabatan='anggota' ORDER BY id LIMIT 1)"
same "control pengurus_ganda: a second ketua" ketua ditolak
# accepted: the expense the book covers, then A1 again (nothing changes)
same "saldo_minus: an expense the book's balance covers" keluar "ditambah 1, diperbarui 0, tidak berubah 0"
same "then A1 again" A1 "ditambah 0, diperbarui 0, tidak berubah $NA1"
finish
