#include "sacjc/calibration.h"

#include <algorithm>
#include <cmath>

#include "sacjc/error.h"
#include "sacjc/json_io.h"
#include "sacjc/stats.h"

namespace sacjc {

double calibrated_threshold(const std::vector<double>& independent, double target_fpr) {
  auto threshold = threshold_for_fpr(independent, target_fpr);
  if (!threshold) throw Error(ExitCode::kUsage, "calibration needs at least one independent model");
  return *threshold;
}

double p_value_lognormal(const Calibration& c, double distance) {
  constexpr double kFloor = 1e-12;  // distance 0 (an exact copy) has no logarithm
  std::vector<double> logs;
  for (double d : c.independent) logs.push_back(std::log(std::max(d, kFloor)));
  double sd = sample_std(logs);
  if (logs.size() < 2 || sd == 0) return p_value_empirical(c, distance);
  return normal_cdf((std::log(std::max(distance, kFloor)) - mean(logs)) / sd);
}

double p_value_empirical(const Calibration& c, double distance) {
  auto at_or_below = std::count_if(c.independent.begin(), c.independent.end(),
                                   [&](double d) { return d <= distance; });
  return (1.0 + at_or_below) / (c.independent.size() + 1.0);
}

void check_calibration_fits(const Calibration& c, const std::string& path,
                            const std::string& victim_sha256, const std::string& probe_sha256,
                            const ProbeOptions& options, Metric metric, Mode mode) {
  if (c.mode != mode)
    throw bad_input(path, "calibration was made with --mode " + to_string(c.mode) + ", not " + to_string(mode));
  if (c.metric != metric)
    throw bad_input(path, "calibration was made with --compare " + to_string(c.metric) + ", not " + to_string(metric) +
                              "; thresholds of different comparisons do not mix");
  if (c.victim_sha256 != victim_sha256)
    throw bad_input(path, "calibration was made for a different victim model (sha256 " +
                              c.victim_sha256.substr(0, 12) + ", this victim " + victim_sha256.substr(0, 12) + ")");
  if (c.probe_sha256 != probe_sha256)
    throw bad_input(path, "calibration was made with different probes (" + std::to_string(c.probe_count) +
                              " probes, quality " + std::to_string(c.probe_options.quality) +
                              "); use the same --probes, -n, --input-size, -q and --transpose");
  const ProbeOptions& made = c.probe_options;
  if (made.channels != options.channels || made.mean != options.mean || made.std != options.std)
    throw bad_input(path, "calibration was made with different --channels, --mean or --std (" +
                              to_string(made.channels) + ")");
}

OperatingThreshold operating_threshold(const std::optional<double>& threshold, const std::string& calibration_path,
                                       const std::string& victim_sha256, const std::string& probe_sha256,
                                       const ProbeOptions& options, Metric metric, Mode mode) {
  if (threshold) return {*threshold, "--threshold", std::nullopt};
  if (calibration_path.empty()) return {default_threshold(metric), kDefaultThresholdSource, std::nullopt};
  Calibration calibration = read_calibration(calibration_path);
  check_calibration_fits(calibration, calibration_path, victim_sha256, probe_sha256, options, metric, mode);
  return {calibration.threshold, "calibration " + calibration_path, calibration};
}

}  // namespace sacjc
