/* main_menu.c - the first screen: the menu of the application's parts. Parts that come in
 * later issues show "Fitur ini belum tersedia." until their screen_ops is filled in ITEMS. */
#include <curses.h>
#include <menu.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "db_access.h"
#include "dialog.h"
#include "export_import.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "member.h"
#include "app.h"
#include "retention.h"
#include "screens.h"
#include "text.h"

/* The menu: label (with a context: these words mean other things elsewhere), description, the
 * screen it opens (NULL: not yet available). */
static const struct {
	const char *label;
	const char *desc;
	const struct screen_ops *ops;
	int quit;
} ITEMS[] = {
	{ NC_("menu", "Kelompok"), N_("Daftar kelompok KUBE: tambah, ubah, hapus"), &GROUP_LIST_OPS, 0 },
	{ NC_("menu", "Anggota"), N_("Cari anggota semua kelompok (nama atau NIK)"), &MEMBER_SEARCH_OPS, 0 },
	{ NC_("menu", "Kelayakan"), N_("Penilaian 14 kriteria kemiskinan BPS"), &ELIG_GROUPS_OPS, 0 },
	{ NC_("menu", "Pertemuan"), N_("Pertemuan, daftar hadir dan iuran"), &MEETING_GROUPS_OPS, 0 },
	{ NC_("menu", "Kas"), N_("Buku kas umum dan IKS"), &CASH_GROUPS_OPS, 0 },
	{ NC_("menu", "Laporan"), N_("Laporan bulanan dan rekap"), &REPORT_GROUPS_OPS, 0 },
	{ NC_("menu", "Ekspor/Impor"), N_("Tukar data dengan kantor lain"), &EXCHANGE_OPS, 0 },
	{ NC_("menu", "Operator"), N_("Operator, jejak audit, kunci kantor"), &OPERATOR_LIST_OPS, 0 },
	{ NC_("menu", "Keluar"), N_("Tutup SIKUBE"), NULL, 1 },
};
#define NITEMS ((int)(sizeof ITEMS / sizeof ITEMS[0]))

#define MENU_Y 4
#define MENU_X 4

struct main_menu {
	ITEM *items[NITEMS + 1];
	MENU *menu;
	WINDOW *sub;
	int groups, members;
};

static void count_rows(struct main_menu *m, sk_db *db)
{
	m->groups = group_count(db, NULL);
	m->members = member_search_count(db, NULL);
}

static int main_init(struct screen *s, void *arg)
{
	(void)arg;
	/* The root screen: nobody logged in yet (no password given by descriptor), the login
	 * first; given up (Esc), the screens end. */
	if (!*db_operator(s->db) && !login_run(s->db))
		return -1;
	struct main_menu *m = ui_data_new(s, sizeof *m);
	if (!m)
		return -1;
	snprintf(s->title, sizeof s->title, "%s", _("Menu utama"));
	for (int i = 0; i < NITEMS; i++)
		m->items[i] = new_item(sk_pgettext(ITEMS[i].label), _(ITEMS[i].desc));
	m->menu = new_menu(m->items);
	if (!m->menu)
		return -1;
	set_menu_mark(m->menu, "> ");
	set_menu_format(m->menu, NITEMS, 1);
	count_rows(m, s->db);
	/* Members past the office's retention setting are anonymised when the screens open. */
	int n = 0;
	sk_err e;
	sk_err_clear(&e);
	if (db_role(s->db) != SK_ROLE_PEMERIKSA && retention_months(s->db) &&
	    retention_apply(s->db, &n, &e) == SK_OK && n > 0)
		frame_msg(MSG_INFO, _("%d anggota yang keluar melewati masa simpan: datanya dianonimkan."),
			  n);
	return 0;
}

static void main_resize(struct screen *s)
{
	struct main_menu *m = s->data;
	unpost_menu(m->menu);
	if (m->sub)
		delwin(m->sub);
	set_menu_fore(m->menu, ui_attr(R_SELECTED));
	set_menu_back(m->menu, A_NORMAL);
	int rows, cols;
	scale_menu(m->menu, &rows, &cols);
	m->sub = derwin(stdscr, rows, cols, MENU_Y, MENU_X);
	set_menu_win(m->menu, stdscr);
	set_menu_sub(m->menu, m->sub);
}

static void main_draw(struct screen *s)
{
	struct main_menu *m = s->data;
	text_put(stdscr, 2, 2, _("Pilih dengan panah lalu Enter:"), COLS - 4, ui_attr(R_HEADER));
	unpost_menu(m->menu);
	post_menu(m->menu);
	for (int i = 0; i < NITEMS; i++) {
		char num[16];
		snprintf(num, sizeof num, "%d", i + 1);
		text_put(stdscr, MENU_Y + i, 2, num, 1, ui_attr(R_DIM));
	}
	char line[600];
	snprintf(line, sizeof line, _("Kelompok aktif: %d   Anggota: %d   Operator: %s (%s)"),
		 m->groups, m->members, db_operator(s->db), sk_role_name(db_role(s->db)));
	text_put(stdscr, frame_bottom() - 1, 2, line, COLS - 4, ui_attr(R_DIM));
	snprintf(line, sizeof line, _("Basis data: %s"), db_path(s->db));
	text_put(stdscr, frame_bottom(), 2, line, COLS - 4, ui_attr(R_DIM));
}

/* Open the part at index i. */
static void activate(struct screen *s, int i)
{
	(void)s;
	if (ITEMS[i].quit)
		ui_quit();
	else if (ITEMS[i].ops)
		ui_push(ITEMS[i].ops, NULL);
	else
		dlg_message(_("Fitur ini belum tersedia."));
}

static int main_key(struct screen *s, wint_t ch, int kc)
{
	struct main_menu *m = s->data;
	if (kc != KEY_CODE_YES && ch >= '1' && ch < '1' + NITEMS) {
		set_current_item(m->menu, m->items[ch - '1']);
		activate(s, (int)(ch - '1'));
		return SCR_HANDLED;
	}
	switch (keys_action(ch, kc)) {
	case ACT_UP: menu_driver(m->menu, REQ_UP_ITEM); return SCR_HANDLED;
	case ACT_DOWN:
	case ACT_NEXT: menu_driver(m->menu, REQ_DOWN_ITEM); return SCR_HANDLED;
	case ACT_PREV: menu_driver(m->menu, REQ_UP_ITEM); return SCR_HANDLED;
	case ACT_HOME:
	case ACT_PGUP: menu_driver(m->menu, REQ_FIRST_ITEM); return SCR_HANDLED;
	case ACT_END:
	case ACT_PGDN: menu_driver(m->menu, REQ_LAST_ITEM); return SCR_HANDLED;
	case ACT_ENTER: activate(s, item_index(current_item(m->menu))); return SCR_HANDLED;
	default: return SCR_UNHANDLED;
	}
}

static void main_resume(struct screen *s)
{
	count_rows(s->data, s->db);
}

static void main_free(struct screen *s)
{
	struct main_menu *m = s->data;
	if (!m)
		return;
	if (m->menu) {
		unpost_menu(m->menu);
		free_menu(m->menu);
	}
	for (int i = 0; i < NITEMS; i++)
		if (m->items[i])
			free_item(m->items[i]);
	if (m->sub)
		delwin(m->sub);
	free(m);
}

const struct screen_ops MAIN_MENU_OPS = SCREEN_OPS("main", main, HELP_MAIN_MENU,
	.resize = main_resize, .free = main_free, .resume = main_resume,
	.hints = HINTS(HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Buka")),
		       HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END));

int screens_run(sk_db *db, ui_idle_fn idle, void *ctx)
{
	return ui_run(db, &MAIN_MENU_OPS, idle, ctx);
}
