/* test_hub.c - the parts of the hub that need no server: the bundle tables as the hub reads
 * them off BUNDLE_TABLES (keys, the way to the group, what each *_id names), PostgreSQL's
 * COPY text format both ways, the report writers, and a loan's terms read from the hub's
 * text. The server side is tested by tests/hub_load.sh and tests/hub_report.sh on a private
 * cluster. */
#include <stdlib.h>
#include <string.h>
#include "hub_out.h"
#include "hub_priv.h"
#include "i18n.h"
#include "testlib.h"

static const hub_table *table(const char *name)
{
	int t = hub_table_by_name(name);
	return t < 0 ? NULL : &hub_tables()[t];
}

static const char *col(const hub_table *t, int c)
{
	return c >= 0 ? t->def->cols[c].name : "";
}

static void test_tables(void)
{
	const hub_table *k = table("kelompok"), *a = table("anggota"), *p = table("penilaian"),
			*m = table("pertemuan"), *h = table("kehadiran"), *c = table("kas");
	CHECK(k && a && p && m && h && c, "the format-1 tables are there");
	if (!k || !a || !p || !m || !h || !c)
		return;
	CHECK(k->parent == -1 && k->nkey == 1 && strcmp(col(k, k->key[0]), "id") == 0,
	      "kelompok: keyed by id, the top of the chain");
	CHECK(a->parent == k->bt && strcmp(col(a, a->parent_col), "kelompok_id") == 0,
	      "anggota: its group through kelompok_id");
	CHECK(p->parent == a->bt && strcmp(col(p, p->parent_col), "anggota_id") == 0,
	      "penilaian: its group through its member");
	CHECK(h->nkey == 2 && strcmp(col(h, h->key[0]), "pertemuan_id") == 0 &&
	      strcmp(col(h, h->key[1]), "anggota_id") == 0, "kehadiran: keyed by its meeting and member");
	CHECK(h->parent == m->bt, "kehadiran: its group through its meeting");
	CHECK(c->parent == k->bt, "kas: its group through kelompok_id");
	int mb = bundle_col_index(c->bt, "membalik_id"), pm = bundle_col_index(c->bt, "pertemuan_id");
	CHECK(mb >= 0 && c->ref[mb] == c->bt, "kas.membalik_id names a kas row");
	CHECK(pm >= 0 && c->ref[pm] == m->bt, "kas.pertemuan_id names a meeting");
	CHECK(c->ref[bundle_col_index(c->bt, "masuk")] == -1, "kas.masuk names nothing");
	int ok = 1;
	for (int t = 0; t < BT_COUNT; t++)
		ok &= hub_tables()[t].stamp_col >= 0 && hub_tables()[t].nkey >= 1 &&
		      (t == k->bt || hub_tables()[t].parent >= 0);
	CHECK(ok, "every table has a key, a stamp and a way to its group");
	CHECK(hub_table_by_name("nothing") == -1, "an unknown table");
}

/* Encode fields as COPY input, decode them as COPY output: the same values come back. */
/* A row's fingerprint: what the importer reads of it, nothing else. */
static void test_sidik(void)
{
	const hub_table *p = table("penilaian"), *k = table("kelompok");
	const char *v[HUB_MAX_COLS] = { 0 }, *w[HUB_MAX_COLS] = { 0 };
	char a[HUB_SIDIK_LEN + 1], b[HUB_SIDIK_LEN + 1];
	int n = p->def->ncols, derived = -1, text = -1;
	for (int c = 0; c < n; c++) {
		v[c] = w[c] = c % 3 ? "1" : NULL;
		if (p->def->cols[c].kind == BC_DERIVED)
			derived = c;
		if (p->def->cols[c].kind == BC_TEXT)
			text = c;
	}
	hub_row_sidik(p, v, a);
	CHECK(strlen(a) == HUB_SIDIK_LEN && strspn(a, "0123456789abcdef") == HUB_SIDIK_LEN,
	      "32 hex digits (PostgreSQL reads them as a uuid)");
	for (int c = 0; c < n; c++)
		w[c] = v[c] ? v[c] : "";
	hub_row_sidik(p, w, b);
	CHECK(strcmp(a, b) == 0, "NULL and an empty value are the same (import: NULL is \"\")");
	CHECK(derived >= 0 && text >= 0, "penilaian has a derived and a free-text column");
	if (derived < 0 || text < 0)
		return;
	w[derived] = "something else";
	hub_row_sidik(p, w, b);
	CHECK(strcmp(a, b) == 0, "a derived column (recomputed on import) does not count");
	w[derived] = v[derived];
	w[text] = "x";
	hub_row_sidik(p, w, b);
	CHECK(strcmp(a, b) != 0, "any other column counts");
	w[text] = v[text];
	/* a value moved from one column to the next is another row */
	for (int c = 0; c + 1 < n; c++)
		if (p->def->cols[c].kind != BC_DERIVED && p->def->cols[c + 1].kind != BC_DERIVED) {
			w[c] = "ab";
			w[c + 1] = "c";
			hub_row_sidik(p, w, a);
			w[c] = "a";
			w[c + 1] = "bc";
			hub_row_sidik(p, w, b);
			break;
		}
	CHECK(strcmp(a, b) != 0, "\"ab\",\"c\" is not \"a\",\"bc\"");
	hub_row_sidik(k, w, b);
	hub_row_sidik(p, w, a);
	CHECK(strcmp(a, b) != 0, "the same values in another table are another row");
}

static void test_copy_text(void)
{
	const char *in[] = { "plain", "tab\there", "line\nbreak", "cr\rhere", "back\\slash",
			     "\\N", "", NULL, "Ñoño 王小明", "'=1+1", "end\\" };
	int n = (int)(sizeof in / sizeof in[0]);
	hub_copy cp = { .cap = 65536 };
	cp.buf = malloc(cp.cap);
	for (int i = 0; i < n; i++)
		hub_copy_field(&cp, in[i]);
	hub_copy_eol(&cp);
	CHECK(cp.len > 0 && cp.buf[cp.len - 1] == '\n', "one line, ended");
	char line[1024];
	memcpy(line, cp.buf, cp.len - 1);
	line[cp.len - 1] = '\0';
	CHECK(strchr(line, '\n') == NULL && strchr(line, '\r') == NULL, "no raw line breaks inside");
	char *f[16];
	int nf = hub_copy_split(line, f, 16);
	CHECK(nf == n, "as many fields as went in");
	for (int i = 0; i < n && i < nf; i++) {
		const char *want = in[i] && *in[i] ? in[i] : NULL;
		int same = want ? f[i] && strcmp(f[i], want) == 0 : f[i] == NULL;
		char name[80];
		snprintf(name, sizeof name, "field %d comes back as it went in", i);
		CHECK(same, name);
	}
	free(cp.buf);
	char out[] = "a\\101\\x42\\\\\tx\\by\\fz\\vw";
	nf = hub_copy_split(out, f, 16);
	CHECK(nf == 2 && strcmp(f[0], "aAB\\") == 0 && strcmp(f[1], "x\by\fz\vw") == 0,
	      "octal, hex and letter escapes of COPY output");
}

static char *render(report_format fmt, const hub_col *cols, int ncols, char **rows, int nrows)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	report_opts ro = { .fmt = fmt };
	xlsx_col xcols[16];
	hub_out o = { .ops = hub_out_ops_for(fmt), .f = f, .ro = &ro, .title = "Judul",
		      .sheet = "uji", .cols = cols, .ncols = ncols, .xcols = xcols };
	o.ops->begin(&o, NULL);
	for (int r = 0; r < nrows; r++) {
		o.rows++;
		o.ops->row(&o, rows + r * ncols);
	}
	o.ops->end(&o, o.rows);
	fclose(f);
	return buf;
}

static void test_writers(void)
{
	static const hub_col cols[] = {
		{ "kelompok", HC_TEXT, "kelompok", HC_TEXT_ONLY | HC_HEADING },
		{ "anggota_id", HC_ID, "anggota", HC_DATA_ONLY },
		{ "nik", HC_NIK, "NIK", HC_TITLE },
		{ "nama", HC_TEXT, "nama", HC_TITLE },
		{ "saldo", HC_RUPIAH, "saldo", 0 },
		{ "persen", HC_PERCENT, "persen", 0 },
		{ "tanggal", HC_DATE, "tanggal", 0 },
	};
	char *rows[] = {
		"KUBE A", "11111111-1111-4111-8111-111111111111", "3171081208800001", "=Ali", "1250000", "83", NULL,
		"KUBE A", "22222222-2222-4222-8222-222222222222", "3171081208800002", "Budi, S.", "0", NULL, "2025-02-03",
	};
	char *csv = render(REPORT_CSV, cols, 7, rows, 2);
	CHECK(csv && strncmp(csv, "anggota_id,nik,nama,saldo,persen,tanggal\n", 41) == 0,
	      "csv: the header without text-only columns");
	CHECK(csv && strstr(csv, ",3171081208800001,'=Ali,1250000,83,\n"), "csv: whole values, text guarded");
	CHECK(csv && strstr(csv, ",\"Budi, S.\",0,,2025-02-03\n"), "csv: quoting and empty values");
	free(csv);
	char *text = render(REPORT_TEXT, cols, 7, rows, 2);
	const char *head = text ? strstr(text, "KUBE A") : NULL;
	CHECK(head && head[-1] == '\n' && head[6] == '\n' && !strstr(head + 1, "KUBE A"),
	      "text: the group's heading once, on a line of its own");
	CHECK(text && !strstr(text, "3171081208800001") && strstr(text, "317108**********"),
	      "text: the NIK masked");
	CHECK(text && strstr(text, "Rp 1.250.000") && strstr(text, "83%"), "text: money and percent");
	CHECK(text && !strstr(text, "11111111-1111"), "text: no ids");
	CHECK(text && strstr(text, "persen -"), "text: a missing value shows as -");
	free(text);
	CHECK(hub_out_ops_for(REPORT_XLSX) == hub_out_ops_for(REPORT_CSV),
	      "xlsx: the table writer, as CSV");
}

/* A loan's terms as the hub reads them (text, NULL for SQL NULL), for its schedule totals. */
static void test_loan_terms(void)
{
	sk_loan_terms t;
	static sk_loan_schedule s;
	CHECK(hub_loan_terms("2026-01-05", "300000", "2", "flat", "12", "minggu", &t) == LOAN_OK &&
	      loan_schedule(&t, &s) == LOAN_OK && s.jasa == 18000 && s.pokok == 300000,
	      "300.000 at 2 % flat over 12 weeks: 18.000 of service in all");
	CHECK(hub_loan_terms("2026-01-05", "300000", "1.5", "menurun", "3", "bulan", &t) == LOAN_OK &&
	      t.rate == 150 && t.metode == LOAN_MENURUN && t.jarak == LOAN_BULAN && t.jumlah == 3,
	      "a declining monthly loan's terms");
	CHECK(hub_loan_terms("2026-01-05", "300000", NULL, "flat", "12", "minggu", &t) == LOAN_E_RATE,
	      "no rate: no schedule");
	CHECK(hub_loan_terms("2026-01-05", "300000", "2", NULL, NULL, "hari", &t) == LOAN_OK &&
	      loan_schedule(&t, &s) != LOAN_OK, "unknown method and interval: no schedule");
}

int main(void)
{
	i18n_init("id");
	test_tables();
	test_sidik();
	test_copy_text();
	test_writers();
	test_loan_terms();
	return testlib_summary();
}
