// Probes: the seed images, JPEG-compressed and turned into the model input tensor. Victim and
// suspect are always fed the same ProbeSet, so they see byte-identical images.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sacjc/image.h"
#include "sacjc/parallel.h"

namespace sacjc {

enum class Channels { kRgb, kBgr, kGray };

struct ProbeOptions {
  std::string directory;  // seed images; empty means the built-in default set
  int count = 0;          // how many seeds, in name order; 0 means all of them
  int height = 224;       // model input size in pixels
  int width = 224;
  int quality = 25;        // JPEG quality 1..100 (25 is severity 1 of the JPEG corruption)
  bool transpose = false;  // swap height and width after compression
  Channels channels = Channels::kRgb;
  std::vector<float> mean;  // subtracted after scaling to [0,1]; empty, 1 or `channels` values
  std::vector<float> std;   // divided by after the mean; empty, 1 or `channels` values
};

struct Seed {
  std::string name;
  Image image;
};

// The model input: count x channels x height x width floats, plus what identifies it.
struct ProbeSet {
  int count = 0;
  int channels = 0;
  int height = 0;
  int width = 0;
  std::vector<float> values;                     // NCHW
  std::vector<std::string> names;                // seed names, in probe order
  std::vector<std::vector<std::uint8_t>> jpegs;  // each probe's JPEG bytes (before --transpose)
  std::string source;                            // the seed directory, or "built-in"
  std::string sha256;                            // of the compressed-and-decoded pixels (and references), hex
  // --mode fri: the reference images, made by the same pipeline; null otherwise.
  std::shared_ptr<const ProbeSet> references;
  // The owner's class label of each probe (--labels with --select victim-wrong); empty otherwise.
  std::vector<int> labels;
};

// The names of the JPEG, PNG and BMP files in `directory` (not recursive), sorted. Throws a
// bad-input Error if the directory is unusable or holds no image.
std::vector<std::string> seed_file_names(const std::string& directory);

// JPEG, PNG and BMP files in `directory` (not recursive), sorted by file name; at most `count`
// of them (0: all). Throws a bad-input Error if the directory is unusable or has too few images.
std::vector<Seed> read_seed_directory(const std::string& directory, int count);

// Decodes one seed image file. JPEGs are checked strictly first: OpenCV decodes a truncated
// JPEG without complaint (grey where the data ends), which would silently change the probes.
Image decode_seed(const std::vector<std::uint8_t>& bytes, const std::string& name);

// The default seeds compiled into the binary (data/default_probes), at most `count` (0: all).
std::vector<Seed> builtin_seeds(int count);
int builtin_seed_count();

// One probe: the compressed file, and the exact 8-bit image a model is shown (the file decoded,
// then transposed with --transpose).
struct Probe {
  std::vector<std::uint8_t> jpeg;
  Image image;
};

// Resize, JPEG round trip, optional transpose.
Probe make_probe(const Image& seed, const ProbeOptions& options);

// The image a model is shown for a probe's JPEG file: decoded, transposed with --transpose.
Image probe_image(const std::vector<std::uint8_t>& jpeg, const ProbeOptions& options, const std::string& name);

// The seeds options.directory names (or the built-in ones), options.count of them.
std::vector<Seed> load_seeds(const ProbeOptions& options);

// Seeds to tensor: make_probe on each, then channels, scaling, mean/std.
ProbeSet probes_from_seeds(const std::vector<Seed>& seeds, const ProbeOptions& options);

// The same ProbeSet again from its JPEG files (a fingerprint's probes): decoded, transposed with
// --transpose, then channels, scaling, mean/std. `source` names where they come from. A file
// that does not decode to the input size throws a bad-input Error naming `source`.
ProbeSet probes_from_jpegs(const std::vector<std::string>& names, const std::vector<std::vector<std::uint8_t>>& jpegs,
                           const ProbeOptions& options, const std::string& source);

// The whole probe pipeline: load_seeds, then probes_from_seeds.
ProbeSet make_probes(const ProbeOptions& options);

// Makes `references` the probes' FRI reference images; the probes' hash then covers both.
void attach_references(ProbeSet& probes, ProbeSet references);

// Parses "rgb", "bgr" or "gray"; throws a usage Error otherwise.
Channels parse_channels(const std::string& text);
std::string to_string(Channels channels);

}  // namespace sacjc
