/* test_simpin_meeting.c - a meeting with its savings and loans (docs/simpin.md section 7): the
 * prefill (wajib of present members, pokok once, repayments due), the fines the roll call and
 * a late repayment raise, a new loan refused above the limit with the numbers, the cash per
 * book, saving everything in one transaction (a refusal stores nothing), and deleting the
 * meeting with its movements; `check` clean after each. */
#include "cashbook.h"
#include "check.h"
#include "kube_fixture.h"
#include "simpin_book.h"
#include "simpin_meeting.h"

static sk_attendance rows[MEETING_MAX_ROWS];
static sk_attendee names[MEETING_MAX_ROWS];
static sk_meeting_money mm;

static int problems(sk_db *db)
{
	int n = -1;
	sk_err e;
	if (check_run(db, kube_count_problem, NULL, &n, &e) != SK_OK)
		return -1;
	return n;
}

/* A new meeting of group g on date with everyone present; *n rows. */
static void propose(sk_db *db, const char *g, const char *date, sk_meeting *m, int *n)
{
	sk_err e;
	if (meeting_propose(db, g, m, rows, names, MEETING_MAX_ROWS, n, &e) != SK_OK)
		printf("# propose: %s\n", e.msg);
	sk_strlcpy(m->tanggal, date, sizeof m->tanggal);
	if (simpin_meeting_prepare(db, m, rows, names, *n, &mm, &e) != SK_OK)
		printf("# prepare: %s\n", e.msg);
}

static int row_of(int n, const char *anggota_id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(rows[i].anggota_id, anggota_id) == 0)
			return i;
	return -1;
}

static int repay_of(const char *anggota_id)
{
	for (int i = 0; i < mm.nrep; i++)
		if (strcmp(mm.rep[i].anggota_id, anggota_id) == 0)
			return i;
	return -1;
}

static void add_loan(const char *anggota_id, int64_t pokok)
{
	sk_meeting_loan *l = &mm.loan[mm.nloan++];
	memset(l, 0, sizeof *l);
	sk_strlcpy(l->anggota_id, anggota_id, sizeof l->anggota_id);
	l->pokok = pokok;
	l->jumlah_angsuran = 4;
	sk_strlcpy(l->jarak, "minggu", sizeof l->jarak);
	sk_strlcpy(l->sumber, "simpin", sizeof l->sumber);
}

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	sk_issues is;
	sk_meeting m;
	int n, page, row;
	kube_group(db, "m1", 10);
	/* The meetings below are of 2025: the members joined before them (a meeting lists only
	 * the members of its day). */
	CHECK(db_exec_write(db, "UPDATE anggota SET tanggal_masuk='2024-12-01' WHERE "
			    "kelompok_id='m1' AND tanggal_keluar IS NULL", &e) == SK_OK, "members since 2024");
	sk_cycle c;
	cycle_init(&c, "m1");
	sk_strlcpy(c.mulai, "2025-01-01", sizeof c.mulai);
	c.simpanan_pokok = 20000;
	c.simpanan_wajib = 10000;
	c.jasa_persen_bulan = 200;
	c.has_batas = 1;
	c.batas_pinjaman_kali = 200;
	c.denda_alpa = 5000;
	c.denda_terlambat = 2000;
	CHECK(simpin_cycle_start(db, &c, &is, &e) == SK_OK, "a cycle");

	/* Meeting 1: everyone pays pokok and wajib; two loans. */
	propose(db, "m1", "2025-01-06", &m, &n);
	CHECK(mm.has_cycle && mm.nsav == n && n == 10, "a savings row per attendance row");
	CHECK(mm.sav[0].setor[SIMPIN_WAJIB] == 10000 && mm.sav[0].setor[SIMPIN_POKOK] == 20000,
	      "wajib and the first pokok prefilled");
	CHECK(mm.nrep == 0 && mm.nfine == 0, "nothing due, nothing raised");
	add_loan("m1-a07", 70000);
	CHECK(simpin_meeting_check_loan(db, "m1", m.tanggal, rows, n, &mm, 0, &e) == SK_REFUSED,
	      "a loan above the limit with this meeting's savings is refused");
	CHECK_STR(e.msg, "Pinjaman Rp 70.000 melebihi batas Rp 60.000 (2 × simpanan Rp 30.000).",
		  "the refusal says the numbers");
	mm.loan[0].pokok = 50000;
	CHECK(simpin_meeting_check_loan(db, "m1", m.tanggal, rows, n, &mm, 0, &e) == SK_OK,
	      "within the limit, counting this meeting's savings (count first, lend last)");
	add_loan("m1-a05", 40000);
	add_loan("m1-a06", 250000);
	mm.loan[2].pokok = 60000;
	sk_meeting_cash cash[3];
	CHECK(simpin_meeting_cash(db, "m1", m.tanggal, rows, n, &mm, cash, &e) == SK_OK &&
	      cash[2].masuk == 300000 && cash[2].keluar == 150000 && cash[2].akhir == 150000 &&
	      cash[0].masuk == 50000 && cash[1].masuk == 10000, "cash on hand per book");
	/* A refused save stores nothing: a fourth loan beyond the fund. */
	add_loan("m1-a08", 60000);
	add_loan("m1-a09", 60000);
	add_loan("m1-a10", 60000);
	CHECK(simpin_meeting_save(db, &m, rows, n, &mm, &is, &page, &row, &e) == SK_REFUSED &&
	      page == SM_PAGE_LOANS && row == 5, "a loan beyond the cash refuses the save, on its row");
	CHECK(!*m.id && kube_int(db, "SELECT count(*) FROM pertemuan") == 0 &&
	      kube_int(db, "SELECT count(*) FROM simpanan") == 0, "and nothing is stored");
	mm.nloan = 3;
	CHECK(simpin_meeting_save(db, &m, rows, n, &mm, &is, &page, &row, &e) == SK_OK,
	      "the meeting saved with its savings and loans");
	CHECK(kube_int(db, "SELECT count(*) FROM simpanan WHERE dihapus=0") == 20 &&
	      kube_int(db, "SELECT count(*) FROM pinjaman WHERE dihapus=0") == 3, "every row stored");
	CHECK(kube_kas_sum(db, "kelompok_id='m1' AND buku='simpin'") == 150000, "the simpin book");
	CHECK(kube_int(db, "SELECT count(*) FROM kas WHERE sumber_id IS NOT NULL AND pertemuan_id "
		       "IS NOT NULL") == 0, "postings of the movements carry no pertemuan_id");
	CHECK(problems(db) == 0, "check clean after the first meeting");
	char first[SK_UUID_LEN + 1];
	sk_strlcpy(first, m.id, sizeof first);

	/* Meeting 2: repayments due; a05 pays nothing. */
	propose(db, "m1", "2025-01-13", &m, &n);
	CHECK(mm.sav[0].setor[SIMPIN_POKOK] == 0 && mm.sav[0].setor[SIMPIN_WAJIB] == 10000,
	      "pokok is prefilled once per cycle");
	int r7 = repay_of("m1-a07"), r5 = repay_of("m1-a05");
	CHECK(mm.nrep == 3 && r7 >= 0 && r5 >= 0, "a repayment row per borrower with something due");
	CHECK(r7 >= 0 && mm.rep[r7].pokok == 12500 && mm.rep[r7].jasa == 250,
	      "prefilled with the instalment due");
	if (r5 >= 0)
		mm.rep[r5].pokok = mm.rep[r5].jasa = 0;
	CHECK(simpin_meeting_save(db, &m, rows, n, &mm, &is, &page, &row, &e) == SK_OK,
	      "the second meeting saved");

	/* Meeting 3: a03 absent, a05 repays late. */
	propose(db, "m1", "2025-01-20", &m, &n);
	int a3 = row_of(n, "m1-a03");
	sk_strlcpy(rows[a3].status, "A", sizeof rows[a3].status);
	rows[a3].iuran_kas = rows[a3].iuran_iks = 0;
	simpin_meeting_prefill_saving(db, &mm, "A", &mm.sav[a3], &e);
	CHECK(mm.sav[a3].setor[SIMPIN_WAJIB] == 0, "an absent member gets no prefill");
	r5 = repay_of("m1-a05");
	CHECK(r5 >= 0 && mm.rep[r5].pokok == 20000 && mm.rep[r5].jasa == 400,
	      "two instalments due for the borrower who missed one");
	CHECK(simpin_meeting_fines(db, &mm, m.tanggal, rows, names, n, &e) == SK_OK &&
	      mm.nfine == 2, "an absence fine and a late fine raised");
	CHECK(mm.nfine == 2 && strcmp(mm.fine[0].jenis, "alpa") == 0 && mm.fine[0].jumlah == 5000 &&
	      strcmp(mm.fine[1].jenis, "terlambat") == 0 && mm.fine[1].jumlah == 2000,
	      "alpa Rp 5.000, terlambat Rp 2.000 (one late instalment)");
	mm.fine[0].bayar = mm.fine[1].bayar = 1;
	CHECK(simpin_meeting_fines(db, &mm, m.tanggal, rows, names, n, &e) == SK_OK &&
	      mm.fine[0].bayar && mm.fine[1].bayar, "raising again keeps the paid marks");
	CHECK(simpin_meeting_save(db, &m, rows, n, &mm, &is, &page, &row, &e) == SK_OK,
	      "the third meeting saved");
	CHECK(kube_kas_sum(db, "kelompok_id='m1' AND buku='simpin' AND kategori='denda'") == 7000,
	      "the fines paid are in the simpin book");
	CHECK(problems(db) == 0, "check clean after the third meeting");

	/* Meeting 4: an older fine paid later. */
	propose(db, "m1", "2025-01-27", &m, &n);
	CHECK(simpin_meeting_rows(db, first) == 23, "the first meeting's movements counted");
	sk_meeting stored;
	CHECK(meeting_get(db, first, &stored, &e) == SK_OK, "the first meeting");
	sk_strlcpy(stored.tanggal, "2025-01-07", sizeof stored.tanggal);
	int sn;
	static sk_attendance srows[MEETING_MAX_ROWS];
	meeting_load(db, first, &stored, srows, NULL, MEETING_MAX_ROWS, &sn, &e);
	sk_strlcpy(stored.tanggal, "2025-01-07", sizeof stored.tanggal);
	CHECK(simpin_meeting_save(db, &stored, srows, sn, NULL, &is, &page, &row, &e) == SK_REFUSED &&
	      page == SM_PAGE_MEETING, "the date of a meeting with movements stays");
	CHECK(simpin_meeting_delete(db, first, &e) == SK_REFUSED,
	      "a meeting whose loans were repaid since is not deleted");
	/* The last meeting deleted: its savings, repayments and fines reversed. */
	char third[SK_UUID_LEN + 1];
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM pertemuan WHERE tanggal='2025-01-20'", &e);
	if (db_step(db, st, &e) == SQLITE_ROW)
		db_col_text(st, 0, third, sizeof third);
	db_reset(st);
	int64_t before = kube_kas_sum(db, "kelompok_id='m1' AND buku='simpin'");
	CHECK(simpin_meeting_delete(db, third, &e) == SK_OK, "the third meeting deleted");
	CHECK(kube_int(db, "SELECT count(*) FROM denda WHERE dihapus=0") == 0 &&
	      kube_kas_sum(db, "kelompok_id='m1' AND buku='simpin' AND kategori='denda'") == 0,
	      "its fines deleted and their payments reversed");
	CHECK(kube_kas_sum(db, "kelompok_id='m1' AND buku='simpin'") == before - 90000 - 20400 - 12750 -
	      15300 - 7000, "its savings and repayments reversed");
	CHECK(problems(db) == 0, "check clean after the delete");
	db_close(db);
	return testlib_summary();
}
