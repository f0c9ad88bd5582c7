#include "sacjc/calibration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "sacjc/error.h"
#include "sacjc/json_io.h"

namespace sacjc {
namespace {

Calibration sample() {
  Calibration c;
  c.victim_sha256 = std::string(64, 'a');
  c.probe_sha256 = std::string(64, 'b');
  c.probe_count = 100;
  c.independent = {0.10, 0.20, 0.30, 0.40};
  c.independent_paths = {"a", "b", "c", "d"};
  c.stolen = {0.01};
  c.stolen_paths = {"s"};
  c.threshold = calibrated_threshold(c.independent, 0.01);
  return c;
}

std::string write(const std::string& name, const std::string& text) {
  std::string path = testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

ExitCode read_code(const std::string& text) {
  try {
    read_calibration(write("calibration_bad.json", text));
  } catch (const Error& e) {
    return e.code();
  }
  return ExitCode::kIndependent;
}

TEST(CalibrationTest, ThresholdKeepsTheFalsePositiveRate) {
  EXPECT_DOUBLE_EQ(sample().threshold, 0.10);  // no independent model strictly below it
  EXPECT_DOUBLE_EQ(calibrated_threshold({0.1, 0.2, 0.3, 0.4}, 0.25), 0.2);
  EXPECT_THROW(calibrated_threshold({}, 0.01), Error);
}

TEST(CalibrationTest, FewTightIndependentModelsGiveModestPValues) {
  // A panel of three public face networks (docs/face-results.md): a fine-tune at 0.464 is
  // unusual, but three models cannot make it a one-in-a-billion event.
  const std::vector<double> panel{0.7014, 0.7194, 0.6353};
  const double p = p_value_lognormal(panel, 0.464);
  EXPECT_GT(p, 0.005);
  EXPECT_LT(p, 0.05);
  EXPECT_GT(p_value_lognormal(panel, 0.63), 0.05);
}

TEST(CalibrationTest, PValuesAreSmallFarBelowTheIndependentModels) {
  Calibration c = sample();
  EXPECT_LT(p_value_lognormal(c, 0.01), 0.05);
  EXPECT_LT(p_value_lognormal(c, 0.0), 1e-4);
  // The geometric mean of the independent distances sits at the median of the fit.
  EXPECT_NEAR(p_value_lognormal(c, std::pow(0.1 * 0.2 * 0.3 * 0.4, 0.25)), 0.5, 1e-9);
  EXPECT_GT(p_value_lognormal(c, 0.35), 0.5);
  EXPECT_DOUBLE_EQ(p_value_empirical(c, 0.0), 1.0 / 5);  // floor 1/(m+1) with m = 4
  EXPECT_DOUBLE_EQ(p_value_empirical(c, 0.25), 3.0 / 5);
}

TEST(CombinationPValueTest, OnePartIsItsOwnPValue) {
  const std::vector<std::vector<double>> independent = {{0.1}, {0.2}, {0.4}};
  EXPECT_NEAR(combined_p_value({0.05}, independent), p_value_lognormal(std::vector<double>{0.1, 0.2, 0.4}, 0.05),
              1e-12);
}

TEST(CombinationPValueTest, TwoPartsCombineByHand) {
  // Tippett: with part p-values p1 and p2 (each under its own part's fit), 1 - (1 - min)^2.
  const std::vector<std::vector<double>> independent = {{std::exp(-1.0), std::exp(-1.0)},
                                                        {std::exp(1.0), std::exp(1.0)}};
  const std::vector<double> part = {std::exp(-1.0), std::exp(1.0)};
  const double near = 0.05, nearer = 0.01;
  const double p_near = p_value_lognormal(part, near), p_nearer = p_value_lognormal(part, nearer);
  ASSERT_LT(p_nearer, p_near);
  EXPECT_NEAR(combined_p_value({near, nearer}, independent), 1 - (1 - p_nearer) * (1 - p_nearer), 1e-12);
  EXPECT_NEAR(combined_p_value({nearer, near}, independent), 1 - (1 - p_nearer) * (1 - p_nearer), 1e-12);
  EXPECT_NEAR(combined_p_value({near, near}, independent), 1 - (1 - p_near) * (1 - p_near), 1e-12);
  // One part far out is enough; both parts typical of an independent model give nothing small.
  EXPECT_LT(combined_p_value({1e-6, 1.0}, independent), combined_p_value({near, 1.0}, independent));
  EXPECT_GT(combined_p_value({1.0, 1.0}, independent), 0.5);
}

TEST(CombinationPValueTest, LeaveOutDropsThatModelFromTheFit) {
  const std::vector<std::vector<double>> three = {{0.1, 0.3}, {0.2, 0.5}, {0.4, 0.4}};
  const std::vector<std::vector<double>> two = {three[0], three[2]};
  EXPECT_DOUBLE_EQ(combined_p_value({0.15, 0.5}, three, 1), combined_p_value({0.15, 0.5}, two));
  EXPECT_NE(combined_p_value({0.15, 0.5}, three), combined_p_value({0.15, 0.5}, two));
}

TEST(CombinationPValueTest, CalibrationOfACombinationRoundTrips) {
  Calibration c = sample();
  c.metric = Metric::kRsaAgree;
  c.independent_parts = {{0.05, 0.4}, {0.06, 0.5}, {0.08, 0.45}, {0.07, 0.6}};
  c.stolen_parts = {{0.001, 0.1}};
  combine_calibration(c);
  ASSERT_EQ(c.independent.size(), 4u);
  EXPECT_DOUBLE_EQ(c.independent[2], combined_p_value(c.independent_parts[2], c.independent_parts, 2));
  EXPECT_LT(c.stolen[0], 1e-3);
  c.threshold = calibrated_threshold(c.independent, 0.01);
  Calibration back = read_calibration(write("combined.json", format_json(c)));
  EXPECT_EQ(back.independent_parts, c.independent_parts);
  EXPECT_EQ(back.stolen_parts, c.stolen_parts);
  // Parts that do not match the models are refused.
  c.independent_parts.pop_back();
  EXPECT_EQ(read_code(format_json(c)), ExitCode::kBadInput);
}

TEST(CalibrationTest, FileRoundTripsThroughJson) {
  Calibration c = sample();
  c.metric = Metric::kMad;
  c.probe_options.quality = 18;
  Calibration back = read_calibration(write("calibration.json", format_json(c)));
  EXPECT_EQ(back.victim_sha256, c.victim_sha256);
  EXPECT_EQ(back.probe_sha256, c.probe_sha256);
  EXPECT_EQ(back.independent, c.independent);
  EXPECT_EQ(back.stolen_paths, c.stolen_paths);
  EXPECT_EQ(back.metric, Metric::kMad);
  EXPECT_EQ(back.probe_options.quality, 18);
  EXPECT_DOUBLE_EQ(back.threshold, c.threshold);
}

TEST(CalibrationTest, MalformedOrNewerFilesAreBadInput) {
  std::string good = format_json(sample());
  EXPECT_EQ(read_code(""), ExitCode::kBadInput);
  EXPECT_EQ(read_code("{}"), ExitCode::kBadInput);
  EXPECT_EQ(read_code(good.substr(0, good.size() / 2)), ExitCode::kBadInput);
  const std::string version = "\"schema_version\": " + std::to_string(kCalibrationVersion);
  ASSERT_NE(good.find(version), std::string::npos) << good;
  std::string newer = good;
  newer.replace(newer.find(version), version.size(), "\"schema_version\": 99");
  EXPECT_EQ(read_code(newer), ExitCode::kBadInput);
  std::string old_newer = good;  // files before schema_version said "version"
  old_newer.replace(old_newer.find(version), version.size(), "\"version\": 99");
  EXPECT_EQ(read_code(old_newer), ExitCode::kBadInput);
  std::string other_metric = good;
  other_metric.replace(other_metric.find("\"metric\": \"rsa\""), 15, "\"metric\": \"xyz\"");
  EXPECT_EQ(read_code(other_metric), ExitCode::kBadInput);
}

TEST(CalibrationTest, FilesWrittenWithTheOldVersionFieldStillRead) {
  std::string old = format_json(sample());
  const std::string version = "\"schema_version\": " + std::to_string(kCalibrationVersion);
  old.replace(old.find(version), version.size(), "\"version\": 1");
  EXPECT_EQ(parse_calibration(old, "old.json").threshold, sample().threshold);
}

TEST(CalibrationTest, RefusesAnotherVictimProbeSetOrMetric) {
  Calibration c = sample();
  ProbeOptions options;
  EXPECT_NO_THROW(check_calibration_fits(c, "cal.json", c.victim_sha256, c.probe_sha256, options, c.metric, c.mode));
  EXPECT_THROW(check_calibration_fits(c, "cal.json", std::string(64, 'x'), c.probe_sha256, options, c.metric, c.mode),
               Error);
  EXPECT_THROW(check_calibration_fits(c, "cal.json", c.victim_sha256, std::string(64, 'x'), options, c.metric, c.mode),
               Error);
  EXPECT_THROW(check_calibration_fits(c, "cal.json", c.victim_sha256, c.probe_sha256, options, Metric::kMad, c.mode),
               Error);
  EXPECT_THROW(check_calibration_fits(c, "cal.json", c.victim_sha256, c.probe_sha256, options, c.metric, Mode::kFri),
               Error);
  options.channels = Channels::kGray;
  EXPECT_THROW(check_calibration_fits(c, "cal.json", c.victim_sha256, c.probe_sha256, options, c.metric, c.mode),
               Error);
}

}  // namespace
}  // namespace sacjc
