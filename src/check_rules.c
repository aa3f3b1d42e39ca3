/* check_rules.c - the one list of consistency rules, run by `sikube check` over the whole
 * database and by import over the rows it merged.
 *
 * A rule is a query over the database: FROM and WHERE give the rows that break it, ARGS the
 * values its reason is made of. Its drives say which merged rows (temp.imp_row, alias s) bring
 * a row of the rule into view, as a condition tying s to the rule's aliases, and what the
 * problem report shows for that merged row (column and value). The whole-database query is
 *   SELECT ARGS FROM FROM WHERE WHERE [ORDER BY ORDER]
 * and each drive's query, for import,
 *   SELECT s.sumber, s.baris, VALUE, ARGS FROM temp.imp_row s CROSS JOIN FROM
 *   WHERE s.tabel = TABLE AND (ON) AND (WHERE)
 * (s first: only what the merge touched is looked at). Conditions are written so that an
 * index answers ON from s, and FROM joins with CROSS JOIN where the order matters. A drive
 * whose rule is costly per row (a book's running balance, a meeting's sums) gives SRC, a
 * query over temp.imp_row yielding one merged row (sumber, baris and what ON needs) per
 * book or meeting, used as s instead. The whole-database query may read the tables in
 * another order (WHOLE below: e.g. every meeting, then its attendance) than the drives need
 * (s first). A new table's rules go at the end of RULES (see src/bundle.c); a rule that reads a
 * big table gets a whole-database form that reads it once, in its order, through indexes
 * that cover what the rule needs: a bulk import and `sikube check` run exactly that. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "bundle.h"
#include "check_rules.h"
#include "i18n.h"
#include "privacy.h"
#include "util.h"

#define MAX_DRIVES 3
/* Longest query a rule makes (checked when built: a longer one is a programmer error). */
#define RULE_SQL_MAX 3072

struct drive {
	int table;            /* BT_* of the merged rows; 0 with on == NULL ends the list */
	const char *on;       /* condition on s and the rule's aliases */
	const char *column;   /* the merged row's column the report names */
	const char *value;    /* SQL: its value */
	const char *src;      /* NULL, or a query giving s: one merged row per thing checked */
};

struct rule {
	const char *name;
	const char *args;     /* RULE_ARGS expressions, for the reason's %s */
	const char *from;
	const char *where;
	const char *order;    /* whole database: so that repeats are adjacent ("" none) */
	const char *reason;   /* msgid: printf format with up to RULE_ARGS %s */
	struct drive drive[MAX_DRIVES];
};

/* ---- building blocks ------------------------------------------------------------------- */

#define ACTIVE(a) a ".dihapus=0 AND " a ".tanggal_keluar IS NULL"
#define NOW_PLUS_DAY "strftime('%Y-%m-%dT%H:%M:%SZ','now','+1 day')"
#define TODAY "date('now','localtime')"

/* The merged attendance rows, one per meeting (the first of each). */
#define BY_MEETING \
	"(SELECT k1, k2, sumber, min(baris) AS baris FROM temp.imp_row WHERE tabel=4 GROUP BY k1)"
/* A meeting's dues in attendance (m: the meeting) and what it posted into a book. */
#define DUES(col) \
	"(SELECT coalesce(sum(" col "),0) FROM kehadiran WHERE pertemuan_id=m.id AND dihapus=0)"
#define POSTED(book) \
	"(SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE pertemuan_id=m.id AND buku='" book \
	"' AND dihapus=0)"
#define DUES_RULE(name, col, book, msg) \
	{ name, "m.id, m.tanggal, printf('%d', " DUES(col) "), printf('%d', " POSTED(book) ")", \
	  "pertemuan m", POSTED(book) " <> CASE WHEN m.dihapus THEN 0 ELSE " DUES(col) "+0 END", \
	  "", msg, \
	  { { 3, "m.id=s.k1", "id", "m.id", NULL }, \
	    { 4, "m.id=s.k1", col, "(SELECT " col " FROM kehadiran WHERE pertemuan_id=s.k1 AND " \
	      "anggota_id=s.k2)", BY_MEETING }, \
	    { 5, "m.id=(SELECT pertemuan_id FROM kas WHERE id=s.k1 AND buku='" book "')", "masuk", \
	      "(SELECT masuk-keluar FROM kas WHERE id=s.k1)", NULL } } }

/* The first day a book (g: group, b.buku) ends below zero: column x of it, or NULL. */
#define NEG(x) \
	"(SELECT " x " FROM (SELECT tanggal, sum(masuk-keluar) OVER (ORDER BY tanggal) s FROM kas " \
	"WHERE kelompok_id=g.id AND buku=b.buku AND dihapus=0) WHERE s<0 ORDER BY tanggal LIMIT 1)"
#define BOOKS "(SELECT 'umum' buku UNION ALL SELECT 'iks' UNION ALL SELECT 'simpin')"
/* The merged ledger rows, one per book (the first of each). */
#define BY_BOOK \
	"(SELECT k.kelompok_id AS g, k.buku AS b, k.keluar AS v, s.sumber AS sumber, " \
	"min(s.baris) AS baris FROM temp.imp_row s JOIN kas k ON k.id=s.k1 WHERE s.tabel=5 " \
	"GROUP BY k.kelompok_id, k.buku)"

/* A reversal r of the row o (not deleted). */
#define REV_FROM "kas r CROSS JOIN kas o ON o.id=r.membalik_id"
#define REV_LIVE "r.membalik_id IS NOT NULL AND r.dihapus=0"
#define REV_SAME_BOOK REV_LIVE " AND o.id<>r.id AND o.kelompok_id=r.kelompok_id AND o.buku=r.buku"
#define REV_DRIVES \
	{ { 5, "r.id=s.k1", "membalik_id", "r.membalik_id", NULL }, \
	  { 5, "r.membalik_id=s.k1", "id", "s.k1", NULL } }
#define REV_RULE(name, where, args, msg) \
	{ name, "r.id, r.membalik_id, " args, REV_FROM, where, "", msg, REV_DRIVES }

/* A row changed more than a day after this machine's clock (it would win every merge). */
#define FUTURE_STAMP(name, label, t, bt, key, on) \
	{ name, "'" label "', " key ", r.diubah_pada, ''", t " r", "r.diubah_pada > " NOW_PLUS_DAY, "", \
	  N_("Baris %s %s diubah pada %s, lebih dari sehari sesudah jam komputer ini: periksa " \
	     "tanggal dan jam komputer yang mengubahnya."), \
	  { { bt, on, "diubah_pada", "r.diubah_pada", NULL } } }

/* A ledger row (r) dated in or before a month closed (c) before the row was last changed. */
#define LATE(c) \
	"tutup_kas " c " WHERE " c ".kelompok_id=r.kelompok_id AND " c ".buku=r.buku AND " c \
	".dihapus=0 AND " c ".bulan >= substr(r.tanggal, 1, 7) AND " c ".diubah_pada < r.diubah_pada"
#define CLOSE_OF_MERGED(col) "(SELECT " col " FROM tutup_kas WHERE id=s.k1)"

/* ---- the rules ------------------------------------------------------------------------- */

static const struct rule RULES[] = {
	/* Meetings and their postings. */
	DUES_RULE("iuran_kas_dibukukan", "iuran_kas", "umum",
		  N_("Pertemuan %s (%s): iuran kas hadir Rp %s, tetapi dibukukan di kas umum Rp %s.")),
	DUES_RULE("iuran_iks_dibukukan", "iuran_iks", "iks",
		  N_("Pertemuan %s (%s): iuran IKS hadir Rp %s, tetapi dibukukan di kas IKS Rp %s.")),
	{ "kas_dari_pertemuan_lain", "r.id, r.pertemuan_id, '', ''",
	  "kas r JOIN pertemuan m ON m.id=r.pertemuan_id", "r.dihapus=0 AND m.kelompok_id<>r.kelompok_id",
	  "", N_("Baris kas %s dibukukan dari pertemuan %s, yang milik kelompok lain."),
	  { { 5, "r.id=s.k1", "pertemuan_id", "r.pertemuan_id", NULL },
	    { 3, "r.pertemuan_id=s.k1", "kelompok_id", "m.kelompok_id", NULL } } },
	{ "hadir_kelompok_lain", "a.nama, m.id, m.tanggal, ''",
	  "kehadiran h JOIN pertemuan m ON m.id=h.pertemuan_id JOIN anggota a ON a.id=h.anggota_id",
	  "h.dihapus=0 AND a.kelompok_id<>m.kelompok_id", "",
	  N_("Kehadiran %s di pertemuan %s (%s): anggota itu bukan anggota kelompok pertemuan itu."),
	  { { 4, "h.pertemuan_id=s.k1 AND h.anggota_id=s.k2", "anggota_id", "h.anggota_id", NULL },
	    { 1, "h.anggota_id=s.k1", "kelompok_id", "a.kelompok_id", NULL },
	    { 3, "h.pertemuan_id=s.k1", "kelompok_id", "m.kelompok_id", NULL } } },
	/* The cash books. */
	{ "saldo_minus", "g.nama, b.buku, " NEG("tanggal") ", " NEG("printf('%d', s)"),
	  "kelompok g CROSS JOIN " BOOKS " b", NEG("1") " IS NOT NULL", "g.id, b.buku",
	  N_("Kelompok %s, buku %s: saldo di bawah nol sejak %s (Rp %s)."),
	  { { 5, "g.id=s.g AND b.buku=s.b", "keluar", "s.v", BY_BOOK } } },
	{ "membalik_diri", "r.id, '', '', ''", "kas r", "r.dihapus=0 AND r.membalik_id=r.id", "",
	  N_("Baris kas %s membalik dirinya sendiri."),
	  { { 5, "r.id=s.k1", "membalik_id", "r.membalik_id", NULL } } },
	{ "membalik_tidak_ada", "r.id, r.membalik_id, '', ''",
	  "kas r LEFT JOIN kas o ON o.id=r.membalik_id", REV_LIVE " AND o.id IS NULL", "",
	  N_("Baris kas %s membalik %s, tetapi baris itu tidak ada."),
	  { { 5, "r.id=s.k1", "membalik_id", "r.membalik_id", NULL } } },
	REV_RULE("membalik_kelompok_lain", REV_LIVE " AND o.kelompok_id<>r.kelompok_id", "'', ''",
		 N_("Baris kas %s membalik %s, tetapi baris itu milik kelompok lain.")),
	REV_RULE("membalik_buku_lain", REV_LIVE " AND o.kelompok_id=r.kelompok_id AND o.buku<>r.buku",
		 "o.buku, r.buku", N_("Baris kas %s membalik %s, tetapi baris itu di buku %s, bukan %s.")),
	REV_RULE("membalik_sisi_sama", REV_SAME_BOOK " AND (o.masuk>0)=(r.masuk>0)", "'', ''",
		 N_("Baris kas %s membalik %s di sisi yang sama: pembalikan uang masuk adalah uang "
		    "keluar, dan sebaliknya.")),
	REV_RULE("membalik_jumlah_lain", REV_SAME_BOOK " AND (o.masuk>0)<>(r.masuk>0) AND "
		 "o.masuk+o.keluar<>r.masuk+r.keluar", "printf('%d', r.masuk+r.keluar), "
		 "printf('%d', o.masuk+o.keluar)",
		 N_("Baris kas %s membalik %s, tetapi jumlahnya tidak cocok (Rp %s, baris itu Rp %s).")),
	REV_RULE("membalik_pembalikan", REV_LIVE " AND o.id<>r.id AND o.membalik_id IS NOT NULL",
		 "'', ''", N_("Baris kas %s membalik %s, yang sendiri sebuah pembalikan: koreksi "
			      "dicatat sebagai baris baru, bukan pembalikan dari pembalikan.")),
	REV_RULE("membalik_terhapus", REV_LIVE " AND o.id<>r.id AND o.dihapus=1", "'', ''",
		 N_("Baris kas %s membalik %s, tetapi baris itu sudah dihapus.")),
	{ "dibalik_dua_kali", "r.id, r.membalik_id, x.id, ''",
	  "kas r JOIN kas x ON x.membalik_id=r.membalik_id AND x.id<>r.id AND x.dihapus=0",
	  REV_LIVE, "r.membalik_id, r.id",
	  N_("Baris kas %s membalik %s, yang sudah dibalik oleh baris %s: satu baris dibalik sekali "
	     "saja."),
	  { { 5, "r.id=s.k1", "membalik_id", "r.membalik_id", NULL } } },
	/* Month closes. */
	{ "tutup_dua_kali", "c.bulan, c.buku, (SELECT nama FROM kelompok WHERE id=c.kelompok_id), c.id",
	  "tutup_kas c", "c.dihapus=0 AND EXISTS (SELECT 1 FROM tutup_kas x WHERE "
	  "x.kelompok_id=c.kelompok_id AND x.buku=c.buku AND x.bulan=c.bulan AND x.id<>c.id AND "
	  "x.dihapus=0)", "c.kelompok_id, c.buku, c.bulan, c.id",
	  N_("Bulan %s buku %s kelompok %s ditutup lebih dari sekali (tutup buku %s)."),
	  { { 6, "c.id=s.k1", "bulan", "c.bulan", NULL } } },
	{ "tutup_sebelum_akhir_bulan", "c.id, c.bulan, c.tanggal, ''", "tutup_kas c",
	  "c.dihapus=0 AND c.tanggal < date(c.bulan || '-01', '+1 month', '-1 day')", "",
	  N_("Tutup buku %s bulan %s bertanggal %s, sebelum hari terakhir bulan itu."),
	  { { 6, "c.id=s.k1", "tanggal", "c.tanggal", NULL } } },
	{ "kas_diubah_sesudah_tutup", "r.id, r.tanggal, (SELECT c.bulan FROM " LATE("c")
	  " ORDER BY c.bulan LIMIT 1), r.diubah_pada", "kas r", "EXISTS (SELECT 1 FROM " LATE("c") ")",
	  "", N_("Baris kas %s bertanggal %s, di bulan yang sudah ditutup (tutup buku %s), diubah "
		 "sesudah tutup buku (%s): koreksi dengan pembalikan di bulan yang masih terbuka."),
	  { { 5, "r.id=s.k1", "diubah_pada", "r.diubah_pada", NULL },
	    { 6, "r.kelompok_id=" CLOSE_OF_MERGED("kelompok_id") " AND r.buku="
	      CLOSE_OF_MERGED("buku"), "diubah_pada", CLOSE_OF_MERGED("diubah_pada"), NULL } } },
	/* Members and their assessments. */
	{ "anggota_kelompok_dihapus", "a.nama, g.nama, '', ''",
	  "anggota a JOIN kelompok g ON g.id=a.kelompok_id", "g.dihapus=1 AND " ACTIVE("a"), "",
	  N_("Anggota %s masih aktif di kelompok %s yang sudah dihapus: hapus atau keluarkan "
	     "anggotanya bersama kelompoknya."),
	  { { 1, "a.id=s.k1", "kelompok_id", "a.kelompok_id", NULL },
	    { 0, "a.kelompok_id=s.k1", "dihapus", "g.dihapus", NULL } } },
	{ "pengurus_ganda", "g.nama, a.jabatan, printf('%d', (SELECT count(*) FROM anggota x WHERE "
	  "x.kelompok_id=a.kelompok_id AND x.jabatan=a.jabatan AND " ACTIVE("x") ")), ''",
	  "anggota a JOIN kelompok g ON g.id=a.kelompok_id", ACTIVE("a") " AND a.jabatan<>'anggota' "
	  "AND EXISTS (SELECT 1 FROM anggota x WHERE x.kelompok_id=a.kelompok_id AND "
	  "x.jabatan=a.jabatan AND x.id<>a.id AND " ACTIVE("x") ")", "a.kelompok_id, a.jabatan",
	  N_("Kelompok %s punya lebih dari satu %s aktif (%s orang)."),
	  { { 1, "a.id=s.k1", "jabatan", "a.jabatan", NULL } } },
	{ "nik_ganda", "a.nik, printf('%d', (SELECT count(*) FROM anggota x WHERE x.nik=a.nik AND "
	  ACTIVE("x") ")), (SELECT group_concat(nama, ', ') FROM (SELECT nama FROM anggota x WHERE "
	  "x.nik=a.nik AND " ACTIVE("x") " ORDER BY nama, id)), ''", "anggota a",
	  ACTIVE("a") " AND EXISTS (SELECT 1 FROM anggota x WHERE x.nik=a.nik AND x.id<>a.id AND "
	  ACTIVE("x") ")", "a.nik",
	  N_("NIK %s aktif pada %s anggota: %s."),
	  { { 1, "a.id=s.k1", "nik", "a.nik", NULL } } },
	{ "penilaian_anggota_dihapus", "p.id, p.tanggal, a.nama, ''",
	  "penilaian p JOIN anggota a ON a.id=p.anggota_id",
	  "p.dihapus=0 AND a.dihapus=1 AND p.diubah_pada > a.diubah_pada", "",
	  N_("Penilaian %s (%s) untuk anggota %s dibuat atau diubah sesudah anggota itu dihapus."),
	  { { 2, "p.id=s.k1", "anggota_id", "p.anggota_id", NULL },
	    { 1, "p.anggota_id=s.k1", "dihapus", "a.dihapus", NULL } } },
	{ "luas_lantai", "p.id, p.luas_lantai_m2, '', ''", "penilaian p",
	  "p.luas_lantai_m2 IS NOT NULL AND NOT sikube_luas_ok(p.luas_lantai_m2)", "",
	  N_("Penilaian %s: luas lantai %s m² di luar 1 sampai 10.000 m² atau lebih dari dua angka "
	     "di belakang koma."),
	  { { 2, "p.id=s.k1", "luas_lantai_m2", "p.luas_lantai_m2", NULL } } },
	/* Dates no later than today, stamps no later than tomorrow. */
	{ "pertemuan_belum_terjadi", "r.id, r.tanggal, '', ''", "pertemuan r",
	  "r.dihapus=0 AND r.tanggal > " TODAY, "",
	  N_("Pertemuan %s bertanggal %s, sesudah hari ini: pertemuan dicatat sesudah terjadi."),
	  { { 3, "r.id=s.k1", "tanggal", "r.tanggal", NULL } } },
	{ "kas_belum_terjadi", "r.id, r.tanggal, '', ''", "kas r", "r.dihapus=0 AND r.tanggal > " TODAY,
	  "", N_("Baris kas %s bertanggal %s, sesudah hari ini: uang masuk atau keluar dicatat pada "
		 "hari terjadinya."),
	  { { 5, "r.id=s.k1", "tanggal", "r.tanggal", NULL } } },
	FUTURE_STAMP("kelompok_masa_depan", "kelompok", "kelompok", 0, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("anggota_masa_depan", "anggota", "anggota", 1, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("penilaian_masa_depan", "penilaian", "penilaian", 2, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("pertemuan_masa_depan", "pertemuan", "pertemuan", 3, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("kehadiran_masa_depan", "kehadiran", "kehadiran", 4, "r.pertemuan_id || '/' || r.anggota_id",
		     "r.pertemuan_id=s.k1 AND r.anggota_id=s.k2"),
	FUTURE_STAMP("kas_masa_depan", "kas", "kas", 5, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("tutup_masa_depan", "tutup_buku", "tutup_kas", 6, "r.id", "r.id=s.k1"),
};
#define NRULES ((int)(sizeof RULES / sizeof RULES[0]))

/* Rules whose whole-database query reads less in another join order (or from a narrower
 * start) than FROM, which the drives need (s first): the same aliases, giving the same rows
 * of them that pass WHERE. A bulk import and `sikube check` run these over every row. */
#define REV_WHOLE "kas r INDEXED BY kas_membalik CROSS JOIN kas o ON o.id=r.membalik_id"
static const struct {
	const char *rule, *from;
} WHOLE[] = {
	/* each meeting (its group at hand), its attendance in key order, each member's group
	 * from one index entry (anggota_id_kelompok, migration 10) */
	{ "hadir_kelompok_lain", "pertemuan m CROSS JOIN kehadiran h ON h.pertemuan_id=m.id "
	  "CROSS JOIN anggota a INDEXED BY anggota_id_kelompok ON a.id=h.anggota_id" },
	/* the reversals alone, through their index */
	{ "membalik_tidak_ada", "kas r INDEXED BY kas_membalik LEFT JOIN kas o ON o.id=r.membalik_id" },
	{ "membalik_kelompok_lain", REV_WHOLE },
	{ "membalik_buku_lain", REV_WHOLE },
	{ "membalik_sisi_sama", REV_WHOLE },
	{ "membalik_jumlah_lain", REV_WHOLE },
	{ "membalik_pembalikan", REV_WHOLE },
	{ "membalik_terhapus", REV_WHOLE },
	{ "dibalik_dua_kali", "kas r INDEXED BY kas_membalik JOIN kas x ON x.membalik_id=r.membalik_id "
	  "AND x.id<>r.id AND x.dihapus=0" },
	/* only the books that have a close */
	{ "kas_diubah_sesudah_tutup", "(SELECT DISTINCT kelompok_id, buku FROM tutup_kas WHERE "
	  "dihapus=0) b CROSS JOIN kas r ON r.kelompok_id=b.kelompok_id AND r.buku=b.buku" },
};

/* FROM of rule i over the whole database. */
static const char *whole_from(int i)
{
	for (size_t w = 0; w < sizeof WHOLE / sizeof WHOLE[0]; w++)
		if (strcmp(WHOLE[w].rule, RULES[i].name) == 0)
			return WHOLE[w].from;
	return RULES[i].from;
}

/* The drives name tables by number: keep the numbers true. */
_Static_assert(BT_KELOMPOK == 0 && BT_ANGGOTA == 1 && BT_PENILAIAN == 2 && BT_PERTEMUAN == 3 &&
	       BT_KEHADIRAN == 4 && BT_KAS == 5 && BT_TUTUP_BUKU == 6, "table numbers in RULES");

int rules_count(void)
{
	return NRULES;
}

const char *rules_name(int i)
{
	return i >= 0 && i < NRULES ? RULES[i].name : "";
}

/* ---- the queries ----------------------------------------------------------------------- */

static char SQL_ALL[NRULES][RULE_SQL_MAX];
static char SQL_ANY[NRULES][RULE_SQL_MAX];
static char SQL_DRIVE[NRULES][MAX_DRIVES][RULE_SQL_MAX];

static void build_one(char *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void build_one(char *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out, RULE_SQL_MAX, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= RULE_SQL_MAX) {
		fprintf(stderr, "sikube: rule query too long: %.60s\n", out);
		abort();
	}
}

/* Make every rule's queries once (they stay for the program's life: db_prepare keeps them). */
static void build(void)
{
	static int built;
	if (built)
		return;
	for (int i = 0; i < NRULES; i++) {
		const struct rule *r = &RULES[i];
		const char *whole = whole_from(i);
		build_one(SQL_ALL[i], "SELECT %s FROM %s WHERE %s%s%s", r->args, whole, r->where,
			  *r->order ? " ORDER BY " : "", r->order);
		build_one(SQL_ANY[i], "SELECT 1 FROM %s WHERE %s LIMIT 1", whole, r->where);
		for (int d = 0; d < MAX_DRIVES && r->drive[d].on; d++) {
			const struct drive *v = &r->drive[d];
			char tabel[32] = "";
			if (!v->src)
				snprintf(tabel, sizeof tabel, "s.tabel=%d AND ", v->table);
			build_one(SQL_DRIVE[i][d], "SELECT s.sumber, s.baris, %s, %s FROM %s s CROSS JOIN "
				  "%s WHERE %s(%s) AND (%s)", v->value, r->args,
				  v->src ? v->src : "temp.imp_row", r->from, tabel, v->on, r->where);
		}
	}
	built = 1;
}

/* sikube_luas_ok(x): assessment_luas_valid, so that the rule and the parser are one. */
static void luas_ok(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(c, assessment_luas_valid(sqlite3_value_double(argv[0])));
}

/* Registered once per connection: registering again would make SQLite prepare every cached
 * statement anew. */
static int prepare_functions(sk_db *db, sk_err *e)
{
	sqlite3_stmt *st = db_prepare_once(db, "SELECT sikube_luas_ok(1)", NULL);
	if (st) {
		db_finalize(st);
		return SK_OK;
	}
	int rc = sqlite3_create_function(db_handle(db), "sikube_luas_ok", 1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, luas_ok, NULL, NULL);
	return rc == SQLITE_OK ? SK_OK : db_error(db, rc, e);
}

/* The reason of rule r from the row of st whose args start at column first. */
static void reason_of(const struct rule *r, sqlite3_stmt *st, int first, char *out, size_t n)
{
	char a[RULE_ARGS][256];
	for (int i = 0; i < RULE_ARGS; i++)
		db_col_text(st, first + i, a[i], sizeof a[i]);
	snprintf(out, n, _(r->reason), a[0], a[1], a[2], a[3]);
	privacy_mask_ids(out);
}

/* Set when a query met a damaged page (rules_check_all's *damaged). */
static int met_damage;

/* The end of a query's rows: SK_OK, or the error (a damaged file as such). */
static int query_end(sk_db *db, int rc, sk_err *e)
{
	if (rc == SQLITE_DONE)
		return SK_OK;
	int prim = rc & 0xff;
	if (prim == SQLITE_CORRUPT || prim == SQLITE_NOTADB) {
		met_damage = 1;
		return db_damaged(db, sqlite3_errstr(rc), e);
	}
	return e && e->status ? e->status : SK_DBERR;
}

static int run_all(sk_db *db, int i, rule_hit_fn fn, void *ctx, sk_err *e)
{
	const struct rule *r = &RULES[i];
	sqlite3_stmt *st = db_prepare(db, SQL_ALL[i], e);
	if (!st)
		return SK_DBERR;
	char prev[1024] = "", reason[1024];
	int rc, stop = 0;
	while (!stop && (rc = db_step(db, st, e)) == SQLITE_ROW) {
		reason_of(r, st, 0, reason, sizeof reason);
		if (strcmp(reason, prev) == 0)
			continue; /* one problem seen from each of its rows */
		memcpy(prev, reason, sizeof prev);
		rule_hit h = { .rule = r->name, .reason = reason, .src = -1, .table = -1,
			       .column = "", .value = "" };
		stop = fn(ctx, &h);
	}
	if (stop)
		rc = SQLITE_DONE;
	db_reset(st);
	return query_end(db, rc, e);
}

int rules_check_all(sk_db *db, rule_hit_fn fn, void *ctx, int *damaged, sk_err *e)
{
	build();
	met_damage = 0;
	int rc = prepare_functions(db, e);
	for (int i = 0; rc == SK_OK && i < NRULES; i++)
		rc = run_all(db, i, fn, ctx, e);
	if (damaged)
		*damaged = met_damage;
	return rc;
}

static int run_drive(sk_db *db, int i, int d, rule_hit_fn fn, void *ctx, sk_err *e)
{
	const struct rule *r = &RULES[i];
	sqlite3_stmt *st = db_prepare(db, SQL_DRIVE[i][d], e);
	if (!st)
		return SK_DBERR;
	char reason[1024], value[256];
	int rc, stop = 0;
	while (!stop && (rc = db_step(db, st, e)) == SQLITE_ROW) {
		reason_of(r, st, 3, reason, sizeof reason);
		db_col_text(st, 2, value, sizeof value);
		rule_hit h = { .rule = r->name, .reason = reason, .src = sqlite3_column_int(st, 0),
			       .line = sqlite3_column_int64(st, 1), .table = r->drive[d].table,
			       .column = r->drive[d].column, .value = value };
		stop = fn(ctx, &h);
	}
	if (stop)
		rc = SQLITE_DONE;
	db_reset(st);
	return query_end(db, rc, e);
}

/* 1 when a drive of rule i is a table whose merged rows temp.imp_row lacks. */
static int driven_by_partial(int i, const int *partial)
{
	for (int d = 0; partial && d < MAX_DRIVES && RULES[i].drive[d].on; d++)
		if (partial[RULES[i].drive[d].table])
			return 1;
	return 0;
}

/* *found = 1 when the database has a row breaking rule i, else 0. */
static int any_row(sk_db *db, int i, int *found, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, SQL_ANY[i], e);
	if (!st)
		return SK_DBERR;
	int rc = db_step(db, st, e);
	*found = rc == SQLITE_ROW;
	db_reset(st);
	return query_end(db, rc == SQLITE_ROW ? SQLITE_DONE : rc, e);
}

int rules_check_merged(sk_db *db, const int *partial, rule_hit_fn fn, void *ctx,
		       int *incomplete, sk_err *e)
{
	build();
	*incomplete = 0;
	int rc = prepare_functions(db, e);
	for (int i = 0; rc == SK_OK && i < NRULES && !*incomplete; i++) {
		if (driven_by_partial(i, partial)) {
			rc = any_row(db, i, incomplete, e);
			continue;
		}
		for (int d = 0; rc == SK_OK && d < MAX_DRIVES && RULES[i].drive[d].on; d++)
			rc = run_drive(db, i, d, fn, ctx, e);
	}
	return rc;
}
