/* check.c - integrity and consistency checks, each one SQL query listing its problems. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "i18n.h"
#include "member.h"

struct check {
	const char *sql;        /* each row is one problem; columns feed fmt */
	const char *fmt;        /* printf format with up to 4 %s (msgid) */
	int mask_col;           /* column holding a NIK to mask, or -1 */
};

static const struct check CHECKS[] = {
	{ "SELECT m.id, m.tanggal, printf('%d', coalesce(a.kas,0)), printf('%d', coalesce(k.kas,0)) "
	  "FROM pertemuan m "
	  "LEFT JOIN (SELECT pertemuan_id, sum(iuran_kas) kas FROM kehadiran WHERE dihapus=0 "
	  "  GROUP BY 1) a ON a.pertemuan_id=m.id "
	  "LEFT JOIN (SELECT pertemuan_id, sum(masuk-keluar) kas FROM kas WHERE dihapus=0 AND "
	  "  buku='umum' AND pertemuan_id IS NOT NULL GROUP BY 1) k ON k.pertemuan_id=m.id "
	  "WHERE coalesce(k.kas,0) <> CASE WHEN m.dihapus THEN 0 ELSE coalesce(a.kas,0) END",
	  N_("Pertemuan %s (%s): iuran kas hadir Rp %s, tetapi dibukukan di kas umum Rp %s."), -1 },
	{ "SELECT m.id, m.tanggal, printf('%d', coalesce(a.iks,0)), printf('%d', coalesce(k.iks,0)) "
	  "FROM pertemuan m "
	  "LEFT JOIN (SELECT pertemuan_id, sum(iuran_iks) iks FROM kehadiran WHERE dihapus=0 "
	  "  GROUP BY 1) a ON a.pertemuan_id=m.id "
	  "LEFT JOIN (SELECT pertemuan_id, sum(masuk-keluar) iks FROM kas WHERE dihapus=0 AND "
	  "  buku='iks' AND pertemuan_id IS NOT NULL GROUP BY 1) k ON k.pertemuan_id=m.id "
	  "WHERE coalesce(k.iks,0) <> CASE WHEN m.dihapus THEN 0 ELSE coalesce(a.iks,0) END",
	  N_("Pertemuan %s (%s): iuran IKS hadir Rp %s, tetapi dibukukan di kas IKS Rp %s."), -1 },
	/* The first day each book ends below zero (SQLite takes the bare columns from min()). */
	{ "SELECT g.nama, d.buku, min(d.tanggal), printf('%d', d.saldo) FROM (SELECT kelompok_id, "
	  "buku, tanggal, sum(masuk-keluar) OVER (PARTITION BY kelompok_id, buku ORDER BY tanggal) "
	  "saldo FROM kas WHERE dihapus=0) d JOIN kelompok g ON g.id=d.kelompok_id WHERE d.saldo < 0 "
	  "GROUP BY d.kelompok_id, d.buku",
	  N_("Kelompok %s, buku %s: saldo di bawah nol sejak %s (Rp %s)."), -1 },
	/* The kept balances (saldo_kas, maintained by triggers) against the ledger. */
	{ "SELECT g.nama, l.buku, printf('%d', l.saldo), printf('%d', coalesce(s.saldo, 0)) FROM "
	  "(SELECT kelompok_id, buku, sum(masuk-keluar) saldo FROM kas WHERE dihapus=0 GROUP BY "
	  "kelompok_id, buku) l JOIN kelompok g ON g.id=l.kelompok_id LEFT JOIN saldo_kas s ON "
	  "s.kelompok_id=l.kelompok_id AND s.buku=l.buku WHERE coalesce(s.saldo, 0) <> l.saldo "
	  "UNION ALL SELECT coalesce(g.nama, s.kelompok_id), s.buku, '0', printf('%d', s.saldo) "
	  "FROM saldo_kas s LEFT JOIN kelompok g ON g.id=s.kelompok_id WHERE s.saldo <> 0 AND NOT "
	  "EXISTS (SELECT 1 FROM kas k WHERE k.kelompok_id=s.kelompok_id AND k.buku=s.buku AND "
	  "k.dihapus=0)",
	  N_("Kelompok %s, buku %s: saldo menurut baris kas Rp %s, tetapi saldo tersimpan Rp %s."), -1 },
	{ "SELECT r.id, r.membalik_id, '', '' FROM kas r LEFT JOIN kas o ON o.id=r.membalik_id "
	  "WHERE r.membalik_id IS NOT NULL AND r.dihapus=0 AND (o.id IS NULL OR "
	  "o.kelompok_id<>r.kelompok_id OR o.buku<>r.buku OR o.masuk<>r.keluar OR o.keluar<>r.masuk)",
	  N_("Baris kas %s membalik %s, tetapi baris itu tidak ada, milik kelompok atau buku lain, "
	     "atau jumlahnya tidak cocok.%s%s"), -1 },
	{ "SELECT g.nama, a.jabatan, printf('%d', count(*)), '' FROM anggota a JOIN kelompok g ON "
	  "g.id=a.kelompok_id WHERE a.dihapus=0 AND a.tanggal_keluar IS NULL AND "
	  "a.jabatan<>'anggota' GROUP BY a.kelompok_id, a.jabatan HAVING count(*) > 1",
	  N_("Kelompok %s punya lebih dari satu %s aktif (%s orang).%s"), -1 },
	{ "SELECT nik, printf('%d', count(*)), group_concat(nama, ', '), '' FROM anggota "
	  "WHERE dihapus=0 AND tanggal_keluar IS NULL GROUP BY nik HAVING count(*) > 1",
	  N_("NIK %s aktif pada %s anggota: %s.%s"), 0 },
};

static void report(check_problem_fn fn, void *ctx, int *problems, const char *fmt,
		   const char *a, const char *b, const char *c, const char *d)
{
	char line[1024];
	snprintf(line, sizeof line, fmt, a, b, c, d);
	if (fn)
		fn(ctx, line);
	(*problems)++;
}

static int run_query(sk_db *db, const struct check *c, check_problem_fn fn, void *ctx,
		     int *problems, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, c->sql, e);
	if (!st)
		return SK_DBERR;
	int rc;
	char col[4][512];
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		for (int i = 0; i < 4; i++)
			db_col_text(st, i, col[i], sizeof col[i]);
		if (c->mask_col >= 0)
			member_mask_nik(col[c->mask_col], col[c->mask_col], sizeof col[c->mask_col]);
		report(fn, ctx, problems, _(c->fmt), col[0], col[1], col[2], col[3]);
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

/* PRAGMA integrity_check and foreign_key_check. */
static int run_sqlite_checks(sk_db *db, check_problem_fn fn, void *ctx, int *problems, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA integrity_check", e);
	if (!st)
		return SK_DBERR;
	char msg[512];
	int rc;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		db_col_text(st, 0, msg, sizeof msg);
		if (strcmp(msg, "ok") != 0)
			report(fn, ctx, problems, _("SQLite: %s%s%s%s"), msg, "", "", "");
	}
	db_reset(st);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	st = db_prepare(db, "SELECT \"table\", printf('%d', rowid), parent, '' FROM "
			    "pragma_foreign_key_check", e);
	if (!st)
		return SK_DBERR;
	char col[4][128];
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		for (int i = 0; i < 4; i++)
			db_col_text(st, i, col[i], sizeof col[i]);
		report(fn, ctx, problems, _("Tabel %s baris %s merujuk ke %s yang tidak ada.%s"),
		       col[0], col[1], col[2], col[3]);
	}
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
}

int check_run(sk_db *db, check_problem_fn fn, void *ctx, int *problems, sk_err *e)
{
	*problems = 0;
	int rc = run_sqlite_checks(db, fn, ctx, problems, e);
	for (size_t i = 0; rc == SK_OK && i < sizeof CHECKS / sizeof CHECKS[0]; i++)
		rc = run_query(db, &CHECKS[i], fn, ctx, problems, e);
	return rc;
}
