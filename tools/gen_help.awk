# gen_help.awk - screens/help.txt (the F1 help of every screen; its header says the form) to
# C: for each section [name] a macro HELP_NAME, the text's msgid in N_() with the comment
# "TRANSLATORS: F1 help text." (and xgettext:no-c-format when it holds a %: help texts are
# shown as written, never as printf formats), and HELP_ALL, every section, for the test.
# Usage: awk -f tools/gen_lib.awk -f tools/gen_help.awk screens/help.txt > build/gen/help_gen.h
# A line it cannot read stops it (exit 1, the line named), so a build never uses half a text.
BEGIN {
	nsec = 0
	cur = ""
	gen_head("help", "screens/help.txt", "HELP_<SECTION>: the msgid of a screen's F1 help " \
		 "(struct screen_ops .help_text,\n * translated where F1 shows it).")
}

# The text with its backslashes and quotes escaped for a C string literal (character by
# character: awks differ in what a backslash in gsub's replacement means).
function c_escape(s,   out, c, i) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" || c == "\"")
			out = out "\\"
		out = out c
	}
	return out
}

# Write the section read so far (its lines text[1..nlines]; the blank lines at its end were
# never added) as the macro HELP_<NAME>, a C string piece a line.
function close_section(   i, pct) {
	if (cur == "")
		return
	if (nlines == 0)
		fail("section [" cur "] has no text")
	pct = 0
	for (i = 1; i <= nlines; i++)
		if (text[i] ~ /%/)
			pct = 1
	print ""
	printf "/* [%s] */\n", cur
	printf "#define HELP_%s \\\n", toupper(cur)
	print "\t/* TRANSLATORS: F1 help text. */ \\"
	if (pct)
		print "\t/* xgettext:no-c-format (a help text with a percent sign, not a printf format) */ \\"
	for (i = 1; i <= nlines; i++)
		printf "\t%s\"%s%s\"%s\n", i == 1 ? "N_(" : "   ", c_escape(text[i]),
		       i < nlines ? "\\n" : "", i == nlines ? ")" : " \\"
	cur = ""
}

/^#/ { next }

/^\[/ {
	if ($0 !~ /^\[[a-z][a-z0-9_]*\]$/)
		fail("a section starts with a line [name], name a lower-case C name: " $0)
	close_section()
	cur = substr($0, 2, length($0) - 2)
	if (cur in seen)
		fail("section [" cur "] stands twice")
	seen[cur] = 1
	names[++nsec] = cur
	nlines = 0
	blanks = 0
	next
}

{
	if ($0 ~ /\t/)
		fail("a tab in the text (indent continued lines with spaces)")
	if ($0 ~ /[ ]$/)
		fail("spaces at the end of the line")
	if ($0 == "") {
		if (cur != "" && nlines > 0)
			blanks++
		next
	}
	if (cur == "")
		fail("text before the first [section]")
	if ($0 ~ /^ /) {
		if (nlines == 0 || blanks > 0)
			fail("a continued line (starting with spaces) with no line above it")
		sub(/^ +/, "")
		text[nlines] = text[nlines] " " $0
		next
	}
	for (; blanks > 0; blanks--)
		text[++nlines] = ""
	text[++nlines] = $0
}

END {
	if (failed)
		exit 1
	if (nsec == 0) {
		printf "%s: no [section]\n", FILENAME > "/dev/stderr"
		exit 1
	}
	close_section()
	print ""
	print "#ifdef HELP_GEN_ALL"
	print "/* Every section of help.txt, in its order (tests). */"
	print "static const struct { const char *name, *text; } HELP_ALL[] = {"
	for (i = 1; i <= nsec; i++)
		printf "\t{ \"%s\", HELP_%s },\n", names[i], toupper(names[i])
	print "};"
	print "#endif"
	print ""
	print "#endif"
}
