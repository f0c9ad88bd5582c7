# --compare agree is 1 - the share of probes with the victim's top class; a combination
# (rsa+agree) joins the parts' p-values from a calibration, and refuses to run without one.
source "$(dirname "$0")/lib.sh"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --compare agree --format json
"$PYTHON" -c 'import sys; d = float(sys.argv[1]); sys.exit(0 if 0 <= d < 0.2 else 1)' "$(json_field distance)" \
  || fail "agree distance of the stolen model: $(json_field distance)"
[ "$(json_field parts.agree)" = "$(json_field distance)" ] || fail "parts.agree"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" -n 40 --compare agree
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --compare agree --mode embedding
expect_error_line "needs --mode logits"

expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --compare rsa+agree
expect_error_line "give --calibration"
# Three independent models, each scored against the other two: --fpr 0.34 lets the nearest one
# (the demo's, far closer than the two small test networks) sit below the threshold.
expect_exit 0 "$SACJC" calibrate "$DEMO/victim.pt" --independent "$DEMO/independent.pt" "$MODELS/net_a.pt" \
  "$MODELS/net_b.pt" --stolen "$DEMO/stolen.pt" -n 40 --compare rsa+agree --fpr 0.34 -o "$WORK/cal.json"
[ "$(json_field metric "$WORK/cal.json")" = rsa+agree ] || fail "calibration metric"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --compare rsa+agree --calibration "$WORK/cal.json" \
  --format json
json_field parts.rsa >/dev/null && json_field parts.agree >/dev/null || fail "no parts in the report"
[ "$(json_field p_value)" = "$(json_field distance)" ] || fail "a combination's distance is its p-value"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --compare rsa+agree --calibration "$WORK/cal.json"
grep -q "^parts      rsa .* agree .*Tippett" "$WORK/out" || fail "text report lacks the parts"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --calibration "$WORK/cal.json"
expect_error_line "calibration was made with --compare rsa+agree"
