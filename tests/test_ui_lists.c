/* test_ui_lists.c - every list of the screens (screens/lists.tsv, generated into lists_gen.h)
 * fits an 80-column terminal in Bahasa Indonesia and in English: its least widths and the
 * spaces between the columns fit the 78 columns inside the frame, and each heading, as
 * text_heads draws it (translated, cut to the width text_cols gives it at 80 columns, as the
 * list screens lay it out), is whole, except where lists.tsv says it is cut in that language
 * (and then it really is: a stale mark fails too). The English headings come from the built
 * catalog (locale/en, made by `make`). */
#include <locale.h>
#define LISTS_GEN_ALL
#include "lists_gen.h"
#include "i18n.h"
#include "testlib.h"
#include "text.h"
#include "tlist.h"

/* Columns inside the frame of an 80-column terminal, as the lists lay out (COLS - 2). */
#define INNER 78

/* 1 when cut (a mark of lists.tsv: "-", "id", "en", "id en") names language lang. */
static int marked_cut(const char *cut, const char *lang)
{
	return strstr(cut, lang) != NULL;
}

/* The headings of list l in language lang at 80 columns against its cut marks. */
static void check_headings(const struct list_gen *l, const char *lang)
{
	int w[TLIST_MAX_COLS];
	text_cols(l->cols, l->n, INNER, w);
	for (int i = 0; i < l->n; i++) {
		const char *id = l->cols[i].head;
		/* as text_heads: an empty heading is not looked up */
		const char *shown = *id ? _(id) : "";
		int cut = text_width(shown) > w[i];
		char name[160];
		snprintf(name, sizeof name, "%s: heading %d \"%s\" (%s, %d columns) %s", l->name,
			 i + 1, shown, lang, w[i], cut ? "is cut" : "is whole");
		if (cut != marked_cut(l->cut[i], lang))
			printf("# %s, lists.tsv says %s\n", name, cut ? "whole" : "cut");
		CHECK(cut == marked_cut(l->cut[i], lang), name);
	}
}

/* List l's columns fit INNER columns: least widths plus one space between each two. */
static void check_fit(const struct list_gen *l)
{
	int used = l->n - 1;
	for (int i = 0; i < l->n; i++) {
		used += l->cols[i].min;
		CHECK(l->cols[i].min >= 1, l->name);
	}
	char name[120];
	snprintf(name, sizeof name, "%s: %d columns fit the %d of an 80-column screen", l->name,
		 used, INNER);
	CHECK(used <= INNER, name);
	CHECK(l->n >= 1 && l->n <= TLIST_MAX_COLS, l->name);
}

int main(void)
{
	const int nlists = (int)(sizeof LISTS_ALL / sizeof LISTS_ALL[0]);
	CHECK(i18n_init("id") == 0, "Bahasa Indonesia");
	for (int i = 0; i < nlists; i++) {
		check_fit(&LISTS_ALL[i]);
		check_headings(&LISTS_ALL[i], "id");
	}
	CHECK(i18n_init("en") == 0 && testlib_built_catalog() == 0, "English catalog in locale/");
	/* a heading every catalog translates: else the English checks would check Indonesian */
	CHECK_STR(_("Kode"), "Code", "English catalog loaded (make builds locale/en)");
	for (int i = 0; i < nlists; i++)
		check_headings(&LISTS_ALL[i], "en");
	printf("# %d lists\n", nlists);
	return testlib_summary();
}
