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
#include "i18n.h"
#include "keys.h"
#include "member.h"
#include "screens.h"
#include "uform.h"
#include "validate.h"

#define LC 2
#define FC 24

static const char *const PAGES[] = { N_("Data pribadi"), N_("Keanggotaan dan DTSEN") };
static const char *const JK_VALUES[] = { "", "L", "P", NULL };
static const char *const JK_LABELS[] = { N_("(pilih)"), N_("L (laki-laki)"), N_("P (perempuan)"),
					 NULL };
static const char *const YN_VALUES[] = { "0", "1", NULL };
static const char *const YN_LABELS[] = { N_("Tidak"), N_("Ya"), NULL };

static const struct uf_def FIELDS[] = {
	/* One column more than the 16 digits: the cursor after the last one needs it. */
	{ "nik", N_("NIK"), 0, 1, LC, FC, 17, 20, UF_TEXT, NULL, NULL },
	{ "no_kk", N_("No. KK"), 0, 3, LC, FC, 17, 20, UF_TEXT, NULL, NULL },
	{ "nama", N_("Nama"), 0, 5, LC, FC, 40, 100, UF_TEXT, NULL, NULL },
	{ "jenis_kelamin", N_("Jenis kelamin"), 0, 7, LC, FC, 16, 0, UF_CHOICE, JK_VALUES, JK_LABELS },
	{ "tempat_lahir", N_("Tempat lahir"), 0, 9, LC, FC, 30, 100, UF_TEXT, NULL, NULL },
	{ "tanggal_lahir", N_("Tanggal lahir"), 0, 11, LC, FC, 11, 11, UF_TEXT, NULL, NULL },
	{ "alamat", N_("Alamat"), 0, 13, LC, FC, 50, 100, UF_TEXT, NULL, NULL },
	{ "rt", N_("RT"), 0, 15, LC, FC, 3, 5, UF_TEXT, NULL, NULL },
	{ "rw", N_("RW"), 0, 15, FC + 6, FC + 11, 3, 5, UF_TEXT, NULL, NULL },
	{ "telepon", N_("Telepon"), 0, 17, LC, FC, 16, 32, UF_TEXT, NULL, NULL },
	/* On the first page: a member's meetings and figures count from this date. */
	{ "tanggal_masuk", N_("Tanggal masuk"), 0, 17, 44, 60, 11, 11, UF_TEXT, NULL, NULL },
	{ "jabatan", N_("Jabatan"), 1, 1, LC, FC, 14, 0, UF_CHOICE, JABATAN_VALUES, NULL },
	{ "tanggal_keluar", N_("Tanggal keluar"), 1, 3, LC, FC, 11, 11, UF_TEXT, NULL, NULL },
	{ "terdaftar_dtsen", N_("Terdaftar DTSEN"), 1, 5, LC, FC, 8, 0, UF_CHOICE, YN_VALUES, YN_LABELS },
	{ "desil_dtsen", N_("Desil DTSEN"), 1, 7, LC, FC, 2, 4, UF_TEXT, NULL, NULL },
	{ "peserta_pkh", N_("Peserta PKH"), 1, 9, LC, FC, 8, 0, UF_CHOICE, YN_VALUES, YN_LABELS },
	{ "catatan", N_("Catatan"), 1, 11, LC, FC, 54, 250, UF_TEXT, NULL, NULL },
};
#define NFIELDS ((int)(sizeof FIELDS / sizeof FIELDS[0]))

struct member_form {
	struct uform uf;
	sk_member m;       /* the stored member (ids, stamps), or the defaults of a new one */
	int is_new;
	char group_name[404];
	char key[SK_UUID_LEN + 48];  /* what a draft of this form is kept under */
	char auto_jk[4];             /* sex and birth date last filled in from the NIK */
	char auto_lahir[16];
};

static const char *mf_help(void)
{
	/* TRANSLATORS: F1 help text. */
	return _("Formulir data anggota, dua halaman. PgDn/PgUp pindah halaman; Tab, Enter atau "
		 "panah bawah ke isian berikutnya, panah atas ke isian sebelumnya. F2 menyimpan. "
		 "Esc kembali (jika ada isian yang belum disimpan, ditanya dulu).\n\n"
		 "Setiap isian diperiksa ketika Anda meninggalkannya. Kesalahan (\"Salah\") harus "
		 "diperbaiki sebelum bisa disimpan; \"Perhatian\" hanya peringatan, data tetap "
		 "bisa disimpan.\n\n"
		 "NIK: 16 angka dari KTP atau kartu keluarga; spasi atau titik di antaranya "
		 "dibuang sendiri. Angka ke-7 sampai ke-12 berisi tanggal lahir (untuk perempuan "
		 "tanggalnya ditambah 40): begitu NIK diisi, jenis kelamin dan tanggal lahir yang "
		 "masih kosong diisikan dari NIK (boleh diubah). Bila tanggal lahir atau jenis "
		 "kelamin tidak cocok dengan NIK, muncul peringatan; begitu pula bila kode "
		 "kecamatan di NIK (angka ke-5 dan ke-6) tidak ada di daftar wilayah. Satu NIK hanya "
		 "boleh aktif di satu kelompok.\n"
		 "No. KK: 16 angka nomor kartu keluarga. Anggota dengan No. KK yang sama adalah "
		 "satu rumah tangga.\n"
		 "Nama: nama lengkap seperti di KTP.\n"
		 "Jenis kelamin: tekan L atau P (atau Spasi untuk mengganti).\n"
		 "Tempat lahir, Tanggal lahir: tanggal ditulis tahun-bulan-tanggal, misalnya "
		 "1980-07-31.\n"
		 "Alamat, RT, RW: alamat rumah; RT dan RW paling banyak 3 angka.\n"
		 "Telepon: nomor HP yang bisa dihubungi.\n"
		 "Tanggal masuk: tanggal menjadi anggota, diusulkan hari ini. Pertemuan sebelum "
		 "tanggal itu tidak mencantumkan anggota ini.\n\n"
		 "Mengetik di isian yang sudah berisi (misalnya tanggal yang diusulkan) mengganti "
		 "isinya; untuk menyunting, tekan dulu panah kiri/kanan, Home, End atau Backspace. "
		 "Ctrl-U mengosongkan isian.\n\n"
		 "Halaman 2:\n"
		 "Jabatan: ketua, sekretaris, bendahara atau anggota. Satu kelompok hanya punya "
		 "satu ketua, satu sekretaris dan satu bendahara yang aktif.\n"
		 "Tanggal keluar: diisi bila anggota berhenti; kosong berarti masih aktif.\n"
		 "Terdaftar DTSEN: Ya bila rumah tangganya ada di Data Tunggal Sosial dan Ekonomi "
		 "Nasional (dulu DTKS).\n"
		 "Desil DTSEN: peringkat kesejahteraan 1 sampai 10 (1 = paling miskin); kosongkan "
		 "bila belum tahu.\n"
		 "Peserta PKH: Ya bila keluarga menerima Program Keluarga Harapan.\n"
		 "Catatan: keterangan lain.\n\n"
		 "Aturan KUBE: satu kelompok berisi 5 sampai 20 kepala keluarga; di baris bawah "
		 "formulir muncul peringatan bila jumlahnya di luar batas itu.");
}

static void mf_notes(struct member_form *f)
{
	uform_note(&f->uf, "nik", _("16 angka, seperti di KTP."));
	uform_note(&f->uf, "no_kk", _("16 angka, seperti di kartu keluarga."));
	uform_note(&f->uf, "tanggal_lahir", _("Tulis TTTT-BB-HH, misalnya 1980-07-31."));
	uform_note(&f->uf, "tanggal_masuk", _("Hari ini, atau tulis TTTT-BB-HH."));
	uform_note(&f->uf, "tanggal_keluar", _("Kosong bila masih aktif."));
	uform_note(&f->uf, "desil_dtsen", _("1 sampai 10, kosong bila belum tahu."));
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
static void mf_collect(struct member_form *f, sk_member *m, sk_issues *is)
{
	char buf[16];
	*m = f->m;
	sk_issues_clear(is);
	uform_get(&f->uf, "nik", m->nik, sizeof m->nik);
	uform_get(&f->uf, "no_kk", m->no_kk, sizeof m->no_kk);
	uform_get(&f->uf, "nama", m->nama, sizeof m->nama);
	uform_get(&f->uf, "jenis_kelamin", m->jenis_kelamin, sizeof m->jenis_kelamin);
	uform_get(&f->uf, "tempat_lahir", m->tempat_lahir, sizeof m->tempat_lahir);
	uform_get(&f->uf, "tanggal_lahir", m->tanggal_lahir, sizeof m->tanggal_lahir);
	uform_get(&f->uf, "alamat", m->alamat, sizeof m->alamat);
	uform_get(&f->uf, "rt", m->rt, sizeof m->rt);
	uform_get(&f->uf, "rw", m->rw, sizeof m->rw);
	uform_get(&f->uf, "telepon", m->telepon, sizeof m->telepon);
	uform_get(&f->uf, "jabatan", m->jabatan, sizeof m->jabatan);
	uform_get(&f->uf, "tanggal_masuk", m->tanggal_masuk, sizeof m->tanggal_masuk);
	uform_get(&f->uf, "tanggal_keluar", m->tanggal_keluar, sizeof m->tanggal_keluar);
	uform_get(&f->uf, "terdaftar_dtsen", buf, sizeof buf);
	m->terdaftar_dtsen = atoi(buf);
	uform_get(&f->uf, "desil_dtsen", buf, sizeof buf);
	m->desil_dtsen = parse_desil(buf, is);
	uform_get(&f->uf, "peserta_pkh", buf, sizeof buf);
	m->peserta_pkh = atoi(buf);
	uform_get(&f->uf, "catatan", m->catatan, sizeof m->catatan);
	member_clean_numbers(m);
}

/* NIK and No. KK as they will be stored: without the spaces and dots typed between digits. */
static void mf_show_clean(struct member_form *f, const sk_member *m)
{
	char typed[64];
	uform_get(&f->uf, "nik", typed, sizeof typed);
	if (strcmp(typed, m->nik) != 0)
		uform_set(&f->uf, "nik", m->nik);
	uform_get(&f->uf, "no_kk", typed, sizeof typed);
	if (strcmp(typed, m->no_kk) != 0)
		uform_set(&f->uf, "no_kk", m->no_kk);
}

/* The NIK was typed: written without its spaces and dots, and the sex and birth date it
 * holds put in where they are empty or still hold what the last NIK gave (still editable). */
static void mf_from_nik(struct member_form *f)
{
	sk_member m;
	sk_issues conv;
	mf_collect(f, &m, &conv);
	mf_show_clean(f, &m);
	char lahir[16], sex;
	if (!nik_person(m.nik, lahir, &sex))
		return;
	if (!*m.jenis_kelamin || strcmp(m.jenis_kelamin, f->auto_jk) == 0) {
		char jk[4] = { sex, '\0' };
		uform_set(&f->uf, "jenis_kelamin", jk);
		snprintf(f->auto_jk, sizeof f->auto_jk, "%s", jk);
	}
	if (!*m.tanggal_lahir || strcmp(m.tanggal_lahir, f->auto_lahir) == 0) {
		uform_set(&f->uf, "tanggal_lahir", lahir);
		snprintf(f->auto_lahir, sizeof f->auto_lahir, "%s", lahir);
	}
}

static void mf_validate(struct screen *s, sk_member *m, sk_issues *is)
{
	struct member_form *f = s->data;
	sk_issues conv;
	mf_collect(f, m, &conv);
	member_validate(s->db, m, is);
	fu_merge(is, &conv);
	uform_check_lengths(&f->uf, is);
	uform_set_issues(&f->uf, is);
}

static void mf_fill(struct member_form *f)
{
	const sk_member *m = &f->m;
	char buf[16];
	uform_set(&f->uf, "nik", m->nik);
	uform_set(&f->uf, "no_kk", m->no_kk);
	uform_set(&f->uf, "nama", m->nama);
	uform_set(&f->uf, "jenis_kelamin", m->jenis_kelamin);
	uform_set(&f->uf, "tempat_lahir", m->tempat_lahir);
	uform_set(&f->uf, "tanggal_lahir", m->tanggal_lahir);
	uform_set(&f->uf, "alamat", m->alamat);
	uform_set(&f->uf, "rt", m->rt);
	uform_set(&f->uf, "rw", m->rw);
	uform_set(&f->uf, "telepon", m->telepon);
	uform_set(&f->uf, "jabatan", m->jabatan);
	uform_set(&f->uf, "tanggal_masuk", m->tanggal_masuk);
	uform_set(&f->uf, "tanggal_keluar", m->tanggal_keluar);
	uform_set(&f->uf, "terdaftar_dtsen", m->terdaftar_dtsen ? "1" : "0");
	snprintf(buf, sizeof buf, "%d", m->desil_dtsen);
	uform_set(&f->uf, "desil_dtsen", m->desil_dtsen ? buf : "");
	uform_set(&f->uf, "peserta_pkh", m->peserta_pkh ? "1" : "0");
	uform_set(&f->uf, "catatan", m->catatan);
}

/* Load the member (or the defaults of a new one) and the group's name. */
static int mf_load(struct screen *s, const struct member_form_arg *a)
{
	struct member_form *f = s->data;
	sk_err e;
	sk_err_clear(&e);
	f->is_new = a->member_id == NULL;
	member_init(&f->m, a->group_id);
	if (a->member_id && member_get(s->db, a->member_id, &f->m, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return -1;
	}
	/* The form shows the whole NIK: a read the audit trail keeps. */
	if (a->member_id && db_audit_note(s->db, "baca_nik", "anggota", f->m.id, f->m.kelompok_id,
					  f->m.id, "formulir anggota", &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return -1;
	}
	sk_group g;
	if (group_get(s->db, f->m.kelompok_id, &g, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return -1;
	}
	snprintf(f->group_name, sizeof f->group_name, "%s", g.nama);
	if (f->is_new)
		snprintf(f->key, sizeof f->key, "baru:%s", f->m.kelompok_id);
	else
		snprintf(f->key, sizeof f->key, "%s", f->m.id);
	if (f->is_new)
		snprintf(s->title, sizeof s->title, _("Anggota baru - kelompok %s"), f->group_name);
	else
		snprintf(s->title, sizeof s->title, _("Anggota %s - kelompok %s"), f->m.nama,
			 f->group_name);
	return 0;
}

static int mf_init(struct screen *s, void *arg)
{
	struct member_form *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	s->data = f;
	if (uform_open(&f->uf, FIELDS, NFIELDS, 2, PAGES) != 0 || mf_load(s, arg) != 0)
		return -1;
	mf_fill(f);
	mf_notes(f);
	uform_snapshot(&f->uf);
	if (fu_draft_offer(s, &f->uf, f->key, NULL)) {
		sk_member m;
		sk_issues is;
		uform_touch_all(&f->uf);
		mf_validate(s, &m, &is);
	}
	if (!f->is_new) {
		sk_member m;
		sk_issues is;
		char verdict[300];
		eligibility_verdict(s->db, f->m.id, verdict, sizeof verdict);
		uform_note(&f->uf, "nama", verdict);
		uform_touch_all(&f->uf);
		mf_validate(s, &m, &is);
	}
	return 0;
}

static void mf_resize(struct screen *s)
{
	struct member_form *f = s->data;
	uform_layout(&f->uf);
}

static void mf_draw(struct screen *s)
{
	struct member_form *f = s->data;
	uform_draw(&f->uf);
	s->cursor = 1;
}

static void mf_refresh(struct screen *s)
{
	struct member_form *f = s->data;
	uform_refresh(&f->uf);
}

static void mf_save(struct screen *s)
{
	struct member_form *f = s->data;
	sk_member m;
	sk_issues is;
	uform_touch_all(&f->uf);
	mf_validate(s, &m, &is);
	if (sk_issues_errors(&is)) {
		fu_refused(&f->uf, &is);
		return;
	}
	sk_err e;
	sk_err_clear(&e);
	int rc = f->is_new ? member_insert(s->db, &m, &is, &e) : member_update(s->db, &m, &is, &e);
	if (!fu_stored(&f->uf, rc, &is, &e))
		return;
	char what[500];
	snprintf(what, sizeof what, _("Anggota %s"), m.nama);
	fu_saved(what, &is);
	ui_result_set(m.id); /* the member list puts its cursor on this member */
	if (f->is_new)
		assessment_offer_household(s->db, m.id);
	ui_pop();
}

static int mf_key(struct screen *s, wint_t ch, int kc)
{
	struct member_form *f = s->data;
	int left;
	enum uf_result r = uform_key(&f->uf, ch, kc, &left);
	if (left >= 0) {
		sk_member m;
		sk_issues is;
		if (left == uform_index(&f->uf, "nik")) {
			mf_from_nik(f);
		} else if (left == uform_index(&f->uf, "no_kk")) {
			sk_issues conv;
			mf_collect(f, &m, &conv);
			mf_show_clean(f, &m);
		}
		uform_touch(&f->uf, left);
		mf_validate(s, &m, &is);
	}
	if (r != UF_IGNORED)
		return SCR_HANDLED;
	return fu_form_action(s, &f->uf, ch, kc, mf_save);
}

static int mf_unsaved(struct screen *s)
{
	struct member_form *f = s->data;
	return uform_dirty(&f->uf);
}

static void mf_draft(struct screen *s)
{
	struct member_form *f = s->data;
	fu_draft_save(s, &f->uf, f->key, NULL);
}

static void mf_free(struct screen *s)
{
	struct member_form *f = s->data;
	if (f)
		uform_close(&f->uf);
	free(f);
}

static const struct key_hint MEMBER_FORM_OPS_HINTS[] = {
	HINT(ACT_HELP, NC_("hint", "Bantuan")), HINT(ACT_SAVE, NC_("hint", "Simpan")),
	HINT(ACT_PGDN, NC_("hint", "Halaman")), HINT(ACT_BACK, NC_("hint", "Kembali")),
	HINT(ACT_QUIT, NC_("hint", "Keluar")), HINTS_END
};

const struct screen_ops MEMBER_FORM_OPS = {
	.name = "member-form",
	.init = mf_init,
	.draw = mf_draw,
	.key = mf_key,
	.resize = mf_resize,
	.free = mf_free,
	.help = mf_help,
	.hints = MEMBER_FORM_OPS_HINTS,
	.show = mf_refresh,
	.unsaved = mf_unsaved,
	.draft = mf_draft,
};
