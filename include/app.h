/* app.h - entry points shared by main.c: the command line and the screens. */
#ifndef SK_APP_H
#define SK_APP_H

#include "db.h"

#define SIKUBE_VERSION "0.1.0"

/* Run the command line; returns the process exit status (0, 1 or 2 per spec/cli.md). */
int cli_main(int argc, char **argv);

/* Open the screens on db until the user quits. Returns the exit status (0 normal).
 * Implemented in the UI toolkit (src/ui), never called by the core. */
int ui_run(sk_db *db);

#endif
