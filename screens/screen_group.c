/* screen_group.c - what the screens of one group (its cash book, meetings, report, savings
 * and loans, development) do first: read the group they were opened for. */
#include <stdio.h>
#include "frame.h"
#include "group.h"
#include "screens.h"

int screen_group_read(struct screen *s, const char *id, char *group_id, size_t n, sk_group *g)
{
	if (group_id)
		snprintf(group_id, n, "%s", id);
	sk_err e;
	sk_err_clear(&e);
	if (group_get(s->db, id, g, &e) != SK_OK) {
		frame_msg(MSG_ERROR, "%s", e.msg);
		return -1;
	}
	return 0;
}
