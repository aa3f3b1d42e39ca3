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
	for t in kelompok anggota penilaian pertemuan kehadiran kas siklus simpanan pinjaman \
		angsuran denda bagi_hasil; do
		[ -f "$bundle/$t.csv" ] || continue
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
