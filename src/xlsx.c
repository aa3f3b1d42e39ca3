/* xlsx.c - workbooks through libxlsxwriter (constant memory: rows go to temporary files in a
 * private folder beside the target, so an office-wide export stays small in memory). */
#define _GNU_SOURCE /* renameat2 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "i18n.h"
#include "util.h"
#include "validate.h"
#include "xlsx.h"

/* Excel's limits: characters in a cell, in a sheet name. */
#define CELL_MAX 32767
#define SHEET_NAME_MAX 31
/* Column widths in characters: at least, at most. */
#define WIDTH_MIN 6
#define WIDTH_MAX 60

struct xlsx_sheet {
	sk_xlsx *book;
	lxw_worksheet *ws;          /* the part being written */
	char name[SHEET_NAME_MAX * 4 + 1];
	const xlsx_col *cols;
	int ncols;
	int part;                   /* 1, then 2, ... after each 1,048,576 rows */
	lxw_row_t row;              /* row of the part being written (0 = header) */
	int col;                    /* next column of that row */
	long long rows;             /* data rows over all parts */
	int *width;                 /* widest content per column of this part */
	xlsx_sheet *next;
};

struct sk_xlsx {
	lxw_workbook *wb;
	lxw_format *head, *code, *date, *money;
	char path[PATH_MAX];
	char dir[PATH_MAX];         /* private folder beside path */
	char tmp[PATH_MAX + 16];    /* the workbook inside it */
	int replace;
	lxw_row_t max_rows;         /* rows per sheet, header included (Excel's limit) */
	lxw_error err;              /* first libxlsxwriter error */
	int nomem;
	char **names;               /* sheet names in use (Excel compares them ignoring case) */
	int nnames;
	xlsx_sheet *sheets;
};

/* libxlsxwriter is loaded when the first workbook is begun (dlopen), not linked: with the
 * libcrypto it needs (21,000 relocations at load) it cost every sikube process, the screens
 * and each command, about 1.8 MB of resident memory and a part of its start whether it wrote
 * a workbook or not. XLSX_SONAME is the soname of the library found at build time (Makefile).
 * The functions used, each through a pointer of its own type: */
#ifndef XLSX_SONAME
#define XLSX_SONAME "libxlsxwriter.so.4"
#endif
#define LXW_FUNCS(X) X(workbook_new_opt) X(workbook_add_format) X(workbook_add_worksheet) \
	X(workbook_close) X(lxw_workbook_free) X(format_set_bold) X(format_set_num_format) \
	X(worksheet_write_string) X(worksheet_write_number) X(worksheet_write_datetime) \
	X(worksheet_set_column) X(worksheet_freeze_panes) X(worksheet_autofilter) X(lxw_strerror)
#define LXW_POINTER(f) __typeof__(f) *f;
static struct {
	LXW_FUNCS(LXW_POINTER)
} lxw;
static int lxw_loaded;

/* Load the library once: SK_OK, or SK_IOERR with the reason in e. */
static int lxw_load(sk_err *e)
{
	if (lxw_loaded)
		return SK_OK;
	void *h = dlopen(XLSX_SONAME, RTLD_NOW | RTLD_LOCAL);
	const char *missing = h ? NULL : dlerror();
#define LXW_LOAD(f) \
	if (h && !missing) { \
		void *sym = dlsym(h, #f); \
		if (sym) \
			memcpy(&lxw.f, &sym, sizeof sym); \
		else \
			missing = #f; \
	}
	LXW_FUNCS(LXW_LOAD)
#undef LXW_LOAD
	if (missing) {
		if (h)
			dlclose(h);
		return sk_err_set(e, SK_IOERR, _("Berkas Excel tidak dapat dibuat: pustaka %s tidak "
						 "dapat dimuat (%s)."), XLSX_SONAME, missing);
	}
	lxw_loaded = 1;
	return SK_OK;
}

static int io_error(sk_err *e, const char *path, int err)
{
	return sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), path, strerror(err));
}

/* The folder of path ("." when it has none) into out. */
static void dir_of(const char *path, char *out, size_t n)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(out, n, ".");
	else if (slash == path)
		snprintf(out, n, "/");
	else
		snprintf(out, n, "%.*s", (int)(slash - path), path);
}

int xlsx_open(const char *path, int replace, sk_xlsx **out, sk_err *e)
{
	*out = NULL;
	struct stat st;
	if (!replace && lstat(path, &st) == 0)
		return sk_err_set(e, SK_REFUSED, _("Berkas %s sudah ada; SIKUBE tidak menimpanya. "
						   "Pakai nama lain."), path);
	int lrc = lxw_load(e);
	if (lrc != SK_OK)
		return lrc;
	sk_xlsx *x = calloc(1, sizeof *x);
	if (!x)
		return sk_err_set(e, SK_IOERR, "%s", _("Memori tidak cukup."));
	x->replace = replace;
	/* Tests make sheets go on sooner than after a million rows. */
	const char *test_rows = getenv("SIKUBE_XLSX_SHEET_ROWS");
	long n = test_rows ? atol(test_rows) : 0;
	x->max_rows = n > 1 && n < LXW_ROW_MAX ? (lxw_row_t)n : LXW_ROW_MAX;
	if (snprintf(x->path, sizeof x->path, "%s", path) >= (int)sizeof x->path) {
		free(x);
		return io_error(e, path, ENAMETOOLONG);
	}
	char dir[PATH_MAX];
	dir_of(path, dir, sizeof dir);
	snprintf(x->dir, sizeof x->dir, "%.*s/.sikube-xlsx-XXXXXX", PATH_MAX - 24, dir);
	if (!mkdtemp(x->dir)) {
		int err = errno;
		free(x);
		return io_error(e, path, err);
	}
	snprintf(x->tmp, sizeof x->tmp, "%s/book.xlsx", x->dir);
	lxw_workbook_options o = { .constant_memory = LXW_TRUE, .tmpdir = x->dir,
				   .use_zip64 = LXW_TRUE };
	x->wb = lxw.workbook_new_opt(x->tmp, &o);
	if (!x->wb) {
		rmdir(x->dir);
		free(x);
		return sk_err_set(e, SK_IOERR, "%s", _("Memori tidak cukup."));
	}
	x->head = lxw.workbook_add_format(x->wb);
	lxw.format_set_bold(x->head);
	x->code = lxw.workbook_add_format(x->wb);
	lxw.format_set_num_format(x->code, "@");
	x->date = lxw.workbook_add_format(x->wb);
	lxw.format_set_num_format(x->date, "yyyy-mm-dd");
	x->money = lxw.workbook_add_format(x->wb);
	lxw.format_set_num_format(x->money, "#,##0");
	*out = x;
	return SK_OK;
}

static void note(sk_xlsx *x, lxw_error rc)
{
	if (rc != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = rc;
}

static int name_used(const sk_xlsx *x, const char *name)
{
	for (int i = 0; i < x->nnames; i++)
		if (strcasecmp(x->names[i], name) == 0)
			return 1;
	return 0;
}

/* A sheet name Excel takes, unique in x, from name and part (> 1 adds " (part)"). */
static void sheet_name(const sk_xlsx *x, const char *name, int part, char *out, size_t n)
{
	char base[SHEET_NAME_MAX * 4 + 1];
	size_t j = 0;
	int chars = 0, room = SHEET_NAME_MAX - 5; /* keep room for " (99)" */
	for (const char *p = name && *name ? name : "Sheet"; *p && chars < room;) {
		size_t len = sk_utf8_seq(p);
		if (len == 0 || strchr("[]:*?/\\", *p) || (unsigned char)*p < 0x20) {
			base[j++] = '-';
			p += len ? len : 1;
		} else {
			memcpy(base + j, p, len);
			j += len;
			p += len;
		}
		chars++;
	}
	base[j] = '\0';
	while (j > 0 && base[0] == '\'')
		memmove(base, base + 1, j--);
	while (j > 0 && base[j - 1] == '\'')
		base[--j] = '\0';
	for (int k = part; ; k++) {
		if (k > 1)
			snprintf(out, n, "%s (%d)", j ? base : "Sheet", k);
		else
			snprintf(out, n, "%s", j ? base : "Sheet");
		if (!name_used(x, out))
			return;
	}
}

/* Column widths (and the filter on the header row) of the part being written. */
static void finish_part(xlsx_sheet *s)
{
	if (!s->ws)
		return;
	for (int c = 0; c < s->ncols; c++) {
		int w = s->width[c] + 2;
		w = w < WIDTH_MIN ? WIDTH_MIN : w > WIDTH_MAX ? WIDTH_MAX : w;
		note(s->book, lxw.worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL));
	}
	lxw_row_t last = s->col > 0 ? s->row : s->row - 1;
	if (last >= 1)
		note(s->book, lxw.worksheet_autofilter(s->ws, 0, 0, last, (lxw_col_t)(s->ncols - 1)));
}

/* Start part s->part: a new worksheet with the header row. */
static int start_part(xlsx_sheet *s)
{
	sk_xlsx *x = s->book;
	char name[sizeof s->name + 16];
	sheet_name(x, s->name, s->part, name, sizeof name);
	char **names = realloc(x->names, sizeof *names * (size_t)(x->nnames + 1));
	char *copy = strdup(name);
	if (names)
		x->names = names;
	if (!names || !copy) {
		free(copy);
		x->nomem = 1;
		return -1;
	}
	x->names[x->nnames++] = copy;
	s->ws = lxw.workbook_add_worksheet(x->wb, copy);
	if (!s->ws) {
		note(x, LXW_ERROR_SHEETNAME_ALREADY_USED);
		return -1;
	}
	lxw.worksheet_freeze_panes(s->ws, 1, 0);
	for (int c = 0; c < s->ncols; c++) {
		note(x, lxw.worksheet_write_string(s->ws, 0, (lxw_col_t)c, s->cols[c].name, x->head));
		s->width[c] = sk_width(s->cols[c].name);
	}
	s->row = 1;
	s->col = 0;
	return 0;
}

xlsx_sheet *xlsx_add_sheet(sk_xlsx *x, const char *name, const xlsx_col *cols, int n)
{
	xlsx_sheet *s = calloc(1, sizeof *s);
	int *width = calloc((size_t)(n > 0 ? n : 1), sizeof *width);
	if (!s || !width) {
		free(s);
		free(width);
		x->nomem = 1;
		return NULL;
	}
	s->book = x;
	s->cols = cols;
	s->ncols = n;
	s->width = width;
	s->part = 1;
	sk_strlcpy(s->name, name, sizeof s->name);
	s->next = x->sheets;
	x->sheets = s;
	if (start_part(s) != 0)
		return NULL;
	return s;
}

/* The cell about to be written: its column, or -1 to drop it. Opens the next part when the
 * sheet is full. */
static int next_cell(xlsx_sheet *s)
{
	if (!s || !s->ws || s->col >= s->ncols)
		return -1;
	if (s->col == 0 && s->row >= s->book->max_rows) {
		finish_part(s);
		s->part++;
		if (start_part(s) != 0)
			return -1;
	}
	return s->col++;
}

static void widen(xlsx_sheet *s, int c, int w)
{
	if (w > s->width[c])
		s->width[c] = w;
}

/* A text cell; bad UTF-8 scrubbed, cut at Excel's limit. */
static void put_text(xlsx_sheet *s, int c, const char *v, lxw_format *f)
{
	char *copy = NULL;
	if (!sk_utf8_valid(v)) {
		size_t n = strlen(v) + 1;
		copy = malloc(n);
		if (!copy) {
			s->book->nomem = 1;
			return;
		}
		v = sk_utf8_scrub(copy, n, v);
	}
	size_t bytes = strlen(v);
	if (bytes > CELL_MAX && sk_utf8_len(v) > CELL_MAX) {
		char *cut = malloc(bytes + 1);
		if (!cut) {
			free(copy);
			s->book->nomem = 1;
			return;
		}
		const char *p = v;
		for (int i = 0; i < CELL_MAX && *p; i++)
			p += sk_utf8_seq(p);
		memcpy(cut, v, (size_t)(p - v));
		cut[p - v] = '\0';
		free(copy);
		v = copy = cut;
	}
	note(s->book, lxw.worksheet_write_string(s->ws, s->row, (lxw_col_t)c, v, f));
	/* A string is never wider than its bytes: most need no measuring. */
	if ((int)strlen(v) > s->width[c] && s->width[c] < WIDTH_MAX)
		widen(s, c, sk_width(v));
	free(copy);
}

static void put_number(xlsx_sheet *s, int c, double v, int64_t shown)
{
	sk_xlsx *x = s->book;
	lxw_format *f = s->cols[c].kind == XC_MONEY ? x->money : NULL;
	note(x, lxw.worksheet_write_number(s->ws, s->row, (lxw_col_t)c, v, f));
	char buf[40];
	if (s->cols[c].kind == XC_MONEY)
		sk_format_rupiah(shown, buf, sizeof buf);
	else if (s->cols[c].kind == XC_DECIMAL)
		snprintf(buf, sizeof buf, "%g", v);
	else
		snprintf(buf, sizeof buf, "%lld", (long long)shown);
	widen(s, c, (int)strlen(buf));
}

void xlsx_int(xlsx_sheet *s, int64_t v)
{
	int c = next_cell(s);
	if (c < 0)
		return;
	if (s->cols[c].kind == XC_TEXT || s->cols[c].kind == XC_CODE || s->cols[c].kind == XC_DATE) {
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)v);
		put_text(s, c, buf, s->cols[c].kind == XC_CODE ? s->book->code : NULL);
		return;
	}
	put_number(s, c, (double)v, v);
}

/* 1 and *out when v is a whole number (optional '-' and digits only). */
static int parse_int(const char *v, int64_t *out)
{
	const char *p = *v == '-' ? v + 1 : v;
	if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 18)
		return 0;
	*out = strtoll(v, NULL, 10);
	return 1;
}

static void put_date(xlsx_sheet *s, int c, const char *v)
{
	if (strlen(v) != 10 || !valid_date(v)) {
		put_text(s, c, v, NULL);
		return;
	}
	lxw_datetime d = { .year = atoi(v), .month = atoi(v + 5), .day = atoi(v + 8) };
	note(s->book, lxw.worksheet_write_datetime(s->ws, s->row, (lxw_col_t)c, &d, s->book->date));
	widen(s, c, 10);
}

void xlsx_str(xlsx_sheet *s, const char *v)
{
	int c = next_cell(s);
	if (c < 0 || !v || !*v)
		return;
	int64_t n;
	char *end;
	double d;
	switch (s->cols[c].kind) {
	case XC_CODE:
		put_text(s, c, v, s->book->code);
		break;
	case XC_DATE:
		put_date(s, c, v);
		break;
	case XC_INT:
	case XC_MONEY:
		if (parse_int(v, &n))
			put_number(s, c, (double)n, n);
		else
			put_text(s, c, v, NULL);
		break;
	case XC_DECIMAL:
		d = strtod(v, &end);
		if (*end == '\0' && end != v)
			put_number(s, c, d, 0);
		else
			put_text(s, c, v, NULL);
		break;
	default:
		put_text(s, c, v, NULL);
	}
}

void xlsx_end_row(xlsx_sheet *s)
{
	if (!s || !s->ws)
		return;
	s->row++;
	s->rows++;
	s->col = 0;
}

long long xlsx_rows(const xlsx_sheet *s)
{
	return s ? s->rows : 0;
}

static void free_parts(sk_xlsx *x)
{
	for (xlsx_sheet *s = x->sheets, *next; s; s = next) {
		next = s->next;
		free(s->width);
		free(s);
	}
	for (int i = 0; i < x->nnames; i++)
		free(x->names[i]);
	free(x->names);
}

/* Remove the private folder and what is left in it. */
static void remove_dir(sk_xlsx *x)
{
	unlink(x->tmp);
	rmdir(x->dir);
}

void xlsx_abandon(sk_xlsx *x)
{
	if (!x)
		return;
	lxw.lxw_workbook_free(x->wb);
	remove_dir(x);
	free_parts(x);
	free(x);
}

/* Copy the finished file into path, created exclusively (for a file system that cannot move
 * a file without replacing one in its way). */
static int copy_exclusive(const char *from, const char *path, sk_err *e)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return io_error(e, path, errno);
	int out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (out < 0) {
		int err = errno;
		close(in);
		if (err == EEXIST)
			return sk_err_set(e, SK_REFUSED, _("Berkas %s sudah ada; SIKUBE tidak "
							   "menimpanya. Pakai nama lain."), path);
		return io_error(e, path, err);
	}
	char buf[65536];
	ssize_t n;
	int err = 0;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			err = errno ? errno : EIO;
			break;
		}
	if (n < 0)
		err = errno;
	if (!err && fsync(out) != 0)
		err = errno;
	if (close(out) != 0 && !err)
		err = errno;
	close(in);
	if (err) {
		unlink(path);
		return io_error(e, path, err);
	}
	return SK_OK;
}

/* Move the finished, synced file to its path. */
static int publish(sk_xlsx *x, sk_err *e)
{
	if (x->replace)
		return rename(x->tmp, x->path) == 0 ? SK_OK : io_error(e, x->path, errno);
	if (renameat2(AT_FDCWD, x->tmp, AT_FDCWD, x->path, RENAME_NOREPLACE) == 0)
		return SK_OK;
	if (errno == EEXIST)
		return sk_err_set(e, SK_REFUSED, _("Berkas %s sudah ada; SIKUBE tidak menimpanya. "
						   "Pakai nama lain."), x->path);
	if (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP)
		return copy_exclusive(x->tmp, x->path, e);
	return io_error(e, x->path, errno);
}

/* Make the file private and put it on disk before it is moved into place. */
static int seal(const char *tmp)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	int rc = fchmod(fd, 0600) == 0 && fsync(fd) == 0 ? 0 : -1;
	int err = errno;
	close(fd);
	errno = err;
	return rc;
}

int xlsx_close(sk_xlsx *x, sk_err *e)
{
	if (!x)
		return SK_OK;
	for (xlsx_sheet *s = x->sheets; s; s = s->next)
		finish_part(s);
	int rc = SK_OK;
	if (x->nomem) {
		lxw.lxw_workbook_free(x->wb);
		rc = sk_err_set(e, SK_IOERR, "%s", _("Memori tidak cukup."));
	} else {
		lxw_error err = lxw.workbook_close(x->wb);
		if (x->err == LXW_NO_ERROR)
			x->err = err;
		if (x->err != LXW_NO_ERROR)
			rc = sk_err_set(e, SK_IOERR, _("Berkas %s tidak dapat ditulis: %s"), x->path,
					lxw.lxw_strerror(x->err));
		else if (seal(x->tmp) != 0)
			rc = io_error(e, x->path, errno);
		else
			rc = publish(x, e);
	}
	remove_dir(x);
	free_parts(x);
	free(x);
	return rc;
}
