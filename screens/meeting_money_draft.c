/* meeting_money_draft.c - the savings-and-loans pages of a new meeting in its draft (the
 * window closed while the meeting was being typed, form_util.h fu_draft_save): one line per
 * typed amount or loan after the form's fields and the attendance lines, taken back when the
 * clerk accepts the draft. The pages are prepared again first (the prefill of the draft's date
 * and roll call); a line changes only a row still on them.
 *   mm.sav.<member id>=<pokok>,<wajib>,<sukarela>
 *   mm.rep.<loan id>=<pokok>,<jasa>
 *   mm.fine.<fine id or "">.<member id>.<jenis>=<paid>,<waived>[,<amount> when added by hand]
 *   mm.loan.<member id>=<pokok>,<instalments>,<minggu|bulan>,<simpin|uep>,<purpose> */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "meeting_form.h"
#include "simpin_meeting.h"
#include "ui.h"
#include "validate.h"

/* One line at most: the keys, five numbers and a purpose. */
#define LINE_MAX_BYTES (3 * SK_UUID_LEN + 2 * SK_NAME_BYTES + 160)

char *mm_draft_text(struct meeting_form *f)
{
	const sk_meeting_money *mm = mm_money(f);
	if (!mm)
		return NULL;
	size_t cap = (size_t)(mm->nsav + mm->nrep + mm->nfine + mm->nloan + 1) * LINE_MAX_BYTES;
	char *t = malloc(cap);
	if (!t)
		return NULL;
	size_t u = 0;
	t[0] = '\0';
	for (int i = 0; i < mm->nsav; i++)
		u += (size_t)snprintf(t + u, cap - u, "mm.sav.%s=%" PRId64 ",%" PRId64 ",%" PRId64 "\n",
				      mm->sav[i].anggota_id, mm->sav[i].setor[SIMPIN_POKOK],
				      mm->sav[i].setor[SIMPIN_WAJIB], mm->sav[i].setor[SIMPIN_SUKARELA]);
	for (int i = 0; i < mm->nrep; i++)
		u += (size_t)snprintf(t + u, cap - u, "mm.rep.%s=%" PRId64 ",%" PRId64 "\n",
				      mm->rep[i].pinjaman_id, mm->rep[i].pokok, mm->rep[i].jasa);
	for (int i = 0; i < mm->nfine; i++) {
		const sk_meeting_fine *fn = &mm->fine[i];
		int added = !fn->id[0] && !fn->raised;
		u += (size_t)snprintf(t + u, cap - u, "mm.fine.%s.%s.%s=%d,%d", fn->id, fn->anggota_id,
				      fn->jenis, fn->bayar, fn->bebas);
		if (added)
			u += (size_t)snprintf(t + u, cap - u, ",%" PRId64, fn->jumlah);
		u += (size_t)snprintf(t + u, cap - u, "\n");
	}
	for (int i = 0; i < mm->nloan; i++) {
		const sk_meeting_loan *l = &mm->loan[i];
		char tujuan[SK_NAME_BYTES];
		snprintf(tujuan, sizeof tujuan, "%s", l->tujuan);
		tujuan[strcspn(tujuan, "\n")] = '\0';
		u += (size_t)snprintf(t + u, cap - u, "mm.loan.%s=%" PRId64 ",%d,%s,%s,%s\n",
				      l->anggota_id, l->pokok, l->jumlah_angsuran, l->jarak, l->sumber,
				      tujuan);
	}
	return t;
}

/* The attendance row of member id, or -1. */
static int row_of(const struct meeting_form *f, const char *id)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->rows[i].anggota_id, id) == 0)
			return i;
	return -1;
}

/* Amounts are never negative on the pages: a draft someone edited is not trusted further. */
static int64_t amount(long long v)
{
	return v > 0 && v <= SK_MONEY_MAX ? (int64_t)v : 0;
}

static void load_saving(struct meeting_form *f, sk_meeting_money *mm, const char *line)
{
	char id[SK_UUID_LEN + 1];
	long long p, w, s;
	if (sscanf(line, "mm.sav.%36[^=]=%lld,%lld,%lld", id, &p, &w, &s) != 4)
		return;
	int r = row_of(f, id);
	for (int i = 0; r >= 0 && i < mm->nsav; i++) {
		if (strcmp(mm->sav[i].anggota_id, id) != 0)
			continue;
		mm->sav[i].setor[SIMPIN_POKOK] = amount(p);
		mm->sav[i].setor[SIMPIN_WAJIB] = amount(w);
		mm->sav[i].setor[SIMPIN_SUKARELA] = amount(s);
	}
}

static void load_repay(sk_meeting_money *mm, const char *line)
{
	char id[SK_UUID_LEN + 1];
	long long p, j;
	if (sscanf(line, "mm.rep.%36[^=]=%lld,%lld", id, &p, &j) != 3)
		return;
	for (int i = 0; i < mm->nrep; i++) {
		if (strcmp(mm->rep[i].pinjaman_id, id) != 0)
			continue;
		int64_t pokok = amount(p);
		mm->rep[i].pokok = pokok > mm->rep[i].sisa_pokok ? mm->rep[i].sisa_pokok : pokok;
		mm->rep[i].jasa = amount(j);
	}
}

/* A fine added by hand goes on the pages before they are brought in line; the marks of the
 * others after (the roll call raises them again). */
static void load_fine(struct meeting_form *f, sk_meeting_money *mm, const char *line, int added,
		      unsigned char *taken)
{
	char id[SK_UUID_LEN + 1] = "", who[SK_UUID_LEN + 1], jenis[12];
	int bayar, bebas;
	long long jumlah = 0;
	const char *p = line + strlen("mm.fine.");
	if (*p != '.' && sscanf(p, "%36[^.]", id) != 1)
		return;
	p += strlen(id);
	int n = sscanf(p, ".%36[^.].%11[^=]=%d,%d,%lld", who, jenis, &bayar, &bebas, &jumlah);
	if (n < 4)
		return;
	if (added) {
		int r = row_of(f, who);
		if (n != 5 || id[0] || strcmp(jenis, "lainnya") != 0 || r < 0 || amount(jumlah) == 0 ||
		    mm->nfine >= SM_MAX_FINES)
			return;
		sk_meeting_fine *fn = &mm->fine[mm->nfine++];
		memset(fn, 0, sizeof *fn);
		sk_strlcpy(fn->anggota_id, who, sizeof fn->anggota_id);
		sk_strlcpy(fn->nama, f->names[r].nama, sizeof fn->nama);
		sk_strlcpy(fn->jenis, jenis, sizeof fn->jenis);
		sk_strlcpy(fn->tanggal, f->m.tanggal, sizeof fn->tanggal);
		fn->jumlah = amount(jumlah);
		fn->bayar = bayar != 0;
		fn->bebas = bebas != 0 && !fn->bayar;
		return;
	}
	if (n == 5)
		return;
	/* A member late with two instalments has two raised fines alike: one line each. */
	for (int i = 0; i < mm->nfine; i++) {
		sk_meeting_fine *fn = &mm->fine[i];
		if (taken[i] || strcmp(fn->id, id) != 0 || strcmp(fn->anggota_id, who) != 0 ||
		    strcmp(fn->jenis, jenis) != 0 || (!id[0] && !fn->raised))
			continue;
		taken[i] = 1;
		fn->bayar = bayar != 0;
		fn->bebas = bebas != 0 && !fn->bayar;
		break;
	}
}

static void load_loan(struct meeting_form *f, sk_meeting_money *mm, const char *line)
{
	char who[SK_UUID_LEN + 1], jarak[8], sumber[8], tujuan[SK_NAME_BYTES] = "";
	long long pokok;
	int jumlah;
	if (sscanf(line, "mm.loan.%36[^=]=%lld,%d,%7[^,],%7[^,],%199[^\n]", who, &pokok, &jumlah,
		   jarak, sumber, tujuan) < 5)
		return;
	int r = row_of(f, who);
	if (r < 0 || amount(pokok) == 0 || jumlah < 1 || jumlah > 520 || mm->nloan >= SM_MAX_LOANS ||
	    (strcmp(jarak, "minggu") != 0 && strcmp(jarak, "bulan") != 0) ||
	    (strcmp(sumber, "simpin") != 0 && strcmp(sumber, "uep") != 0))
		return;
	sk_meeting_loan *l = &mm->loan[mm->nloan++];
	memset(l, 0, sizeof *l);
	sk_strlcpy(l->anggota_id, who, sizeof l->anggota_id);
	sk_strlcpy(l->nama, f->names[r].nama, sizeof l->nama);
	l->pokok = amount(pokok);
	l->jumlah_angsuran = jumlah;
	sk_strlcpy(l->jarak, jarak, sizeof l->jarak);
	sk_strlcpy(l->sumber, sumber, sizeof l->sumber);
	sk_strlcpy(l->tujuan, tujuan, sizeof l->tujuan);
}

/* The draft's lines put back: pass 0 the amounts, loans and fines added by hand, pass 1 the
 * marks of the fines on the pages. */
static void each_line(struct screen *s, sk_meeting_money *mm, const char *text, int pass)
{
	struct meeting_form *f = s->data;
	unsigned char taken[SM_MAX_FINES] = { 0 };
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, "mm.", 3) != 0)
			continue;
		if (pass == 0 && strncmp(p, "mm.sav.", 7) == 0)
			load_saving(f, mm, p);
		else if (pass == 0 && strncmp(p, "mm.rep.", 7) == 0)
			load_repay(mm, p);
		else if (pass == 0 && strncmp(p, "mm.loan.", 8) == 0)
			load_loan(f, mm, p);
		else if (strncmp(p, "mm.fine.", 8) == 0)
			load_fine(f, mm, p, pass == 0, taken);
	}
}

void mm_draft_load(struct screen *s, const char *text)
{
	struct meeting_form *f = s->data;
	sk_meeting_money *mm = mm_money_edit(f);
	if (!mm || !text)
		return;
	each_line(s, mm, text, 0);
	/* The fines raised by the roll call and the late repayments, then their marks. */
	mm_before_save(s);
	each_line(s, mm, text, 1);
	mm_before_save(s);
}
