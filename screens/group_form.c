/* group_form.c - add or change a KUBE group: every field of sk_group on two pages, the village
 * chosen with the region picker, findings shown as the clerk leaves each field. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "evaluation.h"
#include "form_util.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "region.h"
#include "screens.h"
#include "uform.h"
#include "validate.h"

#define UF_LCOL 2
#define UF_FCOL 24

static const char *const PAGES[] = { N_("Data kelompok"), N_("Pendamping dan keuangan") };

static const struct uf_def FIELDS[] = {
	UF_TEXT_COL("nama", N_("Nama kelompok"), 0, 1, 50, SK_NAME_MAX),
	UF_TEXT_COL("kode", N_("Kode kelompok"), 0, 3, 12, 32),
	UF_PICK_COL("kode_wilayah", N_("Desa/kelurahan"), 0, 5, 13, 13),
	UF_TEXT_COL("alamat", N_("Alamat"), 0, 7, 50, SK_NAME_MAX),
	UF_VALUES_COL("jenis_usaha", N_("Jenis usaha"), 0, 9, 14, JENIS_USAHA_VALUES),
	UF_TEXT_COL("bidang_usaha", N_("Bidang usaha"), 0, 11, 40, SK_NAME_MAX),
	UF_TEXT_COL("tanggal_berdiri", N_("Tanggal berdiri"), 0, 13, 11, 11),
	UF_VALUES_COL("tingkat", N_("Tingkat"), 0, 15, 14, TINGKAT_VALUES),
	UF_TEXT_COL("pendamping", N_("Pendamping"), 1, 1, 40, SK_NAME_MAX),
	UF_TEXT_COL("telepon_pendamping", N_("Telepon pendamping"), 1, 3, 16, 32),
	UF_TEXT_COL("iuran_kas", N_("Iuran kas (Rp)"), 1, 5, 15, 20),
	UF_TEXT_COL("iuran_iks", N_("Iuran IKS (Rp)"), 1, 7, 15, 20),
	UF_TEXT_COL("bantuan_uep", N_("Bantuan UEP (Rp)"), 1, 9, 15, 20),
	UF_TEXT_COL("tahun_bantuan", N_("Tahun bantuan"), 1, 11, 4, 6),
	UF_TEXT_COL("catatan", N_("Catatan"), 1, 13, 54, 250),
};

/* The fields that hold a text of the group as it is typed. */
static const struct fu_text TEXTS[] = {
	FU_TEXT(sk_group, nama), FU_TEXT(sk_group, kode), FU_TEXT(sk_group, kode_wilayah),
	FU_TEXT(sk_group, alamat), FU_TEXT(sk_group, jenis_usaha), FU_TEXT(sk_group, bidang_usaha),
	FU_TEXT(sk_group, tanggal_berdiri), FU_TEXT(sk_group, tingkat),
	FU_TEXT(sk_group, pendamping), FU_TEXT(sk_group, telepon_pendamping),
	FU_TEXT(sk_group, catatan),
};

static const struct fu_store GF_HOW;

struct group_form {
	struct fu_form fu;      /* the form and its draft key (first) */
	sk_group g;        /* the stored group (id and stamps), or the defaults of a new one */
	/* The form's values as last read: the form helpers reach it by its offset. */
	/* cppcheck-suppress unusedStructMember */
	sk_group rec;
	int is_new;
};

/* Remarks under fields: the chosen village's kecamatan and kabupaten, amounts in rupiah. */
static void gf_notes(struct screen *s)
{
	struct group_form *f = s->data;
	char kode[16], buf[64];
	uform_get(&f->fu.uf, "kode_wilayah", kode, sizeof kode);
	sk_region r;
	if (*kode && region_get(s->db, kode, &r, NULL) == SK_OK) {
		char note[600];
		snprintf(note, sizeof note, "%s, %s %s, %s, %s", r.nama, _("Kec."), r.kecamatan,
			 r.kabupaten, r.provinsi);
		uform_note(&f->fu.uf, "kode_wilayah", note);
	} else {
		uform_note(&f->fu.uf, "kode_wilayah", _("Tekan Enter lalu ketik nama desa/kelurahan."));
	}
	static const char *const money[] = { "iuran_kas", "iuran_iks", "bantuan_uep" };
	for (size_t i = 0; i < sizeof money / sizeof money[0]; i++) {
		uform_get(&f->fu.uf, money[i], buf, sizeof buf);
		fu_money_note(&f->fu.uf, money[i], buf, 0);
	}
	uform_note(&f->fu.uf, "tanggal_berdiri", _("Tulis TTTT-BB-HH, misalnya 2024-03-15."));
}

/* The form's values as a group; conversion problems go to is. */
static void gf_collect(struct screen *s, void *rec, sk_issues *is)
{
	struct group_form *f = s->data;
	sk_group *g = rec;
	char buf[1024];
	*g = f->g;
	sk_issues_clear(is);
	fu_get_texts(&f->fu.uf, g, TEXTS, FU_COUNT(TEXTS));
	uform_get(&f->fu.uf, "iuran_kas", buf, sizeof buf);
	fu_money(buf, "iuran_kas", &g->iuran_kas, is);
	uform_get(&f->fu.uf, "iuran_iks", buf, sizeof buf);
	fu_money(buf, "iuran_iks", &g->iuran_iks, is);
	uform_get(&f->fu.uf, "bantuan_uep", buf, sizeof buf);
	fu_money(buf, "bantuan_uep", &g->bantuan_uep, is);
	uform_get(&f->fu.uf, "tahun_bantuan", buf, sizeof buf);
	g->tahun_bantuan = 0;
	if (*buf)
		g->tahun_bantuan = sk_all_digits(buf, 4) ? atoi(buf) : -1;
}

/* A group that has a development assessment takes its level from the latest one
 * (docs/evaluasi.md): another level typed here is refused, saying where it comes from. */
static void gf_level_rule(struct screen *s, const sk_group *g, sk_issues *is)
{
	struct group_form *f = s->data;
	sk_evaluation ev;
	if (f->is_new || evaluation_latest(s->db, g->id, &ev, NULL) != SK_OK ||
	    strcmp(ev.tingkat, g->tingkat) == 0)
		return;
	sk_issues_add(is, "tingkat", SK_SEV_ERROR, _("Tingkat mengikuti penilaian perkembangan "
		      "terakhir (%s: %s). Ubah lewat penilaian baru: F9 di daftar kelompok."),
		      ev.tanggal, evaluation_level_label(ev.tingkat));
}

/* The group's rules: the core's, and the level that follows the development assessment. */
static void gf_rules(struct screen *s, const void *g, sk_issues *is)
{
	group_validate(s->db, g, is);
	gf_level_rule(s, g, is);
}

static void gf_fill(struct group_form *f)
{
	const sk_group *g = &f->g;
	char buf[32];
	fu_set_texts(&f->fu.uf, g, TEXTS, FU_COUNT(TEXTS));
	const int64_t money[] = { g->iuran_kas, g->iuran_iks, g->bantuan_uep };
	const char *const names[] = { "iuran_kas", "iuran_iks", "bantuan_uep" };
	for (int i = 0; i < 3; i++) {
		snprintf(buf, sizeof buf, "%lld", (long long)money[i]);
		uform_set(&f->fu.uf, names[i], money[i] ? buf : "");
	}
	snprintf(buf, sizeof buf, "%d", g->tahun_bantuan);
	uform_set(&f->fu.uf, "tahun_bantuan", g->tahun_bantuan ? buf : "");
}

static int gf_init(struct screen *s, void *arg)
{
	const char *id = arg;
	struct group_form *f = fu_form_open(s, sizeof *f, FIELDS, FU_COUNT(FIELDS), 2, PAGES);
	if (!f)
		return -1;
	f->fu.how = &GF_HOW;
	f->is_new = id == NULL;
	group_init(&f->g);
	snprintf(f->fu.key, sizeof f->fu.key, "%s", id ? id : "baru");
	/* A new group is founded today unless the clerk says otherwise (a group founded within
	 * the last 4 weeks is not yet inactive for want of meetings). */
	if (!id)
		sk_today(f->g.tanggal_berdiri);
	if (id) {
		sk_err e;
		sk_err_clear(&e);
		if (group_get(s->db, id, &f->g, &e) != SK_OK)
			return fu_fail(&e);
	}
	gf_fill(f);
	uform_snapshot(&f->fu.uf);
	int drafted = fu_draft_offer(s, &f->fu.uf, f->fu.key, NULL);
	fu_form_check(s);
	if (!f->is_new || drafted)
		uform_touch_all(&f->fu.uf);
	if (f->is_new)
		snprintf(s->title, sizeof s->title, "%s", _("Kelompok baru"));
	else
		snprintf(s->title, sizeof s->title, _("Ubah kelompok %s"), f->g.nama);
	return 0;
}

/* The picker chose a village. */
static void gf_picked(void *ctx, const sk_region *r)
{
	struct screen *s = ctx;
	struct group_form *f = s->data;
	uform_set(&f->fu.uf, "kode_wilayah", r->kode);
	uform_touch(&f->fu.uf, uform_index(&f->fu.uf, "kode_wilayah"));
	fu_form_check(s);
}

static void gf_pick(struct screen *s)
{
	struct group_form *f = s->data;
	char initial[16] = "";
	if (f->fu.uf.pick_char) {
		mbstate_t ps;
		memset(&ps, 0, sizeof ps);
		size_t n = wcrtomb(initial, (wchar_t)f->fu.uf.pick_char, &ps);
		initial[n == (size_t)-1 ? 0 : n] = '\0';
	}
	struct region_pick_arg a = { initial, gf_picked, s };
	ui_push(&REGION_PICK_OPS, &a);
}

FU_STORE_FN(gf_store, group_form, sk_group, group_insert, group_update)

static void gf_what(const void *g, char *out, size_t n)
{
	snprintf(out, n, _("Kelompok %s"), ((const sk_group *)g)->nama);
}

/* Saved: the list puts its cursor on the saved group. */
static void gf_saved(struct screen *s, const void *g)
{
	(void)s;
	ui_result_set(((const sk_group *)g)->id);
}

static const struct fu_store GF_HOW = {
	.collect = gf_collect, .rules = gf_rules, .notes = gf_notes, .store = gf_store,
	.what = gf_what,
	.rec_at = offsetof(struct group_form, rec), .pick = gf_pick, .saved = gf_saved,
};

const struct screen_ops GROUP_FORM_OPS = FU_SCREEN("group-form", gf_init, fu_key, HELP_GROUP_FORM,
		HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")), HINT(ACT_PGDN, NC_("hint", "Halaman")),
		HINTS_BACK_QUIT);
