# evaluate --plot writes a 1240 x 640 PNG: ROC curves per stolen family in their own colours,
# and a ring per model in the distance strips, so two copies (one given twice, at the same
# distance) show as two rings of the family's colour.
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" evaluate "$DEMO/victim.pt" --stolen "$DEMO/stolen.pt" "$DEMO/stolen.pt" \
  --independent "$DEMO/independent.pt" -n 100 --input-size 32 --plot "$WORK/roc.png"
"$PYTHON" - "$WORK/roc.png" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1])
image.load()
assert image.format == "PNG" and image.size == (1240, 640), (image.format, image.size)
rgb = image.convert("RGB")
assert len(set(rgb.getdata())) > 100, "plot has hardly any colours"
# The family 'stolen' is drawn in tab10 blue: its ROC curve on the left, its rings on the right.
def blue(box):
    return sum(1 for r, g, b in rgb.crop(box).getdata() if r < 60 and 100 < g < 140 and b > 160)
roc, strips = blue((0, 100, 620, 560)), blue((680, 100, 1240, 560))
print(f"blue pixels: ROC {roc}, strips {strips}")
assert roc > 200, "no ROC curve for the stolen family"
rows = {y for y in range(100, 560) for x in range(680, 1240)
        if (lambda p: p[0] < 60 and 100 < p[1] < 140 and p[2] > 160)(rgb.getpixel((x, y)))}
assert strips > 40 and max(rows) - min(rows) > 12, "the two copies at one distance do not show as two rings"
PY
