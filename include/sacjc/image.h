// 8-bit RGB images: reading seed files, resizing, writing pictures. Implemented with OpenCV
// (src/image_opencv.cpp), the only file that includes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sacjc {

// Interleaved 8-bit RGB, row-major, height x width x 3.
struct Image {
  int height = 0;
  int width = 0;
  std::vector<std::uint8_t> rgb;
};

// Reads a JPEG, PNG or BMP file; grey, 16-bit and alpha images become 8-bit RGB.
// Throws a bad-input Error naming the file when it cannot be decoded.
Image read_image(const std::string& path);

// Decodes an image held in memory; `name` is used in error messages.
Image decode_image(const std::uint8_t* data, std::size_t size, const std::string& name);

// Centre-crops to the target aspect ratio, then resizes (area filter when shrinking, bilinear
// when enlarging). An image already of the target size is returned unchanged.
Image fit_to_size(const Image& image, int height, int width);

// Draws one line of white text with its top-left corner at (x, y), about 12 pixels high.
void draw_text(Image& image, int x, int y, const std::string& text);

// Writes a PNG; throws a bad-input Error naming the file on failure.
void write_png(const std::string& path, const Image& image);

}  // namespace sacjc
