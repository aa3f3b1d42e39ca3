/* report.c - command-line and screen reports. */
#include <stdio.h>
#include <string.h>
#include "db_row.h"
#include "assessment.h"
#include "i18n.h"
#include "report_priv.h"
#include "util.h"

/* One row of `report groups`. */
struct group_fig {
	char id[40], nama[SK_NAME_BYTES], kode_wilayah[16], desa[128], tingkat[16], terakhir[16], kode[40];
	int aktif, dinilai, miskin;
	int64_t umum, iks;
};

/* Every figure from what the triggers keep (schema.c, migrations 3 and 10; checked against the
 * data by `sikube check`): active members per latest score in ringkasan_skor (-1: never
 * assessed; the score is recomputed from the criteria, as the stored skor/kategori may
 * predate a change of threshold), each group's last meeting in pertemuan_terakhir, the
 * balances in saldo_kas: a few rows per group, whatever the number of members and rows. */
static const char GROUPS_SQL[] =
	"SELECT g.id, g.nama, g.kode_wilayah, coalesce(w.nama,''), g.tingkat, "
	"coalesce((SELECT sum(jumlah) FROM ringkasan_skor WHERE kelompok_id=g.id),0), "
	"coalesce((SELECT sum(jumlah) FROM ringkasan_skor WHERE kelompok_id=g.id AND skor>=0),0), "
	"coalesce((SELECT sum(jumlah) FROM ringkasan_skor WHERE kelompok_id=g.id AND skor>=:t),0), "
	"coalesce((SELECT tanggal FROM pertemuan_terakhir WHERE kelompok_id=g.id),''), "
	"coalesce((SELECT saldo FROM saldo_kas WHERE kelompok_id=g.id AND buku='umum'),0), "
	"coalesce((SELECT saldo FROM saldo_kas WHERE kelompok_id=g.id AND buku='iks'),0), "
	"coalesce(g.kode,'') FROM kelompok g LEFT JOIN wilayah w ON w.kode=g.kode_wilayah "
	"WHERE g.dihapus=0 AND (:g IS NULL OR g.id=:g) ORDER BY g.urut_nama, g.id";

static void read_fig(sqlite3_stmt *st, void *row)
{
	struct group_fig *f = row;
	db_read_cols(st, 0, "sssssiiisIIs", DB_OUT(f->id), DB_OUT(f->nama), DB_OUT(f->kode_wilayah),
			    DB_OUT(f->desa), DB_OUT(f->tingkat), &f->aktif, &f->dinilai, &f->miskin,
			    DB_OUT(f->terakhir), &f->umum, &f->iks, DB_OUT(f->kode));
}

/* Percent of assessed members who are poor, rounded; "" when none assessed. */
static void percent(int part, int whole, char *out, size_t n)
{
	if (whole <= 0)
		out[0] = '\0';
	else
		snprintf(out, n, "%d", (part * 200 + whole) / (2 * whole));
}

/* spec/cli.md's columns; the workbook also has the group's code beside its id. */
static const xlsx_col GROUP_COLS[] = {
	{ "kelompok_id", XC_CODE, 0 }, { "kode", XC_CODE, 1 }, { "nama", XC_TEXT, 0 },
	{ "kode_wilayah", XC_CODE, 0 }, { "tingkat", XC_CODE, 0 }, { "anggota_aktif", XC_INT, 0 },
	{ "anggota_dinilai", XC_INT, 0 }, { "anggota_miskin", XC_INT, 0 },
	{ "persen_miskin", XC_INT, 0 }, { "pertemuan_terakhir", XC_DATE, 0 },
	{ "saldo_umum", XC_MONEY, 0 }, { "saldo_iks", XC_MONEY, 0 },
};
static const report_query GROUPS_QUERY = REPORT_QUERY("kelompok", GROUP_COLS, GROUPS_SQL);

static void groups_table_row(report_table *t, const void *row, void *ctx)
{
	const struct group_fig *f = row;
	(void)ctx;
	char pct[16];
	percent(f->miskin, f->dinilai, pct, sizeof pct);
	report_table_row(t, "sssssiiissii", f->id, f->kode, f->nama, f->kode_wilayah, f->tingkat,
			 (int64_t)f->aktif, (int64_t)f->dinilai, (int64_t)f->miskin, pct,
			 f->terakhir, (int64_t)f->umum, (int64_t)f->iks);
}

/* The text form's labels, translated once per report: gettext costs as much as the rest of
 * a row's text (six calls a group, 12,000 at 2,000 groups: 13% of the report's
 * instructions). The level's name is kept for the last few levels met. */
struct groups_labels {
	const char *wilayah, *tingkat, *anggota, *terakhir, *saldo;
	char level[4][16];          /* levels met ("" unused) and their names */
	const char *level_label[4];
};

static const char *level_label(struct groups_labels *l, const char *tingkat)
{
	int i;
	for (i = 0; i < 4 && l->level[i][0]; i++)
		if (strcmp(l->level[i], tingkat) == 0)
			return l->level_label[i];
	const char *label = _(tingkat);
	if (i < 4 && *tingkat && strlen(tingkat) < sizeof l->level[i]) {
		/* Untranslated, gettext gives tingkat back: the row's buffer, which the next row
		 * overwrites. */
		strcpy(l->level[i], tingkat);
		l->level_label[i] = label == tingkat ? l->level[i] : label;
	}
	return label;
}

static void groups_text_row(FILE *out, const void *row, void *ctx)
{
	const struct group_fig *f = row;
	struct groups_labels *l = ctx;
	char pct[16], umum[32], iks[32];
	percent(f->miskin, f->dinilai, pct, sizeof pct);
	sk_format_rupiah(f->umum, umum, sizeof umum);
	sk_format_rupiah(f->iks, iks, sizeof iks);
	fprintf(out, "%s\n", f->nama);
	fprintf(out, "  %s %s (%s), %s: %s\n", l->wilayah, f->kode_wilayah, f->desa, l->tingkat,
		level_label(l, f->tingkat));
	fprintf(out, l->anggota, f->aktif, f->dinilai, f->miskin, *pct ? " (" : "", pct,
		*pct ? "%)" : "");
	fprintf(out, l->terakhir, *f->terakhir ? f->terakhir : "-");
	fprintf(out, l->saldo, umum, iks);
}

int report_groups(sk_db *db, const char *group_id, report_format fmt, FILE *out, sk_err *e)
{
	report_opts o = { .group_id = group_id, .fmt = fmt };
	return report_groups_run(db, &o, out, e);
}

int report_groups_run(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	const char *group_id = o->group_id;
	report_table t;
	int rc = report_query_begin(&t, o, out, db, &GROUPS_QUERY, e);
	if (rc != SK_OK)
		return rc;
	db_bind_int64(t.st, ":t", assessment_threshold(db));
	static const report_row_ops OPS = { read_fig, groups_text_row, groups_table_row,
					    N_("Belum ada kelompok.") };
	struct group_fig f;
	struct groups_labels labels = {
		_("Wilayah"), _("tingkat"), _("  Anggota aktif %d, dinilai %d, miskin %d%s%s%s\n"),
		_("  Pertemuan terakhir: %s\n"), _("  Saldo kas umum Rp %s, saldo IKS Rp %s\n\n"),
		{ { 0 } }, { NULL }
	};
	int rows;
	rc = report_rows(db, t.st, &OPS, &t, out, &f, &labels, &rows, e);
	if (rc != SK_OK)
		return rc;
	if (group_id && rows == 0)
		return sk_err_set(e, SK_NOTFOUND, _("Kelompok %s tidak ditemukan."), group_id);
	return SK_OK;
}

int report_find_group(sk_db *db, const char *key, char id[37], sk_err *e)
{
	/* An id first, then the code as typed, then the code in any case. */
	static const char *const SQL[] = {
		"SELECT id FROM kelompok WHERE dihapus=0 AND id=:k",
		"SELECT id FROM kelompok WHERE dihapus=0 AND kode=:k ORDER BY id LIMIT 2",
		"SELECT id FROM kelompok WHERE dihapus=0 AND kode=:k COLLATE NOCASE ORDER BY id LIMIT 2",
	};
	id[0] = '\0';
	for (int i = 0; i < 3 && key && *key; i++) {
		sqlite3_stmt *st = db_query(db, SQL[i], e, ":k", key);
		if (!st)
			return SK_DBERR;
		int rc, n = 0;
		while ((rc = db_step(db, st, e)) == SQLITE_ROW)
			if (n++ == 0)
				db_col_text(st, 0, id, 37);
		db_reset(st);
		if (rc != SQLITE_DONE)
			return e ? e->status : SK_DBERR;
		if (n == 1)
			return SK_OK;
		if (n > 1)
			return sk_err_set(e, SK_REFUSED, _("Kode %s dipakai lebih dari satu kelompok; "
							   "pakai id kelompok (report groups --format "
							   "csv)."), key);
	}
	id[0] = '\0';
	return sk_err_set(e, SK_NOTFOUND, _("Kelompok %s tidak ditemukan."), key ? key : "");
}
