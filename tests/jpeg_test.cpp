#include "sacjc/jpeg.h"

#include <gtest/gtest.h>

#include <cmath>

#include "sacjc/error.h"
#include "test_images.h"

namespace sacjc {
namespace {

double mean_abs_error(const Image& a, const Image& b) {
  double sum = 0;
  for (std::size_t i = 0; i < a.rgb.size(); ++i) sum += std::abs(int(a.rgb[i]) - int(b.rgb[i]));
  return sum / a.rgb.size();
}

// Finds the SOF0 (baseline) marker and returns the luma sampling factor byte, or -1.
int baseline_luma_sampling(const std::vector<std::uint8_t>& jpeg) {
  for (std::size_t i = 2; i + 12 < jpeg.size(); ++i)
    if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0) return jpeg[i + 11];
  return -1;
}

TEST(JpegTest, RoundTripKeepsSize) {
  Image image = test_gradient(48, 40);
  Image back = jpeg_round_trip(image, 25);
  EXPECT_EQ(back.height, 48);
  EXPECT_EQ(back.width, 40);
  EXPECT_EQ(back.rgb.size(), image.rgb.size());
}

TEST(JpegTest, EncodesBaselineWithChromaSubsampled420) {
  auto jpeg = encode_jpeg(test_gradient(32, 32), 25);
  ASSERT_GE(jpeg.size(), 4u);
  EXPECT_EQ(jpeg[0], 0xFF);
  EXPECT_EQ(jpeg[1], 0xD8);
  EXPECT_EQ(baseline_luma_sampling(jpeg), 0x22);  // 2x2 luma per chroma sample: 4:2:0
}

TEST(JpegTest, LowerQualityLosesMore) {
  Image image = test_noise(64, 64, 7);
  double at_95 = mean_abs_error(image, jpeg_round_trip(image, 95));
  double at_25 = mean_abs_error(image, jpeg_round_trip(image, 25));
  double at_7 = mean_abs_error(image, jpeg_round_trip(image, 7));
  EXPECT_GT(at_25, at_95);
  EXPECT_GT(at_7, at_25);
  EXPECT_GT(at_25, 1.0);  // quality 25 really is lossy
}

TEST(JpegTest, RoundTripIsDeterministic) {
  Image image = test_noise(40, 56, 3);
  EXPECT_EQ(jpeg_round_trip(image, 25).rgb, jpeg_round_trip(image, 25).rgb);
}

TEST(JpegTest, RejectsQualityOutOfRange) {
  EXPECT_THROW(encode_jpeg(test_gradient(8, 8), 0), Error);
  EXPECT_THROW(encode_jpeg(test_gradient(8, 8), 101), Error);
}

TEST(JpegTest, GarbageIsABadInputNamingTheSource) {
  std::vector<std::uint8_t> garbage = {1, 2, 3, 4, 5};
  try {
    decode_jpeg(garbage, "garbage.jpg");
    FAIL() << "decoded garbage";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_NE(std::string(e.what()).find("garbage.jpg"), std::string::npos);
  }
}

TEST(JpegTest, SizeComesFromTheHeaderWithoutDecoding) {
  auto jpeg = encode_jpeg(test_gradient(24, 40), 50);
  for (std::size_t i = 2; i + 9 < jpeg.size(); ++i)  // make the frame header claim 65500 x 65500
    if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0) {
      for (std::size_t at : {i + 5, i + 7}) jpeg[at] = 0xFF, jpeg[at + 1] = 0xDC;
      break;
    }
  ImageSize size = jpeg_size(jpeg, "bomb.jpg");
  EXPECT_EQ(size.height, 65500);
  EXPECT_EQ(size.width, 65500);
  EXPECT_THROW(jpeg_size({1, 2, 3}, "garbage.jpg"), Error);
}

}  // namespace
}  // namespace sacjc
