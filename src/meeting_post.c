/* meeting_post.c - saving and deleting a meeting together with its dues postings in the cash
 * books, in one transaction. Import never comes here (it stores rows raw), so dues are posted
 * once. The rule kept true (and checked by `sikube check`): per meeting and book, the rows with
 * its pertemuan_id add up to the attendance dues, or to zero for a deleted meeting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cash_priv.h"
#include "i18n.h"
#include "meeting.h"
#include "validate.h"

/* Each attendance row: fields right, a member of the meeting's group, listed once. Findings
 * go under "kehadiran" and name the member. */
static void check_rows(sk_db *db, const sk_meeting *m, const sk_attendance *rows, int n,
		       sk_issues *is)
{
	sk_err e;
	sk_err_clear(&e);
	sqlite3_stmt *st = db_prepare(db, "SELECT nama, kelompok_id, coalesce(tanggal_masuk,''), "
				      "coalesce(tanggal_keluar,'') FROM anggota WHERE id=:id", &e);
	if (!st)
		sk_issues_add(is, "kehadiran", SK_SEV_ERROR, "%s", e.msg);
	for (int i = 0; st && i < n; i++) {
		char nama[SK_NAME_BYTES] = "", g[SK_UUID_LEN + 1] = "", masuk[16] = "", keluar[16] = "";
		db_bind_text(st, ":id", rows[i].anggota_id);
		int rc = db_step(db, st, &e);
		if (rc == SQLITE_ROW) {
			db_col_text(st, 0, nama, sizeof nama);
			db_col_text(st, 1, g, sizeof g);
			db_col_text(st, 2, masuk, sizeof masuk);
			db_col_text(st, 3, keluar, sizeof keluar);
		}
		db_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			sk_issues_add(is, "kehadiran", SK_SEV_ERROR, "%s", e.msg);
			return;
		}
		/* A member on the list was a member that day (meeting_member_on). */
		int dated = valid_date(m->tanggal);
		if (dated && *masuk && strcmp(masuk, m->tanggal) > 0)
			sk_issues_add(is, "kehadiran", SK_SEV_ERROR,
				      _("%s baru menjadi anggota pada %s, sesudah pertemuan ini."), nama,
				      masuk);
		else if (dated && *keluar && strcmp(keluar, m->tanggal) <= 0)
			sk_issues_add(is, "kehadiran", SK_SEV_ERROR,
				      _("%s sudah keluar pada %s, sebelum pertemuan ini."), nama, keluar);
		sk_issues one;
		sk_issues_clear(&one);
		attendance_validate_fields(&rows[i], &one);
		for (int k = 0; k < one.n; k++)
			sk_issues_add(is, "kehadiran", SK_SEV_ERROR, "%s: %s", nama, one.items[k].msg);
		if (strcmp(g, m->kelompok_id) != 0)
			sk_issues_add(is, "kehadiran", SK_SEV_ERROR,
				      _("Anggota %s bukan anggota kelompok ini."),
				      *nama ? nama : rows[i].anggota_id);
		for (int j = 0; j < i; j++)
			if (strcmp(rows[j].anggota_id, rows[i].anggota_id) == 0)
				sk_issues_add(is, "kehadiran", SK_SEV_ERROR,
					      _("Anggota %s tercatat dua kali."), nama);
	}
}

/* Checks of the meeting row against the stored data: active group, the group of an edited
 * meeting unchanged, another meeting the same day (warning). */
static void check_meeting(sk_db *db, const sk_meeting *m, sk_issues *is)
{
	sk_err e;
	sk_err_clear(&e);
	sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT dihapus FROM kelompok WHERE id=:g), "
				      "(SELECT kelompok_id FROM pertemuan WHERE id=:id AND dihapus=0)",
				      &e);
	if (!st) {
		sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s", e.msg);
		return;
	}
	db_bind_texts(st, ":g", m->kelompok_id, ":id", m->id);
	int rc = db_step(db, st, &e);
	if (rc != SQLITE_ROW)
		sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s", e.msg);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_int(st, 0) == 1)
			sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s", _("Kelompok ini sudah dihapus."));
		const char *g = (const char *)sqlite3_column_text(st, 1);
		if (*m->id && (!g || strcmp(g, m->kelompok_id) != 0))
			sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s",
				      g ? _("Kelompok sebuah pertemuan tidak dapat diganti.")
					: _("Pertemuan tidak ditemukan."));
	}
	db_reset(st);
	if (meeting_same_day(db, m->kelompok_id, m->tanggal, m->id) == 1)
		sk_issues_add(is, "tanggal", SK_SEV_WARNING, "%s",
			      _("Sudah ada pertemuan kelompok ini pada tanggal itu."));
	if (sk_date_after_today(m->tanggal))
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s",
			      _("Tanggal itu belum tiba: catat pertemuan sesudah berlangsung."));
}

/* Double the array p of *cap items of size bytes (abort when out of memory). */
static void *grow(void *p, int *cap, size_t size)
{
	void *q = realloc(p, size * (size_t)(*cap * 2));
	if (!q)
		abort();
	*cap *= 2;
	return q;
}

/* Insert or change one attendance row of meeting m (unchanged rows keep their stamp). */
static int store_row(sk_db *db, const sk_meeting *m, sk_attendance *a, sk_err *e)
{
	sk_attendance old;
	sk_strlcpy(a->pertemuan_id, m->id, sizeof a->pertemuan_id);
	int found = attendance_get(db, a->pertemuan_id, a->anggota_id, &old, NULL) == SK_OK;
	if (found && !old.dihapus && strcmp(old.status, a->status) == 0 &&
	    old.iuran_kas == a->iuran_kas && old.iuran_iks == a->iuran_iks) {
		*a = old;
		return SK_OK;
	}
	sk_strlcpy(a->diubah_pada, m->diubah_pada, sizeof a->diubah_pada);
	a->dihapus = 0;
	return attendance_store_raw(db, a, !found, e);
}

/* Mark deleted the stored rows of meeting m whose member is not in rows. */
static int drop_missing(sk_db *db, const sk_meeting *m, const sk_attendance *rows, int n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT anggota_id FROM kehadiran WHERE pertemuan_id=:p AND "
				      "dihapus=0", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":p", m->id);
	int cap = 16, k = 0, rc;
	char (*gone)[SK_UUID_LEN + 1] = malloc(sizeof *gone * (size_t)cap);
	if (!gone)
		abort();
	while ((rc = db_step(db, st, e)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		int kept = 0;
		for (int i = 0; i < n && !kept; i++)
			kept = strcmp(rows[i].anggota_id, id) == 0;
		if (kept)
			continue;
		if (k == cap)
			gone = grow(gone, &cap, sizeof *gone);
		sk_strlcpy(gone[k++], id, sizeof gone[0]);
	}
	db_reset(st);
	rc = rc == SQLITE_DONE ? SK_OK : (e ? e->status : SK_DBERR);
	for (int i = 0; rc == SK_OK && i < k; i++) {
		sk_attendance a;
		rc = attendance_get(db, m->id, gone[i], &a, e);
		if (rc == SK_OK) {
			a.dihapus = 1;
			sk_strlcpy(a.diubah_pada, m->diubah_pada, sizeof a.diubah_pada);
			rc = attendance_store_raw(db, &a, 0, e);
		}
	}
	free(gone);
	return rc;
}

/* One book's posting of meeting m: what it should be. */
struct posting {
	const char *buku, *kategori;
	int64_t total;           /* attendance dues; 0 = no posting */
	int reverse_all;         /* meeting deleted: reverse every standing posting */
	char date[16];           /* the meeting's date, or today when its month is closed */
	char uraian[SK_NAME_BYTES];
};

/* 1 when the month of date is closed in the book, 0 when open, -1 on a database error (in e). */
static int book_closed(sk_db *db, const char *g, const char *buku, const char *date, sk_err *e)
{
	int rc = cash_check_open(db, g, buku, date, e);
	return rc == SK_OK ? 0 : rc == SK_REFUSED ? 1 : -1;
}

/* Bring the standing postings of one book to p: in an open month the first one is updated and
 * the others deleted, in a closed month they are reversed; then a new one when still needed. */
static int sync_book(sk_db *db, const sk_meeting *m, struct posting *p, sk_err *e)
{
	int n, rc = SK_OK, done = 0;
	sk_cash_row *rows = cash_standing(db, m->id, p->buku, NULL, &n, e);
	if (!rows)
		return e ? e->status : SK_DBERR;
	char from[16];
	sk_strlcpy(from, p->date, sizeof from);
	for (int i = 0; rc == SK_OK && i < n; i++) {
		sk_cash_row *r = &rows[i];
		if (strcmp(r->tanggal, from) < 0)
			sk_strlcpy(from, r->tanggal, sizeof from);
		int closed = p->reverse_all ? 1
					    : book_closed(db, r->kelompok_id, r->buku, r->tanggal, e);
		if (closed < 0) {
			rc = e && e->status ? e->status : SK_DBERR;
		} else if (closed) {
			rc = cash_insert_reversal(db, r, NULL, e);
		} else if (!done && p->total > 0) {
			done = 1;
			if (strcmp(r->tanggal, p->date) == 0 && r->masuk == p->total && r->keluar == 0 &&
			    strcmp(r->uraian, p->uraian) == 0 && strcmp(r->kategori, p->kategori) == 0)
				continue;
			sk_strlcpy(r->tanggal, p->date, sizeof r->tanggal);
			sk_strlcpy(r->kategori, p->kategori, sizeof r->kategori);
			sk_strlcpy(r->uraian, p->uraian, sizeof r->uraian);
			r->masuk = p->total;
			r->keluar = 0;
			sk_now_utc(r->diubah_pada);
			rc = cash_store_raw(db, r, 0, e);
		} else {
			r->dihapus = 1;
			sk_now_utc(r->diubah_pada);
			rc = cash_store_raw(db, r, 0, e);
		}
	}
	free(rows);
	if (rc == SK_OK && !done && p->total > 0) {
		sk_cash_row c;
		cash_init(&c, m->kelompok_id);
		sk_strlcpy(c.tanggal, p->date, sizeof c.tanggal);
		sk_strlcpy(c.buku, p->buku, sizeof c.buku);
		sk_strlcpy(c.kategori, p->kategori, sizeof c.kategori);
		sk_strlcpy(c.uraian, p->uraian, sizeof c.uraian);
		sk_strlcpy(c.pertemuan_id, m->id, sizeof c.pertemuan_id);
		c.masuk = p->total;
		rc = cash_insert_row(db, &c, e);
	}
	return rc == SK_OK ? cash_guard(db, m->kelompok_id, p->buku, from, e) : rc;
}

/* Post (or, deleted, reverse) both books' dues of meeting m from its stored attendance. */
static int post_dues(sk_db *db, const sk_meeting *m, int deleted, sk_err *e)
{
	struct posting p[2] = { { "umum", "iuran_kas", 0, deleted, "", "" },
				{ "iks", "iuran_iks", 0, deleted, "", "" } };
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(sum(iuran_kas),0), coalesce(sum(iuran_iks),0) "
				      "FROM kehadiran WHERE pertemuan_id=:p AND dihapus=0", e);
	if (!st)
		return SK_DBERR;
	db_bind_text(st, ":p", m->id);
	int rc = deleted ? SQLITE_DONE : db_step(db, st, e);
	if (rc == SQLITE_ROW) {
		p[0].total = sqlite3_column_int64(st, 0);
		p[1].total = sqlite3_column_int64(st, 1);
	}
	db_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return e && e->status ? e->status : SK_DBERR;
	/* Stored data, not a message: the same in every language (bundles travel between offices,
	 * and a description that changed with the language would count as an edit above). */
	snprintf(p[0].uraian, sizeof p[0].uraian, "Iuran kas pertemuan %s", m->tanggal);
	snprintf(p[1].uraian, sizeof p[1].uraian, "Iuran IKS pertemuan %s", m->tanggal);
	rc = SK_OK;
	for (int i = 0; rc == SK_OK && i < 2; i++) {
		int closed = book_closed(db, m->kelompok_id, p[i].buku, m->tanggal, e);
		if (closed < 0)
			return e && e->status ? e->status : SK_DBERR;
		sk_strlcpy(p[i].date, m->tanggal, sizeof p[i].date);
		if (closed)
			sk_today(p[i].date);
		if (p[i].total > 0)
			rc = cash_check_open(db, m->kelompok_id, p[i].buku, p[i].date, e);
		if (rc == SK_OK)
			rc = sync_book(db, m, &p[i], e);
	}
	return rc;
}

/* The writes of meeting_save, inside its transaction. */
static int save_rows(sk_db *db, sk_meeting *m, sk_attendance *rows, int n, int is_new, sk_err *e)
{
	int rc = meeting_store_raw(db, m, is_new, e);
	for (int i = 0; rc == SK_OK && i < n; i++)
		rc = store_row(db, m, &rows[i], e);
	if (rc == SK_OK && !is_new)
		rc = drop_missing(db, m, rows, n, e);
	if (rc == SK_OK)
		rc = post_dues(db, m, 0, e);
	return rc;
}

int meeting_save(sk_db *db, sk_meeting *m, sk_attendance *rows, int n, sk_issues *is, sk_err *e)
{
	meeting_validate(db, m, is);
	check_meeting(db, m, is);
	check_rows(db, m, rows, n, is);
	if (sk_issues_errors(is))
		return validate_refusal(is, _("Data pertemuan belum benar."), e);
	int is_new = !*m->id;
	sk_meeting keep = *m;
	if (is_new)
		sk_uuid_new(m->id);
	sk_now_utc(m->diubah_pada);
	m->dihapus = 0;
	int rc = db_begin_write(db, e);
	if (rc == SK_OK) {
		rc = save_rows(db, m, rows, n, is_new, e);
		int erc = db_end(db, rc == SK_OK, e);
		rc = rc == SK_OK ? erc : rc;
	}
	if (rc != SK_OK) {
		*m = keep;
		if (rc == SK_REFUSED)
			sk_issues_add(is, "kas", SK_SEV_ERROR, "%s", e ? e->msg : "");
	}
	return rc;
}

/* meeting_delete's writes: the meeting (marked deleted) and its dues taken back. */
static int delete_in(sk_db *db, void *row, sk_err *e)
{
	const sk_meeting *m = row;
	int rc = meeting_store_raw(db, m, 0, e);
	return rc == SK_OK ? post_dues(db, m, 1, e) : rc;
}

int meeting_delete(sk_db *db, const char *id, sk_err *e)
{
	sk_meeting m;
	int rc = table_get_live(db, &PERTEMUAN_TABLE, id, &m, sizeof m,
				_("Pertemuan tidak ditemukan."), e);
	if (rc != SK_OK)
		return rc;
	m.dihapus = 1;
	sk_now_utc(m.diubah_pada);
	return db_write(db, delete_in, &m, e);
}
