# Real face descriptors from the npm registry, fetched into a cache outside the repository:
# dlib's (@vladmandic/face-api) and human's faceres (@vladmandic/human). Both conversions match
# their TF.js originals (known-output checks); in embedding and FRI modes a half-precision copy
# of dlib's is stolen and faceres, an independent descriptor with another embedding size, is
# independent. Skipped, with a message, only when the npm registry cannot be reached.
source "$(dirname "$0")/face_lib.sh"
"$PYTHON" "$SOURCE/scripts/convert_face_api.py" "$CACHE/package" "$WORK/dlib.pt" --check
"$PYTHON" "$SOURCE/scripts/convert_human_faceres.py" "$CACHE/human-package" "$WORK/faceres.pt" --check
"$PYTHON" - "$WORK/dlib.pt" "$WORK/dlib_half.pt" <<'PY'
import sys, torch
model = torch.jit.load(sys.argv[1])
model.load_state_dict({k: v.half().float() for k, v in model.state_dict().items()})
torch.jit.save(model, sys.argv[2])
PY
for mode in embedding fri; do
  expect_exit 1 "$SACJC" verify "$WORK/dlib.pt" "$WORK/dlib_half.pt" --mode $mode -n 48 --input-size 150 --format json
  echo "dlib vs half-precision copy, $mode: $(json_field distance)"
  [ "$(json_field suspect.output_size)" = 128 ] || fail "descriptor size"
  expect_exit 0 "$SACJC" verify "$WORK/dlib.pt" "$WORK/faceres.pt" --mode $mode -n 48 --input-size 150 --format json
  echo "dlib vs faceres, $mode: $(json_field distance)"
  grep -q "warning: --mode $mode with the built-in probes, which are not faces" "$WORK/err" \
    || { cat "$WORK/err"; fail "no warning that the built-in probes are not faces"; }
  [ "$(json_field suspect.output_size)" = 1024 ] || fail "faceres descriptor size"
done
json_field threshold_source | grep -q "face descriptors in FRI mode" || fail "fri's default does not name face descriptors"
# Face probes from a directory, fewer than the face defaults were measured with: a warning says so.
"$SACJC" probes export "$WORK/dlib.pt" -n 48 -o "$WORK/few" >/dev/null
expect_exit 0 "$SACJC" verify "$WORK/dlib.pt" "$WORK/faceres.pt" --mode embedding --probes "$WORK/few" \
  --input-size 150 --format json
grep -q "warning: --mode embedding with 48 probes: the face default threshold holds from 128 face crops" "$WORK/err" \
  || { cat "$WORK/err"; fail "no warning about too few face probes"; }
expect_exit 0 "$SACJC" verify "$WORK/dlib.pt" "$WORK/faceres.pt" --mode embedding -n 48 --input-size 150 --format json
json_field threshold_source | grep -q "face descriptors" || fail "embedding's default does not name face descriptors"
