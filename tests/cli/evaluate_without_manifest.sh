# evaluate takes --stolen and --independent lists; without any model it is a usage error.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" evaluate "$DEMO/victim.pt" --stolen "$DEMO/stolen.pt" "$DEMO/victim.pt" \
  --independent "$DEMO/independent.pt" "$MODELS/net_b.pt" -n 40
grep -q "^stolen .* 1.000 " "$WORK/out" || { cat "$WORK/out"; fail "no AUC 1.000 row for family 'stolen'"; }
grep -q "Welch" "$WORK/out" || fail "the report does not say which test gives the p-value"
expect_exit 2 "$SACJC" evaluate "$DEMO/victim.pt" -n 40
