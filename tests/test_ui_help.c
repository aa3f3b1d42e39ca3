/* test_ui_help.c - every F1 help text (screens/help.txt, generated into help_gen.h) has its
 * English in the built catalog (locale/en, made by `make` from po/en.po), so a new or changed
 * text whose translation was forgotten (make pot not run, or the entry left fuzzy) fails
 * here rather than showing Bahasa Indonesia to an English clerk. */
#define HELP_GEN_ALL
#include "help_gen.h"
#include "i18n.h"
#include "testlib.h"

int main(void)
{
	const int n = (int)(sizeof HELP_ALL / sizeof HELP_ALL[0]);
	CHECK(n >= 1, "help.txt has sections");
	CHECK(i18n_init("en") == 0 && testlib_built_catalog() == 0, "English catalog in locale/");
	/* a message every catalog translates: else the checks below would fail for that */
	CHECK_STR(_("Kode"), "Code", "English catalog loaded (make builds locale/en)");
	for (int i = 0; i < n; i++) {
		const char *en = _(HELP_ALL[i].text);
		char what[120];
		snprintf(what, sizeof what, "[%s] has its English in po/en.po", HELP_ALL[i].name);
		CHECK(strcmp(en, HELP_ALL[i].text) != 0 && *en, what);
	}
	printf("# %d help texts\n", n);
	return testlib_summary();
}
