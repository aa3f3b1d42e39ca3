/* screens.h - every screen of SIKUBE, one module each, as screen_ops tables (see ui.h), and
 * the arguments their init takes. */
#ifndef SK_SCREENS_H
#define SK_SCREENS_H

#include <stddef.h>
#include "group.h"
#include "member.h"
#include "region.h"
#include "tlist.h"
#include "ui.h"

/* The screen_ops of a screen whose own functions carry its tag (docs/HACKING.md: a screen's
 * statics start with a tag of its own): tag_init, tag_draw, tag_key, its F1 help (a HELP_
 * msgid of help_gen.h: screens/help.txt), then the entries that differ as designated
 * initializers (.hints = HINTS(...), .resize, .free, .resume, ...). List screens use
 * TLIST_SCREEN (tlist.h), forms FU_SCREEN (form_util.h). */
#define SCREEN_OPS(id, tag, helptext, ...) \
	{ .name = id, .init = tag##_init, .draw = tag##_draw, .key = tag##_key, \
	  .help_text = helptext, __VA_ARGS__ }

/* The start of the data of a screen of one group (its report, its savings and loans). */
struct screen_group {
	char id[SK_UUID_LEN + 1];
	sk_group g;
};
/* For a screen's init: s->data of size bytes (zeros) starting with a struct screen_group
 * holding the group id. Returns s->data, or NULL when out of memory or the group cannot be
 * read (its message is in the message line). */
void *screen_group_new(struct screen *s, size_t size, const char *id);
/* For a screen's init: read the group with id into *g and copy id into group_id (n bytes)
 * when group_id is not NULL. Returns 0, or -1 with the store's message in the message line
 * (init then refuses: the screen is not opened). */
int screen_group_read(struct screen *s, const char *id, char *group_id, size_t n, sk_group *g);

/* Read group id into *g (into a group of its own when g is NULL) and, when it was read, make
 * s->title fmt (a msgid with one %s, translated here) with the group's name: the title of a
 * screen of one group. Returns 0, or -1 when the group cannot be read (the title is left as
 * it was; nothing is said). */
int screen_group_title(struct screen *s, const char *id, sk_group *g, const char *fmt);

/* The cells of a member's row in the member lists (tlist.h): name, NIK masked (in buf[1]),
 * third (sex or group), role and status, translated. */
void member_row_cells(const sk_member_row *r, const char *third, const char **cells,
		      char (*buf)[TLIST_CELL]);

/* Main menu (menu library). arg: NULL. */
extern const struct screen_ops MAIN_MENU_OPS;
/* Groups: searchable paged list. arg: NULL. */
extern const struct screen_ops GROUP_LIST_OPS;
/* Deleted groups, to restore (F8). arg: NULL. */
extern const struct screen_ops GROUP_TRASH_OPS;
/* Deleted members of one group, to restore. arg: const char *group_id. */
extern const struct screen_ops MEMBER_TRASH_OPS;
/* Group form. arg: const char *group_id, NULL for a new group. */
extern const struct screen_ops GROUP_FORM_OPS;
/* Members of one group. arg: const char *group_id. */
extern const struct screen_ops MEMBER_LIST_OPS;
/* Members of every group, by name or NIK prefix. arg: NULL. */
extern const struct screen_ops MEMBER_SEARCH_OPS;
/* Member form. arg: struct member_form_arg *. */
extern const struct screen_ops MEMBER_FORM_OPS;
/* Village picker. arg: struct region_pick_arg *. */
extern const struct screen_ops REGION_PICK_OPS;
/* Kelayakan: groups with their compliance figures, first "all groups". arg: NULL. */
extern const struct screen_ops ELIG_GROUPS_OPS;
/* Active members with their latest assessment. arg: const char *group_id, NULL = all. */
extern const struct screen_ops ELIG_LIST_OPS;
/* One member's assessments, latest first. arg: const char *member_id. */
extern const struct screen_ops ASSESSMENT_HISTORY_OPS;
/* Assessment form (14 criteria). arg: struct assessment_form_arg *. */
extern const struct screen_ops ASSESSMENT_FORM_OPS;
/* A group's development: level, failed or not (F6 decides), its assessments. arg: const char
 * *group_id. */
extern const struct screen_ops EVALUATION_HISTORY_OPS;
/* Development assessment form (8 indicators). arg: struct evaluation_form_arg *. */
extern const struct screen_ops EVALUATION_FORM_OPS;
/* Laporan: groups per level and kecamatan, the assessments due. arg: NULL. */
extern const struct screen_ops LEVELS_OPS;
/* After a new member is saved: when another member with the same No. KK was assessed and
 * this one never was, ask whether to record that assessment for this member too. */
void assessment_offer_household(sk_db *db, const char *member_id);

/* Pertemuan, Kas, Laporan: choose a group, then its meetings / cash books / reports.
 * arg: NULL. */
extern const struct screen_ops MEETING_GROUPS_OPS;
extern const struct screen_ops CASH_GROUPS_OPS;
extern const struct screen_ops REPORT_GROUPS_OPS;
/* A group's meetings, newest first. arg: const char *group_id. */
extern const struct screen_ops MEETING_LIST_OPS;
/* Meeting form with the attendance grid. arg: struct meeting_form_arg *. */
extern const struct screen_ops MEETING_FORM_OPS;
/* A group's cash book (umum or iks) like the paper one. arg: const char *group_id. */
extern const struct screen_ops CASH_BOOK_OPS;
/* Cash entry form. arg: struct cash_entry_arg *. */
extern const struct screen_ops CASH_ENTRY_OPS;
/* Laporan: monthly report of one group, saved as a file, and the 12-month chart.
 * arg: const char *group_id. */
extern const struct screen_ops REPORT_OPS;

/* Who works (screens/login.c, issue 16). login_run: the login at start over a welcome
 * screen (or the first admin of a database without operators); 1 when someone logged in, 0
 * when the user gave up. dlg_four_eyes: after a store function refused for want of a second
 * operator (db_four_eyes_require), ask that operator's name and password; 1 when confirmed
 * (save again), 0 when not (the reason shown). */
int login_run(sk_db *db);
int dlg_four_eyes(sk_db *db);
/* Operators, the audit trail and the office's key (admin screen). arg: NULL. */
extern const struct screen_ops OPERATOR_LIST_OPS;
/* The audit trail, filtered. arg: NULL. */
extern const struct screen_ops AUDIT_LIST_OPS;

/* Simpan pinjam of one group: its cycle, fund and members (from the Kelompok screen).
 * arg: const char *group_id. */
extern const struct screen_ops SIMPIN_GROUP_OPS;
/* A cycle's rules: open a new cycle or change the running one. arg: struct simpin_cycle_arg *. */
extern const struct screen_ops SIMPIN_CYCLE_FORM_OPS;
/* A member's passbook, a loan card, or the share-out of a cycle being closed, as they print.
 * arg: struct simpin_view_arg *. */
extern const struct screen_ops SIMPIN_VIEW_OPS;

struct simpin_cycle_arg {
	const char *group_id;
	const char *cycle_id;    /* the running cycle to change, NULL to open a new one */
};

enum simpin_view_kind { SV_PASSBOOK, SV_LOAN_CARD, SV_CLOSE };
struct simpin_view_arg {
	enum simpin_view_kind kind;
	const char *id;          /* anggota_id, pinjaman_id or siklus_id */
};

struct meeting_form_arg {
	const char *group_id;    /* group of a new meeting (ignored when meeting_id is set) */
	const char *meeting_id;  /* meeting to change, NULL for a new one */
};

struct cash_entry_arg {
	const char *group_id;
	const char *buku;        /* book of a new entry: umum or iks */
	const char *row_id;      /* row to change, NULL for a new one */
};

struct member_form_arg {
	const char *group_id;    /* group of a new member (ignored when member_id is set) */
	const char *member_id;   /* member to edit, NULL for a new one */
};

struct assessment_form_arg {
	const char *member_id;      /* the member assessed */
	const char *assessment_id;  /* assessment to change, NULL for a new one */
};

struct evaluation_form_arg {
	const char *group_id;       /* the group assessed */
	const char *evaluation_id;  /* assessment to change, NULL for a new one */
};

struct region_pick_arg {
	const char *initial;     /* search text to start with ("" or NULL: none) */
	/* Called with the chosen village before the picker closes (not on Esc). */
	void (*done)(void *ctx, const sk_region *r);
	void *ctx;
};

#endif
