#!/bin/sh
# baseline_import.sh BUNDLE DB [CACHE_KIB [MODE]] - the import baselines, timed by run.sh:
#   MODE schema (default): the same-schema baseline. The sqlite3 shell's .import reads each
#     CSV file of the bundle into a staging table, then one INSERT ... SELECT per table puts
#     the rows into SIKUBE's schema in DB (a copy of an empty SIKUBE database: the same
#     tables, indexes and constraints; empty cells become NULL), all in one transaction with
#     the page cache import uses. The triggers are dropped first: the kept summaries (saldo_kas,
#     migration 10) are SIKUBE's own work, so they count against SIKUBE, not in its favour (an
#     INSERT under a trigger also keeps a statement journal that spills to a file on a big
#     transaction: with them the baseline was as slow as SIKUBE and the ratio looked good).
#     No validation, no merge, no manifest or checksum check.
#   MODE plain: the schema-less baseline. .import of each file into a table of its own that
#     the shell makes from the header (text columns, no key, no index) in an empty DB: the
#     cost of reading the CSV and writing the rows, nothing more.
bundle=$1
db=$2
cache=${3:-16384}
mode=${4:-schema}
{
	echo "PRAGMA cache_size=-$cache;"
	if [ "$mode" = schema ]; then
		sqlite3 "$db" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_schema WHERE type='trigger'"
	fi
	echo "BEGIN;"
	for t in kelompok anggota penilaian pertemuan kehadiran kas siklus simpanan pinjaman \
		angsuran denda bagi_hasil; do
		[ -f "$bundle/$t.csv" ] || continue
		if [ "$mode" = plain ]; then
			echo ".import --csv $bundle/$t.csv $t"
			continue
		fi
		cols=$(head -n 1 "$bundle/$t.csv" | tr -d '\r')
		sel=$(echo "$cols" | tr ',' '\n' | sed "s/.*/NULLIF(\"&\",'')/" | paste -sd, -)
		echo ".import --csv --schema temp $bundle/$t.csv stg_$t"
		# The rates and limits travel as decimals and are stored in hundredths.
		sel=$(echo "$sel" | sed -e "s/NULLIF(\"jasa_persen_bulan\",'')/CAST(round(\"jasa_persen_bulan\" * 100) AS INTEGER)/" \
			-e "s/NULLIF(\"batas_pinjaman_kali\",'')/CAST(round(NULLIF(\"batas_pinjaman_kali\",'') * 100) AS INTEGER)/")
		echo "INSERT INTO $t($cols) SELECT $sel FROM temp.stg_$t;"
		echo "DROP TABLE temp.stg_$t;"
	done
	echo "COMMIT;"
} | sqlite3 -bail "$db"
