// What the commands found, and the text rendering for people (json_io.h has the JSON for
// scripts, whose schema is documented in docs/manual.md; bump kReportSchemaVersion on any change
// that removes or renames a field).
#pragma once

#include <string>

#include "sacjc/correlation.h"
#include "sacjc/evaluation.h"
#include "sacjc/model.h"
#include "sacjc/probes.h"
#include "sacjc/score.h"
#include "sacjc/selection.h"

namespace sacjc {

// 2: absent values are null, never "" (selection.labels, audit rows), and the fields that
// depend on an option are always present (null without it).
constexpr int kReportSchemaVersion = 2;

struct Timings {  // seconds
  double load = 0, probes = 0, victim = 0, suspect = 0, compare = 0, total = 0;
};

// What every report says about how it measured: probes, mode, comparison, threshold.
struct RunSettings {
  ProbeOptions probe_options;
  int probe_count = 0;
  std::string probe_source;
  std::string probe_sha256;
  Mode mode = Mode::kLogits;
  int reference_count = 0;  // --mode fri
  Metric metric = kDefaultMetric;
  double threshold = 0;
  std::string threshold_source;
  Selection selection;
};

struct VerifyReport {
  ModelInfo victim, suspect;
  std::string fingerprint;      // the victim's fingerprint file, if it came from one
  std::string suspect_outputs;  // black-box suspect: "scores" or "labels"; empty for a model
  std::string expected;         // --expect, if given
  RunSettings settings;
  double distance = 0;
  std::vector<double> parts;  // each component's distance (score.h components()); one for a single comparison
  Verdict verdict = Verdict::kIndependent;
  std::string calibration;       // the --calibration file, if any; then the p-values are set
  double p_value = 1;            // log-normal fit to the calibration's independent distances
  double p_value_empirical = 1;  // rank among them
  int calibration_models = 0;    // the calibration's independent models
  double false_match_rate = 0;   // share of them the operating threshold calls stolen
  int threads = 0;
  int batch_size = 0;
  Timings timings;
};

struct EvaluateReport {
  ModelInfo victim;
  RunSettings settings;
  std::vector<ModelResult> models;
  std::vector<FamilyResult> families;
  double seconds = 0;
};

std::string format_text(const VerifyReport& report);

// Writes a finished report to stdout and flushes it (stdout carries nothing else).
void print_report(const std::string& text);
std::string format_text(const EvaluateReport& report);

}  // namespace sacjc
