/* test_table.c - the column descriptor (table.h) on the penilaian table: the statements it
 * builds, binds and reads by name through a save and a reload (NULL figures included), the
 * parse of an import row's text, and the bundle's column list agreeing with it. */
#include "assessment.h"
#include "evaluation.h"
#include "group.h"
#include "member.h"
#include "meeting.h"
#include "cashbook.h"
#include "bundle.h"
#include "simpin.h"
#include "fixture.h"

#define G1 "11111111-1111-4111-8111-111111111111"
#define M1 "aaaaaaaa-0000-4000-8000-000000000001"

static void test_statements(void)
{
	const char *get = table_get_sql(&ASSESSMENT_TABLE);
	CHECK(strncmp(get, "SELECT id, anggota_id, tanggal, penilai, k01, k02,", 50) == 0 &&
	      strstr(get, " FROM penilaian WHERE id=:id") != NULL, "get: every column by key");
	const char *ins = table_insert_sql(&ASSESSMENT_TABLE);
	char last[64];
	snprintf(last, sizeof last, ", ?%d, " DB_STORED_SQL ")", ASSESSMENT_TABLE.ncols);
	CHECK(strstr(ins, "INSERT INTO penilaian(id, anggota_id,") == ins &&
	      strstr(ins, ", disimpan_pada) VALUES(?1, ?2, ?3,") != NULL &&
	      strstr(ins, last) != NULL, "insert: every column by its number, stamped");
	const char *upd = table_update_sql(&ASSESSMENT_TABLE);
	CHECK(strstr(upd, "UPDATE penilaian SET anggota_id=?2, tanggal=?3,") == upd &&
	      strstr(upd, "SET id=") == NULL && strstr(upd, " WHERE id=?1") != NULL,
	      "update: every other column, by key, each by its number");
	CHECK(table_get_sql(&ASSESSMENT_TABLE) == get, "built once: a stable string for the cache");
	CHECK(table_col_index(&ASSESSMENT_TABLE, "k14") == 17 &&
	      table_col_index(&ASSESSMENT_TABLE, "nope") == -1, "columns by name");
}

/* Every column of the bundle's file b, in its order, is a column of the descriptor t that is
 * not local; derived and free-text columns agree. */
static int agrees(const bundle_table_def *b, const table_def *t)
{
	int j = 0, same = 1;
	for (int i = 0; i < t->ncols; i++) {
		const table_col *c = &t->cols[i];
		if (c->flags & TC_LOCAL)
			continue;
		if (j >= b->ncols || strcmp(b->cols[j].name, c->name) != 0 ||
		    ((c->flags & TC_DERIVED) != 0) != (b->cols[j].kind == BC_DERIVED) ||
		    ((c->flags & TC_FREE) != 0) != (b->cols[j].kind == BC_TEXT)) {
			printf("# column %s differs from the bundle's %s\n", c->name,
			       j < b->ncols ? b->cols[j].name : "(none)");
			same = 0;
		}
		j++;
	}
	return same && j == b->ncols;
}

static void test_bundle_agrees(void)
{
	CHECK(agrees(&BUNDLE_TABLES[BT_PENILAIAN], &ASSESSMENT_TABLE),
	      "the bundle's penilaian columns are the descriptor's");
	CHECK(agrees(&BUNDLE_TABLES[BT_EVALUASI], &EVALUATION_TABLE),
	      "the bundle's evaluasi columns are the descriptor's");
	CHECK(agrees(&BUNDLE_TABLES[BT_KELOMPOK], &KELOMPOK_TABLE),
	      "the bundle's kelompok columns are the descriptor's");
	CHECK(agrees(&BUNDLE_TABLES[BT_ANGGOTA], &ANGGOTA_TABLE),
	      "the bundle's anggota columns are the descriptor's");
	CHECK(agrees(&BUNDLE_TABLES[BT_PERTEMUAN], &PERTEMUAN_TABLE),
	      "the bundle's pertemuan columns are the descriptor's");
	CHECK(agrees(&BUNDLE_TABLES[BT_KEHADIRAN], &KEHADIRAN_TABLE),
	      "the bundle's kehadiran columns are the descriptor's");
	CHECK(agrees(&BUNDLE_TABLES[BT_KAS], &KAS_TABLE), "the bundle's kas columns are the descriptor's");
	CHECK(agrees(&BUNDLE_TABLES[BT_TUTUP_BUKU], &TUTUP_KAS_TABLE),
	      "the bundle's tutup_buku columns are the descriptor's");
	CHECK(strstr(table_update_sql(&KEHADIRAN_TABLE), " WHERE pertemuan_id=?1 AND "
		     "anggota_id=?2") != NULL, "a two-column key: both in the WHERE");
	CHECK(strstr(table_get_sql(&KEHADIRAN_TABLE), " WHERE pertemuan_id=:pertemuan_id AND "
		     "anggota_id=:anggota_id") != NULL, "get: a two-column key by name");
}

/* Every stored table's insert and update, prepared: column i of the descriptor is parameter
 * i+1 (what table_store binds by position), the update has no other, and the insert only the
 * extra column after them, by its name. */
static void test_numbered(sk_db *db)
{
	const table_def *all[] = { &KELOMPOK_TABLE, &ANGGOTA_TABLE, &ASSESSMENT_TABLE,
				   &PERTEMUAN_TABLE, &KEHADIRAN_TABLE, &KAS_TABLE, &TUTUP_KAS_TABLE,
				   &CYCLE_TABLE, &SAVING_TABLE, &LOAN_TABLE, &REPAY_TABLE,
				   &FINE_TABLE, &SHARE_TABLE, &EVALUATION_TABLE };
	int bad = 0;
	for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
		const table_def *t = all[k];
		const char *sql[2] = { table_insert_sql(t), table_update_sql(t) };
		for (int w = 0; w < 2; w++) {
			sk_err e;
			sqlite3_stmt *st = db_prepare(db, sql[w], &e);
			int extra = w == 0 && t->extra;
			if (!st || sqlite3_bind_parameter_count(st) != t->ncols + extra) {
				printf("# %s: %s\n", t->name, st ? "parameter count" : e.msg);
				bad++;
				continue;
			}
			for (int i = 0; i < t->ncols; i++) {
				char want[16];
				snprintf(want, sizeof want, "?%d", i + 1);
				const char *got = sqlite3_bind_parameter_name(st, i + 1);
				if (!got || strcmp(got, want) != 0) {
					printf("# %s column %s: %s\n", t->name, t->cols[i].name,
					       got ? got : "(none)");
					bad++;
				}
			}
			char name[64];
			snprintf(name, sizeof name, ":%s", extra ? t->extra : "");
			if (extra && sqlite3_bind_parameter_index(st, name) != t->ncols + 1)
				bad++;
		}
	}
	CHECK(bad == 0, "every table's insert and update: column i is parameter i+1");
}

static void test_round_trip(sk_db *db)
{
	sk_err e;
	CHECK(db_exec_write(db, "INSERT INTO kelompok(id,nama,kode_wilayah,diubah_pada) VALUES('" G1
			    "','Melati','31.71.08.1003','2025-01-01T00:00:00Z');"
			    "INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,"
			    "diubah_pada) VALUES('" M1 "','" G1 "','3171081208800001',"
			    "'3171081503100007','Ani','P','2025-01-01T00:00:00Z')", &e) == SK_OK,
	      "fixture rows");
	sk_assessment a, got;
	assessment_init(&a, M1);
	sk_uuid_new(a.id);
	strcpy(a.tanggal, "2025-02-01");
	strcpy(a.penilai, "Pendamping");
	a.k[0] = a.k[13] = 1;
	a.has_luas = 1;
	a.luas_lantai_m2 = 21.5;
	a.has_tabungan = 1;
	a.nilai_tabungan = 250000;
	strcpy(a.ditimpa, "k14");
	assessment_score(&a, 9);
	strcpy(a.diubah_pada, "2025-02-01T00:00:00Z");
	CHECK(FIXTURE_WRITE(db, assessment_store_raw(db, &a, 1, &e)) == SK_OK, "insert");
	CHECK(assessment_get(db, a.id, &got, &e) == SK_OK, "get");
	CHECK(memcmp(got.k, a.k, sizeof a.k) == 0 && got.k[13] == 1 && got.k[12] == 0,
	      "criteria by name");
	CHECK(got.has_luas && got.luas_lantai_m2 == 21.5 && !got.has_jiwa && !got.has_penghasilan &&
	      got.has_tabungan && got.nilai_tabungan == 250000, "figures and their NULLs");
	CHECK_STR(got.ditimpa, "k14", "local column kept");
	CHECK(strcmp(got.penilai, "Pendamping") == 0 && got.skor == 2 &&
	      strcmp(got.kategori, "tidak_miskin") == 0, "text and derived columns");
	got.has_luas = 0;
	got.has_jiwa = 1;
	got.jumlah_jiwa = 4;
	CHECK(FIXTURE_WRITE(db, assessment_store_raw(db, &got, 0, &e)) == SK_OK, "update");
	sk_assessment again;
	CHECK(assessment_get(db, a.id, &again, &e) == SK_OK && !again.has_luas &&
	      again.has_jiwa && again.jumlah_jiwa == 4, "a figure taken away is NULL again");
	CHECK_STR(again.diubah_pada, "2025-02-01T00:00:00Z", "a raw update keeps the row's stamp");
	CHECK(FIXTURE_WRITE(db, assessment_store_raw(db, &(sk_assessment){ .id = "nope" }, 0, &e)) ==
	      SK_NOTFOUND, "updating a missing row: not found");
	/* Reads go by name: a statement with the columns in another order fills the same fields. */
	sqlite3_stmt *st = db_prepare(db, "SELECT jumlah_jiwa, k14, id, 7 AS lain FROM penilaian "
				      "WHERE id=:id", &e);
	sk_assessment part;
	memset(&part, 0, sizeof part);
	db_bind_text(st, ":id", a.id);
	CHECK(db_step(db, st, &e) == SQLITE_ROW, "a statement of a few columns");
	table_read(&ASSESSMENT_TABLE, st, &part);
	db_reset(st);
	CHECK(part.has_jiwa && part.jumlah_jiwa == 4 && part.k[13] == 1 && part.k[0] == 0 &&
	      strcmp(part.id, a.id) == 0 && !*part.tanggal, "read by name, in any order");
}

/* n penilaian rows of member M1 into b (ids ...0100 + i, dates in February 2025); row bad
 * (or -1) breaks a CHECK of the table (k01 = 2). The status of the first add or the flush
 * that fails. */
static int batch_rows(sk_db *db, table_batch *b, int n, int bad, sk_err *e)
{
	int rc = SK_OK;
	for (int i = 0; i < n && rc == SK_OK; i++) {
		sk_assessment a;
		assessment_init(&a, M1);
		snprintf(a.id, sizeof a.id, "bbbbbbbb-0000-4000-8000-%012d", 100 + i);
		snprintf(a.tanggal, sizeof a.tanggal, "2025-02-%02d", 1 + i % 28);
		strcpy(a.diubah_pada, "2025-03-01T00:00:00Z");
		a.k[i % ASSESSMENT_CRITERIA] = i == bad ? 2 : 1;
		a.has_luas = i % 2;
		a.luas_lantai_m2 = i;
		assessment_score(&a, 9);
		rc = table_batch_add(db, b, &a, e);
	}
	return rc == SK_OK ? table_batch_flush(db, b, e) : rc;
}

/* table_batch: two full multi-row inserts and five rows one by one store what table_store
 * would (NULL figures, the summary trigger of every row); a row the table refuses fails the
 * batch, and the transaction stores none of it. */
static void test_batch(sk_db *db)
{
	sk_err e;
	table_batch b;
	int64_t before = -1, after = -1;
	sqlite3_stmt *count = db_prepare(db, "SELECT count(*) FROM penilaian", &e);
	db_count(db, count, &before, &e);
	table_batch_init(&b, &ASSESSMENT_TABLE, sizeof(sk_assessment), "");
	CHECK(FIXTURE_WRITE(db, batch_rows(db, &b, 2 * TABLE_BATCH_ROWS + 5, -1, &e)) == SK_OK,
	      "a batch of 37 rows");
	count = db_prepare(db, "SELECT count(*) FROM penilaian", &e);
	db_count(db, count, &after, &e);
	CHECK(after == before + 2 * TABLE_BATCH_ROWS + 5, "every row stored");
	int same = 0;
	for (int i = 0; i < 2 * TABLE_BATCH_ROWS + 5; i++) {
		sk_assessment got;
		char id[SK_UUID_LEN + 1];
		snprintf(id, sizeof id, "bbbbbbbb-0000-4000-8000-%012d", 100 + i);
		same += assessment_get(db, id, &got, &e) == SK_OK && got.k[i % 14] == 1 &&
			got.skor == 1 && got.has_luas == i % 2 && (!got.has_luas ||
			got.luas_lantai_m2 == i) && strcmp(got.diubah_pada, "2025-03-01T00:00:00Z") == 0;
	}
	CHECK(same == 2 * TABLE_BATCH_ROWS + 5, "each row as given, NULL figures NULL");
	char latest[64] = "";
	db_text(db, db_prepare(db, "SELECT tanggal FROM nilai_anggota WHERE anggota_id='" M1 "'",
			       &e), latest, sizeof latest, &e);
	CHECK_STR(latest, "2025-02-28", "the summary trigger ran for the rows of a batch");
	table_batch_free(&b);
	table_batch_init(&b, &ASSESSMENT_TABLE, sizeof(sk_assessment), "");
	int rc = FIXTURE_WRITE(db, batch_rows(db, &b, TABLE_BATCH_ROWS + 3, 5, &e));
	table_batch_free(&b);
	count = db_prepare(db, "SELECT count(*) FROM penilaian", &e);
	db_count(db, count, &before, &e);
	CHECK(rc == SK_DBERR && before == after, "a row the table refuses: an error, none stored");
}

/* An import row's text into the struct: the parse every store shares. */
static void test_import_text(void)
{
	sk_assessment a;
	memset(&a, 0, sizeof a);
	const table_def *t = &ASSESSMENT_TABLE;
	int luas = table_col_index(t, "luas_lantai_m2"), jiwa = table_col_index(t, "jumlah_jiwa");
	int pengh = table_col_index(t, "penghasilan_bulanan"), k05 = table_col_index(t, "k05");
	CHECK(table_set_text(t, luas, &a, "21.5") == 0 && a.has_luas && a.luas_lantai_m2 == 21.5,
	      "a decimal with a point");
	CHECK(table_set_text(t, luas, &a, "21,5") == -1 && a.luas_lantai_m2 == 21.5,
	      "a comma is refused and the field kept");
	CHECK(table_set_text(t, luas, &a, "") == 0 && !a.has_luas, "empty is NULL");
	CHECK(table_set_text(t, jiwa, &a, "4") == 0 && a.has_jiwa && a.jumlah_jiwa == 4, "an int");
	CHECK(table_set_text(t, jiwa, &a, "4x") == -1 && table_set_text(t, jiwa, &a, " 4") == -1 &&
	      table_set_text(t, jiwa, &a, "99999999999") == -1, "not a whole int: refused");
	CHECK(table_set_text(t, pengh, &a, "9000000000") == 0 && a.penghasilan_bulanan == 9000000000LL,
	      "rupiah in 64 bits");
	CHECK(table_set_text(t, k05, &a, "1") == 0 && a.k[4] == 1 &&
	      table_set_text(t, k05, &a, "") == 0 && a.k[4] == 0, "a criterion; empty is 0");
	char long_name[600];
	memset(long_name, 'a', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	CHECK(table_set_text(t, table_col_index(t, "penilai"), &a, long_name) == 0 &&
	      strlen(a.penilai) == sizeof a.penilai - 1, "text cut to its field");
}

/* A new row's defaults, from src/tables.tsv: the values the stores' _init functions had. */
static void test_defaults(void)
{
	char today[11];
	sk_today(today);
	sk_loan l;
	memset(&l, 0x55, sizeof l);
	loan_init(&l);
	CHECK(strcmp(l.tanggal, today) == 0 && strcmp(l.metode_jasa, "flat") == 0 &&
	      l.jumlah_angsuran == 12 && strcmp(l.jarak_angsuran, "minggu") == 0 &&
	      strcmp(l.sumber, "simpin") == 0 && l.pokok == 0 && !*l.id && !*l.tujuan,
	      "a loan: dated today, flat, 12 weekly instalments from simpin, the rest zero");
	sk_cycle c;
	cycle_init(&c, "g1");
	CHECK(c.nomor == 1 && strcmp(c.mulai, today) == 0 && strcmp(c.metode_jasa, "flat") == 0 &&
	      strcmp(c.metode_bagi, "simpanan") == 0 && strcmp(c.kelompok_id, "g1") == 0 &&
	      !c.has_batas && !*c.selesai, "a cycle: number 1 of its group from today");
	sk_saving s;
	sk_fine f;
	sk_repay r;
	sk_share b;
	memset(&b, 0x55, sizeof b);
	saving_init(&s);
	fine_init(&f);
	repay_init(&r);
	share_init(&b);
	CHECK(strcmp(s.jenis, "wajib") == 0 && strcmp(f.jenis, "lainnya") == 0 &&
	      strcmp(s.tanggal, today) == 0 && strcmp(f.tanggal, today) == 0 &&
	      strcmp(r.tanggal, today) == 0 && b.simpanan == 0 && !*b.id,
	      "savings wajib, a fine lainnya, dated today; a share-out row all zero");
	sk_group g;
	memset(&g, 0x55, sizeof g);
	table_init(&KELOMPOK_TABLE, &g, sizeof g);
	CHECK(!*g.id && g.iuran_kas == 0 && g.dihapus == 0, "no defaults: all zero");
}

int main(void)
{
	sk_db *db = fixture_db();
	test_statements();
	test_bundle_agrees();
	test_numbered(db);
	test_round_trip(db);
	test_batch(db);
	test_import_text();
	test_defaults();
	db_close(db);
	return testlib_summary();
}
