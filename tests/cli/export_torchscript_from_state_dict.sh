# scripts/export_torchscript.py turns a torchvision state_dict (MobileNetV3-Small here) (.pth, pytorch_model.bin with
# DataParallel prefixes, .safetensors) into TorchScript that sacjc verifies; the state_dict
# itself is refused by sacjc with the hint; weights that do not fit the architecture exit 3.
source "$(dirname "$0")/lib.sh"
EXPORT=$SOURCE/scripts/export_torchscript.py
"$PYTHON" - "$WORK" <<'PY' || fail "could not save the state_dicts"
import json, struct, sys, torch, torchvision
work = sys.argv[1]
torch.manual_seed(0)
model = torchvision.models.mobilenet_v3_small(num_classes=10).eval()
state = model.state_dict()
torch.save(state, f"{work}/mobilenet.pth")
torch.save({"state_dict": {"module." + k: v for k, v in state.items()}, "epoch": 3}, f"{work}/pytorch_model.bin")
header, blobs, offset = {}, [], 0  # safetensors, written by hand (no Debian package)
for name, t in state.items():
    dtype, data = ("I64", t.numpy().astype("<i8").tobytes()) if t.dtype == torch.int64 else ("F32", t.numpy().astype("<f4").tobytes())
    header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
    offset += len(data)
    blobs.append(data)
text = json.dumps(header).encode()
open(f"{work}/model.safetensors", "wb").write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
# The reference: what the original model says on one image, to compare with the export.
torch.save(model(torch.linspace(0, 1, 3 * 32 * 32).reshape(1, 3, 32, 32)), f"{work}/reference.pt")
PY

# The state_dict itself: refused, with the way to export it.
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$WORK/mobilenet.pth"
expect_error_line "scripts/export_torchscript.py ARCH NUM_CLASSES FILE OUT.pt"

for weights in mobilenet.pth pytorch_model.bin model.safetensors; do
  run "$PYTHON" "$EXPORT" mobilenet_v3_small 10 "$WORK/$weights" "$WORK/$weights.ts.pt" --input-size 32
  [ "$code" = 0 ] || { cat "$WORK/err"; fail "export of $weights exited $code"; }
  grep -qF "TorchScript mobilenet_v3_small, output [1, 10]" "$WORK/out" || fail "export of $weights printed no summary"
done
# The export computes what the original model computes.
"$PYTHON" - "$WORK" <<'PY' || fail "the exported model differs from the original"
import sys, torch
work = sys.argv[1]
x = torch.linspace(0, 1, 3 * 32 * 32).reshape(1, 3, 32, 32)
expected = torch.load(f"{work}/reference.pt")
for name in ("mobilenet.pth", "pytorch_model.bin", "model.safetensors"):
    got = torch.jit.load(f"{work}/{name}.ts.pt")(x)
    assert torch.allclose(got, expected, atol=1e-5), name
PY

# sacjc runs the result: the three exports are the same model, distance 0, stolen.
expect_exit 1 "$SACJC" verify "$WORK/mobilenet.pth.ts.pt" "$WORK/model.safetensors.ts.pt" --input-size 32 -n 20 --format json
[ "$(json_field verdict)" = stolen ] || fail "verdict is not stolen"
"$PYTHON" -c "import sys; assert float(sys.argv[1]) < 1e-6, sys.argv[1]" "$(json_field distance)" ||
  fail "the same weights are not zero apart"

# Weights that do not fit: exit 3, one line naming the file; nothing written.
run "$PYTHON" "$EXPORT" mobilenet_v3_small 7 "$WORK/mobilenet.pth" "$WORK/wrong.pt" --input-size 32
[ "$code" = 3 ] || fail "wrong num_classes exited $code"
grep -q "^export_torchscript.py: error: $WORK/mobilenet.pth: .*size mismatch" "$WORK/err" || { cat "$WORK/err"; fail "no size mismatch error"; }
[ ! -e "$WORK/wrong.pt" ] || fail "a failed export left a file"
run "$PYTHON" "$EXPORT" mobilenet_v3_small 10 "$SOURCE/README.md" "$WORK/wrong.pt"
[ "$code" = 3 ] || fail "a text file exited $code"
run "$PYTHON" "$EXPORT" resnet99 10 "$WORK/mobilenet.pth" "$WORK/wrong.pt"
[ "$code" = 2 ] || fail "an unknown architecture exited $code"
