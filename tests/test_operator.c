/* test_operator.c - operators, roles, the audit trail and signatures (issue 16): a pemeriksa
 * saves nothing through any store function or any table; roles per the permission table; the
 * trail records every write with its operator, NIK masked, hash-chained, and a tampered row
 * is found; four eyes refuses without the second operator; login limits; signatures. */
#include <stdio.h>
#include <string.h>
#include "assessment.h"
#include "cashbook.h"
#include "db_access.h"
#include "group.h"
#include "kube_fixture.h"
#include "meeting.h"
#include "member.h"
#include "operator.h"
#include "signing.h"

#define PW_ADMIN "kepala-kantor-1"
#define PW_PERIKSA "periksa-saja-1"
#define PW_KEDUA "operator-dua-2"
#define PW_PDP "pendamping-3x"

static int64_t changes(sk_db *db)
{
	return sqlite3_total_changes(db_handle(db));
}

static int64_t trail(sk_db *db)
{
	return kube_int(db, "SELECT count(*) FROM jejak");
}

static void setup_operators(sk_db *db)
{
	sk_err e;
	CHECK(operator_add(db, "kepala", "Kepala", SK_ROLE_ADMIN, PW_ADMIN, &e) == SK_OK, "add admin");
	CHECK(operator_add(db, "periksa", NULL, SK_ROLE_PEMERIKSA, PW_PERIKSA, &e) == SK_OK,
	      "add pemeriksa");
	CHECK(operator_add(db, "kedua", NULL, SK_ROLE_OPERATOR, PW_KEDUA, &e) == SK_OK, "add operator");
	CHECK(operator_add(db, "pdp", NULL, SK_ROLE_PENDAMPING, PW_PDP, &e) == SK_OK,
	      "add pendamping");
	CHECK(operator_add(db, "bad", NULL, SK_ROLE_OPERATOR, "12345678", &e) == SK_REFUSED,
	      "a password of digits only is refused");
	CHECK(operator_add(db, "Bad Name", NULL, SK_ROLE_OPERATOR, PW_KEDUA, &e) == SK_REFUSED,
	      "a name with capitals and a space is refused");
	CHECK(operator_add(db, "short", NULL, SK_ROLE_OPERATOR, "abc", &e) == SK_REFUSED,
	      "a short password is refused");
	CHECK(strstr(e.msg, "abc") == NULL, "the refusal does not repeat the password");
	char hash[256] = "";
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db_handle(db), "SELECT sandi FROM operator WHERE nama='kepala'", -1, &st,
			   NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	CHECK(strncmp(hash, "$argon2id$", 10) == 0 && strstr(hash, "m=65536,t=2") != NULL,
	      "passwords are stored as full-strength Argon2id hashes");
	CHECK(strstr(hash, PW_ADMIN) == NULL, "the password itself is not stored");
}

/* Every store function that writes, called as a pemeriksa: each refused, nothing changed. */
static void pemeriksa_saves_nothing(sk_db *db)
{
	sk_err e;
	sk_issues is;
	CHECK(operator_login(db, "periksa", PW_PERIKSA, 0, 0, &e) == SK_OK, "pemeriksa logs in");
	CHECK(db_role(db) == SK_ROLE_PEMERIKSA, "the handle carries the role");
	int64_t before = changes(db), before_trail = trail(db);
	sk_group g;
	group_init(&g);
	snprintf(g.nama, sizeof g.nama, "Kelompok Baru");
	snprintf(g.kode_wilayah, sizeof g.kode_wilayah, "31.71.08.1003");
	CHECK(group_insert(db, &g, &is, &e) == SK_DENIED, "group_insert refused");
	CHECK(strstr(e.msg, "pemeriksa") != NULL, "the message names the role");
	sk_group old;
	CHECK(group_get(db, "g1", &old, &e) == SK_OK, "a pemeriksa reads");
	CHECK(group_update(db, &old, &is, &e) != SK_OK, "group_update refused");
	CHECK(group_delete(db, "g1", &e) != SK_OK, "group_delete refused");
	sk_member m;
	CHECK(member_get(db, "g1-a01", &m, &e) == SK_OK, "member read");
	CHECK(member_update(db, &m, &is, &e) != SK_OK, "member_update refused");
	m.id[0] = '\0';
	snprintf(m.nik, sizeof m.nik, "3171081208809999");
	CHECK(member_insert(db, &m, &is, &e) != SK_OK, "member_insert refused");
	CHECK(member_delete(db, "g1-a02", &e) != SK_OK, "member_delete refused");
	int restored = 0;
	CHECK(group_restore(db, "g2", &restored, &e) == SK_DENIED, "group_restore refused");
	CHECK(member_restore(db, "g1-a07", &is, &e) == SK_DENIED, "member_restore refused");
	sk_cash_row c;
	cash_init(&c, "g1");
	c.masuk = 1000;
	snprintf(c.kategori, sizeof c.kategori, "lainnya");
	CHECK(cash_add(db, &c, &is, &e) != SK_OK, "cash_add refused");
	CHECK(cash_reverse(db, "k1", NULL, &e) != SK_OK, "cash_reverse refused");
	CHECK(cash_delete(db, "k1", &e) != SK_OK, "cash_delete refused");
	CHECK(cash_close_month(db, "g1", "umum", "2026-01", 0, NULL, NULL, NULL, &e) != SK_OK,
	      "cash_close_month refused");
	sk_assessment a;
	memset(&a, 0, sizeof a);
	snprintf(a.anggota_id, sizeof a.anggota_id, "g1-a01");
	snprintf(a.tanggal, sizeof a.tanggal, "2026-02-01");
	CHECK(assessment_insert(db, &a, &is, &e) != SK_OK, "assessment_insert refused");
	CHECK(assessment_delete(db, "x", &e) != SK_OK, "assessment_delete refused");
	sk_meeting mt;
	meeting_init(&mt, "g1");
	CHECK(meeting_save(db, &mt, NULL, 0, &is, &e) != SK_OK, "meeting_save refused");
	CHECK(meeting_delete(db, "x", &e) != SK_OK, "meeting_delete refused");
	CHECK(db_setting_set(db, "ambang_miskin", "5", &e) != SK_OK, "db_setting_set refused");
	CHECK(operator_add(db, "baru", NULL, SK_ROLE_OPERATOR, PW_KEDUA, &e) != SK_OK,
	      "operator_add refused");
	CHECK(operator_set_active(db, "kedua", 0, &e) != SK_OK, "operator_set_active refused");
	sk_trusted t = { 0 };
	snprintf(t.kunci_publik, sizeof t.kunci_publik, "%064d", 1);
	CHECK(signing_trust(db, &t, &e) != SK_OK, "signing_trust refused");
	/* Every table, written directly: the gate is db_begin_write itself. */
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db_handle(db), "SELECT name FROM sqlite_schema WHERE type='table' AND "
			   "name NOT LIKE 'sqlite_%'", -1, &st, NULL);
	int tables = 0, refused = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char sql[256];
		snprintf(sql, sizeof sql, "DELETE FROM \"%s\"", (const char *)sqlite3_column_text(st, 0));
		tables++;
		refused += db_exec_write(db, sql, &e) == SK_DENIED;
	}
	sqlite3_finalize(st);
	CHECK(tables > 10 && refused == tables, "a write to any table is refused");
	CHECK(changes(db) == before, "nothing changed in the database");
	CHECK(trail(db) == before_trail, "and nothing was added to the trail");
	db_set_operator(db, NULL, SK_ROLE_NONE);
}

static void roles(sk_db *db)
{
	sk_err e;
	sk_issues is;
	CHECK(operator_login(db, "kedua", PW_KEDUA, 0, 0, &e) == SK_OK, "operator logs in");
	sk_assessment a;
	memset(&a, 0, sizeof a);
	snprintf(a.anggota_id, sizeof a.anggota_id, "g1-a01");
	snprintf(a.tanggal, sizeof a.tanggal, "2026-02-01");
	CHECK(assessment_insert(db, &a, &is, &e) == SK_DENIED && strstr(e.msg, "penilaian"),
	      "an operator may not save an assessment");
	CHECK(db_exec_write(db, "UPDATE kelompok SET tingkat='maju' WHERE id='g1'", &e) == SK_DENIED,
	      "an operator may not change a group's level (central check at commit)");
	CHECK(kube_int(db, "SELECT count(*) FROM kelompok WHERE tingkat='maju' AND id='g1'") == 0,
	      "the level is unchanged");
	CHECK(db_exec_write(db, "UPDATE kelompok SET alamat='Jl. Baru' WHERE id='g1'", &e) == SK_OK,
	      "an operator may change a group's address");
	CHECK(db_setting_set(db, "ambang_miskin", "5", &e) == SK_DENIED, "an operator may not "
	      "change the office's settings");
	CHECK(operator_add(db, "lagi", NULL, SK_ROLE_OPERATOR, PW_KEDUA, &e) == SK_DENIED,
	      "an operator may not add operators");
	CHECK(operator_login(db, "pdp", PW_PDP, 0, 0, &e) == SK_OK, "pendamping logs in");
	CHECK(assessment_insert(db, &a, &is, &e) == SK_OK, "a pendamping saves an assessment");
	CHECK(db_exec_write(db, "UPDATE kelompok SET tingkat='maju' WHERE id='g1'", &e) == SK_OK,
	      "a pendamping changes a group's level");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE operator='pdp' AND tabel='kelompok' AND "
		       "aksi='ubah' AND lama LIKE '%tumbuh%' AND baru LIKE '%maju%'") == 1,
	      "the trail keeps who changed the level, old and new");
	db_set_operator(db, NULL, SK_ROLE_NONE);
}

static void audit_trail(sk_db *db)
{
	sk_err e;
	sk_issues is;
	CHECK(operator_login(db, "kepala", PW_ADMIN, 0, 0, &e) == SK_OK, "admin logs in");
	sk_member m;
	member_get(db, "g1-a03", &m, &e);
	snprintf(m.nik, sizeof m.nik, "3171081208807777");
	CHECK(member_update(db, &m, &is, &e) == SK_OK, "admin changes a NIK");
	/* A new name gets a new sort key (a BLOB, collate.h): the trail keeps the name only. */
	snprintf(m.nama, sizeof m.nama, "Ani Diganti");
	CHECK(member_update(db, &m, &is, &e) == SK_OK, "admin renames a member");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE baris_id='g1-a03' AND baru LIKE "
		       "'%Ani Diganti%'") == 1, "the new name is in the trail");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE lama LIKE '%urut_nama%' OR baru LIKE "
		       "'%urut_nama%'") == 0, "the sort key is not");
	char sql[] = "SELECT count(*) FROM jejak WHERE operator='kepala' AND tabel='anggota' AND "
		     "baris_id='g1-a03' AND kelompok_id='g1' AND anggota_id='g1-a03' AND aksi='ubah' "
		     "AND baru LIKE '%317108**********%'";
	CHECK(kube_int(db, sql) == 1, "the change is in the trail: operator, table, row, group, "
	      "member, NIK masked");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE lama LIKE '%3171081208807777%' OR baru "
		       "LIKE '%3171081208807777%' OR keterangan LIKE '%3171081208807777%'") == 0,
	      "no whole NIK anywhere in the trail");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE baru LIKE '%" PW_ADMIN "%' OR lama LIKE "
		       "'%argon2%' OR baru LIKE '%argon2%'") == 0,
	      "no password nor hash in the trail");
	sk_audit_finding f;
	CHECK(db_audit_verify(db, &f, &e) == SK_OK && f.no == 0 && f.rows > 5 && f.guards,
	      "the chain verifies");
	CHECK(db_exec_write(db, "UPDATE jejak SET operator='x' WHERE no=3", &e) != SK_OK,
	      "the trail refuses a change (append-only trigger)");
	CHECK(db_exec_write(db, "DELETE FROM jejak WHERE no=3", &e) != SK_OK,
	      "the trail refuses a deletion");
	/* Tampering as the sqlite3 shell would: the guard dropped, a row changed. */
	db_system_begin(db);
	CHECK(db_exec_write(db, "DROP TRIGGER jejak_tetap_ubah; UPDATE jejak SET baru=replace(baru,"
			    "'Jl. Baru','Jl. Lain') WHERE baru LIKE '%Jl. Baru%'", &e) == SK_OK,
	      "tamper with the trail");
	db_system_end(db);
	int64_t bad = kube_int(db, "SELECT min(no) FROM jejak WHERE baru LIKE '%Jl. Lain%'");
	CHECK(db_audit_verify(db, &f, &e) == SK_OK && f.no == bad && !f.guards,
	      "verify names the first broken link and the missing guard");
	db_set_operator(db, NULL, SK_ROLE_NONE);
}

static void four_eyes(sk_db *db)
{
	sk_err e;
	char sql[512];
	/* A closed month with a row in it. */
	snprintf(sql, sizeof sql, "INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,"
		 "diubah_pada) VALUES('k9','g1','2026-01-10','umum','lainnya',7000,0,'2026-01-10T00:00:00Z');"
		 "INSERT INTO tutup_kas(id,kelompok_id,buku,bulan,tanggal,saldo_buku,saldo_hitung,selisih,"
		 "diubah_pada) VALUES('t1','g1','umum','2026-01','2026-01-31',7000,7000,0,"
		 "'2026-02-01T00:00:00Z')");
	CHECK(db_exec_write(db, sql, &e) == SK_OK, "a closed month");
	CHECK(operator_login(db, "kedua", PW_KEDUA, 0, 0, &e) == SK_OK, "operator logs in");
	CHECK(cash_reverse(db, "k9", NULL, &e) == SK_DENIED && strstr(e.msg, "operator kedua"),
	      "reversing a closed month's row needs a second operator");
	char act[64], label[160];
	CHECK(db_four_eyes_asked(db, act, sizeof act, label, sizeof label) &&
	      strcmp(act, "pembalikan_bulan_tutup") == 0, "the screens learn what to ask");
	CHECK(four_eyes_confirm(db, act, "kedua", PW_KEDUA, &e) == SK_REFUSED,
	      "the same operator cannot confirm");
	CHECK(four_eyes_confirm(db, act, "periksa", PW_PERIKSA, &e) == SK_REFUSED,
	      "a pemeriksa cannot confirm");
	CHECK(four_eyes_confirm(db, act, "kepala", "salah-sandi-9", &e) == SK_REFUSED,
	      "a wrong password does not confirm");
	CHECK(cash_reverse(db, "k9", NULL, &e) == SK_DENIED, "still refused");
	CHECK(four_eyes_confirm(db, act, "kepala", PW_ADMIN, &e) == SK_OK, "the admin confirms");
	CHECK(cash_reverse(db, "k9", NULL, &e) == SK_OK, "then the reversal is saved");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE operator='kedua' AND operator2='kepala' "
		       "AND tabel='kas'") >= 1, "both names are kept in the trail");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE aksi='empat_mata' AND operator2='kepala'")
	      == 1, "with a note of the four-eyes operation");
	/* The confirmation is used up. */
	snprintf(sql, sizeof sql, "INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,"
		 "diubah_pada) VALUES('k8','g1','2026-01-11','umum','lainnya',500,0,'2026-01-11T00:00:00Z')");
	db_system_begin(db);
	db_exec_write(db, sql, &e);
	db_system_end(db);
	CHECK(cash_reverse(db, "k8", NULL, &e) == SK_DENIED, "one confirmation, one operation");
	/* Eligibility override. */
	CHECK(operator_login(db, "pdp", PW_PDP, 0, 0, &e) == SK_OK, "pendamping logs in");
	sk_assessment a;
	sk_issues is;
	memset(&a, 0, sizeof a);
	snprintf(a.anggota_id, sizeof a.anggota_id, "g1-a02");
	snprintf(a.tanggal, sizeof a.tanggal, "2026-02-02");
	a.has_penghasilan = 1;
	a.penghasilan_bulanan = 5000000;
	assessment_answer(&a, 11, 1);
	CHECK(assessment_overridden(&a, 11), "an answer against the figures is an override");
	CHECK(assessment_insert(db, &a, &is, &e) == SK_DENIED && strstr(e.msg, "operator kedua"),
	      "an eligibility override needs a second operator");
	CHECK(four_eyes_confirm(db, "penimpaan_kelayakan", "kedua", PW_KEDUA, &e) == SK_OK,
	      "a second operator confirms");
	CHECK(assessment_insert(db, &a, &is, &e) == SK_OK, "then it is saved");
	db_set_operator(db, NULL, SK_ROLE_NONE);
}

static void login_limits(sk_db *db)
{
	sk_err e;
	for (int i = 0; i < OPERATOR_MAX_FAILS - 1; i++)
		operator_login(db, "kedua", "salah-sandi-x", 0, 0, &e);
	CHECK(strstr(e.msg, "salah-sandi-x") == NULL, "a refusal never shows the password typed");
	CHECK(operator_login(db, "kedua", PW_KEDUA, 0, 0, &e) == SK_OK,
	      "a right password after fewer wrong ones than the limit");
	for (int i = 0; i < OPERATOR_MAX_FAILS; i++)
		operator_login(db, "kedua", "salah-sandi-x", 0, 0, &e);
	CHECK(operator_login(db, "kedua", PW_KEDUA, 0, 0, &e) == SK_REFUSED &&
	      strstr(e.msg, "dikunci"), "locked after the limit, even with the right password");
	CHECK(operator_login(db, "nobody", "whatever-1", 0, 0, &e) == SK_REFUSED &&
	      strstr(e.msg, "Nama operator atau kata sandi salah"), "an unknown name: the same refusal");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE aksi='gagal_masuk' AND (keterangan LIKE "
		       "'%nobody%' OR baris_id='nobody')") == 0,
	      "a name that is no operator's is not written down (it may be a password)");
	CHECK(operator_login(db, "kepala", PW_ADMIN, 0, 0, &e) == SK_OK, "admin logs in");
	CHECK(operator_set_active(db, "periksa", 0, &e) == SK_OK, "the admin turns one off");
	CHECK(operator_set_active(db, "kepala", 0, &e) == SK_REFUSED, "but not itself");
	CHECK(operator_login(db, "periksa", PW_PERIKSA, 0, 0, &e) == SK_REFUSED,
	      "an inactive operator cannot log in");
	db_set_operator(db, NULL, SK_ROLE_NONE);
}

static void signatures(sk_db *db)
{
	sk_err e;
	char pk[SIGNING_KEY_HEX + 1], sig[SIGNING_SIG_HEX + 1];
	CHECK(signing_own_key(db, 0, pk, &e) == SK_NOTFOUND, "no key pair until one is made");
	CHECK(signing_own_key(db, 1, pk, &e) == SK_OK && signing_key_valid(pk), "key pair made");
	const char msg[] = "kunci,nilai\nformat,sikube-bundle\n";
	CHECK(signing_sign(db, msg, strlen(msg), sig, &e) == SK_OK, "sign");
	CHECK(signing_verify(msg, strlen(msg), pk, sig), "verify");
	char bad[sizeof msg];
	memcpy(bad, msg, sizeof msg);
	bad[3] ^= 1;
	CHECK(!signing_verify(bad, strlen(bad), pk, sig), "one byte changed: refused");
	char file[512];
	snprintf(file, sizeof file, "%s%s,%s\r\n", msg, SIGNING_KEY_SIGNATURE, sig);
	size_t len;
	char got[SIGNING_SIG_HEX + 1];
	CHECK(signing_split(file, strlen(file), &len, got) && len == strlen(msg) &&
	      strcmp(got, sig) == 0, "the signature is the last line; the rest is what is signed");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE lama LIKE '%kunci_rahasia%' OR baru "
		       "LIKE '%kunci_rahasia%'") == 0, "the private key never goes into the trail");
}

/* Four eyes by what is written (db_audit.c), whatever code path writes it: a fine waived, a
 * loan written off, a share-out row; and a group declared failed is a pendamping's. The
 * handle is opened again so that its capture covers stand-in tables (while the tables of
 * issues 13 and 14 are not in the schema). */
#define BAGI_HASIL "INSERT INTO bagi_hasil(id, siklus_id, anggota_id, simpanan, bagian_hasil, " \
	"dibayar, diubah_pada) VALUES('b1', 'c1', 'g1-a01', 5000, 1000, 6000, '2026-03-01T00:00:00Z')"
#define GAGAL "INSERT INTO kelompok_gagal(id, kelompok_id, keputusan, tanggal, oleh, " \
	"dicatat_pada) VALUES('kg1', 'g1', 'gagal', '2026-03-01', 'pdp', '2026-03-01T00:00:00Z')"
static void four_eyes_by_content(sk_db **dbp)
{
	sk_db *db = *dbp;
	sk_err e;
	char path[4096], act[64], label[160];
	snprintf(path, sizeof path, "%s", db_path(db));
	db_set_operator(db, NULL, SK_ROLE_NONE);
	/* The tables of issues 13 and 14 when they are in the schema, else stand-ins with their
	 * columns (no constraints): the same rows go into either. */
	CHECK(db_exec_write(db, "CREATE TABLE IF NOT EXISTS siklus(id TEXT PRIMARY KEY, kelompok_id, "
			    "nomor, mulai, diubah_pada TEXT);"
			    "CREATE TABLE IF NOT EXISTS denda(id TEXT PRIMARY KEY, siklus_id, anggota_id, "
			    "tanggal, jenis, jumlah, dibayar_pada, dibebaskan INTEGER NOT NULL DEFAULT 0, "
			    "diubah_pada TEXT);"
			    "CREATE TABLE IF NOT EXISTS pinjaman(id TEXT PRIMARY KEY, siklus_id, anggota_id, "
			    "tanggal, pokok, jasa_persen_bulan, metode_jasa, jumlah_angsuran, "
			    "jarak_angsuran, dihapusbukukan_pada TEXT, diubah_pada TEXT);"
			    "CREATE TABLE IF NOT EXISTS bagi_hasil(id TEXT PRIMARY KEY, siklus_id, "
			    "anggota_id, simpanan, bagian_hasil, dibayar, diubah_pada TEXT);"
			    "CREATE TABLE IF NOT EXISTS kelompok_gagal(id TEXT PRIMARY KEY, kelompok_id, "
			    "keputusan, tanggal, oleh, alasan, dicatat_pada TEXT);"
			    "INSERT INTO siklus(id, kelompok_id, nomor, mulai, diubah_pada) VALUES('c1', "
			    "'g1', 1, '2026-01-01', '2026-01-01T00:00:00Z');"
			    "INSERT INTO denda(id, siklus_id, anggota_id, tanggal, jenis, jumlah, "
			    "diubah_pada) VALUES('d1', 'c1', 'g1-a01', '2026-02-01', 'alpa', 1000, "
			    "'2026-02-01T00:00:00Z');"
			    "INSERT INTO pinjaman(id, siklus_id, anggota_id, tanggal, pokok, "
			    "jasa_persen_bulan, metode_jasa, jumlah_angsuran, jarak_angsuran, diubah_pada) "
			    "VALUES('p1', 'c1', 'g1-a01', '2026-02-01', 100000, 100, 'flat', 10, 'minggu', "
			    "'2026-02-01T00:00:00Z')", &e) == SK_OK,
	      "a cycle with a fine and a loan");
	db_close(db);
	*dbp = db = fixture_open(path);
	CHECK(operator_login(db, "kedua", PW_KEDUA, 0, 0, &e) == SK_OK, "operator logs in");
	CHECK(db_exec_write(db, "UPDATE denda SET diubah_pada='2026-03-01T00:00:00Z' WHERE id='d1'",
			    &e) == SK_OK, "a fine's other changes need one operator");
	CHECK(db_exec_write(db, "UPDATE denda SET dibebaskan=1 WHERE id='d1'", &e) == SK_DENIED &&
	      strstr(e.msg, "operator kedua") && strstr(e.msg, "denda"),
	      "waiving a fine needs a second operator");
	CHECK(kube_int(db, "SELECT dibebaskan FROM denda WHERE id='d1'") == 0, "nothing was saved");
	CHECK(db_four_eyes_asked(db, act, sizeof act, label, sizeof label) &&
	      strcmp(act, "pembebasan_denda") == 0, "the screens learn what to ask");
	CHECK(four_eyes_confirm(db, act, "kepala", PW_ADMIN, &e) == SK_OK, "the admin confirms");
	CHECK(db_exec_write(db, "UPDATE denda SET dibebaskan=1 WHERE id='d1'", &e) == SK_OK,
	      "then the waiver is saved");
	CHECK(kube_int(db, "SELECT count(*) FROM jejak WHERE tabel='denda' AND operator='kedua' AND "
		       "operator2='kepala'") == 1 &&
	      kube_int(db, "SELECT count(*) FROM jejak WHERE aksi='empat_mata' AND keterangan="
		       "'pembebasan_denda' AND operator2='kepala'") == 1,
	      "both names and the operation in the trail");
	CHECK(db_exec_write(db, "UPDATE pinjaman SET dihapusbukukan_pada='2026-03-01' WHERE id='p1'",
			    &e) == SK_DENIED && kube_int(db, "SELECT count(*) FROM pinjaman WHERE "
							 "dihapusbukukan_pada IS NULL") == 1,
	      "a loan's write-off needs a second operator (the waiver's confirmation is used up)");
	CHECK(db_exec_write(db, BAGI_HASIL, &e) ==
	      SK_DENIED && kube_int(db, "SELECT count(*) FROM bagi_hasil") == 0,
	      "so does a share-out");
	/* A group declared failed (issue 14's kelompok_gagal, no diubah_pada): a pendamping's. */
	CHECK(db_exec_write(db, GAGAL,
			    &e) == SK_DENIED, "an operator does not declare a group failed");
	CHECK(four_eyes_confirm(db, "bagi_hasil", "pdp", PW_PDP, &e) == SK_OK &&
	      db_exec_write(db, BAGI_HASIL, &e) == SK_OK,
	      "confirmed by a pendamping, saved");
	CHECK(operator_login(db, "pdp", PW_PDP, 0, 0, &e) == SK_OK &&
	      db_exec_write(db, GAGAL,
			    &e) == SK_OK && kube_int(db, "SELECT count(*) FROM jejak WHERE "
						     "tabel='kelompok_gagal' AND operator='pdp' AND "
						     "kelompok_id='g1'") == 1,
	      "a pendamping does, and the trail has it");
	db_set_operator(db, NULL, SK_ROLE_NONE);
}

int main(void)
{
	sk_db *db = fixture_db();
	kube_group(db, "g1", 5);
	kube_group(db, "g2", 1);
	sk_err e;
	CHECK(db_exec_write(db, "UPDATE kelompok SET dihapus=1 WHERE id='g2'", &e) == SK_OK,
	      "a deleted group");
	CHECK(db_exec_write(db, "INSERT INTO kas(id,kelompok_id,tanggal,buku,kategori,masuk,keluar,"
			    "diubah_pada) VALUES('k1','g1','2026-02-01','umum','lainnya',1000,0,"
			    "'2026-02-01T00:00:00Z')", &e) == SK_OK, "a cash row");
	setup_operators(db);
	pemeriksa_saves_nothing(db);
	roles(db);
	audit_trail(db);
	four_eyes(db);
	four_eyes_by_content(&db);
	login_limits(db);
	signatures(db);
	db_close(db);
	return testlib_summary();
}
