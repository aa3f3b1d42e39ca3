#!/bin/sh
# cli_migrate.sh - a database of schema 4 (the last released before format 2: the sample data
# as SIKUBE 6635419 stored it, region list cut to the sample's regions) upgrades by migration
# with nothing lost: every row kept, the ledger's order of entry (rowid) kept, check clean.
. "$(dirname "$0")/clilib.sh"
DB="$WORK/old.db"
{ zcat tests/data/schema4-sample.sql.gz; echo "PRAGMA user_version=4;"; } | sqlite3 "$DB"
chmod 600 "$DB"
check "the fixture is schema 4" test "$(sqlite3 "$DB" 'PRAGMA user_version')" = 4
count() { sqlite3 "$DB" "SELECT (SELECT count(*) FROM kelompok)||'/'||(SELECT count(*) FROM anggota)||'/'||
	(SELECT count(*) FROM penilaian)||'/'||(SELECT count(*) FROM pertemuan)||'/'||
	(SELECT count(*) FROM kehadiran)||'/'||(SELECT count(*) FROM kas)||'/'||(SELECT count(*) FROM tutup_kas)"; }
before=$(count)
order_before=$(sqlite3 "$DB" "SELECT group_concat(id) FROM (SELECT id FROM kas ORDER BY rowid)")
sum_before=$(sqlite3 "$DB" "SELECT sum(masuk-keluar) FROM kas WHERE dihapus=0")
expect_status 0 "check upgrades and passes" "$SIKUBE_BIN" --db "$DB" check
check "the schema is the newest" test "$(sqlite3 "$DB" 'PRAGMA user_version')" -ge 5
check "every row kept" test "$(count)" = "$before"
check "ledger rows keep their order of entry (rowid)" \
	test "$(sqlite3 "$DB" "SELECT group_concat(id) FROM (SELECT id FROM kas ORDER BY rowid)")" = "$order_before"
check "balances unchanged" test "$(sqlite3 "$DB" "SELECT sum(masuk-keluar) FROM kas WHERE dihapus=0")" = "$sum_before"
finish
