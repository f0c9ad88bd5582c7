// A fingerprint: everything needed to check suspects against a victim without the victim
// model (the file format is fingerprint_file.h). The settings, the exact probe files (the JPEG bytes the probes decode
// from), the victim's per-probe features and correlation matrix, and optionally a calibration, in one binary file with
// a SHA-256 over all of it (layout in src/io/fingerprint_file.cpp and docs/manual.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/calibration.h"
#include "sacjc/correlation.h"
#include "sacjc/model.h"
#include "sacjc/probes.h"
#include "sacjc/score.h"
#include "sacjc/selection.h"

namespace sacjc {

constexpr std::uint32_t kFingerprintVersion = 1;

struct Fingerprint {
  std::string tool_version;  // the sacjc that wrote it
  ModelInfo victim;          // the model file it was made from: name, sha256, output size
  ProbeOptions probe_options;
  Mode mode = Mode::kLogits;
  Metric metric = kDefaultMetric;
  std::string output_key;    // --output the victim was run with
  std::string probe_source;  // where the seeds came from ("built-in" or the directory)
  std::string probe_sha256;  // of the decoded probes (and references), checked when they are rebuilt
  std::vector<std::string> probe_names, reference_names;
  std::vector<int> probe_labels;  // the owner's labels of the probes (--labels), or the reference models'
                                  // majority answers (--reference-models); empty without
  std::vector<std::vector<std::uint8_t>> probe_jpegs, reference_jpegs;  // references: --mode fri
  Outputs features;        // the victim's feature row per probe (mode applied)
  Eigen::MatrixXf matrix;  // the victim's correlation matrix
  std::optional<Calibration> calibration;
  Selection selection;  // how the probes were chosen (--select); the probes above are the kept ones
};

}  // namespace sacjc
