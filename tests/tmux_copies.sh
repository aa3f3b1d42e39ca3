#!/bin/sh
# tmux_copies.sh - two copies on one database: the screens stay open while `sikube backup`,
# `export` and `import` run from the command line (a scheduled job, a second clerk); two
# screens at once; two command-line writers at once; a copy that holds the database longer
# than the wait is explained in plain words. Nothing is lost, the database stays whole.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db --sample || { nok "init database"; finish; exit 1; }
export HOME="$WORK"
# check NAME CMD...: passes when CMD succeeds.
# What a failed check left to say ($WORK/diag) is printed under it.
check() {
	name=$1; shift
	rm -f "$WORK/diag"
	if "$@"; then ok "$name"; else nok "$name"; cat "$WORK/diag" 2>/dev/null; fi
}
# cli NAME WANT CMD...: run a command-line copy, check its exit status (output in $WORK/cli.*).
cli() {
	name=$1; want=$2; shift 2
	"$@" >"$WORK/cli.out" 2>"$WORK/cli.err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else nok "$name (exit $got, want $want)"; sed 's/^/    # /' "$WORK/cli.err" | head -5; fi
}
# The sqlite3 shell waits for another copy's lock (its default is to fail at once, and a reader
# can meet a brief lock while a copy opens the database) and stops at the first error.
sql() { sqlite3 -bail -cmd ".timeout 30000" "$@"; }
# wait_marker: poll (up to 30 s) until the lock holder says it holds the lock; says how long
# it took when that was over a second (in 2 of 40 loaded runs it once took about 10 s; not
# seen again in 52 loaded runs with the lock table watched, so the wait stays long and the
# time is shown).
wait_marker() {
	i=0
	while [ $i -lt 300 ] && ! grep -q gembokdipegang "$WORK/lock.out" 2>/dev/null; do sleep 0.1; i=$((i + 1)); done
	[ $i -gt 10 ] && echo "# the lock holder needed $((i / 10)) s"
	grep -q gembokdipegang "$WORK/lock.out" && return 0
	# Not held: what the holder said, and every process that has the database open (to find
	# the other writer next time).
	{ sed 's/^/    # holder: /' "$WORK/lock.out" "$WORK/lock.err" 2>/dev/null
	  for f in /proc/[0-9]*/fd/*; do
		case "$(readlink "$f" 2>/dev/null)" in "$DB"*)
			pid=${f#/proc/}; pid=${pid%%/*}
			echo "    # open by $pid: $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) ($(readlink "$f"))" ;;
		esac
	  done; } >"$WORK/diag"
	return 1
}
q() { sql "$DB" "$1"; }
# check_db DB: `sikube check` finds no problem.
check_db() { "$SIKUBE_BIN" --db "$1" check >/dev/null 2>&1; }
groups_csv() { # groups_csv FILE NAME...: a single-table file with one new group per name
	f=$1; shift
	echo "id,nama,kode_wilayah" >"$f"
	for n in "$@"; do echo ",$n,31.71.08.1003" >>"$f"; done
}

# The screens open (and make today's rolling backup beside the database).
app
expect "the screens are open" "Pertemuan"
# The copy is made while no key is pressed: wait for it (bounded), then count.
i=0
while [ $i -lt 100 ] && ! ls "$WORK"/cadangan/sikube-*.db >/dev/null 2>&1; do sleep 0.1; i=$((i + 1)); done
n_backups=$(ls "$WORK"/cadangan/sikube-*.db 2>/dev/null | wc -l)
check "opening the screens made today's backup" test "$n_backups" -eq 1
bk=$(ls "$WORK"/cadangan/sikube-*.db 2>/dev/null | head -n 1)
check "the daily backup is private (0600, folder 0700)" \
	test "$(stat -c %a "$bk" 2>/dev/null)" = 600 -a "$(stat -c %a "$WORK/cadangan")" = 700
check "the daily backup is a whole database" test "$(sqlite3 "$bk" 'PRAGMA integrity_check')" = ok

# Command-line copies while the screens are open.
cli "backup while the screens are open" 0 "$SIKUBE_BIN" --db "$DB" backup "$WORK/copy.db"
check "that backup is private (0600)" test "$(stat -c %a "$WORK/copy.db")" = 600
check "that backup passes PRAGMA integrity_check" test "$(sqlite3 "$WORK/copy.db" 'PRAGMA integrity_check')" = ok
check "that backup holds every group" test "$(sql "$WORK/copy.db" 'SELECT count(*) FROM kelompok')" = "$(q 'SELECT count(*) FROM kelompok')"
cli "export while the screens are open" 0 "$SIKUBE_BIN" --db "$DB" export "$WORK/out"
check "the bundle is whole (manifest written)" test -f "$WORK/out/manifest.csv"
groups_csv "$WORK/kelompok.csv" "KUBE Anggrek Impor"
cli "import while the screens are open" 0 "$SIKUBE_BIN" --db "$DB" import "$WORK/kelompok.csv"

# The screens see what the other copy wrote, and still save.
keys Enter
expect "group list opens" "Daftar kelompok"
expect "the screens show the group the other copy imported" "KUBE Anggrek Impor"
add_group "Cempaka Layar" "Galur"
expect "the screens still save after the other copy wrote" "Cempaka Layar"

# A second clerk opens the screens on the same database: both work.
t new-session -d -s s2 -x 80 -y 24 "\"$SIKUBE_BIN\" --db \"$DB\" 2>>'$WORK/stderr2'; sleep 600"
i=0
while [ $i -lt 100 ] && ! t capture-pane -p -t =s2: | grep -q "Pertemuan"; do sleep 0.1; i=$((i + 1)); done
t send-keys -t =s2: Enter
sleep 0.5
i=0
while [ $i -lt 100 ] && ! t capture-pane -p -t =s2: | grep -q "Cempaka Layar"; do sleep 0.1; i=$((i + 1)); done
if t capture-pane -p -t =s2: | grep -q "Cempaka Layar"; then ok "a second copy of the screens shows the first one's save"; else nok "a second copy of the screens shows the first one's save"; t capture-pane -p -t =s2: | sed 's/^/    | /'; fi
n_backups=$(ls "$WORK"/cadangan/sikube-*.db 2>/dev/null | wc -l)
check "a second start the same day makes no second backup" test "$n_backups" -eq 1

# A write by another copy (an import, say) while a form is being saved. Each holder keeps the
# write lock until its file $WORK/release-KEY appears, however slow the machine.
# hold_lock KEY [END]: another program takes the write lock (and inserts a setting KEY); returns
# once it holds it. Its pid in $lock; once released it ends its transaction with END (COMMIT,
# or ROLLBACK). The old holder's output is removed first: the new holder's shell truncates
# lock.out only when it starts, and under load that can come after wait_marker has already
# read the previous holder's marker there (the holder was then taken to hold the lock when
# it did not yet: it failed so in a clean-clone make check).
hold_lock() {
	rm -f "$WORK/lock.out" "$WORK/lock.err"
	( echo "BEGIN IMMEDIATE; INSERT INTO pengaturan VALUES('$1','1','2026-01-01T00:00:00Z');"
	  echo "SELECT 'gembok' || 'dipegang';"
	  while [ ! -f "$WORK/release-$1" ]; do sleep 0.1; done; echo "${2:-COMMIT};" ) | sql "$DB" >"$WORK/lock.out" 2>"$WORK/lock.err" &
	lock=$!
	wait_marker
}
# group_form NAME: the new-group form filled in (name and a village in Galur), not saved yet.
group_form() {
	keys F3
	wait_for "Nama kelompok" >/dev/null
	type_text "$1"
	keys Tab Tab Enter
	wait_for "Cari desa/kelurahan:" >/dev/null
	t send-keys -t =s: -l "Galur"
	t send-keys -t =s: Enter
	wait_for "Kec." >/dev/null
}

# (a) The other copy is done within the save's wait (5 s): the save waits and goes through.
group_form "Kenanga Tunggu"
check "another program holds the write lock (a)" hold_lock uji-kunci
keys F2
# The holder lets go a second after F2: well inside the 5 s the save waits.
sleep 1
touch "$WORK/release-uji-kunci"
wait "$lock"
expect "the save waited for the other copy and went through" "Kenanga Tunggu tersimpan" 15
expect_not "no busy message when the other copy was done in time" "dipakai"
check "the other copy's write is there too" test "$(q "SELECT count(*) FROM pengaturan WHERE kunci='uji-kunci'")" = 1

# (b) The other copy holds the database longer than the wait: the save says the database is in
# use and keeps the form with its values; F2 again once the other copy is done saves.
group_form "Kenanga Sibuk"
check "another program holds the write lock (b)" hold_lock uji-sibuk
keys F2
expect "the save says the database is busy" "dipakai" 20
expect "the form and its values stay" "Kenanga Sibuk" 1
expect_not "nothing saved while the other copy holds the database" "Kenanga Sibuk tersimpan"
touch "$WORK/release-uji-sibuk"
wait "$lock"
keys F2
expect "the save goes through once the other copy is done" "Kenanga Sibuk tersimpan" 15
check "the other copy's write is there too (b)" test "$(q "SELECT count(*) FROM pengaturan WHERE kunci='uji-sibuk'")" = 1

# Two command-line writers at once: both succeed (the second waits its turn).
mkdir -p "$WORK/a" "$WORK/b"
groups_csv "$WORK/a/kelompok.csv" "KUBE Serentak A1" "KUBE Serentak A2"
groups_csv "$WORK/b/kelompok.csv" "KUBE Serentak B1" "KUBE Serentak B2"
before=$(q "SELECT count(*) FROM kelompok")
"$SIKUBE_BIN" --db "$DB" import "$WORK/a/kelompok.csv" >"$WORK/a.out" 2>&1 &
pa=$!
"$SIKUBE_BIN" --db "$DB" import "$WORK/b/kelompok.csv" >"$WORK/b.out" 2>&1 &
pb=$!
wait "$pa"; sa=$?
wait "$pb"; sb=$?
# both_imported: both exited 0; else what each said.
both_imported() {
	[ "$sa" -eq 0 ] && [ "$sb" -eq 0 ] && return 0
	{ sed "s/^/    # a (exit $sa): /" "$WORK/a.out"; sed "s/^/    # b (exit $sb): /" "$WORK/b.out"; } >"$WORK/diag"
	return 1
}
check "two imports at once both succeed" both_imported
check "both imports' groups are there" test "$(q "SELECT count(*) FROM kelompok")" -eq $((before + 4))

# Another copy holds the write lock longer than the wait: an import says so in plain words
# (exit 1, database unchanged); export and backup, which only read, still work.
check "another program holds the write lock" hold_lock uji-lama ROLLBACK
groups_csv "$WORK/c.csv" "KUBE Tertunda"
mv "$WORK/c.csv" "$WORK/kelompok.csv"
"$SIKUBE_BIN" --db "$DB" export "$WORK/out2" >"$WORK/ex.out" 2>&1 &
pe=$!
cli "an import while another copy holds the database is refused (exit 1)" 1 \
	"$SIKUBE_BIN" --db "$DB" import "$WORK/kelompok.csv"
check "it says the database is in use, in Indonesian" grep -q "sedang dipakai" "$WORK/cli.err"
check "it says to try again" grep -q "coba lagi" "$WORK/cli.err"
check "it says nothing was changed" grep -q "tidak ada data yang diubah" "$WORK/cli.err"
cli "backup while another copy holds the database" 0 "$SIKUBE_BIN" --db "$DB" backup "$WORK/copy2.db"
check "that backup passes PRAGMA integrity_check" test "$(sqlite3 "$WORK/copy2.db" 'PRAGMA integrity_check')" = ok
wait "$pe"; se=$?
check "export while another copy holds the database still writes the bundle" test "$se" -eq 0 -a -f "$WORK/out2/manifest.csv"
check "and says its time was not recorded" grep -q "belum dicatat" "$WORK/ex.out"
touch "$WORK/release-uji-lama"
wait "$lock"
check "the refused import changed nothing" test "$(q "SELECT count(*) FROM kelompok WHERE nama='KUBE Tertunda'")" = 0

# Everything written by every copy is there and the database is whole.
check "sikube check passes after all copies" check_db "$DB"
check "every group saved or imported is there" test "$(q "SELECT count(*) FROM kelompok WHERE nama IN ('KUBE Anggrek Impor','Cempaka Layar','Kenanga Tunggu','Kenanga Sibuk','KUBE Serentak A1','KUBE Serentak B2')")" = 6
t kill-session -t =s2 2>/dev/null
quit_app
cat "$WORK/stderr2" >>"$WORK/stderr" 2>/dev/null
finish
