/* simpin.c - the savings-and-loans rows: column descriptors, defaults, field rules, raw
 * storage. */
#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "simpin.h"
#include "validate.h"

const char *const SIMPIN_KIND_NAMES[SIMPIN_KINDS + 1] = { "pokok", "wajib", "sukarela", NULL };

int simpin_kind_parse(const char *s)
{
	for (int k = 0; s && k < SIMPIN_KINDS; k++)
		if (strcmp(s, SIMPIN_KIND_NAMES[k]) == 0)
			return k;
	return -1;
}

/* ---- column descriptors (src/tables.tsv: the columns in the bundle's order) -------------- */

TABLE_DEFINE(CYCLE_TABLE, SK_CYCLE);
TABLE_DEFINE(SAVING_TABLE, SK_SAVING);
TABLE_DEFINE(LOAN_TABLE, SK_LOAN);
TABLE_DEFINE(REPAY_TABLE, SK_REPAY);
TABLE_DEFINE(FINE_TABLE, SK_FINE);
TABLE_DEFINE(SHARE_TABLE, SK_SHARE);

/* ---- defaults ------------------------------------------------------------------------------ */

void cycle_init(sk_cycle *c, const char *kelompok_id)
{
	table_init(&CYCLE_TABLE, c, sizeof *c);
	sk_strlcpy(c->kelompok_id, kelompok_id, sizeof c->kelompok_id);
}

/* The others: their defaults are src/tables.tsv's. */
TABLE_INIT_FN(saving_init, sk_saving, SAVING_TABLE)
TABLE_INIT_FN(loan_init, sk_loan, LOAN_TABLE)
TABLE_INIT_FN(repay_init, sk_repay, REPAY_TABLE)
TABLE_INIT_FN(fine_init, sk_fine, FINE_TABLE)
TABLE_INIT_FN(share_init, sk_share, SHARE_TABLE)

/* ---- field rules -------------------------------------------------------------------------- */

static const char *const METODE_JASA[] = { "flat", "menurun", NULL };
static const char *const METODE_BAGI[] = { "simpanan", "sama_rata", "jasa", NULL };
static const char *const JARAK[] = { "minggu", "bulan", NULL };
static const char *const SUMBER[] = { "simpin", "uep", NULL };
static const char *const JENIS_DENDA[] = { "alpa", "terlambat", "lainnya", NULL };

static void date_required(sk_issues *is, const char *field, const char *v)
{
	validate_date_required(is, field, v, N_("Tanggal wajib, tulis TTTT-BB-HH, misalnya "
						"2025-03-15."));
}

/* An optional date: empty, or a real date not before from (when from is a real date) and not
 * after today. */
static void date_optional(sk_issues *is, const char *field, const char *v, const char *from,
			  const char *before_msg)
{
	if (!*v)
		return;
	if (!valid_date(v)) {
		sk_issues_add(is, field, SK_SEV_ERROR, "%s",
			      _("Tanggal ditulis TTTT-BB-HH, misalnya 2025-03-15, atau kosong."));
		return;
	}
	if (valid_date(from) && strcmp(v, from) < 0)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", before_msg);
	if (sk_date_after_today(v))
		sk_issues_add(is, field, SK_SEV_ERROR, "%s",
			      _("Tanggal itu belum tiba: catat pada hari terjadinya."));
}

static void rate_in_range(sk_issues *is, int rate)
{
	if (rate < 0 || rate > LOAN_RATE_MAX)
		/* xgettext:no-c-format */
		sk_issues_add(is, "jasa_persen_bulan", SK_SEV_ERROR, "%s",
			      _("Jasa paling tinggi 10% sebulan."));
}

void cycle_validate_fields(const sk_cycle *c, sk_issues *is)
{
	if (c->nomor < 1)
		sk_issues_add(is, "nomor", SK_SEV_ERROR, "%s",
			      _("Nomor siklus dihitung dari 1."));
	validate_date_required(is, "mulai", c->mulai,
			       N_("Tanggal mulai siklus wajib, tulis TTTT-BB-HH."));
	if (*c->selesai && !valid_date(c->selesai))
		sk_issues_add(is, "selesai", SK_SEV_ERROR, "%s",
			      _("Tanggal ditulis TTTT-BB-HH, misalnya 2025-03-15, atau kosong."));
	else if (*c->selesai && valid_date(c->mulai) && strcmp(c->selesai, c->mulai) < 0)
		sk_issues_add(is, "selesai", SK_SEV_ERROR, "%s",
			      _("Siklus tidak dapat selesai sebelum mulai."));
	validate_money(is, "simpanan_pokok", c->simpanan_pokok);
	validate_money(is, "simpanan_wajib", c->simpanan_wajib);
	rate_in_range(is, c->jasa_persen_bulan);
	if (!valid_in(c->metode_jasa, METODE_JASA))
		sk_issues_add(is, "metode_jasa", SK_SEV_ERROR, "%s",
			      _("Cara hitung jasa harus flat atau menurun."));
	if (c->has_batas && (c->batas_pinjaman_kali < 0 || c->batas_pinjaman_kali > LOAN_LIMIT_MAX))
		sk_issues_add(is, "batas_pinjaman_kali", SK_SEV_ERROR, "%s",
			      _("Batas pinjaman paling banyak 1000 kali simpanan."));
	validate_money(is, "denda_alpa", c->denda_alpa);
	validate_money(is, "denda_terlambat", c->denda_terlambat);
	if (!valid_in(c->metode_bagi, METODE_BAGI))
		sk_issues_add(is, "metode_bagi", SK_SEV_ERROR, "%s",
			      _("Cara bagi hasil harus simpanan, sama_rata atau jasa."));
	if (c->dihapus != 0 && c->dihapus != 1)
		sk_issues_add(is, "dihapus", SK_SEV_ERROR, "%s", _("Isi 0 (tidak) atau 1 (ya)."));
}

void saving_validate_fields(const sk_saving *s, sk_issues *is)
{
	date_required(is, "tanggal", s->tanggal);
	if (simpin_kind_parse(s->jenis) < 0)
		sk_issues_add(is, "jenis", SK_SEV_ERROR, "%s",
			      _("Jenis simpanan harus pokok, wajib atau sukarela."));
	validate_money(is, "setor", s->setor);
	validate_money(is, "tarik", s->tarik);
	if ((s->setor > 0) == (s->tarik > 0))
		sk_issues_add(is, s->setor > 0 ? "tarik" : "setor", SK_SEV_ERROR, "%s",
			      _("Isi salah satu: setor atau tarik lebih dari 0, yang lain 0."));
}

void loan_validate_fields(const sk_loan *l, sk_issues *is)
{
	date_required(is, "tanggal", l->tanggal);
	if (l->pokok <= 0)
		sk_issues_add(is, "pokok", SK_SEV_ERROR, "%s",
			      _("Pokok pinjaman harus lebih dari 0."));
	else
		validate_money(is, "pokok", l->pokok);
	rate_in_range(is, l->jasa_persen_bulan);
	if (!valid_in(l->metode_jasa, METODE_JASA))
		sk_issues_add(is, "metode_jasa", SK_SEV_ERROR, "%s",
			      _("Cara hitung jasa harus flat atau menurun."));
	if (l->jumlah_angsuran < 1 || l->jumlah_angsuran > LOAN_MAX_INSTALMENTS)
		sk_issues_add(is, "jumlah_angsuran", SK_SEV_ERROR, "%s",
			      _("Jumlah angsuran 1 sampai 520."));
	if (!valid_in(l->jarak_angsuran, JARAK))
		sk_issues_add(is, "jarak_angsuran", SK_SEV_ERROR, "%s",
			      _("Jarak angsuran harus minggu atau bulan."));
	if (!valid_in(l->sumber, SUMBER))
		sk_issues_add(is, "sumber", SK_SEV_ERROR, "%s",
			      _("Sumber pinjaman harus simpin atau uep."));
	date_optional(is, "dihapusbukukan_pada", l->dihapusbukukan_pada, l->tanggal,
		      _("Pinjaman tidak dapat dihapusbukukan sebelum diberikan."));
	if (sk_issues_errors(is))
		return;
	sk_loan_terms t;
	static sk_loan_schedule s; /* 25 KB: not on the stack of every caller */
	loan_terms_of(l, &t);
	int rc = loan_schedule(&t, &s);
	if (rc == LOAN_E_FAR)
		sk_issues_add(is, "jumlah_angsuran", SK_SEV_ERROR, "%s",
			      _("Angsuran terakhir jatuh setelah tahun 2199."));
	else if (rc != LOAN_OK)
		sk_issues_add(is, "pokok", SK_SEV_ERROR, "%s",
			      _("Jumlah terlalu besar untuk dihitung."));
}

void repay_validate_fields(const sk_repay *r, sk_issues *is)
{
	date_required(is, "tanggal", r->tanggal);
	if (r->pokok < 0 || r->jasa < 0)
		sk_issues_add(is, r->pokok < 0 ? "pokok" : "jasa", SK_SEV_ERROR, "%s",
			      _("Jumlah uang tidak boleh negatif."));
	validate_money(is, "pokok", r->pokok);
	validate_money(is, "jasa", r->jasa);
	if (r->pokok >= 0 && r->jasa >= 0 && r->pokok + r->jasa <= 0)
		sk_issues_add(is, "pokok", SK_SEV_ERROR, "%s",
			      _("Angsuran: pokok dan jasa bersama harus lebih dari 0."));
}

void fine_validate_fields(const sk_fine *f, sk_issues *is)
{
	date_required(is, "tanggal", f->tanggal);
	if (!valid_in(f->jenis, JENIS_DENDA))
		sk_issues_add(is, "jenis", SK_SEV_ERROR, "%s",
			      _("Jenis denda harus alpa, terlambat atau lainnya."));
	if (f->jumlah <= 0)
		sk_issues_add(is, "jumlah", SK_SEV_ERROR, "%s", _("Denda harus lebih dari 0."));
	else
		validate_money(is, "jumlah", f->jumlah);
	if (f->dibebaskan != 0 && f->dibebaskan != 1)
		sk_issues_add(is, "dibebaskan", SK_SEV_ERROR, "%s", _("Isi 0 (tidak) atau 1 (ya)."));
	date_optional(is, "dibayar_pada", f->dibayar_pada, f->tanggal,
		      _("Denda tidak dapat dibayar sebelum dikenakan."));
	if (f->dibebaskan == 1 && *f->dibayar_pada)
		sk_issues_add(is, "dibebaskan", SK_SEV_ERROR, "%s",
			      _("Denda yang dibebaskan tidak dibayar: kosongkan tanggal bayarnya."));
}

void share_validate_fields(const sk_share *b, sk_issues *is)
{
	if (b->simpanan < 0)
		sk_issues_add(is, "simpanan", SK_SEV_ERROR, "%s", _("Jumlah uang tidak boleh negatif."));
	if (b->potongan < 0)
		sk_issues_add(is, "potongan", SK_SEV_ERROR, "%s", _("Jumlah uang tidak boleh negatif."));
	if (b->dibayar < 0)
		sk_issues_add(is, "dibayar", SK_SEV_ERROR, "%s", _("Jumlah uang tidak boleh negatif."));
	validate_money(is, "simpanan", b->simpanan);
	validate_money(is, "potongan", b->potongan);
	validate_money(is, "dibayar", b->dibayar);
	if (b->bagian_hasil < -SK_MONEY_MAX || b->bagian_hasil > SK_MONEY_MAX)
		sk_issues_add(is, "bagian_hasil", SK_SEV_ERROR, "%s",
			      _("Jumlah terlalu besar untuk dihitung."));
	else if (!sk_issues_errors(is) &&
		 b->dibayar != b->simpanan + b->bagian_hasil - b->potongan)
		sk_issues_add(is, "dibayar", SK_SEV_ERROR, "%s",
			      _("Dibayar harus simpanan + bagian hasil - potongan."));
}

/* ---- storage ----------------------------------------------------------------------------- */

TABLE_GET_STORE(cycle, sk_cycle, CYCLE_TABLE, N_("Siklus simpan pinjam tidak ditemukan."))
TABLE_GET_STORE(saving, sk_saving, SAVING_TABLE, N_("Simpanan tidak ditemukan."))
TABLE_GET_STORE(loan, sk_loan, LOAN_TABLE, N_("Pinjaman tidak ditemukan."))
TABLE_GET_STORE(repay, sk_repay, REPAY_TABLE, N_("Angsuran tidak ditemukan."))
TABLE_GET_STORE(fine, sk_fine, FINE_TABLE, N_("Denda tidak ditemukan."))
TABLE_GET_STORE(share, sk_share, SHARE_TABLE, N_("Bagi hasil tidak ditemukan."))

void loan_terms_of(const sk_loan *l, sk_loan_terms *t)
{
	memset(t, 0, sizeof *t);
	sk_strlcpy(t->tanggal, l->tanggal, sizeof t->tanggal);
	t->pokok = l->pokok;
	t->rate = l->jasa_persen_bulan;
	t->metode = loan_method_parse(l->metode_jasa);
	t->jumlah = l->jumlah_angsuran;
	t->jarak = loan_interval_parse(l->jarak_angsuran);
}

const char *loan_book(const sk_loan *l)
{
	return strcmp(l->sumber, "uep") == 0 ? "umum" : "simpin";
}
