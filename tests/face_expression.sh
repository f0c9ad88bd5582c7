# A real face classifier from the npm registry: face-api's expression network (7 expressions),
# rebuilt from its weights, and human's emotion network, converted from its TF.js graph; both
# conversions match their TF.js originals (known-output checks). In logits mode a
# half-precision copy of the expression network is stolen and human's emotion network is
# independent. Skipped, with a message, only when the npm registry cannot be reached.
source "$(dirname "$0")/face_lib.sh"
"$PYTHON" "$SOURCE/scripts/convert_face_expression.py" "$CACHE/package" "$WORK/expression.pt" --check
"$PYTHON" "$SOURCE/scripts/convert_tfjs_graph.py" emotion "$CACHE/human-models/models" "$WORK/emotion.pt" --check
"$PYTHON" - "$WORK/expression.pt" "$WORK/expression_half.pt" <<'PY'
import sys, torch
model = torch.jit.load(sys.argv[1])
model.load_state_dict({k: v.half().float() for k, v in model.state_dict().items()})
torch.jit.save(model, sys.argv[2])
PY
expect_exit 1 "$SACJC" verify "$WORK/expression.pt" "$WORK/expression_half.pt" -n 64 --input-size 112 --format json
[ "$(json_field suspect.output_size)" = 7 ] || fail "expression classes"
expect_exit 0 "$SACJC" verify "$WORK/expression.pt" "$WORK/emotion.pt" -n 64 --input-size 112 --format json
[ "$(json_field suspect.output_size)" = 7 ] || fail "emotion classes"
echo "expression vs emotion: $(json_field distance)"
