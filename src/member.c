/* member.c - KUBE members: validation and storage. */
#include <stdio.h>
#include <string.h>
#include "collate.h"
#include "group.h"
#include "i18n.h"
#include "member.h"
#include "validate.h"

/* Remove separators from a number typed in groups when only digits remain. */
static void clean_number(char *s)
{
	char buf[64];
	size_t j = 0;
	for (const char *p = s; *p && j + 1 < sizeof buf; p++) {
		if (*p == ' ' || *p == '.' || *p == '-')
			continue;
		if (*p < '0' || *p > '9')
			return;
		buf[j++] = *p;
	}
	buf[j] = '\0';
	if (j && strlen(buf) <= strlen(s))
		strcpy(s, buf);
}

void member_clean_numbers(sk_member *m)
{
	clean_number(m->nik);
	clean_number(m->no_kk);
}

void member_init(sk_member *m, const char *kelompok_id)
{
	memset(m, 0, sizeof *m);
	sk_strlcpy(m->kelompok_id, kelompok_id, sizeof m->kelompok_id);
	strcpy(m->jabatan, "anggota");
	sk_today(m->tanggal_masuk);
}

static int member_active(const sk_member *m)
{
	return !m->dihapus && !*m->tanggal_keluar;
}

/* Name of the group holding another active member with the same value of column col
 * (nik, or jabatan within one group). Returns 1 and fills who/grp when found; 0 when none or
 * when the database cannot tell (then its message is an error on field in is). */
static int other_active(sk_db *db, const char *sql, const sk_member *m, char *who, size_t wn,
			char *grp, size_t gn, const char *field, sk_issues *is)
{
	sk_err e;
	sk_err_clear(&e);
	sqlite3_stmt *st = db_prepare(db, sql, &e);
	if (!st) {
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", e.msg);
		return 0;
	}
	db_bind_text(st, ":id", m->id);
	db_bind_texts_present(st, ":nik", m->nik, ":jabatan", m->jabatan, ":kelompok_id",
			      m->kelompok_id);
	int rc = db_step(db, st, &e);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, who, wn);
		db_col_text(st, 1, grp, gn);
	}
	db_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", e.msg);
	return rc == SQLITE_ROW;
}

/* NIK and No. KK structure (the region list included). */
static void check_identity(sk_db *db, const sk_member *m, sk_issues *is)
{
	char msg[240];
	if (!nik_check(db, m->nik, msg, sizeof msg))
		sk_issues_add(is, "nik", SK_SEV_ERROR, "%s", msg);
	if (!kk_check(db, m->no_kk, msg, sizeof msg))
		sk_issues_add(is, "no_kk", SK_SEV_ERROR, "%s", msg);
}

/* A NIK active in at most one member. */
static void check_nik_unique(sk_db *db, const sk_member *m, sk_issues *is)
{
	char msg[240], who[SK_NAME_BYTES], grp[SK_NAME_BYTES];
	if (!member_active(m) || !nik_check_shape(m->nik, msg, sizeof msg))
		return;
	/* "+a.dihapus": look the NIK up in anggota_nik; without it SQLite walks every active
	 * member through anggota_nama (dihapus, nama), which made import quadratic. */
	if (other_active(db, "SELECT a.nama, k.nama FROM anggota a JOIN kelompok k ON "
			 "k.id=a.kelompok_id WHERE a.nik=:nik AND a.id IS NOT :id AND +a.dihapus=0 "
			 "AND a.tanggal_keluar IS NULL LIMIT 1", m, who, sizeof who, grp, sizeof grp,
			 "nik", is))
		sk_issues_add(is, "nik", SK_SEV_ERROR, _("NIK sudah aktif atas nama %s di %s (satu NIK, "
			      "satu kelompok)."), who, grp);
}

static void check_dates(const sk_member *m, sk_issues *is)
{
	char today[11];
	sk_today(today);
	const char *bad = _("Tanggal tidak sah: tulis TTTT-BB-HH, misalnya 1980-07-31.");
	if (*m->tanggal_lahir && !valid_date(m->tanggal_lahir))
		sk_issues_add(is, "tanggal_lahir", SK_SEV_ERROR, "%s", bad);
	else if (*m->tanggal_lahir && strcmp(m->tanggal_lahir, today) > 0)
		sk_issues_add(is, "tanggal_lahir", SK_SEV_ERROR, "%s",
			      _("Tanggal lahir tidak boleh sesudah hari ini."));
	if (*m->tanggal_masuk && !valid_date(m->tanggal_masuk))
		sk_issues_add(is, "tanggal_masuk", SK_SEV_ERROR, "%s", bad);
	if (*m->tanggal_keluar && !valid_date(m->tanggal_keluar))
		sk_issues_add(is, "tanggal_keluar", SK_SEV_ERROR, "%s", bad);
	else if (*m->tanggal_keluar && *m->tanggal_masuk && strcmp(m->tanggal_keluar, m->tanggal_masuk) < 0)
		sk_issues_add(is, "tanggal_keluar", SK_SEV_ERROR, "%s",
			      _("Tanggal keluar tidak boleh sebelum tanggal masuk."));
}

/* At most one active ketua, sekretaris and bendahara per group. */
static void check_role_unique(sk_db *db, const sk_member *m, sk_issues *is)
{
	char who[SK_NAME_BYTES], grp[SK_NAME_BYTES];
	if (!valid_jabatan(m->jabatan) || strcmp(m->jabatan, "anggota") == 0 || !member_active(m))
		return;
	if (other_active(db, "SELECT a.nama, k.nama FROM anggota a JOIN kelompok k ON k.id=a.kelompok_id "
			 "WHERE a.kelompok_id=:kelompok_id AND a.jabatan=:jabatan AND a.id IS NOT :id "
			 "AND a.dihapus=0 AND a.tanggal_keluar IS NULL LIMIT 1",
			 m, who, sizeof who, grp, sizeof grp, "jabatan", is))
		sk_issues_add(is, "jabatan", SK_SEV_ERROR, _("Sudah ada %s aktif: %s. Ubah jabatannya dulu."),
			      _(m->jabatan), who);
}

static void check_group_size(sk_db *db, const sk_member *m, sk_issues *is)
{
	sk_err e;
	sk_err_clear(&e);
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM anggota WHERE kelompok_id=:kelompok_id "
				      "AND id IS NOT :id AND dihapus=0 AND tanggal_keluar IS NULL", &e);
	db_bind_texts(st, ":kelompok_id", m->kelompok_id, ":id", m->id);
	int64_t others;
	if (db_count(db, st, &others, &e) != SK_OK) {
		sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s", e.msg);
		return;
	}
	int n = (int)others + member_active(m);
	if (n < GROUP_MIN_MEMBERS || n > GROUP_MAX_MEMBERS)
		sk_issues_add(is, "kelompok_id", SK_SEV_WARNING, _("Kelompok jadi %d anggota aktif; aturan "
			      "KUBE %d-%d kepala keluarga."), n, GROUP_MIN_MEMBERS,
			      GROUP_MAX_MEMBERS);
}

void member_validate_fields(sk_db *db, const sk_member *m, sk_issues *is)
{
	check_identity(db, m, is);
	size_t len = sk_utf8_len(m->nama);
	if (len == 0)
		sk_issues_add(is, "nama", SK_SEV_ERROR, "%s", _("Nama anggota wajib diisi."));
	else if (len > SK_NAME_MAX)
		sk_issues_add(is, "nama", SK_SEV_ERROR, _("Nama paling panjang %d huruf (sekarang %zu)."),
			      SK_NAME_MAX, len);
	if (!valid_jenis_kelamin(m->jenis_kelamin))
		sk_issues_add(is, "jenis_kelamin", SK_SEV_ERROR, "%s",
			      _("Jenis kelamin harus L (laki-laki) atau P (perempuan)."));
	check_dates(m, is);
	if (!valid_rt_rw(m->rt))
		sk_issues_add(is, "rt", SK_SEV_ERROR, "%s", _("RT paling banyak 3 angka."));
	if (!valid_rt_rw(m->rw))
		sk_issues_add(is, "rw", SK_SEV_ERROR, "%s", _("RW paling banyak 3 angka."));
	if (!valid_jabatan(m->jabatan))
		sk_issues_add(is, "jabatan", SK_SEV_ERROR, "%s",
			      _("Jabatan harus ketua, sekretaris, bendahara atau anggota."));
	if (m->terdaftar_dtsen != 0 && m->terdaftar_dtsen != 1)
		sk_issues_add(is, "terdaftar_dtsen", SK_SEV_ERROR, "%s", _("Isi 0 (tidak) atau 1 (ya)."));
	if (m->peserta_pkh != 0 && m->peserta_pkh != 1)
		sk_issues_add(is, "peserta_pkh", SK_SEV_ERROR, "%s", _("Isi 0 (tidak) atau 1 (ya)."));
	if (m->desil_dtsen < 0 || m->desil_dtsen > 10)
		sk_issues_add(is, "desil_dtsen", SK_SEV_ERROR, "%s",
			      _("Desil DTSEN harus 1 sampai 10, atau kosong bila belum diketahui."));
}

void member_validate_links(sk_db *db, const sk_member *m, sk_issues *is)
{
	sk_group g;
	if (!*m->kelompok_id || group_get(db, m->kelompok_id, &g, NULL) != SK_OK ||
	    (g.dihapus && !m->dihapus))
		sk_issues_add(is, "kelompok_id", SK_SEV_ERROR, "%s", _("Kelompok anggota tidak ditemukan."));
	check_nik_unique(db, m, is);
	check_role_unique(db, m, is);
}

void member_validate(sk_db *db, const sk_member *m, sk_issues *is)
{
	char msg[240];
	sk_issues_clear(is);
	member_validate_fields(db, m, is);
	member_validate_links(db, m, is);
	if (!sk_issues_for(is, "nik") &&
	    !nik_matches_person(m->nik, m->tanggal_lahir, m->jenis_kelamin[0], msg, sizeof msg))
		sk_issues_add(is, "nik", SK_SEV_WARNING, "%s", msg);
	const sk_issue *nik = sk_issues_for(is, "nik");
	if ((!nik || nik->sev != SK_SEV_ERROR) && !nik_kecamatan_known(db, m->nik, msg, sizeof msg))
		sk_issues_add(is, "nik", SK_SEV_WARNING, "%s", msg);
	if (!sk_issues_errors(is))
		check_group_size(db, m, is);
}

/* The anggota table: every column once, in the bundle's order. */

/* The sort key of a new member's name (urut_nama, local); after an update, a changed name
 * lost its key (trigger anggota_nama_diubah): the new one. */
SORT_KEY_HOOKS(sk_member, 1)

TABLE_DEFINE_EXTRA(ANGGOTA_TABLE, SK_MEMBER, "urut_nama", bind_sort_key, renew_sort_key);

#define NOT_FOUND N_("Anggota tidak ditemukan.")

TABLE_GET_STORE(member, sk_member, ANGGOTA_TABLE, N_("Anggota tidak ditemukan."))

/* Validate and write under one lock (table_save): no race on the NIK. */
static void check_member(sk_db *db, void *row, sk_issues *is)
{
	member_clean_numbers(row);
	member_validate(db, row, is);
}

static const table_save_ops SAVE = {
	.refused = N_("Data anggota belum benar; perbaiki isian yang ditandai."),
	.notfound = NOT_FOUND,
	.check = check_member,
};

TABLE_INSERT_UPDATE(member, sk_member, ANGGOTA_TABLE, SAVE)

int member_delete(sk_db *db, const char *id, sk_err *e)
{
	return DB_SOFT_DELETE_LIVE(db, "anggota", id, _("Anggota tidak ditemukan."), e);
}

/* A line of a member list, by column name. */
TABLE_VIEW(MEMBER_ROW, SK_MEMBER_ROW);

#define MEMBER_COLS \
	"SELECT a.id, a.kelompok_id, k.nama kelompok_nama, a.nik, a.nama, a.jenis_kelamin, " \
	"a.jabatan, a.tanggal_keluar IS NULL aktif FROM anggota a JOIN kelompok k ON " \
	"k.id=a.kelompok_id "

/* Read up to limit lines of st (prepared with MEMBER_COLS; NULL: the prepare failed) from
 * offset, binding the search text when it has :t. */
static int search_rows(sk_db *db, sqlite3_stmt *st, const char *text, int offset, int limit,
		       sk_member_row *out, int *n, sk_err *e)
{
	if (st) {
		if (sqlite3_bind_parameter_index(st, ":t"))
			db_bind_like(st, ":t", text);
		db_bind_int64(st, ":lim", limit);
		db_bind_int64(st, ":off", offset);
	}
	return table_list(db, &MEMBER_ROW, st, out, sizeof *out, limit, n, e);
}

static int list_group(sk_db *db, const char *kelompok_id, int deleted, int offset, int limit,
		      sk_member_row *out, int *n, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, MEMBER_COLS
		"WHERE a.kelompok_id=:g AND a.dihapus=:del ORDER BY a.tanggal_keluar IS NOT NULL, "
		"a.urut_nama, a.id LIMIT :lim OFFSET :off", e);
	if (st) {
		db_bind_text(st, ":g", kelompok_id);
		db_bind_int64(st, ":del", deleted);
	}
	return search_rows(db, st, NULL, offset, limit, out, n, e);
}

int member_list_group(sk_db *db, const char *kelompok_id, int offset, int limit,
		      sk_member_row *out, int *n, sk_err *e)
{
	return list_group(db, kelompok_id, 0, offset, limit, out, n, e);
}

int member_list_group_deleted(sk_db *db, const char *kelompok_id, int offset, int limit,
			      sk_member_row *out, int *n, sk_err *e)
{
	return list_group(db, kelompok_id, 1, offset, limit, out, n, e);
}

#define COUNT_GROUP_SQL "SELECT count(*) FROM anggota WHERE kelompok_id=:g AND dihapus=:del"

int member_count_group(sk_db *db, const char *kelompok_id)
{
	return db_count_del(db, COUNT_GROUP_SQL, ":g", kelompok_id, 0, 0);
}

int member_count_group_deleted(sk_db *db, const char *kelompok_id)
{
	return db_count_del(db, COUNT_GROUP_SQL, ":g", kelompok_id, 0, 1);
}

int member_position(sk_db *db, const char *id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM anggota a, anggota m WHERE m.id=:id "
				      "AND a.kelompok_id=m.kelompok_id AND a.dihapus=0 AND "
				      "(a.tanggal_keluar IS NOT NULL, a.urut_nama, a.id) < "
				      "(m.tanggal_keluar IS NOT NULL, m.urut_nama, m.id)", NULL);
	int64_t n = 0;
	if (!st)
		return -1;
	db_bind_text(st, ":id", id);
	if (db_count(db, st, &n, NULL) != SK_OK)
		return -1;
	return (int)n;
}

#define MEMBER_SEARCH \
	"WHERE a.dihapus=0 AND k.dihapus=0 AND (:t IS NULL OR a.nama LIKE '%'||:t||'%'" \
	DB_LIKE_ESCAPE " OR a.nik LIKE :t||'%'" DB_LIKE_ESCAPE ") "

int member_search(sk_db *db, const char *text, int offset, int limit, sk_member_row *out,
		  int *n, sk_err *e)
{
	return search_rows(db, db_prepare(db, MEMBER_COLS MEMBER_SEARCH "ORDER BY a.urut_nama, a.id "
					  "LIMIT :lim OFFSET :off", e), text, offset, limit, out, n, e);
}

int member_search_page(sk_db *db, const char *text, int offset, int limit, int total,
		       sk_member_row *out, int *n, sk_err *e)
{
	if (offset < 0 || limit <= 0 || total <= 0 || offset * 2 < total)
		return member_search(db, text, offset, limit, out, n, e);
	/* Rows offset .. offset+limit-1 are, counted from the end, total-offset-limit .. */
	int from_end = total - offset - limit;
	if (from_end < 0) {
		limit += from_end;
		from_end = 0;
	}
	*n = 0;
	if (limit <= 0)
		return SK_OK;
	int rc = search_rows(db, db_prepare(db, MEMBER_COLS MEMBER_SEARCH "ORDER BY a.urut_nama DESC, "
					    "a.id DESC LIMIT :lim OFFSET :off", e), text, from_end,
			     limit, out, n, e);
	for (int i = 0, j = *n - 1; i < j; i++, j--) {
		sk_member_row tmp = out[i];
		out[i] = out[j];
		out[j] = tmp;
	}
	return rc;
}

int member_search_count(sk_db *db, const char *text)
{
	/* Group by group through anggota_urut (name and NIK in the index): no table row read. */
	return db_count_like(db, "SELECT count(*) FROM kelompok k CROSS JOIN anggota a ON "
			     "k.id=a.kelompok_id " MEMBER_SEARCH, ":t", text);
}

void member_mask_nik(const char *nik, char *out, size_t n)
{
	char buf[24];
	size_t len = strlen(nik);
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	for (size_t i = 0; i < len; i++)
		buf[i] = i < 6 ? nik[i] : '*';
	buf[len] = '\0';
	sk_strlcpy(out, buf, n);
}

TABLE_VIEW(MEMBER_LINKS, SK_MEMBER_LINKS);

int member_links(sk_db *db, const char *id, sk_member_links *out, sk_err *e)
{
	return table_one_by(db, &MEMBER_LINKS, "SELECT count(*) pertemuan, "
		"coalesce(sum(h.iuran_kas+h.iuran_iks),0) iuran, (SELECT count(*) FROM penilaian "
		"WHERE anggota_id=:id AND dihapus=0) penilaian FROM kehadiran h JOIN pertemuan p ON "
		"p.id=h.pertemuan_id WHERE h.anggota_id=:id AND h.dihapus=0 AND p.dihapus=0", ":id",
		id, out, sizeof *out, _(NOT_FOUND), e);
}

int member_restore(sk_db *db, const char *id, sk_issues *is, sk_err *e)
{
	sk_member m;
	sk_issues_clear(is);
	int rc = db_begin_write(db, e); /* check and write under one lock, as member_save */
	if (rc != SK_OK)
		return rc;
	rc = member_get(db, id, &m, e);
	if (rc == SK_OK && !m.dihapus)
		rc = sk_err_set(e, SK_REFUSED, _("Anggota %s tidak terhapus."), m.nama);
	if (rc == SK_OK) {
		m.dihapus = 0;
		member_validate_links(db, &m, is);
		if (sk_issues_errors(is))
			rc = sk_err_set(e, SK_REFUSED, _("%s tidak dapat dipulihkan: %s"), m.nama,
					is->items[0].msg);
	}
	if (rc == SK_OK) {
		sk_now_utc(m.diubah_pada);
		rc = table_store(db, &ANGGOTA_TABLE, &m, 0, NOT_FOUND, e);
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}
