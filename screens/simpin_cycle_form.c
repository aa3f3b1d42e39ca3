/* simpin_cycle_form.c - a savings-and-loans cycle's rules: open a new cycle (one running per
 * group) or change the running one's rules. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fixmath.h"
#include "form_util.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "screens.h"
#include "simpin_book.h"
#include "uform.h"
#include "validate.h"

#define UF_LCOL 2
#define UF_FCOL 30

static const char *const PAGES[] = { N_("Aturan siklus simpan pinjam") };
static const char *const JASA_VALUES[] = { "flat", "menurun", NULL };
static const char *const JASA_LABELS[] = { N_("flat (dari pokok)"), N_("menurun (dari sisa)"), NULL };
static const char *const BAGI_VALUES[] = { "simpanan", "sama_rata", "jasa", NULL };
static const char *const BAGI_LABELS[] = { N_("menurut simpanan"), N_("sama rata"),
					   N_("menurut jasa dibayar"), NULL };

static const struct uf_def FIELDS[] = {
	UF_TEXT_COL("mulai", N_("Tanggal mulai"), 0, 1, 11, 11),
	UF_TEXT_COL("simpanan_pokok", N_("Simpanan pokok (Rp)"), 0, 3, 14, 20),
	UF_TEXT_COL("simpanan_wajib", N_("Simpanan wajib (Rp)"), 0, 5, 14, 20),
	/* xgettext:no-c-format */
	UF_TEXT_COL("jasa_persen_bulan", N_("Jasa pinjaman (% sebulan)"), 0, 7, 6, 8),
	UF_CHOICE_AT("metode_jasa", N_("Cara hitung jasa"),
		0, 7, 40, 57, 20, JASA_VALUES, JASA_LABELS),
	UF_TEXT_COL("batas_pinjaman_kali", N_("Batas pinjaman (x simpanan)"), 0, 9, 8, 10),
	UF_TEXT_COL("denda_alpa", N_("Denda alpa (Rp)"), 0, 11, 14, 20),
	UF_TEXT_COL("denda_terlambat", N_("Denda terlambat (Rp)"), 0, 13, 14, 20),
	UF_CHOICE_COL("metode_bagi", N_("Cara bagi hasil"), 0, 15, 22, BAGI_VALUES, BAGI_LABELS),
	UF_TEXT_COL("catatan", N_("Catatan"), 0, 17, 46, 250),
};

/* The fields that hold a text of the cycle as it is typed (the start date: only a new one's). */
static const struct fu_text TEXTS[] = {
	FU_TEXT(sk_cycle, metode_jasa), FU_TEXT(sk_cycle, metode_bagi), FU_TEXT(sk_cycle, catatan),
};

static const struct fu_store CF_HOW;

struct cycle_form {
	struct fu_form fu;      /* the form and its draft key (first) */
	sk_cycle c;
	/* The form's values as last read: the form helpers reach it by its offset. */
	/* cppcheck-suppress unusedStructMember */
	sk_cycle rec;
	int is_new;
	char group_nama[SK_NAME_BYTES];
};

static void put_money(struct uform *uf, const char *name, int64_t v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	uform_set(uf, name, v ? buf : "");
}

static void cf_fill(struct cycle_form *f)
{
	const sk_cycle *c = &f->c;
	char buf[32];
	uform_set(&f->fu.uf, "mulai", c->mulai);
	put_money(&f->fu.uf, "simpanan_pokok", c->simpanan_pokok);
	put_money(&f->fu.uf, "simpanan_wajib", c->simpanan_wajib);
	uform_set(&f->fu.uf, "jasa_persen_bulan", fx_format2(c->jasa_persen_bulan, ',', buf, sizeof buf));
	uform_set(&f->fu.uf, "batas_pinjaman_kali",
		  c->has_batas ? fx_format2(c->batas_pinjaman_kali, ',', buf, sizeof buf) : "");
	put_money(&f->fu.uf, "denda_alpa", c->denda_alpa);
	put_money(&f->fu.uf, "denda_terlambat", c->denda_terlambat);
	fu_set_texts(&f->fu.uf, c, TEXTS, FU_COUNT(TEXTS));
}

/* A number that did not read (rc of fixmath's parsers): its finding on field, syntax when
 * it is not a number, range when it is out of range. */
static void cf_parse_finding(sk_issues *is, const char *field, int rc, const char *syntax,
			     const char *range)
{
	if (rc == FX_SYNTAX)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", syntax);
	else if (rc == FX_RANGE)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", range);
}

/* The form's values as a cycle; conversion problems go to is. */
static void cf_collect(struct cycle_form *f, sk_cycle *c, sk_issues *is)
{
	char buf[64];
	*c = f->c;
	sk_issues_clear(is);
	if (f->is_new)
		uform_get(&f->fu.uf, "mulai", c->mulai, sizeof c->mulai);
	static const char *const money[] = { "simpanan_pokok", "simpanan_wajib", "denda_alpa",
					     "denda_terlambat" };
	int64_t *dst[] = { &c->simpanan_pokok, &c->simpanan_wajib, &c->denda_alpa,
			   &c->denda_terlambat };
	for (int i = 0; i < 4; i++) {
		uform_get(&f->fu.uf, money[i], buf, sizeof buf);
		fu_money(buf, money[i], dst[i], is);
	}
	uform_get(&f->fu.uf, "jasa_persen_bulan", buf, sizeof buf);
	int rc = loan_rate_parse_typed(*buf ? buf : "0", &c->jasa_persen_bulan);
	cf_parse_finding(is, "jasa_persen_bulan", rc,
			 _("Jasa ditulis angka dengan paling banyak dua desimal, misalnya 1,5."),
			 /* xgettext:no-c-format */
			 _("Jasa paling tinggi 10% sebulan."));
	uform_get(&f->fu.uf, "batas_pinjaman_kali", buf, sizeof buf);
	int kali = -1;
	rc = loan_limit_parse_typed(buf, &kali);
	cf_parse_finding(is, "batas_pinjaman_kali", rc,
			 _("Batas ditulis angka, misalnya 3 atau 1,5; kosong berarti tanpa batas."),
			 _("Batas pinjaman paling banyak 1000 kali simpanan."));
	c->has_batas = rc == FX_OK && kali >= 0;
	c->batas_pinjaman_kali = c->has_batas ? kali : 0;
	fu_get_texts(&f->fu.uf, c, TEXTS, FU_COUNT(TEXTS));
}

static void cf_validate(struct screen *s, void *rec, sk_issues *is)
{
	struct cycle_form *f = s->data;
	sk_cycle *c = rec;
	sk_issues conv;
	cf_collect(f, c, &conv);
	sk_issues_clear(is);
	cycle_validate_fields(c, is);
	fu_merge(is, &conv);
	if (c->has_batas && c->batas_pinjaman_kali == 0)
		sk_issues_add(is, "batas_pinjaman_kali", SK_SEV_WARNING, "%s",
			      _("Batas 0 kali simpanan: tidak ada pinjaman yang dapat diberikan."));
	uform_set_issues(&f->fu.uf, is);
	uform_note(&f->fu.uf, "mulai", f->is_new ? _("TTTT-BB-HH") : _("tidak dapat diubah"));
	uform_note(&f->fu.uf, "batas_pinjaman_kali", _("kosong: tanpa batas"));
	uform_note(&f->fu.uf, "jasa_persen_bulan", _("0 sampai 10, misalnya 1,5"));
}

static int cf_init(struct screen *s, void *arg)
{
	const struct simpin_cycle_arg *a = arg;
	struct cycle_form *f = fu_form_open(s, sizeof *f, FIELDS, FU_COUNT(FIELDS), 1, PAGES);
	if (!f)
		return -1;
	f->fu.how = &CF_HOW;
	f->is_new = a->cycle_id == NULL;
	sk_err e;
	sk_err_clear(&e);
	sk_group g;
	if (group_get(s->db, a->group_id, &g, &e) != SK_OK)
		return fu_fail(&e);
	snprintf(f->group_nama, sizeof f->group_nama, "%s", g.nama);
	if (!f->is_new) {
		if (cycle_get(s->db, a->cycle_id, &f->c, &e) != SK_OK)
			return fu_fail(&e);
	} else {
		/* The next cycle takes the last one's rules and starts the day after it ended. */
		cycle_init(&f->c, a->group_id);
		sk_cycle last;
		if (simpin_cycle_last(s->db, a->group_id, &last, NULL) == SK_OK) {
			f->c = last;
			f->c.id[0] = '\0';
			f->c.selesai[0] = '\0';
			sk_today(f->c.mulai);
		}
	}
	cf_fill(f);
	uform_snapshot(&f->fu.uf);
	/* A running cycle's start stays: the cursor starts on the first rule. */
	if (!f->is_new)
		uform_focus(&f->fu.uf, 1);
	/* A new cycle's draft is kept under the group (one running cycle per group). */
	snprintf(f->fu.key, sizeof f->fu.key, "%s%s", f->is_new ? "baru:" : "",
		 f->is_new ? a->group_id : a->cycle_id);
	int drafted = fu_draft_offer(s, &f->fu.uf, f->fu.key, NULL);
	sk_cycle c;
	sk_issues is;
	cf_validate(s, &c, &is);
	if (drafted)
		uform_touch_all(&f->fu.uf);
	if (f->is_new)
		snprintf(s->title, sizeof s->title, _("Siklus simpan pinjam baru - kelompok %s"),
			 f->group_nama);
	else
		snprintf(s->title, sizeof s->title, _("Aturan siklus %d - kelompok %s"), f->c.nomor,
			 f->group_nama);
	return 0;
}

FU_STORE_FN(cf_store, cycle_form, sk_cycle, simpin_cycle_start, simpin_cycle_update)

static void cf_what(const void *c, char *out, size_t n)
{
	snprintf(out, n, _("Siklus %d"), ((const sk_cycle *)c)->nomor);
}

/* After every key: a running cycle keeps its start date (then a field left shows its
 * findings). */
static void cf_after(struct screen *s, enum uf_result r, int left)
{
	(void)r;
	(void)left;
	struct cycle_form *f = s->data;
	char mulai[16];
	uform_get(&f->fu.uf, "mulai", mulai, sizeof mulai);
	if (!f->is_new && strcmp(mulai, f->c.mulai) != 0) {
		uform_set(&f->fu.uf, "mulai", f->c.mulai);
		frame_msg(MSG_WARN, "%s", _("Tanggal mulai siklus yang berjalan tidak dapat diubah."));
	}
}

static const struct fu_store CF_HOW = {
	.check = cf_validate, .store = cf_store, .what = cf_what,
	.rec_at = offsetof(struct cycle_form, rec), .after = cf_after,
};

static int cf_unsaved(struct screen *s)
{
	struct cycle_form *f = s->data;
	return f->is_new || uform_dirty(&f->fu.uf);
}

/* The window closed with the form open: what was typed is kept (nothing when nothing was). */
static void cf_draft(struct screen *s)
{
	struct cycle_form *f = s->data;
	if (uform_dirty(&f->fu.uf))
		fu_draft_save(s, &f->fu.uf, f->fu.key, NULL);
}

const struct screen_ops SIMPIN_CYCLE_FORM_OPS = {
	.name = "simpin-cycle",
	.init = cf_init,
	.key = fu_key,
	.help_text = HELP_SIMPIN_CYCLE_FORM,
	.hints = HINTS(
		HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")), HINT(ACT_TOGGLE, NC_("hint", "Ganti")),
		HINTS_BACK_QUIT),
	.unsaved = cf_unsaved,
	.draft = cf_draft,
	FU_OPS,
};
