#include "sacjc/csv.h"

#include <gtest/gtest.h>

namespace sacjc {
namespace {

using Views = std::vector<std::string_view>;

TEST(CsvTest, LinesAreWhatGetlineReadsWithoutTheirCarriageReturn) {
  EXPECT_EQ(split_lines("a\r\nb\n\nc"), (Views{"a", "b", "", "c"}));
  EXPECT_EQ(split_lines("a\n"), (Views{"a"}));  // no empty line after the last newline
  EXPECT_EQ(split_lines("a\n\n"), (Views{"a", ""}));
  EXPECT_EQ(split_lines("a\r"), (Views{"a"}));
  EXPECT_EQ(split_lines("a\r\r\n"), (Views{"a\r"}));  // only one
  EXPECT_TRUE(split_lines("").empty());
}

TEST(CsvTest, EverySeparatorStartsAField) {
  EXPECT_EQ(split_fields("a,b", ','), (Views{"a", "b"}));
  EXPECT_EQ(split_fields(",a,,", ','), (Views{"", "a", "", ""}));
  EXPECT_EQ(split_fields("", ','), (Views{""}));
  EXPECT_EQ(split_fields("a,b\tc", '\t'), (Views{"a,b", "c"}));
}

TEST(CsvTest, TrimDropsSpacesAndTabsAtTheEnds) {
  EXPECT_EQ(trim(" \ta b \t"), "a b");
  EXPECT_EQ(trim(" a\r "), "a\r");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("x"), "x");
  EXPECT_EQ(trim("\r a\r \r", " \r"), "a");  // or the characters given
}

}  // namespace
}  // namespace sacjc
