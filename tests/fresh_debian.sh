#!/bin/sh
# fresh_debian.sh - the README's two commands on a fresh minimal Debian 12, as a new clerk's PC
# or a district office's server would be: a chroot made by `debootstrap --variant=minbase`
# with nothing installed before (no make, no compiler), the project copied in from git.
#   1. As an ordinary user, before anything is installed: `./setup` prints the exact apt-get
#      line for root to run (no sudo assumed), in Indonesian by default and in English under
#      LANG=en_US.UTF-8, and exits 1.
#   2. As root, in a terminal (a private tmux server at 80x24): `./setup` says what it installs
#      and that it takes a while, installs, builds, creates the default database with the sample
#      data and opens the application; F10 y quits it with status 0.
#   3. As root, without a terminal (as CI runs it): `make check` installs the test tools and
#      ends `N passed, 0 failed`.
# Not part of `make check`: it downloads ~400 MB of Debian packages and takes 10-25 minutes.
# Needs root (debootstrap, chroot, mounts) and Debian's package mirror; debootstrap is
# installed when missing. docs/testing.md summarises the last run.
#
#   sh tests/fresh_debian.sh
#   FRESH_DIR=DIR      where the chroot goes (default: a new folder under /var/tmp)
#   FRESH_KEEP=1       keep the chroot afterwards (to look around: chroot DIR/root)
#   FRESH_CACHE=DIR    debootstrap's package cache, reused by later runs
#                      (default /var/cache/sikube-fresh-debian; FRESH_CACHE= for none)
#   FRESH_MIRROR=URL   Debian mirror (default http://deb.debian.org/debian)
#   FRESH_TIMEOUT=S    the longest a step may take (default 2400 s)
# Output: one `ok`/`not ok` line per check, the logs' names, the time of each step, and
# `N passed, N failed` last. Logs stay in $FRESH_DIR/logs (printed at the end).
cd "$(dirname "$0")/.." || exit 2
SRC=$PWD
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
nok() { FAIL=$((FAIL + 1)); echo "not ok - $1"; }
finish() { echo "$PASS passed, $FAIL failed"; [ "$FAIL" -eq 0 ]; }
now() { date +%s; }

# The README's two commands, as it writes them (the first line of the first two sh blocks
# under "The two commands").
CMD1=$(awk '/^## The two commands/ { f = 1 } f && /^```sh/ { getline; print; n++ } n == 2 { exit }' README.md | sed -n 1p)
CMD2=$(awk '/^## The two commands/ { f = 1 } f && /^```sh/ { getline; print; n++ } n == 2 { exit }' README.md | sed -n 2p)
echo "# the README's commands: '$CMD1' and '$CMD2'"
if [ -z "$CMD1" ] || [ -z "$CMD2" ]; then
	nok "README.md names two commands under 'The two commands'"
	finish
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	nok "runs as root (debootstrap and chroot need it)"
	finish
	exit 1
fi
MIRROR=${FRESH_MIRROR:-http://deb.debian.org/debian}
TIMEOUT=${FRESH_TIMEOUT:-2400}
CACHE=${FRESH_CACHE-/var/cache/sikube-fresh-debian}
DIR=${FRESH_DIR:-$(mktemp -d /var/tmp/sikube-fresh-XXXXXX)}
ROOT=$DIR/root
LOGS=$DIR/logs
SOCK="sikube-fresh-$$"
mkdir -p "$ROOT" "$LOGS" || exit 2
echo "# chroot $ROOT, logs $LOGS"

# The mounts the chroot needs, undone at the end; nothing is removed while one is left.
MOUNTS=""
mnt() { # mnt TARGET MOUNT_ARGS...: mount onto ROOT/TARGET
	tgt=$ROOT/$1
	shift
	mkdir -p "$tgt" && mount "$@" "$tgt" && MOUNTS="$tgt $MOUNTS"
}
cleanup() {
	tmux -L "$SOCK" kill-server 2>/dev/null
	for m in $MOUNTS; do umount -l "$m" 2>/dev/null; done
	MOUNTS=""
	if [ "$FRESH_KEEP" != 1 ]; then
		if grep -q " $ROOT/" /proc/mounts; then
			echo "# something is still mounted under $ROOT: not removed"
		else
			rm -rf --one-file-system "$ROOT"
		fi
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# in_chroot USER CMD: CMD (a shell line) in the chroot as USER, with a fresh login's
# environment (no LANG: Debian minbase sets none) plus what is given before CMD with env.
in_chroot() {
	user=$1
	shift
	home=/root
	[ "$user" = root ] || home=/home/$user
	chroot --userspec="$user:$user" "$ROOT" /usr/bin/env -i HOME="$home" USER="$user" \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin TERM="${TERM_IN:-dumb}" \
		/bin/sh -c "$*"
}

# 0. The fresh system.
t0=$(now)
if ! command -v debootstrap >/dev/null 2>&1; then
	echo "# installing debootstrap"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >"$LOGS/debootstrap-install.log" 2>&1
fi
cache_opt=""
if [ -n "$CACHE" ]; then mkdir -p "$CACHE" && cache_opt="--cache-dir=$CACHE"; fi
# shellcheck disable=SC2086 # cache_opt is empty or one word
if timeout "$TIMEOUT" debootstrap --variant=minbase $cache_opt bookworm "$ROOT" "$MIRROR" >"$LOGS/debootstrap.log" 2>&1; then
	ok "debootstrap --variant=minbase bookworm ($(($(now) - t0)) s)"
else
	nok "debootstrap --variant=minbase bookworm (see $LOGS/debootstrap.log)"
	tail -n 20 "$LOGS/debootstrap.log" | sed 's/^/    # /'
	finish
	exit 1
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null
mnt proc -t proc proc && mnt sys -t sysfs sys && mnt dev --bind /dev && mnt dev/pts --bind /dev/pts ||
	{ nok "mounts in the chroot"; finish; exit 1; }
for tool in make gcc cc pkg-config tmux; do
	if in_chroot root "command -v $tool" >/dev/null 2>&1; then
		nok "a fresh minbase has no $tool"
	else
		ok "a fresh minbase has no $tool"
	fi
done

# The project as a clone has it: the committed tree (git archive), for root and for a user.
copy_project() { # copy_project DEST_IN_CHROOT
	mkdir -p "$ROOT$1"
	if git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$SRC" archive --format=tar HEAD | tar -x -C "$ROOT$1"
	else
		tar -C "$SRC" --exclude=./build --exclude=./sikube --exclude=./locale -cf - . | tar -x -C "$ROOT$1"
	fi
}
copy_project /root/sikube
in_chroot root "useradd -m -s /bin/sh kube" >"$LOGS/useradd.log" 2>&1
copy_project /home/kube/sikube
chroot "$ROOT" chown -R kube:kube /home/kube/sikube

# 1. An ordinary user: the exact apt-get line for root, in the user's language.
in_chroot kube "cd ~/sikube && $CMD1" >"$LOGS/setup-user-id.log" 2>&1
st=$?
cat "$LOGS/setup-user-id.log" | sed 's/^/    # /'
if [ "$st" -eq 1 ] && grep -q "Jalankan baris ini sebagai root" "$LOGS/setup-user-id.log" &&
	grep -q "^  apt-get update && apt-get install -y --no-install-recommends .*make" "$LOGS/setup-user-id.log"; then
	ok "$CMD1 as a user prints the apt-get line for root, in Indonesian, and exits 1"
else
	nok "$CMD1 as a user prints the apt-get line for root, in Indonesian, and exits 1 (exit $st)"
fi
check_no() { if grep -q "$1" "$2"; then nok "$3"; else ok "$3"; fi; }
check_no sudo "$LOGS/setup-user-id.log" "the user is not told to use sudo"
in_chroot kube "cd ~/sikube && LANG=en_US.UTF-8 $CMD1" >"$LOGS/setup-user-en.log" 2>&1
st=$?
if [ "$st" -eq 1 ] && grep -q "Run this line as root" "$LOGS/setup-user-en.log" &&
	grep -q "^  apt-get update && apt-get install" "$LOGS/setup-user-en.log"; then
	ok "the same under LANG=en_US.UTF-8 in English"
else
	nok "the same under LANG=en_US.UTF-8 in English (exit $st)"
	sed 's/^/    # /' "$LOGS/setup-user-en.log"
fi
# The line names packages the mirror has (apt-get's simulation; nothing installed yet).
line=$(sed -n 's/^  \(apt-get update && apt-get install .*\)$/\1/p' "$LOGS/setup-user-id.log")
if [ -n "$line" ] && in_chroot root "$(echo "$line" | sed 's/install -y/install -s/')" >"$LOGS/apt-simulate.log" 2>&1; then
	ok "the printed apt-get line is valid (apt-get install -s)"
else
	nok "the printed apt-get line is valid (apt-get install -s): $line"
	tail -n 5 "$LOGS/apt-simulate.log" | sed 's/^/    # /'
fi

# 2. Root, in a terminal: the README's first command.
t1=$(now)
tmux -L "$SOCK" -f /dev/null new-session -d -s s -x 80 -y 24 \
	"chroot '$ROOT' /usr/bin/env -i HOME=/root TERM=screen PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin /bin/sh -c 'cd /root/sikube && $CMD1; echo EXIT=\$? >/root/setup.exit'; sleep 3600"
tmux -L "$SOCK" set-option -t s status off >/dev/null
tmux -L "$SOCK" pipe-pane -t s -o "cat >>'$LOGS/setup-root.pane'"
screen_now() { tmux -L "$SOCK" capture-pane -p -t s 2>/dev/null; }
limit=$(($(now) + TIMEOUT))
# SIKUBE asks who works (issue 16): the sample admin, whose password the README states.
while [ "$(now)" -lt "$limit" ] && ! screen_now | grep -q "Nama operator:" && [ ! -f "$ROOT/root/setup.exit" ]; do
	sleep 2
done
if screen_now | grep -q "Nama operator:"; then
	ok "SIKUBE asks who works"
	tmux -L "$SOCK" send-keys -t s -l admin
	tmux -L "$SOCK" send-keys -t s Enter
	i=0
	while [ $i -lt 100 ] && ! screen_now | grep -q "Kata sandi admin"; do sleep 0.1; i=$((i + 1)); done
	tmux -L "$SOCK" send-keys -t s -l "$(sed -n 's/.*`admin`, password `\([^`]*\)`.*/\1/p' README.md | head -n 1)"
	tmux -L "$SOCK" send-keys -t s Enter
else
	nok "SIKUBE asks who works"
fi
while [ "$(now)" -lt "$limit" ] && ! screen_now | grep -q "Menu utama" && [ ! -f "$ROOT/root/setup.exit" ]; do
	sleep 2
done
# The terminal's bytes, readable: escape sequences and carriage returns out.
plain() { sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/\x1b[()][A-Z0-9]//g; s/\x1b[=>]//g; s/\r/\n/g' "$1"; }
plain "$LOGS/setup-root.pane" >"$LOGS/setup-root.log"
if screen_now | grep -q "Menu utama"; then
	ok "$CMD1 as root opens SIKUBE's main menu ($(($(now) - t1)) s)"
else
	nok "$CMD1 as root opens SIKUBE's main menu"
	screen_now | sed 's/^/    | /'
	tail -n 30 "$LOGS/setup-root.log" | sed 's/^/    # /'
fi
if grep -q "Memasang [0-9]* paket Debian" "$LOGS/setup-root.log" && grep -q "memakan waktu" "$LOGS/setup-root.log"; then
	ok "it says what it installs and that it takes a while"
else
	nok "it says what it installs and that it takes a while"
fi
if grep -q "^Setting up make" "$LOGS/setup-root.log"; then ok "apt-get's progress is shown"; else nok "apt-get's progress is shown"; fi
if screen_now | grep -q "Kelompok aktif: 5"; then
	ok "the default database holds the sample groups"
else
	nok "the default database holds the sample groups"
fi
tmux -L "$SOCK" send-keys -t s F10
i=0
while [ $i -lt 100 ] && ! screen_now | grep -q "(y/t)"; do sleep 0.1; i=$((i + 1)); done
tmux -L "$SOCK" send-keys -t s y
i=0
while [ $i -lt 100 ] && [ ! -f "$ROOT/root/setup.exit" ]; do sleep 0.1; i=$((i + 1)); done
if [ "$(cat "$ROOT/root/setup.exit" 2>/dev/null)" = "EXIT=0" ]; then ok "F10 y quits with status 0"; else nok "F10 y quits with status 0 ($(cat "$ROOT/root/setup.exit" 2>/dev/null))"; fi
if in_chroot root "test -f /root/.local/share/sikube/sikube.db"; then ok "the database is at the default path"; else nok "the database is at the default path"; fi
plain "$LOGS/setup-root.pane" >"$LOGS/setup-root.log"
echo "# $CMD1: $(grep -o 'Memasang [0-9]* paket Debian yang belum ada:.*' "$LOGS/setup-root.log" | head -n 1)"
tmux -L "$SOCK" kill-server 2>/dev/null

# 3. Root, no terminal (as CI): the README's second command.
t2=$(now)
in_chroot root "cd /root/sikube && timeout $TIMEOUT $CMD2" </dev/null >"$LOGS/make-check.log" 2>&1
st=$?
summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$LOGS/make-check.log" | tail -n 1)
echo "# $(grep '^make check:' "$LOGS/make-check.log" | tail -n 1)"
if [ "$st" -eq 0 ] && [ -n "$summary" ] && [ "${summary#*passed, }" = "0 failed" ]; then
	ok "$CMD2: $summary ($(($(now) - t2)) s with the test tools' install)"
else
	nok "$CMD2: ${summary:-no summary} (exit $st)"
	grep -E '^(FAIL|----|not ok|failing)' "$LOGS/make-check.log" | head -n 40 | sed 's/^/    # /'
	tail -n 15 "$LOGS/make-check.log" | sed 's/^/    # /'
fi
if grep -q "Memasang [0-9]* paket Debian" "$LOGS/make-check.log"; then
	ok "make check installed the test tools: $(grep -o 'Memasang [0-9]* paket Debian yang belum ada:.*' "$LOGS/make-check.log" | head -n 1 | sed 's/.*ada://')"
else
	nok "make check installed the test tools"
fi
echo "# total $(($(now) - t0)) s; logs in $LOGS"
finish
