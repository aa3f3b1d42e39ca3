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
