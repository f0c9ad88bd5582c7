#include "sacjc/size.h"

#include <gtest/gtest.h>

#include "sacjc/error.h"

namespace sacjc {
namespace {

constexpr long long kMiB = 1LL << 20;

TEST(SizeTest, BareNumbersCountTheOptionsOwnUnit) {
  EXPECT_EQ(parse_size("512", 1, "--max-model-bytes"), 512);
  EXPECT_EQ(parse_size("512", kMiB, "--max-memory"), 512 * kMiB);
  EXPECT_EQ(parse_size("0", kMiB, "--max-memory"), 0);
}

TEST(SizeTest, SuffixesArePowersOf1024InAnySpelling) {
  EXPECT_EQ(parse_size("512M", 1, "--x"), 512 * kMiB);
  EXPECT_EQ(parse_size("2G", kMiB, "--x"), 2LL << 30);
  EXPECT_EQ(parse_size("2g", 1, "--x"), 2LL << 30);
  EXPECT_EQ(parse_size("2GB", 1, "--x"), 2LL << 30);
  EXPECT_EQ(parse_size("2GiB", 1, "--x"), 2LL << 30);
  EXPECT_EQ(parse_size("3k", 1, "--x"), 3072);
  EXPECT_EQ(parse_size("1T", 1, "--x"), 1LL << 40);
  EXPECT_EQ(parse_size("100B", kMiB, "--x"), 100);  // B overrides the bare unit
}

TEST(SizeTest, FractionsRoundDownToWholeBytes) {
  EXPECT_EQ(parse_size("1.5G", 1, "--x"), 3LL << 29);
  EXPECT_EQ(parse_size("0.5", 1, "--x"), 0);
  EXPECT_EQ(parse_size("1.5K", 1, "--x"), 1536);
}

TEST(SizeTest, BadValuesAreOneShortUsageError) {
  for (const char* text : {"", "abc", "-1", "12Q", "1.2.3", "M", " 5", "5 M", "1e9"}) {
    try {
      parse_size(text, 1, "--max-model-bytes");
      FAIL() << "accepted '" << text << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kUsage) << text;
      EXPECT_EQ(std::string(e.what()).rfind("--max-model-bytes: '", 0), 0u) << e.what();
    }
  }
}

TEST(SizeTest, HugeNumbersAreRefusedWithoutEchoingThemWhole) {
  const std::string huge(300, '9');
  try {
    parse_size(huge, 1, "--max-memory");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kUsage);
    EXPECT_LT(std::string(e.what()).size(), 120u) << e.what();
    EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos);
  }
  EXPECT_THROW(parse_size("5000000T", 1, "--x"), Error);  // over 2^62 bytes
}

TEST(SizeTest, FormatsInTheLargestWholeUnit) {
  EXPECT_EQ(format_size(100), "100 bytes");
  EXPECT_EQ(format_size(512 * kMiB), "512 MiB");
  EXPECT_EQ(format_size(3LL << 29), "1.5 GiB");
}

}  // namespace
}  // namespace sacjc
