/* cash_close_dlg.h - the Kas screen's month close (T): ask the counted cash, say what a
 * difference is and offer to book it. Not for other screens. */
#ifndef SK_CASH_CLOSE_DLG_H
#define SK_CASH_CLOSE_DLG_H

#include "db.h"

/* Close a month of book buku of group: the month shown (bulan "YYYY-MM", "" = every month:
 * then this month), or the month before while the shown one has not ended. A month already
 * closed is said at once; otherwise the treasurer's count is asked, and a difference is,
 * with the treasurer's note, booked as a "selisih kas" row today or left on record in the
 * close only, as the treasurer chooses. The outcome goes to the message area. */
void cash_close_ask(sk_db *db, const char *group_id, const char *buku, const char *bulan);

#endif
