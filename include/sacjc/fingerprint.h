// Fingerprint files (.sacfp): everything needed to check suspects against a victim without the
// victim model. The settings, the exact probe files (the JPEG bytes the probes decode from), the
// victim's per-probe features and correlation matrix, and optionally a calibration, in one
// binary file with a SHA-256 over all of it (layout in src/io/fingerprint.cpp and docs/manual.md).
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
  std::vector<int> probe_labels;  // the owner's labels of the probes (--labels); empty without
  std::vector<std::vector<std::uint8_t>> probe_jpegs, reference_jpegs;  // references: --mode fri
  Outputs features;        // the victim's feature row per probe (mode applied)
  Eigen::MatrixXf matrix;  // the victim's correlation matrix
  std::optional<Calibration> calibration;
  Selection selection;  // how the probes were chosen (--select); the probes above are the kept ones
};

// The file's bytes, and back. Anything truncated, corrupted, modified, of another format or of
// a newer version throws a bad-input Error naming `name`; nothing is trusted before the checksum.
// Files are named by their base name only (the victim, the probe directory, the labels file, a
// calibration's models): no path of the machine that wrote it; paths in older files are read.
std::string serialize_fingerprint(const Fingerprint& fingerprint);
Fingerprint parse_fingerprint(const std::vector<std::uint8_t>& bytes, const std::string& name);

// The detached signature of a fingerprint file: path + ".sig", the raw 64-byte Ed25519
// signature of every byte of the file (signature.h).
std::string signature_path(const std::string& fingerprint_path);

// Reads the file once. With a public key file (PEM), its signature is checked first, over
// exactly the bytes then parsed: a missing, malformed or failing signature is a bad-input Error
// naming the fingerprint, and a key file that is not an Ed25519 public key one naming the key.
Fingerprint read_fingerprint(const std::string& path, const std::string& public_key_file = "");

// Atomic, mode 0600. With a private key file (PEM), also writes signature_path(path), after the
// fingerprint; a key file that is not an Ed25519 private key is a bad-input Error naming it,
// thrown before anything is written.
void write_fingerprint(const std::string& path, const Fingerprint& fingerprint,
                       const std::string& private_key_file = "");

// True if the file starts like a fingerprint (what commands use to tell one from a model).
bool is_fingerprint_file(const std::string& path);

// The probes (with their references for --mode fri) rebuilt from the stored files. Throws a
// bad-input Error naming `name` if they do not decode to the pixels the fingerprint was made on.
ProbeSet fingerprint_probes(const Fingerprint& fingerprint, const std::string& name);

}  // namespace sacjc
