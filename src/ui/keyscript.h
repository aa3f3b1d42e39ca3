/* keyscript.h - timed key replay for the benchmarks (bench/run.sh), hidden from users: only
 * when $SIKUBE_BENCH_KEYS names a script does the main loop take its keys from it.
 *
 * Script: one action per line, "label: token token ...", '#' starts a comment. A token is a
 * named key (<Enter> <Esc> <Up> <Down> <PgUp> <PgDn> <Home> <End> <Tab> <BS> <Space>
 * <F1>..<F12>), <Menu> (not a key: close every screen above the main menu, without a
 * confirmation), or text typed one character at a time; "*N" after a token repeats it N
 * times (<PgDn>*50). Each key is handled and the screen drawn before the next one, as when
 * a person types slowly. For each action a line "label<TAB>keys<TAB>total_ms<TAB>max_ms<TAB>
 * screen" goes to $SIKUBE_BENCH_OUT (max_ms: the slowest key, handling plus drawing), and
 * the screen's text after the action to $SIKUBE_BENCH_OUT.screens. */
#ifndef SK_KEYSCRIPT_H
#define SK_KEYSCRIPT_H

#include <wchar.h>

/* 1 when a script was given and opened (a script that cannot be read: message on stderr,
 * returns -1); 0 when there is none. */
int keyscript_open(void);
/* *kc for <Menu>. */
#define KEYSCRIPT_MENU (-2)

/* The next key (ch, and *kc as get_wch: OK or KEY_CODE_YES, or KEYSCRIPT_MENU); 0 when the
 * script is done. */
int keyscript_next(wint_t *ch, int *kc);
/* The key from keyscript_next was handled and drawn; screen: the top screen's name. */
void keyscript_key_done(const char *screen);
/* Write the last action's line and close the files. */
void keyscript_close(void);
/* The first screen is drawn: when $SIKUBE_BENCH_DRAW names a file, write into it the ms since
 * ui_bench_clock() (app.h) was started. */
void keyscript_first_draw(void);

#endif
