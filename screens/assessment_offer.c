/* assessment_offer.c - members who share a No. KK are one household: a new member of a
 * household that was already assessed is offered that assessment as the member's own. */
#include <stdio.h>
#include <string.h>
#include "assessment.h"
#include "dialog.h"
#include "frame.h"
#include "i18n.h"
#include "member.h"
#include "screens.h"

void assessment_offer_household(sk_db *db, const char *member_id)
{
	sk_member m, who;
	sk_assessment src, copy;
	if (member_get(db, member_id, &m, NULL) != SK_OK || assessment_count(db, m.id) > 0 ||
	    assessment_latest_for_kk(db, m.no_kk, m.id, &src, NULL) != SK_OK ||
	    member_get(db, src.anggota_id, &who, NULL) != SK_OK)
		return;
	char q[1200];
	snprintf(q, sizeof q, _("Rumah tangga dengan No. KK ini sudah dinilai pada %s (%s: skor %d, "
				"%s). Pakai penilaian itu juga untuk %s? (y/t)"), src.tanggal, who.nama,
		 src.skor, strcmp(src.kategori, "miskin") == 0 ? _("miskin") : _("tidak miskin"),
		 m.nama);
	if (!dlg_confirm(q))
		return;
	sk_issues is;
	sk_err e;
	sk_err_clear(&e);
	assessment_copy_for(&src, m.id, &copy);
	int rc = assessment_insert(db, &copy, &is, &e);
	if (rc == SK_DENIED && dlg_four_eyes(db)) {
		sk_err_clear(&e);
		rc = assessment_insert(db, &copy, &is, &e);
	}
	if (rc == SK_OK)
		frame_msg(MSG_INFO, _("Anggota %s tersimpan; penilaian rumah tangga tanggal %s disalin."),
			  m.nama, copy.tanggal);
	else
		frame_msg(MSG_ERROR, _("Penilaian rumah tangga tidak disalin: %s"),
			  e.msg[0] ? e.msg : _("data penilaian belum benar."));
}
