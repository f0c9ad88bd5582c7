# Small probe files that decode to huge images (decompression bombs) stop with one line, never a
# signal: under an address-space limit, a 13 KB JPEG whose header claims 65500 x 65500 pixels and
# three 20000 x 20000 PNGs of 49 KB each are out of memory (exit 4). Nothing refuses them up
# front: the JPEG check allocates the claimed size before reading the data, and the PNGs are
# within OpenCV's limit of 2^30 pixels (each takes 2.9 GB; a directory of them takes the sum).
source "$(dirname "$0")/lib.sh"
mkdir "$WORK/jpeg" "$WORK/png"
cp "$SOURCE"/data/default_probes/00[1-3]_*.jpg "$WORK/jpeg/"
cp "$SOURCE"/data/default_probes/00[1-3]_*.jpg "$WORK/png/"
"$PYTHON" - "$SOURCE/data/default_probes/000_opencv-dog.jpg" "$WORK" <<'PY'
import struct, sys, zlib
data, out = bytearray(open(sys.argv[1], "rb").read()), sys.argv[2]
at = 2  # walk the JPEG markers to the frame header and make it claim 65500 x 65500
while data[at + 1] not in (0xC0, 0xC1, 0xC2):
    at += 2 + int.from_bytes(data[at + 2:at + 4], "big")
data[at + 5:at + 9] = (65500).to_bytes(2, "big") * 2
open(out + "/jpeg/zz_bomb.jpg", "wb").write(data)
# A 1-bit grey PNG, 20000 x 20000, all black: rows of 2501 zero bytes compress to almost nothing.
def chunk(tag, body):
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))
rows = zlib.compress(b"\0" * (2501 * 20000), 9)
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 1, 0, 0, 0, 0))
       + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
assert len(png) < 100_000, len(png)
for name in ("zz_a.png", "zz_b.png", "zz_c.png"):
    open(out + "/png/" + name, "wb").write(png)
PY
for dir in jpeg png; do
  (ulimit -v 3000000
   expect_exit 4 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/$dir" --input-size 32
   expect_error_line "out of memory")
done
