/* report_cashtext.c - one cash book as a table for people: 80 columns, amounts as wide as the
 * book needs, the whole description wrapped in the room that is left. */
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include "i18n.h"
#include "report_priv.h"
#include "util.h"

#define PAGE_WIDTH 80
#define W_DATE 10
/* A description column narrower than this makes the line longer than the page instead. */
#define W_DESC_MIN 20
#define W_BUKTI_MAX 16

struct cash_line {
	char tanggal[11];
	char *bukti, *desc;
	int64_t masuk, keluar, saldo;
};

struct cash_text {
	char buku[16];
	int has_awal;
	int64_t awal, masuk, keluar, saldo;
	struct cash_line *rows;
	int n, cap;
	int nomem;
};

cash_text *cash_text_new(const char *buku, int has_awal, int64_t awal)
{
	cash_text *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	sk_strlcpy(t->buku, buku, sizeof t->buku);
	t->has_awal = has_awal;
	t->awal = t->saldo = awal;
	return t;
}

/* A copy of s with line ends and tabs as spaces, other control characters and bytes that are
 * not UTF-8 as '?'. NULL when memory runs out. */
static char *clean_copy(const char *s)
{
	size_t n = strlen(s ? s : "");
	char *tmp = malloc(n + 1), *out = malloc(n + 1);
	if (tmp && out) {
		for (size_t i = 0; i <= n; i++)
			tmp[i] = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
		sk_utf8_scrub(out, n + 1, tmp);
	} else {
		free(out);
		out = NULL;
	}
	free(tmp);
	return out;
}

void cash_text_add(cash_text *t, const char *tanggal, const char *bukti, const char *desc,
		   int64_t masuk, int64_t keluar, int64_t saldo)
{
	if (!t || t->nomem)
		return;
	if (t->n == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		struct cash_line *rows = realloc(t->rows, sizeof *rows * (size_t)cap);
		if (!rows) {
			t->nomem = 1;
			return;
		}
		t->rows = rows;
		t->cap = cap;
	}
	struct cash_line *l = &t->rows[t->n];
	sk_strlcpy(l->tanggal, tanggal, sizeof l->tanggal);
	l->bukti = clean_copy(bukti);
	l->desc = clean_copy(desc);
	if (!l->bukti || !l->desc) {
		free(l->bukti);
		free(l->desc);
		t->nomem = 1;
		return;
	}
	l->masuk = masuk;
	l->keluar = keluar;
	l->saldo = saldo;
	t->n++;
	t->masuk += masuk;
	t->keluar += keluar;
	t->saldo = saldo;
}

int cash_text_failed(const cash_text *t)
{
	return !t || t->nomem;
}

/* Column widths of one book's table. */
struct widths {
	int bukti, desc, masuk, keluar, saldo;
};

static int money_width(int64_t v)
{
	char buf[32];
	return (int)strlen(sk_format_rupiah(v, buf, sizeof buf));
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static struct widths measure(const cash_text *t)
{
	struct widths w = { sk_width(_("No.Bukti")), 0, sk_width(_("Masuk")), sk_width(_("Keluar")),
			    sk_width(_("Saldo")) };
	w.masuk = max_int(w.masuk, money_width(t->masuk));
	w.keluar = max_int(w.keluar, money_width(t->keluar));
	w.saldo = max_int(max_int(w.saldo, money_width(t->awal)), money_width(t->saldo));
	for (int i = 0; i < t->n; i++) {
		w.bukti = max_int(w.bukti, sk_width(t->rows[i].bukti));
		w.saldo = max_int(w.saldo, money_width(t->rows[i].saldo));
	}
	if (w.bukti > W_BUKTI_MAX)
		w.bukti = W_BUKTI_MAX;
	w.desc = PAGE_WIDTH - (W_DATE + w.bukti + w.masuk + w.keluar + w.saldo + 5);
	if (w.desc < W_DESC_MIN)
		w.desc = W_DESC_MIN;
	return w;
}

/* One line of the table, without trailing blanks; desc already fits its column. */
static void line(FILE *f, const struct widths *w, const char *date, const char *bukti,
		 const char *desc, const char *in, const char *out, const char *bal)
{
	char b[W_BUKTI_MAX * 4 + 1], d[PAGE_WIDTH * 4 + 1], buf[PAGE_WIDTH * 8];
	int n = snprintf(buf, sizeof buf, "%-*s %s %s %*s %*s %*s", W_DATE, date,
			 sk_fit(b, sizeof b, bukti, w->bukti), sk_fit(d, sizeof d, desc, w->desc),
			 w->masuk, in, w->keluar, out, w->saldo, bal);
	if (n >= (int)sizeof buf)
		n = (int)sizeof buf - 1;
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	fprintf(f, "%.*s\n", n, buf);
}

/* Bytes of the longest start of s (n bytes) that fits width columns; at least one character. */
static size_t fit_prefix(const char *s, size_t n, int width)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t i = 0;
	int used = 0;
	while (i < n) {
		wchar_t wc;
		size_t len = sk_char_next(s + i, &wc, &ps);
		used += sk_char_width(wc);
		if (used > width && i > 0)
			break;
		i += len;
	}
	return i;
}

/* A row: the description broken where the Unicode line breaking rules allow (libunistring),
 * a word wider than its column cut across lines; the figures on the first line. */
static void row(FILE *f, const struct widths *w, const struct cash_line *l, const char *desc)
{
	char in[32] = "", outm[32] = "", bal[32];
	if (l->masuk)
		sk_format_rupiah(l->masuk, in, sizeof in);
	if (l->keluar)
		sk_format_rupiah(l->keluar, outm, sizeof outm);
	sk_format_rupiah(l->saldo, bal, sizeof bal);
	size_t n = strlen(desc);
	char *brk = malloc(n + 1);
	if (brk)
		u8_width_linebreaks((const uint8_t *)desc, n, w->desc, 0, 0, NULL, "UTF-8", brk);
	int first = 1;
	size_t start = 0;
	do {
		size_t end = start + 1;
		while (brk && end < n && brk[end] != UC_BREAK_POSSIBLE)
			end++;
		if (!brk || end > n)
			end = n;
		size_t len = end - start;
		while (len > 0 && desc[start + len - 1] == ' ')
			len--;
		size_t done = 0;
		do {
			size_t piece = fit_prefix(desc + start + done, len - done, w->desc);
			char part[PAGE_WIDTH * 4 + 1];
			snprintf(part, sizeof part, "%.*s", (int)piece, desc + start + done);
			if (first)
				line(f, w, l->tanggal, l->bukti, part, in, outm, bal);
			else
				line(f, w, "", "", part, "", "", "");
			first = 0;
			done += piece;
		} while (done < len);
		start = end;
	} while (start < n);
	free(brk);
}

void cash_text_print(const cash_text *t, FILE *f)
{
	struct widths w = measure(t);
	char h[160], bal[32], in[32], outm[32];
	if (strcmp(t->buku, "umum") == 0)
		snprintf(h, sizeof h, "%s", _("Buku kas umum"));
	else if (strcmp(t->buku, "iks") == 0)
		snprintf(h, sizeof h, "%s", _("Buku kas IKS (iuran kesetiakawanan sosial)"));
	else if (strcmp(t->buku, "simpin") == 0)
		snprintf(h, sizeof h, "%s", _("Buku kas simpan pinjam"));
	else
		snprintf(h, sizeof h, _("Buku kas %s"), t->buku);
	fprintf(f, "%s\n", h);
	line(f, &w, _("Tanggal"), _("No.Bukti"), _("Uraian"), _("Masuk"), _("Keluar"), _("Saldo"));
	char rule[PAGE_WIDTH * 2 + 8];
	int len = W_DATE + w.bukti + w.desc + w.masuk + w.keluar + w.saldo + 5;
	if (len > (int)sizeof rule - 1)
		len = (int)sizeof rule - 1;
	memset(rule, '-', (size_t)len);
	rule[len] = '\0';
	fprintf(f, "%s\n", rule);
	if (t->has_awal)
		line(f, &w, "", "", _("Saldo awal"), "", "", sk_format_rupiah(t->awal, bal, sizeof bal));
	for (int i = 0; i < t->n; i++)
		row(f, &w, &t->rows[i], t->rows[i].desc);
	if (t->n == 0)
		line(f, &w, "", "", _("Tidak ada transaksi."), "", "", "");
	line(f, &w, "", "", _("Jumlah"), sk_format_rupiah(t->masuk, in, sizeof in),
	     sk_format_rupiah(t->keluar, outm, sizeof outm), sk_format_rupiah(t->saldo, bal, sizeof bal));
}

void cash_text_free(cash_text *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->n; i++) {
		free(t->rows[i].bukti);
		free(t->rows[i].desc);
	}
	free(t->rows);
	free(t);
}
