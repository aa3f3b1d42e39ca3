/* dialog.h - modal dialogs drawn over the current screen. They read keys themselves and
 * redraw everything on a terminal resize. */
#ifndef SK_DIALOG_H
#define SK_DIALOG_H

/* Ask a yes/no question (already translated, e.g. "Keluar dari SIKUBE? (y/t)").
 * y/Y answers yes; t/T/n/N/Esc answer no; Enter gives the default dflt (1 yes, 0 no), named
 * in the footer; other keys are ignored. Returns 1 for yes. When SIKUBE is being ended by a
 * signal (ui_terminated) it answers no at once. */
int dlg_ask(const char *question, int dflt);
/* dlg_ask with the default no: for questions that discard, delete or change what is stored. */
int dlg_confirm(const char *question);
/* Show a short note (translated) until Enter, Esc or Space. */
void dlg_message(const char *text);

#endif
