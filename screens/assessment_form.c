/* assessment_form.c - enter or change one household visit against the 14 BPS criteria: the
 * figures first, then y/n per criterion (the cursor moves on by itself and skips answers that
 * follow from the figures), the score and verdict live, F2 saves. Drawing is in
 * assessment_form_draw.c. */
#include <curses.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment_form.h"
#include "dialog.h"
#include "form_util.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "screens.h"

static const char *const NAMES[AF_COUNT] = {
	"tanggal", "penilai", "luas_lantai_m2", "jumlah_jiwa", "penghasilan_bulanan",
	"nilai_tabungan", "k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10",
	"k11", "k12", "k13", "k14", "catatan"
};

const char *af_name(int i)
{
	return i >= 0 && i < AF_COUNT ? NAMES[i] : "";
}

static const struct fu_own_def AF_DEF;

int af_answered(const struct aform *f, int k)
{
	return f->answered[k] || assessment_derived(&f->a, k) >= 0;
}

int af_unanswered(const struct aform *f)
{
	int n = 0;
	for (int k = 0; k < ASSESSMENT_CRITERIA; k++)
		n += !af_answered(f, k);
	return n;
}

int af_auto(const struct aform *f, int i)
{
	int k = i - AF_K01;
	return AF_IS_K(i) && assessment_derived(&f->a, k) >= 0 && !assessment_overridden(&f->a, k);
}

/* ---- figures --------------------------------------------------------------------------- */

/* A floor area with '.' or ',' into *v (assessment_parse_luas); "" is no value. Problems go
 * to is. */
static void read_area(const char *s, double *v, int *has, sk_issues *is)
{
	char msg[240], buf[64];
	sk_strlcpy(buf, s, sizeof buf);
	sk_trim(buf);
	*has = *buf != '\0';
	*v = 0;
	if (*has && assessment_parse_luas(buf, 1, v, msg, sizeof msg) != 0) {
		*has = 0;
		*v = 0;
		sk_issues_add(is, "luas_lantai_m2", SK_SEV_ERROR, "%s", msg);
	}
}

static void read_people(const char *s, int *v, int *has, sk_issues *is)
{
	char *end;
	*has = *s != '\0';
	*v = 0;
	if (!*has)
		return;
	long n = strtol(s, &end, 10);
	if (*end || n < 1 || n > 99) {
		*has = 0;
		sk_issues_add(is, "jumlah_jiwa", SK_SEV_ERROR, "%s",
			      _("Jumlah jiwa ditulis angka 1 sampai 99, atau kosong."));
		return;
	}
	*v = (int)n;
}

static void read_money(const char *s, const char *field, int64_t *v, int *has, sk_issues *is)
{
	*has = *s != '\0';
	*v = 0;
	if (*has && sk_parse_rupiah(s, v) != 0) {
		*has = 0;
		*v = 0;
		sk_issues_add(is, field, SK_SEV_ERROR, "%s",
			      _("Tulis jumlah rupiah dengan angka saja, misalnya 450000 atau 450.000."));
	}
}

void af_sync(struct aform *f)
{
	sk_assessment *a = &f->a;
	sk_issues_clear(&f->conv);
	sk_strlcpy(a->tanggal, f->tf[AF_TANGGAL].buf, sizeof a->tanggal);
	sk_strlcpy(a->penilai, f->tf[AF_PENILAI].buf, sizeof a->penilai);
	sk_strlcpy(a->catatan, f->tf[AF_CATATAN].buf, sizeof a->catatan);
	sk_trim(a->penilai);
	read_area(f->tf[AF_LUAS].buf, &a->luas_lantai_m2, &a->has_luas, &f->conv);
	read_people(f->tf[AF_JIWA].buf, &a->jumlah_jiwa, &a->has_jiwa, &f->conv);
	read_money(f->tf[AF_PENGHASILAN].buf, "penghasilan_bulanan", &a->penghasilan_bulanan,
		   &a->has_penghasilan, &f->conv);
	read_money(f->tf[AF_TABUNGAN].buf, "nilai_tabungan", &a->nilai_tabungan, &a->has_tabungan,
		   &f->conv);
	/* While a figure cannot be read, leave the answers as they are (an override would be
	 * dropped with the figure). */
	if (!f->conv.n)
		assessment_derive(a);
	assessment_score(a, f->threshold);
}

/* ---- loading ---------------------------------------------------------------------------- */

static void format_area(double v, char *out, size_t n)
{
	snprintf(out, n, "%.2f", v);
	char *end = out + strlen(out) - 1;
	while (end > out && *end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
	char *dot = strchr(out, '.');
	if (dot)
		*dot = ',';
}

/* Put the stored values of f->a into the text fields. */
static void fill(struct aform *f)
{
	const sk_assessment *a = &f->a;
	char buf[64];
	tfield_set(&f->tf[AF_TANGGAL], a->tanggal, 10);
	tfield_set(&f->tf[AF_PENILAI], a->penilai, SK_NAME_MAX);
	format_area(a->luas_lantai_m2, buf, sizeof buf);
	tfield_set(&f->tf[AF_LUAS], a->has_luas ? buf : "", 10);
	snprintf(buf, sizeof buf, "%d", a->jumlah_jiwa);
	tfield_set(&f->tf[AF_JIWA], a->has_jiwa ? buf : "", 3);
	snprintf(buf, sizeof buf, "%lld", (long long)a->penghasilan_bulanan);
	tfield_set(&f->tf[AF_PENGHASILAN], a->has_penghasilan ? buf : "", 15);
	snprintf(buf, sizeof buf, "%lld", (long long)a->nilai_tabungan);
	tfield_set(&f->tf[AF_TABUNGAN], a->has_tabungan ? buf : "", 15);
	tfield_set(&f->tf[AF_CATATAN], a->catatan, 250);
	f->tf[AF_TANGGAL].fresh = 1;
}

/* The household's latest assessment, offered when this member has none yet. */
static void find_offer(struct screen *s, struct aform *f)
{
	if (!f->is_new || assessment_count(s->db, f->m.id) > 0 ||
	    assessment_latest_for_kk(s->db, f->m.no_kk, f->m.id, &f->offer, NULL) != SK_OK)
		return;
	sk_member who;
	if (member_get(s->db, f->offer.anggota_id, &who, NULL) == SK_OK)
		sk_strlcpy(f->offer_who, who.nama, sizeof f->offer_who);
	f->has_offer = 1;
}

static int af_load(struct screen *s, struct aform *f, const struct assessment_form_arg *arg)
{
	sk_err e;
	sk_err_clear(&e);
	sk_group g;
	if (member_get(s->db, arg->member_id, &f->m, &e) != SK_OK ||
	    group_get(s->db, f->m.kelompok_id, &g, &e) != SK_OK ||
	    (arg->assessment_id && assessment_get(s->db, arg->assessment_id, &f->a, &e) != SK_OK))
		return fu_fail(&e);
	sk_strlcpy(f->group_name, g.nama, sizeof f->group_name);
	f->is_new = arg->assessment_id == NULL;
	if (!f->is_new)
		assessment_keep_answers(&f->a); /* an imported row's overrides did not travel */
	if (f->is_new) {
		assessment_init(&f->a, f->m.id);
		assessment_last_assessor(s->db, f->a.penilai, sizeof f->a.penilai);
	} else {
		for (int k = 0; k < ASSESSMENT_CRITERIA; k++)
			f->answered[k] = 1;
	}
	snprintf(f->o.key, sizeof f->o.key, "%s:%s", f->m.id, f->is_new ? "baru" : f->a.id);
	snprintf(s->title, sizeof s->title, f->is_new ? _("Penilaian baru - %s (%s)")
		 : _("Ubah penilaian - %s (%s)"), f->m.nama, f->group_name);
	find_offer(s, f);
	return 0;
}

static int af_init(struct screen *s, void *arg)
{
	struct aform *f = fu_own_new(s, sizeof *f, &AF_DEF);
	if (!f)
		return -1;
	f->threshold = assessment_threshold(s->db);
	if (af_load(s, f, arg) != 0)
		return -1;
	fill(f);
	af_draft_offer(s, f);
	af_sync(f);
	return 0;
}

/* ---- moving ----------------------------------------------------------------------------- */

/* Next (dir 1) or previous (-1) field; skip: pass criteria answered from the figures. */
static void step(struct aform *f, int dir, int skip)
{
	int to = f->o.cur + dir;
	while (skip && to >= 0 && to < AF_COUNT && af_auto(f, to))
		to += dir;
	fu_own_go(&f->o, to);
}

/* ---- keys ------------------------------------------------------------------------------- */

/* A key on a criterion row; 1 when used. */
static int criterion_key(void *data, wint_t ch, int kc)
{
	struct aform *f = data;
	int k = f->o.cur - AF_K01;
	enum action local = keys_local(KS_ASSESS, ch, kc);
	int yes = local == ACT_ANSWER && (ch == 'y' || ch == 'Y' || ch == '1');
	int no = local == ACT_ANSWER && !yes;
	if (!(yes || no || local == ACT_TOGGLE)) {
		enum action a = keys_action(ch, kc);
		int d = assessment_derived(&f->a, k);
		if ((a == ACT_BACKSPACE || a == ACT_DELETE) && d >= 0) {
			assessment_answer(&f->a, k, d);
			f->o.changed = 1;
			return 1;
		}
		return 0;
	}
	/* Space on an unanswered criterion answers Ya (unanswered shows as no answer, not Tidak). */
	int v = local == ACT_TOGGLE ? (af_answered(f, k) ? !f->a.k[k] : 1) : yes;
	assessment_answer(&f->a, k, v);
	f->answered[k] = 1;
	f->o.changed = 1;
	if (local != ACT_TOGGLE)
		step(f, 1, 1);
	return 1;
}

static int move_key(void *data, enum action a)
{
	struct aform *f = data;
	switch (a) {
	case ACT_ENTER:
	case ACT_NEXT: step(f, 1, 1); return 1;
	case ACT_PREV: step(f, -1, 1); return 1;
	case ACT_DOWN: step(f, 1, 0); return 1;
	case ACT_UP: step(f, -1, 0); return 1;
	case ACT_HOME:
	case ACT_PGUP: fu_own_go(&f->o, AF_TANGGAL); return 1;
	case ACT_END:
	case ACT_PGDN: fu_own_go(&f->o, AF_CATATAN); return 1;
	default: return 0;
	}
}

/* F6: copy the household's latest assessment into the form. */
static void copy_offer(struct aform *f)
{
	if (!f->has_offer)
		return;
	sk_assessment c;
	assessment_copy_for(&f->offer, f->m.id, &c);
	f->a = c;
	fill(f);
	for (int k = 0; k < ASSESSMENT_CRITERIA; k++)
		f->answered[k] = 1;
	f->has_offer = 0;
	f->o.changed = 1;
	fu_own_go(&f->o, AF_TANGGAL);
	frame_msg(MSG_INFO, _("Penilaian rumah tangga (%s) disalin. Periksa, lalu F2 untuk menyimpan."),
		  f->offer_who);
}

static int criterion_open(const void *f, int k)
{
	return !af_answered(f, k);
}

static void criterion_number(int k, char *out, size_t n)
{
	snprintf(out, n, "%d", k + 1);
}

/* Insert or update; an override needs a second operator: asked, then saved again. */
static int af_store(struct screen *s, sk_err *e)
{
	struct aform *f = s->data;
	int rc = f->is_new ? assessment_insert(s->db, &f->a, &f->o.found, e)
			   : assessment_update(s->db, &f->a, &f->o.found, e);
	if (rc == SK_DENIED && dlg_four_eyes(s->db)) {
		sk_err_clear(e);
		rc = f->is_new ? assessment_insert(s->db, &f->a, &f->o.found, e)
			       : assessment_update(s->db, &f->a, &f->o.found, e);
	}
	return rc;
}

static void af_save(struct screen *s)
{
	struct aform *f = s->data;
	af_sync(f);
	sk_issues_clear(&f->o.found);
	if (f->conv.n) {
		f->o.found = f->conv;
		fu_own_focus(&f->o);
		return;
	}
	if (!fu_own_store(s, f->a.penilai))
		return;
	frame_msg(MSG_INFO, _("Penilaian %s tersimpan: skor %d, %s."), f->m.nama, f->a.skor,
		  strcmp(f->a.kategori, "miskin") == 0 ? _("miskin") : _("tidak miskin"));
	f->o.changed = 0;
	ui_pop();
}

static int af_key(struct screen *s, wint_t ch, int kc)
{
	struct aform *f = s->data;
	int used = fu_own_key(s, ch, kc);
	if (used < 0)
		return SCR_HANDLED;
	if (!used && keys_action(ch, kc) == ACT_OPTION) {
		copy_offer(f);
		used = 1;
	}
	af_sync(f);
	return used ? SCR_HANDLED : SCR_UNHANDLED;
}

static const struct fu_own_def AF_DEF = {
	.count = AF_COUNT, .tf_at = offsetof(struct aform, tf), .item0 = AF_K01,
	.items = ASSESSMENT_CRITERIA, .name = af_name, .open = criterion_open,
	.label = criterion_number, .store = af_store, .item_key = criterion_key, .move_key = move_key,
	.save = af_save,
	.missing = N_("Belum disimpan: kriteria %s belum dijawab. Jawab y (Ya) atau n "
		      "(Tidak)."),
};

const struct screen_ops ASSESSMENT_FORM_OPS =
	FU_OWN_SCREEN("assessment-form", af_init, af_draw, af_key,
		.help_text = HELP_ASSESSMENT_FORM, af_draft_save,
		HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")), HINT(ACT_ANSWER, NC_("hint", "Jawab")),
		HINT(ACT_TOGGLE, NC_("hint", "Ganti")), HINTS_BACK_QUIT);
