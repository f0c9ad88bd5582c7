#include "sacjc/pipeline.h"

#include <gtest/gtest.h>

#include "sacjc/error.h"

namespace sacjc {
namespace {

Calibration combined_calibration(const std::vector<std::string>& independent_paths) {
  Calibration c;
  c.metric = Metric::kRsaAgree;
  c.independent_paths = independent_paths;
  c.independent_parts = {{0.20, 0.50}, {0.30, 0.60}, {0.25, 0.40}, {0.40, 0.70}};
  return c;
}

ModelResult result(const std::string& path, const std::vector<double>& parts) {
  return {{path, "independent", "independent", "", ""}, std::nullopt, "", {path, "", 0}, parts};
}

TEST(PipelineTest, ACalibratedModelIsLeftOutOfItsOwnNull) {
  std::vector<ModelResult> results = {result("zoo/b.pt", {0.30, 0.60})};
  const Calibration c = combined_calibration({"zoo/a.pt", "zoo/b.pt", "zoo/c.pt", "zoo/d.pt"});
  combine_results(results, c.metric, c);
  EXPECT_DOUBLE_EQ(*results[0].distance, combined_p_value({0.30, 0.60}, c.independent_parts, 1));
}

TEST(PipelineTest, AFingerprintsCalibrationFindsItsModelsByBaseName) {
  // A calibration embedded in a fingerprint names its models by base name only.
  std::vector<ModelResult> results = {result("/home/owner/zoo/b.pt", {0.30, 0.60}), result("zoo/e.pt", {0.30, 0.60})};
  const Calibration c = combined_calibration({"a.pt", "b.pt", "c.pt", "d.pt"});
  combine_results(results, c.metric, c);
  EXPECT_DOUBLE_EQ(*results[0].distance, combined_p_value({0.30, 0.60}, c.independent_parts, 1));
  EXPECT_DOUBLE_EQ(*results[1].distance, combined_p_value({0.30, 0.60}, c.independent_parts));
  EXPECT_NE(*results[0].distance, *results[1].distance);
}

}  // namespace
}  // namespace sacjc

#include "fake_model.h"

namespace sacjc {
namespace {

using fakes::FakeModel;

// Pipeline stages with fakes: no TorchScript file, no child process.
class PipelineStagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ProbeOptions options;
    options.count = 40;
    options.height = options.width = 32;
    probes = make_probes(options);
    LoadedModel model{{"victim.pt", "v-sha", 0}, std::make_unique<FakeModel>(1, 10)};
    victim.measurement = measure(model, probes, Mode::kLogits, "");
    victim.info = model.info;
    victim.probes = probes;
  }

  Measurement measured(std::unique_ptr<Model> model) {
    LoadedModel loaded{{"suspect.pt", "s-sha", 0}, std::move(model)};
    return measure(loaded, probes, Mode::kLogits, "");
  }

  ProbeSet probes;
  Victim victim;
};

TEST_F(PipelineStagesTest, MeasureGivesOneRowPerProbeAndRecordsTheOutputSize) {
  EXPECT_EQ(victim.measurement.features.rows(), 40);
  EXPECT_EQ(victim.measurement.features.cols(), 10);
  EXPECT_EQ(victim.info.output_size, 10);
  EXPECT_EQ(victim.measurement.matrix.size(), 0);  // rsa needs no matrix
}

TEST_F(PipelineStagesTest, ACopyIsStolenAndAnotherModelIsNot) {
  const PipelineOptions o;  // rsa, logits, no flags
  const OperatingThreshold threshold = victim_threshold(victim, std::nullopt, std::nullopt, o);
  EXPECT_EQ(threshold.value, default_threshold(Metric::kRsa, Mode::kLogits).value);
  Scored same = score_suspect(victim, measured(std::make_unique<FakeModel>(1, 10)), threshold, Metric::kRsa, "s");
  EXPECT_NEAR(same.distance, 0.0, 1e-9);
  Scored copy =
      score_suspect(victim, measured(std::make_unique<FakeModel>(1, 10, 0.05f)), threshold, Metric::kRsa, "s");
  EXPECT_EQ(copy.verdict, Verdict::kStolen) << copy.distance;
  Scored other = score_suspect(victim, measured(std::make_unique<FakeModel>(2, 10)), threshold, Metric::kRsa, "s");
  EXPECT_EQ(other.verdict, Verdict::kIndependent) << other.distance;
  EXPECT_GT(other.distance, copy.distance);
  EXPECT_FALSE(other.p_value.has_value());  // no calibration, no p-value
}

TEST_F(PipelineStagesTest, ThresholdComesFromTheFlagThenTheCalibrationThenTheDefault) {
  PipelineOptions o;
  Calibration c;
  c.victim_sha256 = victim.info.sha256;
  c.probe_sha256 = probes.sha256;
  c.probe_options = o.probes;
  c.metric = Metric::kRsa;
  c.mode = Mode::kLogits;
  c.threshold = 0.2;
  c.independent = {0.3, 0.4, 0.5};
  o.probes.count = 40;
  o.probes.height = o.probes.width = 32;
  c.probe_options = o.probes;
  const CalibrationFile file{"cal.json", c};
  EXPECT_EQ(victim_threshold(victim, 0.01, file, o).source, "--threshold");
  OperatingThreshold from_file = victim_threshold(victim, std::nullopt, file, o);
  EXPECT_EQ(from_file.value, 0.2);
  EXPECT_EQ(from_file.source, "calibration cal.json");
  // With a calibration the verdict comes with p-values.
  Scored other = score_suspect(victim, measured(std::make_unique<FakeModel>(2, 10)), from_file, Metric::kRsa, "s");
  ASSERT_TRUE(other.p_value && other.p_value_empirical);
  EXPECT_EQ(*other.p_value_empirical, p_value_empirical(c, other.distance));
  // A calibration made for another victim is refused, naming the file.
  Calibration wrong = c;
  wrong.victim_sha256 = "other";
  EXPECT_THROW(victim_threshold(victim, std::nullopt, CalibrationFile{"cal.json", wrong}, o), Error);
  // Class labels have their own defaults and take no calibration.
  EXPECT_THROW(victim_threshold(victim, std::nullopt, file, o, true), Error);
}

TEST_F(PipelineStagesTest, ACombinationIsScoredAgainstTheIndependentParts) {
  const std::vector<std::vector<double>> independents = {{0.2, 0.5}, {0.3, 0.6}, {0.25, 0.4}, {0.4, 0.7}};
  OperatingThreshold threshold{0.05, "--threshold", std::nullopt};
  Scored s = score_parts({0.01, 0.1}, Metric::kRsaAgree, threshold, independents);
  EXPECT_DOUBLE_EQ(s.distance, combined_p_value({0.01, 0.1}, independents));
  EXPECT_EQ(s.verdict, decide(s.distance, 0.05));
  EXPECT_EQ(score_parts({0.3}, Metric::kRsa, threshold, {}).distance, 0.3);
  // Without a calibration a combination cannot be scored in verify or audit.
  EXPECT_THROW(score_suspect(victim, victim.measurement, threshold, Metric::kRsaAgree, "s"), Error);
}

}  // namespace
}  // namespace sacjc
