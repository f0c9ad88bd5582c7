# A mistyped command or option gets a "did you mean" (the nearest name, or the only one the
# word begins) in its one error line; `sacjc help [COMMAND]` prints a command's help.
source "$(dirname "$0")/lib.sh"
v="$DEMO/victim.pt" s="$DEMO/stolen.pt"
suggests() {
  local text=$1; shift
  expect_exit 2 "$SACJC" "$@"
  expect_error_line "$text"
}
suggests "'verfy' is not a command; did you mean 'verify'?" verfy "$v" "$s"
suggests "did you mean 'audit'?" adit "$v" .
suggests "did you mean 'calibrate'?" calibrat "$v"
suggests "'exprt' is not a command; did you mean 'export'?" probes exprt "$v"
suggests "'frobnicate' is not a command (sacjc help lists the commands)" frobnicate
suggests "--trheshold is not an option of verify; did you mean --threshold?" verify "$v" "$s" --trheshold 0.1
suggests "did you mean --threshold?" verify "$v" "$s" --treshold=0.1
suggests "did you mean --max-memory?" audit "$v" . --max-mem 1G
suggests "did you mean --jobs?" audit "$v" . --job 2
suggests "did you mean --quiet?" verify "$v" "$s" --quite
suggests "--no-such-flag" verify "$v" "$s" --no-such-flag   # nothing near: CLI11's message stays
grep -qv "did you mean" "$WORK/err" || fail "a suggestion for a word near nothing"

expect_exit 0 "$SACJC" help
grep -q "^Usage: sacjc" "$WORK/out" || fail "sacjc help does not print the help"
grep -q "verify" "$WORK/out" && grep -q "Exit codes" "$WORK/out" || fail "sacjc help lacks the commands"
expect_exit 0 "$SACJC" help verify
grep -q "^Usage: sacjc verify" "$WORK/out" || { cat "$WORK/out"; fail "help verify: wrong usage line"; }
grep -q -- "--suspect-outputs" "$WORK/out" || fail "help verify lacks verify's options"
"$SACJC" verify --help >"$WORK/direct" && cmp -s "$WORK/out" "$WORK/direct" || fail "help verify differs from verify --help"
expect_exit 0 "$SACJC" help probes export
grep -q "^Usage: sacjc probes export" "$WORK/out" || { cat "$WORK/out"; fail "help probes export: wrong usage line"; }
suggests "'verfy' is not a command; did you mean 'verify'?" help verfy
