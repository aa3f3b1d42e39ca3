/* sample.c - load the shipped sample kelurahan: sample-data/ is a bundle in the spec's format,
 * read by the normal importer (same rules, same merge). */
#include <limits.h>
#include <string.h>
#include "i18n.h"
#include "import.h"
#include "sample.h"
#include "util.h"

int sample_load(sk_db *db, const char *dir, int *groups, int *members, sk_err *e)
{
	char found[PATH_MAX];
	if (groups)
		*groups = 0;
	if (members)
		*members = 0;
	if (!dir) {
		if (sk_find_data("sample-data/manifest.csv", found, sizeof found) != 0)
			return sk_err_set(e, SK_IOERR, "%s", _("Folder sample-data tidak ditemukan."));
		*strrchr(found, '/') = '\0';
		dir = found;
	}
	import_opts o = { 0 };
	import_result r;
	int rc = import_paths(db, 1, &dir, &o, &r, e);
	if (rc == SK_REFUSED && r.nproblems > 0) {
		const import_problem *p = &r.problems[0];
		rc = sk_err_set(e, SK_REFUSED, _("%s baris %lld, kolom %s: %s"), p->berkas, p->baris,
				p->kolom, p->alasan);
	} else if (rc == SK_REFUSED) {
		rc = sk_err_set(e, SK_REFUSED, "%s", _("Data contoh ditolak."));
	}
	if (rc == SK_OK && groups)
		*groups = (int)r.t[BT_KELOMPOK].added;
	if (rc == SK_OK && members)
		*members = (int)r.t[BT_ANGGOTA].added;
	import_result_free(&r);
	return rc;
}
