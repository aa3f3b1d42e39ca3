/* meeting_form.h - shared by the meeting form (meeting_form.c: header fields, saving) and its
 * attendance grid (meeting_grid.c). Not for other screens. */
#ifndef SK_MEETING_FORM_H
#define SK_MEETING_FORM_H

#include <wchar.h>
#include "group.h"
#include "meeting.h"
#include "form_util.h"
#include "uform.h"

/* Grid columns. */
enum { MG_STATUS = 0, MG_KAS = 1, MG_IKS = 2, MG_NCOLS = 3 };

struct meeting_form {
	struct uform uf;                         /* header fields */
	sk_meeting m;                            /* stored meeting, or the proposal */
	sk_group g;
	int is_new;
	int n;                                   /* attendance rows */
	sk_attendance rows[MEETING_MAX_ROWS];
	sk_attendance orig[MEETING_MAX_ROWS];    /* rows as loaded, for "unsaved" */
	int orig_n;
	char grid_date[16];                      /* the date the attendance list is for */
	char key[SK_UUID_LEN + 48];              /* what a draft of this form is kept under */
	sk_attendee names[MEETING_MAX_ROWS];
	int grid;                                /* 1: the keys go to the grid */
	int cur, col, top;                       /* grid row, column, first row shown */
	struct fu_digits dues;                   /* digits typed into the current dues cell */
	int cy, cx;                              /* cursor cell in the form window */
	/* Savings and loans (meeting_money.c): pages 3-7 of a new meeting of a group running a
	 * cycle; page 0 is the header and the grid above. */
	int page;
	struct mm_state *money;                  /* NULL: none */
};

struct screen;
/* The savings-and-loans pages (meeting_money.c, docs/simpin.md section 7). */
/* Prepare them for a new meeting (nothing when the group runs no cycle). */
void mm_open(struct screen *s);
/* The date (or the attendance list) of a new meeting changed to date: the pages are worked out
 * again for it (what was typed on them is dropped). 1 when they were open and are redone. */
int mm_redate(struct screen *s, const char *date);
/* 1 when the meeting has the pages. */
int mm_active(const struct meeting_form *f);
/* Go to page (3-7) from the grid, the pages brought in line with the roll call first. */
void mm_enter(struct screen *s, int page);
/* Draw the current page into the form window; a key on it (PgDn/PgUp change pages). */
void mm_draw(struct screen *s);
int mm_key(struct screen *s, wint_t ch, int kc);
/* Before saving: the cell being typed taken, the fines and cash brought in line. */
void mm_before_save(struct screen *s);
/* A refused save pointed at page and row: show them. */
void mm_refused(struct screen *s, int page, int row);
/* 1 while a new loan is being typed (Esc then cancels it, not the form). */
int mm_loan_typing(const struct meeting_form *f);
/* What the pages hold, for saving (NULL when none). */
struct sk_meeting_money;
const struct sk_meeting_money *mm_money(const struct meeting_form *f);
/* The same, to change in place (drafts). */
struct sk_meeting_money *mm_money_edit(struct meeting_form *f);
/* Release them. */
void mm_free(struct meeting_form *f);
/* The pages' values as draft lines ("mm.sav.<member>=...", meeting_money_draft.c), malloc'ed
 * (caller frees), or NULL when the meeting has no pages (or memory ran out). */
char *mm_draft_text(struct meeting_form *f);
/* Put back what draft text holds on the pages just opened (mm_open): typed savings and
 * repayments, the fines' marks and hand-added fines, the new loans. Lines for members or
 * loans no longer on the pages are passed over. */
void mm_draft_load(struct screen *s, const char *text);

/* Draw the grid and its totals into the form window (rows below the header). */
void mgrid_draw(struct meeting_form *f);
/* A key for the grid: SCR_HANDLED, or SCR_UNHANDLED for the screen/main loop. Sets
 * *to_header when the user moved up out of the grid. */
int mgrid_key(struct meeting_form *f, wint_t ch, int kc, int *to_header);
/* End typing into a dues cell: the digits become the amount. */
void mgrid_commit(struct meeting_form *f);
/* Rows of the form window the grid may use for member rows. */
int mgrid_rows(const struct meeting_form *f);
/* Counts and dues totals of the grid. */
void mgrid_totals(const struct meeting_form *f, int count[4], int64_t *kas, int64_t *iks);

#endif
