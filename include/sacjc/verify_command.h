// `sacjc verify VICTIM SUSPECT`: is the suspect a copy of the victim? VICTIM may be a model or a
// fingerprint file; a black-box suspect is given as its collected outputs instead.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "sacjc/pipeline.h"

namespace sacjc {

struct VerifyOptions {
  std::string victim;
  std::string suspect;
  std::string suspect_outputs;  // CSV or .npy of a black-box suspect's outputs on the exported probes
  PipelineOptions pipeline;
  std::optional<double> threshold;
  std::string calibration;  // calibration file: its threshold, and p-values in the report
  std::string format = "text";
  std::string plot;    // PNG path, or empty
  std::string expect;  // "independent" or "stolen": exit 0 exactly when the verdict is this
  const CLI::App* command = nullptr;
};

// Adds the subcommand and binds its flags to `options`, which must outlive parsing.
CLI::App* add_verify_command(CLI::App& app, VerifyOptions& options);

// Runs verify; returns the exit code of the verdict (0 independent, 1 stolen; with --expect,
// 0 when the verdict is the expected one and 1 otherwise). Errors throw.
int run_verify(VerifyOptions options);

}  // namespace sacjc
