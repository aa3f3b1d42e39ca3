/* bundle.c - the bundle's tables (spec/bundle.md, format versions 1 and 2) and SHA-256 helpers.
 *
 * How to add a table (siklus, simpanan, pinjaman, angsuran, denda, bagi_hasil, evaluasi):
 *  1. Schema: a numbered migration in src/schema.c creating the table with id, its columns,
 *     diubah_pada, dihapus and disimpan_pada (migration 4's STORED()), the TOUCH trigger and an
 *     index on disimpan_pada.
 *  2. include/bundle.h: a BT_ value in enum bundle_table, after the tables its rows refer to
 *     (import reads tables in this order), before BT_COUNT.
 *  3. The table's entry in src/tables.tsv (its row struct and column descriptor, table.h),
 *     every column in the bundle's order (LOCAL for what stays in this database), its
 *     TABLE_DEFINE in its store, then its line in SPECS below at the
 *     enum's position: file stem, descriptor, format version of the file (2: a version-1
 *     bundle never has it; any bundle may leave it out), the columns a single-table file
 *     must have, and what the descriptor does not say (NIK columns, newer columns, decimals
 *     that export formats). The columns and statements follow from them.
 *  4. src/import_tables.c: the table's line in SPECS there: the columns its import reads
 *     otherwise than by their type (imp_* readers of import_priv.h), a check (the module's
 *     field rules), the rows it refers to (checked by imp_ref(), so a parent refused in the
 *     same bundle is reported as such; a table others refer to gets a line in imp_ref's
 *     lookup list in src/import_rows.c) and the store function. A big table may list its
 *     secondary indexes in DROPPABLE (src/import_bulk.c).
 *  5. src/check_rules.c: the table's cross-row rules, each one SQL query shared by `sikube
 *     check` (whole database) and import (the drives: which merged rows bring a row into
 *     view), appended to RULES; at least its FUTURE_STAMP line and, for dated rows, a
 *     "not after today" rule like pertemuan_belum_terjadi. Drives name tables by number:
 *     extend the _Static_assert below RULES.
 *  6. Tests: the round trip in tests/test_exchange.c (FILES[]), a hostile case per rule in
 *     tests/robust_hostile.sh and tests/test_check.c, a corpus file for
 *     tests/fuzz/fuzz_import.c (bundle mode: second byte = the table's number).
 * Export, the manifest, the since-last marker, bulk loading, ties and the problem report
 * then cover the table without further code. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "assessment.h"
#include "bundle.h"
#include "cashbook.h"
#include "evaluation.h"
#include "group.h"
#include "i18n.h"
#include "meeting.h"
#include "member.h"
#include "simpin.h"
#include "table.h"

/* A row belongs in a --since-last bundle when it was changed at or after the previous
 * export's stamp (:sejak), or stored here after the millisecond that export began
 * (:disimpan; a row merged from another office keeps its older stamp; schema.c, migration 4,
 * and export.c for why "after" loses nothing). */
#define STORED_SINCE "(diubah_pada >= :sejak OR disimpan_pada > :disimpan)"

/* The floor area as export writes it: at most two decimals, no trailing zeros ("21.5", "36"):
 * the stored value has at most two (assessment_parse_luas), so this is the text it was read
 * from, made canonical. */
#define LUAS_TEXT \
	"CASE WHEN luas_lantai_m2 IS NULL THEN NULL ELSE " \
	"rtrim(rtrim(printf('%.2f', luas_lantai_m2), '0'), '.') END"

/* Savings and loans (format 2, docs/simpin.md): the rate and the limit are stored in
 * hundredths and written as the shortest exact decimal ("2", "1.5"; an empty limit is no
 * limit), as loan_rate_format writes it. */
#define SIMPIN_DECIMAL_SQL(c) \
	"CASE WHEN " c " IS NULL THEN NULL WHEN " c " % 100 = 0 THEN CAST(" c " / 100 AS TEXT) " \
	"WHEN " c " % 10 = 0 THEN printf('%d.%d', " c " / 100, (" c " % 100) / 10) " \
	"ELSE printf('%d.%02d', " c " / 100, " c " % 100) END"
#define RATE_TEXT { "jasa_persen_bulan", SIMPIN_DECIMAL_SQL("jasa_persen_bulan") }

/* A column export writes as an SQL expression rather than as stored. */
struct bundle_expr {
	const char *col, *sql;
};

/* A bundle file: its table's descriptor (table.h) gives the columns, in order: every column
 * not TC_LOCAL, TC_DERIVED ones as BC_DERIVED, TC_FREE ones as BC_TEXT, the key columns
 * (TC_KEY) first. A table whose dihapus is TC_LOCAL exports its live rows only (kehadiran).
 * Here only what the descriptor does not say. */
struct bundle_spec {
	const char *name;          /* file stem */
	const table_def *t;
	int since;                 /* format version of the file */
	const char *required;      /* the columns a single-table file must have, ' '-separated */
	const char *idnum;         /* BC_IDNUM columns (NIK, No. KK) */
	const char *newer;         /* columns of format version 2 in a file of version 1 */
	struct bundle_expr expr[2];
};

/* The head of a SPECS entry: file stem, descriptor, format version. */
#define FILE_OF(stem, table, version) .name = stem, .t = &table, .since = version

static const struct bundle_spec SPECS[BT_COUNT] = {
	[BT_KELOMPOK] = { FILE_OF("kelompok", KELOMPOK_TABLE, 1), "nama kode_wilayah" },
	[BT_ANGGOTA] = { FILE_OF("anggota", ANGGOTA_TABLE, 1),
			 "kelompok_id nik no_kk nama jenis_kelamin", .idnum = "nik no_kk" },
	[BT_PENILAIAN] = { FILE_OF("penilaian", ASSESSMENT_TABLE, 1),
			   "anggota_id tanggal k01 k02 k03 k04 k05 k06 k07 k08 k09 k10 k11 k12 k13 "
			   "k14",
			   .expr = { { "luas_lantai_m2", LUAS_TEXT } } },
	[BT_PERTEMUAN] = { FILE_OF("pertemuan", PERTEMUAN_TABLE, 1), "kelompok_id tanggal" },
	[BT_KEHADIRAN] = { FILE_OF("kehadiran", KEHADIRAN_TABLE, 1),
			   "pertemuan_id anggota_id status" },
	[BT_KAS] = { FILE_OF("kas", KAS_TABLE, 1), "kelompok_id tanggal buku kategori masuk keluar",
		     .newer = "sumber_id" },
	/* Month closes: table tutup_kas, whose selisih (derived) and ditutup_oleh (local) do not
	 * travel. */
	[BT_TUTUP_BUKU] = { FILE_OF("tutup_buku", TUTUP_KAS_TABLE, 2),
			    "kelompok_id buku bulan tanggal saldo_buku saldo_hitung" },
	[BT_SIKLUS] = { FILE_OF("siklus", CYCLE_TABLE, 2),
			"kelompok_id nomor mulai jasa_persen_bulan metode_jasa metode_bagi",
			.expr = { RATE_TEXT, { "batas_pinjaman_kali",
					       SIMPIN_DECIMAL_SQL("batas_pinjaman_kali") } } },
	[BT_SIMPANAN] = { FILE_OF("simpanan", SAVING_TABLE, 2),
			  "siklus_id anggota_id tanggal jenis setor tarik" },
	[BT_PINJAMAN] = { FILE_OF("pinjaman", LOAN_TABLE, 2), "siklus_id anggota_id tanggal pokok "
			  "jasa_persen_bulan metode_jasa jumlah_angsuran jarak_angsuran sumber",
			  .expr = { RATE_TEXT } },
	[BT_ANGSURAN] = { FILE_OF("angsuran", REPAY_TABLE, 2), "pinjaman_id tanggal pokok jasa" },
	[BT_DENDA] = { FILE_OF("denda", FINE_TABLE, 2),
		       "siklus_id anggota_id tanggal jenis jumlah" },
	[BT_BAGI_HASIL] = { FILE_OF("bagi_hasil", SHARE_TABLE, 2),
			    "siklus_id anggota_id simpanan bagian_hasil potongan dibayar" },
	/* The group's development assessment; usulan and ditimpa stay in this database. */
	[BT_EVALUASI] = { FILE_OF("evaluasi", EVALUATION_TABLE, 2),
			  "kelompok_id tanggal s1 s2 s3 s4 e1 e2 e3 e4" },
};

/* What bundle_build makes of SPECS: the columns and statements of each file. */
#define BUNDLE_COLS_MAX 64
#define BUNDLE_SQL_MAX 2048
static bundle_col COLS[BT_COUNT][BUNDLE_COLS_MAX];
static char FILES[BT_COUNT][32];
static struct bundle_sql {
	char all[BUNDLE_SQL_MAX], since[BUNDLE_SQL_MAX], count_all[BUNDLE_SQL_MAX],
		count_since[BUNDLE_SQL_MAX], one[BUNDLE_SQL_MAX], walk[BUNDLE_SQL_MAX];
} SQL[BT_COUNT];
bundle_table_def BUNDLE_TABLES[BT_COUNT];

/* 1 when name is one of the ' '-separated words of list (NULL: none). */
static int listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; p && (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/* Append to a statement of struct bundle_sql. */
#define add(buf, ...) table_sql_add(buf, BUNDLE_SQL_MAX, __VA_ARGS__)

/* The file's columns from the descriptor; *live set when only live rows travel. */
static int build_cols(const struct bundle_spec *sp, bundle_col *cols, int *nkeys, int *live)
{
	int n = 0;
	for (int i = 0; i < sp->t->ncols; i++) {
		const table_col *c = &sp->t->cols[i];
		if (c->flags & TC_LOCAL) {
			*live |= strcmp(c->name, "dihapus") == 0;
			continue;
		}
		if (n == BUNDLE_COLS_MAX)
			abort();
		*nkeys += (c->flags & TC_KEY) != 0;
		cols[n++] = (bundle_col){ c->name, c->flags & TC_DERIVED ? BC_DERIVED :
					  c->flags & TC_FREE ? BC_TEXT :
					  listed(sp->idnum, c->name) ? BC_IDNUM : BC_RAW,
					  listed(sp->required, c->name),
					  listed(sp->newer, c->name) ? 2 : sp->since };
	}
	return n;
}

/* The statements of file d, whose table keeps deleted rows unless live. */
static void build_sql(const struct bundle_spec *sp, const bundle_table_def *d, int live,
		      struct bundle_sql *q)
{
	char sel[BUNDLE_SQL_MAX] = "SELECT ", order[BUNDLE_SQL_MAX] = " ORDER BY ",
	     key[BUNDLE_SQL_MAX] = "", keycols[BUNDLE_SQL_MAX] = "", keyvals[BUNDLE_SQL_MAX] = "";
	const char *where = live ? " AND " : " WHERE ";
	for (int i = 0; i < d->ncols; i++) {
		const char *col = d->cols[i].name;
		for (size_t x = 0; x < sizeof sp->expr / sizeof sp->expr[0]; x++)
			if (sp->expr[x].col && strcmp(sp->expr[x].col, col) == 0)
				col = sp->expr[x].sql;
		add(sel, "%s%s", i ? ", " : "", col);
	}
	/* The walk: the same columns, then whether export writes the row, every row from the
	 * key up (a row value for two columns), in the key's order. */
	add(q->walk, "%s, %s FROM %s", sel, live ? "dihapus=0" : "1", sp->t->name);
	add(sel, " FROM %s%s", sp->t->name, live ? " WHERE dihapus=0" : "");
	for (int k = 0; k < d->nkeys; k++) {
		add(order, "%s%s", k ? ", " : "", d->cols[k].name);
		add(key, "%s%s=:k%d", k ? " AND " : "", d->cols[k].name, k + 1);
		add(keycols, "%s%s", k ? ", " : "", d->cols[k].name);
		add(keyvals, "%s:k%d", k ? ", " : "", k + 1);
	}
	if (d->nkeys > 1)
		add(q->walk, " WHERE (%s) >= (%s)%s", keycols, keyvals, order);
	else
		add(q->walk, " WHERE %s >= %s%s", keycols, keyvals, order);
	add(q->all, "%s%s", sel, order);
	add(q->since, "%s%s%s%s", sel, where, STORED_SINCE, order);
	add(q->count_all, "SELECT count(*) FROM (%s)", sel);
	add(q->count_since, "SELECT count(*) FROM (%s%s%s)", sel, where, STORED_SINCE);
	add(q->one, "%s%s%s", sel, where, key);
}

/* Fill BUNDLE_TABLES from SPECS and the descriptors, once, when the program starts (before
 * anything reads it: a constructor). */
__attribute__((constructor)) static void bundle_build(void)
{
	for (int t = 0; t < BT_COUNT; t++) {
		const struct bundle_spec *sp = &SPECS[t];
		bundle_table_def *d = &BUNDLE_TABLES[t];
		int live = 0;
		snprintf(FILES[t], sizeof FILES[t], "%s.csv", sp->name);
		*d = (bundle_table_def){ .name = sp->name, .file = FILES[t],
					 .db_table = sp->t->name, .cols = COLS[t],
					 .since = sp->since };
		d->ncols = build_cols(sp, COLS[t], &d->nkeys, &live);
		d->stamp_col = bundle_col_index(t, "diubah_pada");
		if (d->stamp_col < 0)
			abort(); /* every exchanged row carries its stamp (spec) */
		build_sql(sp, d, live, &SQL[t]);
		d->select_all = SQL[t].all;
		d->select_since = SQL[t].since;
		d->count_all = SQL[t].count_all;
		d->count_since = SQL[t].count_since;
		d->select_one = SQL[t].one;
		d->select_walk = SQL[t].walk;
	}
}

int bundle_table_by_file(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *base = slash ? slash + 1 : name;
	/* Any case: a list saved on Windows may be called Anggota.csv. */
	for (int t = 0; t < BT_COUNT; t++)
		if (strcasecmp(base, BUNDLE_TABLES[t].file) == 0)
			return t;
	return -1;
}

int bundle_col_index(int t, const char *name)
{
	for (int i = 0; i < BUNDLE_TABLES[t].ncols; i++)
		if (strcmp(BUNDLE_TABLES[t].cols[i].name, name) == 0)
			return i;
	return -1;
}

static void to_hex(const uint8_t *d, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[64] = '\0';
}

void bundle_hash_init(bundle_hash *h)
{
	sha256_init(&h->c);
}

void bundle_hash_update(bundle_hash *h, const void *data, size_t n)
{
	sha256_update(&h->c, n, data);
}

void bundle_hash_hex(bundle_hash *h, char hex[65])
{
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(&h->c, sizeof d, d);
	to_hex(d, hex);
}

void bundle_sha256_hex(const void *data, size_t n, char hex[65])
{
	bundle_hash h;
	bundle_hash_init(&h);
	bundle_hash_update(&h, data, n);
	bundle_hash_hex(&h, hex);
}

int bundle_hash_written(FILE *f, const char *label, char hex[65], sk_err *e)
{
	bundle_hash h;
	char buf[65536];
	size_t n;
	bundle_hash_init(&h);
	if (fflush(f) != 0 || fseek(f, 0, SEEK_SET) != 0)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), label,
				  strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		bundle_hash_update(&h, buf, n);
	if (ferror(f))
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), label,
				  strerror(errno));
	bundle_hash_hex(&h, hex);
	return SK_OK;
}
