// `sacjc calibrate VICTIM --independent ... -o calibration.json`: the threshold for a target
// false-positive rate, from the distances of models known to be independent.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "sacjc/evaluate_command.h"
#include "sacjc/pipeline.h"

namespace sacjc {

struct CalibrateOptions {
  std::string victim;
  ZooOptions zoo;  // stolen models are only reported, not used for the threshold
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
  double fpr = 0.01;
  std::string output;
};

CLI::App* add_calibrate_command(CLI::App& app, CalibrateOptions& options);

// Writes the calibration file and prints a summary; returns 0, or 3 when some model could not
// be measured (the file is still written from the others).
int run_calibrate(CalibrateOptions options);

}  // namespace sacjc
