// `sacjc fingerprint VICTIM -o FILE`: measure the victim once and keep everything a check needs.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "sacjc/pipeline.h"

namespace sacjc {

struct FingerprintOptions {
  std::string victim;
  std::string output;
  std::string calibration;  // embedded, so verify with the fingerprint gives p-values
  std::string sign;         // --sign: Ed25519 private key (PEM); writes OUTPUT.sig too
  PipelineOptions pipeline;
  const CLI::App* command = nullptr;
};

CLI::App* add_fingerprint_command(CLI::App& app, FingerprintOptions& options);
int run_fingerprint(FingerprintOptions options);

}  // namespace sacjc
