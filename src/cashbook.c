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
			       _("Tanggal wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
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

void cash_validate(sk_db *db, const sk_cash_row *c, sk_issues *is)
{
	sk_issues_clear(is);
	cash_validate_fields(c, is);
	cash_validate_links(db, c, is);
}

void cash_read_row(sqlite3_stmt *st, sk_cash_row *out)
{
	memset(out, 0, sizeof *out);
	db_col_text(st, 0, out->id, sizeof out->id);
	db_col_text(st, 1, out->kelompok_id, sizeof out->kelompok_id);
	db_col_text(st, 2, out->tanggal, sizeof out->tanggal);
	db_col_text(st, 3, out->no_bukti, sizeof out->no_bukti);
	db_col_text(st, 4, out->buku, sizeof out->buku);
	db_col_text(st, 5, out->kategori, sizeof out->kategori);
	db_col_text(st, 6, out->uraian, sizeof out->uraian);
	out->masuk = sqlite3_column_int64(st, 7);
	out->keluar = sqlite3_column_int64(st, 8);
	db_col_text(st, 9, out->pertemuan_id, sizeof out->pertemuan_id);
	db_col_text(st, 10, out->membalik_id, sizeof out->membalik_id);
	db_col_text(st, 11, out->diubah_pada, sizeof out->diubah_pada);
	out->dihapus = sqlite3_column_int(st, 12);
	db_col_text(st, 13, out->sumber_id, sizeof out->sumber_id);
}

int cash_get(sk_db *db, const char *id, sk_cash_row *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " CASH_ROW_COLS " FROM kas WHERE id=:id", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", id);
	int rc = db_step(db, st, e);
	if (rc == SQLITE_ROW)
		cash_read_row(st, out);
	return db_row_end(st, rc, _("Baris kas tidak ditemukan."), e);
}

int cash_store_raw(sk_db *db, const sk_cash_row *c, int insert, sk_err *e)
{
	static const char ins[] =
		"INSERT INTO kas(id, kelompok_id, tanggal, no_bukti, buku, kategori, uraian, masuk, "
		"keluar, pertemuan_id, membalik_id, diubah_pada, dihapus, sumber_id, disimpan_pada) "
		"VALUES(:id, :kelompok_id, :tanggal, :no_bukti, :buku, :kategori, :uraian, :masuk, "
		":keluar, :pertemuan_id, :membalik_id, :diubah_pada, :dihapus, :sumber_id, "
		DB_STORED_SQL ")";
	static const char upd[] =
		"UPDATE kas SET kelompok_id=:kelompok_id, tanggal=:tanggal, no_bukti=:no_bukti, "
		"buku=:buku, kategori=:kategori, uraian=:uraian, masuk=:masuk, keluar=:keluar, "
		"pertemuan_id=:pertemuan_id, membalik_id=:membalik_id, diubah_pada=:diubah_pada, "
		"dihapus=:dihapus, sumber_id=:sumber_id, disimpan_pada=" DB_STORED_SQL " WHERE id=:id";
	sqlite3_stmt *st = db_prepare(db, insert ? ins : upd, e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":id", c->id);
	db_bind_text(st, ":kelompok_id", c->kelompok_id);
	db_bind_text(st, ":tanggal", c->tanggal);
	db_bind_text(st, ":no_bukti", c->no_bukti);
	db_bind_text(st, ":buku", c->buku);
	db_bind_text(st, ":kategori", c->kategori);
	db_bind_text(st, ":uraian", c->uraian);
	db_bind_int64(st, ":masuk", c->masuk);
	db_bind_int64(st, ":keluar", c->keluar);
	db_bind_text(st, ":pertemuan_id", c->pertemuan_id);
	db_bind_text(st, ":membalik_id", c->membalik_id);
	db_bind_text(st, ":diubah_pada", c->diubah_pada);
	db_bind_int64(st, ":dihapus", c->dihapus);
	db_bind_text(st, ":sumber_id", c->sumber_id);
	int rc = db_step_write(db, st, _("Baris kas tidak ditemukan."), e);
	if (rc != SK_OK || insert)
		return rc;
	return db_restamp(db, "UPDATE kas SET diubah_pada=:t WHERE id=:k1 AND diubah_pada IS NOT :t",
			  c->id, NULL, c->diubah_pada, e);
}
