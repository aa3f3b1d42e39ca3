/* gen_sample_simpin.c - how the savings-and-loans rows of sample-data/ were made: through the
 * store functions (so every posting is what SIKUBE writes), on a database holding the sample's
 * other files, then exported. Not built by make; run by hand when the sample changes:
 *   cc -Iinclude -Itests tests/gen_sample_simpin.c build/release/libcore.a $(LIBS) -o /tmp/gen
 *   /tmp/gen DB   (DB: `sikube init --sample` of the sample without these files)
 * It then sets plausible stamps (the day of each row) and the export is copied into
 * sample-data/ with its manifest. */
#include <stdio.h>
#include <string.h>
#include "cashbook.h"
#include "simpin_book.h"
#include "simpin_meeting.h"

#define GLR01 "38134cee-e7a6-4c18-9be7-28f31451d49b"
#define GLR02 "e81de838-b52d-4e4f-a091-0b09d9aee801"

static sk_db *db;
static int failed;

static void must(int rc, const char *what, const sk_err *e)
{
	if (rc != SK_OK) {
		fprintf(stderr, "%s: %s\n", what, e->msg);
		failed = 1;
	}
}

static void member_id(const char *g, const char *nama, char out[SK_UUID_LEN + 1])
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM anggota WHERE kelompok_id=:g AND nama=:n", NULL);
	db_bind_text(st, ":g", g);
	db_bind_text(st, ":n", nama);
	out[0] = '\0';
	if (db_step(db, st, NULL) == SQLITE_ROW)
		db_col_text(st, 0, out, SK_UUID_LEN + 1);
	db_reset(st);
	if (!*out) {
		fprintf(stderr, "no member %s\n", nama);
		failed = 1;
	}
}

static sk_cycle cycle(const char *g, const char *mulai, int64_t pokok, int64_t wajib, int rate,
		      int kali, int64_t alpa, int64_t late, const char *note)
{
	sk_cycle c;
	sk_issues is;
	sk_err e;
	cycle_init(&c, g);
	sk_strlcpy(c.mulai, mulai, sizeof c.mulai);
	c.simpanan_pokok = pokok;
	c.simpanan_wajib = wajib;
	c.jasa_persen_bulan = rate;
	c.has_batas = 1;
	c.batas_pinjaman_kali = kali;
	c.denda_alpa = alpa;
	c.denda_terlambat = late;
	sk_strlcpy(c.catatan, note, sizeof c.catatan);
	must(simpin_cycle_start(db, &c, &is, &e), "cycle", &e);
	return c;
}

static void saving(const sk_cycle *c, const char *m, const char *date, const char *jenis,
		   int64_t v, const char *meeting)
{
	sk_saving s;
	sk_issues is;
	sk_err e;
	saving_init(&s);
	sk_strlcpy(s.siklus_id, c->id, sizeof s.siklus_id);
	sk_strlcpy(s.anggota_id, m, sizeof s.anggota_id);
	sk_strlcpy(s.tanggal, date, sizeof s.tanggal);
	sk_strlcpy(s.jenis, jenis, sizeof s.jenis);
	sk_strlcpy(s.pertemuan_id, meeting ? meeting : "", sizeof s.pertemuan_id);
	s.setor = v;
	must(simpin_saving_add(db, &s, &is, &e), "saving", &e);
}

static sk_loan loan(const sk_cycle *c, const char *m, const char *date, int64_t pokok, int n,
		    const char *jarak, const char *tujuan, const char *meeting)
{
	sk_loan l;
	sk_issues is;
	sk_err e;
	loan_init(&l);
	sk_strlcpy(l.siklus_id, c->id, sizeof l.siklus_id);
	sk_strlcpy(l.anggota_id, m, sizeof l.anggota_id);
	sk_strlcpy(l.tanggal, date, sizeof l.tanggal);
	l.pokok = pokok;
	l.jumlah_angsuran = n;
	sk_strlcpy(l.jarak_angsuran, jarak, sizeof l.jarak_angsuran);
	sk_strlcpy(l.tujuan, tujuan, sizeof l.tujuan);
	sk_strlcpy(l.pertemuan_id, meeting ? meeting : "", sizeof l.pertemuan_id);
	must(simpin_loan_add(db, &l, &is, &e), "loan", &e);
	return l;
}

static void repay(const sk_loan *l, const char *date, int64_t pokok, int64_t jasa,
		  const char *meeting)
{
	sk_repay r;
	sk_issues is;
	sk_err e;
	repay_init(&r);
	sk_strlcpy(r.pinjaman_id, l->id, sizeof r.pinjaman_id);
	sk_strlcpy(r.tanggal, date, sizeof r.tanggal);
	sk_strlcpy(r.pertemuan_id, meeting ? meeting : "", sizeof r.pertemuan_id);
	r.pokok = pokok;
	r.jasa = jasa;
	must(simpin_repay_add(db, &r, &is, &e), "repay", &e);
}

static sk_fine fine(const sk_cycle *c, const char *m, const char *date, const char *jenis,
		    int64_t v, const char *paid, const char *meeting)
{
	sk_fine f;
	sk_issues is;
	sk_err e;
	fine_init(&f);
	sk_strlcpy(f.siklus_id, c->id, sizeof f.siklus_id);
	sk_strlcpy(f.anggota_id, m, sizeof f.anggota_id);
	sk_strlcpy(f.tanggal, date, sizeof f.tanggal);
	sk_strlcpy(f.jenis, jenis, sizeof f.jenis);
	sk_strlcpy(f.dibayar_pada, paid ? paid : "", sizeof f.dibayar_pada);
	sk_strlcpy(f.pertemuan_id, meeting ? meeting : "", sizeof f.pertemuan_id);
	f.jumlah = v;
	must(simpin_fine_add(db, &f, &is, &e), "fine", &e);
	return f;
}

/* The meetings of GLR-01 in date order, and each member's status at them. */
static char meet_id[8][SK_UUID_LEN + 1], meet_day[8][16];

static const char *status_at(int k, const char *m)
{
	static char st[4];
	sqlite3_stmt *q = db_prepare(db, "SELECT status FROM kehadiran WHERE pertemuan_id=:p AND "
				     "anggota_id=:a", NULL);
	db_bind_text(q, ":p", meet_id[k]);
	db_bind_text(q, ":a", m);
	st[0] = '\0';
	if (db_step(db, q, NULL) == SQLITE_ROW)
		db_col_text(q, 0, st, sizeof st);
	db_reset(q);
	return st;
}

static void melati(void)
{
	static const char *const NAMES[10] = { "Euis Kurniasih", "Hasanah", "Komariah",
		"Neneng Saodah", "Nur'aini", "Rosmawati", "Siti Rohmah", "Sumarni", "Tuminah",
		"Yuyun Yuningsih" };
	char m[10][SK_UUID_LEN + 1];
	for (int i = 0; i < 10; i++)
		member_id(GLR01, NAMES[i], m[i]);
	sqlite3_stmt *st = db_prepare(db, "SELECT id, tanggal FROM pertemuan WHERE kelompok_id=:g "
				      "ORDER BY tanggal", NULL);
	db_bind_text(st, ":g", GLR01);
	for (int k = 0; k < 8 && db_step(db, st, NULL) == SQLITE_ROW; k++) {
		db_col_text(st, 0, meet_id[k], sizeof meet_id[k]);
		db_col_text(st, 1, meet_day[k], sizeof meet_day[k]);
	}
	db_reset(st);
	sk_cycle c = cycle(GLR01, "2026-10-02", 50000, 10000, 150, 300, 5000, 2000,
			   "Disepakati rapat anggota 2 Oktober 2026: pinjaman paling banyak 3 kali "
			   "simpanan, jasa 1,5% sebulan.");
	sk_loan euis, tum;
	for (int k = 0; k < 8; k++) {
		for (int i = 0; i < 10; i++) {
			const char *s = status_at(k, m[i]);
			if (strcmp(s, "H") != 0) {
				if (strcmp(s, "A") == 0) /* paid at the next meeting */
					fine(&c, m[i], meet_day[k], "alpa", 5000, meet_day[k + 1],
					     meet_id[k]);
				continue;
			}
			if (k == 0)
				saving(&c, m[i], meet_day[k], "pokok", 50000, meet_id[k]);
			saving(&c, m[i], meet_day[k], "wajib", 10000, meet_id[k]);
			if (k == 1 && i == 5)
				saving(&c, m[i], meet_day[k], "sukarela", 25000, meet_id[k]);
		}
		if (k == 2)
			euis = loan(&c, m[0], meet_day[k], 240000, 12, "minggu",
				    "Tambah modal kue kering", meet_id[k]);
		if (k >= 3)
			repay(&euis, meet_day[k], 20000, 900, meet_id[k]);
		if (k == 3)
			tum = loan(&c, m[8], meet_day[k], 150000, 8, "minggu", "Gerobak nasi uduk",
				   meet_id[k]);
		if (k == 4)
			repay(&tum, meet_day[k], 18750, 562, meet_id[k]);
		if (k == 6) { /* the instalment of 6 November paid a week late */
			repay(&tum, meet_day[k], 37500, 1124, meet_id[k]);
			fine(&c, m[8], meet_day[k], "terlambat", 2000, NULL, meet_id[k]);
		}
	}
}

static void ewarong(void)
{
	static const char *const NAMES[] = { "Ahmad Fauzi", "Asep Saepudin", "Bambang Supriyadi",
		"Dewi Lestari", "Juju Juariah", "Muhammad Ilham", "Mulyadi", "Rahmat Hidayat",
		"Sri Mulyani", "Sukardi", "Titin Supriatin", "Zulkifli" };
	enum { N = (int)(sizeof NAMES / sizeof NAMES[0]) };
	char m[N][SK_UUID_LEN + 1];
	for (int i = 0; i < N; i++)
		member_id(GLR02, NAMES[i], m[i]);
	sk_cycle c = cycle(GLR02, "2026-04-01", 100000, 20000, 200, 200, 0, 0,
			   "Simpanan wajib sebulan sekali; separuh dana simpan pinjam dari anggota.");
	for (int mo = 4; mo <= 9; mo++) {
		char d[16];
		snprintf(d, sizeof d, "2026-%02d-05", mo);
		for (int i = 0; i < N; i++) {
			if (mo == 4)
				saving(&c, m[i], d, "pokok", 100000, NULL);
			saving(&c, m[i], d, "wajib", 20000, NULL);
		}
	}
	sk_loan s = loan(&c, m[9], "2026-05-05", 250000, 4, "bulan", "Modal warung kopi", NULL);
	repay(&s, "2026-06-05", 62500, 5000, NULL);
	repay(&s, "2026-07-05", 62500, 5000, NULL);
	repay(&s, "2026-08-05", 62500, 5000, NULL);
	repay(&s, "2026-09-05", 62500, 5000, NULL);
	sk_loan u = loan(&c, m[6], "2026-06-05", 200000, 3, "bulan", "Perbaikan motor untuk antar "
			 "sembako", NULL);
	repay(&u, "2026-07-05", 66666, 4000, NULL);
	repay(&u, "2026-08-05", 66666, 4000, NULL);
	sk_cash_row cost;
	sk_issues is;
	sk_err e;
	cash_init(&cost, GLR02);
	sk_strlcpy(cost.tanggal, "2026-06-30", sizeof cost.tanggal);
	sk_strlcpy(cost.buku, "simpin", sizeof cost.buku);
	sk_strlcpy(cost.kategori, "operasional", sizeof cost.kategori);
	sk_strlcpy(cost.uraian, "Buku tabungan anggota dan alat tulis", sizeof cost.uraian);
	cost.keluar = 15000;
	must(cash_add(db, &cost, &is, &e), "cost", &e);
	sk_share_plan p;
	must(simpin_cycle_close(db, c.id, "2026-09-30", &p, &e), "close", &e);
	simpin_share_plan_free(&p);
	sk_cycle next = c;
	next.id[0] = '\0';
	sk_strlcpy(next.mulai, "2026-10-01", sizeof next.mulai);
	next.selesai[0] = '\0';
	sk_strlcpy(next.catatan, "Aturan sama dengan siklus 1.", sizeof next.catatan);
	must(simpin_cycle_start(db, &next, &is, &e), "next cycle", &e);
	for (int mo = 10; mo <= 11; mo++) {
		char d[16];
		snprintf(d, sizeof d, "2026-%02d-05", mo);
		for (int i = 0; i < N; i++) {
			if (mo == 10)
				saving(&next, m[i], d, "pokok", 100000, NULL);
			saving(&next, m[i], d, "wajib", 20000, NULL);
		}
	}
}

/* Stamps of the day each row happened (the generator ran later). */
static const char STAMPS[] =
	"UPDATE simpanan SET diubah_pada=tanggal||'T11:00:00Z';"
	"UPDATE pinjaman SET diubah_pada=tanggal||'T11:00:00Z';"
	"UPDATE angsuran SET diubah_pada=tanggal||'T11:00:00Z';"
	"UPDATE denda SET diubah_pada=coalesce(dibayar_pada, tanggal)||'T11:00:00Z';"
	"UPDATE bagi_hasil SET diubah_pada=(SELECT selesai FROM siklus WHERE id=siklus_id)||"
	"'T11:30:00Z';"
	"UPDATE kas SET diubah_pada=tanggal||'T11:00:00Z' WHERE buku='simpin' OR sumber_id IS NOT NULL;"
	"UPDATE siklus SET diubah_pada=coalesce(selesai||'T12:00:00Z', mulai||'T08:00:00Z');";

int main(int argc, char **argv)
{
	sk_err e;
	if (argc != 2 || db_open(argv[1], 0, &db, &e) != SK_OK)
		return 2;
	melati();
	ewarong();
	if (!failed)
		must(db_exec_write(db, STAMPS, &e), "stamps", &e);
	db_close(db);
	return failed;
}
