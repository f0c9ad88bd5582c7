#include "sacjc/probes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sacjc/error.h"
#include "sacjc/jpeg.h"
#include "test_images.h"

namespace sacjc {
namespace {
namespace fs = std::filesystem;

// A fresh directory of n noise PNGs named in reverse creation order.
std::string make_seed_dir(const std::string& name, int n, int size = 24) {
  fs::path dir = fs::path(testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (int i = 0; i < n; ++i)
    write_png((dir / ("seed_" + std::to_string(n - 1 - i) + ".png")).string(), test_noise(size, size, i));
  return dir.string();
}

ProbeOptions small_options(const std::string& dir, int count = 0) {
  ProbeOptions options;
  options.directory = dir;
  options.count = count;
  options.height = options.width = 16;
  return options;
}

ExitCode code_of(const ProbeOptions& options) {
  try {
    make_probes(options);
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::kIndependent;
}

TEST(ProbesTest, BuiltInSetHasAtLeast200Images) {
  EXPECT_GE(builtin_seed_count(), 200);
  auto seeds = builtin_seeds(3);
  ASSERT_EQ(seeds.size(), 3u);
  EXPECT_GT(seeds[0].image.height, 0);
}

TEST(ProbesTest, DefaultOptionsUseEveryBuiltInSeedAt224) {
  ProbeOptions options;
  options.count = 4;
  ProbeSet set = make_probes(options);
  EXPECT_EQ(set.count, 4);
  EXPECT_EQ(set.channels, 3);
  EXPECT_EQ(set.height, 224);
  EXPECT_EQ(set.width, 224);
  EXPECT_EQ(set.values.size(), 4u * 3 * 224 * 224);
  EXPECT_EQ(set.source, "built-in");
}

TEST(ProbesTest, SameOptionsGiveIdenticalProbes) {
  std::string dir = make_seed_dir("probes_same", 5);
  ProbeSet a = make_probes(small_options(dir)), b = make_probes(small_options(dir));
  EXPECT_EQ(a.values, b.values);
  EXPECT_EQ(a.sha256, b.sha256);
  EXPECT_EQ(a.sha256.size(), 64u);
}

TEST(ProbesTest, QualityChangesTheProbesAndTheirHash) {
  std::string dir = make_seed_dir("probes_quality", 3);
  ProbeOptions options = small_options(dir);
  ProbeSet q25 = make_probes(options);
  options.quality = 90;
  ProbeSet q90 = make_probes(options);
  EXPECT_NE(q25.values, q90.values);
  EXPECT_NE(q25.sha256, q90.sha256);
}

TEST(ProbesTest, SeedsAreSortedByNameAndCounted) {
  std::string dir = make_seed_dir("probes_sorted", 5);
  std::ofstream(fs::path(dir) / "notes.txt") << "not an image";
  auto seeds = read_seed_directory(dir, 3);
  ASSERT_EQ(seeds.size(), 3u);
  EXPECT_EQ(seeds[0].name, "seed_0.png");
  EXPECT_EQ(seeds[2].name, "seed_2.png");
  EXPECT_EQ(read_seed_directory(dir, 0).size(), 5u);
}

TEST(ProbesTest, SeedsAboveFiftyMegapixelsAreRefusedFromTheHeader) {
  // A small JPEG whose frame header claims side x side pixels: 7072^2 is 50.01 megapixels and
  // is refused by its size; 7071^2 is within the limit, so it is decoded and found damaged.
  auto message_of = [](int side) {
    auto jpeg = encode_jpeg(test_noise(16, 16, 1), 50);
    for (std::size_t i = 2; i + 9 < jpeg.size(); ++i)
      if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC0) {
        for (std::size_t at : {i + 5, i + 7})
          jpeg[at] = static_cast<std::uint8_t>(side >> 8), jpeg[at + 1] = static_cast<std::uint8_t>(side);
        break;
      }
    try {
      decode_seed(jpeg, "seed.jpg");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message_of(7072), "seed.jpg: 7072x7072 pixels is more than the 50-megapixel limit for a seed image");
  EXPECT_NE(message_of(7071).find("seed.jpg: damaged JPEG"), std::string::npos) << message_of(7071);
}

TEST(ProbesTest, SeedsShrunkWhileReadingGiveTheSameProbes) {
  std::string dir = make_seed_dir("probes_shrunk", 3, 64);
  ProbeOptions options = small_options(dir);
  options.height = 16;
  options.width = 24;
  for (bool transpose : {false, true}) {
    options.transpose = transpose;
    std::vector<Seed> shrunk = load_seeds(options);
    EXPECT_EQ(shrunk[0].image.height, transpose ? 24 : 16);
    EXPECT_EQ(probes_from_seeds(shrunk, options).sha256,
              probes_from_seeds(read_seed_directory(dir, 0), options).sha256);
  }
}

TEST(ProbesTest, ProbeIsTheJpegRoundTripOfTheResizedSeed) {
  Image seed = test_noise(16, 16, 9);
  ProbeOptions options = small_options("");
  EXPECT_EQ(make_probe(seed, options).image.rgb, jpeg_round_trip(seed, 25).rgb);
}

TEST(ProbesTest, TransposeSwapsHeightAndWidth) {
  Image seed = test_noise(30, 20, 4);
  ProbeOptions options = small_options("");
  options.height = 24;
  options.width = 16;
  options.transpose = true;
  Image probe = make_probe(seed, options).image;
  EXPECT_EQ(probe.height, 24);
  EXPECT_EQ(probe.width, 16);
  Image plain = jpeg_round_trip(fit_to_size(seed, 16, 24), 25);
  for (int y = 0; y < 24; ++y)
    for (int x = 0; x < 16; ++x) EXPECT_EQ(probe.rgb[(y * 16 + x) * 3], plain.rgb[(x * 24 + y) * 3]);
}

TEST(ProbesTest, ChannelsScalingAndNormalisation) {
  std::string dir = make_seed_dir("probes_channels", 2);
  ProbeOptions options = small_options(dir);
  ProbeSet rgb = make_probes(options);
  options.channels = Channels::kBgr;
  ProbeSet bgr = make_probes(options);
  const std::size_t plane = 16 * 16;
  for (std::size_t i = 0; i < plane; ++i) {
    EXPECT_EQ(rgb.values[i], bgr.values[2 * plane + i]);
    EXPECT_GE(rgb.values[i], 0.f);
    EXPECT_LE(rgb.values[i], 1.f);
  }
  options.channels = Channels::kGray;
  options.mean = {0.5f};
  options.std = {0.25f};
  ProbeSet gray = make_probes(options);
  EXPECT_EQ(gray.channels, 1);
  float luma = 0.299f * rgb.values[0] + 0.587f * rgb.values[plane] + 0.114f * rgb.values[2 * plane];
  EXPECT_NEAR(gray.values[0], (luma - 0.5f) / 0.25f, 1e-5f);
}

TEST(ProbesTest, UnusableDirectoriesAreBadInput) {
  EXPECT_EQ(code_of(small_options("/nonexistent/probes")), ExitCode::kBadInput);
  EXPECT_EQ(code_of(small_options(make_seed_dir("probes_empty", 0))), ExitCode::kBadInput);
  EXPECT_EQ(code_of(small_options(make_seed_dir("probes_few", 3), 5)), ExitCode::kBadInput);
}

TEST(ProbesTest, BadSettingsAreUsageErrors) {
  std::string dir = make_seed_dir("probes_settings", 2);
  ProbeOptions options = small_options(dir);
  options.mean = {0.1f, 0.2f};
  EXPECT_EQ(code_of(options), ExitCode::kUsage);
  options = small_options(dir);
  options.std = {0.f};
  EXPECT_EQ(code_of(options), ExitCode::kUsage);
  options = small_options(dir);
  options.quality = 0;
  EXPECT_EQ(code_of(options), ExitCode::kUsage);
  options = small_options("");
  options.count = builtin_seed_count() + 1;
  EXPECT_EQ(code_of(options), ExitCode::kUsage);
}

}  // namespace
TEST(ProbesTest, ProbesRebuiltFromTheirJpegsAreIdentical) {
  std::string dir = make_seed_dir("probes_from_jpegs", 3);
  ProbeOptions options = small_options(dir);
  options.height = 16;
  options.width = 24;
  options.transpose = true;
  options.mean = {0.5f};
  ProbeSet made = make_probes(options);
  ProbeSet again = probes_from_jpegs(made.names, made.jpegs, options, "again");
  EXPECT_EQ(again.sha256, made.sha256);
  EXPECT_EQ(again.values, made.values);
  EXPECT_EQ(again.names, made.names);
  options.height = 8;  // files of another size are refused
  EXPECT_THROW(probes_from_jpegs(made.names, made.jpegs, options, "again"), Error);
}

TEST(ProbesTest, ProbeCountsWhoseMatricesWouldNotFitAreRefusedUpFront) {
  // 24 bytes per probe pair: 200000 probes need 960 GB, more than any test machine has.
  std::vector<Seed> seeds(200000, Seed{"tiny.png", test_noise(1, 1, 1)});
  ProbeOptions options;
  options.height = options.width = 1;
  try {
    probes_from_seeds(seeds, options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kUsage);
    EXPECT_NE(std::string(e.what()).find("n x n matrices"), std::string::npos) << e.what();
  }
}

}  // namespace sacjc
