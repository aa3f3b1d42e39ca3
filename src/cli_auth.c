/* cli_auth.c - who runs a command (issue 16): the operator's name from --user or $SIKUBE_USER
 * (or asked on the terminal), the password from a file descriptor (--password-fd N or
 * $SIKUBE_PASSWORD_FD) or typed on the terminal without echo, never from the command line;
 * the first admin of a new or upgraded database; the sample admin of `init --sample`. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "cli_cmds.h"
#include "i18n.h"
#include "operator.h"
#include "signing.h"

/* A line from descriptor fd into out (n bytes; the line end dropped). A regular file is read
 * from its start with pread, so that every command of a script (and every process that
 * inherited the descriptor) reads the same password; a pipe or terminal from where it is.
 * 0, or -1 with errno (EMSGSIZE when longer than n - 1). */
static int read_fd_line(int fd, char *out, size_t n)
{
	struct stat st;
	size_t len = 0;
	int ended = 0;
	if (fstat(fd, &st) != 0)
		return -1;
	int regular = S_ISREG(st.st_mode);
	while (len + 1 < n) {
		char c;
		ssize_t r = regular ? pread(fd, &c, 1, (off_t)len) : read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0 || c == '\n') {
			ended = 1;
			break;
		}
		out[len++] = c;
	}
	if (!ended) {
		sodium_memzero(out, n);
		errno = EMSGSIZE;
		return -1;
	}
	if (len && out[len - 1] == '\r')
		len--;
	out[len] = '\0';
	return 0;
}

/* Ask prompt on the terminal and read a line into out; echo off when secret. 0, or -1 when
 * there is no terminal. */
static int ask_tty(const char *prompt, int secret, char *out, size_t n)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	struct termios old, raw;
	int restore = 0;
	if (secret && tcgetattr(fd, &old) == 0) {
		raw = old;
		raw.c_lflag &= (tcflag_t)~ECHO;
		raw.c_lflag |= ECHONL;
		restore = tcsetattr(fd, TCSAFLUSH, &raw) == 0;
	}
	ssize_t w = write(fd, prompt, strlen(prompt));
	(void)w;
	int rc = read_fd_line(fd, out, n);
	if (restore)
		tcsetattr(fd, TCSAFLUSH, &old);
	close(fd);
	return rc;
}

static int have_tty(void)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return 0;
	close(fd);
	return isatty(STDIN_FILENO);
}

const char *cli_user(const struct cli_ctx *c)
{
	const char *u = c->user && *c->user ? c->user : getenv("SIKUBE_USER");
	return u && *u ? u : NULL;
}

int cli_password_fd(const struct cli_ctx *c)
{
	if (c->password_fd >= 0)
		return c->password_fd;
	const char *s = getenv("SIKUBE_PASSWORD_FD");
	char *end;
	if (!s || !*s)
		return -1;
	long v = strtol(s, &end, 10);
	return *end || v < 0 || v > 1024 ? -2 : (int)v;
}

int cli_read_password(const struct cli_ctx *c, const char *prompt, char *out, size_t n)
{
	int fd = cli_password_fd(c);
	if (fd == -2) {
		cli_error("%s", _("$SIKUBE_PASSWORD_FD harus nomor deskriptor berkas."));
		return EXIT_USAGE;
	}
	if (fd >= 0) {
		if (read_fd_line(fd, out, n) == 0)
			return EXIT_OK;
		cli_error(errno == EMSGSIZE ? _("Kata sandi dari deskriptor %d terlalu panjang.")
					    : _("Kata sandi tidak dapat dibaca dari deskriptor %d."), fd);
		return EXIT_USAGE;
	}
	if (have_tty() && ask_tty(prompt, 1, out, n) == 0)
		return EXIT_OK;
	cli_error("%s", _("Kata sandi diperlukan: ketik di terminal, atau berikan lewat deskriptor "
			  "berkas (--password-fd N atau $SIKUBE_PASSWORD_FD), tidak pernah di baris "
			  "perintah."));
	return EXIT_USAGE;
}

int cli_read_new_password(int fd, const char *who, char *out, size_t n)
{
	if (fd >= 0) {
		if (read_fd_line(fd, out, n) == 0)
			return EXIT_OK;
		cli_error(_("Kata sandi baru tidak dapat dibaca dari deskriptor %d."), fd);
		return EXIT_USAGE;
	}
	if (!have_tty()) {
		cli_error("%s", _("Kata sandi baru diperlukan: ketik di terminal, atau berikan lewat "
				  "deskriptor berkas (--new-password-fd N)."));
		return EXIT_USAGE;
	}
	char prompt[160], again[OPERATOR_PASSWORD_MAX + 2];
	snprintf(prompt, sizeof prompt, _("Kata sandi baru untuk %s: "), who);
	if (ask_tty(prompt, 1, out, n) != 0)
		return EXIT_USAGE;
	int same = ask_tty(_("Ketik sekali lagi: "), 1, again, sizeof again) == 0 &&
		   strcmp(out, again) == 0;
	sodium_memzero(again, sizeof again);
	if (!same) {
		sodium_memzero(out, n);
		cli_error("%s", _("Kedua kata sandi tidak sama."));
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

/* The operator's name into out: --user, $SIKUBE_USER or asked. */
static int read_user(const struct cli_ctx *c, char *out, size_t n)
{
	const char *u = cli_user(c);
	if (u) {
		sk_strlcpy(out, u, n);
		return EXIT_OK;
	}
	if (have_tty() && ask_tty(_("Nama operator: "), 0, out, n) == 0 && *sk_trim(out))
		return EXIT_OK;
	cli_error("%s", _("Siapa yang menjalankan perintah ini? Berikan nama operator dengan "
			  "--user NAMA atau $SIKUBE_USER."));
	return EXIT_USAGE;
}

int cli_office_key(sk_db *db)
{
	char pk[SIGNING_KEY_HEX + 1];
	sk_err e;
	sk_err_clear(&e);
	if (signing_own_key(db, 1, pk, &e) != SK_OK) {
		cli_error("%s", e.msg);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

/* The first admin of a database without operators: named and given a password by whoever
 * opens it first (a new database by init, an upgraded one at its first open). */
static int first_admin(const struct cli_ctx *c, sk_db *db)
{
	char name[OPERATOR_NAME_MAX + 2], pw[OPERATOR_PASSWORD_MAX + 2];
	if (!cli_user(c) && have_tty())
		fprintf(stderr, "%s\n", _("Basis data ini belum punya operator. Buat admin pertama."));
	int rc = read_user(c, name, sizeof name);
	if (rc != EXIT_OK) {
		cli_error("%s", _("Basis data ini belum punya operator: admin pertama dibuat dengan "
				  "--user NAMA dan kata sandinya (terminal atau --password-fd N)."));
		return rc;
	}
	if (cli_password_fd(c) != -1)
		rc = cli_read_password(c, "", pw, sizeof pw);
	else
		rc = cli_read_new_password(-1, name, pw, sizeof pw);
	if (rc != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	rc = operator_add(db, name, NULL, SK_ROLE_ADMIN, pw, &e);
	sodium_memzero(pw, sizeof pw);
	if (rc != SK_OK) {
		cli_error("%s", e.msg);
		return rc == SK_BUSY ? EXIT_REFUSED : EXIT_USAGE;
	}
	fprintf(stderr, _("Admin pertama dibuat: %s\n"), name);
	return EXIT_OK;
}

int cli_login(const struct cli_ctx *c, sk_db *db)
{
	int n = operator_count(db);
	if (n < 0) {
		cli_error("%s", _("Daftar operator tidak dapat dibaca."));
		return EXIT_USAGE;
	}
	if (n == 0)
		return first_admin(c, db);
	char name[OPERATOR_NAME_MAX + 2], pw[OPERATOR_PASSWORD_MAX + 2], prompt[128];
	int rc = read_user(c, name, sizeof name);
	if (rc != EXIT_OK)
		return rc;
	snprintf(prompt, sizeof prompt, _("Kata sandi %s: "), name);
	rc = cli_read_password(c, prompt, pw, sizeof pw);
	if (rc != EXIT_OK)
		return rc;
	sk_err e;
	sk_err_clear(&e);
	rc = operator_login(db, name, pw, 0, 0, &e);
	sodium_memzero(pw, sizeof pw);
	if (rc != SK_OK) {
		cli_error("%s", e.msg);
		return rc == SK_REFUSED || rc == SK_BUSY ? EXIT_REFUSED : EXIT_USAGE;
	}
	return EXIT_OK;
}

int cli_login_given(const struct cli_ctx *c)
{
	return cli_password_fd(c) != -1;
}

int cli_sample_admin(const struct cli_ctx *c, sk_db *db)
{
	if (cli_user(c) || operator_count(db) != 0)
		return cli_login(c, db);
	sk_err e;
	sk_err_clear(&e);
	if (operator_add(db, CLI_SAMPLE_ADMIN, _("Admin contoh"), SK_ROLE_ADMIN,
			 CLI_SAMPLE_PASSWORD, &e) != SK_OK) {
		cli_error("%s", e.msg);
		return EXIT_REFUSED;
	}
	fprintf(stderr, _("Admin contoh dibuat: nama %s, kata sandi seperti di README. Gantilah "
			  "dengan: sikube --user %s user passwd %s\n"), CLI_SAMPLE_ADMIN, CLI_SAMPLE_ADMIN,
		CLI_SAMPLE_ADMIN);
	return EXIT_OK;
}
