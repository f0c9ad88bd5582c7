// Evaluating the fingerprint over a model zoo: per-model distances to the victim, summarised
// per attack family against its independent group (AUC, Welch p-value, F1 at a threshold).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sacjc/manifest.h"
#include "sacjc/model.h"
#include "sacjc/score.h"
#include "sacjc/stats.h"

namespace sacjc {

struct ModelResult {
  ZooEntry entry;
  std::optional<double> distance;  // empty when the model could not be evaluated
  std::string error;               // why, when distance is empty
  ModelInfo info;
  std::vector<double> parts;  // a combination's distance per component (score.h components())
};

struct FamilyResult {
  std::string family;
  std::string role;      // "stolen" or "independent"
  std::string baseline;  // stolen: the independent group compared with
  int models = 0;        // evaluated models (errors excluded)
  int errors = 0;
  double mean_distance = 0;
  std::optional<double> auc;                // stolen vs baseline
  std::optional<WelchTest> welch;           // stolen vs baseline
  Confusion at_threshold;                   // stolen: with the baseline's models; independent: alone
  std::optional<double> best_f1_threshold;  // stolen vs baseline
  double best_f1 = 0;
  std::string note;  // why a statistic is missing
};

// Groups models by family and computes each family's statistics at `threshold`.
std::vector<FamilyResult> summarize(const std::vector<ModelResult>& models, double threshold);

// The same models with every family and baseline suffixed "@arch", so summarize compares each
// architecture's copies with independent models of that architecture. Models without an
// architecture are left out.
std::vector<ModelResult> split_by_arch(const std::vector<ModelResult>& models);

// Distances of the evaluated models of one role and family (all families when family empty).
std::vector<double> distances_of(const std::vector<ModelResult>& models, const std::string& role,
                                 const std::string& family = "");

}  // namespace sacjc
