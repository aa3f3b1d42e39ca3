/* member_form.c - add or change a member: every field of sk_member on two pages, findings
 * shown as the clerk leaves each field, the full NIK only here. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_access.h"
#include "eligibility.h"
#include "form_util.h"
#include "frame.h"
#include "group.h"
#include "help_gen.h"
#include "i18n.h"
#include "keys.h"
#include "member.h"
#include "screens.h"
#include "uform.h"
#include "validate.h"

#define UF_LCOL 2
#define UF_FCOL 24

static const char *const PAGES[] = { N_("Data pribadi"), N_("Keanggotaan dan DTSEN") };
static const char *const JK_VALUES[] = { "", "L", "P", NULL };
static const char *const JK_LABELS[] = { N_("(pilih)"), N_("L (laki-laki)"), N_("P (perempuan)"),
					 NULL };

static const struct uf_def FIELDS[] = {
	/* One column more than the 16 digits: the cursor after the last one needs it. */
	UF_TEXT_COL("nik", N_("NIK"), 0, 1, 17, 20),
	UF_TEXT_COL("no_kk", N_("No. KK"), 0, 3, 17, 20),
	UF_TEXT_COL("nama", N_("Nama"), 0, 5, 40, SK_NAME_MAX),
	UF_CHOICE_COL("jenis_kelamin", N_("Jenis kelamin"), 0, 7, 16, JK_VALUES, JK_LABELS),
	UF_TEXT_COL("tempat_lahir", N_("Tempat lahir"), 0, 9, 30, SK_NAME_MAX),
	UF_TEXT_COL("tanggal_lahir", N_("Tanggal lahir"), 0, 11, 11, 11),
	UF_TEXT_COL("alamat", N_("Alamat"), 0, 13, 50, SK_NAME_MAX),
	UF_TEXT_COL("rt", N_("RT"), 0, 15, 3, 5),
	UF_TEXT_AT("rw", N_("RW"), 0, 15, UF_FCOL + 6, UF_FCOL + 11, 3, 5),
	UF_TEXT_COL("telepon", N_("Telepon"), 0, 17, 16, 32),
	/* On the first page: a member's meetings and figures count from this date. */
	UF_TEXT_AT("tanggal_masuk", N_("Tanggal masuk"), 0, 17, 44, 60, 11, 11),
	UF_VALUES_COL("jabatan", N_("Jabatan"), 1, 1, 14, JABATAN_VALUES),
	UF_TEXT_COL("tanggal_keluar", N_("Tanggal keluar"), 1, 3, 11, 11),
	UF_CHOICE_COL("terdaftar_dtsen", N_("Terdaftar DTSEN"), 1, 5, 8, UF_YN_VALUES, UF_YN_LABELS),
	UF_TEXT_COL("desil_dtsen", N_("Desil DTSEN"), 1, 7, 2, 4),
	UF_CHOICE_COL("peserta_pkh", N_("Peserta PKH"), 1, 9, 8, UF_YN_VALUES, UF_YN_LABELS),
	UF_TEXT_COL("catatan", N_("Catatan"), 1, 11, 54, 250),
};

/* The fields that hold a text of the member as it is typed. */
static const struct fu_text TEXTS[] = {
	FU_TEXT(sk_member, nik), FU_TEXT(sk_member, no_kk), FU_TEXT(sk_member, nama),
	FU_TEXT(sk_member, jenis_kelamin), FU_TEXT(sk_member, tempat_lahir),
	FU_TEXT(sk_member, tanggal_lahir), FU_TEXT(sk_member, alamat), FU_TEXT(sk_member, rt),
	FU_TEXT(sk_member, rw), FU_TEXT(sk_member, telepon), FU_TEXT(sk_member, jabatan),
	FU_TEXT(sk_member, tanggal_masuk), FU_TEXT(sk_member, tanggal_keluar),
	FU_TEXT(sk_member, catatan),
};

static const struct fu_store MEMBER_FORM_HOW;

struct member_form {
	struct fu_form fu;      /* the form and its draft key (first) */
	sk_member m;       /* the stored member (ids, stamps), or the defaults of a new one */
	/* The form's values as last read: the form helpers reach it by its offset. */
	/* cppcheck-suppress unusedStructMember */
	sk_member rec;
	int is_new;
	char group_name[SK_NAME_BYTES];
	char auto_jk[4];             /* sex and birth date last filled in from the NIK */
	char auto_lahir[16];
};

static void member_form_notes(struct member_form *f)
{
	uform_note(&f->fu.uf, "nik", _("16 angka, seperti di KTP."));
	uform_note(&f->fu.uf, "no_kk", _("16 angka, seperti di kartu keluarga."));
	uform_note(&f->fu.uf, "tanggal_lahir", _("Tulis TTTT-BB-HH, misalnya 1980-07-31."));
	uform_note(&f->fu.uf, "tanggal_masuk", _("Hari ini, atau tulis TTTT-BB-HH."));
	uform_note(&f->fu.uf, "tanggal_keluar", _("Kosong bila masih aktif."));
	uform_note(&f->fu.uf, "desil_dtsen", _("1 sampai 10, kosong bila belum tahu."));
}

/* Parse a decile: "" is 0; anything but 1-10 is an error in is. */
static int parse_desil(const char *s, sk_issues *is)
{
	if (!*s)
		return 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 1 || v > 10) {
		sk_issues_add(is, "desil_dtsen", SK_SEV_ERROR, "%s",
			      _("Desil DTSEN harus angka 1 sampai 10, atau kosong."));
		return 0;
	}
	return (int)v;
}

/* The form's values as a member; conversion problems go to is. */
static void member_form_collect(struct member_form *f, sk_member *m, sk_issues *is)
{
	char buf[16];
	*m = f->m;
	sk_issues_clear(is);
	fu_get_texts(&f->fu.uf, m, TEXTS, FU_COUNT(TEXTS));
	uform_get(&f->fu.uf, "terdaftar_dtsen", buf, sizeof buf);
	m->terdaftar_dtsen = atoi(buf);
	uform_get(&f->fu.uf, "desil_dtsen", buf, sizeof buf);
	m->desil_dtsen = parse_desil(buf, is);
	uform_get(&f->fu.uf, "peserta_pkh", buf, sizeof buf);
	m->peserta_pkh = atoi(buf);
	member_clean_numbers(m);
}

/* NIK and No. KK as they will be stored: without the spaces and dots typed between digits. */
static void member_form_show_clean(struct member_form *f, const sk_member *m)
{
	char typed[64];
	uform_get(&f->fu.uf, "nik", typed, sizeof typed);
	if (strcmp(typed, m->nik) != 0)
		uform_set(&f->fu.uf, "nik", m->nik);
	uform_get(&f->fu.uf, "no_kk", typed, sizeof typed);
	if (strcmp(typed, m->no_kk) != 0)
		uform_set(&f->fu.uf, "no_kk", m->no_kk);
}

/* The NIK was typed: written without its spaces and dots, and the sex and birth date it
 * holds put in where they are empty or still hold what the last NIK gave (still editable). */
static void member_form_from_nik(struct member_form *f)
{
	sk_member m;
	sk_issues conv;
	member_form_collect(f, &m, &conv);
	member_form_show_clean(f, &m);
	char lahir[16], sex;
	if (!nik_person(m.nik, lahir, &sex))
		return;
	if (!*m.jenis_kelamin || strcmp(m.jenis_kelamin, f->auto_jk) == 0) {
		char jk[4] = { sex, '\0' };
		uform_set(&f->fu.uf, "jenis_kelamin", jk);
		snprintf(f->auto_jk, sizeof f->auto_jk, "%s", jk);
	}
	if (!*m.tanggal_lahir || strcmp(m.tanggal_lahir, f->auto_lahir) == 0) {
		uform_set(&f->fu.uf, "tanggal_lahir", lahir);
		snprintf(f->auto_lahir, sizeof f->auto_lahir, "%s", lahir);
	}
}

static void member_form_read(struct screen *s, void *m, sk_issues *conv)
{
	member_form_collect(s->data, m, conv);
}

static void member_form_rules(struct screen *s, const void *m, sk_issues *is)
{
	member_validate(s->db, m, is);
}

static void member_form_fill(struct member_form *f)
{
	const sk_member *m = &f->m;
	char buf[16];
	fu_set_texts(&f->fu.uf, m, TEXTS, FU_COUNT(TEXTS));
	uform_set(&f->fu.uf, "terdaftar_dtsen", m->terdaftar_dtsen ? "1" : "0");
	snprintf(buf, sizeof buf, "%d", m->desil_dtsen);
	uform_set(&f->fu.uf, "desil_dtsen", m->desil_dtsen ? buf : "");
	uform_set(&f->fu.uf, "peserta_pkh", m->peserta_pkh ? "1" : "0");
}

/* Load the member (or the defaults of a new one) and the group's name. */
static int member_form_load(struct screen *s, const struct member_form_arg *a)
{
	struct member_form *f = s->data;
	sk_err e;
	sk_err_clear(&e);
	f->is_new = a->member_id == NULL;
	member_init(&f->m, a->group_id);
	if (a->member_id && member_get(s->db, a->member_id, &f->m, &e) != SK_OK)
		return fu_fail(&e);
	/* The form shows the whole NIK: a read the audit trail keeps. */
	if (a->member_id && db_audit_note(s->db, "baca_nik", "anggota", f->m.id, f->m.kelompok_id,
					  f->m.id, "formulir anggota", &e) != SK_OK)
		return fu_fail(&e);
	sk_group g;
	if (group_get(s->db, f->m.kelompok_id, &g, &e) != SK_OK)
		return fu_fail(&e);
	snprintf(f->group_name, sizeof f->group_name, "%s", g.nama);
	if (f->is_new)
		snprintf(f->fu.key, sizeof f->fu.key, "baru:%s", f->m.kelompok_id);
	else
		snprintf(f->fu.key, sizeof f->fu.key, "%s", f->m.id);
	if (f->is_new)
		snprintf(s->title, sizeof s->title, _("Anggota baru - kelompok %s"), f->group_name);
	else
		snprintf(s->title, sizeof s->title, _("Anggota %s - kelompok %s"), f->m.nama,
			 f->group_name);
	return 0;
}

static int member_form_init(struct screen *s, void *arg)
{
	struct member_form *f = fu_form_open(s, sizeof *f, FIELDS, FU_COUNT(FIELDS), 2, PAGES);
	if (!f)
		return -1;
	f->fu.how = &MEMBER_FORM_HOW;
	if (member_form_load(s, arg) != 0)
		return -1;
	member_form_fill(f);
	member_form_notes(f);
	uform_snapshot(&f->fu.uf);
	if (fu_draft_offer(s, &f->fu.uf, f->fu.key, NULL)) {
		uform_touch_all(&f->fu.uf);
		fu_form_check(s);
	}
	if (!f->is_new) {
		char verdict[300];
		eligibility_verdict(s->db, f->m.id, verdict, sizeof verdict);
		uform_note(&f->fu.uf, "nama", verdict);
		uform_touch_all(&f->fu.uf);
		fu_form_check(s);
	}
	return 0;
}

FU_STORE_FN(member_form_store, member_form, sk_member, member_insert, member_update)

static void member_form_what(const void *m, char *out, size_t n)
{
	snprintf(out, n, _("Anggota %s"), ((const sk_member *)m)->nama);
}

/* Saved: the member list puts its cursor on this member; a new one's household assessment
 * is offered. */
static void member_form_saved(struct screen *s, const void *rec)
{
	const struct member_form *f = s->data;
	const sk_member *m = rec;
	ui_result_set(m->id);
	if (f->is_new)
		assessment_offer_household(s->db, m->id);
}

/* A field left: the NIK fills what it tells, the No. KK shows clean (then its findings show). */
static void member_form_after(struct screen *s, enum uf_result r, int left)
{
	(void)r;
	struct member_form *f = s->data;
	sk_member m;
	if (left < 0)
		return;
	if (left == uform_index(&f->fu.uf, "nik")) {
		member_form_from_nik(f);
	} else if (left == uform_index(&f->fu.uf, "no_kk")) {
		sk_issues conv;
		member_form_collect(f, &m, &conv);
		member_form_show_clean(f, &m);
	}
}

static const struct fu_store MEMBER_FORM_HOW = {
	.collect = member_form_read, .rules = member_form_rules, .store = member_form_store,
	.what = member_form_what,
	.rec_at = offsetof(struct member_form, rec), .after = member_form_after,
	.saved = member_form_saved,
};

const struct screen_ops MEMBER_FORM_OPS = FU_SCREEN("member-form", member_form_init, fu_key, HELP_MEMBER_FORM,
		HINT_HELP, HINT(ACT_SAVE, NC_("hint", "Simpan")), HINT(ACT_PGDN, NC_("hint", "Halaman")),
		HINTS_BACK_QUIT);
