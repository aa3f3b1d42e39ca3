#!/bin/sh
# tmux_levels_en.sh - the development assessment's screens in English at 80x24 (issue 14; the
# Indonesian walk is tmux_levels.sh): the group list's levels and the failed-group candidate,
# a group's development, a new assessment with proposals accepted (s1, s2) and two overridden
# (s4, e1, marked *), the score line whole at 80 columns, F1's rubric and proposal rules, F2 saves,
# the history with the level "independent" uncut, the group list's new level, the Laporan's
# level counts with their heads over their numbers, and a failed group declared.
cd "$(dirname "$0")/.." || exit 2
. tests/tmuxlib.sh
command -v sqlite3 >/dev/null || { nok "sqlite3 shell missing (make test-deps)"; finish; exit 1; }
init_db --sample || { nok "init --sample"; finish; exit 1; }
q() { sqlite3 "$DB" "$1"; }
KENANGA=$(q "SELECT id FROM kelompok WHERE kode='KRW-01'")
q "UPDATE pertemuan SET dihapus=1 WHERE kelompok_id='$KENANGA'"
# full NAME TEXT: a screen line ends with TEXT (trailing blanks aside): nothing cut at 80
# columns, nothing after it.
ends_with() { awk -v t="$1" '{ sub(/ +$/, ""); n = length($0) - length(t)
	if (n >= 0 && substr($0, n + 1) == t) f = 1 } END { exit !f }'; }
full() {
	if wait_for "$2" 3 && screen | ends_with "$2"; then ok "$1"; else
		nok "$1 (no line ending \"$2\")"; screen | sed 's/^/    | /'; fi
}

app --lang en
wait_for "Main menu"
keys 1
expect "the group list in English" "Group list"
expect "the level column in English" "GLR-01   KUBE Melati 3      Galur      advanced        10 2026-11-20"
expect "the failed-group candidate in English" "KRW-01   KUBE Kenanga       Kampung Ra growing         11 FAIL?"
expect "F9 named in the hint line" "F9 Levels" 1
type_text "Melati"
wait_for "Group 1 of 1" 3
keys F9
expect "F9: the group's development" "Group development - KUBE Melati 3"
expect "its level and latest assessment" "Level advanced   Assessed 2026-11-20" 1
full "the history's heads" " Date       Assessor                    s1-4 e1-4 Score Level       Overridden"
keys F3
expect "F3: a new assessment" "New development assessment - KUBE Melati 3"
expect "nothing scored yet" "Score 0 so far; 8 indicators not scored yet." 1
keys Home
type_text "2026-11-30"
keys Tab Tab
expect "s1 proposed from the meetings" "Proposed 3: 8 meetings in 12 weeks, 92% present" 3
full "s2 proposed from the IKS book, whole" "    Proposed 2: 6 mo: IKS in Rp 75.000 (2 months), paid out Rp 150.000"
full "e1 proposed from the sales, whole" "    Proposed 3: sales 6 mo Rp 2.220.000, 6 mo before Rp 0"
full "s4 proposed from the savings-and-loans cycle" "    Proposed 4: cycle running: 10 of 10 members saving, 2 loans"
expect "s3 is the facilitator's" "No proposal: the facilitator scores it." 1
expect "the hint names the proposal" "Enter to accept the proposal 3" 1
keys F1
expect "F1: the rubric" "What each score means:" 3
page_to "s1: meetings in the last 12 weeks" 6
expect "F1: how s1 is proposed" "s1: meetings in the last 12 weeks" 1
keys Escape
wait_gone "What each score means:" 3
keys Enter Enter
expect "Enter accepted s1 and s2" "Score 5 so far; 6 indicators not scored yet." 3
keys 3 2 4
full "e1 overridden: marked *" " e1 Business grows            4  * turnover clearly rising (20% or more)"
keys 3 3 2
full "the score line whole at 80 columns" " Score 22 of 32: developing  (developing 16+, advanced 23+, independent 29+)"
keys F2
expect "saved" "Development assessment of KUBE Melati 3 saved: score 22, developing." 5
full "the history lists it with the override" " 2026-11-30 Sri Wahyuni                 3232 4332 22/32 developing  s4,e1"
# A second assessment the day after, every indicator 4: "independent" whole in its column.
keys F3
wait_for "New development assessment - KUBE Melati 3" 5
keys Home
type_text "2026-12-01"
keys Tab Tab
keys 4 4 4 4 4 4 4 4
full "the score line at the top level" " Score 32 of 32: independent  (developing 16+, advanced 23+, independent 29+)"
keys F2
expect "saved at the top level" "saved: score 32, independent." 5
full "the history's level column holds independent" " 2026-12-01 Sri Wahyuni                 4444 4444 32/32 independent s1,s2,e1"
expect "the group's level follows" "Level independent   Assessed 2026-12-01" 1
keys Escape
expect "the group list shows the new level" "GLR-01   KUBE Melati 3      Galur      independent     10 2026-11-20"

# The candidate declared failed, in English.
keys Escape
type_text "Kenanga"
wait_for "Group 1 of 1" 3
keys F9
expect "the candidate's development" "CANDIDATE FAIL: no meeting ever recorded. F6: decide." 5
keys F6
expect "asked to declare it failed" "Declare group KUBE Kenanga FAILED (no longer running)? (y/n)" 3
keys y
wait_for "Dedi Kurniawan" 3
keys Enter
wait_for "(may be empty)" 3
keys Enter
expect "recorded" "Declared FAILED $(date +%F) by Dedi Kurniawan" 5
keys Escape
expect "the group list shows it failed" "KRW-01   KUBE Kenanga       Kampung Ra FAILED          11 INACTIVE"

# Laporan F6 in English: counts per level and per district, heads over their numbers.
# Esc clears the list's search (Kenanga), a second Esc goes back to the menu; the menu item
# is typed only once the menu is there (a digit read with that Esc would make it F6).
keys Escape
esc
wait_for "Main menu" 5
keys 6
expect "Reports names F6" "F6: development levels of all groups." 5
keys F6
expect "the level report" "Reports - development levels of the groups" 5
full "the heads right-aligned over the numbers" " District                             Grow    Develop  Adv.  Indep. Never   Due"
full "the total: 1 growing, 1 developing, 2 independent, 1 never assessed, 2 due" \
	" All districts                           1          1     0       2     1     2"
full "the groups due, in English" " KRW-01       KUBE Kenanga                           31.71.08.1002 never"
quit_app
finish
