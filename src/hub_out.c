/* hub_out.c - writers of hub reports. CSV and xlsx: the report table writer (the spec's
 * header; values as they are with the formula guard on free text; typed cells). Text: a
 * block per row, its first columns on one line and the others as "label value" pairs packed
 * into 80 columns, money with thousands separators and NIKs masked. */
#include <stdlib.h>
#include <string.h>
#include "hub_out.h"
#include "i18n.h"
#include "member.h"
#include "util.h"

#define TEXT_WIDTH 80

/* ---- CSV and xlsx: the report table writer -------------------------------------------- */

/* The cell kind of a column. */
static xlsx_kind cell_kind(hub_col_kind k)
{
	switch (k) {
	case HC_TEXT: return XC_TEXT;
	case HC_INT:
	case HC_PERCENT: return XC_INT;
	case HC_RUPIAH: return XC_MONEY;
	case HC_DATE: return XC_DATE;
	default: return XC_CODE; /* ids, codes, NIKs: text cells that keep every digit */
	}
}

static int table_begin(hub_out *o, sk_err *e)
{
	int n = 0;
	for (int c = 0; c < o->ncols; c++)
		if (!(o->cols[c].flags & HC_TEXT_ONLY))
			o->xcols[n++] = (xlsx_col){ o->cols[c].name, cell_kind(o->cols[c].kind),
						    (o->cols[c].flags & HC_XLSX_ONLY) != 0 };
	return report_table_begin(&o->tab, o->ro, o->f, o->sheet, o->xcols, n, 1, e);
}

static int table_row(hub_out *o, char *const *v)
{
	for (int c = 0; c < o->ncols; c++)
		if (!(o->cols[c].flags & HC_TEXT_ONLY))
			report_table_str(&o->tab, v[c]);
	report_table_eol(&o->tab);
	return o->f && ferror(o->f) ? SK_IOERR : SK_OK;
}

static int flush_end(hub_out *o, long long rows)
{
	(void)rows;
	if (!o->f)
		return SK_OK; /* a workbook: written when closed */
	return fflush(o->f) == 0 && !ferror(o->f) ? SK_OK : SK_IOERR;
}

static const hub_out_ops TABLE_OPS = { table_begin, table_row, flush_end };

/* ---- text ---------------------------------------------------------------------------------- */

/* Text remembers the last heading printed. */
struct text_state {
	char heading[512];
};

static int text_begin(hub_out *o, sk_err *e)
{
	(void)e;
	fprintf(o->f, "%s\n", o->title);
	o->priv = calloc(1, sizeof(struct text_state));
	if (!o->priv)
		abort();
	return ferror(o->f) ? SK_IOERR : SK_OK;
}

/* A value as people read it into out. */
static const char *shown(const hub_col *c, const char *v, char *out, size_t n)
{
	if (!v || !*v)
		return "-";
	char num[48];
	switch (c->kind) {
	case HC_RUPIAH:
		snprintf(out, n, "Rp %s", sk_format_rupiah(atoll(v), num, sizeof num));
		return out;
	case HC_PERCENT:
		snprintf(out, n, "%s%%", v);
		return out;
	case HC_NIK:
		member_mask_nik(v, out, n);
		return out;
	case HC_CODE:
		/* levels and categories are words people read in their language */
		return strcmp(c->name, "kode_wilayah") == 0 ? v : _(v);
	default:
		return v;
	}
}

/* The heading columns, printed when they change. */
static void text_heading(hub_out *o, char *const *v)
{
	struct text_state *ts = o->priv;
	char buf[512], now[512] = "";
	for (int c = 0; c < o->ncols; c++)
		if (o->cols[c].flags & HC_HEADING) {
			size_t len = strlen(now);
			snprintf(now + len, sizeof now - len, "%s%s", len ? "  " : "",
				 shown(&o->cols[c], v[c], buf, sizeof buf));
		}
	if (*now && strcmp(now, ts->heading) != 0) {
		fprintf(o->f, "\n%s\n", now);
		sk_strlcpy(ts->heading, now, sizeof ts->heading);
	}
}

/* "label value" pairs of the other columns, packed into lines of TEXT_WIDTH. */
static void text_pairs(hub_out *o, char *const *v, const char *indent)
{
	char buf[512], line[TEXT_WIDTH * 8], pair[600];
	int used = 0;
	line[0] = '\0';
	for (int c = 0; c < o->ncols; c++) {
		if (o->cols[c].flags & (HC_DATA_ONLY | HC_XLSX_ONLY | HC_TITLE | HC_HEADING))
			continue;
		snprintf(pair, sizeof pair, "%s %s", _(o->cols[c].label),
			 shown(&o->cols[c], v[c], buf, sizeof buf));
		int w = sk_width(pair);
		if (used && used + 2 + w > TEXT_WIDTH) {
			fprintf(o->f, "%s\n", line);
			used = 0;
		}
		if (!used) {
			snprintf(line, sizeof line, "%s%s", indent, pair);
			used = sk_width(line);
		} else if (strlen(line) + strlen(pair) + 3 < sizeof line) {
			strcat(line, ", ");
			strcat(line, pair);
			used += 2 + w;
		}
	}
	if (used)
		fprintf(o->f, "%s\n", line);
}

static int text_row(hub_out *o, char *const *v)
{
	char buf[512];
	int n = 0;
	text_heading(o, v);
	fputs("  ", o->f);
	for (int c = 0; c < o->ncols; c++)
		if (o->cols[c].flags & HC_TITLE)
			fprintf(o->f, "%s%s", n++ ? "  " : "", shown(&o->cols[c], v[c], buf, sizeof buf));
	fputc('\n', o->f);
	text_pairs(o, v, "    ");
	return ferror(o->f) ? SK_IOERR : SK_OK;
}

static int text_end(hub_out *o, long long rows)
{
	free(o->priv);
	o->priv = NULL;
	if (rows == 0)
		fprintf(o->f, "%s\n", _("Tidak ada data untuk wilayah ini."));
	else
		fprintf(o->f, _("\n%lld baris.\n"), rows);
	return flush_end(o, rows);
}

static const hub_out_ops TEXT_OPS = { text_begin, text_row, text_end };

const hub_out_ops *hub_out_ops_for(report_format fmt)
{
	return fmt == REPORT_TEXT ? &TEXT_OPS : &TABLE_OPS;
}
