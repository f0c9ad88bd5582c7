# -n below 2 and -q outside 1..100 are usage errors (exit 2) before any model is loaded, in every
# command that builds probes, and the message names the option, the value and the allowed range.
# (usage_errors_exit_2.sh checks verify's exit codes for -n 1, -q 0 and -q 101.)
source "$(dirname "$0")/lib.sh"
# expect_range_error TEXT ARGS...: exit 2, nothing on stdout, and one line on stderr,
# "sacjc: error: TEXT ..." naming the option, value and range.
expect_range_error() {
  local line=$1; shift
  expect_exit 2 "$SACJC" "$@"
  expect_error_line "sacjc: error: $line"
}
v="$DEMO/victim.pt" s="$DEMO/stolen.pt"
printf 'file\trole\tfamily\n%s\tstolen\tx\n' "$s" >"$WORK/zoo.tsv"
expect_range_error "--num-probes: Value 0 not in range 2 to" verify "$v" "$s" -n 0
expect_range_error "--num-probes: Value 1 not in range 2 to" verify "$v" "$s" -n 1
expect_range_error "--num-probes: Value -3 not in range 2 to" verify "$v" "$s" -n -3
expect_range_error "--quality: Value 0 not in range 1 to 100" verify "$v" "$s" -q 0
expect_range_error "--quality: Value 101 not in range 1 to 100" verify "$v" "$s" -q 101
expect_range_error "--num-probes: Value 0 not in range 2 to" fingerprint "$v" -o "$WORK/x.sacfp" -n 0
expect_range_error "--quality: Value 101 not in range 1 to 100" audit "$v" "$s" -q 101
expect_range_error "--num-probes: Value 1 not in range 2 to" calibrate "$v" --independent "$s" -o "$WORK/c.json" -n 1
expect_range_error "--quality: Value 0 not in range 1 to 100" evaluate "$v" --manifest "$WORK/zoo.tsv" -q 0
[ ! -e "$WORK/x.sacfp" ] && [ ! -e "$WORK/c.json" ] || fail "a usage error wrote a file"
