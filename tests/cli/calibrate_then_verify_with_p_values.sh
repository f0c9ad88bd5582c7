# calibrate writes a threshold from known-independent models; verify --calibration uses it and
# reports p-values; the calibration refuses other probes, another metric or a damaged file.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" calibrate "$DEMO/victim.pt" --independent "$DEMO/independent.pt" "$MODELS/net_b.pt" "$MODELS/net_a.pt" \
  --stolen "$DEMO/stolen.pt" -n 40 -o "$WORK/cal.json"
grep -q "^threshold" "$WORK/out" || fail "no threshold in the summary"
[ "$(json_field format "$WORK/cal.json")" = sacjc-calibration ] || fail "calibration format"
threshold=$(json_field threshold "$WORK/cal.json")

expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --calibration "$WORK/cal.json" --format json
[ "$(json_field threshold)" = "$threshold" ] || fail "verify did not use the calibrated threshold"
# Three independent models: the predictive Student-t (2 degrees of freedom) keeps p modest.
"$PYTHON" -c 'import sys; p = float(sys.argv[1]); sys.exit(0 if 0 <= p < 0.1 else 1)' "$(json_field p_value)" \
  || fail "p-value $(json_field p_value) for a stolen model is not small"
json_field p_value_empirical >/dev/null

expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 30 --calibration "$WORK/cal.json"
expect_error_line "cal.json: calibration was made with different probes"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --compare mad --calibration "$WORK/cal.json"
expect_error_line "cal.json: calibration was made with --compare rsa"
expect_exit 3 "$SACJC" verify "$DEMO/stolen.pt" "$DEMO/victim.pt" -n 40 --calibration "$WORK/cal.json"
expect_error_line "different victim"
head -c 200 "$WORK/cal.json" >"$WORK/cut.json"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 40 --calibration "$WORK/cut.json"
expect_error_line "cut.json: malformed calibration file"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --calibration "$WORK/cal.json" --threshold 0.1
