#!/bin/sh
# robust_hostile.sh - hostile bundles and files, as an adversary would make them (issue 10,
# spec/bundle.md "Merging"). Most bundles are made by editing a copy of the sample database
# behind SIKUBE's back (sqlite3) and exporting it, so that their checksums are right and the
# rows themselves are what is wrong; the rest are written by hand. Each is imported into a
# copy of the sample database: refused whole (exit 1), the report naming file, line, column
# and reason, the database unchanged and `sikube check` still clean. Each accepted one is
# exported again and that bundle imported into an empty database (exit 0). Then files that
# are not regular files, symlinks planted where SIKUBE writes, two exports into one folder,
# identity numbers in free text and messages, damaged and empty databases, stale backup
# temporaries and the manifest's format_version.
. "$(dirname "$0")/clilib.sh"
S=$SIKUBE_BIN
SAMPLE="$WORK/sample.db"
new_db "$SAMPLE" --sample
sqlite3 "$SAMPLE" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
"$S" --db "$SAMPLE" export "$WORK/full" >/dev/null 2>&1
check "the sample database and its bundle" test -f "$WORK/full/manifest.csv"
mkdir -p "$WORK/b" "$WORK/db" "$WORK/r"

q() { sqlite3 "$SAMPLE" "$1"; }
G1=$(q "SELECT id FROM kelompok WHERE nama='KUBE Melati 3'")
G2=$(q "SELECT id FROM kelompok WHERE nama='KUBE Mawar'")
SALE=$(q "SELECT id FROM kas WHERE kelompok_id='$G1' AND buku='umum' AND kategori='penjualan' ORDER BY tanggal LIMIT 1")
SALE_AMT=$(q "SELECT masuk FROM kas WHERE id='$SALE'")
SALE2=$(q "SELECT id FROM kas WHERE kelompok_id='$G2' AND buku='umum' AND kategori='penjualan' LIMIT 1")
SALE2_AMT=$(q "SELECT masuk FROM kas WHERE id='$SALE2'")
M1=$(q "SELECT p.id FROM pertemuan p WHERE p.kelompok_id='$G1' AND EXISTS (SELECT 1 FROM kehadiran h WHERE h.pertemuan_id=p.id AND h.iuran_kas>0) ORDER BY p.tanggal LIMIT 1")
A1=$(q "SELECT anggota_id FROM kehadiran WHERE pertemuan_id='$M1' AND iuran_kas>0 ORDER BY anggota_id LIMIT 1")
M2=$(q "SELECT id FROM pertemuan WHERE kelompok_id='$G2' ORDER BY tanggal LIMIT 1")
B1=$(q "SELECT id FROM anggota WHERE kelompok_id='$G2' AND jabatan='anggota' AND dihapus=0 ORDER BY id LIMIT 1")
check "sample rows to work on" test -n "$G1" -a -n "$G2" -a -n "$SALE" -a -n "$SALE2" -a -n "$M1" -a -n "$A1" -a -n "$M2" -a -n "$B1"
T1=2026-11-28T00:00:00Z
T2=2026-11-29T00:00:00Z
uuid() { cat /proc/sys/kernel/random/uuid; }
KAS="INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,masuk,keluar,pertemuan_id,membalik_id,diubah_pada)"

dump() { sqlite3 "$1" .dump | sha256sum; }
quiet() { "$@" >/dev/null 2>&1; }
# scratch NAME SQL: a bundle $WORK/b/NAME exported from a copy of the sample changed by SQL.
scratch() {
	cp "$SAMPLE" "$WORK/db/s-$1.db"
	sqlite3 "$WORK/db/s-$1.db" "PRAGMA foreign_keys=OFF; $2" || nok "$1: the edit applies"
	"$S" --db "$WORK/db/s-$1.db" export "$WORK/b/$1" >/dev/null 2>"$WORK/err" ||
		{ nok "$1: the changed database exports"; cat "$WORK/err"; }
}
# csv_rows FILE: data records (a quoted field may hold line ends).
csv_rows() { awk '{ c = gsub(/"/, "\""); q = (q + c) % 2; if (!q) n++ } END { print n - 1 }' "$1"; }
# fix_manifest DIR: row counts and checksums of every listed file made right again.
fix_manifest() {
	for f in "$1"/*.csv; do
		b=$(basename "$f")
		[ "$b" = manifest.csv ] && continue
		sed -i "s/^baris\.$b,.*/baris.$b,$(csv_rows "$f")/; s/^sha256\.$b,.*/sha256.$b,$(sha256sum "$f" | cut -d' ' -f1)/" "$1/manifest.csv"
	done
}
# by_hand NAME FILE ROW...: a bundle $WORK/b/NAME like the sample's with ROWs added to FILE.
by_hand() {
	bh=$1; file=$2; shift 2
	rm -rf "$WORK/b/$bh"
	cp -r "$WORK/full" "$WORK/b/$bh"
	for row in "$@"; do printf '%s\n' "$row" >>"$WORK/b/$bh/$file"; done
	fix_manifest "$WORK/b/$bh"
}
# refused NAME FILE WORDS: importing $WORK/b/NAME into a copy of the sample is refused whole,
# the report naming FILE (berkas, a line) and WORDS (an extended regular expression).
refused() {
	case_=$1; file=$2; words=$3
	db="$WORK/db/$case_.db"
	cp "$SAMPLE" "$db"
	before=$(dump "$db")
	timeout 120 "$S" --db "$db" import "$WORK/b/$case_" --report "$WORK/r/$case_.csv" >/dev/null 2>"$WORK/err"
	st=$?
	if [ "$st" -eq 1 ]; then ok "$case_: refused (exit 1)"; else nok "$case_: refused (exit $st)"; tail -n 3 "$WORK/err"; fi
	if grep -qE "$file,[0-9]+,.*($words)" "$WORK/r/$case_.csv" 2>/dev/null; then
		ok "$case_: the report names $file, the line and why"
	else
		nok "$case_: the report names $file, the line and why ($words)"
		head -n 6 "$WORK/r/$case_.csv" 2>/dev/null | sed 's/^/    # /'
	fi
	check "$case_: nothing imported" test "$(dump "$db")" = "$before"
	check "$case_: check still finds nothing" quiet "$S" --db "$db" check
}
# accepted NAME DB: DB took a bundle; its export imports into an empty database.
accepted() {
	rm -rf "$WORK/again-$1"
	"$S" --db "$2" export "$WORK/again-$1" >/dev/null 2>&1
	rm -f "$WORK/db/empty-$1.db"
	new_db "$WORK/db/empty-$1.db"
	expect_status 0 "$1: its export imports into an empty database" \
		"$S" --db "$WORK/db/empty-$1.db" import "$WORK/again-$1"
}

# ---- 1. floor areas that poisoned every later export ------------------------------------
PEN_HEAD=$(head -n 1 "$WORK/full/penilaian.csv")
pen_row() { echo "$(uuid),$A1,2026-11-20,Uji,1,0,1,1,0,0,0,1,1,0,1,1,1,1,$1,4,550000,,9,miskin,$T1,0"; }
NINES=$(printf '9%.0s' $(seq 400))
for v in 0.0000001 1000000000000000 "$NINES" 21.555 0; do
	by_hand "luas-$(echo "$v" | cut -c1-12)" penilaian.csv "$(pen_row "$v")"
	refused "luas-$(echo "$v" | cut -c1-12)" penilaian.csv "luas_lantai_m2.*1 sampai 10.000"
done
by_hand luas-ok penilaian.csv "$(pen_row 21.50)"
cp "$SAMPLE" "$WORK/db/luas-ok.db"
expect_status 0 "luas 21.50 accepted" "$S" --db "$WORK/db/luas-ok.db" import "$WORK/b/luas-ok"
"$S" --db "$WORK/db/luas-ok.db" export "$WORK/luas-out" >/dev/null 2>&1
check "luas 21.50 is written back as 21.5" grep -q ",21.5,4,550000," "$WORK/luas-out/penilaian.csv"
accepted luas-ok "$WORK/db/luas-ok.db"

# ---- 2. what check reports, import refuses ------------------------------------------------
X=$(uuid); Y=$(uuid)
scratch rev-self "$KAS VALUES('$X','$G1','2026-11-27','BKK-901','umum','lainnya','Koreksi',0,1000,NULL,'$X','$T1')"
refused rev-self kas.csv "membalik_id.*membalik dirinya sendiri"
scratch rev-group "$KAS VALUES('$X','$G1','2026-11-27','BKK-901','umum','penjualan','Koreksi',0,$SALE2_AMT,NULL,'$SALE2','$T1')"
refused rev-group kas.csv "membalik_id.*milik kelompok lain"
scratch rev-amount "$KAS VALUES('$X','$G1','2026-11-27','BKK-901','umum','penjualan','Koreksi',0,$((SALE_AMT - 1)),NULL,'$SALE','$T1')"
refused rev-amount kas.csv "membalik_id.*jumlahnya tidak cocok"
scratch rev-side "$KAS VALUES('$X','$G1','2026-11-27','BKM-901','umum','penjualan','Koreksi',$SALE_AMT,0,NULL,'$SALE','$T1')"
refused rev-side kas.csv "membalik_id.*sisi yang sama"
scratch rev-cycle "$KAS VALUES('$X','$G1','2026-11-27','BKM-901','umum','lainnya','A',1000,0,NULL,'$Y','$T1'); $KAS VALUES('$Y','$G1','2026-11-27','BKK-901','umum','lainnya','B',0,1000,NULL,'$X','$T1')"
refused rev-cycle kas.csv "membalik_id.*sendiri sebuah pembalikan"
scratch rev-twice "$KAS VALUES('$X','$G1','2026-11-27','BKK-901','umum','penjualan','K1',0,$SALE_AMT,NULL,'$SALE','$T1'); $KAS VALUES('$Y','$G1','2026-11-27','BKK-902','umum','penjualan','K2',0,$SALE_AMT,NULL,'$SALE','$T1')"
refused rev-twice kas.csv "membalik_id.*sudah dibalik oleh baris"
scratch posted-other "$KAS VALUES('$X','$G1','2026-11-27','BKM-901','umum','iuran_kas','Iuran',5000,0,'$M2',NULL,'$T1')"
refused posted-other kas.csv "pertemuan_id.*milik kelompok lain"
scratch dues "UPDATE kehadiran SET iuran_kas=iuran_kas+1000, diubah_pada='$T1' WHERE pertemuan_id='$M1' AND anggota_id='$A1'"
refused dues kehadiran.csv "iuran_kas.*iuran kas hadir Rp [0-9]+, tetapi dibukukan"
scratch att-other "INSERT INTO kehadiran(pertemuan_id,anggota_id,status,iuran_kas,iuran_iks,diubah_pada) VALUES('$M1','$B1','H',0,0,'$T1')"
refused att-other kehadiran.csv "anggota_id.*bukan anggota kelompok pertemuan"
scratch assess-deleted "UPDATE anggota SET dihapus=1, diubah_pada='$T1' WHERE id='$A1'; INSERT INTO penilaian(id,anggota_id,tanggal,penilai,k01,k02,k03,k04,k05,k06,k07,k08,k09,k10,k11,k12,k13,k14,skor,kategori,diubah_pada) VALUES('$X','$A1','2026-11-27','Uji',1,1,1,1,1,1,1,1,1,0,0,0,0,0,9,'miskin','$T2')"
refused assess-deleted penilaian.csv "anggota_id.*sesudah anggota itu dihapus"
by_hand k01-empty penilaian.csv "$(uuid),$A1,2026-11-20,Uji,,0,1,1,0,0,0,1,1,0,1,1,1,1,21,4,550000,,8,tidak_miskin,$T1,0"
refused k01-empty penilaian.csv "k01.*kosong tidak dianggap 0"

# ---- 2b. development assessments (evaluasi.csv, issue 14) ----------------------------------
EVAL="INSERT INTO evaluasi(id,kelompok_id,tanggal,penilai,s1,s2,s3,s4,e1,e2,e3,e4,skor,tingkat,diubah_pada)"
scratch eval-deleted "INSERT INTO kelompok(id,nama,kode_wilayah,dihapus,diubah_pada) VALUES('$Y','KUBE Bubar','31.71.08.1003',1,'$T1'); $EVAL VALUES('$X','$Y','2026-11-27','Uji',1,1,1,1,1,1,1,1,8,'tumbuh','$T2')"
refused eval-deleted evaluasi.csv "kelompok_id.*sesudah kelompok itu dihapus"
scratch eval-future "$EVAL VALUES('$X','$G2','2199-12-31','Uji',3,2,3,2,2,3,2,3,20,'berkembang','$T1')"
refused eval-future evaluasi.csv "tanggal.*sesudah hari ini"
scratch eval-stamp "$EVAL VALUES('$X','$G2','2026-11-27','Uji',3,2,3,2,2,3,2,3,20,'berkembang','2199-12-31T23:59:59Z')"
refused eval-stamp evaluasi.csv "diubah_pada.*lebih dari sehari sesudah"
EV_ROW="$(uuid),$G2,2026-11-27,Uji,3,2,3,2,2,3,2,3,20,berkembang,,$T1,0"
by_hand eval-range evaluasi.csv "$(echo "$EV_ROW" | sed 's/,3,2,3,2,2,3,2,3,/,3,2,0,2,2,3,2,3,/')"
refused eval-range evaluasi.csv "s3.*1 sampai 4"
by_hand eval-text evaluasi.csv "$(echo "$EV_ROW" | sed 's/,3,2,3,2,2,3,2,3,/,3,dua,3,2,2,3,2,3,/')"
refused eval-text evaluasi.csv "s2.*bilangan bulat"
by_hand eval-group evaluasi.csv "$(echo "$EV_ROW" | sed "s/,$G2,/,$(uuid),/")"
refused eval-group evaluasi.csv "kelompok_id.*tidak ditemukan"
# A wrong skor and tingkat are recomputed, not refused; the group's level follows.
by_hand eval-skor evaluasi.csv "$(echo "$EV_ROW" | sed 's/,20,berkembang,/,32,mandiri,/')"
cp "$SAMPLE" "$WORK/db/eval-skor.db"
expect_status 0 "eval-skor: a wrong skor imports" "$S" --db "$WORK/db/eval-skor.db" import "$WORK/b/eval-skor"
check "eval-skor: recomputed to 20 berkembang" test "$(sqlite3 "$WORK/db/eval-skor.db" "SELECT skor || tingkat FROM evaluasi WHERE tanggal='2026-11-27'")" = "20berkembang"
check "eval-skor: check finds nothing" quiet "$S" --db "$WORK/db/eval-skor.db" check
accepted eval-skor "$WORK/db/eval-skor.db"

# ---- 3. a group deleted alone, its members still active ----------------------------------
scratch group-deleted "UPDATE kelompok SET dihapus=1, diubah_pada='$T1' WHERE id='$G1'"
refused group-deleted kelompok.csv "dihapus.*masih aktif di kelompok"

# ---- 4. the far future ----------------------------------------------------------------------
scratch future-date "$KAS VALUES('$X','$G1','2199-12-31','BKM-901','umum','lainnya','Nanti',1000,0,NULL,NULL,'$T1')"
refused future-date kas.csv "tanggal.*sesudah hari ini"
scratch future-stamp "UPDATE kelompok SET alamat='Jalan Nanti', diubah_pada='2199-12-31T23:59:59Z' WHERE id='$G1'"
refused future-stamp kelompok.csv "diubah_pada.*lebih dari sehari sesudah"

# ---- 5. ties converge (kehadiran too) -------------------------------------------------------
# Two offices change the same group and the same attendance row with the same stamp.
MT=$(q "SELECT pertemuan_id FROM kehadiran WHERE iuran_kas=0 AND iuran_iks=0 ORDER BY pertemuan_id, anggota_id LIMIT 1")
H=$(q "SELECT anggota_id FROM kehadiran WHERE pertemuan_id='$MT' AND iuran_kas=0 AND iuran_iks=0 ORDER BY anggota_id LIMIT 1")
check "a meeting attendance row without dues to tie on" test -n "$H"
scratch tie-a "UPDATE kelompok SET alamat='Jalan A', diubah_pada='$T1' WHERE id='$G1'; UPDATE kehadiran SET status='I', diubah_pada='$T1' WHERE pertemuan_id='$MT' AND anggota_id='$H'"
scratch tie-b "UPDATE kelompok SET alamat='Jalan B', diubah_pada='$T1' WHERE id='$G1'; UPDATE kehadiran SET status='S', diubah_pada='$T1' WHERE pertemuan_id='$MT' AND anggota_id='$H'"
cp "$SAMPLE" "$WORK/db/ab.db"
cp "$SAMPLE" "$WORK/db/ba.db"
"$S" --db "$WORK/db/ab.db" import "$WORK/b/tie-a" >/dev/null 2>&1 && "$S" --db "$WORK/db/ab.db" import "$WORK/b/tie-b" >/dev/null 2>&1
check "ties: A then B imported" test $? -eq 0
"$S" --db "$WORK/db/ba.db" import "$WORK/b/tie-b" >/dev/null 2>&1 && "$S" --db "$WORK/db/ba.db" import "$WORK/b/tie-a" >/dev/null 2>&1
check "ties: B then A imported" test $? -eq 0
"$S" --db "$WORK/db/ab.db" export "$WORK/out-ab" >/dev/null 2>&1
"$S" --db "$WORK/db/ba.db" export "$WORK/out-ba" >/dev/null 2>&1
same=1
for f in kelompok anggota penilaian pertemuan kehadiran kas; do
	cmp -s "$WORK/out-ab/$f.csv" "$WORK/out-ba/$f.csv" || { same=0; echo "    # $f.csv differs"; }
done
check "ties: either order ends with the same rows (groups and attendance)" test "$same" -eq 1
check "ties: the greater row won" grep -q "Jalan B" "$WORK/out-ab/kelompok.csv"
accepted ties "$WORK/db/ab.db"

# ---- 6. shape -------------------------------------------------------------------------------
by_hand repeated-id kas.csv "$(grep "^$SALE," "$WORK/full/kas.csv")"
refused repeated-id kas.csv "id.*sudah ada di baris"
check "repeated-id: both lines are named" test "$(grep -c "^[^,]*/kas.csv,[0-9]*,id," "$WORK/r/repeated-id.csv")" -eq 2
by_hand repeated-key kehadiran.csv "$(sed -n 2p "$WORK/full/kehadiran.csv")"
refused repeated-key kehadiran.csv "pertemuan_id.*sudah ada di baris"
# A deletion that lost its last ",1" (dihapus), somewhere in the middle of the file.
rm -rf "$WORK/b/short-row"
cp -r "$WORK/full" "$WORK/b/short-row"
line=$(grep -n "^$A1," "$WORK/full/anggota.csv" | cut -d: -f1)
sed -i "${line}s/,[^,]*,0\$/,$T2/" "$WORK/b/short-row/anggota.csv"
fix_manifest "$WORK/b/short-row"
refused short-row anggota.csv "isian, padahal baris judul"
rm -rf "$WORK/b/long-row"
cp -r "$WORK/full" "$WORK/b/long-row"
sed -i "2s/\$/,1/" "$WORK/b/long-row/kas.csv"
fix_manifest "$WORK/b/long-row"
refused long-row kas.csv "isian, padahal baris judul"
rm -rf "$WORK/b/header-twice"
cp -r "$WORK/full" "$WORK/b/header-twice"
sed -i "1s/\$/,nama/; 2,\$s/\$/,Orang Lain/" "$WORK/b/header-twice/anggota.csv"
fix_manifest "$WORK/b/header-twice"
refused header-twice anggota.csv "nama.*dua kali"

# ---- 8. files that are not regular files ----------------------------------------------------
rm -rf "$WORK/b/zero"
cp -r "$WORK/full" "$WORK/b/zero"
rm "$WORK/b/zero/kas.csv"
ln -s /dev/zero "$WORK/b/zero/kas.csv"
refused zero kas.csv "tautan simbolik"
rm -rf "$WORK/b/fifo"
cp -r "$WORK/full" "$WORK/b/fifo"
rm "$WORK/b/fifo/kas.csv"
mkfifo "$WORK/b/fifo/kas.csv"
refused fifo kas.csv "FIFO"
mkdir -p "$WORK/single"
mkfifo "$WORK/single/anggota.csv"
expect_status 1 "a FIFO as a single table file is refused at once" timeout 60 "$S" --db "$SAMPLE" import "$WORK/single/anggota.csv"
check "the FIFO is named as such" grep -q "FIFO" "$WORK/err"

# ---- 9. symlinks planted where SIKUBE writes --------------------------------------------------
echo "rahasia" >"$WORK/victim"
mkdir -p "$WORK/planted"
ln -s "$WORK/victim" "$WORK/planted/.anggota.csv.tmp"
ln -s "$WORK/victim" "$WORK/planted/kas.csv"
expect_status 0 "export into a folder with planted symlinks" "$S" --db "$SAMPLE" export "$WORK/planted"
check "the planted symlinks' target is untouched" test "$(cat "$WORK/victim")" = "rahasia"
check "the bundle's files are regular files" test -f "$WORK/planted/kas.csv" -a ! -L "$WORK/planted/kas.csv"
check "the bundle's files are private (0600)" test "$(stat -c %a "$WORK/planted/anggota.csv")" = 600
rm -f "$WORK/r/planted.csv"
ln -s "$WORK/victim" "$WORK/r/planted.csv"
"$S" --db "$SAMPLE" import "$WORK/b/rev-self" --report "$WORK/r/planted.csv" >/dev/null 2>&1
check "--report through a planted symlink: the target is untouched" test "$(cat "$WORK/victim")" = "rahasia"
check "--report: a private regular file" test ! -L "$WORK/r/planted.csv" -a "$(stat -c %a "$WORK/r/planted.csv")" = 600
check "--report: the problem list" grep -q "membalik dirinya sendiri" "$WORK/r/planted.csv"
# The backup's temporary name of old was FILE.tmp-PID: a shell that plants it execs sikube.
sh -c 'ln -s "$1" "$2.tmp-$$"; exec "$3" --db "$4" backup "$2"' sh "$WORK/victim" "$WORK/bk.db" "$S" "$SAMPLE" >/dev/null 2>&1
check "backup beside a planted temporary symlink: the target is untouched" test "$(cat "$WORK/victim")" = "rahasia"
check "the backup is a private regular database" test ! -L "$WORK/bk.db" -a "$(stat -c %a "$WORK/bk.db")" = 600
check "the backup is sound" test "$(sqlite3 "$WORK/bk.db" "PRAGMA quick_check")" = ok

# ---- 10. one export per folder at a time ------------------------------------------------------
EX="$WORK/one"
"$S" --db "$SAMPLE" export "$EX" >/dev/null 2>&1
mark=$(q "SELECT nilai FROM pengaturan WHERE kunci='ekspor_terakhir'")
sleep 1
expect_status 1 "an export into a folder another export is writing is refused" \
	flock "$EX/.sikube-ekspor.lock" "$S" --db "$SAMPLE" export "$EX"
check "it says another export is writing" grep -q "Ekspor lain sedang menulis" "$WORK/err"
check "the folder keeps the whole bundle it had" quiet "$S" --db "$WORK/db/luas-ok.db" import "$EX"
check "the since-last marker did not move" test "$(q "SELECT nilai FROM pengaturan WHERE kunci='ekspor_terakhir'")" = "$mark"
rm "$EX/kas.csv"
mkdir "$EX/kas.csv"
expect_status 1 "an export that cannot write one file fails" "$S" --db "$SAMPLE" export "$EX"
check "it says the bundle is not whole" grep -q "tidak utuh" "$WORK/err"
check "no manifest is left beside the files" test ! -e "$EX/manifest.csv"
check "the since-last marker did not move" test "$(q "SELECT nilai FROM pengaturan WHERE kunci='ekspor_terakhir'")" = "$mark"

# ---- 11. identity numbers in free text and in messages ---------------------------------------
scratch nik-text "UPDATE anggota SET catatan='NIK istri 3171084508850009', alamat='KTP 3171 0845 0885 0009', telepon='3171.0845.0885.0009' WHERE id='$A1'"
"$S" --db "$WORK/db/s-nik-text.db" export --mask-nik "$WORK/masked" >/dev/null 2>&1
check "--mask-nik: no NIK left in any text column" sh -c "! grep -qE '0885.?0009' '$WORK/masked/anggota.csv'"
check "--mask-nik: the notes are still there, masked" grep -q "NIK istri 317108\*\*\*\*\*\*\*\*\*\*" "$WORK/masked/anggota.csv"
mkdir -p "$WORK/nik"
head -n 1 "$WORK/full/anggota.csv" >"$WORK/nik/anggota.csv"
echo ",$G2,3171084508850009,3171081503109999,Siti Uji,P,,,,3171 0845 0885 0009,,,anggota,2025-01-01,,0,,0,,,0" >>"$WORK/nik/anggota.csv"
expect_status 1 "a NIK typed with spaces into RT is refused" "$S" --db "$SAMPLE" import "$WORK/nik/anggota.csv"
check "the message does not show it whole" sh -c "! grep -qE '0885.?0009' '$WORK/err'"
check "it shows where it was" grep -q "anggota.csv,2,rt,3171 08" "$WORK/err"
rm -rf "$WORK/b/sum"
cp -r "$WORK/full" "$WORK/b/sum"
DIGITS=0123456789012345678901234567890123456789012345678901234567890123
sed -i "s/^sha256.kas.csv,.*/sha256.kas.csv,$DIGITS/" "$WORK/b/sum/manifest.csv"
refused sum manifest.csv "sha256.kas.csv"
check "a checksum in the report is not masked" grep -q "$DIGITS" "$WORK/r/sum.csv"

# ---- 12. damaged and empty databases --------------------------------------------------------
: >"$WORK/empty.db"
for cmd in check "import $WORK/full" "export $WORK/ez" "backup $WORK/ez.db"; do
	# shellcheck disable=SC2086
	expect_status 2 "empty database file: ${cmd%% *} refuses it" "$S" --db "$WORK/empty.db" $cmd
	check "empty database file: ${cmd%% *} says to restore or init" grep -q "sikube init" "$WORK/err"
done
check "the empty file stays empty" test ! -s "$WORK/empty.db"
# 4 KiB of the attendance table overwritten (a page every export reads, too).
cp "$SAMPLE" "$WORK/bad.db"
page=$(sqlite3 "$WORK/bad.db" "SELECT max(pageno) FROM dbstat WHERE name='kehadiran' AND pagetype='leaf'")
head -c 4096 /dev/zero | tr '\000' '\377' | dd of="$WORK/bad.db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
expect_status 1 "a damaged database fails the check (exit 1)" "$S" --db "$WORK/bad.db" check
check "check names the damage" grep -q "btreeInitPage\|malformed\|rusak" "$WORK/out"
before=$(sha256sum <"$WORK/bad.db")
expect_status 1 "import into a damaged database is refused" "$S" --db "$WORK/bad.db" import "$WORK/full"
check "import says to restore from cadangan/" grep -q "cadangan/" "$WORK/err"
expect_status 1 "backup of a damaged database is refused" "$S" --db "$WORK/bad.db" backup "$WORK/badcopy.db"
check "backup says to restore from cadangan/" grep -q "cadangan/" "$WORK/err"
check "no copy and no temporary file are left" test -z "$(ls "$WORK"/badcopy.db* 2>/dev/null)"
expect_status 1 "export of a damaged database is refused" "$S" --db "$WORK/bad.db" export "$WORK/badout"
check "export says to restore from cadangan/" grep -q "cadangan/" "$WORK/err"
check "the damaged database was not written" test "$(sha256sum <"$WORK/bad.db")" = "$before"

# ---- 13. temporaries of a killed backup ------------------------------------------------------
touch "$WORK/kept.db.tmp-999999999" "$WORK/kept.db.tmp-999999999-journal" "$WORK/kept.db.tmp-999999999-x1y2z3w4"
expect_status 0 "backup" "$S" --db "$SAMPLE" backup "$WORK/kept.db"
check "stale temporaries of a killed backup are removed" test -z "$(ls "$WORK"/kept.db.tmp* 2>/dev/null)"

# ---- 14. format_version read as a number, a newer one named ---------------------------------
for v in 3 2x 01 99999999999999999999; do
	rm -rf "$WORK/b/v$v"
	cp -r "$WORK/full" "$WORK/b/v$v"
	sed -i "s/^format_version,.*/format_version,$v/" "$WORK/b/v$v/manifest.csv"
	refused "v$v" manifest.csv "format_version"
done
check "a newer version is named" grep -q "versi 3" "$WORK/r/v3.csv"
finish
