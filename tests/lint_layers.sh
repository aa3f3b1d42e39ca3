#!/bin/sh
# lint_layers.sh - the core's #include lines keep to its layers (docs/HACKING.md, "Layers"):
# every include goes down to a lower layer, never up or around in a circle; the core includes
# no curses header and no header of the UI toolkit (src/ui); only the command line includes
# app.h (the entry points into the screens); and no code but db.c steps a statement or runs a
# transaction statement; the stores' column lists come from src/tables.tsv.
# `sh tests/lint_layers.sh --graph` prints the
# module graph instead (the picture in docs/HACKING.md).
cd "$(dirname "$0")/.." || exit 2
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $1"; }

# The layer of each module of the core, lowest first. A module is a header in include/ and
# the src/*.c files named after it (cash_*.c belong to cashbook, meeting_*.c to meeting ...,
# see module() below). A module may include only modules of a lower layer. A new module
# gets a line here and in docs/HACKING.md. tables_gen.h (build/gen, from src/tables.tsv: the
# row structs and column lists, macros only) includes nothing. app.h (the entry points of main.c into the
# command line and the screens) stands above them all and is checked apart (check 3).
LAYERS='
sk_err 0
version 0
tables_gen 0
util 1
privacy 1
i18n 2
fixmath 2
shareout 3
evaluation_calc 3
csvio 3
outfile 3
db 4
operator 5
signing 5
table 5
region 5
collate 5
draft 5
validate 6
bundle 10
manifest 11
loan_calc 7
xlsx 7
group 8
assessment 8
cashbook 8
simpin 8
evaluation 8
member 9
meeting 9
eligibility 9
check_rules 11
simpin_book 9
report 10
import 12
export 12
check 12
backup 10
retention 10
office_xlsx 10
simpin_meeting 10
sample 13
hub 13
cli 14
'

# module FILE: the module a file (or an included header's name) belongs to.
module() {
	b=${1##*/}
	b=${b%.[ch]}
	case "$b" in
	schema) echo db ;;               # db.c's migrations, run by db_open
	db_*) echo db ;;                 # db.c's operator, permissions and audit trail
	cash_*) echo cashbook ;;
	check_rules_*) echo check_rules ;; # its generated rules (build/gen/check_rules_gen.h)
	assessment_*) echo assessment ;;
	evaluation_calc) echo evaluation_calc ;;
	evaluation_*) echo evaluation ;;   # evaluation_store.c, evaluation_propose.c ...
	meeting_*) echo meeting ;;
	import_*) echo import ;;
	report_*) echo report ;;
	hub_*|hub) echo hub ;;           # the PostgreSQL hub (program sikube-hub)
	simpin_book*) echo simpin_book ;;
	simpin_meeting*) echo simpin_meeting ;;
	simpin_*) echo simpin ;;
	cli_*|main) echo cli ;;          # the command line, above the core (main.c calls it)
	*) echo "$b" ;;
	esac
}

layer() { echo "$LAYERS" | awk -v m="$1" '$1 == m { print $2 }'; }

CORE="include/*.h src/*.c"
UI_HEADERS=$(cd src/ui && ls *.h)
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

for f in $CORE; do
	from=$(module "$f")
	grep -n '^[[:space:]]*#[[:space:]]*include' "$f" | while IFS= read -r line; do
		n=${line%%:*}
		inc=$(echo "$line" | sed -n 's/.*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p')
		case "$line" in *'<'*) echo "sys $f:$n $inc" ;; *) echo "loc $f:$n $from $(module "$inc") $inc" ;; esac
	done
done >"$edges"

if [ "$1" = "--graph" ]; then
	# One line per module: its layer and the modules it includes (app.h shown as "app").
	awk '$1 == "loc" && $3 != $4 { print $3, $4 }' "$edges" | sort -u |
		awk '{ d[$1] = d[$1] " " $2 } END { for (m in d) print m ":" d[m] }' |
		while IFS=: read -r m deps; do printf '%3s %-12s ->%s\n' "$(layer "$m")" "$m" "$deps"; done |
		sed 's/^    app/top app/' | sort -n | awk '/^top/ { t = $0; next } { print } END { print t }'
	exit 0
fi

# 1. No curses, form, menu or panel header in the core.
bad=$(awk '$1 == "sys" && $3 ~ /(^|\/)(n?curses[w]?|form|menu|panel|term)\.h$|^ncursesw?\// { print $2 " <" $3 ">" }' "$edges")
if [ -z "$bad" ]; then ok "the core includes no curses header"; else nok "curses in the core: $bad"; fi

# 2. No header of the UI toolkit (src/ui) in the core, which builds without -Isrc/ui.
bad=""
for h in $UI_HEADERS; do
	hit=$(awk -v h="$h" '$1 == "loc" && $5 == h { print $2 }' "$edges")
	[ -n "$hit" ] && bad="$bad $hit:$h"
done
if [ -z "$bad" ]; then ok "the core includes no src/ui header"; else nok "src/ui headers in the core:$bad"; fi

# 3. app.h (ui_run: up into the screens) only from the command line.
bad=$(awk '$1 == "loc" && $4 == "app" && $3 != "cli" { print $2 }' "$edges")
if [ -z "$bad" ]; then ok "only the command line includes app.h"; else nok "app.h included by the core: $bad"; fi

# 4. Every module has a layer.
bad=""
for m in $(awk '$1 == "loc" { print $3; print $4 }' "$edges" | grep -vx app | sort -u); do
	[ -n "$(layer "$m")" ] || bad="$bad $m"
done
if [ -z "$bad" ]; then ok "every core module has a layer"; else nok "modules without a layer (add them to LAYERS and docs/HACKING.md):$bad"; fi

# 5. Every include goes down a layer: so there is no circle and no upward arrow.
bad=$(awk '$1 == "loc" && $3 != $4 && $3 != "app" && $4 != "app" { print $2, $3, $4 }' "$edges" |
	while read -r at from to; do
		lf=$(layer "$from")
		lt=$(layer "$to")
		[ -n "$lf" ] && [ -n "$lt" ] && [ "$lt" -ge "$lf" ] && echo " $at ($from, layer $lf -> $to, layer $lt)"
	done)
if [ -z "$bad" ]; then ok "every include goes to a lower layer"; else nok "includes up or across:$bad"; fi

# 6. No circle in the module graph (tsort finds one whatever the table says).
if awk '$1 == "loc" && $3 != $4 { print $3, $4 }' "$edges" | sort -u | tsort >/dev/null 2>&1; then
	ok "the module graph has no circle"
else
	nok "a circle in the module graph: $(awk '$1 == "loc" && $3 != $4 { print $3, $4 }' "$edges" | sort -u | tsort 2>&1 >/dev/null | tr '\n' ' ')"
fi

# 7. The circles of issue 12, by name: util.c calls no field check, validate.h needs no
# region.h, db.c no validate.
bad=$(awk '$1 == "loc" && (($3 == "util" && $4 != "util" && $4 != "sk_err") ||
	($3 == "db" && ($4 == "validate" || $4 == "region")) || ($3 == "i18n" && $4 != "util" && $4 != "i18n") ||
	($2 ~ /^include\/validate\.h/ && $4 == "region")) { print $2, $5 }' "$edges")
if [ -z "$bad" ]; then ok "util, i18n and db include nothing above them"; else nok "the old circle is back: $bad"; fi

# 8. db.c is the only owner of steps and transactions: no sqlite3_step and no BEGIN, COMMIT,
# ROLLBACK or SAVEPOINT statement anywhere else in src/ and screens/. RAW_PENDING lists the
# exchange files whose conversion is under way (issue 10): drop each name when it is done.
# The hub's transactions (src/hub_*.c) are PostgreSQL's, through libpq: only its SQLite
# steps are checked.
RAW_PENDING=""
bad=$({ grep -nE 'sqlite3_step[[:space:]]*\(' src/hub_*.c
	grep -nE 'sqlite3_step[[:space:]]*\(|"[[:space:]]*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END)\b' \
	$(ls src/*.c src/ui/*.c screens/*.c | grep -v '^src/hub_'); } | grep -v '^src/db\.c:' |
	while IFS= read -r hit; do
		case " $RAW_PENDING " in *" ${hit%%:*} "*) ;; *) echo " $hit" ;; esac
	done)
if [ -z "$bad" ]; then ok "no raw step or transaction outside db.c"; else nok "raw step or transaction outside db.c:$bad"; fi

# 9. Who works (issue 16): the command line and the screens open the database only through
# cli_open_db (src/cli.c), which logs the operator in; a db_open elsewhere would bypass it.
bad=$(grep -nE '\bdb_open[[:space:]]*\(' src/cli*.c src/ui/*.c screens/*.c | grep -v '^src/cli\.c:' |
	sed 's/^/ /')
if [ -z "$bad" ]; then ok "the command line and the screens open the database through cli_open_db"
else nok "db_open outside cli_open_db (no login):$bad"; fi

# 10. The UI toolkit knows no screen: no header of screens/ in src/ui (ui_run takes the root
# screen; screens.h, the list of screens, lives in screens/).
bad=""
for h in screens/*.h; do
	hits=$(grep -lE "#[[:space:]]*include[[:space:]]*\"$(basename "$h")\"" src/ui/*.c src/ui/*.h 2>/dev/null)
	[ -n "$hits" ] && bad="$bad $(echo "$hits" | tr '\n' ' ')(${h##*/})"
done
if [ -z "$bad" ]; then ok "the UI toolkit includes no screen header"; else nok "screen headers in src/ui:$bad"; fi
if [ ! -e src/ui/screens.h ] && [ -f screens/screens.h ]; then ok "screens.h lives in screens/"; else nok "screens.h belongs in screens/, not src/ui/"; fi

# 11. Each column is written once (docs/HACKING.md, "One column descriptor per table"): the row
# structs and their column lists come from src/tables.tsv (tools/gen_tables.awk); no store
# spells a column descriptor by hand.
bad=$(grep -nE '\bTABLE_(TEXT|INT|INT64|INT_AS|INT_OPT|INT64_OPT|DOUBLE_OPT|STAMPS)[[:space:]]*\(' \
	src/*.c screens/*.c | sed 's/^/ /')
if [ -z "$bad" ]; then ok "the column lists come from src/tables.tsv"
else nok "column descriptors written by hand (add them to src/tables.tsv):$bad"; fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
