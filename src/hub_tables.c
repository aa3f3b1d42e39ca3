/* hub_tables.c - the bundle tables (BUNDLE_TABLES) as the hub sees them: keys, the column
 * that leads to the row's group, and which table each <table>_id column names. Everything is
 * read off the column names, so a table or column added to the bundle flows in (the hub
 * schema needs a migration with the same columns). */
#include <string.h>
#include "hub_priv.h"

static hub_table TABLES[BT_COUNT];
static int built;

/* The table a column names: "<table>_id" of a bundle table, membalik_id its own table, another
 * "*_id" column an id of any table (-2), else -1. */
static int column_ref(int t, const char *col)
{
	size_t n = strlen(col);
	if (strcmp(col, "id") == 0 || n < 4 || strcmp(col + n - 3, "_id") != 0)
		return -1;
	if (strcmp(col, "membalik_id") == 0)
		return t;
	for (int u = 0; u < BT_COUNT; u++)
		if (strlen(BUNDLE_TABLES[u].name) == n - 3 &&
		    strncmp(BUNDLE_TABLES[u].name, col, n - 3) == 0)
			return u;
	return -2;
}

static void build(void)
{
	for (int t = 0; t < BT_COUNT; t++) {
		hub_table *h = &TABLES[t];
		const bundle_table_def *d = &BUNDLE_TABLES[t];
		memset(h, 0, sizeof *h);
		h->def = d;
		h->bt = t;
		h->parent = h->parent_col = -1;
		h->stamp_col = d->stamp_col;
		for (int c = 0; c < d->ncols && c < HUB_MAX_COLS; c++) {
			h->ref[c] = column_ref(t, d->cols[c].name);
			if (h->parent < 0 && h->ref[c] >= 0 && h->ref[c] != t) {
				h->parent = h->ref[c];
				h->parent_col = c;
			}
		}
		int id = bundle_col_index(t, "id");
		if (id >= 0) {
			h->nkey = 1;
			h->key[0] = id;
		} else {
			/* kehadiran: keyed by the leading columns that name other rows */
			for (int c = 0; c < d->ncols && h->nkey < 2 && h->ref[c] >= 0; c++)
				h->key[h->nkey++] = c;
		}
	}
	built = 1;
}

const hub_table *hub_tables(void)
{
	if (!built)
		build();
	return TABLES;
}

int hub_table_by_name(const char *name)
{
	for (int t = 0; t < BT_COUNT; t++)
		if (strcmp(BUNDLE_TABLES[t].name, name) == 0)
			return t;
	return -1;
}

int hub_group_table(void)
{
	return hub_table_by_name("kelompok");
}

int hub_member_table(void)
{
	return hub_table_by_name("anggota");
}

void hub_cols(hub_sql *q, const hub_table *t, const char *alias)
{
	for (int c = 0; c < t->def->ncols; c++)
		hub_sql_add(q, "%s%s%s%s", c ? ", " : "", alias, *alias ? "." : "",
			    t->def->cols[c].name);
}

void hub_key_match(hub_sql *q, const hub_table *t, const char *a, const char *b)
{
	for (int k = 0; k < t->nkey; k++) {
		const char *c = t->def->cols[t->key[k]].name;
		hub_sql_add(q, "%s.%s = %s.%s AND ", a, c, b, c);
	}
	hub_sql_add(q, "%s.prov = %s.prov", a, b);
}

void hub_key_list(hub_sql *q, const hub_table *t, const char *alias)
{
	for (int k = 0; k < t->nkey; k++)
		hub_sql_add(q, "%s%s%s%s", k ? ", " : "", alias, *alias ? "." : "",
			    t->def->cols[t->key[k]].name);
}

void hub_row_sidik(const hub_table *t, const char *const *v, char out[HUB_SIDIK_LEN + 1])
{
	const bundle_table_def *d = t->def;
	bundle_hash h;
	char hex[65];
	bundle_hash_init(&h);
	bundle_hash_update(&h, d->name, strlen(d->name) + 1);
	for (int i = 0; i < d->ncols; i++) {
		if (d->cols[i].kind == BC_DERIVED)
			continue;
		const char *x = v[i] ? v[i] : "";
		bundle_hash_update(&h, x, strlen(x) + 1); /* with its NUL: no value has one */
	}
	bundle_hash_hex(&h, hex);
	memcpy(out, hex, HUB_SIDIK_LEN);
	out[HUB_SIDIK_LEN] = '\0';
}
