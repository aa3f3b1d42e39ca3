/* import_rows.c - one row of each bundle table: read its fields into the table's struct, check
 * them with the table's own rules (the code the screens use), merge it by key. */
#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "cashbook.h"
#include "csvio.h"
#include "group.h"
#include "i18n.h"
#include "import_priv.h"
#include "meeting.h"
#include "member.h"

/* ---- fields ---------------------------------------------------------------------------- */

/* Value of column name as written in the file ("" when the file lacks it); text columns lose
 * the formula guard's leading '. */
static const char *val(const struct imp_file *fl, const char *name)
{
	int c = bundle_col_index(fl->table, name);
	if (c < 0 || fl->idx[c] < 0 || fl->idx[c] >= fl->nf)
		return "";
	const char *v = fl->f[fl->idx[c]];
	return BUNDLE_TABLES[fl->table].cols[c].kind == BC_TEXT ? csv_unguard(v) : v;
}

static void bad(struct imp_file *fl, const char *name, const char *value, const char *reason)
{
	fl->row_bad = 1;
	imp_problem(fl->im, fl->src, fl->table, fl->label, fl->line, name, value, reason);
}

static void text(struct imp_file *fl, const char *name, char *dst, size_t n)
{
	const char *v = val(fl, name);
	if (!sk_utf8_valid(v)) {
		/* The value itself would not print: say where, not what. The field keeps a printable
		 * copy so the row's other rules do not also call it empty. */
		sk_utf8_scrub(dst, n, v);
		bad(fl, name, "", _("Teks bukan UTF-8. Di Excel simpan sebagai \"CSV UTF-8\"."));
		return;
	}
	if (sk_strlcpy(dst, v, n)) {
		char msg[160];
		snprintf(msg, sizeof msg, _("Isian terlalu panjang (paling banyak %zu byte)."), n - 1);
		bad(fl, name, v, msg);
	}
}

/* A column whose stored value is never empty: an empty cell keeps the default in dst. */
static void text_or_default(struct imp_file *fl, const char *name, char *dst, size_t n)
{
	if (*val(fl, name))
		text(fl, name, dst, n);
}

/* Optional minus sign and digits only (spec: money is rupiah without separators). */
static int parse_int(const char *s, int64_t *out)
{
	const char *p = s + (*s == '-');
	if (!*p)
		return -1;
	for (const char *q = p; *q; q++)
		if (*q < '0' || *q > '9')
			return -1;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

/* Integer column; dflt when empty (given = 0) or unreadable (reported). */
static int64_t num(struct imp_file *fl, const char *name, int64_t dflt, int *given)
{
	const char *v = val(fl, name);
	int64_t x;
	if (given)
		*given = 0;
	if (!*v)
		return dflt;
	if (parse_int(v, &x) != 0) {
		bad(fl, name, v, _("Harus bilangan bulat tanpa titik atau koma, misalnya 5000."));
		return dflt;
	}
	if (given)
		*given = 1;
	return x;
}

/* Integer column held in an int: out-of-range values are reported. */
static int small(struct imp_file *fl, const char *name, int dflt, int *given)
{
	int64_t x = num(fl, name, dflt, given);
	if (x < -1000000000 || x > 1000000000) {
		bad(fl, name, val(fl, name), _("Angka terlalu besar."));
		return dflt;
	}
	return (int)x;
}

/* Optional integer whose struct uses 0 for "none" (desil_dtsen, tahun_bantuan): an explicit 0
 * becomes -1 so the table's rules refuse it. */
static int optional_nonzero(struct imp_file *fl, const char *name)
{
	int given;
	int x = small(fl, name, 0, &given);
	return given && x == 0 ? -1 : x;
}

/* Decimal with '.', optional minus sign (its rules refuse negatives); locale-independent. */
static int parse_decimal(const char *s, double *out)
{
	const char *p = s + (*s == '-');
	double v = 0, scale = 1;
	int digits = 0, dot = 0;
	for (; *p; p++) {
		if (*p == '.' && !dot) {
			dot = 1;
		} else if (*p >= '0' && *p <= '9') {
			digits++;
			if (dot)
				scale /= 10, v += (*p - '0') * scale;
			else
				v = v * 10 + (*p - '0');
		} else {
			return -1;
		}
	}
	if (!digits)
		return -1;
	*out = *s == '-' ? -v : v;
	return 0;
}

static void own_id(struct imp_file *fl, char id[SK_UUID_LEN + 1])
{
	const char *v = val(fl, "id");
	if (!*v && !fl->im->src[fl->src].is_bundle)
		sk_uuid_new(id);
	else if (!*v)
		bad(fl, "id", v, _("id wajib diisi di bundel."));
	else if (!sk_uuid_valid(v))
		bad(fl, "id", v, _("id harus UUID huruf kecil 36 karakter."));
	else
		memcpy(id, v, SK_UUID_LEN + 1);
}

static void key_id(struct imp_file *fl, const char *name, char id[SK_UUID_LEN + 1])
{
	const char *v = val(fl, name);
	if (!sk_uuid_valid(v))
		bad(fl, name, v, _("Harus UUID huruf kecil 36 karakter."));
	else
		memcpy(id, v, SK_UUID_LEN + 1);
}

static void stamp(struct imp_file *fl, char ts[SK_TS_LEN + 1])
{
	const char *v = val(fl, "diubah_pada");
	if (!*v && !fl->im->src[fl->src].is_bundle)
		memcpy(ts, fl->im->now, SK_TS_LEN + 1);
	else if (!sk_ts_valid(v))
		bad(fl, "diubah_pada", v, _("Harus waktu UTC TTTT-BB-HHTjj:mm:ddZ, misalnya "
					    "2025-03-15T08:30:00Z."));
	else
		memcpy(ts, v, SK_TS_LEN + 1);
}

/* A 0/1 column: a word such as "ya" is told to be 0 or 1 (not "a whole number"); numbers go
 * on to the table's own rule. */
static int flag(struct imp_file *fl, const char *name)
{
	const char *v = val(fl, name);
	int64_t x;
	if (*v && parse_int(v, &x) != 0) {
		bad(fl, name, v, _("Isi 0 (tidak) atau 1 (ya)."));
		return 0;
	}
	return small(fl, name, 0, NULL);
}

static int deleted_flag(struct imp_file *fl)
{
	int x = flag(fl, "dihapus");
	if (x != 0 && x != 1) {
		bad(fl, "dihapus", val(fl, "dihapus"), _("Isi 0 (tidak) atau 1 (ya)."));
		return 0;
	}
	return x;
}

/* Every error of is becomes a problem of this row. */
static void report_issues(struct imp_file *fl, const sk_issues *is)
{
	for (int i = 0; i < is->n; i++)
		if (is->items[i].sev == SK_SEV_ERROR)
			bad(fl, is->items[i].field, val(fl, is->items[i].field), is->items[i].msg);
}

/* ---- merging --------------------------------------------------------------------------- */

enum { M_INSERT, M_UPDATE, M_KEEP, M_ERROR };

typedef int (*store_fn)(sk_db *db, const void *row, int insert, sk_err *e);

static const char *const STAMP_SQL[BT_COUNT] = {
	"SELECT diubah_pada FROM kelompok WHERE id=:k1",
	"SELECT diubah_pada FROM anggota WHERE id=:k1",
	"SELECT diubah_pada FROM penilaian WHERE id=:k1",
	"SELECT diubah_pada FROM pertemuan WHERE id=:k1",
	"SELECT diubah_pada FROM kehadiran WHERE pertemuan_id=:k1 AND anggota_id=:k2",
	"SELECT diubah_pada FROM kas WHERE id=:k1",
};

/* Fingerprint of the row's content: SHA-256 over its columns (derived ones left out). */
static void fingerprint(const struct imp_file *fl, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	const bundle_table_def *d = &BUNDLE_TABLES[fl->table];
	struct sha256_ctx c;
	uint8_t out[SHA256_DIGEST_SIZE];
	sha256_init(&c);
	for (int i = 0; i < d->ncols; i++) {
		if (d->cols[i].kind == BC_DERIVED)
			continue;
		const char *v = val(fl, d->cols[i].name);
		sha256_update(&c, strlen(v) + 1, (const uint8_t *)v);
	}
	sha256_digest(&c, sizeof out, out);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		hex[2 * i] = digits[out[i] >> 4];
		hex[2 * i + 1] = digits[out[i] & 15];
	}
	hex[64] = '\0';
}

static int db_failed(struct imp *im)
{
	im->dberr = 1;
	return M_ERROR;
}

/* The stored row's stamp (1 when there is one). */
static int stored_stamp(struct imp_file *fl, const char *k1, const char *k2, char *out, size_t n)
{
	sqlite3_stmt *st = db_prepare(fl->im->db, STAMP_SQL[fl->table], fl->im->e);
	if (!st)
		return db_failed(fl->im), -1;
	db_bind_text(st, ":k1", k1);
	if (k2)
		db_bind_text(st, ":k2", k2);
	int rc = db_step(fl->im->db, st, fl->im->e);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, out, n);
	db_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_failed(fl->im), -1;
	return rc == SQLITE_ROW;
}

/* Fingerprint of the version this import merged earlier (1), or 0 when the stored row was
 * there before the import. */
static int merged_fingerprint(struct imp_file *fl, const char *key, char out[65])
{
	sqlite3_stmt *st = db_prepare(fl->im->db, "SELECT sidik FROM imp_row WHERE tabel=:t AND "
				      "kunci=:k", fl->im->e);
	if (!st)
		return db_failed(fl->im), -1;
	db_bind_int64(st, ":t", fl->table);
	db_bind_text(st, ":k", key);
	int rc = db_step(fl->im->db, st, fl->im->e);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, out, 65);
	db_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_failed(fl->im), -1;
	return rc == SQLITE_ROW;
}

/* The spec's rule: insert when new, replace when the incoming stamp is later, else keep.
 * The row's fingerprint is made (into sidik) only when a tie or a write needs it. */
static int decide(struct imp_file *fl, const char *k1, const char *k2, const char *key,
		  const char *ts, char sidik[65])
{
	char old[64], prev[65];
	int found = stored_stamp(fl, k1, k2, old, sizeof old);
	if (found < 0)
		return M_ERROR;
	if (!found)
		return fingerprint(fl, sidik), M_INSERT;
	int cmp = strcmp(ts, old);
	if (cmp < 0)
		return M_KEEP;
	if (cmp > 0)
		return fingerprint(fl, sidik), M_UPDATE;
	int merged = merged_fingerprint(fl, key, prev);
	if (merged <= 0)
		return merged < 0 ? M_ERROR : M_KEEP; /* stored before this import: keeps a tie */
	fingerprint(fl, sidik);
	return strcmp(sidik, prev) > 0 ? M_UPDATE : M_KEEP;
}

static int remember(struct imp_file *fl, const char *key, const char *sidik)
{
	sqlite3_stmt *st = db_prepare(fl->im->db, "INSERT OR REPLACE INTO imp_row(tabel, kunci, "
				      "sumber, baris, sidik) VALUES(:t, :k, :s, :b, :h)", fl->im->e);
	if (!st)
		return db_failed(fl->im);
	db_bind_int64(st, ":t", fl->table);
	db_bind_text(st, ":k", key);
	db_bind_int64(st, ":s", fl->src);
	db_bind_int64(st, ":b", fl->line);
	db_bind_text(st, ":h", sidik);
	int rc = db_step(fl->im->db, st, fl->im->e);
	db_reset(st);
	return rc == SQLITE_DONE ? SK_OK : db_failed(fl->im);
}

/* Merge a checked row: k2 is the second key column (kehadiran) or NULL. */
static void merge(struct imp_file *fl, const char *k1, const char *k2, const char *ts,
		  store_fn store, const void *row)
{
	char key[2 * SK_UUID_LEN + 2], sidik[65];
	snprintf(key, sizeof key, "%s%s%s", k1, k2 ? "/" : "", k2 ? k2 : "");
	import_counts *c = &fl->im->r->t[fl->table];
	int act = decide(fl, k1, k2, key, ts, sidik);
	if (act == M_ERROR)
		return;
	if (act == M_KEEP) {
		c->unchanged++;
		return;
	}
	if (store(fl->im->db, row, act == M_INSERT, fl->im->e) != SK_OK) {
		db_failed(fl->im);
		return;
	}
	if (remember(fl, key, sidik) != SK_OK)
		return;
	if (act == M_INSERT) {
		c->added++;
		imp_bulk_inserted(fl);
	} else {
		c->updated++;
	}
}

/* ---- tables ---------------------------------------------------------------------------- */

static int store_group(sk_db *db, const void *row, int insert, sk_err *e)
{
	return group_store_raw(db, row, insert, e);
}

static void row_kelompok(struct imp_file *fl)
{
	sk_group g;
	sk_issues is;
	group_init(&g);
	own_id(fl, g.id);
	text(fl, "kode", g.kode, sizeof g.kode);
	text(fl, "nama", g.nama, sizeof g.nama);
	text(fl, "kode_wilayah", g.kode_wilayah, sizeof g.kode_wilayah);
	text(fl, "alamat", g.alamat, sizeof g.alamat);
	text_or_default(fl, "jenis_usaha", g.jenis_usaha, sizeof g.jenis_usaha);
	text(fl, "bidang_usaha", g.bidang_usaha, sizeof g.bidang_usaha);
	text(fl, "tanggal_berdiri", g.tanggal_berdiri, sizeof g.tanggal_berdiri);
	text_or_default(fl, "tingkat", g.tingkat, sizeof g.tingkat);
	text(fl, "pendamping", g.pendamping, sizeof g.pendamping);
	text(fl, "telepon_pendamping", g.telepon_pendamping, sizeof g.telepon_pendamping);
	g.iuran_kas = num(fl, "iuran_kas", 0, NULL);
	g.iuran_iks = num(fl, "iuran_iks", 0, NULL);
	g.bantuan_uep = num(fl, "bantuan_uep", 0, NULL);
	g.tahun_bantuan = optional_nonzero(fl, "tahun_bantuan");
	text(fl, "catatan", g.catatan, sizeof g.catatan);
	stamp(fl, g.diubah_pada);
	g.dihapus = deleted_flag(fl);
	group_validate(fl->im->db, &g, &is);
	report_issues(fl, &is);
	if (!fl->row_bad)
		merge(fl, g.id, NULL, g.diubah_pada, store_group, &g);
}

static int store_member(sk_db *db, const void *row, int insert, sk_err *e)
{
	return member_store_raw(db, row, insert, e);
}

static void row_anggota(struct imp_file *fl)
{
	sk_member m;
	sk_issues is;
	memset(&m, 0, sizeof m);
	strcpy(m.jabatan, "anggota");
	own_id(fl, m.id);
	text(fl, "kelompok_id", m.kelompok_id, sizeof m.kelompok_id);
	text(fl, "nik", m.nik, sizeof m.nik);
	text(fl, "no_kk", m.no_kk, sizeof m.no_kk);
	text(fl, "nama", m.nama, sizeof m.nama);
	text(fl, "jenis_kelamin", m.jenis_kelamin, sizeof m.jenis_kelamin);
	text(fl, "tempat_lahir", m.tempat_lahir, sizeof m.tempat_lahir);
	text(fl, "tanggal_lahir", m.tanggal_lahir, sizeof m.tanggal_lahir);
	text(fl, "alamat", m.alamat, sizeof m.alamat);
	text(fl, "rt", m.rt, sizeof m.rt);
	text(fl, "rw", m.rw, sizeof m.rw);
	text(fl, "telepon", m.telepon, sizeof m.telepon);
	text_or_default(fl, "jabatan", m.jabatan, sizeof m.jabatan);
	text(fl, "tanggal_masuk", m.tanggal_masuk, sizeof m.tanggal_masuk);
	text(fl, "tanggal_keluar", m.tanggal_keluar, sizeof m.tanggal_keluar);
	m.terdaftar_dtsen = flag(fl, "terdaftar_dtsen");
	m.desil_dtsen = optional_nonzero(fl, "desil_dtsen");
	m.peserta_pkh = flag(fl, "peserta_pkh");
	text(fl, "catatan", m.catatan, sizeof m.catatan);
	stamp(fl, m.diubah_pada);
	m.dihapus = deleted_flag(fl);
	sk_issues_clear(&is);
	member_validate_fields(fl->im->db, &m, &is);
	report_issues(fl, &is);
	if (!fl->row_bad)
		merge(fl, m.id, NULL, m.diubah_pada, store_member, &m);
}

/* nilai_tabungan and ditimpa do not travel: an update keeps the stored ones. */
static int store_assessment(sk_db *db, const void *row, int insert, sk_err *e)
{
	sk_assessment a = *(const sk_assessment *)row, old;
	if (!insert && assessment_get(db, a.id, &old, e) == SK_OK) {
		a.nilai_tabungan = old.nilai_tabungan;
		a.has_tabungan = old.has_tabungan;
		memcpy(a.ditimpa, old.ditimpa, sizeof a.ditimpa);
	}
	return assessment_store_raw(db, &a, insert, e);
}

static void row_penilaian(struct imp_file *fl)
{
	sk_assessment a;
	sk_issues is;
	memset(&a, 0, sizeof a);
	own_id(fl, a.id);
	text(fl, "anggota_id", a.anggota_id, sizeof a.anggota_id);
	text(fl, "tanggal", a.tanggal, sizeof a.tanggal);
	text(fl, "penilai", a.penilai, sizeof a.penilai);
	for (int i = 0; i < ASSESSMENT_CRITERIA; i++) {
		char name[16];
		snprintf(name, sizeof name, "k%02d", (i + 1) % 100);
		a.k[i] = flag(fl, name);
	}
	const char *luas = val(fl, "luas_lantai_m2");
	a.has_luas = *luas != '\0';
	if (a.has_luas && parse_decimal(luas, &a.luas_lantai_m2) != 0)
		bad(fl, "luas_lantai_m2", luas, _("Harus angka dengan titik desimal, misalnya 21.5."));
	a.jumlah_jiwa = small(fl, "jumlah_jiwa", 0, &a.has_jiwa);
	a.penghasilan_bulanan = num(fl, "penghasilan_bulanan", 0, &a.has_penghasilan);
	text(fl, "catatan", a.catatan, sizeof a.catatan);
	stamp(fl, a.diubah_pada);
	a.dihapus = deleted_flag(fl);
	assessment_score(&a, fl->im->threshold);
	assessment_validate(fl->im->db, &a, &is);
	report_issues(fl, &is);
	if (!fl->row_bad)
		merge(fl, a.id, NULL, a.diubah_pada, store_assessment, &a);
}

static int store_meeting(sk_db *db, const void *row, int insert, sk_err *e)
{
	return meeting_store_raw(db, row, insert, e);
}

static void row_pertemuan(struct imp_file *fl)
{
	sk_meeting m;
	sk_issues is;
	memset(&m, 0, sizeof m);
	own_id(fl, m.id);
	text(fl, "kelompok_id", m.kelompok_id, sizeof m.kelompok_id);
	text(fl, "tanggal", m.tanggal, sizeof m.tanggal);
	text(fl, "tempat", m.tempat, sizeof m.tempat);
	m.pendamping_hadir = flag(fl, "pendamping_hadir");
	text(fl, "agenda", m.agenda, sizeof m.agenda);
	text(fl, "keputusan", m.keputusan, sizeof m.keputusan);
	text(fl, "catatan", m.catatan, sizeof m.catatan);
	stamp(fl, m.diubah_pada);
	m.dihapus = deleted_flag(fl);
	meeting_validate(fl->im->db, &m, &is);
	report_issues(fl, &is);
	if (!fl->row_bad)
		merge(fl, m.id, NULL, m.diubah_pada, store_meeting, &m);
}

static int store_attendance(sk_db *db, const void *row, int insert, sk_err *e)
{
	return attendance_store_raw(db, row, insert, e);
}

static void row_kehadiran(struct imp_file *fl)
{
	sk_attendance a;
	sk_issues is;
	memset(&a, 0, sizeof a);
	key_id(fl, "pertemuan_id", a.pertemuan_id);
	key_id(fl, "anggota_id", a.anggota_id);
	text(fl, "status", a.status, sizeof a.status);
	a.iuran_kas = num(fl, "iuran_kas", 0, NULL);
	a.iuran_iks = num(fl, "iuran_iks", 0, NULL);
	stamp(fl, a.diubah_pada);
	if (fl->row_bad && (!*a.pertemuan_id || !*a.anggota_id))
		return; /* no key: nothing more to say about its references */
	attendance_validate(fl->im->db, &a, &is);
	report_issues(fl, &is);
	if (!fl->row_bad)
		merge(fl, a.pertemuan_id, a.anggota_id, a.diubah_pada, store_attendance, &a);
}

static int store_cash(sk_db *db, const void *row, int insert, sk_err *e)
{
	return cash_store_raw(db, row, insert, e);
}

static void row_kas(struct imp_file *fl)
{
	sk_cash_row c;
	sk_issues is;
	memset(&c, 0, sizeof c);
	own_id(fl, c.id);
	text(fl, "kelompok_id", c.kelompok_id, sizeof c.kelompok_id);
	text(fl, "tanggal", c.tanggal, sizeof c.tanggal);
	text(fl, "no_bukti", c.no_bukti, sizeof c.no_bukti);
	text(fl, "buku", c.buku, sizeof c.buku);
	text(fl, "kategori", c.kategori, sizeof c.kategori);
	text(fl, "uraian", c.uraian, sizeof c.uraian);
	c.masuk = num(fl, "masuk", 0, NULL);
	c.keluar = num(fl, "keluar", 0, NULL);
	text(fl, "pertemuan_id", c.pertemuan_id, sizeof c.pertemuan_id);
	text(fl, "membalik_id", c.membalik_id, sizeof c.membalik_id);
	stamp(fl, c.diubah_pada);
	c.dihapus = deleted_flag(fl);
	sk_issues_clear(&is);
	cash_validate_fields(&c, &is);
	report_issues(fl, &is);
	if (!fl->row_bad)
		merge(fl, c.id, NULL, c.diubah_pada, store_cash, &c);
}

void imp_row(struct imp_file *fl)
{
	static void (*const ROW[BT_COUNT])(struct imp_file *) = { row_kelompok, row_anggota,
		row_penilaian, row_pertemuan, row_kehadiran, row_kas };
	ROW[fl->table](fl);
}

/* ---- cross-row rules on the merged rows ------------------------------------------------ */

int imp_rows_begin(struct imp *im)
{
	return db_exec(im->db, "CREATE TEMP TABLE IF NOT EXISTS imp_row(tabel INTEGER NOT NULL, "
		       "kunci TEXT NOT NULL, sumber INTEGER NOT NULL, baris INTEGER NOT NULL, "
		       "sidik TEXT NOT NULL, PRIMARY KEY(tabel, kunci)) WITHOUT ROWID; "
		       "DELETE FROM temp.imp_row; "
		       "CREATE TEMP TABLE IF NOT EXISTS imp_tolak(kunci TEXT PRIMARY KEY, "
		       "berkas TEXT NOT NULL, baris INTEGER NOT NULL) WITHOUT ROWID; "
		       "DELETE FROM temp.imp_tolak;", im->e);
}

void imp_rows_end(struct imp *im)
{
	db_exec(im->db, "DROP TABLE IF EXISTS temp.imp_row; DROP TABLE IF EXISTS temp.imp_tolak",
		NULL);
}

void imp_row_refused(struct imp_file *fl)
{
	const char *id = fl->table == BT_KEHADIRAN ? "" : val(fl, "id");
	if (!*id)
		return;
	sqlite3_stmt *st = db_prepare(fl->im->db, "INSERT OR IGNORE INTO imp_tolak(kunci, berkas, "
				      "baris) VALUES(:k, :f, :b)", NULL);
	if (!st)
		return;
	db_bind_text(st, ":k", id);
	db_bind_text(st, ":f", fl->label);
	db_bind_int64(st, ":b", fl->line);
	sqlite3_step(st);
	db_reset(st);
}

int imp_refused_parent(struct imp *im, const char *id, char *berkas, size_t n, long long *line)
{
	sqlite3_stmt *st = db_prepare(im->db, "SELECT berkas, baris FROM imp_tolak WHERE kunci=:k",
				      NULL);
	if (!st)
		return 0;
	db_bind_text(st, ":k", id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		db_col_text(st, 0, berkas, n);
		*line = sqlite3_column_int64(st, 1);
	}
	db_reset(st);
	return found;
}

static const char *member_value(const sk_member *m, const char *field)
{
	if (strcmp(field, "nik") == 0)
		return m->nik;
	if (strcmp(field, "jabatan") == 0)
		return m->jabatan;
	if (strcmp(field, "kelompok_id") == 0)
		return m->kelompok_id;
	return "";
}

static const char *cash_value(const sk_cash_row *c, const char *field)
{
	if (strcmp(field, "kelompok_id") == 0)
		return c->kelompok_id;
	if (strcmp(field, "pertemuan_id") == 0)
		return c->pertemuan_id;
	if (strcmp(field, "membalik_id") == 0)
		return c->membalik_id;
	return "";
}

/* The links of one merged row (by key); problems are reported against src/line. */
static void check_one(struct imp *im, int t, const char *key, int src, long long line)
{
	sk_issues is;
	sk_member m;
	sk_cash_row c;
	char label[PATH_MAX + 64];
	memset(&m, 0, sizeof m);
	memset(&c, 0, sizeof c);
	sk_issues_clear(&is);
	if (t == BT_ANGGOTA && member_get(im->db, key, &m, NULL) == SK_OK)
		member_validate_links(im->db, &m, &is);
	else if (t == BT_KAS && cash_get(im->db, key, &c, NULL) == SK_OK)
		cash_validate_links(im->db, &c, &is);
	imp_label(im, src, t, label, sizeof label);
	for (int i = 0; i < is.n; i++) {
		const sk_issue *it = &is.items[i];
		if (it->sev != SK_SEV_ERROR)
			continue;
		imp_problem(im, src, t, label, line, it->field,
			    t == BT_ANGGOTA ? member_value(&m, it->field) : cash_value(&c, it->field),
			    it->msg);
	}
}

void imp_check_links(struct imp *im, int t)
{
	if (t != BT_ANGGOTA && t != BT_KAS)
		return;
	sqlite3_stmt *st = db_prepare(im->db, "SELECT kunci, sumber, baris FROM imp_row "
				      "WHERE tabel=:t ORDER BY sumber, baris", im->e);
	if (!st) {
		im->dberr = 1;
		return;
	}
	db_bind_int64(st, ":t", t);
	int rc;
	while ((rc = db_step(im->db, st, im->e)) == SQLITE_ROW) {
		char key[SK_UUID_LEN + 1];
		db_col_text(st, 0, key, sizeof key);
		check_one(im, t, key, sqlite3_column_int(st, 1), sqlite3_column_int64(st, 2));
	}
	db_reset(st);
	if (rc != SQLITE_DONE)
		im->dberr = 1;
}
