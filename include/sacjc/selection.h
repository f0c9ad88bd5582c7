// Probe selection: from a pool of candidate images, keep the probes that tell a copy from an
// independent model best, judged by the victim alone. Extraction students learn the victim's
// mistakes and doubts; independent models do not share them (docs/manual.md, "Catching extraction").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sacjc/model.h"

namespace sacjc {

enum class Select {
  kAll,              // the first -n images, no selection
  kVictimWrong,      // the images the victim labels wrongly, topped up with its least confident right ones
  kVictimUncertain,  // the images with the highest entropy of the victim's softmax
  kVictimDisputed,   // the images where the victim's top class is not the reference models' majority answer,
                     // topped up with its least confident other ones (no labels needed)
};

// "all", "victim-wrong", "victim-uncertain" or "victim-disputed"; usage Error otherwise.
Select parse_select(const std::string& text);
std::string to_string(Select select);

// How a probe set was chosen; reports and fingerprints carry it.
struct Selection {
  Select method = Select::kAll;
  int pool = 0;        // candidate images the victim was run on (0: no selection)
  std::string labels;  // --labels file, victim-wrong only
  std::string labels_sha256;
  int victim_wrong = -1;                      // selected probes the victim gets wrong (-1: unknown, no labels)
  std::vector<std::string> reference_models;  // --reference-models, victim-disputed only
  std::vector<std::string> reference_sha256;  // their files' SHA-256, in the same order
  int victim_disputed = -1;  // selected probes where the victim is not the references' majority (-1: no references)
};

// The owner's labels: file name (relative to the probe directory) -> class index, and the line
// of the labels file it is on (for error messages).
struct Label {
  int label = 0;
  int line = 0;
  bool operator==(const Label& other) const { return label == other.label && line == other.line; }
};
using Labels = std::map<std::string, Label>;

// Parses a labels CSV: header `file,label`, then one row per image; CRLF and a UTF-8 BOM
// allowed. A malformed row, a duplicate file, a negative label or a file that is not in
// `known_files` throws a bad-input Error naming `name` and the line.
Labels parse_labels(const std::string& text, const std::string& name, const std::vector<std::string>& known_files);
Labels read_labels(const std::string& path, const std::vector<std::string>& known_files);

// Throws a bad-input Error naming `name` and the line of the first label that is not one of the
// victim's `classes`.
void check_label_range(const Labels& labels, long classes, const std::string& name);

// The indices (ascending, so probes keep name order) of the `count` pool images to keep, from
// the victim's outputs on the pool (one row per image, in pool order). victim-wrong needs one
// label per pool image (`labels`, same order), and victim-disputed the reference models' answers
// there (reference_answers), which it treats the same way; a label outside the victim's classes throws a
// bad-input Error naming `labels_name` and the image. Deterministic: ties go to the earlier image.
std::vector<int> select_probes(const Outputs& victim, Select method, int count, const std::vector<int>& labels = {},
                               const std::vector<std::string>& names = {}, const std::string& labels_name = "");

// The reference models' answer per probe, for --select victim-disputed: the class most of
// `references` (each one row per probe, the victim's width) put on top; where several classes
// tie for most, the victim's top class if it is one of them, else the lowest of them. So the
// victim disputes a probe (its top class is not this answer) exactly when more reference models
// name some other class than name the victim's. Used as the probes' labels by the selection and
// by --compare margin.
std::vector<int> reference_answers(const Outputs& victim, const std::vector<Outputs>& references);

// How many of the rows the victim's top class gets wrong.
int count_wrong(const Outputs& victim, const std::vector<int>& labels);

}  // namespace sacjc
