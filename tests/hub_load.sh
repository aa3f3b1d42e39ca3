#!/bin/sh
# hub_load.sh - `sikube hub load` and `hub export` against a private PostgreSQL cluster
# (tests/hublib.sh): offices' bundles loaded (the sample data, a generated kabupaten, a
# hostile-style bundle in Excel form), loading twice changes nothing, either order gives the
# same hub, a hub export of a region re-imports and exports to the bytes the office sent, an
# incremental bundle that names rows only the hub holds, an old bundle after a newer one, a
# bad bundle refused with import's own problem report and the hub untouched, a NIK active in
# two offices refused and named, ties kept as import keeps them, a group corrected into
# another province moving with all its rows.
. "$(dirname "$0")/clilib.sh"
. "$(dirname "$0")/hublib.sh"
hub_test_start
ok "private cluster started (socket in the test's folder, no TCP)"
check "the cluster listens on no TCP port" sh -c "! grep -q 'listening on IPv' '$PG_DATA/server.log'"

# dump CONNINFO: every hub data table (and the group figures and NIK index) as text.
dump() {
	for t in kelompok anggota penilaian pertemuan kehadiran kas ringkas nik_aktif; do
		hub_psql "$1" "SELECT '$t', md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')),
			count(*) FROM sikube.$t x"
	done
}
NOW=$(now)

# ---- the offices ----------------------------------------------------------------------------
# A: the sample data (Jakarta Pusat, 31.71). B: a generated kabupaten (Cilacap, 33.01).
new_db "$WORK/a.db" --sample
R --db "$WORK/a.db" export "$WORK/A1" >/dev/null 2>&1
# the bundle's data files, as its manifest lists them (every table of the format)
TABLES=$(sed -n 's/^baris\.\(.*\)\.csv,.*/\1/p' "$WORK/A1/manifest.csv")
new_db "$WORK/b.db"
"$GEN" --db "$WORK/b.db" --groups 3 --members 6 --years 1 --seed 7 2>/dev/null
R --db "$WORK/b.db" export "$WORK/B1" >/dev/null 2>&1
check "office bundles written" test -f "$WORK/A1/manifest.csv" -a -f "$WORK/B1/manifest.csv"
check "the bundle names its tables, the savings and loans too" sh -c "echo '$TABLES' | grep -qx kas && echo '$TABLES' | grep -qx pinjaman"

H1=$(hub_db h1)
expect_status 0 "hub load: the sample data" S hub load --pg "$H1" "$WORK/A1"
# every row of the sample's bundle (its manifest's counts: 465 rows in 7 files when written)
NA=$(awk -F, '/^baris\./ { n += $2 } END { print n + 0 }' "$WORK/A1/manifest.csv")
check "the sample bundle has rows" test "$NA" -ge 465
check "load says what it added" grep -q "A1: dimuat ke hub: ditambah $NA, diperbarui 0, tidak berubah 0" "$WORK/err"
check "schema created at version 4" test "$(hub_psql "$H1" 'SELECT max(versi) FROM sikube.versi_skema')" = 4
check "partitions made for the province that came (31) only" \
	test "$(hub_psql "$H1" "SELECT string_agg(k.relname, ',') FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent JOIN pg_class k ON k.oid = i.inhrelid WHERE c.relname = 'kelompok'")" = kelompok_p31
check "the groups sit in province 31's partition" test "$(hub_psql "$H1" 'SELECT count(*) FROM sikube.kelompok_p31')" = 5
check "attendance sits in province 31's partition" test "$(hub_psql "$H1" 'SELECT count(*) FROM sikube.kehadiran_p31')" = 284
dump "$H1" >"$WORK/h1.a"
expect_status 0 "hub load: the same bundle again" env SIKUBE_HUB_TIMES=1 "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/A1"
check "second load: nothing added or updated" grep -q "ditambah 0, diperbarui 0, tidak berubah $NA" "$WORK/err"
check "second load: every row is the hub's exactly, passed over unjudged" grep -qx "hub rows passed over: $NA (the hub has them exactly)" "$WORK/err"
check "every hub row has its fingerprint" test "$(hub_psql "$H1" "SELECT sum(n) FROM (SELECT count(*) n FROM sikube.kelompok WHERE sidik IS NULL UNION ALL SELECT count(*) FROM sikube.anggota WHERE sidik IS NULL UNION ALL SELECT count(*) FROM sikube.kehadiran WHERE sidik IS NULL UNION ALL SELECT count(*) FROM sikube.kas WHERE sidik IS NULL) x")" = 0
dump "$H1" >"$WORK/h1.b"
check "loading twice changes nothing" cmp -s "$WORK/h1.a" "$WORK/h1.b"
# the same judged whole, every row seeded and judged again (as any bundle that changes a row)
expect_status 0 "hub load: again, judged whole" env SIKUBE_HUB_SKIP=0 SIKUBE_HUB_TIMES=1 "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/A1"
check "judged whole: nothing added or updated" grep -q "ditambah 0, diperbarui 0, tidak berubah $NA" "$WORK/err"
check "judged whole: no row passed over" sh -c "! grep -q 'passed over' '$WORK/err'"
dump "$H1" >"$WORK/h1.b"
check "judged whole: nothing changed" cmp -s "$WORK/h1.a" "$WORK/h1.b"
# every seed as a big one (indexes and summary triggers dropped, built again: src/hub_seed.c)
expect_status 0 "hub load: again, every seed in bulk" env SIKUBE_HUB_SKIP=0 SIKUBE_HUB_BULK_SEED=1 "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/A1"
check "bulk seeds: nothing added or updated" grep -q "ditambah 0, diperbarui 0, tidak berubah $NA" "$WORK/err"
dump "$H1" >"$WORK/h1.b"
check "bulk seeds: nothing changed" cmp -s "$WORK/h1.a" "$WORK/h1.b"
expect_status 0 "hub load: the generated kabupaten" S hub load --pg "$H1" "$WORK/B1"
check "load log: one row per bundle, with the office (A1 four times, B1)" \
	test "$(hub_psql "$H1" "SELECT count(*) FROM sikube.muatan WHERE perangkat IS NOT NULL")" = 5

# ---- a hub export re-imports and exports to the bytes the office sent ---------------------------
expect_status 0 "hub export 31.71" S hub export --pg "$H1" --wilayah 31.71 "$WORK/X31"
check "hub export: manifest names the region" grep -qx 'kode_wilayah_kantor,31.71' "$WORK/X31/manifest.csv"
check "hub export: folder private" test "$(stat -c %a "$WORK/X31")" = 700
new_db "$WORK/x31.db"
expect_status 0 "hub export imports into an empty database" S --db "$WORK/x31.db" import "$WORK/X31"
expect_status 0 "and exports again" S --db "$WORK/x31.db" export "$WORK/X31b"
check "kabupaten 31.71: byte-identical to what office A sent" same_data "$WORK/A1" "$WORK/X31b"
check "the hub export itself is byte-identical too" same_data "$WORK/A1" "$WORK/X31"
expect_status 0 "hub export 33.01" S hub export --pg "$H1" --wilayah 33.01 "$WORK/X33"
new_db "$WORK/x33.db"
R --db "$WORK/x33.db" import "$WORK/X33" >/dev/null 2>&1
R --db "$WORK/x33.db" export "$WORK/X33b" >/dev/null 2>&1
check "kabupaten 33.01: byte-identical to what office B sent" same_data "$WORK/B1" "$WORK/X33b"
expect_status 0 "hub export of one village" S hub export --pg "$H1" --wilayah 31.71.08.1002 "$WORK/Xv"
check "a village's export holds its one group" test "$(grep -c '' "$WORK/Xv/kelompok.csv")" = 2
expect_status 0 "hub export of a province with no groups" S hub export --pg "$H1" --wilayah 11 "$WORK/Xe"
check "an empty region gives an empty bundle" test "$(grep -c '' "$WORK/Xe/kehadiran.csv")" = 1
expect_status 1 "hub export of an unknown region" S hub export --pg "$H1" --wilayah 31.99 "$WORK/Xu"
expect_status 2 "hub export of a malformed code" S hub export --pg "$H1" --wilayah 3171 "$WORK/Xu"

# ---- either order, overlapping offices --------------------------------------------------------
# A': another office holding A's data with one member edited later (a newer row).
cp "$WORK/a.db" "$WORK/a2.db"
M=$(sqlite3 "$WORK/a2.db" "SELECT id FROM anggota WHERE jabatan='anggota' ORDER BY id LIMIT 1")
sqlite3 "$WORK/a2.db" "UPDATE anggota SET telepon='081200000001', diubah_pada='$NOW' WHERE id='$M'"
R --db "$WORK/a2.db" export "$WORK/A2" >/dev/null 2>&1
expect_status 0 "overlapping office A' loaded" S hub load --pg "$H1" "$WORK/A2"
check "A': the newer member replaced the older" grep -q "diperbarui 1" "$WORK/err"
H2=$(hub_db h2)
expect_status 0 "second hub, other order: A', B, A" S hub load --pg "$H2" "$WORK/A2" "$WORK/B1" "$WORK/A1"
check "three units reported" test "$(grep -c 'dimuat ke hub' "$WORK/err")" = 3
S hub export --pg "$H1" --wilayah 31.71 "$WORK/O1" >/dev/null 2>&1
S hub export --pg "$H2" --wilayah 31.71 "$WORK/O2" >/dev/null 2>&1
check "either order: identical hub exports of 31.71" same_data "$WORK/O1" "$WORK/O2"
S hub export --pg "$H2" --wilayah 33.01 "$WORK/O3" >/dev/null 2>&1
check "either order: identical hub exports of 33.01" same_data "$WORK/X33" "$WORK/O3"
check "either order: manifests equal but for the time and the hub's id" \
	test "$(grep -v -e dibuat_pada -e perangkat "$WORK/O1/manifest.csv" | md5sum)" = "$(grep -v -e dibuat_pada -e perangkat "$WORK/O2/manifest.csv" | md5sum)"
check "either order: the same group figures" test "$(hub_psql "$H1" 'SELECT md5(string_agg(x::text, $$|$$ ORDER BY x::text)) FROM sikube.ringkas x')" = \
	"$(hub_psql "$H2" 'SELECT md5(string_agg(x::text, $$|$$ ORDER BY x::text)) FROM sikube.ringkas x')"

# ---- an old bundle after a newer one ------------------------------------------------------------
# A' swaps its ketua (two member rows, stamped now) and sends the change; the old full bundle
# A1, arriving late, must not be judged against the hub's new ketua with its old one.
G=$(sqlite3 "$WORK/a2.db" "SELECT kelompok_id FROM anggota WHERE jabatan='ketua' ORDER BY kelompok_id LIMIT 1")
K=$(sqlite3 "$WORK/a2.db" "SELECT id FROM anggota WHERE kelompok_id='$G' AND jabatan='ketua'")
N=$(sqlite3 "$WORK/a2.db" "SELECT id FROM anggota WHERE kelompok_id='$G' AND jabatan='anggota' AND dihapus=0 AND tanggal_keluar IS NULL ORDER BY id LIMIT 1")
T=$(now)
sqlite3 "$WORK/a2.db" "UPDATE anggota SET jabatan='anggota', diubah_pada='$T' WHERE id='$K';
	UPDATE anggota SET jabatan='ketua', diubah_pada='$T' WHERE id='$N'"
R --db "$WORK/a2.db" export --since-last "$WORK/A3" >/dev/null 2>&1
check "the ketua change travels in an incremental bundle" sh -c \
	"grep -q '^$K,.*,anggota,' '$WORK/A3/anggota.csv' && grep -q '^$N,.*,ketua,' '$WORK/A3/anggota.csv' && test \"\$(grep -c '' '$WORK/A3/kehadiran.csv')\" = 1"
expect_status 0 "hub load: the ketua change" S hub load --pg "$H1" "$WORK/A3"
dump "$H1" >"$WORK/h1.c"
expect_status 0 "hub load: the old full bundle after it" S hub load --pg "$H1" "$WORK/A1"
check "the old bundle changes nothing" grep -q "ditambah 0, diperbarui 0, tidak berubah $NA" "$WORK/err"
dump "$H1" >"$WORK/h1.d"
check "the hub keeps the newer ketua" cmp -s "$WORK/h1.c" "$WORK/h1.d"

# ---- an incremental bundle that names rows only the hub holds ------------------------------------
"$GEN" --db "$WORK/b.db" --add-week --seed 7 2>/dev/null
R --db "$WORK/b.db" export --since-last "$WORK/W1" >/dev/null 2>&1
check "the week's bundle holds meetings but no groups or members" \
	test "$(grep -c '' "$WORK/W1/kelompok.csv")" = 1 -a "$(grep -c '' "$WORK/W1/anggota.csv")" = 1 -a "$(grep -c '' "$WORK/W1/pertemuan.csv")" = 4
# (seeded in bulk: the importer then judges and writes with the summaries filled set-wise
# and their triggers made again)
expect_status 0 "hub load: the week (its groups and members are in the hub only)" env SIKUBE_HUB_BULK_SEED=1 "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/W1"
check "the week's rows added" grep -q "W1: dimuat ke hub: ditambah" "$WORK/err"
S hub export --pg "$H1" --wilayah 33.01 "$WORK/X33w" >/dev/null 2>&1
R --db "$WORK/b.db" export "$WORK/B2" >/dev/null 2>&1
check "after the week the hub holds what office B holds" same_data "$WORK/B2" "$WORK/X33w"
check "the group figures follow the week" test "$(hub_psql "$H1" "SELECT string_agg(kelompok_id || ' ' || pertemuan_terakhir, ',' ORDER BY kelompok_id) FROM sikube.ringkas WHERE prov = 33")" = \
	"$(sqlite3 "$WORK/b.db" "SELECT group_concat(g || ' ' || d, ',') FROM (SELECT kelompok_id g, max(tanggal) d FROM pertemuan WHERE dihapus=0 GROUP BY 1 ORDER BY 1)")"
# The same week into a hub that lacks its groups: refused exactly as import refuses it.
H3=$(hub_db h3)
expect_status 1 "the week alone into an empty hub: refused" S hub load --pg "$H3" "$WORK/W1" --report "$WORK/w1.hub.csv"
new_db "$WORK/empty.db"
expect_status 1 "the week alone into an empty office: refused" S --db "$WORK/empty.db" import "$WORK/W1" --report "$WORK/w1.imp.csv"
check "the same problem report as import" cmp -s "$WORK/w1.hub.csv" "$WORK/w1.imp.csv"
check "the problem report names rows" test "$(grep -c '' "$WORK/w1.hub.csv")" -gt 3
check "a refused bundle creates nothing but the schema" test "$(hub_psql "$H3" 'SELECT count(*) FROM sikube.kelompok') $(hub_psql "$H3" 'SELECT count(*) FROM sikube.muatan')" = "0 0"

# ---- a bad bundle: the hub untouched, import's own problem report -------------------------------
rm -rf "$WORK/BAD" && cp -r "$WORK/B2" "$WORK/BAD"
# a 15-digit NIK, and a ledger row posted from a meeting that exists nowhere
awk -F, -v OFS=, 'NR == 3 { $3 = substr($3, 2) } { print }' "$WORK/B2/anggota.csv" >"$WORK/BAD/anggota.csv"
awk -F, -v OFS=, 'NR == 4 { $10 = "99999999-9999-4999-8999-999999999999" } { print }' "$WORK/B2/kas.csv" >"$WORK/BAD/kas.csv"
fix_sums "$WORK/BAD"
dump "$H1" >"$WORK/h1.e"
expect_status 1 "hub load: a bad bundle is refused" S hub load --pg "$H1" "$WORK/BAD" --report "$WORK/bad.hub.csv"
check "the refusal is said" grep -q "BAD: ditolak: tidak ada data hub yang diubah" "$WORK/err"
dump "$H1" >"$WORK/h1.f"
check "a refused bundle leaves the hub unchanged" cmp -s "$WORK/h1.e" "$WORK/h1.f"
cp "$WORK/b.db" "$WORK/b_ref.db"
expect_status 1 "import of the bad bundle into the office: refused" S --db "$WORK/b_ref.db" import "$WORK/BAD" --report "$WORK/bad.imp.csv"
check "the hub's problem report is import's" cmp -s "$WORK/bad.hub.csv" "$WORK/bad.imp.csv"
check "both problems listed" grep -q ',nik,' "$WORK/bad.hub.csv"
check "the report masks the NIK" sh -c "! grep -Eq '[0-9]{15}' '$WORK/bad.hub.csv'"
# The bundle the hub has exactly with one more group row whose id is no UUID: judged whole
# (a row without a key is not the hub's), refused with import's own report.
rm -rf "$WORK/BAD2" && cp -r "$WORK/B2" "$WORK/BAD2"
sed -n 2p "$WORK/B2/kelompok.csv" | sed 's/^[^,]*,/bukan-uuid,/' >>"$WORK/BAD2/kelompok.csv"
sed -i "s/^baris\.kelompok\.csv,.*/baris.kelompok.csv,$(($(grep -c '' "$WORK/BAD2/kelompok.csv") - 1))/" "$WORK/BAD2/manifest.csv"
fix_sums "$WORK/BAD2"
# The bundle the hub has exactly with its manifest's checksum of one file wrong: every row
# is passed over first, the importer refuses the file (the unit is then judged again whole,
# src/hub_load.c); the report is import's own.
rm -rf "$WORK/BAD3" && cp -r "$WORK/B2" "$WORK/BAD3"
fix_sums "$WORK/BAD3"
sed -i "s/^sha256\.pertemuan\.csv,.*/sha256.pertemuan.csv,$(printf '%064d' 0)/" "$WORK/BAD3/manifest.csv"
for b in BAD2 BAD3; do
	expect_status 1 "hub load: the hub's own rows, $b: refused" env SIKUBE_HUB_TIMES=1 "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/$b" --report "$WORK/$b.hub.csv"
	cp "$WORK/err" "$WORK/$b.err"
	dump "$H1" >"$WORK/h1.f"
	check "... $b: the hub unchanged" cmp -s "$WORK/h1.e" "$WORK/h1.f"
	cp "$WORK/b.db" "$WORK/b_$b.db"
	expect_status 1 "import of $b into the office: refused" S --db "$WORK/b_$b.db" import "$WORK/$b" --report "$WORK/$b.imp.csv"
	check "... $b: the hub's problem report is import's" cmp -s "$WORK/$b.hub.csv" "$WORK/$b.imp.csv"
done
check "BAD2: judged whole at once (a row without a key)" sh -c "! grep -q 'passed over' '$WORK/BAD2.err'"
check "BAD2: the report names the bad id" grep -q 'bukan-uuid' "$WORK/BAD2.hub.csv"
check "BAD3: every row was the hub's (passed over first)" grep -q "hub rows passed over" "$WORK/BAD3.err"
check "BAD3: the report names the file whose checksum is wrong" grep -q 'pertemuan.csv' "$WORK/BAD3.hub.csv"
expect_status 1 "a bad bundle among good ones: the others load" S hub load --pg "$H3" "$WORK/BAD" "$WORK/A1"
check "... the good one loaded, the bad one refused" sh -c "grep -q 'A1: dimuat' '$WORK/err' && grep -q 'BAD: ditolak' '$WORK/err'"

# ---- one NIK, two offices ---------------------------------------------------------------------
# Office C (Bandung) registers a member whose NIK is active in office A's group.
NIK=$(sqlite3 "$WORK/a.db" "SELECT nik FROM anggota WHERE dihapus=0 AND tanggal_keluar IS NULL ORDER BY nik LIMIT 1")
GA=$(sqlite3 "$WORK/a.db" "SELECT k.nama || ' (' || k.kode || ') wilayah ' || k.kode_wilayah || ' ' || w.nama FROM anggota a JOIN kelompok k ON k.id=a.kelompok_id JOIN wilayah w ON w.kode=k.kode_wilayah WHERE a.nik='$NIK'")
mkdir -p "$WORK/cin"
printf 'id,nama,kode_wilayah,diubah_pada\n%s,KUBE Anggrek,32.73.01.1001,%s\n' \
	cccccccc-0000-4000-8000-000000000001 "$NOW" >"$WORK/cin/kelompok.csv"
printf 'id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,diubah_pada\n%s,%s,%s,3273011503100001,Cucu,P,ketua,%s\n' \
	cccccccc-0000-4000-8000-000000000002 cccccccc-0000-4000-8000-000000000001 "$NIK" "$NOW" >"$WORK/cin/anggota.csv"
new_db "$WORK/c.db"
expect_status 0 "office C registers its member (its own database sees no clash)" S --db "$WORK/c.db" import "$WORK/cin/kelompok.csv" "$WORK/cin/anggota.csv"
R --db "$WORK/c.db" export "$WORK/C1" >/dev/null 2>&1
dump "$H1" >"$WORK/h1.g"
expect_status 1 "hub load: office C's member with office A's NIK is refused" S hub load --pg "$H1" "$WORK/C1" --report "$WORK/nik.csv"
check "the clash names the row" grep -q "C1/anggota.csv,2,nik," "$WORK/nik.csv"
check "the clash names the other group and its region" grep -qF "$GA" "$WORK/nik.csv"
check "the NIK is masked" grep -q ",$(printf '%.6s' "$NIK")\*\*\*\*\*\*\*\*\*\*," "$WORK/nik.csv"
check "no full NIK anywhere in the report or the messages" sh -c "! grep -q '$NIK' '$WORK/nik.csv' '$WORK/err'"
dump "$H1" >"$WORK/h1.h"
check "the clash leaves the hub unchanged" cmp -s "$WORK/h1.g" "$WORK/h1.h"
H4=$(hub_db h4)
S hub load --pg "$H4" "$WORK/C1" >/dev/null 2>&1
expect_status 1 "other order: office A's bundle after C's is the one refused" S hub load --pg "$H4" "$WORK/A1" --report "$WORK/nik2.csv"
check "... naming office C's group" grep -qF "KUBE Anggrek" "$WORK/nik2.csv"
# The member leaves office A's group: office C's member is then welcome.
sqlite3 "$WORK/a2.db" "UPDATE anggota SET tanggal_keluar='$(date +%Y-%m-%d)', diubah_pada='$(now)' WHERE nik='$NIK'"
R --db "$WORK/a2.db" export --since-last "$WORK/A4" >/dev/null 2>&1
expect_status 0 "office A sends the member's leaving" S hub load --pg "$H1" "$WORK/A4"
expect_status 0 "after the member left office A, office C's member loads" S hub load --pg "$H1" "$WORK/C1"
check "the NIK index holds the active member only" \
	test "$(hub_psql "$H1" "SELECT a.nama FROM sikube.nik_aktif n JOIN sikube.anggota a ON a.id = n.anggota_id WHERE n.nik = '$NIK'")" = Cucu

# ---- ties: the hub keeps what import keeps ----------------------------------------------------
mkdir -p "$WORK/t1" "$WORK/t2"
printf 'id,nama,kode_wilayah,diubah_pada\n%s,KUBE Seri Satu,32.73.01.1001,2026-01-01T00:00:00Z\n' eeeeeeee-0000-4000-8000-000000000001 >"$WORK/t1/kelompok.csv"
printf 'id,nama,kode_wilayah,diubah_pada\n%s,KUBE Seri Dua,32.73.01.1001,2026-01-01T00:00:00Z\n' eeeeeeee-0000-4000-8000-000000000001 >"$WORK/t2/kelompok.csv"
for order in "t1 t2" "t2 t1"; do
	set -- $order
	H=$(hub_db "tie_$1")
	S hub load --pg "$H" "$WORK/$1/kelompok.csv" >/dev/null 2>&1
	S hub load --pg "$H" "$WORK/$2/kelompok.csv" >/dev/null 2>&1
	new_db "$WORK/tie_$1.db"
	R --db "$WORK/tie_$1.db" import "$WORK/$1/kelompok.csv" >/dev/null 2>&1
	R --db "$WORK/tie_$1.db" import "$WORK/$2/kelompok.csv" >/dev/null 2>&1
	check "tie, $1 then $2: the hub keeps what import keeps" test "$(hub_psql "$H" 'SELECT nama FROM sikube.kelompok')" = \
		"$(sqlite3 "$WORK/tie_$1.db" "SELECT nama FROM kelompok WHERE id='eeeeeeee-0000-4000-8000-000000000001'")"
done

# ---- ties converge on whole bundles: the same rows, the same stamps, other content -------------
# Office A'' holds A's rows with text changed but diubah_pada kept (the touch triggers dropped
# in its copy): some rows compare greater (they win), some smaller (A's stay). Two hubs load
# the bundles in either order; both equal import's own choice in either order.
cp "$WORK/a.db" "$WORK/at.db"
sqlite3 "$WORK/at.db" "DROP TRIGGER kelompok_diubah; DROP TRIGGER anggota_diubah;
	DROP TRIGGER pertemuan_diubah; DROP TRIGGER kas_diubah;
	UPDATE kelompok SET alamat = '~ ' || alamat WHERE id < '8';
	UPDATE kelompok SET alamat = '! ' || alamat WHERE id >= '8';
	UPDATE anggota SET catatan = '~' WHERE rowid % 3 = 0;
	UPDATE anggota SET alamat = '!' WHERE rowid % 3 = 1;
	UPDATE pertemuan SET agenda = '~ ' || agenda WHERE rowid % 2 = 0;
	UPDATE kas SET uraian = '! ' || uraian WHERE rowid % 2 = 0;
	UPDATE kas SET uraian = '~ ' || uraian WHERE rowid % 2 = 1"
R --db "$WORK/at.db" export "$WORK/AT" >/dev/null 2>&1
stamps() { sqlite3 "$1" "SELECT group_concat(s, ' ') FROM (SELECT diubah_pada s FROM kelompok UNION ALL SELECT diubah_pada FROM anggota UNION ALL SELECT diubah_pada FROM pertemuan UNION ALL SELECT diubah_pada FROM kas)"; }
check "A'': the same stamps as A's" test "$(stamps "$WORK/at.db")" = "$(stamps "$WORK/a.db")"
for order in "A1 AT" "AT A1"; do
	set -- $order
	H=$(hub_db "ties_$(echo "$1" | tr A-Z a-z)")
	expect_status 0 "ties: hub loads $1 then $2" S hub load --pg "$H" "$WORK/$1" "$WORK/$2"
	S hub export --pg "$H" --wilayah 31.71 "$WORK/TX_$1" >/dev/null 2>&1
	new_db "$WORK/ties_$1.db"
	R --db "$WORK/ties_$1.db" import "$WORK/$1" >/dev/null 2>&1
	R --db "$WORK/ties_$1.db" import "$WORK/$2" >/dev/null 2>&1
	R --db "$WORK/ties_$1.db" export "$WORK/TI_$1" >/dev/null 2>&1
	check "ties, $1 then $2: the hub holds what import holds" same_data "$WORK/TX_$1" "$WORK/TI_$1"
done
check "ties: either order gives the same hub" same_data "$WORK/TX_A1" "$WORK/TX_AT"
check "ties: either order gives the same office database" same_data "$WORK/TI_A1" "$WORK/TI_AT"
same_data "$WORK/TX_A1" "$WORK/A1" && nok "ties: A's rows all kept (A'' won none)"
same_data "$WORK/TX_A1" "$WORK/AT" && nok "ties: A'' won every row"
check "ties: the greater row won, in either bundle" sh -c \
	"grep -Eq '[,\"]~ Jl' '$WORK/TX_A1/kelompok.csv' && ! grep -Eq '[,\"]! Jl' '$WORK/TX_A1/kelompok.csv' &&
	 grep -Eq '[,\"]~ ' '$WORK/TX_A1/kas.csv' && ! grep -Eq '[,\"]! ' '$WORK/TX_A1/kas.csv' &&
	 grep -Eq '[,\"]~ ' '$WORK/TX_A1/pertemuan.csv'"

# ---- a hostile-style bundle, in Excel form -------------------------------------------------------
mkdir -p "$WORK/hin"
HG=ffffffff-0000-4000-8000-000000000001
cat >"$WORK/hin/kelompok.csv" <<EOF
id,kode,nama,kode_wilayah,alamat,jenis_usaha,tingkat,telepon_pendamping,iuran_kas,iuran_iks,catatan,diubah_pada,dihapus
$HG,H-01,"KUBE ""Tab"" \\N",32.73.01.1001,"Jl. A\\tB, RT 3
baris dua",produksi,maju,'+6281234567,5000,1000,"C:\\new\\table	with a tab",$NOW,0
EOF
cat >"$WORK/hin/anggota.csv" <<EOF
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,tanggal_lahir,rt,jabatan,terdaftar_dtsen,desil_dtsen,catatan,diubah_pada,dihapus
ffffffff-0000-4000-8000-000000000011,$HG,3273015208800001,3273011503100011,'=1+1,P,1980-08-12,003,ketua,1,2,'@SUM(A1),$NOW,0
ffffffff-0000-4000-8000-000000000012,$HG,3273011208800002,3273011503100012,Ñoño Đặng 王小明,L,1980-08-12,003,anggota,0,,"  spasi  ",$NOW,0
ffffffff-0000-4000-8000-000000000013,$HG,3273011208800003,3273011503100013,Dihapus,L,1980-08-12,003,anggota,0,,,$NOW,1
EOF
cat >"$WORK/hin/kas.csv" <<EOF
id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,pertemuan_id,membalik_id,diubah_pada,dihapus
ffffffff-0000-4000-8000-000000000021,$HG,2026-01-05,BKM-1,umum,bantuan,"-Salah ketik",900000000,0,,,$NOW,0
ffffffff-0000-4000-8000-000000000022,$HG,2026-01-06,BKK-1,umum,bantuan,Koreksi,0,900000000,,ffffffff-0000-4000-8000-000000000021,$NOW,0
EOF
new_db "$WORK/h.db"
expect_status 0 "office H takes the hostile-style rows" S --db "$WORK/h.db" import "$WORK/hin/kelompok.csv" "$WORK/hin/anggota.csv" "$WORK/hin/kas.csv"
R --db "$WORK/h.db" export "$WORK/HP" >/dev/null 2>&1
R --db "$WORK/h.db" export --excel "$WORK/HX" >/dev/null 2>&1
expect_status 0 "hub load: the hostile-style bundle in Excel form" S hub load --pg "$H1" "$WORK/HX"
S hub export --pg "$H1" --wilayah 32.73.01.1001 "$WORK/XH" >/dev/null 2>&1
grep -v "^cccccccc" "$WORK/XH/kelompok.csv" >"$WORK/XH/k" && mv "$WORK/XH/k" "$WORK/XH/kelompok.csv"
grep -v "^cccccccc" "$WORK/XH/anggota.csv" >"$WORK/XH/a" && mv "$WORK/XH/a" "$WORK/XH/anggota.csv"
check "quotes, backslashes, tabs, new lines, guards and deletions survive the hub" same_data "$WORK/HP" "$WORK/XH"

# ---- a group corrected into another province moves with all its rows -------------------------
MG=$(sqlite3 "$WORK/b.db" "SELECT id FROM kelompok ORDER BY id LIMIT 1")
ROWS=$(hub_psql "$H1" "SELECT count(*) FROM sikube.kehadiran k JOIN sikube.pertemuan p ON p.id = k.pertemuan_id AND p.prov = k.prov WHERE p.kelompok_id = '$MG'")
sqlite3 "$WORK/b.db" "UPDATE kelompok SET kode_wilayah='31.71.08.1002', diubah_pada='$(now)' WHERE id='$MG'"
R --db "$WORK/b.db" export --since-last "$WORK/MV" >/dev/null 2>&1
# (rows stamped in the second of the previous export come again: --since-last sends more, never
# fewer; they change nothing)
check "the move's bundle brings the group row only, not its history" sh -c \
	"test \"\$(grep -c '' '$WORK/MV/kelompok.csv')\" = 2 && grep -q '^$MG,' '$WORK/MV/kelompok.csv' && test \"\$(grep -c '' '$WORK/MV/kehadiran.csv')\" -lt $ROWS"
expect_status 0 "hub load: the group moved to province 31" S hub load --pg "$H1" "$WORK/MV"
check "the group is in province 31 only" test "$(hub_psql "$H1" "SELECT string_agg(prov::text, ',') FROM sikube.kelompok WHERE id = '$MG'")" = 31
check "its attendance moved with it" test "$(hub_psql "$H1" "SELECT count(*) FROM sikube.kehadiran_p31 k JOIN sikube.pertemuan_p31 p ON p.id = k.pertemuan_id WHERE p.kelompok_id = '$MG'")" = "$ROWS"
for t in anggota pertemuan kas; do
	check "no $t row left behind in province 33" test "$(hub_psql "$H1" "SELECT count(*) FROM sikube.$t WHERE kelompok_id = '$MG' AND prov <> 31")" = 0
done
check "its figures moved" test "$(hub_psql "$H1" "SELECT string_agg(prov::text, ',') FROM sikube.ringkas WHERE kelompok_id = '$MG'")" = 31
check "its members' NIKs point at province 31" test "$(hub_psql "$H1" "SELECT count(*) FROM sikube.nik_aktif n JOIN sikube.anggota a ON a.id = n.anggota_id WHERE a.kelompok_id = '$MG' AND n.prov <> 31")" = 0
S hub export --pg "$H1" --wilayah 33.01 "$WORK/M33" >/dev/null 2>&1
S hub export --pg "$H1" --wilayah 31.71.08.1002 "$WORK/M31" >/dev/null 2>&1
check "the kabupaten it left no longer exports it" sh -c "! grep -q '^$MG' '$WORK/M33/kelompok.csv'"
new_db "$WORK/m.db"
R --db "$WORK/m.db" import "$WORK/M31" "$WORK/M33" >/dev/null 2>&1
R --db "$WORK/m.db" export "$WORK/MB" >/dev/null 2>&1
R --db "$WORK/b.db" export "$WORK/B3" >/dev/null 2>&1
check "the two regions' exports together are what office B holds (and A's Kampung Rawa group)" \
	test "$(grep -c '' "$WORK/MB/kehadiran.csv")" = "$(($(grep -c '' "$WORK/B3/kehadiran.csv") + $(grep -c "$(sqlite3 "$WORK/a.db" "SELECT group_concat(id, '\|') FROM pertemuan WHERE kelompok_id IN (SELECT id FROM kelompok WHERE kode_wilayah='31.71.08.1002')")" "$WORK/A1/kehadiran.csv")))"

# ---- every row in its group's province; no key twice ------------------------------------------
for t in anggota pertemuan kas; do
	check "$t: every row in its group's province" test "$(hub_psql "$H1" "SELECT count(*) FROM sikube.$t x LEFT JOIN sikube.kelompok g ON g.id = x.kelompok_id AND g.prov = x.prov WHERE g.id IS NULL")" = 0
done
check "kehadiran: every row in its meeting's province" test "$(hub_psql "$H1" "SELECT count(*) FROM sikube.kehadiran x LEFT JOIN sikube.pertemuan p ON p.id = x.pertemuan_id AND p.prov = x.prov WHERE p.id IS NULL")" = 0
for t in kelompok anggota penilaian pertemuan kas; do
	check "$t: no id in two partitions" test "$(hub_psql "$H1" "SELECT count(*) FROM (SELECT id FROM sikube.$t GROUP BY id HAVING count(*) > 1) x")" = 0
done

# ---- a load stopped midway leaves no staging files (they hold NIKs) ----------------------------
# Another session holds the load lock (until it is ended below), so the load waits with its
# staging database made.
mkdir -p "$WORK/tmp"
psql -X -q -d "$H1" -c "SELECT pg_advisory_lock(x'5355424b45000002'::bigint), pg_sleep(600)" >/dev/null 2>&1 &
LOCKER=$!
i=0
until [ "$(hub_psql "$H1" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] || [ $i -ge 200 ]; do sleep 0.05; i=$((i + 1)); done
TMPDIR="$WORK/tmp" "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/A1" >/dev/null 2>&1 &
LOADER=$!
i=0
until [ "$(hub_psql "$H1" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")" = 1 ] || [ $i -ge 400 ]; do sleep 0.05; i=$((i + 1)); done
check "the load waits for the lock with its staging database made" sh -c "ls '$WORK'/tmp/sikube-hub-*/stage.db >/dev/null 2>&1"
kill -TERM "$LOADER"
wait "$LOADER"
check "the stopped load ended by its signal" test $? -gt 128
check "no staging folder or file left behind" test -z "$(ls -A "$WORK/tmp")"
# the same when its output pipe is closed (`hub load ... | head`: SIGPIPE)
TMPDIR="$WORK/tmp" "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/A1" >/dev/null 2>&1 &
LOADER=$!
i=0
until { ls "$WORK"/tmp/sikube-hub-*/stage.db >/dev/null 2>&1 && [ "$(hub_psql "$H1" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")" = 1 ]; } || [ $i -ge 1200 ]; do sleep 0.05; i=$((i + 1)); done
check "a second load waits with its staging database made" sh -c "ls '$WORK'/tmp/sikube-hub-*/stage.db >/dev/null 2>&1"
kill -PIPE "$LOADER"
wait "$LOADER"
check "the load ended by SIGPIPE" test $? = $((128 + 13))
check "no staging folder or file left behind (SIGPIPE)" test -z "$(ls -A "$WORK/tmp")"
hub_psql "$PG_ADMIN" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(600)%' AND pid <> pg_backend_pid()" >/dev/null
wait "$LOCKER" 2>/dev/null
expect_status 0 "the next load runs" S hub load --pg "$H1" "$WORK/A1"

# ---- usage and connection ---------------------------------------------------------------------
expect_status 2 "no --pg and no SIKUBE_PG" env -u SIKUBE_PG "$SIKUBE_BIN" hub load "$WORK/A1"
check "... says how to name the hub" grep -q "pakai --pg URL atau \$SIKUBE_PG" "$WORK/err"
expect_status 2 "an unreachable hub" S hub load --pg "host=$WORK/nowhere dbname=x" "$WORK/A1"
check "... says PostgreSQL's reason" grep -q "PostgreSQL:" "$WORK/err"
expect_status 0 "SIKUBE_PG is the default" env SIKUBE_PG="$H1" "$SIKUBE_BIN" hub load "$WORK/A1"
expect_status 0 "--pg=URL form" S hub load "--pg=$H1" "$WORK/A1"
expect_status 0 "options after the paths" S hub load "$WORK/A1" --pg "$H1"
# The staging template (schema and region list, no one's data) is kept in the user's cache
# folder unless SIKUBE_HUB_CACHE names another or is empty.
mkdir -p "$WORK/home"
expect_status 0 "no SIKUBE_HUB_CACHE: loads" env -u SIKUBE_HUB_CACHE HOME="$WORK/home" XDG_CACHE_HOME= "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/A1"
check "... the template kept in ~/.cache/sikube, private" sh -c "ls '$WORK/home/.cache/sikube/'hub-stage-*.db >/dev/null && test \"\$(stat -c %a '$WORK/home/.cache/sikube')\" = 700"
expect_status 0 "SIKUBE_HUB_CACHE empty: loads" env SIKUBE_HUB_CACHE= HOME="$WORK/home2" "$SIKUBE_BIN" hub load --pg "$H1" "$WORK/A1"
check "... and keeps no template" test ! -e "$WORK/home2"
expect_status 2 "a missing path" S hub load --pg "$H1" "$WORK/nothing"
expect_status 2 "an unknown hub command" S hub frobnicate
expect_status 0 "hub --help" S hub --help
check "hub --help lists the three commands" sh -c "grep -q 'hub load' '$WORK/out' && grep -q 'hub report' '$WORK/out' && grep -q 'hub export' '$WORK/out'"
finish
