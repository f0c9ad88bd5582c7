# --reference-models keep the probes where the victim's top class is not the reference models'
# majority answer (--select victim-disputed): no labels needed. The reference models run
# confined like suspects; a fingerprint keeps the selected probes and the references' answers,
# so an audit from it needs neither labels nor the reference models.
source "$(dirname "$0")/lib.sh"
fmnist_pool "$WORK/pool" 60
rm "$WORK/pool/labels.csv"  # no labels anywhere in this test
mkdir -p "$WORK/refs"
cp "$DEMO/independent.pt" "$WORK/refs/r1.pt"
cp "$MODELS/net_a.pt" "$WORK/refs/r2.pt"
cp "$MODELS/net_b.pt" "$WORK/refs/r3.pt"
refs=("$WORK/refs/r1.pt" "$WORK/refs/r2.pt" "$WORK/refs/r3.pt")
opts=(--probes "$WORK/pool" -n 20 --input-size 28)

expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --format json --reference-models "${refs[@]}"
[ "$(json_field selection.method)" = victim-disputed ] || fail "--reference-models did not select victim-disputed"
[ "$(json_field selection.pool)" = 60 ] || fail "pool is not the 60 images"
[ "$(json_field probes.count)" = 20 ] || fail "not 20 probes"
[ "$(json_field metric)" = rsa ] || fail "--reference-models changed the default comparison"
[ "$(json_field selection.reference_models.2)" = "$WORK/refs/r3.pt" ] || fail "reference models not reported"
[ "$(json_field selection.reference_sha256.0)" = "$(sha256sum "$WORK/refs/r1.pt" | cut -d' ' -f1)" ] || fail "sha256"
disputed=$(json_field selection.victim_disputed)
[ "$disputed" -ge 1 ] && [ "$disputed" -le 20 ] || fail "victim_disputed $disputed"
hash=$(json_field probes.sha256)
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --reference-models "${refs[@]}"
grep -q "^selected   victim-disputed: 20 of 60 pool images, $disputed of them disputed by the majority of 3 reference models" \
  "$WORK/out" || fail "text report lacks the selection"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --format json --select all
[ "$(json_field probes.sha256)" != "$hash" ] || fail "the selection chose the first 20 images"

# A fingerprint with the selection; then the reference models are gone, and an audit from the
# fingerprint gives the verify distances. margin reads the references' answers it stored.
for compare in rsa margin; do
  expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/$compare.sacfp" "${opts[@]}" --compare $compare \
    --reference-models "${refs[@]}"
  grep -q "^selected     victim-disputed from a pool of 60" "$WORK/out" || fail "fingerprint does not print the selection"
  run "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --compare $compare --format json \
    --reference-models "${refs[@]}"
  [ "$(json_field probes.sha256)" = "$hash" ] || fail "$compare: another selection"
  declare "want_$compare=$(json_field distance)"
done
mv "$WORK/refs" "$WORK/refs-gone"
mkdir -p "$WORK/suspects"
cp "$DEMO/stolen.pt" "$DEMO/independent.pt" "$WORK/suspects/"
for compare in rsa margin; do
  run "$SACJC" audit "$WORK/$compare.sacfp" "$WORK/suspects" --format json
  [ "$code" = 1 ] || [ "$compare" = margin ] || fail "audit with rsa: exit $code"
  run "$SACJC" verify "$WORK/$compare.sacfp" "$DEMO/stolen.pt" --format json
  [ "$(json_field selection.reference_models.0)" = r1.pt ] || fail "the fingerprint lost its reference models"
  [ "$(json_field selection.victim_disputed)" = "$disputed" ] || fail "the fingerprint lost the selection"
  run "$SACJC" audit "$WORK/$compare.sacfp" "$WORK/suspects" --format json
  want="want_$compare"
  "$PYTHON" - "$WORK/out" "$WORK/suspects/stolen.pt" "${!want}" <<'PY' || fail "$compare: audit from the fingerprint"
import json, sys
table, path, want = json.load(open(sys.argv[1])), sys.argv[2], float(sys.argv[3])
row = {r["suspect"]: r for r in table["suspects"]}[path]
assert abs(row["distance"] - want) < 1e-9, (row["distance"], want)
PY
done
mv "$WORK/refs-gone" "$WORK/refs"

# Errors: a missing or broken reference model is exit 3 naming it, as is one that answers
# another number of classes; usage errors are exit 2.
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --reference-models "$WORK/none.pt"
expect_error_line "none.pt"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --reference-models "$MODELS/random.pt"
expect_error_line "random.pt"
cat >"$WORK/five.py" <<'PY'
import sys, torch
class Five(torch.nn.Module):  # 5 outputs per image, where the victim gives 10
    def forward(self, x):
        return x.mean(dim=(2, 3)).repeat(1, 2)[:, :5]
torch.jit.save(torch.jit.script(Five()), sys.argv[1])
PY
"$PYTHON" "$WORK/five.py" "$WORK/five.pt"
expect_exit 3 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/five.sacfp" "${opts[@]}" --reference-models "$WORK/five.pt"
expect_error_line "five.pt: a reference model must answer the victim's classes, but it gives 5 outputs per probe, the victim 10"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --select victim-disputed
expect_error_line "needs --reference-models"
fmnist_pool "$WORK/labelled" 30
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/labelled" --input-size 28 \
  --labels "$WORK/labelled/labels.csv" --reference-models "${refs[@]}"
expect_error_line "give one"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" "${opts[@]}" --select victim-uncertain \
  --reference-models "${refs[@]}"
expect_error_line "only used by --select victim-disputed"
expect_exit 2 "$SACJC" verify "$WORK/rsa.sacfp" "$DEMO/stolen.pt" --reference-models "${refs[@]}"
expect_error_line "fixes the probes"
