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

// The definitions, straight from the correlation matrices C = 1 - cos (correlation.h): rsa is
// 1 - Pearson's r of the entries above the diagonal, cka 1 - the cosine of the double-centred
// matrices. score.cpp computes both from the features without forming C.
double rsa_by_definition(const Outputs& x, const Outputs& y) {
  const Eigen::MatrixXd a = correlation_matrix(x).cast<double>(), b = correlation_matrix(y).cast<double>();
  std::vector<double> u, v;
  for (Eigen::Index j = 1; j < a.rows(); ++j)
    for (Eigen::Index i = 0; i < j; ++i) u.push_back(a(i, j)), v.push_back(b(i, j));
  Eigen::Map<Eigen::VectorXd> uu(u.data(), u.size()), vv(v.data(), v.size());
  uu.array() -= uu.mean();
  vv.array() -= vv.mean();
  return 1.0 - uu.dot(vv) / (uu.norm() * vv.norm());
}

double cka_by_definition(const Outputs& x, const Outputs& y) {
  auto double_centred = [](const Outputs& f) {
    Eigen::MatrixXd c = correlation_matrix(f).cast<double>();
    const Eigen::Index n = c.rows();
    const Eigen::MatrixXd h = Eigen::MatrixXd::Identity(n, n) - Eigen::MatrixXd::Constant(n, n, 1.0 / n);
    return Eigen::MatrixXd(h * c * h);
  };
  const Eigen::MatrixXd a = double_centred(x), b = double_centred(y);
  return 1.0 - (a.array() * b.array()).sum() / (a.norm() * b.norm());
}

// Feature pairs of several shapes, for both ways score.cpp computes them (features narrower than
// a sixth of the probe count, and wider): few and many probes, different widths, features wider
// than the probes are many, zero rows, a model close to another.
std::vector<std::pair<Outputs, Outputs>> feature_pairs() {
  std::srand(7);
  std::vector<std::pair<Outputs, Outputs>> pairs;
  pairs.emplace_back(Outputs::Random(3, 2), Outputs::Random(3, 4));
  pairs.emplace_back(Outputs::Random(40, 5), Outputs::Random(40, 7));
  pairs.emplace_back(Outputs::Random(12, 30), Outputs::Random(12, 9));
  Outputs with_zero = Outputs::Random(20, 6), narrow_with_zero = Outputs::Random(100, 6);
  with_zero.row(4).setZero();
  narrow_with_zero.row(50).setZero();
  pairs.emplace_back(with_zero, Outputs::Random(20, 6));
  pairs.emplace_back(narrow_with_zero, Outputs::Random(100, 3));
  Outputs base = Outputs::Random(200, 10);
  pairs.emplace_back(base, base + 0.05f * Outputs::Random(200, 10));
  return pairs;
}

TEST(ScoreTest, RsaIsOneMinusPearsonOfTheMatricesAboveTheDiagonal) {
  for (const auto& [x, y] : feature_pairs()) {
    EXPECT_NEAR(rsa_distance(x, y, "v", "s"), rsa_by_definition(x, y), 1e-5) << x.rows() << "x" << x.cols();
    EXPECT_NEAR(rsa_distance(x, x, "v", "s"), 0.0, 1e-9);
  }
  // Three probes at 0, 60 and 120 degrees against 0, 120 and 60: cosines above the diagonal
  // (0.5, -0.5, 0.5) and (-0.5, 0.5, 0.5), whose Pearson's r is -3/9 / (6/9) = -0.5.
  auto at = [](std::initializer_list<double> degrees) {
    Outputs f(degrees.size(), 2);
    int i = 0;
    for (double d : degrees) f.row(i++) << std::cos(d * M_PI / 180), std::sin(d * M_PI / 180);
    return f;
  };
  EXPECT_NEAR(rsa_distance(at({0, 60, 120}), at({0, 120, 60}), "v", "s"), 1.5, 1e-6);
}

TEST(ScoreTest, RsaIgnoresTheScaleOfOutputsAndRotationsOfTheirSpace) {
  Outputs x = Outputs::Random(50, 8), y = Outputs::Random(50, 8);
  Outputs scaled = Eigen::VectorXf::LinSpaced(50, 0.5f, 20.f).asDiagonal() * x;
  const Eigen::MatrixXf rotation = Eigen::HouseholderQR<Eigen::MatrixXf>(Eigen::MatrixXf::Random(8, 8)).householderQ();
  Outputs rotated = x * rotation;
  EXPECT_NEAR(rsa_distance(x, scaled, "v", "s"), 0.0, 1e-6);
  EXPECT_NEAR(rsa_distance(x, rotated, "v", "s"), 0.0, 1e-6);
  EXPECT_NEAR(rsa_distance(scaled, y, "v", "s"), rsa_distance(x, y, "v", "s"), 1e-6);
}

TEST(ScoreTest, RsaRefusesOutputsThatAllPointTheSameWayNamingTheModel) {
  Outputs a = Outputs::Random(10, 4);
  Outputs flat = Eigen::VectorXf::LinSpaced(10, 1.f, 3.f) * Eigen::RowVectorXf::Constant(4, 0.3f);
  for (const Outputs& constant : {flat, Outputs(Outputs::Zero(10, 4))}) {
    try {
      rsa_distance(a, constant, "victim.pt", "flat.pt");
      FAIL() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kBadInput);
      EXPECT_NE(std::string(e.what()).find("flat.pt"), std::string::npos);
    }
  }
  EXPECT_THROW(rsa_distance(Outputs::Random(2, 3), Outputs::Random(2, 3), "v", "s"), Error);  // 3 probes at least
  EXPECT_EQ(parse_metric("rsa"), Metric::kRsa);
  EXPECT_THROW(parse_metric("euclid"), Error);
}

TEST(ScoreTest, CkaIsTheCosineOfTheDoubleCentredMatrices) {
  for (const auto& [x, y] : feature_pairs()) {
    EXPECT_NEAR(cka_distance(x, y, "v", "s"), cka_by_definition(x, y), 1e-5) << x.rows() << "x" << x.cols();
    EXPECT_NEAR(cka_distance(x, x, "v", "s"), 0.0, 1e-9);
  }
  EXPECT_EQ(parse_metric("cka"), Metric::kCka);
  EXPECT_EQ(to_string(Metric::kCka), "cka");
}

TEST(ScoreTest, CkaEqualsLinearCkaOfTheUnitFeatures) {
  Outputs x = Outputs::Random(12, 5), y = Outputs::Random(12, 7);
  // Linear CKA straight from its definition on row-normalised, column-centred features.
  auto centred_units = [](const Outputs& m) {
    Eigen::MatrixXd u = m.cast<double>().rowwise().normalized();
    return Eigen::MatrixXd(u.rowwise() - u.colwise().mean());
  };
  Eigen::MatrixXd u = centred_units(x), v = centred_units(y);
  double cka = (v.transpose() * u).squaredNorm() / ((u.transpose() * u).norm() * (v.transpose() * v).norm());
  EXPECT_NEAR(cka_distance(x, y, "v", "s"), 1.0 - cka, 1e-6);
}

TEST(ScoreTest, CkaIgnoresScaleAndRefusesConstantOutputs) {
  Outputs a = Outputs::Random(20, 6);
  Outputs scaled = Eigen::VectorXf::LinSpaced(20, 0.5f, 4.f).asDiagonal() * a;
  EXPECT_NEAR(cka_distance(a, scaled, "v", "s"), 0.0, 1e-6);
  Outputs flat = Eigen::VectorXf::LinSpaced(20, 1.f, 2.f) * Eigen::RowVectorXf::Constant(6, -0.7f);
  try {
    cka_distance(a, flat, "victim.pt", "flat.pt");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::kBadInput);
    EXPECT_NE(std::string(e.what()).find("flat.pt"), std::string::npos);
  }
}

TEST(ScoreTest, MadReadsTheMatricesWhetherStoredOrNot) {
  Outputs x = Outputs::Random(15, 4), y = Outputs::Random(15, 4);
  Measurement bare = measurement_of(x), other = measurement_of(y);
  EXPECT_EQ(bare.matrix.size(), 0);
  const double computed = compare(bare, other, Metric::kMad, "v", "s");
  with_matrix(bare);
  EXPECT_EQ(bare.matrix.rows(), 15);
  EXPECT_DOUBLE_EQ(compare(bare, other, Metric::kMad, "v", "s"), computed);
  EXPECT_DOUBLE_EQ(computed, mean_absolute_distance(correlation_matrix(x), correlation_matrix(y)));
  EXPECT_TRUE(reads_matrix(Metric::kMadAgree));
  EXPECT_FALSE(reads_matrix(Metric::kRsaAgree));
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
  DefaultThreshold fri = default_threshold(Metric::kRsa, Mode::kFri);
  EXPECT_EQ(fri.value, 0.60);
  EXPECT_NE(fri.source.find("FRI mode"), std::string::npos);
  // The owner's own probes: rsa in logits mode only.
  ASSERT_TRUE(own_probes_threshold(Metric::kRsa, Mode::kLogits));
  EXPECT_EQ(own_probes_threshold(Metric::kRsa, Mode::kLogits)->value, 0.014);
  EXPECT_FALSE(own_probes_threshold(Metric::kRsa, Mode::kEmbedding));
  EXPECT_FALSE(own_probes_threshold(Metric::kCka, Mode::kLogits));
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

namespace sacjc {
namespace {

// Two probes over two classes. Probe 0: the victim's logits (0, 0) give p = (1/2, 1/2), the
// suspect's (ln 3, 0) give q = (3/4, 1/4); probe 1: the same logits for both.
struct Pointwise {
  Outputs victim{2, 2}, suspect{2, 2};
  Pointwise() {
    victim << 0, 0, 1, 2;
    suspect << static_cast<float>(std::log(3.0)), 0, 1, 2;
  }
};

TEST(PointwiseTest, CosineIsOneMinusTheMeanCosineOfTheSoftmaxOutputs) {
  Pointwise f;
  // cos(p, q) on probe 0 = (3/8 + 1/8) / (sqrt(1/2) sqrt(5/8)) = 2 / sqrt(5); probe 1: 1.
  const double expected = 1 - (2 / std::sqrt(5.0) + 1) / 2;  // 0.0527864
  EXPECT_NEAR(cosine_distance(f.victim, f.suspect, "s"), expected, 1e-7);
  EXPECT_NEAR(cosine_distance(f.suspect, f.victim, "s"), expected, 1e-7);  // symmetric
  EXPECT_NEAR(cosine_distance(f.victim, f.victim, "s"), 0.0, 1e-12);
  EXPECT_NEAR(compare(measurement_of(f.victim), measurement_of(f.suspect), Metric::kCosine, "v", "s"), expected, 1e-7);
}

TEST(PointwiseTest, KlIsTheMeanDivergenceOfTheSuspectFromTheVictim) {
  Pointwise f;
  // KL(p || q) on probe 0 = 1/2 ln(2/3) + 1/2 ln 2 = 1/2 ln(4/3); probe 1: 0.
  EXPECT_NEAR(kl_distance(f.victim, f.suspect, "s"), std::log(4.0 / 3) / 4, 1e-7);
  // The other direction, KL(q || p) = 3/4 ln(3/2) + 1/4 ln(1/2), is another number.
  EXPECT_NEAR(kl_distance(f.suspect, f.victim, "s"), (0.75 * std::log(1.5) + 0.25 * std::log(0.5)) / 2, 1e-7);
  EXPECT_NEAR(kl_distance(f.victim, f.victim, "s"), 0.0, 1e-12);
  EXPECT_NEAR(compare(measurement_of(f.victim), measurement_of(f.suspect), Metric::kKl, "v", "s"),
              std::log(4.0 / 3) / 4, 1e-7);
}

TEST(PointwiseTest, ProbabilitiesGiveTheSameDistancesAsTheirLogits) {
  Pointwise f;
  Outputs shifted = f.suspect.array() + 5.f;  // a softmax ignores a shift of the logits
  EXPECT_NEAR(kl_distance(f.victim, shifted, "s"), kl_distance(f.victim, f.suspect, "s"), 1e-6);
  // An API that answers with probabilities (rounded to 4 decimals here) is read as such.
  Outputs probabilities(2, 2);
  probabilities << 0.75f, 0.25f, 0.2689f, 0.7311f;  // softmax(1, 2) = (0.26894, 0.73106)
  EXPECT_NEAR(cosine_distance(f.victim, probabilities, "s"), cosine_distance(f.victim, f.suspect, "s"), 1e-4);
  EXPECT_NEAR(kl_distance(f.victim, probabilities, "s"), kl_distance(f.victim, f.suspect, "s"), 1e-4);
  Eigen::MatrixXd read = class_probabilities(probabilities);
  EXPECT_NEAR(read(0, 0), 0.75, 1e-7);
  EXPECT_NEAR(read.row(1).sum(), 1.0, 1e-12);
  // Rows that are not all probabilities are logits: (0.5, 0.5) alone would be, beside (1, 2) it is not.
  Outputs mixed(2, 2);
  mixed << 0.5f, 0.5f, 1, 2;
  EXPECT_NEAR(class_probabilities(mixed)(1, 1), 1 / (1 + std::exp(-1.0)), 1e-7);
}

TEST(PointwiseTest, KlStaysFiniteWhereTheSuspectGivesZero) {
  Outputs victim(1, 2), suspect(1, 2);
  victim << 0.5f, 0.5f;
  suspect << 1.f, 0.f;  // one-hot: q = 0 where p = 1/2, counted as 1e-12
  EXPECT_NEAR(kl_distance(victim, suspect, "s"), 0.5 * std::log(0.5) + 0.5 * std::log(0.5 / 1e-12), 1e-9);
}

TEST(PointwiseTest, DifferentNumbersOfClassesNameTheSuspect) {
  for (Metric metric : {Metric::kCosine, Metric::kKl}) {
    try {
      compare(measurement_of(Outputs::Zero(2, 10)), measurement_of(Outputs::Zero(2, 5)), metric, "v", "head.pt");
      FAIL() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::kBadInput);
      EXPECT_EQ(std::string(e.what()),
                "head.pt: --compare " + to_string(metric) +
                    " needs the victim's classes, but it gives 5 outputs per probe, the victim 10");
    }
  }
}

TEST(PointwiseTest, DefaultThresholdsAreTheMeasuredOnes) {
  EXPECT_EQ(default_threshold(Metric::kCosine, Mode::kLogits).value, 0.02);
  EXPECT_EQ(default_threshold(Metric::kKl, Mode::kLogits).value, 0.055);
  EXPECT_NE(default_threshold(Metric::kKl, Mode::kLogits).source.find("extraction-results.md"), std::string::npos);
  EXPECT_THROW(default_label_threshold(Metric::kCosine), Error);  // nothing measured on class labels
}

TEST(PointwiseTest, CombinationsWithRsaAndCka) {
  EXPECT_EQ(components(Metric::kRsaCosine), (std::vector<Metric>{Metric::kRsa, Metric::kCosine}));
  EXPECT_EQ(components(Metric::kCkaKl), (std::vector<Metric>{Metric::kCka, Metric::kKl}));
  EXPECT_EQ(parse_metric("rsa+kl"), Metric::kRsaKl);
  EXPECT_EQ(parse_metric("cka+cosine"), Metric::kCkaCosine);
  EXPECT_FALSE(reads_matrix(Metric::kRsaCosine));
}

}  // namespace
}  // namespace sacjc
