#!/bin/sh
# cli_backup.sh - `sikube backup FILE`: consistent copy, private, works while another copy writes.
. "$(dirname "$0")/clilib.sh"
DB="$WORK/t.db"
"$SIKUBE_BIN" --db "$DB" init --sample >/dev/null 2>&1 || "$SIKUBE_BIN" --db "$DB" init >/dev/null 2>&1
expect_status 0 "backup" "$SIKUBE_BIN" --db "$DB" backup "$WORK/copy.db"
check "backup is private (0600)" test "$(stat -c %a "$WORK/copy.db")" = 600
check "backup passes integrity check" test "$(sqlite3 "$WORK/copy.db" 'PRAGMA integrity_check')" = ok
check "backup holds the regions" test "$(sqlite3 "$WORK/copy.db" 'SELECT count(*) FROM wilayah')" = 91599
check "backup holds the groups" test "$(sqlite3 "$WORK/copy.db" 'SELECT count(*) FROM kelompok')" = "$(sqlite3 "$DB" 'SELECT count(*) FROM kelompok')"
check "backup is one self-contained file" test ! -e "$WORK/copy.db-wal"
# Another program holds a write transaction open while the backup runs.
# The writer is fed through a FIFO: its transaction is open (the write lock held, checked)
# before the backup starts and commits only after the backup has ended, however slow the
# machine.
mkfifo "$WORK/writer.fifo"
sqlite3 "$DB" <"$WORK/writer.fifo" >"$WORK/writer.out" 2>&1 &
writer=$!
exec 8>"$WORK/writer.fifo"
echo ".timeout 10000" >&8
echo "BEGIN IMMEDIATE; INSERT INTO pengaturan VALUES('tes','1','2026-01-01T00:00:00Z');" >&8
i=0
while sqlite3 "$DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "the other program holds its write transaction open" test "$i" -lt 300
expect_status 0 "backup while another copy writes" "$SIKUBE_BIN" --db "$DB" backup "$WORK/copy2.db"
echo "COMMIT;" >&8
exec 8>&-
wait "$writer"
check "the copy is consistent (no half transaction)" test "$(sqlite3 "$WORK/copy2.db" "SELECT count(*) FROM pengaturan WHERE kunci='tes'")" = 0
check "the writer's transaction landed" test "$(sqlite3 "$DB" "SELECT count(*) FROM pengaturan WHERE kunci='tes'")" = 1
expect_status 1 "backup into a missing folder is refused" "$SIKUBE_BIN" --db "$DB" backup "$WORK/no/such/dir/x.db"
expect_status 2 "backup needs a file name" "$SIKUBE_BIN" --db "$DB" backup
expect_status 2 "backup of a missing database" "$SIKUBE_BIN" --db "$WORK/missing.db" backup "$WORK/x.db"
finish
