// Image I/O and resizing with OpenCV. OpenCV reads BGR(A), possibly 16-bit or single-channel;
// everything leaves this file as 8-bit RGB so the rest of sacjc has one pixel format.
//
// PNGs are read with libpng directly (png_libpng.cpp), whose errors we can catch: OpenCV's PNG
// decoder leaves libpng's default handlers in place, which print "libpng error: ..." and
// "libpng warning: ..." lines to stderr. BMP files are checked here before OpenCV sees them
// (that all of the pixel data is in the file): OpenCV's BMP reader reports damage with its own
// "imdecode_(''): can't read ..." on std::cerr, which no setting silences.
#include "sacjc/image.h"

#include <algorithm>
#include <cctype>
#include <new>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "png.h"
#include "sacjc/error.h"
#include "sacjc/files.h"

namespace sacjc {
namespace {

Image to_rgb_image(cv::Mat mat, const std::string& name) {
  if (mat.empty()) throw bad_input(name, "cannot decode image (not a readable JPEG, PNG or BMP)");
  if (mat.depth() == CV_16U) mat.convertTo(mat, CV_8U, 1.0 / 257.0);
  if (mat.depth() != CV_8U) throw bad_input(name, "unsupported pixel depth (need 8 or 16 bit)");
  cv::Mat rgb;
  switch (mat.channels()) {
    case 1:
      cv::cvtColor(mat, rgb, cv::COLOR_GRAY2RGB);
      break;
    case 3:
      cv::cvtColor(mat, rgb, cv::COLOR_BGR2RGB);
      break;
    case 4:
      cv::cvtColor(mat, rgb, cv::COLOR_BGRA2RGB);
      break;
    default:
      throw bad_input(name, "unsupported channel count " + std::to_string(mat.channels()));
  }
  Image image{rgb.rows, rgb.cols, {}};
  image.rgb.assign(rgb.datastart, rgb.dataend);
  return image;
}

// OpenCV's BMP reader refuses a side above 2^20 pixels, printing its own line, so larger
// headers stop here (at the same limit as PNGs).
constexpr std::int64_t kMaxBmpSide = kMaxPngSide;

std::uint32_t le32(const std::uint8_t* p) {
  return std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[1]} << 8 | p[0];
}
std::int64_t le32_signed(const std::uint8_t* p) { return static_cast<std::int32_t>(le32(p)); }
int le16(const std::uint8_t* p) { return p[1] << 8 | p[0]; }

bool starts_with(const std::uint8_t* data, std::size_t size, std::initializer_list<std::uint8_t> magic) {
  return size >= magic.size() && std::equal(magic.begin(), magic.end(), data);
}
bool is_png(const std::uint8_t* data, std::size_t size) {
  return starts_with(data, size, {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
}
bool is_bmp(const std::uint8_t* data, std::size_t size) { return starts_with(data, size, {'B', 'M'}); }

// Walks a run-length encoded BMP's codes (RLE8, or RLE4 with `four_bit`) from `at` to the
// end-of-bitmap code, so OpenCV's decoder never reads past the end of the file.
bool rle_ends_in_file(const std::uint8_t* data, std::size_t size, std::size_t at, bool four_bit) {
  while (size - at >= 2) {
    const int count = data[at], code = data[at + 1];
    at += 2;
    if (count != 0 || code == 0) continue;  // a run, or end of line
    if (code == 1) return true;             // end of bitmap
    std::size_t skip = code == 2  ? 2
                       : four_bit ? (((code + 1) >> 1) + 1) & ~1
                                  : (code + 1) & ~1;  // delta or literal pixels
    if (size - at < skip) return false;
    at += skip;
  }
  return false;
}

// Checks what OpenCV 4.6's BMP reader (grfmt_bmp.cpp) will read: the file and info headers,
// the palette or colour masks, and every row of pixels. Returns the header's size.
ImageSize check_bmp(const std::uint8_t* data, std::size_t size, const std::string& name) {
  auto damaged = [&](const std::string& what) { return bad_input(name, "damaged BMP (" + what + ")"); };
  const auto truncated = bad_input(name, "truncated BMP");
  if (size < 18) throw truncated;
  const std::int64_t offset = le32_signed(data + 10), info = le32_signed(data + 14);
  std::int64_t width = 0, height = 0, extra = 0;  // extra: palette or colour-mask bytes after the info header
  int bpp = 0, compression = 0;
  if (info >= 36) {  // BITMAPINFOHEADER and its successors
    if (size < 50) throw truncated;
    width = le32_signed(data + 18), height = le32_signed(data + 22), bpp = le16(data + 28);
    compression = static_cast<int>(le32(data + 30));
    const std::int64_t colors = le32_signed(data + 46);
    if (bpp <= 8 && (colors < 0 || colors > 256)) throw damaged("palette of " + std::to_string(colors) + " colours");
    if (bpp <= 8) extra = 4 * (colors != 0 ? colors : std::int64_t{1} << bpp);
    if (bpp == 16 && compression == 3) extra = 12;
  } else if (info == 12) {  // OS/2 BITMAPCOREHEADER
    if (size < 26) throw truncated;
    width = le16(data + 18), height = le16(data + 20), bpp = le16(data + 24);
    if (bpp <= 8) extra = 3 * (std::int64_t{1} << bpp);
  } else {
    throw damaged("unsupported header size " + std::to_string(info));
  }
  const bool rle = (compression == 1 && bpp == 8) || (compression == 2 && bpp == 4);
  const bool plain = compression == 0 ? (bpp == 1 || bpp == 4 || bpp == 8 || bpp == 16 || bpp == 24 || bpp == 32)
                                      : compression == 3 && (bpp == 16 || bpp == 32);
  if (width <= 0 || height == 0 || (!rle && !plain)) throw damaged("unsupported size, bit depth or compression");
  height = std::abs(height);
  if (width > kMaxBmpSide || height > kMaxBmpSide)
    throw bad_input(
        name, std::to_string(width) + "x" + std::to_string(height) + " pixels is more than the BMP decoder accepts");
  if (14 + info + extra > static_cast<std::int64_t>(size)) throw truncated;
  if (offset < 0 || offset > static_cast<std::int64_t>(size)) throw damaged("pixel data offset");
  if (rle) {
    if (!rle_ends_in_file(data, size, static_cast<std::size_t>(offset), bpp == 4)) throw truncated;
  } else {
    const std::int64_t row_bytes = ((width * bpp + 7) / 8 + 3) & ~std::int64_t{3};
    if (offset + row_bytes * height > static_cast<std::int64_t>(size)) throw truncated;
  }
  return {static_cast<int>(height), static_cast<int>(width)};
}

// OpenCV's exception messages end in a newline; errors are one line.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  text.erase(text.find_last_not_of(" \t\r") + 1);
  return text;
}

cv::Mat as_mat(const Image& image) {
  return cv::Mat(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.rgb.data()));
}

// OpenCV reports running out of memory as a cv::Exception; turn it into std::bad_alloc so
// it reads as out of memory (exit 4) wherever it happens, and anything else into `problem`.
[[noreturn]] void rethrow(const cv::Exception& e, const Error& problem) {
  if (e.code == cv::Error::StsNoMem) throw std::bad_alloc();
  throw problem;
}

}  // namespace

ImageSize check_png_or_bmp(const std::uint8_t* data, std::size_t size, const std::string& name) {
  if (is_png(data, size)) return png_size(data, size, name);
  if (is_bmp(data, size)) return check_bmp(data, size, name);
  throw bad_input(name, "not a JPEG, PNG or BMP image");
}

Image decode_image(const std::uint8_t* data, std::size_t size, const std::string& name) {
  if (is_png(data, size)) return decode_png(data, size, name);
  // Only JPEG and BMP reach OpenCV: imdecode otherwise tries every codec it was built with, and
  // Debian's DICOM reader aborts the process on some damaged input (found by fuzzing).
  if (!starts_with(data, size, {0xFF, 0xD8, 0xFF})) check_png_or_bmp(data, size, name);
  try {
    cv::Mat buffer(1, static_cast<int>(size), CV_8U, const_cast<std::uint8_t*>(data));
    return to_rgb_image(cv::imdecode(buffer, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR), name);
  } catch (const cv::Exception& e) {
    rethrow(e, bad_input(name, "cannot decode image: " + one_line(e.msg)));
  }
}

Image fit_to_size(const Image& image, int height, int width) {
  if (image.height == height && image.width == width) return image;
  // Crop the centre to the target aspect ratio so nothing is stretched.
  int crop_w = image.width, crop_h = image.height;
  if (static_cast<long>(image.width) * height > static_cast<long>(image.height) * width)
    crop_w = std::max(1, static_cast<int>(static_cast<long>(image.height) * width / height));
  else
    crop_h = std::max(1, static_cast<int>(static_cast<long>(image.width) * height / width));
  cv::Rect centre((image.width - crop_w) / 2, (image.height - crop_h) / 2, crop_w, crop_h);
  bool shrinking = crop_w > width || crop_h > height;
  cv::Mat resized;
  try {
    cv::resize(as_mat(image)(centre), resized, cv::Size(width, height), 0, 0,
               shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
  } catch (const cv::Exception& e) {
    rethrow(e, Error(ExitCode::kInternal, "cannot resize an image: " + one_line(e.msg)));
  }
  Image out{height, width, {}};
  out.rgb.assign(resized.datastart, resized.dataend);
  return out;
}

Image blank_image(int height, int width, Color background) {
  Image image{height, width, std::vector<std::uint8_t>(static_cast<std::size_t>(height) * width * 3)};
  for (std::size_t i = 0; i < image.rgb.size(); i += 3)
    image.rgb[i] = background.r, image.rgb[i + 1] = background.g, image.rgb[i + 2] = background.b;
  return image;
}

// The canvas holds RGB, so colours go in as (r, g, b) in OpenCV's first three slots.
void draw_line(Image& image, int x0, int y0, int x1, int y1, Color color, int thickness) {
  cv::Mat canvas = as_mat(image);
  cv::line(canvas, {x0, y0}, {x1, y1}, cv::Scalar(color.r, color.g, color.b), thickness, cv::LINE_AA);
}

void draw_circle(Image& image, int x, int y, int radius, Color color, int thickness) {
  cv::Mat canvas = as_mat(image);
  cv::circle(canvas, {x, y}, radius, cv::Scalar(color.r, color.g, color.b), thickness < 0 ? cv::FILLED : thickness,
             cv::LINE_AA);
}

void draw_rectangle(Image& image, int x0, int y0, int x1, int y1, Color color, int thickness) {
  cv::Mat canvas = as_mat(image);
  cv::rectangle(canvas, cv::Point(x0, y0), cv::Point(x1, y1), cv::Scalar(color.r, color.g, color.b),
                thickness < 0 ? cv::FILLED : thickness, cv::LINE_8);
}

// Hershey simplex at 0.4 per unit of `scale`: about 12 pixels from the top of a capital to the
// bottom of a descender at scale 1.
constexpr double kFontScale = 0.4;

void draw_text(Image& image, int x, int y, const std::string& text, Color color, double scale, int weight) {
  cv::Mat canvas = as_mat(image);
  cv::putText(canvas, text, cv::Point(x, y + static_cast<int>(12 * scale)), cv::FONT_HERSHEY_SIMPLEX,
              kFontScale * scale, cv::Scalar(color.r, color.g, color.b), weight, cv::LINE_AA);
}

void draw_text_upwards(Image& image, int x, int y, const std::string& text, Color color, double scale) {
  // Draw on a copy of the area turned a quarter clockwise, then turn it back.
  const int width = text_width(text, scale), height = static_cast<int>(16 * scale);
  const cv::Rect area = cv::Rect(x, y - width, height, width) & cv::Rect(0, 0, image.width, image.height);
  if (area.empty()) return;
  cv::Mat canvas = as_mat(image), turned;
  cv::rotate(canvas(area), turned, cv::ROTATE_90_CLOCKWISE);
  cv::putText(turned, text, cv::Point(0, static_cast<int>(12 * scale)), cv::FONT_HERSHEY_SIMPLEX, kFontScale * scale,
              cv::Scalar(color.r, color.g, color.b), 1, cv::LINE_AA);
  cv::rotate(turned, canvas(area), cv::ROTATE_90_COUNTERCLOCKWISE);
}

int text_width(const std::string& text, double scale, int weight) {
  int baseline = 0;
  return cv::getTextSize(text, cv::FONT_HERSHEY_SIMPLEX, kFontScale * scale, weight, &baseline).width;
}

void check_png_path(const std::string& path) {
  const std::string::size_type dot = path.rfind('.');
  std::string extension = dot == std::string::npos ? "" : path.substr(dot);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension != ".png" || path.find('/', dot) != std::string::npos)
    throw Error(ExitCode::kUsage, path + ": plots are written as PNG only; give a file name ending in .png");
}

void write_png(const std::string& path, const Image& image) {
  cv::Mat bgr;
  cv::cvtColor(as_mat(image), bgr, cv::COLOR_RGB2BGR);
  std::vector<std::uint8_t> png;
  if (!cv::imencode(".png", bgr, png, {cv::IMWRITE_PNG_COMPRESSION, 9}))
    throw Error(ExitCode::kInternal, "cannot encode PNG for " + path);
  write_file_atomically(path, std::string(png.begin(), png.end()));
}

}  // namespace sacjc
