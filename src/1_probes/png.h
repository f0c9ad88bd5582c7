// PNG reading with libpng (png_libpng.cpp, the only file that includes it), for image_opencv.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "sacjc/image.h"

namespace sacjc {

// A side above this many pixels is refused from the header (libpng's default user limit).
constexpr std::int64_t kMaxPngSide = 1'000'000;

// Checks every chunk's CRC, then has libpng read the header and the chunks before the image
// data, and returns the size the header declares; decodes nothing. Throws a bad-input Error
// naming `name`, in one line, for damage and for sides above kMaxPngSide.
ImageSize png_size(const std::uint8_t* data, std::size_t size, const std::string& name);

// The same checks, then the whole image as 8-bit RGB: palettes expanded, grey replicated,
// 16 bits scaled to 8 (rounded), alpha and transparency dropped, no gamma applied.
Image decode_png(const std::uint8_t* data, std::size_t size, const std::string& name);

}  // namespace sacjc
