/* test_evaluation.c - the development assessment's storage and records: derived score and
 * level, proposals and overrides kept through save, the group's tingkat following its latest
 * assessment (saves, an older date, a delete), refusals, history; each proposal (s1, s2, s4,
 * e1, e4) computed from a fixture of known meetings, IKS, sales, savings and loans on a fixed
 * date, at its edges; the failed-group candidates and decisions. */
#include "evaluation.h"
#include "fixture.h"
#include "kube_fixture.h"

#define G1 "11111111-1111-4111-8111-111111111111"
#define G2 "22222222-2222-4222-8222-222222222222"

/* Run SQL (test set-up, written as a clerk's records would be). */
static void run_sql(sk_db *db, const char *s)
{
	sk_err e;
	if (db_exec_write(db, s, &e) != SK_OK) {
		fprintf(stderr, "sql: %s\n%s\n", e.msg, s);
		exit(2);
	}
}

static void make(sk_evaluation *ev, const char *g, const char *d, const int *v)
{
	evaluation_init(ev, g);
	snprintf(ev->tanggal, sizeof ev->tanggal, "%s", d);
	for (int i = 0; i < EVAL_INDICATORS; i++)
		ev->v[i] = v[i];
}

static void group_level(sk_db *db, const char *g, char *out)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT tingkat FROM kelompok WHERE id=:g", NULL);
	out[0] = '\0';
	db_bind_text(st, ":g", g);
	if (db_step(db, st, NULL) == SQLITE_ROW)
		db_col_text(st, 0, out, 16);
	db_reset(st);
}

static void test_derive(void)
{
	sk_evaluation ev;
	int all1[8] = { 1, 1, 1, 1, 1, 1, 1, 1 }, mixed[8] = { 4, 3, 2, 2, 2, 2, 1, 0 };
	make(&ev, G1, "2026-01-01", all1);
	evaluation_derive(&ev);
	CHECK(ev.skor == 8 && strcmp(ev.tingkat, "tumbuh") == 0, "all 1: 8 tumbuh");
	make(&ev, G1, "2026-01-01", mixed);
	evaluation_derive(&ev);
	CHECK(ev.skor == 0 && ev.tingkat[0] == '\0', "an unscored indicator: no score, no level");
	ev.v[7] = 2;
	evaluation_derive(&ev);
	CHECK(ev.skor == 18 && strcmp(ev.tingkat, "berkembang") == 0, "18: berkembang");
	sk_issues is;
	sk_issues_clear(&is);
	ev.v[2] = 5;
	evaluation_validate_fields(&ev, &is);
	CHECK(is.n == 1 && strcmp(is.items[0].field, "s3") == 0, "an indicator of 5 refused on s3");
	CHECK(*evaluation_rubric(0, 4) && !*evaluation_rubric(0, 5) && !*evaluation_rubric(8, 1),
	      "rubric lines for 1-4 only");
}

static void test_overrides(void)
{
	sk_evaluation ev;
	int v[8] = { 4, 2, 3, 3, 2, 2, 2, 1 };
	int p[8] = { 4, 3, 4, 0, 2, 1, 1, 2 }; /* s3, e2, e3 are never proposed */
	make(&ev, G1, "2026-01-01", v);
	evaluation_set_proposals(&ev, p);
	CHECK_STR(ev.usulan, "s1=4,s2=3,s4=-,e1=2,e4=2", "proposals written, s4 without data");
	CHECK(evaluation_proposal(&ev, 0) == 4 && evaluation_proposal(&ev, 3) == EVAL_NO_DATA &&
	      evaluation_proposal(&ev, 2) == EVAL_NO_DATA, "proposals read back");
	evaluation_mark_overrides(&ev);
	CHECK_STR(ev.ditimpa, "s2,e4", "scores against a proposal marked; no data is no override");
	CHECK(evaluation_overridden(&ev, 1) && evaluation_overridden(&ev, 7) &&
	      !evaluation_overridden(&ev, 0) && !evaluation_overridden(&ev, 3), "overridden()");
	ev.v[1] = 3;
	evaluation_mark_overrides(&ev);
	CHECK_STR(ev.ditimpa, "e4", "scored as proposed again: no longer marked");
}

static void test_store(sk_db *db)
{
	sk_evaluation ev, a, b, got;
	sk_issues is;
	sk_err e;
	char lvl[16];
	int maju[8] = { 4, 3, 3, 3, 3, 3, 3, 3 }, tumbuh[8] = { 2, 2, 2, 1, 2, 2, 1, 2 };
	int mandiri[8] = { 4, 4, 4, 4, 4, 4, 3, 4 };
	int p[8] = { 4, 2, 0, 3, 3, 0, 0, 0 };
	run_sql(db, "INSERT INTO kelompok(id,nama,kode_wilayah,tingkat,diubah_pada) VALUES ('" G1 "',"
	    "'Melati','31.71.08.1003','mandiri','2025-01-01T00:00:00Z')");
	CHECK(evaluation_latest(db, G1, &got, &e) == SK_NOTFOUND, "never assessed: no latest");

	make(&a, G1, "2026-03-01", maju);
	evaluation_set_proposals(&a, p);
	CHECK(evaluation_insert(db, &a, &is, &e) == SK_OK, "insert");
	CHECK(a.skor == 25 && strcmp(a.tingkat, "maju") == 0 && strcmp(a.ditimpa, "s2") == 0,
	      "insert derives skor, tingkat and the override of s2");
	group_level(db, G1, lvl);
	CHECK_STR(lvl, "maju", "the group's tingkat follows its assessment");
	CHECK(evaluation_get(db, a.id, &got, &e) == SK_OK && strcmp(got.usulan, a.usulan) == 0 &&
	      strcmp(got.ditimpa, "s2") == 0, "proposals and overrides stored");

	make(&b, G1, "2025-12-01", tumbuh);
	CHECK(evaluation_insert(db, &b, &is, &e) == SK_OK, "an older assessment saved");
	group_level(db, G1, lvl);
	CHECK_STR(lvl, "maju", "an older date does not change the level");
	CHECK(evaluation_latest(db, G1, &got, &e) == SK_OK && strcmp(got.id, a.id) == 0,
	      "latest by date");

	/* Saved earlier (stamps have whole seconds: the same second would leave it to the ids). */
	run_sql(db, "UPDATE evaluasi SET diubah_pada='2026-03-01T00:00:00Z' WHERE dihapus=0");
	make(&ev, G1, "2026-03-01", mandiri);
	CHECK(evaluation_insert(db, &ev, &is, &e) == SK_OK, "a second one the same day");
	group_level(db, G1, lvl);
	CHECK_STR(lvl, "mandiri", "same date: the later saved counts");
	CHECK(evaluation_count(db, G1) == 3, "three in the history");
	sk_evaluation_row rows[4];
	int n;
	CHECK(evaluation_history(db, G1, 0, 4, rows, &n, &e) == SK_OK && n == 3 &&
	      strcmp(rows[0].id, ev.id) == 0 && strcmp(rows[2].id, b.id) == 0 && rows[0].skor == 31,
	      "history latest first");

	CHECK(evaluation_delete(db, ev.id, &e) == SK_OK, "delete the latest");
	group_level(db, G1, lvl);
	CHECK_STR(lvl, "maju", "after a delete the level follows the one latest now");
	CHECK(evaluation_delete(db, ev.id, &e) == SK_NOTFOUND, "deleting twice: not found");
	CHECK(evaluation_update(db, &ev, &is, &e) == SK_NOTFOUND, "update of a deleted one refused");

	a.v[0] = 1;
	a.v[1] = 1;
	CHECK(evaluation_update(db, &a, &is, &e) == SK_OK && a.skor == 20, "update");
	group_level(db, G1, lvl);
	CHECK_STR(lvl, "berkembang", "update moves the level");
	CHECK(strcmp(a.ditimpa, "s1,s2") == 0, "update marks overrides against the kept proposals");

	make(&ev, G1, "2026-03-02", maju);
	ev.v[4] = 0;
	CHECK(evaluation_insert(db, &ev, &is, &e) == SK_REFUSED && is.n == 1 &&
	      strcmp(is.items[0].field, "e1") == 0, "an unscored indicator refused");
	char tomorrow[11];
	kube_day(1, tomorrow);
	make(&ev, G1, tomorrow, maju);
	CHECK(evaluation_insert(db, &ev, &is, &e) == SK_REFUSED, "a date after today refused");
	make(&ev, G2, "2026-03-02", maju);
	CHECK(evaluation_insert(db, &ev, &is, &e) == SK_REFUSED, "an unknown group refused");
	run_sql(db, "INSERT INTO kelompok(id,nama,kode_wilayah,dihapus,diubah_pada) VALUES ('" G2 "',"
	    "'Hapus','31.71.08.1003',1,'2025-01-01T00:00:00Z')");
	CHECK(evaluation_insert(db, &ev, &is, &e) == SK_REFUSED, "a deleted group refused");
	CHECK(evaluation_count(db, G1) == 2, "refusals stored nothing");

	/* A tingkat typed against the latest assessment comes back on the next sync. */
	run_sql(db, "UPDATE kelompok SET tingkat='tumbuh' WHERE id='" G1 "'");
	CHECK(FIXTURE_WRITE(db, evaluation_sync_level(db, G1, &e)) == SK_OK, "sync");
	group_level(db, G1, lvl);
	CHECK_STR(lvl, "berkembang", "sync puts the assessed level back");
}

/* ---- Proposals from a fixture ------------------------------------------------------------ */

#define D "2026-06-30"   /* the assessment date of the fixture */
#define K "kkkkkkkk"

static int kas_serial;

/* A ledger row of group g (raw, as import stores it); rev: the id of the row it reverses. */
static void kas(sk_db *db, const char *g, const char *d, const char *buku, const char *kat,
		long long masuk, long long keluar, const char *rev, char id_out[40])
{
	char s[1024], id[40];
	snprintf(id, sizeof id, K "-0000-4000-8000-%012d", ++kas_serial);
	snprintf(s, sizeof s, "INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,"
		 "membalik_id,diubah_pada) VALUES('%s','%s','%s','%s','%s',%lld,%lld,%s%s%s,"
		 "'2026-07-01T00:00:00Z')", id, g, d, buku, kat, masuk, keluar, rev ? "'" : "",
		 rev ? rev : "NULL", rev ? "'" : "");
	run_sql(db, s);
	if (id_out)
		snprintf(id_out, 40, "%s", id);
}

/* A meeting of group g on d with attendance: the first present members H, the rest A. */
static void meeting(sk_db *db, const char *g, const char *d, int members, int present)
{
	static int serial;
	char s[1024], id[40];
	snprintf(id, sizeof id, "mmmmmmmm-0000-4000-8000-%012d", ++serial);
	snprintf(s, sizeof s, "INSERT INTO pertemuan(id,kelompok_id,tanggal,diubah_pada) VALUES"
		 "('%s','%s','%s','2026-07-01T00:00:00Z')", id, g, d);
	run_sql(db, s);
	for (int i = 1; i <= members; i++) {
		snprintf(s, sizeof s, "INSERT INTO kehadiran(pertemuan_id,anggota_id,status,iuran_kas,"
			 "iuran_iks,diubah_pada) VALUES('%s','%s-a%02d','%s',0,0,"
			 "'2026-07-01T00:00:00Z')", id, g, i, i <= present ? "H" : "A");
		run_sql(db, s);
	}
}

static void propose(sk_db *db, const char *g, sk_eval_evidence *ev)
{
	sk_err e;
	CHECK(evaluation_propose(db, g, D, ev, &e) == SK_OK, "propose");
}

static void test_s1(sk_db *db)
{
	sk_eval_evidence ev;
	kube_group(db, "p1", 5);
	propose(db, "p1", &ev);
	CHECK(ev.usul[0] == EVAL_NO_DATA && !ev.s1.ada_pertemuan, "s1: no meeting ever: no data");
	char txt[160];
	evaluation_evidence_text(&ev, 0, txt, sizeof txt);
	CHECK(strstr(txt, "tidak ada data") != NULL, "s1: says no data");
	meeting(db, "p1", "2026-04-07", 5, 5); /* exactly 12 weeks before: outside */
	meeting(db, "p1", "2026-07-01", 5, 5); /* after the date: outside */
	propose(db, "p1", &ev);
	CHECK(ev.s1.ada_pertemuan && ev.s1.pertemuan == 0 && ev.usul[0] == 1,
	      "s1: meetings only outside the 12 weeks: 1");
	static const char *const WEEKLY[] = { "2026-04-08", "2026-04-15", "2026-04-22",
		"2026-04-29", "2026-05-06", "2026-05-13", "2026-05-20", "2026-05-27", "2026-06-03",
		"2026-06-10" };
	for (int k = 0; k < 10; k++)
		meeting(db, "p1", WEEKLY[k], 5, 4);
	propose(db, "p1", &ev);
	CHECK(ev.s1.pertemuan == 10 && ev.s1.hadir == 40 && ev.s1.tercatat == 50,
	      "s1: 10 weekly meetings in the window, 40 of 50 present");
	CHECK(ev.usul[0] == 4, "s1: 10 meetings at 80 %: 4");
	evaluation_evidence_text(&ev, 0, txt, sizeof txt);
	CHECK(strstr(txt, "10 pertemuan") && strstr(txt, "80%"), "s1: the figures in words");
	run_sql(db, "UPDATE kehadiran SET status='I' WHERE anggota_id='p1-a01' AND pertemuan_id IN "
	    "(SELECT id FROM pertemuan WHERE tanggal='2026-04-08')");
	propose(db, "p1", &ev);
	CHECK(ev.s1.hadir == 39 && ev.usul[0] == 3, "s1: 78 % present (izin is not present): 3");
	run_sql(db, "UPDATE pertemuan SET dihapus=1 WHERE kelompok_id='p1' AND tanggal > '2026-05-20' "
	    "AND tanggal <= '" D "'");
	propose(db, "p1", &ev);
	CHECK(ev.s1.pertemuan == 7 && ev.usul[0] == 3, "s1: deleted meetings do not count: 7 -> 3");
	run_sql(db, "UPDATE pertemuan SET dihapus=1 WHERE kelompok_id='p1' AND tanggal > '2026-04-15' "
	    "AND tanggal <= '" D "'");
	propose(db, "p1", &ev);
	CHECK(ev.s1.pertemuan == 2 && ev.usul[0] == 1, "s1: 2 meetings: 1");
}

static void test_s2(sk_db *db)
{
	sk_eval_evidence ev;
	char id[40];
	kube_group(db, "p2", 5);
	propose(db, "p2", &ev);
	CHECK(ev.usul[1] == EVAL_NO_DATA, "s2: no meetings, no IKS: no data");
	/* January collected and reversed: that month does not count. */
	kas(db, "p2", "2026-01-10", "iks", "iuran_iks", 5000, 0, NULL, id);
	kas(db, "p2", "2026-01-11", "iks", "iuran_iks", 0, 5000, id, NULL);
	kas(db, "p2", "2025-12-30", "iks", "iuran_iks", 5000, 0, NULL, NULL); /* 6 months ago: out */
	kas(db, "p2", "2026-07-01", "iks", "iuran_iks", 5000, 0, NULL, NULL); /* after: out */
	propose(db, "p2", &ev);
	CHECK(ev.s2.terkumpul == 0 && ev.s2.bulan == 0 && ev.usul[1] == EVAL_NO_DATA,
	      "s2: movements that cancel out, no meeting: no data");
	meeting(db, "p2", "2026-02-01", 5, 5);
	propose(db, "p2", &ev);
	CHECK(ev.s2.pertemuan == 1 && ev.usul[1] == 1, "s2: a meeting but nothing collected: 1");
	kas(db, "p2", "2026-02-05", "iks", "iuran_iks", 5000, 0, NULL, NULL);
	kas(db, "p2", "2026-03-05", "iks", "iuran_iks", 5000, 0, NULL, NULL);
	kas(db, "p2", "2026-04-05", "iks", "iuran_iks", 5000, 0, NULL, NULL);
	propose(db, "p2", &ev);
	CHECK(ev.s2.terkumpul == 15000 && ev.s2.bulan == 3 && ev.usul[1] == 2,
	      "s2: 3 months collected, nothing paid out: 2");
	kas(db, "p2", "2026-05-10", "iks", "santunan", 0, 10000, NULL, NULL);
	propose(db, "p2", &ev);
	CHECK(ev.s2.tersalur == 10000 && ev.usul[1] == 3, "s2: 3 months and paid out: 3");
	kas(db, "p2", "2026-05-05", "iks", "iuran_iks", 5000, 0, NULL, NULL);
	kas(db, "p2", "2026-06-30", "iks", "iuran_iks", 5000, 0, NULL, NULL); /* the date itself */
	propose(db, "p2", &ev);
	CHECK(ev.s2.bulan == 5 && ev.s2.terkumpul == 25000 && ev.usul[1] == 4,
	      "s2: 5 months (the assessment day included) and paid out: 4");
}

static void test_e1(sk_db *db)
{
	sk_eval_evidence ev;
	char id[40];
	kube_group(db, "p3", 5);
	propose(db, "p3", &ev);
	CHECK(ev.usul[4] == EVAL_NO_DATA, "e1: no sales: no data");
	kas(db, "p3", "2025-07-01", "umum", "penjualan", 1000000, 0, NULL, NULL); /* before */
	kas(db, "p3", "2025-06-30", "umum", "penjualan", 9000000, 0, NULL, NULL); /* 12 months: out */
	propose(db, "p3", &ev);
	CHECK(ev.e1.sebelumnya == 1000000 && ev.e1.penjualan == 0 && ev.usul[4] == 1,
	      "e1: sales before, none now: 1");
	kas(db, "p3", "2025-12-30", "umum", "penjualan", 0, 0 + 1, NULL, NULL); /* a refund: net */
	kas(db, "p3", "2026-03-01", "umum", "penjualan", 1199999, 0, NULL, NULL);
	kas(db, "p3", "2026-04-01", "umum", "penjualan", 500000, 0, NULL, id);
	kas(db, "p3", "2026-04-02", "umum", "penjualan", 0, 500000, id, NULL); /* reversed */
	kas(db, "p3", "2026-04-03", "iks", "penjualan", 500000, 0, NULL, NULL); /* another book */
	propose(db, "p3", &ev);
	CHECK(ev.e1.sebelumnya == 999999 && ev.e1.penjualan == 1199999, "e1: net sales per period");
	CHECK(ev.usul[4] == 4, "e1: 1.199.999 against 999.999 is 120 %: 4");
	kas(db, "p3", "2025-08-01", "umum", "penjualan", 1, 0, NULL, NULL);
	propose(db, "p3", &ev);
	CHECK(ev.e1.sebelumnya == 1000000 && ev.usul[4] == 3, "e1: 119.99 %: 3");
	kas(db, "p3", "2025-09-01", "umum", "penjualan", 142858, 0, NULL, NULL);
	propose(db, "p3", &ev);
	CHECK(ev.usul[4] == 2, "e1: about 105 % less a rupiah: 2");
	kas(db, "p3", "2025-09-02", "umum", "penjualan", 200000, 0, NULL, NULL);
	propose(db, "p3", &ev);
	CHECK(ev.usul[4] == 1, "e1: under 90 %: 1");
	kube_group(db, "p4", 5);
	kas(db, "p4", "2026-06-01", "umum", "penjualan", 100, 0, NULL, NULL);
	propose(db, "p4", &ev);
	CHECK(ev.usul[4] == 3, "e1: new sales where there were none: 3");
}

#define STAMP "'2026-07-01T00:00:00Z'"

static void cycle(sk_db *db, const char *id, const char *g, const char *mulai, const char *selesai)
{
	char s[512];
	snprintf(s, sizeof s, "INSERT INTO siklus(id,kelompok_id,nomor,mulai,selesai,diubah_pada) "
		 "VALUES('%s','%s',(SELECT count(*)+1 FROM siklus WHERE kelompok_id='%s'),'%s',%s%s%s,"
		 STAMP ")", id, g, g, mulai, selesai ? "'" : "", selesai ? selesai : "NULL",
		 selesai ? "'" : "");
	run_sql(db, s);
}

static void deposit(sk_db *db, const char *id, const char *c, const char *m, const char *d,
		    const char *rev)
{
	char s[512];
	snprintf(s, sizeof s, "INSERT INTO simpanan(id,siklus_id,anggota_id,tanggal,jenis,setor,"
		 "tarik,membalik_id,diubah_pada) VALUES('%s','%s','%s','%s','wajib',%d,%d,%s%s%s,"
		 STAMP ")", id, c, m, d, rev ? 0 : 2000, rev ? 2000 : 0, rev ? "'" : "",
		 rev ? rev : "NULL", rev ? "'" : "");
	run_sql(db, s);
}

static void loan(sk_db *db, const char *id, const char *c, const char *m, const char *d,
		 long long pokok, const char *sumber)
{
	char s[512];
	snprintf(s, sizeof s, "INSERT INTO pinjaman(id,siklus_id,anggota_id,tanggal,pokok,"
		 "jasa_persen_bulan,metode_jasa,jumlah_angsuran,jarak_angsuran,sumber,diubah_pada) "
		 "VALUES('%s','%s','%s','%s',%lld,200,'flat',10,'minggu','%s'," STAMP ")", id, c, m, d,
		 pokok, sumber);
	run_sql(db, s);
}

static void repay(sk_db *db, const char *id, const char *p, const char *d, long long pokok,
		  const char *rev)
{
	char s[512];
	snprintf(s, sizeof s, "INSERT INTO angsuran(id,pinjaman_id,tanggal,pokok,jasa,membalik_id,"
		 "diubah_pada) VALUES('%s','%s','%s',%lld,0,%s%s%s," STAMP ")", id, p, d, pokok,
		 rev ? "'" : "", rev ? rev : "NULL", rev ? "'" : "");
	run_sql(db, s);
}

static void test_s4_e4(sk_db *db)
{
	sk_eval_evidence ev;
	char txt[160];
	kube_group(db, "p5", 10);
	run_sql(db, "UPDATE kelompok SET bantuan_uep=1000000 WHERE id='p5'");
	kas(db, "p5", "2026-01-02", "umum", "bantuan", 1000000, 0, NULL, NULL);
	propose(db, "p5", &ev);
	CHECK(ev.usul[3] == EVAL_NO_DATA, "s4: never a cycle: no data");
	evaluation_evidence_text(&ev, 3, txt, sizeof txt);
	CHECK(strstr(txt, "tidak ada data") != NULL, "s4: says no data");
	CHECK(ev.usul[7] == 3 && ev.e4.saldo_umum == 1000000, "e4: the aid kept whole: 3");
	cycle(db, "c-old", "p5", "2025-01-01", "2025-12-31");
	propose(db, "p5", &ev);
	CHECK(ev.s4.ada_siklus && !ev.s4.siklus_berjalan && ev.usul[3] == 1,
	      "s4: a cycle ended, none running: 1");
	cycle(db, "c-now", "p5", "2026-01-01", NULL);
	cycle(db, "c-later", "p5", "2026-07-01", NULL); /* after the date: not looked at */
	propose(db, "p5", &ev);
	CHECK(ev.s4.siklus_berjalan && ev.s4.anggota_aktif == 10 && ev.s4.menabung == 0 &&
	      ev.usul[3] == 2, "s4: running cycle, no saver (the member who left not counted): 2");
	/* 8 of 10 save in the 12 weeks; a 9th saved and was reversed; a 10th saved too early. */
	char id[40], m[40];
	for (int i = 1; i <= 8; i++) {
		snprintf(id, sizeof id, "s-%d", i);
		snprintf(m, sizeof m, "p5-a%02d", i);
		deposit(db, id, "c-now", m, i <= 4 ? "2026-06-30" : "2026-04-08", NULL);
	}
	deposit(db, "s-9", "c-now", "p5-a09", "2026-06-01", NULL);
	deposit(db, "s-9r", "c-now", "p5-a09", "2026-06-02", "s-9");
	deposit(db, "s-10", "c-now", "p5-a10", "2026-04-07", NULL);
	deposit(db, "s-11", "c-now", "p5-a11", "2026-06-01", NULL); /* left the group in June */
	deposit(db, "s-12", "c-old", "p5-a10", "2026-06-01", NULL); /* the old cycle */
	propose(db, "p5", &ev);
	CHECK(ev.s4.menabung == 8 && ev.usul[3] == 3, "s4: 80 % saving but no loan: 3");
	loan(db, "l-1", "c-now", "p5-a01", "2026-07-01", 300000, "simpin"); /* after the date */
	propose(db, "p5", &ev);
	CHECK(ev.s4.pinjaman == 0 && ev.usul[3] == 3, "s4: a loan after the date does not count");
	loan(db, "l-2", "c-now", "p5-a02", "2026-05-01", 300000, "simpin");
	propose(db, "p5", &ev);
	CHECK(ev.s4.pinjaman == 1 && ev.usul[3] == 4, "s4: 80 % saving and a loan made: 4");
	evaluation_evidence_text(&ev, 3, txt, sizeof txt);
	CHECK(strstr(txt, "8 dari 10") != NULL, "s4: the figures in words");
	run_sql(db, "UPDATE simpanan SET dihapus=1 WHERE id='s-8'");
	propose(db, "p5", &ev);
	CHECK(ev.s4.menabung == 7 && ev.usul[3] == 3, "s4: 70 % saving: 3");

	/* e4: UEP capital lent out is still capital; repayments come back into the book. */
	loan(db, "u-1", "c-now", "p5-a03", "2026-02-01", 600000, "uep");
	kas(db, "p5", "2026-02-01", "umum", "pinjaman", 0, 600000, NULL, NULL);
	propose(db, "p5", &ev);
	CHECK(ev.e4.saldo_umum == 400000 && ev.e4.pinjaman_uep == 600000 &&
	      ev.e4.pinjaman_uep_baru == 1 && ev.usul[7] == 4,
	      "e4: capital whole with a UEP loan made in 12 months: 4");
	repay(db, "a-1", "u-1", "2026-03-01", 100000, NULL);
	kas(db, "p5", "2026-03-01", "umum", "angsuran", 100000, 0, NULL, NULL);
	repay(db, "a-2", "u-1", "2026-03-08", 100000, NULL);
	repay(db, "a-2r", "u-1", "2026-03-09", 100000, "a-2"); /* reversed */
	propose(db, "p5", &ev);
	CHECK(ev.e4.pinjaman_uep == 500000 && ev.usul[7] == 4, "e4: repayments net of reversals");
	kas(db, "p5", "2026-04-01", "umum", "operasional", 0, 1, NULL, NULL);
	propose(db, "p5", &ev);
	CHECK(ev.usul[7] == 2, "e4: a rupiah under the aid: 2");
	run_sql(db, "UPDATE pinjaman SET dihapusbukukan_pada='2026-06-01' WHERE id='u-1'");
	propose(db, "p5", &ev);
	CHECK(ev.e4.pinjaman_uep == 0 && ev.e4.saldo_umum == 499999 && ev.usul[7] == 1,
	      "e4: a loan written off is no capital; under half of the aid: 1");
	kas(db, "p5", "2026-05-01", "umum", "lainnya", 1, 0, NULL, NULL);
	propose(db, "p5", &ev);
	CHECK(ev.usul[7] == 2, "e4: half of the aid: 2");
	run_sql(db, "UPDATE kelompok SET bantuan_uep=0 WHERE id='p5'");
	propose(db, "p5", &ev);
	CHECK(ev.usul[7] == EVAL_NO_DATA, "e4: no UEP aid: no data");
}

static void test_gagal(sk_db *db)
{
	sk_group_level gl;
	sk_gagal_decision d;
	sk_issues is;
	sk_err e;
	kube_group(db, "q1", 5);
	run_sql(db, "UPDATE kelompok SET tanggal_berdiri='2026-01-01' WHERE id='q1'");
	CHECK(evaluation_group_level(db, "q1", "2026-03-25", &gl, &e) == SK_OK &&
	      gl.gagal == EVAL_GAGAL_NO && gl.due, "founded 83 days before: no candidate; due");
	CHECK(evaluation_group_level(db, "q1", "2026-03-26", &gl, &e) == SK_OK &&
	      gl.gagal == EVAL_GAGAL_CANDIDATE, "founded 84 days before, no meeting: candidate");
	meeting(db, "q1", "2026-03-01", 5, 5);
	CHECK(evaluation_group_level(db, "q1", "2026-05-23", &gl, &e) == SK_OK &&
	      gl.gagal == EVAL_GAGAL_NO && strcmp(gl.terakhir, "2026-03-01") == 0,
	      "a meeting 83 days before: no candidate");
	CHECK(evaluation_group_level(db, "q1", "2026-05-24", &gl, &e) == SK_OK &&
	      gl.gagal == EVAL_GAGAL_CANDIDATE, "no meeting for 12 weeks: candidate");

	memset(&d, 0, sizeof d);
	sk_strlcpy(d.kelompok_id, "q1", sizeof d.kelompok_id);
	strcpy(d.keputusan, "aktif");
	strcpy(d.tanggal, "2026-05-24");
	CHECK(evaluation_gagal_decide(db, &d, &is, &e) == SK_REFUSED && is.n == 1 &&
	      strcmp(is.items[0].field, "oleh") == 0, "a decision needs who decided");
	strcpy(d.oleh, "Sri Wahyuni");
	CHECK(evaluation_gagal_decide(db, &d, &is, &e) == SK_OK && *d.dicatat_pada,
	      "judged still active: recorded with who and when");
	CHECK(evaluation_group_level(db, "q1", "2026-06-01", &gl, &e) == SK_OK &&
	      gl.gagal == EVAL_GAGAL_NO, "still active: not a candidate for 12 weeks");
	CHECK(evaluation_group_level(db, "q1", "2026-08-16", &gl, &e) == SK_OK &&
	      gl.gagal == EVAL_GAGAL_CANDIDATE, "12 weeks after that, still no meeting: again");
	strcpy(d.keputusan, "gagal");
	strcpy(d.tanggal, "2026-08-16");
	sk_strlcpy(d.alasan, "Usaha berhenti, anggota pindah", sizeof d.alasan);
	CHECK(evaluation_gagal_decide(db, &d, &is, &e) == SK_OK, "declared failed");
	sk_gagal_decision got;
	CHECK(evaluation_gagal_latest(db, "q1", &got, &e) == SK_OK &&
	      strcmp(got.keputusan, "gagal") == 0 && strcmp(got.oleh, "Sri Wahyuni") == 0 &&
	      strcmp(got.alasan, d.alasan) == 0, "the record keeps who, when and why");
	CHECK(evaluation_group_level(db, "q1", "2026-08-20", &gl, &e) == SK_OK &&
	      gl.gagal == EVAL_GAGAL_DECLARED, "declared failed");
	CHECK(kube_int(db, "SELECT count(*) FROM kelompok_gagal WHERE kelompok_id='q1'") == 2,
	      "both decisions kept");
	CHECK(evaluation_gagal_cancel(db, "q1", &e) == SK_OK, "taken back");
	CHECK(evaluation_gagal_latest(db, "q1", &got, &e) == SK_NOTFOUND, "no live decision");
	CHECK(evaluation_gagal_cancel(db, "q1", &e) == SK_NOTFOUND, "nothing to take back");
	char future[11];
	kube_day(1, future);
	strcpy(d.tanggal, future);
	CHECK(evaluation_gagal_decide(db, &d, &is, &e) == SK_REFUSED, "a decision after today");
	strcpy(d.tanggal, "2026-08-16");
	strcpy(d.keputusan, "hilang");
	CHECK(evaluation_gagal_decide(db, &d, &is, &e) == SK_REFUSED, "an unknown decision");

	int v[8] = { 2, 2, 2, 2, 2, 2, 2, 2 };
	sk_evaluation ev;
	make(&ev, "q1", "2026-02-01", v);
	CHECK(evaluation_insert(db, &ev, &is, &e) == SK_OK, "assessed on 2026-02-01");
	CHECK(evaluation_group_level(db, "q1", "2026-08-01", &gl, &e) == SK_OK && !gl.due &&
	      strcmp(gl.dinilai, "2026-02-01") == 0, "assessed 6 months before: not due");
	CHECK(evaluation_group_level(db, "q1", "2026-08-02", &gl, &e) == SK_OK && gl.due,
	      "over 6 months: due");
	CHECK(evaluation_group_level(db, "nope", "2026-08-02", &gl, &e) == SK_NOTFOUND,
	      "an unknown group");
}

int main(void)
{
	sk_db *db = fixture_db();
	test_derive();
	test_overrides();
	test_store(db);
	test_s1(db);
	test_s2(db);
	test_e1(db);
	test_s4_e4(db);
	test_gagal(db);
	db_close(db);
	return testlib_summary();
}
