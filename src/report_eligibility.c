/* report_eligibility.c - `report eligibility`: the latest assessment of each active member. */
#include <string.h>
#include "assessment.h"
#include "csvio.h"
#include "i18n.h"
#include "member.h"
#include "report.h"
#include "util.h"
#include "validate.h"

static const char ELIG_SQL[] =
	"SELECT g.id, a.id, a.nik, a.nama, g.nama, coalesce(p.tanggal,''), "
	ASSESSMENT_SCORE_SQL("p") " FROM anggota a JOIN kelompok g ON g.id=a.kelompok_id "
	"LEFT JOIN penilaian p ON p.id=" ASSESSMENT_LATEST_ID_SQL("a.id", "") " "
	"WHERE a.dihapus=0 AND a.tanggal_keluar IS NULL AND g.dihapus=0 "
	"AND (:g IS NULL OR g.id=:g) ORDER BY g.nama, g.id, a.nama, a.id";

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
	char gid[40], aid[40], nik[24], nama[SK_NAME_BYTES], gnama[SK_NAME_BYTES], tanggal[16];
	int assessed, skor;
};

static void text_row(FILE *out, const struct elig_row *r, int threshold, char *last_group)
{
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

static void csv_row(csv_out *w, const struct elig_row *r, int threshold)
{
	csv_out_raw(w, r->gid);
	csv_out_raw(w, r->aid);
	csv_out_raw(w, r->nik);
	csv_out_text(w, r->nama);
	csv_out_raw(w, r->tanggal);
	if (r->assessed) {
		csv_out_int(w, r->skor);
		csv_out_raw(w, r->skor >= threshold ? "miskin" : "tidak_miskin");
	} else {
		csv_out_raw(w, "");
		csv_out_raw(w, "");
	}
	csv_out_eol(w);
}

int report_eligibility(sk_db *db, const report_opts *o, FILE *out, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, ELIG_SQL, e);
	if (!st)
		return SK_DBERR;
	int threshold = report_threshold(db);
	db_bind_text(st, ":g", o->group_id);
	csv_out w;
	csv_out_init(&w, out, 0);
	if (o->fmt == REPORT_CSV)
		fputs("kelompok_id,anggota_id,nik,nama,tanggal,skor,kategori\n", out);
	else
		fprintf(out, _("Kelayakan anggota (14 kriteria BPS, miskin bila skor >= %d)\n"), threshold);
	char last_group[40] = "";
	int rc, rows = 0;
	struct elig_row r;
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		db_col_text(st, 0, r.gid, sizeof r.gid);
		db_col_text(st, 1, r.aid, sizeof r.aid);
		db_col_text(st, 2, r.nik, sizeof r.nik);
		db_col_text(st, 3, r.nama, sizeof r.nama);
		db_col_text(st, 4, r.gnama, sizeof r.gnama);
		db_col_text(st, 5, r.tanggal, sizeof r.tanggal);
		r.assessed = r.tanggal[0] != '\0';
		r.skor = sqlite3_column_int(st, 6);
		if (o->fmt == REPORT_CSV)
			csv_row(&w, &r, threshold);
		else
			text_row(out, &r, threshold, last_group);
		rows++;
	}
	db_reset(st);
	if (rc != SQLITE_DONE)
		return e ? e->status : SK_DBERR;
	if (o->fmt == REPORT_TEXT && rows == 0)
		fprintf(out, "%s\n", _("Belum ada anggota aktif."));
	return SK_OK;
}
