# verify --plot (alias --heatmap) writes a 1020 x 524 PNG whatever the probe count: the two
# matrices and their difference, with the verdict in the title. The difference panel has one
# fixed scale, so the demo's stolen copy leaves it far darker than the independent model does.
source "$(dirname "$0")/lib.sh"
check_png() {  # FILE: a 1020 x 524 PNG with many colours
  "$PYTHON" - "$1" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1])
image.load()
assert image.format == "PNG" and image.size == (1020, 524), (image.format, image.size)
assert len(set(image.convert("RGB").getdata())) > 200, "plot has hardly any colours"
PY
}
for n in 50 256; do
  expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n $n --input-size 32 --plot "$WORK/plot$n.png"
  check_png "$WORK/plot$n.png"
done
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" -n 256 --input-size 32 --plot "$WORK/indep.PNG"
check_png "$WORK/indep.PNG"
# The difference panel (the third; its corner is heatmap.h's verify_plot_panels()[2]): the
# stolen copy's is dark all over, the independent model's has bright patches (a grey level
# above 40 is a difference of about 0.12 or more on the fixed scale).
"$PYTHON" - "$WORK/plot256.png" "$WORK/indep.PNG" <<'PY'
import sys
from PIL import Image
def panel(path):
    values = list(Image.open(path).convert("L").crop((674, 168, 674 + 256, 168 + 256)).getdata())
    return sum(values) / len(values), sum(v > 40 for v in values) / len(values)
(stolen, stolen_bright), (independent, independent_bright) = panel(sys.argv[1]), panel(sys.argv[2])
print(f"difference panel: mean grey {stolen:.1f} stolen, {independent:.1f} independent; "
      f"share above 40: {stolen_bright:.3f} stolen, {independent_bright:.3f} independent")
assert stolen * 2 < independent, (stolen, independent)
assert stolen_bright < 0.01 and independent_bright > 0.1, (stolen_bright, independent_bright)
PY
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 20 --heatmap "$WORK/heat.png"
[ -s "$WORK/heat.png" ] || fail "--heatmap alias wrote nothing"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 10 --plot "$WORK/no/such/dir/plot.png"
expect_error_line "plot.png"
