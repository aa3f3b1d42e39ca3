/* table.c - statements, binds, reads and import parsing driven by a table's column
 * descriptor (table.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "db_row.h"
#include "i18n.h"
#include "table.h"
#include "util.h"

void table_sql_add(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size - len) {
		fprintf(stderr, "sikube: a statement is longer than its buffer: %.60s\n", buf);
		abort();
	}
}

/* Append to a statement of table_sql. */
#define add(buf, ...) table_sql_add(buf, TABLE_SQL_MAX, __VA_ARGS__)

/* The i-th key column of t (i = 0 or 1), or NULL when it has fewer; a table with none is a
 * programmer error. */
static const table_col *key_col(const table_def *t, int which)
{
	int seen = 0;
	for (int i = 0; i < t->ncols; i++)
		if ((t->cols[i].flags & TC_KEY) && seen++ == which)
			return &t->cols[i];
	if (which > 0)
		return NULL;
	fprintf(stderr, "sikube: table %s has no key column\n", t->name);
	abort();
}

static void build(const table_def *t)
{
	table_sql *s = t->sql;
	if (s->get[0])
		return;
	const table_col *k1 = key_col(t, 0), *k2 = key_col(t, 1);
	char params[TABLE_SQL_MAX] = "", sets[TABLE_SQL_MAX] = "", where[TABLE_SQL_MAX] = "",
	     byname[TABLE_SQL_MAX] = "";
	/* Insert and update number their parameters in column order (column i is ?i+1: write_row
	 * binds by position); get, live and restamp name them (table_bind, db_bind_text). */
	for (int i = 0; i < t->ncols; i++) {
		const char *name = t->cols[i].name;
		add(s->columns, "%s%s", i ? ", " : "", name);
		add(params, "%s?%d", i ? ", " : "", i + 1);
		if (t->cols[i].flags & TC_KEY) {
			add(where, "%s%s=?%d", *where ? " AND " : "", name, i + 1);
			add(byname, "%s%s=:%s", *byname ? " AND " : "", name, name);
		} else {
			add(sets, "%s%s=?%d", *sets ? ", " : "", name, i + 1);
		}
	}
	if (t->stamped) {
		add(sets, ", disimpan_pada=%s", DB_STORED_SQL);
		add(params, ", %s", DB_STORED_SQL);
	}
	if (t->extra)
		add(params, ", :%s", t->extra);
	add(s->insert, "INSERT INTO %s(%s%s%s%s) VALUES(%s)", t->name, s->columns,
	    t->stamped ? ", disimpan_pada" : "", t->extra ? ", " : "", t->extra ? t->extra : "",
	    params);
	add(s->update, "UPDATE %s SET %s WHERE %s", t->name, sets, where);
	add(s->update_live, "%s AND dihapus=0", s->update);
	add(s->get, "SELECT %s FROM %s WHERE %s", s->columns, t->name, byname);
	add(s->live, "SELECT 1 FROM %s WHERE %s AND dihapus=0", t->name, byname);
	add(s->restamp, "UPDATE %s SET diubah_pada=:t WHERE %s=:k1%s%s%s AND diubah_pada IS NOT :t",
	    t->name, k1->name, k2 ? " AND " : "", k2 ? k2->name : "", k2 ? "=:k2" : "");
}

/* The statements of t (table_sql), built on first use. */
static const table_sql *sql_of(const table_def *t)
{
	build(t);
	return t->sql;
}

/* table.h's accessors, one a statement: C has no other way to name a struct member per
 * function. */
#define TABLE_SQL_GETTER(fn, member) \
	const char *fn(const table_def *t) \
	{ \
		return sql_of(t)->member; \
	}
TABLE_SQL_GETTER(table_get_sql, get)
TABLE_SQL_GETTER(table_insert_sql, insert)
TABLE_SQL_GETTER(table_update_sql, update)
TABLE_SQL_GETTER(table_columns, columns)

/* The field of column c in row, and whether it holds a value (its has_ flag, or 1). */
static void *field(const table_col *c, const void *row)
{
	return (char *)row + c->off;
}

static int present(const table_col *c, const void *row)
{
	return c->has < 0 || *(const int *)((const char *)row + c->has);
}

/* Bind column c of row to parameter k of st (an empty text is NULL, as db_bind_text); a text
 * with the destructor how (SQLITE_STATIC only when row outlives every step of st with this
 * binding). */
static void bind_col(sqlite3_stmt *st, int k, const table_col *c, const void *row,
		     sqlite3_destructor_type how)
{
	const void *v = field(c, row);
	if (!present(c, row) || ((c->flags & TC_ZERO_NULL) && c->type == TC_INT &&
				 *(const int *)v == 0) ||
	    ((c->flags & TC_ZERO_NULL) && c->type == TC_INT64 && *(const int64_t *)v == 0) ||
	    (c->type == TC_TEXT && !*(const char *)v))
		sqlite3_bind_null(st, k);
	else if (c->type == TC_TEXT)
		sqlite3_bind_text(st, k, v, -1, how);
	else if (c->type == TC_INT)
		sqlite3_bind_int64(st, k, *(const int *)v);
	else if (c->type == TC_INT64)
		sqlite3_bind_int64(st, k, *(const int64_t *)v);
	else
		sqlite3_bind_double(st, k, *(const double *)v);
}

/* The parameter of column c in st (0: the statement has none). */
static int param_of(sqlite3_stmt *st, const table_col *c)
{
	char param[64];
	snprintf(param, sizeof param, ":%s", c->name);
	return sqlite3_bind_parameter_index(st, param);
}

void table_bind(const table_def *t, sqlite3_stmt *st, const void *row)
{
	for (int i = 0; i < t->ncols; i++) {
		int k = param_of(st, &t->cols[i]);
		if (k)
			bind_col(st, k, &t->cols[i], row, SQLITE_TRANSIENT);
	}
}

/* Bind column i of row to parameter i+1 of st: an insert or update of table_sql, which
 * numbers its parameters in column order. Formatting each column's name and looking it up
 * (a string compare per parameter) on every row was most of a bare insert's own cost in an
 * import (issue 17). Texts are not copied (SQLITE_STATIC): write_row steps st once while row
 * is its caller's, and the next db_prepare of st clears the bindings before any other step. */
static void bind_by_position(const table_def *t, sqlite3_stmt *st, const void *row)
{
	for (int i = 0; i < t->ncols; i++)
		bind_col(st, i + 1, &t->cols[i], row, SQLITE_STATIC);
}

void table_map(const table_def *t, sqlite3_stmt *st, int *map)
{
	int n = sqlite3_column_count(st);
	for (int j = 0; j < n; j++)
		map[j] = table_col_index(t, sqlite3_column_name(st, j));
}

void table_read(const table_def *t, sqlite3_stmt *st, void *row)
{
	int map[128], n = sqlite3_column_count(st);
	if (n > 128)
		n = 128;
	for (int j = 0; j < n; j++)
		map[j] = table_col_index(t, sqlite3_column_name(st, j));
	for (int j = n; j < sqlite3_column_count(st) && j < 128; j++)
		map[j] = -1;
	table_read_mapped(t, st, map, row);
}

void table_read_mapped(const table_def *t, sqlite3_stmt *st, const int *map, void *row)
{
	int n = sqlite3_column_count(st);
	if (n > 128)
		n = 128;
	for (int j = 0; j < n; j++) {
		int i = map[j];
		if (i < 0)
			continue;
		const table_col *c = &t->cols[i];
		void *v = field(c, row);
		if (c->has >= 0)
			*(int *)((char *)row + c->has) = sqlite3_column_type(st, j) != SQLITE_NULL;
		if (c->type == TC_TEXT)
			db_col_text(st, j, v, c->size);
		else if (c->type == TC_INT)
			*(int *)v = sqlite3_column_int(st, j);
		else if (c->type == TC_INT64)
			*(int64_t *)v = sqlite3_column_int64(st, j);
		else
			*(double *)v = sqlite3_column_double(st, j);
	}
}

int table_col_index(const table_def *t, const char *name)
{
	for (int i = 0; name && i < t->ncols; i++)
		if (strcmp(t->cols[i].name, name) == 0)
			return i;
	return -1;
}

/* Parse a whole decimal integer (optional '-'); 0 or -1. */
static int parse_int(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || *s == '+' || *s == ' ' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Parse a decimal number with an optional '.' point (no exponent, no comma); 0 or -1. */
static int parse_double(const char *s, double *out)
{
	size_t digits = strspn(s, "0123456789");
	const char *p = s + digits;
	if (*p == '.')
		p += 1 + strspn(p + 1, "0123456789");
	if (!digits || *p)
		return -1;
	*out = strtod(s, NULL);
	return 0;
}

int table_set_text(const table_def *t, int i, void *row, const char *text)
{
	const table_col *c = &t->cols[i];
	void *v = field(c, row);
	const char *s = text ? text : "";
	if (c->type == TC_TEXT) {
		sk_strlcpy(v, s, c->size);
		return 0;
	}
	int has = *s != '\0';
	long long n = 0;
	double d = 0;
	if (has && c->type == TC_DOUBLE && parse_double(s, &d) != 0)
		return -1;
	if (has && c->type == TC_INT && parse_int(s, INT32_MIN, INT32_MAX, &n) != 0)
		return -1;
	if (has && c->type == TC_INT64 && parse_int(s, INT64_MIN, INT64_MAX, &n) != 0)
		return -1;
	if (c->has >= 0)
		*(int *)((char *)row + c->has) = has;
	if (c->type == TC_DOUBLE)
		*(double *)v = d;
	else if (c->type == TC_INT)
		*(int *)v = (int)n;
	else
		*(int64_t *)v = n;
	return 0;
}

void table_init(const table_def *t, void *row, size_t size)
{
	memset(row, 0, size);
	const char *p = t->defaults ? t->defaults : "";
	char name[64], value[64];
	int used;
	while (sscanf(p, " %63[^= ]=%63s%n", name, value, &used) == 2) {
		int i = table_col_index(t, name);
		if (i < 0)
			abort();
		if (strcmp(value, "today") == 0 && t->cols[i].type == TC_TEXT)
			sk_today(field(&t->cols[i], row));
		else if (table_set_text(t, i, row, value) != 0)
			abort();
		p += used;
	}
}

void table_read_row(const void *arg, sqlite3_stmt *st, void *row)
{
	table_read(arg, st, row);
}

static int read_one(sk_db *db, const table_def *t, sqlite3_stmt *st, void *out, size_t size,
		    const char *notfound, sk_err *e)
{
	return db_one(db, st, table_read_row, t, out, size, notfound, e);
}

int table_one(sk_db *db, const table_def *t, sqlite3_stmt *st, void *out, size_t size,
	      const char *notfound, sk_err *e)
{
	return read_one(db, t, st, out, size, notfound, e);
}

int table_one_by(sk_db *db, const table_def *t, const char *sql, const char *param,
		 const char *key, void *out, size_t size, const char *notfound, sk_err *e)
{
	memset(out, 0, size);
	return read_one(db, t, db_query(db, sql, e, param, key), out, size, notfound, e);
}

int table_get(sk_db *db, const table_def *t, const char *key, void *out, size_t size,
	      const char *notfound, sk_err *e)
{
	const table_col *k = key_col(t, 0);
	sqlite3_stmt *st = db_prepare(db, table_get_sql(t), e);
	if (!st)
		return SK_DBERR;
	char param[64];
	snprintf(param, sizeof param, ":%s", k->name);
	db_bind_text(st, param, key);
	return read_one(db, t, st, out, size, notfound, e);
}

int table_get_live(sk_db *db, const table_def *t, const char *key, void *out, size_t size,
		   const char *notfound, sk_err *e)
{
	int rc = table_get(db, t, key, out, size, notfound, e);
	const int *deleted = table_field(t, out, "dihapus");
	if (rc == SK_OK && deleted && *deleted)
		rc = sk_err_set(e, SK_NOTFOUND, "%s", notfound);
	return rc;
}

int table_get_editable(sk_db *db, const table_def *t, const char *key, void *old, size_t size,
		       const char *notfound, table_editable_fn editable, sk_issues *is, sk_err *e)
{
	if (is)
		sk_issues_clear(is);
	int rc = table_get_live(db, t, key, old, size, notfound, e);
	return rc == SK_OK ? editable(db, old, e) : rc;
}

void *table_field(const table_def *t, void *row, const char *name)
{
	int i = table_col_index(t, name);
	return i < 0 ? NULL : field(&t->cols[i], row);
}

int table_get_by(sk_db *db, const table_def *t, const void *key_row, void *out, size_t size,
		 const char *notfound, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, table_get_sql(t), e);
	if (!st)
		return SK_DBERR;
	table_bind(t, st, key_row);
	return read_one(db, t, st, out, size, notfound, e);
}

/* Prepare sql, bind row (and, for an insert, the extra column) and step it as one write. */
static int write_row(sk_db *db, const table_def *t, const char *sql, int insert,
		     const void *row, const char *notfound, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql, e);
	if (!st)
		return SK_DBERR;
	bind_by_position(t, st, row);
	if (insert && t->extra)
		t->bind_extra(st, row);
	int rc = db_step_write(db, st, notfound, e);
	if (rc == SK_OK && !insert && t->updated)
		rc = t->updated(db, row, e);
	return rc;
}

int table_store(sk_db *db, const table_def *t, const void *row, int insert,
		const char *notfound, sk_err *e)
{
	int rc = write_row(db, t, insert ? table_insert_sql(t) : table_update_sql(t), insert, row,
			   notfound, e);
	int stamp = table_col_index(t, "diubah_pada");
	if (rc != SK_OK || insert || stamp < 0)
		return rc;
	const table_col *k2 = key_col(t, 1);
	return db_restamp(db, t->sql->restamp, field(key_col(t, 0), row),
			  k2 ? field(k2, row) : NULL, field(&t->cols[stamp], row), e);
}

/* The insert of TABLE_BATCH_ROWS rows of t (table_sql's insert_many), built on first use. */
static const char *insert_many(const table_def *t)
{
	table_sql *s = t->sql;
	if (s->insert_many[0])
		return s->insert_many;
	const char *ins = sql_of(t)->insert;
	const char *values = strstr(ins, " VALUES(");
	char *out = s->insert_many;
	if (!values || t->extra)
		abort(); /* programmer error: an insert table_sql did not build */
	table_sql_add(out, TABLE_BATCH_SQL_MAX, "%.*s VALUES", (int)(values - ins), ins);
	for (int j = 0; j < TABLE_BATCH_ROWS; j++) {
		table_sql_add(out, TABLE_BATCH_SQL_MAX, "%s(", j ? "," : "");
		for (int i = 0; i < t->ncols; i++)
			table_sql_add(out, TABLE_BATCH_SQL_MAX, "%s?%d", i ? ", " : "",
				      j * t->ncols + i + 1);
		table_sql_add(out, TABLE_BATCH_SQL_MAX, "%s)", t->stamped ? ", " DB_STORED_SQL : "");
	}
	return out;
}

void table_batch_init(table_batch *b, const table_def *t, size_t size, const char *notfound)
{
	memset(b, 0, sizeof *b);
	b->t = t;
	b->size = size;
	b->notfound = notfound;
}

/* The rows waiting in one multi-row insert (a full batch). */
static int batch_write(sk_db *db, table_batch *b, sk_err *e)
{
	const table_def *t = b->t;
	sqlite3_stmt *st = db_prepare(db, insert_many(t), e);
	if (!st)
		return SK_DBERR;
	for (int j = 0; j < TABLE_BATCH_ROWS; j++)
		for (int i = 0; i < t->ncols; i++)
			bind_col(st, j * t->ncols + i + 1, &t->cols[i], b->rows + (size_t)j * b->size,
				 SQLITE_STATIC);
	return db_step_write(db, st, b->notfound, e);
}

int table_batch_flush(sk_db *db, table_batch *b, sk_err *e)
{
	int rc = SK_OK, n = b->n;
	b->n = 0;
	if (n == TABLE_BATCH_ROWS)
		return batch_write(db, b, e);
	for (int j = 0; j < n && rc == SK_OK; j++)
		rc = table_store(db, b->t, b->rows + (size_t)j * b->size, 1, b->notfound, e);
	return rc;
}

int table_batch_add(sk_db *db, table_batch *b, const void *row, sk_err *e)
{
	if (b->t->extra)
		return table_store(db, b->t, row, 1, b->notfound, e);
	if (!b->rows && !(b->rows = malloc(b->size * TABLE_BATCH_ROWS)))
		abort();
	memcpy(b->rows + (size_t)b->n++ * b->size, row, b->size);
	return b->n == TABLE_BATCH_ROWS ? table_batch_flush(db, b, e) : SK_OK;
}

void table_batch_free(table_batch *b)
{
	free(b->rows);
	b->rows = NULL;
	b->n = 0;
}

int table_update_live(sk_db *db, const table_def *t, const void *row, const char *notfound,
		      sk_err *e)
{
	return write_row(db, t, sql_of(t)->update_live, 0, row, notfound, e);
}

int table_list(sk_db *db, const table_def *t, sqlite3_stmt *st, void *out, size_t size,
	       int limit, int *n, sk_err *e)
{
	return db_rows(db, st, out, size, limit, n, table_read_row, t, e);
}

struct all_ctx {
	const table_def *t;
	size_t size;
	char *rows;
	int cap, *n;
};

static int read_grow(void *ctx, sqlite3_stmt *st)
{
	struct all_ctx *c = ctx;
	if (*c->n == c->cap) {
		c->cap *= 2;
		c->rows = realloc(c->rows, c->size * (size_t)c->cap);
		if (!c->rows)
			abort();
	}
	char *row = c->rows + c->size * (size_t)(*c->n)++;
	memset(row, 0, c->size);
	table_read(c->t, st, row);
	return 0;
}

int table_all(sk_db *db, const table_def *t, sqlite3_stmt *st, size_t size, void **out, int *n,
	      sk_err *e)
{
	*n = 0;
	struct all_ctx c = { t, size, malloc(size * 16), 16, n };
	if (!c.rows)
		abort();
	int rc = db_each(db, st, read_grow, &c, e);
	if (rc != SK_OK) {
		free(c.rows);
		c.rows = NULL;
		*n = 0;
	}
	*out = c.rows;
	return rc;
}

int table_live(sk_db *db, const table_def *t, const char *id, sk_err *e)
{
	sqlite3_stmt *st = db_prepare(db, sql_of(t)->live, e);
	char param[64];
	snprintf(param, sizeof param, ":%s", key_col(t, 0)->name);
	if (st)
		db_bind_text(st, param, id);
	return db_exists(db, st, e);
}

/* The steps of table_save after its transaction began. */
static int save_in(sk_db *db, const table_def *t, const table_save_ops *ops, void *row,
		   int insert, sk_issues *is, sk_err *e)
{
	*(int *)table_field(t, row, "dihapus") = 0;
	ops->check(db, row, is);
	if (sk_issues_errors(is))
		return sk_err_set(e, SK_REFUSED, "%s", _(ops->refused));
	char *id = table_field(t, row, "id");
	int found = insert ? 1 : table_live(db, t, id, e);
	if (found != 1)
		return found < 0 ? (e && e->status ? e->status : SK_DBERR)
				 : sk_err_set(e, SK_NOTFOUND, "%s", _(ops->notfound));
	int rc = ops->allow ? ops->allow(db, row, insert, e) : SK_OK;
	if (rc != SK_OK)
		return rc;
	if (insert && !*id)
		sk_uuid_new(id);
	sk_now_utc(table_field(t, row, "diubah_pada"));
	rc = insert ? table_store(db, t, row, 1, ops->notfound, e)
		    : table_update_live(db, t, row, ops->notfound, e);
	return rc == SK_OK && ops->after ? ops->after(db, row, e) : rc;
}

int table_save(sk_db *db, const table_def *t, const table_save_ops *ops, void *row, int insert,
	       sk_issues *is, sk_err *e)
{
	int rc = ops->permit ? ops->permit(db, e) : SK_OK;
	if (rc == SK_OK)
		rc = db_begin_write(db, e);
	if (rc != SK_OK)
		return rc;
	rc = save_in(db, t, ops, row, insert, is, e);
	int erc = db_end(db, rc == SK_OK, rc == SK_OK ? e : NULL);
	return rc == SK_OK ? erc : rc;
}

void table_check_dated(sk_db *db, const char *date, const char *future, const char *sql,
		       const char *parent_id, const char *field, const char *deleted,
		       sk_issues *is)
{
	char today[11];
	sk_today(today);
	if (*date && strcmp(date, today) > 0)
		sk_issues_add(is, "tanggal", SK_SEV_ERROR, "%s", future);
	sk_err e;
	sk_err_clear(&e);
	sqlite3_stmt *st = db_prepare(db, sql, &e);
	int64_t gone;
	if (st)
		db_bind_text(st, ":id", parent_id);
	if (db_count(db, st, &gone, &e) != SK_OK)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", e.msg);
	else if (gone)
		sk_issues_add(is, field, SK_SEV_ERROR, "%s", deleted);
}
