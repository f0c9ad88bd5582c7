# The demo's fine-tuned copy is reported stolen, with exit code 1.
source "$(dirname "$0")/lib.sh"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt"
grep -q '^verdict *STOLEN' "$WORK/out" || fail "no STOLEN verdict in the report"
