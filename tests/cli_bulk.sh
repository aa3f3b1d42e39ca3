#!/bin/sh
# cli_bulk.sh - an import big enough to take the bulk path (secondary indexes dropped while
# the rows go in, built again before commit) gives the same rows and the same schema as the
# source; a bundle refused after the indexes were dropped leaves the database as it was,
# indexes included; --valid-only commits the rest with every index back.
. "$(dirname "$0")/clilib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
GEN=${SIKUBE_GEN:-$(dirname "$SIKUBE_BIN")/bench-gen}
[ -x "$GEN" ] || GEN=build/release/bench-gen
A="$WORK/a.db"

# 4 groups x 15 members x 4 years of weekly meetings: 12,480 attendance rows.
check "generate 4 groups with 4 years of meetings" "$GEN" --db "$A" --groups 4 --years 4
expect_status 0 "export the bundle" "$SIKUBE_BIN" --db "$A" export "$WORK/bundle"

schema() { sqlite3 "$1" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"; }
expect_status 0 "create an empty database" "$SIKUBE_BIN" --db "$WORK/empty.db" init
schema "$WORK/empty.db" >"$WORK/schema.want"

cp "$WORK/empty.db" "$WORK/b.db"
expect_status 0 "import the bundle into the empty database" "$SIKUBE_BIN" --db "$WORK/b.db" import "$WORK/bundle"
exchanged_rows "$A" >"$WORK/data.want"
exchanged_rows "$WORK/b.db" >"$WORK/data.got"
check "the same rows as the source" cmp -s "$WORK/data.want" "$WORK/data.got"
schema "$WORK/b.db" >"$WORK/schema.got"
check "the same schema as a new database (every index built again)" cmp -s "$WORK/schema.want" "$WORK/schema.got"
check "integrity_check ok" test "$(sqlite3 "$WORK/b.db" 'PRAGMA integrity_check')" = ok
expect_status 0 "sikube check passes" "$SIKUBE_BIN" --db "$WORK/b.db" check
check "the attendance index answers" test "$(sqlite3 "$WORK/b.db" "SELECT count(*) FROM kehadiran INDEXED BY kehadiran_anggota WHERE anggota_id > ''")" = 12480
expect_status 0 "importing it again changes nothing" "$SIKUBE_BIN" --db "$WORK/b.db" import "$WORK/bundle"
# 15,360 rows before savings and loans, and the generator's cycles: 4 cycles, 2,640 savings,
# 60 loans, 720 repayments and their 3,420 ledger rows.
check "no row added the second time" grep -q "ditambah 0, diperbarui 0, tidak berubah 22204" "$WORK/out" "$WORK/err"

# One cash row names a meeting that exists nowhere: refused at the end of the last file,
# after kehadiran's indexes were dropped.
cp "$A" "$WORK/c.db"
sqlite3 "$WORK/c.db" "UPDATE kas SET pertemuan_id='00000000-0000-4000-8000-000000000000' WHERE rowid=(SELECT max(rowid) FROM kas)"
expect_status 0 "export the bundle with the bad row" "$SIKUBE_BIN" --db "$WORK/c.db" export "$WORK/bad"
cp "$WORK/empty.db" "$WORK/d.db"
expect_status 1 "the bundle is refused" "$SIKUBE_BIN" --db "$WORK/d.db" import "$WORK/bad"
check "the problem names the row" grep -q "Pertemuan tidak ditemukan" "$WORK/err"
check "nothing imported" test "$(sqlite3 "$WORK/d.db" 'SELECT count(*) FROM kehadiran')" = 0
schema "$WORK/d.db" >"$WORK/schema.got"
check "every index still there after the refusal" cmp -s "$WORK/schema.want" "$WORK/schema.got"

# An attendance row names a member that exists nowhere. Into an empty database the lean pass
# runs with SQLite's foreign keys off and looks for such rows set-wise before its commit
# (foreign_key_check over the tables it wrote); it then imports again carefully, which names
# the row exactly as a row-by-row lookup does.
cp "$A" "$WORK/e.db"
ghost=00000000-0000-4000-8000-00000000abcd
sqlite3 "$WORK/e.db" "UPDATE kehadiran SET anggota_id='$ghost' WHERE (pertemuan_id, anggota_id) =
	(SELECT pertemuan_id, anggota_id FROM kehadiran ORDER BY 1, 2 LIMIT 1 OFFSET 6000)"
expect_status 0 "export the bundle with an attendance row of nobody" "$SIKUBE_BIN" --db "$WORK/e.db" export "$WORK/bad2"
line=$(grep -n "$ghost" "$WORK/bad2/kehadiran.csv" | cut -d: -f1)
cp "$WORK/empty.db" "$WORK/f.db"
expect_status 1 "the bundle is refused" "$SIKUBE_BIN" --db "$WORK/f.db" import "$WORK/bad2"
check "the problem names the attendance row, its line and column" \
	grep -q "kehadiran.csv,$line,anggota_id,$ghost,Anggota tidak ditemukan." "$WORK/err"
check "one problem only" test "$(grep -c "tidak ditemukan" "$WORK/err")" = 1
check "nothing imported from it" test "$(sqlite3 "$WORK/f.db" 'SELECT count(*) FROM kehadiran')" = 0
check "back in WAL after the refusal" test "$(sqlite3 "$WORK/f.db" 'PRAGMA journal_mode')" = wal

# One attendance row's IKS dues differ from what its meeting posted into the IKS book, the
# cash dues agreeing. The bulk pass asks both dues rules at once over every meeting (one
# query, check_rules.c ANY_TOGETHER): the second rule's break alone must still be found and
# named by the careful pass.
cp "$A" "$WORK/g.db"
sqlite3 "$WORK/g.db" "UPDATE kehadiran SET iuran_iks=iuran_iks+500 WHERE (pertemuan_id, anggota_id) =
	(SELECT pertemuan_id, anggota_id FROM kehadiran WHERE dihapus=0 ORDER BY 1, 2 LIMIT 1 OFFSET 7000)"
expect_status 0 "export the bundle with IKS dues not posted" "$SIKUBE_BIN" --db "$WORK/g.db" export "$WORK/bad3"
cp "$WORK/empty.db" "$WORK/h.db"
expect_status 1 "the bundle is refused" "$SIKUBE_BIN" --db "$WORK/h.db" import "$WORK/bad3"
check "the problem is the IKS dues of that meeting" grep -q "iuran IKS hadir Rp" "$WORK/err"
check "not the cash dues" test "$(grep -c "iuran kas hadir" "$WORK/err")" = 0
check "nothing imported from it" test "$(sqlite3 "$WORK/h.db" 'SELECT count(*) FROM kehadiran')" = 0

# Each reference by itself: the lean pass checks every reference of every table it wrote with
# a query of its own (import.c, imp_orphan_sql: the column's distinct values through its
# index); one row of each naming a parent that exists nowhere must still ask for the careful
# pass, which names that row. One group over four years: 6,000 rows, enough for the lean pass.
# The nineteen imports run the release build (the sanitizer build took the same path above).
REL=$(cd "$(dirname "$0")/.." && pwd)/sikube
[ -x "$REL" ] || REL=$SIKUBE_BIN
check "generate 1 group with 4 years of meetings" "$GEN" --db "$WORK/r.db" --groups 1 --years 4
refs=0
for ref in anggota.kelompok_id penilaian.anggota_id pertemuan.kelompok_id \
	kehadiran.pertemuan_id kehadiran.anggota_id kas.kelompok_id kas.pertemuan_id \
	kas.membalik_id siklus.kelompok_id simpanan.siklus_id simpanan.anggota_id \
	simpanan.pertemuan_id simpanan.membalik_id pinjaman.siklus_id pinjaman.anggota_id \
	pinjaman.pertemuan_id angsuran.pinjaman_id angsuran.pertemuan_id angsuran.membalik_id; do
	t=${ref%.*} col=${ref#*.}
	file=$t.csv
	cp "$WORK/r.db" "$WORK/r1.db"
	key=$(sqlite3 "$WORK/r1.db" "SELECT group_concat(name) FROM pragma_table_info('$t') WHERE pk>0 ORDER BY pk")
	sqlite3 "$WORK/r1.db" "UPDATE $t SET $col='$ghost' WHERE ($key) IN (SELECT $key FROM $t ORDER BY $key LIMIT 1 OFFSET (SELECT min(7, count(*) - 1) FROM $t))"
	rm -rf "$WORK/rb"
	"$REL" --db "$WORK/r1.db" export "$WORK/rb" >/dev/null 2>&1
	line=$(grep -n "$ghost" "$WORK/rb/$file" | cut -d: -f1)
	cp "$WORK/empty.db" "$WORK/r2.db"
	"$REL" --db "$WORK/r2.db" import "$WORK/rb" >"$WORK/out" 2>"$WORK/err"
	st=$?
	if [ "$st" -eq 1 ] && [ -n "$line" ] && grep -q "$file,$line,$col,$ghost," "$WORK/err" &&
		[ "$(sqlite3 "$WORK/r2.db" "SELECT count(*) FROM $t")" = 0 ]; then
		refs=$((refs + 1))
	else
		nok "$ref naming a parent that exists nowhere: refused, the row named (exit $st, line $line)"
		sed 's/^/    /' "$WORK/err" | head -5
	fi
done
check "each of the 19 references: the bundle refused, its row named, nothing imported" test "$refs" = 19

# A savings posting booked in another category. The bulk pass asks the rules of the ledger
# against its sources over a sorted copy of the postings (check_rules.c, COPIES): the break
# must still be found there, and named by the careful pass as `sikube check` names it.
cp "$A" "$WORK/i.db"
sqlite3 "$WORK/i.db" "UPDATE kas SET kategori='lainnya' WHERE id=(SELECT min(id) FROM kas WHERE kategori='simpanan' AND dihapus=0)"
expect_status 1 "check finds the posting in another category" "$SIKUBE_BIN" --db "$WORK/i.db" check
check "check names it" grep -q "^Baris kas .* dibukukan dari .*kategori lainnya" "$WORK/out"
expect_status 0 "export the bundle with it" "$SIKUBE_BIN" --db "$WORK/i.db" export "$WORK/bad4"
cp "$WORK/empty.db" "$WORK/j.db"
expect_status 1 "the bundle is refused" "$SIKUBE_BIN" --db "$WORK/j.db" import "$WORK/bad4"
check "the problem names the posting's source column" grep -q "kas.csv,[0-9]*,sumber_id,.*kategori lainnya" "$WORK/err"
check "nothing imported from it" test "$(sqlite3 "$WORK/j.db" 'SELECT count(*) FROM kas')" = 0

expect_status 1 "--valid-only imports the rest" "$SIKUBE_BIN" --db "$WORK/d.db" import --valid-only "$WORK/bad"
check "all attendance rows in" test "$(sqlite3 "$WORK/d.db" 'SELECT count(*) FROM kehadiran')" = 12480
check "the bad cash row left out" test "$(sqlite3 "$WORK/d.db" 'SELECT count(*) FROM kas')" = "$(($(sqlite3 "$A" 'SELECT count(*) FROM kas') - 1))"
schema "$WORK/d.db" >"$WORK/schema.got"
check "every index there after --valid-only" cmp -s "$WORK/schema.want" "$WORK/schema.got"
check "integrity_check ok after --valid-only" test "$(sqlite3 "$WORK/d.db" 'PRAGMA integrity_check')" = ok
finish
