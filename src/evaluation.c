/* evaluation.c - the development assessment's rules: the table, the derived score and level,
 * the rubric, proposals and overrides (docs/evaluasi.md). Storage for the screens is in
 * evaluation_store.c, the proposals' queries in evaluation_propose.c. */
#include <stdio.h>
#include <string.h>
#include "evaluation.h"
#include "i18n.h"
#include "validate.h"

/* ---- The table ----------------------------------------------------------------------------- */

TABLE_DEFINE(EVALUATION_TABLE, SK_EVALUATION);

TABLE_GET_STORE(evaluation, sk_evaluation, EVALUATION_TABLE,
		N_("Penilaian perkembangan tidak ditemukan."))

/* ---- Wording: titles, rubric, levels ------------------------------------------------------ */

static const char *const TITLES[EVAL_INDICATORS] = {
	N_("Pertemuan rutin"), N_("IKS dipungut dan dipakai"), N_("Kepedulian sosial"),
	N_("Embrio koperasi"), N_("Usaha berkembang"), N_("Pendapatan anggota"),
	N_("Kemitraan"), N_("Modal bergulir"),
};

/* docs/evaluasi.md, section 4: what each score means, one line each. */
static const char *const RUBRIC[EVAL_INDICATORS][4] = {
	{ N_("jarang/tidak bertemu"), N_("bertemu bulanan, kehadiran rendah"),
	  N_("bertemu 2 mingguan, kehadiran cukup"), N_("bertemu mingguan, hampir semua hadir") },
	{ N_("tidak ada IKS"), N_("IKS dipungut, belum disalurkan"), N_("IKS rutin dan disalurkan"),
	  N_("IKS tiap bulan, disalurkan, juga untuk warga") },
	{ N_("tidak ada kepedulian sosial"), N_("sesekali membantu anggota"),
	  N_("rutin membantu anggota"), N_("membantu warga sekitar (lansia, disabilitas)") },
	{ N_("belum ada simpan pinjam"), N_("simpan pinjam berjalan, sedikit penabung"),
	  N_("sebagian besar anggota menabung"), N_("hampir semua menabung, modal bergulir") },
	{ N_("usaha menurun/berhenti"), N_("omzet tetap"), N_("omzet naik"),
	  /* xgettext:no-c-format (a percent sign, not a printf format) */
	  N_("omzet naik jelas (20% atau lebih)") },
	{ N_("pendapatan tidak naik"), N_("pendapatan naik sedikit"), N_("pendapatan naik"),
	  N_("naik jelas, kebutuhan dasar terpenuhi") },
	{ N_("tidak ada mitra"), N_("kenal pedagang"), N_("mitra tetap (toko, pemasok)"),
	  N_("mitra usaha/bank, ada kontrak") },
	{ N_("modal habis (di bawah separuh bantuan)"), N_("modal berkurang"), N_("modal utuh"),
	  N_("modal utuh dan digulirkan") },
};

const char *evaluation_indicator_title(int i)
{
	return i >= 0 && i < EVAL_INDICATORS ? _(TITLES[i]) : "";
}

const char *evaluation_rubric(int i, int v)
{
	if (i < 0 || i >= EVAL_INDICATORS || v < 1 || v > 4)
		return "";
	return _(RUBRIC[i][v - 1]);
}

const char *evaluation_level_label(const char *tingkat)
{
	return tingkat && *tingkat ? _(tingkat) : "";
}

/* ---- Rules --------------------------------------------------------------------------------- */

void evaluation_init(sk_evaluation *e, const char *kelompok_id)
{
	memset(e, 0, sizeof *e);
	sk_strlcpy(e->kelompok_id, kelompok_id ? kelompok_id : "", sizeof e->kelompok_id);
	sk_today(e->tanggal);
}

void evaluation_derive(sk_evaluation *e)
{
	int s = evaluation_score(e->v);
	const char *t = s < 0 ? NULL : evaluation_level_name(s);
	e->skor = t ? s : 0;
	sk_strlcpy(e->tingkat, t ? t : "", sizeof e->tingkat);
}

void evaluation_validate_fields(const sk_evaluation *e, sk_issues *is)
{
	validate_date_required(is, "tanggal", e->tanggal,
			       N_("Tanggal penilaian wajib, tulis TTTT-BB-HH, misalnya 2025-03-15."));
	for (int i = 0; i < EVAL_INDICATORS; i++)
		if (e->v[i] < 1 || e->v[i] > 4)
			sk_issues_add(is, EVAL_FIELDS[i], SK_SEV_ERROR,
				      _("Nilai %s (%s) diisi 1 sampai 4."), EVAL_FIELDS[i],
				      evaluation_indicator_title(i));
}

void evaluation_validate_links(sk_db *db, const sk_evaluation *e, sk_issues *is)
{
	validate_ref(db, is, "kelompok_id", "SELECT 1 FROM kelompok WHERE id=:id", e->kelompok_id,
		     _("Kelompok yang dinilai tidak ditemukan."));
}

/* ---- Proposals and overrides --------------------------------------------------------------- */

/* The indicators SIKUBE proposes (s1, s2, s4, e1, e4). */
static int proposable(int i)
{
	return i == 0 || i == 1 || i == 3 || i == 4 || i == 7;
}

void evaluation_set_proposals(sk_evaluation *e, const int p[EVAL_INDICATORS])
{
	char out[sizeof e->usulan] = "";
	for (int i = 0; i < EVAL_INDICATORS; i++) {
		if (!proposable(i))
			continue;
		size_t len = strlen(out);
		int v = p[i] >= 1 && p[i] <= 4 ? p[i] : EVAL_NO_DATA;
		if (v)
			snprintf(out + len, sizeof out - len, "%s%s=%d", len ? "," : "", EVAL_FIELDS[i], v);
		else
			snprintf(out + len, sizeof out - len, "%s%s=-", len ? "," : "", EVAL_FIELDS[i]);
	}
	memcpy(e->usulan, out, sizeof out);
}

int evaluation_proposal(const sk_evaluation *e, int i)
{
	if (i < 0 || i >= EVAL_INDICATORS)
		return EVAL_NO_DATA;
	const char *name = EVAL_FIELDS[i];
	for (const char *p = e->usulan; *p;) {
		size_t len = strcspn(p, ",");
		if (len == 4 && strncmp(p, name, 2) == 0 && p[2] == '=' && p[3] >= '1' && p[3] <= '4')
			return p[3] - '0';
		p += len;
		p += *p == ',';
	}
	return EVAL_NO_DATA;
}

void evaluation_mark_overrides(sk_evaluation *e)
{
	char out[sizeof e->ditimpa] = "";
	for (int i = 0; i < EVAL_INDICATORS; i++) {
		int p = evaluation_proposal(e, i);
		if (p == EVAL_NO_DATA || e->v[i] == p || e->v[i] < 1 || e->v[i] > 4)
			continue;
		size_t len = strlen(out);
		snprintf(out + len, sizeof out - len, "%s%s", len ? "," : "", EVAL_FIELDS[i]);
	}
	memcpy(e->ditimpa, out, sizeof out);
}

int evaluation_overridden(const sk_evaluation *e, int i)
{
	if (i < 0 || i >= EVAL_INDICATORS)
		return 0;
	for (const char *p = e->ditimpa; *p;) {
		size_t len = strcspn(p, ",");
		if (len == 2 && strncmp(p, EVAL_FIELDS[i], 2) == 0)
			return 1;
		p += len;
		p += *p == ',';
	}
	return 0;
}
