/* import_tables.c - one row of each bundle table: read its fields into the table's struct,
 * check them with the table's own field rules (the code the screens use) and the rows it
 * names, merge it by key. The fields are read in the order of the table's column descriptor
 * (table.h: the one the store and the bundle use), each by its type unless the table's entry
 * in SPECS names another reader; the plan of each table is made once, at its first row.
 * The rules between rows (officers, NIKs, reversals, dues and postings, month closes...) run
 * after the pass: check_rules.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "assessment.h"
#include "cashbook.h"
#include "evaluation.h"
#include "group.h"
#include "i18n.h"
#include "fixmath.h"
#include "import_priv.h"
#include "loan_calc.h"
#include "meeting.h"
#include "member.h"
#include "simpin.h"
#include "table.h"
#include "validate.h"

/* ---- how a column is read --------------------------------------------------------------- */

enum imp_how {
	IH_TYPE,          /* by the column's type and flags (what a table need not name) */
	IH_OR_DEFAULT,    /* text: empty keeps the default the table's init gave */
	IH_OPT_UUID,      /* a UUID naming another row, or empty */
	IH_FLAG,          /* 0 or 1; empty is 0 */
	IH_REQUIRED_FLAG, /* 0 or 1, never empty */
	IH_NUM_UNSET,     /* rupiah whose empty value is -1, which the table's check refuses */
	IH_RATE,          /* a monthly rate in hundredths of a percent (jasa_persen_bulan) */
	IH_HOOK,          /* the table's own reader (struct imp_spec's hook) */
	/* what IH_TYPE comes to */
	IH_OWN_ID, IH_KEY_ID, IH_STAMP, IH_DELETED, IH_TEXT, IH_NUM, IH_SMALL, IH_NONZERO
};

/* A column read otherwise than by its type. */
struct imp_col_how {
	const char *col;
	enum imp_how how;
};

/* A row the current row names: column col holds the id of a row of table parent. optional:
 * an empty or malformed value was said already (IH_OPT_UUID, IH_KEY_ID), so look only at a
 * well-formed one. reason: a msgid. */
struct imp_ref_def {
	const char *col, *parent;
	int optional;
	const char *reason;
};

/* What a table's row needs beyond its descriptor. */
struct imp_spec {
	const table_def *t;
	size_t size;                       /* its row struct */
	void (*init)(void *row);           /* defaults of the row before its fields; NULL: zeroes */
	enum imp_how ints;                 /* how an int column is read: IH_TYPE is imp_small */
	struct imp_col_how how[4];         /* the columns read otherwise than by their type */
	void (*hook)(struct imp_file *fl, const table_col *c, void *row);  /* IH_HOOK columns */
	/* What is derived from the fields, then the table's field rules into is (cleared). */
	void (*check)(struct imp_file *fl, void *row, sk_issues *is);
	struct imp_ref_def refs[3];        /* the rows named, looked up in this order */
	imp_store_fn store;
	/* 1: store inserts a new row as table_store does (IMP_STORE of a store_raw), so a lean
	 * pass may insert the table's new rows many at a time (struct imp_file's batch). */
	int batch;
};

/* The typed store and field rules of a table as the untyped functions SPECS holds: C has no
 * other way to pass a function of a row struct where a void * row comes. */
#define IMP_STORE(tag, fn) \
	static int store_##tag(sk_db *db, const void *row, int insert, sk_err *e) \
	{ \
		return fn(db, row, insert, e); \
	}
#define IMP_FIELDS(tag, fn) \
	static void check_##tag(struct imp_file *fl, void *row, sk_issues *is) \
	{ \
		(void)fl; \
		fn(row, is); \
	}

/* An optional column c naming a row by its UUID. A well-formed one (or none) is copied as
 * it stands; anything else is read as text, to be told as before (not UTF-8, too long). */
static void optional_uuid(struct imp_file *fl, int c, char *dst, size_t n)
{
	const char *v = imp_field(fl, c);
	if (n > SK_UUID_LEN && !*v) {
		*dst = '\0';
		return;
	}
	if (n > SK_UUID_LEN && sk_uuid_valid(v)) {
		imp_id_ok(fl, c, dst, v);
		return;
	}
	imp_text(fl, c, dst, n);
	if (*dst && !sk_uuid_valid(dst))
		imp_bad(fl, BUNDLE_TABLES[fl->table].cols[c].name, dst,
			_("Harus UUID huruf kecil 36 karakter, atau kosong."));
}

/* A rate column (jasa_persen_bulan) into *out (hundredths); a problem when it is not one. */
static void rate_field(struct imp_file *fl, const char *name, int *out)
{
	const char *v = imp_val(fl, name);
	int rc = loan_rate_parse(v, out);
	if (rc == FX_SYNTAX)
		imp_bad(fl, name, v, _("Jasa ditulis angka dengan paling banyak dua desimal, "
				       "misalnya 1.5."));
	else if (rc == FX_RANGE)
		/* xgettext:no-c-format */
		imp_bad(fl, name, v, _("Jasa paling tinggi 10% sebulan."));
}

/* Every row struct an import row may fill. */
union imp_row {
	sk_group g;
	sk_member m;
	sk_assessment a;
	sk_meeting p;
	sk_attendance h;
	sk_cash_row k;
	sk_cash_close t;
	sk_cycle y;
	sk_saving s;
	sk_loan l;
	sk_repay r;
	sk_fine f;
	sk_share b;
	sk_evaluation ev;
};

/* Before an update: the columns of row (a struct of t, size bytes) that stay in this
 * database (TC_LOCAL, with their has_ flags) from the stored row with row's key. SK_OK, or
 * SK_NOTFOUND with notfound or the database error in e. */
static int keep_local(sk_db *db, const table_def *t, void *row, size_t size,
		      const char *notfound, sk_err *e)
{
	union imp_row old;
	int rc = table_get_by(db, t, row, &old, size, notfound, e);
	for (int i = 0; rc == SK_OK && i < t->ncols; i++) {
		const table_col *c = &t->cols[i];
		if (!(c->flags & TC_LOCAL))
			continue;
		memcpy((char *)row + c->off, (char *)&old + c->off, c->size);
		if (c->has >= 0)
			memcpy((char *)row + c->has, (char *)&old + c->has, sizeof(int));
	}
	return rc;
}

/* ---- kelompok, anggota ------------------------------------------------------------------- */

/* group_init's defaults (zeroes, jenis_usaha lainnya, tingkat tumbuh). */
static void init_group(void *row)
{
	group_init(row);
}

static void check_group(struct imp_file *fl, void *row, sk_issues *is)
{
	group_validate(fl->im->db, row, is);
}

IMP_STORE(group, group_store_raw)

static void init_member(void *row)
{
	strcpy(((sk_member *)row)->jabatan, "anggota");
}

static void check_member(struct imp_file *fl, void *row, sk_issues *is)
{
	member_validate_fields(fl->im->db, row, is);
}

IMP_STORE(member, member_store_raw)

/* ---- penilaian --------------------------------------------------------------------------- */

/* luas_lantai_m2: a decimal with at most two places. */
static void read_luas(struct imp_file *fl, const table_col *c, void *row)
{
	sk_assessment *a = row;
	char msg[240];
	const char *luas = imp_val(fl, c->name);
	a->has_luas = *luas != '\0';
	if (a->has_luas &&
	    assessment_parse_luas(luas, 0, &a->luas_lantai_m2, msg, sizeof msg) != 0) {
		imp_bad(fl, c->name, luas, msg);
		a->has_luas = 0; /* said once: not again by the field rules */
	}
}

/* skor and kategori are derived: recomputed from the criteria, never read. */
static void check_assessment(struct imp_file *fl, void *row, sk_issues *is)
{
	assessment_score(row, fl->im->threshold);
	assessment_validate_fields(row, is);
}

/* nilai_tabungan and ditimpa do not travel: an update keeps the stored ones. */
static int store_assessment(sk_db *db, const void *row, int insert, sk_err *e)
{
	sk_assessment a = *(const sk_assessment *)row;
	int rc = insert ? SK_OK : keep_local(db, &ASSESSMENT_TABLE, &a, sizeof a,
					     _("Penilaian tidak ditemukan."), e);
	return rc == SK_OK ? assessment_store_raw(db, &a, insert, e) : rc;
}

/* ---- pertemuan, kehadiran, kas ----------------------------------------------------------- */

IMP_FIELDS(meeting, meeting_validate_fields)
IMP_STORE(meeting, meeting_store_raw)
IMP_FIELDS(attendance, attendance_validate_fields)
IMP_STORE(attendance, attendance_store_raw)
IMP_FIELDS(cash, cash_validate_fields)
IMP_STORE(cash, cash_store_raw)

/* ---- tutup_buku (table tutup_kas) -------------------------------------------------------- */

/* selisih is derived; ditutup_oleh does not travel (an update keeps it). */
static int store_close(sk_db *db, const void *row, int insert, sk_err *e)
{
	sk_cash_close c = *(const sk_cash_close *)row;
	int rc = insert ? SK_OK : keep_local(db, &TUTUP_KAS_TABLE, &c, sizeof c,
					     _("Tutup buku tidak ditemukan."), e);
	c.selisih = c.saldo_hitung - c.saldo_buku;
	return rc == SK_OK ? table_store(db, &TUTUP_KAS_TABLE, &c, insert,
					 N_("Tutup buku tidak ditemukan."), e) : rc;
}

/* 1 when s is YYYY-MM of a real month. */
static int valid_month(const char *s)
{
	char day[16];
	if (strlen(s) != 7)
		return 0;
	snprintf(day, sizeof day, "%s-01", s);
	return valid_date(day);
}

/* buku, bulan, tanggal and the two sums (tutup_kas has no field rules of its own). */
static void check_close(struct imp_file *fl, void *row, sk_issues *is)
{
	const sk_cash_close *c = row;
	(void)is;
	if (!valid_cash_buku(c->buku))
		imp_bad(fl, "buku", c->buku, _("Buku kas harus umum, iks atau simpin."));
	if (!valid_month(c->bulan))
		imp_bad(fl, "bulan", c->bulan, _("Bulan ditulis TTTT-BB, misalnya 2026-11."));
	if (!valid_date(c->tanggal))
		imp_bad(fl, "tanggal", c->tanggal, _("Tanggal wajib, tulis TTTT-BB-HH, misalnya "
						     "2025-03-15."));
	if (c->saldo_buku < 0)
		imp_bad(fl, "saldo_buku", imp_val(fl, "saldo_buku"),
			_("Saldo buku diisi rupiah 0 atau lebih."));
	if (c->saldo_hitung < 0)
		imp_bad(fl, "saldo_hitung", imp_val(fl, "saldo_hitung"),
			_("Uang yang dihitung diisi rupiah 0 atau lebih."));
}

/* ---- savings and loans (format 2, docs/simpin.md) ---------------------------------------- */

/* batas_pinjaman_kali: times the savings, two decimals at most, empty for no limit. */
static void read_limit(struct imp_file *fl, const table_col *c, void *row)
{
	sk_cycle *y = row;
	const char *v = imp_val(fl, c->name);
	int kali = -1, rc = loan_limit_parse(v, &kali);
	if (rc == FX_SYNTAX)
		imp_bad(fl, c->name, v, _("Batas pinjaman ditulis angka dengan paling banyak dua "
					  "desimal, misalnya 2 atau 1.5, atau kosong "
					  "(tanpa batas)."));
	else if (rc == FX_RANGE)
		imp_bad(fl, c->name, v, _("Batas pinjaman paling banyak 1000 kali simpanan."));
	y->has_batas = rc == FX_OK && kali >= 0;
	y->batas_pinjaman_kali = y->has_batas ? kali : 0;
}

static void init_loan(void *row)
{
	strcpy(((sk_loan *)row)->sumber, "simpin");
}

IMP_FIELDS(cycle, cycle_validate_fields)
IMP_STORE(cycle, cycle_store_raw)
IMP_FIELDS(saving, saving_validate_fields)
IMP_STORE(saving, saving_store_raw)
IMP_FIELDS(loan, loan_validate_fields)
IMP_STORE(loan, loan_store_raw)
IMP_FIELDS(repay, repay_validate_fields)
IMP_STORE(repay, repay_store_raw)
IMP_FIELDS(fine, fine_validate_fields)
IMP_STORE(fine, fine_store_raw)
IMP_FIELDS(share, share_validate_fields)
IMP_STORE(share, share_store_raw)

/* ---- evaluasi ---------------------------------------------------------------------------- */

/* skor and tingkat are derived: recomputed from the indicators, never read. */
static void check_evaluation(struct imp_file *fl, void *row, sk_issues *is)
{
	(void)fl;
	evaluation_derive(row);
	evaluation_validate_fields(row, is);
}

/* usulan and ditimpa do not travel: an update keeps the stored proposals and marks the
 * overrides of the scores it brings against them. */
static int store_evaluation(sk_db *db, const void *row, int insert, sk_err *e)
{
	sk_evaluation ev = *(const sk_evaluation *)row;
	int rc = insert ? SK_OK : keep_local(db, &EVALUATION_TABLE, &ev, sizeof ev,
					     _("Penilaian perkembangan tidak ditemukan."), e);
	if (rc == SK_OK && !insert)
		evaluation_mark_overrides(&ev);
	return rc == SK_OK ? evaluation_store_raw(db, &ev, insert, e) : rc;
}

/* ---- the tables, in enum bundle_table order ---------------------------------------------- */

/* The rows named most often. */
#define REF_GROUP(msg) { "kelompok_id", "kelompok", 0, msg }
#define REF_MEMBER { "anggota_id", "anggota", 0, N_("Anggota tidak ditemukan.") }
#define REF_CYCLE { "siklus_id", "siklus", 0, N_("Siklus simpan pinjam tidak ditemukan.") }
#define REF_MEETING_OPT { "pertemuan_id", "pertemuan", 1, N_("Pertemuan tidak ditemukan.") }
#define REVERSAL_OPT { "pertemuan_id", IH_OPT_UUID }, { "membalik_id", IH_OPT_UUID }

static const struct imp_spec SPECS[BT_COUNT] = {
	[BT_KELOMPOK] = { &KELOMPOK_TABLE, sizeof(sk_group), .init = init_group,
			  .how = { { "jenis_usaha", IH_OR_DEFAULT }, { "tingkat", IH_OR_DEFAULT } },
			  .check = check_group, .store = store_group },
	[BT_ANGGOTA] = { &ANGGOTA_TABLE, sizeof(sk_member), .init = init_member,
			 .how = { { "jabatan", IH_OR_DEFAULT }, { "terdaftar_dtsen", IH_FLAG },
				  { "peserta_pkh", IH_FLAG } },
			 .check = check_member, .store = store_member,
			 .refs = { REF_GROUP(N_("Kelompok anggota tidak ditemukan.")) } },
	[BT_PENILAIAN] = { &ASSESSMENT_TABLE, sizeof(sk_assessment), .ints = IH_REQUIRED_FLAG,
			   .how = { { "luas_lantai_m2", IH_HOOK } }, .hook = read_luas,
			   .check = check_assessment, .store = store_assessment,
			   .refs = { { "anggota_id", "anggota", 0,
				       N_("Anggota yang dinilai tidak ditemukan.") } } },
	[BT_PERTEMUAN] = { &PERTEMUAN_TABLE, sizeof(sk_meeting),
			   .how = { { "pendamping_hadir", IH_FLAG } }, .check = check_meeting,
			   .store = store_meeting, .batch = 1,
			   .refs = { REF_GROUP(N_("Kelompok pertemuan tidak ditemukan.")) } },
	[BT_KEHADIRAN] = { &KEHADIRAN_TABLE, sizeof(sk_attendance), .check = check_attendance,
			   .store = store_attendance, .batch = 1,
			   .refs = { { "pertemuan_id", "pertemuan", 1,
				       N_("Pertemuan tidak ditemukan.") },
				     { "anggota_id", "anggota", 1,
				       N_("Anggota tidak ditemukan.") } } },
	[BT_KAS] = { &KAS_TABLE, sizeof(sk_cash_row),
		     .how = { REVERSAL_OPT, { "sumber_id", IH_OPT_UUID } }, .check = check_cash,
		     .store = store_cash, .batch = 1,
		     .refs = { REF_GROUP(N_("Kelompok tidak ditemukan.")), REF_MEETING_OPT } },
	[BT_TUTUP_BUKU] = { &TUTUP_KAS_TABLE, sizeof(sk_cash_close),
			    .how = { { "saldo_buku", IH_NUM_UNSET },
				     { "saldo_hitung", IH_NUM_UNSET } },
			    .check = check_close, .store = store_close,
			    .refs = { REF_GROUP(N_("Kelompok tidak ditemukan.")) } },
	[BT_SIKLUS] = { &CYCLE_TABLE, sizeof(sk_cycle),
			.how = { { "jasa_persen_bulan", IH_RATE },
				 { "batas_pinjaman_kali", IH_HOOK } },
			.hook = read_limit, .check = check_cycle, .store = store_cycle, .batch = 1,
			.refs = { REF_GROUP(N_("Kelompok siklus tidak ditemukan.")) } },
	[BT_SIMPANAN] = { &SAVING_TABLE, sizeof(sk_saving), .how = { REVERSAL_OPT },
			  .check = check_saving, .store = store_saving, .batch = 1,
			  .refs = { REF_CYCLE, REF_MEMBER, REF_MEETING_OPT } },
	[BT_PINJAMAN] = { &LOAN_TABLE, sizeof(sk_loan), .init = init_loan,
			  .how = { { "jasa_persen_bulan", IH_RATE }, { "sumber", IH_OR_DEFAULT },
				   { "pertemuan_id", IH_OPT_UUID } },
			  .check = check_loan, .store = store_loan, .batch = 1,
			  .refs = { REF_CYCLE, REF_MEMBER, REF_MEETING_OPT } },
	[BT_ANGSURAN] = { &REPAY_TABLE, sizeof(sk_repay), .how = { REVERSAL_OPT },
			  .check = check_repay, .store = store_repay, .batch = 1,
			  .refs = { { "pinjaman_id", "pinjaman", 0,
				      N_("Pinjaman tidak ditemukan.") },
				    REF_MEETING_OPT } },
	[BT_DENDA] = { &FINE_TABLE, sizeof(sk_fine),
		       .how = { { "dibebaskan", IH_FLAG }, { "pertemuan_id", IH_OPT_UUID } },
		       .check = check_fine, .store = store_fine, .batch = 1,
		       .refs = { REF_CYCLE, REF_MEMBER, REF_MEETING_OPT } },
	[BT_BAGI_HASIL] = { &SHARE_TABLE, sizeof(sk_share), .check = check_share,
			    .store = store_share, .batch = 1, .refs = { REF_CYCLE, REF_MEMBER } },
	[BT_EVALUASI] = { &EVALUATION_TABLE, sizeof(sk_evaluation), .check = check_evaluation,
			  .store = store_evaluation,
			  .refs = { REF_GROUP(N_("Kelompok yang dinilai tidak ditemukan.")) } },
};

/* ---- the plan of a table: its descriptor's bundle columns, each with its reader ----------- */

#define IMP_REFS_MAX ((int)(sizeof SPECS[0].refs / sizeof SPECS[0].refs[0]))
#define IMP_HOW_MAX ((int)(sizeof SPECS[0].how / sizeof SPECS[0].how[0]))

struct imp_step {
	enum imp_how how;
	const table_col *c;
	int col;                        /* its index among the bundle's columns (imp_field) */
};

struct imp_plan {
	int n;                          /* steps; 0: not made yet */
	struct imp_step step[IMP_MAX_COLS];
	int nkeys;
	size_t key[2], stamp;           /* offsets of the key fields and diubah_pada */
	size_t ref[IMP_REFS_MAX];       /* offset of each named row's field */
	int ref_col[IMP_REFS_MAX];      /* its bundle column (struct imp_step) */
};

static struct imp_plan PLANS[BT_COUNT];

/* The reader of column c of sp's table (nkeys key columns). */
static enum imp_how how_of(const struct imp_spec *sp, const table_col *c, int nkeys)
{
	for (int i = 0; i < IMP_HOW_MAX && sp->how[i].col; i++)
		if (strcmp(sp->how[i].col, c->name) == 0)
			return sp->how[i].how;
	if (c->flags & TC_KEY)
		return nkeys == 1 ? IH_OWN_ID : IH_KEY_ID;
	if (strcmp(c->name, "diubah_pada") == 0)
		return IH_STAMP;
	if (strcmp(c->name, "dihapus") == 0)
		return IH_DELETED;
	if (c->type == TC_TEXT)
		return IH_TEXT;
	if (c->type == TC_INT64)
		return IH_NUM;
	if (c->type == TC_INT && (c->flags & TC_ZERO_NULL))
		return IH_NONZERO;
	if (c->type == TC_INT)
		return c->has < 0 && sp->ints != IH_TYPE ? sp->ints : IH_SMALL;
	abort(); /* a decimal column: its table names its reader (IH_HOOK) */
}

/* The index of column name in bundle table bt; every column of a table but its TC_LOCAL
 * ones is in its file (bundle.c), so a name it lacks is a programmer error. */
static int file_col(int bt, const char *name)
{
	int i = bundle_col_index(bt, name);
	if (i < 0)
		abort();
	return i;
}

/* The field offset of column name of t; a name t lacks is a programmer error. */
static size_t offset_of(const table_def *t, const char *name)
{
	int i = table_col_index(t, name);
	if (i < 0)
		abort();
	return t->cols[i].off;
}

static void plan_make(int bt, const struct imp_spec *sp, struct imp_plan *p)
{
	const table_def *t = sp->t;
	int keys = 0;
	for (int i = 0; i < t->ncols; i++)
		p->nkeys += (t->cols[i].flags & TC_KEY) != 0;
	for (int i = 0; i < t->ncols; i++) {
		const table_col *c = &t->cols[i];
		if (c->flags & (TC_LOCAL | TC_DERIVED))
			continue;
		if ((c->flags & TC_KEY) && keys < 2)
			p->key[keys++] = c->off;
		p->step[p->n++] = (struct imp_step){ how_of(sp, c, p->nkeys), c,
						     file_col(bt, c->name) };
	}
	p->stamp = offset_of(t, "diubah_pada");
	for (int i = 0; i < IMP_REFS_MAX && sp->refs[i].col; i++) {
		p->ref[i] = offset_of(t, sp->refs[i].col);
		p->ref_col[i] = file_col(bt, sp->refs[i].col);
	}
}

/* Read column s of the current row into row. */
static void read_col(struct imp_file *fl, const struct imp_spec *sp, const struct imp_step *s,
		     char *row)
{
	const table_col *c = s->c;
	void *v = row + c->off;
	int *has = c->has >= 0 ? (int *)(row + c->has) : NULL;
	switch (s->how) {
	case IH_OWN_ID: imp_own_id(fl, s->col, v); break;
	case IH_KEY_ID: imp_key_id(fl, s->col, v); break;
	case IH_STAMP: imp_stamp(fl, s->col, v); break;
	case IH_DELETED: *(int *)v = imp_deleted_flag(fl, s->col); break;
	case IH_TEXT: imp_text(fl, s->col, v, c->size); break;
	case IH_OR_DEFAULT: imp_text_or_default(fl, s->col, v, c->size); break;
	case IH_OPT_UUID: optional_uuid(fl, s->col, v, c->size); break;
	case IH_NUM: *(int64_t *)v = imp_num(fl, s->col, 0, has); break;
	case IH_NUM_UNSET: *(int64_t *)v = imp_num(fl, s->col, -1, has); break;
	case IH_SMALL: *(int *)v = imp_small(fl, s->col, 0, has); break;
	case IH_NONZERO: *(int *)v = imp_optional_nonzero(fl, s->col); break;
	case IH_FLAG: *(int *)v = imp_flag(fl, s->col); break;
	case IH_REQUIRED_FLAG: *(int *)v = imp_required_flag(fl, s->col); break;
	case IH_RATE: rate_field(fl, s->c->name, v); break;
	case IH_HOOK: sp->hook(fl, c, row); break;
	case IH_TYPE: abort();
	}
}

void imp_row(struct imp_file *fl)
{
	const struct imp_spec *sp = &SPECS[fl->table];
	struct imp_plan *p = &PLANS[fl->table];
	union imp_row u;
	char *row = (char *)&u;
	sk_issues is;
	if (!sp->t || sp->size > sizeof u)
		abort(); /* a table without its entry in SPECS (src/bundle.c says how to add one) */
	if (!p->n)
		plan_make(fl->table, sp, p);
	if (sp->batch && !fl->batch.t)
		table_batch_init(&fl->batch, sp->t, sp->size, "");
	memset(row, 0, sp->size);
	fl->ids_ok = 0;
	if (sp->init)
		sp->init(row);
	for (int i = 0; i < p->n; i++)
		read_col(fl, sp, &p->step[i], row);
	sk_issues_clear(&is);
	sp->check(fl, row, &is);
	imp_report_issues(fl, &is);
	for (int i = 0; i < IMP_REFS_MAX && sp->refs[i].col; i++) {
		const struct imp_ref_def *r = &sp->refs[i];
		const char *v = row + p->ref[i];
		int checked = (fl->ids_ok >> p->ref_col[i]) & 1; /* by its reader: a UUID */
		if (r->optional && (!*v || (!checked && !sk_uuid_valid(v))))
			continue;
		imp_ref(fl, p->ref_col[i], r->parent, r->optional, checked,
			r->reason);
	}
	imp_merge(fl, row + p->key[0], p->nkeys > 1 ? row + p->key[1] : NULL, row + p->stamp,
		  sp->store, row);
}
