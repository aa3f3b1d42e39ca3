/* group.c - KUBE groups: validation and storage. */
#include <stdio.h>
#include <string.h>
#include "collate.h"
#include "group.h"
#include "i18n.h"
#include "region.h"
#include "validate.h"

void group_init(sk_group *g)
{
	memset(g, 0, sizeof *g);
	strcpy(g->jenis_usaha, "lainnya");
	strcpy(g->tingkat, "tumbuh");
}

/* kode_wilayah names a village of the list (or the database cannot tell: its message). */
static void check_village(sk_db *db, const char *kode, sk_issues *is)
{
	sk_err e;
	sk_err_clear(&e);
	int village = region_is_village(db, kode, &e);
	if (village < 0)
		sk_issues_add(is, "kode_wilayah", SK_SEV_ERROR, "%s", e.msg);
	else if (!village)
		sk_issues_add(is, "kode_wilayah", SK_SEV_ERROR,
			      _("Kode %s bukan desa/kelurahan dalam daftar wilayah resmi."), kode);
}

void group_validate(sk_db *db, const sk_group *g, sk_issues *is)
{
	sk_issues_clear(is);
	size_t len = sk_utf8_len(g->nama);
	if (len == 0)
		sk_issues_add(is, "nama", SK_SEV_ERROR, "%s", _("Nama kelompok wajib diisi."));
	else if (len > SK_NAME_MAX)
		sk_issues_add(is, "nama", SK_SEV_ERROR,
			      _("Nama kelompok paling panjang %d huruf (sekarang %zu)."), SK_NAME_MAX, len);
	if (!*g->kode_wilayah)
		sk_issues_add(is, "kode_wilayah", SK_SEV_ERROR, "%s",
			      _("Desa/kelurahan wajib dipilih dari daftar wilayah."));
	else
		check_village(db, g->kode_wilayah, is);
	if (!valid_jenis_usaha(g->jenis_usaha))
		sk_issues_add(is, "jenis_usaha", SK_SEV_ERROR, "%s",
			      _("Jenis usaha harus produksi, jasa, perdagangan atau lainnya."));
	if (!valid_tingkat(g->tingkat))
		sk_issues_add(is, "tingkat", SK_SEV_ERROR, "%s",
			      _("Tingkat harus tumbuh, berkembang, maju atau mandiri."));
	if (*g->tanggal_berdiri && !valid_date(g->tanggal_berdiri))
		sk_issues_add(is, "tanggal_berdiri", SK_SEV_ERROR, "%s",
			      _("Tanggal tidak sah: tulis TTTT-BB-HH, misalnya 2024-03-15."));
	validate_dues(is, "iuran_kas", g->iuran_kas);
	validate_dues(is, "iuran_iks", g->iuran_iks);
	validate_money(is, "bantuan_uep", g->bantuan_uep);
	if (g->tahun_bantuan != 0 && (g->tahun_bantuan < 1983 || g->tahun_bantuan > 2199))
		sk_issues_add(is, "tahun_bantuan", SK_SEV_ERROR, "%s",
			      _("Tahun bantuan harus tahun empat angka (1983 atau sesudahnya) atau kosong."));
	if (g->bantuan_uep > 0 && g->tahun_bantuan == 0)
		sk_issues_add(is, "tahun_bantuan", SK_SEV_WARNING, "%s",
			      _("Bantuan UEP diisi tetapi tahun bantuan kosong."));
}

/* The kelompok table: every column once, in the bundle's order. */

/* The sort key of a new group's name (urut_nama, local); after an update, a changed name
 * lost its key (trigger kelompok_nama_diubah): the new one. */
SORT_KEY_HOOKS(sk_group, 0)

TABLE_DEFINE_EXTRA(KELOMPOK_TABLE, SK_GROUP, "urut_nama", bind_sort_key, renew_sort_key);

TABLE_GET_STORE(group, sk_group, KELOMPOK_TABLE, N_("Kelompok tidak ditemukan."))

static void check_group(sk_db *db, void *row, sk_issues *is)
{
	group_validate(db, row, is);
}

static const table_save_ops SAVE = {
	.refused = N_("Data kelompok belum benar; perbaiki isian yang ditandai."),
	.notfound = N_("Kelompok tidak ditemukan."),
	.check = check_group,
};

TABLE_INSERT_UPDATE(group, sk_group, KELOMPOK_TABLE, SAVE)

int group_delete(sk_db *db, const char *id, sk_err *e)
{
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	/* The group and, with it, its members still active (deletions travel in exports). */
	rc = DB_SOFT_DELETE_LIVE(db, "kelompok", id, _("Kelompok tidak ditemukan."), e);
	if (rc == SK_OK)
		rc = db_soft_delete(db, "UPDATE anggota SET dihapus=1, diubah_pada=:t "
				    "WHERE kelompok_id=:id AND dihapus=0", id, NULL, e);
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}

#define GROUP_FILTER \
	"FROM kelompok g LEFT JOIN wilayah w ON w.kode=g.kode_wilayah " \
	"WHERE g.dihapus=:del AND (:t IS NULL OR g.nama LIKE '%'||:t||'%'" DB_LIKE_ESCAPE \
	" OR g.kode LIKE :t||'%'" DB_LIKE_ESCAPE " OR w.nama LIKE '%'||:t||'%'" DB_LIKE_ESCAPE \
	" OR g.kode_wilayah LIKE :t||'%'" DB_LIKE_ESCAPE ") "

/* The group's last meeting date (not deleted). */
#define LAST_MEETING "(SELECT max(p.tanggal) FROM pertemuan p WHERE p.kelompok_id=g.id AND " \
	"p.dihapus=0)"

/* The first day that still counts as recent activity: today - GROUP_INACTIVE_DAYS. */
static void inactive_cutoff(sk_db *db, char out[16])
{
	sqlite3_stmt *st = db_prepare(db, "SELECT date('now', 'localtime', :d)", NULL);
	char days[24];
	snprintf(days, sizeof days, "-%d days", GROUP_INACTIVE_DAYS);
	if (st)
		db_bind_text(st, ":d", days);
	db_text(db, st, out, 16, NULL);
}

/* A line of the list, by column name. */
TABLE_VIEW(GROUP_ROW, SK_GROUP_ROW);

/* Inactive: founded more than 4 weeks ago (or when, is not known) and no meeting in the last
 * 4 weeks (:c the first day that still counts). */
#define INACTIVE \
	"(coalesce(g.tanggal_berdiri, '') < :c AND coalesce(" LAST_MEETING ", '') < :c)"

static int list_rows(sk_db *db, const char *text, int deleted, int offset, int limit,
		     sk_group_row *out, int *n, sk_err *e)
{
	char cutoff[16];
	inactive_cutoff(db, cutoff);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT g.id, g.kode, g.nama, g.kode_wilayah, w.nama desa, g.tingkat, (SELECT count(*) "
		"FROM anggota a WHERE a.kelompok_id=g.id AND a.dihapus=0 AND a.tanggal_keluar IS "
		"NULL) anggota_aktif, " LAST_MEETING " pertemuan_terakhir, " INACTIVE " tidak_aktif "
		GROUP_FILTER "ORDER BY g.urut_nama, g.id LIMIT :lim OFFSET :off", e);
	if (st) {
		db_bind_like(st, ":t", text);
		db_bind_int64(st, ":del", deleted);
		db_bind_text(st, ":c", cutoff);
		db_bind_int64(st, ":lim", limit);
		db_bind_int64(st, ":off", offset);
	}
	return table_list(db, &GROUP_ROW, st, out, sizeof *out, limit, n, e);
}

int group_list(sk_db *db, const char *text, int offset, int limit, sk_group_row *out, int *n,
	       sk_err *e)
{
	return list_rows(db, text, 0, offset, limit, out, n, e);
}

int group_list_deleted(sk_db *db, const char *text, int offset, int limit, sk_group_row *out,
		       int *n, sk_err *e)
{
	return list_rows(db, text, 1, offset, limit, out, n, e);
}

int group_count(sk_db *db, const char *text)
{
	return db_count_del(db, "SELECT count(*) " GROUP_FILTER, ":t", text, 1, 0);
}

int group_count_deleted(sk_db *db, const char *text)
{
	return db_count_del(db, "SELECT count(*) " GROUP_FILTER, ":t", text, 1, 1);
}

int group_position(sk_db *db, const char *text, const char *id)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) " GROUP_FILTER "AND (g.urut_nama, g.id) < "
				      "(SELECT urut_nama, id FROM kelompok WHERE id=:id)", NULL);
	int64_t n = 0;
	if (!st)
		return -1;
	db_bind_like(st, ":t", text);
	db_bind_int64(st, ":del", 0);
	db_bind_text(st, ":id", id);
	if (db_count(db, st, &n, NULL) != SK_OK)
		return -1;
	return (int)n;
}

int group_count_inactive(sk_db *db)
{
	char cutoff[16];
	inactive_cutoff(db, cutoff);
	return db_count_text(db, "SELECT count(*) FROM kelompok g WHERE g.dihapus=0 AND " INACTIVE,
			     ":c", cutoff);
}

int group_active_members(sk_db *db, const char *id)
{
	return db_count_text(db, "SELECT count(*) FROM anggota WHERE kelompok_id=:id AND dihapus=0 "
			     "AND tanggal_keluar IS NULL", ":id", id);
}

TABLE_VIEW(GROUP_LINKS, SK_GROUP_LINKS);

int group_links(sk_db *db, const char *id, sk_group_links *out, sk_err *e)
{
	return table_one_by(db, &GROUP_LINKS, "SELECT "
		"(SELECT count(*) FROM anggota WHERE kelompok_id=:id AND dihapus=0) anggota, "
		"(SELECT count(*) FROM pertemuan WHERE kelompok_id=:id AND dihapus=0) pertemuan, "
		"(SELECT count(*) FROM kas WHERE kelompok_id=:id AND dihapus=0) baris_kas, "
		"(SELECT coalesce(sum(saldo),0) FROM saldo_kas WHERE kelompok_id=:id) saldo", ":id",
		id, out, sizeof *out, _("Kelompok tidak ditemukan."), e);
}

int group_restore(sk_db *db, const char *id, int *members, sk_err *e)
{
	sk_group g;
	*members = 0;
	int rc = group_get(db, id, &g, e);
	if (rc != SK_OK)
		return rc;
	if (!g.dihapus)
		return sk_err_set(e, SK_REFUSED, _("Kelompok %s tidak terhapus."), g.nama);
	rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	char now[SK_TS_LEN + 1];
	sk_now_utc(now);
	sqlite3_stmt *st = db_prepare(db, "UPDATE kelompok SET dihapus=0, diubah_pada=:t, "
				      "disimpan_pada=" DB_STORED_SQL " WHERE id=:id AND dihapus=1", e);
	if (!st)
		rc = SK_DBERR;
	else {
		db_bind_texts(st, ":t", now, ":id", id);
		rc = db_step_write(db, st, _("Kelompok tidak ditemukan."), e);
	}
	/* The members deleted with the group (stamped when it was, or after), unless their NIK
	 * is active elsewhere by now or their office is held by another. */
	st = rc == SK_OK ? db_prepare(db, "UPDATE anggota SET dihapus=0, diubah_pada=:t, "
		"disimpan_pada=" DB_STORED_SQL " WHERE kelompok_id=:id AND dihapus=1 AND "
		"diubah_pada>=:del AND NOT (tanggal_keluar IS NULL AND EXISTS (SELECT 1 FROM anggota o "
		"WHERE o.nik=anggota.nik AND o.id<>anggota.id AND o.dihapus=0 AND "
		"o.tanggal_keluar IS NULL)) AND NOT (jabatan<>'anggota' AND tanggal_keluar IS NULL AND "
		"EXISTS (SELECT 1 FROM anggota o WHERE o.kelompok_id=anggota.kelompok_id AND "
		"o.jabatan=anggota.jabatan AND o.id<>anggota.id AND o.dihapus=0 AND "
		"o.tanggal_keluar IS NULL))", e) : NULL;
	if (st) {
		db_bind_texts(st, ":t", now, ":id", id, ":del", g.diubah_pada);
		rc = db_step_write(db, st, "", e);
		if (rc == SK_OK)
			*members = sqlite3_changes(db_handle(db));
		else if (rc == SK_NOTFOUND)
			rc = SK_OK;
	} else if (rc == SK_OK) {
		rc = SK_DBERR;
	}
	int erc = db_end(db, rc == SK_OK, e);
	return rc == SK_OK ? erc : rc;
}
