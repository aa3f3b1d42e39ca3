# hublib.sh - a private PostgreSQL cluster for a hub test script (sourced after clilib.sh).
# initdb into the script's own temporary folder, a Unix socket in that folder and no TCP
# port, trust authentication for the folder's socket only; run as an unprivileged user when
# the tests run as root (PostgreSQL refuses root; CI runs as root). Stopped when the script
# ends, whatever way it ends. Never a system-wide server.
#   hub_start             start the cluster; sets PG_SOCK, PG_ADMIN (a conninfo of the
#                         superuser "hub" on database postgres) and PGBIN
#   hub_db NAME           create database NAME, echo its conninfo
#   hub_psql CONNINFO SQL run SQL with psql (no .psqlrc, stop on error, unaligned)
#   hub_test_start        what a hub test script needs first: the sqlite3 shell, bench-gen
#                         ($GEN) and the cluster (hub_start); the script stops failed
#                         without them
#   S ARGS, R ARGS        sikube: the binary under test; the release build where there is
#                         one, for a test's set-up (exports and imports it does not check)
#   same_data DIR1 DIR2   the data files of two bundles ($TABLES, set by the script) are
#                         byte-identical
#   fix_sums DIR          a bundle's manifest checksums after its files were edited in place,
#                         and its signature gone (an office's key signs what it exported: an
#                         edited bundle is an unsigned one; new_db gives a key unless the
#                         tests' template database is used)
#   now                   the time for a change made now (after every export so far)
#   quiet CMD...          CMD's status, its output dropped
#   q DB SQL              one value out of an office database; $TODAY: today's date
# Hub load against import (hub_reload.sh, hub_rules.sh): the same start state on both sides,
# then the same bundle into both, compared ($TABLES, $WORK, check/ok/nok of clilib.sh):
#   start NAME BUNDLE...  hub database NAME ($HUB) that loaded the bundles in order and an
#                         office database ($ODB) that imported them in order
#   same NAME BUNDLE [WANT]  hub load BUNDLE into $HUB, import it into $ODB: the same exit
#                         status and counts (WANT: what both must say), the same problem
#                         report byte for byte, a refused bundle leaves the hub as it was,
#                         and then the hub's export of 33.01 equals the office's export
#   dump CONNINFO, counts FILE   what same compares
PGBIN=${PGBIN:-}
if [ -z "$PGBIN" ]; then
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && PGBIN=$d && break
	done
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || ! command -v psql >/dev/null; then
	echo "PostgreSQL server missing (sh .ci/install-deps check)"
	echo "0 passed, 1 failed"
	exit 1
fi

# The staging template kept between this script's loads (src/hub_load.c).
export SIKUBE_HUB_CACHE="$WORK/cache"

# as_pg CMD...: run CMD as the cluster's owner.
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

hub_stop() {
	[ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ] &&
		as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
	rm -rf "$WORK"
}
trap 'hub_stop' EXIT
trap 'hub_stop; exit 1' INT TERM HUP

hub_start() {
	PG_DIR="$WORK/pg"
	PG_DATA="$PG_DIR/data"
	PG_SOCK="$PG_DIR/sock"
	mkdir -p "$PG_DATA" "$PG_SOCK"
	if [ "$(id -u)" = 0 ]; then
		chmod 711 "$WORK" "$PG_DIR"
		chown nobody "$PG_DATA" "$PG_SOCK"
	fi
	chmod 700 "$PG_DATA"
	as_pg "$PGBIN/initdb" -D "$PG_DATA" -U hub --auth=trust -E UTF8 --locale=C.UTF-8 \
		--no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1; }
	# A throwaway cluster (issue 12, the tests' CPU): nothing written to disk safely, no
	# autovacuum (the loads ANALYZE what they stage), no JIT compiling, small buffers.
	as_pg "$PGBIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
		-o "-c listen_addresses='' -k $PG_SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off -c jit=off -c shared_buffers=16MB" \
		start >/dev/null 2>&1 || { cat "$PG_DATA/server.log"; return 1; }
	PG_ADMIN="host=$PG_SOCK user=hub dbname=postgres"
}

hub_psql() {
	psql -X -q -v ON_ERROR_STOP=1 -A -t -d "$1" -c "$2"
}

hub_db() {
	hub_psql "$PG_ADMIN" "CREATE DATABASE $1" >/dev/null && echo "host=$PG_SOCK user=hub dbname=$1"
}

hub_test_start() {
	command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make test-deps)"; echo "0 passed, 1 failed"; exit 1; }
	# test data only: the release generator where there is one (the sanitizers add nothing here)
	GEN=${SIKUBE_GEN:-build/release/bench-gen}
	[ -x "$GEN" ] || GEN=$(dirname "$SIKUBE_BIN")/bench-gen
	[ -x "$GEN" ] || { echo "bench-gen missing (make tests)"; echo "0 passed, 1 failed"; exit 1; }
	hub_start || { echo "0 passed, 1 failed"; exit 1; }
}

S() { "$SIKUBE_BIN" "$@"; }
# (the hub is what these scripts test: the offices' side in the release build, issue 12's CPU)
SIKUBE_REL=${SIKUBE_REL:-./sikube}
[ -x "$SIKUBE_REL" ] || SIKUBE_REL=$SIKUBE_BIN
R() { "$SIKUBE_REL" "$@"; }

same_data() {
	for f in $TABLES; do cmp -s "$1/$f.csv" "$2/$f.csv" || return 1; done
}

fix_sums() {
	sed -i '/^kunci_publik,/d; /^tanda_tangan,/d' "$1/manifest.csv"
	for f in $TABLES; do
		sed -i "s/^sha256\.$f\.csv,.*/sha256.$f.csv,$(sha256sum "$1/$f.csv" | cut -d' ' -f1)/" "$1/manifest.csv"
	done
}

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
quiet() { "$@" >/dev/null 2>&1; }
q() { sqlite3 "$1" "$2"; }
TODAY=$(date +%Y-%m-%d)

# dump CONNINFO: every hub data table, the group figures, the loans' repayments, the NIK index
# (a digest and a count each) and the number of units in the load log.
dump() {
	sql=""
	for t in $TABLES ringkas bayar nik_aktif; do
		sql="$sql SELECT '$t', md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')),
			count(*)::text FROM sikube.$t x UNION ALL"
	done
	hub_psql "$1" "$sql SELECT 'muatan', '', count(*)::text FROM sikube.muatan"
}
# counts FILE: the unit's counts as the hub or import says them ("ditambah A, diperbarui B,
# tidak berubah C"), or "ditolak" when refused.
counts() {
	sed -n -e 's/^.*: dimuat ke hub: \(ditambah [0-9]*, diperbarui [0-9]*, tidak berubah [0-9]*\)\.$/\1/p' \
		-e 's/^Impor selesai: \(ditambah [0-9]*, diperbarui [0-9]*, tidak berubah [0-9]*\), ditolak 0\.$/\1/p' \
		-e 's/^.*: ditolak: tidak ada data hub yang diubah\.$/ditolak/p' \
		-e 's/^Impor ditolak: tidak ada data yang diubah\.$/ditolak/p' "$1"
}
# start NAME BUNDLE...: the state of a scenario, made twice: the hub database NAME that loaded
# the bundles in order ($HUB) and an office database that imported them in order ($ODB).
start() {
	name=$1
	shift
	HUB=$(hub_db "$name")
	ODB=$WORK/$name.db
	new_db "$ODB"
	bad=0
	for b in "$@"; do
		R hub load --pg "$HUB" "$WORK/$b" >/dev/null 2>&1 || bad=1
		R --db "$ODB" import "$WORK/$b" >/dev/null 2>&1 || bad=1
	done
	check "state $name: $* loaded into a hub and imported into an office" test "$bad" = 0
}
# same NAME BUNDLE [WANT]: hub load BUNDLE into $HUB and import it into $ODB, then compare.
# WANT (optional) is what both must say: "ditolak", or the counts.
N=0
same() {
	N=$((N + 1))
	c=s$N
	dump "$HUB" >"$WORK/$c.before"
	S hub load --pg "$HUB" "$WORK/$2" --report "$WORK/$c.hub.csv" >/dev/null 2>"$WORK/$c.hub.err"
	hrc=$?
	S --db "$ODB" import "$WORK/$2" --report "$WORK/$c.imp.csv" >/dev/null 2>"$WORK/$c.imp.err"
	irc=$?
	hc=$(counts "$WORK/$c.hub.err")
	ic=$(counts "$WORK/$c.imp.err")
	if [ "$hrc" = "$irc" ] && [ -n "$hc" ] && [ "$hc" = "$ic" ]; then
		ok "$1: hub and import agree ($2: $hc)"
	else
		nok "$1: hub and import agree ($2)"
		echo "    hub:    exit $hrc, $hc"
		echo "    import: exit $irc, $ic"
		sed 's/^/    hub| /' "$WORK/$c.hub.err" | head -5
		sed 's/^/    import| /' "$WORK/$c.imp.err" | head -12
	fi
	[ -z "$3" ] || check "$1: it is $3" test "$ic" = "$3"
	if [ -e "$WORK/$c.hub.csv" ] || [ -e "$WORK/$c.imp.csv" ]; then
		if cmp -s "$WORK/$c.hub.csv" "$WORK/$c.imp.csv"; then
			ok "$1: the same problem report ($(($(grep -c '' "$WORK/$c.imp.csv") - 1)) problems)"
		else
			nok "$1: the same problem report"
			diff "$WORK/$c.imp.csv" "$WORK/$c.hub.csv" | head -10 | sed 's/^/    /'
		fi
	else
		ok "$1: no problem report from either"
	fi
	if [ "$hc" = ditolak ]; then
		dump "$HUB" >"$WORK/$c.after"
		check "$1: the refused bundle left the hub unchanged" cmp -s "$WORK/$c.before" "$WORK/$c.after"
	fi
	rm -rf "$WORK/$c.hx" "$WORK/$c.ix"
	R hub export --pg "$HUB" --wilayah 33.01 "$WORK/$c.hx" >/dev/null 2>&1
	R --db "$ODB" export "$WORK/$c.ix" >/dev/null 2>&1
	if same_data "$WORK/$c.hx" "$WORK/$c.ix"; then
		ok "$1: then the hub's export of 33.01 equals the office's export"
	else
		nok "$1: then the hub's export of 33.01 equals the office's export"
		for f in $TABLES; do
			diff "$WORK/$c.ix/$f.csv" "$WORK/$c.hx/$f.csv" | sed "s|^|    $f.csv (< office, > hub) |"
		done | head -10
	fi
}
