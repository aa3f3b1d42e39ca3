/* evaluation_form.c - a group's development assessment (docs/evaluasi.md, section 4): the
 * eight indicators scored 1-4, the score and level changing as they are typed, and beside
 * each indicator what SIKUBE's records say and the score they propose, which Enter accepts
 * and a typed score overrides (marked *). F2 saves; the group's tingkat follows. Drawing is
 * in evaluation_form_draw.c. */
#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dialog.h"
#include "evaluation_form.h"
#include "form_util.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "screens.h"
#include "validate.h"

static const struct fu_own_def EF_DEF;

const char *ef_name(int i)
{
	if (EF_IS_V(i))
		return EVAL_FIELDS[i - EF_V1];
	return i == EF_TANGGAL ? "tanggal" : i == EF_PENILAI ? "penilai" : i == EF_CATATAN ? "catatan"
										    : "";
}

int ef_unscored(const struct eform *f)
{
	int n = 0;
	for (int i = 0; i < EVAL_INDICATORS; i++)
		n += f->ev.v[i] < 1 || f->ev.v[i] > 4;
	return n;
}

/* F1: how to use the form, the whole rubric, how each proposal is computed (the thresholds
 * of evaluation_calc.h) and the levels (the prose from screens/help.txt). Built once, in the
 * language in use. */
static const char *ef_help(void)
{
	static char text[8192];
	if (*text)
		return text;
	size_t n = 0;
	n += (size_t)snprintf(text + n, sizeof text - n, "%s\n\n", _(HELP_EVALUATION_FORM));
	n += (size_t)snprintf(text + n, sizeof text - n, "%s\n", _("Arti setiap nilai:"));
	for (int i = 0; i < EVAL_INDICATORS && n < sizeof text; i++) {
		n += (size_t)snprintf(text + n, sizeof text - n, "%s %s:\n", EVAL_FIELDS[i],
				      evaluation_indicator_title(i));
		for (int v = 1; v <= 4 && n < sizeof text; v++)
			n += (size_t)snprintf(text + n, sizeof text - n, "  %d = %s\n", v,
					      evaluation_rubric(i, v));
	}
	if (n >= sizeof text)
		return text;
	/* TRANSLATORS: F1 help text; the numbers are the thresholds of the proposals. */
	n += (size_t)snprintf(text + n, sizeof text - n, _(
		"\nUsulan nilai. SIKUBE mengusulkan nilai dari catatannya sendiri sampai tanggal "
		"penilaian; Anda boleh menerima (Enter) atau mengetik nilai lain. Tanpa data, tidak "
		"ada usulan. s3, e2 dan e3 selalu dinilai pendamping.\n"
		"s1: pertemuan %d minggu terakhir: 4 = paling sedikit %d pertemuan dan %d%% hadir; "
		"3 = %d pertemuan dan %d%% hadir; 2 = %d pertemuan (juga bila daftar hadir tidak "
		"dicatat); 1 = kurang. Tidak ada data bila belum ada pertemuan tercatat.\n"
		"s2: IKS %d bulan terakhir: 4 = dipungut dalam %d bulan dan ada santunan; 3 = "
		"dalam %d bulan dan ada santunan; 2 = dipungut saja; 1 = tidak dipungut.\n"
		"s4: siklus simpan pinjam: 4 = berjalan, %d%% anggota aktif menabung dalam %d "
		"minggu terakhir dan ada pinjaman; 3 = berjalan, %d%% menabung; 2 = berjalan; "
		"1 = tidak ada yang berjalan.\n"
		"e1: penjualan (kas umum) %d bulan terakhir dibanding %d bulan sebelumnya: 4 = "
		"%d%% atau lebih; 3 = %d%% (atau baru mulai berjualan); 2 = %d%%; 1 = kurang.\n"
		"e4: saldo kas umum + pinjaman dari modal UEP yang belum kembali, dibanding "
		"bantuan UEP: 4 = %d%% atau lebih dan ada pinjaman UEP dalam %d bulan terakhir; "
		"3 = %d%%; 2 = %d%%; 1 = kurang.\n"
		"Semua angka \"paling sedikit\". Jumlah uang dihitung bersih (pembalikan "
		"mengurangi).\n\n"),
		EVAL_WINDOW_WEEKS, EVAL_S1_MEET_4, EVAL_S1_HADIR_4, EVAL_S1_MEET_3, EVAL_S1_HADIR_3,
		EVAL_S1_MEET_2, EVAL_WINDOW_MONTHS, EVAL_S2_MONTHS_4, EVAL_S2_MONTHS_3,
		EVAL_S4_SAVERS_4, EVAL_WINDOW_WEEKS, EVAL_S4_SAVERS_3, EVAL_WINDOW_MONTHS,
		EVAL_WINDOW_MONTHS, EVAL_E1_GROWTH_4, EVAL_E1_GROWTH_3, EVAL_E1_GROWTH_2,
		EVAL_E4_CAPITAL_3, EVAL_E4_LOAN_MONTHS, EVAL_E4_CAPITAL_3, EVAL_E4_CAPITAL_2);
	if (n < sizeof text)
		snprintf(text + n, sizeof text - n, "%s", _(HELP_EVALUATION_FORM_SCORE));
	return text;
}

/* ---- the records' proposals ----------------------------------------------------------- */

/* Read the proposals for the date typed, when it is a date and not the one already read. */
static void ef_propose(struct screen *s, struct eform *f)
{
	const char *d = f->tf[EF_TANGGAL].buf;
	if (!valid_date(d)) {
		f->evd_date[0] = '\0';
		memset(&f->evd, 0, sizeof f->evd);
		return;
	}
	if (strcmp(d, f->evd_date) == 0)
		return;
	sk_err e;
	sk_err_clear(&e);
	if (evaluation_propose(s->db, f->ev.kelompok_id, d, &f->evd, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		f->evd_date[0] = '\0';
		return;
	}
	sk_strlcpy(f->evd_date, d, sizeof f->evd_date);
}

/* The text fields and proposals into f->ev: score, level, proposals, overrides. */
static void ef_sync(struct screen *s, struct eform *f)
{
	sk_strlcpy(f->ev.tanggal, f->tf[EF_TANGGAL].buf, sizeof f->ev.tanggal);
	sk_strlcpy(f->ev.penilai, f->tf[EF_PENILAI].buf, sizeof f->ev.penilai);
	sk_trim(f->ev.penilai);
	sk_strlcpy(f->ev.catatan, f->tf[EF_CATATAN].buf, sizeof f->ev.catatan);
	ef_propose(s, f);
	evaluation_set_proposals(&f->ev, f->evd.usul);
	evaluation_derive(&f->ev);
	evaluation_mark_overrides(&f->ev);
}

/* ---- opening --------------------------------------------------------------------------- */

/* The group and the assessment (or a new one's defaults), the title and the draft's key. */
static int ef_load(struct screen *s, struct eform *f, const struct evaluation_form_arg *a)
{
	sk_err e;
	sk_err_clear(&e);
	sk_group g;
	if (group_get(s->db, a->group_id, &g, &e) != SK_OK ||
	    (a->evaluation_id && evaluation_get(s->db, a->evaluation_id, &f->ev, &e) != SK_OK))
		return fu_fail(&e);
	sk_strlcpy(f->group_name, g.nama, sizeof f->group_name);
	f->is_new = a->evaluation_id == NULL;
	if (f->is_new) {
		/* The group's pendamping usually assesses it; else whoever assessed last. */
		evaluation_init(&f->ev, g.id);
		sk_strlcpy(f->ev.penilai, g.pendamping, sizeof f->ev.penilai);
		if (!*f->ev.penilai)
			evaluation_last_assessor(s->db, f->ev.penilai, sizeof f->ev.penilai);
	}
	snprintf(s->title, sizeof s->title, f->is_new ? _("Penilaian perkembangan baru - %s")
		 : _("Ubah penilaian perkembangan - %s"), g.nama);
	snprintf(f->o.key, sizeof f->o.key, "%s:%s", g.id, f->is_new ? "baru" : f->ev.id);
	return 0;
}

static int ef_init(struct screen *s, void *arg)
{
	struct eform *f = fu_own_new(s, sizeof *f, &EF_DEF);
	if (!f || ef_load(s, f, arg) != 0)
		return -1;
	tfield_set(&f->tf[EF_TANGGAL], f->ev.tanggal, 10);
	tfield_set(&f->tf[EF_PENILAI], f->ev.penilai, SK_NAME_MAX);
	tfield_set(&f->tf[EF_CATATAN], f->ev.catatan, 250);
	ef_draft_offer(s, f);
	f->tf[EF_TANGGAL].fresh = 1;
	/* A new assessment starts on s1: the date is today's. */
	f->o.cur = f->is_new ? EF_V1 : EF_TANGGAL;
	ef_sync(s, f);
	return 0;
}

/* ---- moving ---------------------------------------------------------------------------- */

static int move_key(void *data, enum action a)
{
	struct eform *f = data;
	switch (a) {
	case ACT_ENTER:
	case ACT_NEXT:
	case ACT_DOWN: fu_own_go(&f->o, f->o.cur + 1); return 1;
	case ACT_PREV:
	case ACT_UP: fu_own_go(&f->o, f->o.cur - 1); return 1;
	case ACT_HOME:
	case ACT_PGUP: fu_own_go(&f->o, EF_TANGGAL); return 1;
	case ACT_END:
	case ACT_PGDN: fu_own_go(&f->o, EF_CATATAN); return 1;
	default: return 0;
	}
}

/* A key on an indicator row: 1-4 score it and move on; Enter takes the proposal of a row
 * not scored yet and moves on; Backspace or Delete clears the score. 1 when used. */
static int indicator_key(void *data, wint_t ch, int kc)
{
	struct eform *f = data;
	int i = f->o.cur - EF_V1;
	if (keys_local(KS_LEVEL, ch, kc) == ACT_SCORE) {
		f->ev.v[i] = (int)(ch - '0');
		f->o.changed = 1;
		fu_own_go(&f->o, f->o.cur + 1);
		return 1;
	}
	enum action a = keys_action(ch, kc);
	if (a == ACT_ENTER && f->ev.v[i] == 0 && f->evd.usul[i] != EVAL_NO_DATA) {
		f->ev.v[i] = f->evd.usul[i];
		f->o.changed = 1;
		fu_own_go(&f->o, f->o.cur + 1);
		return 1;
	}
	if ((a == ACT_BACKSPACE || a == ACT_DELETE) && f->ev.v[i]) {
		f->ev.v[i] = 0;
		f->o.changed = 1;
		return 1;
	}
	if (keys_printable(ch, kc)) {
		frame_msg(MSG_WARN, "%s", _("Nilai indikator 1, 2, 3 atau 4; Enter menerima usulan."));
		return 1;
	}
	return 0;
}

/* ---- saving ---------------------------------------------------------------------------- */

static int indicator_open(const void *f, int i)
{
	const struct eform *e = f;
	return e->ev.v[i] < 1 || e->ev.v[i] > 4;
}

static void indicator_name(int i, char *out, size_t n)
{
	snprintf(out, n, "%s", EVAL_FIELDS[i]);
}

static int ef_store(struct screen *s, sk_err *e)
{
	struct eform *f = s->data;
	return f->is_new ? evaluation_insert(s->db, &f->ev, &f->o.found, e)
			 : evaluation_update(s->db, &f->ev, &f->o.found, e);
}

static void ef_save(struct screen *s)
{
	struct eform *f = s->data;
	ef_sync(s, f);
	sk_issues_clear(&f->o.found);
	if (!fu_own_store(s, f->ev.penilai))
		return;
	frame_msg(MSG_INFO, _("Penilaian perkembangan %s tersimpan: skor %d, %s."), f->group_name,
		  f->ev.skor, evaluation_level_label(f->ev.tingkat));
	f->o.changed = 0;
	ui_pop();
}

static int ef_key(struct screen *s, wint_t ch, int kc)
{
	struct eform *f = s->data;
	int was_date = f->o.cur == EF_TANGGAL;
	int used = fu_own_key(s, ch, kc);
	if (used < 0)
		return SCR_HANDLED;
	/* The proposals follow the date once the cursor leaves it (not at every digit).
	 * fu_own_key moved f->o.cur through s->data (cppcheck does not follow the pointer). */
	/* cppcheck-suppress knownConditionTrueFalse */
	if (!(was_date && f->o.cur == EF_TANGGAL))
		ef_sync(s, f);
	return used ? SCR_HANDLED : SCR_UNHANDLED;
}

static const struct fu_own_def EF_DEF = {
	.count = EF_COUNT, .tf_at = offsetof(struct eform, tf), .item0 = EF_V1,
	.items = EVAL_INDICATORS, .name = ef_name, .open = indicator_open, .label = indicator_name,
	.store = ef_store, .item_key = indicator_key, .move_key = move_key, .save = ef_save,
	.missing = N_("Belum disimpan: %s belum dinilai. Ketik 1 sampai 4, atau Enter untuk "
		      "menerima usulan."),
};

const struct screen_ops EVALUATION_FORM_OPS =
	FU_OWN_SCREEN("evaluation-form", ef_init, ef_draw, ef_key, .help = ef_help, ef_draft_save,
		HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")),
		HINT(ACT_SCORE, NC_("hint", "Beri nilai")), HINT(ACT_ENTER, NC_("hint", "Usulan")),
		HINTS_BACK_QUIT);
