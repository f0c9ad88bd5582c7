// A calibration: the threshold for one victim, probe set and metric, picked from the distances
// of known-independent models for a target false-positive rate, and the distance distribution
// behind it, so verify can say how unusual a suspect's distance is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sacjc/correlation.h"
#include "sacjc/probes.h"
#include "sacjc/score.h"

namespace sacjc {

// The calibration file's "schema_version" (1 was written as "version"; both are read).
constexpr int kCalibrationVersion = 2;

struct Calibration {
  std::string victim_sha256;
  std::string probe_sha256;  // the probes the distances were measured on
  ProbeOptions probe_options;
  int probe_count = 0;
  Metric metric = kDefaultMetric;
  Mode mode = Mode::kLogits;
  double target_fpr = 0.01;
  double threshold = 0;
  std::vector<std::string> independent_paths;
  std::vector<double> independent;  // distances of the independent models, same order
  std::vector<std::string> stolen_paths;
  std::vector<double> stolen;
  // Models given as independent but left out of the null: the victim itself, or a copy of it.
  std::vector<std::string> excluded_paths, excluded_reasons;
  // A combination (--compare rsa+agree, ...): each model's distance per component, same order
  // as the paths; `independent` and `stolen` then hold the combined p-values. Empty otherwise.
  std::vector<std::vector<double>> independent_parts, stolen_parts;
};

// Picks the threshold: the largest one with at most target_fpr of the independent models below
// it (stats.h threshold_for_fpr). Throws a usage Error without independent distances.
double calibrated_threshold(const std::vector<double>& independent, double target_fpr);

// One-sided p-value of a suspect's distance under the independent models' distribution, from a
// log-normal fit (distances are positive and right-skewed: mean and sample std of their logs),
// taken as the predictive Student-t of one more model, so that a few tightly grouped models
// (a panel of 3) cannot give astronomically small values: with 3 models at 0.64 - 0.72 a
// distance of 0.46 gets p = 0.02, where the plain normal fit gave 1e-9 (docs/face-results.md).
// Falls back to the rank-based value with fewer than two distinct independent distances.
double p_value_lognormal(const Calibration& calibration, double distance);
double p_value_lognormal(const std::vector<double>& independent, double distance);

// Rank-based p-value, (1 + #independent at or below the distance) / (m + 1); never below
// 1/(m+1), so with few calibration models it cannot be small.
double p_value_empirical(const Calibration& calibration, double distance);
double p_value_empirical(const std::vector<double>& independent, double distance);

// Tippett's minimum-p method for a combination: each part's p-value under the independent
// models' values of that part (p_value_lognormal; `independent_parts` holds one row of parts
// per model), then P(min of k uniform p-values <= the smallest) = 1 - (1 - p_min)^k. A copy
// needs to stand out in one part only: a fine-tune in rsa, an extraction student in margin.
// (Fisher's method, which sums the logs, was measured too and lost: docs/manual.md, "Catching
// extraction".) With `leave_out`, that independent model is left out of the fit (to score the
// calibration's own models honestly). The parts come from the same probes and are not
// independent, so this is a score to threshold by calibration, not an exact p-value.
double combined_p_value(const std::vector<double>& parts, const std::vector<std::vector<double>>& independent_parts,
                        std::optional<std::size_t> leave_out = std::nullopt);

// The share of the calibration's independent models that `threshold` calls stolen (distance
// below it): the false-match rate among them.
double false_match_rate(const Calibration& calibration, double threshold);

// Fills a combination's `independent` and `stolen` values from their parts (independent models
// left out of their own fit).
void combine_calibration(Calibration& calibration);

// Checks that a calibration fits this victim and probe set; throws a bad-input Error naming
// `path` and the mismatch otherwise.
void check_calibration_fits(const Calibration& calibration, const std::string& path, const std::string& victim_sha256,
                            const std::string& probe_sha256, const ProbeOptions& options, Metric metric, Mode mode);

// The operating threshold and where it comes from: --threshold, a calibration file (checked
// against the victim and probes, and kept for p-values), or the metric's default.
struct OperatingThreshold {
  double value = 0;
  std::string source;
  std::optional<Calibration> calibration;
};
// A calibration as read from its file (json_io.h), with the file's name for messages and reports.
struct CalibrationFile {
  std::string path;
  Calibration calibration;
};

OperatingThreshold operating_threshold(const std::optional<double>& threshold,
                                       const std::optional<CalibrationFile>& calibration,
                                       const std::string& victim_sha256, const std::string& probe_sha256,
                                       const ProbeOptions& options, Metric metric, Mode mode);

}  // namespace sacjc
