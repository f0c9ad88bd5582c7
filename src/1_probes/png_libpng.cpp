// PNG files through libpng, with handlers that throw and the size limits of
// png_set_user_limits. libpng does the checking (header fields, chunk order, unknown critical
// chunks, the zlib stream and its length); nothing of it reaches stderr, and every failure is
// one line naming the file. Its warnings are dropped, except those about the image data
// (an Adler-32 mismatch, data left over), which mean damage: libpng would otherwise hand over
// the rows it inflated before noticing. A warning about an ancillary chunk (out of place, a
// known-bad colour profile) leaves a decodable image, as it did when OpenCV read PNGs.
//
// One check runs first, outside libpng: that each chunk is in the file, has a type made of
// letters, and matches its CRC (zlib's crc32_z). libpng checks a chunk's CRC only after
// inflating its data, so a damaged IDAT would be reported as corrupt compressed data rather
// than as what it is.
#include "png.h"

#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "sacjc/error.h"

namespace sacjc {
namespace {

constexpr png_uint_32 kIdat = 0x49444154;  // "IDAT" as png_get_io_chunk_type gives it

// What libpng's error handler throws; turned into a bad-input Error by the caller, which
// knows which step failed.
struct PngFailure {
  std::string message;
};

// What the handlers know: whether libpng is reading the image data.
struct Handling {
  bool image_data = false;
};

[[noreturn]] void throw_failure(png_structp, png_const_charp message) { throw PngFailure{message}; }

void on_warning(png_structp png, png_const_charp message) {
  if (static_cast<Handling*>(png_get_error_ptr(png))->image_data && png_get_io_chunk_type(png) == kIdat)
    throw PngFailure{message};
}

// The file in memory, as libpng reads it.
struct Source {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t at;
  const std::string& name;
};

void read_source(png_structp png, png_bytep out, std::size_t length) {
  auto* source = static_cast<Source*>(png_get_io_ptr(png));
  if (source->size - source->at < length) throw bad_input(source->name, "truncated PNG");
  std::memcpy(out, source->data + source->at, length);
  source->at += length;
}

std::uint32_t be32(const std::uint8_t* p) {
  return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

bool is_letter(std::uint8_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Walks the chunks from the signature to IEND: each inside the file, each with a type of four
// letters (which the messages name) and its CRC.
void check_chunks(const std::uint8_t* data, std::size_t size, const std::string& name) {
  for (std::size_t at = 8;;) {
    if (size - at < 12 || size - at - 12 < be32(data + at)) throw bad_input(name, "truncated PNG");
    const std::uint32_t length = be32(data + at);
    const std::uint8_t* type = data + at + 4;
    if (!std::all_of(type, type + 4, is_letter)) throw bad_input(name, "damaged PNG (invalid chunk type)");
    if (crc32_z(0, type, length + 4) != be32(type + 4 + length))
      throw bad_input(name, "damaged PNG (CRC error in the " + std::string(type, type + 4) + " chunk)");
    if (std::memcmp(type, "IEND", 4) == 0) return;
    at += 12 + length;
  }
}

// A libpng reader over `source`, freed with it.
class Reader {
 public:
  explicit Reader(Source& source)
      : png_(png_create_read_struct(PNG_LIBPNG_VER_STRING, &handling_, throw_failure, on_warning)) {
    if (!png_ || !(info_ = png_create_info_struct(png_))) {
      png_destroy_read_struct(&png_, nullptr, nullptr);
      throw std::bad_alloc();
    }
    png_set_read_fn(png_, &source, read_source);
    png_set_user_limits(png_, kMaxPngSide, kMaxPngSide);
  }
  ~Reader() { png_destroy_read_struct(&png_, &info_, nullptr); }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Reads the header and the chunks before the image data; throws for damage and for sides
  // above kMaxPngSide.
  ImageSize read_header(const std::string& name) {
    try {
      png_read_info(png_, info_);
    } catch (const PngFailure& failure) {
      // libpng keeps the header's size even when it refuses it.
      const std::int64_t width = png_get_image_width(png_, info_), height = png_get_image_height(png_, info_);
      if (width > kMaxPngSide || height > kMaxPngSide)
        throw bad_input(name, std::to_string(width) + "x" + std::to_string(height) +
                                  " pixels is more than the PNG decoder accepts");
      throw bad_input(name, "damaged PNG (" + failure.message + ")");
    }
    return {static_cast<int>(png_get_image_height(png_, info_)), static_cast<int>(png_get_image_width(png_, info_))};
  }

  // Decodes the image data to 8-bit RGB rows, then reads the chunks after it.
  Image read_rgb(ImageSize size, const std::string& name) {
    png_set_palette_to_rgb(png_);  // also turns transparency into alpha, stripped below
    png_set_expand_gray_1_2_4_to_8(png_);
    png_set_gray_to_rgb(png_);
    png_set_scale_16(png_);
    png_set_strip_alpha(png_);
    png_set_interlace_handling(png_);
    png_read_update_info(png_, info_);
    if (png_get_rowbytes(png_, info_) != static_cast<std::size_t>(size.width) * 3)
      throw Error(ExitCode::kInternal, name + ": libpng did not produce 8-bit RGB rows");
    Image image{size.height, size.width,
                std::vector<std::uint8_t>(static_cast<std::size_t>(size.height) * size.width * 3)};
    std::vector<png_bytep> rows(size.height);
    for (int y = 0; y < size.height; ++y) rows[y] = image.rgb.data() + static_cast<std::size_t>(y) * size.width * 3;
    const Error bad_data = bad_input(name, "damaged PNG (corrupt or incomplete compressed image data)");
    handling_.image_data = true;
    try {
      png_read_image(png_, rows.data());
    } catch (const PngFailure&) {
      throw bad_data;  // including "Not enough image data", raised at the chunk after the last IDAT
    }
    try {
      png_read_end(png_, nullptr);  // the rest of the zlib stream, then the chunks after it
    } catch (const PngFailure& failure) {
      if (png_get_io_chunk_type(png_) == kIdat) throw bad_data;
      throw bad_input(name, "damaged PNG (" + failure.message + ")");
    }
    return image;
  }

 private:
  Handling handling_;
  png_structp png_;
  png_infop info_ = nullptr;
};

}  // namespace

ImageSize png_size(const std::uint8_t* data, std::size_t size, const std::string& name) {
  check_chunks(data, size, name);
  Source source{data, size, 0, name};
  return Reader(source).read_header(name);
}

Image decode_png(const std::uint8_t* data, std::size_t size, const std::string& name) {
  check_chunks(data, size, name);
  Source source{data, size, 0, name};
  Reader reader(source);
  return reader.read_rgb(reader.read_header(name), name);
}

}  // namespace sacjc
