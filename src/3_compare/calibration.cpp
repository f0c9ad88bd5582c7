#include "sacjc/calibration.h"

#include <algorithm>
#include <cmath>

#include "sacjc/error.h"
#include "sacjc/stats.h"

namespace sacjc {

double calibrated_threshold(const std::vector<double>& independent, double target_fpr) {
  auto threshold = threshold_for_fpr(independent, target_fpr);
  if (!threshold) throw Error(ExitCode::kUsage, "calibration needs at least one independent model");
  return *threshold;
}

double p_value_lognormal(const std::vector<double>& independent, double distance) {
  constexpr double kFloor = 1e-12;  // distance 0 (an exact copy) has no logarithm
  std::vector<double> logs;
  for (double d : independent) logs.push_back(std::log(std::max(d, kFloor)));
  double sd = sample_std(logs);
  if (logs.size() < 2 || sd == 0) return p_value_empirical(independent, distance);
  // The predictive distribution of one more log distance, with the mean and spread themselves
  // estimated from n models: Student's t with n - 1 degrees of freedom, scale sd * sqrt(1 + 1/n).
  const double n = static_cast<double>(logs.size());
  return student_t_cdf((std::log(std::max(distance, kFloor)) - mean(logs)) / (sd * std::sqrt(1 + 1 / n)), n - 1);
}

double p_value_empirical(const std::vector<double>& independent, double distance) {
  auto at_or_below = std::count_if(independent.begin(), independent.end(), [&](double d) { return d <= distance; });
  return (1.0 + at_or_below) / (independent.size() + 1.0);
}

double p_value_lognormal(const Calibration& c, double distance) { return p_value_lognormal(c.independent, distance); }

double p_value_empirical(const Calibration& c, double distance) { return p_value_empirical(c.independent, distance); }

double false_match_rate(const Calibration& c, double threshold) {
  auto below = std::count_if(c.independent.begin(), c.independent.end(), [&](double d) { return d < threshold; });
  return static_cast<double>(below) / c.independent.size();
}

double combined_p_value(const std::vector<double>& parts, const std::vector<std::vector<double>>& independent_parts,
                        std::optional<std::size_t> leave_out) {
  double smallest = 1;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    std::vector<double> independent;
    for (std::size_t m = 0; m < independent_parts.size(); ++m)
      if (m != leave_out) independent.push_back(independent_parts[m].at(k));
    if (independent.empty()) throw Error(ExitCode::kUsage, "combining comparisons needs independent models");
    smallest = std::min(smallest, p_value_lognormal(independent, parts[k]));
  }
  // P(the smallest of k uniform p-values <= smallest); -expm1(k log1p(-p)) keeps tiny p exact.
  return -std::expm1(static_cast<double>(parts.size()) * std::log1p(-smallest));
}

void combine_calibration(Calibration& c) {
  c.independent.clear();
  c.stolen.clear();
  for (std::size_t m = 0; m < c.independent_parts.size(); ++m)
    c.independent.push_back(combined_p_value(c.independent_parts[m], c.independent_parts, m));
  for (const auto& parts : c.stolen_parts) c.stolen.push_back(combined_p_value(parts, c.independent_parts));
}

void check_calibration_fits(const Calibration& c, const std::string& path, const std::string& victim_sha256,
                            const std::string& probe_sha256, const ProbeOptions& options, Metric metric, Mode mode) {
  if (c.mode != mode)
    throw bad_input(path, "calibration was made with --mode " + to_string(c.mode) + ", not " + to_string(mode));
  if (c.metric != metric)
    throw bad_input(path, "calibration was made with --compare " + to_string(c.metric) + ", not " + to_string(metric) +
                              "; thresholds of different comparisons do not mix");
  if (c.victim_sha256 != victim_sha256)
    throw bad_input(path, "calibration was made for a different victim model (sha256 " + c.victim_sha256.substr(0, 12) +
                              ", this victim " + victim_sha256.substr(0, 12) + ")");
  if (c.probe_sha256 != probe_sha256)
    throw bad_input(path, "calibration was made with different probes (" + std::to_string(c.probe_count) +
                              " probes, quality " + std::to_string(c.probe_options.quality) +
                              "); use the same --probes, -n, --input-size, -q and --transpose");
  const ProbeOptions& made = c.probe_options;
  if (made.channels != options.channels || made.mean != options.mean || made.std != options.std)
    throw bad_input(
        path, "calibration was made with different --channels, --mean or --std (" + to_string(made.channels) + ")");
}

OperatingThreshold operating_threshold(const std::optional<double>& threshold,
                                       const std::optional<CalibrationFile>& calibration,
                                       const std::string& victim_sha256, const std::string& probe_sha256,
                                       const ProbeOptions& options, Metric metric, Mode mode) {
  if (threshold) return {*threshold, "--threshold", std::nullopt};
  if (!calibration) {
    DefaultThreshold d = default_threshold(metric, mode);
    return {d.value, d.source, std::nullopt};
  }
  const auto& [path, c] = *calibration;
  check_calibration_fits(c, path, victim_sha256, probe_sha256, options, metric, mode);
  return {c.threshold, "calibration " + path, c};
}

}  // namespace sacjc
