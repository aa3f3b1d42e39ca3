/* screen_util.c - what several screens' init does first: the screen's own data, and for the
 * screens of one group (its cash book, report, savings and loans, development) the group
 * they were opened for. */
#include <stdio.h>
#include "frame.h"
#include "group.h"
#include "i18n.h"
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

int screen_group_title(struct screen *s, const char *id, sk_group *g, const char *fmt)
{
	sk_group own;
	if (!g)
		g = &own;
	if (group_get(s->db, id, g, NULL) != SK_OK)
		return -1;
	snprintf(s->title, sizeof s->title, _(fmt), g->nama);
	return 0;
}

void *screen_group_new(struct screen *s, size_t size, const char *id)
{
	struct screen_group *grp = ui_data_new(s, size);
	if (!grp || screen_group_read(s, id, grp->id, sizeof grp->id, &grp->g) != 0)
		return NULL;
	return grp;
}
