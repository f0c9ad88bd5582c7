// What the commands found, and the text rendering for people (json_io.h has the JSON for
// scripts, whose schema is documented in docs/manual.md; bump kReportSchemaVersion on any change
// that removes or renames a field).
#pragma once

#include <string>

#include "sacjc/audit.h"
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

// evaluate --format csv: one line per model (its distance, or the error that kept it out).
std::string format_csv(const EvaluateReport& report);

// What verify, audit or merge found, for CI systems: how the suspects were measured and one
// row per suspect, ranked.
struct SuspectsReport {
  std::string command;  // "verify", "audit" or "merge"
  AuditHeader header;
  std::vector<AuditRow> rows;
  std::vector<SkippedFile> skipped;  // audit: files not checked; the model files among them are listed
  std::string expect;                // --expect: a suspect fails when its verdict is not this (else: when stolen)
};

// A verify report as the one row of a SuspectsReport.
SuspectsReport suspects_report(const VerifyReport& report);

// SARIF 2.1.0 (GitHub code scanning, GitLab): one result per stolen suspect, with its distance,
// the threshold and the file's SHA-256 as properties; errors and skipped model files are
// notifications of the run's invocation. In report_sarif.cpp.
std::string format_sarif(const SuspectsReport& report);

// JUnit XML (GitLab, Jenkins): one test case per suspect, a failure when stolen (with --expect:
// when the verdict is not the expected one), an error element for an error row, skipped for a
// model file sacjc cannot run. In report_junit.cpp.
std::string format_junit(const SuspectsReport& report);

}  // namespace sacjc
