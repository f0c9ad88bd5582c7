#include "sacjc/stats.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace sacjc {
namespace {

TEST(StatsTest, AucCountsPairsWithTiesAsHalf) {
  EXPECT_DOUBLE_EQ(*auc({0.1, 0.2}, {0.3, 0.4}), 1.0);
  EXPECT_DOUBLE_EQ(*auc({0.5, 0.6}, {0.3, 0.4}), 0.0);
  // Pairs: (0.1,0.15) win, (0.1,0.3) win, (0.3,0.15) loss, (0.3,0.3) tie -> 2.5 / 4.
  EXPECT_DOUBLE_EQ(*auc({0.1, 0.3}, {0.15, 0.3}), 0.625);
  EXPECT_FALSE(auc({}, {0.3}).has_value());
  EXPECT_FALSE(auc({0.1}, {}).has_value());
}

TEST(StatsTest, StudentTMatchesTables) {
  EXPECT_NEAR(student_t_cdf(0, 5), 0.5, 1e-12);
  EXPECT_NEAR(student_t_cdf(-2.015, 5), 0.05, 1e-4);    // t_{0.95,5} = 2.015
  EXPECT_NEAR(student_t_cdf(2.228, 10), 0.975, 1e-4);   // t_{0.975,10} = 2.228
  EXPECT_NEAR(student_t_cdf(-1.96, 1e6), 0.025, 1e-4);  // normal limit
  EXPECT_NEAR(normal_cdf(1.6448536), 0.95, 1e-7);
}

// An infinite t (a distance of 0 or infinity in a calibration) is a certain p-value; an
// undefined one stays undefined rather than stopping the run.
TEST(StatsTest, StudentTAtTheEdgesIsZeroOneOrNan) {
  const double infinity = std::numeric_limits<double>::infinity();
  EXPECT_EQ(student_t_cdf(-infinity, 3), 0.0);
  EXPECT_EQ(student_t_cdf(infinity, 3), 1.0);
  EXPECT_TRUE(std::isnan(student_t_cdf(std::nan(""), 3)));
  EXPECT_TRUE(std::isnan(student_t_cdf(1, std::nan(""))));
}

TEST(StatsTest, WelchMatchesAHandComputedCase) {
  // means 2 and 5, variances 1 and 8.5/3, n 3 and 4: t = -3 / sqrt(1/3 + 8.5/12).
  std::vector<double> stolen = {1, 2, 3}, independent = {3, 4.5, 5.5, 7};
  auto test = welch_test(stolen, independent);
  ASSERT_TRUE(test);
  double vs = 1.0 / 3, vi = 8.5 / 12;
  EXPECT_NEAR(test->t, -3 / std::sqrt(vs + vi), 1e-12);
  EXPECT_NEAR(test->df, (vs + vi) * (vs + vi) / (vs * vs / 2 + vi * vi / 3), 1e-12);
  EXPECT_NEAR(test->p, student_t_cdf(test->t, test->df), 1e-15);
  EXPECT_LT(test->p, 0.05);
  EXPECT_FALSE(welch_test({1}, {2, 3}).has_value());
  EXPECT_DOUBLE_EQ(welch_test({1, 1}, {2, 2})->p, 0.0);
}

TEST(StatsTest, ConfusionCountsStrictlyBelowAsStolen) {
  Confusion c = confusion_at(0.3, {0.1, 0.2, 0.4}, {0.3, 0.25, 0.5, 0.6});
  EXPECT_EQ(c.true_positives, 2);
  EXPECT_EQ(c.false_negatives, 1);
  EXPECT_EQ(c.false_positives, 1);
  EXPECT_EQ(c.true_negatives, 3);
  EXPECT_DOUBLE_EQ(c.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.f1(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.false_positive_rate(), 0.25);
  EXPECT_DOUBLE_EQ(confusion_at(0, {}, {}).f1(), 0.0);
}

TEST(StatsTest, BestF1ThresholdSeparatesSeparableSets) {
  double t = *best_f1_threshold({0.1, 0.2}, {0.4, 0.5});
  EXPECT_GT(t, 0.2);
  EXPECT_LT(t, 0.4);
  EXPECT_DOUBLE_EQ(confusion_at(t, {0.1, 0.2}, {0.4, 0.5}).f1(), 1.0);
  EXPECT_FALSE(best_f1_threshold({}, {0.4}).has_value());
}

TEST(StatsTest, ThresholdForFprAllowsAtMostThatShare) {
  std::vector<double> independent = {0.5, 0.1, 0.3, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 1.0};
  EXPECT_DOUBLE_EQ(*threshold_for_fpr(independent, 0.01), 0.1);  // nothing below it
  EXPECT_DOUBLE_EQ(*threshold_for_fpr(independent, 0.2), 0.3);   // 0.1 and 0.2 below it
  EXPECT_LE(confusion_at(*threshold_for_fpr(independent, 0.2), {}, independent).false_positive_rate(), 0.2);
  EXPECT_FALSE(threshold_for_fpr({}, 0.01).has_value());
}

TEST(StatsTest, RocRunsFromOriginToOneOne) {
  auto roc = roc_curve({0.1, 0.3}, {0.2, 0.4});
  ASSERT_GE(roc.size(), 3u);
  EXPECT_DOUBLE_EQ(roc.front().true_positive_rate, 0);
  EXPECT_DOUBLE_EQ(roc.back().false_positive_rate, 1);
  EXPECT_DOUBLE_EQ(roc[1].true_positive_rate, 0.5);  // at 0.1: one stolen caught, no false positive
  EXPECT_DOUBLE_EQ(roc[1].false_positive_rate, 0);
}

}  // namespace
}  // namespace sacjc
