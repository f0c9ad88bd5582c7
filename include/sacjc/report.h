// What `sacjc verify` found, and its two renderings: text for people, JSON for scripts.
// The JSON schema is documented in the README; bump kReportSchemaVersion on any change that
// removes or renames a field.
#pragma once

#include <string>

#include "sacjc/probes.h"
#include "sacjc/score.h"

namespace sacjc {

constexpr int kReportSchemaVersion = 1;

struct ModelInfo {
  std::string path;
  std::string sha256;
  long output_size = 0;  // columns of the flattened output
};

struct Timings {  // seconds
  double load = 0, probes = 0, victim = 0, suspect = 0, compare = 0, total = 0;
};

struct VerifyReport {
  ModelInfo victim, suspect;
  ProbeOptions probe_options;
  int probe_count = 0;
  std::string probe_source;
  std::string probe_sha256;
  double distance = 0;
  double threshold = 0;
  std::string threshold_source;
  Verdict verdict = Verdict::kIndependent;
  int threads = 0;
  int batch_size = 0;
  Timings timings;
};

std::string format_text(const VerifyReport& report);
std::string format_json(const VerifyReport& report);

}  // namespace sacjc
