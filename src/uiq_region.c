/* uiq_region.c - region queries for the screens (the village picker's row count). */
#include <string.h>
#include "uiq_region.h"

int region_search_count(sk_db *db, const char *text)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT count(*) FROM wilayah d WHERE d.tingkat=4 AND (d.nama LIKE '%' || :t || '%' "
		"ESCAPE '\\' OR d.kode LIKE :t || '%' ESCAPE '\\')", NULL);
	if (!st)
		return -1;
	char esc[256];
	size_t j = 0;
	for (const char *p = text ? text : ""; *p && j + 2 < sizeof esc; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			esc[j++] = '\\';
		esc[j++] = *p;
	}
	esc[j] = '\0';
	sqlite3_bind_text(st, sqlite3_bind_parameter_index(st, ":t"), esc, -1, SQLITE_TRANSIENT);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	db_reset(st);
	return n;
}
