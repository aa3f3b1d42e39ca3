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
#include "check_rules_gen.h" /* generated: src/check_rules_ledger.tab */
#include "evaluation.h"
#include "i18n.h"
#include "privacy.h"
#include "simpin.h"
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

/* The rules of a meeting's attendance and postings over every meeting at once (import's "is
 * any row broken?", ANY_TOGETHER): each meeting's attendance read once for both dues sums and
 * its members' groups, its postings for both books and their groups, not once per rule. The
 * group of attendance row h's member is grp, with join: from the members' map
 * (MEETINGS_ANY_MAP) or looked up (MEETINGS_ANY_LOOKUP). */
#define MEETINGS_ANY(join, grp) \
	"SELECT 1 FROM pertemuan m WHERE EXISTS (SELECT 1 FROM (SELECT coalesce(sum(CASE WHEN " \
	"h.dihapus=0 THEN h.iuran_kas END),0) k, coalesce(sum(CASE WHEN h.dihapus=0 THEN " \
	"h.iuran_iks END),0) i, max(h.dihapus=0 AND " grp "<>m.kelompok_id) x FROM kehadiran h " \
	join " WHERE h.pertemuan_id=m.id) d WHERE d.x OR EXISTS (SELECT 1 FROM kas WHERE " \
	"pertemuan_id=m.id AND dihapus=0 AND kelompok_id<>m.kelompok_id) OR " POSTED("umum") " <> " \
	"CASE WHEN m.dihapus THEN 0 ELSE d.k+0 END OR " POSTED("iks") " <> CASE WHEN m.dihapus " \
	"THEN 0 ELSE d.i+0 END) LIMIT 1"
/* The SQL function answering a member's group from the members' map (member_map_fill). */
#define MEMBER_FN "sikube_kelompok_anggota"
#define MEETINGS_ANY_MAP MEETINGS_ANY("", MEMBER_FN "(h.anggota_id)")
#define MEETINGS_ANY_LOOKUP \
	MEETINGS_ANY("LEFT JOIN anggota a INDEXED BY anggota_id_kelompok ON a.id=h.anggota_id", \
		     "a.kelompok_id")

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

/* Savings and loans (docs/simpin.md section 4). Tables: 7 siklus, 8 simpanan, 9 pinjaman,
 * 10 angsuran, 11 denda, 12 bagi_hasil. The families below, which every one of these tables
 * shares (MEMBER_RULE ... NOT_YET, SOURCE_RULE) are used from src/check_rules_ledger.tab,
 * which names each table's rules and messages once (LEDGER_* in RULES). */

/* A source row x of a cycle whose member (a) is not of the cycle's group (S1, L1, D1, B1). */
#define MEMBER_RULE(name, t, bt, msg) \
	{ name, "x.id, a.nama, g.nama, ''", t " x CROSS JOIN siklus c ON c.id=x.siklus_id JOIN " \
	  "anggota a ON a.id=x.anggota_id JOIN kelompok g ON g.id=c.kelompok_id", \
	  "x.dihapus=0 AND a.kelompok_id<>c.kelompok_id", "", msg, \
	  { { bt, "x.id=s.k1", "anggota_id", "x.anggota_id", NULL }, \
	    { 1, "x.anggota_id=s.k1", "kelompok_id", "a.kelompok_id", NULL } } }
/* A row x dated outside its cycle c (S4, L1). */
#define IN_CYCLE_RULE(name, t, bt, msg) \
	{ name, "x.id, x.tanggal, printf('%d', c.nomor), c.mulai || ' - ' || coalesce(c.selesai, '')", \
	  t " x CROSS JOIN siklus c ON c.id=x.siklus_id", \
	  "x.dihapus=0 AND (x.tanggal < c.mulai OR x.tanggal > coalesce(c.selesai, '9999'))", "", msg, \
	  { { bt, "x.id=s.k1", "tanggal", "x.tanggal", NULL }, \
	    { 7, "x.siklus_id=s.k1", "mulai", "c.mulai", NULL } } }
/* A row x naming a meeting that is missing, deleted, of another day or of another group: grp
 * is the row's group (S6). */
#define MEETING_RULE(name, t, bt, grp, msg) \
	{ name, "x.id, x.pertemuan_id, x.tanggal, ''", t " x LEFT JOIN pertemuan m ON " \
	  "m.id=x.pertemuan_id", "x.dihapus=0 AND x.pertemuan_id IS NOT NULL AND (m.id IS NULL OR " \
	  "m.dihapus=1 OR m.tanggal<>x.tanggal OR m.kelompok_id IS NOT " grp ")", "", msg, \
	  { { bt, "x.id=s.k1", "pertemuan_id", "x.pertemuan_id", NULL }, \
	    { 3, "x.pertemuan_id=s.k1", "id", "s.k1", NULL } } }
#define GROUP_OF_CYCLE "(SELECT kelompok_id FROM siklus WHERE id=x.siklus_id)"
#define GROUP_OF_LOAN \
	"(SELECT c_.kelompok_id FROM pinjaman p_ JOIN siklus c_ ON c_.id=p_.siklus_id WHERE " \
	"p_.id=x.pinjaman_id)"
/* A date column of a live row after today. */
#define NOT_YET(name, t, bt, col, msg) \
	{ name, "r.id, r." col ", '', ''", t " r", "r.dihapus=0 AND r." col " > " TODAY, "", msg, \
	  { { bt, "r.id=s.k1", col, "r." col, NULL } } }
/* A reversal r of o in table t with the same cycle/loan columns (same): S5, A3. */
#define REVERSAL_RULES(stem, t, bt, same, msg_bad, msg_twice) \
	{ stem "_membalik_salah", "r.id, r.membalik_id, '', ''", t " r LEFT JOIN " t " o ON " \
	  "o.id=r.membalik_id", "r.dihapus=0 AND r.membalik_id IS NOT NULL AND (o.id IS NULL OR " \
	  "o.dihapus=1 OR o.id=r.id OR o.membalik_id IS NOT NULL OR o.tanggal>r.tanggal OR " same ")", \
	  "", msg_bad, { { bt, "r.id=s.k1", "membalik_id", "r.membalik_id", NULL }, \
			 { bt, "r.membalik_id=s.k1", "id", "s.k1", NULL } } }, \
	{ stem "_dibalik_dua_kali", "r.id, r.membalik_id, x.id, ''", t " r JOIN " t " x ON " \
	  "x.membalik_id=r.membalik_id AND x.id<>r.id AND x.dihapus=0", \
	  "r.dihapus=0 AND r.membalik_id IS NOT NULL", "r.membalik_id, r.id", msg_twice, \
	  { { bt, "r.id=s.k1", "membalik_id", "r.membalik_id", NULL } } }

/* A savings row x's balance of its kind after it (deposits before withdrawals within a day). */
#define SAVING_BAL \
	"(SELECT sum(y.setor-y.tarik) FROM simpanan y WHERE y.siklus_id=x.siklus_id AND " \
	"y.anggota_id=x.anggota_id AND y.jenis=x.jenis AND y.dihapus=0 AND (y.tanggal<x.tanggal OR " \
	"(y.tanggal=x.tanggal AND ((y.setor=0)<(x.setor=0) OR ((y.setor=0)=(x.setor=0) AND " \
	"y.id<=x.id)))))"
/* The merged savings rows, one per member's kind (and one per member of a closed cycle). */
#define BY_SAVINGS \
	"(SELECT y.siklus_id sk, y.anggota_id ag, y.jenis jn, y.tarik v, s.sumber sumber, " \
	"min(s.baris) baris FROM temp.imp_row s JOIN simpanan y ON y.id=s.k1 WHERE s.tabel=8 " \
	"GROUP BY 1, 2, 3)"
#define BY_SAVINGS_CLOSED \
	"(SELECT y.siklus_id sk, y.anggota_id ag, y.setor-y.tarik v, s.sumber sumber, " \
	"min(s.baris) baris FROM temp.imp_row s JOIN simpanan y ON y.id=s.k1 JOIN siklus z ON " \
	"z.id=y.siklus_id WHERE s.tabel=8 AND z.selesai IS NOT NULL GROUP BY 1, 2)"
/* The principal repaid on a loan up to and with repayment a (reversals first within a day). */
#define PAID_AT \
	"(SELECT sum(CASE WHEN y.membalik_id IS NULL THEN y.pokok ELSE -y.pokok END) FROM " \
	"angsuran y WHERE y.pinjaman_id=a.pinjaman_id AND y.dihapus=0 AND (y.tanggal<a.tanggal OR " \
	"(y.tanggal=a.tanggal AND ((y.membalik_id IS NULL)<(a.membalik_id IS NULL) OR " \
	"((y.membalik_id IS NULL)=(a.membalik_id IS NULL) AND y.id<=a.id)))))"
#define BY_LOAN \
	"(SELECT y.pinjaman_id pj, y.pokok v, s.sumber sumber, min(s.baris) baris FROM " \
	"temp.imp_row s JOIN angsuran y ON y.id=s.k1 WHERE s.tabel=10 GROUP BY y.pinjaman_id)"
/* A member's savings in the cycle of a loan p, dated on or before it (L2). */
#define SAVED_AT_LOAN \
	"(SELECT coalesce(sum(y.setor - y.tarik), 0) FROM simpanan y WHERE y.siklus_id=p.siklus_id " \
	"AND y.anggota_id=p.anggota_id AND y.dihapus=0 AND y.tanggal <= p.tanggal)"
/* The merged ledger rows of the simpin book, one per group, with their earliest date (B4). */
#define BY_SIMPIN_BOOK \
	"(SELECT k.kelompok_id g, min(k.tanggal) t, k.keluar v, s.sumber sumber, min(s.baris) " \
	"baris FROM temp.imp_row s JOIN kas k ON k.id=s.k1 WHERE s.tabel=5 AND k.buku='simpin' " \
	"GROUP BY k.kelompok_id)"
/* A live child row (table ct, alias c) whose parent (pt, alias p), named by c.key, is deleted:
 * cond says which child rows count; the rule is driven by the child's key and by the parent's
 * deletion (table numbers cbt and pbt). */
#define DELETED_PARENT_RULE(name, args, ct, c, cbt, pt, p, pbt, key, cond, msg) \
	{ name, args, ct " " c " JOIN " pt " " p " ON " p ".id=" c "." key, \
	  p ".dihapus=1 AND " cond, "", msg, \
	  { { cbt, c ".id=s.k1", key, c "." key, NULL }, \
	    { pbt, c "." key "=s.k1", "dihapus", p ".dihapus", NULL } } }
/* Live ledger rows posted by source x: their sum (R-K1). */
#define POSTED_BY "(SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE sumber_id=x.id AND dihapus=0)"
#define SOURCE_RULE(name, t, bt, expected, msg) \
	{ name, "x.id, printf('%d', " expected "), printf('%d', " POSTED_BY "), ''", t " x", \
	  POSTED_BY " <> " expected, "", msg, \
	  { { bt, "x.id=s.k1", "id", "x.id", NULL }, \
	    { 5, "x.id=(SELECT sumber_id FROM kas WHERE id=s.k1)", "masuk", \
	      "(SELECT masuk-keluar FROM kas WHERE id=s.k1)", NULL } } }
/* The book a loan x posts into. */
#define LOAN_BOOK "CASE x.sumber WHEN 'uep' THEN 'umum' ELSE 'simpin' END"
/* Ledger row k is the posting of an existing source row of its group, book and category (R-K2). */
#define SOURCE_MATCHES \
	"(EXISTS (SELECT 1 FROM simpanan x JOIN siklus c ON c.id=x.siklus_id WHERE x.id=k.sumber_id " \
	"AND c.kelompok_id=k.kelompok_id AND k.buku='simpin' AND k.kategori IN ('simpanan'," \
	"'penarikan')) OR EXISTS (SELECT 1 FROM pinjaman x JOIN siklus c ON c.id=x.siklus_id " \
	"WHERE x.id=k.sumber_id AND c.kelompok_id=k.kelompok_id AND k.buku=" LOAN_BOOK " AND " \
	"k.kategori='pinjaman') OR EXISTS (SELECT 1 FROM angsuran y JOIN pinjaman x ON " \
	"x.id=y.pinjaman_id JOIN siklus c ON c.id=x.siklus_id WHERE y.id=k.sumber_id AND " \
	"c.kelompok_id=k.kelompok_id AND k.buku=" LOAN_BOOK " AND k.kategori='angsuran') OR " \
	"EXISTS (SELECT 1 FROM denda x JOIN siklus c ON c.id=x.siklus_id WHERE x.id=k.sumber_id AND " \
	"c.kelompok_id=k.kelompok_id AND k.buku='simpin' AND k.kategori='denda') OR EXISTS (SELECT " \
	"1 FROM bagi_hasil x JOIN siklus c ON c.id=x.siklus_id WHERE x.id=k.sumber_id AND " \
	"c.kelompok_id=k.kelompok_id AND k.buku='simpin' AND k.kategori IN ('penarikan'," \
	"'bagi_hasil')))"

/* Any indicator of the evaluasi row e outside 1-4 (the table's CHECK refuses them; `check`'s
 * integrity check reports such a row as damage, import's field rules refuse it). */
#define EVAL_OUT_OF_RANGE_SQL(e) \
	e ".s1 NOT BETWEEN 1 AND 4 OR " e ".s2 NOT BETWEEN 1 AND 4 OR " e ".s3 NOT BETWEEN 1 AND 4 " \
	"OR " e ".s4 NOT BETWEEN 1 AND 4 OR " e ".e1 NOT BETWEEN 1 AND 4 OR " e ".e2 NOT BETWEEN 1 " \
	"AND 4 OR " e ".e3 NOT BETWEEN 1 AND 4 OR " e ".e4 NOT BETWEEN 1 AND 4"

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
	{ "membalik_diri", "r.id, '', '', ''", "kas r", "r.membalik_id IS NOT NULL AND r.dihapus=0 AND "
	  "r.membalik_id=r.id", "",
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
	DELETED_PARENT_RULE("anggota_kelompok_dihapus", "a.nama, g.nama, '', ''", "anggota", "a", 1,
			    "kelompok", "g", 0, "kelompok_id", ACTIVE("a"),
			    N_("Anggota %s masih aktif di kelompok %s yang sudah dihapus: hapus atau "
			       "keluarkan anggotanya bersama kelompoknya.")),
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
	DELETED_PARENT_RULE("penilaian_anggota_dihapus", "p.id, p.tanggal, a.nama, ''", "penilaian",
			    "p", 2, "anggota", "a", 1, "anggota_id",
			    "p.dihapus=0 AND p.diubah_pada > a.diubah_pada",
			    N_("Penilaian %s (%s) untuk anggota %s dibuat atau diubah sesudah anggota "
			       "itu dihapus.")),
	{ "luas_lantai", "p.id, p.luas_lantai_m2, '', ''", "penilaian p",
	  "p.luas_lantai_m2 IS NOT NULL AND NOT sikube_luas_ok(p.luas_lantai_m2)", "",
	  N_("Penilaian %s: luas lantai %s m² di luar 1 sampai 10.000 m² atau lebih dari dua angka "
	     "di belakang koma."),
	  { { 2, "p.id=s.k1", "luas_lantai_m2", "p.luas_lantai_m2", NULL } } },
	/* Dates no later than today, stamps no later than tomorrow. */
	NOT_YET("pertemuan_belum_terjadi", "pertemuan", 3, "tanggal",
		N_("Pertemuan %s bertanggal %s, sesudah hari ini: pertemuan dicatat sesudah terjadi.")),
	NOT_YET("kas_belum_terjadi", "kas", 5, "tanggal",
		N_("Baris kas %s bertanggal %s, sesudah hari ini: uang masuk atau keluar dicatat pada "
		   "hari terjadinya.")),
	FUTURE_STAMP("kelompok_masa_depan", "kelompok", "kelompok", 0, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("anggota_masa_depan", "anggota", "anggota", 1, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("penilaian_masa_depan", "penilaian", "penilaian", 2, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("pertemuan_masa_depan", "pertemuan", "pertemuan", 3, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("kehadiran_masa_depan", "kehadiran", "kehadiran", 4, "r.pertemuan_id || '/' || r.anggota_id",
		     "r.pertemuan_id=s.k1 AND r.anggota_id=s.k2"),
	FUTURE_STAMP("kas_masa_depan", "kas", "kas", 5, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("tutup_masa_depan", "tutup_buku", "tutup_kas", 6, "r.id", "r.id=s.k1"),
	/* Savings and loans: cycles (C1-C4, C6). */
	{ "siklus_berjalan_dua", "g.nama, c.id, '', ''", "siklus c JOIN kelompok g ON "
	  "g.id=c.kelompok_id", "c.dihapus=0 AND c.selesai IS NULL AND EXISTS (SELECT 1 FROM siklus x "
	  "WHERE x.kelompok_id=c.kelompok_id AND x.dihapus=0 AND x.selesai IS NULL AND x.id<>c.id)",
	  "c.kelompok_id, c.id",
	  N_("Kelompok %s punya lebih dari satu siklus simpan pinjam yang berjalan (siklus %s)."),
	  { { 7, "c.id=s.k1", "selesai", "c.selesai", NULL } } },
	{ "siklus_nomor_dua", "g.nama, printf('%d', c.nomor), c.id, ''", "siklus c JOIN kelompok g "
	  "ON g.id=c.kelompok_id", "c.dihapus=0 AND EXISTS (SELECT 1 FROM siklus x WHERE "
	  "x.kelompok_id=c.kelompok_id AND x.nomor=c.nomor AND x.dihapus=0 AND x.id<>c.id)",
	  "c.kelompok_id, c.nomor, c.id",
	  N_("Kelompok %s punya lebih dari satu siklus nomor %s (siklus %s)."),
	  { { 7, "c.id=s.k1", "nomor", "printf('%d', c.nomor)", NULL } } },
	{ "siklus_bertumpuk", "c.id, c.mulai, coalesce(c.selesai, '-'), ''", "siklus c",
	  "c.dihapus=0 AND ((c.selesai IS NOT NULL AND c.selesai < c.mulai) OR EXISTS (SELECT 1 FROM "
	  "siklus b WHERE b.kelompok_id=c.kelompok_id AND b.id<>c.id AND b.dihapus=0 AND c.mulai <= "
	  "coalesce(b.selesai, '9999') AND b.mulai <= coalesce(c.selesai, '9999')))", "",
	  N_("Siklus %s (%s sampai %s) selesai sebelum mulai atau bertumpuk dengan siklus lain "
	     "kelompoknya."),
	  { { 7, "c.id=s.k1", "mulai", "c.mulai", NULL } } },
	DELETED_PARENT_RULE("siklus_kelompok_dihapus", "g.nama, printf('%d', c.nomor), '', ''",
			    "siklus", "c", 7, "kelompok", "g", 0, "kelompok_id",
			    "c.dihapus=0 AND c.selesai IS NULL",
			    N_("Kelompok %s sudah dihapus, tetapi siklus simpan pinjam %s masih "
			       "berjalan: tutup dulu siklusnya.")),
	{ "kas_diubah_sesudah_siklus", "r.id, r.tanggal, printf('%d', c.nomor), r.diubah_pada",
	  "siklus c CROSS JOIN kas r ON r.kelompok_id=c.kelompok_id AND r.buku='simpin'",
	  "c.dihapus=0 AND c.selesai IS NOT NULL AND r.tanggal BETWEEN c.mulai AND c.selesai AND "
	  "r.diubah_pada > c.diubah_pada", "",
	  N_("Baris kas %s bertanggal %s, di siklus %s yang sudah ditutup dan dibagi, diubah "
	     "sesudahnya (%s): koreksi dengan pembalikan sesudah siklus itu."),
	  { { 5, "c.id IN (SELECT id FROM siklus WHERE kelompok_id=(SELECT kelompok_id FROM kas "
	      "WHERE id=s.k1)) AND r.id=s.k1", "diubah_pada", "r.diubah_pada", NULL },
	    { 7, "c.id=s.k1", "diubah_pada", "c.diubah_pada", NULL } } },
	/* Savings (S1-S6). */
	LEDGER_SIMPANAN_1,
	{ "simpanan_minus", "x.id, a.nama, x.jenis, x.tanggal", "simpanan x JOIN anggota a ON "
	  "a.id=x.anggota_id", "x.dihapus=0 AND x.tarik>0 AND " SAVING_BAL " < 0", "",
	  N_("Simpanan %s: saldo %s jenis %s jadi minus pada %s; simpanan tidak boleh minus."),
	  { { 8, "x.siklus_id=s.sk AND x.anggota_id=s.ag AND x.jenis=s.jn", "tarik",
	      "printf('%d', s.v)", BY_SAVINGS } } },
	{ "simpanan_wajib_ditarik", "x.id, a.nama, x.jenis, x.tanggal", "simpanan x JOIN anggota a "
	  "ON a.id=x.anggota_id", "x.dihapus=0 AND x.tarik>0 AND x.membalik_id IS NULL AND x.jenis IN "
	  "('pokok','wajib') AND x.tanggal IS NOT a.tanggal_keluar", "",
	  N_("Simpanan %s: %s menarik simpanan %s pada %s; simpanan pokok dan wajib diambil hanya "
	     "saat bagi hasil atau pada hari anggota keluar."),
	  { { 8, "x.id=s.k1", "tarik", "printf('%d', x.tarik)", NULL },
	    { 1, "x.anggota_id=s.k1", "tanggal_keluar", "a.tanggal_keluar", NULL } } },
	LEDGER_SIMPANAN_2,
	/* Loans (L1-L5). */
	LEDGER_PINJAMAN_1,
	{ "pinjaman_di_atas_batas", "p.id, a.nama, printf('%d', p.pokok), printf('%d', "
	  SAVED_AT_LOAN ")", "pinjaman p CROSS JOIN siklus c ON c.id=p.siklus_id JOIN anggota a ON "
	  "a.id=p.anggota_id", "p.dihapus=0 AND c.batas_pinjaman_kali IS NOT NULL AND p.pokok * 100 > "
	  "c.batas_pinjaman_kali * " SAVED_AT_LOAN, "",
	  N_("Pinjaman %s untuk %s Rp %s melebihi batas siklusnya atas simpanan Rp %s pada tanggal "
	     "pinjaman."),
	  { { 9, "p.id=s.k1", "pokok", "printf('%d', p.pokok)", NULL },
	    { 8, "p.siklus_id=(SELECT siklus_id FROM simpanan WHERE id=s.k1) AND "
	      "p.anggota_id=(SELECT anggota_id FROM simpanan WHERE id=s.k1)", "setor",
	      "(SELECT setor-tarik FROM simpanan WHERE id=s.k1)", NULL },
	    { 7, "p.siklus_id=s.k1", "batas_pinjaman_kali", "c.batas_pinjaman_kali", NULL } } },
	{ "pinjaman_jadwal", "p.id, printf('%d', p.jumlah_angsuran), p.jarak_angsuran, ''",
	  "pinjaman p", "p.dihapus=0 AND NOT sikube_jadwal_ok(p.tanggal, p.pokok, "
	  "p.jasa_persen_bulan, p.metode_jasa, p.jumlah_angsuran, p.jarak_angsuran)", "",
	  N_("Pinjaman %s: jadwal %s angsuran per %s tidak dapat dihitung (angsuran terakhir sesudah "
	     "tahun 2199 atau jumlah terlalu besar)."),
	  { { 9, "p.id=s.k1", "jumlah_angsuran", "printf('%d', p.jumlah_angsuran)", NULL } } },
	{ "pinjaman_hapus_buku", "p.id, p.dihapusbukukan_pada, p.tanggal, ''", "pinjaman p",
	  "p.dihapus=0 AND p.dihapusbukukan_pada IS NOT NULL AND (p.dihapusbukukan_pada < p.tanggal "
	  "OR p.dihapusbukukan_pada > " TODAY ")", "",
	  N_("Pinjaman %s dihapusbukukan pada %s: sebelum diberikan (%s) atau sesudah hari ini."),
	  { { 9, "p.id=s.k1", "dihapusbukukan_pada", "p.dihapusbukukan_pada", NULL } } },
	DELETED_PARENT_RULE("angsuran_pinjaman_dihapus", "a.id, a.pinjaman_id, '', ''", "angsuran",
			    "a", 10, "pinjaman", "p", 9, "pinjaman_id", "a.dihapus=0",
			    N_("Angsuran %s untuk pinjaman %s yang sudah dihapus: pinjaman yang sudah "
			       "diangsur tidak dihapus.")),
	LEDGER_PINJAMAN_2,
	/* Repayments (A1-A3). */
	{ "angsuran_lebih", "a.id, n.nama, printf('%d', " PAID_AT "), printf('%d', p.pokok)",
	  "angsuran a CROSS JOIN pinjaman p ON p.id=a.pinjaman_id JOIN anggota n ON "
	  "n.id=p.anggota_id", "a.dihapus=0 AND " PAID_AT " NOT BETWEEN 0 AND p.pokok", "",
	  N_("Angsuran %s (%s): pokok yang sudah diangsur Rp %s melebihi pinjamannya Rp %s, atau di "
	     "bawah nol."),
	  { { 10, "a.pinjaman_id=s.pj", "pokok", "printf('%d', s.v)", BY_LOAN },
	    { 9, "a.pinjaman_id=s.k1", "pokok", "printf('%d', p.pokok)", NULL } } },
	{ "angsuran_sebelum_pinjaman", "a.id, a.tanggal, p.tanggal, ''", "angsuran a JOIN pinjaman p "
	  "ON p.id=a.pinjaman_id", "a.dihapus=0 AND a.tanggal < p.tanggal", "",
	  N_("Angsuran %s bertanggal %s, sebelum pinjamannya diberikan (%s)."),
	  { { 10, "a.id=s.k1", "tanggal", "a.tanggal", NULL },
	    { 9, "a.pinjaman_id=s.k1", "tanggal", "p.tanggal", NULL } } },
	LEDGER_ANGSURAN,
	/* Fines (D1, D2). */
	LEDGER_DENDA_1,
	{ "denda_dibayar_salah", "f.id, f.tanggal, coalesce(f.dibayar_pada, ''), ''", "denda f",
	  "f.dihapus=0 AND f.dibayar_pada IS NOT NULL AND (f.dibebaskan=1 OR f.dibayar_pada < "
	  "f.tanggal)", "",
	  N_("Denda %s (%s) dibayar pada %s: denda yang dibebaskan tidak dibayar, dan denda dibayar "
	     "pada atau sesudah dikenakan."),
	  { { 11, "f.id=s.k1", "dibayar_pada", "f.dibayar_pada", NULL } } },
	LEDGER_DENDA_2,
	/* The share-out (B1-B4). */
	LEDGER_BAGI_HASIL,
	{ "bagi_hasil_dua", "b.id, a.nama, printf('%d', c.nomor), ''", "bagi_hasil b JOIN siklus c "
	  "ON c.id=b.siklus_id JOIN anggota a ON a.id=b.anggota_id", "b.dihapus=0 AND EXISTS (SELECT "
	  "1 FROM bagi_hasil x WHERE x.siklus_id=b.siklus_id AND x.anggota_id=b.anggota_id AND "
	  "x.dihapus=0 AND x.id<>b.id)", "b.siklus_id, b.anggota_id, b.id",
	  N_("Bagi hasil %s: %s punya lebih dari satu bagian di siklus %s."),
	  { { 12, "b.id=s.k1", "anggota_id", "b.anggota_id", NULL } } },
	{ "bagi_hasil_siklus_terbuka", "b.id, printf('%d', c.nomor), '', ''", "bagi_hasil b JOIN "
	  "siklus c ON c.id=b.siklus_id", "b.dihapus=0 AND (c.selesai IS NULL OR c.dihapus=1)", "",
	  N_("Bagi hasil %s untuk siklus %s yang belum ditutup: bagi hasil dibuat saat siklus "
	     "ditutup."),
	  { { 12, "b.id=s.k1", "siklus_id", "b.siklus_id", NULL },
	    { 7, "b.siklus_id=s.k1", "selesai", "c.selesai", NULL } } },
	{ "bagi_hasil_tidak_cocok", "b.id, printf('%d', b.dibayar), printf('%d', b.simpanan + "
	  "b.bagian_hasil - b.potongan), ''", "bagi_hasil b", "b.dihapus=0 AND (b.dibayar <> "
	  "b.simpanan + b.bagian_hasil - b.potongan OR b.dibayar < 0 OR b.potongan < 0)", "",
	  N_("Bagi hasil %s: dibayar Rp %s, tetapi simpanan + bagian hasil - potongan = Rp %s (dan "
	     "tidak boleh minus)."),
	  { { 12, "b.id=s.k1", "dibayar", "printf('%d', b.dibayar)", NULL } } },
	{ "bagi_hasil_simpanan", "b.id, a.nama, printf('%d', b.simpanan), printf('%d', (SELECT "
	  "coalesce(sum(setor-tarik), 0) FROM simpanan y WHERE y.siklus_id=b.siklus_id AND "
	  "y.anggota_id=b.anggota_id AND y.dihapus=0))", "bagi_hasil b JOIN anggota a ON "
	  "a.id=b.anggota_id", "b.dihapus=0 AND b.simpanan <> (SELECT coalesce(sum(setor-tarik), 0) "
	  "FROM simpanan y WHERE y.siklus_id=b.siklus_id AND y.anggota_id=b.anggota_id AND "
	  "y.dihapus=0)", "",
	  N_("Bagi hasil %s (%s): simpanan Rp %s, tetapi simpanannya di siklus itu Rp %s."),
	  { { 12, "b.id=s.k1", "simpanan", "printf('%d', b.simpanan)", NULL },
	    { 8, "b.siklus_id=s.sk AND b.anggota_id=s.ag", "setor", "printf('%d', s.v)",
	      BY_SAVINGS_CLOSED } } },
	{ "bagi_hasil_tidak_ada", "a.nama, printf('%d', c.nomor), '', ''", "siklus c CROSS JOIN "
	  "anggota a ON a.kelompok_id=c.kelompok_id", "c.dihapus=0 AND c.selesai IS NOT NULL AND "
	  "(SELECT sum(setor-tarik) FROM simpanan y WHERE y.siklus_id=c.id AND y.anggota_id=a.id AND "
	  "y.dihapus=0) > 0 AND NOT EXISTS (SELECT 1 FROM bagi_hasil b WHERE b.siklus_id=c.id AND "
	  "b.anggota_id=a.id AND b.dihapus=0)", "",
	  N_("%s punya simpanan di siklus %s yang sudah ditutup, tetapi tidak punya bagi hasil."),
	  { { 7, "c.id=s.k1", "selesai", "c.selesai", NULL },
	    { 12, "c.id=(SELECT siklus_id FROM bagi_hasil WHERE id=s.k1) AND a.id=(SELECT anggota_id "
	      "FROM bagi_hasil WHERE id=s.k1)", "dihapus", "'1'", NULL },
	    { 8, "c.id=s.sk AND a.id=s.ag", "setor", "printf('%d', s.v)", BY_SAVINGS_CLOSED } } },
	{ "bagi_hasil_bagian", "b.id, a.nama, printf('%d', b.bagian_hasil), coalesce(CAST("
	  "sikube_bagian(b.siklus_id, b.anggota_id) AS TEXT), '-')", "siklus c CROSS JOIN bagi_hasil "
	  "b ON b.siklus_id=c.id JOIN anggota a ON a.id=b.anggota_id", "b.dihapus=0 AND c.dihapus=0 "
	  "AND c.selesai IS NOT NULL AND sikube_bagian(b.siklus_id, b.anggota_id) IS NOT "
	  "b.bagian_hasil", "c.id, b.id",
	  N_("Bagi hasil %s (%s): bagian Rp %s, tetapi menurut kas simpan pinjam, pinjaman dan cara "
	     "bagi siklusnya Rp %s."),
	  { { 12, "c.id=(SELECT siklus_id FROM bagi_hasil WHERE id=s.k1) AND b.id=s.k1",
	      "bagian_hasil", "printf('%d', b.bagian_hasil)", NULL },
	    { 7, "c.id=s.k1", "metode_bagi", "c.metode_bagi", NULL },
	    { 5, "c.kelompok_id=s.g AND c.selesai >= s.t", "keluar", "printf('%d', s.v)",
	      BY_SIMPIN_BOOK } } },
	/* Ledger rows against their sources (R-K1, R-K2). */
	LEDGER_SOURCES,
	{ "kas_sumber_salah", "k.id, k.sumber_id, k.buku, k.kategori", "kas k", "k.dihapus=0 AND "
	  "k.sumber_id IS NOT NULL AND (k.pertemuan_id IS NOT NULL OR NOT " SOURCE_MATCHES ")", "",
	  N_("Baris kas %s dibukukan dari %s, tetapi sumber itu tidak ada, milik kelompok lain, "
	     "tidak dibukukan di buku %s kategori %s, atau baris itu juga dibukukan dari pertemuan."),
	  { { 5, "k.id=s.k1", "sumber_id", "k.sumber_id", NULL } } },
	FUTURE_STAMP("siklus_masa_depan", "siklus", "siklus", 7, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("simpanan_masa_depan", "simpanan", "simpanan", 8, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("pinjaman_masa_depan", "pinjaman", "pinjaman", 9, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("angsuran_masa_depan", "angsuran", "angsuran", 10, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("denda_masa_depan", "denda", "denda", 11, "r.id", "r.id=s.k1"),
	FUTURE_STAMP("bagi_hasil_masa_depan", "bagi_hasil", "bagi_hasil", 12, "r.id", "r.id=s.k1"),
	/* Development assessments (docs/evaluasi.md); tables by name: BT_EVALUASI follows the
	 * tables of other branches. */
	DELETED_PARENT_RULE("evaluasi_kelompok_dihapus", "e.id, e.tanggal, g.nama, ''", "evaluasi",
			    "e", BT_EVALUASI, "kelompok", "g", BT_KELOMPOK, "kelompok_id",
			    "e.dihapus=0 AND e.diubah_pada > g.diubah_pada",
			    N_("Penilaian perkembangan %s (%s) untuk kelompok %s dibuat atau diubah "
			       "sesudah kelompok itu dihapus.")),
	{ "evaluasi_skor", "e.id, e.tanggal, printf('%d %s', e.skor, e.tingkat), printf('%d %s', "
	  EVALUATION_SCORE_SQL("e") ", " EVALUATION_LEVEL_SQL(EVALUATION_SCORE_SQL("e")) ")",
	  "evaluasi e", "NOT (" EVAL_OUT_OF_RANGE_SQL("e") ") AND (e.skor <> "
	  EVALUATION_SCORE_SQL("e") " OR e.tingkat <> "
	  EVALUATION_LEVEL_SQL(EVALUATION_SCORE_SQL("e")) ")", "",
	  N_("Penilaian perkembangan %s (%s): tersimpan skor dan tingkat %s, padahal nilai "
	     "indikatornya memberi %s."),
	  { { BT_EVALUASI, "e.id=s.k1", "skor", "e.skor", NULL } } },
	{ "tingkat_kelompok", "g.nama, g.tingkat, l.tanggal, l.tingkat",
	  "kelompok g CROSS JOIN evaluasi l ON l.id=" EVALUATION_LATEST_SQL("g.id", "q_.id", ""),
	  "g.dihapus=0 AND g.tingkat <> l.tingkat", "",
	  N_("Kelompok %s bertingkat %s, tetapi penilaian perkembangan terakhirnya (%s) memberi "
	     "tingkat %s."),
	  { { BT_KELOMPOK, "g.id=s.k1", "tingkat", "g.tingkat", NULL },
	    { BT_EVALUASI, "g.id=(SELECT kelompok_id FROM evaluasi WHERE id=s.k1)", "tingkat",
	      "l.tingkat", NULL } } },
	NOT_YET("evaluasi_belum_terjadi", "evaluasi", BT_EVALUASI, "tanggal",
		N_("Penilaian perkembangan %s bertanggal %s, sesudah hari ini: kelompok dinilai "
		   "sesudah kunjungan.")),
	FUTURE_STAMP("evaluasi_masa_depan", "evaluasi", "evaluasi", BT_EVALUASI, "r.id", "r.id=s.k1"),
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

/* A bulk import's copy of the live ledger rows posted by a source row, in the order of the
 * source's key: what the rules of the ledger against its sources (R-K1, R-K2) read of them.
 * Read from kas in the order of its pages and sorted once, it spares those rules a lookup of
 * a ledger row at random for every source row (kas has no index that covers them). */
#define POSTINGS "temp.imp_pos"
#define POSTINGS_MAKE \
	"CREATE TEMP TABLE IF NOT EXISTS imp_pos(sumber_id TEXT NOT NULL, r INTEGER NOT NULL, " \
	"kelompok_id TEXT, buku TEXT, kategori TEXT, dari_pertemuan INTEGER, jumlah INTEGER, " \
	"PRIMARY KEY(sumber_id, r)) WITHOUT ROWID; DELETE FROM temp.imp_pos; INSERT INTO " \
	"temp.imp_pos SELECT sumber_id, rowid, kelompok_id, buku, kategori, pertemuan_id IS NOT " \
	"NULL, masuk-keluar FROM kas NOT INDEXED WHERE sumber_id IS NOT NULL AND dihapus=0 ORDER BY " \
	"sumber_id, rowid"
/* Copies of a table some rules read in a bulk import (ANY_FORM), made before the first such
 * rule and dropped when the rules end. */
static const struct {
	const char *name, *make, *drop;
} COPIES[] = {
	{ POSTINGS, POSTINGS_MAKE, "DROP TABLE IF EXISTS " POSTINGS },
};
#define NCOPIES ((int)(sizeof COPIES / sizeof COPIES[0]))

/* Rules whose bulk-import question (is any row broken? rules_check_merged) reads less in
 * another form than in the whole-database form `sikube check` runs (where the order of the
 * rows it reports stays): FROM and WHERE (NULL: the rule's) giving the same rows as the
 * rule's, reading a copy (COPIES) or through another index. */
#define POSTED_COPY "(SELECT coalesce(sum(jumlah),0) FROM " POSTINGS " WHERE sumber_id=x.id)"
#define SOURCE_ANY(name, t, expected) { name, t " x", POSTED_COPY " <> " expected }
static const struct {
	const char *rule, *from, *where;
} ANY_FORM[] = {
	LEDGER_SOURCES_ANY,
	{ "kas_sumber_salah", POSTINGS " k", "k.dari_pertemuan OR NOT " SOURCE_MATCHES },
	/* the reversals alone, through their index */
	{ "membalik_diri", "kas r INDEXED BY kas_membalik", NULL },
	/* each loan's principal repaid after each repayment in one pass over its repayments, in
	 * PAID_AT's order (by day, reversals first, then by id), not summed again for each */
	{ "angsuran_lebih", "(SELECT a.id, a.pinjaman_id, sum(CASE WHEN a.membalik_id IS NULL THEN "
	  "a.pokok ELSE -a.pokok END) OVER (PARTITION BY a.pinjaman_id ORDER BY a.tanggal, "
	  "a.membalik_id IS NULL, a.id ROWS UNBOUNDED PRECEDING) dibayar FROM angsuran a WHERE "
	  "a.dihapus=0) a CROSS JOIN pinjaman p ON p.id=a.pinjaman_id JOIN anggota n ON "
	  "n.id=p.anggota_id", "a.dibayar NOT BETWEEN 0 AND p.pokok" },
};

/* Rules whose whole-database queries one query answers together when import only asks
 * whether any row breaks one of them (rules_check_merged): a row of it breaks one of them,
 * none means none is broken. Asked at the first of them in RULES; plain (NULL: none) is the
 * query without the members' map, when the map cannot answer exactly (member_map_fill). */
#define TOGETHER_MAX 4
static const struct {
	const char *rules[TOGETHER_MAX];
	const char *any, *plain;
} ANY_TOGETHER[] = {
	{ { "iuran_kas_dibukukan", "iuran_iks_dibukukan", "kas_dari_pertemuan_lain",
	    "hadir_kelompok_lain" }, MEETINGS_ANY_MAP, MEETINGS_ANY_LOOKUP },
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
	       BT_KEHADIRAN == 4 && BT_KAS == 5 && BT_TUTUP_BUKU == 6 && BT_SIKLUS == 7 &&
	       BT_SIMPANAN == 8 && BT_PINJAMAN == 9 && BT_ANGSURAN == 10 && BT_DENDA == 11 &&
	       BT_BAGI_HASIL == 12, "table numbers in RULES");

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
		const char *any_from = whole, *any_where = r->where;
		for (size_t a = 0; a < sizeof ANY_FORM / sizeof ANY_FORM[0]; a++)
			if (strcmp(ANY_FORM[a].rule, r->name) == 0)
				any_from = ANY_FORM[a].from,
				any_where = ANY_FORM[a].where ? ANY_FORM[a].where : r->where;
		build_one(SQL_ANY[i], "SELECT 1 FROM %s WHERE %s LIMIT 1", any_from, any_where);
		for (int d = 0; d < MAX_DRIVES && r->drive[d].on; d++) {
			const struct drive *v = &r->drive[d];
			char tabel[32] = "";
			if (!v->src)
				snprintf(tabel, sizeof tabel, "s.tabel=%d AND ", v->table);
			/* in the order of what is reported, not of the rows' places in the file:
			 * the hub's staging copy holds the same rows in another order */
			build_one(SQL_DRIVE[i][d], "SELECT s.sumber, s.baris, %s, %s FROM %s s CROSS JOIN "
				  "%s WHERE %s(%s) AND (%s) ORDER BY 1, 2, 3, 4, 5, 6, 7", v->value, r->args,
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

static void member_group(sqlite3_context *c, int argc, sqlite3_value **argv);

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
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db_handle(db), MEMBER_FN, 1, SQLITE_UTF8, NULL,
					     member_group, NULL, NULL);
	rc = rc == SQLITE_OK ? SK_OK : db_error(db, rc, e);
	return rc == SK_OK ? simpin_sql_functions(db, e) : rc;
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

/* The index of the rule named name, or -1. */
static int rule_index(const char *name)
{
	for (int i = 0; i < NRULES; i++)
		if (strcmp(RULES[i].name, name) == 0)
			return i;
	return -1;
}

/* The query of ANY_TOGETHER that answers for rule i and others, when each of them is asked
 * over the whole database (driven by a partial table), or NULL; the others are marked in
 * answered, *plain is the query's form without the members' map. */
static const char *any_together(int i, const int *partial, unsigned char *answered,
				const char **plain)
{
	for (size_t k = 0; k < sizeof ANY_TOGETHER / sizeof ANY_TOGETHER[0]; k++) {
		int mine = 0, whole = 1;
		for (int r = 0; r < TOGETHER_MAX && ANY_TOGETHER[k].rules[r]; r++) {
			int j = rule_index(ANY_TOGETHER[k].rules[r]);
			mine |= j == i;
			whole &= j >= 0 && driven_by_partial(j, partial);
		}
		if (!mine || !whole)
			continue;
		for (int r = 0; r < TOGETHER_MAX && ANY_TOGETHER[k].rules[r]; r++)
			answered[rule_index(ANY_TOGETHER[k].rules[r])] = 1;
		*plain = ANY_TOGETHER[k].plain;
		return ANY_TOGETHER[k].any;
	}
	return NULL;
}

/* Page cache while a copy is sorted, KiB: SQLite's sorter takes up to the cache's size (and,
 * growing its buffer, half as much again), so a smaller cache keeps an import's peak memory
 * where the rebuild of its indexes has it (BULK_BUILD_CACHE_KIB). */
#define COPY_CACHE_KIB 8192

/* Make the copies (COPIES) the query sql reads that are not made yet (bit c of *made). */
static int make_copies(sk_db *db, const char *sql, unsigned *made, sk_err *e)
{
	for (int c = 0; c < NCOPIES; c++)
		if (!(*made & 1u << c) && strstr(sql, COPIES[c].name)) {
			int64_t cache = db_cache_shrink(db, COPY_CACHE_KIB);
			int rc = db_exec(db, COPIES[c].make, e);
			db_cache_restore(db, cache);
			if (rc != SK_OK)
				return SK_DBERR;
			*made |= 1u << c;
		}
	return SK_OK;
}

/* Drop the copies made; rc is returned unless it was SK_OK and a drop failed. */
static int drop_copies(sk_db *db, unsigned made, int rc, sk_err *e)
{
	for (int c = 0; c < NCOPIES; c++)
		if (made & 1u << c) {
			int d = db_exec(db, COPIES[c].drop, rc == SK_OK ? e : NULL);
			if (rc == SK_OK && d != SK_OK)
				rc = SK_DBERR;
		}
	return rc;
}

/* The members' map: each member's id and group (anggota.id, kelompok_id) in a hash table
 * that MEMBER_FN reads, so that a pass over every attendance row finds each row's member
 * without a lookup in anggota_id_kelompok. Filled before such a query, freed after it. */
struct member_slot {
	char *id, *grp;  /* NULL id: an empty slot */
	int id_len, grp_len;
};
static struct {
	struct member_slot *slot;
	size_t cap;      /* a power of two, at least twice the members; 0: not filled */
} members;

static size_t member_hash(const char *id, int len)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (int i = 0; i < len; i++)
		h = (h ^ (unsigned char)id[i]) * 16777619u;
	return h;
}

static void member_map_free(void)
{
	for (size_t i = 0; i < members.cap; i++)
		free(members.slot[i].id);
	free(members.slot);
	members.slot = NULL;
	members.cap = 0;
}

/* MEMBER_FN(id): the group of the member whose id is the text id (compared byte for byte, as
 * SQLite compares texts with BINARY), or NULL (none, or id not a text). */
static void member_group(sqlite3_context *c, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (members.cap && sqlite3_value_type(argv[0]) == SQLITE_TEXT) {
		const char *id = (const char *)sqlite3_value_text(argv[0]);
		int len = sqlite3_value_bytes(argv[0]);
		for (size_t i = member_hash(id, len);; i++) {
			const struct member_slot *m = &members.slot[i & (members.cap - 1)];
			if (!m->id)
				break;
			if (m->id_len == len && memcmp(m->id, id, (size_t)len) == 0) {
				sqlite3_result_text(c, m->grp, m->grp_len, SQLITE_STATIC);
				return;
			}
		}
	}
	sqlite3_result_null(c);
}

/* Fill the members' map: 1 when it answers exactly as anggota would (every id and group a
 * text: the map compares texts only), 0 when it does not (the map stays empty: use the query
 * with the lookup), -1 on a database error (in e). */
static int member_map_fill(sk_db *db, sk_err *e)
{
	int64_t n = 0;
	if (db_count(db, db_prepare(db, "SELECT count(*) FROM anggota", e), &n, e) != SK_OK)
		return -1;
	sqlite3_stmt *st = db_prepare(db, "SELECT id, kelompok_id FROM anggota", e);
	if (!st)
		return -1;
	size_t cap = 16;
	while (cap < 2 * (size_t)n + 2)
		cap *= 2;
	members.slot = calloc(cap, sizeof *members.slot);
	members.cap = members.slot ? cap : 0;
	int rc = SQLITE_DONE, exact = members.cap > 0;
	for (int64_t filled = 0; exact && (rc = db_step(db, st, e)) == SQLITE_ROW; filled++) {
		/* (the types first: reading a value as text converts it) */
		if (sqlite3_column_type(st, 0) != SQLITE_TEXT ||
		    sqlite3_column_type(st, 1) != SQLITE_TEXT || filled >= n) {
			exact = 0;
			break;
		}
		const char *id = (const char *)sqlite3_column_text(st, 0);
		int id_len = sqlite3_column_bytes(st, 0);
		const char *grp = (const char *)sqlite3_column_text(st, 1);
		int grp_len = sqlite3_column_bytes(st, 1);
		char *buf = malloc((size_t)id_len + (size_t)grp_len + 2);
		if (!buf) {
			exact = 0;
			break;
		}
		size_t i = member_hash(id, id_len);
		while (members.slot[i & (cap - 1)].id)
			i++;
		memcpy(buf, id, (size_t)id_len + 1);
		memcpy(buf + id_len + 1, grp, (size_t)grp_len + 1);
		members.slot[i & (cap - 1)] =
			(struct member_slot){ buf, buf + id_len + 1, id_len, grp_len };
	}
	db_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		exact = -1;
	if (exact != 1)
		member_map_free();
	return exact;
}

/* *found = 1 when the database has a row breaking rule i (or, with sql, one of the rules it
 * answers for; plain: sql without the members' map), else 0. */
static int any_row(sk_db *db, int i, const char *sql, const char *plain, unsigned *made,
		   int *found, sk_err *e)
{
	if (!sql)
		sql = SQL_ANY[i];
	if (make_copies(db, sql, made, e) != SK_OK)
		return SK_DBERR;
	if (strstr(sql, MEMBER_FN)) {
		int exact = member_map_fill(db, e);
		if (exact < 0)
			return SK_DBERR;
		if (!exact)
			sql = plain;
	}
	sqlite3_stmt *st = db_prepare(db, sql, e);
	int rc = st ? db_step(db, st, e) : SQLITE_ERROR;
	*found = rc == SQLITE_ROW;
	if (st)
		db_reset(st);
	member_map_free();
	if (!st)
		return SK_DBERR;
	return query_end(db, rc == SQLITE_ROW ? SQLITE_DONE : rc, e);
}

int rules_check_merged(sk_db *db, const int *partial, rule_hit_fn fn, void *ctx,
		       int *incomplete, sk_err *e)
{
	build();
	*incomplete = 0;
	unsigned made = 0;
	unsigned char answered[NRULES] = { 0 };
	int rc = prepare_functions(db, e);
	for (int i = 0; rc == SK_OK && i < NRULES && !*incomplete; i++) {
		if (answered[i])
			continue;
		if (driven_by_partial(i, partial)) {
			const char *plain = NULL;
			const char *sql = any_together(i, partial, answered, &plain);
			rc = any_row(db, i, sql, plain, &made, incomplete, e);
			continue;
		}
		for (int d = 0; rc == SK_OK && d < MAX_DRIVES && RULES[i].drive[d].on; d++)
			rc = run_drive(db, i, d, fn, ctx, e);
	}
	return drop_copies(db, made, rc, e);
}
