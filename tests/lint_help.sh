#!/bin/sh
# lint_help.sh - the screens' F1 help (screens/help.txt, docs/HACKING.md "Changing a screen's
# help"): tools/gen_help.awk turns a well-formed file into the C the screens include, exactly
# (lines, paragraphs, continued lines, quotes, backslashes, a % sign), and refuses a malformed
# section (exit 1, naming the file and line, nothing else used); every section of help.txt is
# named by a screen (no text nobody shows).
cd "$(dirname "$0")/.." || exit 2
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $1"; }
AWK=${AWK:-awk}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lint_help.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

gen() { $AWK -f tools/gen_lib.awk -f tools/gen_help.awk "$1" >"$WORK/out.h" 2>"$WORK/err"; }

# 1. A well-formed file: the macro of each section, byte for byte.
cat >"$WORK/good.txt" <<'EOF'
# a comment

[one]
First line.

A paragraph that is long
    and continued "quoted" with a \ and 20% of it.
A list line.
# a comment inside the section
[two_2]

Only text.

EOF
cat >"$WORK/want.h" <<'EOF'
/* [one] */
#define HELP_ONE \
	/* TRANSLATORS: F1 help text. */ \
	/* xgettext:no-c-format (a help text with a percent sign, not a printf format) */ \
	N_("First line.\n" \
	   "\n" \
	   "A paragraph that is long and continued \"quoted\" with a \\ and 20% of it.\n" \
	   "A list line.")

/* [two_2] */
#define HELP_TWO_2 \
	/* TRANSLATORS: F1 help text. */ \
	N_("Only text.")
EOF
if gen "$WORK/good.txt" && sed -n '/^\/\* \[one\]/,/^#ifdef HELP_GEN_ALL/p' "$WORK/out.h" |
	sed '$d' | sed '$d' | cmp -s - "$WORK/want.h"; then
	ok "a well-formed file becomes the HELP_ macros exactly"
else
	nok "a well-formed file becomes the HELP_ macros exactly"
	cat "$WORK/err" "$WORK/out.h"
fi
if grep -q '{ "one", HELP_ONE },' "$WORK/out.h" && grep -q '{ "two_2", HELP_TWO_2 },' "$WORK/out.h"; then
	ok "HELP_ALL lists every section"
else
	nok "HELP_ALL lists every section"
fi

# 2. Malformed files: refused, the line named. Each case: name, expected line, text.
refused() {
	name=$1 line=$2
	printf '%b' "$3" >"$WORK/bad.txt"
	if gen "$WORK/bad.txt"; then
		nok "refused: $name (it was accepted)"
	elif grep -q "bad.txt:$line: " "$WORK/err"; then
		ok "refused: $name ($(cat "$WORK/err"))"
	else
		nok "refused: $name: the message names line $line"
		cat "$WORK/err"
	fi
}
refused "text before the first section" 1 'Loose text.\n[a]\nText.\n'
refused "a section name in capitals" 1 '[Member]\nText.\n'
refused "a section name with a space" 1 '[a b]\nText.\n'
refused "text after the section name" 1 '[a] x\nText.\n'
refused "a section twice" 5 '[a]\nText.\n\n# again\n[a]\nMore.\n'
refused "a section with no text" 2 '[a]\n[b]\nText.\n'
refused "the last section with no text" 4 '[a]\nText.\n[b]\n\n'
refused "a continued line at a section's start" 2 '[a]\n    continued.\n'
refused "a continued line after a blank line" 4 '[a]\nText.\n\n    continued.\n'
refused "a tab" 3 '[a]\nText\n\tindented by a tab.\n'
refused "spaces at the end of a line" 2 '[a]\nText. \n'
printf '# only a comment\n' >"$WORK/bad.txt"
if gen "$WORK/bad.txt"; then
	nok "refused: a file with no section (it was accepted)"
else
	ok "refused: a file with no section"
fi

# 3. The real file: generated, and every section named by a screen or the toolkit.
if gen screens/help.txt; then
	ok "screens/help.txt generates"
	sections=$(sed -n 's/^\[\([a-z0-9_]*\)\]$/\1/p' screens/help.txt)
	unused=""
	for s in $sections; do
		m=HELP_$(echo "$s" | tr '[:lower:]' '[:upper:]')
		grep -qw "$m" screens/*.c src/ui/*.c || unused="$unused $s"
	done
	if [ -n "$sections" ] && [ -z "$unused" ]; then
		ok "every section of help.txt is shown by a screen ($(echo $sections | wc -w) sections)"
	else
		nok "sections no screen names:$unused"
	fi
else
	nok "screens/help.txt generates"
	cat "$WORK/err"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
