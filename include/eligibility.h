/* eligibility.h - who qualifies: each active member's latest assessment, and the compliance
 * of groups and of the office (how many are assessed, poor, not poor, due again).
 * "Active" means not deleted and no tanggal_keluar, in a group that is not deleted.
 * No curses here. */
#ifndef SK_ELIGIBILITY_H
#define SK_ELIGIBILITY_H

#include "assessment.h"
#include "db.h"
#include "util.h"

/* A member is due for (re-)assessment when never assessed or when the latest assessment is
 * dated more than this many months before today. */
#define ELIGIBILITY_DUE_MONTHS 12
/* A group is marked when more than this percent of its assessed members are not poor
 * (evaluations found about a fifth of KUBE members were not poor). */
#define ELIGIBILITY_MAX_NOT_POOR_PCT 20

/* 1 when the row with alias p (NULL when never assessed) makes its member due, as of the SQL
 * date expression today (e.g. ":today"). */
#define ELIGIBILITY_DUE_SQL(p, today) \
	"(" p ".id IS NULL OR " p ".tanggal < date(" today ",'-" ELIGIBILITY_STR(ELIGIBILITY_DUE_MONTHS) \
	" months'))"
#define ELIGIBILITY_STR_(x) #x
#define ELIGIBILITY_STR(x) ELIGIBILITY_STR_(x)

/* Compliance figures of one group or of the whole office. */
typedef struct sk_elig_stats {
	int aktif;           /* active members */
	int dinilai;         /* of them, ever assessed */
	int miskin;          /* latest assessment meets the criteria (skor >= threshold) */
	int tidak_miskin;    /* latest assessment does not */
	int perlu_dinilai;   /* never assessed, or last assessed more than 12 months ago */
	int persen_tidak_miskin; /* of the assessed, rounded; -1 when nobody is assessed */
	int lewat_batas;     /* 1 when more than 20% of the assessed are not poor */
} sk_elig_stats;

/* 1 when tidak_miskin out of dinilai is more than ELIGIBILITY_MAX_NOT_POOR_PCT percent. */
int eligibility_over_limit(int tidak_miskin, int dinilai);
/* Percent (rounded half up) of part in whole; -1 when whole is 0. */
int eligibility_percent(int part, int whole);

/* Figures of group group_id, or of every active group when group_id is NULL, as of today
 * (YYYY-MM-DD; NULL = today's date). Returns SK_OK or an error in e. */
int eligibility_stats(sk_db *db, const char *group_id, const char *today, sk_elig_stats *out,
		      sk_err *e);

/* One group with its figures. */
typedef struct sk_elig_group {
	char id[SK_UUID_LEN + 1];
	char kode[33];
	char nama[SK_NAME_BYTES];
	char desa[128];
	sk_elig_stats st;
} sk_elig_group;

/* Active groups matching search (as group_list: name, code, village), ordered by name, from
 * offset, up to limit, each with its figures as of today (NULL = today). */
int eligibility_groups(sk_db *db, const char *search, const char *today, int offset, int limit,
		       sk_elig_group *out, int *n, sk_err *e);

/* Which members a list shows. */
enum elig_filter {
	ELIG_ALL = 0,        /* every active member */
	ELIG_DUE,            /* never assessed or last assessed more than 12 months ago */
	ELIG_NOT_POOR,       /* latest assessment below the threshold */
	ELIG_FILTERS
};

/* What a member list asks for. */
typedef struct sk_elig_query {
	const char *group_id;    /* NULL = every active group */
	const char *search;      /* name contains, or NIK starts with; NULL or "" = all */
	enum elig_filter filter;
	const char *today;       /* YYYY-MM-DD; NULL = today */
} sk_elig_query;

/* One active member with the latest assessment. */
typedef struct sk_elig_row {
	char anggota_id[SK_UUID_LEN + 1];
	char kelompok_id[SK_UUID_LEN + 1];
	char kelompok_nama[SK_NAME_BYTES];
	char nik[24];
	char no_kk[24];
	char nama[SK_NAME_BYTES];
	int terdaftar_dtsen;     /* 0/1 */
	int desil_dtsen;         /* 1-10, 0 = unknown */
	int dinilai;             /* 0: never assessed (the fields below are empty) */
	char penilaian_id[SK_UUID_LEN + 1];
	char tanggal[16];
	int skor;                /* recomputed from k01-k14 */
	int miskin;              /* skor >= threshold in use */
	int perlu_dinilai;       /* due for (re-)assessment */
} sk_elig_row;

/* One line about a member's latest assessment for screens, translated, into out: "Penilaian
 * terakhir 2025-03-01: skor 10 dari 14, miskin" or "Belum pernah dinilai ...". */
void eligibility_verdict(sk_db *db, const char *anggota_id, char *out, size_t n);

/* Number of members the query lists (-1 on a database error). */
int eligibility_count(sk_db *db, const sk_elig_query *q);
/* Members of the query ordered by group name, then member name, from offset, up to limit. */
int eligibility_list(sk_db *db, const sk_elig_query *q, int offset, int limit,
		     sk_elig_row *out, int *n, sk_err *e);

#endif
