# verify on a model file that is not TorchScript (a state_dict, ONNX, safetensors, Keras) says
# what the file is and how to export TorchScript, in one line, exit 3; told from the bytes,
# so a misleading name does not change the answer.
source "$(dirname "$0")/lib.sh"
"$PYTHON" "$SOURCE/scripts/make_other_format_models.py" "$WORK/m" >/dev/null 2>&1 || fail "could not write the models"
cp "$WORK/m/model.onnx" "$WORK/m/onnx_named.pt"
cp "$WORK/m/model.safetensors" "$WORK/m/safetensors_named.pt"

check() {  # FILE TEXT...: verify with FILE as the suspect, then as the victim
  local file=$1; shift
  for order in suspect victim; do
    if [ $order = suspect ]; then
      expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$WORK/m/$file"
    else
      expect_exit 3 "$SACJC" verify "$WORK/m/$file" "$DEMO/victim.pt"
    fi
    expect_error_line "$WORK/m/$file: is "
    for text in "$@"; do expect_error_line "$text"; done
  done
}
export_hint="export TorchScript with scripts/export_torchscript.py ARCH NUM_CLASSES FILE OUT.pt"
check state_dict.pth "saved with torch.save" "$export_hint"
check pytorch_model.bin "saved with torch.save" "$export_hint"
check legacy.pth "legacy (pre-1.6) format" "$export_hint"
check model.safetensors "a safetensors file" "$export_hint"
check safetensors_named.pt "a safetensors file" "$export_hint"
check model.onnx "an ONNX model" "torch.jit.trace"
check onnx_named.pt "an ONNX model" "torch.jit.trace"
check model.h5 "an HDF5 file" "torch.jit.trace"
check model.keras "a Keras model" "torch.jit.trace"

# TorchScript itself and random bytes are not mistaken for any of them.
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$MODELS/random.pt"
expect_error_line "random.pt: not a TorchScript model"
