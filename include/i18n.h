/* i18n.h - gettext wrapper. Message ids are Bahasa Indonesia (the default language);
 * po/en.po holds the English catalog. */
#ifndef SK_I18N_H
#define SK_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* A message with a context, for a word that translates differently by use (the menu's
 * "Keluar" is Quit, the cash book's is money out). C_ translates at once; NC_ marks one in a
 * static table, translated at use with sk_pgettext. make pot passes both to xgettext. */
#define C_(ctx, s) sk_pgettext(ctx "\004" s)
#define NC_(ctx, s) (ctx "\004" s)

/* Translation of m, a plain message id or one made by NC_ ("context\004id"). Without a
 * translation: the id without its context. Never NULL; static storage, not to be freed. */
const char *sk_pgettext(const char *m);

/* Set up locale and catalogs. lang: "id", "en" or NULL (from the environment: an en_* locale
 * or LANGUAGE=en* selects English). Makes sure the C library runs a UTF-8 locale when one is
 * available (needed for wide-character curses). Returns 0, or -1 when lang is unknown. */
int i18n_init(const char *lang);

/* "id" or "en": the language in use after i18n_init. */
const char *i18n_lang(void);

#endif
