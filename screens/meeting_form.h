/* meeting_form.h - shared by the meeting form (meeting_form.c: header fields, saving) and its
 * attendance grid (meeting_grid.c). Not for other screens. */
#ifndef SK_MEETING_FORM_H
#define SK_MEETING_FORM_H

#include <wchar.h>
#include "group.h"
#include "meeting.h"
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
	int editing;                             /* 1: digits typed into the current dues cell */
	char digits[16];
	int cy, cx;                              /* cursor cell in the form window */
};

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
