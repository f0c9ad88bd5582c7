// Correlation matrices with Eigen: normalise the rows once, then one symmetric rank-k update
// (half the multiply-adds of a general product) gives every pairwise cosine.
#include "sacjc/correlation.h"

namespace sacjc {

Eigen::MatrixXf correlation_matrix(const Outputs& outputs) {
  Eigen::MatrixXf unit = outputs;
  for (Eigen::Index i = 0; i < unit.rows(); ++i) {
    float norm = unit.row(i).norm();
    if (norm > 0) unit.row(i) /= norm;
  }
  const Eigen::Index n = unit.rows();
  Eigen::MatrixXf gram = Eigen::MatrixXf::Zero(n, n);
  gram.selfadjointView<Eigen::Lower>().rankUpdate(unit);
  Eigen::MatrixXf cosines = gram.selfadjointView<Eigen::Lower>();
  // Rounding can step just outside [0, 2].
  return (1.f - cosines.array()).cwiseMax(0.f).cwiseMin(2.f).matrix();
}

}  // namespace sacjc
