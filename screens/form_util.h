/* form_util.h - what the form screens do alike: their data, fields read into records and set
 * from them, merging findings, money fields, checking and saving by a descriptor, drafts,
 * leaving with unsaved input, the forms that lay out their own fields, amounts typed into
 * table cells. */
#ifndef SK_FORM_UTIL_H
#define SK_FORM_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include "sk_err.h"
#include "util.h"
#include "screens.h"
#include "tfield.h"
#include "uform.h"

/* Append every finding of src to dst. */
void fu_merge(sk_issues *dst, const sk_issues *src);
/* The number of elements of array a (a table of fields, of texts). */
#define FU_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A text field of a form and the char array member of a record that it holds (the field is
 * named as the member). FU_TEXT names it once: FU_TEXT(sk_group, nama). */
struct fu_text {
	const char *name;
	size_t at, size;   /* offsetof and sizeof the member */
};
#define FU_TEXT(type, member) { #member, offsetof(type, member), sizeof(((type *)0)->member) }
/* Read the fields t[0..n-1] of uf into their members of rec (uform_get). */
void fu_get_texts(struct uform *uf, void *rec, const struct fu_text *t, int n);
/* Set the fields t[0..n-1] of uf from their members of rec (uform_set). */
void fu_set_texts(struct uform *uf, const void *rec, const struct fu_text *t, int n);
/* Parse a rupiah field: "" is 0. On bad text adds an error for field to is and sets 0. */
void fu_money(const char *text, const char *field, int64_t *out, sk_issues *is);
/* Remark for a money field: "Rp 1.250.000" for a valid amount, else how to type it (for a
 * field that is not required, that empty means 0). */
void fu_money_note(struct uform *uf, const char *field, const char *text, int required);
/* Esc on a form: 1 when it may close (nothing typed, or the user agreed to discard). */
int fu_may_close(struct uform *uf);
/* The keys every form screen handles alike once its fields passed on a key: F2 calls save(s),
 * Esc closes the screen when fu_may_close agrees. Returns SCR_HANDLED or SCR_UNHANDLED. */
int fu_form_action(struct screen *s, struct uform *uf, wint_t ch, int kc,
		   void (*save)(struct screen *s));
/* F2 calls save(s); Esc closes the screen when nothing was typed (changed 0) or the user
 * agrees to discard it. SCR_HANDLED, or SCR_UNHANDLED for any other action. */
int fu_save_or_back(struct screen *s, enum action a, int changed, void (*save)(struct screen *s));
/* The first of fields 0..n-1 (name(i): the field's name in findings) with an error finding,
 * said in the message line ("Belum disimpan: ..."); when none has one, the first other error
 * is said. Returns the field, or -1. */
int fu_first_error(const sk_issues *is, int n, const char *(*name)(int i));
/* Items 0..n-1 not answered yet (open(ctx, i) is 1), each named by label(i, out, size)
 * ("1", "s1"): refused with msg, a format with %s for their list ("1, 2, 5"). Returns the
 * first open item, or -1 when none is (nothing said). */
int fu_refuse_open(int n, int (*open)(const void *ctx, int i), const void *ctx,
		   void (*label)(int i, char *out, size_t size), const char *msg);
/* An error for field when value has more than SK_NAME_MAX characters; 1 when added to is. */
int fu_name_too_long(const char *field, const char *value, sk_issues *is);
/* Saving was refused: show every finding, put the cursor on the first error, say so. */
void fu_refused(struct uform *uf, const sk_issues *is);
/* After a store call returned rc: SK_REFUSED shows the findings as fu_refused does, another
 * error its message in e; returns 1 only when rc is SK_OK (the caller then says fu_saved). */
int fu_stored(struct uform *uf, int rc, const sk_issues *is, const sk_err *e);
/* Message line after a save: what was saved, plus the first warning when there is one. */
void fu_saved(const char *what, const sk_issues *is);

/* SIKUBE is being ended with the form open: keep its values (uform_dump, then extra lines
 * when not NULL) as the draft of screen s for key. */
void fu_draft_save(struct screen *s, struct uform *uf, const char *key, const char *extra);
/* When the form opens: a draft of screen s for key is offered back ("pakai isian itu?",
 * Enter = yes). Yes: the fields take its values and *text (may be NULL) gets the whole
 * draft (caller frees) for the lines that are not fields. The draft is dropped either way.
 * Returns 1 when it was taken. */
int fu_draft_offer(struct screen *s, struct uform *uf, const char *key, char **text);

/* An init that cannot load what its screen shows: e's message said as an error. Returns -1
 * (what screen_ops init returns to refuse). */
int fu_fail(const sk_err *e);
/* The data of a form screen whose s->data starts with its struct uform (ui_data_new), the
 * form built from defs[0..n-1] on pages pages titled titles (uform_open). Returns the data,
 * or NULL when out of memory (s->data may then be set: the screen's free releases it). */
void *fu_form_open(struct screen *s, size_t size, const struct uf_def *defs, int n, int pages,
		   const char *const *titles);

/* What a form that lays out its own fields (tfield.h: the household and the development
 * assessment forms) is, for the fu_own helpers below. */
struct fu_own_def {
	int count;                 /* its fields, 0..count-1, in the order the cursor visits them */
	size_t tf_at;              /* offsetof(its data, its struct tfield[count]) */
	int item0, items;          /* fields item0..item0+items-1 are items answered by a key
				    * (criteria, indicators); the others are text fields */
	const char *(*name)(int i);    /* spec column name of field i (as in sk_issue.field) */
	/* 1 while item k (0..items-1) of the form's data has no answer; k as listed ("1", "s1"). */
	int (*open)(const void *data, int k);
	void (*label)(int k, char *out, size_t size);
	const char *missing;       /* msgid refusing a save while items are open: %s their list */
	/* Insert or update: SK_OK, SK_REFUSED with findings in the fu_own's found, or an error in
	 * e. */
	int (*store)(struct screen *s, sk_err *e);
	/* A key on an item (1 when used), a key that moves the cursor (1 when used), F2. */
	int (*item_key)(void *data, wint_t ch, int kc);
	int (*move_key)(void *data, enum action a);
	void (*save)(struct screen *s);
};
/* The start of the data of such a form: what it is, where the cursor is, what is pending. */
struct fu_own {
	const struct fu_own_def *def;
	int cur;                        /* current field */
	int changed;                    /* typed input not saved yet */
	sk_issues found;                /* findings of the last refused save */
	char key[SK_UUID_LEN * 2 + 8];  /* what a draft of the form is kept under */
	int cy, cx;                     /* where the cursor belongs, set when drawn */
};
/* The data of screen s for such a form: size zeroed bytes starting with its struct fu_own,
 * which follows def (static). NULL when out of memory (ui_data_new). */
void *fu_own_new(struct screen *s, size_t size, const struct fu_own_def *def);
/* Text field i drawn with its label at (y, x) and width w (tfield_item), current when it is
 * o->cur (the cursor's place kept). Returns the column after it and a gap. */
int fu_own_item(struct fu_own *o, int i, int y, int x, const char *label, int w);
/* Text field i as the form's "Catatan" on row y: across the screen, at most 68 columns. */
void fu_own_note(struct fu_own *o, int i, int y);
/* Make field to (0..count-1, else nothing) current; the first character typed into a text
 * field then replaces its value. */
void fu_own_go(struct fu_own *o, int to);
/* The cursor to the first field with an error finding in o->found, said (fu_first_error). */
void fu_own_focus(struct fu_own *o);
/* Leave the terminal's cursor in the current field: at (y, x) for an item, else where the
 * text field was drawn. */
void fu_own_cursor(const struct fu_own *o, int y, int x);
/* A key on such a form: the current item's or text field's (findings cleared when used),
 * else the form's moves, else F2 (def->save) and Esc (fu_save_or_back). Returns 1 when used,
 * 0 when not, -1 when F2 or Esc took it (the screen may be closed: return SCR_HANDLED). */
int fu_own_key(struct screen *s, wint_t ch, int kc);
/* screen_ops functions of such a form: 1 when typed input is not saved; free s->data. */
int fu_own_unsaved(struct screen *s);
void fu_own_free(struct screen *s);
/* F2 on such a form (findings cleared before): the assessor's name who within its limit, no
 * item open (refused with def->missing, the cursor on the first), then stored (def->store);
 * a refusal or an error is shown. Returns 1 when stored. */
int fu_own_store(struct screen *s, const char *who);
/* The whole screen_ops of such a form: name, init, draw, key handler, its help as the entry
 * (.help_text = HELP_X, a msgid of help_gen.h, or .help = a function), draft and the hint
 * line (the entries, HINTS_END last). */
#define FU_OWN_SCREEN(id, initf, drawf, keyf, help, draftf, ...) \
	{ .name = id, .init = initf, .draw = drawf, .key = keyf, help, \
	  .hints = HINTS(__VA_ARGS__), .unsaved = fu_own_unsaved, .draft = draftf, \
	  .free = fu_own_free }

/* Drafts of the forms that lay out their own fields (tfield.h): the text of fields[0..n-1]
 * (tf indexed by field, name(field) the line's name) as "name=value" lines (uform_line_put;
 * read them with uform_line_value), written into buf (size bytes); returns the length. */
size_t fu_draft_fields(char *buf, size_t size, const struct tfield *tf, const int *fields, int n,
		       const char *(*name)(int i));
/* Set fields[0..n-1] from their lines in a draft (fields without a line are left alone). */
void fu_draft_fill(const char *text, struct tfield *tf, const int *fields, int n,
		   const char *(*name)(int i));
/* When the form opens: the draft of screen s for key is offered back with question (a format
 * with %s for when it was kept); the draft is dropped either way. Returns the draft when the
 * user took it (caller frees; the message line says so), else NULL. */
char *fu_draft_take(struct screen *s, const char *key, const char *question);

/* An amount typed into a table cell as plain digits (the meeting's dues and money cells). */
struct fu_digits {
	int editing;               /* 1: digits typed into the current cell */
	char buf[24];              /* the digits typed: at most 12 */
};
/* A key on a cell holding amount v: a digit (the first replaces the amount), '.' (a thousands
 * mark: ignored), Backspace and Ctrl-U (which start from v's digits). 1 when used. */
int fu_digits_key(struct fu_digits *d, wint_t ch, enum action a, int64_t v);
/* Typing into the cell ends: returns 1 with the typed amount in *v (0 when it does not read)
 * when digits were typed, else 0. */
int fu_digits_end(struct fu_digits *d, int64_t *v);

/* The start of the data (calloc'ed) of a form screen on uform that keeps drafts. */
/* How a form screen checks and stores its record. */
struct fu_store {
	/* Read the fields into rec and check them: findings into is (shown under the fields).
	 * NULL: fu_form_check's way, by the three below. */
	void (*check)(struct screen *s, void *rec, sk_issues *is);
	/* Read the fields into rec; what cannot be read as findings into conv. */
	void (*collect)(struct screen *s, void *rec, sk_issues *conv);
	/* The record's rules (the core's checks): findings into is. */
	void (*rules)(struct screen *s, const void *rec, sk_issues *is);
	/* Optional: the remarks under the fields, after each check. */
	void (*notes)(struct screen *s);
	/* Insert (a new record) or update rec: SK_OK, SK_REFUSED with findings in is, or an
	 * error in e. */
	int (*store)(struct screen *s, void *rec, sk_issues *is, sk_err *e);
	/* What was saved, for the message line after a save ("Kelompok X"): into out (size n). */
	void (*what)(const void *rec, char *out, size_t n);
	size_t rec_at;     /* offsetof(the form's data, a record of its type to read the form into) */
	/* Optional: the form's own work after each key (r and left as uform_key's), before the
	 * field left shows its findings. */
	void (*after)(struct screen *s, enum uf_result r, int left);
	/* Optional: the picker of a UF_PICK field. */
	void (*pick)(struct screen *s);
	/* Optional: after a save was said, before the form closes (rec: what was saved). */
	void (*saved)(struct screen *s, const void *rec);
};
struct fu_form {
	struct uform uf;
	char key[SK_UUID_LEN + 48];   /* what a draft of the form is kept under */
	const struct fu_store *how;   /* NULL: the form handles its keys (fu_form_key) */
};
/* Check a struct fu_form screen that has its how (into its scratch record): how->check, or
 * how->collect, how->rules, the fields' lengths, every finding shown, how->notes. */
void fu_form_check(struct screen *s);
/* screen_ops key of a struct fu_form screen that has its how: after a key the form used, how's
 * after, then the field left shows its findings (how->check); a picker field asks how->pick;
 * F2 saves (fu_form_save, how->saved, the form closes); Esc as fu_form_action. */
int fu_key(struct screen *s, wint_t ch, int kc);
/* The keys of a form screen whose s->data starts with its struct uform: the form's own first,
 * then after(s, r, left) (when not NULL) with what the form did and the field the cursor
 * left (-1: none); a picker field asks pick(s); F2 and Esc as fu_form_action. */
int fu_form_key(struct screen *s, wint_t ch, int kc,
		void (*after)(struct screen *s, enum uf_result r, int left),
		void (*pick)(struct screen *s), void (*save)(struct screen *s));
/* The store function of a form whose data (struct form_type) has an is_new: insert(db, rec,
 * is, e) a new record of type rec_type, else update(db, rec, is, e). */
#define FU_STORE_FN(name, form_type, rec_type, insert, update) \
	static int name(struct screen *s, void *rec, sk_issues *is, sk_err *e) \
	{ \
		const struct form_type *f = s->data; \
		return f->is_new ? insert(s->db, (rec_type *)rec, is, e) \
				 : update(s->db, (rec_type *)rec, is, e); \
	}
/* F2 on a form screen whose s->data starts with its struct uform: every field's findings
 * shown; refused while one is an error (fu_refused); else stored, its refusal or error shown
 * (fu_stored). Returns 1 when stored: rec holds what was saved and is its warnings. */
int fu_form_store(struct screen *s, const struct fu_store *how, void *rec, sk_issues *is);
/* fu_form_store, then what was saved said with its first warning (fu_saved, how->what).
 * Returns 1 when stored: rec holds what was saved. */
int fu_form_save(struct screen *s, const struct fu_store *how, void *rec);
/* screen_ops draft of a struct fu_form screen: its values kept under its key. */
void fu_form_draft(struct screen *s);

/* screen_ops functions of a form screen whose s->data (calloc'ed) starts with its struct uform:
 * lay the form out, draw it (the cursor shown), put its window on the terminal, 1 when a
 * value differs from the snapshot, close and free. FU_OPS names the first four and free. */
void fu_resize(struct screen *s);
void fu_draw(struct screen *s);
void fu_show(struct screen *s);
int fu_unsaved(struct screen *s);
void fu_free(struct screen *s);
#define FU_OPS .draw = fu_draw, .resize = fu_resize, .show = fu_show, .free = fu_free
/* The whole screen_ops of a struct fu_form screen: its name, init, key handler, help (a HELP_
 * msgid of help_gen.h) and hint line (the entries, HINTS_END last); unsaved while a value
 * differs from the snapshot, drafts under its key. */
#define FU_SCREEN(id, initf, keyf, helptext, ...) \
	{ .name = id, .init = initf, .key = keyf, .help_text = helptext, .hints = HINTS(__VA_ARGS__), \
	  .unsaved = fu_unsaved, .draft = fu_form_draft, FU_OPS }

#endif
