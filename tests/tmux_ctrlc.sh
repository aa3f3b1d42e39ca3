#!/bin/sh
# tmux_ctrlc.sh - field trial item 1: Ctrl-C is a key, not the end of the unsaved meeting or
# member: once it does nothing but say so, twice within a second asks as F10 does. A window
# closed (SIGHUP) or SIGTERM keeps the open form's typed values as a draft that the form offers
# back next time.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
init_db || { nok "init database"; finish; exit 1; }
G1=11111111-1111-4111-8111-111111111111
seed kelompok <<CSV || { nok "seed groups"; finish; exit 1; }
id,kode,nama,kode_wilayah,tanggal_berdiri,diubah_pada,dihapus
$G1,ANG,KUBE Anggrek,31.71.08.1003,2020-01-01,2026-01-01T00:00:00Z,0
CSV
seed anggota <<CSV || { nok "seed members"; finish; exit 1; }
id,kelompok_id,nik,no_kk,nama,jenis_kelamin,jabatan,tanggal_masuk,diubah_pada,dihapus
a1111111-1111-4111-8111-111111111111,$G1,3171084703710011,3171080101080001,Ani Alpa,P,ketua,2020-01-01,2026-01-01T00:00:00Z,0
a2222222-2222-4222-8222-222222222222,$G1,3171084703710012,3171080101080002,Budi Hadir,L,anggota,2020-01-01,2026-01-01T00:00:00Z,0
CSV

# app: SIKUBE on the test database, its process id written to $WORK/pid (a shell that execs
# it); sikube_pid reads it.
app() { start "sh -c 'echo \$\$ >$WORK/pid; exec $SIKUBE_BIN --db $DB'"; }
sikube_pid() { cat "$WORK/pid" 2>/dev/null; }
# draft_rows: the drafts kept in the database.
draft_rows() { sql "SELECT layar||' '||kunci FROM draf ORDER BY 1" 2>/dev/null; }
# wait_draft TEXT: poll (bounded) until a draft row contains TEXT.
wait_draft() {
	i=0
	while [ $i -lt $((TMUX_TIMEOUT * 10)) ]; do
		draft_rows | grep -qF "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
keys F3
wait_for "Kelompok baru"
type_text "Mawar Ctrl"
keys C-c
expect "one Ctrl-C only says what two would do" "Ctrl-C: tekan sekali lagi dalam 1 detik untuk keluar"
if running; then ok "SIKUBE goes on after Ctrl-C"; else nok "SIKUBE goes on after Ctrl-C"; fi
expect "the typed name is still there" "Mawar Ctrl" 1
sleep 1.2 # more than a second: the next Ctrl-C counts as a first one again
keys C-c
expect_not "a Ctrl-C a second later asks nothing" "Buang perubahan dan keluar"
sleep 1.2
t send-keys -t =s: C-c C-c
expect "twice within a second: the question F10 asks" "Ada isian yang belum disimpan. Buang perubahan dan keluar"
keys t
wait_gone "Buang perubahan dan keluar" 3
expect "t: back in the form, nothing lost" "Mawar Ctrl"
# SIGTERM (the PC shutting down): the form's values are kept as a draft.
pid=$(sikube_pid)
if [ -n "$pid" ]; then kill -TERM "$pid"; fi
st=$(wait_exit)
if [ "$st" = 143 ]; then ok "SIGTERM: SIKUBE ends (exit 143)"; else nok "SIGTERM: SIKUBE ends (exit 143, got $st)"; fi
if wait_draft "group-form baru"; then ok "SIGTERM: the form kept as a draft"; else nok "SIGTERM: the form kept as a draft"; draft_rows | sed 's/^/    # /'; fi
app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
keys F3
expect "next time the form offers the draft back" "Ada isian formulir ini yang belum disimpan"
keys Enter
expect "Enter takes it: the typed name is back" "Mawar Ctrl"
if [ -z "$(draft_rows)" ]; then ok "the draft is used up"; else nok "the draft is used up"; fi
keys Escape
wait_for "Buang perubahan" 3
keys y
wait_for "Daftar kelompok" 3
# The window closed (SIGHUP) in the middle of a new member.
keys Enter
wait_for "Anggota kelompok KUBE Anggrek"
keys F3
wait_for "Anggota baru"
type_text "3171084703710001"
keys Tab Tab
type_text "Lestari Jendela"
# Closed only once the app has the typed name (the keys may still be on their way).
wait_for "Lestari Jendela"
t kill-session -t =s
if wait_draft "member-form baru:$G1"; then ok "window closed: the member form kept as a draft"
else nok "window closed: the member form kept as a draft"; draft_rows | sed 's/^/    # /'; fi
app
wait_for "Pertemuan"
keys 1
wait_for "Daftar kelompok"
keys Enter
wait_for "Anggota kelompok KUBE Anggrek"
keys F3
expect "the member form offers its draft" "Ada isian formulir ini yang belum disimpan"
keys y
expect "the typed name is back" "Lestari Jendela"
expect "and the NIK" "3171084703710001" 1
keys Escape
wait_for "Buang perubahan" 3
keys y
wait_for "Anggota kelompok KUBE Anggrek" 3
# The meeting being recorded (the trial's lost meeting): SIGTERM keeps its attendance too.
esc
wait_for "Daftar kelompok" 3
esc
wait_for "Pilih dengan panah lalu Enter" 3
keys 4
wait_for "Pertemuan - pilih kelompok"
keys Enter
wait_for "Pertemuan kelompok KUBE Anggrek"
keys F3
wait_for "Pertemuan baru"
keys PageDown
keys A
expect "Ani marked alpa" "A alpa" 3
pid=$(sikube_pid)
if [ -n "$pid" ]; then kill -TERM "$pid"; fi
wait_exit >/dev/null
if wait_draft "meeting-form baru:$G1"; then ok "SIGTERM: the meeting kept as a draft"; else nok "SIGTERM: the meeting kept as a draft"; fi
app
wait_for "Pertemuan"
keys 4
wait_for "Pertemuan - pilih kelompok"
keys Enter
wait_for "Pertemuan kelompok KUBE Anggrek"
keys F3
expect "the meeting form offers its draft" "Ada isian formulir ini yang belum disimpan"
keys Enter
expect "the attendance typed is back" "A alpa"
keys F2
expect "and saves" "tersimpan"
if [ "$(sql "SELECT status FROM kehadiran h JOIN anggota a ON a.id=h.anggota_id WHERE a.nama='Ani Alpa'")" = A ]; then
	ok "stored as typed before the window closed"
else
	nok "stored as typed before the window closed"
fi
esc
wait_for "Pertemuan - pilih kelompok" 3
# Nothing typed: the window closing keeps no draft (checked once SIKUBE has ended).
pid=$(sikube_pid)
t kill-session -t =s
i=0
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then ok "window closed: SIKUBE ended"; else nok "window closed: SIKUBE ended"; fi
if [ -z "$(draft_rows)" ]; then ok "no typed input, no draft"; else nok "no typed input, no draft"; draft_rows | sed 's/^/    # /'; fi
finish
