/* member_search.c - members of every group, found by part of the name or the start of the NIK;
 * Enter opens the member form. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "member.h"
#include "screens.h"
#include "tlist.h"

static int ms_count(struct screen *s, const char *search)
{
	return member_search_count(s->db, search);
}

static int ms_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	const struct tlist *tl = s->data;
	return member_search_page(s->db, search, offset, limit, tl->pl.total, rows, n, e);
}

static void ms_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	const sk_member_row *r = row;
	member_row_cells(r, r->kelompok_nama, cells, buf);
}

static int ms_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	(void)s;
	const sk_member_row *r = row;
	enum action a = keys_action(ch, kc);
	if (a != ACT_EDIT && a != ACT_ENTER)
		return SCR_UNHANDLED;
	if (r) {
		struct member_form_arg arg = { r->kelompok_id, r->id };
		ui_push(&MEMBER_FORM_OPS, &arg);
	}
	return SCR_HANDLED;
}

static const struct tlist_def MS_LIST = {
	TLIST_COLS(LIST_MEMBER_SEARCH), .row_size = sizeof(sk_member_row),
	.count = ms_count, .fetch = ms_fetch, .cells = ms_cells, .key = ms_key,
	TLIST_SEARCH(N_("Cari nama atau NIK:"), N_("Anggota %d dari %d")),
};

static int ms_init(struct screen *s, void *arg)
{
	(void)arg;
	return tlist_open(s, sizeof(struct tlist), &MS_LIST, N_("Cari anggota")) ? 0 : -1;
}

const struct screen_ops MEMBER_SEARCH_OPS =
	TLIST_SCREEN("member-search", ms_init, HELP_MEMBER_SEARCH,
		HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Buka")), HINTS_BACK_QUIT);
