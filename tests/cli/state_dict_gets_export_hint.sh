# A state_dict saved with torch.save is refused with a hint to export TorchScript.
source "$(dirname "$0")/lib.sh"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$MODELS/state_dict.pt"
expect_error_line "torch.jit.trace"
