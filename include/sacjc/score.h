// Comparing two correlation matrices, and the verdict (docs/method.md steps 6-7).
#pragma once

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <vector>

#include "sacjc/correlation.h"

namespace sacjc {

// How two models' outputs are compared: through their correlation matrices (mad, rsa, cka, in
// [0, 2]) or probe by probe (agree, margin, cosine in [0, 1]; kl in [0, 28)). Every metric is a
// distance, 0 for identical outputs, small for a copy.
enum class Metric {
  kMad,     // the paper's: mean |Cv - Cs| over all n^2 entries, diagonal included
  kRsa,     // 1 - Pearson correlation of the off-diagonal entries (i < j): blind to the overall
            // level and scale of the matrices, only their pattern counts
  kCka,     // 1 - linear centred kernel alignment of the L2-normalised feature rows
  kAgree,   // 1 - share of probes on which the suspect's top class is the victim's (classifiers)
  kMargin,  // how strongly the suspect prefers the victim's wrong answers to the true labels (needs labels)
  kCosine,  // 1 - mean cosine similarity of the two models' softmax outputs, probe by probe (classifiers)
  kKl,      // mean KL divergence KL(victim || suspect) of the softmax outputs, probe by probe (classifiers)
  // Combinations: a comparison and agree or margin, each turned into a p-value under the independent
  // models of a calibration, joined by Tippett's minimum-p method (calibration.h). The "distance" is the
  // combined p-value, in [0, 1], small for a copy.
  kMadAgree,
  kRsaAgree,
  kCkaAgree,
  kRsaMargin,
  kCkaMargin,
  kRsaCosine,
  kCkaCosine,
  kRsaKl,
  kCkaKl,
};

// "mad", "rsa", "cka", "agree", "margin", or a combination "rsa+agree", "rsa+margin", ...; usage
// Error otherwise.
Metric parse_metric(const std::string& text);
std::string to_string(Metric metric);
const std::vector<std::string>& metric_names();

// The single comparisons a metric is made of: itself, or a combination's two parts.
std::vector<Metric> components(Metric metric);
bool is_combined(Metric metric);

// Whether the metric (or a part of it) reads the correlation matrices (mad); the others read
// the feature rows only.
bool reads_matrix(Metric metric);

// The paper's distance. Throws an internal Error if the matrices differ in size.
double mean_absolute_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect);

// 1 - Pearson correlation of the two correlation matrices' entries above the diagonal, computed
// from the feature rows (one per probe; the widths may differ) without forming the matrices. A
// matrix without variance (a model whose outputs all point the same way) has no pattern to
// compare: throws a bad-input Error naming it (victim_name or suspect_name).
double rsa_distance(const Outputs& victim, const Outputs& suspect, const std::string& victim_name,
                    const std::string& suspect_name);

// 1 - linear CKA of the L2-normalised feature rows. With unit rows the Gram matrix is 1 - C and
// double centring removes the constant, so this is also the cosine between the double-centred
// correlation matrices. Features that centre to zero are a bad-input Error naming their model.
double cka_distance(const Outputs& victim, const Outputs& suspect, const std::string& victim_name,
                    const std::string& suspect_name);

// 1 - the share of rows whose largest entry is in the same column (ties: the first column).
// For logits and one-hot labels alike; outputs of different widths are a bad-input Error
// naming the suspect.
double agree_distance(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name);

// On the probes the victim gets wrong (its top class is not the label), the suspect's margin of
// the victim's class over the true class, in units of the spread of the suspect's outputs on
// that probe (so a temperature or scale on the logits changes nothing); m is the mean margin
// and the distance 1 / (1 + e^m), in (0, 1), small when the suspect shares the victim's mistakes.
// An extraction student learns those mistakes from the victim's answers; an independent model
// leans to the truth. With --reference-models the labels are the reference models' majority
// answers (reference_answers), so the probes are those the victim disputes. No probe the victim
// gets wrong is a usage Error; outputs of another
// width a bad-input Error naming the suspect.
double margin_distance(const Outputs& victim, const Outputs& suspect, const std::vector<int>& labels,
                       const std::string& suspect_name);

// Each row of class scores as probabilities, in double: the softmax of each row (shifted by its
// maximum, so large logits are safe), or the rows themselves when every row already is a
// probability vector (entries >= 0 summing to 1 within 1e-3: an API that answers with
// probabilities, a model ending in softmax, one-hot labels), renormalised to sum to 1.
Eigen::MatrixXd class_probabilities(const Outputs& scores);

// 1 - the mean over the probes of the cosine similarity between the victim's and the suspect's
// probabilities (class_probabilities), in [0, 1]. Outputs of different widths are a bad-input
// Error naming the suspect.
double cosine_distance(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name);

// The mean over the probes of KL(p || q) = sum_k p_k ln(p_k / q_k), p the victim's
// probabilities and q the suspect's (class_probabilities), in nats: how much the suspect loses
// in describing the victim's answers. A suspect probability below 1e-12 counts as 1e-12, so the
// distance stays finite (below 27.7). Outputs of different widths are a bad-input Error naming
// the suspect.
double kl_distance(const Outputs& victim, const Outputs& suspect, const std::string& suspect_name);

// One single comparison (not a combination: see components()). `labels` are the probes' true
// classes, needed by margin only.
double compare(const Measurement& victim, const Measurement& suspect, Metric metric, const std::string& victim_name,
               const std::string& suspect_name, const std::vector<int>& labels = {});

// Each component's distance, in components() order.
std::vector<double> compare_parts(const Measurement& victim, const Measurement& suspect, Metric metric,
                                  const std::string& victim_name, const std::string& suspect_name,
                                  const std::vector<int>& labels = {});

// The default threshold of a comparison in a mode, and what it was measured on (the report
// names it): classifiers (--mode logits) on the Fashion-MNIST zoos, face descriptors
// (--mode embedding, fri) on the face zoo. docs/ holds the measurements and the commands that
// reproduce them. A combination has none (usage Error: it needs a calibration).
struct DefaultThreshold {
  double value = 0;
  std::string source;
};
DefaultThreshold default_threshold(Metric metric, Mode mode);
// The default with the owner's own probes (--probes) where that was measured apart: rsa in
// logits mode. nullopt elsewhere (then default_threshold holds).
std::optional<DefaultThreshold> own_probes_threshold(Metric metric, Mode mode);
constexpr Metric kDefaultMetric = Metric::kRsa;
constexpr Metric kLabelledMetric = Metric::kMargin;  // the default with --labels

// Class labels from a label-only API, compared as one-hot vectors, sit on another scale: their
// own defaults, measured on the Fashion-MNIST zoos with the built-in probes (docs/manual.md, "Black-box
// suspects"). None is measured for cka: a usage Error asks for --threshold.
double default_label_threshold(Metric metric);
constexpr const char* kDefaultLabelThresholdSource =
    "default for class labels, measured on the project's model zoos (docs/manual.md, Black-box suspects)";

enum class Verdict { kIndependent, kStolen };

// Stolen when the distance is strictly below the threshold.
Verdict decide(double distance, double threshold);
std::string to_string(Verdict verdict);

}  // namespace sacjc
