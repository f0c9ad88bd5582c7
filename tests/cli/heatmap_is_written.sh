# --heatmap writes a PNG of the two matrices and their difference.
source "$(dirname "$0")/lib.sh"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 50 --heatmap "$WORK/heat.png"
"$PYTHON" - "$WORK/heat.png" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1])
assert image.format == "PNG" and image.width > 2 * image.height, image.size
PY
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" -n 10 --heatmap "$WORK/no/such/dir/heat.png"
expect_error_line "heat.png"
