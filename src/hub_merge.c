/* hub_merge.c - the rows the importer stored in the staging database go to the server by
 * COPY (stg_<table>, with each row's group and province) and are merged set-wise into the
 * hub tables: INSERT ... ON CONFLICT ... DO UPDATE WHERE the staged row is newer or, on the
 * same stamp, greater (spec/bundle.md "Ties converge"). Before that: the NIK check across
 * offices and the rows whose province changed; after it: the NIK index and each touched
 * group's figures (sikube.ringkas). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hub_unit.h"
#include "i18n.h"

/* ---- staged rows to the server ------------------------------------------------------------- */

/* The SQL expression of the group id of row `a` of table t, found through each table's
 * parent column: over the staging database (schema "", a = "q") or over the hub (schema
 * "sikube.", a = "x", the parents looked up in the row's province). */
static void group_expr(hub_sql *q, const hub_table *t, const char *schema, const char *a)
{
	const hub_table *tabs = hub_tables();
	if (t->parent < 0) {
		hub_sql_add(q, "%s.id", a);
		return;
	}
	char prov[32] = "";
	if (*schema)
		snprintf(prov, sizeof prov, " AND y.prov = %s.prov", a);
	hub_sql inner = { 0 };
	hub_sql_add(&inner, "%s.%s", a, t->def->cols[t->parent_col].name);
	for (int p = t->parent; tabs[p].parent >= 0; p = tabs[p].parent) {
		hub_sql next = { 0 };
		hub_sql_add(&next, "(SELECT y.%s FROM %s%s y WHERE y.id = %s%s)",
			    tabs[p].def->cols[tabs[p].parent_col].name, schema,
			    *schema ? tabs[p].def->name : tabs[p].def->db_table,
			    inner.s, prov);
		hub_sql_free(&inner);
		inner = next;
	}
	hub_sql_add(q, "%s", inner.s);
	hub_sql_free(&inner);
}

/* The staging database's query of the rows of t stored by the import, with each row's group
 * and province. Built once and kept: db_prepare caches statements by their text's address. */
static const char *staged_sql(const hub_table *t)
{
	static char *sql[BT_COUNT];
	if (!sql[t->bt]) {
		hub_sql q = { 0 };
		hub_sql_add(&q, "SELECT q.*, g.id, substr(g.kode_wilayah, 1, 2) FROM (%s) q LEFT JOIN "
			    "kelompok g ON g.id = ", t->def->select_since);
		group_expr(&q, t, "", "q");
		sql[t->bt] = q.s;
	}
	return sql[t->bt];
}

static int copy_staged(struct hub_unit *u, const hub_table *t, hub_copy *cp, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(u->stage, staged_sql(t), e);
	if (!st)
		return SK_DBERR;
	/* Rows stored by this import: disimpan_pada set (the seeded rows have none). */
	db_bind_text(st, ":sejak", "~");
	db_bind_text(st, ":disimpan", "0");
	int rc, n = t->def->ncols;
	const char *v[HUB_MAX_COLS];
	char sidik[HUB_SIDIK_LEN + 1];
	if (n > HUB_MAX_COLS)
		abort(); /* a bundle table wider than the hub's buffers: programmer error */
	while ((rc = db_step(u->stage, st, e)) == SQLITE_ROW && !cp->failed) {
		for (int c = 0; c < n; c++) {
			v[c] = (const char *)sqlite3_column_text(st, c);
			hub_copy_field(cp, v[c]);
		}
		hub_row_sidik(t, v, sidik);
		hub_copy_field(cp, sidik);
		hub_copy_field(cp, (const char *)sqlite3_column_text(st, n));
		hub_copy_field(cp, (const char *)sqlite3_column_text(st, n + 1));
		hub_copy_eol(cp);
		u->staged[t->bt]++;
	}
	db_reset(st);
	return rc == SQLITE_DONE || (rc == SQLITE_ROW && cp->failed) ? SK_OK : SK_DBERR;
}

int hub_stage_copy(hub *h, struct hub_unit *u, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	int rc = db_begin_read(u->stage, e);
	for (int t = 0; rc == SK_OK && t < BT_COUNT; t++) {
		const char *name = tabs[t].def->name;
		hub_sql q = { 0 };
		hub_sql_add(&q, "CREATE TEMP TABLE stg_%s ON COMMIT DROP AS SELECT ", name);
		hub_cols(&q, &tabs[t], "");
		hub_sql_add(&q, ", sidik, NULL::uuid AS grp, prov FROM " HUB_SCHEMA ".%s WITH NO DATA", name);
		rc = hub_exec(h, q.s, e);
		hub_sql_free(&q);
		if (rc != SK_OK)
			break;
		hub_sql_add(&q, "COPY pg_temp.stg_%s (", name);
		hub_cols(&q, &tabs[t], "");
		hub_sql_add(&q, ", sidik, grp, prov) FROM STDIN");
		hub_copy cp;
		rc = hub_copy_begin(h, &cp, q.s, e);
		hub_sql_free(&q);
		if (rc != SK_OK)
			break;
		rc = copy_staged(u, &tabs[t], &cp, e);
		int crc = hub_copy_end(&cp, rc == SK_OK);
		if (rc == SK_OK)
			rc = crc;
		/* the joins of the merge need the row counts and the keys' spread, not a fine
		 * histogram: a small sample (3,000 rows, not 30,000) */
		if (rc == SK_OK && u->staged[t])
			rc = hub_execf(h, e, "SET LOCAL default_statistics_target = 10; "
				       "ANALYZE pg_temp.stg_%s; RESET default_statistics_target", name);
	}
	db_end(u->stage, 1, NULL);
	return rc;
}

/* ---- one NIK, one active member, across offices ------------------------------------------- */

int hub_check_nik(hub *h, struct hub_unit *u, sk_err *e)
{
	int a = hub_member_table();
	if (a < 0 || u->staged[a] == 0 || bundle_col_index(a, "nik") < 0)
		return SK_OK;
	char sql[1400];
	/* The other member is in another group the staging database did not hold (a group
	 * the unit touches was seeded whole: the importer has judged those). */
	snprintf(sql, sizeof sql,
		 "SELECT r.src, r.baris, s.nik, g.nama, g.kode, g.kode_wilayah, coalesce(w.nama, '') "
		 "FROM pg_temp.stg_anggota s JOIN " HUB_SCHEMA ".nik_aktif n ON n.nik = s.nik AND "
		 "n.anggota_id <> s.id JOIN " HUB_SCHEMA ".anggota o ON o.id = n.anggota_id AND "
		 "o.prov = n.prov JOIN " HUB_SCHEMA ".kelompok g ON g.id = o.kelompok_id AND "
		 "g.prov = o.prov LEFT JOIN " HUB_SCHEMA ".wilayah w ON w.kode = g.kode_wilayah "
		 "LEFT JOIN pg_temp.ref r ON r.t = %d AND r.own AND r.id = s.id "
		 "WHERE s.dihapus = 0 AND s.tanggal_keluar IS NULL AND NOT EXISTS (SELECT 1 FROM "
		 "pg_temp.stg_anggota x WHERE x.id = n.anggota_id) ORDER BY r.src, r.baris", a);
	PGresult *r = hub_query(h, sql, 0, NULL, e);
	if (!r)
		return SK_DBERR;
	int n = PQntuples(r);
	for (int i = 0; i < n; i++) {
		char berkas[PATH_MAX + 64], why[600];
		int src = PQgetisnull(r, i, 0) ? 0 : atoi(PQgetvalue(r, i, 0));
		hub_unit_label(u, src, a, berkas, sizeof berkas);
		snprintf(why, sizeof why, _("NIK sudah aktif di kelompok %s (%s) wilayah %s %s, dari kantor "
					    "lain di hub. Satu NIK hanya boleh aktif di satu kelompok: "
					    "selesaikan dengan kantor itu lalu kirim lagi."),
			 PQgetvalue(r, i, 3), PQgetvalue(r, i, 4), PQgetvalue(r, i, 5),
			 PQgetvalue(r, i, 6));
		/* the NIK is masked as import masks it */
		import_problem_add(u->problems, berkas, PQgetisnull(r, i, 1) ? 0 :
				   atoll(PQgetvalue(r, i, 1)), "nik", PQgetvalue(r, i, 2), why);
	}
	PQclear(r);
	return n ? SK_REFUSED : SK_OK;
}

/* ---- rows whose province changed ----------------------------------------------------------- */

/* "a.k1 = b.k1 AND ..." over the key columns only (not prov). */
static void key_eq(hub_sql *q, const hub_table *t, const char *a, const char *b)
{
	for (int k = 0; k < t->nkey; k++) {
		const char *c = t->def->cols[t->key[k]].name;
		hub_sql_add(q, "%s%s.%s = %s.%s", k ? " AND " : "", a, c, b, c);
	}
}

/* pindah_<t>: rows of t that change province: staged rows whose hub version is elsewhere,
 * and the hub rows of a moved parent that the unit does not bring itself. */
static int collect_moves(hub *h, const hub_table *t, sk_err *e)
{
	const char *name = t->def->name;
	hub_sql q = { 0 };
	hub_sql_add(&q, "CREATE TEMP TABLE pindah_%s ON COMMIT DROP AS SELECT ", name);
	hub_key_list(&q, t, "s");
	hub_sql_add(&q, ", d.prov AS lama, s.prov AS baru FROM pg_temp.stg_%s s JOIN pg_temp.seed_%s d "
		    "ON ", name, name);
	key_eq(&q, t, "s", "d");
	hub_sql_add(&q, " WHERE d.prov <> s.prov");
	if (t->parent >= 0) {
		const hub_table *p = &hub_tables()[t->parent];
		const char *pc = t->def->cols[t->parent_col].name;
		hub_sql_add(&q, " UNION SELECT ");
		hub_key_list(&q, t, "x");
		hub_sql_add(&q, ", m.lama, m.baru FROM " HUB_SCHEMA ".%s x JOIN pg_temp.pindah_%s m ON "
			    "x.prov = m.lama AND x.%s = m.id WHERE NOT EXISTS (SELECT 1 FROM "
			    "pg_temp.stg_%s s WHERE ", name, p->def->name, pc, name);
		key_eq(&q, t, "s", "x");
		hub_sql_add(&q, ")");
	}
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	return rc;
}

static int apply_moves(hub *h, const hub_table *t, sk_err *e)
{
	hub_sql q = { 0 };
	hub_sql_add(&q, "UPDATE " HUB_SCHEMA ".%s x SET prov = m.baru FROM pg_temp.pindah_%s m WHERE ",
		    t->def->name, t->def->name);
	key_eq(&q, t, "x", "m");
	hub_sql_add(&q, " AND x.prov = m.lama");
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	return rc;
}

/* A group typed into the wrong province and corrected moves with all its rows. */
static int move_provinces(hub *h, const struct hub_unit *u, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	hub_sql q = { 0 };
	hub_sql_add(&q, "SELECT (false");
	for (int t = 0; t < BT_COUNT; t++) {
		if (!u->seeded[t] || !u->staged[t])
			continue; /* no hub version of a staged row to be elsewhere */
		hub_sql_add(&q, " OR EXISTS (SELECT 1 FROM pg_temp.stg_%s s JOIN pg_temp.seed_%s d ON ",
			    tabs[t].def->name, tabs[t].def->name);
		key_eq(&q, &tabs[t], "s", "d");
		hub_sql_add(&q, " WHERE d.prov <> s.prov)");
	}
	hub_sql_add(&q, ")::int");
	int ok;
	long long moved = hub_query_ll(h, q.s, 0, NULL, 0, &ok, e);
	hub_sql_free(&q);
	if (!ok)
		return SK_DBERR;
	if (moved == 0)
		return SK_OK;
	for (int t = 0; t < BT_COUNT; t++)
		if (collect_moves(h, &tabs[t], e) != SK_OK)
			return SK_DBERR;
	for (int t = BT_COUNT - 1; t >= 0; t--)
		if (apply_moves(h, &tabs[t], e) != SK_OK)
			return SK_DBERR;
	int a = hub_member_table();
	return a < 0 ? SK_OK : hub_exec(h, "UPDATE " HUB_SCHEMA ".nik_aktif n SET prov = m.baru FROM "
					"pg_temp.pindah_anggota m WHERE n.anggota_id = m.id", e);
}

/* ---- the merge ----------------------------------------------------------------------------- */

/* "concat(a.c1, ',', a.c2, ...)": the row as the tie rule compares it. */
static void tie_text(hub_sql *q, const hub_table *t, const char *a)
{
	hub_sql_add(q, "concat(");
	for (int c = 0; c < t->def->ncols; c++)
		hub_sql_add(q, "%s%s.%s", c ? ", ',', " : "", a, t->def->cols[c].name);
	hub_sql_add(q, ") COLLATE \"C\"");
}

/* Merge stg_<t> into the hub table. fresh: the importer added every staged row (none had a
 * version in the staging database, which was seeded with the hub's version of every row
 * the unit brings): a plain INSERT, without the conflict check per row (a third of the
 * merge's time on a first load); should a hub row be there after all, the unique key
 * refuses the unit instead of merging quietly. */
static int merge_table(hub *h, const hub_table *t, int fresh, sk_err *e)
{
	const char *name = t->def->name, *stamp = t->def->cols[t->stamp_col].name;
	hub_sql q = { 0 };
	hub_sql_add(&q, "INSERT INTO " HUB_SCHEMA ".%s AS h (", name);
	hub_cols(&q, t, "");
	hub_sql_add(&q, ", sidik, prov) SELECT ");
	hub_cols(&q, t, "");
	hub_sql_add(&q, ", sidik, prov FROM pg_temp.stg_%s", name);
	if (fresh) {
		int rc = hub_exec(h, q.s, e);
		hub_sql_free(&q);
		return rc;
	}
	hub_sql_add(&q, " ON CONFLICT (");
	hub_key_list(&q, t, "");
	hub_sql_add(&q, ", prov) DO UPDATE SET ");
	int first = 1;
	for (int c = 0; c < t->def->ncols; c++) {
		int key = 0;
		for (int k = 0; k < t->nkey; k++)
			key |= t->key[k] == c;
		if (key)
			continue;
		hub_sql_add(&q, "%s%s = EXCLUDED.%s", first ? "" : ", ", t->def->cols[c].name,
			    t->def->cols[c].name);
		first = 0;
	}
	hub_sql_add(&q, ", sidik = EXCLUDED.sidik WHERE EXCLUDED.%s > h.%s OR (EXCLUDED.%s = h.%s AND ", stamp, stamp, stamp,
		    stamp);
	tie_text(&q, t, "EXCLUDED");
	hub_sql_add(&q, " > ");
	tie_text(&q, t, "h");
	hub_sql_add(&q, ")");
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	return rc;
}

/* sentuh: the groups whose figures may change: the groups of the staged rows and of the
 * hub versions they replace (read before the merge). */
static int touched_groups(hub *h, struct hub_unit *u, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	hub_sql q = { 0 };
	hub_sql_add(&q, "CREATE TEMP TABLE sentuh ON COMMIT DROP AS SELECT grp AS id, prov FROM (");
	int n = 0;
	for (int t = 0; t < BT_COUNT; t++) {
		if (!u->staged[t])
			continue;
		hub_sql_add(&q, "%sSELECT grp, prov FROM pg_temp.stg_%s", n++ ? " UNION " : "",
			    tabs[t].def->name);
		if (!u->seeded[t])
			continue; /* no hub version of its rows was there */
		hub_sql_add(&q, " UNION SELECT ");
		group_expr(&q, &tabs[t], HUB_SCHEMA ".", "x");
		hub_sql_add(&q, ", x.prov FROM " HUB_SCHEMA ".%s x JOIN pg_temp.seed_%s d ON ",
			    tabs[t].def->name, tabs[t].def->name);
		hub_key_match(&q, &tabs[t], "x", "d");
		hub_sql_add(&q, " WHERE EXISTS (SELECT 1 FROM pg_temp.stg_%s s WHERE ", tabs[t].def->name);
		key_eq(&q, &tabs[t], "s", "d");
		hub_sql_add(&q, ")");
	}
	hub_sql_add(&q, ") g WHERE grp IS NOT NULL");
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	return rc;
}

/* Each touched group's figures again, from its rows (deleted groups too; reports leave them
 * out), and the repayments of its loans summed (sikube.bayar). */
static int group_figures(hub *h, sk_err *e)
{
	return hub_execf(h, e,
		"DELETE FROM " HUB_SCHEMA ".ringkas r USING pg_temp.sentuh t WHERE r.kelompok_id = t.id;\n"
		"INSERT INTO " HUB_SCHEMA ".ringkas SELECT g.prov, g.id, coalesce(m.aktif, 0),\n"
		"  coalesce(m.dinilai, 0), coalesce(m.miskin, 0), coalesce(m.desil, 0),\n"
		"  (SELECT max(p.tanggal) FROM " HUB_SCHEMA ".pertemuan p WHERE p.prov = g.prov AND\n"
		"    p.kelompok_id = g.id AND p.dihapus = 0),\n"
		"  coalesce(k.umum, 0), coalesce(k.iks, 0), coalesce(k.iuran_iks, 0)\n"
		"FROM " HUB_SCHEMA ".kelompok g JOIN (SELECT DISTINCT id, prov FROM pg_temp.sentuh) t\n"
		"  ON t.id = g.id AND t.prov = g.prov\n"
		"LEFT JOIN LATERAL (SELECT count(*) aktif, count(l.skor) dinilai,\n"
		"    count(*) FILTER (WHERE l.skor >= %d) miskin,\n"
		"    count(*) FILTER (WHERE a.desil_dtsen BETWEEN 1 AND 4) desil\n"
		"  FROM " HUB_SCHEMA ".anggota a LEFT JOIN LATERAL (SELECT q.k01 + q.k02 + q.k03 + q.k04\n"
		"      + q.k05 + q.k06 + q.k07 + q.k08 + q.k09 + q.k10 + q.k11 + q.k12 + q.k13 + q.k14 skor\n"
		"    FROM " HUB_SCHEMA ".penilaian q WHERE q.prov = a.prov AND q.anggota_id = a.id AND\n"
		"      q.dihapus = 0 ORDER BY q.tanggal DESC, q.diubah_pada DESC, q.id DESC LIMIT 1) l\n"
		"    ON true\n"
		"  WHERE a.prov = g.prov AND a.kelompok_id = g.id AND a.dihapus = 0 AND\n"
		"    a.tanggal_keluar IS NULL) m ON true\n"
		"LEFT JOIN LATERAL (SELECT sum(masuk - keluar) FILTER (WHERE buku = 'umum') umum,\n"
		"    sum(masuk - keluar) FILTER (WHERE buku = 'iks') iks,\n"
		"    sum(masuk - keluar) FILTER (WHERE buku = 'iks' AND kategori = 'iuran_iks') iuran_iks\n"
		"  FROM " HUB_SCHEMA ".kas k WHERE k.prov = g.prov AND k.kelompok_id = g.id AND\n"
		"    k.dihapus = 0) k ON true;\n"
		"UPDATE " HUB_SCHEMA ".ringkas r SET simpanan = " HUB_SAVINGS_SQL("r.prov", "r.kelompok_id")
		" FROM (SELECT DISTINCT id, prov FROM pg_temp.sentuh) t WHERE r.kelompok_id = t.id AND\n"
		"  r.prov = t.prov;\n"
		"CREATE TEMP TABLE sentuh_pinjaman ON COMMIT DROP AS SELECT p.id FROM " HUB_SCHEMA
		".pinjaman p\n"
		"  JOIN " HUB_SCHEMA ".siklus c ON c.id = p.siklus_id AND c.prov = p.prov\n"
		"  JOIN (SELECT DISTINCT id, prov FROM pg_temp.sentuh) t ON t.id = c.kelompok_id AND\n"
		"    t.prov = c.prov;\n"
		"DELETE FROM " HUB_SCHEMA ".bayar b USING pg_temp.sentuh_pinjaman p WHERE\n"
		"  b.pinjaman_id = p.id;\n"
		"INSERT INTO " HUB_SCHEMA ".bayar " HUB_REPAID_SQL("r.pinjaman_id IN (SELECT id FROM "
		"pg_temp.sentuh_pinjaman)"), h->threshold);
}

/* The NIK index after the merge: the staged members as they now stand in the hub. */
static int nik_index(hub *h, struct hub_unit *u, sk_err *e)
{
	int a = hub_member_table();
	if (a < 0 || !u->staged[a])
		return SK_OK;
	return hub_exec(h, "DELETE FROM " HUB_SCHEMA ".nik_aktif WHERE anggota_id IN (SELECT id FROM "
			"pg_temp.stg_anggota);\n"
			"INSERT INTO " HUB_SCHEMA ".nik_aktif SELECT a.nik, a.id, a.prov FROM "
			HUB_SCHEMA ".anggota a JOIN pg_temp.stg_anggota s ON s.id = a.id AND "
			"s.prov = a.prov WHERE a.dihapus = 0 AND a.tanggal_keluar IS NULL AND "
			"a.nik IS NOT NULL", e);
}

/* The partitions of every province the staged rows are in (sikube.buat_partisi makes the
 * ones missing). */
static int partitions(hub *h, struct hub_unit *u, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	hub_sql q = { 0 };
	hub_sql_add(&q, "SELECT " HUB_SCHEMA ".buat_partisi(p) FROM (");
	int n = 0;
	for (int t = 0; t < BT_COUNT; t++)
		if (u->staged[t])
			hub_sql_add(&q, "%sSELECT DISTINCT prov AS p FROM pg_temp.stg_%s", n++ ? " UNION " : "",
				    tabs[t].def->name);
	hub_sql_add(&q, ") x");
	int rc = hub_exec(h, q.s, e);
	hub_sql_free(&q);
	return rc;
}

int hub_merge(hub *h, struct hub_unit *u, sk_err *e)
{
	const hub_table *tabs = hub_tables();
	long long staged = 0;
	for (int t = 0; t < BT_COUNT; t++)
		staged += u->staged[t];
	if (!staged)
		return SK_OK;
	int rc = partitions(h, u, e);
	if (rc == SK_OK)
		rc = touched_groups(h, u, e);
	if (rc == SK_OK)
		rc = move_provinces(h, u, e);
	for (int t = 0; rc == SK_OK && t < BT_COUNT; t++)
		if (u->staged[t])
			rc = merge_table(h, &tabs[t], u->res->t[t].updated == 0, e);
	if (rc == SK_OK)
		rc = nik_index(h, u, e);
	if (rc == SK_OK)
		rc = group_figures(h, e);
	if (rc == SK_OK)
		rc = hub_loan_schedules(h, "b.pinjaman_id IN (SELECT id FROM pg_temp.sentuh_pinjaman)", e);
	return rc;
}
