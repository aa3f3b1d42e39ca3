/* db_access.c - the operator of a handle, the permission table and four eyes (db_access.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "db_priv.h"
#include "i18n.h"
#include "util.h"

/* How long a second operator's confirmation waits for the write it is for. */
#define FOUR_EYES_SECONDS 300

static int require_operator;

static const char *const ROLE_NAMES[] = { "", "admin", "operator", "pendamping", "pemeriksa" };

static const struct {
	const char *name;
	const char *label;      /* msgid */
	unsigned roles;         /* bit (1 << role) for each role that may */
} ACTIONS[SK_ACT_COUNT] = {
#define R(r) (1u << (r))
	[SK_ACT_WRITE] = { "tulis", N_("menyimpan data kelompok, anggota, pertemuan dan kas"),
			   R(SK_ROLE_ADMIN) | R(SK_ROLE_OPERATOR) | R(SK_ROLE_PENDAMPING) },
	[SK_ACT_ASSESS] = { "nilai", N_("menyimpan penilaian"),
			    R(SK_ROLE_ADMIN) | R(SK_ROLE_PENDAMPING) },
	[SK_ACT_LEVEL] = { "tingkat", N_("mengubah tingkat kelompok"),
			   R(SK_ROLE_ADMIN) | R(SK_ROLE_PENDAMPING) },
	[SK_ACT_OPERATORS] = { "operator", N_("mengatur operator"), R(SK_ROLE_ADMIN) },
	[SK_ACT_SETTINGS] = { "pengaturan", N_("mengubah pengaturan kantor"), R(SK_ROLE_ADMIN) },
	[SK_ACT_KEYS] = { "kunci", N_("mengatur kunci kantor tepercaya"), R(SK_ROLE_ADMIN) },
	[SK_ACT_IMPORT] = { "impor", N_("mengimpor bundel"),
			    R(SK_ROLE_ADMIN) | R(SK_ROLE_OPERATOR) | R(SK_ROLE_PENDAMPING) },
	[SK_ACT_EXPORT] = { "ekspor", N_("mengekspor bundel"),
			    R(SK_ROLE_ADMIN) | R(SK_ROLE_OPERATOR) | R(SK_ROLE_PENDAMPING) },
	[SK_ACT_CONFIRM] = { "empat_mata", N_("menyetujui sebagai operator kedua"),
			     R(SK_ROLE_ADMIN) | R(SK_ROLE_OPERATOR) | R(SK_ROLE_PENDAMPING) },
#undef R
};

const char *sk_role_name(sk_role r)
{
	return r >= SK_ROLE_NONE && r <= SK_ROLE_PEMERIKSA ? ROLE_NAMES[r] : "";
}

sk_role sk_role_parse(const char *s)
{
	for (int r = SK_ROLE_ADMIN; s && r <= SK_ROLE_PEMERIKSA; r++)
		if (strcmp(s, ROLE_NAMES[r]) == 0)
			return (sk_role)r;
	return SK_ROLE_NONE;
}

const char *sk_action_name(sk_action a)
{
	return a >= 0 && a < SK_ACT_COUNT ? ACTIONS[a].name : "";
}

const char *sk_action_label(sk_action a)
{
	return a >= 0 && a < SK_ACT_COUNT ? _(ACTIONS[a].label) : "";
}

int sk_action_parse(const char *s)
{
	for (int a = 0; s && a < SK_ACT_COUNT; a++)
		if (strcmp(s, ACTIONS[a].name) == 0)
			return a;
	return -1;
}

int sk_role_may(sk_role r, sk_action a)
{
	if (a < 0 || a >= SK_ACT_COUNT || r <= SK_ROLE_NONE || r > SK_ROLE_PEMERIKSA)
		return 0;
	return (ACTIONS[a].roles >> r) & 1u;
}

void db_require_operator(void)
{
	require_operator = 1;
}

void db_set_operator(sk_db *db, const char *name, sk_role role)
{
	struct db_acc *a = db_acc(db);
	sk_strlcpy(a->op, name && role != SK_ROLE_NONE ? name : "", sizeof a->op);
	a->role = *a->op ? role : SK_ROLE_NONE;
	a->fe_action[0] = a->fe_second[0] = '\0';
}

const char *db_operator(sk_db *db)
{
	return db_acc(db)->op;
}

sk_role db_role(sk_db *db)
{
	return db_acc(db)->role;
}

static int refuse_nobody(sk_err *e)
{
	return sk_err_set(e, SK_DENIED, "%s", _("Belum masuk sebagai operator: data tidak dapat "
						 "disimpan."));
}

int db_permit(sk_db *db, sk_action a, sk_err *e)
{
	struct db_acc *acc = db_acc(db);
	if (acc->role == SK_ROLE_NONE)
		return require_operator ? refuse_nobody(e) : SK_OK;
	if (sk_role_may(acc->role, a))
		return SK_OK;
	return sk_err_set(e, SK_DENIED, _("Operator %s (peran %s) tidak berwenang %s."), acc->op,
			  sk_role_name(acc->role), sk_action_label(a));
}

void db_system_begin(sk_db *db)
{
	db_acc(db)->system++;
}

void db_system_end(sk_db *db)
{
	if (db_acc(db)->system > 0)
		db_acc(db)->system--;
}

int db_access_write_check(sk_db *db, sk_err *e)
{
	struct db_acc *a = db_acc(db);
	if (a->system)
		return SK_OK;
	if (a->role == SK_ROLE_PEMERIKSA)
		return sk_err_set(e, SK_DENIED, _("Operator %s berperan pemeriksa (hanya membaca): "
						   "tidak ada yang disimpan."), a->op);
	if (a->role == SK_ROLE_NONE && require_operator)
		return refuse_nobody(e);
	return SK_OK;
}

void db_four_eyes_grant(sk_db *db, const char *action, const char *second)
{
	struct db_acc *a = db_acc(db);
	sk_strlcpy(a->fe_action, action, sizeof a->fe_action);
	sk_strlcpy(a->fe_second, second, sizeof a->fe_second);
	a->fe_until = time(NULL) + FOUR_EYES_SECONDS;
}

/* 1 when no second operator is asked for (nobody logged in where none is required); 2 when
 * the grant of a second operator covers action now (and is then used); 0 when it is still to
 * be asked for: then noted for db_four_eyes_asked and the refusal is in e. */
static int four_eyes(sk_db *db, const char *action, const char *label, sk_err *e)
{
	struct db_acc *a = db_acc(db);
	if (a->role == SK_ROLE_NONE && !require_operator)
		return 1;
	if (*a->fe_second && strcmp(a->fe_action, action) == 0 && time(NULL) <= a->fe_until &&
	    strcmp(a->fe_second, a->op) != 0) {
		a->fe_used = 1;
		return 2;
	}
	sk_strlcpy(a->fe_asked, action, sizeof a->fe_asked);
	sk_strlcpy(a->fe_asked_label, label ? label : action, sizeof a->fe_asked_label);
	sk_err_set(e, SK_DENIED, _("Perlu persetujuan operator kedua (dengan kata sandinya) untuk: "
				   "%s."), label ? label : action);
	return 0;
}

int db_four_eyes_granted(sk_db *db, const char *action, const char *label, sk_err *e)
{
	return four_eyes(db, action, label, e) ? SK_OK : SK_DENIED;
}

int db_four_eyes_require(sk_db *db, const char *action, const char *label, sk_err *e)
{
	int ok = four_eyes(db, action, label, e);
	if (ok != 2)
		return ok ? SK_OK : SK_DENIED;
	/* The trail keeps the action's name (stored data, the same in every language). */
	return db_audit_note(db, "empat_mata", NULL, NULL, NULL, NULL, action, e);
}

int db_four_eyes_asked(sk_db *db, char *action, size_t an, char *label, size_t ln)
{
	struct db_acc *a = db_acc(db);
	if (!*a->fe_asked)
		return 0;
	sk_strlcpy(action, a->fe_asked, an);
	sk_strlcpy(label, a->fe_asked_label, ln);
	a->fe_asked[0] = a->fe_asked_label[0] = '\0';
	return 1;
}
