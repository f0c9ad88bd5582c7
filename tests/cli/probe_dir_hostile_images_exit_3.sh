# A probe directory holding a file that is not a usable JPEG, PNG or BMP is bad input (exit 3)
# in one line naming it, whatever its name, with nothing from the image libraries on stderr:
# empty, text, GIF/TIFF/WebP under an image extension, PNGs whose header claims more pixels than
# a seed may have or wider than the decoder allows, and damaged PNGs and BMPs (truncated, a
# corrupt chunk, no header, a truncated run-length encoded BMP).
source "$(dirname "$0")/lib.sh"
mkdir "$WORK/bad"
"$PYTHON" - "$SOURCE/data/default_probes/000_opencv-dog.jpg" "$WORK/bad" <<'PY'
import io, struct, sys, zlib
from PIL import Image
image, out = Image.open(sys.argv[1]), sys.argv[2] + "/"
open(out + "empty.jpg", "wb").close()
open(out + "text.png", "w").write("not an image\n")
image.save(out + "gif.jpg", format="GIF")
image.save(out + "tiff.png", format="TIFF")
image.save(out + "webp.jpg", format="WEBP")
# An 8-bit grey PNG header claiming 40000 x 40000 (1.6e9 pixels, above OpenCV's 2^30) with one
# row of data: 103 bytes that must be refused before anything that size is allocated.
def chunk(tag, data):
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
open(out + "huge.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 40000, 40000, 8, 0, 0, 0, 0))
                                   + chunk(b"IDAT", zlib.compress(b"\0" * 40001)) + chunk(b"IEND", b""))
png = io.BytesIO(); image.save(png, format="PNG"); png = png.getvalue()
open(out + "truncated.png", "wb").write(png[: len(png) // 2])
damaged = bytearray(png); damaged[200:260] = bytes(60)
open(out + "damaged.png", "wb").write(damaged)
open(out + "wide.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2000000, 1, 8, 0, 0, 0, 0))
                                   + chunk(b"IDAT", zlib.compress(b"\0" * 2000001)) + chunk(b"IEND", b""))
# Valid chunks and CRCs around a corrupt zlib stream, and around too little image data: libpng
# would print its own "libpng error" line for either.
grey = struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0)
stream = bytearray(zlib.compress(bytes(range(256)))); stream[5:9] = b"\xff\xff\xff\xff"
open(out + "zlib.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", grey) + chunk(b"IDAT", bytes(stream))
                                   + chunk(b"IEND", b""))
open(out + "short.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", grey)
                                    + chunk(b"IDAT", zlib.compress(b"\0" * 17 * 8)) + chunk(b"IEND", b""))
bmp = io.BytesIO(); image.save(bmp, format="BMP"); bmp = bmp.getvalue()
open(out + "truncated.bmp", "wb").write(bmp[: len(bmp) // 3])
open(out + "header_only.bmp", "wb").write(b"BM" + bytes(100))
# An RLE8 BMP, 64 x 64 in runs of 64 pixels, cut before its end-of-bitmap code.
palette = bytes(4 * 256)
info = struct.pack("<IiiHHIIiiII", 40, 64, 64, 1, 8, 1, 0, 0, 0, 256, 0)
rows = (b"\x40\x07" + b"\0\0") * 32
offset = 14 + len(info) + len(palette)
open(out + "truncated_rle.bmp", "wb").write(b"BM" + struct.pack("<IHHI", offset + len(rows), 0, 0, offset) + info + palette + rows)
PY

# check FILE TEXT: verify with FILE, under an awkward name, among three good seeds; exit 3 and
# one error line naming it.
check() {
  local name="zz $1 ü"
  rm -rf "$WORK/probes" && mkdir "$WORK/probes"
  cp "$SOURCE"/data/default_probes/00[0-2]_*.jpg "$WORK/probes/"
  cp "$WORK/bad/$1" "$WORK/probes/$name.${1##*.}"
  expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/probes" --input-size 32
  expect_error_line "$WORK/probes/$name.${1##*.}: $2"
}
check empty.jpg "empty image file"
check text.png "not a JPEG, PNG or BMP image"
check gif.jpg "not a JPEG, PNG or BMP image"
check tiff.png "not a JPEG, PNG or BMP image"
check webp.jpg "not a JPEG, PNG or BMP image"
check huge.png "40000x40000 pixels is more than the 50-megapixel limit for a seed image"
check wide.png "2000000x1 pixels is more than the PNG decoder accepts"
check truncated.png "truncated PNG"
check damaged.png "damaged PNG (CRC error in the IDAT chunk)"
check zlib.png "damaged PNG (corrupt or incomplete compressed image data)"
check short.png "damaged PNG (corrupt or incomplete compressed image data)"
check truncated.bmp "truncated BMP"
check header_only.bmp "damaged BMP (unsupported header size 0)"
check truncated_rle.bmp "truncated BMP"
