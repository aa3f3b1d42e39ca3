/* export_import.c - Ekspor/Impor: the last export and the changes since, a folder and the
 * options; F2 exports, F3 imports, with a progress bar, ending on a summary screen that lists
 * the problems (scrollable, Enter shows one whole). The work itself is the core's
 * (export_bundle, import_paths): the same code as `sikube export` and `sikube import`. */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "colors.h"
#include "dialog.h"
#include "export.h"
#include "export_import.h"
#include "form_util.h"
#include "frame.h"
#include "help_gen.h"
#include "i18n.h"
#include "import.h"
#include "keys.h"
#include "lists_gen.h"
#include "plist.h"
#include "screens.h"
#include "text.h"
#include "uform.h"

#define LC 2
#define UF_LCOL LC
#define UF_FCOL 20
#define ROW_LAST 2
#define ROW_PENDING 3
#define ROW_PROGRESS 13
#define ROW_KEYS 15

static const char *const PAGES[] = { N_("Tukar data dengan kantor lain") };
static const char *const KIND_VALUES[] = { "semua", "perubahan", "samaran", NULL };
static const char *const KIND_LABELS[] = { N_("semua data"),
	N_("perubahan sejak ekspor terakhir"), N_("NIK disamarkan (hanya dibaca)"), NULL };
static const char *const FORM_VALUES[] = { "csv", "excel", NULL };
static const char *const FORM_LABELS[] = { N_("CSV biasa (koma)"), N_("Excel (titik koma)"), NULL };
static const char *const MODE_VALUES[] = { "semua", "sah", NULL };
static const char *const MODE_LABELS[] = { N_("tolak semua bila ada yang salah"),
	N_("impor baris yang benar saja"), NULL };

static const struct uf_def FIELDS[] = {
	UF_TEXT_COL("folder", N_("Folder"), 0, 5, 56, 1000),
	UF_CHOICE_COL("ekspor", N_("Ekspor"), 0, 7, 34, KIND_VALUES, KIND_LABELS),
	UF_CHOICE_COL("bentuk", N_("Bentuk berkas"), 0, 9, 34, FORM_VALUES, FORM_LABELS),
	UF_CHOICE_COL("impor", N_("Impor"), 0, 11, 34, MODE_VALUES, MODE_LABELS),
};

struct exchange {
	struct uform uf;
	char last[64];         /* last export, local time, or "" */
	long long pending;     /* rows an export of changes would write */
};

/* ---- the summary screen ---------------------------------------------------------------- */

struct xresult {
	int is_import;
	int status;                /* import: SK_OK, SK_REFUSED or an error */
	char where[PATH_MAX];      /* folder or file */
	char emsg[512];            /* error message when the work failed */
	export_result ex;
	int masked;
	import_result im;
	struct plist pl;
	int w[LIST_IMPORT_PROBLEMS_N];
};

#define PROBLEM_COLS LIST_IMPORT_PROBLEMS   /* lists.tsv: import_problems */
#define NPCOLS LIST_IMPORT_PROBLEMS_N

static int pr_count(void *ctx, const char *search)
{
	(void)search;
	const struct xresult *x = ((struct screen *)ctx)->data;
	return x->im.nproblems;
}

static int pr_fetch(void *ctx, const char *search, int offset, int limit, void *rows, int *n,
		    sk_err *e)
{
	(void)search;
	(void)e;
	const struct xresult *x = ((struct screen *)ctx)->data;
	*n = 0;
	for (int i = offset; i < x->im.nproblems && *n < limit; i++)
		((import_problem *)rows)[(*n)++] = x->im.problems[i];
	return SK_OK;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void pr_row(void *ctx, const void *row, int y, int x0, int width, int selected)
{
	const struct xresult *x = ((struct screen *)ctx)->data;
	const import_problem *p = row;
	char line[32];
	snprintf(line, sizeof line, "%lld", p->baris);
	const char *cells[NPCOLS] = { base_name(p->berkas), line, p->kolom, p->nilai, p->alasan };
	text_row(y, x0, cells, NPCOLS, x->w, width, selected);
}

static const struct plist_src PROBLEM_SRC = { pr_count, pr_fetch, pr_row, sizeof(import_problem) };

static int xr_init(struct screen *s, void *arg)
{
	struct xresult *x = arg;
	s->data = x;
	snprintf(s->title, sizeof s->title, "%s", x->is_import ? _("Hasil impor") : _("Hasil ekspor"));
	plist_init(&x->pl, &PROBLEM_SRC, s, 0);
	return 0;
}

#define XR_TABLE_ROW 4
#define XR_PROBLEMS_ROW 12

static void xr_resize(struct screen *s)
{
	struct xresult *x = s->data;
	text_cols(PROBLEM_COLS, NPCOLS, COLS - 2, x->w);
	plist_place(&x->pl, XR_PROBLEMS_ROW + 2, 1, frame_bottom() - XR_PROBLEMS_ROW - 2, COLS - 2);
}

/* First line: done or refused, and how the headline looks. */
static enum ui_role xr_outcome(const struct xresult *x, char *line, size_t n)
{
	if (!x->is_import && x->status == SK_OK) {
		snprintf(line, n, _("Ekspor selesai ke %s"), x->where);
		return R_INFO;
	}
	if (!x->is_import) {
		snprintf(line, n, _("Ekspor gagal: %s"), x->emsg);
		return R_ERROR;
	}
	if (x->im.committed) {
		snprintf(line, n, _("Impor selesai: ditambah %lld, diperbarui %lld, tidak berubah %lld, "
				    "ditolak %lld."), import_total(&x->im, 0), import_total(&x->im, 1),
			 import_total(&x->im, 2), import_total(&x->im, 3));
		return x->im.nproblems ? R_WARN : R_INFO;
	}
	if (x->status == SK_REFUSED)
		snprintf(line, n, "%s", _("Impor ditolak: tidak ada data yang diubah."));
	else
		snprintf(line, n, _("Impor gagal: %s"), x->emsg);
	return R_ERROR;
}

static void xr_headline(const struct xresult *x)
{
	char line[800];
	enum ui_role role = xr_outcome(x, line, sizeof line);
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(role) | A_BOLD);
	if (x->is_import)
		snprintf(line, sizeof line, _("Dari: %s"), x->where);
	else if (x->masked)
		snprintf(line, sizeof line, "%s", _("NIK dan No. KK disamarkan: bundel ini hanya untuk "
						    "dibaca, tidak dapat diimpor."));
	else if (*x->ex.sejak)
		snprintf(line, sizeof line, _("Hanya perubahan sejak %s."), x->ex.sejak);
	else
		snprintf(line, sizeof line, "%s", _("Semua data."));
	text_put(stdscr, 2, 1, line, COLS - 2, ui_attr(R_DIM));
}

/* Per file: rows written (export) or added/updated/unchanged/refused (import). */
static void xr_table(const struct xresult *x)
{
	char line[256];
	if (x->is_import)
		snprintf(line, sizeof line, "%-16s %10s %10s %14s %9s", _("Berkas"), _("Ditambah"),
			 _("Diperbarui"), _("Tidak berubah"), _("Ditolak"));
	else
		snprintf(line, sizeof line, "%-16s %10s", _("Berkas"), _("Baris"));
	text_put(stdscr, XR_TABLE_ROW, 1, line, COLS - 2, ui_attr(R_HEADER));
	for (int t = 0; t < BT_COUNT; t++) {
		const import_counts *c = &x->im.t[t];
		if (x->is_import)
			snprintf(line, sizeof line, "%-16s %10lld %10lld %14lld %9lld",
				 BUNDLE_TABLES[t].file, c->added, c->updated, c->unchanged, c->refused);
		else
			snprintf(line, sizeof line, "%-16s %10lld", BUNDLE_TABLES[t].file, x->ex.rows[t]);
		text_put(stdscr, XR_TABLE_ROW + 1 + t, 1, line, COLS - 2, A_NORMAL);
	}
}

static void xr_draw(struct screen *s)
{
	struct xresult *x = s->data;
	xr_headline(x);
	if (x->status == SK_OK || x->status == SK_REFUSED)
		xr_table(x);
	if (!x->is_import)
		return;
	char line[256];
	long long n = x->im.nproblems + x->im.more_problems;
	if (x->im.more_problems)
		snprintf(line, sizeof line, _("Masalah: %lld (%lld pertama ditampilkan). Enter: baca "
			 "lengkap."), n, (long long)x->im.nproblems);
	else
		snprintf(line, sizeof line, _("Masalah: %lld. Enter: baca lengkap."), n);
	text_put(stdscr, XR_PROBLEMS_ROW, 1, line, COLS - 2, ui_attr(n ? R_WARN : R_DIM));
	text_heads(XR_PROBLEMS_ROW + 1, 1, PROBLEM_COLS, NPCOLS, x->w);
	plist_draw(&x->pl);
}

static void xr_show_one(const import_problem *p)
{
	char text[1200];
	snprintf(text, sizeof text, _("%s, baris %lld, kolom %s.\nNilai: %s\n%s"), p->berkas,
		 p->baris, *p->kolom ? p->kolom : "-", *p->nilai ? p->nilai : "-", p->alasan);
	dlg_message(text);
}

static int xr_key(struct screen *s, wint_t ch, int kc)
{
	struct xresult *x = s->data;
	if (keys_action(ch, kc) == ACT_ENTER) {
		const import_problem *p = plist_current(&x->pl);
		if (p)
			xr_show_one(p);
		return SCR_HANDLED;
	}
	return x->is_import && plist_key(&x->pl, ch, kc) ? SCR_HANDLED : SCR_UNHANDLED;
}

static void xr_free(struct screen *s)
{
	struct xresult *x = s->data;
	if (!x)
		return;
	plist_free(&x->pl);
	import_result_free(&x->im);
	free(x);
}

static const struct screen_ops XRESULT_OPS = SCREEN_OPS("exchange-result", xr, HELP_EXPORT_RESULT,
	.resize = xr_resize, .free = xr_free,
	.hints = HINTS(HINT_HELP, HINT(ACT_ENTER, NC_("hint", "Lengkap")), HINTS_BACK_QUIT));

/* ---- the Ekspor/Impor screen ----------------------------------------------------------- */

static void ex_status(struct screen *s)
{
	struct exchange *x = s->data;
	char utc[SK_TS_LEN + 1];
	x->last[0] = '\0';
	if (export_last_time(s->db, utc)) {
		struct tm tm = { 0 };
		if (sscanf(utc, "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
			   &tm.tm_hour, &tm.tm_min, &tm.tm_sec) == 6) {
			tm.tm_year -= 1900;
			tm.tm_mon -= 1;
			time_t t = timegm(&tm);
			struct tm lt;
			localtime_r(&t, &lt);
			strftime(x->last, sizeof x->last, "%Y-%m-%d %H:%M %Z", &lt);
		} else {
			snprintf(x->last, sizeof x->last, "%s", utc);
		}
	}
	x->pending = export_pending_rows(s->db);
}

static int ex_init(struct screen *s, void *arg)
{
	(void)arg;
	struct exchange *x = fu_form_open(s, sizeof *x, FIELDS, FU_COUNT(FIELDS), 1, PAGES);
	if (!x)
		return -1;
	snprintf(s->title, sizeof s->title, "%s", _("Ekspor/Impor"));
	char dir[PATH_MAX];
	export_default_dir(dir, sizeof dir);
	uform_set(&x->uf, "folder", dir);
	uform_note(&x->uf, "folder", _("Folder bundel; untuk impor boleh juga satu berkas tabel "
				       "(anggota.csv, ...)."));
	ex_status(s);
	return 0;
}

static void ex_draw(struct screen *s)
{
	struct exchange *x = s->data;
	char line[256];
	uform_draw(&x->uf);
	WINDOW *w = x->uf.win;
	if (!w)
		return;
	int cols = getmaxx(w);
	if (*x->last)
		snprintf(line, sizeof line, _("Ekspor terakhir: %s"), x->last);
	else
		snprintf(line, sizeof line, "%s", _("Ekspor terakhir: belum pernah"));
	text_put(w, ROW_LAST, LC, line, cols - 2 * LC, A_BOLD);
	snprintf(line, sizeof line, _("Perubahan sejak itu: %lld baris"), x->pending);
	text_put(w, ROW_PENDING, LC, line, cols - 2 * LC, A_NORMAL);
	text_put(w, ROW_KEYS, LC, _("F2: ekspor ke folder ini.   F3: impor dari folder atau berkas "
				    "ini."), cols - 2 * LC, ui_attr(R_DIM));
	s->cursor = 1;
}

/* Progress bar on the form's window while the work runs (keys wait until it ends). */
static void ex_progress(void *ctx, const char *file, long long done, long long total)
{
	struct screen *s = ctx;
	struct exchange *x = s->data;
	WINDOW *w = x->uf.win;
	if (!w)
		return;
	enum { BAR = 30 };
	char bar[BAR + 1], line[400];
	int filled = total > 0 ? (int)(done * BAR / total) : 0;
	if (filled > BAR)
		filled = BAR;
	for (int i = 0; i < BAR; i++)
		bar[i] = i < filled ? '#' : '.';
	bar[BAR] = '\0';
	if (total >= 0)
		snprintf(line, sizeof line, "[%s] %s %lld/%lld", bar, base_name(file), done, total);
	else
		snprintf(line, sizeof line, "[%s] %s %lld", bar, base_name(file), done);
	text_put(w, ROW_PROGRESS, LC, line, getmaxx(w) - 2 * LC, ui_attr(R_INFO));
	wnoutrefresh(w);
	doupdate();
}

static void ex_working(struct screen *s, const char *what)
{
	struct exchange *x = s->data;
	if (!x->uf.win)
		return;
	text_put(x->uf.win, ROW_PROGRESS, LC, what, getmaxx(x->uf.win) - 2 * LC, ui_attr(R_INFO));
	wnoutrefresh(x->uf.win);
	doupdate();
}

static int ex_folder(struct screen *s, char *out, size_t n)
{
	struct exchange *x = s->data;
	uform_get(&x->uf, "folder", out, n);
	if (!*out) {
		frame_msg(MSG_ERROR, "%s", _("Isi dulu foldernya."));
		uform_focus(&x->uf, uform_index(&x->uf, "folder"));
		return -1;
	}
	return 0;
}

static void ex_export(struct screen *s)
{
	struct exchange *x = s->data;
	char dir[PATH_MAX], kind[16], form[16], manifest[PATH_MAX + 32];
	struct stat st;
	if (ex_folder(s, dir, sizeof dir) != 0)
		return;
	snprintf(manifest, sizeof manifest, "%s/%s", dir, BUNDLE_MANIFEST);
	if (stat(manifest, &st) == 0 &&
	    !dlg_confirm(_("Folder ini sudah berisi bundel. Timpa dengan ekspor baru? (y/t)")))
		return;
	uform_get(&x->uf, "ekspor", kind, sizeof kind);
	uform_get(&x->uf, "bentuk", form, sizeof form);
	struct xresult *r = calloc(1, sizeof *r);
	if (!r)
		return;
	export_opts o = { .since_last = strcmp(kind, "perubahan") == 0,
			  .mask_nik = strcmp(kind, "samaran") == 0,
			  .excel = strcmp(form, "excel") == 0 };
	sk_err e;
	sk_err_clear(&e);
	ex_working(s, _("Mengekspor..."));
	r->status = export_bundle(s->db, dir, &o, ex_progress, s, &r->ex, &e);
	r->masked = o.mask_nik;
	snprintf(r->where, sizeof r->where, "%s", dir);
	snprintf(r->emsg, sizeof r->emsg, "%s", e.msg);
	ex_status(s);
	if (ui_push(&XRESULT_OPS, r) != 0)
		frame_msg(MSG_ERROR, "%s", r->status == SK_OK ? _("Ekspor selesai.") : e.msg);
}

static void ex_import(struct screen *s)
{
	struct exchange *x = s->data;
	char path[PATH_MAX], mode[16];
	struct stat st;
	if (ex_folder(s, path, sizeof path) != 0)
		return;
	if (stat(path, &st) != 0) {
		frame_msg(MSG_ERROR, _("%s tidak ada."), path);
		return;
	}
	uform_get(&x->uf, "impor", mode, sizeof mode);
	struct xresult *r = calloc(1, sizeof *r);
	if (!r)
		return;
	r->is_import = 1;
	snprintf(r->where, sizeof r->where, "%s", path);
	import_opts o = { .valid_only = strcmp(mode, "sah") == 0, .progress = ex_progress, .ctx = s };
	const char *paths[1] = { path };
	sk_err e;
	sk_err_clear(&e);
	ex_working(s, _("Mengimpor..."));
	r->status = import_paths(s->db, 1, paths, &o, &r->im, &e);
	snprintf(r->emsg, sizeof r->emsg, "%s", e.msg);
	ex_status(s);
	if (ui_push(&XRESULT_OPS, r) != 0)
		frame_msg(MSG_ERROR, "%s", _("Ringkasan impor tidak dapat ditampilkan."));
}

static int ex_key(struct screen *s, wint_t ch, int kc)
{
	struct exchange *x = s->data;
	int left;
	switch (keys_action(ch, kc)) {
	case ACT_SAVE:
		ex_export(s);
		return SCR_HANDLED;
	case ACT_NEW:
		ex_import(s);
		return SCR_HANDLED;
	default:
		break;
	}
	enum uf_result r = uform_key(&x->uf, ch, kc, &left);
	return r == UF_IGNORED ? SCR_UNHANDLED : SCR_HANDLED;
}

static void ex_resume(struct screen *s)
{
	ex_status(s);
}

const struct screen_ops EXCHANGE_OPS = SCREEN_OPS("exchange", ex, HELP_EXPORT_IMPORT,
	.resize = fu_resize, .free = fu_free, .show = fu_show, .resume = ex_resume,
	.hints = HINTS(HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Ekspor")),
		       HINT(ACT_NEW, NC_("hint", "Impor")), HINTS_BACK_QUIT));
