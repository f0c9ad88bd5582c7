# --plot (alias --heatmap) writes a PNG of the two matrices and their difference: three
# 256-pixel panels with colour scales, 784 x 312 pixels whatever the probe count.
source "$(dirname "$0")/lib.sh"
for n in 50 256; do
  expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n $n --input-size 32 --plot "$WORK/plot$n.png"
  "$PYTHON" - "$WORK/plot$n.png" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1])
image.load()
assert image.format == "PNG" and image.size == (784, 312), (image.format, image.size)
assert len(set(image.convert("RGB").getdata())) > 50, "plot has hardly any colours"
PY
done
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 20 --heatmap "$WORK/heat.png"
[ -s "$WORK/heat.png" ] || fail "--heatmap alias wrote nothing"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 10 --plot "$WORK/no/such/dir/plot.png"
expect_error_line "plot.png"
