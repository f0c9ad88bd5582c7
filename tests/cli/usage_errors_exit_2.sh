# Command-line mistakes exit 2 with one line, "sacjc: error: <what>" (CLI11's hint to run --help
# folded into it), and nothing on stdout; --help and --version still exit 0.
source "$(dirname "$0")/lib.sh"
# usage_error TEXT ARGS...: exit 2 and one error line containing TEXT.
usage_error() {
  local text=$1; shift
  expect_exit 2 "$SACJC" "$@"
  expect_error_line "$text"
}
v="$DEMO/victim.pt" s="$DEMO/stolen.pt"
usage_error "A subcommand is required (run with --help for more information)"
usage_error "A subcommand is required" probes
usage_error "verify needs a SUSPECT model" verify "$v"
usage_error "The following argument was not expected: --no-such-flag (run with --help" verify "$v" "$s" --no-such-flag
usage_error "--num-probes: Value 1 not in range 2 to" verify "$v" "$s" -n 1
usage_error "--quality: Value 0 not in range 1 to 100" verify "$v" "$s" -q 0
usage_error "--quality: Value 101 not in range 1 to 100" verify "$v" "$s" -q 101
usage_error "--input-size must be N or HxW" verify "$v" "$s" --input-size 12x
usage_error "--mean and --std take 1 or 3 values" verify "$v" "$s" --mean 0.1,0.2
usage_error "100000 probes requested (-n)" verify "$v" "$s" -n 100000
expect_exit 0 "$SACJC" --help
grep -q "Exit codes" "$WORK/out" || fail "--help does not print the help"
expect_exit 0 "$SACJC" verify --help
grep -q -- "--suspect-outputs" "$WORK/out" || fail "verify --help does not print verify's options"
expect_exit 0 "$SACJC" --version
grep -q "^sacjc " "$WORK/out" || fail "--version does not print the version"
