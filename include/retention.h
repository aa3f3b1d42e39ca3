/* retention.h - how long the data of members who left is kept (UU 27/2022; issue 16): the
 * setting retensi_bulan (months after tanggal_keluar; 0 or none = kept) and the anonymisation
 * of the members past it. No curses here. */
#ifndef SK_RETENTION_H
#define SK_RETENTION_H

#include "db.h"

/* The setting in months (0 when off). */
int retention_months(sk_db *db);
/* Set it (an admin: the permission "pengaturan"); months 0 turns it off. */
int retention_set(sk_db *db, int months, sk_err *e);
/* Anonymise every member who left more than retention_months ago and is not anonymised yet:
 * the name becomes "Anonim", NIK and No. KK a placeholder of the same region (the first 6
 * digits, then 010100 and 9999: a well-formed number no real person of that kecamatan holds
 * in practice), birth, address, phone and notes emptied, the row deleted (dihapus, so the
 * change travels in the next bundle); the notes of their assessments emptied; the content of
 * the trail's entries about them blanked (the chain stays whole). One note in the trail says
 * how many and by which setting. *count gets the number. SK_OK or the error in e. */
int retention_apply(sk_db *db, int *count, sk_err *e);

#endif
