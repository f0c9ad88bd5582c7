// 8-bit RGB images: reading seed files, resizing, writing pictures. Implemented with OpenCV
// (src/1_probes/image_opencv.cpp, the only file that includes it), PNGs read with libpng
// (src/1_probes/png_libpng.cpp).
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

// Pixel dimensions as a file's header declares them, read before anything is decoded.
struct ImageSize {
  int height = 0;
  int width = 0;
};

// Checks a PNG or BMP file without decoding it (a PNG's chunk structure, CRCs and header; a
// BMP's headers and that all of its pixel data is in the file) and returns the size it
// declares. Throws a bad-input Error naming `name` for damage, for sides above 1,000,000 pixels
// and for any other format.
ImageSize check_png_or_bmp(const std::uint8_t* data, std::size_t size, const std::string& name);

// Decodes a JPEG, PNG or BMP held in memory; grey, 16-bit and alpha images become 8-bit RGB.
// PNGs and BMPs pass check_png_or_bmp first. Throws a bad-input Error naming `name`, in one
// line, when it cannot be decoded.
Image decode_image(const std::uint8_t* data, std::size_t size, const std::string& name);

// Centre-crops to the target aspect ratio, then resizes (area filter when shrinking, bilinear
// when enlarging). An image already of the target size is returned unchanged.
Image fit_to_size(const Image& image, int height, int width);

// Drawing, for plots. Coordinates are pixels from the top-left corner.
struct Color {
  std::uint8_t r = 0, g = 0, b = 0;
};
Image blank_image(int height, int width, Color background);
void draw_line(Image& image, int x0, int y0, int x1, int y1, Color color, int thickness = 1);
void draw_circle(Image& image, int x, int y, int radius, Color color, int thickness = -1);           // -1: filled
void draw_rectangle(Image& image, int x0, int y0, int x1, int y1, Color color, int thickness = -1);  // -1: filled
// One line of text with its top-left corner at (x, y); scale 1 is about 12 pixels high, and
// `weight` 2 draws bold strokes.
void draw_text(Image& image, int x, int y, const std::string& text, Color color = {255, 255, 255}, double scale = 1.0,
               int weight = 1);
// The same text turned to read upwards, its bottom-left corner at (x, y).
void draw_text_upwards(Image& image, int x, int y, const std::string& text, Color color, double scale = 1.0);
// Pixels `text` takes across when drawn by draw_text at `scale`.
int text_width(const std::string& text, double scale = 1.0, int weight = 1);

// Throws a usage Error naming `path` unless it ends in .png (any case): the one format
// write_png writes. Called before any work, so a wrong name fails at once.
void check_png_path(const std::string& path);

// Writes a PNG atomically (files.h); throws a bad-input Error naming the file on failure.
void write_png(const std::string& path, const Image& image);

}  // namespace sacjc
