/* meeting_form.c - record or change a meeting: the header (date, place, pendamping present,
 * agenda, decisions, note) on top, the attendance grid below (meeting_grid.c). F2 saves the
 * meeting with its attendance and posts the dues into the cash books. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dialog.h"
#include "form_util.h"
#include "frame.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "meeting_form.h"
#include "screens.h"
#include "simpin_meeting.h"
#include "uform.h"
#include "validate.h"

static const char *const PAGES[] = { N_("Pertemuan dan daftar hadir") };

static const struct uf_def FIELDS[] = {
	UF_TEXT_AT("tanggal", N_("Tanggal"), 0, 1, 2, 10, 11, 11),
	UF_TEXT_AT("tempat", N_("Tempat"), 0, 1, 22, 29, 26, SK_NAME_MAX),
	UF_CHOICE_AT("pendamping_hadir", N_("Pendamping hadir"),
		0, 1, 57, 74, 5, UF_YN_VALUES, UF_YN_LABELS),
	UF_TEXT_AT("agenda", N_("Agenda"), 0, 3, 2, 12, 66, 500),
	UF_TEXT_AT("keputusan", N_("Keputusan"), 0, 5, 2, 12, 28, 500),
	UF_TEXT_AT("catatan", N_("Catatan"), 0, 5, 42, 50, 28, 250),
};

/* Header values into m; conversion problems go to is. */
static void mf_collect(struct meeting_form *f, sk_meeting *m)
{
	char buf[8];
	*m = f->m;
	uform_get(&f->uf, "tanggal", m->tanggal, sizeof m->tanggal);
	uform_get(&f->uf, "tempat", m->tempat, sizeof m->tempat);
	uform_get(&f->uf, "pendamping_hadir", buf, sizeof buf);
	m->pendamping_hadir = atoi(buf);
	uform_get(&f->uf, "agenda", m->agenda, sizeof m->agenda);
	uform_get(&f->uf, "keputusan", m->keputusan, sizeof m->keputusan);
	uform_get(&f->uf, "catatan", m->catatan, sizeof m->catatan);
}

static void mf_validate(struct screen *s)
{
	struct meeting_form *f = s->data;
	sk_meeting m;
	sk_issues is;
	mf_collect(f, &m);
	meeting_validate(s->db, &m, &is);
	uform_check_lengths(&f->uf, &is);
	uform_set_issues(&f->uf, &is);
}

static void mf_fill(struct meeting_form *f)
{
	uform_set(&f->uf, "tanggal", f->m.tanggal);
	uform_set(&f->uf, "tempat", f->m.tempat);
	uform_set(&f->uf, "pendamping_hadir", f->m.pendamping_hadir ? "1" : "0");
	uform_set(&f->uf, "agenda", f->m.agenda);
	uform_set(&f->uf, "keputusan", f->m.keputusan);
	uform_set(&f->uf, "catatan", f->m.catatan);
	uform_note(&f->uf, "tanggal", _("TTTT-BB-HH"));
}

static int mf_load(struct screen *s, const struct meeting_form_arg *a)
{
	struct meeting_form *f = s->data;
	sk_err e;
	sk_err_clear(&e);
	f->is_new = a->meeting_id == NULL;
	int rc = f->is_new ? meeting_propose(s->db, a->group_id, &f->m, f->rows, f->names,
					     MEETING_MAX_ROWS, &f->n, &e)
			   : meeting_load(s->db, a->meeting_id, &f->m, f->rows, f->names,
					  MEETING_MAX_ROWS, &f->n, &e);
	if (rc == SK_OK)
		rc = group_get(s->db, f->m.kelompok_id, &f->g, &e);
	if (rc != SK_OK)
		return fu_fail(&e);
	memcpy(f->orig, f->rows, sizeof f->rows);
	f->orig_n = f->n;
	snprintf(f->grid_date, sizeof f->grid_date, "%s", f->m.tanggal);
	if (f->is_new)
		snprintf(f->key, sizeof f->key, "baru:%s", f->m.kelompok_id);
	else
		snprintf(f->key, sizeof f->key, "%s", f->m.id);
	if (f->is_new)
		snprintf(s->title, sizeof s->title, _("Pertemuan baru - kelompok %s"), f->g.nama);
	else
		snprintf(s->title, sizeof s->title, _("Pertemuan %s - kelompok %s"), f->m.tanggal,
			 f->g.nama);
	return 0;
}

/* A stored meeting: the rows of people who were not members on date go (their dates say
 * so); the others stay as stored. Returns the rows dropped. */
static int mf_drop_strangers(struct screen *s, const char *date)
{
	struct meeting_form *f = s->data;
	int out = 0;
	for (int i = 0; i < f->n; i++) {
		if (!meeting_member_on(s->db, f->rows[i].anggota_id, date))
			continue;
		f->rows[out] = f->rows[i];
		f->names[out] = f->names[i];
		out++;
	}
	int dropped = f->n - out;
	f->n = out;
	if (f->cur >= f->n)
		f->cur = f->n > 0 ? f->n - 1 : 0;
	return dropped;
}

/* The attendance list for date: the members of that day (meeting_roster), each keeping the
 * row already typed for it, the others as the proposal. Returns the rows dropped plus added. */
static int mf_roster(struct screen *s, const char *date)
{
	struct meeting_form *f = s->data;
	static sk_attendance rows[MEETING_MAX_ROWS];
	static sk_attendee names[MEETING_MAX_ROWS];
	int n = 0, changed = 0, kept = 0;
	sk_err e;
	sk_err_clear(&e);
	if (meeting_roster(s->db, f->m.kelompok_id, date, rows, names, MEETING_MAX_ROWS, &n, &e) !=
	    SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		int j = 0;
		while (j < f->n && strcmp(f->rows[j].anggota_id, rows[i].anggota_id) != 0)
			j++;
		if (j < f->n) {
			rows[i] = f->rows[j];
			kept++;
		} else {
			sk_strlcpy(rows[i].pertemuan_id, f->m.id, sizeof rows[i].pertemuan_id);
			changed++;
		}
	}
	changed += f->n - kept;
	memcpy(f->rows, rows, sizeof rows[0] * (size_t)n);
	memcpy(f->names, names, sizeof names[0] * (size_t)n);
	f->n = n;
	if (f->cur >= f->n)
		f->cur = f->n > 0 ? f->n - 1 : 0;
	f->dues.editing = 0;
	snprintf(f->grid_date, sizeof f->grid_date, "%s", date);
	return changed;
}

/* The date field was left (or F2 pressed): a new valid date gets its own attendance list. */
static int mf_date_changed(struct screen *s)
{
	struct meeting_form *f = s->data;
	char date[16];
	uform_get(&f->uf, "tanggal", date, sizeof date);
	if (!valid_date(date) || strcmp(date, f->grid_date) == 0)
		return 0;
	int changed = mf_roster(s, date);
	if (changed)
		frame_msg(MSG_INFO, _("Daftar hadir disesuaikan dengan anggota pada %s: %d anggota."),
			  date, f->n);
	/* The savings-and-loans pages are worked out again for the new date and list. */
	if (mm_redate(s, date) && !changed) {
		frame_msg(MSG_INFO, _("Halaman simpan pinjam dihitung lagi untuk %s; periksa, lalu F2 "
				      "lagi."), date);
		changed = 1;
	}
	return changed;
}

/* The attendance part of a draft: "grid.<member id>=S,kas,iks" lines, after the list of the
 * draft's date. */
static void mf_draft_grid(struct screen *s, const char *draft)
{
	struct meeting_form *f = s->data;
	mf_date_changed(s);
	for (const char *p = strstr(draft, "grid."); p; p = strstr(p + 1, "\ngrid.")) {
		if (*p == '\n')
			p++;
		char id[SK_UUID_LEN + 1], st[4];
		long long kas, iks;
		if (sscanf(p, "grid.%36[^=]=%3[^,],%lld,%lld", id, st, &kas, &iks) != 4)
			continue;
		for (int i = 0; i < f->n; i++) {
			if (strcmp(f->rows[i].anggota_id, id) != 0 || !valid_attendance_status(st))
				continue;
			sk_strlcpy(f->rows[i].status, st, sizeof f->rows[i].status);
			f->rows[i].iuran_kas = kas;
			f->rows[i].iuran_iks = iks;
		}
	}
}

static int mf_init(struct screen *s, void *arg)
{
	struct meeting_form *f = fu_form_open(s, sizeof *f, FIELDS, FU_COUNT(FIELDS), 1, PAGES);
	if (!f || mf_load(s, arg) != 0)
		return -1;
	mf_fill(f);
	uform_snapshot(&f->uf);
	/* A stored meeting listing someone who was not a member that day (recorded before the
	 * dates were checked): the list is put right, and saving it puts the books right. */
	if (!f->is_new && valid_date(f->m.tanggal) && mf_drop_strangers(s, f->m.tanggal))
		frame_msg(MSG_WARN, "%s", _("Anggota yang belum atau tidak lagi menjadi anggota pada "
					    "tanggal itu dikeluarkan dari daftar hadir; F2 menyimpan "
					    "perbaikannya."));
	char *draft = NULL;
	if (fu_draft_offer(s, &f->uf, f->key, &draft)) {
		mf_draft_grid(s, draft);
		uform_touch_all(&f->uf);
	}
	/* The savings-and-loans pages of a new meeting, for the date the attendance list is for,
	 * with what the draft typed on them. */
	if (f->is_new) {
		snprintf(f->m.tanggal, sizeof f->m.tanggal, "%s", f->grid_date);
		mm_open(s);
		mm_draft_load(s, draft);
	}
	free(draft);
	return 0;
}

static void mf_draw(struct screen *s)
{
	struct meeting_form *f = s->data;
	s->cursor = 1;
	if (f->page) {
		mm_draw(s);
		return;
	}
	uform_draw(&f->uf);
	mgrid_draw(f);
}

static void mf_show(struct screen *s)
{
	struct meeting_form *f = s->data;
	if ((!f->grid && !f->page) || !f->uf.win) {
		uform_refresh(&f->uf);
		return;
	}
	touchwin(f->uf.win);
	wmove(f->uf.win, f->cy, f->cx);
	wnoutrefresh(f->uf.win);
}

/* A warning about something else than the second meeting that day (asked already). */
static int other_warning(const sk_issues *is)
{
	for (int i = 0; i < is->n; i++)
		if (is->items[i].sev == SK_SEV_WARNING && strcmp(is->items[i].field, "tanggal") != 0)
			return 1;
	return 0;
}

static void mf_save(struct screen *s)
{
	struct meeting_form *f = s->data;
	sk_meeting m;
	sk_issues is;
	sk_err e;
	sk_err_clear(&e);
	mgrid_commit(f);
	if (mf_date_changed(s)) {
		/* Not saved: the clerk sees the new list first. */
		frame_msg(MSG_WARN, _("Daftar hadir disesuaikan dengan anggota pada %s; periksa, lalu "
				      "F2 lagi."), f->grid_date);
		return;
	}
	mm_before_save(s);
	mf_collect(f, &m);
	sk_issues_clear(&is);
	uform_check_lengths(&f->uf, &is);
	if (sk_issues_errors(&is)) {
		fu_refused(&f->uf, &is);
		f->grid = 0;
		return;
	}
	if (valid_date(m.tanggal) && meeting_same_day(s->db, m.kelompok_id, m.tanggal, m.id)) {
		char q[300];
		snprintf(q, sizeof q, _("Sudah ada pertemuan kelompok ini pada %s. Simpan juga sebagai "
					"pertemuan kedua hari itu? (y/t)"), m.tanggal);
		if (!dlg_confirm(q))
			return;
	}
	int page, row;
	int rc = simpin_meeting_save(s->db, &m, f->rows, f->n, mm_money(f), &is, &page, &row, &e);
	/* A fine waived needs a second operator (issue 16): asked, then saved again. */
	if (rc == SK_DENIED && dlg_four_eyes(s->db)) {
		sk_err_clear(&e);
		rc = simpin_meeting_save(s->db, &m, f->rows, f->n, mm_money(f), &is, &page, &row, &e);
	}
	if (rc == SK_REFUSED && page >= SM_PAGE_SAVINGS) {
		mm_refused(s, page, row);
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	if (rc == SK_REFUSED) {
		f->page = 0;
		fu_refused(&f->uf, &is);
		if (uform_first_error(&f->uf) >= 0)
			f->grid = 0;
		return;
	}
	if (rc != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	int count[4];
	int64_t kas, iks;
	char what[200];
	mgrid_totals(f, count, &kas, &iks);
	snprintf(what, sizeof what, _("Pertemuan %s"), m.tanggal);
	const sk_meeting_money *mm = mm_money(f);
	if (other_warning(&is)) {
		fu_saved(what, &is);
	} else if (mm && (mm->nsav || mm->nrep || mm->nfine || mm->nloan)) {
		int sav = 0, rep = 0, fines = 0;
		for (int j = 0; j < mm->nsav; j++)
			for (int k = 0; k < SIMPIN_KINDS; k++)
				sav += mm->sav[j].setor[k] > 0;
		for (int j = 0; j < mm->nrep; j++)
			rep += mm->rep[j].pokok + mm->rep[j].jasa > 0;
		for (int j = 0; j < mm->nfine; j++)
			fines += mm->fine[j].bayar && !mm->fine[j].bebas;
		frame_msg(MSG_INFO, _("%s tersimpan: %d simpanan, %d angsuran, %d denda, %d pinjaman "
				      "baru."), what, sav, rep, fines, mm->nloan);
	} else {
		char k[32], i[32];
		frame_msg(MSG_INFO, _("%s tersimpan; iuran kas Rp %s dan IKS Rp %s dibukukan."), what,
			  sk_format_rupiah(kas, k, sizeof k), sk_format_rupiah(iks, i, sizeof i));
	}
	ui_pop();
}

/* 1 when grid rows differ from the loaded ones. */
static int rows_dirty(const struct meeting_form *f)
{
	if (f->n != f->orig_n)
		return 1;
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->rows[i].status, f->orig[i].status) != 0 ||
		    f->rows[i].iuran_kas != f->orig[i].iuran_kas ||
		    f->rows[i].iuran_iks != f->orig[i].iuran_iks)
			return 1;
	return f->dues.editing;
}

static int mf_unsaved(struct screen *s)
{
	struct meeting_form *f = s->data;
	return f->is_new || uform_dirty(&f->uf) || rows_dirty(f);
}

/* Keys while the header has the focus; moving on from its last field enters the grid. */
static int header_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_form *f = s->data;
	enum action a = keys_action(ch, kc);
	int last = f->uf.cur == FU_COUNT(FIELDS) - 1;
	if (a == ACT_PGDN || (last && (a == ACT_NEXT || a == ACT_ENTER || a == ACT_DOWN))) {
		uform_touch(&f->uf, f->uf.cur);
		mf_validate(s);
		mf_date_changed(s);
		f->grid = f->n > 0;
		return SCR_HANDLED;
	}
	int left;
	enum uf_result r = uform_key(&f->uf, ch, kc, &left);
	if (left >= 0) {
		uform_touch(&f->uf, left);
		mf_validate(s);
		if (left == uform_index(&f->uf, "tanggal"))
			mf_date_changed(s);
	}
	return r != UF_IGNORED ? SCR_HANDLED : SCR_UNHANDLED;
}

static int mf_key(struct screen *s, wint_t ch, int kc)
{
	struct meeting_form *f = s->data;
	if (f->page && mm_loan_typing(f) && keys_action(ch, kc) != ACT_SAVE)
		return mm_key(s, ch, kc);
	switch (keys_action(ch, kc)) {
	case ACT_SAVE:
		mf_save(s);
		return SCR_HANDLED;
	case ACT_BACK:
		if (!mf_unsaved(s) || dlg_confirm(_("Buang pertemuan yang belum disimpan? (y/t)")))
			ui_pop();
		return SCR_HANDLED;
	default:
		break;
	}
	if (f->page)
		return mm_key(s, ch, kc);
	if (f->grid && mm_active(f) && keys_action(ch, kc) == ACT_PGDN) {
		mgrid_commit(f);
		mm_enter(s, SM_PAGE_SAVINGS);
		return SCR_HANDLED;
	}
	if (!f->grid)
		return header_key(s, ch, kc);
	int up;
	int r = mgrid_key(f, ch, kc, &up);
	if (up) {
		f->grid = 0;
		uform_focus(&f->uf, FU_COUNT(FIELDS) - 1);
	}
	return r;
}

static void mf_draft(struct screen *s)
{
	struct meeting_form *f = s->data;
	mgrid_commit(f);
	/* The savings-and-loans pages after the attendance lines (the cell being typed taken). */
	mm_before_save(s);
	char *money = mm_draft_text(f);
	size_t cap = (size_t)f->n * 80 + (money ? strlen(money) : 0) + 1;
	char *extra = calloc(1, cap);
	if (!extra) {
		free(money);
		return;
	}
	size_t used = 0;
	for (int i = 0; i < f->n; i++)
		used += (size_t)snprintf(extra + used, cap - used, "grid.%s=%s,%lld,%lld\n",
					 f->rows[i].anggota_id, f->rows[i].status,
					 (long long)f->rows[i].iuran_kas, (long long)f->rows[i].iuran_iks);
	if (money)
		snprintf(extra + used, cap - used, "%s", money);
	free(money);
	fu_draft_save(s, &f->uf, f->key, extra);
	free(extra);
}

static void mf_free(struct screen *s)
{
	struct meeting_form *f = s->data;
	if (f) {
		uform_close(&f->uf);
		mm_free(f);
	}
	free(f);
}

const struct screen_ops MEETING_FORM_OPS = SCREEN_OPS("meeting-form", mf, HELP_MEETING_FORM,
	.resize = fu_resize, .free = mf_free, .show = mf_show, .unsaved = mf_unsaved,
	.draft = mf_draft,
	.hints = HINTS(HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")),
		       HINT(ACT_STATUS, NC_("hint", "Status")), HINT(ACT_PGDN, NC_("hint", "Halaman")),
		       HINTS_BACK_QUIT));
