/* csvio.h - CSV reading and writing through libcsv (the only CSV code in SIKUBE).
 * No curses here. */
#ifndef SK_CSVIO_H
#define SK_CSVIO_H

#include <stdio.h>
#include "sk_err.h"

/* Called once per record. fields[i] are NUL-terminated (owned by the reader, valid during the
 * call); line is the 1-based line number where the record starts (as a spreadsheet shows it,
 * header = line 1). Return 0 to go on, non-zero to stop reading. */
typedef int (*csv_row_fn)(void *ctx, int line, int nfields, char **fields);

/* Read path record by record with libcsv (a regular file only: see csv_open_file): skips a UTF-8 BOM, takes ',' or ';' from the header
 * line, accepts LF and CRLF. The header is delivered as the first record (line 1).
 * Memory stays bounded whatever the file holds: refused (SK_REFUSED, message naming path and
 * line, nothing more delivered) are a record of more than 4096 fields or 4 MB, a field of more
 * than 1 MB, a NUL byte (binary data), a last record cut short (no line end and fewer fields
 * than the header: a truncated file) and broken quoting.
 * Returns SK_OK, SK_IOERR (cannot read) or SK_REFUSED (malformed CSV), message in e. */
int csv_read_file(const char *path, csv_row_fn fn, void *ctx, sk_err *e);

/* Open name (relative to the folder dirfd, or AT_FDCWD) for reading, only when it is a
 * regular file: a symlink in its place, a FIFO, a device or a folder is refused before a byte
 * is read (SK_REFUSED), and opening never waits. label names the file in messages. Returns
 * the descriptor (the caller closes it), or -1 with the reason in e. */
int csv_open_file(int dirfd, const char *name, const char *label, sk_err *e);
/* Called with every chunk of bytes as it is read (to hash exactly what is parsed). */
typedef void (*csv_bytes_fn)(void *ctx, const void *data, size_t n);
/* csv_read_file on an open descriptor, from its current offset to the end of the file; each
 * chunk read goes to bytes (may be NULL) before it is parsed. Reading stops early only when
 * fn asks or the file is refused. The descriptor stays open. */
int csv_read_fd(int fd, const char *label, csv_row_fn fn, void *ctx, csv_bytes_fn bytes,
		void *bctx, sk_err *e);
/* Index of the first header name that repeats an earlier one (empty names aside), or -1. */
int csv_header_repeated(int nf, char **hdr);

/* Map header names to column positions: idx[i] receives the position of names[i] in hdr or -1.
 * names is NULL-terminated. Returns the index in names of the first missing name, or -1 when
 * all are present. Unknown extra columns are ignored (spec: later versions may add columns). */
int csv_header_map(int nf, char **hdr, const char *const *names, int *idx);
/* Field idx of a record, or "" when idx < 0 or beyond nf. */
const char *csv_field(int nf, char **fields, int idx);

/* A CSV writer: delimiter ',' or ';', line end "\n" or "\r\n". */
typedef struct csv_out {
	FILE *f;
	char delim;
	const char *eol;
	int nfield;       /* fields written on the current line */
	int formula_guard;/* prefix ' to text fields starting with = + - @ TAB CR */
} csv_out;

/* Start writing to f (not owned). excel: ';' and CRLF and a BOM written now. */
void csv_out_init(csv_out *w, FILE *f, int excel);
/* Write one text field (quoted by libcsv when needed: delimiter, quote, CR, LF, or a blank at
 * either end). NULL writes an empty field. */
void csv_out_text(csv_out *w, const char *s);
/* Write a text field without the formula guard (numbers, codes, dates). */
void csv_out_raw(csv_out *w, const char *s);
void csv_out_int(csv_out *w, long long v);
/* The formula guard (bundle.md): csv_out_text writes a ' before text that starts with
 * = + - @ TAB or CR, and also before text that starts with ' and then, after its leading
 * quotes, such a character (so that "'=x" comes back as written). csv_needs_guard(s) says
 * whether s gets it (NULL: no). Any other text, "'Ali" among them, is written as it is. */
int csv_needs_guard(const char *s);
/* A text field as read back: without the one ' that the guard adds, removed only where the
 * guard would have put it (a ' followed, after any further quotes, by = + - @ TAB or CR);
 * "'Ali" stays "'Ali". Returns a pointer into s ("" for NULL). Use on text columns only. */
const char *csv_unguard(const char *s);
/* End the current record. */
void csv_out_eol(csv_out *w);

#endif
