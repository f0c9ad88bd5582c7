#include "sacjc/pipeline.h"

#include <gtest/gtest.h>

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
  combine_results(results, c);
  EXPECT_DOUBLE_EQ(*results[0].distance, combined_p_value({0.30, 0.60}, c.independent_parts, 1));
}

TEST(PipelineTest, AFingerprintsCalibrationFindsItsModelsByBaseName) {
  // A calibration embedded in a fingerprint names its models by base name only.
  std::vector<ModelResult> results = {result("/home/owner/zoo/b.pt", {0.30, 0.60}), result("zoo/e.pt", {0.30, 0.60})};
  const Calibration c = combined_calibration({"a.pt", "b.pt", "c.pt", "d.pt"});
  combine_results(results, c);
  EXPECT_DOUBLE_EQ(*results[0].distance, combined_p_value({0.30, 0.60}, c.independent_parts, 1));
  EXPECT_DOUBLE_EQ(*results[1].distance, combined_p_value({0.30, 0.60}, c.independent_parts));
  EXPECT_NE(*results[0].distance, *results[1].distance);
}

}  // namespace
}  // namespace sacjc
