// Image I/O and resizing with OpenCV. OpenCV reads BGR(A), possibly 16-bit or single-channel;
// everything leaves this file as 8-bit RGB so the rest of sacjc has one pixel format.
#include "sacjc/image.h"

#include <algorithm>
#include <new>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

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
    case 1: cv::cvtColor(mat, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(mat, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(mat, rgb, cv::COLOR_BGRA2RGB); break;
    default: throw bad_input(name, "unsupported channel count " + std::to_string(mat.channels()));
  }
  Image image{rgb.rows, rgb.cols, {}};
  image.rgb.assign(rgb.datastart, rgb.dataend);
  return image;
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

Image decode_image(const std::uint8_t* data, std::size_t size, const std::string& name) {
  // Only the formats sacjc documents reach OpenCV: imdecode otherwise tries every codec it was
  // built with, and Debian's DICOM reader aborts the process on some damaged input (found by
  // fuzzing).
  auto starts_with = [&](std::initializer_list<std::uint8_t> magic) {
    return size >= magic.size() && std::equal(magic.begin(), magic.end(), data);
  };
  if (!starts_with({0xFF, 0xD8, 0xFF}) && !starts_with({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}) &&
      !starts_with({'B', 'M'}))
    throw bad_input(name, "not a JPEG, PNG or BMP image");
  try {
    cv::Mat buffer(1, static_cast<int>(size), CV_8U, const_cast<std::uint8_t*>(data));
    return to_rgb_image(cv::imdecode(buffer, cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR), name);
  } catch (const cv::Exception& e) {
    rethrow(e, bad_input(name, "cannot decode image: " + e.msg));
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
    rethrow(e, Error(ExitCode::kInternal, "cannot resize an image: " + e.msg));
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

void draw_circle(Image& image, int x, int y, int radius, Color color) {
  cv::Mat canvas = as_mat(image);
  cv::circle(canvas, {x, y}, radius, cv::Scalar(color.r, color.g, color.b), cv::FILLED, cv::LINE_AA);
}

void draw_text(Image& image, int x, int y, const std::string& text, Color color, double scale) {
  cv::Mat canvas = as_mat(image);
  cv::putText(canvas, text, cv::Point(x, y + static_cast<int>(12 * scale)), cv::FONT_HERSHEY_SIMPLEX,
              0.4 * scale, cv::Scalar(color.r, color.g, color.b), 1, cv::LINE_AA);
}

void write_png(const std::string& path, const Image& image) {
  cv::Mat bgr;
  cv::cvtColor(as_mat(image), bgr, cv::COLOR_RGB2BGR);
  std::vector<std::uint8_t> png;
  if (!cv::imencode(".png", bgr, png)) throw Error(ExitCode::kInternal, "cannot encode PNG for " + path);
  write_file_atomically(path, std::string(png.begin(), png.end()));
}

}  // namespace sacjc
