# A fingerprint stands in for the victim model: verify, evaluate and calibrate give the same
# distances with it, and it fixes the probes (probe flags beside it are a usage error).
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 64 -q 30
grep -q "64 from built-in" "$WORK/out" || fail "fingerprint summary: $(cat "$WORK/out")"
for suspect in stolen independent; do
  run "$SACJC" verify "$DEMO/victim.pt" "$DEMO/$suspect.pt" -n 64 -q 30 --format json
  from_model=$(json_field distance)
  run "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/$suspect.pt" --format json
  from_fingerprint=$(json_field distance)
  [ "$from_model" = "$from_fingerprint" ] || fail "$suspect: $from_model with the model, $from_fingerprint with the fingerprint"
  [ "$(json_field fingerprint)" = "$WORK/victim.sacfp" ] || fail "report does not name the fingerprint"
  [ "$(json_field victim.sha256)" = "$(sha256sum "$DEMO/victim.pt" | cut -d' ' -f1)" ] || fail "victim sha256 not kept"
done
expect_exit 1 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt"

# evaluate and calibrate take it too; the calibration fits it and can be embedded.
expect_exit 0 "$SACJC" evaluate "$WORK/victim.sacfp" --stolen "$DEMO/stolen.pt" --independent "$DEMO/independent.pt" \
  "$MODELS/net_a.pt" --format json
[ "$(json_field families.0.auc)" = "1.0" ] || fail "evaluate with a fingerprint: $(json_field families.0.auc)"
expect_exit 0 "$SACJC" calibrate "$WORK/victim.sacfp" --independent "$DEMO/independent.pt" "$MODELS/net_a.pt" \
  "$MODELS/net_b.pt" -o "$WORK/calibration.json"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/calibrated.sacfp" -n 64 -q 30 \
  --calibration "$WORK/calibration.json"
expect_exit 1 "$SACJC" verify "$WORK/calibrated.sacfp" "$DEMO/stolen.pt" --format json
[ "$(json_field calibration)" = "$WORK/calibrated.sacfp" ] || fail "embedded calibration not used"
json_field p_value >/dev/null

# The fingerprint fixes probes, mode and comparison.
expect_exit 2 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt" -q 50
expect_error_line "fixes the probes"
expect_exit 2 "$SACJC" verify "$WORK/victim.sacfp" "$DEMO/stolen.pt" --compare mad
expect_error_line "--compare"
