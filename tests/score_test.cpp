#include "sacjc/score.h"

#include <gtest/gtest.h>

#include <cmath>

#include "sacjc/correlation.h"
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

Eigen::MatrixXf symmetric_random(int n, unsigned seed) {
  std::srand(seed);
  Eigen::MatrixXf m = Eigen::MatrixXf::Random(n, n).cwiseAbs();
  m = (m + m.transpose()).eval() / 2;
  m.diagonal().setZero();
  return m;
}

TEST(ScoreTest, RsaIsOneMinusPearsonOfTheUpperTriangle) {
  Eigen::MatrixXf a(3, 3), b(3, 3);
  a << 0, 1, 2,  //
      1, 0, 3,   //
      2, 3, 0;
  b << 9, 2, 4,  //
      7, 9, 6,   //
      5, 8, 9;   // upper triangle (2, 4, 6): perfectly correlated with (1, 2, 3)
  EXPECT_NEAR(rsa_distance(a, b, "v", "s"), 0.0, 1e-12);
  Eigen::MatrixXf c = a;
  c(0, 1) = 3, c(1, 2) = 1;  // (3, 2, 1): perfectly anti-correlated
  EXPECT_NEAR(rsa_distance(a, c, "v", "s"), 2.0, 1e-12);
  Eigen::MatrixXf d = a;
  d(0, 1) = 2, d(0, 2) = 1, d(1, 2) = 2;  // (2, 1, 2) vs (1, 2, 3): r = 0
  EXPECT_NEAR(rsa_distance(a, d, "v", "s"), 1.0, 1e-12);
}

TEST(ScoreTest, RsaIgnoresTheLevelAndScaleOfAMatrix) {
  Eigen::MatrixXf a = symmetric_random(40, 1), b = symmetric_random(40, 2);
  Eigen::MatrixXf shifted_scaled = (b.array() * 0.1f + 0.5f).matrix();
  EXPECT_NEAR(rsa_distance(a, b, "v", "s"), rsa_distance(a, shifted_scaled, "v", "s"), 1e-5);
  Eigen::MatrixXf a_shifted = (a.array() * 0.1f + 0.5f).matrix();
  EXPECT_NEAR(rsa_distance(a, a_shifted, "v", "s"), 0.0, 1e-6);
  EXPECT_GT(mean_absolute_distance(a, a_shifted), 0.1);  // while the paper's distance moves
}

TEST(ScoreTest, RsaRefusesAConstantMatrixNamingIt) {
  Eigen::MatrixXf a = symmetric_random(10, 3), flat = Eigen::MatrixXf::Constant(10, 10, 0.3f);
  try {
    rsa_distance(a, flat, "victim.pt", "flat.pt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_NE(std::string(e.what()).find("flat.pt"), std::string::npos);
  }
  EXPECT_EQ(mean_absolute_distance(a, a), 0.0);
  EXPECT_EQ(parse_metric("rsa"), Metric::kRsa);
  EXPECT_THROW(parse_metric("cosine"), Error);
}

TEST(ScoreTest, CkaOnHandComputedMatrices) {
  // Double-centring gives (1/9)[[-10,2,8],[2,-4,2],[8,2,-10]] and (1/9)[[-10,8,2],[8,-10,2],
  // [2,2,-4]]: inner product 252/81, both squared norms 360/81, so CKA = 252/360 = 0.7.
  Eigen::MatrixXf a(3, 3), b(3, 3);
  a << 0, 1, 2, 1, 0, 1, 2, 1, 0;
  b << 0, 2, 1, 2, 0, 1, 1, 1, 0;
  EXPECT_NEAR(cka_distance(a, b, "v", "s"), 0.3, 1e-9);
  EXPECT_NEAR(cka_distance(a, a, "v", "s"), 0.0, 1e-12);
  EXPECT_EQ(parse_metric("cka"), Metric::kCka);
  EXPECT_EQ(to_string(Metric::kCka), "cka");
}

TEST(ScoreTest, CkaEqualsLinearCkaOfTheUnitFeatures) {
  Outputs x = Outputs::Random(12, 5), y = Outputs::Random(12, 7);
  double from_matrices = cka_distance(correlation_matrix(x), correlation_matrix(y), "v", "s");
  // Linear CKA straight from its definition on row-normalised, column-centred features.
  auto centred_units = [](const Outputs& m) {
    Eigen::MatrixXd u = m.cast<double>().rowwise().normalized();
    return Eigen::MatrixXd(u.rowwise() - u.colwise().mean());
  };
  Eigen::MatrixXd u = centred_units(x), v = centred_units(y);
  double cka = (v.transpose() * u).squaredNorm() / ((u.transpose() * u).norm() * (v.transpose() * v).norm());
  EXPECT_NEAR(from_matrices, 1.0 - cka, 1e-5);
}

TEST(ScoreTest, CkaIgnoresLevelAndScaleAndRefusesConstantMatrices) {
  Eigen::MatrixXf a = symmetric_random(20, 5);
  Eigen::MatrixXf a_shifted = (a.array() * 3.0f + 0.25f).matrix();
  EXPECT_NEAR(cka_distance(a, a_shifted, "v", "s"), 0.0, 1e-6);
  Eigen::MatrixXf flat = Eigen::MatrixXf::Constant(20, 20, 0.3f);
  try {
    cka_distance(a, flat, "victim.pt", "flat.pt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_NE(std::string(e.what()).find("flat.pt"), std::string::npos);
  }
}

TEST(ScoreTest, LabelThresholdsAreTheirOwnAndCkaHasNone) {
  EXPECT_EQ(default_label_threshold(Metric::kRsa), 0.50);
  EXPECT_EQ(default_label_threshold(Metric::kMad), 0.14);
  EXPECT_THROW(default_label_threshold(Metric::kCka), Error);
  EXPECT_EQ(default_threshold(Metric::kCka, Mode::kLogits).value, 0.047);
}

TEST(ScoreTest, DefaultsArePerModeAndNameWhereTheyWereMeasured) {
  DefaultThreshold classifier = default_threshold(Metric::kRsa, Mode::kLogits);
  EXPECT_EQ(classifier.value, 0.032);
  EXPECT_NE(classifier.source.find("classifiers"), std::string::npos);
  DefaultThreshold face = default_threshold(Metric::kRsa, Mode::kEmbedding);
  EXPECT_EQ(face.value, 0.50);
  EXPECT_NE(face.source.find("face"), std::string::npos);
  // Nothing measured for cka on face descriptors: the classifiers' value, and the report says so.
  DefaultThreshold unmeasured = default_threshold(Metric::kCka, Mode::kEmbedding);
  EXPECT_EQ(unmeasured.value, 0.047);
  EXPECT_NE(unmeasured.source.find("nothing is measured"), std::string::npos);
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

namespace sacjc {
namespace {

TEST(AgreeTest, IsOneMinusTheShareOfSameTopClasses) {
  Outputs victim(4, 3), suspect(4, 3);
  victim << 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 2, 1;
  suspect << 3, 1, 1, 0, 5, 0, 1, 0, 0, 0, 0, 1;  // same, same, differs, differs
  EXPECT_DOUBLE_EQ(agree_distance(victim, suspect, "s"), 0.5);
  EXPECT_DOUBLE_EQ(agree_distance(victim, victim, "s"), 0.0);
  // Through compare(), from the measurements' features.
  EXPECT_DOUBLE_EQ(compare(measurement_of(victim), measurement_of(suspect), Metric::kAgree, "v", "s"), 0.5);
}

TEST(AgreeTest, DifferentNumbersOfClassesNameTheSuspect) {
  try {
    agree_distance(Outputs::Zero(2, 3), Outputs::Zero(2, 5), "head.pt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_EQ(std::string(e.what()).rfind("head.pt: ", 0), 0u);
  }
}

TEST(CombinationTest, PartsFollowTheComponents) {
  EXPECT_EQ(components(Metric::kRsaAgree), (std::vector<Metric>{Metric::kRsa, Metric::kAgree}));
  EXPECT_EQ(components(Metric::kCka), (std::vector<Metric>{Metric::kCka}));
  EXPECT_TRUE(is_combined(Metric::kMadAgree));
  EXPECT_FALSE(is_combined(Metric::kAgree));
  for (const std::string& name : metric_names()) EXPECT_EQ(to_string(parse_metric(name)), name);
  Outputs victim = Outputs::Random(6, 4), suspect = Outputs::Random(6, 4);
  Measurement v = measurement_of(victim), s = measurement_of(suspect);
  std::vector<double> parts = compare_parts(v, s, Metric::kRsaAgree, "v", "s");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_DOUBLE_EQ(parts[0], compare(v, s, Metric::kRsa, "v", "s"));
  EXPECT_DOUBLE_EQ(parts[1], agree_distance(victim, suspect, "s"));
  EXPECT_THROW(compare(v, s, Metric::kRsaAgree, "v", "s"), Error);
  // A combination has no default threshold: it is a p-value that needs a calibration.
  EXPECT_THROW(default_threshold(Metric::kRsaAgree, Mode::kLogits), Error);
}

}  // namespace
}  // namespace sacjc

namespace sacjc {
namespace {

TEST(MarginTest, ScoresOnlyTheVictimsMistakesScaleFree) {
  // Probes 0 and 2 are the victim's mistakes (labels 1 and 0, victim says 0 and 2); probe 1 it
  // gets right and does not count.
  Outputs victim(3, 3), suspect(3, 3);
  victim << 2, 0, 0, 0, 2, 0, 0, 0, 2;
  suspect << 1, -1, 0, 5, 0, 0, 0, 0, 0;
  const std::vector<int> labels = {1, 1, 0};
  // Probe 0: row (1, -1, 0), population std sqrt(2/3); margin (1 - -1) / 0.8165 = 2.449.
  // Probe 2: a constant row prefers nothing and is skipped. Distance 1 / (1 + e^2.449).
  EXPECT_NEAR(margin_distance(victim, suspect, labels, "s"), 1 / (1 + std::exp(2 / std::sqrt(2.0 / 3))), 1e-6);
  // Scaling or shifting the suspect's outputs (a temperature) changes nothing.
  Outputs hot = suspect * 7.f;
  hot.array() += 3.f;
  EXPECT_NEAR(margin_distance(victim, hot, labels, "s"), margin_distance(victim, suspect, labels, "s"), 1e-6);
  // A suspect that leans to the truth is far: above 0.5.
  Outputs honest(3, 3);
  honest << -1, 1, 0, 0, 1, 0, 1, 0, -1;
  EXPECT_GT(margin_distance(victim, honest, labels, "s"), 0.5);
}

TEST(MarginTest, NeedsTheVictimsMistakes) {
  Outputs victim(2, 2);
  victim << 1, 0, 0, 1;
  EXPECT_THROW(margin_distance(victim, victim, {0, 1}, "s"), Error);  // the victim is always right
  EXPECT_THROW(margin_distance(victim, victim, {}, "s"), Error);      // no labels
  try {
    margin_distance(victim, Outputs::Zero(2, 5), {1, 0}, "head.pt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
  }
}

}  // namespace
}  // namespace sacjc
