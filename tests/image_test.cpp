#include "sacjc/image.h"

#include <gtest/gtest.h>

#include <fstream>

#include "sacjc/error.h"
#include "sacjc/files.h"
#include "test_images.h"

namespace sacjc {
namespace {

Image read_image(const std::string& path) {
  auto bytes = read_file(path);
  return decode_image(bytes.data(), bytes.size(), path);
}

ExitCode error_code_of(const std::function<void()>& action, std::string* message = nullptr) {
  try {
    action();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  return ExitCode::kIndependent;
}

TEST(ImageTest, PngRoundTripIsLossless) {
  Image image = test_noise(20, 30, 1);
  std::string path = testing::TempDir() + "image_test.png";
  write_png(path, image);
  Image back = read_image(path);
  EXPECT_EQ(back.height, 20);
  EXPECT_EQ(back.width, 30);
  EXPECT_EQ(back.rgb, image.rgb);
}

TEST(ImageTest, FitToSameSizeIsIdentity) {
  Image image = test_noise(16, 16, 2);
  EXPECT_EQ(fit_to_size(image, 16, 16).rgb, image.rgb);
}

TEST(ImageTest, FitCropsTheCentreInsteadOfStretching) {
  // Left third red, middle third green, right third blue; a square crop keeps only green.
  Image image{10, 30, std::vector<std::uint8_t>(10 * 30 * 3, 0)};
  for (int y = 0; y < 10; ++y)
    for (int x = 0; x < 30; ++x) image.rgb[(y * 30 + x) * 3 + x / 10] = 255;
  Image square = fit_to_size(image, 5, 5);
  ASSERT_EQ(square.rgb.size(), 5u * 5 * 3);
  for (int i = 0; i < 25; ++i) {
    EXPECT_EQ(square.rgb[i * 3 + 0], 0);
    EXPECT_EQ(square.rgb[i * 3 + 1], 255);
    EXPECT_EQ(square.rgb[i * 3 + 2], 0);
  }
}

TEST(ImageTest, FitEnlargesSmallImages) {
  Image image = fit_to_size(test_gradient(8, 8), 32, 24);
  EXPECT_EQ(image.height, 32);
  EXPECT_EQ(image.width, 24);
}

TEST(ImageTest, MissingFileIsBadInputNamingIt) {
  std::string message;
  EXPECT_EQ(error_code_of([] { read_image("/nonexistent/seed.png"); }, &message), ExitCode::kBadInput);
  EXPECT_NE(message.find("/nonexistent/seed.png"), std::string::npos);
}

TEST(ImageTest, TruncatedFileIsBadInput) {
  Image image = test_noise(32, 32, 3);
  std::string path = testing::TempDir() + "image_test_truncated.png";
  write_png(path, image);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 3);
  EXPECT_EQ(error_code_of([&] { read_image(path); }), ExitCode::kBadInput);
}

TEST(ImageTest, DecodesFromMemory) {
  std::vector<std::uint8_t> junk(100, 7);
  EXPECT_EQ(error_code_of([&] { decode_image(junk.data(), junk.size(), "junk"); }), ExitCode::kBadInput);
}

// The bytes of `image` as a PNG file.
std::vector<std::uint8_t> png_bytes(const Image& image, const std::string& name) {
  std::string path = testing::TempDir() + name;
  write_png(path, image);
  return read_file(path);
}

TEST(ImageTest, PngAndBmpSizeComesFromTheHeader) {
  auto png = png_bytes(test_noise(20, 30, 2), "image_test_size.png");
  ImageSize size = check_png_or_bmp(png.data(), png.size(), "size.png");
  EXPECT_EQ(size.height, 20);
  EXPECT_EQ(size.width, 30);
  // A BMP: 14-byte file header, 40-byte info header (width 3, height -2: top-down), 24-bit rows
  // of 9 bytes padded to 12.
  std::vector<std::uint8_t> bmp = {'B', 'M', 78, 0, 0, 0, 0, 0,    0,    0,    54,   0, 0, 0,  40,
                                   0,   0,   0,  3, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 1, 0, 24, 0};
  bmp.resize(78);
  size = check_png_or_bmp(bmp.data(), bmp.size(), "size.bmp");
  EXPECT_EQ(size.height, 2);
  EXPECT_EQ(size.width, 3);
  EXPECT_EQ(decode_image(bmp.data(), bmp.size(), "size.bmp").rgb.size(), 2u * 3 * 3);
  bmp.pop_back();  // one byte of pixels missing
  std::string message;
  EXPECT_EQ(error_code_of([&] { check_png_or_bmp(bmp.data(), bmp.size(), "short.bmp"); }, &message),
            ExitCode::kBadInput);
  EXPECT_EQ(message, "short.bmp: truncated BMP");
}

TEST(ImageTest, DamagedPngIsRefusedInOneLineBeforeDecoding) {
  auto png = png_bytes(test_noise(16, 16, 4), "image_test_damaged.png");
  png[png.size() - 20] ^= 0xFF;  // inside the image data: its CRC no longer matches
  std::string message;
  EXPECT_EQ(error_code_of([&] { decode_image(png.data(), png.size(), "damaged.png"); }, &message), ExitCode::kBadInput);
  EXPECT_EQ(message, "damaged.png: damaged PNG (CRC error in the IDAT chunk)");
}

TEST(ImageTest, PlotPathsMustEndInPng) {
  for (const char* good : {"plot.png", "out/Plot.PNG", "a.b/c.png"})
    EXPECT_EQ(error_code_of([&] { check_png_path(good); }), ExitCode::kIndependent) << good;
  std::string message;
  EXPECT_EQ(error_code_of([] { check_png_path("plot.svg"); }, &message), ExitCode::kUsage);
  EXPECT_EQ(message.rfind("plot.svg: ", 0), 0u) << message;
  for (const char* bad : {"plot.jpg", "plot", "a.png/plot", ".png.d/x", "plot.png.tmp"})
    EXPECT_EQ(error_code_of([&] { check_png_path(bad); }), ExitCode::kUsage) << bad;
}

}  // namespace
}  // namespace sacjc
