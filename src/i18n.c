/* i18n.c - locale and gettext set-up. */
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "i18n.h"
#include "util.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static char current_lang[4] = "id";

/* Make sure the C library runs a UTF-8 locale (wide-character curses needs one). */
static void ensure_utf8(void)
{
	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C");
	const char *cs = nl_langinfo(CODESET);
	if (cs && strcmp(cs, "UTF-8") == 0)
		return;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
}

/* Language the environment asks for: "en" when LANGUAGE or the messages locale is English. */
static const char *env_lang(void)
{
	const char *v = getenv("LANGUAGE");
	if (v && *v)
		return strncmp(v, "en", 2) == 0 ? "en" : "id";
	const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		v = getenv(names[i]);
		if (v && *v)
			return strncmp(v, "en", 2) == 0 ? "en" : "id";
	}
	return "id";
}

/* Folder holding locale/<lang>/LC_MESSAGES/sikube.mo: beside the binary (or two levels up for
 * build/<variant>/sikube), else the installed one. */
static void bind_catalog(void)
{
	char exe[PATH_MAX], path[PATH_MAX + 64];
	const char *mids[] = { "/locale", "/../../locale", "/../share/locale" };
	sk_exe_dir(exe, sizeof exe);
	for (size_t i = 0; i < sizeof mids / sizeof mids[0]; i++) {
		snprintf(path, sizeof path, "%s%s/en/LC_MESSAGES/sikube.mo", exe, mids[i]);
		if (access(path, R_OK) == 0) {
			snprintf(path, sizeof path, "%s%s", exe, mids[i]);
			bindtextdomain("sikube", path);
			return;
		}
	}
	bindtextdomain("sikube", LOCALEDIR);
}

int i18n_init(const char *lang)
{
	if (lang && strcmp(lang, "id") != 0 && strcmp(lang, "en") != 0)
		return -1;
	ensure_utf8();
	const char *use = lang ? lang : env_lang();
	sk_strlcpy(current_lang, use, sizeof current_lang);
	/* LANGUAGE picks the catalog whatever the (often C.UTF-8) locale is. Indonesian is the
	 * message-id language, so it needs no catalog. */
	setenv("LANGUAGE", strcmp(use, "en") == 0 ? "en" : "id", 1);
	bind_catalog();
	bind_textdomain_codeset("sikube", "UTF-8");
	textdomain("sikube");
	return 0;
}

const char *sk_pgettext(const char *m)
{
	const char *t = gettext(m);
	if (t != m)
		return t;
	const char *id = strchr(m, '\004');
	return id ? id + 1 : m;
}

const char *i18n_lang(void)
{
	return current_lang;
}
