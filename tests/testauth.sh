# testauth.sh - the operator every test runs as (sourced by tests/run_all.sh, clilib.sh and
# tmuxlib.sh; docs/testing.md, "The test operator"). SIKUBE asks who works (issue 16): the
# tests log in here, in one place, so that no test script has to.
#
#   SIKUBE_USER                 uji, the test admin
#   SIKUBE_PASSWORD_FD          9: a descriptor open on SIKUBE_TEST_PASSWORD_FILE, inherited by
#                               every test and every sikube they start (SIKUBE reads a regular
#                               file from its start each time, so all of them read the password)
#   SIKUBE_TEST_PASSWORD_FILE   the password's file (0600): for what must type it (a screen's
#                               login, a tmux session: tmux does not pass descriptors on)
#   SIKUBE_TEST_PASSWORD_HASH   the test admin's hash: Argon2id with the least memory and time
#                               libsodium accepts, made once for tests (the parameters travel
#                               inside each hash). SIKUBE itself only ever makes full-strength
#                               hashes, so nothing here can weaken a user's database; run_all.sh
#                               puts this one into the template every test copies.
# A database made by `sikube init` on a new path gets uji as its first admin with a
# full-strength hash (about 0.2 s per later command): copy the template instead (new_db,
# init_db, fixture_open).
SIKUBE_TEST_ADMIN=uji
# The second operator of a four-eyes operation (a pendamping; the same password and cheap
# hash): in the template only, for the tests that confirm a waiver, write-off or share-out.
SIKUBE_TEST_SECOND=uji2
export SIKUBE_TEST_SECOND
SIKUBE_TEST_PASSWORD=sandi-uji-sikube
SIKUBE_TEST_PASSWORD_HASH='$argon2id$v=19$m=8,t=1,p=1$Y3A+ThYMYdKM4TZQUfNBjA$ZR1XPqCfMsRJzXT5Cq6AyPOE1mLvIovBPYaB5L80pZo'
export SIKUBE_TEST_PASSWORD_HASH
# testauth_setup DIR: the password file in DIR unless one is given, descriptor 9 open on it.
testauth_setup() {
	if [ -z "$SIKUBE_TEST_PASSWORD_FILE" ] || [ ! -r "$SIKUBE_TEST_PASSWORD_FILE" ]; then
		SIKUBE_TEST_PASSWORD_FILE=$1/test-password
		(umask 077 && printf '%s\n' "$SIKUBE_TEST_PASSWORD" >"$SIKUBE_TEST_PASSWORD_FILE")
	fi
	exec 9<"$SIKUBE_TEST_PASSWORD_FILE"
	SIKUBE_USER=$SIKUBE_TEST_ADMIN
	SIKUBE_PASSWORD_FD=9
	export SIKUBE_TEST_PASSWORD_FILE SIKUBE_USER SIKUBE_PASSWORD_FD
}
# testauth_template DB: make the test admin's hash in DB the cheap one (sqlite3 shell).
# The template has no signing key pair: every copy would share one, and tests that edit a
# bundle's manifest (checksums fixed with sed) would meet a signature that no longer fits.
# Tests of signing make a pair with `sikube keys generate`.
testauth_template() {
	sqlite3 "$1" "UPDATE operator SET sandi='$SIKUBE_TEST_PASSWORD_HASH' WHERE nama='$SIKUBE_TEST_ADMIN'; DELETE FROM kunci_kantor;
INSERT INTO operator(nama, nama_lengkap, peran, sandi, dibuat_pada, diubah_pada) SELECT '$SIKUBE_TEST_SECOND', 'Operator kedua uji', 'pendamping', sandi, dibuat_pada, diubah_pada FROM operator WHERE nama='$SIKUBE_TEST_ADMIN'"
}
