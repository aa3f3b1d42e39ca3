/* login.c - who works at the screens (issue 16): the login at start (name, then the password,
 * or the PIN after the day's first login), the first admin of a database without operators,
 * and the second operator's confirmation of a four-eyes operation. Modal dialogs over a plain
 * welcome screen. */
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
#include "operator.h"
#include "screens.h"
#include "signing.h"
#include "text.h"

static void login_draw(struct screen *s)
{
	(void)s;
	text_center(stdscr, 4, _("SIKUBE - Sistem Informasi Kelompok Usaha Bersama"), A_BOLD);
	text_center(stdscr, 6, _("Masuk dengan nama operator dan kata sandi Anda."), A_NORMAL);
	char line[600];
	snprintf(line, sizeof line, _("Basis data: %s"), db_path(s->db));
	text_put(stdscr, frame_bottom(), 2, line, COLS - 4, ui_attr(R_DIM));
}

static int login_init(struct screen *s, void *arg)
{
	(void)arg;
	snprintf(s->title, sizeof s->title, "%s", _("Masuk"));
	return 0;
}

static int login_key(struct screen *s, wint_t ch, int kc)
{
	(void)s;
	(void)ch;
	(void)kc;
	return SCR_HANDLED;
}

static const struct screen_ops LOGIN_OPS = SCREEN_OPS("login", login, HELP_LOGIN,
	.hints = HINTS(HINT(ACT_ENTER, NC_("hint", "Lanjut")), HINT(ACT_BACK, NC_("hint", "Keluar")),
		       HINTS_END));

/* The first admin of a database without operators. 1 made (and logged in), 0 not. */
static int first_admin(sk_db *db)
{
	char name[OPERATOR_NAME_MAX + 2] = "admin", pw[OPERATOR_PASSWORD_MAX + 2],
	     again[OPERATOR_PASSWORD_MAX + 2];
	dlg_message(_("Basis data ini belum punya operator. Buat admin pertama: dia menambah "
		      "operator lain dan mengatur kantor."));
	for (;;) {
		if (dlg_input(_("Nama admin (huruf kecil, angka, titik; diawali huruf):"), name,
			      sizeof name) != 1)
			return 0;
		if (dlg_secret(_("Kata sandi admin (minimal 8 karakter, tidak hanya angka):"), pw,
			       sizeof pw) != 1)
			continue;
		int same = dlg_secret(_("Ketik kata sandi itu sekali lagi:"), again, sizeof again) == 1 &&
			   strcmp(pw, again) == 0;
		explicit_bzero(again, sizeof again);
		if (!same) {
			explicit_bzero(pw, sizeof pw);
			dlg_message(_("Kedua kata sandi tidak sama. Coba lagi."));
			continue;
		}
		sk_err e;
		sk_err_clear(&e);
		int rc = operator_add(db, name, NULL, SK_ROLE_ADMIN, pw, &e);
		explicit_bzero(pw, sizeof pw);
		if (rc != SK_OK) {
			dlg_message(e.msg);
			continue;
		}
		char pk[SIGNING_KEY_HEX + 1];
		signing_own_key(db, 1, pk, NULL);
		return 1;
	}
}

/* Name and password (or PIN) until one works; 0 when the user gives up (Esc). */
static int ask_login(sk_db *db)
{
	char name[OPERATOR_NAME_MAX + 2] = "", pw[OPERATOR_PASSWORD_MAX + 2];
	const char *env = getenv("SIKUBE_USER");
	if (env)
		snprintf(name, sizeof name, "%s", env);
	for (;;) {
		if (dlg_input(_("Nama operator:"), name, sizeof name) != 1)
			return 0;
		char prompt[200];
		snprintf(prompt, sizeof prompt, _("Kata sandi %s (atau PIN bila sudah masuk hari ini):"),
			 name);
		if (dlg_secret(prompt, pw, sizeof pw) != 1)
			continue;
		sk_err e;
		sk_err_clear(&e);
		int rc = operator_login(db, name, pw, 1, 1, &e);
		explicit_bzero(pw, sizeof pw);
		if (rc == SK_OK)
			return 1;
		dlg_message(e.msg);
	}
}

int login_run(sk_db *db)
{
	if (ui_push(&LOGIN_OPS, NULL) != 0)
		return 0;
	ui_redraw();
	int n = operator_count(db);
	int ok = n == 0 ? first_admin(db) : n > 0 ? ask_login(db) : 0;
	if (n < 0)
		dlg_message(_("Daftar operator tidak dapat dibaca."));
	ui_pop();
	return ok;
}

int dlg_four_eyes(sk_db *db)
{
	char action[64], label[160], name[OPERATOR_NAME_MAX + 2] = "",
	     pw[OPERATOR_PASSWORD_MAX + 2], prompt[400];
	if (!db_four_eyes_asked(db, action, sizeof action, label, sizeof label))
		return 0;
	snprintf(prompt, sizeof prompt, _("Perlu persetujuan operator kedua untuk: %s.\nNama "
					  "operator kedua (Esc: batal):"), label);
	if (dlg_input(prompt, name, sizeof name) != 1 || !*name)
		return 0;
	snprintf(prompt, sizeof prompt, _("Kata sandi %s:"), name);
	if (dlg_secret(prompt, pw, sizeof pw) != 1)
		return 0;
	sk_err e;
	sk_err_clear(&e);
	int rc = four_eyes_confirm(db, action, name, pw, &e);
	explicit_bzero(pw, sizeof pw);
	if (rc != SK_OK) {
		dlg_message(e.msg);
		return 0;
	}
	return 1;
}
