// `sacjc evaluate VICTIM --manifest FILE`: how well does the fingerprint separate this zoo's
// stolen models from its independent ones?
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/pipeline.h"

namespace sacjc {

// The known models of a zoo, shared by evaluate and calibrate.
struct ZooOptions {
  std::string manifest;
  std::vector<std::string> stolen;       // family "stolen"
  std::vector<std::string> independent;  // group "independent"
};

// Binds --manifest, --stolen and --independent.
void add_zoo_options(CLI::App* command, ZooOptions& options);

// The models named by --manifest plus --stolen and --independent; a usage Error if none.
std::vector<ZooEntry> zoo_entries(const ZooOptions& options);

struct EvaluateOptions {
  std::string victim;
  ZooOptions zoo;
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
  std::optional<double> threshold;
  std::string calibration;
  std::string format = "text";
  std::string plot;  // PNG path, or empty
  bool by_arch = false;
};

CLI::App* add_evaluate_command(CLI::App& app, EvaluateOptions& options);

// Prints the report; returns 0, or 3 when some model could not be evaluated.
int run_evaluate(EvaluateOptions options);

}  // namespace sacjc
