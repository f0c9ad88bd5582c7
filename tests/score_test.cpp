#include "sacjc/score.h"

#include <gtest/gtest.h>

#include "sacjc/error.h"

namespace sacjc {
namespace {

TEST(ScoreTest, DistanceIsMeanAbsoluteDifferenceOverAllEntries) {
  Eigen::MatrixXf a(2, 2), b(2, 2);
  a << 0, 1, 1, 0;
  b << 0, 0.5, 0.5, 0.2;
  EXPECT_NEAR(mean_absolute_distance(a, b), (0 + 0.5 + 0.5 + 0.2) / 4, 1e-7);
}

TEST(ScoreTest, IdenticalMatricesAreZeroApart) {
  Eigen::MatrixXf a = Eigen::MatrixXf::Random(30, 30).cwiseAbs();
  EXPECT_EQ(mean_absolute_distance(a, a), 0.0);
}

TEST(ScoreTest, DistanceIsSymmetric) {
  Eigen::MatrixXf a = Eigen::MatrixXf::Random(10, 10), b = Eigen::MatrixXf::Random(10, 10);
  EXPECT_DOUBLE_EQ(mean_absolute_distance(a, b), mean_absolute_distance(b, a));
}

TEST(ScoreTest, DifferentSizesAreAnError) {
  EXPECT_THROW(mean_absolute_distance(Eigen::MatrixXf::Zero(2, 2), Eigen::MatrixXf::Zero(3, 3)), Error);
}

TEST(ScoreTest, StolenOnlyStrictlyBelowTheThreshold) {
  EXPECT_EQ(decide(0.01, 0.02), Verdict::kStolen);
  EXPECT_EQ(decide(0.02, 0.02), Verdict::kIndependent);
  EXPECT_EQ(decide(0.03, 0.02), Verdict::kIndependent);
  EXPECT_EQ(to_string(Verdict::kStolen), "stolen");
  EXPECT_EQ(to_string(Verdict::kIndependent), "independent");
}

}  // namespace
}  // namespace sacjc
