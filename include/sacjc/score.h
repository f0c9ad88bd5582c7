// Comparing two correlation matrices, and the verdict (METHOD.md steps 6-7).
#pragma once

#include <Eigen/Dense>
#include <string>

namespace sacjc {

// The paper's distance: mean |Cv - Cs| over all n^2 entries, diagonal included; in [0, 2].
// Throws an internal Error if the matrices differ in size.
double mean_absolute_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect);

// The default threshold for the paper's distance, and where it comes from: the README section
// "Default threshold" gives the measurements behind it and the command that reproduces them.
constexpr double kDefaultThreshold = 0.05;  // MEASURE
constexpr const char* kDefaultThresholdSource = "default, measured on the demo zoo (see README)";

enum class Verdict { kIndependent, kStolen };

// Stolen when the distance is strictly below the threshold.
Verdict decide(double distance, double threshold);
std::string to_string(Verdict verdict);

}  // namespace sacjc
