# Probe images in other pixel formats are converted to 8-bit RGB, not refused: 16-bit colour and
# grey PNGs, grey PNG/BMP/JPEG, grey with alpha, RGBA, and a CMYK JPEG each score (verify exits 1
# for the stolen demo model) and give the probe pixels of the plain 8-bit RGB or grey image
# (the same probe hash for lossless files, nearly the same pixels for JPEGs).
source "$(dirname "$0")/lib.sh"
mkdir "$WORK/formats"
"$PYTHON" - "$SOURCE/data/default_probes/000_opencv-dog.jpg" "$WORK/formats" <<'PY'
import sys
import numpy as np
from PIL import Image
rgb = Image.open(sys.argv[1]).convert("RGB")
gray = rgb.convert("L")
out = sys.argv[2] + "/"
rgb.save(out + "rgb8.png")
rgb.convert("RGBA").save(out + "rgba.png")
rgb.convert("CMYK").save(out + "cmyk.jpg", quality=95)
rgb.save(out + "rgb.jpg", quality=95)
gray.save(out + "gray8.png")
gray.save(out + "gray.bmp")
gray.convert("LA").save(out + "gray_alpha.png")
gray.save(out + "gray.jpg", quality=95)
# 16-bit: v * 257 scales back to exactly v.
Image.fromarray(np.asarray(gray, dtype=np.uint16) * 257).save(out + "gray16.png")
import cv2
cv2.imwrite(out + "rgb16.png", np.asarray(rgb, dtype=np.uint16)[:, :, ::-1] * 257)
assert Image.open(out + "cmyk.jpg").mode == "CMYK" and Image.open(out + "gray16.png").mode.startswith("I")
assert cv2.imread(out + "rgb16.png", cv2.IMREAD_UNCHANGED).dtype == np.uint16
PY

# probe_hash FILE: verifies with FILE as the last of four probes; prints the probe hash.
probe_hash() {
  rm -rf "$WORK/probes" && mkdir "$WORK/probes"
  cp "$SOURCE"/data/default_probes/00[1-3]_*.jpg "$WORK/probes/"
  cp "$WORK/formats/$1" "$WORK/probes/zz_$1"
  expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/probes" --input-size 32 --format json
  [ "$(json_field probes.count)" = 4 ] || fail "$1: not all four probes were used"
  json_field probes.sha256
}
rgb=$(probe_hash rgb8.png)
gray=$(probe_hash gray8.png)
[ "$rgb" != "$gray" ] || fail "fixture: the grey image gives the colour image's probes"
for file in rgb16.png rgba.png; do
  [ "$(probe_hash $file)" = "$rgb" ] || fail "$file does not give the probes of the 8-bit RGB PNG"
done
for file in gray16.png gray_alpha.png gray.bmp; do
  [ "$(probe_hash $file)" = "$gray" ] || fail "$file does not give the probes of the 8-bit grey PNG"
done

# JPEGs: compare the probe pixels (exported from a fingerprint) with those of the lossless file.
# export_probe FILE: exports the probe made from FILE as $WORK/FILE.probe/probe_0001.jpg.
export_probe() {
  rm -rf "$WORK/probes" && mkdir "$WORK/probes"
  cp "$WORK/formats/$1" "$WORK/probes/$1"
  cp "$SOURCE"/data/default_probes/001_*.jpg "$WORK/probes/zz.jpg"
  expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/fp.sacfp" --probes "$WORK/probes" --input-size 32
  expect_exit 0 "$SACJC" probes export "$WORK/fp.sacfp" --out "$WORK/$1.probe"
}
for file in rgb8.png gray8.png cmyk.jpg gray.jpg rgb.jpg; do export_probe $file; done
# differ A B MAX: fails unless the probes of A and B differ by at most MAX grey levels on average
# (or, with "more", by more).
differ() {
  "$PYTHON" - "$WORK/$1.probe/probe_0001.jpg" "$WORK/$2.probe/probe_0001.jpg" "$3" "${4:-}" <<'PY' || fail "$1 against $2"
import sys
import numpy as np
from PIL import Image
a, b = (np.asarray(Image.open(f).convert("RGB"), dtype=float) for f in sys.argv[1:3])
d, limit, more = np.abs(a - b).mean(), float(sys.argv[3]), sys.argv[4] == "more"
if (d > limit) != more:
    sys.exit(f"mean difference {d:.2f} grey levels, expected {'more' if more else 'at most'} {limit}")
PY
}
differ cmyk.jpg rgb8.png 4
differ gray.jpg gray8.png 4
differ rgb.jpg rgb8.png 4
differ gray8.png rgb8.png 4 more  # the check can tell colour from grey
