/* group_list.c - the groups: type to search, page through, open a group's members, add, edit
 * and delete. Only the visible page is read from the database. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "dialog.h"
#include "eligibility.h"
#include "evaluation.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "lists_gen.h"
#include "member.h"
#include "screens.h"
#include "simpin.h"
#include "tlist.h"

struct group_list {
	struct tlist tl;
	unsigned char *over;   /* per row of the page: more than 20% not poor (eligibility.h) */
	int over_cap;
	sk_portfolio *risk;    /* per row of the page: its loans (simpin.h) */
	int risk_cap;
	unsigned char *gagal;  /* per row of the page: enum eval_gagal (evaluation.h) */
	int gagal_cap;
	int trash;             /* 1: the deleted groups, to restore (F8) */
};

static int gl_count(struct screen *s, const char *search)
{
	struct group_list *g = s->data;
	return g->trash ? group_count_deleted(s->db, search) : group_count(s->db, search);
}

/* arr (*cap entries of size bytes, per row of the page) grown to n entries: the array, or
 * NULL when out of memory (arr is then kept as it is). */
static void *gl_grow(void *arr, int *cap, int n, size_t size)
{
	if (n <= *cap)
		return arr;
	void *p = realloc(arr, size * (size_t)n);
	if (p)
		*cap = n;
	return p;
}

/* The loans of each group of the page: arrears and the portfolio at risk today. */
static void gl_fetch_risk(struct screen *s, const void *rows, int n)
{
	struct group_list *g = s->data;
	sk_portfolio *r = gl_grow(g->risk, &g->risk_cap, n, sizeof *r);
	if (!r)
		return;
	g->risk = r;
	char today[11];
	sk_today(today);
	for (int i = 0; i < n; i++)
		if (simpin_portfolio(s->db, ((const sk_group_row *)rows)[i].id, today, &g->risk[i],
				     NULL) != SK_OK)
			memset(&g->risk[i], 0, sizeof g->risk[i]), g->risk[i].par_permille = -1;
}

/* Which rows of the page are proposed or declared failed (no meeting for 12 weeks). */
static void gl_gagal(struct screen *s, const sk_group_row *rows, int n)
{
	struct group_list *g = s->data;
	unsigned char *o = gl_grow(g->gagal, &g->gagal_cap, n, 1);
	if (!o)
		return;
	g->gagal = o;
	char today[11];
	sk_today(today);
	for (int i = 0; i < n; i++) {
		sk_group_level lv;
		g->gagal[i] = evaluation_group_level(s->db, rows[i].id, today, &lv, NULL) == SK_OK
			? (unsigned char)lv.gagal : 0;
	}
}

static int gl_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	struct group_list *g = s->data;
	int rc = g->trash ? group_list_deleted(s->db, search, offset, limit, rows, n, e)
			  : group_list(s->db, search, offset, limit, rows, n, e);
	unsigned char *o = rc == SK_OK ? gl_grow(g->over, &g->over_cap, *n, 1) : NULL;
	if (o)
		g->over = o;
	for (int i = 0; rc == SK_OK && i < *n && i < g->over_cap; i++) {
		sk_elig_stats st;
		eligibility_stats(s->db, ((sk_group_row *)rows)[i].id, NULL, &st, NULL);
		g->over[i] = (unsigned char)st.lewat_batas;
	}
	gl_fetch_risk(s, rows, rc == SK_OK ? *n : 0);
	if (rc == SK_OK)
		gl_gagal(s, rows, *n);
	return rc;
}

static void gl_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	struct group_list *g = s->data;
	const sk_group_row *r = row;
	char *aktif = buf[5], *par = buf[7];
	snprintf(aktif, TLIST_CELL, "%6d", r->anggota_aktif);
	long i = r - (const sk_group_row *)g->tl.pl.rows;
	int over = i >= 0 && i < g->over_cap && g->over[i];
	const char *last = r->tidak_aktif ? _("TIDAK AKTIF") : r->pertemuan_terakhir;
	*par = '\0';
	if (i >= 0 && i < g->risk_cap) {
		char pct[16];
		simpin_par_text(g->risk[i].par_permille, pct, sizeof pct);
		snprintf(par, TLIST_CELL, "%6s", g->risk[i].menunggak ? pct : g->risk[i].pinjaman ? pct
												  : "");
	}
	int gagal = i >= 0 && i < g->gagal_cap ? g->gagal[i] : 0;
	if (gagal == EVAL_GAGAL_CANDIDATE)
		last = _("CALON GAGAL");
	const char *level = gagal == EVAL_GAGAL_DECLARED ? _("GAGAL") : _(r->tingkat);
	TLIST_CELLS(cells, over ? "!" : "", r->kode, r->nama, r->desa, level, aktif, last, par);
}

static const struct tlist_def GL_LIST;

static int gl_open(struct screen *s, int trash)
{
	struct group_list *g = tlist_open(s, sizeof *g, &GL_LIST,
					  trash ? N_("Kelompok terhapus") : N_("Daftar kelompok"));
	if (!g)
		return -1;
	g->trash = trash;
	return 0;
}

static int gl_init(struct screen *s, void *arg)
{
	(void)arg;
	return gl_open(s, 0);
}

static int gl_trash_init(struct screen *s, void *arg)
{
	(void)arg;
	return gl_open(s, 1);
}

/* Rows: 1 search, 2 groups not active, 3 headings, 4.. list, bottom row: the loans of the
 * group selected, position. */
static void gl_draw(struct screen *s)
{
	struct group_list *g = s->data;
	int idle = g->trash ? 0 : group_count_inactive(s->db);
	if (idle > 0) {
		char pos[128];
		snprintf(pos, sizeof pos, _("%d kelompok TIDAK AKTIF (tanpa pertemuan 4 minggu terakhir)"),
			 idle);
		text_put(stdscr, 2, 1, pos, COLS - 2, ui_attr(R_WARN));
	}
	long cur = g->tl.pl.sel - g->tl.pl.top;
	if (g->tl.pl.total && cur >= 0 && cur < g->tl.pl.nrows && cur < g->risk_cap &&
	    g->risk[cur].pinjaman) {
		const sk_portfolio *p = &g->risk[cur];
		char line[200], a[32], b[32], pct[16];
		snprintf(line, sizeof line, _("Simpan pinjam: %d pinjaman, beredar Rp %s; menunggak %d "
					      "(Rp %s); berisiko %s"), p->pinjaman,
			 sk_format_rupiah(p->beredar, a, sizeof a), p->menunggak,
			 sk_format_rupiah(p->tunggakan, b, sizeof b),
			 simpin_par_text(p->par_permille, pct, sizeof pct));
		text_put(stdscr, frame_bottom(), 1, line, COLS - 22, p->menunggak ? ui_attr(R_WARN)
										 : ui_attr(R_DIM));
	}
}

/* Ask, saying what the group holds, then soft-delete the selected group and its members. */
static void gl_delete(struct screen *s, const sk_group_row *r)
{
	char q[900], bal[32], done[400];
	sk_group_links l;
	sk_err e;
	sk_err_clear(&e);
	if (group_links(s->db, r->id, &l, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	snprintf(q, sizeof q, _("Hapus kelompok %s? Ikut terhapus: %d anggota; tercatat %d pertemuan "
				"dan %d baris kas (saldo Rp %s). Bisa dipulihkan lewat F6. (y/t)"),
		 r->nama, l.anggota, l.pertemuan, l.baris_kas, sk_format_rupiah(l.saldo, bal, sizeof bal));
	snprintf(done, sizeof done, _("Kelompok %s sudah dihapus (F6: yang terhapus, untuk "
				      "memulihkan)."), r->nama);
	tlist_delete(s, q, r->id, group_delete, done);
}

/* Ask, then bring the selected deleted group back. */
static void gl_restore(struct screen *s, const sk_group_row *r)
{
	char q[700], nama[SK_NAME_BYTES];
	snprintf(nama, sizeof nama, "%s", r->nama);
	snprintf(q, sizeof q, _("Pulihkan kelompok %s beserta anggota yang terhapus bersamanya? "
				"(y/t)"), nama);
	if (!dlg_ask(q, 1))
		return;
	sk_err e;
	sk_err_clear(&e);
	int back = 0;
	if (group_restore(s->db, r->id, &back, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	tlist_reload(s);
	frame_msg(MSG_INFO, _("Kelompok %s dipulihkan dengan %d anggota."), nama, back);
}

static int gl_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	struct group_list *g = s->data;
	const sk_group_row *r = row;
	enum action a = keys_action(ch, kc);
	if (a == ACT_NEW && !g->trash) {
		ui_push(&GROUP_FORM_OPS, NULL);
		return SCR_HANDLED;
	}
	if (a == ACT_OPTION && !g->trash) {
		ui_push(&GROUP_TRASH_OPS, NULL);
		return SCR_HANDLED;
	}
	if (a == ACT_LOANS && !g->trash) {
		if (r) {
			char id[SK_UUID_LEN + 1];
			snprintf(id, sizeof id, "%s", r->id);
			ui_push(&SIMPIN_GROUP_OPS, id);
		}
		return SCR_HANDLED;
	}
	if (a != ACT_EDIT && a != ACT_ENTER && a != ACT_DELETE && a != ACT_LEVEL)
		return SCR_UNHANDLED;
	if (!r)
		return SCR_HANDLED;
	char id[SK_UUID_LEN + 1];
	snprintf(id, sizeof id, "%s", r->id);
	if (g->trash) {
		if (a == ACT_DELETE)
			gl_restore(s, r);
		return SCR_HANDLED;
	}
	if (a == ACT_LEVEL)
		ui_push(&EVALUATION_HISTORY_OPS, id);
	else if (a == ACT_EDIT)
		ui_push(&GROUP_FORM_OPS, id);
	else if (a == ACT_ENTER)
		ui_push(&MEMBER_LIST_OPS, id);
	else
		gl_delete(s, r);
	return SCR_HANDLED;
}

static void gl_resume(struct screen *s)
{
	struct group_list *g = s->data;
	char id[SK_UUID_LEN + 1];
	if (!g->trash && ui_result_take(id, sizeof id)) {
		/* A group was saved: the cursor goes to it (the whole list, so that it is in it). */
		sline_clear(&g->tl.pl.search);
		g->tl.pl.search_focus = 0;
		int at = group_position(s->db, "", id);
		tlist_reload(s);
		if (at >= 0)
			plist_select(&g->tl.pl, at);
		return;
	}
	tlist_reload(s);
}

static void gl_free(struct screen *s)
{
	struct group_list *g = s->data;
	free(g->over);
	free(g->risk);
	free(g->gagal);
}

static const struct tlist_def GL_LIST = {
	TLIST_COLS(LIST_GROUPS),
	.row_size = sizeof(sk_group_row), .count = gl_count, .fetch = gl_fetch, .cells = gl_cells,
	.key = gl_key, .resume = gl_resume, .draw = gl_draw, .free = gl_free,
	TLIST_SEARCH(N_("Cari:"), N_("Kelompok %d dari %d")),
};

const struct screen_ops GROUP_TRASH_OPS = TLIST_SCREEN("groups-deleted", gl_trash_init,
	HELP_GROUP_LIST_TRASH, HINT_HELP, HINT(ACT_DELETE, NC_("hint", "Pulihkan")), HINTS_BACK_QUIT);

/* At 80 columns in Indonesian Esc and F10 do not fit (the line drops what does not fit); F1
 * names them. */
const struct screen_ops GROUP_LIST_OPS = TLIST_SCREEN("groups", gl_init, HELP_GROUP_LIST,
	HINT_HELP, HINT(ACT_NEW, NC_("hint", "Baru")), HINT(ACT_EDIT, NC_("hint", "Ubah")),
	HINT(ACT_DELETE, NC_("hint", "Hapus")), HINT(ACT_ENTER, NC_("hint", "Anggota")),
	HINT(ACT_LOANS, NC_("hint", "Simpin")), HINT(ACT_LEVEL, NC_("hint", "Tingkat")),
	HINT(ACT_OPTION, NC_("hint", "Terhapus")), HINTS_BACK_QUIT);
