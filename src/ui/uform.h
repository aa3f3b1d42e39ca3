/* uform.h - an input form on the ncurses form library: fields laid out from a table, wide
 * character input (form_driver_w), choice fields, picker fields, pages, and per-field
 * validation messages shown on the row under each field. The screen owning the form decides
 * what is valid: it runs the core's validation and hands the findings in. */
#ifndef SK_UFORM_H
#define SK_UFORM_H

#include <curses.h>
#include <form.h>
#include <wchar.h>
#include "sk_err.h"

enum uf_kind {
	UF_TEXT,     /* free text, one line, scrolls sideways up to max characters */
	UF_CHOICE,   /* one of values: Space/Left/Right cycle, a letter jumps */
	UF_PICK      /* read-only code filled by a picker (Enter/F5 or typing opens it) */
};

/* One field. Rows and columns are inside the form window (row 0 is the page heading; the row
 * under each field row shows that row's messages). */
struct uf_def {
	const char *name;            /* spec column name, as in sk_issue.field */
	const char *label;           /* msgid */
	int page, row, lcol, fcol, width, max;
	enum uf_kind kind;
	const char *const *values;   /* UF_CHOICE: stored values, NULL-terminated */
	const char *const *labels;   /* UF_CHOICE: msgids shown for them (NULL: the values) */
};

/* Entries of a field table that name only what differs: the field's name and label, its page
 * p and row r, the label's column lc and the field's fc, its width w; a text or picker field
 * holds at most mx characters, a choice field shows values as labels (NULL: the values). */
#define UF_FIELD_AT(k, nm, lb, p, r, lc, fc, w, mx) \
	.name = nm, .label = lb, .kind = k, .page = p, .row = r, .lcol = lc, .fcol = fc, \
	.width = w, .max = mx
#define UF_TEXT_AT(nm, lb, p, r, lc, fc, w, mx) \
	{ UF_FIELD_AT(UF_TEXT, nm, lb, p, r, lc, fc, w, mx) }
#define UF_PICK_AT(nm, lb, p, r, lc, fc, w, mx) \
	{ UF_FIELD_AT(UF_PICK, nm, lb, p, r, lc, fc, w, mx) }
#define UF_CHOICE_AT(nm, lb, p, r, lc, fc, w, vals, labs) \
	{ UF_FIELD_AT(UF_CHOICE, nm, lb, p, r, lc, fc, w, 0), .values = vals, .labels = labs }
/* The same for a field in the form's own columns: a form whose fields mostly stand in one
 * column defines UF_LCOL and UF_FCOL (label and field column) before its table. */
#define UF_TEXT_COL(nm, lb, p, r, w, mx) UF_TEXT_AT(nm, lb, p, r, UF_LCOL, UF_FCOL, w, mx)
#define UF_PICK_COL(nm, lb, p, r, w, mx) UF_PICK_AT(nm, lb, p, r, UF_LCOL, UF_FCOL, w, mx)
#define UF_CHOICE_COL(nm, lb, p, r, w, vals, labs) \
	UF_CHOICE_AT(nm, lb, p, r, UF_LCOL, UF_FCOL, w, vals, labs)
/* A choice field in the form's columns that shows its stored values (no labels). */
#define UF_VALUES_COL(nm, lb, p, r, w, vals) UF_CHOICE_COL(nm, lb, p, r, w, vals, NULL)
/* The values and labels of a yes/no choice field stored as "0" and "1" ("Tidak", "Ya"). */
extern const char *const UF_YN_VALUES[];
extern const char *const UF_YN_LABELS[];

struct uform {
	const struct uf_def *defs;
	int n, pages;
	const char *const *page_titles;  /* msgids, one per page */
	FIELD **fields;                   /* n + 1, NULL-terminated */
	FORM *form;
	WINDOW *win, *sub;
	int posted;
	int *choice;                      /* index into values, per field */
	char **orig;                      /* values at the last snapshot */
	char **notes;                     /* per-field remarks shown when there is no finding */
	unsigned char *touched;           /* 1: the user has left the field (show findings) */
	sk_issues issues;                 /* findings of the last validation */
	int cur;                          /* current field index after the last key */
	int left;                         /* field the cursor last left, -1 none */
	int fresh;                        /* 1: the cursor just arrived in the current field: the
					   * first typed character replaces its value */
	wint_t pick_char;                 /* the character that opened a picker (0: Enter/F5) */
};

/* What uform_key did. */
enum uf_result {
	UF_IGNORED = 0,  /* not a form key: the screen or main loop may handle it */
	UF_DONE,         /* handled */
	UF_WANT_PICK     /* the user wants the picker of the current UF_PICK field */
};

/* Build fields and the form (not shown yet). Returns 0, or -1 when out of memory. */
int uform_open(struct uform *uf, const struct uf_def *defs, int n, int pages,
	       const char *const *page_titles);
/* Free everything (NULL-safe on a zeroed struct). */
void uform_close(struct uform *uf);
/* (Re)create the form window for the current terminal size and post the form; keeps the
 * current field. */
void uform_layout(struct uform *uf);

/* Index of the field called name, or -1. */
int uform_index(const struct uform *uf, const char *name);
/* Set a field from a stored value (choice: the matching value, else the first). */
void uform_set(struct uform *uf, const char *name, const char *value);
/* A field's value, trimmed, into out (size n). */
void uform_get(struct uform *uf, const char *name, char *out, size_t n);
/* Remember the current values as saved; uform_dirty compares against them. */
void uform_snapshot(struct uform *uf);
/* 1 when some value differs from the snapshot. */
int uform_dirty(struct uform *uf);
/* Set a field's remark (shown under it when it has no finding); NULL clears. */
void uform_note(struct uform *uf, const char *name, const char *text);
/* An error for every text field holding more characters than its max ("paling panjang N
 * huruf"): text fields take more than max, so that a long name is refused with its limit,
 * never cut. Appended to is. */
void uform_check_lengths(struct uform *uf, sk_issues *is);
/* The values of every field as "name=value" lines (a newline, a backslash in a value
 * escaped), for a draft; *out is malloc'ed (caller frees), NULL when out of memory. */
char *uform_dump(struct uform *uf);
/* One "name=value" line as uform_dump writes them (a line end in value as \n, a backslash as
 * \\) appended to buf (size n) at *used. Returns 0, or -1 when it does not fit (nothing
 * appended). */
int uform_line_put(char *buf, size_t n, size_t *used, const char *name, const char *value);
/* The value of line "name=" of such lines, unescaped, into out (size n); 0 when none. */
int uform_line_value(const char *text, const char *name, char *out, size_t n);
/* Set the fields named in text made by uform_dump; unknown names are left alone. */
void uform_load(struct uform *uf, const char *text);

/* Findings to show (copied). Only touched fields show theirs; findings about names that are
 * not fields show on the form's last row. */
void uform_set_issues(struct uform *uf, const sk_issues *is);
/* Mark one field (index) or every field as left by the user. */
void uform_touch(struct uform *uf, int idx);
void uform_touch_all(struct uform *uf);
/* Index of the first field (in form order) with an error finding, or -1. */
int uform_first_error(const struct uform *uf);
/* Make field idx current (changing page when needed). */
void uform_focus(struct uform *uf, int idx);
/* Name of the current field. */
const char *uform_current(const struct uform *uf);

/* Handle a key; *left gets the index of a field the cursor just left, or -1. */
enum uf_result uform_key(struct uform *uf, wint_t ch, int kc, int *left);
/* Draw labels, page heading and messages into the form window. A finding cut to fit its row
 * (the current field's or the one just left) is handed to the message area in full. */
void uform_draw(struct uform *uf);
/* Put the form window on the terminal (after stdscr) with the cursor in the current field. */
void uform_refresh(struct uform *uf);

#endif
