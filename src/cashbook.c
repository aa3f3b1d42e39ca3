/* cashbook.c - cash-book ledger rows: rules and storage. */
#include <stdio.h>
#include <string.h>
#include "cash_priv.h"
#include "cashbook.h"
#include "i18n.h"
#include "validate.h"

/* The values are stored and exchanged as written; N_ marks them for translation on screen. */
const char *const CASH_BUKU_VALUES[] = { N_("umum"), N_("iks"), N_("simpin"), NULL };
const char *const CASH_KATEGORI_VALUES[] = { N_("iuran_kas"), N_("iuran_iks"), N_("bantuan"),
	N_("penjualan"), N_("pembelian"), N_("operasional"), N_("santunan"), N_("pinjaman"),
	N_("angsuran"), N_("bagi_hasil"), N_("lainnya"), NULL };
const char *const CASH_KATEGORI_LABELS[] = { N_("Iuran kas"), N_("Iuran IKS"), N_("Bantuan dana"),
	N_("Penjualan"), N_("Pembelian"), N_("Operasional"), N_("Santunan"), N_("Pinjaman"),
	N_("Angsuran"), N_("Bagi hasil"), N_("Lain-lain"), NULL };

/* Format 2 (savings and loans): stored and exchanged, not offered by the screens yet. */
static const char *const BUKU_FORMAT2[] = { "simpin", NULL };
static const char *const KATEGORI_FORMAT2[] = { "simpanan", "penarikan", "denda", NULL };

int valid_cash_buku(const char *v)
{
	return valid_in(v, CASH_BUKU_VALUES) || valid_in(v, BUKU_FORMAT2);
}

int valid_cash_kategori(const char *v)
{
	return valid_in(v, CASH_KATEGORI_VALUES) || valid_in(v, KATEGORI_FORMAT2);
}

const char *cash_book_label(const char *buku)
{
	if (strcmp(buku, "iks") == 0)
		return _("kas IKS");
	if (strcmp(buku, "simpin") == 0)
		return _("kas simpan pinjam");
	return strcmp(buku, "umum") == 0 ? _("kas umum") : buku;
}

void cash_init(sk_cash_row *c, const char *kelompok_id)
{
	memset(c, 0, sizeof *c);
	sk_strlcpy(c->kelompok_id, kelompok_id, sizeof c->kelompok_id);
	sk_today(c->tanggal);
	strcpy(c->buku, "umum");
	strcpy(c->kategori, "lainnya");
}

/* Categories of money coming in only: dues, aid, sales and repayments are never paid out. */
static const char *const INCOME_ONLY[] = { "iuran_kas", "iuran_iks", "bantuan", "penjualan",
					   "angsuran", NULL };

int cash_kategori_income_only(const char *kategori)
{
	return valid_in(kategori, INCOME_ONLY);
}

void cash_validate_direction(const sk_cash_row *c, sk_issues *is)
{
	if (c->keluar > 0 && cash_kategori_income_only(c->kategori)) {
		const char *label = c->kategori;
		for (int i = 0; CASH_KATEGORI_VALUES[i]; i++)
			if (strcmp(CASH_KATEGORI_VALUES[i], c->kategori) == 0)
				label = _(CASH_KATEGORI_LABELS[i]);
		sk_issues_add(is, "kategori", SK_SEV_ERROR,
			      _("%s adalah uang masuk; uang keluar pilih kategori lain (pembelian, "
				"operasional, santunan, pinjaman, bagi hasil, lain-lain)."), label);
	}
}

void cash_validate_fields(const sk_cash_row *c, sk_issues *is)
{
	validate_date_required(is, "tanggal", c->tanggal,
			       N_("Tanggal wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	if (!valid_cash_buku(c->buku))
		sk_issues_add(is, "buku", SK_SEV_ERROR, "%s", _("Buku kas harus umum, iks atau simpin."));
	if (!valid_cash_kategori(c->kategori))
		sk_issues_add(is, "kategori", SK_SEV_ERROR, "%s",
			      _("Kategori kas tidak dikenal: pilih iuran_kas, iuran_iks, bantuan, "
				"penjualan, pembelian, operasional, santunan, pinjaman, angsuran, "
				"bagi_hasil, simpanan, penarikan, denda atau lainnya."));
	validate_money(is, "masuk", c->masuk);
	validate_money(is, "keluar", c->keluar);
	if (c->masuk >= 0 && c->keluar >= 0 && (c->masuk > 0) == (c->keluar > 0))
		sk_issues_add(is, c->masuk > 0 ? "keluar" : "masuk", SK_SEV_ERROR, "%s",
			      _("Isi tepat salah satu: masuk atau keluar lebih dari 0, yang lain 0."));
}

void cash_validate_links(sk_db *db, const sk_cash_row *c, sk_issues *is)
{
	validate_ref(db, is, "kelompok_id", "SELECT 1 FROM kelompok WHERE id=:id", c->kelompok_id,
		     _("Kelompok tidak ditemukan."));
	if (*c->pertemuan_id)
		validate_ref(db, is, "pertemuan_id", "SELECT 1 FROM pertemuan WHERE id=:id",
			     c->pertemuan_id, _("Pertemuan tidak ditemukan."));
	if (*c->membalik_id)
		validate_ref(db, is, "membalik_id", "SELECT 1 FROM kas WHERE id=:id", c->membalik_id,
			     _("Baris kas yang dibalik tidak ditemukan."));
}

VALIDATE_ROW(cash, sk_cash_row)

/* The kas table: every column once, in the bundle's order. */
TABLE_DEFINE(KAS_TABLE, SK_CASH_ROW);

TABLE_GET_STORE(cash, sk_cash_row, KAS_TABLE, N_("Baris kas tidak ditemukan."))

/* The standing rows of a meeting's book and of a source (STANDING_SQL's WHERE). */
#define STANDING_SQL(where) \
	"SELECT * FROM kas k WHERE " where " AND dihapus=0 AND membalik_id IS NULL AND NOT " \
	"EXISTS (SELECT 1 FROM kas r WHERE r.membalik_id=k.id AND r.dihapus=0) ORDER BY tanggal, id"

sk_cash_row *cash_standing(sk_db *db, const char *pertemuan_id, const char *buku,
			   const char *sumber_id, int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sumber_id ? STANDING_SQL("sumber_id=:s")
				      : STANDING_SQL("pertemuan_id=:p AND buku=:b"), e);
	*n = 0;
	if (!st)
		return NULL;
	if (sumber_id) {
		db_bind_text(st, ":s", sumber_id);
	} else {
		db_bind_texts(st, ":p", pertemuan_id, ":b", buku);
	}
	void *rows;
	table_all(db, &KAS_TABLE, st, sizeof(sk_cash_row), &rows, n, e);
	return rows;
}
