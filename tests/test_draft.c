/* test_draft.c - drafts of forms left open when SIKUBE was ended: kept, replaced, read back,
 * dropped; never part of a bundle. */
#include <stdlib.h>
#include "draft.h"
#include "fixture.h"

int main(void)
{
	sk_db *db = fixture_db();
	sk_err e;
	char *text = NULL, when[32];
	CHECK(draft_get(db, "group-form", "baru", &text, when, sizeof when, &e) == SK_NOTFOUND &&
	      !text, "no draft at first");
	CHECK(draft_put(db, "group-form", "baru", "nama=Mawar\nkode=\n", &e) == SK_OK, "kept");
	CHECK(draft_put(db, "member-form", "baru:g1", "nama=Siti\n", &e) == SK_OK, "another form's");
	CHECK(draft_put(db, "group-form", "baru", "nama=Mawar Merah\n", &e) == SK_OK, "replaced");
	CHECK(draft_get(db, "group-form", "baru", &text, when, sizeof when, &e) == SK_OK && text &&
	      strcmp(text, "nama=Mawar Merah\n") == 0, "read back, the latest");
	CHECK(strlen(when) == 20 && when[10] == 'T', "with the time it was kept");
	free(text);
	CHECK(draft_put(db, "cash-entry", "x", "", &e) == SK_OK, "an empty draft is kept too");
	CHECK(draft_get(db, "cash-entry", "x", &text, when, sizeof when, &e) == SK_OK && text &&
	      !*text, "and read back empty");
	free(text);
	CHECK(draft_drop(db, "group-form", "baru", &e) == SK_OK, "dropped");
	CHECK(draft_drop(db, "group-form", "baru", &e) == SK_OK, "dropping none is fine");
	CHECK(draft_get(db, "group-form", "baru", &text, when, sizeof when, &e) == SK_NOTFOUND,
	      "gone");
	CHECK(draft_get(db, "member-form", "baru:g1", &text, when, sizeof when, &e) == SK_OK, "the other stays");
	free(text);
	db_close(db);
	return testlib_summary();
}
