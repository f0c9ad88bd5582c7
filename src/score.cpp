#include "sacjc/score.h"

#include "sacjc/error.h"

namespace sacjc {

double mean_absolute_distance(const Eigen::MatrixXf& victim, const Eigen::MatrixXf& suspect) {
  if (victim.rows() != suspect.rows() || victim.cols() != suspect.cols() || victim.size() == 0)
    throw Error(ExitCode::kInternal, "correlation matrices of different sizes");
  // Accumulate in double: n^2 terms of order 0.1 lose digits in float for n in the thousands.
  return (victim - suspect).cwiseAbs().cast<double>().sum() / static_cast<double>(victim.size());
}

Verdict decide(double distance, double threshold) {
  return distance < threshold ? Verdict::kStolen : Verdict::kIndependent;
}

std::string to_string(Verdict verdict) {
  return verdict == Verdict::kStolen ? "stolen" : "independent";
}

}  // namespace sacjc
