/* meeting_money.c - the savings-and-loans pages of the meeting form (docs/simpin.md section 7),
 * in the order savings groups use: 3 simpanan (wajib prefilled for present members, sukarela
 * typed), 4 angsuran (the arrears of each borrower prefilled), 5 denda (the absences and late
 * instalments fined, older fines; Space pays, B waives, F3 adds), 6 pinjaman baru (F3: member
 * number, amount, Enter; refused above the limit or the cash with the numbers; the schedule
 * shown before it is accepted), 7 kas di tangan (every book before, in, out, after). PgDn and
 * PgUp move between pages; F2 on any page saves the whole meeting in one transaction. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cashbook.h"
#include "colors.h"
#include "dialog.h"
#include "fixmath.h"
#include "frame.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "meeting_form.h"
#include "simpin_meeting.h"
#include "text.h"
#include "ui.h"
#include "validate.h"

#define FIRST_PAGE SM_PAGE_SAVINGS
#define LAST_PAGE SM_PAGE_CASH

/* The new loan being typed on page 6. */
enum { LF_NO, LF_POKOK, LF_JUMLAH, LF_JARAK, LF_SUMBER, LF_TUJUAN, LF_COUNT };

struct mm_state {
	sk_meeting_money *mm;
	char status[MEETING_MAX_ROWS][4];   /* attendance status each savings prefill is for */
	int row[LAST_PAGE + 1], col[LAST_PAGE + 1], top[LAST_PAGE + 1];
	struct fu_digits cell;              /* digits typed into the current cell */
	/* page 6: 0 the list, 1 typing a loan, 2 its schedule shown for acceptance */
	int loan_stage, lf;
	char lfield[LF_COUNT][SK_NAME_BYTES];
	int jumlah_dflt;
	char jarak_dflt[8];
	int64_t sched_first, sched_total;
	char sched_from[16], sched_to[16];
	sk_meeting_cash cash[3];
};

static struct mm_state *st(const struct meeting_form *f)
{
	return f->money;
}

int mm_active(const struct meeting_form *f)
{
	return f->money && f->money->mm->has_cycle;
}

const sk_meeting_money *mm_money(const struct meeting_form *f)
{
	return mm_active(f) ? f->money->mm : NULL;
}

/* The pages' values to change in place (drafts), NULL when none. */
sk_meeting_money *mm_money_edit(struct meeting_form *f)
{
	return mm_active(f) ? f->money->mm : NULL;
}

void mm_free(struct meeting_form *f)
{
	if (f->money)
		free(f->money->mm);
	free(f->money);
	f->money = NULL;
}

/* The terms of the group's last loan: the prefill of a new one (12 weekly when none). */
static void loan_defaults(sk_db *db, struct mm_state *m)
{
	m->jumlah_dflt = 12;
	snprintf(m->jarak_dflt, sizeof m->jarak_dflt, "minggu");
	sqlite3_stmt *q = db_prepare(db, "SELECT p.jumlah_angsuran, p.jarak_angsuran FROM pinjaman p "
				     "JOIN siklus c ON c.id=p.siklus_id WHERE c.kelompok_id=:g AND "
				     "p.dihapus=0 ORDER BY p.tanggal DESC, p.diubah_pada DESC LIMIT 1",
				     NULL);
	if (!q)
		return;
	db_bind_text(q, ":g", m->mm->c.kelompok_id);
	if (db_step(db, q, NULL) == SQLITE_ROW) {
		m->jumlah_dflt = sqlite3_column_int(q, 0);
		db_col_text(q, 1, m->jarak_dflt, sizeof m->jarak_dflt);
	}
	db_reset(q);
}

void mm_open(struct screen *s)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = calloc(1, sizeof *m);
	sk_meeting_money *mm = calloc(1, sizeof *mm);
	sk_err e;
	sk_err_clear(&e);
	if (!m || !mm) {
		free(m);
		free(mm);
		return;
	}
	m->mm = mm;
	f->money = m;
	if (simpin_meeting_prepare(s->db, &f->m, f->rows, f->names, f->n, mm, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		mm->has_cycle = 0;
		return;
	}
	for (int i = 0; i < f->n && i < MEETING_MAX_ROWS; i++)
		snprintf(m->status[i], sizeof m->status[i], "%s", f->rows[i].status);
	loan_defaults(s->db, m);
}

int mm_redate(struct screen *s, const char *date)
{
	struct meeting_form *f = s->data;
	if (!f->money)
		return 0;
	int page = f->page;
	mm_free(f);
	snprintf(f->m.tanggal, sizeof f->m.tanggal, "%s", date);
	mm_open(s);
	if (!mm_active(f))
		f->page = 0;
	else if (page)
		mm_enter(s, page);
	return 1;
}

/* ---- moving between pages ------------------------------------------------------------------ */

/* Bring the pages in line with the roll call and the repayments: savings prefilled again for
 * members whose status changed, the fines raised again (keeping what was marked). */
static void mm_sync(struct screen *s)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	sk_err e;
	sk_err_clear(&e);
	for (int i = 0; i < f->n && i < m->mm->nsav; i++) {
		if (strcmp(m->status[i], f->rows[i].status) == 0)
			continue;
		simpin_meeting_prefill_saving(s->db, m->mm, f->rows[i].status, &m->mm->sav[i], &e);
		snprintf(m->status[i], sizeof m->status[i], "%s", f->rows[i].status);
	}
	char date[16];
	uform_get(&f->uf, "tanggal", date, sizeof date);
	if (!valid_date(date))
		snprintf(date, sizeof date, "%s", f->m.tanggal);
	if (simpin_meeting_fines(s->db, m->mm, date, f->rows, f->names, f->n, &e) != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg);
	simpin_meeting_cash(s->db, f->m.kelompok_id, date, f->rows, f->n, m->mm, m->cash, &e);
}

/* End typing into a cell: the digits become the amount of the current row and column. */
static void commit(struct meeting_form *f)
{
	struct mm_state *m = st(f);
	int64_t v = 0;
	if (!fu_digits_end(&m->cell, &v))
		return;
	int p = f->page, r = m->row[p], c = m->col[p];
	if (p == SM_PAGE_SAVINGS && r < m->mm->nsav)
		m->mm->sav[r].setor[c] = v;
	if (p == SM_PAGE_REPAY && r < m->mm->nrep) {
		sk_meeting_repay *rep = &m->mm->rep[r];
		if (c == 0 && v > rep->sisa_pokok) {
			char a[32];
			frame_msg(MSG_WARN, _("Sisa pokok pinjaman %s hanya Rp %s."), rep->nama,
				  sk_format_rupiah(rep->sisa_pokok, a, sizeof a));
			v = rep->sisa_pokok;
		}
		if (c == 0)
			rep->pokok = v;
		else
			rep->jasa = v;
	}
}

void mm_enter(struct screen *s, int page)
{
	struct meeting_form *f = s->data;
	if (!mm_active(f))
		return;
	commit(f);
	mm_sync(s);
	f->page = page;
}

static void go(struct screen *s, int delta)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	commit(f);
	if (f->page == SM_PAGE_LOANS && m->loan_stage)
		return;
	int p = f->page + delta;
	if (p < FIRST_PAGE) {
		f->page = 0;
		f->grid = f->n > 0;
		return;
	}
	if (p > LAST_PAGE) {
		frame_msg(MSG_INFO, "%s", _("Halaman terakhir: periksa uang di tangan, lalu F2 untuk "
					    "menyimpan."));
		return;
	}
	mm_sync(s);
	f->page = p;
}

/* ---- drawing ----------------------------------------------------------------------------------- */

static const char *const PAGE_TITLES[LAST_PAGE + 1] = {
	NULL, NULL, NULL, N_("Simpanan"), N_("Angsuran"), N_("Denda"), N_("Pinjaman baru"),
	N_("Kas di tangan")
};

static void heading(struct meeting_form *f, const char *extra)
{
	WINDOW *w = f->uf.win;
	char t[300];
	snprintf(t, sizeof t, _("Halaman %d dari %d: %s"), f->page, LAST_PAGE, _(PAGE_TITLES[f->page]));
	text_put(w, 0, 0, "", getmaxx(w), A_NORMAL);
	text_put(w, 0, 2, t, text_width(t), ui_attr(R_HEADER));
	if (extra) {
		int x = 2 + text_width(t) + 2;
		text_put(w, 0, x, extra, getmaxx(w) - x - 1, ui_attr(R_DIM));
	}
}

static const char *amount(int64_t v, char *buf, size_t n)
{
	char num[32];
	snprintf(buf, n, "%11s", v ? sk_format_rupiah(v, num, sizeof num) : "-");
	return buf;
}

/* Rows of the page's table: from row 2 to the totals row. */
static int table_rows(const struct meeting_form *f)
{
	int h = getmaxy(f->uf.win) - 4;
	return h < 1 ? 1 : h;
}

/* Keep the current row of page p in view. */
static int mm_scroll(struct mm_state *m, int p, int n, int h)
{
	if (m->row[p] >= n)
		m->row[p] = n > 0 ? n - 1 : 0;
	if (m->row[p] < m->top[p])
		m->top[p] = m->row[p];
	if (m->row[p] >= m->top[p] + h)
		m->top[p] = m->row[p] - h + 1;
	return m->top[p];
}

/* A cell of a table row: amount v, or the digits being typed when it is the current one. */
static void cell(struct meeting_form *f, int y, int x, int64_t v, int cur, attr_t base)
{
	struct mm_state *m = st(f);
	char buf[48];
	if (cur && m->cell.editing)
		snprintf(buf, sizeof buf, "%11s", m->cell.buf);
	else
		amount(v, buf, sizeof buf);
	text_put(f->uf.win, y, x, buf, 11, cur ? ui_attr(R_FIELD_CUR) : base);
	if (cur) {
		f->cy = y;
		f->cx = x + 10;
	}
}

static void totals_line(struct meeting_form *f, const char *line)
{
	WINDOW *w = f->uf.win;
	int y = getmaxy(w) - 2;
	text_put(w, y, 0, "", getmaxx(w), A_NORMAL);
	text_put(w, y, 1, line, getmaxx(w) - 2, ui_attr(R_HEADER));
}

static void note_line(struct meeting_form *f, const char *line)
{
	WINDOW *w = f->uf.win;
	int y = getmaxy(w) - 1;
	text_put(w, y, 0, "", getmaxx(w), A_NORMAL);
	text_put(w, y, 1, line, getmaxx(w) - 2, ui_attr(R_DIM));
}

/* A heading of a page's table: msgid at x columns past the name column, w wide. */
struct mm_head {
	const char *text;
	int x, w;
};

/* Row 1 of a page's table: name (msgid) over the name column (from column nx, name_w wide),
 * then the n heads after it. */
static void table_heads(struct meeting_form *f, const char *name, int nx, int name_w,
			const struct mm_head *heads, int n)
{
	WINDOW *w = f->uf.win;
	text_put(w, 1, 0, "", getmaxx(w), A_NORMAL);
	text_put(w, 1, nx, _(name), name_w, ui_attr(R_HEADER));
	for (int i = 0; i < n; i++)
		text_put(w, 1, nx + name_w + 1 + heads[i].x, _(heads[i].text), heads[i].w,
			 ui_attr(R_HEADER));
}

/* One row of a page's table: row i at screen row y, the name column name_w wide, its look
 * base (selected: sel). */
typedef void mm_row_fn(struct meeting_form *f, int i, int y, int name_w, int sel, attr_t base);

/* The h visible rows of page p's n rows from row 2, scrolled to the current one (selected
 * only when selectable): each row cleared in its look, then drawn by row (the name column
 * name_w wide). With no rows, empty (when not NULL) says so and keeps the cursor. */
static void table_body(struct meeting_form *f, int p, int n, int h, int selectable,
		       int name_w, mm_row_fn *row, const char *empty)
{
	struct mm_state *m = st(f);
	WINDOW *w = f->uf.win;
	int cols = getmaxx(w), top = mm_scroll(m, p, n, h < 1 ? 1 : h);
	for (int r = 0; r < h; r++) {
		int i = top + r, y = 2 + r;
		text_put(w, y, 0, "", cols, A_NORMAL);
		if (i >= n)
			continue;
		int sel = selectable && i == m->row[p];
		attr_t base = sel ? ui_attr(R_SELECTED) : A_NORMAL;
		text_put(w, y, 0, "", cols, base);
		row(f, i, y, name_w, sel, base);
	}
	if (n == 0 && empty) {
		text_put(w, 2, 1, empty, cols - 2, ui_attr(R_DIM));
		f->cy = 2;
		f->cx = 1;
	}
}

/* A page's table: its page, the name column's heading (msgid) at column nx, name_w wide,
 * the heads after it, the row function, what an empty table says (msgid, or NULL), the note
 * under it (msgid) and the line of its totals (into line, size n). */
struct mm_table {
	int page;
	const char *name;
	int nx;
	int (*name_w)(const struct meeting_form *f);
	const struct mm_head *heads;
	int nheads;
	mm_row_fn *row;
	const char *empty, *note;
	void (*totals)(const struct meeting_form *f, char *line, size_t n);
};

/* Table t of n rows (every row selectable), then the line of its totals and its note. */
static void draw_table(struct meeting_form *f, const struct mm_table *t, int n)
{
	char line[200];
	t->totals(f, line, sizeof line);
	int name_w = t->name_w(f);
	table_heads(f, t->name, t->nx, name_w, t->heads, t->nheads);
	table_body(f, t->page, n, table_rows(f), 1, name_w, t->row,
		   t->empty ? _(t->empty) : NULL);
	totals_line(f, line);
	note_line(f, _(t->note));
}

/* The name column's width of each page: what the other columns leave. */
static int savings_name_w(const struct meeting_form *f)
{
	return getmaxx(f->uf.win) - 5 - 3 - 3 * 12 - 1;
}

static int repay_name_w(const struct meeting_form *f)
{
	return getmaxx(f->uf.win) - 3 - 12 - 12 - 12 - 6;
}

static int fines_name_w(const struct meeting_form *f)
{
	return getmaxx(f->uf.win) - 3 - 11 - 11 - 12 - 10;
}

static int loans_name_w(const struct meeting_form *f)
{
	return getmaxx(f->uf.win) - 3 - 12 - 14 - 8;
}

static void savings_row(struct meeting_form *f, int i, int y, int name_w, int sel, attr_t base)
{
	struct mm_state *m = st(f);
	WINDOW *w = f->uf.win;
	int x0 = 5 + name_w + 4;
	char buf[48];
	snprintf(buf, sizeof buf, "%3d", i + 1);
	text_put(w, y, 1, buf, 3, base);
	text_put(w, y, 5, m->mm->sav[i].nama, name_w, base);
	text_put(w, y, 5 + name_w + 1, i < f->n ? f->rows[i].status : "", 2, base);
	for (int k = 0; k < SIMPIN_KINDS; k++)
		cell(f, y, x0 + 12 * k, m->mm->sav[i].setor[k], sel && k == m->col[SM_PAGE_SAVINGS],
		     base);
}

static void savings_totals(const struct meeting_form *f, char *line, size_t n)
{
	const struct mm_state *m = st(f);
	char a[32];
	int64_t sum = 0;
	for (int i = 0; i < m->mm->nsav; i++)
		for (int k = 0; k < SIMPIN_KINDS; k++)
			sum += m->mm->sav[i].setor[k];
	snprintf(line, n, _("Simpanan masuk Rp %s"), sk_format_rupiah(sum, a, sizeof a));
}

static const struct mm_head SAVINGS_HEADS[] = {
	{ "St", 0, 2 }, { N_("      Pokok"), 3, 11 }, { N_("      Wajib"), 15, 11 },
	{ N_("   Sukarela"), 27, 11 },
};
static const struct mm_table MM_SAVINGS = {
	SM_PAGE_SAVINGS, N_("Nama anggota"), 5, savings_name_w, SAVINGS_HEADS, 4, savings_row,
	NULL, N_("Ketik angka untuk mengubah; Tab ke kolom berikut; PgDn: angsuran."),
	savings_totals
};

static void draw_savings(struct meeting_form *f)
{
	struct mm_state *m = st(f);
	char extra[160], a[32], b[32];
	snprintf(extra, sizeof extra, _("siklus %d: wajib Rp %s, pokok Rp %s"), m->mm->c.nomor,
		 sk_format_rupiah(m->mm->c.simpanan_wajib, a, sizeof a),
		 sk_format_rupiah(m->mm->c.simpanan_pokok, b, sizeof b));
	heading(f, extra);
	draw_table(f, &MM_SAVINGS, m->mm->nsav);
	text_put(f->uf.win, 1, 1, _(" No"), 3, ui_attr(R_HEADER));
}

static void repay_row(struct meeting_form *f, int i, int y, int name_w, int sel, attr_t base)
{
	struct mm_state *m = st(f);
	WINDOW *w = f->uf.win;
	const sk_meeting_repay *rep = &m->mm->rep[i];
	int col = m->col[SM_PAGE_REPAY];
	char buf[48];
	snprintf(buf, sizeof buf, "%s%s", rep->nama, strcmp(rep->sumber, "uep") == 0 ? " (UEP)" : "");
	text_put(w, y, 1, buf, name_w, base);
	text_put(w, y, 2 + name_w, amount(rep->due_pokok + rep->due_jasa, buf, sizeof buf), 11,
		 base);
	cell(f, y, 2 + name_w + 12, rep->pokok, sel && col == 0, base);
	cell(f, y, 2 + name_w + 24, rep->jasa, sel && col == 1, base);
	snprintf(buf, sizeof buf, "%5d", rep->late);
	text_put(w, y, 2 + name_w + 36, rep->late ? buf : "", 5, base);
}

static void repay_totals(const struct meeting_form *f, char *line, size_t n)
{
	const struct mm_state *m = st(f);
	char a[32], b[32];
	int64_t pokok = 0, jasa = 0;
	for (int i = 0; i < m->mm->nrep; i++) {
		pokok += m->mm->rep[i].pokok;
		jasa += m->mm->rep[i].jasa;
	}
	snprintf(line, n, _("Angsuran masuk: pokok Rp %s, jasa Rp %s"),
		 sk_format_rupiah(pokok, a, sizeof a), sk_format_rupiah(jasa, b, sizeof b));
}

static const struct mm_head REPAY_HEADS[] = {
	{ N_("  Tunggakan"), 0, 11 }, { N_("      Pokok"), 12, 11 },
	{ N_("       Jasa"), 24, 11 }, { N_("Telat"), 36, 5 },
};
static const struct mm_table MM_REPAY = {
	SM_PAGE_REPAY, N_("Peminjam"), 1, repay_name_w, REPAY_HEADS, 4, repay_row,
	N_("(tidak ada angsuran yang jatuh tempo)"),
	N_("Diisi tunggakan sampai hari ini; ubah bila dibayar lain. 0: tidak membayar."),
	repay_totals
};

static void draw_repay(struct meeting_form *f)
{
	heading(f, _("yang jatuh tempo sampai hari pertemuan"));
	draw_table(f, &MM_REPAY, st(f)->mm->nrep);
}

static void fine_row(struct meeting_form *f, int i, int y, int name_w, int sel, attr_t base)
{
	WINDOW *w = f->uf.win;
	const sk_meeting_fine *fn = &st(f)->mm->fine[i];
	char buf[64];
	text_put(w, y, 1, fn->nama, name_w, base);
	text_put(w, y, 2 + name_w, _(fn->jenis), 10, base);
	text_put(w, y, 2 + name_w + 11, fn->tanggal, 10, base);
	text_put(w, y, 2 + name_w + 22, amount(fn->jumlah, buf, sizeof buf), 11, base);
	const char *now = fn->bebas ? _("bebas") : fn->bayar ? _("dibayar") : "-";
	text_put(w, y, 2 + name_w + 34, now, 9, sel ? ui_attr(R_FIELD_CUR) : base);
	if (sel) {
		f->cy = y;
		f->cx = 2 + name_w + 34;
	}
}

static void fines_totals(const struct meeting_form *f, char *line, size_t n)
{
	const struct mm_state *m = st(f);
	char a[32], b[32];
	int64_t paid = 0, owed = 0;
	for (int i = 0; i < m->mm->nfine; i++)
		if (!m->mm->fine[i].bebas) {
			if (m->mm->fine[i].bayar)
				paid += m->mm->fine[i].jumlah;
			else
				owed += m->mm->fine[i].jumlah;
		}
	snprintf(line, n, _("Denda dibayar sekarang Rp %s; belum dibayar Rp %s"),
		 sk_format_rupiah(paid, a, sizeof a), sk_format_rupiah(owed, b, sizeof b));
}

static const struct mm_head FINES_HEADS[] = {
	{ N_("Jenis"), 0, 10 }, { N_("Tanggal"), 11, 10 }, { N_("     Jumlah"), 22, 11 },
	{ N_("Sekarang"), 34, 9 },
};
static const struct mm_table MM_FINES = {
	SM_PAGE_FINES, N_("Anggota"), 1, fines_name_w, FINES_HEADS, 4, fine_row,
	N_("(tidak ada denda)"),
	N_("Denda alpa dari daftar hadir, denda terlambat dari angsuran yang telat."), fines_totals
};

static void draw_fines(struct meeting_form *f)
{
	heading(f, _("Spasi: dibayar sekarang  B: bebaskan  F3: denda lain"));
	draw_table(f, &MM_FINES, st(f)->mm->nfine);
}

static const char *LF_LABELS[LF_COUNT] = { N_("No. anggota"), N_("Pokok"), N_("Angsuran"),
					   N_("Jarak"), N_("Sumber"), N_("Tujuan") };

static void draw_loan_form(struct meeting_form *f, int y)
{
	struct mm_state *m = st(f);
	WINDOW *w = f->uf.win;
	int cols = getmaxx(w);
	static const int X[LF_COUNT] = { 1, 20, 44, 58, 1, 20 };
	static const int W[LF_COUNT] = { 4, 12, 4, 7, 7, 40 };
	static const int ROW[LF_COUNT] = { 0, 0, 0, 0, 1, 1 };
	for (int r = 0; r < 3; r++)
		text_put(w, y + r, 0, "", cols, A_NORMAL);
	for (int i = 0; i < LF_COUNT; i++) {
		int lw = text_width(_(LF_LABELS[i]));
		int cur = m->loan_stage == 1 && m->lf == i;
		text_put(w, y + ROW[i], X[i], _(LF_LABELS[i]), lw, A_NORMAL);
		char v[SK_NAME_BYTES + 8];
		snprintf(v, sizeof v, "%s", m->lfield[i]);
		if (i == LF_JARAK)
			snprintf(v, sizeof v, "%s", _(m->lfield[i]));
		text_put(w, y + ROW[i], X[i] + lw + 1, v, W[i], cur ? ui_attr(R_FIELD_CUR)
								 : ui_attr(R_FIELD));
		if (cur) {
			f->cy = y + ROW[i];
			f->cx = X[i] + lw + 1 + text_width(v);
			if (f->cx > X[i] + lw + W[i])
				f->cx = X[i] + lw + W[i];
		}
	}
	const char *hint = m->loan_stage == 2
		? _("Enter: terima pinjaman dengan jadwal ini  Esc: ubah")
		: _("Enter: periksa dan lihat jadwal  Tab: isian berikut  Spasi: ganti  Esc: batal");
	text_put(w, y + 2, 1, hint, cols - 2, ui_attr(R_DIM));
}

static void loan_row(struct meeting_form *f, int i, int y, int name_w, int sel, attr_t base)
{
	WINDOW *w = f->uf.win;
	const sk_meeting_loan *l = &st(f)->mm->loan[i];
	char buf[64];
	text_put(w, y, 1, l->nama, name_w, base);
	text_put(w, y, 2 + name_w, amount(l->pokok, buf, sizeof buf), 11, base);
	snprintf(buf, sizeof buf, "%d x %s", l->jumlah_angsuran, _(l->jarak));
	text_put(w, y, 2 + name_w + 12, buf, 13, base);
	text_put(w, y, 2 + name_w + 26, l->sumber, 7, base);
	if (sel) {
		f->cy = y;
		f->cx = 1;
	}
}

static void draw_loans(struct meeting_form *f)
{
	static const struct mm_head HEADS[] = {
		{ N_("      Pokok"), 0, 11 }, { N_("Angsuran"), 12, 13 }, { N_("Sumber"), 26, 7 },
	};
	struct mm_state *m = st(f);
	WINDOW *w = f->uf.win;
	int cols = getmaxx(w);
	char a[32];
	heading(f, _("F3: pinjaman baru  F8: batalkan"));
	int name_w = loans_name_w(f);
	table_heads(f, N_("Peminjam"), 1, name_w, HEADS, 3);
	int64_t sum = 0;
	for (int i = 0; i < m->mm->nloan; i++)
		sum += m->mm->loan[i].pokok;
	table_body(f, SM_PAGE_LOANS, m->mm->nloan, table_rows(f) - (m->loan_stage ? 4 : 0),
		   !m->loan_stage, name_w, loan_row,
		   m->loan_stage ? NULL : _("(belum ada pinjaman baru; F3 menambah)"));
	if (m->loan_stage) {
		int y = getmaxy(w) - 6;
		if (m->loan_stage == 2) {
			char line[300], b[32], c[32];
			snprintf(line, sizeof line, _("Jadwal: %d x Rp %s, %s s.d. %s; jumlah Rp %s"),
				 atoi(m->lfield[LF_JUMLAH]),
				 sk_format_rupiah(m->sched_first, b, sizeof b), m->sched_from, m->sched_to,
				 sk_format_rupiah(m->sched_total, c, sizeof c));
			text_put(w, y - 1, 1, line, cols - 2, ui_attr(R_INFO));
		}
		draw_loan_form(f, y);
	}
	char line[200];
	snprintf(line, sizeof line, _("Pinjaman baru Rp %s"), sk_format_rupiah(sum, a, sizeof a));
	totals_line(f, line);
	note_line(f, _("Diperiksa terhadap batas pinjaman dan saldo kas, termasuk uang hari ini."));
}

static void draw_cash(struct meeting_form *f)
{
	struct mm_state *m = st(f);
	WINDOW *w = f->uf.win;
	int cols = getmaxx(w);
	char a[32], b[32], c[32], d[32], label[64];
	heading(f, _("F2: simpan pertemuan"));
	for (int y = 1; y < getmaxy(w); y++)
		text_put(w, y, 0, "", cols, A_NORMAL);
	text_put(w, 2, 1, _("Buku"), 20, ui_attr(R_HEADER));
	text_put(w, 2, 22, _(" Saldo awal      Masuk     Keluar  Saldo akhir"), 48, ui_attr(R_HEADER));
	int64_t total = 0;
	for (int i = 0; i < 3; i++) {
		const sk_meeting_cash *k = &m->cash[i];
		char line[200];
		snprintf(line, sizeof line, "%11s %10s %10s %12s", sk_format_rupiah(k->awal, a, sizeof a),
			 sk_format_rupiah(k->masuk, b, sizeof b), sk_format_rupiah(k->keluar, c, sizeof c),
			 sk_format_rupiah(k->akhir, d, sizeof d));
		snprintf(label, sizeof label, "%s", k->buku ? _(k->buku) : "");
		text_put(w, 3 + i, 1, k->buku ? cash_book_label(k->buku) : "", 20, A_NORMAL);
		text_put(w, 3 + i, 22, line, cols - 23, A_NORMAL);
		total += k->masuk - k->keluar;
	}
	char line[200];
	snprintf(line, sizeof line, _("Uang pertemuan ini: masuk bersih Rp %s. Hitung uangnya sebelum "
				      "menyimpan."), sk_format_rupiah(total, a, sizeof a));
	text_put(w, 7, 1, line, cols - 2, A_NORMAL);
	totals_line(f, _("F2 menyimpan pertemuan, simpanan, angsuran, denda dan pinjaman sekaligus."));
	note_line(f, _("PgUp: kembali ke halaman sebelumnya untuk mengubah."));
	f->cy = 0;
	f->cx = 1;
	(void)label;
}

void mm_draw(struct screen *s)
{
	struct meeting_form *f = s->data;
	WINDOW *w = f->uf.win;
	if (!w || !mm_active(f))
		return;
	werase(w);
	switch (f->page) {
	case SM_PAGE_SAVINGS: draw_savings(f); break;
	case SM_PAGE_REPAY: draw_repay(f); break;
	case SM_PAGE_FINES: draw_fines(f); break;
	case SM_PAGE_LOANS: draw_loans(f); break;
	default: draw_cash(f); break;
	}
}

/* ---- keys -------------------------------------------------------------------------------------- */

/* Digits typed into the current cell (a '.' is a thousands mark). 1 when used. */
static int digit_key(struct meeting_form *f, wint_t ch, enum action a, int64_t v)
{
	return fu_digits_key(&st(f)->cell, ch, a, v);
}

/* Arrows, Tab, Enter, Home/End over a table of n rows and ncols columns on page p. */
static int move_key(struct meeting_form *f, enum action a, int n, int ncols)
{
	struct mm_state *m = st(f);
	int p = f->page;
	switch (a) {
	case ACT_UP: m->row[p]--; break;
	case ACT_DOWN:
	case ACT_ENTER: m->row[p]++; break;
	case ACT_HOME: m->row[p] = 0; break;
	case ACT_END: m->row[p] = n - 1; break;
	case ACT_LEFT: m->col[p] = m->col[p] > 0 ? m->col[p] - 1 : 0; return 1;
	case ACT_RIGHT: m->col[p] = m->col[p] + 1 < ncols ? m->col[p] + 1 : ncols - 1; return 1;
	case ACT_NEXT:
		if (++m->col[p] >= ncols) {
			m->col[p] = 0;
			m->row[p]++;
		}
		break;
	case ACT_PREV:
		if (--m->col[p] < 0) {
			m->col[p] = ncols - 1;
			m->row[p]--;
		}
		break;
	default:
		return 0;
	}
	if (m->row[p] >= n)
		m->row[p] = n - 1;
	if (m->row[p] < 0)
		m->row[p] = 0;
	return 1;
}

static int table_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	enum action a = keys_action(ch, kc);
	int p = f->page, r = m->row[p], c = m->col[p];
	int n = p == SM_PAGE_SAVINGS ? m->mm->nsav : m->mm->nrep;
	int ncols = p == SM_PAGE_SAVINGS ? SIMPIN_KINDS : 2;
	if (n == 0)
		return SCR_UNHANDLED;
	int64_t v = p == SM_PAGE_SAVINGS ? m->mm->sav[r].setor[c]
		    : c == 0 ? m->mm->rep[r].pokok : m->mm->rep[r].jasa;
	if (kc != KEY_CODE_YES && digit_key(f, ch, a, v))
		return SCR_HANDLED;
	if (kc == KEY_CODE_YES && digit_key(f, ch, a, v))
		return SCR_HANDLED;
	commit(f);
	return move_key(f, a, n, ncols) ? SCR_HANDLED : SCR_UNHANDLED;
}

/* Member number n (1-based, as on the roll call) of the meeting. */
static int member_by_number(const struct meeting_form *f, const char *text)
{
	int n = atoi(text);
	return n >= 1 && n <= f->n ? n - 1 : -1;
}

static void fine_add(struct screen *s)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	char no[16] = "", amt[32] = "";
	if (m->mm->nfine >= SM_MAX_FINES)
		return;
	if (!dlg_input(_("Denda lain: nomor anggota (seperti di daftar hadir)"), no, sizeof no))
		return;
	int i = member_by_number(f, no);
	if (i < 0) {
		frame_msg(MSG_ERROR, _("Tidak ada anggota nomor %s."), no);
		return;
	}
	if (!dlg_input(_("Jumlah denda (rupiah)"), amt, sizeof amt))
		return;
	int64_t v;
	if (sk_parse_rupiah(amt, &v) != 0 || v <= 0) {
		frame_msg(MSG_ERROR, "%s", _("Denda harus lebih dari 0."));
		return;
	}
	sk_meeting_fine *fn = &m->mm->fine[m->mm->nfine++];
	memset(fn, 0, sizeof *fn);
	snprintf(fn->anggota_id, sizeof fn->anggota_id, "%s", f->rows[i].anggota_id);
	snprintf(fn->nama, sizeof fn->nama, "%s", f->names[i].nama);
	snprintf(fn->jenis, sizeof fn->jenis, "lainnya");
	uform_get(&f->uf, "tanggal", fn->tanggal, sizeof fn->tanggal);
	fn->jumlah = v;
	m->row[SM_PAGE_FINES] = m->mm->nfine - 1;
}

static int fines_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	enum action a = keys_action(ch, kc);
	int r = m->row[SM_PAGE_FINES];
	sk_meeting_fine *fn = r < m->mm->nfine ? &m->mm->fine[r] : NULL;
	if (a == ACT_NEW) {
		fine_add(s);
		mm_sync(s);
		return SCR_HANDLED;
	}
	enum action la = keys_local(KS_SIMPIN, ch, kc);
	if (la == ACT_TOGGLE && fn) {
		fn->bayar = !fn->bayar;
		if (fn->bayar)
			fn->bebas = 0;
		m->row[SM_PAGE_FINES] = r + 1 < m->mm->nfine ? r + 1 : r;
		mm_sync(s);
		return SCR_HANDLED;
	}
	if (la == ACT_WAIVE && fn) {
		if (fn->bebas) {
			fn->bebas = 0;
		} else {
			char q[400], amt[32];
			snprintf(q, sizeof q, _("Bebaskan denda %s Rp %s (%s)? (y/t)"), fn->nama,
				 sk_format_rupiah(fn->jumlah, amt, sizeof amt), _(fn->jenis));
			if (dlg_confirm(q)) {
				fn->bebas = 1;
				fn->bayar = 0;
			}
		}
		mm_sync(s);
		return SCR_HANDLED;
	}
	if (a == ACT_DELETE && fn && !*fn->id && !fn->raised) {
		memmove(fn, fn + 1, sizeof *fn * (size_t)(m->mm->nfine - r - 1));
		m->mm->nfine--;
		mm_sync(s);
		return SCR_HANDLED;
	}
	return move_key(f, a, m->mm->nfine, 1) ? SCR_HANDLED : SCR_UNHANDLED;
}

/* ---- page 6: a new loan -------------------------------------------------------------------- */

static void loan_start(struct meeting_form *f)
{
	struct mm_state *m = st(f);
	if (m->mm->nloan >= SM_MAX_LOANS) {
		frame_msg(MSG_WARN, _("Paling banyak %d pinjaman baru dalam satu pertemuan."), SM_MAX_LOANS);
		return;
	}
	for (int i = 0; i < LF_COUNT; i++)
		m->lfield[i][0] = '\0';
	snprintf(m->lfield[LF_JUMLAH], sizeof m->lfield[0], "%d", m->jumlah_dflt);
	snprintf(m->lfield[LF_JARAK], sizeof m->lfield[0], "%s", m->jarak_dflt);
	snprintf(m->lfield[LF_SUMBER], sizeof m->lfield[0], "simpin");
	m->loan_stage = 1;
	m->lf = LF_NO;
}

/* The loan typed, as the meeting will write it, into l; -1 with a message when a field is
 * not a number or names no member. */
static int loan_from_fields(struct meeting_form *f, sk_meeting_loan *l)
{
	struct mm_state *m = st(f);
	memset(l, 0, sizeof *l);
	int i = member_by_number(f, m->lfield[LF_NO]);
	if (i < 0) {
		m->lf = LF_NO;
		frame_msg(MSG_ERROR, _("Tidak ada anggota nomor %s: nomornya seperti di daftar hadir."),
			  m->lfield[LF_NO]);
		return -1;
	}
	if (sk_parse_rupiah(m->lfield[LF_POKOK], &l->pokok) != 0 || l->pokok <= 0) {
		m->lf = LF_POKOK;
		frame_msg(MSG_ERROR, "%s", _("Pokok pinjaman harus lebih dari 0."));
		return -1;
	}
	snprintf(l->anggota_id, sizeof l->anggota_id, "%s", f->rows[i].anggota_id);
	snprintf(l->nama, sizeof l->nama, "%s", f->names[i].nama);
	l->jumlah_angsuran = atoi(m->lfield[LF_JUMLAH]);
	sk_strlcpy(l->jarak, m->lfield[LF_JARAK], sizeof l->jarak);
	sk_strlcpy(l->sumber, m->lfield[LF_SUMBER], sizeof l->sumber);
	snprintf(l->tujuan, sizeof l->tujuan, "%s", m->lfield[LF_TUJUAN]);
	return 0;
}

/* Check the typed loan (limit, cash, schedule); on success show its schedule. */
static void loan_check(struct screen *s)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	sk_meeting_loan l;
	if (loan_from_fields(f, &l) != 0)
		return;
	char date[16];
	uform_get(&f->uf, "tanggal", date, sizeof date);
	m->mm->loan[m->mm->nloan] = l;
	sk_err e;
	sk_err_clear(&e);
	if (simpin_meeting_check_loan(s->db, f->m.kelompok_id, date, f->rows, f->n, m->mm,
				      m->mm->nloan, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		m->lf = LF_POKOK;
		return;
	}
	sk_loan_terms t = { .pokok = l.pokok, .rate = m->mm->c.jasa_persen_bulan,
			    .metode = loan_method_parse(m->mm->c.metode_jasa),
			    .jumlah = l.jumlah_angsuran, .jarak = loan_interval_parse(l.jarak) };
	sk_strlcpy(t.tanggal, date, sizeof t.tanggal);
	sk_loan_schedule *sc = malloc(sizeof *sc);
	if (!sc || loan_schedule(&t, sc) != LOAN_OK) {
		free(sc);
		frame_msg(MSG_ERROR, "%s", _("Jadwal pinjaman ini tidak dapat dihitung."));
		return;
	}
	m->sched_first = sc->at[0].jumlah;
	m->sched_total = sc->jumlah;
	snprintf(m->sched_from, sizeof m->sched_from, "%s", sc->at[0].jatuh_tempo);
	snprintf(m->sched_to, sizeof m->sched_to, "%s", sc->at[sc->n - 1].jatuh_tempo);
	free(sc);
	m->loan_stage = 2;
}

static void loan_accept(struct screen *s)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	sk_meeting_loan l;
	if (loan_from_fields(f, &l) != 0) {
		m->loan_stage = 1;
		return;
	}
	m->mm->loan[m->mm->nloan++] = l;
	m->row[SM_PAGE_LOANS] = m->mm->nloan - 1;
	m->loan_stage = 0;
	m->jumlah_dflt = l.jumlah_angsuran;
	snprintf(m->jarak_dflt, sizeof m->jarak_dflt, "%s", l.jarak);
	mm_sync(s);
	char a[32];
	frame_msg(MSG_INFO, _("Pinjaman %s Rp %s dicatat; tersimpan bersama pertemuan (F2)."), l.nama,
		  sk_format_rupiah(l.pokok, a, sizeof a));
}

static int loan_form_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	enum action a = keys_action(ch, kc);
	if (m->loan_stage == 2) {
		if (a == ACT_ENTER)
			loan_accept(s);
		else if (a == ACT_BACK)
			m->loan_stage = 1;
		return SCR_HANDLED;
	}
	char *v = m->lfield[m->lf];
	size_t len = strlen(v);
	switch (a) {
	case ACT_BACK:
		m->loan_stage = 0;
		return SCR_HANDLED;
	case ACT_ENTER:
		if (m->lf == LF_NO) {
			if (member_by_number(f, v) < 0)
				frame_msg(MSG_ERROR, _("Tidak ada anggota nomor %s: nomornya seperti di "
						       "daftar hadir."), v);
			else
				m->lf = LF_POKOK;
		} else {
			loan_check(s);
		}
		return SCR_HANDLED;
	case ACT_NEXT:
		m->lf = (m->lf + 1) % LF_COUNT;
		return SCR_HANDLED;
	case ACT_PREV:
		m->lf = (m->lf + LF_COUNT - 1) % LF_COUNT;
		return SCR_HANDLED;
	case ACT_BACKSPACE:
		if (len > 0 && m->lf != LF_JARAK && m->lf != LF_SUMBER) {
			while (len > 0 && ((unsigned char)v[len - 1] & 0xc0) == 0x80)
				len--;
			v[len > 0 ? len - 1 : 0] = '\0';
		}
		return SCR_HANDLED;
	case ACT_CLEAR:
		if (m->lf != LF_JARAK && m->lf != LF_SUMBER)
			v[0] = '\0';
		return SCR_HANDLED;
	default:
		break;
	}
	if (kc == KEY_CODE_YES)
		return SCR_UNHANDLED;
	enum action la = keys_local(KS_SIMPIN, ch, kc);
	if (m->lf == LF_JARAK && la == ACT_TOGGLE) {
		snprintf(v, SK_NAME_BYTES, "%s", strcmp(v, "minggu") == 0 ? "bulan" : "minggu");
		return SCR_HANDLED;
	}
	if (m->lf == LF_SUMBER && (la == ACT_TOGGLE || la == ACT_UEP || ch == 's' || ch == 'S')) {
		int uep = la == ACT_UEP || (la == ACT_TOGGLE && strcmp(v, "simpin") == 0);
		snprintf(v, SK_NAME_BYTES, "%s", uep ? "uep" : "simpin");
		return SCR_HANDLED;
	}
	if (la == ACT_UEP && m->lf != LF_TUJUAN) {
		snprintf(m->lfield[LF_SUMBER], SK_NAME_BYTES, "uep");
		return SCR_HANDLED;
	}
	int digits_only = m->lf == LF_NO || m->lf == LF_POKOK || m->lf == LF_JUMLAH;
	if (digits_only && ch == '.')
		return SCR_HANDLED;
	if (digits_only && (ch < '0' || ch > '9'))
		return SCR_HANDLED;
	if (m->lf == LF_JARAK || m->lf == LF_SUMBER || !keys_printable(ch, kc))
		return SCR_HANDLED;
	char mb[8];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t k = wcrtomb(mb, (wchar_t)ch, &ps);
	if (k != (size_t)-1 && len + k + 1 < SK_NAME_BYTES && (!digits_only || len < 12)) {
		memcpy(v + len, mb, k);
		v[len + k] = '\0';
	}
	return SCR_HANDLED;
}

static int loans_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	enum action a = keys_action(ch, kc);
	if (m->loan_stage)
		return loan_form_key(s, ch, kc);
	if (a == ACT_NEW) {
		loan_start(f);
		return SCR_HANDLED;
	}
	int r = m->row[SM_PAGE_LOANS];
	if (a == ACT_DELETE && r < m->mm->nloan) {
		memmove(&m->mm->loan[r], &m->mm->loan[r + 1],
			sizeof m->mm->loan[0] * (size_t)(m->mm->nloan - r - 1));
		m->mm->nloan--;
		mm_sync(s);
		return SCR_HANDLED;
	}
	return move_key(f, a, m->mm->nloan, 1) ? SCR_HANDLED : SCR_UNHANDLED;
}

int mm_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	enum action a = keys_action(ch, kc);
	if (!(f->page == SM_PAGE_LOANS && m->loan_stage)) {
		if (a == ACT_PGDN) {
			go(s, 1);
			return SCR_HANDLED;
		}
		if (a == ACT_PGUP) {
			go(s, -1);
			return SCR_HANDLED;
		}
	}
	switch (f->page) {
	case SM_PAGE_SAVINGS:
	case SM_PAGE_REPAY: return table_key(s, ch, kc);
	case SM_PAGE_FINES: return fines_key(s, ch, kc);
	case SM_PAGE_LOANS: return loans_key(s, ch, kc);
	default: return SCR_UNHANDLED;
	}
}

void mm_before_save(struct screen *s)
{
	struct meeting_form *f = s->data;
	if (!mm_active(f))
		return;
	commit(f);
	mm_sync(s);
}

void mm_refused(struct screen *s, int page, int row)
{
	struct meeting_form *f = s->data;
	struct mm_state *m = st(f);
	if (!mm_active(f) || page < FIRST_PAGE || page > LAST_PAGE)
		return;
	f->page = page;
	if (row >= 0)
		m->row[page] = row;
	m->loan_stage = 0;
}

int mm_loan_typing(const struct meeting_form *f)
{
	return mm_active(f) && f->page == SM_PAGE_LOANS && f->money->loan_stage != 0;
}
