# --help exits 0 and documents every exit code.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" verify --help
for text in "0 independent" "1 stolen" "2 usage error" "3 bad input" "4 internal error"; do
  grep -qF "$text" "$WORK/out" || fail "help does not document '$text'"
done
