/* kube_fixture.h - a KUBE group with members for the meeting and cash-book tests. */
#ifndef SK_KUBE_FIXTURE_H
#define SK_KUBE_FIXTURE_H

#include <time.h>
#include "fixture.h"
#include "util.h"

/* Insert group gid (dues Rp 5.000 kas and Rp 1.000 IKS per meeting) with n active members
 * <gid>-a01 .. (named "Anggota 01" ..), one member who left and one deleted member. */
static inline void kube_group(sk_db *db, const char *gid, int n)
{
	static int serial;
	char sql[1024];
	sk_err e;
	snprintf(sql, sizeof sql, "INSERT INTO kelompok(id,kode,nama,kode_wilayah,iuran_kas,iuran_iks,"
		 "diubah_pada) VALUES('%s','K-%s','Kelompok %s','31.71.08.1003',5000,1000,"
		 "'2026-01-01T00:00:00Z')", gid, gid, gid);
	if (db_exec_write(db, sql, &e) != SK_OK) {
		fprintf(stderr, "kube_group: %s\n", e.msg);
		exit(2);
	}
	for (int i = 1; i <= n + 2; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO anggota(id,kelompok_id,nik,no_kk,nama,"
			 "jenis_kelamin,jabatan,tanggal_masuk,tanggal_keluar,diubah_pada,dihapus) "
			 "VALUES('%s-a%02d','%s','317108120880%04d','3171080101080001',"
			 "'Anggota %02d','L','anggota','2026-01-01',%s,'2026-01-01T00:00:00Z',%d)",
			 gid, i, gid, ++serial, i, i == n + 1 ? "'2026-06-01'" : "NULL", i == n + 2);
		if (db_exec_write(db, sql, &e) != SK_OK) {
			fprintf(stderr, "kube_group: %s\n", e.msg);
			exit(2);
		}
	}
}

/* Sum of masuk-keluar of the rows (not deleted) matching a WHERE clause on kas. */
static inline int64_t kube_kas_sum(sk_db *db, const char *where)
{
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(masuk-keluar),0) FROM kas WHERE dihapus=0 AND %s",
		 where);
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

/* A one-number query (no parameters) run outside the statement cache. */
static inline int64_t kube_int(sk_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db_handle(db), sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

/* Local date days from today (YYYY-MM-DD) into out. */
static inline void kube_day(int days, char out[11])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static inline void kube_count_problem(void *ctx, const char *problem)
{
	(void)ctx;
	printf("# check: %s\n", problem);
}

#endif
