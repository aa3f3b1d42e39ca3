/* csvio.c - CSV reading and writing with libcsv. */
#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "csvio.h"
#include "i18n.h"

#define CSV_MAX_FIELDS 4096
#define CSV_MAX_FIELD_BYTES (1 << 20)
#define CSV_CHUNK 65536

struct reader {
	csv_row_fn fn;
	void *ctx;
	char *buf;        /* all fields of the current record, NUL-separated */
	size_t len, cap;
	size_t *offs;
	char **fields;
	int nfields, capfields;
	int line;         /* records delivered so far */
	int stop;         /* callback asked to stop */
	int overflow;     /* too many fields or a field too large */
};

static void grow_fields(struct reader *r)
{
	int cap = r->capfields ? r->capfields * 2 : 32;
	r->offs = realloc(r->offs, (size_t)cap * sizeof *r->offs);
	r->fields = realloc(r->fields, (size_t)cap * sizeof *r->fields);
	if (!r->offs || !r->fields)
		abort();
	r->capfields = cap;
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->stop || r->overflow)
		return;
	if (r->nfields >= CSV_MAX_FIELDS || len > CSV_MAX_FIELD_BYTES) {
		r->overflow = 1;
		return;
	}
	if (r->nfields == r->capfields)
		grow_fields(r);
	if (r->len + len + 1 > r->cap) {
		r->cap = (r->len + len + 1) * 2;
		r->buf = realloc(r->buf, r->cap);
		if (!r->buf)
			abort();
	}
	r->offs[r->nfields++] = r->len;
	if (len)
		memcpy(r->buf + r->len, s, len);
	r->len += len;
	r->buf[r->len++] = '\0';
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	(void)c;
	if (r->stop || r->overflow)
		return;
	for (int i = 0; i < r->nfields; i++)
		r->fields[i] = r->buf + r->offs[i];
	r->line++;
	if (r->fn(r->ctx, r->line, r->nfields, r->fields) != 0)
		r->stop = 1;
	r->nfields = 0;
	r->len = 0;
}

/* ',' or ';' by counting both outside quotes in the header line. */
static unsigned char detect_delim(const char *p, size_t n)
{
	int commas = 0, semis = 0, quoted = 0;
	for (size_t i = 0; i < n && (quoted || (p[i] != '\n' && p[i] != '\r')); i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			commas += p[i] == ',', semis += p[i] == ';';
	}
	return semis > commas ? ';' : ',';
}

static void reader_free(struct reader *r)
{
	free(r->buf);
	free(r->offs);
	free(r->fields);
}

static int feed(struct csv_parser *p, struct reader *r, const char *buf, size_t n, int line0,
		sk_err *e)
{
	if (csv_parse(p, buf, n, on_field, on_record, r) != n)
		return sk_err_set(e, SK_REFUSED, _("CSV rusak sekitar baris %d: %s"), line0 + 1,
				  csv_strerror(csv_error(p)));
	return SK_OK;
}

int csv_read_file(const char *path, csv_row_fn fn, void *ctx, sk_err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), path, strerror(errno));
	struct csv_parser p;
	struct reader r = { .fn = fn, .ctx = ctx };
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		abort();
	char *chunk = malloc(CSV_CHUNK);
	if (!chunk)
		abort();
	size_t n = fread(chunk, 1, CSV_CHUNK, f);
	size_t skip = (n >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	csv_set_delim(&p, detect_delim(chunk + skip, n - skip));
	int rc = feed(&p, &r, chunk + skip, n - skip, r.line, e);
	while (rc == SK_OK && !r.stop && !r.overflow && n == CSV_CHUNK) {
		n = fread(chunk, 1, CSV_CHUNK, f);
		rc = feed(&p, &r, chunk, n, r.line, e);
	}
	if (rc == SK_OK && ferror(f))
		rc = sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), path, strerror(errno));
	if (rc == SK_OK && !r.stop && !r.overflow && csv_fini(&p, on_field, on_record, &r) != 0)
		rc = sk_err_set(e, SK_REFUSED, _("CSV rusak di akhir berkas %s: %s"), path,
				csv_strerror(csv_error(&p)));
	if (rc == SK_OK && r.overflow)
		rc = sk_err_set(e, SK_REFUSED, _("CSV %s ditolak di baris %d: terlalu banyak kolom atau "
						 "isian terlalu panjang."), path, r.line + 1);
	csv_free(&p);
	free(chunk);
	reader_free(&r);
	fclose(f);
	return rc;
}

int csv_header_map(int nf, char **hdr, const char *const *names, int *idx)
{
	int missing = -1;
	for (int i = 0; names[i]; i++) {
		idx[i] = -1;
		for (int j = 0; j < nf; j++) {
			if (strcmp(hdr[j], names[i]) == 0) {
				idx[i] = j;
				break;
			}
		}
		if (idx[i] < 0 && missing < 0)
			missing = i;
	}
	return missing;
}

const char *csv_field(int nf, char **fields, int idx)
{
	return idx >= 0 && idx < nf ? fields[idx] : "";
}

void csv_out_init(csv_out *w, FILE *f, int excel)
{
	w->f = f;
	w->delim = excel ? ';' : ',';
	w->eol = excel ? "\r\n" : "\n";
	w->nfield = 0;
	w->formula_guard = 1;
	if (excel)
		fputs("\xEF\xBB\xBF", f);
}

static void put_field(csv_out *w, const char *s, int guard)
{
	if (w->nfield++ > 0)
		fputc(w->delim, w->f);
	if (!s || !*s)
		return;
	/* The guard quote also goes before a leading ' so that import's removal of one ' gives
	 * back exactly what was written. */
	int add_quote = guard && strchr("=+-@\t\r'", s[0]) != NULL;
	/* Leading or trailing blanks are quoted too: libcsv trims them from unquoted fields. */
	size_t len = strlen(s);
	int needs_quotes = strchr(s, w->delim) || strchr(s, '"') || strchr(s, '\r') ||
			   strchr(s, '\n') || s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
			   s[len - 1] == '\t';
	if (!needs_quotes) {
		if (add_quote)
			fputc('\'', w->f);
		fputs(s, w->f);
		return;
	}
	if (add_quote) {
		char *tmp = malloc(len + 2);
		if (!tmp)
			abort();
		tmp[0] = '\'';
		memcpy(tmp + 1, s, len + 1);
		csv_fwrite(w->f, tmp, len + 1);
		free(tmp);
	} else {
		csv_fwrite(w->f, s, strlen(s));
	}
}

void csv_out_text(csv_out *w, const char *s)
{
	put_field(w, s, w->formula_guard);
}

void csv_out_raw(csv_out *w, const char *s)
{
	put_field(w, s, 0);
}

void csv_out_int(csv_out *w, long long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%lld", v);
	put_field(w, buf, 0);
}

const char *csv_unguard(const char *s)
{
	return s && s[0] == '\'' ? s + 1 : (s ? s : "");
}

void csv_out_eol(csv_out *w)
{
	fputs(w->eol, w->f);
	w->nfield = 0;
}
