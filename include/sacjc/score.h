// Comparing two correlation matrices, and the verdict (METHOD.md steps 6-7).
#pragma once

#include <Eigen/Dense>
#include <string>

namespace sacjc {

// How two correlation matrices are compared; every metric is a distance in [0, 2], 0 for
// identical matrices, small for a copy.
enum class Metric {
  kMad,  // the paper's: mean |Cv - Cs| over all n^2 entries, diagonal included
  kRsa,  // 1 - Pearson correlation of the off-diagonal entries (i < j): blind to the overall
         // level and scale of the matrices, only their pattern counts
  kCka,  // 1 - linear centred kernel alignment of the L2-normalised feature rows
};

Metric parse_metric(const std::string& text);  // "mad", "rsa" or "cka"; throws a usage Error otherwise
std::string to_string(Metric metric);

// The paper's distance. Throws an internal Error if the matrices differ in size.
double mean_absolute_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect);

// 1 - Pearson correlation of the upper triangles. A matrix without variance (a model whose
// outputs all point the same way) has no pattern to compare: throws a bad-input Error naming it
// (victim_name or suspect_name).
double rsa_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect,
                    const std::string& victim_name, const std::string& suspect_name);

// 1 - linear CKA. With unit feature rows the Gram matrix is 1 - C, and double centring removes
// the constant, so CKA is the cosine between the double-centred correlation matrices: the
// same number as CKA on the features, from the matrices alone (fingerprints need no more).
// A matrix that centres to zero is a bad-input Error naming its model, as for rsa.
double cka_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect,
                    const std::string& victim_name, const std::string& suspect_name);

double compare(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect, Metric metric,
               const std::string& victim_name, const std::string& suspect_name);

// The default threshold per metric, and where it comes from: the README section "Default
// threshold" gives the measurements behind it and the command that reproduces them.
double default_threshold(Metric metric);
constexpr const char* kDefaultThresholdSource = "default, measured on the project's model zoos (see README)";
constexpr Metric kDefaultMetric = Metric::kRsa;

// Class labels from a label-only API, compared as one-hot vectors, sit on another scale: their
// own defaults, measured on the Fashion-MNIST zoos with the built-in probes (README, "Black-box
// suspects"). None is measured for cka: a usage Error asks for --threshold.
double default_label_threshold(Metric metric);
constexpr const char* kDefaultLabelThresholdSource =
    "default for class labels, measured on the project's model zoos (see README)";

enum class Verdict { kIndependent, kStolen };

// Stolen when the distance is strictly below the threshold.
Verdict decide(double distance, double threshold);
std::string to_string(Verdict verdict);

}  // namespace sacjc
