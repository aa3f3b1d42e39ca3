/* input_dlg.h - a modal box asking for one line of text (a file name, an amount), drawn over
 * the current screen like the dialogs of dialog.h. */
#ifndef SK_INPUT_DLG_H
#define SK_INPUT_DLG_H

#include <stddef.h>

/* Show prompt (translated, wrapped) and a text line holding buf as a proposal: the first typed
 * character replaces it, Backspace edits it at its end, Ctrl-U clears. Enter returns 1 with the text (trimmed) in buf; Esc returns 0
 * and leaves buf unchanged. Redraws everything on a terminal resize. */
int dlg_input(const char *prompt, char *buf, size_t n);
/* The same for a password or PIN: starts empty, shows a '*' per character, keeps spaces; the
 * dialog's own copy is wiped. */
int dlg_secret(const char *prompt, char *buf, size_t n);

#endif
