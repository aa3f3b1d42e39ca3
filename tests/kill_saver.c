/* kill_saver.c - a burst of saves through the core API, as the screens make them, for
 * tests/robust_kill.sh, which kills this program with SIGKILL at random moments.
 *
 *   kill_saver --db PATH [--saves N] [--room PAGES]
 *
 * Adds a group and six members, then repeats: a meeting with its attendance and dues postings
 * (meeting_save: one transaction over three tables), a receipt in the cash book (cash_add) and
 * an edit of a member (member_update, catatan = a growing counter). After each save has
 * returned SK_OK it prints one line and flushes stdout:
 *   kelompok ID NAMA | anggota ID | pertemuan ID TANGGAL | kas ID MASUK | ubah ID N
 * so every line printed names a row that must still be there after the kill. Exit 0 after N
 * rounds (default: until killed), 1 when a save fails.
 * --room PAGES lets the database grow by only that many pages (PRAGMA max_page_count): a disk
 * that fills up. The saves then go on until one fails; that one is printed as
 *   gagal TABLE ID
 * (ID may be empty when none was given out) and its message goes to stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cashbook.h"
#include "group.h"
#include "i18n.h"
#include "meeting.h"
#include "member.h"
#include "region.h"

#define MEMBERS 6

static sk_attendance rows[MEETING_MAX_ROWS];

static int fail(const char *what, const sk_err *e, const sk_issues *is)
{
	fprintf(stderr, "kill_saver: %s: %s\n", what, e->msg);
	for (int i = 0; is && i < is->n; i++)
		fprintf(stderr, "kill_saver:   %s: %s\n", is->items[i].field, is->items[i].msg);
	return 1;
}

/* The save that failed, for the caller to check that none of it stayed. */
static void failed_save(const char *table, const char *id)
{
	printf("gagal %s %s\n", table, id);
	fflush(stdout);
}

/* A NIK no earlier run used: serial picks the birth day, month and the last four digits. */
static void make_nik(long serial, char out[24])
{
	int seq = (int)(serial % 9999) + 1;
	int day = (int)(serial / 9999 % 28) + 1;
	int month = (int)(serial / (9999L * 28) % 12) + 1;
	snprintf(out, 24, "317108%02d%02d80%04d", day, month, seq);
}

static int add_group(sk_db *db, long serial, char gid[SK_UUID_LEN + 1])
{
	sk_group g;
	sk_issues is;
	sk_err e;
	group_init(&g);
	snprintf(g.nama, sizeof g.nama, "Uji Mati Listrik %ld", serial);
	strcpy(g.kode_wilayah, "31.71.08.1003");
	g.iuran_kas = 5000;
	g.iuran_iks = 1000;
	if (group_insert(db, &g, &is, &e) != SK_OK) {
		failed_save("kelompok", g.id);
		return fail("group_insert", &e, &is);
	}
	printf("kelompok %s %s\n", g.id, g.nama);
	fflush(stdout);
	memcpy(gid, g.id, SK_UUID_LEN + 1);
	return 0;
}

static int add_members(sk_db *db, const char *gid, long serial, char ids[][SK_UUID_LEN + 1])
{
	for (int i = 0; i < MEMBERS; i++) {
		sk_member m;
		sk_issues is;
		sk_err e;
		member_init(&m, gid);
		make_nik(serial * MEMBERS + i, m.nik);
		strcpy(m.no_kk, "3171080101080001");
		snprintf(m.nama, sizeof m.nama, "Anggota %d", i + 1);
		strcpy(m.jenis_kelamin, "L");
		if (member_insert(db, &m, &is, &e) != SK_OK) {
			failed_save("anggota", m.id);
			return fail("member_insert", &e, &is);
		}
		printf("anggota %s\n", m.id);
		fflush(stdout);
		memcpy(ids[i], m.id, SK_UUID_LEN + 1);
	}
	return 0;
}

static int save_meeting(sk_db *db, const char *gid)
{
	sk_meeting m;
	sk_issues is;
	sk_err e;
	int n;
	if (meeting_propose(db, gid, &m, rows, NULL, MEETING_MAX_ROWS, &n, &e) != SK_OK)
		return fail("meeting_propose", &e, NULL);
	snprintf(m.agenda, sizeof m.agenda, "Pertemuan rutin");
	if (meeting_save(db, &m, rows, n, &is, &e) != SK_OK) {
		failed_save("pertemuan", m.id);
		return fail("meeting_save", &e, &is);
	}
	printf("pertemuan %s %s\n", m.id, m.tanggal);
	fflush(stdout);
	return 0;
}

static int save_receipt(sk_db *db, const char *gid, int round)
{
	sk_cash_row c;
	sk_issues is;
	sk_err e;
	cash_init(&c, gid);
	strcpy(c.kategori, "penjualan");
	snprintf(c.uraian, sizeof c.uraian, "Penjualan ke-%d", round);
	c.masuk = 1000 + round;
	if (cash_add(db, &c, &is, &e) != SK_OK) {
		failed_save("kas", c.id);
		return fail("cash_add", &e, &is);
	}
	printf("kas %s %lld\n", c.id, (long long)c.masuk);
	fflush(stdout);
	return 0;
}

static int edit_member(sk_db *db, const char *id, int round)
{
	sk_member m;
	sk_issues is;
	sk_err e;
	if (member_get(db, id, &m, &e) != SK_OK)
		return fail("member_get", &e, NULL);
	snprintf(m.catatan, sizeof m.catatan, "%d", round);
	if (member_update(db, &m, &is, &e) != SK_OK)
		return fail("member_update", &e, &is);
	printf("ubah %s %d\n", m.id, round);
	fflush(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = NULL;
	long saves = -1, room = -1;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--db") == 0)
			path = argv[i + 1];
		else if (strcmp(argv[i], "--saves") == 0)
			saves = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--room") == 0)
			room = atol(argv[i + 1]);
	}
	if (!path) {
		fprintf(stderr, "usage: kill_saver --db PATH [--saves N] [--room PAGES]\n");
		return 2;
	}
	i18n_init("id");
	sk_db *db;
	sk_err e;
	if (db_open(path, 0, &db, &e) != SK_OK || region_ensure_loaded(db, &e) != SK_OK) {
		fprintf(stderr, "kill_saver: %s\n", e.msg);
		return 2;
	}
	if (room >= 0) {
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA max_page_count=%lld",
			 (long long)db_int(db, "PRAGMA page_count", 0) + room);
		db_exec(db, sql, &e);
	}
	/* Every run adds a group: its count numbers this run's NIKs apart from earlier ones. */
	long serial = (long)db_int(db, "SELECT count(*) FROM kelompok", 0);
	char gid[SK_UUID_LEN + 1], ids[MEMBERS][SK_UUID_LEN + 1];
	int rc = add_group(db, serial, gid) || add_members(db, gid, serial, ids);
	for (long round = 1; !rc && (saves < 0 || round <= saves); round++)
		rc = save_meeting(db, gid) || save_receipt(db, gid, (int)round) ||
		     edit_member(db, ids[round % MEMBERS], (int)round);
	db_close(db);
	return rc;
}
