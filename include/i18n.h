/* i18n.h - gettext wrapper. Message ids are Bahasa Indonesia (the default language);
 * po/en.po holds the English catalog. */
#ifndef SK_I18N_H
#define SK_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Set up locale and catalogs. lang: "id", "en" or NULL (from the environment: an en_* locale
 * or LANGUAGE=en* selects English). Makes sure the C library runs a UTF-8 locale when one is
 * available (needed for wide-character curses). Returns 0, or -1 when lang is unknown. */
int i18n_init(const char *lang);

/* "id" or "en": the language in use after i18n_init. */
const char *i18n_lang(void);

#endif
