#include "sacjc/correlation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sacjc {
namespace {

TEST(CorrelationTest, MatchesHandComputedCosines) {
  Outputs outputs(3, 2);
  outputs << 1, 0,  //
      0, 2,         //
      3, 3;
  Eigen::MatrixXf c = correlation_matrix(outputs);
  const float diagonal = 1 - 1 / std::sqrt(2.f);
  Eigen::MatrixXf expected(3, 3);
  expected << 0, 1, diagonal,  //
      1, 0, diagonal,          //
      diagonal, diagonal, 0;
  EXPECT_TRUE(c.isApprox(expected, 1e-6f)) << c;
}

TEST(CorrelationTest, OppositeOutputsAreTwoApart) {
  Outputs outputs(2, 3);
  outputs << 1, -2, 3,  //
      -1, 2, -3;
  EXPECT_NEAR(correlation_matrix(outputs)(0, 1), 2.f, 1e-6f);
}

TEST(CorrelationTest, ZeroRowGivesOnesNotNan) {
  Outputs outputs(3, 2);
  outputs << 0, 0,  //
      1, 0,         //
      0, 1;
  Eigen::MatrixXf c = correlation_matrix(outputs);
  EXPECT_TRUE(c.allFinite());
  EXPECT_FLOAT_EQ(c(0, 0), 1.f);
  EXPECT_FLOAT_EQ(c(0, 2), 1.f);
  EXPECT_FLOAT_EQ(c(1, 1), 0.f);
}

TEST(CorrelationTest, IgnoresTheScaleOfEachRow) {
  Outputs outputs = Outputs::Random(20, 7);
  Outputs scaled = outputs;
  for (int i = 0; i < 20; ++i) scaled.row(i) *= 0.01f * (i + 1);
  EXPECT_TRUE(correlation_matrix(outputs).isApprox(correlation_matrix(scaled), 1e-4f));
}

TEST(CorrelationTest, IsSymmetricWithZeroDiagonalAndInRange) {
  Outputs outputs = Outputs::Random(50, 10);
  Eigen::MatrixXf c = correlation_matrix(outputs);
  EXPECT_TRUE(c.isApprox(c.transpose()));
  EXPECT_LT(c.diagonal().cwiseAbs().maxCoeff(), 1e-5f);
  EXPECT_GE(c.minCoeff(), 0.f);
  EXPECT_LE(c.maxCoeff(), 2.f);
}

TEST(CorrelationTest, AgreesWithDoublePrecision) {
  Outputs outputs = Outputs::Random(200, 100);
  Eigen::MatrixXd unit = outputs.cast<double>();
  unit.rowwise().normalize();
  Eigen::MatrixXd expected = Eigen::MatrixXd::Ones(200, 200) - unit * unit.transpose();
  Eigen::MatrixXd got = correlation_matrix(outputs).cast<double>();
  EXPECT_LT((got - expected).cwiseAbs().maxCoeff(), 1e-5);
}

}  // namespace
}  // namespace sacjc
