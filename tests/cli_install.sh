#!/bin/sh
# cli_install.sh - `make install PREFIX=...` gives a working program, region list and man page.
. "$(dirname "$0")/clilib.sh"
P="$WORK/prefix"
check "make install" sh -c "make -s install PREFIX='$P' >'$WORK/log' 2>&1"
check "binary installed" test -x "$P/bin/sikube"
check "the hub's program installed beside it" test -x "$P/bin/sikube-hub"
check "region list installed" test -f "$P/share/sikube/data/wilayah_kepmendagri_2025.csv"
check "region LICENSE beside it" test -f "$P/share/sikube/data/wilayah_kepmendagri_2025.LICENSE"
check "man page installed" test -f "$P/share/man/man1/sikube.1"
check "man page renders" sh -c "man -l '$P/share/man/man1/sikube.1' 2>/dev/null | grep -q SIKUBE || groff -man -Tutf8 '$P/share/man/man1/sikube.1' 2>/dev/null | grep -qi sikube"
expect_status 0 "installed binary finds its region list" env -u SIKUBE_DATA_DIR "$P/bin/sikube" --db "$WORK/i.db" init
check "regions loaded from the installed copy" grep -q '91599' "$WORK/err"
check "English catalog installed" test -f "$P/share/locale/en/LC_MESSAGES/sikube.mo"
# The installed binary finds PREFIX/share/locale beside it (the build tree is not on its path).
expect_status 0 "installed binary with --lang en" env -u SIKUBE_DATA_DIR "$P/bin/sikube" --lang en --help
check "installed binary speaks English" grep -q '^Usage:' "$WORK/out"
expect_status 0 "installed binary under LANG=en_US.UTF-8" env -u SIKUBE_DATA_DIR LANG=en_US.UTF-8 "$P/bin/sikube" --db "$WORK/e.db" init
check "installed binary's messages in English" grep -q '^Database ready' "$WORK/err"
expect_status 0 "installed sikube runs the hub's program" env -u SIKUBE_DATA_DIR "$P/bin/sikube" hub --help
check "... which answers" grep -q 'hub load' "$WORK/out"
finish
