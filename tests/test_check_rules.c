/* test_check_rules.c - a bulk import's question "does any row break a rule?"
 * (rules_check_merged with every table bulk-loaded, so that each rule runs in its
 * whole-database form for import: some of them over a copy of a table, some answered together
 * with others in one query) answers exactly as `sikube check`'s rules over the whole database
 * (rules_check_all): no on the sample, yes on each corruption below, each made on the sample
 * inside a transaction that is rolled back, and each named by the rule it is meant to break. */
#include "bundle.h"
#include "check_rules.h"
#include "db_access.h"
#include "fixture.h"
#include "sample.h"

/* The rules rules_check_all named in the last run, one per line. */
static char named[4096];
static int merged_hits;

static int on_all(void *ctx, const rule_hit *h)
{
	(void)ctx;
	size_t used = strlen(named);
	snprintf(named + used, sizeof named - used, "%s\n", h->rule);
	return 0;
}

static int on_merged(void *ctx, const rule_hit *h)
{
	(void)ctx;
	(void)h;
	merged_hits++;
	return 0;
}

/* sql (NULL: none) breaks exactly rule (NULL: none): rules_check_all names it alone, and the
 * bulk question finds a broken row exactly then. */
static void same_answer(sk_db *db, const char *sql, const char *rule)
{
	char label[256];
	sk_err e;
	int partial[BT_COUNT];
	for (int t = 0; t < BT_COUNT; t++)
		partial[t] = 1;
	int rc = db_begin_write(db, &e);
	db_audit_rows(db, 0); /* as an import (and the trail's triggers take no blob) */
	if (rc == SK_OK && sql)
		rc = db_exec(db, sql, &e);
	named[0] = '\0';
	int damaged = 0, incomplete = -1;
	merged_hits = 0;
	if (rc == SK_OK)
		rc = rules_check_all(db, on_all, NULL, &damaged, &e);
	if (rc == SK_OK)
		rc = rules_check_merged(db, partial, on_merged, NULL, &incomplete, &e);
	if (rc != SK_OK)
		printf("# %s: %s\n", rule ? rule : "sample", e.msg);
	db_end(db, 0, NULL);
	char want[128];
	snprintf(want, sizeof want, "%s\n", rule ? rule : "");
	/* A rule may name several rows: one line per hit, all of this rule. */
	int only = rule ? strncmp(named, want, strlen(want)) == 0 : named[0] == '\0';
	for (const char *p = named; only && *p; p += strlen(want))
		only = strncmp(p, want, strlen(want)) == 0;
	snprintf(label, sizeof label, "%s: check names %s alone", rule ? rule : "the sample",
		 rule ? "it" : "no rule");
	CHECK(rc == SK_OK && only, label);
	if (!only)
		printf("# named: %s", named);
	snprintf(label, sizeof label, "%s: the bulk question says %s", rule ? rule : "the sample",
		 rule ? "a row is broken" : "none is");
	CHECK(rc == SK_OK && incomplete == (rule != NULL) && merged_hits == 0, label);
}

/* A savings deposit, loan, repayment, fine and share-out row of the sample, and the id of a
 * live posting of the deposit. */
#define SAVING "(SELECT min(x.id) FROM simpanan x JOIN siklus c ON c.id=x.siklus_id WHERE " \
	"c.selesai IS NULL AND x.dihapus=0 AND x.setor>0 AND x.membalik_id IS NULL AND NOT " \
	"EXISTS (SELECT 1 FROM simpanan r WHERE r.membalik_id=x.id))"
#define SAVING_POSTING "(SELECT min(id) FROM kas WHERE dihapus=0 AND sumber_id=" SAVING ")"

static void test_sources(sk_db *db)
{
	same_answer(db, "UPDATE simpanan SET setor=setor+500 WHERE id=" SAVING,
		    "kas_sumber_simpanan");
	same_answer(db, "UPDATE kas SET dihapus=1 WHERE id=" SAVING_POSTING, "kas_sumber_simpanan");
	same_answer(db, "UPDATE kas SET keluar=keluar+1 WHERE id=(SELECT min(k.id) FROM kas k JOIN "
		    "pinjaman p ON p.id=k.sumber_id JOIN siklus c ON c.id=p.siklus_id WHERE c.selesai "
		    "IS NULL AND k.dihapus=0)", "kas_sumber_pinjaman");
	same_answer(db, "UPDATE angsuran SET jasa=jasa+1 WHERE id=(SELECT min(a.id) FROM angsuran a "
		    "JOIN pinjaman p ON p.id=a.pinjaman_id JOIN siklus c ON c.id=p.siklus_id WHERE "
		    "c.selesai IS NULL AND a.dihapus=0 AND a.membalik_id IS NULL)", "kas_sumber_angsuran");
	same_answer(db, "UPDATE denda SET jumlah=jumlah+1 WHERE id=(SELECT min(id) FROM denda WHERE "
		    "dihapus=0 AND dibayar_pada IS NOT NULL AND dibebaskan=0)", "kas_sumber_denda");
	/* (changed before the cycle's close, or its rule would name it too) */
	same_answer(db, "UPDATE kas SET keluar=keluar+1, diubah_pada='2000-01-01T00:00:00Z' WHERE "
		    "id=(SELECT min(id) FROM kas WHERE dihapus=0 AND kategori='bagi_hasil' AND "
		    "sumber_id IN (SELECT id FROM bagi_hasil))", "kas_sumber_bagi_hasil");
	/* The posting of a source row in the wrong category, at a meeting, or of no source. */
	same_answer(db, "UPDATE kas SET kategori='lainnya' WHERE id=" SAVING_POSTING,
		    "kas_sumber_salah");
	same_answer(db, "UPDATE kas SET pertemuan_id=(SELECT m.id FROM pertemuan m WHERE "
		    "m.kelompok_id=kas.kelompok_id ORDER BY m.id LIMIT 1) WHERE id=" SAVING_POSTING,
		    "kas_sumber_salah");
	same_answer(db, "INSERT INTO kas(id, kelompok_id, tanggal, buku, kategori, masuk, keluar, "
		    "diubah_pada, sumber_id) SELECT 'k-ghost', kelompok_id, tanggal, buku, kategori, 5, "
		    "0, diubah_pada, 'no-such-source' FROM kas WHERE id=" SAVING_POSTING,
		    "kas_sumber_salah");
}

/* A member who attends, with no savings-and-loans rows, not an officer. */
#define PLAIN_MEMBER "(SELECT min(a.id) FROM anggota a WHERE a.jabatan='anggota' AND EXISTS " \
	"(SELECT 1 FROM kehadiran WHERE anggota_id=a.id) AND NOT EXISTS (SELECT 1 FROM simpanan " \
	"WHERE anggota_id=a.id) AND NOT EXISTS (SELECT 1 FROM pinjaman WHERE anggota_id=a.id) AND " \
	"NOT EXISTS (SELECT 1 FROM denda WHERE anggota_id=a.id) AND NOT EXISTS (SELECT 1 FROM " \
	"bagi_hasil WHERE anggota_id=a.id))"

/* The meeting pass finds each attendance row's member in a map of texts (check_rules.c,
 * member_map_fill): with a member's id stored as a blob it asks anggota instead, where a blob
 * matches only the same blob. */
static void test_member_map(sk_db *db)
{
	same_answer(db, "UPDATE anggota SET id=CAST(id AS BLOB) WHERE id=" PLAIN_MEMBER, NULL);
	same_answer(db, "CREATE TEMP TABLE m1 AS SELECT " PLAIN_MEMBER " id; UPDATE kehadiran SET "
		    "anggota_id=CAST(anggota_id AS BLOB) WHERE anggota_id=(SELECT id FROM temp.m1); "
		    "UPDATE anggota SET id=CAST(id AS BLOB), kelompok_id=(SELECT min(id) FROM "
		    "kelompok WHERE id<>anggota.kelompok_id) WHERE id=(SELECT id FROM temp.m1); "
		    "DROP TABLE temp.m1", "hadir_kelompok_lain");
}

/* A live attendance row with dues, of a meeting with postings, and a dues posting. */
#define ATTENDANCE "(SELECT pertemuan_id, anggota_id FROM kehadiran WHERE dihapus=0 AND " \
	"iuran_kas>0 AND iuran_iks>0 ORDER BY 1, 2 LIMIT 1)"
#define DUES_POSTING "(SELECT min(id) FROM kas WHERE dihapus=0 AND pertemuan_id IS NOT NULL AND " \
	"kategori='iuran_kas')"

static void test_meetings(sk_db *db)
{
	same_answer(db, "UPDATE kehadiran SET iuran_kas=iuran_kas+500 WHERE (pertemuan_id, "
		    "anggota_id)=" ATTENDANCE, "iuran_kas_dibukukan");
	same_answer(db, "UPDATE kehadiran SET iuran_iks=iuran_iks+500 WHERE (pertemuan_id, "
		    "anggota_id)=" ATTENDANCE, "iuran_iks_dibukukan");
	/* (stamped before the month's close, or its rule would name it too) */
	same_answer(db, "UPDATE kas SET kelompok_id=(SELECT min(id) FROM kelompok WHERE "
		    "id<>kas.kelompok_id), diubah_pada='2000-01-01T00:00:00Z' WHERE id=" DUES_POSTING,
		    "kas_dari_pertemuan_lain");
	same_answer(db, "UPDATE kehadiran SET anggota_id=(SELECT min(a.id) FROM anggota a JOIN "
		    "pertemuan m ON m.id=kehadiran.pertemuan_id WHERE a.kelompok_id<>m.kelompok_id) "
		    "WHERE (pertemuan_id, anggota_id)=" ATTENDANCE, "hadir_kelompok_lain");
}

/* The first repayment of a loan of a running cycle (no other repayment that day). */
#define FIRST_REPAYMENT "(SELECT min(a.id) FROM angsuran a JOIN pinjaman p ON p.id=a.pinjaman_id " \
	"JOIN siklus c ON c.id=p.siklus_id WHERE c.selesai IS NULL AND a.dihapus=0 AND " \
	"a.membalik_id IS NULL AND a.tanggal=(SELECT min(tanggal) FROM angsuran WHERE " \
	"pinjaman_id=a.pinjaman_id) AND NOT EXISTS (SELECT 1 FROM angsuran y WHERE " \
	"y.membalik_id=a.id))"

static void test_ledger(sk_db *db)
{
	/* A reversal of a loan's first repayment on the same day, with its posting: reversals
	 * count first within a day, so the principal repaid goes below zero there. */
	same_answer(db, "INSERT INTO angsuran(id, pinjaman_id, tanggal, pokok, jasa, membalik_id, "
		    "diubah_pada) SELECT 'a-rev', pinjaman_id, tanggal, pokok, jasa, id, diubah_pada "
		    "FROM angsuran WHERE id=" FIRST_REPAYMENT "; INSERT INTO kas(id, kelompok_id, "
		    "tanggal, buku, kategori, masuk, keluar, diubah_pada, sumber_id) SELECT 'k-rev', "
		    "kelompok_id, tanggal, buku, kategori, keluar, masuk, diubah_pada, 'a-rev' FROM kas "
		    "WHERE sumber_id=(SELECT membalik_id FROM angsuran WHERE id='a-rev')",
		    "angsuran_lebih");
	same_answer(db, "UPDATE angsuran SET pokok=pokok+1000000000 WHERE id=" FIRST_REPAYMENT
		    "; UPDATE kas SET masuk=masuk+1000000000, diubah_pada='2000-01-01T00:00:00Z' WHERE "
		    "sumber_id=" FIRST_REPAYMENT, "angsuran_lebih");
	same_answer(db, "UPDATE kas SET membalik_id=id, diubah_pada='2000-01-01T00:00:00Z' WHERE "
		    "id=(SELECT min(id) FROM kas WHERE dihapus=0 AND kategori='pembelian')",
		    "membalik_diri");
}

int main(void)
{
	sk_err e;
	int g, m;
	sk_db *db = fixture_db();
	CHECK(sample_load(db, NULL, &g, &m, &e) == SK_OK, "the sample loads");
	CHECK(db_exec(db, RULES_MERGED_SQL, &e) == SK_OK, "the table of merged rows");
	same_answer(db, NULL, NULL);
	test_sources(db);
	test_meetings(db);
	test_member_map(db);
	test_ledger(db);
	db_close(db);
	return testlib_summary();
}
