// `sacjc verify VICTIM SUSPECT`: is the suspect a copy of the victim?
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "sacjc/pipeline.h"

namespace sacjc {

struct VerifyOptions {
  std::string victim;
  std::string suspect;
  PipelineOptions pipeline;
  std::optional<double> threshold;
  std::string calibration;  // calibration file: its threshold, and p-values in the report
  std::string format = "text";
  std::string heatmap;  // PNG path, or empty
};

// Adds the subcommand and binds its flags to `options`, which must outlive parsing.
CLI::App* add_verify_command(CLI::App& app, VerifyOptions& options);

// Runs verify; returns the exit code of the verdict (0 independent, 1 stolen). Errors throw.
int run_verify(VerifyOptions options);

}  // namespace sacjc
