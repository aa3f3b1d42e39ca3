/* meeting_grid.c - the attendance grid of the meeting form: one row per member, one key sets
 * H/I/S/A and moves on, dues prefilled and typed as plain digits, totals updated live. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "colors.h"
#include "i18n.h"
#include "keys.h"
#include "meeting_form.h"
#include "text.h"
#include "ui.h"

#define GRID_HEAD 7                /* form-window row of the grid's headings */
#define NAME_X 5
#define STATUS_W 10                /* " H present": the status cell with its key letter */

static const char STATUS_KEYS[] = "HISA";
static const char *const STATUS_LABELS[] = { N_("H hadir"), N_("I izin"), N_("S sakit"),
					     N_("A alpa") };

int mgrid_rows(const struct meeting_form *f)
{
	int h = f->uf.win ? getmaxy(f->uf.win) : 0;
	int rows = h - GRID_HEAD - 3;   /* headings, totals row, findings row */
	return rows < 1 ? 1 : rows;
}

static int status_index(const char *st)
{
	const char *p = *st ? strchr(STATUS_KEYS, *st) : NULL;
	return p ? (int)(p - STATUS_KEYS) : 0;
}

void mgrid_totals(const struct meeting_form *f, int count[4], int64_t *kas, int64_t *iks)
{
	memset(count, 0, 4 * sizeof count[0]);
	*kas = *iks = 0;
	for (int i = 0; i < f->n; i++) {
		count[status_index(f->rows[i].status)]++;
		*kas += f->rows[i].iuran_kas;
		*iks += f->rows[i].iuran_iks;
	}
}

/* Column x positions and widths for the current window width. */
static void layout(const struct meeting_form *f, int *name_w, int x[MG_NCOLS])
{
	int cols = getmaxx(f->uf.win);
	*name_w = cols - NAME_X - 1 - STATUS_W - 1 - 12 - 1 - 12 - 1;
	x[MG_STATUS] = NAME_X + *name_w + 1;
	x[MG_KAS] = x[MG_STATUS] + STATUS_W + 1;
	x[MG_IKS] = x[MG_KAS] + 13;
}

static void draw_row(struct meeting_form *f, int i, int y, int name_w, const int x[MG_NCOLS])
{
	WINDOW *w = f->uf.win;
	const sk_attendance *a = &f->rows[i];
	int sel = f->grid && i == f->cur;
	attr_t base = sel ? ui_attr(R_SELECTED) : A_NORMAL;
	char buf[64], num[32];
	text_put(w, y, 0, "", getmaxx(w), base);
	snprintf(buf, sizeof buf, "%3d", i + 1);
	text_put(w, y, 1, buf, 4, base);
	text_put(w, y, NAME_X, f->names[i].nama, name_w, base);
	for (int c = 0; c < MG_NCOLS; c++) {
		attr_t at = sel && c == f->col ? ui_attr(R_FIELD_CUR) : base;
		if (c == MG_STATUS) {
			snprintf(buf, sizeof buf, " %s", _(STATUS_LABELS[status_index(a->status)]));
			text_put(w, y, x[c], buf, STATUS_W, at);
			continue;
		}
		int64_t v = c == MG_KAS ? a->iuran_kas : a->iuran_iks;
		if (sel && c == f->col && f->dues.editing)
			snprintf(buf, sizeof buf, "%12s", f->dues.buf);
		else
			snprintf(buf, sizeof buf, "%12s", sk_format_rupiah(v, num, sizeof num));
		text_put(w, y, x[c], buf, 12, at);
	}
	if (sel) {
		f->cy = y;
		f->cx = f->col == MG_STATUS ? x[MG_STATUS] + 1 : x[f->col] + 11;
	}
}

static void draw_totals(struct meeting_form *f, int y)
{
	int count[4];
	int64_t kas, iks;
	char line[300], k[32], s[32];
	mgrid_totals(f, count, &kas, &iks);
	int width = getmaxx(f->uf.win) - 2;
	sk_format_rupiah(kas, k, sizeof k);
	sk_format_rupiah(iks, s, sizeof s);
	snprintf(line, sizeof line, _("Hadir %d, izin %d, sakit %d, alpa %d dari %d   Iuran kas Rp %s, "
				      "IKS Rp %s"), count[0], count[1], count[2], count[3], f->n, k, s);
	if (text_width(line) > width) /* big groups or dues: the short form, never a cut number */
		snprintf(line, sizeof line, _("H %d  I %d  S %d  A %d  dari %d   Kas Rp %s  IKS Rp %s"),
			 count[0], count[1], count[2], count[3], f->n, k, s);
	text_put(f->uf.win, y, 0, "", getmaxx(f->uf.win), A_NORMAL);
	text_put(f->uf.win, y, 1, line, width, ui_attr(R_HEADER));
}

void mgrid_draw(struct meeting_form *f)
{
	WINDOW *w = f->uf.win;
	if (!w)
		return;
	int name_w, x[MG_NCOLS], h = mgrid_rows(f);
	layout(f, &name_w, x);
	text_put(w, GRID_HEAD, 0, "", getmaxx(w), A_NORMAL);
	text_put(w, GRID_HEAD, 1, _(" No"), 3, ui_attr(R_HEADER));
	char head[160];
	if (f->n > h) /* not every member fits: say which are shown */
		snprintf(head, sizeof head, _("Nama anggota (%d-%d dari %d)"), f->top + 1,
			 f->top + h < f->n ? f->top + h : f->n, f->n);
	else
		snprintf(head, sizeof head, "%s", _("Nama anggota"));
	text_put(w, GRID_HEAD, NAME_X, head, name_w, ui_attr(R_HEADER));
	text_put(w, GRID_HEAD, x[MG_STATUS], _(" Status"), STATUS_W, ui_attr(R_HEADER));
	text_put(w, GRID_HEAD, x[MG_KAS], _("   Iuran kas"), 12, ui_attr(R_HEADER));
	text_put(w, GRID_HEAD, x[MG_IKS], _("   Iuran IKS"), 12, ui_attr(R_HEADER));
	if (f->cur < f->top)
		f->top = f->cur;
	if (f->cur >= f->top + h)
		f->top = f->cur - h + 1;
	for (int r = 0; r < h; r++) {
		int i = f->top + r;
		if (i < f->n)
			draw_row(f, i, GRID_HEAD + 1 + r, name_w, x);
		else
			text_put(w, GRID_HEAD + 1 + r, 0, "", getmaxx(w), A_NORMAL);
	}
	if (f->top > 0)
		text_put(w, GRID_HEAD + 1, 0, "\u2191", 1, ui_attr(R_DIM));
	if (f->top + h < f->n)
		text_put(w, GRID_HEAD + h, 0, "\u2193", 1, ui_attr(R_DIM));
	if (f->n == 0)
		text_put(w, GRID_HEAD + 1, NAME_X, _("(tidak ada anggota aktif)"), name_w, ui_attr(R_DIM));
	draw_totals(f, GRID_HEAD + 1 + h);
}

void mgrid_commit(struct meeting_form *f)
{
	int64_t v = 0;
	if (!fu_digits_end(&f->dues, &v))
		return;
	if (f->col == MG_KAS)
		f->rows[f->cur].iuran_kas = v;
	else if (f->col == MG_IKS)
		f->rows[f->cur].iuran_iks = v;
}

/* Set the current row's status; absent members pay nothing, a member marked present again
 * pays the group's dues. Moves to the next row. */
static void set_status(struct meeting_form *f, int k, int advance)
{
	sk_attendance *a = &f->rows[f->cur];
	int was_h = strcmp(a->status, "H") == 0;
	a->status[0] = STATUS_KEYS[k];
	a->status[1] = '\0';
	if (k != 0) {
		a->iuran_kas = a->iuran_iks = 0;
	} else if (!was_h) {
		a->iuran_kas = f->g.iuran_kas;
		a->iuran_iks = f->g.iuran_iks;
	}
	if (advance && f->cur + 1 < f->n)
		f->cur++;
}

/* Typing into a dues cell: digits (a typed '.' is a thousands separator and ignored). */
static int dues_key(struct meeting_form *f, wint_t ch, enum action a)
{
	if (f->col == MG_STATUS)
		return 0;
	int64_t v = f->col == MG_KAS ? f->rows[f->cur].iuran_kas : f->rows[f->cur].iuran_iks;
	return fu_digits_key(&f->dues, ch, a, v);
}

/* Moving around the grid; returns 1 when the key was a move. */
static int move_key(struct meeting_form *f, enum action a, int *to_header)
{
	int page = mgrid_rows(f);
	switch (a) {
	case ACT_UP:
		if (f->cur == 0)
			*to_header = 1;
		else
			f->cur--;
		return 1;
	case ACT_DOWN: f->cur++; break;
	case ACT_ENTER: f->cur++; break;
	case ACT_PGUP: f->cur -= page; break;
	case ACT_PGDN: f->cur += page; break;
	case ACT_HOME: f->cur = 0; break;
	case ACT_END: f->cur = f->n - 1; break;
	case ACT_LEFT: f->col = f->col > 0 ? f->col - 1 : 0; return 1;
	case ACT_RIGHT: f->col = f->col + 1 < MG_NCOLS ? f->col + 1 : MG_NCOLS - 1; return 1;
	case ACT_NEXT:
		if (++f->col == MG_NCOLS) {
			f->col = 0;
			f->cur++;
		}
		break;
	case ACT_PREV:
		if (--f->col < 0) {
			f->col = MG_NCOLS - 1;
			if (f->cur == 0)
				*to_header = 1;
			else
				f->cur--;
		}
		return 1;
	default:
		return 0;
	}
	if (f->cur >= f->n)
		f->cur = f->n - 1;
	if (f->cur < 0)
		f->cur = 0;
	return 1;
}

int mgrid_key(struct meeting_form *f, wint_t ch, int kc, int *to_header)
{
	*to_header = 0;
	if (f->n == 0) {
		enum action a = keys_action(ch, kc);
		*to_header = a == ACT_UP || a == ACT_PREV;
		return *to_header ? SCR_HANDLED : SCR_UNHANDLED;
	}
	enum action a = keys_action(ch, kc);
	enum action local = keys_local(KS_GRID, ch, kc);
	if (local == ACT_STATUS) {
		/* The key's letter is the status (H, I, S, A in the key table). */
		const char *k = strchr(STATUS_KEYS, (int)(ch & ~0x20));
		mgrid_commit(f);
		set_status(f, k ? (int)(k - STATUS_KEYS) : 0, 1);
		return SCR_HANDLED;
	}
	if (local == ACT_TOGGLE && f->col == MG_STATUS) {
		set_status(f, (status_index(f->rows[f->cur].status) + 1) % 4, 0);
		return SCR_HANDLED;
	}
	if (dues_key(f, ch, a))
		return SCR_HANDLED;
	mgrid_commit(f);
	return move_key(f, a, to_header) ? SCR_HANDLED : SCR_UNHANDLED;
}
