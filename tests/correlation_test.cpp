#include "sacjc/correlation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "sacjc/error.h"

namespace sacjc {
namespace {

TEST(CorrelationTest, MatchesADoubleReferenceAndIsExactlySymmetric) {
  const Outputs features = Outputs::Random(150, 300);  // bands of 64 with a remainder
  const Eigen::MatrixXf c = correlation_matrix(features);
  Eigen::MatrixXd unit = features.cast<double>().rowwise().normalized();
  Eigen::MatrixXd reference = (1.0 - (unit * unit.transpose()).array()).matrix();
  EXPECT_LT((c.cast<double>() - reference).cwiseAbs().maxCoeff(), 1e-5);
  EXPECT_EQ(c, c.transpose());
}

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

namespace sacjc {
namespace {

TEST(FeaturesTest, LogitsPassThroughAndEmbeddingsAreUnitRows) {
  Outputs outputs(2, 2);
  outputs << 3, 4,  //
      0, 2;
  EXPECT_TRUE(probe_features(outputs, {}, Mode::kLogits, "m").isApprox(outputs));
  Outputs unit = probe_features(outputs, {}, Mode::kEmbedding, "m");
  EXPECT_NEAR(unit(0, 0), 0.6f, 1e-6f);
  EXPECT_NEAR(unit(1, 1), 1.0f, 1e-6f);
  // Correlation reads directions only, so embedding and logits modes give the same matrix.
  EXPECT_TRUE(correlation_matrix(unit).isApprox(correlation_matrix(outputs), 1e-6f));
}

TEST(FeaturesTest, FriIsCosinesToTheReferences) {
  Outputs probes(2, 2), references(3, 2);
  probes << 1, 0,  //
      1, 1;
  references << 2, 0,  //
      0, 5,            //
      -1, 0;
  Outputs features = probe_features(probes, references, Mode::kFri, "m");
  ASSERT_EQ(features.rows(), 2);
  ASSERT_EQ(features.cols(), 3);  // K references, whatever the embedding size
  const float h = 1 / std::sqrt(2.f);
  Outputs expected(2, 3);
  expected << 1, 0, -1,  //
      h, h, -h;
  EXPECT_TRUE(features.isApprox(expected, 1e-6f)) << features;
}

TEST(FeaturesTest, AllZeroEmbeddingIsBadInputNamingTheModel) {
  Outputs outputs(2, 2);
  outputs << 0, 0,  //
      1, 1;
  try {
    probe_features(outputs, {}, Mode::kEmbedding, "broken.pt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_NE(std::string(e.what()).find("broken.pt"), std::string::npos);
  }
  EXPECT_EQ(parse_mode("fri"), Mode::kFri);
  EXPECT_THROW(parse_mode("softmax"), Error);
}

}  // namespace
}  // namespace sacjc
