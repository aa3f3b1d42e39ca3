/* sample.c - load the shipped sample kelurahan through the normal validation rules. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csvio.h"
#include "group.h"
#include "i18n.h"
#include "member.h"
#include "sample.h"

static const char *const GROUP_COLS[] = { "id", "kode", "nama", "kode_wilayah", "alamat",
	"jenis_usaha", "bidang_usaha", "tanggal_berdiri", "tingkat", "pendamping",
	"telepon_pendamping", "iuran_kas", "iuran_iks", "bantuan_uep", "tahun_bantuan", "catatan",
	NULL };
static const char *const MEMBER_COLS[] = { "id", "kelompok_id", "nik", "no_kk", "nama",
	"jenis_kelamin", "tempat_lahir", "tanggal_lahir", "alamat", "rt", "rw", "telepon", "jabatan",
	"tanggal_masuk", "tanggal_keluar", "terdaftar_dtsen", "desil_dtsen", "peserta_pkh", "catatan",
	NULL };

struct load {
	sk_db *db;
	const char *file;
	const char *const *cols;
	int idx[32];
	int added;
	int rc;
	sk_err *e;
};

static int64_t num(const char *s)
{
	return *s ? strtoll(s, NULL, 10) : 0;
}

static int row_exists(sk_db *db, const char *sql, const char *id)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return 0;
	db_bind_text(st, ":id", id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	db_reset(st);
	return found;
}

/* Stop with "file line N, column C: message". */
static int refuse(struct load *l, int line, const sk_issues *is)
{
	for (int i = 0; i < is->n; i++) {
		if (is->items[i].sev != SK_SEV_ERROR)
			continue;
		l->rc = sk_err_set(l->e, SK_REFUSED, _("%s baris %d, kolom %s: %s"), l->file, line,
				   is->items[i].field, is->items[i].msg);
		return 1;
	}
	return 0;
}

static int header(struct load *l, int nf, char **f)
{
	int miss = csv_header_map(nf, f, l->cols, l->idx);
	if (miss < 0)
		return 0;
	l->rc = sk_err_set(l->e, SK_REFUSED, _("%s: kolom wajib %s tidak ada."), l->file, l->cols[miss]);
	return 1;
}

#define F(i) csv_field(nf, f, l->idx[i])

static int group_row(void *ctx, int line, int nf, char **f)
{
	struct load *l = ctx;
	if (line == 1)
		return header(l, nf, f);
	if (row_exists(l->db, "SELECT 1 FROM kelompok WHERE id=:id", F(0)))
		return 0;
	sk_group g;
	sk_issues is;
	group_init(&g);
	sk_strlcpy(g.id, F(0), sizeof g.id);
	sk_strlcpy(g.kode, F(1), sizeof g.kode);
	sk_strlcpy(g.nama, F(2), sizeof g.nama);
	sk_strlcpy(g.kode_wilayah, F(3), sizeof g.kode_wilayah);
	sk_strlcpy(g.alamat, F(4), sizeof g.alamat);
	sk_strlcpy(g.jenis_usaha, F(5), sizeof g.jenis_usaha);
	sk_strlcpy(g.bidang_usaha, F(6), sizeof g.bidang_usaha);
	sk_strlcpy(g.tanggal_berdiri, F(7), sizeof g.tanggal_berdiri);
	sk_strlcpy(g.tingkat, F(8), sizeof g.tingkat);
	sk_strlcpy(g.pendamping, F(9), sizeof g.pendamping);
	sk_strlcpy(g.telepon_pendamping, F(10), sizeof g.telepon_pendamping);
	g.iuran_kas = num(F(11));
	g.iuran_iks = num(F(12));
	g.bantuan_uep = num(F(13));
	g.tahun_bantuan = (int)num(F(14));
	sk_strlcpy(g.catatan, F(15), sizeof g.catatan);
	int rc = group_insert(l->db, &g, &is, l->e);
	if (rc == SK_REFUSED)
		return refuse(l, line, &is);
	if (rc != SK_OK) {
		l->rc = rc;
		return 1;
	}
	l->added++;
	return 0;
}

static int member_row(void *ctx, int line, int nf, char **f)
{
	struct load *l = ctx;
	if (line == 1)
		return header(l, nf, f);
	if (row_exists(l->db, "SELECT 1 FROM anggota WHERE id=:id", F(0)))
		return 0;
	sk_member m;
	sk_issues is;
	member_init(&m, F(1));
	sk_strlcpy(m.id, F(0), sizeof m.id);
	sk_strlcpy(m.nik, F(2), sizeof m.nik);
	sk_strlcpy(m.no_kk, F(3), sizeof m.no_kk);
	sk_strlcpy(m.nama, F(4), sizeof m.nama);
	sk_strlcpy(m.jenis_kelamin, F(5), sizeof m.jenis_kelamin);
	sk_strlcpy(m.tempat_lahir, F(6), sizeof m.tempat_lahir);
	sk_strlcpy(m.tanggal_lahir, F(7), sizeof m.tanggal_lahir);
	sk_strlcpy(m.alamat, F(8), sizeof m.alamat);
	sk_strlcpy(m.rt, F(9), sizeof m.rt);
	sk_strlcpy(m.rw, F(10), sizeof m.rw);
	sk_strlcpy(m.telepon, F(11), sizeof m.telepon);
	sk_strlcpy(m.jabatan, F(12), sizeof m.jabatan);
	sk_strlcpy(m.tanggal_masuk, F(13), sizeof m.tanggal_masuk);
	sk_strlcpy(m.tanggal_keluar, F(14), sizeof m.tanggal_keluar);
	m.terdaftar_dtsen = (int)num(F(15));
	m.desil_dtsen = (int)num(F(16));
	m.peserta_pkh = (int)num(F(17));
	sk_strlcpy(m.catatan, F(18), sizeof m.catatan);
	int rc = member_insert(l->db, &m, &is, l->e);
	if (rc == SK_REFUSED)
		return refuse(l, line, &is);
	if (rc != SK_OK) {
		l->rc = rc;
		return 1;
	}
	l->added++;
	return 0;
}

static int load_file(sk_db *db, const char *dir, const char *name, const char *const *cols,
		     csv_row_fn fn, int *added, sk_err *e)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct load l = { .db = db, .file = name, .cols = cols, .rc = SK_OK, .e = e };
	int rc = csv_read_file(path, fn, &l, e);
	if (rc == SK_OK)
		rc = l.rc;
	*added = l.added;
	return rc;
}

int sample_load(sk_db *db, const char *dir, int *groups, int *members, sk_err *e)
{
	char found[PATH_MAX];
	int g = 0, m = 0;
	if (!dir) {
		if (sk_find_data("sample-data/kelompok.csv", found, sizeof found) != 0)
			return sk_err_set(e, SK_IOERR, "%s", _("Folder sample-data tidak ditemukan."));
		*strrchr(found, '/') = '\0';
		dir = found;
	}
	int rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = load_file(db, dir, "kelompok.csv", GROUP_COLS, group_row, &g, e);
	if (rc == SK_OK)
		rc = load_file(db, dir, "anggota.csv", MEMBER_COLS, member_row, &m, e);
	int erc = db_end(db, rc == SK_OK, e);
	if (rc == SK_OK)
		rc = erc;
	if (groups)
		*groups = rc == SK_OK ? g : 0;
	if (members)
		*members = rc == SK_OK ? m : 0;
	return rc;
}
