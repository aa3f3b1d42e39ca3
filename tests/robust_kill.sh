#!/bin/sh
# robust_kill.sh - power cuts and kills: SIGKILL at random moments during a long import, a burst
# of saves through the core API (tests/kill_saver.c), a backup and an export, many times.
# Afterwards `sikube check` passes, every save reported as done is there, an import is all or
# nothing, a backup file is whole or absent, an interrupted bundle is refused whole.
#   KILL_ROUNDS (default 6: make check stays within its 5 minutes; more for a longer hunt) rounds of each; KILL_SEED makes the kill moments repeatable.
. "$(dirname "$0")/clilib.sh"
ROUNDS=${KILL_ROUNDS:-6}
SEED=${KILL_SEED:-$$}
echo "# seed $SEED (KILL_SEED=$SEED repeats these kill moments)"
bindir=$(dirname "$SIKUBE_BIN")
# The work that gets killed runs the release build, as in the field (and three times faster
# than the sanitizer build, which adds nothing to a kill); the sanitizer build opens and checks
# every killed database, where recovery runs.
RUN_BIN=$(cd "$(dirname "$0")/.." && pwd)/sikube
[ -x "$RUN_BIN" ] || RUN_BIN=$SIKUBE_BIN
for d in "$bindir" "$bindir/build/release"; do
	[ -x "$d/tests/kill_saver" ] && SAVER="$d/tests/kill_saver" && GEN="$d/bench-gen"
done
if [ -z "$SAVER" ] || [ ! -x "$GEN" ]; then
	nok "kill_saver and bench-gen are built (make tests)"
	finish
	exit 1
fi

n_rand=0
# rand_ms MAX: a pseudo-random whole number 0..MAX-1 from the seed.
rand_ms() {
	n_rand=$((n_rand + 1))
	awk -v s="$SEED" -v i="$n_rand" -v m="$1" 'BEGIN { srand(s * 7919 + i); printf "%d", rand() * m }'
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# kill_after MS CMD...: run CMD in the background, SIGKILL it after MS milliseconds (when it
# is still running). The command's own output goes to $WORK/run.out and $WORK/run.err.
kill_after() {
	ms=$1; shift
	"$@" >"$WORK/run.out" 2>"$WORK/run.err" &
	pid=$!
	sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
# kill_after_line PATTERN MS CMD...: like kill_after, but the MS start when CMD's output first
# has a line matching PATTERN (at most 60 s): on a loaded machine the start-up alone may take
# longer than any fixed delay, and a round killed before its first save would check nothing.
kill_after_line() {
	pat=$1 ms=$2; shift 2
	: >"$WORK/run.out"
	"$@" >"$WORK/run.out" 2>"$WORK/run.err" &
	pid=$!
	n=0
	while ! grep -q "$pat" "$WORK/run.out" && kill -0 "$pid" 2>/dev/null && [ "$n" -lt 600 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	sleep "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}
counts() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM kelompok)||' '||(SELECT count(*) FROM anggota)||' '||
		(SELECT count(*) FROM penilaian)||' '||(SELECT count(*) FROM pertemuan)||' '||
		(SELECT count(*) FROM kehadiran)||' '||(SELECT count(*) FROM kas)"
}
# check_passes DB: `sikube check` (the application opening the killed database) exits 0.
check_passes() { "$SIKUBE_BIN" --db "$1" check >"$WORK/check.out" 2>&1; }

# The base database and a sizeable bundle (40 groups, a year of weekly meetings: ~40,000 rows).
# The run's template (the test operator's cheap hash: every check below logs in).
new_db "$WORK/base.db" >/dev/null 2>&1
"$GEN" --db "$WORK/gen.db" --groups 40 --years 1 >/dev/null 2>&1
"$RUN_BIN" --db "$WORK/gen.db" export "$WORK/bundle" >/dev/null 2>&1
check "base database and bundle made" test -f "$WORK/base.db" -a -f "$WORK/bundle/manifest.csv"
rm -f "$WORK/base.db-wal" "$WORK/base.db-shm"
PRE=$(counts "$WORK/base.db")
cp "$WORK/base.db" "$WORK/full.db"
t0=$(now_ms)
expect_status 0 "the import runs to the end when nobody kills it" \
	"$RUN_BIN" --db "$WORK/full.db" import "$WORK/bundle"
dur=$(( $(now_ms) - t0 ))
FULL=$(counts "$WORK/full.db")
echo "# import takes ${dur} ms; rows before: $PRE; after: $FULL"

# 1. Kill the import at a random moment within (a little more than) its running time.
undone=0 done_=0 odd=0 broken=0
r=1
while [ "$r" -le "$ROUNDS" ]; do
	rm -f "$WORK"/k.db*
	cp "$WORK/base.db" "$WORK/k.db"
	kill_after "$(rand_ms $((dur * 11 / 10 + 1)))" "$RUN_BIN" --db "$WORK/k.db" import "$WORK/bundle"
	check_passes "$WORK/k.db" || { broken=$((broken + 1)); sed 's/^/    # /' "$WORK/check.out" | head -5; }
	c=$(counts "$WORK/k.db")
	if [ "$c" = "$PRE" ]; then undone=$((undone + 1))
	elif [ "$c" = "$FULL" ]; then done_=$((done_ + 1))
	else odd=$((odd + 1)); echo "    # half an import: $c"; fi
	r=$((r + 1))
done
echo "# import killed $ROUNDS times: $undone rolled back, $done_ complete"
check "check passes after every killed import" test "$broken" -eq 0
check "no import is half applied (rows are all before or all after)" test "$odd" -eq 0
expect_status 0 "the killed import runs again to the end" "$SIKUBE_BIN" --db "$WORK/k.db" import "$WORK/bundle"
check "and then holds the whole bundle" test "$(counts "$WORK/k.db")" = "$FULL"

# 2. Kill a burst of saves (groups, members, meetings with dues, receipts, member edits).
rm -f "$WORK"/s.db*
cp "$WORK/base.db" "$WORK/s.db"
: >"$WORK/saved"
broken=0
r=1
while [ "$r" -le "$ROUNDS" ]; do
	# From its first meeting on (a meeting and its dues postings are what a kill may tear).
	kill_after_line '^pertemuan ' "$(rand_ms 600)" "$SAVER" --db "$WORK/s.db"
	grep -q 'kill_saver:' "$WORK/run.err" && { echo "    # saver: $(head -n 3 "$WORK/run.err")"; broken=$((broken + 1)); }
	cat "$WORK/run.out" >>"$WORK/saved"
	check_passes "$WORK/s.db" || { broken=$((broken + 1)); sed 's/^/    # /' "$WORK/check.out" | head -5; }
	r=$((r + 1))
done
echo "# saves killed $ROUNDS times; $(wc -l <"$WORK/saved") saves reported as done"
check "check passes and no save failed after every kill" test "$broken" -eq 0
check "saves were made" test "$(grep -c '^pertemuan ' "$WORK/saved")" -gt 0
# Every reported save, one query each: prints the lines whose row is missing.
awk '
$1 == "kelompok"  { printf "SELECT %s WHERE NOT EXISTS(SELECT 1 FROM kelompok WHERE id=%s);\n", q($0), q($2) }
$1 == "anggota"   { printf "SELECT %s WHERE NOT EXISTS(SELECT 1 FROM anggota WHERE id=%s);\n", q($0), q($2) }
$1 == "pertemuan" { printf "SELECT %s WHERE NOT EXISTS(SELECT 1 FROM pertemuan WHERE id=%s AND tanggal=%s);\n", q($0), q($2), q($3) }
$1 == "kas"       { printf "SELECT %s WHERE NOT EXISTS(SELECT 1 FROM kas WHERE id=%s AND masuk=%d);\n", q($0), q($2), $3 }
$1 == "ubah"      { printf "SELECT %s WHERE NOT EXISTS(SELECT 1 FROM anggota WHERE id=%s AND CAST(catatan AS INTEGER)>=%d);\n", q($0), q($2), $3 }
function q(s) { gsub("\x27", "\x27\x27", s); return "\x27" s "\x27" }
' "$WORK/saved" >"$WORK/verify.sql"
sqlite3 "$WORK/s.db" <"$WORK/verify.sql" >"$WORK/missing" 2>&1
check "every save reported as done is in the database" test ! -s "$WORK/missing"
sed 's/^/    # missing: /' "$WORK/missing" | head -5
check "meetings and their dues postings stay together" \
	test "$(sqlite3 "$WORK/s.db" "SELECT count(*) FROM pertemuan p WHERE NOT EXISTS(SELECT 1 FROM kas k WHERE k.pertemuan_id=p.id)")" = 0

# 3. Kill a backup: the copy is either whole or not there (a temporary file may stay behind).
broken=0
r=1
while [ "$r" -le "$ROUNDS" ]; do
	rm -f "$WORK/copy.db"
	kill_after "$(rand_ms 400)" "$RUN_BIN" --db "$WORK/full.db" backup "$WORK/copy.db"
	if [ -e "$WORK/copy.db" ] && [ "$(sqlite3 "$WORK/copy.db" 'PRAGMA integrity_check' 2>&1)" != ok ]; then
		broken=$((broken + 1))
	fi
	r=$((r + 1))
done
check "a killed backup leaves a whole copy or none" test "$broken" -eq 0

# 4. Kill an export over an earlier bundle: the folder is then either a whole bundle that
#    imports, or one without a manifest that import refuses whole.
"$RUN_BIN" --db "$WORK/full.db" export "$WORK/out" >/dev/null 2>&1
broken=0
r=1
while [ "$r" -le "$ROUNDS" ]; do
	kill_after "$(rand_ms 600)" "$RUN_BIN" --db "$WORK/full.db" export "$WORK/out"
	rm -f "$WORK"/i.db*
	cp "$WORK/base.db" "$WORK/i.db"
	"$RUN_BIN" --db "$WORK/i.db" import "$WORK/out" >/dev/null 2>&1
	st=$?
	c=$(counts "$WORK/i.db")
	if [ -f "$WORK/out/manifest.csv" ]; then
		[ "$st" -eq 0 ] && [ "$c" = "$FULL" ] || broken=$((broken + 1))
	else
		[ "$st" -eq 1 ] && [ "$c" = "$PRE" ] || broken=$((broken + 1))
	fi
	r=$((r + 1))
done
check "a killed export is imported whole or refused whole" test "$broken" -eq 0
check "the database exported from still passes check" check_passes "$WORK/full.db"
finish
