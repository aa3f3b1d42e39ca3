/* test_cashbook.c - cash-book rows: rules (one side > 0, amounts, enumerations, references)
 * and raw storage (used by import now, by the cash-book screens later). */
#include "cashbook.h"
#include "fixture.h"
#include "group.h"

#define T0 "2025-01-01T00:00:00Z"

static void row(sk_cash_row *c, const char *gid)
{
	cash_init(c, gid);
	sk_uuid_new(c->id);
	strcpy(c->tanggal, "2025-02-03");
	strcpy(c->kategori, "iuran_kas");
	c->masuk = 5000;
	strcpy(c->diubah_pada, T0);
}

int main(void)
{
	sk_db *db = fixture_db();
	sk_group g;
	sk_issues is;
	sk_err e;
	group_init(&g);
	strcpy(g.nama, "KUBE Mawar");
	strcpy(g.kode_wilayah, "31.71.08.1003");
	if (group_insert(db, &g, &is, &e) != SK_OK)
		return 2;
	sk_cash_row c, got;
	row(&c, g.id);
	cash_validate(db, &c, &is);
	CHECK(sk_issues_errors(&is) == 0, "valid receipt");
	c.keluar = 5000;
	cash_validate(db, &c, &is);
	CHECK(sk_issues_for(&is, "keluar") != NULL, "both sides > 0 refused");
	c.masuk = c.keluar = 0;
	cash_validate(db, &c, &is);
	CHECK(sk_issues_for(&is, "masuk") != NULL, "both sides 0 refused");
	c.masuk = -5000;
	cash_validate(db, &c, &is);
	CHECK(sk_issues_for(&is, "masuk") != NULL, "negative amount refused");
	row(&c, g.id);
	strcpy(c.buku, "bank");
	strcpy(c.kategori, "hadiah");
	strcpy(c.tanggal, "2025-13-01");
	cash_validate(db, &c, &is);
	CHECK(sk_issues_for(&is, "buku") && sk_issues_for(&is, "kategori") &&
	      sk_issues_for(&is, "tanggal"), "book, category and date checked");
	row(&c, g.id);
	strcpy(c.pertemuan_id, "00000000-0000-4000-8000-000000000000");
	strcpy(c.membalik_id, "00000000-0000-4000-8000-000000000001");
	cash_validate(db, &c, &is);
	CHECK(sk_issues_for(&is, "pertemuan_id") && sk_issues_for(&is, "membalik_id"),
	      "meeting and reversed row must exist");
	row(&c, g.id);
	strcpy(c.kelompok_id, "00000000-0000-4000-8000-000000000000");
	cash_validate(db, &c, &is);
	CHECK(sk_issues_for(&is, "kelompok_id") != NULL, "unknown group refused");
	for (int i = 0; CASH_KATEGORI_VALUES[i]; i++)
		CHECK(valid_cash_kategori(CASH_KATEGORI_VALUES[i]), CASH_KATEGORI_VALUES[i]);
	CHECK(valid_cash_buku("umum") && valid_cash_buku("iks") && !valid_cash_buku("Umum"),
	      "book values");

	row(&c, g.id);
	strcpy(c.uraian, "Iuran, \"kas\"");
	CHECK(FIXTURE_WRITE(db, cash_store_raw(db, &c, 1, &e)) == SK_OK, "store a receipt");
	sk_cash_row rev = c;
	sk_uuid_new(rev.id);
	rev.masuk = 0;
	rev.keluar = 5000;
	strcpy(rev.membalik_id, c.id);
	cash_validate(db, &rev, &is);
	CHECK(sk_issues_errors(&is) == 0, "a reversal of a stored row is valid");
	CHECK(FIXTURE_WRITE(db, cash_store_raw(db, &rev, 1, &e)) == SK_OK, "store the reversal");
	CHECK(cash_get(db, rev.id, &got, &e) == SK_OK && got.keluar == 5000 &&
	      strcmp(got.membalik_id, c.id) == 0 && strcmp(got.uraian, "Iuran, \"kas\"") == 0,
	      "reads back");
	c.dihapus = 1;
	CHECK(FIXTURE_WRITE(db, cash_store_raw(db, &c, 0, &e)) == SK_OK, "replace with the same stamp");
	CHECK(cash_get(db, c.id, &got, &e) == SK_OK && got.dihapus == 1 &&
	      strcmp(got.diubah_pada, T0) == 0, "deletion stored, stamp kept");
	db_close(db);
	return testlib_summary();
}
