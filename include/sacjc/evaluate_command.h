// `sacjc evaluate VICTIM --manifest FILE`: how well does the fingerprint separate this zoo's
// stolen models from its independent ones?
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/calibration.h"
#include "sacjc/pipeline.h"

namespace sacjc {

struct EvaluateOptions {
  std::string victim;
  std::string manifest;
  std::vector<std::string> stolen;       // without a manifest: family "stolen"
  std::vector<std::string> independent;  // without a manifest: group "independent"
  PipelineOptions pipeline;
  std::optional<double> threshold;
  std::string calibration;
  std::string format = "text";
  std::string plot;  // PNG path, or empty
  bool by_arch = false;
};

CLI::App* add_evaluate_command(CLI::App& app, EvaluateOptions& options);

// Prints the report; returns 0, or 3 when some model could not be evaluated.
int run_evaluate(EvaluateOptions options);

// The models named by --manifest plus --stolen and --independent (shared with calibrate).
std::vector<ZooEntry> zoo_entries(const std::string& manifest, const std::vector<std::string>& stolen,
                                  const std::vector<std::string>& independent);

// The operating threshold and where it comes from: --threshold, a calibration file (checked
// against the victim and probes, and kept for p-values), or the default.
struct OperatingThreshold {
  double value = 0;
  std::string source;
  std::optional<Calibration> calibration;
};
OperatingThreshold operating_threshold(const std::optional<double>& threshold, const std::string& calibration_path,
                                       const ModelInfo& victim, const ProbeSet& probes,
                                       const PipelineOptions& options);

}  // namespace sacjc
