/* assessment_form_draw.c - the assessment form on one 80x24 screen: visit data and figures,
 * the 14 criteria with their answers, the live score and verdict. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "assessment_form.h"
#include "colors.h"
#include "i18n.h"
#include "keys.h"
#include "text.h"

#define K_X_NUM 1
#define K_X_LABEL 5
#define K_LABEL_W 50
#define K_X_ANSWER 56
#define K_ANSWER_W 7
#define K_X_REMARK 65

static void draw_figures(struct aform *f)
{
	int x = fu_own_item(&f->o, AF_TANGGAL, AF_ROW_DATE, 1, _("Tanggal"), 11);
	fu_own_item(&f->o, AF_PENILAI, AF_ROW_DATE, x, _("Penilai"),
		    COLS - x - 12 > 40 ? 40 : COLS - x - 12);
	x = fu_own_item(&f->o, AF_LUAS, AF_ROW_LUAS, 1, _("Luas lantai"), 8);
	text_put(stdscr, AF_ROW_LUAS, x - 3, "m²", 2, A_NORMAL);
	x = fu_own_item(&f->o, AF_JIWA, AF_ROW_LUAS, x + 1, _("Jumlah jiwa"), 4);
	if (f->a.has_luas && f->a.has_jiwa && f->a.jumlah_jiwa > 0) {
		char per[64], num[32];
		/* Cut (not rounded) to two decimals: 7,999 shows as 7,99 next to its Ya. */
		double per_jiwa = f->a.luas_lantai_m2 / f->a.jumlah_jiwa;
		snprintf(num, sizeof num, "%.2f", (double)(long long)(per_jiwa * 100) / 100);
		char *dot = strchr(num, '.');
		if (dot)
			*dot = ',';
		snprintf(per, sizeof per, _("= %s m² per orang"), num);
		text_put(stdscr, AF_ROW_LUAS, x, per, COLS - x - 1, ui_attr(R_DIM));
	}
	x = fu_own_item(&f->o, AF_PENGHASILAN, AF_ROW_MONEY, 1, _("Penghasilan KRT Rp"), 12);
	fu_own_item(&f->o, AF_TABUNGAN, AF_ROW_MONEY, x, _("Tabungan/barang Rp"), 12);
}

/* What the note row says about the current field. */
static const char *field_hint(const struct aform *f)
{
	if (AF_IS_K(f->o.cur))
		return af_auto(f, f->o.cur)
			? _("Terisi dari angka di atas. Jawaban lain (y/n/Spasi) dicatat sebagai ditimpa.")
			: _("y = Ya, n = Tidak, lalu ke kriteria berikutnya. Spasi mengganti jawaban.");
	switch (f->o.cur) {
	case AF_TANGGAL: return _("Tanggal kunjungan, tulis TTTT-BB-HH. Ketik untuk mengganti.");
	case AF_PENILAI: return _("Nama petugas yang menilai.");
	case AF_LUAS: return _("Luas lantai rumah dalam m², misalnya 36 atau 21,5. Kosong bila tidak diukur.");
	case AF_JIWA: return _("Jumlah orang yang tinggal di rumah itu.");
	case AF_PENGHASILAN: return _("Penghasilan kepala rumah tangga sebulan, misalnya 450000.");
	case AF_TABUNGAN: return _("Nilai tabungan atau barang yang mudah dijual (motor, emas, ternak).");
	default: return _("Catatan kunjungan, boleh kosong. F2 menyimpan.");
	}
}

static void draw_note(const struct aform *f)
{
	char line[600];
	enum ui_role role = R_DIM;
	const sk_issue *it = sk_issues_for(&f->o.found, af_name(f->o.cur));
	if (!it)
		it = sk_issues_for(&f->conv, af_name(f->o.cur));
	if (it) {
		snprintf(line, sizeof line, _("Salah: %s"), it->msg);
		role = R_ERROR;
	} else if (f->has_offer) {
		char key[16];
		snprintf(line, sizeof line, _("Satu KK dengan %s, dinilai %s. %s: salin penilaian itu."),
			 f->offer_who, f->offer.tanggal, keys_name(ACT_OPTION, key, sizeof key));
		role = R_WARN;
	} else {
		snprintf(line, sizeof line, "%s", field_hint(f));
	}
	text_put(stdscr, AF_ROW_NOTE, 1, line, COLS - 2, ui_attr(role));
}

static void draw_criterion(const struct aform *f, int i)
{
	int y = AF_ROW_K + i, field = AF_K01 + i;
	char num[8];
	snprintf(num, sizeof num, "%2d.", (i + 1) % 100);
	text_put(stdscr, y, K_X_NUM, num, 3, ui_attr(R_DIM));
	text_put(stdscr, y, K_X_LABEL, assessment_criterion_label(i), K_LABEL_W, A_NORMAL);
	char answer[32];
	int answered = af_answered(f, i);
	snprintf(answer, sizeof answer, " %s", !answered ? "?" : f->a.k[i] ? _("Ya") : _("Tidak"));
	text_put(stdscr, y, K_X_ANSWER, answer, K_ANSWER_W,
		 ui_attr(f->o.cur == field ? R_FIELD_CUR : R_FIELD) | (f->a.k[i] ? A_BOLD : 0));
	if (assessment_overridden(&f->a, i))
		text_put(stdscr, y, K_X_REMARK, _("ditimpa"), COLS - K_X_REMARK - 1, ui_attr(R_WARN));
	else if (assessment_derived(&f->a, i) >= 0)
		text_put(stdscr, y, K_X_REMARK, _("dari angka"), COLS - K_X_REMARK - 1, ui_attr(R_DIM));
	else if (!answered)
		text_put(stdscr, y, K_X_REMARK, _("belum dijawab"), COLS - K_X_REMARK - 1,
			 ui_attr(R_DIM));
}

static void draw_score(const struct aform *f)
{
	char line[256];
	int miskin = f->a.skor >= f->threshold, open = af_unanswered(f);
	if (open)
		snprintf(line, sizeof line, _("Skor %d dari 14 sejauh ini; %d kriteria belum dijawab."),
			 f->a.skor, open);
	else
		snprintf(line, sizeof line, _("Skor %d dari 14: %s (miskin bila skor %d atau lebih)"),
			 f->a.skor, miskin ? _("MISKIN") : _("TIDAK MISKIN"), f->threshold);
	text_put(stdscr, AF_ROW_SCORE, 1, line, COLS - 2, ui_attr(R_HEADER));
}

void af_draw(struct screen *s)
{
	struct aform *f = s->data;
	s->cursor = 1;
	draw_figures(f);
	draw_note(f);
	text_put(stdscr, AF_ROW_HEAD, 1, _("No. Kriteria kemiskinan BPS"), K_X_ANSWER - 2,
		 ui_attr(R_HEADER));
	text_put(stdscr, AF_ROW_HEAD, K_X_ANSWER, _("Jawaban"), COLS - K_X_ANSWER - 1,
		 ui_attr(R_HEADER));
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++)
		draw_criterion(f, i);
	fu_own_note(&f->o, AF_CATATAN, AF_ROW_CATATAN);
	draw_score(f);
	fu_own_cursor(&f->o, AF_ROW_K + f->o.cur - AF_K01, K_X_ANSWER + 1);
}
