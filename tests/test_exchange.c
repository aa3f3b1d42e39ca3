/* test_exchange.c - bundles: export/import round trip, Excel form, formula guard, masked
 * export, --since-last, re-import, merge order, ties, deletions, single table files,
 * refusals with their problem rows, --valid-only. */
#include <sys/stat.h>
#include <time.h>
#include "assessment.h"
#include "cashbook.h"
#include "evaluation.h"
#include "export.h"
#include "fixture.h"
#include "group.h"
#include "import.h"
#include "import_priv.h"
#include "meeting.h"
#include "member.h"

#define OLD "2025-01-01T00:00:00Z"
static const char *const FILES[] = { "kelompok.csv", "anggota.csv", "penilaian.csv",
				     "pertemuan.csv", "kehadiran.csv", "kas.csv", "tutup_buku.csv",
				     "siklus.csv", "simpanan.csv", "pinjaman.csv", "angsuran.csv",
				     "denda.csv", "bagi_hasil.csv", "evaluasi.csv" };
#define NFILES ((int)(sizeof FILES / sizeof FILES[0]))
static char tmp[PATH_MAX];
static char g1[SK_UUID_LEN + 1], g2[SK_UUID_LEN + 1];
static char m_ketua[SK_UUID_LEN + 1], m_ali[SK_UUID_LEN + 1];

static const char *NAMES[] = { "=1+1", "'Ali", "Nur'aini", "Sumarni \"Ijah\"", "Endang, S.",
			       "Ñoño Ümit Đặng 王小明", " Spasi di tepi ", "-Minus", "@Dina",
			       "+62 Budi", "'=2" };
#define NNAMES ((int)(sizeof NAMES / sizeof NAMES[0]))

/* One integer from sql (may be built at run time: db_int caches by pointer, so it wants
 * string constants). */
static long long q_int(sk_db *db, const char *sql, long long dflt)
{
	sqlite3_stmt *st;
	long long v = dflt;
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
		return dflt;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	size_t got = fread(buf, 1, (size_t)n, f);
	buf[got] = '\0';
	fclose(f);
	if (len)
		*len = got;
	return buf;
}

static void path_in(char *out, size_t n, const char *dir, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

/* Lower-case hex SHA-256 of the file at path ("" when unreadable). */
static void file_sha(const char *path, char hex[65])
{
	size_t n;
	char *s = slurp(path, &n);
	if (s)
		bundle_sha256_hex(s, n, hex);
	else
		hex[0] = '\0';
	free(s);
}

/* 1 when every data file of the two bundles has the same bytes. */
static int same_data(const char *a, const char *b)
{
	for (int i = 0; i < NFILES; i++) {
		char pa[PATH_MAX + 32], pb[PATH_MAX + 32];
		size_t la, lb;
		path_in(pa, sizeof pa, a, FILES[i]);
		path_in(pb, sizeof pb, b, FILES[i]);
		char *x = slurp(pa, &la), *y = slurp(pb, &lb);
		int same = x && y && la == lb && memcmp(x, y, la) == 0;
		if (!same)
			printf("# %s differs between %s and %s\n", FILES[i], a, b);
		free(x);
		free(y);
		if (!same)
			return 0;
	}
	return 1;
}

static int file_has(const char *dir, const char *file, const char *text)
{
	char p[PATH_MAX + 32];
	path_in(p, sizeof p, dir, file);
	char *s = slurp(p, NULL);
	int found = s && strstr(s, text) != NULL;
	free(s);
	return found;
}

static sk_db *open_db(const char *name)
{
	char path[PATH_MAX + 32];
	path_in(path, sizeof path, tmp, name);
	return fixture_open(path);
}

static int do_export(sk_db *db, const char *name, int since, int mask, int excel, export_result *r)
{
	char dir[PATH_MAX + 32];
	export_opts o = { .since_last = since, .mask_nik = mask, .excel = excel };
	export_result dummy;
	sk_err e;
	path_in(dir, sizeof dir, tmp, name);
	int rc = export_bundle(db, dir, &o, NULL, NULL, r ? r : &dummy, &e);
	if (rc != SK_OK)
		printf("# export %s: %s\n", name, e.msg);
	return rc;
}

/* Import sources named relative to tmp; r is freed unless keep. */
static int do_import(sk_db *db, int valid_only, import_result *r, int n, ...)
{
	char paths[4][PATH_MAX + 32];
	const char *p[4];
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		path_in(paths[i], sizeof paths[i], tmp, va_arg(ap, const char *));
		p[i] = paths[i];
	}
	va_end(ap);
	import_opts o = { .valid_only = valid_only };
	import_result local;
	sk_err e;
	sk_err_clear(&e);
	int rc = import_paths(db, n, p, &o, r ? r : &local, &e);
	if (rc != SK_OK && rc != SK_REFUSED)
		printf("# import: %s\n", e.msg);
	if (!r)
		import_result_free(&local);
	return rc;
}

static const import_problem *find_problem(const import_result *r, const char *file, long long line,
					  const char *kolom)
{
	for (int i = 0; i < r->nproblems; i++) {
		const import_problem *p = &r->problems[i];
		const char *slash = strrchr(p->berkas, '/');
		if (strcmp(slash ? slash + 1 : p->berkas, file) == 0 && p->baris == line &&
		    strcmp(p->kolom, kolom) == 0)
			return p;
	}
	for (int i = 0; i < r->nproblems; i++)
		printf("#   problem %s,%lld,%s,%s,%s\n", r->problems[i].berkas, r->problems[i].baris,
		       r->problems[i].kolom, r->problems[i].nilai, r->problems[i].alasan);
	return NULL;
}

static void add_group(sk_db *db, const char *name, char *id)
{
	sk_group g;
	sk_issues is;
	sk_err e;
	group_init(&g);
	sk_strlcpy(g.nama, name, sizeof g.nama);
	strcpy(g.kode_wilayah, "31.71.08.1003");
	strcpy(g.telepon_pendamping, "+6281234567");
	strcpy(g.catatan, "baris satu\nbaris dua; \"kutip\"");
	g.iuran_kas = 5000;
	g.iuran_iks = 1000;
	if (group_insert(db, &g, &is, &e) != SK_OK) {
		fprintf(stderr, "add_group: %s\n", e.msg);
		exit(2);
	}
	strcpy(id, g.id);
}

static void add_member(sk_db *db, const char *gid, int serial, const char *name, const char *role,
		       char *id)
{
	sk_member m;
	sk_issues is;
	sk_err e;
	member_init(&m, gid);
	snprintf(m.nik, sizeof m.nik, "317108120880%04d", serial);
	snprintf(m.no_kk, sizeof m.no_kk, "317108150310%04d", serial);
	sk_strlcpy(m.nama, name, sizeof m.nama);
	strcpy(m.jenis_kelamin, "L");
	strcpy(m.tanggal_lahir, "1980-08-12");
	strcpy(m.jabatan, role);
	strcpy(m.rt, "003");
	m.desil_dtsen = serial % 10 + 1;
	if (member_insert(db, &m, &is, &e) != SK_OK) {
		fprintf(stderr, "add_member %s: %s (%s)\n", name, e.msg, is.n ? is.items[0].msg : "");
		exit(2);
	}
	if (id)
		strcpy(id, m.id);
}

/* A database holding every table, tricky names, a deleted member, all stamped OLD. */
static void fill(sk_db *db)
{
	sk_err e;
	add_group(db, "KUBE Melati 3", g1);
	add_group(db, "KUBE Mawar", g2);
	for (int i = 0; i < NNAMES; i++)
		add_member(db, i < 6 ? g1 : g2, i + 1, NAMES[i], i == 0 ? "ketua" : "anggota",
			   i == 0 ? m_ketua : i == 1 ? m_ali : NULL);
	char gone[SK_UUID_LEN + 1];
	add_member(db, g2, 50, "Sudah Dihapus", "anggota", gone);
	member_delete(db, gone, &e);

	sk_assessment a;
	assessment_init(&a, m_ali);
	sk_uuid_new(a.id);
	strcpy(a.tanggal, "2025-02-01");
	for (int i = 0; i < 10; i++)
		a.k[i] = 1;
	a.has_luas = 1;
	a.luas_lantai_m2 = 21.5;
	a.has_jiwa = 1;
	a.jumlah_jiwa = 4;
	a.has_penghasilan = 1;
	a.penghasilan_bulanan = 450000;
	strcpy(a.penilai, "=Pendamping");
	assessment_score(&a, 9);
	strcpy(a.diubah_pada, OLD);
	CHECK(FIXTURE_WRITE(db, assessment_store_raw(db, &a, 1, &e)) == SK_OK, "store an assessment");

	sk_meeting mt;
	meeting_init(&mt, g1);
	sk_uuid_new(mt.id);
	strcpy(mt.tanggal, "2025-02-03");
	strcpy(mt.tempat, "Rumah ketua");
	strcpy(mt.agenda, "Iuran; laporan\r\nusaha");
	strcpy(mt.diubah_pada, OLD);
	CHECK(FIXTURE_WRITE(db, meeting_store_raw(db, &mt, 1, &e)) == SK_OK, "store a meeting");
	sk_attendance at = { .iuran_kas = 5000, .iuran_iks = 1000 };
	strcpy(at.pertemuan_id, mt.id);
	strcpy(at.anggota_id, m_ali);
	strcpy(at.status, "H");
	strcpy(at.diubah_pada, OLD);
	CHECK(FIXTURE_WRITE(db, attendance_store_raw(db, &at, 1, &e)) == SK_OK, "store attendance");
	strcpy(at.anggota_id, m_ketua);
	strcpy(at.status, "S");
	at.iuran_kas = at.iuran_iks = 0;
	CHECK(FIXTURE_WRITE(db, attendance_store_raw(db, &at, 1, &e)) == SK_OK, "store attendance 2");

	sk_cash_row c, rev;
	cash_init(&c, g1);
	sk_uuid_new(c.id);
	strcpy(c.tanggal, "2025-02-03");
	strcpy(c.kategori, "iuran_kas");
	strcpy(c.uraian, "Iuran kas pertemuan");
	strcpy(c.no_bukti, "BKM-001");
	c.masuk = 5000;
	strcpy(c.pertemuan_id, mt.id);
	strcpy(c.diubah_pada, OLD);
	CHECK(FIXTURE_WRITE(db, cash_store_raw(db, &c, 1, &e)) == SK_OK, "store a cash row");
	sk_cash_row iks = c;
	sk_uuid_new(iks.id);
	strcpy(iks.buku, "iks");
	strcpy(iks.kategori, "iuran_iks");
	strcpy(iks.uraian, "Iuran IKS pertemuan");
	iks.masuk = 1000;
	CHECK(FIXTURE_WRITE(db, cash_store_raw(db, &iks, 1, &e)) == SK_OK, "store the IKS posting");
	rev = c;
	sk_uuid_new(rev.id);
	rev.masuk = 0;
	rev.keluar = 5000;
	rev.pertemuan_id[0] = '\0';
	strcpy(rev.membalik_id, c.id);
	strcpy(rev.uraian, "-Koreksi");
	CHECK(FIXTURE_WRITE(db, cash_store_raw(db, &rev, 1, &e)) == SK_OK, "store a reversal");
	CHECK(cash_close_month(db, g1, "umum", "2025-02", 0, "Bendahara", "=Cocok", NULL, &e) == SK_OK &&
	      cash_close_month(db, g1, "iks", "2025-02", 1000, NULL, NULL, NULL, &e) == SK_OK,
	      "close the month in both books");
	/* A development assessment (its group's tingkat following it), free text guarded. */
	sk_evaluation ev;
	static const int v[EVAL_INDICATORS] = { 4, 3, 3, 3, 3, 3, 3, 3 };
	evaluation_init(&ev, g1);
	sk_uuid_new(ev.id);
	strcpy(ev.tanggal, "2025-02-10");
	memcpy(ev.v, v, sizeof ev.v);
	strcpy(ev.penilai, "=Pendamping");
	strcpy(ev.catatan, "Omzet naik,\n\"kue\" laris");
	strcpy(ev.usulan, "s1=4,s2=-,s4=-,e1=2,e4=-");
	evaluation_derive(&ev);
	evaluation_mark_overrides(&ev);
	strcpy(ev.diubah_pada, OLD);
	CHECK(FIXTURE_WRITE(db, evaluation_store_raw(db, &ev, 1, &e) == SK_OK ?
			    evaluation_sync_level(db, g1, &e) : SK_DBERR) == SK_OK,
	      "store a development assessment");
	db_exec_write(db, "UPDATE kelompok SET diubah_pada='" OLD "'; UPDATE anggota SET diubah_pada='"
		OLD "';", &e);
}

static void test_round_trip(sk_db *a)
{
	export_result r;
	CHECK(do_export(a, "full", 0, 0, 0, &r) == SK_OK, "full export");
	CHECK(r.rows[BT_KELOMPOK] == 2 && r.rows[BT_ANGGOTA] == NNAMES + 1 &&
	      r.rows[BT_PENILAIAN] == 1 && r.rows[BT_PERTEMUAN] == 1 &&
	      r.rows[BT_KEHADIRAN] == 2 && r.rows[BT_KAS] == 3, "row counts of the full export");
	CHECK(*r.sejak == '\0', "a full bundle has no sejak");
	char dir[PATH_MAX + 32], p[PATH_MAX + 64];
	path_in(dir, sizeof dir, tmp, "full");
	struct stat st;
	path_in(p, sizeof p, dir, "anggota.csv");
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700, "bundle folder is 0700");
	CHECK(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600, "bundle files are 0600");
	CHECK(file_has(dir, "anggota.csv", ",'=1+1,"), "=1+1 exported with the guard quote");
	CHECK(file_has(dir, "anggota.csv", ",'Ali,"), "'Ali written as it is (no guard)");
	CHECK(file_has(dir, "anggota.csv", ",''=2,"), "'=2 guarded: its own quote kept after the added one");
	CHECK(file_has(dir, "anggota.csv", ",Nur'aini,"), "inner quote left alone");
	CHECK(file_has(dir, "anggota.csv", ",\"Sumarni \"\"Ijah\"\"\","), "quotes doubled");
	CHECK(file_has(dir, "anggota.csv", ",\"Endang, S.\","), "comma quoted");
	CHECK(file_has(dir, "anggota.csv", ",\" Spasi di tepi \","), "edge blanks quoted");
	CHECK(file_has(dir, "kelompok.csv", ",'+6281234567,"), "phone starting with + guarded");
	CHECK(file_has(dir, "kas.csv", ",'-Koreksi,"), "text starting with - guarded");
	CHECK(file_has(dir, "penilaian.csv", ",21.5,4,450000,"), "assessment figures written");
	CHECK(file_has(dir, "penilaian.csv", ",10,miskin,"), "derived score and category written");
	CHECK(file_has(dir, "anggota.csv", ",1\n"), "deleted member travels with dihapus=1");
	CHECK(file_has(dir, "manifest.csv", "format,sikube-bundle\nformat_version,2\n"),
	      "manifest format and version");
	CHECK(file_has(dir, "manifest.csv", "nik_disamarkan,0\n"), "manifest not masked");
	CHECK(file_has(dir, "manifest.csv", "baris.anggota.csv,12\n"), "manifest row count");
	char hex[65], line[128];
	sk_err e;
	path_in(p, sizeof p, dir, "kas.csv");
	size_t kas_len;
	char *kas_bytes = slurp(p, &kas_len);
	bundle_sha256_hex(kas_bytes, kas_len, hex);
	free(kas_bytes);
	snprintf(line, sizeof line, "sha256.kas.csv,%s\n", hex);
	CHECK(file_has(dir, "manifest.csv", line), "manifest checksum is the file's SHA-256");
	char uuid[64];
	db_setting_get(a, "perangkat", "", uuid, sizeof uuid);
	snprintf(line, sizeof line, "perangkat,%s\n", uuid);
	CHECK(file_has(dir, "manifest.csv", line), "manifest names this database");

	sk_db *b = open_db("b.db");
	import_result ir;
	/* The trail's capture triggers (temporary) are dropped for the pass and made again. */
	const char *trail = "SELECT count(*) FROM temp.sqlite_schema WHERE type='trigger' AND "
			    "name LIKE 'jejak%'";
	long long triggers = q_int(b, trail, -1);
	CHECK(do_import(b, 0, &ir, 1, "full") == SK_OK, "import into an empty database");
	CHECK(triggers > 0 && q_int(b, trail, -1) == triggers &&
	      q_int(b, "SELECT count(*) FROM main.sqlite_schema WHERE name LIKE 'jejak\\_%\\_i' "
		    "ESCAPE '\\'", -1) == 0, "the trail's triggers back after the import, still temporary");
	CHECK(import_total(&ir, 0) == 2 + NNAMES + 1 + 1 + 1 + 2 + 3 + 2 + 1 && import_total(&ir, 3) == 0,
	      "every row added");
	import_result_free(&ir);
	CHECK(do_export(b, "again", 0, 0, 0, NULL) == SK_OK, "export the imported database");
	CHECK(same_data(dir, (path_in(p, sizeof p, tmp, "again"), p)), "export again gives the same rows");
	sk_member m;
	CHECK(member_get(b, m_ali, &m, &e) == SK_OK && strcmp(m.nama, "'Ali") == 0,
	      "'Ali imported back as written");
	for (int i = 0; i < NNAMES; i++) {
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM anggota WHERE nama='%s'", NAMES[i]);
		if (strchr(NAMES[i], '\''))
			continue;
		CHECK(q_int(b, sql, 0) == 1, NAMES[i]);
	}
	CHECK(q_int(b, "SELECT count(*) FROM anggota WHERE nama='=1+1'", 0) == 1,
	      "=1+1 imported back as =1+1");
	CHECK(q_int(b, "SELECT count(*) FROM anggota WHERE nama='Nur''aini'", 0) == 1,
	      "Nur'aini survives");
	CHECK(q_int(b, "SELECT count(*) FROM anggota WHERE nama='''=2'", 0) == 1,
	      "'=2 imported back as written");
	CHECK(q_int(b, "SELECT count(*) FROM kelompok WHERE catatan='baris satu\nbaris dua; \"kutip\"'", 0) == 2,
	      "multi-line text survives");
	CHECK(q_int(b, "SELECT count(*) FROM penilaian WHERE luas_lantai_m2=21.5 AND skor=10 "
		     "AND kategori='miskin' AND nilai_tabungan IS NULL", 0) == 1, "assessment round trip");

	/* The same bundle again changes nothing. */
	CHECK(do_import(b, 0, &ir, 1, "full") == SK_OK, "second import of the same bundle");
	CHECK(import_total(&ir, 0) == 0 && import_total(&ir, 1) == 0 && import_total(&ir, 2) ==
	      2 + NNAMES + 1 + 1 + 1 + 2 + 3 + 2 + 1, "second import: everything unchanged");
	import_result_free(&ir);
	CHECK(do_export(b, "again2", 0, 0, 0, NULL) == SK_OK && same_data(dir, (path_in(p, sizeof p,
	      tmp, "again2"), p)), "database unchanged after the second import");

	/* The Excel form imports exactly like the plain one. */
	CHECK(do_export(a, "excel", 0, 0, 1, NULL) == SK_OK, "Excel export");
	path_in(p, sizeof p, tmp, "excel");
	CHECK(file_has(p, "anggota.csv", "\xEF\xBB\xBFid;kelompok_id;"), "Excel: BOM and ;");
	CHECK(file_has(p, "anggota.csv", ";0\r\n"), "Excel: CRLF");
	CHECK(file_has(p, "anggota.csv", ";Endang, S.;"), "Excel: comma needs no quotes");
	sk_db *c = open_db("c.db");
	CHECK(do_import(c, 0, NULL, 1, "excel") == SK_OK, "import the Excel form");
	CHECK(do_export(c, "fromexcel", 0, 0, 0, NULL) == SK_OK &&
	      same_data(dir, (path_in(p, sizeof p, tmp, "fromexcel"), p)),
	      "Excel form gives the same rows as the plain one");
	CHECK(do_import(c, 0, &ir, 1, "full") == SK_OK && import_total(&ir, 2) == 2 + NNAMES + 1 +
	      1 + 1 + 2 + 3 + 2 + 1, "plain bundle over the Excel import changes nothing");
	import_result_free(&ir);
	db_close(c);
	db_close(b);
}

static void test_masked(sk_db *a)
{
	char dir[PATH_MAX + 32], last_before[32], last_after[32];
	export_last_time(a, last_before);
	CHECK(do_export(a, "masked", 0, 1, 0, NULL) == SK_OK, "masked export");
	export_last_time(a, last_after);
	CHECK(strcmp(last_before, last_after) == 0, "a masked export does not count as sent");
	path_in(dir, sizeof dir, tmp, "masked");
	CHECK(file_has(dir, "manifest.csv", "nik_disamarkan,1\n"), "masked bundle is marked");
	CHECK(file_has(dir, "anggota.csv", ",317108**********,317108**********,"),
	      "NIK and No. KK keep 6 digits");
	int full = 0;
	for (int i = 1; i <= 50; i++) {
		char nik[24], kk[24];
		snprintf(nik, sizeof nik, "317108120880%04d", i);
		snprintf(kk, sizeof kk, "317108150310%04d", i);
		for (int f = 0; f < 6; f++)
			full += file_has(dir, FILES[f], nik) + file_has(dir, FILES[f], kk);
	}
	CHECK(full == 0, "a masked export contains no full NIK or No. KK");
	sk_db *d = open_db("masked.db");
	import_result ir;
	CHECK(do_import(d, 0, &ir, 1, "masked") == SK_REFUSED, "masked bundle refused");
	CHECK(find_problem(&ir, "manifest.csv", 9, "nilai") != NULL, "refusal names the manifest line");
	CHECK(q_int(d, "SELECT count(*) FROM anggota", -1) == 0, "nothing imported from it");
	import_result_free(&ir);
	db_close(d);
}

/* Rows stamped at or after the previous export go into --since-last, nothing else. */
static void test_since_last(sk_db *a)
{
	export_result r;
	sk_err e;
	sk_issues is;
	CHECK(do_export(a, "base", 0, 0, 0, &r) == SK_OK, "export before changes");
	char last[32];
	CHECK(export_last_time(a, last) && strcmp(last, r.dibuat_pada) == 0,
	      "export time remembered");
	CHECK(export_pending_rows(a) == 0, "no pending rows right after an export");
	sk_member m;
	member_get(a, m_ali, &m, &e);
	strcpy(m.telepon, "08123");
	CHECK(member_update(a, &m, &is, &e) == SK_OK, "edit one member");
	sk_group g;
	group_get(a, g2, &g, &e);
	strcpy(g.tingkat, "mandiri");
	CHECK(group_update(a, &g, &is, &e) == SK_OK, "edit one group");
	CHECK(export_pending_rows(a) == 2, "two rows pending");
	CHECK(do_export(a, "delta", 1, 0, 0, &r) == SK_OK, "export --since-last");
	CHECK(strcmp(r.sejak, last) == 0, "sejak is the previous export time");
	CHECK(r.rows[BT_KELOMPOK] == 1 && r.rows[BT_ANGGOTA] == 1 && r.rows[BT_PENILAIAN] == 0 &&
	      r.rows[BT_PERTEMUAN] == 0 && r.rows[BT_KEHADIRAN] == 0 && r.rows[BT_KAS] == 0,
	      "--since-last holds exactly the changed rows");
	char dir[PATH_MAX + 32], line[64];
	path_in(dir, sizeof dir, tmp, "delta");
	snprintf(line, sizeof line, "sejak,%s\n", last);
	CHECK(file_has(dir, "manifest.csv", line), "manifest sejak");
	CHECK(file_has(dir, "anggota.csv", m_ali) && file_has(dir, "kelompok.csv", g2),
	      "the changed rows are the ones written");

	/* The incremental bundle applies on top of the base one. */
	sk_db *b = open_db("since.db");
	CHECK(do_import(b, 0, NULL, 1, "base") == SK_OK, "import base");
	import_result ir;
	CHECK(do_import(b, 0, &ir, 1, "delta") == SK_OK, "import the incremental bundle");
	CHECK(ir.t[BT_ANGGOTA].updated == 1 && ir.t[BT_KELOMPOK].updated == 1, "two rows updated");
	import_result_free(&ir);
	CHECK(q_int(b, "SELECT count(*) FROM kelompok WHERE tingkat='mandiri'", 0) == 1,
	      "the edit arrived");

	/* A deletion travels. Stamps have whole seconds and a tie keeps the stored row: wait for
	 * the next second so the deletion is later than the edit already sent. */
	sleep(1);
	CHECK(member_delete(a, m_ali, &e) == SK_OK, "delete a member");
	CHECK(do_export(a, "delta2", 1, 0, 0, &r) == SK_OK && r.rows[BT_ANGGOTA] == 1,
	      "deletion exported");
	CHECK(do_import(b, 0, NULL, 1, "delta2") == SK_OK, "import the deletion");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT dihapus FROM anggota WHERE id='%s'", m_ali);
	CHECK(q_int(b, sql, -1) == 1, "deleted on the other side too");
	/* The older edit arriving later does not undo the deletion. */
	CHECK(do_import(b, 0, &ir, 1, "delta") == SK_OK && ir.t[BT_ANGGOTA].unchanged == 1,
	      "older bundle after the deletion");
	import_result_free(&ir);
	CHECK(q_int(b, sql, -1) == 1, "a later deletion wins over an older edit");
	db_close(b);
}

/* Two bundles touching the same rows: any order gives the same database. */
static void edit(sk_db *db, const char *sql)
{
	sk_err e;
	if (db_exec_write(db, sql, &e) != SK_OK)
		printf("# edit: %s\n", e.msg);
}

/* A kecamatan merges a kelurahan's bundle after its own last export: the merged rows keep
 * the kelurahan's older stamps, yet they are new here and go into the next --since-last
 * bundle (to the district); merging the same bundle again adds nothing to the next one. */
static void test_since_last_merged(void)
{
	char sql[256];
	sk_db *desa = open_db("desa.db"), *kec = open_db("kec.db");
	CHECK(do_import(desa, 0, NULL, 1, "full") == SK_OK, "kelurahan loads the base");
	snprintf(sql, sizeof sql, "UPDATE anggota SET telepon='0812', diubah_pada="
		 "'2025-07-01T00:00:00Z' WHERE id='%s'", m_ali);
	edit(desa, sql);
	CHECK(do_export(desa, "desa", 0, 0, 0, NULL) == SK_OK, "kelurahan exports");
	export_result r;
	CHECK(do_import(kec, 0, NULL, 1, "full") == SK_OK &&
	      do_export(kec, "kec1", 0, 0, 0, &r) == SK_OK, "kecamatan loads the base and exports");
	CHECK(export_pending_rows(kec) == 0, "kecamatan: nothing pending after its export");
	import_result ir;
	CHECK(do_import(kec, 0, &ir, 1, "desa") == SK_OK && ir.t[BT_ANGGOTA].updated == 1,
	      "kecamatan merges the kelurahan's edit (stamped long before its export)");
	import_result_free(&ir);
	CHECK(export_pending_rows(kec) == 1, "the merged row is pending");
	CHECK(do_export(kec, "kec2", 1, 0, 0, &r) == SK_OK && r.rows[BT_ANGGOTA] == 1 &&
	      r.rows[BT_KELOMPOK] + r.rows[BT_PENILAIAN] + r.rows[BT_PERTEMUAN] +
	      r.rows[BT_KEHADIRAN] + r.rows[BT_KAS] == 0,
	      "--since-last holds exactly the merged row");
	char dir[PATH_MAX + 32];
	path_in(dir, sizeof dir, tmp, "kec2");
	CHECK(file_has(dir, "anggota.csv", ",2025-07-01T00:00:00Z,"),
	      "with the kelurahan's own stamp");
	CHECK(do_import(kec, 0, NULL, 1, "desa") == SK_OK &&
	      do_export(kec, "kec3", 1, 0, 0, &r) == SK_OK && r.rows[BT_ANGGOTA] == 0,
	      "merging the same bundle again: nothing new for the next bundle");
	db_close(desa);
	db_close(kec);
}

static void test_merge_order(void)
{
	char sql[512], p1[PATH_MAX + 32], p2[PATH_MAX + 32];
	/* Two offices start from the same base bundle. */
	sk_db *x = open_db("x.db"), *y = open_db("y.db");
	CHECK(do_import(x, 0, NULL, 1, "full") == SK_OK && do_import(y, 0, NULL, 1, "full") == SK_OK,
	      "both offices load the base");
	/* X edits the ketua later than Y; Y edits Ali later than X; both edit group g1 with the
	 * same stamp but different content (a tie); Y deletes the reversal. */
	snprintf(sql, sizeof sql, "UPDATE anggota SET telepon='x', diubah_pada='2025-06-02T00:00:00Z' "
		 "WHERE id='%s'; UPDATE anggota SET telepon='x', diubah_pada='2025-06-01T00:00:00Z' "
		 "WHERE id='%s'; UPDATE kelompok SET alamat='X', diubah_pada='2025-06-05T00:00:00Z' "
		 "WHERE id='%s';", m_ketua, m_ali, g1);
	edit(x, sql);
	snprintf(sql, sizeof sql, "UPDATE anggota SET telepon='y', diubah_pada='2025-06-01T00:00:00Z' "
		 "WHERE id='%s'; UPDATE anggota SET telepon='y', diubah_pada='2025-06-03T00:00:00Z' "
		 "WHERE id='%s'; UPDATE kelompok SET alamat='Y', diubah_pada='2025-06-05T00:00:00Z' "
		 "WHERE id='%s'; UPDATE kas SET dihapus=1, diubah_pada='2025-06-04T00:00:00Z' "
		 "WHERE membalik_id IS NOT NULL;", m_ketua, m_ali, g1);
	edit(y, sql);
	CHECK(do_export(x, "bx", 0, 0, 0, NULL) == SK_OK && do_export(y, "by", 0, 0, 0, NULL) == SK_OK,
	      "export both offices");
	db_close(x);
	db_close(y);

	/* At once, both orders. */
	sk_db *r1 = open_db("r1.db"), *r2 = open_db("r2.db");
	CHECK(do_import(r1, 0, NULL, 2, "bx", "by") == SK_OK, "import X,Y at once");
	CHECK(do_import(r2, 0, NULL, 2, "by", "bx") == SK_OK, "import Y,X at once");
	CHECK(do_export(r1, "o1", 0, 0, 0, NULL) == SK_OK && do_export(r2, "o2", 0, 0, 0, NULL) == SK_OK,
	      "export both results");
	path_in(p1, sizeof p1, tmp, "o1");
	path_in(p2, sizeof p2, tmp, "o2");
	CHECK(same_data(p1, p2), "several bundles at once: same result in any order (ties included)");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM anggota WHERE (id='%s' AND telepon='x') OR "
		 "(id='%s' AND telepon='y')", m_ketua, m_ali);
	CHECK(q_int(r1, sql, 0) == 2, "later diubah_pada wins per row");
	CHECK(q_int(r1, "SELECT count(*) FROM kas WHERE dihapus=1", 0) == 1, "deletion merged");

	/* One after the other, both orders: the tie on g1 goes to the greater row either way
	 * (spec: "Ties converge"). */
	sk_db *s1 = open_db("s1.db"), *s2 = open_db("s2.db");
	CHECK(do_import(s1, 0, NULL, 1, "bx") == SK_OK && do_import(s1, 0, NULL, 1, "by") == SK_OK,
	      "import X then Y");
	CHECK(do_import(s2, 0, NULL, 1, "by") == SK_OK && do_import(s2, 0, NULL, 1, "bx") == SK_OK,
	      "import Y then X");
	CHECK(do_export(s1, "o3", 0, 0, 0, NULL) == SK_OK && do_export(s2, "o4", 0, 0, 0, NULL) == SK_OK,
	      "export both");
	path_in(p1, sizeof p1, tmp, "o3");
	path_in(p2, sizeof p2, tmp, "o4");
	CHECK(same_data(p1, p2), "separate imports: same result in either order");
	db_close(r1);
	db_close(r2);
	db_close(s1);
	db_close(s2);
}

/* Write a file under tmp. */
static void put(const char *name, const char *text)
{
	char p[PATH_MAX + 32];
	path_in(p, sizeof p, tmp, name);
	FILE *f = fopen(p, "wb");
	fputs(text, f);
	fclose(f);
}

static void test_single_files(void)
{
	char text[2048], dir[PATH_MAX + 32];
	sk_db *d = open_db("single.db");
	CHECK(do_import(d, 0, NULL, 1, "full") == SK_OK, "base for single files");
	path_in(dir, sizeof dir, tmp, "plain");
	mkdir(dir, 0700);
	path_in(dir, sizeof dir, tmp, "xl");
	mkdir(dir, 0700);
	snprintf(text, sizeof text, "id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan\n"
		 ",%s,3171084508850001,3171081503109999,Siti Baru,P,\n"
		 ",%s,3171080101900002,3171081503109999,\"Joko, Jr.\",L,anggota\n", g2, g2);
	put("plain/anggota.csv", text);
	snprintf(text, sizeof text, "\xEF\xBB\xBFid;kelompok_id;nik;no_kk;nama;jenis_kelamin;jabatan\r\n"
		 ";%s;3171084508850001;3171081503109999;Siti Baru;P;\r\n"
		 ";%s;3171080101900002;3171081503109999;Joko, Jr.;L;anggota\r\n", g2, g2);
	put("xl/anggota.csv", text);
	sk_db *e1 = open_db("single2.db");
	CHECK(do_import(e1, 0, NULL, 1, "full") == SK_OK, "second base");
	import_result r;
	CHECK(do_import(d, 0, &r, 1, "plain/anggota.csv") == SK_OK && r.t[BT_ANGGOTA].added == 2,
	      "typed anggota.csv: rows with empty id added");
	import_result_free(&r);
	CHECK(q_int(d, "SELECT count(*) FROM anggota WHERE nama IN ('Siti Baru','Joko, Jr.') AND "
		     "length(id)=36 AND jabatan='anggota' AND dihapus=0", 0) == 2,
	      "new UUIDs, default role");
	CHECK(do_import(e1, 0, &r, 1, "xl/anggota.csv") == SK_OK && r.t[BT_ANGGOTA].added == 2,
	      "the same list saved by Excel (BOM, ;, CRLF)");
	import_result_free(&r);
	CHECK(q_int(e1, "SELECT count(*) FROM anggota WHERE nama IN ('Siti Baru','Joko, Jr.')", 0) == 2,
	      "Excel list reads the same");
	/* Saved by Windows Excel as "CSV (Comma delimited)": Latin-1, and the name capitalised. */
	snprintf(text, sizeof text, "kelompok_id,nik,no_kk,nama,jenis_kelamin\n"
		 "%s,3171080101900003,3171081503109999,Jos\xe9,L\n", g2);
	put("Anggota.csv", text);
	CHECK(do_import(d, 0, &r, 1, "Anggota.csv") == SK_REFUSED &&
	      find_problem(&r, "Anggota.csv", 2, "nama") != NULL, "Latin-1 text refused, file name in any case");
	import_result_free(&r);
	const import_problem *pb;
	const char *trail = "SELECT count(*) FROM temp.sqlite_schema WHERE type='trigger' AND "
			    "name LIKE 'jejak%'";
	long long triggers = q_int(d, trail, -1);
	CHECK(do_import(d, 0, &r, 1, "Anggota.csv") == SK_REFUSED && r.nproblems == 1 &&
	      (pb = find_problem(&r, "Anggota.csv", 2, "nama")) && !*pb->nilai,
	      "Latin-1 text: one problem, the value not printed");
	import_result_free(&r);
	CHECK(triggers > 0 && q_int(d, trail, -1) == triggers,
	      "the trail's triggers back after a refused import (the rollback)");
	snprintf(text, sizeof text, "kelompok_id,nik,no_kk,nama,jenis_kelamin\n"
		 "%s,3171080101900003,3171081503109999,Jos,\x1b[2J\n", g2);
	put("anggota.csv", text);
	CHECK(do_import(d, 0, &r, 1, "anggota.csv") == SK_REFUSED &&
	      (pb = find_problem(&r, "anggota.csv", 2, "jenis_kelamin")) &&
	      strcmp(pb->nilai, "?[2J") == 0, "a value shown in a problem is clean printable UTF-8");
	import_result_free(&r);
	/* Columns shifted in a spreadsheet: a NIK lands in id, a No. KK in nama's place. */
	snprintf(text, sizeof text, "id,kelompok_id,nik,no_kk,nama,jenis_kelamin\n"
		 "3171084508850009,%s,3171084508850009,3171081503109999,P,L\n", g2);
	put("anggota.csv", text);
	CHECK(do_import(d, 0, &r, 1, "anggota.csv") == SK_REFUSED &&
	      (pb = find_problem(&r, "anggota.csv", 2, "id")) &&
	      strcmp(pb->nilai, "317108**********") == 0, "a NIK in another column is masked too");
	import_result_free(&r);
	put("anggota.csv", "kelompok_id,nik,no_kk,nama,jenis_kelamin\n");
	CHECK(do_import(d, 0, &r, 1, "anggota.csv") == SK_REFUSED &&
	      find_problem(&r, "anggota.csv", 1, "") != NULL, "a single file with only its header refused");
	import_result_free(&r);
	put("notatable.csv", "a,b\n1,2\n");
	CHECK(do_import(d, 0, &r, 1, "notatable.csv") == SK_REFUSED, "unknown file name refused");
	import_result_free(&r);
	put("kas.csv", "kelompok_id,tanggal,buku,kategori\nx,2025-01-01,umum,lainnya\n");
	CHECK(do_import(d, 0, &r, 1, "kas.csv") == SK_REFUSED &&
	      find_problem(&r, "kas.csv", 1, "masuk") != NULL, "missing required column named");
	import_result_free(&r);
	db_close(e1);
	db_close(d);
}

/* Copy bundle "full" into name, replace text in one file, fix the manifest checksum. */
static void craft(const char *name, const char *file, const char *from, const char *to)
{
	char src[PATH_MAX + 64], dst[PATH_MAX + 64], dir[PATH_MAX + 32];
	path_in(dir, sizeof dir, tmp, name);
	mkdir(dir, 0700);
	for (int i = 0; i <= NFILES; i++) {
		const char *f = i < NFILES ? FILES[i] : "manifest.csv";
		snprintf(src, sizeof src, "%s/full/%s", tmp, f);
		path_in(dst, sizeof dst, dir, f);
		size_t n;
		char *s = slurp(src, &n);
		if (!s)
			continue; /* a file the export did not write */
		FILE *out = fopen(dst, "wb");
		char *hit = strcmp(f, file) == 0 ? strstr(s, from) : NULL;
		if (hit) {
			fwrite(s, 1, (size_t)(hit - s), out);
			fputs(to, out);
			fputs(hit + strlen(from), out);
		} else {
			fwrite(s, 1, n, out);
		}
		fclose(out);
		free(s);
	}
	char fp[PATH_MAX + 64], mp[PATH_MAX + 64], hex[65], old[65];
	path_in(fp, sizeof fp, dir, file);
	path_in(mp, sizeof mp, dir, "manifest.csv");
	file_sha(fp, hex);
	snprintf(src, sizeof src, "%s/full/%s", tmp, file);
	file_sha(src, old);
	char *m = slurp(mp, NULL);
	char *at = m && *old ? strstr(m, old) : NULL;
	if (at)
		memcpy(at, hex, 64);
	if (!m)
		return;
	FILE *out = fopen(mp, "wb");
	fputs(m, out);
	fclose(out);
	free(m);
}

static void expect_refused(sk_db *d, const char *name, const char *file, long long line,
			   const char *kolom, const char *what)
{
	import_result r;
	char label[128];
	int rc = do_import(d, 0, &r, 1, name);
	snprintf(label, sizeof label, "%s: refused", what);
	CHECK(rc == SK_REFUSED && !r.committed, label);
	snprintf(label, sizeof label, "%s: problem names %s line %lld column %s", what, file, line,
		 kolom);
	const import_problem *p = find_problem(&r, file, line, kolom);
	CHECK(p && *p->alasan, label);
	snprintf(label, sizeof label, "%s: database unchanged", what);
	CHECK(q_int(d, "SELECT count(*) FROM anggota", 0) == 0 &&
	      q_int(d, "SELECT count(*) FROM kelompok", 0) == 0, label);
	import_result_free(&r);
}

/* Line of the member with id in full/anggota.csv (header = 1). */
static int line_of(const char *file, const char *needle)
{
	char p[PATH_MAX + 64];
	snprintf(p, sizeof p, "%s/full/%s", tmp, file);
	char *s = slurp(p, NULL);
	char *hit = strstr(s, needle);
	int line = 1;
	for (char *c = s; hit && c < hit; c++)
		line += *c == '\n';
	free(s);
	return hit ? line : -1;
}

static void test_refusals(void)
{
	char from[128], to[128];
	sk_db *d = open_db("refuse.db");
	int ali = line_of("anggota.csv", m_ali);
	snprintf(from, sizeof from, "%s,%s,3171081208800002", m_ali, g1);
	snprintf(to, sizeof to, "%s,%s,317108120880002", m_ali, g1);
	craft("r_nik15", "anggota.csv", from, to);
	expect_refused(d, "r_nik15", "anggota.csv", ali, "nik", "15-digit NIK");
	snprintf(to, sizeof to, "%s,%s,31710812088000A2", m_ali, g1);
	craft("r_nikA", "anggota.csv", from, to);
	expect_refused(d, "r_nikA", "anggota.csv", ali, "nik", "letters in a NIK");
	snprintf(to, sizeof to, "%s,%s,3171081208800007", m_ali, g1);
	craft("r_nikdup", "anggota.csv", from, to);
	expect_refused(d, "r_nikdup", "anggota.csv", ali, "nik", "one NIK active in two groups");
	snprintf(to, sizeof to, "%s,00000000-0000-4000-8000-000000000000,3171081208800002", m_ali);
	craft("r_nogroup", "anggota.csv", from, to);
	expect_refused(d, "r_nogroup", "anggota.csv", ali, "kelompok_id", "member of a group that exists nowhere");
	craft("r_ketua", "anggota.csv", "'Ali,L,,1980-08-12,,003,,,anggota,",
	      "'Ali,L,,1980-08-12,,003,,,ketua,");
	expect_refused(d, "r_ketua", "anggota.csv", ali, "jabatan", "two ketua in one group");
	craft("r_kas", "kas.csv", ",5000,0,", ",5000,5000,");
	expect_refused(d, "r_kas", "kas.csv", line_of("kas.csv", ",5000,0,"), "keluar",
		       "kas row with both sides > 0");
	craft("r_neg", "kas.csv", ",5000,0,", ",-5000,0,");
	expect_refused(d, "r_neg", "kas.csv", line_of("kas.csv", ",5000,0,"), "masuk",
		       "negative amount");
	craft("r_k2", "penilaian.csv", ",1,1,1,1,1,1,1,1,1,1,0,", ",1,1,2,1,1,1,1,1,1,1,0,");
	expect_refused(d, "r_k2", "penilaian.csv", 2, "k03", "criterion value 2");
	craft("r_status", "kehadiran.csv", ",H,", ",Z,");
	expect_refused(d, "r_status", "kehadiran.csv", line_of("kehadiran.csv", ",H,"), "status",
		       "attendance status Z");
	craft("r_date", "pertemuan.csv", ",2025-02-03,", ",2026-02-30,");
	expect_refused(d, "r_date", "pertemuan.csv", 2, "tanggal", "date 2026-02-30");

	/* --valid-only: the bad member and the rows depending on it stay out, the rest comes in. */
	snprintf(to, sizeof to, "%s,%s,3171081208800007", m_ali, g1);
	craft("r_valid", "anggota.csv", from, to);
	import_result r;
	CHECK(do_import(d, 1, &r, 1, "r_valid") == SK_REFUSED && r.committed, "--valid-only commits");
	CHECK(find_problem(&r, "anggota.csv", ali, "nik") != NULL, "--valid-only still reports");
	CHECK(find_problem(&r, "penilaian.csv", 2, "anggota_id") != NULL,
	      "--valid-only: Ali's assessment refused with him");
	char where[64];
	snprintf(where, sizeof where, "anggota.csv baris %d)", ali);
	const import_problem *pa = find_problem(&r, "penilaian.csv", 2, "anggota_id");
	CHECK(pa && strstr(pa->alasan, "ditolak") && strstr(pa->alasan, where),
	      "the assessment's reason names the refused member's line, not 'not found'");
	CHECK(r.t[BT_ANGGOTA].refused == 2 && r.t[BT_ANGGOTA].added == NNAMES - 1,
	      "--valid-only: both holders of the NIK refused, the others added");
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM anggota WHERE id='%s'", m_ali);
	CHECK(q_int(d, sql, -1) == 0 && q_int(d, "SELECT count(*) FROM kelompok", 0) == 2,
	      "--valid-only: valid rows in, refused ones out");
	import_result_free(&r);
	db_close(d);

	/* A checksum that does not match: refused whole. */
	sk_db *c = open_db("refuse2.db");
	craft("r_sum", "anggota.csv", "Endang", "Endang");
	char p[PATH_MAX + 64];
	snprintf(p, sizeof p, "%s/r_sum/anggota.csv", tmp);
	FILE *f = fopen(p, "ab");
	fputs("\n", f);
	fclose(f);
	CHECK(do_import(c, 0, &r, 1, "r_sum") == SK_REFUSED, "checksum mismatch refused");
	CHECK(r.nproblems == 1 && strstr(r.problems[0].alasan, "anggota.csv") &&
	      strstr(r.problems[0].berkas, "manifest.csv"), "checksum problem names the file");
	CHECK(q_int(c, "SELECT count(*) FROM kelompok", 0) == 0, "nothing imported");
	import_result_free(&r);
	db_close(c);
}

/* The pieces import is built from: the member rules split in two, raw stores keep stamps. */
static void test_pieces(sk_db *a)
{
	sk_member m;
	sk_group g;
	sk_issues is;
	sk_err e;
	CHECK(member_get(a, m_ali, &m, &e) == SK_OK, "read a member");
	strcpy(m.kelompok_id, "00000000-0000-4000-8000-000000000000");
	strcpy(m.jenis_kelamin, "X");
	sk_issues_clear(&is);
	member_validate_fields(a, &m, &is);
	CHECK(sk_issues_for(&is, "jenis_kelamin") && !sk_issues_for(&is, "kelompok_id"),
	      "member_validate_fields checks the row only");
	sk_issues_clear(&is);
	member_validate_links(a, &m, &is);
	CHECK(sk_issues_for(&is, "kelompok_id") && !sk_issues_for(&is, "jenis_kelamin"),
	      "member_validate_links checks the references");
	member_validate(a, &m, &is);
	CHECK(sk_issues_for(&is, "kelompok_id") && sk_issues_for(&is, "jenis_kelamin"),
	      "member_validate does both");
	CHECK(group_get(a, g1, &g, &e) == SK_OK, "read a group");
	strcpy(g.bidang_usaha, "Katering");
	CHECK(FIXTURE_WRITE(a, group_store_raw(a, &g, 0, &e)) == SK_OK, "group raw replace, same stamp");
	sk_group got;
	CHECK(group_get(a, g1, &got, &e) == SK_OK && strcmp(got.bidang_usaha, "Katering") == 0 &&
	      strcmp(got.diubah_pada, g.diubah_pada) == 0, "group raw store keeps the stamp");
	CHECK(member_get(a, m_ali, &m, &e) == SK_OK, "reread the member");
	strcpy(m.catatan, "dicatat");
	CHECK(FIXTURE_WRITE(a, member_store_raw(a, &m, 0, &e)) == SK_OK, "member raw replace, same stamp");
	sk_member mg;
	CHECK(member_get(a, m_ali, &mg, &e) == SK_OK && strcmp(mg.catatan, "dicatat") == 0 &&
	      strcmp(mg.diubah_pada, m.diubah_pada) == 0, "member raw store keeps the stamp");
	/* Put the group back as it was exported. */
	strcpy(g.bidang_usaha, "");
	FIXTURE_WRITE(a, group_store_raw(a, &g, 0, &e));
	strcpy(m.catatan, "");
	FIXTURE_WRITE(a, member_store_raw(a, &m, 0, &e));
}

/* Another copy holds the write lock past the busy wait (a long import): the bundle is still
 * written whole and counts as done, only the export time is not recorded. */
/* A second copy's merge is under way when an export begins and commits while the export
 * writes its files: its rows are not in that bundle, so they must be in the next one. */
static sk_db *conc_writer;

static void commit_writer(void *ctx, const char *file, long long done, long long total)
{
	(void)ctx, (void)file, (void)done, (void)total;
	if (conc_writer) {
		sk_err e;
		db_end(conc_writer, 1, &e);
		db_close(conc_writer);
		conc_writer = NULL;
	}
}

static void test_since_last_concurrent(void)
{
	sk_err e;
	export_result r;
	char sql[300], dir[PATH_MAX + 32];
	sk_db *db = open_db("conc.db");
	CHECK(do_import(db, 0, NULL, 1, "full") == SK_OK && do_export(db, "conc1", 0, 0, 0, NULL) ==
	      SK_OK, "an office with a first export");
	CHECK(db_open(db_path(db), 0, &conc_writer, &e) == SK_OK &&
	      db_begin_write(conc_writer, &e) == SK_OK, "a second copy starts merging");
	snprintf(sql, sizeof sql, "UPDATE anggota SET telepon='0899', diubah_pada="
		 "'2025-08-01T00:00:00Z', disimpan_pada=%s WHERE id='%s'", DB_STORED_SQL, m_ali);
	CHECK(db_exec(conc_writer, sql, &e) == SK_OK, "it stores a row with an old stamp");
	sqlite3_busy_timeout(db_handle(db), 50);
	export_opts o = { .since_last = 1 };
	path_in(dir, sizeof dir, tmp, "conc2");
	CHECK(export_bundle(db, dir, &o, commit_writer, NULL, &r, &e) == SK_OK &&
	      r.rows[BT_ANGGOTA] == 0 && conc_writer == NULL,
	      "the export runs; the merge commits while it writes (its row not in this bundle)");
	sqlite3_busy_timeout(db_handle(db), 5000);
	CHECK(do_export(db, "conc3", 1, 0, 0, &r) == SK_OK && r.rows[BT_ANGGOTA] == 1,
	      "the row merged meanwhile is in the next --since-last bundle");
	path_in(dir, sizeof dir, tmp, "conc3");
	CHECK(file_has(dir, "anggota.csv", ",0899,"), "the merged row itself");
	db_close(db);
}

static void test_export_while_busy(sk_db *a)
{
	char path[PATH_MAX], before[32], after[32];
	sk_db *other;
	sk_err e;
	export_result r;
	export_last_time(a, before);
	sk_strlcpy(path, db_path(a), sizeof path);
	CHECK(db_open(path, 0, &other, &e) == SK_OK, "a second connection");
	CHECK(db_begin_write(other, &e) == SK_OK, "the second one holds the write lock");
	sqlite3_busy_timeout(db_handle(a), 50);
	CHECK(do_export(a, "busy", 0, 0, 0, &r) == SK_OK && r.not_stamped == 1,
	      "export while busy: written, time not recorded");
	char dir[PATH_MAX + 32];
	path_in(dir, sizeof dir, tmp, "busy");
	CHECK(file_has(dir, "manifest.csv", "sikube-bundle"), "the busy export has its manifest");
	CHECK(export_last_time(a, after) >= 0 && strcmp(before, after) == 0,
	      "the previous export time stays");
	db_end(other, 0, &e);
	db_close(other);
	sqlite3_busy_timeout(db_handle(a), 5000);
	CHECK(do_export(a, "notbusy", 0, 0, 0, &r) == SK_OK && r.not_stamped == 0,
	      "once free the export time is recorded again");
}

/* ---- issue 10: exchange you can trust --------------------------------------------------- */

/* The data files of the bundles a and b (under tmp) hold the same bytes. */
static int same_bundles(const char *a, const char *b)
{
	char pa[PATH_MAX + 32], pb[PATH_MAX + 32];
	path_in(pa, sizeof pa, tmp, a);
	path_in(pb, sizeof pb, tmp, b);
	return same_data(pa, pb);
}

/* Two offices change the same rows with the same stamps (a group, an attendance row, a
 * member) and rows of their own, then send each other bundles, in either order: both end
 * with exports of the same bytes (spec: "Ties converge"). */
static void test_two_offices(void)
{
	char sql[1024];
	static const char *const ORDER[2][2] = { { "p", "q" }, { "q", "p" } };
	snprintf(sql, sizeof sql, "UPDATE kelompok SET alamat='%%s', diubah_pada='2025-07-01T00:00:00Z' "
		 "WHERE id='%s'; UPDATE kehadiran SET status='%%s', diubah_pada='2025-07-01T00:00:00Z' "
		 "WHERE anggota_id='%s'; UPDATE anggota SET telepon='%%s', "
		 "diubah_pada='2025-07-02T00:00:00Z' WHERE id='%s'", g2, m_ketua, m_ali);
	for (int k = 0; k < 2; k++) {
		char name[2][32], edit_sql[1200];
		sk_db *db[2];
		for (int i = 0; i < 2; i++) {
			snprintf(name[i], sizeof name[i], "office-%s%d.db", ORDER[k][i], k);
			db[i] = open_db(name[i]);
			CHECK(do_import(db[i], 0, NULL, 1, "full") == SK_OK, "an office loads the base");
			const char *who = ORDER[k][i];
			snprintf(edit_sql, sizeof edit_sql, sql, who, *who == 'p' ? "I" : "S", who);
			edit(db[i], edit_sql);
		}
		char out[4][32];
		for (int step = 0; step < 2; step++) {
			int from = step, to = 1 - step;
			snprintf(out[step], sizeof out[step], "two-%d-%d", k, step);
			CHECK(do_export(db[from], out[step], 0, 0, 0, NULL) == SK_OK, "an office exports");
			CHECK(do_import(db[to], 0, NULL, 1, out[step]) == SK_OK, "the other imports it");
		}
		snprintf(out[2], sizeof out[2], "two-%d-a", k);
		snprintf(out[3], sizeof out[3], "two-%d-b", k);
		CHECK(do_export(db[0], out[2], 0, 0, 0, NULL) == SK_OK &&
		      do_export(db[1], out[3], 0, 0, 0, NULL) == SK_OK, "both export again");
		CHECK(same_bundles(out[2], out[3]), k ? "bundles sent both ways, Q first: the same bytes"
						      : "bundles sent both ways, P first: the same bytes");
		if (k == 1) {
			CHECK(same_bundles("two-0-a", "two-1-a"), "and the same whichever office began");
			char dir[PATH_MAX + 32];
			path_in(dir, sizeof dir, tmp, "two-1-a");
			CHECK(file_has(dir, "kelompok.csv", ",q,") && file_has(dir, "anggota.csv", ",q,"),
			      "the greater row won each tie");
		}
		db_close(db[0]);
		db_close(db[1]);
	}
}

/* Rewrite one file of a bundle while an import reads the bundle, as soon as the import
 * reads its first file. */
struct swap {
	char path[PATH_MAX + 64];
	int in_place;     /* 1: the same file changed; 0: another file renamed over it */
	int done;
};

static void swap_file(void *ctx, const char *file, long long done, long long total)
{
	struct swap *w = ctx;
	(void)file;
	(void)done;
	(void)total;
	if (w->done++)
		return;
	size_t n;
	char *s = slurp(w->path, &n);
	char *hit = s ? strstr(s, "Iuran kas pertemuan") : NULL;
	if (hit)
		memcpy(hit, "Iuran kas PALSU!!!!", 19); /* same length, same rows */
	char other[PATH_MAX + 80];
	snprintf(other, sizeof other, "%s.new", w->path);
	FILE *f = fopen(w->in_place ? w->path : other, w->in_place ? "r+b" : "wb");
	if (f) {
		fwrite(s, 1, n, f);
		fclose(f);
	}
	if (!w->in_place)
		rename(other, w->path);
	free(s);
}

/* What the manifest's checksum promised is what is imported: the bytes are read once. */
static void test_read_once(void)
{
	char dir[PATH_MAX + 32];
	for (int in_place = 1; in_place >= 0; in_place--) {
		const char *name = in_place ? "swap1" : "swap2";
		craft(name, "kas.csv", "Iuran kas pertemuan", "Iuran kas pertemuan");
		path_in(dir, sizeof dir, tmp, name);
		struct swap w = { .in_place = in_place };
		snprintf(w.path, sizeof w.path, "%s/kas.csv", dir);
		sk_db *d = open_db(in_place ? "swap1.db" : "swap2.db");
		const char *p = dir;
		import_opts o = { .progress = swap_file, .ctx = &w };
		import_result r;
		sk_err e;
		int rc = import_paths(d, 1, &p, &o, &r, &e);
		CHECK(w.done > 0, "the file was changed during the import");
		CHECK(q_int(d, "SELECT count(*) FROM kas WHERE uraian LIKE '%PALSU%'", -1) == 0,
		      in_place ? "a file changed in place: no forged row imported"
			       : "a file replaced: no forged row imported");
		if (in_place)
			CHECK(rc == SK_REFUSED && r.nproblems == 1 && strstr(r.problems[0].alasan, "sha256.kas.csv"),
			      "a file changed in place: refused by its checksum");
		else
			CHECK(rc == SK_OK && q_int(d, "SELECT count(*) FROM kas WHERE uraian='Iuran kas "
						   "pertemuan'", -1) == 1,
			      "a file replaced by another: the bytes checked are the bytes imported");
		import_result_free(&r);
		db_close(d);
	}
}

/* Format 1 bundles (no sumber_id, no tutup_buku.csv) still import; a file of format 2 in a
 * format-1 bundle and a newer format are refused, the version named. */
static void test_versions(void)
{
	char dir[PATH_MAX + 32], p[PATH_MAX + 64];
	craft("v1", "manifest.csv", "format_version,2", "format_version,1");
	path_in(dir, sizeof dir, tmp, "v1");
	/* kas.csv without its last column, its checksum fixed; no tutup_buku.csv. */
	snprintf(p, sizeof p, "%s/kas.csv", dir);
	size_t n;
	char *s = slurp(p, &n), *out = malloc(n + 1), *o = out;
	for (char *line = s; *line;) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		size_t cut = len;
		while (cut > 0 && line[cut - 1] != ',')
			cut--;
		memcpy(o, line, cut - 1);
		o += cut - 1;
		*o++ = '\n';
		line += len + (end != NULL);
	}
	*o = '\0';
	FILE *f = fopen(p, "wb");
	fputs(out, f);
	fclose(f);
	char hex[65], old[65], mp[PATH_MAX + 64], tp[PATH_MAX + 64];
	file_sha(p, hex);
	snprintf(tp, sizeof tp, "%s/full/kas.csv", tmp);
	file_sha(tp, old);
	snprintf(mp, sizeof mp, "%s/manifest.csv", dir);
	char *m = slurp(mp, NULL), *at = m ? strstr(m, old) : NULL;
	if (at)
		memcpy(at, hex, 64);
	char *tut = m ? strstr(m, "baris.tutup_buku.csv") : NULL;
	if (tut)
		*tut = '\0';
	f = fopen(mp, "wb");
	fputs(m, f);
	fclose(f);
	free(m);
	free(s);
	free(out);
	for (int i = 6; i < NFILES; i++) { /* the files of format 2: tutup_buku.csv on */
		snprintf(tp, sizeof tp, "%s/%s", dir, FILES[i]);
		unlink(tp);
	}
	sk_db *d = open_db("v1.db");
	import_result r;
	int rc = do_import(d, 0, &r, 1, "v1");
	CHECK(rc == SK_OK, "a format-1 bundle imports");
	if (rc != SK_OK)
		find_problem(&r, "", 0, "");
	import_result_free(&r);
	CHECK(q_int(d, "SELECT count(*) FROM kas", 0) == 3, "with its ledger rows");
	db_close(d);
	/* A format-1 bundle holding a file of format 2. */
	craft("v1t", "manifest.csv", "format_version,2", "format_version,1");
	d = open_db("v1t.db");
	CHECK(do_import(d, 0, &r, 1, "v1t") == SK_REFUSED && r.nproblems >= 1 &&
	      strstr(r.problems[0].alasan, "format versi 2"), "format 1 with tutup_buku.csv: refused");
	import_result_free(&r);
	craft("v3", "manifest.csv", "format_version,2", "format_version,3");
	CHECK(do_import(d, 0, &r, 1, "v3") == SK_REFUSED && r.nproblems == 1 &&
	      strstr(r.problems[0].alasan, "versi 3"), "a newer format is refused, named");
	import_result_free(&r);
	db_close(d);
}

/* Month closes travel in tutup_buku.csv: a close made on screen exports, imports elsewhere
 * and exports again to the same bytes; a close that breaks the rules is refused. */
static void test_closes(sk_db *a)
{
	char dir[PATH_MAX + 32];
	path_in(dir, sizeof dir, tmp, "full");
	CHECK(file_has(dir, "tutup_buku.csv", "2025-02,"), "the close is in the bundle");
	sk_db *b = open_db("closes.db");
	CHECK(do_import(b, 0, NULL, 1, "full") == SK_OK, "imported with its close");
	CHECK(q_int(b, "SELECT count(*) FROM tutup_kas WHERE bulan='2025-02' AND "
		    "selisih=saldo_hitung-saldo_buku AND tanggal >= '2025-02-28'", 0) == 2,
	      "the close stored, its difference computed");
	CHECK(do_export(b, "closes2", 0, 0, 0, NULL) == SK_OK && same_bundles("full", "closes2"),
	      "and exported again to the same bytes");
	db_close(b);
	(void)a;
	/* Two closes of one month, and a ledger row of the closed month changed after it. */
	sk_db *c = open_db("closes3.db");
	import_result r;
	char later[SK_TS_LEN + 16];
	time_t t = time(NULL) + 3600;
	strftime(later, sizeof later, "%Y-%m-%dT%H:%M:%SZ,0,", gmtime(&t));
	craft("close_late", "kas.csv", OLD ",0,", later);
	CHECK(do_import(c, 0, &r, 1, "close_late") == SK_REFUSED &&
	      find_problem(&r, "kas.csv", 2, "diubah_pada") != NULL, "a row changed after its "
	      "month was closed is refused");
	import_result_free(&r);
	db_close(c);
}

/* Development assessments travel in evaluasi.csv: written with the derived skor and tingkat,
 * imported with them recomputed (a wrong skor in the file is replaced), the group's tingkat
 * following the latest; an indicator outside 1-4 is refused. */
static void test_evaluasi(void)
{
	char dir[PATH_MAX + 32];
	path_in(dir, sizeof dir, tmp, "full");
	CHECK(file_has(dir, "evaluasi.csv", "id,kelompok_id,tanggal,penilai,s1,s2,s3,s4,e1,e2,e3,e4,"
		       "skor,tingkat,catatan,diubah_pada,dihapus\n"), "evaluasi.csv: the spec's columns");
	CHECK(file_has(dir, "evaluasi.csv", ",2025-02-10,'=Pendamping,4,3,3,3,3,3,3,3,25,maju,"
		       "\"Omzet naik,\n\"\"kue\"\" laris\","), "the row: guard, derived skor and tingkat");
	CHECK(!file_has(dir, "evaluasi.csv", "s1=4") && !file_has(dir, "evaluasi.csv", "e1"
		       ",disimpan"), "proposals and overrides stay in the database");
	CHECK(file_has(dir, "manifest.csv", "baris.evaluasi.csv,1\n"), "listed in the manifest");
	CHECK(file_has(dir, "kelompok.csv", ",maju,"), "the group's tingkat is its assessment's");

	/* A wrong skor and tingkat in the file, and a group typed at another level. */
	craft("ev_wrong", "evaluasi.csv", ",25,maju,", ",9,tumbuh,");
	char kdir[PATH_MAX + 32];
	path_in(kdir, sizeof kdir, tmp, "ev_wrong");
	CHECK(file_has(kdir, "evaluasi.csv", ",9,tumbuh,"), "crafted: a wrong skor");
	sk_db *d = open_db("ev.db");
	import_result r;
	CHECK(do_import(d, 0, &r, 1, "ev_wrong") == SK_OK, "a wrong skor is not refused");
	import_result_free(&r);
	CHECK(q_int(d, "SELECT count(*) FROM evaluasi WHERE skor=25 AND tingkat='maju' AND "
		    "s1=4 AND usulan IS NULL AND ditimpa=''", 0) +
	      q_int(d, "SELECT count(*) FROM evaluasi WHERE skor=25 AND tingkat='maju' AND s1=4 AND "
		    "usulan IS NULL AND ditimpa IS NULL", 0) == 1, "skor and tingkat recomputed");
	CHECK(do_export(d, "ev_again", 0, 0, 0, NULL) == SK_OK &&
	      same_data(dir, (path_in(kdir, sizeof kdir, tmp, "ev_again"), kdir)),
	      "exported again: the round trip gives the original bytes");
	db_close(d);

	d = open_db("ev2.db");
	craft("ev_level", "kelompok.csv", ",maju,", ",mandiri,");
	CHECK(do_import(d, 0, NULL, 1, "ev_level") == SK_OK, "a group typed mandiri imports");
	CHECK(q_int(d, "SELECT count(*) FROM kelompok WHERE tingkat='maju'", 0) == 1 &&
	      q_int(d, "SELECT count(*) FROM kelompok WHERE tingkat='mandiri'", 0) == 0,
	      "its tingkat follows its latest assessment");
	db_close(d);

	d = open_db("ev3.db");
	craft("ev_bad", "evaluasi.csv", ",4,3,3,3,3,3,3,3,", ",4,3,5,3,3,3,3,3,");
	CHECK(do_import(d, 0, &r, 1, "ev_bad") == SK_REFUSED &&
	      find_problem(&r, "evaluasi.csv", 2, "s3") != NULL, "an indicator of 5 is refused");
	import_result_free(&r);
	craft("ev_empty", "evaluasi.csv", ",4,3,3,3,3,3,3,3,", ",4,,3,3,3,3,3,3,");
	CHECK(do_import(d, 0, &r, 1, "ev_empty") == SK_REFUSED &&
	      find_problem(&r, "evaluasi.csv", 2, "s2") != NULL, "an indicator left empty is refused");
	import_result_free(&r);
	CHECK(q_int(d, "SELECT count(*) FROM evaluasi", -1) == 0, "nothing stored");
	db_close(d);
}

/* Errors are values: a path too long is said so, not cut. */
static void test_long_path(void)
{
	char path[PATH_MAX + 100];
	for (size_t i = 0; i < sizeof path - 1; i++)
		path[i] = i % 3 == 2 ? '/' : 'a'; /* short names: only the whole is too long */
	path[sizeof path - 1] = '\0';
	const char *p = path;
	sk_db *d = open_db("long.db");
	import_opts o = { 0 };
	import_result r;
	sk_err e;
	CHECK(import_paths(d, 1, &p, &o, &r, &e) == SK_REFUSED && r.nproblems == 1 &&
	      strstr(r.problems[0].alasan, "Nama berkas atau folder terlalu panjang"),
	      "a path too long is refused as such, not cut");
	import_result_free(&r);
	db_close(d);
}

/* The journal mode of the database being imported into, seen as its first file is read. */
struct journal_seen {
	sk_db *db;
	char mode[16];
};

static void see_journal(void *ctx, const char *file, long long done, long long total)
{
	struct journal_seen *w = ctx;
	(void)file, (void)done, (void)total;
	if (!*w->mode)
		db_text(w->db, db_prepare(w->db, "PRAGMA journal_mode", NULL), w->mode,
			sizeof w->mode, NULL);
}

/* Import bundle (under tmp) into db, noting the journal mode while it reads (w->mode). */
static int import_seeing(sk_db *db, const char *bundle, struct journal_seen *w)
{
	char path[PATH_MAX + 32];
	const char *p[1] = { path };
	path_in(path, sizeof path, tmp, bundle);
	import_opts o = { .progress = see_journal, .ctx = w };
	import_result r;
	sk_err e;
	sk_err_clear(&e);
	w->db = db;
	*w->mode = '\0';
	int rc = import_paths(db, 1, p, &o, &r, &e);
	if (rc != SK_OK)
		printf("# import %s: %s\n", bundle, e.msg);
	import_result_free(&r);
	return rc;
}

static void journal_is(sk_db *db, const char *want, const char *what)
{
	char mode[16] = "";
	db_text(db, db_prepare(db, "PRAGMA journal_mode", NULL), mode, sizeof mode, NULL);
	CHECK(strcmp(mode, want) == 0, what);
	if (strcmp(mode, want) != 0)
		printf("#   journal mode %s, not %s\n", mode, want);
}

/* A big import into an empty database leaves the write-ahead log for a rollback journal
 * while it writes (each new page written once) and goes back to WAL; with another
 * connection open it stays in WAL (SQLite cannot leave it then) and imports all the same. */
static void test_journal(void)
{
	sk_db *a = open_db("jr-src.db");
	char g[SK_UUID_LEN + 1];
	add_group(a, "Kelompok Jurnal", g);
	char sql[640];
	snprintf(sql, sizeof sql, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
		 "WHERE i < 6000) INSERT INTO pertemuan(id, kelompok_id, tanggal, diubah_pada) "
		 "SELECT printf('00000000-0000-4000-8000-%%012d', i), '%s', date('2000-01-01', "
		 "'+' || i || ' days'), '2020-01-01T00:00:00Z' FROM n", g);
	edit(a, sql);
	CHECK(do_export(a, "jr-bundle", 0, 0, 0, NULL) == SK_OK, "journal: bundle of 6,001 rows");

	struct journal_seen w;
	sk_db *b = open_db("jr-b.db");
	CHECK(import_seeing(b, "jr-bundle", &w) == SK_OK, "journal: imported into an empty database");
	CHECK(strcmp(w.mode, "delete") == 0, "journal: a rollback journal while the rows go in");
	journal_is(b, "wal", "journal: back in WAL after the import");
	CHECK(q_int(b, "SELECT count(*) FROM pertemuan", -1) == 6000, "journal: every meeting in");
	CHECK(import_seeing(b, "jr-bundle", &w) == SK_OK && strcmp(w.mode, "wal") == 0,
	      "journal: the same bundle again (nothing new) stays in WAL");
	db_close(b);

	sk_db *c = open_db("jr-c.db"), *other = open_db("jr-c.db");
	CHECK(q_int(other, "SELECT count(*) FROM kelompok", -1) == 0, "journal: a second connection reads");
	CHECK(import_seeing(c, "jr-bundle", &w) == SK_OK, "journal: imported beside another connection");
	CHECK(strcmp(w.mode, "wal") == 0, "journal: beside another connection it stays in WAL");
	CHECK(q_int(other, "SELECT count(*) FROM pertemuan", -1) == 6000,
	      "journal: the other connection sees the rows");
	journal_is(c, "wal", "journal: still WAL");
	db_close(other);
	db_close(c);
	db_close(a);
}

/* The plan of a reference's check (imp_orphan_sql, run after a lean import into a nearly
 * empty database): 1 when it reads the child's values in an index's order (no temporary
 * b-tree for DISTINCT: every reference of every exchanged table has an index that begins
 * with its column) and, skipping, seeks the child (never scans it), else 0 (printed). */
static int ordered_plan(sk_db *db, const char *sql, const char *child, int skip)
{
	char eqp[900], scan[80];
	sqlite3_stmt *st;
	snprintf(eqp, sizeof eqp, "EXPLAIN QUERY PLAN %s", sql);
	snprintf(scan, sizeof scan, "SCAN %s", child);
	if (sqlite3_prepare_v2(db_handle(db), eqp, -1, &st, NULL) != SQLITE_OK)
		return 0;
	int ok = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(st, 3);
		if (detail && (strstr(detail, "TEMP B-TREE") || (skip && strstr(detail, scan)))) {
			printf("#   %s: %s\n", sql, detail);
			ok = 0;
		}
	}
	sqlite3_finalize(st);
	return ok;
}

/* Every reference of every exchanged table is checked by its own query, both ways (reading
 * the index or seeking from value to value), and each reads the distinct values through an
 * index (what makes it cheaper than SQLite's foreign_key_check: tests/cli_bulk.sh shows that
 * each finds its missing parent). */
static void test_orphan_plans(sk_db *db)
{
	int refs = 0, built = 0, ordered = 0;
	for (int t = 0; t < BT_COUNT; t++) {
		char sql[600];
		snprintf(sql, sizeof sql, "SELECT \"from\", \"table\", \"to\" FROM "
			 "pragma_foreign_key_list('%s')", BUNDLE_TABLES[t].db_table);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) != SQLITE_OK)
			continue;
		while (sqlite3_step(st) == SQLITE_ROW) {
			refs++;
			for (int skip = 0; skip < 2; skip++) {
				char q[768];
				if (!imp_orphan_sql(q, sizeof q, BUNDLE_TABLES[t].db_table,
						    (const char *)sqlite3_column_text(st, 0),
						    (const char *)sqlite3_column_text(st, 1),
						    (const char *)sqlite3_column_text(st, 2), skip))
					continue;
				built++;
				ordered += ordered_plan(db, q, BUNDLE_TABLES[t].db_table, skip);
			}
		}
		sqlite3_finalize(st);
	}
	printf("# %d references of the exchanged tables\n", refs);
	CHECK(refs >= 26, "orphans: every exchanged table's references listed");
	CHECK(built == 2 * refs, "orphans: each reference has its own query, both ways");
	CHECK(ordered == 2 * refs, "orphans: each reads its column through an index, in order");
}

int main(void)
{
	sk_db *a = fixture_db();
	testlib_tmpdir(tmp, sizeof tmp);
	fill(a);
	test_round_trip(a);
	test_masked(a);
	test_merge_order();
	test_single_files();
	test_refusals();
	test_pieces(a);
	test_since_last(a);
	test_since_last_merged();
	test_since_last_concurrent();
	test_export_while_busy(a);
	test_two_offices();
	test_read_once();
	test_versions();
	test_closes(a);
	test_evaluasi();
	test_long_path();
	test_journal();
	test_orphan_plans(a);
	db_close(a);
	return testlib_summary();
}
