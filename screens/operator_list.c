/* operator_list.c - Operator: the office's operators (the admin adds, resets passwords,
 * turns off), one's own PIN, the office's signing key, and the way to the audit trail
 * (issue 16). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "colors.h"
#include "dialog.h"
#include "frame.h"
#include "help_gen.h"
#include "i18n.h"
#include "input_dlg.h"
#include "keys.h"
#include "lists_gen.h"
#include "operator.h"
#include "screens.h"
#include "signing.h"
#include "tlist.h"

#define MAX_OPS 512

struct op_list {
	struct tlist tl;
	sk_operator all[MAX_OPS];
	int n;
	char key[SIGNING_KEY_HEX + 1];
};

static int ol_load(struct screen *s, sk_err *e)
{
	struct op_list *o = s->data;
	return operator_list(s->db, o->all, MAX_OPS, &o->n, e);
}

static int ol_count(struct screen *s, const char *search)
{
	(void)search;
	return ol_load(s, NULL) == SK_OK ? ((struct op_list *)s->data)->n : -1;
}

static int ol_fetch(struct screen *s, const char *search, int offset, int limit, void *rows,
		    int *n, sk_err *e)
{
	(void)search;
	struct op_list *o = s->data;
	(void)e;
	*n = 0;
	for (int i = offset; i < o->n && *n < limit; i++)
		((sk_operator *)rows)[(*n)++] = o->all[i];
	return SK_OK;
}

static void ol_cells(struct screen *s, const void *row, const char **cells, char (*buf)[TLIST_CELL])
{
	(void)s;
	(void)buf;
	const sk_operator *r = row;
	TLIST_CELLS(cells, r->nama, sk_role_name(r->peran), r->aktif ? _("ya") : _("tidak"),
		    r->has_pin ? _("ya") : "-", r->nama_lengkap);
}

static const struct tlist_def OL_LIST;

static int ol_init(struct screen *s, void *arg)
{
	(void)arg;
	struct op_list *o = tlist_open(s, sizeof *o, &OL_LIST, N_("Operator dan jejak audit"));
	if (!o)
		return -1;
	if (signing_own_key(s->db, 0, o->key, NULL) != SK_OK)
		o->key[0] = '\0';
	return 0;
}

static void ol_draw(struct screen *s)
{
	struct op_list *o = s->data;
	char line[400];
	snprintf(line, sizeof line, _("Anda: %s (%s)"), db_operator(s->db), sk_role_name(db_role(s->db)));
	text_put(stdscr, 1, 1, line, COLS - 2, ui_attr(R_HEADER));
	if (*o->key) {
		char fp[20];
		signing_fingerprint(o->key, fp);
		snprintf(line, sizeof line, _("Kunci tanda tangan kantor: %s"), fp);
	} else {
		snprintf(line, sizeof line, "%s", _("Kantor ini belum punya kunci tanda tangan (F2)."));
	}
	text_put(stdscr, frame_bottom(), 1, line, COLS - 2, ui_attr(*o->key ? R_DIM : R_WARN));
}

/* A new password typed twice into pw; 1 when given. */
static int ask_new(const char *who, char *pw, size_t n)
{
	char again[OPERATOR_PASSWORD_MAX + 2], prompt[200];
	snprintf(prompt, sizeof prompt, _("Kata sandi baru untuk %s:"), who);
	if (dlg_secret(prompt, pw, n) != 1)
		return 0;
	int same = dlg_secret(_("Ketik sekali lagi:"), again, sizeof again) == 1 && strcmp(pw, again) == 0;
	explicit_bzero(again, sizeof again);
	if (!same) {
		explicit_bzero(pw, n);
		frame_msg(MSG_ERROR, "%s", _("Kedua kata sandi tidak sama."));
	}
	return same;
}

static void ol_add(struct screen *s)
{
	char name[OPERATOR_NAME_MAX + 2] = "", full[SK_NAME_BYTES] = "", role[16] = "operator",
	     pw[OPERATOR_PASSWORD_MAX + 2];
	sk_err e;
	sk_err_clear(&e);
	if (db_permit(s->db, SK_ACT_OPERATORS, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	if (dlg_input(_("Nama operator baru (huruf kecil, angka, titik; diawali huruf):"), name,
		      sizeof name) != 1 || !*name)
		return;
	if (dlg_input(_("Nama lengkap:"), full, sizeof full) != 1)
		return;
	if (dlg_input(_("Peran: admin, operator, pendamping atau pemeriksa:"), role, sizeof role) != 1)
		return;
	if (!ask_new(name, pw, sizeof pw))
		return;
	int rc = operator_add(s->db, name, full, sk_role_parse(role), pw, &e);
	explicit_bzero(pw, sizeof pw);
	if (rc != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	plist_reload(&((struct op_list *)s->data)->tl.pl);
	frame_msg(MSG_INFO, _("Operator %s ditambahkan."), name);
}

static void ol_password(struct screen *s, const sk_operator *r)
{
	char name[OPERATOR_NAME_MAX + 1], old[OPERATOR_PASSWORD_MAX + 2] = "",
	     pw[OPERATOR_PASSWORD_MAX + 2];
	snprintf(name, sizeof name, "%s", r->nama);
	int self = strcmp(name, db_operator(s->db)) == 0;
	sk_err e;
	sk_err_clear(&e);
	if (!self && db_permit(s->db, SK_ACT_OPERATORS, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	if (self && dlg_secret(_("Kata sandi Anda sekarang:"), old, sizeof old) != 1)
		return;
	if (!ask_new(name, pw, sizeof pw))
		return;
	int rc = operator_set_password(s->db, name, self ? old : NULL, pw, &e);
	explicit_bzero(pw, sizeof pw);
	explicit_bzero(old, sizeof old);
	if (rc != SK_OK)
		frame_msg(MSG_ERROR, "%s", e.msg);
	else
		frame_msg(MSG_INFO, _("Kata sandi %s diganti."), name);
}

static void ol_pin(struct screen *s)
{
	char pw[OPERATOR_PASSWORD_MAX + 2], pin[OPERATOR_PIN_MAX + 2];
	if (dlg_secret(_("Kata sandi Anda:"), pw, sizeof pw) != 1)
		return;
	if (dlg_secret(_("PIN baru (4-8 angka; kosong: hapus PIN):"), pin, sizeof pin) != 1) {
		explicit_bzero(pw, sizeof pw);
		return;
	}
	sk_err e;
	sk_err_clear(&e);
	int rc = operator_set_pin(s->db, pw, pin, &e);
	explicit_bzero(pw, sizeof pw);
	explicit_bzero(pin, sizeof pin);
	if (rc != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	plist_reload(&((struct op_list *)s->data)->tl.pl);
	frame_msg(MSG_INFO, "%s", _("PIN disimpan."));
}

static void ol_toggle(struct screen *s, const sk_operator *r)
{
	char q[300], name[OPERATOR_NAME_MAX + 1];
	snprintf(name, sizeof name, "%s", r->nama);
	int on = !r->aktif;
	snprintf(q, sizeof q, on ? _("Aktifkan lagi operator %s? (y/t)")
				 : _("Nonaktifkan operator %s? Dia tidak dapat masuk lagi. (y/t)"), name);
	if (!dlg_confirm(q))
		return;
	sk_err e;
	sk_err_clear(&e);
	if (operator_set_active(s->db, name, on, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	plist_reload(&((struct op_list *)s->data)->tl.pl);
	frame_msg(MSG_INFO, on ? _("Operator %s diaktifkan.") : _("Operator %s dinonaktifkan."), name);
}

static void ol_key_make(struct screen *s)
{
	struct op_list *o = s->data;
	sk_err e;
	sk_err_clear(&e);
	if (*o->key) {
		frame_msg(MSG_INFO, _("Kunci tanda tangan kantor: %s"), o->key);
		return;
	}
	if (db_permit(s->db, SK_ACT_KEYS, &e) != SK_OK ||
	    signing_own_key(s->db, 1, o->key, &e) != SK_OK) {
		o->key[0] = '\0';
		frame_msg(MSG_ERROR, "%s", e.msg);
		return;
	}
	frame_msg(MSG_INFO, _("Kunci tanda tangan kantor dibuat: %s"), o->key);
}

static int ol_key(struct screen *s, wint_t ch, int kc, const void *row)
{
	const sk_operator *r = row;
	enum action a = keys_action(ch, kc);
	switch (a) {
	case ACT_NEW: ol_add(s); return SCR_HANDLED;
	case ACT_OPTION: ol_pin(s); return SCR_HANDLED;
	case ACT_PICK: ui_push(&AUDIT_LIST_OPS, NULL); return SCR_HANDLED;
	case ACT_SAVE: ol_key_make(s); return SCR_HANDLED;
	case ACT_EDIT:
	case ACT_DELETE:
		if (r && a == ACT_EDIT)
			ol_password(s, r);
		else if (r)
			ol_toggle(s, r);
		return SCR_HANDLED;
	default:
		return SCR_UNHANDLED;
	}
}

static const struct tlist_def OL_LIST = {
	TLIST_COLS(LIST_OPERATORS),
	.row_size = sizeof(sk_operator), .count = ol_count, .fetch = ol_fetch, .cells = ol_cells,
	.key = ol_key, .draw = ol_draw, .head_row = 3, .foot = 1,
};

const struct screen_ops OPERATOR_LIST_OPS =
	TLIST_SCREEN("operators", ol_init, HELP_OPERATOR_LIST,
		HINT_HELP, HINT(ACT_NEW, NC_("hint", "Tambah")), HINT(ACT_EDIT, NC_("hint", "Sandi")),
		HINT(ACT_DELETE, NC_("hint", "Aktif")), HINT(ACT_OPTION, NC_("hint", "PIN")),
		HINT(ACT_PICK, NC_("hint", "Jejak")), HINT(ACT_SAVE, NC_("hint", "Kunci")),
		HINT(ACT_BACK, NC_("hint", "Kembali")), HINTS_END);
