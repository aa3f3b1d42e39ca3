/* csvio.c - CSV reading and writing with libcsv. */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csvio.h"
#include "i18n.h"

/* Limits that keep memory flat whatever the file holds: no SIKUBE column comes near them. */
#define CSV_MAX_FIELDS 4096
#define CSV_MAX_FIELD_BYTES (1 << 20)
#define CSV_MAX_RECORD_BYTES (4 << 20)
#define CSV_CHUNK 65536
/* libcsv grows its buffer for the field being read by this much at a time (its default of 128
 * bytes made a 10 MB field cost minutes of copying). */
#define CSV_BLOCK 65536

/* Why reading stopped before the end of the file. */
enum csv_stop { STOP_NONE, STOP_FIELDS, STOP_FIELD_BYTES, STOP_RECORD_BYTES, STOP_NUL,
		STOP_TRUNCATED };

struct reader {
	csv_row_fn fn;
	void *ctx;
	char *buf;        /* all fields of the current record, NUL-separated */
	size_t len, cap;
	size_t *offs;
	char **fields;
	int nfields, capfields;
	int header_fields;/* fields of the first record */
	int line;         /* records delivered so far */
	int stop;         /* callback asked to stop */
	int nul;          /* a NUL byte was among the bytes parsed so far: fields are searched */
	enum csv_stop bad;/* the file is refused */
};

/* libcsv's field buffer stops growing past the field limit: the parser then fails with
 * CSV_ENOMEM, reported as a field too long. */
static void *bounded_realloc(void *p, size_t n)
{
	return n > CSV_MAX_FIELD_BYTES + CSV_BLOCK ? NULL : realloc(p, n);
}

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
	if (r->stop || r->bad)
		return;
	if (r->nfields >= CSV_MAX_FIELDS)
		r->bad = STOP_FIELDS;
	else if (len > CSV_MAX_FIELD_BYTES)
		r->bad = STOP_FIELD_BYTES;
	else if (r->len + len + 1 > CSV_MAX_RECORD_BYTES)
		r->bad = STOP_RECORD_BYTES;
	else if (r->nul && len && memchr(s, '\0', len))
		r->bad = STOP_NUL; /* a C string would silently lose the rest of the field */
	if (r->bad)
		return;
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

/* c is the character that ended the record, -1 at the end of the file without a line end. */
static void on_record(int c, void *data)
{
	struct reader *r = data;
	if (r->stop || r->bad)
		return;
	if (r->line == 0)
		r->header_fields = r->nfields;
	else if (c == -1 && r->nfields < r->header_fields) {
		/* The file ends in the middle of a row: cut off while copying or downloading. */
		r->bad = STOP_TRUNCATED;
		return;
	}
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

/* The message for a libcsv error while reading path around record line. */
static int parse_error(struct csv_parser *p, const char *path, int line, int at_end, sk_err *e)
{
	int err = csv_error(p);
	if (err == CSV_ENOMEM || err == CSV_ETOOBIG)
		return sk_err_set(e, SK_REFUSED, _("CSV %s ditolak di baris %d: ada isian lebih dari "
						   "1 MB, jadi ini bukan berkas data SIKUBE."),
				  path, line);
	if (at_end)
		return sk_err_set(e, SK_REFUSED, _("CSV %s berakhir di dalam tanda kutip: berkasnya "
						   "terpotong, atau ada tanda kutip yang tidak ditutup."),
				  path);
	return sk_err_set(e, SK_REFUSED, _("CSV %s rusak sekitar baris %d: tanda kutip di tengah "
					   "isian atau teks sesudah tanda kutip penutup."), path, line);
}

/* The message for a file refused by the reader's own limits. */
static int refusal(const struct reader *r, const char *path, sk_err *e)
{
	int line = r->line + 1;
	switch (r->bad) {
	case STOP_FIELDS:
		return sk_err_set(e, SK_REFUSED, _("CSV %s ditolak di baris %d: lebih dari %d kolom."),
				  path, line, CSV_MAX_FIELDS);
	case STOP_FIELD_BYTES:
		return sk_err_set(e, SK_REFUSED, _("CSV %s ditolak di baris %d: ada isian lebih dari "
						   "1 MB, jadi ini bukan berkas data SIKUBE."),
				  path, line);
	case STOP_RECORD_BYTES:
		return sk_err_set(e, SK_REFUSED, _("CSV %s ditolak di baris %d: baris lebih dari 4 MB."),
				  path, line);
	case STOP_NUL:
		return sk_err_set(e, SK_REFUSED, _("CSV %s ditolak di baris %d: berisi byte NUL, jadi "
						   "bukan berkas teks (berkas biner atau rusak)."),
				  path, line);
	case STOP_TRUNCATED:
		return sk_err_set(e, SK_REFUSED, _("CSV %s terpotong: baris terakhir (%d) berhenti di "
						   "tengah, %d dari %d kolom."),
				  path, line, r->nfields, r->header_fields);
	case STOP_NONE:
		break;
	}
	return SK_OK;
}

int csv_open_file(int dirfd, const char *name, const char *label, sk_err *e)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a symlink in the
	 * file's place (to /dev/zero, to another folder) is refused, not followed. */
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		if (errno == ELOOP || errno == EMLINK)
			return sk_err_set(e, SK_REFUSED, _("%s adalah tautan simbolik, bukan berkas biasa: "
							 "tidak dibaca."), label), -1;
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), label,
				  strerror(errno)), -1;
	}
	if (fstat(fd, &st) != 0) {
		int err = errno;
		close(fd);
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), label,
				  strerror(err)), -1;
	}
	if (!S_ISREG(st.st_mode)) {
		const char *what = S_ISDIR(st.st_mode) ? _("folder") :
				   S_ISFIFO(st.st_mode) ? _("pipa (FIFO)") :
				   S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? _("perangkat") :
				   _("jenis lain");
		close(fd);
		return sk_err_set(e, SK_REFUSED, _("%s bukan berkas biasa (%s): tidak dibaca."), label,
				  what), -1;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
		int err = errno;
		close(fd);
		return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), label,
				  strerror(err)), -1;
	}
	return fd;
}

/* read(2) until n bytes or the end of the file; -1 on an error. */
static ssize_t read_full(int fd, char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

int csv_read_fd(int fd, const char *label, csv_row_fn fn, void *ctx, csv_bytes_fn bytes,
		void *bctx, sk_err *e)
{
	struct csv_parser p;
	struct reader r = { .fn = fn, .ctx = ctx };
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_realloc_func(&p, bounded_realloc);
	csv_set_blk_size(&p, CSV_BLOCK);
	char *chunk = malloc(CSV_CHUNK);
	if (!chunk)
		abort();
	int rc = SK_OK;
	ssize_t got = read_full(fd, chunk, CSV_CHUNK);
	if (got > 0 && bytes)
		bytes(bctx, chunk, (size_t)got);
	size_t n = got > 0 ? (size_t)got : 0;
	size_t skip = (n >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	csv_set_delim(&p, detect_delim(chunk + skip, n - skip));
	for (size_t off = skip; got >= 0; off = 0) {
		/* A field holds a NUL only when the bytes parsed do: one search of each chunk
		 * instead of one of every field (a file of text never has one). */
		r.nul = r.nul || memchr(chunk + off, '\0', n - off) != NULL;
		if (csv_parse(&p, chunk + off, n - off, on_field, on_record, &r) != n - off) {
			rc = parse_error(&p, label, r.line + 1, 0, e);
			break;
		}
		if (r.stop || r.bad || n < CSV_CHUNK)
			break;
		got = read_full(fd, chunk, CSV_CHUNK);
		n = got > 0 ? (size_t)got : 0;
		if (got > 0 && bytes)
			bytes(bctx, chunk, n);
	}
	if (rc == SK_OK && got < 0)
		rc = sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat dibaca: %s"), label, strerror(errno));
	if (rc == SK_OK && !r.stop && !r.bad && csv_fini(&p, on_field, on_record, &r) != 0)
		rc = parse_error(&p, label, r.line + 1, 1, e);
	if (rc == SK_OK && !r.stop)
		rc = refusal(&r, label, e);
	csv_free(&p);
	free(chunk);
	reader_free(&r);
	return rc;
}

int csv_read_file(const char *path, csv_row_fn fn, void *ctx, sk_err *e)
{
	int fd = csv_open_file(AT_FDCWD, path, path, e);
	if (fd < 0)
		return e ? e->status : SK_IOERR;
	int rc = csv_read_fd(fd, path, fn, ctx, NULL, NULL, e);
	close(fd);
	return rc;
}

int csv_header_repeated(int nf, char **hdr)
{
	for (int i = 1; i < nf; i++)
		for (int j = 0; j < i; j++)
			if (*hdr[i] && strcmp(hdr[i], hdr[j]) == 0)
				return i;
	return -1;
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
	int add_quote = guard && csv_needs_guard(s);
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
	/* Digits and a minus sign never need quotes nor a guard: straight to the stream. */
	if (w->nfield++ > 0)
		fputc(w->delim, w->f);
	fprintf(w->f, "%lld", v);
}

/* The characters a spreadsheet takes as the start of a formula (bundle.md). */
static int formula_start(char c)
{
	return c != '\0' && strchr("=+-@\t\r", c) != NULL;
}

/* s is zero or more ' followed by a formula character. */
static int quotes_then_formula(const char *s)
{
	while (*s == '\'')
		s++;
	return formula_start(*s);
}

int csv_needs_guard(const char *s)
{
	return s && quotes_then_formula(s);
}

const char *csv_unguard(const char *s)
{
	if (!s)
		return "";
	return s[0] == '\'' && quotes_then_formula(s + 1) ? s + 1 : s;
}

void csv_out_eol(csv_out *w)
{
	fputs(w->eol, w->f);
	w->nfield = 0;
}
