/* cli_user.c - `sikube user add|passwd|pin|disable|enable|list`: the operators (issue 16). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli_cmds.h"
#include "i18n.h"
#include "operator.h"
#include "retention.h"

static const char USAGE_USER[] = N_(
	"Pemakaian: sikube [--db PATH] [--user NAMA] user PERINTAH ...\n"
	"  user add NAMA --role PERAN [--full-name TEKS] [--new-password-fd N]\n"
	"                 tambah operator (admin); PERAN: admin, operator,\n"
	"                 pendamping (operator + penilaian dan tingkat kelompok),\n"
	"                 pemeriksa (hanya membaca)\n"
	"  user passwd [NAMA] [--new-password-fd N]\n"
	"                 ganti kata sandi sendiri, atau (admin) kata sandi NAMA\n"
	"                 (juga membuka kunci setelah terlalu banyak salah)\n"
	"  user pin [--new-password-fd N] [--remove]\n"
	"                 PIN 4-8 angka untuk masuk layar setelah masuk pertama hari itu\n"
	"  user disable NAMA | user enable NAMA   nonaktifkan / aktifkan (admin)\n"
	"  user list      daftar operator\n"
	"Kata sandi baru diketik dua kali di terminal, atau dibaca dari deskriptor\n"
	"berkas N (--new-password-fd); tidak pernah dari baris perintah.\n"
	"  -h, --help     cetak bantuan ini\n");

static int parse_fd(const char *s, void *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 1024)
		return cli_usage_error("user", "%s", _("--new-password-fd perlu nomor deskriptor berkas."));
	*(int *)out = (int)v;
	return EXIT_OK;
}

/* --months N of retention: a whole number, 0 or more. */
static int parse_months(const char *s, void *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	*(int *)out = (int)v;
	if (!*s || *end || *(int *)out < 0)
		return cli_usage_error("retention", "%s", _("--months perlu bilangan 0 atau lebih"));
	return EXIT_OK;
}

static int list(sk_db *db)
{
	sk_operator ops[256];
	int n;
	sk_err e;
	sk_err_clear(&e);
	int rc = operator_list(db, ops, 256, &n, &e);
	if (rc != SK_OK)
		return cli_fail(rc, &e);
	printf("%-20s %-11s %-6s %-4s %s\n", _("NAMA"), _("PERAN"), _("AKTIF"), _("PIN"),
	       _("NAMA LENGKAP"));
	for (int i = 0; i < n; i++)
		printf("%-20s %-11s %-6s %-4s %s%s\n", ops[i].nama, sk_role_name(ops[i].peran),
		       ops[i].aktif ? _("ya") : _("tidak"), ops[i].has_pin ? _("ya") : "-",
		       ops[i].nama_lengkap, *ops[i].terkunci_sampai ? _(" (pernah dikunci)") : "");
	return EXIT_OK;
}

int cli_user_cmd(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *role = NULL, *full = NULL;
	int fd = -1, remove = 0;
	const struct cli_opt opts[] = {
		{ "role", .value = &role }, { "full-name", .value = &full },
		{ "new-password-fd", .parse = parse_fd, .out = &fd }, { "remove", .flag = &remove },
		{ .name = NULL },
	};
	int rc = cli_read_opts(argc, argv, opts, _(USAGE_USER));
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (optind >= argc)
		return cli_usage_error("user", "%s", _("user perlu perintah: add, passwd, pin, disable, "
						       "enable atau list"));
	const char *sub = argv[optind];
	const char *name = optind + 1 < argc ? argv[optind + 1] : NULL;
	int nargs = argc - optind - 1;
	int needs_name = strcmp(sub, "add") == 0 || strcmp(sub, "disable") == 0 ||
			 strcmp(sub, "enable") == 0;
	int known = needs_name || strcmp(sub, "passwd") == 0 || strcmp(sub, "pin") == 0 ||
		    strcmp(sub, "list") == 0;
	if (!known)
		return cli_usage_error("user", _("perintah user tidak dikenal: %s"), sub);
	if ((needs_name && nargs != 1) || (!needs_name && nargs > (strcmp(sub, "passwd") == 0)))
		return cli_usage_error("user", _("jumlah argumen user %s salah"), sub);
	sk_role peran = SK_ROLE_NONE;
	if (strcmp(sub, "add") == 0 && (peran = sk_role_parse(role)) == SK_ROLE_NONE)
		return cli_usage_error("user", "%s", _("--role harus admin, operator, pendamping atau "
						       "pemeriksa"));
	sk_db *db;
	sk_err e;
	rc = cli_open_usable(ctx, 1, &db, &e);
	if (rc != 0)
		return rc;
	char pw[OPERATOR_PASSWORD_MAX + 2];
	int st = SK_OK;
	if (strcmp(sub, "list") == 0) {
		rc = list(db);
	} else if (strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) {
		st = operator_set_active(db, name, strcmp(sub, "enable") == 0, &e);
		if (st == SK_OK)
			fprintf(stderr, strcmp(sub, "enable") == 0 ? _("Operator %s diaktifkan.\n")
								   : _("Operator %s dinonaktifkan.\n"), name);
	} else if (strcmp(sub, "pin") == 0 && remove) {
		st = operator_set_pin(db, NULL, NULL, &e);
	} else {
		const char *who = strcmp(sub, "add") == 0 || name ? name : db_operator(db);
		/* Check the permission before asking for a password nobody may set. */
		if (strcmp(sub, "add") == 0 || strcmp(who, db_operator(db)) != 0)
			st = db_permit(db, SK_ACT_OPERATORS, &e);
		if (st == SK_OK)
			rc = cli_read_new_password(fd, strcmp(sub, "pin") == 0 ? _("PIN") : who, pw,
						   sizeof pw);
		if (st == SK_OK && rc == EXIT_OK) {
			if (strcmp(sub, "add") == 0)
				st = operator_add(db, name, full, peran, pw, &e);
			else if (strcmp(sub, "passwd") == 0)
				st = operator_set_password(db, who, NULL, pw, &e);
			else
				st = operator_set_pin(db, NULL, pw, &e);
			if (st == SK_OK)
				fprintf(stderr, strcmp(sub, "add") == 0 ? _("Operator %s ditambahkan.\n")
					: strcmp(sub, "passwd") == 0 ? _("Kata sandi %s diganti.\n")
								     : _("PIN %s disimpan.\n"), who);
		}
		sodium_memzero(pw, sizeof pw);
	}
	db_close(db);
	if (st != SK_OK)
		return cli_fail(st, &e);
	return rc;
}

static const char USAGE_RETENTION[] = N_(
	"Pemakaian: sikube [--db PATH] retention [--months N] [--apply]\n"
	"\n"
	"Masa simpan data anggota yang sudah keluar (UU 27/2022): setelah N bulan sejak\n"
	"tanggal keluar, nama, NIK, No. KK, kelahiran, alamat dan telepon mereka\n"
	"dihapus (dianonimkan). Tanpa pilihan: cetak masa simpan sekarang.\n"
	"  --months N   atur masa simpan (admin); 0 mematikannya\n"
	"  --apply      anonimkan sekarang anggota yang sudah lewat masa simpan\n"
	"               (layar juga melakukannya setiap kali dibuka)\n"
	"  -h, --help   cetak bantuan ini\n");

int cli_retention(const struct cli_ctx *ctx, int argc, char **argv)
{
	int months = -1, apply = 0;
	const struct cli_opt opts[] = {
		{ "months", .parse = parse_months, .out = &months }, { "apply", .flag = &apply },
		{ .name = NULL },
	};
	int rc = cli_read_opts_only(argc, argv, opts, _(USAGE_RETENTION), "retention",
				    _("retention tidak menerima %s"));
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	sk_db *db;
	sk_err e;
	rc = cli_open_usable(ctx, 1, &db, &e);
	if (rc != 0)
		return rc;
	int st = months >= 0 ? retention_set(db, months, &e) : SK_OK;
	int n = 0;
	if (st == SK_OK && apply)
		st = retention_apply(db, &n, &e);
	if (st == SK_OK) {
		int m = retention_months(db);
		if (m)
			printf(_("Masa simpan: %d bulan sesudah anggota keluar.\n"), m);
		else
			printf("%s\n", _("Masa simpan: tidak dibatasi (data anggota yang keluar disimpan)."));
		if (apply)
			printf(_("%d anggota dianonimkan.\n"), n);
	}
	db_close(db);
	return st == SK_OK ? EXIT_OK : cli_fail(st, &e);
}
