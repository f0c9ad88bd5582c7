# A panel of "independent" models may hold the victim itself or a copy of it (a public panel
# often does): calibrate leaves such models out of the null with a warning, records why, and
# verify with the calibration states how many independent models it rests on and the
# false-match rate among them.
source "$(dirname "$0")/lib.sh"
cp "$DEMO/victim.pt" "$WORK/panel_victim.pt"
expect_exit 0 "$SACJC" calibrate "$DEMO/victim.pt" -n 40 -o "$WORK/cal.json" --independent "$WORK/panel_victim.pt" \
  "$DEMO/stolen.pt" "$DEMO/independent.pt" "$MODELS/net_a.pt" "$MODELS/net_b.pt"
grep -q "panel_victim.pt: given as independent but is the victim model itself" "$WORK/err" || { cat "$WORK/err"; fail "no warning for the victim in the panel"; }
grep -q "stolen.pt: given as independent but is a copy of the victim" "$WORK/err" || { cat "$WORK/err"; fail "no warning for the copy in the panel"; }
grep -q "^left out   2 model" "$WORK/out" || { cat "$WORK/out"; fail "the summary does not count the models left out"; }
"$PYTHON" - "$WORK/cal.json" <<'PY' || fail "calibration file does not record the models left out"
import json, sys
c = json.load(open(sys.argv[1]))
assert len(c["independent"]["paths"]) == 3, c["independent"]
assert [p.rsplit("/", 1)[-1] for p in c["excluded"]["paths"]] == ["panel_victim.pt", "stolen.pt"], c["excluded"]
assert all(c["excluded"]["reasons"]), c["excluded"]
PY

expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" -n 40 --calibration "$WORK/cal.json" --format json
[ "$(json_field calibration_models)" = 3 ] || fail "calibration_models is $(json_field calibration_models), not 3"
"$PYTHON" -c 'import sys; r = float(sys.argv[1]); sys.exit(0 if r in (0, 1/3, 2/3, 1) else 1)' "$(json_field false_match_rate)" \
  || fail "false_match_rate $(json_field false_match_rate) is not a share of 3 models"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" -n 40 --calibration "$WORK/cal.json"
grep -q "false-match rate .* of its 3 independent models" "$WORK/out" || { cat "$WORK/out"; fail "text report has no false-match rate"; }

# A panel of nothing but the victim leaves nothing to calibrate with: an error, not a threshold.
expect_exit 3 "$SACJC" calibrate "$DEMO/victim.pt" -n 40 -o "$WORK/none.json" --independent "$WORK/panel_victim.pt"
tail -1 "$WORK/err" | grep -q "^sacjc: error: .*no independent model could be measured (1 left out as copies of the victim)" \
  || { cat "$WORK/err"; fail "no one-line error for a panel of nothing but the victim"; }
[ ! -e "$WORK/none.json" ] || fail "a calibration file was written from no independent model"
