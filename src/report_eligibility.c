/* report_eligibility.c - `report eligibility`: the latest assessment of each active member. */
#include <string.h>
#include "db_row.h"
#include "assessment.h"
#include "db_access.h"
#include "i18n.h"
#include "member.h"
#include "report_priv.h"
#include "util.h"
#include "validate.h"

static const char ELIG_SQL[] =
	"SELECT g.id, a.id, a.nik, a.nama, g.nama, coalesce(p.tanggal,''), "
	ASSESSMENT_SCORE_SQL("p") ", coalesce(g.kode,'') FROM anggota a JOIN kelompok g ON g.id=a.kelompok_id "
	"LEFT JOIN penilaian p ON p.id=" ASSESSMENT_LATEST_ID_SQL("a.id", "") " "
	"WHERE a.dihapus=0 AND a.tanggal_keluar IS NULL AND g.dihapus=0 "
	"AND (:g IS NULL OR g.id=:g) ORDER BY g.urut_nama, g.id, a.urut_nama, a.id";

int report_month_valid(const char *s)
{
	char d[16];
	if (!s || strlen(s) != 7)
		return 0;
	snprintf(d, sizeof d, "%s-01", s);
	return valid_date(d);
}

int report_threshold(sk_db *db)
{
	return assessment_threshold(db);
}

struct elig_row {
	char gid[40], aid[40], nik[24], nama[SK_NAME_BYTES], gnama[SK_NAME_BYTES], tanggal[16], gkode[40];
	int assessed, skor;
};

/* What the rows of the report share: the threshold, and the group of the last text row. */
struct elig_ctx {
	int threshold;
	char last_group[40];
};

static void elig_read(sqlite3_stmt *st, void *row)
{
	struct elig_row *r = row;
	db_read_cols(st, 0, "ssssss", DB_OUT(r->gid), DB_OUT(r->aid), DB_OUT(r->nik),
		     DB_OUT(r->nama), DB_OUT(r->gnama), DB_OUT(r->tanggal));
	r->assessed = r->tanggal[0] != '\0';
	r->skor = sqlite3_column_int(st, 6);
	db_col_text(st, 7, r->gkode, sizeof r->gkode);
}

static void text_row(FILE *out, const void *row, void *ctx)
{
	const struct elig_row *r = row;
	struct elig_ctx *c = ctx;
	int threshold = c->threshold;
	char *last_group = c->last_group;
	char masked[24], name[160];
	if (strcmp(last_group, r->gid) != 0) {
		fprintf(out, "\n%s\n", r->gnama);
		sk_strlcpy(last_group, r->gid, 40);
	}
	member_mask_nik(r->nik, masked, sizeof masked);
	if (r->assessed)
		fprintf(out, "  %-16s %s %s %2d/14 %s\n", masked, sk_fit(name, sizeof name, r->nama, 30),
			r->tanggal, r->skor,
			r->skor >= threshold ? _("miskin") : _("tidak miskin"));
	else
		fprintf(out, "  %-16s %s %s\n", masked, sk_fit(name, sizeof name, r->nama, 30),
			_("belum dinilai"));
}

/* spec/cli.md's columns; the workbook also has the group's code and name beside its id. */
static const xlsx_col ELIG_COLS[] = {
	{ "kelompok_id", XC_CODE, 0 }, { "kode", XC_CODE, 1 }, { "kelompok", XC_TEXT, 1 },
	{ "anggota_id", XC_CODE, 0 }, { "nik", XC_CODE, 0 }, { "nama", XC_TEXT, 0 },
	{ "tanggal", XC_DATE, 0 }, { "skor", XC_INT, 0 }, { "kategori", XC_CODE, 0 },
};
static const report_query ELIG_QUERY = REPORT_QUERY("kelayakan", ELIG_COLS, ELIG_SQL);

static void table_row(report_table *t, const void *row, void *ctx)
{
	const struct elig_row *r = row;
	int threshold = ((const struct elig_ctx *)ctx)->threshold;
	report_table_str(t, r->gid);
	report_table_str(t, r->gkode);
	report_table_str(t, r->gnama);
	report_table_str(t, r->aid);
	report_table_str(t, r->nik);
	report_table_str(t, r->nama);
	report_table_str(t, r->tanggal);
	if (r->assessed) {
		report_table_int(t, r->skor);
		report_table_str(t, r->skor >= threshold ? "miskin" : "tidak_miskin");
	} else {
		report_table_str(t, "");
		report_table_str(t, "");
	}
	report_table_eol(t);
}

int report_eligibility(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	report_table t;
	int rc = report_query_begin(&t, o, out, db, &ELIG_QUERY, e);
	if (rc != SK_OK)
		return rc;
	int threshold = report_threshold(db);
	if (o->fmt == REPORT_TEXT)
		fprintf(out, _("Kelayakan anggota (14 kriteria BPS, miskin bila skor >= %d)\n"), threshold);
	static const report_row_ops OPS = { elig_read, text_row, table_row,
					    N_("Belum ada anggota aktif.") };
	struct elig_ctx c = { .threshold = threshold, .last_group = "" };
	struct elig_row r;
	int rows;
	rc = report_rows(db, t.st, &OPS, &t, out, &r, &c, &rows, e);
	if (rc != SK_OK)
		return rc;
	/* CSV and the workbook hold whole NIKs: a read the trail keeps. */
	if (o->fmt != REPORT_TEXT && rows > 0) {
		char note[128];
		snprintf(note, sizeof note, "laporan eligibility %s: %d anggota",
			 o->fmt == REPORT_CSV ? "csv" : "xlsx", rows);
		return db_audit_note(db, "baca_nik", "anggota", NULL, o->group_id, NULL, note, e);
	}
	return SK_OK;
}
