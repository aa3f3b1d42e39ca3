# gen_lists.awk - screens/lists.tsv (the columns of every list; its header says the fields)
# to C: for each list NAME a static const struct text_col LIST_NAME[] with its length
# LIST_NAME_N, headings in N_() for xgettext, and LISTS_ALL, every list, for the test.
# Usage: awk -f tools/gen_lib.awk -f tools/gen_lists.awk screens/lists.tsv > build/gen/lists_gen.h
# A line it cannot read stops it (exit 1, the line named), so a build never uses half a table.
BEGIN {
	FS = "\t"
	nlists = 0
	gen_head("lists", "screens/lists.tsv",
		 "The columns of the screens' lists (struct text_col: heading, width, growth).")
	print "#include \"text.h\""
}

function close_list() {
	if (cur == "")
		return
	print "};"
	printf "#define LIST_%s_N %d\n", toupper(cur), count
}

/^#/ || /^[ \t]*$/ { next }

{
	if (NF < 5 || NF > 6)
		fail("5 or 6 tab-separated fields wanted, " NF " found")
	if ($1 !~ /^[a-z][a-z0-9_]*$/)
		fail("list name \"" $1 "\" is not a lower-case C name")
	if ($3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/)
		fail("width and growth must be whole numbers")
	if ($5 !~ /^(-|id|en|id en)$/)
		fail("cut must be -, id, en or \"id en\"")
	if ($6 ~ /\*\//)
		fail("a comment may not hold */")
	if ($1 != cur) {
		if ($1 in seen)
			fail("the lines of list " $1 " do not stand together")
		close_list()
		cur = $1
		seen[cur] = 1
		names[++nlists] = cur
		count = 0
		print ""
		printf "static const struct text_col LIST_%s[] = {\n", toupper(cur)
	}
	head = $2
	literal = head ~ /^'.*'$/
	if (literal)
		head = substr(head, 2, length(head) - 2)
	gsub(/\\/, "\\\\", head)
	gsub(/"/, "\\\"", head)
	if ($6 != "")
		printf "\t/* %s */\n", $6
	if (literal)
		printf "\t{ \"%s\", %d, %d },\n", head, $3, $4
	else
		printf "\t{ N_(\"%s\"), %d, %d },\n", head, $3, $4
	if (++count > 16)
		fail("more than 16 columns in list " cur)
	cuts[nlists, count] = $5
}

END {
	if (failed)
		exit 1
	close_list()
	print ""
	print "#ifdef LISTS_GEN_ALL"
	print "/* Every list, in the order of lists.tsv, with the languages each heading is cut in at"
	print " * 80 columns (tests/test_ui_lists.c). */"
	print "struct list_gen {"
	print "\tconst char *name;"
	print "\tconst struct text_col *cols;"
	print "\tint n;"
	print "\tconst char *cut[16];"
	print "};"
	print "static const struct list_gen LISTS_ALL[] = {"
	for (i = 1; i <= nlists; i++) {
		u = toupper(names[i])
		printf "\t{ \"%s\", LIST_%s, LIST_%s_N, {", names[i], u, u
		for (j = 1; ((i, j) in cuts); j++)
			printf " \"%s\",", cuts[i, j]
		print " } },"
	}
	print "};"
	print "#endif"
	print ""
	print "#endif"
}
