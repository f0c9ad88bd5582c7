// `sacjc probes export VICTIM_OR_SACFP --out DIR`: the exact probe images, for suspects that can
// only be queried through an API.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "sacjc/pipeline.h"

namespace sacjc {

struct ProbesExportOptions {
  std::string victim;  // a model (probes from the flags) or a fingerprint (its probes)
  std::string out;
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
};

// Adds `probes` with its subcommand `export`; returns the `export` subcommand.
CLI::App* add_probes_command(CLI::App& app, ProbesExportOptions& options);
int run_probes_export(ProbesExportOptions options);

}  // namespace sacjc
