# gen_check_rules.awk - src/check_rules_ledger.tab into the C header of its macros (the file
# says its format). POSIX awk (Debian's mawk runs it), after tools/gen_lib.awk (gen_head, fail):
#   awk -f tools/gen_lib.awk -f tools/gen_check_rules.awk src/check_rules_ledger.tab \
#	> build/gen/check_rules_gen.h
# A part with `source` rules also gets LEDGER_<part>_ANY: each such rule's form for a bulk
# import's question "is any row broken?" (SOURCE_ANY, over check_rules.c's copy of the postings).
function cstr(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return "\"" s "\"" }
function msg(i) { return "N_(" cstr(val[i]) ")" }
# The rule record read so far, as its family macro, appended to the current part.
function flush(   m, a, want) {
	if (kind == "")
		return
	want = kind == "reversals" ? 3 : kind == "source" ? 2 : 1
	if (nval != want)
		fail(kind " " name ": " want " value(s) expected, " nval " found")
	if (part == "" || tname == "")
		fail(kind " " name ": no part or table before it")
	t = cstr(tname)
	if (kind == "member")
		m = "MEMBER_RULE(" cstr(name) ", " t ", " tnum ", " msg(1) ")"
	else if (kind == "in_cycle")
		m = "IN_CYCLE_RULE(" cstr(name) ", " t ", " tnum ", " msg(1) ")"
	else if (kind == "reversals")
		m = "REVERSAL_RULES(" t ", " t ", " tnum ", " cstr(val[1]) ", " msg(2) ", " msg(3) ")"
	else if (kind == "meeting")
		m = "MEETING_RULE(" cstr(name) ", " t ", " tnum ", " tgroup ", " msg(1) ")"
	else if (kind == "not_yet")
		m = "NOT_YET(" cstr(name) ", " t ", " tnum ", " cstr(arg) ", " msg(1) ")"
	else if (kind == "source") {
		m = "SOURCE_RULE(" cstr(name) ", " t ", " tnum ", " cstr(val[1]) ", " msg(2) ")"
		a = "SOURCE_ANY(" cstr(name) ", " t ", " cstr(val[1]) ")"
		any[part] = any[part] (any[part] == "" ? "" : ", \\\n") "\t" a
	} else
		fail("unknown kind " kind)
	body[part] = body[part] (body[part] == "" ? "" : ", \\\n") "\t" m
	kind = ""
}
BEGIN {
	gen_head("check_rules", "src/check_rules_ledger.tab", "LEDGER_<part>: the rules of the " \
		 "savings-and-loans tables, a list of check_rules.c's family macros each")
}
/^#/ || /^[ \t]*$/ { next }
/^\t\t/ { if (!nval) fail("a continuation without a value"); sub(/^\t\t/, ""); val[nval] = val[nval] " " $0; next }
/^\t/ { if (kind == "") fail("a value without a rule"); sub(/^\t/, ""); val[++nval] = $0; next }
{
	flush()
	if ($1 == "part") {
		if (NF != 2 || ($2 in body)) fail("part NAME, once each")
		part = $2; body[part] = ""; order[++nparts] = part
	} else if ($1 == "table") {
		if (NF != 4) fail("table NAME NUMBER GROUP")
		tname = $2; tnum = $3; tgroup = $4
	} else {
		kind = $1; name = $2; arg = $3; nval = 0
	}
}
END {
	if (failed)
		exit 1
	flush()
	for (i = 1; i <= nparts; i++) {
		if (body[order[i]] == "") {
			printf "%s: part %s has no rule\n", FILENAME, order[i] > "/dev/stderr"
			exit 1
		}
		printf "\n#define LEDGER_%s \\\n%s\n", order[i], body[order[i]]
		if (any[order[i]] != "")
			printf "\n#define LEDGER_%s_ANY \\\n%s\n", order[i], any[order[i]]
	}
	print "\n#endif"
}
