/* test_simpin_exchange.c - the savings-and-loans files of the bundle (spec/bundle.md format 2):
 * the sample's round trip is byte for byte, a second import changes nothing, and each rule of
 * docs/simpin.md section 4 broken in a bundle refuses the import with the row (file, line,
 * column) it is about, as `check` reports it on the database the bundle came from. */
#include <sys/stat.h>
#include "check.h"
#include "export.h"
#include "fixture.h"
#include "import.h"
#include "sample.h"

#define GLR01 "38134cee-e7a6-4c18-9be7-28f31451d49b"
#define GLR02 "e81de838-b52d-4e4f-a091-0b09d9aee801"

static char tmp[PATH_MAX];
static const char *const FILES[] = { "siklus.csv", "simpanan.csv", "pinjaman.csv", "angsuran.csv",
				     "denda.csv", "bagi_hasil.csv", "kas.csv" };
#define NFILES ((int)(sizeof FILES / sizeof FILES[0]))

static sk_db *open_db(const char *name)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/%s", tmp, name);
	return fixture_open(path);
}

static int do_export(sk_db *db, const char *name)
{
	char dir[PATH_MAX + 32];
	export_opts o = { 0 };
	export_result r;
	sk_err e;
	snprintf(dir, sizeof dir, "%s/%s", tmp, name);
	int rc = export_bundle(db, dir, &o, NULL, NULL, &r, &e);
	if (rc != SK_OK)
		printf("# export %s: %s\n", name, e.msg);
	return rc;
}

static int do_import(sk_db *db, const char *name, import_result *r)
{
	char dir[PATH_MAX + 32];
	const char *p[1] = { dir };
	import_opts o = { 0 };
	sk_err e;
	sk_err_clear(&e);
	snprintf(dir, sizeof dir, "%s/%s", tmp, name);
	int rc = import_paths(db, 1, p, &o, r, &e);
	if (rc != SK_OK && rc != SK_REFUSED)
		printf("# import %s: %s\n", name, e.msg);
	return rc;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	return s;
}

static int same_file(const char *a, const char *b, const char *file)
{
	char pa[PATH_MAX + 64], pb[PATH_MAX + 64];
	snprintf(pa, sizeof pa, "%s/%s/%s", tmp, a, file);
	snprintf(pb, sizeof pb, "%s/%s/%s", tmp, b, file);
	char *x = slurp(pa), *y = slurp(pb);
	int same = x && y && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* One text value of a query (no parameters). */
static void qtext(sk_db *db, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
}

static int check_hits;
static char check_text[4096];

static void on_problem(void *ctx, const char *p)
{
	(void)ctx;
	check_hits++;
	size_t len = strlen(check_text);
	snprintf(check_text + len, sizeof check_text - len, "%s\n", p);
}

/* A rule broken: sql (run on a copy of the sample inside a transaction that is rolled back
 * after the export) must make `check` report it and the import of the bundle refuse it with
 * a problem of file at a data line in column. */
static void broken(sk_db *src, sk_db *dst, const char *what, const char *sql, const char *file,
		   const char *column)
{
	static int n;
	char name[32], label[256];
	sk_err e;
	snprintf(name, sizeof name, "rule%02d", ++n);
	int rc = db_begin_write(src, &e);
	if (rc == SK_OK)
		rc = db_exec(src, sql, &e);
	if (rc != SK_OK)
		printf("# %s: %s\n", what, e.msg);
	int problems = 0;
	check_hits = 0;
	check_text[0] = '\0';
	if (rc == SK_OK)
		rc = check_run(src, on_problem, NULL, &problems, &e);
	snprintf(label, sizeof label, "%s: check reports it", what);
	CHECK(rc == SK_OK && problems > 0, label);
	if (rc == SK_OK)
		rc = do_export(src, name);
	db_end(src, 0, NULL);
	snprintf(label, sizeof label, "%s: exported", what);
	CHECK(rc == SK_OK, label);
	import_result r;
	rc = do_import(dst, name, &r);
	snprintf(label, sizeof label, "%s: the import is refused", what);
	CHECK(rc == SK_REFUSED && !r.committed, label);
	int found = 0;
	for (int i = 0; i < r.nproblems; i++) {
		const import_problem *p = &r.problems[i];
		const char *slash = strrchr(p->berkas, '/');
		if (strcmp(slash ? slash + 1 : p->berkas, file) == 0 && p->baris >= 2 &&
		    strcmp(p->kolom, column) == 0)
			found = 1;
	}
	snprintf(label, sizeof label, "%s: the problem names %s, its line and column %s", what, file,
		 column);
	CHECK(found, label);
	if (!found) {
		printf("# check said: %s", check_text);
		for (int i = 0; i < r.nproblems; i++)
			printf("#   %s %lld %s: %s\n", r.problems[i].berkas, r.problems[i].baris,
			       r.problems[i].kolom, r.problems[i].alasan);
	}
	import_result_free(&r);
}

int main(void)
{
	sk_err e;
	int g, m;
	i18n_init("id");
	testlib_tmpdir(tmp, sizeof tmp);
	sk_db *a = open_db("a.db");
	CHECK(sample_load(a, NULL, &g, &m, &e) == SK_OK, "the sample loads (its rules hold)");
	CHECK(do_export(a, "x1") == SK_OK, "export of the sample");
	sk_db *b = open_db("b.db");
	import_result r;
	CHECK(do_import(b, "x1", &r) == SK_OK && r.t[BT_SIMPANAN].added > 0 &&
	      r.t[BT_BAGI_HASIL].added > 0, "imported into another database");
	import_result_free(&r);
	CHECK(do_export(b, "x2") == SK_OK, "and exported from there");
	for (int i = 0; i < NFILES; i++) {
		char label[96];
		snprintf(label, sizeof label, "%s round-trips byte for byte", FILES[i]);
		CHECK(same_file("x1", "x2", FILES[i]), label);
	}
	CHECK(do_import(b, "x1", &r) == SK_OK && import_total(&r, 0) == 0 &&
	      import_total(&r, 1) == 0, "importing it again changes nothing");
	import_result_free(&r);
	int problems = -1;
	CHECK(check_run(b, NULL, NULL, &problems, &e) == SK_OK && problems == 0,
	      "check is clean on the copy");

	/* Rows to break. */
	char s_rosma[64], s_wajib[64], s_glr01_meet[64], p_tum[64], p_euis[64], r_tum[64],
		d_alpa[64], b_mul[64], c_glr02_2[64], k_rosma[64], k_glr02[64], other[64];
	qtext(a, "SELECT s.id FROM simpanan s JOIN anggota a ON a.id=s.anggota_id WHERE "
	      "a.nama='Rosmawati' AND s.jenis='sukarela'", s_rosma, sizeof s_rosma);
	qtext(a, "SELECT s.id FROM simpanan s JOIN anggota a ON a.id=s.anggota_id WHERE "
	      "a.nama='Hasanah' AND s.jenis='wajib' ORDER BY s.tanggal DESC LIMIT 1", s_wajib,
	      sizeof s_wajib);
	qtext(a, "SELECT id FROM pertemuan WHERE kelompok_id='" GLR01 "' AND tanggal='2026-11-06'",
	      s_glr01_meet, sizeof s_glr01_meet);
	qtext(a, "SELECT id FROM pinjaman WHERE tujuan='Gerobak nasi uduk'", p_tum, sizeof p_tum);
	qtext(a, "SELECT id FROM pinjaman WHERE tujuan='Tambah modal kue kering'", p_euis, sizeof p_euis);
	qtext(a, "SELECT id FROM angsuran WHERE pinjaman_id=(SELECT id FROM pinjaman WHERE "
	      "tujuan='Gerobak nasi uduk') ORDER BY tanggal LIMIT 1", r_tum, sizeof r_tum);
	qtext(a, "SELECT id FROM denda WHERE jenis='alpa' LIMIT 1", d_alpa, sizeof d_alpa);
	qtext(a, "SELECT b.id FROM bagi_hasil b JOIN anggota a ON a.id=b.anggota_id WHERE "
	      "a.nama='Mulyadi'", b_mul, sizeof b_mul);
	qtext(a, "SELECT id FROM siklus WHERE kelompok_id='" GLR02 "' AND nomor=2", c_glr02_2,
	      sizeof c_glr02_2);
	qtext(a, "SELECT id FROM kas WHERE sumber_id=(SELECT s.id FROM simpanan s JOIN anggota a ON "
	      "a.id=s.anggota_id WHERE a.nama='Rosmawati' AND s.jenis='sukarela')", k_rosma,
	      sizeof k_rosma);
	qtext(a, "SELECT id FROM kas WHERE kelompok_id='" GLR02 "' AND buku='simpin' AND "
	      "tanggal='2026-06-05' LIMIT 1", k_glr02, sizeof k_glr02);
	qtext(a, "SELECT id FROM anggota WHERE kelompok_id='" GLR02 "' LIMIT 1", other, sizeof other);

	char sql[1024];
#define BREAK(what, file, col, ...) \
	do { \
		snprintf(sql, sizeof sql, __VA_ARGS__); \
		broken(a, b, what, sql, file, col); \
	} while (0)
	/* Cycles. */
	BREAK("C1 two open cycles", "siklus.csv", "selesai", "UPDATE siklus SET selesai=NULL, "
	      "mulai='2026-11-01' WHERE kelompok_id='%s' AND nomor=1", GLR02);
	BREAK("C2 a number twice", "siklus.csv", "nomor", "UPDATE siklus SET nomor=1 WHERE id='%s'",
	      c_glr02_2);
	BREAK("C3 cycles overlapping", "siklus.csv", "mulai", "UPDATE siklus SET mulai='2026-09-15' "
	      "WHERE id='%s'", c_glr02_2);
	BREAK("C4 a group deleted with its cycle open", "kelompok.csv", "dihapus", "UPDATE kelompok "
	      "SET dihapus=1 WHERE id='%s'; UPDATE anggota SET dihapus=1 WHERE kelompok_id='%s'",
	      GLR01, GLR01);
	BREAK("C6 a closed cycle's ledger row changed later", "kas.csv", "diubah_pada",
	      "UPDATE kas SET uraian='diubah', diubah_pada='2026-10-05T00:00:00Z' WHERE id='%s'",
	      k_glr02);
	/* Savings. */
	BREAK("S1 savings of a member of another group", "simpanan.csv", "anggota_id",
	      "UPDATE simpanan SET anggota_id='%s' WHERE id='%s'", other, s_rosma);
	BREAK("S2 a balance below zero", "simpanan.csv", "tarik", "UPDATE simpanan SET setor=0, "
	      "tarik=25000 WHERE id='%s'; UPDATE kas SET masuk=0, keluar=25000, kategori='penarikan' "
	      "WHERE sumber_id='%s'", s_rosma, s_rosma);
	BREAK("S3 wajib withdrawn", "simpanan.csv", "tarik", "UPDATE simpanan SET setor=0, "
	      "tarik=10000, tanggal='2026-11-20' WHERE id='%s'", s_wajib);
	BREAK("S4 dated before its cycle", "simpanan.csv", "tanggal", "UPDATE simpanan SET "
	      "tanggal='2026-09-01', pertemuan_id=NULL WHERE id='%s'", s_rosma);
	BREAK("S5 a reversal of nothing", "simpanan.csv", "membalik_id", "INSERT INTO simpanan(id, "
	      "siklus_id, anggota_id, tanggal, jenis, setor, tarik, membalik_id, diubah_pada) SELECT "
	      "'00000000-0000-4000-8000-000000000005', siklus_id, anggota_id, tanggal, jenis, 0, "
	      "setor, '00000000-0000-4000-8000-000000000009', diubah_pada FROM simpanan WHERE id='%s'",
	      s_rosma);
	BREAK("S6 recorded at a meeting of another day", "simpanan.csv", "pertemuan_id",
	      "UPDATE simpanan SET pertemuan_id='%s' WHERE id='%s'", s_glr01_meet, s_rosma);
	BREAK("savings dated after today", "simpanan.csv", "tanggal", "UPDATE simpanan SET "
	      "tanggal='2099-01-01', pertemuan_id=NULL WHERE id='%s'", s_rosma);
	/* Loans. */
	BREAK("L1 a loan to a member of another group", "pinjaman.csv", "anggota_id",
	      "UPDATE pinjaman SET anggota_id='%s' WHERE id='%s'", other, p_tum);
	BREAK("L2 a loan above the limit", "pinjaman.csv", "pokok", "UPDATE pinjaman SET "
	      "pokok=900000 WHERE id='%s'; UPDATE kas SET keluar=900000 WHERE sumber_id='%s'", p_tum,
	      p_tum);
	BREAK("L3 a loan above the fund's cash", "kas.csv", "keluar", "UPDATE pinjaman SET "
	      "pokok=5000000 WHERE id='%s'; UPDATE kas SET keluar=5000000 WHERE sumber_id='%s'",
	      p_euis, p_euis);
	BREAK("L5 written off before it was made", "pinjaman.csv", "dihapusbukukan_pada",
	      "UPDATE pinjaman SET dihapusbukukan_pada='2026-01-01' WHERE id='%s'", p_tum);
	BREAK("L5 a deleted loan with repayments", "pinjaman.csv", "dihapus", "UPDATE pinjaman SET "
	      "dihapus=1 WHERE id='%s'; UPDATE kas SET dihapus=1 WHERE sumber_id='%s'", p_tum, p_tum);
	/* Repayments. */
	BREAK("A1 principal repaid above the loan", "angsuran.csv", "pokok", "UPDATE angsuran SET "
	      "pokok=pokok+140000 WHERE id='%s'; UPDATE kas SET masuk=masuk+140000 WHERE "
	      "sumber_id='%s'", r_tum, r_tum);
	BREAK("A2 repaid before the loan", "angsuran.csv", "tanggal", "UPDATE angsuran SET "
	      "tanggal='2026-10-20', pertemuan_id=NULL WHERE id='%s'", r_tum);
	BREAK("A3 a reversal of another loan's repayment", "angsuran.csv", "membalik_id",
	      "INSERT INTO angsuran(id, pinjaman_id, tanggal, pokok, jasa, membalik_id, diubah_pada) "
	      "SELECT '00000000-0000-4000-8000-000000000006', '%s', tanggal, pokok, jasa, id, "
	      "diubah_pada FROM angsuran WHERE id='%s'", p_euis, r_tum);
	/* Fines. */
	BREAK("D1 a fine of a member of another group", "denda.csv", "anggota_id",
	      "UPDATE denda SET anggota_id='%s' WHERE id='%s'", other, d_alpa);
	BREAK("D2 waived and paid", "denda.csv", "dibebaskan", "UPDATE denda SET dibebaskan=1 "
	      "WHERE id='%s'", d_alpa);
	/* The share-out. */
	BREAK("B1 two rows of one member", "bagi_hasil.csv", "anggota_id", "INSERT INTO "
	      "bagi_hasil(id, siklus_id, anggota_id, simpanan, bagian_hasil, potongan, dibayar, "
	      "diubah_pada) SELECT '00000000-0000-4000-8000-000000000007', siklus_id, anggota_id, 0, "
	      "0, 0, 0, diubah_pada FROM bagi_hasil WHERE id='%s'", b_mul);
	BREAK("B2 paid out more than it adds up to", "bagi_hasil.csv", "dibayar", "UPDATE bagi_hasil "
	      "SET dibayar=dibayar+1 WHERE id='%s'", b_mul);
	BREAK("B3 savings at the close not the balance", "bagi_hasil.csv", "simpanan",
	      "UPDATE bagi_hasil SET simpanan=simpanan+1000, dibayar=dibayar+1000 WHERE id='%s'",
	      b_mul);
	BREAK("B4 a part not shared by the method", "bagi_hasil.csv", "bagian_hasil",
	      "UPDATE bagi_hasil SET bagian_hasil=bagian_hasil+100, dibayar=dibayar+100 WHERE "
	      "id='%s'; UPDATE kas SET keluar=keluar+100 WHERE sumber_id='%s' AND "
	      "kategori='bagi_hasil'", b_mul, b_mul);
	/* Ledger rows against their sources. */
	BREAK("R-K1 a posting not matching its source", "kas.csv", "masuk", "UPDATE kas SET "
	      "masuk=masuk+1 WHERE id='%s'", k_rosma);
	BREAK("R-K2 a posting in the wrong book", "kas.csv", "sumber_id", "UPDATE kas SET "
	      "buku='umum' WHERE id='%s'", k_rosma);
	BREAK("a cycle changed a day after this clock", "siklus.csv", "diubah_pada", "UPDATE siklus "
	      "SET diubah_pada='2099-01-01T00:00:00Z' WHERE id='%s'", c_glr02_2);
	db_close(a);
	db_close(b);
	return testlib_summary();
}
