/* evaluation_form_draw.c - the development assessment form on one 80x24 screen: date and
 * assessor, then per indicator its score and what the score means, and under it SIKUBE's
 * proposal with the figures behind it; the live score and level at the bottom. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "colors.h"
#include "evaluation_form.h"
#include "i18n.h"
#include "text.h"

#define V_X_NAME 1
#define V_X_TITLE 4
#define V_TITLE_W 24
#define V_X_VALUE 29
#define V_X_MARK 33
#define V_X_MEANING 35

/* What the note row says about the current field. */
static void field_hint(const struct eform *f, char *out, size_t n)
{
	if (EF_IS_V(f->o.cur)) {
		int p = f->evd.usul[f->o.cur - EF_V1];
		if (p != EVAL_NO_DATA)
			snprintf(out, n, _("Ketik 1-4, atau Enter untuk menerima usulan %d. Backspace "
					   "menghapus nilai."), p);
		else
			snprintf(out, n, "%s", _("Ketik 1-4 (tidak ada usulan untuk indikator ini)."));
		return;
	}
	switch (f->o.cur) {
	case EF_TANGGAL:
		snprintf(out, n, "%s", _("Tanggal penilaian, TTTT-BB-HH. Usulan dihitung dari catatan "
					 "sampai tanggal ini."));
		break;
	case EF_PENILAI: snprintf(out, n, "%s", _("Nama petugas yang menilai.")); break;
	default: snprintf(out, n, "%s", _("Catatan kunjungan, boleh kosong. F2 menyimpan.")); break;
	}
}

static void draw_note(const struct eform *f)
{
	char line[600];
	enum ui_role role = R_DIM;
	const sk_issue *it = sk_issues_for(&f->o.found, ef_name(f->o.cur));
	if (it) {
		snprintf(line, sizeof line, _("Salah: %s"), it->msg);
		role = R_ERROR;
	} else {
		field_hint(f, line, sizeof line);
	}
	text_put(stdscr, EF_ROW_NOTE, 1, line, COLS - 2, ui_attr(role));
}

/* The proposal row of indicator i: the proposed score and the figures, or why none. */
static void draw_proposal(const struct eform *f, int i, int y)
{
	char fig[300], line[400];
	int p = f->evd.usul[i];
	evaluation_evidence_text(&f->evd, i, fig, sizeof fig);
	if (!*f->evd_date)
		snprintf(line, sizeof line, "%s", _("Usulan: tulis tanggal yang benar dulu."));
	else if (p != EVAL_NO_DATA)
		snprintf(line, sizeof line, _("Usulan %d: %s"), p, fig);
	else if (*fig)
		snprintf(line, sizeof line, "%s", fig);
	else
		snprintf(line, sizeof line, "%s", _("Tanpa usulan: dinilai pendamping."));
	int over = evaluation_overridden(&f->ev, i);
	text_put(stdscr, y, V_X_TITLE, line, COLS - V_X_TITLE - 1, ui_attr(over ? R_WARN : R_DIM));
}

static void draw_indicator(const struct eform *f, int i)
{
	int y = EF_ROW_V + 2 * i, field = EF_V1 + i, v = f->ev.v[i];
	text_put(stdscr, y, V_X_NAME, EVAL_FIELDS[i], 2, ui_attr(R_DIM));
	text_put(stdscr, y, V_X_TITLE, evaluation_indicator_title(i), V_TITLE_W, A_NORMAL);
	char value[8];
	snprintf(value, sizeof value, " %c ", v >= 1 && v <= 4 ? '0' + v : '?');
	text_put(stdscr, y, V_X_VALUE, value, 3,
		 ui_attr(f->o.cur == field ? R_FIELD_CUR : R_FIELD) | A_BOLD);
	if (evaluation_overridden(&f->ev, i))
		text_put(stdscr, y, V_X_MARK, "*", 1, ui_attr(R_WARN));
	if (v >= 1 && v <= 4)
		text_put(stdscr, y, V_X_MEANING, evaluation_rubric(i, v), COLS - V_X_MEANING - 1,
			 A_NORMAL);
	else
		text_put(stdscr, y, V_X_MEANING, _("belum dinilai"), COLS - V_X_MEANING - 1,
			 ui_attr(R_DIM));
	draw_proposal(f, i, y + 1);
}

static void draw_score(const struct eform *f)
{
	char line[300];
	int open = ef_unscored(f), sum = 0;
	for (int i = 0; i < EVAL_INDICATORS; i++)
		sum += f->ev.v[i] >= 1 && f->ev.v[i] <= 4 ? f->ev.v[i] : 0;
	if (open)
		snprintf(line, sizeof line, _("Skor %d sejauh ini; %d indikator belum dinilai."), sum,
			 open);
	else
		snprintf(line, sizeof line, _("Skor %d dari 32: %s  (ambang: berkembang 16, maju 23, "
					      "mandiri 29)"), f->ev.skor,
			 evaluation_level_label(f->ev.tingkat));
	text_put(stdscr, EF_ROW_SCORE, 1, line, COLS - 2, ui_attr(R_HEADER));
}

void ef_draw(struct screen *s)
{
	struct eform *f = s->data;
	s->cursor = 1;
	int x = fu_own_item(&f->o, EF_TANGGAL, EF_ROW_DATE, 1, _("Tanggal"), 11);
	fu_own_item(&f->o, EF_PENILAI, EF_ROW_DATE, x, _("Penilai"),
		    COLS - x - 12 > 40 ? 40 : COLS - x - 12);
	draw_note(f);
	text_put(stdscr, EF_ROW_HEAD, 1, _("Indikator"), V_X_VALUE - 2, ui_attr(R_HEADER));
	text_put(stdscr, EF_ROW_HEAD, V_X_VALUE, _("Nilai"), V_X_MEANING - V_X_VALUE - 1,
		 ui_attr(R_HEADER));
	text_put(stdscr, EF_ROW_HEAD, V_X_MEANING, _("Arti nilai; di bawahnya usulan dari catatan"),
		 COLS - V_X_MEANING - 1, ui_attr(R_HEADER));
	for (int i = 0; i < EVAL_INDICATORS; i++)
		draw_indicator(f, i);
	fu_own_note(&f->o, EF_CATATAN, EF_ROW_CATATAN);
	draw_score(f);
	fu_own_cursor(&f->o, EF_ROW_V + 2 * (f->o.cur - EF_V1), V_X_VALUE + 1);
}
