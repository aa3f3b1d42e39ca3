/* gen.c - deterministic data generator for benchmarks: a realistic kabupaten written straight
 * into a SIKUBE database (the bundle is then made with `sikube export`).
 *
 *   bench-gen --db PATH [--groups N] [--members M] [--years Y] [--seed S] [--kabupaten PP.KK]
 *   bench-gen --db PATH --add-week [--seed S]
 *
 * Defaults: 2,000 groups of 15 members, 5 years of weekly meetings (about 7.8 million
 * attendance rows), two dues postings per meeting, monthly purchases, one assessment per member
 * and a re-assessment for a third of them, and a savings-and-loans cycle over the last year:
 * simpanan wajib of every member present at each weekly meeting, about one loan per member
 * repaid in 12 weekly instalments, each movement posted in book simpin (docs/simpin.md).
 * In the villages of Kabupaten Cilacap (33.01) or of --kabupaten. Every row obeys the rules
 * import checks.
 * --add-week gives every group of an existing database one more weekly meeting (attendance
 * of its active members, dues posted), stamped now: the content of an incremental
 * (--since-last) bundle. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "collate.h"
#include "db.h"
#include "db_access.h"
#include "i18n.h"
#include "loan_calc.h"
#include "region.h"
#include "util.h"

struct opts {
	const char *db;
	const char *kabupaten;
	int groups, members, years, add_week;
	uint64_t seed;
};

static uint64_t rng_state;

/* xorshift64*: the same seed always gives the same kabupaten. */
static uint64_t rnd(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ULL;
}

static int rnd_in(int lo, int hi)
{
	return lo + (int)(rnd() % (uint64_t)(hi - lo + 1));
}

/* A UUID made from the generator (version 4 layout), so runs are repeatable. */
static void det_uuid(char out[SK_UUID_LEN + 1])
{
	uint64_t a = rnd(), b = rnd();
	snprintf(out, SK_UUID_LEN + 1, "%08x-%04x-4%03x-%04x-%012" PRIx64, (unsigned)(a >> 32),
		 (unsigned)(a >> 16) & 0xffff, (unsigned)a & 0xfff,
		 0x8000 | ((unsigned)(b >> 48) & 0x3fff), (uint64_t)(b & 0xffffffffffffULL));
}

/* Date n days after 2021-01-04 (a Monday) as YYYY-MM-DD. */
static void day_str(int n, char out[11])
{
	struct tm tm = { .tm_year = 121, .tm_mon = 0, .tm_mday = 4 + n, .tm_hour = 12 };
	timegm(&tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void stamp(const char *date, char out[SK_TS_LEN + 1])
{
	snprintf(out, SK_TS_LEN + 1, "%sT10:00:00Z", date);
}

static const char *const FIRST_L[] = { "Budi", "Agus", "Slamet", "Joko", "Dedi", "Ahmad", "Rudi",
	"Bambang", "Hendra", "Yusuf", "Wahyu", "Eko", "Asep", "Ujang", "Sutrisno", "Rahmat" };
static const char *const FIRST_P[] = { "Siti", "Sri", "Dewi", "Nur'aini", "Endang", "Sumarni",
	"Wati", "Yuliani", "Rina", "Lestari", "Ani", "Suminah", "Tuti", "Ratna", "Ningsih", "Aisyah" };
static const char *const LAST[] = { "Santoso", "Wibowo", "Hidayat", "Saputra", "Kurniawan",
	"Setiawan", "Rahayu", "Susanti", "Purnomo", "Hasanah", "Nugroho", "Lubis", "Siregar",
	"Maulana", "Pratama", "Wulandari" };
static const char *const BIDANG[] = { "Warung sembako", "Keripik singkong", "Telur asin",
	"Laundry", "Penggilingan padi", "Sabun cair", "Batako", "Katering", "e-Warong", "Kopi bubuk" };
static const char *const JENIS[] = { "perdagangan", "produksi", "produksi", "jasa", "jasa",
	"produksi", "produksi", "jasa", "perdagangan", "produksi" };
static const char *const TINGKAT[] = { "tumbuh", "berkembang", "maju", "mandiri" };
#define N(a) ((int)(sizeof a / sizeof a[0]))

struct stmts {
	sqlite3_stmt *grp, *mem, *pen, *mtg, *att, *kas, *cyc, *sav, *loan, *rep;
};

static sqlite3_stmt *prep(sk_db *db, const char *sql)
{
	sk_err e;
	sqlite3_stmt *st = db_prepare(db, sql, &e);
	if (!st) {
		fprintf(stderr, "bench-gen: %s\n", e.msg);
		exit(2);
	}
	return st;
}

static void step(sk_db *db, sqlite3_stmt *st)
{
	sk_err e;
	if (db_step(db, st, &e) != SQLITE_DONE) {
		fprintf(stderr, "bench-gen: %s\n", e.msg);
		exit(2);
	}
	sqlite3_reset(st);
}

static void prepare_all(sk_db *db, struct stmts *s)
{
	s->grp = prep(db, "INSERT INTO kelompok(id,kode,nama,kode_wilayah,alamat,jenis_usaha,"
		"bidang_usaha,tanggal_berdiri,tingkat,pendamping,telepon_pendamping,iuran_kas,iuran_iks,"
		"bantuan_uep,tahun_bantuan,diubah_pada,disimpan_pada) VALUES(:id,:kode,:nama,:w,:alamat,:jenis,:bidang,"
		":berdiri,:tingkat,:pend,:tel,:kas,:iks,:uep,:tahun,:t," DB_STORED_SQL ")");
	s->mem = prep(db, "INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,jenis_kelamin,"
		"tempat_lahir,tanggal_lahir,alamat,rt,rw,jabatan,tanggal_masuk,terdaftar_dtsen,"
		"desil_dtsen,peserta_pkh,diubah_pada,disimpan_pada) VALUES(:id,:g,:nik,:kk,:nama,:jk,:tempat,:lahir,"
		":alamat,:rt,:rw,:jab,:masuk,:dtsen,:desil,:pkh,:t," DB_STORED_SQL ")");
	s->pen = prep(db, "INSERT INTO penilaian(id,anggota_id,tanggal,penilai,k01,k02,k03,k04,k05,"
		"k06,k07,k08,k09,k10,k11,k12,k13,k14,luas_lantai_m2,jumlah_jiwa,penghasilan_bulanan,"
		"skor,kategori,diubah_pada,disimpan_pada) VALUES(:id,:a,:tgl,:penilai,:k01,:k02,:k03,:k04,:k05,:k06,"
		":k07,:k08,:k09,:k10,:k11,:k12,:k13,:k14,:luas,:jiwa,:hasil,:skor,:kat,:t," DB_STORED_SQL ")");
	s->mtg = prep(db, "INSERT INTO pertemuan(id,kelompok_id,tanggal,tempat,pendamping_hadir,"
		"agenda,keputusan,diubah_pada,disimpan_pada) VALUES(:id,:g,:tgl,:tempat,:ph,:agenda,:kep,:t," DB_STORED_SQL ")");
	s->att = prep(db, "INSERT INTO kehadiran(pertemuan_id,anggota_id,status,iuran_kas,iuran_iks,"
		"diubah_pada,disimpan_pada) VALUES(:p,:a,:s,:kas,:iks,:t," DB_STORED_SQL ")");
	s->kas = prep(db, "INSERT INTO kas(id,kelompok_id,tanggal,no_bukti,buku,kategori,uraian,"
		"masuk,keluar,pertemuan_id,diubah_pada,sumber_id,disimpan_pada) VALUES(:id,:g,:tgl,:bukti,"
		":buku,:kat,:uraian,:masuk,:keluar,:p,:t,:src," DB_STORED_SQL ")");
	s->cyc = prep(db, "INSERT INTO siklus(id,kelompok_id,nomor,mulai,simpanan_wajib,"
		"jasa_persen_bulan,metode_jasa,batas_pinjaman_kali,metode_bagi,diubah_pada) "
		"VALUES(:id,:g,1,:mulai,:wajib,:rate,'flat',300,'simpanan',:t)");
	s->sav = prep(db, "INSERT INTO simpanan(id,siklus_id,anggota_id,tanggal,jenis,setor,"
		"pertemuan_id,diubah_pada) VALUES(:id,:s,:a,:tgl,'wajib',:v,:p,:t)");
	s->loan = prep(db, "INSERT INTO pinjaman(id,siklus_id,anggota_id,tanggal,pokok,"
		"jasa_persen_bulan,metode_jasa,jumlah_angsuran,jarak_angsuran,sumber,pertemuan_id,"
		"diubah_pada) VALUES(:id,:s,:a,:tgl,:pokok,:rate,'flat',12,'minggu','simpin',:p,:t)");
	s->rep = prep(db, "INSERT INTO angsuran(id,pinjaman_id,tanggal,pokok,jasa,pertemuan_id,"
		"diubah_pada) VALUES(:id,:l,:tgl,:pokok,:jasa,:p,:t)");
}

struct village {
	char kode[16];
	char nama[128];
};

static struct village *load_villages(sk_db *db, const char *prefix, int *n)
{
	sqlite3_stmt *st = prep(db, "SELECT kode, nama FROM wilayah WHERE tingkat=4 AND kode LIKE "
				    ":p || '%' ORDER BY kode");
	db_bind_text(st, ":p", prefix);
	int cap = 1024;
	struct village *v = malloc(sizeof *v * (size_t)cap);
	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && *n < cap) {
		db_col_text(st, 0, v[*n].kode, sizeof v[*n].kode);
		db_col_text(st, 1, v[*n].nama, sizeof v[*n].nama);
		(*n)++;
	}
	db_reset(st);
	return v;
}

/* Six digits of the kecamatan of a village code PP.KK.CC.DDDD. */
static void kec6(const char *kode, char out[7])
{
	snprintf(out, 7, "%.2s%.2s%.2s", kode, kode + 3, kode + 6);
}

static void text(sqlite3_stmt *st, const char *name, const char *v) { db_bind_text(st, name, v); }
static void num(sqlite3_stmt *st, const char *name, int64_t v) { db_bind_int64(st, name, v); }

/* A member's loan of the cycle: made at week made (-1: none yet), repaid by the schedule. */
struct member_loan {
	char id[SK_UUID_LEN + 1];
	int made;
	sk_loan_schedule *s;
};

struct group_state {
	char id[SK_UUID_LEN + 1];
	char member[32][SK_UUID_LEN + 1];
	int nmem, start_day;
	int64_t kas, iks, umum_bal, iks_bal, simpin_bal;
	int bukti;
	/* The savings-and-loans cycle of the last year (first week cycle_week). */
	char cycle[SK_UUID_LEN + 1];
	int cycle_week, rate;
	int64_t wajib, saved[32];
	struct member_loan loan[32];
};

static void gen_group(sk_db *db, struct stmts *s, struct group_state *g, int gi,
		      const struct village *v, const struct opts *o)
{
	char berdiri[11], t[SK_TS_LEN + 1], buf[320], tel[24];
	g->start_day = rnd_in(0, 27);
	day_str(g->start_day, berdiri);
	stamp(berdiri, t);
	det_uuid(g->id);
	g->kas = 1000 * rnd_in(2, 10);
	g->iks = 1000 * rnd_in(1, 2);
	int b = gi % N(BIDANG);
	text(s->grp, ":id", g->id);
	snprintf(buf, sizeof buf, "K-%04d", gi + 1);
	text(s->grp, ":kode", buf);
	snprintf(buf, sizeof buf, "KUBE %s %s %d", BIDANG[b], v->nama, gi + 1);
	text(s->grp, ":nama", buf);
	text(s->grp, ":w", v->kode);
	snprintf(buf, sizeof buf, "Jl. %s No. %d", LAST[gi % N(LAST)], rnd_in(1, 120));
	text(s->grp, ":alamat", buf);
	text(s->grp, ":jenis", JENIS[b]);
	text(s->grp, ":bidang", BIDANG[b]);
	text(s->grp, ":berdiri", berdiri);
	text(s->grp, ":tingkat", TINGKAT[rnd_in(0, 3)]);
	snprintf(buf, sizeof buf, "%s %s", FIRST_P[gi % N(FIRST_P)], LAST[(gi / 3) % N(LAST)]);
	text(s->grp, ":pend", buf);
	snprintf(tel, sizeof tel, "0812%08d", rnd_in(0, 99999999));
	text(s->grp, ":tel", tel);
	num(s->grp, ":kas", g->kas);
	num(s->grp, ":iks", g->iks);
	int aided = gi % 3 != 0;
	num(s->grp, ":uep", aided ? 20000000 : 0);
	db_bind_int64_or_null(s->grp, ":tahun", 2021, !aided);
	text(s->grp, ":t", t);
	step(db, s->grp);
	(void)o;
}

static void gen_assessment(sk_db *db, struct stmts *s, const char *member_id, const char *date,
			   int poor)
{
	char id[SK_UUID_LEN + 1], t[SK_TS_LEN + 1], k[8];
	int score = 0;
	det_uuid(id);
	stamp(date, t);
	text(s->pen, ":id", id);
	text(s->pen, ":a", member_id);
	text(s->pen, ":tgl", date);
	text(s->pen, ":penilai", "Pendamping");
	int jiwa = rnd_in(2, 7);
	double luas = poor ? rnd_in(12, 8 * jiwa - 1) : rnd_in(8 * jiwa, 120);
	int64_t hasil = poor ? 1000 * rnd_in(200, 599) : 1000 * rnd_in(600, 3000);
	for (int i = 1; i <= 14; i++) {
		int yes;
		if (i == 1)
			yes = luas / jiwa < 8.0;
		else if (i == 12)
			yes = hasil < 600000;
		else
			yes = rnd_in(0, 99) < (poor ? 80 : 25);
		snprintf(k, sizeof k, ":k%02d", i);
		num(s->pen, k, yes);
		score += yes;
	}
	db_bind_double(s->pen, ":luas", luas);
	num(s->pen, ":jiwa", jiwa);
	num(s->pen, ":hasil", hasil);
	num(s->pen, ":skor", score);
	text(s->pen, ":kat", score >= 9 ? "miskin" : "tidak_miskin");
	text(s->pen, ":t", t);
	step(db, s->pen);
}

static void gen_members(sk_db *db, struct stmts *s, struct group_state *g, const struct village *v,
			int *global_idx, int count)
{
	static const char *const ROLE[] = { "ketua", "sekretaris", "bendahara" };
	char kec[7], nik[64], kk[64], lahir[11], masuk[11], t[SK_TS_LEN + 1], nama[128], rt[16];
	kec6(v->kode, kec);
	day_str(g->start_day, masuk);
	stamp(masuk, t);
	g->nmem = count;
	for (int i = 0; i < count; i++) {
		int idx = (*global_idx)++;
		int woman = rnd_in(0, 99) < 60;
		int off = (int)((int64_t)idx * 7919 % 14000);
		struct tm tm = { .tm_year = 66, .tm_mon = 0, .tm_mday = 1 + off, .tm_hour = 12 };
		timegm(&tm);
		strftime(lahir, sizeof lahir, "%Y-%m-%d", &tm);
		snprintf(nik, sizeof nik, "%s%02d%02d%02d%04d", kec, tm.tm_mday + (woman ? 40 : 0),
			 tm.tm_mon + 1, tm.tm_year % 100, idx % 9999 + 1);
		snprintf(kk, sizeof kk, "%s%02d%02d%02d%04d", kec, rnd_in(1, 28), rnd_in(1, 12),
			 rnd_in(5, 20), rnd_in(1, 9999));
		snprintf(nama, sizeof nama, "%s %s", woman ? FIRST_P[rnd_in(0, N(FIRST_P) - 1)]
							  : FIRST_L[rnd_in(0, N(FIRST_L) - 1)],
			 LAST[rnd_in(0, N(LAST) - 1)]);
		det_uuid(g->member[i]);
		text(s->mem, ":id", g->member[i]);
		text(s->mem, ":g", g->id);
		text(s->mem, ":nik", nik);
		text(s->mem, ":kk", kk);
		text(s->mem, ":nama", nama);
		text(s->mem, ":jk", woman ? "P" : "L");
		text(s->mem, ":tempat", v->nama);
		text(s->mem, ":lahir", lahir);
		text(s->mem, ":alamat", "Jl. Melati");
		snprintf(rt, sizeof rt, "%03d", rnd_in(1, 15));
		text(s->mem, ":rt", rt);
		text(s->mem, ":rw", "002");
		text(s->mem, ":jab", i < 3 ? ROLE[i] : "anggota");
		text(s->mem, ":masuk", masuk);
		num(s->mem, ":dtsen", 1);
		num(s->mem, ":desil", rnd_in(1, 5));
		num(s->mem, ":pkh", rnd_in(0, 1));
		text(s->mem, ":t", t);
		step(db, s->mem);
		int poor = rnd_in(0, 99) < 80;
		gen_assessment(db, s, g->member[i], masuk, poor);
		if (i % 3 == 0) {
			char later[11];
			day_str(g->start_day + 365, later);
			gen_assessment(db, s, g->member[i], later, poor && rnd_in(0, 9) > 0);
		}
	}
}

static void post_src(sk_db *db, struct stmts *s, struct group_state *g, const char *date,
		     const char *buku, const char *kat, const char *uraian, int64_t masuk,
		     int64_t keluar, const char *meeting_id, const char *src);

static void post(sk_db *db, struct stmts *s, struct group_state *g, const char *date,
		 const char *buku, const char *kat, const char *uraian, int64_t masuk,
		 int64_t keluar, const char *meeting_id)
{
	post_src(db, s, g, date, buku, kat, uraian, masuk, keluar, meeting_id, NULL);
}

/* A ledger row; src: the savings, loan or repayment it posts (its pertemuan_id then NULL). */
static void post_src(sk_db *db, struct stmts *s, struct group_state *g, const char *date,
		     const char *buku, const char *kat, const char *uraian, int64_t masuk,
		     int64_t keluar, const char *meeting_id, const char *src)
{
	char id[SK_UUID_LEN + 1], t[SK_TS_LEN + 1], bukti[16];
	det_uuid(id);
	stamp(date, t);
	snprintf(bukti, sizeof bukti, "%s-%05d", masuk ? "BKM" : "BKK", ++g->bukti);
	text(s->kas, ":id", id);
	text(s->kas, ":g", g->id);
	text(s->kas, ":tgl", date);
	text(s->kas, ":bukti", bukti);
	text(s->kas, ":buku", buku);
	text(s->kas, ":kat", kat);
	text(s->kas, ":uraian", uraian);
	num(s->kas, ":masuk", masuk);
	num(s->kas, ":keluar", keluar);
	text(s->kas, ":p", meeting_id);
	text(s->kas, ":t", t);
	text(s->kas, ":src", src);
	step(db, s->kas);
	int64_t *bal = strcmp(buku, "umum") == 0 ? &g->umum_bal
		       : strcmp(buku, "iks") == 0 ? &g->iks_bal : &g->simpin_bal;
	*bal += masuk - keluar;
}

/* The cycle of the last year: its row, then every week's savings, loans and repayments. */
static void gen_cycle(sk_db *db, struct stmts *s, struct group_state *g, int weeks)
{
	char date[11], t[SK_TS_LEN + 1];
	g->cycle_week = weeks > 52 ? weeks - 52 : 0;
	day_str(g->start_day + 7 * g->cycle_week, date);
	stamp(date, t);
	det_uuid(g->cycle);
	g->wajib = 1000 * rnd_in(5, 10);
	g->rate = 50 * rnd_in(0, 4);
	text(s->cyc, ":id", g->cycle);
	text(s->cyc, ":g", g->id);
	text(s->cyc, ":mulai", date);
	num(s->cyc, ":wajib", g->wajib);
	num(s->cyc, ":rate", g->rate);
	text(s->cyc, ":t", t);
	step(db, s->cyc);
	for (int i = 0; i < g->nmem; i++)
		g->loan[i].made = -1;
}

/* Member i's savings at the meeting (id, date) of week w of the cycle. */
static void gen_saving(sk_db *db, struct stmts *s, struct group_state *g, int i,
		       const char *meeting, const char *date)
{
	char id[SK_UUID_LEN + 1], t[SK_TS_LEN + 1];
	det_uuid(id);
	stamp(date, t);
	text(s->sav, ":id", id);
	text(s->sav, ":s", g->cycle);
	text(s->sav, ":a", g->member[i]);
	text(s->sav, ":tgl", date);
	num(s->sav, ":v", g->wajib);
	text(s->sav, ":p", meeting);
	text(s->sav, ":t", t);
	step(db, s->sav);
	g->saved[i] += g->wajib;
	post_src(db, s, g, date, "simpin", "simpanan", "Simpanan wajib", g->wajib, 0, NULL, id);
}

/* The loans and repayments of a meeting of week w (cw: week of the cycle). */
static void gen_loans(sk_db *db, struct stmts *s, struct group_state *g, int cw,
		      const char *meeting, const char *date)
{
	char id[SK_UUID_LEN + 1], t[SK_TS_LEN + 1];
	stamp(date, t);
	for (int i = 0; i < g->nmem; i++) {
		struct member_loan *l = &g->loan[i];
		if (l->made >= 0 && cw > l->made && cw - l->made <= 12) {
			const sk_instalment *in = &l->s->at[cw - l->made - 1];
			det_uuid(id);
			text(s->rep, ":id", id);
			text(s->rep, ":l", l->id);
			text(s->rep, ":tgl", date);
			num(s->rep, ":pokok", in->pokok);
			num(s->rep, ":jasa", in->jasa);
			text(s->rep, ":p", meeting);
			text(s->rep, ":t", t);
			step(db, s->rep);
			post_src(db, s, g, date, "simpin", "angsuran", "Angsuran", in->jumlah, 0, NULL,
				 id);
		}
	}
	/* One new loan a week, member by member from the fourth week, within three times the
	 * borrower's savings and half of the fund's cash. */
	int i = cw - 3;
	if (i < 0 || i >= g->nmem || i >= (int)(sizeof g->saved / sizeof g->saved[0]) || cw + 12 > 52)
		return;
	int64_t pokok = g->saved[i] * 3;
	if (pokok > g->simpin_bal / 2)
		pokok = g->simpin_bal / 2;
	pokok = pokok / 10000 * 10000;
	if (pokok < 10000)
		return;
	struct member_loan *l = &g->loan[i];
	sk_loan_terms terms = { .pokok = pokok, .rate = g->rate, .metode = LOAN_FLAT, .jumlah = 12,
				.jarak = LOAN_MINGGU };
	snprintf(terms.tanggal, sizeof terms.tanggal, "%s", date);
	if (!l->s)
		l->s = malloc(sizeof *l->s);
	if (!l->s || loan_schedule(&terms, l->s) != LOAN_OK)
		return;
	det_uuid(l->id);
	l->made = cw;
	text(s->loan, ":id", l->id);
	text(s->loan, ":s", g->cycle);
	text(s->loan, ":a", g->member[i]);
	text(s->loan, ":tgl", date);
	num(s->loan, ":pokok", pokok);
	num(s->loan, ":rate", g->rate);
	text(s->loan, ":p", meeting);
	text(s->loan, ":t", t);
	step(db, s->loan);
	post_src(db, s, g, date, "simpin", "pinjaman", "Pinjaman", 0, pokok, NULL, l->id);
}

static void gen_meeting(sk_db *db, struct stmts *s, struct group_state *g, int week)
{
	int in_cycle = *g->cycle && week >= g->cycle_week;
	static const char STATUS[] = "HHHHHHHHHHHHHHHHHISA";
	char id[SK_UUID_LEN + 1], date[11], t[SK_TS_LEN + 1];
	day_str(g->start_day + 7 * week, date);
	stamp(date, t);
	det_uuid(id);
	text(s->mtg, ":id", id);
	text(s->mtg, ":g", g->id);
	text(s->mtg, ":tgl", date);
	text(s->mtg, ":tempat", "Rumah ketua");
	num(s->mtg, ":ph", week % 4 == 0);
	text(s->mtg, ":agenda", "Iuran mingguan; laporan usaha");
	text(s->mtg, ":kep", week % 4 == 0 ? "Belanja bahan baku bulanan" : "");
	text(s->mtg, ":t", t);
	step(db, s->mtg);
	int64_t kas = 0, iks = 0;
	for (int i = 0; i < g->nmem; i++) {
		char st[2] = { STATUS[rnd_in(0, (int)sizeof STATUS - 2)], '\0' };
		int paid = st[0] == 'H';
		text(s->att, ":p", id);
		text(s->att, ":a", g->member[i]);
		text(s->att, ":s", st);
		num(s->att, ":kas", paid ? g->kas : 0);
		num(s->att, ":iks", paid ? g->iks : 0);
		text(s->att, ":t", t);
		step(db, s->att);
		kas += paid ? g->kas : 0;
		iks += paid ? g->iks : 0;
		if (paid && in_cycle)
			gen_saving(db, s, g, i, id, date);
	}
	if (in_cycle)
		gen_loans(db, s, g, week - g->cycle_week, id, date);
	if (kas > 0)
		post(db, s, g, date, "umum", "iuran_kas", "Iuran kas pertemuan", kas, 0, id);
	if (iks > 0)
		post(db, s, g, date, "iks", "iuran_iks", "Iuran IKS pertemuan", iks, 0, id);
	if (week % 4 == 3 && g->umum_bal > 1000)
		post(db, s, g, date, "umum", "pembelian", "Belanja bahan baku", 0,
		     g->umum_bal / 1000 * rnd_in(300, 700), NULL);
	if (week % 26 == 25 && g->iks_bal > 1000)
		post(db, s, g, date, "iks", "santunan", "Santunan anggota sakit", 0,
		     g->iks_bal / 2000 * 1000, NULL);
}

/* One more meeting a week after the group's last one, for every group (see --add-week). */
static int add_week(sk_db *db)
{
	static const char STATUS[] = "HHHHHHHHHHHHHHHHHISA";
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	sqlite3_stmt *gs = prep(db, "SELECT g.id, g.iuran_kas, g.iuran_iks, date(max(p.tanggal), "
		"'+7 days') FROM kelompok g JOIN pertemuan p ON p.kelompok_id=g.id WHERE g.dihapus=0 "
		"GROUP BY g.id ORDER BY g.kode, g.id");
	sqlite3_stmt *ms = prep(db, "SELECT id FROM anggota WHERE kelompok_id=:g AND dihapus=0 AND "
		"tanggal_keluar IS NULL ORDER BY id");
	sqlite3_stmt *cs = prep(db, "SELECT id, simpanan_wajib FROM siklus WHERE kelompok_id=:g AND "
		"dihapus=0 AND selesai IS NULL");
	struct stmts s;
	prepare_all(db, &s);
	int n = 0;
	while (sqlite3_step(gs) == SQLITE_ROW) {
		char gid[SK_UUID_LEN + 1], date[16], mid[SK_UUID_LEN + 1], kid[SK_UUID_LEN + 1];
		db_col_text(gs, 0, gid, sizeof gid);
		int64_t kas = sqlite3_column_int64(gs, 1), iks = sqlite3_column_int64(gs, 2);
		db_col_text(gs, 3, date, sizeof date);
		det_uuid(mid);
		text(s.mtg, ":id", mid);
		text(s.mtg, ":g", gid);
		text(s.mtg, ":tgl", date);
		text(s.mtg, ":tempat", "Rumah ketua");
		num(s.mtg, ":ph", 0);
		text(s.mtg, ":agenda", "Iuran mingguan; laporan usaha");
		text(s.mtg, ":kep", "");
		text(s.mtg, ":t", now);
		step(db, s.mtg);
		int64_t sum_kas = 0, sum_iks = 0, wajib = 0;
		char cid[SK_UUID_LEN + 1] = "";
		db_bind_text(cs, ":g", gid);
		if (sqlite3_step(cs) == SQLITE_ROW) {
			db_col_text(cs, 0, cid, sizeof cid);
			wajib = sqlite3_column_int64(cs, 1);
		}
		sqlite3_reset(cs);
		db_bind_text(ms, ":g", gid);
		while (sqlite3_step(ms) == SQLITE_ROW) {
			char aid[SK_UUID_LEN + 1], st[2] = { STATUS[rnd_in(0, (int)sizeof STATUS - 2)] };
			db_col_text(ms, 0, aid, sizeof aid);
			int paid = st[0] == 'H';
			text(s.att, ":p", mid);
			text(s.att, ":a", aid);
			text(s.att, ":s", st);
			num(s.att, ":kas", paid ? kas : 0);
			num(s.att, ":iks", paid ? iks : 0);
			text(s.att, ":t", now);
			step(db, s.att);
			sum_kas += paid ? kas : 0;
			sum_iks += paid ? iks : 0;
			if (!paid || !*cid || wajib <= 0)
				continue;
			char sid[SK_UUID_LEN + 1], bukti[24];
			det_uuid(sid);
			text(s.sav, ":id", sid);
			text(s.sav, ":s", cid);
			text(s.sav, ":a", aid);
			text(s.sav, ":tgl", date);
			num(s.sav, ":v", wajib);
			text(s.sav, ":p", mid);
			text(s.sav, ":t", now);
			step(db, s.sav);
			det_uuid(kid);
			snprintf(bukti, sizeof bukti, "BKM-S%06d", ++n);
			text(s.kas, ":id", kid);
			text(s.kas, ":g", gid);
			text(s.kas, ":tgl", date);
			text(s.kas, ":bukti", bukti);
			text(s.kas, ":buku", "simpin");
			text(s.kas, ":kat", "simpanan");
			text(s.kas, ":uraian", "Simpanan wajib");
			num(s.kas, ":masuk", wajib);
			num(s.kas, ":keluar", 0);
			text(s.kas, ":p", NULL);
			text(s.kas, ":t", now);
			text(s.kas, ":src", sid);
			step(db, s.kas);
		}
		sqlite3_reset(ms);
		for (int b = 0; b < 2; b++) {
			int64_t v = b ? sum_iks : sum_kas;
			char bukti[24];
			if (v <= 0)
				continue;
			det_uuid(kid);
			snprintf(bukti, sizeof bukti, "BKM-M%06d", ++n);
			text(s.kas, ":id", kid);
			text(s.kas, ":g", gid);
			text(s.kas, ":tgl", date);
			text(s.kas, ":bukti", bukti);
			text(s.kas, ":buku", b ? "iks" : "umum");
			text(s.kas, ":kat", b ? "iuran_iks" : "iuran_kas");
			text(s.kas, ":uraian", b ? "Iuran IKS pertemuan" : "Iuran kas pertemuan");
			num(s.kas, ":masuk", v);
			num(s.kas, ":keluar", 0);
			text(s.kas, ":p", mid);
			text(s.kas, ":t", now);
			text(s.kas, ":src", NULL);
			step(db, s.kas);
		}
	}
	sqlite3_reset(gs);
	return 0;
}

static int parse(int argc, char **argv, struct opts *o)
{
	*o = (struct opts){ .groups = 2000, .members = 15, .years = 5, .seed = 20261122,
			    .kabupaten = "33.01" };
	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(argv[i], "--add-week") == 0) {
			o->add_week = 1;
			continue;
		}
		if (!v)
			return -1;
		if (strcmp(argv[i], "--db") == 0)
			o->db = v;
		else if (strcmp(argv[i], "--groups") == 0)
			o->groups = atoi(v);
		else if (strcmp(argv[i], "--members") == 0)
			o->members = atoi(v);
		else if (strcmp(argv[i], "--years") == 0)
			o->years = atoi(v);
		else if (strcmp(argv[i], "--seed") == 0)
			o->seed = strtoull(v, NULL, 10);
		else if (strcmp(argv[i], "--kabupaten") == 0)
			o->kabupaten = v;
		else
			return -1;
		i++;
	}
	if (!o->db || o->groups < 1 || o->members < 5 || o->members > 20 || o->years < 1 ||
	    region_level(o->kabupaten) != REGION_KABUPATEN)
		return -1;
	if (o->add_week && (o->groups != 2000 || o->members != 15 || o->years != 5))
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o;
	if (parse(argc, argv, &o) != 0) {
		fprintf(stderr, "usage: bench-gen --db PATH [--groups N] [--members 5-20] [--years Y] "
				"[--seed S] [--kabupaten PP.KK]\n       bench-gen --db PATH --add-week [--seed S]\n");
		return 2;
	}
	i18n_init("id");
	rng_state = o.seed ? o.seed : 1;
	sk_db *db;
	sk_err e;
	if (db_open(o.db, 0, &db, &e) != SK_OK || region_ensure_loaded(db, &e) != SK_OK) {
		fprintf(stderr, "bench-gen: %s\n", e.msg);
		return 2;
	}
	if (o.add_week) {
		/* Its own stream of UUIDs: one more week never reuses the generated ones. */
		rng_state ^= 0x9e3779b97f4a7c15ULL ^ (uint64_t)db_int(db, "SELECT count(*) FROM "
								     "pertemuan", 0);
		int rc = db_begin_write(db, &e);
		if (rc == SK_OK) {
			db_audit_rows(db, 0);
			rc = db_end(db, add_week(db) == 0, &e);
		}
		db_close(db);
		if (rc != SK_OK)
			fprintf(stderr, "bench-gen: %s\n", e.msg);
		return rc == SK_OK ? 0 : 1;
	}
	/* A generator, not a clerk's database: no journal, no syncs, a big cache. The file is
	 * put back into WAL mode at the end so that SIKUBE opens it as it opens its own. */
	db_journal_mode(db, "OFF", &e);
	db_exec(db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144", &e);
	char device[SK_UUID_LEN + 1];
	det_uuid(device); /* the database's own UUID too: the same seed, the same bundle */
	db_setting_set(db, "perangkat", device, &e);
	int nv;
	struct village *v = load_villages(db, o.kabupaten, &nv);
	struct stmts s;
	prepare_all(db, &s);
	int global_idx = 0;
	db_begin_write(db, &e);
	/* Generated rows are not an operator's writes: no trail row each (as import does; with
	 * them, 2,000 groups filled 13 GB of captured changes before the commit). */
	db_audit_rows(db, 0);
	for (int gi = 0; gi < o.groups; gi++) {
		struct group_state g = { 0 };
		const struct village *vil = &v[gi % nv];
		gen_group(db, &s, &g, gi, vil, &o);
		gen_members(db, &s, &g, vil, &global_idx, o.members);
		for (int w = 0; w < o.years * 52; w++) {
			if (w == (o.years > 1 ? o.years * 52 - 52 : 0))
				gen_cycle(db, &s, &g, o.years * 52);
			gen_meeting(db, &s, &g, w);
		}
		for (int i = 0; i < g.nmem; i++)
			free(g.loan[i].s);
		if (gi % 100 == 99)
			fprintf(stderr, "\rbench-gen: %d/%d groups", gi + 1, o.groups);
	}
	int rc = db_end(db, 1, &e);
	/* Names in SIKUBE's order (the sort keys SIKUBE stores beside them, collate.h). */
	if (rc == SK_OK)
		rc = sk_sort_keys_refresh(db, &e);
	if (rc == SK_OK)
		rc = db_journal_mode(db, "WAL", &e);
	fprintf(stderr, "\n");
	free(v);
	db_close(db);
	if (rc != SK_OK)
		fprintf(stderr, "bench-gen: %s\n", e.msg);
	return rc == SK_OK ? 0 : 1;
}
