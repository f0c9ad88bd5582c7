# A fingerprint names files by their base name only: no absolute path of the machine that made
# it (victim, probe directory, labels file, an embedded calibration's models) is inside, and it
# still verifies like the model.
source "$(dirname "$0")/lib.sh"
# 40 Fashion-MNIST test images (the demo models' task) and their labels, under the build tree.
fmnist_pool "$WORK/pool" 40
mkdir "$WORK/models"
cp "$DEMO/victim.pt" "$DEMO/stolen.pt" "$DEMO/independent.pt" "$WORK/models/"
flags=(--probes "$WORK/pool/" --labels "$WORK/pool/labels.csv" -n 12 --input-size 28)
expect_exit 0 "$SACJC" calibrate "$WORK/models/victim.pt" "${flags[@]}" --independent "$WORK/models/independent.pt" \
  --stolen "$WORK/models/stolen.pt" -o "$WORK/cal.json"
grep -qF "$WORK/models/independent.pt" "$WORK/cal.json" || fail "the calibration file itself keeps its paths"
expect_exit 0 "$SACJC" fingerprint "$WORK/models/victim.pt" -o "$WORK/victim.sacfp" "${flags[@]}" --calibration "$WORK/cal.json"

build=$(cd "$(dirname "$SACJC")" && pwd)
for path in "$build" "$SOURCE" "$WORK"; do
  if grep -aqF "$path" "$WORK/victim.sacfp"; then fail "the fingerprint holds the path $path"; fi
done
# What it names instead, and it still works.
expect_exit 1 "$SACJC" verify "$WORK/victim.sacfp" "$WORK/models/stolen.pt" --format json
[ "$(json_field victim.path)" = victim.pt ] || fail "victim named $(json_field victim.path)"
[ "$(json_field probes.source)" = pool ] || fail "probe source named $(json_field probes.source)"
[ "$(json_field selection.labels)" = labels.csv ] || fail "labels named $(json_field selection.labels)"
