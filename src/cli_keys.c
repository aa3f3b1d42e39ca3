/* cli_keys.c - `sikube keys trust|list|revoke`: this office's signing key and the office keys
 * the district trusts (issue 16, docs/signing.md). */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bundle.h"
#include "cli_cmds.h"
#include "db_access.h"
#include "i18n.h"
#include "manifest.h"
#include "signing.h"

static const char USAGE_KEYS[] = N_(
	"Pemakaian: sikube [--db PATH] keys PERINTAH ...\n"
	"  keys list      kunci publik kantor ini (berikan kepada kabupaten) dan daftar\n"
	"                 kunci kantor yang dipercaya\n"
	"  keys generate  buat pasangan kunci kantor ini bila belum ada (admin)\n"
	"  keys trust BUNDEL [--name NAMA] [--region KODE]\n"
	"                 percayai kunci yang menandatangani bundel (folder) itu\n"
	"  keys trust --key HEX --name NAMA [--region KODE]\n"
	"                 percayai kunci publik HEX (64 angka heksadesimal)\n"
	"  keys revoke HEX  cabut kunci (cukup 8 angka pertamanya): bundelnya ditolak\n"
	"Mempercayai dan mencabut kunci hanya untuk admin.\n"
	"  -h, --help     cetak bantuan ini\n");

static int list(sk_db *db)
{
	char pk[SIGNING_KEY_HEX + 1], fp[20];
	sk_err e;
	sk_err_clear(&e);
	int rc = signing_own_key(db, 0, pk, &e);
	if (rc == SK_NOTFOUND) {
		printf("%s\n", _("Kantor ini belum punya kunci tanda tangan: bundelnya tidak bertanda "
				 "tangan. Buat dengan: sikube keys generate"));
	} else if (rc != SK_OK) {
		return cli_fail(rc, &e);
	} else {
		signing_fingerprint(pk, fp);
		printf(_("Kunci kantor ini: %s (%s)\n"), pk, fp);
	}
	static sk_trusted t[512];
	int n;
	rc = signing_trusted_list(db, t, 512, &n, &e);
	if (rc != SK_OK)
		return cli_fail(rc, &e);
	printf(_("Kunci tepercaya: %d\n"), n);
	for (int i = 0; i < n; i++) {
		signing_fingerprint(t[i].kunci_publik, fp);
		printf("%s  %-19s %-14s %s%s\n", t[i].kunci_publik, fp,
		       *t[i].kode_wilayah ? t[i].kode_wilayah : "-", t[i].nama_kantor,
		       t[i].dicabut ? _(" (DICABUT)") : "");
	}
	return EXIT_OK;
}

/* The signer of the bundle in folder dir into t, its signature verified. */
static int from_bundle(const char *dir, sk_trusted *t, sk_err *e)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, BUNDLE_MANIFEST);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return sk_err_set(e, SK_REFUSED, _("%s tidak dapat dibaca: bukan bundel?"), path);
	static char bytes[1024 * 1024];
	ssize_t n = read(fd, bytes, sizeof bytes);
	close(fd);
	size_t len;
	char sig[SIGNING_SIG_HEX + 1];
	sk_manifest m;
	int problems = 0;
	if (n <= 0 || (size_t)n == sizeof bytes ||
	    manifest_read(path, &m, NULL, NULL, &problems, e) != SK_OK)
		return sk_err_set(e, SK_REFUSED, _("%s tidak dapat dibaca: bukan bundel?"), path);
	if (!signing_split(bytes, (size_t)n, &len, sig) || !signing_key_valid(m.kunci_publik) ||
	    strcmp(sig, m.tanda_tangan) != 0 || !signing_verify(bytes, len, m.kunci_publik, sig))
		return sk_err_set(e, SK_REFUSED, "%s", _("Bundel itu tidak bertanda tangan, atau tanda "
							 "tangannya tidak sah."));
	sk_strlcpy(t->kunci_publik, m.kunci_publik, sizeof t->kunci_publik);
	sk_strlcpy(t->nama_kantor, m.nama_kantor, sizeof t->nama_kantor);
	sk_strlcpy(t->kode_wilayah, m.kode_wilayah_kantor, sizeof t->kode_wilayah);
	sk_strlcpy(t->perangkat, m.perangkat, sizeof t->perangkat);
	return SK_OK;
}

int cli_keys(const struct cli_ctx *ctx, int argc, char **argv)
{
	const char *key = NULL, *name = NULL, *region = NULL;
	const struct cli_opt opts[] = {
		{ "key", .value = &key }, { "name", .value = &name }, { "region", .value = &region },
		{ .name = NULL },
	};
	int rc = cli_read_opts(argc, argv, opts, _(USAGE_KEYS));
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (optind >= argc)
		return cli_usage_error("keys", "%s", _("keys perlu perintah: trust, list atau revoke"));
	const char *sub = argv[optind];
	int nargs = argc - optind - 1;
	const char *arg = nargs > 0 ? argv[optind + 1] : NULL;
	if (strcmp(sub, "list") == 0 || strcmp(sub, "generate") == 0 ? nargs != 0
	    : strcmp(sub, "revoke") == 0 ? nargs != 1
	    : strcmp(sub, "trust") == 0 ? nargs != (key ? 0 : 1)
	    : 1) {
		if (strcmp(sub, "list") && strcmp(sub, "revoke") && strcmp(sub, "trust") &&
		    strcmp(sub, "generate"))
			return cli_usage_error("keys", _("perintah keys tidak dikenal: %s"), sub);
		return cli_usage_error("keys", _("jumlah argumen keys %s salah"), sub);
	}
	sk_db *db;
	sk_err e;
	rc = cli_open_usable(ctx, 1, &db, &e);
	if (rc != 0)
		return rc;
	int st = SK_OK;
	if (strcmp(sub, "list") == 0) {
		rc = list(db);
	} else if (strcmp(sub, "generate") == 0) {
		char pk[SIGNING_KEY_HEX + 1];
		st = db_permit(db, SK_ACT_KEYS, &e);
		if (st == SK_OK)
			st = signing_own_key(db, 1, pk, &e);
		if (st == SK_OK) {
			char fp[20];
			signing_fingerprint(pk, fp);
			printf(_("Kunci kantor ini: %s (%s)\n"), pk, fp);
		}
	} else if (strcmp(sub, "revoke") == 0) {
		st = signing_revoke(db, arg, &e);
		if (st == SK_OK)
			fprintf(stderr, _("Kunci %s dicabut: bundelnya kini ditolak.\n"), arg);
	} else {
		sk_trusted t;
		memset(&t, 0, sizeof t);
		if (key)
			sk_strlcpy(t.kunci_publik, key, sizeof t.kunci_publik);
		else
			st = from_bundle(arg, &t, &e);
		if (name)
			sk_strlcpy(t.nama_kantor, name, sizeof t.nama_kantor);
		if (region)
			sk_strlcpy(t.kode_wilayah, region, sizeof t.kode_wilayah);
		if (st == SK_OK && !*t.nama_kantor)
			st = sk_err_set(&e, SK_REFUSED, "%s", _("Sebutkan nama kantornya dengan --name."));
		if (st == SK_OK)
			st = signing_trust(db, &t, &e);
		if (st == SK_OK) {
			char fp[20];
			signing_fingerprint(t.kunci_publik, fp);
			fprintf(stderr, _("Kunci %s (%s, %s) dipercaya.\n"), fp, t.nama_kantor,
				*t.kode_wilayah ? t.kode_wilayah : "-");
		}
	}
	db_close(db);
	if (st != SK_OK)
		return cli_fail(st, &e);
	return rc;
}
