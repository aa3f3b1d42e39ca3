/* office_xlsx.h - `sikube export --xlsx FILE`: the office's data as one workbook for people
 * (spreadsheets), not for merging (bundles do that). No curses here. */
#ifndef SK_OFFICE_XLSX_H
#define SK_OFFICE_XLSX_H

#include "db.h"

/* Sheets of the workbook, in order. */
enum { OX_KELOMPOK, OX_ANGGOTA, OX_PENILAIAN, OX_PERTEMUAN, OX_KEHADIRAN, OX_KAS, OX_TUTUP_KAS,
       OX_EVALUASI, OX_COUNT };

/* Progress: the sheet being written and its rows so far (at its start, every few thousand
 * rows, at its end). */
typedef void (*office_progress_fn)(void *ctx, const char *sheet, long long done);

typedef struct office_xlsx_result {
	const char *sheet[OX_COUNT];    /* sheet names (static) */
	long long rows[OX_COUNT];       /* data rows per sheet */
} office_xlsx_result;

/* Write the rows that are not deleted (nor under a deleted group) of kelompok, anggota,
 * penilaian, pertemuan, kehadiran, kas and tutup_kas, from one read snapshot, to a new
 * workbook at path (xlsx_open: created exclusively, 0600, whole or not at all): one sheet
 * per table, the group's code and name beside each group id and the member's NIK and name
 * beside each member id; NIK, No. KK, phone and RT/RW as text cells, dates as dates, rupiah
 * as numbers with thousands separators; score and category recomputed from the criteria.
 * mask_nik keeps only the first 6 digits of NIKs and No. KK. fn (may be NULL) reports
 * progress. Returns SK_OK, SK_REFUSED (path exists), SK_IOERR, SK_BUSY or SK_DBERR. */
int office_xlsx_write(sk_db *db, const char *path, int mask_nik, office_progress_fn fn,
		      void *ctx, office_xlsx_result *r, sk_err *e);

#endif
