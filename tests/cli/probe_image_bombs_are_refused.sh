# Small probe files that decode to huge images (decompression bombs) are refused from their
# header, before their pixels are allocated: exit 3 and one line naming the file and the
# 50-megapixel limit for a seed image. The bombs: a 13 KB JPEG whose header claims 65500 x 65500,
# 1-bit PNGs of 20000 x 20000 (49 KB) and 32768 x 32768 that are all black, and an RLE8 BMP of
# 30000 x 30000 that is one end-of-bitmap code. The address-space limit makes a regression an
# out-of-memory error (exit 4) rather than a strain on the test machine.
source "$(dirname "$0")/lib.sh"
mkdir "$WORK/bombs"
"$PYTHON" - "$SOURCE/data/default_probes/000_opencv-dog.jpg" "$WORK/bombs" <<'PY'
import struct, sys, zlib
data, out = bytearray(open(sys.argv[1], "rb").read()), sys.argv[2] + "/"
at = 2  # walk the JPEG markers to the frame header and make it claim 65500 x 65500
while data[at + 1] not in (0xC0, 0xC1, 0xC2):
    at += 2 + int.from_bytes(data[at + 2:at + 4], "big")
data[at + 5:at + 9] = (65500).to_bytes(2, "big") * 2
open(out + "jpeg.jpg", "wb").write(data)
def chunk(tag, body):
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))
for side in (20000, 32768):  # 1-bit grey, all black: rows of zero bytes compress to almost nothing
    rows = zlib.compress(b"\0" * ((side + 7) // 8 + 1) * side, 9)
    open(out + f"png{side}.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
                                            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))
palette = bytes(4 * 256)
info = struct.pack("<IiiHHIIiiII", 40, 30000, 30000, 1, 8, 1, 2, 0, 0, 256, 0)
offset = 14 + len(info) + len(palette)
open(out + "rle.bmp", "wb").write(b"BM" + struct.pack("<IHHI", offset + 2, 0, 0, offset) + info + palette + b"\0\1")
PY
[ "$(stat -c %s "$WORK/bombs/png20000.png")" -lt 100000 ] || fail "fixture: the PNG bomb is not small"
check() {
  rm -rf "$WORK/probes" && mkdir "$WORK/probes"
  cp "$SOURCE"/data/default_probes/00[1-3]_*.jpg "$WORK/probes/"
  cp "$WORK/bombs/$1" "$WORK/probes/zz_$1"
  (ulimit -v 3000000
   expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/probes" --input-size 32
   expect_error_line "$WORK/probes/zz_$1: $2 pixels is more than the 50-megapixel limit for a seed image")
}
check jpeg.jpg 65500x65500
check png20000.png 20000x20000
check png32768.png 32768x32768
check rle.bmp 30000x30000
