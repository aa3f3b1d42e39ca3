#!/bin/sh
# baseline_import.sh BUNDLE DB - the import baseline: the sqlite3 shell's .import reads each
# CSV file of the bundle into a staging table, then one INSERT ... SELECT per table puts the
# rows into SIKUBE's schema in DB (same tables, indexes, constraints; empty cells become
# NULL), all in one transaction with the page cache import uses. No validation, no merge, no
# manifest or checksum check: what SIKUBE's import does on top of this is its own cost.
bundle=$1
db=$2
cache=${3:-16384}
{
	echo "PRAGMA cache_size=-$cache;"
	echo "BEGIN;"
	for t in kelompok anggota penilaian pertemuan kehadiran kas; do
		cols=$(head -n 1 "$bundle/$t.csv" | tr -d '\r')
		sel=$(echo "$cols" | tr ',' '\n' | sed "s/.*/NULLIF(\"&\",'')/" | paste -sd, -)
		echo ".import --csv --schema temp $bundle/$t.csv stg_$t"
		echo "INSERT INTO $t($cols) SELECT $sel FROM temp.stg_$t;"
		echo "DROP TABLE temp.stg_$t;"
	done
	echo "COMMIT;"
} | sqlite3 -bail "$db"
