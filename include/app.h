/* app.h - entry points shared by main.c: the command line and the screens. Only main.c, the
 * command line (src/cli.c) and the UI toolkit include it: the core never calls up into them. */
#ifndef SK_APP_H
#define SK_APP_H

#include "db.h"

/* Run the command line; returns the process exit status (0, 1 or 2 per spec/cli.md). */
int cli_main(int argc, char **argv);

/* Work for the screens to do while no key is waiting: called again and again between keys
 * until it returns nonzero. */
typedef int (*ui_idle_fn)(void *ctx);

struct screen_ops;
/* Open the screens on db with root as the first screen (its init gets a NULL arg) until the
 * user quits; idle (may be NULL) runs between keys until it is done. Returns the exit status
 * (0 normal). Implemented in the UI toolkit (src/ui), which knows no screen by name. */
int ui_run(sk_db *db, const struct screen_ops *root, ui_idle_fn idle, void *ctx);
/* SIKUBE's screens from the main menu: ui_run with MAIN_MENU_OPS (screens/main_menu.c).
 * Called only by the command line. */
int screens_run(sk_db *db, ui_idle_fn idle, void *ctx);
/* The screens were asked to open a database file that does not exist (sikube --db TYPO): ask,
 * on the terminal, whether to create a new empty one there (default no). 1 when yes. */
int ui_ask_create_db(const char *path);
/* Benchmarks: start the clock whose reading at the first draw goes to $SIKUBE_BENCH_DRAW. */
void ui_bench_clock(void);

#endif
